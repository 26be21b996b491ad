//! "Figures in": show every figure in another currency than the price
//! sheet's, at an exchange rate the person types (issue 16). The rate and
//! its date travel with the scenario and are shown with every figure.

use leptos::prelude::*;

use super::fields::{FieldError, NumberField, SelectField, TextField};
use super::state::AppState;
use crate::engine::pricing::RETAIL_API_CURRENCIES;
use crate::engine::scenario::Conversion;

/// The value of the "Figures in" list that means "the sheet's own currency".
const SHEET_OWN: &str = "sheet";

/// The currency chooser, the rate and its date, and how to make a sheet
/// priced in that currency instead.
#[component]
pub fn CurrencyConversion() -> impl IntoView {
    let state = expect_context::<AppState>();
    let mut options: Vec<(&'static str, &'static str)> =
        vec![(SHEET_OWN, "The price sheet's own currency")];
    options.extend(RETAIL_API_CURRENCIES.iter().map(|c| (*c, *c)));
    let conversion = Memo::new(move |_| state.scenario.with(|s| s.commercial.conversion.clone()));
    let sheet_currency = Memo::new(move |_| {
        state
            .sheet
            .with(|s| s.as_ref().map(|s| s.currency.clone()))
            .unwrap_or_else(|| "USD".into())
    });
    let rate_note = move || {
        let c = conversion.get()?;
        let from = sheet_currency.get();
        Some(view! {
            <p class="group-note" data-testid="conversion-note">
                {format!(
                    "Every price is multiplied by the rate: 1 {from} = {} {}. Amounts you type (budget, downtime cost) are read in {} too. Or price in {} itself: ",
                    crate::engine::format::rate(c.rate), c.currency, c.currency, c.currency
                )}
                <code>{format!(
                    "cargo run --release --bin refresh-prices -- --regions … --currency {} --out pricing/azure-retail-{}.csv",
                    c.currency, c.currency.to_lowercase()
                )}</code>
                " makes a sheet from Microsoft's own prices in that currency, which the Price sheet list then offers."
            </p>
        })
    };
    view! {
        <SelectField label="Figures in" path="commercial.conversion.currency"
            help="Show every figure in another currency, at an exchange rate you type (the Azure Retail Prices API's currencies are listed). The rate and its date are shown with every figure and in every export."
            options=options
            get=|s| s.commercial.conversion.as_ref().map_or(SHEET_OWN.to_string(), |c| c.currency.clone())
            set=|s, v| {
                if v == SHEET_OWN {
                    s.commercial.conversion = None;
                } else {
                    let before = s.commercial.conversion.take();
                    let same = before.as_ref().is_some_and(|b| b.currency == v);
                    s.commercial.conversion = Some(Conversion {
                        currency: v.to_string(),
                        // A rate for another currency would be wrong: none
                        // until the person types one (the field says so).
                        rate: if same { before.as_ref().map_or(0.0, |b| b.rate) } else { 0.0 },
                        as_of: before
                            .map(|b| b.as_of)
                            .filter(|d| !d.is_empty())
                            .unwrap_or_else(super::io::today),
                    });
                }
            } />
        <Show when=move || conversion.with(Option::is_some)>
            <NumberField label="Exchange rate, per 1 unit of the sheet's currency" unit=""
                path="commercial.conversion.rate"
                help="How many units of the chosen currency one unit of the price sheet's currency buys, e.g. 0.92 EUR per USD."
                get=|s| s.commercial.conversion.as_ref().map_or(0.0, |c| c.rate)
                set=|s, v| if let Some(c) = s.commercial.conversion.as_mut() { c.rate = v } />
            <TextField label="Rate taken on" path="commercial.conversion.as_of" max=10
                help="The day of the exchange rate, YYYY-MM-DD: shown as “converted at … on …” with every figure."
                get=|s| s.commercial.conversion.as_ref().map_or(String::new(), |c| c.as_of.clone())
                set=|s, v| if let Some(c) = s.commercial.conversion.as_mut() { c.as_of = v.trim().to_string() } />
            <FieldError path="commercial.conversion.as_of" />
            {rate_note}
        </Show>
    }
}
