//! `refresh-prices`: regenerates a price sheet from the Azure Retail Prices
//! API for chosen regions and a currency. See `--help`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command talks to the network, so it is native only; the wasm32
/// build (which compiles every binary target) gets an empty one.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::time::Duration;

    use planner::refresh::http::{HttpFetcher, RetryPolicy};
    use planner::refresh::output::IndexUpdate;
    use planner::refresh::{self, Options, RefreshError, DEFAULT_BASE_URL};

    const USAGE: &str = "usage: refresh-prices --regions REGION[,REGION...] --out FILE [options]

Regenerates a price sheet from the Azure Retail Prices API: every meter the
planner uses, pay-as-you-go and reservation prices, in the chosen regions
plus the global and Front Door zone meters, in one currency.

  --regions LIST        ARM region names from pricing/regions.csv, comma-separated
                        (e.g. westeurope,southeastasia)
  --currency CODE       currency code such as USD, EUR, GBP (default: USD)
  --out FILE            the sheet to write, e.g. pricing/azure-retail-eur.csv
  --base-url URL        API endpoint (default: https://prices.azure.com/api/retail/prices)
  --timeout-secs N      limit for each request, connect to last byte (default: 60)
  --max-retries N       retries after HTTP 429, 5xx, a timeout or a dropped
                        connection, with exponential backoff; Retry-After is
                        honoured up to 120 s (default: 5)
  --retry-delay-ms N    first backoff wait, doubled for each retry (default: 1000)
  --max-pages N         most pages read for one query (default: 100)
  --strict              write nothing when any price is missing
  -h, --help            this text

The file is replaced only when every query finished and the new sheet parses:
it is written to a temporary file in the same folder, checked, then renamed.
When the folder has an index.json (the planner's list of sheets, as in
pricing/), the file name is added to it.

At the end, the prices the API did not return are listed per region; the
planner reports those as missing prices, never as 0.

Exit status:
  0  the sheet was written and has every price the planner uses
  1  the sheet was written, but prices are missing (listed on stdout)
  2  nothing was written: bad arguments, a network or HTTP error after the
     retries, an unexpected answer, an invalid sheet, or gaps with --strict;
     an existing file is left untouched";

    const EXIT_GAPS: u8 = 1;
    const EXIT_FAILED: u8 = 2;

    fn fail(message: &str) -> ExitCode {
        eprintln!("refresh-prices: {message}");
        ExitCode::from(EXIT_FAILED)
    }

    struct Args {
        options: Options,
        timeout: Duration,
        policy: RetryPolicy,
    }

    fn number<T: std::str::FromStr>(flag: &str, value: Option<&String>) -> Result<T, String> {
        value
            .and_then(|v| v.parse::<T>().ok())
            .ok_or_else(|| format!("{flag} takes a whole number"))
    }

    fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
        let mut regions: Option<Vec<String>> = None;
        let mut currency = "USD".to_string();
        let mut out: Option<PathBuf> = None;
        let mut base_url = DEFAULT_BASE_URL.to_string();
        let mut timeout_secs: u64 = 60;
        let mut policy = RetryPolicy::default();
        let mut max_pages: usize = 100;
        let mut strict = false;
        let mut i = 0;
        while i < args.len() {
            let flag = args[i].as_str();
            let value = args.get(i + 1);
            let text = || {
                value
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag {
                "-h" | "--help" => return Ok(None),
                "--regions" => {
                    regions = Some(
                        text()?
                            .split(',')
                            .map(|r| r.trim().to_string())
                            .filter(|r| !r.is_empty())
                            .collect(),
                    )
                }
                "--currency" => currency = text()?.trim().to_string(),
                "--out" => out = Some(PathBuf::from(text()?)),
                "--base-url" => base_url = text()?.trim().to_string(),
                "--timeout-secs" => timeout_secs = number(flag, value)?,
                "--max-retries" => policy.max_retries = number(flag, value)?,
                "--retry-delay-ms" => {
                    policy.base_delay = Duration::from_millis(number(flag, value)?)
                }
                "--max-pages" => max_pages = number(flag, value)?,
                "--strict" => {
                    strict = true;
                    i += 1;
                    continue;
                }
                other => return Err(format!("unknown argument “{other}”\n\n{USAGE}")),
            }
            i += 2;
        }
        let regions = regions.ok_or_else(|| format!("--regions is required\n\n{USAGE}"))?;
        let out = out.ok_or_else(|| format!("--out is required\n\n{USAGE}"))?;
        if timeout_secs == 0 {
            return Err("--timeout-secs must be at least 1".into());
        }
        Ok(Some(Args {
            options: Options {
                regions,
                currency,
                out,
                base_url,
                max_pages,
                strict,
            },
            timeout: Duration::from_secs(timeout_secs),
            policy,
        }))
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Args {
            options,
            timeout,
            policy,
        } = match parse_args(&args) {
            Ok(Some(a)) => a,
            Ok(None) => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(e) => return fail(&e),
        };
        if let Err(e) = refresh::check_options(&options) {
            return fail(&e.to_string());
        }
        eprintln!(
            "refresh-prices: {} prices for {} from {}",
            options.currency,
            options.regions.join(", "),
            options.base_url
        );
        let mut fetcher =
            HttpFetcher::new(timeout, policy, Box::new(|m| eprintln!("  retry: {m}")));
        let mut progress = |m: &str| eprintln!("  {m}");
        match refresh::run(&options, &mut fetcher, &mut progress) {
            Ok(outcome) => {
                for w in &outcome.warnings {
                    eprintln!("warning: {w}");
                }
                let d = outcome.dropped;
                eprintln!(
                    "refresh-prices: {} page(s) read; left out {} Windows VM, {} Spot, {} Low Priority, {} $0 free-tier, {} other price type, {} unused and {} duplicate item(s)",
                    outcome.pages, d.windows, d.spot, d.low_priority, d.free, d.other_price_type, d.unused, d.duplicates
                );
                println!(
                    "Wrote {} ({} rows, {}, effective {} to {}).",
                    options.out.display(),
                    outcome.sheet.rows.len(),
                    outcome.sheet.currency,
                    outcome.sheet.oldest_effective_date().unwrap_or("?"),
                    outcome.sheet.newest_effective_date().unwrap_or("?")
                );
                if let IndexUpdate::Added(index) = &outcome.index {
                    println!(
                        "Added it to {}, so the planner offers it in its sheet selector.",
                        index.display()
                    );
                }
                print!(
                    "{}",
                    refresh::missing_report(&outcome.missing, &options.regions)
                );
                if outcome.missing.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(EXIT_GAPS)
                }
            }
            Err(RefreshError::Incomplete { missing }) => {
                print!("{}", refresh::missing_report(&missing, &options.regions));
                fail(&format!(
                    "{} price(s) missing and --strict is set: nothing written",
                    missing.len()
                ))
            }
            Err(e) if options.out.exists() => fail(&format!(
                "{e}\nNothing was written; {} is unchanged.",
                options.out.display()
            )),
            Err(e) => fail(&format!("{e}\nNothing was written.")),
        }
    }
}
