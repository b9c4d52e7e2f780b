//! Full-text search over the whole book, with no server.
//!
//! The index is built from the compiled book (in the browser at first use, or at build time) and
//! answers queries in well under a millisecond natively. Each chapter is split into sections: the
//! text under each `##` or `###` heading, and the text before the first heading, which belongs to
//! the chapter itself. Words are folded (case, common accents), stop words dropped and the rest
//! reduced to light English stems (see `text`), so that a search forgives case, plurals and
//! British or American spelling.
//!
//! Ranking is BM25 over the section body, plus fixed bonuses when a term is in the section heading
//! or in the chapter title (title > heading > body). Sections that contain every query term rank
//! above those that contain only some. A query word that is not in the index is matched against
//! index terms within a small edit distance (one edit for words of 4–7 characters, two for longer
//! words), and the last word of a query still being typed also matches as a prefix; both kinds of
//! match weigh less than an exact one. Any query is safe: it is cut to [`MAX_QUERY_CHARS`]
//! characters and [`MAX_QUERY_TERMS`] terms, and the work per query is bounded by the size of the
//! index.

mod distance;
mod index;
mod matcher;
mod query;
mod rank;
mod snippet;
mod text;

use serde::Serialize;

pub use index::SearchIndex;

/// The score factor of sections of reference chapters (front matter `kind = "reference"`: the
/// glossary, the references), which only define or cite what other chapters treat in depth. They
/// also rank after chapter sections that hold as many of the query's words: "hub and spoke" finds
/// the chapter on structure before the glossary entry that points to it.
const REFERENCE_FACTOR: f32 = 0.6;

/// Queries are cut to this many characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many terms of a query are searched; the rest are ignored.
pub const MAX_QUERY_TERMS: usize = 12;

/// One result: a section of a chapter (or the chapter's opening, when `section_id` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The slug of the chapter the section is in.
    pub slug: String,
    /// The chapter's title.
    pub chapter_title: String,
    /// The heading id to link to (`/book/<slug>/#<id>`); `None` for the chapter's opening text.
    pub section_id: Option<String>,
    /// The section's heading text; `None` for the chapter's opening text.
    pub section_title: Option<String>,
    /// About 160–220 characters of the section around its best match, with the matches marked.
    pub snippet: Vec<SnippetPart>,
    /// How well the section matches: BM25 with the heading and title bonuses, higher is better
    /// (only comparable within one search).
    pub score: f32,
}

/// A piece of a snippet: plain text, or a word that matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SnippetPart {
    /// Text between matches, as it stands in the section.
    Text(String),
    /// A word that matched the query, as it stands in the section.
    Match(String),
}

impl SnippetPart {
    /// The piece's text, whether it matched or not.
    pub fn text(&self) -> &str {
        match self {
            SnippetPart::Text(text) | SnippetPart::Match(text) => text,
        }
    }
}
