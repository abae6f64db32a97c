//! ## What it flags
//! An objection or appeal clause without the postal address to send it to.
//!
//! ## Why it matters to the reader
//! The reader must know where the letter goes. A letter to the wrong address can come too late.
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{has_postcode, is_decision, objection_anchor, objection_section};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar ons.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";

/// An objection or appeal clause without the postal address to send it to.
pub(crate) struct ObjectionWhere;

impl Rule for ObjectionWhere {
    fn id(&self) -> &'static str {
        "objection-where"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een bezwaar- of beroepsclausule zonder het postadres waar de brief heen moet.",
            why: "De lezer moet weten waar de brief heen gaat. Een brief naar het verkeerde adres kan te laat aankomen.",
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
        if !doc.prose.blocks[section.clone()]
            .iter()
            .any(|b| has_postcode(&b.text))
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: objection_anchor(doc),
                message: "De bezwaarclausule noemt geen postadres.".to_string(),
                fix: None,
                suggestion: Some("Zet het adres voor bezwaar erin (de instelling municipality.objection-address), of bij beroep het adres van de rechtbank.".to_string()),
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
        assert!(findings_of(&ObjectionWhere, letter).is_empty());
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&ObjectionWhere, BAD).len(), 1);
        assert!(findings_of(&ObjectionWhere, GOOD).is_empty());
    }
}
