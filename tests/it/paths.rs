//! Every template on every path after a call (issue 15 item 5, DESIGN.md §3 "Truth").
//!
//! Each template is made with each of its examples on six paths: no call yet;
//! reached by phone, with the person's words and a reason; reached by phone,
//! nothing written down and no reason; reached at home; not reached by phone;
//! not reached at home. No letter may claim a conversation, what was heard,
//! "no reason", a failed call, a finding or an agreement that its event does
//! not carry ([`helder::lint::claims`]), and each path must say what happened.

use crate::support::{config, example_json, letter_date, templates};
use helder::compose::{ComposeOptions, build_letter};
use helder::dutch::long_date;
use helder::event::{Origin, event_from_value};
use helder::lint::claims::{ClaimFacts, unbacked};
use serde_json::{Value, json};

/// The person's own words on the paths that record them.
const HEARD: &str = "Ik lag twee weken in het ziekenhuis en kon niet bellen.";
/// When the call or visit was.
const AT: &str = "2026-11-18T10:00:00+01:00";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    NoCall,
    ReachedWithWords,
    ReachedQuiet,
    ReachedAtHome,
    NotReachedByPhone,
    NotReachedAtHome,
}

const PATHS: &[Path] = &[
    Path::NoCall,
    Path::ReachedWithWords,
    Path::ReachedQuiet,
    Path::ReachedAtHome,
    Path::NotReachedByPhone,
    Path::NotReachedAtHome,
];

impl Path {
    fn reached(self) -> bool {
        matches!(
            self,
            Path::ReachedWithWords | Path::ReachedQuiet | Path::ReachedAtHome
        )
    }

    fn not_reached(self) -> bool {
        matches!(self, Path::NotReachedByPhone | Path::NotReachedAtHome)
    }

    /// `data.prior_contact` for this path (DESIGN.md §2), or none.
    fn contact(self, event_id: &str) -> Option<Value> {
        let (channel, outcome) = match self {
            Path::NoCall => return None,
            Path::ReachedWithWords | Path::ReachedQuiet => ("phone", "reached"),
            Path::ReachedAtHome => ("visit", "reached"),
            Path::NotReachedByPhone => ("phone", "no_contact"),
            Path::NotReachedAtHome => ("visit", "no_contact"),
        };
        let mut contact = json!({
            "contact_id": format!("C-paths-{self:?}"),
            "at": AT,
            "channel": channel,
            "outcome": outcome,
            "event_id": event_id,
        });
        if self.reached() {
            contact["decision"] = json!("send");
            contact["reason_given"] = json!(self == Path::ReachedWithWords);
        }
        if matches!(self, Path::ReachedWithWords | Path::ReachedAtHome) {
            contact["heard"] = json!(HEARD);
        }
        Some(contact)
    }
}

/// The example with this path's contact (`data.prior_contact`, DESIGN.md §2).
fn on_path(example: &Value, path: Path) -> helder::event::CaseEvent {
    let mut value = example.clone();
    let id = value["id"].as_str().unwrap_or_default().to_string();
    let data = value["data"].as_object_mut().expect("data is an object");
    data.remove("prior_contact");
    if let Some(contact) = path.contact(&id) {
        data.insert("prior_contact".into(), contact);
    }
    let origin = Origin {
        file: "paths.rs".to_string(),
        line: None,
    };
    event_from_value(value, origin).unwrap_or_else(|e| panic!("{id} on {path:?}: {e:?}"))
}

#[test]
fn every_template_tells_the_truth_on_every_path() {
    let config = config();
    let templates = templates();
    let call_date = long_date(
        chrono::DateTime::parse_from_rfc3339(AT)
            .unwrap()
            .date_naive(),
        false,
    );
    let mut problems = Vec::new();
    let mut letters = 0;
    for template in templates.iter() {
        for example in &template.front_matter.examples {
            let base = example_json(example);
            for &path in PATHS {
                let event = on_path(&base, path);
                let facts = ClaimFacts::from_data(&serde_json::to_value(&event.data).unwrap());
                let letter = match build_letter(
                    &event,
                    &config,
                    &templates,
                    ComposeOptions {
                        date: letter_date(),
                        draft: true,
                    },
                ) {
                    Ok(letter) => letter,
                    Err(error) => {
                        problems.push(format!("{example} {path:?}: no letter: {error}"));
                        continue;
                    }
                };
                letters += 1;
                let text = letter.body_markdown.as_str();
                let mut problem = |what: String| {
                    problems.push(format!("{} / {example} / {path:?}: {what}", template.name))
                };
                for claim in unbacked(text, &facts) {
                    problem(format!(
                        "says \"{}\" ({}), which the event does not carry",
                        &text[claim.range.clone()],
                        claim.kind
                    ));
                }
                if path.reached() {
                    if !text.contains(&call_date) {
                        problem(format!("does not say the call was on {call_date}"));
                    }
                    if event
                        .data
                        .prior_contact
                        .as_ref()
                        .is_some_and(|c| c.heard.is_some())
                        && !text.contains(&format!("\"{HEARD}\""))
                    {
                        problem("does not quote what the person said".to_string());
                    }
                }
                let said_reason = text.contains("U hebt ons uitgelegd hoe het kwam.");
                if said_reason != (path == Path::ReachedWithWords) {
                    problem(format!(
                        "says that a reason was given: {said_reason}, but reason_given is {}",
                        path == Path::ReachedWithWords
                    ));
                }
                if path.not_reached() {
                    if !(text.contains("niet bereiken") || text.contains("niet thuis")) {
                        problem("does not say that we could not reach the person".to_string());
                    }
                    if !text.contains(event.data.contact.phone.as_str()) {
                        problem("does not say how to reach us".to_string());
                    }
                    if !(text.contains("langs") || text.contains("wijkteam")) {
                        problem("offers no home visit or neighbourhood team".to_string());
                    }
                }
            }
        }
    }
    assert!(letters > 300, "only {letters} letters made");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The shipped examples cover every path (issue 15 item 5, issue 16): a
/// template that can follow a call has an example without a call, one where
/// the person was reached and one where nobody was; a decision has at least
/// three examples; and no two people said the same thing.
#[test]
fn the_shipped_examples_cover_every_path_and_read_like_real_cases() {
    use helder::event::{Besluit, EventType};
    use helder::policy::Level;
    let config = config();
    let templates = templates();
    let mut heard_by = std::collections::BTreeMap::new();
    let mut problems = Vec::new();
    for template in templates.iter() {
        let event_type: EventType = template.front_matter.event_type;
        let examples: Vec<Value> = template
            .front_matter
            .examples
            .iter()
            .map(|e| example_json(e))
            .collect();
        let outcome = |e: &Value| {
            e["data"]["prior_contact"]["outcome"]
                .as_str()
                .map(str::to_string)
        };
        let can_follow_a_call = config.policy.level(event_type) != Level::Never;
        if can_follow_a_call {
            for (what, wanted) in [
                ("no call", None),
                ("reached", Some("reached")),
                ("not reached", Some("no_contact")),
            ] {
                if !examples.iter().any(|e| outcome(e).as_deref() == wanted) {
                    problems.push(format!("{}: no example with {what}", template.name));
                }
            }
        }
        if event_type.besluit() != Besluit::Never && examples.len() < 3 {
            problems.push(format!(
                "{}: a decision with fewer than three examples",
                template.name
            ));
        }
        for (name, e) in template.front_matter.examples.iter().zip(&examples) {
            if let Some(heard) = e["data"]["prior_contact"]["heard"].as_str()
                && let Some(other) = heard_by.insert(heard.to_string(), name.clone())
            {
                problems.push(format!("{name} and {other} heard the same words"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let people: std::collections::BTreeSet<String> =
        std::fs::read_dir(crate::support::root().join("letter-templates/examples"))
            .unwrap()
            .map(|e| {
                let value: Value =
                    serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap())
                        .unwrap();
                value["data"]["recipient"]["person_ref"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
    assert!(people.len() >= 12, "only {} different people", people.len());
}
