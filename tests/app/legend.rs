//! The legend: switching a type's highlights off and on.

use super::*;

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
