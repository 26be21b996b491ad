// Autoscaled compute and the platform lines (issue 14) as a person sees
// them: instances at peak and billed on average, the working that explains
// them, and the scaling choice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, money } from './harness.mjs';

let h;
before(async () => { h = await start(); });
after(async () => { await h?.stop(); });

test('compute shows instances at peak and billed on average, and its working explains the load shape', async () => {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  // Northwind: 34 instances at peak in multi-write, 16 billed on average.
  const cell = page.getByTestId('tier-multi_write-compute-multiple');
  assert.match(await cell.innerText(), /^1\.4× \(34 instances at peak, 16 billed on average\)/);
  assert.match(await page.getByTestId('tier-single_region-compute-multiple').innerText(), /24 instances at peak, 9\.8 billed on average/);
  await cell.focus();
  await page.keyboard.press('Enter');
  const working = page.getByTestId('working');
  await working.waitFor();
  const text = await working.innerText();
  assert.match(text, /Load shape: 6 h a day at peak and 18 h at 13% of peak/);
  assert.match(text, /overview-hosting-plans/);
  assert.match(text, /\(6 h at peak × 10 instances \+ 18 h at 13% of peak × 2\) × 30\.42 days/);
  for (const bad of ['NaN', 'TODO', 'undefined']) assert.ok(!text.includes(bad), `no ${bad} in the working`);
  await page.keyboard.press('Escape');
  // Fixed scaling: every stamp runs its post-failover need, 2 × 100%.
  const before = money(await page.getByTestId('tier-multi_write-monthly').innerText());
  await page.getByTestId('input-compute-scaling').selectOption('fixed');
  await page.waitForFunction(() => /^2×/.test(document.querySelector('[data-testid="tier-multi_write-compute-multiple"]')?.innerText ?? ''));
  const after = money(await page.getByTestId('tier-multi_write-monthly').innerText());
  assert.ok(after > before, `fixed costs more: ${before} → ${after}`);
  assert.deepEqual(page.errors, [], 'no errors in the console');
});
