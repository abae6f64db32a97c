//! ## What it flags
//! A law article in the running text ("artikel 18 lid 2 Participatiewet", "Awb 4:8").
//! In the "Waarom mag de gemeente dit?" box (a block quote) it is fine.
//!
//! ## Why it matters to the reader
//! Article numbers make a letter look like a court paper, and say nothing to
//! most readers. The lawyer needs them; the reader needs to know why.
//!
//! ## Example
//! "Op grond van artikel 18 lid 2 Participatiewet verlagen wij uw uitkering."
//!
//! ## Use instead
//! "Wij verlagen uw uitkering een tijd." and in the box: "> artikel 18 lid 2 Participatiewet"

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;
use crate::text::BlockKind;
use crate::text::fixed_pattern::{self, Pattern, Step};

const BAD: &str = "Op grond van artikel 18 lid 2 Participatiewet verlagen wij uw uitkering.";
const GOOD: &str = "Wij verlagen uw uitkering een tijd.\n\n> **Waarom mag de gemeente dit?**\n>\n> De regels staan in artikel 18 lid 2 Participatiewet.";

/// A law article outside the box.
pub(crate) struct LawArticleInText;

/// A law article: "artikel 18 lid 2", "art. 4:6", "Awb 6:7", in any case. A
/// law named without an article ("volgens de Participatiewet") tells the
/// reader which rules count, and is no article.
const PATTERN: &Pattern = &Pattern::new(&[
    &[
        Step::Boundary,
        Step::OneOf(&["artikel", "art."]),
        Step::Either(&[&[Step::Space], &[]]),
        Step::Digits {
            min: 1,
            max: usize::MAX,
        },
        Step::Either(&[&[Step::Letter], &[]]),
        Step::Boundary,
    ],
    &[
        Step::Boundary,
        Step::Text("lid"),
        Step::Space,
        Step::Digits {
            min: 1,
            max: usize::MAX,
        },
        Step::Boundary,
    ],
    &[
        Step::Boundary,
        Step::OneOf(&["participatiewet", "awb", "algemene wet bestuursrecht"]),
        Step::Boundary,
        Step::Space,
        Step::Digits {
            min: 1,
            max: usize::MAX,
        },
        Step::Text(":"),
        Step::Digits {
            min: 1,
            max: usize::MAX,
        },
    ],
]);

impl Rule for LawArticleInText {
    fn id(&self) -> &'static str {
        "law-article-in-text"
    }
    fn category(&self) -> Category {
        Category::Structure
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een wetsartikel in de lopende tekst. In het kader \"Waarom mag de gemeente dit?\" mag het wel.",
            why: "Artikelnummers maken een brief juridisch en zeggen de meeste lezers niets. De lezer wil weten waarom.",
            bad: BAD,
            good: GOOD,
        }
    }

    fn about_whole_text(&self) -> bool {
        false
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for (index, block) in doc.prose.blocks.iter().enumerate() {
            if block.in_quote || block.kind == BlockKind::Heading {
                continue;
            }
            if let Some(found) = fixed_pattern::find_iter(&block.text, PATTERN).next() {
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(index, found).into(),
                    message: "Een wetsartikel in de lopende tekst maakt de brief moeilijk en afstandelijk.".to_string(),
                    fix: None,
                    suggestion: Some("Leg in gewone woorden uit waarom, en zet het artikel in het kader \"Waarom mag de gemeente dit?\".".to_string()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fixed_pattern::testing::assert_same_as_regex;

    const TEXTS: &[&str] = &[
        BAD,
        GOOD,
        "Zie Art. 4 lid 2 AWB.",
        "Artikel 18a van de Participatiewet.",
        "De Algemene wet bestuursrecht 6:7.",
        "U krijgt bijstand volgens de Participatiewet en de Awb.",
        "artikel18ab, art.\u{a0}4\u{212A}, lid\u{a0}3, awb\u{a0}4:6 en Awb  4:",
    ];

    #[test]
    fn a_law_by_name_is_no_article() {
        let rule = LawArticleInText;
        let flagged = |text| crate::lint::rules::testing::flagged(&rule, text);
        assert!(flagged("U krijgt bijstand volgens de Participatiewet en de Awb.").is_empty());
        assert_eq!(flagged("Dat staat in Awb 6:7."), vec!["Awb 6:7"]);
        assert_eq!(
            flagged("Dat staat in artikel 18 van de Participatiewet."),
            vec!["artikel 18"]
        );
    }

    #[test]
    fn the_pattern_finds_what_its_regex_finds() {
        let regex = r"(?i)(?-u:\b)(artikel|art\.)\s*[0-9]+[a-z]?(?-u:\b)|(?-u:\b)lid\s+[0-9]+(?-u:\b)|(?-u:\b)(participatiewet|awb|algemene wet bestuursrecht)(?-u:\b)\s+[0-9]+:[0-9]+";
        let fixtures = crate::lint::rules::testing::fixture_texts();
        let mut texts: Vec<&str> = TEXTS.to_vec();
        texts.extend(fixtures.iter().map(String::as_str));
        assert_same_as_regex(PATTERN, regex, &texts, 200_000);
    }
}
