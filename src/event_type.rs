//! The closed list of case-event types (DESIGN.md §3).
//!
//! The enum is exhaustive on purpose: a new event type does not compile until
//! routing, templates and fixtures have decided what to do with it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The prefix of the CloudEvents `type` attribute; the event type follows it.
pub const TYPE_PREFIX: &str = "nl.participatiewet.bijstand.";

macro_rules! event_types {
    ($( $variant:ident => $name:literal, $dutch:literal; )*) => {
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
        }
    };
}

event_types! {
    ApplicationReceived => "application_received", "aanvraag ontvangen";
    YouthSearchPeriod => "youth_search_period", "zoektermijn jongeren";
    AdvancePayment => "advance_payment", "voorschot";
    InformationRequested => "information_requested", "gegevens opvragen";
    ApplicationRepairPeriod => "application_repair_period", "hersteltermijn aanvraag";
    ApplicationNotProcessed => "application_not_processed", "aanvraag buiten behandeling";
    PaymentSuspended => "payment_suspended", "opschorting van de uitkering";
    BenefitGranted => "benefit_granted", "toekenning van de uitkering";
    ApplicationRejected => "application_rejected", "afwijzing van de aanvraag";
    BenefitChanged => "benefit_changed", "wijziging van de uitkering";
    PaymentSpecification => "payment_specification", "betaalspecificatie";
    EligibilityReview => "eligibility_review", "heronderzoek";
    InterviewInvitation => "interview_invitation", "uitnodiging voor een gesprek";
    AppointmentMissed => "appointment_missed", "afspraak gemist";
    HomeVisit => "home_visit", "huisbezoek";
    FraudSuspicion => "fraud_suspicion", "onderzoek naar mogelijke fraude";
    SanctionHearing => "sanction_hearing", "voornemen maatregel";
    SanctionReduction => "sanction_reduction", "verlaging van de uitkering (maatregel)";
    Recovery => "recovery", "terugvordering";
    RevocationRevision => "revocation_revision", "intrekking of herziening";
    Warning => "warning", "waarschuwing";
    AdministrativeFine => "administrative_fine", "bestuurlijke boete";
    Collection => "collection", "aanmaning en invordering";
    PaymentArrangement => "payment_arrangement", "betalingsregeling";
    Termination => "termination", "beëindiging van de uitkering";
    HolidayAllowance => "holiday_allowance", "vakantiegeld";
    AnnualStatement => "annual_statement", "jaaropgave";
    SpecialAssistance => "special_assistance", "bijzondere bijstand";
    IncomeSupplement => "income_supplement", "individuele inkomenstoeslag";
    ObjectionReceived => "objection_received", "bezwaar ontvangen";
    ObjectionDecision => "objection_decision", "beslissing op bezwaar";
    ContactRecorded => "contact_recorded", "contact vastgelegd";
}

impl EventType {
    /// Looks a type up by its snake_case name.
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::ALL.iter().copied().find(|t| t.as_str() == name)
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
