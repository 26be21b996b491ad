//! `bench_report`: every speed and size figure of the planner as one table,
//! each against its target (issue 6). A report, not a test: it always exits 0
//! unless it cannot run at all. Developer tooling, so an example, not one of
//! the product's binaries.
//!
//! ```sh
//! cargo bench --bench engine                      # the native figures (criterion)
//! cargo run --example bench_report                # then the table
//! cargo run --example bench_report -- --help
//! ```
//!
//! * Native engine timings are criterion's own results, read from
//!   `target/criterion` (`cargo bench --bench engine`, bench profile,
//!   opt-level 3): the mean and its 95 % confidence interval. Nothing is
//!   re-timed here; a benchmark criterion has not run reads "not measured".
//! * Sizes come from the release build in `dist/` (and the minimal Leptos
//!   page in `bench/minimal/dist/`). Gzip sizes are computed here with
//!   `miniz_oxide` (deflate level 9, plus the 18 bytes of gzip header and
//!   trailer), so they do not depend on a `gzip` binary; `gzip -9` gives
//!   sizes within a fraction of a percent.
//! * Browser figures are read from `speed.json` (the end-to-end test
//!   `speed`) and `bench.json` (`tests/e2e/bench.mjs`) in `$E2E_SHOTS`
//!   (default `/tmp/planner-e2e`); a missing file reads "not measured".

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match report::run(std::env::args().skip(1).collect()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-report: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

/// The report reads files and times the engine natively; in the browser
/// there is nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod report {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use serde_json::Value;

    /// 1 KB = 1,000 bytes throughout (the stricter reading of the budget).
    const KB: f64 = 1000.0;
    /// Budget for everything the first paint needs, gzip (issue 6).
    const FIRST_PAINT_BUDGET_BYTES: f64 = 400.0 * KB;
    /// Files the first paint of the planner fetches, when `bench.json` does
    /// not list what the browser actually requested.
    const DEFAULT_FIRST_LOAD: [&str; 9] = [
        "index.html",
        "boot.js",
        "planner.js",
        "planner_bg.wasm",
        "main.css",
        "favicon.svg",
        "pricing/index.json",
        "pricing/regions.csv",
        "pricing/azure-retail-usd.csv",
    ];

    const HELP: &str = "\
bench-report: the planner's speed and size figures as one table.

options:
  --dist DIR      the planner's release build      (default: <crate>/dist, or $BENCH_DIST)
  --minimal DIR   the minimal Leptos page's build  (default: <crate>/bench/minimal/dist)
  --speed FILE    speed.json of the e2e test `speed` (default: $E2E_SHOTS/speed.json)
  --bench FILE    bench.json of tests/e2e/bench.mjs  (default: $E2E_SHOTS/bench.json)
  --criterion DIR criterion's results of `cargo bench --bench engine`
                  (default: $CARGO_TARGET_DIR/criterion or <crate>/target/criterion)
  --native        only the native engine rows
$E2E_SHOTS defaults to /tmp/planner-e2e.";

    struct Options {
        dist: PathBuf,
        minimal: PathBuf,
        speed: PathBuf,
        bench: PathBuf,
        criterion: PathBuf,
        native_only: bool,
    }

    fn options(args: Vec<String>) -> Result<Option<Options>, String> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let shots = std::env::var_os("E2E_SHOTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/tmp/planner-e2e"));
        let mut o = Options {
            dist: std::env::var_os("BENCH_DIST")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("dist")),
            minimal: root.join("bench").join("minimal").join("dist"),
            speed: shots.join("speed.json"),
            bench: shots.join("bench.json"),
            criterion: std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| root.join("target"))
                .join("criterion"),
            native_only: false,
        };
        let mut it = args.into_iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .map(PathBuf::from)
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match arg.as_str() {
                "--dist" => o.dist = value("--dist")?,
                "--minimal" => o.minimal = value("--minimal")?,
                "--speed" => o.speed = value("--speed")?,
                "--bench" => o.bench = value("--bench")?,
                "--criterion" => o.criterion = value("--criterion")?,
                "--native" => o.native_only = true,
                "-h" | "--help" => {
                    println!("{HELP}");
                    return Ok(None);
                }
                other => return Err(format!("unknown argument “{other}” (see --help)")),
            }
        }
        Ok(Some(o))
    }

    /// One row of the table.
    struct Row {
        figure: String,
        measured: String,
        target: String,
        /// `Some(true)` ✓, `Some(false)` ✗, `None` no target or not measured.
        met: Option<bool>,
    }

    impl Row {
        fn new(
            figure: impl Into<String>,
            measured: impl Into<String>,
            target: impl Into<String>,
            met: Option<bool>,
        ) -> Self {
            Row {
                figure: figure.into(),
                measured: measured.into(),
                target: target.into(),
                met,
            }
        }
        fn section(title: &str) -> Self {
            Row::new(format!("**{title}**"), "", "", None)
        }
    }

    const NOT_MEASURED: &str = "not measured (run scripts/bench.sh)";

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let Some(o) = options(args)? else {
            return Ok(());
        };
        let mut rows = Vec::new();
        native_rows(&o, &mut rows)?;
        if !o.native_only {
            size_rows(&o, &mut rows);
            browser_rows(&o, &mut rows);
        }
        print_table(&rows);
        Ok(())
    }

    // ---------------------------------------------------------------- native

    /// Every benchmark criterion has results for under `dir`, by its full id
    /// ("evaluate/northwind", "monte_carlo/100000_years"): the mean and its
    /// confidence interval in nanoseconds, from `new/estimates.json`, named
    /// by `new/benchmark.json`.
    fn criterion_results(dir: &Path) -> BTreeMap<String, (f64, f64, f64)> {
        fn walk(dir: &Path, depth: u32, out: &mut BTreeMap<String, (f64, f64, f64)>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if !path.is_dir() {
                    continue;
                }
                if path.file_name().is_some_and(|n| n == "new") {
                    let id = read_json(&path.join("benchmark.json"))
                        .and_then(|b| b.get("full_id").and_then(Value::as_str).map(str::to_string));
                    let est = read_json(&path.join("estimates.json"));
                    if let (Some(id), Some(est)) = (id, est) {
                        let mean = (
                            num(&est, "/mean/confidence_interval/lower_bound"),
                            num(&est, "/mean/point_estimate"),
                            num(&est, "/mean/confidence_interval/upper_bound"),
                        );
                        if let (Some(lo), Some(pt), Some(hi)) = mean {
                            out.insert(id, (lo, pt, hi));
                        }
                    }
                } else if depth < 4 {
                    walk(&path, depth + 1, out);
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(dir, 0, &mut out);
        out
    }

    fn fmt_ns(ns: f64) -> String {
        if ns < 1e3 {
            format!("{ns:.0} ns")
        } else if ns < 1e6 {
            format!("{:.1} µs", ns / 1e3)
        } else {
            format!("{:.2} ms", ns / 1e6)
        }
    }

    /// The engine's rows: criterion's id, what it measures, and its budget
    /// in nanoseconds (none for a figure reported without a target).
    const NATIVE: [(&str, &str, &str, Option<f64>); 8] = [
        (
            "evaluate/northwind",
            "Full evaluation, four tiers, Northwind, numbers as the page recomputes them",
            "< 20 µs",
            Some(20e3),
        ),
        (
            "headroom_curve/101",
            "Headroom curve, 101 points",
            "< 2 ms",
            Some(2e6),
        ),
        (
            "break_even_sweep/50",
            "Break-even sweep: evaluation at 50 downtime costs",
            "< 1 ms (50 × 20 µs)",
            Some(1e6),
        ),
        (
            "monte_carlo/100000_years",
            "Monte Carlo, 100,000 years × 4 tiers",
            "< 100 ms",
            Some(100e6),
        ),
        (
            "sensitivity/northwind",
            "Sensitivity: four tiers × every key input at its low and high",
            "≤ 2 ms",
            Some(2e6),
        ),
        (
            "robustness/decision_ranges/northwind",
            "Decision ranges: every key input and target, both ends by bisection",
            "≤ 20 ms",
            Some(20e6),
        ),
        (
            "robustness/cost_ranges/2000_samples",
            "Cost ranges, 2,000 samples",
            "–",
            None,
        ),
        (
            "plan_words/northwind",
            "Words for a whole plan: every line's name and formula, verdicts, recommendation, explanations",
            "< 1 ms",
            Some(1e6),
        ),
    ];

    fn native_rows(o: &Options, rows: &mut Vec<Row>) -> Result<(), String> {
        let results = criterion_results(&o.criterion);
        rows.push(Row::section(&format!(
            "Engine, native (criterion, `cargo bench --bench engine`, bench profile, opt-level 3; mean [95 % interval]; read from {})",
            o.criterion.display()
        )));
        for (id, figure, target, budget_ns) in NATIVE {
            match results.get(id) {
                Some(&(lo, mean, hi)) => rows.push(Row::new(
                    format!("{figure} (`{id}`)"),
                    format!("{} [{}, {}]", fmt_ns(mean), fmt_ns(lo), fmt_ns(hi)),
                    target,
                    budget_ns.map(|b| mean < b),
                )),
                None => rows.push(Row::new(
                    format!("{figure} (`{id}`)"),
                    "not measured (run cargo bench --bench engine)",
                    target,
                    None,
                )),
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------------ size

    /// Raw and gzip bytes of a file (`None` when it cannot be read).
    fn sizes(path: &Path) -> Option<(usize, usize)> {
        let bytes = std::fs::read(path).ok()?;
        // gzip = 10-byte header + raw deflate + CRC32 and length (8 bytes).
        let gz = miniz_oxide::deflate::compress_to_vec(&bytes, 9).len() + 18;
        Some((bytes.len(), gz))
    }

    fn kb(bytes: usize) -> String {
        format!("{:.1} KB", bytes as f64 / KB)
    }

    fn size_rows(o: &Options, rows: &mut Vec<Row>) {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let shown = o.dist.strip_prefix(&root).unwrap_or(&o.dist);
        rows.push(Row::section(&format!(
            "Size, release build in {}/ (1 KB = 1,000 bytes; gzip = miniz_oxide level 9 + 18 bytes of framing)",
            shown.display()
        )));
        for (name, what) in [("planner_bg.wasm", "wasm"), ("planner.js", "JS glue")] {
            match sizes(&o.dist.join(name)) {
                Some((raw, gz)) => rows.push(Row::new(
                    format!("{what} ({name}), raw / gzip"),
                    format!("{} / {}", kb(raw), kb(gz)),
                    "",
                    None,
                )),
                None => rows.push(Row::new(
                    format!("{what} ({name})"),
                    "no release build (run trunk build --release --offline)",
                    "",
                    None,
                )),
            }
        }
        // What the first paint needs: the files the browser fetched in
        // bench.mjs's first load, or the known list.
        let bench = read_json(&o.bench);
        let listed: Option<Vec<String>> = bench
            .as_ref()
            .and_then(|b| b.pointer("/planner/firstLoadFiles"))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            });
        let (files, source) = match listed {
            Some(l) if !l.is_empty() => (l, "as fetched in bench.mjs's first load"),
            _ => (
                DEFAULT_FIRST_LOAD.iter().map(|s| s.to_string()).collect(),
                "known list",
            ),
        };
        let mut raw_total = 0;
        let mut gz_total = 0;
        let mut found = 0;
        let mut biggest: Vec<(usize, String)> = Vec::new();
        for f in &files {
            if let Some((raw, gz)) = sizes(&o.dist.join(f)) {
                raw_total += raw;
                gz_total += gz;
                found += 1;
                biggest.push((gz, f.clone()));
            }
        }
        if found > 0 {
            biggest.sort_by_key(|b| std::cmp::Reverse(b.0));
            let top: Vec<String> = biggest
                .iter()
                .take(3)
                .map(|(gz, f)| format!("{f} {}", kb(*gz)))
                .collect();
            rows.push(Row::new(
                format!(
                    "Everything the first paint needs, gzip ({found} files, {source}; largest: {})",
                    top.join(", ")
                ),
                format!("{} (raw {})", kb(gz_total), kb(raw_total)),
                "< 400 KB",
                Some((gz_total as f64) < FIRST_PAINT_BUDGET_BYTES),
            ));
        }
        let wasm = std::fs::read_dir(&o.minimal)
            .ok()
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "wasm" || x == "js"))
            .filter_map(|p| sizes(&p))
            .fold((0usize, 0usize, 0usize), |(n, r, g), (raw, gz)| {
                (n + 1, r + raw, g + gz)
            });
        if wasm.0 > 0 {
            rows.push(Row::new(
                "Minimal Leptos page (the framework's floor): wasm + JS, raw / gzip",
                format!("{} / {}", kb(wasm.1), kb(wasm.2)),
                "",
                None,
            ));
        } else {
            rows.push(Row::new(
                "Minimal Leptos page: wasm + JS",
                NOT_MEASURED,
                "",
                None,
            ));
        }
    }

    // --------------------------------------------------------------- browser

    fn read_json(path: &Path) -> Option<Value> {
        let text = std::fs::read_to_string(path).ok()?;
        serde_json::from_str(&text).ok()
    }

    fn num(v: &Value, pointer: &str) -> Option<f64> {
        v.pointer(pointer).and_then(Value::as_f64)
    }

    fn ms(x: f64) -> String {
        if x < 10.0 {
            format!("{x:.2} ms")
        } else {
            format!("{x:.0} ms")
        }
    }

    /// A median / p95 pair as one row.
    fn pair_row(
        rows: &mut Vec<Row>,
        figure: &str,
        v: Option<&Value>,
        pointer: &str,
        target_ms: Option<f64>,
    ) {
        let got = v.and_then(|v| {
            Some((
                num(v, &format!("{pointer}/median"))?,
                num(v, &format!("{pointer}/p95"))?,
            ))
        });
        match got {
            Some((median, p95)) => rows.push(Row::new(
                figure,
                format!("median {} · p95 {}", ms(median), ms(p95)),
                target_ms
                    .map(|t| format!("< {} (p95)", ms(t)))
                    .unwrap_or_else(|| "–".into()),
                target_ms.map(|t| p95 < t),
            )),
            None => rows.push(Row::new(
                figure,
                NOT_MEASURED,
                target_ms
                    .map(|t| format!("< {}", ms(t)))
                    .unwrap_or_default(),
                None,
            )),
        }
    }

    fn browser_rows(o: &Options, rows: &mut Vec<Row>) {
        let bench = read_json(&o.bench);
        let b = bench.as_ref();
        let browser = b
            .and_then(|b| b.pointer("/browser"))
            .and_then(Value::as_str)
            .unwrap_or("headless Chromium");
        let loads = b.and_then(|b| num(b, "/loads")).unwrap_or(10.0);
        let changes = b.and_then(|b| num(b, "/changes")).unwrap_or(50.0);
        rows.push(Row::section(&format!(
            "Browser ({browser}, release build; targets for the browser are the RAIL guidelines: load ≤ 1 s, response ≤ 100 ms)"
        )));
        pair_row(
            rows,
            &format!("Planner: navigation → four tiers' figures and charts painted ({loads:.0} cold loads)"),
            b,
            "/planner/firstPaintMs",
            Some(1000.0),
        );
        pair_row(
            rows,
            &format!("Planner: navigation → first contentful paint (the static shell; {loads:.0} cold loads)"),
            b,
            "/planner/firstContentfulPaintMs",
            None,
        );
        pair_row(
            rows,
            &format!(
                "Minimal Leptos page: navigation → its number painted ({loads:.0} cold loads)"
            ),
            b,
            "/minimal/firstPaintMs",
            None,
        );
        match b.and_then(|b| {
            Some((
                num(b, "/planner/firstPaintMs/median")?,
                num(b, "/minimal/firstPaintMs/median")?,
            ))
        }) {
            Some((p, m)) if m > 0.0 => rows.push(Row::new(
                "Planner load time ÷ the framework's floor (medians)",
                format!("{:.2}×", p / m),
                "–",
                None,
            )),
            _ => rows.push(Row::new(
                "Planner load time ÷ the framework's floor",
                NOT_MEASURED,
                "–",
                None,
            )),
        }
        pair_row(
            rows,
            &format!(
                "Input change → every figure and chart updated, next frame ({changes:.0} changes)"
            ),
            b,
            "/planner/inputToUpdateMs",
            Some(100.0),
        );
        pair_row(
            rows,
            "  of which computing: the 41-point headroom curve (data-compute-ms)",
            b,
            "/planner/computeMs",
            None,
        );
        pair_row(
            rows,
            "  of which drawing the five charts (data-draw-ms)",
            b,
            "/planner/drawMs",
            None,
        );
        pair_row(
            rows,
            "Monte Carlo in wasm: curve + 20,000 years × 4 tiers (data-compute-ms)",
            b,
            "/planner/monteCarlo20kComputeMs",
            None,
        );
        pair_row(
            rows,
            "Monte Carlo in wasm: curve + 100,000 years × 4 tiers (data-compute-ms)",
            b,
            "/planner/monteCarlo100kComputeMs",
            None,
        );
        pair_row(
            rows,
            "  20,000 simulated years × 4 tiers alone, timed where the page runs it (data-simulate-ms)",
            b,
            "/planner/monteCarlo20kSimulateMs",
            None,
        );
        pair_row(
            rows,
            "  100,000 simulated years × 4 tiers alone (data-simulate-ms)",
            b,
            "/planner/monteCarlo100kSimulateMs",
            Some(100.0),
        );
        pair_row(
            rows,
            "Cost ranges: 2,000 samples in wasm, after the figures are painted (table data-ms)",
            b,
            "/planner/costRanges2000Ms",
            Some(60.0),
        );
        pair_row(
            rows,
            "Input change → every figure and chart updated, with a 100,000-year re-simulation",
            b,
            "/planner/inputToUpdate100kMs",
            Some(100.0),
        );
        if let Some(false) = b
            .and_then(|b| b.pointer("/planner/simulatedYearsChangeRedraws"))
            .and_then(Value::as_bool)
        {
            rows.push(Row::new(
                "Changing only the simulated years redraws the Monte Carlo",
                "no (it waits for another input to change)",
                "yes",
                Some(false),
            ));
        }

        // The end-to-end test `speed` (one load, 50 changes).
        let speed = read_json(&o.speed);
        let s = speed.as_ref();
        match s.and_then(|s| num(s, "/firstPaintMs")) {
            Some(x) => rows.push(Row::new(
                "e2e test `speed`: goto → tiers and charts shown (one load)",
                ms(x),
                "< 1000 ms",
                Some(x < 1000.0),
            )),
            None => rows.push(Row::new(
                "e2e test `speed`: first paint",
                NOT_MEASURED,
                "< 1000 ms",
                None,
            )),
        }
        // Current format: {median, p95} objects; older: flat fields.
        let frame = s.and_then(|s| {
            Some((
                num(s, "/inputToNextFrameMs/median").or_else(|| num(s, "/inputToFrameMedianMs"))?,
                num(s, "/inputToNextFrameMs/p95").or_else(|| num(s, "/inputToFrameP95Ms"))?,
            ))
        });
        let changes = s.and_then(|s| num(s, "/changes")).unwrap_or(50.0);
        match frame {
            Some((m, p)) => rows.push(Row::new(
                format!("e2e test `speed`: input → figure and charts changed, next frame ({changes:.0} changes)"),
                format!("median {} · p95 {}", ms(m), ms(p)),
                "< 100 ms (p95)",
                Some(p < 100.0),
            )),
            None => rows.push(Row::new(
                "e2e test `speed`: input → frame",
                NOT_MEASURED,
                "< 100 ms",
                None,
            )),
        }
    }

    // ----------------------------------------------------------------- table

    fn print_table(rows: &[Row]) {
        println!("| Figure | Measured | Target | Met |");
        println!("|---|---|---|:-:|");
        for r in rows {
            let met = match r.met {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "",
            };
            println!("| {} | {} | {} | {met} |", r.figure, r.measured, r.target);
        }
    }
}
