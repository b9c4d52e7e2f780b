//! Share links: a walk through a decision tree as a short string for a URL fragment.
//!
//! The guide has no server, so a shared result must carry its answers in the link itself. A
//! link opened anywhere replays the answers against the same tree and shows the same result.
//! Links come from outside and may be cut, mistyped or edited by hand, so decoding checks
//! everything and reports what is wrong as a typed error; it never panics.
//!
//! The format is `r1.<i>.<i>…<check>`: the format version, then for each question along the
//! walk the position of the chosen option (decimal, from 0), then a four-character base-36
//! checksum over the tree's id, the tree's shape and the positions. For example
//! `r1.0.2.1.3.k2zq`. Only `a`–`z`, `0`–`9` and `.` occur, all safe in a fragment.
//! The checksum turns an edited or truncated link, or one made for another tree (or another
//! shape of this tree), into [`ShareError::Tampered`] instead of a different walk.

use thiserror::Error;

use crate::hash::fnv1a64;
use crate::tree::{question_hash, Answer, ReplayError, ValidTree};

/// The current format version, written after `r`.
pub const SHARE_VERSION: u32 = 1;

/// Longer inputs are refused before any parsing.
pub const MAX_SHARE_LEN: usize = 512;

const CHECK_LEN: usize = 4;

/// Why a share link could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// The link is empty (or only a `#` and white space).
    #[error("the share link is empty")]
    Empty,
    /// The link is longer than [`MAX_SHARE_LEN`] and was not read.
    #[error("the share link is {len} characters long; the most is {MAX_SHARE_LEN}")]
    TooLong {
        /// The link's length, in bytes.
        len: usize,
    },
    /// The link does not have the shape of a share link.
    #[error("the share link is malformed: {reason}")]
    Malformed {
        /// What is wrong, in words.
        reason: &'static str,
    },
    /// The link is in a format version this guide does not read.
    #[error("the share link uses format {found:?}, which this version of the guide does not read")]
    WrongVersion {
        /// The version the link starts with, such as `r2`.
        found: String,
    },
    /// The checksum does not match: the link was cut or edited, or made for another tree or another
    /// shape of this one.
    #[error(
        "the share link was altered, or was made for another tree or another version of this one"
    )]
    Tampered,
    /// The answers' positions do not form a walk through the tree.
    #[error("the share link's answer {step} does not fit the tree")]
    InvalidPath {
        /// Which answer does not fit, counting from 1.
        step: usize,
    },
}

/// Encodes a walk (finished or not) as a share string. Fails if the answers are not a walk.
pub fn encode(tree: &ValidTree, answers: &[Answer]) -> Result<String, ReplayError> {
    let walk = tree.replay(answers)?;
    let mut indexes = Vec::with_capacity(walk.steps.len());
    let mut question = tree.start_index();
    for (i, step) in walk.steps.iter().enumerate() {
        let (Some(q), Some(o)) = (
            question,
            question.and_then(|q| tree.option_index(q, &step.option)),
        ) else {
            // Unreachable after a successful replay; reported rather than trusted.
            return Err(ReplayError::UnknownOption {
                index: i,
                question: step.question.clone(),
                option: step.option.clone(),
            });
        };
        indexes.push(o);
        question = tree.hop(q, o).flatten();
    }
    let mut out = format!("r{SHARE_VERSION}");
    for index in &indexes {
        out.push('.');
        out.push_str(&index.to_string());
    }
    out.push('.');
    out.push_str(&checksum(tree, &indexes));
    Ok(out)
}

/// Why a string fails the checks every share string of the guide passes before its own format
/// is read (a tree's walk here, a self-check's answers in `conformance`); each decoder turns it
/// into its own error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Envelope {
    Empty,
    TooLong { len: usize },
    Malformed { reason: &'static str },
    WrongVersion { found: String },
}

impl From<Envelope> for ShareError {
    fn from(envelope: Envelope) -> Self {
        match envelope {
            Envelope::Empty => ShareError::Empty,
            Envelope::TooLong { len } => ShareError::TooLong { len },
            Envelope::Malformed { reason } => ShareError::Malformed { reason },
            Envelope::WrongVersion { found } => ShareError::WrongVersion { found },
        }
    }
}

/// The dot-separated parts of a share string after its version, `<letter><version>` (a leading
/// `#` and surrounding space are ignored). Refused: longer than [`MAX_SHARE_LEN`], empty, any
/// character other than `a`–`z`, `0`–`9` and `.`, or another version.
pub(crate) fn versioned_parts(
    input: &str,
    letter: char,
    version: u32,
) -> Result<Vec<&str>, Envelope> {
    if input.len() > MAX_SHARE_LEN {
        return Err(Envelope::TooLong { len: input.len() });
    }
    let input = input.strip_prefix('#').unwrap_or(input).trim();
    if input.is_empty() {
        return Err(Envelope::Empty);
    }
    if !input
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.')
    {
        return Err(Envelope::Malformed {
            reason: "it contains characters other than a-z, 0-9 and dots",
        });
    }
    let mut parts = input.split('.');
    let Some(found) = parts.next().and_then(|p| p.strip_prefix(letter)) else {
        return Err(Envelope::Malformed {
            reason: "it does not start with its format version, such as r1",
        });
    };
    if found.is_empty() || !found.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Envelope::Malformed {
            reason: "the format version is not a number",
        });
    }
    if found != version.to_string() {
        return Err(Envelope::WrongVersion {
            found: format!("{letter}{found}"),
        });
    }
    Ok(parts.collect())
}

/// Decodes a share string (with or without a leading `#`) into the answers it stands for,
/// hashed against the tree's current wording.
pub fn decode(tree: &ValidTree, input: &str) -> Result<Vec<Answer>, ShareError> {
    let parts = versioned_parts(input, 'r', SHARE_VERSION)?;
    let Some((&check, middle)) = parts.split_last() else {
        return Err(ShareError::Malformed {
            reason: "the checksum is missing",
        });
    };
    if check.len() != CHECK_LEN {
        return Err(ShareError::Malformed {
            reason: "the checksum is not four characters long",
        });
    }
    let mut indexes = Vec::with_capacity(middle.len());
    for part in middle {
        indexes.push(parse_index(part)?);
    }
    if checksum(tree, &indexes) != check {
        return Err(ShareError::Tampered);
    }
    let mut answers = Vec::with_capacity(indexes.len());
    let mut question = tree.start_index();
    for (step, &o) in indexes.iter().enumerate() {
        let Some(q) = question else {
            return Err(ShareError::InvalidPath { step: step + 1 });
        };
        let invalid = ShareError::InvalidPath { step: step + 1 };
        let Some(text) = tree.question_at(q) else {
            return Err(invalid);
        };
        let (Some(option), Some(next)) = (text.options.get(o), tree.hop(q, o)) else {
            return Err(invalid);
        };
        answers.push(Answer {
            question: text.id.clone(),
            option: option.id.clone(),
            question_hash: question_hash(&text.text),
        });
        question = next;
    }
    Ok(answers)
}

fn parse_index(part: &str) -> Result<usize, ShareError> {
    if part.is_empty() || part.len() > 3 {
        return Err(ShareError::Malformed {
            reason: "an answer is not a number from 0 to 999",
        });
    }
    if part.len() > 1 && part.starts_with('0') {
        return Err(ShareError::Malformed {
            reason: "an answer has a leading zero",
        });
    }
    part.parse().map_err(|_| ShareError::Malformed {
        reason: "an answer is not a number from 0 to 999",
    })
}

/// Four base-36 characters from FNV-1a over the tree's id, its shape and the positions.
fn checksum(tree: &ValidTree, indexes: &[usize]) -> String {
    let mut text = format!("{}|{:016x}|", tree.id(), tree.fingerprint());
    for index in indexes {
        text.push_str(&index.to_string());
        text.push(',');
    }
    let mut n = fnv1a64(text.as_bytes()) % 36u64.pow(CHECK_LEN as u32);
    let mut out = [b'0'; CHECK_LEN];
    for slot in out.iter_mut().rev() {
        let digit = (n % 36) as u8;
        *slot = if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        };
        n /= 36;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::{validate, TreeSpec};

    /// Two questions; option "b" of the first ends the walk.
    fn tiny() -> ValidTree {
        let spec: TreeSpec = match serde_json::from_str(
            r#"{
            "id": "tiny", "title": "Tiny", "intro": "Intro.", "chapter": "/book/x/", "start": "q1",
            "questions": [
                { "id": "q1", "text": "q1?", "why": "Why.", "learn_more": "/book/x/",
                  "options": [{ "id": "a", "label": "a", "next": "q2" }, { "id": "b", "label": "b" }] },
                { "id": "q2", "text": "q2?", "why": "Why.", "learn_more": "/book/x/",
                  "options": [{ "id": "c", "label": "c" }] }
            ],
            "results": [{ "id": "done", "title": "Done", "summary": "S.", "rationale": "R.",
                          "learn_more": "/book/x/" }]
        }"#,
        ) {
            Ok(spec) => spec,
            Err(error) => panic!("{error}"),
        };
        match validate(spec) {
            Ok(tree) => tree,
            Err(errors) => panic!("{errors:?}"),
        }
    }

    fn signed(tree: &ValidTree, indexes: &[usize]) -> String {
        let body: Vec<String> = indexes.iter().map(ToString::to_string).collect();
        let mut link = format!("r{SHARE_VERSION}");
        for part in &body {
            link.push('.');
            link.push_str(part);
        }
        format!("{link}.{}", checksum(tree, indexes))
    }

    #[test]
    fn a_correctly_signed_link_that_leaves_the_tree_is_an_invalid_path() {
        let tree = tiny();
        assert_eq!(
            decode(&tree, &signed(&tree, &[0, 0])).map(|a| a.len()),
            Ok(2)
        );
        // Option 5 does not exist at the first question.
        assert_eq!(
            decode(&tree, &signed(&tree, &[5])),
            Err(ShareError::InvalidPath { step: 1 })
        );
        // "b" ends the walk, so a second answer has nowhere to go.
        assert_eq!(
            decode(&tree, &signed(&tree, &[1, 0])),
            Err(ShareError::InvalidPath { step: 2 })
        );
    }

    #[test]
    fn the_checksum_is_four_base36_characters() {
        let tree = tiny();
        for indexes in [&[][..], &[0], &[1], &[0, 0]] {
            let check = checksum(&tree, indexes);
            assert_eq!(check.len(), CHECK_LEN);
            assert!(check
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
        }
    }
}
