//! Call-first tasks read as a script for a humane call.

use crate::support::{config, event, example_json, fixture_json, letter_date};
use helder::event::EventType;
use helder::policy::Policy;
use helder::route::route;
use helder::task::{CallFirstTask, TalkingPoints};

fn card_for(value: serde_json::Value) -> String {
    let ev = event(value);
    let decided = route(&ev, &Policy::baseline());
    let points = TalkingPoints::load(&config().templates_dir).unwrap();
    let task = CallFirstTask::new(
        &ev,
        decided.reasons(),
        &points,
        letter_date(),
        helder::task::TaskTerms::new(&config(), ev.event_type, decided.reasons()),
    );
    assert_eq!(
        task.deadline, "2026-11-25",
        "two working days after Monday 23 November"
    );
    task.card()
}

#[test]
fn task_cards_for_the_hard_cases() {
    insta::assert_snapshot!(
        "task_appointment_missed",
        card_for(example_json("appointment_missed-reached.json"))
    );
    insta::assert_snapshot!(
        "task_sanction_reduction",
        card_for(example_json("sanction_reduction-awkward.json"))
    );
    insta::assert_snapshot!("task_recovery", card_for(fixture_json(EventType::Recovery)));
    insta::assert_snapshot!(
        "task_administrative_fine",
        card_for(fixture_json(EventType::AdministrativeFine))
    );
}

#[test]
fn fine_and_fraud_calls_are_not_interrogations() {
    for event_type in [EventType::AdministrativeFine, EventType::FraudSuspicion] {
        let card = card_for(fixture_json(event_type));
        assert!(card.contains("Dit gesprek is geen verhoor."), "{card}");
        assert!(
            card.contains("geen vragen hoeft te beantwoorden over een mogelijke boete"),
            "{card}"
        );
    }
}
