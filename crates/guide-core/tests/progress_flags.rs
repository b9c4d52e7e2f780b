//! Content changes: stored data that the content no longer matches is flagged, not dropped.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use guide_core::progress::{flags, Answer, Event, Flag, Progress};

fn answer(question: &str, hash: u64) -> Answer {
    Answer {
        question: question.into(),
        option: "yes".into(),
        question_hash: hash,
        at: 1,
    }
}

fn stored() -> Progress {
    let mut progress = Progress::new();
    let events = [
        Event::MarkedRead {
            slug: "intro".into(),
            read: true,
            at: 1,
        },
        Event::MarkedRead {
            slug: "renamed-chapter".into(),
            read: true,
            at: 2,
        },
        Event::ChapterProgressed {
            slug: "removed-chapter".into(),
            section: Some("gone".into()),
            fraction: 300,
            at: 3,
        },
        Event::TreeAnswered {
            tree: "readiness".into(),
            answers: vec![
                answer("sponsor", 10),
                answer("usage", 20),
                answer("dropped", 30),
            ],
            at: 4,
        },
        Event::TreeAnswered {
            tree: "retired-tree".into(),
            answers: vec![answer("anything", 40)],
            at: 5,
        },
    ];
    for event in events {
        if let Err(error) = progress.apply(event) {
            panic!("event refused: {error}");
        }
    }
    progress
}

fn current_hashes(tree: &str, question: &str) -> Option<u64> {
    match (tree, question) {
        ("readiness", "sponsor") => Some(10),
        ("readiness", "usage") => Some(21),
        _ => None,
    }
}

#[test]
fn removed_chapters_and_changed_or_removed_questions_are_flagged() {
    let progress = stored();
    let found = flags(&progress, &["intro", "models"], &current_hashes);
    assert_eq!(
        found,
        [
            Flag::UnknownChapter {
                slug: "removed-chapter".into()
            },
            Flag::UnknownChapter {
                slug: "renamed-chapter".into()
            },
            Flag::ChangedQuestion {
                tree: "readiness".into(),
                question: "usage".into()
            },
            Flag::UnknownQuestion {
                tree: "readiness".into(),
                question: "dropped".into()
            },
            Flag::UnknownQuestion {
                tree: "retired-tree".into(),
                question: "anything".into()
            },
        ]
    );
    // Flagging drops nothing.
    assert_eq!(progress, stored());
}

#[test]
fn matching_content_raises_no_flag() {
    let progress = stored();
    let all = ["intro", "renamed-chapter", "removed-chapter"];
    let hashes = |tree: &str, question: &str| match (tree, question) {
        ("readiness", "sponsor") => Some(10),
        ("readiness", "usage") => Some(20),
        ("readiness", "dropped") => Some(30),
        ("retired-tree", "anything") => Some(40),
        _ => None,
    };
    assert!(flags(&progress, &all, &hashes).is_empty());
    assert!(flags(&Progress::new(), &[], &|_: &str, _: &str| None).is_empty());
}

#[test]
fn the_last_place_in_a_removed_chapter_is_flagged_once() {
    let progress = stored();
    let found = flags(
        &progress,
        &["intro", "renamed-chapter"],
        &|_: &str, _: &str| Some(0),
    );
    let unknown: Vec<&Flag> = found
        .iter()
        .filter(|f| matches!(f, Flag::UnknownChapter { .. }))
        .collect();
    assert_eq!(
        unknown,
        [&Flag::UnknownChapter {
            slug: "removed-chapter".into()
        }]
    );
}
