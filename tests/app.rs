//! Component and logic tests of the browser app, run in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown -p diplomap-app`.

use diplomap_app::app::App;
use diplomap_app::idb;
use diplomap_app::sample::SAMPLE_ARTICLE;
use diplomap_app::store::{
    CURRENT_KEY, LEGACY_ARTICLE_KEY, LEGACY_SAVED_IN_KEY, LEGACY_UNREADABLE_KEY,
    LEGACY_WORKSPACE_KEY,
};
use diplomap_app_core::layout::SECTION_BYTES;
use diplomap_app_core::DocRecord;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::js_sys;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../crates/app-core/tests/support/texts.rs"]
mod texts;
use texts::{long_article, GRAIN, KYIV, MAP_ARTICLE};

// ---------- helpers ----------

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls `check` until it holds (the file reader and timers are asynchronous).
async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Awaits a promise made by `start(resolve)`.
async fn promised(mut start: impl FnMut(js_sys::Function)) {
    let promise = js_sys::Promise::new(&mut |resolve, _| start(resolve));
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A browser that never saw Diplomap: no saves in `localStorage`, no database (the
/// apps mounted before let go of theirs when asked).
async fn wipe() {
    for key in [
        LEGACY_WORKSPACE_KEY,
        LEGACY_SAVED_IN_KEY,
        LEGACY_UNREADABLE_KEY,
        LEGACY_ARTICLE_KEY,
        CURRENT_KEY,
    ] {
        storage().remove_item(key).unwrap();
    }
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(idb::DATABASE).unwrap();
    promised(|resolve| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&resolve));
    })
    .await;
}

/// The documents in the app's store now, in id order.
async fn stored_docs() -> Vec<DocRecord> {
    let database = idb::open(|| {}, || {}).await.unwrap();
    let transaction = database.transaction(&[idb::DOCUMENTS], false).unwrap();
    let store = transaction.store(idb::DOCUMENTS).unwrap();
    let values = idb::all(vec![store.get_all_keys(), store.get_all()])
        .await
        .unwrap();
    let keys = js_sys::Array::from(&values[0]);
    let records = js_sys::Array::from(&values[1]);
    keys.iter()
        .zip(records.iter())
        .map(|(key, record)| {
            let read = diplomap_app_core::salvage::read_saved(&record.as_string().unwrap());
            let found = &read.docs[0];
            DocRecord {
                id: key.as_f64().unwrap() as u64,
                title: found.title.clone().unwrap_or_default(),
                text: found.text.clone(),
            }
        })
        .collect()
}

/// Waits until the store holds documents that pass `check`; returns them.
async fn stored_until(what: &str, check: impl Fn(&[DocRecord]) -> bool) -> Vec<DocRecord> {
    for _ in 0..100 {
        let docs = stored_docs().await;
        if check(&docs) {
            return docs;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for the store: {what}");
}

/// The app mounted into a fresh element, as on a first visit unless `saved` is given.
struct Mounted {
    root: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    /// `saved`: the single article the first version of the app left.
    async fn new(saved: Option<&str>) -> Mounted {
        wipe().await;
        if let Some(text) = saved {
            storage().set_item(LEGACY_ARTICLE_KEY, text).unwrap();
        }
        Mounted::reloaded().await
    }

    /// The app mounted over whatever the browser has stored, as after a reload, once
    /// its workspace is restored.
    async fn reloaded() -> Mounted {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), App);
        let app = Mounted {
            root,
            _handle: Box::new(handle),
        };
        eventually("the workspace is restored", || {
            app.root.query_selector(".store-status").unwrap().is_none()
        })
        .await;
        app
    }

    fn one(&self, selector: &str) -> web_sys::Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.one(selector).text_content().unwrap_or_default()
    }

    fn textarea(&self) -> web_sys::HtmlTextAreaElement {
        self.one("#article-text").unchecked_into()
    }

    /// Types `text` into the article box the way a browser reports it.
    fn type_text(&self, text: &str) {
        let textarea = self.textarea();
        textarea.set_value(text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        textarea.dispatch_event(&event).unwrap();
    }

    fn marks(&self) -> Vec<(String, String)> {
        self.all("article.reading mark.ent")
            .into_iter()
            .map(|mark| {
                (
                    mark.text_content().unwrap_or_default(),
                    mark.get_attribute("data-label").unwrap_or_default(),
                )
            })
            .collect()
    }

    fn click(&self, selector: &str) {
        self.one(selector)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
    }

    /// Drops a file with `bytes` called `name` on the drop zone.
    fn drop_file(&self, name: &str, bytes: &[u8]) {
        self.drop_file_on(".drop-zone", name, bytes);
    }

    fn drop_file_on(&self, selector: &str, name: &str, bytes: &[u8]) {
        let parts = js_sys::Array::new();
        parts.push(&js_sys::Uint8Array::from(bytes));
        let file = web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap();
        let transfer = web_sys::DataTransfer::new().unwrap();
        transfer.items().add_with_file(&file).unwrap();
        let init = web_sys::DragEventInit::new();
        init.set_bubbles(true);
        init.set_cancelable(true);
        init.set_data_transfer(Some(&transfer));
        let event = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
        self.one(selector).dispatch_event(&event).unwrap();
    }

    fn notice(&self) -> String {
        self.root
            .query_selector(".notice")
            .unwrap()
            .and_then(|notice| notice.text_content())
            .unwrap_or_default()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

// ---------- components ----------

#[wasm_bindgen_test]
async fn first_visit_shows_the_sample_highlighted() {
    let app = Mounted::new(None).await;
    assert_eq!(app.text("h1"), "Diplomap");
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);
    let reading = app.text("article.reading");
    assert!(reading.contains("Kassym-Jomart Tokayev"));
    let marks = app.marks();
    assert!(
        marks.contains(&("$1.2 billion".into(), "MONEY".into())),
        "{marks:?}"
    );
    assert!(
        marks.contains(&("12%".into(), "PERCENT".into())),
        "{marks:?}"
    );
    assert!(marks.iter().any(|(_, label)| label == "DATE"));
    assert!(app.notice().contains("fictional sample"));
    // Each mention has a tooltip starting with its label.
    for mark in app.all("article.reading mark.ent") {
        let label = mark.get_attribute("data-label").unwrap();
        let title = mark.get_attribute("title").unwrap();
        assert!(title.starts_with(&label), "{title}");
    }
    // Legend: one entry per label present.
    let legend: Vec<String> = app
        .all(".legend-entry")
        .iter()
        .map(|entry| entry.get_attribute("data-label").unwrap())
        .collect();
    let mut present: Vec<String> = marks.iter().map(|(_, label)| label.clone()).collect();
    present.sort();
    present.dedup();
    let mut sorted_legend = legend.clone();
    sorted_legend.sort();
    assert_eq!(sorted_legend, present);
}

#[wasm_bindgen_test]
async fn sample_lists_countries_by_mentions() {
    let app = Mounted::new(None).await;
    let rows = app.all("ol.country-list > li");
    if rows.is_empty() {
        // The gazetteer tables are still placeholders: only numbers and dates are found.
        assert!(app.text(".countries").contains("No countries found"));
        return;
    }
    let counts: Vec<usize> = rows
        .iter()
        .map(|row| {
            row.query_selector(".count")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
                .split_whitespace()
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    let mut sorted = counts.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(counts, sorted);
    let codes: Vec<String> = rows
        .iter()
        .map(|row| row.get_attribute("data-country").unwrap())
        .collect();
    assert_eq!(codes[0], "RU", "{codes:?}");
    assert!(codes.contains(&"KZ".to_string()));
    let russia = app.text(r#"li[data-country="RU"] .country-names"#);
    assert!(
        russia.contains("Moscow") && russia.contains("Putin"),
        "{russia}"
    );
}

#[wasm_bindgen_test]
async fn typing_is_analysed_after_a_pause_and_remembered() {
    let app = Mounted::new(None).await;
    assert!(app.notice().contains("fictional sample"));
    app.type_text("Markets fell 3% on March 3.\n\nA fund of $5 million opened in April 2021.");
    leptos::task::tick().await;
    // Still the sample until typing pauses, but no longer called the sample.
    assert!(app.text("article.reading").contains("Tokayev"));
    assert!(
        !app.notice().contains("fictional sample"),
        "{}",
        app.notice()
    );
    eventually("the typed article is analysed", || {
        app.text("article.reading").contains("$5 million opened")
    })
    .await;
    let marks = app.marks();
    assert!(
        marks.contains(&("3%".into(), "PERCENT".into())),
        "{marks:?}"
    );
    assert!(
        marks.contains(&("$5 million".into(), "MONEY".into())),
        "{marks:?}"
    );
    assert_eq!(app.all("article.reading p").len(), 2);
    assert!(app.text(".input-stats").starts_with("15 words"));
    let typed = "Markets fell 3% on March 3.\n\nA fund of $5 million opened in April 2021.";
    stored_until("the typed text saved", |docs| docs[0].text == typed).await;
}

#[wasm_bindgen_test]
async fn a_returning_reader_gets_their_article_back() {
    let app = Mounted::new(Some("Oil rose 4% in May 2024.")).await;
    assert_eq!(app.textarea().value(), "Oil rose 4% in May 2024.");
    assert!(app.marks().contains(&("4%".into(), "PERCENT".into())));
    assert_eq!(app.notice(), "");
    drop(app);
}

#[wasm_bindgen_test]
async fn markup_in_the_article_is_inert_text() {
    let app = Mounted::new(None).await;
    let hostile = "<script>alert(1)</script> and <img src=x onerror=alert(1)> cost $3 billion.";
    app.type_text(hostile);
    eventually("the hostile text is shown", || {
        app.text("article.reading").contains("onerror")
    })
    .await;
    assert_eq!(app.text("article.reading").trim(), hostile);
    assert!(app.all("article.reading script").is_empty());
    assert!(app.all("article.reading img").is_empty());
    assert_eq!(
        app.all("article.reading *").len(),
        app.all("article.reading .reading-section, article.reading p, article.reading h3, article.reading mark")
            .len()
    );
}

#[wasm_bindgen_test]
async fn bad_files_are_refused_and_the_article_kept() {
    let app = Mounted::new(None).await;
    app.drop_file("cable.txt", b"Moscow\0\x01\x02");
    eventually("binary file refused", || app.notice().contains("cable.txt")).await;
    assert!(app.notice().contains("NUL"), "{}", app.notice());
    assert!(app.one(".notice").class_list().contains("notice-error"));
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);

    app.drop_file("slides.pptx", b"PK");
    eventually("unsupported file refused", || {
        app.notice().contains("slides.pptx")
    })
    .await;
    assert!(app.notice().contains(".txt, .md, .html or .json"));

    let big = vec![b'a'; 5 * 1024 * 1024 + 1];
    app.drop_file("dump.txt", &big);
    eventually("large file refused", || app.notice().contains("dump.txt")).await;
    assert!(
        app.notice().contains("the limit is 5 MB"),
        "{}",
        app.notice()
    );
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);
    assert!(app.text("article.reading").contains("Tokayev"));

    app.drop_file(
        "talks.md",
        "# Talks\n\nThe fund grew 7% in 2023.".as_bytes(),
    );
    eventually("good file loaded", || app.notice().contains("Loaded")).await;
    assert_eq!(app.all(".doc-tabs .doc-item:not(.doc-item-all)").len(), 2);
    assert!(app.notice().contains("talks.md"));
    assert_eq!(
        app.textarea().value(),
        "# Talks\n\nThe fund grew 7% in 2023."
    );
    assert!(app.marks().contains(&("7%".into(), "PERCENT".into())));
}

#[wasm_bindgen_test]
async fn files_dropped_anywhere_are_read_once() {
    let app = Mounted::new(None).await;
    app.drop_file_on("#article-text", "brief.txt", b"Exports rose 9% in 2022.");
    eventually("file dropped on the text box loaded", || {
        app.notice().contains("brief.txt")
    })
    .await;
    assert_eq!(app.textarea().value(), "Exports rose 9% in 2022.");
    assert_eq!(
        app.marks()
            .iter()
            .filter(|(_, label)| label == "PERCENT")
            .count(),
        1
    );
}

#[wasm_bindgen_test]
async fn legend_switches_a_type_off_and_on() {
    let app = Mounted::new(None).await;
    let button = r#".legend-entry[data-label="MONEY"]"#;
    assert_eq!(
        app.one(button).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    app.click(button);
    leptos::task::tick().await;
    assert_eq!(
        app.one(button).get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(app
        .one("article.reading")
        .class_list()
        .contains("hide-money"));
    app.click(button);
    leptos::task::tick().await;
    assert!(!app
        .one("article.reading")
        .class_list()
        .contains("hide-money"));

    let chips: web_sys::HtmlInputElement = app.one(".chip-toggle input").unchecked_into();
    chips.click();
    leptos::task::tick().await;
    assert!(app
        .one("article.reading")
        .class_list()
        .contains("show-chips"));
}

#[wasm_bindgen_test]
async fn selecting_a_country_emphasises_its_mentions() {
    let app = Mounted::new(None).await;
    let Some(first) = app.all("ol.country-list > li").into_iter().next() else {
        return; // placeholder gazetteer: no countries
    };
    let code = first.get_attribute("data-country").unwrap();
    app.click(&format!(r#"li[data-country="{code}"] button"#));
    leptos::task::tick().await;
    let focused = app.all("mark.ent-focus");
    assert!(!focused.is_empty());
    assert!(focused
        .iter()
        .all(|mark| mark.get_attribute("data-country").as_deref() == Some(code.as_str())));
    assert_eq!(
        focused.len(),
        app.all(&format!(r#"article.reading mark[data-country="{code}"]"#))
            .len()
    );
    assert!(app
        .one("article.reading")
        .class_list()
        .contains("has-focus"));
}

#[wasm_bindgen_test]
async fn clear_and_load_sample() {
    let app = Mounted::new(None).await;
    app.click(".panel-actions button:nth-child(2)");
    leptos::task::tick().await;
    assert_eq!(app.textarea().value(), "");
    assert!(app
        .one(".reading-empty")
        .text_content()
        .unwrap()
        .contains("Paste an article"));
    assert!(app.all("ol.country-list").is_empty());
    app.click(".panel-actions button:nth-child(1)");
    leptos::task::tick().await;
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);
    assert!(!app.marks().is_empty());
}

// ---------- the relations map ----------
// (An SVG element's `className` is not a string: these tests read the attribute.)

use diplomap_app_core::graph::Mode;

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

// ---------- workspace ----------

#[wasm_bindgen_test]
fn html_files_become_their_text_without_scripts() {
    use diplomap_app::io::import::read_document;
    let html = b"<html><head><title>Cable</title><style>p{}</style></head><body><h1>Aid to Kyiv</h1><script>alert(1)</script><p>Berlin has <b>granted</b> aid.</p><img src=x onerror=alert(1)><p>Second.</p></body></html>";
    let docs = read_document("cable.html", html).unwrap();
    assert_eq!(
        docs,
        vec![(
            Some("Cable".to_string()),
            "Aid to Kyiv\n\nBerlin has granted aid.\n\nSecond.".to_string()
        )]
    );
    assert!(read_document("empty.htm", b"<script>alert(1)</script>")
        .unwrap_err()
        .contains("empty.htm"));
    let refused = read_document("x.json", b"[1]").unwrap_err();
    assert!(refused.contains("x.json"));
}

#[wasm_bindgen_test]
fn web_pages_are_parsed_without_attributes_comments_scripts_or_styles() {
    use diplomap_app::io::import::read_document;
    use diplomap_app_core::import::bare_markup;
    assert_eq!(
        bare_markup("<P class=x onclick='a>b'>Hi &amp; <b>you</b>, 1 < 2 <3</p >"),
        "<p>Hi &amp; <b>you</b>, 1 &lt; 2 &lt;3</p>"
    );
    assert_eq!(
        bare_markup("<style>p{}</style><SCRIPT>if (a<b) x='</p>'</script >x"),
        "</style></script>x"
    );
    assert_eq!(
        bare_markup("<title>a <b onclick=x> &amp; c</title>"),
        "<title>a &lt;b onclick=x> &amp; c</title>"
    );
    assert_eq!(
        bare_markup("<!-- <img onerror=x> -->t<!-->u<!--->v<!DOCTYPE html><?xml?>w<plaintext>z"),
        "tuvwz"
    );
    assert_eq!(
        bare_markup("<img src=\"x\" alt='>' onerror=alert(1)//>é"),
        "<img>é"
    );
    assert_eq!(bare_markup("<svg><script>x</svg>"), "<svg>");
    // Whatever comes in, every `<` left opens a tag with a bare name.
    for html in [
        "<a href=\"javascript:alert(1)\">x</a><svg/onload=alert(1)><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<<script>alert(1);//<</script><scr<script>ipt>alert(1)</scr</script>ipt><div =\"a\" '=x onmouseover=1>",
        "<textarea></textarea><img src=x onerror=alert(1)><title></title onerror=1><x y='unclosed",
    ] {
        let bare = bare_markup(html);
        for tag in bare.split('<').skip(1) {
            let name = tag.split('>').next().unwrap_or_default();
            assert!(tag.contains('>') && name.trim_start_matches('/').bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{html:?} gave {bare:?}");
        }
    }
    let page = b"<title>&lt;img src=x onerror=alert(1)&gt;</title><p onclick=alert(1)>Berlin <img src=x onerror=alert(1)>and &lt;b&gt; Kyiv.</p><style>@import url(x.css)</style>";
    assert_eq!(
        read_document("page.html", page).unwrap(),
        vec![(
            Some("<img src=x onerror=alert(1)>".to_string()),
            "Berlin and <b> Kyiv.".to_string()
        )]
    );
}

#[wasm_bindgen_test]
async fn workspace_tabs_switch_rename_delete_and_restore() {
    let app = Mounted::new(Some(KYIV)).await;
    // The first version's single article became the first document.
    assert_eq!(app.all(".doc-tabs .doc-item:not(.doc-item-all)").len(), 1);
    assert_eq!(
        stored_until("migrated", |docs| docs.len() == 1).await[0].text,
        KYIV
    );
    assert_eq!(storage().get_item(LEGACY_ARTICLE_KEY).unwrap(), None);
    app.click(".doc-new");
    eventually("empty text", || app.textarea().value() == "").await;
    app.type_text(GRAIN);
    stored_until("second document saved", |docs| {
        docs.len() == 2 && docs[1].text == GRAIN
    })
    .await;
    eventually("tab titled", || app.text(".doc-current .doc-tab") == GRAIN).await;

    // Rename.
    app.click(".doc-rename-button");
    eventually("rename field", || !app.all(".doc-rename-input").is_empty()).await;
    let input: web_sys::HtmlInputElement = app.one(".doc-rename-input").unchecked_into();
    input.set_value("Grain deal");
    app.click(".doc-rename button[type=submit]");
    eventually("renamed", || {
        app.text(".doc-current .doc-tab") == "Grain deal"
    })
    .await;
    stored_until("renamed", |docs| docs[1].title == "Grain deal").await;

    // Switch.
    app.click(r#".doc-item[data-doc-id="1"] .doc-tab"#);
    eventually("text KYIV", || app.textarea().value() == KYIV).await;

    // All documents: one DE-UA line, evidence from both, naming them.
    app.click(".doc-all");
    eventually("aggregated edge", || {
        !app.all(r#"g.edge[data-target="E:DE-UA"]"#).is_empty()
    })
    .await;
    assert!(app.textarea().read_only());
    assert_eq!(
        storage().get_item(CURRENT_KEY).unwrap().as_deref(),
        Some("all")
    );

    // Delete, undo, delete again.
    app.click(r#".doc-item[data-doc-id="2"] .doc-delete"#);
    eventually("undo offered", || !app.all(".doc-undo").is_empty()).await;
    stored_until("deleted", |docs| docs.len() == 1).await;
    assert!(app.text(".doc-undo").contains("Grain deal"));
    app.click(".doc-undo-button");
    stored_until("brought back", |docs| docs.len() == 2).await;
    eventually("grain text back", || app.textarea().value() == GRAIN).await;
    app.click(r#".doc-item[data-doc-id="2"] .doc-delete"#);
    eventually("text KYIV", || app.textarea().value() == KYIV).await;
    let docs = stored_until("deleted again", |docs| docs.len() == 1).await;
    drop(app);

    // A reload restores the workspace as saved.
    let app = Mounted::reloaded().await;
    let tabs = app.all(".doc-tabs .doc-item:not(.doc-item-all)");
    assert_eq!(tabs.len(), 1);
    assert_eq!(stored_docs().await, docs);
}

#[wasm_bindgen_test]
async fn a_damaged_workspace_keeps_its_readable_documents() {
    wipe().await;
    let save = r#"[{"id":1,"title":"Kept","text":"Oil rose 4% in May."}, "junk", {"id":2,"title":"Cut","te"#;
    storage().set_item(LEGACY_WORKSPACE_KEY, save).unwrap();
    let app = Mounted::reloaded().await;
    let notice = app.text(".notice");
    assert!(
        notice.contains("The saved workspace was damaged: 1 document recovered"),
        "{notice}"
    );
    assert!(notice.contains("store \u{201c}aside\u{201d}"), "{notice}");
    let docs = stored_docs().await;
    assert_eq!((docs.len(), docs[0].title.as_str()), (1, "Kept"));
    // The damaged save is offered for download, and the old key is gone.
    assert_eq!(app.all(".kept-copy").len(), 1);
    assert!(app.text(".kept-copy").contains("damaged"));
    assert_eq!(storage().get_item(LEGACY_WORKSPACE_KEY).unwrap(), None);
    drop(app);
    // Still offered after a reload; not copied twice.
    let app = Mounted::reloaded().await;
    assert_eq!(app.all(".kept-copy").len(), 1);
}

#[wasm_bindgen_test]
async fn clicking_a_mention_marks_every_mention_of_it() {
    let app = Mounted::new(None).await;
    app.type_text(
        "Vladimir Putin met the envoy in Minsk.\n\nLater Putin said the talks went well.",
    );
    eventually("the typed article is analysed", || {
        app.text("article.reading").contains("talks went well")
    })
    .await;
    let putins = || {
        app.all("article.reading mark.ent")
            .into_iter()
            .filter(|mark| mark.text_content().unwrap_or_default().contains("Putin"))
            .collect::<Vec<_>>()
    };
    assert_eq!(putins().len(), 2, "{:?}", app.marks());
    assert!(app.all("mark.same").is_empty());
    assert_eq!(putins()[1].get_attribute("tabindex").as_deref(), Some("0"));
    putins()[1].unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(putins()
        .iter()
        .all(|mark| mark.class_list().contains("same")));
    assert_eq!(app.all("mark.same").len(), 2);
    assert!(putins()[0].get_attribute("title").is_some());
    // Again clears; Enter marks; Escape clears.
    putins()[0].unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(app.all("mark.same").is_empty());
    let key = |mark: &web_sys::Element, key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        mark.dispatch_event(&event).unwrap();
    };
    key(&putins()[0], "Enter");
    leptos::task::tick().await;
    assert_eq!(app.all("mark.same").len(), 2);
    key(&putins()[0], "Escape");
    leptos::task::tick().await;
    assert!(app.all("mark.same").is_empty());
}

// ---------- long articles ----------

#[wasm_bindgen_test]
async fn a_long_article_is_highlighted_section_by_section_as_it_scrolls() {
    let app = Mounted::new(None).await;
    let text = long_article(12 * SECTION_BYTES);
    app.type_text(&text);
    eventually("the long article is on the page", || {
        app.all("article.reading .reading-section").len() >= 10
    })
    .await;
    let sections = app.all("article.reading .reading-section");
    let marked = |section: &web_sys::Element| section.query_selector("mark.ent").unwrap().is_some();
    assert!(marked(&sections[0]));
    let last = sections.last().unwrap().clone();
    assert!(!marked(&last), "far sections start plain");
    assert!(last.query_selector(".reading-plain").unwrap().is_some());
    // All the text is there, highlighted or not.
    let shown = app.text("article.reading");
    assert!(
        shown.contains("Long read on Central Asian trade")
            && shown.ends_with("Moscow watched closely.")
    );
    last.scroll_into_view();
    eventually("the last section is highlighted once on screen", || {
        marked(&last)
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_text_too_long_to_edit_is_read_but_not_kept_in_the_box() {
    use diplomap_app::components::article_input::{byte_offset, EDIT_LIMIT_BYTES};
    assert_eq!(byte_offset("añb😀c", 0), 0);
    assert_eq!(byte_offset("añb😀c", 2), 3);
    assert_eq!(byte_offset("añb😀c", 5), 8);
    assert_eq!(byte_offset("añb😀c", 99), 9);

    let app = Mounted::new(None).await;
    let text = long_article(EDIT_LIMIT_BYTES + SECTION_BYTES);
    app.type_text(&text);
    eventually("the long text is read", || {
        app.all("article.reading .reading-section").len() > 30
    })
    .await;
    let textarea = app.textarea();
    assert_eq!(textarea.value(), "", "the box does not hold it");
    assert!(textarea.has_attribute("readonly"));
    assert!(
        textarea.placeholder().contains("too long to edit here"),
        "{}",
        textarea.placeholder()
    );
    // Loading a short text makes the box editable again.
    app.click(".panel-actions button:nth-child(1)");
    eventually("the sample is back in the box", || {
        app.textarea().value() == SAMPLE_ARTICLE
    })
    .await;
    assert!(!app.textarea().has_attribute("readonly"));
}

#[wasm_bindgen_test]
async fn a_text_over_the_limit_is_refused_and_the_article_kept() {
    use diplomap_app::state::MAX_TEXT_BYTES;
    let app = Mounted::new(None).await;
    let huge = "Talks in Geneva went on. ".repeat(MAX_TEXT_BYTES / 20);
    app.type_text(&huge);
    leptos::task::tick().await;
    assert!(
        app.notice()
            .contains("is 12.5 MB: Diplomap reads up to 10.0 MB"),
        "{}",
        app.notice()
    );
    assert_eq!(
        app.textarea().value(),
        SAMPLE_ARTICLE,
        "the box is given back its text"
    );
    sleep(300).await;
    assert!(app
        .text("article.reading")
        .contains(SAMPLE_ARTICLE.lines().next().unwrap()));
    assert!(!app.text("article.reading").contains("Talks in Geneva"));
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

/// Fills `localStorage` until less than a kilobyte is left; returns the keys it used.
fn fill_local_storage() -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 8 * 1024 * 1024;
    while size >= 1024 {
        let key = format!("filler-{}", keys.len());
        if storage().set_item(&key, &"x".repeat(size)).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn a_big_workspace_is_saved_whatever_room_local_storage_has() {
    let app = Mounted::new(None).await;
    let fillers = fill_local_storage();
    let text = long_article(200 * 1024);
    app.type_text(&text);
    stored_until("the big document saved", |docs| docs[0].text == text).await;
    assert!(
        !app.notice().contains("could not be saved"),
        "{}",
        app.notice()
    );
    drop(app);

    // A reload finds it.
    let app = Mounted::reloaded().await;
    eventually("the big document is back", || {
        app.textarea().value() == text
    })
    .await;
    for key in &fillers {
        storage().remove_item(key).unwrap();
    }
}
