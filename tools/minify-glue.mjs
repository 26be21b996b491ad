// Trunk post_build hook (release builds): minifies the wasm-bindgen JS glue
// (planner.js) with terser and updates its Subresource Integrity hash in
// index.html. Trunk's own JS minifier gives up on the glue's
// `export … as default`, and the glue is part of the first-paint budget
// (issue 6): 49 KB raw / 8.9 KB gzip before, about 23 KB / 6.8 KB after.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('minify-glue: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
const glue = path.join(dir, 'planner.js');
const html = path.join(dir, 'index.html');

const source = fs.readFileSync(glue, 'utf8');
const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
if (!code) throw new Error('minify-glue: terser returned nothing');

const sri = (text) => 'sha384-' + crypto.createHash('sha384').update(text).digest('base64');
const page = fs.readFileSync(html, 'utf8');
const before = sri(source);
if (!page.includes(before)) throw new Error(`minify-glue: index.html has no integrity ${before} for planner.js`);
fs.writeFileSync(glue, code);
fs.writeFileSync(html, page.split(before).join(sri(code)));
console.log(`minify-glue: planner.js ${source.length} -> ${code.length} bytes`);
