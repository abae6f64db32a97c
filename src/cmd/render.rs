//! `helder render`: letters for case events, as HTML, Markdown or text.
//!
//! A call-first event is not rendered as a sendable letter: the routing
//! decision is printed instead, with how to get the held draft. An event with
//! an error never leaves a file behind.

use super::{Outcome, file_stem, io_reason, read_events};
use crate::cli::{Format, RenderArgs};
use crate::config::Config;
use crate::fs::{create_private_dir, write_private};
use crate::letter::{ComposeOptions, Composed, compose};
use crate::render::html::HtmlRenderer;
use crate::render::text::TextRenderer;
use crate::render::{MarkdownRenderer, Renderer};
use crate::template::TemplateSet;
use anyhow::{Context, bail};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Where letters go.
enum Destination {
    Stdout,
    File(PathBuf),
    Folder(PathBuf),
}

/// What `render` writes to the terminal: messages (no personal data) and, with `-o -`, the letter.
pub struct Terminal<'a> {
    /// A line for stdout.
    pub out: &'a mut dyn FnMut(String),
    /// A line for stderr.
    pub err: &'a mut dyn FnMut(String),
    /// The letter's bytes, for `-o -`.
    pub letter: &'a mut dyn FnMut(&[u8]),
}

/// Renders every event in `args`. Fails (exit 2) only when nothing can be written.
pub fn run(
    args: &RenderArgs,
    config: &Config,
    templates: &TemplateSet,
    today: NaiveDate,
    terminal: Terminal<'_>,
) -> anyhow::Result<Outcome> {
    let Terminal {
        out,
        err,
        letter: letter_out,
    } = terminal;
    let events = read_events(&args.events);
    let destination = destination(args.output.as_deref(), events.len())?;
    let renderer: Box<dyn Renderer> = match args.format {
        Format::Html => Box::new(HtmlRenderer),
        Format::Md => Box::new(MarkdownRenderer),
        Format::Txt => Box::new(TextRenderer),
    };
    let options = ComposeOptions {
        date: args.date.unwrap_or(today),
        draft: args.draft,
    };
    let mut outcome = Outcome::Success;
    let mut written: HashSet<String> = HashSet::new();
    let (mut letters, mut calls, mut failed) = (0usize, 0usize, 0usize);

    for result in events {
        let event = match result {
            Ok(event) => event,
            Err(e) => {
                err(e.to_string());
                failed += 1;
                outcome = Outcome::EventErrors;
                continue;
            }
        };
        match compose(&event, config, templates, options) {
            Ok(Composed::Letter(letter)) => {
                let bytes = match renderer.render(&letter) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        err(format!(
                            "gebeurtenis {}: de brief kan niet als {} worden gemaakt: {e}",
                            event.id,
                            renderer.name()
                        ));
                        failed += 1;
                        outcome = Outcome::EventErrors;
                        continue;
                    }
                };
                let stem = file_stem(&event.id);
                if !written.insert(stem.clone()) {
                    err(format!(
                        "gebeurtenis {}: er is in deze opdracht al een brief met dit id gemaakt. Geef elke gebeurtenis een eigen id.",
                        event.id
                    ));
                    failed += 1;
                    outcome = Outcome::EventErrors;
                    continue;
                }
                let kind = if letter.draft { "concept" } else { "brief" };
                match &destination {
                    Destination::Stdout => letter_out(&bytes),
                    Destination::File(path) => {
                        write(path, &bytes)?;
                        out(format!("{kind}: {}", path.display()));
                    }
                    Destination::Folder(dir) => {
                        let path = dir.join(format!("{stem}.{}", renderer.extension()));
                        write(&path, &bytes)?;
                        out(format!("{kind}: {}", path.display()));
                    }
                }
                letters += 1;
            }
            Ok(Composed::CallFirst(route)) => {
                calls += 1;
                out(format!(
                    "eerst bellen: gebeurtenis {} ({}) — de brief wordt vastgehouden tot het gesprek is vastgelegd.",
                    event.id, event.event_type
                ));
                for reason in route.reasons() {
                    out(format!("  - {}: {}", reason.code, reason.message));
                }
                out("  Het concept van de brief maakt u met --draft.".to_string());
            }
            Ok(Composed::Release) => {
                out(format!(
                    "geen brief: gebeurtenis {} legt een contact vast voor zaak {} en geeft de vastgehouden brief vrij.",
                    event.id, event.subject
                ));
            }
            Err(e) => {
                err(e.to_string());
                failed += 1;
                outcome = Outcome::EventErrors;
            }
        }
    }
    if !matches!(destination, Destination::Stdout) || failed > 0 {
        out(format!(
            "klaar: {letters} {}, {calls} keer eerst bellen, {failed} {}.",
            crate::dutch::plural(letters, "brief", "brieven"),
            crate::dutch::plural(failed, "fout", "fouten")
        ));
    }
    Ok(outcome)
}

fn destination(output: Option<&Path>, events: usize) -> anyhow::Result<Destination> {
    Ok(match output {
        Some(path) if path.as_os_str() == "-" => {
            if events != 1 {
                bail!(
                    "-o - schrijft één brief naar het scherm, maar er zijn {events} gebeurtenissen. Geef een map met -o MAP."
                );
            }
            Destination::Stdout
        }
        Some(path) if events > 1 || path.is_dir() || path.to_string_lossy().ends_with('/') => {
            Destination::Folder(path.to_path_buf())
        }
        Some(path) => Destination::File(path.to_path_buf()),
        None => Destination::Folder(PathBuf::from(".")),
    })
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir).with_context(|| {
            format!(
                "de map {} kan niet worden gemaakt. Kies een andere map met -o.",
                dir.display()
            )
        })?;
    }
    write_private(path, bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} kan niet worden geschreven ({}). Kies een andere plek met -o.",
            path.display(),
            io_reason(&e)
        )
    })
}
