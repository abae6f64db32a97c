//! `helder render`: letters for case events, as HTML, Markdown or text.
//!
//! A call-first event is not rendered as a sendable letter: the routing
//! decision is printed instead, with how to get the held draft. An event with
//! an error never leaves a file behind.

use super::{Outcome, Terminal};
use crate::cli::RenderArgs;
use crate::compose::{ComposeOptions, Composed, compose};
use crate::config::Config;
use crate::event::read_events;
use crate::fs::{create_private_dir, io_reason, write_private};
use crate::output::{Layout, OutputFile, file_stem, letter_files, task_files};
use crate::task::{CallFirstTask, TalkingPoints};
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

/// Renders every event in `args`. Fails (exit 2) only when nothing can be written.
pub fn run(
    args: &RenderArgs,
    config: &Config,
    templates: &TemplateSet,
    today: NaiveDate,
    terminal: &mut dyn Terminal,
) -> anyhow::Result<Outcome> {
    let events = read_events(&args.events);
    let destination = destination(args.output.as_deref(), events.len())?;
    let renderers = [args.format.renderer(config)];
    let options = ComposeOptions {
        date: args.date.unwrap_or(today),
        draft: args.draft,
    };
    let talking_points = TalkingPoints::load(&config.templates_dir)?;
    // An event that ends as an error is reported and counted, and the run exits 1; the rest go on.
    let mut failed = 0usize;
    let mut fail = |terminal: &mut dyn Terminal, message: String| {
        terminal.error(&message);
        failed += 1;
    };
    let mut written: HashSet<String> = HashSet::new();
    let (mut letters, mut calls) = (0usize, 0usize);

    for result in events {
        let event = match result {
            Ok(event) => event,
            Err(e) => {
                fail(terminal, e.to_string());
                continue;
            }
        };
        match compose(&event, config, templates, options) {
            Ok(Composed::Letter(letter)) => {
                let bytes = match letter_files(&letter, &renderers, Layout::Render) {
                    Ok(mut files) => files.remove(0),
                    Err(e) => {
                        fail(
                            terminal,
                            format!(
                                "gebeurtenis {}: de brief kan niet als {} worden gemaakt: {}",
                                event.id, e.format, e.error
                            ),
                        );
                        continue;
                    }
                };
                let stem = file_stem(&event.id);
                if let Err(message) = claim(&mut written, &stem, &event.id) {
                    fail(terminal, message);
                    continue;
                }
                let kind = if letter.draft { "concept" } else { "brief" };
                match &destination {
                    Destination::Stdout => terminal.write(&bytes.bytes),
                    Destination::File(path) => {
                        write(path, &bytes.bytes)?;
                        terminal.line(&format!("{kind}: {}", path.display()));
                    }
                    Destination::Folder(dir) => {
                        let path = dir.join(&bytes.path);
                        write(&path, &bytes.bytes)?;
                        terminal.line(&format!("{kind}: {}", path.display()));
                    }
                }
                letters += 1;
            }
            Ok(Composed::CallFirst(reasons)) => {
                calls += 1;
                let stem = file_stem(&event.id);
                if let Err(message) = claim(&mut written, &stem, &event.id) {
                    fail(terminal, message);
                    continue;
                }
                let mut task = CallFirstTask::new(
                    &event,
                    &reasons,
                    &talking_points,
                    options.date,
                    crate::task::TaskTerms::new(config, event.event_type, &reasons),
                );
                let codes: Vec<&str> = reasons.iter().map(|r| r.code.as_str()).collect();
                let folder = match &destination {
                    Destination::Stdout => None,
                    Destination::File(path) => Some(
                        path.parent()
                            .filter(|p| !p.as_os_str().is_empty())
                            .unwrap_or(Path::new("."))
                            .to_path_buf(),
                    ),
                    Destination::Folder(dir) => Some(dir.clone()),
                };
                let Some(folder) = folder else {
                    // `-o -` asks for the output on the terminal: the task as JSON.
                    terminal.write(task.to_json().as_bytes());
                    continue;
                };
                // The held draft, when there is a template for it.
                let draft_options = ComposeOptions {
                    draft: true,
                    ..options
                };
                let draft = match compose(&event, config, templates, draft_options) {
                    Ok(Composed::Letter(draft)) => Some(draft),
                    _ => None,
                };
                let files = task_files(&mut task, draft.as_deref(), &renderers);
                let card = folder.join(&files.card.path);
                let held = files.drafts.first().map(|d| folder.join(&d.path));
                for OutputFile { path, bytes } in &files.into_files() {
                    write(&folder.join(path), bytes)?;
                }
                terminal.line(&format!(
                    "eerst bellen: gebeurtenis {} ({}), uiterlijk {} ({}). Taak: {}",
                    event.id,
                    event.event_type,
                    task.deadline,
                    codes.join(", "),
                    card.display()
                ));
                match held {
                    Some(path) => terminal.line(&format!(
                        "  de brief wacht tot het gesprek is vastgelegd: {}",
                        path.display()
                    )),
                    None => terminal.line(&format!(
                        "  er is nog geen sjabloon voor {}: er is geen brief vastgehouden",
                        event.event_type
                    )),
                }
            }
            Ok(Composed::Release) => {
                terminal.line(&format!(
                    "geen brief: gebeurtenis {} legt een contact vast voor zaak {} en geeft de vastgehouden brief vrij.",
                    event.id, event.subject
                ));
            }
            Err(e) => {
                fail(terminal, e.to_string());
            }
        }
    }
    if !matches!(destination, Destination::Stdout) || failed > 0 {
        terminal.line(&format!(
            "klaar: {letters} {}, {calls} keer eerst bellen, {failed} {}.",
            crate::dutch::plural(letters, "brief", "brieven"),
            crate::dutch::plural(failed, "fout", "fouten")
        ));
    }
    Ok(Outcome::failed_if(failed > 0))
}

/// Claims an output name for an event; a second event with the same id in one run is an error.
fn claim(written: &mut HashSet<String>, stem: &str, event_id: &str) -> Result<(), String> {
    if written.insert(stem.to_string()) {
        Ok(())
    } else {
        Err(format!(
            "gebeurtenis {event_id}: er is in deze opdracht al iets met dit id gemaakt. Geef elke gebeurtenis een eigen id."
        ))
    }
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

/// Writes a file with personal data: folder 0700, file 0600, atomically.
pub(super) fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
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
