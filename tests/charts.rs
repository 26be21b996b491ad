//! Charts drawn to SVG and checked for what a person would see: legend
//! entries, money and percentage labels, bar counts, markers, and that edge
//! cases draw without failing.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{render, render_sized};
use planner::charts::*;
use plotters::prelude::*;

// ---------------------------------------------------------------- helpers

/// Writes the SVG for a person to look at.
fn save(name: &str, svg: &str) {
    let dir = std::path::Path::new("/tmp/charts");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), svg).unwrap();
}

/// One `<tag .../>` or `<tag ...>` element's attribute.
fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

fn num(element: &str, name: &str) -> f64 {
    attr(element, name)
        .unwrap_or_else(|| panic!("no {name} in {element}"))
        .parse()
        .unwrap()
}

/// Every opening tag `<tag ...>` of the given name.
fn elements<'a>(svg: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let end = svg[i..].find('>').unwrap();
            &svg[i..=i + end]
        })
        .collect()
}

/// Every `<text>` as (opening tag, trimmed content, unescaped).
fn texts(svg: &str) -> Vec<(&str, String)> {
    svg.match_indices("<text ")
        .map(|(i, _)| {
            let open_end = i + svg[i..].find('>').unwrap();
            let close = open_end + svg[open_end..].find("</text>").unwrap();
            let content = svg[open_end + 1..close]
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
            (&svg[i..=open_end], content)
        })
        .collect()
}

fn has_text(svg: &str, wanted: &str) -> bool {
    texts(svg).iter().any(|(_, t)| t == wanted)
}

fn text_elem<'a>(svg: &'a str, wanted: &str) -> &'a str {
    texts(svg)
        .into_iter()
        .find(|(_, t)| t == wanted)
        .unwrap_or_else(|| panic!("no text {wanted:?} in the chart"))
        .0
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Filled rectangles of colour `c`.
fn filled_rects(svg: &str, c: RGBColor) -> usize {
    let fill = hex(c);
    elements(svg, "rect")
        .iter()
        .filter(|r| attr(r, "fill") == Some(fill.as_str()))
        .count()
}

/// Polylines stroked in colour `c`, as point lists.
fn polylines(svg: &str, c: RGBColor) -> Vec<Vec<(f64, f64)>> {
    let stroke = hex(c);
    elements(svg, "polyline")
        .iter()
        .filter(|p| attr(p, "stroke") == Some(stroke.as_str()))
        .map(|p| {
            attr(p, "points")
                .unwrap()
                .split_whitespace()
                .map(|xy| {
                    let (x, y) = xy.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

/// A money tick label: symbol, digits, thousands separators.
fn is_money_with_separator(label: &str, symbol: &str) -> bool {
    label.starts_with(symbol)
        && label.contains(',')
        && label[symbol.len()..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',')
}

/// Nothing unreadable leaked into the labels.
fn assert_clean(svg: &str) {
    for (_, t) in texts(svg) {
        assert!(
            !t.contains("NaN") && !t.contains("inf"),
            "label {t:?} shows a non-finite number"
        );
    }
    assert!(!svg.contains("NaN"), "SVG contains NaN coordinates");
}

const MARKER: RGBColor = RGBColor(70, 70, 70);

// ------------------------------------------------------------ realistic data

const TIERS: [&str; 4] = [
    "Single region",
    "Active-passive",
    "Active-active (2)",
    "Active-active (3)",
];

fn cost_stack() -> CostStack {
    CostStack {
        tiers: TIERS.iter().map(|s| s.to_string()).collect(),
        categories: [
            "Compute",
            "Database",
            "Networking",
            "Front Door",
            "Monitoring",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        values: vec![
            vec![4200.0, 2600.0, 300.0, 350.0, 250.0],
            vec![6100.0, 5200.0, 700.0, 350.0, 420.0],
            vec![8400.0, 5200.0, 900.0, 350.0, 500.0],
            vec![12600.0, 7800.0, 1300.0, 350.0, 700.0],
        ],
        currency_symbol: "$".into(),
    }
}

fn headroom() -> Headroom {
    // Three regions: losing one leaves two stamps each sized for p of peak.
    let points = (0..=14)
        .map(|i| {
            let p = 0.3 + 0.05 * f64::from(i);
            let cost = 9000.0 + 21000.0 * p;
            let shortfall = (1.0 - 2.0 * p).max(0.0);
            (p, cost, shortfall)
        })
        .collect();
    Headroom {
        points,
        current: 0.6,
        currency_symbol: "$".into(),
    }
}

fn break_even() -> BreakEvenChart {
    BreakEvenChart {
        tiers: vec![
            (TIERS[0].into(), 120_000.0, 40.0),
            (TIERS[1].into(), 190_000.0, 8.0),
            (TIERS[2].into(), 260_000.0, 2.0),
            (TIERS[3].into(), 350_000.0, 0.5),
        ],
        max_cost_per_hour: 20_000.0,
        current_cost_per_hour: 5_000.0,
        currency_symbol: "$".into(),
    }
}

/// Annual downtime hours at percentiles 0..=100 for a tier whose typical
/// year loses `mean` hours (exponential tail, some downtime-free years).
fn percentiles(mean: f64, free: f64) -> Vec<f64> {
    (0..=100)
        .map(|k| {
            let p = f64::from(k) / 100.0;
            if p <= free {
                0.0
            } else {
                // Cap the 100th percentile at the 99.5th.
                -mean * (1.0 - (p.min(0.995) - free) / (1.0 - free)).ln()
            }
        })
        .collect()
}

fn downtime() -> DowntimeDistribution {
    DowntimeDistribution {
        tiers: vec![
            (TIERS[0].into(), percentiles(30.0, 0.0)),
            (TIERS[1].into(), percentiles(8.0, 0.2)),
            (TIERS[2].into(), percentiles(2.0, 0.5)),
            (TIERS[3].into(), percentiles(0.6, 0.7)),
        ],
    }
}

fn latency() -> LatencyChart {
    LatencyChart {
        geographies: [
            "Europe",
            "North America",
            "Asia Pacific",
            "South America",
            "Africa",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        tiers: vec![
            (TIERS[0].into(), vec![45.0, 120.0, 260.0, 210.0, 180.0]),
            (TIERS[1].into(), vec![45.0, 120.0, 260.0, 210.0, 180.0]),
            (TIERS[2].into(), vec![40.0, 48.0, 190.0, 130.0, 150.0]),
            (TIERS[3].into(), vec![38.0, 45.0, 70.0, 120.0, 140.0]),
        ],
        target_ms: 150.0,
    }
}

// ---------------------------------------------------------------- palette

#[test]
fn palette_is_okabe_ito_and_distinct() {
    assert_eq!(series_color(0), RGBColor(0, 114, 178));
    assert_eq!(category_color(1), RGBColor(230, 159, 0));
    let series: Vec<_> = (0..16).map(series_color).collect();
    let categories: Vec<_> = (0..14).map(category_color).collect();
    for colours in [&series, &categories] {
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                assert_ne!(a, b, "palette repeats a colour");
            }
        }
    }
}

#[test]
fn money_is_formatted_for_people() {
    assert_eq!(format_money(12_345.0, "$"), "$12,345");
    assert_eq!(format_money(-1_200.0, "€"), "-€1,200");
    assert_eq!(format_money(2_500_000.0, "$"), "$2.5M");
    assert_eq!(format_money(1e12, "£"), "£1T");
}

// ---------------------------------------------------------------- cost stack

#[test]
fn cost_stack_shows_tiers_categories_and_money() {
    let data = cost_stack();
    let svg = render(|a| draw_cost_stack(a, &data));
    save("cost_stack.svg", &svg);
    assert_clean(&svg);

    for name in data.tiers.iter().chain(&data.categories) {
        assert!(has_text(&svg, name), "{name:?} is not shown");
    }
    // A money y axis with thousands separators, e.g. "$10,000".
    assert!(has_text(&svg, "$10,000"), "no $10,000 tick");
    let money_ticks = texts(&svg)
        .iter()
        .filter(|(_, t)| is_money_with_separator(t, "$"))
        .count();
    assert!(money_ticks >= 3, "only {money_ticks} money labels");
    assert!(has_text(&svg, "Monthly cost"));
    // Totals above the bars.
    for row in &data.values {
        let total: f64 = row.iter().sum();
        assert!(has_text(&svg, &format_money(total, "$")), "total {total}");
    }
    // One segment per tier × category, plus one legend swatch per category.
    let segments: usize = (0..data.categories.len())
        .map(|c| filled_rects(&svg, category_color(c)))
        .sum();
    assert_eq!(
        segments,
        data.tiers.len() * data.categories.len() + data.categories.len()
    );
    // Segments of a tier stack: the tallest bar is the most expensive tier.
    let compute = hex(category_color(0));
    let heights: Vec<f64> = elements(&svg, "rect")
        .iter()
        .filter(|r| attr(r, "fill") == Some(compute.as_str()) && num(r, "height") > 20.0)
        .map(|r| num(r, "height"))
        .collect();
    assert_eq!(heights.len(), 4);
    assert!(heights.windows(2).all(|w| w[0] < w[1]), "{heights:?}");
}

#[test]
fn cost_stack_long_names_are_cut_to_fit() {
    let mut data = cost_stack();
    data.tiers[0] = "Single region with a very long descriptive name indeed".into();
    let svg = render(|a| draw_cost_stack(a, &data));
    assert!(texts(&svg)
        .iter()
        .any(|(_, t)| t.starts_with("Single") && t.ends_with('…')));
}

#[test]
fn cost_stack_credits_stack_below_zero() {
    let mut data = cost_stack();
    data.categories.push("Credits".into());
    for row in &mut data.values {
        row.push(-2000.0);
    }
    let svg = render(|a| draw_cost_stack(a, &data));
    save("cost_stack_credits.svg", &svg);
    assert_clean(&svg);
    assert_eq!(filled_rects(&svg, category_color(5)), 4 + 1);
    // Credits hang below the $0 line; totals are net of them.
    let zero = num(text_elem(&svg, "$0"), "y");
    let credit = hex(category_color(5));
    let below = elements(&svg, "rect")
        .iter()
        .filter(|r| attr(r, "fill") == Some(credit.as_str()) && num(r, "y") >= zero - 1.0)
        .count();
    assert_eq!(below, 4);
    assert!(has_text(&svg, "$5,700"));
}

// ---------------------------------------------------------------- headroom

#[test]
fn headroom_shows_cost_shortfall_and_current_marker() {
    let data = headroom();
    let svg = render(|a| draw_headroom(a, &data));
    save("headroom.svg", &svg);
    assert_clean(&svg);

    assert!(has_text(&svg, "Monthly cost (left axis)"));
    assert!(has_text(
        &svg,
        "Shortfall after losing a region (right axis)"
    ));
    assert!(has_text(&svg, "Current: 60%"), "current marker caption");
    assert!(has_text(&svg, "$20,000") || has_text(&svg, "$25,000"));
    // Capacity on x and shortfall on the right axis, both in percent.
    assert!(has_text(&svg, "50%") && has_text(&svg, "100%"));
    assert!(has_text(&svg, "10%") && has_text(&svg, "40%"));
    // The cost line, and the dashed marker (many short dashes) at 60 %.
    let cost = polylines(&svg, series_color(0));
    assert!(cost.iter().any(|l| l.len() == data.points.len()));
    let dashes = polylines(&svg, MARKER);
    assert!(dashes.len() >= 5, "{} marker dashes", dashes.len());
    let x = dashes[0][0].0;
    assert!(dashes
        .iter()
        .all(|d| d.iter().all(|p| (p.0 - x).abs() < 0.5)));
    // The shortfall axis is on the right of the cost axis.
    let cost_tick = num(text_elem(&svg, "$20,000"), "x");
    let short_tick = num(text_elem(&svg, "10%"), "x");
    assert!(short_tick > x && x > cost_tick);
}

// ---------------------------------------------------------------- break-even

#[test]
fn break_even_marks_crossings_and_current() {
    let data = break_even();
    let svg = render(|a| draw_break_even(a, &data));
    save("break_even.svg", &svg);
    assert_clean(&svg);

    for (name, _, _) in &data.tiers {
        assert!(has_text(&svg, name), "{name:?} is not in the legend");
    }
    assert!(has_text(&svg, "Break-even"));
    assert!(has_text(&svg, "Current: $5,000/h"));
    assert!(has_text(&svg, "Cost of downtime per hour"));
    assert!(has_text(&svg, "Risk-adjusted annual cost"));
    assert!(has_text(&svg, "$10,000"), "x axis in money");
    // Single region → active-passive at 70,000 / 32 $/h; active-passive →
    // active-active (2) at 70,000 / 6 $/h. Active-active (3) only wins past
    // $60,000/h, outside the axis.
    assert!(has_text(&svg, "$2,188/h"));
    assert!(has_text(&svg, "$11,667/h"));
    let marker = hex(MARKER);
    let big_dots = elements(&svg, "circle")
        .iter()
        .filter(|c| attr(c, "fill") == Some(marker.as_str()))
        .count();
    assert_eq!(big_dots, 2 + 1, "two break-evens and the legend dot");
    // Crossings above the cheapest envelope change no decision and are not
    // marked (an unexplained hollow dot is gone).
    let small_dots = elements(&svg, "circle")
        .iter()
        .filter(|c| attr(c, "stroke") == Some(marker.as_str()) && attr(c, "fill") == Some("none"))
        .count();
    assert_eq!(small_dots, 0);
    // Lines that coincide stay visible: each tier narrower than the one before.
    for i in 0..4 {
        let width = format!("{}", planner::charts::series_width(i));
        assert!(
            svg.contains(&format!("stroke=\"{}\"", hex(series_color(i))))
                && elements(&svg, "polyline")
                    .iter()
                    .any(|l| attr(l, "stroke") == Some(hex(series_color(i)).as_str())
                        && attr(l, "stroke-width") == Some(width.as_str())),
            "tier {i} drawn {width} px wide"
        );
    }
    // Every tier is one straight line.
    for i in 0..4 {
        let lines = polylines(&svg, series_color(i));
        assert!(lines.iter().any(|l| l.len() == 2), "tier {i} line");
    }
}

// ---------------------------------------------------------------- downtime

#[test]
fn downtime_tiers_an_order_of_magnitude_apart_are_spread_across_the_axis() {
    // Typical years of 20 h, 2 h, 0.2 h and 0.02 h: on a linear axis the
    // last two would share the first 1 % of its width.
    let data = DowntimeDistribution {
        tiers: (0..4)
            .map(|i| {
                (
                    TIERS[i].to_string(),
                    percentiles(20.0 / 10f64.powi(i as i32), 0.0),
                )
            })
            .collect(),
    };
    let svg = render(|a| draw_downtime_distribution(a, &data));
    let median_x = |i: usize| {
        let curve = polylines(&svg, series_color(i))
            .into_iter()
            .find(|l| l.len() > 50)
            .unwrap();
        curve[curve.len() / 2].0
    };
    let xs: Vec<f64> = (0..4).map(median_x).collect();
    let gaps: Vec<f64> = xs.windows(2).map(|w| w[0] - w[1]).collect();
    for g in &gaps {
        assert!(
            *g > 60.0,
            "each tier a decade to the left of the one before: {xs:?}"
        );
    }
    // A decade is the same width wherever it is.
    assert!((gaps[0] - gaps[2]).abs() < 0.1 * gaps[0], "{gaps:?}");
    assert_eq!(log_extent([0.0, 0.02, 30.0].into_iter()), (-2.0, 2.0));
    assert_eq!(decade_label(-2.0), "0.01 h");
    assert_eq!(decade_label(1.0), "10 h");
    assert_eq!(decade_label(-1.5), "");
}

#[test]
fn exceedance_curve_starts_at_certainty() {
    let points = exceedance_points(&percentiles(30.0, 0.0));
    assert_eq!(points[0], (0.0, 1.0));
    assert_eq!(points.len(), 102);
    assert_eq!(points.last().unwrap().1, 0.0);
    assert!(points
        .windows(2)
        .all(|w| w[0].0 <= w[1].0 && w[0].1 >= w[1].1));
    // Non-finite percentiles are skipped, a single value is a step.
    let points = exceedance_points(&[f64::NAN, 3.0, f64::INFINITY]);
    assert_eq!(points, vec![(0.0, 1.0), (3.0, 0.5)]);
    assert_eq!(
        exceedance_points(&[5.0]),
        vec![(0.0, 1.0), (5.0, 1.0), (5.0, 0.0)]
    );
    assert!(exceedance_points(&[]).is_empty());
}

#[test]
fn downtime_distribution_draws_exceedance_curves() {
    let data = downtime();
    let svg = render(|a| draw_downtime_distribution(a, &data));
    save("downtime_distribution.svg", &svg);
    assert_clean(&svg);

    for (name, _) in &data.tiers {
        assert!(has_text(&svg, name), "{name:?} is not in the legend");
    }
    assert!(has_text(&svg, "Annual downtime (hours)"));
    assert!(has_text(&svg, "Chance a year exceeds it"));
    // The x axis is in decades of hours; each curve starts at its left end
    // (zero hours) at 100 %.
    let decades: Vec<(f64, String)> = texts(&svg)
        .into_iter()
        .filter(|(_, t)| t.ends_with(" h"))
        .map(|(e, t)| (num(e, "x"), t.to_string()))
        .collect();
    assert!(decades.len() >= 3, "decade labels: {decades:?}");
    for want in ["0.1 h", "1 h", "10 h"] {
        assert!(
            decades.iter().any(|(_, t)| t == want),
            "{want} in {decades:?}"
        );
    }
    let x0 = decades.iter().map(|d| d.0).fold(f64::INFINITY, f64::min);
    let y100 = num(text_elem(&svg, "100%"), "y");
    let y0 = num(text_elem(&svg, "0%"), "y");
    for i in 0..data.tiers.len() {
        let curve = polylines(&svg, series_color(i))
            .into_iter()
            .find(|l| l.len() > 50)
            .unwrap_or_else(|| panic!("no curve for tier {i}"));
        assert_eq!(curve[0], (x0, y100), "tier {i} starts at (0 h, 100%)");
        let end = curve.last().unwrap();
        assert_eq!(end.1, y0, "tier {i} ends at 0%");
        assert!(end.0 > x0);
    }
    // The riskier tier reaches further right.
    let reach = |i: usize| {
        polylines(&svg, series_color(i))
            .into_iter()
            .filter(|l| l.len() > 50)
            .map(|l| l.last().unwrap().0)
            .fold(0.0, f64::max)
    };
    assert!(reach(0) > reach(1) && reach(1) > reach(2) && reach(2) > reach(3));
}

// ---------------------------------------------------------------- latency

#[test]
fn latency_draws_grouped_bars_and_target() {
    let data = latency();
    let svg = render(|a| draw_latency(a, &data));
    save("latency.svg", &svg);
    assert_clean(&svg);

    for name in data.tiers.iter().map(|t| &t.0).chain(&data.geographies) {
        assert!(has_text(&svg, name), "{name:?} is not shown");
    }
    assert!(has_text(&svg, "Target 150 ms"));
    assert!(has_text(&svg, "p95 latency (ms)"));
    // One bar per geography × tier, plus one legend swatch per tier.
    let bars: usize = (0..data.tiers.len())
        .map(|t| filled_rects(&svg, series_color(t)))
        .sum();
    assert_eq!(
        bars,
        data.geographies.len() * data.tiers.len() + data.tiers.len()
    );
    // The dashed target line is horizontal, at 150 ms (between the 100 and
    // 200 ticks) and spans the plot; the legend has a short dashed swatch.
    let y100 = num(text_elem(&svg, "100"), "y");
    let y200 = num(text_elem(&svg, "200"), "y");
    let y150 = (y100 + y200) / 2.0;
    let dashes: Vec<_> = polylines(&svg, MARKER)
        .into_iter()
        .filter(|d| d.iter().all(|p| (p.1 - y150).abs() < 1.5))
        .collect();
    assert!(dashes.len() > 10, "{} target dashes", dashes.len());
    let span = dashes.last().unwrap().last().unwrap().0 - dashes[0][0].0;
    assert!(span > 500.0, "target spans {span} px");
}

// ---------------------------------------------------------------- edge cases

/// Draws every chart from the given data, at 720×360 and at a tiny size.
fn draw_all(
    case: &str,
    stack: &CostStack,
    head: &Headroom,
    be: &BreakEvenChart,
    down: &DowntimeDistribution,
    lat: &LatencyChart,
) -> Vec<String> {
    let mut out = Vec::new();
    for size in [(720, 360), (300, 150), (40, 20)] {
        out.push(render_sized(size, |a| draw_cost_stack(a, stack)));
        out.push(render_sized(size, |a| draw_headroom(a, head)));
        out.push(render_sized(size, |a| draw_break_even(a, be)));
        out.push(render_sized(size, |a| draw_downtime_distribution(a, down)));
        out.push(render_sized(size, |a| draw_latency(a, lat)));
    }
    let names = [
        "cost_stack",
        "headroom",
        "break_even",
        "downtime",
        "latency",
    ];
    for (svg, name) in out.iter().zip(names) {
        save(&format!("edge_{case}_{name}.svg"), svg);
    }
    for svg in &out {
        assert_clean(svg);
    }
    out
}

#[test]
fn empty_data_draws_a_placeholder() {
    let svgs = draw_all(
        "empty",
        &CostStack::default(),
        &Headroom::default(),
        &BreakEvenChart::default(),
        &DowntimeDistribution::default(),
        &LatencyChart::default(),
    );
    for svg in &svgs[..5] {
        assert!(has_text(svg, "No data to chart"));
    }
    // Names without numbers are empty too.
    let svgs = draw_all(
        "names_only",
        &CostStack {
            tiers: vec!["A".into()],
            categories: vec![],
            values: vec![],
            currency_symbol: "$".into(),
        },
        &Headroom {
            points: vec![],
            current: 0.5,
            currency_symbol: "$".into(),
        },
        &BreakEvenChart {
            tiers: vec![],
            max_cost_per_hour: 1000.0,
            current_cost_per_hour: 10.0,
            currency_symbol: "$".into(),
        },
        &DowntimeDistribution {
            tiers: vec![("A".into(), vec![])],
        },
        &LatencyChart {
            geographies: vec!["Europe".into()],
            tiers: vec![],
            target_ms: 100.0,
        },
    );
    assert!(has_text(&svgs[0], "$0"));
    for svg in &svgs[1..5] {
        assert!(has_text(svg, "No data to chart"));
    }
}

#[test]
fn single_points_draw() {
    let svgs = draw_all(
        "single",
        &CostStack {
            tiers: vec!["Only".into()],
            categories: vec!["Compute".into()],
            values: vec![vec![1234.0]],
            currency_symbol: "$".into(),
        },
        &Headroom {
            points: vec![(0.5, 10_000.0, 0.0)],
            current: 0.5,
            currency_symbol: "$".into(),
        },
        &BreakEvenChart {
            tiers: vec![("Only".into(), 50_000.0, 10.0)],
            max_cost_per_hour: 10_000.0,
            current_cost_per_hour: 1_000.0,
            currency_symbol: "$".into(),
        },
        &DowntimeDistribution {
            tiers: vec![("Only".into(), vec![4.0])],
        },
        &LatencyChart {
            geographies: vec!["Europe".into()],
            tiers: vec![("Only".into(), vec![80.0])],
            target_ms: 100.0,
        },
    );
    assert!(has_text(&svgs[0], "$1,234"));
    assert!(has_text(&svgs[1], "Current: 50%"));
    // The lone headroom point is still visible as a dot.
    assert_eq!(
        elements(&svgs[1], "circle")
            .iter()
            .filter(|c| attr(c, "fill") == Some(hex(series_color(0)).as_str()))
            .count(),
        1
    );
    assert_eq!(filled_rects(&svgs[4], series_color(0)), 2);
}

#[test]
fn all_zero_values_draw() {
    let svgs = draw_all(
        "zero",
        &CostStack {
            values: vec![vec![0.0; 5]; 4],
            ..cost_stack()
        },
        &Headroom {
            points: vec![(0.5, 0.0, 0.0), (0.75, 0.0, 0.0), (1.0, 0.0, 0.0)],
            current: 0.0,
            currency_symbol: "$".into(),
        },
        &BreakEvenChart {
            tiers: vec![("A".into(), 0.0, 0.0), ("B".into(), 0.0, 0.0)],
            max_cost_per_hour: 0.0,
            current_cost_per_hour: 0.0,
            currency_symbol: "$".into(),
        },
        &DowntimeDistribution {
            tiers: vec![("A".into(), vec![0.0; 101]), ("B".into(), vec![0.0; 101])],
        },
        &LatencyChart {
            target_ms: 0.0,
            tiers: vec![("A".into(), vec![0.0; 5])],
            ..latency()
        },
    );
    // Zero costs draw no segments, only the legend swatches.
    assert_eq!(filled_rects(&svgs[0], category_color(0)), 1);
    assert!(has_text(&svgs[0], "$0"));
    // A downtime-free tier still starts at 100 % and drops at 0 hours.
    let curve = polylines(&svgs[3], series_color(0))
        .into_iter()
        .find(|l| l.len() > 50)
        .unwrap();
    assert_eq!(curve[0].0, curve.last().unwrap().0);
    assert!(curve[0].1 < curve.last().unwrap().1);
}

#[test]
fn non_finite_values_are_skipped() {
    let mut stack = cost_stack();
    stack.values[0][0] = f64::NAN;
    stack.values[1][1] = f64::INFINITY;
    stack.values[2][2] = f64::NEG_INFINITY;
    stack.values[3].truncate(2); // ragged rows are fine too
    let mut head = headroom();
    head.points[0].1 = f64::NAN;
    head.points[1].2 = f64::INFINITY;
    head.points[2].0 = f64::NAN;
    head.current = f64::NAN;
    let be = BreakEvenChart {
        tiers: vec![
            ("A".into(), f64::NAN, 10.0),
            ("B".into(), 100_000.0, f64::INFINITY),
            ("C".into(), 150_000.0, 5.0),
            ("D".into(), 200_000.0, 1.0),
        ],
        max_cost_per_hour: f64::NAN,
        current_cost_per_hour: f64::INFINITY,
        currency_symbol: "$".into(),
    };
    let mut p = percentiles(10.0, 0.0);
    p[100] = f64::INFINITY;
    p[50] = f64::NAN;
    let down = DowntimeDistribution {
        tiers: vec![("A".into(), p), ("B".into(), vec![f64::NAN; 101])],
    };
    let mut lat = latency();
    lat.tiers[0].1[0] = f64::NAN;
    lat.tiers[1].1 = vec![f64::INFINITY; 2];
    lat.target_ms = f64::NAN;
    let svgs = draw_all("nonfinite", &stack, &head, &be, &down, &lat);

    // 20 cells: 3 non-finite, 3 cut off by the short row.
    let segments: usize = (0..5)
        .map(|c| filled_rects(&svgs[0], category_color(c)))
        .sum();
    assert_eq!(segments, 20 - 3 - 3 + 5);
    assert!(!has_text(&svgs[1], "Current: "));
    // C and D cross at $12,500/h; the axis is fitted around it.
    assert!(has_text(&svgs[2], "$12,500/h"));
    assert!(!has_text(&svgs[3], "B") || polylines(&svgs[3], series_color(1)).is_empty());
    assert!(!has_text(&svgs[4], "Target"));
    let bars: usize = (0..4)
        .map(|t| filled_rects(&svgs[4], series_color(t)))
        .sum();
    assert_eq!(bars, 20 - 1 - 5 + 4);
}

#[test]
fn huge_values_draw() {
    let huge = 1e12;
    let stack = CostStack {
        values: vec![vec![huge; 5]; 4],
        ..cost_stack()
    };
    let head = Headroom {
        points: vec![(0.5, huge, 0.5), (1.0, 2.0 * huge, 1e-12)],
        current: 0.75,
        currency_symbol: "$".into(),
    };
    let be = BreakEvenChart {
        tiers: vec![("A".into(), huge, huge), ("B".into(), 2.0 * huge, 1.0)],
        max_cost_per_hour: huge,
        current_cost_per_hour: huge / 2.0,
        currency_symbol: "$".into(),
    };
    let down = DowntimeDistribution {
        tiers: vec![("A".into(), vec![huge; 101])],
    };
    let lat = LatencyChart {
        target_ms: huge,
        tiers: vec![("A".into(), vec![huge; 5])],
        ..latency()
    };
    let svgs = draw_all("huge", &stack, &head, &be, &down, &lat);
    save("cost_stack_huge.svg", &svgs[0]);
    // Big money is abbreviated, not a 17-digit label.
    assert!(has_text(&svgs[0], "$5T"));
    assert!(texts(&svgs[0])
        .iter()
        .all(|(_, t)| t.chars().filter(char::is_ascii_digit).count() < 8));
}

#[test]
fn charts_fit_a_phone_screen() {
    let size = (360, 260);
    let svgs = [
        render_sized(size, |a| draw_cost_stack(a, &cost_stack())),
        render_sized(size, |a| draw_headroom(a, &headroom())),
        render_sized(size, |a| draw_break_even(a, &break_even())),
        render_sized(size, |a| draw_downtime_distribution(a, &downtime())),
        render_sized(size, |a| draw_latency(a, &latency())),
    ];
    let names = [
        "cost_stack",
        "headroom",
        "break_even",
        "downtime",
        "latency",
    ];
    for (svg, name) in svgs.iter().zip(names) {
        save(&format!("phone_{name}.svg"), svg);
        assert_clean(svg);
        // Every label starts inside the canvas.
        for (element, text) in texts(svg) {
            let x = num(element, "x");
            let y = num(element, "y");
            assert!(
                (0.0..=360.0).contains(&x) && (0.0..=260.0).contains(&y),
                "{name}: {text:?} at ({x}, {y})"
            );
        }
    }
}

#[test]
fn a_break_even_near_the_right_edge_is_captioned_leftwards() {
    // Break-evens at $2,188/h (left) and $11,667/h; with the axis ending at
    // $12,000/h the second is in the right third: its caption must end at
    // its dot (text-anchor end), not run off the chart.
    let mut data = break_even();
    data.max_cost_per_hour = 12_000.0;
    data.current_cost_per_hour = 1_000.0;
    let svg = render(|a| draw_break_even(a, &data));
    let right = text_elem(&svg, "$11,667/h");
    assert_eq!(attr(right, "text-anchor"), Some("end"), "{right}");
    let left = text_elem(&svg, "$2,188/h");
    assert_ne!(attr(left, "text-anchor"), Some("end"), "{left}");
}

// ------------------------------------------------------------------ tornado

#[test]
fn tornado_draws_two_bars_per_row_with_labels_and_signed_money() {
    let data = Tornado {
        rows: vec![
            ("Peak traffic".into(), -2541.0, 2540.0),
            ("Edge cache hit ratio".into(), 1809.0, -1511.0),
            ("Azure Cosmos DB unit prices".into(), -1328.0, 1328.0),
        ],
        currency_symbol: "$".into(),
    };
    let svg = render(|a| draw_tornado(a, &data));
    save("tornado", &svg);
    assert_clean(&svg);
    assert!(has_text(&svg, "Peak traffic"));
    assert!(has_text(&svg, "Input at its low"));
    assert!(has_text(&svg, "Input at its high"));
    assert!(has_text(&svg, "Change in the monthly figure"));
    assert_eq!(
        filled_rects(&svg, series_color(0)),
        3 + 1,
        "three low bars and a legend swatch"
    );
    assert_eq!(filled_rects(&svg, series_color(1)), 3 + 1);
    assert!(
        texts(&svg).iter().any(|(_, t)| t.starts_with("+$")),
        "positive changes are signed"
    );
}

#[test]
fn tornado_edge_cases_draw() {
    for rows in [
        vec![],
        vec![("Only".to_string(), 0.0, 0.0)],
        vec![("Not finite".to_string(), f64::NAN, f64::INFINITY)],
        vec![("Huge".to_string(), -1e15, 1e15)],
    ] {
        let data = Tornado {
            rows,
            currency_symbol: "€".into(),
        };
        let svg = render(|a| draw_tornado(a, &data));
        assert_clean(&svg);
    }
}
