//! The four tiers side by side as a plain-text table (`plan --format table`).

use super::*;

/// The four tiers side by side as a plain-text table.
pub fn table(s: &Scenario, plan: &Plan) -> String {
    let cur = &plan.currency;
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let col = |f: &dyn Fn(&crate::engine::plan::TierResult) -> String| {
        plan.tiers.iter().map(f).collect::<Vec<_>>()
    };
    rows.push(("".into(), col(&|t| t.cost.tier.short_label().to_string())));
    rows.push((
        "Monthly".into(),
        col(&|t| format::money_whole(t.cost.monthly, cur)),
    ));
    rows.push((
        "Annual".into(),
        col(&|t| format::money_whole(t.cost.annual, cur)),
    ));
    rows.push((
        "Cost ratio".into(),
        col(&|t| format!("{}×", format::number(t.cost_ratio, 2))),
    ));
    rows.push((
        "Compute multiple".into(),
        col(&|t| format!("{}×", format::number(t.cost.compute_multiple, 2))),
    ));
    rows.push((
        "Cosmos RU/s per region".into(),
        col(&|t| format::number(t.cost.cosmos.ru_per_s_per_region, 0)),
    ));
    rows.push((
        "Cosmos RU/s steady / failover".into(),
        col(&|t| {
            let c = &t.cost.cosmos;
            let mut text = format!(
                "{} / {}",
                format::number(c.ru_per_s_steady, 0),
                format::number(c.ru_per_s_after_failover, 0)
            );
            if c.failover_shortfall_fraction > 0.0 {
                text.push_str(&format!(
                    " ({} short)",
                    format::percent(c.failover_shortfall_fraction, 0)
                ));
            }
            text
        }),
    ));
    rows.push((
        "Cosmos RU/s billed".into(),
        col(&|t| format::number(t.cost.cosmos.ru_per_s_billed, 0)),
    ));
    rows.push((
        "Write regions".into(),
        col(&|t| t.cost.cosmos.write_regions.to_string()),
    ));
    rows.push((
        "Replication egress GB/mo".into(),
        col(&|t| format::number(t.cost.replication_egress_gb_per_month, 0)),
    ));
    rows.push((
        "Front Door monthly".into(),
        col(&|t| format::money_whole(t.cost.front_door_monthly, cur)),
    ));
    rows.push((
        "RTO reads / writes".into(),
        col(&|t| {
            format!(
                "{} / {}",
                format::duration(t.resilience.rto_reads_s),
                format::duration(t.resilience.rto_writes_s)
            )
        }),
    ));
    rows.push(("RPO".into(), col(&|t| format::duration(t.resilience.rpo_s))));
    rows.push((
        "RTO / RPO guaranteed".into(),
        col(&|t| {
            format!(
                "{} / {}",
                format::duration(t.resilience.guaranteed.rto_s),
                format::duration(t.resilience.guaranteed.rpo_s)
            )
        }),
    ));
    rows.push((
        "Availability".into(),
        col(&|t| format::percent(t.resilience.availability, 4)),
    ));
    rows.push((
        "Worst p95 latency".into(),
        col(&|t| format!("{} ms", format::number(t.resilience.latency_p95_ms, 0))),
    ));
    rows.push((
        "Cost on published prices".into(),
        col(&|t| format::percent(t.price_confidence.published_share, 0)),
    ));
    rows.push((
        "Risk-adjusted annual".into(),
        col(&|t| format::money_whole(t.risk.risk_adjusted_annual, cur)),
    ));
    rows.push((
        "Meets targets".into(),
        col(&|t| {
            if t.meets_targets {
                if Some(t.cost.tier) == plan.recommended_tier {
                    "yes (recommended)".into()
                } else {
                    "yes".into()
                }
            } else {
                format!(
                    "no: {}",
                    t.failed_targets
                        .iter()
                        .map(|f| f.target)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }),
    ));
    let label_w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let col_w: Vec<usize> = (0..plan.tiers.len())
        .map(|i| {
            rows.iter()
                .map(|r| r.1.get(i).map(|c| c.chars().count()).unwrap_or(0))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (label, cells) in rows {
        out.push_str(&format!("{label:<label_w$}"));
        for (i, c) in cells.iter().enumerate() {
            let w = col_w[i];
            out.push_str(&format!("  {c:>w$}"));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "\nIn one line: {}\nRecommendation: {}\n",
        crate::engine::summary::executive_summary(plan),
        verdicts::recommendation(s, plan)
    ));
    // The tiers' notes (cost and resilience), each once, in tier order; a
    // note only some tiers carry names them. The page shows the same notes
    // in each tier's working panel.
    let mut notes: Vec<(&str, Vec<&str>)> = Vec::new();
    for t in &plan.tiers {
        let cost_notes = t.cost.notes.iter().map(|n| n.as_ref());
        for n in cost_notes.chain(t.resilience.notes.iter().map(String::as_str)) {
            match notes.iter_mut().find(|(text, _)| *text == n) {
                Some((_, tiers)) => tiers.push(t.cost.tier.label()),
                None => notes.push((n, vec![t.cost.tier.label()])),
            }
        }
    }
    if !notes.is_empty() {
        out.push_str(
            "
Notes:
",
        );
        for (text, tiers) in notes {
            if tiers.len() == plan.tiers.len() {
                out.push_str(&format!(
                    "- {text}
"
                ));
            } else {
                out.push_str(&format!(
                    "- {} only: {text}
",
                    tiers.join(", ")
                ));
            }
        }
    }
    out
}
