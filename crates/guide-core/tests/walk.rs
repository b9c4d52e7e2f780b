//! Where a walk meets the reader's data: the events a walk produces, and resuming stored answers.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use guide_core::progress::{self, Event};
use guide_core::tree::{parse_tree_spec, validate, ValidTree};
use guide_core::walk::{resume, walk_events};

fn tree() -> ValidTree {
    let text = include_str!("fixtures/trees/two-questions.toml");
    validate(parse_tree_spec(text).expect("parses")).expect("valid")
}

fn stored_of(events: &[Event]) -> Vec<progress::Answer> {
    events
        .iter()
        .find_map(|e| match e {
            Event::TreeAnswered { answers, .. } => Some(answers.clone()),
            _ => None,
        })
        .expect("answers recorded")
}

#[test]
fn an_unfinished_walk_records_its_answers_only() {
    let tree = tree();
    let answers = tree.answer(&[], "a").expect("answers");
    let events = walk_events(&tree, &[], &answers, 10);
    assert_eq!(events.len(), 1);
    assert_eq!(stored_of(&events)[0].at, 10);
}

#[test]
fn a_finished_walk_records_its_result_too() {
    let tree = tree();
    let answers = tree
        .answer(&tree.answer(&[], "a").expect("a"), "c")
        .expect("c");
    let events = walk_events(&tree, &[], &answers, 10);
    match &events[0] {
        Event::ResultRecorded { record } => {
            assert_eq!(record.result, "high");
            assert_eq!(record.total, 3);
            assert_eq!(record.scores.get("d"), Some(&3));
        }
        other => panic!("{other:?}"),
    }
}

/// Answers keep the time they were given; only new or changed ones get the time now.
#[test]
fn earlier_answers_keep_their_time() {
    let tree = tree();
    let first = tree.answer(&[], "a").expect("a");
    let stored = stored_of(&walk_events(&tree, &[], &first, 10));
    let second = tree.answer(&first, "x").expect("x");
    let stored = stored_of(&walk_events(&tree, &stored, &second, 20));
    assert_eq!(stored.iter().map(|a| a.at).collect::<Vec<_>>(), [10, 20]);
    // Changing the first answer makes everything after it new.
    let changed = tree
        .answer(&tree.answer(&[], "b").expect("b"), "x")
        .expect("x");
    let stored = stored_of(&walk_events(&tree, &stored, &changed, 30));
    assert_eq!(stored.iter().map(|a| a.at).collect::<Vec<_>>(), [30, 30]);
}

#[test]
fn stored_answers_resume_as_far_as_they_still_fit() {
    let tree = tree();
    let answers = tree.answer(&[], "a").expect("a");
    let mut stored = stored_of(&walk_events(&tree, &[], &answers, 10));
    stored.push(progress::Answer {
        question: "gone".into(),
        option: "o".into(),
        question_hash: 0,
        at: 11,
    });
    assert_eq!(resume(&tree, &stored), answers);
}
