//! Capacity headroom trade-off: x is the per-stamp capacity (as a percentage
//! of peak load each regional stamp is sized for); the solid line is the
//! monthly cost (left axis); the dashed line is the capacity shortfall after
//! losing a region (right axis, %); a dashed vertical marker shows the
//! current setting.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    current_marker, house_style, legend_on_top, no_data, prepare, text_style, value_range,
    x_label_area, x_label_count, y_label_area, AxisFormat, OrChart, Swatch, DESC_SIZE, INK,
    LABEL_SIZE,
};
use super::{series_color, ChartError};

/// Cost and resilience for a sweep of per-stamp capacity settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Headroom {
    /// `(p, monthly cost, shortfall)`: `p` is the per-stamp capacity as a
    /// fraction (0.5 = 50 %), `shortfall` the fraction of peak load that
    /// cannot be served after losing a region. Non-finite entries are
    /// skipped; order does not matter.
    pub points: Vec<(f64, f64, f64)>,
    /// The current `p` (fraction); not drawn if non-finite.
    pub current: f64,
    /// Prefix for money labels, e.g. `"$"`.
    pub currency_symbol: String,
}

/// Draws `data`. See the module documentation.
pub fn draw_headroom<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Headroom,
) -> Result<(), ChartError> {
    if !prepare(area)? {
        return Ok(());
    }
    let mut cost: Vec<(f64, f64)> = data
        .points
        .iter()
        .filter(|p| p.0.is_finite() && p.1.is_finite())
        .map(|p| (p.0, p.1))
        .collect();
    let mut shortfall: Vec<(f64, f64)> = data
        .points
        .iter()
        .filter(|p| p.0.is_finite() && p.2.is_finite())
        .map(|p| (p.0, p.2))
        .collect();
    if cost.is_empty() && shortfall.is_empty() {
        return no_data(area);
    }
    cost.sort_by(|a, b| a.0.total_cmp(&b.0));
    shortfall.sort_by(|a, b| a.0.total_cmp(&b.0));

    let xs: Vec<f64> = cost.iter().chain(&shortfall).map(|p| p.0).collect();
    let current = [data.current];
    let (x_lo, x_hi) = value_range(&xs, &current, 0.0);
    let costs: Vec<f64> = cost.iter().map(|p| p.1).collect();
    let (y_lo, y_hi) = value_range(&costs, &[0.0], 0.1);
    let shorts: Vec<f64> = shortfall.iter().map(|p| p.1).collect();
    let (s_lo, s_hi) = value_range(&shorts, &[0.0], 0.1);

    let x_pct = AxisFormat::new("", "%", x_lo * 100.0, x_hi * 100.0);
    let money = AxisFormat::money(&data.currency_symbol, y_lo, y_hi);
    let s_pct = AxisFormat::new("", "%", s_lo * 100.0, s_hi * 100.0);
    let left = y_label_area(area, &money.extent_labels(y_lo, y_hi), true);
    let right = y_label_area(area, &s_pct.extent_labels(s_lo * 100.0, s_hi * 100.0), true);
    let (margin_left, margin_right) = (8, 8);

    let cost_color = series_color(0);
    let short_color = series_color(1);
    let legend = [
        (
            "Monthly cost (left axis)".to_string(),
            Swatch::Line(cost_color),
        ),
        (
            "Shortfall after losing a region (right axis)".to_string(),
            Swatch::Dashed(short_color),
        ),
    ];
    let plot = legend_on_top(area, &legend, left + margin_left)?;
    let plot_w = plot
        .dim_in_pixel()
        .0
        .saturating_sub(left + right + margin_left + margin_right);
    let x_labels = x_label_count(
        area,
        plot_w,
        &[x_pct.label(x_hi * 100.0), x_pct.label(x_hi * 55.0)],
        8,
    );

    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_bottom(4)
        .margin_left(margin_left)
        .margin_right(margin_right)
        .x_label_area_size(x_label_area(true))
        .y_label_area_size(left)
        .right_y_label_area_size(right)
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)
        .chart()?
        .set_secondary_coord(x_lo..x_hi, s_lo..s_hi);

    let x_fmt = |v: &f64| x_pct.label(v * 100.0);
    let y_fmt = |v: &f64| money.label(*v);
    let s_fmt = |v: &f64| s_pct.label(v * 100.0);
    house_style(&mut chart.configure_mesh())
        .disable_x_mesh()
        .x_labels(x_labels)
        .y_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_desc("Per-stamp capacity (% of peak)")
        .y_desc("Monthly cost")
        .draw()
        .chart()?;
    chart
        .configure_secondary_axes()
        .axis_style(INK)
        .label_style(text_style(LABEL_SIZE))
        .axis_desc_style(text_style(DESC_SIZE))
        .y_labels(6)
        .y_label_formatter(&s_fmt)
        .y_desc("Shortfall after losing a region")
        .draw()
        .chart()?;

    current_marker(
        chart.plotting_area(),
        data.current,
        (x_lo, x_hi),
        (y_lo, y_hi),
        format!("Current: {}", x_pct.label(data.current * 100.0)),
    )?;

    chart
        .draw_series(LineSeries::new(cost.clone(), cost_color.stroke_width(3)))
        .chart()?;
    chart
        .draw_secondary_series(DashedLineSeries::new(
            shortfall.clone(),
            10,
            6,
            short_color.stroke_width(3),
        ))
        .chart()?;
    // Point markers keep single points and sparse sweeps visible.
    if cost.len() <= 40 {
        chart
            .draw_series(cost.iter().map(|&p| Circle::new(p, 4, cost_color.filled())))
            .chart()?;
    }
    if shortfall.len() <= 40 {
        chart
            .draw_secondary_series(
                shortfall
                    .iter()
                    .map(|&p| Circle::new(p, 4, short_color.stroke_width(2))),
            )
            .chart()?;
    }
    Ok(())
}
