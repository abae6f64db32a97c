//! ## What it flags
//! Fraud and suspicion framing: words of fraud and misuse, suspicion, signals
//! and doubt about people, in every form and compound ("fraudeert",
//! "bijstandsfraude", "fraudesignaal", "vermoeden", "verdenking", "betrapt",
//! "informatie achterhoudt"), and "ik geloof u niet".
//!
//! Not flagged: a negated sentence ("Dit wijst niet op fraude"), the reader's
//! own doubt next to an offer of help ("Twijfelt u? Bel ons"), and advice on
//! how to avoid a mistake ("Zo voorkomt u dat u zonder opzet fraudeert").
//!
//! ## Why it matters to the reader
//! It treats a mistake or a late report as fraud, and the reader as a suspect,
//! before anyone has asked what happened.
//!
//! ## Example
//! "Er zijn signalen dat u fraude pleegt."
//!
//! ## Use instead
//! "Wij zien iets in uw gegevens dat wij niet begrijpen. Wilt u ons uitleggen hoe het zit?"

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::{Concept, ConceptSet};
use crate::readability::Document;
use crate::readability::tone;

const BAD: &str = "Er zijn signalen dat u fraude pleegt.";
const GOOD: &str =
    "Wij zien iets in uw gegevens dat wij niet begrijpen. Wilt u ons uitleggen hoe het zit?";

/// Fraud and suspicion framing.
pub(crate) struct Distrust;

impl Rule for Distrust {
    fn id(&self) -> &'static str {
        "distrust"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Woorden van fraude, misbruik, vermoeden en wantrouwen: \"Er zijn signalen dat u fraude pleegt.\"",
            why: "Zo wordt een vergissing fraude genoemd en de lezer een verdachte, voordat iemand heeft gevraagd wat er is gebeurd.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let distrust = ConceptSet::of(&[Concept::Fraud, Concept::Suspect]);
        for sentence in tone::sentences(doc) {
            // "Wij geloven uw verhaal niet": disbelief is distrust, negated.
            let disbelief: Vec<usize> = (0..sentence.words.len())
                .filter(|&k| {
                    // The form first: every form of "geloven" starts with "gel".
                    sentence.words[k].lower().starts_with("gel")
                        && sentence.words[k].reads_as("geloven")
                        && sentence.clause_of(k).negated
                })
                .collect();
            if (sentence.help || sentence.informs) && disbelief.is_empty() {
                continue;
            }
            // The reader's own doubt ("Twijfelt u of …", "als u twijfelt") is not distrust.
            let mut words: Vec<usize> = sentence
                .unnegated(distrust)
                .filter(|&k| {
                    let own_doubt = !sentence.words[k].concepts.contains(Concept::Fraud)
                        && (sentence.is(k + 1, &["u", "je", "jij"])
                            || (k >= 1 && sentence.is(k - 1, &["u", "je", "jij"])));
                    !own_doubt
                })
                .collect();
            words.extend(disbelief);
            words.extend(moralising(sentence));
            if words.is_empty() {
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit noemt de lezer een fraudeur of een verdachte, terwijl nog niemand heeft gevraagd wat er is gebeurd. Een vergissing of een late melding is geen fraude.",
                "Zeg wat er niet klopt en vraag hoe het zit: \"Wij zien dat … Klopt dat? Wilt u ons uitleggen hoe het zit?\"",
            ));
        }
    }
}

/// People who "could pay but will not", "van kwade wil", help "only for
/// those who really need it", "wij nemen aan dat u …": unwillingness or
/// cheating assumed, in the words that say it.
fn moralising(sentence: &tone::ToneSentence) -> Vec<usize> {
    let n = sentence.words.len();
    let mut words = Vec::new();
    // "van kwade wil", "te kwader trouw".
    for k in 0..n {
        if sentence.is(k, &["kwade", "kwader"]) && sentence.is(k + 1, &["wil", "trouw"]) {
            words.extend([k, k + 1]);
        }
    }
    if sentence.question {
        return words;
    }
    let third_person = |k: usize| {
        sentence.words[..k].iter().any(|w| {
            matches!(
                w.lower(),
                "mensen"
                    | "iemand"
                    | "sommigen"
                    | "sommige"
                    | "die"
                    | "ze"
                    | "zij"
                    | "hij"
                    | "klanten"
                    | "huurders"
                    | "cliënten"
                    | "velen"
                    | "veel"
            ) || w.lower().ends_with("gerechtigden")
        })
    };
    // "kunnen wel betalen, maar willen niet", "Die wil niet werken".
    for k in 0..n {
        let w = &sentence.words[k];
        // The form first: "wil", "wilt", "willen", "wilde", "wou".
        let will = w.lower().starts_with("wil") || w.lower().starts_with("wou");
        if !will || !w.reads_as("willen") || !sentence.clause_of(k).negated || !third_person(k) {
            continue;
        }
        let about = sentence
            .clause_of(k)
            .words
            .clone()
            .chain(k.saturating_sub(6)..k)
            .any(|j| {
                matches!(
                    sentence.words[j].lemma(),
                    "betalen" | "werken" | "meewerken" | "solliciteren" | "wel"
                )
            });
        if about {
            words.push(k);
        }
    }
    // "alleen voor mensen die het écht nodig hebben", "alleen als u echt niet
    // kunt betalen", "U moet dan wel echt niet kunnen betalen".
    let only = sentence.words.iter().any(|w| w.lower() == "alleen");
    let must = sentence
        .words
        .iter()
        .any(|w| w.lower().starts_with("moe") && w.reads_as("moeten"));
    if only || must {
        for k in 0..n {
            if matches!(
                sentence.words[k].lower(),
                "echt" | "écht" | "werkelijk" | "daadwerkelijk"
            ) && sentence.words[k + 1..].iter().take(3).any(|w| {
                matches!(w.lower(), "nodig" | "kunt" | "kan" | "kunnen")
                    || (only && w.lower() == "niet")
            }) {
                words.push(k);
            }
        }
    }
    // "Wij nemen aan dat u samenwoont", "De gemeente gaat ervan uit dat u werkt":
    // only in a sentence that says "dat u".
    let that_you =
        (0..n).any(|j| sentence.is(j, &["dat"]) && sentence.is(j + 1, &["u", "je", "jij"]));
    for k in (0..n).filter(|_| that_you) {
        // "neemt … aan" stands apart.
        let assumes = sentence.words[k].reads_as("aannemen")
            || (sentence.words[k].reads_as("nemen")
                && (k + 1..n.min(k + 7)).any(|j| sentence.is(j, &["aan"])))
            || (sentence.is(k, &["ervan", "er"]) && sentence.is(k + 1, &["uit", "van"]));
        let about_reader = (k + 1..n.min(k + 7))
            .any(|j| sentence.is(j, &["dat"]) && sentence.is(j + 1, &["u", "je", "jij"]));
        let agency = sentence.words.iter().any(|w| {
            matches!(
                w.lower(),
                "wij"
                    | "we"
                    | "gemeente"
                    | "uwv"
                    | "svb"
                    | "consulent"
                    | "recherche"
                    | "belastingdienst"
            )
        });
        if assumes && about_reader && agency {
            words.push(k);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn fraud_and_suspicion_framing_is_flagged() {
        for text in [
            "Er zijn signalen dat u fraude pleegt.",
            "Wie bijstandsfraude pleegt, wordt betrapt.",
            "Wij geloven uw verhaal niet.",
            "U hebt bewust informatie achtergehouden.",
            "Sommige mensen kunnen wel betalen, maar willen niet.",
            "Wie van kwade wil is, krijgt geen hulp.",
            "Een uitkering krijgt alleen wie het echt nodig heeft.",
            "De gemeente neemt dan al snel aan dat u samenwoont.",
            "Mensen met een uitkering zijn vaak lui.",
            "U moet dan wel echt niet kunnen betalen.",
            "Misbruik is dat mensen meer geld vragen dan waar zij op grond van de regeling recht op hebben.",
        ] {
            assert_eq!(findings_of(&Distrust, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn negations_help_and_advice_are_not_flagged() {
        for text in [
            "Dit wijst niet op fraude.",
            "Twijfelt u of u iets moet doorgeven? Bel ons gerust.",
            "Meld een nieuwe baan meteen. Zo voorkomt u dat u zonder opzet fraudeert.",
            "U kunt dit geld gebruiken voor dingen die u echt nodig hebt.",
            "Wilt u niet meewerken aan het onderzoek? Dat mag.",
            "De kostendelersnorm gaat ervan uit dat als u met anderen woont, u de kosten deelt.",
            "U moet echt niet bang zijn om ons te bellen.",
        ] {
            assert!(findings_of(&Distrust, text).is_empty(), "{text}");
        }
    }
}
