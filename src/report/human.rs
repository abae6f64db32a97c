//! Human output: a rustc-style snippet per finding, a line of numbers per file, a total.

use super::{FileFinding, FileReport, summary};
use crate::dutch::{decimal, plural};
use crate::lint::Severity;
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
        for item in &file.findings {
            out.push_str(&snippet(&renderer, file, item));
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

fn snippet(renderer: &Renderer, file: &FileReport, item: &FileFinding) -> String {
    let finding = &item.finding;
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
    let example_note;
    if let Some(example) = &item.example {
        example_note = format!("gezien met voorbeeld {example}");
        report.push(Group::with_title(
            Level::NOTE.secondary_title(example_note.as_str()),
        ));
    }
    renderer.render(&report).to_string()
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
