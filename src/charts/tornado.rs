//! Sensitivity (tornado): one row per input, largest swing at the top; two
//! bars from the zero line, the change in the monthly figure with the input
//! at its low and at its high. A thin vertical line marks no change.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::common::{
    fit_text, house_style, legend_on_top, no_data, prepare, text_style, value_range, x_label_area,
    AxisFormat, Slots, Swatch, LABEL_SIZE, MARKER,
};
use super::{series_color, ChartError};

/// The tornado of one tier.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tornado {
    /// `(input label, change with the input at its low, change at its high)`,
    /// top row first; non-finite changes draw no bar.
    pub rows: Vec<(String, f64, f64)>,
    pub currency_symbol: String,
}

/// Draws `data`. See the module documentation.
pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Tornado,
) -> Result<(), ChartError> {
    if !prepare(area)? {
        return Ok(());
    }
    let n = data.rows.len();
    if n == 0 {
        return no_data(area);
    }
    let values: Vec<f64> = data.rows.iter().flat_map(|r| [r.1, r.2]).collect();
    let (lo, hi) = value_range(&values, &[0.0], 0.08);
    // Room on the left as well as the right.
    let pad = (hi - lo) * 0.04;
    let (lo, hi) = (if lo < 0.0 { lo - pad } else { lo }, hi);
    let money = AxisFormat::money(&data.currency_symbol, lo, hi);
    let signed = |v: f64| {
        if v > 0.0 {
            format!("+{}", money.label(v))
        } else if v < 0.0 {
            format!("−{}", money.label(-v))
        } else {
            money.label(0.0)
        }
    };

    let legend = vec![
        ("Input at its low".to_string(), Swatch::Bar(series_color(0))),
        (
            "Input at its high".to_string(),
            Swatch::Bar(series_color(1)),
        ),
    ];
    let (w, _) = area.dim_in_pixel();
    let style = text_style(LABEL_SIZE);
    let max_label = (f64::from(w) * 0.42) as u32;
    let labels: Vec<String> = data
        .rows
        .iter()
        .map(|r| fit_text(area, &r.0, &style, max_label))
        .collect();
    let y_area = labels
        .iter()
        .map(|l| super::common::text_width(area, l, &style))
        .max()
        .unwrap_or(0)
        + 18;
    let plot = legend_on_top(area, &legend, y_area + 8)?;
    let mut chart = ChartBuilder::on(&plot)
        .margin_top(8)
        .margin_bottom(4)
        .margin_left(8)
        .margin_right(24)
        .x_label_area_size(x_label_area(true))
        .y_label_area_size(y_area)
        .build_cartesian_2d(lo..hi, Slots::new(n))
        .map_err(|e| ChartError(e.to_string()))?;
    // Slot i (from the bottom) holds row n − 1 − i.
    let y_fmt = |v: &f64| {
        Slots::index(*v)
            .and_then(|i| labels.get(n - 1 - i).cloned())
            .unwrap_or_default()
    };
    let x_fmt = |v: &f64| signed(*v);
    house_style(&mut chart.configure_mesh())
        .disable_y_mesh()
        .x_labels(6)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .x_desc("Change in the monthly figure")
        .draw()
        .map_err(|e| ChartError(e.to_string()))?;

    for (row, (_, low, high)) in data.rows.iter().enumerate() {
        let y = (n - 1 - row) as f64;
        for (k, v) in [(0usize, *low), (1usize, *high)] {
            if !v.is_finite() {
                continue;
            }
            let (y0, y1) = if k == 0 {
                (y + 0.52, y + 0.86)
            } else {
                (y + 0.14, y + 0.48)
            };
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(0.0_f64.min(v), y0), (0.0_f64.max(v), y1)],
                    series_color(k).filled(),
                )))
                .map_err(|e| ChartError(e.to_string()))?;
        }
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, n as f64)],
            MARKER.stroke_width(2),
        )))
        .map_err(|e| ChartError(e.to_string()))?;
    Ok(())
}
