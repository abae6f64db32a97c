//! Claims a letter may make only when its event carries them (DESIGN.md §3,
//! "After the call": a letter says only what happened).
//!
//! A sentence that speaks of a conversation, of what the person told us, of
//! "no reason", of a call that did not get through, of something we found or
//! of an agreement is true only when the event says so. [`unbacked`] finds
//! such claims in a letter's text and keeps those the event does not back.
//! The claims and their word forms are data: `readability/claims.toml`.
//! Text between double quotes is the person's own words and is never read as
//! a claim.

use regex::Regex;
use serde::Deserialize;
use serde_json::Value;
use std::ops::Range;
use std::sync::OnceLock;

const CLAIMS: &str = include_str!("../../readability/claims.toml");

/// What in an event can back a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Backing {
    /// The person was reached (`prior_contact.outcome = "reached"`).
    Reached,
    /// The person was reached and what they said is recorded (`prior_contact.heard`).
    Heard,
    /// The person was reached and gave no reason (`prior_contact.reason_given = false`).
    NoReason,
    /// The person was reached and gave a reason (`prior_contact.reason_given = true`).
    ReasonGiven,
    /// A call or visit did not reach the person (`prior_contact.outcome = "no_contact"`).
    Attempt,
    /// The event gives reasons or facts (`decision.reasons`, `facts`).
    Finding,
    /// Nothing in an event backs it.
    Never,
}

/// One kind of claim from `readability/claims.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimKind {
    /// A short name ("conversation", "heard", …).
    pub kind: String,
    /// What backs it.
    pub needs: Backing,
    /// The word forms, lower case.
    pub forms: Vec<String>,
    /// Why the claim is false without its backing, in Dutch.
    pub message: String,
    /// A sentence with the claim (flagged when the event carries nothing).
    pub bad: String,
    /// The same sentence without it (never flagged).
    pub good: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    claim: Vec<ClaimKind>,
}

/// What an event says happened, as far as claims go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClaimFacts {
    /// The person was reached.
    pub reached: bool,
    /// What the person said is recorded.
    pub heard: bool,
    /// Whether the person gave a reason; `None` when the event does not say.
    pub reason_given: Option<bool>,
    /// A call or visit did not reach the person.
    pub attempt: bool,
    /// The event gives reasons or facts.
    pub finding: bool,
}

impl ClaimFacts {
    /// The facts of an event's `data`, as JSON (the shape of DESIGN.md §2).
    pub fn from_data(data: &Value) -> ClaimFacts {
        let contact = data.get("prior_contact");
        let outcome = contact
            .and_then(|c| c.get("outcome"))
            .and_then(Value::as_str);
        let filled = |value: Option<&Value>| match value {
            Some(Value::String(s)) => !s.trim().is_empty(),
            Some(Value::Array(items)) => items.iter().any(filled_text),
            _ => false,
        };
        let reached = outcome == Some("reached");
        ClaimFacts {
            reached,
            heard: reached && filled(contact.and_then(|c| c.get("heard"))),
            reason_given: contact
                .and_then(|c| c.get("reason_given"))
                .and_then(Value::as_bool),
            attempt: outcome == Some("no_contact"),
            finding: filled(data.get("decision").and_then(|d| d.get("reasons")))
                || filled(data.get("facts")),
        }
    }

    /// Whether these facts back a claim that needs `backing`.
    pub fn backs(&self, backing: Backing) -> bool {
        match backing {
            Backing::Reached => self.reached,
            Backing::Heard => self.heard,
            Backing::NoReason => self.reached && self.reason_given == Some(false),
            Backing::ReasonGiven => self.reached && self.reason_given == Some(true),
            Backing::Attempt => self.attempt,
            Backing::Finding => self.finding,
            Backing::Never => false,
        }
    }
}

fn filled_text(value: &Value) -> bool {
    value.as_str().is_some_and(|s| !s.trim().is_empty())
}

/// A claim in a text that its event does not back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnbackedClaim {
    /// The kind of claim ("conversation", …).
    pub kind: &'static str,
    /// Where the words are in the text (bytes).
    pub range: Range<usize>,
    /// Why it is false here, in Dutch.
    pub message: &'static str,
}

struct Compiled {
    kinds: Vec<ClaimKind>,
    patterns: Vec<Regex>,
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let file: ClaimsFile =
            toml::from_str(CLAIMS).expect("readability/claims.toml is valid (a test loads it)");
        let patterns = file
            .claim
            .iter()
            .map(|kind| {
                let forms: Vec<String> = kind
                    .forms
                    .iter()
                    .map(|form| {
                        form.split_whitespace()
                            .map(regex::escape)
                            .collect::<Vec<_>>()
                            .join(r"\s+")
                    })
                    .collect();
                Regex::new(&format!(
                    r"(?i)(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])",
                    forms.join("|")
                ))
                .expect("claim forms make a valid pattern")
            })
            .collect();
        Compiled {
            kinds: file.claim,
            patterns,
        }
    })
}

/// Every kind of claim, as in `readability/claims.toml`.
pub fn kinds() -> &'static [ClaimKind] {
    &compiled().kinds
}

/// Byte ranges of the text between double quotes ("…", “…”, „…”).
fn quoted(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"', None) | ('“', None) | ('„', None) => open = Some(i),
            ('"', Some(start)) | ('”', Some(start)) | ('“', Some(start)) => {
                ranges.push(start..i + c.len_utf8());
                open = None;
            }
            // A paragraph break ends an unclosed quote: never hide a whole letter.
            ('\n', Some(_)) if text[i + 1..].starts_with('\n') => open = None,
            _ => {}
        }
    }
    ranges
}

/// The claims in `text` that `facts` do not back, in text order.
pub fn unbacked(text: &str, facts: &ClaimFacts) -> Vec<UnbackedClaim> {
    let compiled = compiled();
    let quotes = quoted(text);
    let mut found = Vec::new();
    for (kind, pattern) in compiled.kinds.iter().zip(&compiled.patterns) {
        if facts.backs(kind.needs) {
            continue;
        }
        let mut at = 0;
        while let Some(captures) = pattern.captures_at(text, at) {
            let Some(words) = captures.get(1) else { break };
            // The next search starts at the end of the words, so neighbours both count.
            at = words.end();
            if quotes
                .iter()
                .any(|q| q.start <= words.start() && words.end() <= q.end)
            {
                continue;
            }
            found.push(UnbackedClaim {
                kind: kind.kind.as_str(),
                range: words.range(),
                message: kind.message.as_str(),
            });
        }
    }
    found.sort_by_key(|claim| claim.range.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_claim_flags_its_bad_example_and_not_its_good_one() {
        for kind in kinds() {
            let bad = unbacked(&kind.bad, &ClaimFacts::default());
            assert!(
                bad.iter().any(|c| c.kind == kind.kind),
                "{}: bad example not flagged: {bad:?}",
                kind.kind
            );
            assert!(
                unbacked(&kind.good, &ClaimFacts::default()).is_empty(),
                "{}: good example flagged",
                kind.kind
            );
        }
    }

    #[test]
    fn a_reached_contact_backs_the_conversation_but_not_no_reason_unless_said() {
        let text = "Op 18 november hebben we met u gesproken. In het gesprek hebben we geen reden gehoord.";
        let reached = ClaimFacts::from_data(
            &json!({"prior_contact": {"outcome": "reached", "heard": "Ik was ziek."}}),
        );
        let kinds: Vec<&str> = unbacked(text, &reached).iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec!["no-reason"]);
        let gave_none = ClaimFacts::from_data(
            &json!({"prior_contact": {"outcome": "reached", "reason_given": false}}),
        );
        assert!(unbacked(text, &gave_none).is_empty());
        let gave_one = ClaimFacts::from_data(
            &json!({"prior_contact": {"outcome": "reached", "reason_given": true}}),
        );
        assert_eq!(unbacked(text, &gave_one).len(), 1);
        let nobody = ClaimFacts::from_data(&json!({"prior_contact": {"outcome": "no_contact"}}));
        let kinds: Vec<&str> = unbacked(text, &nobody).iter().map(|c| c.kind).collect();
        assert_eq!(kinds, vec!["conversation", "conversation", "no-reason"]);
    }

    #[test]
    fn a_reason_is_claimed_only_when_one_was_given() {
        let text = "U hebt ons uitgelegd hoe het kwam.";
        let gave_one = ClaimFacts::from_data(
            &json!({"prior_contact": {"outcome": "reached", "reason_given": true}}),
        );
        assert!(unbacked(text, &gave_one).is_empty());
        for data in [
            json!({"prior_contact": {"outcome": "reached", "reason_given": false}}),
            json!({"prior_contact": {"outcome": "reached"}}),
            json!({"prior_contact": {"outcome": "no_contact", "reason_given": true}}),
        ] {
            let kinds: Vec<&str> = unbacked(text, &ClaimFacts::from_data(&data))
                .iter()
                .map(|c| c.kind)
                .collect();
            assert_eq!(kinds, vec!["reason"], "{data}");
        }
    }

    #[test]
    fn the_persons_own_words_in_quotes_are_not_claims() {
        let facts = ClaimFacts::from_data(
            &json!({"prior_contact": {"outcome": "reached", "heard": "x", "reason_given": true}}),
        );
        let text = "U zei toen: \"Ik had geen reden om te bellen, dacht ik.\" Dank u wel.";
        assert!(unbacked(text, &facts).is_empty());
        // Outside the quotes the same words count.
        let text = "U zei toen: \"Ik was ziek.\" U had geen reden om te bellen.";
        assert_eq!(unbacked(text, &facts).len(), 1);
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        // "ongesproken" and "zagenblad" are not the claim words.
        let text = "Dat bleef ongesproken. Wij zagenblad niet.";
        assert!(unbacked(text, &ClaimFacts::default()).is_empty());
        assert_eq!(
            unbacked("Wij zagen dat.", &ClaimFacts::default())[0].kind,
            "finding"
        );
    }

    #[test]
    fn facts_come_from_reasons_or_facts_and_blank_lines_do_not_count() {
        assert!(ClaimFacts::from_data(&json!({"decision": {"reasons": ["U werkt."]}})).finding);
        assert!(ClaimFacts::from_data(&json!({"facts": ["U was er niet."]})).finding);
        assert!(!ClaimFacts::from_data(&json!({"facts": ["  "]})).finding);
        assert!(
            !ClaimFacts::from_data(&json!({"prior_contact": {"outcome": "reached", "heard": " "}}))
                .heard
        );
    }
}
