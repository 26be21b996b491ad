//! The per-stamp platform services: Redis, private endpoints, Key Vault,
//! App Configuration, Log Analytics, Defender for Cloud, Container Registry
//! and availability tests.

use serde::{Deserialize, Serialize};

/// Redis size per stamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedisSku {
    None,
    StandardC1,
    StandardC3,
    PremiumP1,
}

/// Per-stamp platform services.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Platform {
    pub redis: RedisSku,
    /// Zone-redundant Premium Redis: the primary and its replica are spread
    /// across availability zones (no extra node).
    pub redis_zone_redundant: bool,
    /// A third Premium node (a second replica), to cover a third zone.
    /// Absent in older scenarios: off (they priced zone redundancy as a third
    /// node, which Azure needs only to cover three zones).
    pub redis_third_replica: bool,
    /// A private endpoint per data service per stamp (Cosmos DB, Key Vault,
    /// Redis, SQL, App Configuration), as the reference architecture's design calls for.
    /// Absent in older scenarios: on.
    pub private_endpoints: bool,
    /// Key Vault operations per stamp per month, millions.
    pub key_vault_operations_millions_per_month: f64,
    /// One App Configuration store, replicated to every other stamp region.
    pub app_configuration: bool,
    /// Log Analytics ingestion floor per stamp, GB per day (platform logs
    /// and metrics whatever the traffic; requests add
    /// `log_analytics_gb_per_million_requests`).
    pub log_analytics_gb_per_day: f64,
    /// Log Analytics ingestion per million origin requests a stamp serves,
    /// GB (request logs and traces). Absent in older scenarios: 1 GB.
    pub log_analytics_gb_per_million_requests: f64,
    /// Free Log Analytics ingestion per billing account per month, GB (5 on
    /// Microsoft's Azure Monitor pricing page). Absent in older scenarios: 5.
    pub log_analytics_free_gb_per_month: f64,
    /// Interactive retention, days: 31 are included, longer is billed per
    /// GB-month. Absent in older scenarios: 31.
    pub log_analytics_retention_days: f64,
    /// The Microsoft Defender for Cloud plans the reference architecture
    /// requires (issue 14 §5). Absent in older scenarios: all on.
    pub defender: DefenderPlans,
    /// Azure Container Registry Premium with a geo-replica in every other
    /// stamp region, priced when the stamps run AKS (one immutable image
    /// digest to every stamp). Absent in older scenarios: on.
    pub container_registry: bool,
    /// Standard availability tests (synthetic canaries) through the Front
    /// Door endpoint. Absent in older scenarios: 1; 0 turns them off.
    pub availability_tests: u32,
    /// Test locations (geographies) each test runs from; Microsoft
    /// recommends at least five. Absent in older scenarios: 5.
    pub availability_test_locations: u32,
    /// Minutes between runs from each location: Azure offers 5, 10 or 15
    /// (learn.microsoft.com/azure/azure-monitor/app/availability). Five
    /// locations every 5 minutes probe the endpoint about once a minute, the
    /// reference architecture's cadence. Absent in older scenarios: 5.
    pub availability_test_interval_min: f64,
}

/// Microsoft Defender for Cloud plans, each billed per its own unit
/// (azure.microsoft.com/pricing/details/defender-for-cloud/).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DefenderPlans {
    /// Defender for App Service: per App Service instance-hour.
    pub app_service: bool,
    /// Defender for Azure Cosmos DB: per 100 RU/s-hour.
    pub cosmos_db: bool,
    /// Defender for Key Vault (per-vault plan): per vault-hour.
    pub key_vault: bool,
    /// Defender for Azure SQL: per server-hour.
    pub sql: bool,
    /// Defender for Containers: per AKS worker-node vCore-hour.
    pub containers: bool,
}

impl Default for DefenderPlans {
    fn default() -> Self {
        Self {
            app_service: true,
            cosmos_db: true,
            key_vault: true,
            sql: true,
            containers: true,
        }
    }
}

impl Default for Platform {
    fn default() -> Self {
        Self {
            redis: RedisSku::PremiumP1,
            redis_zone_redundant: true,
            redis_third_replica: false,
            private_endpoints: true,
            key_vault_operations_millions_per_month: 5.0,
            app_configuration: true,
            log_analytics_gb_per_day: 1.0,
            log_analytics_gb_per_million_requests: 1.0,
            log_analytics_free_gb_per_month: 5.0,
            log_analytics_retention_days: 31.0,
            defender: DefenderPlans::default(),
            container_registry: true,
            availability_tests: 1,
            availability_test_locations: 5,
            availability_test_interval_min: 5.0,
        }
    }
}
