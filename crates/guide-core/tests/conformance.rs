//! The conformance self-checks: the shipped checks load and cover every requirement clause of
//! their standard; damaged copies are refused with the right error; answers mean what the rules
//! in `conformance/outcome.rs` say; share codes round-trip and refuse anything else without
//! panicking; the reports name every gap with its clause and say they are a self-assessment.
//!
//! Long because it is a catalogue: one test per rule of the checks' validation and outcome.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use common::{config, content_root};
use guide_core::conformance::{
    check_json_report, check_markdown_report, decode_answers, encode_answers, CheckError,
    CheckOutcome, CheckReportInput, CheckReportLabels, CheckShareError, CheckSpec, SectionStatus,
    ValidCheck, Verdict, MAX_CHECK_SHARE_LEN,
};
use guide_core::content::{load_check, load_content, Content};
use guide_core::hash::fnv1a64;
use guide_core::tree::LinkProblem;
use proptest::prelude::*;

fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| load_content(content_root()).unwrap_or_else(|e| panic!("{e}")))
}

fn spec(id: &str) -> CheckSpec {
    content()
        .checks
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("no check {id}"))
}

fn validate(spec: CheckSpec) -> Result<ValidCheck, Vec<CheckError>> {
    ValidCheck::new(spec, &content().book, &content().crosswalk)
}

fn check(id: &str) -> ValidCheck {
    validate(spec(id)).unwrap_or_else(|e| panic!("{e:?}"))
}

fn source(id: &str) -> String {
    let path = content_root()
        .join("conformance")
        .join(format!("{id}.toml"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The errors of a damaged copy of `id`, changed by `damage`.
fn refused(id: &str, damage: impl FnOnce(&mut CheckSpec)) -> Vec<CheckError> {
    let mut spec = spec(id);
    damage(&mut spec);
    match validate(spec) {
        Ok(_) => panic!("the damaged copy of {id} was accepted"),
        Err(errors) => errors,
    }
}

fn item_mut<'a>(spec: &'a mut CheckSpec, id: &str) -> &'a mut guide_core::conformance::Item {
    spec.sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn all(check: &ValidCheck, verdict: Verdict) -> BTreeMap<String, Verdict> {
    check
        .spec()
        .items()
        .map(|i| (i.id.clone(), verdict))
        .collect()
}

// ---------------------------------------------------------------- the shipped checks

#[test]
fn the_shipped_checks_load_validate_and_cover_every_clause() {
    let ids: Vec<&str> = content().checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["iso-18974", "iso-5230"]);
    for (id, items, sections, clauses) in [
        (
            "iso-5230",
            34,
            vec![
                ("3.1", 12),
                ("3.2", 7),
                ("3.3", 8),
                ("3.4", 2),
                ("3.5", 3),
                ("3.6", 2),
            ],
            13,
        ),
        (
            "iso-18974",
            35,
            vec![("4.1", 23), ("4.2", 6), ("4.3", 4), ("4.4", 2)],
            11,
        ),
    ] {
        let check = check(id);
        assert_eq!(check.item_count(), items, "{id}");
        let found: Vec<(&str, usize)> = check
            .spec()
            .sections
            .iter()
            .map(|s| (s.clause.as_str(), s.items.len()))
            .collect();
        assert_eq!(found, sections, "{id}");
        assert_eq!(check.spec().clauses.len(), clauses, "{id}");
        for clause in &check.spec().clauses {
            assert!(
                check.spec().items().any(|i| &i.clause == clause),
                "{id}: {clause} is not covered"
            );
        }
    }
}

#[test]
fn not_applicable_is_offered_only_where_the_standard_lets_a_requirement_not_apply() {
    let allowed: Vec<String> = check("iso-5230")
        .spec()
        .items()
        .filter(|i| i.allows_not_applicable)
        .map(|i| format!("{} {}", i.clause, i.id))
        .collect();
    assert_eq!(
        allowed,
        [
            "3.3.2 usecase-binary",
            "3.3.2 usecase-source",
            "3.3.2 usecase-combination",
            "3.3.2 usecase-modified",
            "3.3.2 usecase-incompatible",
            "3.3.2 usecase-attribution",
            "3.5.1 contribution-policy",
            "3.5.1 contribution-procedure",
            "3.5.1 contribution-awareness",
        ]
    );
    assert!(!check("iso-18974")
        .spec()
        .items()
        .any(|i| i.allows_not_applicable));
}

#[test]
fn every_item_points_at_its_own_clause_in_the_crosswalk() {
    for id in ["iso-5230", "iso-18974"] {
        for item in check(id).spec().items() {
            let entry = content()
                .crosswalk
                .entry(&item.crosswalk)
                .unwrap_or_else(|| panic!("{}", item.crosswalk));
            assert_eq!(entry.reference, format!("§{}", item.clause), "{}", item.id);
        }
    }
}

// ---------------------------------------------------------------- damaged copies

#[test]
fn a_clause_without_an_item_is_refused() {
    let errors = refused("iso-5230", |spec| {
        for section in &mut spec.sections {
            section.items.retain(|i| i.clause != "3.1.5");
        }
    });
    assert_eq!(
        errors,
        [CheckError::UncoveredClause {
            node: "iso-5230".into(),
            clause: "3.1.5".into()
        }]
    );
}

#[test]
fn an_item_under_an_unlisted_clause_or_in_the_wrong_section_is_refused() {
    let errors = refused("iso-5230", |spec| {
        item_mut(spec, "licence-obligations").clause = "3.1.9".into();
    });
    assert!(errors.contains(&CheckError::UnlistedClause {
        node: "licence-obligations".into(),
        clause: "3.1.9".into()
    }));
    let errors = refused("iso-18974", |spec| {
        let item = item_mut(spec, "security-policy");
        item.clause = "4.2.1".into();
        item.crosswalk = "iso18974-4-2-1".into();
    });
    assert_eq!(
        errors,
        [CheckError::OutsideSection {
            node: "security-policy".into(),
            clause: "4.2.1".into(),
            section: "4.1".into()
        }]
    );
}

#[test]
fn a_link_to_a_missing_section_is_refused() {
    let errors = refused("iso-5230", |spec| {
        item_mut(spec, "compliance-policy").learn_more =
            "/book/open-source-policies/#nowhere".into();
    });
    assert_eq!(
        errors,
        [CheckError::BadLink {
            node: "compliance-policy".into(),
            link: "/book/open-source-policies/#nowhere".into(),
            problem: LinkProblem::NoSection {
                slug: "open-source-policies".into(),
                anchor: "nowhere".into()
            }
        }]
    );
    let errors = refused("iso-5230", |spec| {
        item_mut(spec, "compliance-policy").learn_more = "https://example.org/".into();
    });
    assert!(matches!(
        errors.as_slice(),
        [CheckError::BadLink {
            problem: LinkProblem::NotRootRelative,
            ..
        }]
    ));
}

#[test]
fn an_unknown_or_mismatched_crosswalk_id_is_refused() {
    let errors = refused("iso-18974", |spec| {
        item_mut(spec, "vuln-records").crosswalk = "iso18974-9-9-9".into();
    });
    assert_eq!(
        errors,
        [CheckError::UnknownCrosswalk {
            node: "vuln-records".into(),
            id: "iso18974-9-9-9".into()
        }]
    );
    let errors = refused("iso-18974", |spec| {
        item_mut(spec, "vuln-records").crosswalk = "iso18974-4-3-1".into();
    });
    assert!(matches!(
        errors.as_slice(),
        [CheckError::CrosswalkMismatch { node, .. }] if node == "vuln-records"
    ));
}

#[test]
fn duplicate_and_invalid_ids_are_refused() {
    let errors = refused("iso-5230", |spec| {
        item_mut(spec, "policy-announcement").id = "compliance-policy".into();
    });
    assert_eq!(
        errors,
        [CheckError::DuplicateId {
            node: "compliance-policy".into()
        }]
    );
    let errors = refused("iso-5230", |spec| {
        spec.sections[1].id = spec.sections[0].id.clone();
    });
    assert!(matches!(
        errors.as_slice(),
        [CheckError::DuplicateId { .. }]
    ));
    let errors = refused("iso-5230", |spec| {
        item_mut(spec, "compliance-policy").id = "Compliance Policy".into();
    });
    assert!(errors.contains(&CheckError::InvalidId {
        node: "Compliance Policy".into()
    }));
}

#[test]
fn not_applicable_must_be_explained_exactly_where_it_is_allowed() {
    // Allowed on an item the standard does not make conditional.
    let errors = refused("iso-5230", |spec| {
        let item = item_mut(spec, "compliance-policy");
        item.allows_not_applicable = true;
    });
    assert_eq!(
        errors,
        [CheckError::NotApplicableWhen {
            node: "compliance-policy".into()
        }]
    );
    // An explanation given where it is not allowed.
    let errors = refused("iso-18974", |spec| {
        item_mut(spec, "vuln-detection").not_applicable_when = Some("Never.".into());
    });
    assert_eq!(
        errors,
        [CheckError::NotApplicableWhen {
            node: "vuln-detection".into()
        }]
    );
}

#[test]
fn empty_texts_and_empty_sections_are_refused() {
    let errors = refused("iso-5230", |spec| {
        item_mut(spec, "artifacts-archive").gap_step = "  ".into();
        spec.declare.clear();
    });
    assert_eq!(
        errors,
        [
            CheckError::EmptyText {
                node: "iso-5230".into(),
                field: "declare"
            },
            CheckError::EmptyText {
                node: "artifacts-archive".into(),
                field: "gap_step"
            }
        ]
    );
    let errors = refused("iso-5230", |spec| spec.sections[3].items.clear());
    assert!(errors.contains(&CheckError::EmptySection {
        node: "compliance-artifacts".into()
    }));
}

#[test]
fn the_loader_names_the_file_and_line_of_a_problem() {
    let book = &content().book;
    let crosswalk = &content().crosswalk;
    let text = source("iso-5230");
    assert!(load_check("iso-5230.toml", "iso-5230", &text, book, crosswalk).is_ok());

    // A link to a missing section: the line of that link.
    let damaged = text.replacen(
        "/book/tools-and-processes/#review-board",
        "/book/tools-and-processes/#no-board",
        1,
    );
    let line = damaged
        .lines()
        .position(|l| l.contains("#no-board"))
        .map(|i| i + 1);
    let errors = load_check("iso-5230.toml", "iso-5230", &damaged, book, crosswalk)
        .expect_err("a bad link is refused");
    assert_eq!(errors.len(), 1);
    assert_eq!(Some(errors[0].line), line);
    assert!(
        errors[0].message.contains("no heading {#no-board}"),
        "{}",
        errors[0]
    );

    // A field the schema does not know: refused with its line.
    let damaged = text.replacen("gap_step = ", "gap_stpe = ", 1);
    let errors = load_check("iso-5230.toml", "iso-5230", &damaged, book, crosswalk)
        .expect_err("an unknown field is refused");
    assert!(
        errors[0].line > 0 && errors[0].message.contains("gap_stpe"),
        "{}",
        errors[0]
    );

    // The id must be the file name.
    let errors = load_check("other.toml", "other", &text, book, crosswalk)
        .expect_err("an id that is not the file name is refused");
    assert_eq!(errors[0].line, 1);
}

// ---------------------------------------------------------------- what answers mean

fn section(outcome: &CheckOutcome, id: &str) -> SectionStatus {
    outcome
        .sections
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.status)
        .unwrap_or_else(|| panic!("no section {id}"))
}

#[test]
fn all_yes_conforms() {
    for id in ["iso-5230", "iso-18974"] {
        let check = check(id);
        let outcome = check.outcome(&all(&check, Verdict::Yes));
        assert!(outcome.conforms, "{id}");
        assert!(outcome.gaps.is_empty());
        assert_eq!(
            (outcome.answered, outcome.total),
            (check.item_count(), check.item_count())
        );
        assert!(outcome
            .sections
            .iter()
            .all(|s| s.status == SectionStatus::Met));
    }
}

#[test]
fn one_partly_makes_its_section_not_met_with_that_gap() {
    let check = check("iso-5230");
    let mut answers = all(&check, Verdict::Yes);
    answers.insert("inquiry-handling".into(), Verdict::Partly);
    let outcome = check.outcome(&answers);
    assert!(!outcome.conforms);
    assert_eq!(section(&outcome, "relevant-tasks"), SectionStatus::NotMet);
    assert_eq!(section(&outcome, "program-foundation"), SectionStatus::Met);
    assert_eq!(outcome.gaps.len(), 1);
    let gap = &outcome.gaps[0];
    assert_eq!(
        (
            gap.item.as_str(),
            gap.clause.as_str(),
            gap.verdict,
            gap.section.as_str()
        ),
        (
            "inquiry-handling",
            "3.2.1",
            Verdict::Partly,
            "relevant-tasks"
        )
    );
    assert_eq!(gap.crosswalk, "iso5230-3-2-1");
    assert!(!gap.gap_step.is_empty() && gap.learn_more.starts_with("/book/"));
    assert_eq!(outcome.answered, outcome.total);
}

#[test]
fn an_unanswered_item_leaves_its_section_incomplete() {
    let check = check("iso-18974");
    let mut answers = all(&check, Verdict::Yes);
    answers.remove("sbom-records");
    let outcome = check.outcome(&answers);
    assert!(!outcome.conforms);
    assert_eq!(
        section(&outcome, "content-review"),
        SectionStatus::Incomplete
    );
    assert!(outcome.gaps.is_empty());
    assert_eq!(outcome.answered, outcome.total - 1);

    // "Don't know" is a gap (find out), but the section is incomplete, not unmet.
    answers.insert("sbom-records".into(), Verdict::DontKnow);
    let outcome = check.outcome(&answers);
    assert_eq!(
        section(&outcome, "content-review"),
        SectionStatus::Incomplete
    );
    assert_eq!(outcome.gaps.len(), 1);
    assert_eq!(outcome.gaps[0].verdict, Verdict::DontKnow);
    assert_eq!(outcome.answered, outcome.total);

    // A definite "no" outweighs what is still open.
    answers.insert("sbom-procedure".into(), Verdict::No);
    let outcome = check.outcome(&answers);
    assert_eq!(section(&outcome, "content-review"), SectionStatus::NotMet);
    assert_eq!(outcome.gaps.len(), 2);
}

#[test]
fn not_applicable_counts_only_where_it_is_allowed() {
    let check = check("iso-5230");
    let mut answers = all(&check, Verdict::Yes);
    answers.insert("usecase-source".into(), Verdict::NotApplicable);
    answers.insert("contribution-policy".into(), Verdict::NotApplicable);
    let outcome = check.outcome(&answers);
    assert!(outcome.conforms, "allowed n/a is met");
    assert_eq!(outcome.answered, outcome.total);

    answers.insert("compliance-policy".into(), Verdict::NotApplicable);
    let outcome = check.outcome(&answers);
    assert!(
        !outcome.conforms,
        "n/a where it is not allowed is never met"
    );
    assert_eq!(
        section(&outcome, "program-foundation"),
        SectionStatus::Incomplete
    );
    assert_eq!(outcome.answered, outcome.total - 1);
    assert!(outcome.gaps.is_empty());
}

#[test]
fn answers_to_unknown_items_are_ignored() {
    let check = check("iso-18974");
    let mut answers = all(&check, Verdict::Yes);
    answers.insert("no-such-item".into(), Verdict::No);
    assert!(check.outcome(&answers).conforms);
    let empty = check.outcome(&BTreeMap::new());
    assert_eq!(empty.answered, 0);
    assert!(empty
        .sections
        .iter()
        .all(|s| s.status == SectionStatus::Incomplete));
}

// ---------------------------------------------------------------- share codes

/// Answers as the share code keeps them: known items only, n/a only where allowed.
fn kept(check: &ValidCheck, answers: &BTreeMap<String, Verdict>) -> BTreeMap<String, Verdict> {
    check
        .spec()
        .items()
        .filter_map(|item| {
            let verdict = *answers.get(&item.id)?;
            (verdict != Verdict::NotApplicable || item.allows_not_applicable)
                .then(|| (item.id.clone(), verdict))
        })
        .collect()
}

fn answers_strategy(id: &'static str) -> impl Strategy<Value = BTreeMap<String, Verdict>> {
    let ids: Vec<String> = check(id).spec().items().map(|i| i.id.clone()).collect();
    let n = ids.len();
    proptest::collection::vec(proptest::option::of(0..Verdict::ALL.len()), n).prop_map(
        move |choices| {
            ids.iter()
                .zip(choices)
                .filter_map(|(id, c)| Some((id.clone(), Verdict::ALL[c?])))
                .chain(std::iter::once(("stray".to_string(), Verdict::No)))
                .collect()
        },
    )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn share_codes_round_trip_5230(answers in answers_strategy("iso-5230")) {
        let check = check("iso-5230");
        let code = encode_answers(&check, &answers);
        prop_assert!(code.len() <= MAX_CHECK_SHARE_LEN);
        prop_assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.'));
        prop_assert_eq!(decode_answers(&check, &code), Ok(kept(&check, &answers)));
        prop_assert_eq!(decode_answers(&check, &format!("#{code}")), Ok(kept(&check, &answers)));
        // The same outcome after the trip.
        prop_assert_eq!(check.outcome(&kept(&check, &answers)), check.outcome(&answers));
    }

    #[test]
    fn share_codes_round_trip_18974(answers in answers_strategy("iso-18974")) {
        let check = check("iso-18974");
        let code = encode_answers(&check, &answers);
        prop_assert_eq!(decode_answers(&check, &code), Ok(kept(&check, &answers)));
    }

    #[test]
    fn any_text_decodes_or_is_refused_without_panic(text in common::text(600)) {
        let check = check("iso-5230");
        let _ = decode_answers(&check, &text);
    }

    #[test]
    fn a_code_with_one_letter_changed_is_refused(
        answers in answers_strategy("iso-5230"),
        at in 0usize..34,
        to in prop::sample::select(vec!['y', 'p', 'n', 'x', 'd', 'u']),
    ) {
        let check = check("iso-5230");
        let code = encode_answers(&check, &answers);
        let mut bytes = code.into_bytes();
        let index = 3 + at;
        prop_assume!(bytes[index] != to as u8);
        bytes[index] = to as u8;
        let edited = String::from_utf8(bytes).unwrap_or_default();
        // Five hex digits leave one edit in about a million unnoticed.
        prop_assert!(decode_answers(&check, &edited).is_err());
    }
}

/// A code signed like the guide signs them (the format in `conformance/share.rs`), so that a
/// well-formed code with a bad answer can be made.
fn signed(check: &ValidCheck, letters: &str) -> String {
    let mut text = format!("{}|", check.id());
    for item in check.spec().items() {
        text.push_str(&item.id);
        text.push(if item.allows_not_applicable { '+' } else { ',' });
    }
    text.push('|');
    text.push_str(letters);
    format!("c1.{letters}.{:05x}", fnv1a64(text.as_bytes()) & 0xf_ffff)
}

#[test]
fn the_documented_format_is_what_the_guide_writes() {
    let check = check("iso-5230");
    let answers = BTreeMap::from([
        ("compliance-policy".to_string(), Verdict::Yes),
        ("policy-announcement".to_string(), Verdict::Partly),
        ("roles-defined".to_string(), Verdict::No),
        ("role-competencies".to_string(), Verdict::DontKnow),
        ("usecase-binary".to_string(), Verdict::NotApplicable),
    ]);
    let binary = check
        .spec()
        .items()
        .position(|i| i.id == "usecase-binary")
        .unwrap_or_default();
    assert_eq!(binary, 21);
    let mut letters = "ypnd".to_string() + &"u".repeat(30);
    letters.replace_range(binary..=binary, "x");
    assert_eq!(encode_answers(&check, &answers), signed(&check, &letters));
}

#[test]
fn hostile_share_codes_are_refused_with_a_reason() {
    let check = check("iso-5230");
    let other = check_for_other();
    let good = encode_answers(&check, &all(&check, Verdict::Yes));
    let yes = "y".repeat(34);
    let cases: Vec<(String, CheckShareError)> = vec![
        (String::new(), CheckShareError::Empty),
        ("#".into(), CheckShareError::Empty),
        ("   ".into(), CheckShareError::Empty),
        (
            "c".repeat(MAX_CHECK_SHARE_LEN + 1),
            CheckShareError::TooLong {
                len: MAX_CHECK_SHARE_LEN + 1,
            },
        ),
        (good.to_uppercase(), malformed()),
        (good.replacen('.', "-", 1), malformed()),
        (format!("{good}é"), malformed()),
        ("r1.yy.00000".into(), malformed()),
        ("cx.yy.00000".into(), malformed()),
        ("c".into(), malformed()),
        (
            "c2.yy.00000".into(),
            CheckShareError::WrongVersion { found: "c2".into() },
        ),
        ("c1".into(), malformed()),
        (format!("c1.{yes}"), malformed()),
        (format!("{good}.00000"), malformed()),
        (format!("c1.{yes}.abc"), malformed()),
        (format!("c1.{yes}.zzzzz"), malformed()),
        (format!("c1.{}q.00000", "y".repeat(33)), malformed()),
        (
            format!("c1.{}.00000", "y".repeat(33)),
            CheckShareError::WrongLength {
                expected: 34,
                found: 33,
            },
        ),
        (format!("c1.{yes}.00000"), CheckShareError::Tampered),
        (
            encode_answers(&other, &all(&other, Verdict::Yes)),
            CheckShareError::WrongLength {
                expected: 34,
                found: 35,
            },
        ),
        (
            signed(&check, &("x".to_string() + &"y".repeat(33))),
            CheckShareError::NotApplicableRefused {
                item: "compliance-policy".into(),
            },
        ),
    ];
    for (input, expected) in cases {
        let got = decode_answers(&check, &input);
        match (&got, &expected) {
            (Err(CheckShareError::Malformed { .. }), CheckShareError::Malformed { .. }) => {}
            _ => assert_eq!(got, Err(expected), "{input:?}"),
        }
    }
    // A code of the same length made for another version of the check is refused.
    let mut renamed = spec("iso-5230");
    renamed.sections[0].items[0].id = "written-policy".into();
    let renamed = validate(renamed).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        decode_answers(&renamed, &good),
        Err(CheckShareError::Tampered)
    );
    assert!(decode_answers(&check, &good).is_ok());
}

fn malformed() -> CheckShareError {
    CheckShareError::Malformed { reason: "" }
}

fn check_for_other() -> ValidCheck {
    check("iso-18974")
}

// ---------------------------------------------------------------- reports

const LABELS: CheckReportLabels = CheckReportLabels {
    self_assessment: "This is a self-assessment, not a certification.",
    answered: "Answered",
    of: "of",
    conforms: "Every requirement is met.",
    does_not_conform: "Not every requirement is met yet.",
    sections: "Sections",
    clause: "Clause",
    section: "Section",
    status: "Status",
    statuses: ["met", "not met", "incomplete"],
    gaps: "Gaps",
    no_gaps: "No gaps.",
    your_answer: "Your answer",
    verdicts: ["yes", "partly", "no", "not applicable", "don't know"],
    next_step: "Next step",
    learn_more: "Learn more",
    declare: "How to declare conformance",
    made_on: "Made on",
    reopen: "Reopen:",
};

#[test]
fn the_markdown_report_names_every_gap_with_its_clause_and_says_what_it_is() {
    let check = check("iso-5230");
    let mut answers = all(&check, Verdict::Yes);
    answers.insert("bom-records".into(), Verdict::No);
    answers.insert("conformance-renewal".into(), Verdict::Partly);
    answers.insert("aware-objectives".into(), Verdict::DontKnow);
    answers.remove("public-contact");
    let outcome = check.outcome(&answers);
    let input = CheckReportInput {
        check: &check,
        outcome: &outcome,
        date: "2026-11-25",
        link: "https://example.org/conformance/5230/#c1.abc",
        site: "https://example.org",
    };
    let md = check_markdown_report(&input, &LABELS);
    assert!(md.contains("self-assessment, not a certification"), "{md}");
    assert!(md.contains(&check.spec().declare));
    assert!(
        md.contains("| 3.3 | Reviewing the open source you ship | not met (8 of 8) |"),
        "{md}"
    );
    assert!(
        md.contains("| 3.2 | Tasks, people and resources | incomplete (6 of 7) |"),
        "{md}"
    );
    assert!(
        md.contains("| 3.4 | Compliance artefacts | met (2 of 2) |"),
        "{md}"
    );
    assert_eq!(outcome.gaps.len(), 3);
    for gap in &outcome.gaps {
        let line = md
            .lines()
            .find(|l| l.contains(&gap.statement))
            .unwrap_or_else(|| panic!("gap {} missing:\n{md}", gap.item));
        assert!(
            line.starts_with(&format!("- **{}** ", gap.clause)),
            "{line}"
        );
        assert!(line.contains(LABELS.verdict(gap.verdict)), "{line}");
        assert!(md.contains(&format!("https://example.org{}", gap.learn_more)));
        assert!(md.contains(&gap.gap_step));
    }
    assert!(
        md.contains("Answered 33 of 34. Not every requirement is met yet."),
        "{md}"
    );
    assert!(md.contains("Made on 2026-11-25. Reopen: https://example.org/conformance/5230/#c1.abc"));
}

#[test]
fn the_json_report_is_marked_as_a_self_assessment_and_carries_the_outcome() {
    let check = check("iso-18974");
    let mut answers = all(&check, Verdict::Yes);
    answers.insert("vuln-contact".into(), Verdict::No);
    let outcome = check.outcome(&answers);
    let input = CheckReportInput {
        check: &check,
        outcome: &outcome,
        date: "2026-11-25",
        link: "",
        site: "",
    };
    let json: serde_json::Value =
        serde_json::from_str(&check_json_report(&input, &LABELS)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["kind"], "self-assessment");
    assert_eq!(json["standard"], "ISO/IEC 18974:2023");
    assert_eq!(json["outcome"]["conforms"], false);
    assert_eq!(json["outcome"]["gaps"][0]["clause"], "4.2.1");
    assert_eq!(json["outcome"]["gaps"][0]["verdict"], "no");
    assert_eq!(json["outcome"]["sections"][1]["status"], "not-met");
    assert_eq!(json["declare"], check.spec().declare.as_str());
}

#[test]
fn a_conforming_report_says_so_and_still_says_it_is_no_certification() {
    let check = check("iso-5230");
    let outcome = check.outcome(&all(&check, Verdict::Yes));
    let input = CheckReportInput {
        check: &check,
        outcome: &outcome,
        date: "2026-11-25",
        link: "",
        site: "",
    };
    let md = check_markdown_report(&input, &LABELS);
    assert!(md.contains("Every requirement is met."));
    assert!(md.contains("No gaps."));
    assert!(md.contains(LABELS.self_assessment));
}
