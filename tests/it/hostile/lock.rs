//! One batch per output folder. Two `helder batch` runs on one folder once
//! both ran: about half of the letters were written twice and contacts were
//! applied twice. A second run now stops at once (exit 2) naming the folder,
//! or waits for the first with `--wait`; the call page takes the same lock.

use super::{example_line, finish_within, text};
use crate::support::{batch_command, root};
use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// Events the holding batch makes: two groups and one more line. A batch
/// reads the next group before it stores the last one, so with these on its
/// stdin it has stored the first group and waits for the rest of the third.
const HELD: usize = 2 * helder::batch::GROUP_SIZE + 1;

/// A batch that reads its events from stdin and holds the folder until stdin
/// closes. Returns once it has written its first group of letters.
fn holding_batch(out: &Path) -> Child {
    let mut child = batch_command(&root().join("helder.toml"), Path::new("-"), out)
        .args(["--format", "html"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.as_mut().unwrap();
    for i in 0..HELD {
        writeln!(
            stdin,
            "{}",
            example_line("benefit_granted-plain.json", &format!("vast-{i}"))
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    let started = Instant::now();
    while !out.join("letters/vast-0.html").exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the first batch did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

fn day_file(dir: &Path) -> std::path::PathBuf {
    let input = dir.join("dag.ndjson");
    let mut lines: Vec<String> = (0..3)
        .map(|i| example_line("benefit_granted-plain.json", &format!("vast-{i}")))
        .collect();
    lines.push(example_line("benefit_granted-plain.json", "tweede-0"));
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    input
}

#[test]
fn a_second_batch_on_a_folder_in_use_stops_at_once_naming_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let mut first = holding_batch(&out);
    let input = day_file(dir.path());

    // The first run still holds the folder (its stdin is open): a second run
    // that returns at all did not wait for it.
    let second = batch_command(&root().join("helder.toml"), &input, &out)
        .args(["--format", "html"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let second = finish_within(second, Duration::from_secs(60), "the second batch");
    assert_eq!(second.status.code(), Some(2), "{}", text(&second.stderr));
    let message = text(&second.stderr);
    assert!(
        message.contains(&out.display().to_string()) && message.contains("helder batch"),
        "the message names the folder and what holds it: {message}"
    );
    assert!(
        !out.join("letters/tweede-0.html").exists(),
        "the second run wrote nothing"
    );

    drop(first.stdin.take());
    let first = finish_within(first, Duration::from_secs(120), "the first batch");
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["counts"]["letters"], HELD);
    assert!(!out.join("letters/tweede-0.html").exists());
}

#[test]
fn with_wait_a_second_batch_waits_for_the_first_and_then_makes_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    let mut first = holding_batch(&out);
    let input = day_file(dir.path());
    let mut second = batch_command(&root().join("helder.toml"), &input, &out)
        .args(["--format", "html", "--wait"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        second.try_wait().unwrap().is_none(),
        "the second run waits while the first holds the folder"
    );
    drop(first.stdin.take());
    let first = finish_within(first, Duration::from_secs(120), "the first batch");
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let second = finish_within(second, Duration::from_secs(120), "the waiting batch");
    assert_eq!(second.status.code(), Some(0), "{}", text(&second.stderr));
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["counts"]["skipped"], 3, "{summary}");
    assert_eq!(
        summary["counts"]["letters"], 1,
        "only tweede-0 is new: {summary}"
    );
}

#[test]
fn the_call_page_does_not_record_a_call_while_a_batch_holds_the_folder() {
    let setup = super::serve::folder_with_a_task();
    let (_server, base) = super::serve::start(&setup, &[], &[]);
    let token = super::serve::form_token(&base, "localhost");
    // The form first asks to confirm; the confirmed form records the call.
    let form = format!("token={token}&outcome=reached&decision=send&heard=Mevrouw+was+ziek.");
    let (head, page) =
        super::serve::post_contact(&base, "localhost", "evt-2026-000601", &form, None);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}\n{page}");
    let contact_id = page
        .split("name=\"contact_id\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no contact_id in {page}"))
        .to_string();
    let mut batch = holding_batch(&setup.out);
    let (head, body) = super::serve::post_contact(
        &base,
        "localhost",
        "evt-2026-000601",
        &format!("{form}&confirm=1&contact_id={contact_id}"),
        None,
    );
    drop(batch.stdin.take());
    let _ = finish_within(batch, Duration::from_secs(120), "the batch");
    assert!(head.starts_with("HTTP/1.1 409"), "{head}\n{body}");
    assert!(body.contains("helder batch"), "{body}");
    assert!(
        !setup.out.join("contacts").exists()
            || std::fs::read_dir(setup.out.join("contacts"))
                .unwrap()
                .next()
                .is_none(),
        "nothing was written for the call"
    );
    assert!(!setup.out.join("letters/evt-2026-000601.html").exists());
}
