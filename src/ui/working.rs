//! "Show the working": the line items behind a figure (quantity × unit
//! price = cost, the formula in words, and the price-sheet row), or the
//! parts of an RTO, RPO, availability, latency or risk figure.

use leptos::prelude::*;

use super::failure_modes::detail_text;
use super::state::{AppState, Topic};
use crate::engine::format;
use crate::engine::resilience_words::PartWords;

fn parts_table(parts: Vec<PartWords>, value: fn(f64) -> String) -> impl IntoView {
    view! {
        <table class="working-table">
            <thead><tr><th scope="col">"Part"</th><th scope="col">"Value"</th><th scope="col">"How"</th></tr></thead>
            <tbody>
                {parts
                    .into_iter()
                    .map(|p| view! { <tr><td>{p.name.to_string()}</td><td class="num">{value(p.value)}</td><td>{p.how}</td></tr> })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Closes the working and gives the focus back to the figure that opened it.
pub fn close_working(state: AppState) {
    let opener = super::io::open_figure_id();
    state.working.set(None);
    if let Some(id) = opener {
        super::io::focus_element(&id);
    }
}

/// The working panel for the selected figure: a panel over the right of
/// the page, focused when it opens, closed by Escape or its ×, which give
/// the focus back to the figure.
#[component]
pub fn Working() -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(
        move |previous: Option<Option<(crate::engine::tiers::TierId, Topic)>>| {
            let now = state.working.get();
            if now.is_some() && previous.flatten() != now {
                super::io::after_paint(|| super::io::focus_element("working"));
            }
            now
        },
    );
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.working.get_untracked().is_some() {
            ev.prevent_default();
            close_working(state);
        }
    });
    on_cleanup(move || on_key.remove());
    move || {
        let (tier, topic) = state.working.get()?;
        let good = state.last_good.get()?;
        let t = good.plan.tier(tier)?.clone();
        let cur = good.plan.currency.clone();
        let title = match topic {
            Topic::All => format!("{}: every line item", tier.label()),
            Topic::Annual => format!("{}: annual cost", tier.label()),
            Topic::Ratio => format!("{}: cost against a single region", tier.label()),
            Topic::Category(c) => format!("{}: {}", tier.label(), c.label()),
            Topic::Rto => format!("{}: recovery time", tier.label()),
            Topic::Rpo => format!("{}: recovery point", tier.label()),
            Topic::Availability => format!("{}: composite availability", tier.label()),
            Topic::Latency => format!("{}: p95 latency by user geography", tier.label()),
            Topic::Risk => format!("{}: risk-adjusted cost", tier.label()),
            Topic::FailureMode(m) => format!("{}: {}", tier.label(), m.label()),
        };
        // The parts' names and explanations are written now, for the tier
        // shown, from the figures the page computed.
        let regions = state.regions.get();
        let words = |parts: &[crate::engine::resilience::Part]| match &regions {
            Some(regions) => {
                crate::engine::resilience_words::parts(tier, &good.scenario, regions, parts)
            }
            None => Vec::new(),
        };
        let body = match topic {
            Topic::All | Topic::Annual | Topic::Ratio | Topic::Category(_) => {
                // The page computes numbers only; the lines' names and
                // formulas are written now, for the tier being shown, by the
                // cost functions that priced them.
                let written = match (state.priced.get(), state.regions.get()) {
                    (Some(sheet), Some(regions)) => {
                        crate::engine::tiers::line_words(tier, &good.scenario, &sheet, &regions).unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                let items: Vec<_> = t
                    .cost
                    .line_items
                    .iter()
                    .enumerate()
                    .filter(|(_, li)| match topic {
                        Topic::Category(c) => li.category == c,
                        _ => true,
                    })
                    .map(|(i, li)| (li.clone(), written.get(i).cloned().unwrap_or_default()))
                    .collect();
                let total: f64 = items.iter().map(|(li, _)| li.monthly).sum();
                let single = good.plan.tier(crate::engine::tiers::TierId::SingleRegion).map(|s| s.cost.monthly);
                let extra = match topic {
                    Topic::Annual => Some({
                        let mut text = format!(
                            "Annual cost = 12 × monthly cost = 12 × {} = {}.",
                            format::money(t.cost.monthly, &cur),
                            format::money(t.cost.annual, &cur)
                        );
                        if let (Some(sheet), Some(regions)) = (state.priced.get(), state.regions.get()) {
                            if let Some(y) = crate::engine::horizon::multi_year(&good.scenario, &good.plan, &sheet, &regions)
                                .and_then(|ys| ys.into_iter().find(|y| y.tier == tier))
                            {
                                text.push_str(&format!(
                                    " Over 1 / 3 / 5 years: {} / {} / {} (reservations: {}; today's prices, no inflation).",
                                    format::money_whole(y.years_1, &cur),
                                    format::money_whole(y.years_3, &cur),
                                    format::money_whole(y.years_5, &cur),
                                    y.terms
                                ));
                            }
                        }
                        text
                    }),
                    Topic::Ratio => single.map(|single| format!(
                        "Cost vs single region = this tier's monthly cost ÷ the single-region tier's = {} ÷ {} = {}×.",
                        format::money(t.cost.monthly, &cur),
                        format::money(single, &cur),
                        format::number(t.cost_ratio, 2)
                    )),
                    Topic::Category(crate::engine::costs::Category::CosmosThroughput) => Some({
                        let c = &t.cost.cosmos;
                        let mut text = format!(
                            "Steady, the busiest region carries its reads ({} RU/s) plus every write in the world ({} RU/s): {} RU/s. After losing a region, the busiest survivor carries {} RU/s. Provisioned: {} RU/s per region across {} region(s), {} write region(s) ({}). RU per operation at {}.",
                            format::number(c.read_ru_per_s, 0),
                            format::number(c.write_ru_per_s, 0),
                            format::number(c.ru_per_s_steady, 0),
                            format::number(c.ru_per_s_after_failover, 0),
                            format::number(c.ru_per_s_per_region, 0),
                            c.regions,
                            c.write_regions,
                            good.scenario.data.failover_policy.label().to_lowercase(),
                            crate::engine::cosmos::table_text(good.scenario.workload.item_kb)
                        );
                        if c.failover_shortfall_fraction > 0.0 {
                            text.push_str(&format!(
                                " Shortfall after a failover: {} of the survivors' requests at peak throttled for up to {}.",
                                format::percent(c.failover_shortfall_fraction, 1),
                                format::duration(c.failover_shortfall_s)
                            ));
                        }
                        text
                    }),
                    Topic::Category(crate::engine::costs::Category::Compute) => Some(
                        crate::engine::autoscale::working_text(&good.scenario, &t.cost),
                    ),
                    _ => None,
                };
                let rows = items
                    .iter()
                    .map(|(li, w)| {
                        let p = &li.price;
                        view! {
                            <tr>
                                <td>{w.component.clone()}</td>
                                <td>{li.region().to_string()}</td>
                                <td class="num">{format::quantity_with_unit(li.quantity, li.unit)}</td>
                                <td class="num">{format::unit_price(li.unit_price, &cur)}</td>
                                <td class="num">{format::money(li.monthly, &cur)}</td>
                                <td class="formula">{w.formula.clone()}</td>
                                <td class="source">
                                    <span class="meter">{format!("{} / {} / {} / {}", p.service_name, p.product_name, p.sku_name, p.meter_name)}</span>
                                    <span>{format!(" · {} · {} per {} · effective {} · line {} · confidence: {}", p.arm_region_name, format::unit_price(p.retail_price, &cur), p.unit_of_measure.as_str(), if p.effective_start_date.is_empty() { "undated" } else { p.effective_start_date.as_str() }, p.line, p.confidence)}</span>
                                    <span class="src">{p.source.clone()}</span>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div>
                        {extra.map(|e| view! { <p>{e}</p> })}
                        <div class="table-wrap">
                            <table class="working-table" data-testid="working-lines">
                                <thead>
                                    <tr>
                                        <th scope="col">"Component"</th><th scope="col">"Region"</th><th scope="col">"Quantity"</th>
                                        <th scope="col">"Unit price"</th><th scope="col">"Monthly"</th><th scope="col">"Formula"</th><th scope="col">"Price-sheet row"</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                                <tfoot>
                                    <tr>
                                        <th scope="row" colspan="4">"Total"</th>
                                        <td class="num" data-testid="working-total">{format::money(total, &cur)}</td>
                                        <td colspan="2">{format!("{} line items", items.len())}</td>
                                    </tr>
                                </tfoot>
                            </table>
                        </div>
                    </div>
                }
                .into_any()
            }
            Topic::Rto => view! {
                <div>
                    <p>{format!(
                        "Reads recover after {}, writes after {}. Parts run in parallel where stated; the routing band sets read recovery, the data band's failover sets write recovery.",
                        format::duration(t.resilience.rto_reads_s),
                        format::duration(t.resilience.rto_writes_s)
                    )}</p>
                    {parts_table(words(&t.resilience.rto_parts), format::duration)}
                    {t.resilience.rto_measured.as_ref().map(|m| view! { <p data-testid="rto-measured">{format!(
                        "Measured in a drill on {} ({}): {}, which replaces the modelled {} as the expected RTO.",
                        crate::engine::drills::display_date(&m.date),
                        m.note,
                        format::duration(m.value_s),
                        format::duration(t.resilience.rto_modelled_s)
                    )}</p> })}
                    {t.resilience.rto_ledger_s.map(|l| view! { <p>{format!("SQL ledger writes: {} (reported apart: the reference architecture keeps the ledger failover in a runbook).", format::duration(l))}</p> })}
                    <p data-testid="rto-guaranteed">{format!(
                        "Guaranteed basis (the bounds Microsoft documents, never below the expected figure): reads {}, writes {}{}. Targets are judged on the {} basis.",
                        format::duration(t.resilience.guaranteed.rto_reads_s),
                        format::duration(t.resilience.guaranteed.rto_writes_s),
                        t.resilience.guaranteed.rto_ledger_s.map(|l| format!(", SQL ledger {}", format::duration(l))).unwrap_or_default(),
                        good.scenario.targets.basis.as_str()
                    )}</p>
                    {parts_table(words(&t.resilience.guaranteed_rto_parts), format::duration)}
                </div>
            }
            .into_any(),
            Topic::Rpo => view! {
                <div>
                    <p>"RPO comes from the data band only: how many seconds of acknowledged writes may not have reached a surviving region."</p>
                    {parts_table(words(&t.resilience.rpo_parts), format::duration)}
                    <p data-testid="rpo-guaranteed">{format!(
                        "Guaranteed basis (the bound Microsoft documents for this configuration): {}. Expected: {}. Targets are judged on the {} basis.",
                        format::duration(t.resilience.guaranteed.rpo_s),
                        format::duration(t.resilience.rpo_s),
                        good.scenario.targets.basis.as_str()
                    )}</p>
                    {parts_table(words(&t.resilience.guaranteed_rpo_parts), format::duration)}
                </div>
            }
            .into_any(),
            Topic::Availability => view! {
                <div>
                    <p>{format!(
                        "Availability = global band × stamps in parallel × data band = {} ({} minutes of downtime a year).",
                        format::percent(t.resilience.availability, 4),
                        format::number(t.resilience.downtime_min_per_year, 0)
                    )}</p>
                    <p data-testid="downtime-reconciled">{format!(
                        "Two downtime figures, side by side: the SLA-backed floor allows up to {} minutes a year (what Microsoft's SLAs guarantee, with service credits below it); the risk model expects {} minutes a year ({} h) from regional outages this tier does not absorb. The floor is a guarantee, the expectation a forecast: real downtime is usually far below the floor.",
                        format::number(t.resilience.downtime_min_per_year, 0),
                        format::number(t.risk.downtime_h_per_year * 60.0, 0),
                        format::number(t.risk.downtime_h_per_year, 2)
                    )}</p>
                    {parts_table(words(&t.resilience.availability_parts), |v| format::percent(v, 4))}
                    <p data-testid="availability-zonal-slas">"Zone-redundant SLAs: Cosmos DB (99.995% with zones, Microsoft's high-availability table) and SQL Database (99.995% zone-redundant) use their higher figures; AKS's 99.95% is the figure with availability zones. Microsoft says a zone-redundant App Service plan's uptime percentage “increases” (learn.microsoft.com/azure/reliability/reliability-app-service) without giving the figure on that page, so the planner keeps 99.95%: enter your contract's figure under Component SLAs. AKS Free tier has no SLA: its 99.5% objective is used on the expected basis only."</p>
                    <p data-testid="availability-failover">{format!(
                        "The SLA composite assumes failover is instant. Failing over takes {} minutes a year ({} regional losses a year per region × the share of users each stops × this tier's expected RTO for it, plus {} minutes from {} zone losses a year per region, an assumption), so availability with failover time counted is {} ({} minutes of downtime a year).",
                        format::number(t.resilience.failover_downtime_min_per_year, 1),
                        format::number(good.scenario.risk.regional_outages_per_year, 2),
                        format::number(t.resilience.zonal_failover_downtime_min_per_year, 1),
                        format::number(good.scenario.risk.zonal_outages_per_year, 2),
                        format::percent(t.resilience.availability_with_failover, 4),
                        format::number(t.resilience.downtime_min_per_year + t.resilience.failover_downtime_min_per_year, 0)
                    )}</p>
                </div>
            }
            .into_any(),
            Topic::Latency => view! {
                <div>
                    <p>{format!(
                        "p95 = base ({} ms: server time and access network) + round trip to the serving stamp, estimated as 2 × great-circle distance × {} route factor ÷ {} km/ms in fibre, unless a measured RTT is given.",
                        format::number(good.scenario.resilience.base_latency_ms, 0),
                        format::number(good.scenario.resilience.route_factor, 2),
                        format::number(good.scenario.resilience.fibre_km_per_ms, 0)
                    )}</p>
                    <table class="working-table">
                        <thead><tr><th scope="col">"Users near"</th><th scope="col">"Served by"</th><th scope="col">"Reads p95"</th><th scope="col">"Writes p95"</th><th scope="col">"How"</th></tr></thead>
                        <tbody>
                            {t.resilience.latency.iter().map(|g| view! {
                                <tr>
                                    <td>{g.display_name.clone()}</td><td>{g.served_by.clone()}</td>
                                    <td class="num">{format!("{} ms", format::number(g.reads_p95_ms, 0))}</td>
                                    <td class="num">{format!("{} ms", format::number(g.writes_p95_ms, 0))}</td>
                                    <td>{regions.as_ref().map(|r| crate::engine::resilience_words::latency_how(tier, &good.scenario, r, g)).unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any(),
            Topic::FailureMode(mode) => {
                // The row's explanation is written now, for the tier shown.
                let shown = t.failure_modes.iter().find(|r| r.mode == mode).cloned();
                match shown {
                    Some(r) => {
                        let how = crate::engine::failure_mode_words::how(&good.scenario, &t.cost, mode);
                        let measured = |m: &Option<crate::engine::failure_modes::Measured>, modelled: f64| {
                            m.as_ref().map(|m| format!(
                                "measured {} on {} ({}); the model gives {}",
                                format::duration(m.value_s),
                                m.date,
                                m.note,
                                format::duration(modelled)
                            ))
                        };
                        view! {
                            <div>
                                <table class="working-table" data-testid="fm-working">
                                    <tbody>
                                        <tr><th scope="row">"Users who lose service"</th><td class="num">{format::percent(r.users_affected, 0)}</td><td></td></tr>
                                        <tr><th scope="row">"RTO, expected"</th><td class="num">{format::duration(r.rto_expected_s)}</td><td>{measured(&r.rto_measured, r.rto_modelled_s).unwrap_or_else(|| "modelled".into())}</td></tr>
                                        <tr><th scope="row">"RTO, guaranteed"</th><td class="num">{format::duration(r.rto_guaranteed_s)}</td><td>"Microsoft's documented bound where there is one, never below the expected figure"</td></tr>
                                        <tr><th scope="row">"RPO, expected"</th><td class="num">{format::duration(r.rpo_expected_s)}</td><td>{measured(&r.rpo_measured, r.rpo_modelled_s).unwrap_or_else(|| "modelled".into())}</td></tr>
                                        <tr><th scope="row">"RPO, guaranteed"</th><td class="num">{format::duration(r.rpo_guaranteed_s)}</td><td></td></tr>
                                        <tr><th scope="row">"Capacity left"</th><td class="num">{r.capacity_left.map(|c| format::percent(c, 0)).unwrap_or_else(|| "—".into())}</td><td>"share of peak the capacity still running serves, before autoscale"</td></tr>
                                        <tr><th scope="row">"Mitigation"</th><td colspan="2">{detail_text(&r, &cur)}</td></tr>
                                    </tbody>
                                </table>
                                <p data-testid="fm-how">{how}</p>
                            </div>
                        }
                        .into_any()
                    }
                    None => view! { <p>"No figures for this failure mode."</p> }.into_any(),
                }
            }
            Topic::Risk => {
                let r = &good.scenario.risk;
                view! {
                    <div>
                        <p>{format!(
                            "Each region is lost {} times a year for a typical {} h. This tier turns those losses into {} h of user-weighted downtime a year: Σ outages × share of users affected × E[min(outage, recovery)].",
                            format::number(r.regional_outages_per_year, 2),
                            format::number(r.typical_outage_hours, 1),
                            format::number(t.risk.downtime_h_per_year, 3)
                        )}</p>
                        <table class="working-table">
                            <tbody>
                                <tr><th scope="row">"Downtime cost"</th><td class="num">{format::money_whole(t.risk.downtime_cost_annual, &cur)}</td><td>{format!("{} h × {} per hour", format::number(t.risk.downtime_h_per_year, 3), format::money_whole(r.downtime_cost_per_hour, &cur))}</td></tr>
                                <tr><th scope="row">"Expected SLA credits"</th><td class="num">{format::money_whole(t.risk.sla_credits_annual, &cur)}</td><td>{format!("credit schedule on {} a month under a {}% SLA", format::money_whole(r.sla_covered_monthly_revenue, &cur), format::number(r.customer_sla_pct, 3))}</td></tr>
                                <tr><th scope="row">"Infrastructure"</th><td class="num">{format::money_whole(t.cost.annual, &cur)}</td><td>"12 × monthly cost"</td></tr>
                                <tr><th scope="row">"Risk-adjusted annual cost"</th><td class="num">{format::money_whole(t.risk.risk_adjusted_annual, &cur)}</td><td>"infrastructure + downtime cost + credits"</td></tr>
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        };
        let notes: Vec<String> = t
            .cost
            .notes
            .iter()
            .map(|n| n.to_string())
            .chain(t.resilience.notes.iter().cloned())
            .collect();
        let converted = good.plan.converted_from.as_ref().map(|c| {
            format!(
                "Every amount here is in {cur}: prices {}.",
                c.describe(&cur)
            )
        });
        Some(view! {
            <section class="working" id="working" role="dialog" aria-labelledby="working-title" tabindex="-1" data-testid="working">
                <header>
                    <h2 id="working-title">{title}</h2>
                    <button type="button" class="icon" aria-label="Close the working (Escape)" data-testid="working-close" on:click=move |_| close_working(state)>"×"</button>
                </header>
                {converted.map(|c| view! { <p class="converted" data-testid="working-converted">{c}</p> })}
                {body}
                {(!notes.is_empty()).then(|| view! { <ul class="notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
            </section>
        })
    }
}
