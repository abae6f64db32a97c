//! ## What it flags
//! A decision that starts before the letter (`flags.retroactive`) and does not show its start date, or does not say what it means for money already paid.
//!
//! ## Why it matters to the reader
//! A change back in time can mean money must be paid back, or that more is still to come. "Het nieuwe bedrag geldt vanaf 1 september" does not tell the reader that; they must read it plainly: from when, and what happens with what they already got (DESIGN.md §3, "Dates").
//!
//! ## Example
//! See `BAD` with its facts: only the date.
//!
//! ## Use instead
//! See `GOOD`: the date, and that they got too much since then and will hear how much.
//!
//! ## Options
//! Checks rendered letters whose event has `flags.retroactive`. The start date is `decision.ingangsdatum`, `measure.period_from` or `revision.period_from`.

use super::shown::{Shown, anchor, facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste meneer De Vries,\n\n## Wat hebben we besloten?\n\nHet nieuwe bedrag geldt vanaf 1 september 2026.";
const GOOD: &str = "Beste meneer De Vries,\n\n## Wat hebben we besloten?\n\nHet nieuwe bedrag geldt vanaf 1 september 2026. Dat is eerder dan deze brief. Over september tot nu hebt u dus meer gekregen dan de bedoeling was.";
const FACTS: &str = r#"{"event_type": "benefit_changed", "is_besluit": true, "data": {"flags": {"sanction": false, "fraud_suspicion": false, "retroactive": true}, "decision": {"is_besluit": true, "datum": "2026-11-19", "ingangsdatum": "2026-09-01"}}}"#;

/// Words that speak about money already paid (lower case).
const ALREADY_PAID: &[&str] = &[
    "al gekregen",
    "al kreeg",
    "al betaald",
    "al ontvangen",
    "al uitbetaald",
    "meer gekregen",
    "te veel gekregen",
    "te veel hebt gekregen",
    "nog krijgt",
    "krijgt u nog",
    "hoeft u niet terug",
];

/// A retroactive decision that does not explain itself.
pub(crate) struct RetroactiveWithoutExplanation;

impl Rule for RetroactiveWithoutExplanation {
    fn id(&self) -> &'static str {
        "retroactive-without-explanation"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een besluit dat ingaat vóór de datum van de brief (flags.retroactive) noemt de begindatum niet, of zegt niet wat het betekent voor geld dat de persoon al kreeg.",
            why: "Een verandering terug in de tijd kan betekenen dat er geld terug moet, of dat er nog geld komt. \"Het nieuwe bedrag geldt vanaf 1 september\" zegt dat niet. De lezer moet het gewoon kunnen lezen: vanaf wanneer, en wat er gebeurt met het geld dat al kwam.",
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
        if !facts.flag("flags.retroactive") {
            return;
        }
        let shown = Shown::of(doc);
        let start = [
            "decision.ingangsdatum",
            "measure.period_from",
            "revision.period_from",
        ]
        .iter()
        .find_map(|path| facts.date(path));
        let mut lacking = Vec::new();
        if start.is_some_and(|d| !shown.has_date(d)) {
            lacking.push("de datum waarop het besluit ingaat");
        }
        if !ALREADY_PAID.iter().any(|words| shown.has(words)) {
            lacking.push("wat het betekent voor het geld dat de persoon al kreeg");
        }
        if lacking.is_empty() {
            return;
        }
        out.push(missing(
            self.id(),
            anchor(doc, &["besloten", "geld"]),
            format!("Dit besluit gaat in vóór de datum van de brief, maar de brief noemt niet: {}.", lacking.join(" en ")),
            "Zeg vanaf wanneer, dat dat eerder is dan deze brief, en wat dat betekent voor het geld dat de persoon al kreeg: te veel (en wat we daarmee doen) of nog te krijgen.".to_string(),
        ));
    }
}
