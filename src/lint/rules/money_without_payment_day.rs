//! ## What it flags
//! A letter whose event carries the day money is paid (`payment.date`) but which does not show that date.
//!
//! ## Why it matters to the reader
//! People on a small income plan to the day: rent, groceries, a direct debit. "Wij betalen elke maand" does not say when the money is there.
//!
//! ## Example
//! See `BAD` with its facts: no day.
//!
//! ## Use instead
//! See `GOOD`: "Het geld staat op donderdag 24 december 2026 op uw rekening."
//!
//! ## Options
//! Checks rendered letters whose event carries `payment.date`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u bijstand. Wij betalen elke maand.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u bijstand. Het geld staat op donderdag 24 december 2026 op uw rekening.";
const FACTS: &str = r#"{"event_type": "benefit_granted", "is_besluit": true, "data": {"payment": {"date": "2026-12-24"}}}"#;

/// A payment day the event carries but the letter does not show.
pub(crate) struct MoneyWithoutPaymentDay;

impl Rule for MoneyWithoutPaymentDay {
    fn id(&self) -> &'static str {
        "money-without-payment-day"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De gebeurtenis zegt op welke dag het geld komt (payment.date), maar de brief noemt die datum niet.",
            why: "Wie weinig geld heeft, rekent op de dag: huur, boodschappen, een automatische afschrijving. \"Wij betalen elke maand\" zegt niet wanneer het geld er is.",
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
        let Some(date) = facts.date("payment.date") else {
            return;
        };
        if !Shown::of(doc).has_date(date) {
            out.push(missing(
                self.id(),
                anchor(doc, &["besloten", "krijgt u", "hoeveel"]),
                "De brief zegt niet op welke dag het geld op de rekening staat (payment.date).".to_string(),
                "Noem de dag: \"Het geld staat op {{ payment.date | date(weekday=true) }} op uw rekening.\"".to_string(),
            ));
        }
    }
}
