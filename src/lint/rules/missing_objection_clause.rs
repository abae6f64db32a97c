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
use crate::readability::Document;

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
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        if !doc.is_letter {
            return;
        }
        let blocks: Vec<&str> = doc.prose.blocks.iter().map(|b| b.text.as_str()).collect();
        // A letter known to be a besluit needs the clause even when it never says "besluit".
        let Some(decision) = blocks
            .iter()
            .position(|b| DECISION_PHRASES.iter().any(|p| contains_ci(b, p)))
            .or(doc.is_besluit.then_some(0))
        else {
            return;
        };
        // The clause: "bezwaar" (or "beroep", after a decision on an objection)
        // with a date in the same block or the two after it.
        let mentions: Vec<usize> = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| contains_ci(b, "bezwaar") || contains_ci(b, "beroep"))
            .map(|(i, _)| i)
            .collect();
        let dated = mentions
            .iter()
            .any(|&i| (i..(i + 3).min(blocks.len())).any(|k| has_date(&doc.prose.blocks[k].text)));
        let problem = match (mentions.is_empty(), dated) {
            (true, _) => {
                "De brief bevat een besluit, maar zegt niet hoe de lezer bezwaar kan maken."
            }
            (false, false) => "De brief zegt dat bezwaar kan, maar niet tot welke datum.",
            (false, true) => return,
        };
        out.push(Finding {
            rule: self.id(),
            category: self.category(),
            severity: Severity::Error,
            span: first_sentence_span(doc, decision),
            message: problem.to_string(),
            fix: None,
            suggestion: Some("Zet de bezwaarclausule in de brief, in gewone woorden en met de laatste dag: zes weken na de dag na verzending.".to_string()),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::event::EventType;
    use crate::lint::{EventFacts, lint_letter};
    use crate::readability::ReadabilityConfig;

    fn flagged(text: &str, is_besluit: bool) -> bool {
        lint_letter(
            text,
            &EventFacts::of_type(EventType::ObjectionDecision, is_besluit),
            &ReadabilityConfig::default(),
        )
        .findings
        .iter()
        .any(|f| f.rule == "missing-objection-clause")
    }

    #[test]
    fn a_known_besluit_needs_the_clause_and_beroep_with_a_date_counts() {
        let without = "Beste mevrouw Bakker,\n\nWij hebben uw bezwaar opnieuw bekeken. Wij blijven bij ons besluit.\n\nBel ons gerust.";
        assert!(flagged(without, true));
        assert!(!flagged(without.replace("besluit", "plan").as_str(), false));
        let appeal = format!(
            "{without}\n\n## Bent u het niet eens?\n\nDan kunt u in beroep gaan bij de rechter. Dat kan tot en met maandag 4 januari 2027."
        );
        assert!(!flagged(&appeal, true));
    }
}
