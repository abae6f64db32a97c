//! Formal verbs and their plain verb in the same form (`readability/formal-verbs.toml`).
//!
//! [`find`] looks at one word of a sentence: whether it is a form of a formal
//! verb (through its lemma or separable verb from the morphology layer, or its
//! form), which of the six forms it is, and what replaces it. The replacement
//! covers the formal verb with everything that must change: a particle at the
//! end of the clause ("vangt … aan" → "begint …"), or "te" after "dienen"
//! ("dient … te sturen" → "moet … sturen"). Where the plain verb would have to
//! split ("retourneert u" → "stuurt u … terug"), there is no single
//! replacement and only a suggestion.

use crate::lint::clauses::{Word, clause_around, starts_clause};
use crate::morphology::morphology;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

const FORMAL_VERBS: &str = include_str!("../../readability/formal-verbs.toml");

/// The six forms, in the data file's order.
const INFINITIVE: usize = 0;
const STEM: usize = 1;
const PRESENT: usize = 2;
const PAST: usize = 3;
const PAST_PLURAL: usize = 4;
const PARTICIPLE: usize = 5;

/// Words before a noun.
const DETERMINERS: &[&str] = &[
    "de", "het", "een", "uw", "mijn", "ons", "onze", "haar", "zijn", "hun", "dit", "dat", "deze",
    "die", "elk", "elke", "ieder", "iedere", "geen",
];

/// Forms of "zijn" and "worden": with one of them, a participle is passive.
const PASSIVE_AUXILIARIES: &[&str] = &[
    "ben", "bent", "is", "zijn", "was", "waren", "word", "wordt", "worden", "werd", "werden",
];

/// Words that do not start a noun phrase after an adjective: after "verstrekte" they
/// make it a finite verb ("de gemeente verstrekte u een pas").
const NOT_A_NOUN: &[&str] = &[
    "u", "ik", "je", "jij", "hij", "zij", "ze", "wij", "we", "hem", "haar", "hen", "hun", "het",
    "ons", "jullie", "men", "er", "de", "een", "dat", "dit", "die", "deze", "uw", "mijn", "zijn",
    "geen", "in", "op", "aan", "voor", "met", "van", "bij", "na", "over", "door", "tot", "uit",
    "naar", "om", "tegen", "sinds", "zonder", "per", "al", "ook", "toen", "nog", "niet", "wel",
    "dan", "toch", "zelf", "eerder", "later", "te", "en", "of", "maar",
];

/// Words that stand before a participle used as an adjective ("het teveel
/// ontvangen geld", "de eerder verzonden brief"), never before a finite verb.
const BEFORE_AN_ADJECTIVE: &[&str] = &[
    "teveel",
    "veel",
    "onterecht",
    "onrechte",
    "eerder",
    "reeds",
    "zojuist",
    "recent",
    "laatst",
];

/// Forms of "hebben", "zijn" and "worden": with one of them in the clause, a form is a participle.
const AUXILIARIES: &[&str] = &[
    "heb", "hebt", "heeft", "hebben", "had", "hadden", "ben", "bent", "is", "zijn", "was", "waren",
    "word", "wordt", "worden", "werd", "werden",
];

/// One formal verb of the data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct FormalVerb {
    /// Its six forms; a split form is written "vangt aan".
    pub(crate) formal: [String; 6],
    /// The plain verb's six forms.
    pub(crate) plain: [String; 6],
    /// The particle of a plain separable verb ("terug").
    #[serde(default)]
    pub(crate) particle: Option<String>,
    /// A word that must follow in the clause ("te" after "dienen").
    #[serde(default)]
    pub(crate) needs_later: Option<String>,
    /// Words that make it another verb when they stand in its clause: "voldoen
    /// aan de regels" is no "betalen".
    #[serde(default)]
    pub(crate) not_with: Vec<String>,
    /// The plain verb has no passive ("krijgen": "is ontvangen" is not "is gekregen"):
    /// after a form of "zijn" or "worden" there is only a suggestion.
    #[serde(default)]
    pub(crate) no_passive: bool,
    /// Texts with the verb and the same texts fixed.
    #[allow(dead_code)] // read by the tests, which run every example
    pub(crate) examples: Vec<[String; 2]>,
    /// A text that must not be flagged.
    #[allow(dead_code)] // read by the tests, which run every example
    pub(crate) good: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    verb: Vec<FormalVerb>,
}

/// The verbs, and each by its infinitive and by the first word of each of its forms.
#[derive(Debug)]
pub(crate) struct FormalVerbs {
    /// The verbs of the data file.
    pub(crate) verbs: Vec<FormalVerb>,
    by_word: FxHashMap<String, Vec<usize>>,
}

impl FormalVerbs {
    /// Whether a lower-case word can be (the first word of) a form of a formal verb.
    pub(crate) fn may_start(&self, lower: &str) -> bool {
        self.by_word.contains_key(lower)
    }
}

/// The formal verbs, loaded on first use.
pub(crate) fn formal_verbs() -> &'static FormalVerbs {
    static VERBS: OnceLock<FormalVerbs> = OnceLock::new();
    VERBS.get_or_init(|| {
        let file: File = toml::from_str(FORMAL_VERBS)
            .unwrap_or_else(|problem| panic!("readability/formal-verbs.toml is broken: {problem}"));
        let mut by_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (index, verb) in file.verb.iter().enumerate() {
            let mut keys: Vec<String> = verb
                .formal
                .iter()
                .filter_map(|f| f.split_whitespace().next().map(str::to_string))
                .collect();
            keys.push(split_plural(verb));
            keys.extend(joined_forms(verb).map(|(_, joined)| joined));
            keys.sort();
            keys.dedup();
            for key in keys {
                by_word.entry(key).or_default().push(index);
            }
        }
        FormalVerbs {
            verbs: file.verb,
            by_word,
        }
    })
}

/// The plural of a separable formal verb when it splits: "toezenden" → "zenden".
fn split_plural(verb: &FormalVerb) -> String {
    let particle = verb.formal[1..]
        .iter()
        .find_map(|f| f.split_whitespace().nth(1));
    match particle {
        Some(p) => verb.formal[INFINITIVE]
            .strip_prefix(p)
            .unwrap_or(&verb.formal[INFINITIVE])
            .to_string(),
        None => verb.formal[INFINITIVE].clone(),
    }
}

/// The finite forms of a separable formal verb written as one word, as at the
/// end of a subordinate clause ("als de regeling aanvangt"), each with its slot.
/// The stem is left out: joined, it is a noun ("de aanvang").
fn joined_forms(verb: &FormalVerb) -> impl Iterator<Item = (usize, String)> + '_ {
    [PRESENT, PAST, PAST_PLURAL].into_iter().filter_map(|slot| {
        let (first, particle) = verb.formal[slot].split_once(' ')?;
        Some((slot, format!("{particle}{first}")))
    })
}

/// The plain infinitive for a formal infinitive ("retourneren" → "terugsturen"),
/// when `infinitive` is one.
fn plain_infinitive(infinitive: &str) -> Option<String> {
    formal_verbs()
        .verbs
        .iter()
        .find(|v| v.formal[INFINITIVE] == infinitive)
        .map(|v| match &v.particle {
            Some(p) => format!("{p}{}", v.plain[INFINITIVE]),
            None => v.plain[INFINITIVE].clone(),
        })
}

/// A formal verb found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The index of the verb in the data.
    pub(crate) verb: usize,
    /// The words it covers (from the formal verb to its particle or infinitive).
    pub(crate) words: Range<usize>,
    /// The text that replaces those words, when one replacement exists.
    pub(crate) replacement: Option<String>,
    /// The plain verb in the same form, for the suggestion ("stuurt … terug").
    pub(crate) plain: String,
    /// A passive the plain verb cannot make ("is ontvangen"): say who does it.
    pub(crate) passive_only: bool,
}

/// Whether word `at` of the sentence is a form of a formal verb, and what replaces it.
/// `block` is the block text the words' ranges point into.
pub(crate) fn find(words: &[Word<'_>], at: usize, block: &str) -> Option<Found> {
    let data = formal_verbs();
    let word = &words[at];
    if !word.is_word {
        return None;
    }
    let candidates = data.by_word.get(word.lower)?;
    let clause = clause_around(words, at);
    candidates
        .iter()
        .find_map(|&index| found(&data.verbs[index], index, words, at, &clause, block))
}

fn found(
    verb: &FormalVerb,
    index: usize,
    words: &[Word<'_>],
    at: usize,
    clause: &Range<usize>,
    block: &str,
) -> Option<Found> {
    let lower = words[at].lower;
    if !verb.not_with.is_empty()
        && clause
            .clone()
            .any(|i| words[i].is_word && verb.not_with.iter().any(|w| w == words[i].lower))
    {
        return None;
    }
    let capital = words[at].text.starts_with(char::is_uppercase);
    let split_particle = verb.formal[1..]
        .iter()
        .find_map(|f| f.split_whitespace().nth(1));
    // A separable formal verb as a "te" infinitive: "toe te zenden" → "te sturen".
    if let Some(particle) = split_particle
        && lower == split_plural(verb)
        && at >= 2
        && words[at - 1].lower == "te"
        && words[at - 2].is_word
        && words[at - 2].lower == particle
    {
        let plain = &verb.plain[INFINITIVE];
        let replacement = match &verb.particle {
            Some(p) => format!("{p} te {plain}"),
            None => format!("te {plain}"),
        };
        let first_capital = words[at - 2].text.starts_with(char::is_uppercase);
        return Some(Found {
            verb: index,
            words: at - 2..at + 1,
            replacement: Some(if first_capital {
                capitalise(&replacement)
            } else {
                replacement.clone()
            }),
            plain: replacement,
            passive_only: false,
        });
    }
    // A separable formal verb written as one word: "als de regeling aanvangt".
    let joined: Vec<usize> = joined_forms(verb)
        .filter(|(_, form)| form == lower)
        .map(|(slot, _)| slot)
        .collect();
    // The particle of a split formal verb, later in the clause: "vangt … aan".
    let particle_at = split_particle.filter(|_| joined.is_empty()).and_then(|p| {
        (at + 1..clause.end)
            .rev()
            .find(|&i| words[i].is_word && words[i].lower == p)
    });
    let mut slots: Vec<usize> = (0..6)
        .filter(|&s| {
            let form = &verb.formal[s];
            match form.split_once(' ') {
                // A split form needs its particle in the clause.
                Some((first, _)) => first == lower && particle_at.is_some(),
                None => form == lower,
            }
        })
        .collect();
    slots.extend(&joined);
    if particle_at.is_some() && lower == split_plural(verb) && !slots.contains(&INFINITIVE) {
        slots.push(INFINITIVE);
    }
    // A separable formal verb without its particle is another verb ("ving" alone).
    if split_particle.is_some() && particle_at.is_none() && lower != verb.formal[INFINITIVE] {
        slots.retain(|&s| s == PARTICIPLE || joined.contains(&s));
    }
    if slots.is_empty() {
        return None;
    }
    // "met dien verstande" is no verb.
    let previous = (0..at).rev().find(|&i| words[i].is_word);
    if previous.is_some_and(|i| words[i].lower == "met") {
        return None;
    }
    // "dient … te": only with "te" later in the clause (a comma or a colon ends the search).
    let te_at = match &verb.needs_later {
        Some(later) => Some(
            (at + 1..words.len())
                .take_while(|&i| !words[i].ends_clause())
                .find(|&i| words[i].lower == *later)?,
        ),
        None => None,
    };
    // "dient een bezwaarschrift in om … te krijgen" is "indienen": an "in" on
    // its own before the "te", not right before it ("in te vullen").
    if let Some(te) = te_at
        && (at + 1..te).any(|i| words[i].lower == "in" && (i + 1..te).any(|j| words[j].is_word))
    {
        return None;
    }
    let slot = choose_slot(&slots, words, at, clause);
    // After "de", "het", "uw", …: a noun ("uw verzoek") or an adjective ("de
    // verstrekte gegevens"). A noun is no verb; an adjective gets no fix.
    let after_determiner = previous.is_some_and(|i| DETERMINERS.contains(&words[i].lower));
    if after_determiner && slot == STEM {
        return None;
    }
    // An inflected participle before a noun is an adjective: "de ten onrechte
    // verstrekte bijstand". It gets the plain participle as a hint, and no fix.
    let next = (at + 1..words.len()).find(|&i| words[i].is_word);
    let noun_next = next.is_some_and(|i| {
        !words[i].text.starts_with(char::is_uppercase)
            && !NOT_A_NOUN.contains(&words[i].lower)
            && !words[i].is_verb_form()
    });
    let adjective = lower.strip_suffix('e') == Some(verb.formal[PARTICIPLE].as_str())
        && (after_determiner || noun_next);
    // A participle in -en stays as it is before a noun: "het teveel ontvangen
    // geld", "de door u verzonden brief". Written alike, the infinitive or a past
    // plural follows its subject instead ("wij ontvangen geld"), so the word
    // before decides: a determiner, a word such as "teveel", or "door …".
    let before_previous = previous.and_then(|p| (0..p).rev().find(|&i| words[i].is_word));
    let uninflected_adjective = lower == verb.formal[PARTICIPLE]
        && lower.ends_with("en")
        && next == Some(at + 1)
        && noun_next
        && (after_determiner
            || previous.is_some_and(|i| BEFORE_AN_ADJECTIVE.contains(&words[i].lower))
            || before_previous.is_some_and(|i| words[i].lower == "door"));
    if adjective || uninflected_adjective {
        let participle = &verb.plain[PARTICIPLE];
        let plain = match &verb.particle {
            Some(p) => format!("{p}{participle}"),
            None => participle.clone(),
        };
        let plain = if plain.ends_with(['d', 't']) {
            format!("{plain}e")
        } else {
            plain
        };
        return Some(Found {
            verb: index,
            words: at..at + 1,
            replacement: None,
            plain,
            passive_only: false,
        });
    }
    // "Uw brief is ontvangen" is not "is gekregen": a plain verb without a passive.
    let passive = slot == PARTICIPLE
        && clause
            .clone()
            .any(|i| i != at && PASSIVE_AUXILIARIES.contains(&words[i].lower));
    if verb.no_passive && passive {
        return Some(Found {
            verb: index,
            words: at..at + 1,
            replacement: None,
            plain: verb.plain[PARTICIPLE].clone(),
            passive_only: true,
        });
    }
    let dress = |text: String| if capital { capitalise(&text) } else { text };
    let last_in_clause = (at + 1..clause.end).all(|i| !words[i].is_word);
    let plain_word = &verb.plain[slot];
    // The plain verb, whole, when it can stand as one word here: a participle, an
    // infinitive at the end of its clause ("Wilt u het retourneren?"), or a finite
    // verb at the end of a subordinate clause ("als u het retourneert").
    let whole_here = match slot {
        PARTICIPLE => true,
        INFINITIVE => last_in_clause,
        _ => last_in_clause && is_subordinate(words, clause),
    };
    let plain_whole: Option<String> = match &verb.particle {
        _ if after_determiner => None,
        None => Some(plain_word.clone()),
        Some(p) if whole_here => Some(format!("{p}{plain_word}")),
        Some(_) => None,
    };
    let plain_hint = match &verb.particle {
        Some(p) if plain_whole.is_none() => format!("{plain_word} … {p}"),
        _ => plain_whole.clone().unwrap_or_else(|| plain_word.clone()),
    };
    let (end, replacement) = if let Some(particle) = particle_at {
        // "vangt op 1 december aan" → "begint op 1 december"
        let middle = block[words[at].range.end..words[particle].range.start].trim_end();
        (particle, plain_whole.map(|p| format!("{p}{middle}")))
    } else if let Some(te) = te_at {
        // "dient het formulier in te vullen" → "moet het formulier invullen"
        let infinitive = (te + 1..words.len()).find(|&i| words[i].is_word)?;
        let before_te = (at + 1..te).rev().find(|&i| words[i].is_word);
        let joined = before_te.filter(|&p| {
            let whole = format!("{}{}", words[p].lower, words[infinitive].lower);
            // The lemma table may not know a rare formal verb ("toe te zenden").
            (morphology().lemmas.is_verb(&whole) || plain_infinitive(&whole).is_some())
                && words[p].range.end + 1 >= words[te].range.start
        });
        let cut = joined.unwrap_or(te);
        let middle = block[words[at].range.end..words[cut].range.start].trim_end();
        let tail = match joined {
            Some(p) => format!("{}{}", words[p].text, words[infinitive].text),
            None => words[infinitive].text.to_string(),
        };
        // A formal infinitive becomes plain too, so that a second fix finds
        // nothing: "dient … te retourneren" → "moet … terugsturen".
        let tail = plain_infinitive(&tail.to_lowercase()).unwrap_or(tail);
        (
            infinitive,
            plain_whole.map(|p| {
                if middle.is_empty() {
                    format!("{p} {tail}")
                } else {
                    format!("{p}{middle} {tail}")
                }
            }),
        )
    } else if slot == INFINITIVE
        && verb.particle.is_some()
        && previous.is_some_and(|i| words[i].lower == "te")
    {
        // "te retourneren" → "terug te sturen": the particle goes before "te".
        let te = previous.unwrap_or(at);
        let particle = verb.particle.as_deref().unwrap_or_default();
        return Some(Found {
            verb: index,
            words: te..at + 1,
            replacement: Some(format!("{particle} te {}", verb.plain[INFINITIVE])),
            plain: format!("{particle} te {}", verb.plain[INFINITIVE]),
            passive_only: false,
        });
    } else {
        (at, plain_whole)
    };
    // A fix only where the form is sure (see [`form_is_sure`]), and not next
    // to the plain verb, where the two would mean the same ("stopzetten of
    // zelfs beëindigen" would become "stopzetten of zelfs stoppen").
    let sure = form_is_sure(&slots, slot, words, at, clause);
    let stem = verb.plain[STEM].as_str();
    let plain_nearby = stem.chars().count() >= 3
        && (at.saturating_sub(4)..(end + 5).min(words.len()))
            .filter(|i| !(at..=end).contains(i))
            .any(|i| words[i].is_word && words[i].lower.starts_with(stem));
    Some(Found {
        verb: index,
        words: at..end + 1,
        replacement: replacement.filter(|_| sure && !plain_nearby).map(dress),
        plain: plain_hint,
        passive_only: false,
    })
}

/// Words that take an infinitive: with one of them nearest before a form, the form is the infinitive.
const MODALS: &[&str] = &[
    "zal", "zult", "zullen", "zou", "zouden", "kan", "kunt", "kunnen", "kon", "konden", "moet",
    "moeten", "moest", "moesten", "mag", "mogen", "wil", "wilt", "willen", "ga", "gaat", "gaan",
    "hoeft", "hoeven",
];

/// Subjects that make a form finite ("wij ontvangen", "ontvangt u").
const SUBJECT_PRONOUNS: &[&str] = &[
    "ik", "u", "je", "jij", "hij", "zij", "ze", "we", "wij", "jullie", "men",
];

/// Whether the chosen form is sure enough for a fix. A form that is also the
/// participle ("ontvangen", "verzonden", "verstrekt") needs a sign of its
/// reading in its clause: an auxiliary or a modal verb ([`choose_slot`] takes
/// the nearest), "te" before an infinitive, or a subject for a finite verb.
/// Without one ("… en daardoor te veel uitkering ontvangen, dan …", where the
/// "heeft" stands in the clause before) the finding keeps its hint and gets no fix.
fn form_is_sure(
    slots: &[usize],
    slot: usize,
    words: &[Word<'_>],
    at: usize,
    clause: &Range<usize>,
) -> bool {
    if slots.len() < 2 || !slots.contains(&PARTICIPLE) {
        return true;
    }
    let in_clause = |list: &[&str]| {
        clause
            .clone()
            .any(|i| i != at && list.contains(&words[i].lower))
    };
    match slot {
        PARTICIPLE => in_clause(AUXILIARIES),
        INFINITIVE => {
            in_clause(MODALS)
                || (0..at)
                    .rev()
                    .find(|&i| words[i].is_word)
                    .is_some_and(|i| words[i].lower == "te")
                || in_clause(SUBJECT_PRONOUNS)
        }
        _ => in_clause(SUBJECT_PRONOUNS),
    }
}

/// Picks the form: the reading of the auxiliary ("hebben", "zijn", "worden":
/// the participle) or modal verb (the infinitive) nearest before it in the
/// clause, or else after it; the stem after or before "ik"; otherwise the
/// first reading.
fn choose_slot(slots: &[usize], words: &[Word<'_>], at: usize, clause: &Range<usize>) -> usize {
    if slots.len() == 1 {
        return slots[0];
    }
    // The auxiliary or modal nearest before the form decides ("heeft … gestuurd
    // zult u … ontvangen": "zult"); without one before it, one after it.
    let helper = |i: usize| {
        if AUXILIARIES.contains(&words[i].lower) {
            Some(PARTICIPLE)
        } else if MODALS.contains(&words[i].lower) {
            Some(INFINITIVE)
        } else {
            None
        }
    };
    let nearest = (clause.start..at)
        .rev()
        .find_map(helper)
        .or_else(|| (at + 1..clause.end).find_map(helper));
    if let Some(reading) = nearest
        && slots.contains(&reading)
    {
        return reading;
    }
    let auxiliary = clause
        .clone()
        .any(|i| i != at && AUXILIARIES.contains(&words[i].lower));
    if slots.contains(&PARTICIPLE) && auxiliary {
        return PARTICIPLE;
    }
    let others: Vec<usize> = slots.iter().copied().filter(|&s| s != PARTICIPLE).collect();
    let next_word = (at + 1..words.len()).find(|&i| words[i].is_word);
    let previous_word = (0..at).rev().find(|&i| words[i].is_word);
    let with_ik = [next_word, previous_word]
        .into_iter()
        .flatten()
        .any(|i| words[i].lower == "ik");
    if others.contains(&STEM) && others.contains(&PRESENT) {
        return if with_ik { STEM } else { PRESENT };
    }
    if others.contains(&PAST) && others.contains(&PAST_PLURAL) {
        return PAST;
    }
    others.first().copied().unwrap_or(PARTICIPLE)
}

/// Whether a clause is a subordinate clause: it starts after "als", "dat", "omdat", ….
fn is_subordinate(words: &[Word<'_>], clause: &Range<usize>) -> bool {
    clause.start > 0
        && starts_clause(words[clause.start - 1].lower)
        && !matches!(
            words[clause.start - 1].lower,
            "en" | "maar" | "want" | "dan" | "of"
        )
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
