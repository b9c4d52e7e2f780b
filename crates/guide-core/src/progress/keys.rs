//! Where the reader's data lives in the browser's storage: the key of each schema version, and
//! the backups of stored values that could not be read.
//!
//! Every key starts with `ospo-guide:<namespace>:`, so that several guides (or widgets of several
//! hosts) on one origin keep their data apart. A value that cannot be read is never overwritten:
//! it is copied to a backup of its own, keyed by its hash, so that a second unreadable value
//! found later (after the reader started fresh, say) does not destroy the first copy. An index
//! lists the backups with their times; the newest [`MAX_BACKUPS`] are kept.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::envelope::{OLDEST_SCHEMA, SCHEMA};
use super::validate::{preview, MAX_TIME};
use crate::hash::fnv1a64;
use crate::id::{is_valid_namespace, MAX_NAMESPACE_LEN};

/// How many backups of unreadable values are kept per namespace (the newest).
pub const MAX_BACKUPS: usize = 5;

/// Why a namespace cannot be used in a storage key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    /// The namespace is empty, too long or has characters other than `a-z`, `0-9` and `-`.
    #[error(
        "the namespace must be 1 to {MAX_NAMESPACE_LEN} characters of a-z, 0-9 and -: {namespace}"
    )]
    BadNamespace {
        /// A short, escaped and quoted preview of the namespace.
        namespace: String,
    },
}

fn prefix(namespace: &str) -> Result<String, KeyError> {
    if is_valid_namespace(namespace) {
        Ok(format!("ospo-guide:{namespace}:"))
    } else {
        Err(KeyError::BadNamespace {
            namespace: preview(namespace),
        })
    }
}

/// The key the current schema is stored under: `ospo-guide:<namespace>:v<SCHEMA>`.
pub fn storage_key(namespace: &str) -> Result<String, KeyError> {
    storage_key_for(namespace, SCHEMA)
}

/// The key a given schema version is (or was) stored under: `ospo-guide:<namespace>:v<schema>`.
pub fn storage_key_for(namespace: &str, schema: u32) -> Result<String, KeyError> {
    Ok(format!("{}v{schema}", prefix(namespace)?))
}

/// The keys to look in when loading, newest schema first. Load from the first key that holds a
/// value (even if that value turns out unreadable: it is the newest data and must be kept).
pub fn keys_to_read(namespace: &str) -> Result<Vec<String>, KeyError> {
    (OLDEST_SCHEMA..=SCHEMA)
        .rev()
        .map(|schema| storage_key_for(namespace, schema))
        .collect()
}

/// The key a workshop is kept under (`ospo-guide:<namespace>:workshop`), apart from the reader's
/// own data: colleagues' answers never mix with the reader's.
pub fn workshop_key(namespace: &str) -> Result<String, KeyError> {
    Ok(format!("{}workshop", prefix(namespace)?))
}

/// The single backup key of earlier versions (`ospo-guide:<namespace>:backup`). It is still
/// listed and never removed.
pub fn legacy_backup_key(namespace: &str) -> Result<String, KeyError> {
    Ok(format!("{}backup", prefix(namespace)?))
}

/// The start of every backup key of a namespace: `ospo-guide:<namespace>:backup:`.
pub fn backup_key_prefix(namespace: &str) -> Result<String, KeyError> {
    Ok(format!("{}backup:", prefix(namespace)?))
}

/// The key of the index of backups: `ospo-guide:<namespace>:backups`.
pub fn backup_index_key(namespace: &str) -> Result<String, KeyError> {
    Ok(format!("{}backups", prefix(namespace)?))
}

/// One kept copy of an unreadable value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// The storage key that holds the copy.
    pub key: String,
    /// When the copy was made (milliseconds).
    pub at: u64,
    /// The copy's size in bytes.
    pub bytes: usize,
}

/// What to write to keep a copy of an unreadable value, made by [`plan_backup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPlan {
    /// Where to write the value (`None`: an identical copy is already kept).
    pub write: Option<String>,
    /// The new index, to write under [`backup_index_key`] after the copy.
    pub index: String,
    /// Older copies to remove after both writes succeeded, oldest first.
    pub remove: Vec<String>,
}

/// The backups listed in an index value, newest last. An unreadable index lists nothing (its
/// copies stay in storage and are found by their key prefix).
pub fn read_backup_index(raw: Option<&str>) -> Vec<Backup> {
    let mut list: Vec<Backup> = raw
        .and_then(|raw| serde_json::from_str(raw).ok())
        .unwrap_or_default();
    list.sort_by(|a, b| (a.at, &a.key).cmp(&(b.at, &b.key)));
    list
}

/// Decides how to keep a copy of `raw`, found unreadable at `at`, given the index as stored.
/// Each distinct value gets its own key (its FNV-1a hash); the same value found again is not
/// copied twice; beyond [`MAX_BACKUPS`] the oldest copies are removed.
pub fn plan_backup(
    namespace: &str,
    index: Option<&str>,
    raw: &str,
    at: u64,
) -> Result<BackupPlan, KeyError> {
    let key = format!(
        "{}{:016x}",
        backup_key_prefix(namespace)?,
        fnv1a64(raw.as_bytes())
    );
    let mut list = read_backup_index(index);
    let already = list.iter().any(|b| b.key == key);
    if !already {
        list.push(Backup {
            key: key.clone(),
            at: at.min(MAX_TIME),
            bytes: raw.len(),
        });
    }
    let excess = list.len().saturating_sub(MAX_BACKUPS);
    let remove = list.drain(..excess).map(|b| b.key).collect();
    Ok(BackupPlan {
        write: (!already).then_some(key),
        index: serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned()),
        remove,
    })
}
