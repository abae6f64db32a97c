//! Fingerprints: the identity of a finding across edits of its file.
//!
//! A fingerprint is a hash of the rule, the file's path, the flagged words
//! and up to [`NEIGHBOURS`] words on each side of them (within the same
//! paragraph), and how many identical findings came before it in the file.
//! Line and column are left out, so a line added or removed elsewhere in the
//! file does not change it; editing the flagged words or their neighbours does.
//! A finding about the text as a whole ([`Rule::about_whole_text`], such as
//! its level or a missing objection clause) leaves the words out too: it
//! stays the same finding while the text changes.
//!
//! Words are compared in lower case, without punctuation or markup, so
//! rewrapping a paragraph does not change them either. The fingerprint holds
//! no text, only a hash, so a baseline file never contains the letter's words.
//!
//! The baseline ([`super::baseline`]), SARIF `partialFingerprints` and the
//! GitLab report all use this one fingerprint.
//!
//! [`Rule::about_whole_text`]: crate::lint::Rule::about_whole_text

use super::FileReport;
use crate::lint::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// The name and version of the scheme: the key in SARIF `partialFingerprints`
/// and the `fingerprint` recorded in a baseline. A change to how fingerprints
/// are made must change it, so that an old baseline is refused, not misread.
pub const SCHEME: &str = "helder/v1";

/// Words taken on each side of the flagged words.
pub const NEIGHBOURS: usize = 2;

/// The fingerprint of every finding of `file`, in the order of its findings.
pub fn fingerprints(file: &FileReport) -> Vec<String> {
    let whole_text = whole_text_rules();
    let mut seen: FxHashMap<(&str, String), usize> = FxHashMap::default();
    file.findings
        .iter()
        .map(|item| {
            let finding = &item.finding;
            let context = if whole_text.contains(finding.rule) {
                String::new()
            } else {
                context(&file.source, finding.span)
            };
            let occurrence = seen.entry((finding.rule, context.clone())).or_insert(0);
            *occurrence += 1;
            hash(&[
                SCHEME,
                file.clean_path(),
                finding.rule,
                &context,
                &occurrence.to_string(),
            ])
        })
        .collect()
}

/// The ids of the rules whose findings are about the whole text.
fn whole_text_rules() -> &'static FxHashSet<&'static str> {
    static RULES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    RULES.get_or_init(|| {
        crate::lint::rules::all()
            .iter()
            .filter(|rule| rule.about_whole_text())
            .map(|rule| rule.id())
            .collect()
    })
}

/// "before words | flagged words | after words", in lower case.
fn context(source: &str, span: Span) -> String {
    let start = floor_boundary(source, span.start.min(source.len()));
    let end = floor_boundary(source, span.end.clamp(start, source.len()));
    let flagged: Vec<String> = words(&source[start..end]).collect();
    let mut before: Vec<String> = words(paragraph_before(&source[..start]))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .take(NEIGHBOURS)
        .collect();
    before.reverse();
    let after: Vec<String> = words(paragraph_after(&source[end..]))
        .take(NEIGHBOURS)
        .collect();
    format!(
        "{}|{}|{}",
        before.join(" "),
        flagged.join(" "),
        after.join(" ")
    )
}

/// The largest character boundary at or before `index`.
fn floor_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The words of a text: runs of letters and digits, in lower case.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

/// The part of `head` after its last blank line (the start of the paragraph).
fn paragraph_before(head: &str) -> &str {
    let mut from = 0;
    let mut line_start = 0;
    for (index, _) in head.match_indices('\n') {
        if head[line_start..index].trim().is_empty() {
            from = index + 1;
        }
        line_start = index + 1;
    }
    &head[from..]
}

/// The part of `tail` before its first blank line (the end of the paragraph).
fn paragraph_after(tail: &str) -> &str {
    let mut line_start = 0;
    for (index, _) in tail.match_indices('\n') {
        if line_start > 0 && tail[line_start..index].trim().is_empty() {
            return &tail[..line_start];
        }
        line_start = index + 1;
    }
    tail
}

/// The first 16 bytes of the SHA-256 of the parts, in hexadecimal.
fn hash(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Category, Finding, Severity};
    use crate::report::FileFinding;

    fn file(source: &str, findings: &[(&'static str, &str)]) -> FileReport {
        FileReport {
            path: "./brief.md".to_string(),
            kind: "text",
            source: source.to_string(),
            findings: findings
                .iter()
                .map(|(rule, words)| {
                    let start = source.find(words).expect("the words are in the text");
                    FileFinding {
                        finding: Finding {
                            rule,
                            category: Category::Wording,
                            severity: Severity::Warning,
                            span: Span {
                                start,
                                end: start + words.len(),
                            },
                            message: String::new(),
                            suggestion: None,
                            fix: None,
                        },
                        example: None,
                    }
                })
                .collect(),
            metrics: None,
        }
    }

    #[test]
    fn context_holds_the_words_and_two_neighbours_in_the_paragraph() {
        let source = "Eerste alinea.\n\nWij sturen u, indien nodig, een brief.\nTot ziens.";
        let start = source.find("indien").unwrap();
        let span = Span {
            start,
            end: start + "indien".len(),
        };
        assert_eq!(context(source, span), "sturen u|indien|nodig een");
        // Neighbours stop at a blank line.
        let start = source.find("Wij").unwrap();
        let span = Span {
            start,
            end: start + 3,
        };
        assert_eq!(context(source, span), "|wij|sturen u");
    }

    #[test]
    fn lines_added_elsewhere_keep_the_fingerprint() {
        let before = file(
            "Hallo.\n\nIndien u vragen heeft, bel ons.\n",
            &[("formal-word", "Indien")],
        );
        let after = file(
            "Hallo.\n\nEen nieuwe alinea.\n\n\nIndien u vragen heeft, bel ons.\n",
            &[("formal-word", "Indien")],
        );
        assert_eq!(fingerprints(&before), fingerprints(&after));
        // Rewrapping the paragraph changes nothing either.
        let rewrapped = file(
            "Hallo.\n\nIndien u\nvragen heeft, bel ons.\n",
            &[("formal-word", "Indien")],
        );
        assert_eq!(fingerprints(&before), fingerprints(&rewrapped));
    }

    #[test]
    fn other_neighbours_rule_or_path_change_the_fingerprint() {
        let base = file("Indien u vragen heeft.", &[("formal-word", "Indien")]);
        let other_words = file("Indien wij vragen hebben.", &[("formal-word", "Indien")]);
        let other_rule = file("Indien u vragen heeft.", &[("coercive-command", "Indien")]);
        let mut other_path = file("Indien u vragen heeft.", &[("formal-word", "Indien")]);
        other_path.path = "ander.md".to_string();
        let fingerprint = &fingerprints(&base)[0];
        assert_ne!(fingerprint, &fingerprints(&other_words)[0]);
        assert_ne!(fingerprint, &fingerprints(&other_rule)[0]);
        assert_ne!(fingerprint, &fingerprints(&other_path)[0]);
        assert_eq!(fingerprint.len(), 32);
    }

    #[test]
    fn repeated_findings_get_their_own_fingerprint() {
        let source = "Indien u belt.\n\nIndien u belt.\n";
        let mut report = file(source, &[("formal-word", "Indien")]);
        let mut second = report.findings[0].clone();
        let at = source.rfind("Indien").unwrap();
        second.finding.span = Span {
            start: at,
            end: at + 6,
        };
        report.findings.push(second);
        let prints = fingerprints(&report);
        assert_ne!(prints[0], prints[1]);
    }

    #[test]
    fn a_finding_about_the_whole_text_keeps_its_fingerprint_when_the_words_change() {
        let one = file("Dit is een zin.", &[("above-b1", "Dit is een zin.")]);
        let other = file(
            "Een heel andere zin.",
            &[("above-b1", "Een heel andere zin.")],
        );
        assert_eq!(fingerprints(&one), fingerprints(&other));
    }
}
