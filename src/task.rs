//! Call-first tasks: who to call, why, by when, what to talk about, and the held letter.
//!
//! A task is written as JSON (for systems and for `release`) and as a short
//! card for the contact person. Both hold personal data (the person's name and
//! phone number, the event): they are written atomically and readable only by
//! the owner, and nothing of them goes to the terminal.

use crate::calendar::add_working_days;
use crate::dutch::{self, NameParts};
use crate::event::EventType;
use crate::event::{CaseEvent, Salutation};
use crate::route::Reason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The shipped talking points, used when the templates folder has none.
pub const DEFAULT_TALKING_POINTS: &str = include_str!("../letter-templates/talking-points.toml");

/// The file with talking points in the templates folder.
pub const TALKING_POINTS_FILE: &str = "talking-points.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TalkingPointsFile {
    default: Points,
    #[serde(default)]
    event_types: BTreeMap<String, Points>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Points {
    points: Vec<String>,
}

/// Talking points per event type.
#[derive(Debug, Clone)]
pub struct TalkingPoints {
    default: Vec<String>,
    by_type: BTreeMap<EventType, Vec<String>>,
}

impl TalkingPoints {
    /// Reads `talking-points.toml` from the templates folder, or the shipped one.
    pub fn load(templates_dir: &Path) -> Result<TalkingPoints, String> {
        let path = templates_dir.join(TALKING_POINTS_FILE);
        let (text, name) = match std::fs::read_to_string(&path) {
            Ok(text) => (text, path.display().to_string()),
            Err(_) => (
                DEFAULT_TALKING_POINTS.to_string(),
                "talking-points.toml (ingebouwd)".to_string(),
            ),
        };
        Self::parse(&text, &name)
    }

    /// Parses talking points; an unknown event type is an error.
    pub fn parse(text: &str, name: &str) -> Result<TalkingPoints, String> {
        let file: TalkingPointsFile =
            toml::from_str(text).map_err(|e| format!("{name}: {}", e.message()))?;
        let mut by_type = BTreeMap::new();
        for (key, points) in file.event_types {
            let event_type = EventType::from_name(&key)
                .ok_or_else(|| format!("{name}: het soort gebeurtenis \"{key}\" bestaat niet"))?;
            by_type.insert(event_type, points.points);
        }
        Ok(TalkingPoints {
            default: file.default.points,
            by_type,
        })
    }

    /// The points for one event type.
    pub fn for_type(&self, event_type: EventType) -> &[String] {
        self.by_type.get(&event_type).unwrap_or(&self.default)
    }
}

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

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Nobody has been reached yet.
    Open,
    /// The call is recorded and the letter went out.
    Released,
}

/// A recorded attempt to reach the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// The contact's id in the case system.
    pub contact_id: String,
    /// When.
    pub at: String,
    /// "reached" or "no_contact".
    pub outcome: String,
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
    /// The held draft letter, when the event type has a template.
    pub held_letter: Option<HeldLetter>,
    /// Open or released.
    pub status: TaskStatus,
    /// Recorded attempts to reach the person.
    #[serde(default)]
    pub attempts: Vec<Attempt>,
    /// The event itself (CloudEvents JSON), to make the letter again when the call is recorded.
    pub event: serde_json::Value,
}

/// The person's name as used in a letter's text.
pub fn person_name(event: &CaseEvent) -> String {
    let r = &event.data.recipient;
    dutch::full_name(&NameParts {
        salutation: r.salutation.map(|s| match s {
            Salutation::Mevrouw => "mevrouw",
            Salutation::Heer => "heer",
        }),
        initials: r.initials.as_ref().map(|t| t.as_str()),
        first_name: r.first_name.as_ref().map(|t| t.as_str()),
        prefix: r.prefix.as_ref().map(|t| t.as_str()),
        surname: r.surname.as_str(),
    })
}

impl CallFirstTask {
    /// A new open task for an event, made on `today`, due `working_days` later.
    pub fn new(
        event: &CaseEvent,
        reasons: &[Reason],
        points: &TalkingPoints,
        today: NaiveDate,
        working_days: u32,
    ) -> CallFirstTask {
        let contact = &event.data.contact;
        CallFirstTask {
            task_id: format!("task-{}", event.id),
            event_id: event.id.clone(),
            case_id: event.data.case.zaak_id.to_string(),
            event_type: event.event_type,
            created_on: today.format("%Y-%m-%d").to_string(),
            deadline: add_working_days(today, working_days)
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
            talking_points: points.for_type(event.event_type).to_vec(),
            held_letter: None,
            status: TaskStatus::Open,
            attempts: Vec::new(),
            event: event.to_envelope(),
        }
    }

    /// The task as JSON, as it is written to `<id>.task.json`.
    pub fn to_json(&self) -> String {
        // Only string keys and plain values: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The task as a short card for the contact person, in Dutch.
    pub fn card(&self) -> String {
        let date = |iso: &str| {
            crate::event::parse_iso_date(iso).map_or(iso.to_string(), |d| dutch::long_date(d, true))
        };
        let mut out = String::new();
        out.push_str(&format!(
            "Eerst bellen, daarna pas de brief ({})\n\n",
            self.event_type.dutch_name()
        ));
        out.push_str(&format!("Bel: {}", self.person.name));
        match &self.person.phone {
            Some(phone) => out.push_str(&format!(", {phone}\n")),
            None => out.push_str(" (telefoonnummer onbekend: zoek het op in het zaaksysteem)\n"),
        }
        out.push_str(&format!(
            "Wie belt: {}, {}\n",
            self.contact_person.name, self.contact_person.phone
        ));
        out.push_str(&format!("Uiterlijk: {}\n", date(&self.deadline)));
        out.push_str(&format!(
            "Zaak: {} · gebeurtenis {} · taak {}\n\n",
            self.case_id, self.event_id, self.task_id
        ));
        out.push_str("Waarom eerst bellen?\n");
        for reason in &self.reasons {
            out.push_str(&format!("- {}\n", reason.message));
        }
        out.push_str("\nGesprekspunten\n");
        for (i, point) in self.talking_points.iter().enumerate() {
            out.push_str(&format!("{}. {point}\n", i + 1));
        }
        out.push('\n');
        match &self.held_letter {
            Some(held) => out.push_str(&format!("De brief wacht: {}\n", held.path)),
            None => out.push_str(
                "Er is nog geen sjabloon voor deze brief: schrijf de brief na het gesprek zelf.\n",
            ),
        }
        out.push_str("Leg het gesprek vast in het zaaksysteem. Dan gaat de brief pas weg.\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_talking_points_load_and_fall_back_to_default() {
        let points = TalkingPoints::parse(DEFAULT_TALKING_POINTS, "talking-points.toml").unwrap();
        assert!(
            points
                .for_type(EventType::AdministrativeFine)
                .iter()
                .any(|p| p.contains("geen verhoor"))
        );
        assert!(
            points
                .for_type(EventType::AdministrativeFine)
                .iter()
                .any(|p| p.contains("geen vragen hoeft te beantwoorden"))
        );
        assert!(
            points.for_type(EventType::BenefitChanged)[0]
                .starts_with("Vraag eerst hoe het met de persoon gaat")
        );
    }

    #[test]
    fn an_unknown_event_type_is_refused() {
        let text = "[default]\npoints = [\"a\"]\n[event-types.parkeren]\npoints = [\"b\"]\n";
        assert!(
            TalkingPoints::parse(text, "t.toml")
                .unwrap_err()
                .contains("parkeren")
        );
    }
}
