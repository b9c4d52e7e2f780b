//! The stored form of the reader's data: the versioned JSON envelope, decoding with migration from
//! older schemas, and what the storage adapter should do with what it found.
//!
//! An envelope is `{ "schema": N, "content": "<content version>", "payload": { ... } }`. Unknown
//! fields of the envelope are ignored (they cannot hold reader data); unknown fields inside the
//! payload are rejected, so that data written by a newer version under the same schema number is
//! kept untouched instead of being silently dropped on the next save. Any new payload field
//! therefore needs a new schema version (see [`schema`](super::schema) for the history).

use serde::Serialize;
use thiserror::Error;

use super::model::Progress;
use super::schema::{v1, v2, v3};
use super::validate::{
    check_content_version, preview_escaped, sort_lists, validate, ValidationError, MAX_BYTES,
};

/// The schema version this build writes.
pub const SCHEMA: u32 = 3;
/// The oldest schema version this build can read.
pub const OLDEST_SCHEMA: u32 = 1;

/// Why stored or imported text could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// Not JSON, or JSON that is not an envelope (no numeric `schema`, string `content` and
    /// object `payload`), or a schema older than any this build knows.
    #[error("the data is not readable as the guide's data: {detail}")]
    Unreadable {
        /// What was wrong, such as "no schema version", or the JSON parser's message, escaped and
        /// shortened.
        detail: String,
    },
    /// Written by a newer version of the guide.
    #[error("the data was written by a newer version of the guide (schema {found})")]
    FromFuture {
        /// The schema version the data names.
        found: u64,
    },
    /// An envelope whose payload breaks a rule.
    #[error("the data is not valid: {0}")]
    Invalid(#[from] ValidationError),
    /// Larger than 1 MiB.
    #[error("the data is too large: {size} bytes, at most {MAX_BYTES}")]
    TooLarge {
        /// The data's size, in bytes.
        size: usize,
    },
}

/// Why the state could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncodeError {
    /// The state or the content version breaks a rule (a merge can exceed a cap).
    #[error("the data is not valid: {0}")]
    Invalid(#[from] ValidationError),
    /// The encoded data would be larger than 1 MiB, so it could not be read back.
    #[error("the data is too large: {size} bytes, at most {MAX_BYTES}")]
    TooLarge {
        /// The encoded data's size, in bytes.
        size: usize,
    },
    /// Serialization failed (not expected: every key is a string).
    #[error("the data could not be written as JSON: {detail}")]
    Json {
        /// The JSON writer's message.
        detail: String,
    },
}

/// A successfully decoded envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The reader's data, migrated to the current schema and validated.
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
    /// Stored data, ready. If `migrated_from` is set, write it under
    /// [`storage_key`](super::storage_key) (leaving the old key as it is, as a natural backup).
    Loaded {
        /// The reader's data, migrated to the current schema and validated.
        progress: Box<Progress>,
        /// The content version the data was written against.
        content: String,
        /// The schema it was migrated from, if it was older than [`SCHEMA`].
        migrated_from: Option<u32>,
    },
    /// Stored data that must not be overwritten: copy the raw value to a backup (see
    /// [`plan_backup`](super::plan_backup)), tell the reader why (offer to download it or to
    /// start fresh), and work in memory.
    Kept {
        /// Why the stored value could not be loaded.
        reason: DecodeError,
    },
}

impl LoadOutcome {
    /// Decides from the raw value of the first key of [`keys_to_read`](super::keys_to_read) that
    /// holds one (`None` if none does).
    pub fn from_stored(raw: Option<&str>) -> LoadOutcome {
        match raw {
            None => LoadOutcome::Fresh,
            Some(raw) => match decode(raw) {
                Ok(decoded) => LoadOutcome::Loaded {
                    progress: Box::new(decoded.progress),
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
pub(super) struct EnvelopeOut<'a> {
    pub(super) schema: u32,
    pub(super) content: &'a str,
    pub(super) payload: &'a Progress,
}

/// Serde messages may quote the offending input; they are kept short and escaped.
fn shape(error: serde_json::Error) -> ValidationError {
    ValidationError::Shape {
        detail: preview_escaped(&error.to_string()),
    }
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
            detail: preview_escaped(&e.to_string()),
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
        let payload: v1::PayloadV1 = payload_of(raw)?;
        (v1::migrate_v1(payload)?, Some(1))
    } else if schema == 2 {
        let payload: v2::PayloadV2 = payload_of(raw)?;
        (Progress::from(payload), Some(2))
    } else {
        let payload: v3::PayloadV3 = payload_of(raw)?;
        (Progress::from(payload), None)
    };
    sort_lists(&mut progress);
    validate(&progress)?;
    Ok(Decoded {
        progress,
        content,
        migrated_from,
    })
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

/// The compact envelope to store under [`storage_key`](super::storage_key). `content` is the
/// content version the guide was built with (see
/// [`is_valid_content_version`](super::is_valid_content_version)).
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
