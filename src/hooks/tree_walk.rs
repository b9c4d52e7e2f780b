//! A reader's walk through one decision tree: the answers in progress (kept with the reader's
//! data, so a reload resumes at the same question), and the action that changes them. Reaching a
//! result records it in the results history (see `guide_core::walk`).

use guide_core::tree::{Answer, ValidTree};
use guide_core::walk::{resume, walk_events};
use yew::prelude::*;

use crate::browser::clock::now;
use crate::content::compiled::trees;
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
    /// Answers this walk could take, for the questions it asks next, from another tree that
    /// asks the same questions (see `ValidTree::carry_over`).
    pub carry: Option<Carry>,
    /// Replaces the answers (answer, back, revisit, restart, adopting a shared walk).
    pub set: Callback<Vec<Answer>>,
}

/// Answers another tree already holds for the questions this walk asks next.
#[derive(Clone, PartialEq)]
pub struct Carry {
    /// The title of the tree they come from.
    pub from: &'static str,
    /// The walk with them: the current answers extended by the carried ones.
    pub answers: Vec<Answer>,
    /// How many questions they answer.
    pub count: usize,
}

/// The other tree whose stored answers carry furthest into `tree` from `answers`.
fn best_carry(
    tree: &'static ValidTree,
    answers: &[Answer],
    stored: impl Fn(&str) -> Vec<guide_core::progress::Answer>,
) -> Option<Carry> {
    trees()
        .iter()
        .filter(|other| other.id() != tree.id())
        .map(|other| {
            let carried = tree.carry_over(answers, &resume(other, &stored(other.id())));
            (other, carried)
        })
        .filter(|(_, carried)| carried.len() > answers.len())
        .max_by_key(|(_, carried)| carried.len())
        .map(|(other, carried)| Carry {
            from: other.spec().title.as_str(),
            count: carried.len() - answers.len(),
            answers: carried,
        })
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
        let loaded = state.loaded;
        Callback::from(move |answers: Vec<Answer>| {
            // A walk is kept whole: one changed before the stored walk was read would replace it
            // (the question's buttons wait for it too, so that the reader sees why).
            if !loaded {
                return;
            }
            let events = walk_events(tree, &stored, &answers, now());
            dispatcher.dispatch(Action::ApplyAll(events));
        })
    };
    // Offered whenever the next questions are ones another tree already asked; carrying answers
    // only adds to the walk, never rearranges it.
    let carry = best_carry(tree, &answers, |id| state.progress.answers(id).to_vec());
    TreeWalk {
        tree,
        answers,
        reworded,
        loaded: state.loaded,
        carry,
        set,
    }
}
