//! GitHub Actions: workflow commands (`::error file=…,line=…::…`) that GitHub
//! shows as annotations on the lines of a pull request, and the job summary.
//!
//! GitHub shows at most [`ANNOTATIONS_PER_KIND`] error, warning and notice
//! annotations of a step, and drops the rest without a word (actions/toolkit,
//! `docs/problem-matchers.md`, "Limitations": 10 warning, 10 error and 10
//! notice annotations per step, 50 per job). So errors come first, at most ten
//! of each kind become annotations, and one notice counts the rest; those are
//! listed as plain lines in a folded group of the log, so nothing is lost.
//!
//! [`step_summary`] is the Markdown written to `GITHUB_STEP_SUMMARY`: a table
//! with a row per file (level, errors, warnings and the worst findings by
//! rule and line). It never quotes the text, so it holds no personal data.

use super::baseline::BaselineOutcome;
use super::{FileFinding, FileReport, Position, full_message};
use crate::dutch::plural;
use crate::lint::Severity;

/// Annotations of one kind (error, warning, notice) GitHub shows for one step.
pub(crate) const ANNOTATIONS_PER_KIND: usize = 10;

/// What the summary may add to `GITHUB_STEP_SUMMARY`: GitHub refuses a step
/// summary over 1 MiB, and other steps may write there too.
pub(crate) const SUMMARY_BUDGET: usize = 512 * 1024;

/// Findings ranked worst first: errors, then warnings, then infos; within a
/// level in the order of the report (file, then place).
fn ranked(files: &[FileReport]) -> Vec<(&FileReport, &FileFinding, Position)> {
    let mut all: Vec<(&FileReport, &FileFinding, Position)> = files
        .iter()
        .flat_map(|file| {
            file.findings
                .iter()
                .zip(file.positions())
                .map(move |(item, at)| (file, item, at))
        })
        .collect();
    // A stable sort keeps the report's order within a level.
    all.sort_by_key(|(_, item, _)| std::cmp::Reverse(item.finding.severity));
    all
}

/// Workflow commands: errors first, at most [`ANNOTATIONS_PER_KIND`] of each
/// kind, one notice that counts the rest, and the rest as a folded list.
pub fn github(files: &[FileReport]) -> String {
    let ranked = ranked(files);
    let total = |severity| {
        ranked
            .iter()
            .filter(|(_, item, _)| item.finding.severity == severity)
            .count()
    };
    let overflows = [Severity::Error, Severity::Warning, Severity::Info]
        .iter()
        .any(|s| total(*s) > ANNOTATIONS_PER_KIND);
    // The notice that counts the rest is a notice too: it takes one place.
    let limit = |severity| match severity {
        Severity::Info if overflows => ANNOTATIONS_PER_KIND - 1,
        _ => ANNOTATIONS_PER_KIND,
    };
    let mut out = String::new();
    let mut shown = [0usize; 3];
    let mut rest: Vec<&(&FileReport, &FileFinding, Position)> = Vec::new();
    for entry in &ranked {
        let severity = entry.1.finding.severity;
        let count = &mut shown[severity as usize];
        if *count < limit(severity) {
            *count += 1;
            out.push_str(&annotation(entry.0, entry.1, entry.2));
        } else {
            rest.push(entry);
        }
    }
    if rest.is_empty() {
        return out;
    }
    let count = |severity| {
        rest.iter()
            .filter(|(_, item, _)| item.finding.severity == severity)
            .count()
    };
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    out.push_str(&format!(
        "::notice title=helder lint::{}\n",
        data(&format!(
            "Nog {} {} zonder annotatie ({errors} {}, {warnings} {}, {infos} {}): GitHub toont er {ANNOTATIONS_PER_KIND} van elke soort. De lijst staat in het log, de telling per bestand in de samenvatting van de job.",
            rest.len(),
            plural(rest.len(), "bevinding", "bevindingen"),
            plural(errors, "fout", "fouten"),
            plural(warnings, "waarschuwing", "waarschuwingen"),
            plural(infos, "opmerking", "opmerkingen"),
        ))
    ));
    out.push_str(&format!(
        "::group::helder: nog {} {}\n",
        rest.len(),
        plural(rest.len(), "bevinding", "bevindingen")
    ));
    for (file, item, at) in rest {
        out.push_str(&format!(
            "{}:{}:{}: {} {}: {}\n",
            file.clean_path(),
            at.line,
            at.column,
            severity_word(item.finding.severity),
            item.finding.rule,
            // One line a finding; a line starting with :: would be a command.
            full_message(item).replace('\n', " "),
        ));
    }
    out.push_str("::endgroup::\n");
    out
}

fn annotation(file: &FileReport, item: &FileFinding, at: Position) -> String {
    let command = match item.finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut message = full_message(item);
    if let Some(suggestion) = &item.finding.suggestion {
        message.push('\n');
        message.push_str(suggestion);
    }
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        property(file.clean_path()),
        at.line,
        at.column,
        at.end_line,
        at.end_column,
        property(&format!("helder {}", item.finding.rule)),
        data(&message),
    )
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "fout",
        Severity::Warning => "waarschuwing",
        Severity::Info => "opmerking",
    }
}

/// The job summary: a table with a row per file that has findings or reads
/// above B1 (level, errors, warnings, the three worst findings by rule and
/// line), and the totals. Within [`SUMMARY_BUDGET`].
pub fn step_summary(files: &[FileReport], baseline: Option<&BaselineOutcome>) -> String {
    let total = super::summary(files);
    let mut out = String::from("### helder lint\n\n");
    out.push_str(&format!(
        "{} {}: {} {}, {} {}, {} {}.",
        total.files,
        plural(total.files, "bestand", "bestanden"),
        total.errors,
        plural(total.errors, "fout", "fouten"),
        total.warnings,
        plural(total.warnings, "waarschuwing", "waarschuwingen"),
        total.infos,
        plural(total.infos, "opmerking", "opmerkingen"),
    ));
    if let Some(baseline) = baseline {
        let known = baseline.known_total();
        out.push_str(&format!(
            " Uit de baseline: {known} {} niet getoond, {} opgelost.",
            plural(known, "bekende bevinding", "bekende bevindingen"),
            baseline.fixed
        ));
    }
    out.push_str("\n\n");
    let rows: Vec<&FileReport> = files
        .iter()
        .filter(|f| {
            !f.findings.is_empty()
                || f.metrics
                    .as_ref()
                    .is_some_and(|m| m.level > crate::readability::Level::B1)
        })
        .collect();
    if rows.is_empty() {
        out.push_str("Geen bevindingen.\n");
        return out;
    }
    out.push_str("| Bestand | Niveau | Fouten | Waarschuwingen | Ergste bevindingen |\n");
    out.push_str("|---|---|---:|---:|---|\n");
    for (index, file) in rows.iter().enumerate() {
        let row = summary_row(file, baseline);
        if out.len() + row.len() > SUMMARY_BUDGET {
            out.push_str(&format!(
                "\nNog {} {} passen niet in de samenvatting; ze staan in het log.\n",
                rows.len() - index,
                plural(rows.len() - index, "bestand", "bestanden")
            ));
            return out;
        }
        out.push_str(&row);
    }
    out
}

fn summary_row(file: &FileReport, baseline: Option<&BaselineOutcome>) -> String {
    let count = |severity| {
        file.findings
            .iter()
            .filter(|item| item.finding.severity == severity)
            .count()
    };
    let level = file
        .metrics
        .as_ref()
        .map_or("–".to_string(), |m| m.level.to_string());
    let mut worst: Vec<(&FileFinding, Position)> =
        file.findings.iter().zip(file.positions()).collect();
    worst.sort_by_key(|(item, _)| std::cmp::Reverse(item.finding.severity));
    let mut cells: Vec<String> = worst
        .iter()
        .take(3)
        .map(|(item, at)| {
            format!(
                "{} `{}` (regel {})",
                severity_word(item.finding.severity),
                item.finding.rule,
                at.line
            )
        })
        .collect();
    if worst.len() > 3 {
        cells.push(format!("en nog {}", worst.len() - 3));
    }
    if let Some(known) = baseline.and_then(|b| b.known.get(file.clean_path()))
        && *known > 0
    {
        cells.push(format!("{known} bekend uit de baseline"));
    }
    format!(
        "| `{}` | {level} | {} | {} | {} |\n",
        file.clean_path().replace('|', "\\|").replace('`', "'"),
        count(Severity::Error),
        count(Severity::Warning),
        cells.join("; "),
    )
}

/// Escapes the message part of a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Category, Finding, Span};

    #[test]
    fn separators_and_newlines_are_escaped() {
        assert_eq!(data("50% korting\nnu"), "50%25 korting%0Anu");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }

    fn report(severities: &[Severity]) -> FileReport {
        let source: String = (0..severities.len())
            .map(|i| format!("Zin {i}.\n"))
            .collect();
        FileReport {
            path: "./brief.md".to_string(),
            kind: "text",
            findings: severities
                .iter()
                .enumerate()
                .map(|(i, severity)| {
                    let start = source.find(&format!("Zin {i}.")).unwrap();
                    FileFinding {
                        finding: Finding {
                            rule: "long-sentence",
                            category: Category::Readability,
                            severity: *severity,
                            span: Span {
                                start,
                                end: start + 3,
                            },
                            message: format!("Melding {i}."),
                            suggestion: None,
                            fix: None,
                        },
                        example: None,
                    }
                })
                .collect(),
            source,
            metrics: None,
        }
    }

    #[test]
    fn few_findings_are_all_annotations_errors_first() {
        let out = github(&[report(&[
            Severity::Warning,
            Severity::Error,
            Severity::Info,
        ])]);
        let kinds: Vec<&str> = out
            .lines()
            .map(|l| l.split_whitespace().next().unwrap())
            .collect();
        assert_eq!(kinds, ["::error", "::warning", "::notice"]);
        assert!(out.contains("::error file=brief.md,line=2,col=1,"));
    }

    #[test]
    fn beyond_the_limits_one_notice_counts_the_rest_and_the_log_lists_them() {
        let mut severities = vec![Severity::Warning; 25];
        severities.extend([Severity::Error; 12]);
        severities.extend([Severity::Info; 10]);
        let out = github(&[report(&severities)]);
        let count = |prefix: &str| out.lines().filter(|l| l.starts_with(prefix)).count();
        assert_eq!(count("::error "), 10);
        assert_eq!(count("::warning "), 10);
        // Nine notices for findings, one that counts the rest.
        assert_eq!(count("::notice file="), 9);
        assert_eq!(count("::notice title=helder lint::"), 1);
        assert!(out.contains(
            "::notice title=helder lint::Nog 18 bevindingen zonder annotatie (2 fouten, 15 waarschuwingen, 1 opmerking)"
        ));
        // The errors come first, in order; the rest is listed in a group.
        assert!(out.starts_with("::error file=brief.md,line=26,"));
        assert_eq!(count("brief.md:"), 18);
        assert!(out.contains(
            "::group::helder: nog 18 bevindingen\nbrief.md:36:1: fout long-sentence: Melding 35.\n"
        ));
        assert!(out.ends_with("::endgroup::\n"));
    }

    #[test]
    fn the_summary_has_a_row_per_file_with_findings_and_no_text() {
        let mut clean = report(&[]);
        clean.path = "schoon.md".to_string();
        let summary = step_summary(
            &[
                report(&[
                    Severity::Warning,
                    Severity::Error,
                    Severity::Warning,
                    Severity::Warning,
                ]),
                clean,
            ],
            None,
        );
        assert_eq!(
            summary,
            "### helder lint\n\n2 bestanden: 1 fout, 3 waarschuwingen, 0 opmerkingen.\n\n\
             | Bestand | Niveau | Fouten | Waarschuwingen | Ergste bevindingen |\n\
             |---|---|---:|---:|---|\n\
             | `brief.md` | – | 1 | 3 | fout `long-sentence` (regel 2); waarschuwing `long-sentence` (regel 1); waarschuwing `long-sentence` (regel 3); en nog 1 |\n"
        );
        assert!(!summary.contains("Melding"));
    }
}
