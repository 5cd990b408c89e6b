//! The second tier on both sides of the worker. The page asks for it once it has
//! shown its first analysis and drawn the frame after it (the first highlight); the worker fetches it (public/worker.js: same origin,
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

/// When to ask the worker for the second tier: once it is adopted and the page has
/// shown its first analysis.
#[derive(Default)]
struct Asking {
    worker: Option<web_sys::Worker>,
    shown: bool,
    asked: bool,
}

thread_local! {
    static ASKING: RefCell<Asking> = RefCell::new(Asking::default());
}

/// The worker is adopted: it can be asked.
pub(super) fn adopted(worker: &web_sys::Worker) {
    ASKING.with(|asking| asking.borrow_mut().worker = Some(worker.clone()));
    ask_when_ready();
}

/// The page shows an analysis: the second tier is asked for after the first (once
/// the worker is there), so that fetching and loading it never delays the first
/// highlight.
pub fn shown() {
    ASKING.with(|asking| asking.borrow_mut().shown = true);
    ask_when_ready();
}

fn ask_when_ready() {
    let worker = ASKING.with(|asking| {
        let mut asking = asking.borrow_mut();
        if asking.asked || !asking.shown {
            return None;
        }
        let worker = asking.worker.clone()?;
        asking.asked = true;
        Some(worker)
    });
    if let Some(worker) = worker {
        after_the_next_frame(move || {
            let message = Object::new();
            set(&message, "tier", &true.into());
            let _ = worker.post_message(&message);
        });
    }
}

/// Calls `then` once the next frame is drawn (the reading view highlights what is on
/// screen as it is laid out) and the page is idle; at once where the browser cannot
/// say when.
fn after_the_next_frame(then: impl FnOnce() + 'static) {
    let then = Closure::once_into_js(then);
    let Some(window) = web_sys::window() else {
        return call(&then);
    };
    let when_idle = {
        let window = window.clone();
        Closure::once_into_js(move || {
            if window.request_idle_callback(then.unchecked_ref()).is_err() {
                call(&then);
            }
        })
    };
    if window
        .request_animation_frame(when_idle.unchecked_ref())
        .is_err()
    {
        call(&when_idle);
    }
}

fn call(function: &JsValue) {
    let _ = function
        .unchecked_ref::<js_sys::Function>()
        .call0(&JsValue::NULL);
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
