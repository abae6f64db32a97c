//! `helder batch`: every event ends as exactly one letter, task or error
//! record; a killed or failed run goes on where it stopped; nothing twice.

use crate::support::{assert_exit, config, helder, root, templates};
use helder::batch::{BatchOptions, Counts};
use helder::output::{Disk, Storage};
use helder::render::Format;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The shipped examples, as JSON values, in file order.
fn examples() -> Vec<Value> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("letter-templates/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

/// `n` events made from the examples, each with its own id, one a line.
fn ndjson(n: usize) -> String {
    let examples = examples();
    let mut text = String::new();
    for i in 0..n {
        let mut event = examples[i % examples.len()].clone();
        event["id"] = Value::String(format!("gen-{i:06}"));
        text.push_str(&serde_json::to_string(&event).unwrap());
        text.push('\n');
    }
    text
}

fn batch(input: &Path, out: &Path, extra: &[&str]) -> Output {
    crate::support::batch_command(&root().join("helder.toml"), input, out)
        .args(extra)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

fn errors(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("errors.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Every key in the journal with its outcome.
fn journal(out: &Path) -> Vec<(String, String)> {
    let db = rusqlite::Connection::open(out.join("helder.db")).unwrap();
    let mut statement = db
        .prepare("SELECT key, outcome FROM events ORDER BY key")
        .unwrap();
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_shipped_examples_become_letters_and_tasks_privately_and_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let input = root().join("letter-templates/examples");
    let output = batch(&input, &out, &["--format", "html,txt"]);
    assert_exit(&output, 0);
    let s = summary(&out);
    let counts = &s["counts"];
    let examples = examples().len() as u64;
    assert_eq!(counts["events"], examples);
    assert_eq!(
        counts["letters"].as_u64().unwrap() + counts["tasks"].as_u64().unwrap(),
        examples
    );
    assert_eq!(counts["errors"], 0);
    assert!(errors(&out).is_empty());
    let letters = files_in(&out.join("letters"));
    assert_eq!(
        letters.len() as u64,
        counts["letters"].as_u64().unwrap() * 2,
        "html and txt"
    );
    assert!(letters.contains("evt-2026-000101.html") && letters.contains("evt-2026-000101.txt"));
    let tasks = files_in(&out.join("tasks"));
    assert!(
        tasks.contains("evt-2026-000601.json") && tasks.contains("evt-2026-000601.concept.html")
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out.join("letters")), 0o700);
    assert_eq!(mode(&out.join("letters/evt-2026-000101.html")), 0o600);
    assert_eq!(mode(&out.join("tasks/evt-2026-000601.json")), 0o600);
    // No personal data on the terminal: not a name, a street or a phone number.
    let terminal = format!("{}{}", text(&output.stdout), text(&output.stderr));
    for private in ["Bakker", "Lindelaan", "Heijden", "06 12 34 56 78", "6512"] {
        assert!(!terminal.contains(private), "{private} in {terminal}");
    }
    assert!(
        text(&output.stdout).starts_with("klaar: "),
        "one summary line"
    );
    assert_eq!(text(&output.stdout).lines().count(), 1);

    // Again: nothing is made twice.
    let before: Vec<_> = letters
        .iter()
        .map(|f| {
            std::fs::metadata(out.join("letters").join(f))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    let output = batch(&input, &out, &["--format", "html,txt"]);
    assert_exit(&output, 0);
    assert_eq!(summary(&out)["counts"]["skipped"], examples);
    let after: Vec<_> = letters
        .iter()
        .map(|f| {
            std::fs::metadata(out.join("letters").join(f))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();
    assert_eq!(before, after, "no letter was written again");
}

#[test]
fn broken_input_is_reported_per_event_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines: Vec<String> = ndjson(20).lines().map(str::to_string).collect();
    lines[16] = "{\"id\": \"kapot\", \"specversion\": ".to_string(); // line 17: invalid JSON
    let mut missing: Value = serde_json::from_str(&lines[3]).unwrap();
    missing["data"]["recipient"]
        .as_object_mut()
        .unwrap()
        .remove("surname");
    lines[3] = serde_json::to_string(&missing).unwrap();
    let mut unknown: Value = serde_json::from_str(&lines[5]).unwrap();
    unknown["data"]["event_type"] = Value::String("spaceship_landed".to_string());
    unknown["type"] = Value::String("nl.participatiewet.bijstand.spaceship_landed".to_string());
    lines[5] = serde_json::to_string(&unknown).unwrap();
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("uit");
    let output = batch(&input, &out, &["--format", "html"]);
    assert_exit(&output, 1); // an event ended as an error
    let records = errors(&out);
    assert_eq!(records.len(), 3, "{records:#?}");
    let lines_with_errors: Vec<u64> = records
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines_with_errors, vec![4, 6, 17]);
    assert_eq!(records[0]["event_id"], "gen-000003");
    assert!(records[0]["message"].as_str().unwrap().contains("surname"));
    assert!(
        records[2]["message"]
            .as_str()
            .unwrap()
            .contains("geen geldige JSON")
    );
    let counts = &summary(&out)["counts"];
    assert_eq!(
        counts["letters"].as_u64().unwrap()
            + counts["tasks"].as_u64().unwrap()
            + counts["errors"].as_u64().unwrap(),
        20
    );
    // No event value in the error records.
    let all = std::fs::read_to_string(out.join("errors.ndjson")).unwrap();
    assert!(!all.contains("Bakker") && !all.contains("spaceship_landed\"}"));
}

#[test]
fn the_same_id_with_other_content_is_an_error_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.ndjson");
    let events = ndjson(12);
    std::fs::write(&input, &events).unwrap();
    let out = dir.path().join("uit");
    assert_exit(&batch(&input, &out, &["--format", "html"]), 0);
    let name = files_in(&out.join("letters"))
        .into_iter()
        .next()
        .expect("a letter");
    let letter = out.join("letters").join(&name);
    let original = std::fs::read(&letter).unwrap();
    let id = name.trim_end_matches(".html");

    let mut changed: Value = events
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|event| event["id"] == id)
        .unwrap();
    changed["data"]["recipient"]["surname"] = Value::String("Anders".to_string());
    let second = dir.path().join("b.ndjson");
    std::fs::write(&second, serde_json::to_string(&changed).unwrap() + "\n").unwrap();
    let output = batch(&second, &out, &["--format", "html"]);
    assert_exit(&output, 1);
    assert_eq!(std::fs::read(&letter).unwrap(), original);
    let records = errors(&out);
    assert_eq!(records.len(), 1);
    assert!(
        records[0]["message"]
            .as_str()
            .unwrap()
            .contains("andere inhoud")
    );
}

#[test]
fn an_unwritable_output_folder_stops_the_run_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("bestand");
    std::fs::write(&blocker, "geen map").unwrap();
    let output = batch(
        &root().join("letter-templates/examples"),
        &blocker.join("uit"),
        &["--format", "html"],
    );
    assert_exit(&output, 2);
    let message = text(&output.stderr);
    assert!(message.contains("kan niet worden geschreven"), "{message}");
}

#[test]
fn dry_run_writes_only_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("proef");
    let output = batch(
        &root().join("letter-templates/examples"),
        &out,
        &["--dry-run"],
    );
    assert_exit(&output, 0);
    assert_eq!(files_in(&out), BTreeSet::from(["summary.json".to_string()]));
    let counts = &summary(&out)["counts"];
    assert!(counts["letters"].as_u64().unwrap() > 0 && counts["tasks"].as_u64().unwrap() > 0);
    assert_eq!(summary(&out)["dry_run"], true);
}

#[test]
fn a_recorded_contact_releases_the_held_letter_in_a_later_run() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let sanction = root().join("letter-templates/examples/sanction_reduction-reached.json");
    assert_exit(&batch(&sanction, &out, &["--format", "html"]), 0);
    assert!(!out.join("letters/evt-2026-000601.html").exists(), "held");
    let tasks = open_tasks(&out);
    let list: Value = serde_json::from_slice(&tasks.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(
        !text(&tasks.stdout).contains("Bakker"),
        "the list names no client"
    );

    let mut contact: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/events/contact_recorded.json"))
            .unwrap(),
    )
    .unwrap();
    let case = serde_json::from_str::<Value>(&std::fs::read_to_string(&sanction).unwrap()).unwrap()
        ["data"]["case"]
        .clone();
    contact["data"]["case"] = case;
    contact["data"]["prior_contact"]["outcome"] = Value::String("reached".to_string());
    let input = dir.path().join("contact.json");
    std::fs::write(&input, serde_json::to_string(&contact).unwrap()).unwrap();
    let output = batch(&input, &out, &["--format", "html"]);
    assert_exit(&output, 0);
    assert_eq!(summary(&out)["counts"]["released"], 1);
    let letter = std::fs::read_to_string(out.join("letters/evt-2026-000601.html")).unwrap();
    assert!(
        letter.contains("hebben we u gebeld") || letter.contains("waren we bij u thuis"),
        "the letter refers to the call"
    );
    let tasks = open_tasks(&out);
    let list: Value = serde_json::from_slice(&tasks.stdout).unwrap();
    assert!(
        list.as_array().unwrap().is_empty(),
        "the task left the list"
    );
}

/// `helder tasks <out> --format json`: the open tasks of a batch folder.
fn open_tasks(out: &Path) -> std::process::Output {
    helder(
        &["tasks", out.to_str().unwrap(), "--format", "json"],
        &root(),
    )
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, ndjson(300)).unwrap();
    let one = dir.path().join("een");
    let two = dir.path().join("twee");
    assert_eq!(
        batch(&input, &one, &["--format", "html", "--jobs", "1"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        batch(&input, &two, &["--format", "html", "--jobs", "2"])
            .status
            .code(),
        Some(0)
    );
    for folder in ["letters", "tasks"] {
        let names = files_in(&one.join(folder));
        assert_eq!(names, files_in(&two.join(folder)));
        for name in names {
            assert_eq!(
                std::fs::read(one.join(folder).join(&name)).unwrap(),
                std::fs::read(two.join(folder).join(&name)).unwrap(),
                "{folder}/{name}"
            );
        }
    }
}

/// Fails every write after the first `allowed`, like a disk that is full.
struct FullDisk {
    allowed: usize,
    done: std::sync::atomic::AtomicUsize,
}

impl Storage for FullDisk {
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let n = self.done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if n >= self.allowed {
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "schijf vol",
            ));
        }
        Disk.write(path, bytes)
    }
    fn sync(&self, dir: &Path) -> std::io::Result<()> {
        Disk.sync(dir)
    }
}

#[test]
fn a_full_disk_stops_the_run_and_the_next_run_finishes_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, ndjson(700)).unwrap();
    let out = dir.path().join("uit");
    let options = BatchOptions {
        input: input.clone(),
        out: out.clone(),
        formats: vec![Format::Html],
        date: crate::support::letter_date(),
        dry_run: false,
        contacts_only: false,
    };
    let (config, templates) = (config(), templates());
    // Room for the first group of events, not for the second.
    let full = FullDisk {
        allowed: 900,
        done: Default::default(),
    };
    let mut ignore = |_: &Counts| {};
    let error = helder::batch::run(&options, &config, &templates, &full, &mut ignore).unwrap_err();
    assert!(
        error.to_string().contains("kan niet worden geschreven"),
        "{error}"
    );
    let partial = journal(&out).len();
    assert!(
        partial > 0 && partial < 700,
        "the groups before the full disk are kept: {partial}"
    );

    // The first run has closed its lock on the folder. Another test thread of
    // this binary may just have forked a child (to start a browser or a
    // helder process) that holds a copy of that descriptor until it execs,
    // and an flock lives as long as any copy: so wait for the lock here
    // instead of failing at once as a second run must when a real run holds it.
    let lock = helder::folder::lock(&out, true, &mut || {}).unwrap();
    let summary =
        helder::batch::run_locked(&lock, &options, &config, &templates, &Disk, &mut ignore)
            .unwrap();
    drop(lock);
    assert_eq!(summary.counts.skipped, partial);
    let rows = journal(&out);
    assert_eq!(rows.len(), 700, "every event exactly once");
    assert!(
        rows.iter()
            .all(|(_, outcome)| outcome == "letter" || outcome == "task")
    );
}

#[test]
fn a_batch_killed_at_random_points_finishes_with_every_event_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dag.ndjson");
    const EVENTS: usize = 5_000;
    std::fs::write(&input, ndjson(EVENTS)).unwrap();
    let out = dir.path().join("uit");
    // A fixed sequence of "random" moments, so a failure can be replayed.
    let mut seed: u64 = 0x5eed_1234;
    let mut kills = 0;
    for _ in 0..6 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let wait = std::time::Duration::from_millis(300 + (seed >> 33) % 1500);
        let mut child = Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(["--config", root().join("helder.toml").to_str().unwrap()])
            .args([
                "batch",
                input.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ])
            .args(["--date", "2026-11-23", "--format", "html", "--jobs", "2"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
    }
    assert!(
        kills >= 2,
        "the test killed the batch at least twice ({kills})"
    );
    let output = batch(&input, &out, &["--format", "html", "--jobs", "2"]);
    assert_exit(&output, 0);

    let rows = journal(&out);
    assert_eq!(rows.len(), EVENTS, "every event accounted for exactly once");
    let letters = files_in(&out.join("letters"));
    let tasks = files_in(&out.join("tasks"));
    assert!(
        letters.iter().chain(&tasks).all(|f| !f.ends_with(".tmp")),
        "no partial files"
    );
    let expected_letters: BTreeSet<String> = rows
        .iter()
        .filter(|(_, o)| o == "letter")
        .map(|(k, _)| format!("{k}.html"))
        .collect();
    assert_eq!(
        letters, expected_letters,
        "one letter per letter row, nothing else"
    );
    for name in &letters {
        let html = std::fs::read_to_string(out.join("letters").join(name)).unwrap();
        assert!(html.trim_end().ends_with("</html>"), "{name} is complete");
    }
    let task_rows = rows.iter().filter(|(_, o)| o == "task").count();
    assert_eq!(
        tasks.iter().filter(|f| f.ends_with(".json")).count(),
        task_rows
    );
}

#[test]
fn a_template_error_is_an_error_record_for_its_events_only() {
    let dir = tempfile::tempdir().unwrap();
    // A copy of the shipped templates, with one of them asking for a name that is not there.
    let (settings, templates_dir) = crate::support::settings_with_own_templates(dir.path());
    let granted = templates_dir.join("benefit_granted.md");
    let source = std::fs::read_to_string(&granted).unwrap();
    std::fs::write(
        &granted,
        source.replace("{{ recipient | salutation }}", "{{ recipient.nickname }}"),
    )
    .unwrap();
    let out = dir.path().join("uit");
    let examples_dir = root().join("letter-templates/examples");
    let output = crate::support::batch_command(&settings, &examples_dir, &out)
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_exit(&output, 1);
    let records = errors(&out);
    let granted = crate::support::templates()
        .get(helder::event::EventType::BenefitGranted)
        .unwrap()
        .front_matter
        .examples
        .len();
    assert_eq!(
        records.len(),
        granted,
        "every benefit_granted example: {records:#?}"
    );
    for record in &records {
        let message = record["message"].as_str().unwrap();
        assert!(
            message.contains("benefit_granted.md") && message.contains("recipient.nickname"),
            "{message}"
        );
    }
    let counts = &summary(&out)["counts"];
    assert_eq!(
        counts["letters"].as_u64().unwrap() + counts["tasks"].as_u64().unwrap(),
        (examples().len() - granted) as u64
    );
}

#[test]
fn a_letter_file_that_went_missing_is_made_again_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dag.ndjson");
    std::fs::write(&input, ndjson(40)).unwrap();
    let out = dir.path().join("uit");
    assert_exit(&batch(&input, &out, &["--format", "html"]), 0);
    let letters = files_in(&out.join("letters"));
    let gone = letters.iter().next().unwrap().clone();
    let original = std::fs::read(out.join("letters").join(&gone)).unwrap();
    std::fs::remove_file(out.join("letters").join(&gone)).unwrap();
    assert_exit(&batch(&input, &out, &["--format", "html"]), 0);
    assert_eq!(
        std::fs::read(out.join("letters").join(&gone)).unwrap(),
        original
    );
    assert_eq!(summary(&out)["counts"]["skipped"], 39);
    assert_eq!(summary(&out)["counts"]["letters"], 1);
    assert_eq!(files_in(&out.join("letters")), letters);
}
