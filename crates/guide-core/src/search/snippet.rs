//! Snippets: a short excerpt of a section around its best cluster of matches, cut on word
//! boundaries, with the matching words marked.

use super::text::for_each_span;
use super::SnippetPart;

/// The length of a snippet's text, in characters, before it is cut back to a word boundary.
pub(crate) const SNIPPET_CHARS: usize = 200;
/// How much text to show before the first match of the chosen cluster, in characters.
const LEAD_CHARS: usize = 50;
/// How far a cut may move to reach a word boundary, in bytes; longer words are cut hard.
const SNAP_BYTES: usize = 30;
/// The span in which matches count as one cluster, in bytes.
const CLUSTER_BYTES: usize = 140;
/// The text marking a cut.
const ELLIPSIS: &str = "…";

/// A match of a query term in the text: its byte range and the index of the query term.
#[derive(Debug, Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
    term: usize,
}

/// Builds the snippet of `text`, a whitespace-collapsed section body. `term_of` tells, for a word
/// of the text as written, which query term it matches, if any.
pub(crate) fn snippet(
    text: &str,
    mut term_of: impl FnMut(&str) -> Option<usize>,
) -> Vec<SnippetPart> {
    let mut matches = Vec::new();
    for_each_span(text, |start, end| {
        if let Some(term) = term_of(&text[start..end]) {
            matches.push(Match { start, end, term });
        }
    });
    let (span_start, span_end) = best_cluster(&matches);
    let (start, end) = window(text, span_start, span_end);
    assemble(text, start, end, &matches)
}

/// The byte span of the cluster of matches that covers the most distinct query terms (then the
/// most matches, then the earliest); `(0, 0)` when there is no match.
fn best_cluster(matches: &[Match]) -> (usize, usize) {
    let mut best = (0, 0, 0usize, 0usize); // (distinct, count, start, end)
    for (i, first) in matches.iter().enumerate() {
        let mut terms: u64 = 0;
        let mut count = 0;
        let mut end = first.end;
        for m in matches[i..]
            .iter()
            .take_while(|m| m.end <= first.start + CLUSTER_BYTES)
        {
            terms |= 1u64 << m.term.min(63);
            count += 1;
            end = m.end;
        }
        let distinct = terms.count_ones() as usize;
        if (distinct, count) > (best.0, best.1) {
            best = (distinct, count, first.start, end);
        }
    }
    (best.2, best.3)
}

/// The byte offset `count` characters before `pos` (or 0).
fn back_chars(text: &str, pos: usize, count: usize) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `count` characters after `pos` (or the end of the text).
fn forward_chars(text: &str, pos: usize, count: usize) -> usize {
    text[pos..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(i, _)| pos + i)
}

/// The nearest character boundary at or before `pos`.
fn boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The byte range of the text to show, holding the span `span_start..span_end` when it fits, cut
/// on word boundaries where one is near.
fn window(text: &str, span_start: usize, span_end: usize) -> (usize, usize) {
    let mut start = back_chars(text, span_start, LEAD_CHARS);
    let mut end = forward_chars(text, start, SNIPPET_CHARS);
    if end == text.len() {
        start = back_chars(text, end, SNIPPET_CHARS).min(start);
    }
    if start > 0 && !text[..start].ends_with(' ') {
        let limit = boundary(text, span_start.max(start).min(start + SNAP_BYTES));
        if let Some(space) = text[start..limit].find(' ') {
            start += space + 1;
        }
    }
    if end < text.len() && !text[end..].starts_with(' ') {
        let floor = boundary(
            text,
            span_end
                .max(start)
                .max(end.saturating_sub(SNAP_BYTES))
                .min(end),
        );
        if let Some(space) = text[floor..end].rfind(' ') {
            end = floor + space;
        }
    }
    while start < end && text[start..].starts_with(' ') {
        start += 1;
    }
    while end > start && text[..end].ends_with(' ') {
        end -= 1;
    }
    (start, end)
}

fn push_text(parts: &mut Vec<SnippetPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(SnippetPart::Text(last)) = parts.last_mut() {
        last.push_str(text);
    } else {
        parts.push(SnippetPart::Text(text.to_string()));
    }
}

fn assemble(text: &str, start: usize, end: usize, matches: &[Match]) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    if start > 0 {
        push_text(&mut parts, ELLIPSIS);
    }
    let mut at = start;
    for m in matches.iter().filter(|m| m.start >= start && m.end <= end) {
        push_text(&mut parts, &text[at..m.start]);
        parts.push(SnippetPart::Match(text[m.start..m.end].to_string()));
        at = m.end;
    }
    push_text(&mut parts, &text[at..end]);
    if end < text.len() {
        push_text(&mut parts, ELLIPSIS);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(parts: &[SnippetPart]) -> String {
        parts
            .iter()
            .map(|p| match p {
                SnippetPart::Text(t) => t.clone(),
                SnippetPart::Match(m) => format!("[{m}]"),
            })
            .collect()
    }

    fn marks(word: &str) -> impl FnMut(&str) -> Option<usize> + '_ {
        move |w| w.eq_ignore_ascii_case(word).then_some(0)
    }

    #[test]
    fn a_short_text_is_shown_whole() {
        let parts = snippet("An SBOM lists components.", marks("sbom"));
        assert_eq!(render(&parts), "An [SBOM] lists components.");
    }

    #[test]
    fn a_long_text_is_cut_on_word_boundaries_around_the_match() {
        let filler = "lorem ipsum dolor sit amet ".repeat(30);
        let text = format!("{filler}the target word here {filler}");
        let text = text.trim();
        let parts = snippet(text, marks("target"));
        let shown = render(&parts);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("[target]"), "{shown}");
        let inner = shown.trim_matches('…');
        assert!(!inner.starts_with(' ') && !inner.ends_with(' '));
        let words: Vec<&str> = inner.split(' ').collect();
        let known = [
            "lorem", "ipsum", "dolor", "sit", "amet", "the", "[target]", "word", "here",
        ];
        assert!(words.iter().all(|w| known.contains(w)), "{shown}");
        let chars = shown.chars().count();
        assert!((160..=220).contains(&chars), "{chars}: {shown}");
    }

    #[test]
    fn the_cluster_with_most_distinct_terms_wins() {
        let filler = "x ".repeat(200);
        let text = format!("alpha {filler} alpha beta {filler}");
        let parts = snippet(text.trim(), |w| match w {
            "alpha" => Some(0),
            "beta" => Some(1),
            _ => None,
        });
        let shown = render(&parts);
        assert!(shown.contains("[alpha] [beta]"), "{shown}");
    }

    #[test]
    fn no_match_shows_the_beginning() {
        let text = "word ".repeat(100);
        let parts = snippet(text.trim(), |_| None);
        let shown = render(&parts);
        assert!(shown.starts_with("word") && shown.ends_with('…'), "{shown}");
    }

    #[test]
    fn long_unbroken_text_and_multibyte_characters_are_cut_safely() {
        let text = "é".repeat(1000);
        let parts = snippet(&text, |_| None);
        assert!(!render(&parts).is_empty());
        let text = format!("{} needle {}", "ü".repeat(500), "ü".repeat(500));
        let parts = snippet(&text, marks("needle"));
        assert!(render(&parts).contains("[needle]"));
    }
}
