//! ## What it flags
//! A besluit that does not say who decides: "namens het college van burgemeester en wethouders".
//! The college named in any of the usual ways counts: "namens burgemeester en
//! wethouders van …", "Burgemeester en wethouders van …, namens dezen", "het
//! college van B&W".
//!
//! ## Why it matters to the reader
//! Only the college, or someone on its behalf, may take the decision. A letter that does not say so cannot be signed, and the reader does not know who decided.
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{contains_ci, first_sentence_span, is_decision};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nMarieke de Boer";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\n## Bent u het niet eens met dit besluit?\n\nDan kunt u bezwaar maken. U hebt daarvoor zes weken, vanaf de dag na de datum van deze brief. De laatste dag is maandag 4 januari 2027.\n\nMaak bezwaar online op www.waalmonde.nl/bezwaar, of stuur een brief met uw handtekening naar Postbus 4100, 6500 AA Waalmonde.\n\nWilt u eerst met ons praten? Bel ons gerust. De zes weken lopen dan wel gewoon door.\n\nKan de uitkomst niet wachten? Vraag de rechter dan om een voorlopige voorziening.\n\nMet vriendelijke groet,\n\nnamens het college van burgemeester en wethouders van Waalmonde,\n\nMarieke de Boer";

/// The ways a letter names the college of burgemeester en wethouders (lower
/// case; "burgemeester en wethouders" holds "het college van burgemeester en wethouders").
const COLLEGE_NAMES: &[&str] = &[
    "burgemeester en wethouders",
    "college van b&w",
    "college van b en w",
];

/// A besluit that does not say who decides: "namens het college van burgemeester en wethouders".
pub(crate) struct DecisionWithoutCollege;

impl Rule for DecisionWithoutCollege {
    fn id(&self) -> &'static str {
        "decision-without-college"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een besluit dat niet zegt wie beslist: \"namens het college van burgemeester en wethouders\".",
            why: "Alleen het college mag dit besluit nemen, of iemand namens het college. Staat dat er niet, dan kan de jurist de brief niet tekenen en weet de lezer niet wie besliste.",
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
            .any(|b| COLLEGE_NAMES.iter().any(|name| contains_ci(&b.text, name)))
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: first_sentence_span(doc, doc.prose.blocks.len().saturating_sub(1)),
                message: "Dit besluit zegt niet wie beslist.".to_string(),
                fix: None,
                suggestion: Some("Zet boven de ondertekening: \"namens het college van burgemeester en wethouders van …\" (de instelling municipality.college).".to_string()),
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
        assert!(findings_of(&DecisionWithoutCollege, letter).is_empty());
    }

    #[test]
    fn the_college_named_in_the_usual_ways_is_enough() {
        for signature in [
            "Namens burgemeester en wethouders van Waalmonde,",
            "Burgemeester en wethouders van Waalmonde, namens dezen,",
            "Namens het college van B&W van Waalmonde,",
        ] {
            let letter = GOOD.replace(
                "namens het college van burgemeester en wethouders van Waalmonde,",
                signature,
            );
            assert_ne!(letter, GOOD, "the signature was replaced");
            assert!(
                findings_of(&DecisionWithoutCollege, &letter).is_empty(),
                "{signature}"
            );
        }
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&DecisionWithoutCollege, BAD).len(), 1);
        assert!(findings_of(&DecisionWithoutCollege, GOOD).is_empty());
    }
}
