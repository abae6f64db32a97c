//! Spelling: the shipped templates and letters are spelled right, and in a
//! template only the template's own text is checked, never an event's values.

use crate::support::{
    config, event, example_json, helder_with, letter_date, root, settings_with_own_templates,
};
use helder::compose::{ComposeOptions, build_letter};
use helder::lint::{Category, lint_letter};
use serde_json::Value;

#[test]
fn the_shipped_templates_have_no_spelling_findings() {
    let config = config();
    let reports = helder::template_ci::check(
        &config.templates_dir,
        &config,
        &helder::template_ci::Selection::All,
    );
    assert!(reports.len() > 30, "every template and partial is checked");
    for report in &reports {
        for item in &report.findings {
            assert!(
                item.finding.category != Category::Spelling,
                "{}: {} ({:?})",
                report.path,
                item.finding.message,
                item.finding.suggestion
            );
        }
    }
}

#[test]
fn every_shipped_letter_is_spelled_right() {
    let config = config();
    let templates = crate::support::templates();
    let mut letters = 0;
    for entry in std::fs::read_dir(root().join("letter-templates/examples")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let event = event(example_json(&name));
        let letter = build_letter(
            &event,
            &config,
            &templates,
            ComposeOptions {
                date: letter_date(),
                draft: true,
            },
        )
        .unwrap();
        let result = lint_letter(
            &letter.body_markdown,
            &helder::compose::event_facts(&event, &letter, &config),
            &config.readability,
        );
        for finding in result.findings {
            assert!(
                finding.category != Category::Spelling,
                "{name}: {} ({:?})",
                finding.message,
                finding.suggestion
            );
        }
        letters += 1;
    }
    assert!(letters >= 62, "every example made a letter: {letters}");
}

#[test]
fn a_misspelled_template_word_is_found_and_a_misspelled_value_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (settings, templates) = settings_with_own_templates(dir.path());
    let template = templates.join("application_received.md");
    let source = std::fs::read_to_string(&template).unwrap();
    std::fs::write(
        &template,
        source.replacen("Dank u wel.", "Dank u wel. Wij reageerd snel.", 1),
    )
    .unwrap();
    // The case system's text is the case system's: a typo there is not the template's.
    let example = templates.join("examples/application_received-plain.json");
    let mut event: Value =
        serde_json::from_str(&std::fs::read_to_string(&example).unwrap()).unwrap();
    event["data"]["deadlines"][0]["label"] = Value::from("ons besluit over uw aanvraaag");
    std::fs::write(&example, event.to_string()).unwrap();

    let output = helder_with(
        &settings,
        &["lint", templates.to_str().unwrap(), "--format", "json"],
        &root(),
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let spelling: Vec<(String, u64, String)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| {
            file["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["category"] == "spelling")
                .map(move |f| {
                    (
                        file["path"].as_str().unwrap().to_string(),
                        f["line"].as_u64().unwrap(),
                        f["suggestion"].as_str().unwrap().to_string(),
                    )
                })
        })
        .collect();
    let line = source
        .lines()
        .position(|l| l.contains("Dank u wel."))
        .unwrap() as u64
        + 1;
    assert_eq!(
        spelling,
        vec![(
            template.display().to_string(),
            line,
            "Bedoelt u \"reageert\"?".to_string()
        )]
    );
}
