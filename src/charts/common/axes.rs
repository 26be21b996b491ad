//! Axes and chart frames: the category (slot) axis, the label areas' sizes,
//! value ranges, how many x labels fit, the house style of the mesh, and the
//! frames of slot (bar) charts and line charts.

use plotters::chart::MeshStyle;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::{
    fit_text, line_height, text_style, text_width, DESC_SIZE, GRID, INK, LABEL_SIZE,
};
use super::OrChart;
use crate::charts::ChartError;

/// Distance plotters keeps between the axis and its tick labels
/// (twice the default tick size).
const LABEL_DIST: u32 = 10;

/// A category axis: `0..n` in plot units, slot `i` spanning `i..i + 1`, with
/// ticks (and labels) only at the slot centres `i + 0.5`.
#[derive(Clone)]
pub(crate) struct Slots {
    inner: RangedCoordf64,
    centres: Vec<f64>,
}

impl Slots {
    pub(crate) fn new(n: usize) -> Self {
        Self {
            inner: (0.0..n.max(1) as f64).into(),
            centres: (0..n).map(|i| i as f64 + 0.5).collect(),
        }
    }

    /// The slot whose centre is `v`, if `v` is one.
    pub(crate) fn index(v: f64) -> Option<usize> {
        let i = (v - 0.5).round();
        (i >= 0.0 && (v - 0.5 - i).abs() < 1e-6).then_some(i as usize)
    }
}

impl Ranged for Slots {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.centres.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.inner.range()
    }
}

/// Width of a vertical axis' label area: the widest of `labels`, the tick
/// gap and, if there is one, the rotated axis title.
pub(crate) fn y_label_area<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    labels: &[String],
    with_desc: bool,
) -> u32 {
    let style = text_style(LABEL_SIZE);
    let widest = labels
        .iter()
        .map(|l| text_width(area, l, &style))
        .max()
        .unwrap_or(0);
    let desc = if with_desc {
        line_height(DESC_SIZE) + 6
    } else {
        0
    };
    widest + LABEL_DIST + 8 + desc
}

/// Height of the horizontal axis' label area (tick labels and, if there is
/// one, the axis title below them).
pub(crate) fn x_label_area(with_desc: bool) -> u32 {
    let desc = if with_desc {
        line_height(DESC_SIZE) + 4
    } else {
        0
    };
    LABEL_DIST + line_height(LABEL_SIZE) + 6 + desc
}

/// A finite, non-empty `(low, high)` range containing `values` and
/// `include` (typically zero), with `pad_top` of room above the highest
/// value (a fraction of the span).
pub(crate) fn value_range(values: &[f64], include: &[f64], pad_top: f64) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for &v in values.iter().chain(include) {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if !lo.is_finite() || !hi.is_finite() {
        return (0.0, 1.0);
    }
    let span = hi - lo;
    let (lo, hi) = if span.is_nan() || span <= 0.0 {
        // One value (or all equal): show it at about two thirds of the height.
        let mag = hi.abs().max(lo.abs());
        let half = if mag > 0.0 { mag * 0.5 } else { 1.0 };
        let lo2 = if lo >= 0.0 && lo - half < 0.0 {
            0.0
        } else {
            lo - half
        };
        (lo2, hi + half)
    } else {
        let below = if lo < 0.0 { span * pad_top } else { 0.0 };
        (lo - below, hi + span * pad_top)
    };
    let limit = f64::MAX / 4.0;
    let (lo, hi) = (lo.clamp(-limit, limit), hi.clamp(-limit, limit));
    if hi > lo {
        (lo, hi)
    } else {
        (lo, lo + lo.abs().max(1.0))
    }
}

/// How many x tick labels fit in `plot_width` pixels when labels look like
/// `samples` (at least 2, at most `max`).
pub(crate) fn x_label_count<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot_width: u32,
    samples: &[String],
    max: usize,
) -> usize {
    let style = text_style(LABEL_SIZE);
    let widest = samples
        .iter()
        .map(|s| text_width(area, s, &style))
        .max()
        .unwrap_or(0);
    ((plot_width / (widest + 16).max(1)) as usize).clamp(2, max.max(2))
}

/// The axes' house style, shared by every chart: grey grid at the major
/// ticks only, ink-coloured axes, label and description sizes.
pub(crate) fn house_style<'m, 'a, 'b, X, Y, DB>(
    mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
where
    X: Ranged<ValueType = f64> + ValueFormatter<f64>,
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
    DB: DrawingBackend,
{
    mesh.bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(INK)
        .label_style(text_style(LABEL_SIZE))
        .axis_desc_style(text_style(DESC_SIZE))
}

/// A chart whose x axis is a row of slots.
pub(crate) type SlotChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Slots, RangedCoordf64>>;

/// The frame of a chart with one slot of bars per label (the cost stack's
/// tiers, the latency chart's geographies): labels cut to their slot's
/// width, a value axis from `y`, horizontal grid lines only. Returns the
/// chart to draw the bars on and the width of one slot in pixels.
#[allow(clippy::too_many_arguments)]
pub(crate) fn slot_chart<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &'a DrawingArea<DB, Shift>,
    labels: &[String],
    y: std::ops::Range<f64>,
    margins: (u32, u32),
    y_area: u32,
    y_fmt: &dyn Fn(&f64) -> String,
    y_desc: &str,
) -> Result<(SlotChart<'a, DB>, f64), ChartError> {
    let (margin_left, margin_right) = margins;
    let n = labels.len().max(1);
    let (w, _) = plot.dim_in_pixel();
    let plot_w = w.saturating_sub(y_area + margin_left + margin_right).max(1);
    let slot_px = f64::from(plot_w) / n as f64;
    let label_style = text_style(LABEL_SIZE);
    let names: Vec<String> = labels
        .iter()
        .map(|t| fit_text(area, t, &label_style, (slot_px - 6.0).max(8.0) as u32))
        .collect();
    let mut chart = ChartBuilder::on(plot)
        .margin_top(8)
        .margin_bottom(4)
        .margin_left(margin_left)
        .margin_right(margin_right)
        .x_label_area_size(x_label_area(false))
        .y_label_area_size(y_area)
        .build_cartesian_2d(Slots::new(n), y)
        .chart()?;
    let x_fmt = |v: &f64| {
        Slots::index(*v)
            .and_then(|i| names.get(i).cloned())
            .unwrap_or_default()
    };
    house_style(&mut chart.configure_mesh())
        .disable_x_mesh()
        .y_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(y_fmt)
        .y_desc(y_desc)
        .draw()
        .chart()?;
    Ok((chart, slot_px))
}

/// A chart with a numeric x axis.
pub(crate) type LineChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Left margin of a line chart; the legend above it starts at the y label
/// area plus this.
pub(crate) const LINE_MARGIN_LEFT: u32 = 8;

/// Axis text of a line chart: the labels' formatters and the descriptions.
pub(crate) struct LineAxes<'f> {
    pub x_fmt: &'f dyn Fn(&f64) -> String,
    pub y_fmt: &'f dyn Fn(&f64) -> String,
    pub x_desc: &'f str,
    pub y_desc: &'f str,
    /// At most this many x labels (fewer when they would not fit).
    pub max_x_labels: usize,
    /// Vertical grid lines at the x ticks.
    pub x_mesh: bool,
}

/// The frame of a line chart over `x` × `y` on `plot` (the area under its
/// legend): room on the right for half of the last x label, as many x
/// labels as fit (measured on the longest and a middle one), six y labels
/// and the house style. Returns the chart to draw the series on.
pub(crate) fn line_chart<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &'a DrawingArea<DB, Shift>,
    y_area: u32,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
    axes: &LineAxes,
) -> Result<LineChart<'a, DB>, ChartError> {
    let last_x = text_width(area, &(axes.x_fmt)(&x.end), &text_style(LABEL_SIZE));
    let margin_right = (last_x / 2 + 6).max(16);
    let plot_w = plot
        .dim_in_pixel()
        .0
        .saturating_sub(y_area + LINE_MARGIN_LEFT + margin_right);
    let x_labels = x_label_count(
        area,
        plot_w,
        &[(axes.x_fmt)(&x.end), (axes.x_fmt)(&(x.end * 0.55))],
        axes.max_x_labels,
    );
    let mut chart = ChartBuilder::on(plot)
        .margin_top(8)
        .margin_bottom(4)
        .margin_left(LINE_MARGIN_LEFT)
        .margin_right(margin_right)
        .x_label_area_size(x_label_area(true))
        .y_label_area_size(y_area)
        .build_cartesian_2d(x, y)
        .chart()?;
    let mut mesh = chart.configure_mesh();
    house_style(&mut mesh);
    if !axes.x_mesh {
        mesh.disable_x_mesh();
    }
    mesh.x_labels(x_labels)
        .y_labels(6)
        .x_label_formatter(axes.x_fmt)
        .y_label_formatter(axes.y_fmt)
        .x_desc(axes.x_desc)
        .y_desc(axes.y_desc)
        .draw()
        .chart()?;
    Ok(chart)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_never_empty() {
        assert_eq!(value_range(&[], &[0.0], 0.1), (0.0, 1.0));
        assert_eq!(value_range(&[f64::NAN], &[], 0.1), (0.0, 1.0));
        assert_eq!(value_range(&[0.0, 0.0], &[0.0], 0.1), (0.0, 1.0));
        let (lo, hi) = value_range(&[5.0], &[], 0.1);
        assert!(lo < 5.0 && hi > 5.0);
        let (lo, hi) = value_range(&[0.0, 10.0], &[], 0.1);
        assert_eq!((lo, hi), (0.0, 11.0));
    }
}
