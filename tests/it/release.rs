//! `helder release`: recorded contacts applied to the tasks of a batch folder,
//! through its journal (the one release path that batch and the call page use too).

use crate::html::Page;
use crate::support::{assert_exit, batch_command, fixture_json, helder, root};
use helder::event::EventType;
use std::path::Path;

fn contact(dir: &Path, name: &str, case_id: &str, outcome: &str, heard: Option<&str>) -> String {
    let mut value = fixture_json(EventType::ContactRecorded);
    value["id"] = format!("evt-contact-{name}").into();
    value["subject"] = case_id.into();
    value["data"]["case"]["zaak_id"] = case_id.into();
    value["data"]["prior_contact"] = serde_json::json!({
        "contact_id": format!("C-{name}"), "at": "2026-11-24T10:15:00+01:00", "channel": "phone", "outcome": outcome
    });
    if outcome == "reached" {
        value["data"]["prior_contact"]["decision"] = "send".into();
    }
    if let Some(heard) = heard {
        value["data"]["prior_contact"]["heard"] = heard.into();
    }
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, value.to_string()).unwrap();
    path.display().to_string()
}

fn task(out: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join(format!("tasks/{id}.json"))).unwrap())
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn recorded_contacts_release_held_letters_through_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let held = dir.path().join("vastgehouden");
    std::fs::create_dir_all(&held).unwrap();
    let examples = root().join("letter-templates/examples");
    for name in [
        "appointment_missed-no-contact.json",
        "sanction_reduction-reached.json",
    ] {
        std::fs::copy(examples.join(name), held.join(name)).unwrap();
    }
    let output = batch_command(&root().join("helder.toml"), &held, &out)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_exit(&output, 0);
    assert!(
        !out.join("letters/evt-2026-000502.html").exists()
            && !out.join("letters/evt-2026-000601.html").exists(),
        "nothing sendable yet"
    );
    let release = |path: &str, date: &str| {
        helder(
            &[
                "release",
                path,
                "--out",
                out.to_str().unwrap(),
                "--date",
                date,
                "--format",
                "html",
            ],
            dir.path(),
        )
    };

    // Not reached once: the letter keeps waiting.
    let first = contact(dir.path(), "1", "Z-2026-01907", "no_contact", None);
    let output = release(&first, "2026-11-24");
    assert_exit(&output, 0);
    assert!(!out.join("letters/evt-2026-000502.html").exists());
    assert_eq!(task(&out, "evt-2026-000502")["status"], "open");

    // Not reached twice: a missed appointment goes out, with the offer of a visit or the neighbourhood team.
    let second = contact(dir.path(), "2", "Z-2026-01907", "no_contact", None);
    let output = release(&second, "2026-11-25");
    assert_exit(&output, 0);
    let letter = std::fs::read_to_string(out.join("letters/evt-2026-000502.html")).unwrap();
    assert!(
        letter.contains("We konden u niet bereiken") && letter.contains("wijkteam"),
        "{letter}"
    );
    assert_not_a_draft(&letter);
    assert_eq!(task(&out, "evt-2026-000502")["status"], "released");
    assert_eq!(
        task(&out, "evt-2026-000502")["attempts"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Reached, with the decision to send: the letter quotes what was heard.
    let reached = contact(
        dir.path(),
        "3",
        "Z-2026-01841",
        "reached",
        Some("De verhuizing kostte veel tijd; nu is het rustiger."),
    );
    let output = release(&reached, "2026-11-25");
    assert_exit(&output, 0);
    let letter = std::fs::read_to_string(out.join("letters/evt-2026-000601.html")).unwrap();
    assert!(
        letter.contains("De verhuizing kostte veel tijd; nu is het rustiger."),
        "{letter}"
    );
    assert!(letter.contains("hebben we u gebeld"), "{letter}");
    assert_not_a_draft(&letter);

    // No open task for the case: an error record, and the rest is untouched.
    let stray = contact(dir.path(), "4", "Z-2026-99999", "reached", None);
    let output = release(&stray, "2026-11-25");
    assert_exit(&output, 1);
    let errors = std::fs::read_to_string(out.join("errors.ndjson")).unwrap();
    assert!(
        errors.contains("er is geen open taak voor deze zaak"),
        "{errors}"
    );
    let said = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(
        !said.contains("Bakker") && !said.contains("Heijden"),
        "no personal data on the terminal"
    );

    // The old way (a loose folder of tasks) says what to do instead.
    let output = helder(
        &[
            "release",
            &stray,
            "--out",
            out.to_str().unwrap(),
            "--tasks",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_exit(&output, 2);
    assert!(
        text(&output.stderr).contains("werkt met de map van helder batch"),
        "{}",
        text(&output.stderr)
    );
}

/// A letter that went out carries no draft mark, in its markup or its words.
#[track_caller]
fn assert_not_a_draft(letter: &str) {
    let page = Page::parse(letter);
    assert!(
        !page.has(".draft") && !page.text().contains("CONCEPT"),
        "a letter that went out is not a draft"
    );
}
