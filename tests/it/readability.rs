//! The readability engine on reference data and on Dutch texts.

use crate::support::root;
use helder::lint::{SourceKind, lint};
use helder::readability::ReadabilityConfig;
use helder::readability::syllables;

#[test]
fn syllable_gold_file_passes_completely() {
    let vendored =
        std::fs::read_to_string(root().join("tests/fixtures/syllables_gold.tsv")).unwrap();
    // The shared reference is beside the repository in CI; the copy must not drift from it.
    if let Ok(shared) =
        std::fs::read_to_string(root().join("../shared/reference/syllables_gold.tsv"))
    {
        assert_eq!(
            vendored, shared,
            "tests/fixtures/syllables_gold.tsv differs from ../shared/reference"
        );
    }
    let mut total = 0;
    let mut wrong = Vec::new();
    for line in vendored.lines().filter(|l| !l.trim().is_empty()) {
        let (word, expected) = line.split_once('\t').unwrap();
        let expected: usize = expected.trim().parse().unwrap();
        total += 1;
        let got = syllables::count(word);
        if got != expected {
            wrong.push(format!("{word}: {got} (should be {expected})"));
        }
    }
    #[allow(clippy::print_stdout)] // the score belongs in the test output
    {
        println!("syllables: {}/{total} right", total - wrong.len());
    }
    assert_eq!(total, 87);
    assert!(wrong.is_empty(), "{wrong:?}");
}

/// Level and findings of every Dutch text in tests/fixtures/texts/, as a plain-language editor reads them.
#[test]
fn fixture_texts_get_the_level_and_findings_an_editor_would_give() {
    let dir = root().join("tests/fixtures/texts");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 12, "at least twelve texts");
    let config = ReadabilityConfig::default();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let result = lint(&text, SourceKind::Markdown, &config);
        let mut report = format!("{:#?}\n", result.metrics);
        for finding in &result.findings {
            report.push_str(&format!(
                "{:?} {} [{}]: {}\n    {:?}\n",
                finding.severity,
                finding.rule,
                &text[finding.span.start..finding.span.end],
                finding.message,
                finding.suggestion
            ));
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        insta::assert_snapshot!(format!("text_{name}"), report);
    }
}
