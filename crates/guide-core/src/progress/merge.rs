//! Merging two copies of the reader's data: another tab's, or an imported file's.
//!
//! Every rule takes the larger of two values under a total order, so a merge is commutative
//! (`merge(a, b) == merge(b, a)`), idempotent (`merge(a, a) == a`) and has the empty state as
//! identity. The rules:
//!
//! - **Read flag** of a chapter: the most recent wins (by `read_at`), so a later unmark beats an
//!   earlier read and a later read beats an earlier unmark; on a tie, read wins (union).
//! - **Fraction**: the larger. **Section** of a chapter and the **last place**: the most recent.
//! - **Tree answers**: per tree, the most recent list as a whole. A list is an ordered path
//!   through the tree (each answer decides the next question), so mixing answers per question
//!   from two lists could make a path that the tree cannot produce. A clear is an empty list with
//!   a time and wins like any other list.
//! - **Results**: the union, one per (tree, result, at), minus those removed in either copy.
//! - **Preferences**: per preference, the most recently chosen.
//! - **Plan steps**: per step, the most recent state as a whole (done, owner, due date, added).
//! - **Self-check answers**: per item, the most recent verdict; a fresh start of a check removes
//!   every verdict given before it, in either copy.
//! - **Erase and replace**: a copy with a later `reset_at` was erased (or replaced by an import)
//!   after the other copy's reset. Of the other copy only what changed after that moment is kept;
//!   everything older stays erased.
//!
//! A merge of two valid states can exceed a cap (two tabs near the limits); `encode` then refuses
//! to write it and the adapter keeps it in memory.

use std::collections::BTreeMap;

use super::model::{
    ChapterState, CheckProgress, Prefs, Progress, ResultKey, ResultRecord, TreeProgress,
};
use super::reducer::forget_oldest_removals;

/// Merges this tab's data with another copy (another tab's, or an import in merge mode).
pub fn merge(local: &Progress, remote: &Progress) -> Progress {
    use std::cmp::Ordering;
    match local.reset_at.cmp(&remote.reset_at) {
        Ordering::Equal => union(local, remote, local.reset_at),
        Ordering::Greater => union(local, &since(remote, local.reset_at), local.reset_at),
        Ordering::Less => union(remote, &since(local, remote.reset_at), remote.reset_at),
    }
}

/// Merges an imported copy in, keeping everything of both whatever their erase times: the reader
/// asked for the import's content explicitly.
pub(super) fn merge_import(current: &Progress, imported: &Progress) -> Progress {
    union(current, imported, current.reset_at)
}

/// What of `progress` happened strictly after `cutoff`.
fn since(progress: &Progress, cutoff: u64) -> Progress {
    let mut chapters = BTreeMap::new();
    for (slug, chapter) in &progress.chapters {
        let mut kept = ChapterState::default();
        if chapter.read_at > cutoff {
            kept.read = chapter.read;
            kept.read_at = chapter.read_at;
            kept.by_hand = chapter.by_hand;
        }
        if chapter.seen_at > cutoff {
            kept.fraction = chapter.fraction;
            kept.section = chapter.section.clone();
            kept.seen_at = chapter.seen_at;
        }
        if kept != ChapterState::default() {
            chapters.insert(slug.clone(), kept);
        }
    }
    let mut prefs = Prefs::default();
    if progress.prefs.theme_at > cutoff {
        prefs.theme = progress.prefs.theme;
        prefs.theme_at = progress.prefs.theme_at;
    }
    if progress.prefs.audience_at > cutoff {
        prefs.audience = progress.prefs.audience;
        prefs.audience_at = progress.prefs.audience_at;
    }
    Progress {
        chapters,
        last: progress.last.clone().filter(|place| place.at > cutoff),
        trees: progress
            .trees
            .iter()
            .filter(|(_, tree)| tree.at > cutoff)
            .map(|(id, tree)| (id.clone(), tree.clone()))
            .collect(),
        results: progress
            .results
            .iter()
            .filter(|r| r.at > cutoff)
            .cloned()
            .collect(),
        removed_results: progress
            .removed_results
            .iter()
            .filter(|k| k.at > cutoff)
            .cloned()
            .collect(),
        prefs,
        reset_at: cutoff,
        plan: progress
            .plan
            .iter()
            .filter(|(_, step)| step.at > cutoff)
            .map(|(key, step)| (key.clone(), step.clone()))
            .collect(),
        checks: progress
            .checks
            .iter()
            .map(|(id, check)| (id.clone(), check_since(check, cutoff)))
            .filter(|(_, check)| *check != CheckProgress::default())
            .collect(),
    }
}

/// What of a self-check's answers happened strictly after `cutoff`.
fn check_since(check: &CheckProgress, cutoff: u64) -> CheckProgress {
    CheckProgress {
        answers: check
            .answers
            .iter()
            .filter(|(_, a)| a.at > cutoff)
            .map(|(item, a)| (item.clone(), *a))
            .collect(),
        cleared_at: if check.cleared_at > cutoff {
            check.cleared_at
        } else {
            0
        },
    }
}

fn merge_check(a: &CheckProgress, b: &CheckProgress) -> CheckProgress {
    let cleared_at = a.cleared_at.max(b.cleared_at);
    let answers = union_maps(&a.answers, &b.answers, |x, y| *x.max(y))
        .into_iter()
        .filter(|(_, answer)| answer.at > cleared_at)
        .collect();
    CheckProgress {
        answers,
        cleared_at,
    }
}

fn merge_chapter(a: &ChapterState, b: &ChapterState) -> ChapterState {
    let flag = |c: &ChapterState| (c.read_at, c.read, c.by_hand);
    let position = |c: &ChapterState| (c.seen_at, c.section.clone());
    let (read_at, read, by_hand) = flag(a).max(flag(b));
    let (seen_at, section) = position(a).max(position(b));
    ChapterState {
        read,
        read_at,
        by_hand,
        fraction: a.fraction.max(b.fraction),
        section,
        seen_at,
    }
}

fn union_maps<V: Clone>(
    a: &BTreeMap<String, V>,
    b: &BTreeMap<String, V>,
    both: impl Fn(&V, &V) -> V,
) -> BTreeMap<String, V> {
    let mut out = a.clone();
    for (key, theirs) in b {
        let merged = match a.get(key) {
            Some(ours) => both(ours, theirs),
            None => theirs.clone(),
        };
        out.insert(key.clone(), merged);
    }
    out
}

fn merge_tree(a: &TreeProgress, b: &TreeProgress) -> TreeProgress {
    let key = |t: &TreeProgress| (t.at, t.answers.clone());
    let (at, answers) = key(a).max(key(b));
    TreeProgress { answers, at }
}

fn merge_prefs(a: &Prefs, b: &Prefs) -> Prefs {
    let (theme_at, theme) = (a.theme_at, a.theme).max((b.theme_at, b.theme));
    let (audience_at, audience) = (a.audience_at, a.audience).max((b.audience_at, b.audience));
    Prefs {
        theme,
        theme_at,
        audience,
        audience_at,
    }
}

fn union(a: &Progress, b: &Progress, reset_at: u64) -> Progress {
    let last_key = |p: &super::model::Place| (p.at, p.slug.clone(), p.section.clone());
    let last = match (&a.last, &b.last) {
        (Some(x), Some(y)) => Some(if last_key(x) >= last_key(y) { x } else { y }.clone()),
        (x, y) => x.clone().or_else(|| y.clone()),
    };

    let mut removed: Vec<ResultKey> = a
        .removed_results
        .iter()
        .chain(&b.removed_results)
        .cloned()
        .collect();
    removed.sort();
    removed.dedup();

    let mut results: BTreeMap<ResultKey, ResultRecord> = BTreeMap::new();
    for record in a.results.iter().chain(&b.results) {
        let key = record.key();
        if removed.binary_search(&key).is_ok() {
            continue;
        }
        match results.get(&key) {
            Some(existing) if existing >= record => {}
            _ => {
                results.insert(key, record.clone());
            }
        }
    }
    forget_oldest_removals(&mut removed);

    Progress {
        chapters: union_maps(&a.chapters, &b.chapters, merge_chapter),
        last,
        trees: union_maps(&a.trees, &b.trees, merge_tree),
        results: results.into_values().collect(),
        removed_results: removed,
        prefs: merge_prefs(&a.prefs, &b.prefs),
        reset_at,
        plan: union_maps(&a.plan, &b.plan, |x, y| x.max(y).clone()),
        checks: union_maps(&a.checks, &b.checks, merge_check),
    }
}
