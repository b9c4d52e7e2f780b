//! Keeps the reader's data in the browser's storage: loads it in a task after the first render
//! (so that hydration matches the prerendered page, and the page responds sooner), saves it after changes (debounced, read-merge-write),
//! and merges what other tabs and other parts of this page save.
//!
//! The lifecycle, step by step (see ARCHITECTURE.md, "The reader's data"):
//! 1. [`load`]: open storage (or fall back to memory and say why), read the newest schema's key,
//!    migrate, or keep an unreadable value untouched under a backup of its own.
//! 2. [`autosave`]: 250 ms after the last change (at once when the page is hidden or left), read
//!    what is stored now, merge it in, and write; tell the reader when that cannot be done.
//! 3. [`remote`]: other tabs' saves arrive as `storage` events; saves by another part of this
//!    page with the same namespace (two widgets, say) arrive through [`siblings`]. Both merge.

pub mod autosave;
pub mod load;
pub mod remote;
pub mod siblings;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::storage::Store;
use crate::state::StateHandle;

/// The store, once the load effect has opened it (never while rendering).
pub type SharedStore = Rc<RefCell<Option<Store>>>;

#[hook]
pub fn use_persistence(state: StateHandle, namespace: AttrValue) {
    let store: SharedStore = use_mut_ref(|| None);
    // One number for this provider, so that its own saves are not echoed back to it.
    let me = siblings::use_sibling_id();
    load::use_load(state.clone(), store.clone(), namespace.clone());
    autosave::use_autosave(state.clone(), store, namespace.clone(), me);
    remote::use_remote_changes(state, namespace, me);
}
