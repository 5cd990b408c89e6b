//! Share links, the app's side (`io::share`, `state::share`, the "Copy link" button):
//! what boot.js hands over and what `public/share.js` answers. The links themselves are
//! share.js's, tested in `e2e/share.test.mjs`.

use std::cell::RefCell;
use std::rc::Rc;

use diplomap_app::io::share::{adopt_share, share_answer};
use wasm_bindgen::closure::Closure;

use super::*;

#[wasm_bindgen_test]
async fn a_linked_document_joins_the_workspace_and_is_saved() {
    let app = Mounted::new(Some(KYIV)).await;
    share_answer(
        "\u{201c}Grain deal\u{201d} was added to your workspace from the link.".to_string(),
        false,
        Some("Grain deal".to_string()),
        Some(GRAIN.to_string()),
    );
    eventually("the link's document shown", || {
        app.text(".doc-current .doc-tab") == "Grain deal"
    })
    .await;
    assert_eq!(app.all(".doc-tabs .doc-item:not(.doc-item-all)").len(), 2);
    assert!(app.notice().contains("from the link"), "{}", app.notice());
    let docs = stored_until("both saved", |docs| docs.len() == 2).await;
    assert_eq!(docs[0].text, KYIV);
    assert_eq!(
        (docs[1].title.as_str(), docs[1].text.as_str()),
        ("Grain deal", GRAIN)
    );
}

#[wasm_bindgen_test]
async fn a_refused_link_is_said_as_an_error_and_adds_nothing() {
    let app = Mounted::new(Some(KYIV)).await;
    share_answer(
        "This link's document could not be read.".to_string(),
        true,
        None,
        None,
    );
    eventually("the refusal", || app.notice().contains("could not be read")).await;
    assert!(!app.all(".notice.notice-error").is_empty());
    assert_eq!(app.all(".doc-tabs .doc-item:not(.doc-item-all)").len(), 1);
    assert_eq!(app.textarea().value(), KYIV);
}

#[wasm_bindgen_test]
async fn copy_link_hands_over_the_document_shown_and_only_one() {
    let app = Mounted::new(Some(KYIV)).await;
    // Before boot.js hands over share.js's link maker, the page says it has none.
    app.click("button.share-link");
    eventually("no link maker", || {
        app.notice().contains("cannot make share links")
    })
    .await;

    let asked = Rc::new(RefCell::new(Vec::new()));
    let record = asked.clone();
    let copy = Closure::<dyn Fn(String, String)>::new(move |title, text| {
        record.borrow_mut().push((title, text));
    });
    adopt_share(copy.as_ref().unchecked_ref::<js_sys::Function>().clone());
    copy.forget();
    app.click("button.share-link");
    let title = app.text(".doc-current-name");
    assert_eq!(*asked.borrow(), [(title, KYIV.to_string())]);

    // "All documents" is no document: no link carries it.
    app.click(".doc-all");
    eventually("all documents shown", || {
        app.all("button.share-link").is_empty()
    })
    .await;
}
