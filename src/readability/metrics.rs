//! The numbers of a text and its level (A2, B1, B2, C1), read from its
//! analysed [`Document`]. How the level is decided: see [`crate::readability`].

use super::document::Document;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Language levels of the Common European Framework, as used for Dutch letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    /// Very easy.
    A2,
    /// The level letters must have.
    B1,
    /// Too hard for many readers.
    B2,
    /// Hard.
    C1,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::A2 => "A2",
            Level::B1 => "B1",
            Level::B2 => "B2",
            Level::C1 => "C1",
        })
    }
}

/// The limits a text must stay within to be at a level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    /// Average words a sentence.
    pub avg_sentence_words: f64,
    /// Words in the longest sentence.
    pub max_sentence_words: usize,
    /// Share of difficult words (0.04 is 4 %).
    pub difficult_word_share: f64,
    /// Passives a sentence (0 is none at all).
    pub passive_share: f64,
    /// Words in the longest paragraph.
    pub max_paragraph_words: usize,
}

/// The limits of each level; a level left out keeps its defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct LevelLimits {
    /// A2.
    pub a2: Limits,
    /// B1.
    pub b1: Limits,
    /// B2.
    pub b2: Limits,
}

impl Default for LevelLimits {
    fn default() -> Self {
        LevelLimits {
            a2: Limits {
                avg_sentence_words: 10.0,
                max_sentence_words: 15,
                difficult_word_share: 0.02,
                passive_share: 0.0,
                max_paragraph_words: 60,
            },
            b1: Limits {
                avg_sentence_words: 12.0,
                max_sentence_words: 20,
                difficult_word_share: 0.04,
                passive_share: 0.0,
                max_paragraph_words: 100,
            },
            b2: Limits {
                avg_sentence_words: 16.0,
                max_sentence_words: 25,
                difficult_word_share: 0.08,
                passive_share: 0.10,
                max_paragraph_words: 150,
            },
        }
    }
}

/// Below this many judged words, the difficult-word share does not decide the level.
pub const MIN_WORDS_FOR_SHARE: usize = 20;

/// The numbers of a text (DESIGN.md §6 `readability`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// The level.
    pub level: Level,
    /// Words (with numbers and tokens like amounts).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Average words a sentence.
    pub avg_sentence_words: f64,
    /// Words in the longest sentence.
    pub max_sentence_words: usize,
    /// Share of difficult words among the words that can be judged.
    pub difficult_word_share: f64,
    /// Flesch reading ease for Dutch (Douma).
    pub flesch_douma: f64,
    /// Brouwer's Dutch reading index.
    pub brouwer: f64,
    /// Passive constructions.
    pub passives: usize,
    /// Subordinate clauses a sentence.
    #[serde(skip)]
    pub subordinate_per_sentence: f64,
    /// Words in the longest paragraph.
    #[serde(skip)]
    pub max_paragraph_words: usize,
}

impl Metrics {
    pub(super) fn of(doc: &Document<'_>) -> Metrics {
        let sentences = doc.sentences.len();
        // Summed as the document was made: the words are not read again.
        let totals = &doc.totals;
        let (words, max_sentence_words) = (totals.words, totals.max_sentence_words);
        let (judged, difficult, syllables) = (totals.judged, totals.difficult, totals.syllables);
        let (passives, subordinates) = (totals.passives, totals.subordinates);
        let max_paragraph_words = doc
            .block_words
            .iter()
            .enumerate()
            .filter(|(i, _)| doc.is_paragraph(*i))
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0);
        let per = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
        let avg_sentence_words = round2(per(words, sentences));
        let syllables_per_word = per(syllables, judged);
        let mut metrics = Metrics {
            level: Level::C1,
            words,
            sentences,
            avg_sentence_words,
            max_sentence_words,
            difficult_word_share: round4(per(difficult, judged)),
            flesch_douma: round2(if words == 0 {
                0.0
            } else {
                206.835 - 0.93 * per(words, sentences) - 77.0 * syllables_per_word
            }),
            brouwer: round2(if words == 0 {
                0.0
            } else {
                195.0 - 2.0 * per(words, sentences) - 67.0 * syllables_per_word
            }),
            passives,
            subordinate_per_sentence: round2(per(subordinates, sentences)),
            max_paragraph_words,
        };
        let passive_share = per(passives, sentences);
        let limits = &doc.config.levels;
        metrics.level = [
            (Level::A2, limits.a2),
            (Level::B1, limits.b1),
            (Level::B2, limits.b2),
        ]
        .into_iter()
        .find(|(_, l)| {
            metrics.avg_sentence_words <= l.avg_sentence_words
                && metrics.max_sentence_words <= l.max_sentence_words
                && (judged < MIN_WORDS_FOR_SHARE
                    || metrics.difficult_word_share <= l.difficult_word_share)
                && passive_share <= l.passive_share
                && metrics.max_paragraph_words <= l.max_paragraph_words
        })
        .map_or(Level::C1, |(level, _)| level);
        metrics
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::ReadabilityConfig;
    use crate::readability::words::Verdict;
    use crate::text::from_plain_text;

    fn analysed(text: &str) -> Metrics {
        let config = ReadabilityConfig::default();
        Document::new(text, from_plain_text(text), &config)
            .metrics()
            .clone()
    }

    /// The sums as the metrics once counted them, reading every word and sentence.
    fn counted(doc: &Document<'_>) -> super::super::document::Totals {
        let mut totals = super::super::document::Totals {
            words: doc.sentences.iter().map(|s| s.words).sum(),
            max_sentence_words: doc.sentences.iter().map(|s| s.words).max().unwrap_or(0),
            passives: doc.sentences.iter().map(|s| s.passives.len()).sum(),
            subordinates: doc.sentences.iter().map(|s| s.subordinators.len()).sum(),
            ..Default::default()
        };
        for word in &doc.words {
            match word.verdict {
                Verdict::Name | Verdict::Abbreviation => continue,
                Verdict::Rare(_) | Verdict::Formal => totals.difficult += 1,
                Verdict::Common | Verdict::Compound => {}
            }
            totals.judged += 1;
            totals.syllables += usize::from(word.syllables);
        }
        totals
    }

    #[test]
    fn the_sums_made_with_the_document_are_those_of_a_pass_over_it() {
        let config = ReadabilityConfig::default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .collect();
        texts.push(
            "Dhr. Jansen en o.a. NASA: Uw AANVRAAG wordt door ons beoordeeld, omdat het moet."
                .into(),
        );
        for text in &texts {
            let doc = Document::new(text, crate::text::from_markdown(text), &config);
            assert_eq!(doc.totals, counted(&doc));
        }
    }

    #[test]
    fn a_plain_letter_is_b1_or_easier_and_a_bureaucratic_one_is_not() {
        let plain = "Wij hebben uw aanvraag ontvangen. Dank u wel. Wij kijken nu of u bijstand krijgt. Dat duurt een paar weken. Hebt u vragen? Bel dan Ilse Verhoef.";
        assert!(analysed(plain).level <= Level::B1, "{:?}", analysed(plain));
        let hard = "Indien u niet tijdig de gevraagde bescheiden overlegt, zal uw aanvraag conform artikel 4:5 van de Algemene wet bestuursrecht buiten behandeling worden gesteld, hetgeen betekent dat u geen aanspraak kunt maken op een uitkering ingevolge de Participatiewet.";
        let metrics = analysed(hard);
        assert!(metrics.level >= Level::B2, "{metrics:?}");
        assert_eq!(metrics.sentences, 1);
        assert!(metrics.passives >= 1);
    }
}
