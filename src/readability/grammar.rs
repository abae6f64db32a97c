//! Dutch grammar for the analysis: where a subordinate clause starts and
//! which words form a passive. The word lists are data
//! (`readability/grammar.toml`, loaded by [`crate::lexicon::grammar`]).

use crate::lexicon::grammar::{WordList, grammar};
use crate::lexicon::{SUBORDINATOR, lowercase_into};
use crate::text::segment::{Token, TokenKind};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The lists as sets, for the lookups on every word.
struct Sets {
    not_passive: FxHashSet<&'static str>,
    determiners: FxHashSet<&'static str>,
    strong_participles: FxHashSet<&'static str>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |list: &'static WordList| list.words.iter().map(String::as_str).collect();
        let grammar = grammar();
        Sets {
            not_passive: set(&grammar.not_passive),
            determiners: set(&grammar.determiners),
            strong_participles: set(&grammar.strong_participles),
        }
    })
}

fn is_participle(lower: &str) -> bool {
    // Every participle ends in -d, -t or -en: most words stop here, before any list.
    if !(lower.ends_with('d') || lower.ends_with('t') || lower.ends_with("en")) || lower.len() < 5 {
        return false;
    }
    if sets().not_passive.contains(lower) {
        return false;
    }
    if sets().strong_participles.contains(lower) {
        return true;
    }
    // Separable verbs put the participle after the particle: "teruggevorderd", "uitbetaald", "ingehouden".
    if let Some(rest) = grammar()
        .separable_particles
        .words
        .iter()
        .find_map(|particle| {
            lower.strip_prefix(particle.as_str()).filter(|rest| {
                rest.len() >= 5
                    && ["ge", "be", "ver", "ont", "her"]
                        .iter()
                        .any(|p| rest.starts_with(p))
            })
        })
    {
        return is_participle(rest);
    }
    let len = lower.chars().count();
    let weak_end = lower.ends_with('d') || lower.ends_with('t');
    if let Some(rest) = lower.strip_prefix("ge") {
        return len >= 6 && (weak_end || rest.ends_with("en")) && !rest.starts_with(['e', 'n']);
    }
    ["be", "ver", "ont", "her"]
        .iter()
        .any(|p| lower.starts_with(p))
        && len >= 7
        && weak_end
        && !lower.ends_with("heid")
        && !lower.ends_with("ent")
}

/// Looks for the participle that goes with an auxiliary at `aux` (same clause):
/// after it ("wordt … betaald") or right before it ("… betaald wordt").
/// `flags(word, lower)` gives the lexicon flags of a word as written and in
/// lower case, `lexicon().entry(lower).flags`: the document answers from the
/// words it has judged already.
pub(super) fn find_participle(
    text: &str,
    tokens: &[Token],
    aux: usize,
    flags: impl Fn(&str, &str) -> u16,
) -> Option<Range<usize>> {
    let mut lower = String::new();
    let mut seen_words = 0;
    let mut after_determiner = false;
    for token in &tokens[aux + 1..] {
        let word = &text[token.range.clone()];
        if token.kind == TokenKind::Punct {
            if matches!(word, "," | ";" | ":" | "(" | ")") {
                break;
            }
            continue;
        }
        seen_words += 1;
        if seen_words > 8 {
            break;
        }
        lowercase_into(&mut lower, word);
        // A new clause starts: the participle there belongs to another verb.
        if flags(word, &lower) & SUBORDINATOR != 0
            || matches!(
                lower.as_str(),
                "en" | "maar" | "dat" | "die" | "of" | "om" | "wat"
            )
        {
            break;
        }
        if token.kind == TokenKind::Word && !after_determiner && is_participle(&lower) {
            return Some(token.range.clone());
        }
        after_determiner = lower.len() <= 6 && sets().determiners.contains(lower.as_str());
    }
    // "… betaald wordt": the participle right before the auxiliary, unless a
    // determiner makes it a noun ("wat dat besluit is").
    let mut before = tokens[..aux]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word);
    let previous = before.next()?;
    lowercase_into(&mut lower, &text[previous.range.clone()]);
    if !is_participle(&lower) {
        return None;
    }
    let noun = before.next().is_some_and(|word| {
        let word = text[word.range.clone()].to_lowercase();
        sets().determiners.contains(word.as_str())
    });
    (!noun).then(|| previous.range.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::{Document, ReadabilityConfig};
    use crate::text::from_plain_text;

    /// Subordinate clauses and passives of a text.
    fn found(text: &str) -> (usize, usize) {
        let config = ReadabilityConfig::default();
        let doc = Document::new(text, from_plain_text(text), &config);
        let clauses = doc.sentences.iter().map(|s| s.subordinators.len()).sum();
        (clauses, doc.metrics().passives)
    }

    #[test]
    fn every_list_finds_its_example_and_leaves_the_other() {
        for (name, list) in grammar().lists() {
            let pick = |(clauses, passives): (usize, usize)| {
                if name.starts_with("subordinators") {
                    clauses
                } else {
                    passives
                }
            };
            assert!(
                pick(found(&list.found)) > 0,
                "[{name}] found: {}",
                list.found
            );
            assert_eq!(
                pick(found(&list.not_found)),
                0,
                "[{name}] not-found: {}",
                list.not_found
            );
        }
    }

    #[test]
    fn passives_are_found_also_when_split() {
        for (text, expected) in [
            ("Uw uitkering wordt op 1 december betaald.", 1),
            ("De uitkering is gestopt.", 1),
            ("Wij weten dat uw aanvraag ontvangen is.", 1),
            ("Het geld werd door de gemeente teruggevorderd.", 1),
            ("U bent op 3 mei gekomen.", 0),
            ("Wij betalen uw uitkering op 1 december.", 0),
            ("Dat is verkeerd.", 0),
            ("Dit betekent dat u meer krijgt.", 0),
            ("Bent u het niet eens met dit besluit?", 0),
            ("Uit het onderzoek is gebleken dat u werkt.", 0),
            (
                "Het is gebleken dat op het door u opgegeven adres iemand woont.",
                0,
            ),
            ("Welk bedrag is er aan u uitbetaald?", 1),
            ("Er zijn bedragen ingehouden voor de huur.", 1),
        ] {
            assert_eq!(found(text).1, expected, "{text}");
        }
    }
}
