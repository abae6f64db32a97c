//! The lemma table against a Snowball Dutch stemmer, on a gold list of word forms.
//!
//! Both should bring the forms of one word together (recall: "gekort" and
//! "korten") and keep different words apart (no false merges: "kort", short,
//! and "korten", to cut). The figures go into readability/README.md.

use crate::support::root;
use helder::morphology::morphology;
use rust_stemmers::{Algorithm, Stemmer};

fn gold() -> Vec<(String, String)> {
    std::fs::read_to_string(root().join("tests/fixtures/morphology/lemma-gold.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (form, lemma) = l.split_once('\t').expect("form<TAB>lemma");
            (form.to_string(), lemma.to_string())
        })
        .collect()
}

/// Of the forms, how many get the key of their lemma; and how many pairs of
/// forms of different lemmas get the same key.
fn score(gold: &[(String, String)], key: impl Fn(&str) -> String) -> (usize, usize, usize) {
    let keys: Vec<String> = gold.iter().map(|(form, _)| key(form)).collect();
    let joined = gold
        .iter()
        .zip(&keys)
        .filter(|((_, lemma), k)| key(lemma) == **k)
        .count();
    let mut merged = 0;
    let mut pairs = 0;
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            if gold[i].1 != gold[j].1 {
                pairs += 1;
                if keys[i] == keys[j] {
                    merged += 1;
                }
            }
        }
    }
    (joined, merged, pairs)
}

#[test]
fn the_lemma_table_serves_better_than_a_snowball_stemmer() {
    let gold = gold();
    assert!(gold.len() >= 150, "a gold list of at least 150 forms");
    let table = &morphology().lemmas;
    let stemmer = Stemmer::create(Algorithm::Dutch);
    // The table's key is the lemma itself; the stemmer's the stem of the form.
    let (table_joined, table_merged, pairs) = score(&gold, |w| table.lemma(w).0);
    let (stem_joined, stem_merged, _) = score(&gold, |w| stemmer.stem(w).into_owned());
    let exact = gold
        .iter()
        .filter(|(form, lemma)| table.lemma(form).0 == *lemma)
        .count();
    #[allow(clippy::print_stdout)] // the figures belong in the test output
    {
        println!(
            "lemmas: {} forms; table: {table_joined} joined with their lemma ({exact} exact), {table_merged} of {pairs} pairs of different words merged; snowball: {stem_joined} joined, {stem_merged} merged",
            gold.len()
        );
        for (form, lemma) in &gold {
            let found = table.lemma(form).0;
            if found != *lemma {
                println!("  table: {form} → {found} (gold {lemma})");
            }
        }
    }
    assert!(
        exact as f64 >= 0.9 * gold.len() as f64,
        "the table gives at least 90 % of the forms their exact lemma"
    );
    assert!(
        table_joined > stem_joined && table_merged <= stem_merged,
        "the table joins more forms ({table_joined} vs {stem_joined}) and merges no more words ({table_merged} vs {stem_merged})"
    );
}
