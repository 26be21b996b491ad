//! Microsoft Defender for Cloud, the plans the reference architecture
//! requires ("Microsoft Defender for Cloud plan coverage on App
//! Service/AKS, Cosmos, Key Vault, and SQL"; issue 14 §5): one function per plan, each billed per its own unit as
//! Microsoft's pricing page lists it
//! (azure.microsoft.com/pricing/details/defender-for-cloud/). Each line goes
//! in the cost group of what it protects (App Service and Containers in
//! compute, Cosmos DB in its throughput, SQL in the ledger, Key Vault in the
//! platform), so it moves with what it follows.

use super::{meters, Charge, Component, Pricer, Quantity, Stamp};
use crate::engine::format;
use crate::engine::scenario::NodeSize;

/// Microsoft's pricing page, cited in every Defender line.
pub const DEFENDER_PRICING: &str = "azure.microsoft.com/pricing/details/defender-for-cloud/";

/// vCPUs (vCores) of an AKS node size: what Defender for Containers bills
/// per hour ("Billed per vCore", Defender for Cloud pricing). From the VM
/// size pages (learn.microsoft.com/azure/virtual-machines/sizes): D2s v5 2,
/// D4s v5 4, D8s v5 8, D4as v5 4, E4s v5 4.
pub fn node_vcores(size: NodeSize) -> u32 {
    match size {
        NodeSize::D2sV5 => 2,
        NodeSize::D4sV5 | NodeSize::D4asV5 | NodeSize::E4sV5 => 4,
        NodeSize::D8sV5 => 8,
    }
}

impl Pricer<'_> {
    /// The Defender plans billed per stamp:
    ///
    /// * Defender for App Service: `App Service instance-hours × price per
    ///   instance-hour` (billed per App Service instance, hourly; the
    ///   instance-hours are those the pool bills, autoscale included);
    /// * Defender for Containers: `node-hours × vCores per node × price per
    ///   vCore-hour` (billed per vCore of the AKS worker nodes);
    /// * Defender for Key Vault, per-vault plan: `1 vault × hours × price
    ///   per vault-hour` (one vault per stamp).
    ///
    /// Source: azure.microsoft.com/pricing/details/defender-for-cloud/.
    pub fn defender_stamp(&mut self, stamp: &Stamp) {
        let s = self.s;
        let d = &s.platform.defender;
        let h = s.commercial.hours_per_month;
        let app = &s.compute.app_service;
        let app_hours = stamp.app_service_bill.instance_hours;
        if d.app_service && app.enabled && stamp.app_service_instances > 0 && app_hours > 0.0 {
            self.line(Charge::new(Component::DefenderAppService, &meters::DEFENDER_APP_SERVICE, &stamp.region).noted("Billed per App Service instance per hour (azure.microsoft.com/pricing/details/defender-for-cloud/)"), move || "Defender for App Service".into(), Quantity {
                    value: app_hours,
                    unit: "instance-hours",
                    how: move || {
                        format!(
                            "{} App Service instance-hours billed",
                            format::quantity(app_hours)
                        )
                    },
                });
        }
        let aks = &s.compute.aks;
        let node_hours = stamp.aks_bill.instance_hours;
        if d.containers && aks.enabled && stamp.aks_nodes > 0 && node_hours > 0.0 {
            let vcores = node_vcores(aks.node_size);
            self.line(Charge::new(Component::DefenderContainers, &meters::DEFENDER_CONTAINERS, &stamp.region).noted("Billed per vCore of the AKS worker nodes per hour (azure.microsoft.com/pricing/details/defender-for-cloud/)"), move || "Defender for Containers".into(), Quantity {
                    value: node_hours * f64::from(vcores),
                    unit: "vCore-hours",
                    how: move || {
                        format!(
                            "{} node-hours × {vcores} vCores ({})",
                            format::quantity(node_hours),
                            aks.node_size.sku_name()
                        )
                    },
                });
        }
        if d.key_vault {
            self.line(Charge::new(Component::DefenderKeyVault, &meters::DEFENDER_KEY_VAULT, &stamp.region).noted("Billed per key vault per hour (azure.microsoft.com/pricing/details/defender-for-cloud/)"), move || "Defender for Key Vault (per-vault plan)".into(), Quantity {
                    value: h,
                    unit: "vault-hours",
                    how: move || format!("1 vault × {} h", format::number(h, 0)),
                });
        }
    }

    /// Defender for Azure Cosmos DB on the account: `RU/s billed across
    /// the account's regions ÷ 100 × hours × price per 100 RU/s-hour`,
    /// billed on the account (its first region). The RU/s are those the
    /// throughput lines bill: provisioned RU/s × regions, autoscale's
    /// average billed RU/s × regions, or serverless's average consumption.
    /// Source: "Billed per 100 RU/s per hour"
    /// (azure.microsoft.com/pricing/details/defender-for-cloud/).
    pub fn defender_cosmos(&mut self, region: &str, billed_ru_per_s: f64) {
        let s = self.s;
        if !s.platform.defender.cosmos_db || billed_ru_per_s <= 0.0 {
            return;
        }
        let h = s.commercial.hours_per_month;
        self.line(Charge::new(Component::DefenderCosmos, &meters::DEFENDER_COSMOS, region).noted("Billed per 100 RU/s per hour (azure.microsoft.com/pricing/details/defender-for-cloud/)"), move || "Defender for Azure Cosmos DB".into(), Quantity {
                value: billed_ru_per_s / 100.0 * h,
                unit: "100 RU/s-hours",
                how: move || {
                    format!(
                        "{} RU/s billed across regions ÷ 100 × {} h",
                        format::number(billed_ru_per_s, 0),
                        format::number(h, 0)
                    )
                },
            });
    }

    /// Defender for Azure SQL on one logical server (the ledger's primary,
    /// or its failover-group secondary): `1 server × hours × price per
    /// server-hour` (billed per instance, Microsoft's page lists about $15
    /// a month; azure.microsoft.com/pricing/details/defender-for-cloud/).
    pub fn defender_sql(&mut self, region: &str) {
        let s = self.s;
        if !s.platform.defender.sql || !s.data.sql.enabled {
            return;
        }
        let h = s.commercial.hours_per_month;
        self.line(Charge::new(Component::DefenderSql, &meters::DEFENDER_SQL, region).noted("Billed per Azure SQL server (instance) per hour (azure.microsoft.com/pricing/details/defender-for-cloud/)"), move || "Defender for Azure SQL".into(), Quantity {
                value: h,
                unit: "server-hours",
                how: move || format!("1 server × {} h", format::number(h, 0)),
            });
    }
}
