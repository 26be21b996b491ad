//! Every meter the engine looks up, spelled as the Azure Retail Prices API
//! spells it (`serviceName | productName | skuName | meterName`): the one
//! place these spellings live. The cost functions in [`super::costs`] price
//! with these constants, `refresh-prices` ([`crate::refresh`]) asks the API
//! for exactly these keys, and [`catalog`] says for each one where it is
//! billed, whether it is reserved, and what its spelling rests on.
//!
//! Keys checked against real recorded API answers (verbatim items in
//! `tests/fixtures/retail-api/real/`, see its `SOURCES.md`) say so with
//! [`Evidence::Recorded`]; the others are the best-sourced spelling
//! ([`Evidence::BestSourced`]), and `refresh-prices` says so when the API
//! does not return them.

use super::pricing::{Meter, MeterKey};
use super::scenario::{
    AksTier, AppServiceSku, BackupRedundancy, FrontDoorTier, LogAnalyticsTier, NodeSize, Os,
};

mod catalog;
pub use catalog::{catalog, Evidence, Known, Scope};

/// The `armRegionName` of meters billed once, not per region (Front Door
/// base fees, Traffic Manager, the SQL licence, private endpoints, the load
/// balancer), as the Retail Prices API spells it.
pub const GLOBAL: &str = "Global";

pub const fn key(
    service: &'static str,
    product: &'static str,
    sku: &'static str,
    meter: &'static str,
) -> MeterKey {
    MeterKey {
        service,
        product,
        sku,
        meter,
    }
}

/// A [`Meter`]: the key with its hash, worked out at compile time.
pub const fn meter(
    service: &'static str,
    product: &'static str,
    sku: &'static str,
    meter: &'static str,
) -> Meter {
    Meter::new(key(service, product, sku, meter))
}

// ---------------------------------------------------------------- App Service

pub const APP_SERVICE: &str = "Azure App Service";
/// Premium v3 on Linux (recorded: `app-service.json`).
pub const APP_SERVICE_LINUX: &str = "Azure App Service Premium v3 Plan - Linux";
/// Premium v3 on Windows: the API's product name has no OS in it
/// (recorded: `app-service.json`).
pub const APP_SERVICE_WINDOWS: &str = "Azure App Service Premium v3 Plan";

impl AppServiceSku {
    /// The API's skuName (with a space: `P1 v3`).
    pub fn sku_name(self) -> &'static str {
        match self {
            Self::P1v3 => "P1 v3",
            Self::P2v3 => "P2 v3",
            Self::P3v3 => "P3 v3",
        }
    }
    /// The API's meterName.
    pub fn meter_name(self) -> &'static str {
        match self {
            Self::P1v3 => "P1 v3 App",
            Self::P2v3 => "P2 v3 App",
            Self::P3v3 => "P3 v3 App",
        }
    }
}

/// App Service Premium v3 instances, `[Linux, Windows][P1, P2, P3]`.
const APP_SERVICE_METERS: [[Meter; 3]; 2] = [
    [
        meter(APP_SERVICE, APP_SERVICE_LINUX, "P1 v3", "P1 v3 App"),
        meter(APP_SERVICE, APP_SERVICE_LINUX, "P2 v3", "P2 v3 App"),
        meter(APP_SERVICE, APP_SERVICE_LINUX, "P3 v3", "P3 v3 App"),
    ],
    [
        meter(APP_SERVICE, APP_SERVICE_WINDOWS, "P1 v3", "P1 v3 App"),
        meter(APP_SERVICE, APP_SERVICE_WINDOWS, "P2 v3", "P2 v3 App"),
        meter(APP_SERVICE, APP_SERVICE_WINDOWS, "P3 v3", "P3 v3 App"),
    ],
];

/// The meter of one App Service Premium v3 instance.
pub fn app_service(os: Os, sku: AppServiceSku) -> &'static Meter {
    let o = match os {
        Os::Linux => 0,
        Os::Windows => 1,
    };
    let s = match sku {
        AppServiceSku::P1v3 => 0,
        AppServiceSku::P2v3 => 1,
        AppServiceSku::P3v3 => 2,
    };
    &APP_SERVICE_METERS[o][s]
}

// ---------------------------------------------------------------- VMs

pub const VIRTUAL_MACHINES: &str = "Virtual Machines";

impl NodeSize {
    /// The API's productName of the Linux series (the Windows product ends
    /// in ` Windows`).
    pub fn product_name(self) -> &'static str {
        match self {
            Self::D2sV5 | Self::D4sV5 | Self::D8sV5 => "Virtual Machines Dsv5 Series",
            Self::D4asV5 => "Virtual Machines Dasv5 Series",
            Self::E4sV5 => "Virtual Machines Esv5 Series",
        }
    }
    /// The API's skuName (also its meterName).
    pub fn sku_name(self) -> &'static str {
        match self {
            Self::D2sV5 => "D2s v5",
            Self::D4sV5 => "D4s v5",
            Self::D8sV5 => "D8s v5",
            Self::D4asV5 => "D4as v5",
            Self::E4sV5 => "E4s v5",
        }
    }
}

/// Whether `api_sku` is how the Retail Prices API may spell the SKU of
/// `key`. Always the key's own SKU; for a Virtual Machines key also the ARM
/// spelling (`Standard_D2s_v5` for `D2s v5`): a scripted capture of the live
/// API (`tests/fixtures/retail-api/real/snapshot-eastus2-zone1.json`) lists
/// the Dsv5 sizes under skuName `Standard_D2s_v5` … `Standard_D8s_v5` (meter
/// `D2s v5` …) but Esv5 under `E4s v5`, so the API mixes both spellings.
pub fn sku_matches(key: &MeterKey, api_sku: &str) -> bool {
    if key.sku == api_sku {
        return true;
    }
    key.service == VIRTUAL_MACHINES
        && api_sku
            .strip_prefix("Standard_")
            .is_some_and(|rest| rest == key.sku.replace(' ', "_"))
}

/// Linux VM nodes, in [`NodeSize::ALL`] order.
const VM_METERS: [Meter; 5] = [
    meter(
        VIRTUAL_MACHINES,
        "Virtual Machines Dsv5 Series",
        "D2s v5",
        "D2s v5",
    ),
    meter(
        VIRTUAL_MACHINES,
        "Virtual Machines Dsv5 Series",
        "D4s v5",
        "D4s v5",
    ),
    meter(
        VIRTUAL_MACHINES,
        "Virtual Machines Dsv5 Series",
        "D8s v5",
        "D8s v5",
    ),
    meter(
        VIRTUAL_MACHINES,
        "Virtual Machines Dasv5 Series",
        "D4as v5",
        "D4as v5",
    ),
    meter(
        VIRTUAL_MACHINES,
        "Virtual Machines Esv5 Series",
        "E4s v5",
        "E4s v5",
    ),
];

/// The meter of one Linux node of this size.
pub fn vm(size: NodeSize) -> &'static Meter {
    let i = match size {
        NodeSize::D2sV5 => 0,
        NodeSize::D4sV5 => 1,
        NodeSize::D8sV5 => 2,
        NodeSize::D4asV5 => 3,
        NodeSize::E4sV5 => 4,
    };
    &VM_METERS[i]
}

// ---------------------------------------------------------------- AKS

/// Standard tier cluster fee (recorded: `aks.json`, $0.10/h in East US).
pub const AKS_STANDARD: Meter = meter(
    "Azure Kubernetes Service",
    "Azure Kubernetes Service",
    "Standard",
    "Standard Uptime SLA",
);
/// Premium tier cluster fee. The API has no `Premium` SKU: the Premium
/// tier (which brings long-term support) is billed at this meter of the
/// `Standard` SKU, instead of the Uptime SLA fee (recorded: `aks.json`,
/// $0.60/h in East US, the Premium price on the AKS pricing page).
pub const AKS_PREMIUM: Meter = meter(
    "Azure Kubernetes Service",
    "Azure Kubernetes Service",
    "Standard",
    "Standard Long Term Support",
);

/// The cluster management fee of an AKS tier; `None` for the Free tier,
/// which has no fee and no meter (the recorded answer has no Free row).
pub fn aks_fee(tier: AksTier) -> Option<&'static Meter> {
    match tier {
        AksTier::Free => None,
        AksTier::Standard => Some(&AKS_STANDARD),
        AksTier::Premium => Some(&AKS_PREMIUM),
    }
}

pub const APP_GATEWAY_FIXED: Meter = meter(
    "Application Gateway",
    "Application Gateway WAF v2",
    "Standard",
    "Standard Fixed Cost",
);
pub const APP_GATEWAY_CU: Meter = meter(
    "Application Gateway",
    "Application Gateway WAF v2",
    "Standard",
    "Standard Capacity Units",
);

// ---------------------------------------------------------------- Cosmos DB

/// Manual (provisioned) single-write throughput (recorded: `cosmos-db.json`).
pub const COSMOS_RU: Meter = meter("Azure Cosmos DB", "Azure Cosmos DB", "RUs", "100 RU/s");
/// Multi-region-write throughput, manual *and* autoscale: Microsoft bills
/// autoscale with multi-region writes at this rate; there is no autoscale
/// multi-master meter (recorded: `cosmos-db.json`).
pub const COSMOS_MRU: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB",
    "mRUs",
    "100 Multi-master RU/s",
);
/// Autoscale single-write throughput. The API lists it under four SKUs
/// `AP1` … `AP4`, each with an `APn 100 RUs` meter (all $0.012 in the
/// recorded East US answer) and an `APn Entry Price` meter that is
/// something else; the planner takes `AP1 100 RUs` (recorded:
/// `cosmos-db.json`).
pub const COSMOS_AUTOSCALE_RU: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB autoscale",
    "AP1",
    "AP1 100 RUs",
);
pub const COSMOS_SERVERLESS: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB serverless",
    "RUs",
    "1M RUs",
);
/// Transactional storage. `Data Stored` is listed under the SKUs `RUs`,
/// `mRUs` and `RUm` (one meter ID) and, at $0, under `Free Tier`; the
/// planner takes `RUs` (recorded: `cosmos-db.json`).
pub const COSMOS_STORAGE: Meter = meter("Azure Cosmos DB", "Azure Cosmos DB", "RUs", "Data Stored");

/// Periodic backup storage beyond the two free copies, one meter per backup
/// storage redundancy (recorded: `cosmos-db.json`, product `Azure Cosmos DB
/// Snapshot`, SKUs `Periodic Backup - LRS` / `- ZRS` / `- RA-GRS`).
pub fn cosmos_periodic_backup(redundancy: BackupRedundancy) -> &'static Meter {
    match redundancy {
        BackupRedundancy::Geo => &COSMOS_PERIODIC_BACKUP_GRS,
        BackupRedundancy::Zone => &COSMOS_PERIODIC_BACKUP_ZRS,
        BackupRedundancy::Local => &COSMOS_PERIODIC_BACKUP_LRS,
    }
}
pub const COSMOS_PERIODIC_BACKUP_LRS: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB Snapshot",
    "Periodic Backup - LRS",
    "Periodic Backup - LRS Data Stored",
);
pub const COSMOS_PERIODIC_BACKUP_ZRS: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB Snapshot",
    "Periodic Backup - ZRS",
    "Periodic Backup - ZRS Data Stored",
);
pub const COSMOS_PERIODIC_BACKUP_GRS: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB Snapshot",
    "Periodic Backup - RA-GRS",
    "Periodic Backup - RA-GRS Data Stored",
);
/// Continuous backup, 30-day tier: backup storage per GB per region
/// (recorded: `cosmos-db.json`, product `Azure Cosmos DB - PITR`, SKU
/// `Backup`; the API's unit is `1 GB`, billed monthly per the Learn page).
pub const COSMOS_CONTINUOUS_30D: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB - PITR",
    "Backup",
    "Cont 30D Bckp Continuous Backup",
);
/// Point-in-time restore, charged per GB restored in either continuous
/// tier (recorded: `cosmos-db.json`).
pub const COSMOS_CONTINUOUS_RESTORE: Meter = meter(
    "Azure Cosmos DB",
    "Azure Cosmos DB - PITR",
    "Backup",
    "Cont 30D Bckp Data Restore",
);

// ---------------------------------------------------------------- network

pub const INTRA_CONTINENT: Meter = meter(
    "Bandwidth",
    "Bandwidth Inter-Region",
    "Standard",
    "Intra Continent Data Transfer Out",
);
pub const INTER_CONTINENT: Meter = meter(
    "Bandwidth",
    "Bandwidth Inter-Region",
    "Standard",
    "Inter Continent Data Transfer Out",
);
pub const FD_STANDARD_BASE: Meter = meter(
    "Azure Front Door Service",
    "Azure Front Door",
    "Standard",
    "Standard Base Fees",
);
pub const FD_PREMIUM_BASE: Meter = meter(
    "Azure Front Door Service",
    "Azure Front Door",
    "Premium",
    "Premium Base Fees",
);
pub const FD_STANDARD_REQUESTS: Meter = meter(
    "Azure Front Door Service",
    "Azure Front Door",
    "Standard",
    "Standard Requests",
);
pub const FD_PREMIUM_REQUESTS: Meter = meter(
    "Azure Front Door Service",
    "Azure Front Door",
    "Premium",
    "Premium Requests",
);
/// Edge-to-client transfer; Premium is priced at the Standard rate.
pub const FD_DATA_OUT: Meter = meter(
    "Azure Front Door Service",
    "Azure Front Door",
    "Standard",
    "Standard Data Transfer Out",
);
/// Edge-to-origin transfer (the API's "Data Transfer In": into Front Door's
/// origins); Premium is priced at the Standard rate, as for `FD_DATA_OUT`.
pub const FD_DATA_IN: Meter = meter(
    "Azure Front Door Service",
    "Azure Front Door",
    "Standard",
    "Standard Data Transfer In",
);

/// The Front Door profile's monthly base fee.
pub fn front_door_base(tier: FrontDoorTier) -> &'static Meter {
    match tier {
        FrontDoorTier::Standard => &FD_STANDARD_BASE,
        FrontDoorTier::Premium => &FD_PREMIUM_BASE,
    }
}

/// Front Door requests, per 10,000.
pub fn front_door_requests(tier: FrontDoorTier) -> &'static Meter {
    match tier {
        FrontDoorTier::Standard => &FD_STANDARD_REQUESTS,
        FrontDoorTier::Premium => &FD_PREMIUM_REQUESTS,
    }
}

pub const TM_DNS: Meter = meter(
    "Traffic Manager",
    "Traffic Manager",
    "Standard",
    "DNS Queries",
);
pub const TM_ENDPOINT: Meter = meter(
    "Traffic Manager",
    "Traffic Manager",
    "Standard",
    "Azure Endpoint Health Checks",
);

// ---------------------------------------------------------------- platform

pub const KEY_VAULT_OPS: Meter = meter("Key Vault", "Key Vault", "Standard", "Operations");
pub const APP_CONFIG_STORE: Meter = meter(
    "App Configuration",
    "App Configuration",
    "Standard",
    "Standard Instance",
);
pub const APP_CONFIG_REPLICA: Meter = meter(
    "App Configuration",
    "App Configuration",
    "Standard",
    "Standard Replica",
);
pub const LOG_ANALYTICS: Meter = meter(
    "Log Analytics",
    "Log Analytics",
    "Analytics Logs",
    "Analytics Logs Data Ingestion",
);
/// Interactive retention beyond the included 31 days, per GB-month. The
/// spelling follows the ingestion meter (infracost filters on a meter name
/// ending “Data Retention”).
pub const LOG_ANALYTICS_RETENTION: Meter = meter(
    "Log Analytics",
    "Log Analytics",
    "Analytics Logs",
    "Analytics Logs Data Retention",
);
/// Log Analytics commitment tiers, per workspace per day (unit `1/Day`),
/// `[100, 200, 300, 400, 500, 1000, 2000, 5000]` GB a day: billed under
/// service **Azure Monitor** (recorded: the West Europe Azure Monitor page
/// of the Arturo-Quiroga-MSFT saved answers; Microsoft's Azure Monitor
/// billing meter list, learn.microsoft.com/azure/azure-monitor/cost-usage,
/// names the same meters). Overage bills on the same meter.
pub const LOG_ANALYTICS_COMMITMENT: [Meter; 8] = [
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "100 GB Commitment Tier",
        "100 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "200 GB Commitment Tier",
        "200 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "300 GB Commitment Tier",
        "300 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "400 GB Commitment Tier",
        "400 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "500 GB Commitment Tier",
        "500 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "1000 GB Commitment Tier",
        "1000 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "2000 GB Commitment Tier",
        "2000 GB Commitment Tier Capacity Reservation",
    ),
    meter(
        "Azure Monitor",
        "Azure Monitor",
        "5000 GB Commitment Tier",
        "5000 GB Commitment Tier Capacity Reservation",
    ),
];

/// The commitment-tier meter of `tier`, or `None` for pay-as-you-go.
pub fn log_analytics_commitment(tier: LogAnalyticsTier) -> Option<&'static Meter> {
    LogAnalyticsTier::COMMITMENTS
        .iter()
        .position(|t| *t == tier)
        .map(|i| &LOG_ANALYTICS_COMMITMENT[i])
}
/// A private endpoint, per hour; priced under region `Global` only (public
/// notes on the Retail Prices API: serviceName "Virtual Network", productName
/// "Virtual Network Private Link", armRegionName "Global").
pub const PRIVATE_ENDPOINT: Meter = meter(
    "Virtual Network",
    "Virtual Network Private Link",
    "Standard",
    "Standard Private Endpoint",
);
/// Data processed into a private endpoint (towards the service), per GB.
pub const PRIVATE_ENDPOINT_INGRESS: Meter = meter(
    "Virtual Network",
    "Virtual Network Private Link",
    "Standard",
    "Standard Data Processed - Ingress",
);
/// Data processed out of a private endpoint (from the service), per GB.
pub const PRIVATE_ENDPOINT_EGRESS: Meter = meter(
    "Virtual Network",
    "Virtual Network Private Link",
    "Standard",
    "Standard Data Processed - Egress",
);
/// Standard Load Balancer, the first five rules, per hour (recorded:
/// `load-balancer.json`, region Global).
pub const LOAD_BALANCER_RULES: Meter = meter(
    "Load Balancer",
    "Load Balancer",
    "Standard",
    "Standard Included LB Rules and Outbound Rules",
);
/// Standard Load Balancer data processed, per GB (recorded, region Global).
pub const LOAD_BALANCER_DATA: Meter = meter(
    "Load Balancer",
    "Load Balancer",
    "Standard",
    "Standard Data Processed",
);
pub const REDIS_C1: Meter = meter(
    "Redis Cache",
    "Azure Redis Cache Standard",
    "C1",
    "C1 Cache",
);
pub const REDIS_C3: Meter = meter(
    "Redis Cache",
    "Azure Redis Cache Standard",
    "C3",
    "C3 Cache",
);
pub const REDIS_P1: Meter = meter(
    "Redis Cache",
    "Azure Redis Cache Premium",
    "P1",
    "P1 Cache Instance",
);
/// Azure Managed Redis Balanced B5, per cache instance-hour (recorded:
/// the West Europe and Southeast Asia Redis Cache pages of the
/// Arturo-Quiroga-MSFT saved answers, `1 Hour`).
pub const REDIS_MANAGED_B5: Meter = meter(
    "Redis Cache",
    "Azure Managed Redis - Balanced",
    "B5",
    "B5 Cache Instance",
);

// ---------------------------------------------------------------- SQL Database

const SQL_GP_COMPUTE_PRODUCT: &str =
    "SQL Database Single/Elastic Pool General Purpose - Compute Gen5";
const SQL_GP_STORAGE_PRODUCT: &str = "SQL Database Single/Elastic Pool General Purpose - Storage";

/// General Purpose compute (without the licence), per vCore-hour: the
/// per-vCore SKU `vCore` (the API also lists sizes `1 vCore` … `N vCore`
/// at N × this price) (recorded: `sql-database.json`).
pub const SQL_GP_COMPUTE: Meter = meter("SQL Database", SQL_GP_COMPUTE_PRODUCT, "vCore", "vCore");
/// General Purpose zone redundancy: a separate per-vCore meter billed on
/// top of the compute meter (recorded: `sql-database.json`, SKU
/// `vCore ZR Zone Redundancy`; sizes `N vCore Zone Redundancy`).
pub const SQL_GP_ZONE: Meter = meter(
    "SQL Database",
    SQL_GP_COMPUTE_PRODUCT,
    "vCore ZR Zone Redundancy",
    "Zone Redundancy vCore",
);
/// General Purpose storage per GB-month (recorded: `sql-database.json`).
pub const SQL_GP_STORAGE: Meter = meter(
    "SQL Database",
    SQL_GP_STORAGE_PRODUCT,
    "General Purpose",
    "General Purpose Data Stored",
);
/// General Purpose zone-redundant storage per GB-month, instead of
/// [`SQL_GP_STORAGE`] (recorded: `sql-database.json`).
pub const SQL_GP_ZONE_STORAGE: Meter = meter(
    "SQL Database",
    SQL_GP_STORAGE_PRODUCT,
    "General Purpose Zone Redundancy",
    "General Purpose Zone Redundancy Data Stored",
);
pub const SQL_BC_COMPUTE: Meter = meter(
    "SQL Database",
    "SQL Database Single/Elastic Pool Business Critical - Compute Gen5",
    "vCore",
    "vCore",
);
pub const SQL_BC_STORAGE: Meter = meter(
    "SQL Database",
    "SQL Database Single/Elastic Pool Business Critical - Storage",
    "Business Critical",
    "Business Critical Data Stored",
);
/// The SQL licence per vCore-hour, billed on top of compute unless Azure
/// Hybrid Benefit covers it. A global meter (region `Global`).
pub const SQL_GP_LICENSE: Meter = meter(
    "SQL Database",
    "SQL Database Single/Elastic Pool General Purpose - SQL License",
    "vCore",
    "vCore",
);
pub const SQL_BC_LICENSE: Meter = meter(
    "SQL Database",
    "SQL Database Single/Elastic Pool Business Critical - SQL License",
    "vCore",
    "vCore",
);

// ------------------------------------------------ issue 14 §5: missing lines
// Spelled as in the real recorded answers
// `tests/fixtures/retail-api/real/defender-westeurope.json`,
// `container-registry-westeurope.json` and `public-ip-westeurope.json`
// (see SOURCES.md there).

pub const DEFENDER: &str = "Microsoft Defender for Cloud";
/// Defender for App Service, per App Service instance per hour (API unit
/// `1/Hour`).
pub const DEFENDER_APP_SERVICE: Meter = meter(
    DEFENDER,
    "Microsoft Defender for App Service",
    "Standard",
    "Standard Node",
);
/// Defender for Azure Cosmos DB, per 100 RU/s per hour.
pub const DEFENDER_COSMOS: Meter = meter(
    DEFENDER,
    "Microsoft Defender for Azure Cosmos DB",
    "Standard",
    "Standard 100 RU/s",
);
/// Defender for Key Vault, the per-vault plan: per vault per hour.
pub const DEFENDER_KEY_VAULT: Meter = meter(
    DEFENDER,
    "Microsoft Defender for Key Vault",
    "Per node Std",
    "Per node Std Node",
);
/// Defender for SQL on Azure SQL Database, per server (instance) per hour.
pub const DEFENDER_SQL: Meter = meter(
    DEFENDER,
    "Microsoft Defender for SQL",
    "Standard",
    "Standard Instance",
);
/// Defender for Containers, per worker-node vCore per hour.
pub const DEFENDER_CONTAINERS: Meter = meter(
    DEFENDER,
    "Microsoft Defender for Containers",
    "Standard vCore",
    "Standard vCore vCore Pack",
);
/// Azure Container Registry Premium, per registry per day (`1/Day`).
pub const ACR_PREMIUM: Meter = meter(
    "Container Registry",
    "Container Registry",
    "Premium",
    "Premium Registry Unit",
);
/// A Premium registry's geo-replica, per replica region per day.
pub const ACR_REPLICA: Meter = meter(
    "Container Registry",
    "Container Registry",
    "Premium",
    "Premium Registry Replication Unit",
);
/// A Standard static IPv4 public IP address, per hour.
pub const PUBLIC_IP: Meter = meter(
    "Virtual Network",
    "IP Addresses",
    "Standard",
    "Standard IPv4 Static Public IP",
);
/// A P10 (128 GiB) Premium SSD LRS managed disk, per month (`1/Month`,
/// billed pro rata by the hour).
pub const OS_DISK_P10: Meter = meter(
    "Storage",
    "Premium SSD Managed Disks",
    "P10 LRS",
    "P10 LRS Disk",
);
/// An Application Insights standard availability test run, per execution
/// (API unit `1`).
pub const WEB_TEST: Meter = meter(
    "Azure Monitor",
    "Azure Monitor",
    "Standard Web Test",
    "Standard Web Test Execution",
);
