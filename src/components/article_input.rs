use diplomap_app_core::doc::paste_opens_new_document;
use diplomap_app_core::present::group;
use diplomap_app_core::workspace::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analyser::WORKER_MIN_BYTES;
use crate::components::drop_zone::DropZone;
use crate::components::notice_bar::NoticeBar;
use crate::components::reading_view::ReadingView;
use crate::state::{Article, Busy, Notice};

/// The longest text the box holds for editing. Browsers lay out a text box's whole
/// content at once: a 5 MB one freezes the page for a second. A longer document is
/// read in the reading view only, and the box says so.
pub const EDIT_LIMIT_BYTES: usize = 512 * 1024;

/// The article: read (highlighted, the reading view) or edited (a text box analysed as
/// you type, and a file drop zone), one or the other; and the message line. Loading
/// the sample or clearing can be undone; a rejected file changes nothing; a whole
/// article pasted into a document with text opens as a new document.
#[component]
pub fn ArticleInput() -> impl IntoView {
    let article = expect_context::<Article>();
    let draft = article.draft;
    let too_long = Memo::new(move |_| draft.with(|text| text.len() > EDIT_LIMIT_BYTES));
    let placeholder = move || {
        if too_long.get() {
            let size = draft.with(|text| group(text.chars().count()));
            format!("This document ({size} characters) is too long to edit here; Read shows it in full. Paste or drop to add another.")
        } else {
            "Paste an English news article here\u{2026}".to_string()
        }
    };

    let stats = move || {
        draft.with(|text| {
            let words = text.split_whitespace().count();
            format!(
                "{} words \u{00b7} {} characters",
                group(words),
                group(text.chars().count())
            )
        })
    };

    let editing = article.settings.editing;
    view! {
        // Read or Edit: the class shows one of the two (style/desk.css).
        <section
            class=move || if editing.get() { "input-panel editing" } else { "input-panel reading-mode" }
            aria-labelledby="input-heading"
        >
            <div class="panel-head">
                <h2 id="input-heading" class="section-title">"Article"</h2>
                <div class="panel-actions">
                    <button
                        type="button"
                        class="button mode-edit"
                        aria-pressed=move || editing.get().to_string()
                        on:click=move |_| {
                            editing.update(|editing| *editing = !*editing);
                            if editing.get_untracked() {
                                focus_text_box();
                            }
                        }
                    >
                        "Edit"
                    </button>
                    <button
                        type="button"
                        class="button button-quiet article-sample"
                        on:click=move |_| article.load_sample()
                    >
                        "Load sample"
                    </button>
                    <button
                        type="button"
                        class="button button-quiet article-clear"
                        on:click=move |_| {
                            article.clear();
                            focus_text_box();
                        }
                    >
                        "Clear"
                    </button>
                </div>
            </div>
            <NoticeBar/>
            <div class="article-editor">
            <textarea
                id="article-text"
                class="article-text"
                aria-label="Article text: paste or type an English news article"
                placeholder=placeholder
                spellcheck="false"
                rows="7"
                readonly=move || (article.workspace.view.get() == View::All || too_long.get()).then_some("")
                prop:value=move || if too_long.get() { String::new() } else { draft.get() }
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    if article.admits(value.len(), "The text") {
                        article.edit(value);
                    } else {
                        // Out of the box before the browser lays it out.
                        ev.target().set_value(&draft.with_untracked(|text| if text.len() > EDIT_LIMIT_BYTES { String::new() } else { text.clone() }));
                    }
                }
                on:paste=move |ev| paste(article, ev)
            ></textarea>
            <p class="paste-rule">
                "Pasting a whole article into a document that has text opens it as a new document; Clear and delete can be undone (Ctrl+Z)."
            </p>
            <div class="input-foot">
                <DropZone/>
                {move || match article.busy.get().filter(|busy| busy.bytes >= WORKER_MIN_BYTES) {
                    Some(busy) => analysing(busy).into_any(),
                    None => view! { <p class="input-stats" aria-live="off">{stats}</p> }.into_any(),
                }}
            </div>
            </div>
            <ReadingView/>
        </section>
    }
}

/// Puts the cursor in the text box, once it is shown.
pub fn focus_text_box() {
    focus_soon("#article-text");
}

/// Focuses the element `selector` finds once the page has drawn the change under way
/// (focus is never left on an element that goes away).
pub fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        let element = document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// How far the analysis of a long text has got.
fn analysing(busy: Busy) -> impl IntoView {
    let percent = (busy.done.clamp(0.0, 1.0) * 100.0).round() as u32;
    view! {
        <p class="analysing" role="status">
            <span>{format!("Analysing the text\u{2026} {percent}%")}</span>
            <progress max="100" value=percent.to_string() aria-label="Analysis of the text"></progress>
        </p>
    }
}

/// A paste: a different article (a long paste into a document with text) opens as a
/// new document; one too long for the box goes straight into the document, where the
/// box's selection was, without ever being laid out in the box.
fn paste(article: Article, event: web_sys::ClipboardEvent) {
    let Some(pasted) = event
        .clipboard_data()
        .and_then(|data| data.get_data("text/plain").ok())
    else {
        return;
    };
    let opens_new = article.current_id().is_some()
        && article
            .draft
            .with_untracked(|draft| paste_opens_new_document(draft, &pasted));
    if opens_new {
        event.prevent_default();
        if article.admits(pasted.len(), "The pasted text") {
            let pasted = pasted.replace("\r\n", "\n").replace('\r', "\n");
            if article.add_document(None, pasted).is_some() {
                article.settings.editing.set(false);
                article.notice.set(Some(Notice::Info(
                    "Pasted as a new document: the one you were in is unchanged.".to_string(),
                )));
            }
        }
        return;
    }
    if pasted.len() <= EDIT_LIMIT_BYTES {
        return;
    }
    if !article.admits(pasted.len(), "The pasted text") {
        return event.prevent_default();
    }
    let Some(textarea) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    event.prevent_default();
    let value = textarea.value();
    let at = |offset: Option<u32>| byte_offset(&value, offset.unwrap_or(0) as usize);
    let (start, end) = (
        at(textarea.selection_start().ok().flatten()),
        at(textarea.selection_end().ok().flatten()),
    );
    let pasted = pasted.replace("\r\n", "\n").replace('\r', "\n");
    let (before, after) = (&value[..start.min(end)], &value[end.max(start)..]);
    article.edit(format!("{before}{pasted}{after}"));
}

/// The byte offset of UTF-16 offset `units` in `text` (what the DOM counts in).
pub fn byte_offset(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (index, ch) in text.char_indices() {
        if seen >= units {
            return index;
        }
        seen += ch.len_utf16();
    }
    text.len()
}
