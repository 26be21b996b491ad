//! Hand-checked recovery, availability, latency and risk figures: RTO from
//! its parts, RPO from the data band, composite availability, the latency
//! model, expected downtime in closed form, SLA credits, break-even, the
//! headroom curve and the seeded Monte Carlo.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::resilience::{self, TierResilience, MINUTES_PER_YEAR};
use planner::engine::resilience::{Part, PartKey};
use planner::engine::risk::{self, Durations, LossImpact, SplitMix64};
use planner::engine::scenario::{
    Consistency, CreditStep, DurationDistribution, MeasuredRtt, RegionShare, Scenario,
    WriteFailover,
};
use planner::engine::tiers::{self, TierId};
use planner::engine::{plan, resilience_words, verdicts};

fn assess(tier: TierId, s: &Scenario) -> TierResilience {
    let capacities: Vec<f64> = tiers::stamps_for(tier, s)
        .iter()
        .map(|st| st.capacity_fraction)
        .collect();
    resilience::assess(tier, s, regions(), &capacities)
}

/// Haversine great-circle distance, written out independently of the engine.
fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

// ---------------------------------------------------------------- RTO

#[test]
fn front_door_mean_detection_is_interval_times_failed_samples_minus_half_plus_drain() {
    // 30 s × (2 − ½) + 5 s = 50 s
    let s = Scenario::default();
    assert_close(resilience::front_door_detection_s(&s), 50.0, "default");
    // 10 s × (3 − ½) + 20 s = 45 s
    let mut s2 = s.clone();
    s2.resilience.probe_interval_s = 10.0;
    s2.resilience.failed_samples_to_flip = 3;
    s2.resilience.drain_s = 20.0;
    assert_close(resilience::front_door_detection_s(&s2), 45.0, "custom");
}

#[test]
fn multi_write_recovers_reads_and_writes_with_front_door_alone() {
    let r = assess(TierId::MultiWrite, &Scenario::default());
    assert_close(r.rto_reads_s, 50.0, "reads");
    assert_close(r.rto_writes_s, 50.0, "writes");
    assert_close(r.rto_s, 50.0, "rto");
}

#[test]
fn single_writer_tiers_wait_for_the_write_region_failover() {
    // Reads 50 s; writes max(50, 900 s service-managed) = 900 s.
    let mut s = Scenario::default();
    let r = assess(TierId::ActiveActiveReads, &s);
    assert_close(r.rto_reads_s, 50.0, "reads");
    assert_close(r.rto_writes_s, 900.0, "writes");
    assert_close(r.rto_s, 900.0, "rto is the later of the two");
    assert!(r.rto_parts.iter().any(|p| p.key == PartKey::WriteFailover));
    let named = resilience_words::parts(TierId::ActiveActiveReads, &s, regions(), &r.rto_parts);
    assert!(named.iter().any(|p| p.name.starts_with("Writes")));
    // A human-gated promotion: 1,800 s.
    s.resilience.write_failover = WriteFailover::HumanGated;
    let r = assess(TierId::ActiveActiveReads, &s);
    assert_close(r.rto_writes_s, 1800.0, "human gated");
    // Failover faster than routing: writes wait for routing, max(50, 20) = 50.
    s.resilience.write_failover = WriteFailover::ServiceManaged;
    s.resilience.service_managed_failover_s = 20.0;
    assert_close(
        assess(TierId::ActiveActiveReads, &s).rto_writes_s,
        50.0,
        "max",
    );
}

#[test]
fn traffic_manager_adds_the_dns_ttl_to_read_recovery() {
    // 50 s detection + 60 s TTL = 110 s.
    let mut s = Scenario::default();
    s.edge.traffic_manager = true;
    let r = assess(TierId::MultiWrite, &s);
    assert_close(r.rto_reads_s, 110.0, "reads");
    assert!(r
        .rto_parts
        .iter()
        .any(|p| p.key == PartKey::DnsTtl && p.value == 60.0));
    assert!(
        resilience_words::parts(TierId::MultiWrite, &s, regions(), &r.rto_parts)
            .iter()
            .any(|p| p.name.contains("DNS") && p.value == 60.0)
    );
}

#[test]
fn active_passive_adds_the_warm_standby_scale_out() {
    // Standby at its minimum (< full capacity): 50 s + 300 s scale-out = 350 s
    // for reads; writes max(350, 900) = 900 s.
    let mut s = Scenario::default();
    let r = assess(TierId::ActivePassive, &s);
    assert_close(r.rto_reads_s, 350.0, "reads");
    assert_close(r.rto_writes_s, 900.0, "writes");
    // A standby that can carry everything needs no scale-out: 50 s.
    s.compute.warm_standby_instances = 1000;
    let r = assess(TierId::ActivePassive, &s);
    assert_close(r.rto_reads_s, 50.0, "full-size standby");
}

#[test]
fn warm_standby_capacity_is_what_its_web_pool_carries_when_that_is_the_bottleneck() {
    // App Service + AKS. Origin 2,000 × (1 − 0.3) = 1,400 req/s. Standby web
    // pool 2 × 250 = 500 req/s (0.357); AKS 3 × 400 = 1,200 req/s (0.857).
    // The web pool is the bottleneck: capacity 500 / 1,400.
    let mut s = Scenario::default();
    s.compute.aks.enabled = true;
    let stamps = tiers::stamps_for(TierId::ActivePassive, &s);
    assert_close(stamps[1].capacity_fraction, 500.0 / 1400.0, "standby");
    assert_eq!(stamps[1].aks_nodes, 3);
    assert_close(
        assess(TierId::ActivePassive, &s).rto_reads_s,
        350.0,
        "needs scale-out",
    );
}

#[test]

fn warm_standby_capacity_is_limited_by_its_smallest_pool() {
    // App Service 1,000 req/s per instance: standby web pool 2 × 1,000 = 2,000
    // ≥ 1,400 origin req/s (1.0), but AKS 3 nodes × 400 = 1,200 req/s (0.857).
    // A request needs both pools, so the standby carries 0.857 of the load:
    // it must scale out (RTO 50 + 300 = 350 s) and the multiple is 1.857.
    let mut s = Scenario::default();
    s.compute.aks.enabled = true;
    s.compute.app_service.requests_per_s_per_instance = 1000.0;
    let stamps = tiers::stamps_for(TierId::ActivePassive, &s);
    assert_close(stamps[1].capacity_fraction, 1200.0 / 1400.0, "standby");
    assert_close(
        assess(TierId::ActivePassive, &s).rto_reads_s,
        350.0,
        "needs scale-out",
    );
    assert_close(
        price(TierId::ActivePassive, &s).compute_multiple,
        1.0 + 1200.0 / 1400.0,
        "multiple",
    );
}

#[test]
fn single_region_recovers_by_rebuilding_elsewhere() {
    // 6 h × 3,600 = 21,600 s for reads and writes.
    let r = assess(TierId::SingleRegion, &Scenario::default());
    assert_close(r.rto_reads_s, 21_600.0, "reads");
    assert_close(r.rto_writes_s, 21_600.0, "writes");
    assert_eq!(r.rto_parts.len(), 1);
}

#[test]
fn sql_ledger_write_recovery_is_reported_apart() {
    // Multi-write: ledger writes wait for the failover group: max(50, 900) = 900 s,
    // while the tier's own RTO stays 50 s.
    let mut s = Scenario::default();
    s.data.sql.enabled = true;
    let r = assess(TierId::MultiWrite, &s);
    assert_eq!(r.rto_ledger_s, Some(900.0));
    assert_close(r.rto_s, 50.0, "tier RTO");
    assert!(r.notes.iter().any(|n| n.contains("SQL ledger")));
    assert_eq!(
        assess(TierId::MultiWrite, &Scenario::default()).rto_ledger_s,
        None
    );
}

// ---------------------------------------------------------------- RPO

#[test]
fn single_region_rpo_is_the_backup_interval() {
    // 240 min × 60 = 14,400 s.
    let r = assess(TierId::SingleRegion, &Scenario::default());
    assert_close(r.rpo_s, 14_400.0, "backup");
}

#[test]
fn single_writer_rpo_is_the_async_replication_lag() {
    let s = Scenario::default();
    for tier in [TierId::ActivePassive, TierId::ActiveActiveReads] {
        assert_close(assess(tier, &s).rpo_s, 5.0, tier.id());
    }
}

#[test]
fn strong_consistency_gives_single_writer_tiers_zero_rpo() {
    let mut s = Scenario::default();
    s.data.consistency = Consistency::Strong;
    for tier in [TierId::ActivePassive, TierId::ActiveActiveReads] {
        assert_eq!(assess(tier, &s).rpo_s, 0.0, "{}", tier.id());
    }
}

#[test]
fn multi_write_rpo_is_the_replication_lag_between_write_regions() {
    let r = assess(TierId::MultiWrite, &Scenario::default());
    assert_close(r.rpo_s, 0.5, "lag");
    assert!(r.notes.iter().any(|n| n.contains("conflict policy")));
}

#[test]
fn sql_ledger_lag_bounds_the_rpo_of_multi_region_tiers() {
    // max(Cosmos, SQL 3 s): multi-write max(0.5, 3) = 3; single-writer
    // max(5, 3) = 5; single region is the backup interval (no failover group).
    let mut s = Scenario::default();
    s.data.sql.enabled = true;
    assert_close(assess(TierId::MultiWrite, &s).rpo_s, 3.0, "multi-write");
    assert_close(assess(TierId::ActiveActiveReads, &s).rpo_s, 5.0, "aar");
    assert_close(assess(TierId::SingleRegion, &s).rpo_s, 14_400.0, "single");
}

// ---------------------------------------------------------------- availability

/// App Service 99.95 × Redis 99.9 × Key Vault 99.99 × App Configuration 99.9.
const STAMP: f64 = 0.9995 * 0.999 * 0.9999 * 0.999;

#[test]
fn a_stamp_is_the_serial_product_of_its_components() {
    // single region: Front Door 99.99 × stamp × Cosmos zonal 99.995.
    let r = assess(TierId::SingleRegion, &Scenario::default());
    assert_close(r.availability_parts[0].value, STAMP, "stamp");
    assert_close(r.availability, 0.9999 * STAMP * 0.99995, "single");
    assert_close(
        r.downtime_min_per_year,
        (1.0 - r.availability) * 525_600.0,
        "minutes",
    );
}

#[test]
fn parallel_stamps_combine_as_one_minus_the_product_of_failures() {
    // Two stamps: 1 − (1 − A)²; multi-write data band 99.999, single-writer 99.995.
    let s = Scenario::default();
    let parallel = 1.0 - (1.0 - STAMP).powi(2);
    assert_close(
        assess(TierId::MultiWrite, &s).availability,
        0.9999 * parallel * 0.99999,
        "mw",
    );
    assert_close(
        assess(TierId::ActiveActiveReads, &s).availability,
        0.9999 * parallel * 0.99995,
        "aar",
    );
    assert_close(
        assess(TierId::ActivePassive, &s).availability,
        0.9999 * parallel * 0.99995,
        "ap",
    );
    // Three stamps: 1 − (1 − A)³.
    let mut three = s.clone();
    three.regions = vec![
        RegionShare {
            region: "westeurope".into(),
            traffic_share: 0.4,
        },
        RegionShare {
            region: "eastus".into(),
            traffic_share: 0.3,
        },
        RegionShare {
            region: "southeastasia".into(),
            traffic_share: 0.3,
        },
    ];
    assert_close(
        assess(TierId::MultiWrite, &three).availability,
        0.9999 * (1.0 - (1.0 - STAMP).powi(3)) * 0.99999,
        "three",
    );
}

#[test]
fn global_band_and_data_band_multiply_the_stamps() {
    // Traffic Manager (multi-stamp only) × 99.99; zone-redundant SQL × 99.995;
    // AKS with Application Gateway adds 99.95 × 99.95 to the stamp chain;
    // Cosmos without zones uses the 99.99 single-region SLA.
    let mut s = Scenario::default();
    s.edge.traffic_manager = true;
    s.data.sql.enabled = true;
    s.data.cosmos_zone_redundant = false;
    s.compute.aks.enabled = true;
    let stamp = STAMP * 0.9995 * 0.9995;
    let two = 1.0 - (1.0 - stamp).powi(2);
    assert_close(
        assess(TierId::ActiveActiveReads, &s).availability,
        0.9999 * 0.9999 * two * 0.9999 * 0.99995,
        "aar",
    );
    assert_close(
        assess(TierId::SingleRegion, &s).availability,
        0.9999 * stamp * 0.9999 * 0.99995,
        "single has no Traffic Manager",
    );
}

#[test]
fn expected_downtime_minutes_follow_from_availability() {
    for tier in TierId::ALL {
        let r = assess(tier, &Scenario::default());
        assert_close(
            r.downtime_min_per_year,
            (1.0 - r.availability) * MINUTES_PER_YEAR,
            tier.id(),
        );
    }
}

// ---------------------------------------------------------------- latency

#[test]
fn users_next_to_their_stamp_see_the_65_ms_base() {
    let r = assess(TierId::MultiWrite, &Scenario::default());
    for g in &r.latency {
        assert_eq!(g.served_by, g.region);
        assert_eq!(g.reads_p95_ms, 65.0);
        assert_eq!(g.writes_p95_ms, 65.0);
    }
    assert_eq!(r.latency_p95_ms, 65.0);
}

#[test]
fn apac_users_of_a_west_europe_stamp_see_about_250_ms() {
    // West Europe (52.37, 4.90) ↔ Southeast Asia (1.35, 103.82): great circle
    // ≈ 10,500 km; RTT = 2 × km × 1.75 ÷ 200 km/ms ≈ 184 ms; + 65 ms ≈ 249 ms.
    let km = haversine_km(52.37, 4.90, 1.35, 103.82);
    let expected = 65.0 + 2.0 * km * 1.75 / 200.0;
    assert!((240.0..260.0).contains(&expected), "{expected}");
    let s = Scenario::default();
    assert_close_rel(
        resilience::network_rtt_ms(&s, regions(), "southeastasia", "westeurope"),
        2.0 * km * 1.75 / 200.0,
        1e-9,
        "rtt",
    );
    for tier in [TierId::SingleRegion, TierId::ActivePassive] {
        let r = assess(tier, &s);
        let sea = r
            .latency
            .iter()
            .find(|g| *g.region == *"southeastasia")
            .unwrap();
        assert_eq!(&*sea.served_by, "westeurope");
        assert_close_rel(sea.reads_p95_ms, expected, 1e-9, tier.id());
        let we = r
            .latency
            .iter()
            .find(|g| *g.region == *"westeurope")
            .unwrap();
        assert_eq!(we.reads_p95_ms, 65.0);
        assert_close_rel(r.latency_p95_ms, expected, 1e-9, "worst");
    }
}

#[test]
fn writes_in_active_active_reads_travel_to_the_write_region() {
    // Southeast Asia reads locally (65 ms) but writes add the RTT to West Europe.
    let s = Scenario::default();
    let rtt = resilience::network_rtt_ms(&s, regions(), "southeastasia", "westeurope");
    let r = assess(TierId::ActiveActiveReads, &s);
    let sea = r
        .latency
        .iter()
        .find(|g| *g.region == *"southeastasia")
        .unwrap();
    assert_eq!(sea.reads_p95_ms, 65.0);
    assert_close(sea.writes_p95_ms, 65.0 + rtt, "writes");
    let we = r
        .latency
        .iter()
        .find(|g| *g.region == *"westeurope")
        .unwrap();
    assert_eq!(we.writes_p95_ms, 65.0, "the writer's own users");
    // The worst p95 counts writes only when the target says so.
    assert_eq!(r.latency_p95_ms, 65.0);
    let mut w = s.clone();
    w.targets.latency_includes_writes = true;
    assert_close(
        assess(TierId::ActiveActiveReads, &w).latency_p95_ms,
        65.0 + rtt,
        "with writes",
    );
}

#[test]
fn a_measured_rtt_overrides_the_distance_model_both_ways() {
    let mut s = Scenario::default();
    s.resilience.measured_rtts = vec![MeasuredRtt {
        from: "westeurope".into(),
        to: "southeastasia".into(),
        rtt_ms: 160.0,
    }];
    assert_eq!(
        resilience::network_rtt_ms(&s, regions(), "southeastasia", "westeurope"),
        160.0
    );
    let r = assess(TierId::SingleRegion, &s);
    let sea = r
        .latency
        .iter()
        .find(|g| *g.region == *"southeastasia")
        .unwrap();
    assert_close(sea.reads_p95_ms, 225.0, "65 + 160");
    assert_eq!(
        resilience::network_rtt_ms(&s, regions(), "westeurope", "westeurope"),
        0.0
    );
}

// ---------------------------------------------------------------- expected downtime

fn simpson(f: impl Fn(f64) -> f64, a: f64, b: f64, n: usize) -> f64 {
    let n = if n % 2 == 1 { n + 1 } else { n };
    let h = (b - a) / n as f64;
    let mut sum = f(a) + f(b);
    for i in 1..n {
        let x = a + i as f64 * h;
        sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(x);
    }
    sum * h / 3.0
}

/// E[min(D, r)] for a log-normal D by numeric integration over y = ln x,
/// independent of the engine's normal CDF.
fn lognormal_mean_capped_numeric(median: f64, sigma: f64, r: f64) -> f64 {
    let mu = median.ln();
    let pdf = |y: f64| {
        let z = (y - mu) / sigma;
        (-0.5 * z * z).exp() / (sigma * (2.0 * std::f64::consts::PI).sqrt())
    };
    let lo = mu - 12.0 * sigma;
    let hi = mu + 12.0 * sigma;
    let lr = r.ln().clamp(lo, hi);
    let below = simpson(|y| y.exp() * pdf(y), lo, lr, 20_000);
    let tail = simpson(pdf, lr, hi, 20_000);
    below + r * tail
}

#[test]
fn fixed_outages_are_capped_by_recovery() {
    let d = Durations {
        kind: DurationDistribution::Fixed,
        typical_h: 4.0,
        sigma: 0.8,
    };
    assert_eq!(d.mean_capped(3.0), 3.0, "min(4, 3)");
    assert_eq!(d.mean_capped(6.0), 4.0, "min(4, 6)");
    assert_eq!(d.mean_capped(0.0), 0.0);
    assert_eq!(d.survival(3.9), 1.0);
    assert_eq!(d.survival(4.1), 0.0);
}

#[test]
fn exponential_outages_have_mean_capped_m_times_one_minus_exp() {
    // m = 4 h, r = 2 h: 4 × (1 − e^(−0.5)) = 1.5739…
    let d = Durations {
        kind: DurationDistribution::Exponential,
        typical_h: 4.0,
        sigma: 0.8,
    };
    assert_close(d.mean_capped(2.0), 4.0 * (1.0 - (-0.5f64).exp()), "r = 2");
    assert_close_rel(d.mean_capped(1e6), 4.0, 1e-9, "uncapped mean");
    assert_close(d.survival(4.0), (-1.0f64).exp(), "P(D > m)");
}

#[test]
fn lognormal_mean_capped_matches_numeric_integration() {
    for (median, sigma) in [(4.0, 0.8), (1.0, 0.3), (10.0, 1.5)] {
        let d = Durations {
            kind: DurationDistribution::LogNormal,
            typical_h: median,
            sigma,
        };
        for r in [0.01, 0.5, 1.0, 3.0, 4.0, 10.0, 100.0] {
            let numeric = lognormal_mean_capped_numeric(median, sigma, r);
            assert_close_rel(
                d.mean_capped(r),
                numeric,
                1e-5,
                &format!("median {median}, σ {sigma}, r {r}"),
            );
        }
        // Uncapped: the log-normal mean e^(μ + σ²/2).
        assert_close_rel(
            d.mean_capped(1e9),
            median * (sigma * sigma / 2.0).exp(),
            1e-6,
            "mean",
        );
        assert_close_rel(d.survival(median), 0.5, 1e-6, "median");
    }
}

#[test]
fn normal_cdf_matches_known_values() {
    assert_close_rel(risk::normal_cdf(0.0), 0.5, 1e-7, "0");
    assert_close_rel(risk::normal_cdf(1.959_963_985), 0.975, 1e-6, "1.96");
    assert_close_rel(risk::normal_cdf(-1.0), 0.158_655_254, 1e-6, "−1");
    assert!(risk::normal_cdf(-40.0) >= 0.0 && risk::normal_cdf(40.0) <= 1.0);
}

fn fixed_risk_scenario() -> Scenario {
    let mut s = Scenario::default();
    s.risk.regional_outages_per_year = 0.5;
    s.risk.typical_outage_hours = 4.0;
    s.risk.duration_distribution = DurationDistribution::Fixed;
    s.risk.downtime_cost_per_hour = 10_000.0;
    s.risk.sla_covered_monthly_revenue = 100_000.0;
    s.risk.credit_schedule = vec![
        CreditStep {
            below_pct: 99.95,
            credit_pct: 10.0,
        },
        CreditStep {
            below_pct: 99.0,
            credit_pct: 25.0,
        },
        CreditStep {
            below_pct: 95.0,
            credit_pct: 100.0,
        },
    ];
    s
}

#[test]
fn expected_downtime_is_rate_times_affected_times_capped_duration() {
    // One loss (everyone, recovery 10 h), λ = 0.5/yr, fixed 4 h:
    // 0.5 × 1 × min(4, 10) = 2 h/yr; cost 2 × $10,000 = $20,000.
    // Credits: allowance at 99.95% = 0.0005 × 730 = 0.365 h < 4 h, so every
    // event breaches that step: P(month) = 1 − e^(−0.5/12); 99% allows 7.3 h
    // and 95% 36.5 h, never reached. Credits = 10% × P × 12 × $100,000.
    let s = fixed_risk_scenario();
    let impacts = [LossImpact {
        region: 0,
        affected: 1.0,
        recovery_h: 10.0,
    }];
    let e = risk::expected(&s, &impacts, 50_000.0);
    assert_close(e.downtime_h_per_year, 2.0, "hours");
    assert_close(e.downtime_cost_annual, 20_000.0, "cost");
    let p = 1.0 - (-0.5f64 / 12.0).exp();
    let credits = 0.10 * p * 12.0 * 100_000.0;
    assert_close(e.sla_credits_annual, credits, "credits");
    assert_close(e.expected_annual_loss, 20_000.0 + credits, "loss");
    assert_close(
        e.risk_adjusted_annual,
        50_000.0 + 20_000.0 + credits,
        "risk adjusted",
    );
}

#[test]
fn partial_losses_count_only_the_affected_share() {
    // Two losses: 60% of users for min(4, 0.5) h and 40% for min(4, 6) h:
    // 0.5 × (0.6 × 0.5 + 0.4 × 4) = 0.5 × 1.9 = 0.95 h/yr.
    let s = fixed_risk_scenario();
    let impacts = [
        LossImpact {
            region: 0,
            affected: 0.6,
            recovery_h: 0.5,
        },
        LossImpact {
            region: 1,
            affected: 0.4,
            recovery_h: 6.0,
        },
    ];
    assert_close(
        risk::expected(&s, &impacts, 0.0).downtime_h_per_year,
        0.95,
        "hours",
    );
}

#[test]
fn loss_impacts_follow_each_tiers_topology() {
    let s = Scenario::default(); // 50% / 50%
    let one = |tier| risk::loss_impacts(tier, &s, 1800.0, 3600.0);
    // single_region and active_passive: losing the primary stops everyone for RTO.
    for tier in [TierId::SingleRegion, TierId::ActivePassive] {
        assert_eq!(
            one(tier),
            vec![LossImpact {
                region: 0,
                affected: 1.0,
                recovery_h: 1.0
            }]
        );
    }
    // active_active_reads: the writer stops everyone until write failover,
    // another region only its own users until reads recover.
    assert_eq!(
        one(TierId::ActiveActiveReads),
        vec![
            LossImpact {
                region: 0,
                affected: 1.0,
                recovery_h: 1.0
            },
            LossImpact {
                region: 1,
                affected: 0.5,
                recovery_h: 0.5
            },
        ]
    );
    // multi_write: any region, its own users, for the RTO.
    assert_eq!(
        one(TierId::MultiWrite),
        vec![
            LossImpact {
                region: 0,
                affected: 0.5,
                recovery_h: 1.0
            },
            LossImpact {
                region: 1,
                affected: 0.5,
                recovery_h: 1.0
            },
        ]
    );
}

#[test]
fn plan_risk_figures_use_each_tiers_own_rto() {
    let s = Scenario::default();
    let plan = evaluate(&s);
    for t in &plan.tiers {
        let expected_impacts = risk::loss_impacts(
            t.cost.tier,
            &s,
            t.resilience.rto_reads_s,
            t.resilience.rto_s,
        );
        assert_eq!(t.impacts, expected_impacts);
        let e = risk::expected(&s, &t.impacts, t.cost.annual);
        assert_eq!(t.risk, e);
        assert_close(
            t.risk.risk_adjusted_annual,
            t.cost.annual + t.risk.expected_annual_loss,
            t.cost.tier.id(),
        );
    }
}

// ---------------------------------------------------------------- break-even

#[test]
fn break_even_is_extra_fixed_cost_over_downtime_hours_saved() {
    let s = Scenario::default();
    let p = evaluate(&s);
    assert!(!p.break_even.is_empty());
    for be in &p.break_even {
        let t = p.tier(be.tier).unwrap();
        let v = p.tier(be.versus).unwrap();
        let saved = v.risk.downtime_h_per_year - t.risk.downtime_h_per_year;
        let extra = (t.cost.annual + t.risk.sla_credits_annual)
            - (v.cost.annual + v.risk.sla_credits_annual);
        match be.downtime_cost_per_hour {
            Some(cph) => {
                assert!(saved > 0.0);
                assert_close_rel(cph, (extra / saved).max(0.0), 1e-9, be.tier.id());
            }
            None => assert!(saved <= 1e-12, "{} vs {}", be.tier.id(), be.versus.id()),
        }
    }
    // Every tier is compared with single_region.
    for tier in [
        TierId::ActivePassive,
        TierId::ActiveActiveReads,
        TierId::MultiWrite,
    ] {
        assert!(p
            .break_even
            .iter()
            .any(|b| b.tier == tier && b.versus == TierId::SingleRegion));
    }
}

#[test]
fn at_the_break_even_cost_of_downtime_both_tiers_cost_the_same_risk_included() {
    let s = Scenario::default();
    let p = evaluate(&s);
    for be in p
        .break_even
        .iter()
        .filter(|b| b.versus == TierId::SingleRegion)
    {
        let Some(cph) = be.downtime_cost_per_hour else {
            continue;
        };
        if cph <= 0.0 {
            continue;
        }
        let mut at = s.clone();
        at.risk.downtime_cost_per_hour = cph;
        let q = evaluate(&at);
        let a = q.tier(be.tier).unwrap().risk.risk_adjusted_annual;
        let b = q.tier(be.versus).unwrap().risk.risk_adjusted_annual;
        assert_close_rel(a, b, 1e-9, be.tier.id());
    }
}

// ---------------------------------------------------------------- headroom curve

#[test]
fn headroom_curve_sweeps_stamp_capacity_from_one_over_n_to_one() {
    let s = Scenario::default();
    let curve = plan::headroom_curve(&s, sheet(), regions(), 101);
    assert_eq!(curve.len(), 101);
    assert_close(curve[0].stamp_capacity_fraction, 0.5, "first");
    assert_close(curve[100].stamp_capacity_fraction, 1.0, "last");
    for pt in &curve {
        let p = pt.stamp_capacity_fraction;
        assert_close(pt.compute_multiple, 2.0 * p, "N × p");
        let shortfall = (1.0 - p).max(0.0);
        assert_close(pt.shortfall_fraction, shortfall, "max(0, 1 − (N − 1) p)");
        let dur = if shortfall > 1e-9 { 300.0 } else { 0.0 };
        assert_eq!(pt.shortfall_duration_s, dur);
    }
    for w in curve.windows(2) {
        assert!(
            w[1].monthly >= w[0].monthly - 1e-9,
            "more headroom never costs less"
        );
    }
    // Half the peak per stamp: a lost region leaves a 50% shortfall.
    assert_close(curve[0].shortfall_fraction, 0.5, "p = 1/2");
}

#[test]
fn cost_of_ten_percent_more_headroom_is_the_price_difference() {
    let s = Scenario::default();
    let now = price(TierId::MultiWrite, &s).monthly;
    let mut more = s.clone();
    more.compute.stamp_capacity_fraction += 0.1;
    let then = price(TierId::MultiWrite, &more).monthly;
    let delta = plan::cost_per_10pct_headroom(&s, sheet(), regions()).unwrap();
    assert_close(delta, then - now, "delta");
    assert!(delta >= 0.0);
}

// ---------------------------------------------------------------- Monte Carlo

fn monte_carlo_impacts() -> Vec<LossImpact> {
    vec![
        LossImpact {
            region: 0,
            affected: 0.6,
            recovery_h: 3.0,
        },
        LossImpact {
            region: 1,
            affected: 0.4,
            recovery_h: 6.0,
        },
    ]
}

#[test]
fn monte_carlo_with_a_fixed_seed_is_reproducible() {
    let s = Scenario::default();
    let tiers = vec![
        (TierId::MultiWrite, monte_carlo_impacts()),
        (
            TierId::SingleRegion,
            vec![LossImpact {
                region: 0,
                affected: 1.0,
                recovery_h: 6.0,
            }],
        ),
    ];
    let a = risk::simulate(&s, &tiers, 5_000);
    let b = risk::simulate(&s, &tiers, 5_000);
    assert_eq!(a, b);
    let mut other = s.clone();
    other.risk.seed = 7;
    let c = risk::simulate(&other, &tiers, 5_000);
    assert_ne!(
        a[0].mean_downtime_h, c[0].mean_downtime_h,
        "another seed differs"
    );
}

#[test]
fn splitmix_is_deterministic_and_uniform_in_unit_interval() {
    let mut a = SplitMix64::new(42);
    let mut b = SplitMix64::new(42);
    let mut sum = 0.0;
    for _ in 0..10_000 {
        let x = a.next_f64();
        assert_eq!(x, b.next_f64());
        assert!((0.0..1.0).contains(&x));
        sum += x;
    }
    assert!((sum / 10_000.0 - 0.5).abs() < 0.02);
    // Poisson with mean 0.5: sample mean close to 0.5.
    let mut rng = SplitMix64::new(1);
    let n = 100_000;
    let total: u32 = (0..n).map(|_| rng.poisson(0.5)).sum();
    assert!((total as f64 / n as f64 - 0.5).abs() < 0.01);
}

#[test]
fn monte_carlo_mean_converges_to_the_closed_form_for_every_distribution() {
    // 100,000 simulated years; standard error of the mean is well under 1%.
    for kind in [
        DurationDistribution::Fixed,
        DurationDistribution::Exponential,
        DurationDistribution::LogNormal,
    ] {
        let mut s = Scenario::default();
        s.risk.duration_distribution = kind;
        s.risk.regional_outages_per_year = 0.5;
        s.risk.typical_outage_hours = 4.0;
        s.risk.lognormal_sigma = 0.8;
        let impacts = monte_carlo_impacts();
        let closed = risk::expected(&s, &impacts, 0.0).downtime_h_per_year;
        let sim = risk::simulate(&s, &[(TierId::MultiWrite, impacts)], 100_000);
        let mean = sim[0].mean_downtime_h;
        assert!(
            (mean - closed).abs() / closed < 0.03,
            "{kind:?}: simulated {mean} vs closed form {closed}"
        );
        let r = &sim[0];
        assert!(r.p50_downtime_h <= r.p95_downtime_h && r.p95_downtime_h <= r.p99_downtime_h);
        assert_eq!(r.percentiles_h.len(), 101);
        assert!(r.percentiles_h.windows(2).all(|w| w[0] <= w[1]));
        assert!((0.0..=1.0).contains(&r.sla_breach_probability));
    }
}

#[test]
fn with_fixed_outages_every_outage_year_breaches_the_sla() {
    // Each event costs at least 0.4 × 4 h = 1.6 h > 0.365 h allowed at 99.95%,
    // so P(breach in a year) = P(at least one event) = 1 − e^(−2 × 0.5).
    let mut s = Scenario::default();
    s.risk.duration_distribution = DurationDistribution::Fixed;
    let sim = risk::simulate(&s, &[(TierId::MultiWrite, monte_carlo_impacts())], 100_000);
    let expected = 1.0 - (-1.0f64).exp();
    assert!(
        (sim[0].sla_breach_probability - expected).abs() < 0.01,
        "{} vs {expected}",
        sim[0].sla_breach_probability
    );
}

#[test]
fn monte_carlo_credits_converge_to_the_closed_form_when_outages_are_rare() {
    // With a single-impact tier and rare outages the closed form's one-event-
    // per-month approximation is near exact.
    let mut s = fixed_risk_scenario();
    s.risk.regional_outages_per_year = 0.1;
    let impacts = vec![LossImpact {
        region: 0,
        affected: 1.0,
        recovery_h: 10.0,
    }];
    let closed = risk::expected(&s, &impacts, 0.0).sla_credits_annual;
    let sim = risk::simulate(&s, &[(TierId::SingleRegion, impacts)], 200_000);
    assert!(
        (sim[0].mean_sla_credits - closed).abs() / closed < 0.05,
        "{} vs {closed}",
        sim[0].mean_sla_credits
    );
}

// ------------------------------------------- expected and guaranteed bases

#[test]
fn guaranteed_rto_and_rpo_are_microsofts_documented_bounds_worked_by_hand() {
    use planner::engine::scenario::Basis;
    let s = Scenario::default(); // Session, service-managed 900 s, no SQL
                                 // Single region: rebuild 6 h has no bound (kept); RPO "< 240 Minutes".
    let r = assess(TierId::SingleRegion, &s);
    assert_close(r.guaranteed.rto_s, 21_600.0, "single rto");
    assert_close(r.guaranteed.rpo_s, 14_400.0, "single rpo");
    // A 60-minute backup interval is expected 1 h; the bound stays 240 min.
    let mut hourly = s.clone();
    hourly.resilience.backup_interval_min = 60.0;
    let r = assess(TierId::SingleRegion, &hourly);
    assert_close(r.rpo_s, 3_600.0, "single rpo expected");
    assert_close(r.guaranteed.rpo_s, 14_400.0, "single rpo guaranteed");
    // Active-active reads: reads 50 s both; writes 900 s expected, the
    // documented "up to 1 hour (or more)" = 3,600 s guaranteed; RPO 5 s
    // lag expected, "< 15 minutes" = 900 s guaranteed.
    let r = assess(TierId::ActiveActiveReads, &s);
    assert_close(r.rto_writes_s, 900.0, "aar writes expected");
    assert_close(r.guaranteed.rto_reads_s, 50.0, "aar reads guaranteed");
    assert_close(r.guaranteed.rto_writes_s, 3_600.0, "aar writes guaranteed");
    assert_close(r.guaranteed.rto_s, 3_600.0, "aar rto guaranteed");
    assert_close(r.rpo_s, 5.0, "aar rpo expected");
    assert_close(r.guaranteed.rpo_s, 900.0, "aar rpo guaranteed");
    assert_eq!(r.on(Basis::Expected), r.expected());
    assert_eq!(r.on(Basis::Guaranteed), r.guaranteed);
    // Multi-write: no write failover, so 50 s on both bases; RPO 0.5 s
    // expected, 900 s guaranteed.
    let r = assess(TierId::MultiWrite, &s);
    assert_close(r.guaranteed.rto_s, 50.0, "mw rto guaranteed");
    assert_close(r.rpo_s, 0.5, "mw rpo expected");
    assert_close(r.guaranteed.rpo_s, 900.0, "mw rpo guaranteed");
    // Bounded staleness: the multi-region minimum K & T, 300 s.
    let mut bounded = s.clone();
    bounded.data.consistency = Consistency::BoundedStaleness;
    assert_close(
        assess(TierId::MultiWrite, &bounded).guaranteed.rpo_s,
        300.0,
        "bounded mw",
    );
    assert_close(
        assess(TierId::ActivePassive, &bounded).guaranteed.rpo_s,
        300.0,
        "bounded ap",
    );
    // Strong with a single writer: 0 on both bases; the SQL ledger's 5 s
    // geo-replication RPO then sets the guaranteed figure.
    let mut strong = s.clone();
    strong.data.consistency = Consistency::Strong;
    let r = assess(TierId::ActivePassive, &strong);
    assert_close(r.rpo_s, 0.0, "strong expected");
    assert_close(r.guaranteed.rpo_s, 0.0, "strong guaranteed");
    strong.data.sql.enabled = true;
    let r = assess(TierId::ActivePassive, &strong);
    assert_close(r.rpo_s, 3.0, "strong + sql expected (3 s lag)");
    assert_close(r.guaranteed.rpo_s, 5.0, "strong + sql guaranteed");
    // The SQL ledger: 900 s expected (detection or write failover, the
    // later), the failover group's one-hour minimum grace period guaranteed.
    assert_eq!(r.rto_ledger_s, Some(900.0));
    assert_eq!(r.guaranteed.rto_ledger_s, Some(3_600.0));
    // Human-gated promotion longer than the bound: never below expected.
    let mut slow = s.clone();
    slow.resilience.write_failover = WriteFailover::HumanGated;
    slow.resilience.human_promotion_s = 7_200.0;
    let r = assess(TierId::ActiveActiveReads, &slow);
    assert_close(r.guaranteed.rto_writes_s, 7_200.0, "slow runbook");
    // Guaranteed ≥ expected everywhere.
    for tier in TierId::ALL {
        let r = assess(tier, &strong);
        assert!(r.guaranteed.rto_s >= r.rto_s && r.guaranteed.rpo_s >= r.rpo_s);
    }
}

#[test]
fn every_guaranteed_part_cites_its_page_and_figure() {
    let mut s = Scenario::default();
    s.data.sql.enabled = true;
    let r = assess(TierId::ActiveActiveReads, &s);
    let parts: Vec<Part> = r
        .guaranteed_rto_parts
        .iter()
        .chain(&r.guaranteed_rpo_parts)
        .copied()
        .collect();
    let named = resilience_words::parts(TierId::ActiveActiveReads, &s, regions(), &parts);
    let cited: Vec<&str> = named
        .iter()
        .filter(|p| p.value > 60.0 || p.name.contains("SQL ledger failover group"))
        .map(|p| p.how.as_str())
        .collect();
    assert_eq!(cited.len(), 4, "{cited:?}");
    for how in &cited {
        assert!(how.contains("https://learn.microsoft.com/"), "{how}");
    }
    let all = cited.join(" | ");
    assert!(all.contains("up to 1 hour (or more)") && all.contains("or more"));
    assert!(all.contains("The minimum grace period is one hour"));
    assert!(all.contains("< 15 minutes"));
    assert!(all.contains("Auto-failover groups | 1 h | 5 s"));
    assert!(all.contains("3,600 s used"), "{all}");
}

#[test]
fn a_target_met_only_on_expected_values_is_missed_on_the_guaranteed_basis() {
    use planner::engine::scenario::Basis;
    // RTO 30 min, RPO 15 min, lax latency: on expected figures
    // active-active reads recovers writes in 15 min and is the cheapest
    // that qualifies; on guaranteed ones every single-writer tier's write
    // failover is 1 h, so only multi-write (50 s, "< 15 minutes") qualifies.
    let mut s = Scenario::default();
    s.targets.rto_s = 1_800.0;
    s.targets.rpo_s = 900.0;
    s.targets.latency_p95_ms = 400.0;
    let expected = plan::evaluate(&s, sheet(), regions()).unwrap();
    assert_eq!(expected.basis, Basis::Expected);
    assert_eq!(expected.recommended_tier, Some(TierId::ActiveActiveReads));
    let words = verdicts::recommendation(&s, &expected);
    assert!(
        words.contains(
            "On the guaranteed basis the pick would be Active-active multi-region writes"
        ),
        "{words}"
    );
    assert!(words.contains("RTO ≤ 30 min only on expected recovery"));
    s.targets.basis = Basis::Guaranteed;
    let guaranteed = plan::evaluate(&s, sheet(), regions()).unwrap();
    assert_eq!(guaranteed.recommended_tier, Some(TierId::MultiWrite));
    let ap = guaranteed.tier(TierId::ActiveActiveReads).unwrap();
    assert!(!ap.meets_targets);
    let rto = verdicts::for_tier(&s, &guaranteed, ap)
        .into_iter()
        .find(|f| f.target == "rto")
        .unwrap();
    assert!(
        rto.message
            .starts_with("guaranteed RTO 60 min (writes) misses the 30 min target")
            && rto.message.contains("met on expected values: 15 min"),
        "{}",
        rto.message
    );
    // The other basis's misses travel with each tier.
    assert!(ap.failed_targets_other_basis.is_empty());
    assert!(verdicts::recommendation(&s, &guaranteed)
        .contains("On the expected basis the pick would be Active-active reads"));
}

#[test]
fn aks_free_tier_says_no_sla_and_uses_its_objective_not_the_standard_tiers_figure() {
    use planner::engine::scenario::AksTier;
    let mut s = Scenario::default();
    s.compute.aks.enabled = true;
    s.compute.aks.tier = AksTier::Standard;
    let standard = assess(TierId::SingleRegion, &s);
    assert!(standard.notes.iter().all(|n| !n.contains("no SLA")));
    s.compute.aks.tier = AksTier::Free;
    let free = assess(TierId::SingleRegion, &s);
    // The stamp's chain swaps AKS 99.95% for the Free tier's 99.5% objective.
    assert_close(
        free.availability_parts[0].value,
        standard.availability_parts[0].value / 0.9995 * 0.995,
        "stamp",
    );
    assert_eq!(free.availability_parts[0].key, PartKey::OneStamp);
    assert!(resilience_words::how(
        TierId::SingleRegion,
        &s,
        regions(),
        &free.availability_parts[0]
    )
    .contains("AKS Free (no SLA; service level objective) 99.5%"));
    assert!(free
        .notes
        .iter()
        .any(|n| n.starts_with("AKS Free tier has no SLA")));
    assert!(free.availability < standard.availability);
}

#[test]
fn failover_time_is_counted_apart_from_the_sla_composite_by_hand() {
    // Defaults: 0.5 regional losses a year per region, two regions at 50%.
    let s = Scenario::default();
    // Multi-write: each loss stops its half of the users for 50 s:
    // 0.5 × (0.5 × 50 + 0.5 × 50) s = 25 s = 0.41667 min.
    let r = assess(TierId::MultiWrite, &s);
    assert_close(r.failover_downtime_min_per_year, 25.0 / 60.0, "mw");
    // Active-active reads: losing the write region stops everyone for the
    // 900 s write failover; losing the other stops its half for 50 s:
    // 0.5 × (900 + 0.5 × 50) = 462.5 s.
    let r = assess(TierId::ActiveActiveReads, &s);
    assert_close(r.failover_downtime_min_per_year, 462.5 / 60.0, "aar");
    assert_close(
        r.availability_with_failover,
        r.availability - 462.5 / 60.0 / MINUTES_PER_YEAR,
        "aar availability",
    );
    // Single region: 0.5 × 6 h rebuild = 180 min.
    let r = assess(TierId::SingleRegion, &s);
    assert_close(r.failover_downtime_min_per_year, 180.0, "single");
    // No regional losses, nothing to add.
    let mut calm = s.clone();
    calm.risk.regional_outages_per_year = 0.0;
    let r = assess(TierId::ActivePassive, &calm);
    assert_eq!(r.failover_downtime_min_per_year, 0.0);
    assert_eq!(r.availability_with_failover, r.availability);
}

#[test]
fn strong_consistency_adds_twice_the_farthest_round_trip_plus_10_ms_to_writes() {
    // Microsoft: Strong's write latency is "two times round-trip time (RTT)
    // between any of the two farthest regions, plus 10 milliseconds".
    // Two regions: extra = 2 × RTT(westeurope, southeastasia) + 10 ms, on
    // the single-writer tiers' writes only; reads are unchanged.
    let mut s = round_scenario();
    let session_aar = assess(TierId::ActiveActiveReads, &s);
    let session_ap = assess(TierId::ActivePassive, &s);
    s.data.consistency = Consistency::Strong;
    let rtt = resilience::network_rtt_ms(&s, regions(), "westeurope", "southeastasia");
    let extra = 2.0 * rtt + 10.0;
    assert!(rtt > 100.0, "Europe–Singapore is far: {rtt} ms");
    assert_eq!(
        resilience::strong_write_extra_ms(TierId::ActiveActiveReads, &s, regions()),
        extra
    );
    for (tier, before) in [
        (TierId::ActiveActiveReads, &session_aar),
        (TierId::ActivePassive, &session_ap),
    ] {
        let after = assess(tier, &s);
        for (a, b) in after.latency.iter().zip(&before.latency) {
            assert!(
                (a.writes_p95_ms - (b.writes_p95_ms + extra)).abs() < 1e-9,
                "{tier:?} {}",
                a.region
            );
            assert_eq!(a.reads_p95_ms, b.reads_p95_ms);
        }
    }
    // One region, or multi-region writes (no Strong there): nothing added.
    assert_eq!(
        resilience::strong_write_extra_ms(TierId::SingleRegion, &s, regions()),
        0.0
    );
    assert_eq!(
        resilience::strong_write_extra_ms(TierId::MultiWrite, &s, regions()),
        0.0
    );
}
