//! The compute band: the App Service and AKS pools of a stamp, their sizes
//! and tiers, and how they scale with the load.

use serde::{Deserialize, Serialize};

/// App Service Premium v3 size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppServiceSku {
    P1v3,
    P2v3,
    P3v3,
}

impl AppServiceSku {
    pub const ALL: [Self; 3] = [Self::P1v3, Self::P2v3, Self::P3v3];
    // The API's spellings (SKU, meter, product) are in `meters`.
}

/// Operating system of an App Service plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Os {
    Linux,
    Windows,
}

/// An App Service pool in every stamp.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppServicePool {
    pub enabled: bool,
    pub sku: AppServiceSku,
    pub os: Os,
    /// Requests per second one instance serves at target utilisation.
    pub requests_per_s_per_instance: f64,
    /// Fewest instances per stamp (zone redundancy needs at least 2).
    pub min_instances: u32,
}

impl Default for AppServicePool {
    fn default() -> Self {
        Self {
            enabled: true,
            sku: AppServiceSku::P1v3,
            os: Os::Linux,
            requests_per_s_per_instance: 250.0,
            min_instances: 2,
        }
    }
}

/// VM size of an AKS node pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeSize {
    D2sV5,
    D4sV5,
    D8sV5,
    D4asV5,
    E4sV5,
}

impl NodeSize {
    pub const ALL: [Self; 5] = [
        Self::D2sV5,
        Self::D4sV5,
        Self::D8sV5,
        Self::D4asV5,
        Self::E4sV5,
    ];
    // The API's spellings (SKU, meter, product) are in `meters`.
}

/// AKS pricing tier (cluster management fee).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AksTier {
    Free,
    Standard,
    Premium,
}

impl AksTier {
    /// The tier's name, for people. Its fee's meter is `meters::aks_fee`
    /// (the Free tier has none).
    pub fn label(self) -> &'static str {
        match self {
            Self::Free => "Free",
            Self::Standard => "Standard",
            Self::Premium => "Premium",
        }
    }
}

/// An AKS cluster in every stamp, fronted by Application Gateway WAF_v2.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AksPool {
    pub enabled: bool,
    pub node_size: NodeSize,
    pub tier: AksTier,
    /// Requests per second one node serves at target utilisation.
    pub requests_per_s_per_node: f64,
    /// Fewest nodes per stamp (3 spreads a pool over three zones).
    pub min_nodes: u32,
    /// Put Application Gateway WAF_v2 in front of the cluster (the reference architecture's
    /// regional ingress for AKS stamps).
    pub app_gateway: bool,
    /// Application Gateway autoscale minimum instance count: each instance
    /// guarantees (and bills) at least 10 capacity units. Absent in older
    /// scenarios: 2 (two instances keep the gateway up across zones).
    pub app_gateway_min_instances: u32,
    /// Persistent client connections held open at the gateway per request
    /// per second (2,500 connections make a capacity unit). Absent in older
    /// scenarios: 1.
    pub app_gateway_connections_per_req_s: f64,
    /// Ephemeral OS disks on the nodes (no disk charge; needs a VM size
    /// with a large enough cache or temporary disk, which the Dsv5 and
    /// Dasv5 sizes lack). Off: a 128 GiB Premium SSD (P10) managed OS disk
    /// per node, AKS's default. Absent in older scenarios: off.
    pub ephemeral_os_disk: bool,
    /// Standard public IPv4 addresses per stamp: the load balancer's
    /// outbound IP and the ingress frontend (the load balancer's, or
    /// Application Gateway's). Absent in older scenarios: 2.
    pub public_ips: u32,
}

impl Default for AksPool {
    fn default() -> Self {
        Self {
            enabled: false,
            node_size: NodeSize::D4sV5,
            tier: AksTier::Standard,
            requests_per_s_per_node: 400.0,
            min_nodes: 3,
            app_gateway: true,
            app_gateway_min_instances: 2,
            app_gateway_connections_per_req_s: 1.0,
            ephemeral_os_disk: false,
            public_ips: 2,
        }
    }
}

/// The compute stamp.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Compute {
    pub app_service: AppServicePool,
    pub aks: AksPool,
    /// Capacity of each stamp in the active-active tiers, as a fraction of
    /// global peak (the reference architecture's headroom dial: Northwind runs 0.7).
    pub stamp_capacity_fraction: f64,
    /// Instances (or nodes) of the `active_passive` warm standby, per pool.
    /// 0 means each pool's minimum.
    pub warm_standby_instances: u32,
    /// Autoscale with the daily load and add the failover headroom only
    /// while a region is lost (the default, as the reference architecture recommends), or run
    /// the peak count including the failover headroom every hour. Absent in
    /// scenarios and links from before it existed: they open on autoscale.
    pub scaling: ComputeScaling,
}

/// How the compute pools follow the load.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComputeScaling {
    /// Instances follow the daily load hour by hour, never below the pool's
    /// minimum; a survivor scales out only while it carries a lost region's
    /// users (the reference architecture: "use autoscale so the failover headroom is
    /// provisioned only when a region actually absorbs the other's load").
    #[default]
    Autoscale,
    /// Every stamp runs, every hour, the instances it needs at peak with the
    /// failover headroom included (no autoscale).
    Fixed,
}

impl ComputeScaling {
    pub const ALL: [Self; 2] = [Self::Autoscale, Self::Fixed];
    pub fn id(self) -> &'static str {
        match self {
            Self::Autoscale => "autoscale",
            Self::Fixed => "fixed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Autoscale => "Autoscale (headroom only during failover)",
            Self::Fixed => "Fixed (headroom provisioned always)",
        }
    }
}

impl Default for Compute {
    fn default() -> Self {
        Self {
            app_service: AppServicePool::default(),
            aks: AksPool::default(),
            stamp_capacity_fraction: 0.7,
            warm_standby_instances: 0,
            scaling: ComputeScaling::Autoscale,
        }
    }
}
