//! The view's glue, natively: the reducer that wraps the core's `Progress`, and the decisions the
//! persistence hooks take (what to do with what was loaded, what a save does), against the
//! in-memory store. The browser only adds timers and events around these.

#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::rc::Rc;

use guide_core::progress::{
    encode, export, preview_import, value_hash, Event, ImportMode, Progress, Theme,
};
use ospo_guide::browser::storage::Store;
use ospo_guide::content::compiled::CONTENT_VERSION;
use ospo_guide::hooks::persistence::autosave::{save_now, Saved};
use ospo_guide::hooks::persistence::load::load_action;
use ospo_guide::state::{Action, GuideState, StorageNotice};
use yew::{Callback, Reducible};

const NS: &str = "default";
const KEY: &str = "ospo-guide:default:v3";

fn reduce(state: GuideState, action: Action) -> GuideState {
    (*Rc::new(state).reduce(action)).clone()
}

fn read(slug: &str, at: u64) -> Event {
    Event::MarkedRead {
        slug: slug.into(),
        read: true,
        at,
    }
}

fn answered(tree: &str, option: &str, at: u64) -> Event {
    Event::TreeAnswered {
        tree: tree.into(),
        answers: vec![guide_core::progress::Answer {
            question: "first".into(),
            option: option.into(),
            question_hash: 7,
            at,
        }],
        at,
    }
}

fn with(events: impl IntoIterator<Item = Event>) -> Progress {
    let mut progress = Progress::default();
    for event in events {
        progress.apply(event).expect("applies");
    }
    progress
}

/// The state after loading from `store`.
fn loaded(store: &Store) -> GuideState {
    reduce(GuideState::default(), load_action(store, None, NS, 1_000))
}

// -------------------------------------------------------------------------------------------
// Loading
// -------------------------------------------------------------------------------------------

#[test]
fn nothing_stored_starts_fresh_and_writable() {
    let state = loaded(&Store::memory());
    assert!(state.loaded && state.writable);
    assert_eq!(state.notice, None);
    assert_eq!(state.progress, Progress::default());
}

#[test]
fn stored_data_is_loaded_and_what_was_done_before_is_kept() {
    let store = Store::memory();
    let stored = with([read("why-an-ospo", 10)]);
    store
        .set(KEY, &encode(&stored, CONTENT_VERSION).expect("encodes"))
        .expect("set");
    // The reader marked another chapter before the stored data arrived.
    let before = reduce(
        GuideState::default(),
        Action::Apply(read("what-is-an-ospo", 20)),
    );
    let state = reduce(before, load_action(&store, None, NS, 1_000));
    assert_eq!(
        state.progress.overall(&["why-an-ospo", "what-is-an-ospo"]),
        (2, 2)
    );
}

#[test]
fn blocked_storage_works_in_memory_and_says_so() {
    let state = reduce(
        GuideState::default(),
        load_action(
            &Store::memory(),
            Some(ospo_guide::browser::storage::StorageProblem::Blocked),
            NS,
            1,
        ),
    );
    assert!(state.loaded && !state.writable);
    assert_eq!(state.notice, Some(StorageNotice::Blocked));
}

/// A second, different corruption after "start fresh" gets a backup of its own: the first copy
/// survives.
#[test]
fn each_unreadable_value_is_kept_and_backed_up_separately() {
    let store = Store::memory();
    store.set(KEY, "{first damage").expect("set");
    let state = loaded(&store);
    assert!(!state.writable);
    assert!(matches!(state.notice, Some(StorageNotice::Kept { .. })));
    assert_eq!(
        store.get(KEY).as_deref(),
        Some("{first damage"),
        "kept in place"
    );

    // The reader starts fresh; the guide writes over that value (and only that one).
    let state = reduce(state, Action::StartFresh);
    assert_eq!(state.replaceable, Some(value_hash("{first damage")));
    let mine = reduce(state, Action::Apply(read("why-an-ospo", 5)));
    assert!(matches!(
        save_now(&store, NS, &mine.progress, mine.replaceable, 2_000),
        Saved::Written { .. }
    ));

    // Later the stored value is damaged again, differently.
    store.set(KEY, "{second damage").expect("set");
    loaded(&store);
    let copies = ospo_guide::components::data::backups::list(&store, NS);
    let values: Vec<String> = copies.iter().filter_map(|b| store.get(&b.key)).collect();
    assert_eq!(values, ["{first damage", "{second damage"]);
}

// -------------------------------------------------------------------------------------------
// Saving
// -------------------------------------------------------------------------------------------

/// Two widgets on one page with the default namespace, each with its own state: both walks are
/// in storage after both saved, and the second widget's state took in the first's walk.
#[test]
fn two_states_with_one_namespace_keep_both_walks() {
    let store = Store::memory();
    let first = reduce(
        loaded(&store),
        Action::Apply(answered("readiness", "yes", 10)),
    );
    let second = reduce(
        loaded(&store),
        Action::Apply(answered("structure", "legal", 11)),
    );
    assert!(matches!(
        save_now(&store, NS, &first.progress, None, 20),
        Saved::Written { merged: None, .. }
    ));
    match save_now(&store, NS, &second.progress, None, 21) {
        Saved::Written {
            merged: Some(merged),
            ..
        } => {
            assert_eq!(merged.answers("readiness").len(), 1);
            assert_eq!(merged.answers("structure").len(), 1);
        }
        other => panic!("{other:?}"),
    }
    // After a reload, both walks are there.
    let reloaded = loaded(&store);
    assert_eq!(reloaded.progress.answers("readiness").len(), 1);
    assert_eq!(reloaded.progress.answers("structure").len(), 1);
}

#[test]
fn a_save_over_unreadable_data_is_refused_and_the_reader_told() {
    let store = Store::memory();
    let state = reduce(loaded(&store), Action::Apply(read("why-an-ospo", 5)));
    // Another tab (a newer version) wrote something this one cannot read.
    store
        .set(KEY, r#"{"schema":99,"content":"x","payload":{}}"#)
        .expect("set");
    match save_now(&store, NS, &state.progress, None, 30) {
        Saved::Failed(notice @ StorageNotice::Kept { .. }) => {
            let state = reduce(state, Action::Notice(Some(notice)));
            assert!(!state.writable, "no more writes until the reader decides");
        }
        other => panic!("{other:?}"),
    }
    assert!(store.get(KEY).is_some_and(|v| v.contains("\"schema\":99")));
}

#[test]
fn a_successful_save_clears_an_earlier_failure_notice() {
    let state = reduce(
        loaded(&Store::memory()),
        Action::Notice(Some(StorageNotice::Full)),
    );
    assert_eq!(state.notice, Some(StorageNotice::Full));
    assert_eq!(reduce(state, Action::Saved).notice, None);
}

// -------------------------------------------------------------------------------------------
// The reducer
// -------------------------------------------------------------------------------------------

#[test]
fn a_refused_change_is_shown_and_changes_nothing() {
    let state = loaded(&Store::memory());
    let bad = Event::MarkedRead {
        slug: "Not A Slug".into(),
        read: true,
        at: 1,
    };
    let after = reduce(state.clone(), Action::Apply(bad));
    assert_eq!(after.progress, state.progress);
    assert!(matches!(after.notice, Some(StorageNotice::Refused(_))));
    // The next change that goes through takes the notice away.
    let next = reduce(after, Action::Apply(read("why-an-ospo", 2)));
    assert_eq!(next.notice, None);
}

/// While an import's preview is open, the reader picks a theme and another tab reads a chapter.
/// Applying the import keeps both.
#[test]
fn an_import_is_applied_to_the_state_as_it_is_when_applied() {
    let state = reduce(loaded(&Store::memory()), Action::Apply(read("intro", 1)));
    let file = export(&with([read("governance", 3)]), CONTENT_VERSION).expect("exports");
    let preview = preview_import(file.as_bytes(), &state.progress, 100).expect("previews");
    let state = reduce(
        state,
        Action::Apply(Event::ThemeChosen {
            theme: Theme::Dark,
            at: 150,
        }),
    );
    let state = reduce(state, Action::MergeRemote(with([read("models", 160)])));
    let result = Rc::new(RefCell::new(None));
    let done = {
        let result = Rc::clone(&result);
        Callback::from(move |outcome| *result.borrow_mut() = Some(outcome))
    };
    let after = reduce(
        state,
        Action::Import {
            preview: Box::new(preview),
            mode: ImportMode::Replace,
            done,
        },
    );
    assert_eq!(*result.borrow(), Some(Ok(())));
    assert_eq!(after.progress.theme(), Theme::Dark);
    assert_eq!(
        after.progress.overall(&["intro", "governance", "models"]),
        (2, 3),
        "intro replaced; governance from the file; models from the other tab"
    );
}
