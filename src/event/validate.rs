//! Checks that need more than the types: list lengths, postcodes, phone
//! numbers, and the parts an event type needs (its row in the `event_types!` table).

use super::event_type::{Besluit, EventType};
use super::schema::{ContactDecision, ContactOutcome, EventData, PriorContact};

pub(super) type Invalid = (String, String, String);

fn invalid(path: &str, problem: &str, fix: &str) -> Invalid {
    (path.to_string(), problem.to_string(), fix.to_string())
}

/// Checks that need more than the types: postcodes, phone numbers, the parts an event type needs.
pub(super) fn validate_data(data: &EventData, event_type: EventType) -> Result<(), Invalid> {
    let lists = [
        ("data.amounts", data.amounts.len()),
        ("data.deadlines", data.deadlines.len()),
        ("data.documents_requested", data.documents_requested.len()),
        ("data.facts", data.facts.len()),
        (
            "data.objection.changes",
            data.objection.as_ref().map_or(0, |o| o.changes.len()),
        ),
        (
            "data.measure.how_set",
            data.measure.as_ref().map_or(0, |m| m.how_set.len()),
        ),
        (
            "data.decision.reasons",
            data.decision.as_ref().map_or(0, |d| d.reasons.len()),
        ),
        (
            "data.decision.legal_basis",
            data.decision.as_ref().map_or(0, |d| d.legal_basis.len()),
        ),
        (
            "data.appointment.bring",
            data.appointment.as_ref().map_or(0, |a| a.bring.len()),
        ),
    ];
    for (path, length) in lists {
        if length > MAX_LIST_ITEMS {
            return Err(invalid(
                path,
                &format!(
                    "deze lijst heeft {length} regels; in een brief passen er hoogstens {MAX_LIST_ITEMS}"
                ),
                "Controleer de export uit het zaaksysteem.",
            ));
        }
    }
    if !data.recipient.address.is_abroad()
        && crate::dutch::normalize_postcode(data.recipient.address.postcode.as_str()).is_none()
    {
        return Err(invalid(
            "data.recipient.address.postcode",
            "dit is geen Nederlandse postcode",
            "Schrijf de postcode als vier cijfers en twee letters, bijvoorbeeld \"1234 AB\".",
        ));
    }
    if !looks_like_phone(data.contact.phone.as_str()) {
        return Err(invalid(
            "data.contact.phone",
            "dit is geen telefoonnummer",
            "Geef het directe nummer van de contactpersoon, bijvoorbeeld \"020 123 45 67\".",
        ));
    }
    if let Some(phone) = &data.recipient.phone
        && !looks_like_phone(phone.as_str())
    {
        return Err(invalid(
            "data.recipient.phone",
            "dit is geen telefoonnummer",
            "Geef alleen cijfers, spaties, streepjes en eventueel een + vooraan, of laat het veld weg.",
        ));
    }
    for (i, amount) in data.amounts.iter().enumerate() {
        if let (Some(from), Some(to)) = (amount.period_from, amount.period_to)
            && to < from
        {
            return Err(invalid(
                &format!("data.amounts[{i}].period_to"),
                "de periode eindigt voordat ze begint",
                "Controleer period_from en period_to.",
            ));
        }
    }
    if let Some(contact) = &data.prior_contact {
        validate_prior_contact(contact, event_type)?;
    }
    if event_type.needs_appointment() && data.appointment.is_none() {
        return Err(invalid(
            "data.appointment",
            "voor dit soort gebeurtenis is een afspraak nodig, maar die ontbreekt",
            "Geef de afspraak mee met start, location en purpose.",
        ));
    }
    if event_type == EventType::ContactRecorded && data.prior_contact.is_none() {
        return Err(invalid(
            "data.prior_contact",
            "het vastgelegde contact ontbreekt",
            "Geef prior_contact mee met contact_id, at, channel en outcome.",
        ));
    }
    if event_type == EventType::ContactRecorded
        && data
            .prior_contact
            .as_ref()
            .is_some_and(|c| c.outcome == ContactOutcome::Reached && c.decision.is_none())
    {
        return Err(invalid(
            "data.prior_contact.decision",
            "de persoon is gesproken, maar er staat niet bij wat er met de brief gebeurt",
            "Geef in decision wat een medewerker besloot: send (de brief gaat weg), withdraw (er gaat geen brief weg) of revise (eerst de zaak aanpassen). Tot dan blijft de brief wachten.",
        ));
    }
    if event_type.besluit() == Besluit::Always && data.decision.is_none() {
        return Err(invalid(
            "data.decision",
            "voor dit soort gebeurtenis is een besluit nodig, maar dat ontbreekt",
            "Geef het besluit mee met is_besluit, datum, legal_basis en reasons.",
        ));
    }
    super::details::validate(data, event_type)
}

/// A contact says only what happened: nothing heard and no reason given when
/// nobody was reached, and an event that is a letter cannot carry a decision
/// that no letter goes out.
fn validate_prior_contact(contact: &PriorContact, event_type: EventType) -> Result<(), Invalid> {
    if contact.outcome == ContactOutcome::NoContact {
        if contact.heard.is_some() {
            return Err(invalid(
                "data.prior_contact.heard",
                "er is niemand gesproken (outcome no_contact), dus er is ook niets gehoord",
                "Laat heard weg, of zet outcome op reached als de persoon wel is gesproken.",
            ));
        }
        if contact.reason_given {
            return Err(invalid(
                "data.prior_contact.reason_given",
                "er is niemand gesproken (outcome no_contact), dus er is ook geen reden gegeven",
                "Zet reason_given op false of laat het weg, of zet outcome op reached als de persoon wel is gesproken.",
            ));
        }
    }
    if event_type != EventType::ContactRecorded
        && matches!(
            contact.decision,
            Some(ContactDecision::Withdraw | ContactDecision::Revise)
        )
    {
        return Err(invalid(
            "data.prior_contact.decision",
            "deze gebeurtenis is een brief, maar het contact zegt dat er geen brief weg mag",
            "Stuur het besluit als contact_recorded-gebeurtenis. Een brief na een gesprek heeft decision send, of geen decision.",
        ));
    }
    Ok(())
}

/// The longest list an event may carry (amounts, reasons, papers, …): a letter has room for no more.
pub const MAX_LIST_ITEMS: usize = 100;

fn looks_like_phone(raw: &str) -> bool {
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    let allowed = raw.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || c == ' ' || c == '-' || (c == '+' && i == 0) || c == '(' || c == ')'
    });
    allowed && (3..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_recognised() {
        assert!(looks_like_phone("020 123 45 67"));
        assert!(looks_like_phone("+31 6 12345678"));
        assert!(looks_like_phone("14 020"));
        assert!(!looks_like_phone("bel maar"));
        assert!(!looks_like_phone("06-1234+5678"));
    }
}
