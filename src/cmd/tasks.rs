//! `helder tasks DIR`: the open call-first tasks of a batch folder, oldest
//! deadline first, as a table or as JSON. No name or phone number of the
//! person: only where the card is (the card has them, for the contact person).

use super::{Outcome, Terminal};
use crate::cli::{TasksArgs, TasksFormat};
use crate::output::{file_stem, task_card};
use crate::task::CallFirstTask;

/// Lists the open tasks of `args.dir`.
pub fn run(args: &TasksArgs, terminal: &mut dyn Terminal) -> anyhow::Result<Outcome> {
    let tasks = crate::batch::open_tasks(&args.dir).map_err(|e| anyhow::anyhow!(e))?;
    match args.format {
        TasksFormat::Json => {
            let rows: Vec<serde_json::Value> = tasks.iter().map(task_row).collect();
            terminal.line(&serde_json::to_string_pretty(&rows)?);
        }
        TasksFormat::Text => {
            terminal.line(&format!(
                "{:<11} {:<18} {:<26} {:<20} {:<28} KAART",
                "UITERLIJK", "ZAAK", "SOORT", "CONTACTPERSOON", "WAAROM"
            ));
            for task in &tasks {
                let reasons: Vec<&str> = task.reasons.iter().map(|r| r.code.as_str()).collect();
                terminal.line(&format!(
                    "{:<11} {:<18} {:<26} {:<20} {:<28} {}",
                    task.deadline,
                    task.case_id,
                    task.event_type.as_str(),
                    task.contact_person.name,
                    reasons.join(","),
                    args.dir
                        .join(task_card(&file_stem(&task.event_id)))
                        .display()
                ));
            }
            terminal.line(&format!(
                "{} open {}.",
                tasks.len(),
                crate::dutch::plural(tasks.len(), "taak", "taken")
            ));
        }
    }
    Ok(Outcome::Success)
}

/// One open task as the list shows it.
fn task_row(task: &CallFirstTask) -> serde_json::Value {
    serde_json::json!({
        "deadline": task.deadline,
        "task_id": task.task_id,
        "event_id": task.event_id,
        "case_id": task.case_id,
        "event_type": task.event_type.as_str(),
        "contact_person": task.contact_person.name,
        "reasons": task.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        "attempts": task.attempts.len(),
    })
}
