//! In-browser component tests: run by wasm-bindgen-test-runner in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown --test browser`).
//! They mount real components into the page and assert on the DOM a person
//! would see.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use leptos::prelude::*;
use planner::engine::plan::evaluate;
use planner::engine::presets;
use planner::engine::share::{self, ShareError};
use planner::engine::Scenario;
use planner::ui::charts_panel::ChartsPanel;
use planner::ui::fields::NumberField;
use planner::ui::io;
use planner::ui::state::AppState;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets effects and the browser run (a 30 ms timer).
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container for one test.
fn container(id: &str) -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap();
    div.set_id(id);
    document().body().unwrap().append_child(&div).unwrap();
    div.dyn_into().unwrap()
}

/// An app state with the shipped prices and the Northwind preset, evaluated.
fn loaded_state() -> AppState {
    let scenario = presets::preset("northwind").unwrap();
    let state = AppState::new(scenario.clone());
    let sheet = presets::default_sheet().unwrap();
    let regions = presets::default_regions().unwrap();
    assert!(evaluate(&scenario, &sheet, &regions).is_ok());
    state.sheet.set(Some(Arc::new(sheet)));
    state.regions.set(Some(Arc::new(regions)));
    // The last good plan follows from the scenario, sheet and regions.
    assert!(state.last_good.get_untracked().is_some());
    state
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let ev = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn query(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).unwrap()
}

/// Every pixel of a canvas's backing store, as RGBA bytes.
fn pixels_of(canvas: &web_sys::HtmlCanvasElement) -> Vec<u8> {
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data()
        .0
}

#[wasm_bindgen_test]
async fn a_number_field_rejects_text_and_negatives_and_keeps_the_last_valid_value() {
    let root = container("field-test");
    let state = loaded_state();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! {
            <NumberField label="Peak requests" unit="req/s" path="workload.peak_requests_per_s"
                help="Global peak requests per second."
                get=|s| s.workload.peak_requests_per_s set=|s, v| s.workload.peak_requests_per_s = v />
        }
    });
    tick().await;
    let input: web_sys::HtmlInputElement =
        query(&root, "[data-testid='input-workload-peak_requests_per_s']")
            .expect("the input is rendered")
            .dyn_into()
            .unwrap();
    assert_eq!(input.value(), "800", "shows the preset's peak");

    type_into(&input, "lots");
    tick().await;
    let error = query(&root, "[data-testid='error-workload-peak_requests_per_s']")
        .expect("a message appears");
    assert!(
        error.text_content().unwrap().contains("is not a number"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(
        state.scenario.get_untracked().workload.peak_requests_per_s,
        800.0,
        "the scenario keeps the last valid value"
    );
    assert_eq!(
        input.value(),
        "lots",
        "what the person typed stays in the field"
    );

    type_into(&input, "-5");
    tick().await;
    let error = query(&root, "[data-testid='error-workload-peak_requests_per_s']")
        .expect("the engine's message appears");
    assert!(
        error.text_content().unwrap().contains("more than 0"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    type_into(&input, "1,500");
    tick().await;
    assert!(
        query(&root, "[data-testid='error-workload-peak_requests_per_s']").is_none(),
        "the message goes away"
    );
    assert_eq!(
        state.scenario.get_untracked().workload.peak_requests_per_s,
        1500.0
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_number_field_follows_a_preset_loaded_elsewhere() {
    let root = container("field-follow-test");
    let state = loaded_state();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! {
            <NumberField label="Each stamp" unit="%" path="compute.stamp_capacity_fraction" help="h"
                get=|s| s.compute.stamp_capacity_fraction set=|s, v| s.compute.stamp_capacity_fraction = v scale=100.0 />
        }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = query(
        &root,
        "[data-testid='input-compute-stamp_capacity_fraction']",
    )
    .unwrap()
    .dyn_into()
    .unwrap();
    assert_eq!(input.value(), "70");
    state.replace_scenario(presets::preset("enterprise").unwrap());
    tick().await;
    assert_eq!(
        input.value(),
        "50",
        "the enterprise preset runs stamps at 50%"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn charts_are_drawn_crisp_and_redrawn_when_the_plan_changes() {
    let root = container("chart-test");
    root.set_attribute("style", "width: 900px").unwrap();
    let state = loaded_state();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <ChartsPanel /> }
    });
    tick().await;
    let panel = query(&root, "[data-testid='charts']").expect("the chart panel renders");
    let first: u32 = panel
        .get_attribute("data-redraws")
        .unwrap()
        .parse()
        .unwrap();
    assert!(first >= 1, "drawn at least once");
    let canvas: web_sys::HtmlCanvasElement = query(&root, "[data-testid='canvas-cost']")
        .unwrap()
        .dyn_into()
        .unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    assert!(canvas.client_width() > 100);
    assert_eq!(
        canvas.width(),
        (canvas.client_width() as f64 * dpr).round() as u32,
        "backing store = CSS size × devicePixelRatio"
    );
    // Something was drawn: the canvas is not blank.
    let pixels = pixels_of(&canvas);
    let non_white = pixels
        .chunks(4)
        .filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200)
        .count();
    assert!(
        non_white > 500,
        "the chart has ink: {non_white} dark pixels"
    );

    // A new plan redraws every chart.
    let mut scenario = state.last_good.get_untracked().unwrap().scenario.clone();
    scenario.workload.peak_requests_per_s *= 2.0;
    state.scenario.set(scenario);
    tick().await;
    let second: u32 = panel
        .get_attribute("data-redraws")
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        second > first,
        "redrawn after the plan changed ({first} → {second})"
    );
    // Each chart has a table alternative.
    assert_eq!(root.query_selector_all(".chart-table").unwrap().length(), 5);
    // Opening one shows its table, with a row per cost category.
    let details: web_sys::HtmlDetailsElement = query(&root, "[data-testid='chart-cost'] details")
        .unwrap()
        .dyn_into()
        .unwrap();
    details.set_open(true);
    tick().await;
    let table = query(&root, "[data-testid='chart-cost'] table.data-table")
        .expect("the table alternative renders when opened");
    assert_eq!(
        table.query_selector_all("tbody tr").unwrap().length(),
        8,
        "one row per cost category"
    );
    let text = table.text_content().unwrap();
    assert!(text.contains("Cosmos DB throughput"));
    assert!(text.contains("Traffic Manager"), "its own cost group");
    root.remove();
}

/// What the native planner (`share::encode`, miniz_oxide level 9) writes.
fn native_link(json: &[u8]) -> String {
    share::pack(&miniz_oxide::deflate::compress_to_vec(json, 9))
}

/// What the native planner (`share::decode`) reads out of a link.
fn native_open(link: &str) -> Scenario {
    let packed = share::unpack(link).unwrap();
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, share::MAX_SCENARIO_BYTES)
            .unwrap();
    share::from_json_bytes(&json).unwrap()
}

#[wasm_bindgen_test]
async fn share_links_made_natively_open_in_the_page_and_the_pages_open_natively() {
    for (id, _, _) in presets::PRESETS {
        let s = presets::preset(id).unwrap();
        let native = native_link(&share::scenario_bytes(&s));
        assert_eq!(
            io::open_link(&native).await.unwrap(),
            s,
            "{id}: native → page"
        );
        assert_eq!(
            io::open_link(&format!("s={native}")).await.unwrap(),
            s,
            "{id}"
        );
        let page = io::share_link(&s).await.unwrap();
        assert!(page.starts_with("1."), "{id}: {page}");
        assert_eq!(native_open(&page), s, "{id}: page → native");
        assert_eq!(io::open_link(&page).await.unwrap(), s, "{id}: page → page");
    }
}

#[wasm_bindgen_test]
async fn a_bad_share_link_gets_the_same_error_in_the_page_as_natively() {
    let link = io::share_link(&presets::preset("northwind").unwrap())
        .await
        .unwrap();
    for cut in [2, 10, link.len() / 2, link.len() - 3, link.len() - 1] {
        let e = io::open_link(&link[..cut]).await.unwrap_err();
        assert!(
            matches!(e, ShareError::BadEncoding | ShareError::BadCompression),
            "cut at {cut}: {e:?}"
        );
    }
    let mut trailing = miniz_oxide::deflate::compress_to_vec(
        &share::scenario_bytes(&presets::preset("northwind").unwrap()),
        9,
    );
    trailing.extend_from_slice(b"junk");
    assert_eq!(
        io::open_link(&share::pack(&trailing)).await,
        Err(ShareError::BadCompression),
        "bytes after the DEFLATE data"
    );
    assert_eq!(io::open_link("").await, Err(ShareError::Empty));
    assert_eq!(io::open_link("1.!!!!").await, Err(ShareError::BadEncoding));
    assert_eq!(
        io::open_link("1.AAAAAAAA").await,
        Err(ShareError::BadCompression)
    );
    assert!(matches!(
        io::open_link("7.AAAA").await,
        Err(ShareError::NewerVersion(7))
    ));
    assert!(matches!(
        io::open_link(&native_link(b"not json")).await,
        Err(ShareError::BadScenario(_))
    ));
    // A small link that inflates past the limit is refused, not inflated.
    let bomb = native_link(&vec![b' '; share::MAX_SCENARIO_BYTES + 1]);
    assert!(bomb.len() < 2000, "{}", bomb.len());
    assert_eq!(io::open_link(&bomb).await, Err(ShareError::TooLarge));
    let at_limit = native_link(&vec![b' '; share::MAX_SCENARIO_BYTES]);
    assert!(matches!(
        io::open_link(&at_limit).await,
        Err(ShareError::BadScenario(_))
    ));
}

/// Removing a list row: its parse errors go, those of the rows after it
/// move up one place with their rows, and other fields' stay.
#[wasm_bindgen_test]
fn removing_a_row_moves_the_errors_of_the_rows_after_it() {
    use planner::ui::rows::shift_after_removal;
    use std::collections::BTreeMap;
    let mut errors: BTreeMap<String, String> = [
        ("regions[0].traffic_share", "zero"),
        ("regions[1].traffic_share", "one"),
        ("regions[2].region", "two"),
        ("regions[12].traffic_share", "twelve"),
        ("regions", "sum"),
        ("risk.credit_schedule[2].below_pct", "credit"),
        ("workload.peak_requests_per_s", "peak"),
    ]
    .into_iter()
    .map(|(p, m)| (p.to_string(), m.to_string()))
    .collect();
    shift_after_removal(&mut errors, "regions", 1);
    let after: Vec<(&str, &str)> = errors
        .iter()
        .map(|(p, m)| (p.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        after,
        [
            ("regions", "sum"),
            ("regions[0].traffic_share", "zero"),
            ("regions[11].traffic_share", "twelve"),
            ("regions[1].region", "two"),
            ("risk.credit_schedule[2].below_pct", "credit"),
            ("workload.peak_requests_per_s", "peak"),
        ]
    );
}

/// The charts' backend sets the canvas's colours, line width, font and
/// text alignment only when they change; what it draws must be what
/// plotters' own `CanvasBackend` draws, pixel for pixel, whatever the order
/// of lines, bars, outlines, points, polygons, paths and labels (rotated
/// ones, which save and restore the canvas state, included).
#[wasm_bindgen_test]
fn the_charts_backend_draws_what_plotters_canvas_draws() {
    use planner::ui::charts_panel::MeasuredCanvas;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    use plotters::style::{Color, FontTransform, IntoFont, RGBColor, ShapeStyle, TextStyle};
    use plotters_backend::DrawingBackend;
    use plotters_canvas::CanvasBackend;

    fn scene<B: DrawingBackend>(b: &mut B) {
        let red = RGBColor(200, 30, 40);
        let blue = RGBColor(20, 60, 200);
        let grey = RGBColor(120, 120, 120).mix(0.5);
        let thin = ShapeStyle::from(&red).stroke_width(1);
        let thick = ShapeStyle::from(&blue).stroke_width(3);
        let filled = ShapeStyle::from(&grey).filled();
        let clear = ShapeStyle::from(&RGBColor(0, 0, 0).mix(0.0));
        b.draw_line((10, 10), (290, 10), &thin).unwrap();
        b.draw_line((10, 20), (10, 190), &thin).unwrap();
        b.draw_line((20, 20), (200, 150), &thick).unwrap();
        b.draw_line((30, 30), (250, 40), &thin).unwrap();
        b.draw_rect((40, 40), (120, 90), &filled, true).unwrap();
        b.draw_rect((60, 60), (140, 120), &thick, false).unwrap();
        b.draw_rect((70, 70), (90, 95), &ShapeStyle::from(&red).filled(), true)
            .unwrap();
        b.draw_rect((5, 5), (50, 50), &clear, true).unwrap();
        b.draw_circle((200, 100), 8, &ShapeStyle::from(&blue).filled(), true)
            .unwrap();
        b.draw_circle((220, 120), 12, &thin, false).unwrap();
        b.fill_polygon(vec![(150, 150), (190, 170), (160, 195)], &filled)
            .unwrap();
        b.draw_path(vec![(10, 180), (60, 150), (110, 170), (160, 130)], &thick)
            .unwrap();
        let font = ("sans-serif", 13).into_font();
        let label = TextStyle::from(font.clone()).color(&red);
        let right = TextStyle::from(font.clone())
            .color(&blue)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let up = TextStyle::from(("sans-serif", 11).into_font())
            .color(&RGBColor(0, 0, 0))
            .transform(FontTransform::Rotate270);
        b.draw_text("Cosmos DB", &label, (30, 140)).unwrap();
        b.draw_text("$17,285", &right, (280, 60)).unwrap();
        b.draw_text("Monthly cost", &up, (285, 180)).unwrap();
        // After the rotated label: the state it restored, then new colours.
        b.draw_text("after", &label, (200, 180)).unwrap();
        b.draw_line((100, 195), (290, 195), &thin).unwrap();
        b.draw_rect(
            (240, 140),
            (280, 170),
            &ShapeStyle::from(&blue).filled(),
            true,
        )
        .unwrap();
        b.draw_pixel((5, 195), red.to_backend_color()).unwrap();
        b.draw_text("$17,285", &right, (280, 80)).unwrap();
    }

    let pixels = |draw: &dyn Fn(&web_sys::HtmlCanvasElement)| {
        let canvas: web_sys::HtmlCanvasElement = document()
            .create_element("canvas")
            .unwrap()
            .dyn_into()
            .unwrap();
        canvas.set_width(300);
        canvas.set_height(200);
        document().body().unwrap().append_child(&canvas).unwrap();
        draw(&canvas);
        let data = pixels_of(&canvas);
        canvas.remove();
        data
    };
    let theirs = pixels(&|c| scene(&mut CanvasBackend::with_canvas_object(c.clone()).unwrap()));
    let ours = pixels(&|c| scene(&mut MeasuredCanvas::for_canvas(c).unwrap()));
    let inked = ours.chunks(4).filter(|p| p[3] > 0).count();
    assert!(inked > 5_000, "the scene has ink: {inked} pixels");
    let differing = ours
        .chunks(4)
        .zip(theirs.chunks(4))
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(
        differing, 0,
        "{differing} pixels differ from plotters-canvas"
    );
}

/// The fields read the scenario through one subscriber
/// (`planner::ui::fanout`): a field's value follows the scenario, and a
/// change elsewhere in the scenario does not touch it.
#[wasm_bindgen_test]
async fn a_field_reader_changes_only_when_its_own_value_does() {
    let root = container("fanout-test");
    let state = loaded_state();
    let runs = RwSignal::new(0u32);
    let seen = RwSignal::new(0.0f64);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        let peak = state
            .scenario_fields
            .derive(|s| s.workload.peak_requests_per_s);
        Effect::new(move |_| {
            seen.set(peak.get());
            runs.update(|n| *n += 1);
        });
        view! { <p>{move || peak.get().to_string()}</p> }
    });
    tick().await;
    let before = runs.get_untracked();
    assert_eq!(seen.get_untracked(), 800.0);
    assert_eq!(root.text_content().unwrap(), "800");
    state.scenario.update(|s| s.name = "Another name".into());
    tick().await;
    assert_eq!(
        runs.get_untracked(),
        before,
        "a change elsewhere does not reach it"
    );
    state
        .scenario
        .update(|s| s.workload.peak_requests_per_s = 950.0);
    tick().await;
    assert_eq!(runs.get_untracked(), before + 1);
    assert_eq!(seen.get_untracked(), 950.0);
    assert_eq!(root.text_content().unwrap(), "950");
    // Gone with its component: later changes reach nothing and break nothing.
    drop(handle);
    state
        .scenario
        .update(|s| s.workload.peak_requests_per_s = 1_000.0);
    tick().await;
    assert_eq!(seen.get_untracked(), 950.0);
    root.remove();
}
