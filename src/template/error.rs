//! Template problems, pointing at the file and line the author edits: Tera's
//! errors are turned into a [`TemplateError`] with the event and the field.

use super::{DATA_NAMES, PARTIALS_DIR, TemplateSet};
use crate::lint::LineIndex;
use std::fmt;
use std::path::Path;

/// A problem in a template, pointing at the file and line the author edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// The template or partial file.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The event being rendered, if any.
    pub event_id: Option<String>,
    /// The event field involved, as a JSON path (`data.recipient.first_name`).
    pub field: Option<String>,
    /// What is wrong, in Dutch.
    pub problem: String,
    /// How to fix it, in Dutch.
    pub fix: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(id) = &self.event_id {
            write!(f, "gebeurtenis {id}: ")?;
        }
        write!(f, "{}. {}", self.problem, self.fix)
    }
}

impl std::error::Error for TemplateError {}

impl TemplateSet {
    /// Turns a Tera error into a [`TemplateError`] at the author's file and line.
    pub(super) fn explain(&self, error: &tera::Error, event_id: Option<&str>) -> TemplateError {
        let event_id = event_id.map(str::to_string);
        match error.kind() {
            tera::ErrorKind::RenderingError(report) | tera::ErrorKind::SyntaxError(report) => {
                let is_syntax = matches!(error.kind(), tera::ErrorKind::SyntaxError(_));
                let (file, line, column, expression) = self.locate(report);
                let message = report.message();
                let undefined = message.contains("undefined") || message.contains("is not defined");
                if undefined && !is_syntax {
                    let expression = expression.unwrap_or_default();
                    let path = data_path(&expression);
                    let shown = path.clone().unwrap_or_else(|| expression.clone());
                    TemplateError {
                        file,
                        line,
                        column,
                        event_id,
                        field: path,
                        problem: format!("de waarde {shown} ontbreekt of is leeg"),
                        fix: format!(
                            "Controleer of de naam goed gespeld is, en of het veld in het zaaksysteem is ingevuld. Is het niet altijd gevuld? Zet de zin dan tussen {{% if {expression} %}} en {{% endif %}}."
                        ),
                    }
                } else if is_syntax {
                    TemplateError {
                        file,
                        line,
                        column,
                        event_id,
                        field: None,
                        problem: format!(
                            "de opmaak van het sjabloon klopt niet: {}",
                            message.trim_end_matches('.')
                        ),
                        fix: "Controleer de {{ }}, {% %} en {# #} op deze regel.".to_string(),
                    }
                } else {
                    TemplateError {
                        file,
                        line,
                        column,
                        event_id,
                        field: None,
                        problem: message.trim_end_matches('.').to_string(),
                        fix: "Pas het sjabloon op deze regel aan.".to_string(),
                    }
                }
            }
            tera::ErrorKind::TemplateNotFound(name) => {
                let (file, line) = self.find_mention(name);
                TemplateError {
                    file,
                    line,
                    column: None,
                    event_id,
                    field: None,
                    problem: format!("het deelsjabloon {name} bestaat niet"),
                    fix: format!(
                        "Controleer de naam in {{% include %}}; deelsjablonen staan in {PARTIALS_DIR}/."
                    ),
                }
            }
            tera::ErrorKind::CircularInclude { tpl, include_chain } => {
                let (file, line) = self.find_mention(tpl);
                TemplateError {
                    file,
                    line,
                    column: None,
                    event_id,
                    field: None,
                    problem: format!(
                        "sjablonen nemen elkaar in een kring op: {}",
                        include_chain.join(" → ")
                    ),
                    fix: "Haal een van de {% include %}-regels weg.".to_string(),
                }
            }
            _ => {
                let text = error.to_string();
                let (file, line, column) = self.report_location(&text);
                let first_line = text
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches("error: ");
                match first_line
                    .strip_prefix("Unknown template `")
                    .and_then(|rest| rest.split('`').next())
                {
                    Some(name) => TemplateError {
                        file,
                        line,
                        column,
                        event_id,
                        field: None,
                        problem: format!("het deelsjabloon {name} bestaat niet"),
                        fix: format!(
                            "Controleer de naam in {{% include %}}; deelsjablonen staan in {PARTIALS_DIR}/."
                        ),
                    },
                    None => TemplateError {
                        file,
                        line,
                        column,
                        event_id,
                        field: None,
                        problem: format!(
                            "het sjabloon kan niet worden gemaakt: {}",
                            first_line.trim_end_matches('.')
                        ),
                        fix: "Controleer het sjabloon op deze regel.".to_string(),
                    },
                }
            }
        }
    }

    /// The file, line, column and source text of a Tera report.
    /// A span of Tera's (in the source it compiled, with the budget's calls)
    /// in the original source the author edits.
    fn original_span(&self, name: &str, span: &tera::Span) -> tera::Span {
        let mut span = span.clone();
        if let Some(instrumented) = self.instrumented.get(name) {
            // No line end is ever added: lines stay, columns shift.
            span.start_col = span
                .start_col
                .saturating_sub(instrumented.column_shift(span.range.start));
            let start = instrumented.original(span.range.start);
            let end = instrumented.original(span.range.end).max(start);
            span.range = start..end;
        }
        span
    }

    fn locate(
        &self,
        report: &tera::ReportError,
    ) -> (String, Option<usize>, Option<usize>, Option<String>) {
        let name = report.filename();
        let span = &self.original_span(name, report.span());
        if let Some(template_name) = name.strip_suffix("#subject")
            && let Some((path, _)) = self.sources.get(template_name)
        {
            let subject_line = self
                .templates
                .values()
                .find(|t| t.name == template_name)
                .map_or(2, |t| t.subject_line);
            return (
                path.display().to_string(),
                Some(subject_line),
                None,
                expression_in_subject(self, template_name, span),
            );
        }
        match self.sources.get(name) {
            Some((path, source)) => {
                let expression = full_path_at(source, span.range.clone());
                (
                    path.display().to_string(),
                    Some(span.start_line),
                    Some(span.start_col + 1),
                    expression,
                )
            }
            None => (
                name.to_string(),
                Some(span.start_line),
                Some(span.start_col + 1),
                None,
            ),
        }
    }

    /// The place in a Tera report text (`  --> name:line:col`), mapped to our file.
    fn report_location(&self, text: &str) -> (String, Option<usize>, Option<usize>) {
        let Some(place) = text.lines().find_map(|l| l.trim().strip_prefix("--> ")) else {
            return ("letter-templates".to_string(), None, None);
        };
        let mut parts = place.rsplitn(3, ':');
        let column = parts.next().and_then(|c| c.parse().ok());
        let line = parts.next().and_then(|l| l.parse().ok());
        let name = parts.next().unwrap_or(place);
        let file = self
            .sources
            .get(name)
            .map_or_else(|| name.to_string(), |(path, _)| path.display().to_string());
        (file, line, column)
    }

    /// The first file and line that mention `needle` (for errors Tera gives without a place).
    fn find_mention(&self, needle: &str) -> (String, Option<usize>) {
        for (path, source) in self.sources.values() {
            if let Some(pos) = source.find(needle) {
                return (
                    path.display().to_string(),
                    Some(LineIndex::new(source).line(pos)),
                );
            }
        }
        ("letter-templates".to_string(), None)
    }
}

fn expression_in_subject(
    set: &TemplateSet,
    template_name: &str,
    span: &tera::Span,
) -> Option<String> {
    let template = set.templates.values().find(|t| t.name == template_name)?;
    full_path_at(&template.front_matter.subject, span.range.clone())
}

/// The whole dotted path that a span points into: Tera points at `fist_name`
/// in `recipient.fist_name`; the author needs to see `recipient.fist_name`.
fn full_path_at(source: &str, range: std::ops::Range<usize>) -> Option<String> {
    let is_path_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']');
    let start = range.start.min(source.len());
    let before = source.get(..start)?;
    let path_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_path_char(*c))
        .last()
        .map_or(start, |(i, _)| i);
    let after = source.get(path_start..)?;
    let path_end = after
        .char_indices()
        .find(|(_, c)| !is_path_char(*c))
        .map_or(after.len(), |(i, _)| i);
    let path = after[..path_end].trim_matches('.');
    if path.is_empty() {
        source.get(range).map(clean_expression)
    } else {
        Some(path.to_string())
    }
}

/// `recipient.first_name | upper` → `recipient.first_name`.
fn clean_expression(raw: &str) -> String {
    raw.trim()
        .trim_start_matches("{{")
        .trim_end_matches("}}")
        .split('|')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The JSON path in the event for a template expression (`recipient.surname` → `data.recipient.surname`).
fn data_path(expression: &str) -> Option<String> {
    let root = expression.split(['.', '[']).next()?;
    DATA_NAMES
        .contains(&root)
        .then(|| format!("data.{expression}"))
}

pub(super) fn file_error(
    path: &Path,
    line: Option<usize>,
    problem: String,
    fix: &str,
) -> TemplateError {
    TemplateError {
        file: path.display().to_string(),
        line,
        column: None,
        event_id: None,
        field: None,
        problem,
        fix: fix.to_string(),
    }
}
