//! How findings look: the only module that knows the output formats of
//! `helder lint`. [`ReportFormat::render`] picks one; `helder lint` writes
//! what it returns.
//!
//! - [`human`]: rustc-style snippets with the words underlined (annotate-snippets);
//! - [`json`]: one object, DESIGN.md §6;
//! - [`sarif`]: SARIF 2.1.0 for GitHub code scanning;
//! - [`github`]: GitHub Actions workflow commands (`::error file=…`), within
//!   GitHub's annotation limits, and the job summary ([`step_summary`]);
//! - [`gitlab`]: GitLab Code Quality JSON.
//!
//! Every format that tracks findings across commits uses one
//! [`fingerprint`]; a [`baseline`] is the set of accepted fingerprints.
//!
//! Findings carry text positions and Dutch messages, never an event's personal
//! data: example events are fictional, and their id is all that is named.

pub mod baseline;
pub mod fingerprint;
mod github;
mod gitlab;
mod human;
mod json;
mod sarif;

pub use github::{github, step_summary};
pub use gitlab::gitlab;
pub use human::human;
pub use json::json;
pub use sarif::sarif;

use crate::lint::{Finding, LineIndex, Severity};

/// How lint findings are shown (`helder lint --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// The source line with the words underlined, the message and a suggestion.
    Human,
    /// One JSON object (see DESIGN.md §6).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations in a pull request).
    Github,
    /// GitLab Code Quality JSON (findings in a merge request).
    Gitlab,
}

impl ReportFormat {
    /// The report of `files` in this format, as it is written to stdout
    /// (`color`: the human format underlines in colour).
    pub fn render(self, files: &[FileReport], color: bool) -> String {
        match self {
            ReportFormat::Human => human(files, color),
            ReportFormat::Json => json(files) + "\n",
            ReportFormat::Sarif => sarif(files) + "\n",
            ReportFormat::Github => github(files),
            ReportFormat::Gitlab => gitlab(files) + "\n",
        }
    }
}
use crate::readability::Metrics;
use serde::Serialize;

/// The lint result of one file, with what is needed to show it.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given (or "-" for stdin).
    pub path: String,
    /// "template" or "text".
    pub kind: &'static str,
    /// The file's text.
    pub source: String,
    /// Findings, in source order.
    pub findings: Vec<FileFinding>,
    /// The readability numbers; none for a partial, or a template no letter could be made of.
    pub metrics: Option<Metrics>,
}

/// A finding in a file, with the example event it was seen with (templates only).
#[derive(Debug, Clone)]
pub struct FileFinding {
    /// The finding; its span is in the file's text.
    pub finding: Finding,
    /// The id of the example event, when the finding depends on it.
    pub example: Option<String>,
}

/// Where a finding is, 1-based, columns in characters; the end is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// First line.
    pub line: usize,
    /// First column.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column just after the end.
    pub end_column: usize,
}

impl FileReport {
    /// The position of each finding, in order.
    pub fn positions(&self) -> Vec<Position> {
        let index = LineIndex::new(&self.source);
        self.findings
            .iter()
            .map(|f| {
                let (line, column) = index.line_col(f.finding.span.start);
                let (end_line, end_column) = index.line_col(f.finding.span.end);
                Position {
                    line,
                    column,
                    end_line,
                    end_column,
                }
            })
            .collect()
    }

    /// The path with a leading `./` taken off, as CI systems want it.
    pub fn clean_path(&self) -> &str {
        self.path.trim_start_matches("./")
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Findings at error level.
    pub errors: usize,
    /// Findings at warning level.
    pub warnings: usize,
    /// Findings at info level.
    pub infos: usize,
}

/// The counts over all files.
pub fn summary(files: &[FileReport]) -> Summary {
    let mut summary = Summary {
        files: files.len(),
        ..Summary::default()
    };
    for item in files.iter().flat_map(|f| &f.findings) {
        match item.finding.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    summary
}

/// The finding's message, with the example named when there is one.
pub(crate) fn full_message(item: &FileFinding) -> String {
    match &item.example {
        Some(example) if !item.finding.message.contains("voorbeeld") => {
            format!("{} (Voorbeeld: {example}.)", item.finding.message)
        }
        _ => item.finding.message.clone(),
    }
}
