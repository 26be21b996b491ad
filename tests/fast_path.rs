//! The page recomputes with `evaluate_with(.., false)`: the numbers only,
//! with the formulas, component names and explanations left unwritten until
//! a working panel or an export asks for them. These tests hold the two
//! paths to the same figures, verdicts and recommendation, and hold the full
//! path to writing every text it skips.
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
use planner::engine::{plan, resilience_words, verdicts};
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

/// Blanks the text the fast path leaves unwritten, wherever it sits.
fn without_text(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if matches!(k.as_str(), "formula" | "how" | "component") {
                    *child = Value::String(String::new());
                } else {
                    without_text(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(without_text),
        _ => {}
    }
}

/// Every string under a key named `key`.
fn strings_at<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if k == key {
                    if let Value::String(s) = child {
                        out.push(s);
                    }
                } else {
                    strings_at(child, key, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|c| strings_at(c, key, out)),
        _ => {}
    }
}

#[test]
fn the_fast_path_gives_the_same_figures_verdicts_and_recommendation() {
    for (name, s) in scenarios() {
        let full = plan::evaluate(&s, sheet(), regions()).unwrap();
        let fast = plan::evaluate_with(&s, sheet(), regions(), false).unwrap();
        assert_eq!(fast.recommended_tier, full.recommended_tier, "{name}");
        assert_eq!(
            verdicts::recommendation(&s, &fast),
            verdicts::recommendation(&s, &full),
            "{name}"
        );
        let mut a = serde_json::to_value(&full).unwrap();
        let b = serde_json::to_value(&fast).unwrap();
        without_text(&mut a);
        assert_eq!(a, b, "{name}: the fast path changed a figure");
    }
}

#[test]
fn the_full_path_writes_every_formula_name_and_explanation() {
    for (name, s) in scenarios() {
        let full = serde_json::to_value(plan::evaluate(&s, sheet(), regions()).unwrap()).unwrap();
        for key in ["formula", "component"] {
            let mut found = Vec::new();
            strings_at(&full, key, &mut found);
            assert!(
                found.len() > 20,
                "{name}: only {} “{key}” texts",
                found.len()
            );
            assert!(
                found.iter().all(|t| !t.trim().is_empty()),
                "{name}: an empty “{key}”"
            );
        }
    }
}

#[test]
fn every_miss_part_latency_and_failure_mode_row_gets_its_words_on_demand() {
    use planner::engine::failure_mode_words;
    use planner::engine::scenario::Basis;
    for (name, s) in scenarios() {
        let p = plan::evaluate_with(&s, sheet(), regions(), false).unwrap();
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
