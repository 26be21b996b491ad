//! One function per cost component. Each takes the scenario and a stamp (or
//! the tier's topology), asks the price sheet for its meter, and pushes
//! [`LineItem`]s: quantity × unit price = monthly cost, with the formula in
//! words and the price-sheet row it came from.

use serde::Serialize;
use std::sync::Arc;

use super::autoscale::{PoolBill, HOURS_PER_DAY};
use super::cosmos;
use super::format;
use super::pricing::{
    tier_bands, tiered_list_cost, Meter, MissingPrice, PriceRow, PriceSheet, ReservationTerm,
    UnitOfMeasure,
};
use super::regions::RegionTable;
use super::scenario::{CosmosMode, Os, RedisSku, Scenario, SqlTier};

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
    Platform,
}

impl Category {
    pub const ALL: [Self; 7] = [
        Self::Compute,
        Self::CosmosThroughput,
        Self::CosmosStorage,
        Self::Sql,
        Self::ReplicationEgress,
        Self::FrontDoor,
        Self::Platform,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Self::Compute => "Compute",
            Self::CosmosThroughput => "Cosmos DB throughput",
            Self::CosmosStorage => "Cosmos DB storage",
            Self::Sql => "SQL ledger",
            Self::ReplicationEgress => "Replication egress",
            Self::FrontDoor => "Front Door & DNS",
            Self::Platform => "Redis, Key Vault, config, logs",
        }
    }
}

/// One priced line, in numbers: what it is called and how it was worked
/// out are written on demand ([`LineWords`], [`super::tiers::line_words`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineItem {
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
}

impl LineItem {
    /// Where it is billed: a region, `Global` or a Front Door zone (the
    /// price row's region, which a lookup matches exactly).
    pub fn region(&self) -> &str {
        &self.price.arm_region_name
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
    pub region: String,
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

/// What a Cosmos DB account must carry, per region, before and after losing
/// a region (worked out by `tiers`; priced by [`Pricer::cosmos_throughput`]).
#[derive(Clone, Copy, Debug)]
pub struct CosmosNeed<'a> {
    /// The busiest region's steady reads and queries, RU/s.
    pub read_ru_per_s: f64,
    /// Every write in the world, spent in every region, RU/s.
    pub write_ru_per_s: f64,
    /// The busiest survivor's reads after losing one other region, RU/s
    /// (the steady reads when the account has one region).
    pub after_failover_read_ru_per_s: f64,
    /// The region whose loss gives that worst case, and the survivor that
    /// carries it (empty with one region).
    pub lost_region: &'a str,
    pub survivor_region: &'a str,
    /// Provision for the post-failover need (else the steady one).
    pub sized_for_failover: bool,
    /// Expected hours a month some region of the account is lost (regions ×
    /// outages a year × typical hours ÷ 12; 0 with one region): autoscale
    /// bills the survivors' higher need meanwhile.
    pub failover_hours_per_month: f64,
}

impl CosmosNeed<'_> {
    /// The busiest region's steady need: reads + writes.
    pub fn steady_ru_per_s(&self) -> f64 {
        self.read_ru_per_s + self.write_ru_per_s
    }

    /// The most any survivor needs after losing one other region.
    pub fn after_failover_ru_per_s(&self) -> f64 {
        self.after_failover_read_ru_per_s + self.write_ru_per_s
    }

    /// What every region is provisioned for, by the policy.
    pub fn provisioned_for_ru_per_s(&self) -> f64 {
        if self.sized_for_failover {
            self.after_failover_ru_per_s()
        } else {
            self.steady_ru_per_s()
        }
    }

    /// The need in words, with the published RU points it comes from.
    fn text(&self, item_kb: f64) -> String {
        let steady = format!(
            "reads {} + writes {} = {} RU/s",
            format::number(self.read_ru_per_s, 0),
            format::number(self.write_ru_per_s, 0),
            format::number(self.steady_ru_per_s(), 0)
        );
        let per_op = cosmos::table_text(item_kb);
        if self.lost_region.is_empty() {
            return format!("{steady} needed (RU per operation at {per_op})");
        }
        let after = format!(
            "after losing {} its reads go to {}: reads {} + writes {} = {} RU/s",
            self.lost_region,
            self.survivor_region,
            format::number(self.after_failover_read_ru_per_s, 0),
            format::number(self.write_ru_per_s, 0),
            format::number(self.after_failover_ru_per_s(), 0)
        );
        if self.sized_for_failover {
            format!("busiest region steady {steady}; {after}, sized for failover (RU per operation at {per_op})")
        } else {
            format!("busiest region steady {steady}, sunny-day sizing ({after} would be needed) (RU per operation at {per_op})")
        }
    }
}

/// Collects line items and every missing price while a tier is priced.
pub struct Pricer<'a> {
    pub s: &'a Scenario,
    pub sheet: &'a PriceSheet,
    pub regions: &'a RegionTable,
    pub missing: Vec<MissingPrice>,
    pub items: Vec<LineItem>,
    /// Each line's words, in the order of `items`, when a caller asked for
    /// them ([`Pricer::writing_words`]); `None` when pricing for numbers.
    words: Option<Vec<LineWords>>,
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
            s,
            sheet,
            regions,
            missing: Vec::new(),
            items: Vec::with_capacity(48),
        }
    }

    /// A pricer that also writes each line's words ([`Pricer::take_words`]).
    pub fn writing_words(s: &'a Scenario, sheet: &'a PriceSheet, regions: &'a RegionTable) -> Self {
        Self {
            words: Some(Vec::with_capacity(48)),
            ..Self::new(s, sheet, regions)
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
    #[allow(clippy::too_many_arguments)]
    pub fn line(
        &mut self,
        category: Category,
        component: impl FnOnce() -> String,
        region: &str,
        key: &Meter,
        term: ReservationTerm,
        q: Quantity<impl FnOnce() -> String>,
        note: &str,
    ) {
        // The texts are written here, where the closures are known; the rest
        // is one function, not one copy per cost line (this function is
        // generic, so each call site gets its own).
        let (component, how) = if self.writes() {
            (component(), (q.how)())
        } else {
            (String::new(), String::new())
        };
        self.priced_line(
            category, component, how, region, key, term, q.value, q.unit, note,
        );
    }

    /// [`Pricer::line`] once its texts are written: `how` is the quantity's
    /// derivation in words (empty when not writing words).
    #[allow(clippy::too_many_arguments)]
    fn priced_line(
        &mut self,
        category: Category,
        component: String,
        how: String,
        region: &str,
        key: &Meter,
        term: ReservationTerm,
        value: f64,
        unit: &'static str,
        note: &str,
    ) {
        let (row, higher) = match self.sheet.lookup_tiered(key, region, term) {
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
        let formula = if !self.writes() {
            String::new()
        } else {
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
        };
        self.items.push(LineItem {
            category,
            quantity: value,
            unit,
            unit_price,
            monthly,
            price: Arc::clone(row),
        });
        if let Some(words) = &mut self.words {
            words.push(LineWords { component, formula });
        }
    }

    /// Instance-hours of one compute pool, as billed: with a reservation
    /// term, the floor (instances running every hour: `floor × hours`) at the
    /// reservation rate and the rest (`instance-hours − floor × hours`)
    /// pay-as-you-go; without one, every instance-hour pay-as-you-go.
    /// Reservations are "use-it-or-lose-it" hour by hour
    /// (learn.microsoft.com/azure/cost-management-billing/reservations/reservation-discount-application),
    /// so the floor is what a reservation can cover without waste.
    #[allow(clippy::too_many_arguments)]
    fn pool_hours(
        &mut self,
        what: &dyn Fn() -> String,
        region: &str,
        key: &Meter,
        bill: &PoolBill,
        unit: &'static str,
        noun: &'static str,
    ) {
        let h = self.hours();
        let term = self.s.commercial.reservation;
        let shape = super::autoscale::load_shape(&self.s.workload);
        let scaling = self.s.compute.scaling;
        let text = self.writes();
        let derivation = move || {
            if !text {
                return String::new();
            }
            let days = h / HOURS_PER_DAY;
            let failover = if bill.failover_instance_hours > 0.0 {
                format!(
                    " + {} {unit} while a lost region's users are here",
                    format::quantity(bill.failover_instance_hours)
                )
            } else {
                String::new()
            };
            if bill.peak == bill.floor && bill.failover_instance_hours <= 0.0 {
                format!("{} {noun} × {} h", bill.peak, format::number(h, 0))
            } else if scaling == super::scenario::ComputeScaling::Fixed {
                format!(
                    "{} {noun} × {} h{failover}",
                    bill.peak,
                    format::number(h, 0)
                )
            } else {
                format!(
                    "({} h at peak × {} {noun} + {} h at {} of peak × {}) × {} days{failover}",
                    format::number(shape.peak_hours, 1),
                    bill.peak,
                    format::number(shape.trough_hours(), 1),
                    format::percent(shape.trough_fraction, 0),
                    bill.floor,
                    format::number(days, 2)
                )
            }
        };
        if term == ReservationTerm::None {
            self.line(
                Category::Compute,
                what,
                region,
                key,
                ReservationTerm::None,
                Quantity {
                    value: bill.instance_hours,
                    unit,
                    how: derivation,
                },
                "",
            );
            return;
        }
        let floor_hours = f64::from(bill.floor) * h;
        let floor = bill.floor;
        self.line(
            Category::Compute,
            || format!("{}, reserved floor", what()),
            region,
            key,
            term,
            Quantity {
                value: floor_hours,
                unit,
                how: move || format!("floor {floor} {noun} × {} h", format::number(h, 0)),
            },
            "",
        );
        let rest = bill.instance_hours - floor_hours;
        if rest > 1e-9 {
            self.line(
                Category::Compute,
                || format!("{}, pay-as-you-go above the floor", what()),
                region,
                key,
                ReservationTerm::None,
                Quantity {
                    value: rest,
                    unit,
                    how: move || {
                        format!(
                            "{} − {} {unit} reserved",
                            derivation(),
                            format::quantity(floor_hours)
                        )
                    },
                },
                "",
            );
        }
    }

    /// App Service Premium v3 instances in one stamp: the instance-hours the
    /// pool runs in the month (hour by hour with the load under autoscale,
    /// see [`super::autoscale::bill_pool`]) × hourly price, the reserved
    /// floor at the reservation rate when a term is chosen.
    pub fn app_service(&mut self, stamp: &Stamp) {
        let pool = &self.s.compute.app_service;
        if !pool.enabled || stamp.app_service_instances == 0 {
            return;
        }
        let key = meters::app_service(pool.os, pool.sku);
        let os = if pool.os == Os::Linux {
            "Linux"
        } else {
            "Windows"
        };
        self.pool_hours(
            &move || {
                format!(
                    "App Service {} ({os}), {}",
                    pool.sku.sku_name(),
                    role_label(stamp.role)
                )
            },
            &stamp.region,
            key,
            &stamp.app_service_bill,
            "instance-hours",
            "instances",
        );
    }

    /// AKS in one stamp: node VMs (`nodes × hours × VM hourly price`), the
    /// cluster management fee (`hours × tier fee`), and Application Gateway
    /// WAF_v2 in front of it (`hours × fixed price` + capacity units, see
    /// [`Pricer::app_gateway_capacity_units`]).
    pub fn aks(&mut self, stamp: &Stamp, origin_peak_rps: f64) {
        let pool = &self.s.compute.aks;
        if !pool.enabled || stamp.aks_nodes == 0 {
            return;
        }
        let h = self.hours();
        let size = pool.node_size;
        let vm = meters::vm(size);
        self.pool_hours(
            &move || {
                format!(
                    "AKS nodes {} (Linux), {}",
                    size.sku_name(),
                    role_label(stamp.role)
                )
            },
            &stamp.region,
            vm,
            &stamp.aks_bill,
            "node-hours",
            "nodes",
        );
        // The Free tier has no management fee and no meter: no line at all.
        if let Some(fee) = meters::aks_fee(pool.tier) {
            self.line(
                Category::Compute,
                move || format!("AKS {} tier cluster fee", pool.tier.label()),
                &stamp.region,
                fee,
                ReservationTerm::None,
                Quantity {
                    value: h,
                    unit: "cluster-hours",
                    how: move || format!("1 cluster × {} h", format::number(h, 0)),
                },
                "",
            );
        }
        self.aks_load_balancer(stamp, origin_peak_rps);
        if pool.app_gateway {
            self.line(
                Category::Compute,
                move || "Application Gateway WAF_v2, fixed".into(),
                &stamp.region,
                &meters::APP_GATEWAY_FIXED,
                ReservationTerm::None,
                Quantity {
                    value: h,
                    unit: "gateway-hours",
                    how: move || format!("1 gateway × {} h", format::number(h, 0)),
                },
                "",
            );
            self.app_gateway_capacity_units(stamp, origin_peak_rps);
        }
    }

    /// Azure Cache for Redis in one stamp. Standard: `1 cache × hours × cache
    /// price` (a Standard cache is a primary and a replica). Premium: `nodes ×
    /// hours × node price`: the primary and its replica (2 nodes), which a
    /// zone-redundant cache spreads across zones
    /// (learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-zone-redundancy);
    /// 3 with a second replica, needed only to cover a third zone (a choice,
    /// `platform.redis_third_replica`).
    pub fn redis(&mut self, stamp: &Stamp) {
        let h = self.hours();
        let (key, nodes, label) = match self.s.platform.redis {
            RedisSku::None => return,
            RedisSku::StandardC1 => (meters::REDIS_C1, 1, "Redis Standard C1 cache"),
            RedisSku::StandardC3 => (meters::REDIS_C3, 1, "Redis Standard C3 cache"),
            RedisSku::PremiumP1 => {
                let nodes = if self.s.platform.redis_third_replica {
                    3
                } else {
                    2
                };
                (meters::REDIS_P1, nodes, "Redis Premium P1 nodes")
            }
        };
        let unit = if nodes == 1 {
            "cache-hours"
        } else {
            "node-hours"
        };
        self.line(
            Category::Platform,
            move || label.into(),
            &stamp.region,
            &key,
            ReservationTerm::None,
            Quantity {
                value: nodes as f64 * h,
                unit,
                how: move || {
                    let what = if nodes == 1 {
                        "1 cache".to_string()
                    } else {
                        format!("{nodes} nodes")
                    };
                    format!("{what} × {} h", format::number(h, 0))
                },
            },
            "",
        );
    }

    /// Key Vault in one stamp: `operations per month ÷ 10,000 × price per 10,000`.
    pub fn key_vault(&mut self, stamp: &Stamp) {
        let m = self.s.platform.key_vault_operations_millions_per_month;
        if m <= 0.0 {
            return;
        }
        self.line(
            Category::Platform,
            move || "Key Vault operations".into(),
            &stamp.region,
            &meters::KEY_VAULT_OPS,
            ReservationTerm::None,
            Quantity {
                value: m * 100.0,
                unit: "× 10,000 operations",
                how: move || format!("{} million operations ÷ 10,000", format::quantity(m)),
            },
            "",
        );
    }

    /// App Configuration: one Standard store in the first stamp's region and a
    /// replica in every other: `days per month × daily price`. Replication
    /// has no egress charge (reliability-app-configuration.md).
    pub fn app_configuration(&mut self, stamp: &Stamp, first: bool) {
        if !self.s.platform.app_configuration {
            return;
        }
        let hours = self.hours();
        let days = hours / 24.0;
        let (key, label) = if first {
            (meters::APP_CONFIG_STORE, "App Configuration store")
        } else {
            (meters::APP_CONFIG_REPLICA, "App Configuration replica")
        };
        self.line(
            Category::Platform,
            move || label.into(),
            &stamp.region,
            &key,
            ReservationTerm::None,
            Quantity {
                value: days,
                unit: "store-days",
                how: move || format!("{} h ÷ 24", format::number(hours, 0)),
            },
            "",
        );
    }

    /// Cosmos DB throughput in every region of the account.
    ///
    /// The need: `S` = the busiest region's steady reads + every write; `F` =
    /// the most any survivor carries after losing one other region (its reads
    /// plus the lost region's rerouted to it, plus every write; `F = S` with
    /// one region). The policy picks what is provisioned: `P = F` sized for
    /// failover (the default), `P = S` sunny-day only.
    ///
    /// * Provisioned: `T = max(400, ⌈P⌉₁₀₀)` RU/s in every region; billed
    ///   `T/100 × hours` per region at the single-write or multi-region-write
    ///   rate, ×1.25 on single-write accounts with zones.
    /// * Autoscale: `Tmax = max(1000, ⌈P⌉₁₀₀)`; each hour billed
    ///   `max(10% × Tmax, min(Tmax, that hour's need))` over the day's load
    ///   shape, the survivors' need `F` while a region is lost
    ///   ([`super::autoscale::bill_autoscale_ru`]), at the autoscale rate (1.5×
    ///   manual for single write; the manual rate for multi-region writes), no
    ///   zone surcharge; a reservation covers the floor
    ///   ([`Pricer::cosmos_autoscale_lines`]).
    /// * Serverless (single region only): `RU per month ÷ 1M × price`, ×1.25 with zones.
    ///
    /// Returns (RU/s each region carries, RU/s billed across regions).
    pub fn cosmos_throughput(
        &mut self,
        account_regions: &[&str],
        multi_write: bool,
        need: &CosmosNeed<'_>,
        notes: &mut Vec<String>,
    ) -> (f64, f64) {
        let s = self.s;
        let h = self.hours();
        let n = account_regions.len();
        let steady = need.steady_ru_per_s();
        let needed = need.provisioned_for_ru_per_s();
        let mut mode = s.data.cosmos_mode;
        if mode == CosmosMode::Serverless && n > 1 {
            notes.push("Serverless Cosmos DB is single-region only, so this tier is priced with autoscale.".into());
            mode = CosmosMode::Autoscale;
        }
        // Written once for every region's line, and only when words are wanted.
        let need_words = if self.writes() {
            need.text(s.workload.item_kb)
        } else {
            String::new()
        };
        let need_words = need_words.as_str();
        // Zone redundancy needs availability zones in the region
        // (`RegionTable::has_zones`): a region without them bills no
        // zone-redundancy surcharge.
        let zonal_in: Vec<bool> = account_regions
            .iter()
            .map(|r| s.data.cosmos_zone_redundant && self.regions.has_zones(r))
            .collect();
        match mode {
            CosmosMode::Serverless => {
                let avg = steady * s.workload.average_to_peak_ratio;
                let zonal = zonal_in.first().copied().unwrap_or(false);
                let factor = if zonal {
                    cosmos::ZONE_REDUNDANCY_RU_FACTOR
                } else {
                    1.0
                };
                let ru_month = avg * s.seconds_per_month() * factor;
                let zone_text = if zonal { " × 1.25 (zones)" } else { "" };
                self.line(
                    Category::CosmosThroughput,
                    move || "Cosmos DB serverless request units".into(),
                    account_regions[0],
                    &meters::COSMOS_SERVERLESS,
                    ReservationTerm::None,
                    Quantity {
                        value: ru_month / 1e6,
                        unit: "million RU",
                        how: move || {
                            format!(
                                "{} × {} average-to-peak × {} s{zone_text} ÷ 1M",
                                need_words,
                                format::number(s.workload.average_to_peak_ratio, 2),
                                format::number(s.seconds_per_month(), 0)
                            )
                        },
                    },
                    "",
                );
                (steady, avg)
            }
            CosmosMode::Provisioned => {
                let t = cosmos::round_up_100(needed).max(cosmos::MIN_MANUAL_RU_PER_S);
                let key = if multi_write {
                    meters::COSMOS_MRU
                } else {
                    meters::COSMOS_RU
                };
                let label = if multi_write {
                    "Cosmos DB multi-region-write RU/s"
                } else {
                    "Cosmos DB RU/s (manual)"
                };
                for (region, &zonal) in account_regions.iter().zip(&zonal_in) {
                    let factor = if zonal && !multi_write {
                        cosmos::ZONE_REDUNDANCY_RU_FACTOR
                    } else {
                        1.0
                    };
                    let zone_text = if factor > 1.0 {
                        " × 1.25 (zone redundancy, single-write)"
                    } else {
                        ""
                    };
                    self.line(
                        Category::CosmosThroughput,
                        move || label.into(),
                        region,
                        &key,
                        s.commercial.reservation,
                        Quantity {
                            value: t / 100.0 * h * factor,
                            unit: "100 RU/s-hours",
                            how: move || {
                                format!(
                                    "{}, provisioned {} RU/s ÷ 100 × {} h{zone_text}",
                                    need_words,
                                    format::number(t, 0),
                                    format::number(h, 0)
                                )
                            },
                        },
                        "",
                    );
                }
                (t, t * n as f64)
            }
            CosmosMode::Autoscale => {
                let tmax = cosmos::round_up_100(needed).max(cosmos::MIN_AUTOSCALE_MAX_RU_PER_S);
                let shape = super::autoscale::load_shape(&s.workload);
                let bill = super::autoscale::bill_autoscale_ru(
                    &shape,
                    h,
                    tmax,
                    steady,
                    need.after_failover_ru_per_s(),
                    need.failover_hours_per_month,
                );
                self.cosmos_autoscale_lines(
                    account_regions,
                    multi_write,
                    tmax,
                    &bill,
                    &shape,
                    need_words,
                );
                (tmax, bill.average_ru_per_s * n as f64)
            }
        }
    }

    /// Cosmos DB autoscale throughput lines, one per region (see
    /// [`super::autoscale::bill_autoscale_ru`]): `average billed RU/s ÷ 100 ×
    /// hours` at the autoscale rate (1.5× the manual rate, single write) or
    /// the multi-region-write rate (autoscale FAQ, translated from its
    /// docs.azure.cn copy: with multiple write regions the autoscale rate per
    /// 100 RU/s is the same as the manual multi-region-write rate).
    ///
    /// With a reservation term the floor (the lowest hourly bill, billed
    /// every hour) is reserved: the autoscale FAQ (learn.microsoft.com/azure/cosmos-db/autoscale-faq)
    /// says that on single-write accounts the reservation discount is applied
    /// to autoscale usage at 1.5 × the region's rate (to cover 10,000
    /// autoscale RU/s, buy 15,000 RU/s; [`cosmos::AUTOSCALE_RATE_FACTOR`]), so the floor consumes
    /// `floor ÷ 100 × hours × 1.5` reserved (100 RU/s)-hours of the manual
    /// meter; with multiple write regions autoscale is billed at the
    /// multi-region-write rate, so 1 : 1 of that meter. The rest is
    /// pay-as-you-go at the autoscale rate.
    fn cosmos_autoscale_lines(
        &mut self,
        account_regions: &[&str],
        multi_write: bool,
        tmax: f64,
        bill: &super::autoscale::RuBill,
        shape: &super::autoscale::LoadShape,
        need_words: &str,
    ) {
        let s = self.s;
        let h = self.hours();
        let term = s.commercial.reservation;
        // Autoscale with multi-region writes is billed at the multi-master
        // rate (there is no autoscale multi-master meter).
        let (key, reserved_key, reserved_factor, label) = if multi_write {
            (
                meters::COSMOS_MRU,
                meters::COSMOS_MRU,
                1.0,
                "Cosmos DB autoscale multi-region-write RU/s",
            )
        } else {
            (
                meters::COSMOS_AUTOSCALE_RU,
                meters::COSMOS_RU,
                cosmos::AUTOSCALE_RATE_FACTOR,
                "Cosmos DB autoscale RU/s",
            )
        };
        let b = *bill;
        let sh = *shape;
        let hourly = move || {
            let failover = if b.failover_ru_s_hours > 0.0 {
                format!(
                    " + {} RU/s-hours while a region is lost",
                    format::number(b.failover_ru_s_hours, 0)
                )
            } else {
                String::new()
            };
            format!(
                "{need_words}, max {} RU/s; each hour billed max(10% × max, that hour's need): {} h a day at {} RU/s + {} h at {} RU/s{failover} = {} RU/s on average",
                format::number(tmax, 0),
                format::number(sh.peak_hours, 1),
                format::number(b.peak_ru_per_s, 0),
                format::number(sh.trough_hours(), 1),
                format::number(b.floor_ru_per_s, 0),
                format::number(b.average_ru_per_s, 0)
            )
        };
        for region in account_regions {
            if term == ReservationTerm::None {
                self.line(
                    Category::CosmosThroughput,
                    move || label.into(),
                    region,
                    &key,
                    ReservationTerm::None,
                    Quantity {
                        value: b.average_ru_per_s / 100.0 * h,
                        unit: "100 RU/s-hours",
                        how: move || format!("{} ÷ 100 × {} h", hourly(), format::number(h, 0)),
                    },
                    "",
                );
                continue;
            }
            let reserved = b.floor_ru_per_s / 100.0 * h * reserved_factor;
            self.line(
                Category::CosmosThroughput,
                move || format!("{label}, reserved floor"),
                region,
                &reserved_key,
                term,
                Quantity {
                    value: reserved,
                    unit: "100 RU/s-hours",
                    how: move || {
                        format!(
                            "floor {} RU/s ÷ 100 × {} h{}",
                            format::number(b.floor_ru_per_s, 0),
                            format::number(h, 0),
                            if reserved_factor > 1.0 {
                                " × 1.5 (autoscale consumes reserved capacity at 1.5× on single-write accounts)"
                            } else {
                                ""
                            }
                        )
                    },
                },
                "",
            );
            let rest = (b.average_ru_per_s - b.floor_ru_per_s).max(0.0) / 100.0 * h;
            if rest > 1e-9 {
                self.line(
                    Category::CosmosThroughput,
                    move || format!("{label}, pay-as-you-go above the floor"),
                    region,
                    &key,
                    ReservationTerm::None,
                    Quantity {
                        value: rest,
                        unit: "100 RU/s-hours",
                        how: move || {
                            format!(
                                "({} − floor {} RU/s) ÷ 100 × {} h",
                                hourly(),
                                format::number(b.floor_ru_per_s, 0),
                                format::number(h, 0)
                            )
                        },
                    },
                    "",
                );
            }
        }
    }

    /// Cosmos DB transactional storage, billed once per region: `GB × price per GB-month`.
    pub fn cosmos_storage(&mut self, account_regions: &[&str]) {
        let gb = self.s.workload.stored_gb;
        if gb <= 0.0 {
            return;
        }
        for region in account_regions {
            self.line(
                Category::CosmosStorage,
                move || "Cosmos DB transactional storage".into(),
                region,
                &meters::COSMOS_STORAGE,
                ReservationTerm::None,
                Quantity {
                    value: gb,
                    unit: "GB-months",
                    how: move || format!("{} GB stored in this region", format::quantity(gb)),
                },
                "",
            );
        }
    }

    /// Inter-region replication egress from `from` to `to`: `GB × price per
    /// GB`, at the intra-continent rate when both regions share a bandwidth
    /// zone (continent group),
    /// else the inter-continent rate, priced at the source region. Returns GB.
    pub fn replication_egress(
        &mut self,
        what: &str,
        from: &str,
        to: &str,
        gb: f64,
        how: impl FnOnce() -> String,
    ) -> f64 {
        if gb <= 0.0 {
            return 0.0;
        }
        let same = match (self.regions.get(from), self.regions.get(to)) {
            (Some(a), Some(b)) => a.bandwidth_zone == b.bandwidth_zone,
            _ => false,
        };
        let key = if same {
            meters::INTRA_CONTINENT
        } else {
            meters::INTER_CONTINENT
        };
        let kind = if same {
            "intra-continent"
        } else {
            "inter-continent"
        };
        self.line(
            Category::ReplicationEgress,
            move || format!("{what} replication {from} → {to} ({kind})"),
            from,
            &key,
            ReservationTerm::None,
            Quantity {
                value: gb,
                unit: "GB",
                how,
            },
            "",
        );
        gb
    }

    /// Front Door: the profile's base fee (`1 × monthly fee`), requests (`all
    /// requests per month ÷ 10,000 × price`) and edge-to-client transfer
    /// (`requests × response KB ÷ 10⁶ × price per GB`), split by the billing
    /// zone of each user population. Origin-to-edge transfer from Azure
    /// origins is not billed (Front Door billing.md).
    pub fn front_door(&mut self) {
        let s = self.s;
        let tier = s.edge.front_door_tier;
        let base = meters::front_door_base(tier);
        self.line(
            Category::FrontDoor,
            move || format!("Front Door {} base fee", tier.as_str()),
            "Global",
            base,
            ReservationTerm::None,
            Quantity {
                value: 1.0,
                unit: "profile-months",
                how: || "1 profile".to_string(),
            },
            "",
        );
        let requests = s.workload.peak_requests_per_s
            * s.workload.average_to_peak_ratio
            * s.seconds_per_month();
        // Group user populations by Front Door billing zone.
        let mut zones: Vec<(&str, f64)> = Vec::with_capacity(s.regions.len());
        for r in &s.regions {
            let zone = self
                .regions
                .get(&r.region)
                .map_or("Zone 1", |g| g.front_door_zone.as_str());
            match zones.iter_mut().find(|(z, _)| *z == zone) {
                Some((_, share)) => *share += r.traffic_share,
                None => zones.push((zone, r.traffic_share)),
            }
        }
        let req_key = meters::front_door_requests(tier);
        for (zone, share) in &zones {
            let n = requests * share;
            self.line(
                Category::FrontDoor,
                move || format!("Front Door requests ({zone})"),
                zone,
                req_key,
                ReservationTerm::None,
                Quantity {
                    value: n / 10_000.0,
                    unit: "× 10,000 requests",
                    how: move || {
                        format!(
                            "{} req/s peak × {} average-to-peak × {} s × {}% of users ÷ 10,000",
                            format::number(s.workload.peak_requests_per_s, 0),
                            format::number(s.workload.average_to_peak_ratio, 2),
                            format::number(s.seconds_per_month(), 0),
                            format::number(share * 100.0, 1)
                        )
                    },
                },
                "",
            );
            let gb = n * s.workload.response_kb / 1e6;
            self.line(
                Category::FrontDoor,
                move || format!("Front Door edge-to-client transfer ({zone})"),
                zone,
                &meters::FD_DATA_OUT,
                ReservationTerm::None,
                Quantity {
                    value: gb,
                    unit: "GB",
                    how: move || {
                        format!(
                            "{} requests × {} KB ÷ 10⁶",
                            format::number(n, 0),
                            format::quantity(s.workload.response_kb)
                        )
                    },
                },
                "Premium uses the Standard transfer rate",
            );
        }
    }

    /// Traffic Manager where enabled: `DNS queries (millions) × price per
    /// million` + `endpoints × health-check price per month`.
    pub fn traffic_manager(&mut self, endpoints: usize) {
        let s = self.s;
        if !s.edge.traffic_manager {
            return;
        }
        let m = s.edge.dns_queries_millions_per_month;
        self.line(
            Category::FrontDoor,
            move || "Traffic Manager DNS queries".into(),
            "Global",
            &meters::TM_DNS,
            ReservationTerm::None,
            Quantity {
                value: m,
                unit: "million queries",
                how: move || format!("{} million queries", format::quantity(m)),
            },
            "",
        );
        self.line(
            Category::FrontDoor,
            move || "Traffic Manager endpoint health checks".into(),
            "Global",
            &meters::TM_ENDPOINT,
            ReservationTerm::None,
            Quantity {
                value: endpoints as f64,
                unit: "endpoint-months",
                how: move || format!("{endpoints} endpoints"),
            },
            "",
        );
    }

    /// One Azure SQL database of the ledger (primary or failover-group
    /// secondary, which is billed as a full database): `vCores × hours ×
    /// (compute + licence [+ zone-redundancy surcharge, General Purpose])` +
    /// `storage GB × price per GB-month`. A secondary designated as a
    /// standby replica pays no licence: "you aren't charged for the
    /// licensing costs for the vCores used by the secondary replica, but
    /// you're still charged for compute and storage"
    /// (<https://learn.microsoft.com/azure/azure-sql/database/standby-replica-how-to-configure>).
    pub fn sql_database(&mut self, region: &str, secondary: bool) {
        let sql = &self.s.data.sql;
        if !sql.enabled {
            return;
        }
        let h = self.hours();
        let v = sql.vcores as f64;
        // Zone redundancy needs availability zones in the region
        // (`RegionTable::has_zones`): none there, no zone-redundant meters.
        let zonal = sql.zone_redundant && self.regions.has_zones(region);
        let role = if secondary {
            "failover-group secondary"
        } else {
            "primary"
        };
        let (compute, license, storage, tier) = match sql.tier {
            SqlTier::GeneralPurpose => (
                meters::SQL_GP_COMPUTE,
                meters::SQL_GP_LICENSE,
                if zonal {
                    meters::SQL_GP_ZONE_STORAGE
                } else {
                    meters::SQL_GP_STORAGE
                },
                "General Purpose",
            ),
            SqlTier::BusinessCritical => (
                meters::SQL_BC_COMPUTE,
                meters::SQL_BC_LICENSE,
                meters::SQL_BC_STORAGE,
                "Business Critical",
            ),
        };
        let vcores = sql.vcores;
        let vcore_how = move || format!("{vcores} vCores × {} h", format::number(h, 0));
        let q = || Quantity {
            value: v * h,
            unit: "vCore-hours",
            how: vcore_how,
        };
        self.line(
            Category::Sql,
            move || format!("SQL {tier} compute, {role}"),
            region,
            &compute,
            ReservationTerm::None,
            q(),
            "",
        );
        // The licence is a global meter: one price wherever the database
        // runs. A standby replica pays none (see `SqlLedger::standby_replica`).
        if !(secondary && sql.standby_replica) {
            self.line(
                Category::Sql,
                move || format!("SQL {tier} licence, {role}"),
                "Global",
                &license,
                ReservationTerm::None,
                q(),
                "",
            );
        }
        if zonal && sql.tier == SqlTier::GeneralPurpose {
            self.line(
                Category::Sql,
                move || format!("SQL {tier} zone redundancy, {role}"),
                region,
                &meters::SQL_GP_ZONE,
                ReservationTerm::None,
                q(),
                "",
            );
        }
        self.line(
            Category::Sql,
            move || format!("SQL {tier} storage, {role}"),
            region,
            &storage,
            ReservationTerm::None,
            Quantity {
                value: sql.storage_gb,
                unit: "GB-months",
                how: move || format!("{} GB", format::quantity(sql.storage_gb)),
            },
            "",
        );
    }
}

fn role_label(role: StampRole) -> &'static str {
    match role {
        StampRole::Primary => "primary stamp",
        StampRole::Standby => "warm standby",
        StampRole::Active => "active stamp",
    }
}
