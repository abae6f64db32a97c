//! The closed list of case-event types (DESIGN.md §3).
//!
//! The enum is exhaustive on purpose: a new event type does not compile until
//! routing, templates and fixtures have decided what to do with it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The prefix of the CloudEvents `type` attribute; the event type follows it.
pub const TYPE_PREFIX: &str = "nl.participatiewet.bijstand.";

macro_rules! event_types {
    ($(
        $variant:ident => $name:literal, $dutch:literal,
        besluit: $besluit:ident, appointment: $appointment:literal,
        condition: $condition:ident, kind: $kind:ident;
    )*) => {
        /// One kind of case event, named as in the case system (`data.event_type`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum EventType {
            $(
                #[doc = $dutch]
                $variant,
            )*
        }

        impl EventType {
            /// Every event type, in the order of DESIGN.md §3.
            pub const ALL: &'static [EventType] = &[$(EventType::$variant),*];

            /// The snake_case name used in events, file names and the policy file.
            pub fn as_str(self) -> &'static str {
                match self { $(EventType::$variant => $name,)* }
            }

            /// The Dutch name a caseworker uses for this kind of case.
            pub fn dutch_name(self) -> &'static str {
                match self { $(EventType::$variant => $dutch,)* }
            }

            /// Whether the letter is a besluit (DESIGN.md §3, "besluit" column).
            pub fn besluit(self) -> Besluit {
                match self { $(EventType::$variant => Besluit::$besluit,)* }
            }

            /// Whether the event must carry `data.appointment` (the letter is about one).
            pub fn needs_appointment(self) -> bool {
                match self { $(EventType::$variant => $appointment,)* }
            }

            /// The condition under which a `conditional` policy row calls first
            /// (DESIGN.md §3, "cond." rows); [`Condition::None`] for the others.
            pub fn condition(self) -> Condition {
                match self { $(EventType::$variant => Condition::$condition,)* }
            }

            /// What kind of letter this type makes, for the checks a letter of that kind needs.
            pub fn letter_kind(self) -> LetterKind {
                match self { $(EventType::$variant => LetterKind::$kind,)* }
            }
        }
    };
}

/// Whether an event type's letter is a besluit in the sense of the Awb (objection possible).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Besluit {
    /// Always a besluit: the event must carry `data.decision`.
    Always,
    /// Sometimes (a deviating amount, a set-off): `data.decision.is_besluit` says.
    Sometimes,
    /// Never a besluit.
    Never,
}

/// The condition of a "cond." row of DESIGN.md §3: when it holds for an
/// event, a type whose policy row is `conditional` calls first. Routing
/// matches on it exhaustively (`route.rs`), so a new condition does not
/// compile until routing says what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// The type has no condition: its policy row is `always` or `never`.
    None,
    /// The person is vulnerable.
    Vulnerable,
    /// A repeat request, or the person is vulnerable.
    RepeatRequestOrVulnerable,
    /// Nobody has reached the person about it yet (the default is a call).
    NoPriorContact,
    /// The decision rests on third-party data, or a household or fraud finding.
    RestsOnAFinding,
    /// The benefit goes down with retroactive effect.
    RetroactiveDecrease,
    /// A signal (a tip, a data match) started it.
    Signal,
    /// It follows a missed appointment, or the person is vulnerable.
    MissedAppointmentOrVulnerable,
    /// The benefit ends for a reason the person did not report.
    NotReportedByPerson,
    /// An objection in a sanction or fraud case is not upheld.
    UpheldInSanctionOrFraudCase,
}

/// What kind of letter an event type makes: the parts a letter of that kind
/// must have (DESIGN.md §4). A template names it as `kind` in its front
/// matter, in kebab-case (`decision-on-objection`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LetterKind {
    /// A decision (besluit): what, from when, how much, the facts, objection.
    Decision,
    /// A decision on an objection: the outcome, the decision objected to, the court.
    DecisionOnObjection,
    /// A planned measure (Awb 4:8): facts, the measure, how to give one's view.
    PlannedMeasure,
    /// A measure (Pw 18): the obligation not met, the size, the period.
    Measure,
    /// A fine or a warning instead of one (Pw 18a): the obligation, the amount, how it was set.
    Fine,
    /// Money to pay back or collect: the period, the basis, how to pay.
    Recovery,
    /// A request (papers, an appointment): what, by when, how and where.
    Request,
    /// Information only: nothing is decided or asked.
    Information,
    /// Not a letter: a recorded contact releases a held letter.
    NoLetter,
}

// Every fact of an event type in one row: a new type does not compile until
// each is decided. `besluit` and `condition` follow DESIGN.md §3; routing's
// conditions are matched in `route.rs`, the policy levels live in the policy file.
event_types! {
    ApplicationReceived => "application_received", "aanvraag ontvangen",
        besluit: Never, appointment: false, condition: None, kind: Information;
    YouthSearchPeriod => "youth_search_period", "zoektermijn jongeren",
        besluit: Never, appointment: false, condition: Vulnerable, kind: Request;
    AdvancePayment => "advance_payment", "voorschot",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    InformationRequested => "information_requested", "gegevens opvragen",
        besluit: Never, appointment: false, condition: RepeatRequestOrVulnerable, kind: Request;
    ApplicationRepairPeriod => "application_repair_period", "hersteltermijn aanvraag",
        besluit: Never, appointment: false, condition: Vulnerable, kind: Request;
    ApplicationNotProcessed => "application_not_processed", "aanvraag buiten behandeling",
        besluit: Always, appointment: false, condition: NoPriorContact, kind: Decision;
    PaymentSuspended => "payment_suspended", "opschorting van de uitkering",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    BenefitGranted => "benefit_granted", "toekenning van de uitkering",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    ApplicationRejected => "application_rejected", "afwijzing van de aanvraag",
        besluit: Always, appointment: false, condition: RestsOnAFinding, kind: Decision;
    BenefitChanged => "benefit_changed", "wijziging van de uitkering",
        besluit: Always, appointment: false, condition: RetroactiveDecrease, kind: Decision;
    PaymentSpecification => "payment_specification", "betaalspecificatie",
        besluit: Sometimes, appointment: false, condition: None, kind: Information;
    EligibilityReview => "eligibility_review", "heronderzoek",
        besluit: Never, appointment: false, condition: Signal, kind: Request;
    InterviewInvitation => "interview_invitation", "uitnodiging voor een gesprek",
        besluit: Never, appointment: true, condition: MissedAppointmentOrVulnerable, kind: Request;
    AppointmentMissed => "appointment_missed", "afspraak gemist",
        besluit: Never, appointment: true, condition: None, kind: Request;
    HomeVisit => "home_visit", "huisbezoek",
        besluit: Never, appointment: true, condition: None, kind: Request;
    FraudSuspicion => "fraud_suspicion", "onderzoek naar mogelijke fraude",
        besluit: Never, appointment: false, condition: None, kind: Request;
    SanctionHearing => "sanction_hearing", "voornemen maatregel",
        besluit: Never, appointment: false, condition: None, kind: PlannedMeasure;
    SanctionReduction => "sanction_reduction", "verlaging van de uitkering (maatregel)",
        besluit: Always, appointment: false, condition: None, kind: Measure;
    Recovery => "recovery", "terugvordering",
        besluit: Always, appointment: false, condition: None, kind: Recovery;
    RevocationRevision => "revocation_revision", "intrekking of herziening",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    Warning => "warning", "waarschuwing",
        besluit: Always, appointment: false, condition: None, kind: Fine;
    AdministrativeFine => "administrative_fine", "bestuurlijke boete",
        besluit: Always, appointment: false, condition: None, kind: Fine;
    Collection => "collection", "aanmaning en invordering",
        besluit: Sometimes, appointment: false, condition: None, kind: Recovery;
    PaymentArrangement => "payment_arrangement", "betalingsregeling",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    Termination => "termination", "beëindiging van de uitkering",
        besluit: Always, appointment: false, condition: NotReportedByPerson, kind: Decision;
    HolidayAllowance => "holiday_allowance", "vakantiegeld",
        besluit: Never, appointment: false, condition: None, kind: Information;
    AnnualStatement => "annual_statement", "jaaropgave",
        besluit: Never, appointment: false, condition: None, kind: Information;
    SpecialAssistance => "special_assistance", "bijzondere bijstand",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    IncomeSupplement => "income_supplement", "individuele inkomenstoeslag",
        besluit: Always, appointment: false, condition: None, kind: Decision;
    ObjectionReceived => "objection_received", "bezwaar ontvangen",
        besluit: Never, appointment: false, condition: None, kind: Information;
    ObjectionDecision => "objection_decision", "beslissing op bezwaar",
        besluit: Always, appointment: false, condition: UpheldInSanctionOrFraudCase, kind: DecisionOnObjection;
    ContactRecorded => "contact_recorded", "contact vastgelegd",
        besluit: Never, appointment: false, condition: None, kind: NoLetter;
}

impl EventType {
    /// Looks a type up by its snake_case name.
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    /// Whether a `conditional` policy row can apply: the type has a condition.
    pub fn is_conditional(self) -> bool {
        self.condition() != Condition::None
    }

    /// The known name closest to `name`, to suggest when someone mistyped one.
    pub fn closest(name: &str) -> Option<EventType> {
        EventType::ALL
            .iter()
            .copied()
            .map(|t| (strsim::levenshtein(name, t.as_str()), t))
            .filter(|(distance, _)| *distance <= 4)
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, t)| t)
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for t in EventType::ALL {
            assert!(seen.insert(t.as_str()), "duplicate name {t}");
            assert_eq!(EventType::from_name(t.as_str()), Some(*t));
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
        assert_eq!(EventType::ALL.len(), 32);
    }

    #[test]
    fn closest_finds_a_typo() {
        assert_eq!(
            EventType::closest("appointment_mised"),
            Some(EventType::AppointmentMissed)
        );
        assert_eq!(EventType::closest("completely_different_thing"), None);
    }
}
