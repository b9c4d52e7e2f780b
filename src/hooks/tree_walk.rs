//! A reader's walk through one decision tree: the answers in progress (kept with the reader's
//! data, so a reload resumes at the same question), and the actions that change them. Reaching a
//! result records it in the results history.

use guide_core::progress::{self, Event, ResultRecord};
use guide_core::tree::{Answer, ValidTree};
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
    /// Replaces the answers (answer, back, revisit, restart, a share link).
    pub set: Callback<Vec<Answer>>,
}

#[hook]
pub fn use_tree_walk(tree: &'static ValidTree) -> TreeWalk {
    let state = use_guide_state();
    let stored: Vec<Answer> = state
        .progress
        .answers(tree.id())
        .iter()
        .map(|a| Answer {
            question: a.question.clone(),
            option: a.option.clone(),
            question_hash: a.question_hash,
        })
        .collect();
    let answers = tree.valid_prefix(&stored);
    let reworded = tree
        .replay(&answers)
        .map(|walk| walk.reworded().into_iter().map(str::to_string).collect())
        .unwrap_or_default();
    let set = {
        let dispatcher = state.dispatcher();
        Callback::from(move |answers: Vec<Answer>| {
            let at = now();
            let stored = answers
                .iter()
                .map(|a| progress::Answer {
                    question: a.question.clone(),
                    option: a.option.clone(),
                    question_hash: a.question_hash,
                    at,
                })
                .collect::<Vec<_>>();
            if let Some(outcome) = tree.outcome(&answers) {
                let record = ResultRecord {
                    tree: tree.id().to_string(),
                    result: outcome.result.clone(),
                    answers: stored.clone(),
                    scores: outcome
                        .scores
                        .iter()
                        .map(|s| (s.dimension.clone(), i64::from(s.score)))
                        .collect(),
                    total: i64::from(outcome.total),
                    at,
                };
                dispatcher.dispatch(Action::Apply(Event::ResultRecorded { record }));
            }
            dispatcher.dispatch(Action::Apply(Event::TreeAnswered {
                tree: tree.id().to_string(),
                answers: stored,
                at,
            }));
        })
    };
    TreeWalk {
        tree,
        answers,
        reworded,
        set,
    }
}
