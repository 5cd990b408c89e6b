//! IndexedDB, awaited: the database where the workspace is kept. Only the carrying of
//! values is here; what to read and write is decided by `diplomap_app_core` (see
//! `state/persistence.rs`). Every failure comes back as a message.
//!
//! Database `diplomap`, version 2:
//! - `documents`: one record per document, the JSON `{"title", "text"}` under its id;
//! - `revisions`: each document's revision (the number of the save that wrote it);
//! - `meta`: under `workspace`, the JSON `{"format", "rev", "next_id"}`; under `aside`,
//!   the list of the copies in `aside`;
//! - `aside`: what a restore could not take in (a damaged save, a text over the limit),
//!   kept whole to be downloaded, under a number;
//! - `saves`: version 1's store, where earlier versions kept a workspace too big for
//!   `localStorage` (read once, then emptied).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Function, Promise};
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DATABASE: &str = "diplomap";
pub const VERSION: u32 = 2;
pub const DOCUMENTS: &str = "documents";
pub const REVISIONS: &str = "revisions";
pub const META: &str = "meta";
pub const ASIDE: &str = "aside";
/// Version 1's store.
pub const SAVES: &str = "saves";
const STORES: [&str; 5] = [DOCUMENTS, REVISIONS, META, ASIDE, SAVES];

/// Why the database could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// This browser keeps no IndexedDB for the page.
    Unavailable(String),
    /// The database is of a version above [`VERSION`]: a newer Diplomap made it.
    Newer,
    Failed(String),
}

/// Opens the database, making or upgrading its stores (an upgrade only adds stores).
/// `blocked` is called while another tab holds an older version open;
/// `superseded` when a newer version wants this connection closed (it is, first).
pub async fn open(
    blocked: impl Fn() + 'static,
    superseded: impl Fn() + 'static,
) -> Result<Database, OpenError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or_else(|| {
            OpenError::Unavailable("this browser keeps no IndexedDB for the page".to_string())
        })?;
    let open = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|error| OpenError::Unavailable(reason(error)))?;
    let upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database {
            let names = database.object_store_names();
            for store in STORES {
                if !names.contains(store) {
                    let _ = database.create_object_store(store);
                }
            }
        }
    });
    open.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let blocked = Closure::<dyn Fn()>::new(blocked).into_js_value();
    open.set_onblocked(Some(blocked.unchecked_ref()));
    let database: IdbDatabase = match settled(&open).await {
        Ok(result) => result
            .dyn_into()
            .map_err(|error| OpenError::Failed(reason(error)))?,
        Err(_) => {
            let error = open.error().ok().flatten();
            return Err(match error {
                Some(error) if error.name() == "VersionError" => OpenError::Newer,
                Some(error) => OpenError::Failed(error.message()),
                None => OpenError::Failed("the browser's database could not be opened".to_string()),
            });
        }
    };
    let closing = database.clone();
    let on_version_change = Closure::<dyn Fn()>::new(move || {
        closing.close();
        superseded();
    })
    .into_js_value();
    database.set_onversionchange(Some(on_version_change.unchecked_ref()));
    Ok(Database { database })
}

/// The open database.
pub struct Database {
    database: IdbDatabase,
}

impl Database {
    /// A transaction over `stores`, read-only unless `write`.
    pub fn transaction(&self, stores: &[&str], write: bool) -> Result<Transaction, String> {
        let names = Array::new();
        for store in stores {
            names.push(&JsValue::from_str(store));
        }
        let mode = match write {
            true => IdbTransactionMode::Readwrite,
            false => IdbTransactionMode::Readonly,
        };
        let transaction = self
            .database
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(reason)?;
        // Listened to from the start: it may end before anyone awaits it, and a failure
        // is handled even when nobody does (the code that made it gave up early).
        let done = Promise::new(&mut |resolve: Function, reject: Function| {
            transaction.set_oncomplete(Some(&resolve));
            transaction.set_onerror(Some(&reject));
            transaction.set_onabort(Some(&reject));
        });
        IGNORE.with(|ignore| drop(done.catch(ignore)));
        Ok(Transaction { transaction, done })
    }
}

thread_local! {
    /// A rejection handler that does nothing, made once.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

/// A transaction, and its end.
pub struct Transaction {
    transaction: IdbTransaction,
    done: Promise,
}

impl Transaction {
    pub fn store(&self, name: &str) -> Result<Store, String> {
        self.transaction
            .object_store(name)
            .map(Store)
            .map_err(reason)
    }

    /// Abandons every change of the transaction.
    pub fn abort(&self) {
        let _ = self.transaction.abort();
    }

    /// Waits until every change of the transaction is committed.
    pub async fn done(self) -> Result<(), String> {
        match JsFuture::from(self.done).await {
            Ok(_) => Ok(()),
            Err(_) => Err(self
                .transaction
                .error()
                .map(|error| error.message())
                .unwrap_or_else(|| "the change was abandoned".to_string())),
        }
    }
}

/// One store of a transaction. Requests are made at once and awaited together
/// ([`all`]), so that they run together; the transaction stays open meanwhile.
pub struct Store(IdbObjectStore);

/// A request made, to await.
pub struct Pending(Result<IdbRequest, String>);

impl Pending {
    pub async fn value(self) -> Result<JsValue, String> {
        Ok(all(vec![self]).await?.pop().unwrap_or(JsValue::UNDEFINED))
    }
}

/// The results of `requests`, in order, once all succeeded (or the first error).
pub async fn all(requests: Vec<Pending>) -> Result<Vec<JsValue>, String> {
    let promises = Array::new();
    for request in requests {
        promises.push(&settling(request.0?));
    }
    let results = JsFuture::from(Promise::all(&promises))
        .await
        .map_err(reason)?;
    Ok(results
        .dyn_into::<Array>()
        .map(|results| results.to_vec())
        .unwrap_or_default())
}

impl Store {
    pub fn get(&self, key: &JsValue) -> Pending {
        Pending(self.0.get(key).map_err(reason))
    }

    /// Every value, in the order of the keys.
    pub fn get_all(&self) -> Pending {
        Pending(self.0.get_all().map_err(reason))
    }

    /// Every key, in order.
    pub fn get_all_keys(&self) -> Pending {
        Pending(self.0.get_all_keys().map_err(reason))
    }

    /// Writes `value` under `key`; a failure aborts the transaction.
    pub fn put(&self, key: &JsValue, value: &JsValue) -> Result<(), String> {
        self.0.put_with_key(value, key).map(drop).map_err(reason)
    }

    pub fn delete(&self, key: &JsValue) -> Result<(), String> {
        self.0.delete(key).map(drop).map_err(reason)
    }
}

/// Whether IndexedDB's result for a missing record.
pub fn is_absent(value: &JsValue) -> bool {
    value.is_undefined()
}

/// A promise of `request`'s result, rejected with its error.
fn settling(request: IdbRequest) -> Promise {
    let on_success = {
        let request = request.clone();
        move |resolve: Function| {
            let request = request.clone();
            Closure::once_into_js(move || {
                let _ = resolve.call1(
                    &JsValue::NULL,
                    &request.result().unwrap_or(JsValue::UNDEFINED),
                );
            })
        }
    };
    Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(on_success(resolve).unchecked_ref()));
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let why = failed
                .error()
                .ok()
                .flatten()
                .map(|error| error.message())
                .unwrap_or_else(|| "the browser's database refused it".to_string());
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// The result of `request` once it succeeds, or its error.
async fn settled(request: &IdbRequest) -> Result<JsValue, String> {
    JsFuture::from(settling(request.clone()))
        .await
        .map_err(reason)
}

/// A message for an exception.
pub fn reason(error: JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| format!("{}: {}", exception.name(), exception.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser's database failed".to_string())
}
