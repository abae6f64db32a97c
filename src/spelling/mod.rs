//! Spelling: whether a word is correct Dutch, and which correct word is nearest.
//!
//! The word list is OpenTaal's Hunspell dictionary (`readability/nl.aff` and
//! `readability/nl.dic`), read by the `spellbook` crate. Reading it takes
//! about a tenth of a second, so it is read only when a text has a word that
//! the cheap checks cannot place. A word is correct, in this order, when:
//!
//! 1. the municipality added it (`[lint.spelling]` in helder.toml);
//! 2. it is in the frequency list (`readability/nl-frequency.tsv`) and OpenTaal
//!    accepts it: the frequency list also holds English words and frequent
//!    misspellings, and `readability/frequent-not-in-opentaal.txt` names them;
//! 3. OpenTaal's dictionary accepts it, with its affixes and compounds;
//! 4. it is two known parts ("wijkteam" + "medewerker", or a part the
//!    municipality added), each at least three letters, with a linking "s",
//!    "e" or "en" allowed between them; or a hyphenated word of known parts.
//!
//! What the dictionary says about a word is remembered for the whole run, so
//! a batch of letters asks once per word.

mod suggest;

pub use suggest::{Nearest, has_frequent_neighbour, nearest};

use crate::lexicon::{ExtraWords, NOT_IN_OPENTAAL, lexicon};
use rustc_hash::FxHashMap;
use std::sync::{Mutex, OnceLock};

const AFF: &str = include_str!("../../readability/nl.aff");
const DIC: &str = include_str!("../../readability/nl.dic");

/// Parts of a compound must have at least this many letters.
const MIN_PART_LETTERS: usize = 3;
/// A part that is not a common word must have at least this many letters:
/// OpenTaal knows many short rare words ("ing", "keer") that would let a typo pass as a compound.
const MIN_RARE_PART_LETTERS: usize = 5;
/// The cache of dictionary answers is emptied when it holds this many words.
const CACHE_LIMIT: usize = 100_000;

/// OpenTaal's dictionary, read on first use.
pub fn dictionary() -> &'static spellbook::Dictionary {
    static DICTIONARY: OnceLock<spellbook::Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        spellbook::Dictionary::new(AFF, DIC)
            .unwrap_or_else(|problem| panic!("readability/nl.aff or nl.dic is broken: {problem}"))
    })
}

/// Whether a lower-case word is in the frequency list and OpenTaal accepts it as written.
pub fn is_frequent_and_correct(lower: &str) -> bool {
    let entry = lexicon().entry(lower);
    entry.frequency.is_some() && entry.flags & NOT_IN_OPENTAAL == 0
}

/// Whether a lower-case word is a common word (Zipf 3 or more) that OpenTaal accepts.
pub(crate) fn is_common_and_correct(lower: &str) -> bool {
    let entry = lexicon().entry(lower);
    entry.flags & NOT_IN_OPENTAAL == 0 && entry.frequency.is_some_and(|f| f.zipf >= 3.0)
}

/// Whether a word, as written in the text, is correct Dutch.
pub fn is_correct(word: &str, extra: &ExtraWords) -> bool {
    let lower = word.to_lowercase();
    if extra.contains(&lower) || is_frequent_and_correct(&lower) {
        return true;
    }
    if known_to_dictionary(word) {
        return true;
    }
    // The municipality's words can be parts of compounds too; that is not cached.
    !extra.is_empty() && is_compound(&lower, extra)
}

/// The dictionary's answer for a word, with compounds and hyphenated words, remembered for the run.
fn known_to_dictionary(word: &str) -> bool {
    static CACHE: OnceLock<Mutex<FxHashMap<String, bool>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(FxHashMap::default()));
    if let Some(known) = cache.lock().ok().and_then(|c| c.get(word).copied()) {
        return known;
    }
    let known = dictionary().check(word)
        || if word.contains('-') {
            let parts: Vec<&str> = word.split('-').filter(|part| !part.is_empty()).collect();
            let known = |part: &str| is_correct(part, &ExtraWords::default());
            parts.iter().enumerate().all(|(i, part)| {
                part.chars().count() <= 2
                    || known(part)
                    // A part before a hyphen may keep its linking "s":
                    // "rechtmatigheids-onderzoek".
                    || (i + 1 < parts.len()
                        && part.strip_suffix('s').is_some_and(|stem| {
                            stem.chars().count() >= MIN_PART_LETTERS && known(stem)
                        }))
            })
        } else {
            is_compound(&word.to_lowercase(), &ExtraWords::default())
        };
    if let Ok(mut cache) = cache.lock() {
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.to_string(), known);
    }
    known
}

/// Whether a lower-case word is two known parts ("wijkteam" + "medewerker").
///
/// A part is known when it is a common word, a word the municipality added,
/// or a word OpenTaal knows (itself maybe a compound) of at least
/// [`MIN_RARE_PART_LETTERS`] letters. The first part may end in a linking
/// "s", "e" or "en". Two parts only: OpenTaal already accepts most compounds,
/// and every further split gives a typo another way to pass as correct.
fn is_compound(lower: &str, extra: &ExtraWords) -> bool {
    let letters = lower.chars().count();
    if !(2 * MIN_PART_LETTERS..=60).contains(&letters) || !lower.chars().all(char::is_alphabetic) {
        return false;
    }
    let known = |part: &str| -> bool {
        let count = part.chars().count();
        count >= MIN_PART_LETTERS
            && (is_common_and_correct(part)
                || extra.contains(part)
                || (count >= MIN_RARE_PART_LETTERS && dictionary().check(part)))
    };
    lower
        .char_indices()
        .map(|(i, _)| i)
        .filter(|i| *i > 0)
        .any(|split| {
            let (first, head) = lower.split_at(split);
            known(head)
                && (known(first)
                    || ["s", "e", "en"]
                        .iter()
                        .any(|link| first.strip_suffix(link).is_some_and(&known)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_compounds_and_forms_are_correct() {
        let none = ExtraWords::default();
        for word in [
            "uitkering",
            "bijstandsuitkering",
            "huurtoeslagaanvraagformulier",
            "kostendelersnorm",
            "ontvangt",
            "gebeurd",
            "verhuisd",
            "e-mailadres",
            "auto's",
            "financiële",
            "Uitkering",
            "tijd",
            "wijkteammedewerker",
            "schuldhulpmaatje",
            "voedselbankpakket",
            // Long compounds split for reading, a part keeping its linking "s".
            "rechtmatigheids-onderzoek",
            "gezondheids-verklaring",
        ] {
            assert!(is_correct(word, &none), "{word} is correct");
        }
        // Alone, the part with its linking "s" is no word.
        assert!(!is_correct("rechtmatigheids", &none));
    }

    #[test]
    fn misspellings_and_frequent_mistakes_are_not() {
        let none = ExtraWords::default();
        for word in [
            "uitkeering",
            "aanvraaag",
            "formulir",
            "kontrole",
            "teid",
            "reageerd",
            "gebeurdt",
            "fotos",
            "financiele",
            "bijstandsuitkeering",
            "zowiezo",
            // The linking "s" only before a hyphen, and the last part must be right.
            "rechtmatigheids-onderzoekk",
            "onderzoek-rechtmatigheids",
        ] {
            assert!(!is_correct(word, &none), "{word} is not correct");
        }
    }

    #[test]
    fn a_municipality_adds_words_and_compounds_of_them() {
        let extra = ExtraWords::new(["Wmo".to_string(), " ".to_string()]);
        assert_eq!(extra.len(), 1);
        assert!(!is_correct("wmoloket", &ExtraWords::default()));
        assert!(is_correct("wmoloket", &extra));
        assert!(is_correct("wmo", &extra));
        assert!(!is_correct("wmolokett", &extra));
    }

    #[test]
    fn frequent_words_opentaal_rejects_are_listed_exactly() {
        // readability/frequent-not-in-opentaal.txt must say which words of the
        // frequency list OpenTaal rejects. Regenerate it with
        // HELDER_REFRESH_SPELLING=1 cargo test --lib frequent_words_opentaal
        let dictionary = dictionary();
        let mut rejected: Vec<&str> = lexicon()
            .frequent_words()
            .map(|(word, _)| word)
            .filter(|word| !dictionary.check(word))
            .collect();
        rejected.sort_unstable();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/readability/frequent-not-in-opentaal.txt"
        );
        let current = std::fs::read_to_string(path).unwrap();
        let header: String = current
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let expected = format!("{header}{}\n", rejected.join("\n"));
        if std::env::var_os("HELDER_REFRESH_SPELLING").is_some() {
            std::fs::write(path, &expected).unwrap();
        } else {
            assert!(
                current == expected,
                "readability/frequent-not-in-opentaal.txt is out of date: run HELDER_REFRESH_SPELLING=1 cargo test --lib frequent_words_opentaal"
            );
        }
    }
}
