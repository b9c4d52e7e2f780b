//! Markdown to the guide's document tree, at build time.
//!
//! The parser is strict on purpose: raw HTML, images, unknown link schemes, headings without a
//! permanent id and over-deep nesting are errors with a line number, so that a bad chapter stops the
//! build instead of reaching readers.
//!
//! The parser is one pass over pulldown-cmark's events with one state machine; the errors and
//! their limits (`error.rs`) and the link rule (`links.rs`) are modules of their own.

use std::iter::Peekable;
use std::ops::Range;

use crate::doc::{Align, Block, Document, Footnote, Inline, ListItem};
use crate::id::is_valid_id;
use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, OffsetIter, Options, Parser,
    Tag, TagEnd,
};

mod error;
mod links;

pub use error::{MarkdownError, MarkdownErrorKind, MAX_DEPTH, MAX_SOURCE_BYTES};
pub use links::classify_link;

/// Parses a chapter body. `own_path` is the chapter's own route (`/book/<slug>/`), used for links
/// that are only a `#fragment`. `first_line` is the line of the body in its file, so that errors
/// point at the file's real lines.
pub fn parse_markdown(
    source: &str,
    own_path: &str,
    first_line: usize,
) -> Result<Document, Vec<MarkdownError>> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(vec![MarkdownError {
            line: first_line,
            kind: MarkdownErrorKind::TooLarge,
        }]);
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut converter = Converter {
        events: Parser::new_ext(source, options)
            .into_offset_iter()
            .peekable(),
        line_starts: line_starts(source),
        first_line,
        own_path,
        errors: Vec::new(),
        footnotes: Vec::new(),
        depth: 0,
        heading_ids: Vec::new(),
        last_heading_level: 1,
        current_line: first_line,
    };
    let blocks = converter.blocks();
    converter.check_footnotes(&blocks);
    if converter.errors.is_empty() {
        Ok(Document {
            blocks,
            footnotes: converter.footnotes,
        })
    } else {
        Err(converter.errors)
    }
}

/// The byte offsets where lines start. A line ends with `\n`, `\r\n` or a lone `\r`, as in
/// CommonMark, so that a file with old Mac line endings still gets the right line numbers.
fn line_starts(source: &str) -> Vec<usize> {
    let bytes = source.as_bytes();
    std::iter::once(0)
        .chain(bytes.iter().enumerate().filter_map(|(at, &b)| {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(at + 1) != Some(&b'\n'));
            ends_line.then_some(at + 1)
        }))
        .collect()
}

struct Converter<'a> {
    events: Peekable<OffsetIter<'a>>,
    line_starts: Vec<usize>,
    first_line: usize,
    own_path: &'a str,
    errors: Vec<MarkdownError>,
    footnotes: Vec<Footnote>,
    depth: usize,
    heading_ids: Vec<String>,
    last_heading_level: u8,
    current_line: usize,
}

fn is_inline_event(event: &Event) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        _ => false,
    }
}

impl<'a> Converter<'a> {
    fn next(&mut self) -> Option<Event<'a>> {
        let (event, range) = self.events.next()?;
        self.current_line = self.line_of(&range);
        Some(event)
    }

    fn line_of(&self, range: &Range<usize>) -> usize {
        let index = self
            .line_starts
            .partition_point(|&start| start <= range.start);
        self.first_line + index.saturating_sub(1)
    }

    fn error(&mut self, kind: MarkdownErrorKind) {
        self.errors.push(MarkdownError {
            line: self.current_line,
            kind,
        });
    }

    fn enter(&mut self) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.error(MarkdownErrorKind::TooDeep);
            false
        } else {
            true
        }
    }

    /// Skips events up to and including the end of the container just started.
    fn skip_container(&mut self) {
        let mut open = 1usize;
        while let Some(event) = self.next() {
            match event {
                Event::Start(_) => open += 1,
                Event::End(_) => {
                    open -= 1;
                    if open == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads blocks until the end of the enclosing container (or of the input).
    fn blocks(&mut self) -> Vec<Block> {
        let mut blocks = Vec::new();
        loop {
            let starts_inline = match self.events.peek() {
                None => break,
                Some((event, _)) => is_inline_event(event),
            };
            if starts_inline {
                let inlines = self.inlines_while_inline();
                if !inlines.is_empty() {
                    blocks.push(self.paragraph_or_directive(inlines));
                }
                continue;
            }
            let Some(event) = self.next() else { break };
            match event {
                Event::End(_) => break,
                Event::Start(tag) => {
                    if let Some(block) = self.block(tag) {
                        blocks.push(block);
                    }
                }
                Event::Rule => blocks.push(Block::Rule),
                Event::Html(html) => self.error(MarkdownErrorKind::RawHtml(snippet(&html))),
                // Task markers are read by `list_item`; anything else here carries no content.
                _ => {}
            }
        }
        blocks
    }

    fn block(&mut self, tag: Tag<'a>) -> Option<Block> {
        if !self.enter() {
            self.skip_container();
            self.depth -= 1;
            return None;
        }
        let block = match tag {
            Tag::Paragraph => {
                let inlines = self.inlines();
                Some(self.paragraph_or_directive(inlines))
            }
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                // Classes and `key=value` attributes (`{#id .x onclick=...}`) have no place in the
                // document tree; refuse them rather than drop them without a word.
                if !classes.is_empty() || !attrs.is_empty() {
                    let shown = id.as_deref().unwrap_or_default().to_string();
                    self.error(MarkdownErrorKind::HeadingAttributes(shown));
                }
                self.heading(level, id.map(|id| id.to_string()))
            }
            Tag::BlockQuote(kind) => {
                let blocks = self.blocks();
                let audience = match kind {
                    None | Some(BlockQuoteKind::Note) => audience_of(&blocks),
                    Some(_) => None,
                };
                Some(Block::Quote { audience, blocks })
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) if !lang.trim().is_empty() => {
                        Some(lang.trim().to_string())
                    }
                    _ => None,
                };
                let mut text = String::new();
                while let Some(event) = self.next() {
                    match event {
                        Event::Text(chunk) => text.push_str(&chunk),
                        Event::End(_) => break,
                        _ => {}
                    }
                }
                Some(Block::Code { lang, text })
            }
            Tag::List(start) => Some(Block::List {
                start,
                items: self.list_items(),
            }),
            Tag::Table(alignments) => Some(self.table(alignments)),
            Tag::FootnoteDefinition(label) => {
                let blocks = self.blocks();
                self.footnotes.push(Footnote {
                    label: label.to_string(),
                    blocks,
                });
                None
            }
            Tag::HtmlBlock => {
                let mut html = String::new();
                while let Some(event) = self.next() {
                    match event {
                        Event::Html(chunk) | Event::Text(chunk) => html.push_str(&chunk),
                        Event::End(_) => break,
                        _ => {}
                    }
                }
                self.error(MarkdownErrorKind::RawHtml(snippet(&html)));
                None
            }
            _ => {
                self.skip_container();
                None
            }
        };
        self.depth -= 1;
        block
    }

    fn heading(&mut self, level: HeadingLevel, id: Option<String>) -> Option<Block> {
        let level = level as u8;
        let content = self.inlines();
        let text = Inline::plain_text(&content);
        if level == 1 {
            self.error(MarkdownErrorKind::TopLevelHeading);
        } else if level > self.last_heading_level + 1 {
            self.error(MarkdownErrorKind::SkippedHeadingLevel {
                previous: self.last_heading_level,
                found: level,
            });
        }
        self.last_heading_level = level;
        let Some(id) = id else {
            self.error(MarkdownErrorKind::MissingHeadingId(text));
            return None;
        };
        if !is_valid_id(&id) {
            self.error(MarkdownErrorKind::BadHeadingId(id));
            return None;
        }
        if self.heading_ids.contains(&id) {
            self.error(MarkdownErrorKind::DuplicateHeadingId(id.clone()));
        }
        self.heading_ids.push(id.clone());
        Some(Block::Heading { level, id, content })
    }

    fn list_items(&mut self) -> Vec<ListItem> {
        let mut items = Vec::new();
        while let Some(event) = self.next() {
            match event {
                Event::Start(Tag::Item) => {
                    let task = match self.events.peek() {
                        Some((Event::TaskListMarker(done), _)) => {
                            let done = *done;
                            self.next();
                            Some(done)
                        }
                        _ => None,
                    };
                    if self.enter() {
                        items.push(ListItem {
                            task,
                            blocks: self.blocks(),
                        });
                    } else {
                        self.skip_container();
                    }
                    self.depth -= 1;
                }
                Event::End(_) => break,
                _ => {}
            }
        }
        items
    }

    fn table(&mut self, alignments: Vec<Alignment>) -> Block {
        let align = alignments
            .into_iter()
            .map(|a| match a {
                Alignment::None => Align::None,
                Alignment::Left => Align::Left,
                Alignment::Center => Align::Center,
                Alignment::Right => Align::Right,
            })
            .collect();
        let mut head = Vec::new();
        let mut rows = Vec::new();
        let mut row: Vec<Vec<Inline>> = Vec::new();
        while let Some(event) = self.next() {
            match event {
                Event::Start(Tag::TableCell) => {
                    let cell = self.inlines();
                    row.push(cell);
                }
                Event::End(TagEnd::TableHead) => head = std::mem::take(&mut row),
                Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table { align, head, rows }
    }

    /// Reads inline content up to and including the end of the enclosing container.
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out = Vec::new();
        while let Some(event) = self.next() {
            if let Event::End(_) = event {
                break;
            }
            self.inline(event, &mut out);
        }
        merge_text(out)
    }

    /// Reads inline events while the next event is inline (tight list items have no paragraph).
    fn inlines_while_inline(&mut self) -> Vec<Inline> {
        let mut out = Vec::new();
        while matches!(self.events.peek(), Some((event, _)) if is_inline_event(event)) {
            if let Some(event) = self.next() {
                self.inline(event, &mut out);
            }
        }
        merge_text(out)
    }

    fn inline(&mut self, event: Event<'a>, out: &mut Vec<Inline>) {
        match event {
            Event::Text(text) => out.push(Inline::Text(text.to_string())),
            Event::Code(code) => out.push(Inline::Code(code.to_string())),
            Event::SoftBreak => out.push(Inline::Text(" ".into())),
            Event::HardBreak => out.push(Inline::LineBreak),
            Event::FootnoteReference(label) => out.push(Inline::FootnoteRef(label.to_string())),
            Event::InlineHtml(html) => self.error(MarkdownErrorKind::RawHtml(snippet(&html))),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                out.push(Inline::Code(text.to_string()))
            }
            Event::Start(tag) => {
                if !self.enter() {
                    self.skip_container();
                    self.depth -= 1;
                    return;
                }
                match tag {
                    Tag::Emphasis => out.push(Inline::Emphasis(self.inlines())),
                    Tag::Strong => out.push(Inline::Strong(self.inlines())),
                    Tag::Strikethrough => out.push(Inline::Strike(self.inlines())),
                    Tag::Link { dest_url, .. } => {
                        let content = self.inlines();
                        match classify_link(&dest_url, self.own_path) {
                            Some(target) => out.push(Inline::Link { target, content }),
                            None => {
                                self.error(MarkdownErrorKind::UnsafeLink(snippet(&dest_url)));
                            }
                        }
                    }
                    Tag::Image { dest_url, .. } => {
                        self.skip_container();
                        self.error(MarkdownErrorKind::Image(snippet(&dest_url)));
                    }
                    _ => out.extend(self.inlines()),
                }
                self.depth -= 1;
            }
            _ => {}
        }
    }

    fn paragraph_or_directive(&mut self, inlines: Vec<Inline>) -> Block {
        if let [Inline::Text(text)] = inlines.as_slice() {
            let trimmed = text.trim();
            if let Some(inner) = trimmed
                .strip_prefix("{{")
                .and_then(|rest| rest.strip_suffix("}}"))
            {
                let mut words = inner.split_whitespace();
                match (words.next(), words.next(), words.next()) {
                    // A top-level paragraph is read at depth 1; anything deeper is in a container.
                    (Some("tree"), Some(id), None) if is_valid_id(id) && self.depth <= 1 => {
                        return Block::Tree(id.to_string())
                    }
                    (Some("tree"), Some(id), None) if is_valid_id(id) => {
                        self.error(MarkdownErrorKind::NestedTree(id.to_string()));
                    }
                    _ => self.error(MarkdownErrorKind::UnknownDirective(trimmed.to_string())),
                }
            }
        }
        Block::Paragraph(inlines)
    }

    fn check_footnotes(&mut self, blocks: &[Block]) {
        let mut referenced = Vec::new();
        for block in blocks {
            collect_footnote_refs(block, &mut referenced);
        }
        for label in referenced {
            if !self.footnotes.iter().any(|f| f.label == label) {
                self.errors.push(MarkdownError {
                    line: self.first_line,
                    kind: MarkdownErrorKind::UndefinedFootnote(label),
                });
            }
        }
    }
}

fn collect_footnote_refs(block: &Block, out: &mut Vec<String>) {
    fn inlines(list: &[Inline], out: &mut Vec<String>) {
        for inline in list {
            match inline {
                Inline::FootnoteRef(label) => out.push(label.clone()),
                Inline::Emphasis(inner) | Inline::Strong(inner) | Inline::Strike(inner) => {
                    inlines(inner, out)
                }
                Inline::Link { content, .. } => inlines(content, out),
                _ => {}
            }
        }
    }
    match block {
        Block::Heading { content, .. } | Block::Paragraph(content) => inlines(content, out),
        Block::List { items, .. } => {
            for item in items {
                for block in &item.blocks {
                    collect_footnote_refs(block, out);
                }
            }
        }
        Block::Quote { blocks, .. } => {
            for block in blocks {
                collect_footnote_refs(block, out);
            }
        }
        Block::Table { head, rows, .. } => {
            for cell in head.iter().chain(rows.iter().flatten()) {
                inlines(cell, out);
            }
        }
        Block::Code { .. } | Block::Rule | Block::Tree(_) => {}
    }
}

/// Joins adjacent text runs so that directives and search see whole words.
fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (out.last_mut(), inline) {
            (Some(Inline::Text(previous)), Inline::Text(next)) => previous.push_str(&next),
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// The audience of a block quote that opens with `**For <audience>:**`.
fn audience_of(blocks: &[Block]) -> Option<String> {
    let Some(Block::Paragraph(inlines)) = blocks.first() else {
        return None;
    };
    let Some(Inline::Strong(strong)) = inlines.first() else {
        return None;
    };
    let text = Inline::plain_text(strong);
    let audience = text.strip_prefix("For ")?.trim_end_matches(':').trim();
    (!audience.is_empty()).then(|| audience.to_string())
}

fn snippet(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &trimmed[..at]),
        None => trimmed.to_string(),
    }
}
