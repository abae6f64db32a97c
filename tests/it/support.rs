//! Shared helpers: the repository's settings, templates and fixtures.

use chrono::NaiveDate;
use helder::config::Config;
use helder::event::EventType;
use helder::event::{CaseEvent, Origin, event_from_value};
use helder::template::TemplateSet;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped helder.toml.
pub(crate) fn config() -> Config {
    Config::load(&root().join("helder.toml")).expect("the shipped helder.toml loads")
}

/// The shipped templates.
pub(crate) fn templates() -> TemplateSet {
    let config = config();
    TemplateSet::load(&config.templates_dir, &config.letter.greeting)
        .expect("the shipped templates load")
}

/// The date every test letter carries.
pub(crate) fn letter_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The JSON of the fixture for one event type.
pub(crate) fn fixture_json(event_type: EventType) -> Value {
    let path = root()
        .join("tests/fixtures/events")
        .join(format!("{}.json", event_type.as_str()));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The JSON of a shipped example event.
pub(crate) fn example_json(name: &str) -> Value {
    let path = root().join("letter-templates/examples").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Validates event JSON.
#[track_caller]
pub(crate) fn event(value: Value) -> CaseEvent {
    event_from_value(
        value,
        Origin {
            file: "test.json".to_string(),
            line: None,
        },
    )
    .expect("valid event")
}

/// Writes a small templates folder with one template (plus the shipped partials) and returns its path.
pub(crate) fn template_dir(dir: &Path, file_name: &str, source: &str) -> PathBuf {
    let templates = dir.join("t");
    let partials = templates.join("_partials");
    std::fs::create_dir_all(&partials).unwrap();
    for entry in std::fs::read_dir(root().join("letter-templates/_partials")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), partials.join(entry.file_name())).unwrap();
    }
    std::fs::write(templates.join(file_name), source).unwrap();
    templates
}

/// Runs the helder binary with the shipped settings, in `cwd`.
pub(crate) fn helder(args: &[&str], cwd: &Path) -> std::process::Output {
    helder_with(&root().join("helder.toml"), args, cwd)
}

/// Runs the helder binary with the settings file `settings`, in `cwd`.
pub(crate) fn helder_with(settings: &Path, args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_helder"))
        .args(["--config", settings.to_str().unwrap()])
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

/// Copies a folder and everything in it.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// A settings file in `dir` with its own copy of the shipped templates
/// (`dir/sjablonen`), so a test can change a template. Returns (settings, templates).
pub(crate) fn settings_with_own_templates(dir: &Path) -> (PathBuf, PathBuf) {
    let templates = dir.join("sjablonen");
    copy_dir(&root().join("letter-templates"), &templates);
    let shipped = std::fs::read_to_string(root().join("helder.toml")).unwrap();
    let settings = dir.join("helder.toml");
    std::fs::write(
        &settings,
        shipped
            .replace(
                "templates = \"letter-templates\"",
                "templates = \"sjablonen\"",
            )
            .replace(
                "policy = \"call-first-policy.toml\"",
                &format!(
                    "policy = {:?}",
                    root().join("call-first-policy.toml").to_str().unwrap()
                ),
            ),
    )
    .unwrap();
    (settings, templates)
}

/// Whether an outside program the tests need is on this machine. In CI
/// (`HELDER_REQUIRE_TOOLS` set, as `.ci/run` does) a missing one fails the
/// test; on a developer's machine the test says what to install and stops.
#[track_caller]
#[allow(clippy::print_stderr)] // the note for the developer who runs the tests
pub(crate) fn tool_available(tool: &str, package: &str) -> bool {
    let found = std::process::Command::new(tool)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !found {
        let message = format!("{tool} is not installed: apt-get install {package}");
        assert!(
            std::env::var_os("HELDER_REQUIRE_TOOLS").is_none(),
            "{message}"
        );
        eprintln!("skipped: {message}");
    }
    found
}

/// `helder --config SETTINGS batch INPUT --out OUT --date 2026-11-23`, ready for more arguments.
pub(crate) fn batch_command(settings: &Path, input: &Path, out: &Path) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_helder"));
    command
        .args(["--config", settings.to_str().unwrap(), "batch"])
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["--date", "2026-11-23"]);
    command
}

/// Asserts how a run of `helder` ended; when it did not, shows what it said.
#[track_caller]
pub(crate) fn assert_exit(output: &std::process::Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "exit code\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
