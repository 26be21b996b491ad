//! `refresh-prices` without a network: recorded API pages (hand-made, in the
//! documented response shape) in `tests/fixtures/retail-api/` drive the
//! parser, paging, filtering and row mapping; a local HTTP server on
//! 127.0.0.1 serving them (with a 429 and a 500 on the way) drives the real
//! binary end to end.
//!
//! Real recorded answers (verbatim API items from a public repository's curl
//! captures, East US; `tests/fixtures/retail-api/real/SOURCES.md` names each
//! source file and commit) check every meter key the engine marks as
//! recorded, and drive the binary through a local server that applies the
//! API's `$filter` to them and pages the result.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use planner::engine::meters::Evidence;
use planner::engine::pricing::{PriceType, ReservationTerm, UnitOfMeasure};
use planner::engine::{evaluate, presets, PriceSheet};
use planner::refresh::api::{parse_page, Item};
use planner::refresh::http::{parse_retry_after, retryable_status, RetryPolicy};
use planner::refresh::needs::{needed_meters, slots, zones_for, Scope};
use planner::refresh::output::{add_to_index, civil_date, update_index, write_sheet, IndexUpdate};
use planner::refresh::paging::{fetch_all, looks_full, Fetch, FetchError, PagingError};
use planner::refresh::query::{
    carry_params, percent_encode, plan_queries, sanitize_link, with_skip, Query,
};
use planner::refresh::rows::{map_items, map_unit, to_csv, vm_drop_reason, Mapping};
use planner::refresh::{missing_report, run, Options, RefreshError};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/retail-api");
const BASE: &str = "http://api.test/api/retail/prices";

fn fixture(name: &str) -> String {
    let path = format!("{FIXTURES}/{name}.json");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .replace("{BASE}", BASE)
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn two_regions() -> Vec<String> {
    strings(&["westeurope", "southeastasia"])
}

/// A fresh, empty directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("refresh-prices-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---------------------------------------------------------------- parser

#[test]
fn parses_a_recorded_page() {
    let page = parse_page(&fixture("vm-westeurope-1")).unwrap();
    assert_eq!(page.billing_currency, "USD");
    assert_eq!(page.items.len(), 4);
    assert_eq!(page.count, Some(4));
    let link = page.next_link().unwrap();
    assert!(
        link.starts_with(BASE) && link.contains("page=vm-westeurope-2"),
        "{link}"
    );
    let first = &page.items[0];
    assert_eq!(first.service_name, "Virtual Machines");
    assert_eq!(first.product_name, "Virtual Machines Dsv5 Series");
    assert_eq!(first.sku_name, "D2s v5");
    assert_eq!(first.meter_name, "D2s v5");
    assert_eq!(first.arm_sku_name, "Standard_D2s_v5");
    assert_eq!(first.arm_region_name, "westeurope");
    assert_eq!(first.unit_of_measure, "1 Hour");
    assert_eq!(first.retail_price, Some(0.1104));
    assert_eq!(first.currency_code, "EUR");
    assert_eq!(first.price_type, "Consumption");
    assert_eq!(first.reservation_term, "");
    assert_eq!(first.tier_minimum_units, Some(0.0));
    assert_eq!(first.effective_start_date, "2026-03-01T00:00:00Z");
    assert_eq!(first.is_primary_meter_region, Some(true));

    let last = parse_page(&fixture("vm-westeurope-3")).unwrap();
    assert_eq!(last.next_link(), None);
    let reserved = parse_page(&fixture("vm-westeurope-reservation")).unwrap();
    assert_eq!(reserved.items[0].price_type, "Reservation");
    assert_eq!(reserved.items[0].reservation_term, "1 Year");
}

#[test]
fn parser_reads_the_reference_example_and_tolerates_nulls_but_never_invents_a_price() {
    // The example response in azure-prices.md §14, as recorded.
    let example = r#"{
      "BillingCurrency": "USD", "CustomerEntityId": "Default", "CustomerEntityType": "Retail",
      "NextPageLink": null, "Count": 1,
      "Items": [{
        "currencyCode": "USD", "tierMinimumUnits": 0.0, "retailPrice": 0.03, "unitPrice": 0.03,
        "armRegionName": "westeurope", "location": "EU West",
        "effectiveStartDate": "2015-08-01T00:00:00Z",
        "meterId": "0f824807-2376-435c-95c9-f992b67a07b0", "meterName": "Operations",
        "productId": "DZH318Z0BQG0", "skuId": "DZH318Z0BQG0/003C",
        "productName": "Key Vault", "skuName": "Standard",
        "serviceName": "Key Vault", "serviceId": "DZH3157JCZ2M", "serviceFamily": "Security",
        "unitOfMeasure": "10K", "type": "Consumption",
        "isPrimaryMeterRegion": false, "armSkuName": ""
      }]
    }"#;
    let page = parse_page(example).unwrap();
    assert_eq!(page.items[0].meter_name, "Operations");
    assert_eq!(page.items[0].is_primary_meter_region, Some(false));

    let odd = r#"{"Items": [{"meterName": "x", "armSkuName": null, "reservationTerm": null}], "NextPageLink": ""}"#;
    let page = parse_page(odd).unwrap();
    assert_eq!(page.items[0].arm_sku_name, "");
    assert_eq!(
        page.items[0].retail_price, None,
        "a missing price stays missing, never 0"
    );
    assert_eq!(page.next_link(), None, "an empty link ends paging");

    let err = parse_page("<html>Service Unavailable</html>").unwrap_err();
    assert!(
        err.contains("not a Retail Prices API page") && err.contains("<html>"),
        "{err}"
    );
}

// ---------------------------------------------------------------- queries

#[test]
fn builds_filters_and_urls_as_documented() {
    let q = Query {
        service: "Virtual Machines",
        region: Some("westeurope".into()),
        price_type: PriceType::Reservation,
        products: vec![
            "Virtual Machines Dsv5 Series",
            "Virtual Machines Esv5 Series",
        ],
    };
    assert_eq!(
        q.filter(),
        "serviceName eq 'Virtual Machines' and armRegionName eq 'westeurope' and priceType eq 'Reservation' \
         and (productName eq 'Virtual Machines Dsv5 Series' or productName eq 'Virtual Machines Esv5 Series')"
    );
    let url = q.url("https://prices.azure.com/api/retail/prices", "EUR");
    assert!(url.starts_with(
        "https://prices.azure.com/api/retail/prices?api-version=2023-01-01-preview&currencyCode=%27EUR%27&$filter=serviceName%20eq%20%27Virtual%20Machines%27%20and%20armRegionName%20eq%20%27westeurope%27"
    ), "{url}");
    assert!(!url.contains(' '));
    assert_eq!(percent_encode("a b'c/d"), "a%20b%27c%2Fd");
}

#[test]
fn plans_one_query_per_service_region_and_price_type() {
    let needs = needed_meters();
    let queries = plan_queries(&needs, &two_regions());
    let labels: Vec<String> = queries.iter().map(Query::label).collect();
    // Reservations only where the engine uses them.
    for service in ["Azure App Service", "Virtual Machines", "Azure Cosmos DB"] {
        for region in two_regions() {
            assert!(
                labels.contains(&format!("{region} · {service} · Reservation")),
                "{labels:?}"
            );
            assert!(
                labels.contains(&format!("{region} · {service} · Consumption")),
                "{labels:?}"
            );
        }
    }
    assert!(!labels
        .iter()
        .any(|l| l.contains("Redis Cache · Reservation")));
    // Global services are asked once, without a region filter.
    let fd: Vec<&Query> = queries
        .iter()
        .filter(|q| q.service == "Azure Front Door Service")
        .collect();
    assert_eq!(fd.len(), 1);
    assert_eq!(fd[0].region, None);
    assert!(!fd[0].filter().contains("armRegionName"));
    assert_eq!(
        queries
            .iter()
            .filter(|q| q.service == "Traffic Manager")
            .count(),
        1
    );
    // The reservation query asks only for the reserved Cosmos DB product.
    let cosmos_res = queries
        .iter()
        .find(|q| q.service == "Azure Cosmos DB" && q.price_type == PriceType::Reservation)
        .unwrap();
    assert_eq!(cosmos_res.products, vec!["Azure Cosmos DB"]);
    // No query is asked twice.
    let unique: HashSet<String> = queries.iter().map(|q| q.url(BASE, "EUR")).collect();
    assert_eq!(unique.len(), queries.len());
}

#[test]
fn next_links_are_made_safe_and_skip_is_set() {
    assert_eq!(
        sanitize_link("https://prices.azure.com:443/api/retail/prices?$filter=serviceName eq 'Key Vault'&$skip=100"),
        "https://prices.azure.com:443/api/retail/prices?$filter=serviceName%20eq%20'Key%20Vault'&$skip=100"
    );
    assert_eq!(
        sanitize_link("http://h/p?a=%27x%27"),
        "http://h/p?a=%27x%27",
        "escapes kept"
    );
    assert_eq!(
        with_skip("http://h/p?a=1&$skip=100", 200),
        "http://h/p?a=1&$skip=200"
    );
    assert_eq!(with_skip("http://h/p?a=1", 100), "http://h/p?a=1&$skip=100");
    let first = "http://h/p?api-version=2023-01-01-preview&currencyCode=%27EUR%27&$filter=x";
    assert_eq!(
        carry_params(
            "http://h/p?$filter=x&$skip=100",
            first,
            &["api-version", "currencyCode"]
        ),
        "http://h/p?$filter=x&$skip=100&api-version=2023-01-01-preview&currencyCode=%27EUR%27"
    );
    let kept = "http://h/p?currencyCode='EUR'&api-version=2023-01-01-preview&$skip=100";
    assert_eq!(
        carry_params(kept, first, &["api-version", "currencyCode"]),
        kept
    );
}

// ---------------------------------------------------------------- paging

/// Serves bodies by exact URL and records what was asked.
struct MapFetch {
    pages: HashMap<String, String>,
    asked: Vec<String>,
}

impl MapFetch {
    fn new(pages: &[(&str, String)]) -> Self {
        Self {
            pages: pages
                .iter()
                .map(|(u, b)| (u.to_string(), b.clone()))
                .collect(),
            asked: Vec::new(),
        }
    }
}

impl Fetch for MapFetch {
    fn get(&mut self, url: &str) -> Result<String, FetchError> {
        self.asked.push(url.to_string());
        self.pages.get(url).cloned().ok_or_else(|| FetchError {
            url: url.to_string(),
            message: "HTTP 404".into(),
        })
    }
}

fn link_to(name: &str, skip: usize) -> String {
    sanitize_link(&format!(
        "{BASE}?currencyCode='EUR'&api-version=2023-01-01-preview&$filter=serviceName eq 'Virtual Machines' and armRegionName eq 'westeurope' and priceType eq 'Consumption'&$skip={skip}&page={name}"
    ))
}

fn page_json(items: usize, next: Option<&str>) -> String {
    let item = r#"{"currencyCode":"EUR","retailPrice":1.0,"meterName":"m","type":"Consumption"}"#;
    let list = vec![item; items].join(",");
    let next = next
        .map(|n| format!("\"{n}\""))
        .unwrap_or_else(|| "null".into());
    format!(r#"{{"Items":[{list}],"NextPageLink":{next},"Count":{items}}}"#)
}

#[test]
fn follows_next_page_links_until_null() {
    let first = format!("{BASE}?first");
    let mut f = MapFetch::new(&[
        (&first, fixture("vm-westeurope-1")),
        (&link_to("vm-westeurope-2", 4), fixture("vm-westeurope-2")),
        (&link_to("vm-westeurope-3", 7), fixture("vm-westeurope-3")),
    ]);
    let (items, stats) = fetch_all(&mut f, &first, 10).unwrap();
    assert_eq!(stats.pages, 3);
    assert_eq!(items.len(), 4 + 3 + 2);
    assert_eq!(stats.skip_fallbacks, 0);
    assert_eq!(f.asked.len(), 3);
    assert!(
        f.asked.iter().all(|u| !u.contains(' ')),
        "links are sanitised: {:?}",
        f.asked
    );
}

#[test]
fn a_full_page_without_a_next_link_is_continued_with_skip() {
    assert!(
        looks_full(100)
            && looks_full(1000)
            && !looks_full(99)
            && !looks_full(0)
            && !looks_full(150)
    );
    let first = format!("{BASE}?q=1");
    let mut f = MapFetch::new(&[
        (&first, page_json(100, None)),
        (&format!("{BASE}?q=1&$skip=100"), page_json(100, None)),
        (&format!("{BASE}?q=1&$skip=200"), page_json(7, None)),
    ]);
    let (items, stats) = fetch_all(&mut f, &first, 10).unwrap();
    assert_eq!(items.len(), 207);
    assert_eq!(stats.skip_fallbacks, 2);
    assert_eq!(stats.pages, 3);

    // An empty answer to the $skip request ends the query.
    let mut f = MapFetch::new(&[
        (&first, page_json(100, None)),
        (&format!("{BASE}?q=1&$skip=100"), page_json(0, None)),
    ]);
    let (items, _) = fetch_all(&mut f, &first, 10).unwrap();
    assert_eq!(items.len(), 100);
}

#[test]
fn paging_guards_against_loops_other_hosts_and_endless_runs() {
    let first = format!("{BASE}?a");
    let second = format!("{BASE}?b");
    let mut f = MapFetch::new(&[
        (&first, page_json(1, Some(&second))),
        (&second, page_json(1, Some(&first))),
    ]);
    assert!(matches!(
        fetch_all(&mut f, &first, 10),
        Err(PagingError::Loop { .. })
    ));

    let mut f = MapFetch::new(&[(&first, page_json(1, Some("https://evil.example/x")))]);
    assert!(matches!(
        fetch_all(&mut f, &first, 10),
        Err(PagingError::OtherHost { .. })
    ));

    let pages: Vec<(String, String)> = (0..5)
        .map(|i| {
            (
                format!("{BASE}?p={i}"),
                page_json(1, Some(&format!("{BASE}?p={}", i + 1))),
            )
        })
        .collect();
    let refs: Vec<(&str, String)> = pages.iter().map(|(u, b)| (u.as_str(), b.clone())).collect();
    let mut f = MapFetch::new(&refs);
    assert!(matches!(
        fetch_all(&mut f, &format!("{BASE}?p=0"), 3),
        Err(PagingError::TooManyPages { max_pages: 3 })
    ));

    // A page with no items but a link ends the query rather than running on.
    let mut f = MapFetch::new(&[(&first, page_json(0, Some(&second)))]);
    let (items, stats) = fetch_all(&mut f, &first, 10).unwrap();
    assert_eq!((items.len(), stats.pages), (0, 1));

    // A fetch failure and a page that is not JSON are errors with the URL.
    let mut f = MapFetch::new(&[(&first, "oops".to_string())]);
    let err = fetch_all(&mut f, &first, 10).unwrap_err();
    assert!(
        matches!(err, PagingError::BadPage { .. }) && err.to_string().contains(&first),
        "{err}"
    );
    let mut f = MapFetch::new(&[]);
    assert!(matches!(
        fetch_all(&mut f, &first, 10),
        Err(PagingError::Fetch(_))
    ));
}

// ---------------------------------------------------------------- mapping

fn all_fixture_items() -> Vec<Item> {
    [
        "vm-westeurope-1",
        "vm-westeurope-2",
        "vm-westeurope-3",
        "vm-westeurope-reservation",
        "vm-southeastasia",
        "app-service-westeurope",
        "front-door",
        "traffic-manager",
    ]
    .iter()
    .flat_map(|n| parse_page(&fixture(n)).unwrap().items)
    .collect()
}

fn zones() -> Vec<String> {
    strings(&["Zone 1", "Zone 2"])
}

#[test]
fn units_are_mapped_explicitly_or_refused() {
    assert_eq!(map_unit("1 Hour"), Some((UnitOfMeasure::Hour, 1.0)));
    assert_eq!(map_unit("1/Hour"), Some((UnitOfMeasure::Hour, 1.0)));
    assert_eq!(map_unit("100 Hours"), Some((UnitOfMeasure::Hour, 100.0)));
    assert_eq!(map_unit("1/Month"), Some((UnitOfMeasure::Month, 1.0)));
    assert_eq!(map_unit("1/Day"), Some((UnitOfMeasure::Day, 1.0)));
    assert_eq!(map_unit("10K"), Some((UnitOfMeasure::TenThousand, 1.0)));
    assert_eq!(map_unit("1M"), Some((UnitOfMeasure::Million, 1.0)));
    assert_eq!(map_unit("1 GB"), Some((UnitOfMeasure::Gigabyte, 1.0)));
    assert_eq!(
        map_unit("1 GB/Month"),
        Some((UnitOfMeasure::GigabyteMonth, 1.0))
    );
    // Per single event (Azure Monitor's Standard Web Test Execution).
    assert_eq!(map_unit("1"), Some((UnitOfMeasure::Each, 1.0)));
    for unknown in ["10 Hours", "1 GB/Hour", "1 GiB", "5 GB", ""] {
        assert_eq!(map_unit(unknown), None, "{unknown}");
    }
}

#[test]
fn drops_windows_spot_and_low_priority_vms_but_not_windows_app_service() {
    let items = all_fixture_items();
    let reasons: Vec<Option<&str>> = items.iter().map(vm_drop_reason).collect();
    assert_eq!(reasons.iter().filter(|r| **r == Some("Windows")).count(), 1);
    assert_eq!(reasons.iter().filter(|r| **r == Some("Spot")).count(), 1);
    assert_eq!(
        reasons
            .iter()
            .filter(|r| **r == Some("Low Priority"))
            .count(),
        1
    );
    let windows_app = items
        .iter()
        .find(|i| i.arm_sku_name == "Standard_P1_v3_Windows")
        .unwrap();
    assert_eq!(vm_drop_reason(windows_app), None);
}

#[test]
fn maps_fixture_items_to_sheet_rows() {
    let needs = needed_meters();
    let m = map_items(
        &all_fixture_items(),
        &needs,
        &two_regions(),
        &zones(),
        "EUR",
        "2026-11-26",
    )
    .unwrap();
    let find = |meter: &str, region: &str, term: ReservationTerm, tier: f64| {
        m.rows
            .iter()
            .find(|r| {
                r.key.meter == meter && r.region == region && r.term == term && r.tier == tier
            })
            .unwrap_or_else(|| panic!("no row {meter} {region} {term:?} {tier}"))
    };
    let d2s = find("D2s v5", "westeurope", ReservationTerm::None, 0.0);
    assert_eq!(d2s.price, 0.1104);
    assert_eq!(
        d2s.key.product, "Virtual Machines Dsv5 Series",
        "not the Windows product"
    );
    assert_eq!(d2s.arm_sku_name, "Standard_D2s_v5");
    assert_eq!(d2s.effective, "2026-03-01");
    assert_eq!(d2s.source, "Azure Retail Prices API, fetched 2026-11-26");
    let r1 = find("D2s v5", "westeurope", ReservationTerm::OneYear, 0.0);
    assert_eq!(
        (r1.price, r1.price_type, r1.unit),
        (570.6, PriceType::Reservation, UnitOfMeasure::Hour)
    );
    assert_eq!(
        find("D2s v5", "westeurope", ReservationTerm::ThreeYears, 0.0).price,
        1102.5
    );
    assert_eq!(
        find("D2s v5", "southeastasia", ReservationTerm::None, 0.0).price,
        0.1152
    );
    // "1/Hour" is written as the sheet's "1 Hour".
    assert_eq!(
        find("E4s v5", "westeurope", ReservationTerm::None, 0.0).unit,
        UnitOfMeasure::Hour
    );
    // The unknown unit is skipped and explained.
    assert!(!m.rows.iter().any(|r| r.key.meter == "D8s v5"));
    let why = m
        .problems
        .iter()
        .find(|(s, _)| s.key.meter == "D8s v5")
        .map(|(_, w)| w.clone())
        .unwrap();
    assert!(why.contains("10 Hours"), "{why}");
    assert!(m
        .warnings
        .iter()
        .any(|w| w.contains("D8s v5") && w.contains("10 Hours")));
    // Of two App Service rows for one meter, the primary meter region wins.
    let p1 = m
        .rows
        .iter()
        .find(|r| {
            r.key.product == "Azure App Service Premium v3 Plan - Linux" && r.key.sku == "P1 v3"
        })
        .unwrap();
    assert_eq!(p1.price, 0.1709);
    let windows = m
        .rows
        .iter()
        .find(|r| r.key.product == "Azure App Service Premium v3 Plan")
        .unwrap();
    assert_eq!(windows.price, 0.3616);
    // Global meters: from Zone 1 (with a note) or Global.
    let std_base = find("Standard Base Fees", "Global", ReservationTerm::None, 0.0);
    assert_eq!(std_base.price, 32.23);
    assert!(std_base.source.contains("Zone 1"), "{}", std_base.source);
    assert_eq!(
        find("Premium Base Fees", "Global", ReservationTerm::None, 0.0).price,
        303.86
    );
    // Tiered meters keep every tier.
    assert_eq!(
        find("Standard Requests", "Zone 1", ReservationTerm::None, 0.0).price,
        0.0083
    );
    assert_eq!(
        find(
            "Standard Requests",
            "Zone 1",
            ReservationTerm::None,
            25000.0
        )
        .price,
        0.006
    );
    assert_eq!(
        find("DNS Queries", "Global", ReservationTerm::None, 1000.0).price,
        0.3453
    );
    // Zones: the requested regions' zones only; a zone may come in `location`.
    assert_eq!(
        find(
            "Standard Data Transfer Out",
            "Zone 2",
            ReservationTerm::None,
            0.0
        )
        .price,
        0.1105
    );
    assert!(!m.rows.iter().any(|r| r.region == "Zone 3"));
    assert_eq!(
        find("Premium Requests", "Zone 2", ReservationTerm::None, 0.0).price,
        0.0129
    );

    assert_eq!(m.rows.len(), 19);
    assert_eq!(
        (m.dropped.windows, m.dropped.spot, m.dropped.low_priority),
        (1, 1, 1)
    );
    assert_eq!(m.dropped.duplicates, 1);
    // D16s v5, the 5-year reservation and Zone 3.
    assert_eq!(m.dropped.unused, 3);

    // The rows make a sheet the planner reads.
    let text = to_csv(&m.rows).unwrap();
    assert!(text.starts_with("service_name,product_name,sku_name,meter_name,"));
    assert!(!text.contains('\r'));
    let sheet = PriceSheet::parse("azure-retail-eur.csv", &text).unwrap();
    assert_eq!(sheet.currency, "EUR");
    assert_eq!(sheet.rows.len(), 19);
    assert_eq!(sheet.oldest_effective_date(), Some("2023-05-01"));
    assert!(sheet.rows.iter().all(|r| r.confidence == "high"));
}

#[test]
fn duplicates_prefer_latest_then_primary_and_conflicts_are_reported_not_guessed() {
    let needs = needed_meters();
    let base = parse_page(&fixture("vm-southeastasia")).unwrap().items[0].clone();
    let with = |price: f64, date: &str, primary: bool| Item {
        retail_price: Some(price),
        effective_start_date: date.into(),
        is_primary_meter_region: Some(primary),
        ..base.clone()
    };
    let regions = two_regions();
    let zones = zones();
    let m = map_items(
        &[
            with(0.10, "2025-01-01T00:00:00Z", true),
            with(0.12, "2026-01-01T00:00:00Z", false),
        ],
        &needs,
        &regions,
        &zones,
        "EUR",
        "2026-11-26",
    )
    .unwrap();
    assert_eq!(m.rows.len(), 1);
    assert_eq!(m.rows[0].price, 0.12, "the latest effective date wins");

    let m = map_items(
        &[
            with(0.10, "2026-01-01T00:00:00Z", true),
            with(0.12, "2026-01-01T00:00:00Z", true),
        ],
        &needs,
        &regions,
        &zones,
        "EUR",
        "2026-11-26",
    )
    .unwrap();
    assert!(m.rows.is_empty(), "two prices, same date: no guess");
    let why = m.problems.values().next().unwrap();
    assert!(why.contains("0.1") && why.contains("0.12"), "{why}");

    let same = map_items(
        &[
            with(0.10, "2026-01-01", true),
            with(0.10, "2026-01-01", true),
        ],
        &needs,
        &regions,
        &zones,
        "EUR",
        "d",
    )
    .unwrap();
    assert_eq!(same.rows.len(), 1);

    // An item without a price is a problem, never a 0 row.
    let m = map_items(
        &[Item {
            retail_price: None,
            ..base.clone()
        }],
        &needs,
        &regions,
        &zones,
        "EUR",
        "d",
    )
    .unwrap();
    assert!(m.rows.is_empty() && m.problems.len() == 1);

    // The API answering in another currency stops the run.
    let err = map_items(
        &[Item {
            currency_code: "USD".into(),
            ..base
        }],
        &needs,
        &regions,
        &zones,
        "EUR",
        "d",
    )
    .unwrap_err();
    assert!(err.contains("USD") && err.contains("EUR"), "{err}");
}

#[test]
fn a_100_hours_price_becomes_an_hourly_price() {
    let needs = needed_meters();
    let mut item = parse_page(&fixture("vm-southeastasia")).unwrap().items[0].clone();
    item.unit_of_measure = "100 Hours".into();
    item.retail_price = Some(11.52);
    let m = map_items(
        &[item.clone()],
        &needs,
        &two_regions(),
        &zones(),
        "EUR",
        "d",
    )
    .unwrap();
    assert_eq!(m.rows[0].price, 0.1152);
    assert!(
        m.rows[0].source.contains("100 Hours"),
        "{}",
        m.rows[0].source
    );
    // A reservation's whole-term price cannot be divided that way.
    item.price_type = "Reservation".into();
    item.reservation_term = "1 Year".into();
    let m = map_items(&[item], &needs, &two_regions(), &zones(), "EUR", "d").unwrap();
    assert!(m.rows.is_empty() && m.problems.len() == 1);
}

// ---------------------------------------------------------------- needs

#[test]
fn needed_meters_match_the_shipped_sheet() {
    let sheet = presets::default_sheet().unwrap();
    let needs = needed_meters();
    let shipped: HashSet<(String, String, String, String)> = sheet
        .rows
        .iter()
        .map(|r| {
            (
                r.service_name.clone(),
                r.product_name.clone(),
                r.sku_name.clone(),
                r.meter_name.clone(),
            )
        })
        .collect();
    let ours: HashSet<(String, String, String, String)> = needs
        .iter()
        .map(|n| {
            (
                n.key.service.to_string(),
                n.key.product.to_string(),
                n.key.sku.to_string(),
                n.key.meter.to_string(),
            )
        })
        .collect();
    assert_eq!(ours.len(), needs.len(), "no meter listed twice");
    assert_eq!(
        ours, shipped,
        "the refresh list and the shipped sheet name the same meters"
    );
    for n in &needs {
        let rows: Vec<_> = sheet
            .rows
            .iter()
            .filter(|r| {
                r.service_name == n.key.service
                    && r.product_name == n.key.product
                    && r.sku_name == n.key.sku
                    && r.meter_name == n.key.meter
            })
            .collect();
        let scope = if rows.iter().all(|r| r.arm_region_name == "Global") {
            Scope::Global
        } else if rows.iter().all(|r| r.arm_region_name.starts_with("Zone ")) {
            Scope::Zonal
        } else {
            Scope::Regional
        };
        assert_eq!(scope, n.scope, "{}", n.key);
        let reserved = rows.iter().any(|r| r.price_type == PriceType::Reservation);
        assert_eq!(reserved, n.reservations, "{}", n.key);
    }
}

#[test]
fn zones_and_slots_follow_the_regions() {
    let table = presets::default_regions().unwrap();
    assert_eq!(zones_for(&two_regions(), &table), zones());
    assert_eq!(
        zones_for(&strings(&["westeurope", "eastus"]), &table),
        strings(&["Zone 1"])
    );
    let needs = needed_meters();
    let s = slots(&needs, &two_regions(), &zones());
    let reserved = needs.iter().filter(|n| n.reservations).count();
    let regional = needs.iter().filter(|n| n.scope == Scope::Regional).count();
    let global = needs.iter().filter(|n| n.scope == Scope::Global).count();
    let zonal = needs.iter().filter(|n| n.scope == Scope::Zonal).count();
    assert_eq!(s.len(), 2 * (regional + 2 * reserved) + global + 2 * zonal);
}

/// API items, one per slot, for every meter the engine needs.
fn synthetic_items(regions: &[String], zones: &[String]) -> Vec<Item> {
    let needs = needed_meters();
    let shipped = presets::default_sheet().unwrap();
    slots(&needs, regions, zones)
        .into_iter()
        .map(|s| {
            let unit = shipped
                .rows
                .iter()
                .find(|r| {
                    r.service_name == s.key.service
                        && r.product_name == s.key.product
                        && r.sku_name == s.key.sku
                        && r.meter_name == s.key.meter
                })
                .map(|r| r.unit_of_measure.as_str())
                .unwrap();
            Item {
                currency_code: "EUR".into(),
                tier_minimum_units: Some(0.0),
                reservation_term: s.term.as_str().into(),
                retail_price: Some(if s.term == ReservationTerm::None {
                    0.5
                } else {
                    2000.0
                }),
                arm_region_name: s.region.clone(),
                effective_start_date: "2026-06-01T00:00:00Z".into(),
                meter_name: s.key.meter.into(),
                product_name: s.key.product.into(),
                sku_name: s.key.sku.into(),
                service_name: s.key.service.into(),
                unit_of_measure: unit.into(),
                price_type: if s.term == ReservationTerm::None {
                    "Consumption"
                } else {
                    "Reservation"
                }
                .into(),
                is_primary_meter_region: Some(true),
                ..Item::default()
            }
        })
        .collect()
}

/// Answers every query with the same items (the mapping sorts them out).
struct Everything(String);

impl Fetch for Everything {
    fn get(&mut self, _url: &str) -> Result<String, FetchError> {
        Ok(self.0.clone())
    }
}

fn items_page(items: &[Item]) -> String {
    let list: Vec<String> = items
        .iter()
        .map(|i| {
            format!(
                r#"{{"currencyCode":"{}","tierMinimumUnits":0.0,"reservationTerm":"{}","retailPrice":{},"armRegionName":"{}","effectiveStartDate":"{}","meterName":"{}","productName":"{}","skuName":"{}","serviceName":"{}","unitOfMeasure":"{}","type":"{}","isPrimaryMeterRegion":true,"armSkuName":""}}"#,
                i.currency_code,
                i.reservation_term,
                i.retail_price.unwrap(),
                i.arm_region_name,
                i.effective_start_date,
                i.meter_name,
                i.product_name,
                i.sku_name,
                i.service_name,
                i.unit_of_measure,
                i.price_type
            )
        })
        .collect();
    format!(
        r#"{{"BillingCurrency":"USD","Items":[{}],"NextPageLink":null,"Count":{}}}"#,
        list.join(","),
        items.len()
    )
}

#[test]
fn a_complete_answer_gives_a_complete_sheet_the_planner_can_price_every_preset_with() {
    let table = presets::default_regions().unwrap();
    // The regions the shipped sheet prices (those the presets use).
    let shipped = presets::default_sheet().unwrap();
    let regions: Vec<String> = table
        .regions
        .iter()
        .map(|r| r.arm_region_name.clone())
        .filter(|r| shipped.has_region(r))
        .collect();
    assert_eq!(regions.len(), 7);
    let zones = zones_for(&regions, &table);
    let dir = temp_dir("complete");
    std::fs::write(
        dir.join("index.json"),
        "{\"sheets\": [\"azure-retail-usd.csv\"]}\n",
    )
    .unwrap();
    let opts = Options {
        regions: regions.clone(),
        currency: "EUR".into(),
        out: dir.join("azure-retail-eur.csv"),
        base_url: BASE.into(),
        max_pages: 5,
        strict: true,
    };
    let mut fetch = Everything(items_page(&synthetic_items(&regions, &zones)));
    let mut lines = Vec::new();
    let outcome = run(&opts, &mut fetch, &mut |l: &str| lines.push(l.to_string())).unwrap();
    assert!(outcome.missing.is_empty(), "{:?}", outcome.missing);
    assert_eq!(outcome.sheet.currency, "EUR");
    assert_eq!(outcome.index, IndexUpdate::Added(dir.join("index.json")));
    assert!(!lines.is_empty());
    assert!(missing_report(&outcome.missing, &regions).starts_with("Complete"));
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    assert_eq!(
        index,
        "{\"sheets\": [\"azure-retail-usd.csv\", \"azure-retail-eur.csv\"]}\n"
    );

    // Every preset prices without a missing price on the refreshed sheet.
    let text = std::fs::read_to_string(&opts.out).unwrap();
    let sheet = PriceSheet::parse("azure-retail-eur.csv", &text).unwrap();
    for (id, _, _) in presets::PRESETS {
        let scenario = presets::preset(id).unwrap();
        let plan = evaluate(&scenario, &sheet, &table);
        assert!(
            plan.is_ok(),
            "{id}: {}",
            plan.err().map(|e| e.to_string()).unwrap_or_default()
        );
        assert_eq!(plan.unwrap().currency, "EUR");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------- output

#[test]
fn an_invalid_sheet_never_replaces_the_target() {
    let dir = temp_dir("invalid");
    let target = dir.join("sheet.csv");
    std::fs::write(&target, "old contents").unwrap();
    let err = write_sheet(&target, "not,a,price,sheet\n").unwrap_err();
    assert!(err.contains("not valid"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old contents");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "the temporary file is removed"
    );
    let err = write_sheet(&dir.join("missing-dir").join("x.csv"), "x").unwrap_err();
    assert!(err.contains("does not exist"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_sheet_list_gains_the_new_file_once() {
    let one = "{\"sheets\": [\"azure-retail-usd.csv\"]}\n";
    assert_eq!(
        add_to_index(one, "azure-retail-eur.csv").unwrap().unwrap(),
        "{\"sheets\": [\"azure-retail-usd.csv\", \"azure-retail-eur.csv\"]}\n"
    );
    assert_eq!(add_to_index(one, "azure-retail-usd.csv").unwrap(), None);
    let more = add_to_index("{\"sheets\": [], \"default\": \"a.csv\"}", "b.csv")
        .unwrap()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&more).unwrap();
    assert_eq!(v["sheets"][0], "b.csv");
    assert_eq!(v["default"], "a.csv");
    assert!(add_to_index("[1]", "b.csv").is_err());
    assert!(add_to_index("{\"sheets\": 3}", "b.csv").is_err());
    assert!(add_to_index("{", "b.csv").is_err());

    let dir = temp_dir("index");
    assert_eq!(
        update_index(&dir.join("x.csv")).unwrap(),
        IndexUpdate::NoIndex
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dates_and_retry_rules() {
    assert_eq!(civil_date(0), "1970-01-01");
    assert_eq!(civil_date(11_017), "2000-03-01");
    assert_eq!(civil_date(19_782), "2024-02-29");
    assert_eq!(civil_date(20_818), "2026-12-31");

    assert_eq!(parse_retry_after(" 7 "), Some(Duration::from_secs(7)));
    assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    assert!(retryable_status(429) && retryable_status(500) && retryable_status(503));
    assert!(!retryable_status(400) && !retryable_status(404) && !retryable_status(200));
    let p = RetryPolicy::default();
    assert_eq!(p.backoff(0), Duration::from_secs(1));
    assert_eq!(p.backoff(3), Duration::from_secs(8));
    assert_eq!(p.backoff(40), Duration::from_secs(30), "capped");
    assert_eq!(
        p.wait(2, Some(Duration::from_secs(3))),
        Ok(Duration::from_secs(3)),
        "Retry-After wins"
    );
    assert_eq!(p.wait(2, None), Ok(Duration::from_secs(4)));
    assert_eq!(
        p.wait(0, Some(Duration::from_secs(3600))),
        Err(Duration::from_secs(3600))
    );
}

#[test]
fn bad_options_are_refused_before_any_request() {
    let opts = |regions: &[&str], currency: &str| Options {
        regions: strings(regions),
        currency: currency.into(),
        out: PathBuf::from("x.csv"),
        base_url: BASE.into(),
        max_pages: 5,
        strict: false,
    };
    let mut never = MapFetch::new(&[]);
    for (o, want) in [
        (opts(&["westeurope"], "eur"), "three-letter"),
        (opts(&["westeurope"], "XYZ"), "returns prices in USD, AUD"),
        (opts(&["narnia"], "EUR"), "narnia"),
        (opts(&[], "EUR"), "empty"),
        (opts(&["westeurope", "westeurope"], "EUR"), "twice"),
    ] {
        let err = run(&o, &mut never, &mut |_: &str| {}).unwrap_err();
        assert!(
            matches!(err, RefreshError::Usage(_)) && err.to_string().contains(want),
            "{err}"
        );
    }
    assert!(never.asked.is_empty());
}

// ---------------------------------------------------------------- end to end

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Serve the fixtures; 429 once on one page and 500 once on another.
    Fixtures,
    /// Answer 500 to everything.
    AlwaysFail,
    /// Apply each request's `$filter` to the real recorded items and answer
    /// with pages of [`REAL_PAGE_SIZE`] items, chained by `NextPageLink`.
    Real,
}

struct Server {
    base: String,
    log: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on a free port of 127.0.0.1. The thread ends when told to,
    /// or by itself after 60 s.
    fn start(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}/api/retail/prices");
        listener.set_nonblocking(true).unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log2, stop2, base2) = (log.clone(), stop.clone(), base.clone());
        let thread = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut faulted: HashSet<&'static str> = HashSet::new();
            while !stop2.load(Ordering::SeqCst) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => serve(stream, mode, &base2, &log2, &mut faulted),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => break,
                }
            }
        });
        Self {
            base,
            log,
            stop,
            thread: Some(thread),
        }
    }

    fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The decoded query parameters of a request target.
fn params(target: &str) -> HashMap<String, String> {
    let query = target.split_once('?').map(|(_, q)| q).unwrap_or("");
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (percent_decode(k), percent_decode(v)))
        .collect()
}

/// Which fixture answers a request: `page=NAME` in a next link, else the
/// first page of a query by its filter; `None` for a query with no fixture
/// (answered with an empty page).
fn route(p: &HashMap<String, String>) -> Option<&'static str> {
    const PAGES: [&str; 8] = [
        "vm-westeurope-1",
        "vm-westeurope-2",
        "vm-westeurope-3",
        "vm-westeurope-reservation",
        "vm-southeastasia",
        "app-service-westeurope",
        "front-door",
        "traffic-manager",
    ];
    if let Some(page) = p.get("page") {
        return PAGES.iter().copied().find(|n| n == page);
    }
    let f = p.get("$filter")?;
    let has = |s: &str| f.contains(s);
    let consumption = has("priceType eq 'Consumption'");
    let reservation = has("priceType eq 'Reservation'");
    let we = has("armRegionName eq 'westeurope'");
    let sea = has("armRegionName eq 'southeastasia'");
    if has("serviceName eq 'Virtual Machines'") {
        return match (we, sea, consumption, reservation) {
            (true, _, true, _) => Some("vm-westeurope-1"),
            (true, _, _, true) => Some("vm-westeurope-reservation"),
            (_, true, true, _) => Some("vm-southeastasia"),
            _ => None,
        };
    }
    if has("serviceName eq 'Azure App Service'") && we && consumption {
        return Some("app-service-westeurope");
    }
    if has("serviceName eq 'Azure Front Door Service'") && !has("armRegionName") {
        return Some("front-door");
    }
    if has("serviceName eq 'Traffic Manager'") && !has("armRegionName") {
        return Some("traffic-manager");
    }
    None
}

fn respond(stream: &mut TcpStream, status: &str, extra: &str, body: &str) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body.as_bytes());
    let _ = stream.flush();
}

fn serve(
    mut stream: TcpStream,
    mode: Mode,
    base: &str,
    log: &Mutex<Vec<String>>,
    faulted: &mut HashSet<&'static str>,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 64 * 1024 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let text = String::from_utf8_lossy(&request).into_owned();
    let target = text
        .lines()
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or("")
        .to_string();
    if mode == Mode::Real {
        return serve_real(&mut stream, base, &target, log);
    }
    if mode == Mode::AlwaysFail {
        log.lock().unwrap().push(format!("500 {target}"));
        return respond(
            &mut stream,
            "500 Internal Server Error",
            "",
            "{\"error\":\"down\"}",
        );
    }
    let p = params(&target);
    // Every request carries the api-version and the currency.
    if p.get("api-version").map(String::as_str) != Some("2023-01-01-preview")
        || p.get("currencyCode").map(String::as_str) != Some("'EUR'")
    {
        log.lock().unwrap().push(format!("400 {target}"));
        return respond(
            &mut stream,
            "400 Bad Request",
            "",
            "{\"Error\":{\"Message\":\"bad query\"}}",
        );
    }
    let name = route(&p);
    if name == Some("vm-westeurope-2") && faulted.insert("vm-westeurope-2") {
        log.lock().unwrap().push(format!("429 {target}"));
        return respond(
            &mut stream,
            "429 Too Many Requests",
            "Retry-After: 1\r\n",
            "{}",
        );
    }
    if name == Some("front-door") && faulted.insert("front-door") {
        log.lock().unwrap().push(format!("500 {target}"));
        return respond(&mut stream, "500 Internal Server Error", "", "{}");
    }
    let body = match name {
        Some(n) => std::fs::read_to_string(format!("{FIXTURES}/{n}.json"))
            .unwrap_or_default()
            .replace("{BASE}", base),
        None => "{\"BillingCurrency\":\"USD\",\"Items\":[],\"NextPageLink\":null,\"Count\":0}"
            .to_string(),
    };
    log.lock()
        .unwrap()
        .push(format!("200 {} {target}", name.unwrap_or("empty")));
    respond(&mut stream, "200 OK", "", &body);
}

fn refresh_prices(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_refresh-prices"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn end_to_end_against_a_local_server_with_a_429_and_a_500() {
    let server = Server::start(Mode::Fixtures);
    let dir = temp_dir("e2e");
    std::fs::write(
        dir.join("index.json"),
        "{\"sheets\": [\"azure-retail-usd.csv\"]}\n",
    )
    .unwrap();
    let out = dir.join("azure-retail-eur.csv");
    let out_s = out.to_string_lossy().into_owned();
    let run = refresh_prices(&[
        "--regions",
        "westeurope,southeastasia",
        "--currency",
        "EUR",
        "--out",
        &out_s,
        "--base-url",
        &server.base,
        "--retry-delay-ms",
        "20",
        "--timeout-secs",
        "10",
    ]);
    let stdout = text(&run.stdout);
    let stderr = text(&run.stderr);
    let requests = server.requests();
    drop(server);
    assert_eq!(
        run.status.code(),
        Some(1),
        "written with gaps\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );

    // The 429 and the 500 were retried, and the pages chained.
    let count = |prefix: &str| requests.iter().filter(|r| r.starts_with(prefix)).count();
    assert_eq!(count("429 "), 1, "{requests:#?}");
    assert_eq!(count("500 "), 1, "{requests:#?}");
    assert_eq!(count("400 "), 0, "{requests:#?}");
    for page in [
        "vm-westeurope-1",
        "vm-westeurope-2",
        "vm-westeurope-3",
        "front-door",
        "traffic-manager",
    ] {
        assert_eq!(count(&format!("200 {page} ")), 1, "{page}: {requests:#?}");
    }
    assert!(
        stderr.contains("HTTP 429") && stderr.contains("Retry-After"),
        "{stderr}"
    );
    assert!(stderr.contains("HTTP 500"), "{stderr}");
    assert!(
        stderr.contains("10 Hours"),
        "the skipped unit is named: {stderr}"
    );

    // The sheet parses and holds the fixture prices.
    let sheet = PriceSheet::parse(
        "azure-retail-eur.csv",
        &std::fs::read_to_string(&out).unwrap(),
    )
    .unwrap();
    assert_eq!(sheet.currency, "EUR");
    assert_eq!(sheet.rows.len(), 19);
    let d2s = sheet
        .rows
        .iter()
        .find(|r| {
            r.meter_name == "D2s v5"
                && r.arm_region_name == "westeurope"
                && r.reservation_term == ReservationTerm::None
        })
        .unwrap();
    assert_eq!(d2s.retail_price, 0.1104);
    assert!(
        d2s.source
            .starts_with("Azure Retail Prices API, fetched 20"),
        "{}",
        d2s.source
    );
    assert!(sheet
        .rows
        .iter()
        .any(|r| r.reservation_term == ReservationTerm::ThreeYears && r.retail_price == 1102.5));
    assert!(sheet
        .rows
        .iter()
        .any(|r| r.meter_name == "Standard Requests" && r.tier_minimum_units == 25000.0));
    assert!(!sheet
        .rows
        .iter()
        .any(|r| r.product_name.ends_with(" Windows") || r.sku_name.contains("Spot")));

    // The missing-meter report: per region, with the reason where known.
    assert!(stdout.contains("Missing: "), "{stdout}");
    assert!(stdout.contains("  westeurope ("), "{stdout}");
    assert!(stdout.contains("  southeastasia ("), "{stdout}");
    assert!(stdout.contains("  Zone 1 ("), "{stdout}");
    assert!(stdout.contains("Virtual Machines / Virtual Machines Dsv5 Series / D8s v5 / D8s v5: the API's unit “10 Hours”"), "{stdout}");
    assert!(
        stdout.contains("Redis Cache / Azure Redis Cache Premium / P1 / P1 Cache Instance"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Dsv5 Series / D2s v5 / D2s v5\n"),
        "D2s v5 was returned: {stdout}"
    );
    assert!(stdout.contains("(1 Year reservation)"), "{stdout}");

    // The sheet list gained the new file.
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    assert!(index.contains("\"azure-retail-eur.csv\""), "{index}");
    assert!(stdout.contains("sheet selector"), "{stdout}");
    // Only the sheet and the index are left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["azure-retail-eur.csv", "index.json"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failing_run_leaves_the_existing_sheet_untouched() {
    let server = Server::start(Mode::AlwaysFail);
    let dir = temp_dir("fail");
    let out = dir.join("azure-retail-eur.csv");
    let before = presets::DEFAULT_SHEET_CSV;
    std::fs::write(&out, before).unwrap();
    let out_s = out.to_string_lossy().into_owned();
    let run = refresh_prices(&[
        "--regions",
        "westeurope",
        "--currency",
        "EUR",
        "--out",
        &out_s,
        "--base-url",
        &server.base,
        "--max-retries",
        "2",
        "--retry-delay-ms",
        "10",
    ]);
    let requests = server.requests();
    drop(server);
    let stderr = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert_eq!(
        requests.len(),
        3,
        "one attempt and two retries, then stop: {requests:#?}"
    );
    assert!(
        stderr.contains("HTTP 500") && stderr.contains("gave up after 3 attempts"),
        "{stderr}"
    );
    assert!(stderr.contains("Nothing was written"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_explains_itself_and_refuses_bad_arguments() {
    let help = refresh_prices(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let usage = text(&help.stdout);
    for needle in [
        "--regions",
        "--currency",
        "--out",
        "--base-url",
        "Exit status",
        "  1  ",
        "  2  ",
    ] {
        assert!(usage.contains(needle), "{needle}: {usage}");
    }
    let bad = refresh_prices(&[
        "--regions",
        "westeurope",
        "--out",
        "x.csv",
        "--currency",
        "euro",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("three-letter"));
    let missing = refresh_prices(&["--regions", "westeurope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("--out is required"));
}

// ---------------------------------------------------------------- real recorded answers

/// Real recorded Retail Prices API answers (East US, USD): verbatim items
/// from rshade/finfocus-plugin-azure-public's curl captures
/// (`internal/pricing/testdata/retail/`); `real/SOURCES.md` gives the source
/// path, commit and query of each file.
const REAL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/retail-api/real"
);

const REAL_FILES: [&str; 7] = [
    "app-service.json",
    "aks.json",
    "cosmos-db.json",
    "sql-database.json",
    "load-balancer.json",
    "vm-d2s-v3-eastus.json",
    "vm-reservation-d2als-v7-eastus.json",
];

/// Items served per page by the replaying server (small, so paging runs).
const REAL_PAGE_SIZE: usize = 10;

/// The items of one real recorded file, as JSON (for the server) .
fn real_json_items(file: &str) -> Vec<serde_json::Value> {
    let path = format!("{REAL}/{file}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let page: serde_json::Value = serde_json::from_str(&text).unwrap();
    page["Items"].as_array().unwrap().clone()
}

/// The items of one real recorded file, parsed as the refresh parses them
/// (the scripted capture `snapshot-eastus2-zone1.json`, which is not an API
/// page, through [`snapshot_items`]).
/// A recorded page mapped as `refresh-prices` maps one region's answer:
/// every meter the planner needs, the sheet's currency.
fn map_in_region(items: &[Item], region: &str) -> Mapping {
    map_items(
        items,
        &needed_meters(),
        &strings(&[region]),
        &[],
        "USD",
        "d",
    )
    .unwrap()
}

fn real_items(file: &str) -> Vec<Item> {
    if file == SNAPSHOT {
        return snapshot_items();
    }
    let path = format!("{REAL}/{file}");
    parse_page(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .items
}

// A small OData `$filter` evaluator: `field eq 'text'`, `and`, `or` and
// parentheses, which is all the refresh sends.

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Text(String),
    Open,
    Close,
}

fn tokens(filter: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<char> = filter.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            ' ' => i += 1,
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            '\'' => {
                let mut text = String::new();
                i += 1;
                while i < chars.len() {
                    if chars[i] == '\'' {
                        if chars.get(i + 1) == Some(&'\'') {
                            text.push('\'');
                            i += 2;
                            continue;
                        }
                        i += 1;
                        break;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                out.push(Tok::Text(text));
            }
            _ => {
                let mut word = String::new();
                while i < chars.len() && !matches!(chars[i], ' ' | '(' | ')' | '\'') {
                    word.push(chars[i]);
                    i += 1;
                }
                out.push(Tok::Word(word));
            }
        }
    }
    out
}

/// Whether `item` passes the filter, as the API decides it (exact,
/// case-sensitive values; `priceType` is the item's `type`).
fn filter_matches(filter: &str, item: &serde_json::Value) -> bool {
    fn or(t: &[Tok], i: &mut usize, item: &serde_json::Value) -> bool {
        let mut v = and(t, i, item);
        while t.get(*i) == Some(&Tok::Word("or".into())) {
            *i += 1;
            v |= and(t, i, item);
        }
        v
    }
    fn and(t: &[Tok], i: &mut usize, item: &serde_json::Value) -> bool {
        let mut v = atom(t, i, item);
        while t.get(*i) == Some(&Tok::Word("and".into())) {
            *i += 1;
            v &= atom(t, i, item);
        }
        v
    }
    fn atom(t: &[Tok], i: &mut usize, item: &serde_json::Value) -> bool {
        if t.get(*i) == Some(&Tok::Open) {
            *i += 1;
            let v = or(t, i, item);
            assert_eq!(t.get(*i), Some(&Tok::Close), "unbalanced filter");
            *i += 1;
            return v;
        }
        let (Some(Tok::Word(field)), Some(Tok::Word(op)), Some(Tok::Text(value))) =
            (t.get(*i), t.get(*i + 1), t.get(*i + 2))
        else {
            panic!("filter not understood at token {i}: {t:?}");
        };
        assert_eq!(op, "eq", "only eq is sent");
        *i += 3;
        let name = if field == "priceType" { "type" } else { field };
        item[name].as_str() == Some(value.as_str())
    }
    let t = tokens(filter);
    let mut i = 0;
    let v = or(&t, &mut i, item);
    assert_eq!(i, t.len(), "filter not fully read: {filter}");
    v
}

/// Answers one request from the real items: the `$filter` applied, then
/// `$skip` and a page of [`REAL_PAGE_SIZE`], with a `NextPageLink` (raw
/// spaces and quotes, as the API writes it) while items remain.
fn serve_real(stream: &mut TcpStream, base: &str, target: &str, log: &Mutex<Vec<String>>) {
    let p = params(target);
    if p.get("api-version").map(String::as_str) != Some("2023-01-01-preview")
        || p.get("currencyCode").map(String::as_str) != Some("'USD'")
    {
        log.lock().unwrap().push(format!("400 {target}"));
        return respond(stream, "400 Bad Request", "", "{}");
    }
    let filter = p.get("$filter").cloned().unwrap_or_default();
    let skip: usize = p.get("$skip").and_then(|s| s.parse().ok()).unwrap_or(0);
    let all: Vec<serde_json::Value> = REAL_FILES
        .iter()
        .flat_map(|f| real_json_items(f))
        .filter(|item| filter_matches(&filter, item))
        .collect();
    let page: Vec<serde_json::Value> = all
        .iter()
        .skip(skip)
        .take(REAL_PAGE_SIZE)
        .cloned()
        .collect();
    let next = if skip + page.len() < all.len() {
        serde_json::Value::String(format!(
            "{base}?currencyCode='USD'&api-version=2023-01-01-preview&$filter={filter}&$skip={}",
            skip + page.len()
        ))
    } else {
        serde_json::Value::Null
    };
    let body = serde_json::json!({
        "BillingCurrency": "USD",
        "CustomerEntityId": "Default",
        "CustomerEntityType": "Retail",
        "Items": page,
        "NextPageLink": next,
        "Count": page.len(),
    })
    .to_string();
    log.lock()
        .unwrap()
        .push(format!("200 {} of {} {filter}", page.len(), all.len()));
    respond(stream, "200 OK", "", &body);
}

#[test]
fn the_filter_replay_applies_the_api_filter_to_the_real_answers() {
    // Source: cosmos-db.json and app-service.json (real/SOURCES.md).
    let cosmos = real_json_items("cosmos-db.json");
    let f = "serviceName eq 'Azure Cosmos DB' and armRegionName eq 'eastus' and priceType eq 'Consumption' \
             and (productName eq 'Azure Cosmos DB autoscale' or productName eq 'Azure Cosmos DB serverless')";
    let kept: Vec<&serde_json::Value> = cosmos.iter().filter(|i| filter_matches(f, i)).collect();
    assert_eq!(
        kept.len(),
        9,
        "AP1..AP4 (100 RUs and Entry Price) and 1M RUs"
    );
    assert!(!cosmos.iter().any(|i| filter_matches(
        "serviceName eq 'Azure Cosmos DB' and armRegionName eq 'westeurope'",
        i
    )));
    let apps = real_json_items("app-service.json");
    assert_eq!(
        apps.iter()
            .filter(|i| filter_matches("productName eq 'Azure App Service Premium v3 Plan'", i))
            .count(),
        5,
        "Windows Premium v3 only: the Linux product is another name"
    );
    assert!(filter_matches(
        "meterName eq 'it''s'",
        &serde_json::json!({"meterName": "it's"})
    ));
}

#[test]
fn every_key_marked_recorded_is_in_its_real_recorded_answer() {
    // Every meter the engine marks Evidence::Recorded(file) must appear with
    // exactly that service, product, SKU and meter in that real file; a
    // reservation marked recorded must have the recorded reservation shape.
    let mut checked = 0;
    for n in needed_meters() {
        for (evidence, reservation) in [(n.evidence, false), (n.reservation_evidence, true)] {
            if reservation && !n.reservations {
                continue;
            }
            let Evidence::Recorded(what) = evidence else {
                continue;
            };
            let file = what.split([' ', ':']).next().unwrap();
            let items = real_items(file);
            if reservation {
                assert!(
                    items.iter().any(|i| i.price_type == "Reservation"
                        && i.service_name == n.key.service
                        && !i.reservation_term.is_empty()),
                    "{} (reservations): no reservation in {file}",
                    n.key
                );
            } else {
                // The SKU as the refresh matches it: the key's own, or
                // (VMs) the ARM spelling the API also uses.
                let found = items.iter().any(|i| {
                    i.service_name == n.key.service
                        && i.product_name == n.key.product
                        && planner::engine::meters::sku_matches(&n.key, &i.sku_name)
                        && i.meter_name == n.key.meter
                        && i.retail_price.is_some_and(|p| p > 0.0)
                });
                assert!(found, "{}: not in {file} at a paid price", n.key);
            }
            checked += 1;
        }
    }
    // App Service 6, AKS 2, Cosmos DB 10 (throughput and storage 5, backup
    // and restore 5), SQL Database 4, VM reservations 5; from the scripted
    // capture: VMs D2s/D4s/D8s/E4s v5 4, Redis C1 1; Log Analytics
    // ingestion 1; Key Vault operations (West Europe) 1; issue 14 §5 (West
    // Europe): Defender 5, Container Registry 2, public IP 1; issue 15 §1:
    // Front Door 6 (front-door-zone1.json), Redis C3 and P1 2
    // (redis-westeurope.json), Azure Managed Redis B5 1, Log Analytics
    // retention 1, commitment tiers 8 and web tests 1
    // (azure-monitor-westeurope.json), SQL Business Critical compute and
    // storage 2 (sql-database-westeurope.json); Application Gateway WAF v2
    // fixed cost and capacity units 2 (application-gateway-westeurope.json);
    // the P10 managed disk 1 (disk-p10-westeurope.json).
    assert_eq!(checked, 66);
}

/// The file a `Recorded` evidence names (its first word).
fn recorded_file(evidence: Evidence) -> Option<&'static str> {
    match evidence {
        Evidence::Recorded(what) => what.split([' ', ':']).next(),
        Evidence::BestSourced(_) => None,
    }
}

/// The needed meters whose key a real recorded East US answer (one of
/// [`REAL_FILES`]) holds, with the recorded East US price (consumption,
/// first tier, paid).
fn recorded_prices() -> Vec<(planner::engine::pricing::MeterKey, f64)> {
    let items: Vec<Item> = REAL_FILES.iter().flat_map(|f| real_items(f)).collect();
    needed_meters()
        .into_iter()
        .filter(|n| recorded_file(n.evidence).is_some_and(|f| REAL_FILES.contains(&f)))
        .map(|n| {
            let item = items
                .iter()
                .find(|i| {
                    i.service_name == n.key.service
                        && i.product_name == n.key.product
                        && i.sku_name == n.key.sku
                        && i.meter_name == n.key.meter
                        && i.price_type == "Consumption"
                        && i.retail_price.is_some_and(|p| p > 0.0)
                })
                .unwrap_or_else(|| panic!("{} not recorded", n.key));
            (n.key, item.retail_price.unwrap())
        })
        .collect()
}

#[test]
fn real_answers_map_to_every_recorded_meter_and_never_to_a_free_row() {
    // Source: all real files (real/SOURCES.md), mapped as one answer.
    let items: Vec<Item> = REAL_FILES.iter().flat_map(|f| real_items(f)).collect();
    let needs = needed_meters();
    let regions = strings(&["eastus"]);
    let zones = strings(&["Zone 1"]);
    let m = map_items(&items, &needs, &regions, &zones, "USD", "2026-11-26").unwrap();
    for (key, price) in recorded_prices() {
        let row = m
            .rows
            .iter()
            .find(|r| r.key == key && r.region == "eastus" && r.term == ReservationTerm::None)
            .unwrap_or_else(|| panic!("{key}: no row"));
        assert_eq!(row.price, price, "{key}");
    }
    assert!(m.rows.iter().all(|r| r.price > 0.0), "no $0 row is taken");
    // Spot-check against the recorded figures themselves.
    let price = |meter: &str, sku: &str| {
        m.rows
            .iter()
            .find(|r| r.key.meter == meter && r.key.sku == sku)
            .map(|r| r.price)
    };
    assert_eq!(price("AP1 100 RUs", "AP1"), Some(0.012));
    assert_eq!(
        price("Data Stored", "RUs"),
        Some(0.25),
        "not the $0 Free Tier row"
    );
    assert_eq!(price("100 Multi-master RU/s", "mRUs"), Some(0.016));
    assert_eq!(price("vCore", "vCore"), Some(0.152217));
    assert_eq!(
        price("Zone Redundancy vCore", "vCore ZR Zone Redundancy"),
        Some(0.09133)
    );
    assert_eq!(price("Standard Uptime SLA", "Standard"), Some(0.1));
    assert_eq!(price("Standard Long Term Support", "Standard"), Some(0.6));
    // The free-tier rows were seen and left out: Cosmos DB Free Tier ×3 and
    // Free ×1, App Service F1 ×3, SQL "Data Stored - Free", Load Balancer
    // "- Free" ×3 and Global Data Processed is $0 but not free-tier named.
    assert_eq!(m.dropped.free, 11, "{:?}", m.dropped);
    // The Windows, Spot and Low Priority VM rows of the real D2s v3 answer.
    assert_eq!(
        (m.dropped.windows, m.dropped.spot, m.dropped.low_priority),
        (3, 1, 1)
    );
}

#[test]
fn a_free_row_under_the_paid_key_is_never_taken() {
    // Source: cosmos-db.json. The real "Free Tier | Data Stored" $0 row is
    // ALTERED here to carry the paid SKU "RUs", as if a region listed the free
    // grant under the paid meter: the paid $0.25 row must still win, in either
    // order, and a lone $0 free-tier row gives no price (a missing price).
    let items = real_items("cosmos-db.json");
    let paid = items
        .iter()
        .find(|i| i.sku_name == "RUs" && i.meter_name == "Data Stored")
        .unwrap()
        .clone();
    let mut free = items
        .iter()
        .find(|i| i.sku_name == "Free Tier" && i.meter_name == "Data Stored")
        .unwrap()
        .clone();
    assert_eq!(free.retail_price, Some(0.0));
    free.sku_name = "RUs".into();
    let needs = needed_meters();
    let regions = strings(&["eastus"]);
    let zones = strings(&["Zone 1"]);
    for list in [
        vec![paid.clone(), free.clone()],
        vec![free.clone(), paid.clone()],
    ] {
        let m = map_items(&list, &needs, &regions, &zones, "USD", "d").unwrap();
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.rows[0].price, 0.25);
        assert_eq!(m.dropped.free, 1);
    }
    // Newer-dated $0 row without "Free" in its name, next to the paid one:
    // still the paid one.
    let mut zero = paid.clone();
    zero.retail_price = Some(0.0);
    zero.effective_start_date = "2030-01-01T00:00:00Z".into();
    let m = map_items(&[zero, paid], &needs, &regions, &zones, "USD", "d").unwrap();
    assert_eq!(m.rows[0].price, 0.25);
    // The real Free Tier row as recorded (SKU "Free Tier") alone: no row.
    let real_free = items
        .iter()
        .find(|i| i.sku_name == "Free Tier" && i.meter_name == "100 RU/s")
        .unwrap()
        .clone();
    let m = map_items(&[real_free], &needs, &regions, &zones, "USD", "d").unwrap();
    assert!(m.rows.is_empty());
    assert_eq!(m.dropped.free, 1);
}

#[test]
fn end_to_end_on_the_real_answers_replayed_with_their_filters() {
    // Source: every file in real/ (SOURCES.md), served by a local server that
    // applies each query's $filter and pages by 10.
    let server = Server::start(Mode::Real);
    let dir = temp_dir("real");
    let out = dir.join("azure-retail-usd.csv");
    let out_s = out.to_string_lossy().into_owned();
    let run = refresh_prices(&[
        "--regions",
        "eastus",
        "--currency",
        "USD",
        "--out",
        &out_s,
        "--base-url",
        &server.base,
        "--timeout-secs",
        "10",
    ]);
    let stdout = text(&run.stdout);
    let stderr = text(&run.stderr);
    let requests = server.requests();
    drop(server);
    assert_eq!(
        run.status.code(),
        Some(1),
        "written, with the services that have no real answer missing\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(
        requests.iter().all(|r| r.starts_with("200 ")),
        "{requests:#?}"
    );
    // Paging ran: the Cosmos DB consumption query (now with the backup
    // products) matches 27 real items, served as 10 + 10 + 7 through the
    // NextPageLink.
    for page in ["200 10 of 27 ", "200 7 of 27 "] {
        assert!(
            requests
                .iter()
                .any(|r| r.starts_with(page) && r.contains("Azure Cosmos DB")),
            "{page}: {requests:#?}"
        );
    }
    let sheet = PriceSheet::parse(
        "azure-retail-usd.csv",
        &std::fs::read_to_string(&out).unwrap(),
    )
    .unwrap();
    for (key, price) in recorded_prices() {
        let row = sheet
            .consumption(&key, "eastus")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(row.retail_price, price, "{key}");
        assert_eq!(row.confidence, "high");
        assert!(
            row.source.starts_with("Azure Retail Prices API"),
            "{}",
            row.source
        );
    }
    assert!(
        sheet.rows.iter().all(|r| r.retail_price > 0.0),
        "a $0 free-tier row was taken"
    );
    assert!(stderr.contains("$0 free-tier"), "{stderr}");
    // The report: recorded meters are not missing; the others say why.
    for (key, _) in recorded_prices() {
        assert!(
            !stdout.contains(&format!("    {key}\n")),
            "{key} reported missing:\n{stdout}"
        );
    }
    assert!(stdout.contains("Not mapped, and why"), "{stdout}");
    for meter in [
        "Redis Cache / Azure Redis Cache Standard / C3 / C3 Cache: the key is spelled as in a real recorded API answer (redis-westeurope.json",
        "Log Analytics / Log Analytics / Analytics Logs / Analytics Logs Data Ingestion: the key is spelled as in a real recorded API answer (log-analytics-westeurope.json",
        "Azure Front Door Service / Azure Front Door / Premium / Premium Base Fees: the key is spelled as in a real recorded API answer (front-door-zone1.json",
        "Application Gateway / Application Gateway WAF v2 / Standard / Standard Fixed Cost: the key is spelled as in a real recorded API answer (application-gateway-westeurope.json",
        "Storage / Premium SSD Managed Disks / P10 LRS / P10 LRS Disk: the key is spelled as in a real recorded API answer (disk-p10-westeurope.json",
        "Traffic Manager / Traffic Manager / Standard / DNS Queries: no real recorded API answer",
        "SQL Database / SQL Database Single/Elastic Pool General Purpose - SQL License / vCore / vCore: no real recorded API answer",
        "Azure App Service / Azure App Service Premium v3 Plan - Linux / P1 v3 / P1 v3 App (reservations): no real recorded API answer",
    ] {
        assert!(stdout.contains(meter), "{meter}\n{stdout}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_shipped_sheet_cites_the_real_answers_for_east_us() {
    // Source: every file in real/ (SOURCES.md). The shipped East US rows of
    // every recorded meter carry the recorded price, confidence high and a
    // source naming the recorded answer.
    let sheet = presets::default_sheet().unwrap();
    for (key, price) in recorded_prices() {
        let row = sheet
            .consumption(&key, "eastus")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(row.retail_price, price, "{key}");
        assert_eq!(row.confidence, "high", "{key}");
        assert!(
            row.source.contains("recorded Retail Prices API answer"),
            "{key}: {}",
            row.source
        );
    }
}

#[test]
fn the_shipped_sheet_has_exactly_the_rows_a_refresh_writes() {
    // Row for row interchangeable: for the regions and zones it prices, the
    // shipped sheet's first-tier rows are exactly the slots refresh-prices
    // fills (same keys, places, price types and terms), no more, no fewer.
    let sheet = presets::default_sheet().unwrap();
    let table = presets::default_regions().unwrap();
    let regions: Vec<String> = table
        .regions
        .iter()
        .map(|r| r.arm_region_name.clone())
        .filter(|r| sheet.regions().contains(r))
        .collect();
    let zones = zones_for(&regions, &table);
    let mut want: Vec<String> = slots(&needed_meters(), &regions, &zones)
        .iter()
        .map(|s| format!("{} @ {} {:?}", s.key, s.region, s.term))
        .collect();
    // Front Door zones the table's regions do not use are still shipped.
    let mut have: Vec<String> = sheet
        .rows
        .iter()
        .filter(|r| r.tier_minimum_units == 0.0)
        .filter(|r| !r.arm_region_name.starts_with("Zone ") || zones.contains(&r.arm_region_name))
        .map(|r| {
            format!(
                "{} / {} / {} / {} @ {} {:?}",
                r.service_name,
                r.product_name,
                r.sku_name,
                r.meter_name,
                r.arm_region_name,
                r.reservation_term
            )
        })
        .collect();
    want.sort();
    have.sort();
    assert_eq!(have, want);
}

// ---------------------------------------------------------------- more real answers

/// A scripted capture of the live Retail Prices API (East US 2 and Front
/// Door Zone 1, USD), an excerpt of
/// jagadishmazure-jpg/Jagadish-azure-finops `data/pricing/retail-prices-snapshot.json`
/// (real/SOURCES.md): not an API page but, per meter, the API's
/// `serviceName`, `productName`, `skuName`, `meterName`, `armRegionName`,
/// `type`, `reservationTerm` and `unitOfMeasure` with its tiers as
/// `{from_units, price}` (= `tierMinimumUnits`, `retailPrice`).
const SNAPSHOT: &str = "snapshot-eastus2-zone1.json";

/// The capture's meters as API items: one item per tier, with exactly the
/// fields the capture kept (no date, no meter ID, currency USD as the
/// capture says).
fn snapshot_items() -> Vec<Item> {
    let path = format!("{REAL}/{SNAPSHOT}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let s = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap().to_string();
    let mut out = Vec::new();
    for e in doc["items"].as_array().unwrap() {
        for t in e["tiers"].as_array().unwrap() {
            out.push(Item {
                currency_code: "USD".into(),
                service_name: s(e, "serviceName"),
                product_name: s(e, "productName"),
                sku_name: s(e, "skuName"),
                meter_name: s(e, "meterName"),
                arm_region_name: s(e, "armRegionName"),
                price_type: s(e, "type"),
                reservation_term: s(e, "reservationTerm"),
                unit_of_measure: s(e, "unitOfMeasure"),
                tier_minimum_units: t["from_units"].as_f64(),
                retail_price: t["price"].as_f64(),
                ..Item::default()
            });
        }
    }
    out
}

#[test]
fn the_key_vault_answer_for_west_europe_maps_operations_at_its_recorded_price() {
    // Source: key-vault-westeurope.json (TheCloudTheory/arm-estimator, a
    // recorded API answer with an extra "Url" field the parser ignores).
    let items = real_items("key-vault-westeurope.json");
    assert_eq!(items.len(), 5);
    let needs = needed_meters();
    let regions = strings(&["westeurope"]);
    let m = map_items(&items, &needs, &regions, &[], "USD", "2026-12-02").unwrap();
    assert_eq!(m.rows.len(), 1, "{:?}", m.rows);
    let row = &m.rows[0];
    assert_eq!(
        row.key.to_string(),
        "Key Vault / Key Vault / Standard / Operations"
    );
    assert_eq!((row.price, row.unit), (0.03, UnitOfMeasure::TenThousand));
    assert_eq!(row.region, "westeurope");
    assert_eq!(row.effective, "2015-08-01");
    // Advanced key operations, rotation, renewals: not planner meters.
    assert_eq!(m.dropped.unused, 4);
    // The shipped West Europe row is that price.
    let sheet = presets::default_sheet().unwrap();
    let shipped = sheet.consumption(&row.key, "westeurope").unwrap();
    assert_eq!(shipped.retail_price, 0.03);
}

#[test]
fn the_scripted_capture_maps_every_meter_it_holds_with_its_real_price_and_unit() {
    // Source: snapshot-eastus2-zone1.json (see SNAPSHOT).
    let items = snapshot_items();
    let needs = needed_meters();
    let regions = strings(&["eastus2"]);
    let zones = strings(&["Zone 1"]);
    let m = map_items(&items, &needs, &regions, &zones, "USD", "2026-12-02").unwrap();
    let row = |meter: &str, region: &str, term: ReservationTerm, tier: f64| {
        m.rows
            .iter()
            .find(|r| {
                r.key.meter == meter && r.region == region && r.term == term && r.tier == tier
            })
            .map(|r| (r.key.sku, r.price, r.unit))
            .unwrap_or_else(|| panic!("{meter} @ {region} {term:?} from {tier}: no row"))
    };
    use ReservationTerm::{None as Payg, OneYear, ThreeYears};
    use UnitOfMeasure::{Gigabyte as Gb, Hour, Month, TenThousand};
    // App Service Premium v3, Linux.
    assert_eq!(
        row("P1 v3 App", "eastus2", Payg, 0.0),
        ("P1 v3", 0.155, Hour)
    );
    assert_eq!(
        row("P2 v3 App", "eastus2", Payg, 0.0),
        ("P2 v3", 0.31, Hour)
    );
    assert_eq!(
        row("P3 v3 App", "eastus2", Payg, 0.0),
        ("P3 v3", 0.62, Hour)
    );
    // VMs: the API spells the Dsv5 SKUs "Standard_D2s_v5" …, Esv5 "E4s v5";
    // both reach the planner's key, consumption and both reservation terms.
    assert_eq!(row("D2s v5", "eastus2", Payg, 0.0), ("D2s v5", 0.096, Hour));
    assert_eq!(
        row("D2s v5", "eastus2", OneYear, 0.0),
        ("D2s v5", 519.0, Hour)
    );
    assert_eq!(
        row("D2s v5", "eastus2", ThreeYears, 0.0),
        ("D2s v5", 997.0, Hour)
    );
    assert_eq!(row("D4s v5", "eastus2", Payg, 0.0), ("D4s v5", 0.192, Hour));
    assert_eq!(
        row("D8s v5", "eastus2", ThreeYears, 0.0),
        ("D8s v5", 3986.0, Hour)
    );
    assert_eq!(row("E4s v5", "eastus2", Payg, 0.0), ("E4s v5", 0.252, Hour));
    assert_eq!(
        row("E4s v5", "eastus2", OneYear, 0.0),
        ("E4s v5", 1302.0, Hour)
    );
    // Redis Standard C1: one price per cache hour.
    assert_eq!(row("C1 Cache", "eastus2", Payg, 0.0), ("C1", 0.138, Hour));
    // Front Door: the base fee the API lists under Zone 1 becomes the
    // Global row, and says so; requests and data transfer keep every tier.
    assert_eq!(
        row("Standard Base Fees", "Global", Payg, 0.0),
        ("Standard", 35.0, Month)
    );
    let base = m
        .rows
        .iter()
        .find(|r| r.key.meter == "Standard Base Fees")
        .unwrap();
    assert!(base.source.contains("under Zone 1"), "{}", base.source);
    for (tier, price) in [
        (0.0, 0.009),
        (25000.0, 0.0081),
        (100000.0, 0.00729),
        (500000.0, 0.006561),
    ] {
        assert_eq!(
            row("Standard Requests", "Zone 1", Payg, tier),
            ("Standard", price, TenThousand)
        );
    }
    for (tier, price) in [
        (0.0, 0.0825),
        (10000.0, 0.065002),
        (50000.0, 0.056001),
        (150000.0, 0.014083),
        (500000.0, 0.00693),
        (1000000.0, 0.005742),
        (5000000.0, 0.005404),
    ] {
        assert_eq!(
            row("Standard Data Transfer Out", "Zone 1", Payg, tier),
            ("Standard", price, Gb)
        );
    }
    // Log Analytics: the first 5 GB are a $0 tier of the paid meter itself
    // (not a "Free" row, and no paid row shares its tier), then $2.76/GB.
    assert_eq!(
        row("Analytics Logs Data Ingestion", "eastus2", Payg, 0.0),
        ("Analytics Logs", 0.0, Gb)
    );
    assert_eq!(
        row("Analytics Logs Data Ingestion", "eastus2", Payg, 5.0),
        ("Analytics Logs", 2.76, Gb)
    );
    // The capture's bandwidth meters are not the planner's inter-region key
    // ("Rtn Preference: MGN | Standard | Standard Inter-Region Data
    // Transfer" at $0.02 and internet egress): nothing maps to it.
    assert!(m.rows.iter().all(|r| r.key.service != "Bandwidth"));
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    // Written as a sheet, it loads: the tiers are in order and complete.
    let csv = to_csv(&m.rows).unwrap();
    let sheet = PriceSheet::parse("capture.csv", &csv).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sheet.rows.len(), m.rows.len());
}

#[test]
fn the_shipped_front_door_zone_1_tiers_are_the_captured_ones() {
    // Source: snapshot-eastus2-zone1.json. Front Door Standard requests and
    // data transfer in Zone 1: every captured tier is a shipped row at the
    // captured price, and the shipped sheet has no other Zone 1 tier.
    let items = snapshot_items();
    let sheet = presets::default_sheet().unwrap();
    for meter in ["Standard Requests", "Standard Data Transfer Out"] {
        let mut want: Vec<(f64, f64)> = items
            .iter()
            .filter(|i| i.meter_name == meter && i.arm_region_name == "Zone 1")
            .map(|i| (i.tier_minimum_units.unwrap(), i.retail_price.unwrap()))
            .collect();
        let mut have: Vec<(f64, f64)> = sheet
            .rows
            .iter()
            .filter(|r| r.meter_name == meter && r.arm_region_name == "Zone 1")
            .map(|r| (r.tier_minimum_units, r.retail_price))
            .collect();
        want.sort_by(|a, b| a.0.total_cmp(&b.0));
        have.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert_eq!(have, want, "{meter}");
    }
}

/// Real recorded answers saved by Arturo-Quiroga-MSFT/azure-architecture-diagram-builder
/// (`src/data/pricing/regions/<region>/<service>.json`, real/SOURCES.md):
/// Cosmos DB in Southeast Asia (an excerpt) and Log Analytics in Southeast
/// Asia and West Europe (unchanged).
#[test]
fn southeast_asia_cosmos_db_maps_at_its_recorded_prices_and_the_sheet_ships_them() {
    let items = real_items("cosmos-db-southeastasia.json");
    assert_eq!(items.len(), 11);
    let needs = needed_meters();
    let regions = strings(&["southeastasia"]);
    let m = map_items(&items, &needs, &regions, &[], "USD", "2026-12-02").unwrap();
    let sheet = presets::default_sheet().unwrap();
    for (product, sku, meter, price, unit) in [
        (
            "Azure Cosmos DB",
            "RUs",
            "100 RU/s",
            0.008,
            UnitOfMeasure::Hour,
        ),
        (
            "Azure Cosmos DB",
            "mRUs",
            "100 Multi-master RU/s",
            0.016,
            UnitOfMeasure::Hour,
        ),
        (
            "Azure Cosmos DB autoscale",
            "AP1",
            "AP1 100 RUs",
            0.012,
            UnitOfMeasure::Hour,
        ),
        (
            "Azure Cosmos DB serverless",
            "RUs",
            "1M RUs",
            0.285,
            UnitOfMeasure::Million,
        ),
        (
            "Azure Cosmos DB",
            "RUs",
            "Data Stored",
            0.25,
            UnitOfMeasure::GigabyteMonth,
        ),
    ] {
        let row = m
            .rows
            .iter()
            .find(|r| r.key.product == product && r.key.sku == sku && r.key.meter == meter)
            .unwrap_or_else(|| panic!("{meter}: no row"));
        assert_eq!((row.price, row.unit), (price, unit), "{meter}");
        assert_eq!(row.region, "southeastasia");
        let shipped = sheet.consumption(&row.key, "southeastasia").unwrap();
        assert_eq!(shipped.retail_price, price, "shipped {meter}");
        assert_eq!(shipped.confidence, "high", "shipped {meter}");
        assert!(shipped
            .source
            .contains("azure-architecture-diagram-builder"));
    }
    assert_eq!(m.rows.len(), 5, "{:?}", m.rows);
    // Free Tier 100 RU/s, Data Stored and 100 Multi-master RU/s, and
    // "Free 100 Multi-master RU/s": all $0, none taken. The "AP1 Entry
    // Price" and mRUs "Data Stored" rows are not planner keys.
    assert_eq!(m.dropped.free, 4, "{:?}", m.dropped);
    assert!(m.rows.iter().all(|r| r.price > 0.0));
}

#[test]
fn log_analytics_answers_give_a_free_first_tier_and_the_paid_rate_the_sheet_ships() {
    let sheet = presets::default_sheet().unwrap();
    for (file, region) in [
        ("log-analytics-southeastasia.json", "southeastasia"),
        ("log-analytics-westeurope.json", "westeurope"),
    ] {
        let items = real_items(file);
        assert_eq!(items.len(), 7, "{file}");
        let m = map_in_region(&items, region);
        // Ingestion in two tiers; retention beyond the included days (the
        // compute work's meter) at $0.13 per GB-month, as the sheet ships it.
        let (ingestion, retention): (Vec<_>, Vec<_>) = m
            .rows
            .iter()
            .partition(|r| r.key.meter == "Analytics Logs Data Ingestion");
        let tiers: Vec<(f64, f64)> = ingestion.iter().map(|r| (r.tier, r.price)).collect();
        assert_eq!(tiers, vec![(0.0, 0.0), (5.0, 2.99)], "{file}");
        assert_eq!(retention.len(), 1, "{file}");
        assert_eq!(retention[0].key.meter, "Analytics Logs Data Retention");
        let kept = sheet.consumption(&retention[0].key, region).unwrap();
        assert_eq!(
            (retention[0].price, kept.retail_price),
            (0.13, 0.13),
            "{file}"
        );
        // The shipped sheet keeps the paid rate for every GB (one tier).
        let shipped = sheet.consumption(&m.rows[0].key, region).unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (2.99, "high"),
            "{region}"
        );
    }
}

#[test]
fn west_europe_redis_maps_the_cache_and_node_meters_the_planner_uses() {
    // Source: redis-westeurope.json (excerpt, real/SOURCES.md). Standard
    // bills "C1 Cache" per cache (primary and replica) beside a per-node
    // "C1 Cache Instance"; Premium's planner meter is the per-node "P1 Cache
    // Instance" beside the two-node "P1 Cache"; Basic's "C1 Cache" is
    // another product.
    let items = real_items("redis-westeurope.json");
    assert_eq!(items.len(), 7);
    let m = map_in_region(&items, "westeurope");
    let sheet = presets::default_sheet().unwrap();
    let mut got: Vec<(String, f64)> = m
        .rows
        .iter()
        .map(|r| (format!("{} {}", r.key.product, r.key.meter), r.price))
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            (
                "Azure Redis Cache Premium P1 Cache Instance".to_string(),
                0.277
            ),
            ("Azure Redis Cache Standard C1 Cache".to_string(), 0.138),
            ("Azure Redis Cache Standard C3 Cache".to_string(), 0.45),
        ]
    );
    for r in &m.rows {
        assert_eq!(r.unit, UnitOfMeasure::Hour);
        let shipped = sheet.consumption(&r.key, "westeurope").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (r.price, "high"),
            "{}",
            r.key
        );
    }
    assert_eq!(
        m.dropped.unused, 4,
        "P1 Cache, Basic C1, two Cache Instance meters"
    );
}

#[test]
fn west_europe_cosmos_db_maps_at_its_recorded_prices_and_the_sheet_ships_them() {
    // Source: cosmos-db-westeurope.json (excerpt, real/SOURCES.md; this
    // saved page writes whole numbers without ".0").
    let items = real_items("cosmos-db-westeurope.json");
    assert_eq!(items.len(), 11);
    let m = map_in_region(&items, "westeurope");
    let sheet = presets::default_sheet().unwrap();
    let mut got: Vec<(String, f64)> = m
        .rows
        .iter()
        .map(|r| {
            (
                format!("{} | {} | {}", r.key.product, r.key.sku, r.key.meter),
                r.price,
            )
        })
        .collect();
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        vec![
            (
                "Azure Cosmos DB autoscale | AP1 | AP1 100 RUs".to_string(),
                0.012
            ),
            (
                "Azure Cosmos DB serverless | RUs | 1M RUs".to_string(),
                0.305
            ),
            ("Azure Cosmos DB | RUs | 100 RU/s".to_string(), 0.008),
            ("Azure Cosmos DB | RUs | Data Stored".to_string(), 0.25),
            (
                "Azure Cosmos DB | mRUs | 100 Multi-master RU/s".to_string(),
                0.016
            ),
        ]
    );
    for r in &m.rows {
        let shipped = sheet.consumption(&r.key, "westeurope").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (r.price, "high"),
            "{}",
            r.key
        );
    }
    assert_eq!(
        m.dropped.free, 4,
        "three Free Tier rows and Free 100 Multi-master RU/s"
    );
}

#[test]
fn west_europe_sql_database_business_critical_maps_and_general_purpose_rests_on_its_1_vcore_sku() {
    // Source: sql-database-westeurope.json (excerpt, real/SOURCES.md). The
    // Business Critical keys are in it as spelled; General Purpose compute
    // and zone redundancy appear under the sized SKUs "1 vCore" and "1 vCore
    // Zone Redundancy" only, so no row maps to the planner's "vCore" SKUs:
    // the shipped West Europe rows carry those per-vCore prices and say so.
    let items = real_items("sql-database-westeurope.json");
    assert_eq!(items.len(), 6);
    let m = map_in_region(&items, "westeurope");
    let mut got: Vec<(&str, f64)> = m.rows.iter().map(|r| (r.key.product, r.price)).collect();
    got.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(
        got,
        vec![
            (
                "SQL Database Single/Elastic Pool Business Critical - Compute Gen5",
                0.334879
            ),
            (
                "SQL Database Single/Elastic Pool Business Critical - Storage",
                0.2975
            ),
        ]
    );
    let sheet = presets::default_sheet().unwrap();
    for r in &m.rows {
        let shipped = sheet.consumption(&r.key, "westeurope").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (r.price, "high")
        );
    }
    // The per-vCore General Purpose prices: "24 vCore" is 24 × "1 vCore".
    let one = items.iter().find(|i| i.sku_name == "1 vCore").unwrap();
    let many = items.iter().find(|i| i.sku_name == "24 vCore").unwrap();
    assert!((many.retail_price.unwrap() - 24.0 * one.retail_price.unwrap()).abs() < 1e-6);
    for (sku, meter, price) in [
        ("vCore", "vCore", one.retail_price.unwrap()),
        (
            "vCore ZR Zone Redundancy",
            "Zone Redundancy vCore",
            0.100463,
        ),
    ] {
        let row = sheet
            .rows
            .iter()
            .find(|r| {
                r.product_name == "SQL Database Single/Elastic Pool General Purpose - Compute Gen5"
                    && r.sku_name == sku
                    && r.meter_name == meter
                    && r.arm_region_name == "westeurope"
            })
            .unwrap();
        assert_eq!(row.retail_price, price, "{sku}");
        assert!(row.source.contains("1 vCore"), "{}", row.source);
    }
}

#[test]
fn southeast_asia_app_service_maps_linux_and_windows_premium_v3_at_their_recorded_prices() {
    // Source: app-service-southeastasia.json (excerpt, real/SOURCES.md).
    let items = real_items("app-service-southeastasia.json");
    assert_eq!(items.len(), 6);
    let m = map_in_region(&items, "southeastasia");
    assert_eq!(m.rows.len(), 6);
    let sheet = presets::default_sheet().unwrap();
    for (linux, sku, price) in [
        (true, "P1 v3", 0.183),
        (true, "P2 v3", 0.366),
        (true, "P3 v3", 0.732),
        (false, "P1 v3", 0.343),
        (false, "P2 v3", 0.686),
        (false, "P3 v3", 1.372),
    ] {
        let product = if linux {
            "Azure App Service Premium v3 Plan - Linux"
        } else {
            "Azure App Service Premium v3 Plan"
        };
        let row = m
            .rows
            .iter()
            .find(|r| r.key.product == product && r.key.sku == sku)
            .unwrap_or_else(|| panic!("{product} {sku}"));
        assert_eq!((row.price, row.unit), (price, UnitOfMeasure::Hour));
        let shipped = sheet.consumption(&row.key, "southeastasia").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (price, "high"),
            "{product} {sku}"
        );
    }
}

#[test]
fn southeast_asia_redis_maps_at_the_same_prices_as_west_europe() {
    // Source: redis-southeastasia.json (excerpt, real/SOURCES.md).
    let items = real_items("redis-southeastasia.json");
    let m = map_in_region(&items, "southeastasia");
    let sheet = presets::default_sheet().unwrap();
    let mut got: Vec<(&str, f64)> = m.rows.iter().map(|r| (r.key.meter, r.price)).collect();
    got.sort_by(|a, b| a.0.cmp(b.0));
    assert_eq!(
        got,
        vec![
            ("C1 Cache", 0.138),
            ("C3 Cache", 0.45),
            ("P1 Cache Instance", 0.277)
        ]
    );
    for r in &m.rows {
        let shipped = sheet.consumption(&r.key, "southeastasia").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (r.price, "high")
        );
    }
}

// ---------------------------------------------------------------- issue 15 §1

/// Real recorded answers added for issue 15 §1 (real/SOURCES.md): every
/// meter of Front Door, Azure Managed Redis B5, the Log Analytics commitment
/// tiers and web tests is mapped by the refresh's own mapper at its recorded
/// price, and the shipped sheet's row is compared with it.
fn sheet_row(
    sheet: &PriceSheet,
    key: &planner::engine::pricing::MeterKey,
    place: &str,
    tier: f64,
) -> f64 {
    sheet
        .rows
        .iter()
        .find(|r| {
            r.service_name == key.service
                && r.product_name == key.product
                && r.sku_name == key.sku
                && r.meter_name == key.meter
                && r.arm_region_name == place
                && r.tier_minimum_units == tier
                && r.reservation_term == ReservationTerm::None
        })
        .unwrap_or_else(|| panic!("{key} @ {place} from {tier}: not shipped"))
        .retail_price
}

#[test]
fn front_door_zone_1_maps_every_meter_and_tier_at_its_recorded_price() {
    // Source: front-door-zone1.json (yang-jiayi/AzureDiagarm japaneast
    // azure_front_door_service.json @ d4e04db8, the Zone 1 items).
    let items = real_items("front-door-zone1.json");
    assert_eq!(items.len(), 22);
    let m = map_items(
        &items,
        &needed_meters(),
        &[],
        &strings(&["Zone 1"]),
        "USD",
        "d",
    )
    .unwrap();
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    // Every paid item of the product "Azure Front Door" is a row, at its
    // zone (the base fees, listed per zone, become the Global rows), tier
    // and price; the classic "Azure Front Door Service" product's rows of
    // the same meter names (4) are not taken.
    let wanted: Vec<&Item> = items
        .iter()
        .filter(|i| i.product_name == "Azure Front Door")
        .collect();
    assert_eq!(wanted.len(), 18);
    assert_eq!(m.rows.len(), 18, "{:?}", m.rows);
    let sheet = presets::default_sheet().unwrap();
    for i in wanted {
        let global = i.meter_name.ends_with("Base Fees");
        let place = if global { "Global" } else { "Zone 1" };
        let tier = i.tier_minimum_units.unwrap();
        let row = m
            .rows
            .iter()
            .find(|r| r.key.meter == i.meter_name && r.region == place && r.tier == tier)
            .unwrap_or_else(|| panic!("{} from {tier}: no row", i.meter_name));
        assert_eq!(row.price, i.retail_price.unwrap(), "{}", i.meter_name);
        assert_eq!(
            row.key.product, "Azure Front Door",
            "not the classic product"
        );
        // The shipped sheet carries the same figure (Zone 1 rows taken from
        // this page; the base fees from Microsoft's pricing doc, which agrees).
        assert_eq!(
            sheet_row(&sheet, &row.key, place, tier),
            row.price,
            "shipped {} @ {place} from {tier}",
            row.key
        );
    }
    let unit = |meter: &str| m.rows.iter().find(|r| r.key.meter == meter).unwrap().unit;
    assert_eq!(unit("Premium Requests"), UnitOfMeasure::TenThousand);
    assert_eq!(unit("Standard Data Transfer In"), UnitOfMeasure::Gigabyte);
    assert_eq!(unit("Premium Base Fees"), UnitOfMeasure::Month);
    assert!(m.rows.iter().all(|r| r.price > 0.0));
}

#[test]
fn azure_managed_redis_b5_maps_at_its_recorded_west_europe_price() {
    // Source: redis-managed-westeurope.json (Arturo-Quiroga-MSFT westeurope
    // redis_cache.json @ b74f7990): B5 and, not to be taken for it, B50.
    let items = real_items("redis-managed-westeurope.json");
    let m = map_in_region(&items, "westeurope");
    assert_eq!(m.rows.len(), 1, "{:?}", m.rows);
    let row = &m.rows[0];
    assert_eq!(
        row.key.to_string(),
        "Redis Cache / Azure Managed Redis - Balanced / B5 / B5 Cache Instance"
    );
    assert_eq!((row.price, row.unit), (0.186, UnitOfMeasure::Hour));
    assert_eq!(m.dropped.unused, 1, "B50");
    let sheet = presets::default_sheet().unwrap();
    assert_eq!(sheet_row(&sheet, &row.key, "westeurope", 0.0), 0.186);
}

#[test]
fn azure_monitor_west_europe_maps_the_commitment_tiers_and_web_tests() {
    // Source: azure-monitor-westeurope.json (Arturo-Quiroga-MSFT westeurope
    // azure_monitor.json @ 100a9d8c): the eight commitment tiers the
    // planner offers and the standard web test execution.
    let items = real_items("azure-monitor-westeurope.json");
    assert_eq!(items.len(), 9);
    let m = map_in_region(&items, "westeurope");
    assert_eq!(m.rows.len(), 9, "{:?}", m.rows);
    let sheet = presets::default_sheet().unwrap();
    for (gb, price) in [
        (100, 252.84),
        (200, 474.72),
        (300, 696.6),
        (400, 908.16),
        (500, 1115.85),
        (1000, 2193.0),
        (2000, 4282.8),
        (5000, 10384.5),
    ] {
        let meter = format!("{gb} GB Commitment Tier Capacity Reservation");
        let row = m.rows.iter().find(|r| r.key.meter == meter).unwrap();
        assert_eq!(
            (row.price, row.unit),
            (price, UnitOfMeasure::Day),
            "{meter}"
        );
        // The shipped West Europe rows are these recorded prices.
        assert_eq!(
            sheet_row(&sheet, &row.key, "westeurope", 0.0),
            price,
            "{meter}"
        );
    }
    let web = m
        .rows
        .iter()
        .find(|r| r.key.meter == "Standard Web Test Execution")
        .unwrap();
    assert_eq!((web.price, web.unit), (0.000645, UnitOfMeasure::Each));
    // The shipped West Europe web-test row is this recorded price (it
    // carried $0.0005, an East US 2 figure, until the recording was found).
    assert_eq!(sheet_row(&sheet, &web.key, "westeurope", 0.0), 0.000645);
}

#[test]
fn application_gateway_west_europe_maps_waf_v2_and_skips_the_discounted_product() {
    // Source: application-gateway-westeurope.json (yang-jiayi/azure-
    // architecture-diagram-builder westeurope application_gateway.json
    // @ 9fb2cfeb): WAF v2 fixed cost and capacity units, and the same meter
    // names under "Application Gateway WAF v2 - Discounted", which the
    // planner does not price.
    let items = real_items("application-gateway-westeurope.json");
    assert_eq!(items.len(), 4);
    let m = map_in_region(&items, "westeurope");
    assert_eq!(m.rows.len(), 2, "{:?}", m.rows);
    assert_eq!(m.dropped.unused, 2, "the Discounted product");
    let sheet = presets::default_sheet().unwrap();
    for (meter, price) in [
        ("Standard Fixed Cost", 0.468),
        ("Standard Capacity Units", 0.0144),
    ] {
        let row = m.rows.iter().find(|r| r.key.meter == meter).unwrap();
        assert_eq!(
            row.key.to_string(),
            format!("Application Gateway / Application Gateway WAF v2 / Standard / {meter}")
        );
        assert_eq!(
            (row.price, row.unit),
            (price, UnitOfMeasure::Hour),
            "{meter}"
        );
        // The shipped West Europe rows are these recorded prices.
        assert_eq!(
            sheet_row(&sheet, &row.key, "westeurope", 0.0),
            price,
            "{meter}"
        );
    }
}

#[test]
fn p10_disk_west_europe_maps_the_managed_disk_and_skips_page_blob_and_mount() {
    // Source: disk-p10-westeurope.json (yang-jiayi/azure-architecture-
    // diagram-builder westeurope storage.json @ 9fb2cfeb): the managed
    // disk's P10 LRS Disk, its P10 LRS Disk Mount meter, and the same meter
    // name under the Premium Page Blob product.
    let items = real_items("disk-p10-westeurope.json");
    assert_eq!(items.len(), 3);
    let m = map_in_region(&items, "westeurope");
    assert_eq!(m.rows.len(), 1, "{:?}", m.rows);
    assert_eq!(m.dropped.unused, 2, "Disk Mount and Premium Page Blob");
    let row = &m.rows[0];
    assert_eq!(
        row.key.to_string(),
        "Storage / Premium SSD Managed Disks / P10 LRS / P10 LRS Disk"
    );
    assert_eq!((row.price, row.unit), (21.68, UnitOfMeasure::Month));
    // The shipped West Europe row is this recorded price (it carried a
    // derived $23.61, East US x the VM ratio, until the recording was found).
    let sheet = presets::default_sheet().unwrap();
    assert_eq!(sheet_row(&sheet, &row.key, "westeurope", 0.0), 21.68);
}

#[test]
fn west_europe_sql_database_general_purpose_storage_and_vcore_skus_map() {
    // Source: sql-database-gp-westeurope.json (Arturo-Quiroga-MSFT westeurope
    // sql_database.json @ 535d3fcf, read past the first 80,000 characters):
    // General Purpose storage, zone-redundant storage, and the compute and
    // zone-redundancy rows under the planner's own "vCore" SKUs.
    let items = real_items("sql-database-gp-westeurope.json");
    assert_eq!(items.len(), 4);
    let m = map_in_region(&items, "westeurope");
    assert_eq!(m.rows.len(), 4, "{:?}", m.rows);
    let sheet = presets::default_sheet().unwrap();
    for (meter, price) in [
        ("General Purpose Data Stored", 0.13685),
        ("General Purpose Zone Redundancy Data Stored", 0.274),
        ("vCore", 0.167439),
        ("Zone Redundancy vCore", 0.100463),
    ] {
        let row = m.rows.iter().find(|r| r.key.meter == meter).unwrap();
        assert_eq!(row.price, price, "{meter}");
        // The shipped West Europe rows are these recorded prices (the two
        // storage rows were derived, East US x the VM ratio, until now).
        let shipped = sheet.consumption(&row.key, "westeurope").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (price, "high"),
            "{meter}"
        );
    }
}

#[test]
fn southeast_asia_sql_database_general_purpose_storage_maps_and_skips_the_free_row() {
    // Source: sql-database-gp-southeastasia.json (Arturo-Quiroga-MSFT
    // southeastasia sql_database.json @ 0cf1ac30): General Purpose storage
    // and zone-redundant storage, the "vCore" and "vCore ZR" SKU rows, and
    // the $0 "General Purpose Data Stored - Free" row under the same SKU.
    let items = real_items("sql-database-gp-southeastasia.json");
    assert_eq!(items.len(), 5);
    let m = map_in_region(&items, "southeastasia");
    assert_eq!(m.rows.len(), 4, "{:?}", m.rows);
    assert_eq!(m.dropped.free, 1, "General Purpose Data Stored - Free");
    let sheet = presets::default_sheet().unwrap();
    for (meter, price) in [
        ("General Purpose Data Stored", 0.138),
        ("General Purpose Zone Redundancy Data Stored", 0.276),
        ("vCore", 0.181138),
        ("Zone Redundancy vCore", 0.108683),
    ] {
        let row = m.rows.iter().find(|r| r.key.meter == meter).unwrap();
        assert_eq!(row.price, price, "{meter}");
        let shipped = sheet.consumption(&row.key, "southeastasia").unwrap();
        assert_eq!(
            (shipped.retail_price, shipped.confidence.as_str()),
            (price, "high"),
            "{meter}"
        );
    }
}
