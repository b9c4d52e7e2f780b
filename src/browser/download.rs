//! Saving a file the guide made (an export, a report) to the reader's device, without a server.

/// Offers `contents` as a download named `file_name`. Returns false where it cannot be done.
pub fn download(file_name: &str, mime: &str, contents: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        try_download(file_name, mime, contents).is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file_name, mime, contents);
        false
    }
}

#[cfg(target_arch = "wasm32")]
fn try_download(file_name: &str, mime: &str, contents: &str) -> Option<()> {
    use wasm_bindgen::JsCast;
    let parts = js_sys_array_of(contents);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

#[cfg(target_arch = "wasm32")]
fn js_sys_array_of(text: &str) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(text));
    array.into()
}
