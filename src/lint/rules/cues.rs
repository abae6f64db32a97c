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
    double_negative, formal_word, future_with_zullen, impersonal_subject, nominalisation,
    passive_with_worden, tang_construction, unexplained_jargon,
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
            words.iter().fold(Cue(0), |cues, token| {
                let separable = if token.separable.is_some() {
                    Cue::SEPARABLE
                } else {
                    Cue(0)
                };
                cues | forms[token.word] | separable
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
        assert!(!cues.sentence_has(2, Cue(u16::MAX)), "no cue at all");
        let morphology = doc.morphology();
        for (index, words) in morphology.sentences().enumerate() {
            for token in words {
                let word = morphology.word(token);
                for (cue, test) in FORM_CUES {
                    assert_eq!(cues.form_is(token.word, *cue), test(word), "{}", word.form);
                    if test(word) {
                        assert!(cues.sentence_has(index, *cue));
                    }
                }
            }
        }
    }
}
