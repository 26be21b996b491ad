//! What outages cost: expected downtime and SLA credits in closed form, the
//! break-even cost of downtime between tiers, and a seeded Monte Carlo over
//! simulated years for the tail.
//!
//! The outage model: each region in the scenario loses service as a whole
//! `λ` times a year (Poisson), for a duration `D` drawn from the chosen
//! distribution. A tier turns the loss of region `i` into downtime
//! `f_i × min(D, R_i)`: `f_i` is the fraction of users affected and `R_i`
//! the tier's recovery time for that loss (a survivor takes over after
//! `R_i`; if the region is back sooner, the outage ends with it).

use serde::Serialize;

use super::scenario::{DurationDistribution, Scenario};
use super::tiers::TierId;

/// How a tier experiences the loss of one region.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LossImpact {
    /// Index of the region in the scenario.
    pub region: usize,
    /// Fraction of users who lose service (0–1).
    pub affected: f64,
    /// Recovery time, hours.
    pub recovery_h: f64,
}

/// Which region losses hurt a tier, and how much.
///
/// * `single_region`: losing the only region stops everyone until rebuilt.
/// * `active_passive`: losing the primary stops everyone until the standby
///   has taken over (RTO); losing the standby costs nothing.
/// * `active_active_reads`: losing the write region stops writes for everyone
///   until failover (counted as everyone down for the write RTO); losing
///   another region stops its own users until Front Door drains it.
/// * `multi_write`: losing any region stops its own users until drained.
pub fn loss_impacts(tier: TierId, s: &Scenario, rto_reads_s: f64, rto_s: f64) -> Vec<LossImpact> {
    let full = rto_s / 3600.0;
    let reads = rto_reads_s / 3600.0;
    match tier {
        TierId::SingleRegion | TierId::ActivePassive => vec![LossImpact {
            region: 0,
            affected: 1.0,
            recovery_h: full,
        }],
        TierId::ActiveActiveReads => s
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| {
                if i == 0 {
                    LossImpact {
                        region: 0,
                        affected: 1.0,
                        recovery_h: full,
                    }
                } else {
                    LossImpact {
                        region: i,
                        affected: r.traffic_share,
                        recovery_h: reads,
                    }
                }
            })
            .collect(),
        TierId::MultiWrite => s
            .regions
            .iter()
            .enumerate()
            .map(|(i, r)| LossImpact {
                region: i,
                affected: r.traffic_share,
                recovery_h: full,
            })
            .collect(),
    }
}

/// Standard normal cumulative distribution, via the complementary error
/// function (Abramowitz & Stegun 7.1.26, absolute error < 1.5e-7).
pub fn normal_cdf(x: f64) -> f64 {
    let z = x / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z.abs());
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erfc_abs = poly * (-z * z).exp();
    if z >= 0.0 {
        1.0 - 0.5 * erfc_abs
    } else {
        0.5 * erfc_abs
    }
}

/// The outage-duration distribution in hours.
#[derive(Clone, Copy, Debug)]
pub struct Durations {
    pub kind: DurationDistribution,
    /// Typical duration: the value (fixed), the mean (exponential) or the median (log-normal).
    pub typical_h: f64,
    pub sigma: f64,
}

impl Durations {
    pub fn from(s: &Scenario) -> Self {
        Self {
            kind: s.risk.duration_distribution,
            typical_h: s.risk.typical_outage_hours,
            sigma: s.risk.lognormal_sigma,
        }
    }

    /// `P(D > x)`.
    pub fn survival(&self, x: f64) -> f64 {
        if x <= 0.0 {
            return 1.0;
        }
        match self.kind {
            DurationDistribution::Fixed => {
                if self.typical_h > x {
                    1.0
                } else {
                    0.0
                }
            }
            DurationDistribution::Exponential => (-x / self.typical_h).exp(),
            DurationDistribution::LogNormal => {
                1.0 - normal_cdf((x.ln() - self.typical_h.ln()) / self.sigma)
            }
        }
    }

    /// `E[min(D, r)]`: fixed `min(d, r)`; exponential `m(1 − e^(−r/m))`;
    /// log-normal `e^(μ+σ²/2) Φ((ln r − μ − σ²)/σ) + r (1 − Φ((ln r − μ)/σ))`.
    pub fn mean_capped(&self, r: f64) -> f64 {
        if r <= 0.0 {
            return 0.0;
        }
        match self.kind {
            DurationDistribution::Fixed => self.typical_h.min(r),
            DurationDistribution::Exponential => {
                self.typical_h * (1.0 - (-r / self.typical_h).exp())
            }
            DurationDistribution::LogNormal => {
                let mu = self.typical_h.ln();
                let s2 = self.sigma * self.sigma;
                (mu + s2 / 2.0).exp() * normal_cdf((r.ln() - mu - s2) / self.sigma)
                    + r * (1.0 - normal_cdf((r.ln() - mu) / self.sigma))
            }
        }
    }

    /// Draws one duration.
    pub fn sample(&self, rng: &mut SplitMix64) -> f64 {
        match self.kind {
            DurationDistribution::Fixed => self.typical_h,
            DurationDistribution::Exponential => -self.typical_h * (1.0 - rng.next_f64()).ln(),
            DurationDistribution::LogNormal => {
                (self.typical_h.ln() + self.sigma * rng.normal()).exp()
            }
        }
    }
}

/// Expected yearly figures of one tier, in closed form.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExpectedRisk {
    /// User-weighted hours of downtime per year from regional outages.
    pub downtime_h_per_year: f64,
    pub downtime_cost_annual: f64,
    /// Expected SLA credits paid to customers per year.
    pub sla_credits_annual: f64,
    /// Downtime cost + credits.
    #[serde(rename = "expected_annual_loss_usd")]
    pub expected_annual_loss: f64,
    /// Infrastructure per year + expected annual loss.
    #[serde(rename = "risk_adjusted_annual_usd")]
    pub risk_adjusted_annual: f64,
}

/// Hours a month may be down before availability drops below `pct`.
fn allowed_h(pct: f64, hours_per_month: f64) -> f64 {
    (1.0 - pct / 100.0) * hours_per_month
}

/// `P(one loss event's downtime f × min(D, R) > a)`.
fn event_exceeds(d: &Durations, e: &LossImpact, a: f64) -> f64 {
    if e.affected <= 0.0 || a >= e.affected * e.recovery_h {
        0.0
    } else {
        d.survival(a / e.affected)
    }
}

/// Expected downtime `Σ λ × f × E[min(D, R)]`, downtime cost, and SLA credits.
///
/// Credits: a month breaches a step when its downtime exceeds the step's
/// allowance; with Poisson events `P(month > a) ≈ 1 − exp(−Σ (λ/12) P(event > a))`
/// (one event per month carries the breach: exact when events are rare).
/// Expected yearly credits `= 12 × revenue × Σ_k (c_k − c_(k−1)) × P(month > a_k)`,
/// steps sorted by credit.
pub fn expected(s: &Scenario, impacts: &[LossImpact], annual_infra: f64) -> ExpectedRisk {
    let d = Durations::from(s);
    let lambda = s.risk.regional_outages_per_year;
    let downtime: f64 = impacts
        .iter()
        .map(|e| lambda * e.affected * d.mean_capped(e.recovery_h))
        .sum();
    let mut steps: Vec<(f64, f64)> = s
        .risk
        .credit_schedule
        .iter()
        .map(|c| (c.below_pct, c.credit_pct))
        .collect();
    steps.sort_by(|a, b| a.1.total_cmp(&b.1));
    let mut credits = 0.0;
    let mut previous = 0.0;
    for (below, credit) in steps {
        let a = allowed_h(below, s.commercial.hours_per_month);
        let rate: f64 = impacts
            .iter()
            .map(|e| lambda / 12.0 * event_exceeds(&d, e, a))
            .sum();
        let p = 1.0 - (-rate).exp();
        credits += (credit - previous).max(0.0) / 100.0 * p;
        previous = previous.max(credit);
    }
    let credits_annual = credits * 12.0 * s.risk.sla_covered_monthly_revenue;
    let cost = downtime * s.risk.downtime_cost_per_hour;
    ExpectedRisk {
        downtime_h_per_year: downtime,
        downtime_cost_annual: cost,
        sla_credits_annual: credits_annual,
        expected_annual_loss: cost + credits_annual,
        risk_adjusted_annual: annual_infra + cost + credits_annual,
    }
}

/// A small, fast, seedable generator (SplitMix64, Steele et al. 2014):
/// the same seed gives the same simulation on every machine.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
    spare_normal: Option<f64>,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed,
            spare_normal: None,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Standard normal (Box–Muller, caching the second value).
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        let u1 = 1.0 - self.next_f64();
        let u2 = self.next_f64();
        let r = (-2.0 * u1.ln()).sqrt();
        let (s, c) = (2.0 * std::f64::consts::PI * u2).sin_cos();
        self.spare_normal = Some(r * s);
        r * c
    }

    /// Poisson count with mean `lambda` (Knuth's method: fine for the small
    /// rates of regional outages).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        let limit = (-lambda).exp();
        let mut k = 0;
        let mut p = self.next_f64();
        while p > limit && k < 10_000 {
            k += 1;
            p *= self.next_f64();
        }
        k
    }
}

/// Simulated yearly downtime of one tier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimulatedRisk {
    pub tier: TierId,
    pub years: u32,
    pub mean_downtime_h: f64,
    pub p50_downtime_h: f64,
    pub p95_downtime_h: f64,
    pub p99_downtime_h: f64,
    /// Share of simulated years with at least one month below the customer SLA.
    pub sla_breach_probability: f64,
    pub mean_sla_credits: f64,
    /// Annual downtime (hours) at percentiles 0, 1, …, 100.
    pub percentiles_h: Vec<f64>,
}

/// Runs `years` simulated years for every tier on the same simulated
/// outages (common random numbers, so tiers differ only by design).
pub fn simulate(
    s: &Scenario,
    tiers: &[(TierId, Vec<LossImpact>)],
    years: u32,
) -> Vec<SimulatedRisk> {
    let d = Durations::from(s);
    let lambda = s.risk.regional_outages_per_year;
    let hours_per_month = s.commercial.hours_per_month;
    let breach_h = allowed_h(s.risk.customer_sla_pct, hours_per_month);
    let steps: Vec<(f64, f64)> = s
        .risk
        .credit_schedule
        .iter()
        .map(|c| {
            (
                allowed_h(c.below_pct, hours_per_month),
                c.credit_pct / 100.0,
            )
        })
        .collect();
    let revenue = s.risk.sla_covered_monthly_revenue;
    let n_regions = s.regions.len();
    let mut rng = SplitMix64::new(s.risk.seed);
    let mut annual: Vec<Vec<f64>> = tiers
        .iter()
        .map(|_| Vec::with_capacity(years as usize))
        .collect();
    let mut breaches = vec![0u32; tiers.len()];
    let mut credits = vec![0.0f64; tiers.len()];
    let mut months = vec![[0.0f64; 12]; tiers.len()];
    let mut events: Vec<(usize, f64, usize)> = Vec::with_capacity(8);
    for _ in 0..years {
        events.clear();
        for region in 0..n_regions {
            for _ in 0..rng.poisson(lambda) {
                let duration = d.sample(&mut rng);
                let month = ((rng.next_f64() * 12.0) as usize).min(11);
                events.push((region, duration, month));
            }
        }
        for (t, (_, impacts)) in tiers.iter().enumerate() {
            if events.is_empty() {
                annual[t].push(0.0);
                continue;
            }
            let m = &mut months[t];
            *m = [0.0; 12];
            let mut total = 0.0;
            for &(region, duration, month) in &events {
                if let Some(e) = impacts.iter().find(|e| e.region == region) {
                    let x = e.affected * duration.min(e.recovery_h);
                    m[month] += x;
                    total += x;
                }
            }
            annual[t].push(total);
            let mut breached = false;
            for &x in m.iter() {
                if x > breach_h {
                    breached = true;
                }
                let credit = steps
                    .iter()
                    .filter(|(a, _)| x > *a)
                    .map(|(_, c)| *c)
                    .fold(0.0, f64::max);
                credits[t] += credit * revenue;
            }
            if breached {
                breaches[t] += 1;
            }
        }
    }
    tiers
        .iter()
        .enumerate()
        .map(|(t, (tier, _))| {
            let values = &mut annual[t];
            let n = values.len().max(1);
            let mean = values.iter().sum::<f64>() / n as f64;
            values.sort_unstable_by(f64::total_cmp);
            let at = |q: f64| -> f64 {
                if values.is_empty() {
                    return 0.0;
                }
                let idx = ((q * (values.len() - 1) as f64).round() as usize).min(values.len() - 1);
                values[idx]
            };
            let percentiles_h: Vec<f64> = (0..=100).map(|p| at(p as f64 / 100.0)).collect();
            SimulatedRisk {
                tier: *tier,
                years,
                mean_downtime_h: mean,
                p50_downtime_h: at(0.5),
                p95_downtime_h: at(0.95),
                p99_downtime_h: at(0.99),
                sla_breach_probability: breaches[t] as f64 / n as f64,
                mean_sla_credits: credits[t] / n as f64,
                percentiles_h,
            }
        })
        .collect()
}
