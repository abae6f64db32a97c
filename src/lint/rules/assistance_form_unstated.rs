//! ## What it flags
//! A letter about special assistance whose event says whether it is a gift or a loan (`assistance.form`), but which does not say so; for a loan, also the amount to pay back each month (`assistance.repay_cents`) and from when (`assistance.repay_from`).
//!
//! ## Why it matters to the reader
//! Special assistance can be a gift or a loan (Pw 48). "U krijgt € 449" leaves the reader guessing whether the money must ever be paid back, and how.
//!
//! ## Example
//! See `BAD` with its facts: a loan, not called one.
//!
//! ## Use instead
//! See `GOOD`: "U krijgt € 449,00 als lening. U betaalt vanaf 1 februari 2027 elke maand € 25,00 terug."
//!
//! ## Options
//! Checks rendered letters whose event carries `assistance`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nU krijgt € 449,00 voor een nieuwe wasmachine.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nU krijgt € 449,00 voor een nieuwe wasmachine, als lening. U betaalt vanaf 1 februari 2027 elke maand € 25,00 terug.";
const FACTS: &str = r#"{"event_type": "special_assistance", "is_besluit": true, "data": {"assistance": {"form": "lening", "repay_cents": 2500, "repay_from": "2027-02-01"}}}"#;

/// Special assistance that does not say gift or loan.
pub(crate) struct AssistanceFormUnstated;

impl Rule for AssistanceFormUnstated {
    fn id(&self) -> &'static str {
        "assistance-form-unstated"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief over bijzondere bijstand zegt niet of het een gift of een lening is (assistance.form); bij een lening ook niet hoeveel de persoon elke maand terugbetaalt (assistance.repay_cents) en vanaf wanneer (assistance.repay_from).",
            why: "Bijzondere bijstand kan een gift zijn of een lening. \"U krijgt € 449\" laat de lezer raden of het geld ooit terug moet, en hoe.",
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
        let Some(form) = facts.text("assistance.form") else {
            return;
        };
        let shown = Shown::of(doc);
        let mut lacking = Vec::new();
        if !shown.has(form) {
            lacking.push(if form == "lening" {
                "dat het een lening is"
            } else {
                "dat het een gift is"
            });
        }
        if let Some(cents) = facts.number("assistance.repay_cents")
            && !shown.has_euro(cents)
        {
            lacking
                .push("het bedrag dat de persoon elke maand terugbetaalt (assistance.repay_cents)");
        }
        if let Some(from) = facts.date("assistance.repay_from")
            && !shown.has_date(from)
        {
            lacking.push("vanaf wanneer de persoon terugbetaalt (assistance.repay_from)");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["besloten"]),
            format!("De brief noemt niet: {}.", lacking.join(", ")),
            "Zeg \"als gift\" of \"als lening\". Bij een lening: \"U betaalt vanaf {{ assistance.repay_from | date }} elke maand {{ assistance.repay_cents | euro }} terug.\"".to_string(),
        ));
    }
}
