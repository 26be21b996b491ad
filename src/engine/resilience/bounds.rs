//! Every documented bound of the guaranteed basis, in one place. The quotes
//! are verbatim from the pages named.

use super::DocumentedBound;

/// Cosmos DB consistency levels, RPO table: "| >1 | Single write region |
/// Session, Consistent Prefix, Eventual | < 15 minutes |" (and the same for
/// multiple write regions).
/// <https://learn.microsoft.com/azure/cosmos-db/consistency-levels>
pub const COSMOS_RPO_MULTI_REGION: DocumentedBound = DocumentedBound {
    seconds: 900.0,
    or_more: false,
    url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
    quote: "< 15 minutes (more than one region; Session, Consistent Prefix, Eventual)",
};
/// Same page: bounded staleness RPO is *K* & *T*; "For multi-region
/// accounts the minimum value of K and T is 100,000 write operations or
/// 300 seconds. This value defines the minimum RPO for data when using
/// Bounded Staleness." The planner uses the documented minimum, 300 s.
pub const COSMOS_RPO_BOUNDED_STALENESS: DocumentedBound = DocumentedBound {
    seconds: 300.0,
    or_more: false,
    url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
    quote: "For multi-region accounts the minimum value of K and T is 100,000 write operations or 300 seconds",
};
/// Same page: "| >1 | Single write region | Strong | 0 |".
pub const COSMOS_RPO_STRONG: DocumentedBound = DocumentedBound {
    seconds: 0.0,
    or_more: false,
    url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
    quote: "Single write region | Strong | 0",
};
/// Same page: "| 1 | Single or Multiple write regions | Any Consistency
/// Level | < 240 Minutes |".
pub const COSMOS_RPO_SINGLE_REGION: DocumentedBound = DocumentedBound {
    seconds: 14_400.0,
    or_more: false,
    url: "https://learn.microsoft.com/azure/cosmos-db/consistency-levels",
    quote: "< 240 Minutes (one region, any consistency level)",
};
/// Reliability in Cosmos DB for NoSQL: "Even with service-managed
/// failover enabled, partial outage may require manual intervention for
/// the Azure Cosmos DB service team. In these scenarios, it may take up
/// to 1 hour (or more) for failover to take effect."
/// <https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql>
pub const COSMOS_WRITE_FAILOVER: DocumentedBound = DocumentedBound {
    seconds: 3_600.0,
    or_more: true,
    url: "https://learn.microsoft.com/azure/reliability/reliability-cosmos-db-nosql",
    quote: "it may take up to 1 hour (or more) for failover to take effect",
};
/// Reliability in Azure SQL Database: "The minimum grace period is one
/// hour. However, the Microsoft response time will likely be several
/// hours at least." (Microsoft-managed failover-group failover.)
/// <https://learn.microsoft.com/azure/reliability/reliability-sql-database>
pub const SQL_FAILOVER_GROUP_GRACE: DocumentedBound = DocumentedBound {
    seconds: 3_600.0,
    or_more: true,
    url: "https://learn.microsoft.com/azure/reliability/reliability-sql-database",
    quote: "The minimum grace period is one hour. However, the Microsoft response time will likely be several hours at least.",
};
/// Azure SQL Database business continuity overview, recovery table:
/// "| Auto-failover groups | 1 h | 5 s |" (RTO, RPO).
/// <https://learn.microsoft.com/azure/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview>
pub const SQL_GEO_REPLICATION_RPO: DocumentedBound = DocumentedBound {
    seconds: 5.0,
    or_more: false,
    url: "https://learn.microsoft.com/azure/azure-sql/database/business-continuity-high-availability-disaster-recover-hadr-overview",
    quote: "Auto-failover groups | 1 h | 5 s",
};
