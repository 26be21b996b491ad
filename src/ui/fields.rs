//! Input fields: a label, a unit, a tooltip saying what the field changes,
//! and inline validation. A field whose text is not a number keeps its text
//! and shows a message; the scenario (and so the results) keeps the last
//! valid value.

use leptos::prelude::*;

use super::state::AppState;
use crate::engine::inputs::{self, Band, Control, Input};
use crate::engine::{typed, Scenario};

/// Reads what a person typed, in the locale's decimal mark (see
/// [`crate::engine::typed`]).
pub fn parse_number(state: &AppState, raw: &str, integer: bool) -> Result<f64, String> {
    typed::parse_number(raw, integer, state.decimal())
}

/// Shows a stored value in a field in the locale's decimal mark.
pub fn show_number(state: &AppState, value: f64) -> String {
    typed::show_number(value, state.decimal())
}

pub fn test_id(path: &str) -> String {
    path.replace(['.', '[', ']'], "-")
        .trim_end_matches('-')
        .to_string()
}

/// The message under a field, if it has one.
#[component]
pub fn FieldError(path: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = state.error_fields.derive(move |m| m.get(path).cloned());
    let id = format!("err-{}", test_id(path));
    let testid = format!("error-{}", test_id(path));
    move || {
        message.get().map(|m| {
            view! { <p class="field-error" id=id.clone() data-testid=testid.clone() role="alert">{m}</p> }
        })
    }
}

/// Binds the text of a number input to one value of the scenario.
///
/// Returns the text to show and the handler for what the person types. The
/// text follows outside changes (preset, reset, import, slider) unless the
/// person is mid-way through typing something that is not a number yet. A
/// typed number is applied with `apply`; anything else is recorded as a parse
/// error under `path`, shown next to the field, and the scenario keeps its
/// last valid value. `path` is read each time: a list row's path follows
/// the row's place in the list.
pub fn bind_number(
    state: AppState,
    path: impl Fn() -> String + Copy + Send + Sync + 'static,
    current: Signal<f64>,
    integer: bool,
    apply: impl Fn(&mut Scenario, f64) + Copy + Send + Sync + 'static,
) -> (
    RwSignal<String>,
    impl Fn(String) + Copy + Send + Sync + 'static,
) {
    let text = RwSignal::new(show_number(&state, current.get_untracked()));
    Effect::new(move |_| {
        let v = current.get();
        let typed = text.get_untracked();
        let p = untrack(path);
        let pending = state.parse_errors.with_untracked(|e| e.contains_key(&p));
        // A typed range (`600..800..1200`) stands for its likely value.
        let range_likely = crate::engine::ranges::parse_range(&typed, state.decimal())
            .and_then(Result::ok)
            .map(|t| t.likely);
        if !pending
            && parse_number(&state, &typed, integer).ok() != Some(v)
            && range_likely != Some(v)
        {
            text.set(show_number(&state, v));
        }
    });
    let on_text = move |raw: String| {
        text.set(raw.clone());
        match parse_number(&state, &raw, integer) {
            Ok(v) => {
                let p = untrack(path);
                state.parse_errors.update(|e| {
                    e.remove(&p);
                });
                state.scenario.update(|s| apply(s, v));
            }
            Err(message) => {
                let p = untrack(path);
                state.parse_errors.update(|e| {
                    e.insert(p, message);
                })
            }
        }
    };
    (text, on_text)
}

/// A number input bound to one scenario field.
#[component]
pub fn NumberField(
    /// The label, in words.
    label: &'static str,
    /// Unit shown after the input ("req/s", "%", "ms").
    unit: &'static str,
    /// What the field changes (tooltip and screen-reader description).
    help: &'static str,
    /// JSON path of the field; validation messages are keyed by it.
    path: &'static str,
    /// Reads the stored value.
    get: fn(&Scenario) -> f64,
    /// Writes a parsed value.
    set: fn(&mut Scenario, f64),
    /// Displayed = stored × scale (100 for fractions shown as percent).
    #[prop(default = 1.0)]
    scale: f64,
    /// Whole numbers only.
    #[prop(default = false)]
    integer: bool,
    /// Also show a range slider (presentation mode's key controls).
    #[prop(optional_no_strip)]
    slider: Option<(f64, f64, f64)>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state.scenario_fields.derive(move |s| get(s) * scale);
    let (text, on_number) = bind_number(
        state,
        move || path.to_string(),
        current,
        integer,
        move |s, v| set(s, v / scale),
    );
    let on_text = super::robustness::range_input(state, path, integer, scale, set, text, on_number);
    let id = format!("f-{}", test_id(path));
    let testid = format!("input-{}", test_id(path));
    let err_id = format!("err-{}", test_id(path));
    let invalid = state.error_fields.derive(move |m| m.contains_key(path));
    let slider_view = slider.map(|(min, max, step)| {
        view! {
            <input
                type="range"
                class="slider"
                min=min
                max=max
                step=step
                aria-label=label
                data-testid=format!("slider-{}", test_id(path))
                prop:value=move || current.get().to_string()
                on:input=move |ev| on_text(event_target_value(&ev))
            />
        }
    });
    view! {
        <div class="field" class:invalid=move || invalid.get()>
            <div class="label-row">
                <label for=id.clone()>{label}</label>
                <HelpTip label=label help=help path=path />
            </div>
            <div class="field-input">
                {slider_view}
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    data-testid=testid
                    aria-describedby=err_id
                    aria-invalid=move || if invalid.get() { "true" } else { "false" }
                    aria-description=help
                    prop:value=move || text.get()
                    on:input=move |ev| on_text(event_target_value(&ev))
                />
                <span class="unit">{unit}</span>
            </div>
            <FieldError path=path />
        </div>
    }
}

/// A drop-down bound to one scenario field.
#[component]
pub fn SelectField(
    label: &'static str,
    help: &'static str,
    path: &'static str,
    /// (value, label) pairs.
    options: Vec<(&'static str, &'static str)>,
    get: fn(&Scenario) -> String,
    set: fn(&mut Scenario, &str),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state.scenario_fields.derive(get);
    let id = format!("f-{}", test_id(path));
    view! {
        <div class="field">
            <div class="label-row">
                <label for=id.clone()>{label}</label>
                <HelpTip label=label help=help path=path />
            </div>
            <div class="field-input">
                <select
                    id=id
                    data-testid=format!("input-{}", test_id(path))
                    aria-description=help
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        state.scenario.update(|s| set(s, &v));
                    }
                >
                    {options
                        .into_iter()
                        .map(|(value, text)| {
                            view! {
                                <option value=value selected=move || current.get() == value>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <FieldError path=path />
        </div>
    }
}

/// The "?" beside a field: a button that shows and hides the field's help
/// under it (reachable by keyboard and touch, unlike a `title` tooltip).
#[component]
pub fn HelpTip(label: &'static str, help: &'static str, path: &'static str) -> impl IntoView {
    let open = RwSignal::new(false);
    let id = format!("help-{}", test_id(path));
    // Where the default or the limit comes from, when the registry says.
    let source = inputs::find(path)
        .map(|i| i.source)
        .filter(|s| !s.is_empty())
        .map(|href| view! { " " <a href=href target="_blank" rel="noopener">"Source"</a> });
    view! {
        <button
            type="button"
            class="tip"
            aria-label=format!("What is “{label}”?")
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=id.clone()
            data-testid=format!("help-button-{}", test_id(path))
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "?"
        </button>
        <span class="help-text" id=id role="note" hidden=move || !open.get() data-testid=format!("help-{}", test_id(path))>
            {help}
            {source}
        </span>
    }
}

/// A one-line text input bound to one scenario field (names, not numbers).
#[component]
pub fn TextField(
    label: &'static str,
    help: &'static str,
    path: &'static str,
    /// Longest text accepted, in characters.
    max: u32,
    get: fn(&Scenario) -> String,
    set: fn(&mut Scenario, String),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state.scenario_fields.derive(get);
    let id = format!("f-{}", test_id(path));
    view! {
        <div class="field text">
            <div class="label-row">
                <label for=id.clone()>{label}</label>
                <HelpTip label=label help=help path=path />
            </div>
            <div class="field-input">
                <input
                    id=id
                    type="text"
                    maxlength=max
                    autocomplete="off"
                    data-testid=format!("input-{}", test_id(path))
                    aria-description=help
                    prop:value=move || current.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        state.scenario.update(|s| set(s, v));
                    }
                />
            </div>
        </div>
    }
}

/// A checkbox bound to one scenario field.
#[component]
pub fn CheckField(
    label: &'static str,
    help: &'static str,
    path: &'static str,
    get: fn(&Scenario) -> bool,
    set: fn(&mut Scenario, bool),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = state.scenario_fields.derive(get);
    let id = format!("f-{}", test_id(path));
    view! {
        <div class="field check">
            <input
                id=id.clone()
                type="checkbox"
                data-testid=format!("input-{}", test_id(path))
                aria-description=help
                prop:checked=move || current.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.scenario.update(|s| set(s, on));
                }
            />
            <label for=id>{label}</label>
            <HelpTip label=label help=help path=path />
        </div>
    }
}

/// One input of the registry ([`crate::engine::inputs`]) as its control:
/// a number field, a drop-down or a checkbox. Every band of the input
/// panel is drawn by this one loop body, so the wasm carries one copy of
/// each control's code.
#[component]
pub fn InputField(
    input: &'static Input,
    /// Also show a range slider (presentation mode's key controls).
    #[prop(optional_no_strip)]
    slider: Option<(f64, f64, f64)>,
) -> impl IntoView {
    let Input {
        path,
        label,
        unit,
        help,
        ..
    } = *input;
    match input.control {
        Control::Number(n) => view! {
            <NumberField label=label unit=unit help=help path=path get=n.get set=n.set
                scale=n.scale integer=n.integer slider=slider />
        }
        .into_any(),
        Control::Choice(c) => view! {
            <SelectField label=label help=help path=path options=c.options.to_vec()
                get=c.get set=c.set />
        }
        .into_any(),
        Control::Check(c) => view! {
            <CheckField label=label help=help path=path get=c.get set=c.set />
        }
        .into_any(),
    }
}

/// Every input of one band, in the registry's order.
#[component]
pub fn BandInputs(band: Band) -> impl IntoView {
    inputs::band(band)
        .map(|input| view! { <InputField input=input /> })
        .collect_view()
}

/// The registry's input at `path` (nothing if no input has that path).
#[component]
pub fn FieldFor(
    path: &'static str,
    /// Also show a range slider (presentation mode's key controls).
    #[prop(optional)]
    slider: Option<(f64, f64, f64)>,
) -> impl IntoView {
    inputs::find(path).map(|input| view! { <InputField input=input slider=slider /> })
}

/// The id of the element that edits `path` (a field, a region row's select
/// or share, or the regions editor as a whole).
pub fn element_id_for(path: &str) -> String {
    if let Some(rest) = path.strip_prefix("regions[") {
        if let Some((index, field)) = rest.split_once("].") {
            return match field {
                "region" => format!("f-region-{index}"),
                "traffic_share" => format!("f-share-{index}"),
                _ => format!("f-{}", test_id(path)),
            };
        }
        return "regions-editor".into();
    }
    if path == "regions" {
        return "regions-editor".into();
    }
    format!("f-{}", test_id(path))
}
