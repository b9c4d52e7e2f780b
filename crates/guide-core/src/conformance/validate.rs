//! The proof that a self-check can be answered and reported: ids follow the id rule and are
//! unique, every requirement clause of the standard has an item and every item's clause is one
//! of them, items sit in the section of their clause, texts are present, links resolve in the
//! book, framework references are registered and name the item's clause, and "not applicable"
//! is explained exactly where it is allowed. Every problem is reported at once, each naming the
//! node it is about. Only a [`ValidCheck`] can be answered, shared or reported.

use std::collections::BTreeSet;

use thiserror::Error;

use super::schema::{CheckSpec, Item};
use crate::book::{Book, ChapterInfo, LinkProblem};
use crate::crosswalk::Crosswalk;
use crate::id::is_valid_id;

/// The most items a check may have (it bounds the share code's length).
pub const MAX_ITEMS: usize = 200;

/// A problem in a self-check, naming the node (check, section or item id) it is about.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckError {
    /// An id does not follow the id rule.
    #[error("{node:?} is not a valid id (1–80 characters of a-z, 0-9 and -)")]
    InvalidId {
        /// The id as written.
        node: String,
    },
    /// A section or item id is used twice in the check.
    #[error("{node:?}: the id is used twice")]
    DuplicateId {
        /// The repeated id.
        node: String,
    },
    /// A text that must be written is empty or only whitespace.
    #[error("{node:?}: {field} is empty")]
    EmptyText {
        /// The id of the check, section or item the text belongs to.
        node: String,
        /// The field's name as authored, such as `statement` or `gap_step`.
        field: &'static str,
    },
    /// A clause is not a dotted number such as 3.1.1.
    #[error("{node:?}: {clause:?} is not a clause number such as 3.1.1")]
    BadClause {
        /// The id of the check (for `clauses`), section or item that gives it.
        node: String,
        /// The clause as written.
        clause: String,
    },
    /// The check lists a clause twice in `clauses`.
    #[error("{node:?}: clause {clause:?} is listed twice in `clauses`")]
    DuplicateClause {
        /// The check's id.
        node: String,
        /// The repeated clause.
        clause: String,
    },
    /// A clause listed in `clauses` has no item.
    #[error("{node:?}: no item covers clause {clause:?}")]
    UncoveredClause {
        /// The check's id.
        node: String,
        /// The clause no item covers.
        clause: String,
    },
    /// An item's clause is not one of the check's `clauses`.
    #[error("{node:?}: clause {clause:?} is not in the check's `clauses`")]
    UnlistedClause {
        /// The item's id.
        node: String,
        /// The item's clause.
        clause: String,
    },
    /// Two sections have the same clause.
    #[error("{node:?}: another section already has clause {clause:?}")]
    DuplicateSection {
        /// The id of the later section.
        node: String,
        /// The clause both sections have.
        clause: String,
    },
    /// An item's clause does not start with its section's clause.
    #[error("{node:?}: clause {clause:?} is not part of its section {section:?}")]
    OutsideSection {
        /// The item's id.
        node: String,
        /// The item's clause.
        clause: String,
        /// The section's clause.
        section: String,
    },
    /// A section has no items.
    #[error("{node:?}: the section has no items")]
    EmptySection {
        /// The section's id.
        node: String,
    },
    /// The check has more than [`MAX_ITEMS`] items.
    #[error("{node:?}: the check has {count} items; the most is {MAX_ITEMS}")]
    TooManyItems {
        /// The check's id.
        node: String,
        /// How many items the check has.
        count: usize,
    },
    /// An item's `learn_more` does not resolve to a page, chapter or heading of the guide.
    #[error("{node:?}: link {link:?}: {problem}")]
    BadLink {
        /// The item's id.
        node: String,
        /// The link as written.
        link: String,
        /// What is wrong with it.
        problem: LinkProblem,
    },
    /// An item's `crosswalk` id is not in `content/crosswalk.toml`.
    #[error("{node:?}: {id:?} is not in content/crosswalk.toml")]
    UnknownCrosswalk {
        /// The item's id.
        node: String,
        /// The unknown crosswalk id.
        id: String,
    },
    /// An item's crosswalk entry refers to another clause than the item's own.
    #[error("{node:?}: crosswalk entry {id:?} is {reference}, not clause {clause}")]
    CrosswalkMismatch {
        /// The item's id.
        node: String,
        /// The crosswalk id.
        id: String,
        /// The reference the crosswalk entry gives, such as "§3.1.2".
        reference: String,
        /// The item's clause.
        clause: String,
    },
    /// `not_applicable_when` is missing (or empty) where "not applicable" is allowed, or given
    /// where it is not.
    #[error("{node:?}: `not_applicable_when` must be given exactly when `allows_not_applicable` is true")]
    NotApplicableWhen {
        /// The item's id.
        node: String,
    },
}

impl CheckError {
    /// The id of the check, section or item the problem is about.
    pub fn node(&self) -> &str {
        match self {
            CheckError::InvalidId { node }
            | CheckError::DuplicateId { node }
            | CheckError::EmptyText { node, .. }
            | CheckError::BadClause { node, .. }
            | CheckError::DuplicateClause { node, .. }
            | CheckError::UncoveredClause { node, .. }
            | CheckError::UnlistedClause { node, .. }
            | CheckError::DuplicateSection { node, .. }
            | CheckError::OutsideSection { node, .. }
            | CheckError::EmptySection { node }
            | CheckError::TooManyItems { node, .. }
            | CheckError::BadLink { node, .. }
            | CheckError::UnknownCrosswalk { node, .. }
            | CheckError::CrosswalkMismatch { node, .. }
            | CheckError::NotApplicableWhen { node } => node,
        }
    }
}

/// A self-check that passed [`ValidCheck::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCheck {
    spec: CheckSpec,
}

impl ValidCheck {
    /// A check the build validated with [`ValidCheck::new`] and wrote to `checks.json`: the app
    /// takes it as it is, so that the validator stays out of the browser. Not for any other input.
    pub fn validated_by_build(spec: CheckSpec) -> ValidCheck {
        ValidCheck { spec }
    }

    /// Validates `spec`, its links against `book` (the whole book or the index the app carries)
    /// and its framework references against `crosswalk`.
    pub fn new<C: ChapterInfo>(
        spec: CheckSpec,
        book: &Book<C>,
        crosswalk: &Crosswalk,
    ) -> Result<ValidCheck, Vec<CheckError>> {
        let mut errors = Vec::new();
        check_texts(&spec, &mut errors);
        check_ids(&spec, &mut errors);
        check_clauses(&spec, &mut errors);
        for item in spec.items() {
            check_item(item, book, crosswalk, &mut errors);
        }
        if errors.is_empty() {
            Ok(ValidCheck { spec })
        } else {
            Err(errors)
        }
    }

    /// The check as authored and validated.
    pub fn spec(&self) -> &CheckSpec {
        &self.spec
    }

    /// The check's id, such as `iso-5230`.
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// Gives up the validated check for its spec.
    pub fn into_spec(self) -> CheckSpec {
        self.spec
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.spec.items().find(|item| item.id == id)
    }

    /// How many items the check has.
    pub fn item_count(&self) -> usize {
        self.spec.items().count()
    }
}

fn check_texts(spec: &CheckSpec, errors: &mut Vec<CheckError>) {
    let mut need = |node: &str, field: &'static str, text: &str| {
        if text.trim().is_empty() {
            errors.push(CheckError::EmptyText {
                node: node.to_string(),
                field,
            });
        }
    };
    for (field, text) in [
        ("standard", &spec.standard),
        ("title", &spec.title),
        ("intro", &spec.intro),
        ("source", &spec.source),
        ("declare", &spec.declare),
    ] {
        need(&spec.id, field, text);
    }
    for section in &spec.sections {
        need(&section.id, "title", &section.title);
        need(&section.id, "summary", &section.summary);
        for item in &section.items {
            for (field, text) in [
                ("statement", &item.statement),
                ("evidence", &item.evidence),
                ("gap_step", &item.gap_step),
            ] {
                need(&item.id, field, text);
            }
        }
    }
}

fn check_ids(spec: &CheckSpec, errors: &mut Vec<CheckError>) {
    let mut sections = BTreeSet::new();
    let mut items = BTreeSet::new();
    let mut invalid = |node: &str| {
        if !is_valid_id(node) {
            errors.push(CheckError::InvalidId {
                node: node.to_string(),
            });
        }
    };
    invalid(&spec.id);
    for section in &spec.sections {
        invalid(&section.id);
        for item in &section.items {
            invalid(&item.id);
        }
    }
    for section in &spec.sections {
        if !sections.insert(section.id.as_str()) {
            errors.push(CheckError::DuplicateId {
                node: section.id.clone(),
            });
        }
        if section.items.is_empty() {
            errors.push(CheckError::EmptySection {
                node: section.id.clone(),
            });
        }
    }
    for item in spec.items() {
        if !items.insert(item.id.as_str()) {
            errors.push(CheckError::DuplicateId {
                node: item.id.clone(),
            });
        }
    }
    let count = spec.items().count();
    if count > MAX_ITEMS {
        errors.push(CheckError::TooManyItems {
            node: spec.id.clone(),
            count,
        });
    }
}

fn check_clauses(spec: &CheckSpec, errors: &mut Vec<CheckError>) {
    let mut listed = BTreeSet::new();
    for clause in &spec.clauses {
        if !is_clause(clause) {
            errors.push(CheckError::BadClause {
                node: spec.id.clone(),
                clause: clause.clone(),
            });
        } else if !listed.insert(clause.as_str()) {
            errors.push(CheckError::DuplicateClause {
                node: spec.id.clone(),
                clause: clause.clone(),
            });
        }
    }
    let mut section_clauses = BTreeSet::new();
    for section in &spec.sections {
        if !is_clause(&section.clause) {
            errors.push(CheckError::BadClause {
                node: section.id.clone(),
                clause: section.clause.clone(),
            });
        } else if !section_clauses.insert(section.clause.as_str()) {
            errors.push(CheckError::DuplicateSection {
                node: section.id.clone(),
                clause: section.clause.clone(),
            });
        }
        let prefix = format!("{}.", section.clause);
        for item in &section.items {
            if !is_clause(&item.clause) {
                errors.push(CheckError::BadClause {
                    node: item.id.clone(),
                    clause: item.clause.clone(),
                });
                continue;
            }
            if !listed.contains(item.clause.as_str()) {
                errors.push(CheckError::UnlistedClause {
                    node: item.id.clone(),
                    clause: item.clause.clone(),
                });
            }
            if !item.clause.starts_with(&prefix) {
                errors.push(CheckError::OutsideSection {
                    node: item.id.clone(),
                    clause: item.clause.clone(),
                    section: section.clause.clone(),
                });
            }
        }
    }
    let covered: BTreeSet<&str> = spec.items().map(|item| item.clause.as_str()).collect();
    for clause in listed.difference(&covered) {
        errors.push(CheckError::UncoveredClause {
            node: spec.id.clone(),
            clause: (*clause).to_string(),
        });
    }
}

fn check_item<C: ChapterInfo>(
    item: &Item,
    book: &Book<C>,
    crosswalk: &Crosswalk,
    errors: &mut Vec<CheckError>,
) {
    if let Some(problem) = book.check_link(&item.learn_more) {
        errors.push(CheckError::BadLink {
            node: item.id.clone(),
            link: item.learn_more.clone(),
            problem,
        });
    }
    match crosswalk.entry(&item.crosswalk) {
        None => errors.push(CheckError::UnknownCrosswalk {
            node: item.id.clone(),
            id: item.crosswalk.clone(),
        }),
        Some(entry) if entry.reference.trim_start_matches('§') != item.clause => {
            errors.push(CheckError::CrosswalkMismatch {
                node: item.id.clone(),
                id: item.crosswalk.clone(),
                reference: entry.reference.clone(),
                clause: item.clause.clone(),
            })
        }
        Some(_) => {}
    }
    let explained = item
        .not_applicable_when
        .as_deref()
        .is_some_and(|text| !text.trim().is_empty());
    if explained != item.allows_not_applicable {
        errors.push(CheckError::NotApplicableWhen {
            node: item.id.clone(),
        });
    }
}

/// Whether `value` is a clause number: digit groups joined by dots ("3", "3.1", "4.1.5").
fn is_clause(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 20
        && value
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::is_clause;

    #[test]
    fn clauses_are_dotted_numbers() {
        for good in ["3", "3.1", "4.1.5", "10.2.3"] {
            assert!(is_clause(good), "{good}");
        }
        for bad in ["", ".", "3.", ".3", "3..1", "3.a", "§3.1", " 3.1"] {
            assert!(!is_clause(bad), "{bad}");
        }
    }
}
