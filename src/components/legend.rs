use diplomap_app_core::present::group;
use diplomap_app_core::summary::label_counts;
use leptos::prelude::*;

use crate::state::Article;

/// One entry per entity type present, with its count. Each entry switches that type's
/// highlights off and on; a checkbox shows the type's name beside every mention, a cue
/// that does not depend on colour.
#[component]
pub fn Legend() -> impl IntoView {
    let article = expect_context::<Article>();
    let hidden = article.settings.hidden_labels;
    let counts = Memo::new(move |_| {
        article
            .panels
            .with(|current| label_counts(&current.analysis))
    });

    let entries = move || {
        counts
            .get()
            .into_iter()
            .map(|(label, count)| {
                let name = label.as_str();
                let shown = move || hidden.with(|hidden| !hidden.contains(&label));
                view! {
                    <li>
                        <button
                            type="button"
                            class="legend-entry"
                            class:legend-off=move || !shown()
                            data-label=name
                            aria-pressed=move || if shown() { "true" } else { "false" }
                            title=move || {
                                if shown() {
                                    format!("Hide {} highlights", label.description().to_ascii_lowercase())
                                } else {
                                    format!("Show {} highlights", label.description().to_ascii_lowercase())
                                }
                            }
                            on:click=move |_| article.settings.toggle_label(label)
                        >
                            <span class=format!("swatch ent ent-{}", name.to_ascii_lowercase()) aria-hidden="true">
                                "Aa"
                            </span>
                            <span class="legend-name">{label.description()}</span>
                            <span class="legend-code">{name}</span>
                            <span class="count">{group(count)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <section class="legend panel" aria-labelledby="legend-heading">
            <h2 id="legend-heading" class="section-title">"Legend"</h2>
            <Show
                when=move || counts.with(|counts| !counts.is_empty())
                fallback=|| view! { <p class="panel-empty">"No entities found yet."</p> }
            >
                <ul class="legend-list" aria-label="Legend: entity types found, with counts; press to hide or show">
                    {entries}
                </ul>
            </Show>
            <label class="chip-toggle">
                <input
                    type="checkbox"
                    prop:checked=move || article.settings.show_chips.get()
                    on:change:target=move |ev| article.settings.show_chips.set(ev.target().checked())
                />
                " Show type names in the text"
            </label>
        </section>
    }
}
