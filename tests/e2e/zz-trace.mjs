import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { serveDist, CHROMIUM_ARGS, DIST } from './harness.mjs';
const server = await serveDist(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
await ctx.addInitScript(() => {
  const f = () => { const c = document.querySelector('[data-testid="charts"]'); if (c && Number(c.dataset.redraws) >= 1) { window.__done = performance.now(); return; } requestAnimationFrame(f); };
  requestAnimationFrame(f);
});
const page = await ctx.newPage();
await browser.startTracing(page, { path: '/tmp/trace.json', categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'disabled-by-default-devtools.timeline'] });
await page.goto(server.url, { waitUntil: 'commit' });
await page.waitForFunction(() => window.__done !== undefined, null, { timeout: 60000 });
console.log('done', await page.evaluate(() => window.__done));
await browser.stopTracing();
await browser.close(); process.exit(0);
