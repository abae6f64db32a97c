//! ## What it flags
//! The same offer of help in two places of one letter: a payment arrangement, debt help, the neighbourhood team, a home visit, or someone who reads the letter with you.
//!
//! ## Why it matters to the reader
//! An offer made once is an offer; made three times it becomes noise, and the letter gets longer without saying more. Each offer belongs in one place.
//!
//! ## Example
//! See `BAD`: the wijkteam offered twice.
//!
//! ## Use instead
//! See `GOOD`: once.

use super::structure::{first_sentence_span, lower_for_ascii_needles};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;
use crate::text::BlockKind;

const BAD: &str = "Beste mevrouw Bakker,\n\nWe konden u niet bereiken. Ook iemand van het wijkteam kan u helpen.\n\n## Hulp bij deze brief\n\nVindt u deze brief lastig? Het wijkteam helpt ook.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWe konden u niet bereiken. Ook iemand van het wijkteam kan u helpen.\n\n## Hulp bij deze brief\n\nVindt u deze brief lastig? Iemand kan de brief samen met u lezen.";

/// The offers, each with a part that all its words share and the words that
/// make it (lower case): a block without the shared part is not searched for
/// the words (five searches a block instead of ten).
const OFFERS: &[(&str, &str, &[&str])] = &[
    (
        "een betalingsregeling",
        "een betalingsregeling",
        &["een betalingsregeling"],
    ),
    (
        "hulp bij schulden",
        "schuld",
        &["schuldhulp", "hulp bij schulden"],
    ),
    ("het wijkteam", "wijkteam", &["wijkteam"]),
    (
        "een bezoek thuis",
        "graag",
        &[
            "komen we graag langs",
            "komen wij graag langs",
            "komen we graag bij u langs",
            "komen wij graag bij u langs",
        ],
    ),
    (
        "samen de brief lezen",
        "samen met u",
        &["samen met u lezen", "brief samen met u"],
    ),
];

/// The same offer of help in two paragraphs of one letter.
pub(crate) struct RepeatedOffer;

impl Rule for RepeatedOffer {
    fn id(&self) -> &'static str {
        "repeated-offer"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Dezelfde hulp wordt twee keer aangeboden: een betalingsregeling, hulp bij schulden, het wijkteam, een bezoek thuis, of iemand die de brief samen met u leest.",
            why: "Eén keer aanbieden is een aanbod. Drie keer wordt ruis, en de brief wordt langer zonder dat er meer in staat. Elk aanbod hoort op één plek.",
            bad: BAD,
            good: GOOD,
        }
    }

    fn about_whole_text(&self) -> bool {
        false
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !doc.is_letter {
            return;
        }
        let mut first_seen: [Option<usize>; OFFERS.len()] = [None; OFFERS.len()];
        let mut lower = String::new();
        for (i, block) in doc.prose.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading || block.in_quote {
                continue;
            }
            lower_for_ascii_needles(&mut lower, &block.text);
            for (o, (name, shared, words)) in OFFERS.iter().enumerate() {
                if !lower.contains(shared) || !words.iter().any(|w| lower.contains(w)) {
                    continue;
                }
                match first_seen[o] {
                    None => first_seen[o] = Some(i),
                    Some(_) => out.push(Finding {
                        rule: self.id(),
                        category: self.category(),
                        severity: Severity::Warning,
                        span: first_sentence_span(doc, i),
                        message: format!("Deze brief biedt {name} al eerder aan."),
                        fix: None,
                        suggestion: Some(
                            "Bied elke hulp één keer aan. Haal dit aanbod hier weg, of daar."
                                .to_string(),
                        ),
                    }),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn every_word_of_an_offer_holds_its_shared_part() {
        for (name, shared, words) in OFFERS {
            for word in *words {
                assert!(word.contains(shared), "{name}: {word} without {shared}");
            }
        }
    }

    #[test]
    fn twice_in_one_paragraph_is_one_offer() {
        let text = "Beste mevrouw Bakker,\n\nHet wijkteam helpt. Bel het wijkteam gerust.";
        assert!(findings_of(&RepeatedOffer, text).is_empty());
    }

    #[test]
    fn your_arrangement_is_not_an_offer() {
        let text = "Beste mevrouw Bakker,\n\nUw betalingsregeling begint op 1 december.\n\nLukt het niet? Dan maken we een betalingsregeling.";
        assert!(findings_of(&RepeatedOffer, text).is_empty());
        let text = format!("{text}\n\nOf vraag een betalingsregeling aan.");
        assert_eq!(findings_of(&RepeatedOffer, &text).len(), 1);
    }
}
