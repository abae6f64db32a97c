//! ## What it flags
//! A besluit that does not open with the decision: the first section (under the first heading) must come within three paragraphs of the greeting, and say from when — and, when the letter is about money, how much.
//!
//! ## Why it matters to the reader
//! The reader wants to know at once what was decided, from when and for how much. A decision that hides under a later heading, or has no date, cannot be understood or objected to.
//!
//! ## Example
//! See `BAD`: the first section gives no date and no amount.
//!
//! ## Use instead
//! See `GOOD`: "Vanaf 1 december 2026 krijgt u 20 procent minder bijstand: € 279,75 per maand."
//!
//! ## Options
//! With the letter's facts the first section must show the event's start date (`decision.ingangsdatum`) and, when the event carries an amount, a euro amount.

use super::shown::{Shown, normalize};
use super::structure::{first_sentence_span, has_date, is_decision};
use crate::event::letter_facts::shown_date;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;
use crate::text::BlockKind;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben een besluit genomen over uw uitkering.\n\n## Wat hebben we besloten?\n\nUw uitkering is een tijd lager.\n\n## Waarom?\n\n- U kwam twee keer niet naar een afspraak.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben een besluit genomen over uw uitkering.\n\n## Wat hebben we besloten?\n\nVanaf 1 december 2026 krijgt u 20 procent minder bijstand: € 279,75 per maand.\n\n## Waarom?\n\n- U kwam twee keer niet naar een afspraak.";
const FACTS: &str = r#"{"event_type": "sanction_reduction", "is_besluit": true, "data": {"decision": {"is_besluit": true, "datum": "2026-11-19", "ingangsdatum": "2026-12-01"}, "amounts": [{"label": "Verlaging per maand", "amount_cents": 27975}]}}"#;

/// The most paragraphs between the greeting and the decision.
const MOST_BEFORE: usize = 3;

/// A besluit that does not open with the decision, its date and its amount.
pub(crate) struct DecisionNotFirst;

impl DecisionNotFirst {
    fn push(&self, doc: &Document<'_>, block: usize, message: &str, out: &mut Vec<Finding>) {
        out.push(Finding {
            rule: self.id(),
            category: self.category(),
            severity: Severity::Error,
            span: first_sentence_span(doc, block),
            message: message.to_string(),
            fix: None,
            suggestion: Some("Zet het besluit direct onder het eerste kopje: wat, vanaf wanneer en hoeveel. Bijvoorbeeld: \"Vanaf 1 december 2026 krijgt u 20 procent minder bijstand: € 279,75 per maand.\"".to_string()),
        });
    }
}

impl Rule for DecisionNotFirst {
    fn id(&self) -> &'static str {
        "decision-not-first"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een besluit begint niet met het besluit: het eerste kopje komt later dan drie alinea's na de aanhef, of het stuk eronder zegt niet vanaf wanneer (en, bij geld, hoeveel).",
            why: "De lezer wil meteen weten wat er besloten is, vanaf wanneer en om hoeveel geld het gaat. Een besluit dat verderop staat, of zonder datum, is niet te begrijpen en niet goed om bezwaar tegen te maken.",
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
        if !is_decision(doc) {
            return;
        }
        let blocks = &doc.prose.blocks;
        let Some(heading) = blocks
            .iter()
            .position(|b| b.kind == BlockKind::Heading && !b.in_quote)
        else {
            if !blocks.is_empty() {
                self.push(doc, 0, "Dit besluit heeft geen kopjes, dus het besluit staat niet vooraan onder een eigen kopje.", out);
            }
            return;
        };
        if heading.saturating_sub(1) > MOST_BEFORE {
            self.push(doc, heading, "Het besluit staat te ver naar achteren: er staan meer dan drie alinea's voor het eerste kopje.", out);
            return;
        }
        let end = blocks[heading + 1..]
            .iter()
            .position(|b| b.kind == BlockKind::Heading)
            .map_or(blocks.len(), |i| heading + 1 + i);
        let section: String = blocks[heading + 1..end]
            .iter()
            .map(|b| normalize(&b.text))
            .collect::<Vec<_>>()
            .join("\n");
        if !has_date(&section) {
            self.push(doc, heading, "Het besluit zegt niet vanaf wanneer het geldt: er staat geen datum onder het eerste kopje.", out);
            return;
        }
        let Some(facts) = doc.facts else { return };
        if let Some(start) = facts.date("decision.ingangsdatum")
            && !section.contains(&normalize(&shown_date(start)))
        {
            self.push(doc, heading, "Het besluit noemt onder het eerste kopje niet de datum waarop het ingaat (decision.ingangsdatum).", out);
            return;
        }
        let money = !facts.items("amounts").is_empty()
            || facts.number("measure.amount_cents").is_some()
            || facts.number("debt.total_cents").is_some();
        if money && !section.contains('€') && Shown::of(doc).body.contains('€') {
            self.push(
                doc,
                heading,
                "Het besluit gaat over geld, maar onder het eerste kopje staat geen bedrag.",
                out,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_of, findings_with};

    #[test]
    fn a_text_alone_needs_the_decision_up_front_with_a_date() {
        let late = "Beste mevrouw Bakker,\n\nEen.\n\nTwee.\n\nDrie.\n\nVier.\n\n## Wat hebben we besloten?\n\nDit besluit geldt vanaf 1 december 2026.";
        assert_eq!(findings_of(&DecisionNotFirst, late).len(), 1);
        let early = "Beste mevrouw Bakker,\n\nEen.\n\n## Wat hebben we besloten?\n\nDit besluit geldt vanaf 1 december 2026.";
        assert!(findings_of(&DecisionNotFirst, early).is_empty());
    }

    #[test]
    fn the_start_date_of_the_event_must_be_the_one_shown() {
        let f = facts(FACTS);
        let other = GOOD.replace("1 december 2026", "1 januari 2027");
        assert_eq!(findings_with(&DecisionNotFirst, &other, &f).len(), 1);
        let no_amount = GOOD.replace(": € 279,75 per maand", "");
        // No amount anywhere in the letter: nothing to move up.
        assert!(findings_with(&DecisionNotFirst, &no_amount, &f).is_empty());
        let amount_later = format!("{no_amount}\n\nHet gaat om € 279,75.");
        assert_eq!(findings_with(&DecisionNotFirst, &amount_later, &f).len(), 1);
    }

    #[test]
    fn a_letter_that_decides_nothing_is_not_checked() {
        let text = "Beste mevrouw Bakker,\n\n## Wat vragen we?\n\nStuur uw loonstrook.";
        assert!(findings_of(&DecisionNotFirst, text).is_empty());
    }
}
