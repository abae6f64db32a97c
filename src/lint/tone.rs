//! How a tone finding looks: the words of a sentence of the tone view
//! ([`crate::readability::tone`]), an error with a Dutch message and suggestion.

use crate::readability::Document;
use crate::readability::tone::ToneSentence;

/// A tone finding on words of a sentence: from the first to the last word given.
pub(crate) fn finding(
    doc: &Document<'_>,
    sentence: &ToneSentence,
    words: &[usize],
    rule: &'static str,
    message: &str,
    suggestion: &str,
) -> crate::lint::Finding {
    let first = words.iter().copied().min().unwrap_or(0);
    let last = words.iter().copied().max().unwrap_or(0);
    let range = if sentence.words.is_empty() {
        sentence.range.clone()
    } else {
        sentence.span(first, last)
    };
    crate::lint::Finding {
        rule,
        category: crate::lint::Category::Tone,
        severity: crate::lint::Severity::Error,
        span: doc.source_range(sentence.block, range).into(),
        message: message.to_string(),
        suggestion: Some(suggestion.to_string()),
        fix: None,
    }
}
