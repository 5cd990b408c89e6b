//! Keeping the workspace (`diplomap_app::state::persistence`): a returning reader,
//! a damaged save, a big one.

use super::*;

#[wasm_bindgen_test]
async fn a_returning_reader_gets_their_article_back() {
    let app = Mounted::new(Some("Oil rose 4% in May 2024.")).await;
    assert_eq!(app.textarea().value(), "Oil rose 4% in May 2024.");
    assert!(app.marks().contains(&("4%".into(), "PERCENT".into())));
    assert_eq!(app.notice(), "");
    drop(app);
}

#[wasm_bindgen_test]
async fn a_first_visit_highlights_the_sample_before_the_store_is_read() {
    wipe().await;
    let app = Mounted::now();
    // Nothing was awaited yet: the store is still being read, and the article is
    // highlighted; the map draws it after the article's frame.
    assert!(app
        .text(".store-status")
        .contains("Restoring the workspace"));
    assert!(app.marks().contains(&("Kyrgyzstan".into(), "GPE".into())));
    assert!(app.all("svg.map-svg").is_empty());
    let marks = app.marks();
    app.restored().await;
    eventually("the map", || !app.all("svg.map-svg").is_empty()).await;
    // The sample is the workspace's one document, as on any first visit.
    assert_eq!(app.marks(), marks);
    assert!(app.notice().contains("fictional sample article"));
    let docs = stored_until("the sample saved", |docs| !docs.is_empty()).await;
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].text, SAMPLE_ARTICLE);
}

#[wasm_bindgen_test]
async fn a_first_visit_sample_deleted_while_the_store_is_read_stays_deleted() {
    wipe().await;
    let app = Mounted::now();
    assert!(!app.marks().is_empty());
    app.click(".doc-item:not(.doc-item-all) .doc-delete");
    app.restored().await;
    leptos::task::tick().await;
    assert_eq!(app.textarea().value(), "");
    assert!(app.marks().is_empty());
    assert!(!app.notice().contains("fictional sample article"));
    assert_eq!(app.all(".doc-tabs .doc-item:not(.doc-item-all)").len(), 1);
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
