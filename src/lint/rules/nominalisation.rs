//! ## What it flags
//! A verb turned into a noun, with "van" after it: "het indienen van",
//! "de beoordeling van", "na ontvangst van". The verb is found through the
//! morphology layer (a noun made from a verb, or an infinitive after "het").
//!
//! ## Why it matters to the reader
//! A noun made from a verb hides who does what. "Wij beoordelen uw aanvraag"
//! says it; "de beoordeling van uw aanvraag" makes the reader work it out.
//!
//! ## Example
//! "Na de beoordeling van uw aanvraag krijgt u een brief."
//!
//! ## Use instead
//! "Wij bekijken uw aanvraag. Daarna krijgt u een brief."

use crate::dutch::MONTHS;
use crate::lint::clauses::{Word, sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::{WordMorph, morphology};
use crate::readability::Document;

const BAD: &str = "Na de beoordeling van uw aanvraag krijgt u een brief.";
const GOOD: &str = "Wij bekijken uw aanvraag. Daarna krijgt u een brief.";

/// Words before a noun made from a verb.
const BEFORE: &[&str] = &["de", "het", "een", "na", "bij", "voor", "tot", "ter"];

/// Words that say how or when something is done, between "het" and an
/// infinitive used as a noun ("het niet op tijd doorgeven van").
const MANNER: &[&str] = &[
    "niet", "op", "tijd", "tijdig", "te", "laat", "volledig", "juist", "goed", "correct", "snel",
    "zelf", "alsnog", "steeds", "wel",
];

/// Whether a word form is "van": the cue [`Cue::VAN`].
pub(crate) fn is_van(word: &WordMorph) -> bool {
    word.form == "van"
}

/// Whether a word form before "van" can hide a verb (a noun made from a verb,
/// or an infinitive): the cue [`Cue::HIDES_VERB`].
pub(crate) fn may_hide_verb(word: &WordMorph) -> bool {
    let lemmas = &morphology().lemmas;
    lemmas.verb_of_noun(&word.lemma).is_some()
        || (word.form.ends_with("en") && lemmas.is_verb(&word.form))
}

/// A verb hidden in a noun.
pub(crate) struct Nominalisation;

impl Rule for Nominalisation {
    fn id(&self) -> &'static str {
        "nominalisation"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een werkwoord dat een zelfstandig naamwoord is geworden, met \"van\" erachter: \"het indienen van\", \"de beoordeling van\", \"na ontvangst van\".",
            why: "Zo'n woord verbergt wie wat doet. \"Wij bekijken uw aanvraag\" zegt het; bij \"de beoordeling van uw aanvraag\" moet de lezer het zelf bedenken.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Only a sentence with "van" after a noun made from a verb, or after an
        // infinitive, is worth a closer look: the cues know them (each word form
        // is asked once a text, [`may_hide_verb`]).
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        let mut real: Vec<usize> = Vec::new();
        for index in 0..doc.sentences.len() {
            if !cues.sentence_has(index, Cue::VAN_AFTER_VERB) {
                continue;
            }
            sentence_words_into(doc, index, &mut words);
            real.clear();
            real.extend((0..words.len()).filter(|&i| words[i].is_word));
            for (k, &at) in real.iter().enumerate() {
                // "de beoordeling van", "het tijdig indienen van": at most one word between.
                let Some(van) = real[k + 1..]
                    .iter()
                    .take(1)
                    .copied()
                    .find(|&i| words[i].lower == "van")
                else {
                    continue;
                };
                // "de terugvordering van juni", "onze herinnering van 30 oktober": a date, not an object.
                let object = real.get(k + 2).map(|&i| &words[i]);
                if object.is_none_or(|w| {
                    w.text.starts_with(|c: char| c.is_ascii_digit()) || MONTHS.contains(&w.lower)
                }) || words
                    .get(van + 1)
                    .is_some_and(|w| !w.is_word && w.text.starts_with(|c: char| c.is_ascii_digit()))
                {
                    continue;
                }
                let before = real[..k]
                    .iter()
                    .rev()
                    .take(4)
                    .map(|&i| words[i].lower)
                    .collect::<Vec<_>>();
                let Some(verb) = hidden_verb(&words[at], &before) else {
                    continue;
                };
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, at..van + 1),
                    message: format!(
                        "In \"{} van\" zit een werkwoord: \"{verb}\".",
                        words[at].text
                    ),
                    fix: None,
                    suggestion: Some(format!(
                        "Gebruik het werkwoord \"{verb}\" en zeg wie het doet, bijvoorbeeld \"wij bekijken uw aanvraag\" in plaats van \"de beoordeling van uw aanvraag\"."
                    )),
                });
            }
        }
    }
}

/// The verb in a noun: a noun made from a verb ("beoordeling" → beoordelen),
/// or an infinitive used as a noun after "het" ("het indienen").
fn hidden_verb(word: &Word<'_>, before: &[&str]) -> Option<String> {
    let morph = word.morph?;
    let lemmas = &morphology().lemmas;
    // "het indienen van", "bij het aanvragen van", "het niet op tijd doorgeven van":
    // "het" and up to three words that say how or when.
    let after_het = before
        .iter()
        .position(|b| *b == "het")
        .is_some_and(|p| p <= 1 || before[..p].iter().all(|b| MANNER.contains(b)));
    let after_article = after_het || before.iter().take(2).any(|b| BEFORE.contains(b));
    if !after_article {
        return None;
    }
    if after_het
        && word.lower.ends_with("en")
        && lemmas.is_verb(word.lower)
        && !COMMON_NOUNS.contains(&word.lower)
    {
        return Some(word.lower.to_string());
    }
    // "de beoordeling van", "na ontvangst van"
    if morph.kind == crate::morphology::FormKind::Verb {
        return None;
    }
    lemmas
        .verb_of_noun(&morph.lemma)
        .filter(|verb| {
            morph.lemma.len() >= 6
                && !COMMON_NOUNS.contains(&morph.lemma.as_str())
                && !verb.is_empty()
        })
        .map(str::to_string)
}

/// Nouns made from verbs that readers know as things, not as actions.
const COMMON_NOUNS: &[&str] = &[
    "inkomen",
    "vermogen",
    "leven",
    "eten",
    "verleden",
    "bestaan",
    "vertrouwen",
    "wezen",
    "aanvraag",
    "uitkering",
    "woning",
    "rekening",
    "regeling",
    "opleiding",
    "afspraak",
    "vergadering",
    "verzekering",
    "betaling",
    "toeslag",
    "brief",
    "bijdrage",
    "ervaring",
    "oplossing",
    "meting",
    "mening",
    "ziekte",
    "belasting",
    "herinnering",
    "vergoeding",
    "verklaring",
    "informatie",
    "samenstelling",
    "beslissing",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn nouns_readers_know_as_things_are_left_alone() {
        for text in [
            "Wij gebruiken de informatie van uw werkgever.",
            "De samenstelling van uw gezin is veranderd.",
            "U krijgt de beslissing van de gemeente per post.",
        ] {
            assert!(flagged(&Nominalisation, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn nouns_made_from_verbs_are_found_with_their_verb() {
        assert_eq!(flagged(&Nominalisation, BAD), vec!["beoordeling van"]);
        assert_eq!(
            flagged(
                &Nominalisation,
                "Het indienen van het formulier kan online."
            ),
            vec!["indienen van"]
        );
        assert_eq!(
            flagged(
                &Nominalisation,
                "Wij helpen u bij het invullen van de papieren."
            ),
            vec!["invullen van"]
        );
        assert_eq!(
            flagged(
                &Nominalisation,
                "Het niet op tijd doorgeven van wijzigingen kan gevolgen hebben."
            ),
            vec!["doorgeven van"]
        );
        let findings = crate::lint::rules::testing::findings_of(&Nominalisation, BAD);
        assert!(findings[0].message.contains("beoordelen"), "{findings:?}");
    }

    #[test]
    fn things_and_verbs_are_left_alone() {
        for text in [
            GOOD,
            "De aanvraag van uw buurman is binnen.",
            "Dit is de rekening van de huur.",
            "Wij beoordelen uw aanvraag.",
            "Wij kijken naar het inkomen van uw partner.",
            "Er staat nog € 20,00 open van de terugvordering van september.",
            "Wij kregen niets, ook niet na onze herinnering van 30 oktober 2026.",
        ] {
            assert!(flagged(&Nominalisation, text).is_empty(), "{text}");
        }
    }
}
