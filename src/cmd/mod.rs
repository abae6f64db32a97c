//! The command layer: one module per subcommand, each with a single `run`
//! function, and [`run`], the one dispatch over them.
//!
//! This is the edge of the house (zola's and mdBook's `cmd/`): it reads the
//! settings, calls the library, and writes to a [`Terminal`]. Commands
//! return an [`Outcome`]; `main` turns it into an exit code. They write only
//! event ids, file paths, counts and routing decisions, never personal data.
//! Nothing else in the library imports this module.

pub mod batch;
pub mod lint;
pub mod release;
pub mod render;
pub mod route;
pub mod serve;
pub mod tasks;
pub mod templates;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::template::TemplateSet;
use std::path::Path;

/// The settings file used when `--config` is not given.
pub const DEFAULT_CONFIG: &str = "helder.toml";

/// How a command ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked (exit 0).
    Success,
    /// Some events ended as errors, or findings reached the failing level (exit 1).
    EventErrors,
}

impl Outcome {
    /// `EventErrors` when `failed`, else `Success`.
    pub fn failed_if(failed: bool) -> Outcome {
        if failed {
            Outcome::EventErrors
        } else {
            Outcome::Success
        }
    }
}

/// Where a command writes. `main.rs` has the one real terminal; a test may
/// capture. Nothing written here may be personal data.
pub trait Terminal {
    /// Writes to stdout as given (a report, a letter with `-o -`); a closed pipe is not an error.
    fn write(&mut self, bytes: &[u8]);
    /// Writes one line to stdout.
    fn line(&mut self, line: &str) {
        let mut bytes = Vec::with_capacity(line.len() + 1);
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        self.write(&bytes);
    }
    /// An error on stderr (one event's, or a template's): shown after "fout:",
    /// with anything that may be a BSN masked.
    fn error(&mut self, message: &str);
    /// A warning on stderr, as given.
    fn warning(&mut self, message: &str);
    /// Whether stdout shows colour (a terminal, and `NO_COLOR` not set).
    fn color(&self) -> bool;
    /// Whether stderr is a terminal, where a batch shows its progress.
    fn interactive(&self) -> bool;
}

/// Runs the command of `cli`.
pub fn run(cli: &Cli, terminal: &mut dyn Terminal) -> anyhow::Result<Outcome> {
    let today = chrono::Local::now().date_naive();
    match &cli.command {
        Command::Lint(args) => lint::run(args, cli.config.as_deref(), terminal),
        Command::Render(args) => {
            let config = settings(cli, terminal)?;
            let templates = load_templates(&config, terminal)?;
            render::run(args, &config, &templates, today, terminal)
        }
        Command::Route(args) => Ok(route::run(args, &settings(cli, terminal)?, terminal)),
        Command::Templates => {
            let config = settings(cli, terminal)?;
            let templates = load_templates(&config, terminal)?;
            Ok(templates::run(&config, &templates, terminal))
        }
        Command::Release(args) => {
            let config = settings(cli, terminal)?;
            let templates = load_templates(&config, terminal)?;
            release::run(args, &config, &templates, today, terminal)
        }
        Command::Batch(args) => {
            let config = settings(cli, terminal)?;
            let templates = load_templates(&config, terminal)?;
            batch::run(args, &config, &templates, today, terminal)
        }
        Command::Tasks(args) => {
            // The settings are read (and their warnings shown) as for every command.
            settings(cli, terminal)?;
            tasks::run(args, terminal)
        }
        Command::Serve(args) => serve::run(args, settings(cli, terminal)?, terminal),
    }
}

/// Reads `helder.toml` (or `--config`) and shows the policy's warnings.
fn settings(cli: &Cli, terminal: &mut dyn Terminal) -> anyhow::Result<Config> {
    let config = Config::load(cli.config.as_deref().unwrap_or(Path::new(DEFAULT_CONFIG)))?;
    for warning in config.policy.warnings() {
        terminal.warning(warning);
    }
    Ok(config)
}

/// Loads the templates and checks that helder.toml has every setting they
/// need; every problem is shown, and then nothing is made.
pub fn load_templates(config: &Config, terminal: &mut dyn Terminal) -> anyhow::Result<TemplateSet> {
    let set =
        TemplateSet::load(&config.templates_dir, &config.letter.greeting).map_err(|errors| {
            for error in &errors {
                terminal.error(&error.to_string());
            }
            anyhow::anyhow!(
                "{} {} in de sjablonen; er is niets gemaakt.",
                errors.len(),
                crate::dutch::plural(errors.len(), "fout", "fouten")
            )
        })?;
    // A setting a template needs and helder.toml lacks: refuse before any letter is made.
    let missing = crate::template::settings::missing(&set, config);
    if !missing.is_empty() {
        for setting in &missing {
            terminal.error(&setting.message());
        }
        anyhow::bail!(
            "{} {} in helder.toml; er is niets gemaakt.",
            missing.len(),
            crate::dutch::plural(
                missing.len(),
                "instelling ontbreekt",
                "instellingen ontbreken"
            )
        );
    }
    Ok(set)
}
