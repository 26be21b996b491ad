//! The edge band: Azure Front Door (base fee, requests and transfer to
//! clients, by billing zone) and the Traffic Manager profile in front of the
//! stamps.

use super::{meters, Charge, Component, Pricer, Quantity};
use crate::engine::format;

impl Pricer<'_> {
    /// Front Door: the profile's base fee (`1 × monthly fee`), requests (`all
    /// requests per month ÷ 10,000 × price`) and edge-to-client transfer
    /// (`requests × response KB ÷ 10⁶ × price per GB`), split by the billing
    /// zone of each user population. Origin-to-edge transfer from Azure
    /// origins is not billed (learn.microsoft.com/azure/frontdoor/billing).
    pub fn front_door(&mut self) {
        let s = self.s;
        let tier = s.edge.front_door_tier;
        let base = meters::front_door_base(tier);
        self.line(
            Charge::new(Component::FrontDoorBase, base, meters::GLOBAL),
            move || format!("Front Door {} base fee", tier.as_str()),
            Quantity {
                value: 1.0,
                unit: "profile-months",
                how: || "1 profile".to_string(),
            },
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
                Charge::new(Component::FrontDoorRequests, req_key, zone),
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
