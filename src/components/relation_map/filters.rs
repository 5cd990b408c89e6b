//! The relation types present, each a checkbox that hides or shows its lines.

use std::collections::BTreeSet;

use diplomap_app_core::graph::{type_name, MapData};
use diplomap_extract::RelationType;
use leptos::prelude::*;

/// One checkbox per relation type present, with its line style and count.
#[component]
pub(super) fn TypeFilters(
    data: Memo<MapData>,
    hidden: RwSignal<BTreeSet<RelationType>>,
) -> impl IntoView {
    let entries = move || {
        data.with(MapData::types)
            .into_iter()
            .map(|(kind, count)| {
                view! {
                    <li>
                        <label class="type-filter" data-type=kind.as_str()>
                            <input
                                type="checkbox"
                                prop:checked=move || hidden.with(|hidden| !hidden.contains(&kind))
                                on:change:target=move |event| {
                                    let on = event.target().checked();
                                    hidden.update(|hidden| {
                                        if on {
                                            hidden.remove(&kind);
                                        } else {
                                            hidden.insert(kind);
                                        }
                                    })
                                }
                            />
                            <svg class=format!("type-swatch edge-{}", kind.as_str()) viewBox="0 0 28 10" aria-hidden="true">
                                <path class="edge-line" d="M1,7 Q14,0 27,7" stroke-width="2.5"></path>
                            </svg>
                            <span class="type-name">{type_name(kind)}</span>
                            <span class="count">{count}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || data.with(|data| !data.edges.is_empty())>
            <ul class="type-filters" aria-label="Relation types: untick to hide">
                {entries}
            </ul>
        </Show>
    }
}
