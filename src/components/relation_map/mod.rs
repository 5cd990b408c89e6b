//! The relations map: the countries of the article and the relations between them, on
//! a map or as a graph, with the sentences behind each. What is drawn where is
//! `diplomap_app_core::graph`'s; this folder turns it into SVG, one view per file:
//! `land` (the land, or the graph's ring), `edges`, `nodes` (the dots), `labels` (the
//! names), `filters` (the relation types and the confidence threshold), `evidence` (the
//! sentences, their cue words marked), and `zoom`, the view box and what moves it.

mod edges;
mod evidence;
mod filters;
mod labels;
mod land;
mod nodes;
mod zoom;

use std::collections::{BTreeMap, BTreeSet};

use diplomap_app_core::graph::{
    map_data, passes, positions, strongest, MapData, Mode, Target, DEFAULT_CONFIDENCE,
};
use diplomap_app_core::map::{self, Point};
use diplomap_app_core::present::group;
use diplomap_extract::{CountryCode, RelationType};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Article;
use edges::edges;
use evidence::EvidencePanel;
use filters::TypeFilters;
use labels::labels;
use land::{graph_ring, land};
use nodes::nodes;
use zoom::{use_zoom_pan, ZoomPan};

/// What the map's layers share: the article, what is drawn, how, what is hidden and
/// selected, and the view.
#[derive(Clone, Copy)]
struct Scene {
    article: Article,
    data: Memo<MapData>,
    mode: RwSignal<Mode>,
    /// Relation types the reader unticked.
    hidden: RwSignal<BTreeSet<RelationType>>,
    /// The least confidence a line needs to be drawn.
    threshold: RwSignal<f64>,
    /// The line or country whose sentences are shown: the one kept by a click, else
    /// the one under the pointer or focus.
    shown: Memo<Option<Target>>,
    /// The one kept by a click.
    pinned: RwSignal<Option<Target>>,
    zoom: ZoomPan,
}

impl Scene {
    /// What a layer draws from, read (and tracked) once each time it is drawn: the
    /// mode, the data, where each country sits in that mode, and map units per CSS
    /// pixel.
    fn frame(&self) -> (Mode, MapData, BTreeMap<CountryCode, Point>, f64) {
        let mode = self.mode.get();
        let data = self.data.get();
        let places = positions(&data, mode);
        (mode, data, places, self.zoom.unit.get())
    }
}

/// How many relations the filters leave drawn (types shown, confidence reached).
fn drawn_edges(data: &MapData, hidden: &BTreeSet<RelationType>, threshold: f64) -> usize {
    data.edges
        .iter()
        .filter(|edge| passes(edge, threshold) && strongest(&edge.types, hidden).is_some())
        .count()
}

/// The relations between the countries of the article, on a map or as a graph, with
/// the sentences behind each.
#[component]
pub fn RelationMap() -> impl IntoView {
    let article = expect_context::<Article>();
    let data = Memo::new(move |_| article.panels.with(|current| map_data(current)));
    let mode = RwSignal::new(Mode::Map);
    let hidden = RwSignal::new(BTreeSet::<RelationType>::new());
    let threshold = RwSignal::new(DEFAULT_CONFIDENCE);
    let hover = RwSignal::new(None::<Target>);
    let pinned = RwSignal::new(None::<Target>);
    let shown = Memo::new(move |_| pinned.get().or(hover.get()));

    let home = Memo::new(move |_| match mode.get() {
        Mode::Map => data.with(|data| map::fit(data.fit_codes())),
        Mode::Graph => map::graph_view(),
    });
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let zoom = use_zoom_pan(svg_ref, home, mode);
    // A new article starts with nothing selected and the type filters reset.
    Effect::new(move |previous: Option<()>| {
        data.track();
        if previous.is_some() {
            hover.set(None);
            pinned.set(None);
            hidden.set(BTreeSet::new());
            threshold.set(DEFAULT_CONFIDENCE);
        }
    });
    let scene = Scene {
        article,
        data,
        mode,
        hidden,
        threshold,
        shown,
        pinned,
        zoom,
    };

    // Selecting: hovering or focusing previews, clicking (or Enter) keeps it.
    let select = move |target: Target| {
        if zoom.ends_a_drag() {
            return;
        }
        pinned.update(|pinned| {
            *pinned = if *pinned == Some(target) {
                None
            } else {
                Some(target)
            };
        });
        if let Target::Country(code) = target {
            article.settings.toggle_focus(code);
        }
    };
    let on_key = move |event: ev::KeyboardEvent, target: Target| match event.key().as_str() {
        "Enter" | " " => {
            event.prevent_default();
            select(target);
        }
        "Escape" => pinned.set(None),
        _ => {}
    };

    // The relations drawn, of how many when the filters hide some.
    let summary = move || {
        data.with(|data| {
            let relations = data.edges.len();
            let drawn = hidden.with(|hidden| drawn_edges(data, hidden, threshold.get()));
            let countries = data.nodes.iter().filter(|node| node.related).count();
            let of = if drawn < relations {
                format!("{} of ", group(drawn))
            } else {
                String::new()
            };
            format!(
                "{of}{} relation{} \u{00b7} {} countr{}",
                group(relations),
                if relations == 1 { "" } else { "s" },
                group(countries),
                if countries == 1 { "y" } else { "ies" }
            )
        })
    };

    let map_label = move || {
        data.with(|data| {
            let names: Vec<String> = data
                .nodes
                .iter()
                .filter(|node| node.related)
                .map(|node| node.name.clone())
                .collect();
            if names.is_empty() {
                "Map of the countries mentioned; no relations between them were found".to_string()
            } else {
                format!(
                    "{} of relations between {}. Arrow keys pan, + and \u{2212} zoom. Tab to a line or a country, then find the sentences behind it below the map.",
                    if mode.get() == Mode::Map { "Map" } else { "Diagram" },
                    names.join(", ")
                )
            }
        })
    };

    let mode_button = move |which: Mode, text: &'static str| {
        view! {
            <button
                type="button"
                class="segment"
                aria-pressed=move || if mode.get() == which { "true" } else { "false" }
                on:click=move |_| mode.set(which)
            >
                {text}
            </button>
        }
    };

    view! {
        <section class="map-panel" aria-labelledby="map-heading">
            <div class="panel-head">
                <h2 id="map-heading" class="section-title">"Relations"</h2>
                <p class="panel-meta">{summary}</p>
                <div class="segmented" role="group" aria-label="Draw the relations as">
                    {mode_button(Mode::Map, "Map")}
                    {mode_button(Mode::Graph, "Graph")}
                </div>
            </div>
            <Show
                when=move || data.with(|data| !data.nodes.is_empty())
                fallback=|| {
                    view! {
                        <p class="panel-empty map-empty">
                            "No countries found yet. Relations between the countries an article names are drawn here."
                        </p>
                    }
                }
            >
                <div class="map-figure">
                    <svg
                        node_ref=svg_ref
                        class="map-svg"
                        class:map-graph=move || mode.get() == Mode::Graph
                        viewBox=move || zoom.view_box.get().view_box()
                        role="group"
                        tabindex="0"
                        aria-label=map_label
                        on:pointerdown=move |event| zoom.pointer_down(event)
                        on:pointermove=move |event| zoom.pointer_move(event)
                        on:pointerup=move |event| zoom.pointer_up(event)
                        on:pointercancel=move |event| zoom.pointer_up(event)
                        on:mouseover=move |event| {
                            if let Some(target) = target_of(&event) {
                                hover.set(Some(target));
                            }
                        }
                        on:focusin=move |event| {
                            if let Some(target) = target_of(&event) {
                                hover.set(Some(target));
                            }
                        }
                        on:click=move |event| {
                            if let Some(target) = target_of(&event) {
                                select(target);
                            }
                        }
                        on:keydown=move |event| {
                            if !(event.ctrl_key() || event.meta_key() || event.alt_key())
                                && zoom.key(&event.key())
                            {
                                event.prevent_default();
                            } else if let Some(target) = target_of(&event) {
                                on_key(event, target);
                            }
                        }
                    >
                        <g class="map-land" fill-rule="evenodd">{land(scene)}</g>
                        {graph_ring(mode)}
                        <g class="map-edges">{edges(scene)}</g>
                        <g class="map-nodes">{nodes(scene)}</g>
                        <g class="map-labels">{labels(scene)}</g>
                    </svg>
                    <div class="map-zoom">
                        <button type="button" class="zoom-button" aria-label="Zoom in" title="Zoom in" on:click=move |_| zoom.zoom(1.0 / 1.5)>"+"</button>
                        <button type="button" class="zoom-button" aria-label="Zoom out" title="Zoom out" on:click=move |_| zoom.zoom(1.5)>"\u{2212}"</button>
                        <button type="button" class="zoom-button zoom-reset" aria-label="Fit: reset the view" title="Fit: reset the view" on:click=move |_| zoom.reset()>"Fit"</button>
                    </div>
                </div>
                <TypeFilters data=data hidden=hidden threshold=threshold/>
                <EvidencePanel data=data shown=shown pinned=pinned/>
            </Show>
        </section>
    }
}

/// The target of the element an event happened on (or inside).
fn target_of(event: &web_sys::Event) -> Option<Target> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let key = element
        .closest("[data-target]")
        .ok()??
        .get_attribute("data-target")?;
    Target::parse(&key)
}
