//! Call-first tasks: who to call, why, by when, what to talk about, and the held letter.
//!
//! A task is written as JSON (for systems and for `release`) and as a short
//! card for the contact person. Both hold personal data (the person's name and
//! phone number, the event): they are written atomically and readable only by
//! the owner, and nothing of them goes to the terminal.

pub mod talking_points;

pub use talking_points::{DEFAULT_TALKING_POINTS, Guidance, TALKING_POINTS_FILE, TalkingPoints};

use crate::after_call::{AfterNoContact, Rules};
use crate::calendar::add_working_days;
use crate::config::Config;
use crate::dutch;
use crate::event::{
    CaseEvent, ContactChannel, ContactDecision, ContactOutcome, EventType, Origin, event_from_value,
};
use crate::letter_dates::DeadlineMove;
use crate::route::Reason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whom the contact person calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The name, as in a letter ("Anouk Bakker").
    pub name: String,
    /// The phone number, when known.
    pub phone: Option<String>,
}

/// The contact person who calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Name.
    pub name: String,
    /// Direct phone number.
    pub phone: String,
    /// Team, when known.
    pub team: Option<String>,
}

/// The letter held until the call is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldLetter {
    /// Where the draft is.
    pub path: String,
    /// SHA-256 of the draft file, in hex.
    pub sha256: String,
}

/// Where a task stands. Open and unreached tasks wait; the others are closed and never change again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Nobody reached after the policy's attempts, and a person has to decide ("niet bereikt").
    Unreached,
    /// Waiting for the call (perhaps after attempts that did not reach anyone).
    Open,
    /// The letter went out.
    Released,
    /// No letter went out: the person gave a good reason, or the facts were wrong.
    Withdrawn,
    /// No letter went out: the case is changed first; a new event follows.
    Revised,
}

impl TaskStatus {
    /// The name in the journal, in JSON and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Unreached => "unreached",
            TaskStatus::Open => "open",
            TaskStatus::Released => "released",
            TaskStatus::Withdrawn => "withdrawn",
            TaskStatus::Revised => "revised",
        }
    }

    /// The status in a few Dutch words, for the card and the call page.
    pub fn dutch(self) -> &'static str {
        match self {
            TaskStatus::Unreached => "niet bereikt",
            TaskStatus::Open => "open",
            TaskStatus::Released => "verstuurd",
            TaskStatus::Withdrawn => "ingetrokken, niet verstuurd",
            TaskStatus::Revised => "vervangen, niet verstuurd",
        }
    }

    /// Whether the task waits for a call or a decision.
    pub fn is_open(self) -> bool {
        matches!(self, TaskStatus::Open | TaskStatus::Unreached)
    }
}

/// A recorded attempt to reach the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The contact's id in the case system.
    pub contact_id: String,
    /// When (RFC 3339).
    pub at: String,
    /// Reached or not.
    pub outcome: ContactOutcome,
    /// Phone or visit.
    #[serde(default)]
    pub channel: Option<ContactChannel>,
    /// What a person decided with it, if anything.
    #[serde(default)]
    pub decision: Option<ContactDecision>,
    /// Whether the person gave a reason.
    #[serde(default)]
    pub reason_given: bool,
}

/// How a task was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closed {
    /// The day (the letter date of the run that closed it).
    pub on: String,
    /// The contact that closed it.
    pub contact_id: String,
}

/// What a task needs from the settings and the policy when it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskTerms {
    /// Working days the contact person has to call.
    pub deadline_working_days: u32,
    /// What happens when nobody is reached.
    pub rules: Rules,
}

impl TaskTerms {
    /// The terms for an event of `event_type` held for `reasons`. A task held
    /// for a sanction or a suspicion of fraud always waits for a person's
    /// decision when nobody is reached, whatever its type.
    pub fn new(config: &Config, event_type: EventType, reasons: &[Reason]) -> TaskTerms {
        let hard = reasons
            .iter()
            .any(|r| r.code == "flag.sanction" || r.code == "flag.fraud_suspicion");
        TaskTerms {
            deadline_working_days: config.call_first.deadline_working_days,
            rules: Rules {
                after_no_contact: if hard {
                    AfterNoContact::Decide
                } else {
                    config.policy.after_no_contact(event_type)
                },
                attempts_needed: config.call_first.no_contact_attempts,
            },
        }
    }
}

fn default_rules() -> Rules {
    Rules {
        after_no_contact: AfterNoContact::Decide,
        attempts_needed: 2,
    }
}

/// A call-first task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallFirstTask {
    /// The task's id.
    pub task_id: String,
    /// The event that asked for the call.
    pub event_id: String,
    /// The case (zaak) id.
    pub case_id: String,
    /// The event type.
    pub event_type: EventType,
    /// The day the task was made.
    pub created_on: String,
    /// The last working day to call.
    pub deadline: String,
    /// Why the call comes first.
    pub reasons: Vec<Reason>,
    /// Whom to call.
    pub person: Person,
    /// Who calls.
    pub contact_person: ContactPerson,
    /// What to talk about.
    pub talking_points: Vec<String>,
    /// What to do when the person gives a good reason.
    #[serde(default)]
    pub good_reason: String,
    /// What not to say.
    #[serde(default)]
    pub do_not_say: Vec<String>,
    /// What happens when nobody is reached.
    #[serde(default = "default_rules", with = "rules_json")]
    pub rules: Rules,
    /// The held draft letter, when the event type has a template.
    pub held_letter: Option<HeldLetter>,
    /// Where the task stands.
    pub status: TaskStatus,
    /// Recorded attempts to reach the person, each contact once, oldest first.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// Deadlines moved when the letter went out, so that it left enough time.
    #[serde(default)]
    pub deadline_moves: Vec<DeadlineMove>,
    /// How the task was closed, once it is.
    #[serde(default)]
    pub closed: Option<Closed>,
    /// The event itself (CloudEvents JSON), to make the letter again when the call is recorded.
    pub event: serde_json::Value,
}

/// The person's name as used in a letter's text.
pub fn person_name(event: &CaseEvent) -> String {
    dutch::full_name(&event.data.recipient.name_parts())
}

impl CallFirstTask {
    /// A new open task for an event, made on `today`, due the terms' working days later.
    pub fn new(
        event: &CaseEvent,
        reasons: &[Reason],
        points: &TalkingPoints,
        today: NaiveDate,
        terms: TaskTerms,
    ) -> CallFirstTask {
        let guidance = points.for_type(event.event_type);
        let contact = &event.data.contact;
        CallFirstTask {
            task_id: format!("task-{}", event.id),
            event_id: event.id.clone(),
            case_id: event.data.case.zaak_id.to_string(),
            event_type: event.event_type,
            created_on: today.format("%Y-%m-%d").to_string(),
            deadline: add_working_days(today, terms.deadline_working_days)
                .format("%Y-%m-%d")
                .to_string(),
            reasons: reasons.to_vec(),
            person: Person {
                name: person_name(event),
                phone: event.data.recipient.phone.as_ref().map(ToString::to_string),
            },
            contact_person: ContactPerson {
                name: contact.name.to_string(),
                phone: contact.phone.to_string(),
                team: contact.team.as_ref().map(ToString::to_string),
            },
            talking_points: guidance.points.to_vec(),
            good_reason: guidance.good_reason.to_string(),
            do_not_say: guidance.do_not_say.to_vec(),
            rules: terms.rules,
            held_letter: None,
            status: TaskStatus::Open,
            attempts: Vec::new(),
            deadline_moves: Vec::new(),
            closed: None,
            event: event.to_envelope(),
        }
    }

    /// The task as JSON, as it is written to `<id>.task.json`.
    pub fn to_json(&self) -> String {
        // Only string keys and plain values: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The held event, validated again from the task.
    pub fn held_event(&self) -> Option<CaseEvent> {
        let origin = Origin {
            file: format!("taak {}", self.task_id),
            line: None,
        };
        event_from_value(self.event.clone(), origin).ok()
    }

    /// What the held letter would decide, line by line (type, start, amounts
    /// with their period, deadlines, appointment, the decision's reasons).
    pub fn held_facts(&self) -> Vec<String> {
        let Some(event) = self.held_event() else {
            return Vec::new();
        };
        let data = &event.data;
        let date = |d: NaiveDate| dutch::long_date(d, false);
        let mut facts = Vec::new();
        let besluit = data.decision.as_ref().is_some_and(|d| d.is_besluit);
        facts.push(format!(
            "Soort brief: {}{}",
            self.event_type.dutch_name(),
            if besluit { ", een besluit" } else { "" }
        ));
        if let Some(start) = data.decision.as_ref().and_then(|d| d.ingangsdatum) {
            let back = if data.flags.retroactive {
                ", met terugwerkende kracht"
            } else {
                ""
            };
            facts.push(format!("Gaat in op: {}{back}", date(start.0)));
        }
        for amount in &data.amounts {
            let period = match (amount.period_from, amount.period_to) {
                (Some(from), Some(to)) => {
                    format!(", van {} tot en met {}", date(from.0), date(to.0))
                }
                (Some(from), None) => format!(", vanaf {}", date(from.0)),
                (None, Some(to)) => format!(", tot en met {}", date(to.0)),
                (None, None) => String::new(),
            };
            facts.push(format!(
                "{}: {}{period}",
                amount.label,
                dutch::euro(amount.amount_cents.0)
            ));
        }
        for deadline in &data.deadlines {
            facts.push(format!(
                "Termijn: {}, uiterlijk {}",
                deadline.label,
                dutch::long_date(deadline.date.0, true)
            ));
        }
        if let Some(appointment) = &data.appointment {
            let at = appointment.start.0;
            facts.push(format!(
                "Afspraak: {}, {}, {}",
                dutch::long_date(at.date_naive(), true),
                dutch::clock_time(at.time()),
                appointment.location
            ));
        }
        if let Some(decision) = &data.decision {
            for reason in &decision.reasons {
                facts.push(format!("Reden in de brief: {reason}"));
            }
        }
        facts
    }

    /// Why the call comes first, without saying the same thing twice: a
    /// sanction flag on a type that always calls first adds nothing.
    pub fn why(&self) -> Vec<&str> {
        let always = self.reasons.iter().any(|r| r.code == "event_type.always");
        self.reasons
            .iter()
            .filter(|r| !(always && r.code == "flag.sanction"))
            .map(|r| r.message.as_str())
            .collect()
    }

    /// Whether the contact person's deadline to call has passed on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        crate::event::parse_iso_date(&self.deadline).is_some_and(|d| d < today)
    }

    /// Whether `name` is this task's contact person (case and extra spaces do not count).
    pub fn is_for_contact_person(&self, name: &str) -> bool {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        norm(&self.contact_person.name) == norm(name)
    }

    /// Distinct contacts that did not reach the person.
    pub fn unreached_attempts(&self) -> usize {
        let tries: Vec<crate::after_call::Try<'_>> = self
            .attempts
            .iter()
            .map(|a| crate::after_call::Try {
                contact_id: &a.contact_id,
                outcome: a.outcome,
            })
            .collect();
        crate::after_call::unreached_attempts(&tries)
    }

    /// What happens when nobody answers, in one or two Dutch sentences.
    pub fn when_nobody_answers(&self) -> String {
        let n = self.rules.attempts_needed;
        match self.rules.after_no_contact {
            AfterNoContact::Send => format!(
                "Probeer het op een ander moment opnieuw. Na {n} keer zonder gehoor gaat de brief weg, met het aanbod van een huisbezoek of het wijkteam."
            ),
            AfterNoContact::Decide => format!(
                "Probeer het op een ander moment opnieuw. Na {n} keer zonder gehoor gaat de brief niet vanzelf weg: de taak blijft staan als \"niet bereikt\" tot iemand beslist."
            ),
        }
    }

    /// Where the task stands, in one Dutch sentence.
    pub fn status_line(&self) -> String {
        let on = self
            .closed
            .as_ref()
            .and_then(|c| crate::event::parse_iso_date(&c.on))
            .map(|d| format!(" op {}", dutch::long_date(d, false)))
            .unwrap_or_default();
        let unreached = self.unreached_attempts();
        match self.status {
            TaskStatus::Open if unreached == 0 => "Nog niet gebeld.".to_string(),
            TaskStatus::Open => format!(
                "Niet bereikt bij {unreached} van de {} pogingen. Bel nog eens.",
                self.rules.attempts_needed
            ),
            TaskStatus::Unreached => format!(
                "Niet bereikt na {unreached} pogingen. Beslis wat er gebeurt: de brief versturen, geen brief, of eerst de zaak aanpassen."
            ),
            TaskStatus::Released => format!("De brief is verstuurd{on}."),
            TaskStatus::Withdrawn => {
                format!("Ingetrokken{on}: deze brief is niet verstuurd en gaat ook niet meer weg.")
            }
            TaskStatus::Revised => format!(
                "Vervangen{on}: deze brief is niet verstuurd. Het zaaksysteem stuurt een nieuwe gebeurtenis met de aangepaste zaak."
            ),
        }
    }

    /// The task as a short card for the contact person, in Dutch.
    pub fn card(&self) -> String {
        let date = |iso: &str| {
            crate::event::parse_iso_date(iso).map_or(iso.to_string(), |d| dutch::long_date(d, true))
        };
        let mut out = String::new();
        out.push_str(&format!(
            "Eerst bellen, daarna pas de brief: {}\n",
            self.event_type.dutch_name()
        ));
        out.push_str(&format!("Status: {}\n\n", self.status_line()));
        out.push_str(&format!("Bel: {}", self.person.name));
        match &self.person.phone {
            Some(phone) => out.push_str(&format!(", {phone}\n")),
            None => out.push_str(", telefoonnummer onbekend: zoek het op in het zaaksysteem\n"),
        }
        out.push_str(&format!(
            "Wie belt: {}, {}\n",
            self.contact_person.name, self.contact_person.phone
        ));
        out.push_str(&format!("Uiterlijk: {}\n", date(&self.deadline)));
        out.push_str(&format!(
            "Zaak: {} · gebeurtenis {} · taak {}\n",
            self.case_id, self.event_id, self.task_id
        ));
        let facts = self.held_facts();
        if !facts.is_empty() {
            out.push_str("\nWat de brief zou besluiten\n");
            for fact in facts {
                out.push_str(&format!("- {fact}\n"));
            }
        }
        out.push_str("\nWaarom eerst bellen?\n");
        for reason in self.why() {
            out.push_str(&format!("- {reason}\n"));
        }
        out.push_str("\nEerdere pogingen\n");
        if self.attempts.is_empty() {
            out.push_str("- Nog geen.\n");
        }
        for attempt in &self.attempts {
            out.push_str(&format!("- {}\n", attempt_line(attempt)));
        }
        out.push_str("\nGesprekspunten\n");
        for (i, point) in self.talking_points.iter().enumerate() {
            out.push_str(&format!("{}. {point}\n", i + 1));
        }
        if !self.good_reason.is_empty() {
            out.push_str(&format!(
                "\nHeeft de persoon een goede reden?\n{}\n",
                self.good_reason
            ));
        }
        out.push_str(&format!(
            "\nNeemt niemand op?\n{}\n",
            self.when_nobody_answers()
        ));
        if !self.do_not_say.is_empty() {
            out.push_str("\nZeg dit niet\n");
            for line in &self.do_not_say {
                out.push_str(&format!("- {line}\n"));
            }
        }
        if !self.deadline_moves.is_empty() {
            out.push_str("\nTermijnen verschoven toen de brief wegging\n");
            for moved in &self.deadline_moves {
                out.push_str(&format!(
                    "- {}: van {} naar {}\n",
                    moved.label,
                    dutch::long_date(moved.from.0, false),
                    dutch::long_date(moved.to.0, false)
                ));
            }
        }
        out.push('\n');
        match (&self.held_letter, self.status.is_open()) {
            (Some(held), true) => out.push_str(&format!("De brief wacht: {}\n", held.path)),
            (Some(held), false) => out.push_str(&format!("Het concept: {}\n", held.path)),
            (None, _) => out.push_str(
                "Er is nog geen sjabloon voor deze brief: schrijf de brief na het gesprek zelf.\n",
            ),
        }
        if self.status.is_open() {
            out.push_str("Leg het gesprek vast op de belpagina (helder serve) of in het zaaksysteem: wat de persoon zei, of er een reden was, en wat u besluit. Pas dan gaat de brief weg, of niet.\n");
        }
        out
    }
}

/// One attempt as a line of the card: when, how, and what came of it.
pub fn attempt_line(attempt: &Attempt) -> String {
    let when = chrono::DateTime::parse_from_rfc3339(&attempt.at).map_or(attempt.at.clone(), |t| {
        format!(
            "{}, {}",
            dutch::long_date(t.date_naive(), false),
            dutch::clock_time(t.time())
        )
    });
    let how = match attempt.channel {
        Some(ContactChannel::Visit) => "bezoek",
        _ => "telefoon",
    };
    let outcome = match attempt.outcome {
        ContactOutcome::Reached if attempt.reason_given => "gesproken, met een reden",
        ContactOutcome::Reached => "gesproken",
        ContactOutcome::NoContact => "niet bereikt",
    };
    let decided = match attempt.decision {
        Some(ContactDecision::Send) => ", besluit: versturen",
        Some(ContactDecision::Withdraw) => ", besluit: geen brief",
        Some(ContactDecision::Revise) => ", besluit: eerst de zaak aanpassen",
        None => "",
    };
    format!(
        "{when}: {outcome} ({how}, contact {}){decided}",
        attempt.contact_id
    )
}

/// `Rules` in a task file: `{"after_no_contact": "send", "attempts_needed": 2}`.
mod rules_json {
    use crate::after_call::{AfterNoContact, Rules};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Shape {
        after_no_contact: AfterNoContact,
        attempts_needed: u32,
    }

    pub(super) fn serialize<S: Serializer>(rules: &Rules, s: S) -> Result<S::Ok, S::Error> {
        Shape {
            after_no_contact: rules.after_no_contact,
            attempts_needed: rules.attempts_needed,
        }
        .serialize(s)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rules, D::Error> {
        let shape = Shape::deserialize(d)?;
        Ok(Rules {
            after_no_contact: shape.after_no_contact,
            attempts_needed: shape.attempts_needed,
        })
    }
}
