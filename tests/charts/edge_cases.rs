//! Edge cases: every chart drawn from empty data, single points, all-zero,
//! non-finite and huge values, at a phone's size and at tiny sizes, without
//! failing.

use super::common::{render, render_sized};
use super::data::*;
use super::svg::*;
use planner::charts::*;

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
