//! The parts of a tier's RTO, RPO and availability, and each user
//! geography's latency, in words: written on demand (the working panel)
//! from the same scenario and figures the evaluation used
//! ([`super::resilience::assess`] records each part by its [`PartKey`]).

use serde::Serialize;
use std::borrow::Cow;

use super::format;
use super::regions::RegionTable;
use super::resilience::{
    bounds, cosmos_rpo_bound, data_band, geo_legs, stamp_chain, strong_write_extra_ms,
    write_failover_s, DocumentedBound, GeoLatency, Part, PartKey,
};
use super::scenario::Scenario;
use super::tiers::TierId;

/// A part with its name and explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartWords {
    pub name: Cow<'static, str>,
    pub value: f64,
    pub how: String,
}

/// Every part of a figure of tier `tier`, named and explained.
pub fn parts(tier: TierId, s: &Scenario, regions: &RegionTable, parts: &[Part]) -> Vec<PartWords> {
    parts
        .iter()
        .map(|p| PartWords {
            name: name(tier, s, p.key),
            value: p.value,
            how: how(tier, s, regions, p),
        })
        .collect()
}

/// A part's name, e.g. "Front Door detection and drain".
pub fn name(tier: TierId, s: &Scenario, key: PartKey) -> Cow<'static, str> {
    match key {
        PartKey::Rebuild => "Rebuild or restore in another region".into(),
        PartKey::FrontDoorDetection => "Front Door detection and drain".into(),
        PartKey::DnsTtl => "DNS TTL (Traffic Manager)".into(),
        PartKey::StandbyScaleOut => "Warm standby scale-out".into(),
        PartKey::WriteFailover => write_failover_s(s).1.into(),
        PartKey::CosmosBackupRestore => "Cosmos DB: restore from geo-redundant backup".into(),
        PartKey::CosmosStrong => "Cosmos DB single writer, Strong consistency".into(),
        PartKey::CosmosAsync => "Cosmos DB single writer, asynchronous replication".into(),
        PartKey::CosmosMultiWrite => "Cosmos DB multi-region writes".into(),
        PartKey::SqlLag => "SQL ledger failover group (asynchronous)".into(),
        PartKey::OneStamp => "One stamp (serial)".into(),
        PartKey::StampsInParallel(n) => format!("{n} stamps in parallel").into(),
        PartKey::GlobalBand { .. } => "Global band".into(),
        PartKey::DataBand => "Data band".into(),
        PartKey::GuaranteedReads => {
            if tier == TierId::SingleRegion {
                "Reads: rebuild in another region (no Microsoft bound; your estimate)".into()
            } else {
                "Reads: routing as configured (no Microsoft bound)".into()
            }
        }
        PartKey::GuaranteedWriteFailover => "Writes: Cosmos DB write-region failover".into(),
        PartKey::GuaranteedSqlGrace => {
            "SQL ledger: Microsoft-managed failover-group grace period".into()
        }
        PartKey::GuaranteedCosmosRpo => "Cosmos DB on a region-wide outage".into(),
        PartKey::GuaranteedSqlRpo => "SQL ledger failover group".into(),
    }
}

/// A documented bound cited, with the figure used.
fn cited(b: &DocumentedBound, used: f64) -> String {
    let more = if b.or_more { ", or more" } else { "" };
    format!("{}; {} s used{more}", b.citation(), format::number(used, 0))
}

/// How a part's value was made, with the numbers filled in.
pub fn how(tier: TierId, s: &Scenario, regions: &RegionTable, part: &Part) -> String {
    let r = &s.resilience;
    let sl = &r.slas;
    match part.key {
        PartKey::Rebuild => format!("{} h, by hand", format::number(r.rebuild_hours, 1)),
        PartKey::FrontDoorDetection => format!(
            "{} s probe interval × ({} failed samples − ½) + {} s drain",
            format::number(r.probe_interval_s, 0),
            r.failed_samples_to_flip,
            format::number(r.drain_s, 0)
        ),
        PartKey::DnsTtl => format!("{} s TTL", format::number(r.dns_ttl_s, 0)),
        PartKey::StandbyScaleOut => format!(
            "{} s to grow from its minimum to full capacity",
            format::number(r.standby_scale_out_s, 0)
        ),
        PartKey::WriteFailover => format!(
            "{} s, in parallel with routing",
            format::number(part.value, 0)
        ),
        PartKey::CosmosBackupRestore => format!(
            "backup every {} min",
            format::number(r.backup_interval_min, 0)
        ),
        PartKey::CosmosStrong => {
            "writes commit in every region before they are acknowledged".into()
        }
        PartKey::CosmosAsync => format!(
            "{} s replication lag",
            format::number(r.async_replication_lag_s, 1)
        ),
        PartKey::CosmosMultiWrite => format!(
            "{} s between write regions; only writes made in the lost region in that window",
            format::number(r.multi_write_replication_lag_s, 1)
        ),
        PartKey::SqlLag => format!(
            "{} s replication lag",
            format::number(r.sql_replication_lag_s, 1)
        ),
        PartKey::OneStamp => stamp_chain(s)
            .iter()
            .map(|(n, v)| format!("{n} {}%", format::number(*v, 3)))
            .collect::<Vec<_>>()
            .join(" × "),
        PartKey::StampsInParallel(n) => {
            let stamp: f64 = stamp_chain(s).iter().map(|(_, v)| v / 100.0).product();
            format!("1 − (1 − {})^{n}", format::percent(stamp, 4))
        }
        PartKey::GlobalBand { steered } => {
            let mut text = format!("Front Door {}%", format::number(sl.front_door_pct, 3));
            if steered {
                text.push_str(&format!(
                    " × Traffic Manager {}%",
                    format::number(sl.traffic_manager_pct, 3)
                ));
            }
            text
        }
        PartKey::DataBand => {
            let band = data_band(tier, s, regions);
            let mut text = format!(
                "Cosmos DB {}% ({})",
                format::number(band.cosmos_pct, 3),
                band.cosmos_shape
            );
            if let Some(v) = band.sql_pct {
                text.push_str(&format!(" × SQL {}%", format::number(v, 3)));
            }
            if band.lost_zones {
                text.push_str(&format!(
                    "; without zone redundancy: {} has no availability zones (Microsoft's Azure regions list, learn.microsoft.com/azure/reliability/regions-list)",
                    regions.display_name(band.write_region)
                ));
            }
            text
        }
        PartKey::GuaranteedReads => {
            "Microsoft documents no bound for this part: the expected figure is used".into()
        }
        PartKey::GuaranteedWriteFailover => cited(&bounds::COSMOS_WRITE_FAILOVER, part.value),
        PartKey::GuaranteedSqlGrace => cited(&bounds::SQL_FAILOVER_GROUP_GRACE, part.value),
        PartKey::GuaranteedCosmosRpo => {
            let b = cosmos_rpo_bound(tier, s);
            cited(&b, b.seconds)
        }
        PartKey::GuaranteedSqlRpo => {
            let b = bounds::SQL_GEO_REPLICATION_RPO;
            cited(&b, b.seconds)
        }
    }
}

/// How one user geography's p95 latency was made.
pub fn latency_how(tier: TierId, s: &Scenario, regions: &RegionTable, g: &GeoLatency) -> String {
    let base = s.resilience.base_latency_ms;
    let primary = s.regions.first().map_or("", |r| r.region.as_str());
    let strong = strong_write_extra_ms(tier, s, regions);
    let (served_by, to_stamp, to_writer) = geo_legs(tier, s, regions, &g.region, strong);
    if strong > 0.0 {
        format!(
            "{} ms base + {} ms to the {served_by} stamp; writes + {} ms to the write region {primary} + {} ms for Strong consistency (2 × the round trip to the farthest region + 10 ms, Microsoft's consistency-levels page)",
            format::number(base, 0),
            format::number(to_stamp, 0),
            format::number(to_writer - strong, 0),
            format::number(strong, 0)
        )
    } else if to_writer > 0.0 {
        format!(
            "{} ms base + {} ms to the {served_by} stamp; writes + {} ms to the write region {primary}",
            format::number(base, 0),
            format::number(to_stamp, 0),
            format::number(to_writer, 0)
        )
    } else {
        format!(
            "{} ms base + {} ms to the {served_by} stamp",
            format::number(base, 0),
            format::number(to_stamp, 0)
        )
    }
}
