//! The `helder` binary: parse the command line, run the command, map the outcome to an exit code.
//!
//! Exit codes: 0 ok, 1 events that ended as errors, 2 usage or configuration error.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the one place that prints

use clap::Parser;
use helder::cli::{Cli, Command};
use helder::cmd::{self, Outcome};
use helder::config::Config;
use helder::template::TemplateSet;
use std::io::Write;
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
    let config = Config::load(&cli.config)?;
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
            if errors.len() == 1 { "fout" } else { "fouten" }
        )
    })
}
