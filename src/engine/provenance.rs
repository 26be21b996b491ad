//! How much of a tier's cost rests on published prices: each line item's
//! price row has a `confidence` tag (see `pricing/README.md`); `high`, `med`
//! and `low` are published figures (a Microsoft page, a Retail Prices API
//! answer, another tool's recording, a third-party page), `derived` is
//! arithmetic on them and `unverified` (or any other tag) has no published
//! source.

use serde::Serialize;

use super::costs::LineItem;
use super::format;

/// What a price row rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceBasis {
    /// `high`, `med` or `low`: a published figure or an API answer.
    Published,
    /// `derived`: arithmetic on published figures.
    Derived,
    /// `unverified` or any other tag: no published source.
    Unverified,
}

impl PriceBasis {
    /// The basis of a sheet row's `confidence` tag.
    pub fn of(confidence: &str) -> Self {
        // Byte patterns: compared inline, without a call per tag (every
        // line of every tier is classified on each evaluation).
        match confidence.as_bytes() {
            b"high" | b"med" | b"low" => Self::Published,
            b"derived" => Self::Derived,
            _ => Self::Unverified,
        }
    }

    /// The id used in the JSON and the CSV (`published` …).
    pub fn id(self) -> &'static str {
        match self {
            Self::Published => "published",
            Self::Derived => "derived",
            Self::Unverified => "unverified",
        }
    }
}

/// A tier's monthly cost split by what its prices rest on.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PriceConfidence {
    /// Monthly cost priced from published or API figures.
    pub published_monthly: f64,
    /// Monthly cost priced from derived figures.
    pub derived_monthly: f64,
    /// Monthly cost priced from unverified figures.
    pub unverified_monthly: f64,
    /// Shares of the monthly cost (0 to 1; all 0 for a tier that costs nothing).
    pub published_share: f64,
    pub derived_share: f64,
    pub unverified_share: f64,
}

impl PriceConfidence {
    /// Splits line items' monthly costs by their price rows' basis.
    pub fn of(items: &[LineItem]) -> Self {
        let mut c = Self::default();
        for li in items {
            match PriceBasis::of(&li.price.confidence) {
                PriceBasis::Published => c.published_monthly += li.monthly,
                PriceBasis::Derived => c.derived_monthly += li.monthly,
                PriceBasis::Unverified => c.unverified_monthly += li.monthly,
            }
        }
        let total = c.published_monthly + c.derived_monthly + c.unverified_monthly;
        if total > 0.0 {
            c.published_share = c.published_monthly / total;
            c.derived_share = c.derived_monthly / total;
            c.unverified_share = c.unverified_monthly / total;
        }
        c
    }

    /// In words: "62% of this tier's cost rests on published or API prices,
    /// 30% on derived and 8% on unverified ones".
    pub fn summary(&self) -> String {
        format!(
            "{} of this tier's cost rests on published or API prices, {} on derived and {} on unverified ones",
            format::percent(self.published_share, 0),
            format::percent(self.derived_share, 0),
            format::percent(self.unverified_share, 0)
        )
    }
}
