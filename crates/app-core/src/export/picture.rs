//! The map framed for publishing: a title above it, and below it a legend of the
//! relation types drawn and a source line with the date. The map itself is the page's
//! (its SVG with the styles written in); this only frames it, as SVG text.

use crate::labels::estimated_width;

/// What goes around the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The document's title, or "All documents".
    pub title: String,
    /// The relation types drawn, in the legend's order.
    pub legend: Vec<LegendEntry>,
    /// "Diplomap — 4 documents".
    pub source: String,
    /// The day of the export, `2026-12-06`.
    pub date: String,
    /// Colours of the text and of the background (CSS colours).
    pub ink: String,
    pub muted: String,
    pub paper: String,
}

/// One relation type in the legend: its name and its line as drawn on the map (CSS
/// values as the page computes them).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub name: String,
    pub stroke: String,
    /// The line's `stroke-dasharray`, empty or `none` for a solid line.
    pub dash: String,
    /// `stroke-width` and `stroke-linecap` (dotted lines are round dots).
    pub width: String,
    pub cap: String,
}

const PAD: f64 = 16.0;
const TITLE_SIZE: f64 = 18.0;
const TEXT_SIZE: f64 = 12.0;
const SWATCH: f64 = 26.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif";

/// `map` (a standalone SVG of `width` × `height`) framed: the title above, the legend
/// and the source line below. Returns the SVG and its width and height.
pub fn framed_svg(map: &str, width: f64, height: f64, frame: &Frame) -> (String, f64, f64) {
    let total_width = (width + 2.0 * PAD).max(320.0);
    let inner = total_width - 2.0 * PAD;
    let map_top = PAD + TITLE_SIZE * 1.5;
    let mut body = String::new();
    body.push_str(&text_element(
        PAD,
        PAD + TITLE_SIZE,
        TITLE_SIZE,
        700,
        &frame.ink,
        &fit(&frame.title, TITLE_SIZE, inner),
    ));
    body.push_str(&format!(
        "<g transform=\"translate({PAD} {map_top})\">{}</g>",
        without_xml_declaration(map)
    ));
    let mut y = map_top + height + PAD + TEXT_SIZE;
    let mut x = PAD;
    for entry in &frame.legend {
        let entry_width = SWATCH + 6.0 + estimated_width(&entry.name, TEXT_SIZE) + 18.0;
        if x > PAD && x + entry_width > PAD + inner {
            x = PAD;
            y += TEXT_SIZE * 1.8;
        }
        let dash = if entry.dash.is_empty() || entry.dash == "none" {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", escape(&entry.dash))
        };
        body.push_str(&format!(
            "<path d=\"M{x:.1},{:.1} q{:.1},-6 {SWATCH},0\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"{}\"{dash}/>",
            y - TEXT_SIZE * 0.3,
            SWATCH / 2.0,
            escape(&entry.stroke),
            escape(&entry.width),
            escape(&entry.cap),
        ));
        body.push_str(&text_element(
            x + SWATCH + 6.0,
            y,
            TEXT_SIZE,
            400,
            &frame.ink,
            &entry.name,
        ));
        x += entry_width;
    }
    if !frame.legend.is_empty() {
        y += TEXT_SIZE * 1.9;
    }
    body.push_str(&text_element(
        PAD,
        y,
        TEXT_SIZE * 0.92,
        400,
        &frame.muted,
        &fit(
            &format!("{} \u{00b7} {}", frame.source, frame.date),
            TEXT_SIZE * 0.92,
            inner,
        ),
    ));
    let total_height = (y + PAD).ceil();
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total_width}\" height=\"{total_height}\" \
         viewBox=\"0 0 {total_width} {total_height}\" font-family=\"{FONT}\">\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>{body}</svg>",
        escape(&frame.paper)
    );
    (svg, total_width, total_height)
}

fn text_element(x: f64, y: f64, size: f64, weight: u16, fill: &str, text: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{}\">{}</text>",
        escape(fill),
        escape(text)
    )
}

/// `text` cut with an ellipsis to about `width` at `size`.
fn fit(text: &str, size: f64, width: f64) -> String {
    if estimated_width(text, size) <= width {
        return text.to_string();
    }
    let keep = (width / (size * 0.62)).floor().max(1.0) as usize - 1;
    let mut cut: String = text.chars().take(keep).collect();
    cut.push('\u{2026}');
    cut
}

/// The map's SVG as an element: an XML declaration before it would be invalid inside.
fn without_xml_declaration(svg: &str) -> &str {
    match svg.strip_prefix("<?xml") {
        Some(rest) => rest
            .split_once("?>")
            .map_or(svg, |(_, after)| after.trim_start()),
        None => svg,
    }
}

/// Text or an attribute value as XML: `&`, `<`, `>` and both quotes escaped.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Characters XML 1.0 forbids (a user's title may hold them) are left out.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => escaped.push(c),
        }
    }
    escaped
}
