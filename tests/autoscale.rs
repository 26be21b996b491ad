//! Autoscaled compute, hand-worked: the daily load shape, instance-hours
//! billed hour by hour (never below the minimum, never above fixed
//! provisioning), the failover headroom only while a region is lost, and a
//! reservation on the floor only.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::autoscale::{bill_pool, load_shape, Episode, LoadShape};
use planner::engine::costs::meters;
use planner::engine::pricing::ReservationTerm;
use planner::engine::scenario::{ComputeScaling, Scenario};
use planner::engine::tiers::TierId;

fn p1v3() -> &'static planner::engine::pricing::Meter {
    meters::app_service(
        planner::engine::scenario::Os::Linux,
        planner::engine::scenario::AppServiceSku::P1v3,
    )
}

fn shape(peak_hours: f64, trough: f64) -> LoadShape {
    LoadShape {
        peak_hours,
        trough_fraction: trough,
        peak_hours_limited_from: None,
    }
}

#[test]
fn the_load_shape_keeps_the_average_to_peak_ratio() {
    // r = 0.35, 6 h at peak: t = (24 × 0.35 − 6) ÷ (24 − 6) = 2.4 ÷ 18 = 0.1333…;
    // average (6 + 18 × 0.1333) ÷ 24 = 8.4 ÷ 24 = 0.35.
    let mut s = Scenario::default();
    s.workload.average_to_peak_ratio = 0.35;
    s.workload.peak_hours_per_day = 6.0;
    let sh = load_shape(&s.workload);
    assert_close(sh.peak_hours, 6.0, "peak hours");
    assert_close(sh.trough_fraction, 2.4 / 18.0, "trough");
    assert_close(sh.average(), 0.35, "average");
    assert_eq!(sh.peak_hours_limited_from, None);
    // r = 0.2 allows at most 24 × 0.2 = 4.8 h at peak: 6 h asked is limited
    // to 4.8 h and the trough is 0.
    s.workload.average_to_peak_ratio = 0.2;
    let sh = load_shape(&s.workload);
    assert_close(sh.peak_hours, 4.8, "limited");
    assert_close(sh.trough_fraction, 0.0, "no trough");
    assert_eq!(sh.peak_hours_limited_from, Some(6.0));
    // A flat day (r = 1): the trough is the peak.
    s.workload.average_to_peak_ratio = 1.0;
    assert_close(load_shape(&s.workload).trough_fraction, 1.0, "flat");
    // Old scenarios without the field open with 6 h.
    let old: Scenario =
        serde_json::from_str(r#"{"workload": {"average_to_peak_ratio": 0.4}}"#).unwrap();
    assert_eq!(old.workload.peak_hours_per_day, 6.0);
    assert_eq!(old.compute.scaling, ComputeScaling::Autoscale);
}

#[test]
fn autoscale_bills_each_hour_the_instances_its_load_needs() {
    // Origin peak 560 req/s, 40 req/s per instance, minimum 2, stamp at 70%,
    // 6 h at peak and 18 h at 2.4/18 of peak, 730 h:
    // peak ⌈0.7 × 560 ÷ 40⌉ = ⌈9.8⌉ = 10; trough ⌈0.1333 × 9.8⌉ = ⌈1.31⌉ = 2;
    // a day = 6 × 10 + 18 × 2 = 96 instance-hours; a month 730 ÷ 24 × 96 = 2,920.
    let sh = shape(6.0, 2.4 / 18.0);
    let b = bill_pool(
        ComputeScaling::Autoscale,
        &sh,
        730.0,
        0.7,
        &[],
        560.0,
        40.0,
        2,
    );
    assert_eq!((b.peak, b.floor), (10, 2));
    assert_close(b.instance_hours, 2_920.0, "instance-hours");
    assert_close(b.average(730.0), 4.0, "average instances");
    // A failover of 2 h a month at 100%: ⌈14⌉ = 14 at peak, ⌈1.87⌉ = 2 at the
    // trough: a day 6 × 14 + 18 × 2 = 120, so 2 × (120 − 96) ÷ 24 = 2 more.
    let ep = [Episode {
        hours_per_month: 2.0,
        capacity_fraction: 1.0,
    }];
    let b = bill_pool(
        ComputeScaling::Autoscale,
        &sh,
        730.0,
        0.7,
        &ep,
        560.0,
        40.0,
        2,
    );
    assert_close(b.failover_instance_hours, 2.0, "failover");
    assert_close(b.instance_hours, 2_922.0, "with failover");
    // Fixed: the failover need every hour: 14 × 730 = 10,220.
    let f = bill_pool(ComputeScaling::Fixed, &sh, 730.0, 0.7, &ep, 560.0, 40.0, 2);
    assert_eq!((f.peak, f.floor), (14, 14));
    assert_close(f.instance_hours, 10_220.0, "fixed");
    // The minimum holds at the trough: minimum 5 → a day 6 × 10 + 18 × 5 = 150.
    let m = bill_pool(
        ComputeScaling::Autoscale,
        &sh,
        730.0,
        0.7,
        &[],
        560.0,
        40.0,
        5,
    );
    assert_eq!(m.floor, 5);
    assert_close(m.instance_hours, 730.0 / 24.0 * 150.0, "minimum");
}

#[test]
fn northwind_single_region_bills_the_daily_shape_and_keeps_its_peak() {
    // Northwind: origin 800 × 0.7 = 560 req/s; r = 0.35, 6 h at peak (trough
    // 13.3%). Single region, App Service at 40 req/s, min 2: peak 14, trough
    // ⌈1.87⌉ = 2: (6 × 14 + 18 × 2) × 730 ÷ 24 = 120 × 30.4167 = 3,650 h.
    // AKS at 60 req/s, min 3: peak ⌈9.33⌉ = 10, trough ⌈1.24⌉ = 2 → 3:
    // (60 + 54) × 30.4167 = 3,467.5 h. Instances at peak 24; billed on
    // average 5 + 4.75 = 9.75.
    let s = planner::engine::presets::preset("northwind").unwrap();
    let c = price(TierId::SingleRegion, &s);
    let app = item_named(
        &c,
        Component::AppService,
        "App Service P1 v3 (Linux)",
        "westeurope",
    );
    assert_close(app.quantity, 3_650.0, "app instance-hours");
    assert_close(
        app.monthly,
        3_650.0 * rate(p1v3(), "westeurope"),
        "app cost",
    );
    let aks = item(&c, Component::AksNodes, "westeurope");
    assert_close(aks.quantity, 3_467.5, "node-hours");
    assert_eq!(c.compute_instances, 24);
    assert_close(c.compute_instances_billed_avg, 9.75, "billed average");
    assert_eq!(c.compute_multiple, 1.0);
}

#[test]
fn northwind_survivor_scales_out_only_while_a_region_is_lost() {
    // Multi-write: each stamp at 70%: App Service peak 10, trough 2 → 2,920 h.
    // Losing the other region: 0.5 outages a year × 4 h ÷ 12 = 1/6 h a month
    // at 100% (peak 14, trough 2): 1/6 × (120 − 96) ÷ 24 = 1/6 more.
    // Fixed: 14 instances every hour, compute multiple 2 × 100% = 2.0.
    let s = planner::engine::presets::preset("northwind").unwrap();
    let c = price(TierId::MultiWrite, &s);
    assert_eq!(c.compute_multiple, 1.4);
    let we = &c.stamps[0];
    assert_eq!(we.app_service_instances, 10);
    assert_close(
        we.app_service_bill.instance_hours,
        2_920.0 + 1.0 / 6.0,
        "autoscale",
    );
    assert_close(
        we.app_service_bill.failover_instance_hours,
        1.0 / 6.0,
        "failover",
    );
    let mut fixed = s.clone();
    fixed.compute.scaling = ComputeScaling::Fixed;
    let f = price(TierId::MultiWrite, &fixed);
    assert_close(f.compute_multiple, 2.0, "fixed multiple");
    assert_eq!(f.stamps[0].app_service_instances, 14);
    assert_close(
        f.stamps[0].app_service_bill.instance_hours,
        14.0 * 730.0,
        "fixed",
    );
    assert!(f.monthly > c.monthly);
}

#[test]
fn a_reservation_covers_the_floor_and_the_rest_is_pay_as_you_go() {
    // Northwind single region, 1-year term: App Service floor 2 × 730 = 1,460
    // h at the reservation rate (term price ÷ 8,760 h), and 3,650 − 1,460 =
    // 2,190 h pay-as-you-go.
    let mut s = planner::engine::presets::preset("northwind").unwrap();
    s.commercial.reservation = ReservationTerm::OneYear;
    let c = price(TierId::SingleRegion, &s);
    let floor = item_named(
        &c,
        Component::AppService,
        "App Service P1 v3 (Linux), primary stamp, reserved floor",
        "westeurope",
    );
    assert_close(floor.quantity, 1_460.0, "reserved");
    let term = sheet()
        .lookup(p1v3(), "westeurope", ReservationTerm::OneYear)
        .unwrap()
        .retail_price;
    assert_close(floor.monthly, 1_460.0 * term / 8_760.0, "reserved cost");
    let rest = item_named(
        &c,
        Component::AppService,
        "App Service P1 v3 (Linux), primary stamp, pay-as-you-go",
        "westeurope",
    );
    assert_close(rest.quantity, 2_190.0, "pay as you go");
    assert_close(
        rest.monthly,
        2_190.0 * rate(p1v3(), "westeurope"),
        "payg cost",
    );
}

#[test]
fn app_gateway_capacity_units_are_the_largest_of_three_measures_and_the_instance_floor() {
    use planner::engine::costs::compute::app_gateway_cu;
    // 1,000 req/s, 2 KB responses, 1 connection per req/s, 2 instances:
    // compute 100, connections 0.4, throughput 16 Mbps ÷ 2.22 = 7.21,
    // floor 20 → 100 (a request-heavy API: compute units dominate).
    assert_close(app_gateway_cu(1000.0, 2.0, 1.0, 2), 100.0, "compute");
    // 100 req/s of 500 KB responses: 400 Mbps ÷ 2.22 = 180.18 > 10 compute.
    assert_close(
        app_gateway_cu(100.0, 500.0, 1.0, 2),
        400.0 / 2.22,
        "throughput",
    );
    // 100 req/s, 100 connections each: 10,000 ÷ 2,500 = 4 < the floor 20.
    assert_close(app_gateway_cu(100.0, 1.0, 100.0, 2), 20.0, "floor");
    // 100 req/s, 1,000 connections each: 100,000 ÷ 2,500 = 40.
    assert_close(app_gateway_cu(100.0, 1.0, 1000.0, 0), 40.0, "connections");
    // Idle, no minimum: 0.
    assert_close(app_gateway_cu(0.0, 10.0, 1.0, 0), 0.0, "idle");
}

#[test]
fn log_analytics_follows_traffic_with_a_floor_a_free_allowance_and_paid_retention() {
    // round numbers: origin 1,000 req/s × 0.5 average = 500 req/s; 730 h =
    // 30.4167 days, 2,628,000 s. Floor 1 GB/day, 1 GB per million requests,
    // 5 GB free, 31 days retention.
    // Single region: 500 × 2,628,000 ÷ 10⁶ = 1,314 M requests → 1,314 GB +
    // 30.4167 floor = 1,344.4167 GB − 5 free = 1,339.4167 GB.
    let mut s = round_scenario();
    s.platform.log_analytics_gb_per_day = 1.0;
    s.platform.log_analytics_gb_per_million_requests = 1.0;
    s.platform.log_analytics_free_gb_per_month = 5.0;
    s.platform.log_analytics_retention_days = 31.0;
    let c = price(TierId::SingleRegion, &s);
    let li = item(&c, Component::LogAnalyticsIngestion, "westeurope");
    assert_close(
        li.quantity,
        1_314.0 + 730.0 / 24.0 - 5.0,
        "single region GB",
    );
    assert_close(
        li.monthly,
        li.quantity * rate(&meters::LOG_ANALYTICS, "westeurope"),
        "cost",
    );
    assert!(items(&c, Component::LogAnalyticsRetention).is_empty());
    // Active-passive: the warm standby serves nothing and logs its floor
    // only: 30.4167 GB (no free allowance: that went to the first stamp).
    let ap = price(TierId::ActivePassive, &s);
    assert_close(
        item(&ap, Component::LogAnalyticsIngestion, "southeastasia").quantity,
        730.0 / 24.0,
        "standby floor",
    );
    // 90 days: (90 − 31) ÷ 30.4167 months of each month's GB retained:
    // 1,344.4167 × 59 ÷ 30.4167 GB-months.
    s.platform.log_analytics_retention_days = 90.0;
    let c = price(TierId::SingleRegion, &s);
    let r = item(&c, Component::LogAnalyticsRetention, "westeurope");
    assert_close(
        r.quantity,
        (1_314.0 + 730.0 / 24.0) * 59.0 / (730.0 / 24.0),
        "GB-months",
    );
    assert_close(
        r.monthly,
        r.quantity * rate(&meters::LOG_ANALYTICS_RETENTION, "westeurope"),
        "retention cost",
    );
    // More traffic logs more.
    let mut more = s.clone();
    more.workload.peak_requests_per_s *= 2.0;
    assert!(
        item(
            &price(TierId::SingleRegion, &more),
            Component::LogAnalyticsIngestion,
            "westeurope"
        )
        .quantity
            > item(&c, Component::LogAnalyticsIngestion, "westeurope").quantity
    );
}

#[test]
fn choosing_azure_cache_for_redis_shows_its_retirement() {
    let s = planner::engine::presets::preset("northwind").unwrap();
    let c = price(TierId::MultiWrite, &s);
    assert!(c.notes.iter().any(
        |n| n.contains("retires it on 30 September 2028") && n.contains("Azure Managed Redis")
    ));
    // Zone-redundant Premium P1 without a third replica: 2 nodes per stamp.
    assert_close(
        item_named(&c, Component::Redis, "Redis Premium P1 nodes", "westeurope").quantity,
        2.0 * 730.0,
        "2 nodes",
    );
    let mut none = s.clone();
    none.platform.redis = planner::engine::scenario::RedisSku::None;
    assert!(!price(TierId::MultiWrite, &none)
        .notes
        .iter()
        .any(|n| n.contains("2028")));
}

#[test]
fn private_endpoints_are_one_per_data_service_per_stamp_plus_data_processed() {
    // round numbers, multi-write (2 stamps, 60/40): Cosmos DB, Key Vault,
    // Redis (Premium P1), App Configuration = 4 endpoints per stamp (no SQL
    // ledger): 4 × 730 = 2,920 endpoint-hours at the Global price.
    // Data, West Europe: 500 req/s × 0.6 × 2,628,000 s = 788.4 M requests;
    // out: × 2 reads × 1 KB ÷ 10⁶ = 1,576.8 GB; in: × 0.1 writes = 78.84 GB.
    let s = round_scenario();
    let c = price(TierId::MultiWrite, &s);
    let pe: Vec<_> = items(&c, Component::PrivateEndpoints);
    assert_eq!(pe.len(), 2);
    for li in &pe {
        assert_close(li.quantity, 2_920.0, "endpoint-hours");
        assert_close(
            li.monthly,
            2_920.0 * rate(&meters::PRIVATE_ENDPOINT, "Global"),
            "cost",
        );
        assert_eq!(li.region(), "Global");
    }
    assert_close(
        item(&c, Component::PrivateEndpointEgress, "westeurope").quantity,
        1_576.8,
        "egress GB",
    );
    assert_close(
        item(&c, Component::PrivateEndpointIngress, "westeurope").quantity,
        78.84,
        "ingress GB",
    );
    // With the SQL ledger the first two stamps get a fifth endpoint.
    let mut sql = s.clone();
    sql.data.sql.enabled = true;
    let c = price(TierId::MultiWrite, &sql);
    assert!(items(&c, Component::PrivateEndpoints)
        .iter()
        .all(|li| (li.quantity - 3_650.0).abs() < 1e-6));
    // Off: no line.
    let mut off = s.clone();
    off.platform.private_endpoints = false;
    let off = price(TierId::MultiWrite, &off);
    for c in [
        Component::PrivateEndpoints,
        Component::PrivateEndpointIngress,
        Component::PrivateEndpointEgress,
    ] {
        assert!(items(&off, c).is_empty(), "{c:?}");
    }
}

#[test]
fn an_aks_stamp_pays_for_its_standard_load_balancer() {
    // round numbers, AKS only, no gateway, single region: 730 h × $0.025
    // (recorded), and 500 req/s × 2,628,000 s × 10 KB ÷ 10⁶ = 13,140 GB ×
    // $0.005. Behind Application Gateway only the rules.
    let mut s = round_scenario();
    s.compute.app_service.enabled = false;
    s.compute.aks.enabled = true;
    s.compute.aks.app_gateway = false;
    let c = price(TierId::SingleRegion, &s);
    // Billed at a global meter, keyed to the stamp it serves.
    let rules = item(&c, Component::AksLoadBalancerRules, "westeurope");
    assert_eq!(rules.region(), "Global");
    assert_close(
        rules.monthly,
        730.0 * rate(&meters::LOAD_BALANCER_RULES, "Global"),
        "rules",
    );
    assert_close(
        rate(&meters::LOAD_BALANCER_RULES, "Global"),
        0.025,
        "recorded price",
    );
    let data = item(&c, Component::AksLoadBalancerData, "westeurope");
    assert_close(
        data.quantity,
        500.0 * 2_628_000.0 * s.workload.response_kb / 1e6,
        "GB",
    );
    s.compute.aks.app_gateway = true;
    let c = price(TierId::SingleRegion, &s);
    assert!(items(&c, Component::AksLoadBalancerData).is_empty());
    assert_eq!(items(&c, Component::AksLoadBalancerRules).len(), 1);
}
