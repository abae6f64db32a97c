//! ## What it flags
//! An amount whose event says whether it is gross or net (`amounts[].gross_net`), shown nowhere with the word "bruto" or "netto" in the same paragraph or list item.
//!
//! ## Why it matters to the reader
//! Gross and net can differ by hundreds of euros. When money is paid back over a year that has ended, or tax is involved, the reader must know which of the two the amount is.
//!
//! ## Example
//! See `BAD` with its facts: "€ 2.430,75" alone.
//!
//! ## Use instead
//! See `GOOD`: "€ 2.430,75 bruto".
//!
//! ## Options
//! Checks rendered letters whose event carries `amounts[].gross_net`.

use super::shown::{anchor, facts, missing, normalize};
use crate::event::letter_facts::shown_euro;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\n- Te veel gekregen over 2025: € 2.430,75";
const GOOD: &str = "Beste mevrouw Bakker,\n\n## Wat hebben we besloten?\n\n- Te veel gekregen over 2025: € 2.430,75 bruto";
const FACTS: &str = r#"{"event_type": "recovery", "is_besluit": true, "data": {"amounts": [{"label": "Te veel gekregen over 2025", "amount_cents": 243075, "gross_net": "bruto"}]}}"#;

/// An amount shown without saying it is gross or net.
pub(crate) struct MoneyWithoutGrossNet;

impl Rule for MoneyWithoutGrossNet {
    fn id(&self) -> &'static str {
        "money-without-gross-net"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De gebeurtenis zegt of een bedrag bruto of netto is (amounts[].gross_net), maar de brief zet er nergens in dezelfde alinea of regel \"bruto\" of \"netto\" bij.",
            why: "Tussen bruto en netto kan honderden euro's verschil zitten. Gaat het om terugbetalen over een jaar dat voorbij is, of om belasting, dan moet de lezer weten welk van de twee het is.",
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
        let blocks: Vec<String> = doc
            .prose
            .blocks
            .iter()
            .map(|b| normalize(&b.text))
            .collect();
        for amount in facts.items("amounts") {
            let (Some(cents), Some(word)) = (
                amount.get("amount_cents").and_then(|v| v.as_i64()),
                amount.get("gross_net").and_then(|v| v.as_str()),
            ) else {
                continue;
            };
            let money = normalize(&shown_euro(cents));
            let blocks_with_amount: Vec<&String> =
                blocks.iter().filter(|b| b.contains(&money)).collect();
            // Where the amount is listed, it says which; the same amount
            // elsewhere (a total, a net amount that happens to be equal) need not repeat it.
            let said = blocks_with_amount
                .iter()
                .any(|b| b.contains(&word.to_lowercase()));
            if !said {
                out.push(missing(
                    self.id(),
                    anchor(doc, &["besloten", "hoeveel", "bedrag"]),
                    format!("De brief zegt bij een bedrag niet dat het {word} is (amounts[].gross_net)."),
                    "Zet bruto of netto bij het bedrag: {{ amount.amount_cents | euro }} {{ amount.gross_net }}.".to_string(),
                ));
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_with};

    #[test]
    fn the_place_that_lists_the_amount_says_it() {
        let f = facts(FACTS);
        let text = format!("{GOOD}\n\nBetaal € 2.430,75 uiterlijk op 4 januari 2027.");
        assert!(findings_with(&MoneyWithoutGrossNet, &text, &f).is_empty());
        let text = format!("{BAD}\n\nDat is bruto: het bedrag vóór belasting.");
        assert_eq!(findings_with(&MoneyWithoutGrossNet, &text, &f).len(), 1);
    }
}
