//! ## What it flags
//! An objection clause that gives a last day but not the period: six weeks, from the day after the date of the letter.
//!
//! ## Why it matters to the reader
//! The reader must be able to check the last day. Six weeks from the day after the date of the letter is how the law counts (Awb 6:7 and 6:8).
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{is_decision, objection_anchor, objection_section, section_says};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";

/// An objection clause that gives a last day but not the period: six weeks, from the day after the date of the letter.
pub(crate) struct ObjectionPeriod;

impl Rule for ObjectionPeriod {
    fn id(&self) -> &'static str {
        "objection-period"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een bezwaarclausule met een laatste dag, maar zonder de termijn: zes weken, vanaf de dag na de datum van de brief.",
            why: "De lezer moet de laatste dag kunnen narekenen. Zo telt de wet: zes weken, vanaf de dag na de datum van de brief.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !is_decision(doc) {
            return;
        }
        let Some(section) = objection_section(doc) else {
            // No clause at all: missing-objection-clause says so.
            return;
        };
        if !(section_says(doc, section.clone(), &["zes weken"])
            && section_says(doc, section.clone(), &["dag na"]))
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: objection_anchor(doc),
                message: "De bezwaarclausule zegt niet hoe lang de termijn is en wanneer die begint.".to_string(),
                fix: None,
                suggestion: Some("Schrijf: \"U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is …\"".to_string()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn a_letter_without_a_decision_is_not_checked() {
        let letter = "Beste mevrouw Bakker,\n\nWij hebben uw aanvraag ontvangen. Bel ons gerust.";
        assert!(findings_of(&ObjectionPeriod, letter).is_empty());
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&ObjectionPeriod, BAD).len(), 1);
        assert!(findings_of(&ObjectionPeriod, GOOD).is_empty());
    }
}
