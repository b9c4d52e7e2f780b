//! Hostile input for the decoders not covered elsewhere: tree sources (authoring TOML), reading
//! paths, storage keys built from a widget's namespace, the book and trees shipped as JSON, guide
//! paths, and share links. Each gets arbitrary text, text built from its own syntax, and damaged
//! copies of the real thing. None may panic or hang, every error has a line inside the text when
//! it has one, and no storage key may leave the `ospo-guide:` prefix.
//!
//! Every property runs 10,000 cases, or `PROPTEST_CASES` when it is set (for a longer run, for
//! example `PROPTEST_CASES=200000 cargo test --release -p guide-core --test hostile_inputs`).
//! (Progress decoding and import, search queries and the share-link walks have their own property
//! tests in `progress_props.rs`, `search_props.rs` and `trees.rs`.)
//!
//! Long because it is a catalogue: one family of hostile inputs per decoder, side by side.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::sync::OnceLock;

use guide_core::book::{Audience, Book, Chapter, ChapterMeta};
use guide_core::content::{load_book_dir, load_content, parse_paths};
use guide_core::markdown::parse_markdown;
use guide_core::progress::{
    backup_index_key, backup_key_prefix, keys_to_read, legacy_backup_key, storage_key,
    storage_key_for, KeyError, SCHEMA,
};
use guide_core::share;
use guide_core::tree::{parse_tree_source, parse_tree_spec, Step, ValidTree};
use guide_core::GuidePath;
use proptest::prelude::*;

mod common;
use common::{config, config_fraction, soup, text};

// ---------------------------------------------------------------------------------------------
// The real content, as the base of damaged copies
// ---------------------------------------------------------------------------------------------

fn content_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content"))
}

fn book() -> &'static Book {
    static BOOK: OnceLock<Book> = OnceLock::new();
    BOOK.get_or_init(|| load_book_dir(content_root()).expect("content is valid"))
}

fn trees() -> &'static Vec<ValidTree> {
    static TREES: OnceLock<Vec<ValidTree>> = OnceLock::new();
    TREES.get_or_init(|| {
        load_content(content_root())
            .expect("content is valid")
            .trees
            .into_iter()
            .map(|spec| ValidTree::from_json(&serde_json::to_string(&spec).expect("serialises")))
            .collect::<Result<_, _>>()
            .expect("the shipped trees load")
    })
}

fn tree_source() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(content_root().join("trees/readiness.toml")).expect("readable")
    })
}

/// A small tree that uses every part of the schema, as a quick base for damaged copies.
const MINI_TREE: &str = include_str!("fixtures/trees/mini.toml");

fn paths_source() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(content_root().join("paths.toml")).expect("readable")
    })
}

/// A chapter with every kind of node, as Markdown.
const MINI_CHAPTER: &str = r#"## Heading {#heading}

Text with *emphasis*, **strong**, ~~strike~~, `code`, a [link](/book/x/#heading), an
[outside link](https://example.org/), [mail](mailto:a@example.org) and a note.[^n]
Line break follows.\
Next line.

> **For legal and compliance:** a quote.

- [ ] a task
- [x] done

1. one
2. two

| a | b |
|:--|--:|
| 1 | 2 |

```rust
let a = 1;
```

---

{{tree readiness}}

[^n]: The note.
"#;

/// A small book in the shipped JSON form, with every kind of node, as a quick base for damaged
/// copies.
fn small_book_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let doc = parse_markdown(MINI_CHAPTER, "/book/x/", 1).expect("valid Markdown");
        let meta = ChapterMeta {
            title: "X".into(),
            slug: "x".into(),
            summary: "S.".into(),
            audiences: vec![Audience::Legal],
            order: 1,
            kind: guide_core::ChapterKind::Chapter,
        };
        let small = Book {
            chapters: vec![Chapter::new(meta, doc)],
            paths: book().paths.clone(),
        };
        serde_json::to_string(&small).expect("serialises")
    })
}

/// The real book in its shipped JSON form.
fn book_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| serde_json::to_string(book()).expect("serialises"))
}

fn mini_tree_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        serde_json::to_string(&parse_tree_spec(MINI_TREE).expect("valid TOML")).expect("serialises")
    })
}

fn tree_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| serde_json::to_string(trees()[0].spec()).expect("serialises"))
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

const TOML_TOKENS: &[&str] = &[
    "id",
    "title",
    "intro",
    "start",
    "text",
    "why",
    "learn_more",
    "options",
    "next",
    "points",
    "results",
    "rule",
    "dimensions",
    "questions",
    "label",
    "=",
    " = ",
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    ",",
    ".",
    "\n",
    "\r\n",
    " ",
    "\t",
    "#",
    "a",
    "q1",
    "r1",
    "readiness",
    "0",
    "1",
    "-1",
    "1e999",
    "18446744073709551616",
    "true",
    "inf",
    "nan",
    "1979-05-27T07:32:00Z",
    "\\",
    "\\u0000",
    "\\uD800",
    "é",
    "\u{0}",
    "\u{202E}",
    "/book/",
    "https://",
    "javascript:",
    "[[questions]]\n",
    "[[results]]\n",
    "options = [",
];

const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\"chapters\"",
    "\"paths\"",
    "\"meta\"",
    "\"doc\"",
    "\"blocks\"",
    "\"t\"",
    "\"c\"",
    "\"Paragraph\"",
    "\"Quote\"",
    "\"Link\"",
    "\"External\"",
    "\"Text\"",
    "\"words\"",
    "\"slug\"",
    "\"audiences\"",
    "\"id\"",
    "\"questions\"",
    "\"options\"",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "18446744073709551616",
    "1.5",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"javascript:alert(1)\"",
    " ",
    "\n",
    "é",
    "\u{0}",
];

const NAMESPACE_TOKENS: &[&str] = &[
    "a",
    "z",
    "0",
    "9",
    "-",
    "guide",
    ":",
    "ospo-guide",
    ":v2",
    ":backup",
    "/",
    ".",
    "..",
    "_",
    " ",
    "\n",
    "\u{0}",
    "A",
    "é",
    "\u{202E}",
    "\u{FF1A}",
    "%3A",
    "__proto__",
];

const PATH_TOKENS: &[&str] = &[
    "/",
    "//",
    "book",
    "readiness",
    "structure",
    "search",
    "progress",
    "x",
    "a-b",
    "?",
    "=",
    "#",
    "..",
    ".",
    "%2F",
    "\\",
    " ",
    "é",
    "\u{0}",
];

const VIEW_TOKENS: &[&str] = &[
    "home",
    "book",
    "chapter:",
    "readiness",
    "structure",
    "search",
    "progress",
    "x",
    "a-b",
    ":",
    "/",
    "?",
    "#",
    " ",
    "\n",
    "A",
    "é",
    "\u{0}",
    "..",
    "javascript:",
];

const SHARE_TOKENS: &[&str] = &[
    "#", "r", "r1", "r2", "r0", "r01", ".", "0", "1", "2", "3", "9", "10", "99", "999", "1000",
    "-1", "a", "z", "k2zq", "0000", "zzzz", " ", "%2E", "é",
];

/// Edits to apply to a real file: (position, operation, token).
fn edits(tokens: &'static [&'static str]) -> impl Strategy<Value = Vec<(usize, u8, &'static str)>> {
    prop::collection::vec(
        (any::<usize>(), any::<u8>(), prop::sample::select(tokens)),
        1..8,
    )
}

fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Damages `base` with insertions, deletions, replacements and duplications.
fn damage(base: &str, edits: &[(usize, u8, &str)]) -> String {
    let mut text = base.to_string();
    for &(at, op, token) in edits {
        let start = boundary(&text, at);
        let end = boundary(&text, start + 1 + usize::from(op >> 2));
        match op % 4 {
            0 => text.insert_str(start, token),
            1 => text.replace_range(start..end.max(start), ""),
            2 => text.replace_range(start..end.max(start), token),
            _ => {
                let piece = text[start..end.max(start)].to_string();
                text.insert_str(start, &piece);
            }
        }
    }
    text
}

fn line_count(text: &str) -> usize {
    text.matches('\n').count() + 1
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

fn check_tree_text(text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text);
    if let Err(problem) = parse_tree_spec(text) {
        prop_assert!(problem.line <= lines, "line {} of {lines}", problem.line);
        prop_assert!(!problem.error.to_string().is_empty());
    }
    Ok(())
}

fn check_tree_source(text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text);
    match parse_tree_source(text, book()) {
        Ok(tree) => {
            // Whatever was accepted is a tree the engine can walk from the start.
            prop_assert!(tree.current(&[]).is_ok());
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                prop_assert!(problem.line <= lines, "line {} of {lines}", problem.line);
            }
        }
    }
    Ok(())
}

fn check_paths(text: &str) -> Result<(), TestCaseError> {
    let lines = line_count(text);
    if let Err(errors) = parse_paths("content/paths.toml", text, book()) {
        prop_assert!(!errors.0.is_empty());
        for error in errors.0 {
            prop_assert_eq!(error.file.as_str(), "content/paths.toml");
            prop_assert!(error.line <= lines, "line {} of {lines}", error.line);
        }
    }
    Ok(())
}

/// Whatever the namespace, a key either stays inside the guide's prefix with the namespace as
/// one `:`-free segment, or the namespace is refused with a bounded preview. (Which namespaces
/// are valid is the id rule's business, tested with fixed cases in `id.rs` and below.)
fn check_namespace(namespace: &str) -> Result<(), TestCaseError> {
    let keys = [
        storage_key(namespace),
        legacy_backup_key(namespace),
        backup_key_prefix(namespace),
        backup_index_key(namespace),
        storage_key_for(namespace, 1),
        storage_key_for(namespace, u32::MAX),
    ];
    let accepted = keys.iter().filter(|k| k.is_ok()).count();
    prop_assert!(
        accepted == 0 || accepted == keys.len(),
        "{namespace:?} half accepted"
    );
    for key in &keys {
        match key {
            Ok(key) => {
                let rest = key.strip_prefix("ospo-guide:");
                prop_assert!(rest.is_some(), "{key:?}");
                let parts: Vec<&str> = key.split(':').collect();
                prop_assert!(parts.len() == 3 || parts.len() == 4, "{:?}", key);
                prop_assert_eq!(parts[1], namespace);
            }
            Err(KeyError::BadNamespace { namespace: shown }) => {
                // The message shows a bounded preview, never the whole input.
                prop_assert!(
                    shown.chars().count() <= 1_000,
                    "{} chars",
                    shown.chars().count()
                );
            }
        }
    }
    if accepted > 0 {
        let read = keys_to_read(namespace).expect("accepted");
        let prefix = format!("ospo-guide:{namespace}:v");
        prop_assert!(read.iter().all(|k| k.starts_with(&prefix)), "{:?}", read);
    } else {
        prop_assert!(keys_to_read(namespace).is_err());
    }
    Ok(())
}

fn check_book_json(json: &str) -> Result<(), TestCaseError> {
    let _ = Book::from_json(json);
    Ok(())
}

fn check_tree_json(json: &str) -> Result<(), TestCaseError> {
    if let Ok(tree) = ValidTree::from_json(json) {
        prop_assert!(tree.current(&[]).is_ok());
    }
    Ok(())
}

fn check_guide_path(path: &str) -> Result<(), TestCaseError> {
    if let Some(parsed) = GuidePath::parse(path) {
        if let GuidePath::Chapter(slug) = &parsed {
            prop_assert!(!slug.is_empty() && !slug.contains('/') && !slug.contains('?'));
            if guide_core::id::is_valid_id(slug) {
                prop_assert_eq!(GuidePath::parse(&parsed.to_path()), Some(parsed.clone()));
            }
        } else {
            prop_assert_eq!(GuidePath::parse(&parsed.to_path()), Some(parsed.clone()));
        }
    }
    Ok(())
}

/// A widget's `view` attribute comes from the host page: only known pages and valid slugs.
fn check_widget_view(view: &str) -> Result<(), TestCaseError> {
    if let Some(page) = GuidePath::from_widget_view(view) {
        if let GuidePath::Chapter(slug) = &page {
            prop_assert!(!slug.is_empty() && slug.len() <= 80, "{slug:?}");
            prop_assert!(
                slug.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{slug:?}"
            );
        }
        prop_assert_eq!(GuidePath::parse(&page.to_path()), Some(page.clone()));
    }
    Ok(())
}

fn check_share(input: &str) -> Result<(), TestCaseError> {
    for tree in trees() {
        if let Ok(answers) = share::decode(tree, input) {
            prop_assert!(tree.replay(&answers).is_ok(), "{input:?}");
            prop_assert!(input.len() <= share::MAX_SHARE_LEN);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Fixed hostile cases
// ---------------------------------------------------------------------------------------------

#[test]
fn the_real_files_pass_the_checks_unchanged() {
    assert!(parse_tree_spec(tree_source()).is_ok());
    if let Err(problems) = parse_tree_source(MINI_TREE, book()) {
        panic!("{problems:?}");
    }
    // The shipped trees include shared questions, so they are checked as loaded, not alone.
    assert!(load_content(content_root()).is_ok());
    assert!(parse_paths("content/paths.toml", paths_source(), book()).is_ok());
    assert_eq!(Book::from_json(book_json()).as_ref().ok(), Some(book()));
    assert!(Book::from_json(small_book_json()).is_ok());
    assert!(ValidTree::from_json(tree_json()).is_ok());
    assert!(ValidTree::from_json(mini_tree_json()).is_ok());
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    for json in [
        "[".repeat(200_000),
        "{\"chapters\":".repeat(100_000),
        format!(
            "{{\"chapters\":[{{\"meta\":{{}},\"doc\":{{\"blocks\":[{}",
            "{\"t\":\"Quote\",\"c\":{\"audience\":null,\"blocks\":[".repeat(50_000)
        ),
    ] {
        assert!(Book::from_json(&json).is_err());
        assert!(ValidTree::from_json(&json).is_err());
    }
}

#[test]
fn hostile_toml_is_refused_with_a_line() {
    for text in [
        "[".repeat(200_000),
        "a = ".to_string() + &"[".repeat(100_000),
        "a = ".to_string() + &"{b = ".repeat(100_000),
        format!("id = \"{}\"", "x".repeat(1 << 20)),
        "\u{0}".repeat(1000),
        "id = \"\\uD800\"".to_string(),
        "id = 1e999".to_string(),
        "[[questions]]\n".repeat(10_000),
    ] {
        match parse_tree_spec(&text) {
            Ok(spec) => panic!("accepted {:?}", spec.id),
            Err(problem) => assert!(problem.line <= line_count(&text)),
        }
        assert!(parse_tree_source(&text, book()).is_err());
        assert!(parse_paths("paths.toml", &text, book()).is_err());
    }
}

#[test]
fn namespaces_that_would_escape_the_prefix_are_refused() {
    for namespace in [
        "",
        "x:y",
        "guide:v2",
        "../other-app",
        "Guide",
        "guide\n",
        "guide\u{0}",
        "g\u{FF1A}x",
        "__proto__",
        &"a".repeat(guide_core::id::MAX_NAMESPACE_LEN + 1),
    ] {
        assert!(storage_key(namespace).is_err(), "{namespace:?}");
        assert!(legacy_backup_key(namespace).is_err(), "{namespace:?}");
    }
    assert_eq!(
        storage_key("guide").as_deref(),
        Ok(format!("ospo-guide:guide:v{SCHEMA}").as_str())
    );
    assert_eq!(
        storage_key(&"a".repeat(guide_core::id::MAX_NAMESPACE_LEN)).map(|k| k.len()),
        Ok("ospo-guide:".len() + guide_core::id::MAX_NAMESPACE_LEN + 3)
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tree_spec_never_panics_on_any_text(text in text(2000)) {
        check_tree_text(&text)?;
    }

    #[test]
    fn tree_spec_never_panics_on_toml_soup(text in soup(TOML_TOKENS, 300)) {
        check_tree_text(&text)?;
        check_paths(&text)?;
    }

    #[test]
    fn tree_source_never_panics_on_a_damaged_small_tree(edits in edits(TOML_TOKENS)) {
        let text = damage(MINI_TREE, &edits);
        check_tree_text(&text)?;
        check_tree_source(&text)?;
    }

    #[test]
    fn paths_never_panic_on_any_text(text in text(1000)) {
        check_paths(&text)?;
    }

    #[test]
    fn paths_never_panic_when_damaged(edits in edits(TOML_TOKENS)) {
        check_paths(&damage(paths_source(), &edits))?;
    }

    #[test]
    fn storage_keys_never_leave_the_prefix(namespace in text(60)) {
        check_namespace(&namespace)?;
    }

    #[test]
    fn storage_keys_for_namespace_shaped_input(namespace in "[a-z0-9-]{0,45}") {
        check_namespace(&namespace)?;
    }

    #[test]
    fn storage_keys_for_namespace_soup(namespace in soup(NAMESPACE_TOKENS, 20)) {
        check_namespace(&namespace)?;
    }

    #[test]
    fn book_json_never_panics_on_any_text(text in text(2000)) {
        check_book_json(&text)?;
    }

    #[test]
    fn book_json_never_panics_on_json_soup(text in soup(JSON_TOKENS, 400)) {
        check_book_json(&text)?;
        check_tree_json(&text)?;
    }

    #[test]
    fn book_json_never_panics_when_damaged(edits in edits(JSON_TOKENS)) {
        check_book_json(&damage(small_book_json(), &edits))?;
    }

    #[test]
    fn tree_json_never_panics_when_damaged(edits in edits(JSON_TOKENS)) {
        check_tree_json(&damage(mini_tree_json(), &edits))?;
    }

    #[test]
    fn guide_paths_never_panic(path in text(80)) {
        check_guide_path(&path)?;
    }

    #[test]
    fn guide_paths_never_panic_on_path_soup(path in soup(PATH_TOKENS, 12)) {
        check_guide_path(&path)?;
    }

    #[test]
    fn widget_views_never_panic(view in text(100)) {
        check_widget_view(&view)?;
    }

    #[test]
    fn widget_views_never_panic_on_view_soup(view in soup(VIEW_TOKENS, 8)) {
        check_widget_view(&view)?;
    }

    #[test]
    fn share_links_never_panic_on_any_text(input in text(700)) {
        check_share(&input)?;
    }

    #[test]
    fn share_links_never_panic_on_link_soup(input in soup(SHARE_TOKENS, 120)) {
        check_share(&input)?;
    }

    #[test]
    fn share_links_never_panic_when_damaged(choices in prop::collection::vec(any::<u8>(), 0..20), edits in edits(SHARE_TOKENS)) {
        for tree in trees() {
            // A real walk, as far as the choices go, then damaged.
            let mut answers = Vec::new();
            for choice in &choices {
                let options: Vec<String> = match tree.current(&answers) {
                    Ok(Step::Ask { question, .. }) => question.options.iter().map(|o| o.id.clone()).collect(),
                    _ => break,
                };
                let pick = &options[usize::from(*choice) % options.len()];
                answers = tree.answer(&answers, pick).expect("a listed option");
            }
            let link = share::encode(tree, &answers).expect("a walk encodes");
            prop_assert_eq!(share::decode(tree, &link), Ok(answers));
            check_share(&damage(&link, &edits))?;
        }
    }
}

proptest! {
    #![proptest_config(config_fraction(10))]

    #[test]
    fn tree_source_never_panics_on_a_damaged_real_tree(edits in edits(TOML_TOKENS)) {
        let text = damage(tree_source(), &edits);
        check_tree_text(&text)?;
        check_tree_source(&text)?;
    }

    #[test]
    fn real_tree_json_never_panics_when_damaged(edits in edits(JSON_TOKENS)) {
        check_tree_json(&damage(tree_json(), &edits))?;
    }
}

proptest! {
    #![proptest_config(config_fraction(100))]

    #[test]
    fn real_book_json_never_panics_when_damaged(edits in edits(JSON_TOKENS)) {
        check_book_json(&damage(book_json(), &edits))?;
    }
}
