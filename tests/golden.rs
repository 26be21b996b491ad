//! Golden files: the `plan --format json` output of the three presets,
//! committed before a refactor so that a reshaping which should change no
//! figure can prove it changed none. A difference fails with the first
//! differing line; after an intended model change, rewrite the files with
//! `GOLDEN_UPDATE=1 cargo test --test golden` and review the diff in git.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::Command;

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// The CLI's JSON for a preset, with the drill date fixed so the output
/// does not depend on the day the test runs.
fn plan_json(preset: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_plan"))
        .args([
            "--preset",
            preset,
            "--format",
            "json",
            "--today",
            "2026-12-02",
        ])
        .output()
        .expect("plan runs");
    assert!(
        out.status.success(),
        "plan --preset {preset} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn check(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GOLDEN_UPDATE=1 writes it)", path.display()));
    if expected == actual {
        return;
    }
    let (line, (want, got)) = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, p)| (i + 1, p))
        .unwrap_or((
            expected.lines().count().min(actual.lines().count()) + 1,
            ("(end of file)", "(end of file)"),
        ));
    panic!(
        "{name} differs from the golden file at line {line}:\n  golden: {want}\n  now:    {got}\n\
         If the change is intended, rewrite with GOLDEN_UPDATE=1 and review the git diff."
    );
}

#[test]
fn northwind_json_is_unchanged() {
    check("northwind.json", &plan_json("northwind"));
}

#[test]
fn startup_json_is_unchanged() {
    check("startup.json", &plan_json("startup"));
}

#[test]
fn enterprise_json_is_unchanged() {
    check("enterprise.json", &plan_json("enterprise"));
}

// ------------------------------------------------------------ chart SVGs

mod charts {
    use super::check;
    use crate::common::render;
    use planner::charts::{self, from_plan};
    use planner::engine::{plan, presets};

    /// Northwind's five charts as the page draws them (the same mapping,
    /// `charts::from_plan`, and the same 41-point headroom sweep).
    #[test]
    fn northwind_charts_are_unchanged() {
        let s = presets::preset("northwind").expect("preset");
        let sheet = presets::default_sheet().expect("sheet");
        let regions = presets::default_regions().expect("regions");
        let p = plan::evaluate(&s, &sheet, &regions).expect("plan");
        let curve = plan::headroom_curve(&s, &sheet, &regions, 41);
        let sims = plan::simulate(&s, &p, s.risk.simulated_years);

        let cost = from_plan::cost_stack(&p);
        check(
            "northwind-cost.svg",
            &render(|a| charts::draw_cost_stack(a, &cost)),
        );
        let headroom = from_plan::headroom(&curve, &s, &p.currency);
        check(
            "northwind-headroom.svg",
            &render(|a| charts::draw_headroom(a, &headroom)),
        );
        let be = from_plan::break_even(&p, &s);
        check(
            "northwind-break-even.svg",
            &render(|a| charts::draw_break_even(a, &be)),
        );
        let downtime = from_plan::downtime(&sims);
        check(
            "northwind-downtime.svg",
            &render(|a| charts::draw_downtime_distribution(a, &downtime)),
        );
        let latency = from_plan::latency(&p, &s);
        check(
            "northwind-latency.svg",
            &render(|a| charts::draw_latency(a, &latency)),
        );
    }

    /// What the mapping hands the charts, checked against the plan itself:
    /// one bar per tier whose stack sums to the tier's monthly cost, the
    /// scenario's own capacity marked on the headroom chart, and the
    /// latency chart's geographies those of the plan.
    #[test]
    fn the_mapping_carries_the_plans_figures() {
        let s = presets::preset("northwind").expect("preset");
        let sheet = presets::default_sheet().expect("sheet");
        let regions = presets::default_regions().expect("regions");
        let p = plan::evaluate(&s, &sheet, &regions).expect("plan");
        let cost = from_plan::cost_stack(&p);
        assert_eq!(cost.tiers.len(), 4);
        assert_eq!(cost.currency_symbol, "$");
        for (bar, tier) in cost.values.iter().zip(&p.tiers) {
            let total: f64 = bar.iter().sum();
            assert!(
                (total - tier.cost.monthly).abs() < 0.01,
                "{:?}: stack {total} vs monthly {}",
                tier.cost.tier,
                tier.cost.monthly
            );
        }
        let curve = plan::headroom_curve(&s, &sheet, &regions, 41);
        let h = from_plan::headroom(&curve, &s, "EUR");
        assert_eq!(h.points.len(), 41);
        assert_eq!(h.current, s.compute.stamp_capacity_fraction);
        assert_eq!(h.currency_symbol, "€");
        assert_eq!(from_plan::currency_symbol("CHF"), "CHF ");
        let be = from_plan::break_even(&p, &s);
        assert_eq!(be.current_cost_per_hour, s.risk.downtime_cost_per_hour);
        assert!(be.max_cost_per_hour >= 1.5 * s.risk.downtime_cost_per_hour);
        let lat = from_plan::latency(&p, &s);
        let names: Vec<String> = p.tiers[0]
            .resilience
            .latency
            .iter()
            .map(|g| g.display_name.to_string())
            .collect();
        assert!(!names.is_empty());
        assert_eq!(lat.geographies, names);
        assert!(lat.tiers.iter().all(|(_, ms)| ms.len() == names.len()));
        assert_eq!(lat.target_ms, s.targets.latency_p95_ms);
    }
}
