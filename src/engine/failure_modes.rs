//! The failure-mode matrix (issue 17 §2): for each tier and each way it can
//! fail — a zone, a region, Cosmos DB's data plane in one region, Front Door
//! worldwide, a bad release on every stamp, corrupted or deleted data — the
//! recovery time and data lost on both bases, the capacity left, what
//! mitigates it and, where the mitigation is a priced option, its cost.
//!
//! Sources (learn.microsoft.com), each also cited in the row's `how`:
//! * Cosmos DB high availability, <https://learn.microsoft.com/azure/cosmos-db/high-availability>:
//!   "Zone failures – data loss | Data loss | No data loss …" and "Zone
//!   failures – availability | Availability loss | No availability loss …"
//!   (single region without zones loses both; with zones, or with more than
//!   one region, neither).
//! * App Service deployment slots, <https://learn.microsoft.com/azure/app-service/deploy-staging-slots>:
//!   "you can perform the same swap immediately to get your 'last known good
//!   site' back"; "There's no extra charge for using deployment slots."
//! * Traffic Manager endpoint monitoring, <https://learn.microsoft.com/azure/traffic-manager/traffic-manager-monitoring>:
//!   failover waits for the probing interval × the tolerated number of
//!   failures, then the DNS TTL (defaults: 30 s and 3 failures).
//! * Backups: [`super::backup`].

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::backup;
use super::costs::{Component, Pricer, Stamp, StampRole};
use super::drills;
use super::meters;
use super::pricing::LookupMemo;
use super::regions::RegionTable;
use super::resilience::{bounds, front_door_detection_s, write_failover_s, TierResilience};
use super::scenario::{BackupMode, Basis, DrillMeasure, Scenario};
use super::tiers::{TierCost, TierId};

/// Cosmos DB high-availability page (zone failures table).
pub const COSMOS_HA_URL: &str = "https://learn.microsoft.com/azure/cosmos-db/high-availability";
/// App Service deployment slots page.
pub const SLOTS_URL: &str = "https://learn.microsoft.com/azure/app-service/deploy-staging-slots";
/// Traffic Manager endpoint monitoring page.
pub const TM_MONITORING_URL: &str =
    "https://learn.microsoft.com/azure/traffic-manager/traffic-manager-monitoring";
/// Traffic Manager's default probing interval, seconds (monitoring page).
pub const TM_PROBE_INTERVAL_S: f64 = 30.0;
/// Traffic Manager's default tolerated number of failures (monitoring page).
pub const TM_TOLERATED_FAILURES: f64 = 3.0;
/// Zones in an Azure region with availability zones: a zone's loss takes a
/// third of a zone-redundant stamp's instances (regions with zones have
/// three; <https://learn.microsoft.com/azure/reliability/availability-zones-overview>).
pub const ZONES_PER_REGION: f64 = 3.0;

/// A way a tier can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureMode {
    ZoneLoss,
    RegionLoss,
    /// Cosmos DB's data plane out in one region; the stamps are healthy.
    CosmosRegionalOutage,
    /// Front Door down worldwide (Traffic Manager above it where enabled).
    FrontDoorGlobal,
    /// A bad release on every stamp (one image digest everywhere).
    BadDeployment,
    /// Corrupted or accidentally deleted data: a restore from backup.
    DataCorruption,
}

impl FailureMode {
    pub const ALL: [Self; 6] = [
        Self::ZoneLoss,
        Self::RegionLoss,
        Self::CosmosRegionalOutage,
        Self::FrontDoorGlobal,
        Self::BadDeployment,
        Self::DataCorruption,
    ];
    pub fn id(self) -> &'static str {
        match self {
            Self::ZoneLoss => "zone_loss",
            Self::RegionLoss => "region_loss",
            Self::CosmosRegionalOutage => "cosmos_regional_outage",
            Self::FrontDoorGlobal => "front_door_global",
            Self::BadDeployment => "bad_deployment",
            Self::DataCorruption => "data_corruption",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::ZoneLoss => "Zone loss",
            Self::RegionLoss => "Region loss",
            Self::CosmosRegionalOutage => "Cosmos DB regional outage (stamps healthy)",
            Self::FrontDoorGlobal => "Front Door global incident",
            Self::BadDeployment => "Bad deployment on every stamp",
            Self::DataCorruption => "Data corruption or accidental deletion",
        }
    }
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// A figure measured in a drill that replaced the modelled one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measured {
    pub value_s: f64,
    /// ISO date of the drill, `YYYY-MM-DD`.
    pub date: String,
    /// What was drilled, in the user's words.
    pub note: String,
    /// Days since the drill on the day the plan is shown (filled by
    /// [`super::drills::flag_stale`], which is given today).
    pub age_days: Option<f64>,
    /// Older than the scenario's `resilience.drill_max_age_days`.
    pub stale: bool,
}

/// One tier's figures for one failure mode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FailureModeRow {
    pub mode: FailureMode,
    pub label: &'static str,
    /// Share of users who lose service when it happens (0–1).
    pub users_affected: f64,
    /// Expected recovery time, seconds: a drill's measured value when there
    /// is one, else the model's.
    pub rto_expected_s: f64,
    /// The bound Microsoft documents where there is one, else the expected
    /// figure (never below it).
    pub rto_guaranteed_s: f64,
    pub rpo_expected_s: f64,
    pub rpo_guaranteed_s: f64,
    /// On the scenario's basis.
    pub rto_s: f64,
    pub rpo_s: f64,
    /// The model's expected figures, before any drill replaced them.
    pub rto_modelled_s: f64,
    pub rpo_modelled_s: f64,
    /// Drill results that replaced `rto_modelled_s` / `rpo_modelled_s`.
    pub rto_measured: Option<Measured>,
    pub rpo_measured: Option<Measured>,
    /// Share of peak demand the capacity still running can serve right
    /// after the failure, before autoscale or a standby grows (0–1); `None`
    /// when the failure takes data, not capacity.
    pub capacity_left: Option<f64>,
    /// What limits it.
    pub mitigation: Cow<'static, str>,
    /// The mitigation's monthly cost where it is a priced option (`Some(0)`
    /// when Microsoft documents it as free).
    #[serde(rename = "mitigation_monthly_usd")]
    pub mitigation_monthly: Option<f64>,
    /// A one-off charge each time the mitigation is used (a continuous
    /// backup restore).
    #[serde(rename = "mitigation_per_use_usd")]
    pub mitigation_per_use: Option<f64>,
}

/// Share of demand served when stamp `hit` runs at `factor` of its
/// capacity: `Σ min(capacity_i, demand_i)`, each stamp serving its own
/// steady share (Front Door keeps routing to a degraded but healthy stamp).
pub(crate) fn served_with(stamps: &[Stamp], hit: usize, factor: f64) -> f64 {
    stamps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let cap = if i == hit {
                st.capacity_fraction * factor
            } else {
                st.capacity_fraction
            };
            cap.min(st.steady_share)
        })
        .sum::<f64>()
        .min(1.0)
}

/// Share of demand the stamps other than `lost` can serve once Front Door
/// sends everyone to them: `min(1, Σ surviving capacity)`.
pub(crate) fn survivors(stamps: &[Stamp], lost: usize) -> f64 {
    stamps
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != lost)
        .map(|(_, st)| st.capacity_fraction)
        .sum::<f64>()
        .min(1.0)
}

/// Traffic Manager's failover: `probing interval × tolerated failures + DNS TTL`.
pub fn traffic_manager_failover_s(s: &Scenario) -> f64 {
    TM_PROBE_INTERVAL_S * TM_TOLERATED_FAILURES + s.resilience.dns_ttl_s
}

/// What the tier's Traffic Manager lines cost a month, priced by
/// [`Pricer::traffic_manager`] (the tier's own lines when it is enabled;
/// otherwise what enabling it would add). `None` when a price is missing.
fn traffic_manager_monthly(
    s: &Scenario,
    cost: &TierCost,
    memo: &LookupMemo<'_>,
    regions: &RegionTable,
) -> Option<f64> {
    if s.edge.traffic_manager {
        return Some(
            cost.line_items
                .iter()
                .filter(|li| li.price.service_name == meters::TM_DNS.service)
                .map(|li| li.monthly)
                .sum(),
        );
    }
    let mut p = Pricer::sharing(s, memo, regions);
    p.traffic_manager_profile(cost.stamps.len());
    if !p.missing.is_empty() {
        return None;
    }
    Some(p.monthly)
}

/// The figures of a row before drills: (users affected, RTO expected,
/// RTO guaranteed, RPO expected, RPO guaranteed, capacity left).
struct Figures {
    users: f64,
    rto_e: f64,
    rto_g: f64,
    rpo_e: f64,
    rpo_g: f64,
    capacity: Option<f64>,
    mitigation: Cow<'static, str>,
    monthly: Option<f64>,
    per_use: Option<f64>,
}

/// Everything a row is made from.
pub struct Context<'a> {
    pub s: &'a Scenario,
    pub cost: &'a TierCost,
    pub res: &'a TierResilience,
    /// The evaluation's shared price lookups, and through them its sheet.
    pub memo: &'a LookupMemo<'a>,
    pub regions: &'a RegionTable,
    /// The single-region tier's monthly cost (what a region's loss is
    /// mitigated over).
    pub baseline_monthly: f64,
}

/// Users a zone's loss stops and for how long, seconds: everyone for the
/// typical outage where Cosmos DB runs in one region without zones
/// (Microsoft's table: "Availability loss"), else nobody (zone-redundant
/// stamps and data keep serving).
pub fn zone_loss_stop(tier: TierId, s: &Scenario) -> (f64, f64) {
    if tier == TierId::SingleRegion && !s.data.cosmos_zone_redundant {
        (1.0, s.risk.typical_outage_hours * 3600.0)
    } else {
        (0.0, 0.0)
    }
}

fn zone_loss(c: &Context) -> Figures {
    let s = c.s;
    let tier = c.cost.tier;
    let factor = 1.0 - 1.0 / ZONES_PER_REGION;
    let capacity = served_with(&c.cost.stamps, 0, factor);
    let (stopped, outage) = zone_loss_stop(tier, s);
    if stopped > 0.0 {
        let b = bounds::COSMOS_RPO_SINGLE_REGION;
        return Figures {
            users: stopped,
            rto_e: outage,
            rto_g: outage,
            rpo_e: 0.0,
            rpo_g: b.seconds,
            capacity: Some(0.0),
            mitigation:
                "Cosmos DB availability zones (×1.25 RU/s on single-write manual throughput)".into(),
            monthly: None,
            per_use: None,
        };
    }
    Figures {
        users: 0.0,
        rto_e: 0.0,
        rto_g: 0.0,
        rpo_e: 0.0,
        rpo_g: 0.0,
        capacity: Some(capacity),
        mitigation: "Zone-redundant stamps and Cosmos DB replicas in three zones".into(),
        monthly: None,
        per_use: None,
    }
}

fn region_loss(c: &Context) -> Figures {
    let tier = c.cost.tier;
    let res = c.res;
    let users = match tier {
        TierId::MultiWrite => {
            c.s.regions
                .iter()
                .map(|r| r.traffic_share)
                .fold(0.0, f64::max)
        }
        _ => 1.0,
    };
    let capacity = if tier == TierId::SingleRegion {
        0.0
    } else {
        survivors(&c.cost.stamps, 0)
    };
    let mitigation: Cow<'static, str> = match tier {
        TierId::SingleRegion => "Rebuild in another region from the geo-redundant backup".into(),
        TierId::ActivePassive => {
            "Warm standby behind Front Door priority routing; write-region failover".into()
        }
        TierId::ActiveActiveReads => {
            "Live stamps; Front Door drains the lost one; write-region failover".into()
        }
        TierId::MultiWrite => "Live stamps writing locally; Front Door drains the lost one".into(),
    };
    Figures {
        users,
        rto_e: res.rto_s,
        rto_g: res.guaranteed.rto_s,
        rpo_e: res.rpo_s,
        rpo_g: res.guaranteed.rpo_s,
        capacity: Some(capacity),
        mitigation,
        monthly: (tier != TierId::SingleRegion)
            .then_some((c.cost.monthly - c.baseline_monthly).max(0.0)),
        per_use: None,
    }
}

fn cosmos_outage(c: &Context) -> Figures {
    let s = c.s;
    let tier = c.cost.tier;
    let detect = front_door_detection_s(s);
    if tier == TierId::SingleRegion {
        let outage = s.risk.typical_outage_hours * 3600.0;
        let b = bounds::COSMOS_RPO_SINGLE_REGION;
        return Figures {
            users: 1.0,
            rto_e: outage,
            rto_g: outage,
            rpo_e: 0.0,
            rpo_g: b.seconds,
            capacity: Some(0.0),
            mitigation: "A second Cosmos DB region (the multi-region tiers)".into(),
            monthly: None,
            per_use: None,
        };
    }
    let scale_out = if tier == TierId::ActivePassive
        && c.cost.stamps.get(1).map_or(0.0, |st| st.capacity_fraction) < 1.0
    {
        s.resilience.standby_scale_out_s
    } else {
        0.0
    };
    let reads = detect + scale_out;
    let (wf, _) = write_failover_s(s);
    let (rto_e, rto_g) = match tier {
        TierId::MultiWrite => (reads, reads),
        _ => (
            reads.max(wf),
            reads.max(wf.max(bounds::COSMOS_WRITE_FAILOVER.seconds)),
        ),
    };
    let users = match tier {
        TierId::MultiWrite => s
            .regions
            .iter()
            .map(|r| r.traffic_share)
            .fold(0.0, f64::max),
        _ => 1.0,
    };
    Figures {
        users,
        rto_e,
        rto_g,
        rpo_e: c.res.rpo_s,
        rpo_g: c.res.guaranteed.rpo_s,
        capacity: Some(survivors(&c.cost.stamps, 0)),
        mitigation: if tier == TierId::MultiWrite {
            "Deep health probe drains the stamp; the other write regions carry on".into()
        } else {
            "Deep health probe drains the stamp; service-managed write-region failover".into()
        },
        monthly: None,
        per_use: None,
    }
}

fn front_door_global(c: &Context) -> Figures {
    let s = c.s;
    let multi = c.cost.stamps.len() > 1;
    let tm_cost = if multi {
        traffic_manager_monthly(s, c.cost, c.memo, c.regions)
    } else {
        None
    };
    if s.edge.traffic_manager && multi {
        let t = traffic_manager_failover_s(s);
        let hit = s.workload.edge_cache_hit_ratio;
        let total: f64 = c.cost.stamps.iter().map(|st| st.capacity_fraction).sum();
        let capacity = (total * (1.0 - hit)).min(1.0);
        return Figures {
            users: 1.0,
            rto_e: t,
            rto_g: t,
            rpo_e: 0.0,
            rpo_g: 0.0,
            capacity: Some(capacity),
            mitigation: "Traffic Manager above Front Door steers DNS to the stamps directly".into(),
            monthly: tm_cost,
            per_use: None,
        };
    }
    let outage = s.risk.typical_outage_hours * 3600.0;
    Figures {
        users: 1.0,
        rto_e: outage,
        rto_g: outage,
        rpo_e: 0.0,
        rpo_g: 0.0,
        capacity: Some(0.0),
        mitigation: if multi {
            "Traffic Manager above Front Door (not enabled)".into()
        } else {
            "Traffic Manager above Front Door needs a second stamp".into()
        },
        monthly: tm_cost,
        per_use: None,
    }
}

fn bad_deployment(c: &Context) -> Figures {
    let s = c.s;
    let r = &s.resilience;
    let active: Vec<&Stamp> = c
        .cost
        .stamps
        .iter()
        .filter(|st| st.role == StampRole::Active)
        .collect();
    let ringed = r.deployment_rings && active.len() > 1;
    let (users, capacity) = if ringed {
        (
            active.first().map_or(1.0, |st| st.steady_share),
            survivors(&c.cost.stamps, 0),
        )
    } else {
        (1.0, 0.0)
    };
    let slots = s.compute.app_service.enabled;
    Figures {
        users,
        rto_e: r.rollback_s,
        rto_g: r.rollback_s,
        rpo_e: 0.0,
        rpo_g: 0.0,
        capacity: Some(capacity),
        mitigation: match (ringed, slots) {
            (true, true) => "Rings (one stamp first) and deployment slots to swap back".into(),
            (true, false) => "Rings (one stamp first) and a rollout undo".into(),
            (false, true) => {
                "Deployment slots to swap back; rings would limit it to one stamp".into()
            }
            (false, false) => "A rollout undo; rings would limit it to one stamp".into(),
        },
        monthly: Some(0.0),
        per_use: None,
    }
}

fn data_corruption(c: &Context) -> Figures {
    let s = c.s;
    let loss = backup::restore_loss(s);
    let restore_s = s.data.backup.restore_hours * 3600.0;
    let monthly: f64 = c
        .cost
        .line_items
        .iter()
        .filter(|li| {
            matches!(
                li.component,
                Component::CosmosPeriodicBackup | Component::CosmosContinuousBackup
            )
        })
        .fold(0.0, |sum, li| sum + li.monthly);
    let per_use = match s.data.backup.mode {
        BackupMode::Periodic => None,
        _ => c.cost.stamps.first().and_then(|st| {
            c.memo
                .sheet()
                .consumption(&meters::COSMOS_CONTINUOUS_RESTORE, &st.region)
                .ok()
                .map(|row| {
                    row.retail_price
                        * s.workload.stored_gb
                        * (1.0 - s.commercial.discount_pct / 100.0)
                })
        }),
    };
    Figures {
        users: 1.0,
        rto_e: restore_s,
        rto_g: restore_s,
        rpo_e: loss.expected_s,
        rpo_g: loss.guaranteed_s,
        capacity: None,
        mitigation: Cow::Borrowed(match s.data.backup.mode {
            BackupMode::Periodic => "Periodic backup",
            BackupMode::Continuous7Day => "Continuous, 7 days backup",
            BackupMode::Continuous30Day => "Continuous, 30 days backup",
        }),
        monthly: Some(monthly),
        per_use,
    }
}

/// The matrix row of one failure mode for one tier, drills applied.
pub fn row(c: &Context, mode: FailureMode) -> FailureModeRow {
    let f = match mode {
        FailureMode::ZoneLoss => zone_loss(c),
        FailureMode::RegionLoss => region_loss(c),
        FailureMode::CosmosRegionalOutage => cosmos_outage(c),
        FailureMode::FrontDoorGlobal => front_door_global(c),
        FailureMode::BadDeployment => bad_deployment(c),
        FailureMode::DataCorruption => data_corruption(c),
    };
    let basis = c.s.targets.basis;
    let tier = c.cost.tier;
    // Drills: a region-loss drill already replaced the tier's expected
    // figures in `resilience` (the row carries them and says so); any other
    // mode's newest drill replaces the row's modelled figure here.
    let (rto_e, rto_modelled, rto_measured) = if mode == FailureMode::RegionLoss {
        (f.rto_e, c.res.rto_modelled_s, c.res.rto_measured.clone())
    } else {
        match drills::latest(c.s, tier, mode, DrillMeasure::Rto) {
            Some(d) => (d.value_s, f.rto_e, Some(drills::measured(d))),
            None => (f.rto_e, f.rto_e, None),
        }
    };
    let (rpo_e, rpo_modelled, rpo_measured) = if mode == FailureMode::RegionLoss {
        (f.rpo_e, c.res.rpo_modelled_s, c.res.rpo_measured.clone())
    } else {
        match drills::latest(c.s, tier, mode, DrillMeasure::Rpo) {
            Some(d) => (d.value_s, f.rpo_e, Some(drills::measured(d))),
            None => (f.rpo_e, f.rpo_e, None),
        }
    };
    let rto_g = f.rto_g.max(rto_e);
    let rpo_g = f.rpo_g.max(rpo_e);
    FailureModeRow {
        mode,
        label: mode.label(),
        users_affected: f.users,
        rto_expected_s: rto_e,
        rto_guaranteed_s: rto_g,
        rpo_expected_s: rpo_e,
        rpo_guaranteed_s: rpo_g,
        rto_s: if basis == Basis::Guaranteed {
            rto_g
        } else {
            rto_e
        },
        rpo_s: if basis == Basis::Guaranteed {
            rpo_g
        } else {
            rpo_e
        },
        rto_modelled_s: rto_modelled,
        rpo_modelled_s: rpo_modelled,
        rto_measured,
        rpo_measured,
        capacity_left: f.capacity,
        mitigation: f.mitigation,
        mitigation_monthly: f.monthly,
        mitigation_per_use: f.per_use,
    }
}

/// Every failure mode of one tier, in [`FailureMode::ALL`] order.
pub fn matrix(c: &Context) -> Vec<FailureModeRow> {
    FailureMode::ALL.iter().map(|m| row(c, *m)).collect()
}
