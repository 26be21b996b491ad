//! The per-stamp platform services: Redis, private endpoints, Key Vault,
//! App Configuration, Log Analytics, Defender for Cloud, Container Registry
//! and availability tests.

use serde::{Deserialize, Serialize};

/// Redis size per stamp: Azure Cache for Redis (C1, C3, P1), which
/// Microsoft is retiring, or its successor Azure Managed Redis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RedisSku {
    None,
    StandardC1,
    StandardC3,
    PremiumP1,
    /// Azure Managed Redis, Balanced B5 (6 GB, the memory of Premium P1),
    /// with high availability (two instances).
    ManagedBalancedB5,
}

impl RedisSku {
    /// An Azure Cache for Redis size (the product being retired).
    pub fn is_azure_cache_for_redis(self) -> bool {
        matches!(self, Self::StandardC1 | Self::StandardC3 | Self::PremiumP1)
    }
}

/// The Log Analytics pricing tier of each stamp's workspace: pay-as-you-go
/// per GB, or a commitment tier of so many GB a day, billed per workspace
/// per day (learn.microsoft.com/azure/azure-monitor/logs/cost-logs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogAnalyticsTier {
    PayAsYouGo,
    Gb100,
    Gb200,
    Gb300,
    Gb400,
    Gb500,
    Gb1000,
    Gb2000,
    Gb5000,
}

impl LogAnalyticsTier {
    /// The commitment tiers, smallest first.
    pub const COMMITMENTS: [Self; 8] = [
        Self::Gb100,
        Self::Gb200,
        Self::Gb300,
        Self::Gb400,
        Self::Gb500,
        Self::Gb1000,
        Self::Gb2000,
        Self::Gb5000,
    ];

    /// Pay-as-you-go (the default).
    pub fn is_pay_as_you_go(&self) -> bool {
        *self == Self::PayAsYouGo
    }

    /// GB a day committed, or `None` for pay-as-you-go.
    pub fn gb_per_day(self) -> Option<f64> {
        Some(match self {
            Self::PayAsYouGo => return None,
            Self::Gb100 => 100.0,
            Self::Gb200 => 200.0,
            Self::Gb300 => 300.0,
            Self::Gb400 => 400.0,
            Self::Gb500 => 500.0,
            Self::Gb1000 => 1000.0,
            Self::Gb2000 => 2000.0,
            Self::Gb5000 => 5000.0,
        })
    }
}

/// Per-stamp platform services.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Platform {
    pub redis: RedisSku,
    /// Zone-redundant Redis: the primary and its replica are spread across
    /// availability zones (no extra node; Azure Managed Redis needs high
    /// availability for it, which the planner always prices).
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
    /// Pricing tier of each stamp's workspace. Absent in older scenarios:
    /// pay-as-you-go. Left out of the JSON when pay-as-you-go, so scenario
    /// files and share links that do not use a commitment tier are as
    /// before (Northwind's link would otherwise pass the 4,000 characters
    /// `tests/share_links.rs` allows).
    #[serde(skip_serializing_if = "LogAnalyticsTier::is_pay_as_you_go")]
    pub log_analytics_tier: LogAnalyticsTier,
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
            log_analytics_tier: LogAnalyticsTier::PayAsYouGo,
            log_analytics_retention_days: 31.0,
            defender: DefenderPlans::default(),
            container_registry: true,
            availability_tests: 1,
            availability_test_locations: 5,
            availability_test_interval_min: 5.0,
        }
    }
}
