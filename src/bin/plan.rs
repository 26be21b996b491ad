//! `plan`: the four tiers side by side from the command line.
//!
//! ```text
//! cargo run --release --bin plan -- (SCENARIO.json | --preset NAME) [--prices FILE] [--format table|json|csv]
//! ```
//! Exit status: 0 on success, 2 on bad input (a message names the field or
//! the file, line and column).

use planner::engine::presets::{self, PRESETS};
use planner::engine::scenario::Basis;
use planner::engine::{plan, report, share, PriceSheet};
use std::process::ExitCode;

const USAGE: &str = "usage: plan (SCENARIO.json | --preset NAME) [--prices FILE] [--format table|json|csv] [--years N] [--basis expected|guaranteed] [--convert CODE:RATE:DATE] [--today YYYY-MM-DD]

  SCENARIO.json   a scenario exported from the planner (or written by hand)
  --preset NAME   a built-in scenario: northwind, startup, enterprise
  --prices FILE   a price sheet in the planner's CSV format (default: the shipped sheet)
  --format        table (default), json (the scripting contract, see README) or csv (line items)
  --years N       simulated years for the Monte Carlo in the JSON output (default: the scenario's)
  --basis B       judge RTO and RPO targets on expected (modelled) or guaranteed (Microsoft's
                  documented bounds) figures; overrides the scenario's targets.basis
  --convert C:R:D show every figure in currency C at R units of C per unit of the sheet's
                  currency, a rate taken on day D (e.g. EUR:0.92:2026-12-02); overrides the
                  scenario's commercial.conversion
  --today D       the date drill results are aged against (default: today, UTC); drills older
                  than the scenario's resilience.drill_max_age_days are flagged stale";

fn fail(message: &str) -> ExitCode {
    eprintln!("plan: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut scenario_path = None;
    let mut preset = None;
    let mut prices = None;
    let mut format = "table".to_string();
    let mut years = None;
    let mut basis = None;
    let mut convert = None;
    let mut today = None;
    let mut i = 0;
    while i < args.len() {
        let value = |i: usize| args.get(i + 1).cloned();
        match args[i].as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "--preset" => {
                preset = value(i);
                i += 1;
            }
            "--prices" => {
                prices = value(i);
                i += 1;
            }
            "--format" => {
                format = value(i).unwrap_or_default();
                i += 1;
            }
            "--years" => {
                match value(i).and_then(|v| v.parse::<u32>().ok()) {
                    Some(y) if (100..=1_000_000).contains(&y) => years = Some(y),
                    _ => return fail("--years takes a whole number from 100 to 1000000"),
                }
                i += 1;
            }
            "--basis" => {
                match value(i).as_deref() {
                    Some("expected") => basis = Some(Basis::Expected),
                    Some("guaranteed") => basis = Some(Basis::Guaranteed),
                    Some(other) => {
                        return fail(&format!(
                            "--basis must be expected or guaranteed, not “{other}”"
                        ))
                    }
                    None => return fail("--basis takes expected or guaranteed"),
                }
                i += 1;
            }
            "--convert" => {
                let text = value(i).unwrap_or_default();
                let parts: Vec<&str> = text.split(':').collect();
                let [code, rate, date] = parts.as_slice() else {
                    return fail("--convert takes CODE:RATE:DATE, e.g. EUR:0.92:2026-12-02");
                };
                let Ok(rate) = rate.trim().parse::<f64>() else {
                    return fail(&format!(
                        "--convert: the rate “{rate}” is not a number (write it with a decimal point, e.g. 0.92)"
                    ));
                };
                convert = Some(planner::engine::scenario::Conversion {
                    currency: code.trim().to_string(),
                    rate,
                    as_of: date.trim().to_string(),
                });
                i += 1;
            }
            "--today" => {
                match value(i) {
                    Some(d) if planner::engine::drills::days_from_civil(&d).is_some() => {
                        today = Some(d)
                    }
                    Some(d) => {
                        return fail(&format!("--today takes a date as YYYY-MM-DD, not “{d}”"))
                    }
                    None => return fail("--today takes a date as YYYY-MM-DD"),
                }
                i += 1;
            }
            other if other.starts_with('-') => {
                return fail(&format!("unknown option {other}\n{USAGE}"))
            }
            other => scenario_path = Some(other.to_string()),
        }
        i += 1;
    }
    if !["table", "json", "csv"].contains(&format.as_str()) {
        return fail(&format!(
            "--format must be table, json or csv, not “{format}”"
        ));
    }
    let mut scenario = match (scenario_path, preset) {
        (Some(path), None) => {
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => return fail(&format!("cannot read {path}: {e}")),
            };
            match share::from_json(&text) {
                Ok(s) => s,
                Err(e) => return fail(&format!("{path}: {e}")),
            }
        }
        (None, Some(name)) => match presets::preset(&name) {
            Ok(s) => s,
            Err(e) => return fail(&e.to_string()),
        },
        (Some(_), Some(_)) => return fail("give a scenario file or --preset, not both"),
        (None, None) => {
            let names: Vec<&str> = PRESETS.iter().map(|p| p.0).collect();
            return fail(&format!(
                "no scenario given (presets: {})\n{USAGE}",
                names.join(", ")
            ));
        }
    };
    if let Some(b) = basis {
        scenario.targets.basis = b;
    }
    if convert.is_some() {
        scenario.commercial.conversion = convert;
    }
    let sheet = match prices {
        Some(path) => {
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) => return fail(&format!("cannot read {path}: {e}")),
            };
            let name = std::path::Path::new(&path)
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or(path);
            match PriceSheet::parse(&name, &text) {
                Ok(s) => s,
                Err(e) => return fail(&e.to_string()),
            }
        }
        None => match presets::default_sheet() {
            Ok(s) => s,
            Err(e) => return fail(&e.to_string()),
        },
    };
    let regions = match presets::default_regions() {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    let mut result = match plan::evaluate(&scenario, &sheet, &regions) {
        Ok(p) => p,
        Err(plan::PlanError::Invalid(errors)) => {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| format!("  {}: {}", e.field, e.message))
                .collect();
            return fail(&format!("the scenario is not valid:\n{}", lines.join("\n")));
        }
        Err(plan::PlanError::UnpricedRegions(unpriced)) => {
            let lines: Vec<String> = unpriced.iter().map(|u| format!("  {u}")).collect();
            return fail(&format!(
                "the price sheet “{}” has no prices for a region of this scenario:\n{}",
                sheet.name,
                lines.join("\n")
            ));
        }
        Err(plan::PlanError::MissingPrices(missing)) => {
            let lines: Vec<String> = missing.iter().map(|m| format!("  {m}")).collect();
            return fail(&format!(
                "the price sheet lacks prices this scenario needs:\n{}",
                lines.join("\n")
            ));
        }
    };
    planner::engine::drills::flag_stale(
        &mut result,
        &today.unwrap_or_else(today_utc),
        scenario.resilience.drill_max_age_days,
    );
    match format.as_str() {
        "json" => {
            let curve = plan::headroom_curve(&scenario, &sheet, &regions, 101);
            let sims = plan::simulate(
                &scenario,
                &result,
                years.unwrap_or(scenario.risk.simulated_years),
            );
            let words = report::line_words(&scenario, &sheet, &regions, &result);
            let mut doc = report::plan_report(&scenario, &result, &words, curve, sims);
            doc.multi_year =
                planner::engine::horizon::multi_year(&scenario, &result, &sheet, &regions)
                    .unwrap_or_default();
            if let Err(e) =
                report::attach_robustness(&mut doc, &scenario, &sheet, &regions, &result)
            {
                return fail(&e);
            }
            match serde_json::to_string_pretty(&doc) {
                Ok(text) => println!("{text}"),
                Err(e) => return fail(&format!("cannot write JSON: {e}")),
            }
        }
        "csv" => {
            let today = today_utc();
            let meta = report::CsvMeta {
                scenario: &scenario.name,
                sheet_fingerprint: &sheet.fingerprint,
                exported_on: &today,
            };
            let words = report::line_words(&scenario, &sheet, &regions, &result);
            print!("{}", report::line_items_csv(&result, &words, &meta));
            if !scenario.ranges.inputs.is_empty() {
                match planner::engine::ranges::cost_ranges(
                    &scenario,
                    &sheet,
                    &regions,
                    scenario.ranges.samples,
                ) {
                    Ok(r) => print!("{}", report::budget_lines_csv(&result, &r, &meta)),
                    Err(e) => return fail(&e),
                }
            }
        }
        _ => {
            let converted = result
                .converted_from
                .as_ref()
                .map(|c| format!("; {}", c.describe(&result.currency)))
                .unwrap_or_default();
            println!(
                "{} — prices: {} ({}{converted})\n",
                scenario.name, result.sheet, result.currency
            );
            print!("{}", report::table(&scenario, &result));
        }
    }
    ExitCode::SUCCESS
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today_utc() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    planner::engine::format::civil_date(days)
}
