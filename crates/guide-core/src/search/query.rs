//! Reading a query: each word becomes the index terms it matches (exactly, as a prefix while it is
//! being typed, or within a small edit distance), each with a weight.

use super::distance;
use super::index::{indexable, offset};
use super::text;
use super::{SearchIndex, MAX_QUERY_TERMS};

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

/// A query word with the index terms it matches and their weights.
pub(super) struct QueryTerm {
    pub(super) expansions: Vec<(u32, f32)>,
}

impl SearchIndex {
    /// Turns the query into terms with their expansions.
    pub(super) fn parse_query(&self, query: &str) -> Vec<QueryTerm> {
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
    pub(super) fn expand(&self, word: &str, stem: &str, typing: bool) -> Vec<(u32, f32)> {
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
    pub(super) fn fuzzy(&self, stem: &str, max: usize, out: &mut Vec<(u32, f32)>) {
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
}

/// `text` cut to at most `max` characters, on a character boundary.
pub(super) fn clip_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}
