//! The word data of `readability/`, embedded at build time and loaded once:
//! word frequencies, formal words, tone phrases and classes, abbreviations,
//! loanword syllables, the grammar lists; and what needs only that data: the
//! lower case of a word, compounds of common words, and a municipality's own words.
//!
//! The frequency list (with the words OpenTaal rejects) and the lemma table
//! are compiled into the binary as perfect-hash tables by `build.rs`
//! ([`tables`]); the small TOML files are read at the first use.
//!
//! Low in the house: the analysis ([`crate::readability`]), the morphology and
//! the spelling check all read it; it reads none of them.

pub mod grammar;
pub(crate) mod tables;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

const FORMAL_WORDS: &str = include_str!("../../readability/formal-words.toml");
const ABBREVIATIONS: &str = include_str!("../../readability/abbreviations.txt");
const SYLLABLES: &str = include_str!("../../readability/syllables.tsv");
const TONE: &str = include_str!("../../readability/tone.toml");

/// Below this Zipf frequency a word is rare, unless `[lint.thresholds]` says
/// otherwise (3 is once in a million words).
pub const DEFAULT_RARE_ZIPF: f32 = 3.0;

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
    /// The plain word starts a clause with its own subject ("als u wilt"): the fix
    /// applies only when a subject follows and no "te" comes later in the clause,
    /// not in "indien nodig" or "alvorens te beslissen".
    #[serde(default)]
    pub fix_needs_subject: bool,
    /// A sentence that must be flagged.
    pub bad: String,
    /// A sentence that must not be flagged.
    pub good: String,
}

/// A threatening or distrustful word or phrase (`tone.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TonePhrase {
    /// The rule that reports it.
    pub rule: String,
    /// "error" or "warning".
    pub severity: String,
    /// The forms to find, lower case.
    pub forms: Vec<String>,
    /// Why it frightens people, in Dutch.
    pub message: String,
    /// A kinder way to say it.
    pub suggestion: String,
    /// A sentence that must be flagged.
    pub bad: String,
    /// A sentence that must not be flagged.
    pub good: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToneClasses {
    condition: Vec<String>,
    failure: Vec<String>,
    sanction: Vec<String>,
    help: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToneFile {
    classes: ToneClasses,
    phrase: Vec<TonePhrase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormalFile {
    word: Vec<FormalWord>,
}

/// One form of a word or phrase from a data file, found through its anchor word.
#[derive(Debug, Clone)]
pub struct PhraseForm {
    /// The entry in its list ([`Lexicon::formal`] or [`Lexicon::tone`]).
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
pub const SUBORDINATOR: u16 = 1;
/// A word starts a subordinate clause after a comma ("…, die").
pub const SUBORDINATOR_AFTER_COMMA: u16 = 2;
/// A form of "worden" or "zijn".
pub const AUXILIARY: u16 = 4;
/// The anchor (longest) word of a formal word or phrase.
pub const FORMAL_ANCHOR: u16 = 8;
/// A loanword in `syllables.tsv`.
pub const SYLLABLES_IN_TABLE: u16 = 16;
/// A condition word ("als", "indien") of `tone.toml`.
pub const CONDITION: u16 = 32;
/// A failure word ("niet", "nalaat") of `tone.toml`.
pub const FAILURE: u16 = 64;
/// A sanction word ("stoppen", "verlagen") of `tone.toml`.
pub const SANCTION: u16 = 128;
/// A help word ("bel", "hulp") of `tone.toml`.
pub const HELP: u16 = 256;
/// The anchor (longest) word of a tone phrase.
pub const TONE_ANCHOR: u16 = 512;
/// A word of the frequency list that OpenTaal's dictionary does not accept
/// (English words, chat abbreviations, frequent misspellings such as "fotos"):
/// the spelling check must not take it as correct.
pub const NOT_IN_OPENTAAL: u16 = 1024;

/// Everything the lexicon knows about one word, found with one lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordEntry {
    /// Its frequency, when it is among the 50,000 most used words.
    pub frequency: Option<Frequency>,
    /// [`SUBORDINATOR`], [`SUBORDINATOR_AFTER_COMMA`], [`AUXILIARY`], [`FORMAL_ANCHOR`],
    /// [`NOT_IN_OPENTAAL`] and the other classes above.
    pub flags: u16,
}

/// All word data.
#[derive(Debug)]
pub struct Lexicon {
    /// Flags from the small data files (formal and tone anchors, tone classes,
    /// grammar lists, loanword syllables), added to those of the compiled table.
    flags: FxHashMap<&'static str, u16>,
    /// Abbreviations whose full stop does not end a sentence ("bijv.").
    pub abbreviations: FxHashSet<&'static str>,
    /// Formal words and phrases.
    pub formal: Vec<FormalWord>,
    /// Threatening and distrustful phrases.
    pub tone: Vec<TonePhrase>,
    /// The anchor word of each tone form → the forms.
    pub tone_by_anchor: FxHashMap<String, Vec<PhraseForm>>,
    /// The anchor word of each formal form → the forms.
    pub formal_by_anchor: FxHashMap<String, Vec<PhraseForm>>,
    /// Syllable counts of loanwords.
    pub syllables: FxHashMap<&'static str, u8>,
    /// The number of words in the frequency list.
    pub frequency_words: usize,
}

impl Lexicon {
    /// The frequency of a lower-case word, if it is in the list.
    pub fn frequency(&self, word: &str) -> Option<Frequency> {
        tables::frequency(word).map(|row| frequency_of(row.0, row.1))
    }

    /// Everything known about a lower-case word.
    pub fn entry(&self, word: &str) -> WordEntry {
        let mut entry = match tables::frequency(word) {
            Some(tables::FrequencyRow(zipf, rank, not_in_opentaal)) => WordEntry {
                frequency: Some(frequency_of(zipf, rank)),
                flags: if not_in_opentaal { NOT_IN_OPENTAAL } else { 0 },
            },
            None => WordEntry::default(),
        };
        if let Some(flags) = self.flags.get(word) {
            entry.flags |= flags;
        }
        entry
    }

    /// The words of the frequency list with their frequency, in no order.
    pub fn frequent_words(&self) -> impl Iterator<Item = (&'static str, Frequency)> + '_ {
        tables::FREQUENCY_WORDS
            .words()
            .zip(tables::FREQUENCY_ROWS)
            .map(|(word, row)| (word, frequency_of(row.0, row.1)))
    }
}

/// A frequency from the compiled table (Zipf in hundredths).
fn frequency_of(zipf_hundredths: u16, rank: u32) -> Frequency {
    Frequency {
        zipf: f32::from(zipf_hundredths) / 100.0,
        rank,
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

/// Indexes the forms of a list of entries by their anchor (longest) word, and flags the anchors.
fn index_by_anchor<'e>(
    file: &str,
    entries: impl Iterator<Item = &'e Vec<String>>,
    flag: u16,
    words_table: &mut FxHashMap<&'static str, u16>,
) -> Result<FxHashMap<String, Vec<PhraseForm>>, String> {
    let mut by_anchor: FxHashMap<String, Vec<PhraseForm>> = FxHashMap::default();
    for (index, forms) in entries.enumerate() {
        for form in forms {
            let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
            // Index a phrase by its longest word: "met betrekking tot" by "betrekking",
            // so a common word does not send every sentence to the rule.
            let anchor = (0..words.len())
                .max_by_key(|i| (words[*i].chars().count(), std::cmp::Reverse(*i)))
                .ok_or_else(|| format!("{file}: empty form in entry {index}"))?;
            // The lexicon lives for the whole run: its few anchor words may too.
            let key: &'static str = Box::leak(words[anchor].clone().into_boxed_str());
            *words_table.entry(key).or_default() |= flag;
            by_anchor
                .entry(words[anchor].clone())
                .or_default()
                .push(PhraseForm {
                    entry: index,
                    words,
                    anchor,
                });
        }
    }
    Ok(by_anchor)
}

/// Parses all data files; an error names the file and the entry.
pub fn load() -> Result<Lexicon, String> {
    // The frequency list is compiled in (build.rs); only flags from the small files are added here.
    let mut frequency: FxHashMap<&'static str, u16> = FxHashMap::default();
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
    let formal_by_anchor = index_by_anchor(
        "formal-words.toml",
        formal.iter().map(|f| &f.forms),
        FORMAL_ANCHOR,
        &mut frequency,
    )?;
    let tone_file: ToneFile = toml::from_str(TONE).map_err(|e| format!("tone.toml: {e}"))?;
    for phrase in &tone_file.phrase {
        if !matches!(phrase.severity.as_str(), "error" | "warning") {
            return Err(format!(
                "tone.toml: severity of {} must be error or warning",
                phrase.rule
            ));
        }
    }
    let tone_by_anchor = index_by_anchor(
        "tone.toml",
        tone_file.phrase.iter().map(|p| &p.forms),
        TONE_ANCHOR,
        &mut frequency,
    )?;
    for (words, flag) in [
        (&tone_file.classes.condition, CONDITION),
        (&tone_file.classes.failure, FAILURE),
        (&tone_file.classes.sanction, SANCTION),
        (&tone_file.classes.help, HELP),
    ] {
        for word in words {
            let key: &'static str = Box::leak(word.clone().into_boxed_str());
            *frequency.entry(key).or_default() |= flag;
        }
    }
    let grammar = grammar::grammar();
    for (list, flag) in [
        (&grammar.subordinators, SUBORDINATOR),
        (&grammar.subordinators_after_comma, SUBORDINATOR_AFTER_COMMA),
        (&grammar.auxiliaries, AUXILIARY),
    ] {
        for word in &list.words {
            *frequency.entry(word.as_str()).or_default() |= flag;
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
        *frequency.entry(word).or_default() |= SYLLABLES_IN_TABLE;
    }
    let frequency_words = tables::FREQUENCY_WORDS.len();
    Ok(Lexicon {
        flags: frequency,
        abbreviations,
        formal,
        formal_by_anchor,
        tone: tone_file.phrase,
        tone_by_anchor,
        syllables,
        frequency_words,
    })
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

/// Splits a compound into common parts ("bijstandsuitkering" → bijstand, uitkering), if it can.
///
/// Every part has at least three letters and is a common word; a part before
/// the last may end in a linking "s", "e" or "en". Of all splits, the one with
/// the fewest parts wins, and on a tie the one with the longer parts, so
/// "huurtoeslagaanvraagformulier" is huur + toeslag + aanvraag + formulier.
/// A part is common at `rare_zipf` or more ([`crate::readability::ReadabilityConfig::rare_zipf`]).
pub fn split_compound(word: &str, lexicon: &Lexicon, rare_zipf: f32) -> Option<Vec<String>> {
    if word.len() < 6 || word.len() > 80 {
        return None;
    }
    let common = |part: &str| {
        part.chars().count() >= 3 && lexicon.frequency(part).is_some_and(|f| f.zipf >= rare_zipf)
    };
    // The length of the part a piece gives when it is not the last: the piece
    // itself or the piece without its linking "en", "s" or "e".
    let first_part = |piece: &str| -> Option<usize> {
        if common(piece) {
            return Some(piece.len());
        }
        ["en", "s", "e"]
            .iter()
            .find_map(|link| piece.strip_suffix(link).filter(|p| common(p)).map(str::len))
    };
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let last = bounds.len() - 1;
    // best[k]: the fewest parts for word[bounds[k]..], where the first of them
    // ends (a char index) and its length in bytes.
    let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; bounds.len()];
    for k in (0..last).rev() {
        for j in (k + 1..=last).rev() {
            // Only a split with fewer parts than the best so far can win, so a
            // piece before a rest that cannot be split (most of them) is not looked up.
            let count = if j == last {
                1
            } else {
                match best[j] {
                    Some((count, _, _)) => count + 1,
                    None => continue,
                }
            };
            if best[k].is_some_and(|(current, _, _)| count >= current) {
                continue;
            }
            let piece = &word[bounds[k]..bounds[j]];
            let part = if j == last {
                common(piece).then_some(piece.len())
            } else {
                first_part(piece)
            };
            if let Some(len) = part {
                best[k] = Some((count, j, len));
            }
        }
    }
    let (count, _, _) = best[0]?;
    if count < 2 {
        return None;
    }
    let mut parts = Vec::with_capacity(count);
    let mut k = 0;
    while k < last {
        let (_, next, len) = best[k]?;
        parts.push(word[bounds[k]..bounds[k] + len].to_string());
        k = next;
    }
    Some(parts)
}

/// Words a municipality adds to the word list (`[lint.spelling]`): the names
/// of its services, schemes and places that are written in lower case.
/// Kept in lower case; cheap to clone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtraWords(Option<Arc<FxHashSet<String>>>);

impl ExtraWords {
    /// The words, in any case.
    pub fn new(words: impl IntoIterator<Item = String>) -> ExtraWords {
        let set: FxHashSet<String> = words
            .into_iter()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        ExtraWords((!set.is_empty()).then(|| Arc::new(set)))
    }

    /// Whether a lower-case word was added.
    pub fn contains(&self, lower: &str) -> bool {
        self.0.as_ref().is_some_and(|set| set.contains(lower))
    }

    /// Whether no word was added.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// How many words were added.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |set| set.len())
    }
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

    /// The compound splitter as it was before it skipped the pieces that
    /// cannot win: every piece of every split looked up.
    fn split_compound_every_piece(
        word: &str,
        lexicon: &Lexicon,
        rare_zipf: f32,
    ) -> Option<Vec<String>> {
        if word.len() < 6 || word.len() > 80 {
            return None;
        }
        let common = |part: &str| {
            part.chars().count() >= 3
                && lexicon.frequency(part).is_some_and(|f| f.zipf >= rare_zipf)
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

    #[test]
    fn the_compound_splitter_splits_as_when_it_looked_up_every_piece() {
        let lexicon = load().unwrap();
        // Common words glued together with and without linking letters, some
        // with a rare or made-up piece, and every word of the word list.
        let common: Vec<&str> = lexicon
            .frequent_words()
            .filter(|(w, f)| f.zipf >= DEFAULT_RARE_ZIPF && w.len() >= 3 && w.len() <= 9)
            .map(|(w, _)| w)
            .take(4_000)
            .collect();
        let glue = ["", "s", "e", "en", "x", "-", "ë"];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut words: Vec<String> = (0..6_000)
            .map(|_| {
                let parts = 2 + next(3);
                let mut word = String::new();
                for i in 0..parts {
                    if i > 0 {
                        word.push_str(glue[next(glue.len())]);
                    }
                    word.push_str(common[next(common.len())]);
                }
                word
            })
            .collect();
        words.extend(
            lexicon
                .frequent_words()
                .map(|(w, _)| w.to_string())
                .step_by(7),
        );
        let mut split = 0;
        for word in &words {
            for zipf in [DEFAULT_RARE_ZIPF, 2.5, 4.5] {
                let expected = split_compound_every_piece(word, &lexicon, zipf);
                split += usize::from(expected.is_some());
                assert_eq!(
                    split_compound(word, &lexicon, zipf),
                    expected,
                    "{word} at {zipf}"
                );
            }
        }
        assert!(split > 5_000, "most glued words split: {split}");
    }
}
