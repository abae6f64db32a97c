//! ## What it flags
//! Two negations that cancel out, in one clause: "niet" before a word with
//! "on-" ("niet onmogelijk", "niet onbelangrijk"), "niet zonder", or two of
//! "niet", "geen", "nooit", "niets", "niemand" and "nergens" before the next
//! comma. "Zonder … niet" ("Zonder die gegevens weten we niet …") says one
//! thing and is left alone.
//!
//! ## Why it matters to the reader
//! The reader has to turn the sentence around twice to find out what it
//! says. Many readers get it the wrong way round.
//!
//! ## Example
//! "Het is niet onmogelijk dat u geld moet terugbetalen."
//!
//! ## Use instead
//! "Misschien moet u geld terugbetalen."

use crate::lint::clauses::{sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::WordMorph;
use crate::readability::Document;

const BAD: &str = "Het is niet onmogelijk dat u geld moet terugbetalen.";
const GOOD: &str = "Misschien moet u geld terugbetalen.";

/// Negation words.
const NEGATIONS: &[&str] = &["niet", "geen", "nooit", "niets", "niemand", "nergens"];

/// Whether sentence `index` can hold a finding: two negations, or "niet" right
/// before a word that cancels it ("niet zonder", "niet onmogelijk"). Most
/// sentences with a negation have one, and no word view is built for them.
/// `cues` marks the word forms of [`NEGATIONS`] ([`Cue::NEGATION`]).
fn may_have_double_negative(doc: &Document<'_>, index: usize, cues: Cues<'_>) -> bool {
    if !cues.sentence_has(index, Cue::NEGATION) {
        return false;
    }
    let morphology = doc.morphology();
    let words = morphology.sentence(index);
    let block = doc.sentences[index].block;
    let mut seen = 0;
    for (k, word) in words.iter().enumerate() {
        if !cues.form_is(word.word(), Cue::NEGATION) {
            continue;
        }
        seen += 1;
        if seen == 2 {
            return true;
        }
        // The next token, when it is a word (the morphology lists words only).
        let cancels = morphology.word(word).form == "niet"
            && words.get(k + 1).is_some_and(|next| {
                next.token() == word.token() + 1 && {
                    let lower = doc.lower(block, next.token());
                    lower == "zonder" || is_negated_adjective(lower)
                }
            });
        if cancels {
            return true;
        }
    }
    false
}

/// Whether a word form is one of [`NEGATIONS`]: the cue [`Cue::NEGATION`].
pub(crate) fn is_negation(word: &WordMorph) -> bool {
    NEGATIONS.contains(&word.form.as_str())
}

/// Two negations in one clause.
pub(crate) struct DoubleNegative;

impl Rule for DoubleNegative {
    fn id(&self) -> &'static str {
        "double-negative"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een dubbele ontkenning: \"niet onmogelijk\", \"niet zonder\", of twee woorden als \"niet\", \"geen\" en \"nooit\" in één zinsdeel.",
            why: "De lezer moet de zin twee keer omdraaien om te snappen wat er staat. Veel lezers begrijpen hem dan verkeerd.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Each word form of the text is looked up once; most sentences have no negation.
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            if !may_have_double_negative(doc, index, cues) {
                continue;
            }
            sentence_words_into(doc, index, &mut words);
            let mut reported_until = 0;
            for (at, word) in words.iter().enumerate() {
                if at < reported_until || !NEGATIONS.contains(&word.lower) {
                    continue;
                }
                // The next token, when it is a word: "niet: onnodig" is two thoughts.
                let next = Some(at + 1).filter(|&i| i < words.len() && words[i].is_word);
                // "niet onmogelijk", "niet zonder"
                let cancelled = word.lower == "niet"
                    && next.is_some_and(|i| {
                        let lower = words[i].lower;
                        lower == "zonder" || is_negated_adjective(lower)
                    });
                let second = if cancelled {
                    next
                } else {
                    // Up to the next clause mark or a word that joins two thoughts
                    // ("Betaalt u niet of niet op tijd", "…, en u reageert niet"); "dat"
                    // after "niet zo" belongs to it ("niet zo dat niemand").
                    let niet_zo =
                        word.lower == "niet" && words.get(at + 1).is_some_and(|w| w.lower == "zo");
                    let end = (at + 1..words.len())
                        .find(|&i| {
                            words[i].ends_clause()
                                || (matches!(
                                    words[i].lower,
                                    "of" | "en"
                                        | "én"
                                        | "maar"
                                        | "want"
                                        | "omdat"
                                        | "als"
                                        | "die"
                                        | "dat"
                                        | "wat"
                                ) && !(niet_zo && words[i].lower == "dat"))
                        })
                        .unwrap_or(words.len());
                    (at + 1..end).find(|&i| {
                        NEGATIONS.contains(&words[i].lower)
                            // "niet alleen …", "geen … meer" are no double negation
                            && !(word.lower == "niet"
                                && words.get(at + 1).is_some_and(|w| w.lower == "alleen"))
                    })
                };
                let Some(second) = second else {
                    continue;
                };
                reported_until = second + 1;
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, at..second + 1),
                    message: "Hier staan twee ontkenningen: de lezer moet de zin twee keer omdraaien.".to_string(),
                    fix: None,
                    suggestion: Some("Zeg het positief, bijvoorbeeld \"Misschien moet u …\" in plaats van \"Het is niet onmogelijk dat u …\".".to_string()),
                });
            }
        }
    }
}

/// Whether a word is a negated adjective: "on" + a word helder knows ("onmogelijk" → mogelijk).
fn is_negated_adjective(lower: &str) -> bool {
    lower.strip_prefix("on").is_some_and(|rest| {
        rest.chars().count() >= 4
            && crate::lexicon::lexicon()
                .frequency(rest)
                .is_some_and(|f| f.zipf >= 3.0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn cancelled_negations_are_found() {
        assert_eq!(flagged(&DoubleNegative, BAD), vec!["niet onmogelijk"]);
        assert_eq!(
            flagged(&DoubleNegative, "Dit is niet onbelangrijk voor u."),
            vec!["niet onbelangrijk"]
        );
        assert_eq!(
            flagged(&DoubleNegative, "U kunt niet zonder dit formulier."),
            vec!["niet zonder"]
        );
        assert_eq!(
            flagged(&DoubleNegative, "Wij hebben nooit geen antwoord gekregen."),
            vec!["nooit geen"]
        );
        assert_eq!(
            flagged(&DoubleNegative, "Het is niet zo dat niemand u helpt."),
            vec!["niet zo dat niemand"],
            "up to the comma"
        );
    }

    #[test]
    fn one_negation_a_clause_is_fine() {
        for text in [
            GOOD,
            "U hoeft niets te doen.",
            "Stuurt u geen papieren, dan kunnen wij niet beslissen.",
            "Het gaat niet alleen om geld, maar ook om rust.",
            "Dit is niet onze bedoeling.",
            "Zonder die gegevens weten we niet of u recht hebt op bijstand.",
            "Betaalt u niet of niet op tijd? Bel ons dan.",
            "Wij weten het niet: onnodig lang wachten helpt niemand.",
            "U kunt niet betalen en dat lukt ook later niet.",
            "Dat gebeurt als u niet betaalt én niet belt.",
        ] {
            assert!(flagged(&DoubleNegative, text).is_empty(), "{text}");
        }
    }
}
