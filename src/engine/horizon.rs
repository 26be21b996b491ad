//! Cost over several years, with reservation terms that fit the horizon.
//!
//! A business case is read over 1, 3 or 5 years. When the scenario buys
//! reservations, each horizon uses the term that fits it: 1 year on the
//! 1-year term; 3 years on the 3-year term; 5 years as one 3-year term
//! followed by two 1-year terms (a reservation cannot outlast the horizon
//! it is bought for, and Azure sells terms of 1 and 3 years only:
//! <https://learn.microsoft.com/azure/cost-management-billing/reservations/save-compute-costs-reservations>).
//! Pay-as-you-go scenarios cost the same each year. Prices are today's
//! sheet: no inflation or price change is assumed.

use serde::Serialize;

use super::plan::Plan;
use super::pricing::{PriceSheet, ReservationTerm};
use super::regions::RegionTable;
use super::scenario::Scenario;
use super::tiers::{self, TierId};

/// One tier's cost over each horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MultiYear {
    pub tier: TierId,
    /// 12 × the monthly cost at the 1-year term (or pay as you go).
    pub years_1: f64,
    /// 36 × the monthly cost at the 3-year term (or pay as you go).
    pub years_3: f64,
    /// 36 × the monthly cost at the 3-year term + 24 × at the 1-year term.
    pub years_5: f64,
    /// How the reservations were laid over the horizons, in words.
    pub terms: &'static str,
}

/// Every tier's monthly cost with the reservation set to `term`: the
/// plan's own figures when that is the scenario's term (nothing re-priced),
/// else each tier priced again at that term.
fn monthly_at(
    s: &Scenario,
    plan: &Plan,
    term: ReservationTerm,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Option<Vec<(TierId, f64)>> {
    if term == s.commercial.reservation {
        return Some(
            plan.tiers
                .iter()
                .map(|t| (t.cost.tier, t.cost.monthly))
                .collect(),
        );
    }
    let mut s = s.clone();
    s.commercial.reservation = term;
    let memo = crate::engine::pricing::LookupMemo::new(sheet);
    plan.tiers
        .iter()
        .map(|t| {
            tiers::price_tier_sharing(t.cost.tier, &s, &memo, regions)
                .ok()
                .map(|c| (t.cost.tier, c.monthly))
        })
        .collect()
}

/// The four tiers over 1, 3 and 5 years, from `plan` (the scenario
/// evaluated at its own reservation term) and, when reservations are
/// bought, the other term priced once. None when a price the other term
/// needs is missing: the sheet names it when that term is chosen.
pub fn multi_year(
    s: &Scenario,
    plan: &Plan,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Option<Vec<MultiYear>> {
    if s.commercial.reservation == ReservationTerm::None {
        let monthly = monthly_at(s, plan, ReservationTerm::None, sheet, regions)?;
        return Some(
            monthly
                .into_iter()
                .map(|(tier, m)| MultiYear {
                    tier,
                    years_1: 12.0 * m,
                    years_3: 36.0 * m,
                    years_5: 60.0 * m,
                    terms: "pay as you go every year",
                })
                .collect(),
        );
    }
    let one = monthly_at(s, plan, ReservationTerm::OneYear, sheet, regions)?;
    let three = monthly_at(s, plan, ReservationTerm::ThreeYears, sheet, regions)?;
    Some(
        one.into_iter()
            .zip(three)
            .map(|((tier, m1), (_, m3))| MultiYear {
                tier,
                years_1: 12.0 * m1,
                years_3: 36.0 * m3,
                years_5: 36.0 * m3 + 24.0 * m1,
                terms: "1 year: a 1-year term; 3 years: a 3-year term; 5 years: a 3-year term, then two 1-year terms",
            })
            .collect(),
    )
}
