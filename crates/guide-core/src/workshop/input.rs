//! Reading the files colleagues send a workshop lead: the reader's data export, a result's JSON
//! download, share links (one per line), or a saved workshop. Files come from outside, so each is
//! checked as an import is: size, text, shape and every id; a file that fails says why and
//! changes nothing.

use std::collections::BTreeMap;

use thiserror::Error;

use super::{check_person, Person, SavedWorkshop, Workshop, WORKSHOP_KIND};
use crate::share;
use crate::tree::{Answer, ValidTree};

/// The largest file read (1 MiB, as an import).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// What a file held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// One person's answers (or several, from a file of share links).
    People(Vec<Person>),
    /// A saved workshop, to reopen.
    Workshop(Workshop),
}

/// Why a file could not be read. The message names what is wrong; the view names the file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("it is larger than 1 MB ({size} bytes)")]
    TooLarge {
        /// The file's size, in bytes.
        size: usize,
    },
    /// The file is not UTF-8 text.
    #[error("it is not a text file")]
    NotText,
    /// The file is none of the kinds the guide writes.
    #[error("it is not a file the guide wrote (a data export, a result's JSON, share links or a saved workshop)")]
    Unrecognized,
    /// The file is of a known kind but its content is not valid.
    #[error("it is damaged or was changed by hand: {reason}")]
    Invalid {
        /// What is wrong, in words.
        reason: String,
    },
    /// The file holds no answers to a tree of this guide.
    #[error("it holds no answers to this guide's trees")]
    NoAnswers,
}

/// Reads one file. `name` is the file's name (the person's name is taken from it); `trees` are
/// the trees of this guide (answers to other trees are left out).
pub fn read_file(name: &str, bytes: &[u8], trees: &[ValidTree]) -> Result<Loaded, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { size: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FileError::NotText)?;
    let text = text.trim_start_matches('\u{feff}').trim();
    let person_name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    if !text.starts_with('{') {
        return share_links(person_name, name, text, trees).map(Loaded::People);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| FileError::Unrecognized)?;
    let invalid = |e: &dyn std::fmt::Display| FileError::Invalid {
        reason: e.to_string(),
    };
    if value.get("kind").and_then(|k| k.as_str()) == Some(WORKSHOP_KIND) {
        let saved: SavedWorkshop = serde_json::from_str(text).map_err(|e| invalid(&e))?;
        if saved.version != 1 {
            return Err(FileError::Invalid {
                reason: format!("workshop format {} is not known", saved.version),
            });
        }
        for person in &saved.workshop.people {
            check_person(person).map_err(|e| invalid(&e))?;
        }
        let mut workshop = Workshop {
            people: Vec::new(),
            group: BTreeMap::new(),
        };
        workshop.add(saved.workshop.people);
        for (tree, choices) in saved.workshop.group {
            for (question, option) in choices {
                if crate::id::is_valid_id(&tree)
                    && crate::id::is_valid_id(&question)
                    && crate::id::is_valid_id(&option)
                {
                    workshop.choose(&tree, &question, Some(&option));
                }
            }
        }
        return Ok(Loaded::Workshop(workshop));
    }
    let (answers, checks) = if value.get("schema").is_some() && value.get("payload").is_some() {
        let progress = crate::progress::decode(text)
            .map_err(|e| invalid(&e))?
            .progress;
        (from_export(&progress, trees), checks_of(&progress))
    } else if value.get("advice").is_some() && value.get("outcome").is_some() {
        (from_result(&value, trees)?, BTreeMap::new())
    } else {
        return Err(FileError::Unrecognized);
    };
    let person = Person {
        name: person_name.to_string(),
        source: name.to_string(),
        answers,
        checks,
    };
    check_person(&person).map_err(|e| invalid(&e))?;
    if person.answers.values().all(Vec::is_empty) && person.checks.is_empty() {
        return Err(FileError::NoAnswers);
    }
    Ok(Loaded::People(vec![person]))
}

/// A reader's data export: per tree, the answers in progress, or if none, those of the latest
/// result in the history.
fn from_export(
    progress: &crate::progress::Progress,
    trees: &[ValidTree],
) -> BTreeMap<String, Vec<Answer>> {
    let as_tree = |stored: &[crate::progress::Answer]| -> Vec<Answer> {
        stored
            .iter()
            .map(|a| Answer {
                question: a.question.clone(),
                option: a.option.clone(),
                question_hash: a.question_hash,
            })
            .collect()
    };
    trees
        .iter()
        .filter_map(|tree| {
            let in_progress = progress.answers(tree.id());
            let answers = if in_progress.is_empty() {
                progress
                    .results()
                    .iter()
                    .rev()
                    .find(|r| r.tree == tree.id())
                    .map(|r| as_tree(&r.answers))?
            } else {
                as_tree(in_progress)
            };
            (!answers.is_empty()).then(|| (tree.id().to_string(), answers))
        })
        .collect()
}

/// A reader's data export: their self-check answers, per check, by item.
fn checks_of(
    progress: &crate::progress::Progress,
) -> BTreeMap<String, BTreeMap<String, crate::conformance::Verdict>> {
    progress
        .checks()
        .iter()
        .map(|(check, answers)| {
            let items = answers
                .answers
                .iter()
                .map(|(item, answer)| (item.clone(), answer.verdict))
                .collect::<BTreeMap<_, _>>();
            (check.clone(), items)
        })
        .filter(|(_, items)| !items.is_empty())
        .collect()
}

/// A result's JSON download: its tree and the answers of its rationale (which lists every answer
/// of the walk, in order). The file carries no hashes of the questions' texts.
fn from_result(
    value: &serde_json::Value,
    trees: &[ValidTree],
) -> Result<BTreeMap<String, Vec<Answer>>, FileError> {
    let tree = value
        .get("tree")
        .and_then(|t| t.as_str())
        .ok_or(FileError::Unrecognized)?;
    if !trees.iter().any(|t| t.id() == tree) {
        return Err(FileError::NoAnswers);
    }
    let reasons = value
        .pointer("/outcome/rationale")
        .and_then(|r| r.as_array())
        .ok_or_else(|| FileError::Invalid {
            reason: "the result has no answers".into(),
        })?;
    let answers = reasons
        .iter()
        .map(|reason| {
            let field = |name: &str| {
                reason
                    .get(name)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            match (field("question"), field("option")) {
                (Some(question), Some(option)) => Ok(Answer {
                    question,
                    option,
                    question_hash: 0,
                }),
                _ => Err(FileError::Invalid {
                    reason: "an answer without a question or an option".into(),
                }),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(BTreeMap::from([(tree.to_string(), answers)]))
}

/// Share links, one per line: `…/<tree>/#a=<code>`.
fn share_links(
    person_name: &str,
    file: &str,
    text: &str,
    trees: &[ValidTree],
) -> Result<Vec<Person>, FileError> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() || lines.len() > super::MAX_PEOPLE {
        return Err(FileError::Unrecognized);
    }
    let several = lines.len() > 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (path, code) = line.split_once("#a=").ok_or(FileError::Unrecognized)?;
            let tree_id = path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            let tree = trees
                .iter()
                .find(|t| t.id() == tree_id)
                .ok_or(FileError::NoAnswers)?;
            let answers = share::decode(tree, code).map_err(|e| FileError::Invalid {
                reason: e.to_string(),
            })?;
            let name = if several {
                format!("{person_name} {}", i + 1)
            } else {
                person_name.to_string()
            };
            Ok(Person {
                name,
                source: file.to_string(),
                answers: BTreeMap::from([(tree_id.to_string(), answers)]),
                checks: BTreeMap::new(),
            })
        })
        .collect()
}
