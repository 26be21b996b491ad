// Issue 18: a decision that survives scrutiny. For the Northwind preset the
// page shows the tornado (chart and table), where the recommendation holds,
// and, after a range is typed, P10 / P50 / P90 per tier; the range travels
// in the share link and the CSV export carries P50 and P90 budget lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, ready, money, typeInto, parseCsv, SHOTS } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

const TIERS = ['single_region', 'active_passive', 'active_active_reads', 'multi_write'];

async function northwind(page) {
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('preset').selectOption('northwind');
  await page.getByTestId('decision-ranges').waitFor({ timeout: 30_000 });
}

test('Northwind: tornado with its table, decision ranges, and how to add a range', async () => {
  const page = await h.newPage();
  await northwind(page);
  // Where the recommendation holds, next to the recommendation.
  const ranges = page.getByTestId('decision-ranges');
  assert.match(await ranges.innerText(), /Where this recommendation holds/);
  // Relaxing the RTO lets active-active reads take over: an edge with the tier named.
  const rto = await page.getByTestId('decision-targets-rto_s').innerText();
  assert.match(rto, /RTO target: Multi-region writes stays the choice while it is [\d,]+–[\d,]+ s; below [\d,]+, no tier meets every target; above [\d,]+, Active-active reads is the pick\./);
  // The tornado: a drawn canvas and the table alternative, largest swing first.
  const figure = page.getByTestId('chart-tornado');
  await figure.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="robustness"]').dataset.redraws) > 0);
  await figure.locator('summary').click();
  const table = page.getByTestId('tornado-table');
  await table.waitFor();
  const rows = await table.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 10, 'top ten inputs');
  // Labels and units are the input fields' own (one registry), and a
  // fraction is shown in percent as it is typed.
  assert.match(rows[0], /^Peak requests\s+640 req\/s\s+960 req\/s\s+\$[\d,]+\s+\$[\d,]+\s+\$[\d,]+/);
  const cache = rows.find((r) => r.startsWith('Edge cache hits'));
  assert.ok(cache, `edge cache hits in the top ten: ${rows}`);
  assert.match(cache, /^Edge cache hits\s+\d+%\s+\d+%\s/);
  const swings = rows.map((r) => money(r.split('\t').at(-1)));
  for (let i = 1; i < swings.length; i++) assert.ok(swings[i - 1] >= swings[i], `sorted: ${swings}`);
  // Another tier's tornado includes the risk-adjusted downtime inputs.
  await page.getByTestId('tornado-tier-single_region').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="tornado-table"]')?.innerText.includes('risk-adjusted'));
  // No range set: the view says how to add one.
  assert.match(await page.getByTestId('ranges-how').innerText(), /600\.\.800\.\.1200/);
  assert.deepEqual(page.errors, []);
});

test('a typed range gives P10 / P50 / P90 per tier, travels in the link, and reaches the CSV', async () => {
  const page = await h.newPage();
  await northwind(page);
  await typeInto(page, 'input-workload-peak_requests_per_s', '600..800..1200');
  const table = page.getByTestId('cost-ranges-table');
  await table.waitFor({ timeout: 30_000 });
  assert.match(await table.locator('caption').innerText(), /2,000 samples over the ranges of Peak requests$/);
  for (const t of TIERS) {
    const cells = (await page.getByTestId(`ranges-${t}`).innerText()).split('\t').slice(1).map(money);
    const [p10, p50, p90] = cells;
    assert.ok(p10 < p50 && p50 < p90, `${t}: ${cells}`);
    // The comparison shows the same figures beside a range bar.
    const bar = await page.getByTestId(`tier-${t}-range`).innerText();
    assert.match(bar, /\$[\d,]+ · \$[\d,]+ · \$[\d,]+/);
    assert.equal(await page.getByTestId(`tier-${t}-range`).locator('svg.range-bar').count(), 1);
  }
  // Multi-region writes stays the pick in every sample (the targets decide it).
  assert.match(await page.getByTestId('ranges-multi_write').innerText(), /\t100(\.0)?%$/);
  // The field keeps showing the range; the figures use its likely value.
  assert.equal(await page.getByTestId('input-workload-peak_requests_per_s').inputValue(), '600..800..1200');
  await page.screenshot({ path: path.join(SHOTS, 'robustness.png'), fullPage: true });

  // The CSV export ends with P50 and P90 budget lines per tier.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = parseCsv(fs.readFileSync(await download.path(), 'utf8'));
  const budget = csv.filter((r) => r[1] === 'budget');
  assert.equal(budget.length, 8, 'P50 and P90 for four tiers');
  assert.match(budget[7][2], /^Budget at P90/);

  // The range travels in the share link.
  await page.getByTestId('share').click();
  await page.waitForFunction(() => location.hash.length > 10);
  const link = page.url();
  const other = await h.newPage();
  await other.goto(link);
  await ready(other);
  await other.getByTestId('cost-ranges-table').waitFor({ timeout: 30_000 });
  assert.equal(await other.getByTestId('input-workload-peak_requests_per_s').inputValue(), '600..800..1200');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(other.errors, []);
});
