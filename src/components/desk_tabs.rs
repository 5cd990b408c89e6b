//! On a narrow screen the reading desk shows one part at a time: the text, the map or
//! the countries, one tap apart. (A wide screen shows them side by side and hides this.)

use leptos::prelude::*;

use crate::state::{Article, Pane};

/// The Text / Map / Countries switch.
#[component]
pub fn DeskTabs() -> impl IntoView {
    let pane = expect_context::<Article>().settings.pane;
    let tab = move |which: Pane, label: &'static str| {
        view! {
            <button
                type="button"
                class="desk-tab"
                data-pane=label
                aria-pressed=move || (pane.get() == which).to_string()
                on:click=move |_| {
                    pane.set(which);
                    to_the_start();
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="desk-tabs" aria-label="Show">
            {tab(Pane::Text, "Text")}
            {tab(Pane::Map, "Map")}
            {tab(Pane::Countries, "Countries")}
        </nav>
    }
}

/// Once the switch sticks to the top of the screen, the part shown starts under it
/// rather than wherever the page was scrolled to.
fn to_the_start() {
    let Some(tabs) = document().query_selector(".desk-tabs").ok().flatten() else {
        return;
    };
    if tabs.get_bounding_client_rect().top() > 0.5 {
        return;
    }
    if let Some(desk) = document().query_selector(".desk").ok().flatten() {
        desk.scroll_into_view();
    }
}

/// The desk's class for the part shown on a narrow screen.
pub fn pane_class(pane: Pane) -> &'static str {
    match pane {
        Pane::Text => "desk show-text",
        Pane::Map => "desk show-map",
        Pane::Countries => "desk show-countries",
    }
}
