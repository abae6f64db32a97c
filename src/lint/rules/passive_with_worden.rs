//! ## What it flags
//! A passive with "worden" that the passive-voice rule does not see: a
//! participle it does not know by its form, such as a participle with a
//! prefix it does not list ("wordt ondertekend", "wordt overwogen"),
//! found through the morphology layer (the word is a form of a verb).
//! "worden" with an adjective or a noun ("Het wordt duur") is not a passive.
//!
//! ## Why it matters to the reader
//! A passive hides who acts. In a letter the reader must know who decides and
//! who has to do something.
//!
//! ## Example
//! "Het besluit wordt door de wethouder ondertekend."
//!
//! ## Use instead
//! "De wethouder ondertekent het besluit."

use crate::lint::clauses::{clause_around, sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::rules::passive_voice::Agent;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::{WordMorph, morphology};
use crate::readability::Document;
use crate::readability::grammar::{DEGREE_BEFORE_AN_ADJECTIVE, WORDEN_FORMS};

const BAD: &str = "Het besluit wordt door de wethouder ondertekend.";
const GOOD: &str = "De wethouder ondertekent het besluit.";

/// Whether a word form is a form of "worden": the cue [`Cue::WORDEN`].
pub(crate) fn is_worden(word: &WordMorph) -> bool {
    WORDEN_FORMS.contains(&word.form.as_str())
}

/// A passive with "worden" and a participle the form rules miss.
pub(crate) struct PassiveWithWorden;

impl Rule for PassiveWithWorden {
    fn id(&self) -> &'static str {
        "passive-with-worden"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een lijdende zin met \"worden\" en een voltooid deelwoord dat niet met \"ge-\" begint, zoals \"wordt ondertekend\" of \"wordt overwogen\".",
            why: "Een lijdende zin verbergt wie iets doet. De lezer wil weten wie beslist en wie iets moet doen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Most sentences have no "worden" (each word form is asked once a text, for every rule).
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            if !cues.sentence_has(index, Cue::WORDEN) {
                continue;
            }
            let sentence = &doc.sentences[index];
            sentence_words_into(doc, index, &mut words);
            for (at, word) in words.iter().enumerate() {
                if !WORDEN_FORMS.contains(&word.lower) {
                    continue;
                }
                let clause = clause_around(&words, at);
                let participle = clause.clone().filter(|&i| i != at).find(|&i| {
                    let candidate = &words[i];
                    candidate.is_word
                        && is_participle_of_a_verb(candidate)
                        && !adjective_before_a_noun(&words, i)
                });
                let Some(participle) = participle else {
                    continue;
                };
                let range = at.min(participle)..at.max(participle) + 1;
                let bytes = words[range.start].range.start..words[range.end - 1].range.end;
                // The passive-voice rule already names it.
                if sentence
                    .passives
                    .iter()
                    .any(|p| p.start < bytes.end && bytes.start < p.end)
                {
                    continue;
                }
                let agent = Agent::of(doc, sentence, bytes);
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, range),
                    message: agent.message().to_string(),
                    fix: None,
                    suggestion: Some(format!(
                        "{}, en maak van \"{}\" een gewone zin: \"Wij …\" of \"U …\".",
                        agent.advice(),
                        words[participle].text
                    )),
                });
            }
        }
    }
}

/// Whether the participle at `i` is an adjective between a determiner and its
/// noun, perhaps after a word of degree: "de boete wordt de helft van het te
/// veel ontvangen bedrag" ("wordt" means "becomes" there: no passive).
fn adjective_before_a_noun(words: &[crate::lint::clauses::Word<'_>], i: usize) -> bool {
    // Not "dit", "dat", "ons", "haar": they also stand alone ("dan moet dit
    // gebruikt worden").
    const DETERMINERS: &[&str] = &[
        "de", "het", "een", "uw", "mijn", "onze", "hun", "elk", "elke", "ieder", "iedere", "geen",
    ];
    let mut first = i;
    while first > 0
        && words[first - 1].is_word
        && DEGREE_BEFORE_AN_ADJECTIVE.contains(&words[first - 1].lower)
    {
        first -= 1;
    }
    let determiner = first > 0 && DETERMINERS.contains(&words[first - 1].lower);
    let noun_next = words.get(i + 1).is_some_and(|w| {
        w.is_word
            && !w.text.starts_with(char::is_uppercase)
            && !w.is_verb_form()
            && !WORDEN_FORMS.contains(&w.lower)
    });
    determiner && noun_next
}

/// `f` of `stem` + "en", written into a buffer on the stack when it fits (this
/// is asked of most words next to "worden": no allocation each time).
fn with_en(stem: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let mut buffer = [0u8; 64];
    let length = stem.len() + 2;
    if length > buffer.len() {
        return f(&format!("{stem}en"));
    }
    buffer[..stem.len()].copy_from_slice(stem.as_bytes());
    buffer[stem.len()..length].copy_from_slice(b"en");
    match std::str::from_utf8(&buffer[..length]) {
        Ok(verb) => f(verb),
        Err(_) => f(&format!("{stem}en")),
    }
}

/// Whether a word next to "worden" is a participle: a form of a verb that is
/// not a finite form in the present ("wordt" + "betaalt" is no passive).
fn is_participle_of_a_verb(word: &crate::lint::clauses::Word<'_>) -> bool {
    let Some(morph) = word.morph else {
        return false;
    };
    let lower = word.lower;
    // A weak participle with an unstressed prefix the lemma table does not list
    // ("ondertekend" → ondertekenen): stem + d/t, no "ge-".
    let unlisted = morph.verb.is_none()
        && ["d", "t"].iter().any(|end| {
            lower
                .strip_suffix(end)
                .is_some_and(|stem| with_en(stem, |verb| morphology().lemmas.is_verb(verb)))
        });
    if unlisted {
        return true;
    }
    let Some(verb) = morph.verb.as_deref() else {
        return false;
    };
    if verb == "worden" || verb == "zijn" || verb == "hebben" {
        return false;
    }
    // The infinitive itself is a participle only for strong verbs with an
    // unstressed prefix ("ontvangen", "vergeten", "bevallen").
    if lower == verb {
        return ["be", "ver", "ont", "her", "ge"]
            .iter()
            .any(|prefix| lower.starts_with(prefix));
    }
    // A participle has its shape: "ge-" (also after a particle: "afgesloten"), or
    // an unstressed prefix without it ("verbonden", "ondertekend"). That keeps out
    // finite forms such as "kunt" and "verbindt".
    if !participle_shape(lower) {
        return false;
    }
    // A participle ends in -d, -t or -en; a present singular ends in -t too, so
    // it must also not be the stem + t of the verb ("verbindt").
    // Nor a present participle ("volgend jaar").
    let stem_t = verb
        .strip_suffix("en")
        .is_some_and(|stem| matches!(lower.strip_prefix(stem), Some("t" | "" | "end" | "ende")));
    (lower.ends_with("en") || lower.ends_with('d') || lower.ends_with('t')) && !stem_t
}

/// Whether a word looks like a participle: "ge-" at the start or after a
/// separable particle, or an unstressed prefix that drops "ge-".
fn participle_shape(lower: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "be", "ver", "ont", "her", "er", "onder", "over", "door", "mis",
    ];
    const PARTICLES: &[&str] = &[
        "aan", "af", "bij", "door", "in", "mee", "na", "op", "over", "terug", "toe", "uit", "vast",
        "weg", "stop", "voor", "samen",
    ];
    let after_particle = PARTICLES
        .iter()
        .filter_map(|p| lower.strip_prefix(p))
        .any(|rest| rest.starts_with("ge"));
    lower.starts_with("ge") || after_particle || PREFIXES.iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_with_en_is_the_formatted_word() {
        let long = "a".repeat(70);
        for stem in ["", "betaal", "onderteken", "beëindig", long.as_str()] {
            let mut seen = String::new();
            assert!(with_en(stem, |verb| {
                seen = verb.to_string();
                true
            }));
            assert_eq!(seen, format!("{stem}en"));
        }
    }
    use crate::lint::rules::testing::{findings_of, flagged};

    #[test]
    fn the_message_does_not_say_nobody_is_named_when_door_names_someone() {
        let bad = findings_of(&PassiveWithWorden, BAD);
        assert_eq!(bad.len(), 1);
        assert!(
            bad[0].message.contains("staat niet vooraan"),
            "{}",
            bad[0].message
        );
        let unnamed = findings_of(&PassiveWithWorden, "Het contract werd ondertekend.");
        assert!(unnamed[0].message.contains("er staat niet wie het doet"));
        assert!(
            unnamed[0]
                .suggestion
                .as_deref()
                .unwrap()
                .starts_with("Zeg wie het doet")
        );
    }

    #[test]
    fn strong_participles_without_ge_are_found_in_every_tense() {
        assert_eq!(
            flagged(&PassiveWithWorden, BAD),
            vec!["wordt door de wethouder ondertekend"]
        );
        assert_eq!(
            flagged(&PassiveWithWorden, "Het contract werd ondertekend."),
            vec!["werd ondertekend"]
        );
        assert_eq!(
            flagged(&PassiveWithWorden, "Dat wordt nog overwogen."),
            vec!["wordt nog overwogen"]
        );
        assert_eq!(
            flagged(&PassiveWithWorden, "De afspraak werd vergeten."),
            Vec::<&str>::new(),
            "\"vergeten\" after \"worden\" is in grammar.toml: the passive-voice rule has it"
        );
        assert_eq!(
            flagged(&PassiveWithWorden, "Die kosten werden toen niet vergoed."),
            Vec::<&str>::new(),
            "\"vergoed\" is a weak participle: the passive-voice rule has it"
        );
    }

    #[test]
    fn worden_with_an_adjective_noun_or_active_verb_is_left_alone() {
        for text in [
            GOOD,
            "Het wordt duur.",
            "Hij wordt volgend jaar zestig.",
            "Het wordt tijd voor een gesprek.",
            "Wij worden er blij van.",
            "Dan kunt u uw woning kwijt worden.",
            "Dan wordt de boete de helft van het te veel ontvangen bedrag.",
            "Het wordt een deel van het eerder ontvangen geld.",
        ] {
            assert!(flagged(&PassiveWithWorden, text).is_empty(), "{text}");
        }
        // A participle after a pronoun stays the passive's.
        for text in [
            "Dan moet dit gebruikt worden om de schuld te betalen.",
            "Dan moet het gebruikt worden om de schuld te betalen.",
        ] {
            assert_eq!(
                flagged(&PassiveWithWorden, text),
                vec!["gebruikt worden"],
                "{text}"
            );
        }
    }
}
