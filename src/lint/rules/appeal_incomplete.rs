//! ## What it flags
//! A decision on an objection whose appeal clause does not name the court, the court fee (griffierecht) as an amount, or that an exemption can be asked.
//!
//! ## Why it matters to the reader
//! After the objection, the next step is the court. The reader must know which court, what it costs (a fixed fee) and that someone who cannot pay can ask to be exempted.
//!
//! ## Example
//! See `BAD`: a decision letter without it.
//!
//! ## Use instead
//! See `GOOD`: the same letter with it.

use super::structure::{
    is_decision_on_objection, objection_anchor, objection_section, section_says,
};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten: uw bezwaar is gegrond.\n\n## Bent u het niet eens met deze beslissing?\n\nDan kunt u in beroep gaan. De laatste dag is maandag 4 januari 2027. Stuur een brief met uw handtekening naar Rechtbank Gelderland, Postbus 9030, 6800 EM Arnhem.\n\nVoor beroep vraagt de rechtbank een bedrag. Hebt u weinig geld? Dan is dat bedrag lager.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten: uw bezwaar is gegrond.\n\n## Bent u het niet eens met deze beslissing?\n\nDan kunt u in beroep gaan. De laatste dag is maandag 4 januari 2027. Stuur een brief met uw handtekening naar Rechtbank Gelderland, Postbus 9030, 6800 EM Arnhem.\n\nVoor beroep betaalt u griffierecht: € 54,00. Kunt u dat echt niet betalen? Vraag de rechtbank dan om vrijstelling.";

/// A decision on an objection whose appeal clause does not name the court, the court fee (griffierecht) as an amount, or that an exemption can be asked.
pub(crate) struct AppealIncomplete;

impl Rule for AppealIncomplete {
    fn id(&self) -> &'static str {
        "appeal-incomplete"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een beslissing op bezwaar zonder de naam van de rechtbank, zonder het griffierecht als bedrag, of zonder dat vrijstelling gevraagd kan worden.",
            why: "Na het bezwaar is de rechter de volgende stap. De lezer moet weten welke rechtbank, wat het kost (een vast bedrag) en dat wie niet kan betalen om vrijstelling kan vragen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !is_decision_on_objection(doc) {
            return;
        }
        let Some(section) = objection_section(doc) else {
            // No clause at all: missing-objection-clause says so.
            return;
        };
        if !(section_says(doc, section.clone(), &["rechtbank"])
            && section_says(doc, section.clone(), &["griffierecht"])
            && section_says(doc, section.clone(), &["€"])
            && section_says(doc, section.clone(), &["vrijstelling"]))
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: objection_anchor(doc),
                message: "De beroepsclausule noemt niet de rechtbank, het griffierecht als bedrag en de vrijstelling.".to_string(),
                fix: None,
                suggestion: Some("Noem de rechtbank met adres (instelling court), het griffierecht van dit jaar (court.fee_cents) en dat de lezer om vrijstelling kan vragen.".to_string()),
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
        assert!(findings_of(&AppealIncomplete, letter).is_empty());
    }

    #[test]
    fn the_bad_example_is_flagged_once_and_the_good_one_not() {
        assert_eq!(findings_of(&AppealIncomplete, BAD).len(), 1);
        assert!(findings_of(&AppealIncomplete, GOOD).is_empty());
    }
}
