//! Scenario validation: every field a person can type is checked here, and
//! each problem comes back as a [`FieldError`] naming the field (by its
//! JSON path) and saying why in words. The UI shows the message next to the
//! field; the `plan` command prints it and exits 2.

use serde::Serialize;

use super::regions::RegionTable;
use super::scenario::Scenario;

/// Most regions a scenario may have.
pub const MAX_REGIONS: usize = 5;

/// Most instances (or nodes) one stamp may need at full peak.
pub const MAX_INSTANCES_PER_STAMP: f64 = 10_000.0;

/// A problem with one input.
#[derive(Clone, Debug, PartialEq, Serialize, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    /// JSON path of the field, e.g. `workload.peak_requests_per_s`.
    pub field: String,
    pub message: String,
}

struct Checker {
    errors: Vec<FieldError>,
}

/// A number in a message, as a person reads it: grouped thousands, at most
/// six decimals, no float noise; beyond a trillion in scientific notation
/// (`1e20`, not twenty-one digits).
fn shown(value: f64) -> String {
    if value.abs() >= 1e12 {
        return format!("{value:e}");
    }
    let rounded = (value * 1e6).round() / 1e6;
    let decimals = if rounded.fract() == 0.0 {
        0
    } else {
        let text = format!("{rounded}");
        text.split_once('.').map_or(0, |(_, f)| f.len().min(6))
    };
    super::format::number(rounded, decimals)
}

impl Checker {
    /// `field` is any text (a `&str`, or `format_args!` for indexed paths,
    /// so a valid scenario builds no path strings).
    fn push(&mut self, field: impl std::fmt::Display, message: String) {
        self.errors.push(FieldError {
            field: field.to_string(),
            message,
        });
    }

    /// A finite number in [min, max].
    fn range(&mut self, field: impl std::fmt::Display, value: f64, min: f64, max: f64, unit: &str) {
        self.between(field, value, min, max, unit, false);
    }

    /// A fraction the page shows as a percentage (fields whose unit is %):
    /// the message speaks percent, as the person typed it ("must be between
    /// 0 and 99 %; it is 150 %"), never the stored fraction.
    fn percent(
        &mut self,
        field: impl std::fmt::Display,
        value: f64,
        min: f64,
        max: f64,
        unit: &str,
    ) {
        self.between(field, value, min, max, unit, true);
    }

    /// [`Checker::range`] and [`Checker::percent`]: a finite number in
    /// [min, max], the message in the stored unit or in percent.
    fn between(
        &mut self,
        field: impl std::fmt::Display,
        value: f64,
        min: f64,
        max: f64,
        unit: &str,
        as_percent: bool,
    ) {
        if !value.is_finite() {
            self.push(field, "must be a number".into());
        } else if value < min || value > max {
            let (scale, mark) = if as_percent { (100.0, " %") } else { (1.0, "") };
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            self.push(
                field,
                format!(
                    "must be between {} and {}{mark}{unit}; it is {}{mark}",
                    shown(min * scale),
                    shown(max * scale),
                    shown(value * scale)
                ),
            );
        }
    }

    /// A finite number greater than zero and at most max.
    fn positive(&mut self, field: impl std::fmt::Display, value: f64, max: f64, unit: &str) {
        if !value.is_finite() {
            self.push(field, "must be a number".into());
        } else if value <= 0.0 {
            self.push(
                field,
                format!("must be more than 0 {unit}; it is {}", shown(value)),
            );
        } else if value > max {
            self.push(
                field,
                format!(
                    "must be at most {} {unit}; it is {}",
                    shown(max),
                    shown(value)
                ),
            );
        }
    }
}

/// Checks a scenario against itself and the known regions. Empty means valid.
pub fn validate(s: &Scenario, regions: &RegionTable) -> Vec<FieldError> {
    let mut c = Checker { errors: Vec::new() };
    if s.regions.len() < 2 {
        c.push(
            "regions",
            "add at least two regions: the planner compares single-region with multi-region tiers"
                .into(),
        );
    }
    if s.regions.len() > MAX_REGIONS {
        c.push(
            "regions",
            format!(
                "at most {MAX_REGIONS} regions; there are {}",
                s.regions.len()
            ),
        );
    }
    let mut share_sum = 0.0;
    for (i, r) in s.regions.iter().enumerate() {
        if regions.get(&r.region).is_none() {
            let known: Vec<&str> = regions
                .regions
                .iter()
                .map(|r| r.arm_region_name.as_str())
                .collect();
            c.push(
                format_args!("regions[{i}].region"),
                format!(
                    "“{}” is not a known region (known: {})",
                    r.region,
                    known.join(", ")
                ),
            );
        }
        if s.regions[..i].iter().any(|o| o.region == r.region) {
            c.push(
                format_args!("regions[{i}].region"),
                format!(
                    "{} is listed twice",
                    regions
                        .get(&r.region)
                        .map_or(r.region.as_str(), |known| known.display_name.as_str())
                ),
            );
        }
        c.percent(
            format_args!("regions[{i}].traffic_share"),
            r.traffic_share,
            0.0,
            1.0,
            "of users",
        );
        share_sum += r.traffic_share;
    }
    // The sum is only judged when every share is itself valid: a rejected
    // share (say −20 %) already has its own message and must not feed a
    // second one ("add up to 20.0 %") computed from it.
    let shares_valid = s
        .regions
        .iter()
        .all(|r| r.traffic_share.is_finite() && (0.0..=1.0).contains(&r.traffic_share));
    if shares_valid
        && share_sum.is_finite()
        && !s.regions.is_empty()
        && (share_sum - 1.0).abs() > 0.001
    {
        c.push(
            "regions",
            format!(
                "traffic shares add up to {:.1}%; they must add up to 100%",
                share_sum * 100.0
            ),
        );
    }

    let w = &s.workload;
    c.positive(
        "workload.peak_requests_per_s",
        w.peak_requests_per_s,
        10_000_000.0,
        "requests/s",
    );
    c.percent(
        "workload.average_to_peak_ratio",
        w.average_to_peak_ratio,
        0.01,
        1.0,
        "",
    );
    c.range(
        "workload.peak_hours_per_day",
        w.peak_hours_per_day,
        0.0,
        24.0,
        "h a day",
    );
    c.range("workload.response_kb", w.response_kb, 0.0, 100_000.0, "KB");
    c.percent(
        "workload.edge_cache_hit_ratio",
        w.edge_cache_hit_ratio,
        0.0,
        0.99,
        "",
    );
    c.range(
        "workload.point_reads_per_request",
        w.point_reads_per_request,
        0.0,
        1000.0,
        "",
    );
    c.range(
        "workload.writes_per_request",
        w.writes_per_request,
        0.0,
        1000.0,
        "",
    );
    c.range(
        "workload.queries_per_request",
        w.queries_per_request,
        0.0,
        1000.0,
        "",
    );
    c.range(
        "workload.ru_per_query",
        w.ru_per_query,
        1.0,
        100_000.0,
        "RU",
    );
    c.range(
        "workload.item_kb",
        w.item_kb,
        0.1,
        super::cosmos::MAX_ITEM_KB,
        "KB (Cosmos DB items are at most 2 MB)",
    );
    c.percent("workload.replace_ratio", w.replace_ratio, 0.0, 1.0, "");
    c.range("workload.stored_gb", w.stored_gb, 0.0, 10_000_000.0, "GB");

    let cp = &s.compute;
    if !cp.app_service.enabled && !cp.aks.enabled {
        c.push(
            "compute",
            "enable App Service, AKS or both: a stamp needs compute".into(),
        );
    }
    if cp.app_service.enabled {
        c.positive(
            "compute.app_service.requests_per_s_per_instance",
            cp.app_service.requests_per_s_per_instance,
            1_000_000.0,
            "requests/s",
        );
        if cp.app_service.min_instances < 2 {
            c.push(
                "compute.app_service.min_instances",
                "must be at least 2: App Service zone redundancy needs two instances".into(),
            );
        }
        if cp.app_service.min_instances > 30 {
            c.push(
                "compute.app_service.min_instances",
                "must be at most 30 (a Premium v3 plan's limit)".into(),
            );
        }
    }
    if cp.aks.enabled {
        c.positive(
            "compute.aks.requests_per_s_per_node",
            cp.aks.requests_per_s_per_node,
            1_000_000.0,
            "requests/s",
        );
        if cp.aks.min_nodes < 1 || cp.aks.min_nodes > 1000 {
            c.push(
                "compute.aks.min_nodes",
                format!("must be between 1 and 1000; it is {}", cp.aks.min_nodes),
            );
        }
        if cp.aks.app_gateway {
            // Application Gateway v2 autoscales up to 125 instances
            // (azure-subscription-service-limits, Application Gateway limits).
            if cp.aks.app_gateway_min_instances > 125 {
                c.push(
                    "compute.aks.app_gateway_min_instances",
                    format!(
                        "must be between 0 and 125 instances; it is {}",
                        cp.aks.app_gateway_min_instances
                    ),
                );
            }
            c.range(
                "compute.aks.app_gateway_connections_per_req_s",
                cp.aks.app_gateway_connections_per_req_s,
                0.0,
                10_000.0,
                "connections per req/s",
            );
        }
        if cp.aks.public_ips > 100 {
            c.push(
                "compute.aks.public_ips",
                format!(
                    "must be between 0 and 100 addresses per stamp; it is {}",
                    cp.aks.public_ips
                ),
            );
        }
    }
    // Keep instance counts in a range a person could mean (and u32 can count).
    let origin_rps = s.workload.peak_requests_per_s * (1.0 - s.workload.edge_cache_hit_ratio);
    for (on, field, per, what) in [
        (
            cp.app_service.enabled,
            "compute.app_service.requests_per_s_per_instance",
            cp.app_service.requests_per_s_per_instance,
            "instances",
        ),
        (
            cp.aks.enabled,
            "compute.aks.requests_per_s_per_node",
            cp.aks.requests_per_s_per_node,
            "nodes",
        ),
    ] {
        let needed = origin_rps / per;
        if on && per > 0.0 && needed.is_finite() && needed > MAX_INSTANCES_PER_STAMP {
            c.push(field, format!("{} req/s at this rate needs {needed:.0} {what} per stamp, more than {MAX_INSTANCES_PER_STAMP:.0}: check the requests per second one can serve", origin_rps.round()));
        }
    }
    c.percent(
        "compute.stamp_capacity_fraction",
        cp.stamp_capacity_fraction,
        0.05,
        1.0,
        "of global peak",
    );
    let max_share = s
        .regions
        .iter()
        .map(|r| r.traffic_share)
        .fold(0.0, f64::max);
    if cp.stamp_capacity_fraction.is_finite() && cp.stamp_capacity_fraction + 1e-9 < max_share {
        c.push(
            "compute.stamp_capacity_fraction",
            format!(
                "each stamp must carry at least its own region's share: {:.0}% is below the largest share, {:.0}%",
                cp.stamp_capacity_fraction * 100.0,
                max_share * 100.0
            ),
        );
    }
    if cp.warm_standby_instances > 1000 {
        c.push(
            "compute.warm_standby_instances",
            "must be at most 1000".into(),
        );
    }

    // Periodic retention: Microsoft allows up to 720 hours (30 days).
    let backup = &s.data.backup;
    c.range(
        "data.backup.retention_hours",
        backup.retention_hours,
        0.0,
        720.0,
        "hours",
    );
    c.positive(
        "data.backup.restore_hours",
        backup.restore_hours,
        8760.0,
        "hours",
    );

    let sql = &s.data.sql;
    if sql.enabled {
        if ![2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80, 128].contains(&sql.vcores) {
            c.push("data.sql.vcores", format!("{} is not a Gen5 vCore size (2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 32, 40, 80, 128)", sql.vcores));
        }
        c.range("data.sql.storage_gb", sql.storage_gb, 1.0, 4096.0, "GB");
        c.range(
            "data.sql.write_gb_per_month",
            sql.write_gb_per_month,
            0.0,
            1_000_000.0,
            "GB",
        );
    }

    c.range(
        "edge.dns_queries_millions_per_month",
        s.edge.dns_queries_millions_per_month,
        0.0,
        1_000_000.0,
        "million",
    );
    c.range(
        "platform.key_vault_operations_millions_per_month",
        s.platform.key_vault_operations_millions_per_month,
        0.0,
        100_000.0,
        "million",
    );
    c.range(
        "platform.log_analytics_gb_per_day",
        s.platform.log_analytics_gb_per_day,
        0.0,
        100_000.0,
        "GB/day",
    );
    c.range(
        "platform.log_analytics_gb_per_million_requests",
        s.platform.log_analytics_gb_per_million_requests,
        0.0,
        1_000.0,
        "GB per million requests",
    );
    c.range(
        "platform.log_analytics_free_gb_per_month",
        s.platform.log_analytics_free_gb_per_month,
        0.0,
        1_000.0,
        "GB/month",
    );
    // Interactive retention can be set up to two years (Azure Monitor).
    c.range(
        "platform.log_analytics_retention_days",
        s.platform.log_analytics_retention_days,
        4.0,
        730.0,
        "days",
    );
    // Standard availability tests: up to 100 per Application Insights
    // resource, run from up to 16 locations every 5, 10 or 15 minutes
    // (learn.microsoft.com/azure/azure-monitor/app/availability).
    let pl = &s.platform;
    if pl.availability_tests > 100 {
        c.push(
            "platform.availability_tests",
            format!(
                "must be between 0 and 100 tests; it is {}",
                pl.availability_tests
            ),
        );
    }
    if pl.availability_tests > 0 {
        if pl.availability_test_locations < 1 || pl.availability_test_locations > 16 {
            c.push(
                "platform.availability_test_locations",
                format!(
                    "must be between 1 and 16 locations; it is {}",
                    pl.availability_test_locations
                ),
            );
        }
        c.range(
            "platform.availability_test_interval_min",
            pl.availability_test_interval_min,
            5.0,
            15.0,
            "minutes (Azure offers 5, 10 or 15)",
        );
    }

    let r = &s.resilience;
    c.positive(
        "resilience.probe_interval_s",
        r.probe_interval_s,
        255.0,
        "s (Front Door allows 1–255)",
    );
    if r.failed_samples_to_flip < 1 || r.failed_samples_to_flip > 10 {
        c.push(
            "resilience.failed_samples_to_flip",
            format!(
                "must be between 1 and 10; it is {}",
                r.failed_samples_to_flip
            ),
        );
    }
    for (field, value, max) in [
        ("resilience.drain_s", r.drain_s, 3600.0),
        ("resilience.dns_ttl_s", r.dns_ttl_s, 86_400.0),
        (
            "resilience.service_managed_failover_s",
            r.service_managed_failover_s,
            86_400.0,
        ),
        (
            "resilience.human_promotion_s",
            r.human_promotion_s,
            604_800.0,
        ),
        (
            "resilience.standby_scale_out_s",
            r.standby_scale_out_s,
            86_400.0,
        ),
        (
            "resilience.autoscale_reaction_s",
            r.autoscale_reaction_s,
            86_400.0,
        ),
        (
            "resilience.async_replication_lag_s",
            r.async_replication_lag_s,
            86_400.0,
        ),
        (
            "resilience.multi_write_replication_lag_s",
            r.multi_write_replication_lag_s,
            86_400.0,
        ),
        (
            "resilience.sql_replication_lag_s",
            r.sql_replication_lag_s,
            86_400.0,
        ),
        (
            "resilience.backup_interval_min",
            r.backup_interval_min,
            10_080.0,
        ),
        ("resilience.base_latency_ms", r.base_latency_ms, 10_000.0),
    ] {
        c.range(field, value, 0.0, max, "");
    }
    c.positive("resilience.rebuild_hours", r.rebuild_hours, 8760.0, "hours");
    c.positive(
        "resilience.fibre_km_per_ms",
        r.fibre_km_per_ms,
        300.0,
        "km/ms (light in vacuum is 300)",
    );
    c.range("resilience.route_factor", r.route_factor, 1.0, 10.0, "");
    let sl = &r.slas;
    for (field, value) in [
        ("resilience.slas.front_door_pct", sl.front_door_pct),
        (
            "resilience.slas.traffic_manager_pct",
            sl.traffic_manager_pct,
        ),
        ("resilience.slas.app_service_pct", sl.app_service_pct),
        ("resilience.slas.aks_pct", sl.aks_pct),
        ("resilience.slas.app_gateway_pct", sl.app_gateway_pct),
        ("resilience.slas.redis_pct", sl.redis_pct),
        ("resilience.slas.key_vault_pct", sl.key_vault_pct),
        (
            "resilience.slas.app_configuration_pct",
            sl.app_configuration_pct,
        ),
        (
            "resilience.slas.cosmos_single_region_pct",
            sl.cosmos_single_region_pct,
        ),
        (
            "resilience.slas.cosmos_single_region_zonal_pct",
            sl.cosmos_single_region_zonal_pct,
        ),
        (
            "resilience.slas.cosmos_multi_region_pct",
            sl.cosmos_multi_region_pct,
        ),
        ("resilience.slas.sql_pct", sl.sql_pct),
        (
            "resilience.slas.sql_zone_redundant_pct",
            sl.sql_zone_redundant_pct,
        ),
    ] {
        c.range(field, value, 50.0, 100.0, "%");
    }
    for (i, m) in r.measured_rtts.iter().enumerate() {
        if regions.get(&m.from).is_none() {
            c.push(
                format_args!("resilience.measured_rtts[{i}].from"),
                format!("“{}” is not a known region", m.from),
            );
        }
        if regions.get(&m.to).is_none() {
            c.push(
                format_args!("resilience.measured_rtts[{i}].to"),
                format!("“{}” is not a known region", m.to),
            );
        }
        c.range(
            format_args!("resilience.measured_rtts[{i}].rtt_ms"),
            m.rtt_ms,
            0.0,
            10_000.0,
            "ms",
        );
    }

    c.range(
        "risk.zonal_outages_per_year",
        s.risk.zonal_outages_per_year,
        0.0,
        50.0,
        "per year",
    );
    c.range(
        "resilience.rollback_s",
        s.resilience.rollback_s,
        0.0,
        604_800.0,
        "s",
    );
    c.positive(
        "resilience.drill_max_age_days",
        s.resilience.drill_max_age_days,
        36_500.0,
        "days",
    );
    for (i, d) in s.resilience.drills.iter().enumerate() {
        c.range(
            format_args!("resilience.drills[{i}].value_s"),
            d.value_s,
            0.0,
            31_536_000.0,
            "s",
        );
        if super::drills::days_from_civil(&d.date).is_none() {
            c.push(
                format_args!("resilience.drills[{i}].date"),
                format!("“{}” is not a date: write it as YYYY-MM-DD", d.date),
            );
        }
    }
    let k = &s.risk;
    c.range(
        "risk.regional_outages_per_year",
        k.regional_outages_per_year,
        0.0,
        50.0,
        "per year",
    );
    c.positive(
        "risk.typical_outage_hours",
        k.typical_outage_hours,
        8760.0,
        "hours",
    );
    c.range("risk.lognormal_sigma", k.lognormal_sigma, 0.05, 3.0, "");
    c.range(
        "risk.downtime_cost_per_hour",
        k.downtime_cost_per_hour,
        0.0,
        1e12,
        "",
    );
    c.range(
        "risk.customer_sla_pct",
        k.customer_sla_pct,
        50.0,
        100.0,
        "%",
    );
    c.range(
        "risk.sla_covered_monthly_revenue",
        k.sla_covered_monthly_revenue,
        0.0,
        1e12,
        "",
    );
    for (i, step) in k.credit_schedule.iter().enumerate() {
        c.range(
            format_args!("risk.credit_schedule[{i}].below_pct"),
            step.below_pct,
            0.0,
            100.0,
            "%",
        );
        c.range(
            format_args!("risk.credit_schedule[{i}].credit_pct"),
            step.credit_pct,
            0.0,
            100.0,
            "%",
        );
    }
    if k.simulated_years < 100 || k.simulated_years > 1_000_000 {
        c.push(
            "risk.simulated_years",
            format!(
                "must be between 100 and 1,000,000; it is {}",
                k.simulated_years
            ),
        );
    }

    let t = &s.targets;
    c.positive("targets.rto_s", t.rto_s, 1e9, "s");
    c.range("targets.rpo_s", t.rpo_s, 0.0, 1e9, "s");
    c.range(
        "targets.availability_pct",
        t.availability_pct,
        50.0,
        100.0,
        "%",
    );
    c.positive("targets.latency_p95_ms", t.latency_p95_ms, 100_000.0, "ms");
    c.range("targets.monthly_budget", t.monthly_budget, 0.0, 1e12, "");

    c.range(
        "commercial.discount_pct",
        s.commercial.discount_pct,
        0.0,
        99.0,
        "%",
    );
    c.range(
        "commercial.hours_per_month",
        s.commercial.hours_per_month,
        672.0,
        744.0,
        "hours (28 to 31 days)",
    );

    // The tornado's swing for quantities (issue 18): a share of each value.
    c.range("ranges.swing_pct", s.ranges.swing_pct, 1.0, 95.0, "%");

    if let Some(conv) = &s.commercial.conversion {
        let code_ok =
            conv.currency.len() == 3 && conv.currency.chars().all(|c| c.is_ascii_uppercase());
        if !code_ok {
            c.push(
                "commercial.conversion.currency",
                format!(
                    "“{}” is not a three-letter currency code such as EUR",
                    conv.currency
                ),
            );
        }
        let per = format!("{} per unit of the price sheet's currency", conv.currency);
        c.positive("commercial.conversion.rate", conv.rate, 1_000_000.0, &per);
        if !is_iso_date(&conv.as_of) {
            c.push(
                "commercial.conversion.as_of",
                if conv.as_of.trim().is_empty() {
                    "say on which day the exchange rate was taken (YYYY-MM-DD): it is shown with every converted figure".into()
                } else {
                    format!("“{}” is not a date written YYYY-MM-DD", conv.as_of)
                },
            );
        }
    }

    // `data.failover_policy` needs no check here: it is a closed choice, and a
    // value the planner does not know is refused when the scenario is read
    // (the message names the value and the ones allowed). Both policies are
    // valid with every tier and throughput mode; the shortfall's duration
    // rests on `resilience.human_promotion_s` and `risk.typical_outage_hours`,
    // checked above.

    // Strong consistency is not an input error: only the multi-write tier is
    // impossible with it, and that tier says so itself (see `tiers`).
    c.errors
}

/// A calendar date written `YYYY-MM-DD` (years 1900 to 2999, days that
/// exist in their month, leap years counted): the written form is checked
/// here, the calendar by [`super::drills::days_from_civil`].
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && text[..4]
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2999).contains(&y))
        && super::drills::days_from_civil(text).is_some()
}

#[cfg(test)]
mod message_tests {
    use super::shown;

    #[test]
    fn numbers_in_messages_read_as_people_write_them() {
        assert_eq!(shown(10_000_000.0), "10,000,000");
        assert_eq!(shown(1e20), "1e20");
        assert_eq!(shown(0.99 * 100.0), "99");
        assert_eq!(shown(150.0), "150");
        assert_eq!(shown(-5.0), "-5");
        assert_eq!(shown(0.3), "0.3");
        assert_eq!(shown(1.0 / 3.0), "0.333333");
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod share_tests {
    use super::validate;
    use crate::engine::presets;

    #[test]
    fn a_rejected_share_does_not_feed_the_sum_message() {
        let regions = presets::default_regions().expect("the shipped region table");
        let mut s = presets::preset("northwind").expect("the preset");
        s.regions[0].traffic_share = -0.2;
        let errors = validate(&s, &regions);
        assert!(errors.iter().any(|e| e.field == "regions[0].traffic_share"));
        assert!(
            !errors.iter().any(|e| e.field == "regions"),
            "no sum message built from a rejected share: {errors:?}"
        );
        // With valid shares the sum is still judged.
        s.regions[0].traffic_share = 0.5;
        assert!(validate(&s, &regions)
            .iter()
            .any(|e| e.field == "regions" && e.message.contains("90.0%")));
    }
}
