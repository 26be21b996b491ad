//! The scenario: one workload, one set of regions, and every dial the user can
//! turn. Serde-serialisable (scenario JSON, share links, local storage); every
//! struct has `#[serde(default)]`, so a file or link written before a field
//! existed still opens, with that field at its default.

use serde::{Deserialize, Serialize};

use super::pricing::ReservationTerm;

/// The whole input of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// A name for the business case.
    pub name: String,
    /// Free text: assumptions, sources, what the figures are for.
    pub notes: String,
    /// Who prepared the business case (printed under its title).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prepared_by: String,
    /// Regions in order: the first is the primary (write region of the
    /// single-writer tiers), the second the warm standby of `active_passive`.
    pub regions: Vec<RegionShare>,
    pub workload: Workload,
    pub compute: Compute,
    pub data: Data,
    pub edge: Edge,
    pub platform: Platform,
    pub resilience: Resilience,
    pub risk: Risk,
    pub targets: Targets,
    pub commercial: Commercial,
    /// The price sheet the figures were made with, when the scenario was
    /// shared or exported (absent in scenarios from before this field, and
    /// in the page's working copy: the page keeps it apart and compares it
    /// with the sheet in use).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_sheet: Option<crate::engine::pricing::SheetRef>,
    /// Low / likely / high estimates of inputs, the tornado's swing and the
    /// Monte Carlo's samples ([`crate::engine::ranges`]). Absent in
    /// scenarios and links from before it existed (none set), and left out
    /// of the JSON while at its defaults.
    #[serde(skip_serializing_if = "crate::engine::ranges::Ranges::is_default")]
    pub ranges: crate::engine::ranges::Ranges,
}

/// A region and the share of users near it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegionShare {
    /// ARM name, e.g. `westeurope`.
    pub region: String,
    /// Fraction of global user traffic from users near this region (0–1;
    /// the shares add up to 1).
    pub traffic_share: f64,
}

impl Default for RegionShare {
    fn default() -> Self {
        Self {
            region: "westeurope".into(),
            traffic_share: 1.0,
        }
    }
}

/// Traffic and database work at peak.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workload {
    /// Global peak requests per second, all regions together.
    pub peak_requests_per_s: f64,
    /// Average load over a month as a fraction of peak (0–1): turns peak
    /// rates into monthly volumes.
    pub average_to_peak_ratio: f64,
    /// Average response size in KB (edge-to-client transfer).
    pub response_kb: f64,
    /// Fraction of requests answered from Front Door's edge cache (0–1):
    /// they never reach a stamp or the database.
    pub edge_cache_hit_ratio: f64,
    /// Point reads per origin request.
    pub point_reads_per_request: f64,
    /// Writes (inserts, replaces) per origin request.
    pub writes_per_request: f64,
    /// Queries per origin request.
    pub queries_per_request: f64,
    /// Request units per query (the Cosmos capacity planner assumes 10).
    pub ru_per_query: f64,
    /// Average item size in KB.
    pub item_kb: f64,
    /// Fraction of writes that replace an existing item (a replace costs
    /// twice an insert).
    pub replace_ratio: f64,
    /// Data stored in Cosmos DB, GB (billed once per region).
    pub stored_gb: f64,
    /// Hours a day at peak load; the other hours run at a trough that makes
    /// the day's average the average-to-peak ratio (see
    /// [`crate::engine::autoscale::load_shape`]). Autoscaled compute and
    /// Cosmos DB autoscale are billed over this day. Absent in scenarios and
    /// links from before it existed: they open with 6 h.
    pub peak_hours_per_day: f64,
}

impl Default for Workload {
    fn default() -> Self {
        Self {
            peak_requests_per_s: 2000.0,
            average_to_peak_ratio: 0.4,
            response_kb: 40.0,
            edge_cache_hit_ratio: 0.3,
            point_reads_per_request: 2.0,
            writes_per_request: 0.1,
            queries_per_request: 0.3,
            ru_per_query: 10.0,
            item_kb: 2.0,
            replace_ratio: 0.5,
            stored_gb: 200.0,
            peak_hours_per_day: 6.0,
        }
    }
}

/// App Service Premium v3 size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppServiceSku {
    P1v3,
    P2v3,
    P3v3,
}

impl AppServiceSku {
    pub const ALL: [Self; 3] = [Self::P1v3, Self::P2v3, Self::P3v3];
    // The API's spellings (SKU, meter, product) are in `meters`.
}

/// Operating system of an App Service plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Os {
    Linux,
    Windows,
}

/// An App Service pool in every stamp.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppServicePool {
    pub enabled: bool,
    pub sku: AppServiceSku,
    pub os: Os,
    /// Requests per second one instance serves at target utilisation.
    pub requests_per_s_per_instance: f64,
    /// Fewest instances per stamp (zone redundancy needs at least 2).
    pub min_instances: u32,
}

impl Default for AppServicePool {
    fn default() -> Self {
        Self {
            enabled: true,
            sku: AppServiceSku::P1v3,
            os: Os::Linux,
            requests_per_s_per_instance: 250.0,
            min_instances: 2,
        }
    }
}

/// VM size of an AKS node pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeSize {
    D2sV5,
    D4sV5,
    D8sV5,
    D4asV5,
    E4sV5,
}

impl NodeSize {
    pub const ALL: [Self; 5] = [
        Self::D2sV5,
        Self::D4sV5,
        Self::D8sV5,
        Self::D4asV5,
        Self::E4sV5,
    ];
    // The API's spellings (SKU, meter, product) are in `meters`.
}

/// AKS pricing tier (cluster management fee).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AksTier {
    Free,
    Standard,
    Premium,
}

impl AksTier {
    /// The tier's name, for people. Its fee's meter is `meters::aks_fee`
    /// (the Free tier has none).
    pub fn label(self) -> &'static str {
        match self {
            Self::Free => "Free",
            Self::Standard => "Standard",
            Self::Premium => "Premium",
        }
    }
}

/// An AKS cluster in every stamp, fronted by Application Gateway WAF_v2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AksPool {
    pub enabled: bool,
    pub node_size: NodeSize,
    pub tier: AksTier,
    /// Requests per second one node serves at target utilisation.
    pub requests_per_s_per_node: f64,
    /// Fewest nodes per stamp (3 spreads a pool over three zones).
    pub min_nodes: u32,
    /// Put Application Gateway WAF_v2 in front of the cluster (the reference architecture's
    /// regional ingress for AKS stamps).
    pub app_gateway: bool,
    /// Application Gateway autoscale minimum instance count: each instance
    /// guarantees (and bills) at least 10 capacity units. Absent in older
    /// scenarios: 2 (two instances keep the gateway up across zones).
    pub app_gateway_min_instances: u32,
    /// Persistent client connections held open at the gateway per request
    /// per second (2,500 connections make a capacity unit). Absent in older
    /// scenarios: 1.
    pub app_gateway_connections_per_req_s: f64,
    /// Ephemeral OS disks on the nodes (no disk charge; needs a VM size
    /// with a large enough cache or temporary disk, which the Dsv5 and
    /// Dasv5 sizes lack). Off: a 128 GiB Premium SSD (P10) managed OS disk
    /// per node, AKS's default. Absent in older scenarios: off.
    pub ephemeral_os_disk: bool,
    /// Standard public IPv4 addresses per stamp: the load balancer's
    /// outbound IP and the ingress frontend (the load balancer's, or
    /// Application Gateway's). Absent in older scenarios: 2.
    pub public_ips: u32,
}

impl Default for AksPool {
    fn default() -> Self {
        Self {
            enabled: false,
            node_size: NodeSize::D4sV5,
            tier: AksTier::Standard,
            requests_per_s_per_node: 400.0,
            min_nodes: 3,
            app_gateway: true,
            app_gateway_min_instances: 2,
            app_gateway_connections_per_req_s: 1.0,
            ephemeral_os_disk: false,
            public_ips: 2,
        }
    }
}

/// The compute stamp.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Compute {
    pub app_service: AppServicePool,
    pub aks: AksPool,
    /// Capacity of each stamp in the active-active tiers, as a fraction of
    /// global peak (the reference architecture's headroom dial: Northwind runs 0.7).
    pub stamp_capacity_fraction: f64,
    /// Instances (or nodes) of the `active_passive` warm standby, per pool.
    /// 0 means each pool's minimum.
    pub warm_standby_instances: u32,
    /// Autoscale with the daily load and add the failover headroom only
    /// while a region is lost (the default, as the reference architecture recommends), or run
    /// the peak count including the failover headroom every hour. Absent in
    /// scenarios and links from before it existed: they open on autoscale.
    pub scaling: ComputeScaling,
}

/// How the compute pools follow the load.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComputeScaling {
    /// Instances follow the daily load hour by hour, never below the pool's
    /// minimum; a survivor scales out only while it carries a lost region's
    /// users (the reference architecture: "use autoscale so the failover headroom is
    /// provisioned only when a region actually absorbs the other's load").
    #[default]
    Autoscale,
    /// Every stamp runs, every hour, the instances it needs at peak with the
    /// failover headroom included (no autoscale).
    Fixed,
}

impl ComputeScaling {
    pub const ALL: [Self; 2] = [Self::Autoscale, Self::Fixed];
    pub fn id(self) -> &'static str {
        match self {
            Self::Autoscale => "autoscale",
            Self::Fixed => "fixed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Autoscale => "Autoscale (headroom only during failover)",
            Self::Fixed => "Fixed (headroom provisioned always)",
        }
    }
}

impl Default for Compute {
    fn default() -> Self {
        Self {
            app_service: AppServicePool::default(),
            aks: AksPool::default(),
            stamp_capacity_fraction: 0.7,
            warm_standby_instances: 0,
            scaling: ComputeScaling::Autoscale,
        }
    }
}

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

/// Front Door tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrontDoorTier {
    Standard,
    Premium,
}

impl FrontDoorTier {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::Premium => "Premium",
        }
    }
}

/// The global band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Edge {
    pub front_door_tier: FrontDoorTier,
    /// DNS-level steering above Front Door (non-HTTP or multi-profile cases).
    pub traffic_manager: bool,
    /// Traffic Manager DNS queries per month, millions.
    pub dns_queries_millions_per_month: f64,
}

impl Default for Edge {
    fn default() -> Self {
        Self {
            front_door_tier: FrontDoorTier::Premium,
            traffic_manager: false,
            dns_queries_millions_per_month: 10.0,
        }
    }
}

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

/// How writes fail over in the single-writer tiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WriteFailover {
    /// The service promotes a new write region by itself.
    ServiceManaged,
    /// A person runs the runbook (the reference architecture keeps stateful failover human-gated).
    HumanGated,
}

/// Component SLAs, percent. Defaults from Microsoft's Service Level Agreements for Online Services (<https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services>).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Slas {
    pub front_door_pct: f64,
    pub traffic_manager_pct: f64,
    pub app_service_pct: f64,
    /// AKS Standard or Premium uptime SLA; the Free tier has none and uses
    /// [`crate::engine::resilience::AKS_FREE_SLO_PCT`] instead, labelled so.
    pub aks_pct: f64,
    pub app_gateway_pct: f64,
    pub redis_pct: f64,
    pub key_vault_pct: f64,
    pub app_configuration_pct: f64,
    /// Cosmos DB, one region without zones.
    pub cosmos_single_region_pct: f64,
    /// Cosmos DB, one region with zones (also the write SLA of a
    /// zone-redundant single-writer multi-region account).
    pub cosmos_single_region_zonal_pct: f64,
    /// Cosmos DB multi-region reads, and reads and writes with multi-region writes.
    pub cosmos_multi_region_pct: f64,
    pub sql_pct: f64,
    pub sql_zone_redundant_pct: f64,
}

impl Default for Slas {
    fn default() -> Self {
        Self {
            front_door_pct: 99.99,
            traffic_manager_pct: 99.99,
            app_service_pct: 99.95,
            aks_pct: 99.95,
            app_gateway_pct: 99.95,
            redis_pct: 99.9,
            key_vault_pct: 99.99,
            app_configuration_pct: 99.9,
            cosmos_single_region_pct: 99.99,
            cosmos_single_region_zonal_pct: 99.995,
            cosmos_multi_region_pct: 99.999,
            sql_pct: 99.99,
            sql_zone_redundant_pct: 99.995,
        }
    }
}

/// A measured round-trip time that overrides the distance model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct MeasuredRtt {
    /// Region whose users were measured.
    pub from: String,
    /// Region of the stamp or write region they reached.
    pub to: String,
    pub rtt_ms: f64,
}

/// Recovery mechanics and the latency model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Resilience {
    /// Front Door health-probe interval, seconds.
    pub probe_interval_s: f64,
    /// Failed probe samples before an origin is marked down (sample size 4
    /// with 3 successes required = 2 failures).
    pub failed_samples_to_flip: u32,
    /// Time for every edge to stop sending to a down origin, seconds.
    pub drain_s: f64,
    /// DNS TTL where Traffic Manager steers, seconds.
    pub dns_ttl_s: f64,
    pub write_failover: WriteFailover,
    /// Service-managed write-region failover, seconds (Cosmos DB documents
    /// < 15 min for single-write accounts).
    pub service_managed_failover_s: f64,
    /// A person promoting the write region by runbook, seconds.
    pub human_promotion_s: f64,
    /// Warm standby scale-out to full capacity, seconds.
    pub standby_scale_out_s: f64,
    /// Autoscale reaction after a region is lost, seconds (how long a
    /// capacity shortfall lasts).
    pub autoscale_reaction_s: f64,
    /// Rebuild or restore in another region for `single_region`, hours.
    pub rebuild_hours: f64,
    /// Asynchronous replication lag of single-writer data, seconds.
    pub async_replication_lag_s: f64,
    /// Replication lag between write regions with multi-region writes, seconds.
    pub multi_write_replication_lag_s: f64,
    /// Backup interval of `single_region` (its RPO on a regional loss), minutes.
    pub backup_interval_min: f64,
    /// SQL failover group replication lag, seconds.
    pub sql_replication_lag_s: f64,
    pub slas: Slas,
    /// p95 server time plus access network to the nearest edge, ms.
    pub base_latency_ms: f64,
    /// Signal speed in fibre, km per ms (about two thirds of light speed).
    pub fibre_km_per_ms: f64,
    /// Real routes are longer than the great circle by this factor.
    pub route_factor: f64,
    pub measured_rtts: Vec<MeasuredRtt>,
    /// Time to notice a bad release and swap back or roll back, seconds
    /// (your estimate: App Service slots swap back at once, "to get your
    /// last known good site back").
    pub rollback_s: f64,
    /// Releases go out in rings, one stamp first, so a bad one reaches only
    /// that stamp's users (off: the reference architecture deploys one image digest to every
    /// stamp in one pipeline run).
    pub deployment_rings: bool,
    /// Drill results: a measured RTO or RPO replaces the modelled expected
    /// one for its tier and failure mode ([`crate::engine::drills`]; absent
    /// in scenarios and links from before it existed: none).
    pub drills: Vec<Drill>,
    /// A drill older than this is flagged as stale, days.
    pub drill_max_age_days: f64,
}

/// What a drill measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrillMeasure {
    /// Time until service resumed.
    #[default]
    Rto,
    /// Data lost.
    Rpo,
}

/// One drill result, e.g. "edge drain 35 s, 14 Oct 2026".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drill {
    pub tier: crate::engine::tiers::TierId,
    pub mode: crate::engine::failure_modes::FailureMode,
    pub measure: DrillMeasure,
    /// The measured value, seconds.
    pub value_s: f64,
    /// When it was drilled, `YYYY-MM-DD`.
    pub date: String,
    /// What was drilled, in your words ("edge drain").
    pub note: String,
}

impl Default for Drill {
    fn default() -> Self {
        Self {
            tier: crate::engine::tiers::TierId::MultiWrite,
            mode: crate::engine::failure_modes::FailureMode::RegionLoss,
            measure: DrillMeasure::Rto,
            value_s: 0.0,
            date: String::new(),
            note: String::new(),
        }
    }
}

impl Default for Resilience {
    fn default() -> Self {
        Self {
            probe_interval_s: 30.0,
            failed_samples_to_flip: 2,
            drain_s: 5.0,
            dns_ttl_s: 60.0,
            write_failover: WriteFailover::ServiceManaged,
            service_managed_failover_s: 900.0,
            human_promotion_s: 1800.0,
            standby_scale_out_s: 300.0,
            autoscale_reaction_s: 300.0,
            rebuild_hours: 6.0,
            async_replication_lag_s: 5.0,
            multi_write_replication_lag_s: 0.5,
            backup_interval_min: 240.0,
            sql_replication_lag_s: 3.0,
            slas: Slas::default(),
            base_latency_ms: 65.0,
            fibre_km_per_ms: 200.0,
            route_factor: 1.75,
            measured_rtts: Vec::new(),
            rollback_s: 900.0,
            deployment_rings: false,
            drills: Vec::new(),
            drill_max_age_days: crate::engine::drills::DEFAULT_MAX_AGE_DAYS,
        }
    }
}

/// Shape of a regional outage's duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationDistribution {
    /// Every outage lasts the typical duration.
    Fixed,
    /// Exponential with the typical duration as its mean.
    Exponential,
    /// Log-normal with the typical duration as its median (long tail).
    LogNormal,
}

/// Customer SLA credit: below `below_pct` monthly availability, credit
/// `credit_pct` of the month's fee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CreditStep {
    pub below_pct: f64,
    pub credit_pct: f64,
}

/// What outages cost the business.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Risk {
    /// Whole-region outages per region per year.
    pub regional_outages_per_year: f64,
    /// Typical outage duration, hours (the reference architecture's lasted four).
    pub typical_outage_hours: f64,
    /// Availability-zone losses per region per year: an assumption
    /// (Microsoft publishes no zone failure rate). Counted in the failover
    /// downtime where a tier's zone loss stops users.
    pub zonal_outages_per_year: f64,
    pub duration_distribution: DurationDistribution,
    /// Log-normal shape (sigma of the log) when that distribution is chosen.
    pub lognormal_sigma: f64,
    /// Lost revenue and cost of an hour of full downtime.
    pub downtime_cost_per_hour: f64,
    /// Monthly availability the business promises its customers, percent.
    pub customer_sla_pct: f64,
    /// Monthly fees covered by that SLA (the credit base).
    pub sla_covered_monthly_revenue: f64,
    pub credit_schedule: Vec<CreditStep>,
    /// Simulated years in the Monte Carlo.
    pub simulated_years: u32,
    /// Seed of the Monte Carlo (same seed, same answer).
    pub seed: u64,
}

impl Default for Risk {
    fn default() -> Self {
        Self {
            regional_outages_per_year: 0.5,
            typical_outage_hours: 4.0,
            zonal_outages_per_year: 1.0,
            duration_distribution: DurationDistribution::LogNormal,
            lognormal_sigma: 0.8,
            downtime_cost_per_hour: 25_000.0,
            customer_sla_pct: 99.95,
            sla_covered_monthly_revenue: 200_000.0,
            credit_schedule: vec![
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
            ],
            simulated_years: 20_000,
            seed: 42,
        }
    }
}

/// What the business needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    /// Recovery time on the loss of a region, seconds.
    pub rto_s: f64,
    /// Data loss window on the loss of a region, seconds.
    pub rpo_s: f64,
    /// Composite availability, percent.
    pub availability_pct: f64,
    /// p95 latency for every user geography, ms.
    pub latency_p95_ms: f64,
    /// Apply the latency target to writes too (else reads only).
    pub latency_includes_writes: bool,
    /// Monthly budget; 0 means no budget.
    pub monthly_budget: f64,
    /// Which recovery figures the RTO and RPO targets are judged on (absent
    /// in scenarios and links from before it existed: they open on
    /// `expected`).
    pub basis: Basis,
}

/// The basis RTO and RPO targets are judged on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// What usually happens: the modelled (typical) figures.
    #[default]
    Expected,
    /// The bound Microsoft documents or backs for the configuration
    /// ([`crate::engine::resilience::bounds`]).
    Guaranteed,
}

impl Basis {
    pub const ALL: [Self; 2] = [Self::Expected, Self::Guaranteed];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Guaranteed => "guaranteed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Expected => "Expected (typical, modelled)",
            Self::Guaranteed => "Guaranteed (Microsoft's documented bound)",
        }
    }
}

impl Default for Targets {
    fn default() -> Self {
        Self {
            rto_s: 60.0,
            rpo_s: 5.0,
            availability_pct: 99.95,
            latency_p95_ms: 80.0,
            latency_includes_writes: false,
            monthly_budget: 0.0,
            basis: Basis::Expected,
        }
    }
}

/// Commercial terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commercial {
    /// Negotiated discount off every line (EA/MCA), percent.
    pub discount_pct: f64,
    /// Reservation for compute (App Service, VMs) and Cosmos DB throughput:
    /// manual RU/s whole; autoscaled compute and autoscale RU/s on their
    /// floor (the rest pay-as-you-go).
    pub reservation: ReservationTerm,
    /// Hours billed per month (730 is Azure's and infracost's convention).
    pub hours_per_month: f64,
    /// Figures shown in another currency than the price sheet's, at an
    /// exchange rate the person types (None: the sheet's own currency).
    pub conversion: Option<Conversion>,
}

/// An exchange rate the person types to see every figure in another
/// currency than the price sheet's: every unit price is multiplied by
/// `rate` before anything is priced, so line items, totals, unit prices in
/// the working and exports are all in `currency`. Amounts the person types
/// (budget, downtime cost, credits) are read in `currency` too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conversion {
    /// Three-letter ISO 4217 code the figures are shown in, e.g. `EUR`.
    pub currency: String,
    /// Units of `currency` for one unit of the sheet's currency
    /// (e.g. 0.92 EUR per USD).
    pub rate: f64,
    /// The day the rate was taken, `YYYY-MM-DD`: shown with every figure
    /// ("converted at 0.92 EUR per USD on 2026-12-02").
    pub as_of: String,
}

impl Default for Conversion {
    fn default() -> Self {
        Self {
            currency: "EUR".into(),
            rate: 1.0,
            as_of: String::new(),
        }
    }
}

impl Default for Commercial {
    fn default() -> Self {
        Self {
            discount_pct: 0.0,
            reservation: ReservationTerm::None,
            hours_per_month: 730.0,
            conversion: None,
        }
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            name: "My web app".into(),
            notes: String::new(),
            prepared_by: String::new(),
            regions: vec![
                RegionShare {
                    region: "westeurope".into(),
                    traffic_share: 0.5,
                },
                RegionShare {
                    region: "southeastasia".into(),
                    traffic_share: 0.5,
                },
            ],
            workload: Workload::default(),
            compute: Compute::default(),
            data: Data::default(),
            edge: Edge::default(),
            platform: Platform::default(),
            resilience: Resilience::default(),
            risk: Risk::default(),
            targets: Targets::default(),
            commercial: Commercial::default(),
            price_sheet: None,
            ranges: crate::engine::ranges::Ranges::default(),
        }
    }
}

impl Scenario {
    /// Seconds in the billing month (hours per month x 3,600).
    pub fn seconds_per_month(&self) -> f64 {
        self.commercial.hours_per_month * 3600.0
    }
}
