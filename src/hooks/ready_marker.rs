//! Marks the document once the app has hydrated (`<html data-ready="true">`), so that tests and
//! the benchmark can wait for interactivity instead of guessing with a delay.

use yew::prelude::*;

#[hook]
pub fn use_ready_marker() {
    // Only the site marks its document; a widget never changes its host page.
    let site = !crate::mode::use_mode().is_widget();
    use_effect_with(site, |site| {
        #[cfg(not(target_arch = "wasm32"))]
        let _ = site;
        #[cfg(target_arch = "wasm32")]
        if !*site {
            return;
        }
        #[cfg(target_arch = "wasm32")]
        if let Some(root) = gloo::utils::document().document_element() {
            if let Err(error) = root.set_attribute("data-ready", "true") {
                web_sys::console::warn_2(&"OSPO Guide: cannot mark readiness".into(), &error);
            }
        }
    });
}
