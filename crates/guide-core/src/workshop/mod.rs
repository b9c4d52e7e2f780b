//! A workshop: several colleagues' answers to the same trees, brought together in the lead's
//! browser from the files they exported (their data, a result's JSON, a share link, or a saved
//! workshop), to see where they agree and where they split, and to agree a group answer question
//! by question. Their self-check answers, when their data export holds some, are compared item
//! by item. Nothing is sent anywhere, and a workshop is kept apart from the lead's own data.

mod analysis;
mod input;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::conformance::Verdict;
use crate::tree::Answer;

pub use analysis::{
    check_spread, group_walk, scores, spread, Agreement, ItemSpread, OptionCount, PersonScores,
    QuestionSpread, Scores,
};
pub use input::{read_file, FileError, Loaded, MAX_FILE_BYTES};

/// The most people in one workshop.
pub const MAX_PEOPLE: usize = 60;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// The most answers kept per person and tree.
const MAX_ANSWERS: usize = 200;
/// The most trees per person.
const MAX_TREES: usize = 10;

/// One colleague's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Shown in the workshop; taken from the file name, editable.
    pub name: String,
    /// The file (or "share link") they came from.
    pub source: String,
    /// Their answers per tree id, as they gave them (hashes of the question texts included, to
    /// flag questions that changed since).
    pub answers: BTreeMap<String, Vec<Answer>>,
    /// Their self-check answers per check id, by item id (from a data export; empty otherwise).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checks: BTreeMap<String, BTreeMap<String, Verdict>>,
}

/// The workshop as the lead works on it, and as it is saved to a file and reopened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// Everyone whose answers were brought in, in the order they were added (at most
    /// [`MAX_PEOPLE`]).
    pub people: Vec<Person>,
    /// The group's answer to each question, per tree: question id → option id.
    #[serde(default)]
    pub group: BTreeMap<String, BTreeMap<String, String>>,
}

/// The kind written into a saved workshop file, so that it is told apart from other files.
pub const WORKSHOP_KIND: &str = "ospo-guide-workshop";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SavedWorkshop {
    pub(crate) kind: String,
    pub(crate) version: u32,
    #[serde(flatten)]
    pub(crate) workshop: Workshop,
}

impl Workshop {
    /// Adds people, each unless the workshop is full; returns how many were added. A person
    /// whose name is taken gets a number after it.
    pub fn add(&mut self, people: Vec<Person>) -> usize {
        let mut added = 0;
        for mut person in people {
            if self.people.len() >= MAX_PEOPLE {
                break;
            }
            person.name = self.free_name(&clean_name(&person.name));
            self.people.push(person);
            added += 1;
        }
        added
    }

    /// Renames the `index`-th person (the name cleaned; an empty name is refused).
    pub fn rename(&mut self, index: usize, name: &str) -> bool {
        let name = clean_name(name);
        if name.is_empty() || index >= self.people.len() {
            return false;
        }
        if let Some(person) = self.people.get_mut(index) {
            person.name = name;
        }
        true
    }

    /// Takes the `index`-th person out.
    pub fn remove(&mut self, index: usize) {
        if index < self.people.len() {
            self.people.remove(index);
        }
    }

    /// Sets (or with `None` clears) the group's answer to a question.
    pub fn choose(&mut self, tree: &str, question: &str, option: Option<&str>) {
        let choices = self.group.entry(tree.to_string()).or_default();
        match option {
            Some(option) => {
                choices.insert(question.to_string(), option.to_string());
            }
            None => {
                choices.remove(question);
            }
        }
    }

    /// The workshop as a file to save and reopen later.
    pub fn to_file(&self) -> String {
        let saved = SavedWorkshop {
            kind: WORKSHOP_KIND.to_string(),
            version: 1,
            workshop: self.clone(),
        };
        serde_json::to_string_pretty(&saved).unwrap_or_default()
    }

    fn free_name(&self, name: &str) -> String {
        let taken = |n: &str| self.people.iter().any(|p| p.name == n);
        if !taken(name) {
            return name.to_string();
        }
        (2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| name.to_string())
    }
}

/// A name as shown: no control characters, at most [`MAX_NAME_CHARS`], trimmed; "Someone" if
/// nothing is left.
pub fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "Someone".to_string()
    } else {
        cleaned.to_string()
    }
}

/// Checks a person's answers as read from a file: ids, counts, no question twice per tree.
pub(crate) fn check_person(person: &Person) -> Result<(), &'static str> {
    if person.answers.len() > MAX_TREES || person.checks.len() > MAX_TREES {
        return Err("answers for too many trees or checks");
    }
    for (check, items) in &person.checks {
        if !crate::id::is_valid_id(check) || items.len() > MAX_ANSWERS {
            return Err("a self-check that is not one");
        }
        if !items.keys().all(|item| crate::id::is_valid_id(item)) {
            return Err("a self-check item that is not an id");
        }
    }
    for (tree, answers) in &person.answers {
        if !crate::id::is_valid_id(tree) {
            return Err("a tree id that is not an id");
        }
        if answers.len() > MAX_ANSWERS {
            return Err("too many answers");
        }
        let mut seen = std::collections::BTreeSet::new();
        for answer in answers {
            if !crate::id::is_valid_id(&answer.question) || !crate::id::is_valid_id(&answer.option)
            {
                return Err("an answer that is not an id");
            }
            if !seen.insert(answer.question.as_str()) {
                return Err("a question answered twice");
            }
        }
    }
    Ok(())
}
