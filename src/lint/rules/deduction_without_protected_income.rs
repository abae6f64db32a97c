//! ## What it flags
//! A letter that deducts money from the benefit (`debt.deduction`) without the amount per month, the first month, and what the person always keeps (the beslagvrije voet, `debt.deduction.protected_income_cents`); or that decides a deduction and still says the money need not be paid at once, as if nothing was decided.
//!
//! ## Why it matters to the reader
//! A deduction changes what someone lives on. The reader must know how much, from when, and that the law protects a minimum; a letter that deducts and in the same breath offers to "make an arrangement" leaves them unsure what was decided.
//!
//! ## Example
//! See `BAD` with its facts: "Wij houden een deel in", and "Dat hoeft ook niet."
//!
//! ## Use instead
//! See `GOOD`: the amount, the date and the beslagvrije voet.
//!
//! ## Options
//! Checks rendered letters whose event carries `debt.deduction`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste meneer Yılmaz,\n\n## Wat hebben we besloten?\n\nWij houden een deel van uw uitkering in. Kunt u dit niet in één keer betalen? Dat hoeft ook niet.";
const GOOD: &str = "Beste meneer Yılmaz,\n\n## Wat hebben we besloten?\n\nVanaf 1 januari 2027 houden wij elke maand € 48,62 in op uw uitkering. U houdt altijd minstens € 1.289,50 per maand over. Dat heet de beslagvrije voet.";
const FACTS: &str = r#"{"event_type": "collection", "is_besluit": true, "data": {"debt": {"total_cents": 58344, "deduction": {"amount_cents": 4862, "from": "2027-01-01", "protected_income_cents": 128950}}}}"#;

/// Words that ask the reader to pay themselves, as if no deduction was decided.
const PAY_YOURSELF: &[&str] = &["in één keer", "in een keer", "hoeft ook niet"];

/// A deduction without its amount, start and protected income, or with an offer to pay otherwise.
pub(crate) struct DeductionWithoutProtectedIncome;

impl Rule for DeductionWithoutProtectedIncome {
    fn id(&self) -> &'static str {
        "deduction-without-protected-income"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De brief houdt geld in op de uitkering (debt.deduction), maar noemt niet het bedrag per maand, de eerste maand en wat de persoon altijd overhoudt (de beslagvrije voet); of de brief besluit tot inhouden en zegt toch dat in één keer betalen niet hoeft, alsof er niets besloten is.",
            why: "Inhouden verandert waar iemand van leeft. De lezer moet weten hoeveel, vanaf wanneer, en dat de wet een minimum beschermt. Een brief die inhoudt en tegelijk een regeling aanbiedt, laat de lezer in twijfel over wat er besloten is.",
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
        if facts.value("debt.deduction").is_none() {
            return;
        }
        let shown = Shown::of(doc);
        let mut lacking = Vec::new();
        if let Some(cents) = facts.number("debt.deduction.amount_cents")
            && !shown.has_euro(cents)
        {
            lacking.push("het bedrag per maand (debt.deduction.amount_cents)");
        }
        if let Some(from) = facts.date("debt.deduction.from")
            && !shown.has_date(from)
        {
            lacking.push("de eerste maand (debt.deduction.from)");
        }
        let protected = facts.number("debt.deduction.protected_income_cents");
        if !(protected.is_some_and(|c| shown.has_euro(c)) && shown.has("beslagvrije voet")) {
            lacking
                .push("de beslagvrije voet met het bedrag (debt.deduction.protected_income_cents)");
        }
        let span = anchor(doc, &["besloten", "inhouden"]);
        if !lacking.is_empty() {
            out.push(missing(
                self.id(),
                span,
                format!("De brief houdt geld in op de uitkering, maar noemt niet: {}.", lacking.join(", ")),
                "Noem het bedrag, de eerste maand en de beslagvrije voet: \"Vanaf {{ debt.deduction.from | date }} houden wij elke maand {{ debt.deduction.amount_cents | euro }} in. U houdt altijd minstens {{ debt.deduction.protected_income_cents | euro }} over. Dat heet de beslagvrije voet.\"".to_string(),
            ));
        }
        if PAY_YOURSELF.iter().any(|words| shown.has(words)) {
            out.push(missing(
                self.id(),
                span,
                "De brief besluit tot inhouden, maar zegt ook dat in één keer betalen niet hoeft. Dan is niet duidelijk wat er besloten is.".to_string(),
                "Laat het aanbod van een regeling weg. Zeg wel dat de lezer kan bellen als het inhouden te zwaar is.".to_string(),
            ));
        }
    }
}
