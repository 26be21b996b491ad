//! Recovery work of issue 17 and the backup part of issue 13 §3, checked by
//! hand: Cosmos DB backup line items and the data a restore loses, the
//! failure-mode matrix, availability with failover time, and drills.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::backup;
use planner::engine::costs::Category;
use planner::engine::meters;
use planner::engine::scenario::{BackupMode, BackupRedundancy, Scenario};
use planner::engine::tiers::TierId;

// ------------------------------------------------------------------ backup

#[test]
fn default_periodic_backup_is_free_and_adds_no_line() {
    // 4 h interval, 8 h retention: 8 ÷ 4 = 2 copies, both free.
    let s = round_scenario();
    assert_eq!(backup::periodic_copies(&s), 2.0);
    for tier in TierId::ALL {
        let cost = price(tier, &s);
        assert!(
            items(&cost, Component::CosmosPeriodicBackup).is_empty()
                && items(&cost, Component::CosmosContinuousBackup).is_empty(),
            "{}: default backup must cost nothing",
            tier.id()
        );
    }
}

#[test]
fn periodic_extra_copies_follow_microsofts_example() {
    // Microsoft's example: retention 240 h, interval 24 h = 10 copies, 8
    // billed. 1,000 GB in West Europe at the RA-GRS backup rate:
    // 8 × 1,000 GB × rate.
    let mut s = round_scenario();
    s.resilience.backup_interval_min = 24.0 * 60.0;
    s.data.backup.retention_hours = 240.0;
    s.workload.stored_gb = 1000.0;
    assert_eq!(backup::periodic_copies(&s), 10.0);
    let rate_grs = rate(&meters::COSMOS_PERIODIC_BACKUP_GRS, "westeurope");
    for tier in [TierId::SingleRegion, TierId::MultiWrite] {
        let cost = price(tier, &s);
        let lines = items(&cost, Component::CosmosPeriodicBackup);
        // Backups are taken only in the write region: one line.
        assert_eq!(lines.len(), 1, "{}", tier.id());
        let li = lines[0];
        assert_eq!(li.region(), "westeurope");
        assert_eq!(li.category, Category::CosmosStorage);
        assert_close(li.quantity, 8000.0, "8 extra copies × 1,000 GB");
        assert_close(li.monthly, 8000.0 * rate_grs, "monthly");
        assert!(li.formula.contains("10 copies − 2 free"), "{}", li.formula);
    }
    // A zone-redundant backup store bills at its own meter.
    s.data.backup.redundancy = BackupRedundancy::Zone;
    let cost = price(TierId::SingleRegion, &s);
    let li = item(&cost, Component::CosmosPeriodicBackup, "westeurope");
    assert_close(
        li.monthly,
        8000.0 * rate(&meters::COSMOS_PERIODIC_BACKUP_ZRS, "westeurope"),
        "ZRS",
    );
    // 9 h retention at 4 h: ⌈2.25⌉ = 3 copies, 1 billed.
    s.resilience.backup_interval_min = 240.0;
    s.data.backup.retention_hours = 9.0;
    assert_eq!(backup::billed_periodic_copies(&s), 1.0);
}

#[test]
fn continuous_30_day_is_billed_per_gb_in_every_region_and_7_day_is_free() {
    // Microsoft: "$0.20/GB * Data size in GB in account * Number of regions".
    let mut s = round_scenario();
    s.workload.stored_gb = 1000.0;
    s.data.backup.mode = BackupMode::Continuous30Day;
    let cost = price(TierId::MultiWrite, &s);
    let lines = items_named(
        &cost,
        Component::CosmosContinuousBackup,
        "Cosmos DB continuous backup (30 days)",
    );
    assert_eq!(lines.len(), 2);
    let expected: f64 = ["westeurope", "southeastasia"]
        .iter()
        .map(|r| 1000.0 * rate(&meters::COSMOS_CONTINUOUS_30D, r))
        .sum();
    let got: f64 = lines.iter().map(|l| l.monthly).sum();
    assert_close(got, expected, "1,000 GB × rate, per region");
    // East US rate is the recorded API answer, $0.20: Microsoft's example.
    assert_close(
        rate(&meters::COSMOS_CONTINUOUS_30D, "eastus"),
        0.2,
        "eastus",
    );
    let single = price(TierId::SingleRegion, &s);
    assert_eq!(items(&single, Component::CosmosContinuousBackup).len(), 1);

    s.data.backup.mode = BackupMode::Continuous7Day;
    let cost = price(TierId::MultiWrite, &s);
    assert!(items(&cost, Component::CosmosContinuousBackup).is_empty());
    assert!(items(&cost, Component::CosmosPeriodicBackup).is_empty());
}

#[test]
fn the_backup_mode_sets_the_data_a_restore_loses() {
    let mut s = Scenario::default();
    // Periodic every 4 h: up to 4 h (14,400 s), 2 h on average.
    let loss = backup::restore_loss(&s);
    assert_close(loss.guaranteed_s, 14_400.0, "periodic bound");
    assert_close(loss.expected_s, 7_200.0, "periodic typical");
    assert!(backup::restore_loss_how(&s).contains("periodic-backup-restore-introduction"));
    s.resilience.backup_interval_min = 60.0;
    assert_close(backup::restore_loss(&s).guaranteed_s, 3_600.0, "1 h");
    // Continuous: back to the second; backups lag by at most 100 s.
    s.data.backup.mode = BackupMode::Continuous7Day;
    let loss = backup::restore_loss(&s);
    assert_close(loss.expected_s, 1.0, "continuous typical");
    assert_close(loss.guaranteed_s, 100.0, "continuous bound");
    assert!(backup::restore_loss_how(&s).contains("within 100 seconds"));
}

#[test]
fn old_scenarios_open_on_free_periodic_backup() {
    // A scenario file from before `data.backup` existed.
    let s: Scenario = serde_json::from_str(r#"{"data": {"cosmos_mode": "autoscale"}}"#).unwrap();
    assert_eq!(s.data.backup.mode, BackupMode::Periodic);
    assert_eq!(s.data.backup.redundancy, BackupRedundancy::Geo);
    assert_eq!(backup::billed_periodic_copies(&s), 0.0);
}

#[test]
fn retention_beyond_720_hours_is_refused_in_hours() {
    let mut s = Scenario::default();
    s.data.backup.retention_hours = 1000.0;
    let errors = planner::engine::validate::validate(&s, regions());
    let e = errors
        .iter()
        .find(|e| e.field == "data.backup.retention_hours")
        .expect("refused");
    assert!(e.message.contains("720 hours"), "{}", e.message);
}

// ----------------------------------------------------------- failure modes

use planner::engine::failure_modes::{self, FailureMode, FailureModeRow};
use planner::engine::scenario::Basis;

fn fm(s: &Scenario, tier: TierId, mode: FailureMode) -> FailureModeRow {
    let plan = evaluate(s);
    plan.tier(tier)
        .unwrap()
        .failure_modes
        .iter()
        .find(|r| r.mode == mode)
        .cloned()
        .unwrap()
}

#[test]
fn every_tier_has_every_failure_mode_in_order() {
    let plan = evaluate(&round_scenario());
    for t in &plan.tiers {
        let modes: Vec<FailureMode> = t.failure_modes.iter().map(|r| r.mode).collect();
        assert_eq!(modes, FailureMode::ALL.to_vec(), "{}", t.cost.tier.id());
    }
}

#[test]
fn zone_loss_by_hand() {
    let mut s = round_scenario();
    // Zone-redundant Cosmos DB: "No data loss" / "No availability loss".
    let r = fm(&s, TierId::SingleRegion, FailureMode::ZoneLoss);
    assert_eq!(
        (r.rto_expected_s, r.rpo_expected_s, r.users_affected),
        (0.0, 0.0, 0.0)
    );
    // The only stamp keeps two thirds of its instances.
    assert_close(
        r.capacity_left.unwrap(),
        2.0 / 3.0,
        "single region capacity",
    );
    // Multi-write, 60/40 users, stamps at 0.7: the hit stamp serves
    // min(0.7 × 2/3, 0.6) = 0.4667, the other min(0.7, 0.4) = 0.4: 0.8667.
    let r = fm(&s, TierId::MultiWrite, FailureMode::ZoneLoss);
    assert_close(
        r.capacity_left.unwrap(),
        0.7 * 2.0 / 3.0 + 0.4,
        "multi-write capacity",
    );
    // One region without zones: Microsoft's table gives data and
    // availability loss: down for the typical outage (4 h), bound 240 min.
    s.data.cosmos_zone_redundant = false;
    let r = fm(&s, TierId::SingleRegion, FailureMode::ZoneLoss);
    assert_close(r.rto_expected_s, 4.0 * 3600.0, "down for the outage");
    assert_close(r.rpo_guaranteed_s, 14_400.0, "240 min bound");
    assert_eq!(r.users_affected, 1.0);
    // More than one region: no loss even without zones.
    let r = fm(&s, TierId::ActiveActiveReads, FailureMode::ZoneLoss);
    assert_eq!(r.rto_expected_s, 0.0);
}

#[test]
fn region_loss_is_the_tiers_recovery_figures() {
    let s = round_scenario();
    let plan = evaluate(&s);
    for t in &plan.tiers {
        let r = t
            .failure_modes
            .iter()
            .find(|r| r.mode == FailureMode::RegionLoss)
            .unwrap();
        assert_eq!(r.rto_expected_s, t.resilience.rto_s, "{}", t.cost.tier.id());
        assert_eq!(r.rto_guaranteed_s, t.resilience.guaranteed.rto_s);
        assert_eq!(r.rpo_expected_s, t.resilience.rpo_s);
        assert_eq!(r.rpo_guaranteed_s, t.resilience.guaranteed.rpo_s);
    }
    // Multi-write: the West Europe stamp's 60 % lose service; the survivor
    // at 0.7 of peak carries 70 %; mitigation = its cost over single region.
    let mw = plan.tier(TierId::MultiWrite).unwrap();
    let r = &mw.failure_modes[1];
    assert_eq!(r.users_affected, 0.6);
    assert_close(r.capacity_left.unwrap(), 0.7, "survivor");
    let single = plan.tier(TierId::SingleRegion).unwrap().cost.monthly;
    assert_close(
        r.mitigation_monthly.unwrap(),
        mw.cost.monthly - single,
        "premium over single region",
    );
    assert_eq!(
        plan.tier(TierId::SingleRegion).unwrap().failure_modes[1].capacity_left,
        Some(0.0)
    );
}

#[test]
fn cosmos_regional_outage_by_hand() {
    // Front Door detection = 30 s × (2 − ½) + 5 s = 50 s.
    let s = round_scenario();
    let r = fm(&s, TierId::MultiWrite, FailureMode::CosmosRegionalOutage);
    assert_close(r.rto_expected_s, 50.0, "drained in 50 s");
    assert_close(r.rto_guaranteed_s, 50.0, "no write failover");
    // Single writer: writes wait for the 900 s failover; bound 1 h.
    let r = fm(
        &s,
        TierId::ActiveActiveReads,
        FailureMode::CosmosRegionalOutage,
    );
    assert_close(r.rto_expected_s, 900.0, "service-managed failover");
    assert_close(r.rto_guaranteed_s, 3600.0, "up to 1 hour (or more)");
    // One region: nowhere to go; data returns with the region (bound 240 min).
    let r = fm(&s, TierId::SingleRegion, FailureMode::CosmosRegionalOutage);
    assert_close(r.rto_expected_s, 14_400.0, "typical 4 h outage");
    assert_eq!(r.rpo_expected_s, 0.0);
    assert_close(r.rpo_guaranteed_s, 14_400.0, "bound");
}

#[test]
fn front_door_global_incident_by_hand() {
    let mut s = round_scenario();
    // No Traffic Manager: down for the typical 4 h outage; enabling it would
    // cost its DNS queries and health checks.
    let r = fm(&s, TierId::MultiWrite, FailureMode::FrontDoorGlobal);
    assert_close(r.rto_expected_s, 14_400.0, "down until Front Door recovers");
    assert_eq!(r.capacity_left, Some(0.0));
    let tm = s.edge.dns_queries_millions_per_month * rate(&meters::TM_DNS, "Global")
        + 2.0 * rate(&meters::TM_ENDPOINT, "Global");
    assert_close(r.mitigation_monthly.unwrap(), tm, "Traffic Manager cost");
    // With Traffic Manager: 30 s × 3 tolerated failures + 60 s TTL = 150 s;
    // half the requests came from the edge cache, so 1.4 × (1 − 0.5) = 0.7.
    s.edge.traffic_manager = true;
    s.workload.edge_cache_hit_ratio = 0.5;
    let r = fm(&s, TierId::MultiWrite, FailureMode::FrontDoorGlobal);
    assert_close(r.rto_expected_s, 150.0, "Traffic Manager failover");
    assert_close(r.capacity_left.unwrap(), 0.7, "no edge cache");
    assert_close(r.mitigation_monthly.unwrap(), tm, "its own lines");
    // One stamp: Traffic Manager is not priced for single region.
    let r = fm(&s, TierId::SingleRegion, FailureMode::FrontDoorGlobal);
    assert_close(r.rto_expected_s, 14_400.0, "single region");
}

#[test]
fn bad_deployment_by_hand() {
    let mut s = round_scenario();
    let r = fm(&s, TierId::MultiWrite, FailureMode::BadDeployment);
    assert_close(r.rto_expected_s, 900.0, "15 min rollback");
    assert_eq!((r.users_affected, r.capacity_left), (1.0, Some(0.0)));
    assert_eq!(r.mitigation_monthly, Some(0.0), "slots are free");
    // Rings: the first stamp's 60 % only; the other carries 0.7 of peak.
    s.resilience.deployment_rings = true;
    let r = fm(&s, TierId::MultiWrite, FailureMode::BadDeployment);
    assert_eq!(r.users_affected, 0.6);
    assert_close(r.capacity_left.unwrap(), 0.7, "other ring");
    // Active-passive has one serving stamp: rings do not help.
    let r = fm(&s, TierId::ActivePassive, FailureMode::BadDeployment);
    assert_eq!(r.users_affected, 1.0);
}

#[test]
fn data_corruption_restores_from_the_chosen_backup() {
    let mut s = round_scenario();
    for tier in TierId::ALL {
        // Periodic every 4 h: 2 h typical, 4 h bound; a 4 h restore.
        let r = fm(&s, tier, FailureMode::DataCorruption);
        assert_close(r.rpo_expected_s, 7_200.0, "half an interval");
        assert_close(r.rpo_guaranteed_s, 14_400.0, "an interval");
        assert_close(r.rto_expected_s, 4.0 * 3600.0, "restore time");
        assert_eq!(r.capacity_left, None);
        assert_eq!(r.mitigation_monthly, Some(0.0), "two copies free");
    }
    // Continuous 30 days: 1 s / 100 s; storage per region a month, and each
    // restore 100 GB × the restore rate.
    s.data.backup.mode = BackupMode::Continuous30Day;
    let r = fm(&s, TierId::MultiWrite, FailureMode::DataCorruption);
    assert_close(r.rpo_expected_s, 1.0, "to the second");
    assert_close(r.rpo_guaranteed_s, 100.0, "within 100 seconds");
    let monthly = 100.0
        * (rate(&meters::COSMOS_CONTINUOUS_30D, "westeurope")
            + rate(&meters::COSMOS_CONTINUOUS_30D, "southeastasia"));
    assert_close(r.mitigation_monthly.unwrap(), monthly, "30-day storage");
    assert_close(
        r.mitigation_per_use.unwrap(),
        100.0 * rate(&meters::COSMOS_CONTINUOUS_RESTORE, "westeurope"),
        "restore charge",
    );
}

#[test]
fn failure_modes_follow_the_basis() {
    let mut s = round_scenario();
    let r = fm(
        &s,
        TierId::ActiveActiveReads,
        FailureMode::CosmosRegionalOutage,
    );
    assert_eq!(r.rto_s, r.rto_expected_s);
    s.targets.basis = Basis::Guaranteed;
    let r = fm(
        &s,
        TierId::ActiveActiveReads,
        FailureMode::CosmosRegionalOutage,
    );
    assert_close(r.rto_s, 3600.0, "guaranteed basis");
    assert_close(r.rpo_s, 900.0, "Cosmos DB < 15 minutes");
}

#[test]
fn failure_modes_are_in_the_json_and_the_working_cites_its_pages() {
    let s = round_scenario();
    let plan = evaluate(&s);
    let report = planner::engine::report::plan_report(&s, &plan, &[], Vec::new(), Vec::new());
    let json = serde_json::to_value(&report).unwrap();
    let rows = json["tiers"][3]["failure_modes"].as_array().unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0]["mode"], "zone_loss");
    assert_eq!(rows[5]["mode"], "data_corruption");
    assert!(rows[1]["rto_guaranteed_s"].as_f64().is_some());
    let text: String = rows.iter().map(|r| r["how"].as_str().unwrap()).collect();
    for url in [
        failure_modes::COSMOS_HA_URL,
        failure_modes::SLOTS_URL,
        backup::PERIODIC_URL,
    ] {
        assert!(text.contains(url), "{url} cited");
    }
}

// ------------------------------------------- availability with failover time

#[test]
fn zone_losses_count_only_where_they_stop_users() {
    let mut s = round_scenario();
    let plan = evaluate(&s);
    for t in &plan.tiers {
        assert_eq!(
            t.resilience.zonal_failover_downtime_min_per_year,
            0.0,
            "{}",
            t.cost.tier.id()
        );
    }
    // One region without Cosmos DB zones: 1 zone loss a year × 1 region ×
    // everyone × 4 h = 240 min a year on top of the regional figure.
    s.data.cosmos_zone_redundant = false;
    s.risk.zonal_outages_per_year = 1.0;
    let plan = evaluate(&s);
    let single = &plan.tier(TierId::SingleRegion).unwrap().resilience;
    assert_close(
        single.zonal_failover_downtime_min_per_year,
        240.0,
        "zonal minutes",
    );
    // Regional: 0.5 a year × everyone × 6 h rebuild = 180 min.
    assert_close(
        single.failover_downtime_min_per_year,
        180.0 + 240.0,
        "total",
    );
    assert_close(
        single.availability_with_failover,
        single.availability - 420.0 / 525_600.0,
        "availability with failover",
    );
    s.risk.zonal_outages_per_year = 2.0;
    let plan = evaluate(&s);
    assert_close(
        plan.tier(TierId::SingleRegion)
            .unwrap()
            .resilience
            .zonal_failover_downtime_min_per_year,
        480.0,
        "twice as often",
    );
}

#[test]
fn aks_free_tier_has_no_sla_and_misses_any_guaranteed_availability_target() {
    let mut s = round_scenario();
    s.compute.aks.enabled = true;
    s.compute.aks.tier = planner::engine::scenario::AksTier::Free;
    s.targets.availability_pct = 90.0;
    // Expected basis: the 99.5% objective stands in and meets 90%.
    let plan = evaluate(&s);
    let t = plan.tier(TierId::MultiWrite).unwrap();
    assert!(!t.failed_targets.iter().any(|f| f.target == "availability"));
    assert!(t
        .resilience
        .notes
        .iter()
        .any(|n| n.contains("AKS Free tier has no SLA")));
    // Guaranteed basis: nothing is backed.
    s.targets.basis = Basis::Guaranteed;
    let plan = evaluate(&s);
    let t = plan.tier(TierId::MultiWrite).unwrap();
    let f = planner::engine::verdicts::for_tier(&s, &plan, t)
        .into_iter()
        .find(|f| f.target == "availability")
        .expect("no SLA misses the target");
    assert!(
        f.message.starts_with("no SLA: AKS Free tier"),
        "{}",
        f.message
    );
    // Standard tier: back to the SLA.
    s.compute.aks.tier = planner::engine::scenario::AksTier::Standard;
    let plan = evaluate(&s);
    assert!(!plan
        .tier(TierId::MultiWrite)
        .unwrap()
        .failed_targets
        .iter()
        .any(|f| f.target == "availability"));
}

// ------------------------------------------------------------------ drills

use planner::engine::drills;
use planner::engine::scenario::{Drill, DrillMeasure};
use planner::engine::share;

fn drill(
    tier: TierId,
    mode: FailureMode,
    measure: DrillMeasure,
    value_s: f64,
    date: &str,
) -> Drill {
    Drill {
        tier,
        mode,
        measure,
        value_s,
        date: date.into(),
        note: "edge drain".into(),
    }
}

#[test]
fn dates_count_days_like_a_calendar() {
    assert_eq!(drills::days_from_civil("1970-01-01"), Some(0));
    assert_eq!(drills::days_from_civil("2000-03-01"), Some(11_017));
    // 14 Oct 2026 to 12 Jan 2027: 17 + 30 + 31 + 12 = 90 days.
    assert_eq!(drills::age_days("2026-10-14", "2027-01-12"), Some(90));
    assert_eq!(
        drills::days_from_civil("2026-02-29"),
        None,
        "not a leap year"
    );
    assert_eq!(drills::days_from_civil("14 Oct 2026"), None);
    assert_eq!(drills::display_date("2026-10-14"), "14 Oct 2026");
    // Every day round-trips through the engine's civil_date.
    for d in [0u64, 59, 11_016, 20_740, 40_000] {
        let text = planner::engine::format::civil_date(d);
        assert_eq!(drills::days_from_civil(&text), Some(d as i64), "{text}");
    }
}

#[test]
fn a_region_loss_drill_replaces_the_expected_rto_and_feeds_the_targets() {
    // Active-active reads: modelled RTO is the 900 s write failover, which
    // misses a 60 s target. A drilled 45 s failover meets it.
    let mut s = round_scenario();
    let before = evaluate(&s);
    let aar = before.tier(TierId::ActiveActiveReads).unwrap();
    assert_close(aar.resilience.rto_s, 900.0, "modelled");
    assert!(aar.failed_targets.iter().any(|f| f.target == "rto"));
    s.resilience.drills.push(drill(
        TierId::ActiveActiveReads,
        FailureMode::RegionLoss,
        DrillMeasure::Rto,
        45.0,
        "2026-10-14",
    ));
    // An older drill of the same tier and mode does not count.
    s.resilience.drills.push(drill(
        TierId::ActiveActiveReads,
        FailureMode::RegionLoss,
        DrillMeasure::Rto,
        2000.0,
        "2026-01-01",
    ));
    let plan = evaluate(&s);
    let aar = plan.tier(TierId::ActiveActiveReads).unwrap();
    assert_close(aar.resilience.rto_s, 45.0, "measured");
    assert_close(aar.resilience.rto_modelled_s, 900.0, "model kept");
    assert!(!aar.failed_targets.iter().any(|f| f.target == "rto"));
    // The guaranteed basis still holds Microsoft's 1-hour write failover.
    assert_close(aar.resilience.guaranteed.rto_s, 3600.0, "bound");
    // The risk model uses it: everyone stops for 45 s instead of 900 s.
    assert!(
        aar.risk.downtime_h_per_year
            < before
                .tier(TierId::ActiveActiveReads)
                .unwrap()
                .risk
                .downtime_h_per_year
    );
    let row = &aar.failure_modes[1];
    assert_close(row.rto_expected_s, 45.0, "row measured");
    assert_close(row.rto_modelled_s, 900.0, "row modelled");
    assert_eq!(row.rto_measured.as_ref().unwrap().date, "2026-10-14");
    // Other tiers are untouched.
    assert_close(
        plan.tier(TierId::ActivePassive).unwrap().resilience.rto_s,
        900.0,
        "other tier",
    );
}

#[test]
fn a_drill_replaces_its_failure_modes_figure_and_goes_stale() {
    let mut s = round_scenario();
    s.resilience.drills.push(drill(
        TierId::MultiWrite,
        FailureMode::DataCorruption,
        DrillMeasure::Rto,
        5400.0,
        "2026-10-14",
    ));
    let mut plan = evaluate(&s);
    let row = plan.tier(TierId::MultiWrite).unwrap().failure_modes[5].clone();
    assert_close(row.rto_expected_s, 5400.0, "measured restore");
    assert_close(row.rto_modelled_s, 14_400.0, "modelled 4 h");
    // Not yet aged: 80 days on 2027-01-02, under the 90-day default.
    drills::flag_stale(&mut plan, "2027-01-02", s.resilience.drill_max_age_days);
    let m = plan.tier(TierId::MultiWrite).unwrap().failure_modes[5]
        .rto_measured
        .clone()
        .unwrap();
    assert_eq!((m.age_days, m.stale), (Some(80.0), false));
    // 91 days on 2027-01-13: stale.
    drills::flag_stale(&mut plan, "2027-01-13", 90.0);
    let m = plan.tier(TierId::MultiWrite).unwrap().failure_modes[5]
        .rto_measured
        .clone()
        .unwrap();
    assert_eq!((m.age_days, m.stale), (Some(91.0), true));
    // A chosen age of 180 days keeps it fresh.
    drills::flag_stale(&mut plan, "2027-01-13", 180.0);
    assert!(
        !plan.tier(TierId::MultiWrite).unwrap().failure_modes[5]
            .rto_measured
            .as_ref()
            .unwrap()
            .stale
    );
    // The measured values are exposed for the Monte Carlo.
    let values = drills::measured_values(&plan);
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].0, TierId::MultiWrite);
    assert_eq!(values[0].3, 5400.0);
}

#[test]
fn drills_travel_with_the_scenario_and_old_links_open_with_none() {
    let mut s = presets_northwind();
    s.resilience.drills.push(drill(
        TierId::MultiWrite,
        FailureMode::RegionLoss,
        DrillMeasure::Rto,
        35.0,
        "2026-10-14",
    ));
    let link = share::encode(&s);
    assert_eq!(share::decode(&link).unwrap(), s, "share link");
    assert_eq!(
        share::from_json(&share::to_json(&s)).unwrap(),
        s,
        "export / import"
    );
    // A scenario from before drills: none, and the 90-day default.
    let mut v: serde_json::Value =
        serde_json::from_str(&share::to_json(&presets_northwind())).unwrap();
    let r = v["resilience"].as_object_mut().unwrap();
    r.remove("drills");
    r.remove("drill_max_age_days");
    r.remove("rollback_s");
    r.remove("deployment_rings");
    v["data"].as_object_mut().unwrap().remove("backup");
    v["risk"]
        .as_object_mut()
        .unwrap()
        .remove("zonal_outages_per_year");
    let old = share::from_json(&v.to_string()).unwrap();
    assert!(old.resilience.drills.is_empty());
    assert_eq!(old.resilience.drill_max_age_days, 90.0);
    assert_eq!(old, presets_northwind());
}

#[test]
fn a_drill_with_a_bad_date_is_refused_in_words() {
    let mut s = round_scenario();
    s.resilience.drills.push(drill(
        TierId::MultiWrite,
        FailureMode::RegionLoss,
        DrillMeasure::Rto,
        35.0,
        "14/10/2026",
    ));
    let errors = planner::engine::validate::validate(&s, regions());
    let e = errors
        .iter()
        .find(|e| e.field == "resilience.drills[0].date")
        .expect("refused");
    assert!(e.message.contains("YYYY-MM-DD"), "{}", e.message);
}

fn presets_northwind() -> Scenario {
    planner::engine::presets::preset("northwind").unwrap()
}

#[test]
fn northwind_still_recommends_multi_write_on_expected_and_says_what_guaranteed_changes() {
    let s = presets_northwind();
    let plan = evaluate(&s);
    assert_eq!(plan.recommended_tier, Some(TierId::MultiWrite));
    let words = planner::engine::verdicts::recommendation(&s, &plan);
    assert!(words.contains("guaranteed"), "{words}");
    let mut g = s.clone();
    g.targets.basis = Basis::Guaranteed;
    let plan = evaluate(&g);
    // Microsoft's < 15 min RPO misses the 5 s target on every multi-region tier.
    assert_ne!(plan.recommended_tier, Some(TierId::MultiWrite));
    let mw = plan.tier(TierId::MultiWrite).unwrap();
    assert!(planner::engine::verdicts::for_tier(&g, &plan, mw)
        .iter()
        .any(|f| f.target == "rpo" && f.message.contains("met on expected values")));
}
