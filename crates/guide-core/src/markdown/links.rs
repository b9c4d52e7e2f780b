//! The one rule for link destinations in chapters: the kinds the guide renders, nothing else.

use crate::doc::LinkTarget;
use crate::id::is_valid_id;

/// Sorts a link destination into the only kinds the guide renders; `None` for anything else.
///
/// A destination must be printable ASCII: controls, spaces, bidirectional overrides, zero-width
/// characters and look-alike letters cannot hide in an address (percent-encode anything else).
pub fn classify_link(dest: &str, own_path: &str) -> Option<LinkTarget> {
    if !dest.bytes().all(|b| b.is_ascii_graphic()) {
        return None;
    }
    if let Some(rest) = dest.strip_prefix("https://") {
        return (!rest.is_empty()).then(|| LinkTarget::External(dest.to_string()));
    }
    if let Some(address) = dest.strip_prefix("mailto:") {
        return address
            .contains('@')
            .then(|| LinkTarget::Mail(address.to_string()));
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return is_valid_id(fragment).then(|| LinkTarget::Internal {
            path: own_path.to_string(),
            fragment: Some(fragment.to_string()),
        });
    }
    if dest.starts_with('/') && !dest.starts_with("//") {
        let (path, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment.to_string())),
            None => (dest, None),
        };
        let path_ok = path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'-' || b == b'?' || b == b'=');
        let fragment_ok = fragment.as_deref().is_none_or(is_valid_id);
        return (path_ok && fragment_ok).then(|| LinkTarget::Internal {
            path: path.to_string(),
            fragment,
        });
    }
    None
}
