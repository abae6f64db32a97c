//! Step 1 of the pipeline, before anything else reads an event: what every
//! value that comes in must be, so that nothing helder keeps or shows can
//! carry a BSN, forge a line, or look different from what it is.
//!
//! - No BSN: no value and no key may hold nine digits that pass the elfproef,
//!   in any form [`crate::event::bsn`] knows.
//! - No control characters: ids, names, address lines and every other one-line
//!   value refuse them all (a newline in `street` would add a line to the
//!   address in an HTML or text letter); running text (the reasons of a
//!   decision, what was heard in a call) may have line ends and tabs.
//! - No invisible characters: direction controls (U+202E turns text around on
//!   screen) and zero-width characters are refused in every value, because
//!   they make a text look different from what it is, or hide a word from
//!   the checks.
//! - Ids are at most [`MAX_ID_CHARS`] characters.
//!
//! A refused value is never repeated: the error names the JSON path (with a
//! BSN in a key masked) and the kind of character, not the value.

use crate::event::bsn::{contains_possible_bsn, mask_possible_bsns};
use serde_json::Value;

/// The longest id (event id, case id, person, contact) helder accepts.
pub const MAX_ID_CHARS: usize = 200;

/// Why a value is refused at the door: where, what, and how to fix it, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The JSON path of the value (`data.recipient.address.street`), safe to show.
    pub path: String,
    /// What is wrong, without the value.
    pub problem: String,
    /// How to fix it.
    pub fix: String,
}

/// Values that are running text: they may hold line ends and tabs.
const RUNNING_TEXT: [&str; 3] = [
    "data.decision.reasons[",
    "data.prior_contact.heard",
    "data.flags.reason",
];

/// Values that are ids: at most [`MAX_ID_CHARS`] characters.
const IDS: [&str; 5] = [
    "id",
    "subject",
    "data.case.zaak_id",
    "data.recipient.person_ref",
    "data.prior_contact.contact_id",
];

/// Checks every key and value of an event, before anything else reads it.
pub fn check_event(event: &Value) -> Result<(), Refusal> {
    check_value(event, "")
}

/// Checks a text a person typed (what was heard in a call): running text,
/// so line ends are fine; a BSN, control or invisible characters are not.
pub fn check_note(text: &str, path: &str) -> Result<(), Refusal> {
    check_string(text, path, true)
}

/// An id (trimmed), when it is usable as one: not empty, at most
/// [`MAX_ID_CHARS`] characters, no BSN, no control or invisible characters.
pub fn usable_id(id: &str) -> Option<&str> {
    let id = id.trim();
    let fits = !id.is_empty() && id.chars().count() <= MAX_ID_CHARS;
    (fits && check_string(id, "id", false).is_ok()).then_some(id)
}

/// An id as it may be shown in a message: a possible BSN masked, cut before
/// the first control or invisible character, and at most 40 characters.
pub fn shown_id(id: &str) -> String {
    let masked = mask_possible_bsns(id.trim());
    let mut shown: String = masked
        .chars()
        .take_while(|c| problem_character(*c, false).is_none())
        .take(40)
        .collect();
    if shown.chars().count() < masked.chars().count() {
        shown.push('…');
    }
    shown
}

/// A JSON path as it may be shown: a BSN in a key masked, control and
/// invisible characters replaced by `?`, at most 120 characters.
pub fn shown_path(path: &str) -> String {
    let masked = mask_possible_bsns(path);
    let mut shown: String = masked
        .chars()
        .map(|c| {
            if problem_character(c, false).is_some() {
                '?'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    if masked.chars().count() > 120 {
        shown.push('…');
    }
    shown
}

fn check_value(value: &Value, path: &str) -> Result<(), Refusal> {
    match value {
        Value::String(text) => {
            let running = RUNNING_TEXT.iter().any(|p| path.starts_with(p));
            check_string(text, path, running)?;
            if IDS.contains(&path) && text.trim().chars().count() > MAX_ID_CHARS {
                return Err(refusal(
                    path,
                    format!("dit id is langer dan {MAX_ID_CHARS} tekens"),
                    "Geef een kort id, zoals het zaaksysteem het kent.",
                ));
            }
            Ok(())
        }
        Value::Number(number) => {
            let is_amount = path.ends_with("amount_cents");
            if !is_amount
                && number
                    .as_u64()
                    .is_some_and(|n| contains_possible_bsn(&n.to_string()))
            {
                return Err(bsn_refusal(path));
            }
            Ok(())
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, item)| check_value(item, &format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().try_for_each(|(key, item)| {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if contains_possible_bsn(key) {
                return Err(bsn_refusal(&child));
            }
            if let Some(kind) = key.chars().find_map(|c| problem_character(c, false)) {
                return Err(character_refusal(&child, kind));
            }
            check_value(item, &child)
        }),
        Value::Bool(_) | Value::Null => Ok(()),
    }
}

fn check_string(text: &str, path: &str, running: bool) -> Result<(), Refusal> {
    if contains_possible_bsn(text) {
        return Err(bsn_refusal(path));
    }
    match text.chars().find_map(|c| problem_character(c, running)) {
        Some(kind) => Err(character_refusal(path, kind)),
        None => Ok(()),
    }
}

/// What kind of character `c` is, when it may not be in a value.
fn problem_character(c: char, running: bool) -> Option<Kind> {
    if running && matches!(c, '\n' | '\r' | '\t') {
        return None;
    }
    if matches!(c, '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}') {
        return Some(Kind::LineEnd(c));
    }
    if c.is_control() {
        return Some(Kind::Control(c));
    }
    if is_direction_control(c) {
        return Some(Kind::Direction(c));
    }
    if is_invisible(c) {
        return Some(Kind::Invisible(c));
    }
    None
}

/// Characters that change the direction text is shown in.
fn is_direction_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that take no room on screen or paper.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    LineEnd(char),
    Control(char),
    Direction(char),
    Invisible(char),
}

fn character_refusal(path: &str, kind: Kind) -> Refusal {
    let (what, c) = match kind {
        Kind::LineEnd(c) => ("een regeleinde", c),
        Kind::Control(c) => ("een stuurteken", c),
        Kind::Direction(c) => ("een teken dat de leesrichting omdraait", c),
        Kind::Invisible(c) => ("een onzichtbaar teken", c),
    };
    refusal(
        path,
        format!("hier staat {what} (U+{:04X})", u32::from(c)),
        "Haal het teken weg in het zaaksysteem; een naam, een adresregel of een id is één regel gewone tekst.",
    )
}

fn bsn_refusal(path: &str) -> Refusal {
    refusal(
        path,
        "hier staat een nummer van negen cijfers dat een BSN kan zijn".to_string(),
        "helder verwerkt geen BSN. Gebruik het zaaknummer (zaak-identificatie) of een eigen kenmerk van het zaaksysteem.",
    )
}

fn refusal(path: &str, problem: String, fix: &str) -> Refusal {
    Refusal {
        path: shown_path(path),
        problem,
        fix: fix.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_line_end_in_a_line_is_refused_and_in_running_text_allowed() {
        let event = json!({"data": {"recipient": {"address": {"street": "Laan\nX"}}}});
        let refusal = check_event(&event).unwrap_err();
        assert_eq!(refusal.path, "data.recipient.address.street");
        assert!(refusal.problem.contains("U+000A"));
        let event = json!({"data": {"decision": {"reasons": ["Eerste regel.\nTweede regel."]}}});
        assert!(check_event(&event).is_ok());
    }

    #[test]
    fn invisible_and_direction_characters_are_refused_everywhere() {
        for c in ['\u{202E}', '\u{2067}', '\u{200B}', '\u{FEFF}', '\u{2060}'] {
            let event = json!({"data": {"decision": {"reasons": [format!("a{c}b")]}}});
            let refusal = check_event(&event).unwrap_err();
            assert_eq!(refusal.path, "data.decision.reasons[0]", "{c:?}");
        }
    }

    #[test]
    fn a_bsn_in_a_key_is_refused_and_masked_in_the_path() {
        let event = json!({"data": {"recipient": {"111-22-2333": 1}}});
        let refusal = check_event(&event).unwrap_err();
        assert_eq!(refusal.path, "data.recipient.*********");
    }

    #[test]
    fn ids_are_short_and_shown_without_what_follows_a_control_character() {
        let long = "x".repeat(MAX_ID_CHARS + 1);
        assert_eq!(check_event(&json!({ "id": long })).unwrap_err().path, "id");
        assert_eq!(usable_id(" evt-1 "), Some("evt-1"));
        assert_eq!(usable_id("evt-111222333"), None);
        assert_eq!(usable_id(&long), None);
        assert_eq!(shown_id("evt-111222333"), "evt-*********");
        assert_eq!(shown_id("id\nVALS"), "id…");
        assert_eq!(shown_id(&"y".repeat(300)).chars().count(), 41);
    }
}
