//! The readability engine: one analysed document of a text, its metrics and its level.
//!
//! [`Document::new`] segments the prose once (blocks → tokens → sentences) and
//! judges every word (common, a compound of common parts, rare, or a name),
//! every sentence (length, passives, subordinate clauses). The lint rules and
//! [`Metrics`] read the same document, so nothing is computed twice.
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

pub(crate) mod phrase;
pub mod syllables;
pub mod wordlists;

use crate::text::segment::{Segmented, TokenKind, segment};
use crate::text::{BlockKind, Prose};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;
use wordlists::{
    AUXILIARY, CONDITION, FAILURE, FORMAL_ANCHOR, Frequency, HELP, Lexicon, SANCTION, SUBORDINATOR,
    SUBORDINATOR_AFTER_COMMA, SYLLABLES_IN_TABLE, TONE_ANCHOR, WordEntry, lexicon,
};

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
}

impl Default for ReadabilityConfig {
    fn default() -> Self {
        ReadabilityConfig {
            long_sentence_warning: 15,
            long_sentence_error: 20,
            long_paragraph_words: 100,
            max_subordinate_clauses: 2,
            rare_zipf: 3.0,
            long_word_letters: 20,
            levels: LevelLimits::default(),
        }
    }
}

/// What helder thinks of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// A word readers know.
    Common,
    /// A rare compound whose parts are common ([`split_compound`] gives the parts).
    Compound,
    /// A rare word; its frequency when it is in the list.
    Rare(Option<Frequency>),
    /// A formal word with a plain alternative (the wording rule names it).
    Formal,
    /// A name or an acronym: not judged.
    Name,
    /// An abbreviation with a full stop ("o.a."): not judged as a word.
    Abbreviation,
}

/// One judged word.
#[derive(Debug, Clone)]
pub struct WordFacts {
    /// The block it is in.
    pub block: usize,
    start: u32,
    end: u32,
    /// The verdict.
    pub verdict: Verdict,
    /// Syllables.
    pub syllables: u16,
    /// Letters.
    pub letters: u16,
}

impl WordFacts {
    /// Byte range in the block text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One sentence with what the rules need to know.
#[derive(Debug, Clone)]
pub struct SentenceFacts {
    /// The block it is in.
    pub block: usize,
    /// Byte range in the block text.
    pub range: Range<usize>,
    /// Index range of its tokens in the block's token list.
    pub tokens: Range<usize>,
    /// Words, numbers and other tokens a reader reads.
    pub words: usize,
    /// Each passive: from the auxiliary to the participle, in block text bytes.
    pub passives: Vec<Range<usize>>,
    /// Each word that starts a subordinate clause.
    pub subordinators: Vec<Range<usize>>,
    /// The classes of its words (condition, failure, sanction, help, tone phrase, formal phrase), or-ed.
    pub tone: u16,
}

/// The analysed document of one text: prose, tokens, word verdicts, sentence
/// facts and phrase matches. Rules only read it; they never re-tokenise.
#[derive(Debug)]
pub struct Document<'a> {
    /// The source the author edits.
    pub source: &'a str,
    /// The prose.
    pub prose: Prose,
    /// Tokens and sentences of each block.
    pub segments: Vec<Segmented>,
    /// Every judged word.
    pub words: Vec<WordFacts>,
    /// Every sentence.
    pub sentences: Vec<SentenceFacts>,
    /// Words in each block.
    pub block_words: Vec<usize>,
    /// The settings used.
    pub config: &'a ReadabilityConfig,
    /// Whether the text is a letter: a rendered letter always is
    /// ([`crate::lint::lint_letter`]), other text when it opens with "Beste …,"
    /// or "Geachte …,". The structure rules check only letters.
    pub is_letter: bool,
    /// Tone phrases found, by sentence index: searched once, shared by the tone rules.
    pub(crate) tone_matches: OnceLock<Vec<(usize, phrase::PhraseMatch)>>,
    /// The event type of the letter, when the text is a rendered letter.
    pub event_type: Option<crate::event_type::EventType>,
    /// Whether the text is a letter with a besluit (then it needs an objection clause).
    pub is_besluit: bool,
    metrics: OnceLock<Metrics>,
}

pub(crate) const SUBORDINATORS: &[&str] = &[
    "omdat",
    "doordat",
    "zodat",
    "hoewel",
    "terwijl",
    "wanneer",
    "nadat",
    "voordat",
    "totdat",
    "indien",
    "tenzij",
    "zodra",
    "alsof",
    "aangezien",
    "opdat",
    "ofschoon",
    "zolang",
    "waardoor",
    "waarin",
    "waarop",
    "waarmee",
    "waarvoor",
    "waarbij",
    "waarna",
    "waaruit",
    "waarover",
    "waarvan",
];

/// Words that start a subordinate clause only after a comma ("…, die …", "…, dat …").
pub(crate) const SUBORDINATORS_AFTER_COMMA: &[&str] =
    &["die", "dat", "als", "of", "wat", "wie", "waar"];

/// Forms of "worden" and "zijn": the auxiliaries of a passive.
pub(crate) const AUXILIARIES: &[&str] = &[
    "word", "wordt", "worden", "werd", "werden", "is", "zijn", "was", "waren", "ben", "bent",
];

/// Participles that form an active perfect with "zijn", or are adjectives: never a passive.
const NOT_PASSIVE: &[&str] = &[
    "gekomen",
    "gegaan",
    "geweest",
    "gebleven",
    "geworden",
    "gebeurd",
    "gelukt",
    "gestorven",
    "geboren",
    "gegroeid",
    "gevallen",
    "geslaagd",
    "verhuisd",
    "vertrokken",
    "overleden",
    "verschenen",
    "begonnen",
    "veranderd",
    "verdwenen",
    "bekend",
    "verkeerd",
    "gewend",
    "tevreden",
    "gezond",
    "verplicht",
    "bereid",
    "gerechtigd",
    "gehuwd",
    "gescheiden",
    "getrouwd",
    "verliefd",
    "gemotiveerd",
    "geïnteresseerd",
    "benieuwd",
    "betrokken",
    "bedoeld",
    "gesloten",
    "geopend",
    "verbaasd",
    "geschikt",
    "beschikbaar",
    "bezet",
    "gereed",
    "gelijk",
    "genoeg",
    "geleden",
    "bedankt",
    "welkom",
    "gewoon",
    "geldig",
    "verstandig",
    "belangrijk",
    "besteed",
    "verantwoordelijk",
    "afhankelijk",
    "ontevreden",
    "gebleken",
    "ontstaan",
    "gestegen",
    "gedaald",
    "toegenomen",
    "afgenomen",
    "opgehouden",
    "geëindigd",
    "verlopen",
    "vergaan",
    "gevlucht",
    "ontsnapt",
    "teruggekomen",
    "thuisgekomen",
    "meegekomen",
    "langsgekomen",
    "opgestaan",
    "weggegaan",
    "vergeten",
    "vertrokken",
];

/// Words before a noun: a "participle" right after one of them is a noun ("dit besluit", "het bestand").
const DETERMINERS: &[&str] = &[
    "de", "het", "een", "dit", "dat", "deze", "die", "uw", "mijn", "jouw", "haar", "ons", "onze",
    "hun", "elk", "elke", "geen", "welk", "welke", "ieder", "iedere",
];

/// Strong participles with an unstressed prefix other than "ge".
const STRONG_PARTICIPLES: &[&str] = &[
    "ontvangen",
    "verzonden",
    "besloten",
    "bevonden",
    "beschreven",
    "verboden",
    "ontslagen",
    "verworven",
    "verkregen",
    "ontnomen",
    "vernomen",
    "vergeven",
    "bedreven",
    "ontheven",
    "verheven",
    "besproken",
    "verstrekt",
];

/// Particles of separable verbs, longest first.
const SEPARABLE_PARTICLES: &[&str] = &[
    "binnen", "buiten", "samen", "terug", "door", "mee", "over", "vast", "voor", "weg", "aan",
    "bij", "toe", "uit", "af", "in", "na", "om", "op",
];

fn is_participle(lower: &str) -> bool {
    // Every participle ends in -d, -t or -en: most words stop here, before any list.
    if !(lower.ends_with('d') || lower.ends_with('t') || lower.ends_with("en")) || lower.len() < 5 {
        return false;
    }
    if NOT_PASSIVE.contains(&lower) {
        return false;
    }
    if STRONG_PARTICIPLES.contains(&lower) {
        return true;
    }
    // Separable verbs put the participle after the particle: "teruggevorderd", "uitbetaald", "ingehouden".
    if let Some(rest) = SEPARABLE_PARTICLES.iter().find_map(|particle| {
        lower.strip_prefix(particle).filter(|rest| {
            rest.len() >= 5
                && ["ge", "be", "ver", "ont", "her"]
                    .iter()
                    .any(|p| rest.starts_with(p))
        })
    }) {
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

impl<'a> Document<'a> {
    /// Analyses the prose of `source`.
    pub fn new(source: &'a str, prose: Prose, config: &'a ReadabilityConfig) -> Document<'a> {
        let lexicon = lexicon();
        let mut doc = Document {
            source,
            segments: Vec::with_capacity(prose.blocks.len()),
            words: Vec::with_capacity(source.len() / 6),
            sentences: Vec::with_capacity(source.len() / 60),
            block_words: Vec::with_capacity(prose.blocks.len()),
            prose,
            config,
            is_letter: false,
            event_type: None,
            is_besluit: false,
            tone_matches: OnceLock::new(),
            metrics: OnceLock::new(),
        };
        let mut lower = String::new();
        // Verdicts of words that are not simply common: the compound search is the costly part.
        let mut rare_cache: FxHashMap<String, Verdict> = FxHashMap::default();
        let mut seen: FxHashMap<&str, WordInfo> = FxHashMap::default();
        for (block_index, block) in doc.prose.blocks.iter().enumerate() {
            let segmented = segment(&block.text, &lexicon.abbreviations);
            let mut block_word_count = 0;
            for sentence in &segmented.sentences {
                let mut facts = SentenceFacts {
                    block: block_index,
                    range: sentence.range.clone(),
                    tokens: sentence.tokens.clone(),
                    words: 0,
                    passives: Vec::new(),
                    subordinators: Vec::new(),
                    tone: 0,
                };
                let mut first_word = true;
                let mut after_comma = false;
                let tokens = &segmented.tokens[sentence.tokens.clone()];
                for (i, token) in tokens.iter().enumerate() {
                    let text = &block.text[token.range.clone()];
                    match token.kind {
                        TokenKind::Punct => {
                            after_comma = text == ",";
                            continue;
                        }
                        TokenKind::Number | TokenKind::Special => {
                            facts.words += 1;
                            first_word = false;
                            after_comma = false;
                            continue;
                        }
                        TokenKind::Word => {}
                    }
                    facts.words += 1;
                    // Most tokens repeat a word seen before ("u", "de", "uw"): look it up once a text.
                    let info = match seen.get(text) {
                        Some(info) => *info,
                        None => {
                            lowercase_into(&mut lower, text);
                            let entry = lexicon.entry(&lower);
                            let info = WordInfo {
                                class: entry.flags,
                                verdict: judge_cached(
                                    &lower,
                                    entry,
                                    lexicon,
                                    config,
                                    &mut rare_cache,
                                ),
                                syllables: if entry.flags & SYLLABLES_IN_TABLE != 0
                                    || lower.starts_with("ge")
                                    || lower.contains('-')
                                {
                                    syllables::count_lower(&lower)
                                } else {
                                    syllables::by_rule(&lower).max(1)
                                },
                                letters: if lower.is_ascii() {
                                    lower.bytes().filter(u8::is_ascii_alphabetic).count()
                                } else {
                                    lower.chars().filter(|c| c.is_alphabetic()).count()
                                },
                            };
                            seen.insert(text, info);
                            info
                        }
                    };
                    let class = info.class;
                    facts.tone |= class
                        & (CONDITION | FAILURE | SANCTION | HELP | TONE_ANCHOR | FORMAL_ANCHOR);
                    if class & SUBORDINATOR != 0
                        || (after_comma && class & SUBORDINATOR_AFTER_COMMA != 0)
                    {
                        facts.subordinators.push(token.range.clone());
                    }
                    if class & AUXILIARY != 0 {
                        if let Some(end) = find_participle(&block.text, tokens, i) {
                            let passive =
                                token.range.start.min(end.start)..token.range.end.max(end.end);
                            if !facts
                                .passives
                                .iter()
                                .any(|p| p.start < passive.end && passive.start < p.end)
                            {
                                facts.passives.push(passive);
                            }
                        }
                    }
                    let starts_upper = text.starts_with(char::is_uppercase);
                    let is_name = starts_upper
                        && (!first_word
                            || (text.len() > 1
                                && text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())));
                    let is_abbreviation = segmented
                        .tokens
                        .get(sentence.tokens.start + i + 1)
                        .is_some_and(|next| {
                            next.range.start == token.range.end
                                && &block.text[next.range.clone()] == "."
                                && {
                                    lowercase_into(&mut lower, text);
                                    lower.push('.');
                                    lexicon.abbreviations.contains(lower.as_str())
                                }
                        });
                    let verdict = if is_abbreviation {
                        Verdict::Abbreviation
                    } else if is_name {
                        Verdict::Name
                    } else {
                        info.verdict
                    };
                    doc.words.push(WordFacts {
                        block: block_index,
                        // Blocks are paragraphs; a block over 4 GiB is cut off at the limit.
                        start: u32::try_from(token.range.start).unwrap_or(u32::MAX),
                        end: u32::try_from(token.range.end).unwrap_or(u32::MAX),
                        verdict,
                        syllables: u16::try_from(info.syllables).unwrap_or(u16::MAX),
                        letters: u16::try_from(info.letters).unwrap_or(u16::MAX),
                    });
                    first_word = false;
                    after_comma = false;
                }
                block_word_count += facts.words;
                doc.sentences.push(facts);
            }
            if block_index == 0 {
                let first = block.text.trim();
                let lower = first.to_lowercase();
                doc.is_letter = (lower.starts_with("beste ") || lower.starts_with("geachte "))
                    && first.ends_with(',');
            }
            doc.block_words.push(block_word_count);
            doc.segments.push(segmented);
        }
        doc
    }

    /// The metrics and level of the text (computed once).
    pub fn metrics(&self) -> &Metrics {
        self.metrics.get_or_init(|| Metrics::of(self))
    }

    /// Maps a byte range in a block's text to a byte range in the source.
    pub fn source_range(&self, block: usize, range: Range<usize>) -> Range<usize> {
        self.prose.blocks[block].source_range(range)
    }

    /// The text of a range in a block.
    pub fn text(&self, block: usize, range: Range<usize>) -> &str {
        &self.prose.blocks[block].text[range]
    }

    /// The number of words that can be judged (not names, numbers or abbreviations).
    pub fn judged_words(&self) -> usize {
        self.words
            .iter()
            .filter(|w| !matches!(w.verdict, Verdict::Name | Verdict::Abbreviation))
            .count()
    }

    /// Whether a block is a paragraph (not a heading or a list item).
    pub fn is_paragraph(&self, block: usize) -> bool {
        self.prose.blocks[block].kind == BlockKind::Paragraph
    }
}

/// Looks for the participle that goes with an auxiliary at `aux` (same clause):
/// after it ("wordt … betaald") or right before it ("… betaald wordt").
fn find_participle(
    text: &str,
    tokens: &[crate::text::segment::Token],
    aux: usize,
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
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        // A new clause starts: the participle there belongs to another verb.
        if lexicon().entry(&lower).flags & SUBORDINATOR != 0
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
        after_determiner = lower.len() <= 6 && DETERMINERS.contains(&lower.as_str());
    }
    // "… betaald wordt": the participle right before the auxiliary, unless a
    // determiner makes it a noun ("wat dat besluit is").
    let mut before = tokens[..aux]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word);
    let previous = before.next()?;
    lower.clear();
    lower.extend(
        text[previous.range.clone()]
            .chars()
            .flat_map(char::to_lowercase),
    );
    if !is_participle(&lower) {
        return None;
    }
    let noun = before.next().is_some_and(|word| {
        let word = text[word.range.clone()].to_lowercase();
        DETERMINERS.contains(&word.as_str())
    });
    (!noun).then(|| previous.range.clone())
}

/// What the document remembers about a word form it has seen in this text.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    class: u16,
    verdict: Verdict,
    syllables: usize,
    letters: usize,
}

/// Writes the lower case of `text` into `buffer` (ASCII without per-character work).
pub fn lowercase_into(buffer: &mut String, text: &str) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// [`judge`], remembering the verdicts of words that are not simply common.
fn judge_cached(
    lower: &str,
    entry: WordEntry,
    lexicon: &Lexicon,
    config: &ReadabilityConfig,
    cache: &mut FxHashMap<String, Verdict>,
) -> Verdict {
    if let Some(frequency) = entry.frequency
        && frequency.zipf >= config.rare_zipf
        && entry.flags & FORMAL_ANCHOR == 0
    {
        return Verdict::Common;
    }
    if let Some(verdict) = cache.get(lower) {
        return *verdict;
    }
    let verdict = judge(lower, lexicon, config);
    cache.insert(lower.to_string(), verdict);
    verdict
}

/// Judges one lower-case word.
pub fn judge(lower: &str, lexicon: &Lexicon, config: &ReadabilityConfig) -> Verdict {
    if lexicon.formal_by_anchor.get(lower).is_some_and(|forms| {
        forms
            .iter()
            .any(|form| form.words.len() == 1 && lexicon.formal[form.entry].needs_later.is_none())
    }) {
        return Verdict::Formal;
    }
    if let Some(frequency) = lexicon.frequency(lower) {
        if frequency.zipf >= config.rare_zipf {
            return Verdict::Common;
        }
    }
    if lower.chars().count() <= 2 {
        return Verdict::Common;
    }
    if lower.contains('-') {
        let parts: Vec<&str> = lower.split('-').filter(|p| !p.is_empty()).collect();
        if parts.iter().all(|p| {
            p.chars().count() <= 2
                || lexicon
                    .frequency(p)
                    .is_some_and(|f| f.zipf >= config.rare_zipf)
                || split_compound(p, lexicon, config).is_some()
        }) {
            return Verdict::Common;
        }
    }
    if split_compound(lower, lexicon, config).is_some() {
        return Verdict::Compound;
    }
    Verdict::Rare(lexicon.frequency(lower))
}

/// Splits a compound into common parts ("bijstandsuitkering" → bijstand, uitkering), if it can.
///
/// Every part has at least three letters and is a common word; a part before
/// the last may end in a linking "s", "e" or "en". Of all splits, the one with
/// the fewest parts wins, and on a tie the one with the longer parts, so
/// "huurtoeslagaanvraagformulier" is huur + toeslag + aanvraag + formulier.
pub fn split_compound(
    word: &str,
    lexicon: &Lexicon,
    config: &ReadabilityConfig,
) -> Option<Vec<String>> {
    if word.len() < 6 || word.len() > 80 {
        return None;
    }
    let common = |part: &str| {
        part.chars().count() >= 3
            && lexicon
                .frequency(part)
                .is_some_and(|f| f.zipf >= config.rare_zipf)
    };
    let first_part = |part: &str| -> Option<String> {
        if common(part) {
            return Some(part.to_string());
        }
        ["en", "s", "e"].iter().find_map(|link| {
            part.strip_suffix(link)
                .filter(|p| common(p))
                .map(str::to_string)
        })
    };
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let last = bounds.len() - 1;
    // best[k]: the fewest parts for word[bounds[k]..], and where the first of them ends.
    let mut best: Vec<Option<(usize, usize, String)>> = vec![None; bounds.len()];
    for k in (0..last).rev() {
        for j in (k + 1..=last).rev() {
            let piece = &word[bounds[k]..bounds[j]];
            let candidate = if j == last {
                common(piece).then(|| (1, j, piece.to_string()))
            } else {
                match (&best[j], first_part(piece)) {
                    (Some((count, _, _)), Some(part)) => Some((count + 1, j, part)),
                    _ => None,
                }
            };
            if let Some(candidate) = candidate
                && best[k]
                    .as_ref()
                    .is_none_or(|current| candidate.0 < current.0)
            {
                best[k] = Some(candidate);
            }
        }
    }
    let (count, _, _) = best[0].as_ref()?;
    if *count < 2 {
        return None;
    }
    let mut parts = Vec::with_capacity(*count);
    let mut k = 0;
    while k < last {
        let (_, next, part) = best[k].as_ref()?;
        parts.push(part.clone());
        k = *next;
    }
    Some(parts)
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
    fn of(doc: &Document<'_>) -> Metrics {
        let sentences = doc.sentences.len();
        let words: usize = doc.sentences.iter().map(|s| s.words).sum();
        let max_sentence_words = doc.sentences.iter().map(|s| s.words).max().unwrap_or(0);
        let (mut judged, mut difficult, mut syllables) = (0usize, 0usize, 0usize);
        for word in &doc.words {
            match word.verdict {
                Verdict::Name | Verdict::Abbreviation => continue,
                Verdict::Rare(_) | Verdict::Formal => difficult += 1,
                Verdict::Common | Verdict::Compound => {}
            }
            judged += 1;
            syllables += usize::from(word.syllables);
        }
        let passives: usize = doc.sentences.iter().map(|s| s.passives.len()).sum();
        let subordinates: usize = doc.sentences.iter().map(|s| s.subordinators.len()).sum();
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
    use crate::text::from_plain_text;

    fn analysed(text: &str) -> Metrics {
        let config = ReadabilityConfig::default();
        Document::new(text, from_plain_text(text), &config)
            .metrics()
            .clone()
    }

    #[test]
    fn compounds_of_common_parts_are_not_rare() {
        let lexicon = lexicon();
        let config = ReadabilityConfig::default();
        assert_eq!(
            judge("bijstandsuitkering", lexicon, &config),
            Verdict::Compound
        );
        assert_eq!(
            split_compound("bijstandsuitkering", lexicon, &config),
            Some(vec!["bijstand".to_string(), "uitkering".to_string()])
        );
        assert!(matches!(
            judge("schuldhulpverlening", lexicon, &config),
            Verdict::Compound | Verdict::Common
        ));
        assert_eq!(judge("huis", lexicon, &config), Verdict::Common);
        assert_eq!(judge("indien", lexicon, &config), Verdict::Formal);
        assert!(matches!(
            judge("kostendelersnorm", lexicon, &config),
            Verdict::Compound
        ));
        assert!(matches!(
            judge("xqzvlorp", lexicon, &config),
            Verdict::Rare(None)
        ));
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
            assert_eq!(analysed(text).passives, expected, "{text}");
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
