//! p95 latency per user geography: grouped bars, one group per geography and
//! one bar per tier (legend across the top), with the latency target as a
//! dashed horizontal line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::{
    dashed_line, legend_on_top, no_data, note, prepare, slot_chart, value_range, y_label_area,
    AxisFormat, OrChart, Swatch, MARKER,
};
use super::{series_color, ChartError};

/// p95 latency of each tier, per geography.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LatencyChart {
    /// Group labels, left to right.
    pub geographies: Vec<String>,
    /// `(name, p95 ms per geography)`, in the order of `geographies`;
    /// missing and non-finite values draw no bar.
    pub tiers: Vec<(String, Vec<f64>)>,
    /// The latency target (ms); not drawn if non-finite.
    pub target_ms: f64,
}

/// Draws `data`. See the module documentation.
pub fn draw_latency<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &LatencyChart,
) -> Result<(), ChartError> {
    if !prepare(area)? {
        return Ok(());
    }
    let groups = data.geographies.len();
    let n_tiers = data.tiers.len();
    if groups == 0 || n_tiers == 0 {
        return no_data(area);
    }
    // (geography, tier, ms)
    let bars: Vec<(usize, usize, f64)> = data
        .tiers
        .iter()
        .enumerate()
        .flat_map(|(t, (_, ms))| {
            ms.iter()
                .take(groups)
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(move |(g, &v)| (g, t, v))
        })
        .collect();

    let target = data.target_ms.is_finite().then_some(data.target_ms);
    let values: Vec<f64> = bars.iter().map(|b| b.2).collect();
    let (y_lo, y_hi) = value_range(&values, &[0.0, target.unwrap_or(0.0)], 0.12);
    let ms = AxisFormat::new("", "", y_lo, y_hi);
    let y_area = y_label_area(area, &[ms.label(y_lo), ms.label(y_hi)], true);
    let (margin_left, margin_right) = (8u32, 16u32);

    let mut legend: Vec<(String, Swatch)> = data
        .tiers
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (name.clone(), Swatch::Bar(series_color(i))))
        .collect();
    if target.is_some() {
        legend.push(("Target".to_string(), Swatch::Dashed(MARKER)));
    }
    let plot = legend_on_top(area, &legend, y_area + margin_left)?;

    let y_fmt = |v: &f64| ms.label(*v);
    let (mut chart, slot_px) = slot_chart(
        area,
        &plot,
        &data.geographies,
        y_lo..y_hi,
        (margin_left, margin_right),
        y_area,
        &y_fmt,
        "p95 latency (ms)",
    )?;

    // Groups take 80 % of their slot, bars at most 40 px each.
    let inner = 0.8_f64.min(40.0 * n_tiers as f64 / slot_px.max(1.0));
    let bar_w = inner / n_tiers as f64;
    let gap = u32::from(slot_px * bar_w > 6.0);
    chart
        .draw_series(bars.iter().map(|&(g, t, v)| {
            let x0 = g as f64 + 0.5 - inner / 2.0 + t as f64 * bar_w;
            let mut bar = Rectangle::new([(x0, 0.0), (x0 + bar_w, v)], series_color(t).filled());
            bar.set_margin(0, 0, gap, gap);
            bar
        }))
        .chart()?;

    if let Some(t) = target {
        dashed_line(chart.plotting_area(), (0.0, t), (groups as f64, t), MARKER)?;
        note(
            chart.plotting_area(),
            (groups as f64, t),
            (-4, -4),
            format!("Target {} ms", ms.label(t)),
            (HPos::Right, VPos::Bottom),
        )?;
    }
    Ok(())
}
