//! Commercial terms: the negotiated discount, reservations, hours in the
//! billing month and an optional currency conversion.

use serde::{Deserialize, Serialize};

use crate::engine::pricing::ReservationTerm;

/// Commercial terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commercial {
    /// Negotiated discount off every line (EA/MCA), percent.
    pub discount_pct: f64,
    /// Reservation for compute (App Service, VMs) and Cosmos DB throughput:
    /// manual RU/s whole; autoscaled compute and autoscale RU/s on their
    /// floor (the rest pay-as-you-go).
    pub reservation: ReservationTerm,
    /// Hours billed per month (730 is Azure's and infracost's convention).
    pub hours_per_month: f64,
    /// Figures shown in another currency than the price sheet's, at an
    /// exchange rate the person types (None: the sheet's own currency).
    pub conversion: Option<Conversion>,
}

/// An exchange rate the person types to see every figure in another
/// currency than the price sheet's: every unit price is multiplied by
/// `rate` before anything is priced, so line items, totals, unit prices in
/// the working and exports are all in `currency`. Amounts the person types
/// (budget, downtime cost, credits) are read in `currency` too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Conversion {
    /// Three-letter ISO 4217 code the figures are shown in, e.g. `EUR`.
    pub currency: String,
    /// Units of `currency` for one unit of the sheet's currency
    /// (e.g. 0.92 EUR per USD).
    pub rate: f64,
    /// The day the rate was taken, `YYYY-MM-DD`: shown with every figure
    /// ("converted at 0.92 EUR per USD on 2026-12-02").
    pub as_of: String,
}

impl Default for Conversion {
    fn default() -> Self {
        Self {
            currency: "EUR".into(),
            rate: 1.0,
            as_of: String::new(),
        }
    }
}

impl Default for Commercial {
    fn default() -> Self {
        Self {
            discount_pct: 0.0,
            reservation: ReservationTerm::None,
            hours_per_month: 730.0,
            conversion: None,
        }
    }
}
