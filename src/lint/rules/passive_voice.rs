//! ## What it flags
//! A passive: a form of "worden" or "zijn" with a past participle in the same
//! clause, also split over the sentence ("wordt … betaald", "is … gestopt",
//! "… betaald wordt"). Verbs that make their perfect with "zijn" ("is gekomen")
//! and adjectives ("is verkeerd") are not passives.
//!
//! ## Why it matters to the reader
//! A passive hides who does something. In a letter the reader needs to know
//! who decides and who acts: the municipality, or the reader.
//!
//! ## Example
//! "Uw uitkering wordt op 1 december betaald."
//!
//! ## Use instead
//! "Wij betalen uw uitkering op 1 december."

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Uw uitkering wordt op 1 december betaald.";
const GOOD: &str = "Wij betalen uw uitkering op 1 december.";

/// A sentence that does not say who acts.
pub(crate) struct PassiveVoice;

impl Rule for PassiveVoice {
    fn id(&self) -> &'static str {
        "passive-voice"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een lijdende zin: een vorm van \"worden\" of \"zijn\" met een voltooid deelwoord, zoals \"wordt betaald\" of \"is gestopt\".",
            why: "Een lijdende zin verbergt wie iets doet. De lezer wil weten wie beslist en wie iets moet doen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for sentence in &doc.sentences {
            for passive in &sentence.passives {
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(sentence.block, passive.clone()).into(),
                    message: "Dit is een lijdende zin: er staat niet wie het doet.".to_string(),
                    fix: None,
                    suggestion: Some("Zeg wie het doet, bijvoorbeeld \"Wij betalen …\" in plaats van \"… wordt betaald\".".to_string()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn split_passives_are_underlined_from_auxiliary_to_participle() {
        assert_eq!(
            flagged(&PassiveVoice, BAD),
            vec!["wordt op 1 december betaald"]
        );
        assert_eq!(
            flagged(&PassiveVoice, "Wij zien dat de huur niet betaald is."),
            vec!["betaald is"]
        );
    }

    #[test]
    fn active_perfects_are_not_passives() {
        assert!(
            flagged(
                &PassiveVoice,
                "U bent gisteren niet gekomen. Wat is er gebeurd?"
            )
            .is_empty()
        );
    }
}
