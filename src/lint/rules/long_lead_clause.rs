//! ## What it flags
//! A sentence that starts with a subordinate clause ("Als …", "Omdat …",
//! "Nadat …") that is longer than the main clause after it, and at least
//! ten words long (half of the longest B1 sentence).
//!
//! ## Why it matters to the reader
//! The reader must keep the whole first part in mind before the sentence says
//! what it is about. Put the main message first, or make two sentences.
//!
//! ## Example
//! "Als u na het gesprek met uw klantmanager nog vragen hebt over de hoogte van uw uitkering, belt u ons."
//!
//! ## Use instead
//! "Hebt u nog vragen over de hoogte van uw uitkering? Bel ons dan."

use crate::lint::clauses::{sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::WordMorph;
use crate::readability::Document;

const BAD: &str = "Als u na het gesprek met uw klantmanager nog vragen hebt over de hoogte van uw uitkering, belt u ons.";
const GOOD: &str = "Hebt u nog vragen over de hoogte van uw uitkering? Bel ons dan.";

/// Words that open a subordinate clause at the start of a sentence.
const OPENERS: &[&str] = &[
    "als",
    "indien",
    "wanneer",
    "omdat",
    "doordat",
    "nadat",
    "voordat",
    "zodra",
    "hoewel",
    "tenzij",
    "terwijl",
    "aangezien",
    "zolang",
    "totdat",
    "mits",
    "ofschoon",
];

/// A lead clause shorter than this is never flagged.
const MIN_LEAD_WORDS: usize = 10;

/// A sentence that starts with a long subordinate clause.
/// Whether a word form opens a lead clause: the cue [`Cue::OPENER`].
pub(crate) fn is_opener(word: &WordMorph) -> bool {
    OPENERS.contains(&word.form.as_str())
}

pub(crate) struct LongLeadClause;

impl Rule for LongLeadClause {
    fn id(&self) -> &'static str {
        "long-lead-clause"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een zin die begint met een bijzin (\"Als …\", \"Omdat …\") van tien woorden of meer, die langer is dan de hoofdzin erna.",
            why: "De lezer moet het hele eerste stuk onthouden voordat de zin zegt waar het om gaat. Zet de boodschap voorop, of maak er twee zinnen van.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // One word view for all sentences, rebuilt for each that needs it.
        let cues = Cues::of(doc);
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            // The sentence's first word is an opener in lower case (the word
            // form): only then can it be one in any case (the openers are ASCII).
            if !cues.sentence_has(index, Cue::OPENS_WITH_OPENER) {
                continue;
            }
            let sentence = &doc.sentences[index];
            let block = &doc.prose.blocks[sentence.block].text;
            let Some(first) = doc.segments[sentence.block].tokens[sentence.tokens.clone()]
                .iter()
                .find(|t| t.kind == crate::text::segment::TokenKind::Word)
            else {
                continue;
            };
            if !OPENERS
                .iter()
                .any(|o| block[first.range()].eq_ignore_ascii_case(o))
            {
                continue;
            }
            sentence_words_into(doc, index, &mut words);
            let counts = |range: std::ops::Range<usize>| {
                words[range]
                    .iter()
                    .filter(|w| w.is_word || !w.text.chars().all(|c| !c.is_alphanumeric()))
                    .count()
            };
            // The lead clause ends at the first comma; without one there is no main clause to compare.
            let Some(comma) = words.iter().position(|w| w.text == ",") else {
                continue;
            };
            let lead = counts(0..comma);
            let main = counts(comma + 1..words.len());
            if lead < MIN_LEAD_WORDS || lead <= main {
                continue;
            }
            let start = words.iter().position(|w| w.is_word).unwrap_or(0);
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: span_of(doc, index, &words, start..comma),
                message: format!(
                    "De zin begint met een bijzin van {lead} woorden; de hoofdzin erna heeft er {main}."
                ),
                fix: None,
                suggestion: Some("Zet de boodschap voorop, of maak er twee zinnen van: \"Hebt u vragen? Bel ons dan.\"".to_string()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn a_lead_clause_longer_than_the_main_clause_is_found() {
        assert_eq!(
            flagged(&LongLeadClause, BAD),
            vec![
                "Als u na het gesprek met uw klantmanager nog vragen hebt over de hoogte van uw uitkering"
            ]
        );
        assert_eq!(
            flagged(
                &LongLeadClause,
                "Omdat wij uw papieren over de maand mei nog niet hebben gekregen, stoppen wij."
            )
            .len(),
            1
        );
    }

    #[test]
    fn short_lead_clauses_and_main_clauses_first_are_fine() {
        for text in [
            GOOD,
            "Als u vragen hebt, kunt u ons altijd bellen op werkdagen.",
            "Wij bellen u als wij uw papieren hebben gekregen van de bank.",
            "Als u wilt, bellen wij u.",
            // Seven to nine words before a shorter main clause: a normal B1 sentence.
            "Als u een rekening niet hebt betaald, stuurt de winkel een brief.",
        ] {
            assert!(flagged(&LongLeadClause, text).is_empty(), "{text}");
        }
    }
}
