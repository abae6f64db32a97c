//! ## What it flags
//! A measure, fine, warning or planned measure that does not show its size and how it was set: the percentage (`measure.percentage`), the amount (`measure.amount_cents`), the period (`measure.period_from`, `measure.period_to`) and each line of how the size was set (`measure.how_set`).
//!
//! ## Why it matters to the reader
//! "Uw uitkering is een tijd lager" does not say how much or how long. The reader needs the percentage, the amount and the dates to plan, and how the size was set to judge whether it is fair (Awb 5:9 and 3:4 for a fine; the verordening for a measure).
//!
//! ## Example
//! See `BAD` with its facts: no percentage, no period, no reasoning.
//!
//! ## Use instead
//! See `GOOD`: "20 procent … van 1 december 2026 tot en met 28 februari 2027 … € 279,75 per maand", and how we came to it.
//!
//! ## Options
//! Checks rendered letters of the kinds measure, fine and planned measure whose event carries `measure`.

use super::shown::{Shown, anchor, facts, missing};
use crate::event::LetterKind;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str =
    "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nUw uitkering is een tijd lager.";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\nUw bijstand is 20 procent lager, van 1 december 2026 tot en met 28 februari 2027. Dat is € 279,75 per maand.\n\n## Hoe komen we aan deze verlaging?\n\n- U kwam twee keer niet. Dan is de verlaging 20 procent.";
const FACTS: &str = r#"{"event_type": "sanction_reduction", "is_besluit": true, "data": {"measure": {"percentage": 20, "amount_cents": 27975, "period_from": "2026-12-01", "period_to": "2027-02-28", "how_set": ["U kwam twee keer niet. Dan is de verlaging 20 procent."]}}}"#;

/// A measure or fine that does not show its size, its period or how it was set.
pub(crate) struct MeasureWithoutSize;

impl Rule for MeasureWithoutSize {
    fn id(&self) -> &'static str {
        "measure-without-size"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een maatregel, boete, waarschuwing of voornemen laat niet zien hoe groot de maatregel is en hoe we daartoe kwamen: het percentage (measure.percentage), het bedrag (measure.amount_cents), de periode (measure.period_from en measure.period_to) en elke regel van measure.how_set.",
            why: "\"Uw uitkering is een tijd lager\" zegt niet hoeveel en hoe lang. De lezer heeft het percentage, het bedrag en de datums nodig om vooruit te kijken, en moet weten hoe we tot de hoogte kwamen om te zien of die eerlijk is.",
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
        let mut lacking = Vec::new();
        if let Some(percentage) = facts.number("measure.percentage")
            && !shown.has(&format!("{percentage} procent"))
        {
            lacking.push("het percentage (measure.percentage)");
        }
        if let Some(cents) = facts.number("measure.amount_cents")
            && !shown.has_euro(cents)
        {
            lacking.push("het bedrag (measure.amount_cents)");
        }
        for (path, what) in [
            ("measure.period_from", "de eerste dag (measure.period_from)"),
            ("measure.period_to", "de laatste dag (measure.period_to)"),
        ] {
            if let Some(date) = facts.date(path)
                && !shown.has_date(date)
            {
                lacking.push(what);
            }
        }
        if facts
            .texts("measure.how_set")
            .iter()
            .any(|line| !shown.has(line))
        {
            lacking.push("hoe we tot de hoogte kwamen (measure.how_set)");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["besloten", "van plan", "waar gaat"]),
            format!("De brief laat niet zien: {}.", lacking.join(", ")),
            "Noem het percentage, het bedrag, de eerste en de laatste dag, en hoe we tot die hoogte kwamen: {{ measure.percentage }} procent, {{ measure.amount_cents | euro }}, {{ measure.period_from | date }}, {{ measure.period_to | date }}, en een lijst van measure.how_set.".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_with};

    #[test]
    fn each_missing_part_is_named() {
        let f = facts(FACTS);
        let text = GOOD.replace("28 februari 2027", "31 maart 2027");
        let found = findings_with(&MeasureWithoutSize, &text, &f);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("measure.period_to"),
            "{}",
            found[0].message
        );
        assert!(!found[0].message.contains("measure.percentage"));
    }
}
