//! The parts of one page that keep the same namespace (two widgets left at the default, a widget
//! and a second widget of the same host) tell each other when they have saved, as other tabs do
//! through `storage` events. Each part merges what the others saved, so that all of them show
//! the same data and none of them saves an older copy over it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use guide_core::progress::Progress;
use yew::prelude::*;

/// The members of each namespace's group: their number and what to call when another saves.
type Groups = HashMap<String, Vec<(u64, Callback<Progress>)>>;

thread_local! {
    static MEMBERS: RefCell<Groups> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// A number that tells one part of the page from the others, fixed for its lifetime.
#[hook]
pub fn use_sibling_id() -> u64 {
    *use_memo((), |_| {
        NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id + 1);
            id
        })
    })
}

/// Membership of a namespace's group; dropping it leaves the group.
pub struct Joined {
    namespace: String,
    id: u64,
}

impl Drop for Joined {
    fn drop(&mut self) {
        MEMBERS.with(|members| {
            if let Some(list) = members.borrow_mut().get_mut(&self.namespace) {
                list.retain(|(id, _)| *id != self.id);
            }
        });
    }
}

/// Joins the group of `namespace`: `on_save` is called with what another member saved.
pub fn join(namespace: &str, id: u64, on_save: Callback<Progress>) -> Joined {
    MEMBERS.with(|members| {
        let mut members = members.borrow_mut();
        let list = members.entry(namespace.to_owned()).or_default();
        list.retain(|(member, _)| *member != id);
        list.push((id, on_save));
    });
    Joined {
        namespace: namespace.to_owned(),
        id,
    }
}

/// Tells every other member of `namespace` that `from` saved `saved`.
pub fn tell_others(namespace: &str, from: u64, saved: &Progress) {
    // The callbacks are collected first: one of them may join or leave while it runs.
    let others: Vec<Callback<Progress>> = MEMBERS.with(|members| {
        members
            .borrow()
            .get(namespace)
            .map(|list| {
                list.iter()
                    .filter(|(id, _)| *id != from)
                    .map(|(_, callback)| callback.clone())
                    .collect()
            })
            .unwrap_or_default()
    });
    for callback in others {
        callback.emit(saved.clone());
    }
}

/// How many parts of the page keep `namespace` (for tests).
pub fn members(namespace: &str) -> usize {
    MEMBERS.with(|members| members.borrow().get(namespace).map_or(0, Vec::len))
}
