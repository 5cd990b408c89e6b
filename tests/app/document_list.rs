//! The documents' tabs: switch, rename, delete and undo, and what is saved.

use super::*;

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
