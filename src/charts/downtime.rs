//! Annual downtime distribution as exceedance curves: x is hours of
//! downtime in a year, y the probability that a year has more than that
//! (1 − percentile), one line per tier. Every curve starts at probability 1
//! and falls to 0 at the worst simulated year, so a curve further down and
//! to the left is the more reliable tier.
//!
//! The x axis is logarithmic (decades: 0.01 h, 0.1 h, 1 h, 10 h): the tiers
//! differ by orders of magnitude (minutes for the multi-region tiers, hours
//! for a single region), which a linear axis squeezes into its first
//! sliver. Zero hours are drawn at the axis' left end (the decade below the
//! smallest positive figure). Coinciding curves stay visible: each tier's
//! line is narrower than the one before ([`series_width`]).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    legend_on_top, line_chart, no_data, prepare, y_label_area, AxisFormat, LineAxes, OrChart,
    Swatch, LINE_MARGIN_LEFT,
};
use super::{series_color, series_width, ChartError};

/// Simulated annual downtime of each tier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DowntimeDistribution {
    /// `(name, hours)`: annual downtime hours at percentiles 0..=100 (101
    /// values; any length ≥ 1 works, spread evenly over 0..=100 %).
    /// Non-finite values are skipped, negative ones count as 0.
    pub tiers: Vec<(String, Vec<f64>)>,
}

/// The exceedance curve of one tier, as drawn: `(hours, probability a year
/// exceeds them)`, starting at `(0, 1)` and ending at `(worst year, 0)`.
/// Empty if no value is finite.
pub fn exceedance_points(percentiles: &[f64]) -> Vec<(f64, f64)> {
    let last = percentiles.len().saturating_sub(1);
    let mut probs = Vec::with_capacity(percentiles.len());
    let mut hours = Vec::with_capacity(percentiles.len());
    for (k, v) in percentiles.iter().enumerate() {
        if v.is_finite() {
            probs.push(if last == 0 {
                0.0
            } else {
                k as f64 / last as f64
            });
            hours.push(v.max(0.0));
        }
    }
    if hours.is_empty() {
        return Vec::new();
    }
    // Both are monotone by definition; sort in case the input was not.
    hours.sort_by(f64::total_cmp);
    let mut out = Vec::with_capacity(hours.len() + 2);
    out.push((0.0, 1.0));
    out.extend(hours.iter().zip(&probs).map(|(&h, &p)| (h, 1.0 - p)));
    if last == 0 {
        // A single value: a step from 1 to 0 at that many hours.
        out.push((hours[0], 0.0));
    }
    out
}

/// A tier's series index, name and exceedance points.
type Curve<'a> = (usize, &'a str, Vec<(f64, f64)>);

/// Draws `data`. See the module documentation.
pub fn draw_downtime_distribution<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &DowntimeDistribution,
) -> Result<(), ChartError> {
    if !prepare(area)? {
        return Ok(());
    }
    let curves: Vec<Curve> = data
        .tiers
        .iter()
        .enumerate()
        .map(|(i, (name, p))| (i, name.as_str(), exceedance_points(p)))
        .filter(|c| !c.2.is_empty())
        .collect();
    if curves.is_empty() {
        return no_data(area);
    }

    let (x_lo, x_hi) = log_extent(curves.iter().flat_map(|c| c.2.iter().map(|p| p.0)));
    let (y_lo, y_hi) = (0.0, 1.04);
    let pct = AxisFormat::new("", "%", 0.0, 100.0);
    let y_area = y_label_area(area, &[pct.label(100.0)], true);
    let legend: Vec<(String, Swatch)> = curves
        .iter()
        .map(|&(i, name, _)| (name.to_string(), Swatch::Line(series_color(i))))
        .collect();
    let plot = legend_on_top(area, &legend, y_area + LINE_MARGIN_LEFT)?;
    let mut chart = line_chart(
        area,
        &plot,
        y_area,
        x_lo..x_hi,
        y_lo..y_hi,
        &LineAxes {
            x_fmt: &|v| decade_label(*v),
            y_fmt: &|v| pct.label(v * 100.0),
            x_desc: "Annual downtime (hours)",
            y_desc: "Chance a year exceeds it",
            max_x_labels: ((x_hi - x_lo).round() as usize + 1).clamp(2, 9),
            x_mesh: true,
        },
    )?;

    for (i, _, points) in &curves {
        chart
            .draw_series(LineSeries::new(
                points.iter().map(|&(h, p)| (to_log(h, x_lo), p)),
                series_color(*i).stroke_width(series_width(*i)),
            ))
            .chart()?;
    }
    Ok(())
}

/// The x extent in decades (log10 of hours): from the decade below the
/// smallest positive figure (at least 0.001 h, 3.6 s) to the decade above
/// the largest; one decade if every year was zero.
pub fn log_extent(hours: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0_f64);
    for h in hours.filter(|h| h.is_finite() && *h > 0.0) {
        lo = lo.min(h);
        hi = hi.max(h);
    }
    if !lo.is_finite() {
        return (-1.0, 0.0);
    }
    let lo = lo.log10().floor().max(-3.0);
    let hi = hi.log10().ceil().max(lo + 1.0);
    (lo, hi)
}

/// Hours as drawn: log10, with zero (and anything below the axis) at its
/// left end.
fn to_log(hours: f64, x_lo: f64) -> f64 {
    if hours > 0.0 {
        hours.log10().max(x_lo)
    } else {
        x_lo
    }
}

/// The label of a tick: whole decades only ("0.01 h", "1 h", "10 h"); the
/// ticks between decades carry no text.
pub fn decade_label(v: f64) -> String {
    let r = v.round();
    if (v - r).abs() > 1e-6 {
        return String::new();
    }
    let hours = 10f64.powi(r as i32);
    if r < 0.0 {
        format!("{} h", crate::engine::format::number(hours, (-r) as usize))
    } else {
        format!("{} h", crate::engine::format::number(hours, 0))
    }
}
