//! Which meters the engine looks up and what each spelling rests on: where
//! each is billed ([`Scope`]), whether it is also priced at a reservation
//! term, and the real recorded API answer (or the sources) behind its key
//! ([`Evidence`]). `refresh-prices` asks the API for exactly this
//! [`catalog`]; the constants it lists are in [`super`].

use super::*;

/// Where a meter is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// In each Azure region (`westeurope` ...).
    Regional,
    /// Once, region `Global` (Front Door base fees, Traffic Manager, the
    /// SQL licence).
    Global,
    /// Per Front Door billing zone (`Zone 1` ... `Zone 5`).
    Zonal,
}

/// What a meter key's spelling rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// The key is spelled as in a real recorded Retail Prices API answer:
    /// the file in `tests/fixtures/retail-api/real/`.
    Recorded(&'static str),
    /// No real recorded answer holds this key: the sources it rests on.
    BestSourced(&'static str),
}

impl Evidence {
    /// Why `refresh-prices` may not find the key, for its report.
    pub fn explain(self) -> String {
        match self {
            Self::Recorded(file) => format!(
                "the key is spelled as in a real recorded API answer ({file}), but the API returned no row for it here"
            ),
            Self::BestSourced(basis) => format!(
                "no real recorded API answer confirms this key (it rests on {basis}), so the API may spell it differently"
            ),
        }
    }
}

/// One meter the engine can look up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub meter: Meter,
    pub scope: Scope,
    /// What the key's spelling rests on.
    pub evidence: Evidence,
    /// `Some` when the meter is also looked up at the 1 Year and 3 Years
    /// reservation terms, with what the reservation rows rest on.
    pub reservations: Option<Evidence>,
}

/// The scripted capture of the live API (East US 2 and Front Door Zone 1):
/// not a verbatim page, but each item's API fields as the script kept them.
const SNAPSHOT: Evidence = Evidence::Recorded(
    "snapshot-eastus2-zone1.json (a scripted capture of the live API, East US 2 and Front Door Zone 1; the API's fields as the script kept them, tiers grouped)",
);

const VM_RESERVATION: Evidence = Evidence::Recorded(
    "vm-reservation-d2als-v7-eastus.json: a D2als v7 reservation under the same product/SKU/meter shape as its consumption row",
);

/// Every meter the engine can look up, in sheet order.
pub fn catalog() -> Vec<Known> {
    use Evidence::{BestSourced, Recorded};
    use Scope::{Global, Regional, Zonal};
    let k = |meter: Meter, scope, evidence, reservations| Known {
        meter,
        scope,
        evidence,
        reservations,
    };
    let mut list = Vec::with_capacity(64);
    for sku in AppServiceSku::ALL {
        for os in [Os::Linux, Os::Windows] {
            list.push(k(
                *app_service(os, sku),
                Regional,
                Recorded("app-service.json"),
                Some(BestSourced(
                    "the consumption key; no recorded App Service reservation answer",
                )),
            ));
        }
    }
    for size in NodeSize::ALL {
        let evidence = match size {
            NodeSize::D4asV5 => BestSourced(
                "the recorded D2s v3 answer (vm-d2s-v3-eastus.json: product “Virtual Machines DSv3 Series”, SKU = meter “D2s v3”) and karpenter's API-generated table; no recorded Dasv5 answer",
            ),
            _ => SNAPSHOT,
        };
        list.push(k(*vm(size), Regional, evidence, Some(VM_RESERVATION)));
    }
    list.push(k(AKS_STANDARD, Regional, Recorded("aks.json"), None));
    list.push(k(AKS_PREMIUM, Regional, Recorded("aks.json (that the Premium tier bills this meter rests on third-party notes: the API has no Premium SKU)"), None));
    list.push(k(
        APP_GATEWAY_FIXED,
        Regional,
        Recorded("application-gateway-westeurope.json"),
        None,
    ));
    list.push(k(
        APP_GATEWAY_CU,
        Regional,
        Recorded("application-gateway-westeurope.json"),
        None,
    ));
    let cosmos_reserved = Some(BestSourced(
        "the consumption key; third-party notes say the API lists Cosmos DB reservations under region Global, not per region",
    ));
    list.push(k(
        COSMOS_RU,
        Regional,
        Recorded("cosmos-db.json"),
        cosmos_reserved,
    ));
    list.push(k(
        COSMOS_MRU,
        Regional,
        Recorded("cosmos-db.json"),
        cosmos_reserved,
    ));
    for m in [COSMOS_AUTOSCALE_RU, COSMOS_SERVERLESS, COSMOS_STORAGE] {
        list.push(k(m, Regional, Recorded("cosmos-db.json"), None));
    }
    for m in [
        COSMOS_PERIODIC_BACKUP_LRS,
        COSMOS_PERIODIC_BACKUP_ZRS,
        COSMOS_PERIODIC_BACKUP_GRS,
        COSMOS_CONTINUOUS_30D,
        COSMOS_CONTINUOUS_RESTORE,
    ] {
        list.push(k(m, Regional, Recorded("cosmos-db.json"), None));
    }
    for m in [INTRA_CONTINENT, INTER_CONTINENT] {
        list.push(k(
            m,
            Regional,
            BestSourced("billing exports and third-party tools that name these meters; no recorded API answer"),
            None,
        ));
    }
    // The recorded page lists both base fees under each zone (Zone 1 ...),
    // not under Global; the refresh takes a Zone 1 row for a global meter
    // when there is no Global one. The scripted capture agrees for the
    // Standard meters.
    let fd = Recorded("front-door-zone1.json (Zone 1 of a recorded page with every zone; the scripted capture agrees for the Standard meters)");
    list.push(k(FD_STANDARD_BASE, Global, fd, None));
    list.push(k(FD_PREMIUM_BASE, Global, fd, None));
    list.push(k(FD_STANDARD_REQUESTS, Zonal, fd, None));
    list.push(k(FD_PREMIUM_REQUESTS, Zonal, fd, None));
    list.push(k(FD_DATA_OUT, Zonal, fd, None));
    list.push(k(FD_DATA_IN, Zonal, fd, None));
    let tm = BestSourced("infracost's Traffic Manager goldens");
    list.push(k(TM_DNS, Global, tm, None));
    list.push(k(TM_ENDPOINT, Global, tm, None));
    let redis = Recorded("redis-westeurope.json (and redis-southeastasia.json)");
    list.push(k(REDIS_C1, Regional, SNAPSHOT, None));
    list.push(k(REDIS_C3, Regional, redis, None));
    list.push(k(REDIS_P1, Regional, redis, None));
    list.push(k(
        REDIS_MANAGED_B5,
        Regional,
        Recorded("redis-managed-westeurope.json"),
        None,
    ));
    list.push(k(
        KEY_VAULT_OPS,
        Regional,
        Recorded("key-vault-westeurope.json"),
        None,
    ));
    let app_config = BestSourced("infracost's app_configuration golden");
    list.push(k(APP_CONFIG_STORE, Regional, app_config, None));
    list.push(k(APP_CONFIG_REPLICA, Regional, app_config, None));
    list.push(k(
        LOG_ANALYTICS,
        Regional,
        Recorded("log-analytics-westeurope.json (and log-analytics-southeastasia.json; the scripted capture agrees)"),
        None,
    ));
    list.push(k(
        LOG_ANALYTICS_RETENTION,
        Regional,
        Recorded("log-analytics-westeurope.json (and log-analytics-southeastasia.json)"),
        None,
    ));
    for m in LOG_ANALYTICS_COMMITMENT {
        list.push(k(
            m,
            Regional,
            Recorded("azure-monitor-westeurope.json"),
            None,
        ));
    }
    let private_link = BestSourced("public notes on Retail Prices API queries (Virtual Network / Virtual Network Private Link / Standard, region Global) and infracost-style estimators that filter on these meter names");
    list.push(k(PRIVATE_ENDPOINT, Global, private_link, None));
    list.push(k(PRIVATE_ENDPOINT_INGRESS, Global, private_link, None));
    list.push(k(PRIVATE_ENDPOINT_EGRESS, Global, private_link, None));
    // Spelled as in the real recorded answer `load-balancer.json`; marked
    // BestSourced until refresh-prices' replay of that answer (its query
    // filters) covers the load balancer.
    let lb = BestSourced("the real recorded answer tests/fixtures/retail-api/real/load-balancer.json (its Standard rows, region Global), not yet replayed by refresh-prices' tests");
    list.push(k(LOAD_BALANCER_RULES, Global, lb, None));
    list.push(k(LOAD_BALANCER_DATA, Global, lb, None));
    let sql = Recorded("sql-database.json");
    list.push(k(SQL_GP_COMPUTE, Regional, sql, None));
    list.push(k(SQL_GP_ZONE, Regional, sql, None));
    list.push(k(
        SQL_BC_COMPUTE,
        Regional,
        Recorded("sql-database-westeurope.json"),
        None,
    ));
    list.push(k(
        SQL_GP_LICENSE,
        Global,
        BestSourced("third-party API notes and a public test fixture of API items that put it under region Global at $0.099966 (infracost's golden agrees)"),
        None,
    ));
    list.push(k(
        SQL_BC_LICENSE,
        Global,
        BestSourced("third-party API notes that give the Business Critical licence product; Global as the General Purpose licence"),
        None,
    ));
    list.push(k(SQL_GP_STORAGE, Regional, sql, None));
    list.push(k(SQL_GP_ZONE_STORAGE, Regional, sql, None));
    list.push(k(
        SQL_BC_STORAGE,
        Regional,
        Recorded("sql-database-westeurope.json"),
        None,
    ));
    let defender =
        Recorded("defender-westeurope.json (and defender-southeastasia.json, the same prices)");
    for m in [
        DEFENDER_APP_SERVICE,
        DEFENDER_COSMOS,
        DEFENDER_KEY_VAULT,
        DEFENDER_SQL,
        DEFENDER_CONTAINERS,
    ] {
        list.push(k(m, Regional, defender, None));
    }
    let acr = Recorded("container-registry-westeurope.json");
    list.push(k(ACR_PREMIUM, Regional, acr, None));
    list.push(k(ACR_REPLICA, Regional, acr, None));
    list.push(k(
        PUBLIC_IP,
        Regional,
        Recorded("public-ip-westeurope.json"),
        None,
    ));
    list.push(k(
        OS_DISK_P10,
        Regional,
        Recorded("disk-p10-westeurope.json"),
        None,
    ));
    list.push(k(
        WEB_TEST,
        Regional,
        Recorded("azure-monitor-westeurope.json"),
        None,
    ));
    list
}
