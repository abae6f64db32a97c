//! ## What it flags
//! A letter that names the contact person more than twice.
//!
//! ## Why it matters to the reader
//! One name for questions is a help; the same name in every paragraph ("Bel Ilse Verhoef. … Bel Ilse Verhoef.") reads like a form and pushes the letter's message aside. Name the contact once in the contact block, and at most once more; elsewhere "Bel ons gerust" is enough.
//!
//! ## Example
//! See `BAD` with its facts: the name three times.
//!
//! ## Use instead
//! See `GOOD`: "Bel ons" where the name is not needed.
//!
//! ## Options
//! Checks rendered letters only (the contact's name comes with the letter's facts).

use super::shown::{facts, missing};
use crate::lint::{Category, ExampleFacts, Finding, Rule, RuleDocs};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nHebt u vragen? Bel Ilse Verhoef.\n\nLukt betalen niet? Bel Ilse Verhoef.\n\n## Vragen?\n\nUw contactpersoon is Ilse Verhoef. Bel gerust: 0488 44 21 07.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nHebt u vragen? Bel ons gerust.\n\nLukt betalen niet? Bel Ilse Verhoef.\n\n## Vragen?\n\nUw contactpersoon is Ilse Verhoef. Bel gerust: 0488 44 21 07.";
const FACTS: &str =
    r#"{"event_type": "recovery", "is_besluit": true, "contact_name": "Ilse Verhoef"}"#;

/// The most times a letter names its contact person.
const MOST: usize = 2;

/// A letter that names the contact person more than twice.
pub(crate) struct ContactNameRepeated;

impl Rule for ContactNameRepeated {
    fn id(&self) -> &'static str {
        "contact-name-repeated"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De brief noemt de naam van de contactpersoon meer dan twee keer.",
            why: "Eén naam voor vragen helpt. Dezelfde naam in elke alinea leest als een formulier, en duwt de boodschap van de brief weg. Noem de naam in het blok \"Vragen?\", en hoogstens één keer ergens anders. Verder is \"Bel ons gerust\" genoeg.",
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
        let Some(name) = facts(doc).and_then(|f| f.contact_name.as_deref()) else {
            return;
        };
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let mut seen = 0;
        for (i, block) in doc.prose.blocks.iter().enumerate() {
            for (at, _) in block.text.match_indices(name) {
                seen += 1;
                if seen == MOST + 1 {
                    out.push(missing(
                        self.id(),
                        doc.source_range(i, at..at + name.len()).into(),
                        format!("De naam van de contactpersoon staat nu al {} keer in de brief. Twee keer is genoeg.", MOST + 1),
                        "Schrijf hier \"Bel ons gerust\" of \"uw contactpersoon\". De naam staat al in het blok \"Vragen?\".".to_string(),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{facts, findings_of, findings_with};

    #[test]
    fn the_third_mention_is_flagged_once() {
        let f = facts(FACTS);
        let text = format!("{BAD}\n\nBel Ilse Verhoef.");
        let found = findings_with(&ContactNameRepeated, &text, &f);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "Ilse Verhoef"
        );
    }

    #[test]
    fn a_text_alone_is_not_checked() {
        assert!(findings_of(&ContactNameRepeated, BAD).is_empty());
    }
}
