//! ## What it flags
//! A letter with more than one greeting line, or whose greeting names the person differently from the address block ("Beste Maria Elisabeth van den Berg" above "M.E. van den Berg").
//!
//! ## Why it matters to the reader
//! Two names for one person look careless, and a reader may wonder whether the letter is really for them. One greeting, with the name of the address block, is what a careful letter has.
//!
//! ## Example
//! See `BAD` with its facts: the first names in the greeting, initials in the address.
//!
//! ## Use instead
//! See `GOOD`: the greeting uses the name of the address block.
//!
//! ## Options
//! The name is compared only for rendered letters (the address block comes with the letter's facts); a second greeting is found in any letter.

use super::shown::{facts, missing};
use super::structure::first_sentence_span;
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;
use crate::text::BlockKind;

const BAD: &str = "Beste Maria Elisabeth van den Berg,\n\nU krijgt vanaf 1 december 2026 bijstand.";
const GOOD: &str = "Beste M.E. van den Berg,\n\nU krijgt vanaf 1 december 2026 bijstand.";
const FACTS: &str =
    r#"{"event_type": "benefit_granted", "is_besluit": true, "address_name": "M.E. van den Berg"}"#;

/// A second greeting, or a greeting whose name differs from the address block.
pub(crate) struct GreetingMismatch;

/// The forms of address that may open a name, lower case.
const FORMS: &[&str] = &["mevrouw ", "de heer ", "meneer ", "heer "];

/// The name without a form of address, and which form it had ("mevrouw" or "heer").
fn split_form(name: &str) -> (Option<&'static str>, String) {
    let lower = name.trim().to_lowercase();
    for form in FORMS {
        if let Some(rest) = lower.strip_prefix(form) {
            let which = if *form == "mevrouw " {
                "mevrouw"
            } else {
                "heer"
            };
            return (Some(which), rest.trim().to_string());
        }
    }
    (None, lower)
}

/// Whether a greeting's name fits the address block's name.
fn fits(greeting: &str, address: &str) -> bool {
    let (greeting_form, greeting_name) = split_form(greeting);
    let (address_form, address_name) = split_form(address);
    if greeting_form != address_form {
        return false;
    }
    greeting_name == address_name
        || (greeting_form.is_some() && address_name.ends_with(&format!(" {greeting_name}")))
}

/// Whether a block reads like a greeting: short, opened by the letter's greeting word, ending in a comma.
fn is_greeting(text: &str, word: &str) -> bool {
    // Its end first: most blocks do not end in a comma, and then their start is not read.
    if !text.trim_end().ends_with(',') {
        return false;
    }
    let text = text.trim();
    text.ends_with(',')
        && text.split_whitespace().count() <= 8
        && text
            .split_whitespace()
            .next()
            .is_some_and(|first| first.eq_ignore_ascii_case(word))
}

impl Rule for GreetingMismatch {
    fn id(&self) -> &'static str {
        "greeting-mismatch"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De brief heeft meer dan één aanhef, of de aanhef noemt de persoon anders dan het adres (\"Beste Maria Elisabeth van den Berg\" boven \"M.E. van den Berg\").",
            why: "Twee namen voor één persoon lijken slordig, en de lezer twijfelt of de brief wel voor hem of haar is. Eén aanhef, met de naam van het adres, hoort bij een zorgvuldige brief.",
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
        if !doc.is_letter {
            return;
        }
        let blocks = &doc.prose.blocks;
        let Some(first) = blocks.first() else { return };
        let Some(word) = first.text.split_whitespace().next() else {
            return;
        };
        if !is_greeting(&first.text, word) {
            return;
        }
        for (i, block) in blocks.iter().enumerate().skip(1) {
            if block.kind == BlockKind::Paragraph && is_greeting(&block.text, word) {
                out.push(missing(
                    self.id(),
                    first_sentence_span(doc, i),
                    "Deze brief heeft nog een aanhef. Eén aanhef, bovenaan, is genoeg.".to_string(),
                    "Haal deze aanhef weg.".to_string(),
                ));
            }
        }
        let Some(address) = facts(doc).and_then(|f| f.address_name.as_deref()) else {
            return;
        };
        let name = first.text.trim()[word.len()..].trim().trim_end_matches(',');
        if !fits(name, address) {
            out.push(missing(
                self.id(),
                first_sentence_span(doc, 0),
                "De aanhef noemt de persoon anders dan het adres op de brief.".to_string(),
                "Gebruik in de aanhef dezelfde naam als in het adres: {{ recipient | salutation }} doet dat.".to_string(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_of, findings_with};

    #[test]
    fn a_form_of_address_with_the_surname_fits() {
        assert!(fits("mevrouw Bakker", "Mevrouw A. Bakker"));
        assert!(fits("meneer De Vries", "De heer De Vries"));
        assert!(fits("Sam Yılmaz", "Sam Yılmaz"));
        assert!(!fits("Sam Yılmaz", "S. Yılmaz"));
        assert!(!fits("mevrouw Bakker", "A. Bakker"));
        assert!(!fits("meneer Bakker", "Mevrouw A. Bakker"));
    }

    #[test]
    fn a_second_greeting_is_flagged_even_without_facts() {
        let text = "Beste mevrouw Bakker,\n\nU krijgt bijstand.\n\nBeste mevrouw Bakker,\n\nBel ons gerust.";
        assert_eq!(findings_of(&GreetingMismatch, text).len(), 1);
        assert!(findings_of(&GreetingMismatch, BAD).is_empty());
    }

    #[test]
    fn a_greeting_word_of_the_settings_counts() {
        let address =
            facts(r#"{"event_type": "benefit_granted", "address_name": "Mevrouw A. Bakker"}"#);
        let text = "Hallo mevrouw Bakker,\n\nU krijgt bijstand.";
        assert!(findings_with(&GreetingMismatch, text, &address).is_empty());
        let text = "Hallo Anouk Bakker,\n\nU krijgt bijstand.";
        assert_eq!(findings_with(&GreetingMismatch, text, &address).len(), 1);
    }
}
