//! The countries as drawn: a dot at each country's end of the relations (sized discs in
//! the graph; a dot for a small country without a shape). Their names are `labels`'.

use diplomap_app_core::graph::{country_label, graph_radius, salience, Mode, Target};
use diplomap_app_core::map;
use leptos::prelude::*;

use super::Scene;

/// The radius of a country's dot on the map, in CSS pixels.
pub(super) const DOT_PX: f64 = 4.0;

/// Dots (and, in the graph, sized discs) at each country's end of the edges; small
/// mentioned countries without a shape get one too.
pub(super) fn nodes(scene: Scene) -> impl IntoView {
    let Scene { article, shown, .. } = scene;
    move || {
        let (mode, data, places, k) = scene.frame();
        let most = data.most_mentions();
        data.nodes
            .iter()
            .filter_map(|node| {
                let point = *places.get(&node.code)?;
                let shapeless = map::country(node.code).is_none_or(|country| !country.has_shape());
                let interactive = mode == Mode::Graph || shapeless;
                if !node.related && !interactive {
                    return None;
                }
                if mode == Mode::Map && !node.related && node.count == 0 {
                    return None;
                }
                let code = node.code;
                let target = Target::Country(code);
                let radius = match mode {
                    Mode::Map if shapeless => DOT_PX + 1.0,
                    Mode::Map => DOT_PX,
                    Mode::Graph => graph_radius(&data, code),
                };
                let class = format!(
                    "node{} land-s{}",
                    if shapeless { " node-point" } else { "" },
                    salience(node.count, most)
                );
                let label = country_label(node, &data);
                let class = if interactive { class } else { "node-dot".to_string() };
                Some(view! {
                    <circle
                        class=class
                        class:land-active=move || interactive && shown.get() == Some(target)
                        class:land-focus=move || interactive && article.settings.focus.get() == Some(code)
                        cx=format!("{:.2}", point.x)
                        cy=format!("{:.2}", point.y)
                        r=format!("{:.3}", radius * k)
                        data-country=interactive.then(|| code.as_str().to_string())
                        data-target=interactive.then(|| target.key())
                        tabindex=interactive.then_some("0")
                        role=interactive.then_some("button")
                        aria-label=interactive.then_some(label)
                    ></circle>
                })
            })
            .collect_view()
    }
}
