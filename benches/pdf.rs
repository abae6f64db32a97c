//! PDF letters per second, against WeasyPrint, measured in one run.
//!
//! Run: `cargo bench --bench pdf`. For every shipped example event it makes the
//! letter (template + Markdown), lints it, and renders the PDF (layout, krilla,
//! PDF/A-2a and PDF/UA-1 validation), repeated, and prints:
//!
//! 1. milliseconds per letter on one thread, for all letters and for the
//!    two-page ones alone;
//! 2. letters per second on one thread and on two;
//! 3. WeasyPrint (when `target/venv` has it, see benches/weasyprint_baseline.py)
//!    rendering the same two-page letter from helder's own HTML, warm, in the
//!    same run, and the ratio;
//! 4. resident memory after 1,000 and after 10,000 letters (flat means no growth).
#![allow(clippy::print_stdout)] // a benchmark reports on stdout

use chrono::NaiveDate;
use helder::compose::{ComposeOptions, build_letter, event_facts};
use helder::config::Config;
use helder::event::{CaseEvent, parse_events};
use helder::lint::lint_letter;
use helder::render::Renderer;
use helder::render::html::HtmlRenderer;
use helder::render::pdf::{PdfRenderer, PdfSettings};
use helder::template::TemplateSet;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Setup {
    config: Config,
    templates: TemplateSet,
    events: Vec<CaseEvent>,
}

fn setup() -> Setup {
    let config = Config::load(&root().join("helder.toml")).unwrap();
    let templates = TemplateSet::load(&config.templates_dir, &config.letter.greeting).unwrap();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("letter-templates/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let events = paths
        .iter()
        .flat_map(|p| parse_events(&std::fs::read_to_string(p).unwrap(), "bench"))
        .map(Result::unwrap)
        .collect();
    Setup {
        config,
        templates,
        events,
    }
}

/// Make, lint and render one letter; returns its page count.
fn one(setup: &Setup, event: &CaseEvent, renderer: &PdfRenderer) -> usize {
    let options = ComposeOptions {
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        draft: true,
    };
    let letter = build_letter(event, &setup.config, &setup.templates, options).unwrap();
    let findings = lint_letter(
        &letter.body_markdown,
        &event_facts(event, &letter, &setup.config),
        &setup.config.readability,
    );
    std::hint::black_box(findings);
    let bytes = renderer.render(&letter).unwrap();
    count_pages(&bytes)
}

fn count_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page\n";
    let compact = b"/Type/Page/";
    pdf.windows(needle.len()).filter(|w| *w == needle).count()
        + pdf.windows(compact.len()).filter(|w| *w == compact).count()
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let setup = setup();
    let renderer = PdfRenderer {
        settings: PdfSettings::default(),
    };
    // Warm up (font loading, word list) and find the two-page letters.
    let pages: Vec<usize> = setup
        .events
        .iter()
        .map(|e| one(&setup, e, &renderer))
        .collect();
    let two_page: Vec<&CaseEvent> = setup
        .events
        .iter()
        .zip(&pages)
        .filter(|(_, p)| **p == 2)
        .map(|(e, _)| e)
        .collect();
    println!(
        "{} example letters, {} of them two pages",
        setup.events.len(),
        two_page.len()
    );

    const ROUNDS: usize = 40;
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for event in &setup.events {
            one(&setup, event, &renderer);
        }
    }
    let all = start.elapsed() / (ROUNDS * setup.events.len()) as u32;
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for event in &two_page {
            one(&setup, event, &renderer);
        }
    }
    let two = start.elapsed() / (ROUNDS * two_page.len().max(1)) as u32;
    println!(
        "one thread: {:.2} ms a letter, {:.2} ms a two-page letter, {:.0} letters/s",
        ms(all),
        ms(two),
        1.0 / all.as_secs_f64()
    );

    let total = ROUNDS * setup.events.len();
    let start = Instant::now();
    std::thread::scope(|scope| {
        for worker in 0..2 {
            let setup = &setup;
            let renderer = &renderer;
            scope.spawn(move || {
                for i in (worker..total).step_by(2) {
                    one(setup, &setup.events[i % setup.events.len()], renderer);
                }
            });
        }
    });
    let elapsed = start.elapsed();
    println!(
        "two threads: {:.0} letters/s ({:.2}x one thread)",
        total as f64 / elapsed.as_secs_f64(),
        all.as_secs_f64() * total as f64 / elapsed.as_secs_f64()
    );

    weasyprint(&setup, two_page.first().copied(), two);

    let mut at_1000 = 0;
    for i in 0..10_000 {
        one(&setup, &setup.events[i % setup.events.len()], &renderer);
        if i + 1 == 1_000 {
            at_1000 = rss_kib();
        }
    }
    let at_10000 = rss_kib();
    println!(
        "memory: {:.1} MiB after 1,000 letters, {:.1} MiB after 10,000",
        at_1000 as f64 / 1024.0,
        at_10000 as f64 / 1024.0
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// WeasyPrint on helder's HTML of the same two-page letter, warm, same run.
fn weasyprint(setup: &Setup, event: Option<&CaseEvent>, ours: Duration) {
    let python = root().join("target/venv/bin/python");
    let Some(event) = event else { return };
    if !python.exists() {
        println!("weasyprint: not measured (no target/venv; see BENCHMARKS.md)");
        return;
    }
    let options = ComposeOptions {
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        draft: true,
    };
    let letter = build_letter(event, &setup.config, &setup.templates, options).unwrap();
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("letter.html");
    std::fs::write(&html, HtmlRenderer.render(&letter).unwrap()).unwrap();
    let output = Command::new(&python)
        .arg(root().join("benches/weasyprint_baseline.py"))
        .arg(&html)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    match text.trim().parse::<f64>() {
        Ok(theirs) => println!(
            "weasyprint: {theirs:.1} ms for the same two-page letter from HTML; helder is {:.0}x faster",
            theirs / ms(ours)
        ),
        Err(_) => println!(
            "weasyprint: not measured ({})",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .unwrap_or("no output")
        ),
    }
}
