//! ## What it flags
//! A measure, fine, warning or planned measure that does not name the obligation that was not met (`measure.obligation`) in the letter, or whose box "Waarom mag de gemeente dit?" lacks the article of that obligation (`measure.obligation_basis`).
//!
//! ## Why it matters to the reader
//! A measure or fine answers a broken duty. The reader must know which duty it was, in plain words, to understand the decision and to object (Awb 5:9 for a fine); the article belongs in the box, where a lawyer finds it.
//!
//! ## Example
//! See `BAD` with its facts: what happened, but not the duty.
//!
//! ## Use instead
//! See `GOOD`: "U moet naar afspraken over werk komen." and the article in the box.
//!
//! ## Options
//! Checks rendered letters of the kinds measure, fine and planned measure whose event carries `measure`.

use super::shown::{Shown, anchor, facts, missing};
use crate::event::LetterKind;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u 20 procent minder bijstand.\n\n## Waarom?\n\n- U kwam op 20 oktober en 3 november 2026 niet naar de afspraak over werk.\n\n> **Waarom mag de gemeente dit?**\n>\n> artikel 18 lid 2 Participatiewet.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u 20 procent minder bijstand.\n\n## Waarom?\n\nU moet naar afspraken over werk komen.\n\n- U kwam op 20 oktober en 3 november 2026 niet naar de afspraak over werk.\n\n> **Waarom mag de gemeente dit?**\n>\n> artikel 9 lid 1 onderdeel b Participatiewet; artikel 18 lid 2 Participatiewet.";
const FACTS: &str = r#"{"event_type": "sanction_reduction", "is_besluit": true, "data": {"measure": {"obligation": "naar afspraken over werk komen", "obligation_basis": "artikel 9 lid 1 onderdeel b Participatiewet"}}}"#;

/// A measure or fine that does not name the obligation that was not met.
pub(crate) struct MeasureWithoutObligation;

impl Rule for MeasureWithoutObligation {
    fn id(&self) -> &'static str {
        "measure-without-obligation"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een maatregel, boete, waarschuwing of voornemen noemt niet de plicht die niet is nagekomen (measure.obligation), of het kader \"Waarom mag de gemeente dit?\" noemt het artikel van die plicht niet (measure.obligation_basis).",
            why: "Een maatregel of boete volgt op een plicht die niet is nagekomen. De lezer moet weten welke plicht, in gewone woorden, om het besluit te begrijpen en bezwaar te maken. Het artikel hoort in het kader, waar de jurist het vindt.",
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
        if !matches!(
            facts.kind(),
            LetterKind::Measure | LetterKind::Fine | LetterKind::PlannedMeasure
        ) {
            return;
        }
        let shown = Shown::of(doc);
        if let Some(obligation) = facts.text("measure.obligation")
            && !shown.has(obligation)
        {
            out.push(missing(
                self.id(),
                anchor(doc, &["waarom", "waar gaat"]),
                "De brief noemt niet welke plicht niet is nagekomen (measure.obligation).".to_string(),
                "Schrijf de plicht in gewone woorden, bijvoorbeeld: \"U moet {{ measure.obligation }}.\"".to_string(),
            ));
        }
        if let Some(basis) = facts.text("measure.obligation_basis")
            && !shown.boxed_has(basis)
        {
            out.push(missing(
                self.id(),
                anchor(doc, &["waarom", "waar gaat"]),
                "Het kader \"Waarom mag de gemeente dit?\" noemt het artikel van de plicht niet (measure.obligation_basis).".to_string(),
                "Zet {{ measure.obligation_basis }} in het kader, met {% include \"_partials/legal_basis.md\" %}.".to_string(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_with};

    #[test]
    fn the_article_outside_the_box_does_not_count() {
        let f = facts(FACTS);
        let text = GOOD.replace("> artikel 9 lid 1 onderdeel b Participatiewet; ", "> ")
            + "\n\nZie artikel 9 lid 1 onderdeel b Participatiewet.";
        assert_eq!(findings_with(&MeasureWithoutObligation, &text, &f).len(), 1);
    }

    #[test]
    fn other_kinds_are_not_checked() {
        let f = facts(&FACTS.replace("sanction_reduction", "benefit_granted"));
        assert!(findings_with(&MeasureWithoutObligation, BAD, &f).is_empty());
    }
}
