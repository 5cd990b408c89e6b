//! The countries' names. On the map they are placed by `diplomap_app_core::labels`
//! (most salient first, never overlapping, never cut at the edge, short forms and
//! leader lines where crowded), from widths the browser measures; the country under
//! the pointer or focus shows its full name. In the graph they stand outside the ring.

use diplomap_app_core::graph::{graph_radius, label_salience, Mode, Target};
use diplomap_app_core::labels::{estimated_width, name_variants, place_labels, Label, Metrics};
use diplomap_app_core::map::Rect;
use diplomap_extract::CountryCode;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::nodes::DOT_PX;
use super::Scene;

/// A name as drawn: its country, text (and full name), where its baseline starts,
/// whether it is one of the related countries (bold), the leader line back to its point
/// when moved out, and whether it is the full name shown over the others.
struct Drawn {
    code: CountryCode,
    text: String,
    full: String,
    x: f64,
    y: f64,
    anchor: &'static str,
    strong: bool,
    leader: Option<(f64, f64, f64, f64)>,
    overlay: bool,
}

/// The CSS pixel size of the labels at a map `width_px` wide.
fn font_px(width_px: f64) -> f64 {
    if width_px < 500.0 {
        11.0
    } else {
        12.5
    }
}

/// The names of the related countries, and of those mentioned often, with their leader
/// lines (one path); the country under the pointer or focus named in full, over the
/// others, where its label is short or left out.
pub(super) fn labels(scene: Scene) -> impl IntoView {
    let width_px = scene.zoom.width_px;
    move || {
        let k = scene.zoom.unit.get();
        let size = font_px(width_px.get()) * k;
        let mut drawn = place(scene);
        let leaders: String = drawn
            .iter()
            .filter_map(|label| label.leader)
            .map(|(x1, y1, x2, y2)| format!("M{x1:.2},{y1:.2}L{x2:.2},{y2:.2}"))
            .collect();
        if let Some(full) = full_name(scene, &drawn, size) {
            drawn.push(full);
        }
        view! {
            <path class="map-leader" d=leaders></path>
            {drawn
                .into_iter()
                .map(|label| {
                    view! {
                        <text
                            class="map-label"
                            class:map-label-strong=label.strong
                            class:map-label-full=label.overlay
                            data-label=label.code.as_str().to_string()
                            x=format!("{:.2}", label.x)
                            y=format!("{:.2}", label.y)
                            font-size=format!("{size:.3}")
                            stroke-width=format!("{:.3}", 3.0 * k)
                            text-anchor=label.anchor
                            aria-hidden="true"
                        >
                            {label.text}
                        </text>
                    }
                })
                .collect_view()}
        }
    }
}

/// The full name of the country under the pointer or focus, where its label is short
/// or left out: at its label, or beside its point.
fn full_name(scene: Scene, drawn: &[Drawn], size: f64) -> Option<Drawn> {
    let Some(Target::Country(code)) = scene.shown.get() else {
        return None;
    };
    let (mode, data, places, k) = scene.frame();
    if mode != Mode::Map {
        return None;
    }
    let (x, y) = match drawn.iter().find(|label| label.code == code) {
        Some(label) if label.text == label.full => return None,
        Some(label) => (label.x, label.y),
        None => {
            let point = places.get(&code)?;
            (point.x + (DOT_PX + 3.0) * k, point.y + size * 0.35)
        }
    };
    let name = data.node(code)?.name.clone();
    Some(Drawn {
        code,
        text: name.clone(),
        full: name,
        x,
        y,
        anchor: "start",
        strong: true,
        leader: None,
        overlay: true,
    })
}

/// Where every name goes in the current frame.
fn place(scene: Scene) -> Vec<Drawn> {
    let (mode, data, places, k) = scene.frame();
    let px = font_px(scene.zoom.width_px.get());
    let size = px * k;
    let most = data.most_mentions();
    let shown: Vec<_> = data
        .nodes
        .iter()
        .filter(|node| {
            node.related || (mode == Mode::Map && node.count * 3 >= most && node.count >= 2)
        })
        .filter_map(|node| Some((node, *places.get(&node.code)?)))
        .collect();
    if mode == Mode::Graph {
        return shown
            .into_iter()
            .map(|(node, point)| {
                let out = graph_radius(&data, node.code) + 6.0;
                let length = point.x.hypot(point.y).max(1e-9);
                let (ux, uy) = (point.x / length, point.y / length);
                let anchor = if ux > 0.3 {
                    "start"
                } else if ux < -0.3 {
                    "end"
                } else {
                    "middle"
                };
                Drawn {
                    code: node.code,
                    text: node.name.clone(),
                    full: node.name.clone(),
                    x: point.x + ux * out * k,
                    y: point.y + uy * out * k + size * 0.35,
                    anchor,
                    strong: node.related,
                    leader: None,
                    overlay: false,
                }
            })
            .collect();
    }
    let measure = TextMeasure::new();
    let labels: Vec<Label> = shown
        .iter()
        .map(|(node, point)| Label {
            point: *point,
            salience: label_salience(node, &data),
            variants: name_variants(node.code, &node.name)
                .into_iter()
                .map(|text| {
                    let width = measure.width(&text, px, node.related) * k;
                    (text, width)
                })
                .collect(),
        })
        .collect();
    // Kept clear: the point of every country in play (where its dot is, or would be),
    // and the zoom buttons in the top right.
    let mut obstacles: Vec<Rect> = data
        .nodes
        .iter()
        .filter(|node| node.related || node.count > 0)
        .filter_map(|node| places.get(&node.code))
        .map(|point| {
            let r = (DOT_PX + 1.0) * k;
            Rect {
                x: point.x - r,
                y: point.y - r,
                w: 2.0 * r,
                h: 2.0 * r,
            }
        })
        .collect();
    let view = scene.zoom.view_box.get();
    obstacles.push(Rect {
        x: view.x + view.w - 44.0 * k,
        y: view.y,
        w: 44.0 * k,
        h: 118.0 * k,
    });
    let margin = 2.0 * k;
    let bounds = Rect {
        x: view.x + margin,
        y: view.y + margin,
        w: view.w - 2.0 * margin,
        h: view.h - 2.0 * margin,
    };
    let metrics = Metrics::for_font(size, (DOT_PX + 3.0) * k);
    place_labels(&labels, &obstacles, bounds, metrics)
        .into_iter()
        .map(|placed| {
            let (node, _) = shown[placed.index];
            Drawn {
                code: node.code,
                text: placed.text,
                full: node.name.clone(),
                x: placed.x,
                y: placed.y,
                anchor: "start",
                strong: node.related,
                leader: placed.leader.map(|(from, to)| (from.x, from.y, to.x, to.y)),
                overlay: false,
            }
        })
        .collect()
}

/// Text widths in the labels' font, measured on a canvas (estimated without one).
struct TextMeasure {
    context: Option<web_sys::CanvasRenderingContext2d>,
    family: String,
}

impl TextMeasure {
    fn new() -> TextMeasure {
        let document = window().document();
        let family = document
            .as_ref()
            .and_then(|document| document.document_element())
            .and_then(|root| window().get_computed_style(&root).ok().flatten())
            .and_then(|style| style.get_property_value("--sans").ok())
            .filter(|family| !family.trim().is_empty())
            .unwrap_or_else(|| "sans-serif".to_string());
        let context = document
            .and_then(|document| document.create_element("canvas").ok())
            .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|canvas| canvas.get_context("2d").ok().flatten())
            .and_then(|context| context.dyn_into().ok());
        TextMeasure { context, family }
    }

    /// The width of `text` at `px` CSS pixels, bold or medium, in CSS pixels.
    fn width(&self, text: &str, px: f64, strong: bool) -> f64 {
        let Some(context) = &self.context else {
            return estimated_width(text, px);
        };
        let weight = if strong { 700 } else { 500 };
        context.set_font(&format!("{weight} {px}px {}", self.family.trim()));
        context
            .measure_text(text)
            .map(|metrics| metrics.width())
            .unwrap_or_else(|_| estimated_width(text, px))
    }
}
