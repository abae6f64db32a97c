//! The morphology layer under every word rule: lemma, compound parts, separable
//! verbs and concepts of each word.
//!
//! - **Lemma** ([`lemma`]): the dictionary form from a table generated from the
//!   OpenTaal word list ("gekort" → korten, "boetes" → boete), with checked suffix
//!   rules for words the table does not hold. A Snowball stemmer was measured
//!   against it and serves worse (see readability/README.md, "Lemmas").
//! - **Verb** of a participle or a noun made from a verb ("verlaging" → verlagen).
//! - **Compound parts** from the compound splitter of the readability engine:
//!   the head (last part, lemmatised) and the modifiers ("loonbeslag" → loon + beslag).
//! - **Separable verbs** over a sentence: "Wij zetten uw uitkering stop" and
//!   "om uw uitkering stop te zetten" are both *stopzetten*.
//! - **Concepts** ([`concept`]): the classes of `readability/concepts.toml` the
//!   word belongs to through any of the above.
//!
//! [`DocumentMorphology::new`] analyses every word of a text once (each distinct
//! form once), so rules only read it.

pub mod concept;
pub mod lemma;
mod token_morph;

use crate::lexicon::lexicon;
use crate::lexicon::{DEFAULT_RARE_ZIPF, lowercase_into, split_compound};
use crate::text::segment::{Segmented, TokenKind};
pub use concept::{Concept, ConceptSet, ConceptTable};
pub use lemma::{FormKind, LemmaTable};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, OnceLock};
pub use token_morph::TokenMorph;

/// Separable particles that can stand at the end of a clause ("zet … stop").
const PARTICLES: &[&str] = &[
    "aan", "achter", "af", "bij", "binnen", "door", "in", "langs", "los", "mee", "na", "neer",
    "om", "op", "over", "samen", "stop", "terug", "toe", "uit", "vast", "weg",
];

/// Words after which a clause has ended, so a particle before them ends its clause.
const CLAUSE_WORDS: &[&str] = &[
    "en", "maar", "of", "want", "omdat", "als", "wanneer", "dan", "zodat", "tenzij", "indien",
    "waardoor", "totdat", "voordat", "nadat",
];

/// Prepositions after which a particle still ends its verb ("sluit u af van energie").
const PREPOSITIONS: &[&str] = &[
    "van", "voor", "met", "bij", "naar", "tot", "wegens", "vanwege",
];

/// Closed-class words that the lemma table also reads as a form of a verb
/// ("met": meten, "het": heten, "indien": indienen, "volgens": volgen): in a
/// letter they are a preposition, a conjunction, an article or an adverb,
/// never a finite verb.
const NEVER_FINITE: &[&str] = &[
    "beide", "dat", "echt", "het", "indien", "met", "uit", "vast", "volgens", "want", "wegens",
];

/// The tables of the morphology layer, loaded once.
#[derive(Debug)]
pub struct Morphology {
    /// Lemmas, verbs and derivations.
    pub lemmas: LemmaTable,
    /// Concept classes.
    pub concepts: ConceptTable,
}

/// The morphology tables, loaded on first use.
pub fn morphology() -> &'static Morphology {
    static MORPHOLOGY: OnceLock<Morphology> = OnceLock::new();
    MORPHOLOGY.get_or_init(|| {
        load().unwrap_or_else(|problem| panic!("morphology data is broken: {problem}"))
    })
}

/// Parses the morphology data; an error names the file and the problem.
pub fn load() -> Result<Morphology, String> {
    Ok(Morphology {
        lemmas: LemmaTable::load()?,
        concepts: ConceptTable::load()?,
    })
}

/// What the morphology layer knows about one word form.
#[derive(Debug, Clone, PartialEq)]
pub struct WordMorph {
    /// The word itself, lower case.
    pub form: String,
    /// The lemma.
    pub lemma: String,
    /// What kind of form the word is.
    pub kind: FormKind,
    /// Other lemmas the form can have, comma-separated.
    pub others: &'static str,
    /// The verb of a verb form, participle or noun made from a verb.
    pub verb: Option<String>,
    /// The head of a compound, lemmatised ("huisbezoeken" → bezoek).
    pub head: Option<String>,
    /// The parts before the head ("huisbezoeken" → huis).
    pub modifiers: Vec<String>,
    /// The concepts of the word.
    pub concepts: ConceptSet,
    /// Whether the form reads as a finite verb ("betaalt", "schakelen", "zet").
    pub finite_verb: bool,
}

/// Concepts that a person named after a verb carries ("oplichter", "verklikker").
const AGENT_CONCEPTS: ConceptSet = ConceptSet::of(&[
    Concept::Fraud,
    Concept::Report,
    Concept::Investigate,
    Concept::Check,
]);

impl Morphology {
    /// Analyses one lower-case word.
    pub fn word(&self, lower: &str) -> WordMorph {
        let (lemma, kind, others) = self.lemmas.lemma(lower);
        let verb = match kind {
            FormKind::Verb => Some(lemma.clone()),
            FormKind::Participle => others
                .split(',')
                .find(|o| self.lemmas.is_verb(o))
                .map(str::to_string),
            _ => self
                .lemmas
                .verb_of_noun(&lemma)
                .map(str::to_string)
                .or_else(|| self.lemmas.is_verb(&lemma).then(|| lemma.clone())),
        };
        // An unlisted finite form of a verb of a concept ("verzuimt" → verzuimen).
        let (lemma, kind) = if kind == FormKind::Unlisted {
            self.concept_verb(lower)
                .map_or((lemma, kind), |verb| (verb, FormKind::Verb))
        } else {
            (lemma, kind)
        };
        let mut concepts = self.concepts.of(&lemma);
        // A person named after what they do ("oplichter" → oplichten,
        // "ondervrager" → ondervragen): the verb's concept of fraud, reporting,
        // investigating or checking.
        if concepts.is_empty()
            && matches!(kind, FormKind::Noun | FormKind::Unlisted)
            && let Some(stem) = lemma.strip_suffix("er").filter(|s| s.chars().count() >= 4)
        {
            concepts = self
                .concepts
                .of(&format!("{stem}en"))
                .intersection(AGENT_CONCEPTS);
        }
        // The form is a lemma of a concept itself: "rechter" is the judge, not
        // only the comparative of "recht".
        if lemma != lower {
            concepts = concepts.union(self.concepts.of(lower));
        }
        if let Some(verb) = &verb {
            concepts = concepts.union(self.concepts.of(verb));
        }
        let (mut head, mut modifiers) = (None, Vec::new());
        // A hyphenated compound ("aio-aanvulling", "ww-uitkering"): its last part is the head.
        if let Some((first, last)) = lemma.rsplit_once('-')
            && !first.is_empty()
            && last.chars().count() >= 3
        {
            let part = self.word(last);
            concepts = concepts.union(part.concepts);
            head = Some(part.lemma);
            modifiers = first.split('-').map(str::to_string).collect();
        } else if kind != FormKind::Verb && verb.is_none() && lemma.chars().count() >= 7 {
            if let Some(mut parts) = split_compound(&lemma, lexicon(), DEFAULT_RARE_ZIPF) {
                let last = parts.pop().unwrap_or_default();
                let (head_lemma, _, _) = self.lemmas.lemma(&last);
                concepts = concepts.union(self.concepts.of(&head_lemma));
                // The head as written is a lemma of a concept itself ("…rechter").
                if head_lemma != last {
                    concepts = concepts.union(self.concepts.of(&last));
                }
                if let Some(head_verb) = self.lemmas.verb_of_noun(&head_lemma) {
                    concepts = concepts.union(self.concepts.of(head_verb));
                }
                let carried = parts.iter().fold(ConceptSet::EMPTY, |set, part| {
                    set.union(self.concepts.of_modifier(part))
                });
                // Asked only when a first part carries a concept; listed by its
                // singular: "dwangakkoorden" is the compound of "akkoord".
                if !carried.is_empty() {
                    let neutral = self.concepts.neutral_in(&lemma).union(
                        self.concepts
                            .neutral_in(&format!("{}{head_lemma}", parts.concat())),
                    );
                    concepts = concepts.union(carried.difference(neutral));
                }
                head = Some(head_lemma);
                modifiers = parts;
            }
        }
        // A present participle ("volgende", "lopend": the infinitive and "d" or
        // "de") describes a noun; it is not the verb of a clause.
        let present_participle = lower
            .strip_prefix(lemma.as_str())
            .is_some_and(|rest| matches!(rest, "d" | "de"));
        let finite_verb = !NEVER_FINITE.contains(&lower)
            && !present_participle
            && ((lemma != lower && self.lemmas.is_verb(&lemma))
                || (self.lemmas.is_verb(lower) && lower.ends_with("en"))
                || (lower.ends_with('t') && others.split(',').any(|o| self.lemmas.is_verb(o))));
        WordMorph {
            form: lower.to_string(),
            lemma,
            kind,
            others,
            verb,
            head,
            modifiers,
            concepts,
            finite_verb,
        }
    }

    /// The verb of a concept that an unlisted finite form belongs to ("verzuimt", "weigerde").
    fn concept_verb(&self, form: &str) -> Option<String> {
        // "d": an unlisted participle of a verb with a prefix ("ondervraagd" → ondervragen).
        ["t", "de", "te", "den", "ten", "d"]
            .iter()
            .find_map(|ending| {
                let stem = form.strip_suffix(ending)?;
                let mut candidates = vec![format!("{stem}en")];
                let bytes = stem.as_bytes();
                let n = bytes.len();
                // "verlaag" → "verlagen": a long vowel in a closed syllable is short before -en.
                if n >= 3 && bytes[n - 2] == bytes[n - 3] && b"aeou".contains(&bytes[n - 2]) {
                    candidates.push(format!("{}{}en", &stem[..n - 2], &stem[n - 1..]));
                }
                candidates
                    .into_iter()
                    .find(|c| !self.concepts.of(c).is_empty())
            })
    }

    /// The infinitives a word form can be a finite form of ("zet" → zetten).
    fn verb_readings<'w>(&'w self, word: &'w WordMorph) -> impl Iterator<Item = &'w str> + 'w {
        let own = (word.kind == FormKind::Verb || word.verb.as_ref() == Some(&word.lemma))
            .then_some(word.lemma.as_str());
        own.into_iter()
            .chain(word.others.split(',').filter(|o| self.lemmas.is_verb(o)))
    }
}

/// A word's analysis, from this thread's cache: a batch meets the same words in
/// every letter, and the compound search is the costly part.
fn cached_word(morphology: &Morphology, lower: &str) -> Arc<WordMorph> {
    const LIMIT: usize = 100_000;
    thread_local! {
        static CACHE: RefCell<FxHashMap<String, Arc<WordMorph>>> = RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| {
        if let Some(word) = cache.borrow().get(lower) {
            return Arc::clone(word);
        }
        let word = Arc::new(morphology.word(lower));
        let mut cache = cache.borrow_mut();
        if cache.len() >= LIMIT {
            cache.clear();
        }
        cache.insert(lower.to_string(), Arc::clone(&word));
        word
    })
}

/// A word as the word lists read it, repaired from what copying text does to
/// it: "ƫ", a common misreading of "ë" in texts copied from PDFs
/// ("beƫindigd"), is read as "ë"; the typographic apostrophe of word processors
/// and web pages ("incasso’s") as "'"; the ligatures of PDFs ("ﬁnanciën") as
/// their letters; and soft hyphens and zero-width characters, which a reader
/// never sees ("uit\u{AD}ke\u{AD}ring"), are left out.
pub fn repair_form(word: &str) -> std::borrow::Cow<'_, str> {
    // The cheap test first: nearly every word is plain ASCII.
    if word.is_ascii() || !word.chars().any(|c| replacement(c).is_some()) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut repaired = String::with_capacity(word.len());
    for c in word.chars() {
        match replacement(c) {
            Some(letters) => repaired.push_str(letters),
            None => repaired.push(c),
        }
    }
    std::borrow::Cow::Owned(repaired)
}

/// What [`repair_form`] writes for a character it repairs (nothing for one a
/// reader never sees); `None` for a character it keeps.
fn replacement(c: char) -> Option<&'static str> {
    match c {
        'ƫ' => Some("ë"),
        '\u{2019}' => Some("'"),
        'ﬀ' => Some("ff"),
        'ﬁ' => Some("fi"),
        'ﬂ' => Some("fl"),
        'ﬃ' => Some("ffi"),
        'ﬄ' => Some("ffl"),
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Some(""),
        _ => None,
    }
}

/// The morphology of a whole text: each distinct word form once, and each sentence's words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentMorphology {
    /// The distinct word forms.
    pub words: Vec<Arc<WordMorph>>,
    /// The words of every sentence (in the order given to
    /// [`DocumentMorphology::new`]), one sentence after the other in one list:
    /// [`DocumentMorphology::sentence`] gives those of one.
    tokens: Vec<TokenMorph>,
    /// Where the words of each sentence start in `tokens`, and after the last one where they end.
    starts: Vec<u32>,
}

impl DocumentMorphology {
    /// Analyses the words of `sentences`, each a block index and a range of that block's tokens.
    pub fn new<'t>(
        blocks: &[(&'t str, &'t Segmented)],
        sentences: impl IntoIterator<Item = (usize, Range<usize>)> + Clone,
    ) -> DocumentMorphology {
        // Each distinct lower-case form once, in the order of first occurrence.
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut forms = Vec::new();
        let mut word_forms = Vec::new();
        let mut lower = String::new();
        for (block, tokens) in sentences.clone() {
            let (text, segmented) = blocks[block];
            for token in &segmented.tokens[tokens] {
                if token.kind != TokenKind::Word {
                    continue;
                }
                lowercase_into(&mut lower, &text[token.range()]);
                if let std::borrow::Cow::Owned(repaired) = repair_form(&lower) {
                    lower = repaired;
                }
                let form = *index.entry(lower.clone()).or_insert_with(|| {
                    forms.push(lower.clone());
                    forms.len() - 1
                });
                word_forms.push(form);
            }
        }
        DocumentMorphology::of_forms(blocks, sentences, &forms, word_forms)
    }

    /// Analyses the words of `sentences` whose lower-case forms are known:
    /// `forms` holds each distinct form once and `word_forms` gives, word by
    /// word (every [`TokenKind::Word`] token of the sentences, in order), the
    /// index of its form. [`crate::readability::Document`] knows both from its
    /// own pass over the words, so no word is lower-cased or hashed again.
    pub fn of_forms<'t>(
        blocks: &[(&'t str, &'t Segmented)],
        sentences: impl IntoIterator<Item = (usize, Range<usize>)>,
        forms: &[String],
        word_forms: impl IntoIterator<Item = usize>,
    ) -> DocumentMorphology {
        let morphology = morphology();
        let mut document = DocumentMorphology {
            words: forms
                .iter()
                .map(|form| cached_word(morphology, form))
                .collect(),
            tokens: Vec::new(),
            starts: Vec::new(),
        };
        // The concepts side by side, so a token does not follow a pointer to its form.
        let concepts: Vec<ConceptSet> = document.words.iter().map(|w| w.concepts).collect();
        // Whether each form is a separable particle: tested once a form, not once a word.
        let particles: Vec<bool> = document
            .words
            .iter()
            .map(|w| PARTICLES.contains(&w.form.as_str()))
            .collect();
        let mut word_forms = word_forms.into_iter();
        // One list for the words of all sentences, not one a sentence.
        let mut all = Vec::with_capacity(word_forms.size_hint().0);
        let mut starts = Vec::new();
        for (block, tokens) in sentences {
            let (text, segmented) = blocks[block];
            let start = all.len();
            starts.push(offset(start));
            for (i, token) in segmented.tokens[tokens.clone()].iter().enumerate() {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let word = word_forms
                    .next()
                    .expect("a form for every word of the sentences");
                all.push(TokenMorph {
                    token: offset(tokens.start + i),
                    word: offset(word),
                    separable: None,
                    concepts: concepts[word],
                });
            }
            let words = &mut all[start..];
            if words.iter().any(|w| particles[w.word()]) {
                document.join_separable_verbs(text, segmented, &particles, words);
            }
        }
        starts.push(offset(all.len()));
        document.tokens = all;
        document.starts = starts;
        document
    }

    /// The words of sentence `index` (in the order given to [`DocumentMorphology::new`]).
    pub fn sentence(&self, index: usize) -> &[TokenMorph] {
        &self.tokens[self.starts[index] as usize..self.starts[index + 1] as usize]
    }

    /// The words of every sentence, sentence by sentence.
    pub fn sentences(&self) -> impl ExactSizeIterator<Item = &[TokenMorph]> + Clone + '_ {
        self.starts
            .windows(2)
            .map(|range| &self.tokens[range[0] as usize..range[1] as usize])
    }

    /// The form of a sentence word.
    pub fn word(&self, token: &TokenMorph) -> &WordMorph {
        &self.words[token.word()]
    }

    /// Marks each distinct word form of the text for which `test` holds. A rule
    /// that looks for a few words tests each form once this way and then asks
    /// [`DocumentMorphology::sentence_has`] per sentence, instead of comparing
    /// every token of every sentence with its list.
    pub fn mark_forms(&self, test: impl Fn(&WordMorph) -> bool) -> Vec<bool> {
        self.words.iter().map(|word| test(word)).collect()
    }

    /// Whether sentence `index` has a word that `marks` (from [`DocumentMorphology::mark_forms`]) marks.
    pub fn sentence_has(&self, index: usize, marks: &[bool]) -> bool {
        self.sentence(index).iter().any(|token| marks[token.word()])
    }

    /// Finds "zet … stop" (a finite verb and its particle at the end of the clause)
    /// and "stop te zetten", and gives both words the separable verb and its concepts.
    /// `particles` says for each form of [`DocumentMorphology::words`] whether it is in [`PARTICLES`].
    fn join_separable_verbs(
        &self,
        text: &str,
        segmented: &Segmented,
        particles: &[bool],
        words: &mut [TokenMorph],
    ) {
        let morphology = morphology();
        let lower = |t: &TokenMorph| self.words[t.word()].form.as_str();
        for j in 0..words.len() {
            if !particles[words[j].word()] {
                continue;
            }
            let particle = lower(&words[j]);
            // "stop te zetten": particle, "te", infinitive.
            if j + 2 < words.len() && lower(&words[j + 1]) == "te" {
                let verb = &self.words[words[j + 2].word()];
                if let Some(joined) = morphology
                    .verb_readings(verb)
                    .chain(std::iter::once(verb.form.as_str()))
                    .find_map(|v| known_verb(&format!("{particle}{v}")))
                {
                    for k in [j, j + 2] {
                        self.mark(&mut words[k], joined);
                    }
                    continue;
                }
            }
            // The particle ends its clause: punctuation, the end, a clause word or a
            // preposition follows ("sluit u af van energie").
            let next = segmented.tokens.get(words[j].token() + 1);
            let ends_clause = match next {
                None => true,
                Some(t) if t.kind == TokenKind::Punct => true,
                Some(_) => words.get(j + 1).is_some_and(|w| {
                    let next = lower(w);
                    CLAUSE_WORDS.contains(&next) || PREPOSITIONS.contains(&next)
                }),
            };
            if !ends_clause {
                continue;
            }
            // The finite verb of the clause: the first word before the particle (after
            // the last comma) that reads as a verb; a clear verb form before a word
            // that is also something else ("deel": a part, or delen).
            let start = (0..j)
                .rev()
                .find(|&i| {
                    segmented.tokens[words[i].token()..words[j].token()]
                        .iter()
                        .any(|t| t.kind == TokenKind::Punct && &text[t.range()] == ",")
                })
                .map_or(0, |i| i + 1);
            let clear =
                |w: &WordMorph| w.kind == FormKind::Verb || w.verb.as_ref() == Some(&w.lemma);
            let found = [true, false].into_iter().find_map(|want_clear| {
                (start..j).find_map(|i| {
                    let verb = &self.words[words[i].word()];
                    if clear(verb) != want_clear {
                        return None;
                    }
                    // A plural form is the infinitive's spelling: "schorten … op".
                    let plural = verb.form.ends_with("en").then_some(verb.form.as_str());
                    morphology
                        .verb_readings(verb)
                        .chain(plural)
                        .find_map(|v| known_verb(&format!("{particle}{v}")))
                        .map(|joined| (i, joined))
                })
            });
            if let Some((i, joined)) = found {
                self.mark(&mut words[i], joined);
                self.mark(&mut words[j], joined);
            }
        }
    }

    fn mark(&self, word: &mut TokenMorph, verb: &'static str) {
        word.separable = Some(verb);
        word.concepts = word.concepts.union(morphology().concepts.of(verb));
    }
}

/// A position in the word list of [`DocumentMorphology`] (texts of over 4 billion words are cut off at the limit).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// The table's own copy of a verb, if it knows it.
fn known_verb(infinitive: &str) -> Option<&'static str> {
    morphology().lemmas.verb(infinitive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::text::segment::segment;

    fn document(text: &str) -> (Segmented, DocumentMorphology) {
        let segmented = segment(text, &lexicon().abbreviations);
        let sentences: Vec<(usize, Range<usize>)> = segmented
            .sentences
            .iter()
            .map(|s| (0, s.tokens.clone()))
            .collect();
        let document = DocumentMorphology::new(&[(text, &segmented)], sentences);
        (segmented, document)
    }

    fn concepts_of(text: &str) -> ConceptSet {
        let (_, document) = document(text);
        document
            .sentences()
            .flatten()
            .fold(ConceptSet::EMPTY, |set, t| set.union(t.concepts))
    }

    #[test]
    fn copied_text_is_repaired_to_the_word_a_reader_sees() {
        for (copied, seen) in [
            ("beƫindigd", "beëindigd"),
            ("incasso’s", "incasso's"),
            ("ﬁnanciën", "financiën"),
            ("afﬂossing", "afflossing"),
            ("uit\u{AD}ke\u{AD}ring", "uitkering"),
            ("be\u{200B}talen", "betalen"),
            ("uitkering", "uitkering"),
        ] {
            assert_eq!(repair_form(copied), seen, "{copied:?}");
        }
        assert!(matches!(
            repair_form("uitkering"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            repair_form("coördinator"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn every_concept_is_found_in_its_bad_example_and_not_in_its_good_one() {
        for entry in &morphology().concepts.entries {
            assert!(
                concepts_of(&entry.bad).contains(entry.name),
                "{:?} not found in: {}",
                entry.name,
                entry.bad
            );
            assert!(
                !concepts_of(&entry.good).contains(entry.name),
                "{:?} found in: {}",
                entry.name,
                entry.good
            );
        }
    }

    #[test]
    fn words_get_lemma_verb_compound_parts_and_concepts() {
        let morphology = morphology();
        let word = morphology.word("verlaging");
        assert_eq!(word.verb.as_deref(), Some("verlagen"));
        assert!(word.concepts.contains(Concept::Reduce));
        let word = morphology.word("huisbezoeken");
        assert_eq!(word.lemma, "huisbezoek");
        assert!(word.concepts.contains(Concept::Visit));
        let word = morphology.word("bijstandsfraude");
        assert_eq!(word.head.as_deref(), Some("fraude"));
        assert_eq!(word.modifiers, vec!["bijstand".to_string()]);
        assert!(word.concepts.contains(Concept::Fraud));
        let word = morphology.word("fraudesignalen");
        assert!(word.concepts.contains(Concept::Fraud), "{word:?}");
        let word = morphology.word("beslagvrije");
        assert!(!word.concepts.contains(Concept::Seize), "{word:?}");
        let word = morphology.word("kort");
        assert!(
            !word.concepts.contains(Concept::Reduce),
            "kort is short first"
        );
    }

    #[test]
    fn people_named_after_a_verb_and_unlisted_participles_get_its_concepts() {
        let morphology = morphology();
        let word = morphology.word("oplichters");
        assert!(word.concepts.contains(Concept::Fraud), "{word:?}");
        let word = morphology.word("ondervraagd");
        assert_eq!(word.lemma, "ondervragen");
        assert!(word.concepts.contains(Concept::Investigate), "{word:?}");
        // Only fraud, reporting, investigating and checking pass to the person:
        // a creditor is no word of obligation.
        let word = morphology.word("eiser");
        assert!(!word.concepts.contains(Concept::Oblige), "{word:?}");
    }

    #[test]
    fn finite_verbs_leave_out_closed_words_and_present_participles() {
        let morphology = morphology();
        for word in [
            "met",
            "het",
            "indien",
            "volgens",
            "volgende",
            "lopend",
            "betreffende",
        ] {
            assert!(!morphology.word(word).finite_verb, "{word}");
        }
        for word in ["meet", "betaalt", "stopte", "volgt", "zet"] {
            assert!(morphology.word(word).finite_verb, "{word}");
        }
    }

    #[test]
    fn separable_verbs_are_joined_across_the_sentence() {
        for (text, verb) in [
            ("Wij zetten uw uitkering stop.", "stopzetten"),
            (
                "Wij vorderen het geld terug, omdat u werkte.",
                "terugvorderen",
            ),
            (
                "De gemeente besluit de bijstand stop te zetten.",
                "stopzetten",
            ),
            ("Dan houden wij een deel in en betalen de rest.", "inhouden"),
        ] {
            let (_, document) = document(text);
            let joined: Vec<&str> = document
                .sentences()
                .flatten()
                .filter_map(|t| t.separable)
                .collect();
            assert!(joined.contains(&verb), "{text}: {joined:?}");
        }
        assert!(concepts_of("Wij zetten uw uitkering stop.").contains(Concept::Stop));
        assert!(!concepts_of("Wij zetten het geld op uw rekening.").contains(Concept::Stop));
    }
}
