//! What drives the answer: each key input moved to a low and a high value,
//! and the change in every tier's monthly cost (a tornado), with the
//! risk-adjusted figure for the inputs that only move the cost of outages.
//!
//! Every figure comes from the engine itself ([`outcome`]: the same pricing,
//! resilience and target checks as [`super::plan::evaluate`], numbers only),
//! never from a slope worked out here.

use serde::Serialize;

use super::plan::{Plan, PlanError};
use super::pricing::{LookupMemo, MissingPrice, PriceSheet};
use super::ranges::{self, Slot};
use super::regions::RegionTable;
use super::resilience::{self, TierResilience};
use super::risk;
use super::scenario::Scenario;
use super::tiers::{self, TierCost, TierId};
use super::validate::validate;

/// The numbers the robustness views need from one evaluation, by tier in
/// [`TierId::ALL`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub monthly: [f64; 4],
    /// (Infrastructure per year + expected downtime cost + expected
    /// credits) ÷ 12.
    pub risk_adjusted_monthly: [f64; 4],
    pub meets: [bool; 4],
    /// The cheapest tier that meets every target, as the plan picks it.
    pub recommended: Option<TierId>,
}

/// True when a tier meets every target on the scenario's basis: the same
/// checks as the plan's judgement (feasibility, RTO and RPO on the basis,
/// availability, p95 latency in every geography, budget), without writing
/// the messages. `tests/robustness.rs` holds the two to the same verdicts.
pub fn meets_every_target(s: &Scenario, cost: &TierCost, res: &TierResilience) -> bool {
    let t = &s.targets;
    let r = res.on(t.basis);
    let latency_ok = res.latency.iter().all(|g| {
        let v = if t.latency_includes_writes {
            g.reads_p95_ms.max(g.writes_p95_ms)
        } else {
            g.reads_p95_ms
        };
        v <= t.latency_p95_ms
    });
    cost.infeasible.is_none()
        && r.rto_s <= t.rto_s
        && r.rpo_s <= t.rpo_s
        && res.availability >= t.availability_pct / 100.0
        && latency_ok
        && !(t.monthly_budget > 0.0 && cost.monthly > t.monthly_budget)
}

/// Evaluates a scenario for the robustness views: validation, the four
/// tiers priced without words, resilience, risk, and the pick.
pub fn outcome(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Result<Outcome, PlanError> {
    outcome_with(s, sheet, regions, true)
}

/// [`outcome`], with `risk` false leaving `risk_adjusted_monthly` at 0
/// (the Monte Carlo of cost ranges and the decision ranges need only the
/// costs and the pick).
pub fn outcome_with(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    risk: bool,
) -> Result<Outcome, PlanError> {
    let errors = validate(s, regions);
    if !errors.is_empty() {
        return Err(PlanError::Invalid(errors));
    }
    // Figures in the scenario's display currency, as `plan::evaluate` gives
    // them (a sheet already converted is borrowed, not converted again).
    let sheet = &*sheet.for_scenario(s);
    let mut o = Outcome {
        monthly: [0.0; 4],
        risk_adjusted_monthly: [0.0; 4],
        meets: [false; 4],
        recommended: None,
    };
    let mut missing: Vec<MissingPrice> = Vec::new();
    // Lookups shared by the four tiers, and kept for the next outcome
    // against the same sheet layout (a sweep prices the same meters again).
    let memo = LookupMemo::new(sheet);
    for (i, tier) in TierId::ALL.into_iter().enumerate() {
        let cost = match tiers::price_tier_totals(tier, s, &memo, regions) {
            Ok(c) => c,
            Err(m) => {
                missing.extend(m);
                continue;
            }
        };
        let capacities: Vec<f64> = cost.stamps.iter().map(|st| st.capacity_fraction).collect();
        let res = resilience::assess(tier, s, regions, &capacities);
        if risk {
            let impacts = risk::loss_impacts(tier, s, res.rto_reads_s, res.rto_s);
            let expected = risk::expected(s, &impacts, cost.annual);
            o.risk_adjusted_monthly[i] = expected.risk_adjusted_annual / 12.0;
        }
        o.monthly[i] = cost.monthly;
        o.meets[i] = meets_every_target(s, &cost, &res);
    }
    if !missing.is_empty() {
        missing.dedup();
        return Err(PlanError::MissingPrices(missing));
    }
    let mut best: Option<usize> = None;
    for i in 0..4 {
        if o.meets[i] && best.is_none_or(|b| o.monthly[i] < o.monthly[b]) {
            best = Some(i);
        }
    }
    o.recommended = best.map(|i| TierId::ALL[i]);
    Ok(o)
}

/// How an input's low and high are set when it carries no range of its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swing {
    /// A quantity: ± the scenario's swing percent (20 by default).
    Relative,
    /// A ratio or percentage: ± `by`, kept within `[min, max]`.
    Absolute { by: f64, min: f64, max: f64 },
}

/// Which figure an input moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The monthly infrastructure cost.
    Monthly,
    /// The risk-adjusted monthly figure (infrastructure + expected
    /// downtime cost + expected credits, ÷ 12): for inputs that change only
    /// what outages cost.
    RiskAdjustedMonthly,
}

/// A key input of the scenario (one decimal field). Its label, unit and
/// display scale are the registry's ([`super::inputs`]), so the tornado and
/// the decision ranges speak the units the user types.
pub struct KeyInput {
    pub path: &'static str,
    pub swing: Swing,
    pub measure: Measure,
}

const fn key(path: &'static str, swing: Swing, measure: Measure) -> KeyInput {
    KeyInput {
        path,
        swing,
        measure,
    }
}

/// `by` either side, within `[min, max]` (stored units: fractions for
/// percentages).
const fn absolute(by: f64, min: f64, max: f64) -> Swing {
    Swing::Absolute { by, min, max }
}

use Measure::{Monthly, RiskAdjustedMonthly};
use Swing::Relative;

/// The scenario inputs the tornado and the decision ranges cover (the
/// largest unit prices are added per scenario, [`key_inputs`]).
pub static KEY_INPUTS: &[KeyInput] = &[
    key("workload.peak_requests_per_s", Relative, Monthly),
    key(
        "workload.average_to_peak_ratio",
        absolute(0.1, 0.05, 1.0),
        Monthly,
    ),
    key("workload.response_kb", Relative, Monthly),
    key(
        "workload.edge_cache_hit_ratio",
        absolute(0.1, 0.0, 0.95),
        Monthly,
    ),
    key("workload.point_reads_per_request", Relative, Monthly),
    key("workload.writes_per_request", Relative, Monthly),
    key("workload.queries_per_request", Relative, Monthly),
    key("workload.ru_per_query", Relative, Monthly),
    key("workload.item_kb", Relative, Monthly),
    key("workload.replace_ratio", absolute(0.2, 0.0, 1.0), Monthly),
    key("workload.stored_gb", Relative, Monthly),
    key(
        "compute.app_service.requests_per_s_per_instance",
        Relative,
        Monthly,
    ),
    key("compute.aks.requests_per_s_per_node", Relative, Monthly),
    key(
        "compute.stamp_capacity_fraction",
        absolute(0.1, 0.05, 1.0),
        Monthly,
    ),
    key("platform.log_analytics_gb_per_day", Relative, Monthly),
    key(
        "platform.key_vault_operations_millions_per_month",
        Relative,
        Monthly,
    ),
    key("data.sql.write_gb_per_month", Relative, Monthly),
    key("commercial.discount_pct", absolute(5.0, 0.0, 95.0), Monthly),
    key("risk.downtime_cost_per_hour", Relative, RiskAdjustedMonthly),
    key(
        "risk.regional_outages_per_year",
        Relative,
        RiskAdjustedMonthly,
    ),
    key("risk.typical_outage_hours", Relative, RiskAdjustedMonthly),
    key(
        "risk.sla_covered_monthly_revenue",
        Relative,
        RiskAdjustedMonthly,
    ),
];

/// The targets the decision ranges also cover (labels and units from the
/// registry).
pub static TARGET_INPUTS: &[&str] = &[
    "targets.rto_s",
    "targets.rpo_s",
    "targets.availability_pct",
    "targets.latency_p95_ms",
    "targets.monthly_budget",
];

/// How an input is shown: the registry's label and unit, and displayed =
/// stored × `scale`; and whether it is in use in a scenario (the
/// registry's `when`: App Service fields only with App Service, …).
#[derive(Clone, Debug)]
pub struct Display {
    pub label: String,
    pub unit: &'static str,
    pub scale: f64,
    pub in_use: fn(&Scenario) -> bool,
}

/// The registry's label, unit and scale for a number input's path. A
/// target is named as one ("RTO target"; the field's own aside, such as
/// "(0 = none)", left out).
pub fn display(path: &str) -> Option<Display> {
    let input = super::inputs::find(path)?;
    let n = input.number()?;
    let label = if input.band == super::inputs::Band::Targets {
        let name = input.label.split(" (").next().unwrap_or(input.label);
        format!("{name} target")
    } else {
        input.label.to_string()
    };
    Some(Display {
        label,
        unit: input.unit,
        scale: n.scale,
        in_use: n.when,
    })
}

/// How many of the priciest services get a "unit prices" input.
pub const PRICE_INPUTS: usize = 4;

/// What an input changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Lever {
    /// A decimal field of the scenario.
    Field(Slot),
    /// Every unit price of one service (`service_name` in the sheet) times
    /// a factor; the value is the factor (1 = the sheet's prices).
    Prices(String),
}

impl PartialEq for Slot {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path)
    }
}

/// One input with the low and high the tornado moves it to.
#[derive(Clone, Debug, PartialEq)]
pub struct Varied {
    /// The field's path, or `prices.<service name>` for a price factor.
    pub id: String,
    /// The registry's label ("Peak requests"), or "<service> unit prices".
    pub label: String,
    /// The registry's unit, for the value × `scale`.
    pub unit: &'static str,
    /// Displayed = stored × this (100 for a fraction shown in %).
    pub scale: f64,
    pub lever: Lever,
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub measure: Measure,
    /// Set from the input's own low / likely / high.
    pub from_range: bool,
}

impl Varied {
    /// `s` (and the sheet) with this input at `v`. The sheet is borrowed
    /// unless the input is a price factor.
    pub fn apply(&self, s: &mut Scenario, v: f64) {
        if let Lever::Field(slot) = &self.lever {
            (slot.set)(s, v);
        }
    }

    /// The sheet to price with at `v` (a scaled copy for a price factor).
    pub fn sheet<'a>(&self, sheet: &'a PriceSheet, v: f64) -> std::borrow::Cow<'a, PriceSheet> {
        match &self.lever {
            Lever::Prices(service) => std::borrow::Cow::Owned(sheet.scaled(service, v)),
            Lever::Field(_) => std::borrow::Cow::Borrowed(sheet),
        }
    }
}

/// The services with the largest monthly cost in the plan's priciest tier,
/// largest first (at most [`PRICE_INPUTS`]).
pub fn priciest_services(plan: &Plan) -> Vec<(String, f64)> {
    let Some(top) = plan
        .tiers
        .iter()
        .max_by(|a, b| a.cost.monthly.total_cmp(&b.cost.monthly))
    else {
        return Vec::new();
    };
    let mut by: Vec<(String, f64)> = Vec::new();
    for li in &top.cost.line_items {
        match by
            .iter_mut()
            .find(|(name, _)| *name == li.price.service_name)
        {
            Some(entry) => entry.1 += li.monthly,
            None => by.push((li.price.service_name.clone(), li.monthly)),
        }
    }
    by.retain(|(_, m)| *m > 0.0);
    by.sort_by(|a, b| b.1.total_cmp(&a.1));
    by.truncate(PRICE_INPUTS);
    by
}

/// The inputs to vary for this scenario: [`KEY_INPUTS`] that apply (a pool
/// or ledger that is off is left out), each with its low and high, then a
/// price factor for each of the [`priciest_services`].
pub fn key_inputs(s: &Scenario, plan: &Plan) -> Vec<Varied> {
    let pct = if s.ranges.swing_pct.is_finite() && s.ranges.swing_pct > 0.0 {
        s.ranges.swing_pct.min(95.0) / 100.0
    } else {
        ranges::DEFAULT_SWING_PCT / 100.0
    };
    let max_share = s
        .regions
        .iter()
        .map(|r| r.traffic_share)
        .fold(0.0, f64::max);
    let mut out = Vec::with_capacity(KEY_INPUTS.len() + PRICE_INPUTS);
    for k in KEY_INPUTS {
        let (Some(slot), Some(shown)) = (ranges::slot(k.path), display(k.path)) else {
            continue;
        };
        // A pool or ledger that is off is left out.
        if !(shown.in_use)(s) {
            continue;
        }
        let value = (slot.get)(s);
        let (low, high, from_range) = match s.ranges.inputs.get(k.path) {
            Some(t) => (t.low, t.high, true),
            None => match k.swing {
                Swing::Relative => (value * (1.0 - pct), value * (1.0 + pct), false),
                Swing::Absolute { by, min, max } => {
                    let min = if k.path == "compute.stamp_capacity_fraction" {
                        min.max(max_share)
                    } else {
                        min
                    };
                    (
                        (value - by).max(min).min(value),
                        (value + by).min(max).max(value),
                        false,
                    )
                }
            },
        };
        out.push(Varied {
            id: k.path.to_string(),
            label: shown.label,
            unit: shown.unit,
            scale: shown.scale,
            lever: Lever::Field(slot),
            value,
            low,
            high,
            measure: k.measure,
            from_range,
        });
    }
    for (service, _) in priciest_services(plan) {
        out.push(Varied {
            id: format!("prices.{service}"),
            label: format!("{service} unit prices"),
            unit: "× sheet price",
            scale: 1.0,
            lever: Lever::Prices(service),
            value: 1.0,
            low: 1.0 - pct,
            high: 1.0 + pct,
            measure: Measure::Monthly,
            from_range: false,
        });
    }
    out
}

/// One bar of a tier's tornado.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SensitivityRow {
    /// The input's path (`workload.peak_requests_per_s`, or
    /// `prices.<service>` for a price factor).
    pub input: String,
    /// The registry's label and unit; the values are stored ones (the
    /// scenario JSON's), shown as value × `scale` in `unit`.
    pub label: String,
    pub unit: &'static str,
    pub scale: f64,
    pub value: f64,
    pub low_value: f64,
    pub high_value: f64,
    /// The figure (`measure`) with the input at its low and high.
    pub monthly_low: f64,
    pub monthly_high: f64,
    /// The figure with every input as it is.
    pub monthly_base: f64,
    pub measure: Measure,
}

impl SensitivityRow {
    /// |high − low|: what the rows are sorted by.
    pub fn swing(&self) -> f64 {
        (self.monthly_high - self.monthly_low).abs()
    }
}

/// One tier's tornado: the ten inputs that move its figure most.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TierSensitivity {
    pub tier: TierId,
    pub rows: Vec<SensitivityRow>,
}

/// Rows per tier.
pub const TOP: usize = 10;

/// The tornado of every tier: each key input at its low and at its high
/// (two evaluations of all four tiers per input), sorted by the change in
/// the tier's figure, largest first, top ten. Inputs that cannot be
/// evaluated at their low or high (a value the field refuses) are left out.
pub fn sensitivity(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    plan: &Plan,
) -> Vec<TierSensitivity> {
    let Ok(base) = outcome(s, sheet, regions) else {
        return Vec::new();
    };
    let inputs = key_inputs(s, plan);
    let mut per_tier: Vec<Vec<SensitivityRow>> = vec![Vec::new(); 4];
    let mut x = s.clone();
    for v in &inputs {
        let mut at = |value: f64| {
            v.apply(&mut x, value);
            let sh = v.sheet(sheet, value);
            let o = outcome(&x, &sh, regions);
            v.apply(&mut x, v.value);
            o.ok()
        };
        let (Some(lo), Some(hi)) = (at(v.low), at(v.high)) else {
            continue;
        };
        for (i, rows) in per_tier.iter_mut().enumerate() {
            let pick = |o: &Outcome| match v.measure {
                Measure::Monthly => o.monthly[i],
                Measure::RiskAdjustedMonthly => o.risk_adjusted_monthly[i],
            };
            rows.push(SensitivityRow {
                input: v.id.clone(),
                label: v.label.clone(),
                unit: v.unit,
                scale: v.scale,
                value: v.value,
                low_value: v.low,
                high_value: v.high,
                monthly_low: pick(&lo),
                monthly_high: pick(&hi),
                monthly_base: pick(&base),
                measure: v.measure,
            });
        }
    }
    TierId::ALL
        .into_iter()
        .zip(per_tier)
        .map(|(tier, mut rows)| {
            rows.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
            rows.truncate(TOP);
            TierSensitivity { tier, rows }
        })
        .collect()
}
