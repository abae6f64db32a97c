//! One module per subcommand, each with a single `run` function.
//!
//! Commands return an [`Outcome`]; `main` turns it into an exit code. They
//! print only event ids, file paths and routing decisions, never personal data.

pub mod lint;
pub mod release;
pub mod render;
pub mod route;
pub mod templates;

use crate::event::{CaseEvent, EventError, Origin, parse_events};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The renderer for an output format, with the settings it needs.
pub fn renderer(
    format: crate::cli::Format,
    config: &crate::config::Config,
) -> Box<dyn crate::render::Renderer + Send + Sync> {
    use crate::cli::Format;
    use crate::render::{MarkdownRenderer, html::HtmlRenderer, pdf, text::TextRenderer};
    match format {
        Format::Html => Box::new(HtmlRenderer),
        Format::Md => Box::new(MarkdownRenderer),
        Format::Txt => Box::new(TextRenderer),
        Format::Pdf => Box::new(pdf::PdfRenderer {
            settings: pdf::PdfSettings {
                window_top_mm: config.letter.window_top_mm,
            },
        }),
    }
}

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked (exit 0).
    Success,
    /// Some events ended as errors (exit 1).
    EventErrors,
}

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
        problem: format!("het bestand kan niet worden gelezen ({})", io_reason(e)),
        fix: "Controleer het pad en de rechten.".to_string(),
    }
}

/// A short Dutch reason for an I/O error.
pub fn io_reason(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "bestaat niet",
        std::io::ErrorKind::PermissionDenied => "geen toegang",
        std::io::ErrorKind::IsADirectory => "is een map",
        _ => "leesfout",
    }
}

/// The event files of a folder (`*.json`, `*.ndjson`, `*.jsonl`), sorted.
pub(crate) fn event_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
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

/// A file-name-safe form of an event id.
pub fn file_stem(event_id: &str) -> String {
    let stem: String = event_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = stem.trim_start_matches('.');
    if stem == event_id {
        return stem.to_string();
    }
    // Changed to be a safe file name: a short hash of the id keeps two ids that
    // differ only in unsafe characters apart.
    let tag = &render::sha256_hex(event_id.as_bytes())[..8];
    if stem.is_empty() {
        format!("gebeurtenis-{tag}")
    } else {
        format!("{stem}-{tag}")
    }
}
