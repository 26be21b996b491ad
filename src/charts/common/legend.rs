//! The legend strip across the top of a chart: its entries' swatches and
//! their layout in rows.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{anchored, fit_text, line_height, text_width, LEGEND_SIZE};
use super::OrChart;
use crate::charts::ChartError;

/// What a legend entry shows next to its name.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled square (bars).
    Bar(RGBColor),
    /// A thick solid line.
    Line(RGBColor),
    /// A thick dashed line.
    Dashed(RGBColor),
    /// A dot (marked points).
    Dot(RGBColor),
}

const SWATCH_WIDTH: i32 = 24;
const SWATCH_GAP: i32 = 6;
const ITEM_GAP: i32 = 16;

/// Draws `items` in rows across the top of `area`, starting `left` pixels in,
/// and returns the area below the legend.
pub(crate) fn legend_on_top<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[(String, Swatch)],
    left: u32,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    if items.is_empty() {
        return Ok(area.clone());
    }
    let (w, h) = area.dim_in_pixel();
    let style = anchored(LEGEND_SIZE, HPos::Left, VPos::Center);
    let row_h = line_height(LEGEND_SIZE) as i32 + 4;
    let left = (left as i32).min(w as i32 / 4);
    let right = w as i32 - 8;

    // Lay out as (row, x, label, swatch), aligned with the plot unless
    // starting at the left edge saves a row.
    let layout = |left: i32| {
        let max_text = (right - left - SWATCH_WIDTH - SWATCH_GAP).max(20) as u32;
        let mut placed = Vec::with_capacity(items.len());
        let (mut row, mut x) = (0i32, left);
        for (label, swatch) in items {
            let label = fit_text(area, label, &style, max_text);
            let item_w = SWATCH_WIDTH + SWATCH_GAP + text_width(area, &label, &style) as i32;
            if x > left && x + item_w > right {
                row += 1;
                x = left;
            }
            placed.push((row, x, label, *swatch));
            x += item_w + ITEM_GAP;
        }
        (row, placed)
    };
    let (mut row, mut placed) = layout(left);
    if row > 0 && left > 8 {
        let (row_edge, placed_edge) = layout(8);
        if row_edge < row {
            (row, placed) = (row_edge, placed_edge);
        }
    }
    // Never let the legend take more than a third of the height.
    let max_rows = ((h as i32 / 3) / row_h).max(1);
    let rows = (row + 1).min(max_rows);
    let top = 4;
    let legend_h = (top + rows * row_h + 4) as u32;

    for (r, x, label, swatch) in placed.iter().filter(|p| p.0 < rows) {
        let cy = top + r * row_h + row_h / 2;
        draw_swatch(area, *swatch, *x, cy)?;
        area.draw(&Text::new(
            label.as_str(),
            (x + SWATCH_WIDTH + SWATCH_GAP, cy),
            style.clone(),
        ))
        .chart()?;
    }
    let (_, below) = area.split_vertically(legend_h.min(h));
    Ok(below)
}

fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    x: i32,
    cy: i32,
) -> Result<(), ChartError> {
    match swatch {
        Swatch::Bar(c) => area
            .draw(&Rectangle::new(
                [(x + 5, cy - 7), (x + SWATCH_WIDTH - 5, cy + 7)],
                c.filled(),
            ))
            .chart(),
        Swatch::Line(c) => area
            .draw(&PathElement::new(
                vec![(x, cy), (x + SWATCH_WIDTH, cy)],
                c.stroke_width(3),
            ))
            .chart(),
        Swatch::Dashed(c) => {
            for (a, b) in [(0, 7), (10, 16), (19, SWATCH_WIDTH)] {
                area.draw(&PathElement::new(
                    vec![(x + a, cy), (x + b, cy)],
                    c.stroke_width(3),
                ))
                .chart()?;
            }
            Ok(())
        }
        Swatch::Dot(c) => area
            .draw(&Circle::new((x + SWATCH_WIDTH / 2, cy), 5, c.filled()))
            .chart(),
    }
}
