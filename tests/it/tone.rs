//! Tone rules on a corpus of threatening and neutral Dutch sentences: precision and recall.

use crate::support::root;
use helder::lint::{Category, SourceKind, lint};
use helder::readability::ReadabilityConfig;

fn lines(name: &str) -> Vec<String> {
    std::fs::read_to_string(root().join("tests/fixtures/tone").join(name))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

fn flagged(text: &str, config: &ReadabilityConfig) -> bool {
    lint(text, SourceKind::Markdown, config)
        .findings
        .iter()
        .any(|f| f.category == Category::Tone)
}

#[test]
fn tone_rules_reach_095_precision_and_recall_on_the_corpus() {
    let config = ReadabilityConfig::default();
    let threatening = lines("threatening.txt");
    let neutral = lines("neutral.txt");
    assert!(
        threatening.len() >= 60 && neutral.len() >= 60,
        "at least 60 sentences of each"
    );
    let missed: Vec<&String> = threatening
        .iter()
        .filter(|t| !flagged(t, &config))
        .collect();
    let false_alarms: Vec<&String> = neutral.iter().filter(|t| flagged(t, &config)).collect();
    let true_positives = (threatening.len() - missed.len()) as f64;
    let precision = true_positives / (true_positives + false_alarms.len() as f64);
    let recall = true_positives / threatening.len() as f64;
    #[allow(clippy::print_stdout)] // the figures belong in the test output
    {
        println!(
            "tone corpus: {} threatening, {} neutral; precision {precision:.3}, recall {recall:.3}",
            threatening.len(),
            neutral.len()
        );
        for line in &missed {
            println!("  missed: {line}");
        }
        for line in &false_alarms {
            println!("  false alarm: {line}");
        }
    }
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "precision {precision:.3}, recall {recall:.3}; missed {missed:?}; false alarms {false_alarms:?}"
    );
}
