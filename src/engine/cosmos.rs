//! Cosmos DB request units: what one operation costs and how much throughput
//! each region must carry.

use super::scenario::{Consistency, Workload};

/// Published RU charge of a point read by item size: (KB, RU).
/// Source: Microsoft Learn `optimize-cost-reads-writes.md` and
/// `key-value-store-cost.md`: a 1 KB point read costs 1 RU, a 100 KB one 10 RU.
pub const READ_RU_BY_KB: [(f64, f64); 2] = [(1.0, 1.0), (100.0, 10.0)];

/// Published RU charge of an insert by item size, default indexing: (KB, RU).
/// Source: `key-value-store-cost.md` table: 1 KB → 5 RU, 100 KB → 50 RU.
pub const WRITE_RU_BY_KB: [(f64, f64); 2] = [(1.0, 5.0), (100.0, 50.0)];

/// A replace costs this many times an insert of the same item
/// (`optimize-cost-reads-writes.md`: "two times the charge required to insert").
pub const REPLACE_FACTOR: f64 = 2.0;

/// Reads under Strong or Bounded Staleness cost this many times as much
/// (`optimize-cost-reads-writes.md`: "the RU cost of any read operation … is doubled").
pub const STRONG_READ_FACTOR: f64 = 2.0;

/// Smallest manual throughput Cosmos DB provisions, RU/s (per container or
/// shared database; `set-throughput.md`).
pub const MIN_MANUAL_RU_PER_S: f64 = 400.0;

/// Smallest autoscale maximum, RU/s (`provision-throughput-autoscale.md`).
pub const MIN_AUTOSCALE_MAX_RU_PER_S: f64 = 1000.0;

/// Autoscale bills the highest RU/s reached each hour, never below this
/// fraction of the maximum (`how-to-choose-offer.md`).
pub const AUTOSCALE_FLOOR_FRACTION: f64 = 0.1;

/// Zone redundancy bills RU/s at this multiple on single-write manual
/// accounts; waived for multi-region writes and for autoscale
/// (`reliability-cosmos-db-nosql.md`, "charged at 25% premium … waived").
pub const ZONE_REDUNDANCY_RU_FACTOR: f64 = 1.25;

/// Piecewise-linear interpolation through the published points, clamped
/// below the first point and extrapolated on the last segment's slope above.
fn interpolate(points: &[(f64, f64); 2], kb: f64) -> f64 {
    let (x0, y0) = points[0];
    let (x1, y1) = points[1];
    if kb <= x0 {
        return y0;
    }
    y0 + (kb - x0) * (y1 - y0) / (x1 - x0)
}

/// RU of one point read of an item of `item_kb`:
/// `1 + (kb − 1) × 9/99`, from 1 RU at 1 KB to 10 RU at 100 KB; ×2 under
/// Strong or Bounded Staleness.
pub fn read_ru(item_kb: f64, consistency: Consistency) -> f64 {
    interpolate(&READ_RU_BY_KB, item_kb) * read_factor(consistency)
}

/// ×2 for Strong and Bounded Staleness, ×1 otherwise.
pub fn read_factor(consistency: Consistency) -> f64 {
    match consistency {
        Consistency::Strong | Consistency::BoundedStaleness => STRONG_READ_FACTOR,
        _ => 1.0,
    }
}

/// RU of one write: insert RU `5 + (kb − 1) × 45/99` blended with replaces at
/// twice that: `insert × (1 + replace_ratio × (2 − 1))`.
pub fn write_ru(item_kb: f64, replace_ratio: f64) -> f64 {
    interpolate(&WRITE_RU_BY_KB, item_kb) * (1.0 + replace_ratio * (REPLACE_FACTOR - 1.0))
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
