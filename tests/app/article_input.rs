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
