//! RTO, RPO, composite availability and latency of a tier. RTO comes from
//! the routing band and the write failover; RPO from the data band only;
//! the two are never conflated (the reference architecture's rule).

use serde::Serialize;

use super::format;
use super::regions::{great_circle_km, RegionTable};
use super::scenario::{Basis, Consistency, Scenario, WriteFailover};
use super::tiers::TierId;

/// Minutes in a year (365 days), for downtime from availability.
pub const MINUTES_PER_YEAR: f64 = 525_600.0;

/// A recovery bound Microsoft documents, with the page it is on and the
/// figure quoted from it. The guaranteed basis is built from these.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DocumentedBound {
    /// Seconds used by the planner.
    pub seconds: f64,
    /// The documented figure is a floor ("1 hour (or more)"): the planner
    /// uses it and says "or more".
    pub or_more: bool,
    /// The page (learn.microsoft.com).
    pub url: &'static str,
    /// The figure as Microsoft words it.
    pub quote: &'static str,
}

impl DocumentedBound {
    /// "Microsoft documents “…” (url)".
    pub fn citation(&self) -> String {
        format!(
            "Microsoft documents \u{201c}{}\u{201d} ({})",
            self.quote, self.url
        )
    }
}

/// Every documented bound of the guaranteed basis, in one place. The quotes
/// are verbatim from the pages named.
pub mod bounds {
    use super::DocumentedBound;

    /// Cosmos DB consistency levels, RPO table: "| >1 | Single write region |
    /// Session, Consistent Prefix, Eventual | < 15 minutes |" (and the same for
    /// multiple write regions).
    /// <https://learn.microsoft.com/azure/cosmos-db/consistency-levels>
    pub const COSMOS_RPO_MULTI_REGION: DocumentedBound = DocumentedBound {
        seconds: 900.0,
        or_more: false,
        url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
        quote: "< 15 minutes (more than one region; Session, Consistent Prefix, Eventual)",
    };
    /// Same page: bounded staleness RPO is *K* & *T*; "For multi-region
    /// accounts the minimum value of K and T is 100,000 write operations or
    /// 300 seconds. This value defines the minimum RPO for data when using
    /// Bounded Staleness." The planner uses the documented minimum, 300 s.
    pub const COSMOS_RPO_BOUNDED_STALENESS: DocumentedBound = DocumentedBound {
        seconds: 300.0,
        or_more: false,
        url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
        quote: "For multi-region accounts the minimum value of K and T is 100,000 write operations or 300 seconds",
    };
    /// Same page: "| >1 | Single write region | Strong | 0 |".
    pub const COSMOS_RPO_STRONG: DocumentedBound = DocumentedBound {
        seconds: 0.0,
        or_more: false,
        url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
        quote: "Single write region | Strong | 0",
    };
    /// Same page: "| 1 | Single or Multiple write regions | Any Consistency
    /// Level | < 240 Minutes |".
    pub const COSMOS_RPO_SINGLE_REGION: DocumentedBound = DocumentedBound {
        seconds: 14_400.0,
        or_more: false,
        url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
        quote: "< 240 Minutes (one region, any consistency level)",
    };
    /// Reliability in Cosmos DB for NoSQL: "Even with service-managed
    /// failover enabled, partial outage may require manual intervention for
    /// the Azure Cosmos DB service team. In these scenarios, it may take up
    /// to 1 hour (or more) for failover to take effect."
    /// <https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql>
    pub const COSMOS_WRITE_FAILOVER: DocumentedBound = DocumentedBound {
        seconds: 3_600.0,
        or_more: true,
        url: "https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql",
        quote: "it may take up to 1 hour (or more) for failover to take effect",
    };
    /// Reliability in Azure SQL Database: "The minimum grace period is one
    /// hour. However, the Microsoft response time will likely be several
    /// hours at least." (Microsoft-managed failover-group failover.)
    /// <https://learn.microsoft.com/azure/reliability/reliability-sql-database>
    pub const SQL_FAILOVER_GROUP_GRACE: DocumentedBound = DocumentedBound {
        seconds: 3_600.0,
        or_more: true,
        url: "https://learn.microsoft.com/azure/reliability/reliability-sql-database",
        quote: "The minimum grace period is one hour. However, the Microsoft response time will likely be several hours at least.",
    };
    /// Azure SQL Database business continuity overview, recovery table:
    /// "| Auto-failover groups | 1 h | 5 s |" (RTO, RPO).
    /// <https://learn.microsoft.com/azure/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview>
    pub const SQL_GEO_REPLICATION_RPO: DocumentedBound = DocumentedBound {
        seconds: 5.0,
        or_more: false,
        url: "https://learn.microsoft.com/azure/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview",
        quote: "Auto-failover groups | 1 h | 5 s",
    };
}

/// AKS Free tier: no SLA. Microsoft gives it a service level objective only:
/// "You can still create an unlimited number of free clusters with a
/// service level objective (SLO) of 99.5% and opt for the preferred SLO."
/// (earlier copies of <https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers>;
/// the current page offers Standard when "You need a financially backed
/// SLA"). The composite uses this objective, labelled "no SLA", rather than
/// the Standard tier's 99.95%.
pub const AKS_FREE_SLO_PCT: f64 = 99.5;

/// One basis's recovery figures of a tier, seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Recovery {
    pub rto_reads_s: f64,
    pub rto_writes_s: f64,
    /// The later of reads and writes.
    pub rto_s: f64,
    pub rto_ledger_s: Option<f64>,
    pub rpo_s: f64,
}

/// Which part of a figure a [`Part`] is (its name and explanation are
/// written from it on demand by [`super::resilience_words`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKey {
    /// RTO, single region: rebuild or restore in another region by hand.
    Rebuild,
    FrontDoorDetection,
    /// Traffic Manager's DNS TTL.
    DnsTtl,
    StandbyScaleOut,
    /// The write-region failover (service-managed or human-gated).
    WriteFailover,
    /// RPO, single region: restore from the geo-redundant backup.
    CosmosBackupRestore,
    CosmosStrong,
    CosmosAsync,
    CosmosMultiWrite,
    /// The SQL ledger failover group's asynchronous lag.
    SqlLag,
    /// Availability: one stamp's serial chain.
    OneStamp,
    /// Availability: that many stamps in parallel.
    StampsInParallel(usize),
    /// Availability: Front Door (× Traffic Manager when it steers).
    GlobalBand {
        steered: bool,
    },
    /// Availability: Cosmos DB × SQL.
    DataBand,
    /// Guaranteed RTO: reads, as configured (no Microsoft bound).
    GuaranteedReads,
    GuaranteedWriteFailover,
    GuaranteedSqlGrace,
    /// Guaranteed RPO: Cosmos DB's documented bound.
    GuaranteedCosmosRpo,
    GuaranteedSqlRpo,
}

/// One part of a figure: "Front Door detection 45 s".
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Part {
    pub key: PartKey,
    pub value: f64,
}

impl Part {
    pub fn new(key: PartKey, value: f64) -> Self {
        Self { key, value }
    }
}

/// p95 latency of one user geography.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeoLatency {
    /// The region the users are near.
    pub region: String,
    pub display_name: String,
    pub traffic_share: f64,
    /// The stamp that serves their requests.
    pub served_by: String,
    pub reads_p95_ms: f64,
    pub writes_p95_ms: f64,
}

/// Recovery, availability and latency of one tier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TierResilience {
    /// Until reads are served again after losing a whole region, seconds.
    pub rto_reads_s: f64,
    /// Until writes are accepted again, seconds.
    pub rto_writes_s: f64,
    /// The later of the two.
    pub rto_s: f64,
    pub rto_parts: Vec<Part>,
    /// SQL ledger writes recover after the failover group fails over
    /// (reported apart: the reference architecture keeps it in a runbook), seconds.
    pub rto_ledger_s: Option<f64>,
    /// Data lost on the loss of a region, seconds of writes.
    pub rpo_s: f64,
    pub rpo_parts: Vec<Part>,
    /// The figures above are the expected basis; these are the guaranteed
    /// one: each bound Microsoft documents for the configuration, never
    /// below the expected figure.
    pub guaranteed: Recovery,
    /// How the guaranteed RTO figures are made, each documented bound cited
    /// (page and quoted figure) in its `how`.
    pub guaranteed_rto_parts: Vec<Part>,
    /// How the guaranteed RPO is made, cited the same way.
    pub guaranteed_rpo_parts: Vec<Part>,
    /// Composite availability, 0–1.
    pub availability: f64,
    pub availability_parts: Vec<Part>,
    pub downtime_min_per_year: f64,
    /// Time spent failing over, minutes a year: each region's expected
    /// losses a year × the share of users it stops × the tier's recovery
    /// time for that loss (`risk.regional_outages_per_year` ×
    /// Σ affected × RTO, the loss impacts of [`super::risk::loss_impacts`],
    /// uncapped by the outage's length). The SLA composite above assumes
    /// failover is instant; this is what it leaves out.
    pub failover_downtime_min_per_year: f64,
    /// A region-loss drill's measured RTO, which replaced the modelled
    /// expected one (`rto_s`; reads no later than it, writes at it).
    pub rto_measured: Option<super::failure_modes::Measured>,
    pub rpo_measured: Option<super::failure_modes::Measured>,
    /// The model's expected RTO and RPO before any drill replaced them.
    pub rto_modelled_s: f64,
    pub rpo_modelled_s: f64,
    /// The part of it from zone losses: `zonal outages a year × regions ×
    /// users a zone's loss stops × its recovery time` (0 wherever the stamps
    /// and Cosmos DB are zone-redundant or span regions).
    pub zonal_failover_downtime_min_per_year: f64,
    /// The composite availability with that failover time counted:
    /// `availability − failover minutes ÷ minutes a year`.
    pub availability_with_failover: f64,
    pub latency: Vec<GeoLatency>,
    /// Worst p95 over geographies (reads, or reads and writes when the
    /// target includes writes).
    pub latency_p95_ms: f64,
    pub notes: Vec<String>,
}

impl TierResilience {
    /// The expected (modelled) recovery figures.
    pub fn expected(&self) -> Recovery {
        Recovery {
            rto_reads_s: self.rto_reads_s,
            rto_writes_s: self.rto_writes_s,
            rto_s: self.rto_s,
            rto_ledger_s: self.rto_ledger_s,
            rpo_s: self.rpo_s,
        }
    }

    /// The recovery figures on a basis.
    pub fn on(&self, basis: Basis) -> Recovery {
        match basis {
            Basis::Expected => self.expected(),
            Basis::Guaranteed => self.guaranteed,
        }
    }
}

/// Network round trip between two regions' users and stamp, ms: a measured
/// override if the user gave one, else `2 × great-circle km × route factor
/// ÷ fibre km per ms` (0 within a region).
pub fn network_rtt_ms(s: &Scenario, regions: &RegionTable, from: &str, to: &str) -> f64 {
    if from == to {
        return 0.0;
    }
    let r = &s.resilience;
    if let Some(m) = r
        .measured_rtts
        .iter()
        .find(|m| (m.from == from && m.to == to) || (m.from == to && m.to == from))
    {
        return m.rtt_ms;
    }
    match (regions.get(from), regions.get(to)) {
        (Some(a), Some(b)) => 2.0 * great_circle_km(a, b) * r.route_factor / r.fibre_km_per_ms,
        _ => 0.0,
    }
}

/// Mean time for Front Door to take a dead origin out of rotation:
/// the first failed probe lands on average half an interval after the
/// failure, then `failed samples − 1` more intervals, then the drain.
pub fn front_door_detection_s(s: &Scenario) -> f64 {
    let r = &s.resilience;
    r.probe_interval_s * (r.failed_samples_to_flip as f64 - 0.5) + r.drain_s
}

pub(crate) fn write_failover_s(s: &Scenario) -> (f64, &'static str) {
    match s.resilience.write_failover {
        WriteFailover::ServiceManaged => (
            s.resilience.service_managed_failover_s,
            "Writes: service-managed write-region failover",
        ),
        WriteFailover::HumanGated => (
            s.resilience.human_promotion_s,
            "Writes: human-gated write-region promotion (runbook)",
        ),
    }
}

/// Recovery time of a tier on the loss of its primary region.
fn rto(tier: TierId, s: &Scenario, stamps_capacity: &[f64]) -> (f64, f64, Vec<Part>) {
    let r = &s.resilience;
    let mut parts = Vec::new();
    if tier == TierId::SingleRegion {
        let t = r.rebuild_hours * 3600.0;
        parts.push(Part::new(PartKey::Rebuild, t));
        return (t, t, parts);
    }
    let detect = front_door_detection_s(s);
    parts.push(Part::new(PartKey::FrontDoorDetection, detect));
    let mut reads = detect;
    if s.edge.traffic_manager {
        parts.push(Part::new(PartKey::DnsTtl, r.dns_ttl_s));
        reads += r.dns_ttl_s;
    }
    if tier == TierId::ActivePassive && stamps_capacity.get(1).copied().unwrap_or(0.0) < 1.0 {
        parts.push(Part::new(PartKey::StandbyScaleOut, r.standby_scale_out_s));
        reads += r.standby_scale_out_s;
    }
    let writes = match tier {
        TierId::MultiWrite => reads,
        _ => {
            let (t, _) = write_failover_s(s);
            parts.push(Part::new(PartKey::WriteFailover, t));
            reads.max(t)
        }
    };
    (reads, writes, parts)
}

/// Data lost on the loss of the region holding the newest writes.
fn rpo(tier: TierId, s: &Scenario) -> (f64, Vec<Part>, Vec<String>) {
    let r = &s.resilience;
    let mut parts = Vec::new();
    let mut notes = Vec::new();
    let cosmos = match tier {
        TierId::SingleRegion => {
            let t = r.backup_interval_min * 60.0;
            parts.push(Part::new(PartKey::CosmosBackupRestore, t));
            let b = &s.data.backup;
            if b.mode != super::scenario::BackupMode::Periodic
                || b.redundancy != super::scenario::BackupRedundancy::Geo
            {
                notes.push("The Cosmos DB backups stay in the region (continuous backups, or periodic ones on zone- or locally redundant storage): rebuilding in another region has no copy to restore from until the region returns. Only geo-redundant periodic backups are copied to the paired region (learn.microsoft.com/azure/cosmos-db/periodic-backup-storage-redundancy).".into());
            }
            t
        }
        TierId::ActivePassive | TierId::ActiveActiveReads => {
            if s.data.consistency == Consistency::Strong {
                parts.push(Part::new(PartKey::CosmosStrong, 0.0));
                0.0
            } else {
                parts.push(Part::new(PartKey::CosmosAsync, r.async_replication_lag_s));
                r.async_replication_lag_s
            }
        }
        TierId::MultiWrite => {
            parts.push(Part::new(
                PartKey::CosmosMultiWrite,
                r.multi_write_replication_lag_s,
            ));
            notes.push("Near-zero RPO assumes a deliberate conflict policy: last-writer-wins silently drops the losing write.".into());
            r.multi_write_replication_lag_s
        }
    };
    let mut total = cosmos;
    if s.data.sql.enabled && tier != TierId::SingleRegion {
        parts.push(Part::new(PartKey::SqlLag, r.sql_replication_lag_s));
        total = total.max(r.sql_replication_lag_s);
    }
    (total, parts, notes)
}

/// The serial chain of one stamp: each component and its SLA, percent.
pub(crate) fn stamp_chain(s: &Scenario) -> Vec<(&'static str, f64)> {
    let sl = &s.resilience.slas;
    let mut chain = Vec::with_capacity(6);
    if s.compute.app_service.enabled {
        chain.push(("App Service", sl.app_service_pct));
    }
    if s.compute.aks.enabled {
        if s.compute.aks.tier == super::scenario::AksTier::Free {
            chain.push((
                "AKS Free (no SLA; service level objective)",
                AKS_FREE_SLO_PCT,
            ));
        } else {
            chain.push(("AKS", sl.aks_pct));
        }
        if s.compute.aks.app_gateway {
            chain.push(("Application Gateway", sl.app_gateway_pct));
        }
    }
    if s.platform.redis != super::scenario::RedisSku::None {
        chain.push(("Redis", sl.redis_pct));
    }
    chain.push(("Key Vault", sl.key_vault_pct));
    if s.platform.app_configuration {
        chain.push(("App Configuration", sl.app_configuration_pct));
    }
    chain
}

/// The data band's SLAs: Cosmos DB's for the account's shape (and what
/// that shape is, in words), the SQL ledger's, and whether zone redundancy
/// was asked for in a write region without zones.
pub(crate) struct DataBand<'a> {
    pub cosmos_pct: f64,
    pub cosmos_shape: &'static str,
    pub sql_pct: Option<f64>,
    pub lost_zones: bool,
    pub write_region: &'a str,
}

pub(crate) fn data_band<'a>(tier: TierId, s: &'a Scenario, regions: &RegionTable) -> DataBand<'a> {
    let sl = &s.resilience.slas;
    let write_region = s.regions.first().map_or("", |r| r.region.as_str());
    let zones_here = regions.has_zones(write_region);
    let zonal = s.data.cosmos_zone_redundant && zones_here;
    let (cosmos_pct, cosmos_shape) = match tier {
        TierId::SingleRegion => {
            if zonal {
                (
                    sl.cosmos_single_region_zonal_pct,
                    "single region with zones",
                )
            } else {
                (sl.cosmos_single_region_pct, "single region")
            }
        }
        TierId::ActivePassive | TierId::ActiveActiveReads => {
            if zonal {
                (
                    sl.cosmos_single_region_zonal_pct,
                    "single write region with zones (write SLA)",
                )
            } else {
                (
                    sl.cosmos_single_region_pct,
                    "single write region (write SLA)",
                )
            }
        }
        TierId::MultiWrite => (sl.cosmos_multi_region_pct, "multi-region writes"),
    };
    let sql_pct = s
        .data
        .sql
        .enabled
        .then_some(if s.data.sql.zone_redundant && zones_here {
            sl.sql_zone_redundant_pct
        } else {
            sl.sql_pct
        });
    // Zone redundancy asked for but impossible in the write region.
    let lost_zones = !zones_here
        && (s.data.cosmos_zone_redundant || (s.data.sql.enabled && s.data.sql.zone_redundant));
    DataBand {
        cosmos_pct,
        cosmos_shape,
        sql_pct,
        lost_zones,
        write_region,
    }
}

/// Composite availability: global band × parallel stamps × data band.
/// A stamp is a serial chain (∏ of its components' SLAs); N stamps in
/// parallel give `1 − (1 − A_stamp)^N`; the global band is Front Door (and
/// Traffic Manager where it steers); the data band is Cosmos DB's SLA for the
/// account's shape (write SLA) and the SQL ledger's.
///
/// Zone redundancy needs availability zones: where the write region has
/// none ([`RegionTable::has_zones`], Microsoft's regions list), Cosmos DB and
/// SQL Database cannot be zone-redundant there, so the data band uses their
/// SLAs without zones, whatever the scenario asks for.
fn availability(
    tier: TierId,
    s: &Scenario,
    regions: &RegionTable,
    stamps: usize,
) -> (f64, Vec<Part>) {
    let sl = &s.resilience.slas;
    let pct = |v: f64| v / 100.0;
    let mut parts = Vec::with_capacity(4);
    let stamp: f64 = stamp_chain(s).iter().map(|(_, v)| pct(*v)).product();
    parts.push(Part::new(PartKey::OneStamp, stamp));
    let parallel = 1.0 - (1.0 - stamp).powi(stamps as i32);
    if stamps > 1 {
        parts.push(Part::new(PartKey::StampsInParallel(stamps), parallel));
    }
    let steered = s.edge.traffic_manager && stamps > 1;
    let mut global = pct(sl.front_door_pct);
    if steered {
        global *= pct(sl.traffic_manager_pct);
    }
    parts.push(Part::new(PartKey::GlobalBand { steered }, global));
    let band = data_band(tier, s, regions);
    let data = pct(band.cosmos_pct) * band.sql_pct.map_or(1.0, pct);
    parts.push(Part::new(PartKey::DataBand, data));
    (global * parallel * data, parts)
}

/// Strong consistency commits a write only once every region has it:
/// "the write latency is equal to two times round-trip time (RTT) between
/// any of the two farthest regions, plus 10 milliseconds at the 99th
/// percentile" (<https://learn.microsoft.com/azure/cosmos-db/consistency-levels>).
/// The extra write latency of a single-writer tier with more than one
/// Cosmos region under Strong: `2 × RTT(write region, farthest other
/// region) + 10 ms`; 0 otherwise (one region, weaker consistency, or
/// multi-region writes, where Strong is not available).
pub fn strong_write_extra_ms(tier: TierId, s: &Scenario, regions: &RegionTable) -> f64 {
    if s.data.consistency != Consistency::Strong {
        return 0.0;
    }
    let account: &[crate::engine::scenario::RegionShare] = match tier {
        TierId::SingleRegion | TierId::MultiWrite => return 0.0,
        TierId::ActivePassive => &s.regions[..s.regions.len().min(2)],
        TierId::ActiveActiveReads => &s.regions,
    };
    let Some(primary) = account.first() else {
        return 0.0;
    };
    let farthest = account
        .iter()
        .skip(1)
        .map(|r| network_rtt_ms(s, regions, &primary.region, &r.region))
        .fold(0.0, f64::max);
    if account.len() < 2 {
        0.0
    } else {
        2.0 * farthest + STRONG_WRITE_P99_EXTRA_MS
    }
}

/// The "plus 10 milliseconds" of Strong's write latency (consistency-levels).
pub const STRONG_WRITE_P99_EXTRA_MS: f64 = 10.0;

/// p95 latency per user geography: `base + network RTT(users → serving
/// stamp)` for reads, plus `RTT(stamp → write region)` for writes in the
/// single-writer tiers, plus Strong consistency's commit across regions
/// ([`strong_write_extra_ms`]).
fn latency(tier: TierId, s: &Scenario, regions: &RegionTable) -> Vec<GeoLatency> {
    let base = s.resilience.base_latency_ms;
    let strong = strong_write_extra_ms(tier, s, regions);
    s.regions
        .iter()
        .map(|u| {
            let (served_by, to_stamp, to_writer) = geo_legs(tier, s, regions, &u.region, strong);
            GeoLatency {
                display_name: regions
                    .get(&u.region)
                    .map(|r| r.display_name.clone())
                    .unwrap_or_else(|| u.region.clone()),
                region: u.region.clone(),
                traffic_share: u.traffic_share,
                served_by: served_by.to_string(),
                reads_p95_ms: base + to_stamp,
                writes_p95_ms: base + to_stamp + to_writer,
            }
        })
        .collect()
}

/// The legs of one user geography's latency: the stamp serving it, the
/// round trip to that stamp, and what writes add (to the write region,
/// plus `strong`, Strong consistency's commit), ms.
pub(crate) fn geo_legs<'a>(
    tier: TierId,
    s: &'a Scenario,
    regions: &RegionTable,
    users: &'a str,
    strong: f64,
) -> (&'a str, f64, f64) {
    let primary = s.regions.first().map_or("", |r| r.region.as_str());
    let served_by = match tier {
        TierId::SingleRegion | TierId::ActivePassive => primary,
        _ => users,
    };
    let to_stamp = network_rtt_ms(s, regions, users, served_by);
    let to_writer = match tier {
        TierId::ActiveActiveReads => network_rtt_ms(s, regions, served_by, primary),
        _ => 0.0,
    } + strong;
    (served_by, to_stamp, to_writer)
}

/// The documented bound on Cosmos DB's data loss for the tier's
/// configuration.
pub(crate) fn cosmos_rpo_bound(tier: TierId, s: &Scenario) -> DocumentedBound {
    match tier {
        TierId::SingleRegion => bounds::COSMOS_RPO_SINGLE_REGION,
        _ => match s.data.consistency {
            Consistency::Strong if tier != TierId::MultiWrite => bounds::COSMOS_RPO_STRONG,
            Consistency::BoundedStaleness => bounds::COSMOS_RPO_BOUNDED_STALENESS,
            _ => bounds::COSMOS_RPO_MULTI_REGION,
        },
    }
}

/// The guaranteed basis: each expected figure raised to the bound Microsoft
/// documents for the tier's configuration ([`bounds`]). Routing (Front Door
/// probes, DNS TTL, scale-out) and a hand rebuild have no documented bound:
/// they keep their configured figures and say so.
fn guaranteed(tier: TierId, s: &Scenario, expected: &Recovery) -> (Recovery, Vec<Part>, Vec<Part>) {
    let mut parts = Vec::new();
    let reads = expected.rto_reads_s;
    parts.push(Part::new(PartKey::GuaranteedReads, reads));
    let writes = match tier {
        TierId::SingleRegion | TierId::MultiWrite => reads,
        TierId::ActivePassive | TierId::ActiveActiveReads => {
            let b = bounds::COSMOS_WRITE_FAILOVER;
            let (t, _) = write_failover_s(s);
            let w = b.seconds.max(t);
            parts.push(Part::new(PartKey::GuaranteedWriteFailover, w));
            reads.max(w)
        }
    };
    let rto_ledger_s = expected.rto_ledger_s.map(|l| {
        if tier == TierId::SingleRegion {
            return l;
        }
        let b = bounds::SQL_FAILOVER_GROUP_GRACE;
        let g = b.seconds.max(l);
        parts.push(Part::new(PartKey::GuaranteedSqlGrace, g));
        g
    });
    let rto_parts = std::mem::take(&mut parts);
    let cosmos = cosmos_rpo_bound(tier, s);
    parts.push(Part::new(PartKey::GuaranteedCosmosRpo, cosmos.seconds));
    let mut rpo = cosmos.seconds;
    if s.data.sql.enabled && tier != TierId::SingleRegion {
        let b = bounds::SQL_GEO_REPLICATION_RPO;
        parts.push(Part::new(PartKey::GuaranteedSqlRpo, b.seconds));
        rpo = rpo.max(b.seconds);
    }
    let rpo_s = rpo.max(expected.rpo_s);
    (
        Recovery {
            rto_reads_s: reads,
            rto_writes_s: writes,
            rto_s: reads.max(writes),
            rto_ledger_s,
            rpo_s,
        },
        rto_parts,
        parts,
    )
}

/// Everything resilience for one tier, in numbers (each part's name and
/// explanation are written on demand by [`super::resilience_words`]).
/// `stamp_capacities` are the tier's stamps' capacity fractions, in order.
pub fn assess(
    tier: TierId,
    s: &Scenario,
    regions: &RegionTable,
    stamp_capacities: &[f64],
) -> TierResilience {
    let (rto_reads_s, rto_writes_s, rto_parts) = rto(tier, s, stamp_capacities);
    let (rpo_s, rpo_parts, mut notes) = rpo(tier, s);
    if s.compute.aks.enabled && s.compute.aks.tier == super::scenario::AksTier::Free {
        notes.push(format!(
            "AKS Free tier has no SLA: availability uses its {}% service level objective, which Microsoft does not back with service credits (Standard or Premium carry the uptime SLA).",
            format::number(AKS_FREE_SLO_PCT, 1)
        ));
    }
    let (availability, availability_parts) = availability(tier, s, regions, stamp_capacities.len());
    let latency = latency(tier, s, regions);
    let latency_p95_ms = latency
        .iter()
        .map(|g| {
            if s.targets.latency_includes_writes {
                g.reads_p95_ms.max(g.writes_p95_ms)
            } else {
                g.reads_p95_ms
            }
        })
        .fold(0.0, f64::max);
    let rto_ledger_s = if s.data.sql.enabled {
        if tier == TierId::SingleRegion {
            Some(rto_reads_s)
        } else {
            let detect = front_door_detection_s(s);
            let (t, _) = write_failover_s(s);
            Some(detect.max(t))
        }
    } else {
        None
    };
    if let Some(l) = rto_ledger_s {
        if tier != TierId::SingleRegion && l > rto_writes_s {
            notes.push(format!(
                "SQL ledger writes recover after its failover group fails over: {}.",
                format::duration(l)
            ));
        }
    }
    let rto_modelled_s = rto_reads_s.max(rto_writes_s);
    let rpo_modelled_s = rpo_s;
    // A region-loss drill replaces the modelled expected figures
    // ([`super::drills`]): the measured RTO is the time until service
    // resumed, so reads come back no later and writes at it.
    let region = super::failure_modes::FailureMode::RegionLoss;
    let rto_drill = super::drills::latest(s, tier, region, super::scenario::DrillMeasure::Rto);
    let rpo_drill = super::drills::latest(s, tier, region, super::scenario::DrillMeasure::Rpo);
    let (rto_reads_s, rto_writes_s) = match rto_drill {
        Some(d) => (rto_reads_s.min(d.value_s), d.value_s),
        None => (rto_reads_s, rto_writes_s),
    };
    let rpo_s = rpo_drill.map_or(rpo_s, |d| d.value_s);
    let rto_measured = rto_drill.map(super::drills::measured);
    let rpo_measured = rpo_drill.map(super::drills::measured);
    let expected = Recovery {
        rto_reads_s,
        rto_writes_s,
        rto_s: rto_reads_s.max(rto_writes_s),
        rto_ledger_s,
        rpo_s,
    };
    let (guaranteed, guaranteed_rto_parts, guaranteed_rpo_parts) = guaranteed(tier, s, &expected);
    let failover_downtime_min_per_year = s.risk.regional_outages_per_year
        * super::risk::loss_impacts(tier, s, rto_reads_s, expected.rto_s)
            .iter()
            .map(|i| i.affected * i.recovery_h * 60.0)
            .sum::<f64>();
    // Zone losses: each of the tier's regions loses a zone λz times a year;
    // where that stops users, for the zone's outage
    // ([`super::failure_modes::zone_loss_stop`]).
    let (zone_users, zone_s) = super::failure_modes::zone_loss_stop(tier, s);
    let zonal_failover_downtime_min_per_year =
        s.risk.zonal_outages_per_year * stamp_capacities.len() as f64 * zone_users * zone_s / 60.0;
    let failover_downtime_min_per_year =
        failover_downtime_min_per_year + zonal_failover_downtime_min_per_year;
    let availability_with_failover =
        (availability - failover_downtime_min_per_year / MINUTES_PER_YEAR).max(0.0);
    TierResilience {
        rto_measured,
        rpo_measured,
        rto_modelled_s,
        rpo_modelled_s,
        zonal_failover_downtime_min_per_year,
        failover_downtime_min_per_year,
        availability_with_failover,
        rto_reads_s,
        rto_writes_s,
        rto_s: expected.rto_s,
        rto_parts,
        rto_ledger_s,
        rpo_s,
        rpo_parts,
        guaranteed,
        guaranteed_rto_parts,
        guaranteed_rpo_parts,
        availability,
        availability_parts,
        downtime_min_per_year: (1.0 - availability) * MINUTES_PER_YEAR,
        latency,
        latency_p95_ms,
        notes,
    }
}
