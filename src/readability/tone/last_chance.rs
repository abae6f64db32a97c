//! A last chance or a final warning in a sentence: "uw laatste kans",
//! "laatste waarschuwing", "geen tweede kans meer", "sommatie". The
//! ultimatum rule flags these words; a sentence that holds them softens
//! nothing around it, even when it also offers help
//! ([`super::reassurance::helps_others`]).

use super::ToneSentence;
use super::marks::{self, LAST, ULTIMATUMS};

/// What a last one can be.
const CHANCES: &[&str] = &[
    "kans",
    "waarschuwing",
    "aanmaning",
    "herinnering",
    "mogelijkheid",
    "sommatie",
];

/// The words of a sentence that state a last chance or an ultimatum: "laatste"
/// and its chance, "geen" and its "nieuwe kans", or an ultimatum word. None
/// in a negated clause ("Dit is niet uw laatste kans").
pub(crate) fn last_chance_words(sentence: &ToneSentence) -> Vec<usize> {
    let mut words = Vec::new();
    // The cheap test first: a form a last chance can start from ("geen",
    // "laatste", an ultimatum).
    if sentence.marks & marks::ULTIMATUM_FORM == 0 {
        return words;
    }
    for k in 0..sentence.words.len() {
        // "U krijgt geen nieuwe kans": the "geen" is the closing door itself.
        if sentence.is(k, &["geen"])
            && sentence.is(k + 1, &["nieuwe", "tweede", "extra", "andere"])
            && sentence.is(k + 2, &["kans", "kansen", "mogelijkheid"])
            && sentence.words.iter().any(|w| w.reads_as("krijgen"))
        {
            words.extend([k, k + 2]);
            continue;
        }
        if sentence.clause_of(k).negated {
            continue;
        }
        if sentence.is(k, LAST) && sentence.is(k + 1, CHANCES) {
            words.extend([k, k + 1]);
        } else if ULTIMATUMS.contains(&sentence.words[k].lemma()) {
            words.push(k);
        }
    }
    words
}
