//! Where events come from: files, folders of them (their `*.json`, `*.ndjson`
//! and `*.jsonl` files, sorted) and stdin.

use super::explain::{EventError, Origin};
use super::parse::parse_events;
use super::schema::CaseEvent;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads every event from files, folders (their `*.json`, `*.ndjson` and `*.jsonl`
/// files, sorted) and `-` (stdin). Each event ends as exactly one `Ok` or `Err`.
pub fn read_events(inputs: &[PathBuf]) -> Vec<Result<CaseEvent, EventError>> {
    let mut results = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut text = String::new();
            match std::io::stdin().read_to_string(&mut text) {
                Ok(_) => results.extend(parse_events(&text, "stdin")),
                Err(e) => results.push(Err(unreadable("stdin", &e))),
            }
        } else if input.is_dir() {
            match event_files(input) {
                Ok(files) => {
                    for file in files {
                        results.extend(read_file(&file));
                    }
                }
                Err(e) => results.push(Err(unreadable(&input.display().to_string(), &e))),
            }
        } else {
            results.extend(read_file(input));
        }
    }
    results
}

fn read_file(path: &Path) -> Vec<Result<CaseEvent, EventError>> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse_events(&text, &name),
            Err(_) => vec![Err(EventError {
                origin: Origin {
                    file: name,
                    line: None,
                },
                event_id: None,
                path: String::new(),
                problem: "het bestand is geen UTF-8-tekst".to_string(),
                fix: "Exporteer de gebeurtenissen als UTF-8 uit het zaaksysteem.".to_string(),
            })],
        },
        Err(e) => vec![Err(unreadable(&name, &e))],
    }
}

fn unreadable(name: &str, e: &std::io::Error) -> EventError {
    EventError {
        origin: Origin {
            file: name.to_string(),
            line: None,
        },
        event_id: None,
        path: String::new(),
        problem: format!(
            "het bestand kan niet worden gelezen ({})",
            crate::fs::io_reason(e)
        ),
        fix: "Controleer het pad en de rechten.".to_string(),
    }
}

/// The event files of a folder (`*.json`, `*.ndjson`, `*.jsonl`), sorted.
pub fn event_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|x| x == "json" || x == "ndjson" || x == "jsonl")
        })
        .collect();
    files.sort();
    Ok(files)
}
