//! The reader's data: reading progress, decision-tree answers, results history, preferences, the
//! reader's work on their plan and their self-check answers.
//!
//! All of it lives in the reader's browser, so this module is built to be trusted with months of
//! work. It is pure: the view's storage adapter reads and writes strings, reads the clock and
//! shows notices; everything that can be decided without a browser is decided here.
//!
//! - [`Progress`] is the state, changed only by [`Progress::apply`] with an [`Event`].
//! - [`encode`] / [`decode`] write and read the versioned envelope stored under [`storage_key`];
//!   [`LoadOutcome`] tells the adapter what to do with what it found. Older schemas migrate
//!   forward; unreadable, newer or invalid data is reported, never overwritten.
//! - [`merge`] joins this tab's data with another tab's (the `storage` event).
//! - [`export`], [`preview_import`] and [`apply_import`] move the data between browsers.
//! - [`flags`] points out stored data that the content no longer matches.
//! - [`plan_save`] and [`plan_backup`] decide what the storage adapter writes: nothing is ever
//!   written over data that cannot be read, and a save merges what is stored first.
//!
//! Every id stored (chapter slug, section, tree, question, option, result, score dimension, check,
//! item) is 1 to 80 characters of `a-z`, `0-9` and `-`; a plan step's key is two or three such ids
//! joined by dots; the only free text is a step's owner, short and without control characters;
//! every list has a cap (see the `MAX_` constants).

mod envelope;
mod flags;
mod import;
mod keys;
mod merge;
mod model;
mod reducer;
mod schema;
mod size;
mod storage;
mod validate;

pub use envelope::{
    decode, encode, export, DecodeError, Decoded, EncodeError, LoadOutcome, OLDEST_SCHEMA, SCHEMA,
};
pub use flags::{flags, Flag};
pub use import::{apply_import, preview_import, Changes, ImportError, ImportMode, ImportPreview};
pub use keys::{
    backup_index_key, backup_key_prefix, keys_to_read, legacy_backup_key, plan_backup,
    read_backup_index, storage_key, storage_key_for, workshop_key, Backup, BackupPlan, KeyError,
    MAX_BACKUPS,
};
pub use merge::merge;
pub use model::{
    Answer, ChapterState, ChapterStatus, CheckProgress, ItemAnswer, Place, Prefs, Progress,
    ResultKey, ResultRecord, StepState, Theme, TreeProgress,
};
pub use reducer::{Event, EventError};
pub use storage::{plan_save, value_hash, SavePlan};
pub use validate::{
    is_valid_content_version, validate, ValidationError, MAX_ANSWERS, MAX_BYTES, MAX_CHAPTERS,
    MAX_CHECKS, MAX_CHECK_ITEMS, MAX_CONTENT_VERSION_LEN, MAX_DIMENSIONS, MAX_FRACTION, MAX_ID_LEN,
    MAX_OWNER_CHARS, MAX_PLAN_STEPS, MAX_REMOVED, MAX_RESULTS, MAX_TIME, MAX_TREES,
};
