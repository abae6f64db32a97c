//! How findings look: human-readable (rustc-style snippets) or JSON (DESIGN.md §6).
//!
//! The only module that knows the output formats. It turns findings into
//! strings; `main` prints them. Findings carry text positions and Dutch
//! messages, never an event's personal data.

use crate::dutch::{decimal, plural};
use crate::lint::{Finding, LineIndex, LintResult, Severity};
use crate::readability::Metrics;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
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
    /// Findings and metrics.
    pub result: LintResult,
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
    for finding in files.iter().flat_map(|f| &f.result.findings) {
        match finding.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    summary
}

/// Findings as rustc-style snippets, a Dutch summary line per file and a total.
pub fn human(files: &[FileReport], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for file in files {
        for finding in &file.result.findings {
            out.push_str(&snippet(&renderer, file, finding));
            out.push_str("\n\n");
        }
        out.push_str(&file_line(&file.path, &file.result.metrics));
        out.push('\n');
    }
    let total = summary(files);
    out.push_str(&format!(
        "{} {}, {} {}, {} {} in {} {}.\n",
        total.errors,
        plural(total.errors, "fout", "fouten"),
        total.warnings,
        plural(total.warnings, "waarschuwing", "waarschuwingen"),
        total.infos,
        plural(total.infos, "opmerking", "opmerkingen"),
        total.files,
        plural(total.files, "bestand", "bestanden"),
    ));
    out
}

fn snippet(renderer: &Renderer, file: &FileReport, finding: &Finding) -> String {
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let span = finding.span.start.min(file.source.len())..finding.span.end.min(file.source.len());
    let main = level
        .primary_title(finding.message.as_str())
        .id(finding.rule)
        .element(
            Snippet::source(file.source.as_str())
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(span)),
        );
    let mut report = vec![main];
    if let Some(suggestion) = &finding.suggestion {
        report.push(Group::with_title(
            Level::HELP.secondary_title(suggestion.as_str()),
        ));
    }
    renderer.render(&report).to_string()
}

/// "brief.md: niveau B1 · 152 woorden in 14 zinnen · …"
fn file_line(path: &str, m: &Metrics) -> String {
    format!(
        "{path}: niveau {} · {} woorden in {} zinnen · gemiddeld {} woorden per zin · langste zin {} · moeilijke woorden {}% · lijdende zinnen {} · Flesch-Douma {} · Brouwer {}",
        m.level,
        m.words,
        m.sentences,
        decimal(m.avg_sentence_words),
        m.max_sentence_words,
        decimal(m.difficult_word_share * 100.0),
        m.passives,
        decimal(m.flesch_douma),
        decimal(m.brouwer),
    )
}

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
    readability: &'a Metrics,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    category: crate::lint::Category,
    severity: Severity,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    suggestion: Option<&'a str>,
    example: Option<&'a str>,
}

/// The JSON report of DESIGN.md §6.
pub fn json(files: &[FileReport]) -> String {
    let report = JsonReport {
        version: 1,
        files: files
            .iter()
            .map(|file| {
                let index = LineIndex::new(&file.source);
                JsonFile {
                    path: &file.path,
                    kind: file.kind,
                    findings: file
                        .result
                        .findings
                        .iter()
                        .map(|f| {
                            let (line, column) = index.line_col(f.span.start);
                            let (end_line, end_column) = index.line_col(f.span.end);
                            JsonFinding {
                                rule: f.rule,
                                category: f.category,
                                severity: f.severity,
                                line,
                                column,
                                end_line,
                                end_column,
                                message: &f.message,
                                suggestion: f.suggestion.as_deref(),
                                example: None,
                            }
                        })
                        .collect(),
                    readability: &file.result.metrics,
                }
            })
            .collect(),
        summary: summary(files),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
