//! helder turns case events from a Dutch municipality's case system into
//! letters at language level B1, and asks for a phone call before any hard letter.
//!
//! The pipeline for one event (DESIGN.md §1):
//!
//! 1. [`event`]: read and validate a CloudEvents JSON event;
//! 2. [`route`]: a letter, or a call first ([`policy`] says which types and flags);
//! 3. [`template`]: render `letter-templates/<event_type>.md` (Tera + Markdown, values escaped);
//! 4. [`render`]: Markdown → one [`render::Letter`] → PDF, HTML, text or Markdown;
//! 5. [`lint`]: readability, wording, tone and structure of any Dutch text ([`text`] extracts the prose, [`readability`] analyses it into one document, [`morphology`] gives every word its lemma, compound parts and concepts, [`spelling`] checks the words); [`template_ci`] checks templates with their examples;
//! 6. [`output`]: where the files of a letter or a call-first task go; [`batch`] runs the whole pipeline over many events with a journal, [`release`] applies a recorded contact to a held letter.
//!
//! [`compose::compose`] runs steps 2–4 for one event. Low in the house, used
//! by many: [`markdown`] (the one parser setup and escaping), [`dutch`]
//! (money, dates, names, addresses), [`calendar`], [`fs`]. At the edge:
//! [`cli`] and [`cmd`] (one module a subcommand), which nothing else imports.
//! The library never prints: only `main.rs` writes to the terminal.

#![deny(clippy::print_stdout, clippy::print_stderr)]

/// The allocator of every binary that links helder (the CLI, the tests and
/// the benchmarks): mimalloc, faster than the system's for the many small
/// allocations of a lint (Cargo.toml says why, BENCHMARKS.md measures it).
/// The fuzz targets build without it, so the sanitizer sees every allocation.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod after_call;
pub mod batch;
pub mod calendar;
pub mod cli;
pub mod cmd;
pub mod compose;
pub mod config;
pub mod dutch;
pub mod event;
pub mod folder;
pub mod fs;
pub mod iban;
pub mod letter_dates;
pub mod lexicon;
pub mod lint;
pub mod markdown;
pub mod morphology;
pub mod output;
pub mod policy;
pub mod problem;
pub mod readability;
pub mod render;
pub mod report;
pub mod route;
pub mod serve;
pub mod spelling;
pub mod task;
pub mod template;
pub mod template_ci;
pub mod text;
