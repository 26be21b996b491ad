//! The charts' text and colours: text sizes, the ink, marker and grid
//! colours, text styles, and measuring and fitting text to a width.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Tick labels.
pub(crate) const LABEL_SIZE: f64 = 16.0;
/// Axis titles.
pub(crate) const DESC_SIZE: f64 = 16.0;
/// Legend entries.
pub(crate) const LEGEND_SIZE: f64 = 15.0;
/// Notes drawn inside the plot (marker captions, totals, break-evens).
pub(crate) const NOTE_SIZE: f64 = 14.0;

/// Text and axis colour.
pub(crate) const INK: RGBColor = RGBColor(34, 34, 34);
/// Markers for the current setting and for targets.
pub(crate) const MARKER: RGBColor = RGBColor(70, 70, 70);
/// Horizontal grid lines.
pub(crate) const GRID: RGBColor = RGBColor(225, 225, 225);

/// A sans-serif text style of `size` in the ink colour.
pub(crate) fn text_style(size: f64) -> TextStyle<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal).color(&INK)
}

/// [`text_style`] anchored at `h`/`v`.
pub(crate) fn anchored(size: f64, h: HPos, v: VPos) -> TextStyle<'static> {
    text_style(size).pos(Pos::new(h, v))
}

/// Width of `text` as the backend will draw it (the DOM on a canvas, an
/// estimate on SVG), with a fallback estimate if the backend cannot say.
pub(crate) fn text_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
) -> u32 {
    let fallback = (text.chars().count() as f64 * style.font.get_size() * 0.6).ceil() as u32;
    area.estimate_text_size(text, style)
        .map(|(w, _)| w)
        .unwrap_or(fallback)
}

/// Height of one line of text of `size`, generous enough for every backend.
pub(crate) fn line_height(size: f64) -> u32 {
    (size * 1.25).ceil() as u32
}

/// `text`, cut with an ellipsis so that it is at most `max_width` wide.
pub(crate) fn fit_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_width: u32,
) -> String {
    if text_width(area, text, style) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let cut: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(area, &cut, style) <= max_width {
            return cut;
        }
    }
    chars.first().map(|c| c.to_string()).unwrap_or_default()
}
