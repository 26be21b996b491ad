//! The input panel, grouped as the architecture's bands are: regions and
//! traffic, workload, compute stamp, data, edge and platform, resilience
//! and risk, targets, commercial terms.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::fields::{
    bind_number, CheckField, FieldError, FieldSpec, NumberField, NumberFields, SelectField,
    TextField,
};
use super::state::AppState;
use crate::engine::scenario::RegionShare;
use crate::engine::validate::MAX_REGIONS;

/// An enum's serde id ("p1v3"). Written with the same compact JSON
/// serializer as share links, so the wasm carries one copy of that code.
pub fn enum_id<T: Serialize>(value: &T) -> String {
    serde_json::to_vec(value)
        .ok()
        .and_then(|v| String::from_utf8(v).ok())
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_default()
}

/// The enum with that serde id (read with the scenario reader's code).
pub fn enum_from<T: DeserializeOwned>(id: &str) -> Option<T> {
    serde_json::from_slice(format!("\"{id}\"").as_bytes()).ok()
}

/// The region picker's options: every region of the table, grouped by
/// geography (`<optgroup>`), each `(value, label)`; a region the loaded sheet
/// has no prices for says so in its label (it still works everywhere but
/// pricing, where the page's banner says how to get its prices), and so does
/// a region without availability zones.
fn region_groups(state: AppState) -> Vec<(String, Vec<(String, String)>)> {
    let sheet = state.sheet.get();
    state
        .regions
        .get()
        .map(|t| {
            t.by_geography()
                .into_iter()
                .map(|(geo, list)| {
                    let options = list
                        .into_iter()
                        .map(|r| {
                            let priced = sheet
                                .as_ref()
                                .is_none_or(|s| s.has_region(&r.arm_region_name));
                            // What the region lacks, said in its label: zones
                            // (Microsoft's regions list; nothing there can be
                            // zone-redundant) and prices.
                            let lacks: Vec<&str> = [
                                (!r.availability_zones, "no availability zones"),
                                (!priced, "no prices in this sheet"),
                            ]
                            .iter()
                            .filter(|(yes, _)| *yes)
                            .map(|(_, what)| *what)
                            .collect();
                            let label = if lacks.is_empty() {
                                r.display_name.clone()
                            } else {
                                format!("{} ({})", r.display_name, lacks.join("; "))
                            };
                            (r.arm_region_name.clone(), label)
                        })
                        .collect();
                    (geo.to_string(), options)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `<optgroup>`s of every region, with `selected(value)` marking the chosen one.
fn region_options_view(
    state: AppState,
    selected: impl Fn(&str) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        region_groups(state)
            .into_iter()
            .map(|(geo, options)| {
                view! {
                    <optgroup label=geo>
                        {options
                            .into_iter()
                            .map(|(value, text)| {
                                let v2 = value.clone();
                                view! {
                                    <option value=value selected=move || selected(&v2)>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </optgroup>
                }
            })
            .collect_view()
    }
}

/// One region row: which region, and its share of users.
#[component]
fn RegionRow(index: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let path_region = format!("regions[{index}].region");
    let path_share = format!("regions[{index}].traffic_share");
    let current = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.regions.get(index).cloned().unwrap_or_default())
    });
    let share = Memo::new(move |_| current.with(|r| r.traffic_share * 100.0));
    let (share_text, on_share) =
        bind_number(state, path_share.clone(), share, false, move |s, v| {
            if let Some(r) = s.regions.get_mut(index) {
                r.traffic_share = v / 100.0;
            }
        });
    let role = move || match index {
        0 => "primary / write region",
        1 => "second region, warm standby",
        _ => "additional region",
    };
    let region_err = path_region.clone();
    let share_err = path_share.clone();
    view! {
        <div class="region-row" data-testid=format!("region-row-{index}")>
            <div class="field">
                <label for=format!("f-region-{index}")>{move || format!("Region {} ({})", index + 1, role())}</label>
                <div class="field-input">
                    <select
                        id=format!("f-region-{index}")
                        data-testid=format!("input-region-{index}")
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            state.scenario.update(|s| {
                                if let Some(r) = s.regions.get_mut(index) {
                                    r.region = v;
                                }
                            });
                        }
                    >
                        {region_options_view(state, move |v| current.with(|r| r.region == v))}
                    </select>
                </div>
                {move || {
                    state
                        .field_errors
                        .with(|m| m.get(&region_err).cloned())
                        .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
                }}
            </div>
            <div class="field share">
                <label for=format!("f-share-{index}") title="Share of global users near this region; the shares add up to 100%.">
                    "Users"
                </label>
                <div class="field-input">
                    <input
                        id=format!("f-share-{index}")
                        type="text"
                        inputmode="decimal"
                        data-testid=format!("input-share-{index}")
                        prop:value=move || share_text.get()
                        on:input=move |ev| on_share(event_target_value(&ev))
                    />
                    <span class="unit">"%"</span>
                </div>
                {move || {
                    state
                        .field_errors
                        .with(|m| m.get(&share_err).cloned())
                        .map(|m| view! { <p class="field-error" role="alert">{m}</p> })
                }}
            </div>
            <button type="button"
                class="icon remove"
                aria-label=format!("Remove region {}", index + 1)
                data-testid=format!("remove-region-{index}")
                on:click=move |_| {
                    // The rows are drawn again from the scenario, so their
                    // half-typed texts go; every other field keeps its own.
                    state.parse_errors.update(|e| e.retain(|path, _| !path.starts_with("regions[")));
                    state.scenario.update(|s| {
                        if s.regions.len() > 1 && index < s.regions.len() {
                            s.regions.remove(index);
                        }
                    });
                }
            >
                "×"
            </button>
        </div>
    }
}

/// Measured round trips that override the distance model.
#[component]
fn MeasuredRtts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.resilience.measured_rtts.len()));
    let row = move |i: usize| {
        let current = Memo::new(move |_| {
            state.scenario.with(|s| {
                s.resilience
                    .measured_rtts
                    .get(i)
                    .cloned()
                    .unwrap_or_default()
            })
        });
        let path = format!("resilience.measured_rtts[{i}].rtt_ms");
        let ms = Memo::new(move |_| current.with(|m| m.rtt_ms));
        let (text, on_ms) = bind_number(state, path.clone(), ms, false, move |s, v| {
            if let Some(m) = s.resilience.measured_rtts.get_mut(i) {
                m.rtt_ms = v;
            }
        });
        let select = move |which: &'static str| {
            view! {
                <select
                    aria-label=if which == "from" { "Users near" } else { "Stamp or write region" }
                    data-testid=format!("rtt-{which}-{i}")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.scenario.update(|s| {
                            if let Some(m) = s.resilience.measured_rtts.get_mut(i) {
                                if which == "from" { m.from = v } else { m.to = v }
                            }
                        });
                    }
                >
                    {region_options_view(state, move |v| current.with(|m| {
                        (if which == "from" { &m.from } else { &m.to }) == v
                    }))}
                </select>
            }
        };
        let err = path.clone();
        view! {
            <div class="rtt-row">
                {select("from")}
                <span aria-hidden="true">"→"</span>
                {select("to")}
                <input type="text" inputmode="decimal" aria-label="Measured round trip, ms" data-testid=format!("rtt-ms-{i}")
                    prop:value=move || text.get() on:input=move |ev| on_ms(event_target_value(&ev)) />
                <span class="unit">"ms"</span>
                <button type="button" class="icon" aria-label="Remove this measurement" on:click=move |_| {
                    state.parse_errors.update(|e| e.retain(|path, _| !path.starts_with("resilience.measured_rtts[")));
                    state.scenario.update(|s| {
                        if i < s.resilience.measured_rtts.len() {
                            s.resilience.measured_rtts.remove(i);
                        }
                    });
                }>"×"</button>
                {move || state.field_errors.with(|m| m.get(&err).cloned()).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
        }
    };
    view! {
        <div class="rtts" data-testid="measured-rtts">
            <p class="field-label">"Measured round trips (override the model)"</p>
            {move || (0..count.get()).map(row).collect_view()}
            <button type="button" class="secondary" data-testid="add-rtt" on:click=move |_| {
                state.scenario.update(|s| {
                    let from = s.regions.last().map(|r| r.region.clone()).unwrap_or_default();
                    let to = s.regions.first().map(|r| r.region.clone()).unwrap_or_default();
                    s.resilience.measured_rtts.push(crate::engine::scenario::MeasuredRtt { from, to, rtt_ms: 150.0 });
                });
            }>"+ Add a measured round trip"</button>
        </div>
    }
}

/// Drill results: a measured RTO or RPO replaces the modelled expected one
/// for its tier and failure mode, labelled measured with its date.
#[component]
fn Drills() -> impl IntoView {
    use crate::engine::failure_modes::FailureMode;
    use crate::engine::scenario::{Drill, DrillMeasure};
    use crate::engine::tiers::TierId;
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.resilience.drills.len()));
    let row = move |i: usize| {
        let current = Memo::new(move |_| {
            state
                .scenario
                .with(|s| s.resilience.drills.get(i).cloned().unwrap_or_default())
        });
        let path = format!("resilience.drills[{i}].value_s");
        let value = Memo::new(move |_| current.with(|d| d.value_s));
        let (text, on_value) = bind_number(state, path.clone(), value, false, move |s, v| {
            if let Some(d) = s.resilience.drills.get_mut(i) {
                d.value_s = v;
            }
        });
        let edit = move |f: fn(&mut Drill, String)| {
            move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                state.scenario.update(|s| {
                    if let Some(d) = s.resilience.drills.get_mut(i) {
                        f(d, v);
                    }
                });
            }
        };
        let tiers = TierId::ALL
            .into_iter()
            .map(|t| view! { <option value=t.id() selected=move || current.with(|d| d.tier == t)>{t.short_label()}</option> })
            .collect_view();
        let modes = FailureMode::ALL
            .into_iter()
            .map(|m| view! { <option value=m.id() selected=move || current.with(|d| d.mode == m)>{m.label()}</option> })
            .collect_view();
        let err_value = path.clone();
        let err_date = format!("resilience.drills[{i}].date");
        view! {
            <div class="drill-row" data-testid=format!("drill-{i}")>
                <select aria-label="Tier" data-testid=format!("drill-tier-{i}")
                    on:change=edit(|d, v| { if let Some(t) = TierId::from_id(&v) { d.tier = t } })>{tiers}</select>
                <select aria-label="Failure mode" data-testid=format!("drill-mode-{i}")
                    on:change=edit(|d, v| { if let Some(m) = FailureMode::from_id(&v) { d.mode = m } })>{modes}</select>
                <select aria-label="Measured" data-testid=format!("drill-measure-{i}")
                    on:change=edit(|d, v| d.measure = if v == "rpo" { DrillMeasure::Rpo } else { DrillMeasure::Rto })>
                    <option value="rto" selected=move || current.with(|d| d.measure == DrillMeasure::Rto)>"RTO"</option>
                    <option value="rpo" selected=move || current.with(|d| d.measure == DrillMeasure::Rpo)>"RPO"</option>
                </select>
                <input type="text" inputmode="decimal" aria-label="Measured value, seconds" data-testid=format!("drill-value-{i}")
                    prop:value=move || text.get() on:input=move |ev| on_value(event_target_value(&ev)) />
                <span class="unit">"s"</span>
                <input type="date" aria-label="Drill date" data-testid=format!("drill-date-{i}")
                    prop:value=move || current.with(|d| d.date.clone()) on:change=edit(|d, v| d.date = v) />
                <input type="text" aria-label="What was drilled" placeholder="edge drain" data-testid=format!("drill-note-{i}")
                    prop:value=move || current.with(|d| d.note.clone()) on:change=edit(|d, v| d.note = v) />
                <button type="button" class="icon" aria-label="Remove this drill" data-testid=format!("drill-remove-{i}") on:click=move |_| {
                    state.parse_errors.set(Default::default());
                    state.scenario.update(|s| {
                        if i < s.resilience.drills.len() {
                            s.resilience.drills.remove(i);
                        }
                    });
                }>"×"</button>
                {move || state.field_errors.with(|m| m.get(&err_value).or_else(|| m.get(&err_date)).cloned()).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
        }
    };
    view! {
        <div class="drills" data-testid="drills">
            <p class="field-label">"Drill results (a measured value replaces the model's expected one)"</p>
            {move || (0..count.get()).map(row).collect_view()}
            <button type="button" class="secondary" data-testid="add-drill" on:click=move |_| {
                let today = super::io::today();
                state.scenario.update(|s| {
                    s.resilience.drills.push(Drill {
                        tier: TierId::MultiWrite,
                        mode: FailureMode::RegionLoss,
                        measure: DrillMeasure::Rto,
                        value_s: 35.0,
                        date: today,
                        note: "edge drain".into(),
                    });
                });
            }>"+ Add a drill result"</button>
        </div>
    }
}

/// The customer SLA's credit schedule: below this monthly availability,
/// credit this share of the month's fee.
#[component]
fn CreditSchedule() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.risk.credit_schedule.len()));
    // One number cell of a step: `which` 0 = below %, 1 = credit %.
    let cell = move |i: usize, which: usize| {
        let path = format!(
            "risk.credit_schedule[{i}].{}",
            if which == 0 {
                "below_pct"
            } else {
                "credit_pct"
            }
        );
        let current = Memo::new(move |_| {
            state.scenario.with(|s| {
                s.risk
                    .credit_schedule
                    .get(i)
                    .map(|c| {
                        if which == 0 {
                            c.below_pct
                        } else {
                            c.credit_pct
                        }
                    })
                    .unwrap_or_default()
            })
        });
        let (text, on_text) = bind_number(state, path.clone(), current, false, move |s, v| {
            if let Some(c) = s.risk.credit_schedule.get_mut(i) {
                if which == 0 {
                    c.below_pct = v
                } else {
                    c.credit_pct = v
                }
            }
        });
        let err = path.clone();
        let label = if which == 0 {
            "Below monthly availability"
        } else {
            "Credit"
        };
        view! {
            <input type="text" inputmode="decimal" aria-label=label
                data-testid=format!("credit-{}-{i}", if which == 0 { "below" } else { "credit" })
                prop:value=move || text.get() on:input=move |ev| on_text(event_target_value(&ev)) />
            <span class="unit">"%"</span>
            {move || state.field_errors.with(|m| m.get(&err).cloned()).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        }
    };
    view! {
        <div class="credits" data-testid="credit-schedule">
            <p class="field-label">"SLA credits: below this monthly availability → credit this share of the month's fee"</p>
            {move || (0..count.get()).map(|i| view! {
                <div class="rtt-row">
                    <span>"below"</span>{cell(i, 0)}<span aria-hidden="true">"→"</span>{cell(i, 1)}
                    <button type="button" class="icon" aria-label="Remove this credit step" on:click=move |_| {
                        state.parse_errors.update(|e| e.retain(|path, _| !path.starts_with("risk.credit_schedule[")));
                        state.scenario.update(|s| {
                            if i < s.risk.credit_schedule.len() {
                                s.risk.credit_schedule.remove(i);
                            }
                        });
                    }>"×"</button>
                </div>
            }).collect_view()}
            <button type="button" class="secondary" data-testid="add-credit" on:click=move |_| {
                state.scenario.update(|s| {
                    s.risk.credit_schedule.push(crate::engine::scenario::CreditStep { below_pct: 99.0, credit_pct: 25.0 });
                });
            }>"+ Add a credit step"</button>
        </div>
    }
}

/// Regions and traffic shares.
#[component]
pub fn RegionsEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let count = Memo::new(move |_| state.scenario.with(|s| s.regions.len()));
    let add = move |_: leptos::ev::MouseEvent| {
        let table = state.regions.get_untracked();
        let sheet = state.sheet.get_untracked();
        state.scenario.update(|s| {
            if s.regions.len() >= MAX_REGIONS {
                return;
            }
            // The next unused region, one the sheet has prices for first.
            let unused = |priced: bool| {
                table.as_ref().and_then(|t| {
                    t.regions
                        .iter()
                        .find(|r| {
                            !s.regions.iter().any(|x| x.region == r.arm_region_name)
                                && (!priced
                                    || sheet
                                        .as_ref()
                                        .is_none_or(|sh| sh.has_region(&r.arm_region_name)))
                        })
                        .map(|r| r.arm_region_name.clone())
                })
            };
            let next = unused(true)
                .or_else(|| unused(false))
                .unwrap_or_else(|| "westeurope".into());
            // Re-balance: the new region takes an equal share from the others,
            // in short numbers that add up to 100 %.
            let current: Vec<f64> = s.regions.iter().map(|r| r.traffic_share).collect();
            let (old, new) = crate::engine::shares::with_new_region(&current);
            for (r, share) in s.regions.iter_mut().zip(old) {
                r.traffic_share = share;
            }
            s.regions.push(RegionShare {
                region: next,
                traffic_share: new,
            });
            let fraction = s.compute.stamp_capacity_fraction;
            let max_share = s
                .regions
                .iter()
                .map(|r| r.traffic_share)
                .fold(0.0, f64::max);
            if fraction < max_share {
                s.compute.stamp_capacity_fraction = max_share;
            }
        });
    };
    view! {
        <div class="regions" id="regions-editor" tabindex="-1" data-testid="regions-editor">
            {move || (0..count.get()).map(|i| view! { <RegionRow index=i /> }).collect_view()}
            <FieldError path="regions" />
            <button type="button"
                class="secondary"
                data-testid="add-region"
                disabled=move || { count.get() >= MAX_REGIONS }
                on:click=add
            >
                "+ Add region"
            </button>
        </div>
    }
}

/// The key controls of presentation mode: big sliders for what a customer
/// asks about in a meeting.
#[component]
pub fn KeyControls() -> impl IntoView {
    view! {
        <section class="key-controls" aria-label="Key controls" data-testid="key-controls">
            <NumberField label="Peak traffic" unit="req/s" path="workload.peak_requests_per_s"
                help="Global peak requests per second: drives compute, Cosmos DB RU/s and Front Door."
                get=|s| s.workload.peak_requests_per_s set=|s, v| s.workload.peak_requests_per_s = v
                slider=(100.0, 20000.0, 100.0) />
            <NumberField label="Each stamp's capacity" unit="% of peak" path="compute.stamp_capacity_fraction"
                help="Per-stamp capacity in the active-active tiers, as a share of global peak (Northwind: 70%)."
                get=|s| s.compute.stamp_capacity_fraction set=|s, v| s.compute.stamp_capacity_fraction = v scale=100.0
                slider=(5.0, 100.0, 5.0) />
            <NumberField label="RTO target" unit="s" path="targets.rto_s"
                help="Longest acceptable time to recover from the loss of a region."
                get=|s| s.targets.rto_s set=|s, v| s.targets.rto_s = v slider=(10.0, 3600.0, 10.0) />
            <NumberField label="RPO target" unit="s" path="targets.rpo_s"
                help="Most data (in seconds of writes) the business accepts losing with a region."
                get=|s| s.targets.rpo_s set=|s, v| s.targets.rpo_s = v slider=(0.0, 900.0, 1.0) />
            <NumberField label="p95 latency target" unit="ms" path="targets.latency_p95_ms"
                help="p95 latency every user geography must get."
                get=|s| s.targets.latency_p95_ms set=|s, v| s.targets.latency_p95_ms = v slider=(20.0, 400.0, 5.0) />
        </section>
    }
}

const WORKLOAD_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Peak requests",
        unit: "req/s",
        help: "Global peak requests per second, all regions together.",
        path: "workload.peak_requests_per_s",
        get: |s| s.workload.peak_requests_per_s,
        set: |s, v| s.workload.peak_requests_per_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Average load",
        unit: "% of peak",
        help: "Average load over a month as a share of peak: turns peak rates into monthly volumes (requests, egress, autoscale).",
        path: "workload.average_to_peak_ratio",
        get: |s| s.workload.average_to_peak_ratio,
        set: |s, v| s.workload.average_to_peak_ratio = v,
        scale: 100.0,
        integer: false,
    },
    FieldSpec {
        label: "Hours at peak",
        unit: "h a day",
        help: "Hours a day at peak load; the other hours run at the trough that makes the day's average the average load. Autoscaled compute and Cosmos DB autoscale are billed hour by hour over this day.",
        path: "workload.peak_hours_per_day",
        get: |s| s.workload.peak_hours_per_day,
        set: |s, v| s.workload.peak_hours_per_day = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Response size",
        unit: "KB",
        help: "Average response size: Front Door edge-to-client transfer.",
        path: "workload.response_kb",
        get: |s| s.workload.response_kb,
        set: |s, v| s.workload.response_kb = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Edge cache hits",
        unit: "%",
        help: "Requests answered by Front Door's cache: they never reach a stamp or the database.",
        path: "workload.edge_cache_hit_ratio",
        get: |s| s.workload.edge_cache_hit_ratio,
        set: |s, v| s.workload.edge_cache_hit_ratio = v,
        scale: 100.0,
        integer: false,
    },
    FieldSpec {
        label: "Point reads per request",
        unit: "",
        help: "Cosmos DB point reads per origin request (RU from item size).",
        path: "workload.point_reads_per_request",
        get: |s| s.workload.point_reads_per_request,
        set: |s, v| s.workload.point_reads_per_request = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Writes per request",
        unit: "",
        help: "Cosmos DB writes per origin request: every region spends RU on every write, and writes cross regions as egress.",
        path: "workload.writes_per_request",
        get: |s| s.workload.writes_per_request,
        set: |s, v| s.workload.writes_per_request = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Queries per request",
        unit: "",
        help: "Cosmos DB queries per origin request.",
        path: "workload.queries_per_request",
        get: |s| s.workload.queries_per_request,
        set: |s, v| s.workload.queries_per_request = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "RU per query",
        unit: "RU",
        help: "Request units one query costs (the Cosmos DB capacity planner assumes 10; measure yours).",
        path: "workload.ru_per_query",
        get: |s| s.workload.ru_per_query,
        set: |s, v| s.workload.ru_per_query = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Item size",
        unit: "KB",
        help: "Average Cosmos DB item size: sets RU per read and write, and replication bytes.",
        path: "workload.item_kb",
        get: |s| s.workload.item_kb,
        set: |s, v| s.workload.item_kb = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Replaces among writes",
        unit: "%",
        help: "Share of writes that replace an existing item (twice an insert's RU).",
        path: "workload.replace_ratio",
        get: |s| s.workload.replace_ratio,
        set: |s, v| s.workload.replace_ratio = v,
        scale: 100.0,
        integer: false,
    },
    FieldSpec {
        label: "Data stored",
        unit: "GB",
        help: "Cosmos DB data, billed once in every region.",
        path: "workload.stored_gb",
        get: |s| s.workload.stored_gb,
        set: |s, v| s.workload.stored_gb = v,
        scale: 1.0,
        integer: false,
    },
];

const COMPUTE_STAMP_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Requests per instance",
        unit: "req/s",
        help: "Requests per second one instance serves at target utilisation: sets the instance count.",
        path: "compute.app_service.requests_per_s_per_instance",
        get: |s| s.compute.app_service.requests_per_s_per_instance,
        set: |s, v| s.compute.app_service.requests_per_s_per_instance = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Minimum instances",
        unit: "per stamp",
        help: "Fewest instances per stamp; zone redundancy needs at least 2 (and bills them).",
        path: "compute.app_service.min_instances",
        get: |s| s.compute.app_service.min_instances as f64,
        set: |s, v| s.compute.app_service.min_instances = v as u32,
        scale: 1.0,
        integer: true,
    },
];

const COMPUTE_STAMP_2_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Requests per node",
        unit: "req/s",
        help: "Requests per second one node serves at target utilisation.",
        path: "compute.aks.requests_per_s_per_node",
        get: |s| s.compute.aks.requests_per_s_per_node,
        set: |s, v| s.compute.aks.requests_per_s_per_node = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Minimum nodes",
        unit: "per stamp",
        help: "Fewest nodes per stamp (3 spreads the pool over three zones).",
        path: "compute.aks.min_nodes",
        get: |s| s.compute.aks.min_nodes as f64,
        set: |s, v| s.compute.aks.min_nodes = v as u32,
        scale: 1.0,
        integer: true,
    },
];

const APP_GATEWAY_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Gateway minimum instances",
        unit: "instances",
        help: "Application Gateway autoscale minimum: each instance bills at least 10 capacity units an hour (Microsoft's understanding-pricing page).",
        path: "compute.aks.app_gateway_min_instances",
        get: |s| s.compute.aks.app_gateway_min_instances as f64,
        set: |s, v| s.compute.aks.app_gateway_min_instances = v as u32,
        scale: 1.0,
        integer: true,
    },
    FieldSpec {
        label: "Gateway connections",
        unit: "per req/s",
        help: "Persistent client connections held open at the gateway per request per second; 2,500 connections make a capacity unit.",
        path: "compute.aks.app_gateway_connections_per_req_s",
        get: |s| s.compute.aks.app_gateway_connections_per_req_s,
        set: |s, v| s.compute.aks.app_gateway_connections_per_req_s = v,
        scale: 1.0,
        integer: false,
    },
];

const COMPUTE_STAMP_3_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Each stamp's capacity",
        unit: "% of peak",
        help: "Per-stamp capacity in the active-active tiers as a share of global peak: the failover-headroom dial (Northwind: 70%).",
        path: "compute.stamp_capacity_fraction",
        get: |s| s.compute.stamp_capacity_fraction,
        set: |s, v| s.compute.stamp_capacity_fraction = v,
        scale: 100.0,
        integer: false,
    },
    FieldSpec {
        label: "Warm standby size",
        unit: "instances",
        help: "Instances (and nodes) of the active-passive standby; 0 means each pool's minimum.",
        path: "compute.warm_standby_instances",
        get: |s| s.compute.warm_standby_instances as f64,
        set: |s, v| s.compute.warm_standby_instances = v as u32,
        scale: 1.0,
        integer: true,
    },
];

const DATA_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "SQL vCores",
        unit: "vCores",
        help: "Gen5 vCores of each database.",
        path: "data.sql.vcores",
        get: |s| s.data.sql.vcores as f64,
        set: |s, v| s.data.sql.vcores = v as u32,
        scale: 1.0,
        integer: true,
    },
    FieldSpec {
        label: "SQL storage",
        unit: "GB",
        help: "Data stored in each database.",
        path: "data.sql.storage_gb",
        get: |s| s.data.sql.storage_gb,
        set: |s, v| s.data.sql.storage_gb = v,
        scale: 1.0,
        integer: false,
    },
];

const DATA_2_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Ledger writes",
    unit: "GB/month",
    help: "Data written to the ledger per month: replicated to the secondary as egress.",
    path: "data.sql.write_gb_per_month",
    get: |s| s.data.sql.write_gb_per_month,
    set: |s, v| s.data.sql.write_gb_per_month = v,
    scale: 1.0,
    integer: false,
}];

const DRILL_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Drill results go stale after",
    unit: "days",
    help: "A drill older than this is flagged stale next to its figure: rehearse again.",
    path: "resilience.drill_max_age_days",
    get: |s| s.resilience.drill_max_age_days,
    set: |s, v| s.resilience.drill_max_age_days = v,
    scale: 1.0,
    integer: false,
}];

const BACKUP_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Periodic backup interval",
        unit: "min",
        help: "Microsoft takes a full backup every 4 hours by default (configurable 1 to 24 hours). A restore after corruption loses up to one interval; single region restores from the geo-redundant copy on losing its region.",
        path: "resilience.backup_interval_min",
        get: |s| s.resilience.backup_interval_min,
        set: |s, v| s.resilience.backup_interval_min = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Periodic backup retention",
        unit: "hours",
        help: "How long each periodic backup is kept (up to 720 h). Two copies are free; each extra copy (retention ÷ interval − 2) is billed per GB in the write region.",
        path: "data.backup.retention_hours",
        get: |s| s.data.backup.retention_hours,
        set: |s, v| s.data.backup.retention_hours = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Restore time",
        unit: "hours",
        help: "Your estimate of a restore after corruption or deletion: Microsoft says the duration depends on the amount of data, and periodic restores go through a support request.",
        path: "data.backup.restore_hours",
        get: |s| s.data.backup.restore_hours,
        set: |s, v| s.data.backup.restore_hours = v,
        scale: 1.0,
        integer: false,
    },
];

const EDGE_AND_PLATFORM_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "DNS queries",
    unit: "million/month",
    help: "Traffic Manager DNS queries per month.",
    path: "edge.dns_queries_millions_per_month",
    get: |s| s.edge.dns_queries_millions_per_month,
    set: |s, v| s.edge.dns_queries_millions_per_month = v,
    scale: 1.0,
    integer: false,
}];

const EDGE_AND_PLATFORM_2_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Key Vault operations",
    unit: "million/month per stamp",
    help: "Secret and key operations per stamp per month.",
    path: "platform.key_vault_operations_millions_per_month",
    get: |s| s.platform.key_vault_operations_millions_per_month,
    set: |s, v| s.platform.key_vault_operations_millions_per_month = v,
    scale: 1.0,
    integer: false,
}];

const EDGE_AND_PLATFORM_3_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Log Analytics floor",
        unit: "GB/day per stamp",
        help: "Log ingestion per stamp per day whatever the traffic (platform logs and metrics); requests add the next figure.",
        path: "platform.log_analytics_gb_per_day",
        get: |s| s.platform.log_analytics_gb_per_day,
        set: |s, v| s.platform.log_analytics_gb_per_day = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Log Analytics per traffic",
        unit: "GB per million requests",
        help: "Log ingestion per million origin requests a stamp serves (request logs, traces): an idle warm standby logs only its floor.",
        path: "platform.log_analytics_gb_per_million_requests",
        get: |s| s.platform.log_analytics_gb_per_million_requests,
        set: |s, v| s.platform.log_analytics_gb_per_million_requests = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Log Analytics free allowance",
        unit: "GB/month",
        help: "Free ingestion per billing account per month (Microsoft's Azure Monitor pricing: the first 5 GB).",
        path: "platform.log_analytics_free_gb_per_month",
        get: |s| s.platform.log_analytics_free_gb_per_month,
        set: |s, v| s.platform.log_analytics_free_gb_per_month = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Log Analytics retention",
        unit: "days",
        help: "Interactive retention: 31 days are included; longer is billed per GB-month.",
        path: "platform.log_analytics_retention_days",
        get: |s| s.platform.log_analytics_retention_days,
        set: |s, v| s.platform.log_analytics_retention_days = v,
        scale: 1.0,
        integer: false,
    },
];

/// Issue 14 §5: the AKS stamps' public IP addresses.
const AKS_SUPPLY_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Public IP addresses",
    unit: "per stamp",
    help: "Standard static IPv4 addresses: the load balancer's outbound IP and the ingress frontend (the load balancer's or Application Gateway's), each billed per hour.",
    path: "compute.aks.public_ips",
    get: |s| s.compute.aks.public_ips as f64,
    set: |s, v| s.compute.aks.public_ips = v as u32,
    scale: 1.0,
    integer: true,
}];

/// Issue 14 §5: the synthetic canaries.
const AVAILABILITY_TEST_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Availability tests",
        unit: "tests",
        help: "Standard availability tests through the Front Door endpoint (synthetic canaries); Azure Monitor bills each execution. 0 turns them off.",
        path: "platform.availability_tests",
        get: |s| s.platform.availability_tests as f64,
        set: |s, v| s.platform.availability_tests = v as u32,
        scale: 1.0,
        integer: true,
    },
    FieldSpec {
        label: "Test locations",
        unit: "geographies",
        help: "Locations each test runs from (Microsoft recommends at least five; up to 16).",
        path: "platform.availability_test_locations",
        get: |s| s.platform.availability_test_locations as f64,
        set: |s, v| s.platform.availability_test_locations = v as u32,
        scale: 1.0,
        integer: true,
    },
    FieldSpec {
        label: "Test interval",
        unit: "min",
        help: "Minutes between runs from each location: 5, 10 or 15. Five locations every 5 minutes probe about once a minute.",
        path: "platform.availability_test_interval_min",
        get: |s| s.platform.availability_test_interval_min,
        set: |s, v| s.platform.availability_test_interval_min = v,
        scale: 1.0,
        integer: false,
    },
];

const TARGETS_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "RTO",
        unit: "s",
        help: "Longest acceptable time to recover from the loss of a whole region.",
        path: "targets.rto_s",
        get: |s| s.targets.rto_s,
        set: |s, v| s.targets.rto_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "RPO",
        unit: "s",
        help: "Most data, in seconds of writes, the business accepts losing with a region.",
        path: "targets.rpo_s",
        get: |s| s.targets.rpo_s,
        set: |s, v| s.targets.rpo_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Availability",
        unit: "%",
        help: "Composite availability the design must reach.",
        path: "targets.availability_pct",
        get: |s| s.targets.availability_pct,
        set: |s, v| s.targets.availability_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "p95 latency",
        unit: "ms",
        help: "p95 latency every user geography must get.",
        path: "targets.latency_p95_ms",
        get: |s| s.targets.latency_p95_ms,
        set: |s, v| s.targets.latency_p95_ms = v,
        scale: 1.0,
        integer: false,
    },
];

const TARGETS_2_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Monthly budget",
    unit: "(0 = none)",
    help: "Tiers above it fail the budget target.",
    path: "targets.monthly_budget",
    get: |s| s.targets.monthly_budget,
    set: |s, v| s.targets.monthly_budget = v,
    scale: 1.0,
    integer: false,
}];

const RESILIENCE_AND_RISK_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Probe interval",
        unit: "s",
        help: "Front Door health-probe interval: sets detection time, so RTO.",
        path: "resilience.probe_interval_s",
        get: |s| s.resilience.probe_interval_s,
        set: |s, v| s.resilience.probe_interval_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Failed samples to flip",
        unit: "",
        help: "Failed probes before an origin is taken out (sample size 4 with 3 successes required = 2).",
        path: "resilience.failed_samples_to_flip",
        get: |s| s.resilience.failed_samples_to_flip as f64,
        set: |s, v| s.resilience.failed_samples_to_flip = v as u32,
        scale: 1.0,
        integer: true,
    },
];

const RESILIENCE_AND_RISK_2_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Service-managed failover",
        unit: "s",
        help: "Time for a service-managed write-region failover (Cosmos DB documents < 15 min).",
        path: "resilience.service_managed_failover_s",
        get: |s| s.resilience.service_managed_failover_s,
        set: |s, v| s.resilience.service_managed_failover_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Human promotion",
        unit: "s",
        help: "Time for a person to promote the write region by runbook.",
        path: "resilience.human_promotion_s",
        get: |s| s.resilience.human_promotion_s,
        set: |s, v| s.resilience.human_promotion_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Standby scale-out",
        unit: "s",
        help: "Time for the warm standby to grow to full capacity.",
        path: "resilience.standby_scale_out_s",
        get: |s| s.resilience.standby_scale_out_s,
        set: |s, v| s.resilience.standby_scale_out_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Autoscale reaction",
        unit: "s",
        help: "How long a capacity shortfall lasts after a region is lost.",
        path: "resilience.autoscale_reaction_s",
        get: |s| s.resilience.autoscale_reaction_s,
        set: |s, v| s.resilience.autoscale_reaction_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Rebuild (single region)",
        unit: "hours",
        help: "Time to rebuild or restore in another region when the only region is lost.",
        path: "resilience.rebuild_hours",
        get: |s| s.resilience.rebuild_hours,
        set: |s, v| s.resilience.rebuild_hours = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Async replication lag",
        unit: "s",
        help: "Single-writer data: writes not yet replicated when the region is lost (RPO).",
        path: "resilience.async_replication_lag_s",
        get: |s| s.resilience.async_replication_lag_s,
        set: |s, v| s.resilience.async_replication_lag_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Multi-write replication lag",
        unit: "s",
        help: "Replication lag between write regions (RPO of multi-region writes).",
        path: "resilience.multi_write_replication_lag_s",
        get: |s| s.resilience.multi_write_replication_lag_s,
        set: |s, v| s.resilience.multi_write_replication_lag_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Drain after detection",
        unit: "s",
        help: "Time for every Front Door edge to stop sending to a dead origin.",
        path: "resilience.drain_s",
        get: |s| s.resilience.drain_s,
        set: |s, v| s.resilience.drain_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "DNS TTL (Traffic Manager)",
        unit: "s",
        help: "Added to RTO where Traffic Manager steers clients by DNS.",
        path: "resilience.dns_ttl_s",
        get: |s| s.resilience.dns_ttl_s,
        set: |s, v| s.resilience.dns_ttl_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "SQL ledger replication lag",
        unit: "s",
        help: "The failover group's asynchronous lag: the ledger's RPO.",
        path: "resilience.sql_replication_lag_s",
        get: |s| s.resilience.sql_replication_lag_s,
        set: |s, v| s.resilience.sql_replication_lag_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Regional outages",
        unit: "per region per year",
        help: "How often a whole region is lost.",
        path: "risk.regional_outages_per_year",
        get: |s| s.risk.regional_outages_per_year,
        set: |s, v| s.risk.regional_outages_per_year = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Zone losses",
        unit: "per region per year",
        help: "How often an availability zone is lost: an assumption (Microsoft publishes no zone failure rate). Counts in the failover downtime only where a zone's loss stops users (one region without Cosmos DB zones).",
        path: "risk.zonal_outages_per_year",
        get: |s| s.risk.zonal_outages_per_year,
        set: |s, v| s.risk.zonal_outages_per_year = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Bad release: notice and roll back",
        unit: "s",
        help: "Your estimate of noticing a bad release and swapping the deployment slot back (or undoing the rollout): the failure-mode table's RTO for a bad deployment.",
        path: "resilience.rollback_s",
        get: |s| s.resilience.rollback_s,
        set: |s, v| s.resilience.rollback_s = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Typical outage",
        unit: "hours",
        help: "Typical length of a regional outage (the reference architecture's example outage lasted four hours).",
        path: "risk.typical_outage_hours",
        get: |s| s.risk.typical_outage_hours,
        set: |s, v| s.risk.typical_outage_hours = v,
        scale: 1.0,
        integer: false,
    },
];

const RESILIENCE_AND_RISK_3_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Log-normal spread (σ)",
        unit: "",
        help: "Spread of log-normal outage durations: 0.8 puts one outage in twenty above about 3.7× the typical length.",
        path: "risk.lognormal_sigma",
        get: |s| s.risk.lognormal_sigma,
        set: |s, v| s.risk.lognormal_sigma = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Cost of downtime",
        unit: "per hour",
        help: "Lost revenue and cost of one hour of full downtime.",
        path: "risk.downtime_cost_per_hour",
        get: |s| s.risk.downtime_cost_per_hour,
        set: |s, v| s.risk.downtime_cost_per_hour = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Customer SLA",
        unit: "%",
        help: "Monthly availability you promise your customers.",
        path: "risk.customer_sla_pct",
        get: |s| s.risk.customer_sla_pct,
        set: |s, v| s.risk.customer_sla_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Revenue under SLA",
        unit: "per month",
        help: "Monthly fees SLA credits are paid from.",
        path: "risk.sla_covered_monthly_revenue",
        get: |s| s.risk.sla_covered_monthly_revenue,
        set: |s, v| s.risk.sla_covered_monthly_revenue = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Simulated years",
        unit: "years",
        help: "Years in the Monte Carlo (more is smoother and slower).",
        path: "risk.simulated_years",
        get: |s| s.risk.simulated_years as f64,
        set: |s, v| s.risk.simulated_years = v as u32,
        scale: 1.0,
        integer: true,
    },
];

const LATENCY_MODEL_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Base p95",
        unit: "ms",
        help: "Server time plus the access network to the nearest edge: what users next to a stamp see.",
        path: "resilience.base_latency_ms",
        get: |s| s.resilience.base_latency_ms,
        set: |s, v| s.resilience.base_latency_ms = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Route factor",
        unit: "× great circle",
        help: "Real network routes are longer than the great circle (1.75 reproduces the reference architecture's 250 ms Europe–Singapore).",
        path: "resilience.route_factor",
        get: |s| s.resilience.route_factor,
        set: |s, v| s.resilience.route_factor = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Signal speed in fibre",
        unit: "km/ms",
        help: "About two thirds of the speed of light: 200 km per millisecond.",
        path: "resilience.fibre_km_per_ms",
        get: |s| s.resilience.fibre_km_per_ms,
        set: |s, v| s.resilience.fibre_km_per_ms = v,
        scale: 1.0,
        integer: false,
    },
];

const COMPONENT_SLAS_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: "Front Door",
        unit: "%",
        help: "Global band.",
        path: "resilience.slas.front_door_pct",
        get: |s| s.resilience.slas.front_door_pct,
        set: |s, v| s.resilience.slas.front_door_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Traffic Manager",
        unit: "%",
        help: "Global band, where enabled.",
        path: "resilience.slas.traffic_manager_pct",
        get: |s| s.resilience.slas.traffic_manager_pct,
        set: |s, v| s.resilience.slas.traffic_manager_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "App Service",
        unit: "%",
        help: "In each stamp (serial).",
        path: "resilience.slas.app_service_pct",
        get: |s| s.resilience.slas.app_service_pct,
        set: |s, v| s.resilience.slas.app_service_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "AKS",
        unit: "%",
        help: "In each stamp (serial): 99.95% with zones, Standard or Premium tier. The Free tier has no SLA: its 99.5% objective is used instead.",
        path: "resilience.slas.aks_pct",
        get: |s| s.resilience.slas.aks_pct,
        set: |s, v| s.resilience.slas.aks_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Application Gateway",
        unit: "%",
        help: "In each AKS stamp (serial).",
        path: "resilience.slas.app_gateway_pct",
        get: |s| s.resilience.slas.app_gateway_pct,
        set: |s, v| s.resilience.slas.app_gateway_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Redis",
        unit: "%",
        help: "In each stamp (serial).",
        path: "resilience.slas.redis_pct",
        get: |s| s.resilience.slas.redis_pct,
        set: |s, v| s.resilience.slas.redis_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Key Vault",
        unit: "%",
        help: "In each stamp (serial).",
        path: "resilience.slas.key_vault_pct",
        get: |s| s.resilience.slas.key_vault_pct,
        set: |s, v| s.resilience.slas.key_vault_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "App Configuration",
        unit: "%",
        help: "In each stamp (serial), where enabled.",
        path: "resilience.slas.app_configuration_pct",
        get: |s| s.resilience.slas.app_configuration_pct,
        set: |s, v| s.resilience.slas.app_configuration_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Cosmos DB, one region",
        unit: "%",
        help: "Data band without zones.",
        path: "resilience.slas.cosmos_single_region_pct",
        get: |s| s.resilience.slas.cosmos_single_region_pct,
        set: |s, v| s.resilience.slas.cosmos_single_region_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Cosmos DB, one region with zones",
        unit: "%",
        help: "Data band with zones; also the write SLA of single-writer accounts.",
        path: "resilience.slas.cosmos_single_region_zonal_pct",
        get: |s| s.resilience.slas.cosmos_single_region_zonal_pct,
        set: |s, v| s.resilience.slas.cosmos_single_region_zonal_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "Cosmos DB, multi-region writes",
        unit: "%",
        help: "Data band with multi-region writes.",
        path: "resilience.slas.cosmos_multi_region_pct",
        get: |s| s.resilience.slas.cosmos_multi_region_pct,
        set: |s, v| s.resilience.slas.cosmos_multi_region_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "SQL Database",
        unit: "%",
        help: "The ledger, without zones.",
        path: "resilience.slas.sql_pct",
        get: |s| s.resilience.slas.sql_pct,
        set: |s, v| s.resilience.slas.sql_pct = v,
        scale: 1.0,
        integer: false,
    },
    FieldSpec {
        label: "SQL Database, zone-redundant",
        unit: "%",
        help: "The ledger, with zones.",
        path: "resilience.slas.sql_zone_redundant_pct",
        get: |s| s.resilience.slas.sql_zone_redundant_pct,
        set: |s, v| s.resilience.slas.sql_zone_redundant_pct = v,
        scale: 1.0,
        integer: false,
    },
];

const COMMERCIAL_TERMS_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Discount",
    unit: "%",
    help: "Negotiated discount (EA/MCA) off every line.",
    path: "commercial.discount_pct",
    get: |s| s.commercial.discount_pct,
    set: |s, v| s.commercial.discount_pct = v,
    scale: 1.0,
    integer: false,
}];

const COMMERCIAL_TERMS_2_FIELDS: &[FieldSpec] = &[FieldSpec {
    label: "Hours per month",
    unit: "h",
    help: "Billing hours per month (730 is Azure's convention).",
    path: "commercial.hours_per_month",
    get: |s| s.commercial.hours_per_month,
    set: |s, v| s.commercial.hours_per_month = v,
    scale: 1.0,
    integer: false,
}];

/// Every input, in bands.
#[component]
pub fn InputPanel() -> impl IntoView {
    use crate::engine::scenario::Consistency;
    let consistency_options: Vec<(&'static str, &'static str)> = Consistency::ALL
        .iter()
        .map(|c| {
            let id = match c {
                Consistency::Strong => "strong",
                Consistency::BoundedStaleness => "bounded_staleness",
                Consistency::Session => "session",
                Consistency::ConsistentPrefix => "consistent_prefix",
                Consistency::Eventual => "eventual",
            };
            (id, c.label())
        })
        .collect();
    view! {
        <form class="inputs" data-testid="inputs" on:submit=|ev| ev.prevent_default() aria-label="Scenario inputs">
            <details open>
                <summary>"Business case"</summary>
                <TextField label="Scenario name" path="name" max=120
                    help="The business case's title: shown under the page title, in print and in exports."
                    get=|s| s.name.clone() set=|s, v| s.name = v />
                <TextField label="Prepared by" path="prepared_by" max=120
                    help="Printed under the business case's title with the date."
                    get=|s| s.prepared_by.clone() set=|s, v| s.prepared_by = v />
            </details>
            <details open>
                <summary>"Regions and traffic"</summary>
                <RegionsEditor />
            </details>
            <details open>
                <summary>"Workload"</summary>
                <NumberFields specs=WORKLOAD_FIELDS />
            </details>
            <details open>
                <summary>"Compute stamp (each region's copy of the app)"</summary>
                <CheckField label="App Service (Premium v3)" path="compute.app_service.enabled"
                    help="A zone-redundant App Service plan in every stamp."
                    get=|s| s.compute.app_service.enabled set=|s, v| s.compute.app_service.enabled = v />
                <SelectField label="App Service size" path="compute.app_service.sku"
                    help="Premium v3 size: P2 and P3 cost 2× and 4× P1."
                    options=vec![("p1v3", "P1v3"), ("p2v3", "P2v3"), ("p3v3", "P3v3")]
                    get=|s| enum_id(&s.compute.app_service.sku)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.app_service.sku = x } } />
                <SelectField label="Operating system" path="compute.app_service.os"
                    help="Windows plans cost more than Linux ones."
                    options=vec![("linux", "Linux"), ("windows", "Windows")]
                    get=|s| enum_id(&s.compute.app_service.os)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.app_service.os = x } } />
                <NumberFields specs=COMPUTE_STAMP_FIELDS />
                <CheckField label="AKS back end" path="compute.aks.enabled"
                    help="An AKS cluster in every stamp (node VMs, cluster fee, optional Application Gateway)."
                    get=|s| s.compute.aks.enabled set=|s, v| s.compute.aks.enabled = v />
                <SelectField label="Node size" path="compute.aks.node_size"
                    help="VM size of the AKS node pool (Linux)."
                    options=vec![("d2s_v5", "D2s v5"), ("d4s_v5", "D4s v5"), ("d8s_v5", "D8s v5"), ("d4as_v5", "D4as v5"), ("e4s_v5", "E4s v5")]
                    get=|s| enum_id(&s.compute.aks.node_size)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.aks.node_size = x } } />
                <SelectField label="AKS tier" path="compute.aks.tier"
                    help="Cluster management fee: Free has no financially backed SLA."
                    options=vec![("free", "Free"), ("standard", "Standard"), ("premium", "Premium")]
                    get=|s| enum_id(&s.compute.aks.tier)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.aks.tier = x } } />
                <NumberFields specs=COMPUTE_STAMP_2_FIELDS />
                <CheckField label="Application Gateway WAF_v2 in front of AKS" path="compute.aks.app_gateway"
                    help="The regional L7 ingress for AKS stamps."
                    get=|s| s.compute.aks.app_gateway set=|s, v| s.compute.aks.app_gateway = v />
                <NumberFields specs=APP_GATEWAY_FIELDS />
                <CheckField label="Ephemeral OS disks on the nodes" path="compute.aks.ephemeral_os_disk"
                    help="No OS disk charge; needs a VM size with a large enough cache or temporary disk (the Dsv5 and Dasv5 sizes have none). Off: one 128 GiB Premium SSD (P10) managed OS disk per node, AKS's default."
                    get=|s| s.compute.aks.ephemeral_os_disk set=|s, v| s.compute.aks.ephemeral_os_disk = v />
                <NumberFields specs=AKS_SUPPLY_FIELDS />
                <CheckField label="Container Registry Premium (geo-replicated)" path="platform.container_registry"
                    help="One Premium registry and a geo-replica in every other stamp's region, so every stamp pulls the same image digest locally (priced when the stamps run AKS)."
                    get=|s| s.platform.container_registry set=|s, v| s.platform.container_registry = v />
                <NumberFields specs=COMPUTE_STAMP_3_FIELDS />
                <SelectField label="Compute scaling" path="compute.scaling"
                    help="Autoscale: instances follow the day's load, never below each pool's minimum, and a survivor scales out only while it carries a lost region's users (the multi-region reference architecture's advice). Fixed: every stamp runs its peak count with the failover headroom every hour. With a reservation term, the floor that runs every hour is reserved and the rest is pay-as-you-go."
                    options=vec![("autoscale", "Autoscale (headroom only during failover)"), ("fixed", "Fixed (headroom provisioned always)")]
                    get=|s| enum_id(&s.compute.scaling)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.compute.scaling = x } } />
            </details>
            <details open>
                <summary>"Data"</summary>
                <SelectField label="Cosmos DB throughput" path="data.cosmos_mode"
                    help="Manual RU/s, autoscale (billed on each hour's peak), or serverless (single region only)."
                    options=vec![("provisioned", "Provisioned (manual)"), ("autoscale", "Autoscale"), ("serverless", "Serverless")]
                    get=|s| enum_id(&s.data.cosmos_mode)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.cosmos_mode = x } } />
                <SelectField label="Consistency" path="data.consistency"
                    help="Strong and bounded staleness double read RU; Strong is impossible with multi-region writes."
                    options=consistency_options
                    get=|s| enum_id(&s.data.consistency)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.consistency = x } } />
                <SelectField label="Cosmos DB throughput on losing a region" path="data.failover_policy"
                    help="Sized for failover: every region gets the RU/s (or autoscale maximum) a survivor needs once Front Door sends it the lost region's users; autoscale still bills each hour's use. Sunny-day only: today's need, and the share of requests throttled after a failover is shown. Microsoft's reliability guide: “ensure that there are enough provisioned Request Units (RUs) in the remaining regions to support read traffic”."
                    options=vec![("sized_for_failover", "Sized for failover"), ("sunny_day", "Sunny-day only")]
                    get=|s| enum_id(&s.data.failover_policy)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.failover_policy = x } } />
                <CheckField label="Cosmos DB zone redundancy" path="data.cosmos_zone_redundant"
                    help="Zones in every region: ×1.25 RU/s on single-write manual accounts, waived for multi-write and autoscale; raises the SLA."
                    get=|s| s.data.cosmos_zone_redundant set=|s, v| s.data.cosmos_zone_redundant = v />
                <CheckField label="SQL ledger in a failover group" path="data.sql.enabled"
                    help="Relational state on Azure SQL: a primary, plus a full-price secondary in the second region."
                    get=|s| s.data.sql.enabled set=|s, v| s.data.sql.enabled = v />
                <SelectField label="SQL tier" path="data.sql.tier"
                    help="General Purpose or Business Critical (zone redundancy free on Business Critical)."
                    options=vec![("general_purpose", "General Purpose"), ("business_critical", "Business Critical")]
                    get=|s| enum_id(&s.data.sql.tier)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.sql.tier = x } } />
                <NumberFields specs=DATA_FIELDS />
                <CheckField label="SQL zone redundancy" path="data.sql.zone_redundant"
                    help="Zone-redundant database (a surcharge on General Purpose; raises the SLA)."
                    get=|s| s.data.sql.zone_redundant set=|s, v| s.data.sql.zone_redundant = v />
                <CheckField label="SQL secondary as a licence-free standby replica" path="data.sql.standby_replica"
                    help="The failover-group secondary serves no reads (disaster recovery only) and pays no SQL licence: Microsoft's standby replica, which it says saves 35 to 40 % against a readable secondary. Its limit: no read scale-out on the secondary."
                    get=|s| s.data.sql.standby_replica set=|s, v| s.data.sql.standby_replica = v />
                <NumberFields specs=DATA_2_FIELDS />
                <SelectField label="Cosmos DB backup" path="data.backup.mode"
                    help="Periodic: full copies at an interval, two free, extra copies billed per GB (a restore loses up to one interval). Continuous: point-in-time restore to any second, 7 days free or 30 days billed per GB in every region (Microsoft: backed up within 100 seconds)."
                    options=vec![("periodic", "Periodic"), ("continuous_7_day", "Continuous, 7 days"), ("continuous_30_day", "Continuous, 30 days")]
                    get=|s| enum_id(&s.data.backup.mode)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.backup.mode = x } } />
                <SelectField label="Periodic backup storage" path="data.backup.redundancy"
                    help="Geo-redundant (Microsoft's default, copied to the paired region), zone- or locally redundant: each has its own price per GB. Only geo-redundant copies survive the loss of the region."
                    options=vec![("geo", "Geo-redundant"), ("zone", "Zone-redundant"), ("local", "Locally redundant")]
                    get=|s| enum_id(&s.data.backup.redundancy)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.data.backup.redundancy = x } } />
                <NumberFields specs=BACKUP_FIELDS />
            </details>
            <details>
                <summary>"Edge and platform"</summary>
                <SelectField label="Front Door tier" path="edge.front_door_tier"
                    help="Premium adds managed WAF rules and Private Link origins."
                    options=vec![("standard", "Standard"), ("premium", "Premium")]
                    get=|s| enum_id(&s.edge.front_door_tier)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.edge.front_door_tier = x } } />
                <CheckField label="Traffic Manager above Front Door" path="edge.traffic_manager"
                    help="DNS steering for non-HTTP endpoints: adds DNS query and health-check cost, and the DNS TTL to RTO."
                    get=|s| s.edge.traffic_manager set=|s, v| s.edge.traffic_manager = v />
                <NumberFields specs=EDGE_AND_PLATFORM_FIELDS />
                <SelectField label="Redis per stamp" path="platform.redis"
                    help="One independent cache per stamp (never geo-linked)."
                    options=vec![("none", "None"), ("standard_c1", "Standard C1"), ("standard_c3", "Standard C3"), ("premium_p1", "Premium P1")]
                    get=|s| enum_id(&s.platform.redis)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.platform.redis = x } } />
                <CheckField label="Zone-redundant Premium Redis" path="platform.redis_zone_redundant"
                    help="The Premium cache's primary and replica spread across availability zones (no extra node)."
                    get=|s| s.platform.redis_zone_redundant set=|s, v| s.platform.redis_zone_redundant = v />
                <CheckField label="Private endpoints" path="platform.private_endpoints"
                    help="One private endpoint per data service per stamp (Cosmos DB, Key Vault, Redis, SQL, App Configuration): per hour, plus the data they carry per GB each way."
                    get=|s| s.platform.private_endpoints set=|s, v| s.platform.private_endpoints = v />
                <CheckField label="Third Redis node (second replica)" path="platform.redis_third_replica"
                    help="One more Premium node per cache, needed only to cover a third zone."
                    get=|s| s.platform.redis_third_replica set=|s, v| s.platform.redis_third_replica = v />
                <NumberFields specs=EDGE_AND_PLATFORM_2_FIELDS />
                <CheckField label="App Configuration (store + replicas)" path="platform.app_configuration"
                    help="One store, replicated to every other stamp's region."
                    get=|s| s.platform.app_configuration set=|s, v| s.platform.app_configuration = v />
                <NumberFields specs=EDGE_AND_PLATFORM_3_FIELDS />
                <NumberFields specs=AVAILABILITY_TEST_FIELDS />
                <CheckField label="Defender for App Service" path="platform.defender.app_service"
                    help="Microsoft Defender for Cloud plan, billed per App Service instance per hour."
                    get=|s| s.platform.defender.app_service set=|s, v| s.platform.defender.app_service = v />
                <CheckField label="Defender for Containers (AKS)" path="platform.defender.containers"
                    help="Billed per vCore of the AKS worker nodes per hour."
                    get=|s| s.platform.defender.containers set=|s, v| s.platform.defender.containers = v />
                <CheckField label="Defender for Azure Cosmos DB" path="platform.defender.cosmos_db"
                    help="Billed per 100 RU/s per hour of the throughput the account is billed for."
                    get=|s| s.platform.defender.cosmos_db set=|s, v| s.platform.defender.cosmos_db = v />
                <CheckField label="Defender for Key Vault" path="platform.defender.key_vault"
                    help="The per-vault plan, billed per vault per hour (one vault per stamp)."
                    get=|s| s.platform.defender.key_vault set=|s, v| s.platform.defender.key_vault = v />
                <CheckField label="Defender for Azure SQL" path="platform.defender.sql"
                    help="Billed per SQL server per hour (the ledger's primary and failover-group secondary)."
                    get=|s| s.platform.defender.sql set=|s, v| s.platform.defender.sql = v />
            </details>
            <details open>
                <summary>"Targets"</summary>
                <NumberFields specs=TARGETS_FIELDS />
                <CheckField label="Latency target applies to writes too" path="targets.latency_includes_writes"
                    help="Off: reads only (e.g. search). On: writes that travel to a single write region count too."
                    get=|s| s.targets.latency_includes_writes set=|s, v| s.targets.latency_includes_writes = v />
                <SelectField label="Judge RTO and RPO on" path="targets.basis"
                    help="Expected: typical, modelled figures (replication lag, configured failover). Guaranteed: the bounds Microsoft documents, e.g. Cosmos DB RPO < 15 minutes across regions, write failover up to 1 hour (or more)."
                    options=vec![("expected", "Expected (typical)"), ("guaranteed", "Guaranteed (Microsoft's documented bounds)")]
                    get=|s| enum_id(&s.targets.basis)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.targets.basis = x } } />
                <NumberFields specs=TARGETS_2_FIELDS />
            </details>
            <details>
                <summary>"Resilience and risk"</summary>
                <NumberFields specs=RESILIENCE_AND_RISK_FIELDS />
                <SelectField label="Write failover" path="resilience.write_failover"
                    help="Single-writer tiers: the service promotes a new write region, or a person does by runbook."
                    options=vec![("service_managed", "Service-managed"), ("human_gated", "Human-gated (runbook)")]
                    get=|s| enum_id(&s.resilience.write_failover)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.resilience.write_failover = x } } />
                <NumberFields specs=RESILIENCE_AND_RISK_2_FIELDS />
                <CheckField label="Release in rings (one stamp first)" path="resilience.deployment_rings"
                    help="A bad release reaches only the first stamp's users in the tiers with two live stamps. Off: one image digest to every stamp in one pipeline run, as the reference architecture does."
                    get=|s| s.resilience.deployment_rings set=|s, v| s.resilience.deployment_rings = v />
                <NumberFields specs=DRILL_FIELDS />
                <Drills />
                <SelectField label="Outage durations" path="risk.duration_distribution"
                    help="Shape of outage durations in the simulation: long tails matter."
                    options=vec![("fixed", "Fixed"), ("exponential", "Exponential"), ("log_normal", "Log-normal (long tail)")]
                    get=|s| enum_id(&s.risk.duration_distribution)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.risk.duration_distribution = x } } />
                <NumberFields specs=RESILIENCE_AND_RISK_3_FIELDS />
                <CreditSchedule />
            </details>
            <details>
                <summary>"Latency model"</summary>
                <p class="group-note">"p95 = base + 2 × great-circle distance × route factor ÷ fibre speed, unless you give a measured round trip."</p>
                <NumberFields specs=LATENCY_MODEL_FIELDS />
                <MeasuredRtts />
            </details>
            <details>
                <summary>"Component SLAs"</summary>
                <p class="group-note">"Defaults from Microsoft's published SLAs (see shared reference); change them to your contract's."</p>
                <NumberFields specs=COMPONENT_SLAS_FIELDS />
            </details>
            <details>
                <summary>"Commercial terms"</summary>
                <NumberFields specs=COMMERCIAL_TERMS_FIELDS />
                <SelectField label="Reservation" path="commercial.reservation"
                    help="Reserved pricing (or a savings plan) for compute and Cosmos DB throughput: manual RU/s are reserved whole; with autoscale compute and autoscale RU/s, the floor that runs every hour is reserved (autoscale RU/s consume reserved capacity at 1.5× on single-write accounts) and the rest is pay-as-you-go."
                    options=vec![("none", "None (pay as you go)"), ("one_year", "1 year"), ("three_years", "3 years")]
                    get=|s| enum_id(&s.commercial.reservation)
                    set=|s, v| { if let Some(x) = enum_from(v) { s.commercial.reservation = x } } />
                <NumberFields specs=COMMERCIAL_TERMS_2_FIELDS />
                <super::currency::CurrencyConversion />
            </details>
        </form>
    }
}
