//! ## What it flags
//! A deadline without a date: "binnen 14 dagen", "binnen twee weken",
//! "zo spoedig mogelijk", "per omgaande", "na dagtekening".
//!
//! ## Why it matters to the reader
//! "Binnen 14 dagen" makes the reader count, and from which day? A date is
//! clear, and it is the same for everyone.
//!
//! ## Example
//! "Stuur de papieren binnen 14 dagen na dagtekening."
//!
//! ## Use instead
//! "Stuur de papieren voor maandag 7 december 2026."

use super::structure::has_date;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;
use regex::Regex;
use std::sync::OnceLock;

const BAD: &str = "Stuur de papieren binnen 14 dagen na dagtekening.";
const GOOD: &str = "Stuur de papieren voor maandag 7 december 2026.";

/// A deadline without a date.
pub(crate) struct VagueDeadline;

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)binnen\s+([0-9]+|een|één|twee|drie|vier|vijf|zes|zeven|acht|tien|veertien)\s+(dag|dagen|werkdag|werkdagen|week|weken|maand|maanden)(?-u:\b)|(?-u:\b)zo\s+(spoedig|snel)\s+mogelijk(?-u:\b)|(?-u:\b)z\.s\.m\.|(?-u:\b)per\s+omgaande(?-u:\b)|(?-u:\b)na\s+dagtekening(?-u:\b)|(?-u:\b)op\s+korte\s+termijn(?-u:\b)")
            .expect("the deadline pattern is valid")
    })
}

/// A piece of text every match of [`pattern`] holds, ignoring ASCII case: a
/// block without one is not searched with the full pattern. Each piece leaves
/// out "k" and "s", the two letters that case-insensitive matching also finds
/// outside ASCII (the Kelvin sign, the long s), so a plain ASCII search finds
/// every place the pattern can match.
fn cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    CUE.get_or_init(|| {
        Regex::new(r"(?i-u)binnen|mogelij|\.m\.|omgaande|dagte|termijn")
            .expect("the deadline cue is valid")
    })
}

impl Rule for VagueDeadline {
    fn id(&self) -> &'static str {
        "vague-deadline"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een termijn zonder datum, zoals \"binnen 14 dagen\" of \"zo spoedig mogelijk\".",
            why: "Bij \"binnen 14 dagen\" moet de lezer rekenen, en vanaf welke dag? Een datum is duidelijk.",
            bad: BAD,
            good: GOOD,
        }
    }

    fn about_whole_text(&self) -> bool {
        false
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // One search a block (the pattern starts with words, so the engine skips ahead
        // fast); a match counts unless its sentence also gives a date.
        for (block_index, block) in doc.prose.blocks.iter().enumerate() {
            // One finding a sentence: "binnen 8 werkdagen na dagtekening" is one deadline.
            if !cue().is_match(&block.text) {
                continue;
            }
            let mut reported: Option<std::ops::Range<usize>> = None;
            for found in pattern().find_iter(&block.text) {
                if reported
                    .as_ref()
                    .is_some_and(|r| r.contains(&found.start()))
                {
                    continue;
                }
                let sentence = doc.sentence_holding(block_index, found.range());
                let sentence_text = sentence.map_or(block.text.as_str(), |s| {
                    doc.text(block_index, s.range.clone())
                });
                if has_date(sentence_text) {
                    continue;
                }
                reported = sentence.map(|s| s.range.clone());
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(block_index, found.range()).into(),
                    message: "Hier staat een termijn zonder datum. De lezer moet dan zelf rekenen."
                        .to_string(),
                    fix: None,
                    suggestion: Some(
                        "Noem de datum, bijvoorbeeld \"voor maandag 7 december 2026\".".to_string(),
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_is_in_every_match_of_the_pattern() {
        crate::lint::rules::testing::assert_cue_in_every_match(
            cue(),
            pattern(),
            &[
                BAD,
                GOOD,
                "Reageer zo SNEL mogelijk.",
                "Betaal Z.S.M. terug.",
                "Per omgaande.",
                "Binnen twee weken na dagtekening.",
                "Op korte termijn.",
            ],
        );
    }
}
