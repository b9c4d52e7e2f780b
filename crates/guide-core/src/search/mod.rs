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
mod snippet;
mod text;

use std::collections::HashMap;

use serde::Serialize;

use crate::book::Book;
use crate::doc::{Block, Inline};

/// The chapters that only define or cite what other chapters treat in depth. Their sections rank
/// below an equally good match elsewhere, so that "hub and spoke" finds the chapter on structure
/// before the glossary entry that points to it.
pub const REFERENCE_CHAPTERS: [&str; 2] = ["glossary", "references"];
/// The score factor of sections of [`REFERENCE_CHAPTERS`].
const REFERENCE_FACTOR: f32 = 0.6;

/// Queries are cut to this many characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many terms of a query are searched; the rest are ignored.
pub const MAX_QUERY_TERMS: usize = 12;

/// One result: a section of a chapter (or the chapter's opening, when `section_id` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub slug: String,
    pub chapter_title: String,
    /// The heading id to link to (`/book/<slug>/#<id>`); `None` for the chapter's opening text.
    pub section_id: Option<String>,
    pub section_title: Option<String>,
    /// About 160–220 characters of the section around its best match, with the matches marked.
    pub snippet: Vec<SnippetPart>,
    pub score: f32,
}

/// A piece of a snippet: plain text, or a word that matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SnippetPart {
    Text(String),
    Match(String),
}

impl SnippetPart {
    pub fn text(&self) -> &str {
        match self {
            SnippetPart::Text(text) | SnippetPart::Match(text) => text,
        }
    }
}

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalization.
const B: f32 = 0.75;
/// Added to a term's weight in a section whose heading contains it.
const HEADING_BONUS: f32 = 1.6;
/// Added to a term's weight in every section of a chapter whose title contains it.
const TITLE_BONUS: f32 = 2.0;
/// The weight of an index term that the last, unfinished query word is a prefix of.
const PREFIX_WEIGHT: f32 = 0.8;
/// The weight of an index term that the last, unfinished query word runs past ("organizati" for
/// "organiz"), tried only when nothing else matches.
const EXTENDED_WEIGHT: f32 = 0.5;
/// How many characters an unfinished word may run past an index term.
const MAX_EXTENSION_CHARS: usize = 4;
/// The shortest index term an unfinished word may run past, in characters.
const MIN_EXTENDED_CHARS: usize = 4;
/// The weights of index terms one and two edits away from a query word.
const FUZZY_WEIGHTS: [f32; 3] = [1.0, 0.6, 0.4];
/// The shortest unfinished word that is matched as a prefix, in characters.
const MIN_PREFIX_CHARS: usize = 2;
/// The shortest query word that is matched approximately, in characters.
const MIN_FUZZY_CHARS: usize = 4;
/// Query words longer than this (in characters) are matched with up to two edits, shorter ones
/// with one.
const ONE_EDIT_MAX_CHARS: usize = 7;
/// Bonus factor for a section where two consecutive query words appear next to each other.
const ADJACENT_BONUS: f32 = 0.15;

const FIELD_HEADING: u8 = 1;
const FIELD_TITLE: u8 = 2;

/// One occurrence list entry: a section, how often the term occurs in its body (saturating), and
/// whether it is in the section heading or the chapter title.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u16,
    tf: u8,
    fields: u8,
}

#[derive(Debug, Clone)]
struct ChapterEntry {
    slug: Box<str>,
    title: Box<str>,
    /// The score factor of the chapter's sections: lower for reference chapters.
    factor: f32,
}

/// A searchable unit: a section, or a chapter's opening text.
#[derive(Debug, Clone)]
struct DocEntry {
    chapter: u16,
    id: Option<Box<str>>,
    title: Option<Box<str>>,
    /// The body text with whitespace collapsed, for snippets.
    text: Box<str>,
    /// The number of indexed words in the body.
    len: u32,
}

/// The search index of a book. Terms are kept sorted in one string, with their postings in one
/// array, so that the index stays compact in the browser.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    chapters: Vec<ChapterEntry>,
    docs: Vec<DocEntry>,
    avg_len: f32,
    /// All terms, sorted, concatenated; term `i` ends at `term_ends[i]`.
    term_text: String,
    term_ends: Vec<u32>,
    /// Per term: its character set (see `distance::char_mask`) and length in characters.
    term_masks: Vec<u32>,
    term_chars: Vec<u8>,
    /// Term `i`'s postings end at `posting_ends[i]`.
    posting_ends: Vec<u32>,
    postings: Vec<Posting>,
}

/// The terms collected while the index is built, each with its postings in section order.
#[derive(Default)]
struct TermTable {
    slots: HashMap<String, usize>,
    lists: Vec<Vec<Posting>>,
}

impl TermTable {
    /// Records `count` more body occurrences of `term` in `doc`, and the `fields` it appears in.
    /// Sections are added in order, so a section's posting is always the last of its list.
    fn note(&mut self, term: &str, doc: u16, count: u8, fields: u8) {
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
struct Draft {
    id: Option<String>,
    title: Option<String>,
    text: String,
}

/// A query word with the index terms it matches and their weights.
struct QueryTerm {
    expansions: Vec<(u32, f32)>,
}

/// Tells which query term a word of a text matches, for snippets and the adjacency bonus.
struct Matcher<'a> {
    index: &'a SearchIndex,
    /// (index term, query term number), sorted by index term.
    terms: Vec<(u32, usize)>,
    leads: Leads,
    folded: String,
    stem: String,
    scratch: String,
}

impl<'a> Matcher<'a> {
    fn new(index: &'a SearchIndex, query: &[QueryTerm]) -> Matcher<'a> {
        let mut terms: Vec<(u32, usize)> = query
            .iter()
            .enumerate()
            .flat_map(|(number, term)| term.expansions.iter().map(move |&(id, _)| (id, number)))
            .collect();
        terms.sort_unstable();
        terms.dedup_by_key(|entry| entry.0);
        let leads = Leads::new(terms.iter().map(|&(id, _)| index.term(id)));
        Matcher {
            index,
            terms,
            leads,
            folded: String::new(),
            stem: String::new(),
            scratch: String::new(),
        }
    }

    /// The number of the query term that `raw`, a word as written in a text, matches.
    fn term_of(&mut self, raw: &str) -> Option<usize> {
        if !self.leads.may_match(raw, &mut self.scratch) {
            return None;
        }
        text::fold_word(raw, &mut self.folded);
        if !indexable(&self.folded) {
            return None;
        }
        text::stem_into(&self.folded, &mut self.stem);
        let id = self.index.lookup(&self.stem)?;
        let at = self.terms.binary_search_by_key(&id, |e| e.0).ok()?;
        self.terms.get(at).map(|e| e.1)
    }
}

/// The first two bytes of a set of stems (see `text::lead_of_raw`): a raw word whose lead is not
/// among them cannot stem to any of them.
#[derive(Default)]
struct Leads(Vec<u16>);

impl Leads {
    fn new<'a>(stems: impl Iterator<Item = &'a str>) -> Leads {
        let mut leads: Vec<u16> = stems.map(text::lead).collect();
        leads.sort_unstable();
        leads.dedup();
        Leads(leads)
    }

    fn may_match(&self, raw: &str, scratch: &mut String) -> bool {
        self.0
            .binary_search(&text::lead_of_raw(raw, scratch))
            .is_ok()
    }
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
            let reference = REFERENCE_CHAPTERS.contains(&chapter.meta.slug.as_str());
            index.chapters.push(ChapterEntry {
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
    fn add_doc(
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

    fn finish(&mut self, table: TermTable) {
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
            + self.chapters.capacity() * std::mem::size_of::<ChapterEntry>()
            + self.term_text.capacity()
            + self.term_ends.capacity() * 4
            + self.term_masks.capacity() * 4
            + self.term_chars.capacity()
            + self.posting_ends.capacity() * 4
            + self.postings.capacity() * std::mem::size_of::<Posting>()
    }

    /// The sections that best match `query`, best first, at most `limit` of them.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        if limit == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        let query = clip_chars(query, MAX_QUERY_CHARS);
        let terms = self.parse_query(query);
        if terms.iter().all(|t| t.expansions.is_empty()) {
            return Vec::new();
        }
        let mut ranked = self.rank(&terms);
        let mut matcher = Matcher::new(self, &terms);
        if terms.len() > 1 {
            self.reward_adjacency(&mut ranked, &mut matcher, limit);
        }
        ranked
            .into_iter()
            .take(limit)
            .map(|(doc, _, score)| self.hit(doc, score, &mut matcher))
            .collect()
    }

    /// Turns the query into terms with their expansions.
    fn parse_query(&self, query: &str) -> Vec<QueryTerm> {
        let mut words: Vec<(String, usize)> = Vec::new();
        text::for_each_word(query, |_, end, word| {
            if words.len() < MAX_QUERY_TERMS && indexable(word) {
                words.push((word.to_string(), end));
            }
        });
        let typing_end = query.len();
        let mut terms = Vec::new();
        let mut stems: Vec<String> = Vec::new();
        let last = words.len().saturating_sub(1);
        let mut previous: Option<(&str, usize)> = None;
        for (position, (word, end)) in words.iter().enumerate() {
            let stem = text::stem(word);
            let typing = position == last && *end == typing_end;
            let known = stems.iter().position(|s| *s == stem);
            let number = match known {
                Some(number) if !typing => number,
                _ => {
                    terms.push(QueryTerm {
                        expansions: self.expand(word, &stem, typing),
                    });
                    stems.push(stem);
                    terms.len() - 1
                }
            };
            // Two words may be one in the book: "inner source" is "InnerSource".
            if let Some((before, before_number)) = previous {
                if let Some(id) = self.lookup(&text::stem(&format!("{before}{word}"))) {
                    for n in [before_number, number] {
                        if let Some(term) = terms.get_mut(n) {
                            term.expansions.push((id, 1.0));
                        }
                    }
                }
            }
            previous = Some((word, number));
        }
        terms
    }

    /// The index terms a query word matches, with their weights.
    fn expand(&self, word: &str, stem: &str, typing: bool) -> Vec<(u32, f32)> {
        let mut expansions = Vec::new();
        let exact = self.lookup(stem);
        if let Some(id) = exact {
            expansions.push((id, 1.0));
        }
        let chars = word.chars().count();
        if typing && chars >= MIN_PREFIX_CHARS {
            for id in self.prefix_range(stem) {
                if Some(id) != exact {
                    expansions.push((id, PREFIX_WEIGHT));
                }
            }
        }
        if exact.is_none() && chars >= MIN_FUZZY_CHARS {
            let max = if chars <= ONE_EDIT_MAX_CHARS { 1 } else { 2 };
            self.fuzzy(stem, max, &mut expansions);
        }
        if typing && expansions.is_empty() {
            // The unfinished word may run past a stem: "organizati" extends "organiz".
            for (cut, _) in word.char_indices().rev().take(MAX_EXTENSION_CHARS) {
                if word[..cut].chars().count() < MIN_EXTENDED_CHARS {
                    break;
                }
                if let Some(id) = self.lookup(&word[..cut]) {
                    expansions.push((id, EXTENDED_WEIGHT));
                }
            }
        }
        expansions.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        expansions.dedup_by_key(|e| e.0);
        expansions
    }

    /// Index terms within `max` edits of `stem`.
    fn fuzzy(&self, stem: &str, max: usize, out: &mut Vec<(u32, f32)>) {
        let query: Vec<char> = stem.chars().collect();
        if query.len() > distance::MAX_CHARS {
            return;
        }
        let mask = distance::char_mask(stem);
        let mut candidate: Vec<char> = Vec::with_capacity(distance::MAX_CHARS);
        for (id, (&chars, &term_mask)) in self.term_chars.iter().zip(&self.term_masks).enumerate() {
            if usize::from(chars).abs_diff(query.len()) > max
                || !distance::masks_within(mask, term_mask, max)
            {
                continue;
            }
            let id = offset(id);
            candidate.clear();
            candidate.extend(self.term(id).chars());
            if let Some(edits) = distance::within(&query, &candidate, max) {
                let weight = FUZZY_WEIGHTS.get(edits).copied().unwrap_or(0.0);
                if weight > 0.0 {
                    out.push((id, weight));
                }
            }
        }
    }

    /// Scores every section; returns the matching ones as `(doc, terms matched, score)`, best
    /// first: more query terms matched first, then higher score.
    fn rank(&self, terms: &[QueryTerm]) -> Vec<(usize, u8, f32)> {
        let n = self.docs.len();
        let mut total = vec![0f32; n];
        let mut matched = vec![0u8; n];
        let mut best = vec![0f32; n];
        for term in terms.iter().filter(|t| !t.expansions.is_empty()) {
            best.fill(0.0);
            for &(id, weight) in &term.expansions {
                let postings = self.postings(id);
                let idf = self.idf(postings.len());
                for posting in postings {
                    let doc = usize::from(posting.doc);
                    if let (Some(slot), Some(entry)) = (best.get_mut(doc), self.docs.get(doc)) {
                        let score = weight * idf * self.weight(posting, entry.len);
                        if score > *slot {
                            *slot = score;
                        }
                    }
                }
            }
            for ((score, count), term_best) in total.iter_mut().zip(&mut matched).zip(&best) {
                if *term_best > 0.0 {
                    *score += term_best;
                    *count += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, u8, f32)> = self
            .docs
            .iter()
            .enumerate()
            .filter(|&(doc, _)| matched[doc] > 0)
            .map(|(doc, entry)| {
                let factor = self
                    .chapters
                    .get(usize::from(entry.chapter))
                    .map_or(1.0, |c| c.factor);
                (doc, matched[doc], total[doc] * factor)
            })
            .collect();
        sort_ranked(&mut ranked);
        ranked
    }

    /// Raises the score of the leading sections where consecutive query words stand next to each
    /// other in the text ("hub and spoke"), then re-sorts them.
    fn reward_adjacency(
        &self,
        ranked: &mut [(usize, u8, f32)],
        matcher: &mut Matcher<'_>,
        limit: usize,
    ) {
        let top = ranked.len().min(limit.saturating_mul(2).max(20));
        for entry in ranked.iter_mut().take(top) {
            let Some(doc) = self.docs.get(entry.0) else {
                continue;
            };
            let mut pairs = 0usize;
            let mut seen_pairs = 0u32;
            for source in [doc.title.as_deref().unwrap_or(""), &doc.text] {
                // (query term, text word number) of the last query term seen.
                let mut previous: Option<(usize, usize)> = None;
                let mut number = 0usize;
                text::for_each_span(source, |start, end| {
                    number += 1;
                    let Some(term) = matcher.term_of(&source[start..end]) else {
                        return;
                    };
                    // Up to two words may stand between, for the stop words left out of the
                    // query: "hub and spoke".
                    if let Some((before, at)) = previous {
                        if term == before + 1 && number - at <= 3 {
                            pairs += 1;
                            seen_pairs |= 1 << term.min(31);
                        }
                    }
                    previous = Some((term, number));
                });
            }
            if pairs > 0 {
                let distinct = seen_pairs.count_ones() as f32;
                entry.2 *= 1.0 + ADJACENT_BONUS * distinct * (1.0 + (pairs as f32).ln());
            }
        }
        sort_ranked(&mut ranked[..top]);
    }

    fn hit(&self, doc: usize, score: f32, matcher: &mut Matcher<'_>) -> SearchHit {
        let entry = &self.docs[doc];
        let chapter = &self.chapters[usize::from(entry.chapter)];
        let source: &str = if entry.text.is_empty() {
            entry.title.as_deref().unwrap_or(&chapter.title)
        } else {
            &entry.text
        };
        let snippet = snippet::snippet(source, |raw| matcher.term_of(raw));
        SearchHit {
            slug: chapter.slug.to_string(),
            chapter_title: chapter.title.to_string(),
            section_id: entry.id.as_deref().map(str::to_string),
            section_title: entry.title.as_deref().map(str::to_string),
            snippet,
            score,
        }
    }

    /// BM25 term weight in a section, plus the heading and title bonuses.
    fn weight(&self, posting: &Posting, len: u32) -> f32 {
        let mut weight = 0.0;
        if posting.tf > 0 {
            let tf = f32::from(posting.tf);
            let norm = K1 * (1.0 - B + B * len as f32 / self.avg_len);
            weight += tf * (K1 + 1.0) / (tf + norm);
        }
        if posting.fields & FIELD_HEADING != 0 {
            weight += HEADING_BONUS;
        }
        if posting.fields & FIELD_TITLE != 0 {
            weight += TITLE_BONUS;
        }
        weight
    }

    fn idf(&self, doc_count: usize) -> f32 {
        let n = self.docs.len() as f32;
        let d = doc_count as f32;
        (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
    }

    fn term(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 {
            0
        } else {
            self.term_ends.get(id - 1).map_or(0, |&e| e as usize)
        };
        let end = self.term_ends.get(id).map_or(start, |&e| e as usize);
        self.term_text.get(start..end).unwrap_or("")
    }

    fn postings(&self, id: u32) -> &[Posting] {
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
    fn lookup(&self, term: &str) -> Option<u32> {
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
    fn prefix_range<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
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

fn sort_ranked(ranked: &mut [(usize, u8, f32)]) {
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
}

/// Whether a folded word is indexed (and searched): not a stop word, not absurdly long.
fn indexable(word: &str) -> bool {
    !text::is_stop_word(word) && word.chars().count() <= text::MAX_WORD_CHARS
}

/// The index terms of a short text (a title or heading), in order.
fn analyze(text: &str) -> Vec<String> {
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
fn split_sections(chapter: &crate::book::Chapter) -> Vec<Draft> {
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

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` cut to at most `max` characters, on a character boundary.
fn clip_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// An index or length as `u32`, saturating (the index never holds that many terms or postings).
fn offset(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
