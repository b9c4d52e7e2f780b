//! The reader's work on their plan and their self-check answers, as stored: what the reducer
//! accepts, what it refuses (leaving the state as it was), and what a merge with another tab
//! keeps.

#![cfg(not(target_arch = "wasm32"))]

use guide_core::conformance::Verdict;
use guide_core::progress::{merge, Event, EventError, Progress, StepState, ValidationError};

fn step(at: u64, done: bool, owner: &str, due: &str) -> Event {
    Event::PlanStepChanged {
        key: "readiness.fc-charter".into(),
        state: StepState {
            at,
            done,
            owner: owner.into(),
            due: due.into(),
            added: false,
        },
    }
}

fn answer(item: &str, verdict: Verdict, at: u64) -> Event {
    Event::CheckAnswered {
        check: "iso-5230".into(),
        item: item.into(),
        verdict,
        at,
    }
}

#[test]
fn a_ticked_step_with_owner_and_due_date_is_kept_and_a_repeat_changes_nothing() {
    let mut progress = Progress::new();
    assert_eq!(
        progress.apply(step(10, true, "Dana (CTO office)", "2026-12-15")),
        Ok(true)
    );
    assert_eq!(
        progress.apply(step(11, true, "Dana (CTO office)", "2026-12-15")),
        Ok(false)
    );
    let kept = progress.step("readiness.fc-charter").expect("kept");
    assert!(kept.done);
    assert_eq!(
        (kept.owner.as_str(), kept.due.as_str(), kept.at),
        ("Dana (CTO office)", "2026-12-15", 10)
    );
    // A clock running behind still makes the change the latest one.
    assert_eq!(progress.apply(step(5, false, "", "")), Ok(true));
    assert_eq!(
        progress
            .step("readiness.fc-charter")
            .map(|s| (s.done, s.at)),
        Some((false, 11))
    );
}

#[test]
fn bad_owners_due_dates_and_keys_are_refused_and_change_nothing() {
    let mut progress = Progress::new();
    for (event, what) in [
        (step(1, true, "line\nbreak", ""), "a step's owner"),
        (step(1, true, &"x".repeat(121), ""), "a step's owner"),
        (step(1, true, "", "2026-02-30"), "a step's due date"),
        (step(1, true, "", "next week"), "a step's due date"),
    ] {
        assert!(
            matches!(progress.apply(event), Err(EventError::Invalid(ValidationError::BadText { what: w, .. })) if w == what)
        );
    }
    for key in ["charter", "a.b.c.d", "Readiness.x", "a..b", "<script>.x"] {
        let event = Event::PlanStepChanged {
            key: key.into(),
            state: StepState::default(),
        };
        assert!(
            matches!(
                progress.apply(event),
                Err(EventError::Invalid(ValidationError::BadId { .. }))
            ),
            "{key}"
        );
    }
    assert_eq!(progress, Progress::new());
    assert_eq!(
        progress.apply(step(1, true, "", "2028-02-29")),
        Ok(true),
        "a leap day is a date"
    );
}

#[test]
fn a_fresh_start_of_a_check_is_not_undone_by_an_older_tab() {
    let mut tab = Progress::new();
    tab.apply(answer("compliance-policy", Verdict::Partly, 10))
        .expect("applies");
    tab.apply(answer("roles-defined", Verdict::Yes, 11))
        .expect("applies");
    let older_copy = tab.clone();
    assert_eq!(
        tab.apply(Event::CheckCleared {
            check: "iso-5230".into(),
            at: 20
        }),
        Ok(true)
    );
    assert!(tab.check_answers("iso-5230").is_empty());
    tab.apply(answer("roles-defined", Verdict::No, 21))
        .expect("applies");
    for merged in [merge(&tab, &older_copy), merge(&older_copy, &tab)] {
        let answers = merged.check_answers("iso-5230");
        assert_eq!(answers.len(), 1, "{answers:?}");
        assert_eq!(answers.get("roles-defined"), Some(&Verdict::No));
    }
}

#[test]
fn the_latest_verdict_wins_a_merge_item_by_item() {
    let mut a = Progress::new();
    let mut b = Progress::new();
    a.apply(answer("compliance-policy", Verdict::No, 10))
        .expect("applies");
    b.apply(answer("compliance-policy", Verdict::Yes, 12))
        .expect("applies");
    a.apply(answer("roles-defined", Verdict::Partly, 13))
        .expect("applies");
    let merged = merge(&a, &b);
    assert_eq!(
        merged.check_answers("iso-5230").get("compliance-policy"),
        Some(&Verdict::Yes)
    );
    assert_eq!(
        merged.check_answers("iso-5230").get("roles-defined"),
        Some(&Verdict::Partly)
    );
}
