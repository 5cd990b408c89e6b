use diplomap_extract::{country_name, CountryCode, Entity, Label, Span, Value};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{Analysed, Article};
use crate::components::article_input::group;

/// One run of article text: plain, or an entity mention.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Mention {
        text: String,
        label: Label,
        country: Option<CountryCode>,
        /// The tooltip, e.g. `GPE · Russia (RU)`.
        title: String,
        /// What the mention stands for: its canonical name, else its text. Mentions
        /// with the same key are marked together.
        key: String,
    },
}

/// A block of the article: a paragraph, or the headline when the text opens with one.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub headline: bool,
    pub pieces: Vec<Piece>,
}

/// The article with every mention highlighted. Built only from text nodes and
/// elements, never from markup, so whatever the article contains stays inert text.
#[component]
pub fn ReadingView() -> impl IntoView {
    let article = expect_context::<Article>();
    let analysed = article.analysed;
    let focus = article.focus;
    let marked = article.marked;

    let classes = move || {
        let mut classes = String::from("reading");
        if article.show_chips.get() {
            classes.push_str(" show-chips");
        }
        article.hidden_labels.with(|hidden| {
            for label in hidden {
                classes.push_str(" hide-");
                classes.push_str(&label.as_str().to_ascii_lowercase());
            }
        });
        if focus.with(Option::is_some) {
            classes.push_str(" has-focus");
        }
        classes
    };

    let summary = move || {
        analysed.with(|current| {
            let mentions = current.analysis.entities.len();
            let countries = current
                .analysis
                .entities
                .iter()
                .filter_map(|entity| entity.country)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            format!(
                "{} mention{} \u{00b7} {} countr{}",
                group(mentions),
                if mentions == 1 { "" } else { "s" },
                group(countries),
                if countries == 1 { "y" } else { "ies" }
            )
        })
    };

    let body = move || {
        let current = analysed.get();
        if current.text.trim().is_empty() {
            return view! {
                <p class="reading-empty">
                    "Paste an article into the box above, or drop a file, to read it here with its people, places, organisations, dates and figures marked."
                </p>
            }
            .into_any();
        }
        // Each block carries the byte offset where it starts, so a span of the text
        // can be found in the page again (see `reveal`).
        blocks(&current)
            .into_iter()
            .zip(paragraph_ranges(&current.text))
            .map(|(block, (start, _))| render_block(block, start, focus, marked))
            .collect_view()
            .into_any()
    };

    view! {
        <section class="reading-panel" aria-labelledby="reading-heading">
            <div class="panel-head">
                <h2 id="reading-heading" class="section-title">"Reading view"</h2>
                <p class="panel-meta">{summary}</p>
            </div>
            <article class=classes aria-label="The article with entities highlighted">
                {body}
            </article>
            <div class="flash-layer" aria-hidden="true"></div>
        </section>
    }
}

fn render_block(
    block: Block,
    start: usize,
    focus: RwSignal<Option<CountryCode>>,
    marked: RwSignal<Option<String>>,
) -> AnyView {
    let pieces = block
        .pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Mention {
                text,
                label,
                country,
                title,
                key,
            } => {
                let focused = move || country.is_some() && focus.get() == country;
                let same = {
                    let key = key.clone();
                    move || marked.with(|marked| marked.as_ref() == Some(&key))
                };
                // Marks every mention of the same thing, or clears the mark.
                let toggle = move || {
                    marked.update(|marked| {
                        *marked = if marked.as_ref() == Some(&key) { None } else { Some(key.clone()) };
                    })
                };
                let toggle_key = toggle.clone();
                view! {
                    <mark
                        class=format!("ent ent-{}", label.as_str().to_ascii_lowercase())
                        class:ent-focus=focused
                        class:same=same
                        data-label=label.as_str()
                        data-country=country.map(|code| code.as_str().to_string())
                        title=title
                        tabindex="0"
                        on:click=move |_| toggle()
                        on:keydown=move |ev| match ev.key().as_str() {
                            "Enter" | " " => {
                                ev.prevent_default();
                                toggle_key();
                            }
                            "Escape" => marked.set(None),
                            _ => {}
                        }
                    >
                        {text}
                    </mark>
                }
                .into_any()
            }
        })
        .collect_view();
    if block.headline {
        view! { <h3 class="reading-headline" data-start=start.to_string()>{pieces}</h3> }.into_any()
    } else {
        view! { <p data-start=start.to_string()>{pieces}</p> }.into_any()
    }
}

/// How long a revealed sentence stays marked.
const FLASH_MS: u64 = 1800;

/// Scrolls the reading view to the text at `span` (byte offsets, e.g. an evidence
/// sentence) and marks it briefly. The mark is drawn on a layer of its own over the
/// article, so the article's elements are never touched. Returns whether the span is
/// on the page.
pub fn reveal(span: Span) -> bool {
    let Some(document) = window().document() else {
        return false;
    };
    let Some(range) = text_range(&document, span) else {
        return false;
    };
    let Some(layer) = document
        .query_selector(".reading-panel .flash-layer")
        .ok()
        .flatten()
    else {
        return false;
    };
    while let Some(child) = layer.first_child() {
        let _ = layer.remove_child(&child);
    }
    let origin = layer.get_bounding_client_rect();
    let Some(rects) = range.get_client_rects() else {
        return false;
    };
    let mut first_top = None;
    for i in 0..rects.length() {
        let Some(rect) = rects.item(i) else { continue };
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            continue;
        }
        first_top.get_or_insert(rect.top());
        let Ok(mark) = document.create_element("div") else {
            continue;
        };
        mark.set_class_name("flash");
        // Through the CSSOM: the Content-Security-Policy forbids style attributes.
        let style = mark.unchecked_ref::<web_sys::HtmlElement>().style();
        let _ = style.set_property("left", &format!("{}px", rect.left() - origin.left() - 2.0));
        let _ = style.set_property("top", &format!("{}px", rect.top() - origin.top() - 1.0));
        let _ = style.set_property("width", &format!("{}px", rect.width() + 4.0));
        let _ = style.set_property("height", &format!("{}px", rect.height() + 2.0));
        let _ = layer.append_child(&mark);
        set_timeout(
            move || mark.remove(),
            std::time::Duration::from_millis(FLASH_MS),
        );
    }
    let Some(top) = first_top else {
        return false;
    };
    let window = window();
    let reduce = window
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let options = web_sys::ScrollToOptions::new();
    options.set_top((scrolled + top - height * 0.3).max(0.0));
    options.set_behavior(if reduce {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    window.scroll_to_with_scroll_to_options(&options);
    true
}

/// A DOM range over the text at `span`: found in the block it starts in by walking its
/// text nodes (pieces are consecutive slices of the text, so their byte lengths add up
/// to offsets). A span running past its block ends with the block.
fn text_range(document: &web_sys::Document, span: Span) -> Option<web_sys::Range> {
    let blocks = document
        .query_selector_all("article.reading [data-start]")
        .ok()?;
    let mut found: Option<(web_sys::Element, usize)> = None;
    for i in 0..blocks.length() {
        let Some(element) = blocks
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(start) = element
            .get_attribute("data-start")
            .and_then(|start| start.parse().ok())
        else {
            continue;
        };
        // Blocks come in text order: keep the last one starting at or before the span
        // (or the first, for a span starting in the blank space before it).
        if start > span.start && found.is_some() {
            break;
        }
        found = Some((element, start));
    }
    let (block, block_start) = found?;
    // NodeFilter.SHOW_TEXT
    let walker = document
        .create_tree_walker_with_what_to_show(&block, 4)
        .ok()?;
    let range = document.create_range().ok()?;
    let target_start = span.start.max(block_start);
    let mut offset = block_start;
    let mut started = false;
    let mut last = None;
    while let Ok(Some(node)) = walker.next_node() {
        let text = node.text_content().unwrap_or_default();
        let end = offset + text.len();
        if !started && target_start < end {
            range
                .set_start(&node, utf16_offset(&text, target_start - offset))
                .ok()?;
            started = true;
        }
        if started && span.end <= end {
            range
                .set_end(&node, utf16_offset(&text, span.end - offset))
                .ok()?;
            return Some(range);
        }
        offset = end;
        last = Some(node);
    }
    if !started {
        return None;
    }
    range.set_end_after(&last?).ok()?;
    Some(range)
}

/// The UTF-16 offset of byte `index` of `text` (rounded down to a character).
fn utf16_offset(text: &str, index: usize) -> u32 {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    text[..index].encode_utf16().count() as u32
}

/// Splits the analysed text into blocks (paragraphs are separated by blank lines) of
/// plain text and mentions. Entity offsets are byte offsets into the text; a mention
/// that is out of range, overlaps the previous one or splits a character is left as
/// plain text rather than trusted.
pub fn blocks(analysed: &Analysed) -> Vec<Block> {
    let text = analysed.text.as_str();
    let entities = &analysed.analysis.entities;
    let mut next_entity = 0;
    let mut out = Vec::new();
    for (index, (start, end)) in paragraph_ranges(text).into_iter().enumerate() {
        let mut pieces = Vec::new();
        let mut cursor = start;
        // Skip entities that end before this paragraph.
        while next_entity < entities.len() && entities[next_entity].span.end <= start {
            next_entity += 1;
        }
        let mut i = next_entity;
        while i < entities.len() && entities[i].span.start < end {
            let entity = &entities[i];
            i += 1;
            let from = entity.span.start.max(cursor);
            let to = entity.span.end.min(end);
            if from >= to || entity.span.start < cursor {
                continue;
            }
            let (Some(before), Some(inside)) = (text.get(cursor..from), text.get(from..to)) else {
                continue;
            };
            if !before.is_empty() {
                pieces.push(Piece::Text(before.to_string()));
            }
            pieces.push(Piece::Mention {
                text: inside.to_string(),
                label: entity.label,
                country: entity.country,
                title: tooltip(entity, inside),
                key: entity.canonical.clone().unwrap_or_else(|| inside.to_string()),
            });
            cursor = to;
        }
        if let Some(rest) = text.get(cursor..end) {
            if !rest.is_empty() {
                pieces.push(Piece::Text(rest.to_string()));
            }
        }
        let headline = index == 0 && looks_like_headline(&text[start..end]);
        out.push(Block { headline, pieces });
    }
    out
}

/// A first paragraph that is one short line without a full stop reads as a headline.
fn looks_like_headline(paragraph: &str) -> bool {
    let line = paragraph.trim();
    !line.contains('\n')
        && line.chars().count() <= 140
        && !line.ends_with(['.', '"', '\u{201d}', ':'])
}

/// Byte ranges of the paragraphs: text separated by lines that are blank, trimmed of
/// the blank lines themselves. Single line breaks stay inside a paragraph.
pub fn paragraph_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\n' {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut newlines = 0;
        while j < bytes.len() && matches!(bytes[j], b'\n' | b' ' | b'\t' | b'\r') {
            newlines += usize::from(bytes[j] == b'\n');
            j += 1;
        }
        if newlines >= 2 {
            ranges.push((start, i));
            start = j;
        }
        i = j;
    }
    ranges.push((start, bytes.len()));
    ranges.retain(|&(start, end)| !text[start..end].trim().is_empty());
    // Leading blank space is not part of the paragraph.
    for range in &mut ranges {
        let paragraph = &text[range.0..range.1];
        range.0 += paragraph.len() - paragraph.trim_start().len();
        let paragraph = &text[range.0..range.1];
        range.1 = range.0 + paragraph.trim_end().len();
    }
    ranges
}

/// The tooltip of a mention: label, then what it resolves to, e.g. `GPE · Russia (RU)`,
/// `PERSON · Vladimir Putin · Russia (RU)`, `MONEY · 1.2 billion USD`.
pub fn tooltip(entity: &Entity, surface: &str) -> String {
    let mut parts = vec![entity.label.as_str().to_string()];
    if let Some(canonical) = &entity.canonical {
        if canonical != surface {
            parts.push(canonical.clone());
        }
    }
    if let Some(code) = entity.country {
        let name = country_name(code).unwrap_or(code.as_str());
        parts.push(format!("{name} ({code})"));
    }
    match &entity.value {
        Some(Value::Money(money)) => {
            parts.push(format!("{} {}", amount(money.value), money.currency))
        }
        Some(Value::Percent(percent)) => parts.push(format!("{}%", trim_number(*percent))),
        Some(Value::Date(date)) => parts.push(date.clone()),
        None => {}
    }
    parts.join(" \u{00b7} ")
}

/// `1.2e9` -> `1.2 billion`; `300000` -> `300,000`.
pub fn amount(value: f64) -> String {
    let magnitude = value.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if magnitude >= scale {
            return format!("{} {word}", trim_number(value / scale));
        }
    }
    if value.fract() == 0.0 && magnitude < 1e15 {
        let grouped = group(magnitude as usize);
        return if value < 0.0 {
            format!("-{grouped}")
        } else {
            grouped
        };
    }
    trim_number(value)
}

/// At most two decimals, without trailing zeros.
fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
