//! Control characters and invisible characters. A newline in `street`, `city`
//! or `zaak_id` gave an HTML or text letter with a forged last address line
//! (only PDF refused it); U+202E and zero-width characters passed into
//! letters; ids with a newline or over 200 characters were echoed; a PDF/A
//! error showed krilla's Rust debug text.

use super::{files_containing, text};
use crate::support::{batch_command, config, event, example_json, letter_date, root, templates};
use helder::compose::{ComposeOptions, build_letter};
use serde_json::{Value, json};
use std::path::Path;

/// Text that must never reach a letter or a record: it stands for what an
/// attacker appends after the control character.
const FORGED: &str = "VALSE REGEL";

fn batch(input: &Path, out: &Path) -> std::process::Output {
    batch_command(&root().join("helder.toml"), input, out)
        .args(["--format", "html,txt,md"])
        .output()
        .unwrap()
}

/// Sets the string at a JSON path like `data.recipient.address.street`.
fn set(value: &mut Value, path: &str, text: &str) {
    let mut place = value;
    for part in path.split('.') {
        place = match part.parse::<usize>() {
            Ok(index) => &mut place[index],
            Err(_) => &mut place[part],
        };
    }
    *place = json!(text);
}

fn records(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("errors.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every field a letter shows as a line or a name, with a value to put there.
const FIELDS: [(&str, &str); 9] = [
    ("data.recipient.address.street", "Lindelaan"),
    ("data.recipient.address.city", "Waalmonde"),
    ("data.recipient.address.number", "14"),
    ("data.recipient.surname", "Bakker"),
    ("data.recipient.first_name", "Anouk"),
    ("data.recipient.initials", "A."),
    ("data.case.zaak_id", "Z-2026-01841"),
    ("data.contact.name", "Ilse Verhoef"),
    ("data.decision.reasons.0", "U hebt een inkomen"),
];

#[test]
fn a_control_or_invisible_character_in_a_line_a_name_or_an_id_is_refused_at_the_door() {
    let dir = tempfile::tempdir().unwrap();
    let characters = [
        ("newline", "\n"),
        ("carriage return", "\r"),
        ("tab", "\t"),
        ("escape", "\u{1b}"),
        ("line separator", "\u{2028}"),
        ("right-to-left override", "\u{202e}"),
        ("right-to-left isolate", "\u{2067}"),
        ("zero-width space", "\u{200b}"),
        ("zero-width joiner", "\u{200d}"),
        ("byte order mark", "\u{feff}"),
        ("word joiner", "\u{2060}"),
    ];
    let mut lines = Vec::new();
    let mut expected = Vec::new();
    for (f, (field, plain)) in FIELDS.iter().enumerate() {
        for (c, (name, character)) in characters.iter().enumerate() {
            // Tabs and line ends are fine in running text; not in a line or a name.
            if field.contains("reasons") && matches!(*name, "newline" | "carriage return" | "tab") {
                continue;
            }
            let mut value = example_json("benefit_granted-plain.json");
            value["id"] = json!(format!("teken-{f}-{c}"));
            set(&mut value, field, &format!("{plain}{character}{FORGED}"));
            if field.ends_with("zaak_id") {
                value["subject"] = json!(format!("{plain}{character}{FORGED}"));
            }
            lines.push(serde_json::to_string(&value).unwrap());
            expected.push((format!("teken-{f}-{c}"), field.replace(".0", "[0]"), *name));
        }
    }
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("uit");
    let output = batch(&input, &out);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let found = records(&out);
    for (id, field, name) in &expected {
        let record = found
            .iter()
            .find(|r| r["event_id"] == id.as_str())
            .unwrap_or_else(|| panic!("{name} in {field} made a letter"));
        let shown = record["field"].as_str().unwrap_or_default();
        assert!(
            shown == field || (field.ends_with("zaak_id") && shown == "subject"),
            "{name}: the record names {field}: {record}"
        );
    }
    assert_eq!(std::fs::read_dir(out.join("letters")).unwrap().count(), 0);
    assert!(files_containing(&out, FORGED.as_bytes()).is_empty());
}

#[test]
fn an_id_with_a_line_end_or_over_200_characters_is_refused_and_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("lang-{}", "x".repeat(300));
    let mut lines = Vec::new();
    for id in [
        format!("id-met\n{FORGED}"),
        long.clone(),
        format!("id\u{202e}{FORGED}"),
    ] {
        let mut value = example_json("benefit_granted-plain.json");
        value["id"] = json!(id);
        lines.push(serde_json::to_string(&value).unwrap());
    }
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("uit");
    let output = batch(&input, &out);
    assert_eq!(output.status.code(), Some(1));
    let found = records(&out);
    assert_eq!(found.len(), 3, "{found:?}");
    for record in &found {
        assert_eq!(record["field"], "id", "{record}");
    }
    for needle in [FORGED, &long[..60]] {
        assert!(
            files_containing(&out, needle.as_bytes()).is_empty(),
            "{needle} is echoed"
        );
        assert!(!text(&output.stdout).contains(needle));
        assert!(!text(&output.stderr).contains(needle));
    }
}

#[test]
fn a_pdf_that_krilla_refuses_gets_a_dutch_message_without_debug_text() {
    let mut letter = build_letter(
        &event(example_json("benefit_granted-plain.json")),
        &config(),
        &templates(),
        ComposeOptions {
            date: letter_date(),
            draft: false,
        },
    )
    .unwrap();
    // Past the door on purpose: a mark the font has no meaning for.
    letter.subject = format!("Uw bijstand\u{feff}{}", letter.subject);
    let renderer = helder::render::Format::Pdf.renderer(&config());
    let error = renderer.render(&letter).unwrap_err().to_string();
    for debug in [
        "Validation(",
        "Font {",
        "GlyphId",
        "Some(",
        "None)",
        "\u{feff}",
    ] {
        assert!(!error.contains(debug), "{debug:?} in {error}");
    }
    assert!(error.contains("PDF"), "{error}");
    assert!(
        error.contains("U+FEFF"),
        "names the character by its code: {error}"
    );

    // A character the font lacks is named by its code, never written raw.
    letter.subject = "Uw bijstand\u{7}".to_string();
    let error = renderer.render(&letter).unwrap_err().to_string();
    assert!(!error.contains('\u{7}'), "{error:?}");
    assert!(error.contains("U+0007"), "{error}");
}
