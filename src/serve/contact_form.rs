//! Recording a call on the call page: the form on each card, its checks, the
//! confirmation that says what will happen before anything does, and the
//! `contact_recorded` event it becomes.
//!
//! The form asks what a person decides (DESIGN.md §3): reached or not, what
//! the person said in their own words, whether they gave a reason, and what
//! happens to the letter — send it, no letter, or change the case first. The
//! confirmation shows the outcome in one line ("De brief gaat vandaag weg" or
//! "Er gaat geen brief weg"), with the letter's date and any deadline that
//! moves. Confirming sends the contact through the same release path as a
//! batch; the contact id is made when the confirmation is shown, so pressing
//! the button twice records the call once.

use crate::after_call::{Effect, Try, decide};
use crate::dutch::long_date;
use crate::event::{ContactDecision, ContactOutcome};
use crate::letter_dates::{DateProblem, DeadlineMove, check, move_close_deadlines};
use crate::render::html::esc;
use crate::task::CallFirstTask;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::collections::HashMap;

/// What the contact person filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// Reached or not.
    pub outcome: ContactOutcome,
    /// What the person said, in their own words.
    pub heard: Option<String>,
    /// Whether the person gave a reason.
    pub reason_given: bool,
    /// What happens to the letter; none only when nobody was reached.
    pub decision: Option<ContactDecision>,
}

/// What is missing or does not fit in a filled-in form. Each names its
/// field ([`FormProblem::field`]); its text says, in Dutch for the contact
/// person, what is wrong and what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FormProblem {
    /// Reached or not is not chosen.
    #[error("Kies of u de persoon hebt gesproken.")]
    NoOutcome,
    /// The person was reached, but what happens to the letter is not chosen.
    #[error(
        "U hebt de persoon gesproken. Kies dan wat er met de brief gebeurt: versturen, geen brief, of eerst de zaak aanpassen."
    )]
    NoDecision,
    /// Nobody was reached, yet the form says what the person said.
    #[error("U hebt niemand gesproken. Laat het vak \"Wat zei de persoon?\" dan leeg.")]
    HeardWithoutContact,
    /// Nobody was reached, yet the form says a reason was given.
    #[error("U hebt niemand gesproken, dus er is geen reden gegeven. Zet dat vinkje uit.")]
    ReasonWithoutContact,
    /// What was heard holds nine digits that may be a BSN.
    #[error(
        "Wat de persoon zei, kan zo niet in de brief: er staat een nummer van negen cijfers in dat een BSN kan zijn. Haal het nummer weg en schrijf het opnieuw; er is niets vastgelegd."
    )]
    HeardWithBsn,
    /// What was heard holds a control or invisible character.
    #[error(
        "Wat de persoon zei, kan zo niet in de brief: er staat een onzichtbaar teken of een stuurteken in. Typ de tekst opnieuw in plaats van hem te plakken; er is niets vastgelegd."
    )]
    HeardWithHiddenCharacter,
}

impl FormProblem {
    /// The form field to fix (its `name`).
    pub fn field(self) -> &'static str {
        match self {
            FormProblem::NoOutcome => "outcome",
            FormProblem::NoDecision => "decision",
            FormProblem::HeardWithoutContact => "heard",
            FormProblem::ReasonWithoutContact => "reason_given",
            FormProblem::HeardWithBsn | FormProblem::HeardWithHiddenCharacter => "heard",
        }
    }
}

/// Reads and checks the form.
pub fn parse(form: &HashMap<String, String>) -> Result<Recorded, FormProblem> {
    let outcome = match form.get("outcome").map(String::as_str) {
        Some("reached") => ContactOutcome::Reached,
        Some("no_contact") => ContactOutcome::NoContact,
        _ => return Err(FormProblem::NoOutcome),
    };
    let heard = form
        .get("heard")
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    // What was heard goes into a letter: no BSN, no control or invisible characters.
    if let Some(heard) = &heard
        && crate::event::intake::check_note(heard, "heard").is_err()
    {
        return Err(if crate::event::bsn::contains_possible_bsn(heard) {
            FormProblem::HeardWithBsn
        } else {
            FormProblem::HeardWithHiddenCharacter
        });
    }
    let reason_given = form.get("reason_given").is_some_and(|v| v == "1");
    let decision = match form.get("decision").map(String::as_str) {
        Some("send") => Some(ContactDecision::Send),
        Some("withdraw") => Some(ContactDecision::Withdraw),
        Some("revise") => Some(ContactDecision::Revise),
        _ => None,
    };
    if outcome == ContactOutcome::Reached && decision.is_none() {
        return Err(FormProblem::NoDecision);
    }
    if outcome == ContactOutcome::NoContact && heard.is_some() {
        return Err(FormProblem::HeardWithoutContact);
    }
    if outcome == ContactOutcome::NoContact && reason_given {
        return Err(FormProblem::ReasonWithoutContact);
    }
    Ok(Recorded {
        outcome,
        heard,
        reason_given,
        decision,
    })
}

/// The form on a card.
pub fn form(task: &CallFirstTask, n: usize, token: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/tasks/{id}/contact\">\n<input type=\"hidden\" name=\"token\" value=\"{token}\">\n\
<fieldset class=\"choice\"><legend>Hebt u de persoon gesproken?</legend>\n\
<label><input type=\"radio\" name=\"outcome\" value=\"reached\" required> Ja, ik heb de persoon gesproken</label>\n\
<label><input type=\"radio\" name=\"outcome\" value=\"no_contact\"> Nee, ik kreeg niemand te spreken</label>\n</fieldset>\n\
<label for=\"heard{n}\">Wat zei de persoon? Schrijf het op in de eigen woorden van de persoon. Dit komt in de brief.</label>\n\
<textarea id=\"heard{n}\" name=\"heard\"></textarea>\n\
<p><label><input type=\"checkbox\" name=\"reason_given\" value=\"1\"> De persoon gaf een reden voor wat er gebeurde</label></p>\n\
<fieldset class=\"choice\"><legend>Wat gebeurt er met de brief?</legend>\n\
<label><input type=\"radio\" name=\"decision\" value=\"send\"> De brief versturen</label>\n\
<label><input type=\"radio\" name=\"decision\" value=\"withdraw\"> Geen brief: de persoon had een goede reden, of de feiten klopten niet</label>\n\
<label><input type=\"radio\" name=\"decision\" value=\"revise\"> Eerst de zaak aanpassen: nu geen brief, het zaaksysteem stuurt een nieuwe gebeurtenis</label>\n\
<label><input type=\"radio\" name=\"decision\" value=\"\" checked> Nog niets besloten (alleen als u niemand sprak)</label>\n</fieldset>\n\
<p><button type=\"submit\">Verder</button></p>\n</form>\n",
        id = esc(&super::url_encode(&task.event_id)),
        token = esc(token),
    )
}

/// What confirming will do, worked out before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// What the contact does to the task.
    pub effect: Effect,
    /// The date the letter would carry.
    pub letter_date: NaiveDate,
    /// Deadlines that would move.
    pub moves: Vec<DeadlineMove>,
    /// Why the letter cannot go out as it is, if so.
    pub problem: Option<DateProblem>,
}

/// Works out what recording this contact on `today` does to the task.
pub fn preview(
    task: &CallFirstTask,
    recorded: &Recorded,
    today: NaiveDate,
    min_deadline_working_days: u32,
) -> Preview {
    let mut tries: Vec<Try<'_>> = task
        .attempts
        .iter()
        .map(|a| Try {
            contact_id: &a.contact_id,
            outcome: a.outcome,
        })
        .collect();
    tries.push(Try {
        contact_id: "",
        outcome: recorded.outcome,
    });
    let effect = decide(&tries, recorded.outcome, recorded.decision, task.rules);
    let mut moves = Vec::new();
    let mut problem = None;
    if let (Effect::Send { .. }, Some(mut event)) = (effect, task.held_event()) {
        moves = move_close_deadlines(&mut event.data, today, min_deadline_working_days);
        problem = check(&event, today, min_deadline_working_days).err();
    }
    Preview {
        effect,
        letter_date: today,
        moves,
        problem,
    }
}

/// The one line that says what happens, and the sentences that explain it.
pub fn outcome_text(preview: &Preview) -> (&'static str, Vec<String>) {
    let day = long_date(preview.letter_date, false);
    match preview.effect {
        Effect::Send { reached } => {
            let mut lines = vec![format!("De brief krijgt de datum van vandaag, {day}.")];
            lines.push(if reached {
                "Wat de persoon zei, komt in de brief als de woorden van de persoon.".to_string()
            } else {
                "In de brief staat dat we de persoon niet konden bereiken, met het aanbod van een huisbezoek of het wijkteam.".to_string()
            });
            for moved in &preview.moves {
                lines.push(format!(
                    "De termijn \"{}\" schuift van {} naar {}, zodat de persoon genoeg tijd heeft.",
                    moved.label,
                    long_date(moved.from.0, false),
                    long_date(moved.to.0, false)
                ));
            }
            ("De brief gaat vandaag weg.", lines)
        }
        Effect::Withdraw => ("Er gaat geen brief weg.", vec![
            "De taak sluit als ingetrokken. Het concept blijft bewaard, met de aantekening dat het niet is verstuurd.".to_string(),
        ]),
        Effect::Revise => ("Er gaat geen brief weg.", vec![
            "De taak sluit. Pas de zaak aan in het zaaksysteem: dat stuurt een nieuwe gebeurtenis, en die krijgt een eigen brief of taak.".to_string(),
        ]),
        Effect::Waiting { unreached, of } => ("Er gaat geen brief weg.", vec![format!(
            "Dit is poging {unreached} van {of} zonder gehoor. Bel op een ander moment nog eens."
        )]),
        Effect::Unreached { unreached } => ("Er gaat geen brief weg.", vec![format!(
            "Na {unreached} pogingen zonder gehoor blijft de taak staan als \"niet bereikt\", tot iemand beslist wat er gebeurt."
        )]),
    }
}

/// The confirmation page's body: what is recorded, what will happen, and the button.
pub fn confirmation(
    task: &CallFirstTask,
    recorded: &Recorded,
    preview: &Preview,
    contact_id: &str,
    token: &str,
) -> String {
    let mut body = format!(
        "<h1>Klopt dit?</h1>\n<p>{} · {} · zaak {}</p>\n<h2>U legt vast</h2>\n<ul>\n",
        esc(&task.person.name),
        esc(task.event_type.dutch_name()),
        esc(&task.case_id)
    );
    body.push_str(match recorded.outcome {
        ContactOutcome::Reached => "<li>U hebt de persoon gesproken.</li>\n",
        ContactOutcome::NoContact => "<li>U kreeg niemand te spreken.</li>\n",
    });
    if let Some(heard) = &recorded.heard {
        body.push_str(&format!("<li>De persoon zei: <q>{}</q></li>\n", esc(heard)));
    }
    if recorded.outcome == ContactOutcome::Reached {
        body.push_str(if recorded.reason_given {
            "<li>De persoon gaf een reden.</li>\n"
        } else {
            "<li>De persoon gaf geen reden.</li>\n"
        });
    }
    body.push_str(match recorded.decision {
        Some(ContactDecision::Send) => "<li>Besluit: de brief versturen.</li>\n",
        Some(ContactDecision::Withdraw) => "<li>Besluit: geen brief.</li>\n",
        Some(ContactDecision::Revise) => "<li>Besluit: eerst de zaak aanpassen.</li>\n",
        None => "<li>Nog niets besloten.</li>\n",
    });
    body.push_str("</ul>\n<h2>Wat er gebeurt</h2>\n");
    let (headline, lines) = outcome_text(preview);
    let class = if matches!(preview.effect, Effect::Send { .. }) {
        "outcome"
    } else {
        "outcome none"
    };
    body.push_str(&format!(
        "<p class=\"{class}\" id=\"gevolg\">{}</p>\n",
        esc(headline)
    ));
    for line in lines {
        body.push_str(&format!("<p>{}</p>\n", esc(&line)));
    }
    if let Some(problem) = &preview.problem {
        body.push_str(&format!(
            "<div class=\"problem\" role=\"alert\"><p>De brief kan zo niet weg: {}.</p><p>{}</p></div>\n<p><a href=\"/tasks\">Terug naar de lijst</a></p>\n",
            esc(&problem.problem),
            esc(&problem.fix)
        ));
        return body;
    }
    let mut hidden = format!(
        "<input type=\"hidden\" name=\"token\" value=\"{}\">\n<input type=\"hidden\" name=\"confirm\" value=\"1\">\n<input type=\"hidden\" name=\"contact_id\" value=\"{}\">\n<input type=\"hidden\" name=\"outcome\" value=\"{}\">\n",
        esc(token),
        esc(contact_id),
        match recorded.outcome {
            ContactOutcome::Reached => "reached",
            ContactOutcome::NoContact => "no_contact",
        }
    );
    if let Some(heard) = &recorded.heard {
        hidden.push_str(&format!(
            "<input type=\"hidden\" name=\"heard\" value=\"{}\">\n",
            esc(heard)
        ));
    }
    if recorded.reason_given {
        hidden.push_str("<input type=\"hidden\" name=\"reason_given\" value=\"1\">\n");
    }
    if let Some(decision) = recorded.decision {
        hidden.push_str(&format!(
            "<input type=\"hidden\" name=\"decision\" value=\"{}\">\n",
            decision.as_str()
        ));
    }
    body.push_str(&format!(
        "<form method=\"post\" action=\"/tasks/{}/contact\">\n{hidden}<p><button type=\"submit\">Ja, vastleggen</button> <a href=\"/tasks\">Nee, terug naar de lijst</a></p>\n</form>\n",
        esc(&super::url_encode(&task.event_id))
    ));
    body
}

/// A contact id for the call page: new for every confirmation, so that the
/// same confirmation sent twice is one contact.
pub fn new_contact_id(now: chrono::DateTime<chrono::Local>, random: &str) -> String {
    format!(
        "serve-{}-{}",
        now.format("%Y%m%dT%H%M%S"),
        &random[..random.len().min(8)]
    )
}

/// The moment in a contact id from [`new_contact_id`]: when the confirmation
/// was shown, which is when the call is recorded. The same id always gives
/// the same event, so sending a confirmation twice changes nothing.
pub fn contact_time(id: &str) -> Option<chrono::DateTime<chrono::Local>> {
    if !is_serve_contact_id(id) {
        return None;
    }
    let stamp = &id["serve-".len().."serve-".len() + 15];
    let naive = chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S").ok()?;
    naive.and_local_timezone(chrono::Local).earliest()
}

/// Whether a contact id could have come from [`new_contact_id`].
pub fn is_serve_contact_id(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("serve-") else {
        return false;
    };
    let (stamp, random) = rest.split_once('-').unwrap_or(("", ""));
    stamp.len() == 15
        && stamp
            .chars()
            .enumerate()
            .all(|(i, c)| if i == 8 { c == 'T' } else { c.is_ascii_digit() })
        && random.len() == 8
        && random.chars().all(|c| c.is_ascii_hexdigit())
}

/// The `contact_recorded` event for a confirmed form.
pub fn contact_event(
    task: &CallFirstTask,
    recorded: &Recorded,
    contact_id: &str,
    now: chrono::DateTime<chrono::Local>,
) -> Value {
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
    let mut prior = json!({
        "contact_id": contact_id,
        "at": at,
        "channel": "phone",
        "outcome": match recorded.outcome {
            ContactOutcome::Reached => "reached",
            ContactOutcome::NoContact => "no_contact",
        },
        "event_id": task.event_id,
        "reason_given": recorded.reason_given,
    });
    if let Some(heard) = &recorded.heard {
        prior["heard"] = Value::String(heard.clone());
    }
    if let Some(decision) = recorded.decision {
        prior["decision"] = Value::String(decision.as_str().to_string());
    }
    let data = &task.event["data"];
    json!({
        "specversion": "1.0",
        "id": contact_event_id(task, contact_id),
        "source": "urn:helder:serve",
        "type": "nl.participatiewet.bijstand.contact_recorded",
        "subject": task.case_id,
        "time": at,
        "datacontenttype": "application/json",
        "data": {
            "event_type": "contact_recorded",
            "occurred_on": now.format("%Y-%m-%d").to_string(),
            "case": data["case"],
            "recipient": data["recipient"],
            "contact": data["contact"],
            "flags": { "sanction": false, "fraud_suspicion": false },
            "prior_contact": prior,
        }
    })
}

/// The id of the contact event the call page makes.
pub fn contact_event_id(task: &CallFirstTask, contact_id: &str) -> String {
    format!("contact-{}-{contact_id}", task.event_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_reached_contact_needs_a_decision() {
        let err = parse(&form(&[("outcome", "reached"), ("heard", "Ziek.")])).unwrap_err();
        assert_eq!((err, err.field()), (FormProblem::NoDecision, "decision"));
        let err = err.to_string();
        assert!(
            err.contains("Kies dan wat er met de brief gebeurt"),
            "{err}"
        );
        let ok = parse(&form(&[
            ("outcome", "reached"),
            ("heard", " Ik lag in het ziekenhuis. "),
            ("reason_given", "1"),
            ("decision", "withdraw"),
        ]))
        .unwrap();
        assert_eq!(
            ok,
            Recorded {
                outcome: ContactOutcome::Reached,
                heard: Some("Ik lag in het ziekenhuis.".into()),
                reason_given: true,
                decision: Some(ContactDecision::Withdraw),
            }
        );
    }

    #[test]
    fn nobody_reached_means_nothing_heard_and_no_reason() {
        assert_eq!(
            parse(&form(&[("outcome", "no_contact"), ("heard", "x")])),
            Err(FormProblem::HeardWithoutContact)
        );
        assert_eq!(
            parse(&form(&[("outcome", "no_contact"), ("reason_given", "1")])),
            Err(FormProblem::ReasonWithoutContact)
        );
        assert_eq!(
            parse(&form(&[("heard", "x")])),
            Err(FormProblem::NoOutcome),
            "no outcome"
        );
        let ok = parse(&form(&[("outcome", "no_contact"), ("decision", "")])).unwrap();
        assert_eq!(ok.decision, None);
    }

    #[test]
    fn contact_ids_of_the_page_are_recognised() {
        let now = chrono::Local::now();
        let id = new_contact_id(now, "0123456789abcdef");
        assert!(is_serve_contact_id(&id), "{id}");
        assert_eq!(
            contact_time(&id)
                .unwrap()
                .format("%Y%m%dT%H%M%S")
                .to_string(),
            now.format("%Y%m%dT%H%M%S").to_string()
        );
        assert!(!is_serve_contact_id("serve-x-01234567"));
        assert!(!is_serve_contact_id("C-1"));
    }
}
