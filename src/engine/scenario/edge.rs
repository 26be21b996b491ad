//! The global band: Front Door and its tier.

use serde::{Deserialize, Serialize};

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
    /// Average request size in KB (headers and body) that Front Door sends
    /// from the edge to the origin for each request it does not answer from
    /// its cache: billed as edge-to-origin transfer. Absent in scenarios and
    /// links from before it existed: they open with 1 KB, the request of
    /// Microsoft's billing examples.
    pub request_kb: f64,
    /// DNS-level steering above Front Door (non-HTTP or multi-profile cases).
    pub traffic_manager: bool,
    /// Traffic Manager DNS queries per month, millions.
    pub dns_queries_millions_per_month: f64,
}

impl Default for Edge {
    fn default() -> Self {
        Self {
            front_door_tier: FrontDoorTier::Premium,
            request_kb: 1.0,
            traffic_manager: false,
            dns_queries_millions_per_month: 10.0,
        }
    }
}
