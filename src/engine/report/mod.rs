//! Outputs for scripts and spreadsheets: the `plan` JSON contract, the
//! line-item CSV and a plain-text table. The page's CSV export and the
//! `plan` command use these same functions.
//!
//! Amounts are in the price sheet's currency (`currency` in the contract).
//! Rust names are currency-neutral (`monthly`, `annual`); the JSON keys keep
//! their first release's `_usd` suffix (`monthly_usd`, …) so scripts written
//! against the contract keep working, whatever the sheet's currency.

use serde::Serialize;
use std::collections::BTreeMap;

use super::costs::{Category, Component, LineWords};
use super::failure_modes::FailureModeRow;
use super::format;
use super::plan::{BreakEven, HeadroomPoint, Plan};
use super::provenance::{PriceBasis, PriceConfidence};
use super::risk::SimulatedRisk;
use super::scenario::Scenario;
use super::tiers::{CosmosSummary, TierId};
use super::verdicts::{self, Verdict};

mod csv;
mod table;
pub use csv::{budget_lines_csv, line_items_csv, CsvMeta, CSV_COLUMNS};
pub use table::table;

/// One line item with its price-sheet row spelled out.
#[derive(Clone, Debug, Serialize)]
pub struct LineItemReport {
    /// The line's typed key: what it pays for (`app_service`,
    /// `cosmos_throughput`, …; [`Component`]) and where (`place`: the
    /// billing region, or the stamp region of a line billed `Global`).
    pub key: Component,
    pub place: String,
    pub category: Category,
    pub component: String,
    pub region: String,
    pub quantity: f64,
    pub unit: String,
    pub unit_price: f64,
    #[serde(rename = "monthly_usd")]
    pub monthly: f64,
    pub formula: String,
    pub service_name: String,
    pub product_name: String,
    pub sku_name: String,
    pub meter_name: String,
    pub price_region: String,
    pub unit_of_measure: String,
    pub retail_price: f64,
    pub price_type: String,
    pub reservation_term: String,
    pub effective_start_date: String,
    pub confidence: String,
    /// `published`, `derived` or `unverified` ([`PriceBasis`]).
    pub price_basis: PriceBasis,
    pub source: String,
    pub sheet_line: usize,
}

/// One tier in the JSON contract.
#[derive(Clone, Debug, Serialize)]
pub struct TierReport {
    pub tier: TierId,
    pub label: &'static str,
    pub regions: Vec<String>,
    #[serde(rename = "monthly_usd")]
    pub monthly: f64,
    #[serde(rename = "annual_usd")]
    pub annual: f64,
    pub cost_ratio: f64,
    pub compute_multiple: f64,
    /// App Service instances and AKS nodes at peak, all stamps (what must fit).
    pub compute_instances: u32,
    /// Average instances and nodes billed over the month (what is paid).
    pub compute_instances_billed_avg: f64,
    /// Each stamp: region, role, capacity, instances at peak and each pool's
    /// monthly bill (`peak`, `floor`, `instance_hours`,
    /// `failover_instance_hours`).
    pub stamps: Vec<crate::engine::costs::Stamp>,
    pub cosmos: CosmosSummary,
    pub replication_egress_gb_per_month: f64,
    #[serde(rename = "replication_egress_monthly_usd")]
    pub replication_egress_monthly: f64,
    #[serde(rename = "front_door_monthly_usd")]
    pub front_door_monthly: f64,
    /// RTO on the plan's basis (`basis`), seconds.
    pub rto_s: f64,
    /// Reads, writes and the SQL ledger on the plan's basis.
    pub rto_reads_s: f64,
    pub rto_writes_s: f64,
    pub rto_ledger_s: Option<f64>,
    /// RPO on the plan's basis, seconds.
    pub rpo_s: f64,
    /// RTO on the expected (modelled) basis, seconds.
    pub rto_expected_s: f64,
    /// RTO on the guaranteed basis (Microsoft's documented bounds), seconds.
    pub rto_guaranteed_s: f64,
    pub rpo_expected_s: f64,
    pub rpo_guaranteed_s: f64,
    pub availability: f64,
    pub downtime_min_per_year: f64,
    /// Minutes a year spent failing over (expected regional losses × users
    /// stopped × expected RTO), which the SLA composite leaves out.
    pub failover_downtime_min_per_year: f64,
    /// The part of it from zone losses (`risk.zonal_outages_per_year`).
    pub zonal_failover_downtime_min_per_year: f64,
    /// `availability` with that failover time counted.
    pub availability_with_failover: f64,
    /// p95 read latency by user geography (region name), ms.
    pub latency_p95_ms: BTreeMap<String, f64>,
    /// p95 write latency by user geography, ms.
    pub latency_writes_p95_ms: BTreeMap<String, f64>,
    pub expected_downtime_h_per_year: f64,
    pub expected_sla_credits_annual: f64,
    #[serde(rename = "expected_annual_loss_usd")]
    pub expected_annual_loss: f64,
    #[serde(rename = "risk_adjusted_annual_usd")]
    pub risk_adjusted_annual: f64,
    pub meets_targets: bool,
    pub failed_targets: Vec<Verdict>,
    /// Shares of the monthly cost on published/API, derived and unverified
    /// prices, with the sentence the page shows.
    pub price_confidence: PriceConfidenceReport,
    /// RTO, RPO, capacity left and mitigation per failure mode (zone,
    /// region, Cosmos DB regional outage, Front Door global, bad deployment,
    /// data corruption).
    pub failure_modes: Vec<FailureModeReport>,
    pub notes: Vec<String>,
    /// The tornado: the ten inputs that move this tier's figure most, each
    /// at its low and high ([`crate::engine::sensitivity`]; filled by
    /// [`attach_robustness`]).
    pub sensitivity: Vec<crate::engine::sensitivity::SensitivityRow>,
    /// Monthly cost at P10 / P50 / P90 over the scenario's ranges, and the
    /// share of samples in which this tier is the cheapest meeting every
    /// target (present only when the scenario has ranges).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_p10: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_p50: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_p90: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_cheapest_meeting: Option<f64>,
    pub line_items: Vec<LineItemReport>,
}

/// A failure-mode row with how it was made in words.
#[derive(Clone, Debug, Serialize)]
pub struct FailureModeReport {
    #[serde(flatten)]
    pub row: FailureModeRow,
    /// How the figures were made, with the pages cited.
    pub how: String,
}

/// [`PriceConfidence`] with its summary in words.
#[derive(Clone, Debug, Serialize)]
pub struct PriceConfidenceReport {
    #[serde(flatten)]
    pub split: PriceConfidence,
    pub summary: String,
}

/// The `plan --format json` document.
#[derive(Clone, Debug, Serialize)]
pub struct PlanReport {
    pub scenario: String,
    pub currency: String,
    pub price_sheet: String,
    /// Set when the figures are converted from the sheet's currency at a
    /// rate the user typed: `{currency, rate, as_of}` (`null` otherwise).
    pub converted_from: Option<crate::engine::pricing::ConvertedFrom>,
    /// `expected` or `guaranteed`: the basis RTO and RPO targets were
    /// judged on, and that `rto_s` / `rpo_s` are given on.
    pub basis: crate::engine::scenario::Basis,
    pub recommended_tier: Option<TierId>,
    pub recommendation: String,
    /// The decision in one sentence: what the recommended tier costs over
    /// the next cheaper one and what that buys.
    pub executive_summary: String,
    /// The day's load shape compute and Cosmos DB autoscale are billed over.
    pub load_shape: crate::engine::autoscale::LoadShape,
    pub tiers: Vec<TierReport>,
    pub break_even: Vec<BreakEven>,
    pub headroom_curve: Vec<HeadroomPoint>,
    pub monte_carlo: Vec<SimulatedRisk>,
    /// Each tier over 1, 3 and 5 years with reservation terms that fit
    /// ([`crate::engine::horizon`]); filled by the caller, which has the
    /// price sheet (empty when a term's price is missing).
    pub multi_year: Vec<crate::engine::horizon::MultiYear>,
    /// Where the recommendation holds, input by input and target by target
    /// ([`crate::engine::decision`]; filled by [`attach_robustness`]).
    pub decision_ranges: Vec<crate::engine::decision::DecisionRange>,
    /// Targets no tier meets, in words.
    pub unmet_targets: Vec<String>,
    /// The Monte Carlo over the scenario's ranges (present only when the
    /// scenario has ranges): samples, inputs varied, and the share of
    /// samples in which no tier meets every target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_ranges: Option<CostRangesReport>,
}

/// The Monte Carlo's summary in the JSON (per-tier figures are on the tiers).
#[derive(Clone, Debug, Serialize)]
pub struct CostRangesReport {
    pub samples: u32,
    pub inputs: Vec<String>,
    pub p_none_meeting: f64,
}

/// Adds the robustness views to a report: each tier's tornado, the
/// decision ranges, and (when the scenario has ranges) the cost ranges.
/// An error in words when the ranges cannot be simulated.
pub fn attach_robustness(
    doc: &mut PlanReport,
    s: &Scenario,
    sheet: &crate::engine::PriceSheet,
    regions: &crate::engine::RegionTable,
    plan: &Plan,
) -> Result<(), String> {
    use crate::engine::{decision, ranges, sensitivity};
    // Converted once here when the scenario shows another currency.
    let sheet = &*sheet.for_scenario(s);
    for ts in sensitivity::sensitivity(s, sheet, regions, plan) {
        if let Some(t) = doc.tiers.iter_mut().find(|t| t.tier == ts.tier) {
            t.sensitivity = ts.rows;
        }
    }
    let d = decision::decision_ranges(s, sheet, regions, plan);
    doc.decision_ranges = d.ranges;
    doc.unmet_targets = d.unmet_targets;
    if !s.ranges.inputs.is_empty() {
        let r = ranges::cost_ranges(s, sheet, regions, s.ranges.samples)?;
        for tr in &r.tiers {
            if let Some(t) = doc.tiers.iter_mut().find(|t| t.tier == tr.tier) {
                t.monthly_p10 = Some(tr.monthly_p10);
                t.monthly_p50 = Some(tr.monthly_p50);
                t.monthly_p90 = Some(tr.monthly_p90);
                t.p_cheapest_meeting = Some(tr.p_cheapest_meeting);
            }
        }
        doc.cost_ranges = Some(CostRangesReport {
            samples: r.samples,
            inputs: r.inputs,
            p_none_meeting: r.p_none_meeting,
        });
    }
    Ok(())
}

/// The words of every line item of `plan` (component and formula), tier by
/// tier in the plan's order and line by line in each tier's order, written
/// from the scenario the plan was evaluated from.
pub fn line_words(
    s: &Scenario,
    sheet: &crate::engine::PriceSheet,
    regions: &crate::engine::RegionTable,
    plan: &Plan,
) -> Vec<Vec<LineWords>> {
    // Converted once here when the scenario shows another currency, as
    // the evaluation did.
    let sheet = &*sheet.for_scenario(s);
    plan.tiers
        .iter()
        .map(|t| {
            crate::engine::tiers::line_words(t.cost.tier, s, sheet, regions).unwrap_or_default()
        })
        .collect()
}

/// The words of line `i` of tier `t` (empty if none were written).
fn words_at(words: &[Vec<LineWords>], t: usize, i: usize) -> LineWords {
    words
        .get(t)
        .and_then(|w| w.get(i))
        .cloned()
        .unwrap_or_default()
}

/// Builds the JSON contract from a plan and its line items' words
/// ([`line_words`]).
pub fn plan_report(
    s: &Scenario,
    plan: &Plan,
    words: &[Vec<LineWords>],
    curve: Vec<HeadroomPoint>,
    sims: Vec<SimulatedRisk>,
) -> PlanReport {
    PlanReport {
        scenario: s.name.clone(),
        currency: plan.currency.clone(),
        price_sheet: plan.sheet.clone(),
        converted_from: plan.converted_from.clone(),
        basis: plan.basis,
        recommended_tier: plan.recommended_tier,
        recommendation: verdicts::recommendation(s, plan),
        executive_summary: crate::engine::summary::executive_summary(plan),
        load_shape: crate::engine::autoscale::load_shape(&s.workload),
        tiers: plan
            .tiers
            .iter()
            .enumerate()
            .map(|(ti, t)| {
                let r = &t.resilience;
                let on = r.on(plan.basis);
                let mut notes: Vec<String> = t.cost.notes.iter().map(|n| n.to_string()).collect();
                notes.extend(r.notes.iter().cloned());
                TierReport {
                    tier: t.cost.tier,
                    label: t.cost.tier.label(),
                    regions: t.cost.stamps.iter().map(|s| s.region.to_string()).collect(),
                    monthly: t.cost.monthly,
                    annual: t.cost.annual,
                    cost_ratio: t.cost_ratio,
                    compute_multiple: t.cost.compute_multiple,
                    compute_instances: t.cost.compute_instances,
                    compute_instances_billed_avg: t.cost.compute_instances_billed_avg,
                    stamps: t.cost.stamps.clone(),
                    cosmos: t.cost.cosmos.clone(),
                    replication_egress_gb_per_month: t.cost.replication_egress_gb_per_month,
                    replication_egress_monthly: t.cost.replication_egress_monthly,
                    front_door_monthly: t.cost.front_door_monthly,
                    rto_s: on.rto_s,
                    rto_reads_s: on.rto_reads_s,
                    rto_writes_s: on.rto_writes_s,
                    rto_ledger_s: on.rto_ledger_s,
                    rpo_s: on.rpo_s,
                    rto_expected_s: r.rto_s,
                    rto_guaranteed_s: r.guaranteed.rto_s,
                    rpo_expected_s: r.rpo_s,
                    rpo_guaranteed_s: r.guaranteed.rpo_s,
                    availability: r.availability,
                    downtime_min_per_year: r.downtime_min_per_year,
                    failover_downtime_min_per_year: r.failover_downtime_min_per_year,
                    zonal_failover_downtime_min_per_year: r.zonal_failover_downtime_min_per_year,
                    availability_with_failover: r.availability_with_failover,
                    latency_p95_ms: r
                        .latency
                        .iter()
                        .map(|g| (g.region.to_string(), g.reads_p95_ms))
                        .collect(),
                    latency_writes_p95_ms: r
                        .latency
                        .iter()
                        .map(|g| (g.region.to_string(), g.writes_p95_ms))
                        .collect(),
                    expected_downtime_h_per_year: t.risk.downtime_h_per_year,
                    expected_sla_credits_annual: t.risk.sla_credits_annual,
                    expected_annual_loss: t.risk.expected_annual_loss,
                    risk_adjusted_annual: t.risk.risk_adjusted_annual,
                    meets_targets: t.meets_targets,
                    failed_targets: verdicts::for_tier(s, plan, t),
                    price_confidence: PriceConfidenceReport {
                        split: t.price_confidence.clone(),
                        summary: t.price_confidence.summary(),
                    },
                    failure_modes: t
                        .failure_modes
                        .iter()
                        .map(|row| FailureModeReport {
                            row: row.clone(),
                            how: crate::engine::failure_mode_words::how(s, &t.cost, row.mode),
                        })
                        .collect(),
                    notes,
                    sensitivity: Vec::new(),
                    monthly_p10: None,
                    monthly_p50: None,
                    monthly_p90: None,
                    p_cheapest_meeting: None,
                    line_items: t
                        .cost
                        .line_items
                        .iter()
                        .enumerate()
                        .map(|(i, li)| (li, words_at(words, ti, i)))
                        .map(|(li, w)| LineItemReport {
                            key: li.component,
                            place: li.place().to_string(),
                            category: li.category,
                            component: w.component,
                            region: li.region().to_string(),
                            quantity: li.quantity,
                            unit: li.unit.to_string(),
                            unit_price: li.unit_price,
                            monthly: li.monthly,
                            formula: w.formula,
                            service_name: li.price.service_name.clone(),
                            product_name: li.price.product_name.clone(),
                            sku_name: li.price.sku_name.clone(),
                            meter_name: li.price.meter_name.clone(),
                            price_region: li.price.arm_region_name.clone(),
                            unit_of_measure: li.price.unit_of_measure.as_str().to_string(),
                            retail_price: li.price.retail_price,
                            price_type: format!("{:?}", li.price.price_type),
                            reservation_term: li.price.reservation_term.as_str().to_string(),
                            effective_start_date: li.price.effective_start_date.clone(),
                            confidence: li.price.confidence.clone(),
                            price_basis: PriceBasis::of(&li.price.confidence),
                            source: li.price.source.clone(),
                            sheet_line: li.price.line,
                        })
                        .collect(),
                }
            })
            .collect(),
        break_even: plan.break_even.clone(),
        headroom_curve: curve,
        monte_carlo: sims,
        multi_year: Vec::new(),
        decision_ranges: Vec::new(),
        unmet_targets: Vec::new(),
        cost_ranges: None,
    }
}
