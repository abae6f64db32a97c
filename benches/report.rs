//! The lint report formats against each other, from 1,000 to 30,000 findings.
//!
//! Run: `cargo bench --bench report`. For texts of 16,000 to 500,000 words
//! (the fixture texts repeated, see benches/common), it lints each text once
//! and then times, in one round, rendering the same findings as the human
//! report (annotate-snippets, no colour) and as JSON: the time per finding
//! must stay flat as the number of findings grows. Last it times two whole
//! `helder lint` processes on the 500,000-word text, `--format human` and
//! `--format json`, back to back (the target: human within 3× JSON).
#![allow(clippy::print_stdout)] // a benchmark reports on stdout

mod common;

use common::{corpus, median, root};
use helder::cmd::lint::{LintRequest, check};
use helder::report::ReportFormat;
use std::path::PathBuf;
use std::process::Command;

/// Words of the texts; about 63 findings per 1,000 words.
const SIZES: [usize; 5] = [16_000, 50_000, 100_000, 250_000, 500_000];
const ROUNDS: usize = 3;

fn main() {
    let out_dir = root().join("target/bench");
    std::fs::create_dir_all(&out_dir).unwrap();
    // Load the word lists and the dictionary before timing anything.
    let _ = helder::lint::lint(
        "Eerst laden.",
        helder::lint::SourceKind::Markdown,
        &Default::default(),
    );
    let _ = helder::spelling::dictionary();
    println!(
        "words     findings   human ms   json ms   human µs/finding   json µs/finding   human/json"
    );
    let mut largest = PathBuf::new();
    for words in SIZES {
        let path = out_dir.join(format!("report-{words}.md"));
        std::fs::write(&path, corpus(words)).unwrap();
        let paths = [path.clone()];
        let reports = check(LintRequest {
            paths: &paths,
            config: None,
            changed_since: None,
            fail_on: None,
            baseline: None,
        })
        .unwrap()
        .reports;
        let findings: usize = reports.iter().map(|r| r.findings.len()).sum();
        let mut human = Vec::new();
        let mut json = Vec::new();
        for _ in 0..ROUNDS {
            human.push(median(3, || {
                std::hint::black_box(
                    ReportFormat::Human.render(std::hint::black_box(&reports), false),
                );
            }));
            json.push(median(3, || {
                std::hint::black_box(
                    ReportFormat::Json.render(std::hint::black_box(&reports), false),
                );
            }));
        }
        human.sort();
        json.sort();
        let (human, json) = (
            human[ROUNDS / 2].as_secs_f64(),
            json[ROUNDS / 2].as_secs_f64(),
        );
        println!(
            "{words:>7} {findings:>10} {:>10.1} {:>9.1} {:>18.2} {:>17.2} {:>12.2}",
            human * 1e3,
            json * 1e3,
            human * 1e6 / findings as f64,
            json * 1e6 / findings as f64,
            human / json,
        );
        largest = path;
    }

    let binary = env!("CARGO_BIN_EXE_helder");
    let process = |format: &str| {
        median(5, || {
            let output = Command::new(binary)
                .args(["lint", "--format", format])
                .arg(&largest)
                .output()
                .unwrap();
            assert!(output.status.code().is_some());
            std::hint::black_box(output.stdout.len());
        })
    };
    println!();
    println!(
        "whole `helder lint` process on {} (median of 5, back to back):",
        largest.display()
    );
    println!("round   human s   json s   human/json (target <= 3x)");
    for round in 1..=ROUNDS {
        let human = process("human").as_secs_f64();
        let json = process("json").as_secs_f64();
        println!("{round:>5} {human:>9.3} {json:>8.3} {:>12.2}", human / json);
    }
}
