//! Whether the browser is online, following its `online` and `offline` events. Starts as online
//! (the prerendered page cannot know) and corrects itself after mount.

use yew::prelude::*;

#[hook]
pub fn use_online() -> bool {
    let online = use_state_eq(|| true);
    {
        let online = online.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listeners = {
                online.set(gloo::utils::window().navigator().on_line());
                let window = gloo::utils::window();
                let up = online.clone();
                [
                    gloo::events::EventListener::new(&window, "online", move |_| up.set(true)),
                    gloo::events::EventListener::new(&window, "offline", move |_| {
                        online.set(false)
                    }),
                ]
            };
            #[cfg(not(target_arch = "wasm32"))]
            let _ = online;
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listeners);
            }
        });
    }
    *online
}
