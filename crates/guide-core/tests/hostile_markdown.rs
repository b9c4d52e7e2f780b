//! Hostile Markdown: known XSS payloads, obfuscated link schemes, oversized and deeply nested
//! input. Each one is either refused with a line number (and then stops the build, naming the
//! file and line) or parsed into a document that can only hold internal, `https://` and `mailto:`
//! links and plain text. The document tree has no HTML node, so raw HTML must be refused outright.
//!
//! The payloads live in `fixtures/xss/payloads.txt`; the generated ones (1 MB, deep nesting,
//! bracket and emphasis bombs) are built below. Property tests then feed arbitrary text to the
//! parser and to `classify_link`. They run 10,000 cases each, or `PROPTEST_CASES` when it is set.
//!
//! Long because it is a catalogue: one case per payload family, each small and independent.

// These tests run natively (the core is tested on the host).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use guide_core::content::{build_book, ContentError, Source};
use guide_core::doc::{Block, Document, Inline, LinkTarget};
use guide_core::id::is_valid_id;
use guide_core::markdown::{
    classify_link, parse_markdown, MarkdownError, MarkdownErrorKind, MAX_DEPTH, MAX_SOURCE_BYTES,
};
use proptest::prelude::*;

mod common;
use common::{bytes, config, soup, text};

const OWN_PATH: &str = "/book/x/";

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Must be refused, with an error of this kind (by name) when one is given.
    Refuse(Option<&'static str>),
    /// Must be accepted, as text or safe links.
    Inert,
    /// Either way, as long as an accepted document is safe.
    Either,
}

#[derive(Debug, Clone)]
struct Payload {
    class: String,
    expect: Expect,
    name: String,
    text: String,
}

/// The name of an error kind, matched exhaustively so that a new kind is a compile error here.
fn kind_name(kind: &MarkdownErrorKind) -> &'static str {
    match kind {
        MarkdownErrorKind::RawHtml(_) => "RawHtml",
        MarkdownErrorKind::Image(_) => "Image",
        MarkdownErrorKind::UnsafeLink(_) => "UnsafeLink",
        MarkdownErrorKind::MissingHeadingId(_) => "MissingHeadingId",
        MarkdownErrorKind::BadHeadingId(_) => "BadHeadingId",
        MarkdownErrorKind::HeadingAttributes(_) => "HeadingAttributes",
        MarkdownErrorKind::DuplicateHeadingId(_) => "DuplicateHeadingId",
        MarkdownErrorKind::TopLevelHeading => "TopLevelHeading",
        MarkdownErrorKind::SkippedHeadingLevel { .. } => "SkippedHeadingLevel",
        MarkdownErrorKind::UnknownDirective(_) => "UnknownDirective",
        MarkdownErrorKind::NestedTree(_) => "NestedTree",
        MarkdownErrorKind::TooDeep => "TooDeep",
        MarkdownErrorKind::TooLarge => "TooLarge",
        MarkdownErrorKind::UndefinedFootnote(_) => "UndefinedFootnote",
    }
}

const KIND_NAMES: [&str; 14] = [
    "RawHtml",
    "Image",
    "UnsafeLink",
    "MissingHeadingId",
    "BadHeadingId",
    "HeadingAttributes",
    "DuplicateHeadingId",
    "TopLevelHeading",
    "SkippedHeadingLevel",
    "UnknownDirective",
    "NestedTree",
    "TooDeep",
    "TooLarge",
    "UndefinedFootnote",
];

/// Replaces each `\u{XXXX}` with its character.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find('}').expect("a closed \\u{...} escape");
        let code = u32::from_str_radix(&after[..end], 16).expect("a hex escape");
        out.push(char::from_u32(code).expect("a valid character"));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn payloads() -> Vec<Payload> {
    let text = include_str!("fixtures/xss/payloads.txt");
    let mut out: Vec<Payload> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(header) = line.strip_prefix("%%% ") {
            let mut words = header.trim_end().splitn(3, ' ');
            let class = words.next().expect("a class").to_string();
            let expect = match words.next().expect("an expectation") {
                "inert" => Expect::Inert,
                "either" => Expect::Either,
                "refuse" => Expect::Refuse(None),
                other => {
                    let kind = other
                        .strip_prefix("refuse:")
                        .unwrap_or_else(|| panic!("unknown expectation {other:?}"));
                    let known = KIND_NAMES
                        .iter()
                        .find(|k| **k == kind)
                        .unwrap_or_else(|| panic!("unknown error kind {kind:?}"));
                    Expect::Refuse(Some(known))
                }
            };
            let name = words.next().expect("a name").to_string();
            out.push(Payload {
                class,
                expect,
                name,
                text: String::new(),
            });
        } else if let Some(last) = out.last_mut() {
            last.text.push_str(line);
        }
    }
    for payload in &mut out {
        payload.text = unescape(&payload.text);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// What a safe document is
// ---------------------------------------------------------------------------------------------

/// Whether a link target is one the guide may render.
fn safe_target(target: &LinkTarget) -> bool {
    match target {
        LinkTarget::Internal { path, fragment } => {
            path.starts_with('/')
                && !path.starts_with("//")
                && path
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"/-?=".contains(&b))
                && fragment.as_deref().is_none_or(is_valid_id)
        }
        LinkTarget::External(url) => {
            url.starts_with("https://")
                && url.len() > "https://".len()
                && url.bytes().all(|b| b.is_ascii_graphic())
        }
        LinkTarget::Mail(address) => {
            address.contains('@') && address.bytes().all(|b| b.is_ascii_graphic())
        }
    }
}

/// Every problem with a document, walked with exhaustive matches: a new node type (an HTML node,
/// say) does not compile here until this check knows what is safe about it.
fn unsafe_parts(doc: &Document) -> Vec<String> {
    fn inlines(list: &[Inline], out: &mut Vec<String>) {
        for inline in list {
            match inline {
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
                Inline::FootnoteRef(label) => {
                    if label.is_empty() {
                        out.push("empty footnote label".into());
                    }
                }
                Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Strike(inner) => {
                    inlines(inner, out)
                }
                Inline::Link { target, content } => {
                    if !safe_target(target) {
                        out.push(format!("unsafe link target {target:?}"));
                    }
                    inlines(content, out);
                }
            }
        }
    }
    fn block(node: &Block, out: &mut Vec<String>) {
        match node {
            Block::Heading { level, id, content } => {
                if !(2..=6).contains(level) || !is_valid_id(id) {
                    out.push(format!("bad heading {level} {id:?}"));
                }
                inlines(content, out);
            }
            Block::Paragraph(content) => inlines(content, out),
            Block::List { items, .. } => {
                for item in items {
                    item.blocks.iter().for_each(|b| block(b, out));
                }
            }
            Block::Quote { blocks, .. } => blocks.iter().for_each(|b| block(b, out)),
            Block::Code { .. } | Block::Rule => {}
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    inlines(cell, out);
                }
            }
            Block::Tree(id) => {
                if !is_valid_id(id) {
                    out.push(format!("bad tree id {id:?}"));
                }
            }
        }
    }
    let mut out = Vec::new();
    for b in &doc.blocks {
        block(b, &mut out);
    }
    for footnote in &doc.footnotes {
        for b in &footnote.blocks {
            block(b, &mut out);
        }
    }
    out
}

/// The number of lines of `text`, counting `\n`, `\r\n` and a lone `\r` as line ends.
fn line_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    1 + bytes
        .iter()
        .enumerate()
        .filter(|(at, &b)| b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n')))
        .count()
}

/// Checks one parse result: a safe document, or errors whose lines lie inside the source.
fn check_result(
    source: &str,
    first_line: usize,
    result: &Result<Document, Vec<MarkdownError>>,
) -> Result<(), String> {
    match result {
        Ok(doc) => {
            let problems = unsafe_parts(doc);
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
        Err(errors) => {
            if errors.is_empty() {
                return Err("refused without an error".into());
            }
            let last = first_line + line_count(source) - 1;
            match errors.iter().find(|e| e.line < first_line || e.line > last) {
                Some(e) => Err(format!(
                    "error line {} outside {first_line}..={last}: {e}",
                    e.line
                )),
                None => Ok(()),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus, payload by payload
// ---------------------------------------------------------------------------------------------

#[test]
fn the_corpus_is_large_and_covers_every_class() {
    let all = payloads();
    assert!(all.len() >= 60, "only {} payloads", all.len());
    let classes: Vec<&str> = all.iter().map(|p| p.class.as_str()).collect();
    for class in [
        "raw-html",
        "attribute",
        "scheme",
        "image",
        "reference",
        "autolink",
        "escaped",
        "directive",
        "structure",
    ] {
        assert!(classes.contains(&class), "no payload of class {class}");
    }
    for payload in &all {
        assert!(
            !payload.text.trim().is_empty(),
            "payload {:?} is empty",
            payload.name
        );
    }
}

#[test]
fn every_payload_is_refused_with_a_line_or_parsed_inert() {
    let mut failures = Vec::new();
    // class -> (refused, accepted)
    let mut summary: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for payload in payloads() {
        for first_line in [1, 40] {
            let result = parse_markdown(&payload.text, OWN_PATH, first_line);
            if let Err(problem) = check_result(&payload.text, first_line, &result) {
                failures.push(format!("{}: {problem}", payload.name));
            }
            let outcome = match (&result, payload.expect) {
                (Ok(_), Expect::Refuse(_)) => Some("accepted, but must be refused".to_string()),
                (Err(errors), Expect::Inert) => {
                    Some(format!("refused, but must be inert: {errors:?}"))
                }
                (Err(errors), Expect::Refuse(Some(kind))) => {
                    (!errors.iter().any(|e| kind_name(&e.kind) == kind))
                        .then(|| format!("refused without a {kind} error: {errors:?}"))
                }
                _ => None,
            };
            if let Some(outcome) = outcome {
                failures.push(format!("{} ({}): {outcome}", payload.name, payload.class));
            }
            if first_line == 1 {
                let entry = summary.entry(payload.class.clone()).or_default();
                match result {
                    Err(_) => entry.0 += 1,
                    Ok(_) => entry.1 += 1,
                }
            }
        }
    }
    println!("class          refused  inert");
    for (class, (refused, inert)) in &summary {
        println!("{class:<14} {refused:>7}  {inert:>5}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Raw HTML specifically: the tree has no node for it, so every raw HTML payload is an error.
#[test]
fn raw_html_is_always_refused_never_kept_as_markup() {
    for payload in payloads().iter().filter(|p| p.class == "raw-html") {
        let errors = parse_markdown(&payload.text, OWN_PATH, 1)
            .expect_err(&format!("{} must be refused", payload.name));
        assert!(
            errors
                .iter()
                .any(|e| matches!(e.kind, MarkdownErrorKind::RawHtml(_)) && e.line >= 1),
            "{}: {errors:?}",
            payload.name
        );
    }
}

/// Escaped markup stays in the document as text for the view to escape again, never as markup.
#[test]
fn escaped_markup_is_kept_as_text() {
    let doc = parse_markdown("&lt;script&gt;alert(1)&lt;/script&gt;\n", OWN_PATH, 1)
        .expect("entities are text");
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![Inline::Text(
            "<script>alert(1)</script>".into()
        )])]
    );
    let doc = parse_markdown("`<img src=x onerror=alert(1)>`\n", OWN_PATH, 1).expect("code");
    assert_eq!(
        doc.blocks,
        vec![Block::Paragraph(vec![Inline::Code(
            "<img src=x onerror=alert(1)>".into()
        )])]
    );
}

// ---------------------------------------------------------------------------------------------
// The same payloads in a chapter file: the build stops, naming the file and the line
// ---------------------------------------------------------------------------------------------

const FILE: &str = "content/book/99-hostile.md";

/// A chapter that is valid apart from `payload`, which starts on the returned line.
fn chapter_with(payload: &str) -> (String, usize) {
    let mut text = String::from(
        "+++\ntitle = \"Hostile\"\nslug = \"hostile\"\nsummary = \"A chapter of hostile input.\"\naudiences = [\"developers\"]\norder = 1\n+++\n## Enough words {#enough-words}\n\n",
    );
    for _ in 0..15 {
        text.push_str(&"plain words to reach the minimum length ".repeat(13));
        text.push('\n');
    }
    text.push('\n');
    let payload_line = line_count(&text);
    text.push_str(payload);
    (text, payload_line)
}

fn build(text: String) -> Result<guide_core::Book, Vec<ContentError>> {
    build_book(&[Source {
        path: FILE.to_string(),
        text,
    }])
    .map_err(|errors| errors.0)
}

#[test]
fn a_chapter_with_a_refused_payload_stops_the_build_at_the_payloads_line() {
    let (padding, _) = chapter_with("");
    build(padding).expect("the padding alone is a valid chapter");
    let mut failures = Vec::new();
    for payload in payloads() {
        let (text, first) = chapter_with(&payload.text);
        let last = first + line_count(&payload.text) - 1;
        let refused_alone = parse_markdown(&payload.text, OWN_PATH, 1).is_err();
        match build(text) {
            Ok(book) => {
                if refused_alone {
                    failures.push(format!("{}: the build accepted it", payload.name));
                } else {
                    let doc = &book.chapters[0].doc;
                    if !unsafe_parts(doc).is_empty() {
                        failures.push(format!("{}: unsafe document", payload.name));
                    }
                }
            }
            Err(errors) => {
                if !refused_alone && payload.expect == Expect::Inert {
                    failures.push(format!(
                        "{}: the build refused it: {errors:?}",
                        payload.name
                    ));
                }
                if let Some(e) = errors.iter().find(|e| e.file != FILE || e.line == 0) {
                    failures.push(format!(
                        "{}: error without file and line: {e}",
                        payload.name
                    ));
                }
                // Problems found at a place point into the payload; a missing footnote is reported
                // where the body starts.
                let located = errors
                    .iter()
                    .any(|e| (first..=last).contains(&e.line) || e.message.contains("footnote"));
                if !located {
                    failures.push(format!(
                        "{}: no error inside lines {first}..={last}: {errors:?}",
                        payload.name
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_hostile_link_is_reported_on_its_exact_line() {
    let (text, first) =
        chapter_with("Fine paragraph.\n\nAnother one.\n\n[click](jav&#x09;ascript:alert(1))\n");
    let errors = build(text).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, FILE);
    assert_eq!(errors[0].line, first + 4);
    assert!(
        errors[0].message.contains("is not allowed"),
        "{}",
        errors[0]
    );
    assert_eq!(
        errors[0].to_string(),
        format!("{FILE}:{}: {}", first + 4, errors[0].message)
    );
}

#[test]
fn line_numbers_hold_with_any_line_ending() {
    for ending in ["\n", "\r\n", "\r"] {
        let source = ["Fine.", "", "More.", "", "<script>alert(1)</script>", ""].join(ending);
        let errors = parse_markdown(&source, OWN_PATH, 10).expect_err("refused");
        assert_eq!(errors[0].line, 14, "line ending {ending:?}: {errors:?}");
    }
}

#[test]
fn an_oversized_chapter_stops_the_build_naming_the_file() {
    let (text, _) = chapter_with(&"<script>alert(1)</script>\n".repeat(45_000));
    let errors = build(text).expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|e| e.file == FILE && e.line > 0 && e.message.contains("larger than")),
        "{errors:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Generated inputs: big, deep, bombs
// ---------------------------------------------------------------------------------------------

/// Repeats `unit` until the text is about `bytes` long.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1))
}

/// The body just below the size limit.
const NEAR_LIMIT: usize = MAX_SOURCE_BYTES - 1024;

fn generated() -> Vec<(&'static str, Expect, String)> {
    let deep = 20 * MAX_DEPTH;
    let mut indented_list = String::new();
    let mut level = 0;
    while indented_list.len() < NEAR_LIMIT - 2 * level - 8 {
        indented_list.push_str(&" ".repeat(2 * level));
        indented_list.push_str("- x\n");
        level += 1;
    }
    let mut backticks = String::new();
    let mut run = 1;
    while backticks.len() + run + 1 < NEAR_LIMIT {
        backticks.push_str(&"`".repeat(run));
        backticks.push('a');
        run += 1;
    }
    let mut references = String::new();
    let mut uses = String::new();
    for i in 0..8_000 {
        references.push_str(&format!("[r{i}]: https://example.org/{i}\n"));
        uses.push_str(&format!("[r{i}] "));
    }
    let references = format!("{uses}\n\n{references}");
    let mut wide_table = String::from("|");
    wide_table.push_str(&"a|".repeat(20_000));
    wide_table.push_str("\n|");
    wide_table.push_str(&"-|".repeat(20_000));
    wide_table.push('\n');
    let rows = (NEAR_LIMIT - wide_table.len()) / 2;
    wide_table.push_str(&"|\n".repeat(rows));
    vec![
        (
            "1 MB of plain text",
            Expect::Refuse(Some("TooLarge")),
            "a".repeat(1 << 20),
        ),
        (
            "1 MB of script tags",
            Expect::Refuse(Some("TooLarge")),
            fill("<script>alert(1)</script>\n", 1 << 20),
        ),
        (
            "1 MB of multi-byte characters",
            Expect::Refuse(Some("TooLarge")),
            fill("é\u{202E}", 1 << 20),
        ),
        (
            "prose just under the limit",
            Expect::Inert,
            fill("Plain words in a long paragraph.\n", NEAR_LIMIT),
        ),
        (
            "img tags just under the limit",
            Expect::Refuse(Some("RawHtml")),
            fill("<img src=x onerror=alert(1)>\n\n", NEAR_LIMIT),
        ),
        (
            "javascript links just under the limit",
            Expect::Refuse(Some("UnsafeLink")),
            fill("[x](javascript:alert(1)) ", NEAR_LIMIT),
        ),
        (
            "block quotes nested far too deep, one line",
            Expect::Refuse(Some("TooDeep")),
            format!("{}x\n", "> ".repeat(NEAR_LIMIT / 2 - 2)),
        ),
        (
            "block quotes nested deep, many lines",
            Expect::Refuse(Some("TooDeep")),
            format!("{}x\n", "> ".repeat(deep)).repeat(NEAR_LIMIT / (2 * deep + 2)),
        ),
        (
            "bullet lists nested far too deep, one line",
            Expect::Refuse(Some("TooDeep")),
            format!("{}x\n", "- ".repeat(NEAR_LIMIT / 2 - 2)),
        ),
        (
            "ordered lists nested far too deep, one line",
            Expect::Refuse(Some("TooDeep")),
            format!("{}x\n", "1. ".repeat(NEAR_LIMIT / 3 - 2)),
        ),
        (
            "lists indented deeper on every line",
            Expect::Refuse(Some("TooDeep")),
            indented_list,
        ),
        (
            "quotes and lists alternating",
            Expect::Refuse(Some("TooDeep")),
            format!("{}x\n", "> - ".repeat(NEAR_LIMIT / 4 - 2)),
        ),
        (
            "nested emphasis",
            Expect::Refuse(Some("TooDeep")),
            format!("{}b{}", "*a ".repeat(deep * 100), " c*".repeat(deep * 100)),
        ),
        (
            "nested strong and emphasis, alternating",
            Expect::Refuse(Some("TooDeep")),
            format!(
                "{}b{}",
                "**a _".repeat(deep * 50),
                "_ c**".repeat(deep * 50)
            ),
        ),
        (
            "nested links in links",
            Expect::Either,
            format!("{}x{}", "[".repeat(50_000), "](/)".repeat(50_000)),
        ),
        (
            "emphasis bomb: stars",
            Expect::Either,
            "*".repeat(NEAR_LIMIT),
        ),
        (
            "emphasis bomb: mixed delimiters",
            Expect::Either,
            fill("*_~", NEAR_LIMIT),
        ),
        (
            "emphasis bomb: unclosed openers",
            Expect::Either,
            fill("**a _b ", NEAR_LIMIT),
        ),
        (
            "emphasis bomb: unclosed closers",
            Expect::Either,
            fill("a** b_ ", NEAR_LIMIT),
        ),
        (
            "unbalanced brackets: openers",
            Expect::Either,
            "[".repeat(NEAR_LIMIT),
        ),
        (
            "unbalanced brackets: image openers",
            Expect::Either,
            fill("![", NEAR_LIMIT),
        ),
        (
            "unbalanced brackets: closers and parentheses",
            Expect::Either,
            fill("](", NEAR_LIMIT),
        ),
        (
            "unclosed link destinations",
            Expect::Either,
            fill("[a](", NEAR_LIMIT),
        ),
        (
            "unclosed angle destinations",
            Expect::Either,
            fill("[a](<", NEAR_LIMIT),
        ),
        (
            "unclosed reference labels",
            Expect::Either,
            fill("[a][", NEAR_LIMIT),
        ),
        (
            "unclosed footnote labels",
            Expect::Either,
            fill("[^", NEAR_LIMIT),
        ),
        ("backtick runs of every length", Expect::Either, backticks),
        ("unclosed tags", Expect::Either, fill("<a ", NEAR_LIMIT)),
        (
            "unclosed comments",
            Expect::Refuse(Some("RawHtml")),
            fill("<!--", NEAR_LIMIT),
        ),
        ("entity starts", Expect::Either, fill("&#", NEAR_LIMIT)),
        ("backslashes", Expect::Either, "\\".repeat(NEAR_LIMIT)),
        (
            "8,000 link reference definitions",
            Expect::Inert,
            references,
        ),
        ("a table 20,000 columns wide", Expect::Either, wide_table),
        (
            "undefined footnotes (text to CommonMark)",
            Expect::Inert,
            fill("[^a] ", NEAR_LIMIT),
        ),
        ("null bytes", Expect::Inert, "\0".repeat(NEAR_LIMIT)),
        (
            "right-to-left overrides",
            Expect::Inert,
            fill("\u{202E}", NEAR_LIMIT),
        ),
        ("one long line", Expect::Inert, "a".repeat(NEAR_LIMIT)),
        ("only newlines", Expect::Either, "\n".repeat(NEAR_LIMIT)),
        (
            "only carriage returns",
            Expect::Either,
            "\r".repeat(NEAR_LIMIT),
        ),
        (
            "many headings with the same id",
            Expect::Refuse(Some("DuplicateHeadingId")),
            fill("## A {#a}\n", NEAR_LIMIT),
        ),
        (
            "many directives",
            Expect::Refuse(Some("UnknownDirective")),
            fill("{{tree x y}}\n\n", NEAR_LIMIT),
        ),
    ]
}

#[test]
fn big_and_deep_inputs_are_handled_in_bounded_time() {
    let mut failures = Vec::new();
    let mut slowest = Duration::ZERO;
    for (name, expect, text) in generated() {
        let started = Instant::now();
        let result = parse_markdown(&text, OWN_PATH, 1);
        let took = started.elapsed();
        slowest = slowest.max(took);
        let outcome = match &result {
            Ok(_) => "inert".to_string(),
            Err(errors) => format!(
                "refused, {} error(s), first {}",
                errors.len(),
                kind_name(&errors[0].kind)
            ),
        };
        println!(
            "{name:<48} {:>8} bytes {:>9.1?}  {outcome}",
            text.len(),
            took
        );
        if let Err(problem) = check_result(&text, 1, &result) {
            failures.push(format!("{name}: {problem}"));
        }
        let wrong = match (&result, expect) {
            (Ok(_), Expect::Refuse(_)) => true,
            (Err(_), Expect::Inert) => true,
            (Err(errors), Expect::Refuse(Some(kind))) => {
                !errors.iter().any(|e| kind_name(&e.kind) == kind)
            }
            _ => false,
        };
        if wrong {
            failures.push(format!("{name}: expected {expect:?}, got {outcome}"));
        }
    }
    println!("slowest: {slowest:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Fast generators
// ---------------------------------------------------------------------------------------------

/// Pieces of Markdown syntax and of attacks, to build inputs that reach deep into the parser.
const MARKDOWN_TOKENS: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "~~",
    "`",
    "```",
    "[",
    "]",
    "(",
    ")",
    "![",
    "[^",
    "]:",
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<script>",
    "<img src=x onerror=alert(1)>",
    "&",
    "&#",
    "&#x",
    ";",
    "&lt;",
    "&colon;",
    "\\",
    "#",
    "## ",
    "{#",
    "}",
    "{{tree ",
    "}}",
    "- ",
    "1. ",
    "> ",
    "|",
    "|---|",
    "---",
    "===",
    "- [ ] ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    " ",
    "    ",
    "\t",
    "javascript:",
    "JavaScript:",
    "java\tscript:",
    "data:",
    "vbscript:",
    "https://",
    "http://",
    "//",
    "/book/",
    "mailto:",
    "@",
    "#a",
    "?",
    "=",
    "\"",
    "'",
    "a",
    "word",
    "é",
    "\u{0}",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "a-b",
];

fn markdownish() -> impl Strategy<Value = String> {
    soup(MARKDOWN_TOKENS, 600)
}

const LINK_TOKENS: &[&str] = &[
    "https://",
    "http://",
    "mailto:",
    "javascript:",
    "JAVASCRIPT:",
    "data:",
    "vbscript:",
    "file:",
    "/",
    "//",
    "\\",
    "#",
    "?",
    "=",
    "&",
    "%",
    "%2F",
    "@",
    ":",
    ".",
    "-",
    "a",
    "z",
    "0",
    "book",
    "x",
    " ",
    "\t",
    "\n",
    "\u{0}",
    "\u{7F}",
    "\u{202E}",
    "\u{200B}",
    "é",
    "а",
    "\"",
    "'",
    "<",
    ">",
];

fn linkish() -> impl Strategy<Value = String> {
    soup(LINK_TOKENS, 24)
}

fn check_markdown(source: &str, first_line: usize) -> Result<(), TestCaseError> {
    let result = parse_markdown(source, OWN_PATH, first_line);
    check_result(source, first_line, &result).map_err(TestCaseError::fail)
}

fn check_link(dest: &str) -> Result<(), TestCaseError> {
    if let Some(target) = classify_link(dest, OWN_PATH) {
        prop_assert!(safe_target(&target), "{dest:?} -> {target:?}");
        let lower = dest.to_ascii_lowercase();
        for scheme in ["javascript:", "data:", "vbscript:", "file:", "http:"] {
            prop_assert!(!lower.starts_with(scheme), "{dest:?} -> {target:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn parse_markdown_never_panics_on_any_text(source in text(3000), first_line in 1usize..10_000) {
        check_markdown(&source, first_line)?;
    }

    #[test]
    fn parse_markdown_never_panics_on_any_bytes(bytes in bytes(4000)) {
        check_markdown(&String::from_utf8_lossy(&bytes), 1)?;
    }

    #[test]
    fn parse_markdown_never_panics_on_markdown_soup(source in markdownish(), first_line in 1usize..10_000) {
        check_markdown(&source, first_line)?;
    }

    #[test]
    fn classify_link_only_returns_safe_targets(dest in text(200)) {
        check_link(&dest)?;
    }

    #[test]
    fn classify_link_only_returns_safe_targets_for_link_soup(dest in linkish()) {
        check_link(&dest)?;
    }

    #[test]
    fn links_in_documents_are_safe(words in "[a-z ]{0,10}", dest in linkish()) {
        let source = format!("[{words}]({dest}) and <{dest}>\n\n[r]: {dest}\n\n[r] [{words}][r]\n");
        check_markdown(&source, 1)?;
    }
}
