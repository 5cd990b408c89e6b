//! Keeping the workspace between visits: `localStorage`, or IndexedDB (`crate::idb`)
//! when the workspace is too big for it; restoring it, with what a damaged save still
//! holds; the view shown last.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{sample_notice, Article, Notice, STORAGE_KEY};
use crate::idb;
use crate::sample::SAMPLE_ARTICLE;
use crate::workspace::{
    self, View, CURRENT_KEY, IN_DATABASE, SAVED_IN_KEY, UNREADABLE_KEY, WORKSPACE_KEY,
};

impl Article {
    /// The workspace from the last visit (or the single article of earlier versions),
    /// or the sample on the first one. A damaged save keeps what can be read of it.
    pub fn restore() -> Self {
        let storage = storage();
        let get = |key: &str| {
            storage
                .as_ref()
                .and_then(|s| s.get_item(key).ok().flatten())
        };
        let current = get(CURRENT_KEY)
            .and_then(|id| id.parse::<u64>().ok())
            .unwrap_or(0);
        let all = get(CURRENT_KEY).as_deref() == Some("all");
        if get(SAVED_IN_KEY).as_deref() == Some(IN_DATABASE) {
            let article = Article::with_docs(Vec::new(), 0);
            article.notice.set(Some(Notice::Info(
                "Restoring the workspace\u{2026}".to_string(),
            )));
            leptos::task::spawn_local(
                async move { article.restore_from_database(current, all).await },
            );
            return article;
        }
        let mut notice = None;
        let mut docs = Vec::new();
        if let Some(saved) = get(WORKSPACE_KEY) {
            let restored = workspace::parse_saved(&saved);
            if restored.unreadable {
                if let Some(storage) = &storage {
                    let _ = storage.set_item(UNREADABLE_KEY, &saved);
                }
            }
            notice = restored_notice(&restored);
            docs = restored.docs;
        } else if let Some(text) = get(STORAGE_KEY) {
            docs = workspace::migrate(&text);
        }
        let first_visit = docs.is_empty();
        if first_visit {
            docs = workspace::migrate(SAMPLE_ARTICLE);
        }
        let article = Article::with_docs(docs, current);
        article.persist();
        article
            .notice
            .set(notice.or(first_visit.then(sample_notice)));
        if all {
            article.switch(View::All);
        }
        article
    }

    /// The workspace saved in IndexedDB (it was too big for `localStorage`).
    async fn restore_from_database(self, current: u64, all: bool) {
        let (docs, notice) = match idb::get(WORKSPACE_KEY).await {
            Ok(Some(saved)) => {
                let restored = workspace::parse_saved(&saved);
                let notice = restored_notice(&restored);
                (restored.docs, notice)
            }
            Ok(None) => (Vec::new(), Some(Notice::Error("The saved workspace was not found in this browser\u{2019}s database, so it starts afresh.".to_string()))),
            Err(why) => (Vec::new(), Some(Notice::Error(format!("The saved workspace could not be read from this browser\u{2019}s database ({why}), so it starts afresh.")))),
        };
        let docs = if docs.is_empty() {
            workspace::migrate(SAMPLE_ARTICLE)
        } else {
            docs
        };
        let shown = docs
            .iter()
            .find(|doc| doc.id == current)
            .or(docs.first())
            .map(|doc| doc.id);
        self.workspace.docs.set(docs);
        self.switch(match shown {
            Some(id) if !all => View::Doc(id),
            _ => View::All,
        });
        self.notice.set(notice);
    }

    /// Saves the workspace: in `localStorage`, or in IndexedDB when it is too big for
    /// it. A save that fails is reported and the last one kept.
    pub fn persist(&self) -> bool {
        let Some(storage) = storage() else {
            return false;
        };
        let json = self
            .workspace
            .docs
            .with_untracked(|docs| workspace::serialize(docs));
        match storage.set_item(WORKSPACE_KEY, &json) {
            Ok(()) => {
                if storage.get_item(SAVED_IN_KEY).ok().flatten().is_some() {
                    let _ = storage.remove_item(SAVED_IN_KEY);
                    leptos::task::spawn_local(async {
                        let _ = idb::delete(WORKSPACE_KEY).await;
                    });
                }
                true
            }
            Err(error) if exception_name(&error) == "QuotaExceededError" => {
                self.persist_in_database(storage, json);
                true
            }
            Err(error) => {
                let name = exception_name(&error);
                self.save_failed(
                    &json,
                    &format!(
                        "storage refused it ({})",
                        if name.is_empty() {
                            "unknown error"
                        } else {
                            &name
                        }
                    ),
                );
                false
            }
        }
    }

    /// Saves a workspace too big for `localStorage` in IndexedDB; only once it is
    /// there does `localStorage` give up its last save and point to it.
    fn persist_in_database(&self, storage: web_sys::Storage, json: String) {
        let this = *self;
        leptos::task::spawn_local(async move {
            match idb::put(WORKSPACE_KEY, &json).await {
                Ok(()) => {
                    let _ = storage.set_item(SAVED_IN_KEY, IN_DATABASE);
                    let _ = storage.remove_item(WORKSPACE_KEY);
                }
                Err(why) => this.save_failed(&json, &format!("this browser\u{2019}s storage for the page is full, and its database refused it ({why})")),
            }
        });
    }

    fn save_failed(&self, json: &str, why: &str) {
        self.notice.set(Some(Notice::Error(format!(
            "The workspace ({}) could not be saved: {why}. Your documents are still open here, and the last saved version is kept; delete or shorten a document to save again.",
            crate::components::drop_zone::human_size(json.len() as f64)
        ))));
    }

    pub(super) fn remember_view(&self) {
        if let Some(storage) = storage() {
            let value = match self.workspace.view.get_untracked() {
                View::Doc(id) => id.to_string(),
                View::All => "all".to_string(),
            };
            let _ = storage.set_item(CURRENT_KEY, &value);
        }
    }
}

/// What a damaged save gave back, said in a notice (nothing if it was whole).
fn restored_notice(restored: &workspace::Restored) -> Option<Notice> {
    if restored.unreadable {
        return Some(Notice::Error(format!(
            "The saved workspace could not be read, so it starts afresh; its raw contents are kept in this browser under \u{201c}{UNREADABLE_KEY}\u{201d}."
        )));
    }
    (restored.dropped > 0).then(|| {
        Notice::Error(format!(
            "{} saved document{} could not be read and {} left out; {} recovered.",
            restored.dropped,
            if restored.dropped == 1 { "" } else { "s" },
            if restored.dropped == 1 { "was" } else { "were" },
            restored.docs.len()
        ))
    })
}

fn exception_name(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|exception| exception.name())
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
