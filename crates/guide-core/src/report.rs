//! A decision-tree result as a report a reader can keep: Markdown to paste elsewhere and JSON to
//! download. Both are built from the engine's `Outcome`, so they say exactly what the page says.

use serde::Serialize;

use crate::tree::{Outcome, ValidTree};

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

/// The words of a Markdown report that are not content: its headings and fixed phrases. The
/// view passes them in (from its strings), so that a translation never edits the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportLabels {
    pub scores: &'static str,
    pub dimension: &'static str,
    pub score: &'static str,
    pub of: &'static str,
    pub total: &'static str,
    pub answers: &'static str,
    pub decisive: &'static str,
    pub next_steps: &'static str,
    pub trade_offs: &'static str,
    pub risks: &'static str,
    pub what_would_change: &'static str,
    /// Before the date: "Made with the OSPO Guide on".
    pub made_on: &'static str,
    /// Before the share link: "Reopen it:".
    pub reopen: &'static str,
}

/// The result as Markdown: recommendation, scores, reasons, next steps, trade-offs and risks.
/// `link` is the share link that reproduces it.
pub fn markdown_report(
    tree: &ValidTree,
    outcome: &Outcome,
    date: &str,
    link: &str,
    labels: &ReportLabels,
) -> String {
    let spec = tree.spec();
    let Some(result) = tree.result(&outcome.result) else {
        return String::new();
    };
    let mut out = format!("# {}: {}\n\n", spec.title, result.title);
    out.push_str(&format!("{}\n\n", result.summary));
    out.push_str(&format!("{}\n\n", result.rationale));
    if !outcome.scores.is_empty() {
        out.push_str(&format!(
            "## {}\n\n| {} | {} |\n| --- | --- |\n",
            labels.scores, labels.dimension, labels.score
        ));
        for score in &outcome.scores {
            out.push_str(&format!(
                "| {} | {} {} {} |\n",
                score.label, score.score, labels.of, score.max
            ));
        }
        out.push_str(&format!(
            "| **{}** | **{} {} {}** |\n\n",
            labels.total, outcome.total, labels.of, outcome.max_total
        ));
    }
    out.push_str(&format!("## {}\n\n", labels.answers));
    for reason in &outcome.rationale {
        let mark = if reason.decisive {
            format!(" ({})", labels.decisive)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "- {} — {}{mark}\n",
            reason.question_text, reason.option_label
        ));
    }
    let lists = [
        (
            labels.next_steps,
            result
                .next_steps
                .iter()
                .map(|s| s.text.clone())
                .collect::<Vec<_>>(),
        ),
        (labels.trade_offs, result.trade_offs.clone()),
        (labels.risks, result.risks.clone()),
        (labels.what_would_change, result.what_would_change.clone()),
    ];
    for (title, items) in lists {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for item in items {
            out.push_str(&format!("- {item}\n"));
        }
    }
    out.push_str(&format!(
        "\n---\n{} {date}. {} {link}\n",
        labels.made_on, labels.reopen
    ));
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    tree: &'a str,
    title: &'a str,
    date: &'a str,
    link: &'a str,
    result: &'a str,
    result_title: &'a str,
    outcome: &'a Outcome,
}

/// The result as pretty JSON, with enough context to be read on its own.
pub fn json_report(tree: &ValidTree, outcome: &Outcome, date: &str, link: &str) -> String {
    let result_title = tree
        .result(&outcome.result)
        .map_or("", |r| r.title.as_str());
    let report = JsonReport {
        tree: tree.id(),
        title: &tree.spec().title,
        date,
        link,
        result: &outcome.result,
        result_title,
        outcome,
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
