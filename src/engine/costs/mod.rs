//! What a priced line is ([`LineItem`], [`Category`]), the stamps a tier
//! deploys ([`Stamp`]), and the [`Pricer`] that turns a quantity and a meter
//! into a line: quantity × unit price = monthly cost, with the formula in
//! words and the price-sheet row it came from.
//!
//! Each cost component is one `Pricer` method, in the file of its band:
//! [`compute`] (App Service, AKS, Application Gateway, Container Registry),
//! [`data`] (Cosmos DB, SQL), [`network`] (replication egress, private
//! endpoints), [`edge`] (Front Door, Traffic Manager), [`platform`] (Redis,
//! Key Vault, App Configuration, Log Analytics, availability tests) and
//! [`security`] (Defender for Cloud); Cosmos DB backups are in
//! [`super::backup`]. Every meter is spelled in [`super::meters`].

pub mod component;
pub mod compute;
pub mod data;
pub mod edge;
pub mod network;
pub mod platform;
pub mod security;

pub use component::Component;
pub use data::CosmosNeed;

use serde::Serialize;
use std::sync::Arc;

use super::autoscale::PoolBill;
use super::format;
use super::pricing::{
    tier_bands, tiered_list_cost, LookupMemo, Meter, MissingPrice, PriceRow, PriceSheet,
    ReservationTerm, UnitOfMeasure,
};
use super::regions::RegionTable;
use super::scenario::Scenario;

/// Cost groups, the stacks of the cost chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Compute,
    CosmosThroughput,
    CosmosStorage,
    Sql,
    ReplicationEgress,
    FrontDoor,
    /// The Traffic Manager profile in front of the stamps (DNS queries and
    /// health-checked endpoints), apart from Front Door's own bill.
    TrafficManager,
    Platform,
}

impl Category {
    pub const ALL: [Self; 8] = [
        Self::Compute,
        Self::CosmosThroughput,
        Self::CosmosStorage,
        Self::Sql,
        Self::ReplicationEgress,
        Self::FrontDoor,
        Self::TrafficManager,
        Self::Platform,
    ];
    /// Position in [`Category::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Compute => "Compute",
            Self::CosmosThroughput => "Cosmos DB throughput",
            Self::CosmosStorage => "Cosmos DB storage",
            Self::Sql => "SQL ledger",
            Self::ReplicationEgress => "Replication egress",
            Self::FrontDoor => "Front Door",
            Self::TrafficManager => "Traffic Manager",
            Self::Platform => "Redis, Key Vault, config, logs",
        }
    }
}

/// One priced line, in numbers: what it is called and how it was worked
/// out are written on demand ([`LineWords`], [`super::tiers::line_words`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineItem {
    /// What it pays for: with [`LineItem::place`], the line's key
    /// (serialized as `key`: a typed name, not the words).
    #[serde(rename = "key")]
    pub component: Component,
    /// The component's cost group.
    pub category: Category,
    /// Billed quantity per month in `unit`.
    pub quantity: f64,
    /// What one unit of `quantity` is, e.g. "instance-hours".
    pub unit: &'static str,
    /// Price of one unit after turning a reservation's term price into an
    /// hourly rate, before the discount; for a tiered meter whose quantity
    /// reaches a higher tier, the average over the tiers it reaches.
    pub unit_price: f64,
    /// quantity × unit price × (1 − discount).
    #[serde(rename = "monthly_usd")]
    pub monthly: f64,
    /// The price-sheet row the unit price came from.
    pub price: Arc<PriceRow>,
    /// The stamp region a line priced at a global meter belongs to (a
    /// load balancer's rules, a private endpoint); `None` when the line's
    /// billing region says where it is.
    pub place: Option<Arc<str>>,
}

impl LineItem {
    /// Where it is billed: a region, `Global` or a Front Door zone (the
    /// price row's region, which a lookup matches exactly).
    pub fn region(&self) -> &str {
        &self.price.arm_region_name
    }

    /// Where the component is: the stamp region of a line priced `Global`
    /// that belongs to one stamp, else the billing region ([`Self::region`]).
    /// With [`LineItem::component`] and the reservation term of its price
    /// row, it identifies the line.
    pub fn place(&self) -> &str {
        self.place.as_deref().unwrap_or(self.region())
    }

    /// The line's key: component and place.
    pub fn key(&self) -> (Component, &str) {
        (self.component, self.place())
    }
}

/// A line item's words: written by the same cost function that priced the
/// line, from the same quantities, when a working panel, an export or the
/// CLI asks for them ([`super::tiers::line_words`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LineWords {
    /// What is being paid for, e.g. "App Service P1 v3 (Linux) instances".
    pub component: String,
    /// The arithmetic in words with the numbers filled in.
    pub formula: String,
}

/// Meter keys, spelled as the Azure Retail Prices API spells them (kept in
/// [`super::meters`], re-exported here for the cost functions' callers).
pub use super::meters;

/// The role a stamp plays in a tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StampRole {
    /// Serves all traffic (single region, or the active-passive primary).
    Primary,
    /// Warm standby at its minimum size.
    Standby,
    /// One of several stamps that all serve live traffic.
    Active,
}

/// A regional stamp as a tier deploys it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stamp {
    /// Shared with the lines keyed to this stamp ([`LineItem::place`]).
    pub region: Arc<str>,
    pub role: StampRole,
    /// Provisioned capacity as a fraction of global origin peak.
    pub capacity_fraction: f64,
    /// Fraction of global traffic it serves in steady state.
    pub steady_share: f64,
    /// App Service instances at peak (what must fit; with fixed scaling,
    /// what runs every hour).
    pub app_service_instances: u32,
    /// AKS nodes at peak.
    pub aks_nodes: u32,
    /// The App Service pool as billed over the month (see
    /// [`super::autoscale::bill_pool`]).
    pub app_service_bill: PoolBill,
    /// The AKS node pool as billed over the month.
    pub aks_bill: PoolBill,
}

/// Collects line items and every missing price while a tier is priced.
pub struct Pricer<'a> {
    pub s: &'a Scenario,
    pub sheet: &'a PriceSheet,
    pub regions: &'a RegionTable,
    pub missing: Vec<MissingPrice>,
    /// The lines priced so far; left empty by a pricer that only counts
    /// ([`Pricer::counting`]).
    pub items: Vec<LineItem>,
    /// Whether each line is kept in `items` (false: only the totals).
    keep_lines: bool,
    /// The sum of every line's monthly cost, added in line order (the same
    /// additions as summing `items`).
    pub monthly: f64,
    /// Each cost group's sum, in line order, by [`Category::index`].
    pub by_category: [f64; Category::ALL.len()],
    /// Lookups shared with the other tiers of the same evaluation
    /// ([`LookupMemo`]); `None` asks the sheet every time.
    memo: Option<&'a LookupMemo<'a>>,
    /// Each line's words, in the order of `items`, when a caller asked for
    /// them ([`Pricer::writing_words`]); `None` when pricing for numbers.
    words: Option<Vec<LineWords>>,
}

/// What a line is billed on: the component it pays for (which gives its
/// cost group), the meter, where it is billed and at which reservation
/// term, the stamp region it belongs to when billed `Global`, and a
/// sentence to add to its formula.
#[derive(Clone, Copy, Debug)]
pub struct Charge<'a> {
    pub component: Component,
    pub meter: &'a Meter,
    /// An Azure region, `Global` or a Front Door billing zone, as the price
    /// row spells it.
    pub region: &'a str,
    pub term: ReservationTerm,
    /// The stamp region of a line billed `Global` ([`LineItem::place`]).
    pub place: Option<&'a Arc<str>>,
    /// Added to the formula after the amount (empty for none).
    pub note: &'a str,
}

impl<'a> Charge<'a> {
    /// Pay-as-you-go on `meter` in `region`, without a note.
    pub fn new(component: Component, meter: &'a Meter, region: &'a str) -> Self {
        Self {
            component,
            meter,
            region,
            term: ReservationTerm::None,
            place: None,
            note: "",
        }
    }

    /// At a reservation term's price (hourly: the term price ÷ its hours).
    pub fn reserved(self, term: ReservationTerm) -> Self {
        Self { term, ..self }
    }

    /// Billed `Global` but belonging to the stamp in `region`.
    pub fn at(self, region: &'a Arc<str>) -> Self {
        Self {
            place: Some(region),
            ..self
        }
    }

    /// With a sentence after the formula.
    pub fn noted(self, note: &'a str) -> Self {
        Self { note, ..self }
    }
}

/// How a line's quantity was arrived at, for the formula text.
pub struct Quantity<F: FnOnce() -> String> {
    pub value: f64,
    pub unit: &'static str,
    /// The derivation, e.g. "6 instances × 730 h": only called when the
    /// pricer writes words (formatting numbers is most of the cost of pricing).
    pub how: F,
}

impl<'a> Pricer<'a> {
    pub fn new(s: &'a Scenario, sheet: &'a PriceSheet, regions: &'a RegionTable) -> Self {
        Self {
            words: None,
            memo: None,
            s,
            sheet,
            regions,
            missing: Vec::new(),
            // A multi-region tier has about 55 lines: room for them all
            // without growing.
            items: Vec::with_capacity(64),
            keep_lines: true,
            monthly: 0.0,
            by_category: [0.0; Category::ALL.len()],
        }
    }

    /// A pricer that answers from `memo` and keeps only the totals
    /// (`monthly`, `by_category`), not the lines: what the sweeps need (the
    /// robustness views price the four tiers thousands of times, and
    /// building each line was a third of that time).
    pub fn counting(s: &'a Scenario, memo: &'a LookupMemo<'a>, regions: &'a RegionTable) -> Self {
        Self {
            items: Vec::new(),
            keep_lines: false,
            ..Self::sharing(s, memo, regions)
        }
    }

    /// A pricer that also writes each line's words ([`Pricer::take_words`]).
    pub fn writing_words(s: &'a Scenario, sheet: &'a PriceSheet, regions: &'a RegionTable) -> Self {
        Self {
            words: Some(Vec::with_capacity(64)),
            ..Self::new(s, sheet, regions)
        }
    }

    /// A pricer that answers repeated lookups from `memo` (whose sheet it
    /// prices with).
    pub fn sharing(s: &'a Scenario, memo: &'a LookupMemo<'a>, regions: &'a RegionTable) -> Self {
        Self::new(s, memo.sheet(), regions).with_memo(memo)
    }

    /// This pricer, answering repeated lookups from `memo` (which must be
    /// for the sheet it prices with).
    pub fn with_memo(self, memo: &'a LookupMemo<'a>) -> Self {
        Self {
            memo: Some(memo),
            ..self
        }
    }

    /// Whether this pricer writes words (the cost functions skip formatting
    /// otherwise).
    pub fn writes(&self) -> bool {
        self.words.is_some()
    }

    /// The words written so far, one per line of `items`.
    pub fn take_words(&mut self) -> Vec<LineWords> {
        self.words.take().unwrap_or_default()
    }

    fn hours(&self) -> f64 {
        self.s.commercial.hours_per_month
    }

    /// Prices one line: looks the meter up (recording a miss), turns a
    /// reservation's term price into an hourly one, applies the discount and
    /// writes the formula.
    pub fn line(
        &mut self,
        charge: Charge<'_>,
        component: impl FnOnce() -> String,
        q: Quantity<impl FnOnce() -> String>,
    ) {
        // The texts are written here, where the closures are known; the rest
        // is one function, not one copy per cost line (this function is
        // generic, so each call site gets its own).
        let words = if self.writes() {
            Some((component(), (q.how)()))
        } else {
            None
        };
        self.priced_line(&charge, words, q.value, q.unit);
    }

    /// [`Pricer::line`] once its texts are written: the component's name
    /// and the quantity's derivation in words, `None` when not writing words
    /// (no empty strings made and dropped on every line of a sweep).
    fn priced_line(
        &mut self,
        charge: &Charge<'_>,
        words: Option<(String, String)>,
        value: f64,
        unit: &'static str,
    ) {
        let Charge {
            component,
            meter: key,
            region,
            term,
            place,
            note,
        } = *charge;
        let category = component.category();
        let found = match self.memo {
            Some(memo) => memo.lookup_tiered(key, region, term),
            None => self.sheet.lookup_tiered(key, region, term),
        };
        let (row, higher) = match found {
            Ok(found) => found,
            Err(miss) => {
                if !self.missing.contains(&miss) {
                    self.missing.push(miss);
                }
                return;
            }
        };
        // A tiered meter's higher tiers apply to what lies above their
        // minimum; a reservation has the one (term) price.
        let tiered = term == ReservationTerm::None
            && higher.first().is_some_and(|t| value > t.tier_minimum_units);
        let rate = if term == ReservationTerm::None {
            row.retail_price
        } else {
            row.retail_price / term.hours()
        };
        let list_cost = if tiered {
            tiered_list_cost(value, row, higher)
        } else {
            value * rate
        };
        let unit_price = if tiered { list_cost / value } else { rate };
        let discount = self.s.commercial.discount_pct / 100.0;
        let monthly = list_cost * (1.0 - discount);
        // The formula in words is written only when the pricer writes words
        // (the evaluation and sweeps need only the numbers).
        let written = match (words, &self.words) {
            (Some(words), Some(_)) => Some(words),
            _ => None,
        };
        let formula = written.as_ref().map(|(_, how)| {
            let cur = &self.sheet.currency;
            let per = match row.unit_of_measure {
                UnitOfMeasure::Hour => "hour",
                UnitOfMeasure::Month => "month",
                UnitOfMeasure::Day => "day",
                UnitOfMeasure::TenThousand => "10,000",
                UnitOfMeasure::Million => "million",
                UnitOfMeasure::Gigabyte => "GB",
                UnitOfMeasure::GigabyteMonth => "GB-month",
                UnitOfMeasure::Each => "execution",
            };
            let term_text = if term == ReservationTerm::None {
                String::new()
            } else {
                format!(
                    " ({} reservation: {} ÷ {} h)",
                    term.as_str(),
                    format::money(row.retail_price, cur),
                    format::number(term.hours(), 0)
                )
            };
            let tier_text = if tiered {
                let bands: Vec<String> = tier_bands(value, row, higher)
                    .map(|(units, band)| {
                        let from = if band.tier_minimum_units > 0.0 {
                            format!(
                                " from {} (line {})",
                                format::quantity(band.tier_minimum_units),
                                band.line
                            )
                        } else {
                            String::new()
                        };
                        format!(
                            "{} × {}{from}",
                            format::quantity(units),
                            format::unit_price(band.retail_price, cur)
                        )
                    })
                    .collect();
                format!(" (tiered: {})", bands.join(" + "))
            } else {
                String::new()
            };
            let discount_text = if discount > 0.0 {
                format!(" × (1 − {}% discount)", format::number(discount * 100.0, 2))
            } else {
                String::new()
            };
            let note_text = if note.is_empty() {
                String::new()
            } else {
                format!(". {note}")
            };
            format!(
                "{} = {} {} × {} per {}{}{}{} = {}{}",
                how,
                format::quantity(value),
                unit,
                format::unit_price(unit_price, cur),
                per,
                term_text,
                tier_text,
                discount_text,
                format::money(monthly, cur),
                note_text
            )
        });
        self.monthly += monthly;
        if let Some(sum) = self.by_category.get_mut(category.index()) {
            *sum += monthly;
        }
        if self.keep_lines {
            self.items.push(LineItem {
                component,
                category,
                quantity: value,
                unit,
                unit_price,
                monthly,
                price: Arc::clone(row),
                place: place.cloned(),
            });
        }
        if let (Some(words), Some((name, _)), Some(formula)) = (&mut self.words, written, formula) {
            words.push(LineWords {
                component: name,
                formula,
            });
        }
    }
}

fn role_label(role: StampRole) -> &'static str {
    match role {
        StampRole::Primary => "primary stamp",
        StampRole::Standby => "warm standby",
        StampRole::Active => "active stamp",
    }
}
