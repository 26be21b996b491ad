//! Cosmos DB backup: what the chosen mode costs (priced from the sheet) and
//! how much data a restore after corruption or an accidental deletion loses.
//!
//! Sources (learn.microsoft.com):
//! * Periodic backup, <https://learn.microsoft.com/azure/cosmos-db/periodic-backup-restore-introduction>:
//!   "Azure Cosmos DB automatically takes a full backup of your database every
//!   4 hours. At any point of time, only the latest two backups are stored by
//!   default"; "the backups are taken only in the write region"; "Two backups
//!   are provided free and extra backups are charged according to the
//!   region-based pricing for backup storage"; "Backup Retention is configured
//!   to 240 hrs … and Backup Interval … 24 hours. This configuration implies
//!   that there are 10 copies of the backup data. If you have 1 TB of data …
//!   the cost … would be: 0.12 * 1000 * 8".
//! * Continuous backup, <https://learn.microsoft.com/azure/cosmos-db/continuous-backup-restore-introduction>:
//!   "$0.20/GB * Data size in GB in account * Number of regions" (30-day
//!   tier); "Continuous 7-day tier doesn't incur charges for backup of the
//!   data"; "Every restore API invocation incurs a one-time charge …
//!   $0.15/GB \* Data size in GB"; "all mutations performed on the source account … are
//!   backed up asynchronously within 100 seconds".

use serde::Serialize;

use super::costs::{Charge, Component, Pricer, Quantity};
use super::format;
use super::meters;
use super::resilience::DocumentedBound;
use super::scenario::{BackupMode, Scenario};

/// Copies Microsoft keeps free with periodic backup.
pub const FREE_PERIODIC_COPIES: f64 = 2.0;

/// Periodic backup page, for citations.
pub const PERIODIC_URL: &str =
    "https://learn.microsoft.com/azure/cosmos-db/periodic-backup-restore-introduction";
/// Continuous backup page, for citations.
pub const CONTINUOUS_URL: &str =
    "https://learn.microsoft.com/azure/cosmos-db/continuous-backup-restore-introduction";

/// Continuous backup: "all mutations performed on the source account … are
/// backed up asynchronously within 100 seconds" (the guaranteed restore
/// point; the expected one is the second before the corruption).
pub const CONTINUOUS_BACKUP_LAG: DocumentedBound = DocumentedBound {
    seconds: 100.0,
    or_more: false,
    url: CONTINUOUS_URL,
    quote: "all mutations performed on the source account … are backed up asynchronously within 100 seconds",
};

/// Continuous backup restores to a timestamp given in seconds: the expected
/// data lost is the last second before the corruption.
pub const CONTINUOUS_EXPECTED_RPO_S: f64 = 1.0;

/// Periodic copies kept: `⌈retention ÷ interval⌉` (Microsoft's example:
/// 240 h ÷ 24 h = 10 copies), never fewer than the two Microsoft keeps.
pub fn periodic_copies(s: &Scenario) -> f64 {
    let interval_h = s.resilience.backup_interval_min / 60.0;
    if interval_h <= 0.0 {
        return FREE_PERIODIC_COPIES;
    }
    (s.data.backup.retention_hours / interval_h - 1e-9)
        .ceil()
        .max(FREE_PERIODIC_COPIES)
}

/// The copies billed: `copies − 2`.
pub fn billed_periodic_copies(s: &Scenario) -> f64 {
    periodic_copies(s) - FREE_PERIODIC_COPIES
}

/// Data lost when a restore undoes corruption or an accidental deletion.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RestoreLoss {
    /// Typical: half the periodic interval (the corruption lands on average
    /// half-way between backups), or the last second with continuous backup.
    pub expected_s: f64,
    /// The bound: the whole periodic interval, or the 100 s continuous
    /// backups may lag.
    pub guaranteed_s: f64,
}

/// [`RestoreLoss`] of the scenario's backup mode.
pub fn restore_loss(s: &Scenario) -> RestoreLoss {
    match s.data.backup.mode {
        BackupMode::Periodic => {
            let interval_s = s.resilience.backup_interval_min * 60.0;
            RestoreLoss {
                expected_s: interval_s / 2.0,
                guaranteed_s: interval_s,
            }
        }
        BackupMode::Continuous7Day | BackupMode::Continuous30Day => RestoreLoss {
            expected_s: CONTINUOUS_EXPECTED_RPO_S,
            guaranteed_s: CONTINUOUS_BACKUP_LAG.seconds,
        },
    }
}

/// [`restore_loss`] in words, with the page cited.
pub fn restore_loss_how(s: &Scenario) -> String {
    match s.data.backup.mode {
        BackupMode::Periodic => format!(
            "periodic backup every {}: the newest copy before the corruption is up to one interval old (half on average); Microsoft: “takes a full backup of your database every 4 hours” by default, interval configurable ({PERIODIC_URL})",
            format::duration(s.resilience.backup_interval_min * 60.0)
        ),
        BackupMode::Continuous7Day | BackupMode::Continuous30Day => format!(
            "continuous backup restores to the second before the corruption; {}",
            CONTINUOUS_BACKUP_LAG.citation()
        ),
    }
}

impl Pricer<'_> {
    /// Cosmos DB backup storage, by mode:
    /// * Periodic: `(⌈retention ÷ interval⌉ − 2) × GB stored × price per
    ///   GB-month` at the chosen backup storage redundancy, in the write
    ///   region only (the two newest copies are free, so the default 4-hour
    ///   interval and 8-hour retention add no line).
    /// * Continuous 30-day: `GB stored × price per GB` in every region of the
    ///   account (Microsoft: "$0.20/GB * Data size in GB in account * Number
    ///   of regions").
    /// * Continuous 7-day: no storage charge (no line).
    ///
    /// Sources: [`PERIODIC_URL`], [`CONTINUOUS_URL`].
    pub fn cosmos_backup(&mut self, account_regions: &[&str]) {
        let s = self.s;
        let gb = s.workload.stored_gb;
        let Some(write_region) = account_regions.first() else {
            return;
        };
        if gb <= 0.0 {
            return;
        }
        let b = &s.data.backup;
        match b.mode {
            BackupMode::Periodic => {
                let extra = billed_periodic_copies(s);
                if extra <= 0.0 {
                    return;
                }
                let copies = periodic_copies(s);
                let redundancy = b.redundancy;
                self.line(Charge::new(Component::CosmosPeriodicBackup, meters::cosmos_periodic_backup(redundancy), write_region), move || format!("Cosmos DB periodic backup, extra copies ({})", redundancy.label()), Quantity {
                        value: extra * gb,
                        unit: "GB-months",
                        how: move || {
                            format!(
                                "{} h retention ÷ {} interval = {} copies − 2 free = {} × {} GB (write region only)",
                                format::number(b.retention_hours, 0),
                                format::duration(s.resilience.backup_interval_min * 60.0),
                                format::number(copies, 0),
                                format::number(extra, 0),
                                format::quantity(gb)
                            )
                        },
                    });
            }
            BackupMode::Continuous30Day => {
                for region in account_regions {
                    self.line(
                        Charge::new(
                            Component::CosmosContinuousBackup,
                            &meters::COSMOS_CONTINUOUS_30D,
                            region,
                        ),
                        || "Cosmos DB continuous backup (30 days)".into(),
                        Quantity {
                            value: gb,
                            unit: "GB",
                            how: move || {
                                format!(
                                    "{} GB stored, backed up in this region each month",
                                    format::quantity(gb)
                                )
                            },
                        },
                    );
                }
            }
            BackupMode::Continuous7Day => {}
        }
    }
}

/// The backup choice in words for the page and notes: copies, what is free,
/// the data a restore loses.
pub fn summary(s: &Scenario) -> String {
    let b = &s.data.backup;
    let loss = restore_loss(s);
    match b.mode {
        BackupMode::Periodic => {
            let copies = periodic_copies(s);
            let extra = copies - FREE_PERIODIC_COPIES;
            let cost = if extra > 0.0 {
                format!("{} extra copies billed", format::number(extra, 0))
            } else {
                "the two copies Microsoft keeps free".to_string()
            };
            format!(
                "Periodic backup every {}, kept {} h ({} copies, {}; {}); a restore loses up to {}.",
                format::duration(s.resilience.backup_interval_min * 60.0),
                format::number(b.retention_hours, 0),
                format::number(copies, 0),
                b.redundancy.label().to_lowercase(),
                cost,
                format::duration(loss.guaranteed_s)
            )
        }
        BackupMode::Continuous7Day => format!(
            "Continuous backup, 7 days (no storage charge); a restore goes back to any second, losing up to {} (backups lag the data by at most 100 s).",
            format::duration(loss.guaranteed_s)
        ),
        BackupMode::Continuous30Day => format!(
            "Continuous backup, 30 days (storage billed per GB in every region); a restore goes back to any second, losing up to {} (backups lag the data by at most 100 s).",
            format::duration(loss.guaranteed_s)
        ),
    }
}
