//! The decision in one sentence, for the top of the page, the print and
//! the CLI: what the recommended tier costs over the next cheaper design and
//! what that buys, in the figures that decided it.

use super::format;
use super::plan::{Plan, TierResult};

/// What the recommended tier does better than `cheaper` on the targets
/// `cheaper` misses ("RTO 50 s instead of 15 min").
fn what_it_buys(rec: &TierResult, cheaper: &TierResult) -> Vec<String> {
    let mut out = Vec::new();
    for f in &cheaper.failed_targets {
        let text = match f.target {
            "rto" => format!(
                "RTO {} instead of {}",
                format::duration(rec.resilience.rto_s),
                format::duration(cheaper.resilience.rto_s)
            ),
            "rpo" => format!(
                "RPO {} instead of {}",
                format::duration(rec.resilience.rpo_s),
                format::duration(cheaper.resilience.rpo_s)
            ),
            "availability" => format!(
                "availability {} instead of {}",
                format::percent(rec.resilience.availability, 3),
                format::percent(cheaper.resilience.availability, 3)
            ),
            "latency" => format!(
                "p95 latency {} ms instead of {} ms",
                format::number(rec.resilience.latency_p95_ms, 0),
                format::number(cheaper.resilience.latency_p95_ms, 0)
            ),
            _ => continue,
        };
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// The decision in one sentence, e.g. "Active-active multi-region writes
/// costs $2,712 more a year than Active-active reads, single writer and
/// buys RTO 50 s instead of 15 min."
pub fn executive_summary(plan: &Plan) -> String {
    let currency = &plan.currency;
    let Some(rec) = plan.recommended_tier.and_then(|id| plan.tier(id)) else {
        let cheapest = plan
            .tiers
            .iter()
            .min_by(|a, b| a.cost.monthly.total_cmp(&b.cost.monthly));
        return match cheapest {
            Some(t) => format!(
                "No tier meets every target; the cheapest design, {}, costs {} a year and misses {}.",
                t.cost.tier.label(),
                format::money_whole(t.cost.annual, currency),
                t.failed_targets
                    .iter()
                    .map(|f| target_words(f.target))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "No tier could be planned.".into(),
        };
    };
    // The next cheaper design: the dearest tier that costs less than the
    // recommended one (it misses a target, or it would be recommended).
    let cheaper = plan
        .tiers
        .iter()
        .filter(|t| t.cost.monthly < rec.cost.monthly)
        .max_by(|a, b| a.cost.monthly.total_cmp(&b.cost.monthly));
    match cheaper {
        Some(c) => {
            let buys = what_it_buys(rec, c);
            format!(
                "{} costs {} more a year than {}{}.",
                rec.cost.tier.label(),
                format::money_whole(rec.cost.annual - c.cost.annual, currency),
                c.cost.tier.label(),
                if buys.is_empty() {
                    " and meets every target it misses".to_string()
                } else {
                    format!(" and buys {}", buys.join(", "))
                }
            )
        }
        None => format!(
            "{} is the cheapest design and meets every target, at {} a year.",
            rec.cost.tier.label(),
            format::money_whole(rec.cost.annual, currency)
        ),
    }
}

/// A target id as a word: `rto` → `RTO`, `availability` → `availability`.
fn target_words(id: &str) -> String {
    match id {
        "rto" | "rpo" => id.to_uppercase(),
        other => other.replace('_', " "),
    }
}
