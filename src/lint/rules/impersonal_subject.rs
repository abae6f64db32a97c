//! ## What it flags
//! A sentence that hides who acts behind an impersonal subject: "men"
//! ("Men kan bezwaar maken"), "het is de bedoeling dat", and "er wordt …"
//! without a participle the passive rules already name ("Er wordt van u
//! verwacht …" is theirs).
//!
//! ## Why it matters to the reader
//! The reader must know who does something: the municipality ("wij") or the
//! reader ("u"). "Men" and "het is de bedoeling" sound distant, and leave it open.
//!
//! ## Example
//! "Men kan een verzoek indienen. Het is de bedoeling dat het formulier binnen is voor 1 mei."
//!
//! ## Use instead
//! "U kunt een verzoek sturen. Stuur het formulier voor 1 mei."

use crate::lint::clauses::{clause_around, sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::WordMorph;
use crate::readability::Document;

const BAD: &str =
    "Men kan een verzoek indienen. Het is de bedoeling dat het formulier binnen is voor 1 mei.";
const GOOD: &str = "U kunt een verzoek sturen. Stuur het formulier voor 1 mei.";

/// Whether a word form is "men" or "bedoeling": the cue [`Cue::MEN`].
pub(crate) fn is_men(word: &WordMorph) -> bool {
    matches!(word.form.as_str(), "men" | "bedoeling")
}

/// Whether a word form is "er": the cue [`Cue::ER`].
pub(crate) fn is_er(word: &WordMorph) -> bool {
    word.form == "er"
}

/// Whether a word form is a form of "worden" after "er": the cue [`Cue::ER_WORDT`].
pub(crate) fn is_er_wordt(word: &WordMorph) -> bool {
    matches!(word.form.as_str(), "wordt" | "worden" | "werd" | "werden")
}

/// A sentence with "men", "het is de bedoeling dat" or "er wordt".
pub(crate) struct ImpersonalSubject;

impl Rule for ImpersonalSubject {
    fn id(&self) -> &'static str {
        "impersonal-subject"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een zin die niet zegt wie iets doet: \"men\", \"het is de bedoeling dat\" of \"er wordt …\".",
            why: "De lezer wil weten wie iets doet: de gemeente (\"wij\") of de lezer (\"u\"). \"Men\" en \"het is de bedoeling\" klinken afstandelijk en laten dat open.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Each word form of the text is looked up once, not every token of every sentence.
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            // "er" is everywhere: only with a form of "worden" in the sentence.
            let candidate = cues.sentence_has(index, Cue::MEN)
                || (cues.sentence_has(index, Cue::ER) && cues.sentence_has(index, Cue::ER_WORDT));
            if !candidate {
                continue;
            }
            let sentence = &doc.sentences[index];
            sentence_words_into(doc, index, &mut words);
            let mut push = |range: std::ops::Range<usize>, message: String, suggestion: &str| {
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, range),
                    message,
                    fix: None,
                    suggestion: Some(suggestion.to_string()),
                });
            };
            for (at, word) in words.iter().enumerate() {
                match word.lower {
                    "men" if word.is_word => push(
                        at..at + 1,
                        format!("\"{}\" zegt niet wie het is.", word.text),
                        "Zeg wie: \"u\", \"wij\", of \"iemand\". Bijvoorbeeld \"U kunt bezwaar maken\" in plaats van \"Men kan bezwaar maken\".",
                    ),
                    "bedoeling" => {
                        // "het is de bedoeling dat", "was het de bedoeling dat"
                        let before: Vec<usize> = (0..at)
                            .rev()
                            .filter(|&i| words[i].is_word)
                            .take(3)
                            .collect();
                        let after = (at + 1..words.len()).find(|&i| words[i].is_word);
                        let lower = |i: &usize| words[*i].lower;
                        let shape = before.iter().map(lower).collect::<Vec<_>>();
                        let fits = after.is_some_and(|i| words[i].lower == "dat")
                            && shape.len() == 3
                            && shape[0] == "de"
                            && matches!(
                                (shape[1], shape[2]),
                                ("is" | "was", "het") | ("het", "is" | "was")
                            );
                        if let (true, Some(end)) = (fits, after) {
                            push(
                                before[2]..end + 1,
                                "\"Het is de bedoeling dat\" zegt niet wie iets moet doen."
                                    .to_string(),
                                "Zeg wie het doet: \"Wij willen dat …\", of vraag het de lezer: \"Wilt u …?\"",
                            );
                        }
                    }
                    "er" => {
                        // "Er wordt …" with the participle far away or missing: the passive rules
                        // name the rest ("Er wordt gekeken" is theirs).
                        let clause = clause_around(&words, at);
                        let Some(aux) = (at + 1..clause.end).find(|&i| {
                            matches!(words[i].lower, "wordt" | "worden" | "werd" | "werden")
                        }) else {
                            continue;
                        };
                        let bytes = words[at].range.start..words[clause.end - 1].range.end;
                        let named = sentence
                            .passives
                            .iter()
                            .any(|p| p.start < bytes.end && bytes.start < p.end);
                        let hidden_passive = (clause.start..clause.end).any(|i| {
                            i != aux
                                && words[i].is_word
                                && words[i].is_verb_form()
                                && words[i].lower != words[aux].lower
                                && !matches!(words[i].lower, "wordt" | "worden" | "werd" | "werden")
                        });
                        if !named && !hidden_passive {
                            push(
                                at..aux + 1,
                                format!(
                                    "\"{} {}\" zegt niet wie het doet.",
                                    word.text, words[aux].text
                                ),
                                "Zeg wie het doet: \"Wij …\" of \"U …\".",
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn men_and_het_is_de_bedoeling_are_found() {
        assert_eq!(
            flagged(&ImpersonalSubject, BAD),
            vec!["Men", "Het is de bedoeling dat"]
        );
        assert_eq!(
            flagged(&ImpersonalSubject, "Hier kan men parkeren."),
            vec!["men"]
        );
        assert_eq!(
            flagged(&ImpersonalSubject, "Toen was het de bedoeling dat u kwam."),
            vec!["was het de bedoeling dat"]
        );
    }

    #[test]
    fn er_wordt_without_a_passive_the_other_rules_name_is_found() {
        assert_eq!(
            flagged(
                &ImpersonalSubject,
                "Er wordt op maandag over uw aanvraag vergaderd."
            ),
            Vec::<&str>::new(),
            "a passive: the passive rules name it"
        );
        assert_eq!(
            flagged(
                &ImpersonalSubject,
                "Er wordt een nieuwe regeling van kracht."
            ),
            vec!["Er wordt"]
        );
    }

    #[test]
    fn sentences_that_say_who_are_left_alone() {
        for text in [
            GOOD,
            "Er is een nieuwe regeling.",
            "Wij willen dat u het formulier stuurt.",
            "Er staan twee bedragen in de brief.",
        ] {
            assert!(flagged(&ImpersonalSubject, text).is_empty(), "{text}");
        }
    }
}
