//! The call decides (DESIGN.md §3 "After the call"), end to end through the
//! `helder` binary: a recorded contact answers exactly one task, a person
//! decides what happens next, a contact counts once however often it is
//! applied, and a released letter carries the release day's dates.

use crate::html::Page;
use crate::support::{assert_exit, fixture_json, root};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The case both held events belong to.
const CASE: &str = "Z-2026-07001";

/// A batch folder in a temporary directory, with the shipped settings.
struct Folder {
    dir: tempfile::TempDir,
    out: PathBuf,
    settings: PathBuf,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("uit");
        Folder {
            out,
            settings: root().join("helder.toml"),
            dir,
        }
    }

    /// A folder with its own settings and policy file, changed by the two edits.
    fn with(edit_settings: impl Fn(&str) -> String, edit: impl Fn(&str) -> String) -> Folder {
        let dir = tempfile::tempdir().unwrap();
        let policy = dir.path().join("beleid.toml");
        let shipped = std::fs::read_to_string(root().join("call-first-policy.toml")).unwrap();
        std::fs::write(&policy, edit(&shipped)).unwrap();
        let settings = dir.path().join("helder.toml");
        let text = std::fs::read_to_string(root().join("helder.toml"))
            .unwrap()
            .replace(
                "templates = \"letter-templates\"",
                &format!(
                    "templates = {:?}",
                    root().join("letter-templates").to_str().unwrap()
                ),
            )
            .replace(
                "policy = \"call-first-policy.toml\"",
                &format!("policy = {:?}", policy.to_str().unwrap()),
            );
        std::fs::write(&settings, edit_settings(&text)).unwrap();
        Folder {
            out: dir.path().join("uit"),
            settings,
            dir,
        }
    }

    /// Writes events as one NDJSON file and returns its path.
    fn events(&self, name: &str, events: &[Value]) -> PathBuf {
        let path = self.dir.path().join(name);
        let text: String = events.iter().map(|e| format!("{e}\n")).collect();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// `helder batch INPUT --out OUT --date DATE --format html`.
    fn batch(&self, input: &Path, date: &str) -> Output {
        self.batch_with(input, date, &[])
    }

    fn batch_with(&self, input: &Path, date: &str, env: &[(&str, &str)]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_helder"));
        command
            .args(["--config", self.settings.to_str().unwrap(), "batch"])
            .arg(input)
            .arg("--out")
            .arg(&self.out)
            .args(["--date", date, "--format", "html"]);
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().unwrap()
    }

    /// `helder tasks OUT --format json` plus `extra`, parsed.
    fn tasks(&self, extra: &[&str]) -> Vec<Value> {
        let output = self.helder(
            &[
                &["tasks", self.out.to_str().unwrap(), "--format", "json"],
                extra,
            ]
            .concat(),
        );
        assert_exit(&output, 0);
        serde_json::from_slice::<Value>(&output.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    fn helder(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_helder"))
            .args(["--config", self.settings.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap()
    }

    /// The task file of a held event.
    fn task(&self, event_id: &str) -> Value {
        read_json(&self.out.join(format!("tasks/{event_id}.json")))
    }

    fn summary(&self) -> Value {
        read_json(&self.out.join("summary.json"))
    }

    /// The error records of the folder.
    fn errors(&self) -> Vec<Value> {
        std::fs::read_to_string(self.out.join("errors.ndjson"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The error record of one event.
    fn error_of(&self, event_id: &str) -> Value {
        self.errors()
            .into_iter()
            .find(|r| r["event_id"] == event_id)
            .unwrap_or_else(|| panic!("no error record for {event_id}: {:#?}", self.errors()))
    }

    /// The journal's outcome of an event.
    fn outcome(&self, key: &str) -> String {
        let db = rusqlite::Connection::open(self.out.join("helder.db")).unwrap();
        db.query_row("SELECT outcome FROM events WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .unwrap()
    }

    fn letter(&self, event_id: &str) -> Option<String> {
        std::fs::read_to_string(self.out.join(format!("letters/{event_id}.html"))).ok()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A shipped example as a held event of `CASE`: its own id, and no contact yet.
fn held(example: &str, id: &str) -> Value {
    let mut event: Value = read_json(&root().join("letter-templates/examples").join(example));
    event["id"] = id.into();
    event["subject"] = CASE.into();
    event["data"]["case"]["zaak_id"] = CASE.into();
    event["data"]
        .as_object_mut()
        .unwrap()
        .remove("prior_contact");
    event
}

/// The missed appointment (deadline Friday 4 December 2026) and the sanction of one case.
fn two_held_events() -> Vec<Value> {
    vec![
        held("appointment_missed-no-contact.json", "evt-a"),
        held("sanction_reduction-reached.json", "evt-s"),
    ]
}

/// A `contact_recorded` event for `CASE` with this `prior_contact`.
fn contact(id: &str, prior_contact: Value) -> Value {
    let mut event = fixture_json(helder::event::EventType::ContactRecorded);
    event["id"] = id.into();
    event["subject"] = CASE.into();
    event["data"]["case"]["zaak_id"] = CASE.into();
    event["data"]["prior_contact"] = prior_contact;
    event
}

fn not_reached(contact_id: &str, event_id: Option<&str>) -> Value {
    let mut prior = json!({
        "contact_id": contact_id, "at": "2026-11-24T10:15:00+01:00",
        "channel": "phone", "outcome": "no_contact",
    });
    if let Some(event_id) = event_id {
        prior["event_id"] = event_id.into();
    }
    prior
}

fn reached(contact_id: &str, event_id: Option<&str>, decision: Option<&str>, heard: &str) -> Value {
    let mut prior = json!({
        "contact_id": contact_id, "at": "2026-12-02T11:00:00+01:00",
        "channel": "phone", "outcome": "reached", "heard": heard, "reason_given": true,
    });
    if let Some(event_id) = event_id {
        prior["event_id"] = event_id.into();
    }
    if let Some(decision) = decision {
        prior["decision"] = decision.into();
    }
    prior
}

fn open_ids(folder: &Folder) -> Vec<String> {
    let mut ids: Vec<String> = folder
        .tasks(&[])
        .iter()
        .map(|t| t["event_id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_call_decides_two_tasks_on_one_case_each_answered_by_its_own_contact() {
    let folder = Folder::new();
    let input = folder.events("dag.ndjson", &two_held_events());
    assert_exit(&folder.batch(&input, "2026-11-23"), 0);
    assert_eq!(open_ids(&folder), ["evt-a", "evt-s"]);

    // Without event_id, a contact on a case with two open tasks is refused and names both.
    let ambiguous = folder.events(
        "k1.ndjson",
        &[contact(
            "k1",
            reached("C-1", None, Some("send"), "Ik was het vergeten."),
        )],
    );
    assert_exit(&folder.batch(&ambiguous, "2026-11-24"), 1);
    let record = folder.error_of("k1");
    let message = record["message"].as_str().unwrap();
    assert!(
        message.contains("evt-a") && message.contains("evt-s"),
        "{message}"
    );
    assert_eq!(record["field"], "data.prior_contact.event_id");
    assert!(
        !message.contains("Ik was het vergeten"),
        "no values in errors"
    );
    assert!(folder.letter("evt-a").is_none() && folder.letter("evt-s").is_none());
    assert_eq!(open_ids(&folder), ["evt-a", "evt-s"]);

    // A good reason: the sanction is withdrawn. No letter; the draft stays, marked as not sent.
    let withdraw = folder.events(
        "k2.ndjson",
        &[contact(
            "k2",
            reached(
                "C-2",
                Some("evt-s"),
                Some("withdraw"),
                "Ik lag in het ziekenhuis.",
            ),
        )],
    );
    assert_exit(&folder.batch(&withdraw, "2026-11-24"), 0);
    assert!(
        folder.letter("evt-s").is_none(),
        "a withdrawn letter never goes out"
    );
    assert_eq!(folder.outcome("evt-s"), "withdrawn");
    assert_eq!(folder.task("evt-s")["status"], "withdrawn");
    assert!(folder.out.join("tasks/evt-s.concept.html").exists());
    let card = std::fs::read_to_string(folder.out.join("tasks/evt-s.txt")).unwrap();
    assert!(card.contains("niet verstuurd"), "{card}");
    assert_eq!(folder.summary()["counts"]["withdrawn"], 1);
    assert_eq!(open_ids(&folder), ["evt-a"]);

    // A withdrawn task never changes again.
    let late = folder.events(
        "k3.ndjson",
        &[contact(
            "k3",
            reached("C-3", Some("evt-s"), Some("send"), "Toch versturen."),
        )],
    );
    assert_exit(&folder.batch(&late, "2026-11-25"), 1);
    assert!(
        folder.error_of("k3")["message"]
            .as_str()
            .unwrap()
            .contains("evt-s")
    );
    assert!(folder.letter("evt-s").is_none());
    assert_eq!(folder.outcome("evt-s"), "withdrawn");

    // One open task left: a contact without event_id answers it. Twice the same
    // contact (another event id, the same contact_id) counts once.
    let first = folder.events("k4.ndjson", &[contact("k4", not_reached("C-4", None))]);
    assert_exit(&folder.batch(&first, "2026-11-25"), 0);
    let again = folder.events("k4b.ndjson", &[contact("k4b", not_reached("C-4", None))]);
    assert_exit(&folder.batch(&again, "2026-11-26"), 0);
    assert_eq!(
        folder.task("evt-a")["attempts"].as_array().unwrap().len(),
        1
    );
    assert!(folder.letter("evt-a").is_none(), "one call is not two");
    assert_eq!(folder.outcome("evt-a"), "task");

    // Reached, but nobody decided: refused, the letter keeps waiting.
    let undecided = folder.events(
        "k5.ndjson",
        &[contact(
            "k5",
            reached("C-5", Some("evt-a"), None, "Mijn moeder was ziek."),
        )],
    );
    assert_exit(&folder.batch(&undecided, "2026-12-02"), 1);
    assert_eq!(
        folder.error_of("k5")["field"],
        "data.prior_contact.decision"
    );
    assert!(folder.letter("evt-a").is_none());
    assert_eq!(open_ids(&folder), ["evt-a"]);

    // Send, on Thursday 3 December: the right letter, with what was heard, dated that
    // day; its deadline (Friday 4 December) moves to five working days later.
    let send = folder.events(
        "k6.ndjson",
        &[contact(
            "k6",
            reached(
                "C-6",
                Some("evt-a"),
                Some("send"),
                "Mijn moeder was ziek, ik was bij haar.",
            ),
        )],
    );
    assert_exit(&folder.batch(&send, "2026-12-03"), 0);
    let letter = folder
        .letter("evt-a")
        .expect("the appointment letter went out");
    assert!(
        letter.contains("Mijn moeder was ziek, ik was bij haar."),
        "{letter}"
    );
    let page = Page::parse(&letter);
    let words = page.text();
    assert!(
        words.contains("3 december 2026"),
        "dated the day it went out: {words}"
    );
    assert!(
        words.contains("donderdag 10 december 2026"),
        "the moved deadline: {words}"
    );
    assert!(
        !words.contains("4 december"),
        "the old deadline is gone: {words}"
    );
    assert!(
        !page.has(".draft") && !words.contains("CONCEPT"),
        "not a draft"
    );
    assert!(
        folder.letter("evt-s").is_none(),
        "the withdrawn letter stays held"
    );
    assert_eq!(folder.outcome("evt-a"), "released");
    let moved = json!([{"label": "Bellen voor een nieuwe afspraak", "from": "2026-12-04", "to": "2026-12-10"}]);
    assert_eq!(folder.task("evt-a")["deadline_moves"], moved);
    let summary_moves = &folder.summary()["deadline_moves"];
    assert_eq!(summary_moves[0]["event_id"], "evt-a");
    assert_eq!(summary_moves[0]["from"], "2026-12-04");
    assert_eq!(summary_moves[0]["to"], "2026-12-10");
    let db = rusqlite::Connection::open(folder.out.join("helder.db")).unwrap();
    let journal_move: (String, String) = db
        .query_row(
            "SELECT from_date, to_date FROM deadline_moves WHERE task_key = 'evt-a'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(journal_move, ("2026-12-04".into(), "2026-12-10".into()));
    assert!(open_ids(&folder).is_empty());

    // Every contact event ended as exactly one outcome; the terminal named nobody.
    let output = folder.batch(&send, "2026-12-03");
    assert_exit(&output, 0);
    assert_eq!(folder.summary()["counts"]["skipped"], 1);
    let said = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(!said.contains("Bakker") && !said.contains("moeder"));
}

/// The crash hook (`HELDER_FAILPOINT`) exists only in debug builds, the
/// ones `cargo test` makes; a release build (`cargo test --release`) runs
/// [`the_crash_hook_is_in_debug_builds_only`] instead.
#[cfg(debug_assertions)]
#[test]
fn a_contact_applied_again_after_a_kill_between_writing_and_committing_counts_once() {
    let folder = Folder::new();
    let input = folder.events(
        "dag.ndjson",
        &[held("appointment_missed-no-contact.json", "evt-a")],
    );
    assert_exit(&folder.batch(&input, "2026-11-23"), 0);

    // The run is killed (SIGKILL) after the task file is written and synced, before the commit.
    let first = folder.events("k1.ndjson", &[contact("k1", not_reached("C-1", None))]);
    let killed = folder.batch_with(
        &first,
        "2026-11-24",
        &[("HELDER_FAILPOINT", "kill-before-commit")],
    );
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(killed.status.signal(), Some(9), "killed by SIGKILL");
    let on_disk = folder.task("evt-a");
    assert_eq!(
        on_disk["attempts"].as_array().unwrap().len(),
        1,
        "the file was written before the kill"
    );

    // The rerun applies it again, and a second event with the same contact_id too: one attempt.
    assert_exit(&folder.batch(&first, "2026-11-24"), 0);
    let second = folder.events("k1b.ndjson", &[contact("k1b", not_reached("C-1", None))]);
    assert_exit(&folder.batch(&second, "2026-11-25"), 0);
    assert_eq!(
        folder.task("evt-a")["attempts"].as_array().unwrap().len(),
        1
    );
    assert!(
        folder.letter("evt-a").is_none(),
        "one attempt, the letter waits"
    );
    assert_eq!(folder.outcome("evt-a"), "task");

    // The card went missing: the task is made again from its event, and keeps its attempt.
    std::fs::remove_file(folder.out.join("tasks/evt-a.txt")).unwrap();
    assert_exit(&folder.batch(&input, "2026-11-25"), 0);
    assert!(
        folder.out.join("tasks/evt-a.txt").exists(),
        "the card is back"
    );
    assert_eq!(
        folder.task("evt-a")["attempts"].as_array().unwrap().len(),
        1
    );

    // A second, different attempt: a missed appointment may go out after two
    // (after-no-contact = "send"), with the offer of a visit or the neighbourhood team.
    let other = folder.events("k2.ndjson", &[contact("k2", not_reached("C-2", None))]);
    assert_exit(&folder.batch(&other, "2026-11-26"), 0);
    let letter = folder.letter("evt-a").expect("released after two attempts");
    assert!(letter.contains("wijkteam"), "{letter}");
    assert_eq!(folder.outcome("evt-a"), "released");
    assert_eq!(
        folder.task("evt-a")["attempts"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn a_sanction_nobody_reached_waits_for_a_person_and_is_listed_first() {
    let folder = Folder::new();
    let input = folder.events(
        "dag.ndjson",
        &[held("sanction_reduction-reached.json", "evt-s"), {
            let mut other = held("appointment_missed-no-contact.json", "evt-b");
            other["subject"] = "Z-2026-07002".into();
            other["data"]["case"]["zaak_id"] = "Z-2026-07002".into();
            other
        }],
    );
    assert_exit(&folder.batch(&input, "2026-11-23"), 0);
    for (n, id) in ["C-1", "C-2", "C-3"].iter().enumerate() {
        let path = folder.events(
            &format!("k{n}.ndjson"),
            &[contact(&format!("k{n}"), not_reached(id, Some("evt-s")))],
        );
        assert_exit(&folder.batch(&path, "2026-11-24"), 0);
    }
    assert!(
        folder.letter("evt-s").is_none(),
        "a sanction never goes out unheard"
    );
    assert_eq!(folder.outcome("evt-s"), "task");
    let listed = folder.tasks(&[]);
    assert_eq!(listed[0]["event_id"], "evt-s", "niet bereikt first");
    assert_eq!(listed[0]["status"], "unreached");
    assert_eq!(listed[0]["attempts"], 3);
    let table = folder.helder(&["tasks", folder.out.to_str().unwrap()]);
    assert_exit(&table, 0);
    let lines: Vec<String> = text(&table.stdout).lines().map(str::to_string).collect();
    assert!(
        lines[1].contains("niet bereikt") && lines[1].contains("Z-2026-07001"),
        "{lines:#?}"
    );

    // A person decides to send it anyway: the letter says we could not reach them.
    let mut decided = not_reached("C-4", Some("evt-s"));
    decided["decision"] = "send".into();
    let path = folder.events("k9.ndjson", &[contact("k9", decided)]);
    assert_exit(&folder.batch(&path, "2026-11-25"), 0);
    let letter = folder.letter("evt-s").expect("sent after a decision");
    assert!(
        !letter.contains("hebt u met"),
        "no conversation claimed: {letter}"
    );
    assert_eq!(folder.outcome("evt-s"), "released");
}

#[test]
fn dates_a_first_letter_too_close_and_a_start_in_the_past_are_error_records() {
    let folder = Folder::new();
    // Letter date Thursday 3 December: five working days later is Thursday 10 December,
    // and a deadline of Friday 4 December is too close.
    let mut close = held("information_requested-plain.json", "evt-i");
    close["data"]["deadlines"][0]["date"] = "2026-12-04".into();
    // A reduction starting 1 December, in a letter of 3 December, without flags.retroactive.
    let mut past = held("benefit_changed-plain.json", "evt-c");
    past["data"]["decision"]["ingangsdatum"] = "2026-12-01".into();
    let input = folder.events("dag.ndjson", &[close, past]);
    assert_exit(&folder.batch(&input, "2026-12-03"), 1);
    let record = folder.error_of("evt-i");
    let message = record["message"].as_str().unwrap();
    assert!(
        message.contains("4 december 2026") && message.contains("10 december 2026"),
        "names the deadline and the first allowed day: {message}"
    );
    assert_eq!(record["field"], "data.deadlines[0].date");
    let record = folder.error_of("evt-c");
    assert_eq!(record["field"], "data.decision.ingangsdatum");
    assert!(
        record["message"]
            .as_str()
            .unwrap()
            .contains("flags.retroactive")
    );
    assert!(folder.letter("evt-i").is_none() && folder.letter("evt-c").is_none());
}

#[test]
fn release_goes_through_the_journal_and_twice_changes_nothing() {
    let folder = Folder::new();
    let input = folder.events("dag.ndjson", &two_held_events());
    assert_exit(&folder.batch(&input, "2026-11-23"), 0);
    let path = folder.events(
        "k.ndjson",
        &[contact(
            "k",
            reached(
                "C-1",
                Some("evt-s"),
                Some("send"),
                "Het was druk met de verhuizing.",
            ),
        )],
    );
    let release = |date: &str| {
        folder.helder(&[
            "release",
            path.to_str().unwrap(),
            "--out",
            folder.out.to_str().unwrap(),
            "--date",
            date,
            "--format",
            "html",
        ])
    };
    assert_exit(&release("2026-11-24"), 0);
    let letter = folder.letter("evt-s").expect("released");
    assert!(letter.contains("Het was druk met de verhuizing."));
    assert_eq!(folder.outcome("evt-s"), "released");
    assert_exit(&release("2026-11-25"), 0);
    assert_eq!(
        folder.letter("evt-s").unwrap(),
        letter,
        "nothing made again"
    );
    assert_eq!(
        folder.task("evt-s")["attempts"].as_array().unwrap().len(),
        1
    );

    // release takes recorded contacts only: another event is refused and made into nothing.
    let stray = folder.events(
        "stray.ndjson",
        &[held("appointment_missed-no-contact.json", "evt-x")],
    );
    let output = folder.helder(&[
        "release",
        stray.to_str().unwrap(),
        "--out",
        folder.out.to_str().unwrap(),
    ]);
    assert_exit(&output, 1);
    assert!(
        folder.error_of("evt-x")["message"]
            .as_str()
            .unwrap()
            .contains("contact_recorded")
    );
    assert!(!folder.out.join("tasks/evt-x.json").exists());
}

#[test]
fn the_policy_refuses_one_attempt_and_a_looser_after_no_contact() {
    let one = Folder::with(
        |s| s.replace("no-contact-attempts = 2", "no-contact-attempts = 1"),
        str::to_string,
    );
    let output = one.helder(&["tasks", one.dir.path().to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        text(&output.stderr).contains("no-contact-attempts"),
        "{}",
        text(&output.stderr)
    );

    let looser = Folder::with(str::to_string, |p| {
        p.replace(
            "sanction_reduction = \"decide\"",
            "sanction_reduction = \"send\"",
        )
    });
    let output = looser.helder(&["tasks", looser.dir.path().to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        text(&output.stderr).contains("sanction_reduction"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn tasks_are_found_by_contact_person_and_overdue() {
    let folder = Folder::new();
    let mut events = two_held_events();
    events[1]["subject"] = "Z-2026-07002".into();
    events[1]["data"]["case"]["zaak_id"] = "Z-2026-07002".into();
    let input = folder.events("dag.ndjson", &events);
    assert_exit(&folder.batch(&input, "2026-11-23"), 0);
    // evt-a's contact person is Jeroen Ćosić, evt-s's Ilse Verhoef.
    let mine = folder.tasks(&["--contact", "ilse verhoef"]);
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["event_id"], "evt-s");
    // Both were due Wednesday 25 November; today is later than that.
    assert_eq!(folder.tasks(&["--overdue"]).len(), 2);
    assert_eq!(
        folder
            .tasks(&["--overdue", "--contact", "Jeroen Ćosić"])
            .len(),
        1
    );
}

/// A production binary cannot be made to crash by an environment variable:
/// the crash hook that the test above uses is compiled only into debug
/// builds. The test and the binary are built with the same profile, so
/// `cargo test` checks the debug side and `cargo test --release` the
/// release side.
#[test]
fn the_crash_hook_is_in_debug_builds_only() {
    let folder = Folder::new();
    let input = folder.events(
        "dag.ndjson",
        &[held("appointment_missed-no-contact.json", "evt-a")],
    );
    let output = folder.batch_with(
        &input,
        "2026-11-23",
        &[("HELDER_FAILPOINT", "kill-before-commit")],
    );
    use std::os::unix::process::ExitStatusExt;
    if cfg!(debug_assertions) {
        assert_eq!(
            output.status.signal(),
            Some(9),
            "the debug build has the hook"
        );
    } else {
        assert_exit(&output, 0);
        assert_eq!(folder.outcome("evt-a"), "task");
    }
}
