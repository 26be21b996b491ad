//! The data band: Cosmos DB (throughput, consistency, sizing for a lost
//! region, backups) and the SQL ledger.

use serde::{Deserialize, Serialize};

/// How Cosmos DB throughput is bought.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CosmosMode {
    /// Manual provisioned RU/s.
    Provisioned,
    /// Autoscale: billed on the highest RU/s reached each hour.
    Autoscale,
    /// Serverless: per million RU consumed; single region only.
    Serverless,
}

/// Cosmos DB default consistency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consistency {
    Strong,
    BoundedStaleness,
    Session,
    ConsistentPrefix,
    Eventual,
}

impl Consistency {
    pub const ALL: [Self; 5] = [
        Self::Strong,
        Self::BoundedStaleness,
        Self::Session,
        Self::ConsistentPrefix,
        Self::Eventual,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::Strong => "Strong",
            Self::BoundedStaleness => "Bounded staleness",
            Self::Session => "Session",
            Self::ConsistentPrefix => "Consistent prefix",
            Self::Eventual => "Eventual",
        }
    }
}

/// How Cosmos DB throughput is sized for the loss of a region (the data
/// tier's counterpart of the compute headroom dial).
///
/// Microsoft's reliability guide for Cosmos DB, on a read region's outage:
/// "During the outage, ensure that there are enough provisioned Request Units
/// (RUs) in the remaining regions to support read traffic"
/// (<https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql>).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataFailoverPolicy {
    /// Every region provisioned (manual RU/s, or the autoscale maximum) at the
    /// most any surviving region must carry after losing any one other region.
    /// Autoscale still bills the hours' actual use.
    #[default]
    SizedForFailover,
    /// Every region provisioned for the busiest region's steady need only; the
    /// share of requests throttled after a failover is reported.
    SunnyDay,
}

impl DataFailoverPolicy {
    pub const ALL: [Self; 2] = [Self::SizedForFailover, Self::SunnyDay];
    pub fn label(self) -> &'static str {
        match self {
            Self::SizedForFailover => "Sized for failover",
            Self::SunnyDay => "Sunny-day only",
        }
    }
}

/// SQL Database service tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SqlTier {
    GeneralPurpose,
    BusinessCritical,
}

/// The relational ledger kept in an Azure SQL failover group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SqlLedger {
    pub enabled: bool,
    pub tier: SqlTier,
    pub vcores: u32,
    pub storage_gb: f64,
    pub zone_redundant: bool,
    /// Data written to the ledger per month, GB (replicated to the secondary).
    pub write_gb_per_month: f64,
    /// The failover-group secondary is a licence-free standby replica: it
    /// serves no reads (disaster recovery only) and pays no SQL licence.
    /// Source: <https://learn.microsoft.com/azure/azure-sql/database/standby-replica-how-to-configure>:
    /// "Microsoft provides you with the number of vCores licensed to the
    /// primary database at no extra charge … You're still billed for the
    /// compute and storage"; "can't have any active read workloads on it";
    /// "can save between 35 to 40 percent compared to a regular fully
    /// readable secondary replica". Off by default (today's bill).
    pub standby_replica: bool,
}

impl Default for SqlLedger {
    fn default() -> Self {
        Self {
            enabled: false,
            tier: SqlTier::GeneralPurpose,
            vcores: 4,
            storage_gb: 100.0,
            zone_redundant: true,
            write_gb_per_month: 20.0,
            standby_replica: false,
        }
    }
}

/// The data band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Data {
    pub cosmos_mode: CosmosMode,
    pub consistency: Consistency,
    /// Availability zones in every Cosmos region.
    pub cosmos_zone_redundant: bool,
    /// Cosmos DB throughput for the loss of a region (absent in scenarios and
    /// links from before it existed: they open sized for failover).
    pub failover_policy: DataFailoverPolicy,
    pub sql: SqlLedger,
    /// Cosmos DB backup (absent in scenarios and links from before it
    /// existed: they open on periodic backup at the defaults, which cost
    /// nothing extra).
    pub backup: CosmosBackup,
}

/// Cosmos DB backup mode ([`crate::engine::backup`] prices it and works out
/// the data a restore loses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupMode {
    /// Full backups every `resilience.backup_interval_min`, kept for
    /// `retention_hours`; two copies free.
    #[default]
    Periodic,
    /// Continuous backup, 7-day point-in-time restore window (no storage charge).
    #[serde(rename = "continuous_7_day")]
    Continuous7Day,
    /// Continuous backup, 30-day window (backup storage per GB per region).
    #[serde(rename = "continuous_30_day")]
    Continuous30Day,
}

impl BackupMode {
    pub const ALL: [Self; 3] = [Self::Periodic, Self::Continuous7Day, Self::Continuous30Day];
    pub fn label(self) -> &'static str {
        match self {
            Self::Periodic => "Periodic",
            Self::Continuous7Day => "Continuous, 7 days",
            Self::Continuous30Day => "Continuous, 30 days",
        }
    }
}

/// Storage redundancy of periodic backups (continuous backups are locally
/// or zone redundant in each region and cannot be changed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupRedundancy {
    /// Geo-redundant (Microsoft's default): copied to the paired region.
    #[default]
    Geo,
    Zone,
    Local,
}

impl BackupRedundancy {
    pub const ALL: [Self; 3] = [Self::Geo, Self::Zone, Self::Local];
    pub fn label(self) -> &'static str {
        match self {
            Self::Geo => "Geo-redundant",
            Self::Zone => "Zone-redundant",
            Self::Local => "Locally redundant",
        }
    }
}

/// How Cosmos DB is backed up. The periodic interval is
/// `resilience.backup_interval_min` (where it has always been).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CosmosBackup {
    pub mode: BackupMode,
    /// Periodic: how long each backup is kept, hours (Microsoft's default
    /// keeps the latest two: 8 h at the 4-hour interval).
    pub retention_hours: f64,
    /// Periodic: backup storage redundancy.
    pub redundancy: BackupRedundancy,
    /// Time to restore after corruption or a deletion, hours: your estimate
    /// (Microsoft: "The duration of restore depends on the amount of data
    /// that needs to be restored"; periodic restores go through a support
    /// request).
    pub restore_hours: f64,
}

impl Default for CosmosBackup {
    fn default() -> Self {
        Self {
            mode: BackupMode::Periodic,
            retention_hours: 8.0,
            redundancy: BackupRedundancy::Geo,
            restore_hours: 4.0,
        }
    }
}

impl Default for Data {
    fn default() -> Self {
        Self {
            cosmos_mode: CosmosMode::Autoscale,
            consistency: Consistency::Session,
            cosmos_zone_redundant: true,
            failover_policy: DataFailoverPolicy::SizedForFailover,
            sql: SqlLedger::default(),
            backup: CosmosBackup::default(),
        }
    }
}
