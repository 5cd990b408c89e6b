//! The whole page: the layout of the components. The state is `crate::state`'s; each
//! piece of the page is one component under `components/`.

use leptos::prelude::*;

use crate::components::{
    article_input::ArticleInput,
    country_list::CountryList,
    desk_tabs::{pane_class, DeskTabs},
    document_list::DocumentList,
    figure_list::FigureList,
    legend::Legend,
    masthead::Masthead,
    relation_map::RelationMap,
};
use crate::state::Article;

/// The whole page: the documents, then the reading desk: the article (read
/// highlighted, or edited) beside the map and the countries, which stay in view while
/// the text scrolls. A narrow screen shows one of the three at a time.
#[component]
pub fn App() -> impl IntoView {
    let article = Article::restore();
    provide_context(article);
    article.receive_shared_links();
    let pane = article.settings.pane;

    view! {
        <div class="page">
            // The highlighted article is focusable: following the link focuses it.
            <a class="skip-link" href="#reading">"Skip to the article"</a>
            <Masthead/>
            <main class="layout">
                <DocumentList/>
                <DeskTabs/>
                <div class=move || pane_class(pane.get())>
                    <ArticleInput/>
                    <div class="desk-side">
                        <RelationMap/>
                        <aside class="side-panel desk-countries" aria-label="Summary of the article">
                            <Legend/>
                            <CountryList/>
                            <FigureList/>
                        </aside>
                    </div>
                </div>
            </main>
            <footer class="colophon">
                <p>
                    "Diplomap analyses text entirely in your browser. Nothing you paste or drop is uploaded."
                </p>
            </footer>
        </div>
    }
}
