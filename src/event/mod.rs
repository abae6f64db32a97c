//! Step 1 of the pipeline: read and validate case events (DESIGN.md §2).
//!
//! An event is a CloudEvents 1.0 JSON object following the NL GOV profile.
//! One event a file, or many as NDJSON (one event a line). Every problem is an
//! [`EventError`] that names the event (its id, or the file and line when there
//! is no id), the JSON path, what is wrong and how to fix it. Errors never
//! repeat a field's value: values may be personal data.
//!
//! - [`event_type`]: the closed list of event types and the facts of each;
//! - [`schema`]: the event's shape; [`values`]: texts, dates, amounts;
//! - [`read`]: files, folders and stdin; [`parse`]: one event from its JSON;
//! - [`details`]: what a decision letter needs beyond the base event;
//! - [`validate`]: what the types cannot say; [`explain`]: the Dutch error;
//! - [`letter_facts`]: what a letter's event and the settings carry, for the rules that check a letter shows it;
//! - [`intake`]: what every value must be before anything reads it (no BSN in
//!   any form ([`bsn`]), no control or invisible characters, short ids).

pub mod bsn;
pub mod details;
pub mod event_type;
pub mod explain;
pub mod intake;
pub mod letter_facts;
pub mod parse;
pub mod read;
pub mod schema;
pub mod validate;
pub mod values;

pub use event_type::{Besluit, Condition, EventType, LetterKind, TYPE_PREFIX};
pub use explain::{EventError, Origin};
pub use parse::{event_from_value, parse_event, parse_events};
pub use read::{event_files, read_events};
pub use schema::{
    Address, Amount, Appointment, Case, CaseEvent, Channel, Contact, ContactChannel,
    ContactDecision, ContactOutcome, Deadline, Decision, EventData, FlagReason, Flags,
    PriorContact, Recipient, Salutation,
};
pub use validate::MAX_LIST_ITEMS;
pub use values::{Cents, IsoDate, Text, Timestamp, parse_iso_date};
