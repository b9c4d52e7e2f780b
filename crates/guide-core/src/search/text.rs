//! Text analysis for search: splitting text into words, folding case and accents, dropping stop
//! words and reducing English words to a light stem.
//!
//! The same analysis runs on the book when the index is built and on every query, so that
//! "Policies", "policy" and "POLICY" meet in one index term, as do "licence", "licenses" and
//! "licensing", or "organisation" and "organization".

/// Words longer than this (in characters) are not indexed: they are identifiers, hashes or noise.
pub(crate) const MAX_WORD_CHARS: usize = 32;

/// Calls `visit(start, end, word)` for every word of `text`, where `start..end` is the word's byte
/// range in `text` and `word` its lowercase, accent-folded form.
///
/// A word is a run of letters and digits. An apostrophe between two letters joins them
/// ("organization's" is one word), and combining accents inside a word are dropped.
pub(crate) fn for_each_word(text: &str, mut visit: impl FnMut(usize, usize, &str)) {
    let mut word = String::new();
    for_each_span(text, |start, end| {
        fold_word(&text[start..end], &mut word);
        visit(start, end, &word);
    });
}

/// Calls `visit(start, end)` with the byte range of every word of `text` (as in
/// [`for_each_word`]), without folding it: for scans that look at few of the words.
pub(crate) fn for_each_span(text: &str, mut visit: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            i += 1;
            end = i;
            continue;
        }
        // Only ASCII is handled without decoding characters.
        let (c, width) = if byte.is_ascii() {
            (char::from(byte), 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let next = i + width;
        if !byte.is_ascii() && c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            i = next;
            end = next;
            continue;
        }
        if start.is_some() {
            if is_combining_mark(c) {
                i = next;
                end = next;
                continue;
            }
            let letter_follows = text
                .get(next..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_alphabetic);
            if is_apostrophe(c) && letter_follows {
                i = next;
                continue;
            }
        }
        if let Some(s) = start.take() {
            visit(s, end);
        }
        i = next;
    }
    if let Some(s) = start {
        visit(s, end);
    }
}

/// Writes the lowercase, accent-folded form of a word found by [`for_each_span`] into `out`,
/// leaving out apostrophes and combining accents.
pub(crate) fn fold_word(raw: &str, out: &mut String) {
    out.clear();
    if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push_str(raw);
        out.make_ascii_lowercase();
        return;
    }
    for c in raw.chars() {
        if c.is_alphanumeric() {
            fold_char(c, out);
        }
    }
}

/// The first two bytes of the folded form of a raw word, which stemming never changes: a cheap
/// test that rules out most words of a text before they are folded and stemmed. `scratch` is used
/// only for words that do not start with two ASCII letters or digits.
pub(crate) fn lead_of_raw(raw: &str, scratch: &mut String) -> u16 {
    match raw.as_bytes() {
        [a, b, ..] if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() => {
            u16::from_be_bytes([a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        }
        [a] if a.is_ascii_alphanumeric() => u16::from_be_bytes([a.to_ascii_lowercase(), 0]),
        _ => {
            fold_word(raw, scratch);
            lead(scratch)
        }
    }
}

/// The first two bytes of a folded word or stem.
pub(crate) fn lead(word: &str) -> u16 {
    let bytes = word.as_bytes();
    let first = bytes.first().copied().unwrap_or(0);
    let second = bytes.get(1).copied().unwrap_or(0);
    u16::from_be_bytes([first, second])
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Appends the lowercase form of `c` to `out`, with the accents of common Latin letters removed.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'Ā' | 'ā' | 'Ă'
        | 'ă' | 'Ą' | 'ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => "d",
        'È' | 'É' | 'Ê' | 'Ë' | 'è' | 'é' | 'ê' | 'ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę'
        | 'ę' | 'Ě' | 'ě' => "e",
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'ì' | 'í' | 'î' | 'ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į'
        | 'į' | 'İ' | 'ı' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ'
        | 'ŏ' | 'Ő' | 'ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => "t",
        'Þ' | 'þ' => "th",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'ù' | 'ú' | 'û' | 'ü' | 'Ũ' | 'ũ' | 'Ū' | 'ū' | 'Ŭ' | 'ŭ' | 'Ů'
        | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// Common English words that carry no meaning for search. They are neither indexed nor searched.
/// The list is the reference for `is_stop_word`, which must agree with it (a test checks).
#[cfg(test)]
const STOP_WORDS: [&str; 52] = [
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "do", "does", "for", "from", "has", "have", "how", "i", "if", "in", "into", "is", "it",
    "its", "more", "most", "of", "on", "or", "our", "so", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "to", "was", "we", "which", "with",
];

pub(crate) fn is_stop_word(word: &str) -> bool {
    // A match on the word compiles to length and byte comparisons, faster than a binary search.
    word.len() <= STOP_WORD_MAX_LEN
        && matches!(
            word,
            "a" | "about"
                | "all"
                | "also"
                | "an"
                | "and"
                | "any"
                | "are"
                | "as"
                | "at"
                | "be"
                | "been"
                | "but"
                | "by"
                | "can"
                | "do"
                | "does"
                | "for"
                | "from"
                | "has"
                | "have"
                | "how"
                | "i"
                | "if"
                | "in"
                | "into"
                | "is"
                | "it"
                | "its"
                | "more"
                | "most"
                | "of"
                | "on"
                | "or"
                | "our"
                | "so"
                | "such"
                | "than"
                | "that"
                | "the"
                | "their"
                | "them"
                | "then"
                | "there"
                | "these"
                | "they"
                | "this"
                | "to"
                | "was"
                | "we"
                | "which"
                | "with"
        )
}

/// The length of the longest stop word, in bytes.
const STOP_WORD_MAX_LEN: usize = 5;

/// Reduces a folded word to its index term, written into `out`.
///
/// This is a deliberately light stemmer, not Porter's: it removes plural endings (`-s`, `-es`,
/// `-ies` → `-y`), the verb endings `-ing` and `-ed` (undoubling "planned" → "plan"), `-ly`, and
/// `-ation` / `-ization`, then a final `-e`, and it folds British and American spellings
/// (`-our`/`-or`, `-ise`/`-ize`, `-yse`/`-yze`, `-ence`/`-ense`). Words with digits or letters
/// outside a–z, and words of three letters or fewer, are kept as they are. The stems need not be
/// words; they only need to agree between the forms of a word.
pub(crate) fn stem_into(word: &str, out: &mut String) {
    out.clear();
    out.push_str(word);
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    strip_plural(out);
    strip_suffix(out);
    if out.len() >= 6 && out.ends_with("our") {
        replace_end(out, 3, "or");
    }
    if out.len() > 3 && out.ends_with('e') {
        out.truncate(out.len() - 1);
    }
    if out.len() >= 5 {
        if out.ends_with("is") {
            replace_end(out, 2, "iz");
        } else if out.ends_with("ys") {
            replace_end(out, 2, "yz");
        } else if out.ends_with("enc") {
            replace_end(out, 3, "ens");
        }
    }
}

/// The stem of `word`, as a new string.
pub(crate) fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

fn replace_end(word: &mut String, remove: usize, with: &str) {
    word.truncate(word.len() - remove);
    word.push_str(with);
}

fn strip_plural(word: &mut String) {
    if word.ends_with("ies") && word.len() > 4 {
        replace_end(word, 3, "y");
    } else if word.ends_with("sses") {
        word.truncate(word.len() - 2);
    } else if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word.truncate(word.len() - 1);
    }
}

fn has_vowel(word: &str) -> bool {
    word.bytes()
        .any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

fn strip_suffix(word: &mut String) {
    let len = word.len();
    let verb_stem = if (word.ends_with("ization") || word.ends_with("isation")) && len >= 10 {
        replace_end(word, 7, "iz");
        false
    } else if word.ends_with("ation") && len >= 8 {
        replace_end(word, 5, "at");
        false
    } else if word.ends_with("eed") && len > 4 {
        word.truncate(len - 1);
        false
    } else if word.ends_with("ing") && len >= 6 && has_vowel(&word[..len - 3]) {
        word.truncate(len - 3);
        true
    } else if word.ends_with("ed") && len >= 5 && has_vowel(&word[..len - 2]) {
        word.truncate(len - 2);
        true
    } else if word.ends_with("ly") && len >= 7 {
        word.truncate(len - 2);
        false
    } else {
        false
    };
    if verb_stem {
        let bytes = word.as_bytes();
        let n = bytes.len();
        if n >= 4 && bytes[n - 1] == bytes[n - 2] && !matches!(bytes[n - 1], b'l' | b's' | b'z') {
            let last = bytes[n - 1];
            if !matches!(last, b'a' | b'e' | b'i' | b'o' | b'u') {
                word.truncate(n - 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        for_each_word(text, |s, e, w| out.push((s, e, w.to_string())));
        out
    }

    #[test]
    fn words_are_lowercased_and_folded_with_their_byte_ranges() {
        let got = words("Café—Ångström, naïve OSPO's");
        assert_eq!(
            got,
            vec![
                (0, 5, "cafe".to_string()),
                (8, 18, "angstrom".to_string()),
                (20, 26, "naive".to_string()),
                (27, 33, "ospos".to_string()),
            ]
        );
    }

    #[test]
    fn combining_accents_and_ligatures_fold() {
        let got: Vec<String> = words("re\u{301}sume\u{301} Straße Œuvre")
            .into_iter()
            .map(|w| w.2)
            .collect();
        assert_eq!(got, vec!["resume", "strasse", "oeuvre"]);
    }

    #[test]
    fn punctuation_and_emoji_separate_words() {
        let got: Vec<String> = words("<b>hub-and-spoke</b> 🚀rocket!! 1.0")
            .into_iter()
            .map(|w| w.2)
            .collect();
        assert_eq!(
            got,
            vec!["b", "hub", "and", "spoke", "b", "rocket", "1", "0"]
        );
    }

    #[test]
    fn leads_of_raw_words_agree_with_their_folded_stems() {
        let mut scratch = String::new();
        for raw in [
            "Policies", "ÉTAT", "x", "Œuvre", "d'Arc", "OSPO's", "1.0", "über",
        ] {
            for_each_span(raw, |s, e| {
                let piece = &raw[s..e];
                fold_word(piece, &mut scratch);
                let folded = scratch.clone();
                assert_eq!(
                    lead_of_raw(piece, &mut scratch),
                    lead(&stem(&folded)),
                    "{piece}"
                );
            });
        }
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        let mut sorted = STOP_WORDS;
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("policy"));
        assert!(STOP_WORDS.iter().all(|w| w.len() <= STOP_WORD_MAX_LEN));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        let stop_count = ["and", "andy", "whic", "tha", "ours"]
            .iter()
            .filter(|w| is_stop_word(w))
            .count();
        assert_eq!(stop_count, 1);
    }

    fn same_stem(forms: &[&str]) {
        let first = stem(forms[0]);
        for form in forms {
            assert_eq!(stem(form), first, "{form} vs {}", forms[0]);
        }
    }

    #[test]
    fn plurals_meet_their_singular() {
        same_stem(&["policy", "policies"]);
        same_stem(&["process", "processes"]);
        same_stem(&["licence", "licences"]);
        same_stem(&["sbom", "sboms"]);
        same_stem(&["community", "communities"]);
        same_stem(&["match", "matches"]);
        same_stem(&["spoke", "spokes"]);
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("business"), "business");
    }

    #[test]
    fn verb_endings_are_removed() {
        same_stem(&["license", "licensed", "licensing", "licenses"]);
        same_stem(&["contribute", "contributed", "contributing", "contributes"]);
        same_stem(&["plan", "planned", "planning", "plans"]);
        same_stem(&["commit", "committed", "committing"]);
        same_stem(&["install", "installed", "installing"]);
        same_stem(&["agree", "agreed", "agrees"]);
        same_stem(&["need", "needs", "needed"]);
        same_stem(&["sponsor", "sponsors", "sponsored", "sponsoring"]);
    }

    #[test]
    fn derived_endings_are_removed() {
        same_stem(&["organize", "organization", "organizations", "organized"]);
        same_stem(&["automate", "automation", "automated"]);
        same_stem(&["legal", "legally"]);
        assert_eq!(stem("only"), "only");
        assert_eq!(stem("family"), "family");
    }

    #[test]
    fn british_and_american_spellings_meet() {
        same_stem(&["licence", "license", "licensing", "licences"]);
        same_stem(&["organisation", "organization", "organise", "organising"]);
        same_stem(&["decentralised", "decentralized", "decentralisation"]);
        same_stem(&["behaviour", "behavior", "behaviours"]);
        same_stem(&["analyse", "analyze", "analysed"]);
        same_stem(&["defence", "defense"]);
    }

    #[test]
    fn short_words_numbers_and_other_scripts_are_kept() {
        assert_eq!(stem("cla"), "cla");
        assert_eq!(stem("clas"), "cla");
        assert_eq!(stem("used"), "used");
        assert_eq!(stem("2024s"), "2024s");
        assert_eq!(stem("données"), "données");
        assert_eq!(stem("thing"), "thing");
        assert_eq!(stem("string"), "string");
    }
}
