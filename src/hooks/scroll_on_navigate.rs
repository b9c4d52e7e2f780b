//! After in-app navigation, do what a full page load would: show the `#fragment` target, or the
//! top of the new page with focus moved to the main content so screen readers announce it. The
//! first render is left alone (the browser already placed a freshly loaded page).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::mode::use_mode;

#[hook]
pub fn use_scroll_on_navigate() {
    let location = use_location();
    let target = location
        .map(|l| (l.path().to_string(), l.hash().to_string()))
        .unwrap_or_default();
    let first = use_mut_ref(|| true);
    // A widget leaves its host page's scroll position and focus alone.
    let site = !use_mode().is_widget();
    use_effect_with(target, move |(_, hash)| {
        let is_first = std::mem::replace(&mut *first.borrow_mut(), false);
        if !is_first && site {
            #[cfg(target_arch = "wasm32")]
            show(hash.trim_start_matches('#'));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = hash;
    });
}

/// For a page whose content arrives after navigation (a chapter's text): when `ready` turns true,
/// show the address's `#fragment` target, which did not exist when the navigation happened.
#[hook]
pub fn use_show_target_when(ready: bool) {
    let hash = use_location()
        .map(|l| l.hash().to_string())
        .unwrap_or_default();
    let was_ready = use_mut_ref(|| ready);
    let site = !use_mode().is_widget();
    use_effect_with(ready, move |ready| {
        let before = std::mem::replace(&mut *was_ready.borrow_mut(), *ready);
        let fragment = hash.trim_start_matches('#');
        if *ready && !before && site && !fragment.is_empty() {
            #[cfg(target_arch = "wasm32")]
            show(fragment);
        }
    });
}

#[cfg(target_arch = "wasm32")]
fn show(fragment: &str) {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let target = (!fragment.is_empty())
        .then(|| document.get_element_by_id(fragment))
        .flatten();
    match target {
        Some(element) => element.scroll_into_view(),
        None => {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(main) = document
                .get_element_by_id("main")
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        }
    }
}
