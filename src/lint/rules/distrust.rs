//! ## What it flags
//! Fraud and suspicion framing: words of fraud and misuse, suspicion, signals
//! and doubt about people, in every form and compound ("fraudeert",
//! "bijstandsfraude", "fraudesignaal", "vermoeden", "verdenking", "betrapt",
//! "informatie achterhoudt"), and "ik geloof u niet".
//!
//! Not flagged: a negated sentence ("Dit wijst niet op fraude"), the reader's
//! own doubt next to an offer of help ("Twijfelt u? Bel ons"), and advice on
//! how to avoid a mistake ("Zo doet u niet per ongeluk iets wat niet mag").
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

use crate::lint::tone::{
    SUSPECTING_OTHERS, SUSPECTING_OTHERS_SUGGESTION, finding, not_aimed_at_reader,
};
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::{Concept, ConceptSet};
use crate::readability::Document;
use crate::readability::tone::{self, marks};

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
            // The cheap test first: a word of fraud or suspicion, or a word that
            // disbelief, moralising or a doubted word starts from.
            let both = |a: u64, b: u64| sentence.marks & a != 0 && sentence.marks & b != 0;
            let can_start = sentence.concepts.intersects(distrust)
                || sentence.marks & (marks::DISBELIEF | marks::DISTRUST_WORD) != 0
                || both(marks::THAT, marks::ASSUME)
                // "of … klopt": whether the reader's word is true.
                || both(marks::OF, marks::TRUTH);
            // A heading of bare words ("Fraude en boete") names the subject of the text under it.
            if !can_start || sentence.names_a_subject() {
                continue;
            }
            // "Wij geloven uw verhaal niet": disbelief is distrust, negated.
            let disbelief: Vec<usize> = (0..sentence.words.len())
                .filter(|&k| {
                    // The form first: every form of "geloven" starts with "gel".
                    let w = &sentence.words[k];
                    // "Wij vertrouwen uw opgave niet"; not the reader's own ("Vertrouwt u het niet?").
                    let distrusts = w.lower().starts_with("vertrouw")
                        && w.reads_as("vertrouwen")
                        && !sentence.is(k + 1, &["u", "je", "jij"])
                        && !(k >= 1 && sentence.is(k - 1, &["u", "je", "jij"]));
                    (w.lower().starts_with("gel") && w.reads_as("geloven") || distrusts)
                        && sentence.clause_of(k).negated
                })
                .collect();
            if sentence.offers_help() && disbelief.is_empty() {
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
            let disbelieved = !disbelief.is_empty();
            words.extend(disbelief);
            words.extend(moralising(sentence));
            words.extend(doubted_word(sentence));
            if words.is_empty() {
                continue;
            }
            // News, figures or a definition about others aim at no reader (asked last: it costs most).
            if !disbelieved && sentence.informs(doc) {
                continue;
            }
            // "Vermoedt u dat iemand fraude pleegt?" does not call the reader a fraudster.
            let names_fraud = words
                .iter()
                .any(|&k| sentence.words[k].concepts.intersects(distrust));
            let (message, suggestion) = if names_fraud && not_aimed_at_reader(doc, sentence) {
                (SUSPECTING_OTHERS, SUSPECTING_OTHERS_SUGGESTION)
            } else if !names_fraud {
                // "Wij trekken na of uw verhaal klopt": doubt, without a word of fraud.
                (
                    "Dit zegt dat de gemeente twijfelt aan wat de lezer vertelt, nog voordat iemand heeft gevraagd hoe het zit. Zo voelt de lezer zich een verdachte.",
                    "Zeg wat u wilt weten en waarom, en vraag het: \"Wij willen dat uw gegevens kloppen. Wilt u ons … sturen?\"",
                )
            } else {
                (
                    "Dit noemt de lezer een fraudeur of een verdachte, terwijl nog niemand heeft gevraagd wat er is gebeurd. Een vergissing of een late melding is geen fraude.",
                    "Zeg wat er niet klopt en vraag hoe het zit: \"Wij zien dat … Klopt dat? Wilt u ons uitleggen hoe het zit?\"",
                )
            };
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                message,
                suggestion,
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

/// What the reader says or tells: "uw verhaal", "wat u hebt verteld".
fn readers_word(sentence: &tone::ToneSentence, range: std::ops::Range<usize>) -> bool {
    range.clone().any(|k| {
        let w = &sentence.words[k];
        (matches!(
            w.lemma(),
            "verhaal" | "verklaring" | "opgave" | "informatie" | "antwoord" | "uitleg"
        ) && k >= 1
            && sentence.is(k - 1, &["uw", "je", "jouw"]))
            || ([
                "zeggen",
                "vertellen",
                "opgeven",
                "invullen",
                "verklaren",
                "doorgeven",
                "melden",
            ]
            .iter()
            .any(|v| w.reads_as(v))
                && range.clone().any(|j| sentence.is(j, &["u", "je", "jij"])))
    })
}

/// The reader's word doubted, in the words that carry it:
/// - checking whether it is true: "Wij gaan na of uw verhaal klopt", "Wij
///   controleren of wat u vertelt waar is";
/// - doubting it: "Wij willen zeker weten dat u echt alleen woont", "of u wel
///   echt werkt";
/// - not taking it: "Wij nemen uw verklaring niet zomaar aan".
fn doubted_word(sentence: &tone::ToneSentence) -> Vec<usize> {
    let n = sentence.words.len();
    // A command or a question to the reader ("Controleer of uw gegevens
    // kloppen", "Klopt uw adres?") asks the reader to check.
    if sentence.question || tone::is_command(sentence) {
        return Vec::new();
    }
    let mut words = Vec::new();
    for k in 0..n {
        // The cheap test first: "of", a word of "really", or a form of "nemen".
        if !matches!(
            sentence.words[k].lower(),
            "of" | "echt"
                | "écht"
                | "werkelijk"
                | "daadwerkelijk"
                | "neem"
                | "neemt"
                | "nemen"
                | "nam"
                | "namen"
                | "genomen"
        ) {
            continue;
        }
        let w = &sentence.words[k];
        // "of (uw verhaal | wat u zegt) klopt / waar is / juist is".
        if sentence.is(k, &["of"]) {
            let rest = k + 1..n;
            let truth = rest.clone().find(|&j| {
                sentence.words[j].reads_as("kloppen")
                    || matches!(sentence.words[j].lower(), "waarheid" | "eerlijk")
                    || (matches!(sentence.words[j].lower(), "waar" | "juist")
                        && sentence.is(j + 1, &["is", "zijn", "was"]))
            });
            // "gaan na of", "trekken na of": the particle just before "of".
            let checker = (sentence.words[..k].iter().any(|p| {
                p.concepts.intersects(tone::SURVEILLANCE)
                    || [
                        "nagaan",
                        "kijken",
                        "checken",
                        "navragen",
                        "nakijken",
                        "natrekken",
                    ]
                    .iter()
                    .any(|v| p.reads_as(v))
            }) || (k >= 2 && sentence.is(k - 1, &["na"])))
                && !sentence.words[..k]
                    .iter()
                    .any(|p| matches!(p.lower(), "u" | "je" | "jij"));
            if let Some(t) = truth
                && checker
                && readers_word(sentence, rest)
                && !sentence.clause_of(t).negated
            {
                words.extend([k, t]);
            }
        }
        // "dat u echt …", "of u wel echt …": the reader's situation doubted.
        if matches!(w.lower(), "echt" | "écht" | "werkelijk" | "daadwerkelijk")
            && k >= 2
            && (sentence.is(k - 1, &["u", "je"])
                || (sentence.is(k - 1, &["wel"]) && sentence.is(k - 2, &["u", "je"])))
            && (k.saturating_sub(4)..k).any(|j| sentence.is(j, &["dat", "of"]))
            && sentence.words[..k].iter().any(|p| {
                p.reads_as("weten")
                    || p.lower() == "zeker"
                    || p.concepts.intersects(tone::SURVEILLANCE)
                    || p.reads_as("nagaan")
                    || p.reads_as("kijken")
            })
        {
            words.push(k);
        }
        // "Wij nemen uw verklaring niet (zomaar) aan": the reader's word not taken.
        if w.reads_as("nemen")
            && sentence.clause_of(k).negated
            && sentence.words[k + 1..].iter().any(|p| p.lower() == "aan")
            && readers_word(sentence, sentence.clause_of(k).words.clone())
        {
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
            // The reader's word doubted, without a word of fraud.
            "Wij trekken na of uw verhaal over de verhuizing klopt.",
            "De consulent kijkt of wat u op het formulier invult wel waar is.",
            "We willen zeker weten dat u echt geen vriend hebt die bij u woont.",
            "Uw uitleg nemen wij niet zomaar aan.",
        ] {
            assert_eq!(findings_of(&Distrust, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn suspicion_of_someone_else_is_not_called_suspicion_of_the_reader() {
        for text in [
            "Vermoedt u dat iemand bijstandsfraude pleegt?",
            "Denkt u dat uw buren fraude plegen? Meld het ons.",
        ] {
            let found = findings_of(&Distrust, text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(
                found[0].message,
                crate::lint::tone::SUSPECTING_OTHERS,
                "{text}"
            );
        }
        let found = findings_of(&Distrust, "Wij vermoeden dat u fraude pleegt.");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("noemt de lezer"), "{found:?}");
        // Doubt without a word of fraud is called doubt.
        let found = findings_of(
            &Distrust,
            "Wij trekken na of uw verhaal over de verhuizing klopt.",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("twijfelt aan wat de lezer vertelt"),
            "{found:?}"
        );
    }

    #[test]
    fn negations_help_and_advice_are_not_flagged() {
        for text in [
            "Dit wijst niet op fraude.",
            // Headings that name or ask about a subject.
            "# Fraude en boete\n\nHier leest u wat de regels zijn.",
            "## Wat is fraude?\n\nHier leest u wat de regels zijn.",
            "Twijfelt u of u iets moet doorgeven? Bel ons gerust.",
            "Meld een nieuwe baan meteen. Zo doet u niet per ongeluk iets wat niet mag.",
            "U kunt dit geld gebruiken voor dingen die u echt nodig hebt.",
            "Wilt u niet meewerken aan het onderzoek? Dat mag.",
            "De kostendelersnorm gaat ervan uit dat als u met anderen woont, u de kosten deelt.",
            "U moet echt niet bang zijn om ons te bellen.",
            // The reader checks, or is asked.
            "Kijk of uw gegevens kloppen en geef een fout aan ons door.",
            "Klopt wat u op het formulier zag? Dan hoeft u niets te doen.",
            "U kunt nagaan of uw adres juist is in de app.",
            "Wij willen weten of u echt tevreden bent over ons gesprek.",
            // "als" meaning "as", in news about others.
            "Vorig jaar werden honderden ouders onterecht als fraudeur behandeld.",
        ] {
            assert!(findings_of(&Distrust, text).is_empty(), "{text}");
        }
    }
}
