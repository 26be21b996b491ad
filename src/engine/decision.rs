//! Where the recommendation holds: for each key input and each target, the
//! interval over which the recommended tier stays the cheapest tier that
//! meets every target, and which tier takes over beyond each end.
//!
//! Each end is solved for on the engine ([`super::sensitivity::outcome`]),
//! not read off a sample: the input is moved away from its value in four
//! growing steps (1/16, 1/4, 1/2 and all of the way to the end of the
//! searched span) until the pick changes, then the step in which it changed
//! is halved [`BISECTIONS`] times. The span is a tenth to ten times the value
//! for quantities, prices and the latency and budget targets, the whole
//! valid range for ratios, 1/100 to 100 times for the RTO and RPO targets,
//! and 0.0001 % to 10 % of unavailability for the availability target. A
//! change of pick that reverts within one step would be missed; where the
//! field refuses a value (a validation limit), the interval ends there.

use serde::Serialize;

use super::format;
use super::plan::Plan;
use super::pricing::PriceSheet;
use super::ranges;
use super::regions::RegionTable;
use super::scenario::Scenario;
use super::sensitivity::{
    display, key_inputs, outcome_with, Lever, Measure, Varied, TARGET_INPUTS,
};
use super::tiers::TierId;

/// Halvings of the step in which the pick changed: the edge is found to
/// 1/1024 of that step.
pub const BISECTIONS: usize = 10;

/// What lies beyond one end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Beyond {
    /// Another tier becomes the cheapest that meets every target
    /// (`below_tier` / `above_tier`).
    Tier,
    /// No tier meets every target any more.
    NoTier,
    /// The recommendation holds to the end of the searched span (or to the
    /// last value the field accepts).
    Holds,
}

/// The interval of one input over which the recommendation holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionRange {
    /// The input's path (`workload.peak_requests_per_s`, `targets.rto_s`,
    /// or `prices.<service>` for a factor on that service's unit prices).
    pub input: String,
    /// The registry's label and unit; the values are stored ones (the
    /// scenario JSON's), shown as value × `scale` in `unit`.
    pub label: String,
    pub unit: &'static str,
    pub scale: f64,
    /// Today's value (for `targets.monthly_budget`, 0 = no budget).
    pub value: f64,
    /// The lowest and highest value at which the recommended tier is still
    /// the pick (to the bisection's precision).
    pub from: f64,
    pub to: f64,
    /// The tier that takes over below `from` / above `to`, if one does.
    pub below_tier: Option<TierId>,
    pub above_tier: Option<TierId>,
    pub below: Beyond,
    pub above: Beyond,
}

/// The decision ranges of a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub recommended_tier: Option<TierId>,
    pub ranges: Vec<DecisionRange>,
    /// Targets no tier meets, in words (with the closest tier's figure).
    pub unmet_targets: Vec<String>,
}

/// How the searched span maps a step `t` in [0, 1] to a value.
#[derive(Clone, Copy, Debug)]
enum Span {
    /// `v × (end ÷ v)^t`.
    Geometric { low: f64, high: f64 },
    /// `v + (end − v) t`.
    Linear { low: f64, high: f64 },
    /// On `100 − v` (a percentage's complement), geometrically.
    Complement { low: f64, high: f64 },
}

impl Span {
    fn at(self, v: f64, up: bool, t: f64) -> f64 {
        match self {
            Span::Geometric { low, high } => {
                let end = if up { high } else { low };
                if v <= 0.0 {
                    end * t
                } else {
                    v * (end / v).powf(t)
                }
            }
            Span::Linear { low, high } => {
                let end = if up { high } else { low };
                v + (end - v) * t
            }
            Span::Complement { low, high } => {
                // Up in percent is down in unavailability.
                let u = 100.0 - v;
                let end = if up { 100.0 - high } else { 100.0 - low };
                if u <= 0.0 {
                    100.0 - end * t
                } else {
                    100.0 - u * (end / u).powf(t)
                }
            }
        }
    }
}

/// The span searched for a key input.
fn span_of(v: &Varied, s: &Scenario) -> Span {
    match &v.lever {
        Lever::Prices(_) => Span::Geometric {
            low: 0.1,
            high: 10.0,
        },
        Lever::Field(slot) => {
            let k = super::sensitivity::KEY_INPUTS
                .iter()
                .find(|k| k.path == slot.path);
            match k.map(|k| k.swing) {
                Some(super::sensitivity::Swing::Absolute { min, max, .. }) => {
                    let min = if slot.path == "compute.stamp_capacity_fraction" {
                        min.max(
                            s.regions
                                .iter()
                                .map(|r| r.traffic_share)
                                .fold(0.0, f64::max),
                        )
                    } else {
                        min
                    };
                    Span::Linear {
                        low: min,
                        high: max,
                    }
                }
                _ => Span::Geometric {
                    low: v.value / 10.0,
                    high: v.value * 10.0,
                },
            }
        }
    }
}

/// The step fractions tried before bisecting.
const PROBES: [f64; 4] = [1.0 / 16.0, 0.25, 0.5, 1.0];

/// One end of the interval: walks away from the value until the pick
/// changes, then bisects. `pick(x)` is the pick at `x` (None when the
/// scenario is refused there).
fn end(
    pick: &mut dyn FnMut(f64) -> Option<Option<TierId>>,
    span: Span,
    value: f64,
    rec: TierId,
    up: bool,
) -> (f64, Beyond, Option<TierId>) {
    let mut t_in = 0.0;
    for t in PROBES {
        let x = span.at(value, up, t);
        match pick(x) {
            None => return (span.at(value, up, t_in), Beyond::Holds, None),
            Some(Some(r)) if r == rec => t_in = t,
            Some(mut other) => {
                let mut t_out = t;
                for _ in 0..BISECTIONS {
                    let mid = 0.5 * (t_in + t_out);
                    match pick(span.at(value, up, mid)) {
                        Some(Some(r)) if r == rec => t_in = mid,
                        Some(o) => {
                            t_out = mid;
                            other = o;
                        }
                        None => t_out = mid,
                    }
                }
                let beyond = if other.is_some() {
                    Beyond::Tier
                } else {
                    Beyond::NoTier
                };
                return (span.at(value, up, t_in), beyond, other);
            }
        }
    }
    (span.at(value, up, 1.0), Beyond::Holds, None)
}

/// The interval of one input, searched from `v.value`.
fn interval(
    v: &Varied,
    span: Span,
    rec: TierId,
    pick: &mut dyn FnMut(f64) -> Option<Option<TierId>>,
) -> DecisionRange {
    let (from, below, below_tier) = end(pick, span, v.value, rec, false);
    let (to, above, above_tier) = end(pick, span, v.value, rec, true);
    DecisionRange {
        input: v.id.clone(),
        label: v.label.clone(),
        unit: v.unit,
        scale: v.scale,
        value: v.value,
        from,
        to,
        below_tier,
        above_tier,
        below,
        above,
    }
}

/// Targets no tier meets, each with the closest tier's miss in words.
pub fn unmet_targets(s: &Scenario, plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for (id, name) in [
        ("feasibility", "feasibility"),
        ("rto", "RTO"),
        ("rpo", "RPO"),
        ("availability", "availability"),
        ("latency", "latency"),
        ("budget", "budget"),
    ] {
        let misses: Vec<(&super::plan::TierResult, &super::plan::FailedTarget)> = plan
            .tiers
            .iter()
            .filter_map(|t| {
                t.failed_targets
                    .iter()
                    .find(|f| f.target == id)
                    .map(|f| (t, f))
            })
            .collect();
        if !plan.tiers.is_empty() && misses.len() == plan.tiers.len() {
            if let Some((tier, f)) = misses
                .iter()
                .min_by(|a, b| a.1.shortfall.total_cmp(&b.1.shortfall))
            {
                out.push(format!(
                    "No tier meets the {name} target; closest: {}, whose {}.",
                    tier.cost.tier.short_label(),
                    super::verdicts::message(s, tier, &plan.currency, plan.basis, f.target)
                ));
            }
        }
    }
    out
}

/// One interval to solve for: an input (or target), the span searched, and
/// the value shown (for the budget, 0 = no budget, searched from far above).
pub struct Question {
    varied: Varied,
    span: Span,
    shown: f64,
}

/// What [`decision_ranges`] solves for: every key input (the inputs that
/// only move the cost of outages are left out: they do not change the
/// pick) and every target.
pub fn questions(s: &Scenario, plan: &Plan) -> Vec<Question> {
    let mut out = Vec::new();
    let Some(rec) = plan.recommended_tier else {
        return out;
    };
    for v in key_inputs(s, plan) {
        if v.measure == Measure::RiskAdjustedMonthly {
            continue;
        }
        let span = span_of(&v, s);
        if matches!(span, Span::Geometric { .. }) && v.value <= 0.0 {
            continue;
        }
        let shown = v.value;
        out.push(Question {
            varied: v,
            span,
            shown,
        });
    }
    let rec_monthly = plan.tier(rec).map(|t| t.cost.monthly).unwrap_or(0.0);
    for path in TARGET_INPUTS {
        let (Some(slot), Some(how)) = (ranges::slot(path), display(path)) else {
            continue;
        };
        let value = (slot.get)(s);
        // No budget (0) behaves as a budget far above every tier.
        let start = if *path == "targets.monthly_budget" && value <= 0.0 {
            rec_monthly * 10.0
        } else {
            value
        };
        let span = match *path {
            "targets.availability_pct" => Span::Complement {
                low: 90.0,
                high: 99.9999,
            },
            "targets.rto_s" | "targets.rpo_s" if start > 0.0 => Span::Geometric {
                low: start / 100.0,
                high: start * 100.0,
            },
            "targets.rpo_s" => Span::Linear {
                low: 0.0,
                high: 86_400.0,
            },
            "targets.monthly_budget" => Span::Geometric {
                low: rec_monthly / 10.0,
                high: start.max(rec_monthly) * 10.0,
            },
            _ => Span::Geometric {
                low: start / 10.0,
                high: start * 10.0,
            },
        };
        out.push(Question {
            varied: Varied {
                id: path.to_string(),
                label: how.label,
                unit: how.unit,
                scale: how.scale,
                lever: Lever::Field(slot),
                value: start,
                low: start,
                high: start,
                measure: Measure::Monthly,
                from_range: false,
            },
            span,
            shown: value,
        });
    }
    out
}

/// Solves one [`Question`]: both ends of the interval over which `rec`
/// stays the pick.
pub fn answer(
    q: &Question,
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    rec: TierId,
) -> DecisionRange {
    let v = &q.varied;
    let mut x = s.clone();
    let mut pick = |probe: f64| {
        v.apply(&mut x, probe);
        let sh = v.sheet(sheet, probe);
        let o = outcome_with(&x, &sh, regions, false)
            .ok()
            .map(|o| o.recommended);
        v.apply(&mut x, q.shown);
        o
    };
    let mut r = interval(v, q.span, rec, &mut pick);
    r.value = q.shown;
    r
}

/// The decision ranges: every [`questions`] answered. Empty ranges when no
/// tier meets every target.
pub fn decision_ranges(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    plan: &Plan,
) -> Decision {
    let mut d = Decision {
        recommended_tier: plan.recommended_tier,
        ranges: Vec::new(),
        unmet_targets: unmet_targets(s, plan),
    };
    if let Some(rec) = plan.recommended_tier {
        d.ranges = questions(s, plan)
            .iter()
            .map(|q| answer(q, s, sheet, regions, rec))
            .collect();
    }
    d
}

/// One interval in words: "Multi-region writes stays the choice while peak
/// traffic is 520–1,900 req/s; below 520 Active-active reads meets every
/// target for less; above 1,900 no tier meets every target."
pub fn describe(r: &DecisionRange, rec: TierId, currency: &str) -> String {
    // In the units the user types: a fraction as a percentage, and so on.
    let percent = r.unit.starts_with('%');
    let show = |stored: f64| -> String {
        let v = stored * r.scale;
        if r.input.starts_with("prices.") {
            format!("{}×", format::number(v, 2))
        } else if r.input == "targets.monthly_budget" {
            format::money_whole(v, currency)
        } else if percent {
            let digits = if r.input == "targets.availability_pct" {
                4
            } else {
                1
            };
            format!("{}%", format::number(v, digits))
        } else if v.abs() < 10.0 {
            let digits = if v.abs() < 1.0 { 3 } else { 2 };
            format::number(v, digits)
        } else {
            format::number(v, 0)
        }
    };
    let unit = if r.input.starts_with("prices.") {
        String::new()
    } else if percent {
        // "% of peak" keeps its words after the number's own "%".
        r.unit[1..].to_string()
    } else if r.unit.is_empty() {
        String::new()
    } else {
        format!(" {}", r.unit)
    };
    let side = |b: Beyond, t: Option<TierId>, edge: String, word: &str| -> String {
        match (b, t) {
            (Beyond::Tier, Some(t)) => format!("{word} {edge}, {} is the pick", t.short_label()),
            (Beyond::NoTier, _) | (Beyond::Tier, None) => {
                format!("{word} {edge}, no tier meets every target")
            }
            (Beyond::Holds, _) => String::new(),
        }
    };
    let lo = side(r.below, r.below_tier, show(r.from), "below");
    let hi = side(r.above, r.above_tier, show(r.to), "above");
    let range = match (r.below, r.above) {
        (Beyond::Holds, Beyond::Holds) => {
            format!("over all of {}–{}{unit}", show(r.from), show(r.to))
        }
        (Beyond::Holds, _) => format!("up to {}{unit}", show(r.to)),
        (_, Beyond::Holds) => format!("from {}{unit}", show(r.from)),
        _ => format!("while it is {}–{}{unit}", show(r.from), show(r.to)),
    };
    let mut text = format!(
        "{}: {} stays the choice {range}",
        r.label,
        rec.short_label()
    );
    for part in [lo, hi] {
        if !part.is_empty() {
            text.push_str("; ");
            text.push_str(&part);
        }
    }
    text.push('.');
    text
}
