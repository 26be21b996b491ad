//! The failure-mode matrix: one row per way a tier can fail, the four tiers
//! as columns (like the comparison). Each cell's figures open the working,
//! which cites the pages behind them.

use leptos::prelude::*;

use super::state::{AppState, Topic};
use super::tiers_table::figure;
use crate::engine::failure_modes::{FailureMode, FailureModeRow};
use crate::engine::format;
use crate::engine::tiers::TierId;

/// "15 min" or "15 min (bound 1 h)" when the guaranteed figure differs;
/// "measured …" when a drill replaced the model.
fn pair(
    expected: f64,
    guaranteed: f64,
    measured: Option<&crate::engine::failure_modes::Measured>,
) -> String {
    let mut text = format::duration(expected);
    if let Some(m) = measured {
        text.push_str(&format!(
            " measured {}",
            crate::engine::drills::display_date(&m.date)
        ));
        if m.stale {
            text.push_str(&format!(
                " (stale: {} days old)",
                format::number(m.age_days.unwrap_or(0.0), 0)
            ));
        }
    }
    if guaranteed > expected + 0.5 {
        text.push_str(&format!(" (bound {})", format::duration(guaranteed)));
    }
    text
}

/// The recovery figures of a row, in words.
pub fn recovery_text(r: &FailureModeRow) -> String {
    format!(
        "RTO {} · RPO {}",
        pair(
            r.rto_expected_s,
            r.rto_guaranteed_s,
            r.rto_measured.as_ref()
        ),
        pair(
            r.rpo_expected_s,
            r.rpo_guaranteed_s,
            r.rpo_measured.as_ref()
        )
    )
}

/// Capacity, mitigation and its cost, in words.
pub fn detail_text(r: &FailureModeRow, currency: &str) -> String {
    let capacity = match r.capacity_left {
        Some(c) => format!("{} of peak served", format::percent(c, 0)),
        None => "capacity intact, data restored".to_string(),
    };
    let cost = match (r.mitigation_monthly, r.mitigation_per_use) {
        (Some(m), Some(u)) => format!(
            " ({} a month + {} a restore)",
            format::money_whole(m, currency),
            format::money_whole(u, currency)
        ),
        (Some(0.0), None) => " (no extra charge)".to_string(),
        (Some(m), None) => format!(" ({} a month)", format::money_whole(m, currency)),
        (None, Some(u)) => format!(" ({} a restore)", format::money_whole(u, currency)),
        (None, None) => String::new(),
    };
    format!("{capacity}. {}{cost}", r.mitigation)
}

/// The matrix, under the comparison.
#[component]
pub fn FailureModesTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let good = Memo::new(move |_| state.last_good.get());
    let loaded = Memo::new(move |_| good.with(|g| g.is_some()));
    let row_of = move |id: TierId, mode: FailureMode, f: fn(&FailureModeRow, &str) -> String| {
        move || {
            good.with(|g| {
                g.as_ref()
                    .and_then(|g| {
                        let t = g.plan.tier(id)?;
                        let r = t.failure_modes.iter().find(|r| r.mode == mode)?;
                        Some(f(r, &g.plan.currency))
                    })
                    .unwrap_or_default()
            })
        }
    };
    let header = TierId::ALL
        .into_iter()
        .map(|id| view! { <th scope="col">{id.short_label()}</th> })
        .collect_view();
    let body = FailureMode::ALL
        .into_iter()
        .map(|mode| {
            let cells = TierId::ALL
                .into_iter()
                .map(|id| {
                    let testid = format!("fm-{}-{}", id.id(), mode.id());
                    view! {
                        <td data-testid=format!("{testid}-cell")>
                            {figure(state, id, Topic::FailureMode(mode), testid.clone(), row_of(id, mode, |r, _| recovery_text(r)))}
                            <div class="fm-detail" data-testid=format!("{testid}-detail")>{row_of(id, mode, detail_text)}</div>
                        </td>
                    }
                })
                .collect_view();
            view! { <tr data-testid=format!("fm-row-{}", mode.id())><th scope="row">{mode.label()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <section class="failure-modes" class:hidden=move || !loaded.get() data-testid="failure-modes">
            <h2>"Failure modes"</h2>
            <p class="group-note">"Recovery time (RTO) and data lost (RPO) on the expected basis, with Microsoft's documented bound beside it where it is higher; the share of peak the remaining capacity serves; what limits the damage and what it costs. Press a figure for the working and its sources."</p>
            <div class="table-wrap">
                <table class="tiers failure-modes-table" data-testid="failure-modes-table">
                    <caption class="visually-hidden">"Each failure mode against the four tiers."</caption>
                    <thead><tr><th scope="col">"Failure"</th>{header}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
