//! What the storage adapter does with what it finds, decided here so that it is tested natively:
//! the adapter only reads and writes strings, and reports what it could not do.
//!
//! - Loading: [`LoadOutcome::from_stored`] says whether to start fresh, use the stored data, or
//!   keep it untouched; [`plan_backup`](super::plan_backup) where to copy what is kept.
//! - Saving: [`plan_save`] reads what is stored *now* before writing, and merges it in. Several
//!   parts of one page may keep the same namespace (two widgets left at the default, say), and a
//!   browser never tells a page about its own writes; reading before writing is what keeps one
//!   part's save from erasing another's. What is stored now may also have become unreadable
//!   (another tab running a newer version, a damaged value): then nothing is written over it.

use super::envelope::{decode, encode, DecodeError, EncodeError};
use super::merge::merge;
use super::model::Progress;
use crate::hash::fnv1a64;

/// What to do to save a state, decided by [`plan_save`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavePlan {
    /// Write `value` under the storage key. If `merged` is set, what was stored held changes
    /// this state lacked (another part of the page, or another tab): the state becomes `merged`.
    Write {
        /// The encoded state to write.
        value: String,
        /// The state merged with what was stored, if that differs from the state saved.
        merged: Option<Progress>,
    },
    /// Storage already holds this state (after merging in `merged`, if set): write nothing.
    Unchanged {
        /// The state merged with what was stored, if that differs from the state saved.
        merged: Option<Progress>,
    },
    /// The state cannot be stored (over a cap, or over 1 MiB): it stays in memory only.
    Refused {
        /// Why it cannot be stored.
        error: EncodeError,
    },
    /// What is stored now cannot be read; it must not be overwritten.
    Kept {
        /// Why the stored value cannot be read.
        reason: DecodeError,
        /// The stored value as found, to copy to a backup.
        raw: String,
    },
}

/// The hash that identifies a stored value, so that "start fresh over *this* unreadable value"
/// never overwrites a different one found later.
pub fn value_hash(raw: &str) -> u64 {
    fnv1a64(raw.as_bytes())
}

/// Decides how to save `local`, given the value stored under the key now (`None`: nothing).
///
/// `replaceable` is the [`value_hash`] of an unreadable value the reader agreed to replace
/// ("start fresh"); any other unreadable value is kept. `content` is the content version the
/// guide was built with.
pub fn plan_save(
    local: &Progress,
    stored: Option<&str>,
    replaceable: Option<u64>,
    content: &str,
) -> SavePlan {
    let stored_progress = match stored {
        None => None,
        Some(raw) => match decode(raw) {
            Ok(decoded) => Some(decoded.progress),
            Err(_) if replaceable == Some(value_hash(raw)) => None,
            Err(reason) => {
                return SavePlan::Kept {
                    reason,
                    raw: raw.to_owned(),
                }
            }
        },
    };
    let state = match &stored_progress {
        Some(stored) => merge(local, stored),
        None => local.clone(),
    };
    let merged = (state != *local).then(|| state.clone());
    match encode(&state, content) {
        Ok(value) if stored == Some(value.as_str()) => SavePlan::Unchanged { merged },
        Ok(value) => SavePlan::Write { value, merged },
        Err(error) => SavePlan::Refused { error },
    }
}
