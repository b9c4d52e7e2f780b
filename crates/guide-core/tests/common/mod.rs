//! Shared helpers of the core's integration tests: the real book, content, trees and search index
//! (loaded once), walks answered from a profile, the property-test case count (1,000, or
//! `PROPTEST_CASES` for a longer run), fast generators of arbitrary text and bytes, and builders of
//! reader progress from events.

#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use guide_core::book::Book;
use guide_core::progress::{Event, Progress};
use guide_core::search::SearchIndex;
use proptest::prelude::*;

/// The repository's real `content/` folder.
pub fn content_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

/// The real book, loaded and validated once per test binary.
pub fn real_book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| {
        guide_core::content::load_book_dir(content_root()).expect("content is valid")
    })
}

/// The real content (book, crosswalk, trees, checks), loaded and validated once per test binary.
pub fn real_content() -> &'static guide_core::content::Content {
    static CONTENT: OnceLock<guide_core::content::Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        guide_core::content::load_content(content_root()).expect("content is valid")
    })
}

/// The real trees, validated.
pub fn real_trees() -> &'static [guide_core::tree::ValidTree] {
    static TREES: OnceLock<Vec<guide_core::tree::ValidTree>> = OnceLock::new();
    TREES.get_or_init(|| {
        real_content()
            .trees
            .iter()
            .map(|spec| guide_core::tree::validate(spec.clone()).expect("valid"))
            .collect()
    })
}

/// The real tree with this id.
pub fn real_tree(id: &str) -> &'static guide_core::tree::ValidTree {
    real_trees()
        .iter()
        .find(|t| t.id() == id)
        .unwrap_or_else(|| panic!("no tree {id}"))
}

/// The walk through `tree` that answers each question from `profile` (question id, option id),
/// and with its first option where the profile says nothing.
pub fn walk_profile(
    tree: &guide_core::tree::ValidTree,
    profile: &[(&str, &str)],
) -> Vec<guide_core::tree::Answer> {
    let mut answers = Vec::new();
    while let Ok(guide_core::tree::Step::Ask { question, .. }) = tree.current(&answers) {
        let option = profile
            .iter()
            .find(|(q, _)| *q == question.id)
            .map_or_else(|| question.options[0].id.clone(), |(_, o)| (*o).to_string());
        answers = tree.answer(&answers, &option).expect("a valid option");
    }
    answers
}

/// The search index of the real book, built once per test binary.
pub fn real_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(real_book()))
}

/// 1,000 cases, or `PROPTEST_CASES` when it is set (`PROPTEST_CASES=10000 cargo test` for a long
/// run). `ProptestConfig::default()` reads the
/// variable and `with_cases` would override it, so the count is only set when it is absent.
pub fn config() -> ProptestConfig {
    let base = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_some() {
        base
    } else {
        ProptestConfig {
            cases: 1_000,
            ..base
        }
    }
}

/// A fraction of the usual count, for the cases that parse a whole real file (several
/// milliseconds each in a debug build): `1,000 / divisor`, or `PROPTEST_CASES / divisor`. The
/// same decoders run the full count on small inputs above.
pub fn config_fraction(divisor: u32) -> ProptestConfig {
    let base = config();
    ProptestConfig {
        cases: (base.cases / divisor).max(1),
        ..base
    }
}

/// A small pseudo-random generator (splitmix64). Proptest picks a seed and a length, and shrinks
/// both (a shorter length gives a prefix of the same text); this expands them. Proptest's own
/// string strategies cost about 2 ms per kilobyte in a debug build, which made 10,000 cases of a
/// few kilobytes take most of a minute per property.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Any character, weighted towards the ones parsers care about.
    pub fn char(&mut self) -> char {
        match self.below(20) {
            0..=11 => char::from(b' ' + self.below(95) as u8),
            12..=13 => ['\n', '\r', '\t', ' '][self.below(4)],
            14 => char::from(self.below(32) as u8),
            15 => char::from_u32(0x80 + self.below(0x780) as u32).unwrap_or('\u{FFFD}'),
            16 => [
                '\u{202E}', '\u{200B}', '\u{FEFF}', '\u{2066}', '\u{7F}', '\u{FFFD}',
            ][self.below(6)],
            _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{FFFD}'),
        }
    }
}

/// Arbitrary text of up to `max` characters.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    (any::<u64>(), 0..=max).prop_map(|(seed, len)| {
        let mut rng = Rng(seed);
        (0..len).map(|_| rng.char()).collect()
    })
}

/// Arbitrary bytes, up to `max` of them (read as UTF-8 with replacement characters).
pub fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    (any::<u64>(), 0..=max).prop_map(|(seed, len)| {
        let mut rng = Rng(seed);
        (0..len).map(|_| rng.next() as u8).collect()
    })
}

/// Up to `max` pieces, each a token of `tokens` or (one time in ten) any character.
pub fn soup(tokens: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    (any::<u64>(), 0..=max).prop_map(move |(seed, len)| {
        let mut rng = Rng(seed);
        let mut out = String::new();
        for _ in 0..len {
            if rng.below(10) == 0 {
                out.push(rng.char());
            } else {
                out.push_str(tokens[rng.below(tokens.len())]);
            }
        }
        out
    })
}

/// The progress after applying `events` to a new one; panics if one is refused.
pub fn with(events: impl IntoIterator<Item = Event>) -> Progress {
    let mut progress = Progress::new();
    for event in events {
        if let Err(error) = progress.apply(event) {
            panic!("event refused: {error}");
        }
    }
    progress
}

/// The reader marks `slug` read (or unread) at `at`.
pub fn marked(slug: &str, read: bool, at: u64) -> Event {
    Event::MarkedRead {
        slug: slug.into(),
        read,
        at,
    }
}

/// The real self-check `id`, validated against the real book and crosswalk.
pub fn real_check(id: &str) -> guide_core::conformance::ValidCheck {
    let content = real_content();
    let spec = content
        .checks
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("no check {id}"));
    guide_core::conformance::ValidCheck::new(spec, &content.book, &content.crosswalk)
        .unwrap_or_else(|e| panic!("{e:?}"))
}

/// Every item of `check` answered `verdict`.
pub fn all_answered(
    check: &guide_core::conformance::ValidCheck,
    verdict: guide_core::conformance::Verdict,
) -> std::collections::BTreeMap<String, guide_core::conformance::Verdict> {
    check
        .spec()
        .items()
        .map(|i| (i.id.clone(), verdict))
        .collect()
}
