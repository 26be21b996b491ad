//! How each row of the failure-mode matrix was made, in words, with the
//! pages cited: written on demand (the working panel, the exports) from the
//! same scenario and tier figures the row was computed from
//! ([`super::failure_modes::row`]).

use super::backup;
use super::costs::{Stamp, StampRole};
use super::failure_modes::{
    served_with, survivors, zone_loss_stop, FailureMode, COSMOS_HA_URL, SLOTS_URL,
    TM_MONITORING_URL, TM_PROBE_INTERVAL_S, TM_TOLERATED_FAILURES, ZONES_PER_REGION,
};
use super::format;
use super::resilience::{bounds, front_door_detection_s, write_failover_s};
use super::scenario::Scenario;
use super::tiers::{TierCost, TierId};

/// How the figures of `mode`'s row for the tier priced as `cost` were made.
pub fn how(s: &Scenario, cost: &TierCost, mode: FailureMode) -> String {
    match mode {
        FailureMode::ZoneLoss => zone_loss(s, cost),
        FailureMode::RegionLoss => region_loss(cost),
        FailureMode::CosmosRegionalOutage => cosmos_outage(s, cost),
        FailureMode::FrontDoorGlobal => front_door_global(s, cost),
        FailureMode::BadDeployment => bad_deployment(s, cost),
        FailureMode::DataCorruption => data_corruption(s),
    }
}

fn zone_loss(s: &Scenario, cost: &TierCost) -> String {
    let (stopped, outage) = zone_loss_stop(cost.tier, s);
    if stopped > 0.0 {
        let b = bounds::COSMOS_RPO_SINGLE_REGION;
        return format!(
            "Cosmos DB in one region without zones: Microsoft's table gives “Data loss” and “Availability loss” on a zone failure ({COSMOS_HA_URL}); down until the zone returns (your typical outage, {}); data lost up to the single-region bound: {}",
            format::duration(outage),
            b.citation()
        );
    }
    let factor = 1.0 - 1.0 / ZONES_PER_REGION;
    let capacity = served_with(&cost.stamps, 0, factor);
    format!(
        "Cosmos DB: “No data loss” and “No availability loss” on a zone failure ({COSMOS_HA_URL}); the stamp in {} keeps two of its three zones' instances ({} of them) until autoscale replaces them (about {}), serving {} of peak",
        cost.stamps.first().map_or("", |st| &*st.region),
        format::percent(factor, 0),
        format::duration(s.resilience.autoscale_reaction_s),
        format::percent(capacity, 0)
    )
}

fn region_loss(cost: &TierCost) -> String {
    let tier = cost.tier;
    let capacity = if tier == TierId::SingleRegion {
        0.0
    } else {
        survivors(&cost.stamps, 0)
    };
    format!(
        "the tier's region-loss figures (see RTO and RPO); losing the primary, the other stamps carry {} of peak until autoscale{}; the cost is this tier's over single region",
        format::percent(capacity, 0),
        if tier == TierId::ActivePassive {
            " or the standby grows"
        } else {
            ""
        }
    )
}

fn cosmos_outage(s: &Scenario, cost: &TierCost) -> String {
    let tier = cost.tier;
    if tier == TierId::SingleRegion {
        let outage = s.risk.typical_outage_hours * 3600.0;
        let b = bounds::COSMOS_RPO_SINGLE_REGION;
        return format!(
            "one Cosmos DB region: Microsoft's table gives “Availability loss” on a regional outage ({COSMOS_HA_URL}); the healthy stamp waits for it (your typical outage, {}); data returns with the region, bound: {}",
            format::duration(outage),
            b.citation()
        );
    }
    let detect = front_door_detection_s(s);
    let scale_out = if tier == TierId::ActivePassive
        && cost.stamps.get(1).map_or(0.0, |st| st.capacity_fraction) < 1.0
    {
        s.resilience.standby_scale_out_s
    } else {
        0.0
    };
    let (wf, _) = write_failover_s(s);
    let writes = if tier == TierId::MultiWrite {
        "writes continue in the other write regions".to_string()
    } else {
        format!(
            "writes wait for the write-region failover ({} expected; {})",
            format::duration(wf),
            bounds::COSMOS_WRITE_FAILOVER.citation()
        )
    };
    format!(
        "the stamp's /health/deep probe fails with its Cosmos DB region, so Front Door drains it in {}{}; {writes}; data lost as on a region's loss",
        format::duration(detect),
        if scale_out > 0.0 {
            format!(" and the standby grows in {}", format::duration(scale_out))
        } else {
            String::new()
        }
    )
}

fn front_door_global(s: &Scenario, cost: &TierCost) -> String {
    let multi = cost.stamps.len() > 1;
    if s.edge.traffic_manager && multi {
        let hit = s.workload.edge_cache_hit_ratio;
        let total: f64 = cost.stamps.iter().map(|st| st.capacity_fraction).sum();
        let capacity = (total * (1.0 - hit)).min(1.0);
        return format!(
            "Traffic Manager marks Front Door down after {} s probing × {} tolerated failures (Microsoft's defaults, {TM_MONITORING_URL}) and clients follow after the {} s DNS TTL; without the edge cache ({} of requests) the stamps get every request, serving {} of peak",
            format::number(TM_PROBE_INTERVAL_S, 0),
            format::number(TM_TOLERATED_FAILURES, 0),
            format::number(s.resilience.dns_ttl_s, 0),
            format::percent(hit, 0),
            format::percent(capacity, 0)
        );
    }
    let outage = s.risk.typical_outage_hours * 3600.0;
    format!(
        "every request enters through Front Door: with no path around it the service is down until Front Door recovers (your typical outage, {}); data is untouched",
        format::duration(outage)
    )
}

fn bad_deployment(s: &Scenario, cost: &TierCost) -> String {
    let r = &s.resilience;
    let active: Vec<&Stamp> = cost
        .stamps
        .iter()
        .filter(|st| st.role == StampRole::Active)
        .collect();
    let ringed = r.deployment_rings && active.len() > 1;
    let reach = if ringed {
        format!(
            "rings: the release reaches the first stamp's {} of users; the others carry {} of peak",
            format::percent(active.first().map_or(1.0, |st| st.steady_share), 0),
            format::percent(survivors(&cost.stamps, 0), 0)
        )
    } else if r.deployment_rings {
        "rings need two live stamps: this tier has one serving stamp, so the release reaches every user".to_string()
    } else {
        "one image digest to every stamp in one pipeline run: the release reaches every user"
            .to_string()
    };
    format!(
        "{reach}; recovery is noticing it and swapping back or rolling back (your estimate, {}); Microsoft on slots: “you can perform the same swap immediately to get your ‘last known good site’ back” and “There's no extra charge for using deployment slots” ({SLOTS_URL})",
        format::duration(r.rollback_s)
    )
}

fn data_corruption(s: &Scenario) -> String {
    let restore_s = s.data.backup.restore_hours * 3600.0;
    format!(
        "replication copies the damage to every region, so every tier restores from backup: {}; restore time is your estimate ({}; Microsoft: “The duration of restore depends on the amount of data that needs to be restored”, {}); {}",
        backup::restore_loss_how(s),
        format::duration(restore_s),
        backup::PERIODIC_URL,
        backup::summary(s)
    )
}
