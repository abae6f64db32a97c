//! ## What it flags
//! A besluit that does not say that the court can be asked for a voorlopige voorziening (interim relief) when waiting cannot.
//!
//! ## Why it matters to the reader
//! An objection does not stop a decision. Someone who cannot pay the rent in the meantime must know that a judge can decide quickly.
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{contains_ci, is_decision, objection_anchor};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";

/// A besluit that does not say that the court can be asked for a voorlopige voorziening (interim relief) when waiting cannot.
pub(crate) struct ObjectionWithoutInterimRelief;

impl Rule for ObjectionWithoutInterimRelief {
    fn id(&self) -> &'static str {
        "objection-without-interim-relief"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een besluit dat niet zegt dat de lezer de rechter om een voorlopige voorziening kan vragen als wachten niet kan.",
            why: "Een bezwaar houdt het besluit niet tegen. Wie in de tussentijd de huur niet kan betalen, moet weten dat de rechter snel kan beslissen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !is_decision(doc) {
            return;
        }
        if !doc
            .prose
            .blocks
            .iter()
            .any(|b| contains_ci(&b.text, "voorlopige voorziening"))
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: objection_anchor(doc),
                message: "Het besluit zegt niet dat de lezer de rechter om een voorlopige voorziening kan vragen.".to_string(),
                fix: None,
                suggestion: Some("Schrijf: \"Kan de uitkomst niet wachten? Dan kunt u de rechter vragen om snel een tijdelijke beslissing. Dat heet een voorlopige voorziening.\"".to_string()),
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
        assert!(findings_of(&ObjectionWithoutInterimRelief, letter).is_empty());
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&ObjectionWithoutInterimRelief, BAD).len(), 1);
        assert!(findings_of(&ObjectionWithoutInterimRelief, GOOD).is_empty());
    }
}
