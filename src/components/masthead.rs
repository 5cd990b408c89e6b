use leptos::prelude::*;

/// The page header: product name and what it does, in one line.
#[component]
pub fn Masthead() -> impl IntoView {
    view! {
        <header class="masthead">
            <div class="masthead-inner">
                <h1 class="brand">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Diplomap"
                </h1>
                <p class="tagline">
                    "People, places, money and dates in the news \u{2014} and the countries behind them."
                </p>
                <p class="privacy-badge">"Runs in your browser \u{00b7} nothing is uploaded"</p>
            </div>
        </header>
    }
}
