//! Dutch syllable counting: one syllable per vowel nucleus.
//!
//! A nucleus is the longest match of aai, ooi, oei, eeuw, ieuw, eau, aa, ee,
//! oo, uu, ie, oe, eu, ui, ij, ei, ou, au, or a single vowel (y counts as a
//! vowel). A vowel with a diaeresis (ë, ï, ö, ü) starts a new nucleus:
//! "ideeën" is i-dee-ën, "geëist" is ge-ëist. Loanwords the rule gets wrong
//! come from `readability/syllables.tsv`, looked up for the whole word, for
//! each part of a hyphenated word ("e-mail"), and after a leading "ge" ("geüpload").

use super::wordlists::lexicon;

const NUCLEI: [&str; 18] = [
    "eeuw", "ieuw", "aai", "ooi", "oei", "eau", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui",
    "ij", "ei", "ou", "au",
];

/// The number of syllables in a word (at least 1).
pub fn count(word: &str) -> usize {
    let mut lower = String::with_capacity(word.len());
    lower.extend(word.chars().flat_map(char::to_lowercase));
    if let Some(n) = table(&lower) {
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
    by_rule(&lower).max(1)
}

fn table(word: &str) -> Option<usize> {
    let syllables = &lexicon().syllables;
    if let Some(n) = syllables.get(word) {
        return Some(usize::from(*n));
    }
    // "geüpload": "ge" + a loanword, with the diaeresis dropped.
    let rest = word.strip_prefix("ge")?;
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

/// Counts vowel nuclei in a lower-case word.
fn by_rule(word: &str) -> usize {
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
                .map_or(1, |nucleus| nucleus.chars().count());
            count += 1;
            i += matched;
        } else {
            i += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

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
