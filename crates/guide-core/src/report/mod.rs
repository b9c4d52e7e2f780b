//! A decision-tree result as a report a reader can keep: Markdown to paste elsewhere and JSON to
//! download. Both are built from the engine's `Outcome` and `Confidence`, so they say exactly
//! what the page says: the result and why, how firm it is, what applies to this organization, the
//! 90-day plan, and the frameworks it maps to. The words that are not content come from the view
//! (`ReportLabels`), so that a translation never edits the core.

mod advice;
mod markdown;

use serde::Serialize;

use crate::tree::{Confidence, Outcome, Window};

pub use advice::{
    Advice, AdviceInput, AlternativeLine, ChangeLine, FrameworkRefs, Note, UnknownLine,
};

/// The calendar date (UTC, `YYYY-MM-DD`) of a time in milliseconds since the epoch.
pub fn iso_date(ms: u64) -> String {
    // Howard Hinnant's civil-from-days algorithm.
    let days = i64::try_from(ms / 86_400_000).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The words of a report that are not content: its headings and fixed phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportLabels {
    /// Heading of the scores table: "Scores".
    pub scores: &'static str,
    /// Column head of the scores table for the dimension: "Dimension".
    pub dimension: &'static str,
    /// Column head of the scores table for the score: "Score".
    pub score: &'static str,
    /// Between a score and its maximum: "of".
    pub of: &'static str,
    /// Label of the total's row: "Total".
    pub total: &'static str,
    /// Heading of the answers: "Your answers".
    pub answers: &'static str,
    /// After an answer the result's rule looks at: "decisive".
    pub decisive: &'static str,
    /// Heading of the confidence section.
    pub firmness: &'static str,
    /// Before a change that would flip the result: "Had you answered".
    pub had_you_answered: &'static str,
    /// Between the answer and the other result: "the result would be".
    pub result_would_be: &'static str,
    /// Between the answer and an addendum that would apply instead: "this would apply instead".
    pub instead_applies: &'static str,
    /// Before the results a "don't know" hides: "You answered “don't know”; other answers give".
    pub unknown_gives: &'static str,
    /// When no single answer one step away changes the result or any of its grouped addenda.
    pub firm: &'static str,
    /// Heading of the addenda that apply: "What applies to your organization".
    pub applies: &'static str,
    /// Heading of the plan: "Your first 90 days".
    pub plan: &'static str,
    /// The headings of the plan's windows, in `Window::ALL` order.
    pub windows: [&'static str; 4],
    /// Before a step's owner: "Owner".
    pub owner: &'static str,
    /// Before how to tell a step is done: "Done when".
    pub done_when: &'static str,
    /// After a step the answers show is in place already: "already in place".
    pub already_done: &'static str,
    /// Heading of the trade-offs: "Trade-offs".
    pub trade_offs: &'static str,
    /// Heading of the risks: "Risks to watch".
    pub risks: &'static str,
    /// Heading of the framework references: "Where this sits in the standards".
    pub frameworks: &'static str,
    /// Before the date: "Made with the OSPO Guide on".
    pub made_on: &'static str,
    /// Before the share link: "Reopen it:".
    pub reopen: &'static str,
}

impl ReportLabels {
    /// The heading of a plan window.
    pub fn window(&self, window: Window) -> &'static str {
        let index = Window::ALL.iter().position(|w| *w == window).unwrap_or(0);
        self.windows.get(index).copied().unwrap_or_default()
    }
}

/// What a report is about: the advice, the date and the share link that reproduces it.
pub struct ReportInput<'a> {
    /// The advice to report.
    pub advice: AdviceInput<'a>,
    /// The date, `YYYY-MM-DD`.
    pub date: &'a str,
    /// The share link that reopens the walk.
    pub link: &'a str,
}

/// The result as Markdown.
pub fn markdown_report(input: &ReportInput<'_>, labels: &ReportLabels) -> String {
    match input.advice.advice() {
        Some(advice) => markdown::render(&advice, input.date, input.link, labels),
        None => String::new(),
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    tree: &'a str,
    date: &'a str,
    link: &'a str,
    advice: Advice<'a>,
    outcome: &'a Outcome,
    confidence: &'a Confidence,
}

/// The result as pretty JSON, with enough context to be read on its own: the advice in words,
/// and the outcome and confidence by id for tools.
pub fn json_report(input: &ReportInput<'_>) -> String {
    let Some(advice) = input.advice.advice() else {
        return String::new();
    };
    let report = JsonReport {
        tree: input.advice.tree.id(),
        date: input.date,
        link: input.link,
        advice,
        outcome: input.advice.outcome,
        confidence: input.advice.confidence,
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::iso_date;

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400_000), "2000-02-29");
        assert_eq!(iso_date(1_795_564_800_000), "2026-11-25");
        assert_eq!(iso_date(1_795_564_799_999), "2026-11-24");
        // The largest time still gives a date (no overflow, no panic).
        assert!(iso_date(u64::MAX).len() >= 10);
    }
}
