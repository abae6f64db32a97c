//! Two rules that flag the same words say one thing twice: these steps keep the
//! finding that says it best.

use super::{Category, Finding};

/// Rules that say what is wrong with a word and what to write instead. A word one
/// of them flags is not also a difficult word: a misspelled word is rare only
/// because it is misspelled, and "choose a word everyone knows" would send the
/// author away from the one fix that is needed (the nearest correct word); a formal
/// word and a jargon word come with their plain word or explanation.
const WORD_RULES: &[&str] = &["misspelled-word", "formal-word", "unexplained-jargon"];

/// Keeps one finding per word: drops a difficult-word finding inside the span of
/// a [`WORD_RULES`] finding.
pub(super) fn one_finding_per_word(findings: &mut Vec<Finding>) {
    let mut spans: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| WORD_RULES.contains(&f.rule))
        .map(|f| (f.span.start, f.span.end))
        .collect();
    if spans.is_empty() {
        return;
    }
    // Sorted by start, with the furthest end so far: a span holds a word when one
    // that starts before it reaches past it.
    spans.sort_unstable();
    let mut furthest = 0;
    for span in &mut spans {
        furthest = furthest.max(span.1);
        span.1 = furthest;
    }
    findings.retain(|f| {
        if f.rule != "difficult-word" {
            return true;
        }
        let before = spans.partition_point(|&(start, _)| start <= f.span.start);
        before == 0 || spans[before - 1].1 < f.span.end
    });
}

/// Tone rules from the most specific to the most general: the rank of each.
/// A rule not listed here never drops a finding and is never dropped
/// ("conditional-sanction" says something of its own: the condition).
const TONE_SPECIFICITY: &[(&str, u8)] = &[
    ("fraud-framing", 0),
    ("rising-costs", 0),
    ("punishment-vocabulary", 1),
    ("cost-threat", 1),
    ("suspicion-surveillance", 1),
    ("surveillance", 2),
    ("distrust", 2),
    ("sanction-statement", 3),
];

fn tone_rank(finding: &Finding) -> Option<u8> {
    if finding.category != Category::Tone {
        return None;
    }
    TONE_SPECIFICITY
        .iter()
        .find(|(rule, _)| *rule == finding.rule)
        .map(|&(_, rank)| rank)
}

/// Keeps one tone finding per words: drops a finding of a general tone rule
/// ("sanction-statement", "distrust") when a more specific one ("cost-threat",
/// "fraud-framing") starts at the same word, or holds all its words. "Wij
/// leggen beslag op uw loon" then gets one error about the threat of costs,
/// not a second one about a sanction on the same word. Whether a text has a
/// tone finding never changes: a more specific one stays.
pub(super) fn one_tone_finding_per_words(findings: &mut Vec<Finding>) {
    // (start, end, rank, index) of every ranked tone finding, by start.
    let mut ranked: Vec<(usize, usize, u8, usize)> = findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| tone_rank(f).map(|rank| (f.span.start, f.span.end, rank, i)))
        .collect();
    if ranked.len() < 2 {
        return;
    }
    ranked.sort_unstable();
    let longest = ranked.iter().map(|r| r.1 - r.0).max().unwrap_or(0);
    let mut dropped = vec![false; findings.len()];
    for &(start, end, rank, index) in &ranked {
        // A finding that holds this one starts at most `longest` bytes before its end.
        let from = ranked.partition_point(|r| r.0 < end.saturating_sub(longest));
        let to = ranked.partition_point(|r| r.0 <= start);
        dropped[index] = ranked[from..to]
            .iter()
            .any(|&(s, e, r, i)| i != index && r < rank && (s == start || e >= end));
    }
    let mut index = 0;
    findings.retain(|_| {
        let keep = !dropped[index];
        index += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Severity, SourceKind, lint};
    use crate::readability::ReadabilityConfig;

    fn tone(rule: &'static str, start: usize, end: usize) -> Finding {
        Finding {
            rule,
            category: Category::Tone,
            severity: Severity::Error,
            span: (start..end).into(),
            message: String::new(),
            suggestion: None,
            fix: None,
        }
    }

    fn kept(mut findings: Vec<Finding>) -> Vec<(&'static str, usize, usize)> {
        one_tone_finding_per_words(&mut findings);
        findings
            .iter()
            .map(|f| (f.rule, f.span.start, f.span.end))
            .collect()
    }

    #[test]
    fn the_specific_finding_stays_where_two_start_at_one_word() {
        assert_eq!(
            kept(vec![
                tone("sanction-statement", 11, 47),
                tone("cost-threat", 11, 17),
                tone("cost-threat", 36, 47),
            ]),
            vec![("cost-threat", 11, 17), ("cost-threat", 36, 47)]
        );
        assert_eq!(
            kept(vec![tone("distrust", 5, 11), tone("fraud-framing", 5, 11)]),
            vec![("fraud-framing", 5, 11)]
        );
        // A general finding inside a specific one says nothing more.
        assert_eq!(
            kept(vec![
                tone("rising-costs", 0, 60),
                tone("cost-threat", 30, 40)
            ]),
            vec![("rising-costs", 0, 60)]
        );
    }

    #[test]
    fn findings_about_other_words_or_of_unranked_rules_stay() {
        let findings = vec![
            // A specific finding later in a general one: the general one may be about other words.
            tone("sanction-statement", 0, 50),
            tone("cost-threat", 30, 40),
            // The condition says something of its own.
            tone("conditional-sanction", 60, 120),
            tone("cost-threat", 100, 110),
            // Two findings of one rank both stay.
            tone("cost-threat", 130, 140),
            tone("punishment-vocabulary", 130, 140),
        ];
        assert_eq!(kept(findings.clone()).len(), findings.len());
    }

    #[test]
    fn a_sentence_with_beslag_gets_one_finding_a_word() {
        let config = ReadabilityConfig::default();
        let result = lint(
            "Wij leggen beslag op uw loon via de deurwaarder.",
            SourceKind::PlainText,
            &config,
        );
        let tone: Vec<&str> = result
            .findings
            .iter()
            .filter(|f| f.category == Category::Tone)
            .map(|f| f.rule)
            .collect();
        assert!(!tone.is_empty());
        assert!(!tone.contains(&"sanction-statement"), "{tone:?}");
    }
}
