//! The relation types present, each a checkbox that hides or shows its lines, and the
//! least confidence a line needs to be drawn.

use std::collections::BTreeSet;

use diplomap_app_core::graph::{passes, type_name, MapData, CONFIDENCE_STEPS, DEFAULT_CONFIDENCE};
use diplomap_extract::RelationType;
use leptos::prelude::*;

/// One checkbox per relation type present, with its line style and count; then the
/// confidence threshold, a slider over `CONFIDENCE_STEPS`.
#[component]
pub(super) fn TypeFilters(
    data: Memo<MapData>,
    hidden: RwSignal<BTreeSet<RelationType>>,
    threshold: RwSignal<f64>,
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
    let below = move || {
        let threshold = threshold.get();
        data.with(|data| {
            data.edges
                .iter()
                .filter(|edge| !passes(edge, threshold))
                .count()
        })
    };
    let (lowest, highest) = (
        CONFIDENCE_STEPS[0],
        CONFIDENCE_STEPS[CONFIDENCE_STEPS.len() - 1],
    );
    view! {
        <Show when=move || data.with(|data| !data.edges.is_empty())>
            <ul class="type-filters" aria-label="Relation types: untick to hide">
                {entries}
            </ul>
            <div class="confidence-filter">
                <label for="confidence-threshold">
                    "Confidence at least "
                    <strong class="confidence-value">{move || format!("{:.1}", threshold.get())}</strong>
                </label>
                <input
                    id="confidence-threshold"
                    type="range"
                    min=lowest.to_string()
                    max=highest.to_string()
                    step="0.1"
                    prop:value=move || format!("{:.1}", threshold.get())
                    aria-valuetext=move || format!("{:.1}", threshold.get())
                    on:input:target=move |event| {
                        // The browser's number: parsing it here would bring a float
                        // parser and its tables into the download.
                        let value = event.target().value_as_number();
                        if value.is_finite() {
                            threshold.set(value.clamp(lowest, highest));
                        }
                    }
                />
                <span class="confidence-note">
                    {move || match below() {
                        0 => format!("Lines under {DEFAULT_CONFIDENCE:.1} are faint."),
                        count => format!(
                            "{count} less sure line{} hidden; lines under {DEFAULT_CONFIDENCE:.1} are faint.",
                            if count == 1 { "" } else { "s" }
                        ),
                    }}
                </span>
            </div>
        </Show>
    }
}
