//! ## What it flags
//! A letter with a decision ("dit besluit", "wij hebben besloten") that does not
//! say how to object, or not by which date.
//!
//! ## Why it matters to the reader
//! A decision about money or rights can be wrong. The reader must know that
//! objecting is possible, that it costs nothing, and by when.
//!
//! ## Example
//! "Wij hebben besloten dat u bijstand krijgt."
//!
//! ## Use instead
//! "… Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken tot en met 4 januari 2027."

use super::structure::{contains_ci, first_sentence_span, has_date};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Analysis;

const BAD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.";
const GOOD: &str = "Beste mevrouw Bakker,\n\nWij hebben besloten dat u bijstand krijgt.\n\nBent u het niet eens met dit besluit? Dan kunt u bezwaar maken tot en met 4 januari 2027.";

const DECISION_PHRASES: &[&str] = &[
    "dit besluit",
    "hebben besloten",
    "besluit genomen",
    "besluit:",
];

/// A decision without an objection clause with a last date.
pub(crate) struct MissingObjectionClause;

impl Rule for MissingObjectionClause {
    fn id(&self) -> &'static str {
        "missing-objection-clause"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een brief met een besluit, zonder uitleg hoe de lezer bezwaar maakt, of zonder de laatste dag daarvoor.",
            why: "Een besluit kan fout zijn. De lezer moet weten dat bezwaar kan, dat het niets kost, en tot wanneer.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, analysis: &Analysis<'_>, out: &mut Vec<Finding>) {
        if !analysis.is_letter {
            return;
        }
        let blocks: Vec<&str> = analysis
            .prose
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        // A letter known to be a besluit needs the clause even when it never says "besluit".
        let Some(decision) = blocks
            .iter()
            .position(|b| DECISION_PHRASES.iter().any(|p| contains_ci(b, p)))
            .or(analysis.is_besluit.then_some(0))
        else {
            return;
        };
        let objection = blocks.iter().position(|b| contains_ci(b, "bezwaar"));
        let problem = match objection {
            None => "De brief bevat een besluit, maar zegt niet hoe de lezer bezwaar kan maken.",
            Some(i)
                if !(i..(i + 3).min(blocks.len()))
                    .any(|k| has_date(&analysis.prose.blocks[k].text)) =>
            {
                "De brief zegt dat bezwaar kan, maar niet tot welke datum."
            }
            Some(_) => return,
        };
        out.push(Finding {
            rule: self.id(),
            category: self.category(),
            severity: Severity::Error,
            span: first_sentence_span(analysis, decision),
            message: problem.to_string(),
            suggestion: Some("Zet de bezwaarclausule in de brief, in gewone woorden en met de laatste dag: zes weken na de dag na verzending.".to_string()),
        });
    }
}
