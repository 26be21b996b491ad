//! The platform band of each stamp: Azure Cache for Redis, Key Vault, App
//! Configuration, Log Analytics, and the standard availability tests that
//! watch the application from outside.

use super::{meters, Charge, Component, Pricer, Quantity, Stamp};
use crate::engine::autoscale::HOURS_PER_DAY;
use crate::engine::format;
use crate::engine::scenario::RedisSku;

/// Interactive retention Log Analytics includes, days (Azure Monitor
/// pricing: "31 days" of retention included for Analytics logs).
pub const LOG_ANALYTICS_INCLUDED_RETENTION_DAYS: f64 = 31.0;

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
    /// Redis in one stamp. Azure Managed Redis Balanced B5: `2 instances ×
    /// hours × instance price` (high availability, always priced: zone
    /// redundancy and the SLA require it; no third node). Azure Cache for
    /// Redis (being retired) Standard: `1 cache × hours × cache
    /// price` (a Standard cache is a primary and a replica). Premium: `nodes ×
    /// hours × node price`: the primary and its replica (2 nodes), which a
    /// zone-redundant cache spreads across zones
    /// (learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-zone-redundancy);
    /// 3 with a second replica, needed only to cover a third zone (a choice,
    /// `platform.redis_third_replica`).
    pub fn redis(&mut self, stamp: &Stamp) {
        let h = self.hours();
        let (key, nodes, label) = match self.s.platform.redis {
            RedisSku::None => return,
            RedisSku::StandardC1 => (meters::REDIS_C1, 1, "Redis Standard C1 cache"),
            RedisSku::StandardC3 => (meters::REDIS_C3, 1, "Redis Standard C3 cache"),
            // Azure Managed Redis is billed per cache instance; high
            // availability (which zone redundancy and the SLA need) runs
            // two, "billed at a higher rate"
            // (learn.microsoft.com/azure/reliability/reliability-managed-redis).
            RedisSku::ManagedBalancedB5 => (
                meters::REDIS_MANAGED_B5,
                2,
                "Azure Managed Redis Balanced B5 instances (high availability)",
            ),
            RedisSku::PremiumP1 => {
                let nodes = if self.s.platform.redis_third_replica {
                    3
                } else {
                    2
                };
                (meters::REDIS_P1, nodes, "Redis Premium P1 nodes")
            }
        };
        let managed = self.s.platform.redis == RedisSku::ManagedBalancedB5;
        let unit = if nodes == 1 {
            "cache-hours"
        } else if managed {
            "instance-hours"
        } else {
            "node-hours"
        };
        self.line(
            Charge::new(Component::Redis, &key, &stamp.region),
            move || label.into(),
            Quantity {
                value: nodes as f64 * h,
                unit,
                how: move || {
                    let what = if nodes == 1 {
                        "1 cache".to_string()
                    } else if managed {
                        format!("{nodes} instances")
                    } else {
                        format!("{nodes} nodes")
                    };
                    format!("{what} × {} h", format::number(h, 0))
                },
            },
        );
    }

    /// Key Vault in one stamp: `operations per month ÷ 10,000 × price per 10,000`.
    pub fn key_vault(&mut self, stamp: &Stamp) {
        let m = self.s.platform.key_vault_operations_millions_per_month;
        if m <= 0.0 {
            return;
        }
        self.line(
            Charge::new(Component::KeyVault, &meters::KEY_VAULT_OPS, &stamp.region),
            move || "Key Vault operations".into(),
            Quantity {
                value: m * 100.0,
                unit: "× 10,000 operations",
                how: move || format!("{} million operations ÷ 10,000", format::quantity(m)),
            },
        );
    }

    /// App Configuration: one Standard store in the first stamp's region and a
    /// replica in every other: `days per month × daily price`. Replication
    /// has no egress charge (learn.microsoft.com/azure/reliability/reliability-app-configuration).
    pub fn app_configuration(&mut self, stamp: &Stamp, first: bool) {
        if !self.s.platform.app_configuration {
            return;
        }
        let hours = self.hours();
        let days = hours / 24.0;
        let (component, key, label) = if first {
            (
                Component::AppConfigurationStore,
                meters::APP_CONFIG_STORE,
                "App Configuration store",
            )
        } else {
            (
                Component::AppConfigurationReplica,
                meters::APP_CONFIG_REPLICA,
                "App Configuration replica",
            )
        };
        self.line(
            Charge::new(component, &key, &stamp.region),
            move || label.into(),
            Quantity {
                value: days,
                unit: "store-days",
                how: move || format!("{} h ÷ 24", format::number(hours, 0)),
            },
        );
    }

    /// Log Analytics in one stamp, from its traffic:
    ///
    /// * ingestion `GB = floor GB/day × days + requests served ÷ 10⁶ × GB per
    ///   million requests`, requests served = origin average req/s × steady
    ///   share × seconds (a warm standby logs only its floor), less the free
    ///   allowance on the tier's first stamp ("first 5 GB per billing account
    ///   per month" free, azure.microsoft.com/pricing/details/monitor/), ×
    ///   price per GB;
    /// * retention beyond the included 31 days: `GB × (retention days − 31) ÷
    ///   days per month` GB-months × price per GB-month (Azure Monitor
    ///   pricing: data retained beyond the included days is charged per GB
    ///   per month, pro-rated daily).
    ///
    /// With a commitment tier of `T` GB a day (each stamp's workspace is
    /// billed on its own, "per workspace on a daily basis", and usage above
    /// the tier "is billed at that same price per GB", on the same meter:
    /// learn.microsoft.com/azure/azure-monitor/logs/cost-logs), the ingestion
    /// line becomes `max(1, GB a day ÷ T) × days` tier-days × the tier's
    /// daily price, GB a day = the month's GB ÷ days (an even month). The
    /// free allowance is left out: it is a $0 first tier of the
    /// pay-as-you-go meter, which a commitment tier does not bill on.
    pub fn log_analytics(&mut self, stamp: &Stamp, origin_avg_rps: f64, first: bool) {
        let s = self.s;
        let pl = &s.platform;
        let days = s.commercial.hours_per_month / HOURS_PER_DAY;
        let floor = pl.log_analytics_gb_per_day;
        let per_m = pl.log_analytics_gb_per_million_requests;
        let requests_m = origin_avg_rps * stamp.steady_share * s.seconds_per_month() / 1e6;
        let gross = floor * days + requests_m * per_m;
        if let (Some(tier_gb), Some(meter)) = (
            pl.log_analytics_tier.gb_per_day(),
            meters::log_analytics_commitment(pl.log_analytics_tier),
        ) {
            if days > 0.0 {
                let per_day = gross / days;
                let units = (per_day / tier_gb).max(1.0);
                self.line(
                    Charge::new(Component::LogAnalyticsCommitment, meter, &stamp.region),
                    move || {
                        format!(
                            "Log Analytics {} GB/day commitment tier",
                            format::number(tier_gb, 0)
                        )
                    },
                    Quantity {
                        value: units * days,
                        unit: "tier-days",
                        how: move || {
                            format!(
                                "max(1, {} GB/day ÷ {} GB) × {} days",
                                format::quantity(per_day),
                                format::number(tier_gb, 0),
                                format::number(days, 2)
                            )
                        },
                    },
                );
            }
            self.log_analytics_retention(stamp, gross, days);
            return;
        }
        let free = if first {
            pl.log_analytics_free_gb_per_month.min(gross).max(0.0)
        } else {
            0.0
        };
        let billed = gross - free;
        if billed > 0.0 {
            self.line(Charge::new(Component::LogAnalyticsIngestion, &meters::LOG_ANALYTICS, &stamp.region), move || "Log Analytics ingestion".into(), Quantity {
                    value: billed,
                    unit: "GB",
                    how: move || {
                        let free_text = if free > 0.0 {
                            format!(" − {} GB free a month", format::quantity(free))
                        } else {
                            String::new()
                        };
                        format!(
                            "{} GB/day floor × {} days + {} million requests × {} GB per million{free_text}",
                            format::quantity(floor),
                            format::number(days, 2),
                            format::quantity(requests_m),
                            format::quantity(per_m)
                        )
                    },
                });
        }
        self.log_analytics_retention(stamp, gross, days);
    }

    /// Retention beyond the included 31 days of a stamp's `gross` GB a
    /// month (see [`Self::log_analytics`]).
    fn log_analytics_retention(&mut self, stamp: &Stamp, gross: f64, days: f64) {
        let pl = &self.s.platform;
        let extra_days = pl.log_analytics_retention_days - LOG_ANALYTICS_INCLUDED_RETENTION_DAYS;
        if extra_days > 0.0 && gross > 0.0 && days > 0.0 {
            let gb_months = gross * extra_days / days;
            self.line(
                Charge::new(
                    Component::LogAnalyticsRetention,
                    &meters::LOG_ANALYTICS_RETENTION,
                    &stamp.region,
                ),
                move || "Log Analytics retention beyond 31 days".into(),
                Quantity {
                    value: gb_months,
                    unit: "GB-months",
                    how: move || {
                        format!(
                            "{} GB a month × ({} − 31) days ÷ {} days",
                            format::quantity(gross),
                            format::quantity(extra_days + LOG_ANALYTICS_INCLUDED_RETENTION_DAYS),
                            format::number(days, 2)
                        )
                    },
                },
            );
        }
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
        self.line(Charge::new(Component::AvailabilityTests, &meters::WEB_TEST, region).noted("Standard tests are billed per execution (azure.microsoft.com/pricing/details/monitor/)"), move || "Availability tests (standard)".into(), Quantity {
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
            });
    }
}
