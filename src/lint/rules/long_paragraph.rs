//! ## What it flags
//! A paragraph of more than 100 words.
//!
//! ## Why it matters to the reader
//! A large block of text looks hard before anyone reads a word. Short
//! paragraphs, each about one thing, let the reader find what matters.
//!
//! ## Example
//! A paragraph that explains the decision, the amounts, the dates and what to
//! do, all in one block.
//!
//! ## Use instead
//! One paragraph a subject, with a heading, and steps as a list.
//!
//! ## Options
//! `long-paragraph-words` (100) in `[readability]`.

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Wij hebben uw aanvraag bekeken. U krijgt bijstand. Het bedrag is elke maand hetzelfde. Wij betalen het geld op uw rekening. Dat doen wij aan het eind van de maand. Krijgt u ander inkomen? Vertel het ons dan. Dan klopt het bedrag. Gaat u samenwonen? Vertel het ons dan ook. Verhuist u? Geef uw nieuwe adres door. Krijgt u een erfenis? Ook dat moet u vertellen. Twijfelt u of iets belangrijk is? Bel dan uw contactpersoon. Die helpt u graag. Wij sturen u elke maand een overzicht. Daarop ziet u wat u krijgt. Bewaar het overzicht goed. U hebt het soms nodig voor de huur. Of voor de zorgtoeslag. Hebt u vragen over het overzicht? Bel ons gerust.";
const GOOD: &str = "Wij hebben uw aanvraag bekeken. U krijgt bijstand.\n\nWij betalen het geld aan het eind van de maand op uw rekening.\n\nVerandert er iets? Bel dan uw contactpersoon.";

/// A paragraph with too many words.
pub(crate) struct LongParagraph;

impl Rule for LongParagraph {
    fn id(&self) -> &'static str {
        "long-paragraph"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een alinea met meer dan 100 woorden.",
            why: "Een groot blok tekst ziet er moeilijk uit. Korte alinea's over één onderwerp helpen de lezer zoeken.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let limit = doc.config.long_paragraph_words;
        for (block, words) in doc.block_words.iter().enumerate() {
            if *words <= limit || !doc.is_paragraph(block) {
                continue;
            }
            let text_len = doc.prose.blocks[block].text.len();
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: doc.source_range(block, 0..text_len).into(),
                message: format!(
                    "Deze alinea heeft {words} woorden. Houd een alinea onder de {limit} woorden."
                ),
                fix: None,
                suggestion: Some(
                    "Maak er meer alinea's van, elk over één onderwerp. Zet stappen in een lijst."
                        .to_string(),
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn the_whole_paragraph_is_the_span() {
        let findings = findings_of(&LongParagraph, BAD);
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (findings[0].span.start, findings[0].span.end),
            (0, BAD.len())
        );
    }
}
