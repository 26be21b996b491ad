//! Leptos components (wasm32 only), one per concern. They read the engine
//! through memos (see [`state`]) and never compute a cost themselves.

mod app;
pub mod charts_panel;
mod currency;
mod failure_modes;
pub mod fanout;
pub mod fields;
pub mod inputs;
pub mod io;
mod loading;
pub mod robustness;
pub mod rows;
pub mod state;
mod tiers_table;
mod working;

pub use app::{start, App, OpenedLink};
pub use loading::Preloaded;
