//! What an author writes in `content/conformance/*.toml`: a self-check against one standard,
//! its sections (the standard's second-level clauses, such as 3.1) and their items (one statement
//! of the standard's requirements each, under a requirement clause such as 3.1.1). The same shape
//! is compiled into the app as JSON; only [`ValidCheck`](super::ValidCheck) may be answered.

use serde::{Deserialize, Serialize};

/// A self-check against one standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSpec {
    /// The check's id, which is also its file name: `iso-5230`.
    pub id: String,
    /// The standard with its year: "ISO/IEC 5230:2020".
    pub standard: String,
    /// The check's title, shown as the heading of its page.
    pub title: String,
    /// The introduction shown before the items: what the standard covers, that the check is a
    /// self-assessment, and which items accept "not applicable".
    pub intro: String,
    /// The public checklist the items restate, with its version and date.
    pub source: String,
    /// How an organization declares conformance once every item is met.
    pub declare: String,
    /// The standard's requirement clauses as published ("3.1.1", …): each must have an item.
    pub clauses: Vec<String>,
    /// The standard's sections, in the order the check shows them.
    pub sections: Vec<Section>,
}

/// One section of the standard (a second-level clause such as "3.1").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The section's id, unique within the check.
    pub id: String,
    /// The section's clause; every item's clause starts with it.
    pub clause: String,
    /// The section's title, in plain words.
    pub title: String,
    /// What the section asks for, in a sentence or two.
    pub summary: String,
    /// The statements to answer, in the order the check shows them.
    pub items: Vec<Item>,
}

/// One statement a reader answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique within the check; answers are kept under it.
    pub id: String,
    /// The requirement clause it comes from, one of the check's `clauses`.
    pub clause: String,
    /// What must be true, in the first person plural ("We have …").
    pub statement: String,
    /// What shows it is true.
    pub evidence: String,
    /// The chapter section that explains how to do it (`/book/<slug>/#<id>`).
    pub learn_more: String,
    /// Whether "not applicable" is an answer: only where the standard's text lets the
    /// requirement not apply.
    #[serde(default)]
    pub allows_not_applicable: bool,
    /// When "not applicable" is a true answer; given exactly when it is allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable_when: Option<String>,
    /// What to do next when the answer is not yes, with who usually owns it.
    pub gap_step: String,
    /// The clause's entry in `content/crosswalk.toml`.
    pub crosswalk: String,
}

impl CheckSpec {
    /// Every item, in the order the check shows them.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }
}
