//! The input panel, grouped as the architecture's bands are: regions and
//! traffic, workload, compute stamp, data, edge and platform, resilience
//! and risk, targets, commercial terms.

use leptos::prelude::*;

use super::fields::{bind_number, test_id, BandInputs, FieldError, FieldFor, TextField};
use super::state::AppState;
use crate::engine::inputs::{self, Band};
use crate::engine::scenario::RegionShare;
use crate::engine::validate::MAX_REGIONS;

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
                                r.display_name.to_string()
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

/// The message under a list row's field, if it has one (`path` follows the
/// row's place in the list).
fn row_error(state: AppState, path: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    move || {
        let path = path();
        state.field_errors.with(|m| m.get(&path).cloned()).map(|m| {
            view! {
                <p class="field-error" role="alert" data-testid=format!("error-{}", test_id(&path))>{m}</p>
            }
        })
    }
}

/// One region row: which region, and its share of users. Drawn once for
/// its row id; its place in the list (and so its label, ids and paths)
/// follows the rows removed above it.
#[component]
fn RegionRow(id: u64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let index = state.rows.regions.index(id);
    let current = Memo::new(move |_| {
        state
            .scenario
            .with(|s| s.regions.get(index.get()).cloned().unwrap_or_default())
    });
    let input = &inputs::REGION_SHARE;
    let path_share = move || input.path(index.get());
    let path_region = move || format!("regions[{}].region", index.get());
    let share = Memo::new(move |_| current.with(|r| r.traffic_share * input.scale));
    let (share_text, on_share) =
        bind_number(state, path_share, share.into(), false, move |s, v| {
            (input.set)(s, index.get_untracked(), v / input.scale)
        });
    let role = move || match index.get() {
        0 => "primary / write region",
        1 => "second region, warm standby",
        _ => "additional region",
    };
    let region_id = move || format!("f-region-{}", index.get());
    let share_id = move || format!("f-share-{}", index.get());
    view! {
        <div class="region-row" data-testid=move || format!("region-row-{}", index.get())>
            <div class="field">
                <label for=region_id>{move || format!("Region {} ({})", index.get() + 1, role())}</label>
                <div class="field-input">
                    <select
                        id=region_id
                        data-testid=move || format!("input-region-{}", index.get())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let i = index.get_untracked();
                            state.scenario.update(|s| {
                                if let Some(r) = s.regions.get_mut(i) {
                                    r.region = v;
                                }
                            });
                        }
                    >
                        {region_options_view(state, move |v| current.with(|r| r.region == v))}
                    </select>
                </div>
                {row_error(state, path_region)}
            </div>
            <div class="field share">
                <label for=share_id title=input.help>
                    {input.label}
                </label>
                <div class="field-input">
                    <input
                        id=share_id
                        type="text"
                        inputmode="decimal"
                        data-testid=move || format!("input-share-{}", index.get())
                        prop:value=move || share_text.get()
                        on:input=move |ev| on_share(event_target_value(&ev))
                    />
                    <span class="unit">"%"</span>
                </div>
                {row_error(state, path_share)}
            </div>
            <button type="button"
                class="icon remove"
                aria-label=move || format!("Remove region {}", index.get() + 1)
                data-testid=move || format!("remove-region-{}", index.get())
                on:click=move |_| {
                    // The other rows stay as they are, half-typed text included.
                    state.rows.regions.remove(state, id, |s, i| {
                        let removable = s.regions.len() > 1 && i < s.regions.len();
                        if removable {
                            s.regions.remove(i);
                        }
                        removable
                    });
                }
            >
                "×"
            </button>
        </div>
    }
}

/// One measured round trip: from users near a region to a stamp or write
/// region, in milliseconds.
#[component]
fn RttRow(id: u64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let index = state.rows.rtts.index(id);
    let current = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.resilience
                .measured_rtts
                .get(index.get())
                .cloned()
                .unwrap_or_default()
        })
    });
    let input = &inputs::MEASURED_RTT;
    let path = move || input.path(index.get());
    let ms = Memo::new(move |_| current.with(|m| m.rtt_ms * input.scale));
    let (text, on_ms) = bind_number(state, path, ms.into(), false, move |s, v| {
        (input.set)(s, index.get_untracked(), v / input.scale)
    });
    let select = move |which: &'static str| {
        view! {
            <select
                aria-label=if which == "from" { "Users near" } else { "Stamp or write region" }
                data-testid=move || format!("rtt-{which}-{}", index.get())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let i = index.get_untracked();
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
    view! {
        <div class="rtt-row" data-testid=move || format!("rtt-row-{}", index.get())>
            {select("from")}
            <span aria-hidden="true">"→"</span>
            {select("to")}
            <input type="text" inputmode="decimal" aria-label=format!("{}, {}", input.label, input.unit)
                data-testid=move || format!("rtt-ms-{}", index.get())
                prop:value=move || text.get() on:input=move |ev| on_ms(event_target_value(&ev)) />
            <span class="unit">{input.unit}</span>
            <button type="button" class="icon" aria-label="Remove this measurement"
                data-testid=move || format!("rtt-remove-{}", index.get())
                on:click=move |_| {
                    state.rows.rtts.remove(state, id, |s, i| {
                        let removable = i < s.resilience.measured_rtts.len();
                        if removable {
                            s.resilience.measured_rtts.remove(i);
                        }
                        removable
                    });
                }>"×"</button>
            {row_error(state, path)}
        </div>
    }
}

/// Measured round trips that override the distance model.
#[component]
fn MeasuredRtts() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="rtts" data-testid="measured-rtts">
            <p class="field-label">"Measured round trips (override the model)"</p>
            <For each=state.rows.rtts.keys(state) key=|id| *id children=|id| view! { <RttRow id=id /> } />
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

/// One drill result: a measured RTO or RPO of a tier and failure mode.
#[component]
fn DrillRow(id: u64) -> impl IntoView {
    use crate::engine::failure_modes::FailureMode;
    use crate::engine::scenario::{Drill, DrillMeasure};
    use crate::engine::tiers::TierId;
    let state = expect_context::<AppState>();
    let index = state.rows.drills.index(id);
    let current = Memo::new(move |_| {
        state.scenario.with(|s| {
            s.resilience
                .drills
                .get(index.get())
                .cloned()
                .unwrap_or_default()
        })
    });
    let input = &inputs::DRILL_VALUE;
    let path = move || input.path(index.get());
    let value = Memo::new(move |_| current.with(|d| d.value_s * input.scale));
    let (text, on_value) = bind_number(state, path, value.into(), false, move |s, v| {
        (input.set)(s, index.get_untracked(), v / input.scale)
    });
    let edit = move |f: fn(&mut Drill, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            let i = index.get_untracked();
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
    let testid = move |what: &'static str| move || format!("drill-{what}{}", index.get());
    // The value's message, else the date's (validation only: a date input
    // cannot hold half-typed text).
    let error = move || {
        let value = path();
        let date = format!("resilience.drills[{}].date", index.get());
        state
            .field_errors
            .with(|m| if m.contains_key(&value) { value } else { date })
    };
    view! {
        <div class="drill-row" data-testid=testid("")>
            <select aria-label="Tier" data-testid=testid("tier-")
                on:change=edit(|d, v| { if let Some(t) = TierId::from_id(&v) { d.tier = t } })>{tiers}</select>
            <select aria-label="Failure mode" data-testid=testid("mode-")
                on:change=edit(|d, v| { if let Some(m) = FailureMode::from_id(&v) { d.mode = m } })>{modes}</select>
            <select aria-label="Measured" data-testid=testid("measure-")
                on:change=edit(|d, v| d.measure = if v == "rpo" { DrillMeasure::Rpo } else { DrillMeasure::Rto })>
                <option value="rto" selected=move || current.with(|d| d.measure == DrillMeasure::Rto)>"RTO"</option>
                <option value="rpo" selected=move || current.with(|d| d.measure == DrillMeasure::Rpo)>"RPO"</option>
            </select>
            <input type="text" inputmode="decimal" aria-label=format!("{}, {}", input.label, input.unit) data-testid=testid("value-")
                prop:value=move || text.get() on:input=move |ev| on_value(event_target_value(&ev)) />
            <span class="unit">{input.unit}</span>
            <input type="date" aria-label="Drill date" data-testid=testid("date-")
                prop:value=move || current.with(|d| d.date.clone()) on:change=edit(|d, v| d.date = v) />
            <input type="text" aria-label="What was drilled" placeholder="edge drain" data-testid=testid("note-")
                prop:value=move || current.with(|d| d.note.clone()) on:change=edit(|d, v| d.note = v) />
            <button type="button" class="icon" aria-label="Remove this drill" data-testid=testid("remove-") on:click=move |_| {
                state.rows.drills.remove(state, id, |s, i| {
                    let removable = i < s.resilience.drills.len();
                    if removable {
                        s.resilience.drills.remove(i);
                    }
                    removable
                });
            }>"×"</button>
            {row_error(state, error)}
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
    view! {
        <div class="drills" data-testid="drills">
            <BandInputs band=Band::Drills />
            <p class="field-label">"Drill results (a measured value replaces the model's expected one)"</p>
            <For each=state.rows.drills.keys(state) key=|id| *id children=|id| view! { <DrillRow id=id /> } />
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

/// One step of the SLA credit schedule: below this monthly availability,
/// credit this share of the month's fee.
#[component]
fn CreditRow(id: u64) -> impl IntoView {
    let state = expect_context::<AppState>();
    let index = state.rows.credits.index(id);
    // One number cell of the step: `which` 0 = below %, 1 = credit %.
    let cell = move |which: usize| {
        let input = if which == 0 {
            &inputs::CREDIT_BELOW
        } else {
            &inputs::CREDIT
        };
        let path = move || input.path(index.get());
        let current = Memo::new(move |_| {
            state
                .scenario
                .with(|s| (input.get)(s, index.get()).unwrap_or_default() * input.scale)
        });
        let (text, on_text) = bind_number(state, path, current.into(), false, move |s, v| {
            (input.set)(s, index.get_untracked(), v / input.scale)
        });
        let what = if which == 0 { "below" } else { "credit" };
        view! {
            <input type="text" inputmode="decimal" aria-label=input.label
                data-testid=move || format!("credit-{what}-{}", index.get())
                prop:value=move || text.get() on:input=move |ev| on_text(event_target_value(&ev)) />
            <span class="unit">{input.unit}</span>
            {row_error(state, path)}
        }
    };
    view! {
        <div class="rtt-row" data-testid=move || format!("credit-step-{}", index.get())>
            <span>"below"</span>{cell(0)}<span aria-hidden="true">"→"</span>{cell(1)}
            <button type="button" class="icon" aria-label="Remove this credit step"
                data-testid=move || format!("credit-remove-{}", index.get())
                on:click=move |_| {
                    state.rows.credits.remove(state, id, |s, i| {
                        let removable = i < s.risk.credit_schedule.len();
                        if removable {
                            s.risk.credit_schedule.remove(i);
                        }
                        removable
                    });
                }>"×"</button>
        </div>
    }
}

/// The customer SLA's credit schedule: below this monthly availability,
/// credit this share of the month's fee.
#[component]
fn CreditSchedule() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="credits" data-testid="credit-schedule">
            <p class="field-label">"SLA credits: below this monthly availability → credit this share of the month's fee"</p>
            <For each=state.rows.credits.keys(state) key=|id| *id children=|id| view! { <CreditRow id=id /> } />
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
            <For each=state.rows.regions.keys(state) key=|id| *id children=|id| view! { <RegionRow id=id /> } />
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
/// asks about in a meeting (the fields themselves from the registry).
#[component]
pub fn KeyControls() -> impl IntoView {
    view! {
        <section class="key-controls" aria-label="Key controls" data-testid="key-controls">
            <FieldFor path="workload.peak_requests_per_s" slider=(100.0, 20000.0, 100.0) />
            <FieldFor path="compute.stamp_capacity_fraction" slider=(5.0, 100.0, 5.0) />
            <FieldFor path="targets.rto_s" slider=(10.0, 3600.0, 10.0) />
            <FieldFor path="targets.rpo_s" slider=(0.0, 900.0, 1.0) />
            <FieldFor path="targets.latency_p95_ms" slider=(20.0, 400.0, 5.0) />
        </section>
    }
}

/// How many of the panel's input bands are not built yet: the form is
/// `aria-busy` until none is left.
#[derive(Clone, Copy)]
struct BandsPending(RwSignal<usize>);

/// One band of inputs, built just after the first figures are painted, each
/// band in its own task, in page order. The bands hold about 1,270 of the
/// page's 1,800 elements; building them before the first paint delayed the
/// figures by about 100 ms (issue 16, speed), and building the three on the
/// first screen first still cost 45 ms (the number fields also load the
/// browser's number formatting, for the decimal mark).
///
/// A band comes whole (its `<details>`, title and fields in one go), after
/// the bands above it: nothing already on the screen moves. Bands whose
/// titles were on the page at once, each filled in later, pushed the bands
/// under them down while the person was looking at them (a cumulative
/// layout shift of 0.19–0.39 at 1440×900, 1280×720 and 768×1024; Chrome's
/// Web Vitals call under 0.1 good). Until the first band is there, the
/// column says the inputs are loading (`style/main.css`). Anything that
/// reaches into a band (a problem's link, a test) finds its fields a few
/// milliseconds after the figures.
#[component]
fn InputBand(
    title: &'static str,
    /// Shown open (the bands a person edits first).
    #[prop(optional)]
    open: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let built = super::io::set_after_paint();
    let pending = use_context::<BandsPending>();
    if let Some(BandsPending(n)) = pending {
        n.update(|n| *n += 1);
    }
    Effect::new(move |_| {
        if built.get() {
            if let Some(BandsPending(n)) = pending {
                n.update(|n| *n -= 1);
            }
        }
    });
    move || {
        built.get().then(|| {
            view! {
                <details open=open>
                    <summary>{title}</summary>
                    {children()}
                </details>
            }
        })
    }
}

/// Every input, in bands: each band's numbers, drop-downs and checkboxes
/// come from the registry ([`crate::engine::inputs`]) in its order; the
/// list editors (regions, drills, credits, round trips) follow their band.
#[component]
pub fn InputPanel() -> impl IntoView {
    let pending = RwSignal::new(0usize);
    provide_context(BandsPending(pending));
    let busy = move || (pending.get() > 0).to_string();
    view! {
        <form class="inputs" data-testid="inputs" on:submit=|ev| ev.prevent_default() aria-label="Scenario inputs" aria-busy=busy>
            <InputBand title="Business case" open=true>
                <TextField label="Scenario name" path="name" max=120
                    help="The business case's title: shown under the page title, in print and in exports."
                    get=|s| s.name.clone() set=|s, v| s.name = v />
                <TextField label="Prepared by" path="prepared_by" max=120
                    help="Printed under the business case's title with the date."
                    get=|s| s.prepared_by.clone() set=|s, v| s.prepared_by = v />
            </InputBand>
            <InputBand title="Regions and traffic" open=true>
                <RegionsEditor />
            </InputBand>
            <InputBand title="Workload" open=true>
                <BandInputs band=Band::Workload />
            </InputBand>
            <InputBand title="Compute stamp (each region's copy of the app)" open=true>
                <BandInputs band=Band::Compute />
            </InputBand>
            <InputBand title="Data" open=true>
                <BandInputs band=Band::Data />
            </InputBand>
            <InputBand title="Edge and platform">
                <BandInputs band=Band::EdgePlatform />
            </InputBand>
            <InputBand title="Targets" open=true>
                <BandInputs band=Band::Targets />
            </InputBand>
            <InputBand title="Resilience and risk">
                <BandInputs band=Band::Resilience />
                <CreditSchedule />
                <Drills />
            </InputBand>
            <InputBand title="Latency model">
                <p class="group-note">"p95 = base + 2 × great-circle distance × route factor ÷ fibre speed, unless you give a measured round trip."</p>
                <BandInputs band=Band::Latency />
                <MeasuredRtts />
            </InputBand>
            <InputBand title="Component SLAs">
                <p class="group-note">"Defaults from Microsoft's published SLAs (see shared reference); change them to your contract's."</p>
                <BandInputs band=Band::Slas />
            </InputBand>
            <InputBand title="Commercial terms">
                <BandInputs band=Band::Commercial />
                <super::currency::CurrencyConversion />
            </InputBand>
        </form>
    }
}
