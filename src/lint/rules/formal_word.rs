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

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::Analysis;
use crate::readability::wordlists::lexicon;
use crate::text::segment::TokenKind;

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
    fn check(&self, analysis: &Analysis<'_>, out: &mut Vec<Finding>) {
        let lexicon = lexicon();
        let mut lower_words: Vec<(String, std::ops::Range<usize>)> = Vec::new();
        for sentence in analysis
            .formal_sentences
            .iter()
            .map(|i| &analysis.sentences[*i])
        {
            let block = &analysis.prose.blocks[sentence.block];
            let tokens = &analysis.segments[sentence.block].tokens[sentence.tokens.clone()];
            lower_words.clear();
            lower_words.extend(
                tokens
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct || &block.text[t.range.clone()] == ",")
                    .map(|t| (block.text[t.range.clone()].to_lowercase(), t.range.clone())),
            );
            let mut i = 0;
            while i < lower_words.len() {
                let Some(candidates) = lexicon.formal_by_first_word.get(&lower_words[i].0) else {
                    i += 1;
                    continue;
                };
                let matched = candidates.iter().find(|(entry, words)| {
                    let fits = words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| lower_words.get(i + k).is_some_and(|(lw, _)| lw == w));
                    let later_ok = match &lexicon.formal[*entry].needs_later {
                        Some(later) => lower_words[i + words.len()..]
                            .iter()
                            .any(|(lw, _)| lw == later),
                        None => true,
                    };
                    fits && later_ok
                });
                let Some((entry, words)) = matched else {
                    i += 1;
                    continue;
                };
                let range = lower_words[i].1.start..lower_words[i + words.len() - 1].1.end;
                let found = &block.text[range.clone()];
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: analysis.source_range(sentence.block, range).into(),
                    message: format!("\"{found}\" is formele taal."),
                    suggestion: Some(sentence_end(format!(
                        "Schrijf liever: {}",
                        lexicon.formal[*entry].alternative
                    ))),
                });
                i += words.len();
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
        // The analysis remembers word forms; the second "Indien" must still count.
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
