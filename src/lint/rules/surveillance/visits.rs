//! Visits in the surveillance rule: a visit that comes to the reader, one
//! that serves the reader (they cannot come to the office), and one announced
//! as coming without warning.

use super::SUSPICIOUS;
use crate::morphology::Concept;
use crate::readability::tone::{self, marks};

/// Verbs that make a visit happen to the reader: "op huisbezoek komen", "een
/// huisbezoek afleggen", "er vindt een huisbezoek plaats", "u krijgt een huisbezoek".
const VISIT_COMES: &[&str] = &[
    "komen",
    "langskomen",
    "afleggen",
    "brengen",
    "doen",
    "plaatsvinden",
    "houden",
    "uitvoeren",
    "krijgen",
    "verwachten",
    "volgen",
    "inplannen",
    // "leggen … af" (afleggen), "op huisbezoek gaan".
    "leggen",
    "gaan",
];

/// Whether the sentence announces a visit: a verb that makes it happen, or one
/// that says it can ("kan", "mogelijk").
pub(super) fn announces_visit(sentence: &tone::ToneSentence) -> bool {
    sentence.words.iter().any(|w| {
        VISIT_COMES.iter().any(|v| w.reads_as(v))
            || matches!(
                w.lower(),
                "kan" | "kunnen" | "zal" | "zullen" | "mogelijk" | "plaats" | "langs"
            )
    })
}

/// Why a reader cannot come to the office: illness, a handicap, being bound to the house.
const CANNOT_COME: &[&str] = &[
    "ziekte",
    "ziek",
    "handicap",
    "beperking",
    "gebonden",
    "bedlegerig",
    "dienstverlenend",
];

/// A visit made as a service, for a reader who cannot come: "Wij kunnen ook bij
/// u langskomen als u niet naar ons toe kunt komen", "een huisbezoek als u door
/// ziekte niet in staat bent om te komen", "u kunt zelf een huisbezoek
/// aanvragen", "wij komen langs om u van dienst te zijn". Only a visit: with a check, suspicion or no warning in the
/// sentence, the visit is still a check.
pub(super) fn service_visit(
    sentence: &tone::ToneSentence,
    asked_before: impl Fn() -> bool,
) -> bool {
    sentence.concepts.contains(Concept::Visit)
        && sentence.unnegated(SUSPICIOUS).next().is_none()
        && (cannot_come(sentence) || serves(sentence) || asked_before())
}

/// Whether the sentence says the visit is a service: "om u van dienst te zijn".
pub(super) fn serves(sentence: &tone::ToneSentence) -> bool {
    (2..sentence.words.len()).any(|k| {
        sentence.words[k].lower() == "dienst"
            && sentence.is(k - 1, &["van"])
            && sentence.words[..k - 1].iter().any(|w| w.lower() == "om")
    })
}

/// Whether the sentence says the reader cannot come to the office: "door
/// ziekte", "als u niet naar ons toe kunt komen", "niet in staat om te komen",
/// or that the reader asks for a visit ("zelf een huisbezoek aanvragen").
pub(super) fn cannot_come(sentence: &tone::ToneSentence) -> bool {
    let reader = |k: usize| sentence.is(k, &["u", "je", "jij"]);
    sentence.words.iter().enumerate().any(|(k, w)| {
        CANNOT_COME.contains(&w.lemma())
            // "als u niet naar ons toe kunt komen", "niet in staat om te komen".
            || (sentence.has(k, marks::NEGATION)
                && sentence.clause_of(k).words.clone().any(reader)
                && sentence.words[k + 1..sentence.clause_of(k).words.end]
                    .iter()
                    .take(6)
                    .any(|n| n.reads_as("komen") || n.lower() == "staat"))
            // "U kunt ook zelf een huisbezoek aanvragen": the reader asks for it.
            || (w.reads_as("aanvragen") && sentence.words.iter().any(|n| n.lower() == "zelf"))
    })
}

/// What says a visit comes without warning: "zonder afspraak", "zonder
/// aankondiging", "op elk moment", "onverwachts", "wanneer het ons uitkomt".
pub(super) fn without_warning(sentence: &tone::ToneSentence) -> Option<usize> {
    (0..sentence.words.len()).find(|&k| {
        let w = &sentence.words[k];
        (w.lower() == "zonder"
            && sentence.words[k + 1..].iter().take(2).any(|n| {
                matches!(
                    n.lemma(),
                    "afspraak"
                        | "aankondiging"
                        | "waarschuwing"
                        | "bericht"
                        | "vooraankondiging"
                        | "melding"
                )
            }))
            // "zonder dat wij dat vooraf melden / laten weten".
            || (w.lower() == "zonder"
                && sentence.is(k + 1, &["dat"])
                && sentence.words[k + 2..].iter().take(6).any(|n| {
                    matches!(n.lower(), "vooraf" | "eerst")
                        || ["aankondigen", "melden", "zeggen", "waarschuwen"]
                            .iter()
                            .any(|v| n.reads_as(v))
                }))
            || (matches!(w.lower(), "elk" | "ieder")
                && sentence.is(k + 1, &["moment", "ogenblik", "tijdstip"]))
            || matches!(w.lower(), "onverwachts" | "zomaar")
            || (w.lower() == "uitkomt" && sentence.words[..k].iter().any(|p| p.lower() == "het"))
    })
}

/// A visit at the reader's door without warning: "zonder afspraak bij u
/// aanbellen", "op elk moment op de stoep staan", "zonder aankondiging voor uw
/// deur staan", "zonder waarschuwing bij u thuis kijken".
pub(super) fn unannounced_visit(sentence: &tone::ToneSentence) -> Vec<usize> {
    // The cheapest test first: without a word of "without warning" there is none.
    if sentence.marks & marks::UNWARNED == 0 {
        return Vec::new();
    }
    let n = sentence.words.len();
    // The cheap test first: a door, a doorstep, a home or a visit.
    let at_door = (0..n).find(|&k| {
        let w = &sentence.words[k];
        w.concepts.contains(Concept::Visit)
            || (matches!(w.lower(), "stoep" | "deur" | "voordeur") && k >= 1)
            || (w.lower() == "thuis" && k >= 2 && sentence.is(k - 2, &["bij"]))
            // "komen kijken", "komen controleren": a visit to see.
            || (sentence.is(k + 1, &["kijken", "controleren", "rondkijken"]) && w.reads_as("komen"))
    });
    let Some(door) = at_door else {
        return Vec::new();
    };
    match without_warning(sentence) {
        Some(marker) if !sentence.clause_of(door).negated => vec![marker, door],
        _ => Vec::new(),
    }
}
