//! Risk-adjusted annual cost against the cost of downtime: x is what an hour
//! of downtime costs the business, y is each tier's fixed annual cost plus
//! x × its expected downtime hours, one straight line per tier. Dots mark
//! where two lines cross; the crossings where the cheapest tier changes
//! (the break-evens that matter) are larger and captioned with their
//! $/hour. A dashed vertical marker shows the current estimate.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::common::{
    current_marker, legend_on_top, line_chart, no_data, note, prepare, value_range, y_label_area,
    AxisFormat, LineAxes, OrChart, Swatch, LINE_MARGIN_LEFT, MARKER,
};
use super::{format_money, series_color, series_width, ChartError};

/// Fixed cost and expected downtime of each tier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BreakEvenChart {
    /// `(name, fixed annual cost (infrastructure + credits), expected
    /// downtime hours per year)`. Tiers with a non-finite number are
    /// skipped (their colour stays reserved).
    pub tiers: Vec<(String, f64, f64)>,
    /// Right end of the x axis ($ per hour of downtime); 0 or non-finite
    /// falls back to a range that fits the crossings and the current value.
    pub max_cost_per_hour: f64,
    /// The current estimate ($/hour); not drawn if non-finite.
    pub current_cost_per_hour: f64,
    /// Prefix for money labels, e.g. `"$"`.
    pub currency_symbol: String,
}

/// A crossing of two tier lines.
struct Crossing {
    x: f64,
    y: f64,
    /// The cheapest tier changes here.
    on_envelope: bool,
}

/// Draws `data`. See the module documentation.
pub fn draw_break_even<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &BreakEvenChart,
) -> Result<(), ChartError> {
    if !prepare(area)? {
        return Ok(());
    }
    // (series index, name, fixed, hours)
    let tiers: Vec<(usize, &str, f64, f64)> = data
        .tiers
        .iter()
        .enumerate()
        .filter(|(_, t)| t.1.is_finite() && t.2.is_finite())
        .map(|(i, t)| (i, t.0.as_str(), t.1, t.2))
        .collect();
    if tiers.is_empty() {
        return no_data(area);
    }

    let all_crossings = |max_x: f64| -> Vec<Crossing> {
        let mut out = Vec::new();
        for (a, &(_, _, fa, ha)) in tiers.iter().enumerate() {
            for &(_, _, fb, hb) in &tiers[a + 1..] {
                let x = (fb - fa) / (ha - hb);
                let y = fa + x * ha;
                if !x.is_finite() || !y.is_finite() || x < 0.0 || x > max_x {
                    continue;
                }
                let tol = 1e-9 * y.abs().max(1.0);
                let on_envelope = tiers.iter().all(|&(_, _, f, h)| f + x * h >= y - tol);
                out.push(Crossing { x, y, on_envelope });
            }
        }
        out
    };

    let current = data.current_cost_per_hour;
    let mut max_x = if data.max_cost_per_hour.is_finite() && data.max_cost_per_hour > 0.0 {
        data.max_cost_per_hour
    } else {
        // Fit every crossing, with some room after the last one.
        let last = all_crossings(f64::MAX / 4.0)
            .iter()
            .map(|c| c.x)
            .fold(0.0_f64, f64::max);
        if last > 0.0 {
            last * 1.5
        } else {
            1000.0
        }
    };
    if current.is_finite() && current > max_x {
        max_x = current * 1.1;
    }
    let max_x = max_x.min(f64::MAX / 4.0);
    let crossings = all_crossings(max_x);

    let ends: Vec<f64> = tiers
        .iter()
        .flat_map(|&(_, _, f, h)| [f, f + max_x * h])
        .collect();
    let (y_lo, y_hi) = value_range(&ends, &[0.0], 0.08);
    let x_money = AxisFormat::money(&data.currency_symbol, 0.0, max_x);
    let y_money = AxisFormat::money(&data.currency_symbol, y_lo, y_hi);
    let y_area = y_label_area(area, &y_money.extent_labels(y_lo, y_hi), true);
    let mut legend: Vec<(String, Swatch)> = tiers
        .iter()
        .map(|&(i, name, _, _)| (name.to_string(), Swatch::Line(series_color(i))))
        .collect();
    if !crossings.is_empty() {
        legend.push(("Break-even".to_string(), Swatch::Dot(MARKER)));
    }
    let plot = legend_on_top(area, &legend, y_area + LINE_MARGIN_LEFT)?;
    let mut chart = line_chart(
        area,
        &plot,
        y_area,
        0.0..max_x,
        y_lo..y_hi,
        &LineAxes {
            x_fmt: &|v| x_money.label(*v),
            y_fmt: &|v| y_money.label(*v),
            x_desc: "Cost of downtime per hour",
            y_desc: "Risk-adjusted annual cost",
            max_x_labels: 6,
            x_mesh: false,
        },
    )?;

    current_marker(
        chart.plotting_area(),
        current,
        (0.0, max_x),
        (y_lo, y_hi),
        format!("Current: {}/h", x_money.label(current)),
    )?;

    for &(i, _, f, h) in &tiers {
        chart
            .draw_series(LineSeries::new(
                [(0.0, f), (max_x, f + max_x * h)],
                series_color(i).stroke_width(series_width(i)),
            ))
            .chart()?;
    }

    // Break-evens: where the cheapest tier changes (on the cheapest
    // envelope), big and captioned. Lines crossing above the envelope are not
    // marked: no decision changes there (they were unlabelled dots before).
    chart
        .draw_series(
            crossings
                .iter()
                .filter(|c| c.on_envelope)
                .map(|c| Circle::new((c.x, c.y), 6, MARKER.filled())),
        )
        .chart()?;
    for c in crossings.iter().filter(|c| c.on_envelope) {
        // A caption in the right third of the plot reads leftwards from its
        // dot, so it is never cut off at the chart's edge.
        let (offset, h) = if c.x > max_x * 0.66 {
            ((-4, 8), HPos::Right)
        } else {
            ((4, 8), HPos::Left)
        };
        note(
            chart.plotting_area(),
            (c.x, c.y),
            offset,
            format!("{}/h", format_money(c.x, &data.currency_symbol)),
            (h, VPos::Top),
        )?;
    }
    Ok(())
}
