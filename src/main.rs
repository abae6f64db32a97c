//! The `helder` binary: parse the command line, run the command, map the outcome to an exit code.
//!
//! Exit codes: 0 ok, 1 events that ended as errors, 2 usage or configuration error.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the one place that prints

use clap::Parser;
use helder::cli::{BatchArgs, Cli, Command, FailOn, LintFormat, TasksFormat};
use helder::cmd::{self, Outcome};
use helder::config::Config;
use helder::lint::Severity;
use helder::template::TemplateSet;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Prints a line on stdout; a closed pipe (`helder tasks DIR | head`) is not an error.
macro_rules! outln {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Prints on stdout; a closed pipe is not an error.
macro_rules! out {
    ($($arg:tt)*) => {{
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

/// The settings file used when `--config` is not given.
const DEFAULT_CONFIG: &str = "helder.toml";
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::EventErrors) => ExitCode::from(1),
        Err(error) => {
            eprintln!(
                "fout: {}",
                helder::event::bsn::mask_possible_bsns(&error.to_string())
            );
            for cause in error.chain().skip(1) {
                eprintln!(
                    "  oorzaak: {}",
                    helder::event::bsn::mask_possible_bsns(&cause.to_string())
                );
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    if let Command::Lint(args) = &cli.command {
        if let Some(rule) = &args.explain {
            out!("{}", cmd::lint::explain(rule)?);
            return Ok(Outcome::Success);
        }
        // Text needs no settings (then the defaults hold); templates do, to make letters.
        let config = match &cli.config {
            Some(path) => Some(Config::load(path)?),
            None if Path::new(DEFAULT_CONFIG).exists() => {
                Some(Config::load(Path::new(DEFAULT_CONFIG))?)
            }
            None => None,
        };
        let request = cmd::lint::LintRequest {
            paths: &args.paths,
            config: config.as_ref(),
            changed_since: args.changed_since.as_deref(),
            fail_on: args.fail_on.map(|level| match level {
                FailOn::Info => Severity::Info,
                FailOn::Warning => Severity::Warning,
                FailOn::Error => Severity::Error,
            }),
        };
        let (reports, outcome) = cmd::lint::run(request)?;
        match args.format {
            LintFormat::Human => {
                let color =
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                out!("{}", helder::report::human(&reports, color));
            }
            LintFormat::Json => outln!("{}", helder::report::json(&reports)),
            LintFormat::Sarif => outln!("{}", helder::report::sarif(&reports)),
            LintFormat::Github => out!("{}", helder::report::github(&reports)),
            LintFormat::Gitlab => outln!("{}", helder::report::gitlab(&reports)),
        }
        return Ok(outcome);
    }
    let config = Config::load(cli.config.as_deref().unwrap_or(Path::new(DEFAULT_CONFIG)))?;
    for warning in config.policy.warnings() {
        eprintln!("{warning}");
    }
    let mut out = |line: String| outln!("{line}");
    let mut err =
        |line: String| eprintln!("fout: {}", helder::event::bsn::mask_possible_bsns(&line));
    match &cli.command {
        Command::Route(args) => Ok(cmd::route::run(args, &config, &mut out, &mut err)),
        Command::Templates => {
            let templates = load_templates(&config)?;
            for line in cmd::templates::run(&config, &templates) {
                outln!("{line}");
            }
            Ok(Outcome::Success)
        }
        Command::Lint(_) => unreachable!("handled above"),
        Command::Release(args) => {
            let templates = load_templates(&config)?;
            let today = chrono::Local::now().date_naive();
            cmd::release::run(args, &config, &templates, today, &mut out, &mut err)
        }
        Command::Batch(args) => {
            let templates = load_templates(&config)?;
            batch(args, &config, &templates)
        }
        Command::Tasks(args) => {
            let tasks = helder::batch::open_tasks(&args.dir).map_err(|e| anyhow::anyhow!(e))?;
            match args.format {
                TasksFormat::Json => {
                    let rows: Vec<serde_json::Value> = tasks.iter().map(task_row).collect();
                    outln!("{}", serde_json::to_string_pretty(&rows)?);
                }
                TasksFormat::Text => {
                    outln!(
                        "{:<11} {:<18} {:<26} {:<20} {:<28} KAART",
                        "UITERLIJK",
                        "ZAAK",
                        "SOORT",
                        "CONTACTPERSOON",
                        "WAAROM"
                    );
                    for task in &tasks {
                        let row = task_row(task);
                        outln!(
                            "{:<11} {:<18} {:<26} {:<20} {:<28} {}",
                            task.deadline,
                            task.case_id,
                            task.event_type.as_str(),
                            task.contact_person.name,
                            row["reasons"].as_array().map_or(String::new(), |r| r
                                .iter()
                                .filter_map(|c| c.as_str())
                                .collect::<Vec<_>>()
                                .join(",")),
                            args.dir
                                .join(helder::output::task_card(&helder::output::file_stem(
                                    &task.event_id
                                )))
                                .display()
                        );
                    }
                    outln!(
                        "{} open {}.",
                        tasks.len(),
                        helder::dutch::plural(tasks.len(), "taak", "taken")
                    );
                }
            }
            Ok(Outcome::Success)
        }
        Command::Serve(args) => {
            if !args.address.is_loopback() {
                eprintln!(
                    "let op: helder serve luistert op {}; andere computers in het netwerk kunnen de pagina's dan ook openen. Gebruik dit alleen op een vertrouwd netwerk.",
                    args.address
                );
            }
            let options = helder::serve::ServeOptions {
                address: args.address,
                port: args.port,
                out: args.out.clone(),
            };
            helder::serve::run(options, config, |address| {
                outln!("helder serve: http://{address}/ (stoppen: Ctrl+C)");
            })?;
            Ok(Outcome::Success)
        }
        Command::Render(args) => {
            let templates = load_templates(&config)?;
            let today = chrono::Local::now().date_naive();
            let mut letter = |bytes: &[u8]| {
                let mut stdout = std::io::stdout().lock();
                let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
            };
            let terminal = cmd::render::Terminal {
                out: &mut out,
                err: &mut err,
                letter: &mut letter,
            };
            cmd::render::run(args, &config, &templates, today, terminal)
        }
    }
}

/// One open task as the list shows it: no name or phone of the person, only
/// where the card is (the card has them, for the contact person).
fn task_row(task: &helder::task::CallFirstTask) -> serde_json::Value {
    serde_json::json!({
        "deadline": task.deadline,
        "task_id": task.task_id,
        "event_id": task.event_id,
        "case_id": task.case_id,
        "event_type": task.event_type.as_str(),
        "contact_person": task.contact_person.name,
        "reasons": task.reasons.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        "attempts": task.attempts.len(),
    })
}

/// `helder batch`: a progress bar on a terminal, one summary line at the end.
fn batch(args: &BatchArgs, config: &Config, templates: &TemplateSet) -> anyhow::Result<Outcome> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| anyhow::anyhow!("--jobs {jobs}: {e}"))?;
    }
    let options = helder::batch::BatchOptions {
        input: args.events.clone(),
        out: args.out.clone(),
        formats: args.format.clone(),
        date: args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        dry_run: args.dry_run,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let total = helder::batch::input::Reader::count(&args.events);
        let bar = match total {
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
    let mut progress = |counts: &helder::batch::Counts| {
        if let Some(bar) = &bar {
            bar.set_position(counts.events as u64);
            bar.set_message(format!(
                "{} brieven, {} taken, {} fouten",
                counts.letters, counts.tasks, counts.errors
            ));
        }
    };
    let summary = helder::batch::run(
        &options,
        config,
        templates,
        &helder::output::Disk,
        &mut progress,
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = summary?;
    let c = &summary.counts;
    let place = if args.dry_run {
        format!(
            "(proef: niets geschreven behalve {})",
            args.out.join(helder::output::SUMMARY_FILE).display()
        )
    } else {
        format!(
            "Brieven: {}, taken: {}, fouten: {}.",
            args.out.join(helder::output::LETTERS_DIR).display(),
            args.out.join(helder::output::TASKS_DIR).display(),
            args.out.join(helder::output::ERRORS_FILE).display()
        )
    };
    outln!(
        "klaar: {} gebeurtenissen in {:.1} s: {} {}, {} keer eerst bellen, {} {} vastgelegd ({} vrijgegeven), {} al eerder gedaan, {} {}. {place}",
        c.events,
        summary.seconds,
        c.letters,
        helder::dutch::plural(c.letters, "brief", "brieven"),
        c.tasks,
        c.contacts,
        helder::dutch::plural(c.contacts, "contact", "contacten"),
        c.released,
        c.skipped,
        c.errors,
        helder::dutch::plural(c.errors, "fout", "fouten"),
    );
    Ok(if c.errors > 0 {
        Outcome::EventErrors
    } else {
        Outcome::Success
    })
}

fn load_templates(config: &Config) -> anyhow::Result<TemplateSet> {
    let set =
        TemplateSet::load(&config.templates_dir, &config.letter.greeting).map_err(|errors| {
            for error in &errors {
                eprintln!("fout: {error}");
            }
            anyhow::anyhow!(
                "{} {} in de sjablonen; er is niets gemaakt.",
                errors.len(),
                helder::dutch::plural(errors.len(), "fout", "fouten")
            )
        })?;
    // A setting a template needs and helder.toml lacks: refuse before any letter is made.
    let missing = helder::template::settings::missing(&set, config);
    if !missing.is_empty() {
        for setting in &missing {
            eprintln!("fout: {}", setting.message());
        }
        anyhow::bail!(
            "{} {} in helder.toml; er is niets gemaakt.",
            missing.len(),
            helder::dutch::plural(
                missing.len(),
                "instelling ontbreekt",
                "instellingen ontbreken"
            )
        );
    }
    Ok(set)
}
