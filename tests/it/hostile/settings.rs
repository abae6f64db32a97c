//! Settings are checked against ranges, with a clear message and exit 2,
//! never a panic. `deadline-working-days = 100000000` panicked (`NaiveDate +
//! Days` out of range, exit 101) after 40 seconds of counting days.

use super::{finish_within, text};
use crate::support::root;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The shipped settings with one line replaced, written into `dir`.
fn settings_with(dir: &std::path::Path, from: &str, to: &str) -> std::path::PathBuf {
    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    assert!(shipped.contains(from), "{from}");
    let text = shipped
        .replace(from, to)
        .replace(
            "policy = \"call-first-policy.toml\"",
            &format!(
                "policy = {:?}",
                root().join("call-first-policy.toml").to_str().unwrap()
            ),
        )
        .replace(
            "templates = \"letter-templates\"",
            &format!(
                "templates = {:?}",
                root().join("letter-templates").to_str().unwrap()
            ),
        );
    let path = dir.join("helder.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn absurd_settings_are_refused_with_the_key_and_its_range() {
    let cases = [
        (
            "deadline-working-days = 2",
            "deadline-working-days = 100000000",
            "call-first.deadline-working-days",
        ),
        (
            "deadline-working-days = 2",
            "deadline-working-days = 0",
            "call-first.deadline-working-days",
        ),
        (
            "[letter]",
            "[lint.thresholds]\nlong-sentence-error = 0\n\n[letter]",
            "long-sentence-error",
        ),
        (
            "[letter]",
            "[lint.thresholds]\nlong-sentence-warning = 0\n\n[letter]",
            "long-sentence-warning",
        ),
        (
            "[letter]",
            "[lint.thresholds]\nrare-zipf = nan\n\n[letter]",
            "rare-zipf",
        ),
        (
            "[letter]",
            "[lint.thresholds.levels.b1]\navg-sentence-words = inf\nmax-sentence-words = 20\ndifficult-word-share = 0.04\npassive-share = 0.0\nmax-paragraph-words = 100\n\n[letter]",
            "avg-sentence-words",
        ),
        (
            "[letter]",
            "[lint.thresholds.levels.b1]\navg-sentence-words = 12.0\nmax-sentence-words = 20\ndifficult-word-share = 4.0\npassive-share = 0.0\nmax-paragraph-words = 100\n\n[letter]",
            "difficult-word-share",
        ),
    ];
    let example = root().join("letter-templates/examples/sanction_reduction-reached.json");
    for (from, to, key) in cases {
        let dir = tempfile::tempdir().unwrap();
        let settings = settings_with(dir.path(), from, to);
        let child = Command::new(env!("CARGO_BIN_EXE_helder"))
            .args([
                "--config",
                settings.to_str().unwrap(),
                "batch",
                "--format",
                "html",
            ])
            .arg("--out")
            .arg(dir.path().join("uit"))
            .arg(&example)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = finish_within(child, Duration::from_secs(60), to);
        let message = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{to}: {message}");
        assert!(
            message.contains(key),
            "{to}: the message names {key}: {message}"
        );
        assert!(!message.contains("panicked"), "{message}");
        assert!(!dir.path().join("uit").exists(), "{to}: nothing was made");
    }
}
