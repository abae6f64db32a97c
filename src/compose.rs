//! The pipeline for one event: route it, render its template, build the [`Letter`].
//!
//! [`compose`] is what `render`, and later `batch`, `lint` and `serve`, call for
//! one event. It never prints and never writes files.

use crate::config::Config;
use crate::dutch::{self, AddressParts};
use crate::event::letter_facts::ShownSettings;
use crate::event::{CaseEvent, Text};
use crate::lint::{Category, EventFacts, Severity, lint_letter};
use crate::render::blocks::{inline_text, parse_blocks};
use crate::render::{Letter, LetterContact, Sender};
use crate::route::{Reason, Route, route};
use crate::template::context::{LetterFacts, build};
use crate::template::{TemplateError, TemplateSet};
use chrono::NaiveDate;

/// The longest letter body helder makes (about 25 pages of text); longer is an error.
pub const MAX_LETTER_BYTES: usize = 64 * 1024;

/// Choices for one letter.
#[derive(Debug, Clone, Copy)]
pub struct ComposeOptions {
    /// The date on the letter (the day it is sent).
    pub date: NaiveDate,
    /// Make the held draft of a call-first event ("CONCEPT — niet versturen").
    pub draft: bool,
}

/// What became of one event.
#[derive(Debug, Clone)]
pub enum Composed {
    /// A letter that may be sent (or a draft, when asked for).
    Letter(Box<Letter>),
    /// A call first is needed, for these reasons; the letter is held. Ask for the draft to see it.
    CallFirst(Vec<Reason>),
    /// A recorded contact: it releases a held letter and is not a letter itself.
    Release,
}

/// Why no letter could be made for an event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    /// There is no template for this event type.
    #[error(
        "gebeurtenis {event_id}: er is geen sjabloon voor {event_type}. Maak letter-templates/{event_type}.md, of controleer templates in helder.toml."
    )]
    NoTemplate {
        /// The event.
        event_id: String,
        /// Its type.
        event_type: String,
    },
    /// The template could not be rendered.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// The letter would claim something its event does not carry: a
    /// conversation, what the person said, "no reason", a failed call, a
    /// finding or an agreement (DESIGN.md §3, "Truth"). It never goes out.
    #[error(
        "gebeurtenis {event_id}: de brief zou iets zeggen wat de gebeurtenis niet meegeeft ({kinds}). Schrijf in het sjabloon en in decision.reasons alleen wat er gebeurde; wat er bij het bellen gebeurde, staat al in _partials/after_call.md."
    )]
    Untrue {
        /// The event.
        event_id: String,
        /// The kinds of claim ("conversation", "heard", …), never the words.
        kinds: String,
    },
    /// A date in a letter that would go out leaves the person too little time,
    /// or reaches back in time without saying so (DESIGN.md §3, "Dates").
    #[error("gebeurtenis {event_id}: veld {field}: {problem}. {fix}")]
    Dates {
        /// The event.
        event_id: String,
        /// The JSON path of the date.
        field: String,
        /// What is wrong.
        problem: String,
        /// How to fix it.
        fix: String,
    },
}

/// Routes one event and, when a letter may go out (or a draft is asked for), builds it.
pub fn compose(
    event: &CaseEvent,
    config: &Config,
    templates: &TemplateSet,
    options: ComposeOptions,
) -> Result<Composed, ComposeError> {
    let decision = route(event, &config.policy);
    match decision {
        Route::Release => return Ok(Composed::Release),
        Route::CallFirst(reasons) if !options.draft => return Ok(Composed::CallFirst(reasons)),
        Route::CallFirst(_) | Route::Letter => {}
    }
    let letter = build_letter(event, config, templates, options)?;
    // A letter that would go out is checked for threatening phrasing first:
    // a tone error makes it a call-first task instead (DESIGN.md §3).
    if matches!(decision, Route::Letter) {
        let rules = tone_errors(&letter, config);
        if !rules.is_empty() {
            return Ok(Composed::CallFirst(vec![tone_reason(&rules)]));
        }
    }
    // A letter that goes out says only what its event carries.
    if matches!(decision, Route::Letter) && !options.draft {
        untrue_claims(event, &letter)?;
    }
    // A first letter goes out as the event says: nobody decided to move a date.
    if matches!(decision, Route::Letter) && !options.draft {
        let min = config.policy.min_deadline_working_days();
        crate::letter_dates::check(event, options.date, min).map_err(|problem| {
            ComposeError::Dates {
                event_id: event.id.clone(),
                field: problem.field,
                problem: problem.problem,
                fix: problem.fix,
            }
        })?;
    }
    Ok(Composed::Letter(Box::new(letter)))
}

/// Refuses a letter that claims what its event does not carry (the claims of
/// `readability/claims.toml`); the error names the kinds of claim, never the words.
pub fn untrue_claims(event: &CaseEvent, letter: &Letter) -> Result<(), ComposeError> {
    let data = serde_json::to_value(&event.data).unwrap_or_default();
    let facts = crate::lint::claims::ClaimFacts::from_data(&data);
    let mut kinds: Vec<&str> = crate::lint::claims::unbacked(&letter.body_markdown, &facts)
        .iter()
        .map(|claim| claim.kind)
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.is_empty() {
        return Ok(());
    }
    Err(ComposeError::Untrue {
        event_id: event.id.clone(),
        kinds: kinds.join(", "),
    })
}

/// The ids of tone rules that find an error in a letter.
pub fn tone_errors(letter: &Letter, config: &Config) -> Vec<&'static str> {
    let facts = EventFacts::of_type(letter.event_type, letter.is_besluit);
    let findings = lint_letter(&letter.body_markdown, &facts, &config.readability).findings;
    let mut rules: Vec<&'static str> = findings
        .iter()
        .filter(|f| f.category == Category::Tone && f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    rules.dedup();
    rules
}

/// Renders the event's template into a [`Letter`], whatever its route: for a
/// draft, or for a held letter once the call is recorded.
pub fn build_letter(
    event: &CaseEvent,
    config: &Config,
    templates: &TemplateSet,
    options: ComposeOptions,
) -> Result<Letter, ComposeError> {
    let template = templates
        .get(event.event_type)
        .ok_or_else(|| ComposeError::NoTemplate {
            event_id: event.id.clone(),
            event_type: event.event_type.to_string(),
        })?;
    let is_besluit = event
        .data
        .decision
        .as_ref()
        .map_or(template.front_matter.besluit, |d| d.is_besluit);
    let facts = LetterFacts {
        date: options.date,
        is_besluit,
        draft: options.draft,
        reference: event.data.case.zaak_id.as_str(),
    };
    let context = build(event, config, &facts);
    let rendered = templates.render(template, &context, &event.id)?;
    if rendered.body.len() > MAX_LETTER_BYTES {
        return Err(ComposeError::Template(TemplateError {
            file: template.path.display().to_string(),
            line: None,
            column: None,
            event_id: Some(event.id.clone()),
            field: None,
            problem: format!(
                "de brief wordt {} kB lang, en een brief is hoogstens {} kB (een paar bladzijden)",
                rendered.body.len() / 1024,
                MAX_LETTER_BYTES / 1024
            ),
            fix: "Kijk of een {% for %} in het sjabloon veel te vaak herhaalt, of de gebeurtenis veel te lange lijsten heeft.".to_string(),
        }));
    }
    let body = parse_blocks(&rendered.body).map_err(|e| TemplateError {
        file: template.path.display().to_string(),
        line: None,
        column: None,
        event_id: Some(event.id.clone()),
        field: None,
        problem: format!("{} (regel {} van de gemaakte brief)", e.message, e.line),
        fix: "Pas het sjabloon aan; een waarde uit de gebeurtenis kan dit niet veroorzaken."
            .to_string(),
    })?;
    let municipality = &config.municipality;
    let letter = Letter {
        event_id: event.id.clone(),
        event_type: event.event_type,
        sender: Sender {
            logo_text: municipality.logo_text.clone(),
            name: municipality.name.clone(),
            department: municipality.department.clone(),
            return_address: municipality.postal_address.one_line(),
            phone: municipality.phone.clone(),
            website: municipality.website.clone(),
        },
        recipient_address: address_block(event),
        date: options.date,
        reference: event.data.case.zaak_id.to_string(),
        contact: LetterContact {
            name: event.data.contact.name.to_string(),
            phone: event.data.contact.phone.to_string(),
        },
        subject: inline_text(&rendered.subject),
        body,
        body_markdown: rendered.body,
        is_besluit,
        draft: options.draft,
    };
    Ok(letter)
}

/// What a letter's event and the settings carry, for the rules that check
/// that the letter shows it.
pub fn event_facts(event: &CaseEvent, letter: &Letter, config: &Config) -> EventFacts {
    let municipality = &config.municipality;
    EventFacts {
        event_type: event.event_type,
        is_besluit: letter.is_besluit,
        subject: Some(letter.subject.clone()),
        address_name: letter.recipient_address.first().cloned(),
        contact_name: Some(letter.contact.name.clone()),
        reference: Some(letter.reference.clone()),
        data: serde_json::to_value(&event.data).unwrap_or_default(),
        settings: ShownSettings {
            iban: municipality.iban.clone(),
            papers_address: municipality.papers_address.as_ref().map(|a| a.in_text()),
            upload_page: municipality.upload_page.clone(),
        },
    }
}

/// The reason for a call first when the letter itself reads as a threat.
pub fn tone_reason(rules: &[&str]) -> Reason {
    Reason {
        code: "content.tone".to_string(),
        message: format!(
            "De brief bevat dreigende of wantrouwende taal ({}). Bel eerst, en laat het sjabloon aanpassen voordat de brief verstuurd wordt.",
            rules.join(", ")
        ),
    }
}

/// The address block lines of the event's recipient.
pub fn address_block(event: &CaseEvent) -> Vec<String> {
    let recipient = &event.data.recipient;
    let address = &recipient.address;
    let name = recipient.name_parts();
    let parts = AddressParts {
        street: address.street.as_str(),
        number: address.number.as_str(),
        addition: address.addition.as_ref().map(Text::as_str),
        postcode: address.postcode.as_str(),
        city: address.city.as_str(),
        country: address
            .is_abroad()
            .then(|| address.country.as_ref().map(Text::as_str))
            .flatten(),
    };
    dutch::address_lines(&name, &parts)
}
