//! A self-check's result as a report a reader can keep: Markdown to paste into an issue or a
//! wiki page, and JSON to download. Both say plainly that the result is a self-assessment, not a
//! certification, list every section's status and every gap with its clause and next step, and
//! end with how to declare conformance (the check's `declare` text). The words that are not
//! content come from the view ([`CheckReportLabels`]), as for the trees' reports.

use serde::Serialize;

use super::outcome::{CheckOutcome, SectionStatus};
use super::{ValidCheck, Verdict};

/// The words of a report that are not content: its headings and fixed phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckReportLabels {
    /// The sentence that says what the report is: a self-assessment, not a certification.
    pub self_assessment: &'static str,
    /// Before the counts: "Answered".
    pub answered: &'static str,
    /// Between two counts: "of".
    pub of: &'static str,
    /// When every item is met.
    pub conforms: &'static str,
    /// When some item is not met or not answered.
    pub does_not_conform: &'static str,
    /// Heading of the sections table, and its column heads.
    pub sections: &'static str,
    /// Column head of the sections table for the clause: "Clause".
    pub clause: &'static str,
    /// Column head of the sections table for the section's title: "Section".
    pub section: &'static str,
    /// Column head of the sections table for the status: "Status".
    pub status: &'static str,
    /// The section statuses: met, not met, incomplete.
    pub statuses: [&'static str; 3],
    /// Heading of the gaps.
    pub gaps: &'static str,
    /// When there are none.
    pub no_gaps: &'static str,
    /// Before the reader's answer to a gap: "Your answer".
    pub your_answer: &'static str,
    /// The verdicts, in [`Verdict::ALL`] order.
    pub verdicts: [&'static str; 5],
    /// Before a gap's next step: "Next step".
    pub next_step: &'static str,
    /// Before a gap's link into the book: "Read more".
    pub learn_more: &'static str,
    /// Heading of the check's `declare` text: "How to declare conformance".
    pub declare: &'static str,
    /// Before the date: "Made with the OSPO Guide on".
    pub made_on: &'static str,
    /// Before the share link: "Reopen it:".
    pub reopen: &'static str,
}

impl CheckReportLabels {
    /// The word for a section's status.
    pub fn status(&self, status: SectionStatus) -> &'static str {
        let [met, not_met, incomplete] = self.statuses;
        match status {
            SectionStatus::Met => met,
            SectionStatus::NotMet => not_met,
            SectionStatus::Incomplete => incomplete,
        }
    }

    /// The word for a verdict.
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        let index = Verdict::ALL.iter().position(|v| *v == verdict).unwrap_or(0);
        self.verdicts.get(index).copied().unwrap_or_default()
    }
}

/// What a report is about.
#[derive(Debug, Clone, Copy)]
pub struct CheckReportInput<'a> {
    /// The check the answers are to.
    pub check: &'a ValidCheck,
    /// The outcome of `check` for the reader's answers.
    pub outcome: &'a CheckOutcome,
    /// The date, `YYYY-MM-DD`.
    pub date: &'a str,
    /// The share link that reopens these answers.
    pub link: &'a str,
    /// Put before the check's root-relative links ("https://…"); empty keeps them as they are.
    pub site: &'a str,
}

/// The result as Markdown.
pub fn check_markdown_report(input: &CheckReportInput<'_>, labels: &CheckReportLabels) -> String {
    let spec = input.check.spec();
    let outcome = input.outcome;
    let verdict_line = if outcome.conforms {
        labels.conforms
    } else {
        labels.does_not_conform
    };
    let mut out = format!(
        "# {}\n\n**{}** — {}\n\n{} {} {} {}. {verdict_line}\n\n",
        spec.title,
        spec.standard,
        labels.self_assessment,
        labels.answered,
        outcome.answered,
        labels.of,
        outcome.total
    );
    out.push_str(&format!(
        "## {}\n\n| {} | {} | {} |\n| --- | --- | --- |\n",
        labels.sections, labels.clause, labels.section, labels.status
    ));
    for section in &outcome.sections {
        out.push_str(&format!(
            "| {} | {} | {} ({} {} {}) |\n",
            cell(&section.clause),
            cell(&section.title),
            labels.status(section.status),
            section.answered,
            labels.of,
            section.total
        ));
    }
    out.push_str(&format!("\n## {}\n\n", labels.gaps));
    if outcome.gaps.is_empty() {
        out.push_str(&format!("{}\n", labels.no_gaps));
    }
    for section in &outcome.sections {
        let gaps: Vec<_> = outcome
            .gaps
            .iter()
            .filter(|gap| gap.section == section.id)
            .collect();
        if gaps.is_empty() {
            continue;
        }
        out.push_str(&format!("### {} {}\n\n", section.clause, section.title));
        for gap in gaps {
            out.push_str(&format!(
                "- **{}** {} {}: {}.\n  {}: {} ({}: {}{})\n",
                gap.clause,
                gap.statement,
                labels.your_answer,
                labels.verdict(gap.verdict),
                labels.next_step,
                gap.gap_step,
                labels.learn_more,
                input.site,
                gap.learn_more
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("\n## {}\n\n{}\n", labels.declare, spec.declare));
    out.push_str(&format!(
        "\n---\n{} {}. {} {}\n",
        labels.made_on, input.date, labels.reopen, input.link
    ));
    out
}

/// A table cell's text: a pipe or a line break would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

#[derive(Serialize)]
struct JsonCheckReport<'a> {
    /// Always "self-assessment": what this report is, for tools.
    kind: &'static str,
    notice: &'a str,
    check: &'a str,
    standard: &'a str,
    title: &'a str,
    source: &'a str,
    date: &'a str,
    link: &'a str,
    outcome: &'a CheckOutcome,
    declare: &'a str,
}

/// The result as pretty JSON: the outcome by id for tools, with the notice and the check's
/// standard, source and `declare` text so that it can be read on its own.
pub fn check_json_report(input: &CheckReportInput<'_>, labels: &CheckReportLabels) -> String {
    let spec = input.check.spec();
    let report = JsonCheckReport {
        kind: "self-assessment",
        notice: labels.self_assessment,
        check: &spec.id,
        standard: &spec.standard,
        title: &spec.title,
        source: &spec.source,
        date: input.date,
        link: input.link,
        outcome: input.outcome,
        declare: &spec.declare,
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}
