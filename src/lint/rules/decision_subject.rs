//! ## What it flags
//! A besluit whose subject line does not start with "Besluit:", or a letter that is no besluit whose subject does.
//!
//! ## Why it matters to the reader
//! The subject is the first thing the reader sees. "Besluit:" tells at once that something was decided and that objection is possible; on a letter that decides nothing it would frighten for no reason.
//!
//! ## Example
//! See `BAD` with its facts: the subject "Uw betalingsregeling" on a besluit.
//!
//! ## Use instead
//! See `GOOD`: "Besluit: uw betalingsregeling".
//!
//! ## Options
//! Checks rendered letters only: the subject is not part of the body, it comes with the letter's facts.

use super::shown::{facts, missing};
use super::structure::first_sentence_span;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str =
    "Beste mevrouw Bakker,\n\nVanaf 1 december 2026 betaalt u elke maand € 50,00 terug.";
const GOOD: &str = BAD;
const BAD_FACTS: &str = r#"{"event_type": "payment_arrangement", "is_besluit": true, "subject": "Uw betalingsregeling"}"#;
const GOOD_FACTS: &str = r#"{"event_type": "payment_arrangement", "is_besluit": true, "subject": "Besluit: uw betalingsregeling"}"#;

/// A besluit whose subject does not start with "Besluit:", or a non-besluit whose subject does.
pub(crate) struct DecisionSubject;

impl Rule for DecisionSubject {
    fn id(&self) -> &'static str {
        "decision-subject"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Het onderwerp van een besluit begint niet met \"Besluit:\", of het onderwerp van een brief zonder besluit wel.",
            why: "Het onderwerp leest iemand als eerste. \"Besluit:\" zegt meteen dat er iets besloten is, en dat bezwaar kan. Boven een brief zonder besluit maakt het woord mensen voor niets ongerust.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn example_facts(&self) -> Option<ExampleFacts> {
        Some(ExampleFacts {
            bad: BAD_FACTS,
            good: GOOD_FACTS,
        })
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some(facts) = facts(doc) else { return };
        let Some(subject) = facts.subject.as_deref() else {
            return;
        };
        let starts = subject.trim_start().starts_with("Besluit:");
        let (message, fix) = match (facts.is_besluit, starts) {
            (true, false) => (
                "Deze brief is een besluit, maar het onderwerp begint niet met \"Besluit:\".",
                "Laat het onderwerp beginnen met \"Besluit:\", bijvoorbeeld \"Besluit: uw betalingsregeling\".",
            ),
            (false, true) => (
                "Deze brief is geen besluit, maar het onderwerp begint met \"Besluit:\".",
                "Haal \"Besluit:\" weg, of zet het alleen neer als de brief een besluit is: {% if letter.is_besluit %}.",
            ),
            _ => return,
        };
        if doc.prose.blocks.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            first_sentence_span(doc, 0),
            message.to_string(),
            fix.to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_of, findings_with};

    #[test]
    fn a_text_alone_is_not_checked() {
        assert!(findings_of(&DecisionSubject, BAD).is_empty());
    }

    #[test]
    fn a_letter_without_a_decision_must_not_say_besluit() {
        let wrong = facts(
            r#"{"event_type": "annual_statement", "is_besluit": false, "subject": "Besluit: uw jaaropgave"}"#,
        );
        assert_eq!(findings_with(&DecisionSubject, GOOD, &wrong).len(), 1);
        let right = facts(
            r#"{"event_type": "annual_statement", "is_besluit": false, "subject": "Uw jaaropgave"}"#,
        );
        assert!(findings_with(&DecisionSubject, GOOD, &right).is_empty());
    }
}
