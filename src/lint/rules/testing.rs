//! Helpers for rule tests.

use crate::lint::{Finding, Rule, SourceKind, prose};
use crate::readability::{Document, ReadabilityConfig};

/// The findings of one rule for a Markdown text, with default settings.
pub(crate) fn findings_of(rule: &dyn Rule, text: &str) -> Vec<Finding> {
    let config = ReadabilityConfig::default();
    let doc = Document::new(text, prose(text, SourceKind::Markdown), &config);
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    out
}

/// The flagged source text of each finding.
#[track_caller]
pub(crate) fn flagged<'a>(rule: &dyn Rule, text: &'a str) -> Vec<&'a str> {
    findings_of(rule, text)
        .iter()
        .map(|f| &text[f.span.start..f.span.end])
        .collect()
}
