//! ## What it flags
//! A decision on an objection that does not give the formal outcome (gegrond, deels gegrond, ongegrond, niet-ontvankelijk); with the letter's facts also: the outcome of the event (`objection.outcome`), the decision objected to (`earlier_decision`: date and subject), each change (`objection.changes`), and, when the objection succeeds, the costs (Awb 7:15: `objection.costs`).
//!
//! ## Why it matters to the reader
//! After an objection the reader must know: did I win, about which decision, what changes now, and are my costs paid. Without the formal word a court cannot tell what was decided; without the rest the reader cannot.
//!
//! ## Example
//! See `BAD` with its facts: "Wij geven u gelijk." and nothing else.
//!
//! ## Use instead
//! See `GOOD`: "Uw bezwaar is gegrond." with the decision objected to, the change and the costs.
//!
//! ## Options
//! The outcome word is checked on any decision on objection; the rest with the letter's facts.

use super::shown::{Shown, anchor, missing};
use super::structure::is_decision_on_objection;
use crate::event::letter_facts::shown_euro;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we beslist?\n\nWij geven u gelijk.\n\n## Bent u het niet eens met deze beslissing?\n\nDan kunt u in beroep gaan.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we beslist?\n\nUw bezwaar is gegrond. Het ging om ons besluit van 14 september 2026 over uw lagere bijstand.\n\n- De verlaging duurt één maand in plaats van drie.\n\nU vroeg ons de kosten van uw advocaat te betalen. Dat doen we: € 624,00.\n\n## Bent u het niet eens met deze beslissing?\n\nDan kunt u in beroep gaan.";
const FACTS: &str = r#"{"event_type": "objection_decision", "is_besluit": true, "data": {"objection": {"outcome": "gegrond", "changes": ["De verlaging duurt één maand in plaats van drie."], "costs": {"requested": true, "amount_cents": 62400}}, "earlier_decision": {"date": "2026-09-14", "subject": "uw lagere bijstand"}}}"#;

/// The words of each outcome, in the order they must be tried (longest first).
const OUTCOMES: &[(&str, &str)] = &[
    ("deels_gegrond", "deels gegrond"),
    ("niet_ontvankelijk", "niet-ontvankelijk"),
    ("ongegrond", "ongegrond"),
    ("gegrond", "gegrond"),
];

/// A decision on an objection without its outcome, the decision objected to, the changes or the costs.
pub(crate) struct ObjectionDecisionIncomplete;

impl Rule for ObjectionDecisionIncomplete {
    fn id(&self) -> &'static str {
        "objection-decision-incomplete"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een beslissing op bezwaar noemt de uitkomst niet (gegrond, deels gegrond, ongegrond, niet-ontvankelijk); of, met de gegevens van de gebeurtenis: niet de uitkomst van objection.outcome, niet het besluit waartegen het bezwaar was (earlier_decision: datum en onderwerp), niet elke verandering (objection.changes), of bij een (deels) gegrond bezwaar niet de kosten (objection.costs).",
            why: "Na een bezwaar wil de lezer weten: heb ik gelijk gekregen, over welk besluit, wat verandert er nu, en worden mijn kosten betaald? Zonder het vaste woord weet een rechter niet wat er besloten is. Zonder de rest weet de lezer het niet.",
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
        if !is_decision_on_objection(doc) {
            return;
        }
        let shown = Shown::of(doc);
        let span = anchor(doc, &["beslist", "besloten"]);
        let Some(facts) = doc.facts else {
            if !OUTCOMES.iter().any(|(_, words)| shown.has(words)) {
                out.push(missing(
                    self.id(),
                    span,
                    "De beslissing op bezwaar noemt de uitkomst niet: gegrond, deels gegrond, ongegrond of niet-ontvankelijk.".to_string(),
                    "Zeg het met het vaste woord en leg het uit: \"Uw bezwaar is gegrond. Dat betekent: u krijgt gelijk.\"".to_string(),
                ));
            }
            return;
        };
        let mut lacking = Vec::new();
        let outcome = facts.text("objection.outcome");
        let words = outcome
            .and_then(|o| OUTCOMES.iter().find(|(key, _)| *key == o))
            .map(|(_, w)| *w);
        match words {
            Some(words) if shown.has(&format!("is {words}")) => {}
            Some(_) => lacking.push("de uitkomst met het vaste woord (objection.outcome)"),
            None if !OUTCOMES.iter().any(|(_, w)| shown.has(w)) => {
                lacking.push("de uitkomst: gegrond, deels gegrond, ongegrond of niet-ontvankelijk")
            }
            None => {}
        }
        let date = facts.date("earlier_decision.date");
        let subject = facts.text("earlier_decision.subject");
        if date.is_none_or(|d| !shown.has_date(d)) || subject.is_none_or(|s| !shown.has(s)) {
            lacking
                .push("het besluit waartegen het bezwaar was (earlier_decision.date en .subject)");
        }
        if facts
            .texts("objection.changes")
            .iter()
            .any(|change| !shown.has(change))
        {
            lacking.push("wat er verandert (objection.changes)");
        }
        if matches!(outcome, Some("gegrond" | "deels_gegrond")) {
            let requested = facts.flag("objection.costs.requested");
            let amount = facts.number("objection.costs.amount_cents");
            let costs_said = match (requested, amount) {
                (true, Some(cents)) if cents > 0 => shown.has(&shown_euro(cents)),
                _ => shown.has("kosten"),
            };
            if !costs_said {
                lacking.push("wat er met de kosten van het bezwaar gebeurt (objection.costs)");
            }
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            span,
            format!("De beslissing op bezwaar noemt niet: {}.", lacking.join("; ")),
            "Noem de uitkomst met het vaste woord, het besluit (\"ons besluit van {{ earlier_decision.date | date }} over {{ earlier_decision.subject }}\"), wat er verandert, en wat er met de kosten gebeurt.".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_of, findings_with};

    #[test]
    fn a_text_alone_needs_an_outcome_word() {
        assert_eq!(
            findings_of(
                &ObjectionDecisionIncomplete,
                &BAD.replace("Wij geven", "Dit besluit: wij geven")
            )
            .len(),
            1
        );
        let text = GOOD.replace("Uw bezwaar", "Dit besluit: uw bezwaar");
        assert!(findings_of(&ObjectionDecisionIncomplete, &text).is_empty());
    }

    #[test]
    fn the_outcome_must_be_the_events() {
        let f = facts(&FACTS.replace("\"gegrond\"", "\"deels_gegrond\""));
        assert_eq!(
            findings_with(&ObjectionDecisionIncomplete, GOOD, &f).len(),
            1
        );
        let text = GOOD.replace("is gegrond", "is deels gegrond");
        assert!(findings_with(&ObjectionDecisionIncomplete, &text, &f).is_empty());
    }

    #[test]
    fn costs_not_asked_are_said_in_words() {
        let f = facts(&FACTS.replace(
            r#""requested": true, "amount_cents": 62400"#,
            r#""requested": false"#,
        ));
        let text = GOOD.replace(
            "U vroeg ons de kosten van uw advocaat te betalen. Dat doen we: € 624,00.",
            "Het bezwaar was gratis.",
        );
        assert_eq!(
            findings_with(&ObjectionDecisionIncomplete, &text, &f).len(),
            1
        );
        let text = GOOD.replace(
            "U vroeg ons de kosten van uw advocaat te betalen. Dat doen we: € 624,00.",
            "U hebt ons niet gevraagd uw kosten te betalen.",
        );
        assert!(findings_with(&ObjectionDecisionIncomplete, &text, &f).is_empty());
    }
}
