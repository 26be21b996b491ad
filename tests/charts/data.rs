//! Realistic data for each chart: four tiers' costs, a headroom sweep, a
//! break-even, downtime percentiles and latencies.

use planner::charts::*;

pub(crate) const TIERS: [&str; 4] = [
    "Single region",
    "Active-passive",
    "Active-active (2)",
    "Active-active (3)",
];

pub(crate) fn cost_stack() -> CostStack {
    CostStack {
        tiers: TIERS.iter().map(|s| s.to_string()).collect(),
        categories: [
            "Compute",
            "Database",
            "Networking",
            "Front Door",
            "Monitoring",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        values: vec![
            vec![4200.0, 2600.0, 300.0, 350.0, 250.0],
            vec![6100.0, 5200.0, 700.0, 350.0, 420.0],
            vec![8400.0, 5200.0, 900.0, 350.0, 500.0],
            vec![12600.0, 7800.0, 1300.0, 350.0, 700.0],
        ],
        currency_symbol: "$".into(),
    }
}

pub(crate) fn headroom() -> Headroom {
    // Three regions: losing one leaves two stamps each sized for p of peak.
    let points = (0..=14)
        .map(|i| {
            let p = 0.3 + 0.05 * f64::from(i);
            let cost = 9000.0 + 21000.0 * p;
            let shortfall = (1.0 - 2.0 * p).max(0.0);
            (p, cost, shortfall)
        })
        .collect();
    Headroom {
        points,
        current: 0.6,
        currency_symbol: "$".into(),
    }
}

pub(crate) fn break_even() -> BreakEvenChart {
    BreakEvenChart {
        tiers: vec![
            (TIERS[0].into(), 120_000.0, 40.0),
            (TIERS[1].into(), 190_000.0, 8.0),
            (TIERS[2].into(), 260_000.0, 2.0),
            (TIERS[3].into(), 350_000.0, 0.5),
        ],
        max_cost_per_hour: 20_000.0,
        current_cost_per_hour: 5_000.0,
        currency_symbol: "$".into(),
    }
}

/// Annual downtime hours at percentiles 0..=100 for a tier whose typical
/// year loses `mean` hours (exponential tail, some downtime-free years).
pub(crate) fn percentiles(mean: f64, free: f64) -> Vec<f64> {
    (0..=100)
        .map(|k| {
            let p = f64::from(k) / 100.0;
            if p <= free {
                0.0
            } else {
                // Cap the 100th percentile at the 99.5th.
                -mean * (1.0 - (p.min(0.995) - free) / (1.0 - free)).ln()
            }
        })
        .collect()
}

pub(crate) fn downtime() -> DowntimeDistribution {
    DowntimeDistribution {
        tiers: vec![
            (TIERS[0].into(), percentiles(30.0, 0.0)),
            (TIERS[1].into(), percentiles(8.0, 0.2)),
            (TIERS[2].into(), percentiles(2.0, 0.5)),
            (TIERS[3].into(), percentiles(0.6, 0.7)),
        ],
    }
}

pub(crate) fn latency() -> LatencyChart {
    LatencyChart {
        geographies: [
            "Europe",
            "North America",
            "Asia Pacific",
            "South America",
            "Africa",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        tiers: vec![
            (TIERS[0].into(), vec![45.0, 120.0, 260.0, 210.0, 180.0]),
            (TIERS[1].into(), vec![45.0, 120.0, 260.0, 210.0, 180.0]),
            (TIERS[2].into(), vec![40.0, 48.0, 190.0, 130.0, 150.0]),
            (TIERS[3].into(), vec![38.0, 45.0, 70.0, 120.0, 140.0]),
        ],
        target_ms: 150.0,
    }
}
