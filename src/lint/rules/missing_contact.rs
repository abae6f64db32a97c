//! ## What it flags
//! A letter without a named contact person and a direct phone number (a general
//! number such as 14 0488 does not count).
//!
//! ## Why it matters to the reader
//! Research with people on bijstand says the same thing every time: what helps
//! is one person you can call. A letter without one leaves the reader alone.
//!
//! ## Example
//! "Beste mevrouw Bakker, … Met vriendelijke groet, Team Werk en Inkomen"
//!
//! ## Use instead
//! "… Uw contactpersoon is Ilse Verhoef. Bel gerust: 0488 44 21 07."

use super::structure::first_sentence_span;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;
use crate::text::segment::TokenKind;

const BAD: &str = "Beste mevrouw Bakker,\n\nU krijgt bijstand. Hebt u vragen? Bel 14 0488.\n\nMet vriendelijke groet,\n\nTeam Werk en Inkomen";
const GOOD: &str = "Beste mevrouw Bakker,\n\nU krijgt bijstand. Wat moet u doen? Niets. Uw contactpersoon is Ilse Verhoef. Bel gerust: 0488 44 21 07.";

/// No named contact with a direct number.
pub(crate) struct MissingContact;

impl Rule for MissingContact {
    fn id(&self) -> &'static str {
        "missing-contact"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief zonder contactpersoon met een direct telefoonnummer.",
            why: "Wat mensen in de bijstand het meest helpt, is één persoon die ze kunnen bellen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !doc.is_letter {
            return;
        }
        let direct_number = doc
            .segments
            .iter()
            .zip(&doc.prose.blocks)
            .any(|(segmented, block)| {
                segmented.tokens.iter().any(|t| {
                    let text = &block.text[t.range()];
                    t.kind == TokenKind::Special
                        && text.starts_with(['0', '+'])
                        && text.chars().filter(char::is_ascii_digit).count() >= 9
                })
            });
        if direct_number {
            return;
        }
        out.push(Finding {
            rule: self.id(),
            category: self.category(),
            severity: Severity::Error,
            span: first_sentence_span(doc, 0),
            message: "De brief noemt geen contactpersoon met een direct telefoonnummer.".to_string(),
            fix: None,
            suggestion: Some("Zet de naam en het directe nummer van de contactpersoon in de brief, en wanneer de lezer kan bellen.".to_string()),
        });
    }
}
