//! Human output: a rustc-style snippet per finding, a line of numbers per file, a total.
//!
//! Each snippet gets only the lines its finding covers (with their first line
//! number), never the whole file: annotate-snippets indexes the lines of the
//! source it is given, so handing it the file for every finding made the
//! report quadratic (31,000 findings in a 500,000-word text took 81 s).

use super::{FileFinding, FileReport, summary};
use crate::dutch::{decimal, plural};
use crate::lint::{LineIndex, Severity};
use crate::readability::Metrics;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

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
        let lines = LineIndex::new(&file.source);
        for item in &file.findings {
            out.push_str(&snippet(&renderer, file, &lines, item));
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
    lines: &LineIndex<'_>,
    item: &FileFinding,
) -> String {
    let finding = &item.finding;
    let level = match finding.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let (excerpt, first_line, span) =
        covered_lines(&file.source, lines, finding.span.start..finding.span.end);
    let main = level
        .primary_title(finding.message.as_str())
        .id(finding.rule)
        .element(
            Snippet::source(excerpt)
                .line_start(first_line)
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(span)),
        );
    let mut report = vec![main];
    if let Some(suggestion) = &finding.suggestion {
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
    renderer.render(&report).to_string()
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
    let to = source[end..]
        .find('\n')
        .map_or(source.len(), |newline| end + newline + 1);
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
