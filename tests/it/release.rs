//! The call-first flow end to end: render holds the letter, a recorded contact releases it.

use crate::support::{fixture_json, helder, root};
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

fn task(dir: &Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join(format!("tasks/{id}.json"))).unwrap())
        .unwrap()
}

#[test]
fn a_recorded_contact_releases_the_held_letter() {
    let dir = tempfile::tempdir().unwrap();
    let tasks = dir.path().join("taken");
    let tasks_arg = format!("{}/", tasks.display());
    let examples = root().join("letter-templates/examples");
    let held = helder(
        &[
            "render",
            examples
                .join("appointment_missed-no-contact.json")
                .to_str()
                .unwrap(),
            examples
                .join("sanction_reduction-reached.json")
                .to_str()
                .unwrap(),
            "-o",
            &tasks_arg,
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_eq!(
        held.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&held.stderr)
    );
    assert!(
        !tasks.join("evt-2026-000502.html").exists()
            && !tasks.join("evt-2026-000601.html").exists(),
        "nothing sendable yet"
    );

    // Not reached once: the letter keeps waiting.
    let first = contact(dir.path(), "1", "Z-2026-01907", "no_contact", None);
    let output = helder(
        &[
            "release",
            &first,
            "--tasks",
            tasks.to_str().unwrap(),
            "--date",
            "2026-11-24",
        ],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .contains("niet bereikt voor zaak Z-2026-01907 (poging 1 van 2)")
    );
    assert!(!tasks.join("evt-2026-000502.html").exists());
    assert_eq!(task(&tasks, "evt-2026-000502")["status"], "open");

    // Not reached twice: the letter goes out, with the offer of a visit or the neighbourhood team.
    let second = contact(dir.path(), "2", "Z-2026-01907", "no_contact", None);
    let output = helder(
        &[
            "release",
            &second,
            "--tasks",
            tasks.to_str().unwrap(),
            "--date",
            "2026-11-25",
        ],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let letter = std::fs::read_to_string(tasks.join("evt-2026-000502.html")).unwrap();
    assert!(
        letter.contains("we konden u niet bereiken") && letter.contains("wijkteam"),
        "{letter}"
    );
    assert!(!letter.contains("CONCEPT"));
    assert_eq!(task(&tasks, "evt-2026-000502")["status"], "released");
    assert_eq!(
        task(&tasks, "evt-2026-000502")["attempts"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Reached: the letter says what was heard.
    let reached = contact(
        dir.path(),
        "3",
        "Z-2026-01841",
        "reached",
        Some("De verhuizing kostte veel tijd; nu is het rustiger."),
    );
    let output = helder(
        &[
            "release",
            &reached,
            "--tasks",
            tasks.to_str().unwrap(),
            "--date",
            "2026-11-25",
        ],
        dir.path(),
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let letter = std::fs::read_to_string(tasks.join("evt-2026-000601.html")).unwrap();
    assert!(
        letter.contains("De verhuizing kostte veel tijd; nu is het rustiger."),
        "{letter}"
    );
    assert!(
        letter.contains("Op 24\u{a0}november 2026 hebben we u gebeld."),
        "{letter}"
    );
    assert!(!letter.contains("CONCEPT"));

    // No open task for the case: an error, and the rest is untouched.
    let stray = contact(dir.path(), "4", "Z-2026-99999", "reached", None);
    let output = helder(
        &["release", &stray, "--tasks", tasks.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("er is geen open taak voor zaak Z-2026-99999")
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !said.contains("Bakker") && !said.contains("Heijden"),
        "no personal data on the terminal"
    );
}
