use leptos::prelude::*;

use crate::state::Article;

/// "Copy link": a link that carries the document shown itself, so nothing is sent to a
/// server (`crate::state::share`). Beside the document's name, since it shares the
/// document rather than exporting what is shown.
#[component]
pub fn ShareLink() -> impl IntoView {
    let article = expect_context::<Article>();
    view! {
        <button
            type="button"
            class="button button-small button-quiet share-link"
            title="A link that carries this document itself: nothing is sent to a server"
            on:click=move |_| article.copy_link()
        >
            "Copy link"
        </button>
    }
}
