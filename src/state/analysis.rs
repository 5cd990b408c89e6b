//! Texts analysed and shown: typing analysed once it pauses, a paste or a file at once,
//! a long text in the worker (`crate::analyser`) with its progress, answers that come
//! back after a newer request dropped, and each document's last analysis kept for "All
//! documents".

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use diplomap_app_core::workspace::{self, View};
use diplomap_app_core::Analysed;
use diplomap_extract::Analysis;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use super::notice::sample_notice;
use super::{Article, Notice};
use crate::analyser;
use crate::sample::SAMPLE_ARTICLE;

/// How long typing must pause before the article is analysed again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// An edit changing the text by more than this many bytes is a paste or a drop, and
/// is analysed without waiting for typing to pause.
pub const PASTE_BYTES: usize = 4096;

/// An analysis under way: of how many bytes, and the share of it done.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Busy {
    pub bytes: usize,
    pub done: f32,
}

/// The requests to analyse: typing that waits for a pause, which request is the latest,
/// and each document's last analysis.
#[derive(Clone, Copy)]
pub(super) struct Requests {
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Counts requests to show something: an analysis that comes back after a newer
    /// request is dropped.
    ticket: StoredValue<u64>,
    /// Each document's last analysis, so "All documents" analyses only what changed.
    cache: StoredValue<BTreeMap<u64, Arc<Analysed>>>,
}

impl Default for Requests {
    fn default() -> Self {
        Requests {
            pending: StoredValue::new(None),
            ticket: StoredValue::new(0),
            cache: StoredValue::new(BTreeMap::new()),
        }
    }
}

impl Article {
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
        self.requests.pending.set_value(handle.ok());
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
        self.replace_text(SAMPLE_ARTICLE.to_string(), Some(sample_notice()));
    }

    /// Analyses the draft now, unless it already is the analysed text.
    pub fn analyse_draft(&self) {
        self.requests.pending.set_value(None);
        let text = self.draft.get_untracked();
        if self.analysed.with_untracked(|current| current.text == text) {
            return;
        }
        self.analyse_text(text);
    }

    /// Listens for the second tier (`crate::analyser`): once it is loaded, what is
    /// shown is analysed again with it (the documents are not touched, so nothing is
    /// saved); if it cannot be, a quiet line says so and the first tier goes on.
    pub(super) fn follow_tier(&self) {
        let this = *self;
        analyser::on_tier(move |outcome| match outcome {
            Ok(()) => this.analyse_again(),
            Err(why) => {
                let line = format!(
                    "The full lists of places, companies and people could not be loaded \
                     ({why}): small towns and some names are not recognised in this visit."
                );
                this.places.try_set(Some(Notice::Info(line)));
            }
        });
    }

    /// Analyses what is shown again, every document anew.
    fn analyse_again(&self) {
        self.requests.cache.update_value(BTreeMap::clear);
        match self.workspace.view.get_untracked() {
            View::All => self.show_all(),
            View::Doc(_) => {
                self.cancel_pending();
                self.analyse_text(self.draft.get_untracked());
            }
        }
    }

    /// Analyses `text`, the draft, and shows it; the document shown takes it.
    fn analyse_text(&self, text: String) {
        self.settings.focus.set(None);
        self.show(self.current_id(), text.clone());
        if let Some(id) = self.current_id() {
            self.workspace.docs.update(|docs| {
                let _ = docs.set_text(id, text);
            });
        }
    }

    /// Whether typing waits to be analysed (and saved).
    pub(super) fn has_pending_typing(&self) -> bool {
        self.requests
            .pending
            .try_with_value(Option::is_some)
            .unwrap_or(false)
    }

    /// A document's cached analysis follows it to its new id.
    pub(super) fn rekey_cache(&self, from: u64, to: u64) {
        self.requests.cache.update_value(|cache| {
            if let Some(analysed) = cache.remove(&from) {
                cache.insert(to, analysed);
            }
        });
    }

    /// Analyses `text` (the text of document `id`, if it is one) and shows it when
    /// done, unless something else was asked for meanwhile.
    pub(super) fn show(&self, id: Option<u64>, text: String) {
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
                this.requests.cache.update_value(|cache| {
                    cache.insert(id, analysed.clone());
                });
            }
            this.busy.set(None);
            this.show_analysed(analysed);
        });
    }

    /// Shows every document together once each is analysed; documents unchanged since
    /// they were last shown are not analysed again.
    pub(super) fn show_all(&self) {
        let docs = self.workspace.docs.get_untracked();
        let cached: Vec<Option<Arc<Analysed>>> = self.requests.cache.with_value(|cache| {
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
                        this.requests.cache.update_value(|cache| {
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
            this.show_analysed(Arc::new(combined));
        });
    }

    /// Shows `analysed`, unless it is what is shown already (the second tier found
    /// nothing new in it): the page then stays as it is.
    fn show_analysed(&self, analysed: Arc<Analysed>) {
        // What is shown while the workspace is restored is a placeholder: the second
        // tier waits for the restored workspace (re-analysing with it would otherwise
        // write the placeholder's text into its document).
        if !self.store.is_restoring() {
            analyser::shown();
        }
        if self
            .analysed
            .with_untracked(|current| **current != *analysed)
        {
            self.analysed.set(analysed);
            self.panels_after_paint();
        }
    }

    /// The panels (`Article::panels`) take what the article shows once its frame is
    /// drawn: the next animation frame, then a task of their own after it.
    fn panels_after_paint(&self) {
        let this = *self;
        request_animation_frame(move || {
            set_timeout(
                move || {
                    let Some(latest) = this.analysed.try_get_untracked() else {
                        return;
                    };
                    if !this
                        .panels
                        .with_untracked(|shown| Arc::ptr_eq(shown, &latest))
                    {
                        this.panels.set(latest);
                    }
                },
                Duration::ZERO,
            );
        });
    }

    /// A new request to show something, `bytes` long: the page says it is busy until
    /// the request is answered, and answers to earlier ones are dropped.
    fn next_ticket(&self, bytes: usize) -> u64 {
        self.requests.ticket.update_value(|ticket| *ticket += 1);
        self.busy.set(Some(Busy { bytes, done: 0.0 }));
        self.requests.ticket.get_value()
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
        self.requests.ticket.try_get_value() == Some(ticket)
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

    pub(super) fn cancel_pending(&self) {
        if let Some(handle) = self
            .requests
            .pending
            .try_update_value(Option::take)
            .flatten()
        {
            handle.clear();
        }
    }
}
