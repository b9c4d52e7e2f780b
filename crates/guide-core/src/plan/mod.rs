//! The reader's plan: the 90-day steps of their latest results (or a workshop group's), the
//! self-check gaps they chose to add, and the chapter checklists those steps link to, with what
//! the reader did on each (ticked, owner, due date, from the store). And the ways the plan leaves
//! the browser without a token or a server: Markdown, CSV for GitLab's and Jira's importers, and
//! a "new issue" link per step for a GitHub or GitLab project.

mod assemble;
mod csv;
mod forge;
mod markdown;

pub use assemble::{assemble, ChecklistItem, Gap, PlanEntry, Section, Source};
pub use csv::{csv, Tracker};
pub use forge::{Forge, ForgeError, ForgeKind};
pub use markdown::{issue_body, issue_labels, markdown, PlanLabels};
