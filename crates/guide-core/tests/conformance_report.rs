//! Self-check reports: Markdown and JSON name every gap with its clause, say they are a
//! self-assessment, and say how to declare conformance.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{all_answered as all, real_check as check};
use guide_core::conformance::{
    check_json_report, check_markdown_report, CheckReportInput, CheckReportLabels, Verdict,
};

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
