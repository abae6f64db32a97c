//! ## What it flags
//! A besluit without the facts it rests on: no section headed "Waarom …" with at least one line, or — with the letter's facts — a reason of the event (`decision.reasons`) that the letter does not show.
//!
//! ## Why it matters to the reader
//! A decision must say on what facts it rests (Awb 3:46, 3:47). Without them the reader cannot check whether they are right, and cannot say in an objection what is wrong.
//!
//! ## Example
//! See `BAD`: a decision without a "Waarom?" section.
//!
//! ## Use instead
//! See `GOOD`: the reasons, as a list, under "Waarom?".

use super::shown::{Shown, anchor, missing};
use super::structure::is_decision;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;
use crate::text::BlockKind;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u 20 procent minder bijstand.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u 20 procent minder bijstand.\n\n## Waarom?\n\n- U was op 20 oktober en 3 november 2026 niet bij de afspraak over werk.";
const FACTS: &str = r#"{"event_type": "sanction_reduction", "is_besluit": true, "data": {"decision": {"is_besluit": true, "datum": "2026-11-19", "reasons": ["U was op 20 oktober en 3 november 2026 niet bij de afspraak over werk."]}}}"#;

/// A besluit without its reasons.
pub(crate) struct DecisionWithoutReasons;

impl Rule for DecisionWithoutReasons {
    fn id(&self) -> &'static str {
        "decision-without-reasons"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een besluit zonder de feiten waarop het rust: geen kopje \"Waarom …\" met iets eronder, of een reden uit de gebeurtenis (decision.reasons) die niet in de brief staat.",
            why: "Een besluit moet zeggen op welke feiten het rust. Zonder die feiten kan de lezer niet nagaan of ze kloppen, en in een bezwaar niet zeggen wat er niet klopt.",
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
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !is_decision(doc) {
            return;
        }
        let blocks = &doc.prose.blocks;
        let section = blocks.iter().position(|b| {
            b.kind == BlockKind::Heading
                && !b.in_quote
                && b.text.trim_start().to_lowercase().starts_with("waarom")
        });
        let filled = section.is_some_and(|h| {
            blocks
                .get(h + 1)
                .is_some_and(|b| b.kind != BlockKind::Heading && !b.text.trim().is_empty())
        });
        if !filled {
            out.push(missing(
                self.id(),
                anchor(doc, &["besloten", "beslist"]),
                "Dit besluit zegt niet waarom: er is geen kopje \"Waarom?\" met de redenen eronder.".to_string(),
                "Zet onder een kopje \"## Waarom?\" de feiten waarop het besluit rust: {% include \"_partials/reasons.md\" %}.".to_string(),
            ));
            return;
        }
        let Some(facts) = doc.facts else { return };
        let shown = Shown::of(doc);
        if facts
            .texts("decision.reasons")
            .iter()
            .any(|reason| !shown.has(reason))
        {
            out.push(missing(
                self.id(),
                anchor(doc, &["waarom"]),
                "Niet alle redenen van het besluit (decision.reasons) staan in de brief.".to_string(),
                "Zet alle redenen in de brief, bijvoorbeeld met {% include \"_partials/reasons.md\" %}.".to_string(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_with};

    #[test]
    fn every_reason_of_the_event_must_be_shown() {
        let f = facts(FACTS);
        let other = GOOD.replace("3 november", "4 november");
        assert_eq!(findings_with(&DecisionWithoutReasons, &other, &f).len(), 1);
    }

    #[test]
    fn the_box_heading_is_not_the_reasons() {
        let f = facts(FACTS);
        let text =
            format!("{BAD}\n\n> **Waarom mag de gemeente dit?**\n>\n> artikel 18 Participatiewet.");
        assert_eq!(findings_with(&DecisionWithoutReasons, &text, &f).len(), 1);
    }
}
