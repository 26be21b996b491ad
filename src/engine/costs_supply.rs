//! The AKS stamps' supply lines and the synthetic canaries (issue 14 §5),
//! kept apart from `costs.rs`: node OS disks and public IP addresses,
//! Azure Container Registry Premium with a geo-replica per stamp region, and
//! standard availability tests. One function per line, each with its
//! formula and Microsoft's page.

use super::autoscale::HOURS_PER_DAY;
use super::costs::{meters, Category, Pricer, Quantity, Stamp};
use super::format;
use super::pricing::ReservationTerm;

/// Size of AKS's default managed OS disk, GiB: "the default OS disk size is
/// 128 GB" (learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk),
/// a P10 Premium SSD (128 GiB tier,
/// learn.microsoft.com/azure/virtual-machines/disks-types#premium-ssd-size).
pub const AKS_OS_DISK_GIB: f64 = 128.0;

/// Availability test executions in a month: `tests × locations × hours × 60
/// ÷ minutes between runs` (each location runs each test once per
/// interval).
pub fn availability_test_executions(
    tests: u32,
    locations: u32,
    interval_min: f64,
    hours_per_month: f64,
) -> f64 {
    if interval_min <= 0.0 {
        return 0.0;
    }
    f64::from(tests) * f64::from(locations) * hours_per_month * 60.0 / interval_min
}

impl Pricer<'_> {
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
            self.line(
                Category::Compute,
                move || "AKS node OS disks (P10, 128 GiB)".into(),
                &stamp.region,
                &meters::OS_DISK_P10,
                ReservationTerm::None,
                Quantity {
                    value: node_hours / h,
                    unit: "disk-months",
                    how: move || {
                        format!(
                            "{} node-hours ÷ {} h, one 128 GiB managed OS disk per node",
                            format::quantity(node_hours),
                            format::number(h, 0)
                        )
                    },
                },
                "Managed disks are billed pro rata by the hour (azure.microsoft.com/pricing/details/managed-disks/)",
            );
        }
        let ips = aks.public_ips;
        if ips > 0 {
            self.line(
                Category::Compute,
                move || "Public IPv4 addresses (Standard, static)".into(),
                &stamp.region,
                &meters::PUBLIC_IP,
                ReservationTerm::None,
                Quantity {
                    value: f64::from(ips) * h,
                    unit: "address-hours",
                    how: move || {
                        format!(
                            "{ips} addresses (outbound and ingress) × {} h",
                            format::number(h, 0)
                        )
                    },
                },
                "Priced per address per hour (azure.microsoft.com/pricing/details/ip-addresses/)",
            );
        }
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
        let (key, label, unit) = if first {
            (
                &meters::ACR_PREMIUM,
                "Container Registry Premium",
                "registry-days",
            )
        } else {
            (
                &meters::ACR_REPLICA,
                "Container Registry geo-replica",
                "replica-days",
            )
        };
        self.line(
            Category::Compute,
            move || label.into(),
            &stamp.region,
            key,
            ReservationTerm::None,
            Quantity {
                value: days,
                unit,
                how: move || format!("{} h ÷ 24", format::number(h, 0)),
            },
            "Priced per registry and per replica per day (azure.microsoft.com/pricing/details/container-registry/)",
        );
    }

    /// Standard availability tests through the Front Door endpoint (the
    /// reference architecture's synthetic canaries, "from multiple
    /// geographies ... every minute"): `tests × locations × hours × 60 ÷
    /// minutes between runs` executions × price per execution, billed in
    /// the Application Insights resource's region (the first stamp's).
    /// Azure Monitor bills standard tests per test execution
    /// (azure.microsoft.com/pricing/details/monitor/;
    /// learn.microsoft.com/azure/azure-monitor/app/availability).
    pub fn availability_tests(&mut self, region: &str) {
        let s = self.s;
        let pl = &s.platform;
        let h = s.commercial.hours_per_month;
        let tests = pl.availability_tests;
        let locations = pl.availability_test_locations;
        let interval = pl.availability_test_interval_min;
        let runs = availability_test_executions(tests, locations, interval, h);
        if runs <= 0.0 {
            return;
        }
        self.line(
            Category::Platform,
            move || "Availability tests (standard)".into(),
            region,
            &meters::WEB_TEST,
            ReservationTerm::None,
            Quantity {
                value: runs,
                unit: "executions",
                how: move || {
                    let noun = if tests == 1 { "test" } else { "tests" };
                    format!(
                        "{tests} {noun} × {locations} locations × {} h × 60 ÷ {} min",
                        format::number(h, 0),
                        format::quantity(interval)
                    )
                },
            },
            "Standard tests are billed per execution (azure.microsoft.com/pricing/details/monitor/)",
        );
    }
}
