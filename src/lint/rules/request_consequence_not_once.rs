//! ## What it flags
//! A letter that asks for papers (`documents_requested`) or invites to a required conversation, and does not say once what happens if nothing comes — or says it more than once, or not next to an offer of help.
//!
//! ## Why it matters to the reader
//! The reader has a right to know the consequence (Awb 4:5, Pw 17 and 54): a letter that hides it is not honest. Said twice, or without help beside it, it becomes a threat. Once, factual, and followed by "Lukt het niet? Bel ons" is right.
//!
//! ## Example
//! See `BAD` with its facts: the consequence twice.
//!
//! ## Use instead
//! See `GOOD`: once, with help in the next sentence.
//!
//! ## Options
//! Checks rendered letters whose event carries `documents_requested`, and interview invitations. The consequence is a sentence about what happens when papers or the person do not come ("Krijgen we de papieren niet, dan …", "Komt u niet, dan …").

use super::shown::{anchor, facts, missing, normalize};
use crate::event::EventType;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat vragen we van u?\n\nStuur uw huurcontract uiterlijk op 7 december 2026. Krijgen we het niet, dan kunnen we uw aanvraag niet afmaken.\n\n## Belangrijk\n\nKrijgen we het huurcontract niet op tijd, dan stopt uw aanvraag.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat vragen we van u?\n\nStuur uw huurcontract uiterlijk op 7 december 2026. Krijgen we het niet, dan kunnen we uw aanvraag niet afmaken. Lukt het niet? Bel ons, dan zoeken we samen een oplossing.";
const FACTS: &str = r#"{"event_type": "application_repair_period", "data": {"documents_requested": ["Uw huurcontract"]}}"#;

/// Words that open a consequence when something does not come (lower case).
const CONSEQUENCE: &[&str] = &[
    "krijgen we",
    "krijgen wij",
    "ontvangen we",
    "ontvangen wij",
    "komt u niet",
    "als u niet komt",
    "als de papieren er niet",
    "zonder de papieren",
    "zonder deze papieren",
];

/// Words of an offer of help.
const HELP: &[&str] = &["bel ons", "hulp", "helpen", "lukt het niet", "samen"];

/// A consequence stated never, twice, or without help beside it.
pub(crate) struct RequestConsequenceNotOnce;

impl Rule for RequestConsequenceNotOnce {
    fn id(&self) -> &'static str {
        "request-consequence-not-once"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De brief vraagt papieren (documents_requested) of nodigt uit voor een gesprek dat moet, maar zegt niet één keer wat er gebeurt als er niets komt. Of de brief zegt het vaker, of niet naast een aanbod van hulp.",
            why: "De lezer heeft recht op de gevolgen: een brief die ze verzwijgt, is niet eerlijk. Twee keer gezegd, of zonder hulp ernaast, wordt het een dreiging. Eén keer, zakelijk, met daarna \"Lukt het niet? Bel ons\" is goed.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn example_facts(&self) -> Option<ExampleFacts> {
        Some(ExampleFacts {
            bad: FACTS,
            good: FACTS,
        })
    }

    fn about_whole_text(&self) -> bool {
        false
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Some(facts) = facts(doc) else { return };
        if facts.texts("documents_requested").is_empty()
            && facts.event_type != EventType::InterviewInvitation
        {
            return;
        }
        let sentences: Vec<(usize, String)> = doc
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| !doc.prose.blocks[s.block].in_quote)
            .map(|(i, s)| (i, normalize(doc.text(s.block, s.range.clone()))))
            .collect();
        let consequences: Vec<usize> = sentences
            .iter()
            .enumerate()
            .filter(|(_, (_, text))| {
                text.contains("niet") && CONSEQUENCE.iter().any(|w| text.contains(w))
            })
            .map(|(at, _)| at)
            .collect();
        let span_of = |at: usize| {
            let sentence = &doc.sentences[sentences[at].0];
            doc.source_range(sentence.block, sentence.range.clone())
                .into()
        };
        match consequences.as_slice() {
            [] => out.push(missing(
                self.id(),
                anchor(doc, &["vragen", "doen", "kom"]),
                "De brief zegt niet wat er gebeurt als de papieren of de persoon niet komen.".to_string(),
                "Zeg het één keer, zakelijk, met hulp erbij: \"Krijgen we de papieren niet, dan kunnen we … niet. Lukt het niet? Bel ons.\"".to_string(),
            )),
            [one] => {
                let near = sentences[*one..(*one + 3).min(sentences.len())]
                    .iter()
                    .any(|(_, text)| HELP.iter().any(|w| text.contains(w)));
                if !near {
                    out.push(missing(
                        self.id(),
                        span_of(*one),
                        "Wat er gebeurt als er niets komt, staat hier zonder hulp ernaast. Zo leest het als een dreiging.".to_string(),
                        "Zet er direct een aanbod van hulp achter: \"Lukt het niet? Bel ons, dan zoeken we samen een oplossing.\"".to_string(),
                    ));
                }
            }
            [_, rest @ ..] => {
                for at in rest {
                    out.push(missing(
                        self.id(),
                        span_of(*at),
                        "De brief zegt nog een keer wat er gebeurt als er niets komt. Eén keer is genoeg.".to_string(),
                        "Haal deze zin weg.".to_string(),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_with};

    #[test]
    fn never_said_is_flagged_and_said_without_help_too() {
        let f = facts(FACTS);
        let never = "Beste mevrouw Bakker,\n\nStuur uw huurcontract uiterlijk op 7 december 2026.";
        assert_eq!(
            findings_with(&RequestConsequenceNotOnce, never, &f).len(),
            1
        );
        let bare = "Beste mevrouw Bakker,\n\nStuur uw huurcontract uiterlijk op 7 december 2026. Krijgen we het niet, dan kunnen we uw aanvraag niet afmaken.\n\nMet vriendelijke groet,";
        assert_eq!(findings_with(&RequestConsequenceNotOnce, bare, &f).len(), 1);
    }

    #[test]
    fn a_letter_that_asks_nothing_is_not_checked() {
        let f = facts(r#"{"event_type": "application_received"}"#);
        assert!(findings_with(&RequestConsequenceNotOnce, BAD, &f).is_empty());
    }
}
