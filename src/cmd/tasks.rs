//! `helder tasks DIR`: the open call-first tasks of a batch folder, "niet
//! bereikt" first, then the earliest deadline; `--contact NAME` and
//! `--overdue` narrow the list. The list names no client: it says where the
//! card is (the card has the name and number, for the contact person).

use super::{Outcome, Terminal};
use crate::batch::open_tasks;
use crate::cli::{TasksArgs, TasksFormat};
use crate::output::{file_stem, task_card};
use crate::problem::Problem;
use crate::task::{CallFirstTask, TaskStatus};
use chrono::NaiveDate;
use serde_json::{Value, json};

/// Lists the open tasks of `args.dir`.
pub fn run(args: &TasksArgs, terminal: &mut dyn Terminal) -> anyhow::Result<Outcome> {
    let today = chrono::Local::now().date_naive();
    for line in lines(args, today)? {
        terminal.line(&line);
    }
    Ok(Outcome::Success)
}

/// The lines to print; the error says which folder, what is wrong and what to do.
pub fn lines(args: &TasksArgs, today: NaiveDate) -> Result<Vec<String>, Problem> {
    let tasks: Vec<CallFirstTask> = open_tasks(&args.dir)?
        .into_iter()
        .filter(|t| {
            args.contact
                .as_deref()
                .is_none_or(|c| t.is_for_contact_person(c))
        })
        .filter(|t| !args.overdue || t.is_overdue(today))
        .collect();
    match args.format {
        TasksFormat::Json => {
            let rows: Vec<Value> = tasks.iter().map(|t| row(t, today)).collect();
            Ok(vec![
                serde_json::to_string_pretty(&rows).unwrap_or_default(),
            ])
        }
        TasksFormat::Text => {
            let mut out = vec![format!(
                "{:<13} {:<11} {:<18} {:<26} {:<20} {:<8} KAART",
                "STAND", "UITERLIJK", "ZAAK", "SOORT", "CONTACTPERSOON", "POGINGEN"
            )];
            for task in &tasks {
                out.push(format!(
                    "{:<13} {:<11} {:<18} {:<26} {:<20} {:<8} {}",
                    standing(task, today),
                    task.deadline,
                    task.case_id,
                    task.event_type.as_str(),
                    task.contact_person.name,
                    task.attempts.len(),
                    args.dir
                        .join(task_card(&file_stem(&task.event_id)))
                        .display()
                ));
            }
            let unreached = tasks
                .iter()
                .filter(|t| t.status == TaskStatus::Unreached)
                .count();
            out.push(format!(
                "{} open {}, waarvan {unreached} niet bereikt.",
                tasks.len(),
                crate::dutch::plural(tasks.len(), "taak", "taken"),
            ));
            Ok(out)
        }
    }
}

/// Where a task stands in a few words: niet bereikt, te laat, or open.
fn standing(task: &CallFirstTask, today: NaiveDate) -> &'static str {
    if task.status == TaskStatus::Unreached {
        "niet bereikt"
    } else if task.is_overdue(today) {
        "te laat"
    } else {
        "open"
    }
}

/// One open task as the JSON list shows it.
fn row(task: &CallFirstTask, today: NaiveDate) -> Value {
    json!({
        "status": task.status.as_str(),
        "overdue": task.is_overdue(today),
        "deadline": task.deadline,
        "task_id": task.task_id,
        "event_id": task.event_id,
        "case_id": task.case_id,
        "event_type": task.event_type.as_str(),
        "contact_person": task.contact_person.name,
        "reasons": task.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        "attempts": task.attempts.len(),
        "unreached_attempts": task.unreached_attempts(),
    })
}
