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
//!    file and renamed, recorded contacts are applied to their tasks through
//!    the one release path ([`release`]), and the rows go into one journal
//!    transaction; then the file system is synced once and the transaction
//!    committed.
//!
//! A crash loses at most the unfinished group: files without a row are made
//! again (with the same bytes), and stray temporary files are removed at
//! the next start. Output depends only on the events, the settings and the
//! letter date, never on the number of threads.
//!
//! [`run`] (phases 1–3), `make` (phase 3), `store` (phase 4) and [`release`]
//! (a recorded contact, through the journal: the one release path that
//! `helder release` and the call page use too) are the steps; [`input`] reads
//! the events and [`journal`] remembers what became of them.

pub mod input;
pub mod journal;
mod make;
pub mod release;
mod run;
mod store;

pub use release::open_tasks;
pub use run::{run, run_locked};

use crate::render::Format;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// Take recorded contacts only (`helder release`): any other event is an error record.
    pub contacts_only: bool,
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
    /// Held letters withdrawn: no letter went out (part of `contacts`).
    pub withdrawn: usize,
    /// Held letters set aside until the case is changed (part of `contacts`).
    pub revised: usize,
    /// Contacts that were applied before and changed nothing.
    pub repeated: usize,
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
        self.withdrawn += other.withdrawn;
        self.revised += other.revised;
        self.repeated += other.repeated;
        self.skipped += other.skipped;
        self.errors += other.errors;
        for (event_type, n) in &other.by_type {
            *self.by_type.entry(event_type.clone()).or_default() += n;
        }
    }
}

/// `summary.json`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// The input as given.
    pub input: String,
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// This run's counts.
    pub counts: Counts,
    /// Rows in the journal by outcome, over all runs.
    pub journal: BTreeMap<String, i64>,
    /// Deadlines moved in this run when a held letter went out, for the case system.
    pub deadline_moves: Vec<MovedDeadline>,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Events per second.
    pub events_per_second: f64,
    /// Threads used.
    pub threads: usize,
}

/// A deadline moved when a held letter went out, so that the letter left enough time.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MovedDeadline {
    /// The held event whose letter went out.
    pub event_id: String,
    /// What has to happen by then (the deadline's label).
    pub label: String,
    /// The date in the event.
    pub from: String,
    /// The date in the letter.
    pub to: String,
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
    Settings(#[from] crate::problem::Problem),
    /// The output folder cannot be used: in use, a link, not a folder, a
    /// file in the way that is not helder's. Nothing was done.
    #[error(transparent)]
    Folder(#[from] crate::folder::FolderError),
    /// A file or the journal cannot be written.
    #[error(
        "{what} kan niet worden geschreven ({reason}). De opdracht is gestopt; wat klaar was, is bewaard. {fix}, en start dezelfde opdracht opnieuw: helder gaat verder waar het stopte."
    )]
    Write {
        /// What.
        what: String,
        /// Why.
        reason: String,
        /// What to do about it.
        fix: &'static str,
    },
}

/// The journal could not be read or written: the cause SQLite gives, in Dutch.
pub(super) fn journal_error(e: rusqlite::Error) -> BatchError {
    use rusqlite::ErrorCode as C;
    let kind = match e.sqlite_error_code() {
        Some(C::DiskFull) => Some(std::io::ErrorKind::StorageFull),
        Some(C::ReadOnly) => Some(std::io::ErrorKind::ReadOnlyFilesystem),
        Some(C::PermissionDenied | C::CannotOpen) => Some(std::io::ErrorKind::PermissionDenied),
        _ => None,
    };
    match kind {
        Some(kind) => write_error("het journaal", &std::io::Error::from(kind)),
        None => BatchError::Write {
            what: "het journaal".to_string(),
            reason: "de database gaf een fout".to_string(),
            fix: "Controleer de map en de schijf, of kies een andere map met --out",
        },
    }
}

/// A file could not be written, for the reason `e` gives.
pub(super) fn write_error(what: impl Into<String>, e: &std::io::Error) -> BatchError {
    BatchError::Write {
        what: what.into(),
        reason: crate::fs::io_reason(e).to_string(),
        fix: crate::fs::write_fix(e),
    }
}
