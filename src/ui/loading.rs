//! Loading the price data: the region table and price sheets (preloaded,
//! chosen in the list, or read from a file), and the list of sheets the
//! site offers. A sheet that lacks a price the scenario on screen needs is
//! refused, and the one in use stays.

use leptos::prelude::*;
use std::sync::Arc;

use super::io;
use super::state::AppState;
use crate::engine::plan::PlanError;
use crate::engine::{PriceSheet, RegionTable};

/// Puts a parsed sheet in use, unless it lacks a price the scenario on
/// screen needs: then it is refused, named meter by meter, and the sheet in
/// use stays (so the figures on screen stay complete and working). The first
/// sheet of a page is always taken (there is nothing to keep).
fn use_sheet(state: AppState, sheet: PriceSheet) -> Result<(), String> {
    if state.sheet.with_untracked(Option::is_some) {
        if let Some(regions) = state.regions.get_untracked() {
            let scenario = match state.last_good.get_untracked() {
                Some(good) => good.scenario.clone(),
                None => state.scenario.get_untracked(),
            };
            match crate::engine::plan::evaluate(&scenario, &sheet, &regions) {
                Err(PlanError::MissingPrices(missing)) => {
                    return Err(incomplete_sheet_message(&sheet.name, &missing));
                }
                Err(PlanError::UnpricedRegions(unpriced)) => {
                    let list: Vec<String> = unpriced.iter().map(|u| u.to_string()).collect();
                    return Err(format!(
                        "{} was not used: {}. The figures on screen still use the previous sheet.",
                        sheet.name,
                        list.join("; ")
                    ));
                }
                _ => {}
            }
        }
    }
    let sheet = Arc::new(sheet);
    if state
        .wanted_sheet
        .with_untracked(|w| w.as_ref().is_some_and(|w| w.matches(&sheet)))
    {
        state.wanted_sheet.set(None);
    }
    state.sheet_error.set(None);
    state.sheet.set(Some(sheet));
    Ok(())
}

/// Why an incomplete sheet was refused: which meters, in which regions.
pub fn incomplete_sheet_message(
    name: &str,
    missing: &[crate::engine::pricing::MissingPrice],
) -> String {
    let mut listed: Vec<String> = missing
        .iter()
        .map(|m| {
            if m.term.is_empty() || m.term == "pay-as-you-go" {
                format!("{} in {}", m.meter, m.region)
            } else {
                format!("{} in {} ({})", m.meter, m.region, m.term)
            }
        })
        .collect();
    listed.dedup();
    let shown = listed.len().min(6);
    let more = listed.len() - shown;
    format!(
        "{name} was not used: it has no price for {}{}{}. The figures on screen still use the previous sheet; add the missing rows (or run refresh-prices for these regions) and load it again.",
        crate::engine::format::count(listed.len(), "meter the scenario needs", "meters the scenario needs"),
        if listed.is_empty() { String::new() } else { format!(": {}", listed[..shown].join("; ")) },
        if more > 0 { format!("; and {more} more") } else { String::new() },
    )
}

/// What [`super::start`] fetched before mounting: the region table's and the
/// default sheet's text (or why they could not be fetched).
pub struct Preloaded {
    pub regions: Result<String, String>,
    pub sheet: Result<String, String>,
}

pub(super) async fn load_sheet(state: AppState, name: String) {
    let request = next_sheet_request(state);
    let fetched = io::fetch_text(&format!("pricing/{name}")).await;
    if state.sheet_request.get_value() == request {
        apply_sheet(state, &name, fetched);
    }
}

/// Starts a price-sheet request and returns its number ([`AppState::sheet_request`]).
fn next_sheet_request(state: AppState) -> u64 {
    state.sheet_request.update_value(|n| *n += 1);
    state.sheet_request.get_value()
}

/// Parses a fetched sheet and puts it in use, or says why it cannot be.
pub(super) fn apply_sheet(state: AppState, name: &str, fetched: Result<String, String>) {
    match fetched {
        Ok(text) => match PriceSheet::parse(name, &text) {
            Ok(sheet) => {
                if let Err(message) = use_sheet(state, sheet) {
                    state.sheet_error.set(Some(message));
                }
            }
            Err(e) => state
                .sheet_error
                .set(Some(format!("The price sheet could not be used: {e}"))),
        },
        Err(e) => state
            .sheet_error
            .set(Some(format!("The price sheet could not be loaded: {e}"))),
    }
}

/// Reads a price sheet the person chose in a file input and puts it in use.
pub(super) async fn load_sheet_file(state: AppState, input: web_sys::HtmlInputElement) {
    let request = next_sheet_request(state);
    let read = io::read_file(&input).await;
    if state.sheet_request.get_value() != request {
        return;
    }
    match read {
        Ok((name, text)) => match PriceSheet::parse(&name, &text) {
            Ok(sheet) => match use_sheet(state, sheet) {
                Ok(()) => state.toast.set(Some(format!("Using prices from {name}."))),
                Err(message) => state.sheet_error.set(Some(message)),
            },
            Err(e) => state.sheet_error.set(Some(format!(
                "{e}. The previous price sheet is still in use."
            ))),
        },
        Err(e) => state.sheet_error.set(Some(e)),
    }
    input.set_value("");
}

/// Parses the fetched region table and puts it in use, or says why not.
pub(super) fn apply_regions(state: AppState, fetched: Result<String, String>) {
    match fetched {
        Ok(text) => match RegionTable::parse("regions.csv", &text) {
            Ok(t) => state.regions.set(Some(Arc::new(t))),
            Err(e) => state
                .sheet_error
                .set(Some(format!("The region table could not be used: {e}"))),
        },
        Err(e) => state
            .sheet_error
            .set(Some(format!("The region table could not be loaded: {e}"))),
    }
}

pub(super) async fn load_index(state: AppState) {
    if let Ok(text) = io::fetch_text("pricing/index.json").await {
        #[derive(serde::Deserialize)]
        struct Index {
            sheets: Vec<String>,
        }
        if let Ok(index) = serde_json::from_slice::<Index>(text.as_bytes()) {
            let sheets: Vec<String> = index
                .sheets
                .into_iter()
                .filter(|s| s.ends_with(".csv") && !s.contains('/') && !s.contains(".."))
                .collect();
            if !sheets.is_empty() {
                state.sheets_available.set(sheets);
            }
        }
    }
}
