//! Export and import: the file format, each way an import is refused, the preview, merge and
//! replace.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use guide_core::progress::{
    apply_import, export, merge, preview_import, Answer, ChapterStatus, Event, ImportError,
    ImportMode, Progress, ResultRecord, Theme, ValidationError, MAX_BYTES,
};

mod common;
use common::{marked, with};

fn answered(tree: &str, option: &str, at: u64) -> Event {
    Event::TreeAnswered {
        tree: tree.into(),
        answers: vec![Answer {
            question: "sponsor".into(),
            option: option.into(),
            question_hash: 5,
            at,
        }],
        at,
    }
}

fn recorded(result: &str, at: u64) -> Event {
    Event::ResultRecorded {
        record: ResultRecord {
            tree: "structure".into(),
            result: result.into(),
            answers: vec![],
            scores: BTreeMap::from([("central".to_owned(), 2)]),
            total: 2,
            at,
        },
    }
}

fn exported(progress: &Progress) -> Vec<u8> {
    match export(progress, "2026-11-24") {
        Ok(text) => text.into_bytes(),
        Err(error) => panic!("not exported: {error}"),
    }
}

/// When the previews of these tests are made.
const PREVIEW_AT: u64 = 50;

fn preview(bytes: &[u8], current: &Progress) -> guide_core::progress::ImportPreview {
    match preview_import(bytes, current, PREVIEW_AT) {
        Ok(preview) => preview,
        Err(error) => panic!("not previewed: {error}"),
    }
}

#[test]
fn an_export_is_the_pretty_storage_envelope() {
    let progress = with([marked("intro", true, 1)]);
    let text = String::from_utf8(exported(&progress)).expect("utf-8");
    assert!(
        text.starts_with("{\n  \"schema\": 3,\n  \"content\": \"2026-11-24\",\n  \"payload\": {")
    );
    let decoded = guide_core::progress::decode(&text).expect("decodes");
    assert_eq!(decoded.progress, progress);
}

#[test]
fn export_then_import_in_a_fresh_browser_restores_everything() {
    let progress = with([
        Event::ChapterProgressed {
            slug: "intro".into(),
            section: Some("why".into()),
            fraction: 640,
            at: 1,
        },
        marked("models", true, 2),
        answered("readiness", "yes", 3),
        recorded("centralized", 4),
        Event::ThemeChosen {
            theme: Theme::Dark,
            at: 5,
        },
    ]);
    let fresh = Progress::new();
    let preview = preview(&exported(&progress), &fresh);
    assert_eq!(preview.content, "2026-11-24");
    assert_eq!(preview.migrated_from, None);
    for changes in [&preview.merge, &preview.replace] {
        assert_eq!(changes.newly_read, ["models"]);
        assert!(changes.unread.is_empty());
        assert_eq!(changes.trees_changed, ["readiness"]);
        assert_eq!(changes.results_added, 1);
        assert_eq!(changes.results_removed, 0);
        assert!(changes.prefs_changed);
        assert!(changes.fits);
    }
    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let restored = apply_import(preview.clone(), mode, &fresh).expect("applies");
        assert_eq!(restored.chapters(), progress.chapters());
        assert_eq!(restored.continue_place(), progress.continue_place());
        assert_eq!(restored.trees(), progress.trees());
        assert_eq!(restored.results(), progress.results());
        assert_eq!(restored.prefs(), progress.prefs());
        assert_eq!(restored.status("intro"), ChapterStatus::InProgress(640));
    }
}

#[test]
fn the_preview_tells_merge_and_replace_apart() {
    let current = with([
        marked("intro", true, 1),
        marked("models", true, 2),
        recorded("centralized", 3),
        answered("readiness", "yes", 4),
    ]);
    let file = with([
        marked("models", true, 10),
        marked("governance", true, 11),
        recorded("hub-and-spoke", 12),
        answered("readiness", "no", 13),
    ]);
    let preview = preview(&exported(&file), &current);

    assert_eq!(preview.merge.newly_read, ["governance"]);
    assert!(preview.merge.unread.is_empty());
    assert_eq!(preview.merge.results_added, 1);
    assert_eq!(preview.merge.results_removed, 0);
    assert_eq!(preview.merge.trees_changed, ["readiness"]);

    assert_eq!(preview.replace.newly_read, ["governance"]);
    assert_eq!(preview.replace.unread, ["intro"]);
    assert_eq!(preview.replace.results_added, 1);
    assert_eq!(preview.replace.results_removed, 1);
    assert_eq!(preview.replace.trees_changed, ["readiness"]);

    let merged = apply_import(preview.clone(), ImportMode::Merge, &current).expect("applies");
    assert_eq!(merged.overall(&["intro", "models", "governance"]), (3, 3));
    assert_eq!(merged.results().len(), 2);
    assert_eq!(merged.answers("readiness")[0].option, "no");

    let replaced = apply_import(preview, ImportMode::Replace, &current).expect("applies");
    assert_eq!(replaced.overall(&["intro", "models", "governance"]), (2, 3));
    assert_eq!(replaced.results().len(), 1);
}

#[test]
fn importing_the_same_data_changes_nothing() {
    let current = with([marked("intro", true, 1), recorded("centralized", 3)]);
    let preview = preview(&exported(&current), &current);
    assert!(preview.merge.is_empty());
    assert!(preview.replace.is_empty());
    assert_eq!(
        apply_import(preview, ImportMode::Merge, &current).expect("applies"),
        current
    );
}

#[test]
fn a_replace_wins_over_another_tabs_older_copy() {
    let current = with([marked("intro", true, 1), marked("models", true, 2)]);
    let other_tab = current.clone();
    let file = with([marked("governance", true, 5)]);
    let preview = preview(&exported(&file), &current);
    let replaced = apply_import(preview, ImportMode::Replace, &current).expect("applies");
    assert_eq!(replaced.reset_at(), 50);
    let synced = merge(&other_tab, &replaced);
    assert_eq!(synced.status("intro"), ChapterStatus::NotStarted);
    assert_eq!(synced.status("models"), ChapterStatus::NotStarted);
    assert_eq!(synced.status("governance"), ChapterStatus::Read);
}

#[test]
fn a_merge_import_keeps_data_older_than_the_files_erase() {
    // The file comes from a browser where everything was erased at 1000; merging it here must not
    // erase what this browser has.
    let current = with([marked("intro", true, 1)]);
    let mut file = with([marked("models", true, 2)]);
    file.apply(Event::EraseAll { at: 1000 }).expect("applies");
    file.apply(marked("governance", true, 1001))
        .expect("applies");
    let preview = preview(&exported(&file), &current);
    let merged = apply_import(preview, ImportMode::Merge, &current).expect("applies");
    assert_eq!(merged.status("intro"), ChapterStatus::Read);
    assert_eq!(merged.status("governance"), ChapterStatus::Read);
    assert_eq!(merged.reset_at(), 0);
}

#[test]
fn an_older_schema_file_is_migrated_on_import() {
    let bytes = include_bytes!("fixtures/progress/v1.json");
    let preview = preview(bytes, &Progress::new());
    assert_eq!(preview.migrated_from, Some(1));
    assert_eq!(
        preview.replace.newly_read,
        ["getting-started", "what-is-an-ospo"]
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(exported(&with([marked("intro", true, 1)])));
    assert!(preview_import(&bytes, &Progress::new(), 0).is_ok());
}

// Refusals: each leaves the current data as it was (the preview borrows it immutably).

#[test]
fn a_file_over_one_mebibyte_is_too_large() {
    let bytes = vec![b' '; MAX_BYTES + 1];
    assert_eq!(
        preview_import(&bytes, &Progress::new(), 0),
        Err(ImportError::TooLarge {
            size: MAX_BYTES + 1
        })
    );
}

#[test]
fn a_file_of_the_wrong_format_is_refused() {
    let inputs: [&[u8]; 7] = [
        b"",
        b"\xff\xfe\x00binary",
        b"name,read\nintro,yes\n",
        b"<html><body>hello</body></html>",
        b"[1,2,3]",
        br#"{"read":["intro"]}"#,
        br#"{"schema":2,"content":"c"}"#,
    ];
    for bytes in inputs {
        assert!(
            matches!(
                preview_import(bytes, &Progress::new(), 0),
                Err(ImportError::WrongFormat { .. })
            ),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused() {
    let newer = guide_core::progress::SCHEMA + 1;
    let file = format!(r#"{{"schema":{newer},"content":"c","payload":{{}}}}"#);
    assert_eq!(
        preview_import(file.as_bytes(), &Progress::new(), 0),
        Err(ImportError::NewerSchema {
            found: u64::from(newer)
        })
    );
}

#[test]
fn a_file_with_hostile_strings_is_invalid() {
    let files = [
        r#"{"schema":2,"content":"c","payload":{"chapters":{"<script>alert(1)</script>":{"read":true,"read_at":0,"by_hand":false,"fraction":0,"section":null,"seen_at":0}}}}"#.to_owned(),
        r#"{"schema":2,"content":"c","payload":{"last":{"slug":"a\u0000b","section":null,"at":1}}}"#.to_owned(),
        format!(
            r#"{{"schema":2,"content":"c","payload":{{"trees":{{"t":{{"answers":[{{"question":"{}","option":"o","question_hash":1,"at":1}}],"at":1}}}}}}}}"#,
            "q".repeat(100_000)
        ),
        r#"{"schema":1,"content":"c","payload":{"read":["<img src=x onerror=alert(1)>"]}}"#.to_owned(),
    ];
    for file in files {
        match preview_import(file.as_bytes(), &Progress::new(), 0) {
            Err(ImportError::Invalid(ValidationError::BadId { value, .. })) => {
                assert!(value.chars().count() < 50, "{value}");
                assert!(!value.contains('\0'));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_merge_that_would_exceed_a_cap_is_refused_but_replace_works() {
    let current = with((0..300).map(|i| marked(&format!("a{i}"), true, 1)));
    let file = with((0..300).map(|i| marked(&format!("b{i}"), true, 1)));
    let preview = preview(&exported(&file), &current);
    assert!(!preview.merge.fits);
    assert!(preview.replace.fits);
    assert_eq!(
        apply_import(preview.clone(), ImportMode::Merge, &current),
        Err(ImportError::MergeTooLarge)
    );
    let replaced = apply_import(preview, ImportMode::Replace, &current).expect("applies");
    assert_eq!(replaced.chapters().len(), 300);
}

/// While the preview is open, another tab reads a chapter and the reader picks a theme. Applying
/// the import keeps both, in either mode; a replace still forgets what was there before.
#[test]
fn an_import_keeps_what_changed_while_its_preview_was_open() {
    let current = with([marked("intro", true, 1)]);
    let file = with([marked("governance", true, 5)]);
    let preview = preview(&exported(&file), &current);
    let mut live = current.clone();
    live.apply(marked("models", true, PREVIEW_AT + 10))
        .expect("applies");
    live.apply(Event::ThemeChosen {
        theme: Theme::Dark,
        at: PREVIEW_AT + 11,
    })
    .expect("applies");

    let merged = apply_import(preview.clone(), ImportMode::Merge, &live).expect("applies");
    assert_eq!(merged.overall(&["intro", "models", "governance"]), (3, 3));
    assert_eq!(merged.theme(), Theme::Dark);

    let replaced = apply_import(preview, ImportMode::Replace, &live).expect("applies");
    assert_eq!(
        replaced.status("intro"),
        ChapterStatus::NotStarted,
        "replaced"
    );
    assert_eq!(
        replaced.status("governance"),
        ChapterStatus::Read,
        "from the file"
    );
    assert_eq!(
        replaced.status("models"),
        ChapterStatus::Read,
        "changed since the preview"
    );
    assert_eq!(replaced.theme(), Theme::Dark, "changed since the preview");
}
