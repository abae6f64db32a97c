//! ## What it flags
//! A sanction or loss (stoppen, verlagen, terugvorderen, boete …) in the first
//! paragraph after the greeting.
//!
//! ## Why it matters to the reader
//! The first lines decide how a letter is read. A sanction up front turns the
//! whole letter into a threat, before the reader knows what happened or what help there is.
//!
//! ## Example
//! "Beste mevrouw Bakker, Wij stoppen uw uitkering per 1 december."
//!
//! ## Use instead
//! "Beste mevrouw Bakker, Op 18 november hebt u met Ilse Verhoef gesproken. In deze brief leest u wat wij daarna besloten hebben."

use crate::lexicon::SANCTION;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;
use crate::text::BlockKind;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij stoppen uw uitkering per 1 december.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nOp 18 november hebt u met Ilse Verhoef gesproken. In deze brief leest u wat wij daarna besloten hebben.";

/// A consequence in the opening paragraph.
pub(crate) struct ConsequenceFirst;

impl Rule for ConsequenceFirst {
    fn id(&self) -> &'static str {
        "consequence-first"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een sanctie of verlies in de eerste alinea na de aanhef.",
            why: "De eerste regels bepalen hoe de brief gelezen wordt. Een sanctie vooraan maakt er een dreigbrief van.",
            bad: BAD,
            good: GOOD,
        }
    }

    fn about_whole_text(&self) -> bool {
        false
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !doc.is_letter {
            return;
        }
        let Some(first) = doc
            .prose
            .blocks
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, b)| b.kind == BlockKind::Paragraph)
            .map(|(i, _)| i)
        else {
            return;
        };
        if let Some(sentence) = doc
            .sentences
            .iter()
            .find(|s| s.block == first && s.tone & SANCTION != 0)
        {
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: doc.source_range(first, sentence.range.clone()).into(),
                message: "De brief begint met een sanctie of een verlies. Zo leest de hele brief als een dreigement.".to_string(),
                fix: None,
                suggestion: Some("Begin met wat er is gebeurd of wat er is besproken. Noem het gevolg daarna, samen met de hulp die er is.".to_string()),
            });
        }
    }
}
