//! Hand-checked cases for every cost formula of the planning engine. Each
//! test builds a small scenario, works the arithmetic out in its comment, and
//! takes unit prices from the shipped sheet's rows (looked up by meter), so it
//! checks the formula rather than a copied constant.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::cosmos;
use planner::engine::costs::{meters, Category, StampRole};
use planner::engine::pricing::{MeterKey, ReservationTerm, HOURS_PER_YEAR};
use planner::engine::scenario::ComputeScaling;
use planner::engine::scenario::{
    AppServiceSku, Consistency, CosmosMode, DataFailoverPolicy, FrontDoorTier, NodeSize, RedisSku,
    RegionShare, Scenario, SqlTier,
};
use planner::engine::tiers::{self, TierId};

const H: f64 = 730.0;
const SECONDS_PER_MONTH: f64 = 730.0 * 3600.0; // 2,628,000 s

fn app_service_linux(sku: AppServiceSku) -> MeterKey {
    MeterKey {
        service: "Azure App Service",
        product: "Azure App Service Premium v3 Plan - Linux",
        sku: sku.sku_name(),
        meter: sku.meter_name(),
    }
}

fn vm(size: NodeSize) -> MeterKey {
    MeterKey {
        service: "Virtual Machines",
        product: size.product_name(),
        sku: size.sku_name(),
        meter: size.sku_name(),
    }
}

fn provisioned(mut s: Scenario) -> Scenario {
    s.data.cosmos_mode = CosmosMode::Provisioned;
    s
}

// ---------------------------------------------------------------- RU per operation

/// Microsoft's table (learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption):
/// item KB, point read RU (Session/Eventual), write RU.
const PUBLISHED: [(f64, f64, f64); 12] = [
    (1.0, 1.00, 4.95),
    (2.0, 1.04, 6.29),
    (4.0, 1.14, 6.67),
    (8.0, 1.33, 7.04),
    (16.0, 1.67, 9.52),
    (32.0, 2.19, 11.23),
    (64.0, 4.76, 22.67),
    (128.0, 9.95, 48.19),
    (256.0, 20.28, 98.29),
    (512.0, 40.95, 184.57),
    (1024.0, 145.90, 625.00),
    (2048.0, 291.80, 1250.00),
];

#[test]
fn every_published_point_is_reproduced_exactly() {
    // At each size in the table the charge is the table's figure, nothing
    // interpolated: 1 KB → 1.00 / 4.95 RU … 2,048 KB → 291.80 / 1,250 RU.
    for (kb, read, write) in PUBLISHED {
        assert_close(cosmos::read_ru(kb, Consistency::Session), read, "read");
        assert_close(cosmos::read_ru(kb, Consistency::Eventual), read, "read");
        assert_close(cosmos::insert_ru(kb), write, "insert");
        assert_close(cosmos::write_ru(kb, 0.0), write, "write, no replaces");
        let (lo, hi) = cosmos::bracket(kb);
        assert_eq!((lo.kb, hi.kb), (kb, kb), "{kb} KB is a published point");
    }
    assert_eq!(cosmos::RU_BY_ITEM_KB.len(), PUBLISHED.len());
    for (p, (kb, read, write)) in cosmos::RU_BY_ITEM_KB.iter().zip(PUBLISHED) {
        assert_eq!((p.kb, p.read_ru, p.write_ru), (kb, read, write));
    }
}

#[test]
fn point_read_ru_interpolates_linearly_between_neighbouring_points() {
    // 3 KB, between 2 KB (1.04) and 4 KB (1.14):
    // 1.04 + (3 − 2) × (1.14 − 1.04) / (4 − 2) = 1.04 + 0.05 = 1.09 RU
    assert_close(cosmos::read_ru(3.0, Consistency::Session), 1.09, "3 KB");
    // 100 KB, between 64 KB (4.76) and 128 KB (9.95):
    // 4.76 + 36 × 5.19 / 64 = 4.76 + 2.919375 = 7.679375 RU
    // (the old straight line through 1 and 100 KB said 10 RU: 30% over)
    assert_close(
        cosmos::read_ru(100.0, Consistency::Session),
        7.679375,
        "100 KB",
    );
    // 768 KB, between 512 KB (40.95) and 1,024 KB (145.90):
    // 40.95 + 256 × 104.95 / 512 = 40.95 + 52.475 = 93.425 RU
    assert_close(
        cosmos::read_ru(768.0, Consistency::Session),
        93.425,
        "768 KB",
    );
    let (lo, hi) = cosmos::bracket(100.0);
    assert_eq!(
        (lo.kb, hi.kb),
        (64.0, 128.0),
        "100 KB lies between 64 and 128 KB"
    );
    let (lo, hi) = cosmos::bracket(3.0);
    assert_eq!((lo.kb, hi.kb), (2.0, 4.0));
}

#[test]
fn insert_ru_interpolates_linearly_between_neighbouring_points() {
    // 3 KB, between 2 KB (6.29) and 4 KB (6.67): 6.29 + 1 × 0.38 / 2 = 6.48 RU
    assert_close(cosmos::insert_ru(3.0), 6.48, "3 KB");
    // 48 KB, between 32 KB (11.23) and 64 KB (22.67):
    // 11.23 + 16 × 11.44 / 32 = 11.23 + 5.72 = 16.95 RU
    assert_close(cosmos::insert_ru(48.0), 16.95, "48 KB");
    // 100 KB, between 64 KB (22.67) and 128 KB (48.19):
    // 22.67 + 36 × 25.52 / 64 = 22.67 + 14.355 = 37.025 RU (the old line: 50)
    assert_close(cosmos::insert_ru(100.0), 37.025, "100 KB");
}

#[test]
fn items_smaller_than_1_kb_cost_the_1_kb_charge() {
    assert_close(
        cosmos::read_ru(0.1, Consistency::Session),
        1.0,
        "0.1 KB read",
    );
    assert_close(cosmos::write_ru(0.5, 0.0), 4.95, "0.5 KB insert");
    let (lo, hi) = cosmos::bracket(0.5);
    assert_eq!((lo.kb, hi.kb), (1.0, 1.0));
}

#[test]
fn items_above_the_last_point_scale_in_proportion() {
    // Validation refuses items over 2,048 KB (the 2 MB item limit); the
    // function still answers: 4,096 KB = 2 × 2,048 KB → 2 × 291.80 = 583.6 RU.
    assert_eq!(cosmos::MAX_ITEM_KB, 2048.0);
    assert_close(
        cosmos::read_ru(4096.0, Consistency::Session),
        583.6,
        "4 MB read",
    );
    assert_close(cosmos::insert_ru(4096.0), 2500.0, "4 MB insert");
    // Validation: 2,048 KB is the largest item a scenario may have.
    let mut s = round_scenario();
    s.workload.item_kb = 2048.0;
    assert!(planner::engine::validate::validate(&s, regions()).is_empty());
    s.workload.item_kb = 2049.0;
    let errors = planner::engine::validate::validate(&s, regions());
    assert!(
        errors.iter().any(|e| e.field == "workload.item_kb"),
        "{errors:?}"
    );
}

#[test]
fn strong_and_bounded_staleness_reads_cost_twice() {
    // 3 KB read: 1.09 RU (Session, Consistent prefix, Eventual); ×2 = 2.18 RU
    // under Strong and Bounded Staleness only.
    for c in Consistency::ALL {
        let expected = match c {
            Consistency::Strong | Consistency::BoundedStaleness => 2.18,
            _ => 1.09,
        };
        assert_close(cosmos::read_ru(3.0, c), expected, c.label());
    }
}

#[test]
fn replace_costs_twice_an_insert() {
    // All replaces at 128 KB: 2 × 48.19 = 96.38 RU.
    assert_close(cosmos::write_ru(128.0, 1.0), 96.38, "128 KB replace");
    // Half replaces at 3 KB: 6.48 × (1 + 0.5 × (2 − 1)) = 9.72 RU
    assert_close(cosmos::write_ru(3.0, 0.5), 9.72, "blended");
}

#[test]
fn the_formula_text_names_the_published_points_it_interpolates_between() {
    let between = cosmos::table_text(3.0);
    assert!(between.contains("between the published points 2 KB (read 1.04, write 6.29 RU) and 4 KB (read 1.14, write 6.67 RU)"), "{between}");
    assert!(
        between.contains("point read 1.09 RU, insert 6.48 RU"),
        "{between}"
    );
    assert!(between.contains(cosmos::RU_TABLE_URL), "{between}");
    let at = cosmos::table_text(2.0);
    assert!(at.contains("2 KB, a published point"), "{at}");
    // The Cosmos DB lines of a priced tier carry the same words.
    let mut s = provisioned(round_scenario());
    s.workload.item_kb = 3.0;
    let cost = price(TierId::MultiWrite, &s);
    let li = item_named(
        &cost,
        Component::CosmosThroughput,
        "Cosmos DB multi-region-write RU/s",
        "westeurope",
    );
    assert!(
        li.formula.contains("between the published points 2 KB"),
        "{}",
        li.formula
    );
}

#[test]
fn read_ru_per_s_counts_point_reads_and_queries_with_the_consistency_factor() {
    let mut w = round_scenario().workload;
    w.point_reads_per_request = 3.0;
    w.queries_per_request = 0.5;
    w.ru_per_query = 10.0;
    w.item_kb = 1.0;
    // 200 req/s × (3 × 1 RU + 0.5 × 10 RU) = 200 × 8 = 1,600 RU/s
    assert_close(
        cosmos::read_ru_per_s(200.0, &w, Consistency::Session),
        1600.0,
        "session",
    );
    // Strong doubles both: 200 × (3 × 2 + 0.5 × 10 × 2) = 200 × 16 = 3,200 RU/s
    assert_close(
        cosmos::read_ru_per_s(200.0, &w, Consistency::Strong),
        3200.0,
        "strong",
    );
    // Writes: 200 req/s × 0.1 writes × 4.95 RU = 99 RU/s
    assert_close(cosmos::write_ru_per_s(200.0, &w), 99.0, "writes");
}

#[test]
fn throughput_rounds_up_to_the_100_ru_billing_unit() {
    assert_eq!(cosmos::round_up_100(1.0), 100.0);
    assert_eq!(cosmos::round_up_100(1700.0), 1700.0);
    assert_eq!(cosmos::round_up_100(1701.0), 1800.0);
}

// ---------------------------------------------------------------- regional throughput

fn sunny_day(mut s: Scenario) -> Scenario {
    s.data.failover_policy = DataFailoverPolicy::SunnyDay;
    s
}

#[test]
fn replicated_writes_consume_ru_in_every_region() {
    // Origin 1,000 req/s (no edge cache). Busiest region West Europe 60%:
    // reads 1,000 × 0.6 × 2 × 1 RU = 1,200 RU/s; writes from the whole world
    // 1,000 × 0.1 × 4.95 RU = 495 RU/s; steady need 1,695 RU/s. Sunny-day
    // sizing provisions 1,695 → 1,700 RU/s in every region: two bill 3,400.
    let s = sunny_day(provisioned(round_scenario()));
    for tier in [TierId::ActiveActiveReads, TierId::MultiWrite] {
        let c = price(tier, &s).cost.cosmos;
        assert_close(c.read_ru_per_s, 1200.0, "busiest region's reads");
        assert_close(c.write_ru_per_s, 495.0, "all writes");
        assert_close(c.ru_per_s_steady, 1695.0, "steady");
        assert_eq!(c.ru_per_s_per_region, 1700.0, "{}", tier.id());
        assert_eq!(c.ru_per_s_billed, 3400.0, "{}", tier.id());
        assert_eq!(c.regions, 2);
    }
    assert_eq!(
        price(TierId::MultiWrite, &s).cost.cosmos.write_regions,
        2,
        "every region writes"
    );
    assert_eq!(
        price(TierId::ActiveActiveReads, &s)
            .cost
            .cosmos
            .write_regions,
        1
    );
}

#[test]
fn single_writer_primary_carries_every_read() {
    // single_region and active_passive serve everyone from the primary:
    // reads 1,000 × 2 = 2,000 + writes 495 = 2,495 → 2,500 RU/s per region.
    let s = provisioned(round_scenario());
    let single = price(TierId::SingleRegion, &s).cost.cosmos;
    assert_eq!(single.ru_per_s_per_region, 2500.0);
    assert_eq!(single.ru_per_s_billed, 2500.0);
    assert_eq!(single.regions, 1);
    let ap = price(TierId::ActivePassive, &s).cost.cosmos;
    assert_eq!(ap.ru_per_s_per_region, 2500.0);
    assert_eq!(
        ap.ru_per_s_billed, 5000.0,
        "the geo-replica is provisioned too"
    );
}

#[test]
fn sized_for_failover_provisions_what_the_survivor_needs() {
    // West Europe 60% + Southeast Asia 40%, origin 1,000 req/s, 2 reads of
    // 1 KB (1 RU) and 0.1 inserts (4.95 RU) per request.
    // Steady: West Europe reads 1,000 × 0.6 × 2 = 1,200 + writes 495 = 1,695.
    // Losing West Europe, Front Door sends its users to Southeast Asia:
    // reads 1,000 × (0.4 + 0.6) × 2 = 2,000 + writes 495 = 2,495 RU/s
    // (losing Southeast Asia gives West Europe the same 2,495).
    // Default policy: 2,495 → 2,500 RU/s in both regions, billed 5,000.
    let s = provisioned(round_scenario());
    assert_eq!(s.data.failover_policy, DataFailoverPolicy::SizedForFailover);
    for tier in [TierId::ActiveActiveReads, TierId::MultiWrite] {
        let c = price(tier, &s).cost.cosmos;
        assert_close(c.ru_per_s_steady, 1695.0, "steady");
        assert_close(c.ru_per_s_after_failover, 2495.0, "after failover");
        assert_eq!(c.ru_per_s_per_region, 2500.0, "{}", tier.id());
        assert_eq!(c.ru_per_s_billed, 5000.0, "{}", tier.id());
        assert_eq!(c.failover_shortfall_fraction, 0.0);
        assert_eq!(c.failover_shortfall_s, 0.0);
    }
    // The working panel's formula says both needs and which loss is the worst.
    let cost = price(TierId::ActiveActiveReads, &s);
    let li = item_named(
        &cost,
        Component::CosmosThroughput,
        "Cosmos DB RU/s (manual)",
        "westeurope",
    );
    assert!(
        li.formula.contains("after losing westeurope its reads go to southeastasia: reads 2,000 + writes 495 = 2,495 RU/s, sized for failover"),
        "{}",
        li.formula
    );
    // Warm standby already carries every read at the primary, steady and
    // after failover alike: 2,495 both ways.
    let ap = price(TierId::ActivePassive, &s).cost.cosmos;
    assert_close(ap.ru_per_s_steady, 2495.0, "standby steady");
    assert_close(ap.ru_per_s_after_failover, 2495.0, "standby after failover");
    // One region: nothing to fail over to; the after-failover need is the steady one.
    let single = price(TierId::SingleRegion, &s).cost.cosmos;
    assert_close(
        single.ru_per_s_after_failover,
        single.ru_per_s_steady,
        "single",
    );
}

#[test]
fn sunny_day_sizing_reports_the_share_throttled_after_a_failover() {
    // Same workload, sunny-day: 1,695 → 1,700 RU/s per region. Losing West
    // Europe, Southeast Asia needs 2,495: (2,495 − 1,700) ÷ 2,495 = 795 ÷
    // 2,495 = 31.86…% of its request units throttled at peak, for
    // min(human promotion 1,800 s, 4 h typical outage) = 1,800 s.
    let s = sunny_day(provisioned(round_scenario()));
    for tier in [TierId::ActiveActiveReads, TierId::MultiWrite] {
        let cost = price(tier, &s);
        let c = &cost.cosmos;
        assert_eq!(c.ru_per_s_per_region, 1700.0);
        assert_close(c.ru_per_s_after_failover, 2495.0, "after failover");
        assert_close(c.failover_shortfall_fraction, 795.0 / 2495.0, "shortfall");
        assert_close(c.failover_shortfall_s, 1800.0, "duration");
        assert!(
            cost.notes.iter().any(
                |n| n.contains("southeastasia needs 2,495 RU/s but 1,700 RU/s are provisioned")
            ),
            "{:?}",
            cost.notes
        );
    }
    // The single-region and warm-standby tiers have no shortfall: the first
    // has no survivor, the second already provisions every read in both.
    for tier in [TierId::SingleRegion, TierId::ActivePassive] {
        assert_eq!(price(tier, &s).cost.cosmos.failover_shortfall_fraction, 0.0);
    }
    // A short outage bounds the throttling: 0.25 h = 900 s < 1,800 s.
    let mut short = s.clone();
    short.risk.typical_outage_hours = 0.25;
    let c = price(TierId::MultiWrite, &short).cost.cosmos;
    assert_close(
        c.failover_shortfall_s,
        900.0,
        "outage shorter than the runbook",
    );
}

#[test]
fn the_lost_regions_users_go_to_the_nearest_survivor() {
    // Three regions: West Europe 50%, North Europe 20%, Southeast Asia 30%.
    // Great-circle distances: West Europe–North Europe ≈ 760 km, West
    // Europe–Southeast Asia ≈ 10,500 km, North Europe–Southeast Asia ≈
    // 11,200 km. Front Door sends a lost region's users to the nearest
    // survivor:
    //   lose West Europe    → North Europe 0.2 + 0.5 = 0.7, Southeast Asia 0.3
    //   lose North Europe   → West Europe 0.5 + 0.2 = 0.7
    //   lose Southeast Asia → West Europe 0.5 + 0.3 = 0.8  (the worst)
    // After failover: 1,000 × 0.8 × 2 = 1,600 + 495 = 2,095 → 2,100 RU/s.
    // Steady: 1,000 × 0.5 × 2 = 1,000 + 495 = 1,495 RU/s.
    let mut s = provisioned(round_scenario());
    s.regions = vec![
        RegionShare {
            region: "westeurope".into(),
            traffic_share: 0.5,
        },
        RegionShare {
            region: "northeurope".into(),
            traffic_share: 0.2,
        },
        RegionShare {
            region: "southeastasia".into(),
            traffic_share: 0.3,
        },
    ];
    let cost = price(TierId::MultiWrite, &s);
    let c = &cost.cosmos;
    assert_close(c.ru_per_s_steady, 1495.0, "steady");
    assert_close(c.ru_per_s_after_failover, 2095.0, "after failover");
    assert_eq!(c.ru_per_s_per_region, 2100.0);
    assert_eq!(c.ru_per_s_billed, 6300.0, "3 × 2,100");
    let li = item_named(
        &cost,
        Component::CosmosThroughput,
        "Cosmos DB multi-region-write RU/s",
        "northeurope",
    );
    assert!(
        li.formula
            .contains("after losing southeastasia its reads go to westeurope"),
        "{}",
        li.formula
    );
    // Sunny-day: 1,495 → 1,500 RU/s. Worst loss (Southeast Asia): West Europe
    // needs 2,095, excess 595; North Europe needs 400 + 495 = 895, none. Share
    // throttled 595 ÷ (2,095 + 895) = 595 ÷ 2,990 = 19.9%. (Losing West Europe:
    // North Europe 1,400 + 495 = 1,895, excess 395; Southeast Asia 1,095;
    // 395 ÷ 2,990 = 13.2%, smaller.)
    let c = price(TierId::MultiWrite, &sunny_day(s)).cost.cosmos;
    assert_eq!(c.ru_per_s_per_region, 1500.0);
    assert_close(c.failover_shortfall_fraction, 595.0 / 2990.0, "worst loss");
}

#[test]
fn scenarios_without_the_policy_open_sized_for_failover() {
    // A scenario file or share link written before the field existed.
    let json = r#"{"name": "old", "data": {"cosmos_mode": "provisioned"}}"#;
    let s = planner::engine::share::from_json(json).unwrap();
    assert_eq!(s.data.failover_policy, DataFailoverPolicy::SizedForFailover);
    let json = r#"{"data": {"failover_policy": "sunny_day"}}"#;
    let s = planner::engine::share::from_json(json).unwrap();
    assert_eq!(s.data.failover_policy, DataFailoverPolicy::SunnyDay);
    assert!(
        planner::engine::share::from_json(r#"{"data": {"failover_policy": "rainy"}}"#).is_err()
    );
}

#[test]
fn edge_cache_hits_never_reach_the_database() {
    // 30% edge hits: origin 700 req/s. Reads 700 × 0.6 × 2 = 840; writes
    // 700 × 0.1 × 4.95 = 346.5; steady 1,186.5 RU/s. After losing a region
    // the survivor serves all 700 req/s: 700 × 2 = 1,400 + 346.5 = 1,746.5
    // RU/s → 1,800 RU/s provisioned per region.
    let mut s = provisioned(round_scenario());
    s.workload.edge_cache_hit_ratio = 0.3;
    let c = price(TierId::MultiWrite, &s).cost.cosmos;
    assert_close(c.read_ru_per_s, 840.0, "reads");
    assert_close(c.write_ru_per_s, 346.5, "writes");
    assert_close(c.ru_per_s_steady, 1186.5, "steady");
    assert_close(c.ru_per_s_after_failover, 1746.5, "after failover");
    assert_eq!(c.ru_per_s_per_region, 1800.0);
}

// ---------------------------------------------------------------- throughput billing

#[test]
fn provisioned_single_write_bills_each_region_with_the_zone_premium() {
    // active_active_reads, manual, sized for failover: a survivor needs
    // 1,000 × 2 + 495 = 2,495 → 2,500 RU/s; zone-redundant: per region
    // 2,500 ÷ 100 × 730 h × 1.25 = 22,812.5 (100 RU/s)-hours × that region's
    // single-write rate.
    let s = provisioned(round_scenario());
    let cost = price(TierId::ActiveActiveReads, &s);
    for region in ["westeurope", "southeastasia"] {
        let li = item_named(
            &cost,
            Component::CosmosThroughput,
            "Cosmos DB RU/s (manual)",
            region,
        );
        assert_close(li.quantity, 25.0 * H * 1.25, "quantity");
        assert_close(
            li.monthly,
            22_812.5 * rate(&meters::COSMOS_RU, region),
            region,
        );
    }
}

#[test]
fn zone_premium_applies_only_to_single_write_manual_throughput() {
    // Without zones: 2,500 ÷ 100 × 730 = 18,250 (100 RU/s)-hours.
    let mut s = provisioned(round_scenario());
    s.data.cosmos_zone_redundant = false;
    let cost = price(TierId::ActiveActiveReads, &s);
    assert_close(
        item_named(
            &cost,
            Component::CosmosThroughput,
            "Cosmos DB RU/s (manual)",
            "westeurope",
        )
        .quantity,
        18_250.0,
        "no zones",
    );
    // Multi-write with zones: waived, still 18,250.
    s.data.cosmos_zone_redundant = true;
    let mw = price(TierId::MultiWrite, &s);
    assert_close(
        item_named(
            &mw,
            Component::CosmosThroughput,
            "Cosmos DB multi-region-write RU/s",
            "westeurope",
        )
        .quantity,
        18_250.0,
        "multi-write waives the premium",
    );
    // Autoscale single write with zones: billed on the steady use, 1,695 ×
    // 0.5 = 847.5 ÷ 100 × 730 = 6,186.75, no ×1.25 (no outages, so no
    // failover hours; see autoscale_bills_the_hourly_peak_at_the_autoscale_rate).
    s.data.cosmos_mode = CosmosMode::Autoscale;
    s.risk.regional_outages_per_year = 0.0;
    let auto = price(TierId::ActiveActiveReads, &s);
    assert_close(
        item_named(
            &auto,
            Component::CosmosThroughput,
            "Cosmos DB autoscale RU/s",
            "westeurope",
        )
        .quantity,
        6_186.75,
        "autoscale has no zone premium",
    );
}

#[test]
fn multi_write_bills_the_multi_region_write_rate_in_every_region() {
    // 2,500 RU/s (sized for failover) ÷ 100 × 730 h = 18,250 × the 100
    // multi-master RU/s rate. (Defender for Azure Cosmos DB, in the same
    // cost group, is worked in tests/missing_lines.rs: off here.)
    let mut s = provisioned(round_scenario());
    s.platform.defender.cosmos_db = false;
    let cost = price(TierId::MultiWrite, &s);
    let mut total = 0.0;
    for region in ["westeurope", "southeastasia"] {
        let li = item_named(
            &cost,
            Component::CosmosThroughput,
            "Cosmos DB multi-region-write RU/s",
            region,
        );
        let expected = 18_250.0 * rate(&meters::COSMOS_MRU, region);
        assert_close(li.monthly, expected, region);
        assert_eq!(li.price.meter_name, "100 Multi-master RU/s");
        total += expected;
    }
    assert_close(
        category_sum(&cost, Category::CosmosThroughput),
        total,
        "throughput total",
    );
}

#[test]
fn provisioned_throughput_is_never_below_400_ru_per_s() {
    // 10 req/s: reads 10 × 0.6 × 2 = 12, writes 10 × 0.1 × 4.95 = 4.95 → 16.95 RU/s,
    // rounds to 100, raised to the 400 RU/s minimum.
    let mut s = provisioned(round_scenario());
    s.workload.peak_requests_per_s = 10.0;
    let c = price(TierId::MultiWrite, &s).cost.cosmos;
    assert_eq!(c.ru_per_s_per_region, cosmos::MIN_MANUAL_RU_PER_S);
    assert_eq!(c.ru_per_s_per_region, 400.0);
    assert_eq!(c.ru_per_s_billed, 800.0);
}

#[test]
fn autoscale_max_is_never_below_1000_ru_per_s() {
    // Same 16.95 RU/s need; the autoscale maximum is at least 1,000 RU/s in every
    // region, and the bill is at least the 10% floor of it (100 RU/s).
    let mut s = round_scenario();
    s.data.cosmos_mode = CosmosMode::Autoscale;
    s.workload.peak_requests_per_s = 10.0;
    let c = price(TierId::MultiWrite, &s).cost.cosmos;
    assert_eq!(c.ru_per_s_per_region, cosmos::MIN_AUTOSCALE_MAX_RU_PER_S);
    assert_eq!(c.ru_per_s_per_region, 1000.0);
    assert!(c.ru_per_s_billed >= 2.0 * 100.0);
}

#[test]

fn autoscale_bills_the_workloads_hourly_peak_not_the_raised_maximum() {
    // Need 16.95 RU/s at peak, max raised to 1,000 RU/s. Every hour's need
    // (16.95 at peak, 5.65 at the trough) is below the floor, so each region
    // bills max(10% × 1,000, need) = 100 RU/s every hour: 2 × 100 = 200 RU/s
    // billed, not 0.5 × 1,000 = 500 per region.
    let mut s = round_scenario();
    s.data.cosmos_mode = CosmosMode::Autoscale;
    s.workload.peak_requests_per_s = 10.0;
    let c = price(TierId::MultiWrite, &s);
    assert_close(c.cosmos.ru_per_s_billed, 200.0, "2 × 100");
    assert_close(
        item_named(
            &c,
            Component::CosmosThroughput,
            "Cosmos DB autoscale multi-region-write RU/s",
            "westeurope",
        )
        .quantity,
        1.0 * H,
        "100 RU/s ÷ 100 × 730 h",
    );
    // Need 532.5 RU/s (max 1,000), average 0.3, 6 h at peak: trough t =
    // (7.2 − 6) ÷ 18 = 0.0667 → 35.5 RU/s, billed at the 100 RU/s floor:
    // (6 × 532.5 + 18 × 100) ÷ 24 = 4,995 ÷ 24 = 208.125 RU/s per region —
    // more than the average use 0.3 × 532.5 = 159.75 (the floor bills the
    // quiet hours), less than 0.3 × 1,000 = 300. No outages: no failover hours.
    let mut t = round_scenario();
    t.risk.regional_outages_per_year = 0.0;
    // (1,000 req/s need 1,695 RU/s, so 1,000 × 532.5 / 1,695 req/s need 532.5.)
    t.workload.peak_requests_per_s = 1000.0 * 532.5 / 1695.0;
    t.workload.average_to_peak_ratio = 0.3;
    let billed = price(TierId::MultiWrite, &t).cost.cosmos.ru_per_s_billed / 2.0;
    assert_close(billed, 208.125, "per region");
}

#[test]
fn autoscale_bills_the_hourly_peak_at_the_autoscale_rate() {
    // Steady need 1,695 RU/s; after failover 2,495, so the maximum is 2,500
    // RU/s in every region. Average 0.5, 6 h at peak: trough t = (12 − 6) ÷
    // 18 = 1/3. Each hour bills max(250, need): 6 h × 1,695 + 18 h × 565 =
    // 20,340 RU/s-hours a day = 847.5 on average; 847.5 ÷ 100 × 730 =
    // 6,186.75 (100 RU/s)-hours at the autoscale rate (single write) or,
    // with multi-region writes, the multi-master rate (no autoscale
    // multi-master meter exists). No outages here, so the failover headroom
    // is in the maximum, not in the bill.
    let mut s = round_scenario();
    s.risk.regional_outages_per_year = 0.0;
    let aar = price(TierId::ActiveActiveReads, &s);
    assert_eq!(aar.cosmos.ru_per_s_per_region, 2500.0);
    assert_close(aar.cosmos.ru_per_s_billed, 1695.0, "2 × 847.5");
    for region in ["westeurope", "southeastasia"] {
        assert_close(
            item_named(
                &aar,
                Component::CosmosThroughput,
                "Cosmos DB autoscale RU/s",
                region,
            )
            .monthly,
            6_186.75 * rate(&meters::COSMOS_AUTOSCALE_RU, region),
            region,
        );
    }
    let mw = price(TierId::MultiWrite, &s);
    for region in ["westeurope", "southeastasia"] {
        assert_close(
            item_named(
                &mw,
                Component::CosmosThroughput,
                "Cosmos DB autoscale multi-region-write RU/s",
                region,
            )
            .monthly,
            6_186.75 * rate(&meters::COSMOS_MRU, region),
            region,
        );
    }
}

#[test]
fn autoscale_never_bills_below_10_percent_of_max() {
    // Maximum 2,500 RU/s (sized for failover). Average-to-peak 0.05 allows
    // at most 24 × 0.05 = 1.2 h at peak (trough 0): each hour bills
    // max(10% × 2,500 = 250, need): (1.2 × 1,695 + 22.8 × 250) ÷ 24 =
    // 7,734 ÷ 24 = 322.25 RU/s per region, never below 250. No outages.
    let mut s = round_scenario();
    s.workload.average_to_peak_ratio = 0.05;
    s.risk.regional_outages_per_year = 0.0;
    let c = price(TierId::MultiWrite, &s);
    assert_close(c.cosmos.ru_per_s_billed, 644.5, "2 × 322.25");
    assert_close(
        item_named(
            &c,
            Component::CosmosThroughput,
            "Cosmos DB autoscale multi-region-write RU/s",
            "westeurope",
        )
        .quantity,
        3.2225 * H,
        "322.25 ÷ 100 × 730",
    );
}

#[test]
fn shipped_autoscale_rates_are_1_5x_manual_single_write() {
    for region in sheet().regions() {
        let manual = rate(&meters::COSMOS_RU, &region);
        let auto = rate(&meters::COSMOS_AUTOSCALE_RU, &region);
        assert_close_rel(auto, 1.5 * manual, 1e-3, &region);
    }
}

#[test]
fn serverless_bills_consumed_request_units_in_a_single_region() {
    // single_region: need 2,000 + 495 = 2,495 RU/s at peak; average 2,495 ×
    // 0.5 = 1,247.5 RU/s × 2,628,000 s × 1.25 (zones) = 4,098,037,500 RU =
    // 4,098.0375 million RU × the West Europe serverless price.
    let mut s = round_scenario();
    s.data.cosmos_mode = CosmosMode::Serverless;
    let c = price(TierId::SingleRegion, &s);
    let li = item_named(
        &c,
        Component::CosmosThroughput,
        "Cosmos DB serverless",
        "westeurope",
    );
    assert_close(li.quantity, 4_098.037_5, "million RU");
    assert_close(
        li.monthly,
        4_098.037_5 * rate(&meters::COSMOS_SERVERLESS, "westeurope"),
        "monthly",
    );
    // Without zones, no ×1.25: 1,247.5 × 2,628,000 = 3,278.43 million RU.
    s.data.cosmos_zone_redundant = false;
    let c = price(TierId::SingleRegion, &s);
    assert_close(
        item_named(
            &c,
            Component::CosmosThroughput,
            "Cosmos DB serverless",
            "westeurope",
        )
        .quantity,
        3_278.43,
        "no zones",
    );
}

#[test]
fn serverless_multi_region_tiers_are_priced_with_autoscale_and_say_so() {
    let mut s = round_scenario();
    s.data.cosmos_mode = CosmosMode::Serverless;
    let mut auto = s.clone();
    auto.data.cosmos_mode = CosmosMode::Autoscale;
    for tier in [
        TierId::ActivePassive,
        TierId::ActiveActiveReads,
        TierId::MultiWrite,
    ] {
        let c = price(tier, &s);
        assert!(
            c.notes.iter().any(|n| n.contains("Serverless")),
            "{}: {:?}",
            tier.id(),
            c.notes
        );
        assert!(items_named(&c, Component::CosmosThroughput, "Cosmos DB serverless").is_empty());
        assert_close(
            category_sum(&c, Category::CosmosThroughput),
            category_sum(&price(tier, &auto), Category::CosmosThroughput),
            tier.id(),
        );
    }
}

#[test]
fn cosmos_storage_is_billed_once_per_region() {
    // 100 GB stored × each region's GB-month price.
    let s = round_scenario();
    let single = price(TierId::SingleRegion, &s);
    assert_close(
        category_sum(&single, Category::CosmosStorage),
        100.0 * rate(&meters::COSMOS_STORAGE, "westeurope"),
        "one region",
    );
    let mw = price(TierId::MultiWrite, &s);
    assert_close(
        category_sum(&mw, Category::CosmosStorage),
        100.0
            * (rate(&meters::COSMOS_STORAGE, "westeurope")
                + rate(&meters::COSMOS_STORAGE, "southeastasia")),
        "two regions",
    );
    assert_close(
        mw.cosmos.monthly,
        category_sum(&mw, Category::CosmosStorage) + category_sum(&mw, Category::CosmosThroughput),
        "cosmos monthly = throughput + storage",
    );
}

// ---------------------------------------------------------------- replication egress

/// Bytes written per month in the round scenario: origin average 1,000 × 0.5
/// = 500 req/s × 0.1 writes × 1 KB × 2,628,000 s ÷ 10⁶ = 131.4 GB.
const WRITE_GB: f64 = 131.4;

#[test]
fn single_writer_egress_is_written_bytes_per_secondary_at_the_intra_continent_rate() {
    // West Europe → North Europe, both Europe: 131.4 GB × intra-continent
    // rate of the source region.
    let mut s = round_scenario();
    s.regions = two_regions("westeurope", 0.6, "northeurope", 0.4);
    let c = price(TierId::ActiveActiveReads, &s);
    let li = item_named(
        &c,
        Component::CosmosReplication,
        "Cosmos DB replication westeurope → northeurope",
        "westeurope",
    );
    assert_close(li.quantity, WRITE_GB, "GB");
    assert_eq!(li.price.meter_name, "Intra Continent Data Transfer Out");
    assert_close(
        li.monthly,
        WRITE_GB * rate(&meters::INTRA_CONTINENT, "westeurope"),
        "cost",
    );
    assert_close(c.replication_egress_gb_per_month, WRITE_GB, "total GB");
}

#[test]
fn egress_between_continents_uses_the_inter_continent_rate_of_the_source() {
    let s = round_scenario();
    let c = price(TierId::ActivePassive, &s);
    let li = item_named(
        &c,
        Component::CosmosReplication,
        "Cosmos DB replication westeurope → southeastasia",
        "westeurope",
    );
    assert_eq!(li.price.meter_name, "Inter Continent Data Transfer Out");
    assert_close(
        li.monthly,
        WRITE_GB * rate(&meters::INTER_CONTINENT, "westeurope"),
        "cost",
    );
}

#[test]
fn multi_write_egress_is_each_regions_written_share_sent_to_every_other_region() {
    // West Europe writes 60%: 131.4 × 0.6 = 78.84 GB → Southeast Asia at West
    // Europe's inter-continent rate; Southeast Asia writes 40%: 52.56 GB → West
    // Europe at Southeast Asia's rate. Total 131.4 GB = written × (N − 1).
    let s = round_scenario();
    let c = price(TierId::MultiWrite, &s);
    let we = item_named(
        &c,
        Component::CosmosReplication,
        "Cosmos DB replication westeurope →",
        "westeurope",
    );
    let sea = item_named(
        &c,
        Component::CosmosReplication,
        "Cosmos DB replication southeastasia →",
        "southeastasia",
    );
    assert_close(we.quantity, 78.84, "WE share");
    assert_close(sea.quantity, 52.56, "SEA share");
    assert_close(
        we.monthly,
        78.84 * rate(&meters::INTER_CONTINENT, "westeurope"),
        "WE cost",
    );
    assert_close(
        sea.monthly,
        52.56 * rate(&meters::INTER_CONTINENT, "southeastasia"),
        "SEA cost",
    );
    assert_close(c.replication_egress_gb_per_month, WRITE_GB, "total");
}

#[test]
fn three_region_single_writer_sends_every_write_to_each_secondary() {
    // Writer West Europe → North Europe (intra) and → Southeast Asia (inter):
    // 131.4 GB each, 262.8 GB = written × (3 − 1).
    let mut s = round_scenario();
    s.regions = two_regions("westeurope", 0.4, "northeurope", 0.3);
    s.regions.push(planner::engine::scenario::RegionShare {
        region: "southeastasia".into(),
        traffic_share: 0.3,
    });
    let c = price(TierId::ActiveActiveReads, &s);
    assert_close(c.replication_egress_gb_per_month, 2.0 * WRITE_GB, "GB");
    assert_close(
        c.replication_egress_monthly,
        WRITE_GB
            * (rate(&meters::INTRA_CONTINENT, "westeurope")
                + rate(&meters::INTER_CONTINENT, "westeurope")),
        "cost",
    );
}

#[test]
fn sql_ledger_replicates_its_written_bytes_to_the_failover_secondary() {
    // 20 GB written to the ledger per month, West Europe → Southeast Asia.
    let mut s = round_scenario();
    s.data.sql.enabled = true;
    s.data.sql.write_gb_per_month = 20.0;
    let c = price(TierId::ActivePassive, &s);
    let li = item(&c, Component::SqlReplication, "westeurope");
    assert_close(li.quantity, 20.0, "GB");
    assert_close(
        li.monthly,
        20.0 * rate(&meters::INTER_CONTINENT, "westeurope"),
        "cost",
    );
    assert_close(
        c.replication_egress_gb_per_month,
        WRITE_GB + 20.0,
        "Cosmos + SQL",
    );
}

#[test]
fn single_region_has_no_replication_egress() {
    let mut s = round_scenario();
    s.data.sql.enabled = true;
    let c = price(TierId::SingleRegion, &s);
    assert_eq!(c.replication_egress_gb_per_month, 0.0);
    assert_eq!(category_sum(&c, Category::ReplicationEgress), 0.0);
}

// ---------------------------------------------------------------- Front Door

#[test]
fn front_door_bills_base_fee_requests_and_transfer_by_zone() {
    // Requests per month: 1,000 × 0.5 × 2,628,000 = 1,314,000,000.
    // West Europe (Zone 1) 60%: 788,400,000 ÷ 10,000 = 78,840 × Premium
    //   request price; 788,400,000 × 10 KB ÷ 10⁶ = 7,884 GB × Zone 1 transfer.
    // Southeast Asia (Zone 2) 40%: 52,560 × request price; 5,256 GB × Zone 2.
    // Edge to origin (no cache hits, 1 KB requests): 788,400,000 × 1 KB ÷
    //   10⁶ = 788.4 GB × Zone 1, 525,600,000 × 1 KB ÷ 10⁶ = 525.6 GB × Zone 2.
    // Plus the Premium base fee.
    // Premium requests are tiered in the shipped sheet (from 25,000,
    // 100,000 and 500,000 × 10K a month, as the recorded API page lists
    // them): each tier bills the requests that fall in it.
    let s = round_scenario();
    let c = price(TierId::SingleRegion, &s);
    let req = |zone: &str, quantity: f64| {
        let key = MeterKey {
            service: "Azure Front Door Service",
            product: "Azure Front Door",
            sku: "Premium",
            meter: "Premium Requests",
        };
        assert!(rate(&key, zone) > 0.0);
        let mut tiers: Vec<(f64, f64)> = sheet()
            .rows
            .iter()
            .filter(|r| {
                r.service_name == key.service
                    && r.product_name == key.product
                    && r.sku_name == key.sku
                    && r.meter_name == key.meter
                    && r.arm_region_name == zone
            })
            .map(|r| (r.tier_minimum_units, r.retail_price))
            .collect();
        tiers.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(tiers.first().map(|t| t.0), Some(0.0), "{zone}: first tier");
        tiers
            .iter()
            .enumerate()
            .map(|(i, &(from, price))| {
                let to = tiers.get(i + 1).map_or(f64::INFINITY, |t| t.0);
                (quantity.min(to) - from).max(0.0) * price
            })
            .sum::<f64>()
    };
    let base = rate(
        &MeterKey {
            service: "Azure Front Door Service",
            product: "Azure Front Door",
            sku: "Premium",
            meter: "Premium Base Fees",
        },
        "Global",
    );
    let requests = 1000.0 * 0.5 * SECONDS_PER_MONTH;
    assert_close(requests, 1_314_000_000.0, "requests");
    assert_close(
        item(&c, Component::FrontDoorRequests, "Zone 1").quantity,
        78_840.0,
        "Z1 requests",
    );
    assert_close(
        item(&c, Component::FrontDoorTransfer, "Zone 1").quantity,
        7_884.0,
        "Z1 GB",
    );
    assert_close(
        item(&c, Component::FrontDoorRequests, "Zone 2").quantity,
        52_560.0,
        "Z2 requests",
    );
    assert_close(
        item(&c, Component::FrontDoorTransfer, "Zone 2").quantity,
        5_256.0,
        "Z2 GB",
    );
    let expected = base
        + req("Zone 1", 78_840.0)
        + 7_884.0 * rate(&meters::FD_DATA_OUT, "Zone 1")
        + req("Zone 2", 52_560.0)
        + 5_256.0 * rate(&meters::FD_DATA_OUT, "Zone 2")
        + 788.4 * rate(&meters::FD_DATA_IN, "Zone 1")
        + 525.6 * rate(&meters::FD_DATA_IN, "Zone 2");
    assert_close(
        item(&c, Component::FrontDoorOriginTransfer, "Zone 1").quantity,
        788.4,
        "Z1 origin GB",
    );
    assert_close(
        item(&c, Component::FrontDoorOriginTransfer, "Zone 2").quantity,
        525.6,
        "Z2 origin GB",
    );
    assert_close(c.front_door_monthly, expected, "Front Door monthly");
    assert_close(category_sum(&c, Category::FrontDoor), expected, "category");
}

#[test]
fn front_door_is_the_same_in_every_tier() {
    let s = round_scenario();
    let single = price(TierId::SingleRegion, &s).front_door_monthly;
    for tier in TierId::ALL {
        assert_close(price(tier, &s).front_door_monthly, single, tier.id());
    }
}

#[test]
fn user_populations_in_the_same_billing_zone_share_one_line() {
    // West Europe and North Europe are both Zone 1: one line of 131,400 ×
    // 10,000 requests.
    let mut s = round_scenario();
    s.regions = two_regions("westeurope", 0.6, "northeurope", 0.4);
    let c = price(TierId::MultiWrite, &s);
    assert_eq!(items(&c, Component::FrontDoorRequests).len(), 1);
    assert_close(
        item(&c, Component::FrontDoorRequests, "Zone 1").quantity,
        131_400.0,
        "requests",
    );
}

#[test]
fn front_door_standard_uses_its_own_base_fee_and_request_price() {
    let mut s = round_scenario();
    s.edge.front_door_tier = FrontDoorTier::Standard;
    let c = price(TierId::SingleRegion, &s);
    let base = item_named(
        &c,
        Component::FrontDoorBase,
        "Front Door Standard base fee",
        "Global",
    );
    assert_eq!(base.price.meter_name, "Standard Base Fees");
    assert_close(
        base.monthly,
        rate(
            &MeterKey {
                service: "Azure Front Door Service",
                product: "Azure Front Door",
                sku: "Standard",
                meter: "Standard Base Fees",
            },
            "Global",
        ),
        "base",
    );
    assert_eq!(
        item(&c, Component::FrontDoorRequests, "Zone 1")
            .price
            .meter_name,
        "Standard Requests"
    );
}

#[test]
fn edge_to_origin_transfer_bills_only_cache_misses_at_the_request_size() {
    // learn.microsoft.com/azure/frontdoor/billing: the edge-to-origin bytes
    // are billed, none for a request served from cache.
    // Requests: 1,000 × 0.5 × 2,628,000 = 1,314,000,000; West Europe (Zone 1)
    // 60% = 788,400,000; 30% cache hits leave 551,880,000 for the origin;
    // × 2 KB ÷ 10⁶ = 1,103.76 GB × $0.02 (Zone 1, shipped sheet) = $22.0752.
    // Southeast Asia (Zone 2) 40%: 525,600,000 × 0.7 × 2 ÷ 10⁶ = 735.84 GB.
    let mut s = round_scenario();
    s.workload.edge_cache_hit_ratio = 0.3;
    s.edge.request_kb = 2.0;
    let c = price(TierId::SingleRegion, &s);
    let z1 = item(&c, Component::FrontDoorOriginTransfer, "Zone 1");
    assert_close(z1.quantity, 1_103.76, "Z1 GB");
    assert_close(rate(&meters::FD_DATA_IN, "Zone 1"), 0.02, "Zone 1 rate");
    assert_close(z1.monthly, 22.0752, "Z1 cost");
    assert_eq!(z1.price.meter_name, "Standard Data Transfer In");
    assert!(
        z1.formula.contains("Origin-to-edge transfer is not billed"),
        "{}",
        z1.formula
    );
    assert_close(
        item(&c, Component::FrontDoorOriginTransfer, "Zone 2").quantity,
        735.84,
        "Z2 GB",
    );
    // Every request served from cache: nothing reaches the origin.
    s.workload.edge_cache_hit_ratio = 0.99;
    s.edge.request_kb = 100.0;
    let c = price(TierId::SingleRegion, &s);
    // 788,400,000 × 0.01 × 100 KB ÷ 10⁶ = 788.4 GB.
    assert_close(
        item(&c, Component::FrontDoorOriginTransfer, "Zone 1").quantity,
        788.4,
        "1% misses",
    );
}

#[test]
fn front_door_premium_bills_edge_to_origin_at_the_standard_rate_and_notes_what_is_free() {
    // Premium: the same Standard Data Transfer In meter (the billing page:
    // "Front Door Premium has a higher base fee and request processing fee");
    // the base fee's note says WAF rules, managed rule sets and Private Link
    // origins cost nothing extra.
    let s = round_scenario();
    assert_eq!(s.edge.front_door_tier, FrontDoorTier::Premium);
    let c = price(TierId::SingleRegion, &s);
    let origin = item(&c, Component::FrontDoorOriginTransfer, "Zone 2");
    assert_eq!(origin.price.meter_name, "Standard Data Transfer In");
    assert!(origin.formula.contains("Premium uses the Standard rate"));
    let base = item(&c, Component::FrontDoorBase, "Global");
    assert!(base.formula.contains("Private Link"), "{}", base.formula);
    assert!(base.formula.contains("WAF"), "{}", base.formula);
}

#[test]
fn a_missing_edge_to_origin_price_is_an_error_never_zero() {
    // Drop the Zone 2 Standard Data Transfer In row: Southeast Asia's users
    // cannot be priced, and the plan says so.
    let csv = planner::engine::presets::DEFAULT_SHEET_CSV
        .lines()
        .filter(|l| !(l.contains(",Standard Data Transfer In,") && l.contains(",Zone 2,")))
        .collect::<Vec<_>>()
        .join("\n");
    let cut = planner::engine::pricing::PriceSheet::parse("cut.csv", &csv).unwrap();
    let s = round_scenario();
    match planner::engine::plan::evaluate(&s, &cut, regions()) {
        Err(planner::engine::plan::PlanError::MissingPrices(m)) => assert!(
            m.iter()
                .any(|p| p.meter.contains("Standard Data Transfer In") && p.region == "Zone 2"),
            "{m:?}"
        ),
        other => panic!("expected missing prices, got {:?}", other.map(|_| ())),
    }
}

const FD_STANDARD_REQUESTS: MeterKey = MeterKey {
    service: "Azure Front Door Service",
    product: "Azure Front Door",
    sku: "Standard",
    meter: "Standard Requests",
};

#[test]
fn a_tiered_meter_bills_each_tier_for_the_requests_in_it() {
    // Front Door Standard requests in Zone 1 are tiered in the shipped sheet:
    // the first price up to 25,000 × 10K requests a month, a lower one above.
    let mut s = round_scenario();
    s.edge.front_door_tier = FrontDoorTier::Standard;
    let c = price(TierId::SingleRegion, &s);
    let li = item(&c, Component::FrontDoorRequests, "Zone 1");
    let q = 1000.0 * 0.5 * 2_628_000.0 * 0.6 / 10_000.0;
    assert_close(li.quantity, q, "requests (78,840 × 10K)");
    let first = rate(&FD_STANDARD_REQUESTS, "Zone 1");
    let above = sheet()
        .rows
        .iter()
        .find(|r| {
            r.meter_name == "Standard Requests"
                && r.arm_region_name == "Zone 1"
                && r.tier_minimum_units == 25_000.0
        })
        .expect("the shipped sheet's second tier")
        .clone();
    assert!(above.retail_price < first);
    let expected = 25_000.0 * first + (q - 25_000.0) * above.retail_price;
    assert_close(
        li.monthly,
        expected,
        "25,000 at the first price, the rest at the second",
    );
    assert_close(
        li.unit_price * li.quantity,
        li.monthly,
        "the average unit price",
    );
    assert!(
        li.formula.contains(&format!(
            "(tiered: 25,000 × $0.009 + 53,840 × $0.0081 from 25,000 (line {}))",
            above.line
        )),
        "{}",
        li.formula
    );
    // Zone 2 is tiered the same way in the shipped sheet (its own prices,
    // from the recorded API page): 52,560 × 10K requests, 25,000 at the
    // first price and the rest at the second.
    let z2 = item(&c, Component::FrontDoorRequests, "Zone 2");
    assert_close(z2.quantity, 52_560.0, "Zone 2 requests");
    let z2_above = sheet()
        .rows
        .iter()
        .find(|r| {
            r.meter_name == "Standard Requests"
                && r.arm_region_name == "Zone 2"
                && r.tier_minimum_units == 25_000.0
        })
        .expect("the shipped sheet's second Zone 2 tier");
    let z2_first = rate(&FD_STANDARD_REQUESTS, "Zone 2");
    assert!(z2_above.retail_price < z2_first);
    assert_close(
        z2.monthly,
        25_000.0 * z2_first + (52_560.0 - 25_000.0) * z2_above.retail_price,
        "Zone 2",
    );
}

#[test]
fn below_its_second_tier_a_tiered_meter_bills_its_first_price() {
    let mut s = round_scenario();
    s.edge.front_door_tier = FrontDoorTier::Standard;
    s.workload.peak_requests_per_s = 100.0;
    let c = price(TierId::SingleRegion, &s);
    let li = item(&c, Component::FrontDoorRequests, "Zone 1");
    assert!(li.quantity < 25_000.0);
    assert_close(
        li.monthly,
        li.quantity * rate(&FD_STANDARD_REQUESTS, "Zone 1"),
        "first price",
    );
    assert!(!li.formula.contains("tiered"), "{}", li.formula);
}

#[test]
fn traffic_manager_bills_queries_and_endpoints_only_for_multi_stamp_tiers() {
    // 10 million queries × price per million + 2 endpoints × monthly health check.
    let mut s = round_scenario();
    s.edge.traffic_manager = true;
    s.edge.dns_queries_millions_per_month = 10.0;
    let single = price(TierId::SingleRegion, &s);
    assert!(single
        .line_items
        .iter()
        .all(|li| li.category != Category::TrafficManager));
    let c = price(TierId::ActiveActiveReads, &s);
    let dns = item(&c, Component::TrafficManagerQueries, "Global");
    assert_close(dns.monthly, 10.0 * rate(&meters::TM_DNS, "Global"), "DNS");
    let ep = item(&c, Component::TrafficManagerEndpoints, "Global");
    assert_close(
        ep.monthly,
        2.0 * rate(&meters::TM_ENDPOINT, "Global"),
        "endpoints",
    );
    // Traffic Manager is its own cost group, and front_door_monthly is
    // Front Door's group alone.
    assert_eq!(dns.category, Category::TrafficManager);
    assert_eq!(ep.category, Category::TrafficManager);
    let group = |cat: Category| {
        c.by_category
            .iter()
            .find(|(k, _)| *k == cat)
            .map(|(_, v)| *v)
            .unwrap()
    };
    assert_close(
        group(Category::TrafficManager),
        dns.monthly + ep.monthly,
        "Traffic Manager group",
    );
    assert_close(
        c.front_door_monthly,
        group(Category::FrontDoor),
        "Front Door only",
    );
    assert!(c
        .line_items
        .iter()
        .filter(|li| li.category == Category::FrontDoor)
        .all(|li| li.price.service_name != "Traffic Manager"));
}

// ---------------------------------------------------------------- compute sizing

#[test]
fn app_service_instances_are_max_of_minimum_and_ceil_of_capacity_over_rps() {
    // Origin peak 1,000 req/s, 250 req/s per instance, minimum 2:
    // single region max(2, ⌈1.0 × 1,000 / 250⌉) = 4;
    // multi-write at p = 0.7: max(2, ⌈700 / 250⌉ = ⌈2.8⌉) = 3 per stamp.
    let s = round_scenario();
    let single = tiers::stamps_for(TierId::SingleRegion, &s);
    assert_eq!(single.len(), 1);
    assert_eq!(single[0].app_service_instances, 4);
    let mw = tiers::stamps_for(TierId::MultiWrite, &s);
    assert_eq!(mw.len(), 2);
    assert!(mw.iter().all(|st| st.app_service_instances == 3));
    // 1,000 req/s per instance: ⌈0.7⌉ = 1, raised to the minimum 2.
    let mut big = s.clone();
    big.compute.app_service.requests_per_s_per_instance = 1000.0;
    assert!(tiers::stamps_for(TierId::MultiWrite, &big)
        .iter()
        .all(|st| st.app_service_instances == 2));
}

#[test]
fn an_exact_multiple_of_instance_capacity_does_not_round_up() {
    // 0.7 × 1,000 / 100 = 7 (7.000000000000001 in floating point) → 7, not 8.
    let mut s = round_scenario();
    s.compute.app_service.requests_per_s_per_instance = 100.0;
    let mw = tiers::stamps_for(TierId::MultiWrite, &s);
    assert!(mw.iter().all(|st| st.app_service_instances == 7), "{mw:?}");
    assert_eq!(
        tiers::stamps_for(TierId::SingleRegion, &s)[0].app_service_instances,
        10
    );
}

#[test]
fn edge_cache_hits_reduce_origin_capacity() {
    // 2,000 req/s peak, 30% cached → origin 1,400; ⌈1,400 / 250⌉ = ⌈5.6⌉ = 6.
    let mut s = round_scenario();
    s.workload.peak_requests_per_s = 2000.0;
    s.workload.edge_cache_hit_ratio = 0.3;
    assert_close(tiers::origin_peak_rps(&s), 1400.0, "origin");
    assert_eq!(
        tiers::stamps_for(TierId::SingleRegion, &s)[0].app_service_instances,
        6
    );
}

#[test]
fn app_service_line_is_instances_times_hours_times_hourly_price() {
    // Single region, fixed scaling: 4 instances × 730 h = 2,920
    // instance-hours × P1v3 Linux price (autoscale: tests/autoscale.rs).
    let mut s = round_scenario();
    s.compute.scaling = ComputeScaling::Fixed;
    let c = price(TierId::SingleRegion, &s);
    let li = item_named(
        &c,
        Component::AppService,
        "App Service P1 v3 (Linux)",
        "westeurope",
    );
    assert_close(li.quantity, 2_920.0, "instance-hours");
    assert_close(
        li.monthly,
        2_920.0 * rate(&app_service_linux(AppServiceSku::P1v3), "westeurope"),
        "cost",
    );
    assert_eq!(c.compute_instances, 4);
}

#[test]
fn aks_prices_nodes_cluster_fee_and_application_gateway() {
    // AKS only, 100 req/s per node, minimum 3, D4s v5, Standard tier, WAF_v2:
    // single region ⌈1,000 / 100⌉ = 10 nodes × 730 h = 7,300 node-hours;
    // cluster fee 730 h; gateway fixed 730 h; capacity units below.
    let mut s = round_scenario();
    s.compute.scaling = ComputeScaling::Fixed;
    s.compute.app_service.enabled = false;
    s.compute.aks.enabled = true;
    s.compute.aks.requests_per_s_per_node = 100.0;
    let c = price(TierId::SingleRegion, &s);
    let nodes = item_named(&c, Component::AksNodes, "AKS nodes D4s v5", "westeurope");
    assert_close(nodes.quantity, 7_300.0, "node-hours");
    assert_close(
        nodes.monthly,
        7_300.0 * rate(&vm(NodeSize::D4sV5), "westeurope"),
        "nodes",
    );
    let fee = item_named(
        &c,
        Component::AksClusterFee,
        "AKS Standard tier cluster fee",
        "westeurope",
    );
    assert_close(
        fee.monthly,
        H * rate(
            &MeterKey {
                service: "Azure Kubernetes Service",
                product: "Azure Kubernetes Service",
                sku: "Standard",
                meter: "Standard Uptime SLA",
            },
            "westeurope",
        ),
        "fee",
    );
    let fixed = item(&c, Component::AppGatewayFixed, "westeurope");
    assert_close(
        fixed.monthly,
        H * rate(&meters::APP_GATEWAY_FIXED, "westeurope"),
        "gateway fixed",
    );
    let cu = item(&c, Component::AppGatewayCapacityUnits, "westeurope");
    // Capacity units hour by hour (average 0.5, 6 h at peak: trough 1/3):
    // peak 1,000 req/s → max(1,000 ÷ 10 = 100 compute units, 1,000
    // connections ÷ 2,500 = 0.4, 80 Mbps ÷ 2.22 = 36.04, 2 instances × 10 =
    // 20) = 100 CU; trough 333.3 req/s → 33.33 CU (compute again). A day:
    // 6 × 100 + 18 × 33.33 = 1,200 CU-hours; a month 730 ÷ 24 × 1,200 =
    // 36,500 CU-hours (throughput alone gave 40 ÷ 2.22 × 730 = 13,153).
    assert_close(cu.quantity, 36_500.0, "CU-hours");
    assert_close(
        cu.monthly,
        36_500.0 * rate(&meters::APP_GATEWAY_CU, "westeurope"),
        "gateway CU",
    );
    // Multi-write at 0.7: ⌈700 / 100⌉ = 7 nodes per stamp.
    let mw = tiers::stamps_for(TierId::MultiWrite, &s);
    assert!(mw
        .iter()
        .all(|st| st.aks_nodes == 7 && st.app_service_instances == 0));
}

#[test]
fn redis_node_count_follows_sku_and_zone_redundancy() {
    // Premium P1 with a third node (second replica): 3 nodes × 730 h;
    // zone-redundant or not, the default primary + replica: 2 nodes;
    // Standard C1: one cache (primary + replica in one price); None: no line.
    let mut s = round_scenario();
    s.platform.redis_third_replica = true;
    let c = price(TierId::SingleRegion, &s);
    let p1 = rate(&meters::REDIS_P1, "westeurope");
    assert_close(
        item_named(&c, Component::Redis, "Redis Premium P1 nodes", "westeurope").monthly,
        3.0 * H * p1,
        "3 nodes",
    );
    s.platform.redis_third_replica = false;
    let c = price(TierId::SingleRegion, &s);
    assert_close(
        item_named(&c, Component::Redis, "Redis Premium P1 nodes", "westeurope").monthly,
        2.0 * H * p1,
        "2 nodes",
    );
    s.platform.redis = RedisSku::StandardC1;
    let c = price(TierId::SingleRegion, &s);
    assert_close(
        item_named(
            &c,
            Component::Redis,
            "Redis Standard C1 cache",
            "westeurope",
        )
        .monthly,
        H * rate(&meters::REDIS_C1, "westeurope"),
        "C1",
    );
    s.platform.redis = RedisSku::None;
    assert!(items(&price(TierId::SingleRegion, &s), Component::Redis).is_empty());
    // One cache per stamp, the warm standby included.
    s.platform.redis = RedisSku::StandardC3;
    let ap = price(TierId::ActivePassive, &s);
    assert_eq!(
        items_named(&ap, Component::Redis, "Redis Standard C3 cache").len(),
        2
    );
}

#[test]
fn azure_managed_redis_bills_two_instances_and_drops_the_retirement_note() {
    // Balanced B5 with high availability: 2 instances × 730 h × $0.186
    // (West Europe, recorded) = 1,460 instance-hours = $271.56 a month, in
    // every stamp; the third-replica switch does not apply. Premium P1 for
    // comparison: 2 nodes × 730 h × $0.277 = $404.42, with the note.
    let mut s = round_scenario();
    s.platform.redis = RedisSku::ManagedBalancedB5;
    s.platform.redis_third_replica = true;
    let c = price(TierId::MultiWrite, &s);
    let name = "Azure Managed Redis Balanced B5 instances (high availability)";
    let b5 = item_named(&c, Component::Redis, name, "westeurope");
    assert_close(b5.quantity, 1_460.0, "instance-hours");
    assert_close(
        rate(&meters::REDIS_MANAGED_B5, "westeurope"),
        0.186,
        "B5 rate",
    );
    assert_close(b5.monthly, 271.56, "B5 monthly");
    assert_close(
        item_named(&c, Component::Redis, name, "southeastasia").monthly,
        2.0 * H * 0.193,
        "B5 in Southeast Asia",
    );
    assert!(!c.notes.iter().any(|n| n.contains("2028")));
    s.platform.redis = RedisSku::PremiumP1;
    s.platform.redis_third_replica = false;
    let p1 = price(TierId::MultiWrite, &s);
    assert_close(
        item_named(
            &p1,
            Component::Redis,
            "Redis Premium P1 nodes",
            "westeurope",
        )
        .monthly,
        404.42,
        "P1 monthly",
    );
    assert!(p1
        .notes
        .iter()
        .any(|n| n.contains("30 September 2028") && n.contains("Azure Managed Redis")));
}

#[test]
fn log_analytics_commitment_tier_bills_each_workspace_per_day_with_overage() {
    // 100 GB/day tier, West Europe $252.84 a day (recorded). Traffic off,
    // floor 150 GB/day: 150 ÷ 100 = 1.5 tiers a day (overage at the tier's
    // price per GB) × 730/24 = 30.4167 days = 45.625 tier-days × $252.84 =
    // $11,535.83; no pay-as-you-go ingestion line and no free allowance.
    // Floor 50 GB/day: the whole tier is billed, 1 × 30.4167 × $252.84 =
    // $7,690.55. Each stamp's workspace pays its own tier.
    let mut s = round_scenario();
    s.platform.log_analytics_tier = planner::engine::scenario::LogAnalyticsTier::Gb100;
    s.platform.log_analytics_gb_per_million_requests = 0.0;
    s.platform.log_analytics_gb_per_day = 150.0;
    let c = price(TierId::MultiWrite, &s);
    let meter = meters::log_analytics_commitment(s.platform.log_analytics_tier).unwrap();
    assert_close(rate(meter, "westeurope"), 252.84, "tier price");
    let t = item(&c, Component::LogAnalyticsCommitment, "westeurope");
    assert_close(t.quantity, 45.625, "tier-days");
    assert_close(t.monthly, 11_535.825, "overage month");
    assert_eq!(items(&c, Component::LogAnalyticsCommitment).len(), 2);
    assert!(items(&c, Component::LogAnalyticsIngestion).is_empty());
    s.platform.log_analytics_gb_per_day = 50.0;
    let c = price(TierId::MultiWrite, &s);
    let t = item(&c, Component::LogAnalyticsCommitment, "westeurope");
    assert_close(t.quantity, 730.0 / 24.0, "tier-days under");
    assert_close(t.monthly, 7_690.55, "under the tier");
    // Pay-as-you-go at 50 GB/day: 1,520.83 GB − 5 GB free = 1,515.83 GB ×
    // $2.99 = $4,532.35: the tier only pays from about 85 GB/day.
    s.platform.log_analytics_tier = planner::engine::scenario::LogAnalyticsTier::PayAsYouGo;
    let c = price(TierId::MultiWrite, &s);
    assert_close(
        item(&c, Component::LogAnalyticsIngestion, "westeurope").monthly,
        (50.0 * 730.0 / 24.0 - 5.0) * 2.99,
        "pay-as-you-go",
    );
}

#[test]
fn platform_services_are_priced_per_stamp() {
    // Key Vault: 5 million ops ÷ 10,000 = 500 units; Log Analytics (traffic
    // off, free allowance off) 5 GB/day × 730/24 days; App Configuration
    // store in the first region (730/24 days × daily price) and a replica in
    // every other. (Log Analytics from traffic: tests/autoscale.rs.)
    let mut s = round_scenario();
    s.platform.log_analytics_gb_per_day = 5.0;
    s.platform.log_analytics_gb_per_million_requests = 0.0;
    s.platform.log_analytics_free_gb_per_month = 0.0;
    let c = price(TierId::MultiWrite, &s);
    for region in ["westeurope", "southeastasia"] {
        let kv = item(&c, Component::KeyVault, region);
        assert_close(kv.quantity, 500.0, "KV units");
        assert_close(
            kv.monthly,
            500.0 * rate(&meters::KEY_VAULT_OPS, region),
            "KV",
        );
        let la = item(&c, Component::LogAnalyticsIngestion, region);
        assert_close(la.quantity, 5.0 * H / 24.0, "LA GB");
        assert_close(
            la.monthly,
            5.0 * H / 24.0 * rate(&meters::LOG_ANALYTICS, region),
            "LA",
        );
    }
    assert_close(
        item(&c, Component::AppConfigurationStore, "westeurope").monthly,
        H / 24.0 * rate(&meters::APP_CONFIG_STORE, "westeurope"),
        "store",
    );
    assert_close(
        item(&c, Component::AppConfigurationReplica, "southeastasia").monthly,
        H / 24.0 * rate(&meters::APP_CONFIG_REPLICA, "southeastasia"),
        "replica",
    );
    assert!(items(&c, Component::AppConfigurationReplica)
        .iter()
        .all(|li| li.region() != "westeurope"));
}

// ---------------------------------------------------------------- compute multiple

#[test]
fn multi_write_with_two_stamps_at_70_percent_is_exactly_1_4x() {
    let s = round_scenario();
    assert_eq!(s.compute.stamp_capacity_fraction, 0.7);
    assert_eq!(price(TierId::MultiWrite, &s).compute_multiple, 1.4);
    assert_eq!(price(TierId::ActiveActiveReads, &s).compute_multiple, 1.4);
    assert_eq!(price(TierId::SingleRegion, &s).compute_multiple, 1.0);
}

#[test]
fn active_passive_compute_multiple_is_one_plus_the_standby() {
    // Standby at the minimum 2 instances × 100 req/s = 200 of 1,000 origin
    // req/s = 0.2 → 1.2×.
    let mut s = round_scenario();
    s.compute.app_service.requests_per_s_per_instance = 100.0;
    let ap = price(TierId::ActivePassive, &s);
    assert_close(ap.compute_multiple, 1.2, "1 + 0.2");
    assert_eq!(ap.stamps[1].role, StampRole::Standby);
    assert_eq!(ap.stamps[1].app_service_instances, 2);
    assert_eq!(ap.stamps[1].steady_share, 0.0);
    // An explicit warm standby of 5 instances: 500 / 1,000 → 1.5×.
    s.compute.warm_standby_instances = 5;
    let ap = price(TierId::ActivePassive, &s);
    assert_eq!(ap.stamps[1].app_service_instances, 5);
    assert_close(ap.compute_multiple, 1.5, "1 + 0.5");
    // A standby that could carry everything counts as 1.0, not more: 2.0×.
    s.compute.warm_standby_instances = 50;
    assert_close(
        price(TierId::ActivePassive, &s).compute_multiple,
        2.0,
        "capped",
    );
}

// ---------------------------------------------------------------- SQL ledger

#[test]
fn sql_failover_secondary_is_billed_as_a_full_database() {
    // General Purpose, 4 vCores, zone-redundant, 100 GB: per database
    // 4 × 730 = 2,920 vCore-hours × (compute + licence + zone surcharge)
    // + 100 GB × zone-redundant storage price. The licence is a global
    // meter (region Global); the zone-redundancy vCore meter is added on
    // top of compute, as the API bills it. (Defender for Azure SQL, in the
    // same cost group, is worked in tests/missing_lines.rs: off here.)
    let mut s = round_scenario();
    s.platform.defender.sql = false;
    s.data.sql.enabled = true;
    s.data.sql.vcores = 4;
    s.data.sql.storage_gb = 100.0;
    let single = price(TierId::SingleRegion, &s);
    let per_db = |region: &str| {
        2_920.0
            * (rate(&meters::SQL_GP_COMPUTE, region)
                + rate(&meters::SQL_GP_LICENSE, "Global")
                + rate(&meters::SQL_GP_ZONE, region))
            + 100.0 * rate(&meters::SQL_GP_ZONE_STORAGE, region)
    };
    assert_close(
        category_sum(&single, Category::Sql),
        per_db("westeurope"),
        "primary only",
    );
    for tier in [
        TierId::ActivePassive,
        TierId::ActiveActiveReads,
        TierId::MultiWrite,
    ] {
        let c = price(tier, &s);
        assert_close(
            category_sum(&c, Category::Sql),
            per_db("westeurope") + per_db("southeastasia"),
            tier.id(),
        );
    }
}

#[test]
fn a_standby_replica_secondary_pays_no_licence() {
    // Same ledger as above with the secondary designated standby: the
    // secondary drops only its licence, 2,920 vCore-hours × the Global
    // licence price; the primary still pays it.
    let mut s = round_scenario();
    s.data.sql.enabled = true;
    s.data.sql.vcores = 4;
    s.data.sql.storage_gb = 100.0;
    let full = price(TierId::ActivePassive, &s);
    s.data.sql.standby_replica = true;
    let standby = price(TierId::ActivePassive, &s);
    let licence = 2_920.0 * rate(&meters::SQL_GP_LICENSE, "Global");
    assert_close(
        category_sum(&full, Category::Sql) - category_sum(&standby, Category::Sql),
        licence,
        "the saving is the secondary's licence",
    );
    assert_eq!(
        items_named(
            &standby,
            Component::SqlLicence,
            "SQL General Purpose licence"
        )
        .len(),
        1,
        "the primary keeps its licence"
    );
    // The single-region tier has no secondary: nothing changes.
    s.data.sql.standby_replica = false;
    let single_full = category_sum(&price(TierId::SingleRegion, &s), Category::Sql);
    s.data.sql.standby_replica = true;
    assert_close(
        category_sum(&price(TierId::SingleRegion, &s), Category::Sql),
        single_full,
        "single region",
    );
}

#[test]
fn business_critical_has_no_zone_surcharge_line() {
    let mut s = round_scenario();
    s.platform.defender.sql = false;
    s.data.sql.enabled = true;
    s.data.sql.tier = SqlTier::BusinessCritical;
    s.data.sql.vcores = 8;
    s.data.sql.storage_gb = 50.0;
    let c = price(TierId::SingleRegion, &s);
    assert!(items_named(
        &c,
        Component::SqlZoneRedundancy,
        "SQL Business Critical zone redundancy"
    )
    .is_empty());
    // 8 × 730 = 5,840 vCore-hours × (compute + licence) + 50 GB × storage.
    let expected = 5_840.0
        * (rate(&meters::SQL_BC_COMPUTE, "westeurope") + rate(&meters::SQL_BC_LICENSE, "Global"))
        + 50.0 * rate(&meters::SQL_BC_STORAGE, "westeurope");
    assert_close(category_sum(&c, Category::Sql), expected, "BC");
}

// ---------------------------------------------------------------- commercial terms

#[test]
fn discount_takes_the_same_percentage_off_every_line() {
    // 20% off: every line's monthly cost × 0.8, so the total × 0.8.
    let base = round_scenario();
    let mut disc = base.clone();
    disc.commercial.discount_pct = 20.0;
    for tier in TierId::ALL {
        let a = price(tier, &base);
        let b = price(tier, &disc);
        assert_eq!(a.line_items.len(), b.line_items.len());
        for (x, y) in a.lines().iter().zip(&b.lines()) {
            assert_eq!(x.component, y.component);
            assert_eq!(x.unit_price, y.unit_price, "unit price is before discount");
            assert_close(y.monthly, 0.8 * x.monthly, x.component);
        }
        assert_close(b.monthly, 0.8 * a.monthly, tier.id());
    }
}

#[test]
fn a_reservation_turns_the_term_price_into_an_hourly_rate() {
    // 1 year: unit price = whole-term price ÷ 8,760 h; 3 years: ÷ 26,280 h.
    let key = app_service_linux(AppServiceSku::P1v3);
    for (term, hours) in [
        (ReservationTerm::OneYear, HOURS_PER_YEAR),
        (ReservationTerm::ThreeYears, 3.0 * HOURS_PER_YEAR),
    ] {
        let mut s = provisioned(round_scenario());
        // Fixed scaling: the floor is the peak, all of it reserved.
        s.compute.scaling = ComputeScaling::Fixed;
        s.commercial.reservation = term;
        let c = price(TierId::SingleRegion, &s);
        let term_price = sheet()
            .lookup(&key, "westeurope", term)
            .unwrap()
            .retail_price;
        let li = item_named(&c, Component::AppService, "App Service P1 v3", "westeurope");
        assert_close(li.unit_price, term_price / hours, "hourly rate");
        assert_close(li.monthly, 2_920.0 * term_price / hours, "4 × 730 h");
        assert!(
            li.unit_price < rate(&key, "westeurope"),
            "cheaper than PAYG"
        );
        // Manual Cosmos throughput is reserved too: 2,500 RU/s ÷ 100 × 730 ×
        // 1.25 = 22,812.5 (100 RU/s)-hours × term price ÷ hours.
        let cosmos_term = sheet()
            .lookup(&meters::COSMOS_RU, "westeurope", term)
            .unwrap()
            .retail_price;
        assert_close(
            item_named(
                &c,
                Component::CosmosThroughput,
                "Cosmos DB RU/s (manual)",
                "westeurope",
            )
            .monthly,
            22_812.5 * cosmos_term / hours,
            "cosmos reserved",
        );
    }
}

#[test]
fn autoscale_bills_the_survivors_need_while_a_region_is_lost() {
    // As above, with 0.5 outages a year × 4 h: each of 2 regions lost 1/6 h
    // a month, 1/3 h in all. Meanwhile the busiest survivor needs 2,495 RU/s:
    // a day 6 × 2,495 + 18 × 831.67 = 29,940 against 20,340, so 1/3 ×
    // (29,940 − 20,340) ÷ 24 = 133.33 RU/s-hours more: (847.5 × 730 +
    // 133.33) ÷ 100 = 6,188.08 (100 RU/s)-hours per region.
    let s = round_scenario();
    let aar = price(TierId::ActiveActiveReads, &s);
    let li = item_named(
        &aar,
        Component::CosmosThroughput,
        "Cosmos DB autoscale RU/s",
        "westeurope",
    );
    assert_close(
        li.quantity,
        (847.5 * 730.0 + 400.0 / 3.0) / 100.0,
        "with failover",
    );
}

#[test]
fn a_reservation_covers_the_autoscale_floor_at_one_and_a_half_times() {
    // Floor 565 RU/s (the trough hour); 1-year term. Single write: autoscale
    // consumes reserved capacity at 1.5×: 565 ÷ 100 × 730 × 1.5 = 6,186.75
    // reserved (100 RU/s)-hours of the manual meter, and (847.5 − 565) ÷ 100
    // × 730 = 2,062.25 at the autoscale rate. Multi-write: 1 : 1 of the
    // multi-master meter, 565 ÷ 100 × 730 = 4,124.5.
    let mut s = round_scenario();
    s.risk.regional_outages_per_year = 0.0;
    s.commercial.reservation = ReservationTerm::OneYear;
    let c = price(TierId::ActiveActiveReads, &s);
    let floor = item_named(
        &c,
        Component::CosmosThroughput,
        "Cosmos DB autoscale RU/s, reserved floor",
        "westeurope",
    );
    assert_close(floor.quantity, 6_186.75, "reserved at 1.5×");
    let term = sheet()
        .lookup(&meters::COSMOS_RU, "westeurope", ReservationTerm::OneYear)
        .unwrap()
        .retail_price;
    assert_close(floor.monthly, 6_186.75 * term / 8_760.0, "reserved cost");
    let rest = item_named(
        &c,
        Component::CosmosThroughput,
        "Cosmos DB autoscale RU/s, pay-as-you-go",
        "westeurope",
    );
    assert_close(rest.quantity, 2_062.25, "above the floor");
    assert_close(
        rest.monthly,
        2_062.25 * rate(&meters::COSMOS_AUTOSCALE_RU, "westeurope"),
        "autoscale rate",
    );
    let mw = price(TierId::MultiWrite, &s);
    let floor = item_named(
        &mw,
        Component::CosmosThroughput,
        "Cosmos DB autoscale multi-region-write RU/s, reserved floor",
        "westeurope",
    );
    assert_close(floor.quantity, 4_124.5, "1 : 1 multi-write");
    assert_eq!(floor.price.meter_name, "100 Multi-master RU/s");
}

#[test]
fn discount_applies_on_top_of_a_reservation() {
    // 10% off the hourly reserved rate.
    let key = app_service_linux(AppServiceSku::P1v3);
    let mut s = round_scenario();
    s.compute.scaling = ComputeScaling::Fixed;
    s.commercial.reservation = ReservationTerm::OneYear;
    s.commercial.discount_pct = 10.0;
    let c = price(TierId::SingleRegion, &s);
    let term_price = sheet()
        .lookup(&key, "westeurope", ReservationTerm::OneYear)
        .unwrap()
        .retail_price;
    assert_close(
        item_named(&c, Component::AppService, "App Service P1 v3", "westeurope").monthly,
        2_920.0 * term_price / 8760.0 * 0.9,
        "reserved and discounted",
    );
}

// ---------------------------------------------------------------- totals

#[test]
fn totals_are_the_sum_of_line_items_and_annual_is_twelve_months() {
    let s = round_scenario();
    for tier in TierId::ALL {
        let c = price(tier, &s);
        let sum: f64 = c.line_items.iter().map(|li| li.monthly).sum();
        assert_close(c.monthly, sum, tier.id());
        assert_close(c.annual, 12.0 * c.monthly, tier.id());
        let by_cat: f64 = c.by_category.iter().map(|(_, v)| v).sum();
        assert_close(by_cat, sum, "categories");
        for li in c.lines() {
            // Every line is quantity × unit price (no discount here).
            assert_close(li.monthly, li.quantity * li.unit_price, li.component);
        }
    }
}

#[test]
fn cost_ratio_is_monthly_cost_over_single_region() {
    let s = round_scenario();
    let plan = evaluate(&s);
    let base = plan.tier(TierId::SingleRegion).unwrap().cost.monthly;
    assert_eq!(plan.tier(TierId::SingleRegion).unwrap().cost_ratio, 1.0);
    for t in &plan.tiers {
        assert_close(t.cost_ratio, t.cost.monthly / base, t.cost.tier.id());
    }
}

#[test]
fn every_line_names_the_price_sheet_row_it_came_from() {
    let s = round_scenario();
    let c = price(TierId::MultiWrite, &s);
    for li in c.lines() {
        assert!(li.price.line >= 2, "{}", li.component);
        let row = &sheet().rows[sheet()
            .rows
            .iter()
            .position(|r| r.line == li.price.line)
            .unwrap()];
        assert_eq!(row.retail_price, li.price.retail_price);
        assert!(li.formula.contains('='), "{}", li.formula);
    }
}

#[test]
fn strong_consistency_across_more_than_8000_km_is_said_to_be_blocked() {
    // West Europe (Amsterdam) to Southeast Asia (Singapore) is about
    // 10,500 km: beyond Microsoft's 8,000 km default limit for Strong.
    let mut s = round_scenario();
    s.data.consistency = Consistency::Strong;
    let c = price(TierId::ActivePassive, &s);
    let note = c
        .notes
        .iter()
        .find(|n| n.contains("blocked by default"))
        .expect("a note on the 8,000 km limit");
    assert!(note.contains("westeurope and southeastasia"), "{note}");
    assert!(note.contains("8,000 km"), "{note}");
    // Session consistency, or Strong within one continent, says nothing.
    s.data.consistency = Consistency::Session;
    assert!(!price(TierId::ActivePassive, &s)
        .notes
        .iter()
        .any(|n| n.contains("blocked by default")));
    s.data.consistency = Consistency::Strong;
    s.regions[1].region = "northeurope".into();
    assert!(!price(TierId::ActivePassive, &s)
        .notes
        .iter()
        .any(|n| n.contains("blocked by default")));
}
