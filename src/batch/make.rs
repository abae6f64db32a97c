//! Phase 3 of a batch, in parallel: parse one input item, route and compose
//! its event, and make the files of its letter or task ([`crate::output`]).

use super::BatchOptions;
use super::Counts;
use super::input::Item;
use super::journal::{ErrorRecord, Outcome};
use crate::compose::{ComposeError, ComposeOptions, Composed, compose};
use crate::config::Config;
use crate::event::{CaseEvent, Origin, event_from_value};
use crate::output::{Layout, OutputFile, letter_files, sha256_hex, task_files};
use crate::render::BoxedRenderer;
use crate::task::{CallFirstTask, TalkingPoints};
use crate::template::TemplateSet;

/// A parsed input item.
pub(super) enum Parsed {
    Valid {
        event: Box<CaseEvent>,
        hash: String,
    },
    Invalid {
        key: String,
        hash: String,
        record: ErrorRecord,
    },
}

/// What phase 3 made of an event.
pub(super) enum Made {
    Letter(Vec<OutputFile>),
    Task(Vec<OutputFile>),
    Contact(Box<CaseEvent>),
    Error(ErrorRecord),
    /// Dry run: the route only.
    Routed(Outcome),
}

pub(super) fn parse(item: &Item) -> Parsed {
    let origin = Origin {
        file: item.file.clone(),
        line: item.line,
    };
    let invalid = |message: String, hash: String| Parsed::Invalid {
        key: item.position_key(),
        hash,
        record: ErrorRecord {
            event_id: None,
            file: item.file.clone(),
            line: item.line,
            field: None,
            message,
        },
    };
    let text = match &item.text {
        Ok(text) => text,
        Err(problem) => return invalid(format!("{}: {problem}", place(item)), String::new()),
    };
    let hash = sha256_hex(text.trim().as_bytes());
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            return invalid(
                format!(
                    "{}: de tekst is geen geldige JSON (kolom {}). Controleer de export uit het zaaksysteem: één gebeurtenis per regel.",
                    place(item),
                    e.column()
                ),
                hash,
            );
        }
    };
    // An id that is refused (a BSN, a control character, too long) is never
    // a key: the event is known by its place in the input instead.
    let id = value
        .get("id")
        .and_then(|v| v.as_str())
        .and_then(crate::event::intake::usable_id)
        .map(str::to_string);
    match event_from_value(value, origin) {
        Ok(event) => Parsed::Valid {
            event: Box::new(event),
            hash,
        },
        Err(e) => Parsed::Invalid {
            key: id.unwrap_or_else(|| item.position_key()),
            hash,
            record: ErrorRecord {
                event_id: e.event_id.clone(),
                file: item.file.clone(),
                line: item.line,
                field: (!e.path.is_empty()).then(|| e.path.clone()),
                message: e.to_string(),
            },
        },
    }
}

fn place(item: &Item) -> String {
    match item.line {
        Some(line) => format!("{} regel {line}", item.file),
        None => item.file.clone(),
    }
}

/// What every event of a run is made with.
pub(super) struct Context<'a> {
    /// The run's options.
    pub(super) options: &'a BatchOptions,
    /// The settings.
    pub(super) config: &'a Config,
    /// The templates.
    pub(super) templates: &'a TemplateSet,
    /// One renderer for each letter format.
    pub(super) renderers: &'a [BoxedRenderer],
    /// The talking points of the call-first tasks.
    pub(super) talking_points: &'a TalkingPoints,
}

impl Context<'_> {
    /// Phase 3, in parallel: route, compose and render one event.
    pub(super) fn make(&self, parsed: &Parsed) -> Made {
        let event = match parsed {
            Parsed::Invalid { record, .. } => return Made::Error(record.clone()),
            Parsed::Valid { event, .. } => event,
        };
        let error = |message: String| {
            Made::Error(ErrorRecord {
                event_id: Some(event.id.clone()),
                file: String::new(),
                line: None,
                field: None,
                message,
            })
        };
        let options = ComposeOptions {
            date: self.options.date,
            draft: false,
        };
        let composed = match compose(event, self.config, self.templates, options) {
            Ok(composed) => composed,
            Err(e @ ComposeError::Dates { .. }) => {
                let field = match &e {
                    ComposeError::Dates { field, .. } => Some(field.clone()),
                    _ => None,
                };
                return Made::Error(ErrorRecord {
                    event_id: Some(event.id.clone()),
                    file: String::new(),
                    line: None,
                    field,
                    message: e.to_string(),
                });
            }
            Err(e) => return error(e.to_string()),
        };
        if self.options.contacts_only && !matches!(composed, Composed::Release) {
            return Made::Error(ErrorRecord {
                event_id: Some(event.id.clone()),
                file: String::new(),
                line: None,
                field: Some("type".to_string()),
                message: format!(
                    "gebeurtenis {}: dit is geen vastgelegd contact ({}). helder release neemt alleen contact_recorded-gebeurtenissen; er is niets gemaakt. Geef andere gebeurtenissen aan helder batch.",
                    event.id, event.event_type
                ),
            });
        }
        if self.options.dry_run {
            return Made::Routed(match composed {
                Composed::Letter(_) => Outcome::Letter,
                Composed::CallFirst(_) => Outcome::Task,
                Composed::Release => Outcome::Contact,
            });
        }
        match composed {
            Composed::Release => Made::Contact(event.clone()),
            Composed::Letter(letter) => {
                match letter_files(&letter, self.renderers, Layout::Batch) {
                    Ok(files) => Made::Letter(files),
                    Err(e) => error(format!(
                        "gebeurtenis {}: de brief kan niet als {} worden gemaakt: {}",
                        event.id, e.format, e.error
                    )),
                }
            }
            Composed::CallFirst(reasons) => {
                let mut task = CallFirstTask::new(
                    event,
                    &reasons,
                    self.talking_points,
                    self.options.date,
                    crate::task::TaskTerms::new(self.config, event.event_type, &reasons),
                );
                let draft_options = ComposeOptions {
                    draft: true,
                    ..options
                };
                let draft = match compose(event, self.config, self.templates, draft_options) {
                    Ok(Composed::Letter(draft)) => Some(draft),
                    _ => None,
                };
                Made::Task(task_files(&mut task, draft.as_deref(), self.renderers).into_files())
            }
        }
    }
}

pub(super) fn count_made(made: &Made, counts: &mut Counts) {
    match made {
        Made::Letter(_) | Made::Routed(Outcome::Letter) => counts.letters += 1,
        Made::Task(_) | Made::Routed(Outcome::Task) => counts.tasks += 1,
        Made::Contact(_) | Made::Routed(_) => counts.contacts += 1,
        Made::Error(_) => counts.errors += 1,
    }
}
