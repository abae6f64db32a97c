//! ## What it flags
//! A letter about a planned measure (Awb 4:8) that does not give the facts (`facts`), does not say what we plan ("van plan"), or does not say how and by when the person can give their view — in a conversation and in writing, with the date (`deadlines`).
//!
//! ## Why it matters to the reader
//! Before a measure is decided, the person has the right to be heard. That right is empty when the letter does not say what happened, what we plan, and how and by when to respond.
//!
//! ## Example
//! See `BAD` with its facts: "Daarom denken wij erover uw uitkering lager te maken." with nothing before it.
//!
//! ## Use instead
//! See `GOOD`: the facts, the plan, and the two ways to respond with the date.
//!
//! ## Options
//! Checks rendered letters of the kind planned measure.

use super::shown::{Shown, anchor, facts, missing};
use crate::event::LetterKind;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste meneer Jansen,\n\n## Waar gaat het over?\n\nDaarom denken wij erover uw uitkering lager te maken.\n\n## Hoe vertelt u uw kant?\n\nBel ons gerust.";
const GOOD: &str = "Beste meneer Jansen,\n\n## Waar gaat het over?\n\n- Op 20 oktober en 3 november 2026 was u niet bij de afspraak over werk.\n\nWij zijn van plan uw bijstand een tijd lager te maken.\n\n## Hoe vertelt u uw kant?\n\nVertel het ons uiterlijk op maandag 7 december 2026. Dat kan in een gesprek: bel ons. Of schrijf ons een brief.";
const FACTS: &str = r#"{"event_type": "sanction_hearing", "data": {"facts": ["Op 20 oktober en 3 november 2026 was u niet bij de afspraak over werk."], "deadlines": [{"label": "Uw kant vertellen", "date": "2026-12-07"}]}}"#;

/// A planned measure without its facts, the plan, or how and by when to respond.
pub(crate) struct PlannedMeasureIncomplete;

impl Rule for PlannedMeasureIncomplete {
    fn id(&self) -> &'static str {
        "planned-measure-incomplete"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief over een voorgenomen maatregel geeft de feiten niet (facts), zegt niet wat we van plan zijn, of zegt niet hoe en wanneer de persoon zijn of haar kant kan vertellen: in een gesprek en op papier, met de datum (deadlines).",
            why: "Voordat er iets besloten wordt, mag de persoon zijn of haar kant vertellen. Dat recht is leeg als de brief niet zegt wat er gebeurde, wat we van plan zijn, en hoe en wanneer de persoon kan reageren.",
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
        let Some(facts) = facts(doc) else { return };
        if facts.kind() != LetterKind::PlannedMeasure {
            return;
        }
        let shown = Shown::of(doc);
        let mut lacking = Vec::new();
        let listed = facts.texts("facts");
        if listed.is_empty() || listed.iter().any(|fact| !shown.has(fact)) {
            lacking.push("wat er gebeurde (facts)");
        }
        if !shown.has("van plan") {
            lacking.push("wat we van plan zijn");
        }
        if !shown.has("gesprek")
            || !["brief", "schrijf", "op papier"]
                .iter()
                .any(|w| shown.has(w))
        {
            lacking.push("dat de persoon kan reageren in een gesprek én op papier");
        }
        let deadline = facts
            .items("deadlines")
            .first()
            .and_then(|d| d.get("date"))
            .and_then(|d| d.as_str())
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if deadline.is_none_or(|d| !shown.has_date(d)) {
            lacking.push("de datum waarop de persoon uiterlijk reageert (deadlines)");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["waar gaat", "kant"]),
            format!("Deze brief over een voornemen noemt niet: {}.", lacking.join("; ")),
            "Zet de feiten in een lijst ({% for fact in facts %}), zeg \"Wij zijn van plan …\" met de maatregel, en hoe en wanneer de persoon reageert: in een gesprek of in een brief, uiterlijk op {{ deadlines[0].date | date(weekday=true) }}.".to_string(),
        ));
    }
}
