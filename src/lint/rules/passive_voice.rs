//! ## What it flags
//! A passive: a form of "worden" or "zijn" with a past participle in the same
//! clause, also split over the sentence ("wordt … betaald", "is … gestopt",
//! "… betaald wordt"). Verbs that make their perfect with "zijn" ("is gekomen")
//! and adjectives ("is verkeerd") are not passives.
//!
//! ## Why it matters to the reader
//! A passive hides who does something. In a letter the reader needs to know
//! who decides and who acts: the municipality, or the reader.
//!
//! ## Example
//! "Uw uitkering wordt op 1 december betaald."
//!
//! ## Use instead
//! "Wij betalen uw uitkering op 1 december."

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::{Document, SentenceFacts};

const BAD: &str = "Uw uitkering wordt op 1 december betaald.";
const GOOD: &str = "Wij betalen uw uitkering op 1 december.";

/// A sentence that does not say who acts.
pub(crate) struct PassiveVoice;

impl Rule for PassiveVoice {
    fn id(&self) -> &'static str {
        "passive-voice"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een lijdende zin: een vorm van \"worden\" of \"zijn\" met een voltooid deelwoord, zoals \"wordt betaald\" of \"is gestopt\".",
            why: "Een lijdende zin verbergt wie iets doet. De lezer wil weten wie beslist en wie iets moet doen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for sentence in &doc.sentences {
            if sentence.passives.is_empty() {
                continue;
            }
            for passive in &sentence.passives {
                let agent = Agent::of(doc, sentence, passive.clone());
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(sentence.block, passive.clone()).into(),
                    message: agent.message().to_string(),
                    fix: None,
                    suggestion: Some(format!(
                        "{}, bijvoorbeeld \"Wij betalen …\" in plaats van \"… wordt betaald\".",
                        agent.advice()
                    )),
                });
            }
        }
    }
}

/// Whether a passive says who acts: a passive can name the one who acts after
/// "door" ("wordt door ons betaald"), and then the lint must not say that
/// nobody is named. "door middel van" names a means, not someone. Only the
/// part of the sentence between punctuation marks that holds the passive
/// counts: "Als wij het door u krijgen, wordt het betaald." names nobody for
/// "wordt betaald".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Agent {
    /// No "door" next to the passive: nobody is named.
    Unnamed,
    /// "door" stands next to the passive, after the start of the sentence.
    Later,
    /// The sentence opens with "door".
    First,
}

impl Agent {
    /// How sentence `sentence` names who acts in the passive at `passive` (bytes in the block text).
    pub(crate) fn of(
        doc: &Document<'_>,
        sentence: &SentenceFacts,
        passive: std::ops::Range<usize>,
    ) -> Agent {
        let tokens = &doc.segments[sentence.block].tokens[sentence.tokens.clone()];
        let lower = |i: usize| doc.lower(sentence.block, sentence.tokens.start + i);
        let is_mark = |i: usize| crate::lint::clauses::is_clause_mark(lower(i));
        // The part between punctuation marks that holds the passive's first word.
        let at = tokens
            .iter()
            .position(|token| token.start() >= passive.start)
            .unwrap_or(0);
        let start = (0..at).rev().find(|&i| is_mark(i)).map_or(0, |i| i + 1);
        let end = (at..tokens.len())
            .find(|&i| is_mark(i))
            .unwrap_or(tokens.len());
        // Its words: tokens that start with a letter or digit.
        let mut part = (start..end)
            .map(lower)
            .filter(|w| w.starts_with(char::is_alphanumeric))
            .peekable();
        let mut door = None;
        let mut index = 0;
        while let Some(word) = part.next() {
            if word == "door" && part.peek() != Some(&"middel") {
                door = Some(index);
                break;
            }
            index += 1;
        }
        match door {
            None => Agent::Unnamed,
            Some(0) if start == 0 => Agent::First,
            Some(_) => Agent::Later,
        }
    }

    /// Why the passive is hard to read, true for this sentence.
    pub(crate) fn message(self) -> &'static str {
        match self {
            Agent::Unnamed => "Dit is een lijdende zin: er staat niet wie het doet.",
            Agent::Later => "Dit is een lijdende zin: wie het doet, staat niet vooraan in de zin.",
            Agent::First => {
                "Dit is een lijdende zin. Een zin die begint met wie het doet, leest makkelijker."
            }
        }
    }

    /// The start of the advice: name who acts, or move them to the front.
    pub(crate) fn advice(self) -> &'static str {
        match self {
            Agent::Unnamed => "Zeg wie het doet",
            Agent::Later | Agent::First => "Begin de zin met wie het doet",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{findings_of, flagged};

    #[test]
    fn split_passives_are_underlined_from_auxiliary_to_participle() {
        assert_eq!(
            flagged(&PassiveVoice, BAD),
            vec!["wordt op 1 december betaald"]
        );
        assert_eq!(
            flagged(&PassiveVoice, "Wij zien dat de huur niet betaald is."),
            vec!["betaald is"]
        );
    }

    #[test]
    fn the_message_says_whether_the_sentence_names_who_acts() {
        let message = |text: &str| {
            let found = findings_of(&PassiveVoice, text);
            assert_eq!(found.len(), 1, "{text}");
            (
                found[0].message.clone(),
                found[0].suggestion.clone().unwrap(),
            )
        };
        let (unnamed, advice) = message("Uw uitkering wordt op 1 december betaald.");
        assert!(unnamed.contains("er staat niet wie het doet"), "{unnamed}");
        assert!(advice.starts_with("Zeg wie het doet"), "{advice}");
        for text in [
            "Uw aanvraag wordt door ons gecontroleerd.",
            "De regels worden door de gemeente vastgesteld.",
        ] {
            let (later, advice) = message(text);
            assert!(later.contains("staat niet vooraan"), "{later}");
            assert!(!later.contains("er staat niet wie"), "{later}");
            assert!(
                advice.starts_with("Begin de zin met wie het doet"),
                "{advice}"
            );
        }
        let (first, _) = message("Door ons wordt uw aanvraag gecontroleerd.");
        assert!(first.contains("begint met wie het doet"), "{first}");
        // "door" in another part of the sentence names nobody for this passive.
        let found = findings_of(
            &PassiveVoice,
            "Als wij het formulier door u krijgen, wordt het bedrag betaald.",
        );
        assert!(found[0].message.contains("er staat niet wie het doet"));
        // "door middel van" names a means, not who acts.
        let (means, _) = message("Uw uitkering wordt door middel van een overschrijving betaald.");
        assert!(means.contains("er staat niet wie het doet"), "{means}");
    }

    #[test]
    fn active_perfects_are_not_passives() {
        assert!(
            flagged(
                &PassiveVoice,
                "U bent gisteren niet gekomen. Wat is er gebeurd?"
            )
            .is_empty()
        );
    }
}
