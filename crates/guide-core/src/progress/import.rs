//! Importing an exported file: validation, a preview of what would change, then merge or replace.
//!
//! Nothing changes until [`apply_import`] is called with the reader's choice; any error leaves the
//! reader's data as it was. An export is [`export`](super::export): the same envelope as storage.

use std::collections::BTreeSet;

use thiserror::Error;

use super::envelope::{decode, DecodeError};
use super::merge::{merge, merge_import};
use super::model::{Progress, ResultKey};
use super::reducer::after;
use super::size::fits;
use super::validate::{validate, ValidationError, MAX_BYTES};

/// How an import is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep everything there is and add the file's data, by the merge rules.
    Merge,
    /// Forget everything there is and take the file's data instead.
    Replace,
}

/// Why a file cannot be imported. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The file is larger than [`MAX_BYTES`].
    #[error("the file is too large: {size} bytes, at most {MAX_BYTES}")]
    TooLarge {
        /// The file's size, in bytes.
        size: usize,
    },
    /// Not UTF-8, not JSON, or not an export of the guide.
    #[error("this file is not an export of the guide's data: {detail}")]
    WrongFormat {
        /// What was wrong, escaped and shortened.
        detail: String,
    },
    /// The file was exported by a newer version of the guide.
    #[error("this file was exported by a newer version of the guide (schema {found})")]
    NewerSchema {
        /// The schema version the file names.
        found: u64,
    },
    /// The file's data breaks a rule of the reader's data.
    #[error("this file has data the guide does not accept: {0}")]
    Invalid(#[from] ValidationError),
    /// Merged with the data there is, the result would exceed a cap or 1 MiB; replace still works.
    #[error("together with the data already here, this file would be too much to keep")]
    MergeTooLarge,
    /// With what changed while the preview was open, the result would exceed a cap or 1 MiB.
    #[error(
        "together with the changes made since the preview, this file would be too much to keep"
    )]
    ReplaceTooLarge,
}

impl From<DecodeError> for ImportError {
    fn from(error: DecodeError) -> Self {
        match error {
            DecodeError::Unreadable { detail } => ImportError::WrongFormat { detail },
            DecodeError::FromFuture { found } => ImportError::NewerSchema { found },
            DecodeError::Invalid(invalid) => ImportError::Invalid(invalid),
            DecodeError::TooLarge { size } => ImportError::TooLarge { size },
        }
    }
}

/// What one mode of import would change, in the reader's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Chapters that would become read.
    pub newly_read: Vec<String>,
    /// Chapters that are read now and would no longer be.
    pub unread: Vec<String>,
    /// Trees whose answers in progress would be different (set, changed or cleared).
    pub trees_changed: Vec<String>,
    /// Results that would be added to the history.
    pub results_added: usize,
    /// Results that would leave the history.
    pub results_removed: usize,
    /// Whether the theme or audience would change.
    pub prefs_changed: bool,
    /// Plan steps whose state (done, owner, due date, added) would be different.
    pub steps_changed: usize,
    /// Self-checks whose answers would be different.
    pub checks_changed: Vec<String>,
    /// Whether the result can be kept (within every cap and 1 MiB).
    pub fits: bool,
}

impl Changes {
    fn between(before: &Progress, after: &Progress) -> Changes {
        let read = |p: &Progress| -> BTreeSet<String> {
            p.chapters
                .iter()
                .filter(|(_, c)| c.read)
                .map(|(slug, _)| slug.clone())
                .collect()
        };
        let (read_before, read_after) = (read(before), read(after));
        let keys =
            |p: &Progress| -> BTreeSet<ResultKey> { p.results.iter().map(|r| r.key()).collect() };
        let (keys_before, keys_after) = (keys(before), keys(after));
        let trees: BTreeSet<&String> = before.trees.keys().chain(after.trees.keys()).collect();
        Changes {
            newly_read: read_after.difference(&read_before).cloned().collect(),
            unread: read_before.difference(&read_after).cloned().collect(),
            trees_changed: trees
                .into_iter()
                .filter(|tree| before.answers(tree) != after.answers(tree))
                .cloned()
                .collect(),
            results_added: keys_after.difference(&keys_before).count(),
            results_removed: keys_before.difference(&keys_after).count(),
            prefs_changed: before.prefs.theme != after.prefs.theme
                || before.prefs.audience != after.prefs.audience,
            steps_changed: before
                .plan
                .keys()
                .chain(after.plan.keys())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|key| {
                    let content = |p: &Progress| {
                        p.plan
                            .get(*key)
                            .map(|s| (s.done, s.owner.clone(), s.due.clone(), s.added))
                    };
                    content(before) != content(after)
                })
                .count(),
            checks_changed: before
                .checks
                .keys()
                .chain(after.checks.keys())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|check| before.check_answers(check) != after.check_answers(check))
                .cloned()
                .collect(),
            fits: validate(after).is_ok() && fits(after),
        }
    }

    /// Whether this mode would change nothing the reader could see.
    pub fn is_empty(&self) -> bool {
        self.newly_read.is_empty()
            && self.unread.is_empty()
            && self.trees_changed.is_empty()
            && self.results_added == 0
            && self.results_removed == 0
            && !self.prefs_changed
            && self.steps_changed == 0
            && self.checks_changed.is_empty()
    }
}

/// A checked import, with what each mode would change. Made only by [`preview_import`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    current: Progress,
    /// When the preview was made: a replace forgets what was there up to this moment, not what
    /// changed while the reader looked at the preview.
    at: u64,
    imported: Progress,
    merged: Progress,
    /// The content version the file was exported with.
    pub content: String,
    /// The schema the file was migrated from, if older.
    pub migrated_from: Option<u32>,
    /// What "merge" would change.
    pub merge: Changes,
    /// What "replace" would change.
    pub replace: Changes,
}

impl ImportPreview {
    /// The file's data, as it would be after a replace.
    pub fn imported(&self) -> &Progress {
        &self.imported
    }
}

/// Checks a file and tells what merging or replacing would change. `current` is the reader's
/// data now, `at` the time now.
pub fn preview_import(
    bytes: &[u8],
    current: &Progress,
    at: u64,
) -> Result<ImportPreview, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::WrongFormat {
        detail: "the file is not text (UTF-8)".to_owned(),
    })?;
    let decoded = decode(text)?;
    let merged = merge_import(current, &decoded.progress);
    Ok(ImportPreview {
        merge: Changes::between(current, &merged),
        replace: Changes::between(current, &decoded.progress),
        current: current.clone(),
        at,
        imported: decoded.progress,
        merged,
        content: decoded.content,
        migrated_from: decoded.migrated_from,
    })
}

/// The reader's data after the import, in the chosen mode, applied to `live`: the reader's data
/// as it is at this moment, which may have changed since the preview (another tab, the theme or
/// the audience chosen while the preview was open). Those changes are kept in both modes; a
/// replace forgets what was there when the preview was made, and takes the file's data instead.
pub fn apply_import(
    preview: ImportPreview,
    mode: ImportMode,
    live: &Progress,
) -> Result<Progress, ImportError> {
    let result = match mode {
        ImportMode::Merge => merge_import(live, &preview.imported),
        ImportMode::Replace => {
            let mut replaced = preview.imported;
            // Later than anything the reader saw in the preview, so the replace wins every merge
            // with a copy of that data (another tab's), and earlier than anything changed since.
            replaced.reset_at = after(preview.current.latest_time(), preview.at);
            merge(live, &replaced)
        }
    };
    if validate(&result).is_ok() && fits(&result) {
        Ok(result)
    } else {
        Err(match mode {
            ImportMode::Merge => ImportError::MergeTooLarge,
            ImportMode::Replace => ImportError::ReplaceTooLarge,
        })
    }
}
