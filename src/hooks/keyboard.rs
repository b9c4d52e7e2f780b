//! Keyboard shortcuts: `/` or `s` opens search anywhere; on a chapter, the left and right arrows
//! go to the previous and next chapter. Keys typed into a field, or with a modifier, are left alone.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::mode::use_mode;

#[cfg(target_arch = "wasm32")]
use crate::browser::navigation::push_path;

/// What a key press asks for, decided without the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Search,
    Previous,
    Next,
}

/// Maps a key (as `KeyboardEvent.key`) to a shortcut, unless it was typed into a field or held
/// with a modifier.
pub fn shortcut_for(key: &str, in_field: bool, modified: bool) -> Option<Shortcut> {
    if in_field || modified {
        return None;
    }
    match key {
        "/" | "s" => Some(Shortcut::Search),
        "ArrowLeft" => Some(Shortcut::Previous),
        "ArrowRight" => Some(Shortcut::Next),
        _ => None,
    }
}

/// Installs the shortcuts. `previous` and `next` are the neighbouring chapters' paths, if any.
#[hook]
pub fn use_shortcuts(previous: Option<String>, next: Option<String>) {
    let navigator = use_navigator();
    // A widget must not take keys from its host page.
    let enabled = !use_mode().is_widget();
    use_effect_with(
        (previous, next, enabled),
        move |(previous, next, enabled)| {
            #[cfg(target_arch = "wasm32")]
            let listener = enabled.then(|| {
                let (previous, next) = (previous.clone(), next.clone());
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(
                    &gloo::utils::document(),
                    "keydown",
                    options,
                    move |event| {
                        use wasm_bindgen::JsCast;
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        let in_field = event
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|el| {
                                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                                    || el.has_attribute("contenteditable")
                            });
                        let modified = event.ctrl_key() || event.meta_key() || event.alt_key();
                        let target = match shortcut_for(&event.key(), in_field, modified) {
                            Some(Shortcut::Search) => Some("/search/".to_string()),
                            Some(Shortcut::Previous) => previous.clone(),
                            Some(Shortcut::Next) => next.clone(),
                            None => None,
                        };
                        if let (Some(path), Some(navigator)) = (target, navigator.as_ref()) {
                            event.prevent_default();
                            push_path(navigator, &path);
                        }
                    },
                )
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (previous, next, navigator, enabled);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts_outside_fields() {
        assert_eq!(shortcut_for("/", false, false), Some(Shortcut::Search));
        assert_eq!(shortcut_for("s", false, false), Some(Shortcut::Search));
        assert_eq!(
            shortcut_for("ArrowRight", false, false),
            Some(Shortcut::Next)
        );
        assert_eq!(
            shortcut_for("ArrowLeft", false, false),
            Some(Shortcut::Previous)
        );
        assert_eq!(shortcut_for("s", true, false), None);
        assert_eq!(shortcut_for("ArrowLeft", false, true), None);
        assert_eq!(shortcut_for("x", false, false), None);
    }
}
