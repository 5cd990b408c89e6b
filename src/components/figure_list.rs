use diplomap_app_core::present::group;
use diplomap_app_core::summary::{figure_count, figures};
use leptos::prelude::*;

use crate::state::Article;

/// The most figures listed; a long article says how many more there are.
pub const FIGURES_SHOWN: usize = 40;

/// The money and percentages of the article in text order, each in its context; a
/// click shows it in the text.
#[component]
pub fn FigureList() -> impl IntoView {
    let article = expect_context::<Article>();
    // Plain closures, not a memo: cheap to run again, and lighter in the download.
    let found = move || {
        article
            .panels
            .with(|current| figures(current, FIGURES_SHOWN))
    };

    let list = move || {
        let (shown, total) = found();
        if shown.is_empty() {
            return view! { <p class="panel-empty">"No sums of money or percentages found yet."</p> }.into_any();
        }
        let more = total - shown.len();
        let rows = shown
            .into_iter()
            .map(|figure| {
                let span = figure.span;
                let context = format!("{}{}{}", figure.before, figure.text, figure.after);
                view! {
                    <li>
                        <button type="button" class="figure" on:click=move |_| article.revealing.set(Some(span))>
                            <span class="figure-value">{figure.value}</span>
                            <span class="figure-context">{context}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ol class="figure-list" aria-label="Money and percentages, in the order of the text; press one to show it in the text">
                {rows}
            </ol>
            <p class="panel-hint">{(more > 0).then(|| format!("and {} more", group(more)))}</p>
        }
        .into_any()
    };

    view! {
        <section class="figures panel" aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="section-title">
                "Money and percentages"
                <span class="section-count">{move || group(article.panels.with(|current| figure_count(current)))}</span>
            </h2>
            {list}
        </section>
    }
}
