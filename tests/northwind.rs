//! The Northwind Bookings preset: the seed's own worked example must come
//! out of the planner, and relaxing its targets must move the recommendation
//! to cheaper tiers.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::plan::Plan;
use planner::engine::scenario::Scenario;
use planner::engine::tiers::TierId;
use planner::engine::{presets, verdicts};

fn northwind() -> Scenario {
    presets::preset("northwind").unwrap()
}

fn recommended(plan: &Plan) -> (TierId, f64) {
    let id = plan.recommended_tier.expect("a tier meets the targets");
    (id, plan.tier(id).unwrap().cost.monthly)
}

fn failed(plan: &Plan, tier: TierId) -> Vec<String> {
    let mut v: Vec<String> = plan
        .tier(tier)
        .unwrap()
        .failed_targets
        .iter()
        .map(|f| f.target.to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn northwind_carries_the_seeds_targets() {
    let s = northwind();
    assert_eq!(s.targets.rto_s, 60.0);
    assert_eq!(s.targets.rpo_s, 5.0);
    assert_eq!(s.targets.latency_p95_ms, 80.0);
    let names: Vec<&str> = s.regions.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(names, ["westeurope", "southeastasia"]);
    assert_eq!(s.compute.stamp_capacity_fraction, 0.7);
}

#[test]
fn northwind_multi_write_compute_multiple_is_1_4() {
    // Two stamps × 70% of global peak = 1.4× the single-region baseline.
    let plan = evaluate(&northwind());
    assert_eq!(
        plan.tier(TierId::MultiWrite).unwrap().cost.compute_multiple,
        1.4
    );
    assert_eq!(
        plan.tier(TierId::ActiveActiveReads)
            .unwrap()
            .cost
            .compute_multiple,
        1.4
    );
    assert_eq!(
        plan.tier(TierId::SingleRegion)
            .unwrap()
            .cost
            .compute_multiple,
        1.0
    );
    let ap = plan
        .tier(TierId::ActivePassive)
        .unwrap()
        .cost
        .compute_multiple;
    assert!(ap > 1.0 && ap < 1.4, "1 + warm standby: {ap}");
}

#[test]
fn northwind_cost_ratio_is_what_its_notes_state() {
    // The notes say "about 1.77x the single-region cost, near the seed's
    // ~1.8x": compute autoscaled over the day (issue 14) alone took it from
    // 1.88x to 2.03x (the single region saves relatively more than two
    // stamps whose minimums run all night); Log Analytics from traffic (the
    // same requests logged once, not a fixed amount per stamp) and two-node
    // zone-redundant Redis bring it to 1.86x, private endpoints to 1.85x;
    // recorded regional prices (issue 15) replacing derived rows, to 1.77x.
    let s = northwind();
    let stated: f64 = s
        .notes
        .split("about ")
        .skip(1)
        .find_map(|rest| rest.split('x').next()?.trim().parse().ok())
        .expect("the notes state the ratio as “about N.NNx”");
    let ratio = evaluate(&s).tier(TierId::MultiWrite).unwrap().cost_ratio;
    assert!(
        (ratio - stated).abs() <= 0.01,
        "multi_write is {ratio:.3}× single region; the notes say about {stated}×"
    );
    assert!((1.4..=2.2).contains(&ratio), "{ratio}");
}

#[test]
fn northwind_with_the_seeds_targets_recommends_multi_write() {
    let plan = evaluate(&northwind());
    assert_eq!(plan.recommended_tier, Some(TierId::MultiWrite));
    assert!(plan.tier(TierId::MultiWrite).unwrap().meets_targets);
}

#[test]
fn northwind_numbers_make_the_seeds_argument() {
    // Single region misses everything; active-passive misses the write RTO and
    // APAC latency; active-active reads misses only the write RTO (single-writer
    // failover); multi-write meets every target.
    let plan = evaluate(&northwind());
    assert_eq!(
        failed(&plan, TierId::SingleRegion),
        ["availability", "latency", "rpo", "rto"]
    );
    assert_eq!(failed(&plan, TierId::ActivePassive), ["latency", "rto"]);
    assert_eq!(failed(&plan, TierId::ActiveActiveReads), ["rto"]);
    assert!(failed(&plan, TierId::MultiWrite).is_empty());
    // APAC users of a West-Europe-only deployment see ~250 ms; with a
    // Southeast Asia stamp the base 65 ms (the seed's ~70 ms).
    let single = plan.tier(TierId::SingleRegion).unwrap();
    let sea = single
        .resilience
        .latency
        .iter()
        .find(|g| *g.region == *"southeastasia")
        .unwrap();
    assert!(
        (240.0..=260.0).contains(&sea.reads_p95_ms),
        "{}",
        sea.reads_p95_ms
    );
    let mw = plan.tier(TierId::MultiWrite).unwrap();
    assert!(mw.resilience.latency.iter().all(|g| g.reads_p95_ms <= 70.0));
    assert!(mw.resilience.rto_s < 60.0 && mw.resilience.rpo_s < 5.0);
}

#[test]
fn northwind_cosmos_survives_losing_west_europe() {
    // Origin 800 × 0.7 = 560 req/s; 2 KB items (published: read 1.04 RU,
    // insert 6.29 RU). Reads per request 4 × 1.04 + 3 queries × 12 RU =
    // 40.16 RU; writes 0.3 × 6.29 × (1 + 0.5 replaces) = 2.8305 RU.
    // Steady, West Europe (60%): 560 × 0.6 × 40.16 = 13,493.76 + writes
    // 560 × 2.8305 = 1,585.08 → 15,078.84 RU/s. After losing West Europe,
    // Southeast Asia serves everyone: 560 × 40.16 = 22,489.6 + 1,585.08 =
    // 24,074.68 RU/s → 24,100 provisioned in both regions (the notes' figures).
    let plan = evaluate(&northwind());
    for tier in [TierId::ActiveActiveReads, TierId::MultiWrite] {
        let c = &plan.tier(tier).unwrap().cost.cosmos;
        assert_close(c.ru_per_s_steady, 15_078.84, "steady");
        assert_close(c.ru_per_s_after_failover, 24_074.68, "after failover");
        assert_eq!(c.ru_per_s_per_region, 24_100.0);
        assert_eq!(c.failover_shortfall_fraction, 0.0);
    }
    // Sunny-day: 15,100 RU/s; Southeast Asia short by (24,074.68 − 15,100) ÷
    // 24,074.68 = 37.3% (the notes' “about 37%”).
    let mut s = northwind();
    s.data.failover_policy = planner::engine::scenario::DataFailoverPolicy::SunnyDay;
    let sunny = evaluate(&s);
    let c = &sunny.tier(TierId::MultiWrite).unwrap().cost.cosmos;
    assert_eq!(c.ru_per_s_per_region, 15_100.0);
    assert_close(
        c.failover_shortfall_fraction,
        (24_074.68 - 15_100.0) / 24_074.68,
        "shortfall",
    );
}

#[test]
fn relaxing_rto_and_rpo_moves_northwind_to_a_cheaper_tier() {
    let strict = evaluate(&northwind());
    let (_, strict_cost) = recommended(&strict);
    let mut s = northwind();
    s.targets.rto_s = 3600.0; // 1 h
    s.targets.rpo_s = 900.0; // 15 min
    let relaxed = evaluate(&s);
    let (tier, cost) = recommended(&relaxed);
    assert_ne!(tier, TierId::MultiWrite);
    assert!(cost < strict_cost, "{cost} vs {strict_cost}");
    assert_eq!(tier, TierId::ActiveActiveReads);
}

#[test]
fn relaxing_latency_too_never_makes_the_recommendation_dearer() {
    // With RTO 1 h and RPO 15 min, active_active_reads already wins. Relaxing
    // the latency target to 400 ms makes active_passive eligible, and for
    // Northwind it is cheaper: both Cosmos DB accounts now provision every
    // read in each region (24,100 RU/s: the warm standby's primary carries
    // them all day, and an active-active survivor carries them after losing
    // the other region), and the standby runs less compute (1.14× vs 1.4×).
    // (When the active-active tiers were sized for a sunny day, 15,000 RU/s,
    // active_passive cost more and the recommendation stayed put: that was
    // an artefact of sizing that did not survive a failover.)
    let mut s = northwind();
    s.targets.rto_s = 3600.0;
    s.targets.rpo_s = 900.0;
    let (before, before_cost) = recommended(&evaluate(&s));
    s.targets.latency_p95_ms = 400.0;
    let plan = evaluate(&s);
    let (after, after_cost) = recommended(&plan);
    assert!(after_cost <= before_cost);
    assert!(plan.tier(TierId::ActivePassive).unwrap().meets_targets);
    assert_eq!(before, TierId::ActiveActiveReads);
    assert_eq!(after, TierId::ActivePassive);
    assert!(after_cost < before_cost);
    let ap = &plan.tier(TierId::ActivePassive).unwrap().cost;
    let aar = &plan.tier(TierId::ActiveActiveReads).unwrap().cost;
    assert!(ap.monthly < aar.monthly);
    assert_eq!(
        ap.cosmos.ru_per_s_per_region,
        aar.cosmos.ru_per_s_per_region
    );
}

#[test]
fn relaxing_every_target_far_enough_moves_northwind_to_single_region() {
    // Rebuild in 6 h, 4 h of data at risk, 99.5% availability and 400 ms:
    // the single zone-redundant region is enough, and the cheapest.
    let mut s = northwind();
    s.targets.rto_s = 7.0 * 3600.0;
    s.targets.rpo_s = 5.0 * 3600.0;
    s.targets.availability_pct = 99.5;
    s.targets.latency_p95_ms = 400.0;
    let plan = evaluate(&s);
    let (tier, cost) = recommended(&plan);
    assert_eq!(tier, TierId::SingleRegion);
    let mut mid = northwind();
    mid.targets.rto_s = 3600.0;
    mid.targets.rpo_s = 900.0;
    let (_, mid_cost) = recommended(&evaluate(&mid));
    assert!(cost < mid_cost);
}

#[test]
fn northwind_monte_carlo_is_reproducible() {
    let s = northwind();
    let plan = evaluate(&s);
    let a = planner::engine::plan::simulate(&s, &plan, 2_000);
    let b = planner::engine::plan::simulate(&s, &plan, 2_000);
    assert_eq!(a, b);
    assert_eq!(a.len(), 4);
}

#[test]
fn the_executive_summary_says_what_multi_write_costs_over_the_next_cheaper_tier_and_buys() {
    use planner::engine::summary::executive_summary;
    let plan = evaluate(&northwind());
    let (id, _) = recommended(&plan);
    assert_eq!(id, TierId::MultiWrite);
    let rec = plan.tier(TierId::MultiWrite).unwrap();
    // The next cheaper tier is the dearest one below multi-write.
    let cheaper = plan
        .tiers
        .iter()
        .filter(|t| t.cost.monthly < rec.cost.monthly)
        .max_by(|a, b| a.cost.monthly.total_cmp(&b.cost.monthly))
        .unwrap();
    let diff = rec.cost.annual - cheaper.cost.annual;
    let text = executive_summary(&plan);
    let expected_start = format!(
        "Active-active multi-region writes costs {} more a year than {} and buys ",
        planner::engine::format::money_whole(diff, "USD"),
        cheaper.cost.tier.label()
    );
    assert!(
        text.starts_with(&expected_start),
        "{text}\nvs {expected_start}"
    );
    // It names, for each target the cheaper tier misses, both figures.
    for f in &cheaper.failed_targets {
        let word = match f.target {
            "rto" => "RTO ",
            "rpo" => "RPO ",
            "availability" => "availability ",
            "latency" => "p95 latency ",
            _ => continue,
        };
        assert!(text.contains(word), "{text} names {word}");
    }
    assert!(text.contains(" instead of "), "{text}");
}

#[test]
fn northwind_recommends_multi_write_on_expected_values_and_says_what_the_guaranteed_basis_changes()
{
    use planner::engine::scenario::Basis;
    let mut s = northwind();
    assert_eq!(s.targets.basis, Basis::Expected);
    let plan = evaluate(&s);
    assert_eq!(plan.recommended_tier, Some(TierId::MultiWrite));
    let mw = plan.tier(TierId::MultiWrite).unwrap();
    // RPO: 3 s expected (the SQL ledger's lag over Cosmos's 0.5 s);
    // "< 15 minutes" = 900 s guaranteed. RTO 50 s on both bases.
    assert_close(mw.resilience.rpo_s, 3.0, "rpo expected");
    assert_close(mw.resilience.guaranteed.rpo_s, 900.0, "rpo guaranteed");
    assert_close(mw.resilience.guaranteed.rto_s, 50.0, "rto guaranteed");
    let text = &verdicts::recommendation(&s, &plan);
    assert!(
        text.contains("Multi-region writes meets RPO ≤ 5 s only on expected replication lag (3 s); Microsoft documents < 15 minutes"),
        "{text}"
    );
    assert!(
        text.contains("On the guaranteed basis no tier meets every target"),
        "{text}"
    );
    s.targets.basis = Basis::Guaranteed;
    let plan = evaluate(&s);
    assert_eq!(plan.recommended_tier, None);
    assert!(verdicts::recommendation(&s, &plan)
        .contains("On the expected basis the pick would be Active-active multi-region writes"));
}
