//! Reading and validating case events: every type parses, every error is pinned.

use crate::support::{fixture_json, root};
use helder::event::EventType;
use helder::event::{Origin, event_from_value, parse_event, parse_events};
use serde_json::{Value, json};

#[test]
fn every_event_type_parses_from_its_fixture() {
    for event_type in EventType::ALL {
        let path = root()
            .join("tests/fixtures/events")
            .join(format!("{}.json", event_type.as_str()));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("fixture for {event_type} exists"));
        let events = parse_events(&text, &path.display().to_string());
        assert_eq!(events.len(), 1);
        let event = events
            .into_iter()
            .next()
            .unwrap()
            .unwrap_or_else(|e| panic!("{event_type}: {e}"));
        assert_eq!(event.event_type, *event_type);
    }
}

#[test]
fn every_shipped_example_is_a_valid_event() {
    for entry in std::fs::read_dir(root().join("letter-templates/examples")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for result in parse_events(&text, &path.display().to_string()) {
            result.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

fn with(mut value: Value, pointer: &str, new: Value) -> Value {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("{pointer} exists")) = new;
    value
}

fn without(mut value: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    value
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key);
    value
}

fn error_of(value: Value) -> String {
    event_from_value(
        value,
        Origin {
            file: "gebeurtenis.json".to_string(),
            line: None,
        },
    )
    .expect_err("the event is refused")
    .to_string()
}

#[test]
fn validation_errors_name_event_path_problem_and_fix() {
    let base = || crate::support::example_json("benefit_granted-plain.json");
    let cases: Vec<(&str, String)> = vec![
        (
            "not JSON",
            parse_event(
                "{\"id\": \"evt-1\", ",
                Origin {
                    file: "export.json".into(),
                    line: None,
                },
            )
            .unwrap_err()
            .to_string(),
        ),
        ("not an object", error_of(json!(["a"]))),
        (
            "unknown event type, close to a known one",
            error_of(with(
                base(),
                "/type",
                json!("nl.participatiewet.bijstand.benefit_grantd"),
            )),
        ),
        (
            "unknown event type, nothing close",
            error_of(with(
                base(),
                "/type",
                json!("nl.participatiewet.bijstand.parkeervergunning"),
            )),
        ),
        (
            "type without the prefix",
            error_of(with(base(), "/type", json!("benefit_granted"))),
        ),
        ("missing id", error_of(without(base(), "/id"))),
        (
            "wrong specversion",
            error_of(with(base(), "/specversion", json!("0.3"))),
        ),
        ("missing subject", error_of(without(base(), "/subject"))),
        (
            "time not RFC 3339",
            error_of(with(base(), "/time", json!("20-11-2026 14:05"))),
        ),
        ("missing data", error_of(without(base(), "/data"))),
        (
            "missing required field",
            error_of(without(base(), "/data/recipient/surname")),
        ),
        (
            "empty required field",
            error_of(with(base(), "/data/recipient/surname", json!("   "))),
        ),
        (
            "unknown field",
            error_of(
                with(base(), "/data/recipient/first_name", json!("Anouk")).pipe(|mut v| {
                    v["data"]["recipient"]["fist_name"] = json!("Anouk");
                    v
                }),
            ),
        ),
        (
            "wrong type",
            error_of(with(base(), "/data/flags/sanction", json!("nee"))),
        ),
        (
            "unknown salutation",
            error_of(with(base(), "/data/recipient/salutation", json!("mevr."))),
        ),
        (
            "amount with decimals",
            error_of(with(base(), "/data/amounts/0/amount_cents", json!(123.45))),
        ),
        (
            "amount as text",
            error_of(with(
                base(),
                "/data/amounts/0/amount_cents",
                json!("123,45"),
            )),
        ),
        (
            "date not ISO 8601",
            error_of(with(base(), "/data/occurred_on", json!("20-11-2026"))),
        ),
        (
            "impossible date",
            error_of(with(base(), "/data/decision/datum", json!("2026-02-30"))),
        ),
        (
            "BSN as subject",
            error_of(with(base(), "/subject", json!("123456782"))),
        ),
        (
            "BSN deep inside",
            error_of(with(
                base(),
                "/data/recipient/person_ref",
                json!("BSN 1234.56.782"),
            )),
        ),
        (
            "postcode",
            error_of(with(
                base(),
                "/data/recipient/address/postcode",
                json!("1234 SS"),
            )),
        ),
        (
            "contact phone",
            error_of(with(base(), "/data/contact/phone", json!("bel de balie"))),
        ),
        (
            "period ends before it starts",
            error_of(base().pipe(|mut v| {
                v["data"]["amounts"][0]["period_from"] = json!("2026-12-01");
                v["data"]["amounts"][0]["period_to"] = json!("2026-11-01");
                v
            })),
        ),
        (
            "data.event_type differs",
            error_of(with(base(), "/data/event_type", json!("benefit_changed"))),
        ),
        (
            "besluit type without decision",
            error_of(without(base(), "/data/decision")),
        ),
        (
            "appointment missing",
            error_of(without(
                fixture_json(EventType::InterviewInvitation),
                "/data/appointment",
            )),
        ),
    ];
    let report: String = cases
        .iter()
        .map(|(case, message)| format!("{case}:\n  {message}\n"))
        .collect();
    insta::assert_snapshot!("validation_errors", report);
}

#[test]
fn errors_never_repeat_a_value() {
    let secret_name = "Vandenbroucke-Zeldzaam";
    let value = with(
        fixture_json(EventType::BenefitGranted),
        "/data/recipient/surname",
        json!({ "name": secret_name }),
    );
    let message = error_of(value);
    assert!(!message.contains(secret_name), "{message}");
    let bsn = error_of(with(
        fixture_json(EventType::BenefitGranted),
        "/data/recipient/person_ref",
        json!("123456782"),
    ));
    assert!(!bsn.contains("123456782") && !bsn.contains("6782"), "{bsn}");
}

#[test]
fn ndjson_reports_line_numbers_and_keeps_going() {
    let good = serde_json::to_string(&fixture_json(EventType::BenefitGranted)).unwrap();
    let mut second = fixture_json(EventType::ApplicationReceived);
    second["id"] = json!("evt-second");
    let second = serde_json::to_string(&second).unwrap();
    let text = format!("{good}\n\n{{\"id\": \"kapot\"\n{second}\n");
    let results = parse_events(&text, "dag.ndjson");
    assert_eq!(
        results.len(),
        3,
        "every non-blank line ends as exactly one result"
    );
    assert!(results[0].is_ok());
    let error = results[1].as_ref().unwrap_err();
    assert_eq!(
        error.origin,
        Origin {
            file: "dag.ndjson".into(),
            line: Some(3)
        }
    );
    assert!(error.to_string().starts_with(
        "dag.ndjson:3: gebeurtenis zonder id: de hele gebeurtenis: de tekst is geen geldige JSON"
    ));
    assert_eq!(results[2].as_ref().unwrap().id, "evt-second");
}

#[test]
fn pretty_printed_single_event_is_one_event() {
    let text = serde_json::to_string_pretty(&fixture_json(EventType::Warning)).unwrap();
    let results = parse_events(&text, "one.json");
    assert_eq!(results.len(), 1);
    assert!(results[0].is_ok());
}

#[test]
fn optional_blank_text_counts_as_absent() {
    let value = with(
        fixture_json(EventType::BenefitGranted),
        "/data/recipient/first_name",
        json!("  "),
    );
    let event = crate::support::event(value);
    assert!(event.data.recipient.first_name.is_none());
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl Pipe for Value {}

/// Every refusal of the facts a decision letter needs: what, where and how
/// to fix, one line each, pinned.
#[test]
fn decision_letters_need_the_facts_they_show() {
    use crate::support::example_json;
    let cases: Vec<(&str, String)> = vec![
        (
            "a decision on objection without its outcome",
            error_of(without(
                example_json("objection_decision-plain.json"),
                "/data/objection",
            )),
        ),
        (
            "an objection upheld without what changes",
            error_of(without(
                example_json("objection_decision-plain.json"),
                "/data/objection/changes",
            )),
        ),
        (
            "costs asked for without the amount",
            error_of(without(
                example_json("objection_decision-plain.json"),
                "/data/objection/costs/amount_cents",
            )),
        ),
        (
            "an objection that failed but changes something",
            error_of(with(
                example_json("objection_decision-upheld-sanction.json"),
                "/data/objection",
                json!({"outcome": "ongegrond", "changes": ["Iets."]}),
            )),
        ),
        (
            "an unknown outcome",
            error_of(with(
                example_json("objection_decision-plain.json"),
                "/data/objection/outcome",
                json!("toegewezen"),
            )),
        ),
        (
            "the decision objected to is missing",
            error_of(without(
                example_json("objection_received-plain.json"),
                "/data/earlier_decision",
            )),
        ),
        (
            "a measure without the duty",
            error_of(without(
                example_json("sanction_reduction-reached.json"),
                "/data/measure/obligation",
            )),
        ),
        (
            "a duty that starts with its own subject",
            error_of(with(
                example_json("sanction_reduction-reached.json"),
                "/data/measure/obligation",
                json!("u bij het UWV inschrijven"),
            )),
        ),
        (
            "a reduction without its percentage",
            error_of(without(
                example_json("sanction_reduction-reached.json"),
                "/data/measure/percentage",
            )),
        ),
        (
            "a percentage above 100",
            error_of(with(
                example_json("sanction_reduction-reached.json"),
                "/data/measure/percentage",
                json!(120),
            )),
        ),
        (
            "a period that ends before it starts",
            error_of(with(
                example_json("sanction_reduction-reached.json"),
                "/data/measure/period_to",
                json!("2026-11-01"),
            )),
        ),
        (
            "a fine without how it was set",
            error_of(without(
                example_json("administrative_fine-reached.json"),
                "/data/measure/how_set",
            )),
        ),
        (
            "a planned measure without the facts",
            error_of(without(
                example_json("sanction_hearing-reached.json"),
                "/data/facts",
            )),
        ),
        (
            "a revision without its kind",
            error_of(without(
                example_json("revocation_revision-reached.json"),
                "/data/revision",
            )),
        ),
        (
            "a change without the old amount",
            error_of(without(
                example_json("benefit_changed-plain.json"),
                "/data/amounts/0/previous_cents",
            )),
        ),
        (
            "a grant without the payment day",
            error_of(without(
                example_json("benefit_granted-plain.json"),
                "/data/payment",
            )),
        ),
        (
            "a recovery without gross or net",
            error_of(without(
                example_json("recovery-reached.json"),
                "/data/amounts/0/gross_net",
            )),
        ),
        (
            "money owed without a last day",
            error_of(without(
                example_json("recovery-reached.json"),
                "/data/debt/due_date",
            )),
        ),
        (
            "a collection decision without the deduction",
            error_of(with(
                example_json("collection-offset.json"),
                "/data/debt",
                json!({"total_cents": 58344, "due_date": "2027-01-08"}),
            )),
        ),
        (
            "a deduction without a decision",
            error_of(with(
                example_json("collection-reached.json"),
                "/data/debt",
                json!({"total_cents": 41250, "deduction": {"amount_cents": 4862, "from": "2027-01-01", "protected_income_cents": 125912}}),
            )),
        ),
        (
            "special assistance granted without gift or loan",
            error_of(without(
                example_json("special_assistance-granted.json"),
                "/data/assistance",
            )),
        ),
        (
            "a loan without how it is paid back",
            error_of(without(
                example_json("special_assistance-loan.json"),
                "/data/assistance/repay_cents",
            )),
        ),
    ];
    let shown: Vec<String> = cases
        .iter()
        .map(|(what, error)| format!("{what}: {error}"))
        .collect();
    insta::assert_snapshot!("decision_facts_refused", shown.join("\n"));
    // No error repeats a value of the event.
    for (_, error) in &cases {
        for private in ["Bakker", "Lindelaan", "alimentatie", "wasmachine", "62400"] {
            assert!(!error.contains(private), "{error}");
        }
    }
}
