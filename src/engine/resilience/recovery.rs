//! RTO and RPO of a tier: Front Door's detection, the write failover, the
//! expected figures from the routing and data bands, and the guaranteed
//! basis, each figure raised to the bound Microsoft documents.

use super::{bounds, DocumentedBound, Part, PartKey, Recovery};
use crate::engine::scenario::{Consistency, Scenario, WriteFailover};
use crate::engine::tiers::TierId;

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
pub(super) fn rto(tier: TierId, s: &Scenario, stamps_capacity: &[f64]) -> (f64, f64, Vec<Part>) {
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
pub(super) fn rpo(tier: TierId, s: &Scenario) -> (f64, Vec<Part>, Vec<String>) {
    let r = &s.resilience;
    let mut parts = Vec::new();
    let mut notes = Vec::new();
    let cosmos = match tier {
        TierId::SingleRegion => {
            let t = r.backup_interval_min * 60.0;
            parts.push(Part::new(PartKey::CosmosBackupRestore, t));
            let b = &s.data.backup;
            if b.mode != crate::engine::scenario::BackupMode::Periodic
                || b.redundancy != crate::engine::scenario::BackupRedundancy::Geo
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
pub(super) fn guaranteed(
    tier: TierId,
    s: &Scenario,
    expected: &Recovery,
) -> (Recovery, Vec<Part>, Vec<Part>) {
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
