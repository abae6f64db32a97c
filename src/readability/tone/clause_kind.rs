//! How a clause of the tone view reads: a condition or not, negated or not,
//! and whether a parenthesis breaks it ("omdat hij (weer) niet kwam" stays one
//! clause).

use super::{ClauseKind, ToneSentence, is_finite_verb, is_negation, marks};
use std::ops::Range;

/// Whether the parenthesis at `range` encloses a short aside ("omdat hij (weer)
/// niet kwam", "uw (ex-)partner"): its partner stands within a few characters,
/// so the words around it stay one clause.
pub(super) fn short_aside(text: &str, range: Range<usize>) -> bool {
    const NEAR: usize = 16;
    if text[range.clone()].starts_with('(') {
        text[range.end..]
            .char_indices()
            .take_while(|&(i, _)| i <= NEAR)
            .find(|&(_, c)| matches!(c, ')' | '(' | ',' | '.' | ';' | ':'))
            .is_some_and(|(_, c)| c == ')')
    } else {
        text[..range.start]
            .char_indices()
            .rev()
            .take_while(|&(i, _)| range.start - i <= NEAR + 1)
            .find(|&(_, c)| matches!(c, ')' | '(' | ',' | '.' | ';' | ':'))
            .is_some_and(|(_, c)| c == '(')
    }
}

/// Whether word `k` negates its clause: "niet", "geen" …, but not "niet altijd",
/// "niet alleen" or a failure named as a noun ("het niet melden").
pub(super) fn negates(sentence: &ToneSentence, k: usize) -> bool {
    // The cheap test first: most words are no negation.
    if !is_negation(sentence.words[k].lower()) {
        return false;
    }
    // "niet meer te voorkomen": what cannot be prevented happens.
    let cannot_prevent = sentence.words[k + 1..]
        .iter()
        .take(4)
        .any(|w| matches!(w.lemma(), "voorkomen" | "vermijden" | "tegenhouden"));
    if cannot_prevent {
        return false;
    }
    is_negation(sentence.words[k].lower())
        && !sentence.is(k + 1, &["altijd", "alleen"])
        // "een niet betaalde boete": a failure named in a noun phrase.
        && !(sentence.words.get(k + 1).is_some_and(|w| {
            (w.lower().ends_with("de") || w.lower().ends_with("te")) && w.lemma() != w.lower()
        }) && k >= 1
            && sentence.is(k - 1, &["een", "de", "het"]))
        && !(k >= 1
            && sentence.is(k - 1, &["het"])
            && sentence.words[k + 1..].iter().take(3).any(|w| {
                w.lower().ends_with("en") && crate::morphology::morphology().lemmas.is_verb(w.lower())
            }))
        // "(zomaar) niet betalen kan … gevolgen hebben": the failure is the subject.
        && !(sentence.words.get(k + 1).is_some_and(|w| {
            w.lower().ends_with("en") && crate::morphology::morphology().lemmas.is_verb(w.lower())
        }) && sentence.is(
            k + 2,
            &["kan", "kunnen", "leidt", "leiden", "is", "heeft", "betekent", "zorgt", "levert"],
        ))
}

/// Whether the clause is a condition.
pub(super) fn clause_kind(sentence: &ToneSentence, words: Range<usize>) -> ClauseKind {
    let first = &sentence.words[words.start];
    // "Mocht u …" is a condition; "mocht" alone can be the past of "mogen".
    let past_may = matches!(first.lower(), "mocht" | "mochten")
        && words.start > 0
        && !sentence.is(words.start + 1, &["u", "je", "jij", "het", "er"]);
    if first.marks & marks::CONDITION != 0 && !past_may
        // "zo niet, …" and "anders …" refer back to a condition.
        || (first.lower() == "zo" && sentence.is(words.start + 1, &["niet"]))
        // "Op het moment dat u niet betaalt, …".
        || (first.lower() == "dat"
            && words.start >= 1
            && sentence.is(words.start - 1, &["moment", "geval"]))
    {
        return ClauseKind::Condition;
    }
    // A verb before its subject, with more to come: "Betaalt u niet, dan …", "Blijft betaling uit, dan …".
    if words.start == 0 && words.end < sentence.words.len() && verb_first(sentence, words.start) {
        return ClauseKind::Condition;
    }
    ClauseKind::Plain
}

/// Whether the words from `start` open with a finite verb and a subject.
pub(super) fn verb_first(sentence: &ToneSentence, start: usize) -> bool {
    let Some(first) = sentence.words.get(start) else {
        return false;
    };
    if first.marks & marks::QUESTION_WORD != 0 {
        return false;
    }
    // "Besluit: u krijgt …" is a title and a statement, not "Besluit u …".
    is_finite_verb(first)
        && sentence.has(start + 1, marks::SUBJECT)
        && sentence.words[start + 1].clause == first.clause
}
