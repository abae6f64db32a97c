//! The last step of the pipeline: where the files of a letter or a call-first
//! task go, and what they hold.
//!
//! This is the one module that spells the output folder's layout. `render`,
//! `batch`, `release` and `serve` ask it for paths and for the files of a
//! letter or a task (every format, the card, the held draft and its hash);
//! they never join a path themselves.
//!
//! ```text
//! OUT/letters/<stem>.<ext>        a letter (batch); `render -o OUT/` puts it straight in OUT/
//! OUT/tasks/<stem>.json           a call-first task, for systems and `release`
//! OUT/tasks/<stem>.txt            its card for the contact person
//! OUT/tasks/<stem>.concept.<ext>  the held draft letter
//! OUT/contacts/                   contacts recorded in `helder serve`
//! OUT/errors.ndjson, OUT/summary.json, OUT/helder.db   batch only
//! ```
//!
//! `<stem>` is the event id, made safe as a file name ([`file_stem`]).

use crate::render::{BoxedRenderer, Letter, RenderError};
use crate::task::{CallFirstTask, HeldLetter};
use std::io;
use std::path::Path;

/// The folder of letters in a batch folder.
pub const LETTERS_DIR: &str = "letters";
/// The folder of call-first tasks, their cards and held drafts.
pub const TASKS_DIR: &str = "tasks";
/// The folder of contacts recorded in `helder serve`.
pub const CONTACTS_DIR: &str = "contacts";
/// The error records of a batch, one JSON object a line.
pub const ERRORS_FILE: &str = "errors.ndjson";
/// The counts and timings of a batch run.
pub const SUMMARY_FILE: &str = "summary.json";
/// The batch journal (SQLite).
pub const JOURNAL_FILE: &str = "helder.db";

/// Which kind of output folder: they differ only in where letters go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A batch folder (`helder batch --out`): letters in `letters/`.
    Batch,
    /// The folder `helder render -o` names: letters straight in it, as asked.
    Render,
}

impl Layout {
    /// A letter's path in the folder, e.g. `letters/evt-1.pdf`.
    pub fn letter(self, stem: &str, extension: &str) -> String {
        match self {
            Layout::Batch => format!("{LETTERS_DIR}/{stem}.{extension}"),
            Layout::Render => format!("{stem}.{extension}"),
        }
    }
}

/// A task's JSON file, e.g. `tasks/evt-1.json`.
pub fn task_json(stem: &str) -> String {
    format!("{TASKS_DIR}/{stem}.json")
}

/// A task's card for the contact person, e.g. `tasks/evt-1.txt`.
pub fn task_card(stem: &str) -> String {
    format!("{TASKS_DIR}/{stem}.txt")
}

/// A task's held draft letter, e.g. `tasks/evt-1.concept.html`.
pub fn task_draft(stem: &str, extension: &str) -> String {
    format!("{TASKS_DIR}/{stem}.concept.{extension}")
}

/// Whether a path in the folder is a task's JSON file.
pub fn is_task_json(path: &str) -> bool {
    path.starts_with(TASKS_DIR) && path.ends_with(".json")
}

/// A file-name-safe form of an event id.
pub fn file_stem(event_id: &str) -> String {
    let stem: String = event_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stem = stem.trim_start_matches('.');
    if stem == event_id {
        return stem.to_string();
    }
    // Changed to be a safe file name: a short hash of the id keeps two ids that
    // differ only in unsafe characters apart.
    let tag = &sha256_hex(event_id.as_bytes())[..8];
    if stem.is_empty() {
        format!("gebeurtenis-{tag}")
    } else {
        format!("{stem}-{tag}")
    }
}

/// SHA-256 of some bytes, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One file to write: its path in the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The path, relative to the output folder (`/` between parts).
    pub path: String,
    /// What goes in it.
    pub bytes: Vec<u8>,
}

/// A letter that could not be made in one of the formats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// The format's name (`pdf`, `html`, …).
    pub format: &'static str,
    /// What went wrong.
    pub error: RenderError,
}

/// The files of a letter, one for each renderer, in order.
pub fn letter_files(
    letter: &Letter,
    renderers: &[BoxedRenderer],
    layout: Layout,
) -> Result<Vec<OutputFile>, FormatError> {
    let stem = file_stem(&letter.event_id);
    renderers
        .iter()
        .map(|renderer| {
            let bytes = renderer.render(letter).map_err(|error| FormatError {
                format: renderer.name(),
                error,
            })?;
            Ok(OutputFile {
                path: layout.letter(&stem, renderer.extension()),
                bytes,
            })
        })
        .collect()
}

/// The files of a call-first task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFiles {
    /// The task as JSON.
    pub json: OutputFile,
    /// The card for the contact person.
    pub card: OutputFile,
    /// The held draft, in every format that could be made of it.
    pub drafts: Vec<OutputFile>,
}

impl TaskFiles {
    /// Every file, the task and its card first.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = vec![self.json, self.card];
        files.extend(self.drafts);
        files
    }
}

/// The files of a call-first task: its JSON and its card, and the held draft
/// in every format that can be made of it. The first draft becomes the task's
/// held letter (its path in the folder and its hash), so it is set before the
/// JSON and the card are made.
pub fn task_files(
    task: &mut CallFirstTask,
    draft: Option<&Letter>,
    renderers: &[BoxedRenderer],
) -> TaskFiles {
    let stem = file_stem(&task.event_id);
    let mut drafts = Vec::new();
    if let Some(draft) = draft {
        for renderer in renderers {
            if let Ok(bytes) = renderer.render(draft) {
                let path = task_draft(&stem, renderer.extension());
                if task.held_letter.is_none() {
                    task.held_letter = Some(HeldLetter {
                        path: path.clone(),
                        sha256: sha256_hex(&bytes),
                    });
                }
                drafts.push(OutputFile { path, bytes });
            }
        }
    }
    let [json, card] = task_record(task);
    TaskFiles { json, card, drafts }
}

/// A task's JSON and card, as they are now (after a recorded contact, say).
pub fn task_record(task: &CallFirstTask) -> [OutputFile; 2] {
    let stem = file_stem(&task.event_id);
    [
        OutputFile {
            path: task_json(&stem),
            bytes: task.to_json().into_bytes(),
        },
        OutputFile {
            path: task_card(&stem),
            bytes: task.card().into_bytes(),
        },
    ]
}

/// Where files are written. [`Disk`] is the real one; tests use another to
/// make a write fail on purpose.
pub trait Storage: Sync {
    /// Writes a file atomically (temporary file, rename), readable only by the owner.
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Makes every write so far durable.
    fn sync(&self, dir: &Path) -> io::Result<()>;
}

/// The file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl Storage for Disk {
    fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        crate::fs::write_private_unsynced(path, bytes)
    }
    fn sync(&self, dir: &Path) -> io::Result<()> {
        crate::fs::sync_filesystem(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_ids_get_a_safe_stem_that_keeps_them_apart() {
        assert_eq!(file_stem("evt-2026-000101"), "evt-2026-000101");
        let a = file_stem("../etc/passwd");
        let b = file_stem("__etc_passwd");
        assert!(!a.contains('/') && !a.starts_with('.'), "{a}");
        assert_ne!(a, b);
        assert!(file_stem("...").starts_with("gebeurtenis-"));
    }

    #[test]
    fn letters_go_in_letters_only_in_a_batch_folder_and_tasks_always_in_tasks() {
        assert_eq!(Layout::Batch.letter("e", "pdf"), "letters/e.pdf");
        assert_eq!(Layout::Render.letter("e", "pdf"), "e.pdf");
        assert_eq!(task_json("e"), "tasks/e.json");
        assert_eq!(task_card("e"), "tasks/e.txt");
        assert_eq!(task_draft("e", "html"), "tasks/e.concept.html");
        assert!(is_task_json(&task_json("e")) && !is_task_json(&task_card("e")));
    }
}
