//! Dutch grammar for the analysis: where a subordinate clause starts and
//! which words form a passive. The word lists are data
//! (`readability/grammar.toml`, loaded by [`crate::lexicon::grammar`]).

use crate::lexicon::SUBORDINATOR;
use crate::lexicon::grammar::{WordList, grammar};
use crate::text::segment::{Token, TokenKind};
use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The lists as sets, for the lookups on every word.
struct Sets {
    not_passive: FxHashSet<&'static str>,
    passive_after_worden: FxHashSet<&'static str>,
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
            passive_after_worden: set(&grammar.passive_after_worden),
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
    // A noun in "-heid" is never a participle ("gelegenheid", "aangelegenheid", "gezondheid").
    if lower.ends_with("heid") {
        return false;
    }
    if sets().not_passive.contains(lower) {
        return false;
    }
    if sets().strong_participles.contains(lower) {
        return true;
    }
    // Separable verbs put the participle after the particle: "teruggevorderd", "uitbetaald", "ingehouden".
    if let Some(rest) = after_particle(lower) {
        return is_participle(rest);
    }
    let len = lower.chars().count();
    // A weak participle ends in -t only after t, k, f, s, ch or p ("'t kofschip");
    // after any other sound it ends in -d, and the -t form is the present tense
    // ("u betaalt", "het gebeurt"; the participles "betaald", "gebeurd" are words).
    // A stem that ends in t keeps its one t ("gekort", "gestart": no "gekord").
    let soft_stem_t = lower.ends_with('t')
        && !lower.ends_with("cht")
        && !lower[..lower.len() - 1].ends_with(['t', 'k', 'f', 's', 'p'])
        && crate::lexicon::lexicon()
            .frequency(&format!("{}d", &lower[..lower.len() - 1]))
            .is_some();
    let weak_end = lower.ends_with('d') || (lower.ends_with('t') && !soft_stem_t);
    if let Some(rest) = lower.strip_prefix("ge") {
        return len >= 6 && (weak_end || rest.ends_with("en")) && !rest.starts_with(['e', 'n']);
    }
    ["be", "ver", "ont", "her"]
        .iter()
        .any(|p| lower.starts_with(p))
        && len >= 7
        && weak_end
        && !lower.ends_with("ent")
}

/// A word that starts a new clause ([`SUBORDINATOR`], "en", "maar", "dat", …): the participle there belongs to another verb.
pub(super) const CLAUSE_START: u8 = 1;
/// A word that reads as a participle.
pub(super) const PARTICIPLE: u8 = 2;
/// A determiner ("de", "het", "een", "dat", …).
pub(super) const DETERMINER: u8 = 4;
/// A determiner of at most six bytes (what the search after an auxiliary asks).
pub(super) const SHORT_DETERMINER: u8 = 8;
/// A participle that forms a passive only after "worden" ("besteed", "gesloten").
pub(super) const PARTICIPLE_AFTER_WORDEN: u8 = 16;
/// A form of "worden".
pub(super) const WORDEN: u8 = 32;

/// Words of degree that can stand between a determiner and a participle used
/// as an adjective: "het (te) veel ontvangen bedrag", "de ten onrechte betaalde bijstand".
pub const DEGREE_BEFORE_AN_ADJECTIVE: [&str; 8] = [
    "teveel",
    "veel",
    "te",
    "onterecht",
    "ten",
    "onrechte",
    "eerder",
    "reeds",
];

/// The forms of "worden", the auxiliary of the passive that happens.
pub const WORDEN_FORMS: [&str; 5] = ["word", "wordt", "worden", "werd", "werden"];

/// What the passive search asks of a word, from its lower case and its lexicon
/// flags (`lexicon().entry(lower).flags`): [`CLAUSE_START`], [`PARTICIPLE`],
/// [`DETERMINER`], [`SHORT_DETERMINER`], [`PARTICIPLE_AFTER_WORDEN`] and [`WORDEN`], or-ed. The document works it out
/// once a word form, not once for every auxiliary the word follows or precedes.
pub(super) fn passive_facts(lower: &str, flags: u16) -> u8 {
    let mut facts = 0;
    if flags & SUBORDINATOR != 0
        || matches!(lower, "en" | "maar" | "dat" | "die" | "of" | "om" | "wat")
    {
        facts |= CLAUSE_START;
    }
    if is_participle(lower) {
        facts |= PARTICIPLE;
    } else if sets().passive_after_worden.contains(lower) || separable_over_adjective(lower) {
        facts |= PARTICIPLE_AFTER_WORDEN;
    }
    if WORDEN_FORMS.contains(&lower) {
        facts |= WORDEN;
    }
    if sets().determiners.contains(lower) {
        facts |= DETERMINER;
        if lower.len() <= 6 {
            facts |= SHORT_DETERMINER;
        }
    }
    facts
}

/// Whether a word is a separable particle and a participle that the not-passive
/// list holds as an adjective: "voorbereid" is "voor" and "bereid" (willing).
/// The whole word is a participle, but it counts only after a form of
/// "worden" ("wordt voorbereid"): "is voorbereid" can also tell a state.
fn separable_over_adjective(lower: &str) -> bool {
    !sets().not_passive.contains(lower)
        && after_particle(lower).is_some_and(|rest| sets().not_passive.contains(rest))
}

/// What follows a separable particle that can stand before a participle
/// ("terug" + "gevorderd", "voor" + "bereid"): a rest of five letters or more
/// that starts like a participle ("ge", "be", "ver", "ont", "her").
fn after_particle(lower: &str) -> Option<&str> {
    grammar()
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
}

/// Looks for the participle that goes with an auxiliary at `aux` (same clause):
/// after it ("wordt … betaald") or right before it ("… betaald wordt").
/// After a form of "worden" a participle of [`PARTICIPLE_AFTER_WORDEN`] counts too
/// ("wordt … besteed"). `facts(i)` gives [`passive_facts`] of token `i` of `tokens`.
pub(super) fn find_participle(
    text: &str,
    tokens: &[Token],
    aux: usize,
    facts: impl Fn(usize) -> u8,
) -> Option<Range<usize>> {
    let participle = if facts(aux) & WORDEN != 0 {
        PARTICIPLE | PARTICIPLE_AFTER_WORDEN
    } else {
        PARTICIPLE
    };
    let mut seen_words = 0;
    let mut after_determiner = false;
    let mut after_door = false;
    for (i, token) in tokens.iter().enumerate().skip(aux + 1) {
        if token.kind == TokenKind::Punct {
            if matches!(&text[token.range()], "," | ";" | ":" | "(" | ")") {
                break;
            }
            continue;
        }
        seen_words += 1;
        if seen_words > 8 {
            break;
        }
        let facts = facts(i);
        if facts & CLAUSE_START != 0 {
            break;
        }
        if token.kind == TokenKind::Word && !after_determiner && facts & participle != 0 {
            return Some(token.range());
        }
        // "door ons", "door haar": the one who acts, not a determiner before a noun.
        let word = &text[token.range()];
        let agent =
            after_door && (word.eq_ignore_ascii_case("ons") || word.eq_ignore_ascii_case("haar"));
        // "het teveel ontvangen bedrag": a word of degree between the determiner
        // and the participle keeps the participle an adjective.
        let degree = DEGREE_BEFORE_AN_ADJECTIVE
            .iter()
            .any(|d| word.eq_ignore_ascii_case(d));
        after_determiner =
            (facts & SHORT_DETERMINER != 0 && !agent) || (after_determiner && degree);
        after_door = word.eq_ignore_ascii_case("door");
    }
    // "… betaald wordt": the participle right before the auxiliary, unless a
    // determiner makes it a noun ("wat dat besluit is").
    let mut before = tokens[..aux]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, t)| t.kind == TokenKind::Word);
    let (previous_index, previous) = before.next()?;
    if facts(previous_index) & participle == 0 {
        return None;
    }
    let noun = before
        .next()
        .is_some_and(|(i, _)| facts(i) & DETERMINER != 0);
    (!noun).then(|| previous.range())
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
            ("Er is te veel ontvangen.", 1),
            (
                "Dan wordt de boete de helft van het te veel ontvangen bedrag.",
                0,
            ),
            ("Wat redelijk is, is voor iedereen verschillend.", 0),
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
            ("Het geld wordt aan de huur besteed.", 1),
            ("Wij weten dat het geld aan de huur besteed wordt.", 1),
            ("Het loket werd op vrijdag gesloten.", 1),
            ("Het loket is op vrijdag gesloten.", 0),
            ("U bent verplicht om werk te zoeken.", 0),
            ("Wij worden graag bedankt.", 1),
            ("Het geld is goed besteed.", 0),
            ("Een verhuizing is een kostbare aangelegenheid.", 0),
            ("Uw gezondheid is belangrijk.", 0),
            ("Aan de bijstand worden voorwaarden verbonden.", 1),
            ("Aan de bijstand zijn voorwaarden verbonden.", 0),
            ("De cursus is erop gericht dat u werk vindt.", 0),
            // The present tense of a be- or ge- verb, not its participle ("betaald", "gebeurd").
            ("Belangrijk zijn de huur en wat u voor gas betaalt.", 0),
            ("Wij willen weten wat er bij u thuis gebeurt.", 0),
            ("Uw uitkering is gekort.", 1),
            ("De cursus is gestart.", 1),
            ("De kosten zijn door ons betaald.", 1),
            ("De regels worden door ons gehanteerd.", 1),
            ("Het bedrag wordt door haar betaald.", 1),
            ("Het is ons besluit.", 0),
            // A particle before a participle the not-passive list holds as an
            // adjective ("bereid": willing): a passive after "worden" only.
            ("Het rapport wordt door het CVZ voorbereid.", 1),
            ("Er wordt uitgegaan van de kosten.", 1),
            ("Het rapport is voorbereid.", 0),
            ("Wij zijn bereid om te helpen.", 0),
        ] {
            assert_eq!(found(text).1, expected, "{text}");
        }
    }
}
