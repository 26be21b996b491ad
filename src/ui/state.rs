//! The page's state: the scenario being edited, the loaded price data, and
//! the engine's answer, read through memos. No arithmetic on prices here.

use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::fanout::Fanout;
use super::rows::ListRows;
use crate::engine::plan::{self, HeadroomPoint, Plan, PlanError};
use crate::engine::pricing::SheetRef;
use crate::engine::risk::{self, LossImpact, SimulatedRisk};
use crate::engine::tiers::TierId;
use crate::engine::typed::DecimalMark;
use crate::engine::{PriceSheet, RegionTable, Scenario};

/// What the "show the working" panel explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    /// Every line item of the tier.
    All,
    /// Every line item, and the annual figure as 12 × the monthly total.
    Annual,
    /// Every line item, and the ratio to the single-region tier's total.
    Ratio,
    /// The line items of one cost group.
    Category(crate::engine::costs::Category),
    Rto,
    Rpo,
    Availability,
    Latency,
    Risk,
    /// One failure mode's row of the matrix.
    FailureMode(crate::engine::failure_modes::FailureMode),
}

/// A scenario the engine accepted, with its plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Good {
    pub scenario: Scenario,
    pub plan: Plan,
}

/// Undo and redo of scenario edits. Keystrokes less than a second apart
/// are one step, so Ctrl+Z takes back a typed number, not one digit.
#[derive(Debug, Default)]
pub struct History {
    past: Vec<Scenario>,
    future: Vec<Scenario>,
    current: Option<Scenario>,
    last_change_ms: f64,
    /// The next change is an undo or redo being applied, not an edit.
    applying: bool,
    /// The next change replaces the whole scenario (preset, reset, import):
    /// a step of its own, never merged with typing before or after it.
    boundary: bool,
}

/// Steps kept.
const HISTORY_STEPS: usize = 100;

impl History {
    /// Records the scenario after a change.
    pub fn record(&mut self, scenario: &Scenario, now_ms: f64) {
        if std::mem::take(&mut self.applying) {
            self.current = Some(scenario.clone());
            return;
        }
        let Some(previous) = self.current.replace(scenario.clone()) else {
            return;
        };
        if previous == *scenario {
            return;
        }
        let boundary = std::mem::take(&mut self.boundary);
        if boundary || self.past.is_empty() || now_ms - self.last_change_ms > 1000.0 {
            self.past.push(previous);
            if self.past.len() > HISTORY_STEPS {
                self.past.remove(0);
            }
        }
        self.future.clear();
        // After a whole-scenario change the next edit is a new step too.
        self.last_change_ms = if boundary { f64::NEG_INFINITY } else { now_ms };
    }

    /// Marks the next change as a replacement of the whole scenario.
    pub fn boundary(&mut self) {
        self.boundary = true;
    }

    /// The scenario to go back to, if any.
    pub fn undo(&mut self) -> Option<Scenario> {
        let back = self.past.pop()?;
        if let Some(now) = self.current.replace(back.clone()) {
            self.future.push(now);
        }
        self.applying = true;
        Some(back)
    }

    /// The scenario to go forward to, if any.
    pub fn redo(&mut self) -> Option<Scenario> {
        let forward = self.future.pop()?;
        if let Some(now) = self.current.replace(forward.clone()) {
            self.past.push(now);
        }
        self.applying = true;
        Some(forward)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

/// Whether a memo of a shared value changed: by identity (the same `Arc`
/// is the same value), so a sheet or plan is never compared field by field.
fn arc_changed<T>(a: Option<&Option<Arc<T>>>, b: Option<&Option<Arc<T>>>) -> bool {
    match (a, b) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// Shared page state (signals are `Copy`).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The scenario as edited (every value in it parsed as a number).
    pub scenario: RwSignal<Scenario>,
    /// Fields whose text is not a number yet, by JSON path (a list row's
    /// entries move with it when a row above it goes: see [`super::rows`]).
    pub parse_errors: RwSignal<BTreeMap<String, String>>,
    pub sheet: RwSignal<Option<Arc<PriceSheet>>>,
    /// The sheet the figures are priced with: `sheet`, or a copy converted
    /// to the scenario's display currency (made again only when the sheet
    /// or the conversion changes, not on every keystroke).
    pub priced: Memo<Option<Arc<PriceSheet>>>,
    /// The sheet a shared link, imported file or autosave says its figures
    /// were made with, while the page uses another one (None once they match
    /// or the person chose to keep the sheet in use).
    pub wanted_sheet: RwSignal<Option<SheetRef>>,
    pub regions: RwSignal<Option<Arc<RegionTable>>>,
    /// Price sheets offered in the selector (file names under pricing/).
    pub sheets_available: RwSignal<Vec<String>>,
    /// A price sheet that failed to load or parse, in words.
    pub sheet_error: RwSignal<Option<String>>,
    /// A share link or import that could not be opened, in words.
    pub banner: RwSignal<Option<String>>,
    /// A short confirmation ("Share link copied").
    pub toast: RwSignal<Option<String>>,
    /// The engine's answer for the current scenario (None until prices load).
    pub evaluation: Memo<Option<Result<Arc<Plan>, PlanError>>>,
    /// The last scenario the engine accepted, and its plan: what the page
    /// shows. A memo over the evaluation that keeps its previous value while
    /// the scenario is invalid (no Effect writing a signal).
    pub last_good: Memo<Option<Arc<Good>>>,
    /// Errors next to fields: parse errors and validation errors, by path.
    pub field_errors: Memo<BTreeMap<String, String>>,
    pub working: RwSignal<Option<(TierId, Topic)>>,
    pub presentation: RwSignal<bool>,
    /// Time the last evaluation took, ms (shown in the footer).
    pub last_eval_ms: RwSignal<f64>,
    /// Undo and redo of edits, and whether each is possible now.
    pub history: StoredValue<History>,
    /// Number of the latest price-sheet request (chosen in the list or
    /// loaded from a file): an answer to an older one is dropped, so two
    /// sheets chosen quickly can never leave the first on screen.
    pub sheet_request: StoredValue<u64>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The row ids of the list editors (regions, round trips, credits, drills).
    pub rows: ListRows,
    /// The fields' values, read through one subscriber to `scenario`
    /// ([`super::fanout`]).
    pub scenario_fields: Fanout<Scenario>,
    /// The fields' error lines, read through one subscriber to
    /// `field_errors`.
    pub error_fields: Fanout<BTreeMap<String, String>>,
}

impl AppState {
    /// The decimal mark of the browser's locale: fields read and show
    /// numbers in it. Learned on first use (the first field built, just
    /// after the first figures are painted), not at start-up: the browser's
    /// first `toLocaleString` loads its number formatting, about 17 ms that
    /// would otherwise come before the first paint (issue 16, speed).
    pub fn decimal(&self) -> DecimalMark {
        thread_local! {
            static DECIMAL: std::cell::OnceCell<DecimalMark> = const { std::cell::OnceCell::new() };
        }
        DECIMAL.with(|d| *d.get_or_init(super::io::decimal_mark))
    }

    pub fn new(initial: Scenario) -> Self {
        let scenario = RwSignal::new(initial);
        let sheet: RwSignal<Option<Arc<PriceSheet>>> = RwSignal::new(None);
        let regions: RwSignal<Option<Arc<RegionTable>>> = RwSignal::new(None);
        let parse_errors = RwSignal::new(BTreeMap::new());
        let last_eval_ms = RwSignal::new(0.0);
        let conversion = Memo::new(move |_| scenario.with(|s| s.commercial.conversion.clone()));
        let priced = Memo::new_with_compare(
            move |_| {
                let sheet = sheet.get()?;
                Some(match conversion.get() {
                    Some(c) => Arc::new(sheet.converted(&c)),
                    None => sheet,
                })
            },
            arc_changed,
        );
        let evaluation = Memo::new(move |_| {
            let sheet = priced.get()?;
            let regions = regions.get()?;
            // Timed here, where it runs (the footer shows it): a reader of
            // the memo gets the cached answer.
            let started = super::io::now_ms();
            let result = Some(
                scenario
                    .with(|s| {
                        plan::evaluate(s, &sheet, &regions).map(|mut p| {
                            // Drills' ages need today, which the engine is given.
                            if !s.resilience.drills.is_empty() {
                                crate::engine::drills::flag_stale(
                                    &mut p,
                                    &super::io::today(),
                                    s.resilience.drill_max_age_days,
                                );
                            }
                            p
                        })
                    })
                    .map(Arc::new),
            );
            last_eval_ms.set(super::io::now_ms() - started);
            result
        });
        let last_good = Memo::new_with_compare(
            move |previous: Option<&Option<Arc<Good>>>| match evaluation.get() {
                Some(Ok(plan)) => Some(Arc::new(Good {
                    // Tracked: a change the plan does not show (simulated
                    // years, the simulation's seed) still reaches the charts.
                    scenario: scenario.get(),
                    plan: (*plan).clone(),
                })),
                _ => previous.cloned().flatten(),
            },
            arc_changed,
        );
        let field_errors = Memo::new(move |_| {
            let mut all: BTreeMap<String, String> = parse_errors.get();
            if let Some(Err(PlanError::Invalid(errors))) = evaluation.get() {
                for e in errors {
                    all.entry(e.field.clone()).or_insert(e.message.clone());
                }
            }
            all
        });
        Self {
            scenario,
            parse_errors,
            sheet,
            priced,
            wanted_sheet: RwSignal::new(None),
            regions,
            sheets_available: RwSignal::new(vec![
                crate::engine::presets::DEFAULT_SHEET_NAME.to_string()
            ]),
            sheet_error: RwSignal::new(None),
            banner: RwSignal::new(None),
            toast: RwSignal::new(None),
            evaluation,
            last_good,
            field_errors,
            working: RwSignal::new(None),
            presentation: RwSignal::new(false),
            last_eval_ms,
            history: StoredValue::new(History::default()),
            sheet_request: StoredValue::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            rows: ListRows::default(),
            scenario_fields: Fanout::new(scenario),
            error_fields: Fanout::new(field_errors),
        }
    }

    /// Replaces the whole scenario (preset, reset, import, link): clears the
    /// half-typed fields first so every input shows the new values, and
    /// draws the list editors' rows anew. The price sheet a scenario names
    /// is kept apart in `wanted_sheet`.
    pub fn replace_scenario(&self, mut s: Scenario) {
        let wanted = s.price_sheet.take();
        self.history.update_value(History::boundary);
        self.parse_errors.set(BTreeMap::new());
        self.rows.reset();
        self.wanted_sheet.set(wanted);
        self.scenario.set(s);
    }

    /// Goes back one step of edits (or forward, with `redo`).
    pub fn step(&self, redo: bool) {
        let target = self
            .history
            .try_update_value(|h| if redo { h.redo() } else { h.undo() })
            .flatten();
        if let Some(s) = target {
            self.parse_errors.set(BTreeMap::new());
            self.rows.reset();
            self.scenario.set(s);
        }
    }

    /// Records the scenario after a change (called by an effect on it).
    pub fn record_history(&self, scenario: &Scenario) {
        let now = super::io::now_ms();
        self.history.update_value(|h| h.record(scenario, now));
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// The scenario to share, export or print, with the sheet its figures
    /// use; None (and the reason, for the person) while any input is
    /// invalid, so nothing silently goes out with the last valid values.
    pub fn scenario_to_share(&self) -> Result<Scenario, String> {
        let problems = self.field_errors.with_untracked(|m| m.len());
        if problems > 0 {
            return Err(format!(
                "{} marked in red: fix {} first. Nothing was shared or exported, because it would hold your last valid values instead of what the fields show.",
                crate::engine::format::count(problems, "input needs attention", "inputs need attention"),
                if problems == 1 { "it" } else { "them" }
            ));
        }
        let good = self
            .last_good
            .get_untracked()
            .ok_or("The figures are not ready yet.")?;
        let mut s = good.scenario.clone();
        s.price_sheet = self.sheet.get_untracked().map(|sheet| SheetRef::of(&sheet));
        Ok(s)
    }
}

/// Each tier over 1, 3 and 5 years for the last good scenario.
pub fn multi_year_memo(state: AppState) -> Memo<Vec<crate::engine::horizon::MultiYear>> {
    Memo::new(move |_| {
        let (Some(good), Some(sheet), Some(regions)) = (
            state.last_good.get(),
            state.priced.get(),
            state.regions.get(),
        ) else {
            return Vec::new();
        };
        crate::engine::horizon::multi_year(&good.scenario, &good.plan, &sheet, &regions)
            .unwrap_or_default()
    })
}

/// The headroom curve of the last good scenario.
pub fn headroom_memo(state: AppState) -> Memo<Vec<HeadroomPoint>> {
    Memo::new(move |_| {
        let (Some(good), Some(sheet), Some(regions)) = (
            state.last_good.get(),
            state.priced.get(),
            state.regions.get(),
        ) else {
            return Vec::new();
        };
        plan::headroom_curve(&good.scenario, &sheet, &regions, 41)
    })
}

/// One run of the Monte Carlo: each tier's simulated years, how many years,
/// and how long the simulation took in the browser, ms (timed here, where it
/// runs, whichever view asks for it first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SimulationRun {
    pub risks: Vec<SimulatedRisk>,
    pub years: u32,
    pub ms: f64,
}

/// The Monte Carlo of the last good scenario. It depends only on the risk
/// settings and each tier's loss impacts, so a change that does not touch
/// those (traffic, prices, sizes) does not re-run it.
pub fn simulation_memo(state: AppState) -> Memo<SimulationRun> {
    let inputs = Memo::new(move |_| {
        let good = state.last_good.get()?;
        let tiers: Vec<(TierId, Vec<LossImpact>)> = good
            .plan
            .tiers
            .iter()
            .map(|t| (t.cost.tier, t.impacts.clone()))
            .collect();
        Some((good.scenario.clone(), tiers))
    });
    let key = Memo::new(move |_| {
        inputs.with(|i| {
            i.as_ref().map(|(s, tiers)| {
                (
                    s.risk.clone(),
                    s.commercial.hours_per_month,
                    s.regions.len(),
                    tiers.clone(),
                )
            })
        })
    });
    Memo::new(move |_| {
        let Some((risk, _, _, tiers)) = key.get() else {
            return SimulationRun::default();
        };
        let Some((scenario, _)) = inputs.get_untracked() else {
            return SimulationRun::default();
        };
        let mut s = scenario;
        s.risk = risk;
        let started = super::io::now_ms();
        let risks = risk::simulate(&s, &tiers, s.risk.simulated_years);
        SimulationRun {
            risks,
            years: s.risk.simulated_years,
            ms: super::io::now_ms() - started,
        }
    })
}
