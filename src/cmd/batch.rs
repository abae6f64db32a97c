//! `helder batch`: the back office's main job ([`crate::batch`]), with a
//! progress bar on a terminal and one summary line at the end. `helder
//! release` runs through here too, for recorded contacts only.

use super::{Outcome, Terminal};
use crate::batch::{BatchOptions, Counts, input::Reader};
use crate::cli::BatchArgs;
use crate::config::Config;
use crate::dutch::plural;
use crate::output::{Disk, ERRORS_FILE, LETTERS_DIR, SUMMARY_FILE, TASKS_DIR};
use crate::template::TemplateSet;
use chrono::NaiveDate;

/// Runs a batch; exit 1 when an event ended as an error.
pub fn run(
    args: &BatchArgs,
    config: &Config,
    templates: &TemplateSet,
    today: NaiveDate,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| anyhow::anyhow!("--jobs {jobs}: {e}"))?;
    }
    let options = BatchOptions {
        input: args.events.clone(),
        out: args.out.clone(),
        formats: args.format.clone(),
        date: args.date.unwrap_or(today),
        dry_run: args.dry_run,
        contacts_only: false,
    };
    run_options(&options, args.wait, config, templates, terminal)
}

/// Runs a batch with these options: progress on a terminal, one summary line.
/// The output folder is held for the whole run; when another run holds it,
/// this one stops at once, or with `wait` waits for it.
pub(super) fn run_options(
    options: &BatchOptions,
    wait: bool,
    config: &Config,
    templates: &TemplateSet,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    let lock = crate::folder::lock(&options.out, wait, &mut || {
        terminal.warning(&format!(
            "wacht: een andere helder batch gebruikt de map {}; deze gaat verder zodra die klaar is.",
            options.out.display()
        ));
    })?;
    if let Some(warning) = crate::folder::permission_warning(&options.out) {
        terminal.warning(&warning);
    }
    // On a terminal, stderr shows how far the batch is: counts only, never a name.
    let bar = terminal.interactive().then(|| {
        let bar = match Reader::count(&options.input) {
            Some(total) => indicatif::ProgressBar::new(total as u64),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} gebeurtenissen · {per_sec} · nog {eta} · {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut progress = |counts: &Counts| {
        if let Some(bar) = &bar {
            bar.set_position(counts.events as u64);
            bar.set_message(format!(
                "{} brieven, {} taken, {} fouten",
                counts.letters, counts.tasks, counts.errors
            ));
        }
    };
    let summary = crate::batch::run_locked(&lock, options, config, templates, &Disk, &mut progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = summary?;
    let c = &summary.counts;
    let out = &options.out;
    let place = if options.dry_run {
        format!(
            "(proef: niets geschreven behalve {})",
            out.join(SUMMARY_FILE).display()
        )
    } else {
        format!(
            "Brieven: {}, taken: {}, fouten: {}.",
            out.join(LETTERS_DIR).display(),
            out.join(TASKS_DIR).display(),
            out.join(ERRORS_FILE).display()
        )
    };
    let repeated = if c.repeated > 0 {
        format!(", {} al eerder vastgelegd", c.repeated)
    } else {
        String::new()
    };
    terminal.line(&format!(
        "klaar: {} gebeurtenissen in {:.1} s: {} {}, {} keer eerst bellen, {} {} vastgelegd ({} vrijgegeven, {} ingetrokken, {} eerst aanpassen{repeated}), {} al eerder gedaan, {} {}. {place}",
        c.events,
        summary.seconds,
        c.letters,
        plural(c.letters, "brief", "brieven"),
        c.tasks,
        c.contacts,
        plural(c.contacts, "contact", "contacten"),
        c.released,
        c.withdrawn,
        c.revised,
        c.skipped,
        c.errors,
        plural(c.errors, "fout", "fouten"),
    ));
    Ok(Outcome::failed_if(c.errors > 0))
}
