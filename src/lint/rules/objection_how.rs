//! ## What it flags
//! An objection clause that does not say how to object (a signed letter, or online), or that offers e-mail, which carries no signature.
//!
//! ## Why it matters to the reader
//! An objection must be signed (Awb 6:5). An e-mail is not, and the municipality does not take objections by e-mail: the reader would lose the right to object without knowing it.
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{
    is_decision, is_decision_on_objection, objection_anchor, objection_section, section_says,
};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nStuur een brief of e-mail naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";

/// An objection clause that does not say how to object (a signed letter, or online), or that offers e-mail, which carries no signature.
pub(crate) struct ObjectionHow;

impl Rule for ObjectionHow {
    fn id(&self) -> &'static str {
        "objection-how"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een bezwaarclausule die niet zegt hoe bezwaar maken gaat: een brief met handtekening, of online. Of die e-mail aanbiedt, zonder handtekening.",
            why: "Een bezwaar moet ondertekend zijn. Een e-mail is dat niet, en de gemeente neemt bezwaar per e-mail niet aan. Dan verliest de lezer zijn recht, zonder het te weten.",
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
        if !section_says(doc, section.clone(), &["handtekening", "onderteken"])
            || (!is_decision_on_objection(doc)
                && (!section_says(doc, section.clone(), &["www.", "http"])
                    || section_says(doc, section.clone(), &["e-mail", "mail het", "mailen"])))
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: objection_anchor(doc),
                message: "De bezwaarclausule zegt niet hoe de lezer bezwaar maakt: met een brief met handtekening, of online. E-mail kan niet.".to_string(),
                fix: None,
                suggestion: Some("Schrijf: \"Maak bezwaar online op … of stuur een brief met uw handtekening naar …\" en noem geen e-mail.".to_string()),
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
        assert!(findings_of(&ObjectionHow, letter).is_empty());
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&ObjectionHow, BAD).len(), 1);
        assert!(findings_of(&ObjectionHow, GOOD).is_empty());
    }
}
