//! ## What it flags
//! A duty laid on the reader with a consequence left unsaid: work or an offer
//! the reader may not refuse ("Dit werk mag u niet weigeren"), cooperation or
//! rules the reader must keep ("U moet meewerken aan het onderzoek", "U moet
//! zich aan de regels houden", "Aan de tegenprestatie moet u meedoen"), and a
//! duty to keep one's money ("Om uw uitkering te houden, moet u …").
//!
//! Not flagged: a duty next to an offer of help (a duty stated once, with a
//! way to get help, is information), the first duty in a letter that offers
//! help (the duty the letter is about, stated once), a duty that is lifted ("U hoeft niet mee
//! te doen"), a question, a condition ("Als u moet solliciteren, …") and the
//! organisation's own duty ("Wij moeten u eerst horen").
//!
//! ## Why it matters to the reader
//! "You must" without a reason or a way out sounds like an order with a
//! punishment behind it. People on bijstand hear: do this, or lose your money.
//!
//! ## Example
//! "U moet meewerken aan alles wat de consulent vraagt."
//!
//! ## Use instead
//! "Wij vragen u om mee te doen aan een gesprek met de consulent. Lukt dat niet, of hebt u vragen? Bel Ilse Verhoef."

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::readability::Document;
use crate::readability::tone::{self, ClauseKind, ToneSentence, marks};

const BAD: &str = "U moet meewerken aan alles wat de consulent vraagt.";
const GOOD: &str = "Wij vragen u om mee te doen aan een gesprek met de consulent. Lukt dat niet, of hebt u vragen? Bel Ilse Verhoef.";

/// Verbs of complying: what a reader "must" do under pressure.
const COMPLY: &[&str] = &[
    "meewerken",
    "meedoen",
    "solliciteren",
    "accepteren",
    "aanvaarden",
    "opvolgen",
    "nakomen",
    "naleven",
    "verschijnen",
    "houden",
];

/// Verbs of refusing: what a reader "may not" do.
const REFUSE: &[&str] = &["weigeren", "afwijzen", "afslaan", "stoppen"];

/// Money or rights the reader keeps by doing their duty ("om uw uitkering te houden").
const KEPT: &[&str] = &["houden", "behouden", "krijgen", "blijven"];

/// A duty with an unsaid consequence.
pub(crate) struct DutyPressure;

impl Rule for DutyPressure {
    fn id(&self) -> &'static str {
        "duty-pressure"
    }
    fn category(&self) -> crate::lint::Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een plicht voor de lezer met een gevolg dat niet wordt genoemd: \"U moet meewerken\", \"Dit werk mag u niet weigeren.\"",
            why: "\"U moet\" zonder reden of hulp klinkt als een bevel met een straf erachter. De lezer hoort: doe dit, of u raakt uw geld kwijt.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let sentences = tone::sentences(doc);
        // A letter that offers help states the duty it is about once ("Als u
        // bijstand krijgt, moet u meedoen aan …"): the first one is information.
        let mut stated_once = tone::is_letter(doc) && sentences.iter().any(|s| s.offers_help());
        for (index, sentence) in sentences.iter().enumerate() {
            // The cheap test first: pressure starts from "mag"/"mogen" or a duty ("moet", "verplicht").
            if sentence.marks & (marks::MAY | marks::MUST) == 0
                || sentence.question
                || tone::helped(sentences, index)
            {
                continue;
            }
            let words = pressure(sentence);
            if words.is_empty() || sentence.informs(doc) {
                continue;
            }
            if stated_once {
                stated_once = false;
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit is een plicht met een dreiging erachter: de lezer hoort dat er iets gebeurt als hij het niet doet. Dat voelt als dwang.",
                "Zeg wat u vraagt en waarom, en bied hulp: \"Wij vragen u om … . Lukt dat niet, of hebt u een reden? Bel [naam], dan kijken we samen wat kan.\"",
            ));
        }
    }
}

/// Whether word `k` stands next to the reader ("u moet", "moet u", "mag je").
fn readers(sentence: &ToneSentence, k: usize) -> bool {
    sentence.is(k + 1, &["u", "je", "jij"]) || (k >= 1 && sentence.is(k - 1, &["u", "je", "jij"]))
}

/// The words of a duty under pressure in the sentence, or none.
fn pressure(sentence: &ToneSentence) -> Vec<usize> {
    let n = sentence.words.len();
    for k in 0..n {
        let w = &sentence.words[k];
        let clause = sentence.clause_of(k);
        if clause.kind == ClauseKind::Condition {
            continue;
        }
        let in_clause = clause.words.clone();
        // "mag u niet weigeren": a refusal forbidden to the reader.
        if matches!(w.lower(), "mag" | "mogen") && readers(sentence, k) && clause.negated {
            if let Some(refuse) = in_clause
                .clone()
                .find(|&j| REFUSE.iter().any(|v| sentence.words[j].reads_as(v)))
            {
                return vec![k, refuse];
            }
        }
        // "u moet meewerken", "bent u verplicht mee te doen": compliance demanded.
        let must =
            (w.lower().starts_with("moe") && w.reads_as("moeten")) || w.lower() == "verplicht";
        if !must
            || !in_clause
                .clone()
                .any(|j| sentence.is(j, &["u", "je", "jij"]))
        {
            continue;
        }
        if clause.negated {
            continue;
        }
        let comply = in_clause.clone().chain(k + 1..n).find(|&j| {
            let v = &sentence.words[j];
            let verb = v.morph.verb.as_deref().unwrap_or(v.lemma());
            (COMPLY.contains(&v.lemma()) || COMPLY.contains(&verb))
                // "houden" only as "zich houden aan" (the rules), not "uw geld houden".
                && (verb != "houden"
                    || (sentence.words[k..j].iter().any(|p| {
                        matches!(p.lower(), "zich" | "u" | "je" | "uzelf" | "jezelf")
                    }) && sentence.words[j.saturating_sub(6)..(j + 4).min(n)]
                        .iter()
                        .any(|p| p.lower() == "aan")))
        });
        if let Some(comply) = comply {
            return vec![k, comply];
        }
        // "Om uw uitkering te houden, moet u …": a duty to keep one's money.
        let keep = (0..k).find(|&j| {
            sentence.is(j, &["om"])
                && sentence.words[j + 1..k]
                    .iter()
                    .any(|p| p.concepts.contains(crate::morphology::Concept::Benefit))
                && sentence.words[j + 1..k]
                    .iter()
                    .any(|p| KEPT.iter().any(|v| p.reads_as(v)))
        });
        if let Some(keep) = keep {
            return vec![keep, k];
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn duties_under_pressure_are_flagged() {
        for text in [
            "U moet meewerken aan alles wat de consulent vraagt.",
            "Een baan die u wordt aangeboden, mag u niet weigeren.",
            "Je moet je houden aan de afspraken in het plan van aanpak.",
            "Bij de tegenprestatie moet u gewoon meedoen.",
            "U bent verplicht elke passende baan te accepteren.",
            "Om uw bijstand te behouden, moet u elke wijziging op tijd doorgeven.",
        ] {
            assert_eq!(findings_of(&DutyPressure, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn duties_with_help_lifted_or_of_the_organisation_are_not_flagged() {
        for text in [
            // Next to help.
            "U moet meewerken aan het gesprek. Lukt dat niet? Bel Ilse Verhoef.",
            // Lifted, asked, conditioned, or the organisation's duty.
            "U hoeft niet mee te doen aan de cursus.",
            "Moet u meedoen aan een cursus?",
            "Als u moet solliciteren, krijgt u een coach.",
            "Wij moeten ons houden aan de wet.",
            "U mag de cursus stoppen wanneer u wilt.",
            "U moet uw geld goed bewaren.",
        ] {
            assert!(findings_of(&DutyPressure, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_letter_states_its_duty_once() {
        let once = "Beste meneer Bakker,\n\nU moet meedoen aan een traject naar werk.\n\nHebt u vragen? Bel Ilse Verhoef.\n";
        assert!(findings_of(&DutyPressure, once).is_empty());
        let twice = "Beste meneer Bakker,\n\nU moet meedoen aan een traject naar werk.\n\nU moet zich ook aan alle afspraken houden.\n\nHebt u vragen? Bel Ilse Verhoef.\n";
        assert_eq!(findings_of(&DutyPressure, twice).len(), 1);
    }
}
