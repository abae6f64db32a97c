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

use super::structure::{contains_ci, has_date};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Analysis;
use regex::Regex;
use std::sync::OnceLock;

const BAD: &str = "Stuur de papieren binnen 14 dagen na dagtekening.";
const GOOD: &str = "Stuur de papieren voor maandag 7 december 2026.";

/// A deadline without a date.
pub(crate) struct VagueDeadline;

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)binnen\s+(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|tien|veertien)\s+(dag|dagen|werkdag|werkdagen|week|weken|maand|maanden)(?-u:\b)|(?-u:\b)zo\s+(spoedig|snel)\s+mogelijk(?-u:\b)|(?-u:\b)z\.s\.m\.|(?-u:\b)per\s+omgaande(?-u:\b)|(?-u:\b)na\s+dagtekening(?-u:\b)|(?-u:\b)op\s+korte\s+termijn(?-u:\b)")
            .expect("the deadline pattern is valid")
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
    fn check(&self, analysis: &Analysis<'_>, out: &mut Vec<Finding>) {
        for sentence in &analysis.sentences {
            let text = analysis.text(sentence.block, sentence.range.clone());
            // Cheap words first; the patterns only run where one of them is.
            if ![
                "binnen",
                "mogelijk",
                "z.s.m",
                "omgaande",
                "dagtekening",
                "termijn",
            ]
            .iter()
            .any(|w| contains_ci(text, w))
            {
                continue;
            }
            if let Some(found) = pattern().find(text).filter(|_| !has_date(text)) {
                let start = sentence.range.start + found.start();
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: analysis
                        .source_range(sentence.block, start..start + found.len())
                        .into(),
                    message: "Hier staat een termijn zonder datum. De lezer moet dan zelf rekenen."
                        .to_string(),
                    suggestion: Some(
                        "Noem de datum, bijvoorbeeld \"voor maandag 7 december 2026\".".to_string(),
                    ),
                });
            }
        }
    }
}
