//! Shared pieces of the charts: text styles, number formatting, axis sizing,
//! the legend strip and the "no data" placeholder.

use plotters::chart::MeshStyle;
use plotters::coord::cartesian::Cartesian2d;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ChartError;

/// Tick labels.
pub(crate) const LABEL_SIZE: f64 = 16.0;
/// Axis titles.
pub(crate) const DESC_SIZE: f64 = 16.0;
/// Legend entries.
pub(crate) const LEGEND_SIZE: f64 = 15.0;
/// Notes drawn inside the plot (marker captions, totals, break-evens).
pub(crate) const NOTE_SIZE: f64 = 14.0;

/// Text and axis colour.
pub(crate) const INK: RGBColor = RGBColor(34, 34, 34);
/// Markers for the current setting and for targets.
pub(crate) const MARKER: RGBColor = RGBColor(70, 70, 70);
/// Horizontal grid lines.
pub(crate) const GRID: RGBColor = RGBColor(225, 225, 225);
/// Placeholder text.
const MUTED: RGBColor = RGBColor(110, 110, 110);

/// Below this size (pixels) a chart only fills the area white.
const MIN_WIDTH: u32 = 160;
const MIN_HEIGHT: u32 = 120;

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

/// Maps any displayable error (plotters' drawing errors) to [`ChartError`].
pub(crate) trait OrChart<T> {
    fn chart(self) -> Result<T, ChartError>;
}

impl<T, E: std::fmt::Display> OrChart<T> for Result<T, E> {
    fn chart(self) -> Result<T, ChartError> {
        self.map_err(|e| ChartError(e.to_string()))
    }
}

/// A sans-serif text style of `size` in the ink colour.
pub(crate) fn text_style(size: f64) -> TextStyle<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal).color(&INK)
}

/// [`text_style`] anchored at `h`/`v`.
pub(crate) fn anchored(size: f64, h: HPos, v: VPos) -> TextStyle<'static> {
    text_style(size).pos(Pos::new(h, v))
}

/// Width of `text` as the backend will draw it (the DOM on a canvas, an
/// estimate on SVG), with a fallback estimate if the backend cannot say.
pub(crate) fn text_width<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
) -> u32 {
    let fallback = (text.chars().count() as f64 * style.font.get_size() * 0.6).ceil() as u32;
    area.estimate_text_size(text, style)
        .map(|(w, _)| w)
        .unwrap_or(fallback)
}

/// Height of one line of text of `size`, generous enough for every backend.
pub(crate) fn line_height(size: f64) -> u32 {
    (size * 1.25).ceil() as u32
}

/// `text`, cut with an ellipsis so that it is at most `max_width` wide.
pub(crate) fn fit_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_width: u32,
) -> String {
    if text_width(area, text, style) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let cut: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if text_width(area, &cut, style) <= max_width {
            return cut;
        }
    }
    chars.first().map(|c| c.to_string()).unwrap_or_default()
}

/// Fills the area white. Returns `false` when the area is too small to hold
/// a chart (the caller then stops, successfully).
pub(crate) fn prepare<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
) -> Result<bool, ChartError> {
    area.fill(&WHITE).chart()?;
    let (w, h) = area.dim_in_pixel();
    Ok(w >= MIN_WIDTH && h >= MIN_HEIGHT)
}

/// The placeholder drawn instead of an empty chart.
pub(crate) fn no_data<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let style = FontDesc::new(FontFamily::SansSerif, DESC_SIZE, FontStyle::Normal)
        .color(&MUTED)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        "No data to chart",
        ((w / 2) as i32, (h / 2) as i32),
        style,
    ))
    .chart()
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

/// A number formatter for an axis: picks a unit (k is never used; M, B, T for
/// large numbers so labels stay short) and enough decimals for the tick step.
#[derive(Debug, Clone)]
pub(crate) struct AxisFormat {
    prefix: String,
    suffix: String,
    unit: f64,
    unit_suffix: &'static str,
    decimals: usize,
    /// Drop trailing zeros (`1` rather than `1.0`); money keeps its cents.
    trim: bool,
}

impl AxisFormat {
    /// For an axis spanning `lo..hi` with about six ticks.
    pub(crate) fn new(prefix: &str, suffix: &str, lo: f64, hi: f64) -> Self {
        let mag = lo.abs().max(hi.abs());
        let (unit, unit_suffix) = unit_for(mag);
        let step = (hi - lo).abs() / 6.0 / unit;
        let decimals = if !step.is_finite() || step >= 1.0 {
            0
        } else if step >= 0.1 {
            1
        } else {
            2
        };
        Self {
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
            unit,
            unit_suffix,
            decimals,
            trim: true,
        }
    }

    /// Money: `$12,500`, `$0.50`, `$1.5M`.
    pub(crate) fn money(symbol: &str, lo: f64, hi: f64) -> Self {
        let mut f = Self::new(symbol, "", lo, hi);
        f.trim = false;
        // Cents, not tenths, below a unit.
        if f.unit == 1.0 && f.decimals == 1 {
            f.decimals = 2;
        }
        f
    }

    /// Labels to measure an axis spanning `lo..hi` by: both ends and one
    /// tick in between (the widest label is usually among them).
    pub(crate) fn extent_labels(&self, lo: f64, hi: f64) -> [String; 3] {
        [self.label(lo), self.label(hi), self.label(hi * 0.55)]
    }

    pub(crate) fn label(&self, v: f64) -> String {
        if !v.is_finite() {
            return String::new();
        }
        let body = if self.unit.is_infinite() {
            scientific(v.abs())
        } else if self.unit > 1.0 {
            trim_zeros(group_thousands(v.abs() / self.unit, self.decimals)) + self.unit_suffix
        } else if self.trim {
            trim_zeros(group_thousands(v.abs(), self.decimals))
        } else {
            group_thousands(v.abs(), self.decimals)
        };
        let zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if zero {
            // "$0", not "$0T" or "-$0.00".
            return format!("{}0{}", self.prefix, self.suffix);
        }
        let sign = if v < 0.0 { "-" } else { "" };
        format!("{sign}{}{body}{}", self.prefix, self.suffix)
    }
}

/// The unit labels are written in: an infinite unit means scientific
/// notation (beyond a thousand trillion).
fn unit_for(mag: f64) -> (f64, &'static str) {
    if mag >= 1e15 {
        (f64::INFINITY, "")
    } else if mag >= 1e12 {
        (1e12, "T")
    } else if mag >= 1e9 {
        (1e9, "B")
    } else if mag >= 1e6 {
        (1e6, "M")
    } else {
        (1.0, "")
    }
}

/// `2.5e24`.
fn scientific(v: f64) -> String {
    let s = format!("{v:.2e}");
    match s.split_once('e') {
        Some((mantissa, exp)) => format!("{}e{exp}", trim_zeros(mantissa.to_string())),
        None => s,
    }
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `v` (non-negative) with `decimals` decimals and comma thousands
/// separators.
fn group_thousands(v: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, v);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A money amount as a person reads it: `$12,345`, `-$1,200`, `$1.25M`,
/// `$3.4B`, `$1T`; whole units below a million, three significant digits
/// above. Non-finite values give an en dash.
pub fn format_money(value: f64, symbol: &str) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (unit, suffix) = unit_for(value.abs());
    let body = if unit.is_infinite() {
        scientific(value.abs())
    } else if unit > 1.0 {
        let scaled = value.abs() / unit;
        let decimals = if scaled < 10.0 {
            2
        } else if scaled < 100.0 {
            1
        } else {
            0
        };
        trim_zeros(group_thousands(scaled, decimals)) + suffix
    } else {
        group_thousands(value.abs(), 0)
    };
    let zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
    let sign = if value < 0.0 && !zero { "-" } else { "" };
    format!("{sign}{symbol}{body}")
}

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
    fn money_formats() {
        assert_eq!(format_money(12_345.4, "$"), "$12,345");
        assert_eq!(format_money(-1_200.0, "€"), "-€1,200");
        assert_eq!(format_money(-0.2, "$"), "$0");
        assert_eq!(format_money(1_250_000.0, "$"), "$1.25M");
        assert_eq!(format_money(1e12, "$"), "$1T");
        assert_eq!(format_money(2.5e24, "$"), "$2.5e24");
        assert_eq!(AxisFormat::money("$", 0.0, 1e24).label(4e23), "$4e23");
        assert_eq!(format_money(f64::NAN, "$"), "–");
        let axis = AxisFormat::money("$", 0.0, 12_000.0);
        assert_eq!(axis.label(10_000.0), "$10,000");
        let axis = AxisFormat::money("$", 0.0, 1.0);
        assert_eq!(axis.label(0.5), "$0.50");
        let axis = AxisFormat::money("$", 0.0, 3e6);
        assert_eq!(axis.label(2.5e6), "$2.5M");
        assert_eq!(axis.label(0.0), "$0");
        assert_eq!(AxisFormat::new("", "%", 0.0, 5.0).label(-0.0), "0%");
        assert_eq!(AxisFormat::new("", "", 0.0, 4.0).label(1.0), "1");
        assert_eq!(AxisFormat::new("", "", 0.0, 4.0).label(1.5), "1.5");
    }

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
