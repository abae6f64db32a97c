//! Helpers the structure rules share: finding dates and phrases in a letter's text.

use crate::readability::Document;
use crate::text::fixed_pattern::{self, Pattern, Step};
use regex::Regex;
use std::sync::OnceLock;

/// A written date: "4 januari 2027", "maandag 4 januari 2027" or "04-01-2027",
/// in any case, with any space between the day and the month.
const DATE: &Pattern = &Pattern::new(&[
    &[
        Step::Boundary,
        Step::Digits { min: 1, max: 2 },
        Step::Space,
        Step::OneOf(&crate::dutch::MONTHS),
        Step::Boundary,
    ],
    &[
        Step::Boundary,
        Step::Digits { min: 1, max: 2 },
        Step::Text("-"),
        Step::Digits { min: 1, max: 2 },
        Step::Text("-"),
        Step::Digits { min: 4, max: 4 },
        Step::Boundary,
    ],
]);

/// Whether `text` holds a written date (see [`DATE`]).
pub(crate) fn has_date(text: &str) -> bool {
    // A date starts with a digit: most sentences have none.
    text.bytes().any(|b| b.is_ascii_digit()) && fixed_pattern::is_match(text, DATE)
}

/// Whether `text` contains `needle` (lower-case ASCII), ignoring ASCII case, without copying.
///
/// The structure rules ask this of every block of a letter, often for the same
/// long text: only the places where the needle's first letter stands (found
/// with `memchr`, in either case) are compared, not every window of the text.
pub(crate) fn contains_ci(text: &str, needle: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    let last_start = hay.len() - needle.len();
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay)
        .take_while(|&at| at <= last_start)
        .any(|at| hay[at + 1..at + needle.len()].eq_ignore_ascii_case(rest))
}

/// The lower case of `text` into `buffer`, as far as a lower-case ASCII needle
/// can tell: `buffer` contains such a needle exactly when `text.to_lowercase()`
/// does. Only two characters outside ASCII have a lower case with an ASCII
/// letter in it (the Kelvin sign, "k", and "İ", "i" with a dot above); a text
/// with one of them is lower-cased in full. In any other text every ASCII byte
/// is lower-cased in place and the rest stays outside ASCII either way, so the
/// buffer is the text with its ASCII lower-cased: no allocation, no Unicode tables.
pub(crate) fn lower_for_ascii_needles(buffer: &mut String, text: &str) {
    buffer.clear();
    // One character at a time is slow: an ASCII text is known at once, and a
    // single-character search looks for one byte with `memchr`.
    if !text.is_ascii() && (text.contains('\u{212A}') || text.contains('\u{130}')) {
        buffer.push_str(&text.to_lowercase());
    } else {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    }
}

/// The byte range of the first sentence of a block (or the whole block).
pub(crate) fn first_sentence_span(doc: &Document<'_>, block: usize) -> crate::lint::Span {
    // Sentences are in block order: a binary search, so a rule that asks this for
    // every block (greeting-mismatch on a long text) stays linear.
    let first = doc.sentences.partition_point(|s| s.block < block);
    let range = doc
        .sentences
        .get(first)
        .filter(|s| s.block == block)
        .map_or(0..doc.prose.blocks[block].text.len(), |s| s.range.clone());
    doc.source_range(block, range).into()
}

/// Words that make a text a decision when no event says so ("helder lint FILE").
const DECISION_PHRASES: &[&str] = &[
    "dit besluit",
    "hebben besloten",
    "besluit genomen",
    "besluit:",
];

/// Whether the letter is a besluit: the event says so, or, for a text alone, the text does.
pub(crate) fn is_decision(doc: &Document<'_>) -> bool {
    if !doc.is_letter {
        return false;
    }
    if doc.event_type.is_some() {
        return doc.is_besluit;
    }
    doc.prose
        .blocks
        .iter()
        .any(|b| DECISION_PHRASES.iter().any(|p| contains_ci(&b.text, p)))
}

/// Whether the letter is a decision on an objection: the event type says so,
/// or, for a text alone, a besluit that speaks of "beroep".
pub(crate) fn is_decision_on_objection(doc: &Document<'_>) -> bool {
    use crate::event::LetterKind;
    match doc.event_type {
        Some(event_type) => {
            doc.is_besluit && event_type.letter_kind() == LetterKind::DecisionOnObjection
        }
        None => {
            is_decision(doc)
                && doc
                    .prose
                    .blocks
                    .iter()
                    .any(|b| contains_ci(&b.text, "beroep"))
        }
    }
}

/// The blocks of the objection (or appeal) section: from the first heading that
/// speaks of "niet eens", "bezwaar" or "beroep" up to the next heading.
pub(crate) fn objection_section(doc: &Document<'_>) -> Option<std::ops::Range<usize>> {
    use crate::text::BlockKind;
    let blocks = &doc.prose.blocks;
    let start = blocks.iter().position(|b| {
        b.kind == BlockKind::Heading
            && ["niet eens", "bezwaar", "beroep"]
                .iter()
                .any(|w| contains_ci(&b.text, w))
    })?;
    let end = blocks[start + 1..]
        .iter()
        .position(|b| b.kind == BlockKind::Heading)
        .map_or(blocks.len(), |i| start + 1 + i);
    Some(start..end)
}

/// Whether any block of `range` contains one of `needles` (lower-case ASCII).
pub(crate) fn section_says(
    doc: &Document<'_>,
    range: std::ops::Range<usize>,
    needles: &[&str],
) -> bool {
    doc.prose.blocks[range]
        .iter()
        .any(|b| needles.iter().any(|n| contains_ci(&b.text, n)))
}

/// A Dutch postcode ("6500 AB", also with a no-break space).
pub(crate) fn has_postcode(text: &str) -> bool {
    static POSTCODE: OnceLock<Regex> = OnceLock::new();
    POSTCODE
        .get_or_init(|| {
            Regex::new(r"(?-u:\b)[1-9][0-9]{3}[ \x{a0}]?[A-Z]{2}(?-u:\b)")
                .expect("the postcode pattern is valid")
        })
        .is_match(text)
}

/// The block a finding about the objection clause points at: its heading, or the letter's start.
pub(crate) fn objection_anchor(doc: &Document<'_>) -> crate::lint::Span {
    first_sentence_span(doc, objection_section(doc).map_or(0, |r| r.start))
}

#[cfg(test)]
mod tests {
    use super::{DATE, contains_ci, has_date, lower_for_ascii_needles};
    use crate::text::fixed_pattern::testing::assert_same_as_regex;

    #[test]
    fn the_date_pattern_finds_what_its_regex_finds() {
        let regex = r"(?i)(?-u:\b)[0-9]{1,2}[\s\x{a0}]+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?-u:\b)|(?-u:\b)[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}(?-u:\b)";
        let fixtures = crate::lint::rules::testing::fixture_texts();
        let mut texts: Vec<&str> = fixtures.iter().map(String::as_str).collect();
        texts.extend([
            "Op 4 januari 2027, 04-01-2027 of 4\u{a0}JANUARI.",
            "Op 123 maart, 1-1-20271, 12-12-2027 en 7 o\u{212A}tober.",
        ]);
        assert_same_as_regex(DATE, regex, &texts, 200_000);
        assert!(has_date("voor maandag 7 december 2026"));
        assert!(!has_date("binnen 14 dagen"));
    }

    /// The slow way: every window of the text, compared ignoring ASCII case.
    fn by_windows(text: &str, needle: &str) -> bool {
        let (hay, needle) = (text.as_bytes(), needle.as_bytes());
        hay.len() >= needle.len()
            && hay
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
    }

    #[test]
    fn first_sentence_span_is_the_first_sentence_of_the_block() {
        let config = crate::readability::ReadabilityConfig::default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let doc = crate::readability::Document::new(
                &text,
                crate::text::from_markdown(&text),
                &config,
            );
            for block in 0..doc.prose.blocks.len() {
                let linear = doc
                    .sentences
                    .iter()
                    .find(|s| s.block == block)
                    .map_or(0..doc.prose.blocks[block].text.len(), |s| s.range.clone());
                let expected: crate::lint::Span = doc.source_range(block, linear).into();
                assert_eq!(super::first_sentence_span(&doc, block), expected);
            }
        }
    }

    #[test]
    fn only_two_characters_outside_ascii_lower_case_to_ascii() {
        let to_ascii: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, vec!['\u{130}', '\u{212A}']);
    }

    #[test]
    fn the_buffer_holds_an_ascii_needle_when_the_lower_case_does() {
        let texts = [
            "Het WIJKTEAM helpt.",
            "Het wij\u{212A}team helpt.",
            "Het W\u{130}JKTEAM helpt.",
            "ëën betalingsregeling, Één BETALINGSREGELING",
            "Schuldhulp; hulp bij Schulden",
            "ΟΔΟΣ wijk team",
        ];
        let mut buffer = String::new();
        for text in texts {
            lower_for_ascii_needles(&mut buffer, text);
            for needle in [
                "wijkteam",
                "een betalingsregeling",
                "hulp bij schulden",
                "schuldhulp",
                "team",
            ] {
                assert_eq!(
                    buffer.contains(needle),
                    text.to_lowercase().contains(needle),
                    "{text:?} {needle:?}"
                );
            }
        }
    }

    #[test]
    fn contains_ci_finds_what_every_window_finds() {
        let texts = [
            "",
            "b",
            "Dit BESLUIT is genomen.",
            "U kunt in beroep gaan bij de rechtbank",
            "bbbeslui besluit:",
            "Wij hebben besloten. Bezwaar? Beroep!",
            "ëB eroep beroe",
            "namens het college van burgemeester en wethouders",
        ];
        let needles = [
            "b",
            "besluit:",
            "beroep",
            "dit besluit",
            " door",
            "hebben besloten",
            "x",
            "bezwaar",
        ];
        for text in texts {
            for needle in needles {
                assert_eq!(
                    contains_ci(text, needle),
                    by_windows(text, needle),
                    "{text:?} {needle:?}"
                );
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for needle in
                needles
                    .iter()
                    .chain(&["voorlopige voorziening", "lopen", "misschien is bezwaar"])
            {
                assert_eq!(
                    contains_ci(&text, needle),
                    by_windows(&text, needle),
                    "{needle}"
                );
            }
        }
    }
}
