//! Issue 18: sensitivity (tornado), where the recommendation holds, and cost
//! ranges. Hand-checked figures, a bisection edge against a brute-force
//! sweep, and properties of the Monte Carlo.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::decision::{self, Beyond};
use planner::engine::plan::Plan;
use planner::engine::presets;
use planner::engine::ranges::{self, Triangular};
use planner::engine::scenario::Scenario;
use planner::engine::sensitivity::{self, Measure};
use planner::engine::tiers::TierId;
use planner::engine::{report, share};
use proptest::prelude::*;

fn northwind() -> Scenario {
    presets::preset("northwind").unwrap()
}

fn outcome(s: &Scenario) -> sensitivity::Outcome {
    sensitivity::outcome(s, sheet(), regions()).unwrap()
}

/// The pick the plan makes, straight from `plan::evaluate`.
fn pick(s: &Scenario) -> Option<TierId> {
    evaluate(s).recommended_tier
}

#[test]
fn the_fast_outcome_agrees_with_the_plan() {
    for id in ["northwind", "default", "startup"] {
        let Ok(base) = presets::preset(id) else {
            continue;
        };
        for (rto, rpo, avail, budget) in [
            (60.0, 5.0, 99.95, 0.0),
            (3600.0, 900.0, 99.9, 0.0),
            (20.0, 0.0, 99.999, 0.0),
            (600.0, 60.0, 99.99, 15_000.0),
            (86_400.0, 86_400.0, 99.0, 9_000.0),
        ] {
            let mut s = base.clone();
            s.targets.rto_s = rto;
            s.targets.rpo_s = rpo;
            s.targets.availability_pct = avail;
            s.targets.monthly_budget = budget;
            let p = evaluate(&s);
            let o = outcome(&s);
            assert_eq!(o.recommended, p.recommended_tier, "{id} {rto} {rpo}");
            for (i, t) in p.tiers.iter().enumerate() {
                assert_eq!(o.monthly[i], t.cost.monthly);
                assert_eq!(o.meets[i], t.meets_targets, "{id} {:?}", t.cost.tier);
                assert!(
                    (o.risk_adjusted_monthly[i] * 12.0 - t.risk.risk_adjusted_annual).abs() < 1e-6
                );
            }
        }
    }
}

fn row<'a>(
    sens: &'a [sensitivity::TierSensitivity],
    tier: TierId,
    input: &str,
) -> &'a sensitivity::SensitivityRow {
    sens.iter()
        .find(|t| t.tier == tier)
        .unwrap()
        .rows
        .iter()
        .find(|r| r.input == input)
        .unwrap_or_else(|| panic!("{input} not in {tier:?}'s top ten"))
}

#[test]
fn a_linear_input_moves_the_figure_by_slope_times_range() {
    let s = northwind();
    let p = evaluate(&s);
    let sens = sensitivity::sensitivity(&s, sheet(), regions(), &p);
    // Cost of downtime: risk-adjusted monthly = (infra + downtime h × cost
    // per h + credits) ÷ 12, so the bar is downtime h ÷ 12 × (high − low):
    // Northwind's 40,000 ± 20 % is 32,000..48,000.
    let t = p.tier(TierId::SingleRegion).unwrap();
    let r = row(&sens, TierId::SingleRegion, "risk.downtime_cost_per_hour");
    assert_eq!(r.measure, Measure::RiskAdjustedMonthly);
    assert_eq!((r.low_value, r.high_value), (32_000.0, 48_000.0));
    let slope = t.risk.downtime_h_per_year / 12.0;
    assert!(((r.monthly_high - r.monthly_low) - slope * 16_000.0).abs() < 1e-6);
    // A service's unit prices ×0.8..×1.2: its line items are linear in the
    // price, so the bar is 0.4 × what the tier pays that service.
    for tier in TierId::ALL {
        let paid: f64 = p
            .tier(tier)
            .unwrap()
            .cost
            .line_items
            .iter()
            .filter(|li| li.price.service_name == "Azure Cosmos DB")
            .map(|li| li.monthly)
            .sum();
        let r = row(&sens, tier, "prices.Azure Cosmos DB");
        assert!(
            ((r.monthly_high - r.monthly_low) - 0.4 * paid).abs() < 1e-6,
            "{tier:?}: {} vs {}",
            r.monthly_high - r.monthly_low,
            0.4 * paid
        );
        assert!((r.monthly_base - p.tier(tier).unwrap().cost.monthly).abs() < 1e-9);
    }
}

#[test]
fn tornado_is_sorted_top_ten_and_uses_an_inputs_own_range() {
    let mut s = northwind();
    s.ranges.inputs.insert(
        "workload.stored_gb".into(),
        Triangular {
            low: 100.0,
            likely: s.workload.stored_gb,
            high: 5_000.0,
        },
    );
    let p = evaluate(&s);
    let sens = sensitivity::sensitivity(&s, sheet(), regions(), &p);
    assert_eq!(sens.len(), 4);
    for t in &sens {
        assert_eq!(t.rows.len(), sensitivity::TOP);
        for w in t.rows.windows(2) {
            assert!(w[0].swing() >= w[1].swing());
        }
    }
    let r = row(&sens, TierId::MultiWrite, "workload.stored_gb");
    assert_eq!((r.low_value, r.high_value), (100.0, 5_000.0));
    assert!(sensitivity::key_inputs(&s, &p).len() >= 20);
}

/// The first value on a fine grid from `start` in direction `step` at which
/// the pick is no longer `rec`.
fn sweep(
    s: &Scenario,
    set: fn(&mut Scenario, f64),
    start: f64,
    step: f64,
    n: usize,
    rec: Option<TierId>,
) -> (f64, Option<TierId>) {
    let mut x = s.clone();
    for i in 1..=n {
        let v = start + step * i as f64;
        set(&mut x, v);
        let p = pick(&x);
        if p != rec {
            return (v, p);
        }
    }
    panic!("no edge within the sweep");
}

#[test]
fn a_bisection_edge_matches_a_brute_force_sweep() {
    // RTO target: Northwind's pick is multi-region writes; relaxing the RTO
    // lets a cheaper tier in. Sweep it 1 s at a time.
    let s = northwind();
    let p = evaluate(&s);
    let rec = p.recommended_tier;
    assert_eq!(rec, Some(TierId::MultiWrite));
    let d = decision::decision_ranges(&s, sheet(), regions(), &p);
    let r = d
        .ranges
        .iter()
        .find(|r| r.input == "targets.rto_s")
        .unwrap();
    assert_eq!(r.above, Beyond::Tier);
    let (edge, tier) = sweep(
        &s,
        |s, v| s.targets.rto_s = v,
        s.targets.rto_s,
        1.0,
        100_000,
        rec,
    );
    assert_eq!(r.above_tier, tier);
    // The sweep's first changed value lies within one step above the
    // bisection's last holding value.
    assert!(
        r.to < edge && edge - r.to <= 1.0 + 1e-9,
        "bisection {} sweep {edge}",
        r.to
    );

    // Peak traffic with a budget: above some traffic the multi-write tier
    // exceeds the budget and no tier meets every target.
    let mut s = northwind();
    s.targets.monthly_budget = p.tier(TierId::MultiWrite).unwrap().cost.monthly * 1.1;
    let p = evaluate(&s);
    let d = decision::decision_ranges(&s, sheet(), regions(), &p);
    let r = d
        .ranges
        .iter()
        .find(|r| r.input == "workload.peak_requests_per_s")
        .unwrap();
    assert_eq!(r.above, Beyond::NoTier);
    let (edge, tier) = sweep(
        &s,
        |s, v| s.workload.peak_requests_per_s = v,
        s.workload.peak_requests_per_s,
        0.5,
        100_000,
        rec,
    );
    assert_eq!(tier, None);
    assert!(r.to < edge, "bisection {} sweep {edge}", r.to);
    // Bisection precision: 1/1024 of the step in which the pick changed,
    // well within 1 % here.
    assert!(
        (edge - r.to) / edge < 0.01,
        "bisection {} sweep {edge}",
        r.to
    );
    let words = decision::describe(r, TierId::MultiWrite, "USD");
    assert!(words.contains("no tier meets every target"), "{words}");
}

#[test]
fn targets_no_tier_meets_say_so() {
    let mut s = northwind();
    s.targets.latency_p95_ms = 5.0;
    let p = evaluate(&s);
    assert_eq!(p.recommended_tier, None);
    let d = decision::decision_ranges(&s, sheet(), regions(), &p);
    assert!(d.ranges.is_empty());
    assert!(
        d.unmet_targets
            .iter()
            .any(|u| u.starts_with("No tier meets the latency target")),
        "{:?}",
        d.unmet_targets
    );
}

#[test]
fn with_every_input_fixed_p10_p50_p90_are_todays_figure() {
    let s = northwind();
    let p = evaluate(&s);
    // No ranges at all, and ranges whose low = likely = high.
    let mut fixed = s.clone();
    fixed.ranges.inputs.insert(
        "workload.peak_requests_per_s".into(),
        Triangular {
            low: 800.0,
            likely: 800.0,
            high: 800.0,
        },
    );
    for s in [&s, &fixed] {
        let r = ranges::cost_ranges(s, sheet(), regions(), 200).unwrap();
        for (t, tr) in p.tiers.iter().zip(&r.tiers) {
            assert_eq!(tr.monthly_p10, t.cost.monthly);
            assert_eq!(tr.monthly_p50, t.cost.monthly);
            assert_eq!(tr.monthly_p90, t.cost.monthly);
            let expect = if Some(t.cost.tier) == p.recommended_tier {
                1.0
            } else {
                0.0
            };
            assert_eq!(tr.p_cheapest_meeting, expect);
        }
        assert_eq!(r.p_none_meeting, 0.0);
    }
}

#[test]
fn a_range_outside_what_the_field_accepts_is_refused_in_words() {
    let mut s = northwind();
    s.ranges.inputs.insert(
        "workload.edge_cache_hit_ratio".into(),
        Triangular {
            low: 0.2,
            likely: 0.5,
            high: 1.5,
        },
    );
    let e = ranges::cost_ranges(&s, sheet(), regions(), 10).unwrap_err();
    assert!(e.contains("workload.edge_cache_hit_ratio"), "{e}");
    s.ranges.inputs.clear();
    s.ranges
        .inputs
        .insert("workload.nonsense".into(), Triangular::default());
    assert!(ranges::cost_ranges(&s, sheet(), regions(), 10)
        .unwrap_err()
        .contains("workload.nonsense"));
}

#[test]
fn ranges_travel_with_the_scenario_and_old_links_still_open() {
    let mut s = northwind();
    let before = share::to_json(&s);
    assert!(
        !before.contains("\"ranges\""),
        "no ranges: the JSON is as it was"
    );
    s.ranges.inputs.insert(
        "workload.peak_requests_per_s".into(),
        Triangular {
            low: 600.0,
            likely: 800.0,
            high: 1200.0,
        },
    );
    let back = share::decode(&share::encode(&s)).unwrap();
    assert_eq!(back.ranges, s.ranges);
    let back = share::from_json(&share::to_json(&s)).unwrap();
    assert_eq!(back.ranges, s.ranges);
    // A scenario written before the field existed opens with none set.
    let old = share::from_json(&before).unwrap();
    assert!(old.ranges.inputs.is_empty());
    assert_eq!(old.ranges.samples, ranges::DEFAULT_SAMPLES);
}

#[test]
fn the_json_contract_and_budget_lines() {
    let mut s = northwind();
    s.ranges.inputs.insert(
        "workload.peak_requests_per_s".into(),
        Triangular {
            low: 600.0,
            likely: 800.0,
            high: 1200.0,
        },
    );
    s.ranges.samples = 300;
    let p: Plan = evaluate(&s);
    let mut doc = report::plan_report(&s, &p, &[], Vec::new(), Vec::new());
    report::attach_robustness(&mut doc, &s, sheet(), regions(), &p).unwrap();
    let v = serde_json::to_value(&doc).unwrap();
    let t = &v["tiers"][3];
    for key in [
        "input",
        "low_value",
        "high_value",
        "monthly_low",
        "monthly_high",
    ] {
        assert!(t["sensitivity"][0].get(key).is_some(), "{key}");
    }
    for key in ["input", "from", "to", "below_tier", "above_tier"] {
        assert!(v["decision_ranges"][0].get(key).is_some(), "{key}");
    }
    let (p10, p50, p90) = (
        t["monthly_p10"].as_f64().unwrap(),
        t["monthly_p50"].as_f64().unwrap(),
        t["monthly_p90"].as_f64().unwrap(),
    );
    assert!(p10 < p50 && p50 < p90);
    assert!(t["p_cheapest_meeting"].as_f64().is_some());
    let r = ranges::cost_ranges(&s, sheet(), regions(), 300).unwrap();
    let csv = report::budget_lines_csv(&p, &r, &report::CsvMeta::default());
    assert_eq!(csv.lines().count(), 8);
    assert!(
        csv.lines()
            .nth(7)
            .unwrap()
            .starts_with("multi_write,budget,Budget at P90"),
        "{csv}"
    );
    // The budget lines name the ranged inputs as their fields are labelled.
    assert!(
        csv.contains("samples over the ranges of Peak requests"),
        "{csv}"
    );
    assert!(!csv.contains("workload.peak_requests_per_s"), "{csv}");
    // Without ranges the keys are absent.
    let s = northwind();
    let mut doc = report::plan_report(&s, &p, &[], Vec::new(), Vec::new());
    report::attach_robustness(&mut doc, &s, sheet(), regions(), &p).unwrap();
    let v = serde_json::to_value(&doc).unwrap();
    assert!(v["tiers"][0].get("monthly_p50").is_none());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn percentiles_are_ordered_and_probabilities_sum_to_one(
        lo in 0.3f64..1.0, hi in 1.0f64..2.5, mode in 0.0f64..1.0,
        cache in 0.0f64..0.3, seed in any::<u64>(), rpo in prop::sample::select(vec![0.0, 5.0, 60.0, 900.0]),
    ) {
        let mut s = northwind();
        s.risk.seed = seed;
        s.targets.rpo_s = rpo;
        let v = s.workload.peak_requests_per_s;
        s.ranges.inputs.insert("workload.peak_requests_per_s".into(), Triangular {
            low: v * lo, likely: v * (lo + (hi - lo) * mode), high: v * hi,
        });
        s.ranges.inputs.insert("workload.edge_cache_hit_ratio".into(), Triangular {
            low: cache, likely: cache + 0.1, high: cache + 0.3,
        });
        let r = ranges::cost_ranges(&s, sheet(), regions(), 60).unwrap();
        let mut total = r.p_none_meeting;
        for t in &r.tiers {
            prop_assert!(t.monthly_p10 <= t.monthly_p50 && t.monthly_p50 <= t.monthly_p90);
            total += t.p_cheapest_meeting;
        }
        prop_assert!((total - 1.0).abs() < 1e-9);
    }
}

#[test]
fn slicing_the_monte_carlo_gives_the_same_figures() {
    let mut s = northwind();
    s.ranges.inputs.insert(
        "workload.peak_requests_per_s".into(),
        Triangular {
            low: 600.0,
            likely: 800.0,
            high: 1200.0,
        },
    );
    let whole = ranges::cost_ranges(&s, sheet(), regions(), 150).unwrap();
    let mut run = ranges::Sampler::new(&s, sheet(), regions(), 150).unwrap();
    let mut steps = 0;
    while !run.step(sheet(), regions(), 7).unwrap() {
        steps += 1;
    }
    assert_eq!(steps, 21, "150 samples in slices of 7");
    assert_eq!(run.finish(), whole);
}

#[test]
fn a_tornado_swing_out_of_range_is_named_in_percent() {
    let mut s = planner::engine::presets::preset("northwind").unwrap();
    s.ranges.swing_pct = 150.0;
    let errors = planner::engine::validate::validate(
        &s,
        &planner::engine::presets::default_regions().unwrap(),
    );
    let e = errors
        .iter()
        .find(|e| e.field == "ranges.swing_pct")
        .expect("the swing is checked");
    assert_eq!(e.message, "must be between 1 and 95 %; it is 150 %");
    s.ranges.swing_pct = 20.0;
    let errors = planner::engine::validate::validate(
        &s,
        &planner::engine::presets::default_regions().unwrap(),
    );
    assert!(!errors.iter().any(|e| e.field == "ranges.swing_pct"));
}

/// Issue 12 §1: the tornado and the decision ranges name every input as the
/// registry does, in the units the user types (a fraction shown in percent).
#[test]
fn robustness_views_speak_the_registry_labels_and_units() {
    use planner::engine::inputs;
    let s = northwind();
    let p = evaluate(&s);
    let tornado = sensitivity::sensitivity(&s, sheet(), regions(), &p);
    let d = decision::decision_ranges(&s, sheet(), regions(), &p);
    let mut seen = 0;
    let rows = tornado.iter().flat_map(|t| t.rows.iter());
    let pairs = rows
        .map(|r| (r.input.as_str(), r.label.as_str(), r.unit, r.scale))
        .chain(
            d.ranges
                .iter()
                .map(|r| (r.input.as_str(), r.label.as_str(), r.unit, r.scale)),
        );
    for (path, label, unit, scale) in pairs {
        if path.starts_with("prices.") {
            continue;
        }
        let input = inputs::find(path).unwrap();
        let n = input.number().unwrap();
        assert!(
            label.starts_with(input.label.split(" (").next().unwrap()),
            "{path}: {label}"
        );
        assert_eq!(unit, input.unit, "{path}");
        assert_eq!(scale, n.scale, "{path}");
        seen += 1;
    }
    assert!(seen > 20, "{seen}");
    let range = |input: &str| d.ranges.iter().find(|r| r.input == input).unwrap();
    // The cache-hit ratio is stored as a fraction and typed in percent.
    let cache = range("workload.edge_cache_hit_ratio");
    assert_eq!(cache.label, "Edge cache hits");
    let words = decision::describe(cache, p.recommended_tier.unwrap(), "USD");
    assert!(words.starts_with("Edge cache hits: "), "{words}");
    // Every number in the sentence is a percentage (e.g. "0.0%–99.0%"),
    // never the stored fraction ("0.000–0.990").
    assert!(words.contains('%'), "{words}");
    assert!(!words.contains("0.990"), "{words}");
    assert_eq!(range("targets.rto_s").label, "RTO target");
    assert_eq!(
        range("targets.monthly_budget").label,
        "Monthly budget target"
    );
}
