//! The edge band: Azure Front Door (base fee; requests, edge-to-client and
//! edge-to-origin transfer, by billing zone) and the Traffic Manager profile
//! in front of the stamps.

use super::{meters, Charge, Component, Pricer, Quantity};
use crate::engine::format;
use crate::engine::regions::RegionTable;

/// Why the base fee is the only charge for WAF and Private Link, quoting the
/// billing page.
const BASE_FEE_NOTE: &str = "Includes WAF: \"You don't pay extra fees to use [...] custom web application firewall (WAF) rules. If you use Front Door Premium, you also don't pay extra fees to use managed WAF rule sets or Private Link origins.\" (learn.microsoft.com/azure/frontdoor/billing)";

/// Why origin-to-edge transfer has no line, quoting the billing page; and
/// that Premium is priced at the Standard rate.
const ORIGIN_TRANSFER_NOTE: &str = "Origin-to-edge transfer is not billed (\"This traffic doesn't get billed by Front Door, even if the origin is in a different region to the Front Door edge location for the request\"; \"the data egress from the Azure origin to Front Door isn't charged\", learn.microsoft.com/azure/frontdoor/billing); Premium uses the Standard rate; cache hits send nothing to the origin";

impl<'a> Pricer<'a> {
    /// Front Door as billed for Standard and Premium
    /// (learn.microsoft.com/azure/frontdoor/billing): the profile's base fee,
    /// then, per billing zone of the edge location serving each user
    /// population, requests, edge-to-client transfer and edge-to-origin
    /// transfer. "Data transfer from origin to Front Door (nonbillable)" has
    /// no line; custom WAF rules, and on Premium managed WAF rule sets and
    /// Private Link origins, cost nothing beyond the base fee (both said in
    /// the lines' notes).
    pub fn front_door(&mut self) {
        self.front_door_base();
        for (zone, share) in self.front_door_zones() {
            self.front_door_requests(zone, share);
            self.front_door_transfer(zone, share);
            self.front_door_origin_transfer(zone, share);
        }
    }

    /// The user populations grouped by the Front Door billing zone of their
    /// region (`regions.csv` `front_door_zone`), with their traffic shares.
    fn front_door_zones(&self) -> Vec<(&'a str, f64)> {
        let s = self.s;
        let regions: &'a RegionTable = self.regions;
        let mut zones: Vec<(&'a str, f64)> = Vec::with_capacity(s.regions.len());
        for r in &s.regions {
            let zone = regions
                .get(&r.region)
                .map_or("Zone 1", |g| g.front_door_zone.as_str());
            match zones.iter_mut().find(|(z, _)| *z == zone) {
                Some((_, share)) => *share += r.traffic_share,
                None => zones.push((zone, r.traffic_share)),
            }
        }
        zones
    }

    /// All requests a month: `peak req/s × average-to-peak × seconds`.
    fn front_door_monthly_requests(&self) -> f64 {
        let s = self.s;
        s.workload.peak_requests_per_s * s.workload.average_to_peak_ratio * s.seconds_per_month()
    }

    /// The profile's base fee: `1 × monthly fee` ("Each Front Door profile
    /// incurs an hourly fee", learn.microsoft.com/azure/frontdoor/billing).
    /// The note says what the fee already covers (WAF rules; on Premium
    /// managed rule sets and Private Link origins).
    fn front_door_base(&mut self) {
        let tier = self.s.edge.front_door_tier;
        self.line(
            Charge::new(
                Component::FrontDoorBase,
                meters::front_door_base(tier),
                meters::GLOBAL,
            )
            .noted(BASE_FEE_NOTE),
            move || format!("Front Door {} base fee", tier.as_str()),
            Quantity {
                value: 1.0,
                unit: "profile-months",
                how: || "1 profile".to_string(),
            },
        );
    }

    /// Requests from clients to the edge in one billing zone: `requests a
    /// month × zone share ÷ 10,000 × price per 10,000` ("Number of requests
    /// from client to Front Door", learn.microsoft.com/azure/frontdoor/billing).
    fn front_door_requests(&mut self, zone: &'a str, share: f64) {
        let s = self.s;
        let n = self.front_door_monthly_requests() * share;
        let key = meters::front_door_requests(s.edge.front_door_tier);
        self.line(
            Charge::new(Component::FrontDoorRequests, key, zone),
            move || format!("Front Door requests ({zone})"),
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
        );
    }

    /// Edge-to-client transfer in one billing zone: `requests a month × zone
    /// share × response KB ÷ 10⁶ × price per GB`, tiered ("Data transfer
    /// from Front Door to client", learn.microsoft.com/azure/frontdoor/billing;
    /// cache hits are billed too).
    fn front_door_transfer(&mut self, zone: &'a str, share: f64) {
        let s = self.s;
        let n = self.front_door_monthly_requests() * share;
        let gb = n * s.workload.response_kb / 1e6;
        self.line(
            Charge::new(Component::FrontDoorTransfer, &meters::FD_DATA_OUT, zone)
                .noted("Premium uses the Standard transfer rate"),
            move || format!("Front Door edge-to-client transfer ({zone})"),
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
        );
    }

    /// Edge-to-origin transfer in one billing zone: `requests a month × zone
    /// share × (1 − edge cache hits) × request KB ÷ 10⁶ × price per GB`.
    /// "Front Door charges for the bytes that are sent from the Front Door
    /// edge location to your origin server. The price is different depending
    /// on the geographical region of the Front Door edge location that serves
    /// the request." and "If the request can be served from the Front Door
    /// edge location's cache, Front Door doesn't send any request to the
    /// origin server, and you aren't billed for this component."
    /// (learn.microsoft.com/azure/frontdoor/billing). The way back, origin to
    /// edge, is not billed; the note quotes why.
    fn front_door_origin_transfer(&mut self, zone: &'a str, share: f64) {
        let s = self.s;
        let hit = s.workload.edge_cache_hit_ratio;
        let n = self.front_door_monthly_requests() * share * (1.0 - hit);
        let gb = n * s.edge.request_kb / 1e6;
        self.line(
            Charge::new(
                Component::FrontDoorOriginTransfer,
                &meters::FD_DATA_IN,
                zone,
            )
            .noted(ORIGIN_TRANSFER_NOTE),
            move || format!("Front Door edge-to-origin transfer ({zone})"),
            Quantity {
                value: gb,
                unit: "GB",
                how: move || {
                    format!(
                        "{} requests × (1 − {}% cache hits) × {} KB ÷ 10⁶",
                        format::number(n / (1.0 - hit), 0),
                        format::number(hit * 100.0, 1),
                        format::quantity(s.edge.request_kb)
                    )
                },
            },
        );
    }

    /// Traffic Manager where enabled: `DNS queries (millions) × price per
    /// million` + `endpoints × health-check price per month`.
    pub fn traffic_manager(&mut self, endpoints: usize) {
        if self.s.edge.traffic_manager {
            self.traffic_manager_profile(endpoints);
        }
    }

    /// The Traffic Manager profile's lines whether or not the scenario
    /// enables it (what enabling it would add: the failure-mode matrix
    /// prices it as a mitigation).
    pub fn traffic_manager_profile(&mut self, endpoints: usize) {
        let m = self.s.edge.dns_queries_millions_per_month;
        self.line(
            Charge::new(
                Component::TrafficManagerQueries,
                &meters::TM_DNS,
                meters::GLOBAL,
            ),
            move || "Traffic Manager DNS queries".into(),
            Quantity {
                value: m,
                unit: "million queries",
                how: move || format!("{} million queries", format::quantity(m)),
            },
        );
        self.line(
            Charge::new(
                Component::TrafficManagerEndpoints,
                &meters::TM_ENDPOINT,
                meters::GLOBAL,
            ),
            move || "Traffic Manager endpoint health checks".into(),
            Quantity {
                value: endpoints as f64,
                unit: "endpoint-months",
                how: move || format!("{endpoints} endpoints"),
            },
        );
    }
}
