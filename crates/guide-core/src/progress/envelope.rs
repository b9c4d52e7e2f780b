//! The stored form of the reader's data: storage keys, the versioned JSON envelope, decoding with
//! migration from older schemas, and what the storage adapter should do with what it found.
//!
//! An envelope is `{ "schema": N, "content": "<content version>", "payload": { ... } }`. Unknown
//! fields of the envelope are ignored (they cannot hold reader data); unknown fields inside the
//! payload are rejected, so that data written by a newer version under the same schema number is
//! kept untouched instead of being silently dropped on the next save. Any new payload field
//! therefore needs a new schema version.
//!
//! Schema history (each has a frozen fixture in `tests/fixtures/progress/`):
//!
//! - **1**: `{ "read": [slugs], "last": { "slug", "section" } | null, "theme": "auto" | "light" |
//!   "dark" }`. No times, no fractions, no trees.
//! - **2** (current): the fields of [`Progress`]: `chapters`, `last`, `trees`, `results`,
//!   `removed_results`, `prefs`, `reset_at`.

use std::collections::BTreeMap;
use std::io;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::model::{
    ChapterState, Place, Prefs, Progress, ResultKey, ResultRecord, Theme, TreeProgress,
};
use super::validate::{
    check_content_version, check_count, check_id, preview, sort_lists, validate, ValidationError,
    MAX_BYTES, MAX_CHAPTERS, MAX_CONTENT_VERSION_LEN,
};

/// The schema version this build writes.
pub const SCHEMA: u32 = 2;
/// The oldest schema version this build can read.
pub const OLDEST_SCHEMA: u32 = 1;
/// The longest namespace.
pub const MAX_NAMESPACE_LEN: usize = 40;

/// Why a namespace cannot be used in a storage key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    #[error(
        "the namespace must be 1 to {MAX_NAMESPACE_LEN} characters of a-z, 0-9 and -: {namespace}"
    )]
    BadNamespace { namespace: String },
}

fn check_namespace(namespace: &str) -> Result<(), KeyError> {
    let ok = !namespace.is_empty()
        && namespace.len() <= MAX_NAMESPACE_LEN
        && namespace
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(KeyError::BadNamespace {
            namespace: preview(namespace),
        })
    }
}

/// The key the current schema is stored under: `ospo-guide:<namespace>:v2`.
pub fn storage_key(namespace: &str) -> Result<String, KeyError> {
    storage_key_for(namespace, SCHEMA)
}

/// The key a given schema version is (or was) stored under: `ospo-guide:<namespace>:v<schema>`.
pub fn storage_key_for(namespace: &str, schema: u32) -> Result<String, KeyError> {
    check_namespace(namespace)?;
    Ok(format!("ospo-guide:{namespace}:v{schema}"))
}

/// The key where kept (unreadable, newer or invalid) data is copied: `ospo-guide:<namespace>:backup`.
pub fn backup_key(namespace: &str) -> Result<String, KeyError> {
    check_namespace(namespace)?;
    Ok(format!("ospo-guide:{namespace}:backup"))
}

/// The keys to look in when loading, newest schema first. Load from the first key that holds a
/// value (even if that value turns out unreadable: it is the newest data and must be kept).
pub fn keys_to_read(namespace: &str) -> Result<Vec<String>, KeyError> {
    (OLDEST_SCHEMA..=SCHEMA)
        .rev()
        .map(|schema| storage_key_for(namespace, schema))
        .collect()
}

/// Why stored or imported text could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON, or JSON that is not an envelope (no numeric `schema`, string `content` and
    /// object `payload`), or a schema older than any this build knows.
    #[error("the data is not readable as the guide's data: {detail}")]
    Unreadable { detail: String },
    /// Written by a newer version of the guide.
    #[error("the data was written by a newer version of the guide (schema {found})")]
    FromFuture { found: u64 },
    /// An envelope whose payload breaks a rule.
    #[error("the data is not valid: {0}")]
    Invalid(#[from] ValidationError),
    /// Larger than 1 MiB.
    #[error("the data is too large: {size} bytes, at most {MAX_BYTES}")]
    TooLarge { size: usize },
}

/// Why the state could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncodeError {
    /// The state or the content version breaks a rule (a merge can exceed a cap).
    #[error("the data is not valid: {0}")]
    Invalid(#[from] ValidationError),
    /// The encoded data would be larger than 1 MiB, so it could not be read back.
    #[error("the data is too large: {size} bytes, at most {MAX_BYTES}")]
    TooLarge { size: usize },
    /// Serialization failed (not expected: every key is a string).
    #[error("the data could not be written as JSON: {detail}")]
    Json { detail: String },
}

/// A successfully decoded envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub progress: Progress,
    /// The content version the data was written against.
    pub content: String,
    /// The schema it was migrated from, if it was older than [`SCHEMA`].
    pub migrated_from: Option<u32>,
}

/// What the storage adapter found, and so what it should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Nothing stored: start empty, and save on the first change.
    Fresh,
    /// Stored data, ready. If `migrated_from` is set, write it under [`storage_key`] (leaving
    /// the old key as it is, as a natural backup).
    Loaded {
        progress: Progress,
        content: String,
        migrated_from: Option<u32>,
    },
    /// Stored data that must not be overwritten: copy the raw value to [`backup_key`], tell the
    /// reader why (offer to download it or to start fresh), and work in memory.
    Kept { reason: DecodeError },
}

impl LoadOutcome {
    /// Decides from the raw value of the first key of [`keys_to_read`] that holds one (`None`
    /// if none does).
    pub fn from_stored(raw: Option<&str>) -> LoadOutcome {
        match raw {
            None => LoadOutcome::Fresh,
            Some(raw) => match decode(raw) {
                Ok(decoded) => LoadOutcome::Loaded {
                    progress: decoded.progress,
                    content: decoded.content,
                    migrated_from: decoded.migrated_from,
                },
                Err(reason) => LoadOutcome::Kept { reason },
            },
        }
    }

    /// Whether the adapter may write the state back to storage.
    pub fn may_write(&self) -> bool {
        !matches!(self, LoadOutcome::Kept { .. })
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    content: &'a str,
    payload: &'a Progress,
}

/// The schema-2 payload as read: the same fields as [`Progress`], checked strictly.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PayloadV2 {
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

/// The schema-1 payload (frozen: never change it).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PayloadV1 {
    #[serde(default)]
    read: Vec<String>,
    #[serde(default)]
    last: Option<PlaceV1>,
    #[serde(default)]
    theme: Theme,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceV1 {
    slug: String,
    section: String,
}

/// Schema 1 to 2: read chapters become read flags with no time (so any later change wins a
/// merge) and no known fraction; the last place keeps its section; the theme is kept.
fn migrate_v1(v1: PayloadV1) -> Result<Progress, ValidationError> {
    check_count("read chapters", v1.read.len(), MAX_CHAPTERS)?;
    let mut progress = Progress::default();
    for slug in v1.read {
        check_id("chapter slug", &slug)?;
        progress.chapters.insert(
            slug,
            ChapterState {
                read: true,
                ..ChapterState::default()
            },
        );
    }
    if let Some(place) = v1.last {
        check_id("chapter slug", &place.slug)?;
        check_id("section id", &place.section)?;
        check_count("chapters", progress.chapters.len() + 1, MAX_CHAPTERS)?;
        let chapter = progress.chapters.entry(place.slug.clone()).or_default();
        chapter.section = Some(place.section.clone());
        progress.last = Some(Place {
            slug: place.slug,
            section: Some(place.section),
            at: 0,
        });
    }
    progress.prefs.theme = v1.theme;
    Ok(progress)
}

fn shape(error: serde_json::Error) -> ValidationError {
    ValidationError::Shape {
        detail: preview_long(&error.to_string()),
    }
}

/// Serde messages may quote the offending input; keep them short and escaped.
fn preview_long(message: &str) -> String {
    let mut out: String = message
        .chars()
        .take(160)
        .flat_map(char::escape_debug)
        .collect();
    if message.chars().nth(160).is_some() {
        out.push('…');
    }
    out
}

fn unreadable(detail: &str) -> DecodeError {
    DecodeError::Unreadable {
        detail: detail.to_owned(),
    }
}

/// The `payload` member of an envelope, read as `P`.
fn payload_of<P: serde::de::DeserializeOwned>(raw: &str) -> Result<P, ValidationError> {
    #[derive(serde::Deserialize)]
    struct Payload<P> {
        payload: P,
    }
    serde_json::from_str::<Payload<P>>(raw)
        .map(|envelope| envelope.payload)
        .map_err(shape)
}

/// Reads an envelope of any known schema, migrating it to the current one and validating it.
pub fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    if raw.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { size: raw.len() });
    }
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Unreadable {
            detail: preview_long(&e.to_string()),
        })?;
    let serde_json::Value::Object(envelope) = value else {
        return Err(unreadable("not a JSON object"));
    };
    let schema = match envelope.get("schema") {
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| unreadable("the schema is not a whole number"))?,
        _ => return Err(unreadable("no schema version")),
    };
    if schema > u64::from(SCHEMA) {
        return Err(DecodeError::FromFuture { found: schema });
    }
    if schema < u64::from(OLDEST_SCHEMA) {
        return Err(unreadable("an unknown schema version"));
    }
    let content = match envelope.get("content") {
        Some(serde_json::Value::String(content)) => content.clone(),
        _ => return Err(unreadable("no content version")),
    };
    if !matches!(envelope.get("payload"), Some(serde_json::Value::Object(_))) {
        return Err(unreadable("no payload"));
    }
    check_content_version(&content)?;

    // The payload is read from the text again, typed: reading it from the parsed value instead
    // would compile every payload type's reader twice into the app.
    let (mut progress, migrated_from) = if schema == 1 {
        let v1: PayloadV1 = payload_of(raw)?;
        (migrate_v1(v1)?, Some(1))
    } else {
        let v2: PayloadV2 = payload_of(raw)?;
        let progress = Progress {
            chapters: v2.chapters,
            last: v2.last,
            trees: v2.trees,
            results: v2.results,
            removed_results: v2.removed_results,
            prefs: v2.prefs,
            reset_at: v2.reset_at,
        };
        (progress, None)
    };
    sort_lists(&mut progress);
    validate(&progress)?;
    Ok(Decoded {
        progress,
        content,
        migrated_from,
    })
}

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
    ENVELOPE + chapters + last + trees + results + removed
}

/// Whether a state fits in one export file (and so, compact, in storage). Serializes only when
/// the cheap bound is not enough to tell.
pub(super) fn fits(progress: &Progress) -> bool {
    export_len_bound(progress) <= MAX_BYTES
        || export_len(progress).is_some_and(|len| len <= MAX_BYTES)
}

fn write(progress: &Progress, content: &str, pretty: bool) -> Result<String, EncodeError> {
    check_content_version(content)?;
    validate(progress)?;
    let envelope = EnvelopeOut {
        schema: SCHEMA,
        content,
        payload: progress,
    };
    let text = if pretty {
        serde_json::to_string_pretty(&envelope)
    } else {
        serde_json::to_string(&envelope)
    }
    .map_err(|e| EncodeError::Json {
        detail: e.to_string(),
    })?;
    if text.len() > MAX_BYTES {
        return Err(EncodeError::TooLarge { size: text.len() });
    }
    Ok(text)
}

/// The compact envelope to store under [`storage_key`]. `content` is the content version the
/// guide was built with (see [`is_valid_content_version`](super::is_valid_content_version)).
///
/// An error means the state must not be written (the adapter keeps it in memory and says so);
/// whatever `encode` returns, [`decode`] reads back to the same state.
pub fn encode(progress: &Progress, content: &str) -> Result<String, EncodeError> {
    write(progress, content, false)
}

/// The same envelope, pretty printed, for the reader to download.
pub fn export(progress: &Progress, content: &str) -> Result<String, EncodeError> {
    write(progress, content, true)
}

#[cfg(test)]
mod tests {
    use super::super::model::{
        Answer, ChapterState, Place, Progress, ResultKey, ResultRecord, TreeProgress,
    };
    use super::super::validate::{MAX_ANSWERS, MAX_DIMENSIONS, MAX_ID_LEN, MAX_TIME};
    use super::{export_len, export_len_bound};

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
    }
}
