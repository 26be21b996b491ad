//! Composite availability of a tier: the serial chain of one stamp (with
//! AKS Free's service level objective), stamps in parallel, the global band
//! and the data band's SLAs.

use super::{Part, PartKey};
use crate::engine::regions::RegionTable;
use crate::engine::scenario::Scenario;
use crate::engine::tiers::TierId;

/// AKS Free tier: no SLA. Microsoft gives it a service level objective only:
/// "You can still create an unlimited number of free clusters with a
/// service level objective (SLO) of 99.5% and opt for the preferred SLO."
/// (earlier copies of <https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers>;
/// the current page offers Standard when "You need a financially backed
/// SLA"). The composite uses this objective, labelled "no SLA", rather than
/// the Standard tier's 99.95%.
pub const AKS_FREE_SLO_PCT: f64 = 99.5;

/// The serial chain of one stamp: each component and its SLA, percent.
pub(crate) fn stamp_chain(s: &Scenario) -> Vec<(&'static str, f64)> {
    let sl = &s.resilience.slas;
    let mut chain = Vec::with_capacity(6);
    if s.compute.app_service.enabled {
        chain.push(("App Service", sl.app_service_pct));
    }
    if s.compute.aks.enabled {
        if s.compute.aks.tier == crate::engine::scenario::AksTier::Free {
            chain.push((
                "AKS Free (no SLA; service level objective)",
                AKS_FREE_SLO_PCT,
            ));
        } else {
            chain.push(("AKS", sl.aks_pct));
        }
        if s.compute.aks.app_gateway {
            chain.push(("Application Gateway", sl.app_gateway_pct));
        }
    }
    match s.platform.redis {
        crate::engine::scenario::RedisSku::None => {}
        crate::engine::scenario::RedisSku::ManagedBalancedB5 if s.platform.redis_zone_redundant => {
            chain.push(("Redis", sl.managed_redis_pct));
        }
        _ => chain.push(("Redis", sl.redis_pct)),
    }
    chain.push(("Key Vault", sl.key_vault_pct));
    if s.platform.app_configuration {
        chain.push(("App Configuration", sl.app_configuration_pct));
    }
    chain
}

/// The data band's SLAs: Cosmos DB's for the account's shape (and what
/// that shape is, in words), the SQL ledger's, and whether zone redundancy
/// was asked for in a write region without zones.
pub(crate) struct DataBand<'a> {
    pub cosmos_pct: f64,
    pub cosmos_shape: &'static str,
    pub sql_pct: Option<f64>,
    pub lost_zones: bool,
    pub write_region: &'a str,
}

pub(crate) fn data_band<'a>(tier: TierId, s: &'a Scenario, regions: &RegionTable) -> DataBand<'a> {
    let sl = &s.resilience.slas;
    let write_region = s.regions.first().map_or("", |r| r.region.as_str());
    let zones_here = regions.has_zones(write_region);
    let zonal = s.data.cosmos_zone_redundant && zones_here;
    let (cosmos_pct, cosmos_shape) = match tier {
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
    let sql_pct = s
        .data
        .sql
        .enabled
        .then_some(if s.data.sql.zone_redundant && zones_here {
            sl.sql_zone_redundant_pct
        } else {
            sl.sql_pct
        });
    // Zone redundancy asked for but impossible in the write region.
    let lost_zones = !zones_here
        && (s.data.cosmos_zone_redundant || (s.data.sql.enabled && s.data.sql.zone_redundant));
    DataBand {
        cosmos_pct,
        cosmos_shape,
        sql_pct,
        lost_zones,
        write_region,
    }
}

/// Composite availability: global band × parallel stamps × data band.
/// A stamp is a serial chain (∏ of its components' SLAs); N stamps in
/// parallel give `1 − (1 − A_stamp)^N`; the global band is Front Door (and
/// Traffic Manager where it steers); the data band is Cosmos DB's SLA for the
/// account's shape (write SLA) and the SQL ledger's.
///
/// Zone redundancy needs availability zones: where the write region has
/// none ([`RegionTable::has_zones`], Microsoft's regions list), Cosmos DB and
/// SQL Database cannot be zone-redundant there, so the data band uses their
/// SLAs without zones, whatever the scenario asks for.
pub(super) fn availability(
    tier: TierId,
    s: &Scenario,
    regions: &RegionTable,
    stamps: usize,
) -> (f64, Vec<Part>) {
    let sl = &s.resilience.slas;
    let pct = |v: f64| v / 100.0;
    let mut parts = Vec::with_capacity(4);
    let stamp: f64 = stamp_chain(s).iter().map(|(_, v)| pct(*v)).product();
    parts.push(Part::new(PartKey::OneStamp, stamp));
    let parallel = 1.0 - (1.0 - stamp).powi(stamps as i32);
    if stamps > 1 {
        parts.push(Part::new(PartKey::StampsInParallel(stamps), parallel));
    }
    let steered = s.edge.traffic_manager && stamps > 1;
    let mut global = pct(sl.front_door_pct);
    if steered {
        global *= pct(sl.traffic_manager_pct);
    }
    parts.push(Part::new(PartKey::GlobalBand { steered }, global));
    let band = data_band(tier, s, regions);
    let data = pct(band.cosmos_pct) * band.sql_pct.map_or(1.0, pct);
    parts.push(Part::new(PartKey::DataBand, data));
    (global * parallel * data, parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario::RedisSku;

    fn redis_link(s: &Scenario) -> Option<f64> {
        stamp_chain(s)
            .into_iter()
            .find(|(name, _)| *name == "Redis")
            .map(|(_, pct)| pct)
    }

    #[test]
    fn managed_redis_takes_its_zone_redundant_sla() {
        // Azure Managed Redis: 99.99% zone-redundant, 99.9% with standard
        // replication only; Azure Cache for Redis keeps its 99.9%.
        let mut s = Scenario::default();
        assert_eq!(redis_link(&s), Some(99.9));
        s.platform.redis = RedisSku::ManagedBalancedB5;
        assert_eq!(redis_link(&s), Some(99.99));
        s.platform.redis_zone_redundant = false;
        assert_eq!(redis_link(&s), Some(99.9));
        s.platform.redis = RedisSku::None;
        assert_eq!(redis_link(&s), None);
    }
}
