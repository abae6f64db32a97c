//! Splitting a template into its TOML front matter and its Tera + Markdown body.
//!
//! A template starts with a line `+++`, then TOML, then another `+++` line.
//! The body keeps its line numbers: the front matter lines are replaced by
//! empty lines, so a Tera error on line 14 is line 14 of the file.

use crate::event::{Besluit, EventType, LetterKind};
use crate::lint::LineIndex;
use crate::markdown::{Fences, fences};
use serde::Deserialize;

/// The settings at the top of a template.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FrontMatter {
    /// The event type this template writes the letter for.
    pub event_type: EventType,
    /// The subject line; may use `{{ … }}` like the body.
    pub subject: String,
    /// Whether the letter is a besluit (with objection clause and legal basis).
    pub besluit: bool,
    /// What kind of letter it is (`decision`, `fine`, `request`, …): the
    /// lawyer's checks for that kind apply. Must be the kind of the event
    /// type (`EventType::letter_kind`), so editing it cannot switch them off.
    pub kind: LetterKind,
    /// One line on what the letter is for, shown by `helder templates`.
    #[serde(default)]
    pub description: Option<String>,
    /// Example events (file names in `letter-templates/examples/`).
    #[serde(default)]
    pub examples: Vec<String>,
}

/// A template split into its parts.
#[derive(Debug, Clone)]
pub struct SplitTemplate {
    /// The parsed front matter.
    pub front_matter: FrontMatter,
    /// The 1-based line of the `subject` key.
    pub subject_line: usize,
    /// The body, with the front matter replaced by empty lines.
    pub body: String,
}

/// Why the front matter cannot be read: a line and what is wrong, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Splits `source` into front matter and body.
pub fn split(source: &str) -> Result<SplitTemplate, FrontMatterError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let block = match fences(source) {
        Fences::Closed(block) => block,
        Fences::Missing => {
            return Err(FrontMatterError {
                line: 1,
                message: "het sjabloon begint niet met een regel +++. Zet de instellingen (event-type, subject, besluit) tussen twee regels +++ bovenaan".to_string(),
            });
        }
        Fences::Unclosed => {
            return Err(FrontMatterError {
                line: 1,
                message: "de instellingen bovenaan worden niet afgesloten. Zet na de instellingen een regel met alleen +++".to_string(),
            });
        }
    };
    let toml_text = &source[block.toml.clone()];
    let front_matter: FrontMatter = toml::from_str(toml_text).map_err(|e| {
        // The TOML starts on line 2 of the file.
        let line_in_toml = e
            .span()
            .map_or(1, |s| LineIndex::new(toml_text).line(s.start));
        FrontMatterError {
            line: line_in_toml + 1,
            message: format!(
                "de instellingen bovenaan kloppen niet: {}",
                e.message().trim()
            ),
        }
    })?;
    let line_of = |key: &str| {
        toml_text
            .lines()
            .position(|l| l.trim_start().starts_with(key))
            .map_or(2, |i| i + 2)
    };
    let subject_line = line_of("subject");
    check_kind(&front_matter).map_err(|message| FrontMatterError {
        line: line_of(if message.starts_with("kind") {
            "kind"
        } else {
            "besluit"
        }),
        message,
    })?;
    let mut body = "\n".repeat(block.closing_line);
    body.push_str(&source[block.body_start..]);
    Ok(SplitTemplate {
        front_matter,
        subject_line,
        body,
    })
}

/// The kind and `besluit` of a template must be those of its event type: the
/// lawyer's checks follow them, and a template cannot opt out.
fn check_kind(front_matter: &FrontMatter) -> Result<(), String> {
    let event_type = front_matter.event_type;
    let kind = event_type.letter_kind();
    if front_matter.kind != kind {
        let name = |k: LetterKind| {
            serde_json::to_value(k)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        return Err(format!(
            "kind = \"{}\" past niet bij {event_type}: een brief voor {event_type} is van de soort \"{}\". De soort bepaalt wat de jurist in de brief controleert. Zet kind = \"{}\"",
            name(front_matter.kind),
            name(kind),
            name(kind)
        ));
    }
    // For a Sometimes type the event says whether this letter is a besluit
    // (data.decision.is_besluit); the template is not one by itself.
    let expected = event_type.besluit() == Besluit::Always;
    if expected != front_matter.besluit {
        return Err(format!(
            "besluit = {} past niet bij {event_type}: {}. Zet besluit = {}",
            front_matter.besluit,
            match event_type.besluit() {
                Besluit::Always => "een brief voor dit soort gebeurtenis is altijd een besluit",
                Besluit::Never => "een brief voor dit soort gebeurtenis is nooit een besluit",
                Besluit::Sometimes =>
                    "of deze brief een besluit is, zegt de gebeurtenis (decision.is_besluit)",
            },
            !front_matter.besluit
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_keeps_line_numbers() {
        let source = "+++\nevent-type = \"benefit_granted\"\nsubject = \"Uw uitkering\"\nbesluit = true\nkind = \"decision\"\n+++\n{{ recipient | salutation }},\n";
        let split = split(source).unwrap();
        assert_eq!(split.front_matter.event_type, EventType::BenefitGranted);
        assert_eq!(split.subject_line, 3);
        assert_eq!(
            split.body.lines().nth(6),
            Some("{{ recipient | salutation }},")
        );
    }

    #[test]
    fn missing_front_matter_is_explained() {
        let err = split("Beste mevrouw,\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(
            err.message
                .starts_with("het sjabloon begint niet met een regel +++")
        );
    }

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let err = split(
            "+++\nevent-type = \"benefit_granted\"\nsubjet = \"x\"\nbesluit = true\nkind = \"decision\"\n+++\n",
        )
        .unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("subjet"), "{}", err.message);
    }

    #[test]
    fn unclosed_front_matter_is_explained() {
        let err = split("+++\nevent-type = \"benefit_granted\"\n").unwrap_err();
        assert!(err.message.contains("niet afgesloten"));
    }

    #[test]
    fn the_kind_must_be_the_event_types() {
        let source = |kind: &str, besluit: bool| {
            format!(
                "+++\nevent-type = \"recovery\"\nsubject = \"x\"\nbesluit = {besluit}\nkind = \"{kind}\"\n+++\n"
            )
        };
        assert!(split(&source("recovery", true)).is_ok());
        let err = split(&source("information", true)).unwrap_err();
        assert_eq!(err.line, 5);
        assert!(
            err.message.contains("Zet kind = \"recovery\""),
            "{}",
            err.message
        );
        let err = split(&source("recovery", false)).unwrap_err();
        assert_eq!(err.line, 4);
        assert!(
            err.message.contains("altijd een besluit"),
            "{}",
            err.message
        );
        let err = split(&source("planned measure", true)).unwrap_err();
        assert!(err.message.contains("planned-measure"), "{}", err.message);
    }
}
