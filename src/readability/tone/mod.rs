//! The tone rules' view of a sentence: its words with their concepts, its
//! clauses, and what each clause does (a condition, a negation, help).
//!
//! Part of the analysed document: built once a text from the document and its
//! morphology, and shared by the tone rules in `lint/rules/`, which only read it:
//!
//! - **Clauses** split at commas, semicolons, colons (not those of an amount,
//!   "€ 70,-") and before a word that starts a clause ("als", "omdat", "dan",
//!   "want"), before "maar" after a negation ("niet naar u maar naar de
//!   deurwaarder") and before "of" after a verb ("controleren of de klant …"). A
//!   condition without a comma ends where a finite verb opens the main clause
//!   ("Als u niet meewerkt | kan dit …", "… is geweest | zijn wij …"). A clause is a
//!   **condition** when it starts with "als", "wanneer", "indien", "zodra",
//!   "mocht", "bij", "wie", "zonder", "(op het moment) dat", or with a verb before its subject ("Betaalt u
//!   niet, dan …"); a question with a verb first is a condition for a next
//!   sentence that starts with "Dan" ("Reageert u niet? Dan …").
//! - A clause is **negated** when it holds "niet", "geen", "nooit", "niets" or
//!   "niemand" (also stressed: "níet"): "U wordt niet afgesloten" reassures;
//!   "niet meer te voorkomen" does not.
//! - A sentence offers **help** when a clause holds a help word ("bel",
//!   "hulp", "betalingsregeling", "samen" with the reader) or a reassurance
//!   ("voorkomen", "beschermd", "rekening houden met", "bezwaar maken"), but not
//!   in a condition of a sentence that sets a failure ("als u niet reageert
//!   als wij contact zoeken").
//!

mod clause_kind;
mod consequence;
mod dated;
mod frame;
mod last_chance;
pub(crate) mod marks;
mod morph_ref;
mod qualify;
mod reading;
mod reassurance;

use super::Document;
use crate::morphology::{Concept, ConceptSet, DocumentMorphology, WordMorph};
use clause_kind::{clause_kind, negates, short_aside, verb_first};
use consequence::find_consequences;
pub(crate) use consequence::{consequences, heavy, reader_wishes};
use dated::dated_past;
pub(crate) use last_chance::last_chance_words;
pub(crate) use reading::is_command;
use reading::{as_comparison, as_role, comparative, objection_sections};
use reassurance::{Help, LimitWords, help, restricted};
pub(crate) use reassurance::{helped, helps_others};
use std::ops::Range;
use std::sync::Arc;

/// Concepts that are a consequence for the reader: money, rights or freedom.
pub(crate) const STRONG_CONSEQUENCE: ConceptSet = ConceptSet::of(&[
    Concept::Punish,
    Concept::Reduce,
    Concept::Stop,
    Concept::Fine,
    Concept::Seize,
    Concept::PoliceCourt,
]);

/// Consequences that need a condition or a failure before they threaten.
pub(crate) const WEAK_CONSEQUENCE: ConceptSet = ConceptSet::of(&[Concept::Reclaim, Concept::Lose]);

/// Checking, investigating and visiting.
pub(crate) const SURVEILLANCE: ConceptSet =
    ConceptSet::of(&[Concept::Check, Concept::Investigate, Concept::Visit]);

/// Concepts that make a sentence worth reading for its frame.
const LOADED: ConceptSet = STRONG_CONSEQUENCE
    .union(WEAK_CONSEQUENCE)
    .union(SURVEILLANCE)
    .union(ConceptSet::of(&[
        Concept::Fraud,
        Concept::Suspect,
        Concept::Unannounced,
        Concept::Rise,
        Concept::Source,
    ]));

/// Words that start a condition clause.
const CONDITION_WORDS: &[&str] = &[
    "als", "wanneer", "indien", "zodra", "mocht", "mochten", "bij", "wie", "zonder", "ingeval",
];

/// Whether a lower-case word negates a clause ("niet", "geen", "nooit" …).
pub(crate) fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "niet" | "geen" | "nooit" | "niets" | "niemand" | "nergens" | "níet" | "géén" | "nóóit"
    )
}

/// Whether a lower-case word starts a new clause ("als", "omdat", "want" …).
fn starts_clause(lower: &str) -> bool {
    matches!(
        lower,
        "als"
            | "wanneer"
            | "indien"
            | "zodra"
            | "omdat"
            | "doordat"
            | "zodat"
            | "tenzij"
            | "terwijl"
            | "want"
            | "waardoor"
            | "waarna"
            | "nadat"
            | "voordat"
            | "totdat"
            | "mits"
    )
}

/// Question words: a sentence that starts with one is a question, not a condition.
const QUESTION_WORDS: &[&str] = &[
    "wat", "wie", "waar", "wanneer", "hoe", "waarom", "welke", "welk", "hoeveel", "waarmee",
    "waarover", "waarvoor",
];

/// Subjects that follow a verb that opens a condition ("Betaalt u …", "Blijft betaling …").
const SUBJECTS: &[&str] = &[
    "u", "je", "jij", "hij", "zij", "ze", "we", "wij", "men", "iemand", "uw", "jouw", "de", "het",
    "een", "er", "die", "dit", "dat", "zijn", "haar",
];

/// Subjects after their verb in a main clause after a condition ("… zijn wij genoodzaakt").
const INVERTED_SUBJECTS: &[&str] = &["wij", "we", "u", "je", "jij", "ze", "zij", "hij"];

/// Finite forms that open a main clause after a condition without a comma.
const FINITE_AUXILIARIES: &[&str] = &[
    "zal", "zullen", "kan", "kunnen", "mag", "mogen", "moet", "moeten", "wil", "worden", "volgen",
];

/// Finite auxiliaries that open a main clause after a condition whose verb has
/// come ("Als u niet meewerkt aan het huisbezoek kan dit …").
const MAIN_CLAUSE_AUXILIARIES: &[&str] = &[
    "zal", "zullen", "kan", "kunt", "kunnen", "mag", "mogen", "moet", "moeten", "wordt", "worden",
];

/// What a clause does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseKind {
    /// A main or other clause.
    Plain,
    /// A condition: "als u niet betaalt", "bij een achterstand", "Betaalt u niet".
    Condition,
}

/// One clause: a range of the sentence's words.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    /// Index range into [`ToneSentence::words`].
    pub(crate) words: Range<usize>,
    /// Condition or not.
    pub(crate) kind: ClauseKind,
    /// Holds a negation.
    pub(crate) negated: bool,
}

/// One word of a sentence for the tone rules.
#[derive(Debug, Clone)]
pub(crate) struct ToneWord {
    /// Where it starts in the block text (a byte offset; see [`ToneWord::range`]).
    start: u32,
    /// Where it ends in the block text.
    end: u32,
    /// Its form, lemma, other lemmas and verb reading (shared with the morphology).
    pub(crate) morph: morph_ref::MorphRef,
    /// Its concepts (with those of its separable verb).
    pub(crate) concepts: ConceptSet,
    /// The clause it is in (an index into [`ToneSentence::clauses`]).
    pub(crate) clause: u32,
    /// The marks of its form (see [`marks`]), and [`marks::CAPITALISED`] when
    /// it starts with a capital letter in the text.
    pub(crate) marks: u64,
}

/// One sentence for the tone rules.
#[derive(Debug, Clone)]
pub(crate) struct ToneSentence {
    /// The block.
    pub(crate) block: usize,
    /// Byte range in the block text.
    pub(crate) range: Range<usize>,
    /// Its words.
    pub(crate) words: Vec<ToneWord>,
    /// Its clauses, in order.
    pub(crate) clauses: Vec<Clause>,
    /// It ends with a question mark.
    pub(crate) question: bool,
    /// A question with the verb first ("Reageert u niet?"): a condition for a next sentence with "Dan".
    pub(crate) verb_first_question: bool,
    /// It starts with "Dan" (or "Dan …" after one word).
    pub(crate) starts_with_dan: bool,
    /// Help or reassurance in a clause that is not a condition, or a restriction
    /// on the other side, and where (see [`ToneSentence::offers_help`]).
    help: Help,
    /// A restriction on the other side: "De deurwaarder mag niet …", "U hoeft niet …".
    pub(crate) restricted: bool,
    /// The union of its words' concepts.
    pub(crate) concepts: ConceptSet,
    /// The union of its words' marks (see [`marks`]).
    pub(crate) marks: u64,
    /// Its block explains an objection or appeal ("bezwaar", "beroep"): the court named there is no threat.
    pub(crate) objection_block: bool,
    /// It names a law article (the legal basis of a decision).
    pub(crate) legal_basis: bool,
    /// It is a heading, or a short line that stands as one (a letter's title
    /// names its subject; it states nothing twice).
    pub(crate) heading: bool,
    /// A short label without a verb that leads into a list ("Voorbeelden van fraude:").
    label: bool,
    /// It tells a dated event in the past tense: "Uw WW-uitkering stopte op 18
    /// oktober", "Op 17 november kwamen we bij u langs" (see [`dated_past`]).
    pub(crate) dated_past: bool,
    /// Words that a restriction starts from, noted while the clauses are made
    /// (see [`reassurance::restricted`]).
    limit_words: LimitWords,
    /// It informs about sanctions without aiming them at the reader: news,
    /// research or opinions about others, figures, a definition, or what a
    /// text explains (see [`frame`]).
    /// Asked only when a rule needs it (see [`ToneSentence::informs`]).
    informs: std::sync::OnceLock<bool>,
    /// Its consequence words, strong or not (see [`consequences`]).
    consequence_words: Vec<(usize, bool)>,
}

impl ToneWord {
    /// The word in lower case.
    pub(crate) fn lower(&self) -> &str {
        &self.morph.form
    }

    /// Its byte range in the block text.
    pub(crate) fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether it starts with a capital letter in the text ("Verordening", "Rechtbank").
    pub(crate) fn capitalised(&self) -> bool {
        self.marks & marks::CAPITALISED != 0
    }

    /// Its lemma.
    pub(crate) fn lemma(&self) -> &str {
        &self.morph.lemma
    }

    /// Whether the word is, or can be, a form of this lemma ("geloof": geloven).
    pub(crate) fn reads_as(&self, lemma: &str) -> bool {
        self.morph.lemma == lemma
            || (self.morph.others.len() >= lemma.len()
                && self.morph.others.split(',').any(|o| o == lemma))
    }
}

impl ToneSentence {
    /// Whether word `i` is one of these lower-case forms.
    pub(crate) fn is(&self, i: usize, forms: &[&str]) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| forms.contains(&w.lower()))
    }

    /// Whether word `i` has this mark (see [`marks`]).
    pub(crate) fn has(&self, i: usize, mark: u64) -> bool {
        self.words.get(i).is_some_and(|w| w.marks & mark != 0)
    }

    /// The clause of word `i`.
    pub(crate) fn clause_of(&self, i: usize) -> &Clause {
        &self.clauses[self.words[i].clause as usize]
    }

    /// The words with a concept of `set` that stand in a clause that is not negated.
    pub(crate) fn unnegated(&self, set: ConceptSet) -> impl Iterator<Item = usize> + '_ {
        (0..self.words.len())
            .filter(move |&i| self.words[i].concepts.intersects(set) && !self.clause_of(i).negated)
    }

    /// Whether any clause is a condition.
    pub(crate) fn has_condition(&self) -> bool {
        self.clauses.iter().any(|c| c.kind == ClauseKind::Condition)
    }

    /// Whether a condition clause says the reader fails or refuses ("niet", "te laat", "weigert").
    pub(crate) fn failing_condition(&self) -> Option<usize> {
        self.clauses
            .iter()
            .position(|c| c.kind == ClauseKind::Condition && self.fails(c.words.clone()))
    }

    /// Whether these words say someone fails: a negation, "te laat/lang/weinig",
    /// "ten onrechte", "teveel", "onvoldoende", or a word of the concept fail
    /// ("weigert", "achterstand").
    pub(crate) fn fails(&self, words: Range<usize>) -> bool {
        words.clone().any(|i| {
            let w = &self.words[i];
            // "het (er) niet (mee) eens zijn" disagrees; it fails nothing.
            let disagrees = || {
                w.lower() == "niet"
                    && (self.is(i + 1, &["eens"])
                        || self.is(i + 1, &["mee"]) && self.is(i + 2, &["eens"]))
                    && i.checked_sub(1).is_some_and(|p| self.is(p, &["het", "er"]))
            };
            is_negation(w.lower()) && !disagrees()
                || w.concepts.contains(Concept::Fail)
                || w.concepts.contains(Concept::Fraud)
                || (w.lower() == "te"
                    && self.is(i + 1, &["laat", "lang", "weinig", "veel", "vroeg", "hoog", "hoge"]))
                // "ten onrechte", "teveel ontvangen": money received that was not due.
                || matches!(w.lower(), "onrechte" | "teveel")
                || matches!(w.lower(), "onvoldoende" | "zomaar" | "uitblijft" | "uit")
                    && i + 1 >= words.end
        })
    }

    /// Whether the sentence is a heading of bare words that names a subject:
    /// no article, pronoun or possessive (the subject marks: "de", "het",
    /// "een", "u", "uw", "je") and no finite verb ("Loonbeslag", "Weigeren
    /// huisbezoek", "Sociale recherche"), or a heading that asks what the text
    /// under it answers ("Wat is fraude?", "In welke gevallen moet ik …"), or a
    /// label that leads into a list ("Voorbeelden van fraude:"). It tells the
    /// reader nothing that happens to them; the text under it does, and is checked.
    pub(crate) fn names_a_subject(&self) -> bool {
        // A heading's question often has no question mark ("## Wat is fraude");
        // the reader's own question is in the first person.
        let asks = |w: &ToneWord| {
            w.marks & marks::QUESTION_WORD != 0 || matches!(w.lower(), "ik" | "mijn")
        };
        self.label
            || self.heading
                && (self.words.iter().take(3).any(asks)
                    || !self.words.iter().any(|w| {
                        w.marks & marks::SUBJECT != 0
                        // "stopt", "stopte": a finite verb that is not an infinitive.
                        || (w.morph.finite_verb && !w.lower().ends_with("en"))
                    }))
    }

    /// Whether the sentence informs about sanctions without aiming them at the
    /// reader (see [`frame`]); read once, when a rule first asks.
    pub(crate) fn informs(&self, doc: &Document<'_>) -> bool {
        *self.informs.get_or_init(|| {
            // The cheap test first: only a sentence with a loaded word needs its frame.
            self.concepts.intersects(LOADED) && frame::informs(self, &doc.prose.blocks[self.block])
        })
    }

    /// Whether it offers help or reassurance ([`help`]).
    pub(crate) fn offers_help(&self) -> bool {
        self.help != Help::None
    }

    /// The byte range in the block text of words `first..=last`.
    pub(crate) fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.words[first].range().start..self.words[last].range().end
    }
}

/// Builds the tone view of every sentence of an doc.
fn build(doc: &Document<'_>, morphology: &DocumentMorphology) -> Vec<ToneSentence> {
    // The marks of each distinct form, once.
    let form_marks: Vec<u64> = morphology.words.iter().map(|w| marks::of(w)).collect();
    // The distinct forms, shared by the words of the view.
    let forms: std::rc::Rc<Vec<Arc<WordMorph>>> = std::rc::Rc::new(morphology.words.clone());
    // Whether punctuation stands before each word of a sentence (one buffer for all).
    let mut punctuated: Vec<bool> = Vec::new();
    let mut sentences: Vec<ToneSentence> = doc
        .sentences
        .iter()
        .zip(morphology.sentences())
        .map(|(facts, words)| {
            let text = &doc.prose.blocks[facts.block].text;
            let tokens = &doc.segments[facts.block].tokens;
            let mut sentence = ToneSentence {
                block: facts.block,
                range: facts.range.clone(),
                words: Vec::with_capacity(words.len()),
                clauses: Vec::new(),
                question: text[facts.range.clone()].trim_end().ends_with('?'),
                verb_first_question: false,
                starts_with_dan: false,
                help: Help::None,
                restricted: false,
                concepts: ConceptSet::EMPTY,
                marks: 0,
                objection_block: false,
                legal_basis: false,
                heading: reading::stands_as_heading(&doc.prose.blocks[facts.block]),
                label: false,
                dated_past: false,
                limit_words: LimitWords::default(),
                informs: std::sync::OnceLock::new(),
                consequence_words: Vec::new(),
            };
            // First the words, with whether punctuation stands before each.
            punctuated.clear();
            let mut previous_token: Option<usize> = None;
            for token in words {
                punctuated.push(previous_token.is_some_and(|previous| {
                    let between = &tokens[previous + 1..token.token()];
                    between.iter().enumerate().any(|(j, t)| {
                        let mark = &text[t.range()];
                        // "€ 7000,-": the comma and dash of an amount break nothing.
                        let in_amount = matches!(mark, "," | "-")
                            && between[..j]
                                .iter()
                                .rev()
                                .find(|t| !matches!(&text[t.range()], "," | "-"))
                                .is_some_and(|t| {
                                    text[t.range()].ends_with(|c: char| c.is_ascii_digit())
                                });
                        !in_amount
                            && (matches!(mark, "," | ";" | ":" | "–" | "-")
                                || (matches!(mark, "(" | ")") && !short_aside(text, t.range())))
                    })
                }));
                previous_token = Some(token.token());
                sentence.concepts = sentence.concepts.union(token.concepts);
                sentence.marks |= form_marks[token.word()];
                let range = tokens[token.token()].range();
                let offset =
                    |at: usize| u32::try_from(at).expect("a block of text shorter than 4 GiB");
                // ASCII decides from its byte; another letter is decoded.
                let capitalised = match text.as_bytes()[range.start] {
                    byte if byte.is_ascii() => byte.is_ascii_uppercase(),
                    _ => text[range.clone()]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase),
                };
                sentence.words.push(ToneWord {
                    start: offset(range.start),
                    end: offset(range.end),
                    morph: morph_ref::MorphRef::new(&forms, token.word()),
                    concepts: token.concepts,
                    clause: 0,
                    marks: form_marks[token.word()]
                        | if capitalised { marks::CAPITALISED } else { 0 },
                });
            }
            // Then the clause breaks: punctuation, a word that starts a clause, "dat"
            // and "die" inside the sentence, and "dan", "en", "maar", "of" before a
            // finite verb ("… dan wordt uw uitkering …", "… en wordt afgesloten").
            let mut clause = 0;
            sentence.label = reading::is_label(&doc.prose.blocks[facts.block], &sentence.words);
            sentence.limit_words = LimitWords::of_marks(sentence.marks);
            for (k, after_punctuation) in punctuated.iter().enumerate().skip(1) {
                // The cheap test first: a word that can break a clause, or punctuation.
                if !*after_punctuation && sentence.words[k].marks & marks::CLAUSE_WORD == 0 {
                    sentence.words[k].clause = clause;
                    continue;
                }
                let lower = sentence.words[k].lower();
                let before_verb = sentence.words.get(k + 1).is_some_and(is_finite_verb);
                // "niet naar u maar naar de deurwaarder": "maar" ends what "niet" negates.
                let negation_before = || {
                    sentence.words[..k]
                        .iter()
                        .rev()
                        .take_while(|w| w.clause == clause)
                        .any(|w| is_negation(w.lower()))
                };
                // "mocht u …" opens a condition; "dat hij het mocht houden" is a past tense.
                let breaks = *after_punctuation
                    || (starts_clause(lower)
                        && !(lower == "als"
                            && (as_role(&sentence.words, k)
                                || as_comparison(&sentence.words, k))))
                    || (matches!(lower, "mocht" | "mochten")
                        && sentence.is(k + 1, &["u", "je", "jij", "het", "er"]))
                    || lower == "die"
                    || (lower == "maar" && negation_before())
                    // "controleren of de klant …": "of" after a verb asks a question of its own.
                    || (lower == "of"
                        && sentence.words[k - 1].morph.verb.is_some()
                        && sentence.has(k + 1, marks::SUBJECT))
                    // "dat" starts a clause before its subject ("dat u …"), not as an object ("u dat wilt").
                    || (lower == "dat" && sentence.has(k + 1, marks::SUBJECT))
                    // "het deel dat wordt ingetrokken": a relative clause; not the
                    // object of "kunt u dat melden" (verb, subject, "dat", infinitive).
                    || (lower == "dat"
                        && before_verb
                        && !(k >= 2
                            && sentence.has(k - 1, marks::SUBJECT)
                            && is_finite_verb(&sentence.words[k - 2])))
                    // "… in te houden en niet aan u uit te betalen": the negation is the second part's.
                    || (matches!(lower, "en" | "maar")
                        && sentence.words.get(k + 1).is_some_and(|w| is_negation(w.lower())))
                    || (matches!(lower, "dan" | "en" | "maar" | "of")
                        && before_verb
                        && !(lower == "dan" && comparative(&sentence.words[k - 1])));
                if breaks {
                    clause += 1;
                }
                sentence.words[k].clause = clause;
            }
            // A condition clause without a comma ends where two finite verbs meet
            // ("Als de rekening open blijft | volgt een aanmaning …"), or
            // where a verb is followed by its subject after another verb ("… is
            // geweest | zijn wij genoodzaakt …").
            let mut start = 0;
            // Only a condition that opens with "als", "wanneer" … ends this way.
            let open_condition = sentence.marks & marks::CONDITION_OPEN != 0;
            for k in 1..sentence.words.len().saturating_sub(1) {
                if !open_condition {
                    break;
                }
                let clause = sentence.words[k].clause;
                if clause != sentence.words[k - 1].clause {
                    start = k;
                }
                let verb = |w: &ToneWord| is_finite_verb(w) && w.lower() != "te";
                // Only a finite form opens the main clause ("zal", "kan", "wordt"), not
                // the participle or infinitive of a verb cluster ("heeft ontvangen").
                let finite_only = |w: &ToneWord| {
                    verb(w)
                        && w.morph.kind != crate::morphology::FormKind::Participle
                        && (w.lower().ends_with('t') || FINITE_AUXILIARIES.contains(&w.lower()))
                };
                let ends = k >= start + 2
                    && (verb(&sentence.words[k]) || sentence.is(k, &["zijn", "is", "hebben"]))
                    && !sentence.is(k - 1, &["te"])
                    && (finite_only(&sentence.words[k + 1])
                        || (sentence.is(k + 1, INVERTED_SUBJECTS)
                            && (sentence.words[k - 1].morph.verb.is_some()
                                || sentence.words[k - 1].morph.finite_verb)
                            && !sentence.is(k - 2, &["te"])));
                // "Als u niet meewerkt aan het huisbezoek | kan dit …": after the
                // condition's own finite verb and what follows it, a finite
                // auxiliary opens the main clause.
                let ends = ends
                    || (k >= start + 3
                        && !verb(&sentence.words[k])
                        && sentence.words[k].marks & (marks::NEGATION | marks::CLAUSE_WORD) == 0
                        && !sentence.is(k, &["te"])
                        && sentence.is(k + 1, MAIN_CLAUSE_AUXILIARIES)
                        && (start + 1..k)
                            .rev()
                            .take_while(|&j| !sentence.is(j, &["en", "of", "maar"]))
                            .any(|j| verb(&sentence.words[j])));
                if ends
                    && sentence.words[k + 1].clause == clause
                    && CONDITION_WORDS[..5].contains(&sentence.words[start].lower())
                {
                    for word in &mut sentence.words[k + 1..] {
                        word.clause += 1;
                    }
                    if !finite_only(&sentence.words[k + 1]) {
                        // The verb before its subject belongs to the main clause.
                        sentence.words[k].clause += 1;
                    }
                }
            }
            // "Bij een achterstand schakelen wij …": a condition that opens with a
            // preposition ends at the finite verb of the main clause.
            if sentence.is(0, &["bij", "zonder", "na"]) {
                let first_clause = sentence.words[0].clause;
                if let Some(verb) = (2..sentence.words.len()).find(|&k| {
                    sentence.words[k].clause == first_clause && is_finite_verb(&sentence.words[k])
                }) {
                    for word in &mut sentence.words[verb..] {
                        word.clause += 1;
                    }
                }
            }
            let mut start = 0;
            for i in 0..=sentence.words.len() {
                if i == sentence.words.len()
                    || sentence.words[i].clause != sentence.words[start].clause
                {
                    if start < i {
                        let kind = clause_kind(&sentence, start..i);
                        let negated = (start..i).any(|k| {
                            sentence.words[k].marks & marks::NEGATION != 0 && negates(&sentence, k)
                        });
                        sentence.clauses.push(Clause {
                            words: start..i,
                            kind,
                            negated,
                        });
                    }
                    start = i;
                }
            }
            // Renumber the words' clauses to the clause list.
            for (index, clause) in (0u32..).zip(&sentence.clauses) {
                for k in clause.words.clone() {
                    sentence.words[k].clause = index;
                }
            }
            // "Als u heeft laten zien dat u zich aan de regels houdt, …": a clause
            // with "dat", "die" or "of" inside a condition is part of that condition.
            for c in 1..sentence.clauses.len() {
                let start = sentence.clauses[c].words.start;
                if sentence.clauses[c - 1].kind == ClauseKind::Condition
                    && sentence.is(start, &["dat", "die", "of"])
                    && !punctuated[start]
                {
                    sentence.clauses[c].kind = ClauseKind::Condition;
                }
            }
            // "Verandert er iets en meldt u dat niet, dan …": a second verb-first
            // clause joined to a first condition with "en" or "of" is a condition too.
            for c in 1..sentence.clauses.len() {
                let start = sentence.clauses[c].words.start;
                if sentence.clauses[c - 1].kind == ClauseKind::Condition
                    && sentence.is(start, &["en", "of"])
                    && sentence.words.get(start + 1).is_some_and(is_finite_verb)
                    && sentence.has(start + 2, marks::SUBJECT)
                {
                    sentence.clauses[c].kind = ClauseKind::Condition;
                }
            }
            sentence.verb_first_question = sentence.question && verb_first(&sentence, 0);
            if sentence.verb_first_question {
                if let Some(first) = sentence.clauses.first_mut() {
                    first.kind = ClauseKind::Condition;
                }
            }
            sentence.starts_with_dan = sentence.is(0, &["dan"]) || sentence.is(1, &["dan"]);
            sentence.legal_basis = sentence.marks & marks::LEGAL != 0;
            sentence.dated_past = dated_past(&sentence, text);
            sentence.consequence_words = find_consequences(&sentence);
            sentence.restricted = restricted(&sentence);
            sentence.help = help(&sentence);
            // The cheap test first: only a sentence with a loaded word needs its frame.
            sentence
        })
        .collect();
    objection_sections(doc, &mut sentences);
    // "Reageert u niet? Dan …": the question is the condition of the next sentence.
    for i in 1..sentences.len() {
        if sentences[i - 1].verb_first_question && sentences[i].starts_with_dan {
            if let Some(first) = sentences[i].clauses.first_mut() {
                first.kind = ClauseKind::Plain;
            }
        }
    }
    sentences
}

/// Whether a word reads as a finite verb ("betaalt", "schakelen", "zet").
fn is_finite_verb(word: &ToneWord) -> bool {
    word.morph.finite_verb
}

/// Whether the text is a letter for the tone rules: a rendered letter, or a text
/// that opens with a greeting ("Beste mevrouw Jansen,") after at most a few
/// lines (a draft mark, a title). A letter may state its own decision once.
pub(crate) fn is_letter(doc: &Document<'_>) -> bool {
    doc.is_letter
        || doc.event_type.is_some()
        || doc.prose.blocks.iter().take(6).any(|block| {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            (lower.starts_with("beste ") || lower.starts_with("geachte ")) && text.ends_with(',')
        })
}

/// The tone view of every sentence of an doc (built once).
pub(crate) fn sentences<'a>(doc: &'a Document<'_>) -> &'a [ToneSentence] {
    doc.tone.get_or_init(|| build(doc, doc.morphology()))
}
