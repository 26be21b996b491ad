//! The planner: a cost and capacity planner for multi-region Azure web
//! applications, compiled to WebAssembly.
//!
//! * [`engine`]: pure Rust (std, serde, csv). The scenario, the price sheet,
//!   the four tiers and every formula. No browser dependency; tested natively.
//! * [`charts`]: plotters drawing, generic over `DrawingBackend`, so the same
//!   function draws to a canvas in the browser and to SVG in a native test.
//! * `ui` (wasm32 only): Leptos components, one per file. They read the engine
//!   through memos and never compute a cost themselves.

pub mod charts;
pub mod engine;
#[cfg(not(target_arch = "wasm32"))]
pub mod refresh;

#[cfg(target_arch = "wasm32")]
pub mod ui;
