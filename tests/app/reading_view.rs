//! The reading view: the article highlighted, inert, marked, and highlighted section by section.

use super::*;

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
    // No browser tooltip in jargon: the popover describes each mention.
    for mark in app.all("article.reading mark.ent") {
        assert_eq!(mark.get_attribute("title"), None);
        assert!(mark.get_attribute("data-entity").is_some());
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
async fn a_mention_tapped_or_focused_is_described_and_its_kin_marked() {
    let app = Mounted::new(None).await;
    // A title makes him a person for the first download's tables too (the component
    // tests have no worker, so no second tier with its list of people).
    app.type_text(
        "President Vladimir Putin met the envoy in Minsk.\n\nLater Putin said the talks went well.",
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
    let note = || app.one("#mention-note");
    assert_eq!(putins().len(), 2, "{:?}", app.marks());
    assert!(app.all("mark.same").is_empty());
    // One tab stop: the article, until a mention has been visited.
    assert_eq!(
        app.one("article.reading")
            .get_attribute("tabindex")
            .as_deref(),
        Some("0")
    );
    assert_eq!(putins()[1].get_attribute("tabindex").as_deref(), Some("-1"));
    assert!(note().has_attribute("hidden"));

    // A tap describes it in plain words and makes it the tab stop.
    putins()[1].unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert!(!note().has_attribute("hidden"));
    let said = note().text_content().unwrap_or_default();
    assert!(said.contains("Putin") && said.contains("person"), "{said}");
    assert_eq!(
        putins()[1].get_attribute("aria-describedby").as_deref(),
        Some("mention-note")
    );
    assert_eq!(putins()[1].get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        app.one("article.reading")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );

    // "Mark all mentions" marks both; again clears.
    app.click("#mention-note .note-mark");
    leptos::task::tick().await;
    assert!(putins()
        .iter()
        .all(|mark| mark.class_list().contains("same")));
    assert_eq!(app.all("mark.same").len(), 2);
    app.click("#mention-note .note-mark");
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
    // Enter marks; Escape clears the marks and dismisses the popover.
    key(&putins()[0], "Enter");
    leptos::task::tick().await;
    assert_eq!(app.all("mark.same").len(), 2);
    key(&putins()[0], "Escape");
    leptos::task::tick().await;
    assert!(app.all("mark.same").is_empty());
    assert!(note().has_attribute("hidden"));
    assert_eq!(putins()[1].get_attribute("aria-describedby"), None);

    // The arrow keys move between the mentions.
    let marks = app.all("article.reading mark.ent");
    marks[0]
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .unwrap();
    key(&marks[0], "ArrowRight");
    leptos::task::tick().await;
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert!(
        active.is_same_node(Some(marks[1].as_ref())),
        "focus moved to the next mention"
    );
    assert_eq!(marks[1].get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(marks[0].get_attribute("tabindex").as_deref(), Some("-1"));
}

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
