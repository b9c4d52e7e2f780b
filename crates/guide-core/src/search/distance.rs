//! Bounded edit distance, for finding index terms close to a misspelled query word.
//!
//! The distance is the optimal string alignment distance: insertions, deletions, substitutions and
//! swaps of two neighbouring characters each cost one. Only "is it within `max`?" matters, so the
//! computation stops as soon as a whole row exceeds the bound.

/// The longest word compared, in characters; longer words are never close to anything.
pub(crate) const MAX_CHARS: usize = 40;

/// A 32-bit set of the characters of a word, used to rule out most candidates cheaply: every edit
/// adds at most one character to the set and removes at most one.
pub(crate) fn char_mask(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| mask | char_bit(c))
}

fn char_bit(c: char) -> u32 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << 26,
        other => 1 << (27 + (other as u32) % 5),
    }
}

/// Whether two character sets can belong to words within `max` edits of each other.
pub(crate) fn masks_within(a: u32, b: u32, max: usize) -> bool {
    (a & !b).count_ones() as usize <= max && (b & !a).count_ones() as usize <= max
}

/// The edit distance between `a` and `b` if it is at most `max`, else `None`.
pub(crate) fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len() > MAX_CHARS || b.len() > MAX_CHARS || a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the dynamic programme: two back (for swaps), one back, and current.
    let width = b.len() + 1;
    let mut two_back = [0usize; MAX_CHARS + 1];
    let mut one_back = [0usize; MAX_CHARS + 1];
    let mut current = [0usize; MAX_CHARS + 1];
    for (j, cell) in one_back.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (one_back[j] + 1)
                .min(current[j - 1] + 1)
                .min(one_back[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(two_back[j - 2] + 1);
            }
            current[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        two_back = one_back;
        one_back = current;
    }
    let distance = one_back[b.len()];
    (distance <= max).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        within(&a, &b, max)
    }

    #[test]
    fn counts_single_edits() {
        assert_eq!(d("licens", "licens", 1), Some(0));
        assert_eq!(d("licns", "licens", 1), Some(1));
        assert_eq!(d("licenss", "licens", 1), Some(1));
        assert_eq!(d("licdns", "licens", 1), Some(1));
        assert_eq!(d("liecns", "licens", 1), Some(1));
        assert_eq!(d("sponsorhip", "sponsorship", 2), Some(1));
    }

    #[test]
    fn respects_the_bound() {
        assert_eq!(d("licns", "licenc", 1), None);
        assert_eq!(d("abc", "xyz", 2), None);
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("", "ab", 2), Some(2));
        assert_eq!(d("", "abc", 2), None);
    }

    #[test]
    fn masks_rule_out_distant_words_only() {
        let pairs = [
            ("licns", "licens"),
            ("sponsorhip", "sponsorship"),
            ("ab", "ba"),
        ];
        for (a, b) in pairs {
            assert!(masks_within(char_mask(a), char_mask(b), 1), "{a} {b}");
        }
        assert!(!masks_within(char_mask("abc"), char_mask("xyz"), 2));
    }
}
