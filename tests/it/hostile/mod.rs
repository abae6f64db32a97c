//! What an attacker and a bad day tried (issue 17), one module per kind of
//! attack, each test at the level where the failure was: mostly whole
//! `helder` processes on a real folder.

mod bsn;
mod budget;
mod control;
mod examples;
mod links;
mod lock;
mod serve;
mod settings;
mod small;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

/// Waits for `child` at most `limit`. A child that takes longer is killed and
/// the test fails: it names `what` that should have ended.
#[track_caller]
pub(crate) fn finish_within(mut child: Child, limit: Duration, what: &str) -> Output {
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not end within {} s", limit.as_secs());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// Every file under `dir` (following no links) whose bytes contain `needle`.
pub(crate) fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.map(Result::unwrap) {
        let path = entry.path();
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            found.extend(files_containing(&path, needle));
        } else if kind.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            if bytes.windows(needle.len()).any(|w| w == needle) {
                found.push(path);
            }
        }
    }
    found
}

/// Text of process output, for messages.
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A shipped example with another id, as one NDJSON line.
pub(crate) fn example_line(name: &str, id: &str) -> String {
    let mut event = crate::support::example_json(name);
    event["id"] = serde_json::Value::String(id.to_string());
    serde_json::to_string(&event).unwrap()
}

/// Data memory a hostile run may use, in KiB: far above what helder needs
/// (under 50 MB for a batch of the examples), far below what a runaway
/// template takes.
pub(crate) const MEMORY_LIMIT_KIB: u64 = 512 * 1024;

/// The same command with its data memory capped (`ulimit -d`), so a runaway
/// allocation ends that process instead of filling the machine.
pub(crate) fn limited(command: &Command) -> Command {
    let mut wrapped = Command::new("sh");
    wrapped
        .arg("-c")
        .arg(format!(
            "ulimit -d {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(command.get_program())
        .args(command.get_args());
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => wrapped.env(key, value),
            None => wrapped.env_remove(key),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        wrapped.current_dir(dir);
    }
    wrapped
}
