//! Prints the robustness views for a preset and times them:
//! `cargo run --release --example robustness [-- preset]`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use planner::engine::{decision, plan, presets, ranges, sensitivity};
    use std::time::Instant;
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "northwind".into());
    let mut s = presets::preset(&name).unwrap();
    let sheet = presets::default_sheet().unwrap();
    let regions = presets::default_regions().unwrap();
    let p = plan::evaluate(&s, &sheet, &regions).unwrap();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    // Time on the CPU (ns) of this thread, from the kernel's schedstat: on
    // a shared machine wall-clock time includes waiting for a core.
    let on_cpu_ns = || -> f64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
            .unwrap_or(f64::NAN)
    };
    let cpu = std::cell::RefCell::new(Vec::new());
    let time = |f: &mut dyn FnMut(), n: usize| {
        let mut on_cpu = Vec::new();
        let wall = median(
            (0..n)
                .map(|_| {
                    let c = on_cpu_ns();
                    let t = Instant::now();
                    f();
                    let ms = t.elapsed().as_secs_f64() * 1e3;
                    on_cpu.push((on_cpu_ns() - c) / 1e6);
                    ms
                })
                .collect(),
        );
        cpu.borrow_mut().push(median(on_cpu));
        wall
    };
    let ms_eval = time(&mut || drop(plan::evaluate(&s, &sheet, &regions)), 501);
    let ms_out = time(
        &mut || drop(sensitivity::outcome(&s, &sheet, &regions)),
        501,
    );
    let sens = sensitivity::sensitivity(&s, &sheet, &regions, &p);
    let ms_sens = time(
        &mut || drop(sensitivity::sensitivity(&s, &sheet, &regions, &p)),
        51,
    );
    let dec = decision::decision_ranges(&s, &sheet, &regions, &p);
    let ms_dec = time(
        &mut || drop(decision::decision_ranges(&s, &sheet, &regions, &p)),
        21,
    );
    println!("recommended: {:?}", p.recommended_tier);
    for t in &sens {
        println!("== {}", t.tier.id());
        for r in &t.rows {
            println!(
                "  {:<45} {:>10.3} .. {:>10.3}  {:>10.0} .. {:>10.0} ({:?})",
                r.label, r.low_value, r.high_value, r.monthly_low, r.monthly_high, r.measure
            );
        }
    }
    if let Some(rec) = p.recommended_tier {
        for r in &dec.ranges {
            println!("{}", decision::describe(r, rec, &p.currency));
        }
    }
    for u in &dec.unmet_targets {
        println!("unmet: {u}");
    }
    s.ranges.inputs.insert(
        "workload.peak_requests_per_s".into(),
        ranges::Triangular {
            low: s.workload.peak_requests_per_s * 0.75,
            likely: s.workload.peak_requests_per_s,
            high: s.workload.peak_requests_per_s * 1.5,
        },
    );
    let mc = ranges::cost_ranges(&s, &sheet, &regions, 2000).unwrap();
    let ms_mc = time(
        &mut || drop(ranges::cost_ranges(&s, &sheet, &regions, 2000)),
        5,
    );
    for t in &mc.tiers {
        println!(
            "{:<22} P10 {:>9.0} P50 {:>9.0} P90 {:>9.0} p {:.3}",
            t.tier.id(),
            t.monthly_p10,
            t.monthly_p50,
            t.monthly_p90,
            t.p_cheapest_meeting
        );
    }
    println!("none {:.3}", mc.p_none_meeting);
    let mut fixed = s.clone();
    fixed.ranges.inputs.clear();
    fixed.ranges.inputs.insert(
        "workload.stored_gb".into(),
        ranges::Triangular {
            low: 300.0,
            likely: 300.0,
            high: 300.0,
        },
    );
    let ms_fixed = time(
        &mut || drop(ranges::cost_ranges(&fixed, &sheet, &regions, 2000)),
        5,
    );
    println!("2000 samples, one degenerate range: {ms_fixed:.2} ms");
    let n_inputs = sensitivity::key_inputs(&s, &p).len();
    println!(
        "on the CPU (median ms, same order): {:?}",
        cpu.borrow()
            .iter()
            .map(|x| format!("{x:.4}"))
            .collect::<Vec<_>>()
    );
    println!("evaluate {ms_eval:.4} ms; outcome {ms_out:.4} ms; sensitivity ({n_inputs} inputs) {ms_sens:.3} ms; decision ranges ({} intervals) {ms_dec:.3} ms; 2000-sample cost ranges {ms_mc:.2} ms", dec.ranges.len());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
