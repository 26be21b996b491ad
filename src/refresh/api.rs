//! The Retail Prices API response, as documented: an envelope with `Items`,
//! `NextPageLink` and `Count`, and one item per price.
//!
//! Parsing is lenient about what the planner does not use (unknown fields
//! are ignored, a `null` string reads as empty) and strict about what it
//! does: a missing or non-numeric `retailPrice` stays `None`, never 0.

use serde::{Deserialize, Deserializer};

/// One page of results.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Page {
    #[serde(rename = "BillingCurrency", default, deserialize_with = "text")]
    pub billing_currency: String,
    #[serde(rename = "Items", default)]
    pub items: Vec<Item>,
    /// The next page's URL; `null` (or empty) on the last page.
    #[serde(rename = "NextPageLink", default)]
    pub next_page_link: Option<String>,
    /// Items on this page, as the API counts them.
    #[serde(rename = "Count", default)]
    pub count: Option<u64>,
}

/// One price.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Item {
    #[serde(deserialize_with = "text")]
    pub currency_code: String,
    pub tier_minimum_units: Option<f64>,
    #[serde(deserialize_with = "text")]
    pub reservation_term: String,
    /// Price per `unitOfMeasure` (a reservation's whole-term price).
    pub retail_price: Option<f64>,
    #[serde(deserialize_with = "text")]
    pub arm_region_name: String,
    #[serde(deserialize_with = "text")]
    pub location: String,
    #[serde(deserialize_with = "text")]
    pub effective_start_date: String,
    #[serde(deserialize_with = "text")]
    pub meter_id: String,
    #[serde(deserialize_with = "text")]
    pub meter_name: String,
    #[serde(deserialize_with = "text")]
    pub product_name: String,
    #[serde(deserialize_with = "text")]
    pub sku_name: String,
    #[serde(deserialize_with = "text")]
    pub service_name: String,
    #[serde(deserialize_with = "text")]
    pub unit_of_measure: String,
    /// `Consumption`, `Reservation` or `DevTestConsumption`.
    #[serde(rename = "type", deserialize_with = "text")]
    pub price_type: String,
    pub is_primary_meter_region: Option<bool>,
    #[serde(deserialize_with = "text")]
    pub arm_sku_name: String,
}

/// A string field that may be absent or `null`.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// Parses one response body. The error says what was wrong and shows the
/// start of the body.
pub fn parse_page(body: &str) -> Result<Page, String> {
    serde_json::from_str::<Page>(body).map_err(|e| {
        let start: String = body.chars().take(160).collect();
        format!("the response is not a Retail Prices API page ({e}); it starts “{start}”")
    })
}

impl Page {
    /// The next page's URL, if there is one (an empty string counts as none).
    pub fn next_link(&self) -> Option<&str> {
        self.next_page_link
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }
}
