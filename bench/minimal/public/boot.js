// Loads the page's WebAssembly, like the planner's public/boot.js.
import init from './minimal.js';

const started = performance.now();
await init({ module_or_path: new URL('./minimal_bg.wasm', import.meta.url) });
window.plannerBootMs = performance.now() - started;
