//! Lints or splits a text N times in one process, for counting instructions
//! and allocations with valgrind (BENCHMARKS.md, thirteenth session):
//!
//! ```text
//! cargo bench --bench lint          # writes target/bench/corpus.md
//! cargo build --release --example lint_count
//! valgrind --tool=cachegrind --cache-sim=no target/release/examples/lint_count target/bench/corpus.md 3 lint
//! ```
//!
//! The count of one lint is (count with N = 3 minus count with N = 1) / 2, so
//! loading the word lists and the dictionary, done once, drops out.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a measuring tool reports on the terminal

use helder::lint::{SourceKind, lint};
use helder::readability::ReadabilityConfig;
use unicode_segmentation::UnicodeSegmentation;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(times)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: lint_count TEXT TIMES [lint|split]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(path).expect("a readable text file");
    let times: usize = times.parse().expect("TIMES is a whole number");
    let split = args.get(3).is_some_and(|mode| mode == "split");
    let config = ReadabilityConfig::default();
    // Load the word lists and the dictionary before the counted work.
    let _ = lint("Eerst laden.", SourceKind::Markdown, &config);
    let _ = helder::spelling::dictionary();
    let mut total = 0;
    for _ in 0..times {
        total += if split {
            std::hint::black_box(&text).unicode_words().count()
        } else {
            std::hint::black_box(lint(&text, SourceKind::Markdown, &config))
                .findings
                .len()
        };
    }
    println!("{total}");
}
