//! Cosmos DB request units: what one operation costs and how much throughput
//! each region must carry.

use super::format;
use super::scenario::{Consistency, Workload};

/// Microsoft Learn page that publishes the RU charge of a point read and of a
/// write by item size (Cosmos DB for NoSQL).
pub const RU_TABLE_URL: &str =
    "https://learn.microsoft.com/azure/cosmos-db/understand-request-unit-consumption";

/// One row of Microsoft's published table: the RU charge of one point read
/// and of one write of an item of `kb` KB.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RuPoint {
    pub kb: f64,
    /// RU of a point read under Session or Eventual consistency.
    pub read_ru: f64,
    /// RU of a write (an insert: replaces cost [`REPLACE_FACTOR`] times this).
    pub write_ru: f64,
}

const fn point(kb: f64, read_ru: f64, write_ru: f64) -> RuPoint {
    RuPoint {
        kb,
        read_ru,
        write_ru,
    }
}

/// RU per operation by item size, the whole table of [`RU_TABLE_URL`]
/// ("Request Units consumption for an operation scales with document size due
/// to the increased CPU and I/O needed to process larger documents"), 1 KB to
/// 2,048 KB: "| 1 KB | 1.00 | 4.95 |" … "| 2,048 KB | 291.80 | 1250.00 |".
/// Conditions on that page: "Read RUs mentioned are applicable to session and
/// eventual consistency" (Strong and Bounded Staleness reads cost
/// [`STRONG_READ_FACTOR`] times as much); the table does not state an indexing
/// policy, and the page's worked examples charge indexing apart, at 0.2 RU per
/// indexed term; "The RU values described in this document are illustrative".
pub const RU_BY_ITEM_KB: [RuPoint; 12] = [
    point(1.0, 1.00, 4.95),
    point(2.0, 1.04, 6.29),
    point(4.0, 1.14, 6.67),
    point(8.0, 1.33, 7.04),
    point(16.0, 1.67, 9.52),
    point(32.0, 2.19, 11.23),
    point(64.0, 4.76, 22.67),
    point(128.0, 9.95, 48.19),
    point(256.0, 20.28, 98.29),
    point(512.0, 40.95, 184.57),
    point(1024.0, 145.90, 625.00),
    point(2048.0, 291.80, 1250.00),
];

/// Largest item Cosmos DB stores, KB: "Maximum size of an item | 2 MB (UTF-8
/// length of JSON representation)" (<https://learn.microsoft.com/azure/cosmos-db/concepts-limits>).
/// Validation caps `workload.item_kb` here, the table's last point.
pub const MAX_ITEM_KB: f64 = 2048.0;

/// A replace costs this many times an insert of the same item
/// (<https://learn.microsoft.com/azure/cosmos-db/optimize-cost-reads-writes>:
/// "Replacing an item costs two times the charge required to insert the same
/// item"; [`RU_TABLE_URL`]: "Updates approximately consume twice as many RUs as
/// creates when only a small number of index terms change").
pub const REPLACE_FACTOR: f64 = 2.0;

/// Reads under Strong or Bounded Staleness cost this many times as much, point
/// reads and queries alike
/// (<https://learn.microsoft.com/azure/cosmos-db/optimize-cost-reads-writes>:
/// "When using either the strong or bounded staleness consistency levels, the
/// RU cost of any read operation (point read or query) is doubled").
pub const STRONG_READ_FACTOR: f64 = 2.0;

/// Smallest manual throughput Cosmos DB provisions, RU/s (per container or
/// shared database; learn.microsoft.com/azure/cosmos-db/set-throughput).
pub const MIN_MANUAL_RU_PER_S: f64 = 400.0;

/// Smallest autoscale maximum, RU/s (learn.microsoft.com/azure/cosmos-db/provision-throughput-autoscale).
pub const MIN_AUTOSCALE_MAX_RU_PER_S: f64 = 1000.0;

/// Autoscale bills the highest RU/s reached each hour, never below this
/// fraction of the maximum (learn.microsoft.com/azure/cosmos-db/how-to-choose-offer).
pub const AUTOSCALE_FLOOR_FRACTION: f64 = 0.1;

/// Autoscale usage consumes reserved capacity at this multiple on
/// single-write accounts (learn.microsoft.com/azure/cosmos-db/autoscale-faq,
/// read in its docs.azure.cn copy and translated: the reservation discount for
/// autoscale resources is applied to metered usage at 1.5 × the region's rate;
/// to cover 10,000 autoscale RU/s, plan to buy 15,000 RU/s); 1 with multiple
/// write regions, billed at the multi-region-write rate.
pub const AUTOSCALE_RATE_FACTOR: f64 = 1.5;

/// Zone redundancy bills RU/s at this multiple on single-write manual
/// accounts; waived for multi-region writes and for autoscale
/// (learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql, "charged at 25% premium … waived").
pub const ZONE_REDUNDANCY_RU_FACTOR: f64 = 1.25;

/// The published points an item size falls between: `(lower, upper)`, the
/// same point twice when the size is one of the table's sizes, below the
/// first (1 KB) or above the last (2,048 KB).
pub fn bracket(item_kb: f64) -> (RuPoint, RuPoint) {
    let first = RU_BY_ITEM_KB[0];
    let last = RU_BY_ITEM_KB[RU_BY_ITEM_KB.len() - 1];
    if item_kb.is_nan() || item_kb <= first.kb {
        return (first, first);
    }
    if item_kb >= last.kb {
        return (last, last);
    }
    let mut lo = first;
    for p in RU_BY_ITEM_KB {
        if p.kb == item_kb {
            return (p, p);
        }
        if p.kb > item_kb {
            return (lo, p);
        }
        lo = p;
    }
    (last, last)
}

/// The RU of one operation at `item_kb`, `ru` picking the column
/// (`read_ru` or `write_ru`).
///
/// Linear in item size between the two neighbouring published points:
/// `ru(lo) + (kb − lo.kb) × (ru(hi) − ru(lo)) ÷ (hi.kb − lo.kb)`. Why linear:
/// the page says the charge grows with the bytes processed ("the increased CPU
/// and I/O needed to process larger documents"), so within one bracket the
/// charge is taken as a fixed part plus a part per byte; the result is exact
/// at every published size and never leaves the range of its two neighbours
/// (no overshoot, unlike a curve fitted through all points). Where the table
/// is convex (reads from 4 KB up, writes from 32 KB up) the chord lies above
/// the curve, so sizing errs towards more throughput, not less; log-log
/// interpolation would do the opposite there. Below 1 KB: the 1 KB charge (an
/// operation costs at least one small-item operation; the request-units page
/// says "a point read … for a 1-KB item is one Request Unit"). Above 2,048 KB
/// (validation refuses it: the 2 MB item limit): proportional to size from
/// the last point.
fn interpolate(item_kb: f64, ru: fn(&RuPoint) -> f64) -> f64 {
    let (lo, hi) = bracket(item_kb);
    if lo == hi {
        let last = RU_BY_ITEM_KB[RU_BY_ITEM_KB.len() - 1];
        if lo == last && item_kb > last.kb {
            return ru(&last) * item_kb / last.kb;
        }
        return ru(&lo);
    }
    ru(&lo) + (item_kb - lo.kb) * (ru(&hi) - ru(&lo)) / (hi.kb - lo.kb)
}

/// RU of one point read of an item of `item_kb`, interpolated in the
/// published table ([`interpolate`]), ×2 under Strong or Bounded Staleness.
pub fn read_ru(item_kb: f64, consistency: Consistency) -> f64 {
    interpolate(item_kb, |p| p.read_ru) * read_factor(consistency)
}

/// ×2 for Strong and Bounded Staleness, ×1 otherwise (the table's reads are
/// for Session and Eventual; Consistent Prefix reads one replica too:
/// "Session, consistent prefix and eventual do single replica reads",
/// <https://learn.microsoft.com/azure/cosmos-db/consistency-levels>).
pub fn read_factor(consistency: Consistency) -> f64 {
    match consistency {
        Consistency::Strong | Consistency::BoundedStaleness => STRONG_READ_FACTOR,
        _ => 1.0,
    }
}

/// RU of one insert of an item of `item_kb`, interpolated in the published
/// table's write column ([`interpolate`]).
pub fn insert_ru(item_kb: f64) -> f64 {
    interpolate(item_kb, |p| p.write_ru)
}

/// RU of one write: the insert RU blended with replaces at twice that:
/// `insert × (1 + replace_ratio × (2 − 1))`.
pub fn write_ru(item_kb: f64, replace_ratio: f64) -> f64 {
    insert_ru(item_kb) * (1.0 + replace_ratio * (REPLACE_FACTOR - 1.0))
}

/// Where the per-operation figures come from, in words, for the working
/// panel's Cosmos DB lines: "3 KB, interpolated linearly between the published
/// points 2 KB (read 1.04, write 6.29 RU) and 4 KB (read 1.14, write 6.67 RU):
/// point read 1.09 RU, insert 6.48 RU (…/understand-request-unit-consumption)".
pub fn table_text(item_kb: f64) -> String {
    let (lo, hi) = bracket(item_kb);
    let at = |p: RuPoint| {
        format!(
            "{} KB (read {}, write {} RU)",
            format::number(p.kb, 0),
            format::number(p.read_ru, 2),
            format::number(p.write_ru, 2)
        )
    };
    let kb = format::quantity(item_kb);
    let source = if lo != hi {
        format!(
            "{kb} KB, interpolated linearly between the published points {} and {}",
            at(lo),
            at(hi)
        )
    } else if item_kb < lo.kb {
        format!("{kb} KB, charged as the published point {}", at(lo))
    } else if item_kb > lo.kb {
        format!("{kb} KB, proportional to the published point {}", at(lo))
    } else {
        format!("{kb} KB, a published point")
    };
    format!(
        "{source}: point read {} RU, insert {} RU ({RU_TABLE_URL})",
        format::number(read_ru(item_kb, Consistency::Session), 3),
        format::number(insert_ru(item_kb), 3)
    )
}

/// RU/s a region needs for its local reads and queries, given the origin
/// requests/s it serves: `rps × (reads × read RU + queries × RU per query × consistency factor)`.
pub fn read_ru_per_s(origin_rps: f64, w: &Workload, consistency: Consistency) -> f64 {
    origin_rps
        * (w.point_reads_per_request * read_ru(w.item_kb, consistency)
            + w.queries_per_request * w.ru_per_query * read_factor(consistency))
}

/// RU/s every region spends applying the world's writes (replicated writes
/// consume RU in every region): `global origin rps × writes × write RU`.
pub fn write_ru_per_s(global_origin_rps: f64, w: &Workload) -> f64 {
    global_origin_rps * w.writes_per_request * write_ru(w.item_kb, w.replace_ratio)
}

/// Rounds throughput up to the 100 RU/s billing unit.
pub fn round_up_100(ru_per_s: f64) -> f64 {
    (ru_per_s / 100.0).ceil() * 100.0
}
