//! Step 3 of the pipeline: letter templates (`letter-templates/<event_type>.md`).
//!
//! [`TemplateSet::load`] is the one place that builds Tera: it registers the
//! filters, turns on Markdown escaping for every `{{ … }}` output, and loads
//! the templates and the partials in `_partials/`. Errors point at the file
//! and line the author edits, and name the event and the field.

pub mod context;
pub mod filters;
pub mod front_matter;
pub mod settings;
pub mod source_map;
pub mod variables;

use crate::event::EventType;
use crate::lint::LineIndex;
use front_matter::FrontMatter;
use pulldown_cmark::Event;
use serde_json::{Map, Value};
use source_map::{Piece, SourceMap};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The folder of shared partials inside the templates folder.
pub const PARTIALS_DIR: &str = "_partials";

/// The event data fields a template can use at the top level.
pub const DATA_NAMES: &[&str] = &[
    "occurred_on",
    "case",
    "decision",
    "recipient",
    "contact",
    "amounts",
    "deadlines",
    "documents_requested",
    "appointment",
    "flags",
    "prior_contact",
];

/// One letter template.
#[derive(Debug, Clone)]
pub struct LetterTemplate {
    /// The name Tera knows it by (its file name).
    pub name: String,
    /// Its file.
    pub path: PathBuf,
    /// Its front matter.
    pub front_matter: FrontMatter,
    subject_line: usize,
}

impl LetterTemplate {
    fn subject_name(&self) -> String {
        format!("{}#subject", self.name)
    }
}

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

/// The subject and Markdown body of a rendered template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedTemplate {
    /// The subject line (Markdown inline text, escaped values).
    pub subject: String,
    /// The body (Markdown).
    pub body: String,
}

/// All templates of a templates folder, ready to render.
pub struct TemplateSet {
    tera: tera::Tera,
    templates: BTreeMap<EventType, LetterTemplate>,
    /// Tera name → (file, source) for every template and partial, to point errors at lines.
    sources: BTreeMap<String, (PathBuf, String)>,
    /// What Tera loaded, as (name, source): for the marked copy of template CI.
    loaded: Vec<(String, String)>,
    greeting: String,
}

/// A marked copy of a [`TemplateSet`] whose renderings carry a [`SourceMap`]
/// back to the template files (see [`source_map`]). Template CI uses it.
pub struct MappedSet {
    tera: tera::Tera,
    pieces: Vec<Piece>,
    /// (file, source) of each file index in the pieces.
    files: Vec<(PathBuf, String)>,
}

impl fmt::Debug for MappedSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MappedSet")
            .field("pieces", &self.pieces.len())
            .finish()
    }
}

impl MappedSet {
    /// The pieces the markers stand for.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The file and source of a file index of the pieces.
    pub fn file(&self, index: usize) -> (&Path, &str) {
        let (path, source) = &self.files[index];
        (path, source)
    }

    /// How many files the pieces point into.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }
}

impl fmt::Debug for TemplateSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TemplateSet")
            .field("templates", &self.templates.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl TemplateSet {
    /// Loads every `*.md` template in `dir` (not README.md) and every partial in `dir/_partials`.
    ///
    /// `greeting` is the first word of the salutation ("Beste"). All problems
    /// found are returned together.
    pub fn load(dir: &Path, greeting: &str) -> Result<TemplateSet, Vec<TemplateError>> {
        let (set, errors) = TemplateSet::load_lenient(dir, greeting);
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    /// Loads what can be loaded: a template with a problem is left out and
    /// its problem returned, so the other templates can still be checked
    /// (template CI reports every problem in one run).
    pub fn load_lenient(dir: &Path, greeting: &str) -> (TemplateSet, Vec<TemplateError>) {
        let Sources {
            templates,
            sources,
            mut raw,
            mut errors,
        } = read_sources(dir);
        let mut set = TemplateSet {
            tera: tera::Tera::new(),
            templates,
            sources,
            loaded: Vec::new(),
            greeting: greeting.to_string(),
        };
        // Each round takes out the template Tera refused, until the rest loads.
        for _ in 0..=raw.len() {
            let mut tera = new_tera(greeting);
            match tera.add_raw_templates(raw.clone()) {
                Ok(()) => {
                    set.tera = tera;
                    set.loaded = raw;
                    return (set, errors);
                }
                Err(e) => {
                    errors.push(set.explain(&e, None));
                    let culprits = set.culprits(&e, &raw);
                    if culprits.is_empty() {
                        break;
                    }
                    raw.retain(|(name, _)| {
                        !culprits.contains(name.strip_suffix("#subject").unwrap_or(name))
                    });
                    set.templates.retain(|_, t| !culprits.contains(&t.name));
                }
            }
        }
        set.templates.clear();
        (set, errors)
    }

    /// The templates (and partials) to leave out after Tera refused the set with `error`.
    fn culprits(
        &self,
        error: &tera::Error,
        raw: &[(String, String)],
    ) -> std::collections::BTreeSet<String> {
        let mut names = std::collections::BTreeSet::new();
        let mentioned = |missing: &str, names: &mut std::collections::BTreeSet<String>| {
            for (name, source) in raw {
                if source.contains(missing) {
                    names.insert(name.strip_suffix("#subject").unwrap_or(name).to_string());
                }
            }
        };
        match error.kind() {
            tera::ErrorKind::RenderingError(report) | tera::ErrorKind::SyntaxError(report) => {
                let name = report.filename();
                names.insert(name.strip_suffix("#subject").unwrap_or(name).to_string());
            }
            tera::ErrorKind::TemplateNotFound(missing) => mentioned(missing, &mut names),
            tera::ErrorKind::CircularInclude { tpl, .. } => {
                names.insert(tpl.clone());
            }
            _ => {
                let text = error.to_string();
                if let Some(missing) = text
                    .split("Unknown template `")
                    .nth(1)
                    .and_then(|rest| rest.split('`').next())
                {
                    mentioned(missing, &mut names);
                } else if let Some(place) = text.lines().find_map(|l| l.trim().strip_prefix("--> "))
                {
                    let name = place.rsplitn(3, ':').nth(2).unwrap_or(place);
                    names.insert(name.strip_suffix("#subject").unwrap_or(name).to_string());
                }
            }
        }
        names.retain(|name| raw.iter().any(|(n, _)| n == name));
        names
    }

    /// The template for an event type, if there is one.
    pub fn get(&self, event_type: EventType) -> Option<&LetterTemplate> {
        self.templates.get(&event_type)
    }

    /// Every template and partial Tera loaded: (Tera name, file, source with front matter blanked).
    pub fn sources(&self) -> impl Iterator<Item = (&str, &Path, &str)> {
        self.loaded.iter().filter_map(|(name, _)| {
            self.sources
                .get(name)
                .map(|(path, source)| (name.as_str(), path.as_path(), source.as_str()))
        })
    }

    /// Every template, by event type.
    pub fn iter(&self) -> impl Iterator<Item = &LetterTemplate> {
        self.templates.values()
    }

    /// Renders the subject and body of `template` with `context`.
    pub fn render(
        &self,
        template: &LetterTemplate,
        context: &Map<String, Value>,
        event_id: &str,
    ) -> Result<RenderedTemplate, TemplateError> {
        let context =
            tera::Context::from_serialize(context).map_err(|e| self.explain(&e, Some(event_id)))?;
        let subject = self
            .tera
            .render(&template.subject_name(), &context)
            .map_err(|e| self.explain(&e, Some(event_id)))?;
        let body = self
            .tera
            .render(&template.name, &context)
            .map_err(|e| self.explain(&e, Some(event_id)))?;
        Ok(RenderedTemplate {
            subject: subject.trim().to_string(),
            body,
        })
    }

    /// The marked copy of this set, for renderings with a [`SourceMap`];
    /// `None` when the templates are too big to mark (more than
    /// [`source_map::MAX_PIECES`] pieces of text and values together).
    pub fn mapped(&self) -> Option<MappedSet> {
        let mut pieces = Vec::new();
        let mut files = Vec::new();
        let mut marked = Vec::with_capacity(self.loaded.len());
        for (name, source) in &self.loaded {
            let Some((path, _)) = self.sources.get(name) else {
                // A subject line: rendered unmarked.
                marked.push((name.clone(), source.clone()));
                continue;
            };
            let instrumented = source_map::instrument(source, files.len(), &mut pieces)?;
            files.push((path.clone(), source.clone()));
            marked.push((name.clone(), instrumented.source));
        }
        let mut tera = new_tera(&self.greeting);
        tera.add_raw_templates(marked).ok()?;
        Some(MappedSet {
            tera,
            pieces,
            files,
        })
    }

    /// Renders like [`TemplateSet::render`], and also maps the body back to the
    /// template files. The map is `None` only if the marked rendering differs
    /// from the plain one, which would be a bug in the marking.
    pub fn render_mapped(
        &self,
        mapped: &MappedSet,
        template: &LetterTemplate,
        context: &Map<String, Value>,
        event_id: &str,
    ) -> Result<(RenderedTemplate, Option<SourceMap>), TemplateError> {
        let rendered = self.render(template, context, event_id)?;
        let map = tera::Context::from_serialize(context)
            .ok()
            .and_then(|context| mapped.tera.render(&template.name, &context).ok())
            .and_then(|marked| {
                let (text, map) = source_map::strip(&marked, &mapped.pieces);
                (text == rendered.body).then_some(map)
            });
        Ok((rendered, map))
    }

    /// Turns a Tera error into a [`TemplateError`] at the author's file and line.
    fn explain(&self, error: &tera::Error, event_id: Option<&str>) -> TemplateError {
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
    fn locate(
        &self,
        report: &tera::ReportError,
    ) -> (String, Option<usize>, Option<usize>, Option<String>) {
        let name = report.filename();
        let span = report.span();
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

/// What reading a templates folder gives: the templates, their sources for
/// Tera, and the problems found so far.
struct Sources {
    templates: BTreeMap<EventType, LetterTemplate>,
    sources: BTreeMap<String, (PathBuf, String)>,
    raw: Vec<(String, String)>,
    errors: Vec<TemplateError>,
}

fn read_sources(dir: &Path) -> Sources {
    let mut errors = Vec::new();
    let mut templates = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let mut raw: Vec<(String, String)> = Vec::new();

    let entries = match markdown_files(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(TemplateError {
                file: dir.display().to_string(),
                line: None,
                column: None,
                event_id: None,
                field: None,
                problem: format!("de map met sjablonen kan niet worden gelezen ({e})"),
                fix: "Controleer het pad bij templates in helder.toml.".to_string(),
            });
            return Sources {
                templates,
                sources,
                raw,
                errors,
            };
        }
    };
    for path in entries {
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let source = match std::fs::read_to_string(&path) {
            Ok(source) => source,
            Err(e) => {
                errors.push(file_error(
                    &path,
                    None,
                    format!("het bestand kan niet worden gelezen ({e})"),
                    "Controleer of het bestand UTF-8-tekst is.",
                ));
                continue;
            }
        };
        let split = match front_matter::split(&source) {
            Ok(split) => split,
            Err(e) => {
                errors.push(file_error(
                    &path,
                    Some(e.line),
                    e.message,
                    "Zie letter-templates/README.md voor de instellingen bovenaan.",
                ));
                continue;
            }
        };
        let expected = format!("{}.md", split.front_matter.event_type);
        if file_name != expected {
            errors.push(file_error(
                &path,
                Some(2),
                format!(
                    "dit sjabloon is voor {}, maar het bestand heet {file_name}",
                    split.front_matter.event_type
                ),
                &format!("Noem het bestand {expected}, of zet het juiste event-type bovenaan."),
            ));
            continue;
        }
        errors.extend(raw_html_errors(&path, &split.body));
        let template = LetterTemplate {
            name: file_name.clone(),
            path: path.clone(),
            front_matter: split.front_matter.clone(),
            subject_line: split.subject_line,
        };
        raw.push((template.subject_name(), split.front_matter.subject.clone()));
        raw.push((file_name.clone(), split.body.clone()));
        sources.insert(file_name, (path.clone(), split.body));
        templates.insert(split.front_matter.event_type, template);
    }
    let partials_dir = dir.join(PARTIALS_DIR);
    if partials_dir.is_dir() {
        match markdown_files(&partials_dir) {
            Ok(entries) => {
                for path in entries {
                    let name = format!(
                        "{PARTIALS_DIR}/{}",
                        path.file_name()
                            .and_then(|n| n.to_str())
                            .unwrap_or_default()
                    );
                    match std::fs::read_to_string(&path) {
                        Ok(source) => {
                            errors.extend(raw_html_errors(&path, &source));
                            raw.push((name.clone(), source.clone()));
                            sources.insert(name, (path, source));
                        }
                        Err(e) => errors.push(file_error(
                            &path,
                            None,
                            format!("het bestand kan niet worden gelezen ({e})"),
                            "Controleer of het bestand UTF-8-tekst is.",
                        )),
                    }
                }
            }
            Err(e) => errors.push(file_error(
                &partials_dir,
                None,
                format!("de map kan niet worden gelezen ({e})"),
                "Controleer de rechten van de map.",
            )),
        }
    }
    Sources {
        templates,
        sources,
        raw,
        errors,
    }
}

fn new_tera(greeting: &str) -> tera::Tera {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".md", "#subject"]);
    tera.set_escape_fn(crate::markdown::escape_markdown);
    tera.register_filter("euro", filters::euro);
    tera.register_filter("date", filters::date);
    tera.register_filter("time", filters::time);
    tera.register_filter("salutation", filters::salutation(greeting.to_string()));
    tera.register_filter("full_name", filters::full_name);
    tera.register_filter("address_lines", filters::address_lines);
    tera.register_filter("safe", filters::refuse_safe);
    tera.register_filter("default", filters::default_not_empty);
    tera.register_function("range", filters::bounded_range);
    tera
}

/// The `*.md` files of a folder (not README.md). Symbolic links are left out:
/// a template or partial must be a file in the templates folder itself, so no
/// link can pull a file from elsewhere into a letter.
fn markdown_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && path.extension().is_some_and(|ext| ext == "md")
                && !path
                    .file_name()
                    .is_some_and(|n| n.eq_ignore_ascii_case("README.md"))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn file_error(path: &Path, line: Option<usize>, problem: String, fix: &str) -> TemplateError {
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

/// Raw HTML in a template is refused: letters are Markdown, and HTML would bypass escaping.
fn raw_html_errors(path: &Path, source: &str) -> Vec<TemplateError> {
    // The same masking the linter uses; a masked value is digits, never HTML.
    let masked = crate::text::mask_template(source);
    let lines = LineIndex::new(&masked);
    let mut errors = Vec::new();
    for (event, range) in crate::markdown::parser(&masked).into_offset_iter() {
        if let Event::Html(_) | Event::InlineHtml(_) = event {
            let (line, column) = lines.line_col(range.start);
            if errors
                .last()
                .is_some_and(|e: &TemplateError| e.line == Some(line))
            {
                continue;
            }
            errors.push(TemplateError {
                file: path.display().to_string(),
                line: Some(line),
                column: Some(column),
                event_id: None,
                field: None,
                problem: "HTML is niet toegestaan in een sjabloon".to_string(),
                fix: "Schrijf het met Markdown: **vet**, een lijst met -, een kopje met ##."
                    .to_string(),
            });
        }
    }
    errors
}
