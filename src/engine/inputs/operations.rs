//! The inputs around the stamps: edge and platform, targets, resilience and
//! risk, the latency model, component SLAs, commercial terms, and the
//! numbers in list rows (regions, measured round trips, drills, credits).

use super::Bounds::{Between, Positive};
use super::{
    enum_from, enum_id, Band, Check, Choice, Control, Input, ListInput, Number, NUMBER, PERCENT,
};
use crate::engine::scenario::Scenario;

const SLA_URL: &str =
    "https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services";

/// Bounds of a published SLA, in percent.
const SLA: super::Bounds = Between(50.0, 100.0);

pub static INPUTS: &[Input] = &[
    // Edge and platform
    choice!(EdgePlatform, edge.front_door_tier, "Front Door tier",
        "Premium adds managed WAF rules and Private Link origins, at no extra fee beyond its base fee and request price.",
        [("standard", "Standard"), ("premium", "Premium")]),
    number!(EdgePlatform, edge.request_kb, "Request size", "KB",
        "Average request (headers and body) Front Door forwards to the origin on a cache miss: billed as edge-to-origin transfer. Origin-to-edge transfer is not billed.",
        { bounds: Between(0.0, 100_000.0), ranged: true },
        source: "https://learn.microsoft.com/azure/frontdoor/billing"),
    check!(EdgePlatform, edge.traffic_manager, "Traffic Manager above Front Door",
        "DNS steering for non-HTTP endpoints: adds DNS query and health-check cost, and the DNS TTL to RTO."),
    number!(EdgePlatform, edge.dns_queries_millions_per_month, "DNS queries", "million/month",
        "Traffic Manager DNS queries per month.",
        { bounds: Between(0.0, 1_000_000.0), ranged: true }),
    choice!(EdgePlatform, platform.redis, "Redis per stamp",
        "One independent cache per stamp (never geo-linked). Azure Cache for Redis (Standard, Premium) is being retired on 30 September 2028; Azure Managed Redis is its successor (Balanced B5: 6 GB like Premium P1, two instances for high availability).",
        [("none", "None"), ("standard_c1", "Azure Cache for Redis Standard C1 (retiring)"), ("standard_c3", "Azure Cache for Redis Standard C3 (retiring)"), ("premium_p1", "Azure Cache for Redis Premium P1 (retiring)"), ("managed_balanced_b5", "Azure Managed Redis Balanced B5")]),
    check!(EdgePlatform, platform.redis_zone_redundant, "Zone-redundant Redis",
        "Premium P1 or Azure Managed Redis: the primary and replica spread across availability zones (no extra node or instance)."),
    check!(EdgePlatform, platform.private_endpoints, "Private endpoints",
        "One private endpoint per data service per stamp (Cosmos DB, Key Vault, Redis, SQL, App Configuration): per hour, plus the data they carry per GB each way."),
    check!(EdgePlatform, platform.redis_third_replica, "Third Redis node (second replica)",
        "One more Premium node per cache, needed only to cover a third zone."),
    number!(EdgePlatform, platform.key_vault_operations_millions_per_month, "Key Vault operations", "million/month per stamp",
        "Secret and key operations per stamp per month.",
        { bounds: Between(0.0, 100_000.0), ranged: true }),
    check!(EdgePlatform, platform.app_configuration, "App Configuration (store + replicas)",
        "One store, replicated to every other stamp's region."),
    number!(EdgePlatform, platform.log_analytics_gb_per_day, "Log Analytics floor", "GB/day per stamp",
        "Log ingestion per stamp per day whatever the traffic (platform logs and metrics); requests add the next figure.",
        { bounds: Between(0.0, 100_000.0), ranged: true }),
    number!(EdgePlatform, platform.log_analytics_gb_per_million_requests, "Log Analytics per traffic", "GB per million requests",
        "Log ingestion per million origin requests a stamp serves (request logs, traces): an idle warm standby logs only its floor.",
        { bounds: Between(0.0, 1_000.0) }),
    number!(EdgePlatform, platform.log_analytics_free_gb_per_month, "Log Analytics free allowance", "GB/month",
        "Free ingestion per billing account per month (Microsoft's Azure Monitor pricing: the first 5 GB).",
        { bounds: Between(0.0, 1_000.0) },
        source: "https://azure.microsoft.com/pricing/details/monitor/"),
    choice!(EdgePlatform, platform.log_analytics_tier, "Log Analytics pricing tier",
        "Pay-as-you-go per GB, or a commitment tier per stamp workspace, billed per day whatever is ingested; usage above it bills at the tier's price per GB.",
        [("pay_as_you_go", "Pay-as-you-go"), ("gb100", "100 GB/day"), ("gb200", "200 GB/day"), ("gb300", "300 GB/day"), ("gb400", "400 GB/day"), ("gb500", "500 GB/day"), ("gb1000", "1,000 GB/day"), ("gb2000", "2,000 GB/day"), ("gb5000", "5,000 GB/day")]),
    number!(EdgePlatform, platform.log_analytics_retention_days, "Log Analytics retention", "days",
        "Interactive retention: 31 days are included; longer is billed per GB-month.",
        { bounds: Between(4.0, 730.0), note: "(interactive retention is at most two years)" },
        source: "https://learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure"),
    check!(EdgePlatform, platform.container_registry, "Container Registry Premium (geo-replicated)",
        "One Premium registry and a geo-replica in every other stamp's region, so every stamp pulls the same image digest locally (priced when the stamps run AKS)."),
    number!(EdgePlatform, platform.availability_tests as u32, "Availability tests", "tests",
        "Standard availability tests through the Front Door endpoint (synthetic canaries); Azure Monitor bills each execution. 0 turns them off.",
        { bounds: Between(0.0, 100.0), integer: true },
        source: "https://learn.microsoft.com/azure/azure-monitor/app/availability"),
    number!(EdgePlatform, platform.availability_test_locations as u32, "Test locations", "geographies",
        "Locations each test runs from (Microsoft recommends at least five; up to 16).",
        { bounds: Between(1.0, 16.0), integer: true, when: |s| s.platform.availability_tests > 0 },
        source: "https://learn.microsoft.com/azure/azure-monitor/app/availability"),
    number!(EdgePlatform, platform.availability_test_interval_min, "Test interval", "min",
        "Minutes between runs from each location: 5, 10 or 15. Five locations every 5 minutes probe about once a minute.",
        { bounds: Between(5.0, 15.0), note: "(Azure offers 5, 10 or 15)", when: |s| s.platform.availability_tests > 0 },
        source: "https://learn.microsoft.com/azure/azure-monitor/app/availability"),
    check!(EdgePlatform, platform.defender.app_service, "Defender for App Service",
        "Microsoft Defender for Cloud plan, billed per App Service instance per hour."),
    check!(EdgePlatform, platform.defender.containers, "Defender for Containers (AKS)",
        "Billed per vCore of the AKS worker nodes per hour."),
    check!(EdgePlatform, platform.defender.cosmos_db, "Defender for Azure Cosmos DB",
        "Billed per 100 RU/s per hour of the throughput the account is billed for."),
    check!(EdgePlatform, platform.defender.key_vault, "Defender for Key Vault",
        "The per-vault plan, billed per vault per hour (one vault per stamp)."),
    check!(EdgePlatform, platform.defender.sql, "Defender for Azure SQL",
        "Billed per SQL server per hour (the ledger's primary and failover-group secondary)."),
    // Targets
    number!(Targets, targets.rto_s, "RTO", "s",
        "Longest acceptable time to recover from the loss of a whole region.",
        { bounds: Positive(1e9), ranged: true }),
    number!(Targets, targets.rpo_s, "RPO", "s",
        "Most data, in seconds of writes, the business accepts losing with a region.",
        { bounds: Between(0.0, 1e9), ranged: true }),
    number!(Targets, targets.availability_pct, "Availability", "%",
        "Composite availability the design must reach.",
        { bounds: SLA, ranged: true }),
    number!(Targets, targets.latency_p95_ms, "p95 latency", "ms",
        "p95 latency every user geography must get.",
        { bounds: Positive(100_000.0), ranged: true }),
    check!(Targets, targets.latency_includes_writes, "Latency target applies to writes too",
        "Off: reads only (e.g. search). On: writes that travel to a single write region count too."),
    choice!(Targets, targets.basis, "Judge RTO and RPO on",
        "Expected: typical, modelled figures (replication lag, configured failover). Guaranteed: the bounds Microsoft documents, e.g. Cosmos DB RPO < 15 minutes across regions, write failover up to 1 hour (or more).",
        [("expected", "Expected (typical)"), ("guaranteed", "Guaranteed (Microsoft's documented bounds)")]),
    number!(Targets, targets.monthly_budget, "Monthly budget (0 = none)", "",
        "Tiers above it fail the budget target; 0 means no budget.",
        { bounds: Between(0.0, 1e12), ranged: true }),
    // Resilience and risk
    number!(Resilience, resilience.probe_interval_s, "Probe interval", "s",
        "Front Door health-probe interval: sets detection time, so RTO.",
        { bounds: Positive(255.0), note: "(Front Door allows 1–255)", ranged: true },
        source: "https://learn.microsoft.com/azure/frontdoor/health-probes"),
    number!(Resilience, resilience.failed_samples_to_flip as u32, "Failed samples to flip", "",
        "Failed probes before an origin is taken out (sample size 4 with 3 successes required = 2).",
        { bounds: Between(1.0, 10.0), integer: true }),
    choice!(Resilience, resilience.write_failover, "Write failover",
        "Single-writer tiers: the service promotes a new write region, or a person does by runbook.",
        [("service_managed", "Service-managed"), ("human_gated", "Human-gated (runbook)")]),
    number!(Resilience, resilience.service_managed_failover_s, "Service-managed failover", "s",
        "Time for a service-managed write-region failover (Cosmos DB documents < 15 min).",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, resilience.human_promotion_s, "Human promotion", "s",
        "Time for a person to promote the write region by runbook.",
        { bounds: Between(0.0, 604_800.0), ranged: true }),
    number!(Resilience, resilience.standby_scale_out_s, "Standby scale-out", "s",
        "Time for the warm standby to grow to full capacity.",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, resilience.autoscale_reaction_s, "Autoscale reaction", "s",
        "How long a capacity shortfall lasts after a region is lost.",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, resilience.rebuild_hours, "Rebuild (single region)", "hours",
        "Time to rebuild or restore in another region when the only region is lost.",
        { bounds: Positive(8760.0), ranged: true }),
    number!(Resilience, resilience.async_replication_lag_s, "Async replication lag", "s",
        "Single-writer data: writes not yet replicated when the region is lost (RPO).",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, resilience.multi_write_replication_lag_s, "Multi-write replication lag", "s",
        "Replication lag between write regions (RPO of multi-region writes).",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, resilience.drain_s, "Drain after detection", "s",
        "Time for every Front Door edge to stop sending to a dead origin.",
        { bounds: Between(0.0, 3600.0), ranged: true }),
    number!(Resilience, resilience.dns_ttl_s, "DNS TTL (Traffic Manager)", "s",
        "Added to RTO where Traffic Manager steers clients by DNS.",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, resilience.sql_replication_lag_s, "SQL ledger replication lag", "s",
        "The failover group's asynchronous lag: the ledger's RPO.",
        { bounds: Between(0.0, 86_400.0), ranged: true }),
    number!(Resilience, risk.regional_outages_per_year, "Regional outages", "per region per year",
        "How often a whole region is lost.",
        { bounds: Between(0.0, 50.0), ranged: true }),
    number!(Resilience, risk.zonal_outages_per_year, "Zone losses", "per region per year",
        "How often an availability zone is lost: an assumption (Microsoft publishes no zone failure rate). Counts in the failover downtime only where a zone's loss stops users (one region without Cosmos DB zones).",
        { bounds: Between(0.0, 50.0) }),
    number!(Resilience, resilience.rollback_s, "Bad release: notice and roll back", "s",
        "Your estimate of noticing a bad release and swapping the deployment slot back (or undoing the rollout): the failure-mode table's RTO for a bad deployment.",
        { bounds: Between(0.0, 604_800.0) }),
    number!(Resilience, risk.typical_outage_hours, "Typical outage", "hours",
        "Typical length of a regional outage (the reference architecture's example outage lasted four hours).",
        { bounds: Positive(8760.0), ranged: true }),
    check!(Resilience, resilience.deployment_rings, "Release in rings (one stamp first)",
        "A bad release reaches only the first stamp's users in the tiers with two live stamps. Off: one image digest to every stamp in one pipeline run, as the reference architecture does."),
    choice!(Resilience, risk.duration_distribution, "Outage durations",
        "Shape of outage durations in the simulation: long tails matter.",
        [("fixed", "Fixed"), ("exponential", "Exponential"), ("log_normal", "Log-normal (long tail)")]),
    number!(Resilience, risk.lognormal_sigma, "Log-normal spread (σ)", "",
        "Spread of log-normal outage durations: 0.8 puts one outage in twenty above about 3.7× the typical length.",
        { bounds: Between(0.05, 3.0), ranged: true }),
    number!(Resilience, risk.downtime_cost_per_hour, "Cost of downtime", "per hour",
        "Lost revenue and cost of one hour of full downtime.",
        { bounds: Between(0.0, 1e12), ranged: true }),
    number!(Resilience, risk.customer_sla_pct, "Customer SLA", "%",
        "Monthly availability you promise your customers.",
        { bounds: SLA, ranged: true }),
    number!(Resilience, risk.sla_covered_monthly_revenue, "Revenue under SLA", "per month",
        "Monthly fees SLA credits are paid from.",
        { bounds: Between(0.0, 1e12), ranged: true }),
    number!(Resilience, risk.simulated_years as u32, "Simulated years", "years",
        "Years in the Monte Carlo (more is smoother and slower).",
        { bounds: Between(100.0, 1_000_000.0), integer: true }),
    number!(Drills, resilience.drill_max_age_days, "Drill results go stale after", "days",
        "A drill older than this is flagged stale next to its figure: rehearse again.",
        { bounds: Positive(36_500.0) }),
    // Latency model
    number!(Latency, resilience.base_latency_ms, "Base p95", "ms",
        "Server time plus the access network to the nearest edge: what users next to a stamp see.",
        { bounds: Between(0.0, 10_000.0), ranged: true }),
    number!(Latency, resilience.route_factor, "Route factor", "× great circle",
        "Real network routes are longer than the great circle (1.75 reproduces the reference architecture's 250 ms Europe–Singapore).",
        { bounds: Between(1.0, 10.0), ranged: true }),
    number!(Latency, resilience.fibre_km_per_ms, "Signal speed in fibre", "km/ms",
        "About two thirds of the speed of light: 200 km per millisecond.",
        { bounds: Positive(300.0), note: "(light in vacuum is 300)", ranged: true }),
    // Component SLAs
    number!(Slas, resilience.slas.front_door_pct, "Front Door", "%",
        "Global band.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.traffic_manager_pct, "Traffic Manager", "%",
        "Global band, where enabled.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.app_service_pct, "App Service", "%",
        "In each stamp (serial).", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.aks_pct, "AKS", "%",
        "In each stamp (serial): 99.95% with zones, Standard or Premium tier. The Free tier has no SLA: its 99.5% objective is used instead.",
        { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.app_gateway_pct, "Application Gateway", "%",
        "In each AKS stamp (serial).", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.redis_pct, "Azure Cache for Redis", "%",
        "In each stamp (serial).", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.managed_redis_pct, "Azure Managed Redis (zone-redundant)", "%",
        "In each stamp (serial), high availability across zones; without zone redundancy the Azure Cache for Redis figure is used (both 99.9%).",
        { bounds: SLA }, source: "https://learn.microsoft.com/azure/azure-cache-for-redis/managed-redis/managed-redis-high-availability"),
    number!(Slas, resilience.slas.key_vault_pct, "Key Vault", "%",
        "In each stamp (serial).", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.app_configuration_pct, "App Configuration", "%",
        "In each stamp (serial), where enabled.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.cosmos_single_region_pct, "Cosmos DB, one region", "%",
        "Data band without zones.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.cosmos_single_region_zonal_pct, "Cosmos DB, one region with zones", "%",
        "Data band with zones; also the write SLA of single-writer accounts.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.cosmos_multi_region_pct, "Cosmos DB, multi-region writes", "%",
        "Data band with multi-region writes.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.sql_pct, "SQL Database", "%",
        "The ledger, without zones.", { bounds: SLA }, source: SLA_URL),
    number!(Slas, resilience.slas.sql_zone_redundant_pct, "SQL Database, zone-redundant", "%",
        "The ledger, with zones.", { bounds: SLA }, source: SLA_URL),
    // Commercial terms
    number!(Commercial, commercial.discount_pct, "Discount", "%",
        "Negotiated discount (EA/MCA) off every line.",
        { bounds: Between(0.0, 99.0), ranged: true }),
    choice!(Commercial, commercial.reservation, "Reservation",
        "Reserved pricing (or a savings plan) for compute and Cosmos DB throughput: manual RU/s are reserved whole; with autoscale compute and autoscale RU/s, the floor that runs every hour is reserved (autoscale RU/s consume reserved capacity at 1.5× on single-write accounts) and the rest is pay-as-you-go.",
        [("none", "None (pay as you go)"), ("one_year", "1 year"), ("three_years", "3 years")]),
    number!(Commercial, commercial.hours_per_month, "Hours per month", "h",
        "Billing hours per month (730 is Azure's convention).",
        { bounds: Between(672.0, 744.0), note: "(28 to 31 days)", ranged: true }),
    // Robustness panel
    number!(Robustness, ranges.swing_pct, "Tornado swing for quantities", "%",
        "How far the tornado moves each quantity either way (default 20%). An input with its own low..likely..high uses that instead.",
        { bounds: Between(1.0, 95.0) }),
];

/// The numbers in list rows.
pub static LISTS: &[&ListInput] = &[
    &REGION_SHARE,
    &MEASURED_RTT,
    &DRILL_VALUE,
    &CREDIT_BELOW,
    &CREDIT,
];

/// Each region's share of users.
pub static REGION_SHARE: ListInput = ListInput {
    list: "regions",
    field: "traffic_share",
    label: "Users",
    unit: "% of users",
    help: "Share of global users near this region; the shares add up to 100%.",
    scale: PERCENT,
    bounds: Between(0.0, 100.0),
    note: "",
    count: |s| s.regions.len(),
    get: |s, i| s.regions.get(i).map(|r| r.traffic_share),
    set: |s, i, v| {
        if let Some(r) = s.regions.get_mut(i) {
            r.traffic_share = v;
        }
    },
};

/// A measured round trip's milliseconds.
pub static MEASURED_RTT: ListInput = ListInput {
    list: "resilience.measured_rtts",
    field: "rtt_ms",
    label: "Measured round trip",
    unit: "ms",
    help: "A measured round trip from users near one region to a stamp or write region: replaces the distance model.",
    scale: 1.0,
    bounds: Between(0.0, 10_000.0),
    note: "",
    count: |s| s.resilience.measured_rtts.len(),
    get: |s, i| s.resilience.measured_rtts.get(i).map(|m| m.rtt_ms),
    set: |s, i, v| {
        if let Some(m) = s.resilience.measured_rtts.get_mut(i) {
            m.rtt_ms = v;
        }
    },
};

/// A drill's measured RTO or RPO.
pub static DRILL_VALUE: ListInput = ListInput {
    list: "resilience.drills",
    field: "value_s",
    label: "Measured value",
    unit: "s",
    help: "The RTO or RPO a drill measured: replaces the modelled expected one for its tier and failure mode.",
    scale: 1.0,
    bounds: Between(0.0, 31_536_000.0),
    note: "(at most a year)",
    count: |s| s.resilience.drills.len(),
    get: |s, i| s.resilience.drills.get(i).map(|d| d.value_s),
    set: |s, i, v| {
        if let Some(d) = s.resilience.drills.get_mut(i) {
            d.value_s = v;
        }
    },
};

/// A credit step's availability threshold.
pub static CREDIT_BELOW: ListInput = ListInput {
    list: "risk.credit_schedule",
    field: "below_pct",
    label: "Below monthly availability",
    unit: "%",
    help: "Monthly availability under which this credit is paid.",
    scale: 1.0,
    bounds: Between(0.0, 100.0),
    note: "",
    count: |s| s.risk.credit_schedule.len(),
    get: |s, i| s.risk.credit_schedule.get(i).map(|c| c.below_pct),
    set: |s, i, v| {
        if let Some(c) = s.risk.credit_schedule.get_mut(i) {
            c.below_pct = v;
        }
    },
};

/// A credit step's credit.
pub static CREDIT: ListInput = ListInput {
    list: "risk.credit_schedule",
    field: "credit_pct",
    label: "Credit",
    unit: "%",
    help: "Share of the month's fee credited below that availability.",
    scale: 1.0,
    bounds: Between(0.0, 100.0),
    note: "",
    count: |s| s.risk.credit_schedule.len(),
    get: |s, i| s.risk.credit_schedule.get(i).map(|c| c.credit_pct),
    set: |s, i, v| {
        if let Some(c) = s.risk.credit_schedule.get_mut(i) {
            c.credit_pct = v;
        }
    },
};
