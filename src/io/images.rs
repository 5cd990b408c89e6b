//! The relations map as a picture: the SVG on screen made standalone (its computed
//! styles written onto each element), framed for publishing with its title, the legend
//! of the types drawn and a source line (`diplomap_app_core::export::framed_svg`), and
//! drawn onto a canvas for a PNG.

use diplomap_app_core::export::{framed_svg, Frame, LegendEntry};
use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

use super::export::{blob, save_blob};

/// Style properties copied (as attributes) onto each element of the exported map, so the SVG looks the
/// same outside the page (its classes mean nothing there).
const SVG_PROPS: [&str; 17] = [
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "paint-order",
    "text-anchor",
    "display",
    "vector-effect",
];

/// The map on screen as a standalone SVG document (computed styles inlined, background
/// painted), with its width and height in pixels.
pub fn map_svg() -> Option<(String, f64, f64)> {
    let document = window().document()?;
    let svg = document.query_selector("svg.map-svg").ok()??;
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = copy.query_selector_all("*").ok()?;
    for i in 0..originals.length().min(copies.length()) {
        let (Some(original), Some(target)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(original), Ok(target)) = (
            original.dyn_into::<web_sys::Element>(),
            target.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        let Ok(Some(style)) = window().get_computed_style(&original) else {
            continue;
        };
        // As presentation attributes, not `style`: the page's CSP forbids inline styles.
        for prop in SVG_PROPS {
            if let Ok(value) = style.get_property_value(prop) {
                if !value.is_empty() {
                    let _ = target.set_attribute(prop, &value);
                }
            }
        }
        let _ = target.remove_attribute("class");
        let _ = target.remove_attribute("tabindex");
    }
    let rect = svg.get_bounding_client_rect();
    let (width, height) = (
        rect.width().max(1.0).round(),
        rect.height().max(1.0).round(),
    );
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let _ = copy.set_attribute("width", &width.to_string());
    let _ = copy.set_attribute("height", &height.to_string());
    let background = svg
        .parent_element()
        .and_then(|parent| window().get_computed_style(&parent).ok().flatten())
        .and_then(|style| style.get_property_value("background-color").ok())
        .filter(|colour| !colour.is_empty() && colour != "rgba(0, 0, 0, 0)")
        .unwrap_or_else(|| "#fbf9f4".to_string());
    let _ = copy.remove_attribute("class");
    if let Ok(paper) = document.create_element_ns(Some("http://www.w3.org/2000/svg"), "rect") {
        let view_box = svg.get_attribute("viewBox").unwrap_or_default();
        // The view box's four numbers are copied as written: the map wrote them.
        let numbers: Vec<&str> = view_box.split_whitespace().collect();
        if let [x, y, w, h] = numbers[..] {
            for (name, value) in [("x", x), ("y", y), ("width", w), ("height", h)] {
                let _ = paper.set_attribute(name, value);
            }
            let _ = paper.set_attribute("fill", &background);
            let _ = copy.insert_before(&paper, copy.first_child().as_ref());
        }
    }
    let xml = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&copy)
        .ok()?;
    Some((xml, width, height))
}

/// The map framed: `title` above it; below it the legend of the relation types drawn
/// (read from the type filters: ticked ones, each with its swatch's line) and
/// `source` with today's date. The SVG, its width and height.
pub fn published_svg(title: &str, source: &str) -> Option<(String, f64, f64)> {
    let (map, width, height) = map_svg()?;
    let root = window().document()?.document_element()?;
    let colour = |name: &str, fallback: &str| {
        window()
            .get_computed_style(&root)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value(name).ok())
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
            .unwrap_or_else(|| fallback.to_string())
    };
    let date = js_sys::Date::new_0().to_iso_string();
    let frame = Frame {
        title: title.to_string(),
        legend: legend(),
        source: source.to_string(),
        date: String::from(date).chars().take(10).collect(),
        ink: colour("--ink", "#1c1d1f"),
        muted: colour("--ink-3", "#62666d"),
        paper: colour("--paper", "#fbf9f4"),
    };
    Some(framed_svg(&map, width, height, &frame))
}

/// The relation types drawn, as the type filters show them.
fn legend() -> Vec<LegendEntry> {
    let Some(filters) = window()
        .document()
        .and_then(|document| document.query_selector_all(".type-filter").ok())
    else {
        return Vec::new();
    };
    (0..filters.length())
        .filter_map(|i| filters.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter(|filter| {
            filter
                .query_selector("input:checked")
                .ok()
                .flatten()
                .is_some()
        })
        .filter_map(|filter| {
            let name = filter.query_selector(".type-name").ok()??.text_content()?;
            let line = filter.query_selector(".edge-line").ok()??;
            let style = window().get_computed_style(&line).ok()??;
            let property = |name: &str| style.get_property_value(name).unwrap_or_default();
            Some(LegendEntry {
                name,
                stroke: property("stroke"),
                dash: property("stroke-dasharray"),
                width: property("stroke-width"),
                cap: property("stroke-linecap"),
            })
        })
        .collect()
}

/// Draws `picture` (an SVG with its width and height) onto a canvas at twice its size
/// and saves it as PNG.
pub fn save_png(name: String, picture: (String, f64, f64)) -> Result<(), JsValue> {
    let (xml, width, height) = picture;
    let parts = js_sys::Array::of1(&JsValue::from_str(&xml));
    let url = web_sys::Url::create_object_url_with_blob(&blob(&parts, "image/svg+xml")?)?;
    let image = web_sys::HtmlImageElement::new()?;
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let _ = draw_png(&loaded, width, height, name);
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
    Ok(())
}

fn draw_png(
    image: &web_sys::HtmlImageElement,
    width: f64,
    height: f64,
    name: String,
) -> Result<(), JsValue> {
    let document = window().document().ok_or(JsValue::NULL)?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let scale = 2.0;
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
    context.scale(scale, scale)?;
    context.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)?;
    let done = Closure::once(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            let _ = save_blob(&name, &blob);
        }
    });
    canvas.to_blob(done.as_ref().unchecked_ref())?;
    done.forget();
    Ok(())
}
