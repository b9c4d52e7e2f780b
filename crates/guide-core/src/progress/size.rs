//! Whether the reader's data still fits in one export file (1 MiB), decided cheaply on every
//! change: a generous upper bound first, a real count of the JSON only when the bound is not
//! enough to tell.

use std::io;

use super::envelope::{EnvelopeOut, SCHEMA};
use super::model::Progress;
use super::validate::{MAX_BYTES, MAX_CONTENT_VERSION_LEN};

/// Counts bytes without keeping them.
struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The size of the export file of a state, with the longest content version.
fn export_len(progress: &Progress) -> Option<usize> {
    let content = "x".repeat(MAX_CONTENT_VERSION_LEN);
    let envelope = EnvelopeOut {
        schema: SCHEMA,
        content: &content,
        payload: progress,
    };
    let mut counter = Counter(0);
    serde_json::to_writer_pretty(&mut counter, &envelope).ok()?;
    Some(counter.0)
}

/// An upper bound of [`export_len`], cheap to compute: each item's strings plus a generous
/// allowance for its keys, numbers, quotes and indentation (ids need no escaping).
fn export_len_bound(progress: &Progress) -> usize {
    const ENVELOPE: usize = 2048;
    const CHAPTER: usize = 600;
    const PLACE: usize = 400;
    const TREE: usize = 300;
    const ANSWER: usize = 500;
    const RESULT: usize = 800;
    const DIMENSION: usize = 200;
    const REMOVED: usize = 500;
    let answers = |answers: &[super::model::Answer]| -> usize {
        answers
            .iter()
            .map(|a| ANSWER + a.question.len() + a.option.len())
            .sum()
    };
    let section = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    let chapters: usize = progress
        .chapters
        .iter()
        .map(|(slug, c)| CHAPTER + slug.len() + section(&c.section))
        .sum();
    let last = progress
        .last
        .as_ref()
        .map_or(0, |p| PLACE + p.slug.len() + section(&p.section));
    let trees: usize = progress
        .trees
        .iter()
        .map(|(id, t)| TREE + id.len() + answers(&t.answers))
        .sum();
    let results: usize = progress
        .results
        .iter()
        .map(|r| {
            let dimensions: usize = r.scores.keys().map(|k| DIMENSION + k.len()).sum();
            RESULT + r.tree.len() + r.result.len() + answers(&r.answers) + dimensions
        })
        .sum();
    let removed: usize = progress
        .removed_results
        .iter()
        .map(|k| REMOVED + k.tree.len() + k.result.len())
        .sum();
    // A step's owner is free text: each character may be escaped as `\uXXXX` (6 bytes), or
    // take 4 bytes of UTF-8.
    const STEP: usize = 500;
    const CHECK: usize = 300;
    const ITEM: usize = 300;
    let plan: usize = progress
        .plan
        .iter()
        .map(|(key, step)| STEP + key.len() + 6 * step.owner.chars().count() + step.due.len())
        .sum();
    let checks: usize = progress
        .checks
        .iter()
        .map(|(id, check)| {
            let items: usize = check.answers.keys().map(|item| ITEM + item.len()).sum();
            CHECK + id.len() + items
        })
        .sum();
    ENVELOPE + chapters + last + trees + results + removed + plan + checks
}

/// Whether a state fits in one export file (and so, compact, in storage). Serializes only when
/// the cheap bound is not enough to tell.
pub(in crate::progress) fn fits(progress: &Progress) -> bool {
    export_len_bound(progress) <= MAX_BYTES
        || export_len(progress).is_some_and(|len| len <= MAX_BYTES)
}
#[cfg(test)]
mod tests {
    use super::super::model::{
        Answer, ChapterState, CheckProgress, ItemAnswer, Place, Progress, ResultKey, ResultRecord,
        StepState, TreeProgress,
    };
    use super::super::validate::{
        MAX_ANSWERS, MAX_CHECK_ITEMS, MAX_DIMENSIONS, MAX_ID_LEN, MAX_OWNER_CHARS, MAX_TIME,
    };
    use super::{export_len, export_len_bound};
    use crate::conformance::Verdict;

    /// The longest id, distinct per `n`.
    fn id(n: usize) -> String {
        let tail = n.to_string();
        format!("{}{tail}", "z".repeat(MAX_ID_LEN - tail.len()))
    }

    fn answers(count: usize) -> Vec<Answer> {
        (0..count)
            .map(|n| Answer {
                question: id(n),
                option: id(n),
                question_hash: u64::MAX,
                at: MAX_TIME,
            })
            .collect()
    }

    fn check(what: &str, progress: &Progress) {
        let real = export_len(progress).unwrap_or(usize::MAX);
        let bound = export_len_bound(progress);
        assert!(bound >= real, "{what}: bound {bound} < real {real}");
    }

    /// Many of each kind of item at their longest, so that no allowance hides behind another.
    #[test]
    fn the_size_bound_is_above_the_real_size_for_the_longest_values() {
        let mut chapters = Progress::default();
        for n in 0..200 {
            chapters.chapters.insert(
                id(n),
                ChapterState {
                    read: false,
                    read_at: MAX_TIME,
                    by_hand: false,
                    fraction: 1000,
                    section: Some(id(n)),
                    seen_at: MAX_TIME,
                },
            );
        }
        chapters.last = Some(Place {
            slug: id(0),
            section: Some(id(0)),
            at: MAX_TIME,
        });
        check("chapters", &chapters);

        let mut trees = Progress::default();
        for n in 0..50 {
            trees.trees.insert(
                id(n),
                TreeProgress {
                    answers: answers(if n == 0 { MAX_ANSWERS } else { 0 }),
                    at: MAX_TIME,
                },
            );
        }
        check("trees", &trees);

        let mut results = Progress::default();
        for n in 0..100 {
            results.results.push(ResultRecord {
                tree: id(n),
                result: id(n),
                answers: answers(if n == 0 { MAX_ANSWERS } else { 1 }),
                scores: (0..MAX_DIMENSIONS).map(|d| (id(d), i64::MIN)).collect(),
                total: i64::MIN,
                at: MAX_TIME,
            });
            results.removed_results.push(ResultKey {
                tree: id(n),
                result: id(n),
                at: MAX_TIME,
            });
        }
        check("results", &results);

        let mut prefs = Progress::default();
        prefs.prefs.theme_at = MAX_TIME;
        prefs.prefs.audience = Some(crate::book::Audience::Executives);
        prefs.prefs.audience_at = MAX_TIME;
        prefs.reset_at = MAX_TIME;
        check("preferences", &prefs);

        let mut plan = Progress::default();
        for n in 0..200 {
            // Control-like characters the validator allows but JSON escapes, at the most.
            let owner: String = std::iter::repeat_n('\u{7f}', MAX_OWNER_CHARS).collect();
            plan.plan.insert(
                format!("{}.{}.{}", id(n), id(n), id(n)),
                StepState {
                    at: MAX_TIME,
                    done: true,
                    owner: if n % 2 == 0 {
                        owner
                    } else {
                        "\"".repeat(MAX_OWNER_CHARS)
                    },
                    due: "2026-12-31".into(),
                    added: true,
                },
            );
        }
        check("plan", &plan);

        let mut checks = Progress::default();
        for n in 0..5 {
            checks.checks.insert(
                id(n),
                CheckProgress {
                    answers: (0..MAX_CHECK_ITEMS)
                        .map(|i| {
                            (
                                id(i),
                                ItemAnswer {
                                    at: MAX_TIME,
                                    verdict: Verdict::DontKnow,
                                },
                            )
                        })
                        .collect(),
                    cleared_at: MAX_TIME,
                },
            );
        }
        check("checks", &checks);
    }
}
