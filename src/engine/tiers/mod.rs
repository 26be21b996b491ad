//! The four tiers: how each lays the stamps and the data band out, and the
//! priced result of each.

use serde::{Deserialize, Serialize};

use super::autoscale::{self, instances_for, Episode, PoolBill};
use super::cosmos;
use super::costs::{Category, CosmosNeed, LineItem, LineWords, Pricer, Stamp, StampRole};
use super::format;
use super::pricing::{LookupMemo, MissingPrice, PriceSheet};
use super::regions::RegionTable;
use super::resilience::network_rtt_ms;
use super::scenario::{ComputeScaling, Consistency, CosmosMode, DataFailoverPolicy, Scenario};

/// Cosmos DB blocks Strong consistency by default for accounts whose
/// regions span more than this, km (learn.microsoft.com/azure/cosmos-db/consistency-levels:
/// "more than 5000 miles (8000 kilometers) is blocked by default").
pub const STRONG_MAX_SPAN_KM: f64 = 8_000.0;

/// Shown when a tier prices Azure Cache for Redis (Azure Advisor: "Azure
/// Cache for Redis will be retired on September 30, 2028. New cache creation
/// will be blocked in phases - starting April 1, 2026 for new customers and
/// starting October 1, 2026 for existing customers").
pub const REDIS_RETIREMENT_NOTE: &str = "Azure Cache for Redis is being retired: Microsoft retires it on 30 September 2028 and blocks new caches in phases from 1 April 2026 (new customers) and 1 October 2026 (existing customers); its successor is Azure Managed Redis (Azure Advisor, “Migrate to Azure Managed Redis”). Choose Azure Managed Redis Balanced B5 under “Redis per stamp” to price the successor.";

/// The tiers, least capable first (usually, but not always, cheapest first:
/// active-passive provisions every read in both regions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TierId {
    SingleRegion,
    ActivePassive,
    ActiveActiveReads,
    MultiWrite,
}

impl TierId {
    pub const ALL: [Self; 4] = [
        Self::SingleRegion,
        Self::ActivePassive,
        Self::ActiveActiveReads,
        Self::MultiWrite,
    ];

    /// Identifier used in JSON, CSV and test ids.
    pub fn id(self) -> &'static str {
        match self {
            Self::SingleRegion => "single_region",
            Self::ActivePassive => "active_passive",
            Self::ActiveActiveReads => "active_active_reads",
            Self::MultiWrite => "multi_write",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::SingleRegion => "Single region, zone-redundant",
            Self::ActivePassive => "Active-passive warm standby",
            Self::ActiveActiveReads => "Active-active reads, single writer",
            Self::MultiWrite => "Active-active multi-region writes",
        }
    }

    pub fn short_label(self) -> &'static str {
        match self {
            Self::SingleRegion => "Single region",
            Self::ActivePassive => "Active-passive",
            Self::ActiveActiveReads => "Active-active reads",
            Self::MultiWrite => "Multi-region writes",
        }
    }

    /// A label short enough for a chart's axis (about ten characters).
    pub fn axis_label(self) -> &'static str {
        match self {
            Self::SingleRegion => "1 region",
            Self::ActivePassive => "Standby",
            Self::ActiveActiveReads => "AA reads",
            Self::MultiWrite => "Multi-write",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// Cosmos DB figures of one tier.
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
pub struct CosmosSummary {
    /// RU/s provisioned in each region (the autoscale maximum under autoscale).
    pub ru_per_s_per_region: f64,
    /// The busiest region's steady need: its reads and queries plus every
    /// write, RU/s.
    pub ru_per_s_steady: f64,
    /// The most any surviving region must carry after losing any one other
    /// region: its reads, the lost region's reads Front Door sends to it, and
    /// every write, RU/s (the steady need when the account has one region).
    pub ru_per_s_after_failover: f64,
    /// Share of the survivors' request units at peak that exceed their
    /// provisioned RU/s after the worst loss of one region, and would be
    /// throttled (HTTP 429): 0 when every survivor is covered (always, sized
    /// for failover).
    pub failover_shortfall_fraction: f64,
    /// How long that throttling lasts: until a person raises the throughput
    /// (the runbook time) or the region returns (the typical outage),
    /// whichever comes first; 0 without a shortfall. Seconds.
    pub failover_shortfall_s: f64,
    /// RU/s billed across all regions (hourly-peak RU/s under autoscale).
    pub ru_per_s_billed: f64,
    /// Regions in the account.
    pub regions: usize,
    pub write_regions: usize,
    /// RU/s of the busiest region's reads and queries.
    pub read_ru_per_s: f64,
    /// RU/s of the world's writes, spent in every region.
    pub write_ru_per_s: f64,
    /// Throughput and storage together.
    #[serde(rename = "monthly_usd")]
    pub monthly: f64,
}

/// The priced topology of one tier (costs only; resilience is added by
/// `resilience` and the decision by `decision`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TierCost {
    pub tier: TierId,
    pub stamps: Vec<Stamp>,
    pub line_items: Vec<LineItem>,
    #[serde(rename = "monthly_usd")]
    pub monthly: f64,
    #[serde(rename = "annual_usd")]
    pub annual: f64,
    /// Provisioned compute capacity at peak over the single-region
    /// baseline's (N × stamp fraction for the active-active tiers under
    /// autoscale, the sum of each stamp's failover-sized capacity under fixed
    /// scaling; 1 + the standby's share of full capacity for active-passive).
    pub compute_multiple: f64,
    /// App Service instances and AKS nodes at peak, all stamps (what must
    /// fit on a sunny day; with fixed scaling, what runs every hour).
    pub compute_instances: u32,
    /// Average App Service instances and AKS nodes billed over the month,
    /// all stamps: instance-hours ÷ hours (what is paid).
    pub compute_instances_billed_avg: f64,
    pub cosmos: CosmosSummary,
    pub replication_egress_gb_per_month: f64,
    #[serde(rename = "replication_egress_monthly_usd")]
    pub replication_egress_monthly: f64,
    #[serde(rename = "front_door_monthly_usd")]
    pub front_door_monthly: f64,
    /// Monthly cost per category (the cost chart's stacks), in [`Category::ALL`] order.
    pub by_category: [(Category, f64); Category::ALL.len()],
    /// Things the user must know about this tier's figures.
    /// Fixed sentences are borrowed, not copied, on every evaluation.
    pub notes: Vec<Cow<'static, str>>,
    /// Why this tier cannot be built as specified, if it cannot.
    pub infeasible: Option<String>,
}

use std::borrow::Cow;

mod stamps;
use stamps::{bill_stamps, failover_shortfall, read_shares, StampRtts};
pub use stamps::{outage_hours_per_month, stamps_for};

/// Global origin requests per second at peak: peak × (1 − edge cache hit ratio).
pub fn origin_peak_rps(s: &Scenario) -> f64 {
    s.workload.peak_requests_per_s * (1.0 - s.workload.edge_cache_hit_ratio)
}

/// Prices one tier, in numbers. Missing prices are collected, not papered
/// over.
pub fn price_tier(
    tier: TierId,
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Result<TierCost, Vec<MissingPrice>> {
    price(tier, s, Pricer::new(s, sheet, regions)).map(|(cost, _)| cost)
}

/// [`price_tier`] with the lookups shared across the tiers and sweep
/// points of one evaluation ([`LookupMemo`]): the same figures, fewer
/// string comparisons.
pub fn price_tier_sharing(
    tier: TierId,
    s: &Scenario,
    memo: &LookupMemo<'_>,
    regions: &RegionTable,
) -> Result<TierCost, Vec<MissingPrice>> {
    price(tier, s, Pricer::sharing(s, memo, regions)).map(|(cost, _)| cost)
}

/// [`price_tier_sharing`] without the lines: the same totals, stamps,
/// Cosmos DB summary and notes, and `line_items` empty (the sweeps of the
/// robustness views need only the figures).
pub fn price_tier_totals(
    tier: TierId,
    s: &Scenario,
    memo: &LookupMemo<'_>,
    regions: &RegionTable,
) -> Result<TierCost, Vec<MissingPrice>> {
    price(tier, s, Pricer::counting(s, memo, regions)).map(|(cost, _)| cost)
}

/// The words of every line of the tier (component and formula), in the
/// order of its `line_items`: the tier priced again by the same cost
/// functions from the same inputs, each writing its line's words next to
/// its numbers. For the working panel, the exports and the CLI.
pub fn line_words(
    tier: TierId,
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Result<Vec<LineWords>, Vec<MissingPrice>> {
    // The lookups the evaluation made are kept for this sheet's layout.
    let memo = LookupMemo::new(sheet);
    let pricer = Pricer::writing_words(s, sheet, regions).with_memo(&memo);
    price(tier, s, pricer).map(|(_, words)| words)
}

/// What a region without availability zones does to the tier, in words, or
/// `None` when every region of the tier has zones or nothing asks for zone
/// redundancy. Microsoft's Azure regions list
/// (<https://learn.microsoft.com/azure/reliability/regions-list>, column
/// "Availability zone support") marks such regions "N/A", and zone
/// redundancy "requires availability zones": Cosmos DB and SQL Database there
/// are priced without their zone-redundancy surcharge
/// ([`Pricer::cosmos_throughput`], [`Pricer::sql_database`]) and, in the
/// write region, chained with their SLAs without zones; Redis zone
/// redundancy cannot be set there either.
pub fn no_zones_note(
    tier: TierId,
    s: &Scenario,
    regions: &RegionTable,
    account_regions: &[&str],
) -> Option<String> {
    let asked: Vec<&str> = [
        (s.data.cosmos_zone_redundant, "Cosmos DB"),
        (
            s.data.sql.enabled && s.data.sql.zone_redundant,
            "SQL Database",
        ),
        (
            s.platform.redis != super::scenario::RedisSku::None && s.platform.redis_zone_redundant,
            "Redis",
        ),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect();
    let without: Vec<&str> = account_regions
        .iter()
        .filter(|r| !regions.has_zones(r))
        .map(|r| regions.display_name(r))
        .collect();
    if (asked.is_empty() && tier != TierId::SingleRegion) || without.is_empty() {
        return None;
    }
    let places = and_list(&without);
    let verb = if without.len() == 1 { "has" } else { "have" };
    let mut text = format!(
        "{places} {verb} no availability zones (Microsoft's Azure regions list, learn.microsoft.com/azure/reliability/regions-list), so nothing there can be zone-redundant"
    );
    if tier == TierId::SingleRegion {
        text.push_str(": this tier is a single region without zone redundancy");
    }
    if !asked.is_empty() {
        text.push_str(&format!(
            "; {} zone redundancy is left out there: no zone-redundancy charge{}",
            and_list(&asked),
            if asked.contains(&"Redis") {
                " for Cosmos DB and SQL Database (Redis is still priced as configured: switch its zone redundancy off)"
            } else {
                ""
            }
        ));
        // The write region's data band (resilience::availability): Cosmos
        // DB's multi-region-write SLA does not depend on zones.
        let sla: Vec<&str> = asked
            .iter()
            .copied()
            .filter(|n| *n == "SQL Database" || (*n == "Cosmos DB" && tier != TierId::MultiWrite))
            .collect();
        if !sla.is_empty() && !regions.has_zones(account_regions[0]) {
            text.push_str(&format!(
                ", and the availability uses the SLA without zones for {}",
                and_list(&sla)
            ));
        }
    }
    text.push('.');
    Some(text)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Prices one tier with `p` (which writes each line's words or not).
fn price(
    tier: TierId,
    s: &Scenario,
    mut p: Pricer,
) -> Result<(TierCost, Vec<LineWords>), Vec<MissingPrice>> {
    let regions = p.regions;
    let mut notes = Vec::new();
    let mut stamps = stamps_for(tier, s);
    bill_stamps(tier, s, regions, &mut stamps);
    let rps = origin_peak_rps(s);
    let avg_rps = rps * s.workload.average_to_peak_ratio;

    // Regional stamps.
    for (i, stamp) in stamps.iter().enumerate() {
        p.app_service(stamp);
        p.aks(stamp, rps);
        p.redis(stamp);
        p.key_vault(stamp);
        p.app_configuration(stamp, i == 0);
        p.log_analytics(stamp, avg_rps, i == 0);
        p.private_endpoints(stamp, avg_rps);
        p.defender_stamp(stamp);
        p.aks_disks_and_ips(stamp);
        p.container_registry(stamp, i == 0);
    }

    // Global band.
    p.front_door();
    if let Some(first) = stamps.first() {
        p.availability_tests(&first.region);
    }
    if stamps.len() > 1 {
        p.traffic_manager(stamps.len());
    }

    // Data band: Cosmos DB.
    let account_regions: Vec<&str> = stamps.iter().map(|st| &*st.region).collect();
    let multi_write = tier == TierId::MultiWrite;
    let mut rtts = StampRtts::new(s, regions, &stamps);
    let (busiest_share, after_share, lost_at, survivor_at) = read_shares(&mut rtts);
    let reads_at = |share: f64| cosmos::read_ru_per_s(rps * share, &s.workload, s.data.consistency);
    let read_ru = reads_at(busiest_share);
    let write_ru = cosmos::write_ru_per_s(rps, &s.workload);
    let sized_for_failover = s.data.failover_policy == DataFailoverPolicy::SizedForFailover;
    let need = CosmosNeed {
        read_ru_per_s: read_ru,
        write_ru_per_s: write_ru,
        after_failover_read_ru_per_s: reads_at(after_share),
        lost_region: if stamps.len() > 1 {
            &stamps[lost_at].region
        } else {
            ""
        },
        survivor_region: if stamps.len() > 1 {
            &stamps[survivor_at].region
        } else {
            ""
        },
        sized_for_failover,
        failover_hours_per_month: if stamps.len() > 1 {
            stamps.len() as f64 * outage_hours_per_month(s)
        } else {
            0.0
        },
    };
    let (per_region, billed) =
        p.cosmos_throughput(&account_regions, multi_write, &need, &mut notes);
    p.cosmos_storage(&account_regions);
    p.cosmos_backup(&account_regions);
    p.defender_cosmos(account_regions[0], billed);
    let after_failover = need.after_failover_ru_per_s();
    let shortfall = if stamps.len() > 1 && per_region < after_failover {
        failover_shortfall(&mut rtts, reads_at, write_ru, per_region)
    } else {
        0.0
    };
    let shortfall_s = if shortfall > 0.0 {
        s.resilience
            .human_promotion_s
            .min(s.risk.typical_outage_hours * 3600.0)
    } else {
        0.0
    };
    if shortfall > 0.0 {
        notes.push(Cow::Owned(format!(
            "Sunny-day Cosmos DB sizing: after losing {}, {} needs {} RU/s but {} RU/s are provisioned, so about {} of the survivors' requests at peak would be throttled (HTTP 429) for up to {}, until someone raises the throughput or the region returns. Microsoft's reliability guide: “ensure that there are enough provisioned Request Units (RUs) in the remaining regions to support read traffic”.",
            need.lost_region,
            need.survivor_region,
            format::number(after_failover, 0),
            format::number(per_region, 0),
            format::percent(shortfall, 1),
            format::duration(shortfall_s)
        )));
    }

    let mut egress_gb = p.cosmos_replication(&stamps, multi_write, avg_rps);

    // SQL ledger: primary, plus a full-price failover-group secondary when
    // the tier spans regions.
    if s.data.sql.enabled {
        p.sql_database(&stamps[0].region, false);
        p.defender_sql(account_regions[0]);
        if let Some(second) = stamps.get(1) {
            p.sql_database(&second.region, true);
            p.defender_sql(&second.region);
            egress_gb += p.sql_replication(account_regions[0], &second.region);
        }
    }

    if let Some(note) = no_zones_note(tier, s, regions, &account_regions) {
        notes.push(Cow::Owned(note));
    }

    let infeasible = if multi_write && s.data.consistency == Consistency::Strong {
        Some("Strong consistency is not available with multiple write regions (Cosmos DB falls back to a single write region); choose Session or weaker.".to_string())
    } else {
        None
    };
    if multi_write && s.data.cosmos_zone_redundant && s.data.cosmos_mode == CosmosMode::Provisioned
    {
        notes.push(Cow::Borrowed(
            "The 25% zone-redundancy RU premium is waived with multi-region writes.",
        ));
    }
    // Strong consistency across regions more than 8,000 km apart is blocked
    // by default: learn.microsoft.com/azure/cosmos-db/consistency-levels,
    // "Strong consistency for accounts with regions spanning more than 5000
    // miles (8000 kilometers) is blocked by default due to high write
    // latency. To enable this capability please contact support."
    if s.data.consistency == Consistency::Strong && account_regions.len() > 1 {
        let far = account_regions
            .iter()
            .enumerate()
            .flat_map(|(i, a)| account_regions[i + 1..].iter().map(move |b| (*a, *b)))
            .filter_map(|(a, b)| {
                Some((
                    a,
                    b,
                    crate::engine::regions::great_circle_km(regions.get(a)?, regions.get(b)?),
                ))
            })
            .filter(|(_, _, km)| *km > STRONG_MAX_SPAN_KM)
            .max_by(|x, y| x.2.total_cmp(&y.2));
        if let Some((a, b, km)) = far {
            notes.push(Cow::Owned(format!(
                "Strong consistency across {a} and {b} ({} km apart) is blocked by default: Microsoft blocks Strong for accounts spanning more than 8,000 km (5,000 miles) because of write latency, and enables it only through a support request (learn.microsoft.com/azure/cosmos-db/consistency-levels).",
                format::number(km, 0)
            )));
        }
    }
    if s.platform.redis.is_azure_cache_for_redis() {
        // Azure Advisor's reliability recommendation "Migrate to Azure
        // Managed Redis" (learn.microsoft.com/azure/advisor/advisor-reference-reliability-recommendations).
        notes.push(Cow::Borrowed(REDIS_RETIREMENT_NOTE));
    }
    if multi_write {
        notes.push(Cow::Borrowed("Concurrent writes to one item in two regions conflict: choose the conflict policy deliberately (last-writer-wins lets a delete beat an update)."));
    }

    if !p.missing.is_empty() {
        return Err(p.missing);
    }
    let words = p.take_words();
    let items = p.items;
    // The pricer added each line's cost as it priced it: the sum and each
    // group's sum in line order (the same additions as summing the lines).
    let monthly = p.monthly;
    let mut by_category = Category::ALL.map(|c| (c, 0.0));
    for (sum, of) in by_category.iter_mut().zip(p.by_category) {
        sum.1 = of;
    }
    let sum_of = |cat: Category| by_category[cat.index()].1;
    let cosmos_monthly = sum_of(Category::CosmosThroughput) + sum_of(Category::CosmosStorage);
    let compute_multiple = match tier {
        TierId::SingleRegion => 1.0,
        TierId::ActivePassive => stamps.iter().map(|st| st.capacity_fraction).sum(),
        _ if s.compute.scaling == ComputeScaling::Fixed => {
            stamps.iter().map(|st| st.capacity_fraction).sum()
        }
        _ => stamps.len() as f64 * s.compute.stamp_capacity_fraction,
    };
    let hours = s.commercial.hours_per_month;
    let compute_instances_billed_avg = stamps
        .iter()
        .map(|st| st.app_service_bill.average(hours) + st.aks_bill.average(hours))
        .sum();
    let compute_instances = stamps.iter().fold(0u32, |n, st| {
        n.saturating_add(st.app_service_instances)
            .saturating_add(st.aks_nodes)
    });
    let front_door = sum_of(Category::FrontDoor);
    let cost = TierCost {
        tier,
        cosmos: CosmosSummary {
            ru_per_s_per_region: per_region,
            ru_per_s_steady: read_ru + write_ru,
            ru_per_s_after_failover: after_failover,
            failover_shortfall_fraction: shortfall,
            failover_shortfall_s: shortfall_s,
            ru_per_s_billed: billed,
            regions: account_regions.len(),
            write_regions: if multi_write {
                account_regions.len()
            } else {
                1
            },
            read_ru_per_s: read_ru,
            write_ru_per_s: write_ru,
            monthly: cosmos_monthly,
        },
        stamps,
        monthly,
        annual: monthly * 12.0,
        compute_multiple,
        compute_instances,
        compute_instances_billed_avg,
        replication_egress_gb_per_month: egress_gb,
        replication_egress_monthly: sum_of(Category::ReplicationEgress),
        front_door_monthly: front_door,
        by_category,
        line_items: items,
        notes,
        infeasible,
    };
    Ok((cost, words))
}
