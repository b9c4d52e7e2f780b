//! Loads the reader's data after the first render, saves it after changes (debounced, whole
//! values only), and merges what other tabs save. Unreadable or newer data is never overwritten:
//! it is copied to a backup key and the guide works in memory until the reader decides.

use guide_core::progress::{
    backup_index_key, encode, keys_to_read, plan_backup, storage_key, LoadOutcome,
};
use yew::prelude::*;

use crate::browser::log;
use crate::browser::storage::{StorageProblem, Store};
use crate::content::compiled::CONTENT_VERSION;
use crate::state::{Action, StateHandle, StorageNotice};

/// How long after the last change the data is written.
const SAVE_DELAY_MS: u32 = 250;

#[hook]
pub fn use_persistence(state: StateHandle, namespace: AttrValue) -> Store {
    let store = use_memo(namespace.clone(), |_| Store::open());
    let (store_handle, problem) = (*store).clone();
    // Load once per namespace, after the first render (so hydration matches the prerendered page).
    {
        let state = state.clone();
        let store = store_handle.clone();
        use_effect_with(namespace.clone(), move |namespace| {
            load(&state, &store, problem, namespace);
        });
    }
    // Save after changes, debounced.
    {
        let store = store_handle.clone();
        // The save waiting for its timer, so that leaving the page can run it at once.
        let pending = use_mut_ref(|| None::<PendingSave>);
        use_flush_on_leave(pending.clone());
        let last_written = use_mut_ref(String::new);
        let dispatcher = state.dispatcher();
        let snapshot = (state.progress.clone(), state.loaded && state.writable);
        use_effect_with(
            (snapshot, namespace.clone()),
            move |((progress, may_write), namespace)| {
                if *may_write {
                    let Ok(key) = storage_key(namespace) else {
                        return;
                    };
                    let progress = progress.clone();
                    let save = move || match encode(&progress, CONTENT_VERSION) {
                        Ok(value) if *last_written.borrow() == value => {}
                        Ok(value) => match store.set(&key, &value) {
                            Ok(()) => {
                                *last_written.borrow_mut() = value;
                                dispatcher.dispatch(Action::Notice(None));
                            }
                            Err(StorageProblem::Full) => {
                                dispatcher.dispatch(Action::Notice(Some(StorageNotice::Full)))
                            }
                            Err(StorageProblem::Blocked) => {
                                dispatcher.dispatch(Action::Notice(Some(StorageNotice::Blocked)))
                            }
                        },
                        Err(error) => log::warn(&format!("not saved: {error}")),
                    };
                    let save: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(save);
                    // The timer only saves: dropping a timer from inside its own callback is not allowed.
                    // A later flush may save again; an unchanged value is not written twice.
                    let on_timer = {
                        let save = save.clone();
                        move || save()
                    };
                    *pending.borrow_mut() = Some(PendingSave {
                        save,
                        _timer: gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, on_timer),
                    });
                }
            },
        );
    }
    // Other tabs' saves arrive as `storage` events.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(namespace, move |namespace| {
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
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    store_handle
}

/// A debounced save: dropping it cancels the timer.
struct PendingSave {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    save: std::rc::Rc<dyn Fn()>,
    _timer: gloo::timers::callback::Timeout,
}

/// Runs a waiting save when the page is hidden or left, so that no change is lost to the delay.
#[hook]
fn use_flush_on_leave(pending: std::rc::Rc<std::cell::RefCell<Option<PendingSave>>>) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listeners = {
            let flush = move || {
                let waiting = pending.borrow_mut().take();
                if let Some(waiting) = waiting {
                    (waiting.save)();
                }
            };
            let on_hide = flush.clone();
            [
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                    on_hide()
                }),
                gloo::events::EventListener::new(
                    &gloo::utils::document(),
                    "visibilitychange",
                    move |_| flush(),
                ),
            ]
        };
        #[cfg(not(target_arch = "wasm32"))]
        let _ = pending;
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listeners);
        }
    });
}

fn load(state: &StateHandle, store: &Store, problem: Option<StorageProblem>, namespace: &str) {
    if let Some(problem) = problem {
        let notice = match problem {
            StorageProblem::Blocked => StorageNotice::Blocked,
            StorageProblem::Full => StorageNotice::Full,
        };
        state.dispatch(Action::Loaded {
            progress: Default::default(),
            notice: Some(notice),
            writable: false,
        });
        return;
    }
    let stored = keys_to_read(namespace)
        .unwrap_or_default()
        .into_iter()
        .find_map(|key| store.get(&key).map(|raw| (key, raw)));
    let raw = stored.as_ref().map(|(_, raw)| raw.as_str());
    match LoadOutcome::from_stored(raw) {
        LoadOutcome::Fresh => state.dispatch(Action::Loaded {
            progress: Default::default(),
            notice: None,
            writable: true,
        }),
        LoadOutcome::Loaded { progress, .. } => state.dispatch(Action::Loaded {
            progress,
            notice: None,
            writable: true,
        }),
        LoadOutcome::Kept { reason } => {
            let raw = raw.unwrap_or_default().to_string();
            keep_copy(store, namespace, &raw);
            state.dispatch(Action::Loaded {
                progress: Default::default(),
                notice: Some(StorageNotice::Kept {
                    reason: reason.to_string(),
                    raw,
                }),
                writable: false,
            });
        }
    }
}

/// Copies an unreadable value to a backup of its own (see `progress::plan_backup`).
fn keep_copy(store: &Store, namespace: &str, raw: &str) {
    let (Ok(index_key), Ok(plan)) = (
        backup_index_key(namespace),
        plan_backup(
            namespace,
            store
                .get(&backup_index_key(namespace).unwrap_or_default())
                .as_deref(),
            raw,
            crate::browser::clock::now(),
        ),
    ) else {
        return;
    };
    if let Some(key) = &plan.write {
        if let Err(problem) = store.set(key, raw) {
            log::warn(&format!("could not back up unreadable data: {problem:?}"));
            return;
        }
    }
    if store.set(&index_key, &plan.index).is_ok() {
        for old in &plan.remove {
            store.remove(old);
        }
    }
}
