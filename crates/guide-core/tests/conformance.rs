//! The conformance self-checks: the shipped checks load and cover every requirement clause of
//! their standard; damaged copies are refused with the right error; answers mean what the rules
//! in `conformance/outcome.rs` say. Share codes: `conformance_share.rs`; reports:
//! `conformance_report.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use common::content_root;
use guide_core::conformance::{
    CheckError, CheckOutcome, CheckSpec, SectionStatus, ValidCheck, Verdict,
};
use guide_core::content::{load_check, load_content, Content};
use guide_core::tree::LinkProblem;

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
