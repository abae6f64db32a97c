//! The address block must be something a sorting machine can read, in the
//! envelope's window (PostNL's rules for business mail, in short).
//!
//! 3 to 6 lines; no line may start with a character the machines read as noise
//! (`-`, `*`, `#`, `(`, …); the last line is `1234 AB  PLAATS` with a real
//! Dutch postcode (the letter pairs SA, SD and SS are never issued), or, for
//! an address abroad, the country in capitals; and every line fits the window.

use super::RenderError;
use super::fonts::{Weight, face};

/// Checks the address lines; `max_width` is the window's inner width in points at `size`.
pub fn check(lines: &[String], size: f32, max_width: f32) -> Result<(), RenderError> {
    const FIX: &str = "Controleer het adres in het zaaksysteem.";
    let fail = |problem: String| {
        Err(RenderError::new(
            format!("het adres kan zo niet in het venster van de envelop: {problem}"),
            FIX,
        ))
    };
    if !(3..=6).contains(&lines.len()) {
        return fail(format!(
            "het heeft {} regels, en dat moeten er 3 tot 6 zijn",
            lines.len()
        ));
    }
    for (i, line) in lines.iter().enumerate() {
        let number = i + 1;
        let Some(first) = line.chars().next() else {
            return fail(format!("regel {number} is leeg"));
        };
        if !(first.is_alphanumeric() || first == '\'') {
            return fail(format!(
                "regel {number} begint met {}, en dat leest een sorteermachine niet",
                if first.is_control() || first.is_whitespace() {
                    super::refusal::code(first)
                } else {
                    format!("'{first}'")
                }
            ));
        }
        let width = face(Weight::Regular).width(line, size).map_err(|missing| {
            RenderError::new(
                format!(
                    "het teken {} in regel {number} van het adres staat niet in het lettertype",
                    super::refusal::code(missing.0)
                ),
                FIX,
            )
        })?;
        if width > max_width {
            return fail(format!("regel {number} is te lang voor het venster"));
        }
    }
    let last = lines.last().map(String::as_str).unwrap_or_default();
    if !is_postcode_line(last) && !is_country_line(last) {
        return fail(format!(
            "de laatste regel is \"{last}\", en dat moet de postcode met de plaats zijn (1234 AB  PLAATS), of bij een adres in het buitenland het land"
        ));
    }
    Ok(())
}

/// `1234 AB  PLAATS`: a real postcode, two spaces, the place in capitals.
fn is_postcode_line(line: &str) -> bool {
    let Some((postcode, place)) = line.split_once("  ") else {
        return false;
    };
    crate::dutch::normalize_postcode(postcode).as_deref() == Some(postcode)
        && !place.trim().is_empty()
        && place == place.to_uppercase()
}

/// A country in capitals (an address abroad ends with it).
fn is_country_line(line: &str) -> bool {
    line.chars().any(char::is_alphabetic)
        && line == line.to_uppercase()
        && !line.chars().any(|c| c.is_ascii_digit())
        && line != "NEDERLAND"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_dutch_and_a_foreign_address_pass() {
        check(
            &lines(&[
                "Mevrouw A. de Vries",
                "Lindelaan 14 A",
                "6512 KT  WAALMONDE",
            ]),
            10.5,
            270.0,
        )
        .unwrap();
        check(
            &lines(&[
                "De heer J. Peeters",
                "Kerkstraat 3",
                "2000 ANTWERPEN",
                "BELGIË",
            ]),
            10.5,
            270.0,
        )
        .unwrap();
    }

    #[test]
    fn bad_addresses_are_refused_with_the_reason() {
        let cases = [
            (lines(&["A", "6512 KT  WAALMONDE"]), "2 regels"),
            (
                lines(&["Mevrouw A. de Vries", "-Lindelaan 14", "6512 KT  WAALMONDE"]),
                "begint met '-'",
            ),
            (
                lines(&["Mevrouw A. de Vries", "Lindelaan 14", "6512 SS  WAALMONDE"]),
                "laatste regel",
            ),
            (
                lines(&["Mevrouw A. de Vries", "Lindelaan 14", "6512 KT Waalmonde"]),
                "laatste regel",
            ),
            (
                lines(&[
                    "Mevrouw Anna-Maria Wilhelmina Johanna van den Berg-de Vries van Oranje",
                    "Lindelaan 14",
                    "6512 KT  WAALMONDE",
                ]),
                "te lang",
            ),
        ];
        for (address, expected) in cases {
            let error = check(&address, 10.5, 270.0).unwrap_err().to_string();
            assert!(error.contains(expected), "{error}");
        }
    }
}
