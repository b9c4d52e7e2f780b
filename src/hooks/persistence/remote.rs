//! Step 3: merging what others save. Other tabs' saves arrive as `storage` events (a browser
//! never sends one to the document that wrote); saves by another part of this page with the same
//! namespace arrive through [`siblings`](super::siblings).

use guide_core::progress::storage_key;
use yew::prelude::*;

use super::siblings;
use crate::state::{Action, StateHandle};

#[hook]
pub fn use_remote_changes(state: StateHandle, namespace: AttrValue, me: u64) {
    let dispatcher = state.dispatcher();
    use_effect_with(namespace, move |namespace| {
        let on_sibling_save = {
            let dispatcher = dispatcher.clone();
            Callback::from(move |progress| dispatcher.dispatch(Action::MergeRemote(progress)))
        };
        let joined = siblings::join(namespace, me, on_sibling_save);
        let key = storage_key(namespace).ok();
        #[cfg(target_arch = "wasm32")]
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
                use wasm_bindgen::JsCast;
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key() != key {
                    return;
                }
                if let Some(Ok(decoded)) = event
                    .new_value()
                    .map(|raw| guide_core::progress::decode(&raw))
                {
                    dispatcher.dispatch(Action::MergeRemote(decoded.progress));
                }
            });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (key, dispatcher);
        move || {
            drop(joined);
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}
