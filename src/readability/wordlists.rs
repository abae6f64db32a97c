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

/// One form of a formal word or phrase, found through its anchor word.
#[derive(Debug, Clone)]
pub struct FormalForm {
    /// The entry in [`Lexicon::formal`].
    pub entry: usize,
    /// The words, lower case.
    pub words: Vec<String>,
    /// The index of the anchor word in `words`.
    pub anchor: usize,
}

/// How often a word is used: its Zipf frequency and its rank (1 = most frequent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frequency {
    /// Zipf frequency: 3 is once in a million words, 6 once in a thousand.
    pub zipf: f32,
    /// Position in the list, 1-based.
    pub rank: u32,
}

/// A word may start a subordinate clause ("omdat").
pub const SUBORDINATOR: u8 = 1;
/// A word starts a subordinate clause after a comma ("…, die").
pub const SUBORDINATOR_AFTER_COMMA: u8 = 2;
/// A form of "worden" or "zijn".
pub const AUXILIARY: u8 = 4;
/// The anchor (longest) word of a formal word or phrase.
pub const FORMAL_ANCHOR: u8 = 8;
/// A loanword in `syllables.tsv`.
pub const SYLLABLES_IN_TABLE: u8 = 16;

/// Everything the lexicon knows about one word, found with one lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordEntry {
    /// Its frequency, when it is among the 50,000 most used words.
    pub frequency: Option<Frequency>,
    /// [`SUBORDINATOR`], [`SUBORDINATOR_AFTER_COMMA`], [`AUXILIARY`], [`FORMAL_ANCHOR`].
    pub flags: u8,
}

/// All word data.
#[derive(Debug)]
pub struct Lexicon {
    frequency: FxHashMap<&'static str, WordEntry>,
    /// Abbreviations whose full stop does not end a sentence ("bijv.").
    pub abbreviations: FxHashSet<&'static str>,
    /// Formal words and phrases.
    pub formal: Vec<FormalWord>,
    /// The anchor word of each formal form → the forms.
    pub formal_by_anchor: FxHashMap<String, Vec<FormalForm>>,
    /// Syllable counts of loanwords.
    pub syllables: FxHashMap<&'static str, u8>,
    /// The number of words in the frequency list.
    pub frequency_words: usize,
}

impl Lexicon {
    /// The frequency of a lower-case word, if it is in the list.
    pub fn frequency(&self, word: &str) -> Option<Frequency> {
        self.frequency.get(word).and_then(|entry| entry.frequency)
    }

    /// Everything known about a lower-case word.
    pub fn entry(&self, word: &str) -> WordEntry {
        self.frequency.get(word).copied().unwrap_or_default()
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
        frequency.entry(word).or_insert(WordEntry {
            frequency: Some(Frequency {
                zipf,
                rank: index as u32 + 1,
            }),
            flags: 0,
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
    let mut formal_by_anchor: FxHashMap<String, Vec<FormalForm>> = FxHashMap::default();
    for (index, entry) in formal.iter().enumerate() {
        for form in &entry.forms {
            let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
            // Index a phrase by its longest word: "met betrekking tot" by "betrekking",
            // so the common "met" does not send every sentence to the formal rule.
            let anchor = (0..words.len())
                .max_by_key(|i| (words[*i].chars().count(), std::cmp::Reverse(*i)))
                .ok_or_else(|| format!("formal-words.toml: empty form in entry {index}"))?;
            // The lexicon lives for the whole run: its few anchor words may too.
            let key: &'static str = Box::leak(words[anchor].clone().into_boxed_str());
            frequency.entry(key).or_default().flags |= FORMAL_ANCHOR;
            formal_by_anchor
                .entry(words[anchor].clone())
                .or_default()
                .push(FormalForm {
                    entry: index,
                    words,
                    anchor,
                });
        }
    }
    for (words, flag) in [
        (super::SUBORDINATORS, SUBORDINATOR),
        (super::SUBORDINATORS_AFTER_COMMA, SUBORDINATOR_AFTER_COMMA),
        (super::AUXILIARIES, AUXILIARY),
    ] {
        for word in words {
            frequency.entry(word).or_default().flags |= flag;
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
        frequency.entry(word).or_default().flags |= SYLLABLES_IN_TABLE;
    }
    let frequency_words = frequency
        .values()
        .filter(|entry| entry.frequency.is_some())
        .count();
    Ok(Lexicon {
        frequency,
        abbreviations,
        formal,
        formal_by_anchor,
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
