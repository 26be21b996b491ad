// Loads the page `bash scripts/serve.sh` serves (its URL is the argument)
// in Debian's headless Chromium and checks that the four tiers' monthly
// figures appear. Called by scripts/smoke-serve.sh; exits 1 if they do not.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './harness.mjs';

const url = process.argv[2];
const TIERS = ['single_region', 'active_passive', 'active_active_reads', 'multi_write'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.getByTestId('tier-multi_write-monthly').waitFor({ timeout: 60_000 });
  const figures = [];
  for (const tier of TIERS) {
    const text = (await page.getByTestId(`tier-${tier}-monthly`).innerText()).trim();
    if (!/^\$[1-9][0-9,]*$/.test(text)) { failed = true; console.log(`smoke: ${tier} shows "${text}", not a monthly figure`); }
    figures.push(`${tier} ${text}`);
  }
  if (errors.length) { failed = true; console.log(`smoke: page errors: ${errors.join('; ')}`); }
  console.log(`smoke: the page shows ${figures.join(', ')}`);
} catch (e) {
  failed = true;
  console.log(`smoke: the page never showed the four tiers' figures: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
