//! Saving a file made in the page: a `blob:` link clicked, revoked once the download
//! has started. The formats themselves are `diplomap_app_core::export`'s.

use leptos::prelude::{set_timeout, window};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

/// A blob of `parts`, of type `mime`.
pub(crate) fn blob(parts: &JsValue, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
}

/// Saves `content` as a file named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    save_blob(name, &blob(&parts, mime)?)
}

/// Saves `blob` as a file named `name`.
pub(crate) fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let document = window().document().ok_or(JsValue::NULL)?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_class_name("visually-hidden");
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoked a little later: the download starts asynchronously.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}
