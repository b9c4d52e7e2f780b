//! The limits on the reader's data, and the checks that keep hostile or broken data out.
//!
//! Stored and imported data is untrusted: it may have been edited by hand, written by another
//! version, or crafted. Every id is checked against a small alphabet and length, every list has a
//! cap, and every error names what was wrong in a short, escaped preview (never the whole value).

use std::collections::BTreeSet;

use thiserror::Error;

use super::model::{Answer, CheckProgress, Progress, ResultRecord, StepState};

/// The most bytes a stored value or an import file may have (1 MiB).
pub const MAX_BYTES: usize = 1024 * 1024;
pub use crate::id::MAX_ID_LEN;
/// The most chapters with stored state.
pub const MAX_CHAPTERS: usize = 500;
/// The most trees with answers in progress (including recorded clears).
pub const MAX_TREES: usize = 50;
/// The most answers in one path (in progress or in a result).
pub const MAX_ANSWERS: usize = 200;
/// The most results in the history.
pub const MAX_RESULTS: usize = 500;
/// The most remembered removals of results; the oldest are forgotten first.
pub const MAX_REMOVED: usize = 500;
/// The most score dimensions in one result.
pub const MAX_DIMENSIONS: usize = 50;
/// The most plan steps with stored work.
pub const MAX_PLAN_STEPS: usize = 2_000;
/// The most self-checks with answers.
pub const MAX_CHECKS: usize = 20;
/// The most answered items in one self-check.
pub const MAX_CHECK_ITEMS: usize = 300;
/// The longest owner of a plan step, in characters.
pub const MAX_OWNER_CHARS: usize = 120;
/// The end of a chapter, in permille.
pub const MAX_FRACTION: u16 = 1000;
/// The latest accepted timestamp: the largest integer a JavaScript number holds exactly.
pub const MAX_TIME: u64 = (1 << 53) - 1;
/// The longest content version string.
pub const MAX_CONTENT_VERSION_LEN: usize = 64;

/// How many characters of an offending value an error shows.
const PREVIEW_CHARS: usize = 40;

/// Why data is not acceptable as the reader's data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    /// The JSON does not have the expected fields and types (or has fields we do not know).
    #[error("the data does not have the expected shape: {detail}")]
    Shape {
        /// What the JSON parser said, escaped and shortened.
        detail: String,
    },
    /// An id is empty, too long, or has characters other than `a-z`, `0-9` and `-`.
    #[error("{what} is not a valid id: {value}")]
    BadId {
        /// What the id names, such as "chapter slug" or "tree id".
        what: &'static str,
        /// A short, escaped and quoted preview of the value.
        value: String,
    },
    /// A list or map is longer than its cap.
    #[error("too many {what}: {count}, at most {max}")]
    TooMany {
        /// What the list or map holds, such as "results" or "answers in one path".
        what: &'static str,
        /// How many entries it has, or would have.
        count: usize,
        /// The most it may have.
        max: usize,
    },
    /// A reading fraction is above 1000 permille.
    #[error("a reading fraction of {found} permille is above {MAX_FRACTION}")]
    Fraction {
        /// The fraction found, in permille.
        found: u16,
    },
    /// A timestamp is beyond what a browser clock can produce.
    #[error("the time of {what} is out of range: {found}")]
    Time {
        /// Whose time it is, such as "an answer" or "the event".
        what: &'static str,
        /// The time found (milliseconds).
        found: u64,
    },
    /// The same thing appears twice where it must be unique.
    #[error("{what} appears twice: {value}")]
    Duplicate {
        /// What must be unique, such as "question in one path".
        what: &'static str,
        /// A short, escaped and quoted preview of the repeated value.
        value: String,
    },
    /// The content version is too long or has unexpected characters.
    #[error("the content version is not valid: {value}")]
    ContentVersion {
        /// A short, escaped and quoted preview of the content version.
        value: String,
    },
    /// A plan step's owner is too long or has control characters, or its due date is not a
    /// date.
    #[error("{what} is not valid: {value}")]
    BadText {
        /// Which text, such as "a step's owner" or "a step's due date".
        what: &'static str,
        /// A short, escaped and quoted preview of the text.
        value: String,
    },
}

/// A short, escaped and quoted preview of an offending value, safe to show and to log.
pub(super) fn preview(value: &str) -> String {
    format!("\"{}\"", escaped_prefix(value, PREVIEW_CHARS))
}

/// A longer escaped preview of a message that may quote the input (serde's errors).
pub(super) fn preview_escaped(message: &str) -> String {
    escaped_prefix(message, 160)
}

fn escaped_prefix(value: &str, chars: usize) -> String {
    let mut out: String = value
        .chars()
        .take(chars)
        .flat_map(char::escape_debug)
        .collect();
    if value.chars().nth(chars).is_some() {
        out.push('…');
    }
    out
}

pub(super) fn check_id(what: &'static str, value: &str) -> Result<(), ValidationError> {
    if crate::id::is_valid_id(value) {
        Ok(())
    } else {
        Err(ValidationError::BadId {
            what,
            value: preview(value),
        })
    }
}

pub(super) fn check_time(what: &'static str, at: u64) -> Result<(), ValidationError> {
    if at <= MAX_TIME {
        Ok(())
    } else {
        Err(ValidationError::Time { what, found: at })
    }
}

pub(super) fn check_fraction(fraction: u16) -> Result<(), ValidationError> {
    if fraction <= MAX_FRACTION {
        Ok(())
    } else {
        Err(ValidationError::Fraction { found: fraction })
    }
}

pub(super) fn check_count(
    what: &'static str,
    count: usize,
    max: usize,
) -> Result<(), ValidationError> {
    if count <= max {
        Ok(())
    } else {
        Err(ValidationError::TooMany { what, count, max })
    }
}

/// Whether `value` is a valid content version: up to 64 characters of `A-Z`, `a-z`, `0-9` and
/// `.`, `_`, `-`, `+`, `:` (a date, a semantic version or a hash all fit). Empty means unknown.
pub fn is_valid_content_version(value: &str) -> bool {
    value.len() <= MAX_CONTENT_VERSION_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+' | b':'))
}

pub(super) fn check_content_version(value: &str) -> Result<(), ValidationError> {
    if is_valid_content_version(value) {
        Ok(())
    } else {
        Err(ValidationError::ContentVersion {
            value: preview(value),
        })
    }
}

/// Checks one path of answers: ids, times, the cap, and no question answered twice (a path
/// through a tree without cycles visits each question at most once).
pub(super) fn check_answers(answers: &[Answer]) -> Result<(), ValidationError> {
    check_count("answers in one path", answers.len(), MAX_ANSWERS)?;
    let mut seen = BTreeSet::new();
    for answer in answers {
        check_id("question id", &answer.question)?;
        check_id("option id", &answer.option)?;
        check_time("an answer", answer.at)?;
        if !seen.insert(answer.question.as_str()) {
            return Err(ValidationError::Duplicate {
                what: "question in one path",
                value: preview(&answer.question),
            });
        }
    }
    Ok(())
}

/// Checks one result record on its own (not its place in the history).
pub(super) fn check_result(record: &ResultRecord) -> Result<(), ValidationError> {
    check_id("tree id", &record.tree)?;
    check_id("result id", &record.result)?;
    check_time("a result", record.at)?;
    check_answers(&record.answers)?;
    check_count("score dimensions", record.scores.len(), MAX_DIMENSIONS)?;
    for dimension in record.scores.keys() {
        check_id("score dimension", dimension)?;
    }
    Ok(())
}

/// Checks a plan step's key: two or three ids joined by dots (see [`StepState`]).
pub(super) fn check_step_key(key: &str) -> Result<(), ValidationError> {
    let parts: Vec<&str> = key.split('.').collect();
    if (2..=3).contains(&parts.len()) && parts.iter().all(|p| crate::id::is_valid_id(p)) {
        Ok(())
    } else {
        Err(ValidationError::BadId {
            what: "plan step key",
            value: preview(key),
        })
    }
}

/// Whether `date` is a calendar date written `YYYY-MM-DD` (years 2000 to 2999).
fn is_date(date: &str) -> bool {
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    date.len() == 10 && (2000..3000).contains(year) && (1..=days).contains(day)
}

/// Checks the reader's work on one plan step.
pub(super) fn check_step(key: &str, step: &StepState) -> Result<(), ValidationError> {
    check_step_key(key)?;
    check_time("a plan step", step.at)?;
    if step.owner.chars().count() > MAX_OWNER_CHARS || step.owner.chars().any(char::is_control) {
        return Err(ValidationError::BadText {
            what: "a step's owner",
            value: preview(&step.owner),
        });
    }
    if !step.due.is_empty() && !is_date(&step.due) {
        return Err(ValidationError::BadText {
            what: "a step's due date",
            value: preview(&step.due),
        });
    }
    Ok(())
}

/// Checks one self-check's answers.
pub(super) fn check_check(id: &str, check: &CheckProgress) -> Result<(), ValidationError> {
    check_id("check id", id)?;
    check_time("a check's fresh start", check.cleared_at)?;
    check_count(
        "answered items in one check",
        check.answers.len(),
        MAX_CHECK_ITEMS,
    )?;
    for (item, answer) in &check.answers {
        check_id("check item id", item)?;
        check_time("a check answer", answer.at)?;
    }
    Ok(())
}

/// Checks a whole state against every rule. The reducer keeps these rules; decode, encode and
/// import enforce them.
pub fn validate(progress: &Progress) -> Result<(), ValidationError> {
    check_count("chapters", progress.chapters.len(), MAX_CHAPTERS)?;
    for (slug, chapter) in &progress.chapters {
        check_id("chapter slug", slug)?;
        check_fraction(chapter.fraction)?;
        if let Some(section) = &chapter.section {
            check_id("section id", section)?;
        }
        check_time("a chapter's read flag", chapter.read_at)?;
        check_time("a chapter's position", chapter.seen_at)?;
    }
    if let Some(place) = &progress.last {
        check_id("chapter slug", &place.slug)?;
        if let Some(section) = &place.section {
            check_id("section id", section)?;
        }
        check_time("the last place", place.at)?;
    }
    check_count("trees", progress.trees.len(), MAX_TREES)?;
    for (tree, answers) in &progress.trees {
        check_id("tree id", tree)?;
        check_time("a tree's answers", answers.at)?;
        check_answers(&answers.answers)?;
    }
    check_count("results", progress.results.len(), MAX_RESULTS)?;
    for pair in progress.results.windows(2) {
        if let [a, b] = pair {
            if a.sort_key() == b.sort_key() {
                return Err(ValidationError::Duplicate {
                    what: "result",
                    value: preview(&b.result),
                });
            }
        }
    }
    for record in &progress.results {
        check_result(record)?;
    }
    check_count(
        "removed results",
        progress.removed_results.len(),
        MAX_REMOVED,
    )?;
    for pair in progress.removed_results.windows(2) {
        if let [a, b] = pair {
            if a == b {
                return Err(ValidationError::Duplicate {
                    what: "removed result",
                    value: preview(&b.result),
                });
            }
        }
    }
    for key in &progress.removed_results {
        check_id("tree id", &key.tree)?;
        check_id("result id", &key.result)?;
        check_time("a removed result", key.at)?;
        if progress
            .results
            .binary_search_by(|r| r.sort_key().cmp(&key.sort_key()))
            .is_ok()
        {
            return Err(ValidationError::Duplicate {
                what: "result both kept and removed",
                value: preview(&key.result),
            });
        }
    }
    check_time("the preferences", progress.prefs.theme_at)?;
    check_time("the preferences", progress.prefs.audience_at)?;
    check_time("the last erase", progress.reset_at)?;
    check_count("plan steps", progress.plan.len(), MAX_PLAN_STEPS)?;
    for (key, step) in &progress.plan {
        check_step(key, step)?;
    }
    check_count("checks", progress.checks.len(), MAX_CHECKS)?;
    for (id, check) in &progress.checks {
        check_check(id, check)?;
    }
    Ok(())
}

/// Puts the lists of a state in their canonical order (results and removals oldest first).
/// Order carries no meaning there, so this changes nothing a reader could notice.
pub(super) fn sort_lists(progress: &mut Progress) {
    progress
        .results
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    progress.removed_results.sort();
}
