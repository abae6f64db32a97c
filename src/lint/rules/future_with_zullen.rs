//! ## What it flags
//! "zullen" for the future ("Wij zullen u bellen"): a form of "zullen" with an
//! infinitive in the same clause. "zou" and "zouden" (would), and an offer
//! ("Zal ik u helpen?", "Zullen we afspreken?") are not flagged.
//!
//! ## Why it matters to the reader
//! The present tense says the same in fewer words, and it sounds like a
//! promise instead of a plan: "Wij bellen u" is shorter and clearer.
//!
//! ## Example
//! "Wij zullen u volgende week bellen."
//!
//! ## Use instead
//! "Wij bellen u volgende week."

use crate::lint::clauses::{clause_around, sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::{WordMorph, morphology};
use crate::readability::Document;

const BAD: &str = "Wij zullen u volgende week bellen.";
const GOOD: &str = "Wij bellen u volgende week.";

/// Whether a word form is a form of "zullen": the cue [`Cue::ZULLEN`].
pub(crate) fn is_zullen(word: &WordMorph) -> bool {
    matches!(word.form.as_str(), "zal" | "zult" | "zullen")
}

/// "zullen" where the present tense says it.
pub(crate) struct FutureWithZullen;

impl Rule for FutureWithZullen {
    fn id(&self) -> &'static str {
        "future-with-zullen"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "\"zullen\" voor iets wat later gebeurt: \"Wij zullen u bellen.\" De tegenwoordige tijd zegt hetzelfde: \"Wij bellen u.\"",
            why: "Zonder \"zullen\" is de zin korter, en hij klinkt als een belofte in plaats van een plan.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        /// Infinitives that open a verb cluster ("moeten zetten", "laten weten");
        /// not "gaan", a future of its own: "zal gaan betalen" becomes "betaalt".
        const CLUSTER_VERBS: &[&str] = &[
            "moeten", "kunnen", "mogen", "willen", "laten", "blijven", "komen", "hoeven",
        ];
        let lemmas = &morphology().lemmas;
        // Most sentences have no form of "zullen": look (once a word form) before building the view.
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            if !cues.sentence_has(index, Cue::ZULLEN) {
                continue;
            }
            sentence_words_into(doc, index, &mut words);
            for (at, word) in words.iter().enumerate() {
                if !matches!(word.lower, "zal" | "zult" | "zullen") {
                    continue;
                }
                // "Zal ik u helpen?", "Zullen we afspreken?": an offer, not the future.
                let first_word = words[..at].iter().all(|w| !w.is_word);
                let offer = first_word
                    && words[at + 1..]
                        .iter()
                        .find(|w| w.is_word)
                        .is_some_and(|w| matches!(w.lower, "ik" | "we" | "wij"));
                if offer {
                    continue;
                }
                // The infinitive closes the clause: the last verb in -en before a
                // clause of its own ("om te …", "dat …"). The first one can be a
                // noun that is also a verb ("u enkele vragen stellen", "binnen
                // vier weken uitnodigen").
                let clause = clause_around(&words, at);
                let end = (at + 1..clause.end)
                    .find(|&i| matches!(words[i].lower, "om" | "te" | "dat" | "die" | "wat"))
                    .unwrap_or(clause.end);
                let last = (at + 1..end)
                    .rev()
                    .find(|&i| words[i].lower.ends_with("en") && lemmas.is_verb(words[i].lower));
                // A cluster takes its first verb: "zullen we … moeten zetten" → "moeten we … zetten".
                let infinitive = last.map(|last| {
                    let mut first = last;
                    while first > at + 1 && CLUSTER_VERBS.contains(&words[first - 1].lower) {
                        first -= 1;
                    }
                    first
                });
                let Some(infinitive) = infinitive else {
                    continue;
                };
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, at..at + 1),
                    message: format!(
                        "\"{}\" is hier niet nodig: de tegenwoordige tijd zegt hetzelfde.",
                        word.text
                    ),
                    fix: None,
                    suggestion: Some(format!(
                        "Laat \"{}\" weg en zet \"{}\" in de tegenwoordige tijd, bijvoorbeeld \"Wij bellen u\" in plaats van \"Wij zullen u bellen\".",
                        word.text, words[infinitive].text
                    )),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn every_form_of_zullen_with_an_infinitive_is_found() {
        assert_eq!(flagged(&FutureWithZullen, BAD), vec!["zullen"]);
        assert_eq!(
            flagged(
                &FutureWithZullen,
                "De gemeente zal het geld op 1 mei betalen."
            ),
            vec!["zal"]
        );
        assert_eq!(
            flagged(
                &FutureWithZullen,
                "U zult een brief krijgen. Zult u ons bellen?"
            ),
            vec!["zult", "Zult"]
        );
        assert_eq!(
            flagged(
                &FutureWithZullen,
                "Wij denken dat het bedrag zal veranderen."
            ),
            vec!["zal"]
        );
    }

    #[test]
    fn the_suggestion_names_the_infinitive_that_closes_the_clause() {
        for (text, verb) in [
            (
                "Morgen zal de consulent u enkele vragen stellen.",
                "stellen",
            ),
            (
                "De gemeente zal u binnen vier weken uitnodigen.",
                "uitnodigen",
            ),
            (
                "De intaker zal vragen stellen om te weten wat u nodig hebt.",
                "stellen",
            ),
            ("Dan zullen wij het geld moeten terugvragen.", "moeten"),
        ] {
            let findings = crate::lint::rules::testing::findings_of(&FutureWithZullen, text);
            assert_eq!(findings.len(), 1, "{text}");
            let suggestion = findings[0].suggestion.clone().unwrap_or_default();
            assert!(
                suggestion.contains(&format!("zet \"{verb}\" in de tegenwoordige tijd")),
                "{text}: {suggestion}"
            );
        }
    }

    #[test]
    fn zou_and_zullen_without_a_verb_are_left_alone() {
        for text in [
            GOOD,
            "Wij zouden graag met u praten.",
            "Dat zal wel.",
            "Zal ik u helpen? Ja, graag.",
        ] {
            assert!(flagged(&FutureWithZullen, text).is_empty(), "{text}");
        }
    }
}
