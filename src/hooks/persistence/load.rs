//! Step 1: reading what is stored, once per namespace, in a task after the first render.

use guide_core::progress::{backup_index_key, keys_to_read, plan_backup, LoadOutcome, Progress};
use yew::prelude::*;

use super::SharedStore;
use crate::browser::clock::now;
use crate::browser::log;
use crate::browser::storage::{StorageProblem, Store};
use crate::state::{Action, StateHandle, StorageNotice};

#[hook]
pub fn use_load(state: StateHandle, store: SharedStore, namespace: AttrValue) {
    use_effect_with(namespace, move |namespace| {
        let (opened, problem) = Store::open();
        *store.borrow_mut() = Some(opened.clone());
        // Read in a task after the one that renders the page, so that the page becomes
        // interactive sooner. What the reader does in between is kept: `Loaded` merges, and
        // nothing is written before it.
        let namespace = namespace.clone();
        crate::browser::tasks::later(move || {
            state.dispatch(load_action(&opened, problem, &namespace, now()));
        });
    });
}

/// What to do with what is stored for `namespace`: start fresh, use it, or keep it untouched
/// (copying it to a backup of its own first) and work in memory. `problem` is what opening the
/// storage reported; `at` is now.
pub fn load_action(
    store: &Store,
    problem: Option<StorageProblem>,
    namespace: &str,
    at: u64,
) -> Action {
    if let Some(problem) = problem {
        return Action::Loaded {
            progress: Progress::default(),
            notice: Some(match problem {
                StorageProblem::Blocked => StorageNotice::Blocked,
                StorageProblem::Full => StorageNotice::Full,
            }),
            writable: false,
        };
    }
    let raw = keys_to_read(namespace)
        .unwrap_or_default()
        .into_iter()
        .find_map(|key| store.get(&key));
    match LoadOutcome::from_stored(raw.as_deref()) {
        LoadOutcome::Fresh => Action::Loaded {
            progress: Progress::default(),
            notice: None,
            writable: true,
        },
        LoadOutcome::Loaded { progress, .. } => Action::Loaded {
            progress: *progress,
            notice: None,
            writable: true,
        },
        LoadOutcome::Kept { reason } => {
            let raw = raw.unwrap_or_default();
            keep_copy(store, namespace, &raw, at);
            Action::Loaded {
                progress: Progress::default(),
                notice: Some(StorageNotice::Kept { reason, raw }),
                writable: false,
            }
        }
    }
}

/// Copies an unreadable value to a backup of its own (see `progress::plan_backup`): the copy
/// first, then the index, then the removal of copies beyond the newest few.
pub fn keep_copy(store: &Store, namespace: &str, raw: &str, at: u64) {
    let Ok(index_key) = backup_index_key(namespace) else {
        return;
    };
    let Ok(plan) = plan_backup(namespace, store.get(&index_key).as_deref(), raw, at) else {
        return;
    };
    if let Some(key) = &plan.write {
        if let Err(problem) = store.set(key, raw) {
            // The value itself stays where it is, untouched; only the extra copy is missing.
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
