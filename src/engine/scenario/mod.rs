//! The scenario: one workload, one set of regions, and every dial the user can
//! turn. Serde-serialisable (scenario JSON, share links, local storage); every
//! struct has `#[serde(default)]`, so a file or link written before a field
//! existed still opens, with that field at its default.
//!
//! This file holds the [`Scenario`] itself and its regions. Each band of
//! dials has its own file (`workload`, `compute`, `data`, `edge`,
//! `platform`, `resilience`, `risk`, `targets`, `commercial`), re-exported
//! here so that every type is still reached as `crate::engine::scenario::X`.

use serde::{Deserialize, Serialize};

mod commercial;
mod compute;
mod data;
mod edge;
mod platform;
mod resilience;
mod risk;
mod targets;
mod workload;

pub use commercial::{Commercial, Conversion};
pub use compute::{
    AksPool, AksTier, AppServicePool, AppServiceSku, Compute, ComputeScaling, NodeSize, Os,
};
pub use data::{
    BackupMode, BackupRedundancy, Consistency, CosmosBackup, CosmosMode, Data, DataFailoverPolicy,
    SqlLedger, SqlTier,
};
pub use edge::{Edge, FrontDoorTier};
pub use platform::{DefenderPlans, LogAnalyticsTier, Platform, RedisSku};
pub use resilience::{Drill, DrillMeasure, MeasuredRtt, Resilience, Slas, WriteFailover};
pub use risk::{CreditStep, DurationDistribution, Risk};
pub use targets::{Basis, Targets};
pub use workload::Workload;

/// The whole input of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// A name for the business case.
    pub name: String,
    /// Free text: assumptions, sources, what the figures are for.
    pub notes: String,
    /// Who prepared the business case (printed under its title).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prepared_by: String,
    /// Regions in order: the first is the primary (write region of the
    /// single-writer tiers), the second the warm standby of `active_passive`.
    pub regions: Vec<RegionShare>,
    pub workload: Workload,
    pub compute: Compute,
    pub data: Data,
    pub edge: Edge,
    pub platform: Platform,
    pub resilience: Resilience,
    pub risk: Risk,
    pub targets: Targets,
    pub commercial: Commercial,
    /// The price sheet the figures were made with, when the scenario was
    /// shared or exported (absent in scenarios from before this field, and
    /// in the page's working copy: the page keeps it apart and compares it
    /// with the sheet in use).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_sheet: Option<crate::engine::pricing::SheetRef>,
    /// Low / likely / high estimates of inputs, the tornado's swing and the
    /// Monte Carlo's samples ([`crate::engine::ranges`]). Absent in
    /// scenarios and links from before it existed (none set), and left out
    /// of the JSON while at its defaults.
    #[serde(skip_serializing_if = "crate::engine::ranges::Ranges::is_default")]
    pub ranges: crate::engine::ranges::Ranges,
}

/// A region and the share of users near it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegionShare {
    /// ARM name, e.g. `westeurope`.
    pub region: String,
    /// Fraction of global user traffic from users near this region (0–1;
    /// the shares add up to 1).
    pub traffic_share: f64,
}

impl Default for RegionShare {
    fn default() -> Self {
        Self {
            region: "westeurope".into(),
            traffic_share: 1.0,
        }
    }
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            name: "My web app".into(),
            notes: String::new(),
            prepared_by: String::new(),
            regions: vec![
                RegionShare {
                    region: "westeurope".into(),
                    traffic_share: 0.5,
                },
                RegionShare {
                    region: "southeastasia".into(),
                    traffic_share: 0.5,
                },
            ],
            workload: Workload::default(),
            compute: Compute::default(),
            data: Data::default(),
            edge: Edge::default(),
            platform: Platform::default(),
            resilience: Resilience::default(),
            risk: Risk::default(),
            targets: Targets::default(),
            commercial: Commercial::default(),
            price_sheet: None,
            ranges: crate::engine::ranges::Ranges::default(),
        }
    }
}

impl Scenario {
    /// Seconds in the billing month (hours per month x 3,600).
    pub fn seconds_per_month(&self) -> f64 {
        self.commercial.hours_per_month * 3600.0
    }
}
