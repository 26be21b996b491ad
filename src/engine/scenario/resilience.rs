//! Recovery mechanics and the latency model: write failover, component
//! SLAs, measured round trips and recorded drills.

use serde::{Deserialize, Serialize};

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
    /// Azure Cache for Redis (and Azure Managed Redis without zone
    /// redundancy: Microsoft gives 99.9% for its standard replication).
    pub redis_pct: f64,
    /// Azure Managed Redis with high availability across zones: 99.99%
    /// ("Zone redundancy ... 99.99%", learn.microsoft.com/azure/azure-cache-for-redis/managed-redis/managed-redis-high-availability).
    /// Absent in older scenarios: 99.99. Left out of the JSON at 99.99, so
    /// scenario files and share links that keep it are as before (the
    /// share-link length test).
    #[serde(skip_serializing_if = "is_managed_redis_default")]
    pub managed_redis_pct: f64,
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

/// Azure Managed Redis's zone-redundant SLA, percent.
const MANAGED_REDIS_PCT: f64 = 99.99;

fn is_managed_redis_default(pct: &f64) -> bool {
    *pct == MANAGED_REDIS_PCT
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
            managed_redis_pct: MANAGED_REDIS_PCT,
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
