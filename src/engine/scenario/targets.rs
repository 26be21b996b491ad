//! What the business needs: RTO, RPO, availability, latency and budget
//! targets, and the basis the RTO and RPO targets are judged on.

use serde::{Deserialize, Serialize};

/// What the business needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    /// Recovery time on the loss of a region, seconds.
    pub rto_s: f64,
    /// Data loss window on the loss of a region, seconds.
    pub rpo_s: f64,
    /// Composite availability, percent.
    pub availability_pct: f64,
    /// p95 latency for every user geography, ms.
    pub latency_p95_ms: f64,
    /// Apply the latency target to writes too (else reads only).
    pub latency_includes_writes: bool,
    /// Monthly budget; 0 means no budget.
    pub monthly_budget: f64,
    /// Which recovery figures the RTO and RPO targets are judged on (absent
    /// in scenarios and links from before it existed: they open on
    /// `expected`).
    pub basis: Basis,
}

/// The basis RTO and RPO targets are judged on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// What usually happens: the modelled (typical) figures.
    #[default]
    Expected,
    /// The bound Microsoft documents or backs for the configuration
    /// ([`crate::engine::resilience::bounds`]).
    Guaranteed,
}

impl Basis {
    pub const ALL: [Self; 2] = [Self::Expected, Self::Guaranteed];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Expected => "expected",
            Self::Guaranteed => "guaranteed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Expected => "Expected (typical, modelled)",
            Self::Guaranteed => "Guaranteed (Microsoft's documented bound)",
        }
    }
}

impl Default for Targets {
    fn default() -> Self {
        Self {
            rto_s: 60.0,
            rpo_s: 5.0,
            availability_pct: 99.95,
            latency_p95_ms: 80.0,
            latency_includes_writes: false,
            monthly_budget: 0.0,
            basis: Basis::Expected,
        }
    }
}
