//! The `helder` binary: parse the command line, run the command, map the outcome to an exit code.
//!
//! Exit codes: 0 ok, 1 events that ended as errors, 2 usage or configuration error.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the one place that prints

use clap::Parser;
use helder::cli::{Cli, Command, FailOn, LintFormat};
use helder::cmd::{self, Outcome};
use helder::config::Config;
use helder::lint::Severity;
use helder::template::TemplateSet;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The settings file used when `--config` is not given.
const DEFAULT_CONFIG: &str = "helder.toml";
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::EventErrors) => ExitCode::from(1),
        Err(error) => {
            eprintln!("fout: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  oorzaak: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    if let Command::Lint(args) = &cli.command {
        if let Some(rule) = &args.explain {
            print!("{}", cmd::lint::explain(rule)?);
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
                print!("{}", helder::report::human(&reports, color));
            }
            LintFormat::Json => println!("{}", helder::report::json(&reports)),
            LintFormat::Sarif => println!("{}", helder::report::sarif(&reports)),
            LintFormat::Github => print!("{}", helder::report::github(&reports)),
            LintFormat::Gitlab => println!("{}", helder::report::gitlab(&reports)),
        }
        return Ok(outcome);
    }
    let config = Config::load(cli.config.as_deref().unwrap_or(Path::new(DEFAULT_CONFIG)))?;
    for warning in config.policy.warnings() {
        eprintln!("{warning}");
    }
    let mut out = |line: String| println!("{line}");
    let mut err = |line: String| eprintln!("fout: {line}");
    match &cli.command {
        Command::Route(args) => Ok(cmd::route::run(args, &config, &mut out, &mut err)),
        Command::Templates => {
            let templates = load_templates(&config)?;
            for line in cmd::templates::run(&config, &templates) {
                println!("{line}");
            }
            Ok(Outcome::Success)
        }
        Command::Lint(_) => unreachable!("handled above"),
        Command::Release(args) => {
            let templates = load_templates(&config)?;
            let today = chrono::Local::now().date_naive();
            cmd::release::run(args, &config, &templates, today, &mut out, &mut err)
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

fn load_templates(config: &Config) -> anyhow::Result<TemplateSet> {
    TemplateSet::load(&config.templates_dir, &config.letter.greeting).map_err(|errors| {
        for error in &errors {
            eprintln!("fout: {error}");
        }
        anyhow::anyhow!(
            "{} {} in de sjablonen; er is niets gemaakt.",
            errors.len(),
            helder::dutch::plural(errors.len(), "fout", "fouten")
        )
    })
}
