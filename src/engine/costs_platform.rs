//! Cost components added for issue 14 (Application Gateway capacity units,
//! and the platform lines the reference architecture calls for), kept apart from
//! `costs.rs`: one function per line, each with its formula and source.

use super::autoscale::{load_shape, HOURS_PER_DAY};
use super::costs::{meters, Category, Pricer, Quantity, Stamp};
use super::format;
use super::pricing::ReservationTerm;

/// Capacity units one Application Gateway v2 instance guarantees (and
/// bills at least): "Each instance guarantees a minimum of 10 capacity units
/// in terms of processing capability"
/// (learn.microsoft.com/azure/application-gateway/understanding-pricing).
pub const APP_GATEWAY_CU_PER_INSTANCE: f64 = 10.0;
/// Requests per second one WAF_v2 compute unit handles: "Each compute unit
/// can support approximately 10 concurrent requests per second"
/// (learn.microsoft.com/azure/application-gateway/application-gateway-autoscaling-zone-redundant).
pub const WAF_V2_REQUESTS_PER_S_PER_CU: f64 = 10.0;
/// Persistent connections per capacity unit ("2500 Persistent connections",
/// understanding-pricing).
pub const APP_GATEWAY_CONNECTIONS_PER_CU: f64 = 2_500.0;
/// Throughput per capacity unit, Mbps ("2.22-Mbps throughput",
/// understanding-pricing).
pub const APP_GATEWAY_MBPS_PER_CU: f64 = 2.22;

/// Capacity units an Application Gateway WAF_v2 bills in one hour carrying
/// `rps` requests per second: the largest of compute units (`rps ÷ 10`),
/// persistent connections (`rps × connections per req/s ÷ 2,500`) and
/// throughput (`rps × response KB × 8 ÷ 1,000 Mbps ÷ 2.22`), never below
/// `minimum instances × 10`. Microsoft: "The parameter with the highest
/// utilization among these three parameters is used to calculate capacity
/// units for billing purposes" (understanding-pricing).
pub fn app_gateway_cu(
    rps: f64,
    response_kb: f64,
    connections_per_req_s: f64,
    min_instances: u32,
) -> f64 {
    let compute = rps / WAF_V2_REQUESTS_PER_S_PER_CU;
    let connections = rps * connections_per_req_s / APP_GATEWAY_CONNECTIONS_PER_CU;
    let throughput = rps * response_kb * 8.0 / 1000.0 / APP_GATEWAY_MBPS_PER_CU;
    compute
        .max(connections)
        .max(throughput)
        .max(f64::from(min_instances) * APP_GATEWAY_CU_PER_INSTANCE)
}

impl Pricer<'_> {
    /// Application Gateway WAF_v2 capacity units in one stamp, hour by hour
    /// over the day's load shape: `hours ÷ 24 × (h × CU(peak) + (24 − h) ×
    /// CU(trough))` CU-hours × CU price, CU(L) from [`app_gateway_cu`] at
    /// the stamp's share of origin requests at load L. (A lost region's
    /// users reaching a survivor for a few hours a month are left out.)
    pub fn app_gateway_capacity_units(&mut self, stamp: &Stamp, origin_peak_rps: f64) {
        let s = self.s;
        let aks = &s.compute.aks;
        let h = s.commercial.hours_per_month;
        let shape = load_shape(&s.workload);
        let kb = s.workload.response_kb;
        let conns = aks.app_gateway_connections_per_req_s;
        let min = aks.app_gateway_min_instances;
        let peak_rps = origin_peak_rps * stamp.steady_share;
        let trough_rps = peak_rps * shape.trough_fraction;
        let cu_peak = app_gateway_cu(peak_rps, kb, conns, min);
        let cu_trough = app_gateway_cu(trough_rps, kb, conns, min);
        let cu_hours =
            h / HOURS_PER_DAY * (shape.peak_hours * cu_peak + shape.trough_hours() * cu_trough);
        let measures = move |rps: f64| {
            format!(
                "max({} req/s ÷ 10 = {} compute, {} connections ÷ 2,500 = {}, {} Mbps ÷ 2.22 = {}, {min} instances × 10 = {})",
                format::quantity(rps),
                format::quantity(rps / WAF_V2_REQUESTS_PER_S_PER_CU),
                format::quantity(rps * conns),
                format::quantity(rps * conns / APP_GATEWAY_CONNECTIONS_PER_CU),
                format::quantity(rps * kb * 8.0 / 1000.0),
                format::quantity(rps * kb * 8.0 / 1000.0 / APP_GATEWAY_MBPS_PER_CU),
                format::quantity(f64::from(min) * APP_GATEWAY_CU_PER_INSTANCE)
            )
        };
        self.line(
            Category::Compute,
            move || "Application Gateway WAF_v2, capacity units".into(),
            &stamp.region,
            &meters::APP_GATEWAY_CU,
            ReservationTerm::None,
            Quantity {
                value: cu_hours,
                unit: "CU-hours",
                how: move || {
                    format!(
                        "({} h at peak × {} CU + {} h × {} CU) × {} days; peak {}; trough {}",
                        format::number(shape.peak_hours, 1),
                        format::quantity(cu_peak),
                        format::number(shape.trough_hours(), 1),
                        format::quantity(cu_trough),
                        format::number(h / HOURS_PER_DAY, 2),
                        measures(peak_rps),
                        measures(trough_rps)
                    )
                },
            },
            "capacity unit = the highest of compute units, persistent connections and throughput (learn.microsoft.com/azure/application-gateway/understanding-pricing)",
        );
    }
}

/// Interactive retention Log Analytics includes, days (Azure Monitor
/// pricing: "31 days" of retention included for Analytics logs).
pub const LOG_ANALYTICS_INCLUDED_RETENTION_DAYS: f64 = 31.0;

impl Pricer<'_> {
    /// Log Analytics in one stamp, from its traffic:
    ///
    /// * ingestion `GB = floor GB/day × days + requests served ÷ 10⁶ × GB per
    ///   million requests`, requests served = origin average req/s × steady
    ///   share × seconds (a warm standby logs only its floor), less the free
    ///   allowance on the tier's first stamp ("first 5 GB per billing account
    ///   per month" free, azure.microsoft.com/pricing/details/monitor/), ×
    ///   price per GB;
    /// * retention beyond the included 31 days: `GB × (retention days − 31) ÷
    ///   days per month` GB-months × price per GB-month (Azure Monitor
    ///   pricing: data retained beyond the included days is charged per GB
    ///   per month, pro-rated daily).
    pub fn log_analytics(&mut self, stamp: &Stamp, origin_avg_rps: f64, first: bool) {
        let s = self.s;
        let pl = &s.platform;
        let days = s.commercial.hours_per_month / HOURS_PER_DAY;
        let floor = pl.log_analytics_gb_per_day;
        let per_m = pl.log_analytics_gb_per_million_requests;
        let requests_m = origin_avg_rps * stamp.steady_share * s.seconds_per_month() / 1e6;
        let gross = floor * days + requests_m * per_m;
        let free = if first {
            pl.log_analytics_free_gb_per_month.min(gross).max(0.0)
        } else {
            0.0
        };
        let billed = gross - free;
        if billed > 0.0 {
            self.line(
                Category::Platform,
                move || "Log Analytics ingestion".into(),
                &stamp.region,
                &meters::LOG_ANALYTICS,
                ReservationTerm::None,
                Quantity {
                    value: billed,
                    unit: "GB",
                    how: move || {
                        let free_text = if free > 0.0 {
                            format!(" − {} GB free a month", format::quantity(free))
                        } else {
                            String::new()
                        };
                        format!(
                            "{} GB/day floor × {} days + {} million requests × {} GB per million{free_text}",
                            format::quantity(floor),
                            format::number(days, 2),
                            format::quantity(requests_m),
                            format::quantity(per_m)
                        )
                    },
                },
                "",
            );
        }
        let extra_days = pl.log_analytics_retention_days - LOG_ANALYTICS_INCLUDED_RETENTION_DAYS;
        if extra_days > 0.0 && gross > 0.0 && days > 0.0 {
            let gb_months = gross * extra_days / days;
            self.line(
                Category::Platform,
                move || "Log Analytics retention beyond 31 days".into(),
                &stamp.region,
                &meters::LOG_ANALYTICS_RETENTION,
                ReservationTerm::None,
                Quantity {
                    value: gb_months,
                    unit: "GB-months",
                    how: move || {
                        format!(
                            "{} GB a month × ({} − 31) days ÷ {} days",
                            format::quantity(gross),
                            format::quantity(extra_days + LOG_ANALYTICS_INCLUDED_RETENTION_DAYS),
                            format::number(days, 2)
                        )
                    },
                },
                "",
            );
        }
    }
}

impl Pricer<'_> {
    /// Private endpoints in one stamp, one per data service it reaches
    /// (Cosmos DB and Key Vault always; Redis, App Configuration and, in the
    /// stamps that hold a ledger database, SQL when chosen):
    /// `endpoints × hours × hourly price` + data processed each way, `GB ×
    /// price per GB`: Azure Private Link pricing bills "Private endpoint" per
    /// hour and "Inbound data processed" and "Outbound data processed" per GB
    /// (azure.microsoft.com/pricing/details/private-link/). The data: the
    /// stamp's Cosmos DB operations at the item size, writes in (ingress)
    /// and reads and queries out (egress): `requests served × operations per
    /// request × item KB ÷ 10⁶`.
    pub fn private_endpoints(&mut self, stamp: &Stamp, origin_avg_rps: f64) {
        let s = self.s;
        if !s.platform.private_endpoints {
            return;
        }
        let pl = &s.platform;
        // The ledger runs in the first stamp and (as the failover-group
        // secondary) the second.
        let sql_here =
            s.data.sql.enabled && s.regions.iter().take(2).any(|r| r.region == stamp.region);
        let services: [(&str, bool); 5] = [
            ("Cosmos DB", true),
            ("Key Vault", true),
            ("Redis", pl.redis != super::scenario::RedisSku::None),
            ("SQL", sql_here),
            ("App Configuration", pl.app_configuration),
        ];
        let n = services.iter().filter(|(_, on)| *on).count();
        let h = s.commercial.hours_per_month;
        let text = self.writes();
        let names = move || {
            if !text {
                return String::new();
            }
            services
                .iter()
                .filter(|(_, on)| *on)
                .map(|(name, _)| *name)
                .collect::<Vec<_>>()
                .join(", ")
        };
        self.line(
            Category::Platform,
            move || format!("Private endpoints ({})", names()),
            "Global",
            &meters::PRIVATE_ENDPOINT,
            ReservationTerm::None,
            Quantity {
                value: n as f64 * h,
                unit: "endpoint-hours",
                how: move || {
                    format!(
                        "{n} endpoints in {} × {} h",
                        stamp.region,
                        format::number(h, 0)
                    )
                },
            },
            "",
        );
        let w = &s.workload;
        let requests = origin_avg_rps * stamp.steady_share * s.seconds_per_month();
        let out_gb =
            requests * (w.point_reads_per_request + w.queries_per_request) * w.item_kb / 1e6;
        let in_gb = requests * w.writes_per_request * w.item_kb / 1e6;
        let region = stamp.region.as_str();
        for (gb, key, dir, ops) in [
            (
                in_gb,
                &meters::PRIVATE_ENDPOINT_INGRESS,
                "in",
                w.writes_per_request,
            ),
            (
                out_gb,
                &meters::PRIVATE_ENDPOINT_EGRESS,
                "out",
                w.point_reads_per_request + w.queries_per_request,
            ),
        ] {
            if gb <= 0.0 {
                continue;
            }
            self.line(
                Category::Platform,
                move || format!("Private endpoint data processed {dir} ({region})"),
                "Global",
                key,
                ReservationTerm::None,
                Quantity {
                    value: gb,
                    unit: "GB",
                    how: move || {
                        format!(
                            "{} million requests × {} operations × {} KB ÷ 10⁶",
                            format::quantity(requests / 1e6),
                            format::quantity(ops),
                            format::quantity(w.item_kb)
                        )
                    },
                },
                "",
            );
        }
    }
}

impl Pricer<'_> {
    /// The Standard Load Balancer an AKS cluster creates in each stamp ("AKS
    /// uses a Standard SKU load balancer by default",
    /// learn.microsoft.com/azure/aks/load-balancer-standard): `hours × price
    /// of the first five rules` + data processed, `GB × price per GB`. The
    /// data: the stamp's responses (origin average req/s × steady share ×
    /// seconds × response KB ÷ 10⁶) when the load balancer is the ingress;
    /// behind Application Gateway (which reaches the pods directly) only the
    /// rules are billed.
    pub fn aks_load_balancer(&mut self, stamp: &Stamp, origin_peak_rps: f64) {
        let s = self.s;
        let h = s.commercial.hours_per_month;
        let region = stamp.region.as_str();
        self.line(
            Category::Compute,
            move || format!("AKS Standard Load Balancer, rules ({region})"),
            "Global",
            &meters::LOAD_BALANCER_RULES,
            ReservationTerm::None,
            Quantity {
                value: h,
                unit: "hours",
                how: move || {
                    format!(
                        "1 load balancer (up to 5 rules) × {} h",
                        format::number(h, 0)
                    )
                },
            },
            "",
        );
        if s.compute.aks.app_gateway {
            return;
        }
        let kb = s.workload.response_kb;
        let requests = origin_peak_rps
            * s.workload.average_to_peak_ratio
            * stamp.steady_share
            * s.seconds_per_month();
        let gb = requests * kb / 1e6;
        if gb <= 0.0 {
            return;
        }
        self.line(
            Category::Compute,
            move || format!("AKS Standard Load Balancer, data processed ({region})"),
            "Global",
            &meters::LOAD_BALANCER_DATA,
            ReservationTerm::None,
            Quantity {
                value: gb,
                unit: "GB",
                how: move || {
                    format!(
                        "{} million requests × {} KB ÷ 10⁶",
                        format::quantity(requests / 1e6),
                        format::quantity(kb)
                    )
                },
            },
            "",
        );
    }
}
