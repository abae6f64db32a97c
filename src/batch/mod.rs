//! `helder batch`: the back office's main job. Every input event ends as
//! exactly one letter, call-first task or error record, and a run that is
//! started again goes on where the last one stopped.
//!
//! The input is read in groups of [`GROUP_SIZE`] events. For each group:
//!
//! 1. the events are parsed and hashed, in parallel (rayon);
//! 2. the journal says which ones are done already (same id, same content:
//!    skipped) and which ones conflict (same id, other content: an error);
//! 3. the rest are routed, composed and rendered, in parallel, in input order;
//! 4. in one thread, in input order: every file is written to a temporary
//!    file and renamed, recorded contacts release held letters, and the rows
//!    go into one journal transaction; then the file system is synced once and
//!    the transaction committed.
//!
//! A crash loses at most the unfinished group: files without a row are made
//! again (with the same bytes), and stray temporary files are removed at
//! the next start. Output depends only on the events, the settings and the
//! letter date, never on the number of threads.

pub mod input;
pub mod journal;

use crate::config::Config;
use crate::event::{CaseEvent, Origin, event_from_value};
use crate::fs::io_reason;
use crate::letter::{ComposeOptions, Composed, compose};
use crate::output::{
    ERRORS_FILE, JOURNAL_FILE, LETTERS_DIR, Layout, OutputFile, SUMMARY_FILE, Storage, TASKS_DIR,
    is_task_json, letter_files, sha256_hex, task_files,
};
use crate::release::{ContactEffect, release_files};
use crate::render::{BoxedRenderer, Format};
use crate::task::{CallFirstTask, TalkingPoints};
use crate::template::TemplateSet;
use chrono::NaiveDate;
use input::{Item, Reader};
use journal::{ErrorRecord, Journal, Outcome, Output, Row};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Events handled together: parsed and rendered in parallel, written and committed at once.
pub const GROUP_SIZE: usize = 256;

/// What to run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// An NDJSON file, a folder of JSON files, or `-`.
    pub input: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The letter formats, in order (the first is the task's held draft reference).
    pub formats: Vec<Format>,
    /// The date on the letters.
    pub date: NaiveDate,
    /// Route and lint only; write nothing but the summary.
    pub dry_run: bool,
}

/// Counts of outcomes, for the progress bar and the summary.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    /// Events read.
    pub events: usize,
    /// Letters written.
    pub letters: usize,
    /// Call-first tasks written.
    pub tasks: usize,
    /// Recorded contacts applied to a task.
    pub contacts: usize,
    /// Held letters released (part of `contacts`).
    pub released: usize,
    /// Events already done in an earlier run (same id, same content).
    pub skipped: usize,
    /// Events that ended as an error record.
    pub errors: usize,
    /// Events by type.
    pub by_type: BTreeMap<String, usize>,
}

impl Counts {
    /// Adds another count to this one.
    pub fn add(&mut self, other: &Counts) {
        self.events += other.events;
        self.letters += other.letters;
        self.tasks += other.tasks;
        self.contacts += other.contacts;
        self.released += other.released;
        self.skipped += other.skipped;
        self.errors += other.errors;
        for (event_type, n) in &other.by_type {
            *self.by_type.entry(event_type.clone()).or_default() += n;
        }
    }
}

/// `summary.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The input as given.
    pub input: String,
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// This run's counts.
    pub counts: Counts,
    /// Rows in the journal by outcome, over all runs.
    pub journal: BTreeMap<String, i64>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Events per second.
    pub events_per_second: f64,
    /// Threads used.
    pub threads: usize,
}

/// Why a batch stopped before the end (exit code 2): nothing more can be written.
#[derive(Debug, thiserror::Error)]
pub enum BatchError {
    /// The input cannot be opened.
    #[error(
        "de invoer {input} kan niet worden gelezen ({reason}). Geef een NDJSON-bestand, een map met JSON-bestanden, of - voor de invoer."
    )]
    Input {
        /// The input.
        input: String,
        /// Why.
        reason: &'static str,
    },
    /// The settings or data files cannot be used.
    #[error("{0}")]
    Settings(String),
    /// A file or the journal cannot be written.
    #[error(
        "{what} kan niet worden geschreven ({reason}). De opdracht is gestopt; wat klaar was, is bewaard. Maak ruimte of kies een andere map met --out, en start dezelfde opdracht opnieuw: helder gaat verder waar het stopte."
    )]
    Write {
        /// What.
        what: String,
        /// Why.
        reason: String,
    },
}

/// The journal could not be read or written.
fn journal_error(e: rusqlite::Error) -> BatchError {
    write_error("het journaal", e)
}

fn write_error(what: impl Into<String>, e: impl std::fmt::Display) -> BatchError {
    BatchError::Write {
        what: what.into(),
        reason: e.to_string(),
    }
}

/// A parsed input item.
enum Parsed {
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

/// A group ready to be written: its items, parsed, and what was made of them.
struct Prepared {
    group: Vec<Item>,
    parsed: Vec<Parsed>,
    made: Vec<Option<Made>>,
}

/// What phase 3 made of an event.
enum Made {
    Letter(Vec<OutputFile>),
    Task(Vec<OutputFile>),
    Contact(Box<CaseEvent>),
    Error(ErrorRecord),
    /// Dry run: the route only.
    Routed(Outcome),
}

/// Runs a batch. `progress` is called after every group with the counts so far.
pub fn run(
    options: &BatchOptions,
    config: &Config,
    templates: &TemplateSet,
    storage: &dyn Storage,
    progress: &mut dyn FnMut(&Counts),
) -> Result<Summary, BatchError> {
    let started = Instant::now();
    let reader = Reader::open(&options.input).map_err(|e| BatchError::Input {
        input: options.input.display().to_string(),
        reason: io_reason(&e),
    })?;
    let talking_points =
        TalkingPoints::load(&config.templates_dir).map_err(BatchError::Settings)?;
    let renderers: Vec<BoxedRenderer> =
        options.formats.iter().map(|f| f.renderer(config)).collect();
    let journal = if options.dry_run {
        None
    } else {
        for dir in [LETTERS_DIR, TASKS_DIR] {
            let path = options.out.join(dir);
            crate::fs::create_private_dir(&path)
                .map_err(|e| write_error(format!("de map {}", path.display()), io_reason(&e)))?;
            remove_temporary_files(&path);
        }
        let journal = Journal::open(&options.out).map_err(|e| {
            write_error(
                format!("het journaal {}", options.out.join(JOURNAL_FILE).display()),
                e,
            )
        })?;
        Some(journal)
    };
    let run_id = match &journal {
        Some(j) => j
            .start_run(&options.input.display().to_string())
            .map_err(journal_error)?,
        None => 0,
    };
    let context = Context {
        options,
        config,
        templates,
        renderers: &renderers,
        talking_points: &talking_points,
    };
    let mut counts = Counts::default();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut reader = reader;
    // One group is written and committed while the next is read and rendered.
    let mut pending: Option<Prepared> = None;
    loop {
        let group: Vec<Item> = reader.by_ref().take(GROUP_SIZE).collect();
        let (stored, prepared) = rayon::join(
            || -> Result<Counts, BatchError> {
                let mut stored = Counts::default();
                if let Some(prepared) = pending.take() {
                    match &journal {
                        Some(journal) => {
                            store(&context, journal, storage, run_id, prepared, &mut stored)?
                        }
                        None => {
                            for m in prepared.made.into_iter().flatten() {
                                count_made(&m, &mut stored);
                            }
                        }
                    }
                }
                Ok(stored)
            },
            || {
                (!group.is_empty()).then(|| {
                    let mut seen_now = Counts::default();
                    let parsed: Vec<Parsed> = group.par_iter().map(parse).collect();
                    let work = decide(
                        &parsed,
                        journal.as_ref(),
                        &options.out,
                        &mut seen,
                        &mut seen_now,
                    );
                    let made: Vec<Option<Made>> = parsed
                        .par_iter()
                        .zip(work.par_iter())
                        .map(|(p, w)| w.then(|| context.make(p)))
                        .collect();
                    (
                        Prepared {
                            group,
                            parsed,
                            made,
                        },
                        seen_now,
                    )
                })
            },
        );
        counts.add(&stored?);
        progress(&counts);
        match prepared {
            Some((prepared, seen_now)) => {
                counts.add(&seen_now);
                pending = Some(prepared);
            }
            None => break,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let mut summary = Summary {
        input: options.input.display().to_string(),
        dry_run: options.dry_run,
        counts,
        journal: BTreeMap::new(),
        seconds,
        events_per_second: 0.0,
        threads: rayon::current_num_threads(),
    };
    summary.events_per_second = if seconds > 0.0 {
        summary.counts.events as f64 / seconds
    } else {
        0.0
    };
    if let Some(journal) = &journal {
        summary.journal = journal
            .counts()
            .map_err(journal_error)?
            .into_iter()
            .collect();
        let mut lines = String::new();
        for record in journal.errors().map_err(journal_error)? {
            lines.push_str(&serde_json::to_string(&record).unwrap_or_default());
            lines.push('\n');
        }
        let path = options.out.join(ERRORS_FILE);
        crate::fs::write_private(&path, lines.as_bytes())
            .map_err(|e| write_error(path.display().to_string(), io_reason(&e)))?;
        journal
            .finish_run(
                run_id,
                &serde_json::to_string(&summary.counts).unwrap_or_default(),
            )
            .map_err(journal_error)?;
    }
    let path = options.out.join(SUMMARY_FILE);
    crate::fs::create_private_dir(&options.out)
        .map_err(|e| write_error(format!("de map {}", options.out.display()), io_reason(&e)))?;
    let text = serde_json::to_string_pretty(&summary).unwrap_or_default();
    crate::fs::write_private(&path, text.as_bytes())
        .map_err(|e| write_error(path.display().to_string(), io_reason(&e)))?;
    Ok(summary)
}

/// Removes temporary files a killed run left behind.
fn remove_temporary_files(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.filter_map(Result::ok) {
            if crate::fs::is_temporary(&entry.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn parse(item: &Item) -> Parsed {
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
    let id = value
        .get("id")
        .and_then(|v| v.as_str())
        .filter(|s| !s.trim().is_empty())
        .map(str::to_string);
    match event_from_value(value, origin) {
        Ok(event) => Parsed::Valid {
            event: Box::new(event),
            hash,
        },
        Err(e) => Parsed::Invalid {
            key: id.clone().unwrap_or_else(|| item.position_key()),
            hash,
            record: ErrorRecord {
                event_id: id,
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

/// Phase 2: which parsed items need work. Skips and conflicts are counted here.
fn decide(
    parsed: &[Parsed],
    journal: Option<&Journal>,
    out: &Path,
    seen: &mut HashMap<String, String>,
    counts: &mut Counts,
) -> Vec<bool> {
    parsed
        .iter()
        .map(|p| {
            counts.events += 1;
            let (key, hash) = match p {
                Parsed::Valid { event, hash } => {
                    *counts
                        .by_type
                        .entry(event.event_type.to_string())
                        .or_default() += 1;
                    (event.id.as_str(), hash.as_str())
                }
                Parsed::Invalid { key, hash, .. } => (key.as_str(), hash.as_str()),
            };
            // Seen earlier in this run.
            if let Some(previous) = seen.get(key) {
                if previous == hash {
                    counts.skipped += 1;
                    return false;
                }
                return true; // a conflict: phase 4 records it
            }
            seen.insert(key.to_string(), hash.to_string());
            let Some(journal) = journal else { return true };
            match journal.get(key) {
                Ok(Some(row)) if row.outcome != Outcome::Error && row.content_hash == hash => {
                    // Done in an earlier run, unless a file it made is gone.
                    let complete = row.outputs.iter().all(|o| out.join(&o.path).is_file());
                    if complete {
                        counts.skipped += 1;
                    }
                    !complete
                }
                _ => true,
            }
        })
        .collect()
}

struct Context<'a> {
    options: &'a BatchOptions,
    config: &'a Config,
    templates: &'a TemplateSet,
    renderers: &'a [BoxedRenderer],
    talking_points: &'a TalkingPoints,
}

impl Context<'_> {
    /// Phase 3, in parallel: route, compose and render one event.
    fn make(&self, parsed: &Parsed) -> Made {
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
            Err(e) => return error(e.to_string()),
        };
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
                    self.config.call_first.deadline_working_days,
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

fn count_made(made: &Made, counts: &mut Counts) {
    match made {
        Made::Letter(_) | Made::Routed(Outcome::Letter) => counts.letters += 1,
        Made::Task(_) | Made::Routed(Outcome::Task) => counts.tasks += 1,
        Made::Contact(_) | Made::Routed(_) => counts.contacts += 1,
        Made::Error(_) => counts.errors += 1,
    }
}

/// Phase 4: write, record, sync, commit — one group.
#[allow(clippy::too_many_arguments)]
fn store(
    context: &Context<'_>,
    journal: &Journal,
    storage: &dyn Storage,
    run: i64,
    prepared: Prepared,
    counts: &mut Counts,
) -> Result<(), BatchError> {
    let Prepared {
        group,
        parsed,
        made,
    } = prepared;
    let out = &context.options.out;
    journal.begin().map_err(journal_error)?;
    let result = (|| -> Result<(), BatchError> {
        for ((item, p), m) in group.iter().zip(&parsed).zip(made) {
            let Some(m) = m else { continue };
            let (key, hash, event) = match p {
                Parsed::Valid { event, hash } => (event.id.clone(), hash.clone(), Some(event)),
                Parsed::Invalid { key, hash, .. } => (key.clone(), hash.clone(), None),
            };
            // The same id with other content: never overwritten, an error of its own.
            let existing = journal.get(&key).map_err(journal_error)?;
            if let Some(row) = &existing
                && row.outcome != Outcome::Error
                && row.content_hash != hash
            {
                counts.errors += 1;
                let record = ErrorRecord {
                    event_id: Some(key.clone()),
                    file: item.file.clone(),
                    line: item.line,
                    field: Some("id".to_string()),
                    message: format!(
                        "gebeurtenis {key}: er is al een gebeurtenis met dit id verwerkt, met een andere inhoud. helder overschrijft niets. Geef elke gebeurtenis een eigen id, of zoek uit welke de juiste is."
                    ),
                };
                journal
                    .put_error(
                        &format!("{key}#{}", &hash[..hash.len().min(12)]),
                        &record,
                        run,
                    )
                    .map_err(journal_error)?;
                continue;
            }
            let base = Row {
                key: key.clone(),
                content_hash: hash,
                event_type: event.map(|e| e.event_type.to_string()),
                case_id: event.map(|e| e.data.case.zaak_id.to_string()),
                route: String::new(),
                outcome: Outcome::Error,
                outputs: Vec::new(),
            };
            let is_task = matches!(m, Made::Task(_));
            match m {
                Made::Letter(files) | Made::Task(files) => {
                    let owned = existing.as_ref().map_or(&[][..], |row| &row.outputs[..]);
                    if let Some(message) = foreign_file(out, &files, owned) {
                        record_error(journal, run, &key, item, Some(&key), message, counts)?;
                        continue;
                    }
                    let outputs = write_all(storage, out, &files)?;
                    let row = Row {
                        route: if is_task { "call_first" } else { "letter" }.to_string(),
                        outcome: if is_task {
                            Outcome::Task
                        } else {
                            Outcome::Letter
                        },
                        outputs,
                        ..base
                    };
                    journal.put(&row, run).map_err(journal_error)?;
                    journal.clear_error(&key).map_err(journal_error)?;
                    if is_task {
                        counts.tasks += 1;
                    } else {
                        counts.letters += 1;
                    }
                }
                Made::Contact(contact) => {
                    match release(context, journal, storage, run, &contact)? {
                        Ok(released) => {
                            let row = Row {
                                route: "release".to_string(),
                                outcome: Outcome::Contact,
                                ..base
                            };
                            journal.put(&row, run).map_err(journal_error)?;
                            journal.clear_error(&key).map_err(journal_error)?;
                            counts.contacts += 1;
                            if released {
                                counts.released += 1;
                            }
                        }
                        Err(message) => {
                            record_error(
                                journal,
                                run,
                                &key,
                                item,
                                Some(&contact.id),
                                message,
                                counts,
                            )?;
                        }
                    }
                }
                Made::Error(record) => {
                    let row = Row {
                        route: "error".to_string(),
                        ..base
                    };
                    journal.put(&row, run).map_err(journal_error)?;
                    journal
                        .put_error(&key, &record, run)
                        .map_err(journal_error)?;
                    counts.errors += 1;
                }
                Made::Routed(_) => {}
            }
        }
        storage
            .sync(out)
            .map_err(|e| write_error(format!("de map {}", out.display()), io_reason(&e)))?;
        Ok(())
    })();
    match result {
        Ok(()) => journal.commit().map_err(journal_error),
        Err(e) => {
            let _ = journal.rollback();
            Err(e)
        }
    }
}

fn record_error(
    journal: &Journal,
    run: i64,
    key: &str,
    item: &Item,
    event_id: Option<&str>,
    message: String,
    counts: &mut Counts,
) -> Result<(), BatchError> {
    counts.errors += 1;
    let record = ErrorRecord {
        event_id: event_id.map(str::to_string),
        file: item.file.clone(),
        line: item.line,
        field: None,
        message,
    };
    journal.put_error(key, &record, run).map_err(journal_error)
}

/// A file in the way that is not helder's: not in the journal for this event,
/// and not the very bytes helder would write (those are left by an interrupted
/// run). A symbolic link is never helder's. Returns the error message.
fn foreign_file(out: &Path, files: &[OutputFile], owned: &[Output]) -> Option<String> {
    for OutputFile { path, bytes } in files {
        let full = out.join(path);
        let Ok(metadata) = std::fs::symlink_metadata(&full) else {
            continue;
        };
        let ours = owned.iter().any(|o| &o.path == path);
        let same = metadata.file_type().is_file()
            && std::fs::read(&full).is_ok_and(|existing| existing == *bytes);
        if metadata.file_type().is_symlink() || (!ours && !same) {
            return Some(format!(
                "{} bestaat al en is niet door helder gemaakt; helder overschrijft het niet. Haal het weg of kies een andere map met --out.",
                full.display()
            ));
        }
    }
    None
}

fn write_all(
    storage: &dyn Storage,
    out: &Path,
    files: &[OutputFile],
) -> Result<Vec<Output>, BatchError> {
    let mut outputs = Vec::with_capacity(files.len());
    for OutputFile { path, bytes } in files {
        let full = out.join(path);
        storage
            .write(&full, bytes)
            .map_err(|e| write_error(full.display().to_string(), io_reason(&e)))?;
        outputs.push(Output {
            path: path.clone(),
            sha256: sha256_hex(bytes),
        });
    }
    Ok(outputs)
}

/// Applies a recorded contact to the open task of its case, through the journal.
/// The outer error stops the run (a write failed); the inner one is an error record.
fn release(
    context: &Context<'_>,
    journal: &Journal,
    storage: &dyn Storage,
    run: i64,
    contact: &CaseEvent,
) -> Result<Result<bool, String>, BatchError> {
    let case_id = contact.data.case.zaak_id.to_string();
    let Some(row) = journal.open_task(&case_id).map_err(journal_error)? else {
        return Ok(Err(format!(
            "gebeurtenis {}: er is geen open taak voor zaak {case_id} in deze map. Controleer het zaaknummer, of verwerk eerst de gebeurtenis die om het gesprek vroeg.",
            contact.id
        )));
    };
    let out = &context.options.out;
    let task_path = row
        .outputs
        .iter()
        .find(|o| is_task_json(&o.path))
        .map(|o| out.join(&o.path));
    let Some(task_path) = task_path else {
        return Ok(Err(format!(
            "gebeurtenis {}: de taak van zaak {case_id} heeft geen bestand",
            contact.id
        )));
    };
    let mut task: CallFirstTask = match std::fs::read_to_string(&task_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
    {
        Some(task) => task,
        None => {
            return Ok(Err(format!(
                "gebeurtenis {}: de taak {} kan niet worden gelezen",
                contact.id,
                task_path.display()
            )));
        }
    };
    let (effect, files) = match release_files(
        &mut task,
        contact,
        context.config,
        context.templates,
        context.options.date,
        context.renderers,
        Layout::Batch,
    ) {
        Ok(made) => made,
        Err(message) => return Ok(Err(message)),
    };
    let released = matches!(effect, ContactEffect::Released { .. });
    let mut outputs = row.outputs.clone();
    for output in write_all(storage, out, &files)? {
        match outputs.iter_mut().find(|o| o.path == output.path) {
            Some(existing) => *existing = output,
            None => outputs.push(output),
        }
    }
    let updated = Row {
        outcome: if released {
            Outcome::Released
        } else {
            Outcome::Task
        },
        outputs,
        ..row
    };
    journal.put(&updated, run).map_err(journal_error)?;
    Ok(Ok(released))
}

/// The open call-first tasks of a batch folder, oldest deadline first.
pub fn open_tasks(out: &Path) -> Result<Vec<CallFirstTask>, String> {
    if !out.join(JOURNAL_FILE).is_file() {
        return Err(format!(
            "{} is geen map van helder batch (er is geen helder.db). Geef de map die u bij --out gaf.",
            out.display()
        ));
    }
    let journal =
        Journal::open(out).map_err(|e| format!("het journaal kan niet worden gelezen ({e})"))?;
    let rows = journal
        .open_tasks()
        .map_err(|e| format!("het journaal kan niet worden gelezen ({e})"))?;
    let mut tasks: Vec<CallFirstTask> = rows
        .iter()
        .filter_map(|row| row.outputs.iter().find(|o| is_task_json(&o.path)))
        .filter_map(|o| std::fs::read_to_string(out.join(&o.path)).ok())
        .filter_map(|text| serde_json::from_str(&text).ok())
        .collect();
    tasks.sort_by(|a, b| (&a.deadline, &a.event_id).cmp(&(&b.deadline, &b.event_id)));
    Ok(tasks)
}
