//! Property tests: decoding and importing arbitrary input never panics, every valid state
//! round-trips through storage and export, and the merge laws hold for arbitrary states.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use guide_core::conformance::Verdict;
use guide_core::progress::{
    apply_import, decode, encode, export, merge, preview_import, validate, Answer, ChapterStatus,
    Event, ImportMode, Progress, ResultKey, ResultRecord, StepState, Theme,
};
use guide_core::Audience;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::Value;

/// For the decoders and the round trip: 10,000 cases.
fn config() -> ProptestConfig {
    // No regression files: this crate's tests write nothing outside their own output.
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(10_000)
    }
}

/// For the merge laws and the reducer, whose cases are several states each: fewer cases keep
/// the suite quick, and a few ids and times make every case dense in collisions.
fn laws() -> ProptestConfig {
    ProptestConfig {
        cases: 3_000,
        ..config()
    }
}

/// A few ids, so that events collide on the same chapters, trees and results.
fn id() -> impl Strategy<Value = String> {
    select(vec!["intro", "models", "a", "b-2", "governance"]).prop_map(String::from)
}

/// Small times, so that events tie and interleave.
fn time() -> impl Strategy<Value = u64> {
    0u64..200
}

fn answers() -> impl Strategy<Value = Vec<Answer>> {
    vec((id(), id(), 0u64..4, time()), 0..5).prop_map(|raw| {
        let mut seen = Vec::new();
        raw.into_iter()
            .filter(|(question, ..)| {
                let fresh = !seen.contains(question);
                seen.push(question.clone());
                fresh
            })
            .map(|(question, option, question_hash, at)| Answer {
                question,
                option,
                question_hash,
                at,
            })
            .collect()
    })
}

fn record() -> impl Strategy<Value = ResultRecord> {
    (
        id(),
        id(),
        answers(),
        btree_map(id(), -5i64..5, 0..3),
        -20i64..20,
        time(),
    )
        .prop_map(|(tree, result, answers, scores, total, at)| ResultRecord {
            tree,
            result,
            answers,
            scores,
            total,
            at,
        })
}

fn event(erase: bool) -> impl Strategy<Value = Event> {
    let theme = select(Theme::ALL.to_vec());
    let audience = option::of(select(Audience::ALL.to_vec()));
    prop_oneof![
        6 => (id(), option::of(id()), prop_oneof![0u16..=1000, Just(1000u16)], time()).prop_map(
            |(slug, section, fraction, at)| Event::ChapterProgressed {
                slug,
                section,
                fraction,
                at
            }
        ),
        4 => (id(), any::<bool>(), time()).prop_map(|(slug, read, at)| Event::MarkedRead {
            slug,
            read,
            at
        }),
        3 => (id(), answers(), time()).prop_map(|(tree, answers, at)| Event::TreeAnswered {
            tree,
            answers,
            at
        }),
        1 => (id(), time()).prop_map(|(tree, at)| Event::TreeCleared { tree, at }),
        3 => record().prop_map(|record| Event::ResultRecorded { record }),
        2 => (id(), id(), time()).prop_map(|(tree, result, at)| Event::ResultRemoved {
            key: ResultKey { tree, result, at }
        }),
        1 => (theme, time()).prop_map(|(theme, at)| Event::ThemeChosen { theme, at }),
        1 => (audience, time()).prop_map(|(audience, at)| Event::AudienceChosen { audience, at }),
        3 => (id(), id(), any::<bool>(), select(vec!["", "Dana", "Legal \"team\""]), select(vec!["", "2026-12-31"]), any::<bool>(), time())
            .prop_map(|(tree, step, done, owner, due, added, at)| Event::PlanStepChanged {
                key: format!("{tree}.{step}"),
                state: StepState { at, done, owner: owner.into(), due: due.into(), added },
            }),
        3 => (id(), id(), select(Verdict::ALL.to_vec()), time()).prop_map(|(check, item, verdict, at)| {
            Event::CheckAnswered { check, item, verdict, at }
        }),
        1 => (id(), time()).prop_map(|(check, at)| Event::CheckCleared { check, at }),
        // Without erases, this arm chooses the default theme instead (a weight of 0 is refused).
        1 => time().prop_map(move |at| if erase {
            Event::EraseAll { at }
        } else {
            Event::ThemeChosen { theme: Theme::Auto, at }
        }),
    ]
}

fn replay(start: &Progress, events: Vec<Event>) -> Progress {
    let mut progress = start.clone();
    for event in events {
        // Refused events leave the state as it was; that is part of what is tested.
        let before = progress.clone();
        if progress.apply(event).is_err() {
            assert_eq!(progress, before);
        }
    }
    progress
}

/// A valid state, reached the only way the view can reach one: by events.
fn progress() -> impl Strategy<Value = Progress> {
    vec(event(true), 0..20).prop_map(|events| replay(&Progress::new(), events))
}

/// Two tabs: a shared history, then each its own events (with erases or not).
fn two_tabs(erase: bool) -> impl Strategy<Value = (Progress, Progress)> {
    (
        vec(event(erase), 0..10),
        vec(event(erase), 0..10),
        vec(event(erase), 0..10),
    )
        .prop_map(|(shared, left, right)| {
            let base = replay(&Progress::new(), shared);
            (replay(&base, left), replay(&base, right))
        })
}

fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        select(vec![
            "chapters",
            "last",
            "trees",
            "results",
            "removed_results",
            "prefs",
            "reset_at",
            "read",
            "read_at",
            "by_hand",
            "fraction",
            "section",
            "seen_at",
            "slug",
            "at",
            "answers",
            "question",
            "option",
            "question_hash",
            "tree",
            "result",
            "scores",
            "total",
            "theme",
            "theme_at",
            "audience",
            "audience_at",
            "intro",
            "a",
        ])
        .prop_map(String::from),
        ".{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..1200).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::from),
        select(vec!["intro", "dark", "legal", "<b>", ""]).prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 80, 6, move |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(key.clone(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn check_decodes_without_panic(raw: &str) {
    if let Ok(decoded) = decode(raw) {
        // Whatever decodes is valid and can be written back.
        assert_eq!(validate(&decoded.progress), Ok(()));
        let again = encode(&decoded.progress, "x").expect("a decoded state encodes");
        assert_eq!(decode(&again).map(|d| d.progress), Ok(decoded.progress));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decode_never_panics_on_any_string(raw in ".*") {
        check_decodes_without_panic(&raw);
    }

    #[test]
    fn preview_import_never_panics_on_any_bytes(bytes in vec(any::<u8>(), 0..512)) {
        let _ = preview_import(&bytes, &Progress::new(), 0);
    }

    #[test]
    fn decode_never_panics_on_any_json_in_an_envelope(
        payload in json(),
        schema in prop_oneof![Just(1u64), Just(2u64), any::<u64>()],
    ) {
        let raw = serde_json::json!({ "schema": schema, "content": "c", "payload": payload });
        check_decodes_without_panic(&raw.to_string());
    }

    #[test]
    fn decode_and_import_never_panic_on_damaged_exports(
        progress in progress(),
        edits in vec((any::<Index>(), any::<Index>(), ".{0,8}"), 1..4),
    ) {
        let mut text = export(&progress, "c").expect("exports");
        for (at, len, insert) in edits {
            let chars: Vec<char> = text.chars().collect();
            let start = at.index(chars.len() + 1);
            let end = (start + len.index(4)).min(chars.len());
            text = chars[..start].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
        }
        check_decodes_without_panic(&text);
        let _ = preview_import(text.as_bytes(), &progress, 0);
    }

    #[test]
    fn every_valid_state_round_trips(progress in progress()) {
        prop_assert_eq!(validate(&progress), Ok(()));
        let stored = encode(&progress, "2026-11-24").expect("encodes");
        let back = decode(&stored).expect("decodes");
        prop_assert_eq!(&back.progress, &progress);
        prop_assert_eq!(back.content.as_str(), "2026-11-24");
        prop_assert_eq!(back.migrated_from, None);

        let file = export(&progress, "2026-11-24").expect("exports");
        let fresh = Progress::new();
        let preview = preview_import(file.as_bytes(), &fresh, 0).expect("imports");
        let replaced = apply_import(preview, ImportMode::Replace, &fresh).expect("applies");
        prop_assert_eq!(replaced.chapters(), progress.chapters());
        prop_assert_eq!(replaced.trees(), progress.trees());
        prop_assert_eq!(replaced.results(), progress.results());
        prop_assert_eq!(replaced.prefs(), progress.prefs());
        prop_assert_eq!(replaced.last_place(), progress.last_place());
    }

}

proptest! {
    #![proptest_config(laws())]

    #[test]
    fn merge_with_itself_changes_nothing(progress in progress()) {
        prop_assert_eq!(merge(&progress, &progress), progress.clone());
        prop_assert_eq!(merge(&progress, &Progress::new()), progress);
    }

    #[test]
    fn merge_is_commutative_and_stays_valid((a, b) in two_tabs(true)) {
        let ab = merge(&a, &b);
        prop_assert_eq!(&ab, &merge(&b, &a));
        prop_assert_eq!(validate(&ab), Ok(()));
        // Merging again with either side changes nothing.
        prop_assert_eq!(&merge(&ab, &a), &ab);
        prop_assert_eq!(&merge(&ab, &b), &ab);
    }

    #[test]
    fn merge_is_associative_between_erases(
        (a, b) in two_tabs(false),
        c in vec(event(false), 0..10).prop_map(|events| replay(&Progress::new(), events)),
    ) {
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
    }

    #[test]
    fn merge_never_loses_a_read_chapter_that_was_not_unmarked_later(
        (a, b) in two_tabs(true),
    ) {
        let merged = merge(&a, &b);
        for (mine, theirs) in [(&a, &b), (&b, &a)] {
            for (slug, chapter) in mine.chapters().iter().filter(|(_, c)| c.read) {
                let unmarked_later = theirs
                    .chapter(slug)
                    .is_some_and(|other| !other.read && other.read_at > chapter.read_at);
                let erased_later =
                    theirs.reset_at() > mine.reset_at() && chapter.read_at <= theirs.reset_at();
                if !unmarked_later && !erased_later {
                    prop_assert_eq!(merged.status(slug), ChapterStatus::Read, "{}", slug);
                }
            }
        }
    }

    #[test]
    fn merge_keeps_the_latest_work_on_plans_and_checks((a, b) in two_tabs(false)) {
        let merged = merge(&a, &b);
        for (mine, theirs) in [(&a, &b), (&b, &a)] {
            for (key, step) in mine.plan() {
                let later = theirs.step(key).is_some_and(|other| other > step);
                if !later {
                    prop_assert_eq!(merged.step(key), Some(step), "{}", key);
                }
            }
            for (check, progress) in mine.checks() {
                let cleared = theirs.checks().get(check).map_or(0, |c| c.cleared_at);
                for (item, answer) in &progress.answers {
                    let later = theirs
                        .checks()
                        .get(check)
                        .and_then(|c| c.answers.get(item))
                        .is_some_and(|other| other > answer);
                    if !later && answer.at > cleared {
                        prop_assert_eq!(merged.check_answers(check).get(item).copied(), Some(answer.verdict));
                    }
                }
            }
        }
    }

    #[test]
    fn the_reducer_keeps_its_promises(progress in progress(), event in event(true)) {
        let mut next = progress.clone();
        match next.apply(event.clone()) {
            Ok(changed) => prop_assert_eq!(changed, next != progress),
            Err(_) => prop_assert_eq!(&next, &progress),
        }
        prop_assert_eq!(validate(&next), Ok(()));
        for (slug, before) in progress.chapters() {
            let after = next.chapter(slug).map_or(0, |c| c.fraction);
            if !matches!(event, Event::EraseAll { .. }) {
                prop_assert!(after >= before.fraction, "the fraction shrank");
            }
        }
    }
}
