//! ## What it flags
//! A sentence of more than 15 words (a warning) or more than 20 words (an error).
//!
//! ## Why it matters to the reader
//! A long sentence asks the reader to keep many things in mind at once. Readers
//! at B1 level lose the thread; many read the sentence again, or stop.
//!
//! ## Example
//! "Wij hebben uw aanvraag voor een bijstandsuitkering ontvangen en wij gaan nu
//! kijken of u recht hebt op bijstand en hoeveel geld u dan krijgt."
//!
//! ## Use instead
//! "Wij hebben uw aanvraag ontvangen. Wij kijken nu of u recht hebt op bijstand.
//! En hoeveel geld u dan krijgt."
//!
//! ## Options
//! `long-sentence-warning` (15) and `long-sentence-error` (20) in `[readability]`.

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Document;

const BAD: &str = "Wij hebben uw aanvraag voor een bijstandsuitkering ontvangen en wij gaan nu kijken of u recht hebt op bijstand en hoeveel geld u dan krijgt.";
const GOOD: &str = "Wij hebben uw aanvraag ontvangen. Wij kijken nu of u recht hebt op bijstand. En hoeveel geld u dan krijgt.";

/// A sentence with too many words.
pub(crate) struct LongSentence;

impl Rule for LongSentence {
    fn id(&self) -> &'static str {
        "long-sentence"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een zin met meer dan 15 woorden (waarschuwing) of meer dan 20 woorden (fout).",
            why: "In een lange zin moet de lezer veel tegelijk onthouden. Veel lezers raken de draad kwijt.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let config = doc.config;
        for sentence in &doc.sentences {
            let severity = if sentence.words > config.long_sentence_error {
                Severity::Error
            } else if sentence.words > config.long_sentence_warning {
                Severity::Warning
            } else {
                continue;
            };
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity,
                span: doc.source_range(sentence.block, sentence.range.clone()).into(),
                message: format!(
                    "Deze zin heeft {} woorden. Zinnen tot {} woorden zijn het makkelijkst te lezen.",
                    sentence.words, config.long_sentence_warning
                ),
                fix: None,
                suggestion: Some("Maak er twee of meer zinnen van, met één gedachte in elke zin.".to_string()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn a_sentence_of_16_words_warns_and_of_21_is_an_error() {
        let sixteen = "Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien.";
        assert_eq!(
            findings_of(&LongSentence, sixteen)[0].severity,
            Severity::Warning
        );
        let twenty_one = "Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig eenentwintig.";
        assert_eq!(
            findings_of(&LongSentence, twenty_one)[0].severity,
            Severity::Error
        );
        let fifteen = "Een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien.";
        assert!(findings_of(&LongSentence, fifteen).is_empty());
    }

    #[test]
    fn abbreviations_and_amounts_do_not_split_or_lengthen_wrongly() {
        // 13 words: "o.a." does not end the sentence, "€ 1.250,00" is one word.
        let text = "Wij betalen o.a. de huur van € 1.250,00 per maand voor u en uw kinderen.";
        assert!(findings_of(&LongSentence, text).is_empty());
    }
}
