//! Lint throughput against its floor and a Python peer, measured in one run.
//!
//! Run: `cargo bench --bench lint`. It builds a ~50,000-word Dutch text from the
//! texts in tests/fixtures/texts/ (written to target/bench/corpus.md), then
//! measures, single-threaded, with medians of repeated runs:
//!
//! 1. the floor: a bare `unicode-segmentation` word split of the text;
//! 2. helder's full lint (all rules, metrics and level) of the same text, and
//!    within it the spelling rule alone (on the same analysis);
//! 3. textstat's Flesch-Douma (`lang='nl'`) on the same file, warm, when
//!    `target/venv` has textstat (see benches/textstat_baseline.py);
//! 4. the wall time of a whole `helder lint` process on one letter.
//!
//! It prints the figures and the ratios that BENCHMARKS.md reports.
#![allow(clippy::print_stdout)] // a benchmark reports on stdout

mod common;

use common::{corpus, median, root};
use helder::lint::{SourceKind, lint};
use helder::readability::{Document, ReadabilityConfig};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

const TARGET_WORDS: usize = 50_000;
const ROUNDS: usize = 7;

fn textstat(corpus: &Path) -> Option<(f64, usize)> {
    let python = root().join("target/venv/bin/python");
    if !python.exists() {
        return None;
    }
    let output = Command::new(python)
        .arg(root().join("benches/textstat_baseline.py"))
        .arg(corpus)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    // "seconds words"
    let mut parts = text.split_whitespace();
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn main() {
    let corpus = corpus(TARGET_WORDS);
    let out_dir = root().join("target/bench");
    std::fs::create_dir_all(&out_dir).unwrap();
    let corpus_path = out_dir.join("corpus.md");
    std::fs::write(&corpus_path, &corpus).unwrap();
    let words = corpus.unicode_words().count();
    let config = ReadabilityConfig::default();

    // Load the word lists and the dictionary before timing: that is start-up cost,
    // measured below with the process.
    let _ = lint("Eerst laden.", SourceKind::Markdown, &config);
    let _ = helder::spelling::dictionary();
    let doc = Document::new(
        &corpus,
        helder::lint::prose(&corpus, SourceKind::Markdown),
        &config,
    );
    let spelling_rule = helder::lint::rules::by_id("misspelled-word").expect("the spelling rule");
    let per_second = |d: Duration| words as f64 / d.as_secs_f64();
    println!(
        "corpus: {words} words, {} bytes ({})",
        corpus.len(),
        corpus_path.display()
    );
    println!("round   split ms   lint ms   textstat ms   lint/split   helder/textstat");

    // This machine is shared and noisy: every round measures all three back to back,
    // and the ratios are taken within a round; the report gives the median round.
    let mut rounds = Vec::new();
    let mut spellings = Vec::new();
    for round in 1..=ROUNDS {
        let split = median(9, || {
            std::hint::black_box(std::hint::black_box(&corpus).unicode_words().count());
        });
        let full = median(5, || {
            std::hint::black_box(lint(
                std::hint::black_box(&corpus),
                SourceKind::Markdown,
                &config,
            ));
        });
        let spelling = median(5, || {
            let mut out = Vec::new();
            spelling_rule.check(std::hint::black_box(&doc), &mut out);
            std::hint::black_box(out);
        });
        spellings.push(spelling.as_secs_f64() / full.as_secs_f64());
        let textstat = textstat(&corpus_path);
        let textstat_ratio = textstat
            .map(|(seconds, textstat_words)| per_second(full) / (textstat_words as f64 / seconds));
        println!(
            "{round:>5} {:>10.2} {:>9.2} {:>13} {:>12.2} {:>17}",
            split.as_secs_f64() * 1e3,
            full.as_secs_f64() * 1e3,
            textstat.map_or("-".to_string(), |(s, _)| format!("{:.2}", s * 1e3)),
            full.as_secs_f64() / split.as_secs_f64(),
            textstat_ratio.map_or("-".to_string(), |r| format!("{r:.1}")),
        );
        rounds.push((
            split,
            full,
            textstat,
            full.as_secs_f64() / split.as_secs_f64(),
            textstat_ratio,
        ));
    }
    let mut split_ratios: Vec<f64> = rounds.iter().map(|r| r.3).collect();
    split_ratios.sort_by(f64::total_cmp);
    let mut fulls: Vec<Duration> = rounds.iter().map(|r| r.1).collect();
    fulls.sort();
    let mut splits: Vec<Duration> = rounds.iter().map(|r| r.0).collect();
    splits.sort();
    println!();
    println!(
        "bare unicode-segmentation word split:  {:>12.0} words/s (median round)",
        per_second(splits[ROUNDS / 2])
    );
    println!(
        "helder full lint (one thread):         {:>12.0} words/s (median round)",
        per_second(fulls[ROUNDS / 2])
    );
    println!(
        "ratio full lint / bare split:          {:>8.2}x  median of rounds (target <= 3x)",
        split_ratios[ROUNDS / 2]
    );
    spellings.sort_by(f64::total_cmp);
    println!(
        "spelling rule's share of the full lint: {:>8.1}%  median of rounds",
        spellings[ROUNDS / 2] * 100.0
    );
    let mut textstat_ratios: Vec<f64> = rounds.iter().filter_map(|r| r.4).collect();
    if textstat_ratios.is_empty() {
        println!("textstat: not measured (create target/venv with textstat, see BENCHMARKS.md)");
    } else {
        textstat_ratios.sort_by(f64::total_cmp);
        let mut textstat_rates: Vec<f64> = rounds
            .iter()
            .filter_map(|r| r.2.map(|(s, w)| w as f64 / s))
            .collect();
        textstat_rates.sort_by(f64::total_cmp);
        println!(
            "textstat flesch_reading_ease (nl), warm: {:>10.0} words/s (median round)",
            textstat_rates[textstat_rates.len() / 2]
        );
        println!(
            "ratio helder / textstat throughput:    {:>8.1}x  median of rounds (target >= 10x)",
            textstat_ratios[textstat_ratios.len() / 2]
        );
    }

    let letter = root().join("tests/fixtures/texts/05_b1_bijzondere_bijstand.md");
    let binary = env!("CARGO_BIN_EXE_helder");
    let process = median(21, || {
        let status = Command::new(binary)
            .args(["lint", "--format", "json"])
            .arg(&letter)
            .output()
            .unwrap()
            .status;
        assert!(status.code().is_some());
    });
    println!(
        "helder lint process on one letter:     {:>8.2} ms  (target < 20 ms)",
        process.as_secs_f64() * 1e3
    );
}
