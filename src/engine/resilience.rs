//! RTO, RPO, composite availability and latency of a tier. RTO comes from
//! the routing band and the write failover; RPO from the data band only;
//! the two are never conflated (the seed's rule).

use serde::Serialize;
use std::borrow::Cow;

use super::format;
use super::regions::{great_circle_km, RegionTable};
use super::scenario::{Consistency, Scenario, WriteFailover};
use super::tiers::TierId;

/// Minutes in a year (365 days), for downtime from availability.
pub const MINUTES_PER_YEAR: f64 = 525_600.0;

/// One named part of a figure: "Front Door detection 45 s".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    /// Mostly fixed text: borrowed, not allocated, on every recalculation.
    pub name: Cow<'static, str>,
    pub value: f64,
    pub how: String,
}

/// p95 latency of one user geography.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GeoLatency {
    /// The region the users are near.
    pub region: String,
    pub display_name: String,
    pub traffic_share: f64,
    /// The stamp that serves their requests.
    pub served_by: String,
    pub reads_p95_ms: f64,
    pub writes_p95_ms: f64,
    pub how: String,
}

/// Recovery, availability and latency of one tier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TierResilience {
    /// Until reads are served again after losing a whole region, seconds.
    pub rto_reads_s: f64,
    /// Until writes are accepted again, seconds.
    pub rto_writes_s: f64,
    /// The later of the two.
    pub rto_s: f64,
    pub rto_parts: Vec<Part>,
    /// SQL ledger writes recover after the failover group fails over
    /// (reported apart: the seed keeps it in a runbook), seconds.
    pub rto_ledger_s: Option<f64>,
    /// Data lost on the loss of a region, seconds of writes.
    pub rpo_s: f64,
    pub rpo_parts: Vec<Part>,
    /// Composite availability, 0–1.
    pub availability: f64,
    pub availability_parts: Vec<Part>,
    pub downtime_min_per_year: f64,
    pub latency: Vec<GeoLatency>,
    /// Worst p95 over geographies (reads, or reads and writes when the
    /// target includes writes).
    pub latency_p95_ms: f64,
    pub notes: Vec<String>,
}

/// Network round trip between two regions' users and stamp, ms: a measured
/// override if the user gave one, else `2 × great-circle km × route factor
/// ÷ fibre km per ms` (0 within a region).
pub fn network_rtt_ms(s: &Scenario, regions: &RegionTable, from: &str, to: &str) -> f64 {
    if from == to {
        return 0.0;
    }
    let r = &s.resilience;
    if let Some(m) = r
        .measured_rtts
        .iter()
        .find(|m| (m.from == from && m.to == to) || (m.from == to && m.to == from))
    {
        return m.rtt_ms;
    }
    match (regions.get(from), regions.get(to)) {
        (Some(a), Some(b)) => 2.0 * great_circle_km(a, b) * r.route_factor / r.fibre_km_per_ms,
        _ => 0.0,
    }
}

/// Mean time for Front Door to take a dead origin out of rotation:
/// the first failed probe lands on average half an interval after the
/// failure, then `failed samples − 1` more intervals, then the drain.
pub fn front_door_detection_s(s: &Scenario) -> f64 {
    let r = &s.resilience;
    r.probe_interval_s * (r.failed_samples_to_flip as f64 - 0.5) + r.drain_s
}

fn write_failover_s(s: &Scenario) -> (f64, &'static str) {
    match s.resilience.write_failover {
        WriteFailover::ServiceManaged => (
            s.resilience.service_managed_failover_s,
            "Writes: service-managed write-region failover",
        ),
        WriteFailover::HumanGated => (
            s.resilience.human_promotion_s,
            "Writes: human-gated write-region promotion (runbook)",
        ),
    }
}

/// An explanation in words, written only when the caller wants text (the
/// page's recalculation on every keystroke does not).
fn explain(text: bool, words: impl FnOnce() -> String) -> String {
    if text {
        words()
    } else {
        String::new()
    }
}

/// Recovery time of a tier on the loss of its primary region.
fn rto(tier: TierId, s: &Scenario, stamps_capacity: &[f64], text: bool) -> (f64, f64, Vec<Part>) {
    let r = &s.resilience;
    let mut parts = Vec::new();
    if tier == TierId::SingleRegion {
        let t = r.rebuild_hours * 3600.0;
        parts.push(Part {
            name: "Rebuild or restore in another region".into(),
            value: t,
            how: explain(text, || {
                format!("{} h, by hand", format::number(r.rebuild_hours, 1))
            }),
        });
        return (t, t, parts);
    }
    let detect = front_door_detection_s(s);
    parts.push(Part {
        name: "Front Door detection and drain".into(),
        value: detect,
        how: explain(text, || {
            format!(
                "{} s probe interval × ({} failed samples − ½) + {} s drain",
                format::number(r.probe_interval_s, 0),
                r.failed_samples_to_flip,
                format::number(r.drain_s, 0)
            )
        }),
    });
    let mut reads = detect;
    if s.edge.traffic_manager {
        parts.push(Part {
            name: "DNS TTL (Traffic Manager)".into(),
            value: r.dns_ttl_s,
            how: explain(text, || format!("{} s TTL", format::number(r.dns_ttl_s, 0))),
        });
        reads += r.dns_ttl_s;
    }
    if tier == TierId::ActivePassive && stamps_capacity.get(1).copied().unwrap_or(0.0) < 1.0 {
        parts.push(Part {
            name: "Warm standby scale-out".into(),
            value: r.standby_scale_out_s,
            how: explain(text, || {
                format!(
                    "{} s to grow from its minimum to full capacity",
                    format::number(r.standby_scale_out_s, 0)
                )
            }),
        });
        reads += r.standby_scale_out_s;
    }
    let writes = match tier {
        TierId::MultiWrite => reads,
        _ => {
            let (t, name) = write_failover_s(s);
            parts.push(Part {
                name: name.into(),
                value: t,
                how: explain(text, || {
                    format!("{} s, in parallel with routing", format::number(t, 0))
                }),
            });
            reads.max(t)
        }
    };
    (reads, writes, parts)
}

/// Data lost on the loss of the region holding the newest writes.
fn rpo(tier: TierId, s: &Scenario, text: bool) -> (f64, Vec<Part>, Vec<String>) {
    let r = &s.resilience;
    let mut parts = Vec::new();
    let mut notes = Vec::new();
    let cosmos = match tier {
        TierId::SingleRegion => {
            let t = r.backup_interval_min * 60.0;
            parts.push(Part {
                name: "Cosmos DB: restore from geo-redundant backup".into(),
                value: t,
                how: explain(text, || {
                    format!(
                        "backup every {} min",
                        format::number(r.backup_interval_min, 0)
                    )
                }),
            });
            t
        }
        TierId::ActivePassive | TierId::ActiveActiveReads => {
            if s.data.consistency == Consistency::Strong {
                parts.push(Part {
                    name: "Cosmos DB single writer, Strong consistency".into(),
                    value: 0.0,
                    how: explain(text, || {
                        "writes commit in every region before they are acknowledged".into()
                    }),
                });
                0.0
            } else {
                parts.push(Part {
                    name: "Cosmos DB single writer, asynchronous replication".into(),
                    value: r.async_replication_lag_s,
                    how: explain(text, || {
                        format!(
                            "{} s replication lag",
                            format::number(r.async_replication_lag_s, 1)
                        )
                    }),
                });
                r.async_replication_lag_s
            }
        }
        TierId::MultiWrite => {
            parts.push(Part {
                name: "Cosmos DB multi-region writes".into(),
                value: r.multi_write_replication_lag_s,
                how: explain(text, || format!("{} s between write regions; only writes made in the lost region in that window", format::number(r.multi_write_replication_lag_s, 1))),
            });
            notes.push("Near-zero RPO assumes a deliberate conflict policy: last-writer-wins silently drops the losing write.".into());
            r.multi_write_replication_lag_s
        }
    };
    let mut total = cosmos;
    if s.data.sql.enabled && tier != TierId::SingleRegion {
        parts.push(Part {
            name: "SQL ledger failover group (asynchronous)".into(),
            value: r.sql_replication_lag_s,
            how: explain(text, || {
                format!(
                    "{} s replication lag",
                    format::number(r.sql_replication_lag_s, 1)
                )
            }),
        });
        total = total.max(r.sql_replication_lag_s);
    }
    (total, parts, notes)
}

/// Composite availability: global band × parallel stamps × data band.
/// A stamp is a serial chain (∏ of its components' SLAs); N stamps in
/// parallel give `1 − (1 − A_stamp)^N`; the global band is Front Door (and
/// Traffic Manager where it steers); the data band is Cosmos DB's SLA for the
/// account's shape (write SLA) and the SQL ledger's.
fn availability(tier: TierId, s: &Scenario, stamps: usize, text: bool) -> (f64, Vec<Part>) {
    let sl = &s.resilience.slas;
    let pct = |v: f64| v / 100.0;
    let mut parts = Vec::new();
    let mut chain = Vec::new();
    if s.compute.app_service.enabled {
        chain.push(("App Service", sl.app_service_pct));
    }
    if s.compute.aks.enabled {
        chain.push(("AKS", sl.aks_pct));
        if s.compute.aks.app_gateway {
            chain.push(("Application Gateway", sl.app_gateway_pct));
        }
    }
    if s.platform.redis != super::scenario::RedisSku::None {
        chain.push(("Redis", sl.redis_pct));
    }
    chain.push(("Key Vault", sl.key_vault_pct));
    if s.platform.app_configuration {
        chain.push(("App Configuration", sl.app_configuration_pct));
    }
    let stamp: f64 = chain.iter().map(|(_, v)| pct(*v)).product();
    parts.push(Part {
        name: "One stamp (serial)".into(),
        value: stamp,
        how: explain(text, || {
            chain
                .iter()
                .map(|(n, v)| format!("{n} {}%", format::number(*v, 3)))
                .collect::<Vec<_>>()
                .join(" × ")
        }),
    });
    let parallel = 1.0 - (1.0 - stamp).powi(stamps as i32);
    if stamps > 1 {
        parts.push(Part {
            name: format!("{stamps} stamps in parallel").into(),
            value: parallel,
            how: explain(text, || {
                format!("1 − (1 − {})^{stamps}", format::percent(stamp, 4))
            }),
        });
    }
    let steered = s.edge.traffic_manager && stamps > 1;
    let mut global = pct(sl.front_door_pct);
    if steered {
        global *= pct(sl.traffic_manager_pct);
    }
    parts.push(Part {
        name: "Global band".into(),
        value: global,
        how: explain(text, || {
            let mut text = format!("Front Door {}%", format::number(sl.front_door_pct, 3));
            if steered {
                text.push_str(&format!(
                    " × Traffic Manager {}%",
                    format::number(sl.traffic_manager_pct, 3)
                ));
            }
            text
        }),
    });
    let zonal = s.data.cosmos_zone_redundant;
    let (cosmos, cosmos_how) = match tier {
        TierId::SingleRegion => {
            if zonal {
                (
                    sl.cosmos_single_region_zonal_pct,
                    "single region with zones",
                )
            } else {
                (sl.cosmos_single_region_pct, "single region")
            }
        }
        TierId::ActivePassive | TierId::ActiveActiveReads => {
            if zonal {
                (
                    sl.cosmos_single_region_zonal_pct,
                    "single write region with zones (write SLA)",
                )
            } else {
                (
                    sl.cosmos_single_region_pct,
                    "single write region (write SLA)",
                )
            }
        }
        TierId::MultiWrite => (sl.cosmos_multi_region_pct, "multi-region writes"),
    };
    let sql = s.data.sql.enabled.then_some(if s.data.sql.zone_redundant {
        sl.sql_zone_redundant_pct
    } else {
        sl.sql_pct
    });
    let data = pct(cosmos) * sql.map_or(1.0, pct);
    parts.push(Part {
        name: "Data band".into(),
        value: data,
        how: explain(text, || {
            let mut text = format!("Cosmos DB {}% ({cosmos_how})", format::number(cosmos, 3));
            if let Some(v) = sql {
                text.push_str(&format!(" × SQL {}%", format::number(v, 3)));
            }
            text
        }),
    });
    (global * parallel * data, parts)
}

/// p95 latency per user geography: `base + network RTT(users → serving
/// stamp)` for reads, plus `RTT(stamp → write region)` for writes in the
/// single-writer tiers.
fn latency(tier: TierId, s: &Scenario, regions: &RegionTable, text: bool) -> Vec<GeoLatency> {
    let base = s.resilience.base_latency_ms;
    let primary = s.regions.first().map_or("", |r| r.region.as_str());
    s.regions
        .iter()
        .map(|u| {
            let served_by = match tier {
                TierId::SingleRegion | TierId::ActivePassive => primary,
                _ => u.region.as_str(),
            };
            let to_stamp = network_rtt_ms(s, regions, &u.region, served_by);
            let to_writer = match tier {
                TierId::ActiveActiveReads => network_rtt_ms(s, regions, served_by, primary),
                _ => 0.0,
            };
            let how = explain(text, || {
                if to_writer > 0.0 {
                    format!(
                        "{} ms base + {} ms to the {served_by} stamp; writes + {} ms to the write region {primary}",
                        format::number(base, 0),
                        format::number(to_stamp, 0),
                        format::number(to_writer, 0)
                    )
                } else {
                    format!("{} ms base + {} ms to the {served_by} stamp", format::number(base, 0), format::number(to_stamp, 0))
                }
            });
            GeoLatency {
                display_name: regions.get(&u.region).map(|r| r.display_name.clone()).unwrap_or_else(|| u.region.clone()),
                region: u.region.clone(),
                traffic_share: u.traffic_share,
                served_by: served_by.to_string(),
                reads_p95_ms: base + to_stamp,
                writes_p95_ms: base + to_stamp + to_writer,
                how,
            }
        })
        .collect()
}

/// Everything resilience for one tier. `stamp_capacities` are the tier's
/// stamps' capacity fractions, in order.
pub fn assess(
    tier: TierId,
    s: &Scenario,
    regions: &RegionTable,
    stamp_capacities: &[f64],
) -> TierResilience {
    assess_with(tier, s, regions, stamp_capacities, true)
}

/// [`assess`], with `text` false leaving each part's and each geography's
/// `how` empty: what the page recomputes on every keystroke (the working
/// panel asks for the text when it opens). The numbers are the same.
pub fn assess_with(
    tier: TierId,
    s: &Scenario,
    regions: &RegionTable,
    stamp_capacities: &[f64],
    text: bool,
) -> TierResilience {
    let (rto_reads_s, rto_writes_s, rto_parts) = rto(tier, s, stamp_capacities, text);
    let (rpo_s, rpo_parts, mut notes) = rpo(tier, s, text);
    let (availability, availability_parts) = availability(tier, s, stamp_capacities.len(), text);
    let latency = latency(tier, s, regions, text);
    let latency_p95_ms = latency
        .iter()
        .map(|g| {
            if s.targets.latency_includes_writes {
                g.reads_p95_ms.max(g.writes_p95_ms)
            } else {
                g.reads_p95_ms
            }
        })
        .fold(0.0, f64::max);
    let rto_ledger_s = if s.data.sql.enabled {
        if tier == TierId::SingleRegion {
            Some(rto_reads_s)
        } else {
            let detect = front_door_detection_s(s);
            let (t, _) = write_failover_s(s);
            Some(detect.max(t))
        }
    } else {
        None
    };
    if let Some(l) = rto_ledger_s {
        if tier != TierId::SingleRegion && l > rto_writes_s {
            notes.push(format!(
                "SQL ledger writes recover after its failover group fails over: {}.",
                format::duration(l)
            ));
        }
    }
    TierResilience {
        rto_reads_s,
        rto_writes_s,
        rto_s: rto_reads_s.max(rto_writes_s),
        rto_parts,
        rto_ledger_s,
        rpo_s,
        rpo_parts,
        availability,
        availability_parts,
        downtime_min_per_year: (1.0 - availability) * MINUTES_PER_YEAR,
        latency,
        latency_p95_ms,
        notes,
    }
}
