//! The page: header (presets, share, export, presentation), inputs, the
//! four tiers, the working, the charts. Loads the price data at start-up
//! (see [`super::loading`]).

use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::charts_panel::ChartsPanel;
use super::inputs::{InputPanel, KeyControls};
use super::io;
use super::loading::{
    apply_regions, apply_sheet, load_index, load_sheet, load_sheet_file, Preloaded,
};
use super::state::AppState;
use super::tiers_table::{Recommendation, TiersTable, TotalsBar};
use super::working::Working;
use crate::engine::plan::PlanError;
use crate::engine::presets::{self, PRESETS};
use crate::engine::{report, share, Scenario};

/// The scenario a fresh page starts with.
pub fn default_scenario() -> Scenario {
    presets::preset("northwind").unwrap_or_default()
}

/// A share link in the page's address, opened (the browser decompresses
/// asynchronously, so [`start`] does this before the first render).
pub type OpenedLink = Option<Result<Scenario, share::ShareError>>;

/// Opens the share link in the address, if any, then mounts the page.
pub async fn start() {
    let hash = io::hash();
    let link = match hash.strip_prefix("s=") {
        Some(link) => Some(io::open_link(link).await),
        None => None,
    };
    // The region table and the default sheet are read before the page is
    // mounted (index.html preloads both while the wasm downloads), so the
    // first render already has every figure: one layout of the full page
    // instead of an empty one and then another (issue 16, speed).
    let preloaded = Preloaded {
        regions: io::fetch_text("pricing/regions.csv").await,
        sheet: io::fetch_text(&format!("pricing/{}", presets::DEFAULT_SHEET_NAME)).await,
    };
    leptos::mount::mount_to_body(move || view! { <App link=link preloaded=preloaded /> });
    // The static shell of index.html goes in the same task, so the browser
    // never paints both.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("shell") {
        shell.remove();
    }
}

/// Parts of the results that start below the first screen (the failure
/// modes, the robustness views): built in a task just after the first
/// figures are painted, not before (issue 16, speed).
#[component]
fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let built = io::set_after_paint();
    move || built.get().then(|| children())
}

/// Where the first scenario comes from: a share link, else the autosave,
/// else the default. A bad link gets a message and the default scenario.
fn initial_scenario(link: OpenedLink) -> (Scenario, Option<String>, bool) {
    if let Some(opened) = link {
        return match opened {
            Ok(s) => (s, None, true),
            Err(e) => (
                default_scenario(),
                Some(format!("This share link could not be opened: {e}. Showing the default scenario; your saved scenario is untouched.")),
                true,
            ),
        };
    }
    if let Some(saved) = io::load_saved() {
        if let Ok(s) = share::from_json(&saved) {
            return (s, None, false);
        }
    }
    (default_scenario(), None, false)
}

/// The application root; `link` is the share link the address opened.
#[component]
pub fn App(link: OpenedLink, preloaded: Preloaded) -> impl IntoView {
    let (mut initial, banner, from_link) = initial_scenario(link);
    let wanted = initial.price_sheet.take();
    let state = AppState::new(initial.clone());
    state.wanted_sheet.set(wanted);
    state.banner.set(banner);
    provide_context(state);
    super::robustness::provide(state);

    apply_regions(state, preloaded.regions);
    apply_sheet(state, presets::DEFAULT_SHEET_NAME, preloaded.sheet);
    leptos::task::spawn_local(load_index(state));

    // A scenario made with one of the page's own sheets opens with it.
    let tried = StoredValue::new(String::new());
    Effect::new(move |_| {
        let available = state.sheets_available.get();
        let Some(wanted) = state.wanted_sheet.get() else {
            return;
        };
        let current = state.sheet.get();
        if current.as_ref().is_none_or(|c| wanted.matches(c)) {
            return;
        }
        if available.contains(&wanted.name) && tried.get_value() != wanted.name {
            tried.set_value(wanted.name.clone());
            leptos::task::spawn_local(load_sheet(state, wanted.name.clone()));
        }
    });

    // Keep the last good plan on screen; autosave only scenarios the engine
    // accepted, and never the one a link opened until the person edits it.
    let armed = RwSignal::new(!from_link);
    let first = initial;
    // The scenario the page opened with is already what is saved (or the
    // default, which needs no saving): it is written once the person
    // changes something, not again while the first figures are painted.
    let opened = StoredValue::new(true);
    Effect::new(move |_| {
        let evaluation = state.evaluation.get();
        // Tracked too: a change the plan does not show (simulated years, the
        // simulation's seed) must still reach the saved scenario.
        let scenario = state.scenario.get();
        if let Some(Ok(_)) = evaluation {
            if !armed.get_untracked() && scenario != first {
                armed.set(true);
                io::set_hash("");
            }
            let unchanged_opening = opened.get_value() && scenario == first;
            opened.set_value(false);
            if armed.get_untracked() && !unchanged_opening {
                // With the sheet its figures use (or, while the one it was
                // made with is still missing, that one: not forgotten).
                let mut saved = scenario;
                saved.price_sheet = state.wanted_sheet.get_untracked().or_else(|| {
                    state
                        .sheet
                        .get_untracked()
                        .map(|sheet| crate::engine::pricing::SheetRef::of(&sheet))
                });
                io::save(&share::to_json(&saved));
            }
        }
    });

    // A confirmation goes away by itself after a few seconds, and at once
    // when a problem is reported (they must never contradict each other).
    Effect::new(move |_| {
        if let Some(text) = state.toast.get() {
            set_timeout(
                move || {
                    if state.toast.get_untracked().as_deref() == Some(text.as_str()) {
                        state.toast.set(None);
                    }
                },
                std::time::Duration::from_secs(8),
            );
        }
    });
    Effect::new(move |_| {
        if state.banner.with(Option::is_some) || state.sheet_error.with(Option::is_some) {
            state.toast.set(None);
        }
    });

    // Every change is a step to undo.
    Effect::new(move |_| state.scenario.with(|s| state.record_history(s)));

    // Escape leaves presentation mode (unless it closes the working first);
    // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo edits, except inside a
    // text field, where they undo typing as the browser does.
    let on_key = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        if (ev.ctrl_key() || ev.meta_key()) && (key == "z" || key == "Z" || key == "y") {
            let in_text = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.type_() == "text");
            if !in_text {
                ev.prevent_default();
                state.step(key == "y" || ev.shift_key());
            }
            return;
        }
        if ev.key() == "Escape"
            && state.presentation.get_untracked()
            && state.working.get_untracked().is_none()
        {
            state.presentation.set(false);
        }
    });
    on_cleanup(move || on_key.remove());

    let class = move || {
        if state.presentation.get() {
            "app presentation"
        } else {
            "app"
        }
    };
    view! {
        <div class=class data-testid="app">
            <a class="skip" href="#results">"Skip to results"</a>
            <Header />
            <Banners />
            <div class="totals-bar" data-testid="totals-bar" aria-label="Monthly totals">
                <TotalsBar />
            </div>
            <main class="layout">
                <aside class="input-column" aria-label="Inputs">
                    {move || if state.presentation.get() { view! { <KeyControls /> }.into_any() } else { view! { <InputPanel /> }.into_any() }}
                </aside>
                <div class="results" id="results" tabindex="-1">
                    <PrintSummary />
                    <Recommendation />
                    <super::robustness::DecisionRanges />
                    <TiersTable />
                    <AfterFirstPaint><super::failure_modes::FailureModesTable /></AfterFirstPaint>
                    <Working />
                    <ChartsPanel />
                    <AfterFirstPaint><super::robustness::RobustnessPanel /></AfterFirstPaint>
                </div>
            </main>
            <Footer />
        </div>
    }
}

/// Messages that must not be missed: a bad link, a price-sheet failure,
/// missing prices, invalid inputs.
#[component]
fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    let missing = move || match state.evaluation.get() {
        Some(Err(PlanError::MissingPrices(m))) => Some(view! {
            <div class="banner error" role="alert" data-testid="missing-prices">
                <strong>"Prices missing — the figures below are from your last complete scenario. "</strong>
                <ul>{m.iter().map(|x| view! { <li>{x.to_string()}</li> }).collect_view()}</ul>
            </div>
        }),
        _ => None,
    };
    let unpriced = move || match state.evaluation.get() {
        Some(Err(PlanError::UnpricedRegions(u))) => Some(view! {
            <div class="banner error" role="alert" data-testid="unpriced-region">
                <strong>"Prices missing — the figures below are from your last complete scenario. "</strong>
                <ul>{u.iter().map(|x| view! { <li>{x.to_string()}</li> }).collect_view()}</ul>
            </div>
        }),
        _ => None,
    };
    // Every problem, by field, each with a way to it: parse errors and
    // validation errors together (one entry per field, so the count and the
    // list always agree).
    let invalid = move || {
        let problems = state.field_errors.get();
        (!problems.is_empty()).then(|| {
            let n = problems.len();
            let items = problems
                .into_iter()
                .map(|(path, message)| {
                    let id = super::fields::element_id_for(&path);
                    // The label on the page, else the registry's (a band
                    // not built yet, or a field not on the page).
                    let label = io::label_of(&id)
                        .or_else(|| crate::engine::inputs::find(&path).map(|i| i.label.to_string()))
                        .unwrap_or_else(|| path.clone());
                    let target = id.clone();
                    view! {
                        <li>
                            <button type="button" class="link" data-testid=format!("problem-{}", super::fields::test_id(&path)) on:click=move |_| io::focus_element(&target)>
                                {label}
                            </button>
                            {format!(": {message}")}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="banner warn" role="status" data-testid="invalid-banner">
                    <span>{format!("{} (marked in red). The results show your last valid scenario.", crate::engine::format::count(n, "input needs attention", "inputs need attention"))}</span>
                    <ul class="problems">{items}</ul>
                </div>
            }
        })
    };
    view! {
        {move || state.banner.get().map(|b| view! {
            <div class="banner error" role="alert" data-testid="banner">
                <span>{b}</span>
                <button type="button" class="icon" aria-label="Dismiss" on:click=move |_| state.banner.set(None)>"×"</button>
            </div>
        })}
        {move || state.sheet_error.get().map(|b| view! { <div class="banner error" role="alert" data-testid="sheet-error">{b}</div> })}
        <SheetMismatch />
        {missing}
        {unpriced}
        {invalid}
        {move || state.toast.get().map(|t| view! { <div class="banner ok" role="status" data-testid="toast">{t}</div> })}
    }
}

/// Said in place when the scenario was made with another price sheet than
/// the one in use: the figures are not the sender's, and how to get them.
#[component]
fn SheetMismatch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_ref = NodeRef::<Input>::new();
    let on_file = move |_| {
        if let Some(input) = file_ref.get() {
            leptos::task::spawn_local(load_sheet_file(state, input));
        }
    };
    move || {
        let wanted = state.wanted_sheet.get()?;
        let current = state.sheet.get()?;
        if wanted.matches(&current) {
            return None;
        }
        let current_ref = crate::engine::pricing::SheetRef::of(&current);
        let text = if wanted.name == current.name {
            format!(
                "This scenario's figures were made with another version of {} (fingerprint {}, {}); the figures below use the version loaded here (fingerprint {}), so they can differ from what was shared.",
                wanted.name, wanted.short(), wanted.currency, current_ref.short()
            )
        } else {
            format!(
                "This scenario's figures were made with the price sheet {} ({}, fingerprint {}), which this page does not have. The figures below use {} ({}) and will differ from what was shared: load {} to see the same figures.",
                wanted.name, wanted.currency, wanted.short(), current.name, current.currency, wanted.name
            )
        };
        let keep = format!("Keep {}", current.name);
        Some(view! {
            <div class="banner warn" role="alert" data-testid="sheet-mismatch">
                <span>{text}</span>
                <label class="file-button">
                    {format!("Load {}…", wanted.name)}
                    <input type="file" accept=".csv,text/csv" node_ref=file_ref data-testid="load-wanted-sheet" on:change=on_file />
                </label>
                <button type="button" class="secondary" data-testid="keep-sheet" on:click=move |_| state.wanted_sheet.set(None)>{keep}</button>
            </div>
        })
    }
}

/// Title, presets, share, export and import, presentation mode.
#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let import_ref = NodeRef::<Input>::new();
    let sheet_ref = NodeRef::<Input>::new();
    let share_url = RwSignal::new(String::new());
    // The preset the scenario is, while it is one unchanged (empty otherwise).
    let parsed_presets: Vec<(&'static str, Scenario)> = PRESETS
        .iter()
        .filter_map(|(id, _, _)| presets::preset(id).ok().map(|s| (*id, s)))
        .collect();
    let preset_shown = Memo::new(move |_| {
        state.scenario.with(|s| {
            parsed_presets
                .iter()
                .find(|(_, p)| p == s)
                .map(|(id, _)| id.to_string())
                .unwrap_or_default()
        })
    });
    let on_preset = move |ev| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        match presets::preset(&id) {
            Ok(s) => {
                state.replace_scenario(s);
                state.toast.set(None);
            }
            Err(e) => state.banner.set(Some(e.to_string())),
        }
    };
    // The scenario to share or export, or (while an input is invalid) the
    // reason in the banner, which also clears any toast.
    let shareable = move || match state.scenario_to_share() {
        Ok(scenario) => Some(scenario),
        Err(why) => {
            state.banner.set(Some(why));
            None
        }
    };
    let on_share = move |_| {
        let Some(scenario) = shareable() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match io::share_link(&scenario).await {
                Ok(link) => {
                    let fragment = format!("s={link}");
                    let url = format!("{}#{fragment}", io::page_url());
                    io::set_hash(&fragment);
                    io::copy_to_clipboard(&url);
                    share_url.set(url);
                    let sheet = scenario.price_sheet.as_ref().map(|r| format!(" It names the price sheet {} ({}) so the recipient sees whether their figures use the same prices.", r.name, r.short())).unwrap_or_default();
                    state.toast.set(Some(format!(
                        "Share link copied. It holds the whole scenario, needs no login and never expires.{sheet}"
                    )));
                }
                Err(e) => state
                    .banner
                    .set(Some(format!("The share link could not be made: {e}."))),
            }
        });
    };
    let on_csv = move |_| {
        let Some(scenario) = shareable() else {
            return;
        };
        let (Some(sheet), Some(regions)) =
            (state.priced.get_untracked(), state.regions.get_untracked())
        else {
            return;
        };
        // The line items' words are written for the export.
        if let Ok(plan) = crate::engine::plan::evaluate(&scenario, &sheet, &regions) {
            let today = io::today();
            let meta = report::CsvMeta {
                scenario: &scenario.name,
                sheet_fingerprint: &sheet.fingerprint,
                exported_on: &today,
            };
            let words = report::line_words(&scenario, &sheet, &regions, &plan);
            let mut csv = report::line_items_csv(&plan, &words, &meta);
            // P50 and P90 budget lines when the scenario carries ranges.
            csv.push_str(&super::robustness::budget_lines(
                &scenario, &plan, &sheet, &regions, &meta,
            ));
            io::download("planner-line-items.csv", "text/csv", &csv);
        }
    };
    let on_json = move |_| {
        if let Some(scenario) = shareable() {
            io::download(
                "planner-scenario.json",
                "application/json",
                &share::to_json(&scenario),
            );
        }
    };
    let on_import = move |_| {
        let Some(input) = import_ref.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match io::read_file(&input).await {
                Ok((name, text)) => match share::from_json(&text) {
                    Ok(s) => {
                        state.replace_scenario(s);
                        state.banner.set(None);
                        state.toast.set(Some(format!("Imported {name}.")));
                    }
                    Err(e) => state.banner.set(Some(format!(
                        "{name} could not be imported: {e}. Nothing was changed."
                    ))),
                },
                Err(e) => state.banner.set(Some(e)),
            }
            input.set_value("");
        });
    };
    let on_sheet_file = move |_| {
        if let Some(input) = sheet_ref.get() {
            leptos::task::spawn_local(load_sheet_file(state, input));
        }
    };
    let on_sheet_select = move |ev| {
        let name = event_target_value(&ev);
        leptos::task::spawn_local(load_sheet(state, name));
    };
    view! {
        <header class="top">
            <div class="title">
                <h1>"Multi-region Azure planner"</h1>
                <p class="subtitle">{move || state.scenario.with(|s| s.name.clone())}</p>
            </div>
            <nav class="actions" aria-label="Scenario actions">
                <label class="inline">
                    <span>"Preset"</span>
                    <select data-testid="preset" on:change=on_preset prop:value=move || preset_shown.get()>
                        <option value="">{move || if preset_shown.with(String::is_empty) { "Choose…" } else { "Choose… (edited)" }}</option>
                        {PRESETS.iter().map(|(id, label, _)| view! { <option value=*id selected=move || preset_shown.get() == *id>{*label}</option> }).collect_view()}
                    </select>
                </label>
                <button type="button" data-testid="reset" on:click=move |_| {
                    state.replace_scenario(default_scenario());
                    state.banner.set(None);
                    state.toast.set(Some("Reset to the Northwind Bookings preset. Undo (Ctrl+Z) brings your scenario back.".into()));
                }>"Reset"</button>
                <button type="button" data-testid="undo" title="Undo (Ctrl+Z)" disabled=move || !state.can_undo.get() on:click=move |_| state.step(false)>"Undo"</button>
                <button type="button" data-testid="redo" title="Redo (Ctrl+Shift+Z)" disabled=move || !state.can_redo.get() on:click=move |_| state.step(true)>"Redo"</button>
                <button type="button" data-testid="share" on:click=on_share>"Share link"</button>
                <button type="button" data-testid="export-csv" on:click=on_csv>"Export CSV"</button>
                <button type="button" data-testid="export-json" on:click=on_json>"Export scenario"</button>
                <label class="file-button">
                    "Import scenario"
                    <input type="file" accept=".json,application/json" node_ref=import_ref data-testid="import-json" on:change=on_import />
                </label>
                <button type="button" data-testid="print" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                <button type="button"
                    data-testid="presentation"
                    aria-pressed=move || if state.presentation.get() { "true" } else { "false" }
                    on:click=move |_| state.presentation.update(|p| *p = !*p)
                >
                    {move || if state.presentation.get() { "Exit presentation" } else { "Present" }}
                </button>
            </nav>
            <div class="prices">
                <label class="inline">
                    <span>"Price sheet"</span>
                    <select data-testid="sheet-select" on:change=on_sheet_select>
                        {move || {
                            let current = state.sheet.get().map(|s| s.name.clone()).unwrap_or_default();
                            let mut names = state.sheets_available.get();
                            // A sheet loaded from a file is listed (and shown) too.
                            let loaded = !current.is_empty() && !names.contains(&current);
                            if loaded {
                                names.push(current.clone());
                            }
                            names.into_iter().map(|n| {
                                let selected = current == n;
                                let text = if loaded && selected { format!("{n} (loaded from a file)") } else { n.clone() };
                                view! { <option value=n.clone() selected=selected disabled=loaded && selected>{text}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                <label class="file-button">
                    "Load price sheet (CSV)"
                    <input type="file" accept=".csv,text/csv" node_ref=sheet_ref data-testid="load-sheet" on:change=on_sheet_file />
                </label>
                <SheetInfo />
            </div>
            {move || (!share_url.get().is_empty()).then(|| view! {
                <label class="share-url">
                    <span>"Share link"</span>
                    <input type="text" readonly data-testid="share-url" prop:value=move || share_url.get() />
                </label>
            })}
        </header>
    }
}

/// Which sheet, currency and as-of dates the figures use.
#[component]
fn SheetInfo() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.sheet.get().map(|sheet| {
            let oldest = sheet.oldest_effective_date().unwrap_or("?").to_string();
            let newest = sheet.newest_effective_date().unwrap_or("?").to_string();
            let today = io::today();
            let year_ago = match today.split_once('-') {
                Some((y, rest)) => y.parse::<i32>().map(|y| format!("{}-{rest}", y - 1)).unwrap_or_default(),
                None => String::new(),
            };
            let stale = !year_ago.is_empty() && oldest.as_str() < year_ago.as_str();
            view! {
                <p class="sheet-info" data-testid="sheet-info">
                    {format!("{} · {} · prices effective {} to {} · fingerprint {}", sheet.name, sheet.currency, oldest, newest, crate::engine::pricing::SheetRef::of(&sheet).short())}
                    {move || state.last_good.get().and_then(|g| g.plan.converted_from.as_ref().map(|c| {
                        view! { <span class="converted" data-testid="converted-info">{format!(" · figures in {}, {}", g.plan.currency, c.describe(&g.plan.currency))}</span> }
                    }))}
                    {stale.then(|| view! { <span class="stale" data-testid="stale-warning">" · some prices are over 12 months old: refresh them (see README)"</span> })}
                </p>
            }
        })
    }
}

/// The inputs summary printed at the top of the business case.
#[component]
fn PrintSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.last_good.get().map(|good| {
            let s = &good.scenario;
            let regions = s
                .regions
                .iter()
                .map(|r| format!("{} ({}%)", r.region, crate::engine::format::number(r.traffic_share * 100.0, 1)))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <section class="print-summary" data-testid="print-summary">
                    <h2>{format!("Business case: {}", s.name)}</h2>
                    <p data-testid="print-prepared">{if s.prepared_by.trim().is_empty() {
                        format!("Prepared {}", io::today())
                    } else {
                        format!("Prepared by {} on {}", s.prepared_by.trim(), io::today())
                    }}</p>
                    <p>{s.notes.clone()}</p>
                    <dl>
                        <dt>"Regions"</dt><dd>{regions}</dd>
                        <dt>"Peak traffic"</dt><dd>{format!("{} req/s", crate::engine::format::number(s.workload.peak_requests_per_s, 0))}</dd>
                        <dt>"Each stamp"</dt><dd>{format!("{}% of global peak", crate::engine::format::number(s.compute.stamp_capacity_fraction * 100.0, 0))}</dd>
                        <dt>"Targets"</dt><dd>{format!("RTO {} · RPO {} ({} basis) · availability {}% · p95 {} ms", crate::engine::format::duration(s.targets.rto_s), crate::engine::format::duration(s.targets.rpo_s), s.targets.basis.as_str(), s.targets.availability_pct, s.targets.latency_p95_ms)}</dd>
                        <dt>"Prices"</dt><dd data-testid="print-prices">{move || {
                            let fingerprint = state.sheet.get().map(|sh| format!(", fingerprint {}", crate::engine::pricing::SheetRef::of(&sh).short())).unwrap_or_default();
                            let differs = state.wanted_sheet.get().map(|w| format!(" — not the sheet this scenario was made with ({}, fingerprint {}): the figures differ from the original", w.name, w.short())).unwrap_or_default();
                            let converted = good.plan.converted_from.as_ref().map(|c| format!("; figures in {}, {}", good.plan.currency, c.describe(&good.plan.currency))).unwrap_or_default();
                            format!("{} ({}{fingerprint}){converted}{differs}", good.plan.sheet, good.plan.currency)
                        }}</dd>
                    </dl>
                </section>
            }
        })
    }
}

#[component]
fn Footer() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <footer class="bottom">
            <p>
                "Every figure opens its working: press it. Prices are list prices from the sheet named above; RTO comes from routing, RPO from the data band. "
                <span data-testid="eval-ms">{move || {
                    let ms = state.last_eval_ms.get();
                    if ms < 0.1 { "Last recalculation: under 0.1 ms.".to_string() } else { format!("Last recalculation: {} ms.", crate::engine::format::number(ms, 1)) }
                }}</span>
            </p>
        </footer>
    }
}
