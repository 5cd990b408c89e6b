//! Keeping the workspace between visits, and in step with the other tabs: when the page
//! reads and writes the store (`crate::store`, IndexedDB through `crate::idb`), and
//! what it shows of it. The rules are `diplomap_app_core`'s.
//!
//! 1. **Restore.** The page starts on a placeholder, in the `Restoring` phase, said on
//!    screen: what is typed, pasted or dropped meanwhile stays in the page (nothing is
//!    written) and joins the workspace once it is back. The store and the earlier
//!    versions' saves are read; `restore::restore` says what the workspace is, what to
//!    keep aside, what to repair. What cannot be taken in is copied aside and read back
//!    before anything is deleted or a notice says it is kept; repairs and migrated
//!    documents are saved and read back, and only then are the earlier saves removed.
//!    A store of a newer version is left untouched, and the page says so.
//! 2. **Save.** Each change is noted by `Documents`, and one effect (`persist`) saves
//!    whenever the documents change: a save is one transaction of the changed documents
//!    against their stored revisions (`commit::plan`), one at a time.
//!    A delete is also noted in `localStorage` at once, and done by the next restore
//!    if the page was gone before its save (`journal`).
//! 3. **Other tabs.** After a save, the ids it touched go out on a BroadcastChannel; a
//!    tab hearing them reads those records and takes them in (its own unsaved changes
//!    win; its next save keeps both versions).

use std::rc::Rc;
use std::time::Duration;

use diplomap_app_core::commit::PutOutcome;
use diplomap_app_core::doc::derive_title;
use diplomap_app_core::documents::{Effect as Changed, Removed};
use diplomap_app_core::present::human_size;
use diplomap_app_core::restore::{self, Restored, Snapshot};
use diplomap_app_core::undo::{Step, UndoLog, Undone};
use diplomap_app_core::workspace::View;
use diplomap_app_core::{Documents, Limits, Outcome, Phase, Saver, Unsaved};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

use super::notice::sample_notice;
use super::{Article, Notice};
use crate::analyser::WORKER_MIN_BYTES;
use crate::idb::{self, Database};
use crate::sample::SAMPLE_ARTICLE;
use crate::store::{self, KeptCopy, Record, SaveError, ASIDE_PLACE, CURRENT_KEY};

/// Where the tabs of the page tell each other which documents they saved.
const CHANNEL: &str = "diplomap.workspace";
/// How many times a restore starts again when another tab changed the store meanwhile.
const RESTORE_ATTEMPTS: usize = 3;

/// The store as this tab uses it. `Copy`, part of [`Article`].
#[derive(Clone, Copy)]
pub struct Store {
    saver: StoredValue<Saver>,
    database: StoredValue<Option<Rc<Database>>, LocalStorage>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    /// The line above the notices while the workspace is not saved as it changes
    /// (being restored, waiting for another tab, or not saved at all).
    pub status: RwSignal<Option<Notice>>,
    /// The copies kept aside, to download.
    pub kept: RwSignal<Vec<KeptCopy>>,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            saver: StoredValue::new(Saver::default()),
            database: StoredValue::new_local(None),
            channel: StoredValue::new_local(None),
            status: RwSignal::new(Some(Notice::Info(
                "Restoring the workspace\u{2026} What you type, paste or drop meanwhile is kept, and added to it once it is back."
                    .to_string(),
            ))),
            kept: RwSignal::new(Vec::new()),
        }
    }
}

impl Store {
    /// Whether edits are saved as they happen (not while restoring).
    pub fn is_ready(&self) -> bool {
        self.saver
            .try_with_value(|saver| matches!(saver.phase(), Phase::Ready))
            .unwrap_or(false)
    }

    /// Whether the workspace is still being restored.
    pub fn is_restoring(&self) -> bool {
        self.saver
            .try_with_value(|saver| matches!(saver.phase(), Phase::Restoring))
            .unwrap_or(false)
    }

    /// Saves no more, and says why (also from callbacks that may outlive the page).
    fn stop(&self, why: Unsaved) {
        self.status.try_set(Some(Notice::Error(unsaved_text(&why))));
        self.saver.try_update_value(|saver| saver.stop(why));
    }

    fn database(&self) -> Option<Rc<Database>> {
        self.database.try_get_value().flatten()
    }
}

fn unsaved_text(why: &Unsaved) -> String {
    match why {
        Unsaved::NoDatabase(reason) => format!("This browser keeps no database for the page ({reason}): your documents are shown, but changes are not kept after this tab is closed."),
        Unsaved::Newer => "The workspace in this browser was saved by a newer version of Diplomap. It is left as it is, and nothing you do in this tab is saved: open the newer version to work on it.".to_string(),
        Unsaved::Superseded => "A newer version of Diplomap opened the workspace in another tab, so this tab no longer saves. Reload it to keep working.".to_string(),
        Unsaved::Unreadable(reason) => format!("The saved workspace could not be read ({reason}). It is left as it is, and nothing you do in this tab is saved. Reload to try again."),
        Unsaved::Unwritable(reason) => format!("The workspace could not be written to this browser\u{2019}s database ({reason}). It is shown, and the saves it came from are left as they are, but nothing you do in this tab is saved."),
    }
}

impl Article {
    /// The page on a placeholder while the workspace is restored.
    pub fn restore() -> Self {
        let current =
            store::storage().and_then(|storage| storage.get_item(CURRENT_KEY).ok().flatten());
        // Most likely a first visit, which shows the sample: the placeholder holds it, so
        // it is highlighted at once rather than once the store is read; the restore
        // then decides (`finish_restore`), and the sample, analysed the same, is not
        // drawn again.
        let previewed = !store::visited_before();
        let text = if previewed { SAMPLE_ARTICLE } else { "" };
        let mut placeholder = Documents::new(Limits::APP);
        let id = placeholder
            .add(None, text.to_string())
            .map_or(1, |added| added.id);
        let article = Article::with_docs(placeholder, id);
        article.persist();
        leptos::task::spawn_local(
            async move { article.restore_workspace(current, previewed).await },
        );
        let flush = window_event_listener(leptos::ev::pagehide, move |_| article.flush());
        on_cleanup(move || flush.remove());
        article
    }

    /// Keeps the workspace as it changes: every change of the documents is saved, and
    /// the document shown is remembered for the next visit. The only place that starts
    /// a save; a save does nothing until the workspace is restored, and one at a time
    /// (`Saver`).
    fn persist(&self) {
        let this = *self;
        Effect::new(move |_| {
            // Saving megabytes takes the page a while: in a task of its own, once the
            // worker has the text and the page has said it is busy.
            this.workspace.undo.track();
            let (long, deletes) = this.workspace.docs.with(|docs| {
                let long = docs
                    .iter()
                    .any(|doc| doc.text.len() >= WORKER_MIN_BYTES && docs.is_dirty(doc.id));
                (long, docs.unsaved_deletes())
            });
            this.note_deletes(deletes);
            if long {
                set_timeout(move || this.save(), Duration::ZERO);
            } else {
                this.save();
            }
        });
        Effect::new(move |_| {
            this.workspace.view.track();
            this.remember_view();
        });
    }

    /// Notes the deletes not in the store yet, `deletes`, where a reload finds them at
    /// once (`journal`): a save in flight when the page goes is lost with it.
    fn note_deletes(&self, deletes: String) {
        let saver = self.store.saver;
        let note =
            saver.try_update_value(|saver| saver.note_deletes(deletes, store::deletes_noted));
        if let Some(note) = note.flatten() {
            store::note_deletes(&note);
        }
    }

    /// Typing not analysed yet is taken in (and saved) now.
    fn flush(&self) {
        if self.has_pending_typing() {
            self.analyse_draft();
        }
    }

    /// Whether the page is still there (an await may outlive it).
    fn alive(&self) -> bool {
        self.draft.try_with_untracked(|_| ()).is_some()
    }

    async fn restore_workspace(self, current: Option<String>, previewed: bool) {
        let status = self.store.status;
        let waiting = move || {
            status.try_set(Some(Notice::Info("Waiting for another Diplomap tab to let go of the workspace\u{2026} What you type, paste or drop meanwhile is kept.".to_string())));
        };
        let store = self.store;
        let database = idb::open(waiting, move || store.stop(Unsaved::Superseded)).await;
        if !self.alive() {
            return;
        }
        let database = match database {
            Ok(database) => Rc::new(database),
            Err(idb::OpenError::Unavailable(why)) => return self.without_database(why, current),
            Err(idb::OpenError::Newer) => return self.store.stop(Unsaved::Newer),
            Err(idb::OpenError::Failed(why)) => return self.store.stop(Unsaved::Unreadable(why)),
        };
        self.store.database.set_value(Some(database.clone()));
        let mut why = "other tabs kept changing it".to_string();
        for _ in 0..RESTORE_ATTEMPTS {
            match self
                .restore_from(&database, current.as_deref(), previewed)
                .await
            {
                Ok(()) => return,
                Err(SaveError::Stale) => continue,
                Err(SaveError::Closed(unsaved)) => return self.store.stop(unsaved),
                Err(SaveError::Failed(failure)) => {
                    why = failure;
                    break;
                }
            }
        }
        self.store.stop(Unsaved::Unreadable(why));
    }

    /// One attempt at restoring from the open database.
    async fn restore_from(
        &self,
        database: &Database,
        current: Option<&str>,
        previewed: bool,
    ) -> Result<(), SaveError> {
        let read = store::read(database).await.map_err(SaveError::Failed)?;
        let legacy = store::read_legacy(read.legacy_database.clone());
        let mut restored = restore::restore(&read.snapshot, &legacy, Limits::APP)
            .map_err(|_| SaveError::Closed(Unsaved::Newer))?;
        // Copies first: nothing is deleted unless what it held is safe.
        let (kept, keeping_failed) = match restored.aside.is_empty() {
            true => (read.kept.clone(), None),
            false => match store::keep_aside(database, &restored.aside, &read.kept).await {
                Ok(kept) => (kept, None),
                Err(why) => (read.kept.clone(), Some(why)),
            },
        };
        let may_delete = keeping_failed.is_none();
        let (mut verified, mut written, mut unwritable) = (true, Vec::new(), None);
        if restored.needs_save() {
            match store::save_restored(database, &mut restored, &read, may_delete).await {
                Ok(saved) => {
                    verified = store::verify(database, &saved).await;
                    written = saved.into_iter().map(|(id, _)| id).collect();
                }
                // Shown all the same, and nothing removed; nothing more is saved.
                Err(SaveError::Failed(why)) => (verified, unwritable) = (false, Some(why)),
                Err(other) => return Err(other),
            }
        }
        if verified && may_delete && !legacy.is_empty() {
            store::remove_legacy(database, &legacy).await;
        }
        if !self.alive() {
            return Ok(());
        }
        let notice = restored_notice(&restored, keeping_failed.as_deref(), verified);
        self.store.kept.set(kept);
        // Nothing was ever saved here: the sample shows what the app does.
        let first_visit =
            read.snapshot.meta.is_none() && read.snapshot.documents.is_empty() && legacy.is_empty();
        // The deletes a page left before saving are done now (not in a tab that saves
        // nothing: a delete made in it is not done either).
        let redone = match unwritable {
            Some(why) => {
                self.store.stop(Unsaved::Unwritable(why));
                Vec::new()
            }
            None => redo_deletes(&mut restored.documents),
        };
        self.finish_restore(restored, current, notice, first_visit, previewed);
        // The changes this tab made while restoring go first; else those saved. Then
        // the deletes redone, each with its way back, as its save would have left it.
        self.workspace.undo.update(|log| {
            if let Some(saved) = read.undo.as_deref().filter(|_| log.last().is_none()) {
                *log = UndoLog::decode(saved, Limits::APP);
            }
            for Removed { index, doc } in redone {
                let what = Undone::Deleted;
                log.push(Step { what, index, doc });
            }
        });
        self.broadcast(written);
        Ok(())
    }

    /// The restored workspace takes the place of the placeholder; what was made
    /// meanwhile joins it, and from now on changes are saved.
    fn finish_restore(
        &self,
        restored: Restored,
        current: Option<&str>,
        notice: Option<Notice>,
        first_visit: bool,
        previewed: bool,
    ) {
        self.flush();
        let mut documents = restored.documents;
        let shown = self.current_id();
        let mut meanwhile = self.workspace.docs.get_untracked();
        // The sample the placeholder previewed is no document of the reader's while
        // untouched; deleted or cleared meanwhile, the reader has dismissed it.
        let kept_preview = first_visit && previewed && drop_untouched_sample(&mut meanwhile);
        let sample = first_visit && (!previewed || kept_preview);
        // Untouched, it stays first, before what the reader added meanwhile, as it does
        // for what they add after the restore: no tab vanishes with the timing of a drop.
        if kept_preview {
            let _ = documents.add(None, SAMPLE_ARTICLE.to_string());
        }
        let made_meanwhile = documents.adopt(meanwhile);
        if documents.is_empty() {
            let text = if sample { SAMPLE_ARTICLE } else { "" };
            let _ = documents.add(None, text.to_string());
        }
        let view = made_meanwhile
            .iter()
            .find(|(from, _)| Some(*from) == shown)
            .map(|(_, to)| View::Doc(*to))
            .or_else(|| saved_view(current, &restored.legacy_ids, &documents))
            .unwrap_or(View::Doc(documents[0].id));
        self.workspace.docs.set(documents);
        if self.store.is_restoring() {
            self.store.status.set(None);
            self.store.saver.update_value(Saver::ready);
        }
        self.open_channel();
        // Showing the restored view clears the notices; one said meanwhile (a shared
        // link's document added while restoring) still stands.
        let said_meanwhile = self.notice.get_untracked();
        self.switch(view);
        let sample = sample && made_meanwhile.is_empty();
        if let Some(notice) = notice
            .or(said_meanwhile)
            .or_else(|| sample.then(sample_notice))
        {
            self.notice.set(Some(notice));
        }
    }

    /// No database: the earlier versions' saves are shown; nothing is saved or removed.
    fn without_database(&self, why: String, current: Option<String>) {
        self.store.stop(Unsaved::NoDatabase(why));
        let Ok(restored) =
            restore::restore(&Snapshot::default(), &store::read_legacy(None), Limits::APP)
        else {
            return;
        };
        let mut documents = restored.documents;
        documents.adopt(self.workspace.docs.get_untracked());
        if let Some(first) = documents.first().map(|doc| doc.id) {
            let view = saved_view(current.as_deref(), &restored.legacy_ids, &documents);
            self.workspace.docs.set(documents);
            self.switch(view.unwrap_or(View::Doc(first)));
        }
    }

    /// Whether the documents or the undo log changed since the last save took them.
    fn has_unsaved(&self) -> bool {
        self.workspace.docs.with_untracked(Documents::has_changes)
            || self.workspace.undo.with_untracked(UndoLog::is_unsaved)
    }

    /// Saves the changes, unless restoring, or a save is under way (that one saves them
    /// next).
    fn save(&self) {
        let has_changes = self.has_unsaved();
        if self
            .store
            .saver
            .try_update_value(|saver| saver.start(has_changes))
            == Some(true)
        {
            let this = *self;
            leptos::task::spawn_local(async move { this.save_all().await });
        }
    }

    /// Saves until no change is left.
    async fn save_all(self) {
        loop {
            let Some(database) = self.store.database() else {
                return;
            };
            let Some(changes) = self
                .workspace
                .docs
                .try_update_untracked(Documents::take_changes)
            else {
                return;
            };
            let undo = self
                .workspace
                .undo
                .try_update_untracked(UndoLog::take_save)
                .flatten();
            let committed = store::commit(&database, &changes, undo.as_deref()).await;
            if !self.alive() {
                return;
            }
            if committed.is_err() {
                if undo.is_some() {
                    self.workspace.undo.update_untracked(UndoLog::save_failed);
                }
                let requeued = self
                    .workspace
                    .docs
                    .try_update_untracked(|docs| docs.requeue(changes.clone()));
                self.store.saver.update_value(|saver| {
                    saver.ended(false);
                });
                self.apply_effects(requeued.unwrap_or_default());
            }
            match committed {
                Ok(outcome) => {
                    self.settle(&outcome);
                    let mut ids: Vec<u64> = changes.ids().collect();
                    ids.extend(outcome.puts.iter().filter_map(|put| match put {
                        PutOutcome::Moved { to, .. } => Some(*to),
                        PutOutcome::Written { .. } => None,
                    }));
                    self.broadcast(ids);
                }
                Err(SaveError::Closed(why)) => return self.store.stop(why),
                Err(SaveError::Stale) => return,
                Err(SaveError::Failed(why)) => return self.save_failed(&why),
            }
            let has_changes = self.has_unsaved();
            if self
                .store
                .saver
                .try_update_value(|saver| saver.ended(has_changes))
                != Some(true)
            {
                return;
            }
        }
    }

    fn save_failed(&self, why: &str) {
        let size: usize = self
            .workspace
            .docs
            .with_untracked(|docs| docs.iter().map(|doc| doc.text.len()).sum());
        self.notice.set(Some(Notice::Error(format!(
            "The workspace ({}) could not be saved: {why}. Your documents are still open here and the last saved version is kept; the next change tries again (delete or shorten a document if the browser is out of room).",
            human_size(size as f64)
        ))));
    }

    /// Takes in what a save did.
    fn settle(&self, outcome: &Outcome) {
        let effects = self
            .workspace
            .docs
            .try_update_untracked(|docs| docs.settle(outcome));
        let effects = effects.unwrap_or_default();
        if !effects.is_empty() {
            self.workspace.docs.update(|_| {});
            self.apply_effects(effects);
        }
    }

    /// What the page does when documents changed under it.
    fn apply_effects(&self, effects: Vec<Changed>) {
        let mut refresh = Vec::new();
        let view = self.workspace.view.get_untracked();
        for effect in effects {
            match effect {
                Changed::Renumbered { from, to } => self.renumbered(from, to),
                Changed::Copied { from, to } => {
                    self.renumbered(from, to);
                    let title = self
                        .workspace
                        .docs
                        .with_untracked(|docs| docs.get(to).map(|doc| doc.title.clone()))
                        .unwrap_or_default();
                    self.notice.set(Some(Notice::Info(format!(
                        "This document was changed in another tab while you edited it here: your version is kept as \u{201c}{title}\u{201d}, beside the other."
                    ))));
                }
                Changed::Refresh(id) => refresh.push(id),
                Changed::Updated(id) if view == View::Doc(id) || view == View::All => {
                    self.switch(view)
                }
                Changed::Deleted(id) if view == View::Doc(id) => {
                    let next = self
                        .workspace
                        .docs
                        .with_untracked(|docs| docs.first().map(|doc| doc.id));
                    self.notice.set(Some(Notice::Info(
                        "The document shown was deleted in another tab.".to_string(),
                    )));
                    self.switch(next.map_or(View::All, View::Doc));
                }
                Changed::Deleted(_) if view == View::All => self.switch(view),
                Changed::Updated(_) | Changed::Deleted(_) => {}
            }
        }
        if !refresh.is_empty() {
            let this = *self;
            leptos::task::spawn_local(async move { this.refresh(refresh).await });
        }
    }

    /// Document `from` is document `to` now: the view, the undo and the cache follow.
    fn renumbered(&self, from: u64, to: u64) {
        if self.workspace.view.get_untracked() == View::Doc(from) {
            self.workspace.view.set(View::Doc(to));
        }
        self.workspace.undo.update(|log| log.renumber(from, to));
        self.rekey_cache(from, to);
    }

    /// Reads the records another tab said it changed, and takes them in.
    async fn refresh(self, ids: Vec<u64>) {
        let Some(database) = self.store.database() else {
            return;
        };
        // Typing not analysed yet is a change of this tab: it must not be overwritten.
        self.flush();
        let Ok(records) = store::read_records(&database, &ids).await else {
            return;
        };
        if !self.alive() {
            return;
        }
        let mut effects = Vec::new();
        self.workspace.docs.update(|docs| {
            for (id, record) in records {
                match record {
                    Record::Here(rev, doc) => {
                        effects.extend(docs.apply_stored(id, Some((rev, doc))))
                    }
                    Record::Gone => effects.extend(docs.apply_stored(id, None)),
                    Record::Unreadable => {}
                }
            }
        });
        self.apply_effects(effects);
    }

    /// Tells the other tabs which documents changed.
    fn broadcast(&self, ids: Vec<u64>) {
        if ids.is_empty() {
            return;
        }
        let message: js_sys::Array = ids.into_iter().map(store::number).collect();
        self.store.channel.try_with_value(|channel| {
            if let Some(channel) = channel {
                let _ = channel.post_message(&message);
            }
        });
    }

    /// Listens to the other tabs.
    fn open_channel(&self) {
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return;
        };
        let this = *self;
        let heard = move |event: web_sys::MessageEvent| {
            let ids: Vec<u64> = event
                .data()
                .dyn_into::<js_sys::Array>()
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| store::whole_number(&id))
                        .collect()
                })
                .unwrap_or_default();
            if !ids.is_empty() && this.store.is_ready() {
                leptos::task::spawn_local(async move { this.refresh(ids).await });
            }
        };
        let heard = Closure::<dyn Fn(web_sys::MessageEvent)>::new(heard).into_js_value();
        channel.set_onmessage(Some(heard.unchecked_ref()));
        self.store.channel.set_value(Some(channel));
    }

    /// Downloads a kept copy as a file.
    pub fn download_kept(&self, id: u64) {
        let Some(database) = self.store.database() else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            let outcome = match store::kept_raw(&database, id).await {
                Ok(Some(raw)) => crate::io::export::download(
                    &format!("diplomap-kept-{id}.txt"),
                    "text/plain",
                    &raw,
                )
                .map_err(|_| "the browser refused the download".to_string()),
                Ok(None) => Err("it is no longer there".to_string()),
                Err(why) => Err(why),
            };
            if let Err(why) = outcome {
                this.notice.try_set(Some(Notice::Error(format!(
                    "The kept copy could not be downloaded ({why})."
                ))));
            }
        });
    }

    /// Deletes a kept copy for good.
    pub fn delete_kept(&self, id: u64) {
        let Some(database) = self.store.database() else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            match store::delete_aside(&database, id).await {
                Ok(kept) => drop(this.store.kept.try_set(kept)),
                Err(why) => drop(this.notice.try_set(Some(Notice::Error(format!(
                    "The kept copy could not be deleted ({why})."
                ))))),
            }
        });
    }

    /// Remembers which document is shown (once the workspace is restored: until then
    /// the placeholder is shown, and the view of the last visit is still to come).
    fn remember_view(&self) {
        if !self.store.is_ready() {
            return;
        }
        if let Some(storage) = store::storage() {
            let value = match self.workspace.view.get_untracked() {
                View::Doc(id) => id.to_string(),
                View::All => "all".to_string(),
            };
            let _ = storage.set_item(CURRENT_KEY, &value);
        }
    }
}

/// Does the deletes noted by a page left before they were saved (`journal`) to
/// `documents`, each if the document is still stored as it was deleted, and takes the
/// note (an entry not done is obsolete). Returns what they deleted, for the undo.
fn redo_deletes(documents: &mut Documents) -> Vec<Removed> {
    let note = store::deletes_noted();
    store::note_deletes("");
    documents.remove_noted(&note)
}

/// Removes the sample, as the placeholder previewed it (text and title untouched), from
/// `docs`; whether it was there.
fn drop_untouched_sample(docs: &mut Documents) -> bool {
    let untouched = docs
        .iter()
        .find(|doc| doc.text == SAMPLE_ARTICLE && doc.title == derive_title(SAMPLE_ARTICLE))
        .map(|doc| doc.id);
    untouched.is_some_and(|id| docs.remove(id).is_some())
}

/// The view of the last visit, in the restored workspace (an id of an earlier
/// version's workspace is found under its new id).
fn saved_view(current: Option<&str>, legacy_ids: &[(u64, u64)], docs: &Documents) -> Option<View> {
    let current = current?;
    if current == "all" {
        return Some(View::All);
    }
    let id: u64 = current.parse().ok()?;
    let id = legacy_ids
        .iter()
        .find(|(old, _)| *old == id)
        .map_or(id, |(_, new)| *new);
    docs.get(id).map(|_| View::Doc(id))
}

/// What the notice says after a restore (nothing when all was well).
fn restored_notice(
    restored: &Restored,
    keeping_failed: Option<&str>,
    verified: bool,
) -> Option<Notice> {
    let report = restored.report;
    let documents = |n: usize| format!("{n} document{}", if n == 1 { "" } else { "s" });
    let were = |n: usize| if n == 1 { "was" } else { "were" };
    let mut problems = Vec::new();
    if report.damaged > 0 {
        problems.push(format!(
            "The saved workspace was damaged: {} recovered, every one the damage left whole.",
            documents(report.restored)
        ));
    }
    if report.too_long > 0 {
        problems.push(format!(
            "{} over the {} limit {} not opened.",
            documents(report.too_long),
            human_size(Limits::APP.text_bytes as f64),
            were(report.too_long)
        ));
    }
    if report.too_many > 0 {
        problems.push(format!(
            "{} beyond the {} a workspace holds {} not opened.",
            documents(report.too_many),
            Limits::APP.documents,
            were(report.too_many)
        ));
    }
    if !problems.is_empty() {
        problems.push(match keeping_failed {
            None => format!("What could not be opened is kept whole in {ASIDE_PLACE}; download it below."),
            Some(why) => format!("Keeping a copy of what could not be opened failed ({why}), so nothing was deleted: it is all still where it was."),
        });
    }
    if report.titles_cut > 0 {
        problems.push(format!(
            "{} {} cut to {} characters.",
            report.titles_cut,
            if report.titles_cut == 1 {
                "title was"
            } else {
                "titles were"
            },
            Limits::APP.title_chars
        ));
    }
    if !verified {
        problems.push("The repaired workspace could not be read back, so the earlier saves were kept as they are.".to_string());
    }
    (!problems.is_empty()).then(|| Notice::Error(problems.join(" ")))
}
