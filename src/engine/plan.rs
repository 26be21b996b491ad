//! The whole comparison: price, assess and judge all four tiers, pick the
//! cheapest that meets the targets, and sweep the headroom dial.

use serde::Serialize;

use super::format;
use super::pricing::{MissingPrice, PriceSheet, UnpricedRegion};
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

/// A target a tier misses, and by how much.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FailedTarget {
    /// `rto`, `rpo`, `availability`, `latency`, `budget` or `feasibility`.
    pub target: &'static str,
    /// In words, with both numbers.
    pub message: String,
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
    /// The decision and its reason, in words.
    pub recommendation: String,
    pub break_even: Vec<BreakEven>,
}

impl Plan {
    pub fn tier(&self, id: TierId) -> Option<&TierResult> {
        self.tiers.iter().find(|t| t.cost.tier == id)
    }
}

/// Evaluates a scenario: validation first (every bad field reported), then
/// every tier priced (every missing price reported), then resilience, risk
/// and the decision.
pub fn evaluate(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Result<Plan, PlanError> {
    evaluate_with(s, sheet, regions, true)
}

/// [`evaluate`], with `formulas` false leaving the line items' formulas and
/// component names and the resilience explanations (`how`) empty: what the
/// page recomputes on every keystroke. The working panel and the exports ask for
/// the text when they need it; every number is the same either way.
pub fn evaluate_with(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    formulas: bool,
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
    for tier in TierId::ALL {
        match tiers::price_tier_with(tier, s, sheet, regions, formulas) {
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
    let baseline = costs[0].monthly_usd;
    let mut results: Vec<TierResult> = costs
        .into_iter()
        .map(|cost| {
            let capacities: Vec<f64> = cost.stamps.iter().map(|st| st.capacity_fraction).collect();
            let res = resilience::assess_with(cost.tier, s, regions, &capacities, formulas);
            let impacts = risk::loss_impacts(cost.tier, s, res.rto_reads_s, res.rto_s);
            let expected = risk::expected(s, &impacts, cost.annual_usd);
            let basis = s.targets.basis;
            let failed = judge(s, &cost, &res, &sheet.currency, basis);
            let other = judge(s, &cost, &res, &sheet.currency, other_basis(basis));
            let failure_modes = super::failure_modes::matrix(&super::failure_modes::Context {
                s,
                cost: &cost,
                res: &res,
                sheet,
                regions,
                baseline_monthly_usd: baseline,
                text: formulas,
            });
            TierResult {
                failure_modes,
                price_confidence: PriceConfidence::of(&cost.line_items),
                cost_ratio: if baseline > 0.0 {
                    cost.monthly_usd / baseline
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
    let (recommended_tier, mut recommendation) =
        decide(&results, &sheet.currency, |r| &r.failed_targets);
    let basis_note = basis_note(s, &results, recommended_tier, &sheet.currency);
    if !basis_note.is_empty() {
        recommendation.push(' ');
        recommendation.push_str(&basis_note);
    }
    let break_even = break_evens(&results);
    Ok(Plan {
        basis: s.targets.basis,
        currency: sheet.currency.clone(),
        sheet: sheet.name.clone(),
        converted_from: sheet.converted_from.clone(),
        tiers: results,
        recommended_tier,
        recommendation,
        break_even,
    })
}

fn other_basis(b: Basis) -> Basis {
    match b {
        Basis::Expected => Basis::Guaranteed,
        Basis::Guaranteed => Basis::Expected,
    }
}

/// Checks one tier against every target, RTO and RPO on `basis`.
fn judge(
    s: &Scenario,
    cost: &TierCost,
    res: &TierResilience,
    currency: &str,
    basis: Basis,
) -> Vec<FailedTarget> {
    let t = &s.targets;
    let r = res.on(basis);
    // "guaranteed RPO 15 min misses …": the basis is named when it is not
    // the usual one.
    let word = match basis {
        Basis::Expected => "",
        Basis::Guaranteed => "guaranteed ",
    };
    let e = res.expected();
    // On the guaranteed basis, a target the expected figure meets says so.
    let met_on_expected = |v: f64, target: f64| {
        if basis == Basis::Guaranteed && v <= target {
            format!(" (met on expected values: {})", format::duration(v))
        } else {
            String::new()
        }
    };
    let mut failed = Vec::new();
    if let Some(why) = &cost.infeasible {
        failed.push(FailedTarget {
            target: "feasibility",
            message: why.clone(),
            shortfall: 1.0,
        });
    }
    if r.rto_s > t.rto_s {
        let which = if r.rto_writes_s > r.rto_reads_s {
            " (writes)"
        } else {
            ""
        };
        failed.push(FailedTarget {
            target: "rto",
            message: format!(
                "{word}RTO {}{which} misses the {} target by {}{}",
                format::duration(r.rto_s),
                format::duration(t.rto_s),
                format::duration(r.rto_s - t.rto_s),
                met_on_expected(e.rto_s, t.rto_s)
            ),
            shortfall: (r.rto_s - t.rto_s) / t.rto_s,
        });
    }
    if r.rpo_s > t.rpo_s {
        failed.push(FailedTarget {
            target: "rpo",
            message: format!(
                "{word}RPO {} misses the {} target by {}{}",
                format::duration(r.rpo_s),
                format::duration(t.rpo_s),
                format::duration(r.rpo_s - t.rpo_s),
                met_on_expected(e.rpo_s, t.rpo_s)
            ),
            shortfall: (r.rpo_s - t.rpo_s) / t.rpo_s.max(1.0),
        });
    }
    let r = res;
    let target_a = t.availability_pct / 100.0;
    // AKS Free tier has no SLA: nothing backs any availability on the
    // guaranteed basis; on the expected basis its 99.5% objective stands in.
    let aks_free = s.compute.aks.enabled && s.compute.aks.tier == super::scenario::AksTier::Free;
    if aks_free && basis == Basis::Guaranteed {
        failed.push(FailedTarget {
            target: "availability",
            message: format!(
                "no SLA: AKS Free tier has no financially backed SLA, so no availability is guaranteed against the {} target (its {}% service level objective gives {} expected; Standard or Premium carry the uptime SLA)",
                format::percent(target_a, 4),
                format::number(resilience::AKS_FREE_SLO_PCT, 1),
                format::percent(r.availability, 4)
            ),
            shortfall: 1.0,
        });
    } else if r.availability < target_a {
        failed.push(FailedTarget {
            target: "availability",
            message: format!(
                "availability {} is below the {} target ({} more minutes of downtime a year than allowed)",
                format::percent(r.availability, 4),
                format::percent(target_a, 4),
                format::number((target_a - r.availability) * resilience::MINUTES_PER_YEAR, 0)
            ),
            shortfall: (target_a - r.availability) / (1.0 - target_a).max(1e-9),
        });
    }
    // "West Europe 212 ms (+12 ms), …", written straight into one string.
    let mut worst = String::new();
    for g in &r.latency {
        let v = if t.latency_includes_writes {
            g.reads_p95_ms.max(g.writes_p95_ms)
        } else {
            g.reads_p95_ms
        };
        if v > t.latency_p95_ms {
            if !worst.is_empty() {
                worst.push_str(", ");
            }
            worst.push_str(&g.display_name);
            worst.push(' ');
            format::write_number(&mut worst, v, 0);
            worst.push_str(" ms (+");
            format::write_number(&mut worst, v - t.latency_p95_ms, 0);
            worst.push_str(" ms)");
        }
    }
    if !worst.is_empty() {
        failed.push(FailedTarget {
            target: "latency",
            message: format!(
                "p95 latency over the {} ms target in {worst}",
                format::number(t.latency_p95_ms, 0),
            ),
            shortfall: (r.latency_p95_ms - t.latency_p95_ms) / t.latency_p95_ms,
        });
    }
    if t.monthly_budget > 0.0 && cost.monthly_usd > t.monthly_budget {
        failed.push(FailedTarget {
            target: "budget",
            message: format!(
                "{} a month is {} over the {} budget",
                format::money_whole(cost.monthly_usd, currency),
                format::money_whole(cost.monthly_usd - t.monthly_budget, currency),
                format::money_whole(t.monthly_budget, currency)
            ),
            shortfall: (cost.monthly_usd - t.monthly_budget) / t.monthly_budget,
        });
    }
    failed
}

/// The cheapest tier that meets every target, or the closest one and what
/// would have to change.
fn decide<'a>(
    results: &'a [TierResult],
    currency: &str,
    failed: impl Fn(&'a TierResult) -> &'a [FailedTarget],
) -> (Option<TierId>, String) {
    let meets = |r: &'a TierResult| failed(r).is_empty();
    let best = results
        .iter()
        .filter(|r| meets(r))
        .min_by(|a, b| a.cost.monthly_usd.total_cmp(&b.cost.monthly_usd));
    if let Some(best) = best {
        let mut reason = String::new();
        for r in results
            .iter()
            .filter(|r| r.cost.monthly_usd < best.cost.monthly_usd && !meets(r))
        {
            reason.push_str(if reason.is_empty() {
                "it is the cheapest that meets every target. "
            } else {
                ". "
            });
            reason.push_str(r.cost.tier.short_label());
            reason.push_str(" is cheaper but ");
            push_messages(&mut reason, failed(r));
        }
        if reason.is_empty() {
            reason.push_str("it is the cheapest tier and meets every target");
        } else {
            reason.push('.');
        }
        return (
            Some(best.cost.tier),
            format!(
                "{} at {} a month ({}× single region): {reason}",
                best.cost.tier.label(),
                format::money_whole(best.cost.monthly_usd, currency),
                format::number(best.cost_ratio, 2)
            ),
        );
    }
    let closest = results.iter().min_by(|a, b| {
        failed(a)
            .len()
            .cmp(&failed(b).len())
            .then_with(|| {
                let sa: f64 = failed(a).iter().map(|f| f.shortfall).sum();
                let sb: f64 = failed(b).iter().map(|f| f.shortfall).sum();
                sa.total_cmp(&sb)
            })
            .then_with(|| a.cost.monthly_usd.total_cmp(&b.cost.monthly_usd))
    });
    match closest {
        Some(c) => (
            None,
            format!(
                "No tier meets every target. Closest: {} ({} a month), which would need: {}.",
                c.cost.tier.label(),
                format::money_whole(c.cost.monthly_usd, currency),
                {
                    let mut needs = String::new();
                    push_messages(&mut needs, failed(c));
                    needs
                }
            ),
        ),
        None => (None, "No tiers were evaluated.".into()),
    }
}

/// What the other basis changes, in words: on the expected basis, which
/// recovery targets the recommended tier meets only on expected figures
/// (with the bound Microsoft documents) and what the guaranteed basis would
/// recommend; on the guaranteed basis, what the expected one would. Empty
/// when the two bases agree.
fn basis_note(
    s: &Scenario,
    results: &[TierResult],
    chosen: Option<TierId>,
    currency: &str,
) -> String {
    let basis = s.targets.basis;
    let other = other_basis(basis);
    let (alt, alt_text) = decide(results, currency, |r| &r.failed_targets_other_basis);
    let mut out = String::new();
    if basis == Basis::Expected {
        if let Some(rec) = chosen.and_then(|id| results.iter().find(|r| r.cost.tier == id)) {
            let t = &s.targets;
            let e = rec.resilience.expected();
            let g = rec.resilience.guaranteed;
            let mut only = Vec::new();
            if e.rto_s <= t.rto_s && g.rto_s > t.rto_s {
                only.push(format!(
                    "RTO ≤ {} only on expected recovery ({}); Microsoft's documented bounds give {}",
                    format::duration(t.rto_s),
                    format::duration(e.rto_s),
                    format::duration(g.rto_s),
                ));
            }
            if e.rpo_s <= t.rpo_s && g.rpo_s > t.rpo_s {
                only.push(format!(
                    "RPO ≤ {} only on expected replication lag ({}); Microsoft documents {}",
                    format::duration(t.rpo_s),
                    format::duration(e.rpo_s),
                    rpo_bound_words(s, rec.cost.tier, g.rpo_s),
                ));
            }
            if !only.is_empty() {
                out.push_str(rec.cost.tier.short_label());
                out.push_str(" meets ");
                out.push_str(&only.join(", and "));
                out.push('.');
            }
        }
    }
    if alt != chosen {
        if !out.is_empty() {
            out.push(' ');
        }
        match alt.and_then(|id| results.iter().find(|r| r.cost.tier == id)) {
            Some(a) => out.push_str(&format!(
                "On the {} basis the pick would be {} ({} a month).",
                other.as_str(),
                a.cost.tier.label(),
                format::money_whole(a.cost.monthly_usd, currency)
            )),
            None => {
                out.push_str(&format!("On the {} basis ", other.as_str()));
                let mut chars = alt_text.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_lowercase());
                    out.push_str(chars.as_str());
                }
            }
        }
    }
    out
}

/// "< 15 minutes" and the like: the documented RPO bound as Microsoft
/// words it, else the figure.
fn rpo_bound_words(s: &Scenario, tier: TierId, rpo_s: f64) -> String {
    use super::scenario::Consistency;
    let words = match (tier, s.data.consistency) {
        (TierId::SingleRegion, _) => "< 240 minutes",
        (_, Consistency::BoundedStaleness) => "K & T, at least 300 s across regions",
        (TierId::MultiWrite, _) => "< 15 minutes",
        (_, Consistency::Strong) => "0",
        _ => "< 15 minutes",
    };
    format!(
        "{words} (judged as {} on the guaranteed basis)",
        format::duration(rpo_s)
    )
}

/// Appends the failed targets' messages, joined by "; ".
fn push_messages(out: &mut String, failed: &[FailedTarget]) {
    for (i, f) in failed.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&f.message);
    }
}

/// Break-even cost of downtime per hour of each tier against
/// `single_region` and against the next cheaper tier:
/// `(annual infra + credits)_tier − (…)_versus` over
/// `downtime hours_versus − downtime hours_tier`.
fn break_evens(results: &[TierResult]) -> Vec<BreakEven> {
    let mut out = Vec::new();
    let fixed = |r: &TierResult| r.cost.annual_usd + r.risk.sla_credits_annual;
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
    pub monthly_usd: f64,
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
    (0..steps)
        .filter_map(|i| {
            let p = lo + (1.0 - lo) * i as f64 / (steps - 1) as f64;
            scenario.compute.stamp_capacity_fraction = p;
            let cost = tiers::price_tier_with(TierId::MultiWrite, &scenario, sheet, regions, false)
                .ok()?;
            let shortfall = (1.0 - (n as f64 - 1.0) * p).max(0.0);
            Some(HeadroomPoint {
                stamp_capacity_fraction: p,
                compute_multiple: n as f64 * p,
                monthly_usd: cost.monthly_usd,
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
    let now = tiers::price_tier_with(TierId::MultiWrite, s, sheet, regions, false).ok()?;
    let mut more = s.clone();
    more.compute.stamp_capacity_fraction += 0.1;
    let then = tiers::price_tier_with(TierId::MultiWrite, &more, sheet, regions, false).ok()?;
    Some(then.monthly_usd - now.monthly_usd)
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
