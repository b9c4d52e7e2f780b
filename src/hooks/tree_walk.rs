//! A reader's walk through one decision tree: the answers in progress (kept with the reader's
//! data, so a reload resumes at the same question), and the action that changes them. Reaching a
//! result records it in the results history (see `guide_core::walk`).

use guide_core::tree::{Answer, ValidTree};
use guide_core::walk::{resume, walk_events};
use yew::prelude::*;

use crate::browser::clock::now;
use crate::state::{use_guide_state, Action};

/// The state of a walk, derived from the stored answers.
#[derive(Clone, PartialEq)]
pub struct TreeWalk {
    pub tree: &'static ValidTree,
    /// The answers that still form a valid path through the current tree.
    pub answers: Vec<Answer>,
    /// Questions whose text changed since the reader answered them.
    pub reworded: Vec<String>,
    /// Whether the reader's stored data has been read (a share link waits for it).
    pub loaded: bool,
    /// Replaces the answers (answer, back, revisit, restart, adopting a shared walk).
    pub set: Callback<Vec<Answer>>,
}

#[hook]
pub fn use_tree_walk(tree: &'static ValidTree) -> TreeWalk {
    let state = use_guide_state();
    let stored = state.progress.answers(tree.id()).to_vec();
    let answers = resume(tree, &stored);
    let reworded = tree
        .replay(&answers)
        .map(|walk| walk.reworded().into_iter().map(str::to_string).collect())
        .unwrap_or_default();
    let set = {
        let dispatcher = state.dispatcher();
        Callback::from(move |answers: Vec<Answer>| {
            let events = walk_events(tree, &stored, &answers, now());
            dispatcher.dispatch(Action::ApplyAll(events));
        })
    };
    TreeWalk {
        tree,
        answers,
        reworded,
        loaded: state.loaded,
        set,
    }
}
