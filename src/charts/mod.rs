//! Charts: plotters drawing functions, generic over
//! [`plotters::prelude::DrawingBackend`].
//!
//! The same function draws to a `plotters_canvas::CanvasBackend` in the
//! browser and to an `SVGBackend` in native tests. The drawing functions
//! depend on neither the engine, `web-sys` nor `plotters-canvas`: they take
//! the plain data structs below, and [`from_plan`] (the one file that knows
//! both sides) maps an evaluated plan into them, so the page only hands each
//! chart its data and a drawing area.
//!
//! Every chart fills the area white, draws no title (the page gives the
//! heading), puts its legend in a strip across the top, and never panics or
//! fails on empty data, single points, all-zero values, NaN/infinite values
//! (skipped) or huge values. An empty chart shows a short "No data" note.
//!
//! # Text
//!
//! Plotters is built without the `ttf`/`ab_glyph` features, so no font file
//! is loaded and nothing is rasterised by Rust:
//!
//! * on `CanvasBackend` the browser draws each label with `fillText` in the
//!   CSS font `"{size}px sans-serif"`, and plotters measures labels through a
//!   hidden DOM `<span>` (so the charts must be drawn on the main thread, with
//!   a `document`);
//! * on `SVGBackend` labels become `<text font-family="sans-serif">`
//!   elements (plotters writes `font-size` as size / 1.24) and are measured
//!   with a crude per-character estimate.
//!
//! Font sizes are in plotters units: tick labels and axis titles 16, legend
//! 15, annotations 14 (i.e. that many CSS pixels on a canvas).

mod break_even;
mod common;
mod cost_stack;
mod downtime;
pub mod from_plan;
mod headroom;
mod latency;
mod palette;
mod tornado;

pub use break_even::{draw_break_even, BreakEvenChart};
pub use common::format_money;
pub use cost_stack::{draw_cost_stack, CostStack};
pub use downtime::{
    decade_label, draw_downtime_distribution, exceedance_points, log_extent, DowntimeDistribution,
};
pub use headroom::{draw_headroom, Headroom};
pub use latency::{draw_latency, LatencyChart};
pub use palette::{category_color, series_color, series_width};
pub use tornado::{draw_tornado, Tornado};

/// A drawing failure reported by the plotters backend (for instance the
/// canvas context refusing a call). Edge cases in the data never produce one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart drawing failed: {}", self.0)
    }
}

impl std::error::Error for ChartError {}
