//! The sentences behind the line or the country under the pointer or focus, or kept by
//! a click, with the cue words that typed the line marked; each opens the text (or its
//! document) at that sentence.

use diplomap_app_core::graph::{display_name, type_name, MapData, Target};
use diplomap_app_core::workspace::{range_of, View};
use diplomap_extract::{RelationType, Span};

/// A sentence as runs of text, each a cue word of a type or the text between.
type Runs = Vec<(String, Option<RelationType>)>;
use leptos::either::Either;
use leptos::prelude::*;

use crate::state::Article;

/// The sentences behind the line or country under the pointer or focus.
#[component]
pub(super) fn EvidencePanel(
    data: Memo<MapData>,
    shown: Memo<Option<Target>>,
    pinned: RwSignal<Option<Target>>,
) -> impl IntoView {
    let body = move || {
        let data = data.get();
        match shown.get() {
            None => view! {
                <p class="evidence-hint">
                    {if data.edges.is_empty() {
                        "No relations between countries were found in this article. Countries are shaded by how often they are mentioned."
                    } else {
                        "Point at or tab to a line or a country to read the sentences behind it; click to keep it here. Lines are coloured by the strongest type; arrows show who acts on whom; thicker lines have more evidence."
                    }}
                </p>
            }
            .into_any(),
            Some(Target::Edge(a, b)) => {
                let Some(edge) = data.edges.iter().find(|edge| edge.a == a && edge.b == b) else {
                    return ().into_any();
                };
                let sentences = edge
                    .evidence
                    .iter()
                    .zip(&edge.marked)
                    .map(|((span, _), runs)| (*span, None, runs.clone()))
                    .collect();
                view! {
                    <div class="evidence-head">
                        <h3 class="evidence-title">{edge.title()}</h3>
                        <ul class="evidence-types">
                            {edge.types.iter().map(|kind| view! {
                                <li class=format!("type-chip edge-{}", kind.as_str())>{type_name(*kind)}</li>
                            }).collect_view()}
                        </ul>
                        <p class="evidence-amounts">
                            {format!("Confidence {:.2}", edge.confidence)}
                            {(!edge.amounts.is_empty()).then(|| format!(" \u{00b7} {}", edge.amounts.join(" \u{00b7} ")))}
                        </p>
                    </div>
                    {sentence_list(sentences)}
                }
                .into_any()
            }
            Some(Target::Country(code)) => {
                let Some(node) = data.node(code) else { return ().into_any() };
                let mut sentences: Vec<(Span, Option<String>, Runs)> = Vec::new();
                for edge in data.edges.iter().filter(|edge| edge.involves(code)) {
                    let other = if edge.a == code { edge.b } else { edge.a };
                    for ((span, _), text) in edge.evidence.iter().zip(&edge.marked) {
                        match sentences.iter_mut().find(|(seen, _, _)| seen == span) {
                            Some((_, Some(partners), _)) => {
                                partners.push_str(", ");
                                partners.push_str(&display_name(other));
                            }
                            _ => sentences.push((*span, Some(display_name(other)), text.clone())),
                        }
                    }
                }
                sentences.sort_by_key(|(span, _, _)| *span);
                let relations = data.relations_of(code);
                view! {
                    <div class="evidence-head">
                        <h3 class="evidence-title">{node.name.clone()}</h3>
                        <p class="evidence-amounts">
                            {format!(
                                "{} mention{} \u{00b7} {} relation{}",
                                node.count,
                                if node.count == 1 { "" } else { "s" },
                                relations,
                                if relations == 1 { "" } else { "s" }
                            )}
                        </p>
                    </div>
                    {if sentences.is_empty() {
                        view! { <p class="evidence-hint">"No relation with another country was found for it."</p> }.into_any()
                    } else {
                        sentence_list(sentences).into_any()
                    }}
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="evidence-panel" class:evidence-pinned=move || pinned.with(Option::is_some)>
            {body}
            <Show when=move || pinned.with(Option::is_some)>
                <button type="button" class="button button-small button-quiet evidence-close" on:click=move |_| pinned.set(None)>
                    "Release"
                </button>
            </Show>
        </div>
    }
}

/// Evidence sentences, each a button that shows it in the reading view, its cue words
/// marked (as text, in the colour of their type). In the "All documents" view each
/// names its document, and opens that document to show it.
fn sentence_list(sentences: Vec<(Span, Option<String>, Runs)>) -> impl IntoView {
    let article = use_context::<Article>();
    let ranges = article
        .map(|article| article.workspace.ranges.get_untracked())
        .unwrap_or_default();
    view! {
        <ol class="evidence-list">
            {sentences
                .into_iter()
                .map(|(span, partner, text)| {
                    let source = range_of(&ranges, span).cloned();
                    let doc_id = source.as_ref().map(|range| range.id.to_string());
                    let doc_title = source.as_ref().map(|range| range.title.clone());
                    view! {
                        <li>
                            <button
                                type="button"
                                class="evidence"
                                data-start=span.start.to_string()
                                data-doc=doc_id
                                title=if source.is_some() { "Open this document at this sentence" } else { "Show this sentence in the article" }
                                on:click=move |_| {
                                    let Some(article) = article else { return };
                                    match &source {
                                        Some(range) => {
                                            article.switch(View::Doc(range.id));
                                            let local = Span::new(span.start - range.start, span.end - range.start);
                                            article.revealing.set(Some(local));
                                        }
                                        None => article.revealing.set(Some(span)),
                                    }
                                }
                            >
                                {doc_title.map(|title| view! { <span class="evidence-doc">{title}</span> })}
                                {partner.map(|partner| view! { <span class="evidence-partner">{partner}</span> })}
                                <span class="evidence-text">
                                    {text
                                        .into_iter()
                                        .map(|(run, cue)| match cue {
                                            Some(kind) => Either::Left(view! {
                                                <mark class=format!("cue edge-{}", kind.as_str())>{run}</mark>
                                            }),
                                            None => Either::Right(run),
                                        })
                                        .collect_view()}
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
