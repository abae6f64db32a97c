//! One template made into a letter with one example, with what is wrong in it.
//!
//! The letter is linted as it will be sent; each finding's words are marked
//! in the HTML of the letter and linked to the finding (and back). The marks
//! are put in as invisible characters in the Markdown before it is rendered,
//! so every value stays escaped as in a real letter, and are turned into
//! links afterwards.

use crate::compose::{ComposeError, ComposeOptions, build_letter};
use crate::config::Config;
use crate::lint::{Finding, Severity, SourceKind, lint_letter, prose};
use crate::problem::Problem;
use crate::readability::{Document, Metrics};
use crate::render::blocks::{MarkdownError, parse_blocks};
use crate::render::html::{HtmlRenderer, esc};
use crate::render::{Letter, RenderError, Renderer};
use crate::template::{LetterTemplate, TemplateSet};

/// First code point of the mark-start characters (private use, plane 15).
const MARK_START: u32 = 0xF_0000;
/// Ends a mark.
const MARK_END: char = '\u{F_FFFD}';

/// A letter ready to show, with its findings and numbers.
#[derive(Debug)]
pub struct Preview {
    /// The letter.
    pub letter: Letter,
    /// The `<main>` part of the letter's HTML, with the marks as links.
    pub html: String,
    /// The findings, in the order of the marks.
    pub findings: Vec<Finding>,
    /// Whether finding `i` has a mark in the letter.
    pub marked: Vec<bool>,
    /// Readability numbers.
    pub metrics: Metrics,
    /// The longest sentences: word count and text.
    pub longest: Vec<(usize, String)>,
}

/// Why no letter could be made of a template with one of its examples.
#[derive(Debug, thiserror::Error)]
pub enum PreviewError {
    /// The example cannot be read, is broken, or is for another event type
    /// (the same check as template CI's, with the file as its place).
    #[error(transparent)]
    Example(#[from] Problem),
    /// The template cannot make a letter of the example.
    #[error(transparent)]
    Letter(#[from] ComposeError),
    /// The letter's Markdown cannot be laid out (the error names the line).
    #[error("{}", .0.message)]
    Markdown(MarkdownError),
    /// The letter cannot be made as HTML.
    #[error(transparent)]
    Render(#[from] RenderError),
}

/// Makes the preview of `template` with example `example` (a file name in `examples/`).
pub fn preview(
    config: &Config,
    templates: &TemplateSet,
    template: &LetterTemplate,
    example: &str,
) -> Result<Preview, PreviewError> {
    let event = crate::template_ci::read_example(&config.templates_dir, example, template)?;
    let options = ComposeOptions {
        date: event.time.0.date_naive(),
        draft: false,
    };
    let mut letter = build_letter(&event, config, templates, options)?;
    let markdown = letter.body_markdown.clone();
    let facts = crate::compose::event_facts(&event, &letter, config);
    let result = lint_letter(&markdown, &facts, &config.readability);
    let findings = result.findings;
    // Marks that do not overlap, and do not cross a paragraph.
    let mut marked = vec![false; findings.len()];
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
    let mut last_end = 0;
    for (i, finding) in findings.iter().enumerate() {
        let (start, end) = (finding.span.start, finding.span.end);
        if start < last_end || end <= start || markdown[start..end].contains("\n\n") {
            continue;
        }
        spans.push((i, start, end));
        marked[i] = true;
        last_end = end;
    }
    let mut with_marks = String::with_capacity(markdown.len() + spans.len() * 8);
    let mut position = 0;
    for (i, start, end) in &spans {
        with_marks.push_str(&markdown[position..*start]);
        with_marks.push(char::from_u32(MARK_START + *i as u32).unwrap_or(MARK_END));
        with_marks.push_str(&markdown[*start..*end]);
        with_marks.push(MARK_END);
        position = *end;
    }
    with_marks.push_str(&markdown[position..]);
    letter.body = parse_blocks(&with_marks).map_err(PreviewError::Markdown)?;
    let page = String::from_utf8(HtmlRenderer.render(&letter)?).unwrap_or_default();
    letter.body = parse_blocks(&markdown).map_err(PreviewError::Markdown)?;
    let main_start = page.find("<main").unwrap_or(0);
    let main_end = page
        .find("</main>")
        .map_or(page.len(), |i| i + "</main>".len());
    let html = links(&page[main_start..main_end], &findings);

    let doc = Document::new(
        &markdown,
        prose(&markdown, SourceKind::Markdown),
        &config.readability,
    );
    let mut sentences: Vec<(usize, String)> = doc
        .sentences
        .iter()
        .map(|s| (s.words, doc.text(s.block, s.range.clone()).to_string()))
        .collect();
    sentences.sort_by_key(|s| std::cmp::Reverse(s.0));
    sentences.truncate(3);
    Ok(Preview {
        letter,
        html,
        findings,
        marked,
        metrics: result.metrics,
        longest: sentences,
    })
}

/// Replaces the mark characters by links to the findings.
fn links(html: &str, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    for c in html.chars() {
        let code = c as u32;
        if c == MARK_END {
            out.push_str("</a>");
        } else if (MARK_START..MARK_START + 0xFFFD).contains(&code) {
            let i = (code - MARK_START) as usize;
            let severity = findings
                .get(i)
                .map_or("info", |f| severity_name(f.severity));
            let title = findings.get(i).map_or(String::new(), |f| esc(&f.message));
            out.push_str(&format!(
                "<a class=\"mark {severity}\" id=\"m{i}\" href=\"#f{i}\" title=\"{title}\">"
            ));
        } else {
            out.push(c);
        }
    }
    out
}

/// "error", "warning" or "info".
pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// The answer for a template page whose template did not load: its
/// problems with their lines (422), or that there is none (404).
pub fn not_loaded(
    templates_dir: &std::path::Path,
    event_type: &str,
    problems: &[crate::template::TemplateError],
) -> (axum::http::StatusCode, String) {
    use axum::http::StatusCode;
    let file = crate::event::EventType::from_name(event_type).map(|t| {
        templates_dir
            .join(format!("{}.md", t.as_str()))
            .display()
            .to_string()
    });
    let mine: Vec<String> = problems
        .iter()
        .filter(|p| Some(&p.file) == file.as_ref())
        .map(ToString::to_string)
        .collect();
    if mine.is_empty() {
        (
            StatusCode::NOT_FOUND,
            format!("Er is geen sjabloon voor {event_type}."),
        )
    } else {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("Dit sjabloon kan niet worden geladen. {}", mine.join(" ")),
        )
    }
}
