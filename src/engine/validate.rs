//! Scenario validation: every field a person can type is checked here (each
//! input's own range from the registry in [`super::inputs`]), and each
//! problem comes back as a [`FieldError`] naming the field (by its
//! JSON path) and saying why in words. The UI shows the message next to the
//! field; the `plan` command prints it and exits 2.

use serde::Serialize;

use super::inputs;
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

impl Checker {
    /// `field` is any text (a `&str`, or `format_args!` for indexed paths,
    /// so a valid scenario builds no path strings).
    fn push(&mut self, field: impl std::fmt::Display, message: String) {
        self.errors.push(FieldError {
            field: field.to_string(),
            message,
        });
    }
}

/// Checks a scenario against itself and the known regions. Empty means valid.
///
/// Each input's own range comes from the registry ([`inputs`]), said in the
/// unit the page shows; the rules written here join several fields or look
/// outside the scenario (regions, dates, currency codes).
pub fn validate(s: &Scenario, regions: &RegionTable) -> Vec<FieldError> {
    let mut c = Checker { errors: Vec::new() };
    for input in inputs::all() {
        if let Some(message) = inputs::input_problem(input, s) {
            c.push(input.path, message);
        }
    }
    for list in inputs::lists() {
        for i in 0..(list.count)(s) {
            let Some(value) = (list.get)(s, i) else {
                continue;
            };
            if let Some(message) =
                inputs::problem(value, list.scale, list.bounds, list.unit, list.note)
            {
                c.push(format_args!("{}[{i}].{}", list.list, list.field), message);
            }
        }
    }
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
                        .map_or(r.region.as_str(), |known| &*known.display_name)
                ),
            );
        }
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

    let cp = &s.compute;
    if !cp.app_service.enabled && !cp.aks.enabled {
        c.push(
            "compute",
            "enable App Service, AKS or both: a stamp needs compute".into(),
        );
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

    for (i, m) in s.resilience.measured_rtts.iter().enumerate() {
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
    }
    for (i, d) in s.resilience.drills.iter().enumerate() {
        if super::drills::days_from_civil(&d.date).is_none() {
            c.push(
                format_args!("resilience.drills[{i}].date"),
                format!("“{}” is not a date: write it as YYYY-MM-DD", d.date),
            );
        }
    }

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
        // The unit names the chosen currency, so this range is written here.
        let per = format!("{} per unit of the price sheet's currency", conv.currency);
        if let Some(message) = inputs::problem(
            conv.rate,
            1.0,
            inputs::Bounds::Positive(1_000_000.0),
            &per,
            "",
        ) {
            c.push("commercial.conversion.rate", message);
        }
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
    // checked by their ranges.

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
