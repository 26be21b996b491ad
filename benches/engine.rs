//! Engine benchmarks (criterion): `cargo bench --bench engine`.
//!
//! A benchmark, not a test: it reports figures and fails nothing. Targets
//! (issue 6): a full evaluation of the four tiers under 20 µs, the 101-point
//! headroom curve under 2 ms, the Monte Carlo of 100,000 simulated years for
//! four tiers under 100 ms. `cargo run --example bench_report` reads these
//! results from `target/criterion` and prints them against the targets.
//!
//! All four use the Northwind preset and the shipped price sheet:
//! - `evaluate/northwind`: `plan::evaluate` (validation, the four tiers
//!   priced line by line, resilience, risk, decision and the break-evens;
//!   numbers only, as the page recomputes on every keystroke);
//! - `plan_words/northwind`: `words::for_plan`, every word of the evaluated
//!   plan written from its figures (line items' names and formulas,
//!   verdicts, recommendation, explanations; budget well under 1 ms);
//! - `headroom_curve/101`: `plan::headroom_curve` with 101 points;
//! - `break_even_sweep/50`: `plan::evaluate` at 50 costs of downtime per hour
//!   (0 to 245,000 in steps of 5,000), i.e. what dragging the downtime-cost
//!   slider across its range costs. The break-evens themselves are computed
//!   inside `evaluate` and are not public on their own;
//! - `monte_carlo/100000_years`: `plan::simulate` for the four tiers;
//! - `sensitivity/northwind`: the tornado of the four tiers over every key
//!   input (issue 18; budget 2 ms);
//! - `robustness/decision_ranges/northwind`: where the recommendation holds,
//!   solved by bisection for every key input and target (budget 20 ms);
//! - `robustness/cost_ranges/2000_samples`: the Monte Carlo of cost ranges
//!   with peak traffic at 600..800..1200 (the page's default samples).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::Criterion;
    use planner::engine::{
        decision, plan, presets, ranges, sensitivity, PriceSheet, RegionTable, Scenario,
    };

    struct Fixture {
        scenario: Scenario,
        sheet: PriceSheet,
        regions: RegionTable,
    }

    fn fixture() -> Result<Fixture, String> {
        let scenario = presets::preset("northwind").map_err(|e| e.to_string())?;
        let sheet = presets::default_sheet().map_err(|e| e.to_string())?;
        let regions = presets::default_regions().map_err(|e| e.to_string())?;
        Ok(Fixture {
            scenario,
            sheet,
            regions,
        })
    }

    pub fn engine(c: &mut Criterion) {
        let f = match fixture() {
            Ok(f) => f,
            Err(e) => panic!("the Northwind preset or the shipped sheet does not load: {e}"),
        };
        let plan = match plan::evaluate(&f.scenario, &f.sheet, &f.regions) {
            Ok(p) => p,
            Err(e) => panic!("the Northwind preset does not evaluate: {e}"),
        };

        // What the page recomputes on every keystroke: numbers only.
        c.bench_function("evaluate/northwind", |b| {
            b.iter(|| {
                plan::evaluate(
                    black_box(&f.scenario),
                    black_box(&f.sheet),
                    black_box(&f.regions),
                )
            })
        });
        // The first evaluation against a sheet (a sheet just loaded, or a
        // region never priced before): every distinct price is looked up
        // in the sheet's index. Later ones reuse those lookups
        // (`pricing::LookupMemo`).
        c.bench_function("evaluate_first/northwind", |b| {
            b.iter(|| {
                planner::engine::pricing::forget_lookups();
                plan::evaluate(
                    black_box(&f.scenario),
                    black_box(&f.sheet),
                    black_box(&f.regions),
                )
            })
        });
        // Every word of the evaluated plan (line items' names and formulas,
        // verdicts, recommendation, explanations), as the exports write them.
        c.bench_function("plan_words/northwind", |b| {
            b.iter(|| {
                planner::engine::words::for_plan(
                    black_box(&f.scenario),
                    black_box(&f.sheet),
                    black_box(&f.regions),
                    black_box(&plan),
                )
            })
        });

        c.bench_function("headroom_curve/101", |b| {
            b.iter(|| {
                plan::headroom_curve(
                    black_box(&f.scenario),
                    black_box(&f.sheet),
                    black_box(&f.regions),
                    101,
                )
            })
        });

        let sweep: Vec<Scenario> = (0..50)
            .map(|i| {
                let mut s = f.scenario.clone();
                s.risk.downtime_cost_per_hour = f64::from(i) * 5_000.0;
                s
            })
            .collect();
        c.bench_function("break_even_sweep/50", |b| {
            b.iter(|| {
                sweep
                    .iter()
                    .filter_map(|s| plan::evaluate(black_box(s), &f.sheet, &f.regions).ok())
                    .map(|p| p.break_even.len())
                    .sum::<usize>()
            })
        });

        let mut group = c.benchmark_group("monte_carlo");
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(8));
        group.bench_function("100000_years", |b| {
            b.iter(|| plan::simulate(black_box(&f.scenario), black_box(&plan), 100_000))
        });
        group.finish();

        // Issue 18: the tornado (four tiers, every key input at its low and
        // high), the decision ranges (bisection per input and target), and
        // the 2,000-sample cost ranges over a range on peak traffic.
        c.bench_function("sensitivity/northwind", |b| {
            b.iter(|| {
                sensitivity::sensitivity(
                    black_box(&f.scenario),
                    &f.sheet,
                    &f.regions,
                    black_box(&plan),
                )
            })
        });
        let mut group = c.benchmark_group("robustness");
        group
            .sample_size(20)
            .measurement_time(Duration::from_secs(8));
        group.bench_function("decision_ranges/northwind", |b| {
            b.iter(|| {
                decision::decision_ranges(
                    black_box(&f.scenario),
                    &f.sheet,
                    &f.regions,
                    black_box(&plan),
                )
            })
        });
        let mut ranged = f.scenario.clone();
        ranged.ranges.inputs.insert(
            "workload.peak_requests_per_s".into(),
            ranges::Triangular {
                low: 600.0,
                likely: 800.0,
                high: 1200.0,
            },
        );
        group.bench_function("cost_ranges/2000_samples", |b| {
            b.iter(|| ranges::cost_ranges(black_box(&ranged), &f.sheet, &f.regions, 2_000))
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::engine);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

/// Benchmarks run natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
