//! Shell: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(planner::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The planner runs in the browser: serve it with scripts/serve.sh. For the command line, use `cargo run --bin plan -- --help`.");
    std::process::exit(2);
}
