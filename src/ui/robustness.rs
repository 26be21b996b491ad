//! A decision that survives scrutiny (issue 18): the tornado, where the
//! recommendation holds, and cost ranges. All three come from the engine
//! ([`crate::engine::sensitivity`], [`crate::engine::decision`],
//! [`crate::engine::ranges`]) and are worked out after the figures are
//! painted: once the inputs have been still for [`SETTLE_MS`], the tornado
//! and the decision ranges in one task, then the Monte Carlo in the next,
//! so a keystroke never waits for them.

use std::sync::Arc;
use std::time::Duration;

use leptos::html::Canvas;
use leptos::prelude::*;

use super::charts_panel::{draw_on_canvas, ChartFrame};
use super::fields::FieldFor;
use super::state::{AppState, Good};
use crate::charts;
use crate::engine::decision::{self, Beyond, Decision};
use crate::engine::format;
use crate::engine::ranges::{self, CostRanges};
use crate::engine::sensitivity::{self, Measure, SensitivityRow, TierSensitivity};
use crate::engine::tiers::TierId;

/// Quiet time after the last change before the views are worked out, ms.
pub const SETTLE_MS: u64 = 150;

/// The tornado and the decision ranges of one plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Views {
    pub sensitivity: Vec<TierSensitivity>,
    pub decision: Decision,
    /// How long they took, ms.
    pub ms: f64,
}

/// The cost ranges of one plan: none set, worked out, or refused in words.
#[derive(Clone, Debug, PartialEq)]
pub enum RangesView {
    NoneSet,
    Pending,
    Done(Arc<CostRanges>, f64),
    Refused(String),
}

/// The robustness views' state, shared by the components below.
#[derive(Clone, Copy)]
pub struct Robust {
    /// The plan the views belong to (`Arc` identity of `last_good`).
    pub views: RwSignal<Option<(Arc<Good>, Arc<Views>)>>,
    pub ranges: RwSignal<RangesView>,
    /// Bumped on every new plan; a task for an older plan does nothing.
    generation: StoredValue<u64>,
    /// The tier whose tornado is shown (None: the recommended one).
    pub tornado_tier: RwSignal<Option<TierId>>,
}

/// Decision-range questions answered per task (about 1 ms each natively).
const QUESTIONS_PER_TASK: usize = 3;
/// Monte Carlo samples drawn per task (about 20 µs each natively).
const SAMPLES_PER_TASK: usize = 100;

/// Runs `f` in a task of its own, after pending input and paint.
fn soon(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::from_millis(0));
}

/// The work for one plan, done a slice per task.
struct Job {
    good: Arc<Good>,
    sheet: Arc<crate::engine::PriceSheet>,
    regions: Arc<crate::engine::RegionTable>,
    sensitivity: Vec<TierSensitivity>,
    questions: Vec<decision::Question>,
    answered: Vec<decision::DecisionRange>,
    started_ms: f64,
    /// Time spent computing (not waiting between tasks), ms.
    busy_ms: f64,
}

/// Answers the next few decision-range questions; when all are answered,
/// shows the views and starts the Monte Carlo.
fn decision_step(r: Robust, generation: u64, mut job: Job) {
    if r.generation.with_value(|g| *g != generation) {
        return;
    }
    let t0 = super::io::now_ms();
    let s = &job.good.scenario;
    if let Some(rec) = job.good.plan.recommended_tier {
        let from = job.answered.len();
        let to = (from + QUESTIONS_PER_TASK).min(job.questions.len());
        for q in &job.questions[from..to] {
            let a = decision::answer(q, s, &job.sheet, &job.regions, rec);
            job.answered.push(a);
        }
    }
    job.busy_ms += super::io::now_ms() - t0;
    let done =
        job.good.plan.recommended_tier.is_none() || job.answered.len() >= job.questions.len();
    if !done {
        soon(move || decision_step(r, generation, job));
        return;
    }
    let views = Views {
        sensitivity: std::mem::take(&mut job.sensitivity),
        decision: Decision {
            recommended_tier: job.good.plan.recommended_tier,
            ranges: std::mem::take(&mut job.answered),
            unmet_targets: decision::unmet_targets(&job.good.scenario, &job.good.plan),
        },
        ms: job.busy_ms,
    };
    r.views.set(Some((job.good.clone(), Arc::new(views))));
    if job.good.scenario.ranges.inputs.is_empty() {
        return;
    }
    let t0 = super::io::now_ms();
    let s = &job.good.scenario;
    match ranges::Sampler::new(s, &job.sheet, &job.regions, s.ranges.samples) {
        Ok(sampler) => {
            let busy = super::io::now_ms() - t0;
            super::io::after_paint(move || {
                soon(move || sample_step(r, generation, job, sampler, busy))
            });
        }
        Err(e) => r.ranges.set(RangesView::Refused(e)),
    }
}

/// Draws the next slice of Monte Carlo samples; shows the ranges when done.
fn sample_step(r: Robust, generation: u64, job: Job, mut sampler: ranges::Sampler, mut busy: f64) {
    if r.generation.with_value(|g| *g != generation) {
        return;
    }
    let t0 = super::io::now_ms();
    let step = sampler.step(&job.sheet, &job.regions, SAMPLES_PER_TASK);
    busy += super::io::now_ms() - t0;
    match step {
        Ok(false) => soon(move || sample_step(r, generation, job, sampler, busy)),
        Ok(true) => {
            let c = sampler.finish();
            let _ = job.started_ms;
            r.ranges.set(RangesView::Done(Arc::new(c), busy));
        }
        Err(e) => r.ranges.set(RangesView::Refused(e)),
    }
}

/// Creates the state and the effect that works the views out after paint:
/// once the inputs have been still for [`SETTLE_MS`], the tornado in one
/// task, the decision ranges a few questions per task, then the Monte Carlo
/// a hundred samples per task, so that a keystroke never waits more than a
/// few milliseconds for them.
pub fn provide(state: AppState) {
    let r = Robust {
        views: RwSignal::new(None),
        ranges: RwSignal::new(RangesView::NoneSet),
        generation: StoredValue::new(0),
        tornado_tier: RwSignal::new(None),
    };
    provide_context(r);
    Effect::new(move |_| {
        let Some(good) = state.last_good.get() else {
            return;
        };
        let generation = r.generation.with_value(|g| g + 1);
        r.generation.set_value(generation);
        r.ranges.set(if good.scenario.ranges.inputs.is_empty() {
            RangesView::NoneSet
        } else {
            RangesView::Pending
        });
        super::io::after_paint(move || {
            set_timeout(
                move || {
                    if r.generation.with_value(|g| *g != generation) {
                        return;
                    }
                    let (Some(sheet), Some(regions)) =
                        (state.priced.get_untracked(), state.regions.get_untracked())
                    else {
                        return;
                    };
                    let started_ms = super::io::now_ms();
                    let s = &good.scenario;
                    let sensitivity = sensitivity::sensitivity(s, &sheet, &regions, &good.plan);
                    let questions = decision::questions(s, &good.plan);
                    let job = Job {
                        good: good.clone(),
                        sheet,
                        regions,
                        sensitivity,
                        answered: Vec::with_capacity(questions.len()),
                        questions,
                        started_ms,
                        busy_ms: super::io::now_ms() - started_ms,
                    };
                    soon(move || decision_step(r, generation, job));
                },
                Duration::from_millis(SETTLE_MS),
            );
        });
    });
}

fn money(v: f64, currency: &str) -> String {
    format::money_whole(v, currency)
}

/// "Where this recommendation holds", next to the recommendation.
#[component]
pub fn DecisionRanges() -> impl IntoView {
    let r = expect_context::<Robust>();
    move || {
        let Some((good, views)) = r.views.get() else {
            return view! { <section class="decision-ranges pending" data-testid="decision-ranges-pending"><p class="muted">"Working out where the recommendation holds…"</p></section> }.into_any();
        };
        let currency = good.plan.currency.clone();
        let d = &views.decision;
        let unmet = d
            .unmet_targets
            .iter()
            .map(|u| view! { <li data-testid="unmet-target">{u.clone()}</li> })
            .collect_view();
        let Some(rec) = d.recommended_tier else {
            return view! {
                <section class="decision-ranges" data-testid="decision-ranges">
                    <h3>"Where the recommendation would hold"</h3>
                    <p>"No tier meets every target, so there is no choice to defend yet."</p>
                    <ul>{unmet}</ul>
                </section>
            }
            .into_any();
        };
        let (edges, holds): (Vec<_>, Vec<_>) = d
            .ranges
            .iter()
            .partition(|x| x.below != Beyond::Holds || x.above != Beyond::Holds);
        let line = |x: &decision::DecisionRange| {
            view! { <li data-testid=format!("decision-{}", super::fields::test_id(&x.input))>{decision::describe(x, rec, &currency)}</li> }
        };
        let edge_items = edges.iter().map(|x| line(x)).collect_view();
        let hold_items = holds.iter().map(|x| line(x)).collect_view();
        let n_holds = holds.len();
        view! {
            <section class="decision-ranges" data-testid="decision-ranges">
                <h3>"Where this recommendation holds"</h3>
                <p class="muted">{format!(
                    "The interval of each input and target over which {} stays the cheapest tier that meets every target, solved on the engine (bisection); inputs a tenth to ten times today's value, ratios over their whole range.",
                    rec.short_label()
                )}</p>
                <ul class="edges">{edge_items}</ul>
                <details>
                    <summary>{format!("{} that do not change the choice anywhere in the searched range", format::count(n_holds, "input", "inputs"))}</summary>
                    <ul>{hold_items}</ul>
                </details>
                <ul>{unmet}</ul>
            </section>
        }
        .into_any()
    }
}

/// The range bars in the comparison table: P10–P90 with P50, per tier.
pub fn range_row(recommended: Memo<Option<TierId>>) -> impl IntoView {
    let r = expect_context::<Robust>();
    let state = expect_context::<AppState>();
    let cells = TierId::ALL
        .into_iter()
        .map(move |id| {
            let content = move || {
                let currency = state
                    .last_good
                    .with(|g| g.as_ref().map(|g| g.plan.currency.clone()))
                    .unwrap_or_default();
                match r.ranges.get() {
                    RangesView::NoneSet => view! { <span class="muted">"no ranges set"</span> }.into_any(),
                    RangesView::Pending => view! { <span class="muted">"simulating…"</span> }.into_any(),
                    RangesView::Refused(_) => view! { <span class="muted">"see cost ranges"</span> }.into_any(),
                    RangesView::Done(c, _) => {
                        let lo = c.tiers.iter().map(|t| t.monthly_p10).fold(f64::INFINITY, f64::min);
                        let hi = c.tiers.iter().map(|t| t.monthly_p90).fold(0.0, f64::max);
                        let Some(t) = c.tiers.iter().find(|t| t.tier == id) else {
                            return ().into_any();
                        };
                        let span = (hi - lo).max(1e-9);
                        let x = |v: f64| 2.0 + 116.0 * ((v - lo) / span);
                        let (x10, x50, x90) = (x(t.monthly_p10), x(t.monthly_p50), x(t.monthly_p90));
                        view! {
                            <svg class="range-bar" viewBox="0 0 120 14" width="120" height="14" role="img"
                                aria-label=format!("P10 {}, P50 {}, P90 {}", money(t.monthly_p10, &currency), money(t.monthly_p50, &currency), money(t.monthly_p90, &currency))>
                                <line x1="2" y1="7" x2="118" y2="7" stroke="#ddd" stroke-width="1"></line>
                                <rect x=format!("{x10:.1}") y="2" width=format!("{:.1}", (x90 - x10).max(1.5)) height="10" fill="#0072B2" fill-opacity="0.45"></rect>
                                <line x1=format!("{x50:.1}") y1="0" x2=format!("{x50:.1}") y2="14" stroke="#222" stroke-width="2"></line>
                            </svg>
                            <span class="range-figures" data-testid=format!("tier-{}-p50", id.id())>
                                {format!("{} · {} · {}", money(t.monthly_p10, &currency), money(t.monthly_p50, &currency), money(t.monthly_p90, &currency))}
                            </span>
                            <span class="muted range-share">{format!("cheapest meeting targets: {}", format::percent(t.p_cheapest_meeting, 0))}</span>
                        }
                        .into_any()
                    }
                }
            };
            view! { <td class:recommended=move || recommended.get() == Some(id) data-testid=format!("tier-{}-range", id.id())>{content}</td> }
        })
        .collect_view();
    view! { <tr class="range-row"><th scope="row" title="Monthly cost over the scenario's low / likely / high ranges (Monte Carlo): P10 · P50 · P90, and how often this tier is the cheapest that meets every target.">"Monthly P10 · P50 · P90"</th>{cells}</tr> }
}

/// The tornado (with its table) and the cost ranges, below the charts.
#[component]
pub fn RobustnessPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let r = expect_context::<Robust>();
    let canvas = NodeRef::<Canvas>::new();
    let redraws = RwSignal::new(0u32);
    let shown_tier = move || {
        r.tornado_tier
            .get()
            .or_else(|| {
                r.views
                    .with(|v| v.as_ref().and_then(|(g, _)| g.plan.recommended_tier))
            })
            .unwrap_or(TierId::MultiWrite)
    };
    let rows = move || {
        let tier = shown_tier();
        r.views.with(|v| {
            v.as_ref().and_then(|(g, views)| {
                views
                    .sensitivity
                    .iter()
                    .find(|t| t.tier == tier)
                    .map(|t| (g.plan.currency.clone(), t.rows.clone()))
            })
        })
    };
    let sized = super::charts_panel::canvas_size_changed();
    Effect::new(move |_| {
        // Redrawn at a new size when the canvas's laid-out size changes.
        sized.track();
        let Some((currency, rows)) = rows() else {
            return;
        };
        let Some(c) = canvas.get() else {
            return;
        };
        let data = charts::Tornado {
            rows: rows
                .iter()
                .map(|x| {
                    let label = match x.measure {
                        Measure::Monthly => x.label.clone(),
                        Measure::RiskAdjustedMonthly => format!("{} (risk-adjusted)", x.label),
                    };
                    (
                        label,
                        x.monthly_low - x.monthly_base,
                        x.monthly_high - x.monthly_base,
                    )
                })
                .collect(),
            currency_symbol: crate::charts::from_plan::currency_symbol(&currency),
        };
        let _ = draw_on_canvas(&c, |a| charts::draw_tornado(a, &data));
        redraws.update(|n| *n += 1);
    });
    // In the units the user types (a fraction as a percentage, …).
    let value = |stored: f64, x: &SensitivityRow| -> String {
        let v = stored * x.scale;
        let digits = if v.abs() < 1.0 {
            3
        } else if v.abs() < 10.0 {
            2
        } else {
            0
        };
        let n = format::number(v, digits);
        match x.unit {
            "" => n,
            "× sheet price" => format!("{n}×"),
            u if u.starts_with('%') => format!("{n}{u}"),
            u => format!("{n} {u}"),
        }
    };
    let table = move || {
        rows().map(|(currency, rows)| {
            view! {
                <table class="data-table" data-testid="tornado-table">
                    <thead><tr><th scope="col">"Input"</th><th scope="col">"Low"</th><th scope="col">"High"</th><th scope="col">"Monthly at low"</th><th scope="col">"Monthly at high"</th><th scope="col">"Swing"</th></tr></thead>
                    <tbody>
                        {rows.iter().map(|x| view! {
                            <tr>
                                <th scope="row">{x.label.clone()}{(x.measure == Measure::RiskAdjustedMonthly).then_some(" (risk-adjusted: infrastructure + expected downtime cost + credits, ÷ 12)")}</th>
                                <td class="num">{value(x.low_value, x)}</td>
                                <td class="num">{value(x.high_value, x)}</td>
                                <td class="num">{money(x.monthly_low, &currency)}</td>
                                <td class="num">{money(x.monthly_high, &currency)}</td>
                                <td class="num">{money(x.swing(), &currency)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    let tier_buttons = TierId::ALL
        .into_iter()
        .map(|id| {
            view! {
                <button type="button" class="tier-pick" aria-pressed=move || if shown_tier() == id { "true" } else { "false" }
                    data-testid=format!("tornado-tier-{}", id.id())
                    on:click=move |_| r.tornado_tier.set(Some(id))>{id.short_label()}</button>
            }
        })
        .collect_view();
    let timing = move || {
        r.views
            .with(|v| v.as_ref().map(|(_, v)| format!("{:.1}", v.ms)))
            .unwrap_or_default()
    };
    let ranges_view = move || {
        let currency = state
            .last_good
            .with(|g| g.as_ref().map(|g| g.plan.currency.clone()))
            .unwrap_or_default();
        match r.ranges.get() {
            RangesView::NoneSet => view! {
                <p data-testid="ranges-how" class="muted">"No input carries a range yet. Type low..likely..high in any decimal input (for example 600..800..1200 in peak traffic) and each tier's monthly cost shows as P10 · P50 · P90, with how often each tier is the cheapest that meets every target. Inputs without a range stay fixed."</p>
            }.into_any(),
            RangesView::Pending => view! { <p class="muted" data-testid="ranges-pending">"Simulating the ranges…"</p> }.into_any(),
            RangesView::Refused(e) => view! { <p class="field-error" role="alert" data-testid="ranges-error">{e}</p> }.into_any(),
            RangesView::Done(c, ms) => view! {
                <table class="data-table" data-testid="cost-ranges-table" data-ms=format!("{ms:.1}")>
                    <caption>{format!("{} samples over the ranges of {}", format::number(f64::from(c.samples), 0), c.inputs_named())}</caption>
                    <thead><tr><th scope="col">"Tier"</th><th scope="col">"P10"</th><th scope="col">"P50 (budget)"</th><th scope="col">"P90 (budget with margin)"</th><th scope="col">"Cheapest meeting every target"</th></tr></thead>
                    <tbody>
                        {c.tiers.iter().map(|t| view! {
                            <tr data-testid=format!("ranges-{}", t.tier.id())>
                                <th scope="row">{t.tier.short_label()}</th>
                                <td class="num">{money(t.monthly_p10, &currency)}</td>
                                <td class="num">{money(t.monthly_p50, &currency)}</td>
                                <td class="num">{money(t.monthly_p90, &currency)}</td>
                                <td class="num">{format::percent(t.p_cheapest_meeting, 1)}</td>
                            </tr>
                        }).collect_view()}
                        <tr><th scope="row">"No tier meets every target"</th><td></td><td></td><td></td><td class="num">{format::percent(c.p_none_meeting, 1)}</td></tr>
                    </tbody>
                </table>
            }.into_any(),
        }
    };
    view! {
        <section class="robustness" aria-label="Sensitivity and cost ranges" data-testid="robustness"
            data-redraws=move || redraws.get().to_string() data-views-ms=timing>
            <h2>"Does the choice survive scrutiny?"</h2>
            <div class="tornado-controls">
                <span>"Tornado for "</span>{tier_buttons}
            </div>
            <ChartFrame title="What drives the monthly cost" id="tornado" canvas=canvas
                description="Each key input moved to its low and high (±20% for quantities unless the input carries its own range; ratios, discount and unit prices over a plausible range), and the change in the tier's monthly cost; inputs that only change what outages cost move the risk-adjusted figure. Largest ten.">{move || table()}</ChartFrame>
            <FieldFor path="ranges.swing_pct" />
            <h3>"Cost ranges"</h3>
            <div data-testid="cost-ranges">{ranges_view}</div>
        </section>
    }
}

/// Wraps a number field's input handler so that it also reads a range
/// (`600..800..1200`, in the field's displayed units): the likely value is
/// applied as the field's value and the range is kept in `ranges.inputs`
/// under the field's path. A plain number removes the field's range. Also
/// shows a range the scenario carries (a preset, import or link) in the
/// field. Whole-number fields and fields that cannot carry a range are left
/// as they are.
pub fn range_input(
    state: AppState,
    path: &'static str,
    integer: bool,
    scale: f64,
    set: fn(&mut crate::engine::Scenario, f64),
    text: RwSignal<String>,
    on_number: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl Fn(String) + Copy + Send + Sync + 'static {
    let can = !integer && ranges::slot(path).is_some();
    if can {
        // Show a carried range when the text does not already say it (read
        // through the fields' one subscriber to the scenario).
        let carried = state
            .scenario_fields
            .derive(move |s| s.ranges.inputs.get(path).copied());
        Effect::new(move |_| {
            let carried = carried.get();
            if let Some(t) = carried {
                let shown = ranges::Triangular {
                    low: t.low * scale,
                    likely: t.likely * scale,
                    high: t.high * scale,
                };
                let typed = text.get_untracked();
                let same = ranges::parse_range(&typed, state.decimal())
                    .and_then(Result::ok)
                    .is_some_and(|x| {
                        (x.low - shown.low).abs() < 1e-9
                            && (x.high - shown.high).abs() < 1e-9
                            && (x.likely - shown.likely).abs() < 1e-9
                    });
                if !same {
                    text.set(shown.show(state.decimal()));
                }
            } else {
                let typed = text.get_untracked();
                let pending = state.parse_errors.with_untracked(|e| e.contains_key(path));
                if !pending && matches!(ranges::parse_range(&typed, state.decimal()), Some(Ok(_))) {
                    let v = state
                        .scenario
                        .with_untracked(|s| ranges::slot(path).map(|slot| (slot.get)(s) * scale));
                    if let Some(v) = v {
                        text.set(crate::engine::typed::show_number(v, state.decimal()));
                    }
                }
            }
        });
    }
    move |raw: String| {
        if !can {
            return on_number(raw);
        }
        match ranges::parse_range(&raw, state.decimal()) {
            Some(Ok(t)) => {
                text.set(raw);
                state.parse_errors.update(|e| {
                    e.remove(path);
                });
                state.scenario.update(|s| {
                    set(s, t.likely / scale);
                    s.ranges.inputs.insert(
                        path.to_string(),
                        ranges::Triangular {
                            low: t.low / scale,
                            likely: t.likely / scale,
                            high: t.high / scale,
                        },
                    );
                });
            }
            Some(Err(message)) => {
                text.set(raw);
                state.parse_errors.update(|e| {
                    e.insert(path.to_string(), message);
                });
            }
            None => {
                if state
                    .scenario
                    .with_untracked(|s| s.ranges.inputs.contains_key(path))
                {
                    state.scenario.update(|s| {
                        s.ranges.inputs.remove(path);
                    });
                }
                on_number(raw)
            }
        }
    }
}

/// The CSV export's P50 and P90 budget lines (empty without ranges, or
/// when the ranges cannot be simulated: the page shows why).
pub fn budget_lines(
    s: &crate::engine::Scenario,
    plan: &crate::engine::Plan,
    sheet: &crate::engine::PriceSheet,
    regions: &crate::engine::RegionTable,
    meta: &crate::engine::report::CsvMeta,
) -> String {
    if s.ranges.inputs.is_empty() {
        return String::new();
    }
    ranges::cost_ranges(s, sheet, regions, s.ranges.samples)
        .map(|r| crate::engine::report::budget_lines_csv(plan, &r, meta))
        .unwrap_or_default()
}
