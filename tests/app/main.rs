//! Component tests of the browser app, run in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown -p diplomap-app`. One module per
//! component (and one for keeping the workspace); this file holds what they share: the
//! app mounted afresh (`Mounted`), waiting, and the store as a test reads it. What needs
//! no browser is tested natively in `crates/app-core/tests/`.

use diplomap_app::app::App;
use diplomap_app::idb;
use diplomap_app::sample::SAMPLE_ARTICLE;
use diplomap_app::store::{
    CURRENT_KEY, LEGACY_ARTICLE_KEY, LEGACY_SAVED_IN_KEY, LEGACY_UNREADABLE_KEY,
    LEGACY_WORKSPACE_KEY,
};
use diplomap_app_core::layout::SECTION_BYTES;
use diplomap_app_core::DocRecord;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::js_sys;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../../crates/app-core/tests/support/texts.rs"]
mod texts;
use texts::{long_article, GRAIN, KYIV, MAP_ARTICLE};

// ---------- helpers ----------

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `check` until it holds (the file reader and timers are asynchronous).
async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Awaits a promise made by `start(resolve)`.
async fn promised(mut start: impl FnMut(js_sys::Function)) {
    let promise = js_sys::Promise::new(&mut |resolve, _| start(resolve));
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A browser that never saw Diplomap: no saves in `localStorage`, no database (the
/// apps mounted before let go of theirs when asked).
async fn wipe() {
    for key in [
        LEGACY_WORKSPACE_KEY,
        LEGACY_SAVED_IN_KEY,
        LEGACY_UNREADABLE_KEY,
        LEGACY_ARTICLE_KEY,
        CURRENT_KEY,
    ] {
        storage().remove_item(key).unwrap();
    }
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(idb::DATABASE).unwrap();
    promised(|resolve| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&resolve));
    })
    .await;
}

/// The documents in the app's store now, in id order.
async fn stored_docs() -> Vec<DocRecord> {
    let database = idb::open(|| {}, || {}).await.unwrap();
    let transaction = database.transaction(&[idb::DOCUMENTS], false).unwrap();
    let store = transaction.store(idb::DOCUMENTS).unwrap();
    let values = idb::all(vec![store.get_all_keys(), store.get_all()])
        .await
        .unwrap();
    let keys = js_sys::Array::from(&values[0]);
    let records = js_sys::Array::from(&values[1]);
    keys.iter()
        .zip(records.iter())
        .map(|(key, record)| {
            let read = diplomap_app_core::salvage::read_saved(&record.as_string().unwrap());
            let found = &read.docs[0];
            DocRecord {
                id: key.as_f64().unwrap() as u64,
                title: found.title.clone().unwrap_or_default(),
                text: found.text.clone(),
            }
        })
        .collect()
}

/// Waits until the store holds documents that pass `check`; returns them.
async fn stored_until(what: &str, check: impl Fn(&[DocRecord]) -> bool) -> Vec<DocRecord> {
    for _ in 0..100 {
        let docs = stored_docs().await;
        if check(&docs) {
            return docs;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for the store: {what}");
}

/// The app mounted into a fresh element, as on a first visit unless `saved` is given.
struct Mounted {
    root: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    /// `saved`: the single article the first version of the app left.
    async fn new(saved: Option<&str>) -> Mounted {
        wipe().await;
        if let Some(text) = saved {
            storage().set_item(LEGACY_ARTICLE_KEY, text).unwrap();
        }
        Mounted::reloaded().await
    }

    /// The app mounted over whatever the browser has stored, as after a reload, once
    /// its workspace is restored.
    async fn reloaded() -> Mounted {
        let app = Mounted::now();
        app.restored().await;
        app
    }

    /// The app mounted over whatever the browser has stored, its store not read yet.
    fn now() -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), App);
        Mounted {
            root,
            _handle: Box::new(handle),
        }
    }

    async fn restored(&self) {
        eventually("the workspace is restored", || {
            self.root.query_selector(".store-status").unwrap().is_none()
        })
        .await;
    }

    fn one(&self, selector: &str) -> web_sys::Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    fn textarea(&self) -> web_sys::HtmlTextAreaElement {
        self.one("#article-text").unchecked_into()
    }

    /// Types `text` into the article box the way a browser reports it.
    fn type_text(&self, text: &str) {
        let textarea = self.textarea();
        textarea.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        textarea.dispatch_event(&event).unwrap();
    }

    fn marks(&self) -> Vec<(String, String)> {
        self.all("article.reading mark.ent")
            .into_iter()
            .map(|mark| {
                (
                    mark.text_content().unwrap_or_default(),
                    mark.get_attribute("data-label").unwrap_or_default(),
                )
            })
            .collect()
    }

    fn click(&self, selector: &str) {
        self.one(selector)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    }

    /// Drops a file with `bytes` called `name` on the drop zone.
    fn drop_file(&self, name: &str, bytes: &[u8]) {
        self.drop_file_on(".drop-zone", name, bytes);
    }

    fn drop_file_on(&self, selector: &str, name: &str, bytes: &[u8]) {
        let parts = js_sys::Array::new();
        parts.push(&js_sys::Uint8Array::from(bytes));
        let file = web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap();
        let transfer = web_sys::DataTransfer::new().unwrap();
        transfer.items().add_with_file(&file).unwrap();
        let init = web_sys::DragEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_data_transfer(Some(&transfer));
        let event = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
        self.one(selector).dispatch_event(&event).unwrap();
    }

    fn notice(&self) -> String {
        self.root
            .query_selector(".notice")
            .unwrap()
            .and_then(|notice| notice.text_content())
            .unwrap_or_default()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

mod article_input;
mod country_list;
mod document_list;
mod drop_zone;
mod legend;
mod persistence;
mod reading_view;
mod relation_map;
mod share_link;
