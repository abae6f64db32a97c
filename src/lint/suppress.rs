//! Suppression comments: the author turns a rule off for one line, with a reason.
//!
//! In a template: `{# helder-disable-next-line passive-voice: wettelijke formulering #}`;
//! in plain Markdown: `<!-- helder-disable-next-line passive-voice: wettelijke formulering -->`.
//! Several rules are separated by commas; the reason follows the colon.
//! A suppression without a reason, for a rule that does not exist, or that
//! suppresses nothing, is itself a finding (see [`super::meta`]).

use super::meta::{SUPPRESSION_WITHOUT_REASON, UNKNOWN_RULE, UNUSED_SUPPRESSION};
use super::{Category, Finding, LineIndex, Severity, Span, catalogue};
use regex::Regex;
use std::sync::OnceLock;

/// The directive in a comment.
const DIRECTIVE: &str = "helder-disable-next-line";

/// Which comments carry suppressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentSyntax {
    /// Tera comments, `{# … #}`: templates and partials.
    Tera,
    /// HTML comments, `<!-- … -->`: Markdown files.
    Html,
}

/// One suppression comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The comment in the source.
    pub span: Span,
    /// The 1-based line whose findings it suppresses.
    pub target_line: usize,
    /// The rule ids it names.
    pub rules: Vec<String>,
    /// Why, as written; `None` when there is none.
    pub reason: Option<String>,
}

fn pattern(syntax: CommentSyntax) -> &'static Regex {
    static TERA: OnceLock<Regex> = OnceLock::new();
    static HTML: OnceLock<Regex> = OnceLock::new();
    match syntax {
        CommentSyntax::Tera => TERA.get_or_init(|| {
            Regex::new(r"(?s)\{#-?\s*helder-disable-next-line\b(.*?)-?#\}").expect("valid pattern")
        }),
        CommentSyntax::Html => HTML.get_or_init(|| {
            Regex::new(r"(?s)<!--\s*helder-disable-next-line\b(.*?)-->").expect("valid pattern")
        }),
    }
}

/// The suppression comments in a source.
pub fn find(source: &str, syntax: CommentSyntax) -> Vec<Suppression> {
    // Every comment holds these words: without them there is no pattern to
    // build (building it costs a one-letter `helder lint` about 0.3 ms).
    if !source.contains("helder-disable-next-line") {
        return Vec::new();
    }
    let index = LineIndex::new(source);
    pattern(syntax)
        .captures_iter(source)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            let body = captures.get(1)?.as_str().trim();
            let (rules, reason) = match body.split_once(':') {
                Some((rules, reason)) => (rules, Some(reason.trim())),
                None => (body, None),
            };
            let rules = rules
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect();
            Some(Suppression {
                span: (whole.start()..whole.end()).into(),
                target_line: index.line_col(whole.end()).0 + 1,
                rules,
                reason: reason.filter(|r| !r.is_empty()).map(str::to_string),
            })
        })
        .collect()
}

/// Removes the findings the suppressions in `source` cover, and returns the
/// findings about the suppressions themselves (no reason, unknown rule, unused).
pub fn apply(findings: &mut Vec<Finding>, source: &str, syntax: CommentSyntax) -> Vec<Finding> {
    let suppressions = find(source, syntax);
    if suppressions.is_empty() {
        return Vec::new();
    }
    let index = LineIndex::new(source);
    let known: Vec<&'static str> = catalogue().iter().map(|r| r.id).collect();
    let mut used = vec![false; suppressions.len()];
    findings.retain(|finding| {
        let line = index.line_col(finding.span.start).0;
        let covering = suppressions
            .iter()
            .position(|s| s.target_line == line && s.rules.iter().any(|r| r == finding.rule));
        if let Some(i) = covering {
            used[i] = true;
        }
        covering.is_none()
    });
    let mut meta = Vec::new();
    for (suppression, used) in suppressions.iter().zip(used) {
        if suppression.reason.is_none() {
            meta.push(meta_finding(
                SUPPRESSION_WITHOUT_REASON,
                Severity::Error,
                suppression.span,
                "Deze regel wordt uitgezet zonder reden.".to_string(),
                format!(
                    "Zet na de naam van de regel een dubbele punt en de reden, bijvoorbeeld: {DIRECTIVE} {}: de wet schrijft deze zin zo voor",
                    suppression.rules.first().map_or("passive-voice", String::as_str)
                ),
            ));
        }
        let unknown: Vec<&String> = suppression
            .rules
            .iter()
            .filter(|r| !known.contains(&r.as_str()))
            .collect();
        if suppression.rules.is_empty() {
            meta.push(meta_finding(
                UNKNOWN_RULE,
                Severity::Error,
                suppression.span,
                "Deze opmerking noemt geen regel om uit te zetten.".to_string(),
                format!("Schrijf de naam van de regel na {DIRECTIVE}, bijvoorbeeld passive-voice."),
            ));
        }
        for rule in &unknown {
            let closest = known
                .iter()
                .map(|k| (strsim::levenshtein(k, rule), *k))
                .min()
                .filter(|(distance, _)| *distance <= 3);
            meta.push(meta_finding(
                UNKNOWN_RULE,
                Severity::Error,
                suppression.span,
                format!("De regel {rule} bestaat niet, dus hier wordt niets uitgezet."),
                match closest {
                    Some((_, k)) => format!("Bedoelt u {k}?"),
                    None => "Zie helder lint --explain voor de namen van de regels.".to_string(),
                },
            ));
        }
        if !used && unknown.is_empty() && !suppression.rules.is_empty() {
            meta.push(meta_finding(
                UNUSED_SUPPRESSION,
                Severity::Warning,
                suppression.span,
                format!(
                    "Op regel {} vindt {} niets; deze opmerking is niet meer nodig.",
                    suppression.target_line,
                    suppression.rules.join(", ")
                ),
                "Haal de opmerking weg.".to_string(),
            ));
        }
    }
    meta
}

fn meta_finding(
    rule: &'static str,
    severity: Severity,
    span: Span,
    message: String,
    suggestion: String,
) -> Finding {
    Finding {
        rule,
        category: Category::Template,
        severity,
        span,
        message,
        fix: None,
        suggestion: Some(suggestion),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, start: usize) -> Finding {
        Finding {
            rule,
            category: Category::Readability,
            severity: Severity::Warning,
            span: Span {
                start,
                end: start + 1,
            },
            message: String::new(),
            fix: None,
            suggestion: None,
        }
    }

    #[test]
    fn a_suppression_with_a_reason_removes_the_finding_on_the_next_line_only() {
        let source = "{# helder-disable-next-line passive-voice: wettelijke zin #}\nEr wordt gekort.\nEr wordt betaald.\n";
        let second = source.find("Er wordt betaald").unwrap();
        let mut findings = vec![
            finding("passive-voice", 61),
            finding("passive-voice", second),
        ];
        let meta = apply(&mut findings, source, CommentSyntax::Tera);
        assert!(meta.is_empty(), "{meta:?}");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].span.start, second);
    }

    #[test]
    fn a_suppression_without_reason_still_suppresses_but_is_an_error() {
        let source =
            "<!-- helder-disable-next-line long-word -->\nArbeidsongeschiktheidsverzekering.\n";
        let mut findings = vec![finding("long-word", 44)];
        let meta = apply(&mut findings, source, CommentSyntax::Html);
        assert!(findings.is_empty());
        let rules: Vec<_> = meta.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![SUPPRESSION_WITHOUT_REASON]);
    }

    #[test]
    fn unknown_and_unused_suppressions_are_findings() {
        let source = "{# helder-disable-next-line pasive-voice: oud #}\nBel ons.\n{# helder-disable-next-line long-word: oud #}\nBel ons.\n";
        let mut findings = Vec::new();
        let meta = apply(&mut findings, source, CommentSyntax::Tera);
        let rules: Vec<_> = meta.iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![UNKNOWN_RULE, UNUSED_SUPPRESSION]);
        assert!(
            meta[0]
                .suggestion
                .as_deref()
                .unwrap()
                .contains("passive-voice")
        );
    }

    #[test]
    fn several_rules_and_whitespace_control_are_read() {
        let found = find(
            "{#- helder-disable-next-line long-word, passive-voice : reden -#}\n",
            CommentSyntax::Tera,
        );
        assert_eq!(found[0].rules, vec!["long-word", "passive-voice"]);
        assert_eq!(found[0].reason.as_deref(), Some("reden"));
        assert_eq!(found[0].target_line, 2);
    }
}
