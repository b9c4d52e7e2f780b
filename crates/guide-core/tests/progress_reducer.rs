//! The reducer: every event, every status transition, and the events it refuses.
//!
//! Long because it is a catalogue: one test per event and per transition of the reader's data.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use guide_core::progress::{
    Answer, ChapterStatus, Event, EventError, Progress, ResultKey, ResultRecord, Theme,
    ValidationError, MAX_ANSWERS, MAX_CHAPTERS, MAX_RESULTS, MAX_TIME, MAX_TREES,
};
use guide_core::Audience;

mod common;
use common::marked;

fn progressed(slug: &str, section: Option<&str>, fraction: u16, at: u64) -> Event {
    Event::ChapterProgressed {
        slug: slug.into(),
        section: section.map(Into::into),
        fraction,
        at,
    }
}

fn answer(question: &str, option: &str, at: u64) -> Answer {
    Answer {
        question: question.into(),
        option: option.into(),
        question_hash: 99,
        at,
    }
}

fn record(tree: &str, result: &str, at: u64) -> ResultRecord {
    ResultRecord {
        tree: tree.into(),
        result: result.into(),
        answers: vec![answer("size", "large", at)],
        scores: BTreeMap::from([("central".to_owned(), 3), ("distributed".to_owned(), -1)]),
        total: 2,
        at,
    }
}

fn apply(progress: &mut Progress, event: Event) -> bool {
    match progress.apply(event) {
        Ok(changed) => changed,
        Err(error) => panic!("event refused: {error}"),
    }
}

// Chapters and status.

#[test]
fn a_chapter_is_not_started_until_progress_arrives() {
    let progress = Progress::new();
    assert_eq!(progress.status("intro"), ChapterStatus::NotStarted);
    assert_eq!(progress.continue_place(), None);
    assert!(progress.is_empty());
}

#[test]
fn opening_a_chapter_at_the_top_sets_the_last_place_but_not_progress() {
    let mut progress = Progress::new();
    assert!(apply(&mut progress, progressed("intro", None, 0, 10)));
    assert_eq!(progress.status("intro"), ChapterStatus::NotStarted);
    assert_eq!(progress.continue_place(), Some(("intro", None)));
}

#[test]
fn reading_moves_from_not_started_to_in_progress_to_read() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", Some("why"), 250, 10));
    assert_eq!(progress.status("intro"), ChapterStatus::InProgress(250));
    apply(&mut progress, progressed("intro", Some("how"), 700, 20));
    assert_eq!(progress.status("intro"), ChapterStatus::InProgress(700));
    apply(&mut progress, progressed("intro", Some("end"), 1000, 30));
    assert_eq!(progress.status("intro"), ChapterStatus::Read);
    let chapter = progress.chapter("intro").expect("stored");
    assert!(chapter.read && !chapter.by_hand);
    assert_eq!(chapter.read_at, 30);
    assert_eq!(progress.continue_place(), Some(("intro", Some("end"))));
}

#[test]
fn the_fraction_only_grows_but_the_section_follows_the_reader() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", Some("late"), 800, 10));
    assert!(apply(
        &mut progress,
        progressed("intro", Some("early"), 100, 20)
    ));
    let chapter = progress.chapter("intro").expect("stored");
    assert_eq!(chapter.fraction, 800);
    assert_eq!(chapter.section.as_deref(), Some("early"));
    assert_eq!(progress.status("intro"), ChapterStatus::InProgress(800));
    assert_eq!(progress.continue_place(), Some(("intro", Some("early"))));
}

#[test]
fn the_same_place_again_changes_nothing() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", Some("why"), 300, 10));
    let before = progress.clone();
    assert!(!apply(
        &mut progress,
        progressed("intro", Some("why"), 200, 20)
    ));
    assert!(!apply(
        &mut progress,
        progressed("intro", Some("why"), 300, 30)
    ));
    assert_eq!(progress, before);
}

#[test]
fn the_last_place_is_the_most_recent_chapter_read() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", Some("why"), 300, 10));
    apply(&mut progress, progressed("models", Some("hub"), 100, 20));
    assert_eq!(progress.continue_place(), Some(("models", Some("hub"))));
    apply(&mut progress, progressed("intro", Some("why"), 300, 30));
    assert_eq!(progress.continue_place(), Some(("intro", Some("why"))));
    assert_eq!(progress.last_place().map(|p| p.at), Some(30));
}

#[test]
fn marking_by_hand_reads_and_unreads() {
    let mut progress = Progress::new();
    assert!(apply(&mut progress, marked("intro", true, 10)));
    assert_eq!(progress.status("intro"), ChapterStatus::Read);
    assert!(!apply(&mut progress, marked("intro", true, 11)));
    assert!(apply(&mut progress, marked("intro", false, 20)));
    assert_eq!(progress.status("intro"), ChapterStatus::NotStarted);
    let chapter = progress.chapter("intro").expect("stored");
    assert!(chapter.by_hand && !chapter.read);
    assert_eq!(chapter.read_at, 20);
}

#[test]
fn an_unmark_by_hand_is_not_undone_by_reaching_the_end_again() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", None, 1000, 10));
    assert_eq!(progress.status("intro"), ChapterStatus::Read);
    apply(&mut progress, marked("intro", false, 20));
    assert_eq!(progress.status("intro"), ChapterStatus::InProgress(1000));
    apply(&mut progress, progressed("intro", Some("end"), 1000, 30));
    assert_eq!(progress.status("intro"), ChapterStatus::InProgress(1000));
    apply(&mut progress, marked("intro", true, 40));
    assert_eq!(progress.status("intro"), ChapterStatus::Read);
}

#[test]
fn marking_read_by_hand_after_an_automatic_read_records_the_hand() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", None, 1000, 10));
    assert!(apply(&mut progress, marked("intro", true, 20)));
    assert!(progress.chapter("intro").expect("stored").by_hand);
}

#[test]
fn a_local_action_wins_even_if_its_clock_is_behind() {
    let mut progress = Progress::new();
    apply(&mut progress, marked("intro", true, 1_000));
    // The clock went back: the unmark still takes effect and stays the latest change.
    apply(&mut progress, marked("intro", false, 500));
    let chapter = progress.chapter("intro").expect("stored");
    assert!(!chapter.read);
    assert_eq!(chapter.read_at, 1_001);
}

#[test]
fn overall_counts_only_the_given_chapters() {
    let mut progress = Progress::new();
    apply(&mut progress, marked("a", true, 1));
    apply(&mut progress, marked("b", true, 2));
    apply(&mut progress, marked("gone", true, 3));
    apply(&mut progress, progressed("c", None, 500, 4));
    assert_eq!(progress.overall(&["a", "b", "c", "d"]), (2, 4));
    assert_eq!(progress.overall(&[]), (0, 0));
}

// Trees.

#[test]
fn tree_answers_are_replaced_by_the_full_current_list() {
    let mut progress = Progress::new();
    let first = vec![answer("sponsor", "yes", 1)];
    let second = vec![answer("sponsor", "yes", 1), answer("usage", "wide", 2)];
    assert!(apply(
        &mut progress,
        Event::TreeAnswered {
            tree: "readiness".into(),
            answers: first,
            at: 1
        }
    ));
    assert!(apply(
        &mut progress,
        Event::TreeAnswered {
            tree: "readiness".into(),
            answers: second.clone(),
            at: 2
        }
    ));
    assert_eq!(progress.answers("readiness"), second.as_slice());
    // Going back one question is a shorter list.
    let back = vec![answer("sponsor", "yes", 1)];
    apply(
        &mut progress,
        Event::TreeAnswered {
            tree: "readiness".into(),
            answers: back.clone(),
            at: 3,
        },
    );
    assert_eq!(progress.answers("readiness"), back.as_slice());
    assert!(!apply(
        &mut progress,
        Event::TreeAnswered {
            tree: "readiness".into(),
            answers: back,
            at: 4
        }
    ));
}

#[test]
fn clearing_a_tree_keeps_a_dated_empty_list() {
    let mut progress = Progress::new();
    apply(
        &mut progress,
        Event::TreeAnswered {
            tree: "readiness".into(),
            answers: vec![answer("sponsor", "yes", 1)],
            at: 1,
        },
    );
    assert!(apply(
        &mut progress,
        Event::TreeCleared {
            tree: "readiness".into(),
            at: 5
        }
    ));
    assert!(progress.answers("readiness").is_empty());
    assert_eq!(progress.trees().get("readiness").map(|t| t.at), Some(5));
    assert!(!apply(
        &mut progress,
        Event::TreeCleared {
            tree: "readiness".into(),
            at: 6
        }
    ));
    assert!(!apply(
        &mut progress,
        Event::TreeCleared {
            tree: "never-started".into(),
            at: 6
        }
    ));
    assert!(!apply(
        &mut progress,
        Event::TreeAnswered {
            tree: "never-started".into(),
            answers: vec![],
            at: 7
        }
    ));
    assert_eq!(progress.trees().len(), 1);
}

#[test]
fn a_path_that_answers_a_question_twice_is_refused() {
    let mut progress = Progress::new();
    let result = progress.apply(Event::TreeAnswered {
        tree: "readiness".into(),
        answers: vec![answer("sponsor", "yes", 1), answer("sponsor", "no", 2)],
        at: 2,
    });
    assert!(matches!(
        result,
        Err(EventError::Invalid(ValidationError::Duplicate { .. }))
    ));
    assert!(progress.is_empty());
}

#[test]
fn too_many_answers_are_refused() {
    let mut progress = Progress::new();
    let answers = (0..=MAX_ANSWERS)
        .map(|i| answer(&format!("q{i}"), "a", 1))
        .collect();
    let result = progress.apply(Event::TreeAnswered {
        tree: "big".into(),
        answers,
        at: 1,
    });
    assert!(matches!(
        result,
        Err(EventError::Invalid(ValidationError::TooMany { .. }))
    ));
}

// Results.

#[test]
fn results_are_recorded_in_time_order_and_removed_by_key() {
    let mut progress = Progress::new();
    assert!(apply(
        &mut progress,
        Event::ResultRecorded {
            record: record("structure", "hub", 20)
        }
    ));
    assert!(apply(
        &mut progress,
        Event::ResultRecorded {
            record: record("readiness", "ready", 10)
        }
    ));
    let order: Vec<u64> = progress.results().iter().map(|r| r.at).collect();
    assert_eq!(order, [10, 20]);
    // The same record again is no change; other content under the same key is refused.
    assert!(!apply(
        &mut progress,
        Event::ResultRecorded {
            record: record("structure", "hub", 20)
        }
    ));
    let mut other = record("structure", "hub", 20);
    other.total = 99;
    assert_eq!(
        progress.apply(Event::ResultRecorded { record: other }),
        Err(EventError::DuplicateResult)
    );

    let key = ResultKey {
        tree: "structure".into(),
        result: "hub".into(),
        at: 20,
    };
    assert!(apply(
        &mut progress,
        Event::ResultRemoved { key: key.clone() }
    ));
    assert_eq!(progress.results().len(), 1);
    assert_eq!(progress.removed_results(), std::slice::from_ref(&key));
    assert!(!apply(&mut progress, Event::ResultRemoved { key }));
    // A removed result cannot be recorded again under the same key.
    assert_eq!(
        progress.apply(Event::ResultRecorded {
            record: record("structure", "hub", 20)
        }),
        Err(EventError::DuplicateResult)
    );
}

#[test]
fn a_full_history_refuses_one_more_result() {
    let mut progress = Progress::new();
    for at in 0..MAX_RESULTS as u64 {
        apply(
            &mut progress,
            Event::ResultRecorded {
                record: record("t", "r", at),
            },
        );
    }
    let result = progress.apply(Event::ResultRecorded {
        record: record("t", "r", 10_000),
    });
    assert!(matches!(
        result,
        Err(EventError::Invalid(ValidationError::TooMany {
            what: "results",
            ..
        }))
    ));
    assert_eq!(progress.results().len(), MAX_RESULTS);
}

#[test]
fn a_result_with_a_hostile_dimension_is_refused() {
    let mut progress = Progress::new();
    let mut bad = record("t", "r", 1);
    bad.scores.insert("<img onerror=x>".into(), 1);
    assert!(matches!(
        progress.apply(Event::ResultRecorded { record: bad }),
        Err(EventError::Invalid(ValidationError::BadId {
            what: "score dimension",
            ..
        }))
    ));
}

// Preferences.

#[test]
fn theme_and_audience_are_remembered() {
    let mut progress = Progress::new();
    assert_eq!(progress.theme(), Theme::Auto);
    assert!(apply(
        &mut progress,
        Event::ThemeChosen {
            theme: Theme::Dark,
            at: 5
        }
    ));
    assert!(!apply(
        &mut progress,
        Event::ThemeChosen {
            theme: Theme::Dark,
            at: 6
        }
    ));
    assert_eq!(progress.theme(), Theme::Dark);
    assert_eq!(progress.prefs().theme_at, 5);
    assert!(apply(
        &mut progress,
        Event::AudienceChosen {
            audience: Some(Audience::Legal),
            at: 7
        }
    ));
    assert_eq!(progress.audience(), Some(Audience::Legal));
    assert!(apply(
        &mut progress,
        Event::AudienceChosen {
            audience: None,
            at: 8
        }
    ));
    assert_eq!(progress.audience(), None);
}

// Erase.

#[test]
fn erase_all_forgets_everything_and_marks_the_moment() {
    let mut progress = Progress::new();
    apply(&mut progress, progressed("intro", Some("why"), 1000, 10));
    apply(
        &mut progress,
        Event::ThemeChosen {
            theme: Theme::Light,
            at: 11,
        },
    );
    apply(
        &mut progress,
        Event::ResultRecorded {
            record: record("t", "r", 12),
        },
    );
    assert!(apply(&mut progress, Event::EraseAll { at: 100 }));
    assert!(progress.is_empty());
    assert_eq!(progress.status("intro"), ChapterStatus::NotStarted);
    assert_eq!(progress.theme(), Theme::Auto);
    assert_eq!(progress.reset_at(), 100);

    // With a clock behind the data, the erase is still later than everything it erased.
    let mut progress = Progress::new();
    apply(&mut progress, marked("intro", true, 500));
    apply(&mut progress, Event::EraseAll { at: 50 });
    assert_eq!(progress.reset_at(), 501);
}

// Refused events.

#[test]
fn hostile_ids_are_refused_with_a_typed_error() {
    let hostile = [
        "",
        "<script>alert(1)</script>",
        "Intro",
        "a b",
        "a\u{0}b",
        "line\nbreak",
        "ü",
        "../etc",
    ];
    let long = "a".repeat(81);
    for bad in hostile.iter().copied().chain([long.as_str()]) {
        let mut progress = Progress::new();
        for event in [
            progressed(bad, None, 1, 1),
            progressed("ok", Some(bad), 1, 1),
            marked(bad, true, 1),
            Event::TreeAnswered {
                tree: bad.into(),
                answers: vec![answer("q", "o", 1)],
                at: 1,
            },
            Event::TreeAnswered {
                tree: "t".into(),
                answers: vec![answer(bad, "o", 1)],
                at: 1,
            },
            Event::TreeAnswered {
                tree: "t".into(),
                answers: vec![answer("q", bad, 1)],
                at: 1,
            },
            Event::TreeCleared {
                tree: bad.into(),
                at: 1,
            },
            Event::ResultRecorded {
                record: record(bad, "r", 1),
            },
            Event::ResultRecorded {
                record: record("t", bad, 1),
            },
        ] {
            let result = progress.apply(event);
            assert!(
                matches!(
                    result,
                    Err(EventError::Invalid(ValidationError::BadId { .. }))
                ),
                "{bad:?}: {result:?}"
            );
        }
        assert!(progress.is_empty());
    }
    assert!(is_valid(&"a".repeat(80)));
}

fn is_valid(id: &str) -> bool {
    guide_core::id::is_valid_id(id)
}

#[test]
fn an_error_message_shows_a_short_escaped_preview() {
    let mut progress = Progress::new();
    let hostile = format!("<b>\u{7}{}", "x".repeat(10_000));
    let Err(error) = progress.apply(marked(&hostile, true, 1)) else {
        panic!("accepted");
    };
    let message = error.to_string();
    assert!(message.len() < 200, "{message}");
    assert!(message.contains("\\u{7}"), "{message}");
    assert!(!message.contains('\u{7}'));
}

#[test]
fn fractions_above_the_end_and_times_out_of_range_are_refused() {
    let mut progress = Progress::new();
    assert_eq!(
        progress.apply(progressed("intro", None, 1001, 1)),
        Err(EventError::Invalid(ValidationError::Fraction {
            found: 1001
        }))
    );
    assert!(matches!(
        progress.apply(marked("intro", true, MAX_TIME + 1)),
        Err(EventError::Invalid(ValidationError::Time { .. }))
    ));
    assert!(matches!(
        progress.apply(Event::EraseAll { at: u64::MAX }),
        Err(EventError::Invalid(ValidationError::Time { .. }))
    ));
    assert!(progress.is_empty());
}

#[test]
fn chapter_and_tree_caps_hold() {
    let mut progress = Progress::new();
    for i in 0..MAX_CHAPTERS {
        apply(&mut progress, marked(&format!("c{i}"), true, 1));
    }
    assert!(matches!(
        progress.apply(marked("one-more", true, 2)),
        Err(EventError::Invalid(ValidationError::TooMany {
            what: "chapters",
            ..
        }))
    ));
    // A chapter already stored can still change.
    assert!(apply(&mut progress, marked("c0", false, 3)));

    let mut progress = Progress::new();
    for i in 0..MAX_TREES {
        apply(
            &mut progress,
            Event::TreeAnswered {
                tree: format!("t{i}"),
                answers: vec![answer("q", "o", 1)],
                at: 1,
            },
        );
    }
    assert!(matches!(
        progress.apply(Event::TreeAnswered {
            tree: "one-more".into(),
            answers: vec![answer("q", "o", 1)],
            at: 1,
        }),
        Err(EventError::Invalid(ValidationError::TooMany {
            what: "trees",
            ..
        }))
    ));
}

#[test]
fn data_that_would_outgrow_one_export_file_is_refused() {
    // 500 results of 200 answers with long ids are far beyond 1 MiB.
    let mut progress = Progress::new();
    let long = |prefix: &str, i: usize| format!("{prefix}{i}-{}", "x".repeat(70));
    let mut refused = None;
    for at in 0..MAX_RESULTS as u64 {
        let record = ResultRecord {
            tree: long("tree", 0),
            result: long("result", 0),
            answers: (0..MAX_ANSWERS)
                .map(|i| Answer {
                    question: long("q", i),
                    option: long("o", i),
                    question_hash: u64::MAX,
                    at: MAX_TIME,
                })
                .collect(),
            scores: BTreeMap::new(),
            total: 0,
            at,
        };
        match progress.apply(Event::ResultRecorded { record }) {
            Ok(_) => {}
            Err(error) => {
                refused = Some(error);
                break;
            }
        }
    }
    assert_eq!(
        refused,
        Some(EventError::TooLarge {
            max: guide_core::progress::MAX_BYTES
        })
    );
    // What was kept can still be written and read back.
    let text = guide_core::progress::export(&progress, "v").expect("fits");
    assert!(text.len() <= guide_core::progress::MAX_BYTES);
    let back = guide_core::progress::decode(&text).expect("reads back");
    assert_eq!(back.progress, progress);
}
