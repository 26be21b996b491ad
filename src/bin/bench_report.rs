//! `bench-report`: every speed and size figure of the planner as one table,
//! each against its target (issue 6). A report, not a test: it always exits 0
//! unless it cannot run at all.
//!
//! ```sh
//! cargo run --profile bench --bin bench-report      # after scripts/bench.sh, or on its own
//! cargo run --release --bin bench-report -- --native   # the engine as the wasm's profile builds it
//! cargo run --profile bench --bin bench-report -- --help
//! ```
//!
//! * Native engine timings are measured here, in-process, with
//!   `std::time::Instant`: the median of N runs of each workload (the same
//!   four workloads as `cargo bench --bench engine`, so criterion's output is
//!   not needed). The table names the optimisation level it was built at:
//!   3 with the bench profile (native code as it is usually built), `z` with
//!   the release profile (tuned for the wasm's size).
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
    use std::hint::black_box;
    use std::path::{Path, PathBuf};
    use std::time::Instant;

    use planner::engine::{plan, presets, PriceSheet, RegionTable, Scenario};
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
  --quick         fewer runs of each native workload
  --native        only the native engine rows
$E2E_SHOTS defaults to /tmp/planner-e2e.";

    struct Options {
        dist: PathBuf,
        minimal: PathBuf,
        speed: PathBuf,
        bench: PathBuf,
        quick: bool,
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
            quick: false,
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
                "--quick" => o.quick = true,
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

    /// Median wall time of `runs` calls of `f`, in nanoseconds, after a
    /// warm-up of a tenth as many.
    fn median_ns<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
        for _ in 0..(runs / 10).max(1) {
            black_box(f());
        }
        let mut samples: Vec<f64> = (0..runs.max(1))
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed().as_nanos() as f64
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN)
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

    fn native_rows(o: &Options, rows: &mut Vec<Row>) -> Result<(), String> {
        let scenario: Scenario = presets::preset("northwind").map_err(|e| e.to_string())?;
        let sheet: PriceSheet = presets::default_sheet().map_err(|e| e.to_string())?;
        let regions: RegionTable = presets::default_regions().map_err(|e| e.to_string())?;
        let plan = plan::evaluate(&scenario, &sheet, &regions).map_err(|e| e.to_string())?;
        let k = if o.quick { 10 } else { 1 };

        // What the page recomputes on every keystroke: numbers only (the words are written on demand).
        let eval = median_ns(2001 / k, || {
            plan::evaluate(black_box(&scenario), &sheet, &regions)
        });
        let eval_text = median_ns(501 / k, || {
            plan::evaluate(black_box(&scenario), &sheet, &regions)
                .map(|p| planner::engine::words::for_plan(&scenario, &sheet, &regions, &p))
        });
        let curve = median_ns(201 / k, || {
            plan::headroom_curve(black_box(&scenario), &sheet, &regions, 101)
        });
        let sweep_scenarios: Vec<Scenario> = (0..50)
            .map(|i| {
                let mut s = scenario.clone();
                s.risk.downtime_cost_per_hour = f64::from(i) * 5_000.0;
                s
            })
            .collect();
        let sweep = median_ns(101 / k, || {
            sweep_scenarios
                .iter()
                .filter_map(|s| plan::evaluate(black_box(s), &sheet, &regions).ok())
                .count()
        });
        let mc = median_ns((11 / k).max(3), || {
            plan::simulate(black_box(&scenario), &plan, 100_000)
        });

        rows.push(Row::section(&format!(
            "Engine, native (in-process, opt-level {}, LTO; median of N runs)",
            env!("PLANNER_OPT_LEVEL")
        )));
        rows.push(Row::new(
            format!(
                "Full evaluation, four tiers, Northwind, numbers as the page recomputes them (median of {})",
                2001 / k
            ),
            fmt_ns(eval),
            "< 20 µs",
            Some(eval < 20e3),
        ));
        rows.push(Row::new(
            format!(
                "The same and then every word of the plan written (formulas, verdicts, explanations), as the exports use (median of {})",
                501 / k
            ),
            fmt_ns(eval_text),
            "–",
            None,
        ));
        rows.push(Row::new(
            format!("Headroom curve, 101 points (median of {})", 201 / k),
            fmt_ns(curve),
            "< 2 ms",
            Some(curve < 2e6),
        ));
        rows.push(Row::new(
            format!(
                "Break-even sweep: evaluation at 50 downtime costs (median of {})",
                101 / k
            ),
            fmt_ns(sweep),
            "< 1 ms (50 × 20 µs)",
            Some(sweep < 1e6),
        ));
        rows.push(Row::new(
            format!(
                "Monte Carlo, 100,000 years × 4 tiers (median of {})",
                (11 / k).max(3)
            ),
            fmt_ns(mc),
            "< 100 ms",
            Some(mc < 100e6),
        ));
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
        match b.and_then(|b| num(b, "/planner/monteCarlo100kEstimateMs")) {
            Some(x) => rows.push(Row::new(
                "  100,000 simulated years alone (the above minus the curve-only median)",
                ms(x),
                "< 100 ms (the native target)",
                Some(x < 100.0),
            )),
            None => rows.push(Row::new(
                "  100,000 simulated years alone",
                NOT_MEASURED,
                "",
                None,
            )),
        }
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
