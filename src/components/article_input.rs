use diplomap_app_core::present::{group, human_size};
use diplomap_app_core::workspace::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::analyser::WORKER_MIN_BYTES;
use crate::components::drop_zone::DropZone;
use crate::components::notice_bar::NoticeBar;
use crate::state::{Article, Busy};

/// The longest text the box holds for editing. Browsers lay out a text box's whole
/// content at once: a 5 MB one freezes the page for a second. A longer document is
/// read in the reading view only, and the box says so.
pub const EDIT_LIMIT_BYTES: usize = 512 * 1024;

/// The article source: a text box (analysed as you type), a file drop zone and the
/// message line. Loading a file or the sample replaces the text; a rejected file
/// changes nothing.
#[component]
pub fn ArticleInput() -> impl IntoView {
    let article = expect_context::<Article>();
    let draft = article.draft;
    let too_long = Memo::new(move |_| draft.with(|text| text.len() > EDIT_LIMIT_BYTES));
    let placeholder = move || {
        if too_long.get() {
            let size = draft.with(|text| human_size(text.len() as f64));
            format!("This document ({size}) is too long to edit here; it is shown in full below. Paste or drop to add another.")
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

    view! {
        <section class="input-panel" aria-labelledby="input-heading">
            <div class="panel-head">
                <h2 id="input-heading" class="section-title">"Article"</h2>
                <div class="panel-actions">
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=move |_| article.load_sample()
                    >
                        "Load sample"
                    </button>
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=move |_| article.load(String::new(), None)
                    >
                        "Clear"
                    </button>
                </div>
            </div>
            <NoticeBar/>
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
                on:paste=move |ev| paste_long_text(article, ev)
            ></textarea>
            <div class="input-foot">
                <DropZone/>
                {move || match article.busy.get().filter(|busy| busy.bytes >= WORKER_MIN_BYTES) {
                    Some(busy) => analysing(busy).into_any(),
                    None => view! { <p class="input-stats" aria-live="off">{stats}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// How far the analysis of a long text has got.
fn analysing(busy: Busy) -> impl IntoView {
    let percent = (busy.done.clamp(0.0, 1.0) * 100.0).round() as u32;
    let size = human_size(busy.bytes as f64);
    view! {
        <p class="analysing" role="status">
            <span>{format!("Analysing {size}\u{2026} {percent}%")}</span>
            <progress max="100" value=percent.to_string() aria-label="Analysis of the text"></progress>
        </p>
    }
}

/// A paste too long for the box goes straight into the document, where the box's
/// selection was, without ever being laid out in the box.
fn paste_long_text(article: Article, event: web_sys::ClipboardEvent) {
    let Some(pasted) = event
        .clipboard_data()
        .and_then(|data| data.get_data("text/plain").ok())
    else {
        return;
    };
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
