//! A recorded contact and the held letter it releases (DESIGN.md §3).
//!
//! [`apply_contact`] is what `helder release` and `helder batch` do with a
//! `contact_recorded` event once they have found the open call-first task of
//! the same case: record the attempt; when the person was reached, or after
//! the policy's number of calls without reaching anyone, make the held letter
//! again with what the call brought, and check it for threatening phrasing.
//! [`release_files`] adds the files to write (the task, its card and the
//! released letter in every format): `release` and `batch` share it and only
//! differ in how they store them. Nothing here writes.

use crate::compose::{ComposeOptions, build_letter, tone_errors};
use crate::config::Config;
use crate::event::{CaseEvent, ContactOutcome, Origin, event_from_value};
use crate::output::{Layout, OutputFile, letter_files, task_record};
use crate::render::{BoxedRenderer, Letter};
use crate::task::{Attempt, CallFirstTask, TaskStatus};
use crate::template::TemplateSet;
use chrono::NaiveDate;

/// What a recorded contact did to a task.
#[derive(Debug)]
pub enum ContactEffect {
    /// The letter may go out now; the task is released.
    Released {
        /// The held letter, made again with what the call brought.
        letter: Box<Letter>,
        /// Whether the person was reached (otherwise: the last attempt failed).
        reached: bool,
    },
    /// Nobody was reached yet; the letter keeps waiting.
    Waiting {
        /// Calls without reaching the person so far.
        unreached: usize,
        /// Calls after which the letter goes out anyway.
        of: u32,
    },
}

/// Applies a `contact_recorded` event to the open task of its case.
///
/// The error is a Dutch message for an error record; the task is changed
/// only when the contact is applied.
pub fn apply_contact(
    task: &mut CallFirstTask,
    contact: &CaseEvent,
    config: &Config,
    templates: &TemplateSet,
    date: NaiveDate,
) -> Result<ContactEffect, String> {
    let Some(prior) = contact.data.prior_contact.clone() else {
        return Err(format!(
            "gebeurtenis {}: het vastgelegde contact ontbreekt (data.prior_contact)",
            contact.id
        ));
    };
    let reached = prior.outcome == ContactOutcome::Reached;
    let mut attempts = task.attempts.clone();
    attempts.push(Attempt {
        contact_id: prior.contact_id.to_string(),
        at: prior.at.0.to_rfc3339(),
        outcome: prior.outcome,
        channel: Some(prior.channel),
        decision: prior.decision,
        reason_given: prior.reason_given,
    });
    let unreached = attempts
        .iter()
        .filter(|a| a.outcome == ContactOutcome::NoContact)
        .count();
    let of = config.call_first.no_contact_attempts;
    if !reached && unreached < of as usize {
        task.attempts = attempts;
        return Ok(ContactEffect::Waiting { unreached, of });
    }
    let mut envelope = task.event.clone();
    envelope["data"]["prior_contact"] = serde_json::to_value(&prior).unwrap_or_default();
    let origin = Origin {
        file: format!("taak {}", task.task_id),
        line: None,
    };
    let held = event_from_value(envelope, origin).map_err(|e| e.to_string())?;
    let letter = build_letter(
        &held,
        config,
        templates,
        ComposeOptions { date, draft: false },
    )
    .map_err(|e| e.to_string())?;
    let rules = tone_errors(&letter, config);
    if !rules.is_empty() {
        return Err(format!(
            "gebeurtenis {}: de brief bevat dreigende taal ({}) en gaat niet weg. Pas het sjabloon aan en geef het contact opnieuw vrij.",
            held.id,
            rules.join(", ")
        ));
    }
    task.attempts = attempts;
    task.status = TaskStatus::Released;
    Ok(ContactEffect::Released {
        letter: Box::new(letter),
        reached,
    })
}

/// Applies a recorded contact to a task ([`apply_contact`]) and makes the files
/// to write: the task and its card as they are now, and the released letter in
/// every format. The error is a Dutch message for an error record.
#[allow(clippy::too_many_arguments)]
pub fn release_files(
    task: &mut CallFirstTask,
    contact: &CaseEvent,
    config: &Config,
    templates: &TemplateSet,
    date: NaiveDate,
    renderers: &[BoxedRenderer],
    layout: Layout,
) -> Result<(ContactEffect, Vec<OutputFile>), String> {
    let effect = apply_contact(task, contact, config, templates, date)?;
    let mut files = task_record(task).to_vec();
    if let ContactEffect::Released { letter, .. } = &effect {
        let letters = letter_files(letter, renderers, layout).map_err(|e| {
            format!(
                "gebeurtenis {}: de vrijgegeven brief kan niet als {} worden gemaakt: {}",
                task.event_id, e.format, e.error
            )
        })?;
        files.extend(letters);
    }
    Ok((effect, files))
}
