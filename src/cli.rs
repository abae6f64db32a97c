//! The command line (clap derive). Each doc comment below is a `--help` line.

use crate::lint::Severity;
use crate::render::Format;
use crate::report::ReportFormat;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// helder: kind, clear letters at language level B1 from a municipality's case events,
/// and a phone call before any hard letter.
#[derive(Debug, Parser)]
#[command(name = "helder", version, about, long_about = None)]
pub struct Cli {
    /// The settings file (municipality, signature, policy, templates folder, readability limits).
    /// Default: helder.toml in the current folder (`lint` works without one).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render the letter for one or more case events.
    ///
    /// Events that need a call first are not rendered as a sendable letter:
    /// helder prints the routing decision. Use --draft to see the held letter,
    /// marked "CONCEPT — niet versturen".
    Render(RenderArgs),
    /// Show whether events become a letter or a call-first task, as JSON (one object a line).
    Route(RouteArgs),
    /// List the letter templates with their event type, besluit and call-first policy.
    Templates,
    /// Check Dutch text for readability and wording: level (A2-C1), long sentences, difficult
    /// and formal words, passives. Exit code 1 when a finding is at error level.
    Lint(LintArgs),
    /// Turn a day's case events into letters, call-first tasks and error records, with a
    /// journal: a run that is started again goes on where it stopped, and makes nothing twice.
    Batch(BatchArgs),
    /// List the open call-first tasks of a batch folder: "niet bereikt" first, then the earliest deadline.
    Tasks(TasksArgs),
    /// A local web page for template authors (each letter beside what is wrong with it,
    /// live on save) and, with --out, for the call-first list.
    Serve(ServeArgs),
    /// Apply recorded contacts (contact_recorded) to the call-first tasks of a batch folder,
    /// through its journal: each releases, withdraws or keeps waiting the letter of one task.
    Release(ReleaseArgs),
}

/// Arguments of `helder release`.
#[derive(Debug, clap::Args)]
pub struct ReleaseArgs {
    /// contact_recorded events: an NDJSON file, a folder of JSON files, or - for stdin.
    #[arg(value_name = "EVENTS")]
    pub events: PathBuf,

    /// The batch folder with the tasks (the --out of helder batch); released letters go to its letters/.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Formats of the released letters, separated by commas.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Format::Pdf, Format::Html])]
    pub format: Vec<Format>,

    /// The date on the released letters (YYYY-MM-DD); today when not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,

    /// No longer used: release works on a batch folder (--out).
    #[arg(long, value_name = "DIR", hide = true)]
    pub tasks: Option<PathBuf>,
}

/// Arguments of `helder batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// An NDJSON file (one event a line), a folder of JSON files, or - for stdin.
    #[arg(value_name = "EVENTS")]
    pub events: PathBuf,

    /// The output folder: letters/, tasks/, errors.ndjson, summary.json and the journal helder.db.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Letter formats, separated by commas.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Format::Pdf, Format::Html])]
    pub format: Vec<Format>,

    /// The date on the letters (YYYY-MM-DD); today when not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,

    /// Route and lint every event, write nothing but summary.json.
    #[arg(long)]
    pub dry_run: bool,

    /// Threads for rendering (default: all cores).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,

    /// When another batch is using the output folder, wait until it is done
    /// instead of stopping at once.
    #[arg(long)]
    pub wait: bool,
}

/// Arguments of `helder serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The port.
    #[arg(long, default_value_t = 8470)]
    pub port: u16,

    /// The address to listen on. Anything but 127.0.0.1 lets other computers in, and
    /// then a login is required: give a secret with --secret-file or HELDER_SERVE_SECRET.
    #[arg(long, default_value = "127.0.0.1")]
    pub address: std::net::IpAddr,

    /// A batch folder (the --out of helder batch), for the call-first page.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// A host name colleagues use to reach this computer (repeat for more), e.g.
    /// helder.gemeente.local. Requests for any other name are refused.
    #[arg(long = "host", value_name = "NAME")]
    pub hosts: Vec<String>,

    /// A file with the secret to log in with (its first line, at least 16 characters).
    /// Without it, the environment variable HELDER_SERVE_SECRET is used.
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

/// Arguments of `helder tasks`.
#[derive(Debug, clap::Args)]
pub struct TasksArgs {
    /// The batch folder (the --out of helder batch).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TasksFormat::Text)]
    pub format: TasksFormat,

    /// Only the tasks of this contact person (case does not matter).
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,

    /// Only the tasks whose deadline to call has passed.
    #[arg(long)]
    pub overdue: bool,
}

/// How `helder tasks` shows the tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TasksFormat {
    /// A table for the terminal.
    Text,
    /// A JSON array.
    Json,
}

/// Arguments of `helder lint`.
#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// Files (.md, .txt, templates), folders of them, or - for stdin. A folder of letter
    /// templates is checked by making each template's letter with each of its examples.
    #[arg(required_unless_present = "explain", value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// Exit with 1 when a finding is at this level or above (default: error, or fail-on in [lint]).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<Severity>,

    /// Only lint what changed since this git revision (and the templates that use
    /// a changed partial or example), e.g. origin/main.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,

    /// Report only findings that are not in this baseline file (and texts whose level got
    /// worse); the run fails only on those. Write the file with --write-baseline.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,

    /// Record today's findings and levels in a baseline file (commit it), and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// Explain a rule, with a bad and a good example; without a rule, list them all.
    #[arg(long, value_name = "RULE", num_args = 0..=1, default_missing_value = "")]
    pub explain: Option<String>,

    /// Apply the unambiguous replacements in place (a formal word with one plain
    /// word, in the same form: "indien" → "als") and print a unified diff. In
    /// templates only literal text changes; a line with a suppression never does.
    #[arg(long, conflicts_with = "explain")]
    pub fix: bool,

    /// With --fix: print the diff only, and change no file.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

/// Arguments of `helder render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Event files (one JSON event, or NDJSON with one event a line), folders of them, or - for stdin.
    #[arg(required = true, value_name = "EVENTS")]
    pub events: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,

    /// Where to write: a file for one event, a folder for several; - writes one letter to stdout.
    /// Without it, letters go to the current folder as <event-id>.<format>.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Also render letters that are held for a call first, marked as a draft ("CONCEPT — niet versturen").
    #[arg(long)]
    pub draft: bool,

    /// The date on the letter (YYYY-MM-DD); today when not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,
}

/// Arguments of `helder route`.
#[derive(Debug, clap::Args)]
pub struct RouteArgs {
    /// Event files, folders of them, or - for stdin.
    #[arg(required = true, value_name = "EVENTS")]
    pub events: Vec<PathBuf>,
}

fn parse_date(value: &str) -> Result<chrono::NaiveDate, String> {
    crate::event::parse_iso_date(value)
        .ok_or_else(|| format!("'{value}' is not a date like 2026-11-23"))
}
