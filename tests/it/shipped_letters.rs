//! The shipped letters, as `.ci/run` checks them: every example in
//! `letter-templates/examples/` rendered to Markdown (a draft, dated
//! 2026-11-23) and linted as text, without the event beside it. helder's own
//! letters must not threaten: no tone error, and no error at all.

use crate::support::{assert_exit, helder, root};
use serde_json::Value;

#[test]
fn the_shipped_letters_rendered_to_markdown_have_no_lint_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("md");
    let examples = root().join("letter-templates/examples");
    let render = helder(
        &[
            "render",
            examples.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            "md",
            "--draft",
            "--date",
            "2026-11-23",
        ],
        dir.path(),
    );
    assert_exit(&render, 0);
    let letters = files_ending_in(&out, "md");
    let shipped = files_ending_in(&examples, "json");
    assert!(
        letters >= shipped * 9 / 10 && letters > 0,
        "{letters} letters from {shipped} examples"
    );
    let lint = helder(
        &["lint", out.to_str().unwrap(), "--format", "json"],
        dir.path(),
    );
    let report: Value = serde_json::from_slice(&lint.stdout).unwrap_or_else(|e| {
        panic!(
            "lint --format json: {e}\n{}",
            String::from_utf8_lossy(&lint.stderr)
        )
    });
    let mut errors = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for finding in file["findings"].as_array().unwrap() {
            if finding["severity"] == "error" {
                errors.push(format!(
                    "{}:{} {} ({})",
                    file["path"].as_str().unwrap_or("?"),
                    finding["line"],
                    finding["rule"].as_str().unwrap_or("?"),
                    finding["category"].as_str().unwrap_or("?"),
                ));
            }
        }
    }
    let tone: Vec<&String> = errors.iter().filter(|e| e.ends_with("(tone)")).collect();
    assert!(
        tone.is_empty(),
        "tone errors in helder's own letters:\n{}",
        tone.iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        errors.is_empty(),
        "lint errors in helder's own letters:\n{}",
        errors.join("\n")
    );
    // A letter names what it decides: the letter about a fine says "boete" once.
    // The mark `helder render` writes in the Markdown tells `helder lint` which
    // letter it is, so that one word is not a warning.
    let fine_words: Vec<String> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| {
            file["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["rule"] == "punishment-vocabulary")
                .map(move |f| format!("{}:{}", file["path"].as_str().unwrap_or("?"), f["line"]))
        })
        .collect();
    assert!(fine_words.is_empty(), "{fine_words:?}");
    assert_eq!(report["summary"]["errors"], 0);
    assert_exit(&lint, 0);
}

/// How many files in `dir` have the extension `ext`.
fn files_ending_in(dir: &std::path::Path, ext: &str) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|e| e == ext)
        })
        .count()
}
