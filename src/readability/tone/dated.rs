//! A dated event told in the past tense ("Uw WW-uitkering stopte op 18
//! oktober"): it reports what happened; it announces nothing.

use super::ToneSentence;
use crate::dutch::MONTHS;

/// Simple past forms of strong and irregular verbs ("kwam", "ging", "was").
pub(super) const STRONG_PAST: &[&str] = &[
    "was", "waren", "had", "hadden", "kwam", "kwamen", "ging", "gingen", "kreeg", "kregen", "trof",
    "troffen", "zag", "zagen", "vond", "vonden", "deed", "deden", "nam", "namen", "gaf", "gaven",
    "bleef", "bleven", "stond", "stonden", "lag", "lagen", "zat", "zaten", "liep", "liepen",
    "sprak", "spraken", "schreef", "schreven", "werd", "werden", "kon", "konden", "moest",
    "moesten", "mocht", "mochten", "vroeg", "vroegen", "zei", "zeiden", "hield", "hielden", "liet",
    "lieten", "bracht", "brachten", "dacht", "dachten", "wist", "wisten", "sloot", "sloten",
    "trok", "trokken", "belde", "belden",
];

/// Present forms that make a sentence about now or later ("wordt", "gaat", "zal").
pub(super) const PRESENT_AUXILIARIES: &[&str] = &[
    "is", "wordt", "worden", "zal", "zullen", "zult", "gaat", "gaan", "kan", "kunt", "kunnen",
    "moet", "moeten", "mag", "mogen", "volgt", "volgen", "krijgt", "krijgen", "stopt", "stoppen",
];

/// Whether word `k` is a simple past form: a strong form ("kwamen"), or a weak
/// one ("stopte", "verlaagden") that is no adjective after a determiner ("de
/// verlaagde uitkering").
fn simple_past(sentence: &ToneSentence, k: usize) -> bool {
    let word = &sentence.words[k];
    let form = word.lower();
    if word.marks & super::marks::STRONG_PAST != 0 {
        return true;
    }
    let weak = ["te", "de", "ten", "den"].iter().any(|e| form.ends_with(e))
        && word.morph.kind == crate::morphology::FormKind::Verb
        && form != word.lemma()
        && !form.starts_with("ge");
    weak && !(k >= 1
        && sentence.is(
            k - 1,
            &[
                "de", "het", "een", "uw", "zijn", "haar", "deze", "die", "dit", "onze", "hun",
                "jouw", "je", "mijn",
            ],
        ))
}

/// A dated event told in the past tense, with no verb of now or later: "Uw
/// WW-uitkering stopte op 18 oktober 2026", "Het ging om ons besluit van 14
/// september". It reports what happened; it announces nothing.
pub(super) fn dated_past(sentence: &ToneSentence, text: &str) -> bool {
    // The cheap test first: a date has a month name and a day number.
    if sentence.marks & super::marks::MONTH == 0 {
        return false;
    }
    if !text[sentence.range.clone()]
        .bytes()
        .any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let n = sentence.words.len();
    // A day number before a month name ("18 oktober"); numbers are no words here.
    let dated = (0..n).any(|k| {
        // The month's length first: a cheap test before twelve comparisons.
        (3..=9).contains(&sentence.words[k].lower().len())
            && sentence.is(k, &MONTHS)
            && text[..sentence.words[k].range().start]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
    });
    dated
        && (0..n).any(|k| simple_past(sentence, k))
        && sentence.marks & super::marks::PRESENT_AUXILIARY == 0
}
