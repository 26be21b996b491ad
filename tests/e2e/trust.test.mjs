// What broke a new user's trust in the first ten minutes (issue 16, items
// 1–5): each test fails without its fix and asserts on what a person sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, ready, monthly, typeInto, ROOT } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

const SAVED = 'planner.scenario.v1';
const TIERS = ['single_region', 'active_passive', 'active_active_reads', 'multi_write'];

test('Enter in a field commits that field and removes no region', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  const regionsBefore = await page.locator('[data-testid^="region-row-"]').count();
  const first = await page.getByTestId('input-region-0').inputValue();
  const costs = await monthly(page);
  const field = page.getByTestId('input-workload-peak_requests_per_s');
  await field.click();
  await field.fill('900');
  await field.press('Enter');
  await page.waitForFunction((b) => document.querySelector('[data-testid="tier-multi_write-monthly"]').innerText !== b, `$${costs.multi_write.toLocaleString('en-US')}`);
  assert.equal(await page.locator('[data-testid^="region-row-"]').count(), regionsBefore, 'every region is still there');
  assert.equal(await page.getByTestId('input-region-0').inputValue(), first, 'region 1 is unchanged');
  assert.equal(await field.inputValue(), '900');
  // Enter in every kind of field: still no region removed, no preset reset.
  for (const id of ['input-share-0', 'input-workload-writes_per_request', 'input-targets-rto_s']) {
    await page.getByTestId(id).press('Enter');
  }
  assert.equal(await page.locator('[data-testid^="region-row-"]').count(), regionsBefore);
  assert.deepEqual(page.errors, []);
});

test('a decimal comma in an English locale is refused with a message, never read as another number', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await typeInto(page, 'input-workload-peak_requests_per_s', '905');
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('905'), SAVED);
  const good = await monthly(page);
  const saved = await page.evaluate((k) => localStorage.getItem(k), SAVED);
  for (const text of ['0,3', '1,5']) {
    await typeInto(page, 'input-workload-writes_per_request', text);
    const error = page.getByTestId('error-workload-writes_per_request');
    await error.waitFor();
    assert.match(await error.innerText(), new RegExp(`“${text}”.*decimal point`), text);
    assert.deepEqual(await monthly(page), good, `${text}: figures unchanged`);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SAVED), saved, `${text}: saved scenario untouched`);
  }
  // Thousands grouping is what an English locale means by a comma.
  await typeInto(page, 'input-workload-peak_requests_per_s', '1,000');
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('"peak_requests_per_s":1000'), SAVED);
});

test('a decimal comma in a German locale is read as the decimal mark; an ambiguous 1.000 is refused', async () => {
  const page = await h.newPage({ locale: 'de-DE' });
  await page.goto(h.url);
  await ready(page);
  // Stored 0.3 is shown the way this locale writes it.
  assert.equal(await page.getByTestId('input-workload-writes_per_request').inputValue(), '0,3');
  const before = await monthly(page);
  await typeInto(page, 'input-workload-writes_per_request', '0,6');
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('"writes_per_request":0.6'), SAVED);
  const after = await monthly(page);
  assert.ok(after.multi_write > before.multi_write, 'twice the writes cost more');
  await typeInto(page, 'input-workload-peak_requests_per_s', '1.000');
  const error = page.getByTestId('error-workload-peak_requests_per_s');
  await error.waitFor();
  assert.match(await error.innerText(), /could mean two numbers/);
  assert.deepEqual(await monthly(page), after, 'figures unchanged while ambiguous');
});
