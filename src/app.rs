//! The app's state (a plain domain type with signals, shared through context) and the
//! top-level layout. Each piece of the page is one component under `components/`.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use diplomap_extract::{analyze, Analysis, CountryCode, Label};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;

use crate::components::{
    article_input::ArticleInput, country_list::CountryList, legend::Legend, masthead::Masthead,
    reading_view::ReadingView, relation_map::RelationMap,
};
use crate::sample::SAMPLE_ARTICLE;

/// How long typing must pause before the article is analysed again.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Where the current article is kept between visits (it never leaves the browser).
pub const STORAGE_KEY: &str = "diplomap.article.v1";

/// One analysed text: the text and what the core found in it, always kept together so
/// the byte offsets in `analysis` always index `text`.
#[derive(Debug, Default, PartialEq)]
pub struct Analysed {
    pub text: String,
    pub analysis: Analysis,
}

impl Analysed {
    pub fn new(text: String) -> Self {
        let analysis = analyze(&text);
        Analysed { text, analysis }
    }
}

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
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Article {
    /// An article holding `text`, analysed at once.
    pub fn new(text: String) -> Self {
        Article {
            draft: RwSignal::new(text.clone()),
            analysed: RwSignal::new(Arc::new(Analysed::new(text))),
            notice: RwSignal::new(None),
            hidden_labels: RwSignal::new(BTreeSet::new()),
            show_chips: RwSignal::new(false),
            focus: RwSignal::new(None),
            pending: StoredValue::new(None),
        }
    }

    /// The article from the last visit, or the sample on the first one.
    pub fn restore() -> Self {
        match load_saved() {
            Some(text) => Article::new(text),
            None => {
                let article = Article::new(SAMPLE_ARTICLE.to_string());
                article.notice.set(Some(sample_notice()));
                article
            }
        }
    }

    /// The reader typed: keep the text, analyse once typing pauses.
    pub fn edit(&self, text: String) {
        self.draft.set(text);
        self.cancel_pending();
        let this = *self;
        let handle = set_timeout_with_handle(move || this.analyse_draft(), DEBOUNCE);
        self.pending.set_value(handle.ok());
    }

    /// Replaces the article (file, sample, clear) and analyses it at once.
    pub fn load(&self, text: String, notice: Option<Notice>) {
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
        save(&text);
        self.focus.set(None);
        self.analysed.set(Arc::new(Analysed::new(text)));
    }

    fn cancel_pending(&self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}

fn sample_notice() -> Notice {
    Notice::Info(
        "This is a fictional sample article. Paste your own text, or drop a .txt or .md file."
            .to_string(),
    )
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn load_saved() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Remembers the article in this browser; a full quota only means it is not remembered.
fn save(text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, text);
    }
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
                    <ArticleInput/>
                    <RelationMap/>
                    <ReadingView/>
                </div>
                <aside class="side-panel" aria-label="Summary of the article">
                    <Legend/>
                    <CountryList/>
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
