//! A plan as CSV for the issue importers of GitLab and Jira, one row per step not yet done.
//!
//! - **GitLab** (Issues → Import CSV): a header row whose first columns are `title` and
//!   `description`, then `due_date` (`YYYY-MM-DD`); GitLab ignores other columns, so labels go
//!   into the description as a `/label` quick action, which GitLab runs on import.
//! - **Jira** (External system import → CSV): `Summary`, `Description`, `Due Date` (`yyyy-MM-dd`,
//!   the date format to give the wizard) and one `Labels` column per label, as Jira's importer
//!   takes several values of a multi-value field from repeated columns.
//!
//! Both: comma-separated, every field in double quotes with inner quotes doubled, CRLF between
//! rows (RFC 4180), UTF-8. A field never starts with `=`, `+`, `-` or `@` as typed by the reader,
//! so that a spreadsheet opening the file does not run it as a formula.

use super::assemble::PlanEntry;
use super::markdown::{issue_body, issue_labels, PlanLabels};

/// The tracker a CSV is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tracker {
    /// GitLab's CSV import of issues.
    GitLab,
    /// Jira's CSV import (External system import).
    Jira,
}

/// The steps not yet done, as CSV for `tracker`.
pub fn csv(entries: &[PlanEntry], tracker: Tracker, labels: &PlanLabels, base: &str) -> String {
    let open: Vec<&PlanEntry> = entries.iter().filter(|e| !e.done).collect();
    let most_labels = open
        .iter()
        .map(|e| issue_labels(e).len())
        .max()
        .unwrap_or(0);
    let mut rows: Vec<Vec<String>> = Vec::new();
    match tracker {
        Tracker::GitLab => {
            rows.push(
                ["title", "description", "due_date"]
                    .map(str::to_string)
                    .to_vec(),
            );
            for entry in &open {
                let quick: Vec<String> = issue_labels(entry)
                    .iter()
                    .map(|l| format!("~\"{l}\""))
                    .collect();
                let description = format!(
                    "{}\n/label {}",
                    issue_body(entry, labels, base),
                    quick.join(" ")
                );
                rows.push(vec![entry.text.clone(), description, entry.due.clone()]);
            }
        }
        Tracker::Jira => {
            let mut header: Vec<String> = ["Summary", "Description", "Due Date"]
                .map(str::to_string)
                .to_vec();
            header.extend(std::iter::repeat_n("Labels".to_string(), most_labels));
            rows.push(header);
            for entry in &open {
                let mut row = vec![
                    entry.text.clone(),
                    issue_body(entry, labels, base),
                    entry.due.clone(),
                ];
                let mut tags = issue_labels(entry);
                tags.resize(most_labels, String::new());
                row.extend(tags);
                rows.push(row);
            }
        }
    }
    rows.iter()
        .map(|row| row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

/// One quoted field. A field that would start with a formula character gets a leading
/// apostrophe, as spreadsheets expect (no field the guide writes starts so: an issue body starts
/// with its source in bold).
fn field(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}
