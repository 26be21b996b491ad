//! What outages cost the business: how often regions and zones fail, how
//! long outages last, what an hour of downtime costs, the customer SLA and
//! its credits, and the Monte Carlo's years and seed.

use serde::{Deserialize, Serialize};

/// Shape of a regional outage's duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationDistribution {
    /// Every outage lasts the typical duration.
    Fixed,
    /// Exponential with the typical duration as its mean.
    Exponential,
    /// Log-normal with the typical duration as its median (long tail).
    LogNormal,
}

/// Customer SLA credit: below `below_pct` monthly availability, credit
/// `credit_pct` of the month's fee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CreditStep {
    pub below_pct: f64,
    pub credit_pct: f64,
}

/// What outages cost the business.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Risk {
    /// Whole-region outages per region per year.
    pub regional_outages_per_year: f64,
    /// Typical outage duration, hours (the reference architecture's lasted four).
    pub typical_outage_hours: f64,
    /// Availability-zone losses per region per year: an assumption
    /// (Microsoft publishes no zone failure rate). Counted in the failover
    /// downtime where a tier's zone loss stops users.
    pub zonal_outages_per_year: f64,
    pub duration_distribution: DurationDistribution,
    /// Log-normal shape (sigma of the log) when that distribution is chosen.
    pub lognormal_sigma: f64,
    /// Lost revenue and cost of an hour of full downtime.
    pub downtime_cost_per_hour: f64,
    /// Monthly availability the business promises its customers, percent.
    pub customer_sla_pct: f64,
    /// Monthly fees covered by that SLA (the credit base).
    pub sla_covered_monthly_revenue: f64,
    pub credit_schedule: Vec<CreditStep>,
    /// Simulated years in the Monte Carlo.
    pub simulated_years: u32,
    /// Seed of the Monte Carlo (same seed, same answer).
    pub seed: u64,
}

impl Default for Risk {
    fn default() -> Self {
        Self {
            regional_outages_per_year: 0.5,
            typical_outage_hours: 4.0,
            zonal_outages_per_year: 1.0,
            duration_distribution: DurationDistribution::LogNormal,
            lognormal_sigma: 0.8,
            downtime_cost_per_hour: 25_000.0,
            customer_sla_pct: 99.95,
            sla_covered_monthly_revenue: 200_000.0,
            credit_schedule: vec![
                CreditStep {
                    below_pct: 99.95,
                    credit_pct: 10.0,
                },
                CreditStep {
                    below_pct: 99.0,
                    credit_pct: 25.0,
                },
                CreditStep {
                    below_pct: 95.0,
                    credit_pct: 100.0,
                },
            ],
            simulated_years: 20_000,
            seed: 42,
        }
    }
}
