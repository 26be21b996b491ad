//! Drills (issue 17 §3): "the architecture you have rehearsed beats the
//! architecture you have merely drawn" (the reference architecture). A drill result recorded
//! for a tier and a failure mode replaces the modelled expected RTO or RPO,
//! labelled measured with its date; once older than the scenario's chosen
//! age it is flagged stale. The engine stays pure: "today" is passed in by
//! the caller ([`flag_stale`]), never read from a clock here.
//!
//! Region-loss drills replace the tier's expected recovery figures in
//! [`super::resilience`], so the targets, the risk model and the Monte
//! Carlo (which draws from each tier's expected RTO) use the measured
//! value; the other modes' drills replace their failure-mode row's figures.

use super::failure_modes::{FailureMode, Measured};
use super::plan::Plan;
use super::scenario::{Drill, DrillMeasure, Scenario};
use super::tiers::TierId;

/// Drills older than this many days are flagged, unless the scenario says
/// otherwise (`resilience.drill_max_age_days`).
pub const DEFAULT_MAX_AGE_DAYS: f64 = 90.0;

/// Days from 1970-01-01 of a `YYYY-MM-DD` date (Howard Hinnant's
/// days-from-civil algorithm), `None` if it is not a real date.
pub fn days_from_civil(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 || !(1000..=9999).contains(&y) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d > days_in_month {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// "14 Oct 2026" for `2026-10-14` (the date as given when it does not parse).
pub fn display_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = date.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return date.to_string();
    };
    match (m.parse::<usize>(), d.parse::<u32>(), days_from_civil(date)) {
        (Ok(m), Ok(d), Some(_)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => date.to_string(),
    }
}

/// The newest usable drill of a tier, mode and measure (a real date and a
/// finite, non-negative value).
pub fn latest(
    s: &Scenario,
    tier: TierId,
    mode: FailureMode,
    measure: DrillMeasure,
) -> Option<&Drill> {
    s.resilience
        .drills
        .iter()
        .filter(|d| d.tier == tier && d.mode == mode && d.measure == measure)
        .filter(|d| d.value_s.is_finite() && d.value_s >= 0.0)
        .filter_map(|d| days_from_civil(&d.date).map(|day| (day, d)))
        .max_by_key(|(day, _)| *day)
        .map(|(_, d)| d)
}

/// The drill as a measured figure (its age is filled by [`flag_stale`]).
pub fn measured(d: &Drill) -> Measured {
    Measured {
        value_s: d.value_s,
        date: d.date.clone(),
        note: d.note.clone(),
        age_days: None,
        stale: false,
    }
}

/// Age of a drill on `today` (`YYYY-MM-DD`), days.
pub fn age_days(date: &str, today: &str) -> Option<i64> {
    Some(days_from_civil(today)? - days_from_civil(date)?)
}

fn flag(m: &mut Option<Measured>, today: &str, max_age_days: f64) {
    if let Some(m) = m {
        m.age_days = age_days(&m.date, today).map(|a| a as f64);
        m.stale = m.age_days.is_some_and(|a| a > max_age_days);
    }
}

/// Fills every measured figure's age on `today` and flags those older than
/// `max_age_days`.
pub fn flag_stale(plan: &mut Plan, today: &str, max_age_days: f64) {
    for t in &mut plan.tiers {
        flag(&mut t.resilience.rto_measured, today, max_age_days);
        flag(&mut t.resilience.rpo_measured, today, max_age_days);
        for r in &mut t.failure_modes {
            flag(&mut r.rto_measured, today, max_age_days);
            flag(&mut r.rpo_measured, today, max_age_days);
        }
    }
}

/// Every measured figure of a plan, for the Monte Carlo and reports: (tier,
/// mode, measure, value, date).
pub fn measured_values(plan: &Plan) -> Vec<(TierId, FailureMode, DrillMeasure, f64, String)> {
    let mut out = Vec::new();
    for t in &plan.tiers {
        for r in &t.failure_modes {
            if let Some(m) = &r.rto_measured {
                out.push((
                    t.cost.tier,
                    r.mode,
                    DrillMeasure::Rto,
                    m.value_s,
                    m.date.clone(),
                ));
            }
            if let Some(m) = &r.rpo_measured {
                out.push((
                    t.cost.tier,
                    r.mode,
                    DrillMeasure::Rpo,
                    m.value_s,
                    m.date.clone(),
                ));
            }
        }
    }
    out
}
