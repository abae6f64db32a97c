//! The Dutch grammar word lists (`readability/grammar.toml`): subordinators,
//! auxiliaries and the lists that tell a participle from a noun or an adjective.
//! [`crate::readability::grammar`] uses them to find clauses and passives.

use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::OnceLock;

const GRAMMAR: &str = include_str!("../../readability/grammar.toml");

/// One word list of `grammar.toml`, with its two examples.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WordList {
    /// A sentence in which the analysis finds what the list is about.
    pub found: String,
    /// A sentence in which it finds none.
    pub not_found: String,
    /// The words, lower case, in the file's order.
    pub words: Vec<String>,
}

/// The Dutch grammar word lists.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Grammar {
    /// Words that start a subordinate clause ("omdat").
    pub subordinators: WordList,
    /// Words that start a subordinate clause after a comma ("…, die").
    pub subordinators_after_comma: WordList,
    /// Forms of "worden" and "zijn".
    pub auxiliaries: WordList,
    /// Participles that are not part of a passive ("gekomen", "verkeerd"), except
    /// those of `passive_after_worden` after a form of "worden".
    pub not_passive: WordList,
    /// Participles of `not_passive` that form a passive after "worden" ("besteed").
    pub passive_after_worden: WordList,
    /// Words before a noun ("de", "dit").
    pub determiners: WordList,
    /// Strong participles with a prefix other than "ge" ("ontvangen").
    pub strong_participles: WordList,
    /// Particles of separable verbs, longest first.
    pub separable_particles: WordList,
}

/// Parses `grammar.toml`; an error names the list.
pub fn load() -> Result<Grammar, String> {
    let grammar: Grammar =
        toml::from_str(GRAMMAR).map_err(|e| format!("grammar.toml: {}", e.message()))?;
    for (name, list) in grammar.lists() {
        let mut seen = FxHashSet::default();
        for word in &list.words {
            if word.is_empty() || word.chars().any(char::is_uppercase) || !seen.insert(word) {
                return Err(format!(
                    "grammar.toml: [{name}] has an empty, upper-case or repeated word: \"{word}\""
                ));
            }
        }
    }
    if let Some(word) = grammar
        .passive_after_worden
        .words
        .iter()
        .find(|word| !grammar.not_passive.words.contains(word))
    {
        return Err(format!(
            "grammar.toml: [passive-after-worden] has \"{word}\", which [not-passive] lacks"
        ));
    }
    Ok(grammar)
}

impl Grammar {
    /// Every list with its name in the file.
    pub fn lists(&self) -> [(&'static str, &WordList); 8] {
        [
            ("subordinators", &self.subordinators),
            ("subordinators-after-comma", &self.subordinators_after_comma),
            ("auxiliaries", &self.auxiliaries),
            ("not-passive", &self.not_passive),
            ("passive-after-worden", &self.passive_after_worden),
            ("determiners", &self.determiners),
            ("strong-participles", &self.strong_participles),
            ("separable-particles", &self.separable_particles),
        ]
    }
}

/// The grammar lists, loaded on first use.
pub fn grammar() -> &'static Grammar {
    static GRAMMAR_LISTS: OnceLock<Grammar> = OnceLock::new();
    GRAMMAR_LISTS.get_or_init(|| {
        load().unwrap_or_else(|problem| panic!("readability data is broken: {problem}"))
    })
}
