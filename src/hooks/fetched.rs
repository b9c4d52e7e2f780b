//! Something the page needs that may have to be fetched first (a chapter's text, the search
//! index): ready at once when it is at hand, else loaded after mount, with a way to try again.

use std::future::Future;

use yew::prelude::*;

/// Where a fetched value stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched<T> {
    Ready(T),
    Loading,
    /// Why it could not be loaded.
    Failed(String),
}

/// `at_hand` answers without waiting (and is what the first render, and so hydration, sees);
/// `load` fetches, and keeps what it fetched where `at_hand` finds it. Returns the state and a
/// callback that tries again after a failure.
#[hook]
pub fn use_fetched<K, T, F, Fut>(
    key: K,
    at_hand: fn(&K) -> Option<T>,
    load: F,
) -> (Fetched<T>, Callback<()>)
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<(), String>> + 'static,
{
    let attempt = use_state(|| 0_u32);
    // The last failure, with the key it was for.
    let failure = use_state(|| None::<(K, String)>);
    // When a load finishes, the component looks again.
    let look_again = use_force_update();
    {
        let failure = failure.clone();
        use_effect_with((key.clone(), *attempt), move |(key, _)| {
            if at_hand(key).is_none() {
                let key = key.clone();
                let pending = load(key.clone());
                let done = async move {
                    match pending.await {
                        Ok(()) => look_again.force_update(),
                        Err(reason) => failure.set(Some((key, reason))),
                    }
                };
                #[cfg(target_arch = "wasm32")]
                wasm_bindgen_futures::spawn_local(done);
                #[cfg(not(target_arch = "wasm32"))]
                drop(done);
            }
        });
    }
    let state = match at_hand(&key) {
        Some(value) => Fetched::Ready(value),
        None => match &*failure {
            Some((failed, reason)) if *failed == key => Fetched::Failed(reason.clone()),
            _ => Fetched::Loading,
        },
    };
    let retry = Callback::from(move |()| {
        failure.set(None);
        attempt.set(*attempt + 1);
    });
    (state, retry)
}
