//! If the guide ever panics, the reader sees a plain message inside the guide's own area (never
//! a blank page, never over the host's page), with a way to reload and to download their data.
//!
//! After a panic the WebAssembly instance has stopped for good (`panic = "abort"`): nothing may
//! call into it again. So everything the message needs is prepared inside the panic hook, while
//! the instance still runs: the reader's stored data becomes a `Blob` behind a plain
//! `<a download>` link, and "Reload" is a plain link to the page itself. Clicking either runs no
//! code of the guide. Built with DOM calls only: no HTML string, no styles beyond the guide's
//! own classes.

#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The elements the guide renders into: `#app` on the site, each widget's container.
    static AREAS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Registers an element the guide renders into, for the panic message.
#[cfg(target_arch = "wasm32")]
pub fn watch_area(element: &web_sys::Element) {
    AREAS.with(|areas| areas.borrow_mut().push(element.clone()));
}

/// Installs the panic hook (once). It goes through Yew's `set_custom_panic_hook`: a hook set
/// with `std::panic::set_hook` alone is replaced by Yew's console hook when the first app starts.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("OSPO Guide stopped: {info}").into());
            let data_url = stored_data_url();
            AREAS.with(|areas| {
                if let Ok(areas) = areas.try_borrow() {
                    for area in areas.iter().filter(|a| a.is_connected()) {
                        show(area, data_url.as_deref());
                    }
                }
            });
        }));
    });
}

/// Replaces what `area` shows with the panic message. `data_url` is a `blob:` address of the
/// reader's stored data, if one could be made.
#[cfg(target_arch = "wasm32")]
pub fn show(area: &web_sys::Element, data_url: Option<&str>) {
    use crate::strings;
    let document = gloo::utils::document();
    let Ok(panel) = document.create_element("section") else {
        return;
    };
    let _ = panel.set_attribute("class", "panic-screen");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "panic-screen");
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        panel.append_child(&element).ok()?;
        Some(element)
    };
    add("h2", strings::PANIC_TITLE);
    add("p", strings::PANIC_TEXT);
    let reload_to = gloo::utils::window().location().href().unwrap_or_default();
    if let Some(reload) = add("a", strings::PANIC_RELOAD) {
        // In a widget this reloads the host page, which mounts the widget again.
        let _ = reload.set_attribute("href", &reload_to);
        let _ = reload.set_attribute("class", "button");
        let _ = reload.set_attribute("data-testid", "panic-reload");
    }
    if let Some(url) = data_url {
        if let Some(save) = add("a", strings::PANIC_DOWNLOAD) {
            let _ = save.set_attribute("href", url);
            let _ = save.set_attribute("download", "ospo-guide-data.json");
            let _ = save.set_attribute("class", "button secondary");
            let _ = save.set_attribute("data-testid", "panic-download");
        }
    }
    area.set_text_content(None);
    let _ = area.append_child(&panel);
}

/// Every value the guide keeps in local storage, as one JSON object in a `Blob`, read without
/// the app's own state (which may be what broke).
#[cfg(target_arch = "wasm32")]
fn stored_data_url() -> Option<String> {
    let mut entries = serde_json::Map::new();
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let count = storage.length().unwrap_or(0);
        for index in 0..count {
            let Ok(Some(key)) = storage.key(index) else {
                continue;
            };
            if key.starts_with("ospo-guide:") {
                if let Ok(Some(value)) = storage.get_item(&key) {
                    entries.insert(key, serde_json::Value::String(value));
                }
            }
        }
    }
    let text = serde_json::to_string_pretty(&entries).ok()?;
    let parts = web_sys::js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Stops the guide with a real panic, as a defect would. For the end-to-end test of this
/// screen (it calls the export from the page); a host page gains nothing from calling it that
/// removing the element would not give it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = ospoGuideSelfTestPanic)]
pub fn self_test_panic() {
    panic!("self-test: the guide was asked to stop");
}
