//! ## What it flags
//! A sentence with more than two subordinate clauses (started by words such as
//! "omdat", "zodat", "waardoor", or "die" and "dat" after a comma).
//!
//! ## Why it matters to the reader
//! Every subordinate clause is a thought the reader has to hold until the
//! sentence ends. Three of them in one sentence is too many to follow.
//!
//! ## Example
//! "U krijgt minder geld, omdat u werk hebt, dat u ons niet meldde, waardoor
//! wij te veel betaalden."
//!
//! ## Use instead
//! "U hebt werk. Dat wisten wij niet. Daarom hebben wij te veel betaald."
//!
//! ## Options
//! `max-subordinate-clauses` (2) in `[readability]`.

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "U krijgt minder geld, omdat u werk hebt, dat u ons niet meldde, waardoor wij te veel betaalden.";
const GOOD: &str = "U hebt werk. Dat wisten wij niet. Daarom hebben wij te veel betaald.";

/// A sentence with too many subordinate clauses.
pub(crate) struct SubordinateClauses;

impl Rule for SubordinateClauses {
    fn id(&self) -> &'static str {
        "subordinate-clauses"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een zin met meer dan twee bijzinnen, zoals zinnen met \"omdat\", \"zodat\", \"waardoor\", of \"die\" en \"dat\" na een komma.",
            why: "Elke bijzin is een gedachte die de lezer moet vasthouden tot de zin klaar is. Drie is te veel.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let limit = doc.config.max_subordinate_clauses;
        for sentence in doc
            .sentences
            .iter()
            .filter(|s| s.subordinators.len() > limit)
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: doc
                    .source_range(sentence.block, sentence.range.clone())
                    .into(),
                message: format!(
                    "Deze zin heeft {} bijzinnen. Meer dan {limit} is moeilijk te volgen.",
                    sentence.subordinators.len()
                ),
                fix: None,
                suggestion: Some("Maak van elke bijzin een eigen, korte zin.".to_string()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn two_clauses_are_fine_three_are_not() {
        assert!(
            findings_of(
                &SubordinateClauses,
                "U krijgt minder geld, omdat u werk hebt, dat u meldde."
            )
            .is_empty()
        );
        assert_eq!(
            findings_of(&SubordinateClauses, BAD)[0].message,
            "Deze zin heeft 3 bijzinnen. Meer dan 2 is moeilijk te volgen."
        );
    }
}
