//! The network band: data copied between regions (Cosmos DB replication and
//! the SQL failover group's log shipping, priced per region pair) and the
//! private endpoints the stamps reach their data through.

use super::{meters, Charge, Component, Pricer, Quantity, Stamp};
use crate::engine::format;

impl Pricer<'_> {
    /// Inter-region replication egress from `from` to `to`: `GB × price per
    /// GB`, at the intra-continent rate when both regions share a bandwidth
    /// zone (continent group),
    /// else the inter-continent rate, priced at the source region. Returns GB.
    pub fn replication_egress(
        &mut self,
        component: Component,
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
        let what = match component {
            Component::SqlReplication => "SQL failover group",
            _ => "Cosmos DB",
        };
        self.line(
            Charge::new(component, &key, from),
            move || format!("{what} replication {from} → {to} ({kind})"),
            Quantity {
                value: gb,
                unit: "GB",
                how,
            },
        );
        gb
    }

    /// Cosmos DB replication egress in a month: every byte written in one
    /// region is copied to each other region of the account. Written per
    /// month: `average origin req/s × writes per request × item KB × seconds
    /// in the month ÷ 10⁶` GB. With multi-region writes each region sends
    /// its own writers' share to every other region; with one writer, the
    /// writer (the first region) sends everything to each reader. Each pair
    /// is priced by [`Pricer::replication_egress`]. Returns GB.
    pub fn cosmos_replication(&mut self, stamps: &[Stamp], multi_write: bool, avg_rps: f64) -> f64 {
        let s = self.s;
        if stamps.len() < 2 {
            return 0.0;
        }
        let write_gb =
            avg_rps * s.workload.writes_per_request * s.workload.item_kb * s.seconds_per_month()
                / 1e6;
        let write_how = |share: f64| {
            move || {
                format!(
                    "{} origin req/s average × {} writes × {} KB × {} s{} ÷ 10⁶",
                    format::quantity(avg_rps),
                    format::quantity(s.workload.writes_per_request),
                    format::quantity(s.workload.item_kb),
                    format::number(s.seconds_per_month(), 0),
                    if share < 1.0 {
                        format!(" × {}% written here", format::number(share * 100.0, 1))
                    } else {
                        String::new()
                    }
                )
            }
        };
        let mut egress_gb = 0.0;
        if multi_write {
            for src in stamps {
                for dst in stamps {
                    if src.region != dst.region {
                        egress_gb += self.replication_egress(
                            Component::CosmosReplication,
                            &src.region,
                            &dst.region,
                            write_gb * src.steady_share,
                            write_how(src.steady_share),
                        );
                    }
                }
            }
        } else {
            let writer = &stamps[0].region;
            for dst in &stamps[1..] {
                egress_gb += self.replication_egress(
                    Component::CosmosReplication,
                    writer,
                    &dst.region,
                    write_gb,
                    write_how(1.0),
                );
            }
        }
        egress_gb
    }

    /// The SQL failover group's log shipping from the primary to the
    /// secondary: the ledger's `GB written per month` (an input), priced by
    /// [`Pricer::replication_egress`]. Returns GB.
    pub fn sql_replication(&mut self, primary: &str, secondary: &str) -> f64 {
        let gb = self.s.data.sql.write_gb_per_month;
        self.replication_egress(
            Component::SqlReplication,
            primary,
            secondary,
            gb,
            move || {
                format!(
                    "{} GB written to the ledger per month",
                    format::quantity(gb)
                )
            },
        )
    }

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
            s.data.sql.enabled && s.regions.iter().take(2).any(|r| *r.region == *stamp.region);
        let services: [(&str, bool); 5] = [
            ("Cosmos DB", true),
            ("Key Vault", true),
            ("Redis", pl.redis != crate::engine::scenario::RedisSku::None),
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
            Charge::new(
                Component::PrivateEndpoints,
                &meters::PRIVATE_ENDPOINT,
                meters::GLOBAL,
            )
            .at(&stamp.region),
            move || format!("Private endpoints ({})", names()),
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
        );
        let w = &s.workload;
        let requests = origin_avg_rps * stamp.steady_share * s.seconds_per_month();
        let out_gb =
            requests * (w.point_reads_per_request + w.queries_per_request) * w.item_kb / 1e6;
        let in_gb = requests * w.writes_per_request * w.item_kb / 1e6;
        let region = &*stamp.region;
        for (gb, component, key, dir, ops) in [
            (
                in_gb,
                Component::PrivateEndpointIngress,
                &meters::PRIVATE_ENDPOINT_INGRESS,
                "in",
                w.writes_per_request,
            ),
            (
                out_gb,
                Component::PrivateEndpointEgress,
                &meters::PRIVATE_ENDPOINT_EGRESS,
                "out",
                w.point_reads_per_request + w.queries_per_request,
            ),
        ] {
            if gb <= 0.0 {
                continue;
            }
            self.line(
                Charge::new(component, key, meters::GLOBAL).at(&stamp.region),
                move || format!("Private endpoint data processed {dir} ({region})"),
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
            );
        }
    }
}
