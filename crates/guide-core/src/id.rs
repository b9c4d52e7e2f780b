//! The one rule for identifiers. Chapter slugs, heading ids, tree, question, option, result and
//! dimension ids, the widget's `view` and the storage namespace all follow it, so that whatever
//! the content can name, the reader's store can keep, and the other way round.
//!
//! An id is 1 to [`MAX_ID_LEN`] characters of `a-z`, `0-9` and `-`. A namespace is an id of at
//! most [`MAX_NAMESPACE_LEN`] characters (it becomes part of every storage key).

/// The longest id.
pub const MAX_ID_LEN: usize = 80;

/// The longest storage namespace.
pub const MAX_NAMESPACE_LEN: usize = 40;

/// Whether `value` is a valid id.
pub fn is_valid_id(value: &str) -> bool {
    is_id_of_at_most(value, MAX_ID_LEN)
}

/// Whether `value` is a valid storage namespace.
pub fn is_valid_namespace(value: &str) -> bool {
    is_id_of_at_most(value, MAX_NAMESPACE_LEN)
}

fn is_id_of_at_most(value: &str, max: usize) -> bool {
    !value.is_empty()
        && value.len() <= max
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_lower_case_words_with_hyphens() {
        for good in [
            "a",
            "why-an-ospo",
            "ref-sos-2025",
            "-edge-",
            &"x".repeat(MAX_ID_LEN),
        ] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "Why",
            "a b",
            "a_b",
            "é",
            "a/b",
            &"x".repeat(MAX_ID_LEN + 1),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_namespace_is_a_shorter_id() {
        assert!(is_valid_namespace(&"n".repeat(MAX_NAMESPACE_LEN)));
        assert!(!is_valid_namespace(&"n".repeat(MAX_NAMESPACE_LEN + 1)));
        assert!(!is_valid_namespace("Acme"));
    }
}
