//! No writes through links, nothing written over a file helder did not make.
//! `out/letters` as a link to another folder received 33 letters;
//! `out/helder.db` as a link to another SQLite file got helder's tables; a
//! user's `out/summary.json` was overwritten; a released letter overwrote a
//! foreign `letters/*.html`; `helder.db` was made 0644, and an existing
//! output folder kept wide permissions without a word.

use super::{example_line, text};
use crate::support::{batch_command, root};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

fn batch(input: &Path, out: &Path) -> std::process::Output {
    batch_command(&root().join("helder.toml"), input, out)
        .args(["--format", "html"])
        .output()
        .unwrap()
}

fn day(dir: &Path) -> std::path::PathBuf {
    let input = dir.join("dag.ndjson");
    let lines = [
        example_line("benefit_granted-plain.json", "link-1"),
        example_line("sanction_reduction-reached.json", "link-2"),
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    input
}

fn is_empty(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().next().is_none()
}

#[test]
fn a_folder_in_the_output_that_is_a_link_is_refused_and_nothing_goes_through_it() {
    for folder in ["letters", "tasks"] {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elders");
        std::fs::create_dir(&elsewhere).unwrap();
        let out = dir.path().join("uit");
        std::fs::create_dir(&out).unwrap();
        symlink(&elsewhere, out.join(folder)).unwrap();
        let output = batch(&day(dir.path()), &out);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{folder}: {}",
            text(&output.stderr)
        );
        let message = text(&output.stderr);
        assert!(
            message.contains(&out.join(folder).display().to_string())
                && message.contains("koppeling"),
            "{folder}: {message}"
        );
        assert!(
            is_empty(&elsewhere),
            "{folder}: nothing went through the link"
        );
    }

    // The output folder itself.
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elders");
    std::fs::create_dir(&elsewhere).unwrap();
    let out = dir.path().join("uit");
    symlink(&elsewhere, &out).unwrap();
    let output = batch(&day(dir.path()), &out);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("koppeling"));
    assert!(is_empty(&elsewhere));
}

#[test]
fn a_journal_that_is_a_link_to_another_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("ander.db");
    {
        let db = rusqlite::Connection::open(&other).unwrap();
        db.execute_batch("CREATE TABLE mijn (x INTEGER); INSERT INTO mijn VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&other).unwrap();
    let out = dir.path().join("uit");
    std::fs::create_dir(&out).unwrap();
    symlink(&other, out.join("helder.db")).unwrap();
    let output = batch(&day(dir.path()), &out);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(
        text(&output.stderr).contains("koppeling"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "the other database is untouched"
    );
    assert!(!dir.path().join("ander.db-wal").exists());
}

#[test]
fn a_summary_or_error_file_helder_did_not_make_is_not_overwritten() {
    for name in ["summary.json", "errors.ndjson"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("uit");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join(name), "van de gebruiker").unwrap();
        let output = batch(&day(dir.path()), &out);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: {}",
            text(&output.stderr)
        );
        assert!(
            text(&output.stderr).contains("niet door helder gemaakt"),
            "{name}: {}",
            text(&output.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            "van de gebruiker"
        );

        // The files helder made itself it may replace, run after run.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("uit");
        let input = day(dir.path());
        assert_eq!(batch(&input, &out).status.code(), Some(0));
        assert_eq!(batch(&input, &out).status.code(), Some(0));
        // A link put in place of one of them is refused, and not followed.
        let victim = dir.path().join("belangrijk.txt");
        std::fs::write(&victim, "niet overschrijven").unwrap();
        std::fs::remove_file(out.join(name)).ok();
        symlink(&victim, out.join(name)).unwrap();
        let output = batch(&input, &out);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{name}: {}",
            text(&output.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            "niet overschrijven"
        );
    }
}

#[test]
fn a_released_letter_does_not_overwrite_a_foreign_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let sanction = root().join("letter-templates/examples/sanction_reduction-reached.json");
    assert_eq!(batch(&sanction, &out).status.code(), Some(0));
    let letter = out.join("letters/evt-2026-000601.html");
    std::fs::write(&letter, "van iemand anders").unwrap();

    let mut contact: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/events/contact_recorded.json"))
            .unwrap(),
    )
    .unwrap();
    let held: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sanction).unwrap()).unwrap();
    contact["data"]["case"] = held["data"]["case"].clone();
    contact["data"]["prior_contact"]["outcome"] = serde_json::json!("reached");
    contact["data"]["prior_contact"]["event_id"] = serde_json::json!("evt-2026-000601");
    contact["data"]["prior_contact"]["decision"] = serde_json::json!("send");
    let input = dir.path().join("contact.json");
    std::fs::write(&input, serde_json::to_string(&contact).unwrap()).unwrap();
    let output = batch(&input, &out);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    assert_eq!(
        std::fs::read_to_string(&letter).unwrap(),
        "van iemand anders"
    );
    let errors = std::fs::read_to_string(out.join("errors.ndjson")).unwrap();
    assert!(errors.contains("niet door helder gemaakt"), "{errors}");
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_folder_and_the_journal_are_private_and_a_wide_folder_gets_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let output = batch(&day(dir.path()), &out);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(mode(&out), 0o700);
    for name in ["helder.db", "summary.json", "errors.ndjson"] {
        assert_eq!(mode(&out.join(name)), 0o600, "{name}");
    }
    for extra in ["helder.db-wal", "helder.db-shm"] {
        if out.join(extra).exists() {
            assert_eq!(mode(&out.join(extra)), 0o600, "{extra}");
        }
    }
    assert!(
        !text(&output.stderr).contains("let op"),
        "{}",
        text(&output.stderr)
    );

    let wide = dir.path().join("breed");
    std::fs::create_dir(&wide).unwrap();
    std::fs::set_permissions(&wide, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = batch(&day(dir.path()), &wide);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let message = text(&output.stderr);
    assert!(
        message.contains(&wide.display().to_string()) && message.contains("0755"),
        "a warning names the folder and its permissions: {message}"
    );
    assert_eq!(mode(&wide.join("helder.db")), 0o600);
}
