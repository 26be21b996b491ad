//! The evaluation computes numbers only; every word (line items' names and
//! formulas, verdicts, the recommendation, explanations) is written on
//! demand from the evaluated figures. These tests hold the plan to carrying
//! no words and every words step to writing all of its words.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::presets;
use planner::engine::scenario::{Consistency, CosmosMode, Scenario, SqlTier};
use planner::engine::{plan, resilience_words, verdicts, words};
use serde_json::Value;

/// Every preset, and variants that reach the branches the presets do not.
fn scenarios() -> Vec<(String, Scenario)> {
    let mut out = Vec::new();
    for (id, _, _) in presets::PRESETS {
        let base = presets::preset(id).unwrap();
        out.push((id.to_string(), base.clone()));
        let mut s = base.clone();
        s.edge.traffic_manager = !s.edge.traffic_manager;
        s.data.consistency = Consistency::Strong;
        s.data.sql.enabled = true;
        s.data.sql.tier = SqlTier::BusinessCritical;
        out.push((format!("{id} + TM, strong, SQL BC"), s));
        let mut s = base.clone();
        s.compute.aks.enabled = true;
        s.compute.aks.app_gateway = true;
        s.data.cosmos_mode = CosmosMode::Autoscale;
        s.data.sql.enabled = false;
        s.commercial.discount_pct = 12.5;
        s.targets.monthly_budget = 1_000.0;
        out.push((format!("{id} + AKS, autoscale, budget"), s));
    }
    out
}

/// Every key of every object in `v`.
fn keys(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                out.push(k.clone());
                keys(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|c| keys(c, out)),
        _ => {}
    }
}

#[test]
fn the_evaluation_holds_numbers_only() {
    for (name, s) in scenarios() {
        let p = plan::evaluate(&s, sheet(), regions()).unwrap();
        let mut found = Vec::new();
        keys(&serde_json::to_value(&p).unwrap(), &mut found);
        for word in ["formula", "component", "how", "message", "recommendation"] {
            assert!(
                !found.iter().any(|k| k == word),
                "{name}: the plan carries “{word}”"
            );
        }
    }
}

#[test]
fn every_line_gets_its_name_and_formula_on_demand() {
    for (name, s) in scenarios() {
        let p = plan::evaluate(&s, sheet(), regions()).unwrap();
        let all = words::for_plan(&s, sheet(), regions(), &p);
        assert_eq!(all.tiers.len(), p.tiers.len(), "{name}");
        for (t, w) in p.tiers.iter().zip(&all.tiers) {
            assert_eq!(w.lines.len(), t.cost.line_items.len(), "{name}");
            for l in &w.lines {
                assert!(!l.component.trim().is_empty(), "{name}");
                assert!(l.formula.contains(" = "), "{name}: {}", l.formula);
            }
        }
    }
}

#[test]
fn every_miss_part_latency_and_failure_mode_row_gets_its_words_on_demand() {
    use planner::engine::failure_mode_words;
    use planner::engine::scenario::Basis;
    for (name, s) in scenarios() {
        let p = plan::evaluate(&s, sheet(), regions()).unwrap();
        for t in &p.tiers {
            let v = verdicts::for_tier(&s, &p, t);
            assert_eq!(v.len(), t.failed_targets.len(), "{name}");
            for (w, f) in v.iter().zip(&t.failed_targets) {
                assert_eq!((w.target, w.shortfall), (f.target, f.shortfall), "{name}");
                assert!(!w.message.trim().is_empty(), "{name}: {}", f.target);
            }
            let other = match p.basis {
                Basis::Expected => Basis::Guaranteed,
                Basis::Guaranteed => Basis::Expected,
            };
            let v = verdicts::written(&s, t, &p.currency, other);
            assert_eq!(v.len(), t.failed_targets_other_basis.len(), "{name}");
            assert!(v.iter().all(|w| !w.message.trim().is_empty()), "{name}");
            let r = &t.resilience;
            for parts in [
                &r.rto_parts,
                &r.rpo_parts,
                &r.guaranteed_rto_parts,
                &r.guaranteed_rpo_parts,
                &r.availability_parts,
            ] {
                assert!(!parts.is_empty(), "{name}");
                for w in resilience_words::parts(t.cost.tier, &s, regions(), parts) {
                    assert!(!w.name.trim().is_empty(), "{name}");
                    assert!(!w.how.trim().is_empty(), "{name}: {}", w.name);
                }
            }
            for g in &r.latency {
                let how = resilience_words::latency_how(t.cost.tier, &s, regions(), g);
                assert!(how.contains(" ms base + "), "{name}: {how}");
            }
            for row in &t.failure_modes {
                let how = failure_mode_words::how(&s, &t.cost, row.mode);
                assert!(how.len() > 40, "{name}: {:?}", row.mode);
            }
        }
        assert!(!verdicts::recommendation(&s, &p).is_empty(), "{name}");
    }
}
