//! The word data in `readability/`, embedded at build time and loaded once.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::sync::OnceLock;

const FREQUENCY: &str = include_str!("../../readability/nl-frequency.tsv");
const FORMAL_WORDS: &str = include_str!("../../readability/formal-words.toml");
const ABBREVIATIONS: &str = include_str!("../../readability/abbreviations.txt");
const SYLLABLES: &str = include_str!("../../readability/syllables.tsv");

/// A formal word or phrase with its plain alternative.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FormalWord {
    /// The forms to find, lower case; several words form a phrase.
    pub forms: Vec<String>,
    /// The plain alternative.
    pub alternative: String,
    /// Only flag when this word follows later in the same sentence ("dient … te").
    #[serde(default)]
    pub needs_later: Option<String>,
    /// A sentence that must be flagged.
    pub bad: String,
    /// A sentence that must not be flagged.
    pub good: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormalFile {
    word: Vec<FormalWord>,
}

/// How often a word is used: its Zipf frequency and its rank (1 = most frequent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frequency {
    /// Zipf frequency: 3 is once in a million words, 6 once in a thousand.
    pub zipf: f32,
    /// Position in the list, 1-based.
    pub rank: u32,
}

/// All word data.
#[derive(Debug)]
pub struct Lexicon {
    frequency: FxHashMap<&'static str, Frequency>,
    /// Abbreviations whose full stop does not end a sentence ("bijv.").
    pub abbreviations: FxHashSet<&'static str>,
    /// Formal words and phrases.
    pub formal: Vec<FormalWord>,
    /// First word of each formal form → (entry, form) pairs.
    pub formal_by_first_word: FxHashMap<String, Vec<(usize, Vec<String>)>>,
    /// Syllable counts of loanwords.
    pub syllables: FxHashMap<&'static str, u8>,
    /// The number of words in the frequency list.
    pub frequency_words: usize,
}

impl Lexicon {
    /// The frequency of a lower-case word, if it is in the list.
    pub fn frequency(&self, word: &str) -> Option<Frequency> {
        self.frequency.get(word).copied()
    }
}

/// The lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        load().unwrap_or_else(|problem| panic!("readability data is broken: {problem}"))
    })
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Parses all data files; an error names the file and the entry.
pub fn load() -> Result<Lexicon, String> {
    let mut frequency = FxHashMap::with_capacity_and_hasher(52_000, Default::default());
    for (index, line) in data_lines(FREQUENCY).enumerate() {
        let (word, zipf) = line
            .split_once('\t')
            .ok_or_else(|| format!("nl-frequency.tsv: line without a tab: {line}"))?;
        let zipf: f32 = zipf
            .parse()
            .map_err(|_| format!("nl-frequency.tsv: bad frequency for {word}"))?;
        frequency.entry(word).or_insert(Frequency {
            zipf,
            rank: index as u32 + 1,
        });
    }
    let abbreviations: FxHashSet<&str> = data_lines(ABBREVIATIONS).collect();
    if let Some(bad) = abbreviations
        .iter()
        .find(|a| !a.ends_with('.') || a.chars().any(char::is_uppercase))
    {
        return Err(format!(
            "abbreviations.txt: {bad} must be lower case and end with a full stop"
        ));
    }
    let formal: Vec<FormalWord> = toml::from_str::<FormalFile>(FORMAL_WORDS)
        .map_err(|e| format!("formal-words.toml: {e}"))?
        .word;
    let mut formal_by_first_word: FxHashMap<String, Vec<(usize, Vec<String>)>> =
        FxHashMap::default();
    for (index, entry) in formal.iter().enumerate() {
        for form in &entry.forms {
            let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
            let first = words
                .first()
                .ok_or_else(|| format!("formal-words.toml: empty form in entry {index}"))?
                .clone();
            formal_by_first_word
                .entry(first)
                .or_default()
                .push((index, words));
        }
    }
    let mut syllables = FxHashMap::default();
    for line in data_lines(SYLLABLES) {
        let (word, count) = line
            .split_once('\t')
            .ok_or_else(|| format!("syllables.tsv: line without a tab: {line}"))?;
        let count: u8 = count
            .parse()
            .map_err(|_| format!("syllables.tsv: bad count for {word}"))?;
        syllables.insert(word, count);
    }
    let frequency_words = frequency.len();
    Ok(Lexicon {
        frequency,
        abbreviations,
        formal,
        formal_by_first_word,
        syllables,
        frequency_words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_loads() {
        let lexicon = load().unwrap();
        assert_eq!(lexicon.frequency_words, 50_000);
        assert_eq!(lexicon.frequency("de").map(|f| f.rank), Some(1));
        assert!(lexicon.frequency("bijstand").is_some_and(|f| f.zipf > 4.0));
        assert!(lexicon.abbreviations.contains("bijv."));
        assert!(lexicon.formal.len() >= 30);
        assert_eq!(lexicon.syllables.get("website"), Some(&2));
    }
}
