//! The price sheet: CSV rows that mirror the Azure Retail Prices API, parsed
//! into typed rows and looked up by meter and region.
//!
//! Prices are data. Nothing in the engine knows what a meter costs; it asks the
//! sheet, and a row that is not there is a [`MissingPrice`] error the user sees,
//! never a silent zero.

use super::scenario::{Conversion, Scenario};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

mod memo;
mod parse;
pub use memo::{forget as forget_lookups, LookupMemo};
pub(crate) use parse::{csv_with_header, data_rows};

/// The header every price sheet must start with, in this order.
pub const PRICE_SHEET_COLUMNS: [&str; 15] = [
    "service_name",
    "product_name",
    "sku_name",
    "meter_name",
    "arm_sku_name",
    "arm_region_name",
    "unit_of_measure",
    "retail_price",
    "currency_code",
    "price_type",
    "reservation_term",
    "tier_minimum_units",
    "effective_start_date",
    "confidence",
    "source",
];

/// Hours in a reservation term, used to turn the Retail Prices API's
/// whole-term reservation price into an hourly rate.
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// The unit a row's price is quoted in (the API's `unitOfMeasure`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitOfMeasure {
    /// `1 Hour`: per hour of one unit (instance, node, 100 RU/s, vCore).
    Hour,
    /// `1/Month`: a flat monthly fee.
    Month,
    /// `1/Day`: a flat daily fee.
    Day,
    /// `10K`: per 10,000 operations or requests.
    TenThousand,
    /// `1M`: per million (DNS queries, request units).
    Million,
    /// `1 GB`: per gigabyte transferred or ingested.
    Gigabyte,
    /// `1 GB/Month`: per gigabyte stored for a month.
    GigabyteMonth,
    /// `1`: per single event (an availability test execution).
    Each,
}

impl UnitOfMeasure {
    /// Parses the API's spelling. Per hour comes both as `1 Hour` and as
    /// `1/Hour` (Cosmos DB, Load Balancer overage); both are accepted and
    /// written `1 Hour`.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim() {
            "1 Hour" | "1/Hour" => Self::Hour,
            "1/Month" => Self::Month,
            "1/Day" => Self::Day,
            "10K" => Self::TenThousand,
            "1M" => Self::Million,
            "1 GB" => Self::Gigabyte,
            "1 GB/Month" => Self::GigabyteMonth,
            "1" => Self::Each,
            _ => return None,
        })
    }

    /// The API's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hour => "1 Hour",
            Self::Month => "1/Month",
            Self::Day => "1/Day",
            Self::TenThousand => "10K",
            Self::Million => "1M",
            Self::Gigabyte => "1 GB",
            Self::GigabyteMonth => "1 GB/Month",
            Self::Each => "1",
        }
    }
}

/// `Consumption` (pay as you go) or `Reservation`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PriceType {
    Consumption,
    Reservation,
}

/// Commitment term of a reservation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReservationTerm {
    /// Pay as you go.
    #[default]
    None,
    OneYear,
    ThreeYears,
}

impl ReservationTerm {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "",
            Self::OneYear => "1 Year",
            Self::ThreeYears => "3 Years",
        }
    }

    /// Hours in the term: the API quotes a reservation's whole-term price.
    pub fn hours(self) -> f64 {
        match self {
            Self::None => 1.0,
            Self::OneYear => HOURS_PER_YEAR,
            Self::ThreeYears => 3.0 * HOURS_PER_YEAR,
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Some(match text.trim() {
            "" => Self::None,
            "1 Year" => Self::OneYear,
            "3 Years" => Self::ThreeYears,
            _ => return None,
        })
    }
}

/// One row of a price sheet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriceRow {
    pub service_name: String,
    pub product_name: String,
    pub sku_name: String,
    pub meter_name: String,
    pub arm_sku_name: String,
    pub arm_region_name: String,
    pub unit_of_measure: UnitOfMeasure,
    pub retail_price: f64,
    pub currency_code: String,
    pub price_type: PriceType,
    pub reservation_term: ReservationTerm,
    pub tier_minimum_units: f64,
    pub effective_start_date: String,
    pub confidence: String,
    pub source: String,
    /// Line in the file (1-based, the header is line 1).
    pub line: usize,
}

/// Which meter a cost line needs: the four API fields that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MeterKey {
    pub service: &'static str,
    pub product: &'static str,
    pub sku: &'static str,
    pub meter: &'static str,
}

impl fmt::Display for MeterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} / {} / {} / {}",
            self.service, self.product, self.sku, self.meter
        )
    }
}

/// A [`MeterKey`] with its hash worked out once: at compile time for the
/// `costs::meters` constants, so looking one up hashes only the region.
/// Dereferences to its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meter {
    pub key: MeterKey,
    hash: u64,
}

impl Meter {
    pub const fn new(key: MeterKey) -> Self {
        Self {
            key,
            hash: meter_hash(key.service, key.product, key.sku, key.meter),
        }
    }
}

impl From<Meter> for MeterKey {
    fn from(meter: Meter) -> Self {
        meter.key
    }
}

impl std::ops::Deref for Meter {
    type Target = MeterKey;
    fn deref(&self) -> &MeterKey {
        &self.key
    }
}

/// FxHash-style step: rotate, xor, multiply.
const fn mix(hash: u64, word: u64) -> u64 {
    (hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// Mixes a string's length and its first and last eight bytes (two loads;
/// shorter strings byte by byte). [`PriceSheet::find`] compares every
/// candidate field by field, so a collision costs a comparison, never a
/// wrong price.
pub(crate) const fn mix_str(hash: u64, text: &str) -> u64 {
    let bytes = text.as_bytes();
    let (head, tail) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(head), Some(tail)) => (u64::from_le_bytes(*head), u64::from_le_bytes(*tail)),
        _ => {
            let mut word = 0u64;
            let mut i = 0;
            while i < bytes.len() {
                word = word << 8 | bytes[i] as u64;
                i += 1;
            }
            (word, 0)
        }
    };
    mix(mix(mix(hash, bytes.len() as u64), head), tail)
}

/// The hash of a meter's four names (the part of a row's index key that
/// does not depend on the region).
const fn meter_hash(service: &str, product: &str, sku: &str, meter: &str) -> u64 {
    let hash = mix_str(0xcbf2_9ce4_8422_2325, service);
    let hash = mix_str(hash, product);
    let hash = mix_str(hash, sku);
    mix_str(hash, meter)
}

/// List cost of `quantity` units of a tiered meter in one month:
/// `Σ tiers: price × (units that fall in the tier)`, where a tier covers
/// `[its tier_minimum_units, the next tier's)` (the first from 0, the last
/// without end), as `tier_minimum_units` is defined by the Retail Prices
/// API. With no higher tiers it is `quantity × first.retail_price`.
pub fn tiered_list_cost(quantity: f64, first: &PriceRow, higher: &[Arc<PriceRow>]) -> f64 {
    tier_bands(quantity, first, higher)
        .map(|(units, row)| units * row.retail_price)
        .sum()
}

/// The units of `quantity` that fall in each tier it reaches, with the
/// tier's row: `[(units, row)]`, first tier first.
pub fn tier_bands<'r>(
    quantity: f64,
    first: &'r PriceRow,
    higher: &'r [Arc<PriceRow>],
) -> impl Iterator<Item = (f64, &'r PriceRow)> {
    let rows = std::iter::once(first).chain(higher.iter().map(|r| r.as_ref()));
    let ends = higher
        .iter()
        .map(|r| r.tier_minimum_units)
        .chain(std::iter::once(f64::INFINITY));
    rows.zip(ends)
        .map(move |(row, end)| {
            let units = quantity.min(end) - row.tier_minimum_units;
            (units.max(0.0), row)
        })
        .take_while(|(units, _)| *units > 0.0)
}

/// A meter the scenario needs and the sheet does not have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("no price for “{meter}” in {region}{term} in the sheet “{sheet}”")]
pub struct MissingPrice {
    pub sheet: String,
    pub meter: String,
    pub region: String,
    pub term: String,
}

/// A region the scenario uses that the sheet has no prices for at all: it
/// works everywhere except pricing, and says how to get its prices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("No prices for {display_name} in this sheet: load a sheet that has them, or run `refresh-prices --regions {region}`")]
pub struct UnpricedRegion {
    /// The ARM name (`brazilsouth`).
    pub region: String,
    /// The display name (`Brazil South`).
    pub display_name: String,
    /// The sheet's file name.
    pub sheet: String,
}

/// A price sheet that could not be read. Names the file, line and column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{file}, line {line}{}: {message}", column.as_ref().map(|c| format!(", column “{c}”")).unwrap_or_default())]
pub struct SheetError {
    pub file: String,
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

/// A 64-bit hash of meter, region, type and term: lookups hash the borrowed
/// key parts and allocate nothing; candidates are then compared field by
/// field, so a hash collision can never return the wrong row.
type IndexKey = u64;

/// The index's keys are already hashes ([`RowKey::hash`]); this hasher
/// passes them through instead of running SipHash over them again.
#[derive(Clone, Copy, Debug, Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Row indices by key hash ([`PriceSheet::find`]).
type Index = HashMap<IndexKey, Vec<usize>, std::hash::BuildHasherDefault<PassThrough>>;

/// A parsed, validated price sheet.
#[derive(Clone, Debug, Default)]
pub struct PriceSheet {
    /// File name it was read from (shown to the user with every price).
    pub name: String,
    /// The one currency every row is in.
    pub currency: String,
    /// A fingerprint of the file's content ([`fingerprint`]): two sheets
    /// with the same name but other prices have different fingerprints.
    pub fingerprint: String,
    /// Rows in file order; shared (not copied) by every line item priced from them.
    pub rows: Vec<Arc<PriceRow>>,
    /// Shared by the copies [`Self::scaled`] makes (their rows keep their places).
    index: Arc<Index>,
    /// The higher tiers of tiered meters: (index of the first tier's row,
    /// its higher tiers in rising `tier_minimum_units`), by row index.
    tiers: Vec<(usize, Vec<Arc<PriceRow>>)>,
    /// Every region with at least one regional row, sorted ([`Self::regions`]).
    priced_regions: Vec<String>,
    /// Set on a sheet made by [`Self::converted`]: the currency, rate and
    /// date its prices were converted from (None: the prices as read).
    pub converted_from: Option<ConvertedFrom>,
}

/// Where a converted sheet's prices came from: shown with every figure as
/// "converted from USD at 0.92 EUR per USD on 2026-12-02".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConvertedFrom {
    /// The price sheet's own currency.
    pub currency: String,
    /// Units of the new currency per unit of `currency`.
    pub rate: f64,
    /// The day the rate was taken (`YYYY-MM-DD`).
    pub as_of: String,
}

impl ConvertedFrom {
    /// "converted from USD at 0.92 EUR per USD on 2026-12-02, a rate typed
    /// by the user (Microsoft's prices are in USD)".
    pub fn describe(&self, to: &str) -> String {
        format!(
            "converted from {} at {} {to} per {} on {}, a rate typed by the user (Microsoft's prices are in {})",
            self.currency,
            super::format::rate(self.rate),
            self.currency,
            if self.as_of.is_empty() { "an unstated date" } else { &self.as_of },
            self.currency
        )
    }
}

/// The currencies the Azure Retail Prices API returns prices in, so the
/// ones `refresh-prices --currency` can make a sheet for. Microsoft Learn,
/// "Azure Retail Prices REST API overview", section "Supported currencies"
/// (<https://learn.microsoft.com/en-us/rest/api/cost-management/retail-prices/azure-retail-prices#supported-currencies>).
pub const RETAIL_API_CURRENCIES: &[&str] = &[
    "USD", "AUD", "BRL", "CAD", "CHF", "CNY", "DKK", "EUR", "GBP", "INR", "JPY", "KRW", "NOK",
    "NZD", "RUB", "SEK", "TWD",
];

/// The fingerprint of a price sheet's text: 64-bit FNV-1a over its bytes
/// (without a byte-order mark and with line endings normalised to `\n`,
/// so the same sheet saved on Windows has the same fingerprint), as 16 hex
/// digits. Not a security measure: it tells two sheets apart so that a
/// share link's figures can be matched to the prices they were made with.
pub fn fingerprint(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes().filter(|b| *b != b'\r') {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Which price sheet a scenario's figures were made with: travels in share
/// links and exported scenarios so the recipient can tell whether they see
/// the same figures.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetRef {
    /// The sheet's file name.
    pub name: String,
    /// Its currency.
    pub currency: String,
    /// [`fingerprint`] of its content.
    pub fingerprint: String,
}

impl SheetRef {
    /// The reference to a loaded sheet.
    pub fn of(sheet: &PriceSheet) -> Self {
        Self {
            name: sheet.name.clone(),
            currency: sheet.currency.clone(),
            fingerprint: sheet.fingerprint.clone(),
        }
    }

    /// True when `sheet` is the sheet this refers to (same content).
    pub fn matches(&self, sheet: &PriceSheet) -> bool {
        self.fingerprint == sheet.fingerprint
    }

    /// The first 8 hex digits, for people ("a1b2c3d4").
    pub fn short(&self) -> &str {
        self.fingerprint.get(..8).unwrap_or(&self.fingerprint)
    }
}

impl PriceSheet {
    /// The same sheet with every price multiplied by the rate of
    /// `conversion` and its currency set to the conversion's: what a
    /// scenario that shows figures in another currency is priced with.
    /// Meters, units, confidence and sources are unchanged; the name and
    /// fingerprint stay the source sheet's (a share link still names the
    /// prices as published), and [`Self::converted_from`] says how.
    pub fn converted(&self, conversion: &Conversion) -> PriceSheet {
        let rows: Vec<Arc<PriceRow>> = self
            .rows
            .iter()
            .map(|r| {
                Arc::new(PriceRow {
                    retail_price: r.retail_price * conversion.rate,
                    currency_code: conversion.currency.clone(),
                    ..PriceRow::clone(r)
                })
            })
            .collect();
        let renew = |old: &Arc<PriceRow>| -> Arc<PriceRow> {
            self.rows
                .iter()
                .position(|r| Arc::ptr_eq(r, old))
                .map_or_else(|| Arc::clone(old), |i| Arc::clone(&rows[i]))
        };
        let tiers = self
            .tiers
            .iter()
            .map(|(first, higher)| (*first, higher.iter().map(renew).collect()))
            .collect();
        PriceSheet {
            name: self.name.clone(),
            currency: conversion.currency.clone(),
            fingerprint: self.fingerprint.clone(),
            rows,
            index: self.index.clone(),
            tiers,
            priced_regions: self.priced_regions.clone(),
            converted_from: Some(ConvertedFrom {
                currency: self.currency.clone(),
                rate: conversion.rate,
                as_of: conversion.as_of.clone(),
            }),
        }
    }

    /// The sheet a scenario is priced with: this one, or (when the scenario
    /// shows figures in another currency and this sheet is not already
    /// converted that way) a [`Self::converted`] copy.
    pub fn for_scenario(&self, s: &Scenario) -> Cow<'_, PriceSheet> {
        match &s.commercial.conversion {
            Some(c) if !self.is_converted_as(c) => Cow::Owned(self.converted(c)),
            _ => Cow::Borrowed(self),
        }
    }

    /// True when this sheet was converted with exactly `c`'s currency,
    /// rate and date (so pricing with it needs no second conversion).
    pub fn is_converted_as(&self, c: &Conversion) -> bool {
        self.converted_from
            .as_ref()
            .is_some_and(|f| self.currency == c.currency && f.rate == c.rate && f.as_of == c.as_of)
    }

    /// The pay-as-you-go row for a meter in a region.
    pub fn consumption(
        &self,
        key: &MeterKey,
        region: &str,
    ) -> Result<&Arc<PriceRow>, MissingPrice> {
        self.lookup(key, region, ReservationTerm::None)
    }

    /// The row for a meter in a region at a reservation term (or pay as you
    /// go for [`ReservationTerm::None`]).
    pub fn lookup(
        &self,
        key: &MeterKey,
        region: &str,
        term: ReservationTerm,
    ) -> Result<&Arc<PriceRow>, MissingPrice> {
        self.lookup_tiered(&Meter::new(*key), region, term)
            .map(|(row, _)| row)
    }

    /// The first (or only) row of a meter whose hash is already known, with
    /// its higher tiers (rising `tier_minimum_units`; empty for a meter with
    /// one price).
    pub fn lookup_tiered(
        &self,
        meter: &Meter,
        region: &str,
        term: ReservationTerm,
    ) -> Result<(&Arc<PriceRow>, &[Arc<PriceRow>]), MissingPrice> {
        let at = self.lookup_at(meter, region, term)?;
        self.found_at(at)
            .ok_or_else(|| self.missing(meter, region, term))
    }

    /// [`PriceSheet::lookup_tiered`] as positions ([`PriceSheet::locate`]),
    /// for [`LookupMemo`] to keep.
    fn lookup_at(
        &self,
        meter: &Meter,
        region: &str,
        term: ReservationTerm,
    ) -> Result<(usize, Option<usize>), MissingPrice> {
        let price_type = if term == ReservationTerm::None {
            PriceType::Consumption
        } else {
            PriceType::Reservation
        };
        self.locate(meter, region, price_type, term)
            .ok_or_else(|| self.missing(meter, region, term))
    }

    /// The error a lookup that found nothing reports.
    fn missing(&self, meter: &Meter, region: &str, term: ReservationTerm) -> MissingPrice {
        MissingPrice {
            sheet: self.name.clone(),
            meter: meter.key.to_string(),
            region: region.to_string(),
            term: match term {
                ReservationTerm::None => String::new(),
                t => format!(" ({} reservation)", t.as_str()),
            },
        }
    }

    /// Where a row is: its index in `rows` and, for a tiered meter, the
    /// index of its higher tiers in `tiers`.
    fn locate(
        &self,
        meter: &Meter,
        region: &str,
        price_type: PriceType,
        term: ReservationTerm,
    ) -> Option<(usize, Option<usize>)> {
        let key = &meter.key;
        let i = self.find(&RowKey {
            service: key.service,
            product: key.product,
            sku: key.sku,
            meter: key.meter,
            meter_hash: meter.hash,
            region,
            price_type,
            term,
        })?;
        Some((i, self.tiers.binary_search_by_key(&i, |t| t.0).ok()))
    }

    /// The row and higher tiers [`PriceSheet::locate`] found.
    fn found_at(
        &self,
        (i, tiers): (usize, Option<usize>),
    ) -> Option<(&Arc<PriceRow>, &[Arc<PriceRow>])> {
        let higher = match tiers {
            Some(at) => self.tiers.get(at)?.1.as_slice(),
            None => &[],
        };
        Some((self.rows.get(i)?, higher))
    }

    /// Index of the indexed row with this key (the parser's duplicate check
    /// and every lookup share it).
    fn find(&self, key: &RowKey) -> Option<usize> {
        self.index
            .get(&key.hash())?
            .iter()
            .copied()
            .find(|&i| self.rows.get(i).is_some_and(|r| key.matches(r)))
    }

    /// A copy with every price of one service (`service_name`) times
    /// `factor`, every other row shared: what the sensitivity views price
    /// with to ask "what if these prices move". The index and tiers keep
    /// pointing at the same rows; name and fingerprint stay the sheet's.
    pub fn scaled(&self, service_name: &str, factor: f64) -> Self {
        let scale = |r: &Arc<PriceRow>| {
            if r.service_name == service_name {
                let mut row = PriceRow::clone(r);
                row.retail_price *= factor;
                Arc::new(row)
            } else {
                Arc::clone(r)
            }
        };
        let mut out = self.clone();
        out.rows = self.rows.iter().map(scale).collect();
        for (_, higher) in &mut out.tiers {
            for r in higher.iter_mut() {
                *r = scale(r);
            }
        }
        out
    }

    /// Every region that has at least one regional (not Global or Zone)
    /// row, sorted.
    pub fn regions(&self) -> Vec<String> {
        self.priced_regions.clone()
    }

    /// Whether the sheet has any regional row for `region`: a region it has
    /// none for cannot be priced at all, which is said once for the region
    /// ([`UnpricedRegion`]) rather than meter by meter.
    pub fn has_region(&self, region: &str) -> bool {
        self.priced_regions
            .binary_search_by(|r| r.as_str().cmp(region))
            .is_ok()
    }

    /// The oldest effective date in the sheet (ISO dates sort as text).
    pub fn oldest_effective_date(&self) -> Option<&str> {
        self.rows
            .iter()
            .map(|r| r.effective_start_date.as_str())
            .filter(|d| !d.is_empty())
            .min()
    }

    /// The newest effective date in the sheet.
    pub fn newest_effective_date(&self) -> Option<&str> {
        self.rows
            .iter()
            .map(|r| r.effective_start_date.as_str())
            .filter(|d| !d.is_empty())
            .max()
    }
}

/// What a price row is looked up by: meter, region, price type and term.
struct RowKey<'a> {
    service: &'a str,
    product: &'a str,
    sku: &'a str,
    meter: &'a str,
    /// [`meter_hash`] of the four names above.
    meter_hash: u64,
    region: &'a str,
    price_type: PriceType,
    term: ReservationTerm,
}

impl<'a> RowKey<'a> {
    /// The key a row is indexed under (its tier aside).
    fn of(row: &'a PriceRow) -> Self {
        RowKey {
            service: &row.service_name,
            product: &row.product_name,
            sku: &row.sku_name,
            meter: &row.meter_name,
            meter_hash: meter_hash(
                &row.service_name,
                &row.product_name,
                &row.sku_name,
                &row.meter_name,
            ),
            region: &row.arm_region_name,
            price_type: row.price_type,
            term: row.reservation_term,
        }
    }

    /// The meter's hash (worked out once per meter), mixed with the region,
    /// the price type and the term.
    fn hash(&self) -> IndexKey {
        mix(
            mix_str(self.meter_hash, self.region),
            (self.price_type as u64) << 8 | self.term as u64,
        )
    }

    fn matches(&self, row: &PriceRow) -> bool {
        row.price_type == self.price_type
            && row.reservation_term == self.term
            && row.arm_region_name == self.region
            && row.meter_name == self.meter
            && row.sku_name == self.sku
            && row.product_name == self.product
            && row.service_name == self.service
    }
}
