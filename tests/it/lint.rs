//! `helder lint` on files and stdin: formats, exit codes, positions.

use crate::support::{assert_exit, root};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn lint(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_helder"))
        .arg("lint")
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

#[test]
fn human_output_shows_the_line_the_span_and_a_suggestion() {
    let output = lint(&["tests/fixtures/texts/07_ambtelijk_afwijzing.md"], None);
    assert_exit(&output, 1); // errors fail the run
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    insta::assert_snapshot!("lint_human_afwijzing", text);
}

#[test]
fn json_output_is_the_documented_shape() {
    let output = lint(
        &[
            "--format",
            "json",
            "tests/fixtures/texts/08_ambtelijk_hersteltermijn.md",
            "tests/fixtures/texts/03_a2_korte_mededeling.md",
        ],
        None,
    );
    assert_exit(&output, 1);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(
        files[0]["path"],
        "tests/fixtures/texts/08_ambtelijk_hersteltermijn.md"
    );
    assert_eq!(files[0]["kind"], "text");
    let keys = |v: &serde_json::Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let finding = &files[0]["findings"][0];
    assert_eq!(
        keys(finding),
        [
            "category",
            "column",
            "end_column",
            "end_line",
            "example",
            "fix",
            "line",
            "message",
            "rule",
            "severity",
            "suggestion"
        ]
    );
    assert_eq!(
        keys(&files[0]["readability"]),
        [
            "avg_sentence_words",
            "brouwer",
            "difficult_word_share",
            "flesch_douma",
            "level",
            "max_sentence_words",
            "passives",
            "sentences",
            "words"
        ]
    );
    assert_eq!(files[1]["readability"]["level"], "A2");
    // Easy to read; its only finding is that it gives the general number, not a direct one.
    let rules: Vec<&str> = files[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, vec!["missing-contact"]);
    // "Gelieve" starts line 5 of the file.
    let gelieve = files[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["message"] == "\"Gelieve\" is formele taal.")
        .unwrap();
    assert_eq!(
        (
            gelieve["line"].as_u64(),
            gelieve["column"].as_u64(),
            gelieve["end_column"].as_u64()
        ),
        (Some(5), Some(1), Some(8))
    );
    assert_eq!(gelieve["suggestion"], "Schrijf liever: wilt u …?");
    let summary = &json["summary"];
    assert_eq!(summary["files"], 2);
    let listed: usize = files
        .iter()
        .map(|f| f["findings"].as_array().unwrap().len())
        .sum();
    let counted = summary["errors"].as_u64().unwrap()
        + summary["warnings"].as_u64().unwrap()
        + summary["infos"].as_u64().unwrap();
    assert_eq!(counted as usize, listed, "the summary counts every finding");
}

#[test]
fn stdin_is_linted_and_a_clean_text_exits_0() {
    let output = lint(
        &["-"],
        Some("Wij helpen u graag. Bel ons als u vragen hebt."),
    );
    assert_exit(&output, 0);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("-: niveau A2 · 10 woorden in 2 zinnen"),
        "{text}"
    );
    assert!(text.ends_with("0 fouten, 0 waarschuwingen, 0 opmerkingen in 1 bestand.\n"));
}

#[test]
fn warnings_alone_exit_0() {
    let output = lint(&["-"], Some("Indien u vragen hebt, bel ons."));
    assert_exit(&output, 0);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("warning[formal-word]"), "{text}");
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let output = lint(&["bestaat-niet.md"], None);
    assert_exit(&output, 2);
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("bestaat-niet.md kan niet worden gelezen")
    );
}

#[test]
fn a_template_is_linted_with_its_tags_masked() {
    let output = lint(
        &["--format", "json", "letter-templates/benefit_granted.md"],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = &json["files"][0];
    assert_eq!(file["kind"], "template");
    for finding in file["findings"].as_array().unwrap() {
        let message = finding["message"].as_str().unwrap();
        assert!(
            !message.contains("{{") && !message.contains("0000"),
            "a tag was judged as text: {message}"
        );
    }
}

#[test]
fn a_word_gets_one_finding_the_one_that_names_its_fix() {
    let config = helder::readability::ReadabilityConfig::default();
    let text = "Wij bellen u over de uitkeering. Wij verstrekken u dan een voorschot.";
    let result = helder::lint::lint(text, helder::lint::SourceKind::Markdown, &config);
    let on = |word: &str| -> Vec<&str> {
        result
            .findings
            .iter()
            .filter(|f| text[f.span.start..f.span.end].contains(word))
            .map(|f| f.rule)
            .collect()
    };
    // A misspelled word is rare because it is misspelled: only the spelling finding,
    // which names the right word.
    assert_eq!(on("uitkeering"), vec!["misspelled-word"]);
    assert_eq!(on("verstrekken"), vec!["formal-word"]);
    // A rare word that is spelled right is still a difficult word.
    let rare = helder::lint::lint(
        "Volgens de vigerende regels krijgt u vakantiegeld.",
        helder::lint::SourceKind::Markdown,
        &config,
    );
    assert!(rare.findings.iter().any(|f| f.rule == "difficult-word"));
}
