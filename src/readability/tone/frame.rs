//! Sentences that inform about sanctions without aiming them at the reader:
//! news, research and opinions reported about others ("Volgens de ombudsman
//! …", "Onderzoekers zagen dat gemeenten …"), figures ("In 2023 legden
//! gemeenten 9.000 maatregelen op"), definitions ("Een maatregel is een
//! tijdelijke verlaging …") and explanations of what a page or letter tells
//! ("Hieronder leest u welke stappen …").
//!
//! A report or a figure that speaks to the reader ("u", "je") or in the voice of
//! the organisation that acts ("wij", "onze") does not inform in this sense: a
//! quoted official ("We pakken fraude hard aan", zegt de wethouder) and a
//! municipality's own figures about what it found still aim at the reader.

use super::ToneSentence;
use crate::morphology::Concept;

/// Sources that are people in a story: they report only with a verb of saying
/// ("De rechter oordeelde dat …"), not by acting ("De rechter laat beslag leggen").
const QUOTED: &[&str] = &["rechter", "ambtenaar", "woordvoerder", "woordvoerster"];

/// Verbs that only report, judge or count.
const REPORTING_VERBS: &[&str] = &[
    "zeggen",
    "schrijven",
    "beschrijven",
    "ontdekken",
    "concluderen",
    "blijken",
    "oordelen",
    "constateren",
    "tellen",
    "berekenen",
    "becijferen",
    "onthullen",
    "signaleren",
    "pleiten",
    "menen",
    "vertellen",
];

/// Verbs that report when a clause follows ("vinden dat", "zien hoe").
const REPORTING_BEFORE_CLAUSE: &[&str] = &[
    "vinden",
    "stellen",
    "noemen",
    "zien",
    "tonen",
    "willen",
    "vragen",
    "waarschuwen",
    "erkennen",
    "benadrukken",
    "voorstellen",
    "vaststellen",
];

/// Words that count cases ("duizenden", "een op de tien", "de helft").
const COUNT_WORDS: &[&str] = &[
    "honderden",
    "duizenden",
    "tienduizenden",
    "honderdduizenden",
    "tientallen",
    "miljoen",
    "miljoenen",
    "miljard",
    "helft",
    "derde",
    "kwart",
    "aantal",
    "gemiddeld",
    "gemiddelde",
    "percentage",
    "meerderheid",
    "minderheid",
    "cijfers",
    "statistiek",
];

/// Units after a number that make it an amount or a period, not a count (a
/// month name after a number makes a date: see [`crate::dutch::MONTHS`]).
const UNITS: &[&str] = &[
    "euro",
    "cent",
    "dag",
    "dagen",
    "week",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "jaren",
    "keer",
    "uur",
    "uren",
    "minuten",
    "procent",
    "termijnen",
    "termijn",
];

/// Verbs that explain what a text tells ("Hieronder leest u welke …").
const EXPLAINING: &[&str] = &["lezen", "uitleggen", "beschrijven", "vinden", "staan"];

/// Question words that open an embedded question ("… leest u hoe …").
const EMBEDDED: &[&str] = &[
    "welke", "welk", "wat", "hoe", "wanneer", "waarom", "hoeveel", "wie", "waar",
];

/// Whether the sentence informs about sanctions without aiming them at the
/// reader: reported, counted or defined (see the module documentation).
pub(super) fn informs(sentence: &ToneSentence, block: &crate::text::ProseBlock) -> bool {
    let (n, text) = (sentence.words.len(), block.text.as_str());
    if n == 0 {
        return false;
    }
    // A term explained, or what a text explains, informs whoever it names.
    let item = block.kind == crate::text::BlockKind::ListItem;
    if explains_text(sentence, item) || defines(sentence) {
        return true;
    }
    // One pass: a question, a failure, the reader or the organisation speaking.
    if sentence.question
        || sentence.words.iter().any(|w| {
            matches!(
                w.lower(),
                "u" | "uw"
                    | "je"
                    | "jij"
                    | "jou"
                    | "jouw"
                    | "jullie"
                    | "uzelf"
                    | "wij"
                    | "we"
                    | "ons"
                    | "onze"
                    | "ik"
                    | "mijn"
            )
        })
        || sentence.failing_condition().is_some()
    {
        return false;
    }
    reported(sentence) || counted(sentence, text)
}

/// "Volgens de ombudsman …", "Onderzoekers zagen dat …", "Uit een enquête blijkt …".
fn reported(sentence: &ToneSentence) -> bool {
    let is = |w: &super::ToneWord, list: &[&str]| {
        list.contains(&w.lemma()) || w.morph.head.as_deref().is_some_and(|h| list.contains(&h))
    };
    // "de Kamer" (parliament) is a source; "uw kamer" is a room.
    let chamber = (1..sentence.words.len())
        .any(|k| sentence.words[k].capitalised() && sentence.words[k].lower() == "kamer");
    // The cheap test first: a word of the concept source (readability/concepts.toml).
    if !sentence.concepts.contains(Concept::Source) && !chamber {
        return false;
    }
    let reporter = chamber
        || sentence
            .words
            .iter()
            .any(|w| w.concepts.contains(Concept::Source) && !is(w, QUOTED));
    let quoted = !reporter;
    if !reporter && !quoted {
        return false;
    }
    let verb_is = |w: &super::ToneWord, list: &[&str]| {
        list.iter().any(|v| w.reads_as(v))
            || w.morph.verb.as_deref().is_some_and(|v| list.contains(&v))
    };
    // A court's decision told in the past: "De rechter besliste dat …".
    let decided = |w: &super::ToneWord| {
        (w.reads_as("beslissen") || w.reads_as("bepalen") || w.reads_as("oordelen"))
            && w.lower() != w.lemma()
            && (w.lower().ends_with("de") || w.lower().ends_with("te"))
    };
    let says = (0..sentence.words.len()).any(|k| {
        verb_is(&sentence.words[k], REPORTING_VERBS)
            // "De journalist sprak met bijstandsmoeders": an interview.
            || (reporter
                && ["spreken", "praten", "interviewen"].iter().any(|v| sentence.words[k].reads_as(v))
                && sentence.is(k + 1, &["met"]))
            || (decided(&sentence.words[k]) && sentence.is(k + 1, &["dat"]))
            || (reporter
                && verb_is(&sentence.words[k], REPORTING_BEFORE_CLAUSE)
                && sentence.words[k + 1..]
                    .iter()
                    .take(3)
                    .any(|w| matches!(w.lower(), "dat" | "hoe" | "of" | "om")))
    });
    // "volgens de wet" is the rule itself, not a report.
    let volgens = reporter
        && sentence.words.iter().any(|w| w.lower() == "volgens")
        && !sentence
            .words
            .iter()
            .any(|w| matches!(w.lower(), "wet" | "regels" | "verordening"));
    says || volgens
}

/// A figure about many cases: a number of at least 100 before a plural noun
/// that is no unit ("9.000 maatregelen"; not "na 2 aanmaningen", "150 euro",
/// "in 2023"), or a count word ("duizenden", "de helft", "een op de tien").
fn counted(sentence: &ToneSentence, text: &str) -> bool {
    // The cheap test first.
    let digits = text[sentence.range.clone()]
        .bytes()
        .any(|b| b.is_ascii_digit());
    let n = sentence.words.len();
    // A number before a plural noun, not an amount ("€ 50"), not a year ("In 2023").
    let number_before = |k: usize| {
        if !digits {
            return false;
        }
        let before = text[..sentence.words[k].range().start].trim_end();
        let run = &before[before
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len()..];
        let number: String = run.chars().filter(char::is_ascii_digit).collect();
        // "In 2023" is a year; "2.000" is a count.
        let year = number.len() == 4
            && !run.contains('.')
            && (number.starts_with("19") || number.starts_with("20"));
        // Many cases: "Na 2 aanmaningen …" counts the steps of a procedure.
        number.len() >= 3
            && !year
            && !before
                .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim_end()
                .ends_with('€')
    };
    (0..n).any(|k| {
        let w = &sentence.words[k];
        (number_before(k)
            && !UNITS.contains(&w.lower())
            && !crate::dutch::MONTHS.contains(&w.lower())
            && (matches!(w.morph.kind, crate::morphology::FormKind::Noun) && w.lower() != w.lemma()
                || (w.morph.kind == crate::morphology::FormKind::Unlisted
                    && w.lower().ends_with("en")
                    && w.morph.verb.is_none())))
            || ((COUNT_WORDS.contains(&w.lower())
                || w.lower().ends_with("duizend")
                || w.lower().ends_with("honderd"))
                // "tienduizenden euro's" is an amount.
                && !sentence.is(k + 1, &["euro", "euros", "eurocent"]))
            // "40 procent van de boetes": a share of many cases.
            || (matches!(w.lower(), "procent" | "percent")
                && sentence.is(k + 1, &["van"])
                && sentence.is(k + 2, &["de", "alle"])
                && sentence.words.get(k + 3).is_some_and(|p| {
                    p.morph.kind == crate::morphology::FormKind::Noun && p.lower() != p.lemma()
                }))
            // "een op de tien", "twee op de drie".
            || (w.lower() == "op"
                && sentence.is(k + 1, &["de"])
                && k >= 1
                && !sentence.is(k - 1, &["beslag", "gelegd"]))
                && sentence.words.get(k + 2).is_some_and(|n| {
                    matches!(
                        n.lower(),
                        "twee" | "drie" | "vier" | "vijf" | "zes" | "zeven" | "acht" | "negen"
                            | "tien" | "twintig" | "honderd"
                    )
                })
    })
}

/// "Een maatregel is een tijdelijke verlaging van de bijstand": a word defined.
fn defines(sentence: &ToneSentence) -> bool {
    // "Wat is een dwangbevel?", "Wat betekent opschorten?": a term asked after.
    if sentence.question && sentence.is(0, &["wat"]) && sentence.is(1, &["is", "betekent", "zijn"])
    {
        return sentence.words.len() <= 5;
    }
    // "Terugvordering: zo heet het als …", "Dit noemen we een maatregel",
    // "In de wet wordt dat … genoemd": a name given.
    let genoemd = sentence
        .words
        .last()
        .is_some_and(|w| w.lower() == "genoemd");
    let names = (0..sentence.words.len()).any(|k| {
        sentence.is(k, &["zo", "dit", "dat"])
            && (sentence.is(k + 1, &["heet", "heten"])
                && sentence.is(k + 2, &["het", "dat", "dit"])
                || sentence.is(k + 1, &["noemen"]) && sentence.is(k + 2, &["we", "wij"])
                || genoemd
                    && (sentence.is(k + 1, &["wordt", "worden"])
                        || k >= 1 && sentence.is(k - 1, &["wordt", "worden"])))
    });
    // "Dit zijn invorderingskosten.", "Dat heet verrekenen.": a short sentence
    // names what the one before said. "Dat heet fraude." names the reader's
    // act a fraud: that frames, it does not inform.
    if names
        || (sentence.is(0, &["dit", "dat"])
            && sentence.is(1, &["is", "zijn", "heet", "heten"])
            && sentence.words.len() <= 5
            && !sentence.concepts.contains(Concept::Fraud))
    {
        return true;
    }
    let start = usize::from(sentence.is(0, &["een", "de", "het"]));
    let term = sentence.words.get(start).is_some_and(|w| {
        w.concepts.intersects(
            super::STRONG_CONSEQUENCE
                .union(super::WEAK_CONSEQUENCE)
                .union(super::SURVEILLANCE),
        )
    });
    // "Een vonnis of beschikking is een …": two terms defined at once.
    let verb = if sentence.is(start + 1, &["of", "en"]) {
        start + 3 + usize::from(sentence.is(start + 2, &["een", "de", "het"]))
    } else {
        start + 1
    };
    // "Heronderzoeken zijn jaarlijkse onderzoeken …": a plural term whose genus,
    // a few words on, names the same concept.
    let genus = || {
        let concepts = sentence.words[start].concepts;
        sentence.is(verb, &["zijn"])
            && sentence
                .words
                .iter()
                .skip(verb + 1)
                .take(3)
                .any(|w| w.concepts.intersects(concepts))
    };
    term && (sentence.is(verb, &["is", "heet", "zijn"]) && sentence.is(verb + 1, &["een"])
        || sentence.is(verb, &["betekent", "betekenen"]) && sentence.is(verb + 1, &["dat", "een"])
        // "Een maatregel houdt in dat …".
        || sentence.is(verb, &["houdt", "houden"])
            && sentence.is(verb + 1, &["in"])
            && sentence.is(verb + 2, &["dat"])
        || genus())
        && !sentence.has_condition()
}

/// "Hieronder leest u welke stappen …", "De hoogte hangt af van hoeveel …",
/// "Hier leest u meer over boetes", a list item "Hoeveel u moet terugbetalen":
/// the text tells how something works or where to read it; it announces nothing.
fn explains_text(sentence: &ToneSentence, list_item: bool) -> bool {
    let n = sentence.words.len();
    // "Hoe hoog de boete is, hangt af van …", "Wat er dan gebeurt, leest u hier":
    // a question word opens a statement ("wie" and "wanneer" open a condition).
    // "Hoe meer …, hoe groter …" compares; it asks nothing.
    let compares = sentence.is(0, &["hoe"])
        && sentence
            .words
            .get(1)
            .is_some_and(|w| matches!(w.lower(), "meer" | "minder") || w.lower().ends_with("er"));
    let question_subject = !sentence.question
        && !compares
        && sentence.is(0, &["hoe", "hoeveel", "welke", "wat", "waarom"])
        // A list item may be the question alone: "- Hoeveel u moet terugbetalen".
        && (sentence.clauses.len() >= 2 || list_item);
    // "Op deze pagina leest u meer over boetes": a signpost to other text.
    let signpost = (1..n).any(|k| {
        sentence.is(k, &["meer"])
            && sentence.is(k + 1, &["over", "informatie"])
            && sentence.words[..k]
                .iter()
                .any(|w| w.reads_as("lezen") || w.reads_as("vinden"))
    });
    if (question_subject || signpost) && sentence.failing_condition().is_none() {
        return true;
    }
    !sentence.question
        && (1..n).any(|k| {
            // The cheap test first: every question word starts with w or h.
            sentence.words[k].lower().starts_with(['w', 'h'])
                && sentence.is(k, EMBEDDED)
                && (sentence.words[..k]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|w| EXPLAINING.iter().any(|v| w.reads_as(v)))
                    // "hangt af van hoeveel …".
                    || (k >= 2 && sentence.is(k - 1, &["van"]) && sentence.is(k - 2, &["af"])))
        })
        && sentence.failing_condition().is_none()
}

#[cfg(test)]
mod tests {
    fn informs(text: &str) -> bool {
        let config = crate::readability::ReadabilityConfig::default();
        let prose = crate::lint::prose(text, crate::lint::SourceKind::PlainText);
        let doc = crate::readability::Document::new(text, prose, &config);
        super::super::sentences(&doc)[0].informs(&doc)
    }

    #[test]
    fn news_figures_definitions_and_explanations_inform() {
        for text in [
            // Research, press and politics about others.
            "Volgens de Nationale ombudsman leggen gemeenten te makkelijk sancties op.",
            "Onderzoekers zagen dat gemeenten de bijstand vaak korten zonder gesprek.",
            "Uit een peiling blijkt dat bijstandsgerechtigden bang zijn voor controles.",
            "De journalist ontdekte dat de dienst jarenlang huisbezoeken aflegde.",
            "Een ambtenaar vertelde dat het team vooral fraude moest opsporen.",
            // Figures about many cases.
            "Vorig jaar kregen 4.200 huishoudens een boete van de dienst.",
            "Ongeveer de helft van de terugvorderingen ging over kleine bedragen.",
            "Een op de vijf onderzoeken leidde tot een stopzetting.",
            // A term defined, and what a page explains.
            "Een maatregel is een verlaging van de bijstand voor een bepaalde tijd.",
            "Op deze pagina leest u hoe een beslag werkt en wat u kunt doen.",
            "De hoogte van de boete hangt af van hoeveel verwijtbaarheid er is.",
            // A name given to a sanction.
            "Terugvordering: zo heet het als de gemeente geld terugvraagt dat u te veel kreeg.",
            "Een tijd minder bijstand krijgen: dat noemen we een maatregel.",
            "Dit zijn incassokosten.",
            "Dat heet een maatregel.",
            "Dit wordt het verlagen van de bijstand genoemd.",
            "In de wet wordt dat een maatregel of een boete genoemd.",
            "Een maatregel houdt in dat wij uw bijstand een tijd lager maken.",
        ] {
            assert!(informs(text), "{text}");
        }
    }

    #[test]
    fn what_aims_at_the_reader_or_speaks_for_the_organisation_does_not_inform() {
        for text in [
            // The reader is addressed.
            "Volgens de rechter moet u de boete binnen een maand betalen.",
            "Uit ons onderzoek blijkt dat u inkomsten had.",
            // An official quoted in the first person, and the organisation's own figures.
            "\"Wie de regels breekt, pakken wij hard aan\", zegt de wethouder.",
            "Vorig jaar hebben wij 300 fraudezaken opgespoord.",
            // The steps of a procedure, an amount, a year, and the law itself.
            "Na 2 aanmaningen volgt een dwangbevel.",
            "De boete is 150 euro.",
            "In 2026 worden de boetes hoger.",
            "Volgens de wet wordt de bijstand dan verlaagd.",
            // A rule laid down, not reported.
            "De rechter laat beslag leggen op het loon.",
            "Het gevolg is dat de uitkering stopt.",
            // The reader's act named a fraud.
            "Dat is fraude.",
            "Dat heet fraude.",
        ] {
            assert!(!informs(text), "{text}");
        }
    }
}
