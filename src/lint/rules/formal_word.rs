//! ## What it flags
//! A formal word or phrase that has a plain alternative ("indien" → "als",
//! "met betrekking tot" → "over"). The list is data: `readability/formal-words.toml`.
//!
//! ## Why it matters to the reader
//! Formal words make a letter distant and harder to read, and they add
//! nothing: the plain word says the same.
//!
//! ## Example
//! "Indien u vragen hebt, kunt u ons bellen."
//!
//! ## Use instead
//! "Als u vragen hebt, kunt u ons bellen."
//!
//! ## Options
//! Add words to `readability/formal-words.toml`, each with a bad and a good example.

use crate::lexicon::{FORMAL_ANCHOR, lexicon};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::{Document, phrase};

const BAD: &str = "Indien u vragen hebt, kunt u ons bellen.";
const GOOD: &str = "Als u vragen hebt, kunt u ons bellen.";

/// A formal word with a plain alternative.
pub(crate) struct FormalWord;

impl Rule for FormalWord {
    fn id(&self) -> &'static str {
        "formal-word"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een formeel woord of een formele uitdrukking met een gewoon alternatief, zoals \"indien\" (als) of \"met betrekking tot\" (over).",
            why: "Formele woorden maken een brief afstandelijk en moeilijker. Het gewone woord zegt hetzelfde.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let lexicon = lexicon();
        for sentence in doc.sentences.iter().filter(|s| s.tone & FORMAL_ANCHOR != 0) {
            let needs_later = |entry: usize| lexicon.formal[entry].needs_later.as_deref();
            for found in phrase::find(doc, sentence, &lexicon.formal_by_anchor, needs_later) {
                let text = doc.text(sentence.block, found.range.clone());
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(sentence.block, found.range).into(),
                    message: format!("\"{text}\" is formele taal."),
                    suggestion: Some(sentence_end(format!(
                        "Schrijf liever: {}",
                        lexicon.formal[found.entry].alternative
                    ))),
                });
            }
        }
    }
}

/// Ends a sentence with a full stop, unless it already ends with a mark.
fn sentence_end(mut text: String) -> String {
    if !text.ends_with(['.', '?', '!', '…']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn every_entry_flags_its_bad_example_and_passes_its_good_one() {
        for entry in &lexicon().formal {
            assert!(
                !flagged(&FormalWord, &entry.bad).is_empty(),
                "not flagged: {}",
                entry.bad
            );
            assert!(
                flagged(&FormalWord, &entry.good).is_empty(),
                "flagged: {} → {:?}",
                entry.good,
                flagged(&FormalWord, &entry.good)
            );
        }
    }

    #[test]
    fn a_repeated_formal_word_is_found_every_time() {
        // The document remembers word forms; the second "Indien" must still count.
        let text = "Indien u wilt, bel ons. Wij helpen u graag. Indien u geen tijd hebt, mail ons.";
        assert_eq!(flagged(&FormalWord, text), vec!["Indien", "Indien"]);
    }

    #[test]
    fn phrases_are_found_whole() {
        assert_eq!(
            flagged(&FormalWord, "Wij bellen u met betrekking tot uw aanvraag."),
            vec!["met betrekking tot"]
        );
        assert_eq!(
            flagged(&FormalWord, "U dient het formulier te sturen."),
            vec!["dient"]
        );
        assert!(
            flagged(&FormalWord, "Dit dient als bewijs.").is_empty(),
            "\"dienen als\" is not \"dienen te\""
        );
    }
}
