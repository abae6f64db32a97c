//! Building the template context from an event.
//!
//! The event's `data` fields are the top-level names a template uses
//! (`recipient`, `contact`, `amounts`, …). Empty strings, empty lists and
//! nulls are left out, so using one in `{{ … }}` is an error that names the
//! field and the line, and `{% if … %}` can test for it. Escaping happens on
//! output, for every value, in [`crate::markdown`]. The legal basis of a
//! decision is put in article order ([`super::legal_basis`]). Every name it gives is in
//! [`super::names`], the one list of the context's shape (a test fills every
//! name there and finds exactly them here).

use crate::calendar::objection_last_day;
use crate::config::Config;
use crate::event::CaseEvent;
use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};

/// What the letter itself adds to the context.
#[derive(Debug, Clone, Copy)]
pub struct LetterFacts<'a> {
    /// The date on the letter (the day it is sent).
    pub date: NaiveDate,
    /// Whether the letter is a besluit.
    pub is_besluit: bool,
    /// Whether this is a draft (held letter, concept).
    pub draft: bool,
    /// The case id shown as "Ons kenmerk".
    pub reference: &'a str,
}

/// The context for one event, as JSON (Tera takes any `Serialize`).
pub fn build(event: &CaseEvent, config: &Config, facts: &LetterFacts<'_>) -> Map<String, Value> {
    let mut context = Map::new();
    if let Ok(Value::Object(data)) = serde_json::to_value(&event.data) {
        for (key, value) in data {
            if key == "event_type" {
                continue;
            }
            if let Some(mut kept) = prune(value) {
                if key == "decision"
                    && let Some(Value::Array(items)) = kept.get_mut("legal_basis")
                {
                    *items = super::legal_basis::in_article_order(std::mem::take(items));
                }
                context.insert(key, kept);
            }
        }
    }
    context.insert(
        "event".into(),
        json!({ "id": event.id, "type": event.event_type.as_str() }),
    );
    let mut letter = json!({
        "date": facts.date.format("%Y-%m-%d").to_string(),
        "reference": facts.reference,
        "is_besluit": facts.is_besluit,
        "draft": facts.draft,
    });
    if facts.is_besluit {
        letter["objection_last_day"] = Value::String(
            objection_last_day(facts.date)
                .format("%Y-%m-%d")
                .to_string(),
        );
    }
    context.insert("letter".into(), letter);
    let m = &config.municipality;
    let mut municipality = json!({
        "name": m.name,
        "phone": m.phone,
        "website": m.website,
        "return_address": m.postal_address.one_line(),
        "address": m.postal_address.in_text(),
    });
    if let Some(department) = &m.department {
        municipality["department"] = Value::String(department.clone());
    }
    if let Some(email) = &m.email {
        municipality["email"] = Value::String(email.clone());
    }
    for (key, value) in [
        ("college", &m.college),
        ("iban", &m.iban),
        ("objection_page", &m.objection_page),
        ("upload_page", &m.upload_page),
    ] {
        if let Some(value) = value {
            municipality[key] = Value::String(value.clone());
        }
    }
    if m.iban.is_some() {
        municipality["iban_name"] =
            Value::String(m.iban_name.clone().unwrap_or_else(|| m.name.clone()));
    }
    for (key, address) in [
        ("papers_address", &m.papers_address),
        ("objection_address", &m.objection_address),
    ] {
        if let Some(address) = address {
            municipality[key] = Value::String(address.in_text());
        }
    }
    context.insert("municipality".into(), municipality);
    if let Some(court) = &config.court {
        let mut value = json!({
            "name": court.name,
            "address": court.postal_address.in_text(),
        });
        if let Some(fee) = court.fee_for(facts.date.year()) {
            value["fee_cents"] = json!(fee);
            // The court charges the amount of the day it receives the appeal:
            // the letter says which year its amount is for.
            value["fee_year"] = json!(facts.date.year());
        }
        context.insert("court".into(), value);
    }
    context.insert(
        "signature".into(),
        json!({ "name": config.signature.name, "role": config.signature.role }),
    );
    context
}

/// Drops nulls, blank strings and empty lists and objects, recursively.
fn prune(value: Value) -> Option<Value> {
    match value {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::Array(items) => {
            let kept: Vec<Value> = items.into_iter().filter_map(prune).collect();
            (!kept.is_empty()).then_some(Value::Array(kept))
        }
        Value::Object(map) => {
            let kept: Map<String, Value> = map
                .into_iter()
                .filter_map(|(k, v)| prune(v).map(|v| (k, v)))
                .collect();
            (!kept.is_empty()).then_some(Value::Object(kept))
        }
        other => Some(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_drops_empty_values() {
        let value = json!({"a": "", "b": "  ", "c": null, "d": [], "e": ["x", ""], "f": {"g": ""}, "h": false, "i": 0});
        assert_eq!(prune(value), Some(json!({"e": ["x"], "h": false, "i": 0})));
    }
}
