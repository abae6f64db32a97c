//! The `helder` binary: parse the command line, run the command ([`helder::cmd::run`]),
//! and map the outcome to an exit code. The terminal is here: the one place that prints.
//!
//! Exit codes: 0 ok, 1 events that ended as errors (or findings at the failing
//! level), 2 usage or configuration error.
#![allow(clippy::print_stdout, clippy::print_stderr)] // the one place that prints

use clap::Parser;
use helder::cli::Cli;
use helder::cmd::{self, Outcome, Terminal};
use helder::event::bsn::mask_possible_bsns;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cmd::run(&cli, &mut Console) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::EventErrors) => ExitCode::from(1),
        Err(error) => {
            eprintln!("fout: {}", mask_possible_bsns(&error.to_string()));
            for cause in error.chain().skip(1) {
                eprintln!("  oorzaak: {}", mask_possible_bsns(&cause.to_string()));
            }
            ExitCode::from(2)
        }
    }
}

/// stdout and stderr of the process.
struct Console;

impl Terminal for Console {
    fn write(&mut self, bytes: &[u8]) {
        // A closed pipe (`helder tasks DIR | head`) is not an error.
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
    }

    fn error(&mut self, message: &str) {
        eprintln!("fout: {}", mask_possible_bsns(message));
    }

    fn warning(&mut self, message: &str) {
        eprintln!("{message}");
    }

    fn color(&self) -> bool {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
    }

    fn interactive(&self) -> bool {
        std::io::stderr().is_terminal()
    }
}
