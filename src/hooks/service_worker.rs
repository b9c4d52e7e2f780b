//! Registers the service worker on the site and the installed app (never from the widget), and
//! reports when a new version is ready. Applying it asks the waiting worker to take over, then
//! reloads once it has, so that a page never mixes files of two versions.

use yew::prelude::*;

/// What the page knows about its service worker.
#[derive(Clone, PartialEq)]
pub struct ServiceWorkerStatus {
    /// A new version is installed and waiting.
    pub update_ready: bool,
    /// Switches to the waiting version (the page reloads).
    pub apply_update: Callback<()>,
}

/// Registers `<base>sw.js` for the site's scope. `enabled` is false in the widget.
#[hook]
pub fn use_service_worker(enabled: bool) -> ServiceWorkerStatus {
    let update_ready = use_state_eq(|| false);
    #[cfg(target_arch = "wasm32")]
    let registration = use_mut_ref(|| None::<web_sys::ServiceWorkerRegistration>);
    // Set when the reader asks for the new version: only then does a change of worker reload.
    #[cfg(target_arch = "wasm32")]
    let requested = use_mut_ref(|| false);
    {
        let update_ready = update_ready.clone();
        #[cfg(target_arch = "wasm32")]
        let registration = registration.clone();
        #[cfg(target_arch = "wasm32")]
        let requested = requested.clone();
        use_effect_with(enabled, move |enabled| {
            #[cfg(target_arch = "wasm32")]
            if *enabled {
                register(update_ready, registration, requested);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (enabled, update_ready);
        });
    }
    let apply_update = {
        #[cfg(target_arch = "wasm32")]
        let registration = registration.clone();
        Callback::from(move |()| {
            #[cfg(target_arch = "wasm32")]
            {
                *requested.borrow_mut() = true;
            }
            #[cfg(target_arch = "wasm32")]
            if let Some(waiting) = registration.borrow().as_ref().and_then(|r| r.waiting()) {
                let message = web_sys::js_sys::Object::new();
                let _ =
                    web_sys::js_sys::Reflect::set(&message, &"type".into(), &"skip-waiting".into());
                let _ = waiting.post_message(&message);
            }
        })
    };
    ServiceWorkerStatus {
        update_ready: *update_ready,
        apply_update,
    }
}

#[cfg(target_arch = "wasm32")]
fn register(
    update_ready: UseStateHandle<bool>,
    registration_slot: std::rc::Rc<std::cell::RefCell<Option<web_sys::ServiceWorkerRegistration>>>,
    requested: std::rc::Rc<std::cell::RefCell<bool>>,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    // The development server (scripts/dev.sh) serves no precache list: nothing to register.
    if option_env!("OSPO_GUIDE_DEV").is_some() {
        return;
    }
    let window = gloo::utils::window();
    let container = window.navigator().service_worker();
    // Outside a secure context (or with service workers disabled) there is nothing to register.
    if !web_sys::js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false)
    {
        return;
    }
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| "/".to_string());
    let script = format!("{}sw.js", base.trim_end_matches('/').to_string() + "/");
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&base);
    // When the new worker takes over after the reader asked for it, load the new version.
    let on_controller_change = Closure::<dyn FnMut()>::new(move || {
        if *requested.borrow() {
            let _ = gloo::utils::window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
    let promise = container.register_with_options(&script, &options);
    yew::platform::spawn_local(async move {
        let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            web_sys::console::warn_1(
                &"OSPO Guide: the service worker could not be registered".into(),
            );
            return;
        };
        let Ok(registration) = value.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let is_update = move |registration: &web_sys::ServiceWorkerRegistration| {
            registration.waiting().is_some()
                && gloo::utils::window()
                    .navigator()
                    .service_worker()
                    .controller()
                    .is_some()
        };
        if is_update(&registration) {
            update_ready.set(true);
        }
        let watched = registration.clone();
        let ready = update_ready.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let watched = watched.clone();
            let ready = ready.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if is_update(&watched) {
                    ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Look for a new version whenever the reader comes back to the page.
        let checked = registration.clone();
        let listener = gloo::events::EventListener::new(
            &gloo::utils::document(),
            "visibilitychange",
            move |_| {
                if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Visible {
                    let _ = checked.update();
                }
            },
        );
        listener.forget();
        *registration_slot.borrow_mut() = Some(registration);
    });
}
