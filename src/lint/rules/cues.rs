//! Which rules' cue words each word form and each sentence holds, found once
//! a text for all the wording rules.
//!
//! Most wording rules look closer only at a sentence with one of a few words
//! ("worden", "zal", "niet", "van", a formal verb, the last word of a jargon
//! term). Each rule used to test every word form of the text against its own
//! words and then walk every sentence's words for a marked one: ten walks over
//! the same forms and sentences. [`Cues`] does both walks once, with one bit a
//! cue ([`Cue`]), kept with the document; a rule then asks one number per
//! sentence. Each cue's test stays in the rule's own file: this module only calls it.

use super::{
    double_negative, formal_word, future_with_zullen, impersonal_subject, long_lead_clause,
    nominalisation, passive_with_worden, tang_construction, unexplained_jargon,
};
use crate::morphology::WordMorph;
use crate::readability::Document;

/// One cue, or a set of them: a bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue(u16);

impl Cue {
    /// The first word of a form of a formal verb (formal-word).
    pub(crate) const FORMAL_VERB: Cue = Cue(1);
    /// An inflected form of a single formal word, found through its lemma (formal-word).
    pub(crate) const FORMAL_INFLECTED: Cue = Cue(1 << 1);
    /// A form of "worden" (passive-with-worden).
    pub(crate) const WORDEN: Cue = Cue(1 << 2);
    /// A form of "zullen" (future-with-zullen).
    pub(crate) const ZULLEN: Cue = Cue(1 << 3);
    /// "men" or "bedoeling" (impersonal-subject).
    pub(crate) const MEN: Cue = Cue(1 << 4);
    /// "er" (impersonal-subject).
    pub(crate) const ER: Cue = Cue(1 << 5);
    /// "wordt", "worden", "werd", "werden" (impersonal-subject).
    pub(crate) const ER_WORDT: Cue = Cue(1 << 6);
    /// A negation (double-negative).
    pub(crate) const NEGATION: Cue = Cue(1 << 7);
    /// "door" (tang-construction).
    pub(crate) const DOOR: Cue = Cue(1 << 8);
    /// "van" (nominalisation).
    pub(crate) const VAN: Cue = Cue(1 << 9);
    /// A word that can end a jargon term (unexplained-jargon).
    pub(crate) const JARGON_END: Cue = Cue(1 << 10);
    /// A word of a separable verb ("zet … stop"); a mark of the token, not of its form (tang-construction).
    pub(crate) const SEPARABLE: Cue = Cue(1 << 11);
    /// A form that can hide a verb before "van" (nominalisation).
    pub(crate) const HIDES_VERB: Cue = Cue(1 << 12);
    /// A "van" with one of the two words before it a [`Cue::HIDES_VERB`]: a mark
    /// of the sentence, not of a form (nominalisation).
    pub(crate) const VAN_AFTER_VERB: Cue = Cue(1 << 13);
    /// A word that opens a lead clause ("als", "omdat") (long-lead-clause).
    pub(crate) const OPENER: Cue = Cue(1 << 14);
    /// The sentence's first word is an [`Cue::OPENER`]: a mark of the sentence,
    /// not of a form (long-lead-clause).
    pub(crate) const OPENS_WITH_OPENER: Cue = Cue(1 << 15);

    /// Whether the two sets share a cue.
    pub(crate) fn meets(self, other: Cue) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Cue {
    type Output = Cue;
    fn bitor(self, other: Cue) -> Cue {
        Cue(self.0 | other.0)
    }
}

/// A rule's test of a word form.
type FormTest = fn(&WordMorph) -> bool;

/// Each cue of a word form with the rule's own test of a form.
const FORM_CUES: &[(Cue, FormTest)] = &[
    (Cue::FORMAL_VERB, formal_word::starts_formal_verb),
    (Cue::FORMAL_INFLECTED, formal_word::is_inflected_formal_word),
    (Cue::WORDEN, passive_with_worden::is_worden),
    (Cue::ZULLEN, future_with_zullen::is_zullen),
    (Cue::MEN, impersonal_subject::is_men),
    (Cue::ER, impersonal_subject::is_er),
    (Cue::ER_WORDT, impersonal_subject::is_er_wordt),
    (Cue::NEGATION, double_negative::is_negation),
    (Cue::DOOR, tang_construction::is_door),
    (Cue::VAN, nominalisation::is_van),
    (Cue::JARGON_END, unexplained_jargon::may_end_term),
    (Cue::HIDES_VERB, nominalisation::may_hide_verb),
    (Cue::OPENER, long_lead_clause::is_opener),
];

/// The cues of every word form and every sentence of a document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cues<'d> {
    /// Per word form of the morphology layer ([`crate::morphology::DocumentMorphology::words`]).
    forms: &'d [u16],
    /// Per sentence: the cues of its words, or-ed.
    sentences: &'d [u16],
}

impl<'d> Cues<'d> {
    /// The cues of `doc`, found on first use and kept with the document ([`Document::cues`]).
    pub(crate) fn of(doc: &'d Document<'_>) -> Cues<'d> {
        let (forms, sentences) = doc.cues.get_or_init(|| find(doc));
        Cues { forms, sentences }
    }

    /// Whether sentence `index` has a word with one of `cues`.
    pub(crate) fn sentence_has(self, index: usize, cues: Cue) -> bool {
        Cue(self.sentences[index]).meets(cues)
    }

    /// Whether word form `word` (an index into the morphology layer's words) is one of `cues`.
    pub(crate) fn form_is(self, word: usize, cues: Cue) -> bool {
        Cue(self.forms[word]).meets(cues)
    }
}

/// The cues of each word form and each sentence of `doc`.
fn find(doc: &Document<'_>) -> (Vec<u16>, Vec<u16>) {
    let morphology = doc.morphology();
    let forms: Vec<Cue> = morphology
        .words
        .iter()
        .map(|word| {
            FORM_CUES
                .iter()
                .filter(|(_, test)| test(word))
                .fold(Cue(0), |cues, (cue, _)| cues | *cue)
        })
        .collect();
    let sentences: Vec<u16> = morphology
        .sentences()
        .map(|words| {
            let first = words
                .first()
                .filter(|token| forms[token.word()].meets(Cue::OPENER))
                .map_or(Cue(0), |_| Cue::OPENS_WITH_OPENER);
            // Whether each of the two words before this one can hide a verb.
            let mut hides = (false, false);
            words.iter().fold(first, |cues, token| {
                let form = forms[token.word()];
                let separable = if token.separable.is_some() {
                    Cue::SEPARABLE
                } else {
                    Cue(0)
                };
                let van = if form.meets(Cue::VAN) && (hides.0 || hides.1) {
                    Cue::VAN_AFTER_VERB
                } else {
                    Cue(0)
                };
                hides = (hides.1, form.meets(Cue::HIDES_VERB));
                cues | form | separable | van
            })
        })
        .map(|cues: Cue| cues.0)
        .collect();
    (forms.into_iter().map(|cues| cues.0).collect(), sentences)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{SourceKind, prose};
    use crate::readability::ReadabilityConfig;

    /// The cues of a sentence are those of its words, each found by the rule's own test.
    #[test]
    fn a_sentence_holds_the_cues_of_its_words() {
        let config = ReadabilityConfig::default();
        let text = "Indien u de aanvraag niet tijdig indient, zal er niets worden gedaan door ons.\n\n\
                    Men zet de verwarming in de winter een keer per week aan.\n\n\
                    Wij bellen u morgen.";
        let doc = Document::new(text, prose(text, SourceKind::PlainText), &config);
        let cues = Cues::of(&doc);
        assert_eq!(doc.sentences.len(), 3);
        for cue in [
            Cue::ZULLEN,
            Cue::ER,
            Cue::ER_WORDT,
            Cue::WORDEN,
            Cue::NEGATION,
            Cue::DOOR,
        ] {
            assert!(cues.sentence_has(0, cue), "{cue:?} in the first sentence");
        }
        assert!(!cues.sentence_has(0, Cue::MEN));
        assert!(cues.sentence_has(1, Cue::MEN));
        assert!(cues.sentence_has(1, Cue::SEPARABLE), "zet … aan");
        assert!(!cues.sentence_has(1, Cue::NEGATION | Cue::ZULLEN));
        assert!(cues.sentence_has(2, Cue::HIDES_VERB), "bellen");
        assert!(
            !cues.sentence_has(2, Cue(!Cue::HIDES_VERB.0)),
            "no other cue"
        );
        let morphology = doc.morphology();
        for (index, words) in morphology.sentences().enumerate() {
            for token in words {
                let word = morphology.word(token);
                for (cue, test) in FORM_CUES {
                    assert_eq!(
                        cues.form_is(token.word(), *cue),
                        test(word),
                        "{}",
                        word.form
                    );
                    if test(word) {
                        assert!(cues.sentence_has(index, *cue));
                    }
                }
            }
        }
    }

    /// The two marks of a sentence (not of a form) say what the rules asked
    /// before there were cues, on the texts of tests/fixtures/texts/: the first
    /// word an opener in any case, and a "van" after a word that can hide a verb.
    #[test]
    fn the_sentence_marks_agree_with_the_rules_own_walks() {
        let config = ReadabilityConfig::default();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        let (mut openers, mut vans) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let doc = Document::new(&text, prose(&text, SourceKind::Markdown), &config);
            let cues = Cues::of(&doc);
            let morphology = doc.morphology();
            for (index, sentence) in doc.sentences.iter().enumerate() {
                let block = &doc.prose.blocks[sentence.block].text;
                let opener = doc.segments[sentence.block].tokens[sentence.tokens.clone()]
                    .iter()
                    .find(|t| t.kind == crate::text::segment::TokenKind::Word)
                    .is_some_and(|first| {
                        [
                            "als", "indien", "wanneer", "omdat", "doordat", "nadat", "voordat",
                        ]
                        .iter()
                        .chain(&["zodra", "hoewel", "tenzij", "terwijl", "aangezien"])
                        .chain(&["zolang", "totdat", "mits", "ofschoon"])
                        .any(|o| block[first.range()].eq_ignore_ascii_case(o))
                    });
                assert_eq!(cues.sentence_has(index, Cue::OPENS_WITH_OPENER), opener);
                openers += usize::from(opener);
                let morphs = morphology.sentence(index);
                let van = morphs.iter().enumerate().any(|(k, t)| {
                    morphology.word(t).form == "van"
                        && morphs[k.saturating_sub(2)..k]
                            .iter()
                            .any(|p| nominalisation::may_hide_verb(morphology.word(p)))
                });
                assert_eq!(cues.sentence_has(index, Cue::VAN_AFTER_VERB), van);
                vans += usize::from(van);
            }
        }
        assert!(openers > 0 && vans > 0, "{openers} {vans}");
    }
}
