//! RTO, RPO, composite availability and latency of a tier. RTO comes from
//! the routing band and the write failover; RPO from the data band only;
//! the two are never conflated (the reference architecture's rule).
//!
//! This file holds the figures' types and [`assess`], which puts a tier's
//! figures together. They are worked out in `recovery` (RTO and RPO, on the
//! expected and the guaranteed basis), `availability` (the composite SLA)
//! and `latency` (round trips and p95 per user geography), re-exported
//! here; the documented bounds the guaranteed basis uses are in [`bounds`].

use serde::Serialize;
use std::sync::Arc;

use super::format;
use super::regions::RegionTable;
use super::scenario::{Basis, Scenario};
use super::tiers::TierId;

mod availability;
pub mod bounds;
mod latency;
mod recovery;

use availability::availability;
pub use availability::AKS_FREE_SLO_PCT;
pub(crate) use availability::{data_band, stamp_chain};
pub(crate) use latency::geo_legs;
use latency::latency;
pub use latency::{network_rtt_ms, strong_write_extra_ms, STRONG_WRITE_P99_EXTRA_MS};
pub use recovery::front_door_detection_s;
pub(crate) use recovery::{cosmos_rpo_bound, write_failover_s};
use recovery::{guaranteed, rpo, rto};

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
    /// The region the users are near (names shared with the region table,
    /// not copied on every evaluation).
    pub region: Arc<str>,
    pub display_name: Arc<str>,
    pub traffic_share: f64,
    /// The stamp that serves their requests.
    pub served_by: Arc<str>,
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
