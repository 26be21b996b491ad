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
            items(&cost, "Cosmos DB periodic backup").is_empty()
                && items(&cost, "Cosmos DB continuous backup").is_empty(),
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
        let lines = items(&cost, "Cosmos DB periodic backup");
        // Backups are taken only in the write region: one line.
        assert_eq!(lines.len(), 1, "{}", tier.id());
        let li = lines[0];
        assert_eq!(li.region(), "westeurope");
        assert_eq!(li.category, Category::CosmosStorage);
        assert_close(li.quantity, 8000.0, "8 extra copies × 1,000 GB");
        assert_close(li.monthly_usd, 8000.0 * rate_grs, "monthly");
        assert!(li.formula.contains("10 copies − 2 free"), "{}", li.formula);
    }
    // A zone-redundant backup store bills at its own meter.
    s.data.backup.redundancy = BackupRedundancy::Zone;
    let cost = price(TierId::SingleRegion, &s);
    let li = item(&cost, "Cosmos DB periodic backup", "westeurope");
    assert_close(
        li.monthly_usd,
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
    let lines = items(&cost, "Cosmos DB continuous backup (30 days)");
    assert_eq!(lines.len(), 2);
    let expected: f64 = ["westeurope", "southeastasia"]
        .iter()
        .map(|r| 1000.0 * rate(&meters::COSMOS_CONTINUOUS_30D, r))
        .sum();
    let got: f64 = lines.iter().map(|l| l.monthly_usd).sum();
    assert_close(got, expected, "1,000 GB × rate, per region");
    // East US rate is the recorded API answer, $0.20: Microsoft's example.
    assert_close(
        rate(&meters::COSMOS_CONTINUOUS_30D, "eastus"),
        0.2,
        "eastus",
    );
    let single = price(TierId::SingleRegion, &s);
    assert_eq!(items(&single, "Cosmos DB continuous backup").len(), 1);

    s.data.backup.mode = BackupMode::Continuous7Day;
    let cost = price(TierId::MultiWrite, &s);
    assert!(items(&cost, "Cosmos DB continuous backup").is_empty());
    assert!(items(&cost, "Cosmos DB periodic backup").is_empty());
}

#[test]
fn the_backup_mode_sets_the_data_a_restore_loses() {
    let mut s = Scenario::default();
    // Periodic every 4 h: up to 4 h (14,400 s), 2 h on average.
    let loss = backup::restore_loss(&s);
    assert_close(loss.guaranteed_s, 14_400.0, "periodic bound");
    assert_close(loss.expected_s, 7_200.0, "periodic typical");
    assert!(loss.how.contains("periodic-backup-restore-introduction"));
    s.resilience.backup_interval_min = 60.0;
    assert_close(backup::restore_loss(&s).guaranteed_s, 3_600.0, "1 h");
    // Continuous: back to the second; backups lag by at most 100 s.
    s.data.backup.mode = BackupMode::Continuous7Day;
    let loss = backup::restore_loss(&s);
    assert_close(loss.expected_s, 1.0, "continuous typical");
    assert_close(loss.guaranteed_s, 100.0, "continuous bound");
    assert!(loss.how.contains("within 100 seconds"));
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
