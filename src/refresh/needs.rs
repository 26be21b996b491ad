//! The meters the engine looks up, and where: every key the cost functions in
//! [`crate::engine::costs`] build, with its scope (per region, once globally,
//! or per Front Door billing zone) and whether it is also priced at a
//! reservation term.
//!
//! The list is built from the engine's own constants and enums
//! ([`meters`], [`AppServiceSku`], [`NodeSize`], ...). The App Service product
//! names, the AKS tiers and the Front Door meter names are spelled inside
//! `costs.rs` functions rather than exported, so they are repeated here; the
//! test `needed_meters_match_the_shipped_sheet` keeps both in step with the
//! shipped sheet.

use crate::engine::costs::meters;
use crate::engine::pricing::{MeterKey, ReservationTerm};
use crate::engine::regions::RegionTable;
use crate::engine::scenario::{AksTier, AppServiceSku, FrontDoorTier, NodeSize};

/// Where a meter is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// In each Azure region (`westeurope` ...).
    Regional,
    /// Once, region `Global` (Front Door base fees, Traffic Manager).
    Global,
    /// Per Front Door billing zone (`Zone 1` ... `Zone 5`).
    Zonal,
}

/// One meter the engine needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Need {
    pub key: MeterKey,
    pub scope: Scope,
    /// Also looked up at the 1 Year and 3 Years reservation terms.
    pub reservations: bool,
}

/// App Service product names, as `costs::Pricer::app_service` spells them.
pub const APP_SERVICE_PRODUCTS: [&str; 2] = [
    "Azure App Service Premium v3 Plan - Linux",
    "Azure App Service Premium v3 Plan",
];

/// Every AKS tier (the engine's enum has no list of its own).
pub const AKS_TIERS: [AksTier; 3] = [AksTier::Free, AksTier::Standard, AksTier::Premium];

/// Every Front Door tier.
pub const FRONT_DOOR_TIERS: [FrontDoorTier; 2] = [FrontDoorTier::Standard, FrontDoorTier::Premium];

/// The reservation terms the sheet holds.
pub const TERMS: [ReservationTerm; 2] = [ReservationTerm::OneYear, ReservationTerm::ThreeYears];

fn need(key: impl Into<MeterKey>, scope: Scope, reservations: bool) -> Need {
    let key = key.into();
    Need {
        key,
        scope,
        reservations,
    }
}

/// Every meter the engine can look up, in the order the sheet lists them.
pub fn needed_meters() -> Vec<Need> {
    use Scope::{Global, Regional, Zonal};
    let mut list = Vec::with_capacity(48);
    for sku in AppServiceSku::ALL {
        for product in APP_SERVICE_PRODUCTS {
            let key = meters::key(
                "Azure App Service",
                product,
                sku.sku_name(),
                sku.meter_name(),
            );
            list.push(need(key, Regional, true));
        }
    }
    for size in NodeSize::ALL {
        let key = meters::key(
            "Virtual Machines",
            size.product_name(),
            size.sku_name(),
            size.sku_name(),
        );
        list.push(need(key, Regional, true));
    }
    for tier in AKS_TIERS {
        let key = meters::key(
            "Azure Kubernetes Service",
            "Azure Kubernetes Service",
            tier.sku_name(),
            tier.meter_name(),
        );
        list.push(need(key, Regional, false));
    }
    list.push(need(meters::APP_GATEWAY_FIXED, Regional, false));
    list.push(need(meters::APP_GATEWAY_CU, Regional, false));
    list.push(need(meters::COSMOS_RU, Regional, true));
    list.push(need(meters::COSMOS_MRU, Regional, true));
    for key in [
        meters::COSMOS_AUTOSCALE_RU,
        meters::COSMOS_AUTOSCALE_MRU,
        meters::COSMOS_SERVERLESS,
        meters::COSMOS_STORAGE,
        meters::INTRA_CONTINENT,
        meters::INTER_CONTINENT,
    ] {
        list.push(need(key, Regional, false));
    }
    for tier in FRONT_DOOR_TIERS {
        let base = match tier {
            FrontDoorTier::Standard => "Standard Base Fees",
            FrontDoorTier::Premium => "Premium Base Fees",
        };
        let key = meters::key(
            "Azure Front Door Service",
            "Azure Front Door",
            tier.as_str(),
            base,
        );
        list.push(need(key, Global, false));
    }
    for tier in FRONT_DOOR_TIERS {
        let requests = match tier {
            FrontDoorTier::Standard => "Standard Requests",
            FrontDoorTier::Premium => "Premium Requests",
        };
        let key = meters::key(
            "Azure Front Door Service",
            "Azure Front Door",
            tier.as_str(),
            requests,
        );
        list.push(need(key, Zonal, false));
    }
    list.push(need(meters::FD_DATA_OUT, Zonal, false));
    list.push(need(meters::TM_DNS, Global, false));
    list.push(need(meters::TM_ENDPOINT, Global, false));
    for key in [
        meters::REDIS_C1,
        meters::REDIS_C3,
        meters::REDIS_P1,
        meters::KEY_VAULT_OPS,
        meters::APP_CONFIG_STORE,
        meters::APP_CONFIG_REPLICA,
        meters::LOG_ANALYTICS,
        meters::SQL_GP_COMPUTE,
        meters::SQL_GP_ZONE,
        meters::SQL_BC_COMPUTE,
        meters::SQL_GP_LICENSE,
        meters::SQL_BC_LICENSE,
        meters::SQL_GP_STORAGE,
        meters::SQL_GP_ZONE_STORAGE,
        meters::SQL_BC_STORAGE,
    ] {
        list.push(need(key, Regional, false));
    }
    list
}

/// The Front Door billing zones of `regions`, in zone order. A region the
/// table does not know is billed in `Zone 1`, as the engine does.
pub fn zones_for(regions: &[String], table: &RegionTable) -> Vec<String> {
    let mut zones: Vec<String> = regions
        .iter()
        .map(|r| {
            table
                .get(r)
                .map(|g| g.front_door_zone.clone())
                .unwrap_or_else(|| "Zone 1".into())
        })
        .collect();
    zones.sort();
    zones.dedup();
    zones
}

/// One row the engine may look up: a meter, a region (or `Global`, or a
/// zone) and a term. Only the first tier (`tier_minimum_units` 0) counts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slot {
    pub key: MeterKey,
    pub region: String,
    pub term: ReservationTerm,
}

impl std::fmt::Display for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.key)?;
        if self.term != ReservationTerm::None {
            write!(f, " ({} reservation)", self.term.as_str())?;
        }
        Ok(())
    }
}

/// Every slot the engine may look up for these regions and zones, in sheet
/// order: per meter, its regions (or `Global`, or its zones), consumption
/// first and then each reservation term.
pub fn slots(needs: &[Need], regions: &[String], zones: &[String]) -> Vec<Slot> {
    let mut out = Vec::new();
    for n in needs {
        let places: Vec<String> = match n.scope {
            Scope::Regional => regions.to_vec(),
            Scope::Global => vec!["Global".to_string()],
            Scope::Zonal => zones.to_vec(),
        };
        for region in places {
            out.push(Slot {
                key: n.key,
                region: region.clone(),
                term: ReservationTerm::None,
            });
            if n.reservations {
                for term in TERMS {
                    out.push(Slot {
                        key: n.key,
                        region: region.clone(),
                        term,
                    });
                }
            }
        }
    }
    out
}
