//! ## What it flags
//! Checks, investigations and visits aimed at the reader or at people on a
//! benefit, in any form: "Wij controleren of u …", "Er kan een huisbezoek
//! plaatsvinden", "De sociale recherche start een onderzoek", "Wij komen
//! onaangekondigd langs", "controles die u niet merkt". Found through the
//! concepts check, investigate, visit and unannounced (`readability/concepts.toml`).
//!
//! In a letter that offers help, the first mention is what the letter is
//! about, stated once; a second is flagged. Not flagged either: a negated sentence ("U hoeft de controleur niet binnen te
//! laten"), a visit that is announced, offered ("Wij komen graag bij u langs",
//! with no check in the sentence) or made by appointment, a dated visit told in
//! the past ("Op 17 november kwamen we bij u langs"), a letter's title, and an
//! investigation to find help ("om te onderzoeken welke hulp u nodig hebt").
//!
//! ## Why it matters to the reader
//! Being watched and checked tells people that they are not trusted. People
//! on bijstand already feel suspected; they become afraid and angry.
//!
//! ## Example
//! "Wij controleren of u alle inkomsten hebt doorgegeven."
//!
//! ## Use instead
//! "Wij willen graag weten of uw uitkering klopt. Wilt u ons uw loonstroken sturen?"

mod visits;

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::{Concept, ConceptSet};
use crate::readability::Document;
use crate::readability::tone::{self, SURVEILLANCE, marks};
use visits::{
    announces_visit, cannot_come, serves, service_visit, unannounced_visit, without_warning,
};

const BAD: &str = "Wij controleren of u alle inkomsten hebt doorgegeven.";
const GOOD: &str =
    "Wij willen graag weten of uw uitkering klopt. Wilt u ons uw loonstroken sturen?";

/// Words that make a visit or check agreed: "aangekondigd", "afspraak", "toestemming".
const AGREED: &[&str] = &[
    "aangekondigd",
    "aangekondigde",
    "afspraak",
    "toestemming",
    "vooraf",
    "besproken",
    "afgesproken",
    "instemt",
    "instemmen",
    "akkoord",
    "goedvindt",
];

/// Question words: "Waarom komen we langs?" explains, it does not announce.
const QUESTION_WORDS: &[&str] = &["waarom", "wat", "hoe", "wanneer", "wie", "waar"];

/// Checks and visits aimed at the reader.
pub(crate) struct Surveillance;

impl Rule for Surveillance {
    fn id(&self) -> &'static str {
        "surveillance"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Controle, onderzoek en huisbezoek gericht op de lezer: \"Wij controleren of u …\", \"Er kan een huisbezoek plaatsvinden.\"",
            why: "Wie leest dat hij gecontroleerd wordt, voelt zich niet vertrouwd. Mensen in de bijstand voelen zich al vaak verdacht; ze worden er bang en boos van.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let sentences = tone::sentences(doc);
        // A letter about a visit or a check says once what will happen ("Wij komen
        // graag bij u thuis langs"): with help in the letter, that first mention is
        // the letter's subject, stated once; a second mention is flagged.
        let letter_with_help = tone::is_letter(doc) && sentences.iter().any(|s| s.offers_help());
        let mut mentioned = false;
        for (index, sentence) in sentences.iter().enumerate() {
            // The cheap test first: without a concept of surveillance, only a word
            // that being seen, a visit without warning, data or asking around
            // starts from can make a finding.
            if !sentence.concepts.intersects(SURVEILLANCE)
                && sentence.marks & (marks::SEE | marks::UNWARNED | marks::DATA | marks::AROUND) == 0
                // "of u": the reader asked about at a body (see data_check).
                && !(sentence.marks & marks::OF != 0
                    && (1..sentence.words.len())
                        .any(|k| sentence.is(k, &["u", "je"]) && sentence.is(k - 1, &["of"])))
            {
                continue;
            }
            // Being seen, a visit at the door without warning, data looked up elsewhere.
            let mut watched = watched(sentence);
            watched.extend(unannounced_visit(sentence));
            watched.extend(data_check(sentence));
            watched.extend(asked_around(sentence));
            if (!sentence.concepts.intersects(SURVEILLANCE) && watched.is_empty())
                || (sentence.question && sentence.is(0, QUESTION_WORDS))
            {
                continue;
            }
            // Agreed or asked for: "aangekondigd", "zoals besproken", "als u dat wilt".
            // "zonder afspraak", "zonder toestemming": not agreed at all.
            // "vooraf niet hoort", "geen afspraak": an agreement denied is none;
            // "op afspraak of onverwacht": an agreement next to a visit without
            // warning does not make that visit agreed.
            let unwarned = || {
                (sentence.concepts.contains(Concept::Unannounced)
                    && sentence
                        .unnegated(ConceptSet::of(&[Concept::Unannounced]))
                        .next()
                        .is_some())
                    || (sentence.marks & marks::UNWARNED != 0
                        && without_warning(sentence)
                            .is_some_and(|k| !sentence.clause_of(k).negated))
            };
            let agreed = (0..sentence.words.len()).any(|k| {
                AGREED.contains(&sentence.words[k].lower())
                    && !(k.saturating_sub(2)..k).any(|j| sentence.is(j, &["zonder"]))
                    && !(k.saturating_sub(2)..(k + 3).min(sentence.words.len()))
                        .any(|j| sentence.has(j, marks::NEGATION))
                    && !unwarned()
            }) || sentence.clauses.iter().any(|c| {
                c.kind == tone::ClauseKind::Condition
                    && c.words
                        .clone()
                        .any(|k| sentence.words[k].reads_as("willen"))
            });
            // Checking a form or an application is work on paper, not on the person.
            let paperwork = sentence
                .words
                .iter()
                .any(|w| matches!(w.lemma(), "aanvraag" | "formulier" | "berekening"))
                && !sentence.words.iter().any(|w| w.lower() == "of");
            // Help to the reader: "onderzoeken welke hulp u nodig hebt", or help next to it.
            let helps_reader = tone::helped(sentences, index);
            // An offered visit ("Wij komen graag bij u langs", "het aanbod van een
            // huisbezoek"): a visit alone, with no check or investigation.
            let offered_visit = sentence.words.iter().any(|w| {
                matches!(w.lower(), "graag") || matches!(w.lemma(), "aanbod" | "aanbieden")
            }) && !sentence.concepts.intersects(ConceptSet::of(&[
                Concept::Check,
                Concept::Investigate,
                Concept::Unannounced,
            ]));
            // A visit instead of an appointment at the office, for a reader who
            // cannot come ("als u door ziekte niet naar ons toe kunt komen").
            // The reason can stand in a question just before ("Kunt u door ziekte
            // niet komen? Dan komen wij bij u langs.").
            let asked_before = || {
                index
                    .checked_sub(1)
                    .map(|p| &sentences[p])
                    .is_some_and(|p| p.block == sentence.block && p.question && cannot_come(p))
            };
            // Or in the sentence just after: "Dat doen we als u door ziekte …",
            // "Bijvoorbeeld om samen een plan te maken."
            let explained_after = || {
                sentences.get(index + 1).is_some_and(|n| {
                    n.block == sentence.block
                        && n.is(0, &["dit", "dat", "bijvoorbeeld"])
                        && (cannot_come(n)
                            || serves(n)
                            || n.offers_help()
                            || n.concepts.contains(Concept::Help)
                            || n.words.iter().any(|w| w.reads_as("bespreken")))
                        && n.unnegated(SUSPICIOUS).next().is_none()
                })
            };
            let service = service_visit(sentence, || asked_before() || explained_after());
            // A letter's title names its subject, and so does a heading of bare
            // words anywhere ("Huisbezoek"); a dated past visit is a report.
            let title = (letter_with_help && sentence.heading) || sentence.names_a_subject();
            if agreed
                || paperwork
                || helps_reader
                || sentence.restricted
                || offered_visit
                || service
                || title
                || sentence.dated_past
            {
                continue;
            }
            // "onaangekondigd" counts with a check or a visit, not alone ("onverwacht hoge kosten").
            let mut words: Vec<usize> = sentence
                .unnegated(SURVEILLANCE.union(ConceptSet::of(&[Concept::Unannounced])))
                .collect();
            // Being seen ("heeft u zien vertrekken") is surveillance by itself.
            words.extend(&watched);
            if watched.is_empty()
                && !words
                    .iter()
                    .any(|&k| sentence.words[k].concepts.intersects(SURVEILLANCE))
            {
                continue;
            }
            // A study's finding about people in general ("Uit dit onderzoek blijkt
            // dat mensen …"): research, not an investigation of the reader.
            if watched.is_empty() && study_finding(sentence) {
                continue;
            }
            // A visit described, not announced: "Een huisbezoek duurt meestal een
            // half uur", "Een huisbezoek kunt u altijd weigeren". Only a visit
            // that comes (or can come) is aimed at the reader.
            if watched.is_empty() && only_visits(sentence) && !announces_visit(sentence) {
                continue;
            }
            // News, figures or a definition about others aim at no reader (asked last).
            if sentence.informs(doc) {
                continue;
            }
            if letter_with_help && !mentioned {
                mentioned = true;
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit klinkt alsof de gemeente de lezer wantrouwt en in de gaten houdt. Dat maakt mensen bang en boos.",
                "Zeg eerlijk waarom u iets wilt weten, en vraag het: \"Wij willen graag weten of uw uitkering klopt. Wilt u ons … sturen?\" Een bezoek spreekt u vooraf af.",
            ));
        }
    }
}

/// What makes a visit a check: checking, no warning, suspicion, fraud.
const SUSPICIOUS: ConceptSet = ConceptSet::of(&[
    Concept::Check,
    Concept::Unannounced,
    Concept::Suspect,
    Concept::Fraud,
]);

/// Whether the only surveillance in the sentence is a visit (no check,
/// investigation, suspicion or visit without warning).
fn only_visits(sentence: &tone::ToneSentence) -> bool {
    sentence.concepts.contains(Concept::Visit)
        && !sentence
            .concepts
            .intersects(SUSPICIOUS.union(ConceptSet::of(&[Concept::Investigate, Concept::Report])))
}

/// Whether the only surveillance in the sentence is an investigation that
/// reports a finding ("Uit dit onderzoek blijkt …", "Het onderzoek laat zien …")
/// with no reader in it: a study, not an investigation of the reader.
fn study_finding(sentence: &tone::ToneSentence) -> bool {
    // A study may be about fraud; a check, a visit or a suspicion makes it an investigation.
    let only_investigation = sentence.concepts.contains(Concept::Investigate)
        && !sentence.concepts.intersects(ConceptSet::of(&[
            Concept::Check,
            Concept::Unannounced,
            Concept::Suspect,
            Concept::Visit,
            Concept::Report,
        ]));
    let reports = sentence.words.iter().enumerate().any(|(k, w)| {
        w.reads_as("blijken")
            || (w.reads_as("laten") && sentence.is(k + 1, &["zien"]))
            || (w.reads_as("tonen") && sentence.words[k + 1..].iter().any(|n| n.lower() == "aan"))
    });
    let reader = sentence
        .words
        .iter()
        .any(|w| matches!(w.lower(), "u" | "uw" | "je" | "jij" | "jouw"));
    // "Blijkt uit het onderzoek dat …? Dan …": a finding that still has to come.
    // A verb first makes it a condition too ("Blijkt uit het onderzoek …, dan …").
    let verb_first = sentence
        .words
        .first()
        .is_some_and(|w| w.reads_as("blijken"));
    only_investigation && reports && !reader && !sentence.question && !verb_first
}

/// The reader looked into through others or online: "Uw buren kunnen worden
/// gevraagd naar uw woonsituatie", "Wij zoeken op internet naar informatie over
/// u", "Wij houden bij hoe vaak u solliciteert".
fn asked_around(sentence: &tone::ToneSentence) -> Vec<usize> {
    // The cheapest test first: people around, the internet, or a form of "houden".
    if sentence.marks & marks::AROUND == 0 {
        return Vec::new();
    }
    let n = sentence.words.len();
    let about_reader = sentence
        .words
        .iter()
        .any(|w| matches!(w.lower(), "u" | "uw" | "je" | "jouw"));
    if !about_reader {
        return Vec::new();
    }
    // Neighbours or people around asked about the reader.
    let around = (0..n).find(|&k| {
        matches!(
            sentence.words[k].lemma(),
            "buur" | "buren" | "buurman" | "buurvrouw" | "omgeving" | "huisgenoot" | "familie"
        )
    });
    if let Some(people) = around
        && let Some(ask) = (0..n).find(|&k| {
            [
                "vragen",
                "ondervragen",
                "bevragen",
                "horen",
                "navragen",
                "spreken",
            ]
            .iter()
            .any(|v| sentence.words[k].reads_as(v))
        })
        && !sentence.clause_of(ask).negated
    {
        return vec![people, ask];
    }
    // Online: "op internet", "op Facebook", "sociale media" with searching or looking.
    let online = (0..n).find(|&k| {
        matches!(
            sentence.words[k].lower(),
            "internet" | "facebook" | "instagram" | "online" | "media" | "marktplaats"
        )
    });
    if let Some(online) = online
        && let Some(search) = (0..n).find(|&k| {
            [
                "zoeken", "kijken", "speuren", "bekijken", "volgen", "nagaan",
            ]
            .iter()
            .any(|v| sentence.words[k].reads_as(v))
        })
        && !sentence.clause_of(search).negated
    {
        return vec![search, online];
    }
    // "houden bij hoe vaak / of / wanneer u …": the reader's doings tracked.
    (0..n)
        .find(|&k| {
            sentence.is(k + 1, &["bij"])
                && sentence.words[k].reads_as("houden")
                && sentence.is(k + 2, &["hoe", "of", "wanneer", "wat", "waar", "welke"])
        })
        .map_or_else(Vec::new, |k| vec![k, k + 1])
}

/// Bodies whose files can be matched with the reader's data.
const BODIES: &[&str] = &[
    "bank",
    "werkgever",
    "belastingdienst",
    "uwv",
    "svb",
    "duo",
    "rdw",
    "kadaster",
    "instantie",
    "instanties",
    "zorgverzekeraar",
    "inlichtingenbureau",
    "verhuurder",
    "pensioenfonds",
    "organisatie",
    "organisaties",
];

/// The reader's data looked up or matched elsewhere: "Uw gegevens worden
/// vergeleken met bestanden van andere instanties", "Wij vragen uw gegevens op
/// bij uw werkgever", "Wij kijken mee op uw bankrekening".
fn data_check(sentence: &tone::ToneSentence) -> Vec<usize> {
    // The cheapest test first: a word of data, or "of" ("of u …").
    if sentence.marks & (marks::DATA | marks::OF) == 0 {
        return Vec::new();
    }
    let n = sentence.words.len();
    // The cheap test first: data of the reader's.
    // "Wij vragen bij de RDW na of u een auto hebt": a body asked about the reader.
    let about_reader =
        (1..n).find(|&k| sentence.is(k, &["u", "je"]) && sentence.is(k - 1, &["of"]));
    // A word of data: its lemma, or its last part ("spaarrekening",
    // "loongegevens"), ends with a data word (the list is in tone/marks.rs).
    let data = (0..n)
        .find(|&k| sentence.words[k].marks & marks::DATA != 0)
        .or(about_reader);
    let Some(data) = data else {
        return Vec::new();
    };
    // "volledige inzage geven in uw bankrekeningen": the reader must open up.
    let insight = (0..n).find(|&k| {
        sentence.words[k].lemma() == "inzage"
            || (sentence.words[k].lemma() == "toegang"
                && sentence.words[k + 1..]
                    .iter()
                    .any(|w| w.lemma().ends_with("rekening") || w.lower().contains("bankier")))
    });
    // The reader who looks up their own data ("U kunt uw gegevens opvragen") is no check.
    if sentence.clause_of(data).negated
        || (insight.is_none()
            && (0..n).any(|k| {
                sentence.is(k, &["u", "je"])
                    && (sentence.is(k + 1, &["kunt", "kan", "mag", "moet"])
                        || (k >= 1 && sentence.is(k - 1, &["kunt", "kan", "mag", "moet"])))
            }))
    {
        return Vec::new();
    }
    let verb = insight.or_else(|| {
        (0..n).find(|&k| {
            let w = &sentence.words[k];
            // Lemma and verb only (no other readings): the cheap test on every word.
            let verb = w.morph.verb.as_deref().unwrap_or(w.lemma());
            matches!(
                verb,
                "vergelijken" | "koppelen" | "opvragen" | "navragen" | "meekijken" | "inzien"
                    | "nakijken"
            ) || matches!(w.lower(), "vergelijking" | "vergeleken" | "vergelijkt" | "vergelijk")
                // "vragen … op", "kijken … mee": the particle apart.
                || (matches!(verb, "vragen" | "kijken")
                    && sentence.words[k + 1..]
                        .iter()
                        .any(|p| matches!(p.lower(), "op" | "na" | "mee")))
                // "Wij leggen uw gegevens naast die van het UWV."
                || (verb == "leggen" && sentence.words[k + 1..].iter().any(|p| p.lower() == "naast"))
                // "Wij weten precies wat er op uw rekening staat."
                || (verb == "weten" && sentence.is(k + 1, &["precies", "alles"]))
        })
    });
    let Some(verb) = verb else {
        return Vec::new();
    };
    let elsewhere = sentence.words.iter().any(|w| {
        BODIES.contains(&w.lemma()) || w.morph.head.as_deref().is_some_and(|h| BODIES.contains(&h))
    }) || sentence.words[data].lemma().contains("rekening")
        // Access demanded, or looking along or into the reader's own data, intrudes by itself.
        || insight.is_some()
        || matches!(
            sentence.words[verb].morph.verb.as_deref().unwrap_or(sentence.words[verb].lemma()),
            "meekijken" | "inzien" | "kijken"
        )
        // Bank statements and bank data come from the bank.
        || sentence.words[data].lemma().contains("afschrift")
        || sentence.words[data].lemma().starts_with("bank")
        || sentence.is(data.wrapping_sub(1), &["andere"]);
    if elsewhere {
        vec![verb, data]
    } else {
        Vec::new()
    }
}

/// Words that say someone saw the reader do something: "Mijn collega heeft u
/// zien vertrekken", "De buren zagen u werken": "zien" with an infinitive and
/// the reader, not "Wij zien dat u …".
fn watched(sentence: &tone::ToneSentence) -> Vec<usize> {
    // The cheapest test first: a form of "zien".
    if sentence.marks & marks::SEE == 0 {
        return Vec::new();
    }
    let lemmas = &crate::morphology::morphology().lemmas;
    (0..sentence.words.len())
        .filter(|&k| {
            sentence.words[k].reads_as("zien")
                && sentence.words[k + 1..].iter().take(2).any(|w| {
                    w.lower().ends_with("en")
                        && w.lemma() == w.lower()
                        && lemmas.is_verb(w.lower())
                        && !matches!(w.lower(), "zien" | "hebben" | "zijn" | "worden" | "kunnen")
                })
                && sentence.words[..k]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|w| matches!(w.lower(), "u" | "je" | "jou"))
                && !sentence.is(k + 1, &["dat", "of", "hoe", "wat"])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn checks_and_visits_are_flagged() {
        for text in [
            "Wij controleren of u alle inkomsten hebt doorgegeven.",
            "Er kunnen onaangekondigde huisbezoeken plaatsvinden.",
            "De sociale recherche start een onderzoek naar uw woonsituatie.",
            "Deze controles merkt u niet altijd.",
            "Wij komen graag langs om te controleren of u alleen woont.",
            "Onze controleurs bezoeken u ook onaangekondigd.",
            "Een medewerker heeft u gisteren zien werken bij een bakker.",
            "De gemeente moet controleren of de klant geen inkomsten verzwijgt.",
            // A visit at the door without warning, in other words.
            "Een handhaver kan zonder vooraankondiging bij u thuis komen.",
            "Wij kunnen op ieder moment voor uw deur staan.",
            "Wij komen kijken, ook zonder dat wij dat eerst zeggen.",
            // Data matched elsewhere, neighbours asked, online searches, tracking.
            // A visit that comes.
            "Uit ons onderzoek blijkt dat u samenwoont.",
            "Blijkt uit het onderzoek dat er sprake is van fraude? Dan moet al het geld terug.",
            "Binnenkort krijgt u een huisbezoek.",
            "Er kan een huisbezoek volgen.",
            "Vaak leggen we een huisbezoek af.",
            "Wij vergelijken uw inkomsten met wat de Belastingdienst over u weet.",
            "Wij kunnen uw bankgegevens van de laatste maanden opvragen.",
            "Wij vragen bij het Kadaster na of u een huis bezit.",
            "Wij kunnen uw huisgenoten vragen hoe u woont.",
            "Wij kijken ook op Facebook wat u doet.",
            "De consulent houdt bij of u op tijd uw brieven stuurt.",
            "U moet ons inzage geven in uw spaarrekening.",
            "Wij vragen toegang tot uw internetbankieren.",
            "Onze medewerker kijkt mee in de gegevens van uw telefoonabonnement.",
            // An appointment next to no warning, or an announcement denied.
            "Een huisbezoek is soms met een afspraak en soms onverwacht.",
            "Soms weet u vooraf niet wanneer de controleur voor een huisbezoek aanbelt.",
            "Wij kunnen uw buren ondervragen over uw leven.",
        ] {
            assert_eq!(findings_of(&Surveillance, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn agreed_visits_help_and_negations_are_not_flagged() {
        for text in [
            "Bij een aangekondigd huisbezoek maken wij eerst een afspraak met u.",
            "In het gesprek onderzoeken we samen welke hulp u nodig hebt.",
            "U hoeft de controleur niet binnen te laten.",
            // Headings that name or ask about a subject.
            "# Huisbezoek en controle\n\nHier leest u hoe dit gaat.",
            "## Hoe gaat een huisbezoek?\n\nHier leest u hoe dit gaat.",
            // An offered visit, and a dated visit in the past.
            "Wij komen graag bij u langs.",
            "Na twee keer zonder gehoor krijgt u het aanbod van een huisbezoek.",
            "Op 4 maart 2026 kwamen we bij u langs, maar u was niet thuis.",
            "Wij zien dat u vaak moet wachten. Wij willen u graag zien.",
            "Wij vragen u mee te werken aan een huisbezoek en vertellen u vooraf wat uw rechten zijn.",
            // Consent, the reader's own look-up, and news about others.
            "Een huisbezoek doen wij alleen als u ermee instemt.",
            "U kunt uw gegevens opvragen bij de Belastingdienst.",
            "Journalisten ontdekten dat een dienst bankgegevens van klanten opvroeg.",
            "Tijdens een huisbezoek mag u altijd een vriend laten komen.",
            // A visit as a service, for a reader who cannot come.
            "Kunt u door uw handicap niet naar het kantoor komen? Wij komen ook bij u thuis langs.",
            "Lukt het reizen naar het stadskantoor niet, dan doen wij het gesprek bij u thuis.",
            "Bent u ziek, dan kunt u zelf een huisbezoek aanvragen.",
            "Een medewerker komt op huisbezoek om u van dienst te zijn.",
            "Wij komen op huisbezoek. Dat doen we als u door een beperking niet naar ons toe kunt komen.",
            // A limit on the municipality's power protects the reader.
            "Een controleur is niet altijd bevoegd tot een huisbezoek.",
            // A term defined by a genus of the same kind.
            "Heronderzoeken zijn jaarlijkse onderzoeken naar uw situatie.",
            // A study's finding about people in general.
            "Uit dit onderzoek blijkt dat er naast fraude vaak een vergissing achter een fout zit.",
            // A visit described, not announced, and one explained by the next sentence.
            "Een huisbezoek duurt meestal een half uur.",
            "Een huisbezoek kunt u altijd weigeren.",
            "Soms komen wij bij u op huisbezoek. Bijvoorbeeld om samen een plan te maken.",
        ] {
            assert!(findings_of(&Surveillance, text).is_empty(), "{text}");
        }
    }
}
