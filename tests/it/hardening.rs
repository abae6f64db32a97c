//! Hostile or broken input: clear errors within bounded time and memory, no
//! panics, no personal data where it does not belong, no file followed or
//! overwritten that is not helder's.

use crate::support::{assert_exit, config, event, example_json, letter_date, root, templates};
use helder::compose::{ComposeOptions, build_letter};
use helder::event::{Origin, event_from_value};
use helder::lint::{SourceKind, lint};
use helder::readability::ReadabilityConfig;
use helder::render::Renderer;
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

fn batch(settings: &Path, input: &Path, out: &Path) -> std::process::Output {
    crate::support::batch_command(settings, input, out)
        .args(["--format", "html"])
        .output()
        .unwrap()
}

fn errors(out: &Path) -> String {
    std::fs::read_to_string(out.join("errors.ndjson")).unwrap()
}

fn good_line(id: &str) -> String {
    let mut event = example_json("benefit_granted-plain.json");
    event["id"] = Value::String(id.to_string());
    serde_json::to_string(&event).unwrap()
}

#[test]
fn a_100_mb_line_and_json_nested_10000_deep_are_error_records_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("groot.ndjson");
    let mut text = String::with_capacity(101 * 1024 * 1024);
    text.push_str("{\"id\": \"groot\", \"opvulling\": \"");
    text.push_str(&"x".repeat(100 * 1024 * 1024));
    text.push_str("\"}\n");
    text.push_str(&"[".repeat(10_000));
    text.push_str(&"]".repeat(10_000));
    text.push('\n');
    text.push_str(&good_line("goed-1"));
    text.push('\n');
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("uit");
    let started = std::time::Instant::now();
    let output = batch(&root().join("helder.toml"), &input, &out);
    assert_exit(&output, 1);
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    let records = errors(&out);
    let lines: Vec<&str> = records.lines().collect();
    assert_eq!(lines.len(), 2, "{records}");
    assert!(lines[0].contains("groter dan 1 MB"), "{}", lines[0]);
    assert!(lines[1].contains("geen geldige JSON"), "{}", lines[1]);
    assert!(
        out.join("letters/goed-1.html").is_file(),
        "the good event still became a letter"
    );
}

#[test]
fn a_list_too_long_for_a_letter_is_refused_at_the_door() {
    let mut value = example_json("information_requested-plain.json");
    value["data"]["documents_requested"] =
        Value::Array((0..100_000).map(|i| json!(format!("Papier {i}"))).collect());
    let origin = Origin {
        file: "test".into(),
        line: None,
    };
    let error = event_from_value(value, origin).unwrap_err();
    assert_eq!(error.path, "data.documents_requested");
    assert!(error.to_string().contains("hoogstens 100"), "{error}");
}

fn template_dir_with(name: &str, body: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let templates = crate::support::template_dir(dir.path(), name, body);
    (dir, templates)
}

#[test]
fn a_template_that_includes_itself_or_loops_a_million_times_is_an_error() {
    let (_dir, folder) = template_dir_with(
        "application_received.md",
        "+++\nevent-type = \"application_received\"\nsubject = \"x\"\nbesluit = false\nkind = \"information\"\n+++\nBeste,\n\n{% include \"application_received.md\" %}\n",
    );
    let errors = helder::template::TemplateSet::load(&folder, "Beste").unwrap_err();
    assert!(
        errors.iter().any(|e| e.to_string().contains("kring")),
        "{errors:?}"
    );

    let (_dir, folder) = template_dir_with(
        "application_received.md",
        "+++\nevent-type = \"application_received\"\nsubject = \"x\"\nbesluit = false\nkind = \"information\"\n+++\n{{ recipient | salutation }},\n\n{% for i in range(end=1000000) %}Nog een regel. {% endfor %}\n",
    );
    let set = helder::template::TemplateSet::load(&folder, "Beste").unwrap();
    let error = build_letter(
        &event(example_json("application_received-plain.json")),
        &config(),
        &set,
        ComposeOptions {
            date: letter_date(),
            draft: false,
        },
    )
    .unwrap_err();
    assert!(error.to_string().contains("hoogstens 1000"), "{error}");

    // A loop that stays under the range limit but makes a letter of hundreds of pages.
    let (_dir, folder) = template_dir_with(
        "application_received.md",
        "+++\nevent-type = \"application_received\"\nsubject = \"x\"\nbesluit = false\nkind = \"information\"\n+++\n{{ recipient | salutation }},\n\n{% for i in range(end=1000) %}{% for j in range(end=1000) %}Nog een regel. {% endfor %}{% endfor %}\n",
    );
    let set = helder::template::TemplateSet::load(&folder, "Beste").unwrap();
    let started = std::time::Instant::now();
    let error = build_letter(
        &event(example_json("application_received-plain.json")),
        &config(),
        &set,
        ComposeOptions {
            date: letter_date(),
            draft: false,
        },
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("te lange lijsten") || error.to_string().contains("kB"),
        "{error}"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn canary_values_never_reach_the_terminal_the_error_records_or_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let canaries = ["Zwelgkanarie", "Kanarieweg", "0611223344", "Qvistkanarie"];
    let mut lines = Vec::new();
    for (i, example) in [
        "benefit_granted-plain.json",
        "sanction_reduction-reached.json",
        "payment_specification-plain.json",
    ]
    .iter()
    .enumerate()
    {
        let mut value = example_json(example);
        value["id"] = json!(format!("kanarie-{i}"));
        value["data"]["recipient"]["surname"] = json!(canaries[0]);
        value["data"]["recipient"]["first_name"] = json!(canaries[3]);
        value["data"]["recipient"]["address"]["street"] = json!(canaries[1]);
        value["data"]["recipient"]["phone"] = json!("06 11 22 33 44");
        lines.push(serde_json::to_string(&value).unwrap());
    }
    // Broken events that still carry the canaries.
    let mut missing = example_json("benefit_granted-plain.json");
    missing["id"] = json!("kanarie-kapot");
    missing["data"]["recipient"]["surname"] = json!(canaries[0]);
    missing["data"]["recipient"]["address"]["postcode"] = json!(format!("{} 12", canaries[1]));
    lines.push(serde_json::to_string(&missing).unwrap());
    lines.push(format!(
        "{{\"id\": \"half\", \"naam\": \"{}\", ",
        canaries[0]
    ));
    let input = dir.path().join("kanaries.ndjson");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("uit");
    let output = crate::support::batch_command(&root().join("helder.toml"), &input, &out)
        .args(["--format", "html,txt"])
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    assert_exit(&output, 1);
    let mut places = vec![
        (
            "stdout",
            String::from_utf8_lossy(&output.stdout).into_owned(),
        ),
        (
            "stderr",
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ),
        ("errors.ndjson", errors(&out)),
        (
            "summary.json",
            std::fs::read_to_string(out.join("summary.json")).unwrap(),
        ),
    ];
    let tasks = Command::new(env!("CARGO_BIN_EXE_helder"))
        .args(["--config", root().join("helder.toml").to_str().unwrap()])
        .args(["tasks", out.to_str().unwrap()])
        .output()
        .unwrap();
    places.push((
        "helder tasks",
        String::from_utf8_lossy(&tasks.stdout).into_owned(),
    ));
    for (place, text) in &places {
        for canary in canaries {
            assert!(!text.contains(canary), "{canary} in {place}: {text}");
        }
    }
    // The letters themselves do carry them: the canaries were real input.
    let letter = std::fs::read_to_string(out.join("letters/kanarie-0.html")).unwrap();
    assert!(letter.contains(canaries[0]));
}

#[test]
fn a_file_in_the_way_that_is_not_helders_is_never_overwritten_or_followed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    std::fs::create_dir_all(out.join("letters")).unwrap();
    let victim = dir.path().join("belangrijk.txt");
    std::fs::write(&victim, "niet overschrijven").unwrap();
    std::os::unix::fs::symlink(&victim, out.join("letters/goed-1.html")).unwrap();
    let input = dir.path().join("een.ndjson");
    std::fs::write(&input, good_line("goed-1") + "\n").unwrap();
    let settings = root().join("helder.toml");
    assert_exit(&batch(&settings, &input, &out), 1);
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "niet overschrijven"
    );
    assert!(
        errors(&out).contains("niet door helder gemaakt"),
        "{}",
        errors(&out)
    );

    // A plain file in the way that helder did not make is not overwritten either.
    std::fs::remove_file(out.join("letters/goed-1.html")).unwrap();
    std::fs::write(out.join("letters/goed-1.html"), "van iemand anders").unwrap();
    assert_exit(&batch(&settings, &input, &out), 1);
    assert_eq!(
        std::fs::read_to_string(out.join("letters/goed-1.html")).unwrap(),
        "van iemand anders"
    );

    // Once it is gone, the letter is made.
    std::fs::remove_file(out.join("letters/goed-1.html")).unwrap();
    assert_exit(&batch(&settings, &input, &out), 0);
    assert!(
        std::fs::read_to_string(out.join("letters/goed-1.html"))
            .unwrap()
            .contains("<html")
    );
}

#[test]
fn templates_cannot_reach_outside_their_folder_or_the_environment() {
    let head = "+++\nevent-type = \"application_received\"\nsubject = \"x\"\nbesluit = false\nkind = \"information\"\n+++\n{{ recipient | salutation }},\n\n";
    let (dir, folder) = template_dir_with(
        "application_received.md",
        &format!("{head}{{% include \"_partials/geheim.md\" %}}\n"),
    );
    // A partial that is a link to a file elsewhere is not loaded.
    let secret = dir.path().join("geheim.md");
    std::fs::write(&secret, "Het wachtwoord is 1234.").unwrap();
    std::os::unix::fs::symlink(&secret, folder.join("_partials/geheim.md")).unwrap();
    let errors = helder::template::TemplateSet::load(&folder, "Beste").unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("_partials/geheim.md")),
        "{errors:?}"
    );
    for body in [
        "{% include \"../geheim.md\" %}",
        "{% include \"/etc/passwd\" %}",
        "{{ get_env(name=\"HOME\") }}",
    ] {
        let (_dir, folder) =
            template_dir_with("application_received.md", &format!("{head}{body}\n"));
        let made = helder::template::TemplateSet::load(&folder, "Beste")
            .ok()
            .and_then(|set| {
                build_letter(
                    &event(example_json("application_received-plain.json")),
                    &config(),
                    &set,
                    ComposeOptions {
                        date: letter_date(),
                        draft: false,
                    },
                )
                .ok()
            });
        assert!(made.is_none(), "{body} made a letter");
    }
}

/// The letter of an example with `value` as the surname and the first reason.
fn letter_with(value: &str) -> Option<helder::render::Letter> {
    let mut json = example_json("benefit_granted-awkward.json");
    json["data"]["recipient"]["surname"] = Value::String(value.to_string());
    json["data"]["decision"]["reasons"][0] = Value::String(value.to_string());
    let origin = Origin {
        file: "prop".into(),
        line: None,
    };
    let event = event_from_value(json, origin).ok()?;
    build_letter(
        &event,
        &config(),
        &templates(),
        ComposeOptions {
            date: letter_date(),
            draft: false,
        },
    )
    .ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_value_is_text_in_every_output_and_rendering_is_deterministic(
        value in "[A-Za-z][ -~éëïöüÇć<>&*_\\[\\]()#`!|]{0,40}"
    ) {
        if let Some(letter) = letter_with(&value) {
            let text = String::from_utf8(helder::render::text::TextRenderer.render(&letter).unwrap()).unwrap();
            let shown = value.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert!(text.split_whitespace().collect::<Vec<_>>().join(" ").contains(&shown), "literal in text");
            let html = String::from_utf8(helder::render::html::HtmlRenderer.render(&letter).unwrap()).unwrap();
            let escaped = helder::render::html::esc(&shown);
            prop_assert!(html.split_whitespace().collect::<Vec<_>>().join(" ").contains(&escaped), "escaped in HTML");
            let again = String::from_utf8(helder::render::html::HtmlRenderer.render(&letter_with(&value).unwrap()).unwrap()).unwrap();
            prop_assert_eq!(html, again);
        }
    }

    #[test]
    fn lint_never_panics_and_spans_lie_on_char_boundaries(text in "\\PC{0,300}") {
        let config = ReadabilityConfig::default();
        for kind in [SourceKind::Markdown, SourceKind::PlainText, SourceKind::Template] {
            for finding in lint(&text, kind, &config).findings {
                prop_assert!(finding.span.start <= finding.span.end && finding.span.end <= text.len());
                prop_assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
            }
        }
    }

    #[test]
    fn a_yes_event_type_is_never_routed_to_a_letter(
        sanction in any::<bool>(),
        fraud in any::<bool>(),
        vulnerable in any::<bool>(),
        retroactive in any::<bool>(),
        which in 0usize..8,
    ) {
        let yes = [
            "sanction_reduction-reached.json", "recovery-reached.json", "warning-reached.json",
            "administrative_fine-reached.json", "payment_suspended-reached.json", "home_visit-reached.json",
            "fraud_suspicion-reached.json", "revocation_revision-reached.json",
        ];
        let mut json = example_json(yes[which]);
        json["data"]["flags"]["sanction"] = json!(sanction);
        json["data"]["flags"]["fraud_suspicion"] = json!(fraud);
        json["data"]["flags"]["vulnerable"] = json!(vulnerable);
        json["data"]["flags"]["retroactive"] = json!(retroactive);
        let event = event(json);
        let route = helder::route::route(&event, &config().policy);
        prop_assert!(!matches!(route, helder::route::Route::Letter), "{route:?}");
    }
}

/// Inputs the fuzzers found; each one once made helder fail.
#[test]
fn fuzz_findings_stay_fixed() {
    let config = ReadabilityConfig::default();
    let dir = root().join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        // lint-front-matter-multibyte: the front matter was blanked one space per
        // character, so every span after a two-byte character was one byte off.
        for kind in [
            SourceKind::Markdown,
            SourceKind::PlainText,
            SourceKind::Template,
        ] {
            for finding in lint(&text, kind, &config).findings {
                assert!(finding.span.end <= text.len(), "{}", path.display());
                assert!(
                    text.is_char_boundary(finding.span.start)
                        && text.is_char_boundary(finding.span.end)
                );
            }
        }
        let _ = helder::event::parse_events(&text, "fuzz");
        seen += 1;
    }
    assert!(seen >= 1);
}
