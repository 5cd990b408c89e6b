use diplomap_app_core::present::human_size;
use leptos::prelude::*;

use crate::components::article_input::focus_soon;
use crate::state::{Article, Notice};
use crate::store::KeptCopy;

/// The messages above the article: where the workspace's store stands while it does
/// not save as it changes (restoring it, or not saving at all), the latest message
/// about the article (a loaded file, the sample, a refused file or paste, a failed
/// save, a damaged workspace), the Undo of the last clear, replacement or delete, and
/// the copies a restore kept aside, to download.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let article = expect_context::<Article>();
    let notice = article.notice;
    let status = article.store.status;

    view! {
        <div class="notice-slot" role="status" aria-live="polite">
            {move || status.get().map(|current| line(current, "store-status", None))}
            {move || article.places.get().map(|current| line(current, "places-status", None))}
            {move || notice.get().map(|current| line(current, "", Some(notice)))}
            <Show when=move || article.workspace.offer_undo.get() && article.undo_label().is_some()>
                <p class="notice doc-undo">
                    <span>{move || article.undo_label()}</span>
                    <button type="button" class="button button-small doc-undo-button" on:click=move |_| {
                        article.undo();
                        focus_soon(".doc-current .doc-tab");
                    }>
                        "Undo"
                    </button>
                    <button
                        type="button"
                        class="notice-dismiss"
                        aria-label="Dismiss"
                        on:click=move |_| article.workspace.offer_undo.set(false)
                    >
                        "\u{00d7}"
                    </button>
                </p>
            </Show>
            {move || {
                article.store.kept.get().into_iter().map(|copy| kept_copy(article, copy)).collect_view()
            }}
        </div>
    }
}

/// One message; `dismiss` is the signal it is taken from, when it can be dismissed.
fn line(
    current: Notice,
    class: &'static str,
    dismiss: Option<RwSignal<Option<Notice>>>,
) -> impl IntoView {
    let is_error = current.is_error();
    view! {
        <p class=format!("notice {class}") class:notice-error=is_error>
            <span class="notice-kind">{if is_error { "Problem" } else { "Note" }}</span>
            <span class="notice-text">{current.text().to_string()}</span>
            {dismiss.map(|notice| view! {
                <button
                    type="button"
                    class="notice-dismiss"
                    aria-label="Dismiss message"
                    on:click=move |_| notice.set(None)
                >
                    "\u{00d7}"
                </button>
            })}
        </p>
    }
}

/// A copy kept aside: download it, or delete it (a second click confirms).
fn kept_copy(article: Article, copy: KeptCopy) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let id = copy.id;
    view! {
        <p class="notice notice-error kept-copy" data-kept=id.to_string()>
            <span class="notice-kind">"Kept"</span>
            <span class="notice-text">
                {format!(
                    "A copy of {}, {}, is kept in this browser\u{2019}s database.",
                    copy.what,
                    human_size(copy.bytes as f64)
                )}
            </span>
            <button type="button" class="button button-small kept-download" on:click=move |_| article.download_kept(id)>
                "Download"
            </button>
            <button
                type="button"
                class="button button-small button-quiet kept-delete"
                on:click=move |_| {
                    if confirming.get_untracked() {
                        article.delete_kept(id);
                    } else {
                        confirming.set(true);
                    }
                }
            >
                {move || if confirming.get() { "Delete for good" } else { "Delete" }}
            </button>
        </p>
    }
}
