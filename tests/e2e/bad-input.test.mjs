// The catalogue of bad input, through the real UI: for each, the message a
// person sees, the last good results kept, and the saved scenario untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, ready, monthly, typeInto, SHOTS, ROOT } from './harness.mjs';

/** A version-1 share-link payload: raw DEFLATE of the JSON, base64url. */
const link1 = (scenario) => '1.' + zlib.deflateRawSync(Buffer.from(JSON.stringify(scenario))).toString('base64url');

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

const SAVED = 'planner.scenario.v1';

/** A page with an edited (so saved) scenario, its figures and its saved JSON. */
async function edited() {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await typeInto(page, 'input-workload-peak_requests_per_s', '950');
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('950'), SAVED);
  return { page, good: await monthly(page), saved: await page.evaluate((k) => localStorage.getItem(k), SAVED) };
}

async function unchanged(page, good, saved, what) {
  assert.deepEqual(await monthly(page), good, `${what}: the last good results stay`);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SAVED), saved, `${what}: the saved scenario is untouched`);
}

test('number fields: empty, zero, negative, huge, NaN, text, out of range', async () => {
  const { page, good, saved } = await edited();
  const cases = [
    ['input-workload-peak_requests_per_s', '', /Enter a number/],
    ['input-workload-peak_requests_per_s', '0', /more than 0/],
    ['input-workload-peak_requests_per_s', '-100', /more than 0/],
    ['input-workload-peak_requests_per_s', '1e308', /at most/],
    ['input-workload-peak_requests_per_s', 'NaN', /not a finite number/],
    ['input-workload-peak_requests_per_s', 'twelve', /not a number/],
    ['input-workload-edge_cache_hit_ratio', '150', /must be between 0 and 99 %; it is 150 %/],
    ['input-workload-peak_requests_per_s', '100000000000000000000', /must be at most 10,000,000 req\/s; it is 1e20 req\/s/],
    ['input-compute-app_service-min_instances', '1', /must be between 2 and 30 per stamp \(App Service zone redundancy needs 2; a Premium v3 plan allows 30\); it is 1 per stamp/],
    ['input-compute-app_service-min_instances', '2.5', /whole number/],
    ['input-targets-rto_s', '-1', /more than 0/],
  ];
  for (const [field, text, message] of cases) {
    await typeInto(page, field, text);
    const error = page.getByTestId(field.replace('input-', 'error-'));
    await error.waitFor();
    assert.match(await error.innerText(), message, `${field} = "${text}"`);
    assert.match(await page.getByTestId('invalid-banner').innerText(), /last valid scenario/);
    await unchanged(page, good, saved, `${field} = "${text}"`);
    // Put the good value back before the next case.
    const restore = { 'input-workload-peak_requests_per_s': '950', 'input-workload-edge_cache_hit_ratio': '30', 'input-compute-app_service-min_instances': '2', 'input-targets-rto_s': '60' }[field];
    await typeInto(page, field, restore);
    await error.waitFor({ state: 'detached' });
  }
});

test('the SLA credit schedule is editable and validated', async () => {
  const { page, good, saved } = await edited();
  await page.getByText('Resilience and risk').click();
  const lossBefore = await page.getByTestId('tier-single_region-expected-loss').innerText();
  await typeInto(page, 'credit-credit-0', '250');
  await page.getByTestId('credit-schedule').getByText(/must be between 0 and 100 %; it is 250 %/).waitFor();
  await unchanged(page, good, saved, 'credit 250%');
  await typeInto(page, 'credit-credit-0', '50');
  await page.waitForFunction((b) => document.querySelector('[data-testid="tier-single_region-expected-loss"]').innerText !== b, lossBefore);
  assert.notEqual(await page.getByTestId('tier-single_region-expected-loss').innerText(), lossBefore, 'a bigger credit raises the expected loss');
});

test('traffic shares that do not add up to 100%', async () => {
  const { page, good, saved } = await edited();
  await typeInto(page, 'input-share-0', '50');
  await page.getByTestId('error-regions').getByText(/traffic shares add up to 90\.0%/).waitFor();
  await unchanged(page, good, saved, 'shares');
});

/** Writes a variant of the shipped sheet and loads it through the UI. */
async function loadSheet(page, name, edit) {
  const lines = fs.readFileSync(path.join(ROOT, 'pricing', 'azure-retail-usd.csv'), 'utf8').split('\n');
  const file = path.join(SHOTS, name);
  fs.writeFileSync(file, edit(lines).join('\n'));
  await page.getByTestId('load-sheet').setInputFiles(file);
}

test('price sheets: missing column, duplicate meter, negative price, two currencies', async () => {
  const { page, good, saved } = await edited();
  const cases = [
    ['missing-column.csv', (l) => l.map((x) => x.split(',').slice(0, 14).join(',')), /missing-column\.csv, line 1, column “source”: the column “source” is missing/],
    ['duplicate.csv', (l) => [...l.slice(0, 3), l[1], ...l.slice(3)], /duplicate\.csv, line 4, column “meter_name”: duplicate meter/],
    ['negative.csv', (l) => { const c = l[2].split(','); c[7] = '-0.5'; l[2] = c.join(','); return l; }, /negative\.csv, line 3, column “retail_price”: -0\.5 is negative/],
    ['currency.csv', (l) => { l[5] = l[5].replace(',USD,', ',EUR,'); return l; }, /currency\.csv, line 6, column “currency_code”: EUR differs from USD/],
  ];
  for (const [name, edit, message] of cases) {
    await loadSheet(page, name, edit);
    const error = page.getByTestId('sheet-error');
    await page.waitForFunction((n) => (document.querySelector('[data-testid="sheet-error"]')?.innerText || '').includes(n), name);
    assert.match(await error.innerText(), message, name);
    assert.match(await error.innerText(), /previous price sheet is still in use/);
    await unchanged(page, good, saved, name);
    assert.match(await page.getByTestId('sheet-info').innerText(), /^azure-retail-usd\.csv/, 'the good sheet is still the one in use');
  }
});

test('a sheet without prices for a region in use is refused, naming the region and the fix', async () => {
  const { page, good, saved } = await edited();
  await loadSheet(page, 'no-southeastasia.csv', (l) => l.filter((x) => !x.includes(',southeastasia,')));
  await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-error"]')?.innerText || '').includes('no-southeastasia.csv'));
  const text = await page.getByTestId('sheet-error').innerText();
  assert.match(text, /No prices for Southeast Asia in this sheet: load a sheet that has them, or run `refresh-prices --regions southeastasia`/);
  assert.match(text, /still use the previous sheet/);
  assert.match(await page.getByTestId('sheet-info').innerText(), /^azure-retail-usd\.csv/, 'the complete sheet stays in use');
  await unchanged(page, good, saved, 'no-southeastasia.csv');
});

test('a region the sheet has no prices for is named, never priced at $0', async () => {
  const { page, good } = await edited();
  // Every public region is offered, grouped by geography.
  const groups = await page.getByTestId('input-region-1').locator('optgroup').evaluateAll((g) => g.map((x) => x.label));
  assert.ok(groups.includes('Brazil') && groups.includes('Europe') && groups.includes('United States'), groups.join(', '));
  assert.ok(await page.getByTestId('input-region-1').locator('option').count() >= 55);
  await page.getByTestId('input-region-1').selectOption('brazilsouth');
  await page.getByTestId('unpriced-region').waitFor();
  const text = await page.getByTestId('unpriced-region').innerText();
  assert.match(text, /No prices for Brazil South in this sheet: load a sheet that has them, or run `refresh-prices --regions brazilsouth`/);
  assert.match(text, /last complete scenario/);
  assert.deepEqual(await monthly(page), good, 'the last complete figures stay');
});

test('share links: truncated, from a newer version, from an older version, with script in a name', async () => {
  const { page, saved } = await edited();
  await page.getByTestId('share').click();
  const link = await page.getByTestId('share-url').inputValue();
  const cut = link.slice(0, link.length - 25);
  const newer = link.replace('#s=1.', '#s=7.');
  for (const [url, message] of [[cut, /damaged/], [newer, /newer version/]]) {
    const fresh = await h.newPage();
    await fresh.goto(url);
    await fresh.getByTestId('banner').waitFor();
    assert.match(await fresh.getByTestId('banner').innerText(), message);
    await ready(fresh);
    assert.equal(await fresh.getByTestId('input-workload-peak_requests_per_s').inputValue(), '800', 'the default scenario');
  }
  // An older link: a version-1 payload written before most fields existed
  // opens, with every missing field at its default.
  const older = await h.newPage();
  await older.goto(`${h.url}#s=${link1({ name: 'Old link', workload: { peak_requests_per_s: 4321 } })}`);
  await ready(older);
  assert.equal(await older.getByTestId('input-workload-peak_requests_per_s').inputValue(), '4321');
  assert.equal(await older.locator('.subtitle').innerText(), 'Old link');
  assert.equal(await older.getByTestId('banner').count(), 0, 'no error for an older link');
  // Script in a string field is shown as text, never run or parsed as markup.
  const hostileName = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const hostile = await h.newPage();
  let dialogs = 0;
  hostile.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await hostile.goto(`${h.url}#s=${link1({ name: hostileName })}`);
  await ready(hostile);
  assert.equal(await hostile.locator('.subtitle').innerText(), hostileName);
  assert.equal(await hostile.locator('.subtitle img, .subtitle script').count(), 0);
  assert.equal(await hostile.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), SAVED), saved, 'opening links elsewhere did not touch this profile');
});
