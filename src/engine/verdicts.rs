//! The verdicts and the recommendation in words, written on demand from an
//! evaluated plan. The evaluation ([`super::plan::evaluate`]) records only
//! which targets a tier misses and by how much ([`FailedTarget`]); the page,
//! the exports and the CLI write the sentences here, from the same figures,
//! when they show them.

use serde::Serialize;

use super::format;
use super::plan::{FailedTarget, Plan, TierResult};
use super::resilience;
use super::scenario::{Basis, Scenario};
use super::tiers::TierId;

/// A missed target with its message: what the JSON contract and the page
/// show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// `rto`, `rpo`, `availability`, `latency`, `budget` or `feasibility`.
    pub target: &'static str,
    /// In words, with both numbers.
    pub message: String,
    /// How far off, relative to the target (0.5 = 50% over).
    pub shortfall: f64,
}

/// The message of one missed target of tier `t`, judged on `basis`, e.g.
/// "RTO 4 h misses the 15 min target by 3 h 45 min".
pub fn message(s: &Scenario, t: &TierResult, currency: &str, basis: Basis, target: &str) -> String {
    let targets = &s.targets;
    let res = &t.resilience;
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
    match target {
        "feasibility" => t.cost.infeasible.clone().unwrap_or_default(),
        "rto" => {
            let which = if r.rto_writes_s > r.rto_reads_s {
                " (writes)"
            } else {
                ""
            };
            format!(
                "{word}RTO {}{which} misses the {} target by {}{}",
                format::duration(r.rto_s),
                format::duration(targets.rto_s),
                format::duration(r.rto_s - targets.rto_s),
                met_on_expected(e.rto_s, targets.rto_s)
            )
        }
        "rpo" => format!(
            "{word}RPO {} misses the {} target by {}{}",
            format::duration(r.rpo_s),
            format::duration(targets.rpo_s),
            format::duration(r.rpo_s - targets.rpo_s),
            met_on_expected(e.rpo_s, targets.rpo_s)
        ),
        "availability" => {
            let target_a = targets.availability_pct / 100.0;
            let aks_free =
                s.compute.aks.enabled && s.compute.aks.tier == super::scenario::AksTier::Free;
            if aks_free && basis == Basis::Guaranteed {
                format!(
                    "no SLA: AKS Free tier has no financially backed SLA, so no availability is guaranteed against the {} target (its {}% service level objective gives {} expected; Standard or Premium carry the uptime SLA)",
                    format::percent(target_a, 4),
                    format::number(resilience::AKS_FREE_SLO_PCT, 1),
                    format::percent(res.availability, 4)
                )
            } else {
                format!(
                    "availability {} is below the {} target ({} more minutes of downtime a year than allowed)",
                    format::percent(res.availability, 4),
                    format::percent(target_a, 4),
                    format::number((target_a - res.availability) * resilience::MINUTES_PER_YEAR, 0)
                )
            }
        }
        "latency" => {
            // "West Europe 212 ms (+12 ms), …", written straight into one string.
            let mut worst = String::new();
            for g in &res.latency {
                let v = if targets.latency_includes_writes {
                    g.reads_p95_ms.max(g.writes_p95_ms)
                } else {
                    g.reads_p95_ms
                };
                if v > targets.latency_p95_ms {
                    if !worst.is_empty() {
                        worst.push_str(", ");
                    }
                    worst.push_str(&g.display_name);
                    worst.push(' ');
                    format::write_number(&mut worst, v, 0);
                    worst.push_str(" ms (+");
                    format::write_number(&mut worst, v - targets.latency_p95_ms, 0);
                    worst.push_str(" ms)");
                }
            }
            format!(
                "p95 latency over the {} ms target in {worst}",
                format::number(targets.latency_p95_ms, 0),
            )
        }
        "budget" => format!(
            "{} a month is {} over the {} budget",
            format::money_whole(t.cost.monthly, currency),
            format::money_whole(t.cost.monthly - targets.monthly_budget, currency),
            format::money_whole(targets.monthly_budget, currency)
        ),
        _ => String::new(),
    }
}

/// The targets tier `t` misses on `basis`, each with its message.
pub fn written(s: &Scenario, t: &TierResult, currency: &str, basis: Basis) -> Vec<Verdict> {
    misses(t, basis, s.targets.basis)
        .iter()
        .map(|f| Verdict {
            target: f.target,
            message: message(s, t, currency, basis, f.target),
            shortfall: f.shortfall,
        })
        .collect()
}

/// The misses the plan recorded for `basis` (`plan_basis` is the basis the
/// plan was judged on).
fn misses(t: &TierResult, basis: Basis, plan_basis: Basis) -> &[FailedTarget] {
    if basis == plan_basis {
        &t.failed_targets
    } else {
        &t.failed_targets_other_basis
    }
}

/// The missed targets of tier `t` on the plan's basis, in words.
pub fn for_tier(s: &Scenario, plan: &Plan, t: &TierResult) -> Vec<Verdict> {
    written(s, t, &plan.currency, plan.basis)
}

/// Appends the messages of tier `t`'s misses on `basis`, joined by "; ".
fn push_messages(out: &mut String, s: &Scenario, t: &TierResult, currency: &str, basis: Basis) {
    for (i, f) in misses(t, basis, s.targets.basis).iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&message(s, t, currency, basis, f.target));
    }
}

/// The decision on `basis` in words: the cheapest tier that meets every
/// target and why the cheaper ones do not, or the closest one and what it
/// would need.
fn decision_words<'a>(
    s: &Scenario,
    results: &'a [TierResult],
    currency: &str,
    basis: Basis,
) -> String {
    let plan_basis = s.targets.basis;
    let failed = |r: &'a TierResult| misses(r, basis, plan_basis);
    let meets = |r: &'a TierResult| failed(r).is_empty();
    if let Some(best) =
        super::plan::pick(results, failed).and_then(|id| results.iter().find(|r| r.cost.tier == id))
    {
        let mut reason = String::new();
        for r in results
            .iter()
            .filter(|r| r.cost.monthly < best.cost.monthly && !meets(r))
        {
            reason.push_str(if reason.is_empty() {
                "it is the cheapest that meets every target. "
            } else {
                ". "
            });
            reason.push_str(r.cost.tier.short_label());
            reason.push_str(" is cheaper but ");
            push_messages(&mut reason, s, r, currency, basis);
        }
        if reason.is_empty() {
            reason.push_str("it is the cheapest tier and meets every target");
        } else {
            reason.push('.');
        }
        return format!(
            "{} at {} a month ({}× single region): {reason}",
            best.cost.tier.label(),
            format::money_whole(best.cost.monthly, currency),
            format::number(best.cost_ratio, 2)
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
            .then_with(|| a.cost.monthly.total_cmp(&b.cost.monthly))
    });
    match closest {
        Some(c) => format!(
            "No tier meets every target. Closest: {} ({} a month), which would need: {}.",
            c.cost.tier.label(),
            format::money_whole(c.cost.monthly, currency),
            {
                let mut needs = String::new();
                push_messages(&mut needs, s, c, currency, basis);
                needs
            }
        ),
        None => "No tiers were evaluated.".into(),
    }
}

/// The recommendation in words: the decision and its reason on the plan's
/// basis, then what the other basis changes. `s` is the scenario the plan
/// was evaluated from.
pub fn recommendation(s: &Scenario, plan: &Plan) -> String {
    let mut out = decision_words(s, &plan.tiers, &plan.currency, plan.basis);
    let note = basis_note(s, plan);
    if !note.is_empty() {
        out.push(' ');
        out.push_str(&note);
    }
    out
}

/// What the other basis changes, in words: on the expected basis, which
/// recovery targets the recommended tier meets only on expected figures
/// (with the bound Microsoft documents) and what the guaranteed basis would
/// recommend; on the guaranteed basis, what the expected one would. Empty
/// when the two bases agree.
fn basis_note(s: &Scenario, plan: &Plan) -> String {
    let results = &plan.tiers;
    let currency = &plan.currency;
    let chosen = plan.recommended_tier;
    let basis = s.targets.basis;
    let other = super::plan::other_basis(basis);
    let alt = super::plan::pick(results, |r| &r.failed_targets_other_basis);
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
                format::money_whole(a.cost.monthly, currency)
            )),
            None => {
                let alt_text = decision_words(s, results, currency, other);
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
