use leptos::prelude::*;

use crate::app::Article;
use crate::components::drop_zone::DropZone;
use crate::components::notice_bar::NoticeBar;

/// The article source: a text box (analysed as you type), a file drop zone and the
/// message line. Loading a file or the sample replaces the text; a rejected file
/// changes nothing.
#[component]
pub fn ArticleInput() -> impl IntoView {
    let article = expect_context::<Article>();
    let draft = article.draft;

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
                placeholder="Paste an English news article here\u{2026}"
                spellcheck="false"
                rows="7"
                prop:readOnly=move || article.workspace.view.get() == crate::workspace::View::All
                prop:value=move || draft.get()
                on:input:target=move |ev| article.edit(ev.target().value())
            ></textarea>
            <div class="input-foot">
                <DropZone/>
                <p class="input-stats" aria-live="off">{stats}</p>
            </div>
        </section>
    }
}

/// `12345` -> `12,345`.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let head = match digits.len() % 3 {
        0 => 3,
        rest => rest,
    };
    let mut out = String::from(&digits[..head]);
    for chunk in digits.as_bytes()[head..].chunks(3) {
        out.push(',');
        // ASCII digits.
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
    }
    out
}
