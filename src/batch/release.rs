//! The one release path (DESIGN.md §3, "After the call"). `helder batch`,
//! `helder release` and the call page of `helder serve` all apply a recorded
//! contact here, inside the journal transaction of the group that records it:
//!
//! 1. the task: the held event named by `prior_contact.event_id`, or the
//!    case's one open task; with several open and no `event_id`, the contact
//!    is refused and the refusal names the open tasks' event ids;
//! 2. a contact id already applied for the case changes nothing (a rerun,
//!    `release` twice, a crash between writing the files and committing);
//! 3. a task that is released, withdrawn or revised never changes again;
//! 4. [`after_call::decide`] says what the contact does: send, withdraw,
//!    revise, wait for another attempt, or wait as "niet bereikt";
//! 5. to send, the held event is made again with this contact and dated the
//!    run's day: close deadlines move (and the moves are recorded), the dates
//!    and the tone are checked, and the letter is written in every format;
//! 6. the task and its card are written with the attempts the journal holds,
//!    so a task file left by a crash never counts an attempt twice.
//!
//! Everything that can refuse a contact is checked before anything is written.

use super::journal::{Journal, Outcome, Row};
use super::store::{foreign_file, write_all};
use super::{BatchError, journal_error};
use crate::after_call::{self, Effect, Try};
use crate::compose::{ComposeOptions, build_letter, tone_errors, untrue_claims};
use crate::config::Config;
use crate::event::{CaseEvent, Origin, PriorContact, event_from_value};
use crate::letter_dates::{check, move_close_deadlines};
use crate::output::{
    JOURNAL_FILE, Layout, OutputFile, Storage, is_task_json, letter_files, task_record,
};
use crate::problem::Problem;
use crate::render::BoxedRenderer;
use crate::task::{Attempt, CallFirstTask, Closed, TaskStatus};
use crate::template::TemplateSet;
use chrono::NaiveDate;
use std::path::Path;

/// What the release path needs besides the journal.
pub struct Releaser<'a> {
    /// The settings (policy, templates folder, municipality).
    pub config: &'a Config,
    /// The letter templates.
    pub templates: &'a TemplateSet,
    /// The letter formats to write, in order.
    pub renderers: &'a [BoxedRenderer],
    /// The batch folder.
    pub out: &'a Path,
    /// The day of the run: a released letter carries it.
    pub date: NaiveDate,
}

/// What became of a contact that was not refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// The contact was recorded on the task of `event_id`, with this effect.
    Recorded {
        /// The held event of the task.
        event_id: String,
        /// What it did.
        effect: Effect,
    },
    /// The contact was applied before: nothing changed.
    AlreadyApplied,
}

/// Why a contact was not applied: an error record, and nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The JSON path involved, when there is one.
    pub field: Option<String>,
    /// What is wrong and how to fix it, in Dutch, without a value from the event.
    pub message: String,
}

fn refuse(field: Option<&str>, message: String) -> Result<Result<Applied, Refused>, BatchError> {
    Ok(Err(Refused {
        field: field.map(str::to_string),
        message,
    }))
}

/// Applies a `contact_recorded` event to its task, inside the open journal
/// transaction. The outer error stops the run (a write failed); the inner
/// one is an error record for the contact.
pub fn apply(
    releaser: &Releaser<'_>,
    journal: &Journal,
    storage: &dyn Storage,
    run: i64,
    contact: &CaseEvent,
) -> Result<Result<Applied, Refused>, BatchError> {
    let Some(prior) = &contact.data.prior_contact else {
        return refuse(
            Some("data.prior_contact"),
            format!(
                "gebeurtenis {}: het vastgelegde contact ontbreekt (data.prior_contact)",
                contact.id
            ),
        );
    };
    let case_id = contact.data.case.zaak_id.as_str();
    let contact_id = prior.contact_id.as_str();
    let wanted = prior.event_id.as_ref().map(|t| t.as_str());

    // A contact counts once, and answers one task.
    if let Some(task_key) = journal
        .contact_task(case_id, contact_id)
        .map_err(journal_error)?
    {
        if wanted.is_some_and(|w| w != task_key) {
            return refuse(
                Some("data.prior_contact.contact_id"),
                format!(
                    "gebeurtenis {}: dit contact is al vastgelegd bij de taak van gebeurtenis {task_key}. Eén contact hoort bij één taak: geef een nieuw contact een eigen contact_id.",
                    contact.id
                ),
            );
        }
        return Ok(Ok(Applied::AlreadyApplied));
    }

    let row = match find_task(journal, contact, case_id, wanted)? {
        Ok(row) => row,
        Err(refused) => return Ok(Err(refused)),
    };
    if row.outcome != Outcome::Task {
        let what = match row.outcome {
            Outcome::Released => "de brief is al verstuurd",
            Outcome::Withdrawn => "de brief is ingetrokken",
            _ => "de brief is vervangen door een nieuwe gebeurtenis",
        };
        return refuse(
            Some("data.prior_contact.event_id"),
            format!(
                "gebeurtenis {}: de taak van gebeurtenis {} is gesloten ({what}) en verandert niet meer. Is er iets nieuws in de zaak? Laat het zaaksysteem dan een nieuwe gebeurtenis sturen.",
                contact.id, row.key
            ),
        );
    }
    let out = releaser.out;
    let Some(mut task) = read_task(out, &row) else {
        return refuse(
            None,
            format!(
                "gebeurtenis {}: de taak van gebeurtenis {} kan niet worden gelezen. Verwerk de gebeurtenis {} opnieuw met helder batch, dan wordt de taak opnieuw gemaakt.",
                contact.id, row.key, row.key
            ),
        );
    };
    task.attempts = attempts_of(journal, &row.key)?;
    let attempt = Attempt {
        contact_id: contact_id.to_string(),
        at: prior.at.0.to_rfc3339(),
        outcome: prior.outcome,
        channel: Some(prior.channel),
        decision: prior.decision,
        reason_given: prior.reason_given,
    };
    task.attempts.push(attempt.clone());
    let effect = after_call::decide(
        &tries(&task.attempts),
        prior.outcome,
        prior.decision,
        task.rules,
    );

    let mut files: Vec<OutputFile> = Vec::new();
    match effect {
        Effect::Send { .. } => {
            let made = match release_letter(releaser, &task, prior) {
                Ok(made) => made,
                Err(refused) => return Ok(Err(refused)),
            };
            if let Some(message) = foreign_file(out, &made.files, &row.outputs) {
                return refuse(None, message);
            }
            task.deadline_moves = made.moves;
            files.extend(made.files);
            task.status = TaskStatus::Released;
        }
        Effect::Withdraw => task.status = TaskStatus::Withdrawn,
        Effect::Revise => task.status = TaskStatus::Revised,
        Effect::Waiting { .. } => task.status = TaskStatus::Open,
        Effect::Unreached { .. } => task.status = TaskStatus::Unreached,
    }
    if effect.closes() {
        task.closed = Some(Closed {
            on: releaser.date.format("%Y-%m-%d").to_string(),
            contact_id: contact_id.to_string(),
        });
    }
    files.extend(task_record(&task));

    // Nothing refused it: write, then record in the open transaction.
    let mut outputs = row.outputs.clone();
    for output in write_all(storage, out, &files)? {
        match outputs.iter_mut().find(|o| o.path == output.path) {
            Some(existing) => *existing = output,
            None => outputs.push(output),
        }
    }
    let attempt_json = serde_json::to_string(&attempt).unwrap_or_default();
    journal
        .put_attempt(
            case_id,
            contact_id,
            &row.key,
            &contact.id,
            &attempt_json,
            run,
        )
        .map_err(journal_error)?;
    for moved in &task.deadline_moves {
        journal
            .put_deadline_move(
                &row.key,
                &moved.label,
                &moved.from.0.format("%Y-%m-%d").to_string(),
                &moved.to.0.format("%Y-%m-%d").to_string(),
                run,
            )
            .map_err(journal_error)?;
    }
    let outcome = match task.status {
        TaskStatus::Released => Outcome::Released,
        TaskStatus::Withdrawn => Outcome::Withdrawn,
        TaskStatus::Revised => Outcome::Revised,
        TaskStatus::Open | TaskStatus::Unreached => Outcome::Task,
    };
    let event_id = row.key.clone();
    journal
        .put(
            &Row {
                outcome,
                outputs,
                ..row
            },
            run,
        )
        .map_err(journal_error)?;
    Ok(Ok(Applied::Recorded { event_id, effect }))
}

/// The task a contact answers: the one it names, or the case's one open task.
fn find_task(
    journal: &Journal,
    contact: &CaseEvent,
    case_id: &str,
    wanted: Option<&str>,
) -> Result<Result<Row, Refused>, BatchError> {
    let refused = |field: &str, message: String| {
        Ok(Err(Refused {
            field: Some(field.to_string()),
            message,
        }))
    };
    if let Some(wanted) = wanted {
        let row = journal.get(wanted).map_err(journal_error)?;
        let is_task = |r: &Row| {
            matches!(
                r.outcome,
                Outcome::Task | Outcome::Released | Outcome::Withdrawn | Outcome::Revised
            )
        };
        return match row {
            Some(row) if is_task(&row) && row.case_id.as_deref() == Some(case_id) => Ok(Ok(row)),
            Some(row) if is_task(&row) => refused(
                "data.prior_contact.event_id",
                format!(
                    "gebeurtenis {}: de taak van gebeurtenis {wanted} hoort bij een andere zaak dan dit contact. Controleer het zaaknummer en prior_contact.event_id.",
                    contact.id
                ),
            ),
            _ => refused(
                "data.prior_contact.event_id",
                format!(
                    "gebeurtenis {}: in deze map is er geen taak van gebeurtenis {wanted}. Controleer prior_contact.event_id, of verwerk eerst de gebeurtenis die om het gesprek vroeg.",
                    contact.id
                ),
            ),
        };
    }
    let open = journal.open_tasks_of_case(case_id).map_err(journal_error)?;
    match open.len() {
        0 => refused(
            "data.case.zaak_id",
            format!(
                "gebeurtenis {}: er is geen open taak voor deze zaak in deze map. Controleer het zaaknummer, of verwerk eerst de gebeurtenis die om het gesprek vroeg.",
                contact.id
            ),
        ),
        1 => Ok(Ok(open
            .into_iter()
            .next()
            .unwrap_or_else(|| unreachable!()))),
        n => {
            let ids: Vec<&str> = open.iter().map(|r| r.key.as_str()).collect();
            refused(
                "data.prior_contact.event_id",
                format!(
                    "gebeurtenis {}: deze zaak heeft {n} open taken ({}), en het contact zegt niet over welke het gaat. Er is niets vrijgegeven. Zet in prior_contact.event_id de gebeurtenis waar het gesprek over ging.",
                    contact.id,
                    ids.join(", ")
                ),
            )
        }
    }
}

/// The task file of a task row.
fn read_task(out: &Path, row: &Row) -> Option<CallFirstTask> {
    let path = row.outputs.iter().find(|o| is_task_json(&o.path))?;
    let text = std::fs::read_to_string(out.join(&path.path)).ok()?;
    serde_json::from_str(&text).ok()
}

/// The attempts the journal holds for a task, oldest first.
fn attempts_of(journal: &Journal, task_key: &str) -> Result<Vec<Attempt>, BatchError> {
    Ok(journal
        .attempts_of(task_key)
        .map_err(journal_error)?
        .iter()
        .filter_map(|text| serde_json::from_str(text).ok())
        .collect())
}

fn tries(attempts: &[Attempt]) -> Vec<Try<'_>> {
    attempts
        .iter()
        .map(|a| Try {
            contact_id: &a.contact_id,
            outcome: a.outcome,
        })
        .collect()
}

/// A released letter, ready to write.
struct Made {
    files: Vec<OutputFile>,
    moves: Vec<crate::letter_dates::DeadlineMove>,
}

/// The held letter made again with this contact, dated the run's day, in every format.
fn release_letter(
    releaser: &Releaser<'_>,
    task: &CallFirstTask,
    prior: &PriorContact,
) -> Result<Made, Refused> {
    let refused = |field: Option<String>, message: String| Refused { field, message };
    let mut envelope = task.event.clone();
    let mut prior = prior.clone();
    prior.event_id = None;
    let mut value = serde_json::to_value(&prior).unwrap_or_default();
    value["event_id"] = serde_json::Value::String(task.event_id.clone());
    envelope["data"]["prior_contact"] = value;
    let origin = Origin {
        file: format!("taak {}", task.task_id),
        line: None,
    };
    let mut held = event_from_value(envelope, origin).map_err(|e| refused(None, e.to_string()))?;
    let min = releaser.config.policy.min_deadline_working_days();
    let moves = move_close_deadlines(&mut held.data, releaser.date, min);
    if let Err(problem) = check(&held, releaser.date, min) {
        return Err(refused(
            Some(problem.field.clone()),
            format!(
                "gebeurtenis {}: de brief kan niet weg: {}. {} Het gesprek is niet vastgelegd; de brief blijft wachten.",
                held.id, problem.problem, problem.fix
            ),
        ));
    }
    let letter = build_letter(
        &held,
        releaser.config,
        releaser.templates,
        ComposeOptions {
            date: releaser.date,
            draft: false,
        },
    )
    .map_err(|e| refused(None, e.to_string()))?;
    untrue_claims(&held, &letter).map_err(|e| {
        refused(
            None,
            format!("{e} Het gesprek is niet vastgelegd; de brief blijft wachten."),
        )
    })?;
    let rules = tone_errors(&letter, releaser.config);
    if !rules.is_empty() {
        return Err(refused(
            None,
            format!(
                "gebeurtenis {}: de brief bevat dreigende taal ({}) en gaat niet weg. Pas het sjabloon aan en leg het contact opnieuw vast.",
                held.id,
                rules.join(", ")
            ),
        ));
    }
    let files = letter_files(&letter, releaser.renderers, Layout::Batch).map_err(|e| {
        refused(
            None,
            format!(
                "gebeurtenis {}: de vrijgegeven brief kan niet als {} worden gemaakt: {}",
                task.event_id, e.format, e.error
            ),
        )
    })?;
    Ok(Made { files, moves })
}

/// An open task made again (a file of it went missing): it keeps the attempts
/// the journal holds, and with them its status.
pub fn with_recorded_attempts(
    journal: &Journal,
    mut task: CallFirstTask,
) -> Result<CallFirstTask, BatchError> {
    task.attempts = attempts_of(journal, &task.event_id)?;
    if let Some(last) = task.attempts.last() {
        let effect = after_call::decide(
            &tries(&task.attempts),
            last.outcome,
            last.decision,
            task.rules,
        );
        if matches!(effect, Effect::Unreached { .. }) {
            task.status = TaskStatus::Unreached;
        }
    }
    Ok(task)
}

/// The open call-first tasks of a batch folder: "niet bereikt" first, then the earliest deadline.
pub fn open_tasks(out: &Path) -> Result<Vec<CallFirstTask>, Problem> {
    if !out.join(JOURNAL_FILE).is_file() {
        return Err(Problem::new(
            out.display().to_string(),
            "dit is geen map van helder batch (er is geen helder.db)",
            "Geef de map die u bij --out gaf.",
        ));
    }
    let unreadable = |e: &dyn std::fmt::Display| {
        Problem::new(
            out.join(JOURNAL_FILE).display().to_string(),
            format!("het journaal kan niet worden gelezen ({e})"),
            "Kijk of de map heel is en of u er mag lezen, en geef de map die u bij --out gaf.",
        )
    };
    let journal = Journal::open(out).map_err(|e| unreadable(&e))?;
    let rows = journal.open_tasks().map_err(|e| unreadable(&e))?;
    let mut tasks: Vec<CallFirstTask> = rows
        .iter()
        .filter_map(|row| read_task(out, row))
        .filter(|t| t.status.is_open())
        .collect();
    // "Niet bereikt" first: those wait for a person's decision; then the earliest deadline.
    tasks.sort_by(|a, b| {
        (a.status != TaskStatus::Unreached, &a.deadline, &a.event_id).cmp(&(
            b.status != TaskStatus::Unreached,
            &b.deadline,
            &b.event_id,
        ))
    });
    Ok(tasks)
}
