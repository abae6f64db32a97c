//! `helder lint --fix`: the unambiguous replacements of a file's findings, applied.
//!
//! A finding carries a [`super::Fix`] only when one replacement says the same
//! plainly ("indien" → "als", "verzocht" → "vroeg"). [`apply`] applies them to
//! the source the author edits, except where that would be wrong:
//!
//! - the span no longer holds the text the fix was made for;
//! - the line has a suppression comment, or a comment suppresses it: the author
//!   decided about that line;
//! - in a template, the span touches a Tera tag (`{{ }}`, `{% %}`, `{# #}`):
//!   only literal text is changed;
//! - it overlaps a fix applied before it.
//!
//! Applying the result again changes nothing: a replacement is plain language
//! no rule offers to fix.

use super::suppress::{self, CommentSyntax};
use super::{Finding, LineIndex};
use crate::text::mask_template;

/// A file's source with the fixes applied, and how many were applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    /// The new source.
    pub source: String,
    /// Fixes applied.
    pub applied: usize,
}

/// Applies the fixes of `findings` to `source` (a template when `syntax` is Tera).
pub fn apply(source: &str, findings: &[Finding], syntax: CommentSyntax) -> Fixed {
    let index = LineIndex::new(source);
    // Lines with a suppression comment, and the lines the comments point at.
    let mut held: Vec<usize> = Vec::new();
    for suppression in suppress::find(source, syntax) {
        let (first, _) = index.line_col(suppression.span.start);
        let (last, _) = index.line_col(suppression.span.end);
        held.extend(first..=last);
        held.push(suppression.target_line);
    }
    let masked = (syntax == CommentSyntax::Tera).then(|| mask_template(source));
    let mut fixes: Vec<(&Finding, &super::Fix)> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|fix| (f, fix)))
        .filter(|(finding, fix)| {
            let span = finding.span.start..finding.span.end;
            let lines = index.line_col(span.start).0..=index.line_col(span.end).0;
            source.get(span.clone()) == Some(fix.original.as_str())
                && !held.iter().any(|line| lines.contains(line))
                && masked
                    .as_ref()
                    .is_none_or(|masked| masked.get(span.clone()) == source.get(span))
        })
        .collect();
    fixes.sort_by_key(|(finding, _)| (finding.span.start, finding.span.end));
    let mut out = String::with_capacity(source.len());
    let mut done = 0;
    let mut applied = 0;
    for (finding, fix) in fixes {
        if finding.span.start < done {
            continue;
        }
        out.push_str(&source[done..finding.span.start]);
        out.push_str(&fix.replacement);
        done = finding.span.end;
        applied += 1;
    }
    out.push_str(&source[done..]);
    Fixed {
        source: out,
        applied,
    }
}

/// A unified diff of a file before and after, with `a/` and `b/` paths (an
/// absolute path as git writes it: `a/tmp/brief.md`); empty when equal.
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    let path = path.trim_start_matches('/');
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{SourceKind, lint};
    use crate::readability::ReadabilityConfig;

    #[test]
    fn an_absolute_path_gets_one_slash_after_a_and_b() {
        let diff = unified_diff("/tmp/brief.md", "Indien\n", "Als\n");
        assert!(
            diff.starts_with("--- a/tmp/brief.md\n+++ b/tmp/brief.md\n"),
            "{diff}"
        );
        assert!(unified_diff("brief.md", "x\n", "x\n").is_empty());
    }

    fn fix(source: &str, kind: SourceKind) -> Fixed {
        let findings = lint(source, kind, &ReadabilityConfig::default()).findings;
        let syntax = if kind == SourceKind::Template {
            CommentSyntax::Tera
        } else {
            CommentSyntax::Html
        };
        apply(source, &findings, syntax)
    }

    #[test]
    fn formal_words_are_replaced_in_the_same_form_and_a_second_run_changes_nothing() {
        let source = "Indien u vragen hebt, bel ons.\n\nWij verzochten u om uw loonstrook. U ontving die brief in mei.\n";
        let once = fix(source, SourceKind::Markdown);
        assert_eq!(
            once.source,
            "Als u vragen hebt, bel ons.\n\nWij vroegen u om uw loonstrook. U kreeg die brief in mei.\n"
        );
        assert_eq!(once.applied, 3);
        let twice = fix(&once.source, SourceKind::Markdown);
        assert_eq!(twice.source, once.source);
        assert_eq!(twice.applied, 0);
    }

    #[test]
    fn a_line_with_a_suppression_is_left_as_it_is() {
        let source = "<!-- helder-disable-next-line formal-word: zo staat het in de wet -->\nIndien u vragen hebt, bel ons.\n\nIndien u wilt, mail ons.\n";
        let fixed = fix(source, SourceKind::Markdown);
        assert_eq!(
            fixed.source,
            "<!-- helder-disable-next-line formal-word: zo staat het in de wet -->\nIndien u vragen hebt, bel ons.\n\nAls u wilt, mail ons.\n"
        );
    }

    #[test]
    fn in_a_template_only_literal_text_changes() {
        let source = "+++\nevent_type = \"x\"\n+++\nIndien u wilt, bel {{ contact.name }}.\n\nWij bellen u. {% if indien %}Wij verstrekken u een pas.{% endif %}\n";
        let fixed = fix(source, SourceKind::Template);
        assert_eq!(
            fixed.source,
            "+++\nevent_type = \"x\"\n+++\nAls u wilt, bel {{ contact.name }}.\n\nWij bellen u. {% if indien %}Wij geven u een pas.{% endif %}\n"
        );
    }

    #[test]
    fn a_fix_inside_a_tera_tag_or_over_changed_text_is_never_applied() {
        use crate::lint::{Category, Finding, Fix, Severity, Span};
        let source = "Wij bellen u. {% if indien %}Dag.{% endif %} Indien u wilt.\n";
        let finding = |start: usize, original: &str| Finding {
            rule: "formal-word",
            category: Category::Wording,
            severity: Severity::Warning,
            span: Span {
                start,
                end: start + original.len(),
            },
            message: String::new(),
            suggestion: None,
            fix: Some(Fix {
                replacement: "als".to_string(),
                original: original.to_string(),
            }),
        };
        let in_tag = source.find("indien").unwrap();
        let literal = source.find("Indien").unwrap();
        let findings = [finding(in_tag, "indien"), finding(literal, "Indien")];
        let fixed = apply(source, &findings, CommentSyntax::Tera);
        assert_eq!(
            fixed.source,
            "Wij bellen u. {% if indien %}Dag.{% endif %} als u wilt.\n"
        );
        // The file changed since the lint: the fix is not applied.
        let stale = [finding(literal, "Indiën")];
        assert_eq!(apply(source, &stale, CommentSyntax::Tera).applied, 0);
    }

    #[test]
    fn the_diff_is_unified_with_paths() {
        let diff = unified_diff("brief.md", "Indien u wilt.\n", "Als u wilt.\n");
        assert_eq!(
            diff,
            "--- a/brief.md\n+++ b/brief.md\n@@ -1 +1 @@\n-Indien u wilt.\n+Als u wilt.\n"
        );
        assert_eq!(unified_diff("brief.md", "x\n", "x\n"), "");
    }
}
