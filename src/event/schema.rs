//! The shape of a case event (DESIGN.md §2): the CloudEvents envelope and its
//! `data`, as types. serde reads them; what types cannot say is checked in
//! [`super::validate`].

use super::details::{
    Assistance, Debt, EarlierDecision, GrossNet, Measure, Objection, Payment, Revision,
};
use super::event_type::{EventType, TYPE_PREFIX};
use super::values::{Cents, IsoDate, Text, Timestamp, optional_text};
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    /// The decision this letter is about or follows.
    #[serde(default)]
    pub earlier_decision: Option<EarlierDecision>,
    /// The decision on an objection: outcome, changes, costs.
    #[serde(default)]
    pub objection: Option<Objection>,
    /// A measure, fine, warning or planned measure.
    #[serde(default)]
    pub measure: Option<Measure>,
    /// What happened, in plain words (for a planned measure or an investigation).
    #[serde(default)]
    pub facts: Vec<Text>,
    /// A revision or revocation of the benefit.
    #[serde(default)]
    pub revision: Option<Revision>,
    /// When money is paid.
    #[serde(default)]
    pub payment: Option<Payment>,
    /// Money the person owes, and how it is paid.
    #[serde(default)]
    pub debt: Option<Debt>,
    /// Whether special assistance is a gift or a loan.
    #[serde(default)]
    pub assistance: Option<Assistance>,
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

impl Recipient {
    /// The parts of the person's name, as the Dutch name and address rules take them.
    pub fn name_parts(&self) -> crate::dutch::NameParts<'_> {
        crate::dutch::NameParts {
            salutation: self.salutation.map(|s| match s {
                Salutation::Mevrouw => "mevrouw",
                Salutation::Heer => "heer",
            }),
            initials: self.initials.as_ref().map(Text::as_str),
            first_name: self.first_name.as_ref().map(Text::as_str),
            prefix: self.prefix.as_ref().map(Text::as_str),
            surname: self.surname.as_str(),
        }
    }
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
    /// The amount before this decision, when it changes.
    #[serde(default)]
    pub previous_cents: Option<Cents>,
    /// Whether the amount is gross or net.
    #[serde(default)]
    pub gross_net: Option<GrossNet>,
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

/// What a person decided after a contact (DESIGN.md §3, "After the call").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactDecision {
    /// The held letter goes out, made again with what was heard.
    Send,
    /// No letter goes out: the person gave a good reason, or the facts were wrong.
    Withdraw,
    /// No letter goes out: the case is changed first, and the case system sends a new event.
    Revise,
}

impl ContactDecision {
    /// The value in events and in the journal.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactDecision::Send => "send",
            ContactDecision::Withdraw => "withdraw",
            ContactDecision::Revise => "revise",
        }
    }
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
    /// What the person said, in their own words (only when reached).
    #[serde(default, deserialize_with = "optional_text")]
    pub heard: Option<Text>,
    /// The id of the held event this contact is about. Without it, the one
    /// open task of the case; with several open, the contact is refused.
    #[serde(default, deserialize_with = "optional_text")]
    pub event_id: Option<Text>,
    /// What a person decided; required on a `contact_recorded` event when the person was reached.
    #[serde(default)]
    pub decision: Option<ContactDecision>,
    /// Whether the person gave a reason for what happened (only when reached).
    #[serde(default)]
    pub reason_given: bool,
}
