//! Helpers shared by the integration tests: the shipped sheet and region
//! table (parsed once), pricing shortcuts, line-item finders, float
//! comparison and drawing a chart to an SVG string. Not every test crate
//! uses every helper.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::field_reassign_with_default
)]

use std::sync::OnceLock;

use planner::charts::ChartError;
pub use planner::engine::costs::Component;
use planner::engine::costs::{Category, LineItem, LineWords};
use planner::engine::plan::{self, Plan};
use planner::engine::presets;
use planner::engine::pricing::{MeterKey, PriceSheet};
use planner::engine::regions::RegionTable;
use planner::engine::scenario::{RegionShare, Scenario};
use planner::engine::tiers::{self, TierCost, TierId};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};

/// The shipped price sheet, parsed once per test binary.
pub fn sheet() -> &'static PriceSheet {
    static SHEET: OnceLock<PriceSheet> = OnceLock::new();
    SHEET.get_or_init(|| presets::default_sheet().expect("the shipped price sheet parses"))
}

/// The shipped region table, parsed once per test binary.
pub fn regions() -> &'static RegionTable {
    static REGIONS: OnceLock<RegionTable> = OnceLock::new();
    REGIONS.get_or_init(|| presets::default_regions().expect("the shipped regions.csv parses"))
}

/// The pay-as-you-go retail price of a meter in a region, from the shipped sheet.
pub fn rate(key: &MeterKey, region: &str) -> f64 {
    sheet()
        .consumption(key, region)
        .unwrap_or_else(|e| panic!("{e}"))
        .retail_price
}

/// A tier priced with the shipped sheet, with its line items' words
/// written on demand ([`tiers::line_words`]) so tests can find a line by
/// what it is called.
#[derive(Clone, Debug)]
pub struct Priced {
    pub cost: TierCost,
    pub words: Vec<LineWords>,
}

impl std::ops::Deref for Priced {
    type Target = TierCost;
    fn deref(&self) -> &TierCost {
        &self.cost
    }
}

impl Priced {
    /// `cost` (priced or evaluated from `s` with the shipped sheet) with its
    /// words.
    pub fn of(s: &Scenario, cost: &TierCost) -> Self {
        let words = tiers::line_words(cost.tier, s, sheet(), regions())
            .unwrap_or_else(|m| panic!("missing prices: {m:?}"));
        assert_eq!(
            words.len(),
            cost.line_items.len(),
            "one set of words per line"
        );
        Self {
            cost: cost.clone(),
            words,
        }
    }

    /// Every line with its words.
    pub fn lines(&self) -> Vec<Line<'_>> {
        self.cost
            .line_items
            .iter()
            .zip(&self.words)
            .map(|(item, w)| Line {
                item,
                component: &w.component,
                formula: &w.formula,
            })
            .collect()
    }
}

/// A line item with its words.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    pub item: &'a LineItem,
    pub component: &'a str,
    pub formula: &'a str,
}

impl std::ops::Deref for Line<'_> {
    type Target = LineItem;
    fn deref(&self) -> &LineItem {
        self.item
    }
}

/// Prices one tier with the shipped sheet.
pub fn price(tier: TierId, s: &Scenario) -> Priced {
    let cost = tiers::price_tier(tier, s, sheet(), regions())
        .unwrap_or_else(|m| panic!("missing prices for {}: {m:?}", tier.id()));
    Priced::of(s, &cost)
}

/// Evaluates a scenario with the shipped sheet.
pub fn evaluate(s: &Scenario) -> Plan {
    plan::evaluate(s, sheet(), regions()).unwrap_or_else(|e| panic!("{e}"))
}

/// Line items of one component (any place), in pricing order.
pub fn items<'a>(cost: &'a Priced, component: Component) -> Vec<Line<'a>> {
    cost.lines()
        .into_iter()
        .filter(|li| li.item.component == component)
        .collect()
}

/// Line items of one component whose words start with `name` (when a test
/// checks which SKU, operating system or reservation part was priced).
pub fn items_named<'a>(cost: &'a Priced, component: Component, name: &str) -> Vec<Line<'a>> {
    items(cost, component)
        .into_iter()
        .filter(|li| li.component.starts_with(name))
        .collect()
}

/// The one line item with key (`component`, `place`) ([`LineItem::key`]).
#[track_caller]
pub fn item<'a>(cost: &'a Priced, component: Component, place: &str) -> Line<'a> {
    one(cost, items(cost, component), component, place)
}

/// The one line item with key (`component`, `place`) whose words start
/// with `name`.
#[track_caller]
pub fn item_named<'a>(cost: &'a Priced, component: Component, name: &str, place: &str) -> Line<'a> {
    one(cost, items_named(cost, component, name), component, place)
}

#[track_caller]
fn one<'a>(cost: &'a Priced, of: Vec<Line<'a>>, component: Component, place: &str) -> Line<'a> {
    let found: Vec<Line<'a>> = of.into_iter().filter(|li| li.place() == place).collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one {component:?} line at {place} for {}, found {}: {:#?}",
        cost.tier.id(),
        found.len(),
        cost.lines()
            .iter()
            .map(|l| (l.item.key(), l.component))
            .collect::<Vec<_>>()
    );
    found[0]
}

/// Sum of the monthly cost of one category.
pub fn category_sum(cost: &TierCost, category: Category) -> f64 {
    cost.line_items
        .iter()
        .filter(|li| li.category == category)
        .map(|li| li.monthly)
        .sum()
}

/// Relative comparison with an absolute floor for values near zero.
pub fn close(actual: f64, expected: f64, rel: f64) -> bool {
    let scale = expected.abs().max(actual.abs()).max(1e-12);
    (actual - expected).abs() <= rel * scale || (actual - expected).abs() <= 1e-9
}

#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        close(actual, expected, 1e-9),
        "{what}: got {actual}, expected {expected} (diff {})",
        actual - expected
    );
}

#[track_caller]
pub fn assert_close_rel(actual: f64, expected: f64, rel: f64, what: &str) {
    assert!(
        close(actual, expected, rel),
        "{what}: got {actual}, expected {expected} within {}%",
        rel * 100.0
    );
}

/// Two regions with the given shares.
pub fn two_regions(a: &str, share_a: f64, b: &str, share_b: f64) -> Vec<RegionShare> {
    vec![
        RegionShare {
            region: a.into(),
            traffic_share: share_a,
        },
        RegionShare {
            region: b.into(),
            traffic_share: share_b,
        },
    ]
}

/// The default scenario with round numbers that make hand arithmetic easy:
/// 1,000 req/s peak, no edge cache (origin = 1,000 req/s), West Europe 60% +
/// Southeast Asia 40%, 1 KB items, 2 reads, 0.1 inserts (no replaces), no
/// queries per request.
pub fn round_scenario() -> Scenario {
    let mut s = Scenario::default();
    s.regions = two_regions("westeurope", 0.6, "southeastasia", 0.4);
    s.workload.peak_requests_per_s = 1000.0;
    s.workload.edge_cache_hit_ratio = 0.0;
    s.workload.average_to_peak_ratio = 0.5;
    s.workload.point_reads_per_request = 2.0;
    s.workload.writes_per_request = 0.1;
    s.workload.queries_per_request = 0.0;
    s.workload.item_kb = 1.0;
    s.workload.replace_ratio = 0.0;
    s.workload.response_kb = 10.0;
    s.workload.stored_gb = 100.0;
    s
}

/// The SVG a chart drawing function writes on a `size` (width, height)
/// area.
pub fn render_sized(
    size: (u32, u32),
    f: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>,
) -> String {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        f(&root).expect("chart draws");
        root.present().expect("svg presents");
    }
    buf
}

/// [`render_sized`] at 720 × 360, the size the chart tests and the golden
/// SVGs use.
pub fn render(f: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>) -> String {
    render_sized((720, 360), f)
}
