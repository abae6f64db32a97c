//! ## What it flags
//! Typography that shouts: "Let op!" (an error) and an exclamation mark in a
//! sentence that threatens or warns (a consequence, a duty, fraud, a check, or
//! a bare command: a single "!" in a friendly sentence is fine), words in capitals (common
//! Dutch words, not abbreviations or names such as UWV or AREA), and bold
//! warnings such as **Let op** or **Belangrijk**.
//!
//! ## Why it matters to the reader
//! Capitals, exclamation marks and bold warnings read as shouting. A reader
//! who is already worried about money reads them as a threat.
//!
//! ## Example
//! "Let op! Stuur de papieren VOOR 1 december, anders stopt uw uitkering."
//!
//! ## Use instead
//! "Wilt u de papieren voor 1 december sturen?"

use crate::lexicon::lexicon;
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity, Span};
use crate::morphology::{Concept, ConceptSet};
use crate::readability::Document;
use crate::text::segment::TokenKind;

const BAD: &str = "Let op! Stuur de papieren VOOR 1 december, anders stopt uw uitkering.";
const GOOD: &str = "Wilt u de papieren voor 1 december sturen?";

/// Abbreviations written in capitals that are not shouting.
const ACRONYMS: &[&str] = &[
    "IBAN", "CJIB", "BSN", "UWV", "SVB", "DUO", "GGD", "AOW", "WMO", "CAK", "KVK", "AVG", "WIA",
    "WAO", "BKR", "NIBUD", "ANWB", "IND", "COA", "RDW", "CAO", "VOG", "PDF", "ZZP", "MBO", "HBO",
    "VMBO", "HAVO", "VWO", "BTW", "NS", "OV", "EU", "KNAB", "SNS", "ING", "ABN", "AMRO", "ASN",
    "IQ", "ICT", "GBA", "BRP", "WSNP", "AWB", "WLZ", "ZVW", "WW", "WAJONG",
];

/// Bold words that make a warning sign.
const BOLD_WARNINGS: &[&str] = &[
    "**let op",
    "**belangrijk",
    "**waarschuwing",
    "**attentie",
    "__let op",
    "__belangrijk",
];

/// Capitals, exclamation marks and bold warnings.
pub(crate) struct IntimidatingTypography;

impl Rule for IntimidatingTypography {
    fn id(&self) -> &'static str {
        "intimidating-typography"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "\"Let op!\", uitroeptekens, woorden in hoofdletters en vette waarschuwingen.",
            why: "Hoofdletters, uitroeptekens en vette waarschuwingen lezen als schreeuwen. Wie al zorgen heeft over geld, leest er een dreigement in.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let mut push = |span: Span, severity: Severity, message: &str, suggestion: &str| {
            out.push(Finding {
                rule: "intimidating-typography",
                category: Category::Tone,
                severity,
                span,
                message: message.to_string(),
                fix: None,
                suggestion: Some(suggestion.to_string()),
            });
        };
        let tone_sentences = crate::readability::tone::sentences(doc);
        // A sentence that warns: a consequence, a duty, fraud, suspicion or a check.
        let warns = |index: usize| {
            tone_sentences.get(index).is_some_and(|s| {
                (crate::readability::tone::is_command(s) && !s.offers_help())
                    || !crate::readability::tone::consequences(s).is_empty()
                    || s.concepts.intersects(ConceptSet::of(&[
                        Concept::Oblige,
                        Concept::Fraud,
                        Concept::Suspect,
                        Concept::Check,
                        Concept::Investigate,
                        Concept::Visit,
                        Concept::Seize,
                    ]))
            })
        };
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let block = &doc.prose.blocks[sentence.block];
            // The cheap test first, on the sentence's bytes (from its first token to
            // its last, a tenth of what its tokens take, and read in order): most
            // sentences have no "!" and no two capitals side by side.
            if !may_shout(&block.text.as_bytes()[sentence.range.clone()]) {
                continue;
            }
            let tokens = &doc.segments[sentence.block].tokens[sentence.tokens.clone()];
            for (k, token) in tokens.iter().enumerate() {
                let text = &block.text[token.range()];
                let span = || -> Span { doc.source_range(sentence.block, token.range()).into() };
                match token.kind {
                    TokenKind::Punct if text == "!" => {
                        let mut words = tokens
                            .iter()
                            .filter(|t| t.kind == TokenKind::Word)
                            .map(|t| &block.text[t.range()]);
                        let let_op = k <= 3
                            && words.next().is_some_and(|w| w.eq_ignore_ascii_case("let"))
                            && words.next().is_some_and(|w| w.eq_ignore_ascii_case("op"));
                        // "Let op!" warns about what follows; "!" about its own sentence.
                        let threatening = if let_op {
                            warns(index) || warns(index + 1)
                        } else {
                            warns(index)
                        };
                        if !threatening {
                            continue;
                        }
                        if let_op {
                            let start = doc
                                .source_range(sentence.block, sentence.range.clone())
                                .start;
                            push(
                                Span {
                                    start,
                                    end: span().end,
                                },
                                Severity::Error,
                                "\"Let op!\" klinkt als een waarschuwing die bang maakt.",
                                "Zeg gewoon wat de lezer moet weten, zonder \"Let op!\".",
                            );
                        } else {
                            push(
                                span(),
                                Severity::Warning,
                                "Een uitroepteken klinkt als roepen.",
                                "Gebruik een punt.",
                            );
                        }
                    }
                    TokenKind::Word
                        if is_shouting(text, || {
                            warns(index) && carries_concept(tone_sentences.get(index), text)
                        }) =>
                    {
                        push(
                            span(),
                            Severity::Warning,
                            "Een woord in hoofdletters leest als schreeuwen.",
                            "Schrijf het woord gewoon, in kleine letters.",
                        );
                    }
                    _ => {}
                }
            }
        }
        // Bold warnings: look after every "**" or "__" in the source, comparing in place.
        let source = doc.source.as_bytes();
        // memchr finds each "*" and "_" (most texts have none) instead of a test at every byte.
        for at in memchr::memchr2_iter(b'*', b'_', source)
            .filter(|&i| i + 1 < source.len() && source[i + 1] == source[i])
        {
            for marker in BOLD_WARNINGS {
                let end = at + marker.len();
                if source
                    .get(at..end)
                    .is_some_and(|w| w.eq_ignore_ascii_case(marker.as_bytes()))
                    && doc.source.is_char_boundary(end)
                {
                    push(
                        Span {
                            start: at,
                            end: at + marker.len(),
                        },
                        Severity::Warning,
                        "Een vette waarschuwing maakt de brief dreigend.",
                        "Laat de waarschuwing weg; zeg rustig wat de lezer moet weten.",
                    );
                }
            }
        }
    }
}

/// Whether these bytes of a sentence can hold an exclamation mark or a word in
/// capitals: a "!", or two bytes side by side that can each be (part of) a
/// capital letter, an ASCII capital or any byte of a non-ASCII character. A
/// word whose first two letters are capitals has two such bytes side by side.
fn may_shout(bytes: &[u8]) -> bool {
    let loud = |b: u8| b.is_ascii_uppercase() | (b >= 0x80);
    // Without an early exit the loop over a sentence is vectorised.
    let pair = bytes
        .iter()
        .zip(bytes.get(1..).unwrap_or_default())
        .fold(false, |any, (&a, &b)| any | (loud(a) & loud(b)));
    pair || memchr::memchr(b'!', bytes).is_some()
}

/// Whether the word carries a concept in its sentence ("AANMANING": reclaim).
fn carries_concept(sentence: Option<&crate::readability::tone::ToneSentence>, word: &str) -> bool {
    let lower = word.to_lowercase();
    sentence.is_some_and(|s| {
        s.words
            .iter()
            .any(|w| w.lower() == lower && !w.concepts.is_empty())
    })
}

/// Three or more letters, all capitals, not initials ("S.J.M."), not a known
/// abbreviation, and a common Dutch word ("LET OP", "LAATSTE", "VOOR"), or a
/// word of a concept in a sentence that warns ("AANMANING"). "CONCEPT" is helder's own mark on a held draft.
fn is_shouting(word: &str, warns: impl FnOnce() -> bool) -> bool {
    // Most words fail on their first two letters.
    let mut chars = word.chars();
    if !(chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && !word.contains('.')
        && word != "CONCEPT"
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && !ACRONYMS.contains(&word)
        // A common Dutch word in capitals shouts; a name or code ("AREA") does not,
        // unless it carries a concept in a sentence that warns ("AANMANING").
        && (lexicon()
            .frequency(&word.to_lowercase())
            .is_some_and(|f| f.zipf >= 4.0)
            || warns())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{findings_of, flagged};

    #[test]
    fn shouting_is_flagged() {
        assert_eq!(
            flagged(&IntimidatingTypography, BAD),
            vec!["Let op!", "VOOR"]
        );
        assert_eq!(
            findings_of(&IntimidatingTypography, BAD)[0].severity,
            Severity::Error
        );
        assert_eq!(
            flagged(&IntimidatingTypography, "**Let op**: stuur het op tijd."),
            vec!["**Let op"]
        );
        assert_eq!(
            flagged(&IntimidatingTypography, "U bent verplicht dit te melden!"),
            vec!["!"]
        );
        assert!(flagged(&IntimidatingTypography, "Bel ons gerust!").is_empty());
        assert!(
            flagged(
                &IntimidatingTypography,
                "Let op! Ook met een achterstand blijft u verzekerd."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_byte_test_passes_every_sentence_with_a_finding() {
        // The byte test only skips sentences the token loop would not flag: every
        // sentence of the fixture texts and letter templates with a "!" or a word
        // that starts with two capitals passes it.
        let mut texts: Vec<String> = vec![BAD.to_string(), GOOD.to_string()];
        for dir in ["tests/fixtures/texts", "letter-templates"] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
        texts.push("ÉÉN keer: ÖZIL, Ĳzer en €€ 5,- ZÓ!".to_string());
        let mut sentences = 0;
        for text in &texts {
            let config = crate::readability::ReadabilityConfig::default();
            let source = crate::lint::prose(text, crate::lint::SourceKind::Markdown);
            let doc = Document::new(text, source, &config);
            for sentence in &doc.sentences {
                let block = &doc.prose.blocks[sentence.block];
                let tokens = &doc.segments[sentence.block].tokens[sentence.tokens.clone()];
                let shouts = tokens.iter().any(|t| {
                    let word = &block.text[t.range()];
                    word == "!" || {
                        let mut chars = word.chars();
                        chars.next().is_some_and(char::is_uppercase)
                            && chars.next().is_some_and(char::is_uppercase)
                    }
                });
                let bytes = &block.text.as_bytes()[sentence.range.clone()];
                assert!(!shouts || may_shout(bytes), "skipped: {:?}", &block.text);
                sentences += usize::from(shouts);
            }
        }
        assert!(sentences > 0);
    }

    #[test]
    fn abbreviations_are_not_shouting() {
        assert!(
            flagged(
                &IntimidatingTypography,
                "Het UWV en het CJIB sturen ook post. Log in met DigiD."
            )
            .is_empty()
        );
    }
}
