//! The planning engine: pure Rust (std, serde, csv), no browser dependency,
//! deterministic, tested natively.
//!
//! Flow: a [`scenario::Scenario`] and a [`pricing::PriceSheet`] go into
//! [`plan::evaluate`], which validates the scenario, prices every tier
//! ([`tiers`], one function per cost component in [`costs`]), assesses
//! recovery, availability and latency ([`resilience`]), prices the risk
//! ([`risk`]) and names the cheapest tier that meets the targets.

pub mod autoscale;
pub mod backup;
pub mod cosmos;
pub mod costs;
pub mod costs_platform;
pub mod costs_security;
pub mod costs_supply;
pub mod decision;
pub mod drills;
pub mod failure_modes;
pub mod format;
pub mod horizon;
pub mod meters;
pub mod plan;
pub mod presets;
pub mod pricing;
pub mod provenance;
pub mod ranges;
pub mod regions;
pub mod report;
pub mod resilience;
pub mod risk;
pub mod scenario;
pub mod sensitivity;
pub mod share;
pub mod shares;
pub mod summary;
pub mod tiers;
pub mod typed;
pub mod validate;

pub use plan::{evaluate, Plan, PlanError};
pub use pricing::PriceSheet;
pub use regions::RegionTable;
pub use scenario::Scenario;
pub use tiers::TierId;
