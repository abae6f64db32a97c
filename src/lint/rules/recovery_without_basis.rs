//! ## What it flags
//! A letter that asks money back or collects it without its basis: the decision the debt comes from (`earlier_decision`: its date and subject), the period of each amount, and — for a recovery — the articles in the box: Participatiewet 58 (recovery) and 54 (the revision it follows).
//!
//! ## Why it matters to the reader
//! "U hebt te veel gekregen" does not say over which months, nor which decision found that. A recovery follows a revision of the benefit (Pw 54 lid 3); the reader can only object well when both are named.
//!
//! ## Example
//! See `BAD` with its facts: no earlier decision, no period.
//!
//! ## Use instead
//! See `GOOD`: "Op 14 oktober 2026 hebben we uw uitkering over juni tot en met september opnieuw berekend …", and the articles in the box.
//!
//! ## Options
//! Checks rendered letters of the kind recovery (recovery, collection).

use super::shown::{Shown, anchor, facts, missing};
use crate::event::{EventType, LetterKind};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nU hebt te veel bijstand gekregen. Dat vragen wij terug: € 1.215,40.\n\n> **Waarom mag de gemeente dit?**\n>\n> artikel 58 Participatiewet.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nU hebt van 1 juni 2026 tot en met 30 september 2026 te veel bijstand gekregen. Dat vragen wij terug: € 1.215,40. Dat volgt uit ons besluit van 14 oktober 2026 over hoeveel bijstand u mocht krijgen.\n\n> **Waarom mag de gemeente dit?**\n>\n> artikel 54 lid 3 Participatiewet; artikel 58 Participatiewet.";
const FACTS: &str = r#"{"event_type": "recovery", "is_besluit": true, "data": {"earlier_decision": {"date": "2026-10-14", "subject": "hoeveel bijstand u mocht krijgen"}, "amounts": [{"label": "Te veel gekregen", "amount_cents": 121540, "period_from": "2026-06-01", "period_to": "2026-09-30"}]}}"#;

/// A recovery or collection without the decision it follows, its period or its articles.
pub(crate) struct RecoveryWithoutBasis;

impl Rule for RecoveryWithoutBasis {
    fn id(&self) -> &'static str {
        "recovery-without-basis"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief die geld terugvraagt of int, zonder de grond: het besluit waar de schuld uit komt (earlier_decision: datum en onderwerp), de periode van elk bedrag, en bij terugvordering de artikelen in het kader: 58 (terugvorderen) en 54 (het herzien waar het op volgt) van de Participatiewet.",
            why: "\"U hebt te veel gekregen\" zegt niet over welke maanden, en niet welk besluit dat vaststelde. Terugvorderen volgt op het herzien van de uitkering. Alleen als beide genoemd zijn, kan de lezer goed bezwaar maken.",
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
        if facts.kind() != LetterKind::Recovery {
            return;
        }
        let shown = Shown::of(doc);
        let mut lacking = Vec::new();
        let date = facts.date("earlier_decision.date");
        let subject = facts.text("earlier_decision.subject");
        if date.is_some_and(|d| !shown.has_date(d)) || subject.is_some_and(|s| !shown.has(s)) {
            lacking.push("het besluit waar het uit volgt (earlier_decision.date en .subject)");
        }
        let periods_hidden = facts.items("amounts").iter().any(|amount| {
            ["period_from", "period_to"].iter().any(|key| {
                amount
                    .get(key)
                    .and_then(|v| v.as_str())
                    .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                    .is_some_and(|d| !shown.has_date(d))
            })
        });
        if periods_hidden {
            lacking.push("de periode van elk bedrag (amounts[].period_from en .period_to)");
        }
        if facts.event_type == EventType::Recovery
            && facts.is_besluit
            && !(shown.boxed_has("58") && shown.boxed_has("54"))
        {
            lacking.push("artikel 54 en artikel 58 van de Participatiewet in het kader (decision.legal_basis)");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["besloten", "bedrag"]),
            format!("De brief vraagt geld terug, maar noemt niet: {}.", lacking.join("; ")),
            "Noem het besluit waar de schuld uit komt (\"ons besluit van {{ earlier_decision.date | date }} over {{ earlier_decision.subject }}\"), de periode, en zet de artikelen in decision.legal_basis.".to_string(),
        ));
    }
}
