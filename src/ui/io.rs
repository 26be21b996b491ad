//! The outside world: fetching price sheets, local storage, the URL, file
//! downloads and uploads. The only module that touches browser APIs other
//! than the DOM the components render.

use wasm_bindgen::JsCast;

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
    response
        .text()
        .await
        .map_err(|e| format!("could not read {url}: {e}"))
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

/// Milliseconds since page load, for the speed figures.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
