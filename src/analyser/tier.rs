//! The second tier on both sides of the worker. The page asks for it once it is idle
//! after its first highlight; the worker fetches it (public/worker.js: same origin,
//! cached for offline visits), loads it with [`load_tier`] and posts its bytes to the
//! page, which loads them too and tells its listener. A tier that cannot be fetched or
//! read leaves both on the first tier, and the listener hears why.

use std::cell::RefCell;
use std::rc::Rc;

use diplomap_app_core::tier;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{Object, Uint8Array};

use super::{get, set, GAZETTEER};

/// Told once whether the second tier was loaded, or why not.
type Listener = Box<dyn Fn(Result<(), String>)>;

thread_local! {
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Has `listener` told when the second tier is loaded on the page (then texts are
/// analysed with both tiers), or why it will not be.
pub fn on_tier(listener: impl Fn(Result<(), String>) + 'static) {
    LISTENER.with(|current| *current.borrow_mut() = Some(Box::new(listener)));
}

/// Loads a tier file's bytes into this instance's gazetteer; anything but a whole,
/// untouched tier file is refused and the first tier stays.
#[wasm_bindgen(js_name = loadTier)]
pub fn load_tier(bytes: &[u8]) -> Result<(), String> {
    let gazetteer = tier::gazetteer(bytes).map_err(|error| error.to_string())?;
    GAZETTEER.with(|current| *current.borrow_mut() = Some(Rc::new(gazetteer)));
    Ok(())
}

/// Asks the worker for the second tier once the page is idle (its first highlight
/// shown); at once where the browser cannot say when it is idle.
pub(super) fn request_when_idle(worker: &web_sys::Worker) {
    let worker = worker.clone();
    let request = Closure::once_into_js(move || {
        let message = Object::new();
        set(&message, "tier", &true.into());
        let _ = worker.post_message(&message);
    });
    let window = web_sys::window();
    let waiting = window.map(|window| window.request_idle_callback(request.unchecked_ref()));
    if !matches!(waiting, Some(Ok(_))) {
        let _ = request
            .unchecked_ref::<js_sys::Function>()
            .call0(&JsValue::NULL);
    }
}

/// Takes the worker's `{tier: <bytes>}` or `{tierFailed: <why>}`; false for any other
/// message.
pub(super) fn answered(message: &JsValue) -> bool {
    let outcome = if let Some(why) = get(message, "tierFailed").as_string() {
        Err(why)
    } else if let Some(bytes) = get(message, "tier").dyn_ref::<Uint8Array>() {
        load_tier(&bytes.to_vec())
    } else {
        return false;
    };
    mark_page(if outcome.is_ok() { "loaded" } else { "failed" });
    LISTENER.with(|listener| {
        if let Some(listener) = &*listener.borrow() {
            listener(outcome);
        }
    });
    true
}

/// `<html data-tier="loaded">` (or `"failed"`): for the benchmark, which times it.
fn mark_page(state: &str) {
    let html = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(html) = html {
        let _ = html.set_attribute("data-tier", state);
    }
}
