//! Ranking: BM25 over section bodies, bonuses for headings and titles, sections with every term
//! first (and, among those holding as many terms, chapters before reference chapters), and a
//! small bonus where query words stand next to each other.

use super::index::{Posting, FIELD_HEADING, FIELD_TITLE};
use super::matcher::Matcher;
use super::query::{clip_chars, QueryTerm};
use super::{snippet, text};
use super::{SearchHit, SearchIndex, MAX_QUERY_CHARS};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalization.
const B: f32 = 0.75;
/// Added to a term's weight in a section whose heading contains it.
const HEADING_BONUS: f32 = 1.6;
/// Added to a term's weight in every section of a chapter whose title contains it.
const TITLE_BONUS: f32 = 2.0;
/// Bonus factor for a section where two consecutive query words appear next to each other.
const ADJACENT_BONUS: f32 = 0.15;

impl SearchIndex {
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

    /// Scores every section; returns the matching ones as `(doc, terms matched, score)`, best
    /// first: more query terms matched first, then higher score.
    pub(super) fn rank(&self, terms: &[QueryTerm]) -> Vec<(usize, u8, f32)> {
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
                // Sections are ranked first by how many query words they hold; among those that
                // hold as many, a chapter's treatment comes before a reference chapter's entry.
                let chapter = u8::from(factor >= 1.0);
                let tier = matched[doc].saturating_mul(2).saturating_add(chapter);
                (doc, tier, total[doc] * factor)
            })
            .collect();
        sort_ranked(&mut ranked);
        ranked
    }

    /// Raises the score of the leading sections where consecutive query words stand next to each
    /// other in the text ("hub and spoke"), then re-sorts them.
    pub(super) fn reward_adjacency(
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

    pub(super) fn hit(&self, doc: usize, score: f32, matcher: &mut Matcher<'_>) -> SearchHit {
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
    pub(super) fn weight(&self, posting: &Posting, len: u32) -> f32 {
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

    pub(super) fn idf(&self, doc_count: usize) -> f32 {
        let n = self.docs.len() as f32;
        let d = doc_count as f32;
        (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
    }
}

fn sort_ranked(ranked: &mut [(usize, u8, f32)]) {
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
}
