//! Figures in another currency at a rate the user types (issue 16): every
//! price is converted before pricing, so every line item, total, export and
//! share link says the same thing, and the rate and its date go with them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::format;
use planner::engine::plan;
use planner::engine::presets;
use planner::engine::report;
use planner::engine::scenario::{Conversion, Scenario};
use planner::engine::share;
use std::borrow::Cow;

fn eur(rate: f64) -> Conversion {
    Conversion {
        currency: "EUR".into(),
        rate,
        as_of: "2026-12-02".into(),
    }
}

fn northwind_in(c: Option<Conversion>) -> Scenario {
    let mut s = presets::preset("northwind").unwrap();
    s.commercial.conversion = c;
    s
}

#[test]
fn every_line_item_and_total_is_the_sheet_price_times_the_rate() {
    let usd = plan::evaluate(&northwind_in(None), sheet(), regions()).unwrap();
    let eur = plan::evaluate(&northwind_in(Some(eur(0.92))), sheet(), regions()).unwrap();
    assert_eq!(usd.currency, "USD");
    assert_eq!(eur.currency, "EUR");
    let from = eur
        .converted_from
        .as_ref()
        .expect("the plan says it was converted");
    assert_eq!(
        (from.currency.as_str(), from.rate, from.as_of.as_str()),
        ("USD", 0.92, "2026-12-02")
    );
    assert!(usd.converted_from.is_none());
    for (u, e) in usd.tiers.iter().zip(&eur.tiers) {
        assert!(
            close(e.cost.monthly, u.cost.monthly * 0.92, 1e-9),
            "{:?}",
            u.cost.tier
        );
        assert!(close(e.cost.annual, u.cost.annual * 0.92, 1e-9));
        assert_eq!(u.cost.line_items.len(), e.cost.line_items.len());
        for (lu, le) in u.cost.line_items.iter().zip(&e.cost.line_items) {
            // Same meter, same quantity (tiered Front Door bands included),
            // price and cost scaled by the rate.
            assert_eq!(lu.price.meter_name, le.price.meter_name);
            assert!(close(le.quantity, lu.quantity, 1e-12));
            assert!(close(le.unit_price, lu.unit_price * 0.92, 1e-9));
            assert!(
                close(le.monthly, lu.monthly * 0.92, 1e-9),
                "{}",
                lu.price.meter_name
            );
            assert_eq!(le.price.currency_code, "EUR");
        }
        // Ratios do not depend on the currency.
        assert!(close(e.cost_ratio, u.cost_ratio, 1e-12));
    }
    // Shown whole: the euro figure is the dollar figure × 0.92, rounded once.
    let single = eur.tiers[0].cost.monthly;
    assert_eq!(
        format::money_whole(single, "EUR"),
        format::money_whole(usd.tiers[0].cost.monthly * 0.92, "EUR")
    );
    assert!(format::money_whole(single, "EUR").starts_with('€'));
}

/// A budget typed while figures show in EUR is a EUR budget.
#[test]
fn the_budget_is_judged_in_the_currency_shown() {
    let usd = plan::evaluate(&northwind_in(None), sheet(), regions()).unwrap();
    let multi = usd.tiers[3].cost.monthly;
    // A budget just above the USD figure but below the same figure in GBP at 1.5.
    let mut s = northwind_in(Some(Conversion {
        currency: "GBP".into(),
        rate: 1.5,
        as_of: "2026-12-02".into(),
    }));
    s.targets.monthly_budget = multi * 1.1;
    let p = plan::evaluate(&s, sheet(), regions()).unwrap();
    assert!(
        p.tiers[3]
            .failed_targets
            .iter()
            .any(|f| f.target == "budget"),
        "{:?}",
        p.tiers[3].failed_targets
    );
    s.commercial.conversion = None;
    let p = plan::evaluate(&s, sheet(), regions()).unwrap();
    assert!(!p.tiers[3]
        .failed_targets
        .iter()
        .any(|f| f.target == "budget"));
}

#[test]
fn a_bad_rate_code_or_date_is_named_in_the_units_typed() {
    let mut s = northwind_in(Some(Conversion {
        currency: "eur".into(),
        rate: 0.0,
        as_of: "2026-02-30".into(),
    }));
    let Err(plan::PlanError::Invalid(errors)) = plan::evaluate(&s, sheet(), regions()) else {
        panic!("a zero rate must be refused");
    };
    let msg = |f: &str| {
        errors
            .iter()
            .find(|e| e.field == f)
            .map(|e| e.message.clone())
            .unwrap_or_default()
    };
    assert!(
        msg("commercial.conversion.currency").contains("three-letter"),
        "{errors:?}"
    );
    assert!(
        msg("commercial.conversion.rate").contains("must be more than 0 eur per unit"),
        "{errors:?}"
    );
    assert!(
        msg("commercial.conversion.as_of").contains("2026-02-30"),
        "{errors:?}"
    );
    s.commercial.conversion = Some(Conversion {
        currency: "EUR".into(),
        rate: 0.9,
        as_of: String::new(),
    });
    let Err(plan::PlanError::Invalid(errors)) = plan::evaluate(&s, sheet(), regions()) else {
        panic!("a rate without its date must be refused");
    };
    assert!(errors[0].message.contains("which day"), "{errors:?}");
}

#[test]
fn a_sheet_already_converted_is_borrowed_not_converted_again() {
    let s = northwind_in(Some(eur(0.92)));
    let converted = sheet().converted(&eur(0.92));
    assert!(matches!(converted.for_scenario(&s), Cow::Borrowed(_)));
    assert!(matches!(sheet().for_scenario(&s), Cow::Owned(_)));
    assert!(matches!(
        sheet().for_scenario(&northwind_in(None)),
        Cow::Borrowed(_)
    ));
    // Another rate: converted from scratch again? No: converting a converted
    // sheet would compound, so the page converts the sheet as loaded.
    assert_eq!(
        converted.fingerprint,
        sheet().fingerprint,
        "the fingerprint names the published prices"
    );
    assert_eq!(converted.name, sheet().name);
}

#[test]
fn json_and_csv_exports_carry_the_rate_and_its_date() {
    let s = northwind_in(Some(eur(0.92)));
    let p = plan::evaluate(&s, sheet(), regions()).unwrap();
    let json =
        serde_json::to_value(report::plan_report(&s, &p, &[], Vec::new(), Vec::new())).unwrap();
    assert_eq!(json["currency"], "EUR");
    assert_eq!(json["converted_from"]["currency"], "USD");
    assert_eq!(json["converted_from"]["rate"], 0.92);
    assert_eq!(json["converted_from"]["as_of"], "2026-12-02");
    let words = report::line_words(&s, sheet(), regions(), &p);
    let csv = report::line_items_csv(
        &p,
        &words,
        &report::CsvMeta {
            scenario: "n",
            sheet_fingerprint: "f",
            exported_on: "2026-12-02",
        },
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[col("currency")], "EUR");
    assert_eq!(&first[col("converted_from")], "USD");
    assert_eq!(&first[col("exchange_rate")], "0.92");
    assert_eq!(&first[col("rate_as_of")], "2026-12-02");
    // Without a conversion those columns are empty and the JSON says null.
    let q = plan::evaluate(&northwind_in(None), sheet(), regions()).unwrap();
    let json =
        serde_json::to_value(report::plan_report(&s, &q, &[], Vec::new(), Vec::new())).unwrap();
    assert!(json["converted_from"].is_null());
}

#[test]
fn the_rate_travels_in_share_links_and_old_links_open_without_one() {
    let s = northwind_in(Some(eur(0.92)));
    let back = share::decode(&share::encode(&s)).unwrap();
    assert_eq!(back.commercial.conversion, Some(eur(0.92)));
    let json = share::to_json(&s);
    assert_eq!(
        share::from_json(&json).unwrap().commercial.conversion,
        Some(eur(0.92))
    );
    // A scenario file written before the rate existed has no conversion.
    let old = r#"{"name":"old","commercial":{"discount_pct":10,"reservation":"none","hours_per_month":730}}"#;
    assert_eq!(share::from_json(old).unwrap().commercial.conversion, None);
}

#[test]
fn rates_are_written_without_float_noise() {
    assert_eq!(format::rate(0.92), "0.92");
    assert_eq!(format::rate(151.234), "151.234");
    assert_eq!(format::rate(0.006412), "0.006412");
    assert_eq!(format::rate(1.0), "1");
    assert_eq!(format::rate(0.1 + 0.2), "0.3");
}

/// The tornado, the decision ranges and the cost ranges speak the same
/// currency as the comparison.
#[test]
fn sensitivity_and_ranges_are_in_the_currency_shown() {
    use planner::engine::sensitivity;
    let usd_s = northwind_in(None);
    let eur_s = northwind_in(Some(eur(0.5)));
    let usd = sensitivity::outcome_with(&usd_s, sheet(), regions(), false).unwrap();
    let eur = sensitivity::outcome_with(&eur_s, sheet(), regions(), false).unwrap();
    for i in 0..4 {
        assert!(
            close(eur.monthly[i], usd.monthly[i] * 0.5, 1e-9),
            "tier {i}"
        );
    }
    let p = plan::evaluate(&eur_s, sheet(), regions()).unwrap();
    let mut doc = report::plan_report(&eur_s, &p, &[], Vec::new(), Vec::new());
    report::attach_robustness(&mut doc, &eur_s, sheet(), regions(), &p).unwrap();
    let json = serde_json::to_value(&doc).unwrap();
    let base = json["tiers"][3]["sensitivity"][0]["monthly_base"]
        .as_f64()
        .unwrap();
    assert!(
        base < usd.monthly[3] * 0.6,
        "the tornado's base is in EUR: {base}"
    );
}
