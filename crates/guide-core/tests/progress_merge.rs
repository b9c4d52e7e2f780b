//! The merge rules between two copies of the reader's data (two tabs, or an import in merge mode).

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use guide_core::progress::{
    merge, Answer, ChapterStatus, Event, Progress, ResultKey, ResultRecord, Theme,
};
use guide_core::Audience;

mod common;
use common::{marked, with};

fn progressed(slug: &str, section: &str, fraction: u16, at: u64) -> Event {
    Event::ChapterProgressed {
        slug: slug.into(),
        section: Some(section.into()),
        fraction,
        at,
    }
}

fn answered(tree: &str, options: &[(&str, &str)], at: u64) -> Event {
    Event::TreeAnswered {
        tree: tree.into(),
        answers: options
            .iter()
            .map(|(question, option)| Answer {
                question: (*question).into(),
                option: (*option).into(),
                question_hash: 1,
                at,
            })
            .collect(),
        at,
    }
}

fn recorded(tree: &str, result: &str, at: u64) -> Event {
    Event::ResultRecorded {
        record: ResultRecord {
            tree: tree.into(),
            result: result.into(),
            answers: vec![],
            scores: BTreeMap::new(),
            total: 0,
            at,
        },
    }
}

fn both_ways(a: &Progress, b: &Progress) -> Progress {
    let ab = merge(a, b);
    assert_eq!(ab, merge(b, a), "merge is not commutative here");
    ab
}

#[test]
fn chapters_read_in_either_tab_are_read() {
    let a = with([marked("intro", true, 10)]);
    let b = with([progressed("models", "hub", 1000, 20)]);
    let m = both_ways(&a, &b);
    assert_eq!(m.status("intro"), ChapterStatus::Read);
    assert_eq!(m.status("models"), ChapterStatus::Read);
    assert_eq!(m.overall(&["intro", "models"]), (2, 2));
}

#[test]
fn a_later_unmark_wins_over_an_earlier_read_and_the_reverse() {
    let read_early = with([marked("intro", true, 10)]);
    let unmarked_later = with([marked("intro", true, 5), marked("intro", false, 20)]);
    assert_eq!(
        both_ways(&read_early, &unmarked_later).status("intro"),
        ChapterStatus::NotStarted
    );

    let read_later = with([marked("intro", true, 30)]);
    assert_eq!(
        both_ways(&read_later, &unmarked_later).status("intro"),
        ChapterStatus::Read
    );
}

#[test]
fn on_the_same_instant_read_wins() {
    let read = with([marked("intro", true, 10)]);
    let unread = with([marked("intro", false, 10)]);
    assert_eq!(
        both_ways(&read, &unread).status("intro"),
        ChapterStatus::Read
    );
}

#[test]
fn the_furthest_fraction_and_the_latest_section_are_kept() {
    let a = with([progressed("intro", "end", 900, 10)]);
    let b = with([progressed("intro", "start", 200, 20)]);
    let m = both_ways(&a, &b);
    let chapter = m.chapter("intro").expect("stored");
    assert_eq!(chapter.fraction, 900);
    assert_eq!(chapter.section.as_deref(), Some("start"));
    assert_eq!(m.continue_place(), Some(("intro", Some("start"))));
}

#[test]
fn the_last_place_is_the_most_recent_of_both() {
    let a = with([progressed("intro", "why", 100, 10)]);
    let b = with([progressed("models", "hub", 100, 20)]);
    assert_eq!(
        both_ways(&a, &b).continue_place(),
        Some(("models", Some("hub")))
    );
}

#[test]
fn tree_answers_take_the_most_recent_list_as_a_whole() {
    let a = with([answered(
        "readiness",
        &[("sponsor", "yes"), ("usage", "wide")],
        10,
    )]);
    let b = with([answered(
        "readiness",
        &[("sponsor", "no"), ("budget", "none")],
        20,
    )]);
    let m = both_ways(&a, &b);
    let questions: Vec<(&str, &str)> = m
        .answers("readiness")
        .iter()
        .map(|a| (a.question.as_str(), a.option.as_str()))
        .collect();
    // Never a mix such as sponsor=no with usage=wide: that path does not exist in the tree.
    assert_eq!(questions, [("sponsor", "no"), ("budget", "none")]);
}

#[test]
fn a_later_clear_wins_and_an_earlier_one_loses() {
    let answered_early = with([answered("readiness", &[("sponsor", "yes")], 10)]);
    let cleared_later = with([
        answered("readiness", &[("sponsor", "yes")], 10),
        Event::TreeCleared {
            tree: "readiness".into(),
            at: 20,
        },
    ]);
    assert!(both_ways(&answered_early, &cleared_later)
        .answers("readiness")
        .is_empty());

    let answered_later = with([answered("readiness", &[("sponsor", "no")], 30)]);
    assert_eq!(
        both_ways(&answered_later, &cleared_later)
            .answers("readiness")
            .len(),
        1
    );
}

#[test]
fn results_are_a_union_without_duplicates() {
    let a = with([recorded("t", "x", 1), recorded("t", "y", 2)]);
    let b = with([recorded("t", "y", 2), recorded("u", "z", 3)]);
    let m = both_ways(&a, &b);
    let keys: Vec<(&str, &str, u64)> = m
        .results()
        .iter()
        .map(|r| (r.tree.as_str(), r.result.as_str(), r.at))
        .collect();
    assert_eq!(keys, [("t", "x", 1), ("t", "y", 2), ("u", "z", 3)]);
}

#[test]
fn a_result_removed_in_one_tab_stays_removed() {
    let a = with([recorded("t", "x", 1), recorded("t", "y", 2)]);
    let mut b = a.clone();
    b.apply(Event::ResultRemoved {
        key: ResultKey {
            tree: "t".into(),
            result: "x".into(),
            at: 1,
        },
    })
    .expect("applies");
    let m = both_ways(&a, &b);
    assert_eq!(m.results().len(), 1);
    assert_eq!(m.results()[0].result, "y");
    assert_eq!(m.removed_results().len(), 1);
}

#[test]
fn preferences_take_the_most_recent_choice_each() {
    let a = with([
        Event::ThemeChosen {
            theme: Theme::Dark,
            at: 30,
        },
        Event::AudienceChosen {
            audience: Some(Audience::Legal),
            at: 5,
        },
    ]);
    let b = with([
        Event::ThemeChosen {
            theme: Theme::Light,
            at: 10,
        },
        Event::AudienceChosen {
            audience: Some(Audience::Developers),
            at: 20,
        },
    ]);
    let m = both_ways(&a, &b);
    assert_eq!(m.theme(), Theme::Dark);
    assert_eq!(m.audience(), Some(Audience::Developers));
}

#[test]
fn an_erase_in_one_tab_is_not_undone_by_the_other() {
    let before = with([
        marked("intro", true, 10),
        answered("readiness", &[("sponsor", "yes")], 11),
        recorded("t", "x", 12),
        Event::ThemeChosen {
            theme: Theme::Dark,
            at: 13,
        },
    ]);
    let mut erased = before.clone();
    erased.apply(Event::EraseAll { at: 100 }).expect("applies");
    let m = both_ways(&erased, &before);
    assert!(m.is_empty(), "{m:?}");
    assert_eq!(m.reset_at(), 100);

    // What the other tab did after the erase survives it.
    let mut after = before.clone();
    after
        .apply(progressed("models", "hub", 300, 150))
        .expect("applies");
    after.apply(marked("guide", true, 160)).expect("applies");
    let m = both_ways(&erased, &after);
    assert_eq!(m.status("models"), ChapterStatus::InProgress(300));
    assert_eq!(m.status("guide"), ChapterStatus::Read);
    // Read before the erase and not touched since: erased.
    assert_eq!(m.status("intro"), ChapterStatus::NotStarted);
    assert!(m.answers("readiness").is_empty());
    assert!(m.results().is_empty());
    assert_eq!(m.theme(), Theme::Auto);
    assert_eq!(m.reset_at(), 100);
}

#[test]
fn the_empty_state_changes_nothing_and_merging_with_itself_changes_nothing() {
    let a = with([
        progressed("intro", "why", 500, 10),
        marked("models", true, 11),
        answered("readiness", &[("sponsor", "yes")], 12),
        recorded("t", "x", 13),
    ]);
    assert_eq!(both_ways(&a, &Progress::new()), a);
    assert_eq!(merge(&a, &a), a);
    let mut erased = a.clone();
    erased.apply(Event::EraseAll { at: 50 }).expect("applies");
    assert_eq!(both_ways(&erased, &Progress::new()), erased);
}

#[test]
fn two_tabs_that_diverged_keep_both_sides_work() {
    let shared = with([progressed("intro", "why", 400, 10)]);
    let mut left = shared.clone();
    left.apply(progressed("intro", "how", 700, 20))
        .expect("applies");
    left.apply(recorded("t", "x", 21)).expect("applies");
    let mut right = shared.clone();
    right.apply(marked("models", true, 25)).expect("applies");
    right
        .apply(answered("readiness", &[("sponsor", "yes")], 26))
        .expect("applies");
    let m = both_ways(&left, &right);
    assert_eq!(m.status("intro"), ChapterStatus::InProgress(700));
    assert_eq!(m.status("models"), ChapterStatus::Read);
    assert_eq!(m.results().len(), 1);
    assert_eq!(m.answers("readiness").len(), 1);
    assert_eq!(m.continue_place(), Some(("intro", Some("how"))));
}
