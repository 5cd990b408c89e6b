//! The country list: countries by mentions, and picking one.

use super::*;

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
