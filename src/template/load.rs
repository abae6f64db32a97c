//! Loading a templates folder: every `*.md` template and partial, its front
//! matter, raw-HTML checks, and the one Tera instance with helder's filters.

use super::error::file_error;
use super::front_matter;
use super::{LetterTemplate, PARTIALS_DIR, TemplateError, TemplateSet, budget, filters};
use crate::event::EventType;
use crate::lint::LineIndex;
use pulldown_cmark::Event;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
            instrumented: BTreeMap::new(),
            greeting: greeting.to_string(),
        };
        // Every source gets the render budget's calls; one that uses what the
        // budget cannot follow is left out, with its line.
        let mut refused = std::collections::BTreeSet::new();
        for (name, source) in &raw {
            match budget::instrument(source) {
                Ok(instrumented) => {
                    set.instrumented.insert(name.clone(), instrumented);
                }
                Err(refusal) => {
                    errors.push(set.refused(name, source, &refusal));
                    refused.insert(name.strip_suffix("#subject").unwrap_or(name).to_string());
                }
            }
        }
        raw.retain(|(name, _)| !refused.contains(name.strip_suffix("#subject").unwrap_or(name)));
        set.templates.retain(|_, t| !refused.contains(&t.name));
        // Each round takes out the template Tera refused, until the rest loads.
        for _ in 0..=raw.len() {
            let mut tera = new_tera(greeting);
            let compiled = raw.iter().map(|(name, source)| {
                let instrumented = set.instrumented.get(name).map(|i| i.source.as_str());
                (name.clone(), instrumented.unwrap_or(source).to_string())
            });
            match tera.add_raw_templates(compiled.collect::<Vec<_>>()) {
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

    /// The error for a source that uses what the render budget cannot follow.
    fn refused(&self, name: &str, source: &str, refusal: &budget::Refused) -> TemplateError {
        let template_name = name.strip_suffix("#subject");
        let (file, line) = match (
            template_name,
            self.sources.get(template_name.unwrap_or(name)),
        ) {
            (Some(template_name), Some((path, _))) => (
                path.display().to_string(),
                self.templates
                    .values()
                    .find(|t| t.name == template_name)
                    .map(|t| t.subject_line),
            ),
            (None, Some((path, _))) => (
                path.display().to_string(),
                Some(LineIndex::new(source).line(refusal.offset)),
            ),
            _ => (name.to_string(), None),
        };
        TemplateError {
            file,
            line,
            column: None,
            event_id: None,
            field: None,
            problem: refusal.problem.clone(),
            fix: "Pas het sjabloon op deze regel aan.".to_string(),
        }
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

pub(super) fn new_tera(greeting: &str) -> tera::Tera {
    let mut tera = tera::Tera::new();
    budget::register(&mut tera);
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

/// Raw HTML in a template is refused: letters are Markdown, and HTML would bypass escaping.
fn raw_html_errors(path: &Path, source: &str) -> Vec<TemplateError> {
    // The Markdown the linter reads; a masked value is digits, never HTML, and
    // HTML right after a tag at the start of a line is no code block.
    let (markdown, map) = crate::text::template_markdown(source);
    let lines = LineIndex::new(source);
    let mut errors = Vec::new();
    for (event, range) in crate::markdown::parser(&markdown).into_offset_iter() {
        if let Event::Html(_) | Event::InlineHtml(_) = event {
            let (line, column) = lines.line_col(map.source_offset(range.start));
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
