//! Loading and validating the authored content in `content/`, at build time and in `cargo test`.
//!
//! Every problem is collected, not just the first, and each names its file and line, so that an
//! author can fix a chapter in one pass. Nothing here runs in the browser.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::book::{
    chapter_path, Audience, Book, Chapter, ChapterInfo, ChapterKind, ChapterMeta, ReadingPath,
};
use crate::doc::{Block, Inline, LinkTarget};
use crate::id::is_valid_id;
use crate::markdown::parse_markdown;
use crate::pages::GuidePath;

mod conformance;
mod crosswalk;
mod trees;

pub use conformance::{load_check, load_conformance};
pub use crosswalk::load_crosswalk;
pub use trees::load_trees_dir;

/// Everything in `content/`, loaded and checked together.
#[derive(Debug, Clone)]
pub struct Content {
    /// The book: every chapter, validated, and the reading paths.
    pub book: Book,
    /// The registry of frameworks that trees and self-checks refer to.
    pub crosswalk: crate::crosswalk::Crosswalk,
    /// The decision trees, validated, with their shared definitions taken in and in resolved form.
    pub trees: Vec<crate::tree::TreeSpec>,
    /// The conformance self-checks, validated.
    pub checks: Vec<crate::conformance::CheckSpec>,
}

/// Loads and checks the whole content folder: the book, the crosswalk registry, the trees and
/// the conformance self-checks.
pub fn load_content(root: &Path) -> Result<Content, ContentErrors> {
    let book = load_book_dir(root)?;
    let crosswalk = load_crosswalk(root)?;
    let trees = load_trees_dir(root, &book, &crosswalk)?;
    let checks = load_conformance(root, &book, &crosswalk)?;
    Ok(Content {
        book,
        crosswalk,
        trees,
        checks,
    })
}

/// The fewest words a chapter may have.
pub const MIN_CHAPTER_WORDS: usize = 1_200;
/// The decision trees a chapter may embed or link to: those that have a page.
pub fn known_trees() -> impl Iterator<Item = &'static str> {
    crate::Page::ALL.into_iter().filter_map(crate::Page::tree)
}

/// One authored file: its path (for messages) and its text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file's path, as messages name it.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// A problem in the content, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file the problem is in (or a folder, when it is about a whole folder).
    pub file: String,
    /// The line it is on, counting from 1; 0 when it is about the whole file.
    pub line: usize,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// All the problems found, printed one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} problem(s) in content/:", self.0.len())?;
        for error in &self.0 {
            writeln!(f, "  {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    slug: String,
    summary: String,
    audiences: Vec<String>,
    order: u32,
    #[serde(default)]
    kind: ChapterKind,
}

/// Reads every chapter under `root/book/` and the reading paths in `root/paths.toml`, and
/// validates the whole book.
pub fn load_book_dir(root: &Path) -> Result<Book, ContentErrors> {
    let mut book = load_chapters_dir(root)?;
    let paths_file = root.join("paths.toml");
    if paths_file.exists() {
        let text = std::fs::read_to_string(&paths_file).map_err(|e| {
            ContentErrors(vec![error(
                &paths_file.display().to_string(),
                0,
                format!("cannot read: {e}"),
            )])
        })?;
        book.paths = parse_paths(&paths_file.display().to_string(), &text, &book)?;
    }
    Ok(book)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PathsFile {
    path: Vec<PathEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PathEntry {
    audience: String,
    section: String,
    chapters: Vec<String>,
}

/// The chapter whose sections explain the reading paths.
pub const PATHS_CHAPTER: &str = "about-this-guide";

/// Parses and checks `paths.toml`: known audiences, once each; existing chapters; an existing
/// section of "About this guide".
pub fn parse_paths(file: &str, text: &str, book: &Book) -> Result<Vec<ReadingPath>, ContentErrors> {
    let parsed: PathsFile = toml::from_str(text)
        .map_err(|e| ContentErrors(vec![error(file, line_of(text, e.span()), e.message())]))?;
    let mut errors = Vec::new();
    let mut paths: Vec<ReadingPath> = Vec::new();
    for entry in parsed.path {
        let Some(audience) = Audience::from_key(&entry.audience) else {
            errors.push(error(
                file,
                0,
                format!("unknown audience {:?}", entry.audience),
            ));
            continue;
        };
        if paths.iter().any(|p| p.audience == audience) {
            errors.push(error(
                file,
                0,
                format!("audience {:?} has two paths", entry.audience),
            ));
        }
        if !book
            .chapter(PATHS_CHAPTER)
            .is_some_and(|c| c.has_section(&entry.section))
        {
            errors.push(error(
                file,
                0,
                format!("{PATHS_CHAPTER} has no section {{#{}}}", entry.section),
            ));
        }
        for slug in &entry.chapters {
            if book.chapter(slug).is_none() {
                errors.push(error(
                    file,
                    0,
                    format!("path for {:?}: no chapter {slug:?}", entry.audience),
                ));
            }
        }
        if entry.chapters.is_empty() {
            errors.push(error(
                file,
                0,
                format!("path for {:?} is empty", entry.audience),
            ));
        }
        paths.push(ReadingPath {
            audience,
            section: entry.section,
            chapters: entry.chapters,
        });
    }
    if errors.is_empty() {
        Ok(paths)
    } else {
        Err(ContentErrors(errors))
    }
}

/// The 1-based line of a byte span, for TOML errors.
fn line_of(text: &str, span: Option<std::ops::Range<usize>>) -> usize {
    span.map_or(0, |span| {
        text[..span.start.min(text.len())].matches('\n').count() + 1
    })
}

/// The files of `dir` ending in `.<extension>`, sorted by name; `what` names the folder in the
/// error when it cannot be read.
fn files_in(
    dir: &Path,
    extension: &str,
    what: &str,
) -> Result<Vec<std::path::PathBuf>, ContentErrors> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        ContentErrors(vec![ContentError {
            file: dir.display().to_string(),
            line: 0,
            message: format!("cannot read the {what} folder: {e}"),
        }])
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|ext| ext == extension))
        .collect();
    paths.sort();
    Ok(paths)
}

fn load_chapters_dir(root: &Path) -> Result<Book, ContentErrors> {
    let paths = files_in(&root.join("book"), "md", "chapters")?;
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::read_to_string(&path) {
            Ok(text) => sources.push(Source {
                path: path.display().to_string(),
                text,
            }),
            Err(e) => errors.push(ContentError {
                file: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    build_book(&sources)
}

/// Parses and validates chapters from their sources.
pub fn build_book(sources: &[Source]) -> Result<Book, ContentErrors> {
    let mut errors = Vec::new();
    let mut chapters: Vec<(String, Chapter)> = Vec::new();
    for source in sources {
        match parse_chapter(source) {
            Ok(chapter) => chapters.push((source.path.clone(), chapter)),
            Err(mut problems) => errors.append(&mut problems),
        }
    }
    check_uniqueness(&chapters, &mut errors);
    let book = {
        let mut list: Vec<Chapter> = chapters.iter().map(|(_, c)| c.clone()).collect();
        list.sort_by_key(|c| c.meta.order);
        Book {
            chapters: list,
            paths: Vec::new(),
        }
    };
    for (file, chapter) in &chapters {
        check_links(file, chapter, &book, &mut errors);
    }
    if errors.is_empty() {
        Ok(book)
    } else {
        Err(ContentErrors(errors))
    }
}

fn error(file: &str, line: usize, message: impl Into<String>) -> ContentError {
    ContentError {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Splits `+++` front matter from the body; returns (front matter, body, first line of body).
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("+++")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let end = rest.find("\n+++")?;
    let front = &rest[..end];
    let after = &rest[end + 4..];
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .unwrap_or(after);
    let body_line = 3 + front.lines().count();
    Some((front, body, body_line))
}

fn parse_chapter(source: &Source) -> Result<Chapter, Vec<ContentError>> {
    let file = source.path.as_str();
    let Some((front, body, body_line)) = split_front_matter(&source.text) else {
        return Err(vec![error(
            file,
            1,
            "missing front matter: the file must start with a `+++` line, TOML, and a closing `+++` line",
        )]);
    };
    let front: FrontMatter = toml::from_str(front)
        .map_err(|e| vec![error(file, 2, format!("front matter: {}", e.message()))])?;
    let mut errors = Vec::new();
    if !is_valid_id(&front.slug) {
        errors.push(error(
            file,
            2,
            format!(
                "slug {:?} must be lower-case letters, digits and hyphens",
                front.slug
            ),
        ));
    }
    if front.title.trim().is_empty() {
        errors.push(error(file, 2, "title is empty"));
    }
    if front.summary.trim().is_empty() {
        errors.push(error(file, 2, "summary is empty"));
    }
    let mut audiences = Vec::new();
    for key in &front.audiences {
        match Audience::from_key(key) {
            Some(audience) if !audiences.contains(&audience) => audiences.push(audience),
            Some(_) => errors.push(error(file, 2, format!("audience {key:?} is listed twice"))),
            None => errors.push(error(
                file,
                2,
                format!("unknown audience {key:?}: use executives, managers, developers or legal"),
            )),
        }
    }
    if front.audiences.is_empty() {
        errors.push(error(file, 2, "audiences is empty"));
    }
    let own_path = chapter_path(&front.slug);
    let doc = match parse_markdown(body, &own_path, body_line) {
        Ok(doc) => Some(doc),
        Err(problems) => {
            errors.extend(
                problems
                    .into_iter()
                    .map(|p| error(file, p.line, p.kind.to_string())),
            );
            None
        }
    };
    let meta = ChapterMeta {
        title: front.title.trim().to_string(),
        slug: front.slug,
        summary: front.summary.trim().to_string(),
        audiences,
        order: front.order,
        kind: front.kind,
    };
    match doc {
        Some(doc) if errors.is_empty() => {
            let chapter = Chapter::new(meta, doc);
            if chapter.words < MIN_CHAPTER_WORDS {
                return Err(vec![error(
                    file,
                    body_line,
                    format!(
                        "the chapter has {} words; the minimum is {MIN_CHAPTER_WORDS}",
                        chapter.words
                    ),
                )]);
            }
            Ok(chapter)
        }
        _ => Err(errors),
    }
}

fn check_uniqueness(chapters: &[(String, Chapter)], errors: &mut Vec<ContentError>) {
    let mut slugs: BTreeMap<&str, &str> = BTreeMap::new();
    let mut orders: BTreeMap<u32, &str> = BTreeMap::new();
    for (file, chapter) in chapters {
        if let Some(other) = slugs.insert(&chapter.meta.slug, file) {
            errors.push(error(
                file,
                2,
                format!("slug {:?} is also used by {other}", chapter.meta.slug),
            ));
        }
        if let Some(other) = orders.insert(chapter.meta.order, file) {
            errors.push(error(
                file,
                2,
                format!("order {} is also used by {other}", chapter.meta.order),
            ));
        }
    }
}

/// Checks that every internal link and embedded tree of `chapter` resolves.
fn check_links(file: &str, chapter: &Chapter, book: &Book, errors: &mut Vec<ContentError>) {
    let mut targets = BTreeSet::new();
    for block in &chapter.doc.blocks {
        collect_targets(block, &mut targets);
    }
    for footnote in &chapter.doc.footnotes {
        for block in &footnote.blocks {
            collect_targets(block, &mut targets);
        }
    }
    for target in targets {
        if let Some(problem) = resolve(&target, book) {
            errors.push(error(file, 0, problem));
        }
    }
}

/// What a chapter points at, in a form that can be checked against the book.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Link {
        path: String,
        fragment: Option<String>,
    },
    Tree(String),
}

fn collect_targets(block: &Block, out: &mut BTreeSet<Target>) {
    fn inlines(list: &[Inline], out: &mut BTreeSet<Target>) {
        for inline in list {
            match inline {
                Inline::Link { target, content } => {
                    if let LinkTarget::Internal { path, fragment } = target {
                        out.insert(Target::Link {
                            path: path.clone(),
                            fragment: fragment.clone(),
                        });
                    }
                    inlines(content, out);
                }
                Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Strike(inner) => {
                    inlines(inner, out)
                }
                _ => {}
            }
        }
    }
    match block {
        Block::Heading { content, .. } | Block::Paragraph(content) => inlines(content, out),
        Block::List { items, .. } => items
            .iter()
            .flat_map(|item| &item.blocks)
            .for_each(|b| collect_targets(b, out)),
        Block::Quote { blocks, .. } => blocks.iter().for_each(|b| collect_targets(b, out)),
        Block::Table { head, rows, .. } => head
            .iter()
            .chain(rows.iter().flatten())
            .for_each(|cell| inlines(cell, out)),
        Block::Tree(id) => {
            out.insert(Target::Tree(id.clone()));
        }
        Block::Code { .. } | Block::Rule => {}
    }
}

fn resolve(target: &Target, book: &Book) -> Option<String> {
    match target {
        Target::Tree(id) => (!known_trees().any(|known| known == id))
            .then(|| format!("unknown tree {id:?} in a `{{{{tree}}}}` directive")),
        Target::Link { path, fragment } => {
            let shown = match fragment {
                Some(f) => format!("{path}#{f}"),
                None => path.clone(),
            };
            match GuidePath::parse(path) {
                None => Some(format!("link {shown:?} goes to no page of the guide")),
                Some(GuidePath::Chapter(slug)) => match book.chapter(&slug) {
                    None => Some(format!("link {shown:?}: there is no chapter {slug:?}")),
                    Some(chapter) => fragment.as_ref().and_then(|id| {
                        (!chapter.has_section(id)).then(|| {
                            format!("link {shown:?}: chapter {slug:?} has no heading {{#{id}}}")
                        })
                    }),
                },
                Some(_) if fragment.is_some() => {
                    Some(format!("link {shown:?}: only chapters have #anchors"))
                }
                Some(other) if other.to_path() != *path && !path.contains('?') => Some(format!(
                    "link {shown:?} should be written {:?}",
                    other.to_path()
                )),
                Some(_) => None,
            }
        }
    }
}
