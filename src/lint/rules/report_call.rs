//! ## What it flags
//! A call on others to report people: "Vermoedt u fraude? Meld het bij ons",
//! "U kunt een melding doen, ook anoniem", "Dit mag ook anoniem". Found through
//! the concepts report, anonymous, fraud and suspect, also across a question
//! and the next sentence.
//!
//! Not flagged: "Meld u ziek" and other reports about oneself, and an
//! anonymous help line ("U kunt ook anoniem bellen met de hulplijn").
//!
//! ## Why it matters to the reader
//! A reader on bijstand who sees neighbours invited to report, even
//! anonymously, feels watched by everyone around them.
//!
//! ## Example
//! "Vermoedt u dat iemand fraude pleegt? Meld het anoniem."
//!
//! ## Use instead
//! Leave it out of letters to people on a benefit.

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::{Concept, ConceptSet};
use crate::readability::Document;
use crate::readability::tone::{self, marks};

const BAD: &str = "Vermoedt u dat iemand fraude pleegt? Meld het anoniem.";
const GOOD: &str = "Hebt u vragen over uw uitkering? Bel ons gerust.";

/// Calls to report others.
pub(crate) struct ReportCall;

impl Rule for ReportCall {
    fn id(&self) -> &'static str {
        "report-call"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een oproep om anderen te melden, ook anoniem: \"Vermoedt u fraude? Meld het bij ons.\"",
            why: "Wie leest dat buren en kennissen worden gevraagd hem te melden, voelt zich door iedereen bekeken.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let sentences = tone::sentences(doc);
        let suspicion = ConceptSet::of(&[Concept::Fraud, Concept::Suspect]);
        for (i, sentence) in sentences.iter().enumerate() {
            // The cheap test first: a word of reporting, anonymity, a name,
            // "doorgeven", or a way to tell us ("laat het ons weten", "vertel het ons").
            let candidate = sentence
                .concepts
                .intersects(ConceptSet::of(&[Concept::Report, Concept::Anonymous]))
                || sentence.marks & marks::NAME_OR_ON != 0
                // "Laat het ons weten" counts only after a question.
                || (i >= 1
                    && sentences[i - 1].question
                    && sentences[i - 1].block == sentence.block
                    && sentence.marks & marks::TELLS_US != 0);
            if !candidate {
                continue;
            }
            let previous = i
                .checked_sub(1)
                .map(|p| &sentences[p])
                .filter(|p| p.block == sentence.block);
            // Passing something on is a report when it is about someone else
            // ("Weet u dat iemand zwart werkt? Geef het door"), not one's own changes.
            let this_about_someone = about_someone(sentence);
            let about_other = this_about_someone || previous.is_some_and(about_someone);
            // "Weet je niet zeker of je iets moet melden?": the reader's own doubt is no suspicion.
            let suspects = |s: &tone::ToneSentence| {
                (0..s.words.len()).any(|k| {
                    s.words[k].concepts.intersects(suspicion)
                        && !(!s.words[k].concepts.contains(Concept::Fraud)
                            && (s.is(k + 1, &["u", "je", "jij"])
                                || (k >= 1 && s.is(k - 1, &["u", "je", "jij"]))))
                })
            };
            // The question a report answers: the sentence before, one more back when
            // that is a question too ("Denkt u dat …? Of dat …? U kunt dit melden."),
            // or across a paragraph break before "Dan …".
            let asked = (1..=2)
                .filter_map(|back| i.checked_sub(back))
                .map(|p| &sentences[p])
                .take_while(|p| {
                    p.question
                        && (p.block == sentence.block
                            || (sentence.starts_with_dan && p.block + 1 == sentence.block))
                })
                .any(|p| suspects(p) || about_someone(p));
            let about_suspicion = suspects(sentence) || this_about_someone || asked;
            // "Meld u ziek", "meld je": reporting oneself.
            let reports: Vec<usize> = (0..sentence.words.len())
                .filter(|&k| {
                    let w = &sentence.words[k];
                    w.concepts.contains(Concept::Report)
                        // "Laat het ons weten", "Wij horen het graag", after a question about someone.
                        || (previous.is_some_and(|p| p.question && about_someone(p))
                            && tells_us(w)
                            && sentence.words.iter().any(|v| matches!(v.lower(), "ons" | "wij" | "we")))
                        // "Geef het door": a report, when it is about someone else.
                        || (w.reads_as("doorgeven") || w.morph.form == "door")
                            && about_other
                            && sentence.words.iter().any(|v| v.reads_as("geven"))
                })
                .filter(|&k| !sentence.is(k + 1, &["u", "je", "jij", "zich"]))
                .collect();
            // "anoniem", and "uw naam wordt niet doorgegeven", "zonder uw naam".
            let anonymous: Vec<usize> = (0..sentence.words.len())
                .filter(|&k| {
                    sentence.words[k].concepts.contains(Concept::Anonymous)
                        || (sentence.words[k].lower() == "naam"
                            && (sentence.clause_of(k).negated
                                || (k >= 2 && sentence.is(k - 2, &["zonder"])))
                            && about_reporting(sentence, previous))
                })
                .collect();
            let mut words = Vec::new();
            if about_suspicion {
                words.extend(&reports);
            }
            // "anoniem bellen met de hulplijn" helps; anonymous reporting does not.
            if !sentence.offers_help() || sentence.concepts.contains(Concept::Report) {
                words.extend(&anonymous);
            }
            if words.is_empty() {
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit vraagt anderen om mensen te melden. Wie een uitkering heeft, leest dat buren en kennissen hem in de gaten houden.",
                "Laat dit weg uit brieven aan mensen met een uitkering. Wilt u iets weten? Vraag het de lezer zelf.",
            ));
        }
    }
}

/// A question or statement about what a third person does: "Denkt u dat iemand
/// ten onrechte een uitkering krijgt?", "Weet u dat uw buurman zwart werkt?".
fn about_someone(sentence: &tone::ToneSentence) -> bool {
    // The cheap test first: most sentences name no one else.
    let someone = sentence.words.iter().any(|w| {
        matches!(
            w.lower(),
            "iemand"
                | "buurman"
                | "buurvrouw"
                | "buren"
                | "kennis"
                | "kennissen"
                | "persoon"
                | "iemands"
                | "omgeving"
                | "buurt"
                | "straat"
        )
    });
    if !someone {
        return false;
    }
    let believes = sentence.words.iter().any(|w| {
        [
            "denken",
            "vermoeden",
            "weten",
            "zien",
            "merken",
            "twijfelen",
        ]
        .iter()
        .any(|v| w.reads_as(v))
    });
    // Something wrong: "ten onrechte", "zwart werken", "misbruik", more people
    // than are registered, "klopt er iets niet".
    let wrong = sentence.words.iter().enumerate().any(|(k, w)| {
        w.lower() == "onrechte"
            || w.lower() == "zwart"
            || w.lower() == "ingeschreven"
            || w.concepts.contains(Concept::Fraud)
            // "stiekem samenwonen", "heimelijk werken".
            || w.concepts.contains(Concept::Unannounced)
            || w.reads_as("samenwonen")
            || (w.reads_as("kloppen") && sentence.clause_of(k).negated)
    });
    believes || wrong
}

/// A verb of telling the organisation: "laat het ons weten", "vertel het ons",
/// "wij horen het graag", "neem contact op", "bel ons", "mail ons" (the mark
/// [`marks::TELLS_US`] of its form).
fn tells_us(word: &tone::ToneWord) -> bool {
    word.marks & marks::TELLS_US != 0
}

/// Whether the sentence or the one before it is about reporting someone.
fn about_reporting(sentence: &tone::ToneSentence, previous: Option<&tone::ToneSentence>) -> bool {
    let reporting = |s: &tone::ToneSentence| {
        s.concepts.contains(Concept::Report)
            || about_someone(s)
            || s.words
                .iter()
                .any(|w| matches!(w.lower(), "persoon" | "iemand" | "melder"))
    };
    reporting(sentence) || previous.is_some_and(reporting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn calls_to_report_are_flagged() {
        for text in [
            "Vermoedt u dat iemand fraude pleegt? Meld het anoniem.",
            "Fraude met een uitkering kunt u bij ons melden.",
            "Laat het ons weten via het meldpunt. U mag anoniem blijven.",
            "Ziet u dat iemand zwart werkt naast de bijstand? Meld het bij ons.",
            "Uw naam geven wij niet door aan de persoon over wie het gaat.",
            "De meeste melders tippen ons anoniem, per mail of door te bellen.",
            // "Tell us" in other words, after a question about someone else.
            "Weet u van iemand die zwart bijklust? Laat het ons dan weten.",
            "Woont er iemand in uw buurt heimelijk samen? Vertel het ons.",
            "Meldingen over zwartwerk kunnen bij ons worden gedaan.",
            // The suspicion two questions back, or in the paragraph before "Dan …".
            "Denkt u dat uw buurman zwart werkt? Of dat hij zijn woning verhuurt? U kunt dit bij ons melden.",
            "Denkt u dat iemand fraude pleegt?\n\nDan kunt u dat bij ons melden.",
        ] {
            assert!(!findings_of(&ReportCall, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn reporting_oneself_and_help_lines_are_not_flagged() {
        for text in [
            "Meld u ziek bij uw werkgever.",
            "U kunt ook anoniem bellen met de hulplijn.",
            "Wilt u een verhuizing melden? Dat kan online.",
            "Zet uw naam niet op de envelop, maar wel op het formulier.",
            "Denkt u dat u recht hebt op toeslag? Vraag het dan aan.",
            "Twijfelt u of u een verandering moet doorgeven? Bel ons gerust.",
            "Weet je niet zeker of je iets moet melden? Neem dan contact met ons op.",
            "Kent u iemand die ook hulp nodig heeft? Laat het ons weten.",
            // Two questions about the reader, or a statement before the paragraph break.
            "Bent u ziek? Of hebt u een ongeluk gehad? U kunt dit bij ons melden.",
            "Hebt u een nieuwe baan?\n\nDan kunt u dat bij ons melden.",
            "Wij onderzoeken fraude.\n\nDan kunt u dat bij ons melden.",
        ] {
            assert!(findings_of(&ReportCall, text).is_empty(), "{text}");
        }
    }
}
