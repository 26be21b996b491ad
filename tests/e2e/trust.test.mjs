// What broke a new user's trust in the first ten minutes (issue 16, items
// 1–5): each test fails without its fix and asserts on what a person sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { start, ready, settled, monthly, typeInto, parseCsv, ROOT } from './harness.mjs';

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
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || '{}').workload?.peak_requests_per_s === 1000, SAVED);
});

test('a decimal comma in a German locale is read as the decimal mark; an ambiguous 1.000 is refused', async () => {
  const page = await h.newPage({ locale: 'de-DE' });
  await page.goto(h.url);
  await ready(page);
  // Stored 0.3 is shown the way this locale writes it.
  assert.equal(await page.getByTestId('input-workload-writes_per_request').inputValue(), '0,3');
  const before = await monthly(page);
  await typeInto(page, 'input-workload-writes_per_request', '0,6');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || '{}').workload?.writes_per_request === 0.6, SAVED);
  const after = await monthly(page);
  assert.ok(after.multi_write > before.multi_write, 'twice the writes cost more');
  await typeInto(page, 'input-workload-peak_requests_per_s', '1.000');
  const error = page.getByTestId('error-workload-peak_requests_per_s');
  await error.waitFor();
  assert.match(await error.innerText(), /could mean two numbers/);
  assert.deepEqual(await monthly(page), after, 'figures unchanged while ambiguous');
});

/** Writes a variant of the shipped sheet (one App Service price changed, or rows left out). */
function sheetVariant(name, edit) {
  const lines = fs.readFileSync(path.join(ROOT, 'pricing', 'azure-retail-usd.csv'), 'utf8').split('\n');
  const dir = path.join(os.tmpdir(), `planner-trust-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, edit(lines).join('\n'));
  return file;
}

/** The shipped sheet with every App Service hourly price doubled. */
const dearer = (lines) => lines.map((l) => {
  if (!l.startsWith('Azure App Service,') || !l.includes(',Consumption,')) return l;
  const c = l.split(',');
  c[7] = String(Number(c[7]) * 2);
  return c.join(',');
});

test('a share link made with a loaded sheet says so to a recipient who lacks it, and matches once they load it', async () => {
  const file = sheetVariant('negotiated.csv', dearer);
  const sender = await h.newPage();
  await sender.goto(h.url);
  await ready(sender);
  const listPrices = await monthly(sender);
  await sender.getByTestId('load-sheet').setInputFiles(file);
  await sender.waitForFunction(() => document.querySelector('[data-testid="sheet-info"]').innerText.includes('negotiated.csv'));
  const senderCosts = await monthly(sender);
  assert.ok(senderCosts.single_region > listPrices.single_region, 'dearer compute costs more');
  await sender.getByTestId('share').click();
  const link = await sender.getByTestId('share-url').inputValue();
  assert.match(await sender.getByTestId('toast').innerText(), /names the price sheet negotiated\.csv/);

  const recipient = await h.newPage();
  await recipient.goto(link);
  await ready(recipient);
  const warning = recipient.getByTestId('sheet-mismatch');
  await warning.waitFor();
  assert.match(await warning.innerText(), /made with the price sheet negotiated\.csv \(USD, fingerprint [0-9a-f]{8}\).*use azure-retail-usd\.csv \(USD\) and will differ/);
  assert.deepEqual(await monthly(recipient), listPrices, 'the recipient sees list prices, and is told so');
  // Loading the sender's sheet from the warning shows the sender's figures.
  await recipient.getByTestId('load-wanted-sheet').setInputFiles(file);
  await warning.waitFor({ state: 'detached' });
  assert.deepEqual(await monthly(recipient), senderCosts, 'same sheet, same figures');

  // The exported scenario names the sheet too.
  const [download] = await Promise.all([sender.waitForEvent('download'), sender.getByTestId('export-json').click()]);
  const saved = path.join(os.tmpdir(), `planner-trust-${process.pid}-scenario.json`);
  await download.saveAs(saved);
  const json = JSON.parse(fs.readFileSync(saved, 'utf8'));
  assert.equal(json.price_sheet.name, 'negotiated.csv');
  assert.match(json.price_sheet.fingerprint, /^[0-9a-f]{16}$/);
  // The printed business case names the sheet and its fingerprint.
  assert.match(await sender.getByTestId('print-prices').textContent(), /negotiated\.csv \(USD, fingerprint [0-9a-f]{8}\)/);
});

test('a sheet with a missing row is refused, named meter by meter; the working keeps its words', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  const good = await monthly(page);
  const file = sheetVariant('incomplete.csv', (l) => l.filter((x) => !(x.includes('Premium v3 Plan - Linux,P1 v3,') && x.includes(',westeurope,') && x.includes(',Consumption,'))));
  await page.getByTestId('load-sheet').setInputFiles(file);
  const error = page.getByTestId('sheet-error');
  await error.waitFor();
  assert.match(await error.innerText(), /incomplete\.csv was not used: it has no price for 1 meter the scenario needs: .*P1 v3.* in westeurope/);
  assert.match(await page.getByTestId('sheet-info').innerText(), /^azure-retail-usd\.csv/);
  assert.deepEqual(await monthly(page), good);
  // Edits still change the figures, and the working still names every line.
  await typeInto(page, 'input-workload-peak_requests_per_s', '1600');
  await page.waitForFunction((b) => document.querySelector('[data-testid="tier-multi_write-monthly"]').innerText !== b, `$${good.multi_write.toLocaleString('en-US')}`);
  await page.getByTestId('tier-multi_write-monthly').click();
  const working = page.getByTestId('working');
  await working.waitFor();
  const rows = await working.locator('tbody tr').allInnerTexts();
  assert.ok(rows.length > 5, 'the working lists the line items');
  for (const row of rows.slice(0, 5)) assert.match(row, /^\S.*\t/, `a named line: ${row}`);
});

test('share and export refuse while an input is invalid, and say why', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await typeInto(page, 'input-workload-peak_requests_per_s', 'lots');
  await page.getByTestId('error-workload-peak_requests_per_s').waitFor();
  let downloads = 0;
  page.on('download', () => { downloads++; });
  for (const button of ['share', 'export-json', 'export-csv']) {
    await page.getByTestId(button).click();
    const banner = page.getByTestId('banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /1 input needs attention .*fix it first\. Nothing was shared or exported/, button);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
  }
  await page.waitForTimeout(300);
  assert.equal(downloads, 0, 'nothing was downloaded');
  assert.equal(await page.getByTestId('share-url').count(), 0, 'no link was made');
  assert.ok(!page.url().includes('#s='), 'the address holds no link');
});

test('the banner lists every problem by its label, and each one takes you to its field', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await typeInto(page, 'input-workload-peak_requests_per_s', 'lots');
  await typeInto(page, 'input-targets-rto_s', '-1');
  const banner = page.getByTestId('invalid-banner');
  await page.waitForFunction(() => (document.querySelector('[data-testid="invalid-banner"]')?.innerText || '').startsWith('2 inputs need attention'));
  const items = await banner.locator('li').allInnerTexts();
  assert.equal(items.length, 2, 'the count and the list agree');
  assert.ok(items.some((t) => /^Peak requests.*: “lots” is not a number/.test(t)), items.join(' | '));
  // Scroll away, then follow the link: the field is in view and focused.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByTestId('problem-targets-rto_s').click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'input-targets-rto_s');
  assert.ok(await page.getByTestId('input-targets-rto_s').isVisible());
});

test('the working opens in view and focused, Escape closes it and gives the focus back', async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    const page = await h.newPage({ viewport });
    await page.goto(h.url);
    await ready(page);
    const figure = page.getByTestId('tier-active_active_reads-annual');
    await figure.click();
    const working = page.getByTestId('working');
    await working.waitFor();
    assert.equal(await figure.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.activeElement?.id === 'working');
    const box = await working.boundingBox();
    assert.ok(box.y >= 0 && box.y < viewport.height / 2 && box.x + box.width <= viewport.width + 1, `in view at ${viewport.width}: ${JSON.stringify(box)}`);
    assert.equal(await working.getAttribute('aria-live'), null, 'not a live region');
    // Annual cost shows how it comes from the monthly figure.
    assert.match(await working.innerText(), /Annual cost = 12 × monthly cost = 12 × \$[0-9,.]+ = \$[0-9,.]+/);
    // The price-sheet column is not cut off: every cell ends inside the panel.
    const clipped = await working.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('td.source')].filter((td) => td.getBoundingClientRect().right > right + 1).length;
    });
    assert.equal(clipped, 0, `price-sheet cells inside the panel at ${viewport.width}`);
    await page.keyboard.press('Escape');
    await working.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'tier-active_active_reads-annual');
    assert.equal(await figure.getAttribute('aria-expanded'), 'false');
  }
});

test('present mode is a projector view at 1280×720, and Escape leaves it', async () => {
  const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('presentation').click();
  await page.getByTestId('key-controls').waitFor();
  for (const tier of TIERS) {
    const box = await page.getByTestId(`tier-${tier}-monthly`).boundingBox();
    assert.ok(box && box.y + box.height <= 720, `${tier} total above the fold: ${JSON.stringify(box)}`);
    const size = await page.getByTestId(`tier-${tier}-monthly`).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 24, `${tier} total in large type: ${size}px`);
  }
  const line = page.getByTestId('recommendation-line');
  assert.match(await line.innerText(), /^Active-active multi-region writes: \$[0-9,]+ a month, the cheapest meeting every target$/);
  const lineBox = await line.boundingBox();
  const lineHeight = await line.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.4);
  assert.ok(lineBox.height <= lineHeight * 1.6, `the decision fits one line: ${lineBox.height}px`);
  for (const hidden of ['share', 'export-csv', 'sheet-select', 'regions-editor']) {
    assert.equal(await page.getByTestId(hidden).isVisible().catch(() => false), false, `${hidden} hidden`);
  }
  assert.ok(await page.getByTestId('slider-workload-peak_requests_per_s').isVisible(), 'the key sliders are there');
  await page.keyboard.press('Escape');
  await page.getByTestId('key-controls').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('presentation').innerText(), 'Present');
  assert.ok(await page.getByTestId('share').isVisible());
});

test('the scenario has a name and an author, the preset list follows, and edits can be undone', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  assert.equal(await page.getByTestId('preset').inputValue(), 'northwind', 'the default is the Northwind preset');
  await typeInto(page, 'input-name', 'Contoso checkout');
  await typeInto(page, 'input-prepared_by', 'A. Architect');
  await page.waitForFunction(() => document.querySelector('.subtitle').innerText === 'Contoso checkout');
  assert.equal(await page.getByTestId('preset').inputValue(), '', 'an edited scenario is no longer the preset');
  assert.match(await page.getByTestId('print-summary').textContent(), /Business case: Contoso checkout/);
  assert.match(await page.getByTestId('print-prepared').textContent(), /^Prepared by A\. Architect on \d{4}-\d\d-\d\d$/);

  // Undo and redo, with the buttons and the keyboard.
  const before = await monthly(page);
  await typeInto(page, 'input-workload-peak_requests_per_s', '1900');
  await page.waitForFunction((b) => document.querySelector('[data-testid="tier-multi_write-monthly"]').innerText !== b, `$${before.multi_write.toLocaleString('en-US')}`);
  await page.waitForTimeout(1100);
  await page.getByTestId('undo').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="input-workload-peak_requests_per_s"]').value === '800');
  assert.deepEqual(await monthly(page), before, 'undo brings the figures back');
  await page.getByTestId('redo').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="input-workload-peak_requests_per_s"]').value === '1900');

  // Reset is undoable too, and the preset list says what is shown.
  await page.getByTestId('preset').selectOption('enterprise');
  await page.waitForFunction(() => document.querySelector('.subtitle').innerText.includes('Three-region'));
  assert.equal(await page.getByTestId('preset').inputValue(), 'enterprise');
  await page.getByTestId('reset').click();
  await page.waitForFunction(() => document.querySelector('.subtitle').innerText.includes('Northwind'));
  assert.equal(await page.getByTestId('preset').inputValue(), 'northwind');
  assert.match(await page.getByTestId('toast').innerText(), /Undo \(Ctrl\+Z\) brings your scenario back/);
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('.subtitle').innerText.includes('Three-region'));
  assert.equal(await page.getByTestId('preset').inputValue(), 'enterprise');
});

test('adding a region gives short shares that add up to 100 %', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('add-region').click();
  await page.getByTestId('region-row-2').waitFor();
  const shares = [];
  for (const i of [0, 1, 2]) shares.push(await page.getByTestId(`input-share-${i}`).inputValue());
  // Northwind's 60 % / 40 % give up a third (33 %) in proportion.
  assert.deepEqual(shares, ['40.2', '26.8', '33']);
  assert.equal(await page.getByTestId('invalid-banner').count(), 0);
});

test('the CSV export has no float noise, a discount column, and says what it is', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('preset').selectOption('enterprise'); // 15 % negotiated discount
  await page.waitForFunction(() => document.querySelector('.subtitle').innerText.includes('Three-region'));
  await typeInto(page, 'input-name', 'CSV check');
  await page.waitForFunction(() => document.querySelector('.subtitle').innerText === 'CSV check');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const file = path.join(os.tmpdir(), `planner-trust-${process.pid}-items.csv`);
  await download.saveAs(file);
  const rows = parseCsv(fs.readFileSync(file, 'utf8').trim());
  const header = rows.shift();
  const at = (name) => header.indexOf(name);
  for (const name of ['discount', 'scenario', 'price_sheet', 'price_sheet_fingerprint', 'exported_on']) assert.ok(at(name) >= 0, `column ${name}`);
  let discounted = 0;
  for (const c of rows) {
    const [q, p, m, d] = [c[at('quantity')], c[at('unit_price')], c[at('monthly_cost')], c[at('discount')]];
    assert.match(q, /^\d+(\.\d{1,6})?$/, `quantity ${q}`);
    assert.match(m, /^\d+(\.\d{1,4})?$/, `monthly ${m}`);
    assert.match(d, /^0(\.\d{1,4})?$/, `discount ${d}`);
    if (Number(d) > 0) discounted++;
    assert.ok(Math.abs(Number(q) * Number(p) * (1 - Number(d)) - Number(m)) < 0.01 + Number(m) * 1e-4, `q × p × (1 − d) = cost: ${q} × ${p} × (1 − ${d}) vs ${m}`);
    assert.equal(c[at('scenario')], 'CSV check');
    assert.equal(c[at('price_sheet')], 'azure-retail-usd.csv');
    assert.match(c[at('price_sheet_fingerprint')], /^[0-9a-f]{16}$/);
    assert.match(c[at('exported_on')], /^\d{4}-\d\d-\d\d$/);
  }
  assert.ok(discounted > 0, 'the negotiated discount shows');
});

test('the SLA floor and the expected downtime are labelled and reconciled side by side', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  const table = await page.getByTestId('tiers-table').innerText();
  assert.match(table, /Availability: SLA-backed floor/);
  assert.match(table, /Downtime: expected from regional outages/);
  assert.match(await page.getByTestId('tier-single_region-availability').innerText(), /^99\.\d+ ?% \(at most [\d,]+ min\/yr down\)$/);
  assert.match(await page.getByTestId('tier-single_region-expected-downtime').innerText(), /^[\d.]+ h\/yr \([\d,.]+ min\)$/);
  await page.getByTestId('tier-single_region-availability').click();
  assert.match(await page.getByTestId('downtime-reconciled').innerText(), /SLA-backed floor allows up to [\d,]+ minutes a year .* the risk model expects [\d,]+ minutes a year/);
});

test('a one-line executive summary sits above the detail', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  assert.match(await page.getByTestId('executive-summary').innerText(), /^Active-active multi-region writes costs \$[0-9,]+ more a year than .+ and buys RTO .+ instead of .+\.$/);
});

test('at 768 px the inputs come first with the totals in sight, and help opens by touch or keyboard', async () => {
  const page = await h.newPage({ viewport: { width: 768, height: 1024 } });
  await page.goto(h.url);
  await ready(page);
  const field = page.getByTestId('input-workload-peak_requests_per_s');
  const fieldBox = await field.boundingBox();
  const tableBox = await page.getByTestId('tiers-table').boundingBox();
  assert.ok(fieldBox.y < tableBox.y, `inputs before the results: field at ${fieldBox.y}, table at ${tableBox.y}`);
  await field.scrollIntoViewIfNeeded();
  await typeInto(page, 'input-workload-peak_requests_per_s', '1600');
  const bar = page.getByTestId('totals-bar');
  await page.waitForFunction(() => /\$[0-9,]+/.test(document.querySelector('[data-testid="total-multi_write"]')?.innerText || ''));
  let barBox = await bar.boundingBox();
  assert.ok(barBox.y >= -1 && barBox.y + barBox.height <= 1024, `the totals are in sight while editing: ${barBox.y}`);
  // Further down the inputs, the bar stays at the top of the screen.
  await page.evaluate(() => window.scrollTo(0, 2000));
  await page.waitForTimeout(100);
  barBox = await bar.boundingBox();
  assert.ok(Math.abs(barBox.y) < 2, `the totals stay at the top: ${barBox.y}`);
  assert.equal(await page.getByTestId('total-multi_write').locator('strong').innerText(), await page.getByTestId('tier-multi_write-monthly').innerText());
  // The "?" is a button: Enter shows the help, Enter again hides it.
  const help = page.getByTestId('help-workload-peak_requests_per_s');
  assert.equal(await help.isVisible(), false);
  await page.getByTestId('help-button-workload-peak_requests_per_s').focus();
  await page.keyboard.press('Enter');
  await help.waitFor();
  assert.ok((await help.innerText()).length > 10);
  assert.equal(await page.getByTestId('help-button-workload-peak_requests_per_s').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Enter');
  await help.waitFor({ state: 'hidden' });
});

test('the downtime and break-even charts say how to read them, and the break-evens are in the table', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  assert.match(await page.getByTestId('chart-downtime').innerText(), /logarithmic hours axis/);
  assert.match(await page.getByTestId('chart-break-even').innerText(), /a dot marks where the cheapest tier changes \(its break-even, listed in the table\)/);
});

test('the comparison shows each tier over 1, 3 and 5 years', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  const text = await page.getByTestId('tier-multi_write-years').innerText();
  const m = text.match(/^\$([0-9,]+) \/ \$([0-9,]+) \/ \$([0-9,]+)$/);
  assert.ok(m, text);
  const [one, three, five] = m.slice(1).map((x) => Number(x.replace(/,/g, '')));
  const annual = Number((await page.getByTestId('tier-multi_write-annual').innerText()).replace(/[^0-9]/g, ''));
  assert.ok(Math.abs(one - annual) <= 1, 'pay as you go: 1 year is the annual cost');
  assert.ok(Math.abs(three - 3 * annual) <= 3 && Math.abs(five - 5 * annual) <= 5, text);
});

test('a rejected share gets its own message and feeds no other', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await typeInto(page, 'input-share-0', '-20');
  await page.waitForFunction(() => (document.querySelector('[data-testid="invalid-banner"]')?.innerText || '').includes('1 input needs attention'));
  const banner = await page.getByTestId('invalid-banner').innerText();
  assert.match(banner, /must be between 0 and 100 % of users; it is -20 %/);
  assert.ok(!/add up to/.test(banner), banner);
});

test('the page shell paints from static HTML before the wasm runs, and gives way to the page', async () => {
  // With the wasm held back, the shell is what a person sees: the title,
  // the four tiers' names and what is loading, never a blank page.
  const held = await h.newPage();
  let release;
  const gate = new Promise((r) => { release = r; });
  await held.route('**/planner_bg.wasm', async (route) => { await gate; await route.continue(); });
  await held.goto(h.url, { waitUntil: 'domcontentloaded' });
  const shell = held.locator('#shell');
  await shell.waitFor();
  assert.match(await shell.locator('h1').innerText(), /Multi-region Azure planner/);
  assert.match(await shell.innerText(), /Active-active multi-region writes[\s\S]*Loading prices/);
  const box = await shell.locator('.shell-tiers').boundingBox();
  assert.ok(box && box.width > 300 && box.height > 100, 'the shell lays out the results area');
  // Once the wasm arrives the page replaces the shell: one title, figures.
  release();
  await ready(held);
  assert.equal(await held.locator('#shell').count(), 0, 'the shell is gone');
  assert.equal(await held.locator('h1').count(), 1, 'one title, not two');
});

test('when the wasm cannot load, the shell says so instead of loading for ever', async () => {
  const page = await h.newPage();
  await page.route('**/planner_bg.wasm', (route) => route.abort());
  await page.goto(h.url);
  const note = page.locator('#shell .shell-note');
  await page.waitForFunction(() => /could not start/.test(document.querySelector('#shell .shell-note')?.textContent || ''));
  assert.match(await note.innerText(), /The planner could not start .*Reload the page/);
});

test('removing a region keeps what other fields hold, half-typed text and its message included', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('add-region').click();
  await page.getByTestId('region-row-2').waitFor();
  await typeInto(page, 'input-workload-peak_requests_per_s', '12x');
  const error = page.getByTestId('error-workload-peak_requests_per_s');
  await error.waitFor();
  await page.getByTestId('remove-region-2').click();
  await page.getByTestId('region-row-2').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('input-workload-peak_requests_per_s').inputValue(), '12x', 'the typed text stays');
  assert.match(await error.innerText(), /12x/, 'and so does its message');
});

test('two sheets chosen quickly: the one chosen last is the one on screen, whatever answers first', async () => {
  const page = await h.newPage();
  await page.route('**/pricing/index.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ sheets: ['azure-retail-usd.csv', 'slow.csv'] }) }));
  const slow = fs.readFileSync(sheetVariant('slow.csv', dearer), 'utf8');
  await page.route('**/pricing/slow.csv', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ contentType: 'text/csv', body: slow });
  });
  await page.goto(h.url);
  await ready(page);
  const listPrices = await monthly(page);
  const select = page.getByTestId('sheet-select');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="sheet-select"] option')].some((o) => o.value === 'slow.csv'));
  await select.selectOption('slow.csv');
  await select.selectOption('azure-retail-usd.csv');
  await page.waitForTimeout(2500);
  assert.match(await page.getByTestId('sheet-info').innerText(), /^azure-retail-usd\.csv/);
  assert.deepEqual(await monthly(page), listPrices, 'the slow, older answer did not replace the sheet chosen last');
});

test('the footer times the evaluation itself, not a cached read of it', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  // Everything the page builds just after its first figures (input bands,
  // charts, robustness views) done before the CPU is slowed 100-fold.
  await settled(page);
  // performance.now() is coarsened to 0.1 ms without cross-origin isolation,
  // and one evaluation now takes well under a tenth of a millisecond (about
  // 16 µs natively, with the price lookups kept between evaluations): it can
  // read "under 0.1 ms" honestly, and did once in a fresh-clone run at 20-fold
  // throttling. Slowing the CPU 100-fold makes a real evaluation a few
  // milliseconds while a cached read stays near zero, so the test tells the
  // two apart on any machine.
  //
  // The throttling does not always take hold at once (the same test against
  // the build of 2026-12-02 read 0.1-0.2 ms in 6 of 10 throttled tries on this
  // machine, and "under 0.1 ms" can come up): up to five edits are timed, and
  // one real figure is enough. A footer that timed a cached read would read
  // "under 0.1 ms" every time.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 100 });
  const readings = [];
  for (const value of ['950', '960', '970', '980', '990']) {
    await typeInto(page, 'input-workload-peak_requests_per_s', value);
    // Polled on a timer, not on animation frames (frames are scarce with the
    // CPU slowed 100-fold), until the edit is in the figures and timed.
    await page.waitForFunction((v) => document.querySelector('[data-testid="input-workload-peak_requests_per_s"]').value === v
      && /Last recalculation: /.test(document.querySelector('[data-testid="eval-ms"]').textContent), value, { polling: 250, timeout: 60_000 });
    const text = await page.getByTestId('eval-ms').innerText();
    readings.push(text);
    const m = text.match(/([\d.]+) ms\./);
    if (m && Number(m[1]) >= 0.1) break;
  }
  const last = readings[readings.length - 1].match(/([\d.]+) ms\./);
  assert.ok(last && Number(last[1]) >= 0.1 && Number(last[1]) < 5000, `a real evaluation time in one of: ${readings.join(' | ')}`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('the page does not jump while it loads: each input band comes whole, after the figures', async () => {
  // The input bands are built just after the first figures are painted
  // (issue 16, speed). With their titles on the page first and their fields
  // filled in later, the bands grew one by one under the person's eyes and
  // pushed everything under them down: a cumulative layout shift of
  // 0.19-0.39 at these three sizes, where under 0.1 is what Chrome's Web
  // Vitals call good. Each band now comes whole, after the bands above it.
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }, { width: 768, height: 1024 }]) {
    const page = await h.newPage({ viewport });
    await page.context().addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          const inInputs = (e.sources || []).some((s) => s.node && s.node.closest && s.node.closest('[data-testid="inputs"]'));
          window.__shifts.push({ value: e.value, inInputs });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(h.url);
    await settled(page);
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    const inputs = shifts.filter((s) => s.inInputs).reduce((sum, s) => sum + s.value, 0);
    assert.ok(inputs < 0.01, `${viewport.width}×${viewport.height}: the input column moved while loading (layout shift ${inputs.toFixed(3)})`);
    assert.ok(cls < 0.1, `${viewport.width}×${viewport.height}: cumulative layout shift ${cls.toFixed(3)} (good is under 0.1)`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
