//! Regenerating a price sheet from the Azure Retail Prices API (native
//! builds only; the `refresh-prices` command).
//!
//! Flow: [`needs::needed_meters`] lists every meter the engine looks up;
//! [`query::plan_queries`] turns them into one OData query per service,
//! region and price type; [`paging::fetch_all`] reads every page through a
//! [`paging::Fetch`] ([`http::HttpFetcher`] in the command, a map in tests);
//! [`rows::map_items`] keeps the needed meters and maps them to sheet rows;
//! [`output::write_sheet`] writes, validates and renames; and
//! [`rows::missing`] lists what the API did not return.

pub mod api;
pub mod http;
pub mod needs;
pub mod output;
pub mod paging;
pub mod query;
pub mod rows;

use std::path::PathBuf;

use crate::engine::presets;
use crate::engine::PriceSheet;
use needs::Slot;
use output::IndexUpdate;
use paging::{Fetch, PagingError};
use rows::Dropped;

pub use query::{API_VERSION, DEFAULT_BASE_URL};

/// What to fetch and where to write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// ARM region names, as in `pricing/regions.csv`.
    pub regions: Vec<String>,
    /// Three-letter currency code, e.g. `EUR`.
    pub currency: String,
    pub out: PathBuf,
    pub base_url: String,
    /// Most pages read for one query.
    pub max_pages: usize,
    /// With gaps, write nothing.
    pub strict: bool,
}

/// A finished run.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The sheet as written (and parsed back).
    pub sheet: PriceSheet,
    /// Prices the engine may need that the sheet lacks, with the reason
    /// when the API returned the meter in a form the sheet cannot hold.
    pub missing: Vec<(Slot, Option<String>)>,
    pub warnings: Vec<String>,
    pub dropped: Dropped,
    pub index: IndexUpdate,
    /// Pages read over all queries.
    pub pages: usize,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error("{0}")]
    Usage(String),
    #[error("{query}: {source}")]
    Query { query: String, source: PagingError },
    #[error("{0}")]
    Api(String),
    #[error("{0}")]
    Write(String),
    #[error("{} prices are missing and --strict is set: nothing written", missing.len())]
    Incomplete {
        missing: Vec<(Slot, Option<String>)>,
    },
}

/// Checks the options before any request: a currency the API prices in, known
/// regions, an http(s) base URL.
pub fn check_options(opts: &Options) -> Result<(), RefreshError> {
    let usage = |m: String| Err(RefreshError::Usage(m));
    if opts.currency.len() != 3 || !opts.currency.chars().all(|c| c.is_ascii_uppercase()) {
        return usage(format!(
            "--currency “{}” is not a three-letter code such as EUR",
            opts.currency
        ));
    }
    if !crate::engine::pricing::RETAIL_API_CURRENCIES.contains(&opts.currency.as_str()) {
        return usage(format!(
            "--currency {}: the Retail Prices API returns prices in {} only",
            opts.currency,
            crate::engine::pricing::RETAIL_API_CURRENCIES.join(", ")
        ));
    }
    if opts.regions.is_empty() {
        return usage("--regions is empty; give ARM names such as westeurope,southeastasia".into());
    }
    let table = presets::default_regions().map_err(|e| RefreshError::Usage(e.to_string()))?;
    for r in &opts.regions {
        if table.get(r).is_none() {
            let known: Vec<&str> = table
                .regions
                .iter()
                .map(|g| g.arm_region_name.as_str())
                .collect();
            return usage(format!(
                "--regions: “{r}” is not one of the planner's regions ({})",
                known.join(", ")
            ));
        }
    }
    let mut seen = opts.regions.clone();
    seen.sort();
    seen.dedup();
    if seen.len() != opts.regions.len() {
        return usage("--regions names a region twice".into());
    }
    if !(opts.base_url.starts_with("https://") || opts.base_url.starts_with("http://")) {
        return usage(format!(
            "--base-url “{}” is not an http(s) URL",
            opts.base_url
        ));
    }
    if opts.max_pages == 0 {
        return usage("--max-pages must be at least 1".into());
    }
    output::file_name(&opts.out).map_err(RefreshError::Usage)?;
    Ok(())
}

/// Fetches, maps, validates and writes. `progress` is told about each query.
pub fn run(
    opts: &Options,
    fetch: &mut dyn Fetch,
    progress: &mut dyn FnMut(&str),
) -> Result<Outcome, RefreshError> {
    check_options(opts)?;
    let table = presets::default_regions().map_err(|e| RefreshError::Usage(e.to_string()))?;
    let needs = needs::needed_meters();
    let zones = needs::zones_for(&opts.regions, &table);
    let mut items = Vec::new();
    let mut pages = 0;
    for q in query::plan_queries(&needs, &opts.regions) {
        let url = q.url(&opts.base_url, &opts.currency);
        let (got, stats) = paging::fetch_all(fetch, &url, opts.max_pages).map_err(|source| {
            RefreshError::Query {
                query: q.label(),
                source,
            }
        })?;
        let fallback = if stats.skip_fallbacks > 0 {
            format!(
                " ({} full page(s) without a next link, continued with $skip)",
                stats.skip_fallbacks
            )
        } else {
            String::new()
        };
        progress(&format!(
            "{}: {} item(s) in {} page(s){fallback}",
            q.label(),
            stats.items,
            stats.pages
        ));
        pages += stats.pages;
        items.extend(got);
    }
    let fetched = output::today_utc();
    let mapping = rows::map_items(
        &items,
        &needs,
        &opts.regions,
        &zones,
        &opts.currency,
        &fetched,
    )
    .map_err(RefreshError::Api)?;
    let slots = needs::slots(&needs, &opts.regions, &zones);
    let missing = rows::missing(&slots, &mapping.rows, &mapping.problems);
    if opts.strict && !missing.is_empty() {
        return Err(RefreshError::Incomplete { missing });
    }
    if mapping.rows.is_empty() {
        return Err(RefreshError::Api(
            "the API returned none of the meters the planner uses: nothing written".into(),
        ));
    }
    let text = rows::to_csv(&mapping.rows).map_err(RefreshError::Write)?;
    let sheet = output::write_sheet(&opts.out, &text).map_err(RefreshError::Write)?;
    let mut warnings = mapping.warnings;
    let index = output::update_index(&opts.out).unwrap_or_else(|e| {
        warnings.push(format!(
            "the sheet was written, but the sheet list was not updated: {e}"
        ));
        IndexUpdate::NoIndex
    });
    Ok(Outcome {
        sheet,
        missing,
        warnings,
        dropped: mapping.dropped,
        index,
        pages,
    })
}

/// The missing prices, grouped by place (regions in the given order, then
/// `Global`, then zones), one meter per line.
pub fn missing_report(missing: &[(Slot, Option<String>)], regions: &[String]) -> String {
    if missing.is_empty() {
        return format!(
            "Complete: the API returned every price the planner uses for {}.\n",
            regions.join(", ")
        );
    }
    let mut places: Vec<&str> = Vec::new();
    for (slot, _) in missing {
        if !places.contains(&slot.region.as_str()) {
            places.push(&slot.region);
        }
    }
    let rank = |p: &str| {
        regions
            .iter()
            .position(|r| r == p)
            .unwrap_or(if p == crate::engine::meters::GLOBAL {
                regions.len()
            } else {
                regions.len() + 1
            })
    };
    places.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    let mut out = format!(
        "Missing: {} price(s) the planner uses were not returned by the API. \
         The planner reports each one as a missing price when a plan needs it, never as 0:\n",
        missing.len()
    );
    let why = unmapped(missing);
    for place in places {
        let here: Vec<&(Slot, Option<String>)> =
            missing.iter().filter(|(s, _)| s.region == place).collect();
        out.push_str(&format!("  {place} ({})\n", here.len()));
        for (slot, why) in here {
            match why {
                Some(why) => out.push_str(&format!("    {slot}: {why}\n")),
                None => out.push_str(&format!("    {slot}\n")),
            }
        }
    }
    out.push_str(&format!("Not mapped, and why ({} meter(s)):\n", why.len()));
    for (what, reason) in why {
        out.push_str(&format!("  {what}: {reason}\n"));
    }
    out
}

/// Each meter (and, apart, its reservations) with missing slots, once, with
/// what its key rests on: a key checked against a real recorded answer the
/// API did not return here, or a best-sourced key the API may spell
/// differently.
pub fn unmapped(missing: &[(Slot, Option<String>)]) -> Vec<(String, String)> {
    let needs = needs::needed_meters();
    let mut out: Vec<(String, String)> = Vec::new();
    for (slot, _) in missing {
        let reserved = slot.term != crate::engine::pricing::ReservationTerm::None;
        let what = if reserved {
            format!("{} (reservations)", slot.key)
        } else {
            slot.key.to_string()
        };
        if out.iter().any(|(w, _)| *w == what) {
            continue;
        }
        let reason = match needs.iter().find(|n| n.key == slot.key) {
            Some(n) => n.evidence_for(slot.term).explain(),
            None => "the planner does not know this meter".to_string(),
        };
        out.push((what, reason));
    }
    out
}
