//! Marks drawn over a plot: dashed lines, notes on a translucent backdrop
//! and the "current setting" marker.

use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::Ranged;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{anchored, line_height, MARKER, NOTE_SIZE};
use super::OrChart;
use crate::charts::ChartError;

/// A dashed straight line between two points of the plot, both of which
/// must lie inside its ranges (the dash loop walks every pixel).
pub(crate) fn dashed_line<DB, X, Y>(
    plot: &DrawingArea<DB, Cartesian2d<X, Y>>,
    from: (f64, f64),
    to: (f64, f64),
    color: RGBColor,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    plot.draw(&DashedPathElement::new(
        vec![from, to],
        7,
        5,
        color.stroke_width(2),
    ))
    .chart()
}

/// A note of [`NOTE_SIZE`] anchored at `h`/`v`, `offset` pixels away from
/// the plot point `at`, on a translucent white box so that lines and bars
/// behind it do not hide it.
pub(crate) fn note<DB, X, Y>(
    plot: &DrawingArea<DB, Cartesian2d<X, Y>>,
    at: (f64, f64),
    offset: (i32, i32),
    text: String,
    (h, v): (HPos, VPos),
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let style = anchored(NOTE_SIZE, h, v);
    let (w, ht) = plot
        .estimate_text_size(&text, &style)
        .map(|(w, h)| (w as i32, h as i32))
        .unwrap_or((0, 0));
    let ht = ht.max(line_height(NOTE_SIZE) as i32 - 2);
    let (dx, dy) = offset;
    let x0 = match h {
        HPos::Left => dx,
        HPos::Center => dx - w / 2,
        HPos::Right => dx - w,
    };
    let y0 = match v {
        VPos::Top => dy,
        VPos::Center => dy - ht / 2,
        VPos::Bottom => dy - ht,
    };
    let pad = 2;
    let backdrop = Rectangle::new(
        [(x0 - pad, y0 - pad), (x0 + w + pad, y0 + ht + pad)],
        WHITE.mix(0.8).filled(),
    );
    plot.draw(&(EmptyElement::at(at) + backdrop + Text::new(text, offset, style)))
        .chart()
}

/// The "current setting" marker: a dashed vertical line at `x` over the
/// full height `y_range`, captioned at the top on whichever side has room.
pub(crate) fn current_marker<DB, X, Y>(
    plot: &DrawingArea<DB, Cartesian2d<X, Y>>,
    x: f64,
    x_range: (f64, f64),
    y_range: (f64, f64),
    caption: String,
) -> Result<(), ChartError>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    if !x.is_finite() || x < x_range.0 || x > x_range.1 {
        return Ok(());
    }
    dashed_line(plot, (x, y_range.0), (x, y_range.1), MARKER)?;
    let right_half = x - x_range.0 > (x_range.1 - x_range.0) * 0.6;
    let (dx, h) = if right_half {
        (-6, HPos::Right)
    } else {
        (6, HPos::Left)
    };
    note(plot, (x, y_range.1), (dx, 4), caption, (h, VPos::Top))
}
