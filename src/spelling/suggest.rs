//! The nearest correct word to a misspelled one.
//!
//! Candidates come, in this order, from:
//!
//! 1. the same word with a capital letter ("amsterdam" → "Amsterdam"), when
//!    the lower-case form is frequent (else after step 2: "klijn" is "klein");
//! 2. the frequency list: words one edit away (a letter left out, added,
//!    changed, or two letters swapped), and words that sound the same in
//!    Dutch (the same [`sound_key`]: ei/ij, au/ou, d/t at the end, dt, c/k,
//!    s/z, f/v, ch/g, doubled letters, accents);
//! 3. the dictionary: words one edit or one Dutch confusion away
//!    ("bijstandsuitkeering" → "bijstandsuitkering");
//! 4. the frequency list again: words two edits away.
//!
//! Within a step the winner is the word that sounds most alike, then the one
//! with the fewest edits, then the most frequent one. A word ending in "dt"
//! that does not exist ("gebeurdt") can be meant as "gebeurt" or "gebeurd";
//! the caller says which is likelier from the sentence (a form of "hebben",
//! "zijn" or "worden" before it makes it a participle).

use super::{dictionary, is_frequent_and_correct};
use crate::lexicon::{NOT_IN_OPENTAAL, lexicon};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Mutex, OnceLock};

/// Letters tried when a letter is changed or added.
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzëéèêïöü";
/// Pairs that Dutch writers mix up: each side is tried for the other.
const CONFUSIONS: &[(&str, &str)] = &[
    ("ei", "ij"),
    ("au", "ou"),
    ("ch", "g"),
    ("ck", "k"),
    ("ks", "x"),
    ("kw", "qu"),
    ("dt", "d"),
    ("dt", "t"),
    ("y", "ij"),
    ("ph", "f"),
    ("th", "t"),
];
/// The cache of answers is emptied when it holds this many words.
const CACHE_LIMIT: usize = 20_000;

/// The correct word nearest to a misspelled one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nearest {
    /// The word, with the capital letter of the misspelled word.
    pub word: String,
    /// Whether it is one edit away or sounds the same: then it is almost
    /// certainly what the writer meant.
    pub close: bool,
}

/// How a candidate ranks: lower is better.
type Score = (usize, usize, u8, i32);

/// Answers by (word, participle hint).
type Answers = FxHashMap<(String, Option<bool>), Option<Nearest>>;

/// The nearest correct word to `word` (as written), if one is near.
///
/// `participle` says, for a word ending in "dt", whether the sentence makes a
/// participle likelier (`Some(true)`: "is gebeurd") or a verb form in the
/// present (`Some(false)`: "het gebeurt").
pub fn nearest(word: &str, participle: Option<bool>) -> Option<Nearest> {
    static CACHE: OnceLock<Mutex<Answers>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(FxHashMap::default()));
    let key = (word.to_string(), participle);
    if let Some(found) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return found;
    }
    let found = search(word, participle);
    if let Ok(mut cache) = cache.lock() {
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, found.clone());
    }
    found
}

/// Whether a frequent correct word is one edit or one Dutch confusion away
/// from a lower-case word. Cheap (no dictionary): it tells a misspelled common
/// word at the start of a sentence ("Uitkeering") from a name ("Marieke").
pub fn has_frequent_neighbour(lower: &str) -> bool {
    for_each_edit(lower, |candidate| {
        candidate != lower && is_frequent_and_correct(candidate)
    })
}

fn search(word: &str, participle: Option<bool>) -> Option<Nearest> {
    let lower = word.to_lowercase();
    let capital = word.starts_with(char::is_uppercase);
    let dress = |found: &str| -> String {
        if capital {
            capitalise(found)
        } else {
            found.to_string()
        }
    };
    // 1. A name or place written in lower case: first when writers often do
    // that ("amsterdam" is in the frequency list), else after the common
    // words ("klijn" is "klein" before it is the name "Klijn").
    let capitalised = (!capital)
        .then(|| capitalise(&lower))
        .filter(|c| dictionary().check(c))
        .map(|word| Nearest { word, close: true });
    if capitalised.is_some() && lexicon().frequency(&lower).is_some() {
        return capitalised;
    }
    let key = sound_key(&lower);
    let dt = lower.ends_with("dt");
    let score = |candidate: &str, zipf: f32| -> Score {
        let hint = match participle {
            Some(true) if dt && !candidate.ends_with('d') => 1,
            Some(false) if dt && !candidate.ends_with('t') => 1,
            _ => 0,
        };
        (
            strsim::osa_distance(&key, &sound_key(candidate)),
            strsim::osa_distance(&lower, candidate),
            hint,
            -(zipf * 100.0) as i32,
        )
    };
    let zipf = |candidate: &str| {
        lexicon()
            .frequency(candidate)
            .map_or(0.0, |frequency| frequency.zipf)
    };
    let edits = one_edit(&lower);
    // 2. Frequent words one edit away, or sounding the same.
    let mut frequent: Vec<&str> = edits
        .iter()
        .map(String::as_str)
        .filter(|candidate| is_frequent_and_correct(candidate))
        .collect();
    if let Some(same_sound) = sound_index().get(&key) {
        frequent.extend(same_sound.iter().copied().filter(|w| *w != lower));
    }
    if let Some(best) = best_of(frequent.into_iter(), |c| score(c, zipf(c))) {
        return Some(Nearest {
            word: dress(best),
            close: true,
        });
    }
    if capitalised.is_some() {
        return capitalised;
    }
    // 3. Any word of the dictionary one edit away (rare words, compounds).
    let dictionary = dictionary();
    if let Some(best) = best_of(
        edits
            .iter()
            .map(String::as_str)
            .filter(|candidate| dictionary.check(candidate)),
        |c| score(c, zipf(c)),
    ) {
        return Some(Nearest {
            word: dress(best),
            close: true,
        });
    }
    // 4. Frequent words two edits away.
    let letters = lower.chars().count();
    let far = lexicon()
        .frequent_words()
        .filter(|(candidate, _)| {
            candidate.len().abs_diff(lower.len()) <= 3
                && candidate.chars().count().abs_diff(letters) <= 2
                && lexicon().entry(candidate).flags & NOT_IN_OPENTAAL == 0
                && strsim::osa_distance(&lower, candidate) <= 2
        })
        .map(|(candidate, _)| candidate);
    best_of(far, |c| score(c, zipf(c))).map(|best| Nearest {
        word: dress(best),
        close: false,
    })
}

/// The candidate with the lowest score (ties: alphabetical, so the answer never depends on order).
fn best_of<'c>(
    candidates: impl Iterator<Item = &'c str>,
    score: impl Fn(&str) -> Score,
) -> Option<&'c str> {
    candidates
        .map(|candidate| (score(candidate), candidate))
        .min()
        .map(|(_, candidate)| candidate)
}

/// Every word one edit away: a letter left out, added or changed, two
/// neighbours swapped, or one Dutch confusion ([`CONFUSIONS`]).
fn one_edit(lower: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for_each_edit(lower, |candidate| {
        out.insert(candidate.to_string());
        false
    });
    out.remove(lower);
    out
}

/// Calls `visit` with every word one edit away (see [`one_edit`]), some more
/// than once, in one reused buffer; stops when `visit` returns true. Returns
/// whether it was stopped.
fn for_each_edit(lower: &str, mut visit: impl FnMut(&str) -> bool) -> bool {
    let chars: Vec<char> = lower.chars().collect();
    let mut buffer = String::with_capacity(lower.len() + 4);
    // An apostrophe or hyphen at the edge is never a word.
    let mut try_word = |buffer: &String| -> bool {
        !buffer.is_empty()
            && !buffer.starts_with(['-', '\''])
            && !buffer.ends_with(['-', '\''])
            && visit(buffer)
    };
    let build = |buffer: &mut String, before: &[char], middle: &[char], after: &[char]| {
        buffer.clear();
        buffer.extend(before.iter().chain(middle).chain(after));
    };
    for i in 0..chars.len() {
        build(&mut buffer, &chars[..i], &[], &chars[i + 1..]);
        if try_word(&buffer) {
            return true;
        }
        if i + 1 < chars.len() {
            build(
                &mut buffer,
                &chars[..i],
                &[chars[i + 1], chars[i]],
                &chars[i + 2..],
            );
            if try_word(&buffer) {
                return true;
            }
        }
        for letter in LETTERS.chars().filter(|l| *l != chars[i]) {
            build(&mut buffer, &chars[..i], &[letter], &chars[i + 1..]);
            if try_word(&buffer) {
                return true;
            }
        }
    }
    for i in 0..=chars.len() {
        for letter in LETTERS.chars().chain(['-', '\'']) {
            build(&mut buffer, &chars[..i], &[letter], &chars[i..]);
            if try_word(&buffer) {
                return true;
            }
        }
    }
    for (a, b) in CONFUSIONS {
        for (from, to) in [(*a, *b), (*b, *a)] {
            for (at, _) in lower.match_indices(from) {
                buffer.clear();
                buffer.push_str(&lower[..at]);
                buffer.push_str(to);
                buffer.push_str(&lower[at + from.len()..]);
                if try_word(&buffer) {
                    return true;
                }
            }
        }
    }
    false
}

/// How a lower-case word sounds, roughly, in Dutch: words that Dutch writers
/// mix up get the same key ("tijd", "teid" → "tEt"; "kontrole", "controle").
pub(crate) fn sound_key(lower: &str) -> String {
    let chars: Vec<char> = lower
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(plain_letter)
        .collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let next = chars.get(i + 1).copied();
        let (sound, used): (&[char], usize) = match (chars[i], next) {
            ('e', Some('i')) | ('i', Some('j')) => (&['E'], 2),
            ('ĳ', _) => (&['E'], 1),
            ('a' | 'o', Some('u')) => (&['U'], 2),
            ('d', Some('t')) => (&['t'], 2),
            ('c', Some('h')) => (&['g'], 2),
            ('c', Some('k')) => (&['k'], 2),
            ('p', Some('h')) => (&['f'], 2),
            ('t', Some('h')) => (&['t'], 2),
            ('q', Some('u')) => (&['k', 'w'], 2),
            ('c', Some('e' | 'i' | 'y')) => (&['s'], 1),
            ('c', _) => (&['k'], 1),
            ('x', _) => (&['k', 's'], 1),
            ('z', _) => (&['s'], 1),
            ('v', _) => (&['f'], 1),
            ('d', None) => (&['t'], 1),
            (letter, _) => {
                out.push(letter);
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(sound);
        i += used;
    }
    out.dedup();
    out.into_iter().collect()
}

/// A letter without its accent ("ë" → "e").
fn plain_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'ä' | 'â' => 'a',
        'é' | 'è' | 'ë' | 'ê' => 'e',
        'í' | 'ì' | 'ï' | 'î' => 'i',
        'ó' | 'ò' | 'ö' | 'ô' => 'o',
        'ú' | 'ù' | 'ü' | 'û' => 'u',
        other => other,
    }
}

/// The frequent correct words by their [`sound_key`], built on first use.
fn sound_index() -> &'static FxHashMap<String, Vec<&'static str>> {
    static INDEX: OnceLock<FxHashMap<String, Vec<&'static str>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: FxHashMap<String, Vec<&'static str>> = FxHashMap::default();
        for (word, _) in lexicon().frequent_words() {
            if lexicon().entry(word).flags & NOT_IN_OPENTAAL == 0 {
                index.entry(sound_key(word)).or_default().push(word);
            }
        }
        index
    })
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nearest_word(word: &str) -> Option<String> {
        nearest(word, None).map(|n| n.word)
    }

    #[test]
    fn words_that_sound_alike_share_a_key() {
        assert_eq!(sound_key("tijd"), sound_key("teid"));
        assert_eq!(sound_key("kwaliteit"), sound_key("kwalitijd"));
        assert_eq!(sound_key("controle"), sound_key("kontrole"));
        assert_eq!(sound_key("akkoord"), sound_key("accoord"));
        assert_eq!(sound_key("uitkering"), sound_key("uitkeering"));
        assert_eq!(sound_key("financiële"), sound_key("financiele"));
        assert_ne!(sound_key("huur"), sound_key("hoor"));
    }

    #[test]
    fn a_doubled_or_missing_letter_is_corrected() {
        assert_eq!(nearest_word("aanvraaag").as_deref(), Some("aanvraag"));
        assert_eq!(nearest_word("uitkeering").as_deref(), Some("uitkering"));
        assert_eq!(nearest_word("formulir").as_deref(), Some("formulier"));
        assert_eq!(nearest_word("onvangt").as_deref(), Some("ontvangt"));
        assert_eq!(nearest_word("bellenn").as_deref(), Some("bellen"));
    }

    #[test]
    fn dutch_confusions_are_corrected() {
        // c/k
        assert_eq!(nearest_word("kontrole").as_deref(), Some("controle"));
        assert_eq!(nearest_word("practisch").as_deref(), Some("praktisch"));
        // ei/ij
        assert_eq!(nearest_word("teid").as_deref(), Some("tijd"));
        assert_eq!(nearest_word("kwalitijd").as_deref(), Some("kwaliteit"));
        assert_eq!(nearest_word("beistand").as_deref(), Some("bijstand"));
        // d/t where the form does not exist
        assert_eq!(nearest_word("reageerd").as_deref(), Some("reageert"));
        assert_eq!(nearest_word("antwoort").as_deref(), Some("antwoord"));
        // accents
        assert_eq!(nearest_word("financiele").as_deref(), Some("financiële"));
    }

    #[test]
    fn dt_follows_the_sentence() {
        assert_eq!(
            nearest("gebeurdt", Some(true)).map(|n| n.word).as_deref(),
            Some("gebeurd")
        );
        assert_eq!(
            nearest("gebeurdt", Some(false)).map(|n| n.word).as_deref(),
            Some("gebeurt")
        );
    }

    #[test]
    fn compounds_capitals_and_names() {
        assert_eq!(
            nearest_word("bijstandsuitkeering").as_deref(),
            Some("bijstandsuitkering")
        );
        assert_eq!(nearest_word("Uitkeering").as_deref(), Some("Uitkering"));
        assert_eq!(nearest_word("amsterdam").as_deref(), Some("Amsterdam"));
        assert_eq!(nearest_word("klijn").as_deref(), Some("klein"));
        assert_eq!(nearest_word("pietersma").as_deref(), Some("Pietersma"));
    }
}
