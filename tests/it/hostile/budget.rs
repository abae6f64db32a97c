//! Templates cannot eat the machine. Three nested `range(end=1000)` loops ran
//! 52 s and took 990 MB before the 64 kB check; a string doubled 30 times
//! aborted the process; the same template saved into a running `helder serve`
//! folder killed the server. Every render now has a budget (loop iterations,
//! length of a text, output, time), so a hostile template ends as a template
//! error naming its line, in `render`, `batch`, `lint` and `serve`, each run
//! here with its data memory capped at 512 MB. What the budget cannot follow
//! (a loop inside one expression) is refused when the templates are loaded.

use super::{finish_within, limited, text};
use crate::support::{example_json, root, settings_with_own_templates};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The line of the template the hostile statement is on: two lines after
/// the salutation of the shipped `application_received.md`, whatever its
/// front matter holds.
fn line() -> usize {
    let source =
        std::fs::read_to_string(root().join("letter-templates/application_received.md")).unwrap();
    let salutation = source
        .lines()
        .position(|l| l == "{{ recipient | salutation }},")
        .expect("the shipped template has a salutation line");
    salutation + 3
}

/// Hostile statements, each alone on line [`line`].
const HOSTILE: [(&str, &str); 4] = [
    (
        "three nested loops of a thousand",
        "{%- for i in range(end=1000) -%}{%- for j in range(end=1000) -%}{%- for k in range(end=1000) -%}{%- endfor -%}{%- endfor -%}{%- endfor -%}",
    ),
    (
        "a text doubled thirty times",
        "{%- set_global s = \"0123456789\" -%}{%- for i in range(end=30) -%}{%- set_global s = s ~ s -%}{%- endfor -%}",
    ),
    (
        "a filter that multiplies a text",
        "{{ \"abcdefghij\" | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | replace(from=\"\", to=\"0123456789\") | length }}",
    ),
    (
        LOAD_TIME,
        "{%- set l = [[[k for k in range(end=1000)] for j in range(end=1000)] for i in range(end=1000)] -%}",
    ),
];

/// The statement that is refused when the templates are loaded: nested list comprehensions.
const LOAD_TIME: &str = "nested list comprehensions";

/// The exit code for a template that fails while a letter is made (1), or
/// when the templates are loaded (2: nothing is made at all).
fn exit_code(what: &str) -> Option<i32> {
    Some(if what == LOAD_TIME { 2 } else { 1 })
}

/// A settings file whose application_received template has `statement` on line [`line`].
fn hostile_settings(dir: &Path, statement: &str) -> (PathBuf, PathBuf) {
    let (settings, templates) = settings_with_own_templates(dir);
    let file = templates.join("application_received.md");
    let source = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, with_statement(&source, statement)).unwrap();
    (settings, templates)
}

/// The template source with `statement` on line [`line`], after the
/// salutation and its blank line, followed by a blank line.
fn with_statement(source: &str, statement: &str) -> String {
    let line = line();
    let mut lines: Vec<&str> = source.lines().collect();
    assert_eq!(lines[line - 3], "{{ recipient | salutation }},");
    assert_eq!(lines[line - 2], "");
    lines.insert(line - 1, "");
    lines.insert(line - 1, statement);
    let text = lines.join("\n") + "\n";
    assert_eq!(text.lines().nth(line - 1), Some(statement));
    text
}

fn helder(settings: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_helder"));
    command.args(["--config", settings.to_str().unwrap()]);
    command
}

fn run(command: Command, what: &str) -> std::process::Output {
    let child = limited(&command)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish_within(child, Duration::from_secs(60), what)
}

fn example() -> PathBuf {
    root().join("letter-templates/examples/application_received-plain.json")
}

#[track_caller]
fn names_the_line(message: &str, what: &str) {
    let place = format!("application_received.md:{}", line());
    assert!(message.contains(&place), "{what}: no {place} in {message}");
}

#[test]
fn render_stops_a_hostile_template_at_its_line() {
    for (what, statement) in HOSTILE {
        let dir = tempfile::tempdir().unwrap();
        let (settings, _) = hostile_settings(dir.path(), statement);
        let mut command = helder(&settings);
        command
            .args(["render", "--format", "html", "-o"])
            .arg(dir.path().join("brief.html"))
            .arg(example());
        let output = run(command, what);
        assert_eq!(
            output.status.code(),
            exit_code(what),
            "{what}: {}",
            text(&output.stderr)
        );
        names_the_line(&text(&output.stderr), what);
        assert!(!dir.path().join("brief.html").exists());
    }
}

#[test]
fn batch_makes_an_error_record_naming_the_line_and_goes_on() {
    for (what, statement) in HOSTILE {
        let dir = tempfile::tempdir().unwrap();
        let (settings, _) = hostile_settings(dir.path(), statement);
        let input = dir.path().join("dag.ndjson");
        let mut other = example_json("benefit_granted-plain.json");
        other["id"] = serde_json::json!("gewoon-1");
        std::fs::write(
            &input,
            format!(
                "{}\n{}\n",
                serde_json::to_string(&example_json("application_received-plain.json")).unwrap(),
                serde_json::to_string(&other).unwrap()
            ),
        )
        .unwrap();
        let out = dir.path().join("uit");
        let mut command = helder(&settings);
        command
            .args(["batch", "--format", "html", "--date", "2026-11-23", "--out"])
            .arg(&out)
            .arg(&input);
        let output = run(command, what);
        assert_eq!(
            output.status.code(),
            exit_code(what),
            "{what}: {}",
            text(&output.stderr)
        );
        if what == LOAD_TIME {
            names_the_line(&text(&output.stderr), what);
            assert!(!out.join("letters").exists(), "{what}: nothing is made");
            continue;
        }
        let errors = std::fs::read_to_string(out.join("errors.ndjson")).unwrap();
        assert_eq!(errors.lines().count(), 1, "{what}: {errors}");
        names_the_line(&errors, what);
        assert!(
            out.join("letters/gewoon-1.html").is_file(),
            "{what}: the rest goes on"
        );
    }
}

#[test]
fn lint_reports_a_template_error_on_the_line() {
    for (what, statement) in HOSTILE {
        let dir = tempfile::tempdir().unwrap();
        let (settings, templates) = hostile_settings(dir.path(), statement);
        let mut command = helder(&settings);
        command
            .args(["lint", "--format", "json"])
            .arg(templates.join("application_received.md"));
        let output = run(command, what);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{what}: {}",
            text(&output.stderr)
        );
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let findings: Vec<&serde_json::Value> = report["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["findings"].as_array().unwrap())
            .filter(|f| f["rule"] == "template-error")
            .collect();
        assert!(
            findings.iter().any(|f| f["line"] == line()),
            "{what}: {findings:?}"
        );
    }
}

#[test]
fn serve_answers_with_the_error_and_keeps_serving() {
    let setup = super::serve::folder_with_a_task();
    let (_server, base) = super::serve::start_limited(&setup, &[], &[]);
    let file = setup.templates.join("application_received.md");
    let original = std::fs::read_to_string(&file).unwrap();
    for (what, statement) in HOSTILE {
        std::fs::write(&file, with_statement(&original, statement)).unwrap();
        let (head, body) =
            super::serve::get(&base, "localhost", "/templates/application_received", None);
        assert!(
            head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.1 422"),
            "{what}: {head}"
        );
        assert!(
            body.contains(&format!("regel {}", line())) || body.contains(&format!(":{}", line())),
            "{what}: the page names the line: {body}"
        );
        let (head, _) = super::serve::get(&base, "localhost", "/templates", None);
        assert!(
            head.starts_with("HTTP/1.1 200"),
            "{what}: still serving: {head}"
        );
    }
}
