// Loads the planner's WebAssembly. An external module (not Trunk's inline
// script) so the Content-Security-Policy can forbid inline scripts.
import init from './planner.js';

const started = performance.now();
await init({ module_or_path: new URL('./planner_bg.wasm', import.meta.url) });
window.plannerBootMs = performance.now() - started;
