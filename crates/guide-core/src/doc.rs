//! The guide's own document tree.
//!
//! Chapters are not shipped as HTML strings: Markdown is parsed at build time into this small,
//! closed set of node types, and the view layer maps each node to a Yew element with an exhaustive
//! match. Anything the tree cannot express (raw HTML, scripts, event handlers) therefore cannot reach
//! the page.

use serde::{Deserialize, Serialize};

/// A parsed chapter body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Footnote definitions in order of first reference, rendered at the end of the chapter.
    pub footnotes: Vec<Footnote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    pub label: String,
    pub blocks: Vec<Block>,
}

/// Block-level nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading {
        level: u8,
        id: String,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        /// The first number of an ordered list; `None` for a bulleted list.
        start: Option<u64>,
        items: Vec<ListItem>,
    },
    /// A block quote; `audience` is set when it opens with an audience note ("**For executives:**").
    Quote {
        audience: Option<String>,
        blocks: Vec<Block>,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Rule,
    /// An interactive decision tree embedded in the chapter (`{{tree <id>}}`).
    Tree(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// `Some(done)` for a checklist item, `None` for an ordinary item.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// Inline nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    Link {
        target: LinkTarget,
        content: Vec<Inline>,
    },
    FootnoteRef(String),
    LineBreak,
}

/// Where a link goes. Only these kinds exist: there is no way to express a `javascript:` URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkTarget {
    /// A path inside the guide, root-relative (`/book/<slug>/`, `/readiness/`), with an optional
    /// `#fragment`. The view prefixes the deployment's base path.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// An `https://` address outside the guide.
    External(String),
    /// A `mailto:` address.
    Mail(String),
}

impl Inline {
    /// The plain text of inline content, for search, outlines and word counts.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            inline.push_text(&mut out);
        }
        out
    }

    fn push_text(&self, out: &mut String) {
        match self {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Strike(inner) => {
                for inline in inner {
                    inline.push_text(out);
                }
            }
            Inline::Link { content, .. } => {
                for inline in content {
                    inline.push_text(out);
                }
            }
            Inline::FootnoteRef(_) => {}
            Inline::LineBreak => out.push(' '),
        }
    }
}

impl Block {
    /// Appends the block's readable text to `out`, one line per paragraph-like piece.
    pub fn push_text(&self, out: &mut String) {
        match self {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                out.push_str(&Inline::plain_text(content));
                out.push('\n');
            }
            Block::List { items, .. } => {
                for item in items {
                    for block in &item.blocks {
                        block.push_text(out);
                    }
                }
            }
            Block::Quote { blocks, .. } => {
                for block in blocks {
                    block.push_text(out);
                }
            }
            Block::Code { text, .. } => {
                out.push_str(text);
                out.push('\n');
            }
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    out.push_str(&Inline::plain_text(cell));
                    out.push(' ');
                }
                out.push('\n');
            }
            Block::Rule | Block::Tree(_) => {}
        }
    }
}

impl Document {
    /// All readable text of the document, headings included.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            block.push_text(&mut out);
        }
        out
    }

    /// The number of words a reader reads.
    pub fn word_count(&self) -> usize {
        self.plain_text().split_whitespace().count()
    }
}
