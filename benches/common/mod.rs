//! What the benchmarks share: the corpus and a median timer.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The thirteen texts of tests/fixtures/texts/ (plain B1 letters, bureaucratic
/// letters, a long official text), in file-name order, repeated until the text
/// has at least `target_words` words (unicode-segmentation words), with a
/// blank line between texts. The same `target_words` always gives the same text.
pub(crate) fn corpus(target_words: usize) -> String {
    let dir = root().join("tests/fixtures/texts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut corpus = String::new();
    let mut words = 0;
    'fill: loop {
        for text in &texts {
            if words >= target_words {
                break 'fill;
            }
            corpus.push_str(text);
            corpus.push_str("\n\n");
            words += text.unicode_words().count();
        }
    }
    corpus
}

/// The CPU time this thread has run so far (`CLOCK_THREAD_CPUTIME_ID`):
/// unlike the wall clock, it does not count the time other processes on a busy
/// machine take the core away.
#[allow(dead_code)] // not every benchmark uses it
pub(crate) fn thread_cpu() -> Duration {
    let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    )
}

/// The median CPU time ([`thread_cpu`]) of `runs` runs of `f`, after one warm-up run.
#[allow(dead_code)] // not every benchmark uses it
pub(crate) fn cpu_median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = thread_cpu();
            f();
            thread_cpu().saturating_sub(start)
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// The median of `runs` timings of `f`, after one warm-up run.
#[allow(dead_code)] // not every benchmark uses it
pub(crate) fn median(runs: usize, mut f: impl FnMut()) -> Duration {
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
