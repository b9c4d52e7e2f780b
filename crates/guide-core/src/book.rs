//! The book as the guide shows it: chapters in order, with their metadata and document trees.
//!
//! This is the shape compiled into the app. It is built and validated by `content` at build time;
//! in the browser it is only read.

use serde::{Deserialize, Serialize};

use crate::doc::{Block, Document, Inline};

/// Who a chapter is written for. The four audiences of the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Executives,
    Managers,
    Developers,
    Legal,
}

impl Audience {
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

    pub fn from_key(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChapterMeta {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub audiences: Vec<Audience>,
    pub order: u32,
}

/// A section heading of a chapter, for outlines, anchors and search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section<'a> {
    pub level: u8,
    pub id: &'a str,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    pub meta: ChapterMeta,
    pub doc: Document,
    pub words: usize,
}

/// Words a reader reads per minute, for reading-time estimates.
pub const WORDS_PER_MINUTE: usize = 230;

impl Chapter {
    pub fn new(meta: ChapterMeta, doc: Document) -> Self {
        let words = doc.word_count();
        Chapter { meta, doc, words }
    }

    /// Estimated reading time in whole minutes, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// The chapter's sections in reading order.
    pub fn sections(&self) -> Vec<Section<'_>> {
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

    pub fn has_section(&self, id: &str) -> bool {
        self.sections().iter().any(|s| s.id == id)
    }

    /// The route of this chapter, relative to the guide's root.
    pub fn path(&self) -> String {
        chapter_path(&self.meta.slug)
    }
}

pub fn chapter_path(slug: &str) -> String {
    format!("/book/{slug}/")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Book {
    /// Chapters sorted by `meta.order`.
    pub chapters: Vec<Chapter>,
    /// The recommended reading order for each audience.
    #[serde(default)]
    pub paths: Vec<ReadingPath>,
}

/// A recommended order of chapters for one audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPath {
    pub audience: Audience,
    /// The section of "About this guide" that explains this path.
    pub section: String,
    pub chapters: Vec<String>,
}

impl Book {
    pub fn chapter(&self, slug: &str) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.meta.slug == slug)
    }

    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.chapters.iter().position(|c| c.meta.slug == slug)
    }

    /// The chapters before and after `slug` in reading order.
    pub fn neighbours(&self, slug: &str) -> (Option<&Chapter>, Option<&Chapter>) {
        match self.index_of(slug) {
            Some(index) => (
                index.checked_sub(1).and_then(|i| self.chapters.get(i)),
                self.chapters.get(index + 1),
            ),
            None => (None, None),
        }
    }

    /// Chapters written for `audience`, in reading order.
    pub fn for_audience(&self, audience: Audience) -> impl Iterator<Item = &Chapter> {
        self.chapters
            .iter()
            .filter(move |c| c.meta.audiences.contains(&audience))
    }

    /// The reading path recommended for `audience`, if the book has one.
    pub fn path_for(&self, audience: Audience) -> Option<&ReadingPath> {
        self.paths.iter().find(|p| p.audience == audience)
    }

    pub fn total_words(&self) -> usize {
        self.chapters.iter().map(|c| c.words).sum()
    }

    /// Decodes the book compiled into the app.
    pub fn from_json(json: &str) -> Result<Book, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// The routes of the guide, as root-relative paths. Shared by link validation, the router and the
/// prerenderer, so that they agree on what exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidePath {
    Home,
    Contents,
    Chapter(String),
    Readiness,
    Structure,
    Search,
    Progress,
}

impl GuidePath {
    /// Parses a root-relative path (without query or fragment).
    pub fn parse(path: &str) -> Option<GuidePath> {
        let path = path.split('?').next().unwrap_or(path);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Some(GuidePath::Home),
            ["book"] => Some(GuidePath::Contents),
            ["book", slug] => Some(GuidePath::Chapter((*slug).to_string())),
            ["readiness"] => Some(GuidePath::Readiness),
            ["structure"] => Some(GuidePath::Structure),
            ["search"] => Some(GuidePath::Search),
            ["progress"] => Some(GuidePath::Progress),
            _ => None,
        }
    }

    /// The page a widget shows for its `view` attribute: `home`, `book`, `chapter:<slug>`,
    /// `readiness`, `structure` or `search`. `None` for anything else.
    pub fn from_widget_view(view: &str) -> Option<GuidePath> {
        match view.trim() {
            "home" | "" => Some(GuidePath::Home),
            "book" => Some(GuidePath::Contents),
            "readiness" => Some(GuidePath::Readiness),
            "structure" => Some(GuidePath::Structure),
            "search" => Some(GuidePath::Search),
            other => other
                .strip_prefix("chapter:")
                .filter(|slug| {
                    !slug.is_empty()
                        && slug.len() <= 80
                        && slug
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                })
                .map(|slug| GuidePath::Chapter(slug.to_string())),
        }
    }

    pub fn to_path(&self) -> String {
        match self {
            GuidePath::Home => "/".into(),
            GuidePath::Contents => "/book/".into(),
            GuidePath::Chapter(slug) => chapter_path(slug),
            GuidePath::Readiness => "/readiness/".into(),
            GuidePath::Structure => "/structure/".into(),
            GuidePath::Search => "/search/".into(),
            GuidePath::Progress => "/progress/".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GuidePath;

    #[test]
    fn widget_views_map_to_pages() {
        assert_eq!(
            GuidePath::from_widget_view("readiness"),
            Some(GuidePath::Readiness)
        );
        assert_eq!(
            GuidePath::from_widget_view(" book "),
            Some(GuidePath::Contents)
        );
        assert_eq!(
            GuidePath::from_widget_view("chapter:why-an-ospo"),
            Some(GuidePath::Chapter("why-an-ospo".into()))
        );
        for bad in [
            "chapter:",
            "chapter:../x",
            "chapter:<script>",
            "progress",
            "javascript:alert(1)",
        ] {
            assert_eq!(GuidePath::from_widget_view(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_round_trip() {
        for path in [
            "/",
            "/book/",
            "/book/x/",
            "/readiness/",
            "/structure/",
            "/search/",
            "/progress/",
        ] {
            assert_eq!(
                GuidePath::parse(path).map(|p| p.to_path()).as_deref(),
                Some(path)
            );
        }
        assert_eq!(GuidePath::parse("/nope/"), None);
    }
}
