//! ## What it flags
//! A rare word: its Zipf frequency is below 3 (about once in a million words)
//! or it is not among the 50,000 most used Dutch words, and it is not a
//! compound of common parts, a listed form of a common word ("inlevert") or a
//! common word with an accent for stress ("mág"). Names, numbers, amounts and
//! dates are never flagged.
//! A word gets one finding: when misspelled-word, formal-word or
//! unexplained-jargon flags it, that finding names the fix and this one is left
//! out (a misspelled word is only rare because of the typo). A legal word of
//! `readability/jargon.toml` ("gegrond") is left to unexplained-jargon, which
//! flags it only where the letter does not explain it.
//!
//! ## Why it matters to the reader
//! A word the reader does not know stops the reading. In a letter about money,
//! a word nobody explains makes people guess what they must do.
//!
//! ## Example
//! "Volgens de vigerende regels krijgt u vakantiegeld."
//!
//! ## Use instead
//! "Volgens de regels van nu krijgt u vakantiegeld."
//!
//! ## Options
//! `rare-zipf` (3.0) in `[readability]`.

use crate::dutch::thousands;
use crate::lint::rules::unexplained_jargon::one_word_terms;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::{Document, Verdict};

const BAD: &str = "Volgens de vigerende regels krijgt u vakantiegeld.";
const GOOD: &str = "Volgens de regels van nu krijgt u vakantiegeld.";

/// A word few readers know.
pub(crate) struct DifficultWord;

impl Rule for DifficultWord {
    fn id(&self) -> &'static str {
        "difficult-word"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een woord dat weinig mensen kennen: het staat niet bij de meest gebruikte woorden, en het is geen samenstelling van bekende woorden.",
            why: "Een onbekend woord laat de lezer stoppen. In een brief over geld moet de lezer dan raden wat hij moet doen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let total = crate::lexicon::lexicon().frequency_words;
        // The forms of this text that are legal words of jargon.toml, found through
        // the lemmas the morphology layer already has: unexplained-jargon judges them.
        let terms = one_word_terms();
        let jargon: rustc_hash::FxHashSet<&str> = doc
            .morphology()
            .words
            .iter()
            .filter(|w| terms.contains(&w.form) || terms.contains(&w.lemma))
            .map(|w| w.form.as_str())
            .collect();
        for word in doc.notable_words() {
            let Verdict::Rare(frequency) = &word.verdict else {
                continue;
            };
            let text = doc.text(word.block(), word.range());
            if !jargon.is_empty() && jargon.contains(text.to_lowercase().as_str()) {
                continue;
            }
            let message = match frequency {
                Some(f) => format!(
                    "\"{text}\" is een weinig gebruikt woord: nummer {} van de {} meest gebruikte woorden.",
                    thousands(u64::from(f.rank)),
                    thousands(total as u64)
                ),
                None => format!(
                    "\"{text}\" staat niet bij de {} meest gebruikte woorden.",
                    thousands(total as u64)
                ),
            };
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: doc.source_range(word.block(), word.range()).into(),
                message,
                fix: None,
                suggestion: Some(
                    "Kies een woord dat iedereen kent, of leg het woord in de zin uit.".to_string(),
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{findings_of, flagged};

    #[test]
    fn rare_words_are_flagged_with_their_rank() {
        assert_eq!(flagged(&DifficultWord, BAD), vec!["vigerende"]);
        let findings = findings_of(
            &DifficultWord,
            "Het gaat om de kostendelersnorm en het zwqx.",
        );
        assert_eq!(
            findings.len(),
            1,
            "a compound of common parts is fine: {findings:?}"
        );
        assert!(
            findings[0]
                .message
                .contains("staat niet bij de 50.000 meest gebruikte woorden")
        );
    }

    #[test]
    fn a_legal_word_is_left_to_the_jargon_rule() {
        // Explained, "gegrond" is fine; unexplained, unexplained-jargon flags it once.
        assert!(
            flagged(
                &DifficultWord,
                "Uw bezwaar is gegrond. Dat betekent: u krijgt gelijk."
            )
            .is_empty()
        );
        assert!(flagged(&DifficultWord, "Uw bezwaar is deels gegrond.").is_empty());
    }

    #[test]
    fn names_numbers_and_compounds_are_not_flagged() {
        let text = "Bel mevrouw Verhoef over uw bijstandsuitkering van € 1.250,00 of mail naar info@waalmonde.nl.";
        assert!(
            flagged(&DifficultWord, text).is_empty(),
            "{:?}",
            flagged(&DifficultWord, text)
        );
    }
}
