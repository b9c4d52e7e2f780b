//! Property tests of the book search: any query string, of any characters, never panics, never
//! returns more hits than asked for, and returns well-formed hits.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use guide_core::search::{SearchHit, SnippetPart};
use guide_core::ChapterInfo;
use proptest::prelude::*;

mod common;
use common::{real_book, real_index as index};

/// Words of the book, possibly damaged, joined with odd separators: queries that do match.
fn bookish_query() -> impl Strategy<Value = String> {
    let words = [
        "sbom",
        "licence",
        "Policies",
        "hub",
        "spoke",
        "CLA",
        "dco",
        "governance",
        "open",
        "source",
        "community",
        "maturity",
        "sponsor",
        "budget",
        "InnerSource",
        "compliance",
        "metrics",
        "the",
        "and",
        "Résumé",
        "OSPO's",
    ];
    let word = (0..words.len(), 0usize..4, any::<u8>()).prop_map(move |(i, damage, at)| {
        let mut chars: Vec<char> = words[i].chars().collect();
        let at = usize::from(at) % chars.len().max(1);
        match damage {
            0 if chars.len() > 1 => {
                chars.remove(at);
            }
            1 => chars.insert(at, 'x'),
            2 if at + 1 < chars.len() => chars.swap(at, at + 1),
            _ => {}
        }
        chars.into_iter().collect::<String>()
    });
    let separator = prop_oneof![
        Just(" "),
        Just("-"),
        Just("  "),
        Just(", "),
        Just("\u{00A0}"),
        Just("🙂")
    ];
    prop::collection::vec((word, separator), 0..16).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, s)| format!("{w}{s}"))
            .collect::<String>()
    })
}

fn check(hits: &[SearchHit], limit: usize) -> Result<(), TestCaseError> {
    prop_assert!(hits.len() <= limit);
    let book = real_book();
    for hit in hits {
        prop_assert!(hit.score.is_finite() && hit.score > 0.0);
        let chapter = book.chapter(&hit.slug);
        prop_assert!(chapter.is_some());
        if let (Some(chapter), Some(id)) = (chapter, &hit.section_id) {
            prop_assert!(chapter.has_section(id));
        }
        let text: String = hit.snippet.iter().map(SnippetPart::text).collect();
        prop_assert!(text.chars().count() <= 230, "{}", text);
        for part in &hit.snippet {
            prop_assert!(!part.text().is_empty());
        }
    }
    let mut sections: Vec<(&str, Option<&str>)> = hits
        .iter()
        .map(|h| (h.slug.as_str(), h.section_id.as_deref()))
        .collect();
    sections.sort_unstable();
    sections.dedup();
    prop_assert_eq!(sections.len(), hits.len(), "a section appears twice");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn arbitrary_strings_never_panic_and_respect_the_limit(query in any::<String>(), limit in 0usize..25) {
        let hits = index().search(&query, limit);
        check(&hits, limit)?;
    }
}

// Queries that match many sections cost more (snippets, misspelling look-ups), so fewer cases.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    #[test]
    fn bookish_queries_never_panic_and_respect_the_limit(query in bookish_query(), limit in 0usize..25) {
        let hits = index().search(&query, limit);
        check(&hits, limit)?;
    }

    #[test]
    fn any_characters_never_panic(query in "\\PC{0,400}", limit in 0usize..5) {
        let hits = index().search(&query, limit);
        check(&hits, limit)?;
    }
}
