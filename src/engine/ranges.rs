//! Cost ranges instead of single figures: any decimal input of the scenario
//! can carry a low / likely / high estimate (a triangular distribution), and
//! a Monte Carlo over those inputs gives each tier's monthly cost at P10,
//! P50 and P90 and the probability that each tier is the cheapest one that
//! meets every target.
//!
//! Inputs without a range stay at their value. The sampler is a PCG32
//! (O'Neill, "PCG: A Family of Simple Fast Space-Efficient Statistically
//! Good Algorithms for Random Number Generation", 2014, the `pcg32`
//! XSH-RR variant), seeded from the scenario's Monte Carlo seed, so the
//! same scenario gives the same ranges everywhere.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::pricing::PriceSheet;
use super::regions::RegionTable;
use super::scenario::Scenario;
use super::sensitivity::{outcome, outcome_with, Outcome};
use super::tiers::TierId;
use super::typed::{self, DecimalMark};

/// A low / likely / high estimate of one input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Triangular {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
}

impl Triangular {
    /// The value at cumulative probability `u` (inverse CDF of the
    /// triangular distribution): `low + √(u (high − low)(likely − low))`
    /// below the mode's probability `(likely − low)/(high − low)`, else
    /// `high − √((1 − u)(high − low)(high − likely))`.
    pub fn quantile(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.likely, self.high);
        let width = b - a;
        if width <= 0.0 {
            return c;
        }
        let f = (c - a) / width;
        if u < f {
            a + (u * width * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * width * (b - c)).sqrt()
        }
    }

    /// The estimate as typed: `600..800..1200`, in the locale's decimal mark.
    pub fn show(&self, mark: DecimalMark) -> String {
        format!(
            "{}..{}..{}",
            typed::show_number(self.low, mark),
            typed::show_number(self.likely, mark),
            typed::show_number(self.high, mark)
        )
    }
}

/// The ranges a scenario carries (`Scenario::ranges`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ranges {
    /// How far the tornado moves each quantity, percent either way (the
    /// issue's default: 20). Ratios, targets and prices have their own
    /// plausible ranges ([`super::sensitivity::KEY_INPUTS`]); an input with
    /// a low / likely / high uses its own low and high.
    pub swing_pct: f64,
    /// Low / likely / high by input path (`workload.peak_requests_per_s`).
    pub inputs: BTreeMap<String, Triangular>,
    /// Samples of the Monte Carlo.
    pub samples: u32,
}

/// Default tornado swing, percent.
pub const DEFAULT_SWING_PCT: f64 = 20.0;
/// Default Monte Carlo samples.
pub const DEFAULT_SAMPLES: u32 = 2_000;

impl Default for Ranges {
    fn default() -> Self {
        Self {
            swing_pct: DEFAULT_SWING_PCT,
            inputs: BTreeMap::new(),
            samples: DEFAULT_SAMPLES,
        }
    }
}

impl Ranges {
    /// True when nothing differs from the defaults (then the scenario's JSON
    /// and share link leave the field out and stay as they were).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// One decimal input of the scenario, read and written by path.
#[derive(Clone, Copy)]
pub struct Slot {
    /// JSON path, as field errors and the inputs use it.
    pub path: &'static str,
    pub get: fn(&Scenario) -> f64,
    pub set: fn(&mut Scenario, f64),
}

/// The slot of an input path, if it is a decimal input that may carry a
/// range or be varied (marked `ranged` in the registry, [`super::inputs`]).
pub fn slot(path: &str) -> Option<Slot> {
    let input = super::inputs::find(path)?;
    let n = input.number()?;
    (n.ranged && !n.integer).then_some(Slot {
        path: input.path,
        get: n.get,
        set: n.set,
    })
}

/// Every input that may carry a range, in the registry's order.
pub fn slots() -> impl Iterator<Item = Slot> {
    super::inputs::all().filter_map(|i| slot(i.path))
}

/// Reads `600..800..1200` (low..likely..high) or `600..1200` (likely
/// halfway) in the locale's decimal mark. None when the text has no `..`
/// (a plain number); an error in words when it has one but is not a range.
pub fn parse_range(raw: &str, mark: DecimalMark) -> Option<Result<Triangular, String>> {
    if !raw.contains("..") {
        return None;
    }
    let parts: Vec<&str> = raw.split("..").collect();
    let numbers: Result<Vec<f64>, String> = parts
        .iter()
        .map(|p| typed::parse_number(p, false, mark))
        .collect();
    let shown = raw.trim();
    let numbers = match numbers {
        Ok(n) => n,
        Err(e) => {
            return Some(Err(format!(
                "“{shown}”: a range is low..likely..high, e.g. 600..800..1200 ({e})"
            )))
        }
    };
    let t = match numbers.as_slice() {
        [low, high] => Triangular {
            low: *low,
            likely: (low + high) / 2.0,
            high: *high,
        },
        [low, likely, high] => Triangular {
            low: *low,
            likely: *likely,
            high: *high,
        },
        _ => {
            return Some(Err(format!(
                "“{shown}”: a range is low..likely..high (three numbers) or low..high, e.g. 600..800..1200"
            )))
        }
    };
    if !(t.low <= t.likely && t.likely <= t.high) {
        return Some(Err(format!(
            "“{shown}”: low ≤ likely ≤ high is needed (e.g. 600..800..1200)"
        )));
    }
    Some(Ok(t))
}

/// PCG32 (XSH-RR output, 64-bit LCG state): small, fast, and good enough
/// for a Monte Carlo of a few thousand samples.
#[derive(Clone, Debug)]
pub struct Pcg32 {
    state: u64,
    inc: u64,
}

impl Pcg32 {
    const MULT: u64 = 6_364_136_223_846_793_005;

    pub fn new(seed: u64, stream: u64) -> Self {
        let mut rng = Self {
            state: 0,
            inc: (stream << 1) | 1,
        };
        rng.next_u32();
        rng.state = rng.state.wrapping_add(seed);
        rng.next_u32();
        rng
    }

    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old.wrapping_mul(Self::MULT).wrapping_add(self.inc);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// Uniform in [0, 1), 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        let hi = u64::from(self.next_u32()) << 21;
        let lo = u64::from(self.next_u32()) >> 11;
        ((hi | lo) as f64) / (1u64 << 53) as f64
    }
}

/// One tier's cost range.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TierRange {
    pub tier: TierId,
    pub monthly_p10: f64,
    pub monthly_p50: f64,
    pub monthly_p90: f64,
    /// Share of samples in which this tier is the cheapest one meeting
    /// every target.
    pub p_cheapest_meeting: f64,
}

/// The Monte Carlo over the scenario's ranges.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostRanges {
    pub samples: u32,
    /// The inputs that varied, by path.
    pub inputs: Vec<String>,
    pub tiers: Vec<TierRange>,
    /// Share of samples in which no tier meets every target.
    pub p_none_meeting: f64,
}

impl CostRanges {
    /// The inputs that varied, as their fields are labelled ("Peak
    /// requests, Item size"): for captions and exports, where the JSON
    /// keeps the paths.
    pub fn inputs_named(&self) -> String {
        self.inputs
            .iter()
            .map(|path| super::sensitivity::display(path).map_or_else(|| path.clone(), |d| d.label))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The value at probability `p` of sorted samples, interpolated between
/// neighbours (the "linear" method, R's type 7): equal samples give that
/// value at every percentile.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// Why the ranges cannot be simulated, in words.
fn bad_range(path: &str, why: &str) -> String {
    format!("The range on {path} cannot be used: {why}.")
}

/// The ranges of `s` that can be sampled, with their slots; an error in
/// words when one names no decimal input, is not low ≤ likely ≤ high, or
/// reaches a value the field does not accept.
pub fn sampled_inputs(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
) -> Result<Vec<(Slot, Triangular)>, String> {
    let mut out = Vec::with_capacity(s.ranges.inputs.len());
    for (path, t) in &s.ranges.inputs {
        let Some(slot) = slot(path) else {
            return Err(bad_range(path, "it is not a decimal input"));
        };
        if !(t.low.is_finite() && t.high.is_finite() && t.low <= t.likely && t.likely <= t.high) {
            return Err(bad_range(path, "low ≤ likely ≤ high is needed"));
        }
        out.push((slot, *t));
    }
    // Every input at its low, then every input at its high: a value the
    // field refuses shows here, before any sampling.
    for end in [0.0, 1.0] {
        let mut x = s.clone();
        for (slot, t) in &out {
            (slot.set)(&mut x, if end == 0.0 { t.low } else { t.high });
        }
        if let Err(super::plan::PlanError::Invalid(errors)) = outcome(&x, sheet, regions) {
            if let Some(e) = errors.first() {
                return Err(format!(
                    "The range on {} reaches a value the field does not accept: {}",
                    e.field, e.message
                ));
            }
        }
    }
    Ok(out)
}

/// Each tier's monthly cost at P10, P50 and P90 over `samples` draws of the
/// scenario's ranges, and how often each tier is the cheapest meeting every
/// target. With no ranges every sample is today's scenario.
pub fn cost_ranges(
    s: &Scenario,
    sheet: &PriceSheet,
    regions: &RegionTable,
    samples: u32,
) -> Result<CostRanges, String> {
    let mut run = Sampler::new(s, sheet, regions, samples)?;
    while !run.step(sheet, regions, usize::MAX)? {}
    Ok(run.finish())
}

/// [`cost_ranges`] a slice at a time, so the page can run it between
/// frames: `step` draws up to `n` more samples and says whether all are
/// drawn; `finish` gives the figures. The same seed gives the same figures
/// however the samples are sliced.
pub struct Sampler {
    inputs: Vec<(Slot, Triangular)>,
    n: usize,
    rng: Pcg32,
    monthly: [Vec<f64>; 4],
    cheapest: [u32; 4],
    none: u32,
    x: Scenario,
}

impl Sampler {
    /// Checks the ranges ([`sampled_inputs`]) and seeds the generator.
    pub fn new(
        s: &Scenario,
        sheet: &PriceSheet,
        regions: &RegionTable,
        samples: u32,
    ) -> Result<Self, String> {
        let inputs = sampled_inputs(s, sheet, regions)?;
        let n = samples.max(1) as usize;
        Ok(Self {
            inputs,
            n,
            rng: Pcg32::new(s.risk.seed, 0x005e_ed0f_c057),
            monthly: std::array::from_fn(|_| Vec::with_capacity(n)),
            cheapest: [0; 4],
            none: 0,
            x: s.clone(),
        })
    }

    /// Draws up to `n` more samples; true once every sample is drawn.
    pub fn step(
        &mut self,
        sheet: &PriceSheet,
        regions: &RegionTable,
        n: usize,
    ) -> Result<bool, String> {
        let todo = (self.n - self.monthly[0].len()).min(n);
        for _ in 0..todo {
            for (slot, t) in &self.inputs {
                (slot.set)(&mut self.x, t.quantile(self.rng.next_f64()));
            }
            let o: Outcome =
                outcome_with(&self.x, sheet, regions, false).map_err(|e| e.to_string())?;
            for (i, m) in o.monthly.iter().enumerate() {
                self.monthly[i].push(*m);
            }
            match o.recommended {
                Some(t) => self.cheapest[t as usize] += 1,
                None => self.none += 1,
            }
        }
        Ok(self.monthly[0].len() >= self.n)
    }

    /// The figures over the samples drawn.
    pub fn finish(mut self) -> CostRanges {
        let n = self.monthly[0].len().max(1);
        let tiers = TierId::ALL
            .iter()
            .enumerate()
            .map(|(i, tier)| {
                let v = &mut self.monthly[i];
                v.sort_by(f64::total_cmp);
                TierRange {
                    tier: *tier,
                    monthly_p10: percentile(v, 0.1),
                    monthly_p50: percentile(v, 0.5),
                    monthly_p90: percentile(v, 0.9),
                    p_cheapest_meeting: f64::from(self.cheapest[i]) / n as f64,
                }
            })
            .collect();
        CostRanges {
            samples: n as u32,
            inputs: self
                .inputs
                .iter()
                .map(|(s, _)| s.path.to_string())
                .collect(),
            tiers,
            p_none_meeting: f64::from(self.none) / n as f64,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn triangular_quantiles() {
        let t = Triangular {
            low: 600.0,
            likely: 800.0,
            high: 1200.0,
        };
        assert_eq!(t.quantile(0.0), 600.0);
        assert_eq!(t.quantile(1.0), 1200.0);
        // The mode sits at cumulative probability (800−600)/(1200−600) = 1/3.
        assert!((t.quantile(1.0 / 3.0) - 800.0).abs() < 1e-9);
        // Median: 1200 − √(0.5 × 600 × 400) = 1200 − √120000 ≈ 853.59.
        assert!((t.quantile(0.5) - (1200.0 - 120_000f64.sqrt())).abs() < 1e-9);
        let fixed = Triangular {
            low: 5.0,
            likely: 5.0,
            high: 5.0,
        };
        assert_eq!(fixed.quantile(0.3), 5.0);
    }

    #[test]
    fn ranges_as_typed() {
        let p = DecimalMark::Point;
        assert_eq!(
            parse_range("600..800..1200", p),
            Some(Ok(Triangular {
                low: 600.0,
                likely: 800.0,
                high: 1200.0
            }))
        );
        assert_eq!(
            parse_range("0,2..0,3..0,5", DecimalMark::Comma),
            Some(Ok(Triangular {
                low: 0.2,
                likely: 0.3,
                high: 0.5
            }))
        );
        assert!((parse_range("0.2..0.6", p).unwrap().unwrap().likely - 0.4).abs() < 1e-12);
        assert_eq!(parse_range("800", p), None);
        assert!(parse_range("900..800..1200", p).unwrap().is_err());
        assert!(parse_range("1..2..3..4", p).unwrap().is_err());
        assert!(parse_range("a..2", p)
            .unwrap()
            .unwrap_err()
            .contains("a..2"));
        let t = parse_range("600..800..1200", p).unwrap().unwrap();
        assert_eq!(t.show(p), "600..800..1200");
    }

    #[test]
    fn percentiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert!((percentile(&v, 0.1) - 1.4).abs() < 1e-12);
        assert_eq!(percentile(&[7.0; 9], 0.9), 7.0);
    }

    #[test]
    fn pcg_is_uniform_enough_and_repeatable() {
        let mut a = Pcg32::new(42, 7);
        let mut b = Pcg32::new(42, 7);
        let mut sum = 0.0;
        for _ in 0..10_000 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
            sum += x;
        }
        assert!((sum / 10_000.0 - 0.5).abs() < 0.01);
    }

    #[test]
    fn every_slot_path_is_a_field_of_the_scenario() {
        let s = Scenario::default();
        let json = serde_json::to_value(&s).unwrap();
        assert!(slots().count() >= 40, "the ranged inputs are marked");
        for slot in slots() {
            let pointer = format!("/{}", slot.path.replace('.', "/"));
            let v = json.pointer(&pointer).and_then(|v| v.as_f64());
            assert_eq!(v, Some((slot.get)(&s)), "{}", slot.path);
            let mut x = s.clone();
            (slot.set)(&mut x, 12.5);
            assert_eq!((slot.get)(&x), 12.5, "{}", slot.path);
        }
    }
}
