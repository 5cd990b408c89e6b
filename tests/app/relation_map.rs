//! The relations map (an SVG element's `className` is not a string: these tests read
//! the attribute).

use diplomap_app_core::graph::Mode;

use super::*;

fn svg_focus(element: &web_sys::Element) {
    element
        .unchecked_ref::<web_sys::SvgElement>()
        .focus()
        .unwrap();
}

#[wasm_bindgen_test]
async fn map_draws_edges_and_shows_their_evidence() {
    let app = Mounted::new(Some(MAP_ARTICLE)).await;
    eventually("the KG-RU edge", || {
        !app.all(r#"g.edge[data-a="KG"][data-b="RU"]"#).is_empty()
    })
    .await;
    let svg = app.one("svg.map-svg");
    let view_box = svg.get_attribute("viewBox").unwrap();
    assert_eq!(view_box.split(' ').count(), 4);
    // Mentioned countries are shaded and focusable; the others are plain land.
    let russia = app.one(r#"path.land[data-country="RU"]"#);
    assert!(russia
        .get_attribute("class")
        .unwrap_or_default()
        .contains("land-mentioned"));
    assert_eq!(russia.get_attribute("tabindex").as_deref(), Some("0"));
    let france = app.one(r#"path.land[data-country="FR"]"#);
    assert!(!france
        .get_attribute("class")
        .unwrap_or_default()
        .contains("land-mentioned"));
    assert!(app
        .one(r#"g.edge[data-a="KG"][data-b="RU"] .edge-arrow"#)
        .get_attribute("d")
        .is_some());

    let edge = app.one(r#"g.edge[data-a="KG"][data-b="RU"]"#);
    assert!(edge
        .get_attribute("aria-label")
        .unwrap()
        .contains("Russia \u{2192} Kyrgyzstan"));
    svg_focus(&edge);
    eventually("evidence for the edge", || {
        app.root
            .query_selector(".evidence-title")
            .unwrap()
            .is_some_and(|title| {
                title.text_content().unwrap_or_default() == "Russia \u{2192} Kyrgyzstan"
            })
    })
    .await;
    let sentence = app.text(".evidence-list .evidence");
    assert!(
        sentence.contains("Moscow granted $30 million to Bishkek"),
        "{sentence}"
    );
    assert!(app.text(".evidence-amounts").contains("30 million USD"));

    // The sentence's button marks it in the reading view.
    app.click(".evidence-list .evidence");
    eventually("the flash over the sentence", || {
        !app.all(".flash-layer .flash").is_empty()
    })
    .await;

    // A country shows the sentences of all its relations.
    svg_focus(&app.one(r#"path.land[data-country="KG"]"#));
    eventually("evidence for Kyrgyzstan", || {
        app.text(".evidence-title") == "Kyrgyzstan"
    })
    .await;
    assert!(app.text(".evidence-list").contains("Moscow granted"));
}

#[wasm_bindgen_test]
async fn map_filters_types_switches_to_graph_and_zooms() {
    let app = Mounted::new(Some(MAP_ARTICLE)).await;
    eventually("edges", || app.all("g.edge").len() >= 2).await;
    let before = app.all("g.edge").len();
    // Untick every type of the KG-RU edge: it disappears, the others stay.
    let types = app
        .one(r#"g.edge[data-a="KG"][data-b="RU"]"#)
        .get_attribute("data-types")
        .unwrap();
    for kind in types.split(' ') {
        app.click(&format!(r#".type-filter[data-type="{kind}"] input"#));
    }
    eventually("the edge hidden", || {
        app.all(r#"g.edge[data-a="KG"][data-b="RU"]"#).is_empty()
    })
    .await;
    assert!(!app.all("g.edge").is_empty() || before == 1);
    for kind in types.split(' ') {
        app.click(&format!(r#".type-filter[data-type="{kind}"] input"#));
    }
    eventually("the edge back", || app.all("g.edge").len() == before).await;

    // Zoom in, then back to the fitted view.
    let home = app.one("svg.map-svg").get_attribute("viewBox").unwrap();
    app.click(r#".zoom-button[aria-label="Zoom in"]"#);
    eventually("zoomed", || {
        app.one("svg.map-svg").get_attribute("viewBox").unwrap() != home
    })
    .await;
    let zoomed: Vec<f64> = app
        .one("svg.map-svg")
        .get_attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let fitted: Vec<f64> = home.split(' ').map(|n| n.parse().unwrap()).collect();
    assert!(zoomed[2] < fitted[2]);
    app.click(".zoom-button.zoom-reset");
    eventually("reset", || {
        app.one("svg.map-svg").get_attribute("viewBox").unwrap() == home
    })
    .await;

    // The same relations as a graph: no land, the same edges.
    let graph = app
        .all(".segmented .segment")
        .into_iter()
        .find(|button| button.text_content().as_deref() == Some("Graph"))
        .unwrap();
    graph.unchecked_into::<web_sys::HtmlElement>().click();
    eventually("the graph", || {
        app.one("svg.map-svg")
            .get_attribute("class")
            .unwrap_or_default()
            .contains("map-graph")
    })
    .await;
    assert!(app.all("path.land").is_empty());
    assert_eq!(app.all("g.edge").len(), before);
    assert!(app.all("circle.node").len() >= 4);
    let _ = Mode::Graph;
}

#[wasm_bindgen_test]
async fn articles_without_countries_get_no_map() {
    let app = Mounted::new(Some("Nothing about countries here.")).await;
    eventually("the empty note", || !app.all(".map-empty").is_empty()).await;
    assert!(app.all("svg.map-svg").is_empty());
}

/// A pointer event of `kind` for pointer `id` at client `x`, `y` (a finger on a touch screen).
fn finger(svg: &web_sys::Element, kind: &str, id: i32, x: i32, y: i32) {
    let init = web_sys::PointerEventInit::new();
    init.set_pointer_id(id);
    init.set_pointer_type("touch");
    init.set_bubbles(true);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_is_primary(id == 1);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    svg.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn two_fingers_pinch_the_map_and_the_wheel_zooms_it() {
    let app = Mounted::new(Some(MAP_ARTICLE)).await;
    eventually("the map", || !app.all("svg.map-svg g.edge").is_empty()).await;
    let svg = app.one("svg.map-svg");
    let width = || -> f64 {
        let view_box = app.one("svg.map-svg").get_attribute("viewBox").unwrap();
        view_box.split(' ').nth(2).unwrap().parse().unwrap()
    };
    let rect = svg.get_bounding_client_rect();
    let (x, y) = (
        (rect.left() + rect.width() / 2.0) as i32,
        (rect.top() + rect.height() / 2.0) as i32,
    );
    let home = width();
    finger(&svg, "pointerdown", 1, x - 40, y);
    finger(&svg, "pointerdown", 2, x + 40, y);
    finger(&svg, "pointermove", 2, x + 120, y);
    leptos::task::tick().await;
    let pinched = width();
    assert!(
        (pinched - home / 2.0).abs() < home * 0.05,
        "fingers twice as far apart halve the view: {home} -> {pinched}"
    );
    finger(&svg, "pointerup", 2, x + 120, y);
    finger(&svg, "pointerup", 1, x - 40, y);
    // The wheel zooms back out.
    let init = web_sys::WheelEventInit::new();
    init.set_delta_y(300.0);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_cancelable(true);
    let wheel = web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap();
    svg.dispatch_event(&wheel).unwrap();
    leptos::task::tick().await;
    assert!(wheel.default_prevented(), "the page does not scroll");
    assert!(width() > pinched);
}
