//! Profiling aid: evaluates the Northwind preset N times (numbers only;
//! default 20,000); with `words` as a second argument, also writes every
//! word of each plan (`words::for_plan`). `cargo build --release --example
//! prof_evaluate`, then run `target/release/examples/prof_evaluate 1000`
//! under `perf record` or `valgrind --tool=callgrind` (instruction counts,
//! steady under load).
fn main() {
    use planner::engine::{plan, presets, words};
    let (Ok(s), Ok(sheet), Ok(regions)) = (
        presets::preset("northwind"),
        presets::default_sheet(),
        presets::default_regions(),
    ) else {
        return;
    };
    let mut args = std::env::args().skip(1);
    let runs = args.next().and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let with_words = args.next().as_deref() == Some("words");
    let mut n = 0;
    for _ in 0..runs {
        if let Ok(p) = plan::evaluate(std::hint::black_box(&s), &sheet, &regions) {
            n += p.tiers.len();
            if with_words {
                n += words::for_plan(&s, &sheet, &regions, &p).tiers.len();
            }
        }
    }
    println!("{n}");
}
