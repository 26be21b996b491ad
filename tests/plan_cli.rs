//! The `plan` command: its JSON scripting contract, its CSV export, and exit
//! status 2 with a message naming the field for bad input.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

fn plan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plan"))
        .args(args)
        .output()
        .expect("the plan binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = plan(args);
    assert!(
        out.status.success(),
        "plan {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("plan --format json prints JSON")
}

/// A scratch file unique to this test process, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn scratch(name: &str, contents: &str) -> Scratch {
    let path = std::env::temp_dir().join(format!("planner-plan-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    Scratch(path)
}

fn number(v: &Value, path: &str) -> f64 {
    let mut cur = v;
    for key in path.split('.') {
        cur = cur
            .get(key)
            .unwrap_or_else(|| panic!("missing “{path}” in {v}"));
    }
    cur.as_f64()
        .unwrap_or_else(|| panic!("“{path}” is not a number: {cur}"))
}

#[test]
fn json_output_has_every_contract_field() {
    let doc = json(&["--preset", "northwind", "--format", "json"]);
    assert!(
        doc["executive_summary"]
            .as_str()
            .unwrap()
            .starts_with("Active-active multi-region writes costs $"),
        "{}",
        doc["executive_summary"]
    );
    let years = doc["multi_year"].as_array().expect("multi_year[]");
    assert_eq!(years.len(), 4);
    for y in years {
        let one = y["years_1"].as_f64().unwrap();
        assert!(
            (y["years_5"].as_f64().unwrap() - 5.0 * one).abs() < 1e-6 * one,
            "pay as you go: {y}"
        );
    }
    let tiers = doc["tiers"].as_array().expect("tiers[]");
    let ids: Vec<&str> = tiers.iter().map(|t| t["tier"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "single_region",
            "active_passive",
            "active_active_reads",
            "multi_write"
        ]
    );
    for t in tiers {
        for f in [
            "monthly_usd",
            "annual_usd",
            "cost_ratio",
            "compute_multiple",
            "cosmos.ru_per_s_per_region",
            "cosmos.ru_per_s_billed",
            "cosmos.write_regions",
            "cosmos.monthly_usd",
            "replication_egress_gb_per_month",
            "front_door_monthly_usd",
            "rto_s",
            "rto_reads_s",
            "rto_writes_s",
            "rpo_s",
            "availability",
            "downtime_min_per_year",
            "expected_annual_loss_usd",
            "risk_adjusted_annual_usd",
        ] {
            let x = number(t, f);
            assert!(x.is_finite() && x >= 0.0, "{f} = {x}");
        }
        assert!(t["meets_targets"].is_boolean());
        assert!(t["failed_targets"].is_array());
        for f in t["failed_targets"].as_array().unwrap() {
            assert!(f["target"].is_string() && f["message"].is_string());
        }
        let latency = t["latency_p95_ms"].as_object().expect("latency by region");
        assert!(latency.contains_key("westeurope") && latency.contains_key("southeastasia"));
        assert!(latency.values().all(|v| v.as_f64().unwrap() > 0.0));
        let items = t["line_items"].as_array().expect("line_items[]");
        assert!(!items.is_empty());
        for li in items {
            for f in ["quantity", "unit_price", "monthly_usd"] {
                assert!(li[f].is_number(), "{f} in {li}");
            }
            for f in [
                "key",
                "place",
                "component",
                "region",
                "unit",
                "formula",
                "meter_name",
                "source",
            ] {
                assert!(li[f].is_string(), "{f} in {li}");
            }
        }
        // A line is identified by its typed key, its place and its
        // reservation term, never by its words (Cosmos DB replication has
        // one line per destination from a place, told apart by its meter's
        // price; its words name the destination).
        let mut keys: Vec<(&str, &str, &str)> = items
            .iter()
            .filter(|li| li["key"] != "cosmos_replication")
            .map(|li| {
                (
                    li["key"].as_str().unwrap(),
                    li["place"].as_str().unwrap(),
                    li["reservation_term"].as_str().unwrap(),
                )
            })
            .collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "a key twice in {keys:?}");
        assert!(items.iter().any(|li| li["key"] == "app_service"));
        let sum: f64 = items
            .iter()
            .map(|li| li["monthly_usd"].as_f64().unwrap())
            .sum();
        let monthly = number(t, "monthly_usd");
        assert!(
            (sum - monthly).abs() <= 1e-9 * monthly,
            "{sum} vs {monthly}"
        );
        assert!((number(t, "annual_usd") - 12.0 * monthly).abs() <= 1e-9 * monthly);
    }
    assert_eq!(doc["recommended_tier"], "multi_write");
    let curve = doc["headroom_curve"].as_array().expect("headroom_curve[]");
    assert_eq!(curve.len(), 101);
    for p in curve {
        for f in [
            "stamp_capacity_fraction",
            "compute_multiple",
            "monthly_usd",
            "shortfall_fraction",
            "shortfall_duration_s",
        ] {
            assert!(p[f].is_number(), "{f} in {p}");
        }
    }
    assert_eq!(number(&tiers[3], "compute_multiple"), 1.4);
    assert_eq!(number(&tiers[3], "cosmos.write_regions"), 2.0);
    assert_eq!(number(&tiers[0], "cost_ratio"), 1.0);
}

#[test]
fn csv_rows_sum_to_each_tiers_monthly_cost() {
    for preset in ["northwind", "startup", "enterprise"] {
        let doc = json(&["--preset", preset, "--format", "json", "--years", "100"]);
        let out = plan(&["--preset", preset, "--format", "csv"]);
        assert!(out.status.success());
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let headers = reader.headers().unwrap().clone();
        let tier_col = headers.iter().position(|h| h == "tier").unwrap();
        let cost_col = headers.iter().position(|h| h == "monthly_cost").unwrap();
        let mut sums: BTreeMap<String, f64> = BTreeMap::new();
        for rec in reader.records() {
            let rec = rec.unwrap();
            *sums.entry(rec[tier_col].to_string()).or_default() +=
                rec[cost_col].parse::<f64>().unwrap();
        }
        for t in doc["tiers"].as_array().unwrap() {
            let id = t["tier"].as_str().unwrap();
            let monthly = number(t, "monthly_usd");
            let sum = sums[id];
            // Each row's cost is written to 4 decimals (no float noise), so
            // the rows add up to the total within a cent.
            assert!(
                (sum - monthly).abs() < 0.01,
                "{preset} {id}: CSV {sum} vs JSON {monthly}"
            );
        }
        assert_eq!(sums.len(), 4, "{preset}");
    }
}

#[test]
fn an_invalid_scenario_file_exits_2_and_names_the_field() {
    let path = scratch(
        "invalid.json",
        r#"{"workload": {"peak_requests_per_s": -5}, "compute": {"stamp_capacity_fraction": 2}}"#,
    );
    let out = plan(&[path.path(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("workload.peak_requests_per_s"), "{err}");
    assert!(err.contains("compute.stamp_capacity_fraction"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn an_unreadable_scenario_file_exits_2_and_says_where() {
    let path = scratch(
        "broken.json",
        "{\n  \"workload\": {\"peak_requests_per_s\": \"lots\"}\n}",
    );
    let out = plan(&[path.path()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.json") && err.contains("line 2"),
        "{err}"
    );
    let out = plan(&["/nonexistent/scenario.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_valid_scenario_file_gives_the_same_plan_as_the_preset() {
    let preset = planner::engine::presets::preset("startup").unwrap();
    let path = scratch("startup.json", &planner::engine::share::to_json(&preset));
    let a = json(&[path.path(), "--format", "json", "--years", "100"]);
    let b = json(&["--preset", "startup", "--format", "json", "--years", "100"]);
    assert_eq!(a["tiers"], b["tiers"]);
    assert_eq!(a["recommended_tier"], b["recommended_tier"]);
}

#[test]
fn a_bad_price_sheet_exits_2_naming_file_line_and_column() {
    let header = planner::engine::pricing::PRICE_SHEET_COLUMNS.join(",");
    let path = scratch(
        "bad-prices.csv",
        &format!("{header}\nKey Vault,Key Vault,Standard,Operations,,westeurope,10K,cheap,USD,Consumption,,0,2024-01-01,high,x\n"),
    );
    let out = plan(&["--preset", "northwind", "--prices", path.path()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad-prices.csv") && err.contains("line 2") && err.contains("retail_price"),
        "{err}"
    );
}

#[test]
fn a_sheet_missing_prices_exits_2_listing_them() {
    let header = planner::engine::pricing::PRICE_SHEET_COLUMNS.join(",");
    let path = scratch(
        "thin-prices.csv",
        &format!("{header}\nKey Vault,Key Vault,Standard,Operations,,westeurope,10K,0.03,USD,Consumption,,0,2024-01-01,high,x\n\
                  Key Vault,Key Vault,Standard,Operations,,southeastasia,10K,0.03,USD,Consumption,,0,2024-01-01,high,x\n"),
    );
    let out = plan(&["--preset", "northwind", "--prices", path.path()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no price for"), "{err}");
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(plan(&["--preset", "atlantis"]).status.code(), Some(2));
    assert_eq!(plan(&[]).status.code(), Some(2));
    assert_eq!(
        plan(&["--preset", "northwind", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        plan(&["--preset", "northwind", "--years", "5"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(plan(&["--bogus"]).status.code(), Some(2));
    assert!(plan(&["--help"]).status.success());
}

#[test]
fn table_output_shows_the_tiers_and_the_recommendation() {
    let out = plan(&["--preset", "northwind"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Single region",
        "Active-passive",
        "Active-active reads",
        "Multi-region writes",
        "Recommendation:",
        // Northwind prices Azure Cache for Redis Premium P1 in every tier:
        // the retirement note is printed once, for all of them.
        "\nNotes:\n- Azure Cache for Redis is being retired: Microsoft retires it on 30 September 2028",
        "Active-active multi-region writes only: ",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
}

#[test]

fn csv_categories_use_the_same_ids_as_the_json() {
    let doc = json(&[
        "--preset",
        "northwind",
        "--format",
        "json",
        "--years",
        "100",
    ]);
    let mut json_ids: Vec<String> = doc["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["line_items"].as_array().unwrap().clone())
        .map(|li| li["category"].as_str().unwrap().to_string())
        .collect();
    json_ids.sort();
    json_ids.dedup();
    let out = plan(&["--preset", "northwind", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let mut csv_ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    csv_ids.sort();
    csv_ids.dedup();
    assert_eq!(csv_ids, json_ids);
}

#[test]
fn a_region_the_sheet_has_no_prices_for_exits_2_naming_it_and_the_fix() {
    // Brazil South is in regions.csv; the shipped sheet has no prices for it.
    let mut s = planner::engine::presets::preset("startup").unwrap();
    s.regions[0].region = "brazilsouth".into();
    let path = scratch("brazil.json", &planner::engine::share::to_json(&s));
    let out = plan(&[path.path(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no figures, never $0");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No prices for Brazil South in this sheet: load a sheet that has them, or run `refresh-prices --regions brazilsouth`"),
        "{err}"
    );
}

#[test]
fn price_confidence_splits_each_tiers_cost_in_the_json_and_the_csv() {
    // Per tier: the shares of the monthly cost on published/API (confidence
    // high, med, low), derived and unverified prices add up to 1, match the
    // line items' price_basis in the JSON and the CSV, and come in words.
    for preset in ["northwind", "startup", "enterprise"] {
        let doc = json(&["--preset", preset, "--format", "json", "--years", "100"]);
        let out = plan(&["--preset", preset, "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (tier_col, cost_col, basis_col, conf_col) = (
            col("tier"),
            col("monthly_cost"),
            col("price_basis"),
            col("confidence"),
        );
        let mut csv_sums: BTreeMap<(String, String), f64> = BTreeMap::new();
        for rec in reader.records() {
            let rec = rec.unwrap();
            let expected = match &rec[conf_col] {
                "high" | "med" | "low" => "published",
                "derived" => "derived",
                _ => "unverified",
            };
            assert_eq!(&rec[basis_col], expected);
            *csv_sums
                .entry((rec[tier_col].to_string(), rec[basis_col].to_string()))
                .or_default() += rec[cost_col].parse::<f64>().unwrap();
        }
        for t in doc["tiers"].as_array().unwrap() {
            let id = t["tier"].as_str().unwrap();
            let pc = &t["price_confidence"];
            let monthly = number(t, "monthly_usd");
            let shares: f64 = ["published_share", "derived_share", "unverified_share"]
                .iter()
                .map(|f| pc[*f].as_f64().unwrap())
                .sum();
            assert!((shares - 1.0).abs() < 1e-9, "{preset} {id}: {shares}");
            for basis in ["published", "derived", "unverified"] {
                let json = pc[format!("{basis}_monthly")].as_f64().unwrap();
                let csv = csv_sums
                    .get(&(id.to_string(), basis.to_string()))
                    .copied()
                    .unwrap_or(0.0);
                // CSV costs are written to 4 decimals: within a cent.
                assert!(
                    (json - csv).abs() < 0.01,
                    "{preset} {id} {basis}: {json} vs {csv} (of {monthly})"
                );
            }
            let summary = pc["summary"].as_str().unwrap();
            assert!(
                summary.contains("of this tier's cost rests on published or API prices"),
                "{summary}"
            );
        }
    }
}

/// The README's four `plan` examples, with the arguments it shows (run on
/// the debug binary, from the repository root as the README assumes).
#[test]
fn the_readme_plan_examples_run_as_written() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let examples: Vec<Vec<String>> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("cargo run --release --bin plan -- "))
        .map(|l| {
            l.split('#')
                .next()
                .unwrap()
                .split_whitespace()
                .map(str::to_string)
                .collect()
        })
        .collect();
    assert_eq!(examples.len(), 5, "the README shows five plan examples");
    for args in examples {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "plan {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "plan {args:?} printed nothing");
    }
}

#[test]
fn basis_flag_sets_the_basis_and_rto_rpo_follow_it() {
    let expected = json(&["--preset", "northwind", "--format", "json"]);
    assert_eq!(expected["basis"], "expected");
    assert_eq!(expected["recommended_tier"], "multi_write");
    let guaranteed = json(&[
        "--preset",
        "northwind",
        "--format",
        "json",
        "--basis",
        "guaranteed",
    ]);
    assert_eq!(guaranteed["basis"], "guaranteed");
    assert!(guaranteed["recommended_tier"].is_null());
    for (e, g) in expected["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .zip(guaranteed["tiers"].as_array().unwrap())
    {
        for key in [
            "rto_expected_s",
            "rto_guaranteed_s",
            "rpo_expected_s",
            "rpo_guaranteed_s",
        ] {
            assert_eq!(number(e, key), number(g, key), "{key}");
        }
        assert_eq!(number(e, "rto_s"), number(e, "rto_expected_s"));
        assert_eq!(number(e, "rpo_s"), number(e, "rpo_expected_s"));
        assert_eq!(number(g, "rto_s"), number(g, "rto_guaranteed_s"));
        assert_eq!(number(g, "rpo_s"), number(g, "rpo_guaranteed_s"));
        assert!(number(g, "rpo_guaranteed_s") >= number(g, "rpo_expected_s"));
    }
    let mw = &guaranteed["tiers"][3];
    assert_eq!(mw["tier"], "multi_write");
    assert_eq!(number(mw, "rpo_guaranteed_s"), 900.0);
    assert_eq!(number(mw, "rpo_expected_s"), 3.0);
    let bad = plan(&["--preset", "northwind", "--basis", "hopeful"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--basis must be expected or guaranteed"));
}

#[test]
fn convert_flag_shows_every_figure_in_the_currency_at_the_typed_rate() {
    let usd = json(&["--preset", "northwind", "--format", "json"]);
    let eur = json(&[
        "--preset",
        "northwind",
        "--format",
        "json",
        "--convert",
        "EUR:0.92:2026-12-02",
    ]);
    assert_eq!(eur["currency"], "EUR");
    assert_eq!(eur["converted_from"]["currency"], "USD");
    assert_eq!(eur["converted_from"]["as_of"], "2026-12-02");
    for i in 0..4 {
        let (u, e) = (
            usd["tiers"][i]["monthly_usd"].as_f64().unwrap(),
            eur["tiers"][i]["monthly_usd"].as_f64().unwrap(),
        );
        assert!(
            (e - u * 0.92).abs() < 1e-6 * u,
            "tier {i}: {e} vs {u} × 0.92"
        );
    }
    let table = plan(&["--preset", "northwind", "--convert", "EUR:0.92:2026-12-02"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("converted from USD at 0.92 EUR per USD on 2026-12-02"),
        "{text}"
    );
    assert!(text.contains('€'), "{text}");
    // Bad values: exit 2, in the user's words.
    let out = plan(&["--preset", "northwind", "--convert", "EUR:0,92:2026-12-02"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("“0,92” is not a number"));
    let out = plan(&["--preset", "northwind", "--convert", "EUR:-1:2026-12-02"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("commercial.conversion.rate: must be more than 0 EUR"));
}

/// The CLI names the same path and speaks the same unit as the page: a
/// fraction shown in percent is refused in percent.
#[test]
fn range_messages_name_the_path_in_the_page_units() {
    let s = planner::engine::presets::preset("northwind").unwrap();
    let mut v = serde_json::to_value(&s).unwrap();
    v["workload"]["edge_cache_hit_ratio"] = serde_json::json!(1.5);
    v["resilience"]["probe_interval_s"] = serde_json::json!(300.0);
    let file = scratch("cache-150.json", &v.to_string());
    let out = plan(&[file.0.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("workload.edge_cache_hit_ratio: must be between 0 and 99 %; it is 150 %"),
        "{err}"
    );
    assert!(
        err.contains(
            "resilience.probe_interval_s: must be at most 255 s (Front Door allows 1–255); it is 300 s"
        ),
        "{err}"
    );
}
