//! Step 3 of the pipeline: letter templates (`letter-templates/<event_type>.md`).
//!
//! [`TemplateSet::load`] is the one place that builds Tera: it registers the
//! filters, turns on Markdown escaping for every `{{ … }}` output, and loads
//! the templates and the partials in `_partials/`. Errors point at the file
//! and line the author edits, and name the event and the field.

pub mod budget;
pub mod context;
mod error;
pub mod filters;
pub mod front_matter;
mod legal_basis;
mod load;
pub mod names;
pub mod settings;
pub mod source_map;
pub mod variables;

use crate::event::EventType;
pub use error::TemplateError;
use front_matter::FrontMatter;
use load::new_tera;
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
    /// What Tera compiled of each: the source with the render budget's calls
    /// (see [`budget`]), to find places in the original again.
    instrumented: BTreeMap<String, budget::Instrumented>,
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
        let (subject, body) = self.within_budget(&self.tera, template, &context, Some(event_id))?;
        Ok(RenderedTemplate {
            subject: subject.trim().to_string(),
            body,
        })
    }

    /// Renders the subject and the body of `template` with `tera` (this set's,
    /// or its marked copy) within the render budget: a template that runs out
    /// of it is a [`TemplateError`] at the line of its loop or `set`.
    fn within_budget(
        &self,
        tera: &tera::Tera,
        template: &LetterTemplate,
        context: &tera::Context,
        event_id: Option<&str>,
    ) -> Result<(String, String), TemplateError> {
        let (rendered, exceeded) = budget::within(budget::LIMITS, || {
            let mut subject = budget::Output::default();
            tera.render_to(&template.subject_name(), context, &mut subject)?;
            let mut body = budget::Output::default();
            tera.render_to(&template.name, context, &mut body)?;
            Ok::<_, tera::Error>((subject.into_string(), body.into_string()))
        });
        match (rendered, exceeded) {
            (Ok(rendered), None) => Ok(rendered),
            (Err(e), None) => Err(self.explain(&e, event_id)),
            (rendered, Some(what)) => {
                let mut error = match rendered {
                    Err(e) => self.explain(&e, event_id),
                    Ok(_) => TemplateError {
                        file: template.path.display().to_string(),
                        line: None,
                        column: None,
                        event_id: event_id.map(str::to_string),
                        field: None,
                        problem: String::new(),
                        fix: String::new(),
                    },
                };
                error.field = None;
                error.problem = what.problem(&budget::LIMITS);
                error.fix = what.fix().to_string();
                Err(error)
            }
        }
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
        // The marked copy is made within the same budget as the plain one.
        for (_, source) in &mut marked {
            *source = budget::instrument(source).ok()?.source;
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
            .and_then(|context| {
                self.within_budget(&mapped.tera, template, &context, Some(event_id))
                    .ok()
            })
            .and_then(|(_, marked)| {
                let (text, map) = source_map::strip(&marked, &mapped.pieces);
                (text == rendered.body).then_some(map)
            });
        Ok((rendered, map))
    }
}
