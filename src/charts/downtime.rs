//! Annual downtime distribution as exceedance curves: x is hours of
//! downtime in a year, y the probability that a year has more than that
//! (1 − percentile), one line per tier. Every curve starts at probability 1
//! at zero hours and falls to 0 at the worst simulated year, so a curve
//! further down and to the left is the more reliable tier.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    house_style, legend_on_top, no_data, prepare, text_style, text_width, value_range,
    x_label_area, x_label_count, y_label_area, AxisFormat, OrChart, Swatch, LABEL_SIZE,
};
use super::{series_color, ChartError};

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

    let xs: Vec<f64> = curves
        .iter()
        .flat_map(|c| c.2.iter().map(|p| p.0))
        .collect();
    let (x_lo, x_hi) = value_range(&xs, &[0.0], 0.05);
    let (y_lo, y_hi) = (0.0, 1.04);
    let hours = AxisFormat::new("", "", x_lo, x_hi);
    let pct = AxisFormat::new("", "%", 0.0, 100.0);
    let y_area = y_label_area(area, &[pct.label(100.0)], true);
    let last_x = text_width(area, &hours.label(x_hi), &text_style(LABEL_SIZE));
    let margin_left = 8;
    let margin_right = (last_x / 2 + 6).max(16);

    let legend: Vec<(String, Swatch)> = curves
        .iter()
        .map(|&(i, name, _)| (name.to_string(), Swatch::Line(series_color(i))))
        .collect();
    let plot = legend_on_top(area, &legend, y_area + margin_left)?;
    let plot_w = plot
        .dim_in_pixel()
        .0
        .saturating_sub(y_area + margin_left + margin_right);
    let x_labels = x_label_count(
        area,
        plot_w,
        &[hours.label(x_hi), hours.label(x_hi * 0.55)],
        8,
    );

    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_bottom(4)
        .margin_left(margin_left)
        .margin_right(margin_right)
        .x_label_area_size(x_label_area(true))
        .y_label_area_size(y_area)
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .chart()?;
    let x_fmt = |v: &f64| hours.label(*v);
    let y_fmt = |v: &f64| pct.label(v * 100.0);
    house_style(&mut chart.configure_mesh())
        .x_labels(x_labels)
        .y_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_desc("Annual downtime (hours)")
        .y_desc("Chance a year exceeds it")
        .draw()
        .chart()?;

    for (i, _, points) in &curves {
        chart
            .draw_series(LineSeries::new(
                points.iter().copied(),
                series_color(*i).stroke_width(3),
            ))
            .chart()?;
    }
    Ok(())
}
