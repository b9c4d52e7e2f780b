//! Schema 2 (frozen: never change it): `chapters`, `last`, `trees`, `results`,
//! `removed_results`, `prefs`, `reset_at`. It migrates to schema 3 with no plan and no
//! self-check answers.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::super::model::{
    ChapterState, Place, Prefs, Progress, ResultKey, ResultRecord, TreeProgress,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::progress) struct PayloadV2 {
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
}
impl From<PayloadV2> for Progress {
    fn from(v2: PayloadV2) -> Progress {
        Progress {
            chapters: v2.chapters,
            last: v2.last,
            trees: v2.trees,
            results: v2.results,
            removed_results: v2.removed_results,
            prefs: v2.prefs,
            reset_at: v2.reset_at,
            plan: BTreeMap::new(),
            checks: BTreeMap::new(),
        }
    }
}
