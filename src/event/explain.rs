//! Problems with an event, in Dutch: which event, where, what is wrong, how
//! to fix it. serde's messages are turned into a JSON path, a problem and a
//! fix, without the value (it may be personal data).

use std::fmt;

/// Separates the problem from the fix inside a serde custom error message.
pub(super) const FIX_SEPARATOR: char = '\u{1f}';

/// Where an event came from: a file, and a line for NDJSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file name as given on the command line, or "stdin".
    pub file: String,
    /// The 1-based line in an NDJSON file.
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// A problem with one event: which event, where in it, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {}: {}: {problem}. {fix}", event_label(.event_id), path_label(.path))]
pub struct EventError {
    /// Where the event came from.
    pub origin: Origin,
    /// The event's id, when it has a readable one.
    pub event_id: Option<String>,
    /// The JSON path of the field, e.g. `data.recipient.surname`; empty for the whole event.
    pub path: String,
    /// What is wrong, in Dutch.
    pub problem: String,
    /// How to fix it, in Dutch.
    pub fix: String,
}

fn event_label(id: &Option<String>) -> String {
    match id {
        Some(id) => format!("gebeurtenis {id}"),
        None => "gebeurtenis zonder id".to_string(),
    }
}

fn path_label(path: &str) -> String {
    if path.is_empty() {
        "de hele gebeurtenis".to_string()
    } else {
        format!("veld {path}")
    }
}

/// Turns a serde error into a JSON path, a problem and a fix, in Dutch, without values.
pub(super) fn explain_serde_error(
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> (String, String, String) {
    let inner = e.inner().to_string();
    let base = e.path().to_string();
    let base = if base == "." || base.is_empty() {
        String::new()
    } else {
        base
    };
    let join = |field: &str| {
        if base.is_empty() {
            format!("data.{field}")
        } else {
            format!("data.{base}.{field}")
        }
    };
    let here = if base.is_empty() {
        "data".to_string()
    } else {
        format!("data.{base}")
    };

    if let Some((problem, fix)) = inner.split_once(FIX_SEPARATOR) {
        return (here, problem.to_string(), fix.to_string());
    }
    if let Some(rest) = inner.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return (
            join(field),
            "dit verplichte veld ontbreekt".to_string(),
            "Vul het veld in het zaaksysteem in en exporteer de gebeurtenis opnieuw.".to_string(),
        );
    }
    if inner.starts_with("unknown field `") {
        // serde_path_to_error's path already ends with the unknown field.
        return (
            shorten(&here, 120),
            "helder kent dit veld niet".to_string(),
            format!(
                "Controleer de spelling of laat het veld weg. Velden die hier kunnen: {}.",
                expected_list(&inner)
            ),
        );
    }
    if inner.starts_with("unknown variant `") {
        return (
            here,
            "deze waarde kent helder hier niet".to_string(),
            format!("Gebruik een van deze waarden: {}.", expected_list(&inner)),
        );
    }
    if let Some(rest) = inner.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            here,
            format!("verkeerd soort waarde: {} gevonden", dutch_kind(found)),
            format!("Geef hier {}.", dutch_kind(expected)),
        );
    }
    (
        here,
        "deze waarde is ongeldig".to_string(),
        "Controleer het veld tegen de beschrijving van gebeurtenissen in DESIGN.md §2.".to_string(),
    )
}

/// The names after "expected" in a serde message, as a plain Dutch list.
fn expected_list(message: &str) -> String {
    let names: Vec<&str> = message
        .split_once("expected ")
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, name)| name)
        .collect();
    names.join(", ")
}

/// A Dutch name for a serde value kind ("a string" → "tekst").
fn dutch_kind(serde_kind: &str) -> &'static str {
    let k = serde_kind.to_ascii_lowercase();
    if k.starts_with("string") || k.contains("a string") || k.contains("as text") {
        "tekst"
    } else if k.contains("bool") {
        "ja of nee (true of false)"
    } else if k.contains("floating") {
        "een getal met decimalen"
    } else if k.contains("integer") || k.contains("i64") || k.contains("u64") || k.contains("cents")
    {
        "een geheel getal"
    } else if k.contains("sequence") {
        "een lijst [ … ]"
    } else if k.contains("map") || k.contains("struct") {
        "een object { … }"
    } else if k.contains("null") || k.contains("unit") {
        "niets (null)"
    } else {
        "een andere waarde"
    }
}

/// The first `max` characters of a text, with "…" when it was longer.
pub(super) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}
