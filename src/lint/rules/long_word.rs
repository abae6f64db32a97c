//! ## What it flags
//! A word of more than 20 letters, also when its parts are common words. A word
//! of a law's official name from `readability/law-names.txt` is not flagged where
//! the whole name stands in the text ("artikel 2a Boetebesluit
//! socialezekerheidswetten" in the box "Waarom mag de gemeente dit?"): a law's
//! name is not a wording choice. The same word on its own is flagged.
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
use std::sync::OnceLock;

/// Official names of laws, one a line (`#` comments).
const LAW_NAMES: &str = include_str!("../../../readability/law-names.txt");

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
        for word in doc.notable_words().filter(|w| {
            usize::from(w.letters) > limit
                && !matches!(w.verdict, Verdict::Name | Verdict::Abbreviation)
                && !in_law_name(&doc.prose.blocks[w.block()].text, w.range())
        }) {
            let text = doc.text(word.block(), word.range());
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
                span: doc.source_range(word.block(), word.range()).into(),
                message: format!("\"{text}\" is een lang woord: {} letters.", word.letters),
                fix: None,
                suggestion: Some(suggestion),
            });
        }
    }
}

/// The official law names of [`LAW_NAMES`].
fn law_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        LAW_NAMES
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

/// Whether the word at `word` in `text` is part of a law's official name that
/// stands there whole (letter case aside).
fn in_law_name(text: &str, word: std::ops::Range<usize>) -> bool {
    let Some(found) = text.get(word.clone()) else {
        return false;
    };
    law_names().iter().any(|name| {
        // Every place of the word in the name: the name would start that much before it.
        name.char_indices()
            .filter(|&(at, _)| {
                name.get(at..at + found.len())
                    .is_some_and(|part| part.eq_ignore_ascii_case(found))
            })
            .any(|(at, _)| {
                word.start
                    .checked_sub(at)
                    .and_then(|start| text.get(start..start + name.len()))
                    .is_some_and(|there| there.eq_ignore_ascii_case(name))
            })
    })
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
    fn a_word_of_a_law_name_is_not_flagged_where_the_name_stands_whole() {
        // BAD: the long word on its own.
        assert_eq!(
            flagged(&LongWord, "Dit staat in de socialezekerheidswetten."),
            vec!["socialezekerheidswetten"]
        );
        // GOOD: the law's official name, in the box of a letter.
        let box_text = "> **Waarom mag de gemeente dit?**\n>\n> - artikel 2a Boetebesluit socialezekerheidswetten\n> - artikel 10 Wet structuur uitvoeringsorganisatie werk en inkomen";
        assert!(
            flagged(&LongWord, box_text).is_empty(),
            "{:?}",
            flagged(&LongWord, box_text)
        );
        // A name is only a name when it is whole: half of it is an ordinary long word.
        assert_eq!(
            flagged(&LongWord, "De regels over uitvoeringsorganisatie werk."),
            vec!["uitvoeringsorganisatie"]
        );
        // Another long word next to the name is still flagged.
        assert_eq!(
            flagged(
                &LongWord,
                "Het Boetebesluit socialezekerheidswetten en het huurtoeslagaanvraagformulier."
            ),
            vec!["huurtoeslagaanvraagformulier"]
        );
    }

    #[test]
    fn every_law_name_passes_whole_and_its_long_words_alone_do_not() {
        assert!(law_names().contains(&"Boetebesluit socialezekerheidswetten"));
        for name in law_names() {
            let cited = format!("> - artikel 1 {name}");
            assert!(flagged(&LongWord, &cited).is_empty(), "{cited}");
            for word in name.split([' ', '-']).filter(|w| w.chars().count() > 20) {
                let alone = format!("Lees de {word} goed.");
                assert_eq!(flagged(&LongWord, &alone), vec![word], "{alone}");
            }
        }
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
