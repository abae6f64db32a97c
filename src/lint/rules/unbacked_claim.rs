//! ## What it flags
//! A sentence that claims something the letter's event does not carry: a conversation, what the person told us, "no reason", a call that did not get through, something we found, or an agreement (DESIGN.md §3, "Truth"). The claims and their word forms are data: `readability/claims.toml`.
//!
//! ## Why it matters to the reader
//! A letter that says "Zoals besproken" when nobody spoke to the person, or "wij hebben geen reden gehoord" when they gave one, is untrue; the reader loses trust in everything else in it, and a decision built on it does not hold.
//!
//! ## Example
//! See `BAD` with its facts: "Zoals besproken" without a call.
//!
//! ## Use instead
//! See `GOOD`: only what happened.
//!
//! ## Options
//! Checks rendered letters; text between double quotes is the person's own words and is never read as a claim.

use super::shown::facts;
use crate::lint::claims::unbacked;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str =
    "Beste mevrouw Bakker,\n\nZoals besproken komen wij op 3 december 2026 bij u langs.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij komen op 3 december 2026 graag bij u langs.";
const FACTS: &str = r#"{"event_type": "home_visit", "data": {}}"#;

/// A claim the event does not back.
pub(crate) struct UnbackedClaim;

impl Rule for UnbackedClaim {
    fn id(&self) -> &'static str {
        "unbacked-claim"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een zin beweert iets wat de gebeurtenis niet zegt: een gesprek, wat de persoon vertelde, \"geen reden\", een telefoontje dat niet lukte, iets wat we vonden, of een afspraak.",
            why: "Een brief die \"Zoals besproken\" zegt terwijl niemand de persoon sprak, of \"geen reden\" terwijl de persoon er een gaf, is niet waar. De lezer vertrouwt dan ook de rest niet meer, en een besluit dat erop rust, houdt geen stand.",
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
        let claims = crate::lint::claims::ClaimFacts::from_data(&facts.data);
        for (i, block) in doc.prose.blocks.iter().enumerate() {
            for claim in unbacked(&block.text, &claims) {
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Error,
                    span: doc.source_range(i, claim.range).into(),
                    message: claim.message.to_string(),
                    fix: None,
                    suggestion: Some("Schrijf alleen wat er gebeurde. Wat er bij het bellen gebeurde, staat al in _partials/after_call.md.".to_string()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_of, findings_with};

    #[test]
    fn a_reached_contact_backs_the_conversation() {
        let reached = facts(
            r#"{"event_type": "home_visit", "data": {"prior_contact": {"outcome": "reached"}}}"#,
        );
        assert!(findings_with(&UnbackedClaim, BAD, &reached).is_empty());
        assert!(findings_of(&UnbackedClaim, BAD).is_empty());
    }
}
