//! Step 1 of the pipeline: read and validate case events (DESIGN.md §2).
//!
//! An event is a CloudEvents 1.0 JSON object following the NL GOV profile.
//! One event a file, or many as NDJSON (one event a line). Every problem is an
//! [`EventError`] that names the event (its id, or the file and line when there
//! is no id), the JSON path, what is wrong and how to fix it. Errors never
//! repeat a field's value: values may be personal data.

use crate::bsn::contains_possible_bsn;
use crate::event_type::{Besluit, EventType, TYPE_PREFIX};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Separates the problem from the fix inside a serde custom error message.
const FIX_SEPARATOR: char = '\u{1f}';

/// A validated case event.
#[derive(Debug, Clone, Serialize)]
pub struct CaseEvent {
    /// The CloudEvents `id`: unique per event in the case system.
    pub id: String,
    /// The CloudEvents `source`, a URN naming the case system.
    pub source: String,
    /// The event type, from the `type` suffix.
    pub event_type: EventType,
    /// The case id (zaak-identificatie); never a BSN.
    pub subject: String,
    /// When the case system logged the event.
    pub time: Timestamp,
    /// The event's payload.
    pub data: EventData,
}

impl CaseEvent {
    /// The event as CloudEvents JSON again (structured mode), e.g. to keep in a task.
    pub fn to_envelope(&self) -> Value {
        serde_json::json!({
            "specversion": "1.0",
            "id": self.id,
            "source": self.source,
            "type": format!("{TYPE_PREFIX}{}", self.event_type),
            "subject": self.subject,
            "time": self.time,
            "datacontenttype": "application/json",
            "data": self.data,
        })
    }
}

/// The `data` part of a case event.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventData {
    /// Same as the `type` suffix.
    pub event_type: EventType,
    /// The real-world date the event is about.
    pub occurred_on: IsoDate,
    /// The case this event belongs to.
    pub case: Case,
    /// The decision, for events that carry one.
    #[serde(default)]
    pub decision: Option<Decision>,
    /// The person the letter is for.
    pub recipient: Recipient,
    /// The named contact person at the municipality.
    pub contact: Contact,
    /// Amounts of money involved.
    #[serde(default)]
    pub amounts: Vec<Amount>,
    /// Dates by which something has to happen.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Documents the person is asked to send.
    #[serde(default)]
    pub documents_requested: Vec<Text>,
    /// An appointment the letter is about.
    #[serde(default)]
    pub appointment: Option<Appointment>,
    /// Facts that decide whether someone calls first.
    pub flags: Flags,
    /// A call or visit that already took place.
    #[serde(default)]
    pub prior_contact: Option<PriorContact>,
}

/// The case (zaak).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The case id, shown as "Ons kenmerk".
    pub zaak_id: Text,
    /// The kind of case in the case system.
    #[serde(default, deserialize_with = "optional_text")]
    pub zaaktype: Option<Text>,
    /// A short status text from the case system.
    #[serde(default, deserialize_with = "optional_text")]
    pub status_text: Option<Text>,
}

/// A decision (besluit) and its grounds.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Whether this is a besluit in the sense of the Awb (objection possible).
    pub is_besluit: bool,
    /// The date of the decision.
    pub datum: IsoDate,
    /// The date the decision takes effect.
    #[serde(default)]
    pub ingangsdatum: Option<IsoDate>,
    /// The legal basis, e.g. "artikel 18 lid 2 Participatiewet".
    #[serde(default)]
    pub legal_basis: Vec<Text>,
    /// The reasons for the decision, in plain words.
    #[serde(default)]
    pub reasons: Vec<Text>,
}

/// How the municipality addresses the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Salutation {
    /// "mevrouw"
    Mevrouw,
    /// "heer" ("de heer" in an address, "meneer" in a greeting)
    Heer,
}

/// How a letter reaches the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// Paper mail.
    Post,
    /// The MijnOverheid Berichtenbox.
    Berichtenbox,
    /// E-mail.
    Email,
}

/// The person the letter is for.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// A reference to the person in the case system (not a BSN).
    pub person_ref: Text,
    /// "mevrouw" or "heer"; absent when the person did not say.
    #[serde(default)]
    pub salutation: Option<Salutation>,
    /// Initials, e.g. "S.J."
    #[serde(default, deserialize_with = "optional_text")]
    pub initials: Option<Text>,
    /// First name as the person uses it.
    #[serde(default, deserialize_with = "optional_text")]
    pub first_name: Option<Text>,
    /// The surname prefix (tussenvoegsel), e.g. "van der".
    #[serde(default, deserialize_with = "optional_text")]
    pub prefix: Option<Text>,
    /// The surname without prefix.
    pub surname: Text,
    /// The postal address.
    pub address: Address,
    /// The person's phone number, if known.
    #[serde(default, deserialize_with = "optional_text")]
    pub phone: Option<Text>,
    /// How the letter is sent.
    pub channel: Channel,
}

/// A Dutch postal address.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street name.
    pub street: Text,
    /// House number.
    pub number: Text,
    /// House number addition, e.g. "A" or "2 hoog".
    #[serde(default, deserialize_with = "optional_text")]
    pub addition: Option<Text>,
    /// Postcode, e.g. "1234 AB" (any form for an address abroad).
    pub postcode: Text,
    /// Town or city.
    pub city: Text,
    /// The country, only for an address abroad ("België"); it becomes the last line.
    #[serde(default, deserialize_with = "optional_text")]
    pub country: Option<Text>,
}

impl Address {
    /// Whether this is an address abroad (a country other than the Netherlands is given).
    pub fn is_abroad(&self) -> bool {
        self.country
            .as_ref()
            .is_some_and(|c| !crate::dutch::is_the_netherlands(c.as_str()))
    }
}

/// The named contact person at the municipality.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The contact person's name.
    pub name: Text,
    /// A direct phone number.
    pub phone: Text,
    /// E-mail address.
    #[serde(default, deserialize_with = "optional_text")]
    pub email: Option<Text>,
    /// Team name.
    #[serde(default, deserialize_with = "optional_text")]
    pub team: Option<Text>,
    /// When the contact person can be reached, e.g. "maandag tot en met donderdag van 9.00 tot 12.00 uur".
    #[serde(default, deserialize_with = "optional_text")]
    pub reachable: Option<Text>,
}

/// An amount of money with what it is for.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// What the amount is, e.g. "bijstand per maand".
    pub label: Text,
    /// The amount in whole euro cents.
    pub amount_cents: Cents,
    /// Start of the period the amount covers.
    #[serde(default)]
    pub period_from: Option<IsoDate>,
    /// End of the period the amount covers.
    #[serde(default)]
    pub period_to: Option<IsoDate>,
}

/// A date by which something has to happen.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// What has to happen.
    pub label: Text,
    /// The last day.
    pub date: IsoDate,
}

/// An appointment.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appointment {
    /// Date and time the appointment starts.
    pub start: Timestamp,
    /// Where it takes place.
    pub location: Text,
    /// What it is for.
    pub purpose: Text,
    /// What to bring.
    #[serde(default)]
    pub bring: Vec<Text>,
}

/// Facts that decide whether someone calls before a letter goes out.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flags {
    /// The case is about a sanction (maatregel, boete, terugvordering, stopping a benefit).
    pub sanction: bool,
    /// The case involves a suspicion of fraud.
    pub fraud_suspicion: bool,
    /// The person is known to be vulnerable.
    #[serde(default)]
    pub vulnerable: bool,
    /// The decision has retroactive effect.
    #[serde(default)]
    pub retroactive: bool,
    /// Why the event happened, where routing depends on it.
    #[serde(default)]
    pub reason: Option<FlagReason>,
}

/// Why an event happened, for the conditional rows of the routing table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagReason {
    /// The municipality asked for this information before.
    RepeatRequest,
    /// A rejection rests on data from a third party.
    ThirdPartyData,
    /// A rejection rests on a finding about the household.
    HouseholdFinding,
    /// A rejection rests on a fraud finding.
    FraudFinding,
    /// A review was triggered by a signal (e.g. a tip or a data match).
    Signal,
    /// An invitation follows a missed appointment.
    MissedAppointment,
    /// A change lowers the benefit.
    Decrease,
    /// The person reported the change that ends the benefit.
    ReportedByPerson,
    /// The benefit ends for a reason the person did not report.
    NotReportedByPerson,
    /// An objection decision upholds a sanction.
    UpheldInSanctionCase,
    /// An objection decision upholds a decision in a fraud case.
    UpheldInFraudCase,
}

/// How a contact happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    /// A phone call.
    Phone,
    /// A visit.
    Visit,
}

/// Whether the person was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    /// The contact person spoke with the person.
    Reached,
    /// Nobody could be reached.
    NoContact,
}

/// A call or visit that already took place.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorContact {
    /// The id of the contact in the case system.
    pub contact_id: Text,
    /// When it took place.
    pub at: Timestamp,
    /// Phone or visit.
    pub channel: ContactChannel,
    /// Reached or not.
    pub outcome: ContactOutcome,
    /// What the contact person heard, in a few words.
    #[serde(default, deserialize_with = "optional_text")]
    pub heard: Option<Text>,
}

/// A text value that is never empty or only white space (trimmed on reading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(de::Error::custom(format!(
                "het veld is leeg{FIX_SEPARATOR}Vul het veld in het zaaksysteem in, of laat het weg als het niet verplicht is."
            )));
        }
        Ok(Text(trimmed.to_string()))
    }
}

/// Reads an optional text; an empty or blank string counts as absent.
fn optional_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Text>, D::Error> {
    let raw: Option<String> = Option::deserialize(deserializer)?;
    Ok(raw
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(Text))
}

/// A calendar date written as ISO 8601 (`2026-11-23`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate(pub NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = IsoDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as text, like \"2026-11-23\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IsoDate, E> {
                parse_iso_date(v).map(IsoDate).ok_or_else(|| {
                    let problem = if looks_like_iso_date(v) {
                        "deze datum bestaat niet"
                    } else {
                        "dit is geen datum in de vorm jjjj-mm-dd"
                    };
                    E::custom(format!(
                        "{problem}{FIX_SEPARATOR}Schrijf de datum als jaar-maand-dag, bijvoorbeeld \"2026-11-23\"."
                    ))
                })
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

/// Whether `v` has the shape `dddd-dd-dd`, whether or not the date exists.
fn looks_like_iso_date(v: &str) -> bool {
    v.len() == 10
        && v.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Parses exactly `YYYY-MM-DD`.
pub fn parse_iso_date(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// A moment in time written as RFC 3339 with an offset (`2026-11-23T09:30:00+01:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TimestampVisitor;
        impl Visitor<'_> for TimestampVisitor {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date and time as text, like \"2026-11-23T09:30:00+01:00\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
                DateTime::parse_from_rfc3339(v).map(Timestamp).map_err(|_| {
                    E::custom(format!(
                        "dit is geen datum met tijd in de vorm jjjj-mm-ddTuu:mm:ss+01:00{FIX_SEPARATOR}Schrijf datum, tijd en tijdzone, bijvoorbeeld \"2026-11-23T09:30:00+01:00\"."
                    ))
                })
            }
        }
        deserializer.deserialize_str(TimestampVisitor)
    }
}

/// An amount of money in whole euro cents (35038 is € 350,38).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

impl<'de> Deserialize<'de> for Cents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CentsVisitor;
        const FIX: &str =
            "Geef het bedrag in hele centen als getal zonder komma of punt: € 350,38 is 35038.";
        impl Visitor<'_> for CentsVisitor {
            type Value = Cents;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount in whole cents")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cents, E> {
                Ok(Cents(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cents, E> {
                i64::try_from(v)
                    .map(Cents)
                    .map_err(|_| E::custom(format!("het bedrag is te groot{FIX_SEPARATOR}{FIX}")))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Cents, E> {
                Err(E::custom(format!(
                    "het bedrag is geen heel aantal centen{FIX_SEPARATOR}{FIX}"
                )))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Cents, E> {
                Err(E::custom(format!(
                    "het bedrag staat als tekst, niet als getal in centen{FIX_SEPARATOR}{FIX}"
                )))
            }
        }
        deserializer.deserialize_any(CentsVisitor)
    }
}

/// Where an event came from: a file, and a line for NDJSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file name as given on the command line, or "stdin".
    pub file: String,
    /// The 1-based line in an NDJSON file.
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => f.write_str(&self.file),
        }
    }
}

/// A problem with one event: which event, where in it, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {}: {}: {problem}. {fix}", event_label(.event_id), path_label(.path))]
pub struct EventError {
    /// Where the event came from.
    pub origin: Origin,
    /// The event's id, when it has a readable one.
    pub event_id: Option<String>,
    /// The JSON path of the field, e.g. `data.recipient.surname`; empty for the whole event.
    pub path: String,
    /// What is wrong, in Dutch.
    pub problem: String,
    /// How to fix it, in Dutch.
    pub fix: String,
}

fn event_label(id: &Option<String>) -> String {
    match id {
        Some(id) => format!("gebeurtenis {id}"),
        None => "gebeurtenis zonder id".to_string(),
    }
}

fn path_label(path: &str) -> String {
    if path.is_empty() {
        "de hele gebeurtenis".to_string()
    } else {
        format!("veld {path}")
    }
}

/// Reads events from the text of a file: one JSON object, or NDJSON.
///
/// Every event ends as exactly one `Ok` or `Err`; one broken line does not
/// stop the others. Blank lines are skipped.
pub fn parse_events(text: &str, file: &str) -> Vec<Result<CaseEvent, EventError>> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return vec![Err(EventError {
            origin: Origin {
                file: file.to_string(),
                line: None,
            },
            event_id: None,
            path: String::new(),
            problem: "het bestand is leeg".to_string(),
            fix: "Exporteer de gebeurtenis opnieuw uit het zaaksysteem.".to_string(),
        })];
    }
    // A single (possibly pretty-printed) JSON object?
    if serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok() {
        let origin = Origin {
            file: file.to_string(),
            line: None,
        };
        return vec![parse_event(trimmed, origin)];
    }
    let lines: Vec<&str> = text.lines().collect();
    let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
    if non_blank == 1 || !trimmed.starts_with('{') {
        // One event with a syntax error: report it once, with its position.
        let origin = Origin {
            file: file.to_string(),
            line: None,
        };
        return vec![parse_event(trimmed, origin)];
    }
    lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let origin = Origin {
                file: file.to_string(),
                line: Some(i + 1),
            };
            parse_event(line, origin)
        })
        .collect()
}

/// Reads every event from files, folders (their `*.json`, `*.ndjson` and `*.jsonl`
/// files, sorted) and `-` (stdin). Each event ends as exactly one `Ok` or `Err`.
pub fn read_events(inputs: &[PathBuf]) -> Vec<Result<CaseEvent, EventError>> {
    let mut results = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut text = String::new();
            match std::io::stdin().read_to_string(&mut text) {
                Ok(_) => results.extend(parse_events(&text, "stdin")),
                Err(e) => results.push(Err(unreadable("stdin", &e))),
            }
        } else if input.is_dir() {
            match event_files(input) {
                Ok(files) => {
                    for file in files {
                        results.extend(read_file(&file));
                    }
                }
                Err(e) => results.push(Err(unreadable(&input.display().to_string(), &e))),
            }
        } else {
            results.extend(read_file(input));
        }
    }
    results
}

fn read_file(path: &Path) -> Vec<Result<CaseEvent, EventError>> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => parse_events(&text, &name),
            Err(_) => vec![Err(EventError {
                origin: Origin {
                    file: name,
                    line: None,
                },
                event_id: None,
                path: String::new(),
                problem: "het bestand is geen UTF-8-tekst".to_string(),
                fix: "Exporteer de gebeurtenissen als UTF-8 uit het zaaksysteem.".to_string(),
            })],
        },
        Err(e) => vec![Err(unreadable(&name, &e))],
    }
}

fn unreadable(name: &str, e: &std::io::Error) -> EventError {
    EventError {
        origin: Origin {
            file: name.to_string(),
            line: None,
        },
        event_id: None,
        path: String::new(),
        problem: format!(
            "het bestand kan niet worden gelezen ({})",
            crate::fs::io_reason(e)
        ),
        fix: "Controleer het pad en de rechten.".to_string(),
    }
}

/// The event files of a folder (`*.json`, `*.ndjson`, `*.jsonl`), sorted.
pub fn event_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|x| x == "json" || x == "ndjson" || x == "jsonl")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Reads and validates one event from its JSON text.
pub fn parse_event(json: &str, origin: Origin) -> Result<CaseEvent, EventError> {
    let value: Value = serde_json::from_str(json).map_err(|e| EventError {
        origin: origin.clone(),
        event_id: None,
        path: String::new(),
        problem: format!(
            "de tekst is geen geldige JSON (regel {}, kolom {})",
            e.line(),
            e.column()
        ),
        fix: "Controleer de export uit het zaaksysteem: elke gebeurtenis is één JSON-object, bij NDJSON één per regel.".to_string(),
    })?;
    event_from_value(value, origin)
}

/// Validates one event that is already parsed as JSON.
pub fn event_from_value(value: Value, origin: Origin) -> Result<CaseEvent, EventError> {
    let Value::Object(mut envelope) = value else {
        return Err(EventError {
            origin,
            event_id: None,
            path: String::new(),
            problem: "de gebeurtenis is geen JSON-object".to_string(),
            fix: "Geef elke gebeurtenis als object tussen { en }.".to_string(),
        });
    };
    let event_id = envelope
        .get("id")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|id| is_readable_id(id))
        .map(str::to_string);
    let fail = |path: &str, problem: &str, fix: &str| EventError {
        origin: origin.clone(),
        event_id: event_id.clone(),
        path: path.to_string(),
        problem: problem.to_string(),
        fix: fix.to_string(),
    };

    // A BSN must never enter helder, not even in an error message.
    if let Some(path) = find_possible_bsn(&Value::Object(envelope.clone()), String::new()) {
        return Err(fail(
            &path,
            "hier staat een nummer van negen cijfers dat een BSN kan zijn",
            "helder verwerkt geen BSN. Gebruik het zaaknummer (zaak-identificatie) of een eigen kenmerk van het zaaksysteem.",
        ));
    }

    let id = event_id.clone().ok_or_else(|| {
        fail(
            "id",
            "de gebeurtenis heeft geen bruikbaar id",
            "Geef elke gebeurtenis een uniek id van 1 tot 200 tekens, zonder regeleinden.",
        )
    })?;
    let specversion = envelope.get("specversion").and_then(Value::as_str);
    if specversion != Some("1.0") {
        return Err(fail(
            "specversion",
            "specversion ontbreekt of is niet \"1.0\"",
            "Zet \"specversion\": \"1.0\" in de gebeurtenis (CloudEvents 1.0).",
        ));
    }
    let source = required_string(&envelope, "source").ok_or_else(|| {
        fail(
            "source",
            "de bron (source) ontbreekt",
            "Geef de bron als URN, bijvoorbeeld \"urn:nld:oin:00000001234567890000:systeem:zaken\".",
        )
    })?;
    let type_attr = required_string(&envelope, "type").ok_or_else(|| {
        fail(
            "type",
            "het soort gebeurtenis (type) ontbreekt",
            &format!("Geef het type als \"{TYPE_PREFIX}<soort>\", bijvoorbeeld \"{TYPE_PREFIX}benefit_granted\"."),
        )
    })?;
    let event_type =
        parse_type_attr(&type_attr).map_err(|(problem, fix)| fail("type", &problem, &fix))?;
    let subject = required_string(&envelope, "subject").ok_or_else(|| {
        fail(
            "subject",
            "het zaaknummer (subject) ontbreekt",
            "Zet het zaaknummer in \"subject\", hetzelfde als data.case.zaak_id.",
        )
    })?;
    let time = match envelope.get("time") {
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
            .map(Timestamp)
            .map_err(|_| {
                fail(
                    "time",
                    "dit is geen datum met tijd in de vorm jjjj-mm-ddTuu:mm:ss+01:00",
                    "Schrijf datum, tijd en tijdzone, bijvoorbeeld \"2026-11-23T09:30:00+01:00\".",
                )
            })?,
        _ => {
            return Err(fail(
                "time",
                "het tijdstip (time) ontbreekt",
                "Geef het moment waarop de gebeurtenis is vastgelegd, bijvoorbeeld \"2026-11-23T09:30:00+01:00\".",
            ));
        }
    };
    if let Some(content_type) = envelope.get("datacontenttype")
        && content_type.as_str() != Some("application/json")
    {
        return Err(fail(
            "datacontenttype",
            "datacontenttype is niet \"application/json\"",
            "Laat het veld weg of zet het op \"application/json\".",
        ));
    }
    let data_value = envelope.remove("data").ok_or_else(|| {
        fail(
            "data",
            "de inhoud (data) ontbreekt",
            "Geef de gegevens van de zaak in het object \"data\".",
        )
    })?;
    let data: EventData = serde_path_to_error::deserialize(data_value).map_err(|e| {
        let (path, problem, fix) = explain_serde_error(&e);
        fail(&path, &problem, &fix)
    })?;
    if data.event_type != event_type {
        return Err(fail(
            "data.event_type",
            &format!(
                "data.event_type ({}) is niet hetzelfde als het type van de gebeurtenis ({event_type})",
                data.event_type
            ),
            "Maak beide gelijk; het deel na \"nl.participatiewet.bijstand.\" in type is het juiste soort.",
        ));
    }
    validate_data(&data, event_type).map_err(|(path, problem, fix)| fail(&path, &problem, &fix))?;
    Ok(CaseEvent {
        id,
        source,
        event_type,
        subject,
        time,
        data,
    })
}

fn is_readable_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= 200 && !id.chars().any(char::is_control)
}

fn required_string(envelope: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    envelope
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn parse_type_attr(type_attr: &str) -> Result<EventType, (String, String)> {
    let Some(name) = type_attr.strip_prefix(TYPE_PREFIX) else {
        return Err((
            format!("het type begint niet met \"{TYPE_PREFIX}\""),
            format!(
                "Geef het type als \"{TYPE_PREFIX}<soort>\", bijvoorbeeld \"{TYPE_PREFIX}benefit_granted\"."
            ),
        ));
    };
    EventType::from_name(name).ok_or_else(|| {
        let hint = match EventType::closest(name) {
            Some(t) => format!("Bedoelt u \"{TYPE_PREFIX}{t}\"? "),
            None => String::new(),
        };
        (
            format!(
                "helder kent het soort gebeurtenis \"{}\" niet",
                shorten(name, 60)
            ),
            format!(
                "{hint}De soorten die helder kent, staan in DESIGN.md §3 en in `helder templates`."
            ),
        )
    })
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// The JSON path of the first value that may be a BSN, if any.
fn find_possible_bsn(value: &Value, path: String) -> Option<String> {
    match value {
        Value::String(s) => contains_possible_bsn(s).then_some(path),
        Value::Number(n) => {
            let is_amount = path.ends_with("amount_cents");
            (!is_amount
                && n.as_u64()
                    .is_some_and(|v| contains_possible_bsn(&v.to_string())))
            .then_some(path)
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| find_possible_bsn(item, format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            find_possible_bsn(item, child)
        }),
        Value::Bool(_) | Value::Null => None,
    }
}

/// Turns a serde error into a JSON path, a problem and a fix, in Dutch, without values.
fn explain_serde_error(
    e: &serde_path_to_error::Error<serde_json::Error>,
) -> (String, String, String) {
    let inner = e.inner().to_string();
    let base = e.path().to_string();
    let base = if base == "." || base.is_empty() {
        String::new()
    } else {
        base
    };
    let join = |field: &str| {
        if base.is_empty() {
            format!("data.{field}")
        } else {
            format!("data.{base}.{field}")
        }
    };
    let here = if base.is_empty() {
        "data".to_string()
    } else {
        format!("data.{base}")
    };

    if let Some((problem, fix)) = inner.split_once(FIX_SEPARATOR) {
        return (here, problem.to_string(), fix.to_string());
    }
    if let Some(rest) = inner.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return (
            join(field),
            "dit verplichte veld ontbreekt".to_string(),
            "Vul het veld in het zaaksysteem in en exporteer de gebeurtenis opnieuw.".to_string(),
        );
    }
    if inner.starts_with("unknown field `") {
        // serde_path_to_error's path already ends with the unknown field.
        return (
            shorten(&here, 120),
            "helder kent dit veld niet".to_string(),
            format!(
                "Controleer de spelling of laat het veld weg. Velden die hier kunnen: {}.",
                expected_list(&inner)
            ),
        );
    }
    if inner.starts_with("unknown variant `") {
        return (
            here,
            "deze waarde kent helder hier niet".to_string(),
            format!("Gebruik een van deze waarden: {}.", expected_list(&inner)),
        );
    }
    if let Some(rest) = inner.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            here,
            format!("verkeerd soort waarde: {} gevonden", dutch_kind(found)),
            format!("Geef hier {}.", dutch_kind(expected)),
        );
    }
    (
        here,
        "deze waarde is ongeldig".to_string(),
        "Controleer het veld tegen de beschrijving van gebeurtenissen in DESIGN.md §2.".to_string(),
    )
}

/// The names after "expected" in a serde message, as a plain Dutch list.
fn expected_list(message: &str) -> String {
    let names: Vec<&str> = message
        .split_once("expected ")
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, name)| name)
        .collect();
    names.join(", ")
}

/// A Dutch name for a serde value kind ("a string" → "tekst").
fn dutch_kind(serde_kind: &str) -> &'static str {
    let k = serde_kind.to_ascii_lowercase();
    if k.starts_with("string") || k.contains("a string") || k.contains("as text") {
        "tekst"
    } else if k.contains("bool") {
        "ja of nee (true of false)"
    } else if k.contains("floating") {
        "een getal met decimalen"
    } else if k.contains("integer") || k.contains("i64") || k.contains("u64") || k.contains("cents")
    {
        "een geheel getal"
    } else if k.contains("sequence") {
        "een lijst [ … ]"
    } else if k.contains("map") || k.contains("struct") {
        "een object { … }"
    } else if k.contains("null") || k.contains("unit") {
        "niets (null)"
    } else {
        "een andere waarde"
    }
}

type Invalid = (String, String, String);

fn invalid(path: &str, problem: &str, fix: &str) -> Invalid {
    (path.to_string(), problem.to_string(), fix.to_string())
}

/// Checks that need more than the types: postcodes, phone numbers, the parts an event type needs.
fn validate_data(data: &EventData, event_type: EventType) -> Result<(), Invalid> {
    let lists = [
        ("data.amounts", data.amounts.len()),
        ("data.deadlines", data.deadlines.len()),
        ("data.documents_requested", data.documents_requested.len()),
        (
            "data.decision.reasons",
            data.decision.as_ref().map_or(0, |d| d.reasons.len()),
        ),
        (
            "data.decision.legal_basis",
            data.decision.as_ref().map_or(0, |d| d.legal_basis.len()),
        ),
        (
            "data.appointment.bring",
            data.appointment.as_ref().map_or(0, |a| a.bring.len()),
        ),
    ];
    for (path, length) in lists {
        if length > MAX_LIST_ITEMS {
            return Err(invalid(
                path,
                &format!(
                    "deze lijst heeft {length} regels; in een brief passen er hoogstens {MAX_LIST_ITEMS}"
                ),
                "Controleer de export uit het zaaksysteem.",
            ));
        }
    }
    if !data.recipient.address.is_abroad()
        && crate::dutch::normalize_postcode(data.recipient.address.postcode.as_str()).is_none()
    {
        return Err(invalid(
            "data.recipient.address.postcode",
            "dit is geen Nederlandse postcode",
            "Schrijf de postcode als vier cijfers en twee letters, bijvoorbeeld \"1234 AB\".",
        ));
    }
    if !looks_like_phone(data.contact.phone.as_str()) {
        return Err(invalid(
            "data.contact.phone",
            "dit is geen telefoonnummer",
            "Geef het directe nummer van de contactpersoon, bijvoorbeeld \"020 123 45 67\".",
        ));
    }
    if let Some(phone) = &data.recipient.phone
        && !looks_like_phone(phone.as_str())
    {
        return Err(invalid(
            "data.recipient.phone",
            "dit is geen telefoonnummer",
            "Geef alleen cijfers, spaties, streepjes en eventueel een + vooraan, of laat het veld weg.",
        ));
    }
    for (i, amount) in data.amounts.iter().enumerate() {
        if let (Some(from), Some(to)) = (amount.period_from, amount.period_to)
            && to < from
        {
            return Err(invalid(
                &format!("data.amounts[{i}].period_to"),
                "de periode eindigt voordat ze begint",
                "Controleer period_from en period_to.",
            ));
        }
    }
    if event_type.needs_appointment() && data.appointment.is_none() {
        return Err(invalid(
            "data.appointment",
            "voor dit soort gebeurtenis is een afspraak nodig, maar die ontbreekt",
            "Geef de afspraak mee met start, location en purpose.",
        ));
    }
    if event_type == EventType::ContactRecorded && data.prior_contact.is_none() {
        return Err(invalid(
            "data.prior_contact",
            "het vastgelegde contact ontbreekt",
            "Geef prior_contact mee met contact_id, at, channel en outcome.",
        ));
    }
    if event_type.besluit() == Besluit::Always && data.decision.is_none() {
        return Err(invalid(
            "data.decision",
            "voor dit soort gebeurtenis is een besluit nodig, maar dat ontbreekt",
            "Geef het besluit mee met is_besluit, datum, legal_basis en reasons.",
        ));
    }
    Ok(())
}

/// The longest list an event may carry (amounts, reasons, papers, …): a letter has room for no more.
pub const MAX_LIST_ITEMS: usize = 100;

fn looks_like_phone(raw: &str) -> bool {
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    let allowed = raw.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && i == 0) || c == '(' || c == ')'
    });
    allowed && (3..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_recognised() {
        assert!(looks_like_phone("020 123 45 67"));
        assert!(looks_like_phone("+31 6 12345678"));
        assert!(looks_like_phone("14 020"));
        assert!(!looks_like_phone("bel maar"));
        assert!(!looks_like_phone("06-1234+5678"));
    }

    #[test]
    fn iso_dates_are_strict() {
        assert!(parse_iso_date("2026-11-23").is_some());
        assert!(parse_iso_date("2026-2-3").is_none());
        assert!(parse_iso_date("23-11-2026").is_none());
        assert!(parse_iso_date("2026-02-30").is_none());
    }
}
