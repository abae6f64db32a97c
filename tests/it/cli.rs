//! The `helder` command: exit codes, messages, and files written or not.

use crate::support::{assert_exit, fixture_json, helder, helder_with, root};
use helder::event::EventType;
use std::path::Path;
use std::process::{Command, Output};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn broken_events_exit_1_with_a_clear_message_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut unknown = fixture_json(EventType::BenefitGranted);
    unknown["type"] = "nl.participatiewet.bijstand.benefit_grantd".into();
    let mut missing = fixture_json(EventType::BenefitGranted);
    missing["data"]["recipient"]
        .as_object_mut()
        .unwrap()
        .remove("surname");
    let cases = [
        (
            "malformed.json",
            "{\"id\": \"evt-1\", \"type\": ".to_string(),
            "de tekst is geen geldige JSON (regel 1, kolom 23)",
        ),
        (
            "unknown.json",
            unknown.to_string(),
            "Bedoelt u \"nl.participatiewet.bijstand.benefit_granted\"?",
        ),
        (
            "missing.json",
            missing.to_string(),
            "veld data.recipient.surname: dit verplichte veld ontbreekt.",
        ),
    ];
    for (name, content, expected) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, content).unwrap();
        let out = dir.path().join("out");
        let output = helder(
            &[
                "render",
                input.to_str().unwrap(),
                "-o",
                out.join("brief.html").to_str().unwrap(),
            ],
            dir.path(),
        );
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
        assert!(
            stderr(&output).contains(expected),
            "{name}: {}",
            stderr(&output)
        );
        assert!(
            !out.exists() || files_in(&out).is_empty(),
            "{name}: no output file"
        );
    }
}

#[test]
fn render_writes_a_private_file_and_prints_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("letter-templates/examples/benefit_granted-plain.json");
    let target = dir.path().join("brief.html");
    let output = helder(
        &[
            "render",
            example.to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_exit(&output, 0);
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("Beste mevrouw Bakker,"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let said = format!("{}{}", stdout(&output), stderr(&output));
    for personal in ["Bakker", "Anouk", "Lindelaan", "6512", "06 12 34 56 78"] {
        assert!(
            !said.contains(personal),
            "terminal output shows {personal}: {said}"
        );
    }
}

#[test]
fn render_without_output_writes_event_named_files_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("letter-templates/examples/application_received-plain.json");
    let output = helder(
        // The letter's date is fixed: the example's deadline must stay after it.
        &[
            "render",
            example.to_str().unwrap(),
            "--format",
            "txt",
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_exit(&output, 0);
    assert_eq!(files_in(dir.path()), vec!["evt-2026-000101.txt"]);
    assert!(stdout(&output).contains("brief: ./evt-2026-000101.txt"));
}

#[test]
fn a_call_first_event_writes_a_task_and_holds_the_letter() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("letter-templates/examples/appointment_missed-reached.json");
    let out = dir.path().join("out");
    // A trailing slash makes -o a folder, also for one event.
    let folder = format!("{}/", out.display());
    let held = helder(
        &[
            "render",
            example.to_str().unwrap(),
            "-o",
            &folder,
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_exit(&held, 0);
    assert!(stdout(&held).contains("eerst bellen: gebeurtenis evt-2026-000501 (appointment_missed), uiterlijk 2026-11-25 (event_type.always)"));
    // The same layout as a batch folder: the task, its card and the held draft in tasks/.
    assert_eq!(files_in(&out), vec!["tasks"]);
    assert_eq!(
        files_in(&out.join("tasks")),
        vec![
            "evt-2026-000501.concept.html",
            "evt-2026-000501.json",
            "evt-2026-000501.txt"
        ]
    );
    let draft = std::fs::read(out.join("tasks/evt-2026-000501.concept.html")).unwrap();
    assert!(
        String::from_utf8_lossy(&draft).contains("CONCEPT — niet versturen"),
        "the held letter is marked"
    );
    let task: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("tasks/evt-2026-000501.json")).unwrap())
            .unwrap();
    assert_eq!(
        task["held_letter"]["sha256"],
        helder::output::sha256_hex(&draft)
    );
    assert_eq!(task["status"], "open");
    assert!(
        !stdout(&held).contains("Bakker"),
        "no personal data on the terminal"
    );

    let draft_only = helder(
        &[
            "render",
            example.to_str().unwrap(),
            "-o",
            dir.path().join("concept.html").to_str().unwrap(),
            "--draft",
        ],
        dir.path(),
    );
    assert_exit(&draft_only, 0);
    assert!(
        std::fs::read_to_string(dir.path().join("concept.html"))
            .unwrap()
            .contains("CONCEPT — niet versturen")
    );
}

#[test]
fn render_to_stdout_with_dash() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("letter-templates/examples/interview_invitation-plain.json");
    let output = helder(
        &[
            "render",
            example.to_str().unwrap(),
            "-o",
            "-",
            "--format",
            "md",
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_exit(&output, 0);
    assert!(
        stdout(&output)
            .starts_with("# Uitnodiging voor een gesprek op donderdag 3\u{a0}december 2026\n")
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn a_folder_of_events_keeps_going_past_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events");
    std::fs::create_dir(&events).unwrap();
    std::fs::copy(
        root().join("letter-templates/examples/benefit_granted-plain.json"),
        events.join("a.json"),
    )
    .unwrap();
    std::fs::write(events.join("b.json"), "niet eens json").unwrap();
    std::fs::copy(
        root().join("letter-templates/examples/application_received-plain.json"),
        events.join("c.json"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = helder(
        &[
            "render",
            events.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_exit(&output, 1);
    assert_eq!(
        files_in(&out),
        vec!["evt-2026-000101.html", "evt-2026-000301.html"]
    );
    assert!(stdout(&output).contains("klaar: 2 brieven, 0 keer eerst bellen, 1 fout."));
}

#[test]
fn route_prints_one_json_object_per_event() {
    let dir = tempfile::tempdir().unwrap();
    let examples = root().join("letter-templates/examples");
    let output = helder(
        &[
            "route",
            examples
                .join("benefit_granted-plain.json")
                .to_str()
                .unwrap(),
            examples
                .join("sanction_reduction-reached.json")
                .to_str()
                .unwrap(),
        ],
        dir.path(),
    );
    assert_exit(&output, 0);
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"event_id": "evt-2026-000301", "route": "letter", "reasons": []})
    );
    assert_eq!(lines[1]["route"], "call_first");
    let codes: Vec<&str> = lines[1]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["flag.sanction", "event_type.always"]);
}

#[test]
fn templates_lists_every_template() {
    let output = helder(&["templates"], &root());
    assert_exit(&output, 0);
    let text = stdout(&output);
    for line in [
        "application_received         nee      never",
        "benefit_granted              ja       never",
        "appointment_missed           nee      always",
        "sanction_reduction           ja       always",
    ] {
        assert!(text.contains(line), "{text}");
    }
}

#[test]
fn a_bad_config_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_helder"))
        .args(["--config", "bestaat-niet.toml", "templates"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_exit(&output, 2);
    assert!(
        stderr(&output)
            .contains("instellingen bestaat-niet.toml: het bestand kan niet worden gelezen")
    );

    let config = dir.path().join("helder.toml");
    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    std::fs::write(
        &config,
        shipped.replace("greeting = \"Beste\"", "greting = \"Beste\""),
    )
    .unwrap();
    let output = helder_with(&config, &["templates"], &root());
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("greting"), "{}", stderr(&output));
}

#[test]
fn usage_errors_exit_2() {
    let output = helder(&["render"], &root());
    assert_exit(&output, 2);
    let output = helder(&["render", "x.json", "--date", "23-11-2026"], &root());
    assert_exit(&output, 2);
}

#[test]
fn the_readme_readability_settings_parse_and_apply() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```toml\n[lint]").expect("README shows [lint]") + "```toml\n".len();
    let snippet = &readme[start..start + readme[start..].find("```").unwrap()];
    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    let stricter = format!(
        "{shipped}\n{}",
        snippet.replace("long-sentence-error = 20", "long-sentence-error = 8")
    );
    let config = helder::config::Config::from_toml(&stricter, "helder.toml", &root()).unwrap();
    assert_eq!(config.readability.long_sentence_error, 8);
    let fine = config
        .lint
        .for_path(&root().join("letter-templates/administrative_fine.md"));
    assert_eq!(fine.thresholds.long_sentence_warning, 18);
    assert_eq!(
        fine.thresholds.long_sentence_error, 8,
        "the rest comes from [lint.thresholds]"
    );
    assert!(!fine.is_off("punishment-vocabulary"));
    assert_eq!(config.readability.levels.b1.max_sentence_words, 20);
    assert_eq!(
        config.readability.levels.a2,
        helder::readability::LevelLimits::default().a2
    );
    let typo = format!("{shipped}\n[lint.thresholds]\nlong-sentense-error = 8\n");
    assert!(
        helder::config::Config::from_toml(&typo, "helder.toml", &root()).is_err(),
        "unknown keys are refused"
    );
}
