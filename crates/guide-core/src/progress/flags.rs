//! Noticing stored data that no longer matches the content: a chapter that was removed or
//! renamed, a question that was reworded or removed since the reader answered it.
//!
//! Such data is flagged for the reader, never silently dropped. Only answers in progress are
//! checked: a result in the history records what was asked at the time and stays as it was.

use std::collections::BTreeSet;

use super::model::Progress;

/// Something stored that the current content does not match.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// A chapter with stored progress (or the last place read) is not in the book.
    UnknownChapter {
        /// The chapter's slug.
        slug: String,
    },
    /// The question's text changed since the reader answered it.
    ChangedQuestion {
        /// The tree's id.
        tree: String,
        /// The question's id.
        question: String,
    },
    /// The question (or its whole tree) is no longer in the content.
    UnknownQuestion {
        /// The tree's id.
        tree: String,
        /// The question's id.
        question: String,
    },
}

/// Flags for everything stored that the content no longer matches, in a stable order.
///
/// `known_slugs` are the book's chapters; `question_hash(tree, question)` gives the hash of a
/// question's current text, or `None` if the tree or question does not exist.
pub fn flags(
    progress: &Progress,
    known_slugs: &[&str],
    question_hash: &dyn Fn(&str, &str) -> Option<u64>,
) -> Vec<Flag> {
    let known: BTreeSet<&str> = known_slugs.iter().copied().collect();
    let mut found = BTreeSet::new();
    let stored_slugs = progress
        .chapters
        .keys()
        .map(String::as_str)
        .chain(progress.last.as_ref().map(|place| place.slug.as_str()));
    for slug in stored_slugs {
        if !known.contains(slug) {
            found.insert(Flag::UnknownChapter {
                slug: slug.to_owned(),
            });
        }
    }
    for (tree, answers) in &progress.trees {
        for answer in &answers.answers {
            let flag = match question_hash(tree, &answer.question) {
                None => Flag::UnknownQuestion {
                    tree: tree.clone(),
                    question: answer.question.clone(),
                },
                Some(hash) if hash != answer.question_hash => Flag::ChangedQuestion {
                    tree: tree.clone(),
                    question: answer.question.clone(),
                },
                Some(_) => continue,
            };
            found.insert(flag);
        }
    }
    found.into_iter().collect()
}
