//! From API items to sheet rows: keep the meters the engine uses, drop
//! Windows VMs, Spot and Low Priority, put global and zonal meters under
//! `Global` or `Zone N`, map the unit, choose one row where the API repeats
//! a meter, and write the CSV in the planner's format.

use std::collections::HashMap;

use super::api::Item;
use super::needs::{Need, Scope, Slot};
use crate::engine::meters;
use crate::engine::pricing::{
    MeterKey, PriceType, ReservationTerm, UnitOfMeasure, PRICE_SHEET_COLUMNS,
};

/// One row of the new sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    pub key: MeterKey,
    pub arm_sku_name: String,
    /// A requested region, `Global` or `Zone N`.
    pub region: String,
    pub unit: UnitOfMeasure,
    pub price: f64,
    pub currency: String,
    pub price_type: PriceType,
    pub term: ReservationTerm,
    pub tier: f64,
    /// `YYYY-MM-DD`, or empty when the API gave none.
    pub effective: String,
    pub source: String,
}

/// The result of mapping a set of items.
#[derive(Clone, Debug, Default)]
pub struct Mapping {
    pub rows: Vec<SheetRow>,
    /// Items of needed meters that could not become a row (unknown unit,
    /// no price, conflicting duplicates), by the slot they would have filled.
    pub problems: HashMap<Slot, String>,
    /// One line per problem, for the user.
    pub warnings: Vec<String>,
    pub dropped: Dropped,
}

/// Items left out on purpose, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    pub windows: usize,
    pub spot: usize,
    pub low_priority: usize,
    /// DevTestConsumption and other price types.
    pub other_price_type: usize,
    /// Meters, regions or terms the engine does not use.
    pub unused: usize,
    /// Same meter returned more than once (one kept).
    pub duplicates: usize,
    /// $0 free-tier rows (a `Free` SKU, meter or product at price 0, or a
    /// $0 row next to a paid one for the same meter and place): never taken.
    pub free: usize,
}

/// An API unit the sheet can hold: the sheet's unit, and what the API's
/// price must be divided by to be a price per that unit.
pub fn map_unit(api_unit: &str) -> Option<(UnitOfMeasure, f64)> {
    let u = api_unit.trim();
    if let Some(known) = UnitOfMeasure::parse(u) {
        return Some((known, 1.0));
    }
    Some(match u {
        // A price for 100 hours is a hundred hourly prices.
        "100 Hours" => (UnitOfMeasure::Hour, 100.0),
        _ => return None,
    })
}

/// Why a VM item is dropped, if it is: the planner prices Linux
/// pay-as-you-go and reserved nodes only.
pub fn vm_drop_reason(item: &Item) -> Option<&'static str> {
    if item.service_name == crate::engine::meters::VIRTUAL_MACHINES
        && item.product_name.trim_end().ends_with(" Windows")
    {
        return Some("Windows");
    }
    let names = [&item.sku_name, &item.meter_name];
    if names.iter().any(|n| n.contains("Low Priority")) {
        return Some("Low Priority");
    }
    if names.iter().any(|n| n.contains("Spot")) {
        return Some("Spot");
    }
    None
}

/// Whether an item is a $0 free-tier row (`Free Tier` storage, `F1` plans,
/// `... - Free` meters): price 0 and `Free` in its SKU, meter or product.
/// Such rows often share a meter name with the paid row and are never taken.
pub fn is_free_tier(item: &Item) -> bool {
    item.retail_price == Some(0.0)
        && [&item.sku_name, &item.meter_name, &item.product_name]
            .iter()
            .any(|n| n.contains("Free"))
}

/// The `YYYY-MM-DD` part of an API timestamp, if it has one.
pub fn date_part(timestamp: &str) -> Option<String> {
    let d = timestamp.trim().get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    ok.then(|| d.to_string())
}

/// Where a global meter's row came from, best first.
fn global_rank(item: &Item) -> Option<u8> {
    match item.arm_region_name.trim() {
        meters::GLOBAL => Some(0),
        "" if item.location.trim() == meters::GLOBAL || item.location.trim().is_empty() => Some(1),
        "Zone 1" => Some(2),
        "" if item.location.trim() == "Zone 1" => Some(2),
        _ => None,
    }
}

/// A zonal item's zone: `armRegionName` when it is `Zone N`, else its
/// `location` when `armRegionName` is empty and the location is a zone.
fn zone_of(item: &Item) -> Option<String> {
    let r = item.arm_region_name.trim();
    if r.starts_with("Zone ") {
        return Some(r.to_string());
    }
    let l = item.location.trim();
    (r.is_empty() && l.starts_with("Zone ")).then(|| l.to_string())
}

struct Candidate {
    rank: u8,
    effective: String,
    primary: bool,
    row: SheetRow,
}

type RowKey = (MeterKey, String, PriceType, ReservationTerm, u64);

/// Maps API items to sheet rows.
///
/// $0 free-tier rows ([`is_free_tier`]) are left out, and so is a $0 row
/// where a paid row exists for the same meter, place, term and tier.
///
/// * `needs`: the meters to keep; `regions` and `zones`: the places to keep.
/// * `currency`: the requested currency; an item in another one is an error
///   (the API fell back to another currency), never a row.
/// * `fetched`: today's date, for the `source` column.
///
/// Where the API returns the same meter, place, term and tier more than
/// once, the row kept is, in order: for a global meter, the one under
/// `Global`, then no region, then `Zone 1`; the latest `effectiveStartDate`;
/// the primary meter region. If those still tie on different prices, no row
/// is written and the slot is reported as a problem.
pub fn map_items(
    items: &[Item],
    needs: &[Need],
    regions: &[String],
    zones: &[String],
    currency: &str,
    fetched: &str,
) -> Result<Mapping, String> {
    let mut m = Mapping::default();
    let mut groups: HashMap<RowKey, Vec<Candidate>> = HashMap::new();
    let mut order: Vec<RowKey> = Vec::new();
    for item in items {
        if !item.currency_code.is_empty() && item.currency_code != currency {
            return Err(format!(
                "the API answered in {} instead of {currency} (meter “{}”): the currency may not be supported",
                item.currency_code, item.meter_name
            ));
        }
        let price_type = match item.price_type.as_str() {
            "Consumption" => PriceType::Consumption,
            "Reservation" => PriceType::Reservation,
            _ => {
                m.dropped.other_price_type += 1;
                continue;
            }
        };
        if is_free_tier(item) {
            m.dropped.free += 1;
            continue;
        }
        match vm_drop_reason(item) {
            Some("Windows") => {
                m.dropped.windows += 1;
                continue;
            }
            Some("Low Priority") => {
                m.dropped.low_priority += 1;
                continue;
            }
            Some(_) => {
                m.dropped.spot += 1;
                continue;
            }
            None => {}
        }
        let Some(need) = needs.iter().find(|n| {
            n.key.service == item.service_name
                && n.key.product == item.product_name
                && meters::sku_matches(&n.key, &item.sku_name)
                && n.key.meter == item.meter_name
        }) else {
            m.dropped.unused += 1;
            continue;
        };
        let term = match price_type {
            PriceType::Consumption => ReservationTerm::None,
            PriceType::Reservation if need.reservations => match item.reservation_term.trim() {
                "1 Year" => ReservationTerm::OneYear,
                "3 Years" => ReservationTerm::ThreeYears,
                _ => {
                    m.dropped.unused += 1;
                    continue;
                }
            },
            PriceType::Reservation => {
                m.dropped.unused += 1;
                continue;
            }
        };
        let (region, rank, note) = match need.scope {
            Scope::Regional => {
                if !regions.contains(&item.arm_region_name) {
                    m.dropped.unused += 1;
                    continue;
                }
                (item.arm_region_name.clone(), 0, String::new())
            }
            Scope::Zonal => match zone_of(item) {
                Some(z) if zones.contains(&z) => (z, 0, String::new()),
                _ => {
                    m.dropped.unused += 1;
                    continue;
                }
            },
            Scope::Global => match global_rank(item) {
                Some(rank) => {
                    let note = if rank == 2 {
                        "; the API lists this once-per-profile fee under Zone 1".to_string()
                    } else {
                        String::new()
                    };
                    (meters::GLOBAL.to_string(), rank, note)
                }
                None => {
                    m.dropped.unused += 1;
                    continue;
                }
            },
        };
        let tier_raw = item.tier_minimum_units.unwrap_or(0.0);
        let slot = Slot {
            key: need.key,
            region: region.clone(),
            term,
        };
        let problem = |m: &mut Mapping, what: String| {
            let text = format!("{slot} in {region}: {what}");
            m.warnings.push(text);
            if tier_raw == 0.0 {
                m.problems.entry(slot.clone()).or_insert(what);
            }
        };
        let Some((unit, divisor)) = map_unit(&item.unit_of_measure) else {
            problem(
                &mut m,
                format!(
                    "the API's unit “{}” is not one the sheet knows (1 Hour, 1/Month, 1/Day, 10K, 1M, 1 GB, 1 GB/Month); row skipped",
                    item.unit_of_measure
                ),
            );
            continue;
        };
        if divisor != 1.0 && price_type == PriceType::Reservation {
            problem(
                &mut m,
                format!(
                    "a reservation priced per “{}” cannot be converted; row skipped",
                    item.unit_of_measure
                ),
            );
            continue;
        }
        let price = match item.retail_price {
            Some(p) if p.is_finite() && p >= 0.0 => p,
            Some(p) => {
                problem(
                    &mut m,
                    format!("the API's price {p} is not a valid price; row skipped"),
                );
                continue;
            }
            None => {
                problem(
                    &mut m,
                    "the API gave no retailPrice; row skipped".to_string(),
                );
                continue;
            }
        };
        if !(tier_raw.is_finite() && tier_raw >= 0.0) {
            problem(
                &mut m,
                format!("the API's tierMinimumUnits {tier_raw} is not valid; row skipped"),
            );
            continue;
        }
        let mut source = format!("Azure Retail Prices API, fetched {fetched}");
        if divisor != 1.0 {
            source.push_str(&format!(
                "; price per {} ÷ {} = per {}",
                item.unit_of_measure.trim(),
                number(divisor),
                unit.as_str()
            ));
        }
        source.push_str(&note);
        let row = SheetRow {
            key: need.key,
            arm_sku_name: item.arm_sku_name.trim().to_string(),
            region: region.clone(),
            unit,
            price: round(price / divisor),
            currency: currency.to_string(),
            price_type,
            term,
            tier: round(tier_raw * divisor),
            effective: date_part(&item.effective_start_date).unwrap_or_default(),
            source,
        };
        let key: RowKey = (need.key, region, price_type, term, row.tier.to_bits());
        let candidate = Candidate {
            rank,
            effective: row.effective.clone(),
            primary: item.is_primary_meter_region.unwrap_or(true),
            row,
        };
        let group = groups.entry(key.clone()).or_default();
        if group.is_empty() {
            order.push(key);
        }
        group.push(candidate);
    }
    for key in order {
        let Some(mut group) = groups.remove(&key) else {
            continue;
        };
        // A $0 row next to a paid one for the same meter and place is a
        // free grant, never the price.
        if group.iter().any(|c| c.row.price > 0.0) {
            let before = group.len();
            group.retain(|c| c.row.price > 0.0);
            m.dropped.free += before - group.len();
        }
        m.dropped.duplicates += group.len().saturating_sub(1);
        // Best first: lowest rank, latest date, primary region.
        group.sort_by(|a, b| {
            a.rank
                .cmp(&b.rank)
                .then_with(|| b.effective.cmp(&a.effective))
                .then_with(|| b.primary.cmp(&a.primary))
        });
        let Some(best) = group.first() else { continue };
        let tied: Vec<&Candidate> = group
            .iter()
            .filter(|c| {
                c.rank == best.rank && c.effective == best.effective && c.primary == best.primary
            })
            .collect();
        let mut prices: Vec<f64> = tied.iter().map(|c| c.row.price).collect();
        prices.sort_by(f64::total_cmp);
        prices.dedup();
        if prices.len() > 1 {
            let slot = Slot {
                key: key.0,
                region: key.1.clone(),
                term: key.3,
            };
            let listed: Vec<String> = prices.iter().map(|p| number(*p)).collect();
            let what = format!(
                "the API returned {} different prices ({}) with the same date; no row written",
                listed.len(),
                listed.join(", ")
            );
            m.warnings.push(format!("{slot} in {}: {what}", key.1));
            if key.4 == 0f64.to_bits() {
                m.problems.entry(slot).or_insert(what);
            }
            continue;
        }
        m.rows.push(group.swap_remove(0).row);
    }
    sort_rows(&mut m.rows, needs, regions, zones);
    Ok(m)
}

/// Sheet order: meters as the engine lists them, then places (regions as
/// requested, `Global`, zones), consumption before 1 Year before 3 Years,
/// tiers rising.
fn sort_rows(rows: &mut [SheetRow], needs: &[Need], regions: &[String], zones: &[String]) {
    let meter_index = |k: &MeterKey| needs.iter().position(|n| n.key == *k).unwrap_or(usize::MAX);
    let place_index = |r: &str| {
        regions
            .iter()
            .position(|x| x == r)
            .or_else(|| (r == meters::GLOBAL).then_some(regions.len()))
            .or_else(|| {
                zones
                    .iter()
                    .position(|z| z == r)
                    .map(|i| regions.len() + 1 + i)
            })
            .unwrap_or(usize::MAX)
    };
    let term_index = |t: ReservationTerm| match t {
        ReservationTerm::None => 0,
        ReservationTerm::OneYear => 1,
        ReservationTerm::ThreeYears => 2,
    };
    rows.sort_by(|a, b| {
        meter_index(&a.key)
            .cmp(&meter_index(&b.key))
            .then_with(|| place_index(&a.region).cmp(&place_index(&b.region)))
            .then_with(|| term_index(a.term).cmp(&term_index(b.term)))
            .then_with(|| a.tier.total_cmp(&b.tier))
    });
}

/// Rounds away float noise from a division (12 decimal places), and turns
/// -0 into 0.
fn round(v: f64) -> f64 {
    let r = (v * 1e12).round() / 1e12;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A plain decimal: no exponent, no thousands separator (Rust's `Display`
/// for `f64` never uses an exponent).
pub fn number(v: f64) -> String {
    format!("{v}")
}

/// The sheet as CSV text, header first, LF line ends, RFC 4180 quoting.
pub fn to_csv(rows: &[SheetRow]) -> Result<String, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| format!("the sheet cannot be written as CSV: {e}");
    w.write_record(PRICE_SHEET_COLUMNS).map_err(fail)?;
    for r in rows {
        let price_type = match r.price_type {
            PriceType::Consumption => "Consumption",
            PriceType::Reservation => "Reservation",
        };
        w.write_record([
            r.key.service,
            r.key.product,
            r.key.sku,
            r.key.meter,
            r.arm_sku_name.as_str(),
            r.region.as_str(),
            r.unit.as_str(),
            number(r.price).as_str(),
            r.currency.as_str(),
            price_type,
            r.term.as_str(),
            number(r.tier).as_str(),
            r.effective.as_str(),
            "high",
            r.source.as_str(),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| format!("the sheet cannot be written as CSV: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("the sheet is not UTF-8: {e}"))
}

/// The slots no row fills, in slot order, each with the reason when an
/// item was returned but could not be used.
pub fn missing(
    slots: &[Slot],
    rows: &[SheetRow],
    problems: &HashMap<Slot, String>,
) -> Vec<(Slot, Option<String>)> {
    slots
        .iter()
        .filter(|s| {
            !rows.iter().any(|r| {
                r.key == s.key && r.region == s.region && r.term == s.term && r.tier == 0.0
            })
        })
        .map(|s| (s.clone(), problems.get(s).cloned()))
        .collect()
}
