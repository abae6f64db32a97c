//! The routing table of DESIGN.md §3: every event type, every condition both ways, every flag.

use crate::support::{event, fixture_json};
use helder::event::EventType;
use helder::policy::{BASELINE_TOML, Policy};
use helder::route::{Route, RouteReport, route};
use serde_json::{Value, json};

fn codes(route: &Route) -> Vec<&str> {
    route.reasons().iter().map(|r| r.code.as_str()).collect()
}

fn route_of(value: Value) -> Route {
    route(&event(value), &Policy::baseline())
}

/// What each event type does with no flags and no special reason.
#[test]
fn every_event_type_routes_as_the_table_says() {
    use EventType as T;
    for event_type in EventType::ALL.iter().copied() {
        let expected: &[&str] = match event_type {
            T::PaymentSuspended
            | T::AppointmentMissed
            | T::HomeVisit
            | T::FraudSuspicion
            | T::SanctionHearing
            | T::SanctionReduction
            | T::Recovery
            | T::RevocationRevision
            | T::Warning
            | T::AdministrativeFine
            | T::Collection => &["event_type.always"],
            // "default yes": nobody has reached the person yet.
            T::ApplicationNotProcessed => &["condition.no_prior_contact"],
            // The person did not report the reason themselves (no reason given).
            T::Termination => &["condition.not_reported_by_person"],
            T::ApplicationReceived
            | T::YouthSearchPeriod
            | T::AdvancePayment
            | T::InformationRequested
            | T::ApplicationRepairPeriod
            | T::BenefitGranted
            | T::ApplicationRejected
            | T::BenefitChanged
            | T::PaymentSpecification
            | T::EligibilityReview
            | T::InterviewInvitation
            | T::PaymentArrangement
            | T::HolidayAllowance
            | T::AnnualStatement
            | T::SpecialAssistance
            | T::IncomeSupplement
            | T::ObjectionReceived
            | T::ObjectionDecision => &[],
            T::ContactRecorded => {
                assert_eq!(route_of(fixture_json(event_type)), Route::Release);
                continue;
            }
        };
        let decided = route_of(fixture_json(event_type));
        assert_eq!(codes(&decided), expected, "{event_type}");
        assert_eq!(
            decided.name(),
            if expected.is_empty() {
                "letter"
            } else {
                "call_first"
            },
            "{event_type}"
        );
    }
}

/// Each conditional row, with the condition true.
#[test]
fn each_condition_makes_a_call_first() {
    use EventType as T;
    let rows: Vec<(EventType, Value, &str)> = vec![
        (
            T::YouthSearchPeriod,
            json!({"vulnerable": true}),
            "condition.vulnerable",
        ),
        (
            T::InformationRequested,
            json!({"reason": "repeat_request"}),
            "condition.repeat_request",
        ),
        (
            T::InformationRequested,
            json!({"vulnerable": true}),
            "condition.vulnerable",
        ),
        (
            T::ApplicationRepairPeriod,
            json!({"vulnerable": true}),
            "condition.vulnerable",
        ),
        (
            T::ApplicationRejected,
            json!({"reason": "third_party_data"}),
            "condition.third_party_data",
        ),
        (
            T::ApplicationRejected,
            json!({"reason": "household_finding"}),
            "condition.household_finding",
        ),
        (
            T::ApplicationRejected,
            json!({"reason": "fraud_finding"}),
            "condition.fraud_finding",
        ),
        (
            T::BenefitChanged,
            json!({"retroactive": true, "reason": "decrease"}),
            "condition.retroactive_decrease",
        ),
        (
            T::EligibilityReview,
            json!({"reason": "signal"}),
            "condition.signal",
        ),
        (
            T::InterviewInvitation,
            json!({"reason": "missed_appointment"}),
            "condition.missed_appointment",
        ),
        (
            T::InterviewInvitation,
            json!({"vulnerable": true}),
            "condition.vulnerable",
        ),
        (
            T::ObjectionDecision,
            json!({"reason": "upheld_in_sanction_case"}),
            "condition.upheld_in_sanction_case",
        ),
        (
            T::ObjectionDecision,
            json!({"reason": "upheld_in_fraud_case"}),
            "condition.upheld_in_fraud_case",
        ),
    ];
    for (event_type, flags, code) in rows {
        let mut value = fixture_json(event_type);
        for (key, flag) in flags.as_object().unwrap() {
            value["data"]["flags"][key] = flag.clone();
        }
        let decided = route_of(value);
        assert_eq!(codes(&decided), vec![code], "{event_type} with {flags}");
    }
}

/// The conditional rows that are call-first by default, with the condition false.
#[test]
fn conditions_that_do_not_hold_let_the_letter_go() {
    let mut not_processed = fixture_json(EventType::ApplicationNotProcessed);
    not_processed["data"]["prior_contact"] = json!({"contact_id": "C-9", "at": "2026-11-19T10:00:00+01:00", "channel": "phone", "outcome": "reached"});
    assert_eq!(route_of(not_processed.clone()), Route::Letter);
    not_processed["data"]["prior_contact"]["outcome"] = json!("no_contact");
    assert_eq!(
        codes(&route_of(not_processed)),
        vec!["condition.no_prior_contact"]
    );

    let mut termination = fixture_json(EventType::Termination);
    termination["data"]["flags"]["reason"] = json!("reported_by_person");
    assert_eq!(route_of(termination.clone()), Route::Letter);
    termination["data"]["flags"]["reason"] = json!("not_reported_by_person");
    assert_eq!(
        codes(&route_of(termination)),
        vec!["condition.not_reported_by_person"]
    );

    // Lower, but not retroactive; retroactive, but higher.
    let mut changed = fixture_json(EventType::BenefitChanged);
    changed["data"]["flags"]["reason"] = json!("decrease");
    assert_eq!(route_of(changed.clone()), Route::Letter);
    changed["data"]["flags"]["reason"] = Value::Null;
    changed["data"]["flags"]["retroactive"] = json!(true);
    assert_eq!(route_of(changed), Route::Letter);

    // A reason that belongs to another type does not count.
    let mut rejected = fixture_json(EventType::ApplicationRejected);
    rejected["data"]["flags"]["reason"] = json!("signal");
    assert_eq!(route_of(rejected), Route::Letter);
}

#[test]
fn sanction_and_fraud_flags_always_call_first() {
    for event_type in EventType::ALL
        .iter()
        .copied()
        .filter(|t| *t != EventType::ContactRecorded)
    {
        for (flag, code) in [
            ("sanction", "flag.sanction"),
            ("fraud_suspicion", "flag.fraud_suspicion"),
        ] {
            let mut value = fixture_json(event_type);
            value["data"]["flags"][flag] = json!(true);
            let decided = route_of(value);
            assert_eq!(decided.name(), "call_first", "{event_type} with {flag}");
            assert!(
                codes(&decided).contains(&code),
                "{event_type} with {flag}: {:?}",
                codes(&decided)
            );
        }
    }
}

#[test]
fn a_stricter_policy_changes_the_route() {
    let text = BASELINE_TOML
        .replace(
            "benefit_granted = \"never\"",
            "benefit_granted = \"always\"",
        )
        .replace(
            "call-first-flags = [\"sanction\", \"fraud_suspicion\"]",
            "call-first-flags = [\"sanction\", \"fraud_suspicion\", \"vulnerable\"]",
        );
    let policy = Policy::from_toml(&text, "strenger.toml").unwrap();
    let granted = event(fixture_json(EventType::BenefitGranted));
    assert_eq!(codes(&route(&granted, &policy)), vec!["event_type.always"]);
    let mut received = fixture_json(EventType::ApplicationReceived);
    received["data"]["flags"]["vulnerable"] = json!(true);
    assert_eq!(
        codes(&route(&event(received), &policy)),
        vec!["flag.vulnerable"]
    );
}

#[test]
fn route_report_is_the_documented_json() {
    let missed = event(fixture_json(EventType::AppointmentMissed));
    let decided = route(&missed, &Policy::baseline());
    let json = serde_json::to_value(RouteReport::new(&missed, &decided)).unwrap();
    assert_eq!(
        json,
        json!({
            "event_id": "fixture-appointment_missed",
            "route": "call_first",
            "reasons": [{
                "code": "event_type.always",
                "message": "Iemand kwam niet naar een afspraak. Vraag eerst waarom, voordat er iets aan de uitkering verandert."
            }]
        })
    );
    let granted = event(fixture_json(EventType::BenefitGranted));
    let letter = route(&granted, &Policy::baseline());
    assert_eq!(
        serde_json::to_value(RouteReport::new(&granted, &letter)).unwrap(),
        json!({"event_id": "fixture-benefit_granted", "route": "letter", "reasons": []})
    );
}
