//! `schema/case-event.schema.json`, the JSON Schema of a case event for the
//! people who connect a case system: it accepts what helder accepts, refuses
//! the mistakes it can describe, and names exactly the fields helder knows.

use crate::support::{event, fixture_json, root};
use helder::event::EventType;
use serde_json::{Value, json};
use std::collections::BTreeSet;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schema/case-event.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

#[track_caller]
fn problems(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// Every shipped example and every fixture.
fn shipped_events() -> Vec<(String, Value)> {
    let mut events = Vec::new();
    for dir in ["letter-templates/examples", "tests/fixtures/events"] {
        let mut paths: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            events.push((path.display().to_string(), value));
        }
    }
    events
}

#[test]
fn every_shipped_event_fits_the_schema() {
    let validator = validator();
    let events = shipped_events();
    assert!(events.len() > 60);
    for (path, value) in events {
        let found = problems(&validator, &value);
        assert!(found.is_empty(), "{path}: {found:#?}");
    }
}

#[test]
fn the_schema_refuses_what_helder_refuses() {
    let validator = validator();
    let contact = fixture_json(EventType::ContactRecorded);
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut undecided = contact.clone();
    undecided["data"]["prior_contact"]
        .as_object_mut()
        .unwrap()
        .remove("decision");
    cases.push(("reached without a decision", undecided));
    let mut heard_nobody = contact.clone();
    heard_nobody["data"]["prior_contact"]["outcome"] = json!("no_contact");
    heard_nobody["data"]["prior_contact"]["decision"] = json!(null);
    cases.push(("heard without reaching anyone", heard_nobody));
    let mut withdrawn_letter = fixture_json(EventType::BenefitGranted);
    withdrawn_letter["data"]["prior_contact"] = json!({"contact_id": "C-1", "at": "2026-11-20T10:00:00+01:00", "channel": "phone", "outcome": "reached", "decision": "withdraw"});
    cases.push(("a letter whose contact says no letter", withdrawn_letter));
    let mut no_contact = contact.clone();
    no_contact["data"]
        .as_object_mut()
        .unwrap()
        .remove("prior_contact");
    cases.push(("a contact event without the contact", no_contact));
    let mut unknown = fixture_json(EventType::Recovery);
    unknown["data"]["prior_contact"] = json!({"contact_id": "C-1", "at": "2026-11-20T10:00:00+01:00", "channel": "phone", "outcome": "reached", "besluit": "send"});
    cases.push(("an unknown field", unknown));
    let mut text_amount = fixture_json(EventType::Recovery);
    text_amount["data"]["amounts"] =
        json!([{"label": "Te veel betaald", "amount_cents": "350,38"}]);
    cases.push(("an amount as text", text_amount));
    let mut no_outcome = fixture_json(EventType::ObjectionDecision);
    no_outcome["data"]
        .as_object_mut()
        .unwrap()
        .remove("objection");
    cases.push(("a decision on objection without its outcome", no_outcome));
    let mut unknown_outcome = fixture_json(EventType::ObjectionDecision);
    unknown_outcome["data"]["objection"]["outcome"] = json!("toegewezen");
    cases.push(("an unknown outcome", unknown_outcome));
    let mut no_duty = fixture_json(EventType::SanctionReduction);
    no_duty["data"]["measure"]
        .as_object_mut()
        .unwrap()
        .remove("obligation");
    cases.push(("a measure without the duty", no_duty));
    let mut too_much = fixture_json(EventType::SanctionReduction);
    too_much["data"]["measure"]["percentage"] = json!(120);
    cases.push(("a percentage above 100", too_much));
    let mut no_debt = fixture_json(EventType::Recovery);
    no_debt["data"].as_object_mut().unwrap().remove("debt");
    cases.push(("a recovery without the debt", no_debt));
    let mut no_payment_day = fixture_json(EventType::BenefitGranted);
    no_payment_day["data"]
        .as_object_mut()
        .unwrap()
        .remove("payment");
    cases.push(("a grant without the payment day", no_payment_day));
    for (what, value) in cases {
        assert!(
            !problems(&validator, &value).is_empty(),
            "the schema accepts {what}"
        );
        let parsed = helder::event::event_from_value(
            value,
            helder::event::Origin {
                file: "t.json".into(),
                line: None,
            },
        );
        assert!(parsed.is_err(), "helder accepts {what}");
    }
}

/// The property paths a schema describes, lists as `[]`.
fn schema_paths(prefix: &str, schema: &Value, out: &mut BTreeSet<String>) {
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, inner) in properties {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            out.insert(path.clone());
            schema_paths(&path, inner, out);
        }
    }
    if let Some(items) = schema.get("items") {
        schema_paths(&format!("{prefix}[]"), items, out);
    }
}

/// The field paths of a value, lists as `[]`.
fn value_paths(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                out.insert(path.clone());
                value_paths(&path, inner, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                value_paths(&format!("{prefix}[]"), item, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_schema_names_exactly_the_fields_helder_knows() {
    let text = std::fs::read_to_string(root().join("schema/case-event.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut described = BTreeSet::new();
    schema_paths("", &schema["properties"]["data"], &mut described);

    // An event with every list filled: helder writes every field it knows, null when absent.
    let mut full = fixture_json(EventType::SanctionReduction);
    full["data"]["amounts"] = json!([{"label": "Huur", "amount_cents": 61200, "previous_cents": 60000, "gross_net": "netto"}]);
    full["data"]["earlier_decision"] =
        json!({"date": "2026-09-14", "subject": "uw bijstand", "reference": "B-1"});
    full["data"]["objection"] = json!({"outcome": "gegrond", "changes": ["Korter."], "costs": {"requested": true, "amount_cents": 62400}});
    full["data"]["measure"]["overpaid_cents"] = json!(1000);
    full["data"]["facts"] = json!(["Op 20 oktober niet gekomen."]);
    full["data"]["revision"] =
        json!({"kind": "herziening", "period_from": "2026-06-01", "period_to": "2026-09-30"});
    full["data"]["payment"] = json!({"date": "2026-12-24"});
    full["data"]["debt"] = json!({"total_cents": 100000, "due_date": "2027-01-04", "payment_reference": "D-1", "deduction": {"amount_cents": 5000, "from": "2027-01-01", "protected_income_cents": 120000}});
    full["data"]["assistance"] =
        json!({"form": "lening", "repay_cents": 2500, "repay_from": "2027-02-01"});
    full["data"]["deadlines"] = json!([{"label": "Papieren", "date": "2026-12-07"}]);
    full["data"]["documents_requested"] = json!(["Loonstrook"]);
    full["data"]["appointment"] = json!({"start": "2026-12-03T10:00:00+01:00", "location": "Stadhuis", "purpose": "Gesprek", "bring": ["Paspoort"]});
    full["data"]["prior_contact"] = json!({"contact_id": "C-1", "at": "2026-11-20T10:00:00+01:00", "channel": "phone", "outcome": "reached", "decision": "send"});
    let event = event(full);
    let mut known = BTreeSet::new();
    value_paths("", &serde_json::to_value(&event.data).unwrap(), &mut known);
    assert_eq!(described, known);

    let types: BTreeSet<&str> = schema["properties"]["data"]["properties"]["event_type"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    let all: BTreeSet<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(types, all);
}
