//! GitLab Code Quality JSON: GitLab shows these findings in the merge request.
//! <https://docs.gitlab.com/ci/testing/code_quality/> (description, check_name,
//! fingerprint, severity, location.path, location.lines.begin).

use super::{FileReport, full_message};
use crate::lint::Severity;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

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
/// The fingerprint is stable while the flagged text stays the same, also
/// when lines above it move: path, rule, the flagged text and how many times
/// the same rule flagged the same text before in the file.
pub fn gitlab(files: &[FileReport]) -> String {
    let mut issues = Vec::new();
    for file in files {
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (item, at) in file.findings.iter().zip(file.positions()) {
            let finding = &item.finding;
            let flagged = file
                .source
                .get(finding.span.start..finding.span.end)
                .unwrap_or_default();
            let occurrence = seen.entry((finding.rule, flagged)).or_insert(0);
            *occurrence += 1;
            let mut hasher = Sha256::new();
            for part in [
                file.clean_path(),
                finding.rule,
                flagged,
                &occurrence.to_string(),
            ] {
                hasher.update(part.as_bytes());
                hasher.update([0]);
            }
            let fingerprint: String = hasher
                .finalize()
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect();
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
