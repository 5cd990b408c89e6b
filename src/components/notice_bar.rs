use leptos::prelude::*;

use crate::app::Article;

/// The latest message about the article: a note (a loaded file, the sample) or a
/// problem (a refused file or paste, a failed save, a damaged workspace).
#[component]
pub fn NoticeBar() -> impl IntoView {
    let article = expect_context::<Article>();
    let notice = article.notice;

    view! {
        <div class="notice-slot" role="status" aria-live="polite">
            {move || {
                notice
                    .get()
                    .map(|current| {
                        let is_error = current.is_error();
                        view! {
                            <p class="notice" class:notice-error=is_error>
                                <span class="notice-kind">
                                    {if is_error { "Problem" } else { "Note" }}
                                </span>
                                <span class="notice-text">{current.text().to_string()}</span>
                                <button
                                    type="button"
                                    class="notice-dismiss"
                                    aria-label="Dismiss message"
                                    on:click=move |_| notice.set(None)
                                >
                                    "\u{00d7}"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}
