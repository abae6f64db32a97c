//! Helpers the rules share that compare a letter with its event: what the
//! letter shows, where, and how a finding about something missing is made.

use crate::event::letter_facts::{shown_date, shown_euro};
use crate::lint::{Category, EventFacts, Finding, Severity, Span};
use crate::readability::Document;
use crate::text::BlockKind;
use chrono::NaiveDate;

/// The letter's text as a reader sees it, lower case, with every kind of
/// space as one plain space: the body outside the box, and the box
/// ("Waarom mag de gemeente dit?") apart.
pub(crate) struct Shown {
    /// Every block outside a block quote, one a line.
    pub body: String,
    /// Every block inside a block quote, one a line.
    pub boxed: String,
}

/// Lower case, with no-break and other spaces as a plain space, and runs of spaces as one.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\n' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.extend(c.to_lowercase());
            space = false;
        }
    }
    out
}

impl Shown {
    /// What `doc` shows.
    pub(crate) fn of(doc: &Document<'_>) -> Shown {
        let mut body = String::new();
        let mut boxed = String::new();
        for block in &doc.prose.blocks {
            let target = if block.in_quote {
                &mut boxed
            } else {
                &mut body
            };
            target.push_str(&normalize(&block.text));
            target.push('\n');
        }
        Shown { body, boxed }
    }

    /// Whether the body shows `text` (any case, any spacing).
    pub(crate) fn has(&self, text: &str) -> bool {
        let needle = normalize(text.trim());
        !needle.is_empty() && self.body.contains(&needle)
    }

    /// Whether the box shows `text`.
    pub(crate) fn boxed_has(&self, text: &str) -> bool {
        let needle = normalize(text.trim());
        !needle.is_empty() && self.boxed.contains(&needle)
    }

    /// Whether the body shows this amount ("€ 279,75").
    pub(crate) fn has_euro(&self, cents: i64) -> bool {
        self.has(&shown_euro(cents))
    }

    /// Whether the body shows this date ("4 januari 2027").
    pub(crate) fn has_date(&self, date: NaiveDate) -> bool {
        self.has(&shown_date(date))
    }
}

/// The facts of a rendered letter, or `None` for text linted on its own.
pub(crate) fn facts<'a>(doc: &Document<'a>) -> Option<&'a EventFacts> {
    doc.facts.filter(|_| doc.is_letter)
}

/// The first sentence of the first heading that contains one of `words`
/// (lower case), or of the letter's first block: where a finding about
/// something missing points.
pub(crate) fn anchor(doc: &Document<'_>, words: &[&str]) -> Span {
    let block = doc
        .prose
        .blocks
        .iter()
        .position(|b| {
            b.kind == BlockKind::Heading && {
                let lower = b.text.to_lowercase();
                words.iter().any(|w| lower.contains(w))
            }
        })
        .unwrap_or(0);
    if doc.prose.blocks.is_empty() {
        return Span { start: 0, end: 0 };
    }
    super::structure::first_sentence_span(doc, block)
}

/// A structure finding at error level.
pub(crate) fn missing(rule: &'static str, span: Span, message: String, fix: String) -> Finding {
    Finding {
        rule,
        category: Category::Structure,
        severity: Severity::Error,
        span,
        message,
        fix: None,
        suggestion: Some(fix),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_and_every_space() {
        assert_eq!(normalize("Op 4\u{a0}Januari  2027"), "op 4 januari 2027");
        assert_eq!(normalize("a\u{202f}b\n c"), "a b\n c");
    }
}
