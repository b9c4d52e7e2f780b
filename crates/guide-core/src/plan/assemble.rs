//! Putting the plan together from its sources and the reader's work on it.

use std::collections::{BTreeMap, BTreeSet};

use crate::progress::StepState;
use crate::tree::{PlanItem, Window};

/// Where a group of steps comes from: a result's plan (the key prefix is the tree's id, so a
/// ticked step stays ticked when the same result comes again).
pub struct Source<'a> {
    /// The tree's id.
    pub tree: &'a str,
    /// What the reader sees as the origin, such as "OSPO readiness: A formal office".
    pub label: String,
    /// The steps of the result's plan, as the outcome gives them.
    pub items: &'a [PlanItem],
}

/// A self-check requirement that is not met, as a candidate step. It is in the plan only once
/// the reader has added it (see [`StepState::added`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// `<check>.<item>`.
    pub key: String,
    /// Such as "ISO/IEC 5230 §3.1.1".
    pub label: String,
    /// What to do next: the item's gap step.
    pub text: String,
    /// What shows it is done (the evidence the item asks for).
    pub done_when: String,
    /// The root-relative link to the chapter section that explains how to do it.
    pub link: Option<String>,
    /// The clause's entry in `content/crosswalk.toml`.
    pub crosswalk: Vec<String>,
}

/// Where a step sits on the plan page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// Steps of a result's plan that belong to this part of the first 90 days.
    Window(Window),
    /// Self-check gaps the reader added.
    Gaps,
}

/// One checklist item of a chapter section a step links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistItem {
    /// `<chapter>.<section>.<n>`.
    pub key: String,
    /// The item's text.
    pub text: String,
    /// Whether the reader ticked it.
    pub done: bool,
}

/// One step of the reader's plan, with their work on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    /// The store key of the reader's work on it.
    pub key: String,
    /// The part of the plan page it belongs to.
    pub section: Section,
    /// Where it comes from, as the reader sees it: the source's label, or the gap's.
    pub source: String,
    /// What to do.
    pub text: String,
    /// The owner the reader named, else the role the advice suggests.
    pub owner: String,
    /// The role the advice suggests as owner; empty for a self-check gap.
    pub suggested_owner: String,
    /// How to tell that the step is done.
    pub done_when: String,
    /// A root-relative link to the part of the book (or the app page) that helps with the step.
    pub link: Option<String>,
    /// The ids of the framework clauses and activities the step bears on.
    pub crosswalk: Vec<String>,
    /// Ticked by the reader, or (if they never touched it) in place according to their answers.
    pub done: bool,
    /// Done because the answers say so, not because the reader ticked it.
    pub done_from_answers: bool,
    /// `YYYY-MM-DD`, or empty.
    pub due: String,
    /// The checklist of the book location the step links to, if this is the first step that links
    /// there.
    pub checklist: Vec<ChecklistItem>,
}

/// The plan: the steps of `sources` in window order (a step that two sources share, by key,
/// once), then the gaps the reader added. `checklist` gives the checklist items of the book
/// location a step links to, as `(key, text)`; each location's checklist is shown under the first
/// step that links to it.
pub fn assemble(
    sources: &[Source<'_>],
    gaps: &[Gap],
    work: &BTreeMap<String, StepState>,
    checklist: &dyn Fn(&str) -> Vec<(String, String)>,
) -> Vec<PlanEntry> {
    let mut seen = BTreeSet::new();
    let mut linked = BTreeSet::new();
    let mut entries: Vec<PlanEntry> = Vec::new();
    for source in sources {
        for item in source.items {
            let key = format!("{}.{}", source.tree, item.step);
            if !seen.insert(key.clone()) {
                continue;
            }
            entries.push(entry(
                key,
                Section::Window(item.window),
                &source.label,
                (&item.text, &item.owner, &item.done_when),
                item.link.clone(),
                item.crosswalk.clone(),
                item.done,
                work,
            ));
        }
    }
    for gap in gaps {
        if work.get(&gap.key).is_some_and(|w| w.added) && seen.insert(gap.key.clone()) {
            entries.push(entry(
                gap.key.clone(),
                Section::Gaps,
                &gap.label,
                (&gap.text, "", &gap.done_when),
                gap.link.clone(),
                gap.crosswalk.clone(),
                false,
                work,
            ));
        }
    }
    entries.sort_by_key(|e| e.section);
    for entry in &mut entries {
        if let Some(link) = entry.link.clone().filter(|l| linked.insert(l.clone())) {
            entry.checklist = checklist(&link)
                .into_iter()
                .map(|(key, text)| ChecklistItem {
                    done: work.get(&key).is_some_and(|w| w.done),
                    key,
                    text,
                })
                .collect();
        }
    }
    entries
}

#[allow(clippy::too_many_arguments)]
fn entry(
    key: String,
    section: Section,
    source: &str,
    (text, owner, done_when): (&str, &str, &str),
    link: Option<String>,
    crosswalk: Vec<String>,
    done_by_answers: bool,
    work: &BTreeMap<String, StepState>,
) -> PlanEntry {
    let reader = work.get(&key).filter(|w| w.at > 0);
    let done = reader.map_or(done_by_answers, |w| w.done);
    PlanEntry {
        section,
        source: source.to_string(),
        text: text.to_string(),
        owner: reader
            .map(|w| w.owner.clone())
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| owner.to_string()),
        suggested_owner: owner.to_string(),
        done_when: done_when.to_string(),
        link,
        crosswalk,
        done,
        done_from_answers: reader.is_none() && done_by_answers,
        due: reader.map(|w| w.due.clone()).unwrap_or_default(),
        checklist: Vec::new(),
        key,
    }
}
