//! Latency: network round trips between regions (measured, or from the
//! distance), the extra write latency of Strong consistency, and p95
//! latency per user geography.

use std::sync::Arc;

use super::GeoLatency;
use crate::engine::regions::{great_circle_km, RegionTable};
use crate::engine::scenario::{Consistency, Scenario};
use crate::engine::tiers::TierId;

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
pub(super) fn latency(tier: TierId, s: &Scenario, regions: &RegionTable) -> Vec<GeoLatency> {
    let base = s.resilience.base_latency_ms;
    let strong = strong_write_extra_ms(tier, s, regions);
    s.regions
        .iter()
        .map(|u| {
            let (served_by, to_stamp, to_writer) = geo_legs(tier, s, regions, &u.region, strong);
            let known = regions.get(&u.region);
            // Every region of a valid scenario is in the table; a name it
            // lacks is copied.
            let name = |region: &str, r: Option<&crate::engine::regions::Region>| {
                r.map_or_else(|| Arc::from(region), |r| Arc::clone(&r.name))
            };
            GeoLatency {
                display_name: known.map_or_else(
                    || Arc::from(u.region.as_str()),
                    |r| Arc::clone(&r.display_name),
                ),
                region: name(&u.region, known),
                traffic_share: u.traffic_share,
                served_by: if served_by == u.region {
                    name(served_by, known)
                } else {
                    name(served_by, regions.get(served_by))
                },
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
