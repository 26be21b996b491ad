// Shared end-to-end harness: serves the built site (dist/) on 127.0.0.1 at a
// free port and drives Debian's Chromium through playwright-core. Everything
// it starts is stopped in `stop()`, which the tests call in `after` hooks
// (so also when a test fails).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = process.env.E2E_SHOTS || path.join(os.tmpdir(), 'planner-e2e');
fs.mkdirSync(SHOTS, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Serves dist/ like a static host: 404 for missing files, never index.html. */
export function serveDist(dir = DIST) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run "trunk build --release --offline" first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

/** Starts the site and a browser. */
export async function start() {
  const { server, url } = await serveDist();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const requests = [];
  return {
    url,
    browser,
    requests,
    /** A fresh browser profile (own storage) with a page, recording every request. */
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, ...options });
      const page = await context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      return page;
    },
    async stop() {
      await browser.close().catch(() => {});
      await new Promise((r) => server.close(r));
    },
  };
}

/** Waits until the four tiers show figures. */
export async function ready(page) {
  await page.getByTestId('tiers-table').waitFor({ timeout: 30_000 });
  await page.getByTestId('tier-multi_write-monthly').waitFor();
}

/**
 * Waits until the work the page does just after its first figures is done:
 * every input band built, the charts drawn, and the robustness views worked
 * out (a test that slows the CPU down must not start with that queued).
 */
export async function settled(page) {
  await ready(page);
  await page.waitForFunction(() => {
    const charts = document.querySelector('[data-testid="charts"]');
    return !!charts && Number(charts.dataset.redraws) >= 1
      && !document.querySelector('[data-testid="inputs"][aria-busy="true"]')
      && !!document.querySelector('[data-testid="decision-ranges"]');
  }, null, { timeout: 30_000 });
}

/** Reads a money figure such as "$10,527" as a number. */
export function money(text) {
  return Number(String(text).replace(/[^0-9.-]/g, ''));
}

/** The four tiers' monthly costs as shown. */
export async function monthly(page) {
  const out = {};
  for (const tier of ['single_region', 'active_passive', 'active_active_reads', 'multi_write']) {
    out[tier] = money(await page.getByTestId(`tier-${tier}-monthly`).innerText());
  }
  return out;
}

/** Replaces a text field's content the way a person does. */
export async function typeInto(page, testid, text) {
  const input = page.getByTestId(testid);
  await input.click();
  await input.fill(text);
}

/** Parses RFC 4180 CSV: quoted fields, doubled quotes, LF or CRLF. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
