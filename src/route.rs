//! Step 2 of the pipeline: decide whether a letter goes out, or someone calls first.
//!
//! [`route`] is a pure function of the event and the policy (DESIGN.md §3). A
//! call-first event never leaves as a letter: the letter is held as a draft
//! until a `contact_recorded` event for the same case releases it.

use crate::event::{CaseEvent, ContactOutcome, FlagReason};
use crate::event::{Condition, EventType};
use crate::policy::{CallFirstFlag, Level, Policy};
use serde::Serialize;

/// Why an event needs a call first: a stable code and a Dutch explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Reason {
    /// A stable code, e.g. `event_type.always` or `flag.sanction`.
    pub code: String,
    /// What the contact person needs to know, in Dutch.
    pub message: String,
}

impl Reason {
    fn new(code: &str, message: impl Into<String>) -> Reason {
        Reason {
            code: code.to_string(),
            message: message.into(),
        }
    }
}

/// The routing decision for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The letter goes out.
    Letter,
    /// The contact person calls first; the letter is held.
    CallFirst(Vec<Reason>),
    /// A recorded contact that releases the held letter of the same case.
    Release,
}

impl Route {
    /// The route's name in JSON: `letter`, `call_first` or `release`.
    pub fn name(&self) -> &'static str {
        match self {
            Route::Letter => "letter",
            Route::CallFirst(_) => "call_first",
            Route::Release => "release",
        }
    }

    /// The reasons for a call first (empty for the other routes).
    pub fn reasons(&self) -> &[Reason] {
        match self {
            Route::CallFirst(reasons) => reasons,
            Route::Letter | Route::Release => &[],
        }
    }
}

/// The JSON that `helder route` prints (DESIGN.md §6).
#[derive(Debug, Serialize)]
pub struct RouteReport<'a> {
    /// The event's id.
    pub event_id: &'a str,
    /// `letter`, `call_first` or `release`.
    pub route: &'static str,
    /// Why a call first is needed.
    pub reasons: &'a [Reason],
}

impl<'a> RouteReport<'a> {
    /// The report for one event and its route.
    pub fn new(event: &'a CaseEvent, route: &'a Route) -> RouteReport<'a> {
        RouteReport {
            event_id: &event.id,
            route: route.name(),
            reasons: route.reasons(),
        }
    }
}

/// Decides the route of one event under a policy.
pub fn route(event: &CaseEvent, policy: &Policy) -> Route {
    if event.event_type == EventType::ContactRecorded {
        return Route::Release;
    }
    let mut reasons = Vec::new();
    let flags = &event.data.flags;
    for flag in policy.flags() {
        let (set, message) = match flag {
            CallFirstFlag::Sanction => (
                flags.sanction,
                "Het gaat om een maatregel, boete, terugvordering of het stoppen van de uitkering. Bel eerst en vraag wat er is gebeurd.",
            ),
            CallFirstFlag::FraudSuspicion => (
                flags.fraud_suspicion,
                "Er is een vermoeden van fraude. Bel eerst: vaak is er een andere verklaring. Het gesprek is geen verhoor.",
            ),
            CallFirstFlag::Vulnerable => (
                flags.vulnerable,
                "De persoon is kwetsbaar. Bel eerst, zodat de brief niet als een verrassing komt.",
            ),
            CallFirstFlag::Retroactive => (
                flags.retroactive,
                "Het besluit werkt terug in de tijd. Bel eerst en leg uit wat dit betekent.",
            ),
        };
        if set {
            reasons.push(Reason::new(&format!("flag.{}", flag.as_str()), message));
        }
    }
    match policy.level(event.event_type) {
        Level::Always => reasons.push(Reason::new(
            "event_type.always",
            always_message(event.event_type),
        )),
        Level::Conditional => reasons.extend(conditions(event)),
        Level::Never => {}
    }
    if reasons.is_empty() {
        Route::Letter
    } else {
        Route::CallFirst(reasons)
    }
}

fn always_message(event_type: EventType) -> String {
    use EventType as T;
    match event_type {
        T::AppointmentMissed => "Iemand kwam niet naar een afspraak. Vraag eerst waarom, voordat er iets aan de uitkering verandert.".to_string(),
        T::SanctionHearing => "Het telefoongesprek is het horen over de voorgenomen maatregel. Noteer goed wat de persoon vertelt.".to_string(),
        T::HomeVisit => "Een huisbezoek is ingrijpend. Bel eerst om het bezoek uit te leggen en een moment af te spreken.".to_string(),
        T::PaymentSuspended => "De uitkering wordt stilgezet tot er papieren zijn. Bel eerst: vaak zijn de papieren er al, of kan de gemeente helpen om ze te krijgen.".to_string(),
        T::SanctionReduction => "De gemeente wil de uitkering een tijd verlagen. Bel eerst en vraag wat er is gebeurd: met een goede reden gaat de verlaging niet door.".to_string(),
        T::Recovery => "De gemeente wil geld terug. Bel eerst, kijk samen of het bedrag klopt, en spreek af wat de persoon per maand kan missen.".to_string(),
        T::RevocationRevision => "De uitkering wordt achteraf anders vastgesteld. Bel eerst en vraag of de gegevens kloppen, voordat het besluit komt.".to_string(),
        T::Warning => "De gemeente wil een waarschuwing geven. Bel eerst en vraag wat er is gebeurd: met een goede reden komt er geen waarschuwing.".to_string(),
        T::Collection => "Er staat nog een bedrag open. Bel eerst en spreek samen een betaling af die past, voordat er een aanmaning komt.".to_string(),
        T::FraudSuspicion | T::AdministrativeFine => format!(
            "Deze zaak gaat over {}. Dan belt de contactpersoon altijd eerst. Het gesprek is geen verhoor: de persoon hoeft geen vragen over een mogelijke boete te beantwoorden.",
            event_type.dutch_name()
        ),
        other => format!(
            "Deze zaak gaat over {}. Dan belt de contactpersoon altijd eerst, zodat de brief geen verrassing is.",
            other.dutch_name()
        ),
    }
}

/// The conditions of the "cond." rows of DESIGN.md §3: which one an event
/// type has is a fact of its row in the `event_types!` table.
fn conditions(event: &CaseEvent) -> Vec<Reason> {
    let flags = &event.data.flags;
    let reason = flags.reason;
    let vulnerable = || {
        flags.vulnerable.then(|| {
            Reason::new(
                "condition.vulnerable",
                "De persoon is kwetsbaar. Bel eerst, zodat de brief niet als een verrassing komt.",
            )
        })
    };
    let because = |wanted: FlagReason, code: &str, message: &str| {
        (reason == Some(wanted)).then(|| Reason::new(code, message))
    };
    let found: Vec<Option<Reason>> = match event.event_type.condition() {
        Condition::None => Vec::new(),
        Condition::Vulnerable => vec![vulnerable()],
        Condition::RepeatRequestOrVulnerable => vec![
            because(
                FlagReason::RepeatRequest,
                "condition.repeat_request",
                "De gemeente vraagt deze gegevens niet voor het eerst. Bel en vraag wat het lastig maakt om ze te sturen.",
            ),
            vulnerable(),
        ],
        Condition::NoPriorContact => {
            let reached = event
                .data
                .prior_contact
                .as_ref()
                .is_some_and(|c| c.outcome == ContactOutcome::Reached);
            vec![(!reached).then(|| {
                Reason::new(
                    "condition.no_prior_contact",
                    "De aanvraag wordt niet behandeld en niemand heeft de persoon hierover gesproken. Bel eerst: misschien lukt het met wat hulp alsnog.",
                )
            })]
        }
        Condition::RestsOnAFinding => vec![
            because(
                FlagReason::ThirdPartyData,
                "condition.third_party_data",
                "De afwijzing rust op gegevens van anderen. Bel eerst en vraag of die gegevens kloppen.",
            ),
            because(
                FlagReason::HouseholdFinding,
                "condition.household_finding",
                "De afwijzing rust op een conclusie over wie er op het adres wonen. Bel eerst en hoor het verhaal van de persoon.",
            ),
            because(
                FlagReason::FraudFinding,
                "condition.fraud_finding",
                "De afwijzing rust op een conclusie over fraude. Bel eerst en hoor de persoon voordat de brief gaat.",
            ),
        ],
        Condition::RetroactiveDecrease => vec![(flags.retroactive && reason == Some(FlagReason::Decrease)).then(|| {
            Reason::new(
                "condition.retroactive_decrease",
                "De uitkering wordt lager, ook over een periode die al voorbij is. Bel eerst en bespreek hoe de persoon dit kan opvangen.",
            )
        })],
        Condition::Signal => vec![because(
            FlagReason::Signal,
            "condition.signal",
            "Het heronderzoek komt door een signaal. Bel eerst en vraag hoe het gaat, zonder iets aan te nemen.",
        )],
        Condition::MissedAppointmentOrVulnerable => vec![
            because(
                FlagReason::MissedAppointment,
                "condition.missed_appointment",
                "De vorige afspraak is gemist. Bel eerst en vraag waarom, en of dit moment wel past.",
            ),
            vulnerable(),
        ],
        Condition::NotReportedByPerson => vec![(reason != Some(FlagReason::ReportedByPerson)).then(|| {
            Reason::new(
                "condition.not_reported_by_person",
                "De uitkering stopt om een reden die de persoon niet zelf heeft gemeld. Bel eerst om te horen of het klopt.",
            )
        })],
        Condition::UpheldInSanctionOrFraudCase => vec![
            because(
                FlagReason::UpheldInSanctionCase,
                "condition.upheld_in_sanction_case",
                "Het bezwaar tegen een maatregel is ongegrond. Bel eerst en leg de beslissing uit.",
            ),
            because(
                FlagReason::UpheldInFraudCase,
                "condition.upheld_in_fraud_case",
                "Het bezwaar in een fraudezaak is ongegrond. Bel eerst en leg de beslissing uit.",
            ),
        ],
    };
    found.into_iter().flatten().collect()
}
