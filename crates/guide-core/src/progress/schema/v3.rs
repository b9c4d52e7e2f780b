//! Schema 3: the fields of [`Progress`]: those of schema 2, and `plan` (the reader's work on
//! their plan steps) and `checks` (self-check answers).
//!
//! `PayloadV3` repeats `Progress`'s fields by hand, so that the stored form is checked strictly
//! (`deny_unknown_fields`) whatever `Progress` gains. This is the one place where adding a field
//! to `Progress` can break round-tripping: the round-trip test in `tests/progress_envelope.rs`
//! catches it.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::super::model::{
    ChapterState, CheckProgress, Place, Prefs, Progress, ResultKey, ResultRecord, StepState,
    TreeProgress,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::progress) struct PayloadV3 {
    #[serde(default)]
    chapters: BTreeMap<String, ChapterState>,
    #[serde(default)]
    last: Option<Place>,
    #[serde(default)]
    trees: BTreeMap<String, TreeProgress>,
    #[serde(default)]
    results: Vec<ResultRecord>,
    #[serde(default)]
    removed_results: Vec<ResultKey>,
    #[serde(default)]
    prefs: Prefs,
    #[serde(default)]
    reset_at: u64,
    #[serde(default)]
    plan: BTreeMap<String, StepState>,
    #[serde(default)]
    checks: BTreeMap<String, CheckProgress>,
}

impl From<PayloadV3> for Progress {
    fn from(v3: PayloadV3) -> Progress {
        Progress {
            chapters: v3.chapters,
            last: v3.last,
            trees: v3.trees,
            results: v3.results,
            removed_results: v3.removed_results,
            prefs: v3.prefs,
            reset_at: v3.reset_at,
            plan: v3.plan,
            checks: v3.checks,
        }
    }
}
