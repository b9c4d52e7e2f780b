//! Where a tree walk meets the reader's data: the events that record a walk, and the walk that
//! stored answers replay to. The view calls these and dispatches what they return.

use crate::progress::{self, Event, ResultRecord};
use crate::tree::{Answer, ValidTree};

/// The stored answers of `tree` as the engine reads them: the longest prefix that is still a
/// walk through the tree as it is now (a question removed or moved ends the prefix there).
pub fn resume(tree: &ValidTree, stored: &[progress::Answer]) -> Vec<Answer> {
    let answers: Vec<Answer> = stored
        .iter()
        .map(|a| Answer {
            question: a.question.clone(),
            option: a.option.clone(),
            question_hash: a.question_hash,
        })
        .collect();
    tree.valid_prefix(&answers)
}

/// The events that record `answers` as the walk of `tree` at time `at`: the answers in progress,
/// and, when the walk has ended, its result in the history. Answers that were already stored
/// unchanged (the same question and option at the same place) keep the time they were given.
pub fn walk_events(
    tree: &ValidTree,
    stored: &[progress::Answer],
    answers: &[Answer],
    at: u64,
) -> Vec<Event> {
    let mut unchanged = true;
    let recorded: Vec<progress::Answer> = answers
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let earlier = stored.get(i).filter(|s| {
                s.question == a.question
                    && s.option == a.option
                    && s.question_hash == a.question_hash
            });
            unchanged &= earlier.is_some();
            progress::Answer {
                question: a.question.clone(),
                option: a.option.clone(),
                question_hash: a.question_hash,
                at: earlier.filter(|_| unchanged).map_or(at, |s| s.at),
            }
        })
        .collect();
    let mut events = Vec::with_capacity(2);
    if let Some(outcome) = tree.outcome(answers) {
        events.push(Event::ResultRecorded {
            record: ResultRecord {
                tree: tree.id().to_string(),
                result: outcome.result.clone(),
                answers: recorded.clone(),
                scores: outcome
                    .scores
                    .iter()
                    .map(|s| (s.dimension.clone(), i64::from(s.score)))
                    .collect(),
                total: i64::from(outcome.total),
                at,
            },
        });
    }
    events.push(Event::TreeAnswered {
        tree: tree.id().to_string(),
        answers: recorded,
        at,
    });
    events
}

/// The outcome of a result in the history, replayed on the tree as it is now; `None` when the
/// tree has changed so that those answers no longer reach a result.
pub fn outcome_of(tree: &ValidTree, record: &ResultRecord) -> Option<crate::tree::Outcome> {
    tree.outcome(&resume(tree, &record.answers))
}

/// The latest result of `tree` in the history whose answers still reach a result, with its
/// outcome.
pub fn latest_outcome<'a>(
    tree: &ValidTree,
    results: &'a [ResultRecord],
) -> Option<(&'a ResultRecord, crate::tree::Outcome)> {
    results
        .iter()
        .rev()
        .filter(|r| r.tree == tree.id())
        .find_map(|r| Some((r, outcome_of(tree, r)?)))
}
