//! The daily load shape and what autoscaled compute bills over it.
//!
//! Azure bills compute by the instance actually running: "the App Service
//! plan defines the number of VM instances the apps are scaled to, so each VM
//! instance in the App Service plan is charged"
//! (learn.microsoft.com/azure/app-service/overview-hosting-plans), and AKS
//! nodes are virtual machines, billed while they run. Autoscale
//! (App Service autoscale rules, the AKS cluster autoscaler) adds and removes
//! instances with the load, never below the configured minimum. The planner
//! walks one day in hours: the day has `peak_hours_per_day` hours at peak
//! and the rest at the trough, and each hour a pool runs the instances that
//! hour's load needs.
//!
//! A reservation (or a savings plan) is matched hour by hour: "A reservation
//! discount is “use-it-or-lose-it”. If you don't have matching resources for
//! any hour, then you lose a reservation quantity for that hour"
//! (learn.microsoft.com/azure/cost-management-billing/reservations/reservation-discount-application).
//! So the planner reserves the floor, the instances that run every hour of
//! the month, and bills the rest pay-as-you-go, as the reference architecture recommends
//! ("apply reservations / savings plans to the steady-state compute and
//! Cosmos floor").

use serde::Serialize;

use super::scenario::{ComputeScaling, Workload};

/// Hours in a day.
pub const HOURS_PER_DAY: f64 = 24.0;

/// A day's load: `peak_hours` hours at peak, the other `24 − peak_hours` at
/// `trough_fraction` of peak. Its average is the workload's average-to-peak
/// ratio.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LoadShape {
    /// Hours a day at peak (after limiting to what the average allows).
    pub peak_hours: f64,
    /// The other hours' load as a fraction of peak (0–1).
    pub trough_fraction: f64,
    /// The hours a day the user asked for, when more than the average-to-peak
    /// ratio allows (`24 × ratio`): the shape then has no trough load at all.
    pub peak_hours_limited_from: Option<f64>,
}

impl LoadShape {
    /// The shape's average as a fraction of peak:
    /// `(h + (24 − h) × t) ÷ 24`.
    pub fn average(&self) -> f64 {
        (self.peak_hours + (HOURS_PER_DAY - self.peak_hours) * self.trough_fraction) / HOURS_PER_DAY
    }

    /// Hours a day at the trough.
    pub fn trough_hours(&self) -> f64 {
        HOURS_PER_DAY - self.peak_hours
    }
}

/// The day's load shape of a workload: `h = min(peak hours a day, 24 × r)`
/// and the trough `t = (24 × r − h) ÷ (24 − h)`, so that the day's average is
/// the average-to-peak ratio `r` the monthly volumes use (t = 1 when r = 1).
pub fn load_shape(w: &Workload) -> LoadShape {
    let r = w.average_to_peak_ratio.clamp(0.0, 1.0);
    let asked = w.peak_hours_per_day.clamp(0.0, HOURS_PER_DAY);
    let allowed = HOURS_PER_DAY * r;
    let h = asked.min(allowed);
    let trough = if HOURS_PER_DAY - h <= 1e-9 {
        1.0
    } else {
        ((allowed - h) / (HOURS_PER_DAY - h)).clamp(0.0, 1.0)
    };
    LoadShape {
        peak_hours: h,
        trough_fraction: trough,
        peak_hours_limited_from: (asked > allowed + 1e-9).then_some(asked),
    }
}

/// Instances to carry `fraction` of origin peak:
/// `max(minimum, ⌈fraction × rps ÷ rps per instance⌉)`.
pub fn instances_for(fraction: f64, origin_rps: f64, per_instance: f64, minimum: u32) -> u32 {
    let need = (fraction * origin_rps / per_instance - 1e-9)
        .ceil()
        .max(0.0);
    if !need.is_finite() {
        return minimum;
    }
    (need as u32).max(minimum)
}

/// A stretch of the month in which a stamp carries more than its sunny-day
/// share because another region is lost.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Episode {
    /// Expected hours a month: losses of that region a year × typical outage
    /// hours ÷ 12.
    pub hours_per_month: f64,
    /// The capacity the stamp needs meanwhile, fraction of global origin peak.
    pub capacity_fraction: f64,
}

/// One compute pool of one stamp as billed over a month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct PoolBill {
    /// Instances at peak on a sunny day (what must fit); with fixed
    /// provisioning, what runs every hour.
    pub peak: u32,
    /// Instances at the trough: the floor that runs every hour of the month
    /// (what a reservation covers).
    pub floor: u32,
    /// Instance-hours billed in the month, failover included.
    pub instance_hours: f64,
    /// Of those, the extra instance-hours of expected failovers.
    pub failover_instance_hours: f64,
}

impl PoolBill {
    /// Average instances billed over the month: instance-hours ÷ hours.
    pub fn average(&self, hours_per_month: f64) -> f64 {
        if hours_per_month > 0.0 {
            self.instance_hours / hours_per_month
        } else {
            0.0
        }
    }
}

/// What one pool of one stamp bills in a month.
///
/// * Autoscale: each hour at load level `L` (1 at peak, the trough fraction
///   otherwise) runs `max(min, ⌈L × C × rps ÷ per instance⌉)` instances, `C`
///   the stamp's sunny-day capacity (fraction of global origin peak); so
///   `instance-hours = hours ÷ 24 × (h × n(1) + (24 − h) × n(t))`. During
///   each failover episode (expected hours a month) the stamp runs at the
///   episode's capacity instead, `n'(L) = max(min, ⌈L × C' × rps ÷ per⌉)`,
///   adding `hours_f × (h × (n'(1) − n(1)) + (24 − h) × (n'(t) − n(t))) ÷ 24`.
/// * Fixed: every hour runs the peak count for the largest capacity it must
///   carry (sunny or any failover), `n = max(min, ⌈max(C, C') × rps ÷ per⌉)`:
///   `instance-hours = n × hours`.
///
/// Autoscale never bills fewer than `min × hours` nor more than fixed
/// provisioning (each hour's count is at most the fixed count).
#[allow(clippy::too_many_arguments)]
pub fn bill_pool(
    scaling: ComputeScaling,
    shape: &LoadShape,
    hours_per_month: f64,
    sunny_fraction: f64,
    episodes: &[Episode],
    origin_rps: f64,
    per_instance: f64,
    minimum: u32,
) -> PoolBill {
    let n = |level: f64, c: f64| instances_for(level * c, origin_rps, per_instance, minimum);
    match scaling {
        ComputeScaling::Fixed => {
            let c = episodes
                .iter()
                .map(|e| e.capacity_fraction)
                .fold(sunny_fraction, f64::max);
            let peak = n(1.0, c);
            PoolBill {
                peak,
                floor: peak,
                instance_hours: f64::from(peak) * hours_per_month,
                failover_instance_hours: 0.0,
            }
        }
        ComputeScaling::Autoscale => {
            let (h, trough_h, t) = (
                shape.peak_hours,
                shape.trough_hours(),
                shape.trough_fraction,
            );
            let peak = n(1.0, sunny_fraction);
            let floor = if trough_h > 0.0 {
                n(t, sunny_fraction)
            } else {
                peak
            };
            let day = h * f64::from(peak) + trough_h * f64::from(floor);
            let mut extra = 0.0;
            let mut failover_hours = 0.0;
            for e in episodes {
                if e.capacity_fraction <= sunny_fraction || e.hours_per_month <= 0.0 {
                    continue;
                }
                // Failover hours never exceed the month.
                let hf = e
                    .hours_per_month
                    .min(hours_per_month - failover_hours)
                    .max(0.0);
                failover_hours += hf;
                let fpeak = n(1.0, e.capacity_fraction);
                let ftrough = if trough_h > 0.0 {
                    n(t, e.capacity_fraction)
                } else {
                    fpeak
                };
                let fday = h * f64::from(fpeak) + trough_h * f64::from(ftrough);
                extra += hf * (fday - day) / HOURS_PER_DAY;
            }
            PoolBill {
                peak,
                floor,
                instance_hours: hours_per_month * day / HOURS_PER_DAY + extra,
                failover_instance_hours: extra,
            }
        }
    }
}

/// The compute figures of a tier in words, for the working panel: the
/// compute multiple (capacity at peak), the load shape, instances at peak
/// against instances billed on average, and where the rules come from.
pub fn working_text(s: &super::scenario::Scenario, cost: &super::tiers::TierCost) -> String {
    use super::format;
    let shape = load_shape(&s.workload);
    let hours = s.commercial.hours_per_month;
    let stamps = cost
        .stamps
        .iter()
        .map(|st| {
            format!(
                "{} at {}% of peak",
                st.region,
                format::number(st.capacity_fraction * 100.0, 0)
            )
        })
        .collect::<Vec<_>>()
        .join(" + ");
    let limited = shape
        .peak_hours_limited_from
        .map(|asked| {
            format!(
                " ({} h asked; an average of {} allows at most {} h at peak)",
                format::number(asked, 1),
                format::percent(s.workload.average_to_peak_ratio, 0),
                format::number(shape.peak_hours, 1)
            )
        })
        .unwrap_or_default();
    let pools = cost
        .stamps
        .iter()
        .flat_map(|st| {
            [
                ("App Service instances", st.app_service_bill),
                ("AKS nodes", st.aks_bill),
            ]
            .into_iter()
            .filter(|(_, b)| b.peak > 0)
            .map(move |(what, b)| {
                format!(
                    "{} {what}: {} at peak, {} floor, {} billed on average",
                    st.region,
                    b.peak,
                    b.floor,
                    format::number(b.average(hours), 2)
                )
            })
        })
        .collect::<Vec<_>>()
        .join("; ");
    let how = match s.compute.scaling {
        ComputeScaling::Autoscale => format!(
            "Autoscale: each hour runs the instances that hour's load needs, never below the pool's minimum; while a region is lost ({} h a month: {} outages a year × {} h ÷ 12) a survivor runs the instances for the lost region's users too.",
            format::number(super::tiers::outage_hours_per_month(s), 2),
            format::quantity(s.risk.regional_outages_per_year),
            format::quantity(s.risk.typical_outage_hours)
        ),
        ComputeScaling::Fixed => "Fixed: every stamp runs, every hour, the instances it needs at peak with the failover headroom included.".to_string(),
    };
    let reserved = if s.commercial.reservation == super::pricing::ReservationTerm::None {
        String::new()
    } else {
        format!(
            " The {} reservation covers the floor (instances running every hour); the rest is billed pay-as-you-go, because a reservation is “use-it-or-lose-it” hour by hour (learn.microsoft.com/azure/cost-management-billing/reservations/reservation-discount-application).",
            s.commercial.reservation.as_str()
        )
    };
    format!(
        "Compute multiple {}× (capacity provisioned at peak over the single-region baseline): {stamps}. Load shape: {} h a day at peak and {} h at {} of peak{limited}, an average of {}. Instances at peak (what must fit): {}; billed on average (what is paid): {}. {how} {pools}.{reserved} Billing per running instance: “each VM instance in the App Service plan is charged” (learn.microsoft.com/azure/app-service/overview-hosting-plans).",
        format::number(cost.compute_multiple, 2),
        format::number(shape.peak_hours, 1),
        format::number(shape.trough_hours(), 1),
        format::percent(shape.trough_fraction, 0),
        format::percent(shape.average(), 0),
        cost.compute_instances,
        format::number(cost.compute_instances_billed_avg, 2),
    )
}

/// Cosmos DB autoscale throughput of one region as billed over the month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct RuBill {
    /// The lowest hourly bill: `max(10% × Tmax, trough × steady need)`, RU/s
    /// (the floor a reservation covers).
    pub floor_ru_per_s: f64,
    /// The peak hour's bill on a sunny day: `max(10% × Tmax, min(Tmax,
    /// steady need))`, RU/s.
    pub peak_ru_per_s: f64,
    /// Average RU/s billed over the month, failovers included.
    pub average_ru_per_s: f64,
    /// Of the month's RU/s-hours, those added by expected failovers.
    pub failover_ru_s_hours: f64,
}

/// Cosmos DB autoscale over the day's load shape. Microsoft's autoscale FAQ
/// (learn.microsoft.com/azure/cosmos-db/autoscale-faq; read in its
/// docs.azure.cn copy, translated here): each hour is billed for the highest
/// throughput T the system scaled to within the hour; an hour with no
/// requests, or that did not scale beyond 0.1 × Tmax, is billed the minimum
/// 0.1 × Tmax; and autoscale "scales workloads based on the most active
/// region and partition" (docs.azure.cn/en-us/cosmos-db/autoscale-faq), so
/// every region is billed the busiest region's level.
///
/// Each hour at load level `L` bills `max(0.1 × Tmax, min(Tmax, L × need))`;
/// a day bills `h × that(S) + (24 − h) × that(t × S)` for the steady need
/// `S`. While a region is lost (`failover_hours` a month) the busiest
/// survivor needs `F` instead, adding `failover_hours × (day(F) − day(S)) ÷
/// 24` (F taken at the worst loss of one region: an upper bound).
pub fn bill_autoscale_ru(
    shape: &LoadShape,
    hours_per_month: f64,
    tmax_ru_per_s: f64,
    steady_ru_per_s: f64,
    after_failover_ru_per_s: f64,
    failover_hours_per_month: f64,
) -> RuBill {
    let floor_fraction = super::cosmos::AUTOSCALE_FLOOR_FRACTION;
    let at = |need: f64| need.min(tmax_ru_per_s).max(floor_fraction * tmax_ru_per_s);
    let (h, trough_h, t) = (
        shape.peak_hours,
        shape.trough_hours(),
        shape.trough_fraction,
    );
    let day = |need: f64| h * at(need) + trough_h * at(t * need);
    let floor = if trough_h > 0.0 {
        at(t * steady_ru_per_s)
    } else {
        at(steady_ru_per_s)
    };
    let base = hours_per_month * day(steady_ru_per_s) / HOURS_PER_DAY;
    let hf = failover_hours_per_month.clamp(0.0, hours_per_month);
    let extra = if after_failover_ru_per_s > steady_ru_per_s {
        hf * (day(after_failover_ru_per_s) - day(steady_ru_per_s)) / HOURS_PER_DAY
    } else {
        0.0
    };
    RuBill {
        floor_ru_per_s: floor,
        peak_ru_per_s: at(steady_ru_per_s),
        average_ru_per_s: if hours_per_month > 0.0 {
            (base + extra) / hours_per_month
        } else {
            0.0
        },
        failover_ru_s_hours: extra,
    }
}
