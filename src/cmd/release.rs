//! `helder release`: recorded contacts release the letters their tasks hold.
//!
//! For each `contact_recorded` event, the open task of the same case in the
//! tasks folder is found. Reached: the held letter is made again with what
//! was heard, written as a letter, and the task is closed. Not reached: the
//! attempt is recorded; after the policy's number of attempts the letter goes
//! out anyway, with the offer of a home visit or the neighbourhood team that
//! the templates give when nobody was reached.

use super::render::write;
use super::{Outcome, Terminal};
use crate::cli::ReleaseArgs;
use crate::config::Config;
use crate::event::EventType;
use crate::event::read_events;
use crate::fs::io_reason;
use crate::output::{Layout, TASKS_DIR, file_stem};
use crate::release::{ContactEffect, release_files};
use crate::task::{CallFirstTask, TaskStatus};
use crate::template::TemplateSet;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Releases held letters for every recorded contact in `args.events`.
pub fn run(
    args: &ReleaseArgs,
    config: &Config,
    templates: &TemplateSet,
    today: NaiveDate,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    let renderers = [args.format.renderer(config)];
    let mut tasks = load_tasks(&args.tasks)?;
    let mut outcome = Outcome::Success;
    let fail = |terminal: &mut dyn Terminal, message: String, outcome: &mut Outcome| {
        terminal.error(&message);
        *outcome = Outcome::EventErrors;
    };
    for result in read_events(&args.events) {
        let contact = match result {
            Ok(event) => event,
            Err(e) => {
                fail(terminal, e.to_string(), &mut outcome);
                continue;
            }
        };
        if contact.event_type != EventType::ContactRecorded {
            fail(
                terminal,
                format!(
                    "gebeurtenis {}: dit is geen vastgelegd contact ({}). Geef alleen contact_recorded-gebeurtenissen aan release.",
                    contact.id, contact.event_type
                ),
                &mut outcome,
            );
            continue;
        }
        let case_id = contact.data.case.zaak_id.to_string();
        let Some((path, task)) = tasks
            .iter_mut()
            .find(|(_, t)| t.case_id == case_id && t.status == TaskStatus::Open)
        else {
            fail(
                terminal,
                format!(
                    "gebeurtenis {}: er is geen open taak voor zaak {case_id} in {}. Controleer het zaaknummer of de map met taken.",
                    contact.id,
                    args.tasks.display()
                ),
                &mut outcome,
            );
            continue;
        };
        let date = args.date.unwrap_or(today);
        let made = release_files(
            task,
            &contact,
            config,
            templates,
            date,
            &renderers,
            Layout::Render,
        );
        let (effect, files) = match made {
            Ok(made) => made,
            Err(message) => {
                fail(terminal, message, &mut outcome);
                continue;
            }
        };
        for file in &files {
            write(&args.tasks.join(&file.path), &file.bytes)?;
        }
        match effect {
            ContactEffect::Waiting { unreached, of } => terminal.line(&format!(
                "niet bereikt voor zaak {case_id} (poging {unreached} van {of}): de brief blijft wachten. Taak: {}",
                path.display()
            )),
            ContactEffect::Released { letter, reached } => {
                let how = if reached {
                    "na het gesprek"
                } else {
                    "zonder gesprek, met een aanbod voor een huisbezoek of het wijkteam"
                };
                let letter_path = args.tasks.join(
                    Layout::Render.letter(&file_stem(&letter.event_id), renderers[0].extension()),
                );
                terminal.line(&format!(
                    "brief vrijgegeven {how}: {}",
                    letter_path.display()
                ));
            }
        }
    }
    Ok(outcome)
}

/// Every task (`tasks/*.json`) in a folder `helder render` wrote to, with its path.
fn load_tasks(dir: &Path) -> anyhow::Result<Vec<(PathBuf, CallFirstTask)>> {
    let tasks_dir = dir.join(TASKS_DIR);
    let entries = std::fs::read_dir(&tasks_dir).map_err(|e| anyhow::anyhow!("de map met taken {} kan niet worden gelezen ({}). Geef de map die helder render maakte.", tasks_dir.display(), io_reason(&e)))?;
    let mut tasks = Vec::new();
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let task: CallFirstTask = serde_json::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{} is geen geldige taak ({e}).", path.display()))?;
        tasks.push((path, task));
    }
    Ok(tasks)
}
