use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use diplomap_app_core::Limits;

use crate::components::article_input::{focus_soon, focus_text_box};
use crate::components::export_menu::ExportMenu;
use crate::components::share_link::ShareLink;
use crate::state::{Article, Notice};
use diplomap_app_core::workspace::View;

/// The workspace's documents as tabs: "All documents", then one per document (switch,
/// delete), a rename field and "Copy link" for the one shown, "New", the export row,
/// and the Undo notice of the last clear, replacement or delete (Ctrl+Z outside a text
/// field too).
/// Also takes text pasted anywhere outside an editable text field as a new document.
#[component]
pub fn DocumentList() -> impl IntoView {
    let article = expect_context::<Article>();
    let workspace = article.workspace;
    let renaming = RwSignal::new(false);

    let paste_handle = window_event_listener(ev::paste, move |event| {
        let in_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                let editable = "textarea:not([readonly]), input:not([readonly]), [contenteditable]";
                element.closest(editable).ok().flatten().is_some()
            });
        if in_field {
            return;
        }
        let Some(text) = event
            .clipboard_data()
            .and_then(|data| data.get_data("text/plain").ok())
        else {
            return;
        };
        if text.trim().is_empty() {
            return;
        }
        event.prevent_default();
        if !article.admits(text.len(), "The pasted text") {
            return;
        }
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let empty =
            article.current_id().is_some() && article.draft.with_untracked(|d| d.trim().is_empty());
        if empty {
            article.load(text, Some(Notice::Info("Pasted text loaded.".to_string())));
            article.settings.editing.set(false);
        } else if article.add_document(None, text).is_some() {
            article.notice.set(Some(Notice::Info(
                "Pasted as a new document: the one you were in is unchanged.".to_string(),
            )));
        }
    });
    on_cleanup(move || paste_handle.remove());

    // Ctrl+Z (Cmd+Z) outside a text field, which has an undo of its own.
    let undo_handle = window_event_listener(ev::keydown, move |event| {
        let undo_key = (event.ctrl_key() || event.meta_key())
            && !event.shift_key()
            && event.key().eq_ignore_ascii_case("z");
        // An emptied text box has nothing of its own to undo: a Clear is taken back.
        let in_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                let editable = "textarea:not([readonly]), input, [contenteditable]";
                let emptied = element
                    .dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .is_some_and(|text_box| text_box.value().is_empty());
                element.closest(editable).ok().flatten().is_some() && !emptied
            });
        if undo_key && !in_field && workspace.undo.with_untracked(|log| log.last().is_some()) {
            event.prevent_default();
            article.undo();
        }
    });
    on_cleanup(move || undo_handle.remove());
    // Focus goes back to the Rename button once the field is gone.
    let stop_renaming = move || {
        renaming.set(false);
        focus_soon(".doc-rename-button");
    };

    // Keyed by id and title: a rename or a new document re-renders its own tab only,
    // however many there are.
    let tabs = move || {
        workspace.docs.with(|docs| {
            docs.iter()
                .map(|doc| (doc.id, doc.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let tab = move |(id, title): (u64, String)| {
        let current = move || workspace.view.get() == View::Doc(id);
        let delete_label = format!("Delete \u{201c}{title}\u{201d}");
        let label = title.clone();
        view! {
            <li class="doc-item" class:doc-current=current data-doc-id=id.to_string()>
                <button
                    type="button"
                    class="doc-tab"
                    title=title.clone()
                    aria-current=move || if current() { "page" } else { "false" }
                    on:click=move |_| {
                        renaming.set(false);
                        article.switch(View::Doc(id));
                    }
                >
                    {label}
                </button>
                <button
                    type="button"
                    class="doc-delete"
                    aria-label=delete_label.clone()
                    title=delete_label
                    on:click=move |_| {
                        renaming.set(false);
                        article.delete(id);
                        focus_soon(".doc-undo-button");
                    }
                >
                    "\u{00d7}"
                </button>
            </li>
        }
    };

    let current_title = move || {
        let id = match workspace.view.get() {
            View::Doc(id) => id,
            View::All => return None,
        };
        workspace
            .docs
            .with(|docs| docs.get(id).map(|doc| (id, doc.title.clone())))
    };

    let commit = move |input: web_sys::HtmlInputElement| {
        if let Some((id, _)) = current_title() {
            article.rename(id, &input.value());
        }
        stop_renaming();
    };

    view! {
        <section class="workspace-panel" aria-labelledby="workspace-heading">
            <div class="panel-head">
                <h2 id="workspace-heading" class="section-title">
                    "Documents"
                    <span class="section-count">{move || workspace.docs.with(|docs| docs.len())}</span>
                </h2>
                <div class="doc-actions">
                    <button
                        type="button"
                        class="button button-quiet doc-new"
                        on:click=move |_| {
                            renaming.set(false);
                            if article.add_document(None, String::new()).is_some() {
                                focus_text_box();
                            }
                        }
                    >
                        "+ New"
                    </button>
                </div>
            </div>
            <ul class="doc-tabs" aria-label="Documents in this workspace">
                <li class="doc-item doc-item-all" class:doc-current=move || workspace.view.get() == View::All>
                    <button
                        type="button"
                        class="doc-tab doc-all"
                        aria-current=move || if workspace.view.get() == View::All { "page" } else { "false" }
                        on:click=move |_| {
                            renaming.set(false);
                            article.switch(View::All);
                        }
                    >
                        "All documents"
                    </button>
                </li>
                <For each=tabs key=|tab| tab.clone() children=tab/>
            </ul>
            <div class="doc-bar">
                {move || match (current_title(), renaming.get()) {
                    (Some((_, title)), true) => view! {
                        <form
                            class="doc-rename"
                            on:submit=move |event: ev::SubmitEvent| {
                                event.prevent_default();
                                let input = event
                                    .target()
                                    .and_then(|form| form.dyn_into::<web_sys::Element>().ok())
                                    .and_then(|form| form.query_selector("input").ok().flatten())
                                    .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok());
                                if let Some(input) = input {
                                    commit(input);
                                }
                            }
                        >
                            <input
                                class="doc-rename-input"
                                type="text"
                                aria-label="New name of the document"
                                maxlength=Limits::APP.title_chars.to_string()
                                value=title
                                on:keydown=move |event: ev::KeyboardEvent| {
                                    if event.key() == "Escape" {
                                        stop_renaming();
                                    }
                                }
                            />
                            <button type="submit" class="button button-small">"Save name"</button>
                            <button type="button" class="button button-small button-quiet" on:click=move |_| stop_renaming()>
                                "Cancel"
                            </button>
                        </form>
                    }
                    .into_any(),
                    (Some((_, title)), false) => view! {
                        <p class="doc-current-title">
                            <span class="doc-current-name">{title}</span>
                            <button
                                type="button"
                                class="button button-small button-quiet doc-rename-button"
                                on:click=move |_| {
                                    renaming.set(true);
                                    focus_soon(".doc-rename-input");
                                }
                            >
                                "Rename"
                            </button>
                            <ShareLink/>
                        </p>
                    }
                    .into_any(),
                    (None, _) => view! {
                        <p class="doc-current-title doc-all-note">
                            "Relations of every document on one map; each sentence names its document. Pick a document to edit it."
                        </p>
                    }
                    .into_any(),
                }}
                <ExportMenu/>
            </div>
        </section>
    }
}
