//! Helpers the structure rules share: finding dates and phrases in a letter's text.

use crate::readability::Document;
use regex::Regex;
use std::sync::OnceLock;

/// A written date: "4 januari 2027", "maandag 4 januari 2027" or "04-01-2027".
pub(crate) fn has_date(text: &str) -> bool {
    static DATE: OnceLock<Regex> = OnceLock::new();
    DATE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)\d{1,2}[\s\x{a0}]+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?-u:\b)|(?-u:\b)\d{1,2}-\d{1,2}-\d{4}(?-u:\b)")
            .expect("the date pattern is valid")
    })
    .is_match(text)
}

/// Whether `text` contains `needle` (lower-case ASCII), ignoring ASCII case, without copying.
pub(crate) fn contains_ci(text: &str, needle: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The byte range of the first sentence of a block (or the whole block).
pub(crate) fn first_sentence_span(doc: &Document<'_>, block: usize) -> crate::lint::Span {
    let range = doc
        .sentences
        .iter()
        .find(|s| s.block == block)
        .map_or(0..doc.prose.blocks[block].text.len(), |s| s.range.clone());
    doc.source_range(block, range).into()
}
