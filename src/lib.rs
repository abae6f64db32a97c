//! helder turns case events from a Dutch municipality's case system into
//! letters at language level B1, and asks for a phone call before any hard letter.
//!
//! The pipeline for one event (DESIGN.md §1):
//!
//! 1. [`event`]: read and validate a CloudEvents JSON event;
//! 2. [`route`]: a letter, or a call first ([`policy`] says which types and flags);
//! 3. [`template`]: render `letter-templates/<event_type>.md` (Tera + Markdown, values escaped);
//! 4. [`render`]: Markdown → one [`render::Letter`] → HTML, text or Markdown;
//! 5. [`lint`]: readability, wording, tone and structure of any Dutch text ([`text`] extracts the prose, [`readability`] measures it, [`morphology`] gives every word its lemma, compound parts and concepts); [`template_ci`] checks templates with their examples.
//!
//! [`letter::compose`] runs steps 2–4 for one event. The library never prints:
//! only `main.rs` writes to the terminal.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod batch;
pub mod calendar;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod dutch;
pub mod event;
pub mod fs;
pub mod iban;
pub mod letter;
pub mod lint;
pub mod markdown;
pub mod morphology;
pub mod output;
pub mod policy;
pub mod readability;
pub mod release;
pub mod render;
pub mod report;
pub mod route;
pub mod serve;
pub mod spelling;
pub mod task;
pub mod template;
pub mod template_ci;
pub mod text;
