//! Where a line must never break, in every renderer: an amount (`€ 1.234,56`),
//! a clock time (`9.30 uur`), a date (`4 december 2026`), a postcode
//! (`1234 AB`), a phone number (`0488 44 22 60`, `06 12 34 56 78`,
//! `+31 6 1234 5678`, `14 0488`) and an IBAN in groups of four
//! (`NL91 BNGH 0285 1654 27`).
//!
//! [`keep_together`] joins the parts of each with no-break spaces. The text
//! renderer wraps at ordinary spaces only, HTML never breaks at a no-break
//! space, and the PDF line breaker treats one as part of a word, so one
//! function keeps all three formats right. A reader who copies a phone number
//! from a letter gets it whole.
//!
//! A hyphen needs one thing more. The text and PDF renderers break lines at
//! spaces only, but a browser also breaks after a hyphen: "020-" at the end of
//! one line and "1234567" on the next. The same goes for a reference the
//! reader copies onto a payment or an objection ("B-2026-0731", "Z-2026-02381").
//! [`hyphenated_values`] finds such numbers and references, and the HTML
//! renderer puts each in a span that does not wrap. It
//! does not swap the hyphen for a non-breaking one (U+2011): copied, that
//! character is not a hyphen any more, so a phone or a search does not take
//! the number, some screen readers name it, and not every font has it.

use crate::dutch::{MONTHS, NBSP};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::OnceLock;

struct Patterns {
    euro: Regex,
    time: Regex,
    postcode: Regex,
    date: Regex,
    digits: Regex,
    iban: Regex,
    reference: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| Patterns {
        euro: Regex::new(r"€ (-?\d)").expect("valid"),
        time: Regex::new(r"(\d) (uur\b)").expect("valid"),
        postcode: Regex::new(r"\b([1-9][0-9]{3}) ([A-Z]{2})\b").expect("valid"),
        date: Regex::new(&format!(
            r"\b(\d{{1,2}})[ \x{{a0}}]({})\b(?: (\d{{4}})\b)?",
            MONTHS.join("|")
        ))
        .expect("valid"),
        // Groups of digits with single spaces or hyphens between them; a
        // leading "+" for an international number. Whether a run is a phone
        // number is decided on its digits, in `is_phone_number`.
        digits: Regex::new(r"\+?\b\d+(?:(?:[ \x{a0}]|[ \x{a0}]?-[ \x{a0}]?)\d+)+\b")
            .expect("valid"),
        iban: Regex::new(r"\b[A-Z]{2}[0-9]{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b")
            .expect("valid"),
        // A case or payment reference: capitals, then groups of digits joined by hyphens.
        reference: Regex::new(r"\b[A-Z]{1,3}-\d{2,4}(?:-\d{1,8})+\b").expect("valid"),
    })
}

/// Whether a run of digit groups is a Dutch phone number: ten digits from a
/// leading 0 (`0488 44 22 60`, `06-12345678`), eleven from `+31`, or the
/// municipal number 14 with an area code (`14 010`, `14 0488`).
fn is_phone_number(run: &str) -> bool {
    let digits: String = run.chars().filter(char::is_ascii_digit).collect();
    if run.starts_with('+') {
        return digits.starts_with("31") && digits.len() == 11;
    }
    if digits.starts_with("140") && matches!(digits.len(), 5 | 6) {
        return run.starts_with("14") && !run.starts_with("140");
    }
    digits.starts_with('0') && digits.len() == 10
}

/// Where, in `text`, a phone number with a hyphen ("020-1234567",
/// "06-12 34 56 78", "14-020") or a reference ("B-2026-0731") stands: byte
/// ranges, in order, none overlapping. Run it on the text as [`keep_together`]
/// returns it.
pub fn hyphenated_values(text: &str) -> Vec<Range<usize>> {
    if !text.contains('-') {
        return Vec::new();
    }
    let p = patterns();
    let mut found: Vec<Range<usize>> = p
        .digits
        .find_iter(text)
        .filter(|m| m.as_str().contains('-') && is_phone_number(m.as_str()))
        .map(|m| m.range())
        .chain(p.reference.find_iter(text).map(|m| m.range()))
        .collect();
    found.sort_by_key(|r| r.start);
    let mut values: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match values.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => values.push(range),
        }
    }
    values
}

/// The text with no-break spaces wherever a line must not break.
pub fn keep_together(text: &str) -> String {
    if !text.contains(' ') {
        return text.to_string();
    }
    let p = patterns();
    let nbsp = NBSP.to_string();
    let mut text = p
        .euro
        .replace_all(text, format!("€{nbsp}$1").as_str())
        .into_owned();
    text = p
        .time
        .replace_all(&text, format!("$1{nbsp}$2").as_str())
        .into_owned();
    text = p
        .postcode
        .replace_all(&text, format!("$1{nbsp}$2").as_str())
        .into_owned();
    text = p
        .date
        .replace_all(&text, |c: &Captures| match c.get(3) {
            Some(year) => format!("{}{NBSP}{}{NBSP}{}", &c[1], &c[2], year.as_str()),
            None => format!("{}{NBSP}{}", &c[1], &c[2]),
        })
        .into_owned();
    text = p
        .digits
        .replace_all(&text, |c: &Captures| {
            let run = &c[0];
            if is_phone_number(run) {
                run.replace(' ', &nbsp)
            } else {
                run.to_string()
            }
        })
        .into_owned();
    text = p
        .iban
        .replace_all(&text, |c: &Captures| c[0].replace(' ', &nbsp))
        .into_owned();
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(s: &str) -> String {
        s.replace(' ', "\u{a0}")
    }

    #[test]
    fn phone_numbers_are_kept_whole() {
        for phone in [
            "0488 44 22 60",
            "06 12 34 56 78",
            "020 - 123 45 67",
            "+31 6 1234 5678",
            "14 0488",
            "14 010",
        ] {
            let text = format!("Bel ons op {phone}. Dat kan altijd.");
            assert_eq!(
                keep_together(&text),
                format!("Bel ons op {}. Dat kan altijd.", joined(phone)),
                "{phone}"
            );
        }
    }

    #[test]
    fn phone_numbers_and_references_with_a_hyphen_are_found() {
        let text = keep_together(
            "Bel 020-1234567, 06-12 34 56 78 of 14-020. Zet B-2026-0731 erbij. Zaak 2026-0412 niet.",
        );
        let found: Vec<&str> = hyphenated_values(&text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            found,
            [
                "020-1234567",
                "06-12\u{a0}34\u{a0}56\u{a0}78",
                "14-020",
                "B-2026-0731"
            ]
        );
        assert!(hyphenated_values("Bel 0488 44 22 60, het is A-B.").is_empty());
    }

    #[test]
    fn other_numbers_keep_their_ordinary_spaces() {
        for text in [
            "U krijgt 20 procent minder, 3 maanden lang.",
            "Het gaat om 2 of 3 keer.",
            "Zaak 1234 5678 is gesloten.",
            "Bel 0488 44 22 6 niet.",
        ] {
            assert_eq!(keep_together(text), text, "{text}");
        }
    }

    #[test]
    fn amounts_times_dates_and_postcodes_are_kept_whole() {
        assert_eq!(
            keep_together("Wij betalen € 1.234,56 op 4 december 2026 om 9.30 uur."),
            "Wij betalen €\u{a0}1.234,56 op 4\u{a0}december\u{a0}2026 om 9.30\u{a0}uur."
        );
        assert_eq!(
            keep_together("Het rekeningnummer is NL91 BNGH 0285 1654 27, op naam van de gemeente."),
            "Het rekeningnummer is NL91\u{a0}BNGH\u{a0}0285\u{a0}1654\u{a0}27, op naam van de gemeente."
        );
        assert_eq!(
            keep_together("Stuur het naar Postbus 4120, 6500 AB Waalmonde."),
            "Stuur het naar Postbus 4120, 6500\u{a0}AB Waalmonde."
        );
        // A date the Dutch helpers wrote (day and month already joined) gets its year joined too.
        assert_eq!(
            keep_together("tot en met 31\u{a0}januari 2027 en vanaf 1 mei"),
            "tot en met 31\u{a0}januari\u{a0}2027 en vanaf 1\u{a0}mei"
        );
    }

    #[test]
    fn keeping_together_twice_changes_nothing() {
        let text = "Bel 0488 44 22 60 vóór 4 december 2026, over € 53,00.";
        let once = keep_together(text);
        assert_eq!(keep_together(&once), once);
    }
}
