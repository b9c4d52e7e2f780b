//! Telling which query term a word of a text matches, for snippets and the adjacency bonus.

use super::index::indexable;
use super::query::QueryTerm;
use super::text;
use super::SearchIndex;

/// Tells which query term a word of a text matches, for snippets and the adjacency bonus.
pub(super) struct Matcher<'a> {
    pub(super) index: &'a SearchIndex,
    /// (index term, query term number), sorted by index term.
    pub(super) terms: Vec<(u32, usize)>,
    pub(super) leads: Leads,
    pub(super) folded: String,
    pub(super) stem: String,
    pub(super) scratch: String,
}

impl<'a> Matcher<'a> {
    pub(super) fn new(index: &'a SearchIndex, query: &[QueryTerm]) -> Matcher<'a> {
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
    pub(super) fn term_of(&mut self, raw: &str) -> Option<usize> {
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
pub(super) struct Leads(Vec<u16>);

impl Leads {
    pub(super) fn new<'a>(stems: impl Iterator<Item = &'a str>) -> Leads {
        let mut leads: Vec<u16> = stems.map(text::lead).collect();
        leads.sort_unstable();
        leads.dedup();
        Leads(leads)
    }

    pub(super) fn may_match(&self, raw: &str, scratch: &mut String) -> bool {
        self.0
            .binary_search(&text::lead_of_raw(raw, scratch))
            .is_ok()
    }
}
