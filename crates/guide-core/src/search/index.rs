//! The index: every section of the book with its words folded and stemmed, terms sorted in one
//! string with their postings in one array, so that it stays compact in the browser.

use std::collections::HashMap;

use super::REFERENCE_FACTOR;
use super::{distance, text};
use crate::book::{Book, ChapterKind};
use crate::doc::{Block, Inline};

pub(super) const FIELD_HEADING: u8 = 1;
pub(super) const FIELD_TITLE: u8 = 2;

/// One occurrence list entry: a section, how often the term occurs in its body (saturating), and
/// whether it is in the section heading or the chapter title.
#[derive(Debug, Clone, Copy)]
pub(super) struct Posting {
    pub(super) doc: u16,
    pub(super) tf: u8,
    pub(super) fields: u8,
}

#[derive(Debug, Clone)]
pub(super) struct IndexedChapter {
    pub(super) slug: Box<str>,
    pub(super) title: Box<str>,
    /// The score factor of the chapter's sections: lower for reference chapters.
    pub(super) factor: f32,
}

/// A searchable unit: a section, or a chapter's opening text.
#[derive(Debug, Clone)]
pub(super) struct DocEntry {
    pub(super) chapter: u16,
    pub(super) id: Option<Box<str>>,
    pub(super) title: Option<Box<str>>,
    /// The body text with whitespace collapsed, for snippets.
    pub(super) text: Box<str>,
    /// The number of indexed words in the body.
    pub(super) len: u32,
}

/// The search index of a book. Terms are kept sorted in one string, with their postings in one
/// array, so that the index stays compact in the browser.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub(super) chapters: Vec<IndexedChapter>,
    pub(super) docs: Vec<DocEntry>,
    pub(super) avg_len: f32,
    /// All terms, sorted, concatenated; term `i` ends at `term_ends[i]`.
    pub(super) term_text: String,
    pub(super) term_ends: Vec<u32>,
    /// Per term: its character set (see `distance::char_mask`) and length in characters.
    pub(super) term_masks: Vec<u32>,
    pub(super) term_chars: Vec<u8>,
    /// Term `i`'s postings end at `posting_ends[i]`.
    pub(super) posting_ends: Vec<u32>,
    pub(super) postings: Vec<Posting>,
}

/// The terms collected while the index is built, each with its postings in section order.
#[derive(Default)]
pub(super) struct TermTable {
    pub(super) slots: HashMap<String, usize>,
    pub(super) lists: Vec<Vec<Posting>>,
}

impl TermTable {
    /// Records `count` more body occurrences of `term` in `doc`, and the `fields` it appears in.
    /// Sections are added in order, so a section's posting is always the last of its list.
    pub(super) fn note(&mut self, term: &str, doc: u16, count: u8, fields: u8) {
        let slot = match self.slots.get(term) {
            Some(&slot) => slot,
            None => {
                self.slots.insert(term.to_string(), self.lists.len());
                self.lists.push(Vec::new());
                self.lists.len() - 1
            }
        };
        let Some(list) = self.lists.get_mut(slot) else {
            return;
        };
        match list.last_mut() {
            Some(last) if last.doc == doc => {
                last.tf = last.tf.saturating_add(count);
                last.fields |= fields;
            }
            _ => list.push(Posting {
                doc,
                tf: count,
                fields,
            }),
        }
    }
}

/// A section being collected while the chapter is read.
pub(super) struct Draft {
    pub(super) id: Option<String>,
    pub(super) title: Option<String>,
    pub(super) text: String,
}

impl SearchIndex {
    /// Builds the index of every chapter of `book`. A book of more than 65,536 sections is indexed
    /// up to that many.
    pub fn build(book: &Book) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut terms = TermTable::default();
        for (number, chapter) in book.chapters.iter().enumerate() {
            let Ok(chapter_number) = u16::try_from(number) else {
                break;
            };
            let reference = chapter.meta.kind == ChapterKind::Reference;
            index.chapters.push(IndexedChapter {
                slug: chapter.meta.slug.as_str().into(),
                title: chapter.meta.title.as_str().into(),
                factor: if reference { REFERENCE_FACTOR } else { 1.0 },
            });
            let title_terms = analyze(&chapter.meta.title);
            for draft in split_sections(chapter) {
                if !index.add_doc(chapter_number, draft, &title_terms, &mut terms) {
                    break;
                }
            }
        }
        index.finish(terms);
        index
    }

    /// Adds one section; false when the index is full.
    pub(super) fn add_doc(
        &mut self,
        chapter: u16,
        draft: Draft,
        title_terms: &[String],
        terms: &mut TermTable,
    ) -> bool {
        let Ok(doc) = u16::try_from(self.docs.len()) else {
            return false;
        };
        let text = collapse_whitespace(&draft.text);
        let mut len = 0u32;
        let mut stem = String::new();
        text::for_each_word(&text, |_, _, word| {
            if indexable(word) {
                text::stem_into(word, &mut stem);
                len += 1;
                terms.note(&stem, doc, 1, 0);
            }
        });
        if let Some(title) = &draft.title {
            for term in analyze(title) {
                terms.note(&term, doc, 0, FIELD_HEADING);
            }
        }
        for term in title_terms {
            terms.note(term, doc, 0, FIELD_TITLE);
        }
        self.docs.push(DocEntry {
            chapter,
            id: draft.id.map(Into::into),
            title: draft.title.map(Into::into),
            text: text.into(),
            len,
        });
        true
    }

    pub(super) fn finish(&mut self, table: TermTable) {
        let TermTable { slots, mut lists } = table;
        let mut terms: Vec<(String, usize)> = slots.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (term, slot) in terms {
            self.term_text.push_str(&term);
            self.term_ends.push(offset(self.term_text.len()));
            self.term_masks.push(distance::char_mask(&term));
            self.term_chars
                .push(u8::try_from(term.chars().count()).unwrap_or(u8::MAX));
            if let Some(list) = lists.get_mut(slot) {
                self.postings.append(list);
            }
            self.posting_ends.push(offset(self.postings.len()));
        }
        let total: f64 = self.docs.iter().map(|d| f64::from(d.len)).sum();
        self.avg_len = if self.docs.is_empty() {
            1.0
        } else {
            ((total / self.docs.len() as f64) as f32).max(1.0)
        };
        self.term_text.shrink_to_fit();
        self.term_ends.shrink_to_fit();
        self.term_masks.shrink_to_fit();
        self.term_chars.shrink_to_fit();
        self.posting_ends.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.docs.shrink_to_fit();
    }

    /// The number of distinct terms in the index.
    pub fn vocabulary_size(&self) -> usize {
        self.term_ends.len()
    }

    /// The number of searchable sections (chapter openings included).
    pub fn section_count(&self) -> usize {
        self.docs.len()
    }

    /// An estimate of the memory the index holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let strings: usize = self
            .docs
            .iter()
            .map(|d| {
                d.text.len()
                    + d.id.as_deref().map_or(0, str::len)
                    + d.title.as_deref().map_or(0, str::len)
            })
            .sum::<usize>()
            + self
                .chapters
                .iter()
                .map(|c| c.slug.len() + c.title.len())
                .sum::<usize>();
        strings
            + self.docs.capacity() * std::mem::size_of::<DocEntry>()
            + self.chapters.capacity() * std::mem::size_of::<IndexedChapter>()
            + self.term_text.capacity()
            + self.term_ends.capacity() * 4
            + self.term_masks.capacity() * 4
            + self.term_chars.capacity()
            + self.posting_ends.capacity() * 4
            + self.postings.capacity() * std::mem::size_of::<Posting>()
    }

    pub(super) fn term(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.term_ends.get(id - 1).map_or(0, |&e| e as usize)
        };
        let end = self.term_ends.get(id).map_or(start, |&e| e as usize);
        self.term_text.get(start..end).unwrap_or("")
    }

    pub(super) fn postings(&self, id: u32) -> &[Posting] {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.posting_ends.get(id - 1).map_or(0, |&e| e as usize)
        };
        let end = self.posting_ends.get(id).map_or(start, |&e| e as usize);
        self.postings.get(start..end).unwrap_or(&[])
    }

    /// The id of `term`, if it is in the index.
    pub(super) fn lookup(&self, term: &str) -> Option<u32> {
        let (mut low, mut high) = (0usize, self.term_ends.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.term(offset(mid)).cmp(term) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(offset(mid)),
            }
        }
        None
    }

    /// The ids of the terms that start with `prefix`.
    pub(super) fn prefix_range<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let (mut low, mut high) = (0usize, self.term_ends.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.term(offset(mid)) < prefix {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        (low..self.term_ends.len())
            .map(offset)
            .take_while(move |&id| self.term(id).starts_with(prefix))
    }
}

/// Whether a folded word is indexed (and searched): not a stop word, not absurdly long.
pub(super) fn indexable(word: &str) -> bool {
    !text::is_stop_word(word) && word.chars().count() <= text::MAX_WORD_CHARS
}

/// The index terms of a short text (a title or heading), in order.
pub(super) fn analyze(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    text::for_each_word(text, |_, _, word| {
        if indexable(word) {
            terms.push(text::stem(word));
        }
    });
    terms
}

/// Splits a chapter into its opening text and its `##` / `###` sections. Deeper headings stay in
/// the text of their section; footnotes go with the chapter's opening.
pub(super) fn split_sections(chapter: &crate::book::Chapter) -> Vec<Draft> {
    let mut drafts = vec![Draft {
        id: None,
        title: None,
        text: String::new(),
    }];
    for block in &chapter.doc.blocks {
        match block {
            Block::Heading {
                level: 2 | 3,
                id,
                content,
            } => drafts.push(Draft {
                id: Some(id.clone()),
                title: Some(Inline::plain_text(content)),
                text: String::new(),
            }),
            other => {
                if let Some(draft) = drafts.last_mut() {
                    other.push_text(&mut draft.text);
                }
            }
        }
    }
    if let Some(opening) = drafts.first_mut() {
        for footnote in &chapter.doc.footnotes {
            for block in &footnote.blocks {
                block.push_text(&mut opening.text);
            }
        }
    }
    drafts
}

pub(super) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// An index or length as `u32`, saturating (the index never holds that many terms or postings).
pub(super) fn offset(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
