//! Recording a confirmed call: the `contact_recorded` event written into the
//! batch folder and run through the batch there (the one release path), or
//! why that could not be done.

use super::Recording;
use super::contact_form;
use crate::config::Config;

/// Why a confirmed call could not be recorded.
#[derive(Debug, thiserror::Error)]
pub(super) enum RecordError {
    /// The contact could not be written into the folder.
    #[error(transparent)]
    Write(crate::problem::Problem),
    /// The templates do not load (the first error).
    #[error("de sjablonen kloppen niet: {0}")]
    Templates(crate::template::TemplateError),
    /// The batch could not run over the contact.
    #[error(transparent)]
    Batch(#[from] crate::batch::BatchError),
    /// The batch ran, and the contact became an error record: its message.
    #[error("Het gesprek kon niet worden verwerkt: {0}")]
    Refused(String),
}

/// Writes the `contact_recorded` event of a confirmed form and runs it
/// through the batch in `out`, the one release path; says whether a letter went out.
pub(super) fn record(
    config: &Config,
    lock: &crate::folder::FolderLock,
    task: &crate::task::CallFirstTask,
    recorded: &contact_form::Recorded,
    contact_id: &str,
    at: chrono::DateTime<chrono::Local>,
) -> Result<Recording, RecordError> {
    let out = lock.path();
    let contact = contact_form::contact_event(task, recorded, contact_id, at);
    let dir = out.join(crate::output::CONTACTS_DIR);
    let cannot_write = |place: &std::path::Path, what: &str, e: std::io::Error| {
        RecordError::Write(crate::problem::Problem::new(
            place.display().to_string(),
            format!("{what} ({e})"),
            "Controleer of helder in de uitvoermap mag schrijven en of de schijf niet vol is; het gesprek is nog niet vastgelegd.",
        ))
    };
    crate::fs::create_private_dir(&dir)
        .map_err(|e| cannot_write(&dir, "de map kan niet worden gemaakt", e))?;
    let path = dir.join(format!(
        "{}.json",
        crate::output::file_stem(&contact_form::contact_event_id(task, contact_id))
    ));
    crate::fs::write_private(&path, contact.to_string().as_bytes())
        .map_err(|e| cannot_write(&path, "het bestand kan niet worden geschreven", e))?;
    let templates =
        crate::template::TemplateSet::load(&config.templates_dir, &config.letter.greeting)
            .map_err(|mut errors| RecordError::Templates(errors.remove(0)))?;
    let options = crate::batch::BatchOptions {
        input: path,
        out: out.to_path_buf(),
        formats: vec![crate::render::Format::Pdf, crate::render::Format::Html],
        date: chrono::Local::now().date_naive(),
        dry_run: false,
        contacts_only: true,
    };
    let summary = crate::batch::run_locked(
        lock,
        &options,
        config,
        &templates,
        &crate::output::Disk,
        &mut |_| {},
    )?;
    if summary.counts.errors > 0 {
        let errors =
            std::fs::read_to_string(out.join(crate::output::ERRORS_FILE)).unwrap_or_default();
        let message = errors
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|r| r["event_id"] == contact["id"])
            .filter_map(|r| r["message"].as_str().map(str::to_string))
            .next_back()
            .unwrap_or_else(|| "onbekende fout".to_string());
        return Err(RecordError::Refused(message));
    }
    // What the task says now, not what this run did: a form sent twice is one contact.
    let sent = std::fs::read_to_string(out.join(crate::output::task_json(
        &crate::output::file_stem(&task.event_id),
    )))
    .ok()
    .and_then(|text| serde_json::from_str::<crate::task::CallFirstTask>(&text).ok())
    .is_some_and(|t| t.status == crate::task::TaskStatus::Released);
    Ok(Recording::Done(sent))
}
