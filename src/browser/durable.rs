//! Asking the browser to keep the guide's storage (`navigator.storage.persist()`), so that it is
//! not cleared on the browser's own initiative when space runs short. Only the reader's click
//! asks; the answer is the browser's to give (by how the site is used, whether it is installed).
//! Natively, and where the API is missing, there is nothing to ask.

use yew::Callback;

/// Where the guide's storage stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Kept until the reader clears it.
    Kept,
    /// The browser may clear it on its own.
    MayBeCleared,
}

/// Tells `done` whether the storage is kept already; nothing when the browser cannot say.
pub fn check(done: Callback<Durability>) {
    #[cfg(target_arch = "wasm32")]
    ask(|storage| storage.persisted(), done, None);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = done;
}

/// Asks the browser to keep the storage and tells `done` its answer (a failed request counts as
/// a refusal); nothing when it cannot be asked.
pub fn request(done: Callback<Durability>) {
    #[cfg(target_arch = "wasm32")]
    ask(
        |storage| storage.persist(),
        done,
        Some(Durability::MayBeCleared),
    );
    #[cfg(not(target_arch = "wasm32"))]
    let _ = done;
}

#[cfg(target_arch = "wasm32")]
fn ask(
    call: impl FnOnce(
        &web_sys::StorageManager,
    ) -> Result<web_sys::js_sys::Promise, wasm_bindgen::JsValue>,
    done: Callback<Durability>,
    on_failure: Option<Durability>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Older browsers, and pages that are not a secure context, have no `navigator.storage`.
    if !web_sys::js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return;
    }
    let Ok(promise) = call(&navigator.storage()) else {
        if let Some(failure) = on_failure {
            done.emit(failure);
        }
        return;
    };
    yew::platform::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(answer) if answer.as_bool() == Some(true) => done.emit(Durability::Kept),
            Ok(_) => done.emit(Durability::MayBeCleared),
            Err(_) => {
                if let Some(failure) = on_failure {
                    done.emit(failure);
                }
            }
        }
    });
}
