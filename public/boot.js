// Loads the planner's WebAssembly. An external module (not Trunk's inline
// script) so the Content-Security-Policy can forbid inline scripts. Until
// the wasm mounts the page, index.html's static shell is on screen; if the
// wasm cannot load, the shell says so instead of "Loading…" for ever.
import init from './planner.js';

const started = performance.now();
try {
  await init({ module_or_path: new URL('./planner_bg.wasm', import.meta.url) });
  window.plannerBootMs = performance.now() - started;
} catch (e) {
  const note = document.querySelector('#shell .shell-note');
  if (note) {
    note.textContent = `The planner could not start (${e && e.message ? e.message : e}). Reload the page; if it persists, this browser may not run WebAssembly.`;
    note.classList.add('shell-error');
  }
  throw e;
}
