// Loads the planner's WebAssembly. An external module (not Trunk's inline
// script) so the Content-Security-Policy can forbid inline scripts. Until
// the wasm mounts the page, index.html's static shell is on screen; if the
// wasm cannot load, the shell says so instead of "Loading…" for ever.
import init from './planner.js';

const started = performance.now();
try {
  const loading = init({ module_or_path: new URL('./planner_bg.wasm', import.meta.url) });
  // While the wasm downloads and compiles (off this thread), the main thread
  // is idle: use it to load the browser's number formatting for this
  // locale, which the first `toLocaleString` pays for (about 17 ms). The
  // planner makes the same call at start-up to learn the decimal mark
  // (src/ui/io.rs, decimal_mark), which is then cheap.
  (1.5).toLocaleString(navigator.language || 'en');
  await loading;
  window.plannerBootMs = performance.now() - started;
} catch (e) {
  const note = document.querySelector('#shell .shell-note');
  if (note) {
    note.textContent = `The planner could not start (${e && e.message ? e.message : e}). Reload the page; if it persists, this browser may not run WebAssembly.`;
    note.classList.add('shell-error');
  }
  throw e;
}
