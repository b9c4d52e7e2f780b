//! If the guide ever panics, the reader sees a plain message inside the guide's own area (never
//! a blank page, never over the host's page), with a way to reload and to download their data.
//! Built with DOM calls only: no HTML string, no styles beyond the guide's own classes.

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

/// Installs the panic hook (once).
#[cfg(target_arch = "wasm32")]
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("OSPO Guide stopped: {info}").into());
            AREAS.with(|areas| {
                for area in areas.borrow().iter().filter(|a| a.is_connected()) {
                    show(area);
                }
            });
        }));
    });
}

/// Replaces what `area` shows with the panic message.
#[cfg(target_arch = "wasm32")]
pub fn show(area: &web_sys::Element) {
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
    if let Some(reload) = add("button", strings::PANIC_RELOAD) {
        let _ = reload.set_attribute("type", "button");
        let listener = gloo::events::EventListener::new(&reload, "click", |_| {
            let _ = gloo::utils::window().location().reload();
        });
        listener.forget();
    }
    if let Some(save) = add("button", strings::PANIC_DOWNLOAD) {
        let _ = save.set_attribute("type", "button");
        let listener = gloo::events::EventListener::new(&save, "click", |_| {
            crate::browser::download::download(
                "ospo-guide-data.json",
                "application/json",
                &stored_data(),
            );
        });
        listener.forget();
    }
    area.set_text_content(None);
    let _ = area.append_child(&panel);
}

/// Every value the guide keeps in local storage, as one JSON object, read without the app.
#[cfg(target_arch = "wasm32")]
fn stored_data() -> String {
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
    serde_json::to_string_pretty(&entries).unwrap_or_default()
}
