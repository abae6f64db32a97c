//! Helpers for rule tests.

use crate::lint::{EventFacts, Finding, Rule, SourceKind, prose};
use crate::readability::{Document, ReadabilityConfig};

/// The findings of one rule for a Markdown text, with default settings.
pub(crate) fn findings_of(rule: &dyn Rule, text: &str) -> Vec<Finding> {
    let config = ReadabilityConfig::default();
    let doc = Document::new(text, prose(text, SourceKind::Markdown), &config);
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    out
}

/// The facts of a rule example ([`EventFacts`] as JSON).
#[track_caller]
pub(crate) fn facts(json: &str) -> EventFacts {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("example facts: {e}\n{json}"))
}

/// The findings of one rule for a rendered letter with these event facts.
pub(crate) fn findings_with(rule: &dyn Rule, text: &str, facts: &EventFacts) -> Vec<Finding> {
    let config = ReadabilityConfig::default();
    let mut doc = Document::new(text, prose(text, SourceKind::Markdown), &config);
    doc.is_letter = true;
    doc.event_type = Some(facts.event_type);
    doc.is_besluit = facts.is_besluit;
    doc.facts = Some(facts);
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    out
}

/// The findings of a rule for its bad or good example, with its example facts when it has them.
pub(crate) fn findings_of_example(rule: &dyn Rule, bad: bool) -> Vec<Finding> {
    let docs = rule.docs();
    let text = if bad { docs.bad } else { docs.good };
    match rule.example_facts() {
        Some(example) => {
            let json = if bad { example.bad } else { example.good };
            findings_with(rule, text, &facts(json))
        }
        None => findings_of(rule, text),
    }
}

/// The flagged source text of each finding.
#[track_caller]
pub(crate) fn flagged<'a>(rule: &dyn Rule, text: &'a str) -> Vec<&'a str> {
    findings_of(rule, text)
        .iter()
        .map(|f| &text[f.span.start..f.span.end])
        .collect()
}

/// The texts of tests/fixtures/texts/ and the letter templates, for holding a
/// search against the one it replaced.
pub(crate) fn fixture_texts() -> Vec<String> {
    fn read_into(dir: &std::path::Path, texts: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                read_into(&path, texts);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                texts.push(text);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["tests/fixtures/texts", "letter-templates"] {
        read_into(&root.join(dir), &mut texts);
    }
    assert!(texts.len() > 40, "the fixture texts are there");
    texts
}
