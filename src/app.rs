//! The app's state (a plain domain type with signals, shared through context) and the
//! top-level layout. Each piece of the page is one component under `components/`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use diplomap_extract::{Analysis, CountryCode, Label};

use crate::analyser;

pub mod persistence;
use diplomap_app_core::documents::Removed;
use diplomap_app_core::present::{group, human_size};
use diplomap_app_core::workspace::{self, DocRange, View};
use diplomap_app_core::{Analysed, Documents, Limits, Refusal};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::components::{
    article_input::ArticleInput, country_list::CountryList, document_list::DocumentList,
    figure_list::FigureList, legend::Legend, masthead::Masthead, reading_view::ReadingView,
    relation_map::RelationMap,
};
use crate::io::import::Outcome;
use crate::sample::SAMPLE_ARTICLE;
use persistence::Store;

/// How long typing must pause before the article is analysed again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// An edit changing the text by more than this many bytes is a paste or a drop, and
/// is analysed without waiting for typing to pause.
pub const PASTE_BYTES: usize = 4096;

/// The longest text taken in at once (files have their own, lower limit). A longer
/// paste is refused with a message rather than left to exhaust the tab's memory.
pub const MAX_TEXT_BYTES: usize = Limits::APP.text_bytes;

/// A message shown above the article input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

impl Notice {
    pub fn text(&self) -> &str {
        match self {
            Notice::Info(text) | Notice::Error(text) => text,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Notice::Error(_))
    }
}

/// An analysis under way: of how many bytes, and the share of it done.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Busy {
    pub bytes: usize,
    pub done: f32,
}

/// The article being read and everything the page derives from it. `Copy`, so
/// components take it from context and move it into closures freely.
#[derive(Clone, Copy)]
pub struct Article {
    /// What is in the text box right now.
    pub draft: RwSignal<String>,
    /// The last analysed text; lags `draft` by [`DEBOUNCE`] while typing.
    pub analysed: RwSignal<Arc<Analysed>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Labels whose highlights the reader switched off in the legend.
    pub hidden_labels: RwSignal<BTreeSet<Label>>,
    /// Show the label name next to each mention (a cue that needs no colour).
    pub show_chips: RwSignal<bool>,
    /// The country picked in the country list; its mentions are emphasised.
    pub focus: RwSignal<Option<CountryCode>>,
    /// The mention picked in the reading view (its canonical name, else its text);
    /// every mention of the same thing is marked.
    pub marked: RwSignal<Option<String>>,
    pub workspace: Workspace,
    /// Where the workspace is kept (restoring, saving, the other tabs).
    pub store: Store,
    /// What is being analysed, while something is (a long text is analysed in a
    /// worker and takes a moment).
    pub busy: RwSignal<Option<Busy>>,
    /// A span of the text to scroll to and flash, once it is on the page.
    pub revealing: RwSignal<Option<diplomap_extract::Span>>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Counts requests to show something: an analysis that comes back after a newer
    /// request is dropped.
    ticket: StoredValue<u64>,
    /// Each document's last analysis, so "All documents" analyses only what changed.
    cache: StoredValue<BTreeMap<u64, Arc<Analysed>>>,
}

/// The documents, which one is shown, and the last deletion (for its undo).
#[derive(Clone, Copy)]
pub struct Workspace {
    pub docs: RwSignal<Documents>,
    pub view: RwSignal<View>,
    pub removed: RwSignal<Option<Removed>>,
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
                removed: RwSignal::new(None),
                ranges: RwSignal::new(Vec::new()),
            },
            store: Store::default(),
            draft: RwSignal::new(text.clone()),
            analysed: RwSignal::new(Arc::new(Analysed::default())),
            notice: RwSignal::new(None),
            hidden_labels: RwSignal::new(BTreeSet::new()),
            show_chips: RwSignal::new(false),
            focus: RwSignal::new(None),
            marked: RwSignal::new(None),
            busy: RwSignal::new(None),
            revealing: RwSignal::new(None),
            pending: StoredValue::new(None),
            ticket: StoredValue::new(0),
            cache: StoredValue::new(BTreeMap::new()),
        };
        article.show(Some(id), text);
        article
    }

    /// The document shown, if one is (not "All documents").
    pub fn current_id(&self) -> Option<u64> {
        match self.workspace.view.get_untracked() {
            View::Doc(id) => Some(id),
            View::All => None,
        }
    }

    /// Shows a document, or all of them; pending typing is kept first.
    pub fn switch(&self, view: View) {
        if self.has_pending_typing() {
            self.analyse_draft();
        }
        self.cancel_pending();
        self.workspace.view.set(view);
        self.focus.set(None);
        self.marked.set(None);
        match view {
            View::Doc(id) => {
                let text = self
                    .workspace
                    .docs
                    .with_untracked(|docs| docs.get(id).map(|doc| doc.text.clone()));
                self.workspace.ranges.set(Vec::new());
                let text = text.unwrap_or_default();
                self.draft.set(text.clone());
                self.show(Some(id), text);
            }
            View::All => self.show_all(),
        }
        self.remember_view();
    }

    /// Adds a document and shows it; `None` (and a notice) if it was refused.
    pub fn add_document(&self, title: Option<String>, text: String) -> Option<u64> {
        let added = self
            .workspace
            .docs
            .try_update(|docs| docs.add(title.as_deref(), text));
        match added {
            Some(Ok(added)) => {
                self.save();
                self.switch(View::Doc(added.id));
                Some(added.id)
            }
            Some(Err(refusal)) => {
                self.refused(refusal);
                None
            }
            None => None,
        }
    }

    /// Adds documents (files dropped together) and shows the first; an empty current
    /// document is replaced by the first of them. Takes as many as the workspace has
    /// room for, and says what became of the others.
    pub fn add_documents(&self, documents: Vec<(Option<String>, String)>) -> Imported {
        let mut imported = Imported::default();
        let mut first = None;
        let empty_current = self.current_id().filter(|id| {
            self.workspace
                .docs
                .with_untracked(|docs| docs.get(*id).is_some_and(|doc| doc.text.trim().is_empty()))
        });
        self.workspace.docs.update(|docs| {
            for (index, (title, text)) in documents.into_iter().enumerate() {
                if let (0, Some(id)) = (index, empty_current) {
                    if docs.admits(&text).is_ok() {
                        let _ = docs.set_text(id, text);
                        if let Some(title) = title {
                            imported.titles_cut +=
                                usize::from(docs.rename(id, &title) == Some(true));
                        }
                        imported.added += 1;
                        first = Some(id);
                        continue;
                    }
                }
                match docs.add(title.as_deref(), text) {
                    Ok(added) => {
                        imported.added += 1;
                        imported.titles_cut += usize::from(added.title_cut);
                        first.get_or_insert(added.id);
                    }
                    Err(_) => imported.left_out += 1,
                }
            }
        });
        self.save();
        if let Some(id) = first {
            self.switch(View::Doc(id));
        }
        imported
    }

    pub fn rename(&self, id: u64, title: &str) {
        self.workspace.docs.update(|docs| {
            docs.rename(id, title);
        });
        self.save();
        if self.workspace.view.get_untracked() == View::All {
            self.switch(View::All);
        }
    }

    /// Deletes a document (it can be brought back with [`Article::undo_delete`]); the
    /// last one is replaced by an empty document.
    pub fn delete(&self, id: u64) {
        let removed = self.workspace.docs.try_update(|docs| {
            let removed = docs.remove(id);
            if docs.is_empty() {
                let _ = docs.add(None, String::new());
            }
            removed
        });
        let Some(Some(removed)) = removed else { return };
        let index = removed.index;
        self.workspace.removed.set(Some(removed));
        self.save();
        match self.workspace.view.get_untracked() {
            View::Doc(current) if current == id => {
                let next = self
                    .workspace
                    .docs
                    .with_untracked(|docs| docs.neighbour(index));
                self.switch(next.map_or(View::All, View::Doc));
            }
            View::All => self.switch(View::All),
            View::Doc(_) => {}
        }
    }

    pub fn undo_delete(&self) {
        let Some(removed) = self.workspace.removed.get_untracked() else {
            return;
        };
        self.workspace.removed.set(None);
        match self
            .workspace
            .docs
            .try_update(|docs| docs.undo_remove(removed))
        {
            Some(Ok(id)) => {
                self.save();
                self.switch(View::Doc(id));
            }
            Some(Err(refusal)) => self.refused(refusal),
            None => {}
        }
    }

    /// Takes in the documents of the files read, in the order given, and says in one
    /// notice what was loaded and why any file was refused. Nothing loaded is lost.
    pub fn take_in_files(&self, names: &[String], outcomes: Vec<Outcome>) {
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        let mut read = Vec::new();
        for (name, outcome) in names.iter().zip(outcomes) {
            match outcome {
                Ok(found) => {
                    documents.extend(found);
                    read.push(format!("\u{201c}{name}\u{201d}"));
                }
                Err(message) => errors.push(message),
            }
        }
        let imported = if documents.is_empty() {
            Imported::default()
        } else {
            self.add_documents(documents)
        };
        let mut loaded = match imported.added {
            0 => String::new(),
            1 => format!("Loaded {} as a new document.", read.join(", ")),
            n => format!("Loaded {} as {} new documents.", read.join(", "), group(n)),
        };
        if imported.left_out > 0 {
            loaded.push_str(&format!(
                " A workspace holds at most {} documents, so {} {} left out.",
                group(Limits::APP.documents),
                group(imported.left_out),
                if imported.left_out == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        if imported.titles_cut > 0 {
            loaded.push_str(&format!(
                " {} {} cut to {} characters.",
                group(imported.titles_cut),
                if imported.titles_cut == 1 {
                    "title was"
                } else {
                    "titles were"
                },
                Limits::APP.title_chars
            ));
        }
        let loaded = loaded.trim_start().to_string();
        let notice = if errors.is_empty() && imported.left_out == 0 {
            Notice::Info(loaded)
        } else if errors.is_empty() {
            Notice::Error(loaded)
        } else {
            let mut text = errors.join(" ");
            text.push_str(" The documents you have are unchanged.");
            if imported.added > 0 {
                text.push(' ');
                text.push_str(&loaded);
            }
            Notice::Error(text)
        };
        self.notice.set(Some(notice));
    }

    /// Says why the workspace did not take something in.
    fn refused(&self, refusal: Refusal) {
        let text = match refusal {
            Refusal::Full { documents } => format!("The workspace holds {documents} documents, the most it takes: delete one to add another. Nothing was changed."),
            Refusal::TooLong { bytes, .. } => {
                self.admits(bytes, "The text");
                return;
            }
            Refusal::NoIdsLeft => "The workspace has given out every document number it has: nothing more can be added.".to_string(),
        };
        self.notice.set(Some(Notice::Error(text)));
    }

    /// Whether a text of `bytes` can be taken in; if not, the notice says why and
    /// nothing changes.
    pub fn admits(&self, bytes: usize, what: &str) -> bool {
        if bytes <= MAX_TEXT_BYTES {
            return true;
        }
        let size = |bytes: usize| human_size(bytes as f64);
        self.notice.set(Some(Notice::Error(format!(
            "{what} is {}: Diplomap reads up to {} at once. Nothing was changed; split the text into several documents.",
            size(bytes),
            size(MAX_TEXT_BYTES)
        ))));
        false
    }

    /// The reader typed: keep the text, analyse once typing pauses.
    pub fn edit(&self, text: String) {
        // A paste or a drop, not typing: nothing to wait for.
        let jump = self
            .draft
            .with_untracked(|draft| draft.len().abs_diff(text.len()))
            > PASTE_BYTES;
        // The sample's note speaks of the sample: text of the reader's own ends it.
        if self
            .notice
            .with_untracked(|notice| notice.as_ref() == Some(&sample_notice()))
        {
            self.notice.set(None);
        }
        self.draft.set(text);
        self.cancel_pending();
        let this = *self;
        // A long paste is still analysed in a task of its own: taking it in is work
        // enough for one.
        let wait = if jump { Duration::ZERO } else { DEBOUNCE };
        let handle = set_timeout_with_handle(move || this.analyse_draft(), wait);
        self.pending.set_value(handle.ok());
    }

    /// Replaces the article (file, sample, clear) and analyses it at once; in the
    /// "All documents" view it becomes a new document.
    pub fn load(&self, text: String, notice: Option<Notice>) {
        if self.workspace.view.get_untracked() == View::All {
            if self.add_document(None, text).is_some() {
                self.notice.set(notice);
            }
            return;
        }
        self.cancel_pending();
        self.draft.set(text);
        self.notice.set(notice);
        self.analyse_draft();
    }

    pub fn load_sample(&self) {
        self.load(SAMPLE_ARTICLE.to_string(), Some(sample_notice()));
    }

    /// Analyses the draft now, unless it already is the analysed text.
    pub fn analyse_draft(&self) {
        self.pending.set_value(None);
        let text = self.draft.get_untracked();
        if self.analysed.with_untracked(|current| current.text == text) {
            return;
        }
        self.focus.set(None);
        let long = text.len() >= analyser::WORKER_MIN_BYTES;
        self.show(self.current_id(), text.clone());
        if let Some(id) = self.current_id() {
            self.workspace.docs.update(|docs| {
                let _ = docs.set_text(id, text);
            });
            // Saving megabytes takes the page a while: in a task of its own, once the
            // worker has the text.
            if long {
                let this = *self;
                set_timeout(move || this.save(), Duration::ZERO);
            } else {
                self.save();
            }
        }
    }

    /// Whether typing waits to be analysed (and saved).
    fn has_pending_typing(&self) -> bool {
        self.pending
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    /// A document's cached analysis follows it to its new id.
    fn rekey_cache(&self, from: u64, to: u64) {
        self.cache.update_value(|cache| {
            if let Some(analysed) = cache.remove(&from) {
                cache.insert(to, analysed);
            }
        });
    }

    /// Analyses `text` (the text of document `id`, if it is one) and shows it when
    /// done, unless something else was asked for meanwhile.
    fn show(&self, id: Option<u64>, text: String) {
        let bytes = text.len();
        let ticket = self.next_ticket(bytes);
        let this = *self;
        analyser::analyse(text, self.progress(ticket, bytes), move |text, result| {
            if !this.is_current(ticket) {
                return;
            }
            let analysed = Arc::new(Analysed {
                analysis: this.usable(result),
                text,
            });
            if let Some(id) = id {
                this.cache.update_value(|cache| {
                    cache.insert(id, analysed.clone());
                });
            }
            this.busy.set(None);
            this.analysed.set(analysed);
        });
    }

    /// Shows every document together once each is analysed; documents unchanged since
    /// they were last shown are not analysed again.
    fn show_all(&self) {
        let docs = self.workspace.docs.get_untracked();
        let cached: Vec<Option<Arc<Analysed>>> = self.cache.with_value(|cache| {
            docs.iter()
                .map(|doc| {
                    cache
                        .get(&doc.id)
                        .filter(|part| part.text == doc.text)
                        .cloned()
                })
                .collect()
        });
        let missing: Vec<String> = docs
            .iter()
            .zip(&cached)
            .filter(|(_, cached)| cached.is_none())
            .map(|(doc, _)| doc.text.clone())
            .collect();
        let bytes = missing.iter().map(String::len).sum();
        let ticket = self.next_ticket(bytes);
        let this = *self;
        analyser::analyse_each(missing, self.progress(ticket, bytes), move |results| {
            if !this.is_current(ticket) {
                return;
            }
            let mut results = results.into_iter();
            let parts: Vec<Arc<Analysed>> = docs
                .iter()
                .zip(cached)
                .map(|(doc, cached)| {
                    cached.unwrap_or_else(|| {
                        let analysis =
                            this.usable(results.next().unwrap_or(Ok(Analysis::default())));
                        let part = Arc::new(Analysed {
                            text: doc.text.clone(),
                            analysis,
                        });
                        this.cache.update_value(|cache| {
                            cache.insert(doc.id, part.clone());
                        });
                        part
                    })
                })
                .collect();
            let parts: Vec<(u64, String, &Analysed)> = docs
                .iter()
                .zip(&parts)
                .map(|(doc, part)| (doc.id, doc.title.clone(), part.as_ref()))
                .collect();
            let (combined, ranges) = workspace::combine(&parts);
            this.workspace.ranges.set(ranges);
            this.draft.set(combined.text.clone());
            this.busy.set(None);
            this.analysed.set(Arc::new(combined));
        });
    }

    /// A new request to show something, `bytes` long: the page says it is busy until
    /// the request is answered, and answers to earlier ones are dropped.
    fn next_ticket(&self, bytes: usize) -> u64 {
        self.ticket.update_value(|ticket| *ticket += 1);
        self.busy.set(Some(Busy { bytes, done: 0.0 }));
        self.ticket.get_value()
    }

    /// Shows how far the analysis asked for with `ticket`, of `bytes`, has got.
    fn progress(&self, ticket: u64, bytes: usize) -> impl Fn(f32) + 'static {
        let this = *self;
        move |done| {
            if this.is_current(ticket) {
                this.busy.set(Some(Busy { bytes, done }));
            }
        }
    }

    fn is_current(&self, ticket: u64) -> bool {
        self.ticket.try_get_value() == Some(ticket)
    }

    /// The analysis, or none with the reason said, so the text is still shown.
    fn usable(&self, result: Result<Analysis, String>) -> Analysis {
        result.unwrap_or_else(|why| {
            self.notice.set(Some(Notice::Error(format!(
                "This text could not be analysed ({why}); it is shown without highlights."
            ))));
            Analysis::default()
        })
    }

    fn cancel_pending(&self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}

/// What became of the documents of an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    /// Documents the workspace had no room for.
    pub left_out: usize,
    /// Titles cut to the limit.
    pub titles_cut: usize,
}

fn sample_notice() -> Notice {
    Notice::Info(
        "This is a fictional sample article. Paste your own text, or drop a .txt or .md file."
            .to_string(),
    )
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let article = Article::restore();
    provide_context(article);

    view! {
        <div class="page">
            <Masthead/>
            <main class="layout">
                <div class="main-column">
                    <DocumentList/>
                    <ArticleInput/>
                    <RelationMap/>
                    <ReadingView/>
                </div>
                <aside class="side-panel" aria-label="Summary of the article">
                    <Legend/>
                    <CountryList/>
                    <FigureList/>
                </aside>
            </main>
            <footer class="colophon">
                <p>
                    "Diplomap analyses text entirely in your browser. Nothing you paste or drop is uploaded."
                </p>
            </footer>
        </div>
    }
}
