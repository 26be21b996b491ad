//! The shipped price data and the sheet parser: every sheet in `pricing/`
//! parses and prices every preset in every listed region, with every option
//! the engine has a meter for; bad sheets are rejected with the file, line
//! and column; forgiven quirks (BOM, blank lines) are accepted; arbitrary
//! text never panics the parser.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

mod common;

use common::*;
use planner::engine::plan::{self, PlanError};
use planner::engine::presets;
use planner::engine::pricing::{
    tier_bands, tiered_list_cost, Meter, MeterKey, PriceSheet, PriceType, ReservationTerm,
    SheetError, UnitOfMeasure, PRICE_SHEET_COLUMNS,
};
use planner::engine::regions::RegionTable;
use planner::engine::scenario::{
    AksTier, AppServiceSku, CosmosMode, FrontDoorTier, NodeSize, Os, RedisSku, RegionShare,
    Scenario, SqlTier,
};
use planner::engine::tiers::{self, TierId};
use proptest::prelude::*;
use std::path::PathBuf;

fn pricing_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("pricing")
}

/// Every price sheet shipped in `pricing/` (every `.csv` but `regions.csv`).
fn shipped_sheets() -> Vec<PriceSheet> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(pricing_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.extension().and_then(|e| e.to_str()) != Some("csv") || name == "regions.csv" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let sheet = PriceSheet::parse(&name, &text).unwrap_or_else(|e| panic!("{e}"));
        out.push(sheet);
    }
    assert!(
        !out.is_empty(),
        "no price sheet in {}",
        pricing_dir().display()
    );
    out
}

fn shipped_regions() -> RegionTable {
    let text = std::fs::read_to_string(pricing_dir().join("regions.csv")).unwrap();
    RegionTable::parse("regions.csv", &text).unwrap_or_else(|e| panic!("{e}"))
}

// ---------------------------------------------------------------- shipped data

#[test]
fn every_shipped_sheet_parses_with_one_currency() {
    for sheet in shipped_sheets() {
        assert_eq!(sheet.currency.len(), 3, "{}", sheet.name);
        assert!(sheet.rows.iter().all(|r| r.currency_code == sheet.currency));
        assert!(sheet
            .rows
            .iter()
            .all(|r| r.retail_price >= 0.0 && r.retail_price.is_finite()));
        assert!(sheet.oldest_effective_date().is_some());
        assert!(sheet.oldest_effective_date() <= sheet.newest_effective_date());
    }
}

#[test]
fn the_compiled_in_sheet_and_regions_match_the_files() {
    let file = std::fs::read_to_string(pricing_dir().join(presets::DEFAULT_SHEET_NAME)).unwrap();
    assert_eq!(file, presets::DEFAULT_SHEET_CSV);
    let regions_file = std::fs::read_to_string(pricing_dir().join("regions.csv")).unwrap();
    assert_eq!(regions_file, presets::REGIONS_CSV);
    assert_eq!(&shipped_regions(), regions());
}

#[test]
fn regions_csv_lists_every_public_region_with_its_facts() {
    // MS Learn reliability/regions-list.md (ms.date 2025-09-23): 55 regions
    // (Denmark East, "coming soon", left out).
    let table = shipped_regions();
    assert_eq!(table.regions.len(), 55);
    for r in &table.regions {
        let name = &r.arm_region_name;
        assert!(
            !r.display_name.is_empty() && !r.geography.is_empty(),
            "{name}"
        );
        assert!(
            ["Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5"]
                .contains(&r.front_door_zone.as_str()),
            "{name}"
        );
        assert!(
            [
                "North America",
                "South America",
                "Europe",
                "Asia",
                "Oceania",
                "Middle East",
                "Africa"
            ]
            .contains(&r.bandwidth_zone.as_str()),
            "{name}: {}",
            r.bandwidth_zone
        );
        assert!(r.latitude.abs() <= 90.0 && r.longitude.abs() <= 180.0);
    }
    for (name, az, geo, paired) in [
        ("brazilsouth", true, "Brazil", "southcentralus"),
        ("westus", false, "United States", "eastus"),
        ("polandcentral", true, "Poland", ""),
        ("uaecentral", false, "UAE", "uaenorth"),
    ] {
        let r = table.get(name).unwrap();
        assert_eq!(
            (
                r.availability_zones,
                r.geography.as_str(),
                r.paired_region.as_str()
            ),
            (az, geo, paired),
            "{name}"
        );
    }
    let groups = table.by_geography();
    assert!(
        groups.windows(2).all(|w| w[0].0 < w[1].0),
        "geographies sorted"
    );
    assert_eq!(
        groups.iter().map(|(_, l)| l.len()).sum::<usize>(),
        table.regions.len()
    );
    for name in [
        "westeurope",
        "northeurope",
        "southeastasia",
        "eastus",
        "westus2",
        "australiaeast",
        "japaneast",
    ] {
        let r = table.get(name).unwrap_or_else(|| panic!("{name} missing"));
        assert!(r.front_door_zone.starts_with("Zone "));
        assert!(!r.continent.is_empty());
    }
}

/// The regions a sheet has prices for (the shipped sheet: the seven the
/// presets use); every other region of the table works except pricing.
fn priced_regions<'t>(
    table: &'t RegionTable,
    sheet: &PriceSheet,
) -> Vec<&'t planner::engine::regions::Region> {
    table
        .regions
        .iter()
        .filter(|r| sheet.has_region(&r.arm_region_name))
        .collect()
}

#[test]
fn every_shipped_sheet_has_rows_for_every_preset_region() {
    let table = shipped_regions();
    for sheet in shipped_sheets() {
        let priced = sheet.regions();
        for name in [
            "westeurope",
            "northeurope",
            "southeastasia",
            "eastus",
            "westus2",
            "australiaeast",
            "japaneast",
        ] {
            assert!(
                priced.contains(&name.to_string()),
                "{} has no rows for {name}",
                sheet.name
            );
        }
        // Every zone a priced region uses has Front Door rows.
        for r in priced_regions(&table, &sheet) {
            assert!(
                sheet
                    .rows
                    .iter()
                    .any(|row| row.arm_region_name == r.front_door_zone),
                "{} has no Front Door rows for {}",
                sheet.name,
                r.front_door_zone
            );
        }
    }
}

fn with_regions(s: &Scenario, names: &[String]) -> Scenario {
    let mut out = s.clone();
    let old: Vec<f64> = s.regions.iter().map(|r| r.traffic_share).collect();
    out.regions = names
        .iter()
        .zip(old)
        .map(|(n, share)| RegionShare {
            region: n.clone(),
            traffic_share: share,
        })
        .collect();
    out
}

fn evaluate_with(sheet: &PriceSheet, s: &Scenario) -> Result<(), String> {
    match plan::evaluate(s, sheet, regions()) {
        Ok(_) => Ok(()),
        Err(PlanError::Invalid(e)) => panic!("invalid test scenario: {e:?}"),
        Err(e) => Err(e.to_string()),
    }
}

#[test]
fn every_preset_prices_with_every_priced_region_substituted_in() {
    let mut failures = Vec::new();
    for sheet in shipped_sheets() {
        let names: Vec<String> = priced_regions(regions(), &sheet)
            .iter()
            .map(|r| r.arm_region_name.clone())
            .collect();
        for (id, _, _) in presets::PRESETS {
            let s = presets::preset(id).unwrap();
            evaluate_with(&sheet, &s).unwrap();
            for i in 0..s.regions.len() {
                for r in &names {
                    if s.regions.iter().any(|x| &x.region == r) {
                        continue;
                    }
                    let mut list: Vec<String> =
                        s.regions.iter().map(|x| x.region.clone()).collect();
                    list[i] = r.clone();
                    if let Err(e) = evaluate_with(&sheet, &with_regions(&s, &list)) {
                        failures.push(format!("{} / {id} with {r} at {i}: {e}", sheet.name));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One scenario per option the engine has a meter for.
fn option_variants() -> Vec<(String, Scenario)> {
    let mut out = Vec::new();
    let mut base = Scenario::default();
    base.compute.aks.enabled = true;
    base.data.sql.enabled = true;
    base.edge.traffic_manager = true;
    for term in [
        ReservationTerm::None,
        ReservationTerm::OneYear,
        ReservationTerm::ThreeYears,
    ] {
        for sku in AppServiceSku::ALL {
            for os in [Os::Linux, Os::Windows] {
                let mut s = base.clone();
                s.commercial.reservation = term;
                s.compute.app_service.sku = sku;
                s.compute.app_service.os = os;
                s.data.cosmos_mode = CosmosMode::Provisioned;
                out.push((format!("{term:?} {sku:?} {os:?}"), s));
            }
        }
        for node in NodeSize::ALL {
            let mut s = base.clone();
            s.commercial.reservation = term;
            s.compute.aks.node_size = node;
            out.push((format!("{term:?} {node:?}"), s));
        }
    }
    for tier in [AksTier::Free, AksTier::Standard, AksTier::Premium] {
        let mut s = base.clone();
        s.compute.aks.tier = tier;
        out.push((format!("{tier:?}"), s));
    }
    for redis in [
        RedisSku::StandardC1,
        RedisSku::StandardC3,
        RedisSku::PremiumP1,
    ] {
        let mut s = base.clone();
        s.platform.redis = redis;
        out.push((format!("{redis:?}"), s));
    }
    for (sql, zones) in [
        (SqlTier::GeneralPurpose, true),
        (SqlTier::GeneralPurpose, false),
        (SqlTier::BusinessCritical, true),
    ] {
        let mut s = base.clone();
        s.data.sql.tier = sql;
        s.data.sql.zone_redundant = zones;
        out.push((format!("{sql:?} zones {zones}"), s));
    }
    for mode in [
        CosmosMode::Provisioned,
        CosmosMode::Autoscale,
        CosmosMode::Serverless,
    ] {
        let mut s = base.clone();
        s.data.cosmos_mode = mode;
        out.push((format!("{mode:?}"), s));
    }
    let mut s = base.clone();
    s.edge.front_door_tier = FrontDoorTier::Standard;
    out.push(("Front Door Standard".into(), s));
    out
}

#[test]
fn every_meter_the_engine_uses_is_priced_in_every_listed_region() {
    // Every priced region as primary and as secondary, paired with a region
    // in another bandwidth zone (so both bandwidth meters are used), with
    // every option.
    let table = regions();
    let mut failures = Vec::new();
    for sheet in shipped_sheets() {
        let priced = priced_regions(table, &sheet);
        for region in priced.iter().copied() {
            let other = priced
                .iter()
                .find(|r| r.bandwidth_zone != region.bandwidth_zone)
                .unwrap();
            let near = priced.iter().find(|r| {
                r.bandwidth_zone == region.bandwidth_zone
                    && r.arm_region_name != region.arm_region_name
            });
            let mut pairs = vec![
                vec![
                    region.arm_region_name.clone(),
                    other.arm_region_name.clone(),
                ],
                vec![
                    other.arm_region_name.clone(),
                    region.arm_region_name.clone(),
                ],
            ];
            if let Some(near) = near {
                pairs.push(vec![
                    region.arm_region_name.clone(),
                    near.arm_region_name.clone(),
                ]);
            }
            for (label, s) in option_variants() {
                for pair in &pairs {
                    let v = with_regions(&s, pair);
                    for tier in TierId::ALL {
                        if let Err(missing) = tiers::price_tier(tier, &v, &sheet, table) {
                            for m in missing {
                                let line = format!("{}: {m} [{label}]", sheet.name);
                                if !failures.contains(&line) {
                                    failures.push(line);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_region_missing_a_price_is_an_error_naming_meter_and_region_never_zero() {
    // Drop the Linux P1v3 consumption row for Southeast Asia.
    let text: String = presets::DEFAULT_SHEET_CSV
        .lines()
        .filter(|l| {
            !(l.starts_with("Azure App Service,Azure App Service Premium v3 Plan - Linux,P1 v3,")
                && l.contains(",southeastasia,")
                && l.contains(",Consumption,"))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let sheet = PriceSheet::parse("gappy.csv", &text).unwrap();
    let s = Scenario::default(); // West Europe + Southeast Asia, P1v3 Linux
    match plan::evaluate(&s, &sheet, regions()) {
        Err(PlanError::MissingPrices(m)) => {
            assert!(!m.is_empty());
            let text = m
                .iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("; ");
            assert!(text.contains("P1 v3 App"), "{text}");
            assert!(text.contains("southeastasia"), "{text}");
            assert!(text.contains("gappy.csv"), "{text}");
            assert!(m.iter().all(|x| x.region == "southeastasia"));
        }
        other => panic!("expected missing prices, got {other:?}"),
    }
    // Single region in West Europe alone still prices.
    assert!(tiers::price_tier(TierId::SingleRegion, &s, &sheet, regions()).is_ok());
}

// ---------------------------------------------------------------- bad sheets

fn header() -> String {
    PRICE_SHEET_COLUMNS.join(",")
}

const ROW_A: &str = "Key Vault,Key Vault,Standard,Operations,,westeurope,10K,0.03,USD,Consumption,,0,2024-01-01,high,test row";
const ROW_B: &str = "Key Vault,Key Vault,Standard,Operations,,northeurope,10K,0.03,USD,Consumption,,0,2024-01-01,high,test row";
const ROW_C: &str = "Key Vault,Key Vault,Standard,Operations,,eastus,10K,0.03,USD,Consumption,,0,2024-01-01,high,test row";

fn sheet_of(rows: &[&str]) -> String {
    let mut text = header();
    for r in rows {
        text.push('\n');
        text.push_str(r);
    }
    text.push('\n');
    text
}

fn replace_field(row: &str, index: usize, value: &str) -> String {
    let mut fields: Vec<String> = row.split(',').map(str::to_string).collect();
    fields[index] = value.to_string();
    fields.join(",")
}

fn col(name: &str) -> usize {
    PRICE_SHEET_COLUMNS.iter().position(|c| *c == name).unwrap()
}

#[track_caller]
fn expect_error(text: &str, line: usize, column: Option<&str>) -> SheetError {
    let e = PriceSheet::parse("bad.csv", text).expect_err("the sheet should be rejected");
    assert_eq!(e.file, "bad.csv");
    assert_eq!(e.line, line, "{e}");
    assert_eq!(e.column.as_deref(), column, "{e}");
    let shown = e.to_string();
    assert!(shown.starts_with("bad.csv, line "), "{shown}");
    assert!(shown.contains(&format!("line {line}")), "{shown}");
    if let Some(c) = column {
        assert!(shown.contains(c), "{shown}");
    }
    e
}

#[test]
fn a_clean_small_sheet_parses() {
    let s = PriceSheet::parse("ok.csv", &sheet_of(&[ROW_A, ROW_B])).unwrap();
    assert_eq!(s.rows.len(), 2);
    assert_eq!(s.currency, "USD");
    assert_eq!(s.rows[0].unit_of_measure, UnitOfMeasure::TenThousand);
    assert_eq!(s.rows[0].price_type, PriceType::Consumption);
    assert_eq!(s.rows[0].line, 2);
    assert_eq!(s.rows[1].line, 3);
}

#[test]
fn a_missing_column_names_it_on_line_1() {
    let text = sheet_of(&[ROW_A]).replacen(",currency_code", "", 1);
    let e = expect_error(&text, 1, Some("currency_code"));
    assert!(e.message.contains("missing"), "{e}");
}

#[test]
fn a_misplaced_column_is_named_with_the_expected_order() {
    let text = sheet_of(&[ROW_A]).replacen(
        "retail_price,currency_code",
        "currency_code,retail_price",
        1,
    );
    let e = expect_error(&text, 1, Some("retail_price"));
    assert!(e.message.contains("order"), "{e}");
}

#[test]
fn a_non_numeric_price_names_line_and_column() {
    let bad = replace_field(ROW_B, col("retail_price"), "twelve");
    let e = expect_error(&sheet_of(&[ROW_A, &bad]), 3, Some("retail_price"));
    assert!(e.message.contains("twelve"), "{e}");
    // Not finite is not a price either.
    let nan = replace_field(ROW_A, col("retail_price"), "NaN");
    expect_error(&sheet_of(&[&nan]), 2, Some("retail_price"));
    let inf = replace_field(ROW_A, col("retail_price"), "inf");
    expect_error(&sheet_of(&[&inf]), 2, Some("retail_price"));
}

#[test]
fn a_negative_price_is_rejected() {
    let bad = replace_field(ROW_A, col("retail_price"), "-0.5");
    let e = expect_error(&sheet_of(&[&bad]), 2, Some("retail_price"));
    assert!(e.message.contains("negative"), "{e}");
}

#[test]
fn an_unknown_unit_names_the_known_ones() {
    let bad = replace_field(ROW_C, col("unit_of_measure"), "1 Week");
    let e = expect_error(&sheet_of(&[ROW_A, ROW_B, &bad]), 4, Some("unit_of_measure"));
    assert!(
        e.message.contains("1 Week") && e.message.contains("1 Hour"),
        "{e}"
    );
}

#[test]
fn a_duplicate_meter_points_at_the_first_line() {
    let e = expect_error(&sheet_of(&[ROW_A, ROW_B, ROW_A]), 4, Some("meter_name"));
    assert!(e.message.contains("duplicate"), "{e}");
    assert!(e.message.contains("line 2"), "{e}");
}

#[test]
fn a_tiered_meter_is_not_a_duplicate() {
    let tier2 = replace_field(ROW_A, col("tier_minimum_units"), "25000");
    let s = PriceSheet::parse("tiers.csv", &sheet_of(&[ROW_A, &tier2])).unwrap();
    assert_eq!(s.rows.len(), 2);
}

const KEY_VAULT_OPS: MeterKey = MeterKey {
    service: "Key Vault",
    product: "Key Vault",
    sku: "Standard",
    meter: "Operations",
};

/// ROW_A's meter with a tier from `from` units at `price`.
fn tier_of_a(from: &str, price: &str) -> String {
    let row = replace_field(ROW_A, col("tier_minimum_units"), from);
    replace_field(&row, col("retail_price"), price)
}

#[test]
fn a_tiered_meter_keeps_its_tiers_in_order_wherever_they_are_in_the_file() {
    let (t3, t2) = (tier_of_a("50000", "0.01"), tier_of_a("25000", "0.02"));
    let s = PriceSheet::parse("tiers.csv", &sheet_of(&[&t3, ROW_B, &t2, ROW_A])).unwrap();
    let (first, higher) = s
        .lookup_tiered(
            &Meter::new(KEY_VAULT_OPS),
            "westeurope",
            ReservationTerm::None,
        )
        .unwrap();
    assert_eq!(first.line, 5);
    let from: Vec<f64> = higher.iter().map(|t| t.tier_minimum_units).collect();
    assert_eq!(from, [25_000.0, 50_000.0]);
    // The other region's meter has one price.
    let (_, none) = s
        .lookup_tiered(
            &Meter::new(KEY_VAULT_OPS),
            "northeurope",
            ReservationTerm::None,
        )
        .unwrap();
    assert!(none.is_empty());
}

#[test]
fn a_tier_without_its_first_tier_is_rejected() {
    let e = expect_error(
        &sheet_of(&[ROW_B, &tier_of_a("25000", "0.02")]),
        3,
        Some("tier_minimum_units"),
    );
    assert!(e.message.contains("no first tier"), "{e}");
}

#[test]
fn a_tier_listed_twice_points_at_the_first() {
    let t2 = tier_of_a("25000", "0.02");
    let e = expect_error(&sheet_of(&[ROW_A, &t2, &t2]), 4, Some("tier_minimum_units"));
    assert!(
        e.message.contains("duplicate tier") && e.message.contains("line 3"),
        "{e}"
    );
}

#[test]
fn a_tiered_cost_counts_each_tier_for_the_units_in_it() {
    // $0.03 for the first 25,000 units, $0.02 from 25,000, $0.01 from 50,000.
    let (t2, t3) = (tier_of_a("25000", "0.02"), tier_of_a("50000", "0.01"));
    let s = PriceSheet::parse("tiers.csv", &sheet_of(&[ROW_A, &t2, &t3])).unwrap();
    let (first, higher) = s
        .lookup_tiered(
            &Meter::new(KEY_VAULT_OPS),
            "westeurope",
            ReservationTerm::None,
        )
        .unwrap();
    let cost = |q: f64| tiered_list_cost(q, first, higher);
    assert_close(cost(0.0), 0.0, "nothing");
    assert_close(cost(10_000.0), 10_000.0 * 0.03, "first tier only");
    assert_close(
        cost(25_000.0),
        25_000.0 * 0.03,
        "up to the second tier's minimum",
    );
    assert_close(
        cost(30_000.0),
        25_000.0 * 0.03 + 5_000.0 * 0.02,
        "into the second",
    );
    assert_close(
        cost(80_000.0),
        25_000.0 * 0.03 + 25_000.0 * 0.02 + 30_000.0 * 0.01,
        "into the third",
    );
    assert_eq!(tier_bands(80_000.0, first, higher).count(), 3);
    assert_eq!(tier_bands(25_000.0, first, higher).count(), 1);
}

#[test]
fn a_second_currency_is_rejected() {
    let eur = replace_field(ROW_B, col("currency_code"), "EUR");
    let e = expect_error(&sheet_of(&[ROW_A, &eur]), 3, Some("currency_code"));
    assert!(
        e.message.contains("EUR") && e.message.contains("USD"),
        "{e}"
    );
    let lower = replace_field(ROW_A, col("currency_code"), "usd");
    expect_error(&sheet_of(&[&lower]), 2, Some("currency_code"));
}

#[test]
fn price_type_and_reservation_term_must_agree() {
    let bad_type = replace_field(ROW_A, col("price_type"), "Spot");
    expect_error(&sheet_of(&[&bad_type]), 2, Some("price_type"));
    let bad_term = replace_field(ROW_A, col("reservation_term"), "5 Years");
    expect_error(&sheet_of(&[&bad_term]), 2, Some("reservation_term"));
    let termless = replace_field(ROW_A, col("price_type"), "Reservation");
    expect_error(&sheet_of(&[&termless]), 2, Some("reservation_term"));
    let consumption_with_term = replace_field(ROW_A, col("reservation_term"), "1 Year");
    expect_error(
        &sheet_of(&[&consumption_with_term]),
        2,
        Some("reservation_term"),
    );
}

#[test]
fn a_row_without_its_meter_or_region_is_rejected() {
    let no_meter = replace_field(ROW_A, col("meter_name"), "");
    expect_error(&sheet_of(&[&no_meter]), 2, Some("meter_name"));
    let no_region = replace_field(ROW_A, col("arm_region_name"), "");
    expect_error(&sheet_of(&[&no_region]), 2, Some("arm_region_name"));
}

#[test]
fn a_short_row_is_rejected_with_its_line() {
    let short = ROW_B.rsplit_once(',').unwrap().0;
    let e = expect_error(&sheet_of(&[ROW_A, short]), 3, None);
    assert!(e.message.contains("fields"), "{e}");
}

#[test]
fn an_empty_sheet_or_a_header_alone_is_rejected() {
    expect_error("", 1, None);
    expect_error("   \n\n", 1, None);
    expect_error(&sheet_of(&[]), 2, None);
}

#[test]
fn a_byte_order_mark_and_blank_lines_are_accepted() {
    let plain = PriceSheet::parse("plain.csv", &sheet_of(&[ROW_A, ROW_B])).unwrap();
    let text = format!("\u{feff}{}\n\n{ROW_A}\n\n\n{ROW_B}\n\n", header());
    let forgiving = PriceSheet::parse("bom.csv", &text).unwrap();
    assert_eq!(forgiving.rows.len(), 2);
    assert_eq!(forgiving.currency, "USD");
    for (a, b) in plain.rows.iter().zip(&forgiving.rows) {
        assert_eq!(a.meter_name, b.meter_name);
        assert_eq!(a.arm_region_name, b.arm_region_name);
        assert_eq!(a.retail_price, b.retail_price);
    }
    // The shipped sheet with a BOM, CRLF line ends and blank lines prices the same.
    let messy = format!(
        "\u{feff}{}\r\n",
        presets::DEFAULT_SHEET_CSV
            .lines()
            .collect::<Vec<_>>()
            .join("\r\n\r\n")
    );
    let sheet = PriceSheet::parse("messy.csv", &messy).unwrap();
    assert_eq!(sheet.rows.len(), sheet_rows_shipped());
    let s = Scenario::default();
    let a = plan::evaluate(&s, &sheet, regions()).unwrap();
    let b = evaluate(&s);
    for (x, y) in a.tiers.iter().zip(&b.tiers) {
        assert_eq!(x.cost.monthly, y.cost.monthly);
    }
}

fn sheet_rows_shipped() -> usize {
    sheet().rows.len()
}

#[test]
fn errors_report_the_physical_line_when_no_blank_line_precedes_the_row() {
    // header (1), row (2), bad row (3); and blank lines further up do not
    // shift rows after the first one that follows them.
    let bad = replace_field(ROW_B, col("retail_price"), "x");
    expect_error(
        &format!("{}\n{ROW_A}\n{bad}\n", header()),
        3,
        Some("retail_price"),
    );
    let text = format!("{}\n\n{ROW_A}\n{ROW_C}\n{bad}\n", header());
    expect_error(&text, 5, Some("retail_price"));
}

#[test]

fn errors_after_blank_lines_report_the_physical_line() {
    // header (1), row (2), blank (3), blank (4), bad row (5).
    let bad = replace_field(ROW_B, col("retail_price"), "x");
    let text = format!("{}\n{ROW_A}\n\n\n{bad}\n", header());
    expect_error(&text, 5, Some("retail_price"));
    // With a BOM too: header (1), row (2), blank (3), bad row (4).
    let text = format!("\u{feff}{}\n{ROW_A}\n\n{bad}\n", header());
    expect_error(&text, 4, Some("retail_price"));
}

#[test]

fn row_lines_after_blank_lines_are_physical_lines() {
    // header (1), A (2), blank (3), B (4), blank (5), blank (6), C (7).
    let text = format!("{}\n{ROW_A}\n\n{ROW_B}\n\n\n{ROW_C}\n", header());
    let s = PriceSheet::parse("blank.csv", &text).unwrap();
    let lines: Vec<usize> = s.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4, 7]);
    // A duplicate after a blank line points at both physical lines.
    let text = format!("{}\n{ROW_A}\n\n{ROW_A}\n", header());
    let e = expect_error(&text, 4, Some("meter_name"));
    assert!(e.message.contains("line 2"), "{e}");
}

#[test]

fn regions_csv_errors_after_blank_lines_report_the_physical_line() {
    // header (1), australiacentral (2), blank (3), bad australiacentral2 (4).
    let mut lines: Vec<&str> = presets::REGIONS_CSV.lines().take(3).collect();
    lines.insert(2, "");
    let text = lines.join("\n").replacen("-35.31", "north", 1);
    let e = RegionTable::parse("regions.csv", &text).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("latitude"));
    assert_eq!(e.line, 4, "{e}");
}

#[test]
fn quoted_fields_with_commas_parse() {
    let quoted = replace_field(ROW_A, col("source"), "\"a, quoted \"\"source\"\"\"");
    let s = PriceSheet::parse("q.csv", &sheet_of(&[&quoted])).unwrap();
    assert_eq!(s.rows[0].source, "a, quoted \"source\"");
}

#[test]
fn reservation_rows_are_looked_up_by_term() {
    let one = "Key Vault,Key Vault,Standard,Operations,,westeurope,10K,262.8,USD,Reservation,1 Year,0,2024-01-01,derived,x";
    let s = PriceSheet::parse("r.csv", &sheet_of(&[ROW_A, one])).unwrap();
    let key = planner::engine::costs::meters::KEY_VAULT_OPS;
    assert_eq!(
        s.consumption(&key, "westeurope").unwrap().retail_price,
        0.03
    );
    assert_eq!(
        s.lookup(&key, "westeurope", ReservationTerm::OneYear)
            .unwrap()
            .retail_price,
        262.8
    );
    let miss = s
        .lookup(&key, "westeurope", ReservationTerm::ThreeYears)
        .unwrap_err();
    assert!(miss.to_string().contains("3 Years"), "{miss}");
    assert!(s.consumption(&key, "japaneast").is_err());
}

#[test]
fn bad_regions_csv_names_line_and_column() {
    let good = presets::REGIONS_CSV;
    let bad = good.replacen("-35.28", "north", 1);
    let e = RegionTable::parse("regions.csv", bad.as_str()).unwrap_err();
    assert_eq!(e.line, 2);
    assert_eq!(e.column.as_deref(), Some("latitude"));
    let dup = format!("{good}{}\n", good.lines().nth(1).unwrap());
    let e = RegionTable::parse("regions.csv", &dup).unwrap_err();
    assert_eq!(e.column.as_deref(), Some("arm_region_name"));
    assert!(e.message.contains("twice"));
}

// ---------------------------------------------------------------- never panics

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("USD".to_string()),
        Just("1 Hour".to_string()),
        Just("Consumption".to_string()),
        Just("Reservation".to_string()),
        Just("1 Year".to_string()),
        Just("-1".to_string()),
        Just("0.5".to_string()),
        Just("\"".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z0-9 .,\"\r\n-]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parsing_arbitrary_text_never_panics(text in any::<String>()) {
        let _ = PriceSheet::parse("fuzz.csv", &text);
        let _ = RegionTable::parse("fuzz.csv", &text);
    }

    #[test]
    fn parsing_rows_of_arbitrary_cells_never_panics(
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 0..17), 0..6)
    ) {
        let mut text = header();
        for r in rows {
            text.push('\n');
            text.push_str(&r.join(","));
        }
        match PriceSheet::parse("fuzz.csv", &text) {
            Ok(s) => prop_assert!(!s.rows.is_empty()),
            Err(e) => {
                prop_assert_eq!(e.file.as_str(), "fuzz.csv");
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }

    #[test]
    fn a_single_corrupted_field_of_a_real_row_never_panics(
        field in 0usize..15, value in cell()
    ) {
        let bad = replace_field(ROW_B, field, &value);
        let _ = PriceSheet::parse("fuzz.csv", &sheet_of(&[ROW_A, &bad]));
    }
}

#[test]
fn a_region_the_sheet_has_no_prices_for_says_so_and_how_to_get_them() {
    // Brazil South is a public region (regions.csv) the shipped sheet does
    // not price: the plan is refused once for the region, naming it and the
    // command that fetches its prices, never priced at $0.
    let sheet = presets::default_sheet().unwrap();
    assert!(regions().get("brazilsouth").is_some());
    assert!(!sheet.has_region("brazilsouth"));
    let mut s = Scenario::default();
    s.regions[1].region = "brazilsouth".into();
    match plan::evaluate(&s, &sheet, regions()) {
        Err(PlanError::UnpricedRegions(u)) => {
            assert_eq!(u.len(), 1);
            assert_eq!(
                u[0].to_string(),
                "No prices for Brazil South in this sheet: load a sheet that has them, or run `refresh-prices --regions brazilsouth`"
            );
        }
        other => panic!("expected an unpriced region, got {other:?}"),
    }
    // Every public region the sheet lacks is named the same way.
    for r in &regions().regions {
        if sheet.has_region(&r.arm_region_name) {
            continue;
        }
        let mut s = Scenario::default();
        s.regions[0].region = r.arm_region_name.clone();
        let err = plan::evaluate(&s, &sheet, regions())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("No prices for {} in this sheet", r.display_name))
                && err.contains(&format!("--regions {}`", r.arm_region_name)),
            "{err}"
        );
    }
}

#[test]
fn the_older_eight_column_region_table_still_reads() {
    let old = "arm_region_name,display_name,geography,continent,latitude,longitude,paired_region,front_door_zone\n\
               westeurope,West Europe,Europe,Europe,52.37,4.90,northeurope,Zone 1\n";
    let t = RegionTable::parse("old.csv", old).unwrap();
    let r = t.get("westeurope").unwrap();
    assert!(r.availability_zones);
    assert_eq!(r.bandwidth_zone, "Europe", "the continent stands in");
    let bad = "arm_region_name,display_name,geography,continent,latitude,longitude,paired_region,front_door_zone,availability_zones,bandwidth_zone\n\
               westeurope,West Europe,Europe,Europe,52.37,4.90,northeurope,Zone 1,maybe,Europe\n";
    let e = RegionTable::parse("bad.csv", bad).unwrap_err();
    assert_eq!(
        (e.line, e.column.as_deref()),
        (2, Some("availability_zones"))
    );
}
