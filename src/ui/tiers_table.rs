//! The four tiers side by side. Every figure is a button that opens its
//! working (line items, formula, price-sheet row).

use leptos::prelude::*;

use std::sync::Arc;

use super::fanout::Fanout;
use super::state::{AppState, Good, Topic};
use crate::engine::costs::Category;
use crate::engine::format;
use crate::engine::plan::TierResult;
use crate::engine::tiers::TierId;

/// A figure that opens its working when pressed.
pub(super) fn figure<T: Fn() -> String + Send + Sync + Clone + 'static>(
    state: AppState,
    tier: TierId,
    topic: Topic,
    testid: String,
    text: T,
) -> impl IntoView {
    let t = text.clone();
    let label = move || format!("Show the working for {} of {}", t(), tier.short_label());
    view! {
        <button type="button"
            class="figure"
            class:open=move || state.working.get() == Some((tier, topic))
            data-testid=testid
            aria-label=label
            aria-controls="working"
            aria-expanded=move || if state.working.get() == Some((tier, topic)) { "true" } else { "false" }
            on:click=move |_| {
                state.working.update(|w| *w = if *w == Some((tier, topic)) { None } else { Some((tier, topic)) });
            }
        >
            {move || text()}
        </button>
    }
}

type Row = (
    &'static str,
    Topic,
    &'static str,
    fn(&TierResult, &str) -> String,
);

/// Metric rows: (label, topic, test-id suffix, formatter).
fn rows() -> Vec<Row> {
    vec![
        ("Monthly cost", Topic::All, "monthly", |t, c| {
            format::money_whole(t.cost.monthly, c)
        }),
        ("Annual cost", Topic::Annual, "annual", |t, c| {
            format::money_whole(t.cost.annual, c)
        }),
        ("Cost vs single region", Topic::Ratio, "ratio", |t, _| {
            format!("{}×", format::number(t.cost_ratio, 2))
        }),
        (
            "Cost on published or API prices",
            Topic::All,
            "price-confidence",
            |t, _| {
                let c = &t.price_confidence;
                format!(
                    "{} ({} derived, {} unverified)",
                    format::percent(c.published_share, 0),
                    format::percent(c.derived_share, 0),
                    format::percent(c.unverified_share, 0)
                )
            },
        ),
        (
            "Compute multiple",
            Topic::Category(Category::Compute),
            "compute-multiple",
            |t, _| {
                format!(
                    "{}× ({} instances at peak, {} billed on average)",
                    format::number(t.cost.compute_multiple, 2),
                    t.cost.compute_instances,
                    format::number(t.cost.compute_instances_billed_avg, 1)
                )
            },
        ),
        (
            "Cosmos DB RU/s per region",
            Topic::Category(Category::CosmosThroughput),
            "ru-per-region",
            |t, _| format::number(t.cost.cosmos.ru_per_s_per_region, 0),
        ),
        (
            "Cosmos DB RU/s steady / after losing a region",
            Topic::Category(Category::CosmosThroughput),
            "ru-failover",
            |t, _| {
                let c = &t.cost.cosmos;
                let mut text = format!(
                    "{} / {}",
                    format::number(c.ru_per_s_steady, 0),
                    format::number(c.ru_per_s_after_failover, 0)
                );
                if c.failover_shortfall_fraction > 0.0 {
                    text.push_str(&format!(
                        " (shortfall {} for {})",
                        format::percent(c.failover_shortfall_fraction, 1),
                        format::duration(c.failover_shortfall_s)
                    ));
                }
                text
            },
        ),
        (
            "Cosmos DB RU/s billed",
            Topic::Category(Category::CosmosThroughput),
            "ru-billed",
            |t, _| {
                format!(
                    "{} ({} write region{})",
                    format::number(t.cost.cosmos.ru_per_s_billed, 0),
                    t.cost.cosmos.write_regions,
                    if t.cost.cosmos.write_regions == 1 {
                        ""
                    } else {
                        "s"
                    }
                )
            },
        ),
        (
            "Cosmos DB monthly",
            Topic::Category(Category::CosmosThroughput),
            "cosmos-monthly",
            |t, c| format::money_whole(t.cost.cosmos.monthly, c),
        ),
        (
            "Replication egress",
            Topic::Category(Category::ReplicationEgress),
            "egress",
            |t, c| {
                format!(
                    "{} GB · {}",
                    format::number(t.cost.replication_egress_gb_per_month, 0),
                    format::money_whole(t.cost.replication_egress_monthly, c)
                )
            },
        ),
        (
            "Front Door",
            Topic::Category(Category::FrontDoor),
            "front-door",
            |t, c| format::money_whole(t.cost.front_door_monthly, c),
        ),
        (
            "RTO reads / writes (guaranteed)",
            Topic::Rto,
            "rto",
            |t, _| {
                let g = &t.resilience.guaranteed;
                format!(
                    "{} / {} ({} / {})",
                    format::duration(t.resilience.rto_reads_s),
                    format::duration(t.resilience.rto_writes_s),
                    format::duration(g.rto_reads_s),
                    format::duration(g.rto_writes_s)
                )
            },
        ),
        ("RPO (guaranteed)", Topic::Rpo, "rpo", |t, _| {
            format!(
                "{} ({})",
                format::duration(t.resilience.rpo_s),
                format::duration(t.resilience.guaranteed.rpo_s)
            )
        }),
        (
            "Availability: SLA-backed floor",
            Topic::Availability,
            "availability",
            |t, _| {
                format!(
                    "{} (at most {} min/yr down)",
                    format::percent(t.resilience.availability, 3),
                    format::number(t.resilience.downtime_min_per_year, 0)
                )
            },
        ),
        (
            "Downtime: expected from regional outages",
            Topic::Risk,
            "expected-downtime",
            |t, _| {
                let minutes = t.risk.downtime_h_per_year * 60.0;
                format!(
                    "{} h/yr ({} min)",
                    format::number(t.risk.downtime_h_per_year, 2),
                    format::number(minutes, if minutes < 10.0 { 1 } else { 0 })
                )
            },
        ),
        (
            "Expected loss per year",
            Topic::Risk,
            "expected-loss",
            |t, c| format::money_whole(t.risk.expected_annual_loss, c),
        ),
        (
            "Risk-adjusted annual cost",
            Topic::Risk,
            "risk-adjusted",
            |t, c| format::money_whole(t.risk.risk_adjusted_annual, c),
        ),
    ]
}

/// The comparison table. Its structure (four tiers, the metric rows, one
/// row per user geography) is built once per set of geographies; each cell is
/// a fine-grained text binding, so an input change only rewrites text.
#[component]
pub fn TiersTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let good = Memo::new(move |_| state.last_good.get());
    let loaded = Memo::new(move |_| good.with(|g| g.is_some()));
    let recommended =
        Memo::new(move |_| good.with(|g| g.as_ref().and_then(|g| g.plan.recommended_tier)));
    let geos = Memo::new(move |_| {
        good.with(|g| {
            g.as_ref()
                .and_then(|g| g.plan.tiers.first())
                .map(|t| {
                    t.resilience
                        .latency
                        .iter()
                        .map(|g| (g.region.clone(), g.display_name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Text of one tier's cell, worked out when the plan changes by one
    // subscriber for every cell (`Fanout`): a cell's text and label are
    // rewritten only when its own text changed, not ~70 cells' two bindings
    // re-run (and re-subscribed) on every keystroke (issue 16, speed).
    let cells = Fanout::new(good);
    let cell = move |id: TierId, f: fn(&TierResult, &str) -> String| {
        let text = cells.derive(move |g: &Option<Arc<Good>>| {
            g.as_ref()
                .and_then(|g| g.plan.tier(id).map(|t| f(t, &g.plan.currency)))
                .unwrap_or_default()
        });
        move || text.get()
    };
    let header = TierId::ALL
        .into_iter()
        .map(|id| {
            let is_rec = move || recommended.get() == Some(id);
            view! {
                <th scope="col" class:recommended=is_rec data-testid=format!("tier-{}-header", id.id())>
                    <span class="tier-name">{id.label()}</span>
                    {move || is_rec().then(|| view! { <span class="badge" data-testid="recommended-badge">"✓ Recommended"</span> })}
                </th>
            }
        })
        .collect_view();
    let body = rows()
        .into_iter()
        .map(|(label, topic, suffix, fmt)| {
            let cells = TierId::ALL
                .into_iter()
                .map(|id| {
                    let testid = format!("tier-{}-{}", id.id(), suffix);
                    view! {
                        <td class:recommended=move || recommended.get() == Some(id)>
                            {figure(state, id, topic, testid, cell(id, fmt))}
                        </td>
                    }
                })
                .collect_view();
            // The rows a projector shows in presentation mode.
            let key = matches!(suffix, "monthly" | "rto" | "rpo");
            let title = match suffix {
                "availability" => Some("The floor the component SLAs guarantee: the product of every SLA on the request path. Microsoft credits the bill below it; real downtime is usually far less."),
                "expected-downtime" => Some("What the risk model expects: regional outages a year × their typical length × the share of users each tier loses until it recovers. Usually far below the SLA floor."),
                _ => None,
            };
            view! { <tr class:key-row=key><th scope="row" title=title>{label}</th>{cells}</tr> }
        })
        .collect_view();
    let latency_rows = move || {
        geos.get()
            .into_iter()
            .map(|(region, name)| {
                let cells = TierId::ALL
                    .into_iter()
                    .map(|id| {
                        let r = region.clone();
                        let text = move || {
                            good.with(|g| {
                                g.as_ref()
                                    .and_then(|g| g.plan.tier(id))
                                    .and_then(|t| t.resilience.latency.iter().find(|x| x.region == r))
                                    .map(|g| {
                                        if (g.writes_p95_ms - g.reads_p95_ms).abs() > 0.5 {
                                            format!("{} ms (writes {} ms)", format::number(g.reads_p95_ms, 0), format::number(g.writes_p95_ms, 0))
                                        } else {
                                            format!("{} ms", format::number(g.reads_p95_ms, 0))
                                        }
                                    })
                                    .unwrap_or_default()
                            })
                        };
                        view! {
                            <td class:recommended=move || recommended.get() == Some(id)>
                                {figure(state, id, Topic::Latency, format!("tier-{}-latency-{}", id.id(), region), text)}
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{format!("p95 latency, {name} users")}</th>{cells}</tr> }
            })
            .collect_view()
    };
    // 1, 3 and 5 years, reservations on the term that fits each horizon.
    let years = super::state::multi_year_memo(state);
    let years_cells = TierId::ALL
        .into_iter()
        .map(|id| {
            let text = move || {
                let currency = good.with(|g| {
                    g.as_ref()
                        .map(|g| g.plan.currency.clone())
                        .unwrap_or_default()
                });
                years.with(|ys| {
                    ys.iter()
                        .find(|y| y.tier == id)
                        .map(|y| {
                            format!(
                                "{} / {} / {}",
                                format::money_whole(y.years_1, &currency),
                                format::money_whole(y.years_3, &currency),
                                format::money_whole(y.years_5, &currency)
                            )
                        })
                        .unwrap_or_default()
                })
            };
            view! {
                <td class:recommended=move || recommended.get() == Some(id)>
                    {figure(state, id, Topic::Annual, format!("tier-{}-years", id.id()), text)}
                </td>
            }
        })
        .collect_view();
    let years_title = move || {
        years.with(|ys| {
            ys.first()
                .map(|y| format!("Reservations: {}. Today's prices, no inflation.", y.terms))
                .unwrap_or_default()
        })
    };
    let verdicts = TierId::ALL
        .into_iter()
        .map(|id| {
            let content = move || {
                good.with(|g| {
                    let g = g.as_ref()?;
                    let t = g.plan.tier(id)?;
                    Some(if t.meets_targets {
                        view! { <p class="meets">"Meets every target"</p> }.into_any()
                    } else {
                        // The verdicts in words, written for what is shown.
                        let items = crate::engine::verdicts::for_tier(&g.scenario, &g.plan, t)
                            .into_iter()
                            .map(|f| view! { <li data-target=f.target>{f.message}</li> })
                            .collect_view();
                        view! { <ul class="misses">{items}</ul> }.into_any()
                    })
                })
            };
            view! {
                <td class:recommended=move || recommended.get() == Some(id) data-testid=format!("tier-{}-verdict", id.id())>{content}</td>
            }
        })
        .collect_view();
    view! {
        <p class="placeholder" data-testid="loading" class:hidden=move || loaded.get()>"Loading prices…"</p>
        <div class="table-wrap" class:hidden=move || !loaded.get()>
            <table class="tiers" data-testid="tiers-table">
                <caption class="visually-hidden">"The four tiers side by side; press any figure to see how it was worked out."</caption>
                <thead><tr><th scope="col">"Per month unless stated"</th>{header}</tr></thead>
                <tbody>
                    {body}
                    <tr><th scope="row" title=years_title>"1 / 3 / 5-year cost"</th>{years_cells}</tr>
                    {super::robustness::range_row(recommended)}
                    {latency_rows}
                    <tr class="verdict-row"><th scope="row">"Targets"</th>{verdicts}</tr>
                </tbody>
            </table>
        </div>
    }
}

/// The four monthly totals in a bar that stays in sight while the inputs
/// are edited on a narrow screen (hidden on wide screens and in print).
#[component]
pub fn TotalsBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.last_good.get().map(|good| {
            let recommended = good.plan.recommended_tier;
            TierId::ALL
                .into_iter()
                .filter_map(|id| good.plan.tier(id).map(|t| (id, t.cost.monthly)))
                .map(|(id, monthly)| {
                    view! {
                        <div class="total" class:recommended=recommended == Some(id) data-testid=format!("total-{}", id.id())>
                            <span>{id.short_label()}{if recommended == Some(id) { " ✓" } else { "" }}</span>
                            <strong>{format::money_whole(monthly, &good.plan.currency)}</strong>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}

/// The decision in one line (presentation mode's headline).
fn one_line(plan: &crate::engine::Plan) -> String {
    match plan.recommended_tier.and_then(|id| plan.tier(id)) {
        Some(t) => format!(
            "{}: {} a month, the cheapest meeting every target",
            t.cost.tier.label(),
            format::money_whole(t.cost.monthly, &plan.currency)
        ),
        None => "No tier meets every target: relax a target or change the design.".into(),
    }
}

/// The recommendation, in words.
#[component]
pub fn Recommendation() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.last_good.get().map(|good| {
            let none = good.plan.recommended_tier.is_none();
            view! {
                <section class="recommendation" class:none=none data-testid="recommendation" aria-live="polite">
                    <h2>{if none { "No tier meets every target" } else { "Recommendation" }}</h2>
                    <p class="one-line" data-testid="recommendation-line">{one_line(&good.plan)}</p>
                    <p class="executive" data-testid="executive-summary">{crate::engine::summary::executive_summary(&good.plan)}</p>
                    <p class="full">{crate::engine::verdicts::recommendation(&good.scenario, &good.plan)}</p>
                </section>
            }
        })
    }
}
