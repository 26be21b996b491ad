//! The whole comparison: price, assess and judge all four tiers, pick the
//! cheapest that meets the targets, and sweep the headroom dial.

use serde::Serialize;

use super::pricing::{LookupMemo, MissingPrice, PriceSheet, UnpricedRegion};
use super::provenance::PriceConfidence;
use super::regions::RegionTable;
use super::resilience::{self, TierResilience};
use super::risk::{self, ExpectedRisk, LossImpact, SimulatedRisk};
use super::scenario::{Basis, Scenario};
use super::tiers::{self, TierCost, TierId};
use super::validate::{validate, FieldError};

/// Why there is no plan.
#[derive(Clone, Debug, PartialEq, Serialize, thiserror::Error)]
pub enum PlanError {
    #[error("the scenario has {} invalid field(s): {}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<FieldError>),
    #[error("{} price(s) missing: {}", .0.len(), .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    MissingPrices(Vec<MissingPrice>),
    /// Regions of the scenario the sheet has no prices for at all (said
    /// once per region instead of once per meter).
    #[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    UnpricedRegions(Vec<UnpricedRegion>),
}

/// The scenario's regions the sheet has no regional prices for at all, in
/// scenario order.
pub fn unpriced_regions(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Vec<UnpricedRegion> {
    let mut out: Vec<UnpricedRegion> = Vec::new();
    for r in &s.regions {
        if !sheet.has_region(&r.region) && !out.iter().any(|u| u.region == r.region) {
            out.push(UnpricedRegion {
                region: r.region.clone(),
                display_name: regions.display_name(&r.region).to_string(),
                sheet: sheet.name.clone(),
            });
        }
    }
    out
}

/// A target a tier misses, and by how much (its message in words is
/// written on demand by [`super::verdicts`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FailedTarget {
    /// `rto`, `rpo`, `availability`, `latency`, `budget` or `feasibility`.
    pub target: &'static str,
    /// How far off, relative to the target (0.5 = 50% over).
    pub shortfall: f64,
}

/// One tier, fully evaluated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TierResult {
    pub cost: TierCost,
    /// Monthly cost over `single_region`'s.
    pub cost_ratio: f64,
    pub resilience: TierResilience,
    pub impacts: Vec<LossImpact>,
    pub risk: ExpectedRisk,
    /// On the scenario's basis (`targets.basis`).
    pub meets_targets: bool,
    pub failed_targets: Vec<FailedTarget>,
    /// The targets missed on the other basis (guaranteed when the scenario
    /// judges on expected figures, and the other way round): what the
    /// recommendation says the other basis changes.
    pub failed_targets_other_basis: Vec<FailedTarget>,
    /// How much of the monthly cost rests on published or API prices.
    pub price_confidence: PriceConfidence,
    /// RTO, RPO, capacity left and mitigation per failure mode
    /// ([`super::failure_modes`]).
    pub failure_modes: Vec<super::failure_modes::FailureModeRow>,
}

/// Cost of downtime per hour above which `tier` is cheaper, risk included,
/// than `versus`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEven {
    pub tier: TierId,
    pub versus: TierId,
    /// `None` when the tier never pays for itself (it does not cut downtime).
    pub downtime_cost_per_hour: Option<f64>,
}

/// The comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// The basis RTO and RPO targets were judged on.
    pub basis: Basis,
    pub currency: String,
    pub sheet: String,
    /// When the figures are in another currency than the sheet's: from
    /// which currency, at which rate, on which day.
    pub converted_from: Option<crate::engine::pricing::ConvertedFrom>,
    pub tiers: Vec<TierResult>,
    pub recommended_tier: Option<TierId>,
    pub break_even: Vec<BreakEven>,
}

impl Plan {
    pub fn tier(&self, id: TierId) -> Option<&TierResult> {
        self.tiers.iter().find(|t| t.cost.tier == id)
    }
}

/// Evaluates a scenario: validation first (every bad field reported), then
/// every tier priced (every missing price reported), then resilience, risk
/// and the decision. Numbers only: the words (line items' formulas and
/// names, verdicts, the recommendation, explanations) are written on demand
/// from the plan by [`super::tiers::line_words`], [`super::verdicts`],
/// [`super::resilience_words`] and [`super::failure_mode_words`].
pub fn evaluate(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Result<Plan, PlanError> {
    let errors = validate(s, regions);
    if !errors.is_empty() {
        return Err(PlanError::Invalid(errors));
    }
    // Figures in another currency: every price converted first (the page
    // passes a sheet it already converted, so this borrows).
    let sheet = &*sheet.for_scenario(s);
    let unpriced = unpriced_regions(s, sheet, regions);
    if !unpriced.is_empty() {
        return Err(PlanError::UnpricedRegions(unpriced));
    }
    let mut costs = Vec::with_capacity(4);
    let mut missing: Vec<MissingPrice> = Vec::new();
    let memo = LookupMemo::new(sheet);
    for tier in TierId::ALL {
        match tiers::price_tier_sharing(tier, s, &memo, regions) {
            Ok(c) => costs.push(c),
            Err(m) => {
                for miss in m {
                    if !missing.contains(&miss) {
                        missing.push(miss);
                    }
                }
            }
        }
    }
    if !missing.is_empty() {
        return Err(PlanError::MissingPrices(missing));
    }
    let baseline = costs[0].monthly;
    let mut results: Vec<TierResult> = costs
        .into_iter()
        .map(|cost| {
            let capacities: Vec<f64> = cost.stamps.iter().map(|st| st.capacity_fraction).collect();
            let res = resilience::assess(cost.tier, s, regions, &capacities);
            let impacts = risk::loss_impacts(cost.tier, s, res.rto_reads_s, res.rto_s);
            let expected = risk::expected(s, &impacts, cost.annual);
            let basis = s.targets.basis;
            let failed = judge(s, &cost, &res, basis);
            let other = judge(s, &cost, &res, other_basis(basis));
            let failure_modes = super::failure_modes::matrix(&super::failure_modes::Context {
                s,
                cost: &cost,
                res: &res,
                memo: &memo,
                regions,
                baseline_monthly: baseline,
            });
            TierResult {
                failure_modes,
                price_confidence: PriceConfidence::of(&cost.line_items),
                cost_ratio: if baseline > 0.0 {
                    cost.monthly / baseline
                } else {
                    1.0
                },
                meets_targets: failed.is_empty(),
                failed_targets: failed,
                failed_targets_other_basis: other,
                impacts,
                risk: expected,
                resilience: res,
                cost,
            }
        })
        .collect();
    results.sort_by_key(|r| r.cost.tier);
    let recommended_tier = pick(&results, |r| &r.failed_targets);
    let break_even = break_evens(&results);
    Ok(Plan {
        basis: s.targets.basis,
        currency: sheet.currency.clone(),
        sheet: sheet.name.clone(),
        converted_from: sheet.converted_from.clone(),
        tiers: results,
        recommended_tier,
        break_even,
    })
}

pub(crate) fn other_basis(b: Basis) -> Basis {
    match b {
        Basis::Expected => Basis::Guaranteed,
        Basis::Guaranteed => Basis::Expected,
    }
}

/// Checks one tier against every target, RTO and RPO on `basis`: which it
/// misses and by how much ([`super::verdicts::message`] says it in words).
fn judge(s: &Scenario, cost: &TierCost, res: &TierResilience, basis: Basis) -> Vec<FailedTarget> {
    let t = &s.targets;
    let r = res.on(basis);
    let mut failed = Vec::new();
    let mut miss =
        |target: &'static str, shortfall: f64| failed.push(FailedTarget { target, shortfall });
    if cost.infeasible.is_some() {
        miss("feasibility", 1.0);
    }
    if r.rto_s > t.rto_s {
        miss("rto", (r.rto_s - t.rto_s) / t.rto_s);
    }
    if r.rpo_s > t.rpo_s {
        miss("rpo", (r.rpo_s - t.rpo_s) / t.rpo_s.max(1.0));
    }
    let r = res;
    let target_a = t.availability_pct / 100.0;
    // AKS Free tier has no SLA: nothing backs any availability on the
    // guaranteed basis; on the expected basis its 99.5% objective stands in.
    let aks_free = s.compute.aks.enabled && s.compute.aks.tier == super::scenario::AksTier::Free;
    if aks_free && basis == Basis::Guaranteed {
        miss("availability", 1.0);
    } else if r.availability < target_a {
        miss(
            "availability",
            (target_a - r.availability) / (1.0 - target_a).max(1e-9),
        );
    }
    let over = r.latency.iter().any(|g| {
        let v = if t.latency_includes_writes {
            g.reads_p95_ms.max(g.writes_p95_ms)
        } else {
            g.reads_p95_ms
        };
        v > t.latency_p95_ms
    });
    if over {
        miss(
            "latency",
            (r.latency_p95_ms - t.latency_p95_ms) / t.latency_p95_ms,
        );
    }
    if t.monthly_budget > 0.0 && cost.monthly > t.monthly_budget {
        miss(
            "budget",
            (cost.monthly - t.monthly_budget) / t.monthly_budget,
        );
    }
    failed
}

/// The cheapest tier that meets every target (`failed` gives a tier's
/// misses on the basis judged), or none.
pub(crate) fn pick<'a>(
    results: &'a [TierResult],
    failed: impl Fn(&'a TierResult) -> &'a [FailedTarget],
) -> Option<TierId> {
    results
        .iter()
        .filter(|r| failed(r).is_empty())
        .min_by(|a, b| a.cost.monthly.total_cmp(&b.cost.monthly))
        .map(|r| r.cost.tier)
}

/// Break-even cost of downtime per hour of each tier against
/// `single_region` and against the next cheaper tier:
/// `(annual infra + credits)_tier − (…)_versus` over
/// `downtime hours_versus − downtime hours_tier`.
fn break_evens(results: &[TierResult]) -> Vec<BreakEven> {
    let mut out = Vec::new();
    let fixed = |r: &TierResult| r.cost.annual + r.risk.sla_credits_annual;
    for (i, r) in results.iter().enumerate().skip(1) {
        let mut versus = vec![&results[0]];
        if i > 1 {
            versus.push(&results[i - 1]);
        }
        for v in versus {
            let saved_h = v.risk.downtime_h_per_year - r.risk.downtime_h_per_year;
            let extra = fixed(r) - fixed(v);
            let cph = if saved_h > 1e-12 {
                Some((extra / saved_h).max(0.0))
            } else {
                None
            };
            out.push(BreakEven {
                tier: r.cost.tier,
                versus: v.cost.tier,
                downtime_cost_per_hour: cph,
            });
        }
    }
    out
}

/// One point of the failover-headroom curve.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeadroomPoint {
    /// Per-stamp capacity as a fraction of global peak.
    pub stamp_capacity_fraction: f64,
    /// N × p.
    pub compute_multiple: f64,
    /// Monthly cost of the multi-write tier at this setting.
    #[serde(rename = "monthly_usd")]
    pub monthly: f64,
    /// Capacity missing after losing one stamp: `max(0, 1 − (N − 1) × p)`.
    pub shortfall_fraction: f64,
    /// How long the shortfall lasts (autoscale reaction), seconds.
    pub shortfall_duration_s: f64,
}

/// Sweeps the per-stamp capacity fraction `p` from `1/N` to `1` in `points`
/// steps and prices the multi-write tier at each (the active-active tiers
/// share the compute layout, so the curve's shape holds for both).
pub fn headroom_curve(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    points: usize,
) -> Vec<HeadroomPoint> {
    let n = s.regions.len().max(1);
    let lo = 1.0 / n as f64;
    let mut scenario = s.clone();
    let steps = points.max(2);
    let memo = LookupMemo::new(sheet);
    (0..steps)
        .filter_map(|i| {
            let p = lo + (1.0 - lo) * i as f64 / (steps - 1) as f64;
            scenario.compute.stamp_capacity_fraction = p;
            let cost =
                tiers::price_tier_sharing(TierId::MultiWrite, &scenario, &memo, regions).ok()?;
            let shortfall = (1.0 - (n as f64 - 1.0) * p).max(0.0);
            Some(HeadroomPoint {
                stamp_capacity_fraction: p,
                compute_multiple: n as f64 * p,
                monthly: cost.monthly,
                shortfall_fraction: shortfall,
                shortfall_duration_s: if shortfall > 1e-9 {
                    s.resilience.autoscale_reaction_s
                } else {
                    0.0
                },
            })
        })
        .collect()
}

/// Monthly cost of each extra 10% of per-stamp headroom at the current
/// setting: `cost(p + 0.1) − cost(p)` for the multi-write tier.
pub fn cost_per_10pct_headroom(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Option<f64> {
    let memo = LookupMemo::new(sheet);
    let now = tiers::price_tier_sharing(TierId::MultiWrite, s, &memo, regions).ok()?;
    let mut more = s.clone();
    more.compute.stamp_capacity_fraction += 0.1;
    let then = tiers::price_tier_sharing(TierId::MultiWrite, &more, &memo, regions).ok()?;
    Some(then.monthly - now.monthly)
}

/// The Monte Carlo for every tier of a plan.
pub fn simulate(s: &Scenario, plan: &Plan, years: u32) -> Vec<SimulatedRisk> {
    let tiers: Vec<(TierId, Vec<LossImpact>)> = plan
        .tiers
        .iter()
        .map(|t| (t.cost.tier, t.impacts.clone()))
        .collect();
    risk::simulate(s, &tiers, years)
}
