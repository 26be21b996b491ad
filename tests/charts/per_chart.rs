//! Each chart drawn from realistic data and checked for what a person would
//! see: the palette, money labels, the cost stack, headroom, break-even,
//! downtime, latency and tornado charts.

use super::common::render;
use super::data::*;
use super::svg::*;
use planner::charts::*;
use plotters::prelude::*;

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
