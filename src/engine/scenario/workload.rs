//! The workload band: traffic at peak, how it spreads over a month and a
//! day, and the database work each request makes.

use serde::{Deserialize, Serialize};

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
