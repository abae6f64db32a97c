//! GitLab Code Quality JSON: GitLab shows these findings in the merge request.
//! <https://docs.gitlab.com/ci/testing/code_quality/> (description, check_name,
//! fingerprint, severity, location.path, location.lines.begin).

use super::fingerprint::fingerprints;
use super::{FileReport, full_message};
use crate::lint::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    categories: [&'static str; 1],
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The findings as a GitLab Code Quality report (a JSON array).
///
/// The fingerprint is helder's [fingerprint](super::fingerprint), the same as
/// in SARIF and in a baseline: it stays while the flagged words and their
/// neighbours stay, also when lines above them move.
pub fn gitlab(files: &[FileReport]) -> String {
    let mut issues = Vec::new();
    for file in files {
        for ((item, at), fingerprint) in file
            .findings
            .iter()
            .zip(file.positions())
            .zip(fingerprints(file))
        {
            let finding = &item.finding;
            let mut description = full_message(item);
            if let Some(suggestion) = &finding.suggestion {
                description.push(' ');
                description.push_str(suggestion);
            }
            issues.push(Issue {
                description,
                check_name: finding.rule,
                fingerprint,
                severity: match finding.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                categories: ["Clarity"],
                location: Location {
                    path: file.clean_path(),
                    lines: Lines {
                        begin: at.line,
                        end: at.end_line.max(at.line),
                    },
                },
            });
        }
    }
    serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string())
}
