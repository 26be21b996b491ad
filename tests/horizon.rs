//! Cost over 1, 3 and 5 years with reservation terms that fit the horizon
//! (`engine::horizon`), checked by hand against single-term evaluations.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use planner::engine::horizon::multi_year;
use planner::engine::presets;
use planner::engine::pricing::ReservationTerm;
use planner::engine::tiers::{price_tier, TierId};

fn monthly(s: &planner::engine::Scenario, term: ReservationTerm, tier: TierId) -> f64 {
    let mut s = s.clone();
    s.commercial.reservation = term;
    price_tier(tier, &s, sheet(), regions()).unwrap().monthly
}

#[test]
fn pay_as_you_go_costs_the_same_every_year() {
    let s = presets::preset("northwind").unwrap();
    assert_eq!(s.commercial.reservation, ReservationTerm::None);
    let years = multi_year(&s, &evaluate(&s), sheet(), regions()).unwrap();
    assert_eq!(years.len(), 4);
    for y in &years {
        let m = monthly(&s, ReservationTerm::None, y.tier);
        assert!((y.years_1 - 12.0 * m).abs() < 1e-6);
        assert!((y.years_3 - 36.0 * m).abs() < 1e-6);
        assert!((y.years_5 - 60.0 * m).abs() < 1e-6);
    }
}

#[test]
fn reserved_horizons_use_the_term_that_fits() {
    // Enterprise buys 1-year reservations. 1 year = 12 × the 1-year monthly;
    // 3 years = 36 × the 3-year monthly; 5 years = 36 × 3-year + 24 × 1-year.
    let s = presets::preset("enterprise").unwrap();
    assert_eq!(s.commercial.reservation, ReservationTerm::OneYear);
    let years = multi_year(&s, &evaluate(&s), sheet(), regions()).unwrap();
    for y in &years {
        let m1 = monthly(&s, ReservationTerm::OneYear, y.tier);
        let m3 = monthly(&s, ReservationTerm::ThreeYears, y.tier);
        assert!(m3 < m1, "{:?}: a 3-year term is cheaper a month", y.tier);
        assert!((y.years_1 - 12.0 * m1).abs() < 1e-6);
        assert!((y.years_3 - 36.0 * m3).abs() < 1e-6);
        assert!((y.years_5 - (36.0 * m3 + 24.0 * m1)).abs() < 1e-6);
        assert!(
            y.years_3 < 3.0 * y.years_1,
            "three years cost less than three one-year terms"
        );
        assert!(y.terms.contains("3-year term, then two 1-year terms"));
    }
}
