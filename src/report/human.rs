//! Human output: a rustc-style snippet per finding, a line of numbers per file, a total.
//!
//! Each snippet gets only the lines its finding covers (with their first line
//! number), never the whole file: annotate-snippets indexes the lines of the
//! source it is given, so handing it the file for every finding made the
//! report quadratic (31,000 findings in a 500,000-word text took 81 s). A
//! line of more than [`LONG_LINE_BYTES`] (a paragraph of thousands of
//! sentences) is shown as a window around the finding, for the same reason.
//!
//! The snippets of a file are rendered in parallel and joined in order, so
//! the report is the same on one core or many.
//!
//! A number that may be a BSN is never shown: the source is masked first,
//! every digit by a character of the same length, so spans stay right.

use super::{FileFinding, FileReport, summary};
use crate::dutch::{decimal, plural};
use crate::event::bsn::{mask_keeping_offsets, mask_possible_bsns};
use crate::lint::{LineIndex, Severity};
use crate::readability::Metrics;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use rayon::prelude::*;
use std::ops::Range;

/// A line longer than this (in bytes) is shown as a window around the finding.
const LONG_LINE_BYTES: usize = 1_000;
/// Characters shown on each side of a finding on a long line.
const WINDOW_CHARS: usize = 60;

/// Findings as rustc-style snippets, a Dutch summary line per file and a total.
/// Colour only when `color` (a terminal without `NO_COLOR`).
pub fn human(files: &[FileReport], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for file in files {
        let shown = mask_keeping_offsets(&file.source);
        let lines = LineIndex::new(&shown);
        // The snippets are rendered on all cores (annotate-snippets costs some
        // 20 µs a finding) and joined in the order of the findings.
        let snippets: Vec<String> = file
            .findings
            .par_iter()
            .map(|item| snippet(&renderer, file, &shown, &lines, item))
            .collect();
        for rendered in snippets {
            out.push_str(&rendered);
            out.push_str("\n\n");
        }
        if let Some(line) = file_line(file) {
            out.push_str(&line);
            out.push('\n');
        }
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

fn snippet(
    renderer: &Renderer,
    file: &FileReport,
    shown: &str,
    lines: &LineIndex<'_>,
    item: &FileFinding,
) -> String {
    let finding = &item.finding;
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let message = mask_possible_bsns(&finding.message);
    let title = level.primary_title(message.as_str()).id(finding.rule);
    let (excerpt, first_line, span) =
        covered_lines(shown, lines, finding.span.start..finding.span.end);
    let offset = excerpt.as_ptr() as usize - shown.as_ptr() as usize;
    let one_line = lines.line((offset + excerpt.len()).saturating_sub(1).max(offset)) == first_line;
    let window;
    // On a very long line: where the finding is, said by us, for the snippet
    // shows a window of the line and would count columns from its start.
    let mut place = None;
    let main = if excerpt.len() <= LONG_LINE_BYTES || !one_line {
        title.element(
            Snippet::source(excerpt)
                .line_start(first_line)
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(span)),
        )
    } else {
        let (line, column) = lines.line_col(offset + span.start);
        let line_text = excerpt.trim_end_matches('\n');
        let (text, marked) = around(line_text, span.start..span.end.min(line_text.len()));
        window = text;
        place = Some(format!(
            "{}--> {}:{line}:{column}",
            " ".repeat(line.to_string().len()),
            file.path
        ));
        title.element(
            Snippet::source(window.as_str())
                .line_start(line)
                .annotation(AnnotationKind::Primary.span(marked)),
        )
    };
    let mut report = vec![main];
    let suggestion = finding.suggestion.as_deref().map(mask_possible_bsns);
    if let Some(suggestion) = &suggestion {
        report.push(Group::with_title(
            Level::HELP.secondary_title(suggestion.as_str()),
        ));
    }
    let example_note;
    if let Some(example) = &item.example {
        example_note = format!("gezien met voorbeeld {example}");
        report.push(Group::with_title(
            Level::NOTE.secondary_title(example_note.as_str()),
        ));
    }
    let rendered = renderer.render(&report).to_string();
    match (place, rendered.split_once('\n')) {
        (Some(place), Some((head, rest))) => format!("{head}\n{place}\n{rest}"),
        _ => rendered,
    }
}

/// A window of [`WINDOW_CHARS`] characters on each side of `span` in `line`,
/// with … where the line goes on; and where `span` lies in it.
fn around(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    let start = line[..span.start]
        .char_indices()
        .rev()
        .nth(WINDOW_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let end = line[span.end..]
        .char_indices()
        .nth(WINDOW_CHARS)
        .map_or(line.len(), |(i, _)| span.end + i);
    let before = if start > 0 { "…" } else { "" };
    let after = if end < line.len() { "…" } else { "" };
    let window = format!("{before}{}{after}", &line[start..end]);
    let from = before.len() + span.start - start;
    (window, from..from + span.len())
}

/// The whole lines of `source` that `span` touches, the number of the first,
/// and the span within them. The lines keep their newline, so a span that ends
/// just after one is shown as annotate-snippets shows it in the whole file.
fn covered_lines<'s>(
    source: &'s str,
    lines: &LineIndex<'_>,
    span: std::ops::Range<usize>,
) -> (&'s str, usize, std::ops::Range<usize>) {
    let start = span.start.min(source.len());
    let end = span.end.clamp(start, source.len());
    // The end of a text that ends in a newline is shown at the end of its last
    // line, as annotate-snippets shows it in the whole text (it has no empty line after it).
    let first_line = if start == source.len() && start > 0 && source.ends_with('\n') {
        lines.line(start - 1)
    } else {
        lines.line(start)
    };
    let from = lines.line_start(first_line);
    // Up to and with the newline of the line `end` is on, found by the index:
    // searching the text for it would cost a whole long line every time.
    let to = lines.line_start(lines.line(end) + 1).max(end);
    (&source[from..to], first_line, start - from..end - from)
}

/// "brief.md: niveau B1 · 152 woorden in 14 zinnen · …"; a partial without
/// findings gets no line (its numbers are in the letters that use it).
fn file_line(file: &FileReport) -> Option<String> {
    match &file.metrics {
        Some(m) => Some(format_metrics(&file.path, m)),
        None if file.findings.is_empty() => None,
        None if file.path.contains("_partials") => Some(format!(
            "{}: een deelsjabloon; de cijfers staan bij de sjablonen die het gebruiken",
            file.path
        )),
        None => Some(format!(
            "{}: geen cijfers, want er kon geen brief van gemaakt worden",
            file.path
        )),
    }
}

fn format_metrics(path: &str, m: &Metrics) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Category, Finding, Span};

    fn report(source: &str, span: Range<usize>) -> FileReport {
        FileReport {
            path: "brief.txt".to_string(),
            kind: "text",
            source: source.to_string(),
            findings: vec![FileFinding {
                finding: Finding {
                    rule: "formal-word",
                    category: Category::Wording,
                    severity: Severity::Warning,
                    span: Span::from(span),
                    message: "\"Indien\" is formele taal.".to_string(),
                    suggestion: None,
                    fix: None,
                },
                example: None,
            }],
            metrics: None,
        }
    }

    #[test]
    fn a_finding_on_a_very_long_line_shows_a_window_and_its_place() {
        let sentence = "Indien u komt, bel ons. ";
        let source = format!("Kop\n{}", sentence.repeat(200));
        let at = 4 + sentence.len() * 100;
        let shown = human(&[report(&source, at..at + 6)], false);
        assert!(
            shown.contains(&format!("brief.txt:2:{}", sentence.len() * 100 + 1)),
            "{shown}"
        );
        assert!(shown.contains("…"), "{shown}");
        assert!(shown.lines().all(|l| l.chars().count() < 200), "{shown}");
    }

    #[test]
    fn a_possible_bsn_in_the_source_is_masked_in_the_snippet() {
        let source = "Indien uw nummer 111 222 333 is.";
        let shown = human(&[report(source, 0..6)], false);
        assert!(
            shown.contains("*** *** ***") && !shown.contains("111"),
            "{shown}"
        );
    }
}
