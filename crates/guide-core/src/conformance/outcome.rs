//! What a set of answers means for a self-check: which sections are met, which are not and
//! which cannot be judged yet, the gaps with what to do about each, and whether the answers
//! describe a conforming program. The rules, in one place:
//!
//! - An item is **met** by "yes", or by "not applicable" where the item allows it.
//! - "Not applicable" on an item that does not allow it counts as **unanswered**, never as met.
//! - "Partly" and "no" are **gaps**; so is "don't know" (the next step is to find out), though
//!   it leaves its section incomplete rather than not met.
//! - A section is **not met** if any of its items is "partly" or "no"; otherwise **incomplete**
//!   if any is unanswered or "don't know"; otherwise **met**.
//! - The answers **conform** only when every item is met.
//!
//! Answers under ids the check does not have (say, from an earlier version) are ignored.

use std::collections::BTreeMap;

use serde::Serialize;

use super::schema::Item;
use super::{ValidCheck, Verdict};

/// How a section stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionStatus {
    /// Every item is met.
    Met,
    /// Some item is answered "partly" or "no".
    NotMet,
    /// No item is "partly" or "no", but some are unanswered or "don't know".
    Incomplete,
}

/// One section's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionOutcome {
    /// The section's id.
    pub id: String,
    /// The section's clause, such as "3.1".
    pub clause: String,
    /// The section's title.
    pub title: String,
    /// Whether the section is met, not met or incomplete.
    pub status: SectionStatus,
    /// Items with an answer that counts (see the module's rules).
    pub answered: usize,
    /// How many items the section has.
    pub total: usize,
}

/// An item that is not met: "partly", "no" or "don't know", with what to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// The id of the item's section.
    pub section: String,
    /// The item's id.
    pub item: String,
    /// The item's requirement clause, such as "3.1.1".
    pub clause: String,
    /// What the item requires, as the check words it.
    pub statement: String,
    /// The reader's answer: partly, no or don't know.
    pub verdict: Verdict,
    /// What to do next, with who usually owns it.
    pub gap_step: String,
    /// The root-relative link to the chapter section that explains how to do it.
    pub learn_more: String,
    /// The clause's entry in `content/crosswalk.toml`.
    pub crosswalk: String,
}

/// The result of a self-check for a set of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckOutcome {
    /// The check's id.
    pub check: String,
    /// Every section's result, in the check's order.
    pub sections: Vec<SectionOutcome>,
    /// The gaps in the check's order.
    pub gaps: Vec<Gap>,
    /// How many items of the whole check have an answer that counts.
    pub answered: usize,
    /// How many items the check has.
    pub total: usize,
    /// Every item is met: the answers describe a program that meets the standard.
    pub conforms: bool,
}

/// Where one item stands under an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    Met,
    /// Partly or no.
    Short(Verdict),
    DontKnow,
    Unanswered,
}

fn standing(item: &Item, answer: Option<Verdict>) -> Standing {
    match answer {
        Some(Verdict::Yes) => Standing::Met,
        Some(Verdict::NotApplicable) if item.allows_not_applicable => Standing::Met,
        Some(Verdict::NotApplicable) | None => Standing::Unanswered,
        Some(verdict @ (Verdict::Partly | Verdict::No)) => Standing::Short(verdict),
        Some(Verdict::DontKnow) => Standing::DontKnow,
    }
}

impl ValidCheck {
    /// What `answers` (verdicts by item id) mean for this check.
    pub fn outcome(&self, answers: &BTreeMap<String, Verdict>) -> CheckOutcome {
        let mut sections = Vec::new();
        let mut gaps = Vec::new();
        for section in &self.spec().sections {
            let mut answered = 0;
            let (mut short, mut open) = (false, false);
            for item in &section.items {
                let gap = |verdict| Gap {
                    section: section.id.clone(),
                    item: item.id.clone(),
                    clause: item.clause.clone(),
                    statement: item.statement.clone(),
                    verdict,
                    gap_step: item.gap_step.clone(),
                    learn_more: item.learn_more.clone(),
                    crosswalk: item.crosswalk.clone(),
                };
                match standing(item, answers.get(&item.id).copied()) {
                    Standing::Met => answered += 1,
                    Standing::Short(verdict) => {
                        answered += 1;
                        short = true;
                        gaps.push(gap(verdict));
                    }
                    Standing::DontKnow => {
                        answered += 1;
                        open = true;
                        gaps.push(gap(Verdict::DontKnow));
                    }
                    Standing::Unanswered => open = true,
                }
            }
            let status = if short {
                SectionStatus::NotMet
            } else if open {
                SectionStatus::Incomplete
            } else {
                SectionStatus::Met
            };
            sections.push(SectionOutcome {
                id: section.id.clone(),
                clause: section.clause.clone(),
                title: section.title.clone(),
                status,
                answered,
                total: section.items.len(),
            });
        }
        let answered = sections.iter().map(|s| s.answered).sum();
        let total = sections.iter().map(|s| s.total).sum();
        let conforms = sections.iter().all(|s| s.status == SectionStatus::Met);
        CheckOutcome {
            check: self.id().to_string(),
            sections,
            gaps,
            answered,
            total,
            conforms,
        }
    }
}

impl ValidCheck {
    /// The gaps of `answers` as candidate plan steps (keyed `<check>.<item>`): the next step to
    /// take, what shows it done (the evidence the item asks for), where the book explains it, and
    /// the clause in the crosswalk. The plan shows those the reader added.
    pub fn plan_gaps(&self, answers: &BTreeMap<String, Verdict>) -> Vec<crate::plan::Gap> {
        let spec = self.spec();
        self.outcome(answers)
            .gaps
            .into_iter()
            .map(|gap| crate::plan::Gap {
                key: format!("{}.{}", spec.id, gap.item),
                label: format!("{} §{}", spec.standard, gap.clause),
                done_when: self
                    .item(&gap.item)
                    .map(|i| i.evidence.clone())
                    .unwrap_or_default(),
                text: gap.gap_step,
                link: Some(gap.learn_more),
                crosswalk: vec![gap.crosswalk],
            })
            .collect()
    }
}
