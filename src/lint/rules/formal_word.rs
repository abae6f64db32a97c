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
        let mut words: Vec<std::ops::Range<usize>> = Vec::new();
        let mut lower = String::new();
        for sentence in analysis
            .formal_sentences
            .iter()
            .map(|i| &analysis.sentences[*i])
        {
            let block = &analysis.prose.blocks[sentence.block];
            let text = block.text.as_str();
            // Words (and commas, for "needs-later = ','"), compared in place without copies.
            words.clear();
            words.extend(
                analysis.segments[sentence.block].tokens[sentence.tokens.clone()]
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct || &text[t.range.clone()] == ",")
                    .map(|t| t.range.clone()),
            );
            let same = |range: &std::ops::Range<usize>, word: &str| {
                let found = &text[range.clone()];
                if found.is_ascii() {
                    found.eq_ignore_ascii_case(word)
                } else {
                    found.to_lowercase() == word
                }
            };
            // Past this index, words belong to a match already reported.
            let mut next_free = 0;
            for i in 0..words.len() {
                crate::readability::lowercase_into(&mut lower, &text[words[i].clone()]);
                let Some(forms) = lexicon.formal_by_anchor.get(lower.as_str()) else {
                    continue;
                };
                let matched = forms.iter().find_map(|form| {
                    let start = i
                        .checked_sub(form.anchor)
                        .filter(|start| *start >= next_free)?;
                    let fits = form
                        .words
                        .iter()
                        .enumerate()
                        .all(|(k, w)| words.get(start + k).is_some_and(|r| same(r, w)));
                    let later_ok = match &lexicon.formal[form.entry].needs_later {
                        Some(later) => words
                            .get(start + form.words.len()..)
                            .is_some_and(|rest| rest.iter().any(|r| same(r, later))),
                        None => true,
                    };
                    (fits && later_ok).then_some((start, form))
                });
                let Some((start, form)) = matched else {
                    continue;
                };
                let entry = form.entry;
                let range = words[start].start..words[start + form.words.len() - 1].end;
                next_free = start + form.words.len();
                let found = &text[range.clone()];
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: analysis.source_range(sentence.block, range).into(),
                    message: format!("\"{found}\" is formele taal."),
                    suggestion: Some(sentence_end(format!(
                        "Schrijf liever: {}",
                        lexicon.formal[entry].alternative
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
