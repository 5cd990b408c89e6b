//! Where texts are analysed. A short text is analysed on the page at once (a few
//! milliseconds); a long one in a Web Worker, so the page stays responsive while a
//! 5 MB paste is read.
//!
//! The worker runs this same wasm module: `public/boot.js` starts `public/worker.js`
//! with the page and hands it the compiled module (nothing is downloaded twice); it
//! answers each text with [`analyse_encoded`]'s bytes (see [`codec`]). boot.js hands the
//! worker to this module through [`adopt_worker`] and keeps no other handle on it: no
//! script of the page can post to it. Until then, and where there is no worker (the
//! component tests, a browser without module workers), texts are analysed on the page.
//!
//! The gazetteer starts as the first download's ([`Tables::first_download`]). Once the
//! page has shown its first analysis ([`shown`]) and drawn the frame after it, it asks
//! the worker for the second tier
//! (`tier.rs`): the worker fetches it from the page's origin (or its cache), loads it
//! and hands the page its bytes, so that both analyse with both tiers from then on, and
//! whoever listens ([`on_tier`]) analyses again what it shows.

mod tier;

use std::cell::RefCell;
use std::rc::Rc;

use diplomap_app_core::codec;
use diplomap_extract::{analyze_with, analyze_with_progress, Analysis, Gazetteer, Tables};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{self, Object, Reflect, Uint8Array};

pub use tier::{load_tier, on_tier, shown};

/// Texts from this size up go to the worker. Below it the page's own analysis ends
/// within a frame or two (the core reads some 17 MB/s in wasm).
pub const WORKER_MIN_BYTES: usize = 128 * 1024;

thread_local! {
    /// The gazetteer this instance analyses with: the first download's until the
    /// second tier is loaded.
    static GAZETTEER: RefCell<Option<Rc<Gazetteer>>> = const { RefCell::new(None) };
}

/// The gazetteer texts are analysed with now.
fn gazetteer() -> Rc<Gazetteer> {
    GAZETTEER.with(|current| {
        current
            .borrow_mut()
            .get_or_insert_with(|| Rc::new(Gazetteer::from_tables(&Tables::first_download())))
            .clone()
    })
}

/// Analyses `text` here and now, with the gazetteer this instance has.
pub fn analyse_here(text: &str) -> Analysis {
    analyze_with(&gazetteer(), text)
}

/// What the worker computes for a text: the encoded analysis. `report` is called with
/// the share of the work done after each stage.
#[wasm_bindgen(js_name = analyseEncoded)]
pub fn analyse_encoded(text: &str, report: &js_sys::Function) -> Vec<u8> {
    let mut progress = |share: f32| {
        let _ = report.call1(&JsValue::NULL, &JsValue::from_f64(f64::from(share)));
    };
    codec::encode(&analyze_with_progress(&gazetteer(), text, &mut progress))
}

/// Whether this instance of the module runs in a worker rather than on the page.
pub fn in_worker() -> bool {
    web_sys::window().is_none()
}

/// Called with a text given back and its analysis, or why there is none.
type Done = Box<dyn FnOnce(String, Result<Analysis, String>)>;
/// Called once with the results of several texts.
type DoneAll = Box<dyn FnOnce(Vec<Result<Analysis, String>>)>;
/// Called with the share of the work done, while a long text is analysed.
type Progress = Box<dyn Fn(f32)>;

/// Analyses `text` and gives it back to `done` with the result: at once for a short
/// text, later for a long one, telling `progress` how far it got meanwhile.
pub fn analyse(
    text: String,
    progress: impl Fn(f32) + 'static,
    done: impl FnOnce(String, Result<Analysis, String>) + 'static,
) {
    if text.len() < WORKER_MIN_BYTES {
        return on_page(text, Box::new(done));
    }
    let done: Done = Box::new(done);
    let progress: Progress = Box::new(progress);
    let refused = WORKER.with(|state| match &mut *state.borrow_mut() {
        State::Running(worker) => worker.post(text, progress, done),
        _ => Some((text, done)),
    });
    if let Some((text, done)) = refused {
        on_page(text, done);
    }
}

/// Takes the worker `public/boot.js` started (once; it keeps no handle of its own).
/// Ignored if the worker already failed to start (boot.js marks `<html data-worker>`;
/// an error that fired before this handler was set would never reach it).
#[wasm_bindgen(js_name = adoptWorker)]
pub fn adopt_worker(worker: web_sys::Worker) {
    let failed = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("data-worker"))
        .is_some_and(|state| state == "failed");
    WORKER.with(|state| {
        let mut state = state.borrow_mut();
        if matches!(*state, State::Waiting) {
            *state = match failed {
                true => State::Unavailable,
                false => {
                    tier::adopted(&worker);
                    State::Running(Worker::adopt(worker))
                }
            };
        }
    });
}

/// Analyses `text` here, on the page.
fn on_page(text: String, done: Done) {
    let analysis = analyse_here(&text);
    done(text, Ok(analysis));
}

thread_local! {
    static WORKER: RefCell<State> = const { RefCell::new(State::Waiting) };
}

enum State {
    /// Not handed over by boot.js (yet): texts are analysed on the page.
    Waiting,
    Running(Worker),
    /// Could not be started: texts are analysed on the page.
    Unavailable,
}

/// A text handed to the worker.
struct Pending {
    id: u32,
    text: String,
    progress: Progress,
    done: Done,
}

/// The running worker and the texts it has not answered yet.
struct Worker {
    worker: web_sys::Worker,
    /// Each unanswered text, kept to give back with its answer (or to analyse on the
    /// page should the worker fail).
    pending: Vec<Pending>,
    next_id: u32,
}

impl Worker {
    /// Listens to the worker boot.js started.
    fn adopt(worker: web_sys::Worker) -> Worker {
        // Handed over to JavaScript for the life of the worker (a handler may end its
        // own worker, so Rust must not own and drop them).
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                answered(event.data())
            })
            .into_js_value();
        // Fires when worker.js cannot be loaded (a host without it) or throws.
        let on_error =
            Closure::<dyn FnMut(web_sys::Event)>::new(|_event: web_sys::Event| give_up())
                .into_js_value();
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        Worker {
            worker,
            pending: Vec::new(),
            next_id: 0,
        }
    }

    /// Hands `text` to the worker; gives it and `done` back if it cannot take it.
    fn post(&mut self, text: String, progress: Progress, done: Done) -> Option<(String, Done)> {
        self.next_id = self.next_id.wrapping_add(1);
        let id = self.next_id;
        let message = Object::new();
        set(&message, "id", &id.into());
        set(&message, "text", &text.as_str().into());
        if self.worker.post_message(&message).is_err() {
            return Some((text, done));
        }
        self.pending.push(Pending {
            id,
            text,
            progress,
            done,
        });
        None
    }
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A message from the worker: `{id, bytes}`, `{id, error}` or `{failed}`, or one
/// about the second tier.
fn answered(message: JsValue) {
    if tier::answered(&message) {
        return;
    }
    if let Some(why) = get(&message, "failed").as_string() {
        web_sys::console::warn_1(&format!("Diplomap: no analysis worker ({why})").into());
        return give_up();
    }
    let Some(id) = get(&message, "id").as_f64().map(|id| id as u32) else {
        return;
    };
    if let Some(share) = get(&message, "progress").as_f64() {
        return WORKER.with(|state| {
            if let State::Running(worker) = &*state.borrow() {
                if let Some(pending) = worker.pending.iter().find(|pending| pending.id == id) {
                    (pending.progress)(share as f32);
                }
            }
        });
    }
    let pending = WORKER.with(|state| match &mut *state.borrow_mut() {
        State::Running(worker) => {
            let index = worker.pending.iter().position(|pending| pending.id == id)?;
            Some(worker.pending.swap_remove(index))
        }
        _ => None,
    });
    let Some(Pending { text, done, .. }) = pending else {
        return;
    };
    let bytes = get(&message, "bytes");
    let result = match bytes.dyn_ref::<Uint8Array>() {
        Some(bytes) => codec::decode(&bytes.to_vec())
            .ok_or_else(|| "the analysis worker sent a result that could not be read".to_string()),
        None => Err(get(&message, "error")
            .as_string()
            .unwrap_or_else(|| "the analysis worker failed".to_string())),
    };
    if result.is_err() {
        // A failure may leave the worker's memory in any state, and the page cannot
        // start another (boot.js holds the module): from now on the page analyses.
        give_up();
    }
    done(text, result);
}

/// The worker could not start, or failed: from now on every text is analysed on the
/// page, beginning with those it still had.
fn give_up() {
    for Pending { text, done, .. } in take_worker(State::Unavailable) {
        on_page(text, done);
    }
}

/// Terminates the running worker, leaving `next` in its place; returns its unanswered
/// texts.
fn take_worker(next: State) -> Vec<Pending> {
    let previous = WORKER.with(|state| std::mem::replace(&mut *state.borrow_mut(), next));
    match previous {
        State::Running(worker) => {
            worker.worker.terminate();
            worker.pending
        }
        _ => Vec::new(),
    }
}

/// Analyses every text and calls `done` once with all the results, in order; `progress`
/// hears the share of all the bytes done.
pub fn analyse_each(
    texts: Vec<String>,
    progress: impl Fn(f32) + 'static,
    done: impl FnOnce(Vec<Result<Analysis, String>>) + 'static,
) {
    if texts.is_empty() {
        return done(Vec::new());
    }
    let total = texts.iter().map(String::len).sum::<usize>().max(1) as f32;
    let progress = Rc::new(progress);
    let gathered = Rc::new(RefCell::new(Gathered {
        results: texts.iter().map(|_| None).collect(),
        shares: vec![0.0; texts.len()],
        missing: texts.len(),
        done: Some(Box::new(done)),
    }));
    for (index, text) in texts.into_iter().enumerate() {
        let weight = text.len() as f32 / total;
        let report = {
            let (gathered, progress) = (gathered.clone(), progress.clone());
            move |share: f32| {
                let overall = {
                    let mut gathered = gathered.borrow_mut();
                    gathered.shares[index] = share * weight;
                    gathered.shares.iter().sum::<f32>()
                };
                progress(overall);
            }
        };
        let gathered = gathered.clone();
        analyse(text, report, move |_, result| {
            let finished = {
                let mut gathered = gathered.borrow_mut();
                gathered.results[index] = Some(result);
                gathered.shares[index] = weight;
                gathered.missing -= 1;
                (gathered.missing == 0).then(|| {
                    let results = gathered.results.drain(..).flatten().collect();
                    (gathered.done.take(), results)
                })
            };
            if let Some((Some(done), results)) = finished {
                done(results);
            }
        });
    }
}

/// The results of [`analyse_each`] as they come in.
struct Gathered {
    results: Vec<Option<Result<Analysis, String>>>,
    /// Each text's share of the work done, weighted by its size.
    shares: Vec<f32>,
    missing: usize,
    done: Option<DoneAll>,
}
