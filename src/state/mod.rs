//! The app's state, apart from the view: one plain type of signals, [`Article`], shared
//! through context (as in leptos' todomvc example). Components read its signals and
//! call its methods; nothing here knows a component.
//!
//! - [`documents`]: the workspace's documents as the reader works on them (add, import,
//!   rename, delete, undo) and which one is shown;
//! - [`analysis`]: texts analysed and shown (typing, pastes, the worker, "All
//!   documents");
//! - [`settings`]: the reader's settings of the page (hidden labels, type names, the
//!   country picked, the mention marked);
//! - [`notice`]: the messages above the article;
//! - [`persistence`]: the restore, and the saves, which follow every change of the
//!   documents through one effect;
//! - [`share`]: share links, the document shown put into one and a link's document
//!   added.
//!
//! The rules themselves (documents, limits, saves, layouts, formats) are
//! `diplomap_app_core`'s.

pub mod analysis;
pub mod documents;
pub mod notice;
pub mod persistence;
pub mod settings;
pub mod share;

use std::sync::Arc;

use diplomap_app_core::undo::UndoLog;
use diplomap_app_core::workspace::{DocRange, View};
use diplomap_app_core::{Analysed, Documents, Limits};
use diplomap_extract::Span;
use leptos::prelude::*;

pub use analysis::{Busy, DEBOUNCE, PASTE_BYTES};
pub use documents::Imported;
pub use notice::Notice;
pub use persistence::Store;
pub use settings::{Pane, Settings};

/// The longest text taken in at once (files have their own, lower limit). A longer
/// paste is refused with a message rather than left to exhaust the tab's memory.
pub const MAX_TEXT_BYTES: usize = Limits::APP.text_bytes;

/// The article being read and everything the page derives from it. `Copy`, so
/// components take it from context and move it into closures freely.
#[derive(Clone, Copy)]
pub struct Article {
    /// What is in the text box right now.
    pub draft: RwSignal<String>,
    /// The last analysed text; lags `draft` by [`DEBOUNCE`] while typing.
    pub analysed: RwSignal<Arc<Analysed>>,
    /// What the map and the lists beside the article show: `analysed`, once the frame
    /// with the article's highlights is drawn, so that their work (the map's land,
    /// labels and measures) never holds up the highlights.
    pub panels: RwSignal<Arc<Analysed>>,
    /// What is being analysed, while something is (a long text is analysed in a
    /// worker and takes a moment).
    pub busy: RwSignal<Option<Busy>>,
    /// A span of the text to scroll to and flash, once it is on the page.
    pub revealing: RwSignal<Option<Span>>,
    pub notice: RwSignal<Option<Notice>>,
    /// A quiet line while small towns and counties are not recognised: the second
    /// tier could not be fetched or read.
    pub places: RwSignal<Option<Notice>>,
    pub workspace: Workspace,
    pub settings: Settings,
    /// Where the workspace is kept (restoring, saving, the other tabs).
    pub store: Store,
    requests: analysis::Requests,
}

/// The documents, which one is shown, and the changes that can be taken back.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub docs: RwSignal<Documents>,
    pub view: RwSignal<View>,
    /// Clears, replacing loads and deletes, newest last; saved with the documents.
    pub undo: RwSignal<UndoLog>,
    /// Whether the Undo notice is shown (it goes with the next action, or dismissed).
    pub offer_undo: RwSignal<bool>,
    /// In the "All documents" view: where each document sits in the combined text.
    pub ranges: RwSignal<Vec<DocRange>>,
}

impl Article {
    /// An article showing document `current` of `docs` (the first when absent).
    pub fn with_docs(docs: Documents, current: u64) -> Self {
        let current = docs
            .iter()
            .find(|doc| doc.id == current)
            .or(docs.first())
            .map(|doc| (doc.id, doc.text.clone()));
        let (id, text) = current.unwrap_or((0, String::new()));
        let article = Article {
            workspace: Workspace {
                docs: RwSignal::new(docs),
                view: RwSignal::new(View::Doc(id)),
                undo: RwSignal::new(UndoLog::default()),
                offer_undo: RwSignal::new(false),
                ranges: RwSignal::new(Vec::new()),
            },
            store: Store::default(),
            draft: RwSignal::new(text.clone()),
            analysed: RwSignal::new(Arc::new(Analysed::default())),
            panels: RwSignal::new(Arc::new(Analysed::default())),
            notice: RwSignal::new(None),
            places: RwSignal::new(None),
            settings: Settings::default(),
            busy: RwSignal::new(None),
            revealing: RwSignal::new(None),
            requests: analysis::Requests::default(),
        };
        article.show(Some(id), text);
        article.follow_tier();
        article
    }
}
