//! Tone on real text: `../shared/corpus/tone-dev.tsv` (real sentences from public
//! Dutch pages, labelled threat or neutral), read from there at test time and
//! never copied into the repository (corpus/README.md gives the label rules).
//!
//! Figures per fold of a grouped 5-fold split by source page: every page's
//! sentences fall in one fold (fold = FNV-1a hash of the URL mod 5), so no page
//! is in two folds. The rules learn nothing from the corpus, but their authors
//! have read every fold while writing them (fold 4 was kept unread until the
//! third shift), so these figures are development figures: an honest held-out
//! figure comes from real sentences kept outside the repository and unread
//! while the rules were written. A learned layer must be trained on four
//! folds and judged on the fifth.
//!
//! The test is a ratchet: it fails when the figures of fold 4 or the figures
//! over all folds get worse than the floors at the end of this file.
//! `HELDER_TONE_DEV=1` also prints every missed threat and false flag.
//!
//! `.ci/run` prints these figures. Without the corpus the test fails in CI
//! (`HELDER_REQUIRE_TOOLS=1` or `CI`) and is skipped elsewhere with a message.

use crate::support::root;
use helder::lint::{Category, SourceKind, lint};
use helder::readability::ReadabilityConfig;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One labelled sentence.
struct Row {
    threat: bool,
    sentence: String,
    fold: usize,
}

/// Where the corpus is: `HELDER_TONE_CORPUS`, or `shared/corpus/` next to the
/// repository (CI, /work/main) or one level up (a worktree under /work/wt/).
fn corpus_path() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("HELDER_TONE_CORPUS") {
        return Some(PathBuf::from(path));
    }
    let root = root();
    [
        root.join("../shared/corpus/tone-dev.tsv"),
        root.join("../../shared/corpus/tone-dev.tsv"),
    ]
    .into_iter()
    .find(|p| p.exists())
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The corpus, or `None` (after saying why) where it is absent and not required.
fn corpus() -> Option<Vec<Row>> {
    let Some(path) = corpus_path() else {
        let required = std::env::var("HELDER_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
            || std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(
            !required,
            "the tone corpus ../shared/corpus/tone-dev.tsv is missing (set HELDER_TONE_CORPUS to its path)"
        );
        #[allow(clippy::print_stderr)] // a skipped test says why
        {
            eprintln!(
                "skipped: the tone corpus ../shared/corpus/tone-dev.tsv is not here (set HELDER_TONE_CORPUS to its path)"
            );
        }
        return None;
    };
    let text = std::fs::read_to_string(&path).expect("the corpus is readable");
    let mut rows = Vec::new();
    for (number, line) in text.lines().enumerate().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cells.len(),
            3,
            "line {}: label, sentence, source",
            number + 1
        );
        assert!(
            matches!(cells[0], "threat" | "neutral"),
            "line {}",
            number + 1
        );
        rows.push(Row {
            threat: cells[0] == "threat",
            sentence: cells[1].to_string(),
            fold: (fnv1a(cells[2]) % 5) as usize,
        });
    }
    assert!(rows.len() >= 500, "the corpus has its sentences");
    Some(rows)
}

/// True and false positives of a set of predictions.
#[derive(Default, Clone, Copy)]
struct Counts {
    threats: usize,
    neutrals: usize,
    found: usize,
    false_flags: usize,
}

impl Counts {
    fn add(&mut self, threat: bool, flagged: bool) {
        if threat {
            self.threats += 1;
            self.found += usize::from(flagged);
        } else {
            self.neutrals += 1;
            self.false_flags += usize::from(flagged);
        }
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.threats.max(1) as f64
    }
    fn false_flag_rate(&self) -> f64 {
        self.false_flags as f64 / self.neutrals.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.found as f64 / (self.found + self.false_flags).max(1) as f64
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<44} precision {:.3}  recall {:.3}  false flags {:.3}  ({}/{} threats, {}/{} neutral flagged)",
            self.precision(),
            self.recall(),
            self.false_flag_rate(),
            self.found,
            self.threats,
            self.false_flags,
            self.neutrals
        )
    }
}

#[test]
fn tone_engine_on_the_real_corpus_with_grouped_folds() {
    let Some(rows) = corpus() else { return };
    // The rules: one verdict a sentence, with the categories that flagged it.
    let config = ReadabilityConfig::default();
    let verdicts: Vec<Vec<&'static str>> = rows
        .iter()
        .map(|r| {
            let mut ids: Vec<&'static str> = lint(&r.sentence, SourceKind::PlainText, &config)
                .findings
                .into_iter()
                .filter(|f| f.category == Category::Tone)
                .map(|f| f.rule)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    let mut rules_by_fold = [Counts::default(); 5];
    let mut rules_all = Counts::default();
    let mut by_category: BTreeMap<&str, Counts> = BTreeMap::new();
    for (row, categories) in rows.iter().zip(&verdicts) {
        let flagged = !categories.is_empty();
        rules_by_fold[row.fold].add(row.threat, flagged);
        rules_all.add(row.threat, flagged);
        for category in categories {
            by_category
                .entry(category)
                .or_default()
                .add(row.threat, true);
        }
    }
    let sum = |folds: &[Counts]| {
        folds.iter().fold(Counts::default(), |mut a, c| {
            a.threats += c.threats;
            a.neutrals += c.neutrals;
            a.found += c.found;
            a.false_flags += c.false_flags;
            a
        })
    };
    let dev_rules = sum(&rules_by_fold[..4]);
    let final_rules = rules_by_fold[4];
    #[allow(clippy::print_stdout)] // the figures belong in the test output
    {
        println!(
            "tone corpus: {} sentences, grouped 5-fold by source page",
            rows.len()
        );
        println!("{}", rules_all.line("rules alone, all folds"));
        println!("{}", dev_rules.line("rules alone, folds 0-3"));
        println!("{}", final_rules.line("rules alone, fold 4"));
        for (fold, counts) in rules_by_fold.iter().enumerate() {
            println!("{}", counts.line(&format!("  rules alone, fold {fold}")));
        }
        for (category, counts) in &by_category {
            println!(
                "  category {category:<24} flags {} threats and {} neutral sentences (precision {:.3})",
                counts.found,
                counts.false_flags,
                counts.precision()
            );
        }
        if std::env::var("HELDER_TONE_DEV").is_ok_and(|v| v == "1") {
            for (row, categories) in rows.iter().zip(&verdicts) {
                if row.threat == categories.is_empty() {
                    let what = if row.threat { "missed" } else { "false flag" };
                    println!(
                        "  {what} (fold {}): {} {categories:?}",
                        row.fold, row.sentence
                    );
                }
            }
        }
    }
    // The ratchet: the figures of fold 4 and over all folds may not get worse
    // than what has been reached. Raise these when the figures improve; the target
    // (recall 0.95, false flags 0.05 on held-out text) is printed above.
    let ratchet = [
        ("rules alone, fold 4", final_rules, HELD_OUT_RULES),
        ("rules alone, all folds", rules_all, ALL_FOLDS_RULES),
    ];
    for (name, counts, (recall, false_flags)) in ratchet {
        assert!(
            counts.recall() >= recall - EPSILON,
            "{}: recall fell below {recall:.3}",
            counts.line(name)
        );
        assert!(
            counts.false_flag_rate() <= false_flags + EPSILON,
            "{}: false flags rose above {false_flags:.3}",
            counts.line(name)
        );
    }
}

/// Rounding room for the ratchet's floors, which are written with three decimals.
const EPSILON: f64 = 0.000_5;

/// The figures reached on fold 4 (recall, false-flag rate): the ratchet's floor and ceiling.
const HELD_OUT_RULES: (f64, f64) = (0.912, 0.021);

/// The figures reached over all five folds (recall, false-flag rate).
const ALL_FOLDS_RULES: (f64, f64) = (0.958, 0.012);
