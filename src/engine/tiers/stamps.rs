//! How each tier lays its stamps out (regions, roles, capacity at peak),
//! how the stamps' compute pools are billed over the month, and the
//! round-trip arithmetic that says which survivor carries a lost region's
//! readers (and how much Cosmos DB throughput it then needs).

use super::*;
use std::sync::Arc;

/// Lays out the stamps of a tier.
pub fn stamps_for(tier: TierId, s: &Scenario) -> Vec<Stamp> {
    let rps = origin_peak_rps(s);
    let app = &s.compute.app_service;
    let aks = &s.compute.aks;
    let sized = |region: &str, role: StampRole, fraction: f64, share: f64| Stamp {
        region: Arc::from(region),
        role,
        capacity_fraction: fraction,
        steady_share: share,
        app_service_instances: if app.enabled {
            instances_for(
                fraction,
                rps,
                app.requests_per_s_per_instance,
                app.min_instances,
            )
        } else {
            0
        },
        aks_nodes: if aks.enabled {
            instances_for(fraction, rps, aks.requests_per_s_per_node, aks.min_nodes)
        } else {
            0
        },
        app_service_bill: PoolBill::default(),
        aks_bill: PoolBill::default(),
    };
    let primary = s
        .regions
        .first()
        .map(|r| r.region.as_str())
        .unwrap_or("westeurope");
    match tier {
        TierId::SingleRegion => vec![sized(primary, StampRole::Primary, 1.0, 1.0)],
        TierId::ActivePassive => {
            let mut out = vec![sized(primary, StampRole::Primary, 1.0, 1.0)];
            if let Some(second) = s.regions.get(1) {
                let standby_app = if s.compute.warm_standby_instances > 0 {
                    s.compute.warm_standby_instances.max(app.min_instances)
                } else {
                    app.min_instances
                };
                let standby_aks = if s.compute.warm_standby_instances > 0 {
                    s.compute.warm_standby_instances.max(aks.min_nodes)
                } else {
                    aks.min_nodes
                };
                let app_n = if app.enabled { standby_app } else { 0 };
                let aks_n = if aks.enabled { standby_aks } else { 0 };
                // The standby's capacity: what its weakest enabled pool can carry.
                let mut fraction = f64::INFINITY;
                if app.enabled {
                    fraction = fraction.min(app_n as f64 * app.requests_per_s_per_instance / rps);
                }
                if aks.enabled {
                    fraction = fraction.min(aks_n as f64 * aks.requests_per_s_per_node / rps);
                }
                if !fraction.is_finite() {
                    fraction = 0.0;
                }
                out.push(Stamp {
                    region: Arc::from(second.region.as_str()),
                    role: StampRole::Standby,
                    capacity_fraction: fraction.min(1.0),
                    steady_share: 0.0,
                    app_service_instances: app_n,
                    aks_nodes: aks_n,
                    app_service_bill: PoolBill::default(),
                    aks_bill: PoolBill::default(),
                });
            }
            out
        }
        TierId::ActiveActiveReads | TierId::MultiWrite => s
            .regions
            .iter()
            .map(|r| {
                sized(
                    &r.region,
                    StampRole::Active,
                    s.compute.stamp_capacity_fraction,
                    r.traffic_share,
                )
            })
            .collect(),
    }
}

/// Round trips between a tier's stamp regions, each worked out once, on the
/// stack (the numbers path allocates nothing for them).
pub(super) struct StampRtts<'a> {
    s: &'a Scenario,
    regions: &'a RegionTable,
    stamps: &'a [Stamp],
    memo: [[f64; RTT_MEMO]; RTT_MEMO],
}

/// Stamps whose round trips [`StampRtts`] remembers (validation allows 5
/// regions; beyond this they are recomputed on each use).
const RTT_MEMO: usize = 8;

impl<'a> StampRtts<'a> {
    pub(super) fn new(s: &'a Scenario, regions: &'a RegionTable, stamps: &'a [Stamp]) -> Self {
        Self {
            s,
            regions,
            stamps,
            memo: [[f64::NAN; RTT_MEMO]; RTT_MEMO],
        }
    }

    /// Round trip between stamps `a` and `b`, ms (symmetric).
    pub(super) fn ms(&mut self, a: usize, b: usize) -> f64 {
        let compute = |a: usize, b: usize| {
            network_rtt_ms(
                self.s,
                self.regions,
                &self.stamps[a].region,
                &self.stamps[b].region,
            )
        };
        if a >= RTT_MEMO || b >= RTT_MEMO {
            return compute(a, b);
        }
        if self.memo[a][b].is_nan() {
            let v = compute(a, b);
            self.memo[a][b] = v;
            self.memo[b][a] = v;
        }
        self.memo[a][b]
    }

    /// Share of global origin traffic whose reads stamp `i` serves once stamp
    /// `lost` is gone: its own, plus the lost stamp's when `i` is the
    /// survivor nearest the lost region (split evenly between equally near
    /// survivors). Front Door's latency routing "Routes requests to the
    /// origins with the lowest latency within an acceptable sensitivity
    /// range" (<https://learn.microsoft.com/azure/frontdoor/routing-methods>),
    /// and a health probe takes the lost origin out; the planner's round-trip
    /// model (the one that picks each geography's stamp for latency) says
    /// which survivor is nearest. With two regions the survivor takes it all,
    /// as in the compute headroom model.
    pub(super) fn share_after_loss(&mut self, i: usize, lost: usize) -> f64 {
        let own = self.stamps[i].steady_share;
        let moved = self.stamps[lost].steady_share;
        if i == lost || moved <= 0.0 {
            return if i == lost { 0.0 } else { own };
        }
        if self.stamps.len() == 2 {
            // The only survivor: no round trips to compare.
            return own + moved;
        }
        let mut best = f64::INFINITY;
        let mut ties = 0u32;
        for k in 0..self.stamps.len() {
            if k == lost {
                continue;
            }
            let d = self.ms(lost, k);
            if d < best - 1e-9 {
                best = d;
                ties = 1;
            } else if (d - best).abs() <= 1e-9 {
                ties += 1;
            }
        }
        if (self.ms(lost, i) - best).abs() <= 1e-9 {
            own + moved / f64::from(ties.max(1))
        } else {
            own
        }
    }
}

/// The busiest stamp's steady read share, and the worst case after losing
/// one region: `(steady share, after-failover share, lost stamp, survivor
/// stamp)`; with one stamp the after-failover share is the steady one.
pub(super) fn read_shares(rtts: &mut StampRtts<'_>) -> (f64, f64, usize, usize) {
    let n = rtts.stamps.len();
    let steady = rtts
        .stamps
        .iter()
        .map(|st| st.steady_share)
        .fold(0.0, f64::max);
    let (mut after, mut lost_at, mut survivor_at) = (steady, 0, 0);
    if n < 2 {
        return (steady, after, lost_at, survivor_at);
    }
    after = f64::NEG_INFINITY;
    for lost in 0..n {
        for i in 0..n {
            if i == lost {
                continue;
            }
            let share = rtts.share_after_loss(i, lost);
            if share > after {
                (after, lost_at, survivor_at) = (share, lost, i);
            }
        }
    }
    (steady, after, lost_at, survivor_at)
}

/// Share of the survivors' request units throttled at peak after the worst
/// loss of one region, with `provisioned` RU/s in every region:
/// `max over lost j of Σ_i max(0, need_ij − T) ÷ Σ_i need_ij`, where
/// `need_ij` = survivor i's reads after losing j + every write.
pub(super) fn failover_shortfall(
    rtts: &mut StampRtts<'_>,
    reads_at: impl Fn(f64) -> f64,
    write_ru_per_s: f64,
    provisioned: f64,
) -> f64 {
    let n = rtts.stamps.len();
    let mut worst: f64 = 0.0;
    for lost in 0..n {
        let (mut need, mut excess) = (0.0, 0.0);
        for i in 0..n {
            if i == lost {
                continue;
            }
            let need_i = reads_at(rtts.share_after_loss(i, lost)) + write_ru_per_s;
            need += need_i;
            excess += (need_i - provisioned).max(0.0);
        }
        if need > 0.0 {
            worst = worst.max(excess / need);
        }
    }
    worst
}

/// Expected hours a month one region is lost: its outages a year × the
/// typical outage's hours ÷ 12.
pub fn outage_hours_per_month(s: &Scenario) -> f64 {
    (s.risk.regional_outages_per_year * s.risk.typical_outage_hours / 12.0).max(0.0)
}

/// Bills every compute pool of a tier's stamps over the month (see
/// [`autoscale::bill_pool`]). A stamp's failover episodes: in the
/// active-active tiers, the loss of each other region for
/// [`outage_hours_per_month`], carrying its share after that loss (Front
/// Door's latency routing sends the lost region's users to the nearest
/// survivor); the warm standby, the primary's loss, carrying everyone. With
/// fixed scaling each active stamp runs its largest need every hour and its
/// capacity is that need (so the survivor has no shortfall). The warm
/// standby keeps its configured size under either choice and scales out to
/// the whole load while the primary is lost.
pub(super) fn bill_stamps(tier: TierId, s: &Scenario, regions: &RegionTable, stamps: &mut [Stamp]) {
    let rps = origin_peak_rps(s);
    let shape = autoscale::load_shape(&s.workload);
    let hours = s.commercial.hours_per_month;
    let outage_h = outage_hours_per_month(s);
    let n = stamps.len();
    let mut episodes: Vec<(usize, Episode)> = Vec::new();
    match tier {
        TierId::ActivePassive if n > 1 => episodes.push((
            1,
            Episode {
                hours_per_month: outage_h,
                capacity_fraction: 1.0,
            },
        )),
        TierId::ActiveActiveReads | TierId::MultiWrite if n > 1 => {
            let mut rtts = StampRtts::new(s, regions, stamps);
            for i in 0..n {
                for lost in 0..n {
                    if lost != i {
                        episodes.push((
                            i,
                            Episode {
                                hours_per_month: outage_h,
                                capacity_fraction: rtts.share_after_loss(i, lost),
                            },
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    let app = &s.compute.app_service;
    let aks = &s.compute.aks;
    for (i, st) in stamps.iter_mut().enumerate() {
        let mine: Vec<Episode> = episodes
            .iter()
            .filter(|(k, _)| *k == i)
            .map(|(_, e)| *e)
            .collect();
        let standby = st.role == StampRole::Standby;
        let scaling = if standby {
            ComputeScaling::Autoscale
        } else {
            s.compute.scaling
        };
        // The standby runs its configured size: its minimum is that size.
        let (sunny, app_min, aks_min) = if standby {
            (0.0, st.app_service_instances, st.aks_nodes)
        } else {
            (st.capacity_fraction, app.min_instances, aks.min_nodes)
        };
        if app.enabled && st.app_service_instances > 0 {
            let bill = autoscale::bill_pool(
                scaling,
                &shape,
                hours,
                sunny,
                &mine,
                rps,
                app.requests_per_s_per_instance,
                app_min,
            );
            st.app_service_instances = bill.peak;
            st.app_service_bill = bill;
        }
        if aks.enabled && st.aks_nodes > 0 {
            let bill = autoscale::bill_pool(
                scaling,
                &shape,
                hours,
                sunny,
                &mine,
                rps,
                aks.requests_per_s_per_node,
                aks_min,
            );
            st.aks_nodes = bill.peak;
            st.aks_bill = bill;
        }
        if scaling == ComputeScaling::Fixed {
            st.capacity_fraction = mine
                .iter()
                .map(|e| e.capacity_fraction)
                .fold(st.capacity_fraction, f64::max);
        }
    }
}
