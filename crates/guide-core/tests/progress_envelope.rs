//! The stored form: keys, the envelope, each schema's frozen fixture, decode errors, and what the
//! adapter is told to do.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use guide_core::progress::{
    backup_index_key, backup_key_prefix, decode, encode, keys_to_read, legacy_backup_key,
    storage_key, storage_key_for, ChapterStatus, DecodeError, EncodeError, Event, KeyError,
    LoadOutcome, Progress, Theme, ValidationError, MAX_BYTES,
};
use guide_core::Audience;

const V1: &str = include_str!("fixtures/progress/v1.json");
const V2: &str = include_str!("fixtures/progress/v2.json");
const V3: &str = include_str!("fixtures/progress/v3.json");

fn decoded(raw: &str) -> guide_core::progress::Decoded {
    match decode(raw) {
        Ok(decoded) => decoded,
        Err(error) => panic!("not decoded: {error}"),
    }
}

fn envelope(schema: &str, payload: &str) -> String {
    format!(r#"{{"schema":{schema},"content":"c1","payload":{payload}}}"#)
}

// Keys.

#[test]
fn keys_follow_the_documented_format() {
    assert_eq!(
        storage_key("default"),
        Ok("ospo-guide:default:v3".to_owned())
    );
    assert_eq!(
        storage_key_for("intranet-1", 1),
        Ok("ospo-guide:intranet-1:v1".to_owned())
    );
    assert_eq!(
        legacy_backup_key("default"),
        Ok("ospo-guide:default:backup".to_owned())
    );
    assert_eq!(
        backup_key_prefix("default"),
        Ok("ospo-guide:default:backup:".to_owned())
    );
    assert_eq!(
        backup_index_key("default"),
        Ok("ospo-guide:default:backups".to_owned())
    );
    assert_eq!(
        keys_to_read("default"),
        Ok(vec![
            "ospo-guide:default:v3".to_owned(),
            "ospo-guide:default:v2".to_owned(),
            "ospo-guide:default:v1".to_owned()
        ])
    );
}

#[test]
fn bad_namespaces_are_refused() {
    let long = "a".repeat(41);
    for bad in ["", "Default", "a:b", "a b", "ü", "<x>", long.as_str()] {
        assert!(
            matches!(storage_key(bad), Err(KeyError::BadNamespace { .. })),
            "{bad:?}"
        );
        assert!(legacy_backup_key(bad).is_err());
        assert!(backup_key_prefix(bad).is_err());
        assert!(backup_index_key(bad).is_err());
        assert!(keys_to_read(bad).is_err());
    }
    assert!(storage_key(&"a".repeat(40)).is_ok());
}

// Fixtures, one per schema version.

#[test]
fn schema_1_fixture_migrates_to_the_current_schema() {
    let decoded = decoded(V1);
    assert_eq!(decoded.migrated_from, Some(1));
    assert_eq!(decoded.content, "2026-10-01");
    let progress = decoded.progress;
    assert_eq!(progress.status("what-is-an-ospo"), ChapterStatus::Read);
    assert_eq!(progress.status("getting-started"), ChapterStatus::Read);
    assert_eq!(progress.status("ospo-models"), ChapterStatus::NotStarted);
    assert_eq!(
        progress.continue_place(),
        Some(("ospo-models", Some("centralized-model")))
    );
    assert_eq!(progress.theme(), Theme::Dark);
    assert_eq!(progress.audience(), None);
    // Migrated flags carry no time, so any later change wins a merge.
    let read = progress.chapter("what-is-an-ospo").expect("stored");
    assert_eq!((read.read_at, read.by_hand, read.fraction), (0, false, 0));
    assert!(progress.trees().is_empty());
    assert!(progress.results().is_empty());
    // Written back, it is schema 3 and reads the same.
    let again = decoded_again(&progress);
    assert_eq!(again, progress);
}

fn decoded_again(progress: &Progress) -> Progress {
    let text = encode(progress, "2026-11-24").expect("encodes");
    assert!(text.starts_with(r#"{"schema":3,"content":"2026-11-24","payload":"#));
    let back = decoded(&text);
    assert_eq!(back.migrated_from, None);
    back.progress
}

#[test]
fn schema_2_fixture_migrates_with_an_empty_plan_and_no_check_answers() {
    let decoded = decoded(V2);
    assert_eq!(decoded.migrated_from, Some(2));
    assert!(decoded.progress.plan().is_empty() && decoded.progress.checks().is_empty());
    assert_eq!(decoded.progress, decoded_v3_without_work());
}

/// The schema-3 fixture with its plan and check answers taken out: the schema-2 fixture.
fn decoded_v3_without_work() -> Progress {
    let mut value: serde_json::Value = serde_json::from_str(V3).expect("JSON");
    let payload = value["payload"].as_object_mut().expect("an object");
    payload.remove("plan");
    payload.remove("checks");
    decoded(&value.to_string()).progress
}

#[test]
fn schema_3_fixture_loads_as_is() {
    let decoded = decoded(V3);
    assert_eq!(decoded.migrated_from, None);
    assert_eq!(decoded.content, "2026-11-29");
    let progress = decoded.progress;
    let charter = progress.step("readiness.fc-charter").expect("stored");
    assert!(charter.done);
    assert_eq!(
        (charter.owner.as_str(), charter.due.as_str()),
        ("Dana (CTO office)", "2026-12-15")
    );
    assert!(
        progress
            .step("iso-5230.compliance-policy")
            .expect("stored")
            .added
    );
    assert!(
        !progress
            .step("iso-18974.roles-defined")
            .expect("stored")
            .added
    );
    let answers = progress.check_answers("iso-5230");
    assert_eq!(
        answers.get("compliance-policy"),
        Some(&guide_core::conformance::Verdict::Partly)
    );
    assert_eq!(
        answers.get("competence-records"),
        Some(&guide_core::conformance::Verdict::NotApplicable)
    );
    assert!(progress.check_answers("iso-18974").is_empty());
    assert_eq!(progress.checks()["iso-18974"].cleared_at, 1_764_000_670_000);
    assert_eq!(decoded_again(&progress), progress);
}

#[test]
fn schema_2_fixture_loads_as_before() {
    let decoded = decoded(V2);
    assert_eq!(decoded.content, "2026-11-24");
    let progress = decoded.progress;
    assert_eq!(progress.status("what-is-an-ospo"), ChapterStatus::Read);
    assert_eq!(
        progress.status("ospo-models"),
        ChapterStatus::InProgress(420)
    );
    assert_eq!(
        progress.status("getting-started"),
        ChapterStatus::InProgress(1000)
    );
    assert!(progress.chapter("getting-started").expect("stored").by_hand);
    assert_eq!(
        progress.continue_place(),
        Some(("ospo-models", Some("centralized-model")))
    );
    let readiness = progress.answers("readiness");
    assert_eq!(readiness.len(), 2);
    assert_eq!(readiness[0].question, "executive-sponsor");
    assert_eq!(readiness[0].question_hash, 11_400_714_819_323_198_485);
    assert!(progress.answers("structure").is_empty());
    assert_eq!(progress.trees().len(), 2);
    let result = &progress.results()[0];
    assert_eq!(
        (result.tree.as_str(), result.result.as_str()),
        ("structure", "centralized")
    );
    assert_eq!(result.scores.get("distributed"), Some(&-1));
    assert_eq!(result.total, 4);
    assert_eq!(progress.removed_results().len(), 1);
    assert_eq!(progress.theme(), Theme::Light);
    assert_eq!(progress.audience(), Some(Audience::Managers));
    assert_eq!(progress.reset_at(), 1_763_900_000_000);
    assert_eq!(decoded_again(&progress), progress);
}

#[test]
fn the_encoded_form_of_a_known_state_is_stable() {
    let mut progress = Progress::new();
    progress
        .apply(Event::MarkedRead {
            slug: "intro".into(),
            read: true,
            at: 7,
        })
        .expect("applies");
    let text = encode(&progress, "c1").expect("encodes");
    assert_eq!(
        text,
        concat!(
            r#"{"schema":3,"content":"c1","payload":{"chapters":{"intro":{"read":true,"read_at":7,"#,
            r#""by_hand":true,"fraction":0,"section":null,"seen_at":0}},"last":null,"trees":{},"#,
            r#""results":[],"removed_results":[],"prefs":{"theme":"auto","theme_at":0,"#,
            r#""audience":null,"audience_at":0},"reset_at":0,"plan":{},"checks":{}}}"#
        )
    );
}

#[test]
fn missing_payload_fields_take_their_defaults() {
    let decoded = decoded(&envelope("2", "{}"));
    assert!(decoded.progress.is_empty());
    let decoded = decoded_v1_empty();
    assert!(decoded.is_empty());
}

fn decoded_v1_empty() -> Progress {
    decoded(&envelope("1", "{}")).progress
}

#[test]
fn unknown_envelope_fields_are_ignored_but_unknown_payload_fields_are_refused() {
    let raw = r#"{"schema":2,"content":"c","payload":{},"exported_by":"someone"}"#;
    assert!(decode(raw).is_ok());
    let raw = envelope("2", r#"{"bookmarks":[]}"#);
    assert!(matches!(
        decode(&raw),
        Err(DecodeError::Invalid(ValidationError::Shape { .. }))
    ));
    let raw = envelope("1", r#"{"read":[],"notes":"x"}"#);
    assert!(matches!(
        decode(&raw),
        Err(DecodeError::Invalid(ValidationError::Shape { .. }))
    ));
    let raw = envelope(
        "2",
        r#"{"chapters":{"a":{"read":true,"read_at":0,"by_hand":false,"fraction":0,"section":null,"seen_at":0,"colour":"red"}}}"#,
    );
    assert!(matches!(
        decode(&raw),
        Err(DecodeError::Invalid(ValidationError::Shape { .. }))
    ));
}

// Decode errors.

#[test]
fn text_that_is_not_an_envelope_is_unreadable() {
    for raw in [
        "",
        "not json",
        "{",
        "null",
        "[]",
        "\"text\"",
        "42",
        r#"{}"#,
        r#"{"schema":"2","content":"c","payload":{}}"#,
        r#"{"schema":2.5,"content":"c","payload":{}}"#,
        r#"{"schema":-1,"content":"c","payload":{}}"#,
        r#"{"schema":0,"content":"c","payload":{}}"#,
        r#"{"schema":2,"payload":{}}"#,
        r#"{"schema":2,"content":3,"payload":{}}"#,
        r#"{"schema":2,"content":"c"}"#,
        r#"{"schema":2,"content":"c","payload":[]}"#,
        r#"{"schema":2,"content":"c","payload":null}"#,
    ] {
        assert!(
            matches!(decode(raw), Err(DecodeError::Unreadable { .. })),
            "{raw:?}: {:?}",
            decode(raw)
        );
    }
}

#[test]
fn deeply_nested_json_is_unreadable_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(decode(&deep), Err(DecodeError::Unreadable { .. })));
    let deep_payload = format!(
        r#"{{"schema":2,"content":"c","payload":{{"chapters":{}{}}}}}"#,
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    assert!(decode(&deep_payload).is_err());
}

#[test]
fn a_newer_schema_is_from_the_future() {
    assert_eq!(
        decode(&envelope("4", "{}")),
        Err(DecodeError::FromFuture { found: 4 })
    );
    // Whatever the payload looks like: it cannot be judged by this version.
    assert_eq!(
        decode(&envelope("99", r#"{"anything":[1,2,3]}"#)),
        Err(DecodeError::FromFuture { found: 99 })
    );
}

#[test]
fn too_large_data_is_refused_before_parsing() {
    let raw = format!(
        r#"{{"schema":2,"content":"c","payload":{{}},"pad":"{}"}}"#,
        "x".repeat(MAX_BYTES)
    );
    assert_eq!(decode(&raw), Err(DecodeError::TooLarge { size: raw.len() }));
    // Exactly at the limit is fine.
    let base = r#"{"schema":2,"content":"c","payload":{},"pad":""}"#;
    let raw = format!(
        r#"{{"schema":2,"content":"c","payload":{{}},"pad":"{}"}}"#,
        "x".repeat(MAX_BYTES - base.len())
    );
    assert_eq!(raw.len(), MAX_BYTES);
    assert!(decode(&raw).is_ok());
}

/// A schema, a payload, and a test of the error it must give.
type Case = (&'static str, &'static str, fn(&ValidationError) -> bool);

#[test]
fn invalid_payloads_name_what_is_wrong() {
    let cases: [Case; 9] = [
        (
            "2",
            r#"{"chapters":{"<script>":{"read":true,"read_at":0,"by_hand":false,"fraction":0,"section":null,"seen_at":0}}}"#,
            |e| {
                matches!(
                    e,
                    ValidationError::BadId {
                        what: "chapter slug",
                        ..
                    }
                )
            },
        ),
        (
            "2",
            r#"{"chapters":{"a":{"read":true,"read_at":0,"by_hand":false,"fraction":1001,"section":null,"seen_at":0}}}"#,
            |e| matches!(e, ValidationError::Fraction { found: 1001 }),
        ),
        (
            "2",
            r#"{"chapters":{"a":{"read":true,"read_at":0,"by_hand":false,"fraction":0,"section":"Bad Section","seen_at":0}}}"#,
            |e| {
                matches!(
                    e,
                    ValidationError::BadId {
                        what: "section id",
                        ..
                    }
                )
            },
        ),
        (
            "2",
            r#"{"last":{"slug":"a","section":null,"at":9007199254740992}}"#,
            |e| matches!(e, ValidationError::Time { .. }),
        ),
        (
            "2",
            r#"{"trees":{"t":{"answers":[{"question":"q","option":"o","question_hash":1,"at":1},{"question":"q","option":"p","question_hash":1,"at":2}],"at":2}}}"#,
            |e| matches!(e, ValidationError::Duplicate { .. }),
        ),
        (
            "2",
            r#"{"results":[{"tree":"t","result":"r","answers":[],"scores":{},"total":0,"at":1},{"tree":"t","result":"r","answers":[],"scores":{},"total":1,"at":1}]}"#,
            |e| matches!(e, ValidationError::Duplicate { what: "result", .. }),
        ),
        (
            "2",
            r#"{"results":[{"tree":"t","result":"r","answers":[],"scores":{},"total":0,"at":1}],"removed_results":[{"tree":"t","result":"r","at":1}]}"#,
            |e| matches!(e, ValidationError::Duplicate { .. }),
        ),
        (
            "2",
            r#"{"prefs":{"theme":"neon","theme_at":0,"audience":null,"audience_at":0}}"#,
            |e| matches!(e, ValidationError::Shape { .. }),
        ),
        ("1", r#"{"read":["ok","Not-OK"]}"#, |e| {
            matches!(e, ValidationError::BadId { .. })
        }),
    ];
    for (schema, payload, expected) in cases {
        match decode(&envelope(schema, payload)) {
            Err(DecodeError::Invalid(error)) => assert!(expected(&error), "{payload}: {error:?}"),
            other => panic!("{payload}: {other:?}"),
        }
    }
}

#[test]
fn too_many_chapters_are_invalid() {
    let chapters: Vec<String> = (0..501)
        .map(|i| {
            format!(
                r#""c{i}":{{"read":true,"read_at":0,"by_hand":false,"fraction":0,"section":null,"seen_at":0}}"#
            )
        })
        .collect();
    let raw = envelope(
        "2",
        &format!(r#"{{"chapters":{{{}}}}}"#, chapters.join(",")),
    );
    assert!(matches!(
        decode(&raw),
        Err(DecodeError::Invalid(ValidationError::TooMany {
            what: "chapters",
            count: 501,
            max: 500
        }))
    ));
    let read: Vec<String> = (0..501).map(|i| format!("\"c{i}\"")).collect();
    let raw = envelope("1", &format!(r#"{{"read":[{}]}}"#, read.join(",")));
    assert!(matches!(
        decode(&raw),
        Err(DecodeError::Invalid(ValidationError::TooMany { .. }))
    ));
}

#[test]
fn a_hostile_content_version_is_invalid() {
    let raw = r#"{"schema":2,"content":"<img src=x onerror=alert(1)>","payload":{}}"#;
    assert!(matches!(
        decode(raw),
        Err(DecodeError::Invalid(ValidationError::ContentVersion { .. }))
    ));
}

#[test]
fn results_out_of_order_are_put_in_order() {
    let raw = envelope(
        "2",
        r#"{"results":[{"tree":"t","result":"b","answers":[],"scores":{},"total":0,"at":9},{"tree":"t","result":"a","answers":[],"scores":{},"total":0,"at":1}]}"#,
    );
    let progress = decoded(&raw).progress;
    let order: Vec<u64> = progress.results().iter().map(|r| r.at).collect();
    assert_eq!(order, [1, 9]);
}

// Encode.

#[test]
fn encode_refuses_a_bad_content_version() {
    assert!(matches!(
        encode(&Progress::new(), "bad version!"),
        Err(EncodeError::Invalid(ValidationError::ContentVersion { .. }))
    ));
    assert!(encode(&Progress::new(), "").is_ok());
    assert!(encode(&Progress::new(), "1.2.3+build.5:abc_def").is_ok());
}

// Load outcomes.

#[test]
fn the_adapter_is_told_what_to_do() {
    assert_eq!(LoadOutcome::from_stored(None), LoadOutcome::Fresh);
    assert!(LoadOutcome::Fresh.may_write());

    match LoadOutcome::from_stored(Some(V1)) {
        LoadOutcome::Loaded {
            migrated_from: Some(1),
            ref progress,
            ref content,
        } => {
            assert_eq!(content, "2026-10-01");
            assert_eq!(progress.theme(), Theme::Dark);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        LoadOutcome::from_stored(Some(V2)),
        LoadOutcome::Loaded {
            migrated_from: Some(2),
            ..
        }
    ));
    let loaded = LoadOutcome::from_stored(Some(V3));
    assert!(matches!(
        loaded,
        LoadOutcome::Loaded {
            migrated_from: None,
            ..
        }
    ));
    assert!(loaded.may_write());

    for (raw, expected) in [
        ("{corrupt", "unreadable"),
        (r#"{"schema":7,"content":"c","payload":{}}"#, "future"),
        (
            r#"{"schema":2,"content":"c","payload":{"reset_at":-1}}"#,
            "invalid",
        ),
    ] {
        let outcome = LoadOutcome::from_stored(Some(raw));
        assert!(!outcome.may_write(), "{raw}");
        let LoadOutcome::Kept { reason } = outcome else {
            panic!("{raw}: not kept");
        };
        let kind = match reason {
            DecodeError::Unreadable { .. } => "unreadable",
            DecodeError::FromFuture { .. } => "future",
            DecodeError::Invalid(_) => "invalid",
            DecodeError::TooLarge { .. } => "large",
        };
        assert_eq!(kind, expected);
    }
}
