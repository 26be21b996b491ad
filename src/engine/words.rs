//! Every word of a plan at once, written from its figures: the line items'
//! names and formulas, the verdicts and the recommendation, the failure
//! modes' and the resilience parts' explanations. The evaluation
//! ([`super::plan::evaluate`]) writes none of them; each view asks for the
//! words it shows, and this gathers them all (the benchmark of "words for a
//! whole plan", and a caller that wants everything).

use super::costs::LineWords;
use super::plan::Plan;
use super::pricing::PriceSheet;
use super::regions::RegionTable;
use super::resilience_words::{self, PartWords};
use super::scenario::Scenario;
use super::verdicts::{self, Verdict};

/// The words of one tier.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TierWords {
    pub lines: Vec<LineWords>,
    pub verdicts: Vec<Verdict>,
    /// One per failure mode, in the plan's row order.
    pub failure_modes: Vec<String>,
    /// RTO, RPO, guaranteed RTO, guaranteed RPO and availability parts, in
    /// that order.
    pub parts: Vec<PartWords>,
    /// One per user geography.
    pub latency: Vec<String>,
}

/// The words of a plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanWords {
    pub tiers: Vec<TierWords>,
    pub recommendation: String,
}

/// Writes every word of `plan`, evaluated from `s` with `sheet` and
/// `regions`.
pub fn for_plan(s: &Scenario, sheet: &PriceSheet, regions: &RegionTable, plan: &Plan) -> PlanWords {
    let mut lines = super::report::line_words(s, sheet, regions, plan).into_iter();
    let tiers = plan
        .tiers
        .iter()
        .map(|t| {
            let tier = t.cost.tier;
            let r = &t.resilience;
            let mut parts = Vec::new();
            for p in [
                &r.rto_parts,
                &r.rpo_parts,
                &r.guaranteed_rto_parts,
                &r.guaranteed_rpo_parts,
                &r.availability_parts,
            ] {
                parts.extend(resilience_words::parts(tier, s, regions, p));
            }
            TierWords {
                lines: lines.next().unwrap_or_default(),
                verdicts: verdicts::for_tier(s, plan, t),
                failure_modes: t
                    .failure_modes
                    .iter()
                    .map(|row| super::failure_mode_words::how(s, &t.cost, row.mode))
                    .collect(),
                parts,
                latency: r
                    .latency
                    .iter()
                    .map(|g| resilience_words::latency_how(tier, s, regions, g))
                    .collect(),
            }
        })
        .collect();
    PlanWords {
        tiers,
        recommendation: verdicts::recommendation(s, plan),
    }
}
