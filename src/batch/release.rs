//! A recorded contact in a batch: the open task of its case is found through
//! the journal, and [`crate::release::release_files`] makes the files.

use super::journal::{Journal, Outcome, Row};
use super::make::Context;
use super::store::write_all;
use super::{BatchError, journal_error};
use crate::event::CaseEvent;
use crate::output::{JOURNAL_FILE, Layout, Storage, is_task_json};
use crate::release::{ContactEffect, release_files};
use crate::task::CallFirstTask;
use std::path::Path;

/// Applies a recorded contact to the open task of its case, through the journal.
/// The outer error stops the run (a write failed); the inner one is an error record.
pub(super) fn release(
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
