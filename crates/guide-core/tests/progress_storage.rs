//! Saving: what is stored now is read and merged before anything is written, and nothing is
//! ever written over a value that cannot be read (unless the reader agreed to replace that very
//! value).

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{marked, with};
use guide_core::progress::{
    decode, encode, plan_save, value_hash, Answer, EncodeError, Event, Progress, SavePlan,
};

const CONTENT: &str = "book-test";

fn answered(tree: &str, option: &str, at: u64) -> Event {
    Event::TreeAnswered {
        tree: tree.into(),
        answers: vec![Answer {
            question: "first".into(),
            option: option.into(),
            question_hash: 1,
            at,
        }],
        at,
    }
}

/// Runs a plan against a one-key store, as the adapter would, and returns the state to keep.
fn save(store: &mut Option<String>, local: &Progress) -> Progress {
    match plan_save(local, store.as_deref(), None, CONTENT) {
        SavePlan::Write { value, merged } => {
            *store = Some(value);
            merged.unwrap_or_else(|| local.clone())
        }
        SavePlan::Unchanged { merged } => merged.unwrap_or_else(|| local.clone()),
        other => panic!("not saved: {other:?}"),
    }
}

/// Two widgets on one page, both at the default namespace: each loaded the empty store, then
/// each walks its own tree and saves its whole state. Both walks survive a reload.
#[test]
fn two_parts_of_a_page_with_one_namespace_keep_both_walks() {
    let mut store = None;
    let readiness = with([answered("readiness", "yes", 10)]);
    let structure = with([answered("structure", "legal", 20)]);
    let after_first = save(&mut store, &readiness);
    assert_eq!(after_first, readiness);
    let after_second = save(&mut store, &structure);
    assert_eq!(
        after_second.answers("readiness").len(),
        1,
        "the second merged the first"
    );
    let reloaded = decode(store.as_deref().expect("stored")).expect("readable");
    assert_eq!(reloaded.progress.answers("readiness").len(), 1);
    assert_eq!(reloaded.progress.answers("structure").len(), 1);
}

#[test]
fn saving_what_is_already_stored_writes_nothing() {
    let local = with([marked("why-an-ospo", true, 5)]);
    let stored = encode(&local, CONTENT).expect("encodes");
    assert_eq!(
        plan_save(&local, Some(&stored), None, CONTENT),
        SavePlan::Unchanged { merged: None }
    );
}

#[test]
fn an_unreadable_stored_value_is_never_overwritten() {
    let local = with([marked("why-an-ospo", true, 5)]);
    for raw in ["{not json", r#"{"schema":99,"content":"x","payload":{}}"#] {
        match plan_save(&local, Some(raw), None, CONTENT) {
            SavePlan::Kept { raw: kept, .. } => assert_eq!(kept, raw),
            other => panic!("{raw}: {other:?}"),
        }
    }
}

/// "Start fresh" replaces the value the reader saw; a different one found later is kept.
#[test]
fn start_fresh_replaces_only_the_value_the_reader_agreed_to_replace() {
    let local = with([marked("why-an-ospo", true, 5)]);
    let first = "{damaged once";
    let agreed = Some(value_hash(first));
    assert!(matches!(
        plan_save(&local, Some(first), agreed, CONTENT),
        SavePlan::Write { merged: None, .. }
    ));
    let second = "{damaged again, differently";
    assert!(matches!(
        plan_save(&local, Some(second), agreed, CONTENT),
        SavePlan::Kept { .. }
    ));
}

#[test]
fn a_state_over_the_limits_is_refused_not_written() {
    let mut local = Progress::default();
    // Two tabs near the caps can merge into more chapters than a stored state may hold.
    let stored = (0..300).map(|n| marked(&format!("a{n}"), true, n + 1));
    let mine = (0..300).map(|n| marked(&format!("b{n}"), true, n + 1));
    let stored = encode(&with(stored), CONTENT).expect("within the cap alone");
    for event in mine {
        local.apply(event).expect("within the cap alone");
    }
    assert!(matches!(
        plan_save(&local, Some(&stored), None, CONTENT),
        SavePlan::Refused {
            error: EncodeError::Invalid(_)
        }
    ));
}
