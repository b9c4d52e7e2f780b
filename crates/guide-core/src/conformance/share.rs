//! Share codes: a self-check's answers as a short string for a URL fragment, in the spirit of
//! the trees' [`crate::share`]. The guide has no server, so a shared result carries its answers
//! in the link; codes come from outside and may be cut, mistyped or edited, so decoding checks
//! everything, reports what is wrong as a [`CheckShareError`] and never panics.
//!
//! The format is `c1.<answers>.<check>`: the format version, one character per item in the
//! check's order (`y` yes, `p` partly, `n` no, `x` not applicable, `d` don't know, `u`
//! unanswered), then five hexadecimal digits of FNV-1a over the check's id, its items (id and
//! whether "not applicable" is allowed) and the answers. For example `c1.yypnuuxd.3f0a9`. Only
//! `a`–`z`, `0`–`9` and `.` occur. The checksum turns a cut or edited code, or one made for
//! another check or another version of this one, into [`CheckShareError::Tampered`].

use std::collections::BTreeMap;

use thiserror::Error;

use super::{ValidCheck, Verdict};
use crate::hash::fnv1a64;
use crate::share::{versioned_parts, Envelope, MAX_SHARE_LEN};

/// The current format version, written after `c`.
pub const CHECK_SHARE_VERSION: u32 = 1;

/// Longer inputs are refused before any parsing (the same bound as the trees' share links).
pub const MAX_CHECK_SHARE_LEN: usize = MAX_SHARE_LEN;

const CHECK_LEN: usize = 5;
const UNANSWERED: u8 = b'u';

/// Why a share code could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckShareError {
    /// The code is empty (or only a `#` and white space).
    #[error("the share code is empty")]
    Empty,
    /// The code is longer than [`MAX_CHECK_SHARE_LEN`] and was not read.
    #[error("the share code is {len} characters long; the most is {MAX_CHECK_SHARE_LEN}")]
    TooLong {
        /// The code's length, in bytes.
        len: usize,
    },
    /// The code does not have the shape of a share code.
    #[error("the share code is malformed: {reason}")]
    Malformed {
        /// What is wrong, in words.
        reason: &'static str,
    },
    /// The code is in a format version this guide does not read.
    #[error("the share code uses format {found:?}, which this version of the guide does not read")]
    WrongVersion {
        /// The version the code starts with, such as `c2`.
        found: String,
    },
    /// The code has another number of answers than the check has items.
    #[error("the share code has {found} answers; this check has {expected} items")]
    WrongLength {
        /// How many items the check has.
        expected: usize,
        /// How many answers the code has.
        found: usize,
    },
    /// The checksum does not match: the code was cut or edited, or made for another check or
    /// another version of this one.
    #[error(
        "the share code was altered, or was made for another check or another version of this one"
    )]
    Tampered,
    /// The code answers "not applicable" to an item that does not allow it.
    #[error("the share code answers “not applicable” to item {item:?}, which does not allow it")]
    NotApplicableRefused {
        /// The item's id.
        item: String,
    },
}

impl From<Envelope> for CheckShareError {
    fn from(envelope: Envelope) -> Self {
        match envelope {
            Envelope::Empty => CheckShareError::Empty,
            Envelope::TooLong { len } => CheckShareError::TooLong { len },
            Envelope::Malformed { reason } => CheckShareError::Malformed { reason },
            Envelope::WrongVersion { found } => CheckShareError::WrongVersion { found },
        }
    }
}

fn letter(verdict: Verdict) -> u8 {
    match verdict {
        Verdict::Yes => b'y',
        Verdict::Partly => b'p',
        Verdict::No => b'n',
        Verdict::NotApplicable => b'x',
        Verdict::DontKnow => b'd',
    }
}

/// The answer a letter stands for (`Some(None)`: unanswered); `None` for any other byte.
fn verdict(byte: u8) -> Option<Option<Verdict>> {
    Verdict::ALL
        .into_iter()
        .find(|v| letter(*v) == byte)
        .map(Some)
        .or((byte == UNANSWERED).then_some(None))
}

/// Encodes the answers to `check`. Answers to ids the check does not have, and "not applicable"
/// where an item does not allow it (which counts as unanswered), are left out.
pub fn encode_answers(check: &ValidCheck, answers: &BTreeMap<String, Verdict>) -> String {
    let letters: String = check
        .spec()
        .items()
        .map(|item| match answers.get(&item.id) {
            Some(Verdict::NotApplicable) if !item.allows_not_applicable => UNANSWERED,
            Some(v) => letter(*v),
            None => UNANSWERED,
        })
        .map(char::from)
        .collect();
    format!(
        "c{CHECK_SHARE_VERSION}.{letters}.{}",
        checksum(check, &letters)
    )
}

/// Decodes a share code (with or without a leading `#`) into the answers it stands for.
pub fn decode_answers(
    check: &ValidCheck,
    input: &str,
) -> Result<BTreeMap<String, Verdict>, CheckShareError> {
    let parts = versioned_parts(input, 'c', CHECK_SHARE_VERSION)?;
    let [letters, check_code] = parts.as_slice() else {
        return Err(CheckShareError::Malformed {
            reason: "it is not a version, the answers and a checksum, separated by dots",
        });
    };
    if check_code.len() != CHECK_LEN || !check_code.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CheckShareError::Malformed {
            reason: "the checksum is not five hexadecimal digits",
        });
    }
    let letters = letters.as_bytes();
    let mut verdicts = Vec::with_capacity(letters.len());
    for &byte in letters {
        verdicts.push(verdict(byte).ok_or(CheckShareError::Malformed {
            reason: "an answer is not one of y, p, n, x, d and u",
        })?);
    }
    let expected = check.item_count();
    if verdicts.len() != expected {
        return Err(CheckShareError::WrongLength {
            expected,
            found: verdicts.len(),
        });
    }
    if checksum(check, &String::from_utf8_lossy(letters)) != *check_code {
        return Err(CheckShareError::Tampered);
    }
    let mut answers = BTreeMap::new();
    for (item, answer) in check.spec().items().zip(verdicts) {
        match answer {
            Some(Verdict::NotApplicable) if !item.allows_not_applicable => {
                return Err(CheckShareError::NotApplicableRefused {
                    item: item.id.clone(),
                })
            }
            Some(v) => {
                answers.insert(item.id.clone(), v);
            }
            None => {}
        }
    }
    Ok(answers)
}

/// Five hexadecimal digits of FNV-1a over the check's id, its items and the answers.
fn checksum(check: &ValidCheck, letters: &str) -> String {
    let mut text = format!("{}|", check.id());
    for item in check.spec().items() {
        text.push_str(&item.id);
        text.push(if item.allows_not_applicable { '+' } else { ',' });
    }
    text.push('|');
    text.push_str(letters);
    format!("{:05x}", fnv1a64(text.as_bytes()) & 0xf_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verdict_has_its_own_letter() {
        for v in Verdict::ALL {
            assert_eq!(verdict(letter(v)), Some(Some(v)));
        }
        assert_eq!(verdict(UNANSWERED), Some(None));
        assert_eq!(verdict(b'z'), None);
    }
}
