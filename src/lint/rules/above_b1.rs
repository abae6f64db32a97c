//! ## What it flags
//! A text whose level, from its sentence length, difficult words, passives and
//! paragraph length, is above B1 (see [`crate::readability`] for how the level is decided).
//!
//! ## Why it matters to the reader
//! One in five Dutch adults has trouble reading. Letters about money and
//! rights must be at B1 so that almost everyone can follow them.
//!
//! ## Example
//! "Indien u niet tijdig de gevraagde bescheiden overlegt, zal uw aanvraag
//! conform de wet buiten behandeling worden gesteld."
//!
//! ## Use instead
//! "Stuur de papieren voor 1 december. Dan kunnen wij uw aanvraag afmaken."
//!
//! ## Options
//! The level limits in `[readability.levels]`.

use crate::dutch::{decimal, plural};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity, Span};
use crate::readability::{Document, Level};

const BAD: &str = "Indien u niet tijdig de gevraagde bescheiden overlegt, zal uw aanvraag conform de wet buiten behandeling worden gesteld.";
const GOOD: &str = "Stuur de papieren voor 1 december. Dan kunnen wij uw aanvraag afmaken.";

/// The whole text reads above B1.
pub(crate) struct AboveB1;

impl Rule for AboveB1 {
    fn id(&self) -> &'static str {
        "above-b1"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De hele tekst is moeilijker dan taalniveau B1.",
            why: "Eén op de vijf volwassenen in Nederland leest moeilijk. Een brief over geld en rechten moet voor iedereen te volgen zijn.",
            bad: BAD,
            good: GOOD,
        }
    }

    fn about_whole_text(&self) -> bool {
        true
    }

    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let metrics = doc.metrics();
        if metrics.level <= Level::B1 || metrics.words == 0 {
            return;
        }
        let b1 = doc.config.levels.b1;
        let mut reasons = Vec::new();
        if metrics.avg_sentence_words > b1.avg_sentence_words {
            reasons.push(format!(
                "de zinnen zijn gemiddeld {} woorden (B1: hoogstens {})",
                decimal(metrics.avg_sentence_words),
                b1.avg_sentence_words
            ));
        }
        if metrics.max_sentence_words > b1.max_sentence_words {
            reasons.push(format!(
                "de langste zin heeft {} woorden (B1: hoogstens {})",
                metrics.max_sentence_words, b1.max_sentence_words
            ));
        }
        if metrics.difficult_word_share > b1.difficult_word_share
            && doc.judged_words() >= crate::readability::MIN_WORDS_FOR_SHARE
        {
            reasons.push(format!(
                "{} van de woorden is moeilijk (B1: hoogstens {})",
                percent(metrics.difficult_word_share),
                percent(b1.difficult_word_share)
            ));
        }
        let passive_share = if metrics.sentences == 0 {
            0.0
        } else {
            metrics.passives as f64 / metrics.sentences as f64
        };
        if passive_share > b1.passive_share {
            reasons.push(format!(
                "er {} {} lijdende {}",
                plural(metrics.passives, "staat", "staan"),
                metrics.passives,
                plural(metrics.passives, "zin", "zinnen")
            ));
        }
        if metrics.max_paragraph_words > b1.max_paragraph_words {
            reasons.push(format!(
                "de langste alinea heeft {} woorden (B1: hoogstens {})",
                metrics.max_paragraph_words, b1.max_paragraph_words
            ));
        }
        // Point at the first sentence: the finding is about the whole text.
        let span = doc
            .sentences
            .first()
            .map_or(Span { start: 0, end: 0 }, |s| {
                doc.source_range(s.block, s.range.clone()).into()
            });
        out.push(Finding {
            rule: self.id(),
            category: self.category(),
            severity: Severity::Error,
            span,
            message: format!("De tekst is op niveau {}, niet op B1: {}.", metrics.level, reasons.join("; ")),
            fix: None,
            suggestion: Some("Los eerst de meldingen over lange zinnen, moeilijke woorden en lijdende zinnen op.".to_string()),
        });
    }
}

fn percent(share: f64) -> String {
    format!("{}%", decimal(share * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn the_message_says_why() {
        let findings = findings_of(&AboveB1, BAD);
        assert_eq!(findings.len(), 1);
        assert!(
            findings[0].message.starts_with("De tekst is op niveau"),
            "{}",
            findings[0].message
        );
        assert!(
            findings[0].message.contains("lijdende zin"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn an_empty_text_has_no_level_finding() {
        assert!(findings_of(&AboveB1, "").is_empty());
    }
}
