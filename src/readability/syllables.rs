//! Dutch syllable counting: one syllable per vowel nucleus.
//!
//! A nucleus is the longest match of aai, ooi, oei, eeuw, ieuw, eau, aa, ee,
//! oo, uu, ie, oe, eu, ui, ij, ei, ou, au, or a single vowel (y counts as a
//! vowel). A vowel with a diaeresis (ë, ï, ö, ü) starts a new nucleus:
//! "ideeën" is i-dee-ën, "geëist" is ge-ëist. Loanwords the rule gets wrong
//! come from `readability/syllables.tsv`, looked up for the whole word, for
//! each part of a hyphenated word ("e-mail"), and after a leading "ge" ("geüpload").

use crate::lexicon::lexicon;

const NUCLEI: [&str; 18] = [
    "eeuw", "ieuw", "aai", "ooi", "oei", "eau", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui",
    "ij", "ei", "ou", "au",
];

/// The number of syllables in a word (at least 1).
pub fn count(word: &str) -> usize {
    if word.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) {
        return count_lower(word);
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    count_lower(&lower)
}

/// The number of syllables in a word that is already lower case.
pub fn count_lower(lower: &str) -> usize {
    if let Some(n) = table(lower) {
        return n;
    }
    if lower.contains('-') {
        return lower
            .split('-')
            .filter(|p| !p.is_empty())
            .map(|p| table(p).unwrap_or_else(|| by_rule(p)))
            .sum::<usize>()
            .max(1);
    }
    by_rule(lower).max(1)
}

fn table(word: &str) -> Option<usize> {
    let syllables = &lexicon().syllables;
    if let Some(n) = syllables.get(word) {
        return Some(usize::from(*n));
    }
    // "geüpload": "ge" + a loanword, with the diaeresis dropped.
    let rest = word.strip_prefix("ge")?;
    if rest.is_ascii() {
        return syllables.get(rest).map(|n| usize::from(*n) + 1);
    }
    let plain: String = rest.chars().map(strip_diaeresis).collect();
    syllables.get(plain.as_str()).map(|n| usize::from(*n) + 1)
}

fn strip_diaeresis(c: char) -> char {
    match c {
        'ë' => 'e',
        'ï' => 'i',
        'ö' => 'o',
        'ü' => 'u',
        'ä' => 'a',
        other => other,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'é'
            | 'è'
            | 'ê'
            | 'á'
            | 'à'
            | 'â'
            | 'í'
            | 'ó'
            | 'ô'
            | 'ú'
            | 'û'
    )
}

fn has_diaeresis(c: char) -> bool {
    matches!(c, 'ë' | 'ï' | 'ö' | 'ü' | 'ä')
}

/// Counts vowel nuclei in a lower-case word (no loanword table).
pub fn by_rule(word: &str) -> usize {
    if word.is_ascii() {
        return by_rule_ascii(word.as_bytes());
    }
    let chars: Vec<char> = word.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if has_diaeresis(c) || is_vowel(c) {
            // A diaeresis starts a new nucleus, which may go on as a diphthong ("ëi").
            let start = strip_diaeresis(c);
            let matched = NUCLEI
                .iter()
                .find(|nucleus| {
                    let mut n = nucleus.chars();
                    n.next() == Some(start)
                        && n.enumerate()
                            .all(|(k, nc)| chars.get(i + 1 + k) == Some(&nc))
                })
                .map_or(1, |nucleus| nucleus.len());
            count += 1;
            i += matched;
        } else {
            i += 1;
        }
    }
    count
}

/// The same rule for ASCII words, without allocating.
fn by_rule_ascii(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        if matches!(bytes[i], b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
            count += 1;
            i += nucleus_len(&bytes[i..]);
        } else {
            i += 1;
        }
    }
    count
}

/// The length of the longest nucleus at the start of `rest` (which starts with a vowel).
fn nucleus_len(rest: &[u8]) -> usize {
    match rest {
        [b'e', b'e', b'u', b'w', ..] | [b'i', b'e', b'u', b'w', ..] => 4,
        [b'a', b'a', b'i', ..]
        | [b'o', b'o', b'i', ..]
        | [b'o', b'e', b'i', ..]
        | [b'e', b'a', b'u', ..] => 3,
        [b'a', b'a', ..]
        | [b'e', b'e', ..]
        | [b'o', b'o', ..]
        | [b'u', b'u', ..]
        | [b'i', b'e', ..]
        | [b'o', b'e', ..]
        | [b'e', b'u', ..]
        | [b'u', b'i', ..]
        | [b'i', b'j', ..]
        | [b'e', b'i', ..]
        | [b'o', b'u', ..]
        | [b'a', b'u', ..] => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nucleus_table_and_match_agree() {
        for nucleus in NUCLEI {
            assert_eq!(nucleus_len(nucleus.as_bytes()), nucleus.len(), "{nucleus}");
        }
    }

    #[test]
    fn counts_dutch_words() {
        for (word, n) in [
            ("bijstand", 2),
            ("uitkering", 3),
            ("leeuw", 1),
            ("mooie", 2),
            ("ideeën", 3),
            ("coördinator", 5),
            ("geëist", 2),
            ("e-mail", 2),
            ("geüpload", 3),
            ("Participatiewet", 6),
        ] {
            assert_eq!(count(word), n, "{word}");
        }
    }
}
