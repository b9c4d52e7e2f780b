//! A plan as Markdown: one section per step, each ready to paste as an issue (its heading the
//! title, its body the description); the same body goes into CSV rows and new-issue links.

use super::assemble::{PlanEntry, Section};
use crate::tree::Window;

/// The words of a plan export that are not content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanLabels {
    /// The document's heading, such as "Our open source plan".
    pub title: &'static str,
    /// Headings of the windows, in `Window::ALL` order.
    pub windows: [&'static str; 4],
    /// Heading of the self-check gaps.
    pub gaps: &'static str,
    /// Before a step's owner: "Owner".
    pub owner: &'static str,
    /// Before a step's due date: "Due".
    pub due: &'static str,
    /// Before how to tell a step is done: "Done when".
    pub done_when: &'static str,
    /// Before a step's link into the book: "Read more".
    pub read_more: &'static str,
    /// Before a step's framework references: "Frameworks".
    pub frameworks: &'static str,
    /// Heading of the checklist under a step: "Checklist".
    pub checklist: &'static str,
    /// Said of a step that is done.
    pub done: &'static str,
}

impl PlanLabels {
    /// The heading of a section of the plan.
    pub fn section(&self, section: Section) -> &'static str {
        match section {
            Section::Window(window) => {
                let index = Window::ALL.iter().position(|w| *w == window).unwrap_or(0);
                self.windows.get(index).copied().unwrap_or_default()
            }
            Section::Gaps => self.gaps,
        }
    }
}

/// The labels an issue for this step gets: the plan's own, the window's, and the framework
/// references (ids of the crosswalk, which are valid label names in every tracker: lower case,
/// digits and hyphens).
pub fn issue_labels(entry: &PlanEntry) -> Vec<String> {
    let section = match entry.section {
        Section::Window(Window::Days0To30) => "days-0-30",
        Section::Window(Window::Days31To60) => "days-31-60",
        Section::Window(Window::Days61To90) => "days-61-90",
        Section::Window(Window::Later) => "later",
        Section::Gaps => "self-check-gap",
    };
    ["ospo-plan", section]
        .into_iter()
        .map(str::to_string)
        .chain(entry.crosswalk.iter().cloned())
        .collect()
}

/// The body of the issue for one step. `base` is the guide's absolute address (such as
/// `https://example.org/guide`), so that links into the book work from the tracker.
pub fn issue_body(entry: &PlanEntry, labels: &PlanLabels, base: &str) -> String {
    let mut out = format!("**{}**\n\n", entry.source);
    let mut line = |label: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!("- **{label}:** {value}\n"));
        }
    };
    line(labels.owner, &entry.owner);
    line(labels.due, &entry.due);
    line(labels.done_when, &entry.done_when);
    if let Some(link) = &entry.link {
        line(
            labels.read_more,
            &format!("{}{link}", base.trim_end_matches('/')),
        );
    }
    line(labels.frameworks, &entry.crosswalk.join(", "));
    if !entry.checklist.is_empty() {
        out.push_str(&format!("\n{}:\n\n", labels.checklist));
        for item in &entry.checklist {
            let tick = if item.done { "x" } else { " " };
            out.push_str(&format!("- [{tick}] {}\n", item.text));
        }
    }
    out
}

/// The whole plan as Markdown, by section; each step a `###` heading and its issue body.
pub fn markdown(entries: &[PlanEntry], labels: &PlanLabels, base: &str) -> String {
    let mut out = format!("# {}\n", labels.title);
    let mut current = None;
    for entry in entries {
        if current != Some(entry.section) {
            current = Some(entry.section);
            out.push_str(&format!("\n## {}\n", labels.section(entry.section)));
        }
        let done = if entry.done {
            format!(" ({})", labels.done)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "\n### {}{done}\n\n{}",
            entry.text,
            issue_body(entry, labels, base)
        ));
    }
    out
}
