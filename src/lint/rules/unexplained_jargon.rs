//! ## What it flags
//! A legal or office word that the reader needs explained ("beschikking",
//! "herziening", "verrekenen", "beslagvrije voet", …), the first time it is
//! used without an explanation. The words, a plain word where there is one,
//! and an explanation at B1 are data: `readability/jargon.toml`. Words are
//! found through the morphology layer, also inflected and at the end of a
//! compound ("bijstandsbeschikking").
//!
//! A word counts as explained when the sentence that uses it, or the next one,
//! explains it: a bracket after it, "dat is", "dit is", "dat betekent", "dat wil
//! zeggen", "daarmee bedoelen we"; or when the explanation comes first: "Dat
//! heet een voorlopige voorziening", "een bedrag: het griffierecht", or a
//! sentence that only names it after the one that said it ("Dat is de
//! inlichtingenplicht."). A word explained once is not
//! flagged again in the same letter; one that is never explained is flagged
//! once, where it first appears.
//!
//! ## Why it matters to the reader
//! Legal words carry the decision: a reader who does not know what
//! "verrekenen" means does not know what happens to their money.
//!
//! ## Example
//! "Wij verrekenen het bedrag met uw uitkering."
//!
//! ## Use instead
//! "Wij houden het bedrag in op uw uitkering. U krijgt dan minder uitbetaald."
//!
//! ## Options
//! Add words to `readability/jargon.toml`, each with an explanation and a bad and a good example.

use crate::lint::clauses::{sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::{WordMorph, morphology};
use crate::readability::Document;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::sync::OnceLock;

const JARGON: &str = include_str!("../../../readability/jargon.toml");
const BAD: &str = "Wij verrekenen het bedrag met uw uitkering.";
const GOOD: &str = "Wij houden het bedrag in op uw uitkering. U krijgt dan minder uitbetaald.";

/// Words after a term that explain it.
const EXPLAINERS: &[&str] = &[
    "(",
    "dat is",
    "dat zijn",
    "dit is",
    "dit zijn",
    "dit heet",
    "dat betekent",
    "dit betekent",
    "dat wil zeggen",
    "dat heet",
    "bedoelen we",
    "betekent dat",
    "betekent:",
];

/// One word of `jargon.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Term {
    /// The word or words, lower case.
    pub(crate) word: String,
    /// A plain word to use instead, if there is one.
    #[serde(default)]
    pub(crate) plain: Option<String>,
    /// What it means, at B1.
    pub(crate) explanation: String,
    /// A text that must be flagged.
    #[allow(dead_code)] // read by the tests, which run every example
    pub(crate) bad: String,
    /// A text that must not be flagged.
    #[allow(dead_code)] // read by the tests, which run every example
    pub(crate) good: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JargonFile {
    term: Vec<Term>,
}

/// A term with its words and their lemmas, ready to match.
#[derive(Debug)]
struct Matcher {
    term: Term,
    /// The term's words, lower case.
    words: Vec<String>,
    /// The lemma of each word.
    lemmas: Vec<String>,
    /// The plural forms of a one-word term ("terugvorderingen", "zienswijzen"):
    /// the lemma table knows the plurals of frequent words only.
    plurals: Vec<String>,
}

/// The forms a Dutch plural of `word` can take: "-en" (with a doubled consonant,
/// "s" → "z", "f" → "v"), "-s", "-n" after "-e", "-heden" for "-heid". Forms
/// that are no word are never met in a text, so a few too many do no harm.
fn plural_forms(word: &str) -> Vec<String> {
    let mut out = vec![format!("{word}en"), format!("{word}s")];
    if word.ends_with('e') {
        out.push(format!("{word}n"));
    }
    if let Some(last) = word.chars().last().filter(char::is_ascii_alphabetic) {
        out.push(format!("{word}{last}en"));
    }
    if let Some(stem) = word.strip_suffix('s') {
        out.push(format!("{stem}zen"));
    }
    if let Some(stem) = word.strip_suffix('f') {
        out.push(format!("{stem}ven"));
    }
    if let Some(stem) = word.strip_suffix("heid") {
        out.push(format!("{stem}heden"));
    }
    out
}

/// The terms, and the words that can end one: the last word of a term and its
/// lemma. A sentence without such a word (as form, lemma or compound head) has
/// no term, so most sentences are passed over with a few hash lookups.
struct Jargon {
    matchers: Vec<Matcher>,
    last_words: FxHashSet<String>,
    /// For each word of `last_words`, the terms it can end (indices into
    /// `matchers`, ascending): a sentence is matched only against the terms
    /// that one of its words can end, not against all of them.
    ends: FxHashMap<String, Vec<usize>>,
}

fn jargon() -> &'static Jargon {
    static JARGON_TERMS: OnceLock<Jargon> = OnceLock::new();
    JARGON_TERMS.get_or_init(|| {
        let file: JargonFile = toml::from_str(JARGON)
            .unwrap_or_else(|problem| panic!("readability/jargon.toml is broken: {problem}"));
        let matchers: Vec<Matcher> = file
            .term
            .into_iter()
            .map(|term| {
                let words: Vec<String> = term.word.split_whitespace().map(str::to_string).collect();
                let lemmas = words.iter().map(|w| morphology().word(w).lemma).collect();
                let plurals = match words.as_slice() {
                    [one] => plural_forms(one),
                    _ => Vec::new(),
                };
                Matcher {
                    term,
                    words,
                    lemmas,
                    plurals,
                }
            })
            .collect();
        let last_words = matchers
            .iter()
            .flat_map(|m| {
                [m.words.last(), m.lemmas.last()]
                    .into_iter()
                    .flatten()
                    .chain(&m.plurals)
            })
            .cloned()
            .collect();
        let mut ends: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (index, matcher) in matchers.iter().enumerate() {
            for word in [matcher.words.last(), matcher.lemmas.last()]
                .into_iter()
                .flatten()
                .chain(&matcher.plurals)
            {
                let terms = ends.entry(word.clone()).or_default();
                if terms.last() != Some(&index) {
                    terms.push(index);
                }
            }
        }
        Jargon {
            matchers,
            last_words,
            ends,
        }
    })
}

/// The one-word terms of the list, as written, as lemma and in the plural: such a word is this
/// rule's to judge (flagged where it is not explained), and difficult-word leaves
/// it alone.
pub(crate) fn one_word_terms() -> &'static rustc_hash::FxHashSet<String> {
    static TERMS: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    TERMS.get_or_init(|| {
        jargon()
            .matchers
            .iter()
            .filter(|m| m.lemmas.len() == 1)
            .flat_map(|m| {
                [m.term.word.clone(), m.lemmas[0].clone()]
                    .into_iter()
                    .chain(m.plurals.iter().cloned())
            })
            .collect()
    })
}

/// Whether a word form can end a term, through its form, its lemma or its
/// compound head: the cue [`Cue::JARGON_END`].
pub(crate) fn may_end_term(word: &WordMorph) -> bool {
    let last_words = &jargon().last_words;
    last_words.contains(word.lemma.as_str())
        || last_words.contains(word.form.as_str())
        || word.head.as_deref().is_some_and(|h| last_words.contains(h))
}

/// A legal word without an explanation.
pub(crate) struct UnexplainedJargon;

impl Rule for UnexplainedJargon {
    fn id(&self) -> &'static str {
        "unexplained-jargon"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een juridisch of ambtelijk woord zonder uitleg, zoals \"beschikking\", \"verrekenen\" of \"beslagvrije voet\". Een woord dat in de brief al is uitgelegd, telt niet nog een keer.",
            why: "Juist deze woorden dragen het besluit. Wie niet weet wat \"verrekenen\" is, weet niet wat er met zijn geld gebeurt.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let Jargon { matchers, ends, .. } = jargon();
        // Per term: settled once it is explained or reported.
        let mut settled = vec![false; matchers.len()];
        let mut candidates: Vec<usize> = Vec::new();
        // Each word form of the text is looked up once.
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        let mut real: Vec<usize> = Vec::new();
        for index in 0..doc.sentences.len() {
            if settled.iter().all(|s| *s) {
                break;
            }
            // Only sentences with a word whose form, lemma or compound head ends a term.
            if !cues.sentence_has(index, Cue::JARGON_END) {
                continue;
            }
            sentence_words_into(doc, index, &mut words);
            real.clear();
            real.extend((0..words.len()).filter(|&i| words[i].is_word));
            // The terms whose last word one of the sentence's words can be: its
            // text, its lemma or its compound head (what a match below asks of
            // the last word), in the order of the list.
            candidates.clear();
            for &i in &real {
                let word = &words[i];
                let keys = [
                    Some(word.lower),
                    word.morph.map(|m| m.lemma.as_str()),
                    word.morph.and_then(|m| m.head.as_deref()),
                ];
                for key in keys.into_iter().flatten() {
                    if let Some(terms) = ends.get(key) {
                        candidates.extend(terms);
                    }
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &m in &candidates {
                let matcher = &matchers[m];
                if settled[m] {
                    continue;
                }
                let size = matcher.lemmas.len();
                let found = (0..real.len().saturating_sub(size - 1)).find(|&k| {
                    (0..size).all(|j| {
                        let word = &words[real[k + j]];
                        word.lower == matcher.words[j]
                            || matcher.plurals.iter().any(|p| p == word.lower)
                            || word.morph.is_some_and(|w| {
                                w.lemma == matcher.lemmas[j]
                                    // a compound ending in the term: "bijstandsbeschikking"
                                    || (size == 1 && w.head.as_deref() == Some(matcher.lemmas[j].as_str()))
                            })
                    })
                });
                let Some(k) = found else {
                    continue;
                };
                settled[m] = true;
                let (first, last) = (real[k], real[k + size - 1]);
                if explained(doc, index, &words, first, last) {
                    continue;
                }
                let term = &matcher.term;
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, first..last + 1),
                    message: format!(
                        "Niet iedereen weet wat \"{}\" betekent, en het staat nergens uitgelegd.",
                        words[first..=last]
                            .iter()
                            .map(|w| w.text)
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                    fix: None,
                    suggestion: Some(match &term.plain {
                        Some(plain) => format!(
                            "Schrijf liever \"{plain}\". Of leg het uit: {}.",
                            term.explanation
                        ),
                        None => format!(
                            "Leg het uit, bijvoorbeeld: \"{} (dat is: {})\".",
                            term.word, term.explanation
                        ),
                    }),
                });
            }
        }
    }
}

/// Whether the sentence explains the term, or the next sentence does: after it
/// ("beschikking (dat is …)", "Dat betekent: …"), or before it ("… Dat heet een
/// voorlopige voorziening", "een bedrag: het griffierecht", "… opnieuw bekijken
/// (verzoek om herziening)").
fn explained(
    doc: &Document<'_>,
    index: usize,
    words: &[crate::lint::clauses::Word<'_>],
    first: usize,
    last: usize,
) -> bool {
    let sentence = &doc.sentences[index];
    let block = &doc.prose.blocks[sentence.block].text;
    let before = block[sentence.range.start..words[first].range.start].to_lowercase();
    let names_it = ["heet", "noemen we", "noemen wij", "heten"]
        .iter()
        .any(|w| {
            before
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| t == *w)
                || before.contains(w)
        });
    // "een bedrag: het griffierecht": the words before the colon explain it.
    let after_colon = before
        .trim_end()
        .rsplit_once(':')
        .is_some_and(|(_, tail)| tail.split_whitespace().count() <= 1);
    // "… het besluit opnieuw bekijken (verzoek om herziening)": the plain words come
    // first and the term follows in brackets, with at most two words before it there.
    let after_term = &block[words[last].range.end..sentence.range.end];
    let named_in_brackets = after_term.trim_start().starts_with(')')
        && before.rsplit_once('(').is_some_and(|(head, inside)| {
            !inside.contains(')')
                && inside.split_whitespace().count() <= 2
                && head.split_whitespace().count() >= 3
        });
    // "… alles laten weten wat belangrijk is. Dat is de inlichtingenplicht.": a
    // sentence that only names the term names what the one before it said.
    let names_what_came_before = matches!(
        before.trim(),
        "dat is de" | "dit is de" | "dat is het" | "dit is het" | "dat is een" | "dit is een"
    ) && index > 0
        && doc.sentences[index - 1].block == sentence.block;
    // "… Dit wordt de beslagvrije voet genoemd.": the same, said with "genoemd".
    let names_what_came_before = names_what_came_before
        || (matches!(
            before.trim(),
            "dit wordt de" | "dat wordt de" | "dit wordt het" | "dat wordt het" | "dit wordt een"
        ) && after_term.trim_start().starts_with("genoemd")
            && index > 0
            && doc.sentences[index - 1].block == sentence.block);
    if names_it || after_colon || named_in_brackets || names_what_came_before {
        return true;
    }
    let term = words[first..=last]
        .iter()
        .filter(|w| w.is_word)
        .map(|w| w.lower)
        .collect::<Vec<_>>()
        .join(" ");
    if defined_further_on(doc, index, &term) {
        return true;
    }
    let mut rest = after_term.to_lowercase();
    if let Some(next) = doc
        .sentences
        .get(index + 1)
        .filter(|n| n.block == sentence.block)
    {
        rest.push(' ');
        rest.push_str(&block[next.range.clone()].to_lowercase());
    }
    EXPLAINERS.iter().any(|e| rest.contains(e))
}

/// Whether a later sentence of the same block, or of the paragraph under a
/// heading that uses the term, defines it: "Een dwangbevel is …", "Dit wordt
/// de beslagvrije voet genoemd.", "Dit noemen we terugvordering."
fn defined_further_on(doc: &Document<'_>, index: usize, term: &str) -> bool {
    let block = doc.sentences[index].block;
    let under_heading = doc.prose.blocks[block].kind == crate::text::BlockKind::Heading
        && block + 1 < doc.prose.blocks.len();
    doc.sentences[index + 1..]
        .iter()
        .take_while(|s| s.block == block || (under_heading && s.block == block + 1))
        .any(|s| {
            let text = doc.text(s.block, s.range.clone()).to_lowercase();
            let text = text.trim_end_matches(['.', '!', ' ']);
            let defines = ["een", "de", "het"].iter().any(|article| {
                text.strip_prefix(article)
                    .and_then(|rest| rest.trim_start().strip_prefix(term))
                    .is_some_and(|rest| {
                        ["is ", "zijn ", "betekent", "wil zeggen"]
                            .iter()
                            .any(|verb| rest.trim_start().starts_with(verb))
                    })
            });
            let named = ["dit ", "dat "].iter().any(|this| {
                text.strip_prefix(this).is_some_and(|rest| {
                    let rest = rest.trim_start();
                    ["noemen we ", "noemen wij ", "heet "]
                        .iter()
                        .any(|name| rest.strip_prefix(name).is_some_and(|r| r.contains(term)))
                        || ["wordt ", "worden "].iter().any(|verb| {
                            rest.strip_prefix(verb)
                                .is_some_and(|r| r.contains(term) && r.ends_with("genoemd"))
                        })
                })
            });
            defines || named
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn a_term_explained_by_the_sentence_after_or_before_it_is_explained() {
        for text in [
            "Wij houden rekening met uw beslagvrije voet. Dit is het bedrag dat u altijd overhoudt.",
            "U moet ons alles vertellen wat voor uw uitkering telt. Dat is de inlichtingenplicht.",
        ] {
            assert!(
                flagged(&UnexplainedJargon, text).is_empty(),
                "{text}: {:?}",
                flagged(&UnexplainedJargon, text)
            );
        }
        // A term that only stands there is still flagged.
        assert!(!flagged(&UnexplainedJargon, "Dat is de inlichtingenplicht.").is_empty());
    }

    #[test]
    fn a_term_defined_further_on_in_its_paragraph_or_under_its_heading_is_explained() {
        for text in [
            "U krijgt een dwangbevel van de gemeente. Daarin staat het bedrag. Een dwangbevel is een brief waarmee wij het geld mogen innen.",
            "Wij houden een deel van uw inkomen vrij. Dit wordt de beslagvrije voet genoemd.",
            "# Terugvordering\n\nU hebt te veel geld gekregen. U moet het terugbetalen. Dit noemen we terugvordering.",
        ] {
            assert!(
                flagged(&UnexplainedJargon, text).is_empty(),
                "{text}: {:?}",
                flagged(&UnexplainedJargon, text)
            );
        }
        // A definition in another paragraph, not under the heading, does not count.
        assert!(
            !flagged(
                &UnexplainedJargon,
                "U krijgt een dwangbevel.\n\nBel ons gerust.\n\nEen dwangbevel is een brief."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_term_in_brackets_after_its_plain_words_is_explained() {
        for text in [
            "Bent u het oneens, dan kijken wij er graag nog een keer naar (herziening).",
            "Wij houden het bedrag in op uw uitkering (verrekenen).",
        ] {
            assert!(
                flagged(&UnexplainedJargon, text).is_empty(),
                "flagged: {text} → {:?}",
                flagged(&UnexplainedJargon, text)
            );
        }
        // A bracket that only names the term, with nothing said before it, explains nothing.
        for text in [
            "(Herziening) Wij sturen u een brief.",
            "Na de (herziening) belt u ons.",
        ] {
            assert!(
                !flagged(&UnexplainedJargon, text).is_empty(),
                "not flagged: {text}"
            );
        }
    }

    #[test]
    fn every_term_flags_its_bad_example_and_passes_its_good_one() {
        for matcher in &jargon().matchers {
            let term = &matcher.term;
            assert!(
                !flagged(&UnexplainedJargon, &term.bad).is_empty(),
                "{}: not flagged: {}",
                term.word,
                term.bad
            );
            assert!(
                flagged(&UnexplainedJargon, &term.good).is_empty(),
                "{}: flagged: {} → {:?}",
                term.word,
                term.good,
                flagged(&UnexplainedJargon, &term.good)
            );
        }
        assert!(jargon().matchers.len() >= 25);
    }

    #[test]
    fn inflections_and_compounds_are_found() {
        assert_eq!(
            flagged(&UnexplainedJargon, "U krijgt twee beschikkingen."),
            vec!["beschikkingen"]
        );
        assert_eq!(
            flagged(&UnexplainedJargon, "Hierbij de bijstandsbeschikking."),
            vec!["bijstandsbeschikking"]
        );
        assert_eq!(
            flagged(&UnexplainedJargon, "Wij verrekenden het bedrag in mei."),
            vec!["verrekenden"]
        );
    }

    #[test]
    fn plurals_the_lemma_table_does_not_know_are_found() {
        // The lemma table knows the plurals of frequent words only.
        for (text, plural) in [
            (
                "De terugvorderingen staan in de bijlage.",
                "terugvorderingen",
            ),
            ("De invorderingen staan in de bijlage.", "invorderingen"),
            ("U kreeg twee dwangbevelen.", "dwangbevelen"),
            ("Wij lazen uw zienswijzen.", "zienswijzen"),
            ("De vermogensgrenzen staan hier.", "vermogensgrenzen"),
            ("Beide toeslagpartners tekenen.", "toeslagpartners"),
            ("Wij kregen twee bezwaarschriften.", "bezwaarschriften"),
        ] {
            assert_eq!(flagged(&UnexplainedJargon, text), vec![plural], "{text}");
        }
    }

    #[test]
    fn a_term_explained_once_is_not_flagged_again_and_an_unexplained_one_once() {
        let explained = "Wij houden rekening met de beslagvrije voet. Dat is het bedrag dat u altijd overhoudt. De beslagvrije voet is € 1.200,00.";
        assert!(flagged(&UnexplainedJargon, explained).is_empty());
        let unexplained =
            "U krijgt een beschikking. In de beschikking staat het bedrag. Bewaar de beschikking.";
        assert_eq!(
            flagged(&UnexplainedJargon, unexplained),
            vec!["beschikking"]
        );
    }
}
