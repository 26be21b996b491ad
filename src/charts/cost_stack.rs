//! Monthly cost per tier as stacked bars: one bar per tier, one coloured
//! segment per cost category (legend across the top), the total written
//! above each bar, and a money y axis with thousands separators. Negative
//! amounts (credits) stack downwards from zero.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::{
    anchored, legend_on_top, no_data, prepare, slot_chart, value_range, y_label_area, AxisFormat,
    OrChart, Swatch, INK, NOTE_SIZE,
};
use super::{category_color, format_money, ChartError};

/// Monthly cost of each tier, broken down by category.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CostStack {
    /// Bar labels, left to right.
    pub tiers: Vec<String>,
    /// Segment labels, bottom to top (colour `category_color(i)`).
    pub categories: Vec<String>,
    /// `values[tier][category]`: monthly cost. Missing, zero and non-finite
    /// entries draw no segment.
    pub values: Vec<Vec<f64>>,
    /// Prefix for money labels, e.g. `"$"` or `"€"`.
    pub currency_symbol: String,
}

/// One stacked segment: tier, category, bottom, top.
struct Segment {
    tier: usize,
    category: usize,
    low: f64,
    high: f64,
}

/// Draws `data` as stacked bars. See the module documentation.
pub fn draw_cost_stack<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &CostStack,
) -> Result<(), ChartError> {
    if !prepare(area)? {
        return Ok(());
    }
    let n = data.tiers.len();
    if n == 0 {
        return no_data(area);
    }

    // Stack positives up and negatives down from zero.
    let mut segments = Vec::new();
    let mut tops = Vec::with_capacity(n);
    for tier in 0..n {
        let (mut up, mut down) = (0.0_f64, 0.0_f64);
        for category in 0..data.categories.len() {
            let v = data
                .values
                .get(tier)
                .and_then(|row| row.get(category))
                .copied()
                .unwrap_or(0.0);
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let (low, high) = if v > 0.0 {
                (up, up + v)
            } else {
                (down + v, down)
            };
            if !low.is_finite() || !high.is_finite() {
                continue;
            }
            if v > 0.0 {
                up = high;
            } else {
                down = low;
            }
            segments.push(Segment {
                tier,
                category,
                low,
                high,
            });
        }
        tops.push((up, down));
    }

    let extremes: Vec<f64> = tops.iter().flat_map(|&(u, d)| [u, d]).collect();
    let (y_lo, y_hi) = value_range(&extremes, &[0.0], 0.12);
    let money = AxisFormat::money(&data.currency_symbol, y_lo, y_hi);
    let samples = [
        money.label(y_lo),
        money.label(y_hi),
        money.label((y_lo + y_hi) / 2.0),
    ];
    let y_area = y_label_area(area, &samples, true);
    let (margin_left, margin_right) = (8u32, 16u32);

    let legend: Vec<(String, Swatch)> = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.clone(), Swatch::Bar(category_color(i))))
        .collect();
    let plot = legend_on_top(area, &legend, y_area + margin_left)?;

    // Tier names are cut to the width of their slot.
    let y_fmt = |v: &f64| money.label(*v);
    let (mut chart, slot_px) = slot_chart(
        area,
        &plot,
        &data.tiers,
        y_lo..y_hi,
        (margin_left, margin_right),
        y_area,
        &y_fmt,
        "Monthly cost",
    )?;

    // Bars at most ~110 px wide, otherwise 60 % of the slot.
    let half = (0.3_f64).min(55.0 / slot_px.max(1.0));
    let span = |tier: usize| (tier as f64 + 0.5 - half, tier as f64 + 0.5 + half);
    chart
        .draw_series(segments.iter().map(|s| {
            let (x0, x1) = span(s.tier);
            Rectangle::new(
                [(x0, s.low), (x1, s.high)],
                category_color(s.category).filled(),
            )
        }))
        .chart()?;
    // Thin white gaps between neighbouring segments.
    chart
        .draw_series(
            segments
                .iter()
                .flat_map(|s| [(s.tier, s.low), (s.tier, s.high)])
                .filter(|&(_, y)| y != 0.0)
                .map(|(tier, y)| {
                    let (x0, x1) = span(tier);
                    PathElement::new(vec![(x0, y), (x1, y)], WHITE.stroke_width(1))
                }),
        )
        .chart()?;
    if y_lo < 0.0 {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(0.0, 0.0), (n as f64, 0.0)],
                INK.stroke_width(1),
            )))
            .chart()?;
    }

    // Totals above the bars.
    let total_style = anchored(NOTE_SIZE, HPos::Center, VPos::Bottom);
    chart
        .draw_series(tops.iter().enumerate().map(|(tier, &(up, down))| {
            EmptyElement::at((tier as f64 + 0.5, up))
                + Text::new(
                    format_money(up + down, &data.currency_symbol),
                    (0, -4),
                    total_style.clone(),
                )
        }))
        .chart()?;
    Ok(())
}
