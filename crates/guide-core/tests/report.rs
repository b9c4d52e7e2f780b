//! Reports say what the page says: the Markdown and JSON reports of a real result carry its
//! plan by window (with steps already in place ticked), how firm it is, what applies, and the
//! framework clauses, and never an unfilled placeholder.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{real_content, real_tree, walk_profile};
use guide_core::report::{json_report, markdown_report, AdviceInput, ReportInput, ReportLabels};

const LABELS: ReportLabels = ReportLabels {
    scores: "Scores",
    dimension: "Dimension",
    score: "Score",
    of: "of",
    total: "Total",
    answers: "Answers",
    decisive: "decisive",
    firmness: "Firmness",
    had_you_answered: "Had you answered",
    result_would_be: "the result would be",
    instead_applies: "this would apply instead",
    unknown_gives: "other answers give",
    firm: "Firm.",
    applies: "Applies",
    plan: "Plan",
    windows: ["W1", "W2", "W3", "Later"],
    owner: "Owner",
    done_when: "Done when",
    already_done: "already done",
    trade_offs: "Trade-offs",
    risks: "Risks",
    frameworks: "Frameworks",
    made_on: "Made on",
    reopen: "Reopen:",
};

#[test]
fn a_report_carries_the_plan_the_firmness_and_the_frameworks() {
    let tree = real_tree("readiness");
    let crosswalk = &real_content().crosswalk;
    let answers = walk_profile(
        tree,
        &[
            ("org-size", "1000-to-9999"),
            ("criticality", "nearly-everything"),
            ("delivery", "devices-binaries"),
            ("regulatory-role", "cra-manufacturer"),
            ("usage", "automated-sbom"),
            ("sponsor", "named"),
            ("people", "full-time-lead"),
            ("budget", "own-line"),
            ("goals", "agreed"),
        ],
    );
    let outcome = tree.outcome(&answers).expect("ended");
    let confidence = tree.confidence(&answers).expect("ended");
    let input = ReportInput {
        advice: AdviceInput {
            tree,
            outcome: &outcome,
            confidence: &confidence,
            crosswalk,
        },
        date: "2026-11-29",
        link: "https://example.org/readiness/#a=r1.0",
    };
    let markdown = markdown_report(&input, &LABELS);
    let title = &tree.result(&outcome.result).expect("a result").title;
    assert!(markdown.starts_with(&format!("# {}: {title}\n", tree.spec().title)));
    for heading in [
        "## Firmness",
        "## Applies",
        "## Plan",
        "### W1",
        "## Frameworks",
    ] {
        assert!(markdown.contains(heading), "{heading} in\n{markdown}");
    }
    // The SBOM is already produced in the build, so the CRA's SBOM step is ticked, and it
    // replaces the result's own inventory step rather than repeating it.
    assert!(
        markdown.contains("- [x] Build the inventory of open source"),
        "{markdown}"
    );
    assert!(markdown.contains("(already done)"));
    assert!(!outcome.plan.iter().any(|i| i.step == "fc-inventory"));
    assert!(markdown.contains("ISO/IEC 5230"));
    assert!(markdown.contains("24 hours"));
    assert!(markdown
        .trim_end()
        .ends_with("Reopen: https://example.org/readiness/#a=r1.0"));
    assert!(
        !markdown.contains('{'),
        "an unfilled placeholder:\n{markdown}"
    );
    // Either firm, or each near miss is named with the result it would give.
    let changes = markdown.matches("Had you answered").count();
    assert_eq!(changes, confidence.changes.len());
    assert_eq!(
        markdown.contains("Firm."),
        confidence.changes.is_empty() && confidence.unknown.is_empty()
    );

    let json: serde_json::Value = serde_json::from_str(&json_report(&input)).expect("JSON");
    assert_eq!(json["advice"]["result"], outcome.result.as_str());
    assert_eq!(json["advice"]["title"], title.as_str());
    assert_eq!(json["link"], "https://example.org/readiness/#a=r1.0");
    assert!(json["advice"]["plan"]
        .as_array()
        .is_some_and(|windows| !windows.is_empty()));
    assert!(json["advice"]["frameworks"][0]["entries"]
        .as_array()
        .is_some_and(|e| !e.is_empty()));
}
