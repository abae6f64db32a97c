//! ## What it flags
//! A letter that does not say what the reader has to do (or that nothing needs doing).
//!
//! ## Why it matters to the reader
//! People read a letter from the municipality to find out one thing: do I
//! have to do something? If the letter does not say, they worry or guess.
//!
//! ## Example
//! "Beste mevrouw Bakker, Uw uitkering verandert per 1 januari."
//!
//! ## Use instead
//! "… Wat moet u doen? U hoeft niets te doen. Wij betalen het nieuwe bedrag vanzelf."

use super::structure::{contains_ci, first_sentence_span};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nUw uitkering verandert per 1 januari.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nUw uitkering verandert per 1 januari.\n\n## Wat moet u doen?\n\nU hoeft niets te doen.";

const ACTION_PHRASES: &[&str] = &[
    "doen", "wilt u", "stuur ", "stuurt u", "bel ", "belt u", "kom ", "komt u",
];

/// No word on what the reader has to do.
pub(crate) struct MissingAction;

impl Rule for MissingAction {
    fn id(&self) -> &'static str {
        "missing-action"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief die niet zegt wat de lezer moet doen, of dat hij niets hoeft te doen.",
            why: "Mensen lezen een brief van de gemeente om te weten: moet ik iets doen? Staat dat er niet, dan gaan ze piekeren.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !doc.is_letter {
            return;
        }
        let says_what_to_do = doc
            .prose
            .blocks
            .iter()
            .any(|b| ACTION_PHRASES.iter().any(|p| contains_ci(&b.text, p)));
        if says_what_to_do {
            return;
        }
        out.push(Finding {
            rule: self.id(),
            category: self.category(),
            severity: Severity::Warning,
            span: first_sentence_span(doc, 0),
            message: "De brief zegt niet wat de lezer moet doen.".to_string(),
            fix: None,
            suggestion: Some("Zet er een kopje \"Wat moet u doen?\" in, met een datum. Of schrijf \"U hoeft niets te doen.\"".to_string()),
        });
    }
}
