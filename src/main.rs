//! Shell: install the panic hook and mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The allocator grows the wasm's memory a few pages at a time as it
    // needs them, about 20 times while the page first renders (two of those
    // grows took 1.7 and 3.1 ms in a trace of a cold load), to 56 pages
    // (3.7 MB) in all. One 3 MiB allocation, freed at once, grows it once
    // (to 69 pages) and leaves the room with the allocator for what follows
    // (issue 16, speed).
    drop(std::hint::black_box(Vec::<u8>::with_capacity(3 << 20)));
    // Opening a share link is asynchronous (the browser's DEFLATE), so the
    // page mounts once it is open.
    wasm_bindgen_futures::spawn_local(planner::ui::start());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The planner runs in the browser: serve it with scripts/serve.sh. For the command line, use `cargo run --bin plan -- --help`.");
    std::process::exit(2);
}
