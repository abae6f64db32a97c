//! ## What it flags
//! A last chance or a final warning: "Dit is uw laatste kans", "laatste
//! waarschuwing", "allerlaatste aanmaning", "sommatie", "ultimatum". An offer
//! of help in the same sentence does not take the pressure away ("Betaal nu:
//! dit is uw laatste kans om kosten te voorkomen"); a negated one is not flagged.
//!
//! ## Why it matters to the reader
//! A last chance says that the door closes after this letter. People under
//! stress freeze at that, and stop opening their post.
//!
//! ## Example
//! "Dit is uw laatste kans om de achterstand te betalen."
//!
//! ## Use instead
//! "Wilt u de achterstand voor 1 juni betalen? Lukt dat niet, bel ons. Samen zoeken we een regeling."

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::readability::Document;
use crate::readability::tone;

const BAD: &str = "Dit is uw laatste kans om de achterstand te betalen.";
const GOOD: &str = "Wilt u de achterstand voor 1 juni betalen? Lukt dat niet, bel ons. Samen zoeken we een regeling.";

/// A last chance or a final warning.
pub(crate) struct Ultimatum;

impl Rule for Ultimatum {
    fn id(&self) -> &'static str {
        "ultimatum"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een laatste kans of een laatste waarschuwing: \"Dit is uw laatste kans.\"",
            why: "Een laatste kans zegt dat de deur daarna dicht gaat. Mensen met stress schrikken daarvan en openen hun post niet meer.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for sentence in tone::sentences(doc) {
            let words = tone::last_chance_words(sentence);
            if words.is_empty() {
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit is een laatste kans of een laatste waarschuwing. Dat zegt dat de deur daarna dicht gaat. Mensen schrikken daarvan en durven niet meer te bellen.",
                "Vraag wat u nodig hebt, met een datum, en bied hulp: \"Wilt u … voor [datum] betalen? Lukt dat niet, bel ons. Samen zoeken we een regeling.\"",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn last_chances_are_flagged_even_next_to_help() {
        for text in [
            "Dit is uw laatste kans om de achterstand te betalen.",
            "Betaal nu: dit is de allerlaatste kans om extra kosten te voorkomen.",
            "U krijgt hierbij een laatste waarschuwing.",
            "Deze brief is een sommatie.",
        ] {
            assert_eq!(findings_of(&Ultimatum, text).len(), 1, "{text}");
        }
        for text in [
            "Daarna krijgt u geen tweede kans meer.",
            "U krijgt geen andere mogelijkheid.",
        ] {
            assert_eq!(findings_of(&Ultimatum, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_last_day_and_a_negated_chance_are_not_flagged() {
        for text in [
            "De laatste dag om bezwaar te maken is 4 januari.",
            "Dit is niet uw laatste kans: u kunt altijd bellen.",
            "Wij sturen u de laatste betaling op 1 mei.",
            "Er is geen nieuwe kans op regen vandaag.",
        ] {
            assert!(findings_of(&Ultimatum, text).is_empty(), "{text}");
        }
    }
}
