//! The few browser services the UI needs (clock, randomness, files, sharing, timing),
//! wrapped so that pages do not touch web-sys directly.

use chrono::{DateTime, Utc};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The wall clock. Only informational: order comes from revision counters.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// 16 bytes from the browser's cryptographic generator. `getRandomValues` works on plain
/// http too (an office LAN server), unlike `randomUUID`.
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto (very old browser): Math.random is weaker but still spreads ids.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// A file's type by its name: JSON, or plain text (an encrypted bundle, `.age.txt`).
fn mime(name: &str) -> &'static str {
    if name.ends_with(".txt") {
        "text/plain"
    } else {
        "application/json"
    }
}

fn text_blob(name: &str, text: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime(name));
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
}

/// Saves a text file through the browser's download.
pub fn download(name: &str, text: &str) -> Result<(), JsValue> {
    save_blob(name, &text_blob(name, text)?)
}

#[wasm_bindgen]
extern "C" {
    /// index.html: imports age-encrypt.js (the age format's reference implementation,
    /// bundled from npm by scripts/bundle_js.sh) on first use, and encrypts with it.
    #[wasm_bindgen(js_name = dtSeal, catch)]
    fn dt_seal(key: &str, text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// The text encrypted for the office's public key, in age's ASCII armour; `None` if the
/// encryption could not load or refused the key.
pub async fn seal(key: &str, text: &str) -> Option<String> {
    let sealed = JsFuture::from(dt_seal(key, text).ok()?).await.ok()?;
    sealed.as_string()
}

/// Saves a binary file (a Word or Excel document) through the browser's download.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    save_blob(name, &blob)
}

fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

fn json_file(name: &str, text: &str) -> Result<web_sys::File, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime(name));
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options)
}

fn share_data(name: &str, text: &str) -> Result<web_sys::ShareData, JsValue> {
    let data = web_sys::ShareData::new();
    data.set_files(&js_sys::Array::of1(&json_file(name, text)?.into()));
    data.set_title(name);
    Ok(data)
}

/// Whether this browser can hand a file to another app (Zalo on a tablet).
pub fn can_share_files() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_share = js_sys::Reflect::has(&nav, &"canShare".into()).unwrap_or(false);
    has_share
        && share_data("a.json", "{}")
            .map(|d| nav.can_share_with_data(&d))
            .unwrap_or(false)
}

/// Offers a file to the system's share sheet. Cancelling is not an error.
pub async fn share_file(name: &str, text: &str) -> Result<(), JsValue> {
    let nav = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    let data = share_data(name, text)?;
    match JsFuture::from(nav.share_with_data(&data)).await {
        Ok(_) => Ok(()),
        Err(e) if error_name(&e) == "AbortError" => Ok(()),
        Err(e) => Err(e),
    }
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// The text of a file the user picked; `None` when it cannot be read. Read as bytes and
/// decoded here: `File.text()` makes a JavaScript string, which is then encoded again
/// into wasm's memory (about 2 ms of a village's 680 KB bundle, twice the copy and check
/// of its bytes), and it would read a file saved as UTF-16 as garbage.
pub async fn read_text(file: web_sys::File) -> Option<String> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(crate::domain::text::decode_file(
        js_sys::Uint8Array::new(&buffer).to_vec(),
    ))
}

/// The first file of a file input's selection.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Clear the input so picking the same file again fires a change event.
    input.set_value("");
    file
}

/// Times `work` under a name in the browser's performance timeline (for the benchmark;
/// costs a few microseconds).
pub fn measured<T>(name: &'static str, work: impl FnOnce() -> T) -> T {
    let timer = Timer::start(name);
    let out = work();
    timer.stop();
    out
}

/// A point in the browser's performance timeline (for the benchmark, which waits for it).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// A performance measure that spans awaits (an import waits for IndexedDB to commit).
pub struct Timer {
    name: &'static str,
    start: String,
}

impl Timer {
    pub fn start(name: &'static str) -> Self {
        let start = format!("{name}:start");
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(&start);
        }
        Self { name, start }
    }

    pub fn stop(self) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.measure_with_start_mark(self.name, &self.start);
            p.clear_marks_with_mark_name(&self.start);
        }
    }
}

/// Every file of a file input's selection (the office picks many bundles at once).
pub fn picked_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map(file_list).unwrap_or_default();
    input.set_value("");
    files
}

/// The files dropped on a drop zone.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    ev.data_transfer()
        .and_then(|d| d.files())
        .map(file_list)
        .unwrap_or_default()
}

fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The SHA-256 of `data` by the browser's SubtleCrypto, as the files' checksums write it
/// ("sha256:…"); `None` where the browser offers none (plain http on an office LAN is not
/// a secure context). Reached by reflection, which needs no more web-sys features.
pub async fn sha256_hex(data: &[u8]) -> Option<String> {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok()?;
    let digest: js_sys::Function = js_sys::Reflect::get(&subtle, &"digest".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // A view of the bytes where they are, not a copy: `digest` copies what it is given
    // before it returns (WebCrypto's "get a copy of the bytes held by the buffer
    // source"), and nothing runs between the view's making and that copy, so the wasm
    // memory cannot move under it. A copy of a bundle's canonical text cost a millisecond.
    // SAFETY: the view is used at once, by a call that allocates nothing in this module.
    let bytes = unsafe { js_sys::Uint8Array::view(data) };
    let promise: js_sys::Promise = digest
        .call2(&subtle, &"SHA-256".into(), &bytes)
        .ok()?
        .dyn_into()
        .ok()?;
    let hash = JsFuture::from(promise).await.ok()?;
    let hash = js_sys::Uint8Array::new(&hash).to_vec();
    (hash.len() == 32).then(|| crate::domain::bundle::checksum::format_digest(&hash))
}
