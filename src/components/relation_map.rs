use std::collections::BTreeSet;

use diplomap_extract::{CountryCode, RelationType, Span};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use diplomap_app_core::graph::{
    country_label, display_name, graph_radius, label_place, map_data, positions, salience,
    stroke_width, strongest, type_name, MapData, Mode, Target,
};
use diplomap_app_core::map::{self, Point, Rect};
use diplomap_app_core::present::group;
use diplomap_app_core::workspace::{range_of, View};

use crate::state::Article;

const DOT_PX: f64 = 4.0;

/// The relations between the countries of the article, on a map or as a graph, with
/// the sentences behind each.
#[component]
pub fn RelationMap() -> impl IntoView {
    let article = expect_context::<Article>();
    let data = Memo::new(move |_| article.analysed.with(|current| map_data(current)));
    let mode = RwSignal::new(Mode::Map);
    let hidden = RwSignal::new(BTreeSet::<RelationType>::new());
    let hover = RwSignal::new(None::<Target>);
    let pinned = RwSignal::new(None::<Target>);
    let shown = Memo::new(move |_| pinned.get().or(hover.get()));

    let home = Memo::new(move |_| match mode.get() {
        Mode::Map => data.with(|data| map::fit(data.fit_codes())),
        Mode::Graph => map::graph_view(),
    });
    let bounds = move || match mode.get_untracked() {
        Mode::Map => map::world(),
        Mode::Graph => map::graph_view(),
    };
    let view_box = RwSignal::new(home.get_untracked());
    Effect::new(move |_| view_box.set(home.get()));
    // A new article starts with nothing selected and the type filters reset.
    Effect::new(move |previous: Option<()>| {
        data.track();
        if previous.is_some() {
            hover.set(None);
            pinned.set(None);
            hidden.set(BTreeSet::new());
        }
    });

    // Map units per CSS pixel: sizes that must look the same at any zoom use it.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let width_px = RwSignal::new(800.0_f64);
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let width = svg.get_bounding_client_rect().width();
            if width > 0.0 {
                width_px.set(width);
            }
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let unit = Memo::new(move |_| view_box.with(|rect| rect.w) / width_px.get());

    // Wheel zoom: a listener on the SVG itself, so it can stop the page from scrolling.
    // Removed with the SVG (the map comes and goes with the countries in play).
    let wheel = StoredValue::new_local(None::<WheelListener>);
    Effect::new(move |_| {
        remove_wheel_listener(wheel);
        let Some(svg) = svg_ref.get() else { return };
        let target: web_sys::Element = svg.unchecked_into();
        let element = target.clone();
        let handler =
            Closure::<dyn FnMut(web_sys::WheelEvent)>::new(move |event: web_sys::WheelEvent| {
                event.prevent_default();
                let factor = (event.delta_y() * 0.0015).clamp(-0.5, 0.5).exp();
                let current = view_box.get_untracked();
                let Some(about) = map_point(&element, current, event.client_x(), event.client_y())
                else {
                    return;
                };
                view_box.set(
                    current
                        .zoomed(factor, about)
                        .clamped(&bounds(), map::MIN_WIDTH),
                );
            });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            handler.as_ref().unchecked_ref(),
            &options,
        );
        wheel.set_value(Some((target, handler)));
    });
    on_cleanup(move || remove_wheel_listener(wheel));

    // Dragging pans; a press that moves less than a few pixels stays a click. Two
    // fingers pinch to zoom about the point between them.
    let drag = StoredValue::new(None::<(f64, f64, Rect, bool)>);
    let dragged = StoredValue::new(false);
    let touches = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let pinch = StoredValue::new(None::<(f64, Rect, Point)>);
    let on_pointer_down = move |event: ev::PointerEvent| {
        if event.button() != 0 {
            return;
        }
        let here = (
            event.pointer_id(),
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        );
        touches.update_value(|touches| {
            touches.retain(|touch| touch.0 != here.0);
            touches.push(here);
        });
        if let [a, b] = touches.get_value()[..] {
            drag.set_value(None);
            let current = view_box.get_untracked();
            let middle = svg_ref.get_untracked().and_then(|svg| {
                map_point(
                    &svg.unchecked_into(),
                    current,
                    ((a.1 + b.1) / 2.0) as i32,
                    ((a.2 + b.2) / 2.0) as i32,
                )
            });
            pinch.set_value(
                middle.map(|middle| ((a.1 - b.1).hypot(a.2 - b.2).max(1.0), current, middle)),
            );
            return;
        }
        dragged.set_value(false);
        drag.set_value(Some((here.1, here.2, view_box.get_untracked(), false)));
    };
    let on_pointer_move = move |event: ev::PointerEvent| {
        let (id, x, y) = (
            event.pointer_id(),
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        );
        touches.update_value(|touches| {
            if let Some(touch) = touches.iter_mut().find(|touch| touch.0 == id) {
                *touch = (id, x, y);
            }
        });
        if let (Some((distance, start, middle)), [a, b]) =
            (pinch.get_value(), &touches.get_value()[..])
        {
            let now = a.1 - b.1;
            let factor = distance / now.hypot(a.2 - b.2).max(1.0);
            view_box.set(
                start
                    .zoomed(factor, middle)
                    .clamped(&bounds(), map::MIN_WIDTH),
            );
            return;
        }
        let Some((x0, y0, start, moved)) = drag.get_value() else {
            return;
        };
        let dx = x - x0;
        let dy = y - y0;
        if !moved && dx.hypot(dy) < 4.0 {
            return;
        }
        if !moved {
            if let Some(svg) = svg_ref.get_untracked() {
                let _ = svg.set_pointer_capture(event.pointer_id());
            }
        }
        drag.set_value(Some((x0, y0, start, true)));
        let k = unit.get_untracked();
        view_box.set(
            start
                .moved(-dx * k, -dy * k)
                .clamped(&bounds(), map::MIN_WIDTH),
        );
    };
    let on_pointer_up = move |event: ev::PointerEvent| {
        touches.update_value(|touches| touches.retain(|touch| touch.0 != event.pointer_id()));
        if pinch.get_value().is_some() {
            // A pinch is not a click, and the finger left behind does not start a drag.
            pinch.set_value(None);
            dragged.set_value(true);
            drag.set_value(None);
            return;
        }
        dragged.set_value(drag.get_value().is_some_and(|(_, _, _, moved)| moved));
        drag.set_value(None);
    };

    let zoom = move |factor: f64| {
        let current = view_box.get_untracked();
        view_box.set(
            current
                .zoomed(factor, current.center())
                .clamped(&bounds(), map::MIN_WIDTH),
        );
    };

    // Selecting: hovering or focusing previews, clicking (or Enter) keeps it.
    let select = move |target: Target| {
        if dragged.get_value() {
            dragged.set_value(false);
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

    let summary = move || {
        data.with(|data| {
            let relations = data.edges.len();
            let countries = data.nodes.iter().filter(|node| node.related).count();
            format!(
                "{} relation{} \u{00b7} {} countr{}",
                group(relations),
                if relations == 1 { "" } else { "s" },
                group(countries),
                if countries == 1 { "y" } else { "ies" }
            )
        })
    };

    // ---------- layers ----------

    // Land: every country, those mentioned shaded by how often.
    let land = move || {
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
    };

    let edges = move || {
        let current_mode = mode.get();
        let data = data.get();
        let places = positions(&data, current_mode);
        let hidden = hidden.get();
        let k = unit.get();
        let bend = if current_mode == Mode::Map { 0.2 } else { 0.12 };
        let radius = |code: CountryCode| match current_mode {
            Mode::Map => DOT_PX,
            Mode::Graph => graph_radius(&data, code),
        };
        data.edges
            .iter()
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
                    "{}: {}. {} sentence{}{}",
                    edge.title(),
                    edge.types.iter().map(|kind| type_name(*kind).to_lowercase()).collect::<Vec<_>>().join(", "),
                    edge.evidence.len(),
                    if edge.evidence.len() == 1 { "" } else { "s" },
                    if edge.amounts.is_empty() { String::new() } else { format!(", {}", edge.amounts.join(", ")) },
                );
                Some(view! {
                    <g
                        class=format!("edge edge-{}", kind.as_str())
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
    };

    // Dots (and, in the graph, sized discs) at each country's end of the edges; small
    // mentioned countries without a shape get one too.
    let nodes = move || {
        let current_mode = mode.get();
        let data = data.get();
        let places = positions(&data, current_mode);
        let most = data.most_mentions();
        let k = unit.get();
        data.nodes
            .iter()
            .filter_map(|node| {
                let point = *places.get(&node.code)?;
                let shapeless = map::country(node.code).is_none_or(|country| !country.has_shape());
                let interactive = current_mode == Mode::Graph || shapeless;
                if !node.related && !interactive {
                    return None;
                }
                if current_mode == Mode::Map && !node.related && node.count == 0 {
                    return None;
                }
                let code = node.code;
                let target = Target::Country(code);
                let radius = match current_mode {
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
    };

    let labels = move || {
        let current_mode = mode.get();
        let data = data.get();
        let places = positions(&data, current_mode);
        let most = data.most_mentions();
        let k = unit.get();
        let size = if width_px.get() < 500.0 { 11.0 } else { 12.5 };
        let mut placed: Vec<Rect> = Vec::new();
        data.nodes
            .iter()
            .filter(|node| {
                node.related
                    || (current_mode == Mode::Map && node.count * 3 >= most && node.count >= 2)
            })
            .filter_map(|node| {
                let point = *places.get(&node.code)?;
                let (x, y, anchor) = match current_mode {
                    Mode::Map => {
                        let label =
                            label_place(point, &node.name, size * k, (DOT_PX + 3.0) * k, &placed);
                        placed.push(label.1);
                        label.0
                    }
                    Mode::Graph => {
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
                        (
                            point.x + ux * out * k,
                            point.y + uy * out * k + size * 0.35 * k,
                            anchor,
                        )
                    }
                };
                Some(view! {
                    <text
                        class="map-label"
                        class:map-label-strong=node.related
                        x=format!("{:.2}", x)
                        y=format!("{:.2}", y)
                        font-size=format!("{:.3}", size * k)
                        stroke-width=format!("{:.3}", 3.0 * k)
                        text-anchor=anchor
                        aria-hidden="true"
                    >
                        {node.name.clone()}
                    </text>
                })
            })
            .collect_view()
    };

    let graph_ring = move || {
        (mode.get() == Mode::Graph).then(|| {
            view! {
                <circle class="graph-ring" cx="0" cy="0" r=map::GRAPH_RADIUS></circle>
            }
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
                    "{} of relations between {}. Tab to a line or a country, then find the sentences behind it below the map.",
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
                        viewBox=move || view_box.get().view_box()
                        role="group"
                        aria-label=map_label
                        on:pointerdown=on_pointer_down
                        on:pointermove=on_pointer_move
                        on:pointerup=on_pointer_up
                        on:pointercancel=on_pointer_up
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
                            if let Some(target) = target_of(&event) {
                                on_key(event, target);
                            }
                        }
                    >
                        <g class="map-land" fill-rule="evenodd">{land}</g>
                        {graph_ring}
                        <g class="map-edges">{edges}</g>
                        <g class="map-nodes">{nodes}</g>
                        <g class="map-labels">{labels}</g>
                    </svg>
                    <div class="map-zoom">
                        <button type="button" class="zoom-button" aria-label="Zoom in" title="Zoom in" on:click=move |_| zoom(1.0 / 1.5)>"+"</button>
                        <button type="button" class="zoom-button" aria-label="Zoom out" title="Zoom out" on:click=move |_| zoom(1.5)>"\u{2212}"</button>
                        <button type="button" class="zoom-button zoom-reset" aria-label="Fit: reset the view" title="Fit: reset the view" on:click=move |_| view_box.set(home.get_untracked())>"Fit"</button>
                    </div>
                </div>
                <TypeFilters data=data hidden=hidden/>
                <EvidencePanel data=data shown=shown pinned=pinned/>
            </Show>
        </section>
    }
}

/// One checkbox per relation type present, with its line style and count.
#[component]
fn TypeFilters(data: Memo<MapData>, hidden: RwSignal<BTreeSet<RelationType>>) -> impl IntoView {
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

/// The SVG element and its wheel handler, kept to remove the listener.
type WheelListener = (web_sys::Element, Closure<dyn FnMut(web_sys::WheelEvent)>);

fn remove_wheel_listener(wheel: StoredValue<Option<WheelListener>, LocalStorage>) {
    let _ = wheel.try_update_value(|wheel| {
        if let Some((element, handler)) = wheel.take() {
            let _ = element
                .remove_event_listener_with_callback("wheel", handler.as_ref().unchecked_ref());
        }
    });
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

/// The point of the map under the client coordinates `x`, `y` of `svg`, showing `view`.
fn map_point(svg: &web_sys::Element, view: Rect, x: i32, y: i32) -> Option<Point> {
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    Some(Point::new(
        view.x + (f64::from(x) - rect.left()) / rect.width() * view.w,
        view.y + (f64::from(y) - rect.top()) / rect.height() * view.h,
    ))
}

/// The sentences behind the line or country under the pointer or focus.
#[component]
fn EvidencePanel(
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
                let sentences = edge.evidence.iter().map(|(span, text)| (*span, None, text.clone())).collect();
                view! {
                    <div class="evidence-head">
                        <h3 class="evidence-title">{edge.title()}</h3>
                        <ul class="evidence-types">
                            {edge.types.iter().map(|kind| view! {
                                <li class=format!("type-chip edge-{}", kind.as_str())>{type_name(*kind)}</li>
                            }).collect_view()}
                        </ul>
                        {(!edge.amounts.is_empty()).then(|| view! {
                            <p class="evidence-amounts">{edge.amounts.join(" \u{00b7} ")}</p>
                        })}
                    </div>
                    {sentence_list(sentences)}
                }
                .into_any()
            }
            Some(Target::Country(code)) => {
                let Some(node) = data.node(code) else { return ().into_any() };
                let mut sentences: Vec<(Span, Option<String>, String)> = Vec::new();
                for edge in data.edges.iter().filter(|edge| edge.involves(code)) {
                    let other = if edge.a == code { edge.b } else { edge.a };
                    for (span, text) in &edge.evidence {
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
                let relations = data.edges.iter().filter(|edge| edge.involves(code)).count();
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

/// Evidence sentences, each a button that shows it in the reading view. In the "All
/// documents" view each names its document, and opens that document to show it.
fn sentence_list(sentences: Vec<(Span, Option<String>, String)>) -> impl IntoView {
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
                                <span class="evidence-text">{text}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
