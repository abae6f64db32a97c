//! Step 5a of the pipeline: the analysed document of one text.
//!
//! [`Document::new`] segments the prose once (blocks → tokens → sentences),
//! judges every word ([`super::words`]) and every sentence (length, passives
//! and subordinate clauses from [`super::grammar`]). The lint rules and
//! [`Metrics`] read the same document, so nothing is computed twice.

use super::ReadabilityConfig;
use super::grammar::{find_participle, passive_facts};
use super::metrics::Metrics;
use super::phrase;
use super::short_key::short_key;
use super::syllables;
use super::words::{Verdict, judge_cached};
use crate::lexicon::{
    AUXILIARY, CONDITION, FAILURE, FORMAL_ANCHOR, HELP, NOT_IN_OPENTAAL, SANCTION, SUBORDINATOR,
    SUBORDINATOR_AFTER_COMMA, SYLLABLES_IN_TABLE, TONE_ANCHOR, lexicon, lowercase_into,
};
use crate::text::segment::{Segmented, TokenKind, segment};
use crate::text::{BlockKind, Prose};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// One judged word.
#[derive(Debug, Clone)]
pub struct WordFacts {
    /// The block it is in (see [`WordFacts::block`]): 32 bits keep a word at
    /// 32 bytes, and the rules that read every word read less memory.
    block: u32,
    start: u32,
    end: u32,
    /// The verdict.
    pub verdict: Verdict,
    /// Syllables.
    pub syllables: u16,
    /// Letters.
    pub letters: u16,
    /// Its classes in the word lists (the flags of [`crate::lexicon::WordEntry`]).
    pub class: u16,
    /// Its lower-case form: an index into [`Document::forms`].
    form: u32,
}

impl WordFacts {
    /// The block it is in.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// Byte range in the block text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its lower-case form: an index into [`Document::forms`].
    pub fn form(&self) -> usize {
        self.form as usize
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
    /// The index of its first word in [`Document::words`] (its words follow it there).
    pub words_start: usize,
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
    /// The index in [`Document::words`] of every word that is not plainly
    /// common: a verdict other than [`Verdict::Common`], more letters than
    /// [`ReadabilityConfig::long_word_letters`], or a form OpenTaal does not
    /// hold. The word rules read these instead of every word.
    notable: Vec<u32>,
    /// The distinct lower-case forms of the words, in the order they first
    /// occur, repaired ([`crate::morphology::repair_form`]: "ƫ" read as "ë", "’" as "'"):
    /// the morphology layer analyses each once, without lower-casing or
    /// hashing a word again.
    pub forms: Vec<String>,
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
    /// Whether the text is a letter template: every sentence speaks to its reader.
    pub is_template: bool,
    /// Tone phrases found, by sentence index: searched once, shared by the tone rules.
    pub(crate) tone_matches: OnceLock<Vec<(usize, phrase::PhraseMatch)>>,
    /// The event type of the letter, when the text is a rendered letter.
    pub event_type: Option<crate::event::EventType>,
    /// Whether the text is a letter with a besluit (then it needs an objection clause).
    pub is_besluit: bool,
    /// What the letter's event and the settings carry, when the text is a rendered letter.
    pub facts: Option<&'a crate::event::letter_facts::EventFacts>,
    metrics: OnceLock<Metrics>,
    morphology: OnceLock<crate::morphology::DocumentMorphology>,
    /// The tone rules' view of every sentence (built on first use).
    pub(crate) tone: OnceLock<Vec<super::tone::ToneSentence>>,
    /// Every token in lower case.
    lower: super::lower_forms::LowerForms,
    /// Which rules' cue words each word form and each sentence holds, a bit a
    /// cue: per form of the morphology layer, and per sentence (the lint rules
    /// find them on first use, for all of them at once).
    pub(crate) cues: OnceLock<(Vec<u16>, Vec<u16>)>,
    /// The sums over words and sentences that [`Metrics`] needs, counted as
    /// they are made, so the metrics do not read every word again.
    pub(super) totals: Totals,
}

/// Sums over the words and sentences of a document, for [`Metrics`].
#[derive(Debug, Default, Clone, PartialEq)]
pub(super) struct Totals {
    /// Words of all sentences ([`SentenceFacts::words`]).
    pub(super) words: usize,
    /// The most words of one sentence.
    pub(super) max_sentence_words: usize,
    /// Words that can be judged (not names or abbreviations).
    pub(super) judged: usize,
    /// Judged words that are rare or formal.
    pub(super) difficult: usize,
    /// Syllables of the judged words ([`WordFacts::syllables`]).
    pub(super) syllables: usize,
    /// Passives of all sentences.
    pub(super) passives: usize,
    /// Words that start a subordinate clause, in all sentences.
    pub(super) subordinates: usize,
}

impl<'a> Document<'a> {
    /// Analyses the prose of `source`.
    pub fn new(source: &'a str, prose: Prose, config: &'a ReadabilityConfig) -> Document<'a> {
        let lexicon = lexicon();
        let mut doc = Document {
            source,
            segments: Vec::with_capacity(prose.blocks.len()),
            words: Vec::with_capacity(source.len() / 6),
            notable: Vec::new(),
            forms: Vec::new(),
            // Sentences of 8 words of 5 bytes and a space: a long text's vectors
            // grow once, or not at all (each growth copies them whole).
            sentences: Vec::with_capacity(source.len() / 40),
            block_words: Vec::with_capacity(prose.blocks.len()),
            prose,
            config,
            is_letter: false,
            is_template: false,
            event_type: None,
            is_besluit: false,
            facts: None,
            tone_matches: OnceLock::new(),
            metrics: OnceLock::new(),
            morphology: OnceLock::new(),
            tone: OnceLock::new(),
            lower: super::lower_forms::LowerForms::with_capacity(source.len()),
            cues: OnceLock::new(),
            totals: Totals::default(),
        };
        let mut lower = String::new();
        // Verdicts of words that are not simply common: the compound search is the costly part.
        let mut rare_cache: FxHashMap<String, Verdict> = FxHashMap::default();
        // Words of up to 15 bytes (nearly all) by their bytes packed into one
        // number ([`short_key`]): no string is hashed or compared; longer ones by text.
        let mut seen_short: FxHashMap<u128, WordInfo> = FxHashMap::default();
        let mut seen: FxHashMap<&str, WordInfo> = FxHashMap::default();
        let mut form_ids: FxHashMap<String, u32> = FxHashMap::default();
        // What is known of each token of the current block (of its words; a
        // placeholder for the other tokens), found before its sentences are read,
        // so the passive search reads the words after an auxiliary from here.
        let mut block_infos: Vec<WordInfo> = Vec::new();
        for (block_index, block) in doc.prose.blocks.iter().enumerate() {
            let segmented = segment(&block.text, &lexicon.abbreviations);
            doc.lower.add_block(&block.text, &segmented.tokens);
            block_infos.clear();
            for token in &segmented.tokens {
                if token.kind != TokenKind::Word {
                    block_infos.push(WordInfo::NOT_A_WORD);
                    continue;
                }
                let text = &block.text[token.range()];
                // Most tokens repeat a word seen before ("u", "de", "uw"): look it up once a text.
                let analyse = || {
                    lowercase_into(&mut lower, text);
                    // "uit\u{AD}ke\u{AD}ring", "ﬁnanciën": judged as the word a reader sees.
                    if let std::borrow::Cow::Owned(repaired) =
                        crate::morphology::repair_form(&lower)
                    {
                        lower = repaired;
                    }
                    let entry = lexicon.entry(&lower);
                    let form = form_id(&mut form_ids, &mut doc.forms, &lower);
                    WordInfo {
                        form,
                        class: entry.flags,
                        verdict: judge_cached(&lower, entry, lexicon, config, &mut rare_cache),
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
                        passive: passive_facts(&lower, entry.flags),
                    }
                };
                let info = match short_key(text) {
                    Some(key) => *seen_short.entry(key).or_insert_with(analyse),
                    None => *seen.entry(text).or_insert_with(analyse),
                };
                block_infos.push(info);
            }
            let mut block_word_count = 0;
            for sentence in &segmented.sentences {
                let mut facts = SentenceFacts {
                    block: block_index,
                    range: sentence.range.clone(),
                    tokens: sentence.tokens.clone(),
                    words_start: doc.words.len(),
                    words: 0,
                    passives: Vec::new(),
                    subordinators: Vec::new(),
                    tone: 0,
                };
                let mut first_word = true;
                let mut after_comma = false;
                let tokens = &segmented.tokens[sentence.tokens.clone()];
                let infos = &block_infos[sentence.tokens.clone()];
                for (i, token) in tokens.iter().enumerate() {
                    let text = &block.text[token.range()];
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
                    let info = infos[i];
                    let class = info.class;
                    facts.tone |= class
                        & (CONDITION | FAILURE | SANCTION | HELP | TONE_ANCHOR | FORMAL_ANCHOR);
                    if class & SUBORDINATOR != 0
                        || (after_comma && class & SUBORDINATOR_AFTER_COMMA != 0)
                    {
                        facts.subordinators.push(token.range());
                    }
                    if class & AUXILIARY != 0 {
                        // A number or special token after the auxiliary is asked as the word search asked it.
                        let passive = |k: usize| {
                            let token = &tokens[k];
                            if token.kind == TokenKind::Word {
                                return infos[k].passive;
                            }
                            let mut lower = String::new();
                            lowercase_into(&mut lower, &block.text[token.range()]);
                            passive_facts(&lower, lexicon.entry(&lower).flags)
                        };
                        if let Some(end) = find_participle(&block.text, tokens, i, passive) {
                            let passive =
                                token.range().start.min(end.start)..token.range().end.max(end.end);
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
                            next.range().start == token.range().end
                                && &block.text[next.range()] == "."
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
                    let syllables = u16::try_from(info.syllables).unwrap_or(u16::MAX);
                    match verdict {
                        Verdict::Name | Verdict::Abbreviation => {}
                        Verdict::Rare(_) | Verdict::Formal => {
                            doc.totals.difficult += 1;
                            doc.totals.judged += 1;
                            doc.totals.syllables += usize::from(syllables);
                        }
                        Verdict::Common | Verdict::Compound => {
                            doc.totals.judged += 1;
                            doc.totals.syllables += usize::from(syllables);
                        }
                    }
                    let letters = u16::try_from(info.letters).unwrap_or(u16::MAX);
                    if !matches!(verdict, Verdict::Common)
                        || usize::from(letters) > config.long_word_letters
                        || class & NOT_IN_OPENTAAL != 0
                    {
                        // Fewer than 2^32 words: each takes at least one byte of the source.
                        doc.notable
                            .push(u32::try_from(doc.words.len()).unwrap_or(u32::MAX));
                    }
                    doc.words.push(WordFacts {
                        // Fewer than 2^32 blocks: each holds at least one character of the source.
                        block: u32::try_from(block_index).unwrap_or(u32::MAX),
                        // Blocks are paragraphs; a block over 4 GiB is cut off at the limit.
                        start: u32::try_from(token.range().start).unwrap_or(u32::MAX),
                        end: u32::try_from(token.range().end).unwrap_or(u32::MAX),
                        verdict,
                        syllables,
                        letters,
                        class,
                        form: info.form,
                    });
                    first_word = false;
                    after_comma = false;
                }
                block_word_count += facts.words;
                doc.totals.words += facts.words;
                doc.totals.max_sentence_words = doc.totals.max_sentence_words.max(facts.words);
                doc.totals.passives += facts.passives.len();
                doc.totals.subordinates += facts.subordinators.len();
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

    /// The words that are not plainly common, in text order: those with a
    /// verdict other than [`Verdict::Common`], those longer than
    /// [`ReadabilityConfig::long_word_letters`] and those OpenTaal does not
    /// hold. Rules about single words read these, not all words: most words
    /// of a text are short and common.
    pub fn notable_words(&self) -> impl Iterator<Item = &WordFacts> + '_ {
        self.notable
            .iter()
            .map(|&index| &self.words[index as usize])
    }

    /// The lemma, compound parts, separable verb and concepts of every word,
    /// sentence by sentence in the order of [`Document::sentences`] (computed once).
    pub fn morphology(&self) -> &crate::morphology::DocumentMorphology {
        self.morphology.get_or_init(|| {
            let blocks: Vec<(&str, &Segmented)> = self
                .prose
                .blocks
                .iter()
                .zip(&self.segments)
                .map(|(block, segmented)| (block.text.as_str(), segmented))
                .collect();
            crate::morphology::DocumentMorphology::of_forms(
                &blocks,
                self.sentences.iter().map(|s| (s.block, s.tokens.clone())),
                &self.forms,
                self.words.iter().map(WordFacts::form),
            )
        })
    }

    /// Builds the tone view of every sentence now (the rules build it on first
    /// use) and says how many sentences it has; benchmarks time it apart from the rules.
    pub fn tone_view(&self) -> usize {
        super::tone::sentences(self).len()
    }

    /// Token `token` of block `block` in lower case, as `str::to_lowercase`
    /// gives it (all tokens are lower-cased once, as the document is made).
    pub fn lower(&self, block: usize, token: usize) -> &str {
        self.lower.get(&self.prose.blocks[block].text, block, token)
    }

    /// Tokens `tokens` of block `block` in lower case, one after the other: as
    /// [`Document::lower`] gives each, without looking up the block for every token.
    pub fn lowers(&self, block: usize, tokens: Range<usize>) -> impl Iterator<Item = &str> + '_ {
        self.lower
            .of_block(&self.prose.blocks[block].text, block, tokens)
    }

    /// The sentence of block `block` that holds the byte range `range`, if one
    /// does: a binary search, so a rule that asks it for every match of a
    /// pattern stays linear in the length of the text.
    pub fn sentence_holding(&self, block: usize, range: Range<usize>) -> Option<&SentenceFacts> {
        // Sentences are in text order: by block, and within a block by start, without overlap.
        let after = self
            .sentences
            .partition_point(|s| (s.block, s.range.start) <= (block, range.start));
        let sentence = self.sentences[..after].last()?;
        (sentence.block == block
            && sentence.range.start <= range.start
            && range.end <= sentence.range.end)
            .then_some(sentence)
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
        self.totals.judged
    }

    /// Whether a block is a paragraph (not a heading or a list item).
    pub fn is_paragraph(&self, block: usize) -> bool {
        self.prose.blocks[block].kind == BlockKind::Paragraph
    }
}

/// The index of a lower-case word in `forms`, added when it is new; the form
/// is repaired first ([`crate::morphology::repair_form`]: "ƫ" read as "ë", "’" as "'").
fn form_id(ids: &mut FxHashMap<String, u32>, forms: &mut Vec<String>, lower: &str) -> u32 {
    let repaired = crate::morphology::repair_form(lower);
    let form = repaired.as_ref();
    if let Some(id) = ids.get(form) {
        return *id;
    }
    let id = u32::try_from(forms.len()).unwrap_or(u32::MAX);
    ids.insert(form.to_string(), id);
    forms.push(form.to_string());
    id
}

/// What the document remembers about a word form it has seen in this text.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    form: u32,
    class: u16,
    verdict: Verdict,
    syllables: usize,
    letters: usize,
    /// What the passive search asks of it ([`passive_facts`]).
    passive: u8,
}

impl WordInfo {
    /// The place of a token that is not a word (never read as a word).
    const NOT_A_WORD: WordInfo = WordInfo {
        form: 0,
        class: 0,
        verdict: Verdict::Common,
        syllables: 0,
        letters: 0,
        passive: 0,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{from_markdown, from_plain_text};

    /// Every token's lower case, as `str::to_lowercase` gives it.
    fn assert_lower_forms(doc: &Document<'_>) {
        for (block, segmented) in doc.segments.iter().enumerate() {
            for (i, token) in segmented.tokens.iter().enumerate() {
                let text = &doc.prose.blocks[block].text[token.range()];
                assert_eq!(doc.lower(block, i), text.to_lowercase(), "{text}");
            }
            let all: Vec<&str> = doc.lowers(block, 0..segmented.tokens.len()).collect();
            let one_by_one: Vec<&str> = (0..segmented.tokens.len())
                .map(|i| doc.lower(block, i))
                .collect();
            assert_eq!(all, one_by_one);
        }
    }

    #[test]
    fn the_notable_words_are_every_word_that_is_not_short_common_and_known() {
        let config = ReadabilityConfig {
            long_word_letters: 12,
            ..ReadabilityConfig::default()
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let doc = Document::new(&text, from_markdown(&text), &config);
            let expected: Vec<(usize, usize)> = doc
                .words
                .iter()
                .filter(|w| {
                    !matches!(w.verdict, Verdict::Common)
                        || usize::from(w.letters) > 12
                        || w.class & NOT_IN_OPENTAAL != 0
                })
                .map(|w| (w.block(), w.range().start))
                .collect();
            let notable: Vec<(usize, usize)> = doc
                .notable_words()
                .map(|w| (w.block(), w.range().start))
                .collect();
            assert_eq!(notable, expected);
            assert!(notable.len() < doc.words.len());
            seen += notable.len();
        }
        assert!(seen > 100, "the texts hold rare, long and formal words");
    }

    #[test]
    fn sentence_holding_finds_the_sentence_a_linear_search_finds() {
        let config = ReadabilityConfig::default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let doc = Document::new(&text, from_markdown(&text), &config);
            for (block, prose) in doc.prose.blocks.iter().enumerate() {
                let len = prose.text.len();
                // Every range of up to 12 bytes, and some across sentences.
                for start in 0..len {
                    for end in [start + 1, start + 5, start + 12, start + 200] {
                        let range = start..end.min(len);
                        let linear = doc.sentences.iter().find(|s| {
                            s.block == block
                                && s.range.start <= range.start
                                && range.end <= s.range.end
                        });
                        let found = doc.sentence_holding(block, range.clone());
                        assert_eq!(
                            found.map(|s| s.range.clone()),
                            linear.map(|s| s.range.clone())
                        );
                    }
                }
            }
        }
    }

    /// The morphology layer built from the document's forms is the one it
    /// builds by lower-casing every word itself.
    fn assert_morphology_from_forms(doc: &Document<'_>) {
        let blocks: Vec<(&str, &Segmented)> = doc
            .prose
            .blocks
            .iter()
            .zip(&doc.segments)
            .map(|(block, segmented)| (block.text.as_str(), segmented))
            .collect();
        let sentences: Vec<(usize, Range<usize>)> = doc
            .sentences
            .iter()
            .map(|s| (s.block, s.tokens.clone()))
            .collect();
        let own = crate::morphology::DocumentMorphology::new(&blocks, sentences);
        assert_eq!(*doc.morphology(), own);
    }

    #[test]
    fn the_morphology_from_the_documents_forms_is_the_one_from_its_own_pass() {
        let config = ReadabilityConfig::default();
        let text = "Wij ZETTEN uw uitkering stop. Zetten wij beƫindigd en BEËINDIGD, Beƫindigd? Uw AANVRAAG is binnen. Incasso’s en incasso's.\n\nΟΔΟΣ en İstanbul, 12 EURO, e-Mail.";
        assert_morphology_from_forms(&Document::new(text, from_plain_text(text), &config));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_morphology_from_forms(&Document::new(&text, from_markdown(&text), &config));
        }
    }

    #[test]
    fn every_token_is_lower_cased_as_to_lowercase_does() {
        let config = ReadabilityConfig::default();
        let text = "Uw AANVRAAG is binnen. ΟΔΟΣ en İstanbul, Ćosić, CAFÉ's en e-Mail.\n\nNieuwe Alinea met 12 EURO.";
        assert_lower_forms(&Document::new(text, from_plain_text(text), &config));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_lower_forms(&Document::new(&text, from_markdown(&text), &config));
        }
    }
}
