//! Shared pieces of the charts: text styles, number formatting, axis sizing,
//! the legend strip and the "no data" placeholder.
//!
//! This file holds the error mapping, the white fill and the placeholder;
//! the rest is in `style` (text sizes, colours, measuring text), `numbers`
//! (axis labels and money), `axes` (label areas, ranges and chart frames),
//! `legend` and `marks` (lines, notes and markers over a plot), re-exported
//! here for the charts.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ChartError;

mod axes;
mod legend;
mod marks;
mod numbers;
mod style;

pub(crate) use axes::{
    house_style, line_chart, slot_chart, value_range, x_label_area, x_label_count, y_label_area,
    LineAxes, Slots, LINE_MARGIN_LEFT,
};
pub(crate) use legend::{legend_on_top, Swatch};
pub(crate) use marks::{current_marker, dashed_line, note};
pub use numbers::format_money;
pub(crate) use numbers::AxisFormat;
pub(crate) use style::{
    anchored, fit_text, text_style, text_width, DESC_SIZE, INK, LABEL_SIZE, MARKER, NOTE_SIZE,
};

/// Placeholder text.
const MUTED: RGBColor = RGBColor(110, 110, 110);

/// Below this size (pixels) a chart only fills the area white.
const MIN_WIDTH: u32 = 160;
const MIN_HEIGHT: u32 = 120;

/// Maps any displayable error (plotters' drawing errors) to [`ChartError`].
pub(crate) trait OrChart<T> {
    fn chart(self) -> Result<T, ChartError>;
}

impl<T, E: std::fmt::Display> OrChart<T> for Result<T, E> {
    fn chart(self) -> Result<T, ChartError> {
        self.map_err(|e| ChartError(e.to_string()))
    }
}

/// Fills the area white. Returns `false` when the area is too small to hold
/// a chart (the caller then stops, successfully).
pub(crate) fn prepare<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
) -> Result<bool, ChartError> {
    area.fill(&WHITE).chart()?;
    let (w, h) = area.dim_in_pixel();
    Ok(w >= MIN_WIDTH && h >= MIN_HEIGHT)
}

/// The placeholder drawn instead of an empty chart.
pub(crate) fn no_data<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let style = FontDesc::new(FontFamily::SansSerif, DESC_SIZE, FontStyle::Normal)
        .color(&MUTED)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        "No data to chart",
        ((w / 2) as i32, (h / 2) as i32),
        style,
    ))
    .chart()
}
