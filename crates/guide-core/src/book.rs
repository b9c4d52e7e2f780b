//! The book as the guide shows it: chapters in order, with their metadata and document trees.
//!
//! This is the shape compiled into the app. It is built and validated by `content` at build time;
//! in the browser it is only read.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::doc::{Block, Document, Inline};
use crate::pages::GuidePath;

/// Who a chapter is written for. The four audiences of the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Executives, policy-makers and decision-makers, who decide whether to create an office and
    /// how it is funded.
    Executives,
    /// OSPO program managers and leaders, who turn a mandate into a working programme.
    Managers,
    /// Developers, researchers, students and educators, who want to know what an office means for
    /// their own work.
    Developers,
    /// Legal and compliance professionals, responsible for licences, contribution terms and product
    /// regulation.
    Legal,
}

impl Audience {
    /// Every audience, in the order the guide lists them.
    pub const ALL: [Audience; 4] = [
        Audience::Executives,
        Audience::Managers,
        Audience::Developers,
        Audience::Legal,
    ];

    /// The stable key used in URLs, stored data and front matter.
    pub fn key(self) -> &'static str {
        match self {
            Audience::Executives => "executives",
            Audience::Managers => "managers",
            Audience::Developers => "developers",
            Audience::Legal => "legal",
        }
    }

    /// The audience whose [`key`](Audience::key) is `key`; `None` for any other string.
    pub fn from_key(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// A chapter's front matter: what the guide needs to list, order and link it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterMeta {
    /// The chapter's title.
    pub title: String,
    /// The chapter's slug, its path segment: the chapter is at `/book/<slug>/`.
    pub slug: String,
    /// One or two sentences on what the chapter covers, shown in lists and at its head.
    pub summary: String,
    /// The audiences the chapter serves most.
    pub audiences: Vec<Audience>,
    /// The chapter's place in reading order, unique within the book.
    pub order: u32,
    /// A chapter to read, or a reference to look things up in (the glossary, the references),
    /// which search ranks below an equally good match in a chapter.
    #[serde(default, skip_serializing_if = "ChapterKind::is_chapter")]
    pub kind: ChapterKind,
}

/// What a chapter is for (front matter `kind`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChapterKind {
    /// A chapter to read (the default).
    #[default]
    Chapter,
    /// A chapter to look things up in.
    Reference,
}

impl ChapterKind {
    fn is_chapter(&self) -> bool {
        *self == ChapterKind::Chapter
    }
}

/// A section heading of a chapter, for outlines, anchors and search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    /// The heading's level, 2 to 6 (level 1 is the chapter's title).
    pub level: u8,
    /// The heading's id, its anchor within the chapter.
    pub id: &'a str,
    /// The heading's text, without markup.
    pub title: String,
}

/// A chapter with its front matter, its parsed text and its length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    /// The chapter's front matter.
    pub meta: ChapterMeta,
    /// The chapter's text as a document tree.
    pub doc: Document,
    /// The number of words a reader reads in it (see [`Document::word_count`]).
    pub words: usize,
}

/// Words a reader reads per minute, for reading-time estimates.
pub const WORDS_PER_MINUTE: usize = 230;

/// What every form of a chapter offers: the whole [`Chapter`] with its text, or the
/// [`ChapterOutline`] the app carries for every chapter (the text is fetched when it is read).
pub trait ChapterInfo {
    /// The chapter's front matter.
    fn meta(&self) -> &ChapterMeta;
    /// The number of words a reader reads in the chapter.
    fn words(&self) -> usize;
    /// The chapter's section headings in reading order.
    fn sections(&self) -> Vec<Section<'_>>;

    /// Estimated reading time in whole minutes, at least one.
    fn reading_minutes(&self) -> usize {
        self.words().div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// Whether the chapter has a heading with this id.
    fn has_section(&self, id: &str) -> bool {
        self.sections().iter().any(|s| s.id == id)
    }

    /// The route of this chapter, relative to the guide's root.
    fn path(&self) -> String {
        chapter_path(&self.meta().slug)
    }
}

impl Chapter {
    /// A chapter from its front matter and text, its words counted.
    pub fn new(meta: ChapterMeta, doc: Document) -> Self {
        let words = doc.word_count();
        Chapter { meta, doc, words }
    }

    /// The chapter without its text: what the app needs to list, link and outline it.
    pub fn outline(&self) -> ChapterOutline {
        ChapterOutline {
            meta: self.meta.clone(),
            words: self.words,
            headings: self
                .sections()
                .into_iter()
                .map(|s| OutlineSection {
                    level: s.level,
                    id: s.id.to_string(),
                    title: s.title,
                })
                .collect(),
            trees: self
                .doc
                .embedded_trees()
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl ChapterInfo for Chapter {
    fn meta(&self) -> &ChapterMeta {
        &self.meta
    }

    fn words(&self) -> usize {
        self.words
    }

    fn sections(&self) -> Vec<Section<'_>> {
        self.doc
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading { level, id, content } => Some(Section {
                    level: *level,
                    id,
                    title: Inline::plain_text(content),
                }),
                _ => None,
            })
            .collect()
    }
}

/// A chapter's metadata, length and headings, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterOutline {
    /// The chapter's front matter.
    pub meta: ChapterMeta,
    /// The number of words a reader reads in the chapter.
    pub words: usize,
    /// The chapter's section headings in reading order.
    pub headings: Vec<OutlineSection>,
    /// The ids of the trees embedded in the chapter's text, in reading order: with them a page
    /// that was prerendered knows where its interactive parts are without the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trees: Vec<String>,
}

/// One heading of a [`ChapterOutline`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineSection {
    /// The heading's level, 2 to 6 (level 1 is the chapter's title).
    pub level: u8,
    /// The heading's id, its anchor within the chapter.
    pub id: String,
    /// The heading's text, without markup.
    pub title: String,
}

impl ChapterInfo for ChapterOutline {
    fn meta(&self) -> &ChapterMeta {
        &self.meta
    }

    fn words(&self) -> usize {
        self.words
    }

    fn sections(&self) -> Vec<Section<'_>> {
        self.headings
            .iter()
            .map(|s| Section {
                level: s.level,
                id: &s.id,
                title: s.title.clone(),
            })
            .collect()
    }
}

/// The route of the chapter with this slug, relative to the guide's root: `/book/<slug>/`.
pub fn chapter_path(slug: &str) -> String {
    format!("/book/{slug}/")
}

/// The book: chapters in reading order and the reading paths. `Book` (the default) has each
/// chapter's text; [`BookIndex`] has only the outlines, which is what the app carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Book<C = Chapter> {
    /// Chapters sorted by `meta.order`.
    pub chapters: Vec<C>,
    /// The recommended reading order for each audience.
    #[serde(default)]
    pub paths: Vec<ReadingPath>,
}

/// The book without the chapters' text.
pub type BookIndex = Book<ChapterOutline>;

impl<C> Default for Book<C> {
    fn default() -> Self {
        Book {
            chapters: Vec::new(),
            paths: Vec::new(),
        }
    }
}

/// A recommended order of chapters for one audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPath {
    /// The audience the path is for.
    pub audience: Audience,
    /// The section of "About this guide" that explains this path.
    pub section: String,
    /// The slugs of the chapters to read, in order.
    pub chapters: Vec<String>,
}

impl<C: ChapterInfo> Book<C> {
    /// The chapter with this slug, if the book has one.
    pub fn chapter(&self, slug: &str) -> Option<&C> {
        self.chapters.iter().find(|c| c.meta().slug == slug)
    }

    /// The chapter's position in reading order, from 0.
    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.chapters.iter().position(|c| c.meta().slug == slug)
    }

    /// The chapters before and after `slug` in reading order.
    pub fn neighbours(&self, slug: &str) -> (Option<&C>, Option<&C>) {
        match self.index_of(slug) {
            Some(index) => (
                index.checked_sub(1).and_then(|i| self.chapters.get(i)),
                self.chapters.get(index + 1),
            ),
            None => (None, None),
        }
    }

    /// Chapters written for `audience`, in reading order.
    pub fn for_audience(&self, audience: Audience) -> impl Iterator<Item = &C> {
        self.chapters
            .iter()
            .filter(move |c| c.meta().audiences.contains(&audience))
    }

    /// The reading path recommended for `audience`, if the book has one.
    pub fn path_for(&self, audience: Audience) -> Option<&ReadingPath> {
        self.paths.iter().find(|p| p.audience == audience)
    }

    /// The number of words in all chapters together.
    pub fn total_words(&self) -> usize {
        self.chapters.iter().map(ChapterInfo::words).sum()
    }

    /// Checks a root-relative link from authored data (a tree, a self-check) against the
    /// guide's routes and this book's chapters and headings: `None` when it resolves.
    pub fn check_link(&self, link: &str) -> Option<LinkProblem> {
        if !link.starts_with('/') || link.starts_with("//") {
            return Some(LinkProblem::NotRootRelative);
        }
        let (path, fragment) = match link.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (link, None),
        };
        let Some(route) = GuidePath::parse(path) else {
            return Some(LinkProblem::NoSuchPage);
        };
        if route.to_path() != path {
            return Some(LinkProblem::NotCanonical(match fragment {
                Some(f) => format!("{}#{f}", route.to_path()),
                None => route.to_path(),
            }));
        }
        match (route, fragment) {
            (GuidePath::Chapter(slug), fragment) => {
                let Some(chapter) = self.chapter(&slug) else {
                    return Some(LinkProblem::NoChapter(slug));
                };
                match fragment {
                    Some(anchor) if !chapter.has_section(anchor) => Some(LinkProblem::NoSection {
                        slug,
                        anchor: anchor.to_string(),
                    }),
                    _ => None,
                }
            }
            (_, Some(_)) => Some(LinkProblem::AnchorOnPage),
            (_, None) => None,
        }
    }
}

/// Why a link from authored data into the guide does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkProblem {
    /// The link is not a root-relative path (it does not start with one `/`).
    #[error("links must be root-relative paths into the guide, such as /book/<slug>/#<anchor>")]
    NotRootRelative,
    /// The path is not a route of the guide.
    #[error("it goes to no page of the guide")]
    NoSuchPage,
    /// The path is a route of the guide written another way; holds the form to write instead.
    #[error("write it {0:?}")]
    NotCanonical(String),
    /// The route is a chapter, but the book has no chapter with that slug; holds the slug.
    #[error("there is no chapter {0:?}")]
    NoChapter(String),
    /// The chapter has no heading with the link's `#anchor`.
    #[error("chapter {slug:?} has no heading {{#{anchor}}}")]
    NoSection {
        /// The chapter's slug.
        slug: String,
        /// The anchor, without its `#`.
        anchor: String,
    },
    /// The link has an `#anchor` but goes to a page other than a chapter, which has no anchors.
    #[error("only chapters have #anchors")]
    AnchorOnPage,
}

impl Book {
    /// Decodes a book serialised by the build.
    pub fn from_json(json: &str) -> Result<Book, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The book without the chapters' text, as the app carries it.
    pub fn index(&self) -> BookIndex {
        Book {
            chapters: self.chapters.iter().map(Chapter::outline).collect(),
            paths: self.paths.clone(),
        }
    }

    /// Puts a book back together from its index and each chapter's text, in the index's order.
    /// `None` when a chapter's text is missing.
    pub fn assemble(
        index: &BookIndex,
        mut doc_of: impl FnMut(&str) -> Option<Document>,
    ) -> Option<Book> {
        let chapters = index
            .chapters
            .iter()
            .map(|outline| {
                Some(Chapter {
                    meta: outline.meta.clone(),
                    doc: doc_of(&outline.meta.slug)?,
                    words: outline.words,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Book {
            chapters,
            paths: index.paths.clone(),
        })
    }
}
