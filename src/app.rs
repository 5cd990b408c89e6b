//! The whole page: the layout of the components. The state is `crate::state`'s; each
//! piece of the page is one component under `components/`.

use leptos::prelude::*;

use crate::components::{
    article_input::ArticleInput, country_list::CountryList, document_list::DocumentList,
    figure_list::FigureList, legend::Legend, masthead::Masthead, reading_view::ReadingView,
    relation_map::RelationMap,
};
use crate::state::Article;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let article = Article::restore();
    provide_context(article);
    article.receive_shared_links();

    view! {
        <div class="page">
            <Masthead/>
            <main class="layout">
                <div class="main-column">
                    <DocumentList/>
                    <ArticleInput/>
                    <RelationMap/>
                    <ReadingView/>
                </div>
                <aside class="side-panel" aria-label="Summary of the article">
                    <Legend/>
                    <CountryList/>
                    <FigureList/>
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
