//! Step 5a of the pipeline, the readability engine: one analysed document of
//! a text, its metrics and its level.
//!
//! - [`document`]: [`Document::new`] segments the prose once (blocks → tokens →
//!   sentences) and judges every word and every sentence; the lint rules and
//!   [`Metrics`] read the same document, so nothing is computed twice;
//! - [`words`]: common, a compound of common parts, rare, formal, or a name;
//! - [`grammar`]: subordinate clauses and passives (word lists in `readability/grammar.toml`);
//! - `phrase`: phrases of a data file (formal words, tone) found in a sentence;
//! - [`tone`]: the tone rules' view of each sentence (clauses, negation, help);
//! - [`metrics`]: the numbers and the level; [`syllables`]. The word data is in [`crate::lexicon`];
//! - [`ranges`]: the ranges the limits in `helder.toml` must lie in.
//!
//! # How the level is decided
//!
//! A text is at the easiest level whose every limit it meets, checked in the
//! order A2, B1, B2; a text that meets none is C1. The limits (defaults,
//! configurable in `[readability.levels]`):
//!
//! | level | average words a sentence | longest sentence | difficult words | passives a sentence | longest paragraph |
//! |---|---|---|---|---|---|
//! | A2 | ≤ 10 | ≤ 15 | ≤ 2 % | 0 | ≤ 60 words |
//! | B1 | ≤ 12 | ≤ 20 | ≤ 4 % | 0 | ≤ 100 words |
//! | B2 | ≤ 16 | ≤ 25 | ≤ 8 % | ≤ 0.10 | ≤ 150 words |
//!
//! B1 follows DESIGN.md §5. The difficult-word share counts only when at
//! least 20 words can be judged: in a shorter text one word moves the share by
//! five points or more (the word itself is still flagged).
//! Words in a sentence are words, numbers and
//! tokens such as amounts or dates. Difficult words are rare words
//! (Zipf < 3 after compound splitting) and formal words, over the words
//! that can be judged (names and numbers are left out). Flesch-Douma
//! (206.835 − 0.93 · words/sentence − 77 · syllables/word) and Brouwer
//! (195 − 2 · words/sentence − 67 · syllables/word) are reported beside the
//! level, not used for it: they reward short words more than plain ones.

pub mod document;
pub mod grammar;
mod lower_forms;
pub mod metrics;
pub(crate) mod phrase;
pub mod ranges;
mod short_key;
pub mod syllables;
pub mod tone;
pub mod words;

pub use document::{Document, SentenceFacts, WordFacts};
pub use metrics::{Level, LevelLimits, Limits, MIN_WORDS_FOR_SHARE, Metrics};
pub use words::{Verdict, judge};

use serde::{Deserialize, Serialize};

/// Settings of the readability rules (`[readability]` in helder.toml).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ReadabilityConfig {
    /// A sentence longer than this many words is a warning.
    pub long_sentence_warning: usize,
    /// A sentence longer than this many words is an error.
    pub long_sentence_error: usize,
    /// A paragraph longer than this many words is a warning.
    pub long_paragraph_words: usize,
    /// More subordinate clauses than this in one sentence is a warning.
    pub max_subordinate_clauses: usize,
    /// A word below this Zipf frequency is rare (3 is once in a million words).
    pub rare_zipf: f32,
    /// A word with more letters than this is long, even when its parts are common.
    pub long_word_letters: usize,
    /// The limits of each level.
    pub levels: LevelLimits,
    /// The municipality's own words for the spelling check: set from
    /// `[lint.spelling]`, not a threshold, so never read from `[lint.thresholds]`.
    #[serde(skip)]
    pub extra_words: crate::lexicon::ExtraWords,
}

impl Default for ReadabilityConfig {
    fn default() -> Self {
        ReadabilityConfig {
            long_sentence_warning: 15,
            long_sentence_error: 20,
            long_paragraph_words: 100,
            max_subordinate_clauses: 2,
            rare_zipf: crate::lexicon::DEFAULT_RARE_ZIPF,
            long_word_letters: 20,
            levels: LevelLimits::default(),
            extra_words: crate::lexicon::ExtraWords::default(),
        }
    }
}
