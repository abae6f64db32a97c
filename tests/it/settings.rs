//! Settings the letters need (issue 16 item 2): refused when missing for a
//! template that uses them, and checked when present.

use crate::support::{assert_exit, root, settings_with_own_templates};

fn helder_with(settings: &std::path::Path, args: &[&str]) -> std::process::Output {
    crate::support::helder_with(settings, args, &root())
}

/// The shipped settings with the `[court]` tables taken out.
fn without_court(settings: &std::path::Path) {
    let text = std::fs::read_to_string(settings).unwrap();
    let start = text.find("# The court for appeal").unwrap();
    let end = text[start..]
        .find("[signature]")
        .map_or(text.len(), |i| start + i);
    std::fs::write(settings, format!("{}{}", &text[..start], &text[end..])).unwrap();
}

#[test]
fn a_template_that_needs_a_missing_setting_is_refused_before_any_letter() {
    let dir = tempfile::tempdir().unwrap();
    let (settings, _) = settings_with_own_templates(dir.path());
    without_court(&settings);
    let example = root().join("letter-templates/examples/benefit_granted-plain.json");
    let out = dir.path().join("out");
    let output = helder_with(
        &settings,
        &[
            "render",
            example.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_exit(&output, 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("objection.md")
            && stderr.contains("court.name")
            && stderr.contains("[court]"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is made");

    // Template CI says the same, at the line in the partial.
    let output = helder_with(
        &settings,
        &[
            "lint",
            "--format",
            "json",
            dir.path().join("sjablonen").to_str().unwrap(),
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let appeal = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("appeal.md"))
        .expect("appeal.md is reported");
    let finding = appeal["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["rule"] == "template-error" && f["message"].as_str().unwrap().contains("court.name")
        })
        .expect("a template error about the court");
    assert_eq!(finding["line"], 5);
}

#[test]
fn an_iban_with_a_typo_is_refused_and_a_good_one_is_printed_in_groups() {
    let dir = tempfile::tempdir().unwrap();
    let (settings, _) = settings_with_own_templates(dir.path());
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("NL91 BNGH 0285 1654 27", "NL91 BNGH 0285 1645 27"),
    )
    .unwrap();
    let output = helder_with(&settings, &["templates"]);
    assert_exit(&output, 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("municipality.iban") && stderr.contains("mod 97"),
        "{stderr}"
    );

    let config = helder::config::Config::from_toml(
        &text.replace("NL91 BNGH 0285 1654 27", "nl91bngh0285165427"),
        "helder.toml",
        &root(),
    )
    .unwrap();
    assert_eq!(
        config.municipality.iban.as_deref(),
        Some("NL91 BNGH 0285 1654 27")
    );
}

#[test]
fn the_college_is_written_without_the_words_the_letter_adds() {
    let text = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    let wrong = text.replace(
        "college = \"burgemeester en wethouders van Waalmonde\"",
        "college = \"het college van burgemeester en wethouders van Waalmonde\"",
    );
    let error = helder::config::Config::from_toml(&wrong, "helder.toml", &root()).unwrap_err();
    assert!(
        error.to_string().contains("municipality.college"),
        "{error}"
    );
}

#[test]
fn a_wrong_lint_setting_names_its_key_and_the_fix() {
    use helder::config::{Config, ConfigError};
    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    let error = |extra: &str| match Config::from_toml(
        &format!("{shipped}\n{extra}"),
        "helder.toml",
        &root(),
    ) {
        Err(ConfigError::Lint { file, problem }) => (file, problem),
        other => panic!("expected a [lint] error, got {other:?}"),
    };
    let (file, problem) = error("[lint.rules]\npasive-voice = \"off\"\n");
    assert_eq!(file, "helder.toml");
    assert_eq!(
        (
            problem.place.as_str(),
            problem.problem.as_str(),
            problem.fix.as_str()
        ),
        (
            "lint.rules",
            "de regel pasive-voice bestaat niet",
            "Bedoelt u passive-voice?"
        )
    );
    let (_, problem) = error("[[lint.overrides]]\npaths = [\"letter-templates/[a.md\"]\n");
    assert_eq!(problem.place, "lint.overrides[1].paths");
    assert!(
        problem.fix.contains("letter-templates/*.md"),
        "{}",
        problem.fix
    );
    let shown = Config::from_toml(
        &format!("{shipped}\n[lint.spelling]\nextra-words = [\"twee woorden\"]\n"),
        "helder.toml",
        &root(),
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        shown,
        "instellingen helder.toml: lint.spelling: \"twee woorden\" is meer dan een woord. Zet elk woord apart in de lijst."
    );
}
