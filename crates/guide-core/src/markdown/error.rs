//! What can be wrong in a chapter's Markdown, and the limits the parser holds it to.

use thiserror::Error;

/// The largest chapter body accepted, in bytes.
pub const MAX_SOURCE_BYTES: usize = 512 * 1024;
/// The deepest nesting of lists, quotes and emphasis accepted.
pub const MAX_DEPTH: usize = 24;

/// One problem in a Markdown body, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}: {kind}")]
pub struct MarkdownError {
    /// The line the problem was found on, counting from 1 in the chapter's file.
    pub line: usize,
    /// What is wrong.
    pub kind: MarkdownErrorKind,
}

/// What can be wrong in a chapter's Markdown body.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MarkdownErrorKind {
    /// The body contains raw HTML; holds the start of it.
    #[error("raw HTML is not allowed: {0:?}")]
    RawHtml(String),
    /// The body contains an image; holds the start of its address.
    #[error("images are not supported (use words, a table or a list): {0:?}")]
    Image(String),
    /// A link goes somewhere the guide does not link to; holds the start of its target.
    #[error("link target {0:?} is not allowed: use https://, mailto: or a root-relative path inside the guide, in printable ASCII (percent-encode other characters)")]
    UnsafeLink(String),
    /// A heading has no `{#id}`; holds the heading's text.
    #[error("heading {0:?} has no explicit id: write `## Heading {{#some-id}}`")]
    MissingHeadingId(String),
    /// A heading's id does not follow the id rule; holds the id.
    #[error("heading id {0:?} must be lower-case letters, digits and hyphens")]
    BadHeadingId(String),
    /// A heading's braces hold classes or attributes besides its id; holds the id, if any.
    #[error("heading {0:?}: only an id is allowed in the braces, not classes or attributes")]
    HeadingAttributes(String),
    /// Two headings of the chapter have the same id; holds the id.
    #[error("heading id {0:?} is used twice")]
    DuplicateHeadingId(String),
    /// A level-1 heading appears in the body.
    #[error("a level-1 heading is not allowed: the chapter title comes from the front matter")]
    TopLevelHeading,
    /// A heading is more than one level deeper than the one before it.
    #[error("heading level {found} follows level {previous}: a level is skipped")]
    SkippedHeadingLevel {
        /// The level of the heading before it (1 at the start of the chapter).
        previous: u8,
        /// The level of this heading.
        found: u8,
    },
    /// A paragraph of the form `{{…}}` is not a known directive; holds the paragraph.
    #[error("unknown directive {0:?}: the only directive is `{{{{tree <id>}}}}`")]
    UnknownDirective(String),
    /// A `{{tree <id>}}` directive inside a list, quote or table: a tree stands on its own, between
    /// the chapter's paragraphs (the page keeps the text around it as it was prerendered).
    #[error("`{{{{tree {0}}}}}` must be a paragraph of its own at the top level of the chapter, not inside a list or quote")]
    NestedTree(String),
    /// Lists, quotes and emphasis are nested more than [`MAX_DEPTH`] levels deep.
    #[error("nesting is deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// The body is larger than [`MAX_SOURCE_BYTES`].
    #[error("the chapter is larger than {MAX_SOURCE_BYTES} bytes")]
    TooLarge,
    /// The text refers to a footnote that is never defined; holds its label.
    #[error("footnote [^{0}] is referenced but never defined")]
    UndefinedFootnote(String),
}
