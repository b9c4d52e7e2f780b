//! The shape of the reader's data, and the read-only questions the view asks of it.
//!
//! `Progress` is also the schema-3 payload as stored: its field names are the JSON keys. Its fields
//! are private so that only the reducer, a merge, a migration or a validated decode can change it;
//! the values inside (chapter states, answers, results) are plain data with public fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::book::Audience;
use crate::conformance::Verdict;

/// Everything the guide remembers about one reader. Change it with [`Progress::apply`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub(super) chapters: BTreeMap<String, ChapterState>,
    pub(super) last: Option<Place>,
    pub(super) trees: BTreeMap<String, TreeProgress>,
    /// Sorted by (at, tree, result), one entry per key.
    pub(super) results: Vec<ResultRecord>,
    /// Keys of results removed by hand, so that another tab's copy does not bring them back.
    /// Sorted like `results`, at most `MAX_REMOVED`, never overlapping `results`.
    pub(super) removed_results: Vec<ResultKey>,
    pub(super) prefs: Prefs,
    /// When everything was last erased or replaced (0: never). See the merge rules.
    pub(super) reset_at: u64,
    /// The reader's work on their plan, by step key (see [`StepState`]).
    pub(super) plan: BTreeMap<String, StepState>,
    /// Answers to the conformance self-checks, by check id.
    pub(super) checks: BTreeMap<String, CheckProgress>,
}

/// What the reader did with one step of their plan. The key says which step: `<tree>.<step>`
/// for a step of a result's plan, `<check>.<item>` for a self-check gap the reader added, and
/// `<chapter>.<section>.<n>` for the n-th checklist item of a chapter section the plan links to.
/// One register with one time: the latest change wins a merge as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepState {
    /// When it last changed.
    pub at: u64,
    /// Whether the reader ticked the step as done.
    pub done: bool,
    /// Who owns it, as the reader wrote it (at most [`MAX_OWNER_CHARS`](super::MAX_OWNER_CHARS)
    /// characters, no control characters); empty: not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due, `YYYY-MM-DD`; empty: not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    /// For a self-check gap: whether it is in the plan (the reader added it and has not taken it
    /// out). Steps of a result's plan are in it whatever this says.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
}

/// The answers to one self-check.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckProgress {
    /// By item id.
    pub answers: BTreeMap<String, ItemAnswer>,
    /// When the reader last started the check afresh (0: never): answers older than this are
    /// gone, in this copy and in any merge.
    pub cleared_at: u64,
}

/// One item's verdict and when it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    /// When it was given (first, so that the order of answers is their order in time).
    pub at: u64,
    /// The verdict given.
    pub verdict: Verdict,
}

/// What the guide knows about one chapter.
///
/// Two registers, each with its own time: the read flag (`read`, `read_at`, `by_hand`), and the
/// reading position (`fraction`, `section`, `seen_at`).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterState {
    /// Whether the chapter counts as read.
    pub read: bool,
    /// When the read flag last changed (milliseconds; 0: never).
    pub read_at: u64,
    /// Whether the reader set the read flag by hand (rather than by reaching the end).
    pub by_hand: bool,
    /// The furthest point reached, in permille of the chapter (0..=1000). It never shrinks.
    pub fraction: u16,
    /// The section last read (a heading id), if any.
    pub section: Option<String>,
    /// When the position (fraction or section) last changed (0: never).
    pub seen_at: u64,
}

/// A place in the book: a chapter and, optionally, a section of it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The chapter's slug.
    pub slug: String,
    /// The section's heading id, or `None` above the first heading.
    pub section: Option<String>,
    /// When the reader was last there (milliseconds).
    pub at: u64,
}

/// One answer to one question of a decision tree.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The question's id.
    pub question: String,
    /// The chosen option's id.
    pub option: String,
    /// A hash of the question's text when it was answered, to notice rewording.
    pub question_hash: u64,
    /// When it was answered.
    pub at: u64,
}

/// The answers in progress for one tree: the ordered path walked so far.
///
/// An empty list with a time is a deliberate clear; it stays so that a merge with another tab's
/// older answers does not bring them back.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeProgress {
    /// The answers in the order the walk asked the questions.
    pub answers: Vec<Answer>,
    /// When the list was last set or cleared.
    pub at: u64,
}

/// A finished assessment, kept in the results history.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    /// The tree's id.
    pub tree: String,
    /// The result node's id.
    pub result: String,
    /// The path that led there.
    pub answers: Vec<Answer>,
    /// Points per dimension.
    pub scores: BTreeMap<String, i64>,
    /// The sum of the walk's points over all dimensions, hidden ones included.
    pub total: i64,
    /// When it was recorded. Together with `tree` and `result`, it identifies the record.
    pub at: u64,
}

impl ResultRecord {
    /// The identity of this record in the history.
    pub fn key(&self) -> ResultKey {
        ResultKey {
            tree: self.tree.clone(),
            result: self.result.clone(),
            at: self.at,
        }
    }

    pub(super) fn sort_key(&self) -> (u64, &str, &str) {
        (self.at, &self.tree, &self.result)
    }
}

/// The identity of a result in the history: which tree, which result, when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultKey {
    /// The tree's id.
    pub tree: String,
    /// The result's id.
    pub result: String,
    /// When the result was recorded (milliseconds).
    pub at: u64,
}

impl ResultKey {
    pub(super) fn sort_key(&self) -> (u64, &str, &str) {
        (self.at, &self.tree, &self.result)
    }
}

impl PartialOrd for ResultKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ResultKey {
    /// Oldest first, then by tree and result.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

/// The colour theme the reader chose.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every theme, in the order the view offers them.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The stable key, as stored.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The reader's preferences, each with the time it was chosen (0: never).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prefs {
    /// The colour theme.
    pub theme: Theme,
    /// When the theme was chosen (milliseconds; 0: never).
    pub theme_at: u64,
    /// Who the reader said they are; `None` if they did not say.
    pub audience: Option<Audience>,
    /// When the audience was chosen (milliseconds; 0: never).
    pub audience_at: u64,
}

/// Where a reader stands with one chapter, as the contents page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChapterStatus {
    /// Nothing read yet.
    NotStarted,
    /// Started and not read; the furthest point reached, in permille. A chapter unmarked by
    /// hand after reaching its end is `InProgress(1000)`.
    InProgress(u16),
    /// Marked read, by reaching the end or by hand.
    Read,
}

impl Progress {
    /// An empty store: nothing read, nothing answered, default preferences.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Whether nothing at all is stored (an erased store is empty too).
    pub fn is_empty(&self) -> bool {
        self.chapters.is_empty()
            && self.last.is_none()
            && self.trees.is_empty()
            && self.results.is_empty()
            && self.removed_results.is_empty()
            && self.prefs == Prefs::default()
            && self.plan.is_empty()
            && self.checks.is_empty()
    }

    /// The state of one chapter, by slug. Unknown slugs are `NotStarted`.
    pub fn status(&self, slug: &str) -> ChapterStatus {
        match self.chapters.get(slug) {
            Some(chapter) if chapter.read => ChapterStatus::Read,
            Some(chapter) if chapter.fraction > 0 => ChapterStatus::InProgress(chapter.fraction),
            _ => ChapterStatus::NotStarted,
        }
    }

    /// How many of the given chapters are read, out of how many: `(read, total)`.
    ///
    /// Only the given slugs count, so chapters that no longer exist do not inflate the figure.
    /// A slug given twice counts twice.
    pub fn overall(&self, slugs: &[&str]) -> (usize, usize) {
        let read = slugs
            .iter()
            .filter(|slug| self.status(slug) == ChapterStatus::Read)
            .count();
        (read, slugs.len())
    }

    /// Where to continue reading: the last place read, as (chapter slug, section id).
    pub fn continue_place(&self) -> Option<(&str, Option<&str>)> {
        self.last
            .as_ref()
            .map(|place| (place.slug.as_str(), place.section.as_deref()))
    }

    /// The last place read, with its time.
    pub fn last_place(&self) -> Option<&Place> {
        self.last.as_ref()
    }

    /// One chapter's stored state.
    pub fn chapter(&self, slug: &str) -> Option<&ChapterState> {
        self.chapters.get(slug)
    }

    /// Every chapter with stored state, by slug.
    pub fn chapters(&self) -> &BTreeMap<String, ChapterState> {
        &self.chapters
    }

    /// The answers in progress for one tree (empty if none).
    pub fn answers(&self, tree: &str) -> &[Answer] {
        self.trees
            .get(tree)
            .map(|t| t.answers.as_slice())
            .unwrap_or(&[])
    }

    /// Every tree with answers in progress (or a recorded clear), by tree id.
    pub fn trees(&self) -> &BTreeMap<String, TreeProgress> {
        &self.trees
    }

    /// The results history, oldest first.
    pub fn results(&self) -> &[ResultRecord] {
        &self.results
    }

    /// Keys of results removed by hand (kept for merging).
    pub fn removed_results(&self) -> &[ResultKey] {
        &self.removed_results
    }

    /// The reader's preferences, each with its time.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The colour theme the reader chose.
    pub fn theme(&self) -> Theme {
        self.prefs.theme
    }

    /// Who the reader said they are, if they did.
    pub fn audience(&self) -> Option<Audience> {
        self.prefs.audience
    }

    /// When everything was last erased or replaced by an import (0: never).
    pub fn reset_at(&self) -> u64 {
        self.reset_at
    }

    /// The reader's work on one plan step, by key (see [`StepState`]).
    pub fn step(&self, key: &str) -> Option<&StepState> {
        self.plan.get(key)
    }

    /// Every plan step the reader touched, by key.
    pub fn plan(&self) -> &BTreeMap<String, StepState> {
        &self.plan
    }

    /// The verdicts given in one self-check, by item id (answers cleared since are left out).
    pub fn check_answers(&self, check: &str) -> BTreeMap<String, Verdict> {
        self.checks
            .get(check)
            .map(|c| {
                c.answers
                    .iter()
                    .map(|(item, a)| (item.clone(), a.verdict))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every self-check with answers (or a recorded fresh start), by check id.
    pub fn checks(&self) -> &BTreeMap<String, CheckProgress> {
        &self.checks
    }

    /// The latest time stored anywhere in the state.
    pub(super) fn latest_time(&self) -> u64 {
        let chapters = self
            .chapters
            .values()
            .map(|c| c.read_at.max(c.seen_at))
            .max();
        let trees = self.trees.values().map(|t| t.at).max();
        let results = self.results.iter().map(|r| r.at).max();
        let removed = self.removed_results.iter().map(|r| r.at).max();
        let last = self.last.as_ref().map(|p| p.at);
        let plan = self.plan.values().map(|s| s.at).max();
        let checks = self
            .checks
            .values()
            .flat_map(|c| c.answers.values().map(|a| a.at).chain([c.cleared_at]))
            .max();
        [
            plan,
            checks,
            chapters,
            trees,
            results,
            removed,
            last,
            Some(self.prefs.theme_at),
            Some(self.prefs.audience_at),
            Some(self.reset_at),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
    }
}
