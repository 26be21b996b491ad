import { chromium } from 'playwright-core';
import { serveDist, CHROMIUM_ARGS, DIST } from './harness.mjs';
const server = await serveDist(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
for (let i = 0; i < 5; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await ctx.addInitScript(() => {
    const f = () => {
      const el = document.querySelector('[data-testid="tier-multi_write-monthly"]');
      if (!window.__dom && document.querySelector('[data-testid="tiers-table"]')) window.__dom = performance.now();
      if (el && /\d/.test(el.textContent)) { const c = document.querySelector('[data-testid="charts"]'); if (!window.__fig) window.__fig = performance.now(); if (c && Number(c.dataset.redraws) >= 1) { window.__done = performance.now(); return; } }
      requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  });
  const page = await ctx.newPage();
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__done !== undefined, null, { timeout: 60000 });
  const r = await page.evaluate(() => {
    const res = Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), [Math.round(e.startTime), Math.round(e.responseEnd)]]));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return { boot: window.plannerBootMs, dom: window.__dom, fig: window.__fig, done: window.__done, fcp, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, res };
  });
  console.log(JSON.stringify(r));
  await ctx.close();
}
await browser.close(); server.close?.(); process.exit(0);
