//! What each priced line pays for, as a typed key: a line item is
//! identified by its [`Component`] and where it is billed (its region, or
//! the stamp region of a line priced `Global`; see [`LineItem::place`]),
//! never by its display text. The words for a line are written separately,
//! on demand ([`super::LineWords`]).
//!
//! [`LineItem::place`]: super::LineItem::place

use serde::Serialize;

use super::Category;

/// A cost component: one kind of line, priced by one `Pricer` method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    // Compute band (costs/compute.rs).
    /// App Service plan instances (Premium v3, Linux or Windows).
    AppService,
    /// AKS node VMs.
    AksNodes,
    /// The AKS cluster management fee (Standard or Premium tier).
    AksClusterFee,
    /// Application Gateway WAF_v2, the fixed hourly part.
    AppGatewayFixed,
    /// Application Gateway WAF_v2 capacity units.
    AppGatewayCapacityUnits,
    /// AKS node OS disks (P10 managed disks).
    AksOsDisks,
    /// Public IPv4 addresses of an AKS stamp.
    AksPublicIps,
    /// The AKS Standard Load Balancer's rules.
    AksLoadBalancerRules,
    /// Data processed by the AKS Standard Load Balancer.
    AksLoadBalancerData,
    /// Azure Container Registry Premium (the home registry).
    ContainerRegistry,
    /// A Container Registry geo-replica.
    ContainerRegistryReplica,
    /// Defender for App Service.
    DefenderAppService,
    /// Defender for Containers.
    DefenderContainers,
    // Data band (costs/data.rs, backup.rs).
    /// Cosmos DB throughput (manual, multi-region-write, autoscale or
    /// serverless request units).
    CosmosThroughput,
    /// Cosmos DB transactional storage.
    CosmosStorage,
    /// Cosmos DB periodic backup copies beyond the two free ones.
    CosmosPeriodicBackup,
    /// Cosmos DB continuous backup.
    CosmosContinuousBackup,
    /// Defender for Azure Cosmos DB.
    DefenderCosmos,
    /// Azure SQL Database compute (vCores).
    SqlCompute,
    /// The SQL Server licence on vCores (without Azure Hybrid Benefit).
    SqlLicence,
    /// The General Purpose zone-redundancy surcharge.
    SqlZoneRedundancy,
    /// Azure SQL Database storage.
    SqlStorage,
    /// Defender for Azure SQL.
    DefenderSql,
    // Network band (costs/network.rs).
    /// Cosmos DB replication between regions.
    CosmosReplication,
    /// The SQL failover group's log shipping between regions.
    SqlReplication,
    /// Private endpoints (hours).
    PrivateEndpoints,
    /// Data processed inbound through private endpoints.
    PrivateEndpointIngress,
    /// Data processed outbound through private endpoints.
    PrivateEndpointEgress,
    // Edge band (costs/edge.rs).
    /// The Front Door profile's base fee.
    FrontDoorBase,
    /// Front Door requests, per billing zone.
    FrontDoorRequests,
    /// Front Door edge-to-client data transfer, per billing zone.
    FrontDoorTransfer,
    /// Front Door edge-to-origin data transfer (requests not answered from
    /// the edge cache), per billing zone.
    FrontDoorOriginTransfer,
    /// Traffic Manager DNS queries.
    TrafficManagerQueries,
    /// Traffic Manager health-checked endpoints.
    TrafficManagerEndpoints,
    // Platform band (costs/platform.rs).
    /// A Redis cache: Azure Cache for Redis or Azure Managed Redis.
    Redis,
    /// Key Vault operations.
    KeyVault,
    /// Defender for Key Vault.
    DefenderKeyVault,
    /// The App Configuration store.
    AppConfigurationStore,
    /// An App Configuration replica.
    AppConfigurationReplica,
    /// Log Analytics data ingestion.
    LogAnalyticsIngestion,
    /// A Log Analytics commitment tier (ingestion and its overage).
    LogAnalyticsCommitment,
    /// Log Analytics retention beyond the included days.
    LogAnalyticsRetention,
    /// Standard availability tests.
    AvailabilityTests,
}

impl Component {
    /// The cost group (chart stack) the component's lines go in. Defender
    /// plans go in the group of what they protect.
    pub const fn category(self) -> Category {
        use Component::*;
        match self {
            AppService
            | AksNodes
            | AksClusterFee
            | AppGatewayFixed
            | AppGatewayCapacityUnits
            | AksOsDisks
            | AksPublicIps
            | AksLoadBalancerRules
            | AksLoadBalancerData
            | ContainerRegistry
            | ContainerRegistryReplica
            | DefenderAppService
            | DefenderContainers => Category::Compute,
            CosmosThroughput | DefenderCosmos => Category::CosmosThroughput,
            CosmosStorage | CosmosPeriodicBackup | CosmosContinuousBackup => {
                Category::CosmosStorage
            }
            SqlCompute | SqlLicence | SqlZoneRedundancy | SqlStorage | DefenderSql => Category::Sql,
            CosmosReplication | SqlReplication => Category::ReplicationEgress,
            FrontDoorBase | FrontDoorRequests | FrontDoorTransfer | FrontDoorOriginTransfer => {
                Category::FrontDoor
            }
            TrafficManagerQueries | TrafficManagerEndpoints => Category::TrafficManager,
            PrivateEndpoints
            | PrivateEndpointIngress
            | PrivateEndpointEgress
            | Redis
            | KeyVault
            | DefenderKeyVault
            | AppConfigurationStore
            | AppConfigurationReplica
            | LogAnalyticsIngestion
            | LogAnalyticsCommitment
            | LogAnalyticsRetention
            | AvailabilityTests => Category::Platform,
        }
    }
}
