//! Shell: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // Opening a share link is asynchronous (the browser's DEFLATE), so the
    // page mounts once it is open.
    wasm_bindgen_futures::spawn_local(planner::ui::start());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The planner runs in the browser: serve it with scripts/serve.sh. For the command line, use `cargo run --bin plan -- --help`.");
    std::process::exit(2);
}
