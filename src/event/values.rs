//! The value types of an event: a text that is never empty, a date, a moment,
//! an amount in cents. Each reads strictly and says in Dutch what is wrong
//! and how to fix it, never repeating the value.

use super::explain::FIX_SEPARATOR;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// A text value that is never empty or only white space (trimmed on reading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(de::Error::custom(format!(
                "het veld is leeg{FIX_SEPARATOR}Vul het veld in het zaaksysteem in, of laat het weg als het niet verplicht is."
            )));
        }
        Ok(Text(trimmed.to_string()))
    }
}

/// Reads an optional text; an empty or blank string counts as absent.
pub(super) fn optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Text>, D::Error> {
    let raw: Option<String> = Option::deserialize(deserializer)?;
    Ok(raw
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(Text))
}

/// A calendar date written as ISO 8601 (`2026-11-23`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate(pub NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = IsoDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as text, like \"2026-11-23\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IsoDate, E> {
                parse_iso_date(v).map(IsoDate).ok_or_else(|| {
                    let problem = if looks_like_iso_date(v) {
                        "deze datum bestaat niet"
                    } else {
                        "dit is geen datum in de vorm jjjj-mm-dd"
                    };
                    E::custom(format!(
                        "{problem}{FIX_SEPARATOR}Schrijf de datum als jaar-maand-dag, bijvoorbeeld \"2026-11-23\"."
                    ))
                })
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

/// Whether `v` has the shape `dddd-dd-dd`, whether or not the date exists.
fn looks_like_iso_date(v: &str) -> bool {
    v.len() == 10
        && v.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Parses exactly `YYYY-MM-DD`.
pub fn parse_iso_date(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// A moment in time written as RFC 3339 with an offset (`2026-11-23T09:30:00+01:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date and time as text, like \"2026-11-23T09:30:00+01:00\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                DateTime::parse_from_rfc3339(v).map(Timestamp).map_err(|_| {
                    E::custom(format!(
                        "dit is geen datum met tijd in de vorm jjjj-mm-ddTuu:mm:ss+01:00{FIX_SEPARATOR}Schrijf datum, tijd en tijdzone, bijvoorbeeld \"2026-11-23T09:30:00+01:00\"."
                    ))
                })
            }
        }
        deserializer.deserialize_str(TimestampVisitor)
    }
}

/// An amount of money in whole euro cents (35038 is € 350,38).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl<'de> Deserialize<'de> for Cents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CentsVisitor;
        const FIX: &str =
            "Geef het bedrag in hele centen als getal zonder komma of punt: € 350,38 is 35038.";
        impl Visitor<'_> for CentsVisitor {
            type Value = Cents;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount in whole cents")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cents, E> {
                Ok(Cents(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cents, E> {
                i64::try_from(v)
                    .map(Cents)
                    .map_err(|_| E::custom(format!("het bedrag is te groot{FIX_SEPARATOR}{FIX}")))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Cents, E> {
                Err(E::custom(format!(
                    "het bedrag is geen heel aantal centen{FIX_SEPARATOR}{FIX}"
                )))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Cents, E> {
                Err(E::custom(format!(
                    "het bedrag staat als tekst, niet als getal in centen{FIX_SEPARATOR}{FIX}"
                )))
            }
        }
        deserializer.deserialize_any(CentsVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_strict() {
        assert!(parse_iso_date("2026-11-23").is_some());
        assert!(parse_iso_date("2026-2-3").is_none());
        assert!(parse_iso_date("23-11-2026").is_none());
        assert!(parse_iso_date("2026-02-30").is_none());
    }
}
