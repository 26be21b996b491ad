//! Records the optimisation level the crate is compiled at (`OPT_LEVEL`,
//! which Cargo gives build scripts only), so `bench-report` labels its
//! engine timings with the level they were measured at: the release profile
//! is tuned for the wasm's size (`z`), the bench profile for native speed.
fn main() {
    let level = std::env::var("OPT_LEVEL").unwrap_or_else(|_| "unknown".into());
    println!("cargo:rustc-env=PLANNER_OPT_LEVEL={level}");
    println!("cargo:rerun-if-changed=build.rs");
}
