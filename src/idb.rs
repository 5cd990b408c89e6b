//! A minimal key-value store in IndexedDB, where a workspace too big for
//! `localStorage` (a few megabytes) is saved. One database, one object store, string
//! values; every failure comes back as a message.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Function, Promise};

const DATABASE: &str = "diplomap";
const STORE: &str = "saves";

/// Stores `value` under `key`, replacing what was there.
pub async fn put(key: &str, value: &str) -> Result<(), String> {
    let store = store(web_sys::IdbTransactionMode::Readwrite).await?;
    let request = store
        .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
        .map_err(reason)?;
    settled(&request).await.map(drop)
}

/// The value under `key`, if there is one.
pub async fn get(key: &str) -> Result<Option<String>, String> {
    let store = store(web_sys::IdbTransactionMode::Readonly).await?;
    let request = store.get(&JsValue::from_str(key)).map_err(reason)?;
    Ok(settled(&request).await?.as_string())
}

/// Removes `key` (nothing happens if it is absent).
pub async fn delete(key: &str) -> Result<(), String> {
    let store = store(web_sys::IdbTransactionMode::Readwrite).await?;
    let request = store.delete(&JsValue::from_str(key)).map_err(reason)?;
    settled(&request).await.map(drop)
}

/// The object store, in a new transaction of `mode`; the database and the store are
/// made on first use.
async fn store(mode: web_sys::IdbTransactionMode) -> Result<web_sys::IdbObjectStore, String> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or("this browser keeps no IndexedDB for the page")?;
    let open = factory.open_with_u32(DATABASE, 1).map_err(reason)?;
    let create = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<web_sys::IdbDatabase>().ok());
        if let Some(database) = database {
            let _ = database.create_object_store(STORE);
        }
    });
    open.set_onupgradeneeded(Some(create.unchecked_ref()));
    let database: web_sys::IdbDatabase = settled(&open).await?.dyn_into().map_err(reason)?;
    database
        .transaction_with_str_and_mode(STORE, mode)
        .and_then(|transaction| transaction.object_store(STORE))
        .map_err(reason)
}

/// The result of `request` once it succeeds, or its error.
async fn settled(request: &web_sys::IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(|_| {
        request
            .error()
            .ok()
            .flatten()
            .map(|error| error.message())
            .unwrap_or_else(|| "the browser's database refused it".to_string())
    })?;
    request.result().map_err(reason)
}

fn reason(error: JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| exception.message())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser's database failed".to_string())
}
