//! Rows of the list editors (regions, measured round trips, SLA credit
//! steps, drills), each keyed by an id that stays with its row while rows
//! above it come and go. The scenario's lists carry no ids (they are the
//! engine's), so the ids live here, one per item, in the list's order.
//!
//! A row is drawn once for its id (a keyed `<For>`), so what a person is
//! half-way through typing in it stays in it; its position, and so the JSON
//! paths its messages are kept under, follow the list. Removing a row moves
//! the parse errors of the rows below it up one place, and drops its own.

use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use super::state::AppState;
use crate::engine::inputs::{self, ListInput};
use crate::engine::Scenario;

/// The next row id (never reused, so a new row is never taken for an old one).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn fresh_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Fits `ids` to a list of `len` items: a row added at the end gets a new
/// id; ids past the end go.
fn fit(ids: &mut Vec<u64>, len: usize) {
    ids.truncate(len);
    while ids.len() < len {
        ids.push(fresh_id());
    }
}

/// After item `removed` of `list` is removed: that item's entries go, and
/// those of the items after it move up one place (`regions[2].x` becomes
/// `regions[1].x`). Entries of other paths stay as they are.
pub fn shift_after_removal(errors: &mut BTreeMap<String, String>, list: &str, removed: usize) {
    let prefix = format!("{list}[");
    let index_of = |path: &str| {
        let (index, rest) = path.strip_prefix(&prefix)?.split_once(']')?;
        Some((index.parse::<usize>().ok()?, rest.to_string()))
    };
    for (path, message) in std::mem::take(errors) {
        let path = match index_of(&path) {
            Some((i, _)) if i == removed => continue,
            Some((i, rest)) if i > removed => format!("{prefix}{}]{rest}", i - 1),
            _ => path,
        };
        errors.insert(path, message);
    }
}

/// The row ids of one list of the scenario.
#[derive(Clone, Copy)]
pub struct RowIds {
    /// The list's JSON path (`regions`).
    list: &'static str,
    /// Items in the list.
    count: fn(&Scenario) -> usize,
    ids: RwSignal<Vec<u64>>,
}

impl RowIds {
    fn new(input: &'static ListInput) -> Self {
        Self {
            list: input.list,
            count: input.count,
            ids: RwSignal::new(Vec::new()),
        }
    }

    /// The ids of the list's rows, in order, one per item (for a keyed
    /// `<For>`): an item added to the scenario gets a new id.
    pub fn keys(self, state: AppState) -> impl Fn() -> Vec<u64> + Copy + Send + Sync + 'static {
        let count = self.count;
        let len = Memo::new(move |_| state.scenario.with(count));
        move || {
            let len = len.get();
            self.ids.track();
            // Not a change anyone needs to hear of: rows already drawn keep
            // their places, and a new row reads its place when it is drawn.
            self.ids.update_untracked(|ids| {
                fit(ids, len);
                ids.clone()
            })
        }
    }

    /// The row's place in the list now (`usize::MAX` once it is removed).
    pub fn index(self, id: u64) -> Memo<usize> {
        Memo::new(move |_| {
            self.ids
                .with(|ids| ids.iter().position(|x| *x == id))
                .unwrap_or(usize::MAX)
        })
    }

    /// Removes the row `id`: `remove` takes its item out of the scenario
    /// (and says whether it did); its parse errors go, and those of the rows
    /// below it move up with them.
    pub fn remove(self, state: AppState, id: u64, remove: fn(&mut Scenario, usize) -> bool) {
        let Some(index) = self
            .ids
            .with_untracked(|ids| ids.iter().position(|x| *x == id))
        else {
            return;
        };
        let mut removed = false;
        state.scenario.maybe_update(|s| {
            removed = remove(s, index);
            removed
        });
        if removed {
            self.ids.update(|ids| {
                ids.remove(index);
            });
            state
                .parse_errors
                .update(|e| shift_after_removal(e, self.list, index));
        }
    }

    /// Forgets the rows: each item gets a new row (the whole scenario was
    /// replaced, so no half-typed text belongs to any of them).
    fn reset(self) {
        self.ids.set(Vec::new());
    }
}

/// The row ids of every list editor.
#[derive(Clone, Copy)]
pub struct ListRows {
    pub regions: RowIds,
    pub rtts: RowIds,
    pub credits: RowIds,
    pub drills: RowIds,
}

impl Default for ListRows {
    fn default() -> Self {
        Self {
            regions: RowIds::new(&inputs::REGION_SHARE),
            rtts: RowIds::new(&inputs::MEASURED_RTT),
            credits: RowIds::new(&inputs::CREDIT_BELOW),
            drills: RowIds::new(&inputs::DRILL_VALUE),
        }
    }
}

impl ListRows {
    /// Every list gets new rows (after a preset, reset, import, link, undo).
    pub fn reset(&self) {
        for rows in [self.regions, self.rtts, self.credits, self.drills] {
            rows.reset();
        }
    }
}
