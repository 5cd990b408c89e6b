//! The workspace's store in the browser, one transaction at a time: reading it whole,
//! saving changes, keeping copies aside, reading records back, and the saves earlier
//! versions left in `localStorage` and in version 1's store. What to read and write is
//! decided by `diplomap_app_core`; this only carries values to and from IndexedDB
//! (`crate::idb`). When each of these runs is `state/persistence.rs`'s business.

use diplomap_app_core::commit::{self, Meta, Outcome, FORMAT};
use diplomap_app_core::documents::Changes;
use diplomap_app_core::restore::{Aside, Key, Legacy, Restored, Snapshot, Source, Stored, Why};
use diplomap_app_core::salvage::read_saved;
use diplomap_app_core::{DocRecord, Limits, Unsaved};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

use crate::idb::{self, Database, ASIDE, DOCUMENTS, META, REVISIONS, SAVES};

/// The id of the document shown last (or `all`), in `localStorage`.
pub const CURRENT_KEY: &str = "diplomap.workspace.v1.current";
/// Where earlier versions kept the workspace, in `localStorage` (and in version 1's
/// store when it was too big): JSON of `[{id, title, text}]`.
pub const LEGACY_WORKSPACE_KEY: &str = "diplomap.workspace.v1";
/// Set to `indexeddb` by earlier versions while the workspace was in version 1's store.
pub const LEGACY_SAVED_IN_KEY: &str = "diplomap.workspace.v1.saved-in";
/// A damaged save earlier versions moved aside.
pub const LEGACY_UNREADABLE_KEY: &str = "diplomap.workspace.v1.unreadable";
/// The single article of the first version.
pub const LEGACY_ARTICLE_KEY: &str = "diplomap.article.v1";
/// The deletes not in the store yet, in `localStorage` (`diplomap_app_core::journal`).
const DELETES_KEY: &str = "diplomap.workspace.v1.deleting";
/// The meta record's key in the `meta` store, and the list of kept copies'.
const META_KEY: &str = "workspace";
const ASIDE_LIST_KEY: &str = "aside";
/// The undo log (`diplomap_app_core::undo`), saved with the documents it undoes.
const UNDO_KEY: &str = "undo";

/// Where a copy kept aside is, said in notices.
pub const ASIDE_PLACE: &str = "this browser\u{2019}s database for the page (IndexedDB \u{201c}diplomap\u{201d}, store \u{201c}aside\u{201d})";

/// A copy kept aside: what the `aside` list in the `meta` store says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptCopy {
    pub id: u64,
    /// Where it came from and why it was kept, said for the reader.
    pub what: String,
    pub bytes: u64,
}

impl KeptCopy {
    /// The list as stored: JSON of `[{"id", "what", "bytes"}]`.
    fn encode_list(list: &[KeptCopy]) -> String {
        let items: Vec<String> = list
            .iter()
            .map(|copy| {
                let what = serde_json::to_string(&copy.what).unwrap_or_default();
                format!(
                    "{{\"id\":{},\"what\":{what},\"bytes\":{}}}",
                    copy.id, copy.bytes
                )
            })
            .collect();
        format!("[{}]", items.join(","))
    }

    /// The list stored in `value` (what cannot be read of it is left out).
    fn decode_list(value: &JsValue) -> Vec<KeptCopy> {
        let parsed = value.as_string().map(|json| serde_json::from_str(&json));
        let Some(Ok(serde_json::Value::Array(items))) = parsed else {
            return Vec::new();
        };
        let copy = |item: &serde_json::Value| {
            Some(KeptCopy {
                id: item.get("id")?.as_u64()?,
                what: item.get("what")?.as_str()?.to_string(),
                bytes: item.get("bytes")?.as_u64()?,
            })
        };
        items.iter().filter_map(copy).collect()
    }
}

/// What one read of the store found.
pub struct Read {
    pub snapshot: Snapshot,
    /// The keys as IndexedDB gave them, to delete records by.
    document_keys: Vec<JsValue>,
    revision_keys: Vec<JsValue>,
    /// The workspace earlier versions kept in version 1's store.
    pub legacy_database: Option<Stored>,
    pub kept: Vec<KeptCopy>,
    /// The undo log as saved.
    pub undo: Option<String>,
}

/// The whole store, in one transaction.
pub async fn read(database: &Database) -> Result<Read, String> {
    let transaction = database.transaction(&[META, DOCUMENTS, REVISIONS, SAVES], false)?;
    let (meta, documents) = (transaction.store(META)?, transaction.store(DOCUMENTS)?);
    let revisions = transaction.store(REVISIONS)?;
    let values = idb::all(vec![
        meta.get(&META_KEY.into()),
        meta.get(&ASIDE_LIST_KEY.into()),
        documents.get_all_keys(),
        documents.get_all(),
        revisions.get_all_keys(),
        revisions.get_all(),
        transaction.store(SAVES)?.get(&LEGACY_WORKSPACE_KEY.into()),
        meta.get(&UNDO_KEY.into()),
    ])
    .await?;
    transaction.done().await?;
    let [meta, kept, document_keys, documents, revision_keys, revisions, legacy, undo]: [JsValue;
        8] = values
        .try_into()
        .map_err(|_| "the browser's database answered oddly".to_string())?;
    let (document_keys, revision_keys) = (array(document_keys), array(revision_keys));
    let documents = array(documents).into_iter().map(stored);
    let revisions = array(revisions);
    let snapshot = Snapshot {
        meta: present(meta),
        documents: document_keys.iter().map(key).zip(documents).collect(),
        revisions: revision_keys
            .iter()
            .map(key)
            .zip(revisions.iter().map(JsValue::as_f64))
            .collect(),
    };
    Ok(Read {
        snapshot,
        document_keys,
        revision_keys,
        legacy_database: present(legacy),
        kept: KeptCopy::decode_list(&kept),
        undo: undo.as_string(),
    })
}

/// The saves of earlier versions left in `localStorage`, and `database`, the one left
/// in version 1's store.
pub fn read_legacy(database: Option<Stored>) -> Legacy {
    let get = |key: &str| storage().and_then(|storage| storage.get_item(key).ok().flatten());
    Legacy {
        database,
        workspace: get(LEGACY_WORKSPACE_KEY),
        unreadable: get(LEGACY_UNREADABLE_KEY),
        article: get(LEGACY_ARTICLE_KEY),
    }
}

/// Copies `asides` into the `aside` store (one already kept, identical, is not copied
/// twice), then reads them back: the list of every kept copy, once all are safe.
pub async fn keep_aside(
    database: &Database,
    asides: &[Aside],
    kept: &[KeptCopy],
) -> Result<Vec<KeptCopy>, String> {
    // Copies already kept of the same size as one to keep: maybe the same.
    let same_size: Vec<u64> = kept
        .iter()
        .filter(|copy| {
            asides
                .iter()
                .any(|aside| aside.raw.len() as u64 == copy.bytes)
        })
        .map(|copy| copy.id)
        .collect();
    let transaction = database.transaction(&[META, ASIDE], true)?;
    let store = transaction.store(ASIDE)?;
    let existing = idb::all(same_size.iter().map(|id| store.get(&number(*id))).collect()).await?;
    let mut list = kept.to_vec();
    let mut next = list.iter().map(|copy| copy.id).max().unwrap_or(0) + 1;
    let mut written = Vec::new();
    for aside in asides {
        if existing
            .iter()
            .any(|raw| raw.as_string().as_deref() == Some(aside.raw.as_str()))
        {
            continue;
        }
        store.put(&number(next), &JsValue::from_str(&aside.raw))?;
        list.push(KeptCopy {
            id: next,
            what: describe(aside),
            bytes: aside.raw.len() as u64,
        });
        written.push((next, aside.raw.as_str()));
        next += 1;
    }
    let encoded = KeptCopy::encode_list(&list);
    transaction
        .store(META)?
        .put(&ASIDE_LIST_KEY.into(), &encoded.into())?;
    transaction.done().await?;
    // Read back: only now are they kept.
    let transaction = database.transaction(&[ASIDE], false)?;
    let store = transaction.store(ASIDE)?;
    let back = idb::all(
        written
            .iter()
            .map(|(id, _)| store.get(&number(*id)))
            .collect(),
    )
    .await?;
    let differs = back
        .iter()
        .zip(&written)
        .any(|(back, (_, raw))| back.as_string().as_deref() != Some(*raw));
    if differs {
        return Err("the copy read back differs".to_string());
    }
    Ok(list)
}

/// What a copy kept aside is, for the reader.
fn describe(aside: &Aside) -> String {
    let from = match aside.from {
        Source::Record(Some(key)) => format!("saved document {key}"),
        Source::Record(None) => "a saved document".to_string(),
        Source::LegacyDatabase => {
            "the workspace an earlier version saved in this browser\u{2019}s database".to_string()
        }
        Source::LegacyWorkspace => {
            "the workspace an earlier version saved in localStorage".to_string()
        }
        Source::LegacyUnreadable => "the damaged save an earlier version kept".to_string(),
        Source::LegacyArticle => "the article the first version saved".to_string(),
    };
    let why = match aside.why {
        Why::Damaged => "damaged",
        Why::TooLong => "a text over the limit",
        Why::TooMany => "documents beyond the limit",
    };
    format!("{from} ({why})")
}

/// A kept copy's content.
pub async fn kept_raw(database: &Database, id: u64) -> Result<Option<String>, String> {
    let transaction = database.transaction(&[ASIDE], false)?;
    let raw = transaction.store(ASIDE)?.get(&number(id)).value().await?;
    Ok(raw.as_string())
}

/// Deletes a kept copy: the list of those left.
pub async fn delete_aside(database: &Database, id: u64) -> Result<Vec<KeptCopy>, String> {
    let transaction = database.transaction(&[META, ASIDE], true)?;
    let meta = transaction.store(META)?;
    let mut list = KeptCopy::decode_list(&meta.get(&ASIDE_LIST_KEY.into()).value().await?);
    list.retain(|copy| copy.id != id);
    transaction.store(ASIDE)?.delete(&number(id))?;
    meta.put(&ASIDE_LIST_KEY.into(), &KeptCopy::encode_list(&list).into())?;
    transaction.done().await?;
    Ok(list)
}

/// Why a save did not happen.
pub enum SaveError {
    /// The store is not as read: another tab changed it (start the restore again).
    Stale,
    /// The store is not one this tab can write to any more.
    Closed(Unsaved),
    Failed(String),
}

/// Saves a restore's repairs and migrated documents, if the store is still as `read`
/// found it. Damaged records go in the same transaction, when their content is safe
/// (`may_delete`). Returns what was written, to read back.
pub async fn save_restored(
    database: &Database,
    restored: &mut Restored,
    read: &Read,
    may_delete: bool,
) -> Result<Vec<(u64, String)>, SaveError> {
    let changes = restored.documents.take_changes();
    let failed = SaveError::Failed;
    let transaction = database
        .transaction(&[META, DOCUMENTS, REVISIONS], true)
        .map_err(failed)?;
    let stores = Stores::of(&transaction).map_err(failed)?;
    let (meta_now, stored) = stores.meta_and_revisions(&changes).await.map_err(failed)?;
    if present(meta_now) != read.snapshot.meta {
        transaction.abort();
        return Err(SaveError::Stale);
    }
    let plan = commit::plan(restored.meta, &stored, &changes, Limits::APP.title_chars)
        .map_err(|_| SaveError::Failed("its revisions ran out".to_string()))?;
    let written = (|| {
        if may_delete {
            for &index in &restored.drop_documents {
                stores.documents.delete(&read.document_keys[index])?;
                stores.revisions.delete(&read.document_keys[index])?;
            }
            for &index in &restored.drop_revisions {
                stores.revisions.delete(&read.revision_keys[index])?;
            }
        }
        stores.apply(&plan)
    })();
    if let Err(why) = written {
        transaction.abort();
        return Err(SaveError::Failed(why));
    }
    transaction.done().await.map_err(failed)?;
    restored.documents.settle(&plan.outcome);
    Ok(plan.writes)
}

/// One save: the changes against the revisions stored now, and the undo log when it
/// changed, in one transaction.
pub async fn commit(
    database: &Database,
    changes: &Changes,
    undo: Option<&str>,
) -> Result<Outcome, SaveError> {
    let failed = SaveError::Failed;
    let transaction = database
        .transaction(&[META, DOCUMENTS, REVISIONS], true)
        .map_err(failed)?;
    let stores = Stores::of(&transaction).map_err(failed)?;
    let (meta_now, stored) = stores.meta_and_revisions(changes).await.map_err(failed)?;
    let meta_now = match meta_now.as_string().and_then(|json| Meta::decode(&json)) {
        Some(meta) if meta.format <= FORMAT => meta,
        Some(_) => {
            transaction.abort();
            return Err(SaveError::Closed(Unsaved::Newer));
        }
        // Emptied or damaged since this tab read it: a save now could give out ids
        // that records have.
        None => {
            transaction.abort();
            return Err(SaveError::Closed(Unsaved::Unreadable(
                "it changed outside Diplomap since this tab read it".to_string(),
            )));
        }
    };
    let plan = commit::plan(meta_now, &stored, changes, Limits::APP.title_chars)
        .map_err(|_| SaveError::Failed("the store ran out of ids or revisions".to_string()))?;
    let undo = undo.map(|log| stores.meta.put(&UNDO_KEY.into(), &log.into()));
    if let Err(why) = stores.apply(&plan).and(undo.unwrap_or(Ok(()))) {
        transaction.abort();
        return Err(SaveError::Failed(why));
    }
    transaction.done().await.map_err(failed)?;
    Ok(plan.outcome)
}

/// The stores a save writes to, in its transaction.
struct Stores {
    meta: idb::Store,
    documents: idb::Store,
    revisions: idb::Store,
}

impl Stores {
    fn of(transaction: &idb::Transaction) -> Result<Stores, String> {
        Ok(Stores {
            meta: transaction.store(META)?,
            documents: transaction.store(DOCUMENTS)?,
            revisions: transaction.store(REVISIONS)?,
        })
    }

    /// The meta record as it is now, and the revisions of the records `changes` touch
    /// (of those that have one).
    async fn meta_and_revisions(
        &self,
        changes: &Changes,
    ) -> Result<(JsValue, Vec<(u64, u64)>), String> {
        let ids: Vec<u64> = changes.ids().collect();
        let mut requests = vec![self.meta.get(&META_KEY.into())];
        requests.extend(ids.iter().map(|id| self.revisions.get(&number(*id))));
        let mut values = idb::all(requests).await?.into_iter();
        let meta = values.next().unwrap_or(JsValue::UNDEFINED);
        let stored = ids
            .into_iter()
            .zip(values)
            .filter_map(|(id, rev)| Some((id, whole_number(&rev)?)))
            .collect();
        Ok((meta, stored))
    }

    /// Writes a planned save.
    fn apply(&self, plan: &commit::Plan) -> Result<(), String> {
        for id in &plan.deletes {
            self.documents.delete(&number(*id))?;
            self.revisions.delete(&number(*id))?;
        }
        let rev = number(plan.meta.rev);
        for (id, record) in &plan.writes {
            self.documents
                .put(&number(*id), &JsValue::from_str(record))?;
            self.revisions.put(&number(*id), &rev)?;
        }
        self.meta.put(&META_KEY.into(), &plan.meta.encode().into())
    }
}

/// Reads back what a save wrote: whether it is all there as written.
pub async fn verify(database: &Database, written: &[(u64, String)]) -> bool {
    let check = async {
        let transaction = database.transaction(&[DOCUMENTS], false)?;
        let store = transaction.store(DOCUMENTS)?;
        let requests = written
            .iter()
            .map(|(id, _)| store.get(&number(*id)))
            .collect();
        let back = idb::all(requests).await?;
        let same = |(back, (_, record)): (&JsValue, &(u64, String))| {
            back.as_string().as_ref() == Some(record)
        };
        Ok::<_, String>(back.iter().zip(written).all(same))
    };
    check.await.unwrap_or(false)
}

/// A record as it is in the store now.
pub enum Record {
    Gone,
    /// The document and its revision.
    Here(u64, DocRecord),
    /// There, but not readable (left for the next restore).
    Unreadable,
}

/// Documents `ids` as they are stored now.
pub async fn read_records(database: &Database, ids: &[u64]) -> Result<Vec<(u64, Record)>, String> {
    let transaction = database.transaction(&[DOCUMENTS, REVISIONS], false)?;
    let (documents, revisions) = (transaction.store(DOCUMENTS)?, transaction.store(REVISIONS)?);
    let mut requests = Vec::new();
    for id in ids {
        requests.push(documents.get(&number(*id)));
        requests.push(revisions.get(&number(*id)));
    }
    let values = idb::all(requests).await?;
    transaction.done().await?;
    let records = ids.iter().zip(values.chunks(2));
    Ok(records
        .map(|(&id, pair)| (id, record(id, &pair[0], &pair[1])))
        .collect())
}

fn record(id: u64, document: &JsValue, revision: &JsValue) -> Record {
    if idb::is_absent(document) {
        return Record::Gone;
    }
    let read = document.as_string().map(|json| read_saved(&json));
    match (read, whole_number(revision)) {
        (Some(read), Some(rev)) if read.is_whole() && read.docs.len() == 1 => {
            let found = &read.docs[0];
            let doc = DocRecord {
                id,
                title: found.title.clone().unwrap_or_default(),
                text: found.text.clone(),
            };
            Record::Here(rev, doc)
        }
        _ => Record::Unreadable,
    }
}

/// Removes the earlier versions' saves that were read, each only if it is still what
/// was read (an old tab may have saved again since).
pub async fn remove_legacy(database: &Database, legacy: &Legacy) {
    if let Some(storage) = storage() {
        let saves = [
            (LEGACY_WORKSPACE_KEY, &legacy.workspace),
            (LEGACY_UNREADABLE_KEY, &legacy.unreadable),
            (LEGACY_ARTICLE_KEY, &legacy.article),
        ];
        for (key, read) in saves {
            if read.is_some() && storage.get_item(key).ok().flatten() == *read {
                let _ = storage.remove_item(key);
            }
        }
        let _ = storage.remove_item(LEGACY_SAVED_IN_KEY);
    }
    if legacy.database.is_some() {
        let removal = async {
            let transaction = database.transaction(&[SAVES], true)?;
            let store = transaction.store(SAVES)?;
            let now = present(store.get(&LEGACY_WORKSPACE_KEY.into()).value().await?);
            if now == legacy.database {
                store.delete(&LEGACY_WORKSPACE_KEY.into())?;
            }
            transaction.done().await
        };
        let _ = removal.await;
    }
}

/// A value read, `None` for a missing record.
fn present(value: JsValue) -> Option<Stored> {
    (!idb::is_absent(&value)).then(|| stored(value))
}

fn stored(value: JsValue) -> Stored {
    match value.as_string() {
        Some(text) => Stored::Text(text),
        None => Stored::Other(
            js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|json| json.as_string())
                .unwrap_or_else(|| "a value that is not JSON".to_string()),
        ),
    }
}

fn key(value: &JsValue) -> Key {
    value.as_f64().map_or(Key::Other, Key::Number)
}

fn array(value: JsValue) -> Vec<JsValue> {
    value
        .dyn_into::<js_sys::Array>()
        .map(|array| array.to_vec())
        .unwrap_or_default()
}

/// A whole number from 0 to 2^52 (an id or a revision), if `value` is one.
pub fn whole_number(value: &JsValue) -> Option<u64> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= diplomap_app_core::doc::MAX_ID as f64)
        .map(|n| n as u64)
}

/// An id or a revision as an IndexedDB value.
pub fn number(id: u64) -> JsValue {
    JsValue::from_f64(id as f64)
}

/// Whether `localStorage` keeps a trace of an earlier visit: the view shown last (every
/// restore leaves one) or an earlier version's save. Read at once, long before the
/// store is; without storage, it cannot tell and says yes.
pub fn visited_before() -> bool {
    let Some(storage) = storage() else {
        return true;
    };
    [
        CURRENT_KEY,
        LEGACY_WORKSPACE_KEY,
        LEGACY_SAVED_IN_KEY,
        LEGACY_UNREADABLE_KEY,
        LEGACY_ARTICLE_KEY,
    ]
    .iter()
    .any(|key| storage.get_item(key).ok().flatten().is_some())
}

/// The note of the deletes not in the store yet (empty when none).
pub fn deletes_noted() -> String {
    let note = storage().and_then(|storage| storage.get_item(DELETES_KEY).ok().flatten());
    note.unwrap_or_default()
}

/// Writes the note of the deletes not in the store yet (removed when empty).
pub fn note_deletes(note: &str) {
    if let Some(storage) = storage() {
        let _ = match note {
            "" => storage.remove_item(DELETES_KEY),
            _ => storage.set_item(DELETES_KEY, note),
        };
    }
}

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
