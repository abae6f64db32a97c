//! Lint time against the length of one paragraph (issue 17): does it grow linearly?
//!
//! Run: `cargo bench --bench paragraph`. For paragraphs of 1,000 to 64,000
//! short sentences, each with a formal word ("Indien u komt, bel ons."), all
//! on one line with no blank line between them, it measures in one process:
//!
//! 1. the floor: a bare `unicode-segmentation` word split of the text;
//! 2. `helder lint --format json` as the command runs it (read, lint, the
//!    suppression comments, line and column of every finding, the JSON);
//! 3. the same with the human report (a source snippet for every finding).
//!
//! It prints microseconds per sentence for each, and the growth: the time
//! per sentence at the largest size over the time per sentence at the
//! smallest. Linear work gives a growth near 1; quadratic work gives about
//! the ratio of the sizes (64). `HELDER_BENCH_MAX_SENTENCES` stops earlier
//! (a quadratic build needs hours for 64,000 sentences with the human report).
#![allow(clippy::print_stdout)] // a benchmark reports on stdout

use helder::cmd::lint::{LintRequest, check};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

const SENTENCE: &str = "Indien u komt, bel ons.";
const SIZES: [usize; 7] = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000];

/// The median of `runs` timings of `f`, after one warm-up run.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Lints `path` as `helder lint` does, and makes the report.
fn lint(path: &Path, human: bool) -> usize {
    let paths = [path.to_path_buf()];
    let request = LintRequest {
        paths: &paths,
        config: None,
        changed_since: None,
        fail_on: None,
        baseline: None,
    };
    let reports = check(request).expect("the text lints").reports;
    if human {
        helder::report::human(&reports, false).len()
    } else {
        helder::report::json(&reports).len()
    }
}

fn micros_per_sentence(time: Duration, sentences: usize) -> f64 {
    time.as_secs_f64() * 1e6 / sentences as f64
}

fn main() {
    let max = std::env::var("HELDER_BENCH_MAX_SENTENCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    println!("sentences   split µs/zin   json µs/zin   human µs/zin   json/split");
    let mut first: Option<(f64, f64, f64)> = None;
    let mut last = (0.0, 0.0, 0.0);
    for &n in SIZES.iter().filter(|&&n| n <= max) {
        let text = vec![SENTENCE; n].join(" ") + "\n";
        let path = dir.join(format!("paragraph-{n}.txt"));
        std::fs::write(&path, &text).unwrap();
        let runs = if n <= 8_000 { 5 } else { 3 };
        let split = median(runs, || {
            std::hint::black_box(text.unicode_words().count());
        });
        let json = median(runs, || {
            std::hint::black_box(lint(&path, false));
        });
        let human = median(runs, || {
            std::hint::black_box(lint(&path, true));
        });
        let row = (
            micros_per_sentence(split, n),
            micros_per_sentence(json, n),
            micros_per_sentence(human, n),
        );
        println!(
            "{n:>9}   {:>12.3}   {:>11.3}   {:>12.3}   {:>10.1}",
            row.0,
            row.1,
            row.2,
            row.1 / row.0
        );
        first.get_or_insert(row);
        last = row;
    }
    if let Some(first) = first {
        println!(
            "growth (time per sentence, largest / smallest): split {:.2}, json {:.2}, human {:.2}",
            last.0 / first.0,
            last.1 / first.1,
            last.2 / first.2
        );
    }
}
