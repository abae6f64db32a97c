//! ## What it flags
//! A letter about money the person owes (`debt`, without a deduction from the benefit) that does not give everything needed to pay: the municipality's IBAN (`municipality.iban`), the kenmerk to put with the payment (`debt.payment_reference`, or the letter's kenmerk), the last day (`debt.due_date`), and the offer of a payment arrangement.
//!
//! ## Why it matters to the reader
//! "Wilt u het bedrag betalen?" leaves the reader to find out where and how. Without the account number and the kenmerk a payment can get lost; without the offer of an arrangement someone who cannot pay at once does not know that this is possible.
//!
//! ## Example
//! See `BAD` with its facts: no account, no kenmerk, no arrangement.
//!
//! ## Use instead
//! See `GOOD`: the IBAN, the kenmerk, the date and the arrangement.
//!
//! ## Options
//! Checks rendered letters whose event carries `debt` without `debt.deduction`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Hoe betaalt u?\n\nWilt u € 1.215,40 betalen uiterlijk op maandag 4 januari 2027?";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Hoe betaalt u?\n\nMaak € 1.215,40 uiterlijk op maandag 4 januari 2027 over naar NL91 BNGH 0285 1654 27, ten name van Gemeente Waalmonde. Zet D-2026-8812 bij de betaling. Lukt dat niet in één keer? Dan maken we samen een betalingsregeling.";
const FACTS: &str = r#"{"event_type": "recovery", "is_besluit": true, "reference": "Z-2026-01841", "settings": {"iban": "NL91 BNGH 0285 1654 27"}, "data": {"debt": {"total_cents": 121540, "due_date": "2027-01-04", "payment_reference": "D-2026-8812"}}}"#;

/// Money owed without the account, the kenmerk, the date or an arrangement.
pub(crate) struct MoneyOwedWithoutPaymentDetails;

impl Rule for MoneyOwedWithoutPaymentDetails {
    fn id(&self) -> &'static str {
        "money-owed-without-payment-details"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief over geld dat iemand moet betalen (debt, zonder inhouding op de uitkering) geeft niet alles wat nodig is om te betalen: het rekeningnummer van de gemeente (municipality.iban), het kenmerk bij de betaling (debt.payment_reference of ons kenmerk), de laatste dag (debt.due_date) en het aanbod van een betalingsregeling.",
            why: "\"Wilt u het bedrag betalen?\" laat de lezer zelf uitzoeken waar en hoe. Zonder rekeningnummer en kenmerk raakt een betaling zoek. Zonder het aanbod van een regeling weet wie niet in één keer kan betalen niet dat dat mag.",
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
        if facts.value("debt").is_none() || facts.value("debt.deduction").is_some() {
            return;
        }
        let shown = Shown::of(doc);
        let mut lacking = Vec::new();
        match facts.settings.iban.as_deref() {
            Some(iban) if shown.has(iban) => {}
            _ => lacking.push("het rekeningnummer (municipality.iban)"),
        }
        let reference = facts
            .text("debt.payment_reference")
            .or(facts.reference.as_deref());
        if reference.is_some_and(|r| !shown.has(r)) {
            lacking.push("het kenmerk bij de betaling (debt.payment_reference)");
        }
        if let Some(due) = facts.date("debt.due_date")
            && !shown.has_date(due)
        {
            lacking.push("de laatste dag (debt.due_date)");
        }
        if !shown.has("betalingsregeling") {
            lacking.push("het aanbod van een betalingsregeling");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["betaal", "besloten"]),
            format!("De brief vraagt geld, maar noemt niet: {}.", lacking.join(", ")),
            "Gebruik {% include \"_partials/payment.md\" %}: rekeningnummer, kenmerk, laatste dag en een betalingsregeling.".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_with};

    #[test]
    fn without_a_reference_of_its_own_the_letters_kenmerk_counts() {
        let f = facts(&FACTS.replace(r#", "payment_reference": "D-2026-8812""#, ""));
        assert_eq!(
            findings_with(&MoneyOwedWithoutPaymentDetails, GOOD, &f).len(),
            1
        );
        let text = GOOD.replace("D-2026-8812", "Z-2026-01841");
        assert!(findings_with(&MoneyOwedWithoutPaymentDetails, &text, &f).is_empty());
    }

    #[test]
    fn a_deduction_is_another_rule() {
        let f = facts(&FACTS.replace(
            r#""payment_reference": "D-2026-8812""#,
            r#""deduction": {"amount_cents": 4862, "from": "2027-01-01", "protected_income_cents": 128950}"#,
        ));
        assert!(findings_with(&MoneyOwedWithoutPaymentDetails, BAD, &f).is_empty());
    }
}
