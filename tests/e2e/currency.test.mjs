// A currency switch at a typed exchange rate (issue 16, "What users expected"):
// every figure in the chosen currency, the rate and its date on the working,
// the sheet line, the CSV and the share link; a bad rate loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { start, ready, monthly, typeInto, parseCsv } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

const SAVED = 'planner.scenario.v1';

async function openCommercial(page) {
  await page.locator('summary', { hasText: 'Commercial terms' }).click();
}

test('figures in EUR at a typed rate: every total converted, the rate shown and exported, a bad rate loses nothing', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  const usd = await monthly(page);
  const firstText = await page.getByTestId('tier-single_region-monthly').innerText();
  assert.match(firstText, /^\$/);
  await openCommercial(page);
  await page.getByTestId('input-commercial-conversion-currency').selectOption('EUR');
  // No rate yet: the field says what is missing and the dollar figures stay.
  const error = page.getByTestId('error-commercial-conversion-rate');
  await error.waitFor();
  assert.match(await error.innerText(), /must be more than 0 EUR per unit of the price sheet's currency/);
  assert.equal(await page.getByTestId('tier-single_region-monthly').innerText(), firstText, 'the last good figures stay');
  const saved = await page.evaluate((k) => localStorage.getItem(k), SAVED);
  assert.ok(!saved || !saved.includes('"rate":0'), 'the saved scenario is not overwritten with a zero rate');

  await typeInto(page, 'input-commercial-conversion-rate', '0.9');
  await page.waitForFunction(() => document.querySelector('[data-testid="tier-single_region-monthly"]').innerText.startsWith('€'));
  const eur = await monthly(page);
  for (const [tier, dollars] of Object.entries(usd)) {
    // Whole units on screen: within one euro of dollars × 0.9.
    assert.ok(Math.abs(eur[tier] - dollars * 0.9) <= 1, `${tier}: €${eur[tier]} vs $${dollars} × 0.9`);
  }
  const today = new Date().toISOString().slice(0, 10);
  assert.match(await page.getByTestId('sheet-info').innerText(), new RegExp(`figures in EUR, converted from USD at 0\\.9 EUR per USD on ${today}`));

  // The working of a figure says it was converted, and shows euro prices.
  await page.getByTestId('tier-multi_write-monthly').click();
  const working = page.getByTestId('working');
  await working.waitFor();
  assert.match(await page.getByTestId('working-converted').innerText(), /Every amount here is in EUR: prices converted from USD at 0\.9 EUR per USD/);
  assert.match(await working.locator('tbody').innerText(), /€/);
  await page.getByTestId('working-close').click();

  // The CSV export carries the currency, the rate and its date on every row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const file = path.join(os.tmpdir(), `planner-currency-${process.pid}.csv`);
  await download.saveAs(file);
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows[0];
  const at = (name) => header.indexOf(name);
  assert.ok(rows.length > 50);
  for (const row of rows.slice(1).filter((r) => r.length > 1)) {
    assert.equal(row[at('currency')], 'EUR');
    assert.equal(row[at('converted_from')], 'USD');
    assert.equal(row[at('exchange_rate')], '0.9');
    assert.equal(row[at('rate_as_of')], today);
  }

  // A bad date is refused in words; the euro figures stay.
  await typeInto(page, 'input-commercial-conversion-as_of', '2026-13-40');
  await page.getByTestId('error-commercial-conversion-as_of').waitFor();
  assert.deepEqual(await monthly(page), eur);
  await typeInto(page, 'input-commercial-conversion-as_of', today);
  await page.getByTestId('error-commercial-conversion-as_of').waitFor({ state: 'detached' });

  // The share link opens in EUR at the same rate.
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const other = await h.newPage();
  await other.goto(url);
  await ready(other);
  await other.waitForFunction(() => document.querySelector('[data-testid="tier-single_region-monthly"]').innerText.startsWith('€'));
  assert.deepEqual(await monthly(other), eur);

  // Back to the sheet's own currency: the dollar figures again.
  await page.getByTestId('input-commercial-conversion-currency').selectOption('sheet');
  await page.waitForFunction(() => document.querySelector('[data-testid="tier-single_region-monthly"]').innerText.startsWith('$'));
  assert.deepEqual(await monthly(page), usd);
  assert.deepEqual(page.errors, []);
});
