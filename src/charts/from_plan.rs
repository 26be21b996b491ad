//! From an evaluated plan to each chart's data: the one file that knows both
//! the engine's results and the charts' plain structs, so the mapping is
//! plain Rust, tested natively (and pinned by the golden SVGs in
//! `tests/golden.rs`), and the page only hands each chart its data.

use super::{BreakEvenChart, CostStack, DowntimeDistribution, Headroom, LatencyChart};
use crate::engine::costs::Category;
use crate::engine::format;
use crate::engine::plan::{HeadroomPoint, Plan};
use crate::engine::risk::SimulatedRisk;
use crate::engine::scenario::Scenario;

/// The symbol a money label starts with: "$", "€", … or the ISO code and a
/// space for a currency without a symbol of its own.
pub fn currency_symbol(code: &str) -> String {
    format::currency_symbol(code)
        .map(str::to_string)
        .unwrap_or_else(|| format!("{code} "))
}

/// Monthly cost of each tier, stacked by category.
pub fn cost_stack(plan: &Plan) -> CostStack {
    CostStack {
        tiers: plan
            .tiers
            .iter()
            .map(|t| t.cost.tier.axis_label().to_string())
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| c.label().to_string())
            .collect(),
        values: plan
            .tiers
            .iter()
            .map(|t| t.cost.by_category.iter().map(|(_, v)| *v).collect())
            .collect(),
        currency_symbol: currency_symbol(&plan.currency),
    }
}

/// The failover-headroom sweep, with the scenario's own setting marked.
pub fn headroom(curve: &[HeadroomPoint], scenario: &Scenario, currency: &str) -> Headroom {
    Headroom {
        points: curve
            .iter()
            .map(|p| (p.stamp_capacity_fraction, p.monthly, p.shortfall_fraction))
            .collect(),
        current: scenario.compute.stamp_capacity_fraction,
        currency_symbol: currency_symbol(currency),
    }
}

/// Each tier's annual infrastructure cost (with SLA credits netted) and
/// expected downtime, over a downtime-cost axis that reaches 1.5 × the
/// larger of the scenario's own cost of downtime and the highest break-even
/// (at least 1,000 per hour), so every crossing is on the chart.
pub fn break_even(plan: &Plan, scenario: &Scenario) -> BreakEvenChart {
    let current = scenario.risk.downtime_cost_per_hour;
    let max_be = plan
        .break_even
        .iter()
        .filter_map(|b| b.downtime_cost_per_hour)
        .fold(0.0, f64::max);
    BreakEvenChart {
        tiers: plan
            .tiers
            .iter()
            .map(|t| {
                (
                    t.cost.tier.short_label().to_string(),
                    t.cost.annual + t.risk.sla_credits_annual,
                    t.risk.downtime_h_per_year,
                )
            })
            .collect(),
        max_cost_per_hour: (current.max(max_be) * 1.5).max(1000.0),
        current_cost_per_hour: current,
        currency_symbol: currency_symbol(&plan.currency),
    }
}

/// The simulated years' downtime percentiles of each tier.
pub fn downtime(simulated: &[SimulatedRisk]) -> DowntimeDistribution {
    DowntimeDistribution {
        tiers: simulated
            .iter()
            .map(|s| (s.tier.short_label().to_string(), s.percentiles_h.clone()))
            .collect(),
    }
}

/// p95 read latency of each user geography in each tier, with the target.
pub fn latency(plan: &Plan, scenario: &Scenario) -> LatencyChart {
    let geographies = plan
        .tiers
        .first()
        .map(|t| {
            t.resilience
                .latency
                .iter()
                .map(|g| g.display_name.to_string())
                .collect()
        })
        .unwrap_or_default();
    LatencyChart {
        geographies,
        tiers: plan
            .tiers
            .iter()
            .map(|t| {
                (
                    t.cost.tier.short_label().to_string(),
                    t.resilience
                        .latency
                        .iter()
                        .map(|g| g.reads_p95_ms)
                        .collect(),
                )
            })
            .collect(),
        target_ms: scenario.targets.latency_p95_ms,
    }
}
