//! ## What it flags
//! A word of more than 20 letters, also when its parts are common words.
//!
//! ## Why it matters to the reader
//! A very long compound has three or more parts, and the reader has to take it
//! apart before it means anything. Two-part words that letters need all the
//! time, such as "bijstandsuitkering" (18 letters), stay under the limit.
//!
//! ## Example
//! "Vul het huurtoeslagaanvraagformulier in."
//!
//! ## Use instead
//! "Vul het formulier in om huurtoeslag aan te vragen."
//!
//! ## Options
//! `long-word-letters` (20) in `[readability]`.

use crate::lexicon::split_compound;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::{Document, Verdict};

const BAD: &str = "Vul het huurtoeslagaanvraagformulier in.";
const GOOD: &str = "Vul het formulier in om huurtoeslag aan te vragen.";

/// A word too long to read at a glance.
pub(crate) struct LongWord;

impl Rule for LongWord {
    fn id(&self) -> &'static str {
        "long-word"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een woord met meer dan 20 letters, ook als de delen bekend zijn.",
            why: "Een heel lang woord moet de lezer eerst in stukken hakken. Pas dan begrijpt hij het.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let limit = doc.config.long_word_letters;
        for word in doc.words.iter().filter(|w| {
            usize::from(w.letters) > limit
                && !matches!(w.verdict, Verdict::Name | Verdict::Abbreviation)
        }) {
            let text = doc.text(word.block, word.range());
            let lower = text.to_lowercase();
            let parts = split_compound(&lower, crate::lexicon::lexicon(), doc.config.rare_zipf);
            let suggestion = match parts {
                Some(parts) => format!(
                    "Schrijf het in een paar losse woorden. Het woord bestaat uit: {}.",
                    parts.join(" + ")
                ),
                None => "Schrijf het in een paar losse woorden.".to_string(),
            };
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: doc.source_range(word.block, word.range()).into(),
                message: format!("\"{text}\" is een lang woord: {} letters.", word.letters),
                fix: None,
                suggestion: Some(suggestion),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{findings_of, flagged};

    #[test]
    fn long_compounds_are_flagged_with_their_parts() {
        assert_eq!(
            flagged(&LongWord, BAD),
            vec!["huurtoeslagaanvraagformulier"]
        );
        let suggestion = findings_of(&LongWord, BAD)[0].suggestion.clone().unwrap();
        assert_eq!(
            suggestion,
            "Schrijf het in een paar losse woorden. Het woord bestaat uit: huur + toeslag + aanvraag + formulier."
        );
        // A long word without common parts is flagged too, without the parts.
        assert_eq!(
            flagged(&LongWord, "Stuur de arbeidsongeschiktheidsverklaring mee."),
            vec!["arbeidsongeschiktheidsverklaring"]
        );
    }

    #[test]
    fn common_two_part_compounds_are_fine() {
        assert!(
            flagged(
                &LongWord,
                "Uw bijstandsuitkering en de schuldhulpverlening."
            )
            .is_empty()
        );
    }
}
