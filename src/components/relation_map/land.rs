//! What lies under the relations: the land on the map (every country, those mentioned
//! shaded by how often), or the ring of the graph.

use diplomap_app_core::graph::{country_label, salience, Mode, Target};
use diplomap_app_core::map;
use leptos::prelude::*;

use super::Scene;

/// Land: every country, those mentioned shaded by how often (on the map only).
pub(super) fn land(scene: Scene) -> impl IntoView {
    let Scene {
        article,
        data,
        mode,
        shown,
        ..
    } = scene;
    move || {
        if mode.get() != Mode::Map {
            return ().into_any();
        }
        let data = data.get();
        let most = data.most_mentions();
        map::countries()
            .iter()
            .filter(|country| country.has_shape())
            .map(|country| {
                let code = country.code;
                let node = data.node(code).filter(|node| node.count > 0);
                let target = Target::Country(code);
                let class = match node {
                    Some(node) => format!("land land-mentioned land-s{}", salience(node.count, most)),
                    None => "land".to_string(),
                };
                let mentioned = node.is_some();
                view! {
                    <path
                        class=class
                        class:land-active=move || mentioned && shown.get() == Some(target)
                        class:land-focus=move || mentioned && article.settings.focus.get() == Some(code)
                        d=country.path.clone()
                        data-country=code.as_str().to_string()
                        data-target=mentioned.then(|| target.key())
                        tabindex=mentioned.then_some("0")
                        role=mentioned.then_some("button")
                        aria-label=node.map(|node| country_label(node, &data))
                    >
                        {node.map(|node| view! {
                            <title>{format!("{} \u{00b7} {} mention{}", node.name, node.count, if node.count == 1 { "" } else { "s" })}</title>
                        })}
                    </path>
                }
            })
            .collect_view()
            .into_any()
    }
}

/// The circle the graph's countries sit on (in the graph only).
pub(super) fn graph_ring(mode: RwSignal<Mode>) -> impl IntoView {
    move || {
        (mode.get() == Mode::Graph).then(|| {
            view! {
                <circle class="graph-ring" cx="0" cy="0" r=map::GRAPH_RADIUS></circle>
            }
        })
    }
}
