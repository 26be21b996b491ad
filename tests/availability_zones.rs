//! A region without availability zones (Microsoft's Azure regions list,
//! <https://learn.microsoft.com/azure/reliability/regions-list>, column
//! "Availability zone support": "N/A" for West US, among others; the
//! `availability_zones` column of `pricing/regions.csv`) cannot host
//! zone-redundant Cosmos DB or SQL Database: the plan prices them without the
//! zone-redundancy surcharge there, chains the write region's data band with
//! the SLAs without zones, and says so in the tier's notes.
//!
//! To compare like with like, the shipped sheet is extended with every East
//! US row copied as West US (no availability zones, also North America and
//! Front Door Zone 1): the two regions then differ only in their zones.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use planner::engine::costs::LineItem;
use planner::engine::scenario::{CosmosMode, Scenario, SqlTier};
use planner::engine::tiers::TierId;
use planner::engine::{evaluate, presets, Plan, PriceSheet};

/// The shipped sheet plus each `eastus` row copied as `westus`.
fn sheet_with_west_us() -> PriceSheet {
    let text = presets::DEFAULT_SHEET_CSV;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(reader.headers().unwrap()).unwrap();
    let mut copies = Vec::new();
    for rec in reader.records() {
        let rec = rec.unwrap();
        writer.write_record(&rec).unwrap();
        if &rec[5] == "eastus" {
            let mut copy: Vec<String> = rec.iter().map(str::to_string).collect();
            copy[5] = "westus".into();
            copies.push(copy);
        }
    }
    assert!(copies.len() > 30, "East US rows: {}", copies.len());
    for c in copies {
        writer.write_record(&c).unwrap();
    }
    let csv = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    PriceSheet::parse("with-west-us.csv", &csv).unwrap_or_else(|e| panic!("{e}"))
}

/// The startup preset with provisioned, zone-redundant Cosmos DB and a
/// zone-redundant General Purpose SQL ledger, first region `primary`, then
/// West US 2.
fn scenario(primary: &str) -> Scenario {
    let mut s = presets::preset("startup").unwrap();
    s.regions[0].region = primary.into();
    assert_eq!(s.regions[1].region, "westus2");
    s.data.cosmos_mode = CosmosMode::Provisioned;
    s.data.cosmos_zone_redundant = true;
    s.data.sql.enabled = true;
    s.data.sql.tier = SqlTier::GeneralPurpose;
    s.data.sql.zone_redundant = true;
    s
}

fn plan(primary: &str) -> Plan {
    let regions = presets::default_regions().unwrap();
    assert!(regions.has_zones("eastus") && regions.has_zones("westus2"));
    assert!(
        !regions.has_zones("westus"),
        "regions.csv: West US has no zones"
    );
    evaluate(&scenario(primary), &sheet_with_west_us(), &regions).unwrap()
}

fn items<'a>(p: &'a Plan, tier: TierId, region: &str, meter: &str) -> Vec<&'a LineItem> {
    p.tier(tier)
        .unwrap()
        .cost
        .line_items
        .iter()
        .filter(|li| li.region() == region && li.price.meter_name == meter)
        .collect()
}

/// The formulas of the lines `items` finds, written on demand.
fn formulas(primary: &str, tier: TierId, region: &str, meter: &str) -> Vec<String> {
    let p = plan(primary);
    let regions = presets::default_regions().unwrap();
    let words = planner::engine::tiers::line_words(
        tier,
        &scenario(primary),
        &sheet_with_west_us(),
        &regions,
    )
    .unwrap();
    p.tier(tier)
        .unwrap()
        .cost
        .line_items
        .iter()
        .zip(words)
        .filter(|(li, _)| li.region() == region && li.price.meter_name == meter)
        .map(|(_, w)| w.formula)
        .collect()
}

fn notes(p: &Plan, tier: TierId) -> String {
    p.tier(tier).unwrap().cost.notes.join("\n")
}

#[test]
fn a_single_region_without_zones_is_priced_and_chained_without_zone_redundancy() {
    let east = plan("eastus");
    let west = plan("westus");
    let t = TierId::SingleRegion;
    // Cosmos DB RU/s: East US bills the 25% zone-redundancy premium
    // (provisioned RU/s ÷ 100 × 730 h × 1.25), West US the same RU/s × 1.
    let ru_east = items(&east, t, "eastus", "100 RU/s");
    let ru_west = items(&west, t, "westus", "100 RU/s");
    assert_eq!((ru_east.len(), ru_west.len()), (1, 1));
    assert_eq!(
        east.tier(t).unwrap().cost.cosmos.ru_per_s_per_region,
        west.tier(t).unwrap().cost.cosmos.ru_per_s_per_region
    );
    let ru = west.tier(t).unwrap().cost.cosmos.ru_per_s_per_region;
    assert!((ru_east[0].quantity - ru / 100.0 * 730.0 * 1.25).abs() < 1e-6);
    assert!((ru_west[0].quantity - ru / 100.0 * 730.0).abs() < 1e-6);
    assert!(formulas("eastus", t, "eastus", "100 RU/s")[0].contains("× 1.25 (zone redundancy"));
    assert!(!formulas("westus", t, "westus", "100 RU/s")[0].contains("1.25"));
    // SQL: the zone-redundancy vCore meter and zone-redundant storage in
    // East US only; West US has plain General Purpose storage.
    assert_eq!(items(&east, t, "eastus", "Zone Redundancy vCore").len(), 1);
    assert!(items(&west, t, "westus", "Zone Redundancy vCore").is_empty());
    assert_eq!(
        items(
            &east,
            t,
            "eastus",
            "General Purpose Zone Redundancy Data Stored"
        )
        .len(),
        1
    );
    assert!(items(
        &west,
        t,
        "westus",
        "General Purpose Zone Redundancy Data Stored"
    )
    .is_empty());
    assert_eq!(
        items(&west, t, "westus", "General Purpose Data Stored").len(),
        1
    );
    // Availability: the data band falls from Cosmos 99.995% × SQL 99.995%
    // (zones) to 99.99% × 99.99%; the stamp and global bands are the same.
    let a_east = east.tier(t).unwrap().resilience.availability;
    let a_west = west.tier(t).unwrap().resilience.availability;
    let want = a_east * (0.9999 / 0.99995) * (0.9999 / 0.99995);
    assert!((a_west - want).abs() < 1e-12, "{a_west} vs {want}");
    let part = west
        .tier(t)
        .unwrap()
        .resilience
        .availability_parts
        .iter()
        .find(|p| p.key == planner::engine::resilience::PartKey::DataBand)
        .copied()
        .unwrap();
    let band = planner::engine::resilience_words::how(
        t,
        &scenario("westus"),
        &presets::default_regions().unwrap(),
        &part,
    );
    assert!(
        band.contains("Cosmos DB 99.99% (single region)")
            && band.contains("SQL 99.99%")
            && band.contains("West US has no availability zones"),
        "{band}"
    );
    // Said in words, with Microsoft's list.
    let n = notes(&west, t);
    assert!(
        n.contains("West US has no availability zones (Microsoft's Azure regions list, learn.microsoft.com/azure/reliability/regions-list)")
            && n.contains("this tier is a single region without zone redundancy")
            && n.contains("Cosmos DB and SQL Database zone redundancy is left out there")
            && n.contains("the availability uses the SLA without zones for Cosmos DB and SQL Database"),
        "{n}"
    );
    assert!(
        !notes(&east, t).contains("availability zones"),
        "{}",
        notes(&east, t)
    );
    // Multi-region writes: Cosmos DB's SLA does not depend on zones, SQL's
    // still does.
    let mw = notes(&west, TierId::MultiWrite);
    assert!(
        mw.contains("the availability uses the SLA without zones for SQL Database.")
            && !mw.contains("for Cosmos DB"),
        "{mw}"
    );
}

#[test]
fn a_second_region_without_zones_drops_only_its_own_zone_charges() {
    // West US as the second region of the active-passive tier: East US
    // (write region, with zones) keeps its zone redundancy and its SLAs; West
    // US's Cosmos DB RU/s carry no 1.25 premium.
    let mut s = scenario("eastus");
    s.regions[1].region = "westus".into();
    let regions = presets::default_regions().unwrap();
    let p = evaluate(&s, &sheet_with_west_us(), &regions).unwrap();
    let with_zones = plan("eastus");
    let t = TierId::ActivePassive;
    let east = items(&p, t, "eastus", "100 RU/s");
    let west = items(&p, t, "westus", "100 RU/s");
    assert_eq!((east.len(), west.len()), (1, 1));
    assert!((east[0].quantity / west[0].quantity - 1.25).abs() < 1e-12);
    assert_eq!(
        p.tier(t).unwrap().resilience.availability,
        with_zones.tier(t).unwrap().resilience.availability
    );
    let n = notes(&p, t);
    assert!(n.contains("West US has no availability zones"), "{n}");
    assert!(!n.contains("the availability uses"), "{n}");
    assert!(!n.contains("single region without zone redundancy"), "{n}");
}
