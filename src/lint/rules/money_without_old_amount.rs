//! ## What it flags
//! A letter about an amount that changes, whose event carries the old amount (`amounts[].previous_cents`), but which does not show both the old and the new amount.
//!
//! ## Why it matters to the reader
//! "Nieuw: € 1.324,18" does not say whether that is more or less, or by how much. With the old amount beside it the reader sees at once what changes.
//!
//! ## Example
//! See `BAD` with its facts: only the new amount.
//!
//! ## Use instead
//! See `GOOD`: "Tot nu: € 1.298,40. Vanaf 1 januari 2027: € 1.324,18."
//!
//! ## Options
//! Checks rendered letters whose event carries `amounts[].previous_cents`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste meneer De Vries,\n\n## Wat hebben we besloten?\n\nVanaf 1 januari 2027 krijgt u € 1.324,18 per maand.";
const GOOD: &str = "Beste meneer De Vries,\n\n## Wat hebben we besloten?\n\nVanaf 1 januari 2027 krijgt u € 1.324,18 per maand. Tot nu kreeg u € 1.298,40.";
const FACTS: &str = r#"{"event_type": "benefit_changed", "is_besluit": true, "data": {"amounts": [{"label": "Bijstand per maand", "amount_cents": 132418, "previous_cents": 129840}]}}"#;

/// A changed amount shown without the old amount.
pub(crate) struct MoneyWithoutOldAmount;

impl Rule for MoneyWithoutOldAmount {
    fn id(&self) -> &'static str {
        "money-without-old-amount"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een bedrag verandert en de gebeurtenis geeft het oude bedrag mee (amounts[].previous_cents), maar de brief laat niet het oude én het nieuwe bedrag zien.",
            why: "\"Nieuw: € 1.324,18\" zegt niet of dat meer of minder is, en hoeveel. Met het oude bedrag ernaast ziet de lezer meteen wat er verandert.",
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
        let shown = Shown::of(doc);
        let hidden = facts.items("amounts").iter().any(|amount| {
            let new = amount.get("amount_cents").and_then(|v| v.as_i64());
            let old = amount.get("previous_cents").and_then(|v| v.as_i64());
            match (new, old) {
                (Some(new), Some(old)) => !(shown.has_euro(new) && shown.has_euro(old)),
                _ => false,
            }
        });
        if hidden {
            out.push(missing(
                self.id(),
                anchor(doc, &["besloten", "hoeveel", "krijgt u"]),
                "De brief laat bij een bedrag dat verandert niet het oude en het nieuwe bedrag zien.".to_string(),
                "Zet het oude bedrag naast het nieuwe: \"Tot nu: {{ amount.previous_cents | euro }}. Nieuw: {{ amount.amount_cents | euro }}.\"".to_string(),
            ));
        }
    }
}
