//! Phases 1 to 3 of a batch, group after group: read, parse and decide what
//! needs work, make it in parallel, and hand the group to [`super::store`]
//! while the next one is read.

use super::input::{Item, Reader};
use super::journal::{Journal, JournalError, Outcome};
use super::make::{Context, Made, Parsed, count_made, parse};
use super::store::store;
use super::{
    BatchError, BatchOptions, Counts, GROUP_SIZE, MovedDeadline, Summary, journal_error,
    write_error,
};
use crate::config::Config;
use crate::folder::FolderLock;
use crate::fs::io_reason;
use crate::output::{
    ERRORS_FILE, JOURNAL_FILE, LETTERS_DIR, SUMMARY_FILE, Storage, TASKS_DIR, sha256_hex,
};
use crate::render::BoxedRenderer;
use crate::task::TalkingPoints;
use crate::template::TemplateSet;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

/// A group ready to be written: its items, parsed, and what was made of them.
pub(super) struct Prepared {
    /// The input items.
    pub(super) group: Vec<Item>,
    /// Each item parsed.
    pub(super) parsed: Vec<Parsed>,
    /// What was made of each item that needed work.
    pub(super) made: Vec<Option<Made>>,
}

/// Runs a batch. `progress` is called after every group with the counts so far.
///
/// The output folder is held for the whole run ([`crate::folder::lock`]): when
/// another run holds it, this one stops at once with [`crate::folder::FolderError::Busy`].
pub fn run(
    options: &BatchOptions,
    config: &Config,
    templates: &TemplateSet,
    storage: &dyn Storage,
    progress: &mut dyn FnMut(&Counts),
) -> Result<Summary, BatchError> {
    let lock = crate::folder::lock(&options.out, false, &mut || {})?;
    run_locked(&lock, options, config, templates, storage, progress)
}

/// Runs a batch in an output folder this process holds already (the call
/// page of `helder serve` takes the lock before it writes the contact;
/// `helder batch --wait` waits for it first).
pub fn run_locked(
    lock: &FolderLock,
    options: &BatchOptions,
    config: &Config,
    templates: &TemplateSet,
    storage: &dyn Storage,
    progress: &mut dyn FnMut(&Counts),
) -> Result<Summary, BatchError> {
    if lock.path() != options.out {
        return Err(BatchError::Settings(crate::problem::Problem::new(
            options.out.display().to_string(),
            format!(
                "dit is niet de map die vastgehouden wordt ({})",
                lock.path().display()
            ),
            "Geef run_locked de map die met folder::lock is vastgezet.",
        )));
    }
    let started = Instant::now();
    let reader = Reader::open(&options.input).map_err(|e| BatchError::Input {
        input: options.input.display().to_string(),
        reason: io_reason(&e),
    })?;
    let talking_points = TalkingPoints::load(&config.templates_dir)?;
    let renderers: Vec<BoxedRenderer> =
        options.formats.iter().map(|f| f.renderer(config)).collect();
    let journal = if options.dry_run {
        None
    } else {
        for dir in [LETTERS_DIR, TASKS_DIR] {
            let path = crate::folder::check_folder(&options.out, dir)?;
            remove_temporary_files(&path);
        }
        let journal = open_journal(&options.out)?;
        if !lock.advisory() {
            journal.0.hold_exclusively().map_err(journal_error)?;
        }
        Some(journal)
    };
    // The files of helder's that a run replaces: refused when they are not helder's.
    for name in [SUMMARY_FILE, ERRORS_FILE] {
        if let Some(path) = crate::folder::check_file(&options.out, name)? {
            let ours = match &journal {
                Some((journal, fresh)) => is_own_file(journal, *fresh, name, &path)?,
                None => name == SUMMARY_FILE && is_summary(&path),
            };
            if !ours {
                return Err(crate::folder::FolderError::Foreign(path).into());
            }
        }
    }
    let journal = journal.map(|(journal, _)| journal);
    let run_id = match &journal {
        Some(j) => j
            .start_run(&crate::event::bsn::mask_possible_bsns(
                &options.input.display().to_string(),
            ))
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
        input: crate::event::bsn::mask_possible_bsns(&options.input.display().to_string()),
        dry_run: options.dry_run,
        counts,
        journal: BTreeMap::new(),
        deadline_moves: Vec::new(),
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
        summary.deadline_moves = journal
            .deadline_moves_of_run(run_id)
            .map_err(journal_error)?
            .into_iter()
            .map(|(event_id, label, from, to)| MovedDeadline {
                event_id,
                label,
                from,
                to,
            })
            .collect();
        let mut lines = String::new();
        for record in journal.errors().map_err(journal_error)? {
            lines.push_str(&serde_json::to_string(&record).unwrap_or_default());
            lines.push('\n');
        }
        let path = options.out.join(ERRORS_FILE);
        journal
            .own_file(ERRORS_FILE, &sha256_hex(lines.as_bytes()))
            .map_err(journal_error)?;
        crate::fs::write_private(&path, lines.as_bytes())
            .map_err(|e| write_error(path.display().to_string(), &e))?;
        journal
            .finish_run(
                run_id,
                &serde_json::to_string(&summary.counts).unwrap_or_default(),
            )
            .map_err(journal_error)?;
    }
    let path = options.out.join(SUMMARY_FILE);
    let text = serde_json::to_string_pretty(&summary).unwrap_or_default();
    if let Some(journal) = &journal {
        journal
            .own_file(SUMMARY_FILE, &sha256_hex(text.as_bytes()))
            .map_err(journal_error)?;
    }
    crate::fs::write_private(&path, text.as_bytes())
        .map_err(|e| write_error(path.display().to_string(), &e))?;
    Ok(summary)
}

/// Opens the journal of a batch folder, made 0600, refusing a link (for the
/// database and its `-wal` and `-shm` files) and a database that is not
/// helder's. Also says whether the journal is new in this run.
fn open_journal(out: &Path) -> Result<(Journal, bool), BatchError> {
    for name in [JOURNAL_FILE, "helder.db-wal", "helder.db-shm"] {
        crate::folder::check_file(out, name)?;
    }
    let path = out.join(JOURNAL_FILE);
    let fresh = std::fs::metadata(&path).map_or(true, |m| m.len() == 0);
    make_private_file(&path).map_err(|e| write_error(path.display().to_string(), &e))?;
    let journal = Journal::open(out).map_err(|e| match e {
        JournalError::Foreign => {
            BatchError::from(crate::folder::FolderError::Foreign(path.clone()))
        }
        JournalError::Sqlite(e) => journal_error(e),
    })?;
    Ok((journal, fresh))
}

/// Makes a file (empty) readable only by its owner, or makes it so when it is there.
fn make_private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .open(path)?;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(())
    }
}

/// Whether `summary.json` or `errors.ndjson` is one helder wrote: its
/// contents are recorded in the journal. In a folder whose journal is older
/// than that record, a file without a record counts as helder's; in a folder
/// without a journal, nothing does (but a summary of a dry run).
fn is_own_file(
    journal: &Journal,
    fresh: bool,
    name: &str,
    path: &Path,
) -> Result<bool, BatchError> {
    let bytes = std::fs::read(path).map_err(|e| write_error(path.display().to_string(), &e))?;
    if journal
        .is_own_file(name, &sha256_hex(&bytes))
        .map_err(journal_error)?
    {
        return Ok(true);
    }
    let recorded = journal.is_recorded(name).map_err(journal_error)?;
    Ok(!fresh && !recorded || name == SUMMARY_FILE && !recorded && is_summary(path))
}

/// Whether a file is a `summary.json` as helder writes it (a dry run leaves
/// one without a journal): an object with the fields of [`Summary`].
fn is_summary(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&text) else {
        return false;
    };
    let Ok(serde_json::Value::Object(shape)) = serde_json::to_value(Summary::default()) else {
        return false;
    };
    map.keys().eq(shape.keys())
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
                // A closed task never changes again, not even when a file of it went missing.
                Ok(Some(row))
                    if matches!(
                        row.outcome,
                        Outcome::Released | Outcome::Withdrawn | Outcome::Revised
                    ) && row.content_hash == hash =>
                {
                    counts.skipped += 1;
                    false
                }
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
