//! The relations as drawn: a curve per pair in the colour of its strongest type shown,
//! as thick as its evidence is strong, with an arrow where one acts on the other; those
//! under the confidence threshold are left out, those less sure than the default faint.

use diplomap_app_core::graph::{
    graph_radius, passes, stroke_width, strongest, type_name, unsure, Mode, Target,
};
use diplomap_app_core::map;
use diplomap_extract::CountryCode;
use leptos::prelude::*;

use super::nodes::DOT_PX;
use super::Scene;

/// One curve per relation whose strongest type is not hidden.
pub(super) fn edges(scene: Scene) -> impl IntoView {
    let Scene {
        hidden,
        threshold,
        shown,
        pinned,
        ..
    } = scene;
    move || {
        let (mode, data, places, k) = scene.frame();
        let hidden = hidden.get();
        let threshold = threshold.get();
        let bend = if mode == Mode::Map { 0.2 } else { 0.12 };
        let radius = |code: CountryCode| match mode {
            Mode::Map => DOT_PX,
            Mode::Graph => graph_radius(&data, code),
        };
        data.edges
            .iter()
            .filter(|edge| passes(edge, threshold))
            .filter_map(|edge| {
                let kind = strongest(&edge.types, &hidden)?;
                let (from, to) = edge.direction.unwrap_or((edge.a, edge.b));
                let (start, end) = (*places.get(&from)?, *places.get(&to)?);
                let width = stroke_width(edge.weight);
                let arrow = if edge.direction.is_some() { (8.0 + width * 1.5) * k } else { 0.0 };
                let curve = map::curve(
                    start,
                    end,
                    bend,
                    (radius(from) + 2.0) * k,
                    (radius(to) + 2.5) * k,
                    arrow,
                );
                let target = edge.target();
                let (a, b) = (edge.a, edge.b);
                let types = edge.types.iter().map(|kind| kind.as_str()).collect::<Vec<_>>();
                let label = format!(
                    "{}: {}; confidence {:.2}. {} sentence{}{}",
                    edge.title(),
                    edge.types.iter().map(|kind| type_name(*kind).to_ascii_lowercase()).collect::<Vec<_>>().join(", "),
                    edge.confidence,
                    edge.evidence.len(),
                    if edge.evidence.len() == 1 { "" } else { "s" },
                    if edge.amounts.is_empty() { String::new() } else { format!(", {}", edge.amounts.join(", ")) },
                );
                Some(view! {
                    <g
                        class=format!("edge edge-{}", kind.as_str())
                        class:edge-unsure=unsure(edge)
                        data-confidence=format!("{:.2}", edge.confidence)
                        class:edge-active=move || shown.get() == Some(target)
                        class:edge-dim=move || match shown.get() {
                            Some(Target::Country(code)) => a != code && b != code,
                            Some(other) => other != target,
                            None => false,
                        }
                        data-a=edge.a.as_str().to_string()
                        data-b=edge.b.as_str().to_string()
                        data-types=types.join(" ")
                        tabindex="0"
                        role="button"
                        aria-label=label
                        aria-pressed=move || if pinned.get() == Some(target) { "true" } else { "false" }
                        data-target=target.key()
                    >
                        <path class="edge-halo" d=curve.path.clone() stroke-width=width + 3.5></path>
                        <path class="edge-line" d=curve.path.clone() stroke-width=width></path>
                        {curve.arrow.clone().map(|arrow| view! { <path class="edge-arrow" d=arrow></path> })}
                        <path class="edge-hit" d=curve.path stroke-width=(width + 8.0).max(12.0)></path>
                    </g>
                })
            })
            .collect_view()
    }
}
