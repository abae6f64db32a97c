//! ## What it flags
//! A besluit that invites a call without saying that calling does not stop the six weeks, or that says a call may make an objection unnecessary.
//!
//! ## Why it matters to the reader
//! Someone who calls and waits for an answer can miss the last day. Then the objection comes too late, and the decision stands.
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{contains_ci, is_decision, objection_anchor, objection_section};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. Misschien is bezwaar dan niet nodig.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";

/// A besluit that invites a call without saying that calling does not stop the six weeks, or that says a call may make an objection unnecessary.
pub(crate) struct ObjectionCallKeepsRunning;

impl Rule for ObjectionCallKeepsRunning {
    fn id(&self) -> &'static str {
        "objection-call-keeps-running"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een besluit dat uitnodigt om te bellen, maar niet zegt dat de zes weken dan gewoon doorlopen. Of dat zegt dat bezwaar na een gesprek misschien niet nodig is.",
            why: "Wie belt en op een antwoord wacht, kan de laatste dag missen. Dan is het bezwaar te laat, en blijft het besluit staan.",
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
        if doc.prose.blocks.iter().any(|b| {
            contains_ci(&b.text, "misschien is bezwaar")
                || contains_ci(&b.text, "misschien is beroep")
        }) || !doc.prose.blocks[section.clone()].iter().any(|b| {
            contains_ci(&b.text, " door")
                && (contains_ci(&b.text, "lopen") || contains_ci(&b.text, "loopt"))
        }) {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: objection_anchor(doc),
                message: "De brief zegt niet dat de zes weken doorlopen als de lezer belt.".to_string(),
                fix: None,
                suggestion: Some("Schrijf bij het bezwaar: \"Wilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\"".to_string()),
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
        assert!(findings_of(&ObjectionCallKeepsRunning, letter).is_empty());
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&ObjectionCallKeepsRunning, BAD).len(), 1);
        assert!(findings_of(&ObjectionCallKeepsRunning, GOOD).is_empty());
    }
}
