//! Profiling aid: evaluates the Northwind preset N times (numbers only;
//! default 20,000). `cargo build --release --example prof_evaluate`, then
//! run `target/release/examples/prof_evaluate 1000` under `perf record` or
//! `valgrind --tool=callgrind` (instruction counts, steady under load).
fn main() {
    use planner::engine::{plan, presets};
    let (Ok(s), Ok(sheet), Ok(regions)) = (
        presets::preset("northwind"),
        presets::default_sheet(),
        presets::default_regions(),
    ) else {
        return;
    };
    let mut n = 0;
    for _ in 0..std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000)
    {
        if let Ok(p) = plan::evaluate(std::hint::black_box(&s), &sheet, &regions) {
            n += p.tiers.len();
        }
    }
    println!("{n}");
}
