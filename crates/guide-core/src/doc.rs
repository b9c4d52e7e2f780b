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
    /// The chapter's blocks, in reading order.
    pub blocks: Vec<Block>,
    /// Footnote definitions in order of first reference, rendered at the end of the chapter.
    pub footnotes: Vec<Footnote>,
}

/// A footnote's definition, shown at the end of the chapter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    /// The label the text refers to it by (`[^label]`).
    pub label: String,
    /// The footnote's content.
    pub blocks: Vec<Block>,
}

/// Block-level nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A section heading with its permanent id.
    Heading {
        /// The heading's level, 2 to 6 (level 1 is the chapter's title).
        level: u8,
        /// The heading's id, its anchor within the chapter (`## Heading {#id}`).
        id: String,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A paragraph of inline content.
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list.
    List {
        /// The first number of an ordered list; `None` for a bulleted list.
        start: Option<u64>,
        /// The list's items, in order.
        items: Vec<ListItem>,
    },
    /// A block quote; `audience` is set when it opens with an audience note ("**For executives:**").
    Quote {
        /// Who the note is for, as written after "For" (such as "executives"); `None` for an
        /// ordinary quote.
        audience: Option<String>,
        /// The quote's content.
        blocks: Vec<Block>,
    },
    /// A block of code or other preformatted text, shown as written.
    Code {
        /// The language named after the opening fence, if any.
        lang: Option<String>,
        /// The text, line breaks kept.
        text: String,
    },
    /// A table with a head row.
    Table {
        /// The alignment of each column.
        align: Vec<Align>,
        /// The head row: one cell of inline content per column.
        head: Vec<Vec<Inline>>,
        /// The body rows, each a list of cells of inline content.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A thematic break (`---`).
    Rule,
    /// An interactive decision tree embedded in the chapter (`{{tree <id>}}`).
    Tree(String),
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// `Some(done)` for a checklist item, `None` for an ordinary item.
    pub task: Option<bool>,
    /// The item's content.
    pub blocks: Vec<Block>,
}

/// How a table column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    /// No alignment given: the view's default.
    None,
    /// Aligned to the left.
    Left,
    /// Centred.
    Center,
    /// Aligned to the right.
    Right,
}

/// Inline nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Inline code, shown as written.
    Code(String),
    /// Emphasised content (usually italic).
    Emphasis(Vec<Inline>),
    /// Strongly emphasised content (usually bold).
    Strong(Vec<Inline>),
    /// Struck-through content.
    Strike(Vec<Inline>),
    /// A link.
    Link {
        /// Where the link goes.
        target: LinkTarget,
        /// The link's text.
        content: Vec<Inline>,
    },
    /// A reference to a footnote, by its label.
    FootnoteRef(String),
    /// A hard line break.
    LineBreak,
}

/// Where a link goes. Only these kinds exist: there is no way to express a `javascript:` URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkTarget {
    /// A path inside the guide, root-relative (`/book/<slug>/`, `/readiness/`), with an optional
    /// `#fragment`. The view prefixes the deployment's base path.
    Internal {
        /// The root-relative path, such as `/book/assessing-readiness/`.
        path: String,
        /// The fragment after `#`, without the `#`, if any.
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

/// A stretch of a document between its embedded trees: the page renders each text stretch as
/// static HTML and each tree as an interactive part (see [`Document::segments`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Top-level blocks; `footnotes` is true for the last stretch, which ends with the footnotes.
    Text {
        /// The blocks of this stretch, possibly none.
        blocks: &'a [Block],
        /// Whether the document's footnotes follow these blocks.
        footnotes: bool,
    },
    /// An embedded decision tree, by its id.
    Tree(&'a str),
}

impl Document {
    /// The document as text stretches and embedded trees, alternating: always a text stretch
    /// first and last (possibly empty), so a document with `n` trees has `n + 1` text stretches
    /// and a reader of the page knows where the trees are from their ids alone.
    pub fn segments(&self) -> Vec<Segment<'_>> {
        let mut segments = Vec::new();
        let mut start = 0;
        for (at, block) in self.blocks.iter().enumerate() {
            if let Block::Tree(id) = block {
                segments.push(Segment::Text {
                    blocks: &self.blocks[start..at],
                    footnotes: false,
                });
                segments.push(Segment::Tree(id));
                start = at + 1;
            }
        }
        segments.push(Segment::Text {
            blocks: &self.blocks[start..],
            footnotes: true,
        });
        segments
    }

    /// The ids of the trees embedded in the document, in reading order.
    pub fn embedded_trees(&self) -> Vec<&str> {
        self.segments()
            .into_iter()
            .filter_map(|segment| match segment {
                Segment::Tree(id) => Some(id),
                Segment::Text { .. } => None,
            })
            .collect()
    }

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
