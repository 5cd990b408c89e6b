//! The article box: typing, clearing, the sample, texts too long to edit or to take.

use super::*;

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
async fn clear_and_load_sample_are_undone() {
    let app = Mounted::new(None).await;
    app.click(".article-clear");
    leptos::task::tick().await;
    assert_eq!(app.textarea().value(), "");
    assert!(
        app.one(".input-panel").class_list().contains("editing"),
        "an empty document is edited"
    );
    assert!(app
        .one(".reading-empty")
        .text_content()
        .unwrap()
        .contains("Paste an article"));
    // The lists beside the article follow it a frame later.
    eventually("no countries listed", || {
        app.all("ol.country-list").is_empty()
    })
    .await;
    assert!(
        app.text(".doc-undo").contains("Cleared"),
        "{}",
        app.text(".doc-undo")
    );
    app.click(".doc-undo-button");
    eventually("the text back", || app.textarea().value() == SAMPLE_ARTICLE).await;
    assert!(app.all(".doc-undo").is_empty());

    app.type_text(KYIV);
    app.click(".article-sample");
    leptos::task::tick().await;
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);
    assert!(!app.marks().is_empty());
    assert!(
        !app.one(".input-panel").class_list().contains("editing"),
        "the sample is read"
    );
    assert!(app.text(".doc-undo").contains("Replaced"));
    app.click(".doc-undo-button");
    eventually("the typed text back", || app.textarea().value() == KYIV).await;
}

#[wasm_bindgen_test]
async fn an_article_pasted_into_a_document_with_text_opens_as_a_new_one() {
    let app = Mounted::new(Some(KYIV)).await;
    let paste = |text: &str| {
        let data = web_sys::DataTransfer::new().unwrap();
        data.set_data("text/plain", text).unwrap();
        let init = web_sys::ClipboardEventInit::new();
        init.set_clipboard_data(Some(&data));
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
        app.textarea().dispatch_event(&event).unwrap()
    };
    assert!(
        paste(" in 2024"),
        "a short paste is an edit, left to the box"
    );
    let article = format!("{GRAIN}\n\n{MAP_ARTICLE}\n\n{KYIV}");
    assert!(!paste(&article), "a whole article is taken");
    let docs = stored_until("a second document", |docs| docs.len() == 2).await;
    assert_eq!(docs[0].text, KYIV, "the document pasted into is unchanged");
    assert_eq!(docs[1].text, article);
    assert!(app.notice().contains("new document"), "{}", app.notice());
    assert!(app
        .text(".paste-rule")
        .contains("opens it as a new document"));
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
    app.click(".article-sample");
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
