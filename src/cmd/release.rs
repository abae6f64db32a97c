//! `helder release`: recorded contacts release the letters their tasks hold.
//!
//! For each `contact_recorded` event, the open task of the same case in the
//! tasks folder is found. Reached: the held letter is made again with what
//! was heard, written as a letter, and the task is closed. Not reached: the
//! attempt is recorded; after the policy's number of attempts the letter goes
//! out anyway, with the offer of a home visit or the neighbourhood team that
//! the templates give when nobody was reached.

use super::render::write;
use super::{Outcome, file_stem, read_events};
use crate::cli::ReleaseArgs;
use crate::config::Config;
use crate::event_type::EventType;
use crate::release::{ContactEffect, apply_contact};
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
    out: &mut dyn FnMut(String),
    err: &mut dyn FnMut(String),
) -> anyhow::Result<Outcome> {
    let renderer = super::renderer(args.format, config);
    let mut tasks = load_tasks(&args.tasks)?;
    let mut outcome = Outcome::Success;
    let mut fail = |message: String, outcome: &mut Outcome| {
        err(message);
        *outcome = Outcome::EventErrors;
    };
    for result in read_events(&args.events) {
        let contact = match result {
            Ok(event) => event,
            Err(e) => {
                fail(e.to_string(), &mut outcome);
                continue;
            }
        };
        if contact.event_type != EventType::ContactRecorded {
            fail(
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
        match apply_contact(task, &contact, config, templates, date) {
            Err(message) => fail(message, &mut outcome),
            Ok(ContactEffect::Waiting { unreached, of }) => {
                write(path, task.to_json().as_bytes())?;
                out(format!(
                    "niet bereikt voor zaak {case_id} (poging {unreached} van {of}): de brief blijft wachten. Taak: {}",
                    path.display()
                ));
            }
            Ok(ContactEffect::Released { letter, reached }) => {
                let bytes = renderer
                    .render(&letter)
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
                let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
                let letter_path = folder.join(format!(
                    "{}.{}",
                    file_stem(&letter.event_id),
                    renderer.extension()
                ));
                write(&letter_path, &bytes)?;
                write(path, task.to_json().as_bytes())?;
                let how = if reached {
                    "na het gesprek"
                } else {
                    "zonder gesprek, met een aanbod voor een huisbezoek of het wijkteam"
                };
                out(format!(
                    "brief vrijgegeven {how}: {}",
                    letter_path.display()
                ));
            }
        }
    }
    Ok(outcome)
}

/// Every `*.task.json` in a folder, with its path.
fn load_tasks(dir: &Path) -> anyhow::Result<Vec<(PathBuf, CallFirstTask)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("de map met taken {} kan niet worden gelezen ({}). Geef de map die helder render maakte.", dir.display(), super::io_reason(&e)))?;
    let mut tasks = Vec::new();
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".task.json"))
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
