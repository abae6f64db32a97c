//! `helder lint --fix`: unambiguous replacements in place, with a unified diff;
//! `--dry-run` changes nothing; a second run changes nothing; JSON and SARIF
//! carry the replacement.

use crate::support::helder;
use serde_json::Value;

const LETTER: &str = "Beste mevrouw De Vries,\n\nIndien u vragen hebt, kunt u ons bellen. Wij verzochten u in mei om uw loonstrook.\n\n<!-- helder-disable-next-line formal-word: dit citeren wij uit de wet -->\nIndien het college besluit, volgt een brief.\n";
const FIXED: &str = "Beste mevrouw De Vries,\n\nAls u vragen hebt, kunt u ons bellen. Wij vroegen u in mei om uw loonstrook.\n\n<!-- helder-disable-next-line formal-word: dit citeren wij uit de wet -->\nIndien het college besluit, volgt een brief.\n";

fn text(output: &std::process::Output) -> String {
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn fix_rewrites_formal_words_in_place_prints_the_diff_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    std::fs::write(&file, LETTER).unwrap();

    let dry = helder(&["lint", "brief.md", "--fix", "--dry-run"], dir.path());
    assert_eq!(dry.status.code(), Some(0));
    let diff = text(&dry);
    assert_eq!(
        diff,
        "--- a/brief.md\n+++ b/brief.md\n@@ -1,5 +1,5 @@\n Beste mevrouw De Vries,\n \n-Indien u vragen hebt, kunt u ons bellen. Wij verzochten u in mei om uw loonstrook.\n+Als u vragen hebt, kunt u ons bellen. Wij vroegen u in mei om uw loonstrook.\n \n <!-- helder-disable-next-line formal-word: dit citeren wij uit de wet -->\n"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        LETTER,
        "--dry-run changes nothing"
    );

    let fix = helder(&["lint", "brief.md", "--fix"], dir.path());
    assert_eq!(fix.status.code(), Some(0));
    assert_eq!(text(&fix), diff, "the same diff, now applied");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FIXED);

    let again = helder(&["lint", "brief.md", "--fix"], dir.path());
    assert_eq!(text(&again), "");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), FIXED);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn json_and_sarif_findings_carry_the_replacement() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("brief.md"), LETTER).unwrap();
    let json: Value = serde_json::from_str(&text(&helder(
        &["lint", "brief.md", "--format", "json"],
        dir.path(),
    )))
    .unwrap();
    let findings = json["files"][0]["findings"].as_array().unwrap();
    let formal: Vec<(&Value, &Value)> = findings
        .iter()
        .filter(|f| f["rule"] == "formal-word")
        .map(|f| (&f["line"], &f["fix"]))
        .collect();
    assert_eq!(
        formal,
        vec![
            (&Value::from(3), &serde_json::json!({"replacement": "Als"})),
            (
                &Value::from(3),
                &serde_json::json!({"replacement": "vroegen"})
            ),
        ]
    );
    assert!(
        findings
            .iter()
            .filter(|f| f["rule"] != "formal-word")
            .all(|f| f["fix"].is_null()),
        "only unambiguous replacements are fixes"
    );
    let sarif: Value = serde_json::from_str(&text(&helder(
        &["lint", "brief.md", "--format", "sarif"],
        dir.path(),
    )))
    .unwrap();
    let fixes: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.get("fixes"))
        .collect();
    assert_eq!(fixes.len(), 2);
    assert_eq!(
        fixes[0][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Als"
    );
    assert_eq!(
        fixes[0][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"],
        serde_json::json!({"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 7})
    );
}

#[test]
fn fix_in_a_template_changes_literal_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let (settings, templates) = crate::support::settings_with_own_templates(dir.path());
    let template = templates.join("application_received.md");
    let source = std::fs::read_to_string(&template).unwrap();
    let changed = source.replacen(
        "Dank u wel.",
        "Dank u wel. Indien u vragen hebt, bel {{ contact.name }}.",
        1,
    );
    std::fs::write(&template, &changed).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
        .args(["--config", settings.to_str().unwrap(), "lint"])
        .arg(&templates)
        .arg("--fix")
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let after = std::fs::read_to_string(&template).unwrap();
    assert_eq!(
        after,
        changed.replacen("Indien u vragen hebt", "Als u vragen hebt", 1)
    );
    assert!(after.contains("{{ contact.name }}"));
}
