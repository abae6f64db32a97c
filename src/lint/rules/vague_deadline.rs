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
use crate::text::fixed_pattern::{self, Pattern, Step};

const BAD: &str = "Stuur de papieren binnen 14 dagen na dagtekening.";
const GOOD: &str = "Stuur de papieren voor maandag 7 december 2026.";

/// A deadline without a date.
pub(crate) struct VagueDeadline;

/// A deadline without a date: "binnen 14 dagen", "zo snel mogelijk", "z.s.m.",
/// "per omgaande", "na dagtekening", "op korte termijn", in any case.
const PATTERN: &Pattern = &Pattern::new(&[
    &[
        Step::Boundary,
        Step::Text("binnen"),
        Step::Space,
        Step::Either(&[
            &[Step::Digits {
                min: 1,
                max: usize::MAX,
            }],
            &[Step::OneOf(&[
                "een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "tien",
                "veertien",
            ])],
        ]),
        Step::Space,
        Step::OneOf(&[
            "dag",
            "dagen",
            "werkdag",
            "werkdagen",
            "week",
            "weken",
            "maand",
            "maanden",
        ]),
        Step::Boundary,
    ],
    &[
        Step::Boundary,
        Step::Text("zo"),
        Step::Space,
        Step::OneOf(&["spoedig", "snel"]),
        Step::Space,
        Step::Text("mogelijk"),
        Step::Boundary,
    ],
    &[Step::Boundary, Step::Text("z.s.m.")],
    &[
        Step::Boundary,
        Step::Text("per"),
        Step::Space,
        Step::Text("omgaande"),
        Step::Boundary,
    ],
    &[
        Step::Boundary,
        Step::Text("na"),
        Step::Space,
        Step::Text("dagtekening"),
        Step::Boundary,
    ],
    &[
        Step::Boundary,
        Step::Text("op"),
        Step::Space,
        Step::Text("korte"),
        Step::Space,
        Step::Text("termijn"),
        Step::Boundary,
    ],
]);

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
        // One search a block (the search skips every byte no match can start
        // with); a match counts unless its sentence also gives a date.
        for (block_index, block) in doc.prose.blocks.iter().enumerate() {
            // One finding a sentence: "binnen 8 werkdagen na dagtekening" is one deadline.
            let mut reported: Option<std::ops::Range<usize>> = None;
            for found in fixed_pattern::find_iter(&block.text, PATTERN) {
                if reported.as_ref().is_some_and(|r| r.contains(&found.start)) {
                    continue;
                }
                let sentence = doc.sentence_holding(block_index, found.clone());
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
                    span: doc.source_range(block_index, found.clone()).into(),
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
    use crate::text::fixed_pattern::testing::assert_same_as_regex;

    /// The pattern as a regular expression: what [`PATTERN`] was before it was matched by hand.
    const REGEX: &str = r"(?i)(?-u:\b)binnen\s+([0-9]+|een|één|twee|drie|vier|vijf|zes|zeven|acht|tien|veertien)\s+(dag|dagen|werkdag|werkdagen|week|weken|maand|maanden)(?-u:\b)|(?-u:\b)zo\s+(spoedig|snel)\s+mogelijk(?-u:\b)|(?-u:\b)z\.s\.m\.|(?-u:\b)per\s+omgaande(?-u:\b)|(?-u:\b)na\s+dagtekening(?-u:\b)|(?-u:\b)op\s+korte\s+termijn(?-u:\b)";

    const TEXTS: &[&str] = &[
        BAD,
        GOOD,
        "Reageer zo SNEL mogelijk.",
        "Betaal Z.S.M. terug.",
        "Per omgaande.",
        "Binnen twee weken na dagtekening.",
        "Op korte termijn.",
        "Binnen\u{a0}14\u{a0}werkdagen, binnen 1234 maanden of binnen één week.",
        "binnen 14 dagelijkse dagen; zo snel mogelijkheid; z.s.m",
    ];

    #[test]
    fn the_pattern_finds_what_its_regex_finds() {
        let fixtures = crate::lint::rules::testing::fixture_texts();
        let texts: Vec<&str> = TEXTS
            .iter()
            .copied()
            .chain(fixtures.iter().map(String::as_str))
            .collect();
        assert_same_as_regex(PATTERN, REGEX, &texts, 200_000);
    }
}
