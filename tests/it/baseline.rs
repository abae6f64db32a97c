//! Baseline and ratchet (issue 19): a team adopts helder on an existing
//! library of letters, commits a baseline, and CI fails only on what is new.

use crate::support::{root, settings_with_own_templates};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// A paragraph with a finding the team accepts when it adopts helder (a formal word).
const OLD_DEBT: &str = "Indien u vragen heeft over deze brief, dan kunt u ons altijd bellen.";
/// A new threatening sentence.
const THREAT: &str = "Als u niet op tijd betaalt, stoppen wij uw uitkering.";

/// Runs helder in `dir` with the settings there.
fn helder_in(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
        .args(["--config", "helder.toml"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Every finding of a JSON report, with its file's path.
fn findings(report: &Value) -> Vec<(String, Value)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| {
            let path = file["path"].as_str().unwrap().to_string();
            file["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |f| (path.clone(), f.clone()))
        })
        .collect()
}

/// Inserts `text` as a paragraph of its own before the template's last heading
/// (in the middle of the letter: the decision and the greeting stay where they are).
fn insert_paragraph(template: &Path, text: &str) {
    let source = std::fs::read_to_string(template).unwrap();
    let at = source.rfind("\n## ").expect("the template has headings") + 1;
    let changed = format!("{}{text}\n\n{}", &source[..at], &source[at..]);
    std::fs::write(template, changed).unwrap();
}

/// The line of the first occurrence of `text` in a file.
fn line_of(path: &Path, text: &str) -> u64 {
    let source = std::fs::read_to_string(path).unwrap();
    let at = source.find(text).unwrap();
    source[..at].matches('\n').count() as u64 + 1
}

/// (rule, path, line, fingerprint) of every SARIF result.
fn sarif_fingerprints(output: &Output) -> Vec<(String, String, u64, String)> {
    let log: Value = serde_json::from_slice(&output.stdout).unwrap();
    log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|result| {
            let location = &result["locations"][0]["physicalLocation"];
            (
                result["ruleId"].as_str().unwrap().to_string(),
                location["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                location["region"]["startLine"].as_u64().unwrap(),
                result["partialFingerprints"]["helder/v1"]
                    .as_str()
                    .expect("every result has a helder/v1 fingerprint")
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn a_baseline_on_a_copy_of_the_library_fails_only_on_what_is_new() {
    let dir = tempfile::tempdir().unwrap();
    settings_with_own_templates(dir.path());
    let template = dir.path().join("sjablonen/recovery.md");
    // The library as a team has it: with an old finding in one template.
    insert_paragraph(&template, OLD_DEBT);
    let before = helder_in(dir.path(), &["lint", "sjablonen", "--format", "json"]);
    let old_line = line_of(&template, OLD_DEBT);
    let old: Vec<(String, Value)> = findings(&json(&before))
        .into_iter()
        .filter(|(path, f)| path.ends_with("recovery.md") && f["line"] == old_line)
        .collect();
    assert!(
        old.iter().any(|(_, f)| f["rule"] == "formal-word"),
        "the old paragraph has a finding: {old:?}"
    );
    let sarif_before = helder_in(dir.path(), &["lint", "sjablonen", "--format", "sarif"]);

    // Adopt: write the baseline (exit 0 whatever it holds) and commit it.
    let written = helder_in(
        dir.path(),
        &["lint", "sjablonen", "--write-baseline", "baseline.json"],
    );
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    assert!(String::from_utf8_lossy(&written.stderr).contains("baseline geschreven"));
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(baseline["version"], 1);
    assert_eq!(baseline["fingerprint"], "helder/v1");
    let recorded = &baseline["files"]["sjablonen/recovery.md"]["findings"];
    assert!(
        recorded
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "formal-word"),
        "{recorded}"
    );
    // The baseline holds no words of the letters.
    let text = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(
        !text.contains("Indien") && !text.contains("indien"),
        "{text}"
    );

    // The same library against its baseline: nothing new, exit 0.
    let clean = helder_in(
        dir.path(),
        &[
            "lint",
            "sjablonen",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(clean.status.code(), Some(0), "{clean:?}");
    assert_eq!(findings(&json(&clean)), Vec::new());
    // "1 bekende bevinding niet getoond", or "… bevindingen …" for more.
    let stderr = String::from_utf8_lossy(&clean.stderr);
    assert!(
        stderr.contains("bekende bevinding") && stderr.contains("niet getoond"),
        "{stderr}"
    );

    // Lines shift in one template: every finding moves, none is new.
    let source = std::fs::read_to_string(&template).unwrap();
    let end_of_front_matter = source[3..].find("+++\n").unwrap() + 3 + 4;
    std::fs::write(
        &template,
        format!(
            "{}\n\n\n{}",
            &source[..end_of_front_matter],
            &source[end_of_front_matter..]
        ),
    )
    .unwrap();
    assert_eq!(line_of(&template, OLD_DEBT), old_line + 3);
    let shifted = helder_in(
        dir.path(),
        &[
            "lint",
            "sjablonen",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(shifted.status.code(), Some(0), "{shifted:?}");
    assert_eq!(findings(&json(&shifted)), Vec::new());

    // SARIF carries the same fingerprints at the new lines.
    let sarif_after = helder_in(dir.path(), &["lint", "sjablonen", "--format", "sarif"]);
    let before_prints = sarif_fingerprints(&sarif_before);
    let after_prints = sarif_fingerprints(&sarif_after);
    let debt_before = before_prints
        .iter()
        .find(|(rule, path, line, _)| {
            rule == "formal-word" && path.ends_with("recovery.md") && *line == old_line
        })
        .expect("the old finding is in SARIF");
    let debt_after = after_prints
        .iter()
        .find(|(_, _, _, print)| *print == debt_before.3)
        .expect("the old finding keeps its fingerprint");
    assert_eq!(debt_after.2, old_line + 3);
    let mut prints_before: Vec<&String> = before_prints.iter().map(|r| &r.3).collect();
    let mut prints_after: Vec<&String> = after_prints.iter().map(|r| &r.3).collect();
    prints_before.sort();
    prints_after.sort();
    assert_eq!(prints_before, prints_after);
    // ... and they are the baseline's.
    for (_, path, _, print) in &before_prints {
        let in_baseline = baseline["files"][path]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["fingerprint"] == print.as_str());
        assert!(in_baseline, "{path}: {print} is in the baseline");
    }

    // A new threatening sentence: exit 1, and only that sentence is reported.
    insert_paragraph(&template, THREAT);
    let threat_line = line_of(&template, THREAT);
    let threatened = helder_in(
        dir.path(),
        &[
            "lint",
            "sjablonen",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(threatened.status.code(), Some(1), "{threatened:?}");
    let new = findings(&json(&threatened));
    assert!(
        new.iter()
            .any(|(_, f)| f["category"] == "tone" && f["severity"] == "error"),
        "{new:?}"
    );
    for (path, finding) in &new {
        assert!(path.ends_with("recovery.md"), "{path}: {finding}");
        assert_eq!(finding["line"], threat_line, "{finding}");
    }
}

#[test]
fn a_text_whose_level_got_worse_fails_against_its_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let texts = root().join("tests/fixtures/texts");
    let text = dir.path().join("brief.md");
    std::fs::copy(texts.join("05_b1_bijzondere_bijstand.md"), &text).unwrap();
    let lint = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let written = lint(&["lint", "brief.md", "--write-baseline", "b.json"]);
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("b.json")).unwrap()).unwrap();
    let then = baseline["files"]["brief.md"]["level"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(then == "A2" || then == "B1", "{baseline}");
    // The letter is rewritten in official language.
    std::fs::copy(texts.join("10_officieel_beleidsregels.md"), &text).unwrap();
    let worse = lint(&[
        "lint",
        "brief.md",
        "--baseline",
        "b.json",
        "--format",
        "json",
    ]);
    assert_eq!(worse.status.code(), Some(1));
    let report = json(&worse);
    let level = &report["files"][0]["findings"][0];
    assert_eq!(level["rule"], "level-above-baseline", "{report}");
    assert_eq!(level["severity"], "error");
    assert_eq!(level["category"], "readability");
    assert!(
        level["message"]
            .as_str()
            .unwrap()
            .ends_with(&format!("in de baseline was dat {then}.")),
        "{level}"
    );
}

#[test]
fn a_missing_broken_or_stale_baseline_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("brief.md");
    std::fs::copy(
        root().join("tests/fixtures/texts/05_b1_bijzondere_bijstand.md"),
        &text,
    )
    .unwrap();
    let lint = |baseline: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(["lint", "brief.md", "--baseline", baseline])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let stderr = |output: &Output| String::from_utf8_lossy(&output.stderr).into_owned();

    let missing = lint("geen.json");
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        stderr(&missing),
        "fout: de baseline geen.json bestaat niet. Maak hem met: helder lint PAD --write-baseline geen.json\n"
    );
    assert!(missing.stdout.is_empty());

    std::fs::write(dir.path().join("kapot.json"), "{\"version\": 1,").unwrap();
    let broken = lint("kapot.json");
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).starts_with("fout: de baseline kapot.json is geen baseline van helder: "),
        "{}",
        stderr(&broken)
    );

    std::fs::write(
        dir.path().join("oud.json"),
        r#"{"version": 1, "fingerprint": "helder/v0", "files": {}}"#,
    )
    .unwrap();
    let stale = lint("oud.json");
    assert_eq!(stale.status.code(), Some(2));
    assert_eq!(
        stderr(&stale),
        "fout: de baseline oud.json is verouderd: hij is gemaakt met versie 1, helder/v0, deze helder maakt versie 1, helder/v1. Maak hem opnieuw met --write-baseline en controleer de nieuwe bevindingen\n"
    );

    std::fs::write(
        dir.path().join("regel.json"),
        r#"{"version": 1, "fingerprint": "helder/v1", "files": {"brief.md": {"findings": [{"rule": "oude-regel", "fingerprint": "00"}]}}}"#,
    )
    .unwrap();
    let unknown = lint("regel.json");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("noemt de regel oude-regel, die deze helder niet kent"));
}

#[test]
fn in_github_actions_only_the_new_finding_is_annotated_and_the_summary_has_its_file() {
    let dir = tempfile::tempdir().unwrap();
    settings_with_own_templates(dir.path());
    let template = dir.path().join("sjablonen/recovery.md");
    insert_paragraph(&template, OLD_DEBT);
    let written = helder_in(
        dir.path(),
        &["lint", "sjablonen", "--write-baseline", "baseline.json"],
    );
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    insert_paragraph(&template, THREAT);
    let threat_line = line_of(&template, THREAT);
    let summary = dir.path().join("step-summary.md");
    std::fs::write(&summary, "Eerdere stap.\n").unwrap();

    // As the README's workflow runs it: the baseline, annotations, a job summary.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
        .args(["--config", "helder.toml", "lint", "sjablonen"])
        .args(["--baseline", "baseline.json", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let stdout = String::from_utf8(run.stdout).unwrap();
    let annotations: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("::error") || l.starts_with("::warning"))
        .collect();
    assert!(!annotations.is_empty(), "{stdout}");
    for annotation in &annotations {
        assert!(
            annotation.contains("file=sjablonen/recovery.md")
                && annotation.contains(&format!("line={threat_line},")),
            "only the new sentence is annotated: {annotation}"
        );
    }
    assert!(annotations.iter().any(|a| a.starts_with("::error")));

    // The summary is added to what the earlier steps wrote: one row, for the changed template.
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("Eerdere stap.\n### helder lint\n"),
        "{text}"
    );
    assert!(
        text.contains("bekende bevinding") && text.contains("niet getoond"),
        "{text}"
    );
    assert!(
        text.contains("| Bestand | Niveau | Fouten | Waarschuwingen | Ergste bevindingen |"),
        "{text}"
    );
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), 1, "{text}");
    assert!(rows[0].starts_with("| `sjablonen/recovery.md` |"), "{text}");
    assert!(
        rows[0].contains(&format!("(regel {threat_line})")),
        "{text}"
    );
    // Never the words of the letter.
    assert!(
        !text.contains("uitkering") && !text.contains("betaalt"),
        "{text}"
    );
}
