//! Helpers the structure rules share: finding dates and phrases in a letter's text.

use crate::readability::Analysis;
use regex::Regex;
use std::sync::OnceLock;

/// A written date: "4 januari 2027", "maandag 4 januari 2027" or "04-01-2027".
pub(crate) fn has_date(text: &str) -> bool {
    static DATE: OnceLock<Regex> = OnceLock::new();
    DATE.get_or_init(|| {
        Regex::new(r"(?i)\b\d{1,2}[\s\x{a0}]+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(\s+\d{4})?\b|\b\d{1,2}-\d{1,2}-\d{4}\b")
            .expect("the date pattern is valid")
    })
    .is_match(text)
}

/// The byte range of the first sentence of a block (or the whole block).
pub(crate) fn first_sentence_span(analysis: &Analysis<'_>, block: usize) -> crate::lint::Span {
    let range = analysis
        .sentences
        .iter()
        .find(|s| s.block == block)
        .map_or(0..analysis.prose.blocks[block].text.len(), |s| {
            s.range.clone()
        });
    analysis.source_range(block, range).into()
}
