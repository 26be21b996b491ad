// Issue 18's browser figures (a benchmark, not a test): for the Northwind
// preset with a range on peak traffic, how long the tornado + decision
// ranges and the 2,000-sample cost ranges take in wasm (time spent
// computing, summed over their slices: data-views-ms and the cost table's
// data-ms), and input → every figure and chart updated, next frame, with
// the robustness views and the Monte Carlo running in the background.
// Run after `trunk build --release --offline`: node tests/e2e/bench-robustness.mjs
import { start, ready, typeInto } from './harness.mjs';

const stats = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: q(0.5), p95: q(0.95) };
};

const h = await start();
try {
  const page = await h.newPage();
  await page.goto(h.url);
  await ready(page);
  await page.getByTestId('preset').selectOption('northwind');
  await typeInto(page, 'input-workload-peak_requests_per_s', '600..800..1200');
  await page.getByTestId('cost-ranges-table').waitFor({ timeout: 60_000 });
  // 1. The views and the Monte Carlo after each of 10 settled changes.
  const views = [], mc = [];
  for (let i = 0; i < 10; i++) {
    const before = await page.getByTestId('cost-ranges-table').getAttribute('data-ms');
    await typeInto(page, 'input-workload-response_kb', String(40 + i + 1));
    await page.waitForFunction((b) => {
      const t = document.querySelector('[data-testid="cost-ranges-table"]');
      return t && t.dataset.ms !== b;
    }, before, { timeout: 60_000 });
    views.push(Number(await page.getByTestId('robustness').getAttribute('data-views-ms')));
    mc.push(Number(await page.getByTestId('cost-ranges-table').getAttribute('data-ms')));
  }
  // 2. Input → paint while the background work runs: a change every 40 ms,
  // so changes land while the decision ranges and Monte Carlo are running.
  const measure = (gaps) => page.evaluate(async (gaps) => {
    const tiers = ['single_region', 'active_passive', 'active_active_reads', 'multi_write'];
    const input = document.querySelector('[data-testid="input-workload-response_kb"]');
    const charts = document.querySelector('[data-testid="charts"]');
    const out = [];
    for (let i = 0; i < 50; i++) {
      const cells = tiers.map((t) => document.querySelector(`[data-testid="tier-${t}-monthly"]`));
      const before = cells.map((c) => c.textContent);
      const redraws = Number(charts.dataset.redraws);
      const start = performance.now();
      input.value = String(60 + (i % 2 ? 7 : 0) + i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const ok = () => Number(charts.dataset.redraws) > redraws && cells.every((c, k) => c.textContent !== before[k]);
        if (ok()) return resolve();
        const mo = new MutationObserver(() => { if (ok()) { mo.disconnect(); resolve(); } });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await new Promise((r) => requestAnimationFrame(() => r()));
      out.push(performance.now() - start);
      // Let the background work start (settle time 150 ms) on some changes.
      await new Promise((r) => setTimeout(r, gaps ? (i % 3 === 0 ? 200 : 40) : 5));
    }
    return out;
  }, gaps);
  // With gaps (the background work runs between changes) and without
  // (changes 5 ms apart never let the inputs settle: today's baseline).
  const frames = await measure(true);
  const baseline = await measure(false);
  console.log(JSON.stringify({
    views_ms: stats(views),
    cost_ranges_2000_ms: stats(mc),
    input_to_paint_ms: stats(frames),
    input_to_paint_without_background_work_ms: stats(baseline),
    errors: page.errors,
  }, null, 1));
} finally {
  await h.stop();
}
