//! Keeps the workshop in the browser's storage under a key of its own (never with the reader's
//! data), so that a reload or a closed tab does not lose colleagues' files. A stored workshop that
//! cannot be read is never overwritten: the page says so and offers it for download, and only an
//! explicit fresh start writes over it.

use std::rc::Rc;

use guide_core::workshop::{read_file, Loaded, Person, Workshop};
use yew::prelude::*;

use crate::browser::storage::Store;
use crate::components::frame::state_provider::Namespace;
use crate::content::compiled::trees;

/// A change to the workshop. Applied in order to the workshop as it is then, so that files read
/// one after another all arrive.
pub enum WorkshopAction {
    /// The stored workshop, read after the first render.
    Loaded(Workshop),
    /// A stored workshop that cannot be read: kept untouched (its text), with why.
    Unreadable {
        raw: String,
        reason: String,
    },
    Add(Vec<Person>),
    /// A saved workshop reopened from a file: it replaces the current one.
    Replace(Workshop),
    Rename {
        index: usize,
        name: String,
    },
    Remove(usize),
    Choose {
        tree: String,
        question: String,
        option: Option<String>,
    },
    /// Forget the workshop (and an unreadable stored one, which the reader chose to drop).
    Clear,
}

/// The workshop and how it is kept.
#[derive(Clone, Default, PartialEq)]
pub struct WorkshopState {
    pub workshop: Workshop,
    /// A stored workshop that could not be read, kept untouched: (its text, why).
    pub unreadable: Option<(String, String)>,
    /// Whether the stored workshop has been read (nothing is written before).
    pub loaded: bool,
    /// How many people the last `Add` could not take (the workshop was full).
    pub refused: usize,
}

impl Reducible for WorkshopState {
    type Action = WorkshopAction;

    fn reduce(self: Rc<Self>, action: WorkshopAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.refused = 0;
        match action {
            WorkshopAction::Loaded(workshop) => {
                next.workshop = workshop;
                next.loaded = true;
            }
            WorkshopAction::Unreadable { raw, reason } => {
                next.unreadable = Some((raw, reason));
                next.loaded = true;
            }
            WorkshopAction::Add(people) => {
                let offered = people.len();
                next.refused = offered - next.workshop.add(people);
            }
            WorkshopAction::Replace(workshop) => next.workshop = workshop,
            WorkshopAction::Rename { index, name } => {
                next.workshop.rename(index, &name);
            }
            WorkshopAction::Remove(index) => next.workshop.remove(index),
            WorkshopAction::Choose {
                tree,
                question,
                option,
            } => {
                next.workshop.choose(&tree, &question, option.as_deref());
            }
            WorkshopAction::Clear => {
                next.workshop = Workshop::default();
                next.unreadable = None;
            }
        }
        Rc::new(next)
    }
}

/// The workshop, its store, and whether the last save failed.
pub struct WorkshopStore {
    pub state: UseReducerHandle<WorkshopState>,
    pub unsaved: bool,
}

#[hook]
pub fn use_workshop_store() -> WorkshopStore {
    let namespace = use_context::<Namespace>()
        .map(|n| n.0.to_string())
        .unwrap_or_else(|| "default".into());
    let key = guide_core::progress::workshop_key(&namespace).ok();
    let state = use_reducer(WorkshopState::default);
    let unsaved = use_state(|| false);
    {
        let (state, key) = (state.clone(), key.clone());
        use_effect_with((), move |_| {
            let (store, _) = Store::open();
            match key.as_deref().and_then(|k| store.get(k)) {
                None => state.dispatch(WorkshopAction::Loaded(Workshop::default())),
                Some(raw) => state.dispatch(match read_file("workshop", raw.as_bytes(), trees()) {
                    Ok(Loaded::Workshop(saved)) => WorkshopAction::Loaded(saved),
                    Ok(Loaded::People(_)) => WorkshopAction::Unreadable {
                        raw,
                        reason: crate::strings::WORKSHOP_STORED_NOT_WORKSHOP.into(),
                    },
                    Err(error) => WorkshopAction::Unreadable {
                        raw,
                        reason: crate::strings::workshop_file_problem(&error),
                    },
                }),
            }
        });
    }
    {
        // Every change is saved once the stored workshop has been read, unless an unreadable one
        // is being kept.
        let unsaved = unsaved.clone();
        let keep = state.unreadable.is_some() || !state.loaded;
        use_effect_with((state.workshop.clone(), keep), move |(workshop, keep)| {
            if *keep {
                return;
            }
            let (store, _) = Store::open();
            let written = key.as_deref().map(|k| {
                if workshop.people.is_empty() && workshop.group.is_empty() {
                    store.remove(k);
                    Ok(())
                } else {
                    store.set(k, &workshop.to_file())
                }
            });
            unsaved.set(!matches!(written, Some(Ok(()))));
        });
    }
    WorkshopStore {
        state,
        unsaved: *unsaved,
    }
}
