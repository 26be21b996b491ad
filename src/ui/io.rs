//! The outside world: fetching price sheets, local storage, the URL, file
//! downloads and uploads. The only module that touches browser APIs other
//! than the DOM the components render.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::share::{self, ShareError, MAX_SCENARIO_BYTES};
use crate::engine::Scenario;

/// Local-storage key of the autosaved scenario (versioned with the format).
pub const STORAGE_KEY: &str = "planner.scenario.v1";

/// Fetches a text file relative to the page. `trunk serve` answers a missing
/// file with index.html and status 200, so callers validate what they get.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("could not fetch {url}: {e}"))?;
    if !response.ok() {
        return Err(format!("could not fetch {url}: HTTP {}", response.status()));
    }
    // Read as bytes: one copy into the wasm's memory and a UTF-8 check,
    // instead of `text()`, whose string wasm-bindgen converts from UTF-16
    // character by character (about 10 ms for the 346 kB default sheet on
    // every start, issue 16).
    let bytes = response
        .binary()
        .await
        .map_err(|e| format!("could not read {url}: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("could not read {url}: it is not UTF-8 text ({e})"))?;
    // `text()` dropped a byte-order mark; so does this.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The autosaved scenario JSON, if any.
pub fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok()?
}

/// Saves a (valid) scenario's JSON.
pub fn save(json: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, json);
    }
}

/// The URL fragment without `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Replaces the URL fragment without adding a history entry.
pub fn set_hash(fragment: &str) {
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let url = if fragment.is_empty() {
                w.location().pathname().unwrap_or_default()
            } else {
                format!("#{fragment}")
            };
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
}

/// The page's URL without the fragment.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads the first file chosen in a file input as text.
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Result<(String, String), String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("no file chosen")?;
    let name = file.name();
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("could not read {name}"))?
        .as_string()
        .ok_or_else(|| format!("{name} is not text"))?;
    Ok((name, text))
}

/// Copies text to the clipboard (best effort: a locked-down browser may refuse).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Today as `YYYY-MM-DD` (local clock).
pub fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The decimal mark of the browser's locale (`navigator.language`), from
/// how that locale writes one and a half.
pub fn decimal_mark() -> crate::engine::typed::DecimalMark {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_string());
    let sample: String = js_sys::Number::from(1.5).to_locale_string(&language).into();
    crate::engine::typed::DecimalMark::from_sample(&sample)
}

/// The label a person sees for the element with this id (its `<label
/// for>`'s text without the help mark), if it is on the page.
pub fn label_of(id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let label = document
        .query_selector(&format!("label[for=\"{id}\"]"))
        .ok()??;
    let text = label.text_content()?;
    let text = text.trim().trim_end_matches('?').trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// Brings the element with this id into view and focuses it, opening any
/// collapsed band (`<details>`) it sits in.
pub fn focus_element(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(element) = document.get_element_by_id(id) else {
        return;
    };
    let mut parent = element.parent_element();
    while let Some(p) = parent {
        if let Some(details) = p.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        parent = p.parent_element();
    }
    element.scroll_into_view();
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// The id of the figure whose working is open (the pressed figure button).
pub fn open_figure_id() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let button = document.query_selector("button.figure.open").ok()??;
    if button.id().is_empty() {
        let id = button.get_attribute("data-testid")?;
        button.set_id(&id);
    }
    Some(button.id())
}

/// Runs `f` once the browser has painted the current changes.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// A flag that turns true in a task of its own just after the browser has
/// painted the current changes (a timeout queued from an animation frame
/// runs after that frame's paint): parts of the page nobody sees on the
/// first screen are built on it, so the first figures are painted sooner
/// (issue 16, speed).
pub fn set_after_paint() -> leptos::prelude::RwSignal<bool> {
    use leptos::prelude::*;
    let flag = RwSignal::new(false);
    after_paint(move || {
        set_timeout(
            move || {
                if !flag.get_untracked() {
                    flag.set(true);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    flag
}

/// Milliseconds since page load, for the speed figures.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

// The browser's own DEFLATE (web-sys has these only behind its unstable
// flag). A share link is raw DEFLATE, so links the page makes open in the
// native `plan`/tests (miniz_oxide) and theirs open here.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why bytes could not go through a compression stream.
enum Pipe {
    Failed,
    TooLarge,
}

/// Runs `bytes` through a (de)compression stream and collects at most
/// `limit` bytes of its output.
async fn pipe(bytes: &[u8], through: JsValue, limit: usize) -> Result<Vec<u8>, Pipe> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Pipe::Failed)?;
    // A (De)CompressionStream has `readable` and `writable`: it is a pair.
    let output = blob
        .stream()
        .pipe_through(&through.unchecked_into::<web_sys::ReadableWritablePair>());
    let reader: web_sys::ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| Pipe::Failed)?
            .unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Ok(out);
        }
        let chunk: js_sys::Uint8Array = chunk.get_value().dyn_into().map_err(|_| Pipe::Failed)?;
        let start = out.len();
        let end = start + chunk.length() as usize;
        if end > limit {
            let _ = reader.cancel();
            return Err(Pipe::TooLarge);
        }
        out.resize(end, 0);
        chunk.copy_to(&mut out[start..]);
    }
}

/// The part of a share link after `#s=` for a scenario: [`share::encode`]
/// with the browser's DEFLATE.
pub async fn share_link(s: &Scenario) -> Result<String, String> {
    let failed = |_| "the browser could not compress the scenario".to_string();
    let stream = CompressionStream::new("deflate-raw").map_err(failed)?;
    let packed = pipe(&share::scenario_bytes(s), stream.into(), usize::MAX)
        .await
        .map_err(|_| "the browser could not compress the scenario".to_string())?;
    Ok(share::pack(&packed))
}

/// Opens a share link (the part after `#s=`): [`share::decode`] with the
/// browser's DEFLATE, the same size limit and the same errors.
pub async fn open_link(text: &str) -> Result<Scenario, ShareError> {
    let packed = share::unpack(text)?;
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| ShareError::BadCompression)?;
    let json = pipe(&packed, stream.into(), MAX_SCENARIO_BYTES)
        .await
        .map_err(|e| match e {
            Pipe::TooLarge => ShareError::TooLarge,
            Pipe::Failed => ShareError::BadCompression,
        })?;
    share::from_json_bytes(&json)
}
