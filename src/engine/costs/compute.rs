//! The compute band: each regional stamp's App Service plan and AKS cluster
//! (node VMs, cluster fee, OS disks and public IPs, the Standard Load
//! Balancer's rules), the Application Gateway WAF_v2 in front of AKS, and the
//! Container Registry its nodes pull from. One function per line, each with
//! its formula and Microsoft's page.

use super::{meters, role_label, Charge, Component, Pricer, Quantity, Stamp};
use crate::engine::autoscale::{load_shape, PoolBill, HOURS_PER_DAY};
use crate::engine::format;
use crate::engine::pricing::ReservationTerm;
use crate::engine::scenario::Os;

/// Capacity units one Application Gateway v2 instance guarantees (and
/// bills at least): "Each instance guarantees a minimum of 10 capacity units
/// in terms of processing capability"
/// (learn.microsoft.com/azure/application-gateway/understanding-pricing).
pub const APP_GATEWAY_CU_PER_INSTANCE: f64 = 10.0;

/// Requests per second one WAF_v2 compute unit handles: "Each compute unit
/// can support approximately 10 concurrent requests per second"
/// (learn.microsoft.com/azure/application-gateway/application-gateway-autoscaling-zone-redundant).
pub const WAF_V2_REQUESTS_PER_S_PER_CU: f64 = 10.0;

/// Persistent connections per capacity unit ("2500 Persistent connections",
/// understanding-pricing).
pub const APP_GATEWAY_CONNECTIONS_PER_CU: f64 = 2_500.0;

/// Throughput per capacity unit, Mbps ("2.22-Mbps throughput",
/// understanding-pricing).
pub const APP_GATEWAY_MBPS_PER_CU: f64 = 2.22;

/// Capacity units an Application Gateway WAF_v2 bills in one hour carrying
/// `rps` requests per second: the largest of compute units (`rps ÷ 10`),
/// persistent connections (`rps × connections per req/s ÷ 2,500`) and
/// throughput (`rps × response KB × 8 ÷ 1,000 Mbps ÷ 2.22`), never below
/// `minimum instances × 10`. Microsoft: "The parameter with the highest
/// utilization among these three parameters is used to calculate capacity
/// units for billing purposes" (understanding-pricing).
pub fn app_gateway_cu(
    rps: f64,
    response_kb: f64,
    connections_per_req_s: f64,
    min_instances: u32,
) -> f64 {
    let compute = rps / WAF_V2_REQUESTS_PER_S_PER_CU;
    let connections = rps * connections_per_req_s / APP_GATEWAY_CONNECTIONS_PER_CU;
    let throughput = rps * response_kb * 8.0 / 1000.0 / APP_GATEWAY_MBPS_PER_CU;
    compute
        .max(connections)
        .max(throughput)
        .max(f64::from(min_instances) * APP_GATEWAY_CU_PER_INSTANCE)
}

/// Size of AKS's default managed OS disk, GiB: "the default OS disk size is
/// 128 GB" (learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk),
/// a P10 Premium SSD (128 GiB tier,
/// learn.microsoft.com/azure/virtual-machines/disks-types#premium-ssd-size).
pub const AKS_OS_DISK_GIB: f64 = 128.0;

impl Pricer<'_> {
    /// Instance-hours of one compute pool, as billed: with a reservation
    /// term, the floor (instances running every hour: `floor × hours`) at the
    /// reservation rate and the rest (`instance-hours − floor × hours`)
    /// pay-as-you-go; without one, every instance-hour pay-as-you-go.
    /// Reservations are "use-it-or-lose-it" hour by hour
    /// (learn.microsoft.com/azure/cost-management-billing/reservations/reservation-discount-application),
    /// so the floor is what a reservation can cover without waste.
    fn pool_hours(
        &mut self,
        at: Charge<'_>,
        what: &dyn Fn() -> String,
        bill: &PoolBill,
        unit: &'static str,
        noun: &'static str,
    ) {
        let h = self.hours();
        let term = self.s.commercial.reservation;
        let shape = crate::engine::autoscale::load_shape(&self.s.workload);
        let scaling = self.s.compute.scaling;
        let text = self.writes();
        let derivation = move || {
            if !text {
                return String::new();
            }
            let days = h / HOURS_PER_DAY;
            let failover = if bill.failover_instance_hours > 0.0 {
                format!(
                    " + {} {unit} while a lost region's users are here",
                    format::quantity(bill.failover_instance_hours)
                )
            } else {
                String::new()
            };
            if bill.peak == bill.floor && bill.failover_instance_hours <= 0.0 {
                format!("{} {noun} × {} h", bill.peak, format::number(h, 0))
            } else if scaling == crate::engine::scenario::ComputeScaling::Fixed {
                format!(
                    "{} {noun} × {} h{failover}",
                    bill.peak,
                    format::number(h, 0)
                )
            } else {
                format!(
                    "({} h at peak × {} {noun} + {} h at {} of peak × {}) × {} days{failover}",
                    format::number(shape.peak_hours, 1),
                    bill.peak,
                    format::number(shape.trough_hours(), 1),
                    format::percent(shape.trough_fraction, 0),
                    bill.floor,
                    format::number(days, 2)
                )
            }
        };
        if term == ReservationTerm::None {
            self.line(
                at,
                what,
                Quantity {
                    value: bill.instance_hours,
                    unit,
                    how: derivation,
                },
            );
            return;
        }
        let floor_hours = f64::from(bill.floor) * h;
        let floor = bill.floor;
        self.line(
            at.reserved(term),
            || format!("{}, reserved floor", what()),
            Quantity {
                value: floor_hours,
                unit,
                how: move || format!("floor {floor} {noun} × {} h", format::number(h, 0)),
            },
        );
        let rest = bill.instance_hours - floor_hours;
        if rest > 1e-9 {
            self.line(
                at,
                || format!("{}, pay-as-you-go above the floor", what()),
                Quantity {
                    value: rest,
                    unit,
                    how: move || {
                        format!(
                            "{} − {} {unit} reserved",
                            derivation(),
                            format::quantity(floor_hours)
                        )
                    },
                },
            );
        }
    }

    /// App Service Premium v3 instances in one stamp: the instance-hours the
    /// pool runs in the month (hour by hour with the load under autoscale,
    /// see [`crate::engine::autoscale::bill_pool`]) × hourly price, the reserved
    /// floor at the reservation rate when a term is chosen.
    pub fn app_service(&mut self, stamp: &Stamp) {
        let pool = &self.s.compute.app_service;
        if !pool.enabled || stamp.app_service_instances == 0 {
            return;
        }
        let key = meters::app_service(pool.os, pool.sku);
        let os = if pool.os == Os::Linux {
            "Linux"
        } else {
            "Windows"
        };
        self.pool_hours(
            Charge::new(Component::AppService, key, &stamp.region),
            &move || {
                format!(
                    "App Service {} ({os}), {}",
                    pool.sku.sku_name(),
                    role_label(stamp.role)
                )
            },
            &stamp.app_service_bill,
            "instance-hours",
            "instances",
        );
    }

    /// AKS in one stamp: node VMs (`nodes × hours × VM hourly price`), the
    /// cluster management fee (`hours × tier fee`), and Application Gateway
    /// WAF_v2 in front of it (`hours × fixed price` + capacity units, see
    /// [`Pricer::app_gateway_capacity_units`]).
    pub fn aks(&mut self, stamp: &Stamp, origin_peak_rps: f64) {
        let pool = &self.s.compute.aks;
        if !pool.enabled || stamp.aks_nodes == 0 {
            return;
        }
        let h = self.hours();
        let size = pool.node_size;
        let vm = meters::vm(size);
        self.pool_hours(
            Charge::new(Component::AksNodes, vm, &stamp.region),
            &move || {
                format!(
                    "AKS nodes {} (Linux), {}",
                    size.sku_name(),
                    role_label(stamp.role)
                )
            },
            &stamp.aks_bill,
            "node-hours",
            "nodes",
        );
        // The Free tier has no management fee and no meter: no line at all.
        if let Some(fee) = meters::aks_fee(pool.tier) {
            self.line(
                Charge::new(Component::AksClusterFee, fee, &stamp.region),
                move || format!("AKS {} tier cluster fee", pool.tier.label()),
                Quantity {
                    value: h,
                    unit: "cluster-hours",
                    how: move || format!("1 cluster × {} h", format::number(h, 0)),
                },
            );
        }
        self.aks_load_balancer(stamp, origin_peak_rps);
        if pool.app_gateway {
            self.line(
                Charge::new(
                    Component::AppGatewayFixed,
                    &meters::APP_GATEWAY_FIXED,
                    &stamp.region,
                ),
                move || "Application Gateway WAF_v2, fixed".into(),
                Quantity {
                    value: h,
                    unit: "gateway-hours",
                    how: move || format!("1 gateway × {} h", format::number(h, 0)),
                },
            );
            self.app_gateway_capacity_units(stamp, origin_peak_rps);
        }
    }

    /// Application Gateway WAF_v2 capacity units in one stamp, hour by hour
    /// over the day's load shape: `hours ÷ 24 × (h × CU(peak) + (24 − h) ×
    /// CU(trough))` CU-hours × CU price, CU(L) from [`app_gateway_cu`] at
    /// the stamp's share of origin requests at load L. (A lost region's
    /// users reaching a survivor for a few hours a month are left out.)
    pub fn app_gateway_capacity_units(&mut self, stamp: &Stamp, origin_peak_rps: f64) {
        let s = self.s;
        let aks = &s.compute.aks;
        let h = s.commercial.hours_per_month;
        let shape = load_shape(&s.workload);
        let kb = s.workload.response_kb;
        let conns = aks.app_gateway_connections_per_req_s;
        let min = aks.app_gateway_min_instances;
        let peak_rps = origin_peak_rps * stamp.steady_share;
        let trough_rps = peak_rps * shape.trough_fraction;
        let cu_peak = app_gateway_cu(peak_rps, kb, conns, min);
        let cu_trough = app_gateway_cu(trough_rps, kb, conns, min);
        let cu_hours =
            h / HOURS_PER_DAY * (shape.peak_hours * cu_peak + shape.trough_hours() * cu_trough);
        let measures = move |rps: f64| {
            format!(
                "max({} req/s ÷ 10 = {} compute, {} connections ÷ 2,500 = {}, {} Mbps ÷ 2.22 = {}, {min} instances × 10 = {})",
                format::quantity(rps),
                format::quantity(rps / WAF_V2_REQUESTS_PER_S_PER_CU),
                format::quantity(rps * conns),
                format::quantity(rps * conns / APP_GATEWAY_CONNECTIONS_PER_CU),
                format::quantity(rps * kb * 8.0 / 1000.0),
                format::quantity(rps * kb * 8.0 / 1000.0 / APP_GATEWAY_MBPS_PER_CU),
                format::quantity(f64::from(min) * APP_GATEWAY_CU_PER_INSTANCE)
            )
        };
        self.line(Charge::new(Component::AppGatewayCapacityUnits, &meters::APP_GATEWAY_CU, &stamp.region).noted("capacity unit = the highest of compute units, persistent connections and throughput (learn.microsoft.com/azure/application-gateway/understanding-pricing)"), move || "Application Gateway WAF_v2, capacity units".into(), Quantity {
                value: cu_hours,
                unit: "CU-hours",
                how: move || {
                    format!(
                        "({} h at peak × {} CU + {} h × {} CU) × {} days; peak {}; trough {}",
                        format::number(shape.peak_hours, 1),
                        format::quantity(cu_peak),
                        format::number(shape.trough_hours(), 1),
                        format::quantity(cu_trough),
                        format::number(h / HOURS_PER_DAY, 2),
                        measures(peak_rps),
                        measures(trough_rps)
                    )
                },
            });
    }

    /// The AKS cluster's own disks and addresses in one stamp:
    ///
    /// * node OS disks: `node-hours ÷ hours` disk-months × P10 LRS monthly
    ///   price (one 128 GiB managed OS disk per node, AKS's default; a
    ///   managed disk is billed pro rata by the hour and goes with the node
    ///   when autoscale removes it; learn.microsoft.com/azure/aks/concepts-storage,
    ///   azure.microsoft.com/pricing/details/managed-disks/); none with
    ///   ephemeral OS disks;
    /// * public IPs: `addresses × hours × hourly price` for Standard static
    ///   IPv4 addresses (the public IP the Standard load balancer uses for
    ///   the cluster's egress by default,
    ///   learn.microsoft.com/azure/aks/load-balancer-standard, and the
    ///   ingress frontend; azure.microsoft.com/pricing/details/ip-addresses/).
    pub fn aks_disks_and_ips(&mut self, stamp: &Stamp) {
        let s = self.s;
        let aks = &s.compute.aks;
        if !aks.enabled || stamp.aks_nodes == 0 {
            return;
        }
        let h = s.commercial.hours_per_month;
        let node_hours = stamp.aks_bill.instance_hours;
        if !aks.ephemeral_os_disk && node_hours > 0.0 && h > 0.0 {
            self.line(Charge::new(Component::AksOsDisks, &meters::OS_DISK_P10, &stamp.region).noted("Managed disks are billed pro rata by the hour (azure.microsoft.com/pricing/details/managed-disks/)"), move || "AKS node OS disks (P10, 128 GiB)".into(), Quantity {
                    value: node_hours / h,
                    unit: "disk-months",
                    how: move || {
                        format!(
                            "{} node-hours ÷ {} h, one 128 GiB managed OS disk per node",
                            format::quantity(node_hours),
                            format::number(h, 0)
                        )
                    },
                });
        }
        let ips = aks.public_ips;
        if ips > 0 {
            self.line(Charge::new(Component::AksPublicIps, &meters::PUBLIC_IP, &stamp.region).noted("Priced per address per hour (azure.microsoft.com/pricing/details/ip-addresses/)"), move || "Public IPv4 addresses (Standard, static)".into(), Quantity {
                    value: f64::from(ips) * h,
                    unit: "address-hours",
                    how: move || {
                        format!(
                            "{ips} addresses (outbound and ingress) × {} h",
                            format::number(h, 0)
                        )
                    },
                });
        }
    }

    /// The Standard Load Balancer an AKS cluster creates in each stamp ("AKS
    /// uses a Standard SKU load balancer by default",
    /// learn.microsoft.com/azure/aks/load-balancer-standard): `hours × price
    /// of the first five rules` + data processed, `GB × price per GB`. The
    /// data: the stamp's responses (origin average req/s × steady share ×
    /// seconds × response KB ÷ 10⁶) when the load balancer is the ingress;
    /// behind Application Gateway (which reaches the pods directly) only the
    /// rules are billed.
    pub fn aks_load_balancer(&mut self, stamp: &Stamp, origin_peak_rps: f64) {
        let s = self.s;
        let h = s.commercial.hours_per_month;
        let region = &*stamp.region;
        self.line(
            Charge::new(
                Component::AksLoadBalancerRules,
                &meters::LOAD_BALANCER_RULES,
                meters::GLOBAL,
            )
            .at(&stamp.region),
            move || format!("AKS Standard Load Balancer, rules ({region})"),
            Quantity {
                value: h,
                unit: "hours",
                how: move || {
                    format!(
                        "1 load balancer (up to 5 rules) × {} h",
                        format::number(h, 0)
                    )
                },
            },
        );
        if s.compute.aks.app_gateway {
            return;
        }
        let kb = s.workload.response_kb;
        let requests = origin_peak_rps
            * s.workload.average_to_peak_ratio
            * stamp.steady_share
            * s.seconds_per_month();
        let gb = requests * kb / 1e6;
        if gb <= 0.0 {
            return;
        }
        self.line(
            Charge::new(
                Component::AksLoadBalancerData,
                &meters::LOAD_BALANCER_DATA,
                meters::GLOBAL,
            )
            .at(&stamp.region),
            move || format!("AKS Standard Load Balancer, data processed ({region})"),
            Quantity {
                value: gb,
                unit: "GB",
                how: move || {
                    format!(
                        "{} million requests × {} KB ÷ 10⁶",
                        format::quantity(requests / 1e6),
                        format::quantity(kb)
                    )
                },
            },
        );
    }

    /// Azure Container Registry Premium, when the stamps run AKS: the
    /// registry in the first stamp's region, `days × Premium registry daily
    /// price`, and a geo-replica in every other stamp's region, `days ×
    /// replication daily price` (a geo-replica is billed per replica region
    /// per day, at the Premium registry's rate in the recorded answer;
    /// azure.microsoft.com/pricing/details/container-registry/,
    /// learn.microsoft.com/azure/container-registry/container-registry-geo-replication).
    /// Premium includes 500 GB of storage, so images are not billed apart.
    pub fn container_registry(&mut self, stamp: &Stamp, first: bool) {
        let s = self.s;
        if !s.platform.container_registry || !s.compute.aks.enabled || stamp.aks_nodes == 0 {
            return;
        }
        let h = s.commercial.hours_per_month;
        let days = h / HOURS_PER_DAY;
        let (component, key, label, unit) = if first {
            (
                Component::ContainerRegistry,
                &meters::ACR_PREMIUM,
                "Container Registry Premium",
                "registry-days",
            )
        } else {
            (
                Component::ContainerRegistryReplica,
                &meters::ACR_REPLICA,
                "Container Registry geo-replica",
                "replica-days",
            )
        };
        self.line(Charge::new(component, key, &stamp.region).noted("Priced per registry and per replica per day (azure.microsoft.com/pricing/details/container-registry/)"), move || label.into(), Quantity {
                value: days,
                unit,
                how: move || format!("{} h ÷ 24", format::number(h, 0)),
            });
    }
}
