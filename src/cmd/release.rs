//! `helder release`: recorded contacts, applied through the journal of a batch folder.
//!
//! `release` is `batch` for `contact_recorded` events only: each contact goes
//! through the one release path ([`crate::batch::release`]) in the folder's
//! journal, exactly as in a batch run or on the call page, so a contact given
//! twice counts once and a closed task never changes. Any other event is an
//! error record, and nothing is made of it.

use super::{Outcome, Terminal};
use crate::batch::BatchOptions;
use crate::cli::ReleaseArgs;
use crate::config::Config;
use crate::template::TemplateSet;
use chrono::NaiveDate;

/// Applies the recorded contacts in `args.events`; exit 1 when one ended as an error.
pub fn run(
    args: &ReleaseArgs,
    config: &Config,
    templates: &TemplateSet,
    today: NaiveDate,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    let options = options(args, today).map_err(|e| anyhow::anyhow!(e))?;
    super::batch::run_options(&options, false, config, templates, terminal)
}

/// What to run for `helder release`; the error says how to use it instead.
pub fn options(args: &ReleaseArgs, today: NaiveDate) -> Result<BatchOptions, String> {
    if let Some(tasks) = &args.tasks {
        return Err(format!(
            "helder release werkt met de map van helder batch, niet meer met een losse map met taken ({}). Geef die map met --out; de taken daar zijn in het journaal vastgelegd.",
            tasks.display()
        ));
    }
    Ok(BatchOptions {
        input: args.events.clone(),
        out: args.out.clone(),
        formats: args.format.clone(),
        date: args.date.unwrap_or(today),
        dry_run: false,
        contacts_only: true,
    })
}
