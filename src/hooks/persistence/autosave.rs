//! Step 2: saving after changes. A save waits 250 ms after the last change (so that scrolling
//! through a chapter is not a write per frame) and runs at once when the page is hidden or left.
//! It reads what is stored now, merges it in, and writes (see `progress::plan_save`).

use std::cell::RefCell;
use std::rc::Rc;

use guide_core::progress::{plan_save, storage_key, Progress, SavePlan};
use yew::prelude::*;

use super::load::keep_copy;
use super::{siblings, SharedStore};
use crate::browser::clock::now;
use crate::browser::storage::{StorageProblem, Store};
use crate::content::compiled::CONTENT_VERSION;
use crate::state::{Action, StateHandle, StorageNotice};

/// How long after the last change the data is written.
const SAVE_DELAY_MS: u32 = 250;

/// What one save did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written. `merged`: what was stored held changes this state lacked; the state becomes
    /// `written`, which is also what other parts of the page are told.
    Written {
        merged: Option<Box<Progress>>,
        written: Box<Progress>,
    },
    /// Nothing to write (storage already holds it, after merging in `merged`).
    Unchanged { merged: Option<Box<Progress>> },
    /// Not written; the reader is told why.
    Failed(StorageNotice),
}

/// Saves `progress` for `namespace` now. `replaceable` is the hash of an unreadable value the
/// reader agreed to replace; any other unreadable value is backed up and kept.
pub fn save_now(
    store: &Store,
    namespace: &str,
    progress: &Progress,
    replaceable: Option<u64>,
    at: u64,
) -> Saved {
    let Ok(key) = storage_key(namespace) else {
        // The namespace was checked when the guide mounted; nothing can be written under a bad one.
        return Saved::Failed(StorageNotice::Blocked);
    };
    let stored = store.get(&key);
    match plan_save(progress, stored.as_deref(), replaceable, CONTENT_VERSION) {
        SavePlan::Write { value, merged } => match store.set(&key, &value) {
            Ok(()) => Saved::Written {
                written: Box::new(merged.clone().unwrap_or_else(|| progress.clone())),
                merged: merged.map(Box::new),
            },
            Err(StorageProblem::Full) => Saved::Failed(StorageNotice::Full),
            Err(StorageProblem::Blocked) => Saved::Failed(StorageNotice::Blocked),
        },
        SavePlan::Unchanged { merged } => Saved::Unchanged {
            merged: merged.map(Box::new),
        },
        SavePlan::Refused { error } => Saved::Failed(StorageNotice::TooLarge(error)),
        SavePlan::Kept { reason, raw } => {
            keep_copy(store, namespace, &raw, at);
            Saved::Failed(StorageNotice::Kept { reason, raw })
        }
    }
}

/// Applies what a save did to the state, and tells the other parts of the page.
fn report(
    saved: Saved,
    dispatcher: &UseReducerDispatcher<crate::state::GuideState>,
    namespace: &str,
    me: u64,
) {
    match saved {
        Saved::Written { merged, written } => {
            if let Some(merged) = merged {
                dispatcher.dispatch(Action::MergeRemote(*merged));
            }
            dispatcher.dispatch(Action::Saved);
            siblings::tell_others(namespace, me, &written);
        }
        Saved::Unchanged { merged } => {
            if let Some(merged) = merged {
                dispatcher.dispatch(Action::MergeRemote(*merged));
            }
            dispatcher.dispatch(Action::Saved);
        }
        Saved::Failed(notice) => dispatcher.dispatch(Action::Notice(Some(notice))),
    }
}

#[hook]
pub fn use_autosave(state: StateHandle, store: SharedStore, namespace: AttrValue, me: u64) {
    // The save waiting for its timer, so that leaving the page can run it at once.
    let pending = use_mut_ref(|| None::<PendingSave>);
    use_flush_on_leave(pending.clone());
    let dispatcher = state.dispatcher();
    let snapshot = (
        state.progress.clone(),
        state.loaded && state.writable,
        state.replaceable,
    );
    use_effect_with(
        (snapshot, namespace),
        move |((progress, may_write, replaceable), namespace)| {
            if !*may_write {
                return;
            }
            let (progress, replaceable, namespace) =
                (progress.clone(), *replaceable, namespace.to_string());
            let save = move || {
                let Some(store) = store.borrow().clone() else {
                    return;
                };
                let saved = save_now(&store, &namespace, &progress, replaceable, now());
                report(saved, &dispatcher, &namespace, me);
            };
            let save: Rc<dyn Fn()> = Rc::new(save);
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
        },
    );
}

/// A debounced save: dropping it cancels the timer.
struct PendingSave {
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    save: Rc<dyn Fn()>,
    _timer: gloo::timers::callback::Timeout,
}

/// Runs a waiting save when the page is hidden or left, so that no change is lost to the delay.
#[hook]
fn use_flush_on_leave(pending: Rc<RefCell<Option<PendingSave>>>) {
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
