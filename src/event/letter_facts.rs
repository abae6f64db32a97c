//! What a letter's event and the settings carry, for the structure rules that
//! check that a letter shows it (DESIGN.md §4, "A decision must hold up with
//! the municipality's lawyer").
//!
//! Some parts of a decision cannot be checked on text alone: which amount is
//! the old one, whether a percentage is the measure's, whether a name is the
//! court's. Those rules check that **the value the event or the settings carry
//! is shown in the letter**. In template CI that runs with every example, so a
//! template that never prints `measure.percentage` fails with every example
//! that carries one; in a batch it runs on every real letter. Text linted on
//! its own (`helder lint FILE`) has no facts, and those rules stay silent.

use super::event_type::{EventType, LetterKind};
use crate::dutch::{euro, long_date};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

/// The facts of one letter: its event's type and `data`, the letter's own
/// parts that are not in its body (subject, address block), and the settings
/// a letter shows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFacts {
    /// The event type.
    pub event_type: EventType,
    /// Whether the letter is a besluit.
    #[serde(default)]
    pub is_besluit: bool,
    /// The rendered subject line ("Besluit: …").
    #[serde(default)]
    pub subject: Option<String>,
    /// The name on the first line of the address block ("Mevrouw M.E. van den Berg").
    #[serde(default)]
    pub address_name: Option<String>,
    /// The contact person's name.
    #[serde(default)]
    pub contact_name: Option<String>,
    /// The letter's kenmerk (the case id).
    #[serde(default)]
    pub reference: Option<String>,
    /// The event's `data`, as JSON (the shape of DESIGN.md §2).
    #[serde(default)]
    pub data: Value,
    /// The settings the letter shows.
    #[serde(default)]
    pub settings: ShownSettings,
}

/// The settings from `helder.toml` a letter shows, as they are printed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShownSettings {
    /// The municipality's IBAN, printed in groups of four.
    #[serde(default)]
    pub iban: Option<String>,
    /// The postal address for papers, as in the text.
    #[serde(default)]
    pub papers_address: Option<String>,
    /// The page where people upload papers.
    #[serde(default)]
    pub upload_page: Option<String>,
}

impl EventFacts {
    /// The facts of a letter of which only the type is known.
    pub fn of_type(event_type: EventType, is_besluit: bool) -> EventFacts {
        EventFacts {
            event_type,
            is_besluit,
            subject: None,
            address_name: None,
            contact_name: None,
            reference: None,
            data: Value::Null,
            settings: ShownSettings::default(),
        }
    }

    /// The kind of letter the event type makes.
    pub fn kind(&self) -> LetterKind {
        self.event_type.letter_kind()
    }

    /// The value at a dotted path in `data` (`measure.percentage`), when it is
    /// there and not empty.
    pub fn value(&self, path: &str) -> Option<&Value> {
        let mut at = &self.data;
        for key in path.split('.') {
            at = at.get(key)?;
        }
        match at {
            Value::Null => None,
            Value::String(s) if s.trim().is_empty() => None,
            Value::Array(items) if items.is_empty() => None,
            other => Some(other),
        }
    }

    /// The text at a path.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.value(path)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// The whole number at a path (cents, a percentage).
    pub fn number(&self, path: &str) -> Option<i64> {
        self.value(path).and_then(Value::as_i64)
    }

    /// The date at a path (`YYYY-MM-DD`, or the date part of a timestamp).
    pub fn date(&self, path: &str) -> Option<NaiveDate> {
        let text = self.text(path)?;
        NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
    }

    /// The boolean at a path; absent is false.
    pub fn flag(&self, path: &str) -> bool {
        self.value(path).and_then(Value::as_bool).unwrap_or(false)
    }

    /// The list at a path, empty when absent.
    pub fn items(&self, path: &str) -> &[Value] {
        self.value(path)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// The non-empty texts of the list at a path.
    pub fn texts(&self, path: &str) -> Vec<&str> {
        self.items(path)
            .iter()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// An amount as a letter prints it ("€ 1.234,56").
pub fn shown_euro(cents: i64) -> String {
    euro(cents)
}

/// A date as a letter prints it ("4 januari 2027"; with the weekday it contains the same words).
pub fn shown_date(date: NaiveDate) -> String {
    long_date(date, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn facts(data: Value) -> EventFacts {
        EventFacts {
            data,
            ..EventFacts::of_type(EventType::SanctionReduction, true)
        }
    }

    #[test]
    fn paths_find_values_and_skip_empty_ones() {
        let f = facts(json!({
            "measure": {"percentage": 20, "obligation": "  ", "period_from": "2026-12-01", "how_set": ["a", " ", "b"]},
            "prior_contact": {"at": "2026-11-18T10:00:00+01:00"},
            "flags": {"retroactive": true}
        }));
        assert_eq!(f.number("measure.percentage"), Some(20));
        assert_eq!(f.text("measure.obligation"), None);
        assert_eq!(
            f.date("measure.period_from"),
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert_eq!(
            f.date("prior_contact.at"),
            NaiveDate::from_ymd_opt(2026, 11, 18)
        );
        assert_eq!(f.texts("measure.how_set"), vec!["a", "b"]);
        assert!(f.flag("flags.retroactive"));
        assert!(!f.flag("flags.vulnerable"));
        assert!(f.value("measure.nothing.deeper").is_none());
        assert!(f.items("amounts").is_empty());
    }

    #[test]
    fn the_example_shape_of_a_rule_reads() {
        let f: EventFacts = serde_json::from_str(
            r#"{"event_type": "recovery", "is_besluit": true, "contact_name": "Ilse Verhoef",
                "settings": {"iban": "NL91 BNGH 0285 1654 27"}, "data": {"debt": {"total_cents": 100}}}"#,
        )
        .unwrap();
        assert_eq!(f.kind(), LetterKind::Recovery);
        assert_eq!(f.number("debt.total_cents"), Some(100));
        assert_eq!(f.settings.iban.as_deref(), Some("NL91 BNGH 0285 1654 27"));
        assert!(
            serde_json::from_str::<EventFacts>(r#"{"event_type": "recovery", "colour": 1}"#)
                .is_err()
        );
    }

    #[test]
    fn amounts_and_dates_are_printed_as_in_a_letter() {
        assert_eq!(shown_euro(27975), "€\u{a0}279,75");
        assert_eq!(
            shown_date(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()),
            "4\u{a0}januari 2027"
        );
    }
}
