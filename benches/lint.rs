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
//! 4. where the time of one lint goes: the shared layers and every rule;
//! 5. the split, the full lint and textstat again on a ~500,000-word text, and
//!    where its time goes (per word, a long text costs more);
//! 6. the wall time of a whole `helder lint` process on one letter, against
//!    `helder --version` in the same run (50 runs each, interleaved).
//!
//! It prints the figures and the ratios that BENCHMARKS.md reports.
#![allow(clippy::print_stdout)] // a benchmark reports on stdout

mod common;

use common::{corpus, cpu_median, root, thread_cpu};
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
    // Times are the CPU time of the measuring thread (textstat's too), so the
    // moments another process has the core do not count.
    let mut rounds = Vec::new();
    let mut spellings = Vec::new();
    for round in 1..=ROUNDS {
        let split = split_time(&corpus, 9);
        let full = lint_time(&corpus, &config, 5);
        let spelling = cpu_median(5, || {
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

    breakdown(&corpus, &config, splits[ROUNDS / 2]);
    issue_scale(&config);
    one_letter();
}

/// The same three at the issue's scale, a text of about 500,000 words, in the
/// same run: the bare split, the full lint and textstat (median of 3 each after
/// a warm-up; textstat median of 5), since a peer can scale worse than a
/// 50,000-word text shows.
fn issue_scale(config: &ReadabilityConfig) {
    const WORDS: usize = 500_000;
    let corpus = corpus(WORDS);
    let path = root().join("target/bench/corpus-500k.md");
    std::fs::write(&path, &corpus).unwrap();
    let words = corpus.unicode_words().count();
    let split = split_time(&corpus, 3);
    let full = lint_time(&corpus, config, 3);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!();
    println!(
        "at the issue's scale, {words} words: split {:.1} ms, full lint {:.1} ms: {:.2}x the split",
        ms(split),
        ms(full),
        full.as_secs_f64() / split.as_secs_f64()
    );
    match textstat(&path) {
        Some((seconds, textstat_words)) => println!(
            "  textstat, warm: {:.1} ms ({textstat_words} words): helder / textstat throughput {:.2}x",
            seconds * 1e3,
            (words as f64 / full.as_secs_f64()) / (textstat_words as f64 / seconds)
        ),
        None => println!("  textstat: not measured"),
    }
    // Per word, a long text costs more than the 50,000-word one: show where.
    breakdown(&corpus, config, split);
}

/// Where the time of one full lint goes: the layers the rules share, built one
/// after the other on a fresh document, then every rule on the prepared document
/// (median of 5 each). The layers are lazy in a real lint; the first rule that
/// needs one pays for it.
fn breakdown(corpus: &str, config: &ReadabilityConfig, split: Duration) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let prose = cpu_median(5, || {
        std::hint::black_box(helder::lint::prose(corpus, SourceKind::Markdown));
    });
    let document = cpu_median(5, || {
        std::hint::black_box(Document::new(
            corpus,
            helder::lint::prose(corpus, SourceKind::Markdown),
            config,
        ));
    });
    let fresh = || {
        Document::new(
            corpus,
            helder::lint::prose(corpus, SourceKind::Markdown),
            config,
        )
    };
    let layer = |prepare: &dyn Fn(&Document<'_>), build: &dyn Fn(&Document<'_>)| {
        let mut times: Vec<Duration> = (0..6)
            .map(|_| {
                let doc = fresh();
                prepare(&doc);
                let start = thread_cpu();
                build(&doc);
                thread_cpu().saturating_sub(start)
            })
            .collect();
        times.sort();
        times[3]
    };
    let morphology = layer(&|_| {}, &|doc| {
        std::hint::black_box(doc.morphology());
    });
    let tone = layer(
        &|doc| {
            doc.morphology();
        },
        &|doc| {
            std::hint::black_box(doc.tone_view());
        },
    );
    let metrics = layer(
        &|doc| {
            doc.morphology();
            doc.tone_view();
        },
        &|doc| {
            std::hint::black_box(doc.metrics());
        },
    );
    let doc = fresh();
    doc.morphology();
    doc.tone_view();
    doc.metrics();
    let mut rules: Vec<(&'static str, Duration)> = helder::lint::rules::all()
        .iter()
        .map(|rule| {
            let time = cpu_median(5, || {
                let mut out = Vec::new();
                rule.check(std::hint::black_box(&doc), &mut out);
                std::hint::black_box(out);
            });
            (rule.id(), time)
        })
        .collect();
    rules.sort_by_key(|r| std::cmp::Reverse(r.1));
    // All rules once on a fresh prepared document (with what the rules compute
    // lazily for themselves), then freeing it: its words, sentences and layers.
    let all = helder::lint::rules::all();
    let mut passes: Vec<(Duration, Duration)> = (0..5)
        .map(|_| {
            let doc = fresh();
            doc.morphology();
            doc.tone_view();
            doc.metrics();
            let mut out = Vec::new();
            let start = thread_cpu();
            for rule in &all {
                rule.check(&doc, &mut out);
            }
            let rules = thread_cpu().saturating_sub(start);
            let start = thread_cpu();
            drop(std::hint::black_box(doc));
            (rules, thread_cpu().saturating_sub(start))
        })
        .collect();
    passes.sort();
    let rules_once = passes[2].0;
    let mut drops: Vec<Duration> = passes.iter().map(|p| p.1).collect();
    drops.sort();
    let drop_time = drops[2];
    let all_rules: Duration = rules.iter().map(|r| r.1).sum();
    println!();
    println!(
        "where the time of one lint goes (CPU ms, median of 5; the bare split: {:.2} ms):",
        ms(split)
    );
    println!("  prose from Markdown            {:>8.2}", ms(prose));
    println!(
        "  document (prose, words, sentences) {:>4.2}",
        ms(document.saturating_sub(prose))
    );
    println!("  morphology layer               {:>8.2}", ms(morphology));
    println!("  tone view                      {:>8.2}", ms(tone));
    println!("  metrics and level              {:>8.2}", ms(metrics));
    println!(
        "  all {} rules, one pass         {:>8.2}  (each alone, repeated: {:.2} together)",
        rules.len(),
        ms(rules_once),
        ms(all_rules)
    );
    println!("  freeing the document           {:>8.2}", ms(drop_time));
    for (id, time) in rules.iter().take(12) {
        println!("    {id:<34} {:>6.2}", ms(*time));
    }
}

/// A whole `helder lint` process on one letter, against `helder --version` (the
/// floor: starting the binary) in the same run, the two interleaved: 50 runs each.
fn one_letter() {
    let letter = root().join("tests/fixtures/texts/05_b1_bijzondere_bijstand.md");
    let binary = env!("CARGO_BIN_EXE_helder");
    let time = |args: &[&std::ffi::OsStr]| {
        let start = std::time::Instant::now();
        let status = Command::new(binary).args(args).output().unwrap().status;
        assert!(status.code().is_some());
        start.elapsed()
    };
    let lint_args = [
        "lint".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        letter.as_os_str(),
    ];
    let version_args = ["--version".as_ref()];
    for _ in 0..3 {
        time(&lint_args);
        time(&version_args);
    }
    let (mut lints, mut versions) = (Vec::new(), Vec::new());
    for _ in 0..50 {
        lints.push(time(&lint_args));
        versions.push(time(&version_args));
    }
    lints.sort();
    versions.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let spread = |t: &[Duration]| {
        format!(
            "median {:.2} ms (quartiles {:.2}-{:.2}, min {:.2}, max {:.2})",
            ms(t[25]),
            ms(t[12]),
            ms(t[37]),
            ms(t[0]),
            ms(t[49])
        )
    };
    println!();
    println!(
        "helder --version process (floor):      {}",
        spread(&versions)
    );
    println!(
        "helder lint process on one letter:     {}  (target < 10 ms)",
        spread(&lints)
    );
    println!(
        "one letter / --version:                {:>8.2}x  (medians)",
        lints[25].as_secs_f64() / versions[25].as_secs_f64()
    );
}

/// The baseline: the median CPU time of a bare `unicode_words` pass over `text`.
fn split_time(text: &str, runs: usize) -> Duration {
    cpu_median(runs, || {
        std::hint::black_box(std::hint::black_box(text).unicode_words().count());
    })
}

/// The median CPU time of a full lint of `text` as Markdown.
fn lint_time(text: &str, config: &ReadabilityConfig, runs: usize) -> Duration {
    cpu_median(runs, || {
        std::hint::black_box(lint(
            std::hint::black_box(text),
            SourceKind::Markdown,
            config,
        ));
    })
}
