use diplomap_app_core::present::group;
use diplomap_app_core::summary::country_summaries;
use leptos::prelude::*;

use crate::state::Article;

/// The countries found, most mentioned first. Pressing one emphasises its mentions in
/// the reading view.
#[component]
pub fn CountryList() -> impl IntoView {
    let article = expect_context::<Article>();
    let focus = article.settings.focus;
    let countries = Memo::new(move |_| article.panels.with(|current| country_summaries(current)));

    let rows = move || {
        let countries = countries.get();
        let most = countries.first().map_or(1, |top| top.count.max(1));
        countries
            .into_iter()
            .map(|country| {
                let code = country.code;
                let selected = move || focus.get() == Some(code);
                let share = format!("{:.1}%", country.count as f64 * 100.0 / most as f64);
                let names = country
                    .names
                    .iter()
                    .map(|(name, count)| {
                        if *count > 1 {
                            format!("{name} \u{00d7}{count}")
                        } else {
                            name.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <li class="country" data-country=code.as_str().to_string()>
                        <button
                            type="button"
                            class="country-button"
                            class:country-selected=selected
                            aria-pressed=move || if selected() { "true" } else { "false" }
                            on:click=move |_| article.settings.toggle_focus(code)
                        >
                            <span class="country-line">
                                <span class="country-name">{country.name.clone()}</span>
                                <span class="country-code">{code.as_str().to_string()}</span>
                                <span class="count">
                                    {group(country.count)}
                                    <span class="visually-hidden">{if country.count == 1 { " mention" } else { " mentions" }}</span>
                                </span>
                            </span>
                            <span class="bar" aria-hidden="true">
                                <span class="bar-fill" style:width=share></span>
                            </span>
                            <span class="country-names">{names}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="countries panel" aria-labelledby="countries-heading">
            <h2 id="countries-heading" class="section-title">
                "Countries"
                <span class="section-count">{move || countries.with(Vec::len)}</span>
            </h2>
            <Show
                when=move || countries.with(|countries| !countries.is_empty())
                fallback=|| {
                    view! {
                        <p class="panel-empty">
                            "No countries found yet. Names of countries, capitals, leaders and nationalities count as mentions."
                        </p>
                    }
                }
            >
                <ol class="country-list" aria-label="Countries mentioned, most mentioned first">
                    {rows}
                </ol>
            </Show>
            <p class="panel-hint">"Select a country to emphasise its mentions in the text."</p>
        </section>
    }
}
