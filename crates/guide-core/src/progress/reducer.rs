//! The reducer: every change to the reader's data is an [`Event`] applied by [`Progress::apply`].
//!
//! The reducer is pure. It takes times from the events (the view reads the clock), never stores,
//! and rejects an event that would break a rule of the data with a typed error, leaving the state
//! as it was.
//!
//! Rules, as the reader sees them:
//!
//! - The reading fraction of a chapter only grows.
//! - Reaching the end of a chapter (1000 permille) marks it read, unless the reader last unmarked
//!   it by hand: an explicit "not read" is not overridden by scrolling. Marking it read by hand
//!   again, or a later automatic read from another tab found by a merge, ends that.
//! - A local action always takes effect. The time it stores is the event's time, or just after
//!   the time already stored for the same thing if that is later (clocks of other tabs may run
//!   ahead), so that the action stays the most recent one when tabs merge.

use thiserror::Error;

use super::model::{
    Answer, ChapterState, ItemAnswer, Place, Progress, ResultKey, ResultRecord, StepState, Theme,
    TreeProgress,
};
use super::validate::{
    check_answers, check_count, check_fraction, check_id, check_result, check_step, check_time,
    ValidationError, MAX_BYTES, MAX_CHAPTERS, MAX_CHECKS, MAX_CHECK_ITEMS, MAX_FRACTION,
    MAX_PLAN_STEPS, MAX_REMOVED, MAX_RESULTS, MAX_TIME, MAX_TREES,
};
use crate::book::Audience;
use crate::conformance::Verdict;

/// Something the reader did (or the view noticed), with its time in milliseconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The reader is at `fraction` permille of a chapter, in `section` (a heading id, or `None`
    /// above the first heading).
    ChapterProgressed {
        /// The chapter's slug.
        slug: String,
        /// The heading id of the section the reader is in, or `None` above the first heading.
        section: Option<String>,
        /// How far into the chapter, in permille (0 to 1000).
        fraction: u16,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// The reader marked a chapter read or not read by hand.
    MarkedRead {
        /// The chapter's slug.
        slug: String,
        /// Whether the reader marked it read (`true`) or not read.
        read: bool,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// The answers of a tree now are `answers` (the full ordered path so far).
    TreeAnswered {
        /// The tree's id.
        tree: String,
        /// Every answer of the walk so far, in order.
        answers: Vec<Answer>,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// The reader restarted a tree: its answers in progress are cleared.
    TreeCleared {
        /// The tree's id.
        tree: String,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// A finished assessment goes into the results history.
    ResultRecorded {
        /// The result, with its answers, scores and time.
        record: ResultRecord,
    },
    /// The reader removed a result from the history.
    ResultRemoved {
        /// Which result: its tree, result id and time.
        key: ResultKey,
    },
    /// The reader chose a colour theme.
    ThemeChosen {
        /// The theme chosen.
        theme: Theme,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// The reader chose who they are, or `None` to say nothing.
    AudienceChosen {
        /// The audience chosen, or `None`.
        audience: Option<Audience>,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// The reader changed a plan step: ticked it, named its owner or due date, or added a
    /// self-check gap to the plan or took it out. `state` is the whole new state; its `at` is the
    /// event's time.
    PlanStepChanged {
        /// The step's key: `<tree>.<step>`, `<check>.<item>` or `<chapter>.<section>.<n>`.
        key: String,
        /// The step's whole new state; its `at` is the event's time.
        state: StepState,
    },
    /// The reader gave a verdict on one item of a self-check.
    CheckAnswered {
        /// The self-check's id.
        check: String,
        /// The item's id.
        item: String,
        /// The verdict given.
        verdict: Verdict,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// The reader started a self-check afresh: its answers are cleared.
    CheckCleared {
        /// The self-check's id.
        check: String,
        /// When it happened (milliseconds).
        at: u64,
    },
    /// Forget everything, preferences included.
    EraseAll {
        /// When it happened (milliseconds).
        at: u64,
    },
}

/// Why an event was not applied. The state is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EventError {
    /// The event carries data that breaks a rule (a bad id, a fraction above 1000, a time out of
    /// range, one chapter, tree or result too many).
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A result with the same tree, result id and time is already in the history with other
    /// content, or was removed.
    #[error("this result is already in the history, or was removed from it")]
    DuplicateResult,
    /// The data would no longer fit in one export file.
    #[error("the reader's data would grow beyond {max} bytes")]
    TooLarge {
        /// The most the data may take, in bytes ([`MAX_BYTES`](super::MAX_BYTES)).
        max: usize,
    },
}

/// The time to store for a local action: `at`, or just after `previous` if that is later.
pub(super) fn after(previous: u64, at: u64) -> u64 {
    at.max(previous.saturating_add(1)).min(MAX_TIME)
}

impl Progress {
    /// Applies one event. `Ok(true)` means the state changed (and should be saved), `Ok(false)`
    /// that there was nothing to change. On an error the state is untouched.
    pub fn apply(&mut self, event: Event) -> Result<bool, EventError> {
        let check_size = !matches!(
            event,
            Event::TreeCleared { .. }
                | Event::ResultRemoved { .. }
                | Event::CheckCleared { .. }
                | Event::EraseAll { .. }
        );
        let mut next = self.clone();
        let changed = next.apply_unchecked(event)?;
        if changed && check_size && !super::size::fits(&next) {
            return Err(EventError::TooLarge { max: MAX_BYTES });
        }
        if changed {
            *self = next;
        }
        Ok(changed)
    }

    fn apply_unchecked(&mut self, event: Event) -> Result<bool, EventError> {
        match event {
            Event::ChapterProgressed {
                slug,
                section,
                fraction,
                at,
            } => self.progressed(slug, section, fraction, at),
            Event::MarkedRead { slug, read, at } => self.marked(slug, read, at),
            Event::TreeAnswered { tree, answers, at } => self.answered(tree, answers, at),
            Event::TreeCleared { tree, at } => self.cleared(&tree, at),
            Event::ResultRecorded { record } => self.recorded(record),
            Event::ResultRemoved { key } => Ok(self.removed(&key)),
            Event::PlanStepChanged { key, state } => self.step_changed(key, state),
            Event::CheckAnswered {
                check,
                item,
                verdict,
                at,
            } => self.check_answered(check, item, verdict, at),
            Event::CheckCleared { check, at } => self.check_cleared(&check, at),
            Event::ThemeChosen { theme, at } => {
                check_time("the event", at)?;
                if self.prefs.theme == theme {
                    return Ok(false);
                }
                self.prefs.theme = theme;
                self.prefs.theme_at = after(self.prefs.theme_at, at);
                Ok(true)
            }
            Event::AudienceChosen { audience, at } => {
                check_time("the event", at)?;
                if self.prefs.audience == audience {
                    return Ok(false);
                }
                self.prefs.audience = audience;
                self.prefs.audience_at = after(self.prefs.audience_at, at);
                Ok(true)
            }
            Event::EraseAll { at } => {
                check_time("the event", at)?;
                // Later than anything this tab knows, so that the erase wins every merge with a
                // copy made before it.
                let reset_at = after(self.latest_time(), at);
                *self = Progress {
                    reset_at,
                    ..Progress::default()
                };
                Ok(true)
            }
        }
    }

    fn chapter_entry(&mut self, slug: String) -> Result<&mut ChapterState, EventError> {
        if !self.chapters.contains_key(&slug) {
            check_count("chapters", self.chapters.len() + 1, MAX_CHAPTERS)?;
        }
        Ok(self.chapters.entry(slug).or_default())
    }

    fn progressed(
        &mut self,
        slug: String,
        section: Option<String>,
        fraction: u16,
        at: u64,
    ) -> Result<bool, EventError> {
        check_id("chapter slug", &slug)?;
        if let Some(section) = &section {
            check_id("section id", section)?;
        }
        check_fraction(fraction)?;
        check_time("the event", at)?;

        let here = Place {
            slug: slug.clone(),
            section: section.clone(),
            at: 0,
        };
        let same_place = self
            .last
            .as_ref()
            .is_some_and(|last| last.slug == here.slug && last.section == here.section);
        if let Some(chapter) = self.chapters.get(&slug) {
            let grows = fraction > chapter.fraction;
            let marks =
                fraction.max(chapter.fraction) == MAX_FRACTION && !chapter.read && !chapter.by_hand;
            if !grows && !marks && chapter.section == section && same_place {
                return Ok(false);
            }
        }

        let last_at = self.last.as_ref().map_or(0, |last| last.at);
        let chapter = self.chapter_entry(slug)?;
        chapter.fraction = chapter.fraction.max(fraction);
        chapter.section = section;
        chapter.seen_at = after(chapter.seen_at, at);
        if chapter.fraction == MAX_FRACTION && !chapter.read && !chapter.by_hand {
            chapter.read = true;
            chapter.read_at = after(chapter.read_at, at);
        }
        self.last = Some(Place {
            at: after(last_at, at),
            ..here
        });
        Ok(true)
    }

    fn marked(&mut self, slug: String, read: bool, at: u64) -> Result<bool, EventError> {
        check_id("chapter slug", &slug)?;
        check_time("the event", at)?;
        if let Some(chapter) = self.chapters.get(&slug) {
            if chapter.read == read && chapter.by_hand {
                return Ok(false);
            }
        }
        let chapter = self.chapter_entry(slug)?;
        chapter.read = read;
        chapter.by_hand = true;
        chapter.read_at = after(chapter.read_at, at);
        Ok(true)
    }

    fn answered(
        &mut self,
        tree: String,
        answers: Vec<Answer>,
        at: u64,
    ) -> Result<bool, EventError> {
        check_id("tree id", &tree)?;
        check_time("the event", at)?;
        check_answers(&answers)?;
        match self.trees.get_mut(&tree) {
            Some(current) if current.answers == answers => Ok(false),
            Some(current) => {
                current.answers = answers;
                current.at = after(current.at, at);
                Ok(true)
            }
            None if answers.is_empty() => Ok(false),
            None => {
                check_count("trees", self.trees.len() + 1, MAX_TREES)?;
                self.trees.insert(tree, TreeProgress { answers, at });
                Ok(true)
            }
        }
    }

    fn cleared(&mut self, tree: &str, at: u64) -> Result<bool, EventError> {
        check_id("tree id", tree)?;
        check_time("the event", at)?;
        match self.trees.get_mut(tree) {
            Some(current) if !current.answers.is_empty() => {
                current.answers.clear();
                current.at = after(current.at, at);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn recorded(&mut self, record: ResultRecord) -> Result<bool, EventError> {
        check_result(&record)?;
        let key = record.key();
        if self.removed_results.binary_search(&key).is_ok() {
            return Err(EventError::DuplicateResult);
        }
        match self
            .results
            .binary_search_by(|r| r.sort_key().cmp(&record.sort_key()))
        {
            Ok(index) if self.results.get(index) == Some(&record) => Ok(false),
            Ok(_) => Err(EventError::DuplicateResult),
            Err(index) => {
                check_count("results", self.results.len() + 1, MAX_RESULTS)?;
                self.results.insert(index, record);
                Ok(true)
            }
        }
    }

    fn removed(&mut self, key: &ResultKey) -> bool {
        let Ok(index) = self
            .results
            .binary_search_by(|r| r.sort_key().cmp(&key.sort_key()))
        else {
            return false;
        };
        self.results.remove(index);
        if let Err(at) = self.removed_results.binary_search(key) {
            self.removed_results.insert(at, key.clone());
        }
        forget_oldest_removals(&mut self.removed_results);
        true
    }
}

impl Progress {
    fn step_changed(&mut self, key: String, mut state: StepState) -> Result<bool, EventError> {
        check_time("the event", state.at)?;
        let previous = self.plan.get(&key);
        state.at = after(previous.map_or(0, |p| p.at), state.at);
        check_step(&key, &state)?;
        let content = |s: &StepState| (s.done, s.owner.clone(), s.due.clone(), s.added);
        match previous {
            Some(p) if content(p) == content(&state) => return Ok(false),
            Some(_) => {}
            None => check_count("plan steps", self.plan.len() + 1, MAX_PLAN_STEPS)?,
        }
        self.plan.insert(key, state);
        Ok(true)
    }

    fn check_answered(
        &mut self,
        check: String,
        item: String,
        verdict: Verdict,
        at: u64,
    ) -> Result<bool, EventError> {
        check_id("check id", &check)?;
        check_id("check item id", &item)?;
        check_time("the event", at)?;
        if !self.checks.contains_key(&check) {
            check_count("checks", self.checks.len() + 1, MAX_CHECKS)?;
        }
        let progress = self.checks.entry(check).or_default();
        let previous = progress.answers.get(&item).copied();
        if previous.is_some_and(|p| p.verdict == verdict) {
            return Ok(false);
        }
        if previous.is_none() {
            check_count(
                "answered items in one check",
                progress.answers.len() + 1,
                MAX_CHECK_ITEMS,
            )?;
        }
        let since = previous.map_or(progress.cleared_at, |p| p.at.max(progress.cleared_at));
        progress.answers.insert(
            item,
            ItemAnswer {
                verdict,
                at: after(since, at),
            },
        );
        Ok(true)
    }

    fn check_cleared(&mut self, check: &str, at: u64) -> Result<bool, EventError> {
        check_id("check id", check)?;
        check_time("the event", at)?;
        match self.checks.get_mut(check) {
            Some(progress) if !progress.answers.is_empty() => {
                let latest = progress.answers.values().map(|a| a.at).max().unwrap_or(0);
                progress.cleared_at = after(latest.max(progress.cleared_at), at);
                progress.answers.clear();
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// Keeps the newest `MAX_REMOVED` removals. Forgetting a removal can at worst let an old copy
/// of that result come back in a merge; it never loses anything the reader kept.
pub(super) fn forget_oldest_removals(removed: &mut Vec<ResultKey>) {
    if removed.len() > MAX_REMOVED {
        let excess = removed.len() - MAX_REMOVED;
        removed.drain(..excess);
    }
}
