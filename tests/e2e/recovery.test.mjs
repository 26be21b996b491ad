// Recovery work (issue 17 §2–§4, issue 13 §3 backup): the failure-mode
// matrix, the backup choice it reads, and drills, as a person sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { start, ready, SHOTS } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

const TIERS = ['single_region', 'active_passive', 'active_active_reads', 'multi_write'];
const MODES = ['zone_loss', 'region_loss', 'cosmos_regional_outage', 'front_door_global', 'bad_deployment', 'data_corruption'];

async function northwind(page) {
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('preset').selectOption('northwind');
  await page.getByTestId('failure-modes-table').waitFor();
}

const cell = (page, tier, mode) => page.getByTestId(`fm-${tier}-${mode}`);

test('the failure-mode table shows every mode for every tier, and its working cites Microsoft', async () => {
  const page = await h.newPage();
  await northwind(page);
  for (const mode of MODES) {
    for (const tier of TIERS) {
      const text = await cell(page, tier, mode).innerText();
      assert.match(text, /^RTO .* · RPO /, `${tier} ${mode}: ${text}`);
      assert.doesNotMatch(text, /NaN|undefined/, `${tier} ${mode}`);
    }
  }
  // Multi-write on losing a region: Front Door drains in 50 s; Cosmos DB's
  // expected 3 s with Microsoft's 15-minute bound beside it.
  assert.equal(await cell(page, 'multi_write', 'region_loss').innerText(), 'RTO 50 s · RPO 3 s (bound 15 min)');
  // No Traffic Manager: a Front Door incident stops every tier.
  assert.match(await page.getByTestId('fm-multi_write-front_door_global-detail').innerText(), /^0% of peak served\. Traffic Manager above Front Door \(not enabled\) \(\$\d/);
  // The working of a zone loss quotes Cosmos DB's high-availability table.
  await cell(page, 'single_region', 'zone_loss').click();
  const how = page.getByTestId('fm-how');
  await how.waitFor();
  assert.match(await how.innerText(), /No availability loss.*learn\.microsoft\.com\/azure\/cosmos-db\/high-availability/);
  assert.match(await page.getByTestId('working').innerText(), /Single region, zone-redundant: Zone loss/);
  assert.deepEqual(page.errors, []);
});

test('the backup choice sets the data a restore loses and its price', async () => {
  const page = await h.newPage();
  await northwind(page);
  const corruption = cell(page, 'multi_write', 'data_corruption');
  assert.equal(await corruption.innerText(), 'RTO 4 h · RPO 2 h (bound 4 h)');
  assert.match(await page.getByTestId('fm-multi_write-data_corruption-detail').innerText(), /Periodic backup \(no extra charge\)/);
  await page.getByTestId('input-data-backup-mode').selectOption('continuous_30_day');
  await page.waitForFunction(() => document.querySelector('[data-testid="fm-multi_write-data_corruption"]').innerText.startsWith('RTO 4 h · RPO 1 s'));
  assert.equal(await corruption.innerText(), 'RTO 4 h · RPO 1 s (bound 100 s)');
  assert.match(await page.getByTestId('fm-multi_write-data_corruption-detail').innerText(), /Continuous, 30 days backup \(\$[\d,]+ a month \+ \$[\d,]+ a restore\)/);
  // The storage is a Cosmos DB storage line in the tier's working.
  await page.getByTestId('tier-multi_write-monthly').click();
  await page.getByTestId('working').waitFor();
  assert.match(await page.getByTestId('working').innerText(), /Cosmos DB continuous backup \(30 days\)/);
  assert.deepEqual(page.errors, []);
});

test('a drill result replaces the modelled figure, labelled measured with its date, and goes stale', async () => {
  const page = await h.newPage();
  await northwind(page);
  await page.locator('details', { has: page.getByTestId('add-drill') }).locator('summary').click();
  await page.getByTestId('add-drill').click();
  // Active-passive region loss, drilled at 35 s on 1 Jun 2026.
  await page.getByTestId('drill-tier-0').selectOption('active_passive');
  await page.getByTestId('drill-value-0').fill('35');
  await page.getByTestId('drill-date-0').fill('2026-06-01');
  await page.getByTestId('drill-date-0').dispatchEvent('change');
  const region = cell(page, 'active_passive', 'region_loss');
  await page.waitForFunction(() => document.querySelector('[data-testid="fm-active_passive-region_loss"]').innerText.startsWith('RTO 35 s measured 1 Jun 2026'));
  // The comparison's RTO follows the drill.
  assert.match(await page.getByTestId('tier-active_passive-rto').innerText(), /^35 s/);
  // Today (the browser's clock) is more than 90 days after the drill.
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  const age = Math.round((Date.parse(today) - Date.parse('2026-06-01')) / 86_400_000);
  const text = await region.innerText();
  await page.getByTestId('failure-modes').screenshot({ path: path.join(SHOTS, 'recovery-drill.png') });
  if (age > 90) assert.match(text, new RegExp(`\\(stale: ${age} days old\\)`), text);
  else assert.doesNotMatch(text, /stale/, text);
  // A chosen age beyond it keeps the drill fresh.
  await page.getByTestId('input-resilience-drill_max_age_days').fill(String(age + 10));
  await page.waitForFunction(() => !document.querySelector('[data-testid="fm-active_passive-region_loss"]').innerText.includes('stale'));
  // Removing the drill brings the model back (links and files: tests/recovery.rs).
  await page.getByTestId('drill-remove-0').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="fm-active_passive-region_loss"]').innerText.includes('measured'));
  assert.match(await region.innerText(), /^RTO 15 min/);
  assert.deepEqual(page.errors, []);
});
