// A region without availability zones (Microsoft's Azure regions list): the
// picker says so, and a plan there is priced and chained without zone
// redundancy, with the reason in the working panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, ready, SHOTS, ROOT } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

test('West US: no availability zones in the picker, the notes and the availability working', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  const picker = page.getByTestId('input-region-0');
  const label = (v) => picker.locator(`option[value="${v}"]`).innerText();
  assert.equal(await label('westus'), 'West US (no availability zones; no prices in this sheet)');
  assert.equal(await label('eastus'), 'East US');
  // A sheet with every East US price copied to West US.
  const lines = fs.readFileSync(path.join(ROOT, 'pricing', 'azure-retail-usd.csv'), 'utf8').split('\n').filter((l) => l);
  const copies = lines.filter((l) => l.includes(',eastus,')).map((l) => l.replace(',eastus,', ',westus,'));
  const file = path.join(SHOTS, 'with-westus.csv');
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(file, [...lines, ...copies].join('\n') + '\n');
  await page.getByTestId('load-sheet').setInputFiles(file);
  await page.waitForFunction(() => (document.querySelector('[data-testid="sheet-info"]')?.innerText || '').startsWith('with-westus.csv'));
  assert.equal(await label('westus'), 'West US (no availability zones)');
  const before = await page.getByTestId('tier-single_region-availability').innerText();
  await picker.selectOption('westus');
  await page.waitForFunction((b) => document.querySelector('[data-testid="tier-single_region-availability"]').innerText !== b, before);
  await page.getByTestId('tier-single_region-availability').click();
  const working = page.getByTestId('working');
  await working.waitFor();
  const text = await working.innerText();
  assert.match(text, /West US has no availability zones \(Microsoft's Azure regions list, learn\.microsoft\.com\/azure\/reliability\/regions-list\)/);
  assert.match(text, /this tier is a single region without zone redundancy/);
  await page.screenshot({ path: path.join(SHOTS, 'prices-no-zones.png'), fullPage: false });
});
