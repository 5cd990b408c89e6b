use std::sync::Arc;

use diplomap_app_core::layout::{blocks_of, passages, sections, Block, Piece, Section};
use diplomap_app_core::present::group;
use diplomap_extract::Span;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

use crate::components::mention_note::{MentionPopover, Popover};
use crate::state::{Article, Pane, Settings};

/// The article with every mention highlighted. Built only from text nodes and
/// elements, never from markup, so whatever the article contains stays inert text.
///
/// The whole text is on the page at once, in sections (see [`diplomap_app_core::layout`]); a
/// section is highlighted when it comes near the screen. A 5 MB paste thus never puts
/// a hundred thousand elements into the page in one go.
#[component]
pub fn ReadingView() -> impl IntoView {
    let article = expect_context::<Article>();
    let analysed = article.analysed;
    let focus = article.settings.focus;

    let classes = move || {
        let mut classes = String::from("reading");
        if article.settings.show_chips.get() {
            classes.push_str(" show-chips");
        }
        article.settings.hidden_labels.with(|hidden| {
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

    // The sections on the page: where each starts and ends, and whether it is
    // highlighted yet.
    let shown: StoredValue<Vec<ShownSection>> = StoredValue::new(Vec::new());
    let observer = StoredValue::new_local(section_observer(shown));
    on_cleanup(move || {
        let _ = observer
            .try_with_value(|observer| observer.as_ref().map(|observer| observer.disconnect()));
    });

    let body = move || {
        let current = analysed.get();
        if current.text.trim().is_empty() {
            shown.set_value(Vec::new());
            return view! {
                <p class="reading-empty">
                    "Paste an article into the box above, or drop a file, to read it here with its people, places, organisations, dates and figures marked."
                </p>
            }
            .into_any();
        }
        let passages = Arc::new(passages(&current.text));
        let sections = sections(&passages);
        let sections: Vec<(Section, ShownSection)> = sections
            .into_iter()
            .enumerate()
            .map(|(index, section)| {
                let highlighted = RwSignal::new(index < OPEN_SECTIONS);
                let shown = ShownSection {
                    end: section.end,
                    highlighted,
                };
                (section, shown)
            })
            .collect();
        shown.set_value(sections.iter().map(|(_, shown)| *shown).collect());
        sections
            .into_iter()
            .enumerate()
            .map(|(index, (section, flag))| {
                let current = current.clone();
                let passages = passages.clone();
                let content = move || {
                    if flag.highlighted.get() {
                        blocks_of(&current, &passages[section.passages.clone()])
                            .into_iter()
                            .map(|block| render_block(block, article.settings))
                            .collect_view()
                            .into_any()
                    } else {
                        let text = current.text.get(section.start..section.end).unwrap_or_default().to_string();
                        view! { <div class="reading-plain" data-start=section.start.to_string()>{text}</div> }.into_any()
                    }
                };
                view! { <div class="reading-section" data-section=index.to_string()>{content}</div> }
            })
            .collect_view()
            .into_any()
    };

    // Once the sections are on the page, watch those not highlighted yet.
    let reading = NodeRef::<leptos::html::Article>::new();
    let popover = Popover::default();
    Effect::new(move |_| {
        analysed.track();
        // New mentions: the article is the tab stop again.
        popover.hide();
        if let Some(reading) = reading.get_untracked() {
            let _ = reading.set_attribute("tabindex", "0");
        }
        request_animation_frame(move || {
            // The view may be gone by the next frame.
            let _ = observer.try_with_value(|observer| {
                if let (Some(observer), Some(reading)) = (observer, reading.get_untracked()) {
                    observe_plain_sections(observer, &reading, shown);
                }
            });
        });
    });

    // A sentence to show (evidence clicked in the map): once its text is analysed and
    // on the page, highlight its section, scroll to it and flash it.
    Effect::new(move |_| {
        let Some(span) = article.revealing.get() else {
            return;
        };
        if article.busy.with(Option::is_some)
            || analysed.with(|current| span.end > current.text.len())
        {
            return;
        }
        article.revealing.set(None);
        // The sentence is shown in the highlighted article, wherever the reader was.
        article.settings.editing.set(false);
        article.settings.pane.set(Pane::Text);
        shown.with_value(|sections| {
            if let Some(section) = sections.iter().find(|section| section.end >= span.start) {
                section.highlighted.set(true);
            }
        });
        request_animation_frame(move || {
            reveal(span);
        });
    });

    view! {
        <section
            class="reading-panel"
            aria-label="The article, highlighted"
            on:mouseleave=move |_| popover.hide_hovered()
            // The article's keys, and Escape in the popover.
            on:keydown=move |event| {
                if let Some(reading) = reading.get_untracked() {
                    mention_keys(&event, &reading, popover, article);
                }
            }
        >
            <p class="panel-meta reading-meta">{summary}</p>
            <article
                node_ref=reading
                id="reading"
                class=classes
                tabindex="0"
                aria-label="The article with its mentions highlighted: the arrow keys move between mentions, Enter marks every mention of one"
                aria-busy=move || article.busy.with(Option::is_some).to_string()
                on:mouseover=move |event| {
                    if let Some(mark) = mention_of(&event) {
                        popover.show(&mark, false);
                    }
                }
                on:click=move |event| match mention_of(&event) {
                    Some(mark) => {
                        popover.show(&mark, true);
                        focus_element(&mark);
                    }
                    None => popover.hide(),
                }
                on:focusin=move |event| {
                    if let (Some(mark), Some(reading)) = (mention_of(&event), reading.get_untracked()) {
                        rove_to(&reading, &mark);
                        popover.show(&mark, true);
                    }
                }
                on:focusout=move |event: leptos::ev::FocusEvent| {
                    let inside = event
                        .related_target()
                        .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                        .and_then(|target| target.parent_element())
                        .and_then(|parent| parent.closest(".reading-panel").ok().flatten())
                        .is_some();
                    if !inside {
                        popover.hide();
                    }
                }
            >
                {body}
            </article>
            <MentionPopover popover=popover/>
            <div class="flash-layer" aria-hidden="true"></div>
        </section>
    }
}

/// The mention an event happened on.
fn mention_of(event: &web_sys::Event) -> Option<web_sys::Element> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("mark.ent").ok().flatten()
}

fn focus_element(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// The roving tab stop: `mark` is the one mention Tab comes back to, and the article
/// itself is no stop of its own any more.
fn rove_to(reading: &web_sys::Element, mark: &web_sys::Element) {
    if let Ok(Some(stop)) = reading.query_selector("mark.ent[tabindex='0']") {
        let _ = stop.set_attribute("tabindex", "-1");
    }
    let _ = reading.set_attribute("tabindex", "-1");
    let _ = mark.set_attribute("tabindex", "0");
}

/// The article's keys: arrows (and Home, End) move between the mentions, Enter or
/// Space marks every mention of the one focused, Escape dismisses the popover and the
/// marks.
fn mention_keys(
    event: &web_sys::KeyboardEvent,
    reading: &web_sys::Element,
    popover: Popover,
    article: Article,
) {
    let settings = article.settings;
    let current = mention_of(event);
    let key = event.key();
    match key.as_str() {
        "Enter" | " " => {
            let Some(mark) = current else { return };
            event.prevent_default();
            let note = mark
                .get_attribute("data-entity")
                .and_then(|index| index.parse().ok());
            let key = note.and_then(|index: usize| {
                article
                    .analysed
                    .with_untracked(|analysed| {
                        diplomap_app_core::present::mention_note(analysed, index)
                    })
                    .map(|note| note.key)
            });
            if let Some(key) = key {
                settings.toggle_mark(&key);
            }
        }
        "Escape" => {
            // Back to the mention, from the popover's button.
            if let Some(mark) = popover.anchor() {
                focus_element(&mark);
            }
            popover.hide();
            settings.marked.set(None);
        }
        "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End" => {
            let Ok(marks) = reading.query_selector_all("mark.ent") else {
                return;
            };
            let count = marks.length();
            if count == 0 {
                return;
            }
            let at = current.and_then(|current| {
                (0..count).find(|i| {
                    marks
                        .item(*i)
                        .is_some_and(|mark| mark.is_same_node(Some(current.as_ref())))
                })
            });
            let next = match (key.as_str(), at) {
                ("Home", _) | ("ArrowRight" | "ArrowDown", None) => 0,
                ("End", _) | (_, None) => count - 1,
                ("ArrowRight" | "ArrowDown", Some(at)) => (at + 1).min(count - 1),
                (_, Some(at)) => at.saturating_sub(1),
            };
            if let Some(mark) = marks
                .item(next)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                event.prevent_default();
                focus_element(&mark);
            }
        }
        _ => {}
    }
}

/// How many sections are highlighted before any scrolling: the first screens.
const OPEN_SECTIONS: usize = 2;

/// A section on the page.
#[derive(Clone, Copy)]
struct ShownSection {
    end: usize,
    highlighted: RwSignal<bool>,
}

/// Highlights each section as it comes within a screen or so of the viewport.
fn section_observer(
    shown: StoredValue<Vec<ShownSection>>,
) -> Option<web_sys::IntersectionObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if !entry.is_intersecting() {
                    continue;
                }
                let target = entry.target();
                observer.unobserve(&target);
                let index = target
                    .get_attribute("data-section")
                    .and_then(|index| index.parse::<usize>().ok());
                let _ = shown.try_with_value(|sections| {
                    if let Some(section) = index.and_then(|index| sections.get(index)) {
                        section.highlighted.set(true);
                    }
                });
            }
        },
    )
    // Lives as long as the observer, which JavaScript holds.
    .into_js_value();
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("1200px 0px");
    web_sys::IntersectionObserver::new_with_options(callback.unchecked_ref(), &options).ok()
}

fn observe_plain_sections(
    observer: &web_sys::IntersectionObserver,
    reading: &web_sys::HtmlElement,
    shown: StoredValue<Vec<ShownSection>>,
) {
    observer.disconnect();
    let Ok(elements) = reading.query_selector_all(":scope > .reading-section") else {
        return;
    };
    let _ = shown.try_with_value(|sections| {
        for (index, section) in sections.iter().enumerate() {
            if section.highlighted.get_untracked() {
                continue;
            }
            if let Some(element) = elements
                .item(index as u32)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                observer.observe(&element);
            }
        }
    });
}

fn render_block(block: Block, settings: Settings) -> AnyView {
    let Settings { focus, marked, .. } = settings;
    let start = block.start;
    let pieces = block
        .pieces
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Mention {
                text,
                label,
                country,
                entity,
                key,
            } => {
                let focused = move || country.is_some() && focus.get() == country;
                let same = move || marked.with(|marked| marked.as_ref() == Some(&key));
                // One tab stop for the whole article: the mentions are reached with
                // the arrow keys (`mention_keys`), and described by the popover.
                view! {
                    <mark
                        class=format!("ent ent-{}", label.as_str().to_ascii_lowercase())
                        class:ent-focus=focused
                        class:same=same
                        data-label=label.as_str()
                        data-country=country.map(|code| code.as_str().to_string())
                        data-entity=entity.to_string()
                        tabindex="-1"
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
        view! { <p class:continued=block.continued data-start=start.to_string()>{pieces}</p> }
            .into_any()
    }
}

/// How long a revealed sentence stays marked.
const FLASH_MS: u64 = 1800;

/// Scrolls the reading view to the text at `span` (byte offsets, e.g. an evidence
/// sentence) and marks it briefly. The mark is drawn on a layer of its own over the
/// article, so the article's elements are never touched. Returns whether the span is
/// on the page.
fn reveal(span: Span) -> bool {
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
