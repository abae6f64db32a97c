//! Reading one event, or the events of a text (one JSON object, or NDJSON),
//! into a [`CaseEvent`]: the envelope attribute by attribute, then `data`
//! through serde, then [`validate`](super::validate). A BSN is refused first.

use super::event_type::{EventType, TYPE_PREFIX};
use super::explain::{EventError, Origin, explain_serde_error, shorten};
use super::schema::{CaseEvent, EventData};
use super::validate::validate_data;
use super::values::Timestamp;
use chrono::DateTime;
use serde_json::Value;

/// Reads events from the text of a file: one JSON object, or NDJSON.
///
/// Every event ends as exactly one `Ok` or `Err`; one broken line does not
/// stop the others. Blank lines are skipped.
pub fn parse_events(text: &str, file: &str) -> Vec<Result<CaseEvent, EventError>> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return vec![Err(EventError {
            origin: Origin {
                file: file.to_string(),
                line: None,
            },
            event_id: None,
            path: String::new(),
            problem: "het bestand is leeg".to_string(),
            fix: "Exporteer de gebeurtenis opnieuw uit het zaaksysteem.".to_string(),
        })];
    }
    // A single (possibly pretty-printed) JSON object?
    if serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok() {
        let origin = Origin {
            file: file.to_string(),
            line: None,
        };
        return vec![parse_event(trimmed, origin)];
    }
    let lines: Vec<&str> = text.lines().collect();
    let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
    if non_blank == 1 || !trimmed.starts_with('{') {
        // One event with a syntax error: report it once, with its position.
        let origin = Origin {
            file: file.to_string(),
            line: None,
        };
        return vec![parse_event(trimmed, origin)];
    }
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let origin = Origin {
                file: file.to_string(),
                line: Some(i + 1),
            };
            parse_event(line, origin)
        })
        .collect()
}

/// Reads and validates one event from its JSON text.
pub fn parse_event(json: &str, origin: Origin) -> Result<CaseEvent, EventError> {
    let value: Value = serde_json::from_str(json).map_err(|e| EventError {
        origin: origin.clone(),
        event_id: None,
        path: String::new(),
        problem: format!(
            "de tekst is geen geldige JSON (regel {}, kolom {})",
            e.line(),
            e.column()
        ),
        fix: "Controleer de export uit het zaaksysteem: elke gebeurtenis is één JSON-object, bij NDJSON één per regel.".to_string(),
    })?;
    event_from_value(value, origin)
}

/// Validates one event that is already parsed as JSON.
pub fn event_from_value(value: Value, origin: Origin) -> Result<CaseEvent, EventError> {
    // Refused ids are shown masked and cut short, never repeated as they came.
    let event_id = value
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.trim().is_empty())
        .map(super::intake::shown_id);
    let fail = |path: &str, problem: &str, fix: &str| EventError {
        origin: origin.clone(),
        event_id: event_id.clone(),
        path: path.to_string(),
        problem: problem.to_string(),
        fix: fix.to_string(),
    };
    // No BSN, no control or invisible characters, no over-long ids: checked
    // before anything else reads the event, not even an error message.
    if let Err(refusal) = super::intake::check_event(&value) {
        return Err(fail(&refusal.path, &refusal.problem, &refusal.fix));
    }
    let Value::Object(mut envelope) = value else {
        return Err(fail(
            "",
            "de gebeurtenis is geen JSON-object",
            "Geef elke gebeurtenis als object tussen { en }.",
        ));
    };
    let id = envelope
        .get("id")
        .and_then(Value::as_str)
        .and_then(super::intake::usable_id)
        .map(str::to_string)
        .ok_or_else(|| {
            fail(
                "id",
                "de gebeurtenis heeft geen bruikbaar id",
                "Geef elke gebeurtenis een uniek id van 1 tot 200 tekens, zonder regeleinden.",
            )
        })?;
    let specversion = envelope.get("specversion").and_then(Value::as_str);
    if specversion != Some("1.0") {
        return Err(fail(
            "specversion",
            "specversion ontbreekt of is niet \"1.0\"",
            "Zet \"specversion\": \"1.0\" in de gebeurtenis (CloudEvents 1.0).",
        ));
    }
    let source = required_string(&envelope, "source").ok_or_else(|| {
        fail(
            "source",
            "de bron (source) ontbreekt",
            "Geef de bron als URN, bijvoorbeeld \"urn:nld:oin:00000001234567890000:systeem:zaken\".",
        )
    })?;
    let type_attr = required_string(&envelope, "type").ok_or_else(|| {
        fail(
            "type",
            "het soort gebeurtenis (type) ontbreekt",
            &format!("Geef het type als \"{TYPE_PREFIX}<soort>\", bijvoorbeeld \"{TYPE_PREFIX}benefit_granted\"."),
        )
    })?;
    let event_type =
        parse_type_attr(&type_attr).map_err(|(problem, fix)| fail("type", &problem, &fix))?;
    let subject = required_string(&envelope, "subject").ok_or_else(|| {
        fail(
            "subject",
            "het zaaknummer (subject) ontbreekt",
            "Zet het zaaknummer in \"subject\", hetzelfde als data.case.zaak_id.",
        )
    })?;
    let time = match envelope.get("time") {
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
            .map(Timestamp)
            .map_err(|_| {
                fail(
                    "time",
                    "dit is geen datum met tijd in de vorm jjjj-mm-ddTuu:mm:ss+01:00",
                    "Schrijf datum, tijd en tijdzone, bijvoorbeeld \"2026-11-23T09:30:00+01:00\".",
                )
            })?,
        _ => {
            return Err(fail(
                "time",
                "het tijdstip (time) ontbreekt",
                "Geef het moment waarop de gebeurtenis is vastgelegd, bijvoorbeeld \"2026-11-23T09:30:00+01:00\".",
            ));
        }
    };
    if let Some(content_type) = envelope.get("datacontenttype")
        && content_type.as_str() != Some("application/json")
    {
        return Err(fail(
            "datacontenttype",
            "datacontenttype is niet \"application/json\"",
            "Laat het veld weg of zet het op \"application/json\".",
        ));
    }
    let data_value = envelope.remove("data").ok_or_else(|| {
        fail(
            "data",
            "de inhoud (data) ontbreekt",
            "Geef de gegevens van de zaak in het object \"data\".",
        )
    })?;
    let data: EventData = serde_path_to_error::deserialize(data_value).map_err(|e| {
        let (path, problem, fix) = explain_serde_error(&e);
        fail(&path, &problem, &fix)
    })?;
    if data.event_type != event_type {
        return Err(fail(
            "data.event_type",
            &format!(
                "data.event_type ({}) is niet hetzelfde als het type van de gebeurtenis ({event_type})",
                data.event_type
            ),
            "Maak beide gelijk; het deel na \"nl.participatiewet.bijstand.\" in type is het juiste soort.",
        ));
    }
    validate_data(&data, event_type).map_err(|(path, problem, fix)| fail(&path, &problem, &fix))?;
    Ok(CaseEvent {
        id,
        source,
        event_type,
        subject,
        time,
        data,
    })
}

fn required_string(envelope: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    envelope
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn parse_type_attr(type_attr: &str) -> Result<EventType, (String, String)> {
    let Some(name) = type_attr.strip_prefix(TYPE_PREFIX) else {
        return Err((
            format!("het type begint niet met \"{TYPE_PREFIX}\""),
            format!(
                "Geef het type als \"{TYPE_PREFIX}<soort>\", bijvoorbeeld \"{TYPE_PREFIX}benefit_granted\"."
            ),
        ));
    };
    EventType::from_name(name).ok_or_else(|| {
        let hint = match EventType::closest(name) {
            Some(t) => format!("Bedoelt u \"{TYPE_PREFIX}{t}\"? "),
            None => String::new(),
        };
        (
            format!(
                "helder kent het soort gebeurtenis \"{}\" niet",
                shorten(name, 60)
            ),
            format!(
                "{hint}De soorten die helder kent, staan in DESIGN.md §3 en in `helder templates`."
            ),
        )
    })
}
