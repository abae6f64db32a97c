//! No BSN anywhere. A BSN-like event id stood in clear in `errors.ndjson` and
//! in the journal's keys; a BSN used as a JSON key appeared in the error's
//! `field`; a note typed on the call page was written before it was checked;
//! formatted BSNs (`111-22-2333`, groups with no-break spaces) were not
//! recognised and reached the letter; lint's human snippet repeated one.

use super::{example_line, files_containing, text};
use crate::support::{batch_command, example_json, root};
use serde_json::{Value, json};
use std::path::Path;

/// 111222333 passes the elfproef (9+8+7+12+10+8+9+6-3 = 66 = 6 × 11).
const DIGITS: &str = "111222333";

/// The forms a BSN is written in: plain, dotted, dashed, spaced, with no-break spaces.
const FORMS: [&str; 6] = [
    "111222333",
    "1112.22.333",
    "111-22-2333",
    "111 222 333",
    "111\u{a0}222\u{a0}333",
    "111\u{202f}22\u{202f}23\u{202f}33",
];

fn batch(input: &Path, out: &Path) -> std::process::Output {
    batch_command(&root().join("helder.toml"), input, out)
        .args(["--format", "html,txt"])
        .env("RUST_LOG", "trace")
        .output()
        .unwrap()
}

/// Asserts that no file in `out`, and neither stdout nor stderr, holds the
/// BSN in any of its forms (digits only, as the forms differ in separators).
#[track_caller]
fn nowhere(out: &Path, output: &std::process::Output) {
    for form in FORMS {
        let found = files_containing(out, form.as_bytes());
        assert!(found.is_empty(), "{form:?} in {found:?}");
        assert!(!text(&output.stdout).contains(form), "{form:?} on stdout");
        assert!(!text(&output.stderr).contains(form), "{form:?} on stderr");
    }
}

fn errors(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("errors.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_bsn_like_event_id_is_stored_masked_in_errors_journal_and_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dag.ndjson");
    let lines = [
        example_line("benefit_granted-plain.json", &format!("evt-{DIGITS}")),
        example_line("benefit_granted-plain.json", "1112.22.333"),
        example_line("benefit_granted-plain.json", "goed-1"),
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("uit");
    let output = batch(&input, &out);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    nowhere(&out, &output);
    let records = errors(&out);
    assert_eq!(records.len(), 2, "{records:?}");
    for record in &records {
        assert_eq!(record["field"], "id", "{record}");
        let shown = record["event_id"].as_str().unwrap_or_default();
        assert!(
            shown.contains('*'),
            "a masked id, so staff can find the line: {record}"
        );
    }
    assert!(out.join("letters/goed-1.html").is_file());

    // A second run with the same input skips them, as it does any event it has seen.
    let again = batch(&input, &out);
    assert_eq!(again.status.code(), Some(1));
    nowhere(&out, &again);
    assert_eq!(errors(&out).len(), 2);
}

#[test]
fn a_bsn_used_as_a_json_key_never_reaches_the_error_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut event = example_json("benefit_granted-plain.json");
    event["id"] = json!("sleutel-1");
    event["data"]["recipient"][DIGITS] = json!("waarde");
    let mut nested = example_json("benefit_granted-plain.json");
    nested["id"] = json!("sleutel-2");
    nested["data"]["extra"] = json!({ "111-22-2333": { "a": 1 } });
    let input = dir.path().join("dag.ndjson");
    std::fs::write(
        &input,
        format!(
            "{}\n{}\n",
            serde_json::to_string(&event).unwrap(),
            serde_json::to_string(&nested).unwrap()
        ),
    )
    .unwrap();
    let out = dir.path().join("uit");
    let output = batch(&input, &out);
    assert_eq!(output.status.code(), Some(1));
    nowhere(&out, &output);
    let records = errors(&out);
    assert_eq!(records.len(), 2, "{records:?}");
    assert!(
        records[0]["field"]
            .as_str()
            .unwrap()
            .starts_with("data.recipient"),
        "{records:?}"
    );
}

#[test]
fn a_bsn_in_any_form_is_refused_at_the_door_and_never_reaches_a_letter() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = Vec::new();
    for (i, form) in FORMS.iter().enumerate() {
        let mut event = example_json("benefit_granted-plain.json");
        event["id"] = json!(format!("vorm-{i}"));
        event["data"]["decision"]["reasons"][0] =
            json!(format!("Uw burgerservicenummer is {form}."));
        lines.push(serde_json::to_string(&event).unwrap());
        // The same in a name, where a letter would show it in the address window.
        let mut event = example_json("benefit_granted-plain.json");
        event["id"] = json!(format!("naam-{i}"));
        event["data"]["recipient"]["surname"] = json!(format!("Jansen {form}"));
        lines.push(serde_json::to_string(&event).unwrap());
    }
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("uit");
    let output = batch(&input, &out);
    assert_eq!(output.status.code(), Some(1));
    nowhere(&out, &output);
    let records = errors(&out);
    assert_eq!(
        records.len(),
        2 * FORMS.len(),
        "every event is refused: {records:?}"
    );
    for record in &records {
        let field = record["field"].as_str().unwrap_or_default();
        assert!(
            field == "data.decision.reasons[0]" || field == "data.recipient.surname",
            "{record}"
        );
        assert!(
            record["message"].as_str().unwrap().contains("BSN"),
            "{record}"
        );
    }
    let letters = std::fs::read_dir(out.join("letters")).unwrap().count();
    assert_eq!(letters, 0);
}

#[test]
fn lint_never_repeats_a_bsn_in_any_form_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text_file = dir.path().join("brief.txt");
    let mut body = String::new();
    for form in FORMS {
        body.push_str(&format!(
            "Indien u vragen hebt: uw nummer is {form} en dat klopt.\n\n"
        ));
    }
    std::fs::write(&text_file, &body).unwrap();
    for format in ["human", "json", "sarif", "github", "gitlab"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(["lint", "--format", format])
            .arg(&text_file)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let shown = text(&output.stdout);
        assert!(shown.contains("Indien") || format != "human", "{shown}");
        for form in FORMS {
            assert!(!shown.contains(form), "{format}: {form:?} in {shown}");
        }
    }
}

#[test]
fn a_note_with_a_bsn_on_the_call_page_is_refused_before_anything_is_written() {
    let setup = super::serve::folder_with_a_task();
    let (_server, base) = super::serve::start(&setup, &[], &[]);
    let token = super::serve::form_token(&base, "localhost");
    for form in ["111222333", "111-22-2333", "111\u{a0}222\u{a0}333"] {
        let note: String = format!("Mijn BSN is {form}.")
            .bytes()
            .map(|b| format!("%{b:02X}"))
            .collect();
        let (head, body) = super::serve::post_contact(
            &base,
            "localhost",
            "evt-2026-000601",
            &format!("token={token}&outcome=reached&decision=send&heard={note}"),
            None,
        );
        assert!(head.starts_with("HTTP/1.1 422"), "{head}");
        assert!(
            body.contains("BSN") && !body.contains("{\""),
            "a plain Dutch message, not an error record: {body}"
        );
        for form in FORMS {
            assert!(!body.contains(form), "{body}");
            let found = files_containing(&setup.out, form.as_bytes());
            assert!(found.is_empty(), "{form:?} in {found:?}");
        }
    }
    assert!(
        !setup.out.join("contacts").exists()
            || std::fs::read_dir(setup.out.join("contacts"))
                .unwrap()
                .next()
                .is_none(),
        "no contact was written"
    );
}
