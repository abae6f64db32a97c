//! The JSON report of DESIGN.md §6.

use super::{FileReport, Summary, summary};
use crate::lint::{Category, Fix, Severity};
use crate::readability::Metrics;
use serde::Serialize;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files: Vec<JsonFile<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    kind: &'static str,
    findings: Vec<JsonFinding<'a>>,
    readability: Option<&'a Metrics>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    category: Category,
    severity: Severity,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    suggestion: Option<&'a str>,
    example: Option<&'a str>,
    fix: Option<&'a Fix>,
}

/// The JSON report of DESIGN.md §6 (pretty-printed).
pub fn json(files: &[FileReport]) -> String {
    let report = JsonReport {
        version: 1,
        files: files
            .iter()
            .map(|file| JsonFile {
                path: &file.path,
                kind: file.kind,
                findings: file
                    .findings
                    .iter()
                    .zip(file.positions())
                    .map(|(item, at)| JsonFinding {
                        rule: item.finding.rule,
                        category: item.finding.category,
                        severity: item.finding.severity,
                        line: at.line,
                        column: at.column,
                        end_line: at.end_line,
                        end_column: at.end_column,
                        message: &item.finding.message,
                        suggestion: item.finding.suggestion.as_deref(),
                        fix: item.finding.fix.as_ref(),
                        example: item.example.as_deref(),
                    })
                    .collect(),
                readability: file.metrics.as_ref(),
            })
            .collect(),
        summary: summary(files),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
