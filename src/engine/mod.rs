//! The planning engine: pure Rust (std, serde, csv), no browser dependency,
//! deterministic, tested natively.
//!
//! Flow: a [`scenario::Scenario`] and a [`pricing::PriceSheet`] go into
//! [`plan::evaluate`], which validates the scenario, prices every tier
//! ([`tiers`], one function per cost component in [`costs`]), assesses
//! recovery, availability and latency ([`resilience`]), prices the risk
//! ([`risk`]) and names the cheapest tier that meets the targets.
//!
//! The evaluation computes numbers only. The words are written on demand
//! from an evaluated plan by the view that shows them: line items' names
//! and formulas ([`tiers::line_words`]), verdicts and the recommendation
//! ([`verdicts`]), resilience parts and latency ([`resilience_words`]),
//! failure modes ([`failure_mode_words`]), or all of them ([`words`]).

pub mod autoscale;
pub mod backup;
pub mod cosmos;
pub mod costs;
pub mod decision;
pub mod drills;
pub mod failure_mode_words;
pub mod failure_modes;
pub mod format;
pub mod horizon;
pub mod inputs;
pub mod meters;
pub mod plan;
pub mod presets;
pub mod pricing;
pub mod provenance;
pub mod ranges;
pub mod regions;
pub mod report;
pub mod resilience;
pub mod resilience_words;
pub mod risk;
pub mod scenario;
pub mod sensitivity;
pub mod share;
pub mod shares;
pub mod summary;
pub mod tiers;
pub mod typed;
pub mod validate;
pub mod verdicts;
pub mod words;

pub use plan::{evaluate, Plan, PlanError};
pub use pricing::PriceSheet;
pub use regions::RegionTable;
pub use scenario::Scenario;
pub use tiers::TierId;
