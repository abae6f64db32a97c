//! Phase 4 of a batch, in one thread and in input order: write every file
//! atomically, apply recorded contacts through the one release path
//! ([`super::release`]), put the rows in one journal transaction, sync the
//! file system once, and commit.

use super::input::Item;
use super::journal::{ErrorRecord, Journal, Outcome, Output, Row};
use super::make::{Context, Made, Parsed};
use super::release;
use super::run::Prepared;
use super::{BatchError, Counts, journal_error, write_error};
use crate::after_call::Effect;
use crate::output::{OutputFile, Storage, is_task_json, sha256_hex, task_record};
use crate::task::CallFirstTask;
use std::path::Path;

/// Phase 4: write, record, sync, commit — one group.
#[allow(clippy::too_many_arguments)]
pub(super) fn store(
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
                    let files = match &existing {
                        Some(row) if is_task && row.outcome == Outcome::Task => {
                            keep_attempts(journal, files)?
                        }
                        _ => files,
                    };
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
                    let releaser = release::Releaser {
                        config: context.config,
                        templates: context.templates,
                        renderers: context.renderers,
                        out,
                        date: context.options.date,
                    };
                    match release::apply(&releaser, journal, storage, run, &contact)? {
                        Ok(applied) => {
                            let row = Row {
                                route: "release".to_string(),
                                outcome: Outcome::Contact,
                                ..base
                            };
                            journal.put(&row, run).map_err(journal_error)?;
                            journal.clear_error(&key).map_err(journal_error)?;
                            match applied {
                                release::Applied::AlreadyApplied => counts.repeated += 1,
                                release::Applied::Recorded { effect, .. } => {
                                    counts.contacts += 1;
                                    match effect {
                                        Effect::Send { .. } => counts.released += 1,
                                        Effect::Withdraw => counts.withdrawn += 1,
                                        Effect::Revise => counts.revised += 1,
                                        Effect::Waiting { .. } | Effect::Unreached { .. } => {}
                                    }
                                }
                            }
                        }
                        Err(refused) => {
                            counts.errors += 1;
                            let record = ErrorRecord {
                                event_id: Some(contact.id.clone()),
                                file: item.file.clone(),
                                line: item.line,
                                field: refused.field,
                                message: refused.message,
                            };
                            journal
                                .put_error(&key, &record, run)
                                .map_err(journal_error)?;
                        }
                    }
                }
                Made::Error(mut record) => {
                    // Records made while composing know the event, not where it came from.
                    if record.file.is_empty() {
                        record.file = item.file.clone();
                        record.line = item.line;
                    }
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
            .map_err(|e| write_error(format!("de map {}", out.display()), &e))?;
        crash_here_when_asked();
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

/// An open task made again (a file of it went missing) keeps the attempts
/// the journal holds: its JSON and card are written anew with them.
fn keep_attempts(journal: &Journal, files: Vec<OutputFile>) -> Result<Vec<OutputFile>, BatchError> {
    let Some(task) = files
        .iter()
        .find(|f| is_task_json(&f.path))
        .and_then(|f| serde_json::from_slice::<CallFirstTask>(&f.bytes).ok())
    else {
        return Ok(files);
    };
    let task = release::with_recorded_attempts(journal, task)?;
    let record = task_record(&task);
    Ok(files
        .into_iter()
        .map(|file| {
            record
                .iter()
                .find(|r| r.path == file.path)
                .cloned()
                .unwrap_or(file)
        })
        .collect())
}

/// Crash testing: with `HELDER_FAILPOINT=kill-before-commit`, the process
/// kills itself (SIGKILL) after a group's files are written and synced and
/// before its journal rows are committed — the worst moment for a crash. The
/// tests use it to show that a contact applied again counts once.
///
/// Only in debug builds (the ones `cargo test` makes): a release build has no
/// such hook, so no environment variable can make a production run crash.
#[cfg(debug_assertions)]
fn crash_here_when_asked() {
    if std::env::var_os("HELDER_FAILPOINT").is_some_and(|v| v == "kill-before-commit") {
        let _ =
            rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::KILL);
    }
}

/// A release build has no crash hook (see the debug build's version).
#[cfg(not(debug_assertions))]
fn crash_here_when_asked() {}

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
pub(super) fn foreign_file(out: &Path, files: &[OutputFile], owned: &[Output]) -> Option<String> {
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

pub(super) fn write_all(
    storage: &dyn Storage,
    out: &Path,
    files: &[OutputFile],
) -> Result<Vec<Output>, BatchError> {
    let mut outputs = Vec::with_capacity(files.len());
    for OutputFile { path, bytes } in files {
        let full = out.join(path);
        storage
            .write(&full, bytes)
            .map_err(|e| write_error(full.display().to_string(), &e))?;
        outputs.push(Output {
            path: path.clone(),
            sha256: sha256_hex(bytes),
        });
    }
    Ok(outputs)
}
