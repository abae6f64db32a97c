//! The consequences in a sentence: words that say the reader loses money,
//! rights, a home or freedom ("verlaagd", "beslag", "geen uitkering meer").

use super::qualify::{
    PASSING_ON, claimed_from_reader, failing_reason, for_benefit, in_parts, informs_the_bailiff,
    other_risk, plain_stop_or_cut, reader_did, reader_does, reader_may, softened, weighed,
};
use super::{
    Clause, STRONG_CONSEQUENCE, ToneSentence, ToneWord, WEAK_CONSEQUENCE, comparative, is_negation,
    marks,
};
use crate::morphology::{Concept, ConceptSet};

/// What the reader owes: a cut in one of these is good news ("Uw schuld is verlaagd").
const DEBTS: &[&str] = &[
    "schuld",
    "huurschuld",
    "studieschuld",
    "vordering",
    "terugvordering",
    "boete",
    "rente",
    "kosten",
    "aflossing",
    "termijnbedrag",
    "maandbedrag",
    "premie",
    "achterstand",
    "huurachterstand",
    "eigen bijdrage",
    "incasso",
    "inhouding",
];

/// Agreements the reader enters: "afsluiten" with one of them is making it, not cutting off.
const AGREEMENTS: &[&str] = &[
    "regeling",
    "betalingsregeling",
    "overeenkomst",
    "contract",
    "verzekering",
    "lening",
    "abonnement",
    "hypotheek",
];

/// Money the reader lives on: not paying it is a consequence ("Wij betalen uw uitkering niet").
const LIVELIHOOD: &[&str] = &[
    "uitkering",
    "bijstand",
    "bijstandsuitkering",
    "toeslag",
    "aanvulling",
    "kinderbijslag",
    "pensioen",
    "vergoeding",
    "aanvraag",
    "ww-uitkering",
];

/// Verbs of paying out or handling a request: negated, the reader gets nothing.
const PAYING_OUT: &[&str] = &[
    "betalen",
    "uitbetalen",
    "verstrekken",
    "toekennen",
    "behandelen",
    "verlengen",
    "overmaken",
];

/// Words that make a possible consequence heavy ("vervelende gevolgen", "groot risico").
const HEAVY: &[&str] = &[
    "vervelend",
    "vervelende",
    "ernstig",
    "ernstige",
    "groot",
    "grote",
    "zwaar",
    "zware",
    "dure",
    "duur",
    "verstrekkend",
    "verstrekkende",
    "flink",
    "flinke",
    "fors",
    "forse",
    "nare",
    "negatieve",
    "serieuze",
    "hoge",
];

/// The concepts of a word that can be a consequence.
const CANDIDATES: ConceptSet = STRONG_CONSEQUENCE
    .union(WEAK_CONSEQUENCE)
    .union(ConceptSet::of(&[Concept::Benefit]));

/// Words that are a consequence for the reader, each with whether it is
/// strong (a threat by itself) or weak (a threat after a failure):
///
/// - an unnegated word of a consequence concept ("verlaagd", "beslag"); a weak
///   one is strong after "moeten" ("u moet … terugbetalen"), "leiden tot", with
///   a heavy word ("vervelende gevolgen"), a right or a benefit that is lost
///   ("uw recht vervalt") or, in a sentence without a condition, after "dan"
///   that points back at one ("U krijgt dan een lagere uitkering");
/// - a loss said with "geen … meer" or "geen … krijgen" ("geen uitkering meer");
/// - "lager" or "minder" with the reader's money ("minder uitkering", also
///   "geen of minder bijstand");
/// - money or a request that is not paid or handled ("Wij betalen uw uitkering
///   niet", "Wij nemen uw aanvraag niet in behandeling", "buiten behandeling");
/// - being put out of one's home ("uit uw woning zetten", "op straat zetten");
/// - "actie ondernemen", "stappen zetten": weak, a threat after a failure;
/// - something of the reader's "op het spel" ("u zet uw woning op het spel");
/// - a weak one is strong after "dreigen" and in "het risico lopen".
///
/// Not a consequence: a debt that is cut ("Uw schuld is verlaagd": good news),
/// what comes "zonder" ("zonder rente"), a consequence lifted ("het beslag
/// opheffen"), a fine that is paid and not demanded ("Wie de boete al heeft
/// betaald"), a stop the reader may choose ("U kunt tussendoor stoppen"),
/// an end named as a moment ("bij beëindiging van uw uitkering"), and the court
/// of an objection or appeal.
pub(crate) fn consequences(sentence: &ToneSentence) -> &[(usize, bool)] {
    &sentence.consequence_words
}

/// Finds the consequences of [`consequences`] (once a sentence, when it is built).
pub(super) fn find_consequences(sentence: &ToneSentence) -> Vec<(usize, bool)> {
    let mut found = Vec::new();
    // The cheap test first: a sentence without a candidate word has none.
    if !sentence.concepts.intersects(CANDIDATES)
        && sentence.marks & (marks::PAYING | marks::CONSEQUENCE_FORM) == 0
    {
        return found;
    }
    let conditioned = sentence.has_condition();
    for (i, word) in sentence.words.iter().enumerate() {
        let clause = sentence.clause_of(i);
        // The cheap test first: only these words can be a consequence.
        let candidate = word.concepts.intersects(CANDIDATES)
            || (clause.negated && paying(word))
            || word.marks & marks::CONSEQUENCE_FORM != 0;
        if !candidate {
            continue;
        }
        // A word of the reader's money alone ("uitkering") is a consequence only
        // after "geen" ("geen uitkering meer"); the other ways need a consequence
        // concept or a form of their own (marks).
        let can_be = word
            .concepts
            .intersects(STRONG_CONSEQUENCE.union(WEAK_CONSEQUENCE))
            || word.marks & (marks::CONSEQUENCE_FORM | marks::PAYING | marks::LEAVE) != 0
            || (i >= 1 && sentence.is(i - 1, &["geen"]))
            || (i >= 2 && sentence.is(i - 2, &["geen"]));
        if !can_be {
            continue;
        }
        let in_clause = |test: &dyn Fn(&ToneWord) -> bool| {
            clause.words.clone().any(|k| test(&sentence.words[k]))
        };
        // The court of an objection or appeal clause is no threat.
        let court_only = word.concepts.contains(Concept::PoliceCourt)
            && !word.concepts.intersects(ConceptSet::of(&[
                Concept::Punish,
                Concept::Reduce,
                Concept::Stop,
                Concept::Fine,
                Concept::Seize,
            ]));
        if court_only && sentence.objection_block {
            continue;
        }
        // "Geef dit door aan de deurwaarder": the reader informs the bailiff; nothing is taken.
        if informs_the_bailiff(sentence, i) {
            continue;
        }
        // "U kunt naar de rechter gaan", "dan kunt u de rechter vragen om …": the
        // reader who may take the case to court uses a right; nothing is done to
        // them. So does a reader who may report something ("kunt u dat melden bij
        // de sociale recherche"): the report-call rule reads that.
        if court_only
            && ((1..=3).any(|back| i >= back && sentence.is(i - back, &["naar"]))
                || in_clause(&|w| {
                    w.reads_as("vragen")
                        || w.reads_as("verzoeken")
                        || PASSING_ON.iter().any(|v| w.reads_as(v))
                }))
            && reader_does(
                sentence,
                clause.words.clone(),
                &["kunt", "kan", "kun", "mag"],
            )
        {
            continue;
        }
        if reader_wishes(sentence, clause) {
            continue;
        }
        // "de uitspraak in uw brievenbus stoppen": something put in, nothing stopped.
        if word.concepts == ConceptSet::of(&[Concept::Stop])
            && in_clause(&|w| matches!(w.lower(), "brievenbus" | "envelop" | "envelope"))
        {
            continue;
        }
        // "U stopt met werken", "stopt met een opleiding", "Start of stopt uw
        // kind met een studie?": someone ends an activity; "stoppen met de
        // betaling van uw uitkering" stops money.
        if word.concepts == ConceptSet::of(&[Concept::Stop])
            && let Some(met) = activity_with(sentence, i)
            && !sentence.words[met + 1..]
                .iter()
                .take(5)
                .any(|w| w.concepts.contains(Concept::Benefit) || paying(w))
        {
            continue;
        }
        // "aangifte inkomstenbelasting", "de aangifte van uw inkomstenbelasting": a tax return.
        if court_only
            && word.lemma() == "aangifte"
            && sentence.words[i + 1..]
                .iter()
                .take(4)
                .any(|w| w.lower().contains("belasting"))
        {
            continue;
        }
        // "zonder rente", "zonder extra kosten": what does not come.
        if (i.saturating_sub(2)..i).any(|k| sentence.words[k].lower() == "zonder") {
            continue;
        }
        // "het beslag opheffen": a consequence taken back is good news.
        let lifted = sentence.clause_of(i).words.clone().any(|k| {
            let w = &sentence.words[k];
            matches!(
                w.lemma(),
                "opheffen" | "terugdraaien" | "vrijgeven" | "ongedaan" | "herzien" | "matigen"
                    | "afzien" | "kwijtschelden"
            ) || matches!(w.lower(), "opgeheven" | "herzien" | "gematigd")
                // "ziet af van een maatregel": a sanction given up.
                || (w.reads_as("zien") && sentence.clause_of(i).words.clone().any(|j| sentence.is(j, &["af"])))
                // "op te heffen", "heft … op".
                || (w.reads_as("heffen") && sentence.clause_of(i).words.clone().any(|j| sentence.is(j, &["op"])))
        });
        if lifted {
            continue;
        }
        // "U vermindert uw uitgaven", "wij verlagen uw schuld": less to pay is no
        // loss, unless the reader's money is in the clause too ("wij korten de
        // kosten op uw uitkering").
        let what_you_pay = word.concepts.contains(Concept::Reduce)
            && !in_clause(&|w| {
                w.concepts.contains(Concept::Benefit)
                    || matches!(w.lemma(), "inkomen" | "loon" | "salaris" | "geld")
            })
            && sentence.words[i + 1..].iter().take(4).any(|w| {
                matches!(
                    w.lemma(),
                    "uitgave"
                        | "uitgaven"
                        | "kost"
                        | "kosten"
                        | "last"
                        | "lasten"
                        | "schuld"
                        | "schulden"
                )
            });
        if what_you_pay {
            continue;
        }
        // "Wie de boete al heeft betaald": a fine that is paid is a debt, not a
        // threat; one that must be paid ("U moet eerst de boete betalen") presses.
        if word.concepts.contains(Concept::Fine)
            && !word
                .concepts
                .intersects(ConceptSet::of(&[Concept::Punish, Concept::Seize]))
            && in_clause(&|w| w.reads_as("betalen") || w.lower() == "betaald")
            && !sentence.words[clause.words.start.saturating_sub(4)..clause.words.end]
                .iter()
                .any(|w| w.reads_as("moeten") || w.reads_as("willen"))
            && !in_clause(&|w| {
                ["krijgen", "opleggen", "geven", "volgen", "riskeren"]
                    .iter()
                    .any(|v| w.reads_as(v))
            })
        {
            continue;
        }
        // "Uw schuld is verlaagd", "de incasso stopzetten": a debt that shrinks
        // or stops is good news.
        if word
            .concepts
            .intersects(ConceptSet::of(&[Concept::Reduce, Concept::Stop]))
            && !word
                .concepts
                .intersects(ConceptSet::of(&[Concept::Punish, Concept::Seize]))
            && in_clause(&|w| DEBTS.contains(&w.lemma()))
            && !in_clause(&|w| LIVELIHOOD.contains(&w.lemma()) || w.lemma() == "inkomen")
        {
            continue;
        }
        // "een betalingsregeling afsluiten": an agreement made, nothing cut off.
        if word.concepts.contains(Concept::Stop)
            && !word
                .concepts
                .intersects(ConceptSet::of(&[Concept::Punish, Concept::Fine]))
            && in_clause(&|w| w.reads_as("sluiten") || w.reads_as("afsluiten"))
            && in_clause(&|w| AGREEMENTS.contains(&w.lemma()))
        {
            continue;
        }
        // "Dan is de kans op een terugbetaling kleiner": a risk made smaller.
        if (i.saturating_sub(5)..i).any(|k| {
            matches!(sentence.words[k].lemma(), "kans" | "risico") && sentence.is(k + 1, &["op"])
        }) && in_clause(&|w| {
            matches!(
                w.lower(),
                "kleiner" | "verkleinen" | "verkleint" | "verminderen" | "vermindert" | "voorkomen"
            )
        }) {
            continue;
        }
        // "in plaats van een boete", "alleen een waarschuwing": a measure softened;
        // "gezondheidsrisico's": a risk to health.
        if softened(sentence, i) || other_risk(sentence, i) {
            continue;
        }
        // "Wij zoeken met u uit of dit gevolgen heeft", "laten toetsen of die
        // maatregel klopt": a consequence asked about is not announced.
        if weighed(sentence, i) {
            continue;
        }
        // "de Verordening maatregelen Participatiewet": a word in the name of a law.
        if in_law_name(sentence, i) {
            continue;
        }
        // "Dan betalen wij het griffierecht aan u terug": money back to the reader;
        // "krijgt u het ingehouden bedrag terug": what was taken comes back.
        if refund(sentence, i) || given_back(sentence, i) {
            continue;
        }
        // "dat u uw oude huis hebt opgezegd": the reader stopped something.
        if reader_did(sentence, i) || reader_chooses(sentence, i) {
            continue;
        }
        // "om minder te verlagen": a cut made smaller.
        if word.concepts.contains(Concept::Reduce)
            && (i.saturating_sub(2)..i).any(|k| sentence.words[k].lower() == "minder")
        {
            continue;
        }
        // "bij beëindiging van uw uitkering": the end as a moment.
        if word.lemma() == "beëindiging"
            && (i.saturating_sub(2)..i).any(|k| {
                matches!(
                    sentence.words[k].lower(),
                    "bij" | "na" | "tot" | "vanaf" | "per"
                )
            })
        {
            continue;
        }
        if word.concepts.intersects(STRONG_CONSEQUENCE) && !clause.negated {
            found.push((i, true));
        } else if word.concepts.intersects(WEAK_CONSEQUENCE) && !clause.negated {
            let lost_right = matches!(
                word.lemma(),
                "verliezen" | "kwijtraken" | "vervallen" | "eindigen"
            ) && in_clause(&|w| w.concepts.contains(Concept::Benefit));
            // "… dan kan dat vervelende gevolgen hebben", "een groot risico".
            let heavy = heavy(sentence, i);
            // "het risico lopen", "dreigt … te verliezen": a loss that is coming.
            let pressed = in_clause(&|w| {
                w.reads_as("moeten")
                    || w.reads_as("dreigen")
                    || w.lemma() == "leiden"
                    || (w.reads_as("lopen") && matches!(word.lemma(), "risico" | "gevaar"))
            }) || lost_right
                || heavy
                || claimed_from_reader(sentence, i)
                || for_benefit(sentence, i)
                || (failing_reason(sentence) && !in_parts(sentence, clause.words.clone()))
                || (!conditioned
                    && points_back(sentence, clause.words.clone())
                    && !reader_may(sentence, clause.words.clone())
                    && !in_parts(sentence, clause.words.clone()));
            found.push((i, pressed));
        } else if word.concepts.contains(Concept::Benefit)
            && i >= 1
            && (sentence.is(i - 1, &["geen"]) || (i >= 2 && sentence.is(i - 2, &["geen"])))
            && sentence
                .words
                .iter()
                .any(|w| w.lower() == "meer" || w.reads_as("krijgen") || w.reads_as("ontvangen"))
        {
            found.push((i, true));
        } else if matches!(word.lower(), "lager" | "lagere" | "minder")
            && (!clause.negated || none_or_less(sentence, i))
            && in_clause(&|w| w.concepts.contains(Concept::Benefit))
        {
            let pressed = (!conditioned && points_back(sentence, clause.words.clone()))
                || failing_reason(sentence);
            found.push((i, pressed));
        } else if word.lower() == "kwijt" && put_out(sentence, i) {
            // "raakt … kwijt" is "kwijtraken": a loss that threatens after a failure.
            found.push((i, false));
        } else if (clause.negated && not_paid_out(sentence, i))
            || out_of_treatment(sentence, i)
            || put_out(sentence, i)
            || at_stake(sentence, i)
        {
            found.push((i, true));
        } else if matches!(word.lemma(), "actie" | "stap" | "stappen")
            && !clause.negated
            && in_clause(&|w| {
                matches!(
                    w.lemma(),
                    "ondernemen" | "zetten" | "nemen" | "gerechtelijk" | "juridisch"
                )
            })
        {
            found.push((i, false));
        }
    }
    found
}

/// Whether word `i` ("lager", "minder") follows "geen of (een)": "geen of
/// minder bijstand", "geen of een lager inkomen" is a loss, though "geen"
/// negates the clause.
fn none_or_less(sentence: &ToneSentence, i: usize) -> bool {
    (i >= 2 && sentence.is(i - 1, &["of"]) && sentence.is(i - 2, &["geen"]))
        || (i >= 3
            && sentence.is(i - 1, &["een"])
            && sentence.is(i - 2, &["of"])
            && sentence.is(i - 3, &["geen"]))
}

/// Whether these words hold "dan" that points back at a condition ("U krijgt
/// dan minder"), not "dan" after a comparative ("meer dan"), or "daarom" that
/// points back at a reason.
fn points_back(sentence: &ToneSentence, words: std::ops::Range<usize>) -> bool {
    words.clone().any(|k| {
        // "Daarom krijgt u een aanmaning": the reason was said before.
        sentence.is(k, &["daarom", "daardoor", "hierdoor"])
            || (sentence.words[k].lower() == "dan"
                && !(k >= 1 && comparative(&sentence.words[k - 1]))
                && !sentence.is(k + 1, &["ook"]))
    })
}

/// Whether a word is a verb of paying out or handling ("betalen", "behandelen").
fn paying(word: &ToneWord) -> bool {
    word.marks & marks::PAYING != 0
}

/// Whether a word form is a verb of paying out or handling (its mark [`marks::PAYING`]).
pub(super) fn paying_form(word: &crate::morphology::WordMorph) -> bool {
    PAYING_OUT.iter().any(|v| {
        word.lemma == *v
            || (word.others.len() >= v.len() && word.others.split(',').any(|o| o == *v))
    }) || word
        .verb
        .as_deref()
        .is_some_and(|v| PAYING_OUT.contains(&v))
}

/// Whether word `i` (in a negated clause) is paying out or handling the
/// reader's money or request: "Wij betalen uw uitkering niet", "Dan kunnen wij
/// uw aanvraag niet behandelen". Not the reader who does not pay ("als u niet
/// betaalt"), and not "u hoeft niet te betalen".
fn not_paid_out(sentence: &ToneSentence, i: usize) -> bool {
    let word = &sentence.words[i];
    let clause = sentence.clause_of(i).words.clone();
    paying(word)
        && clause
            .clone()
            .any(|k| LIVELIHOOD.contains(&sentence.words[k].lemma()))
        && !clause.clone().any(|k| {
            let w = &sentence.words[k];
            matches!(w.lower(), "u" | "je" | "jij" | "ik") || w.reads_as("hoeven")
        })
        && clause
            .clone()
            .any(|k| is_negation(sentence.words[k].lower()))
}

/// Kinds of law and rule whose names hold loaded words ("Verordening
/// maatregelen Participatiewet", "Beleidsregels terugvordering").
const LAW_KINDS: &[&str] = &[
    "verordening",
    "beleidsregel",
    "beleidsregels",
    "wet",
    "regeling",
    "besluit",
];

/// Whether word `i` is part of the name of a law or rule: a capitalised
/// "Verordening", "Beleidsregels" … at most three words before it, in its clause.
fn in_law_name(sentence: &ToneSentence, i: usize) -> bool {
    let clause = sentence.clause_of(i).words.clone();
    (i.saturating_sub(3).max(clause.start)..i).any(|k| {
        let w = &sentence.words[k];
        w.capitalised() && LAW_KINDS.contains(&w.lower())
    })
}

/// Whether word `i` is money paid back to the reader: "Wij betalen het aan u
/// terug", "dan storten we het bedrag terug".
fn refund(sentence: &ToneSentence, i: usize) -> bool {
    let word = &sentence.words[i];
    if !word.concepts.contains(Concept::Reclaim) {
        return false;
    }
    let clause = sentence.clause_of(i).words.clone();
    let back = ["terugbetalen", "terugstorten", "teruggeven", "terugboeken"]
        .iter()
        .any(|v| word.reads_as(v))
        // "betalen … terug": the particle and the verb stand apart.
        || (clause.clone().any(|k| sentence.words[k].lower() == "terug")
            && clause.clone().any(|k| {
                ["betalen", "storten", "geven", "boeken"]
                    .iter()
                    .any(|v| sentence.words[k].reads_as(v))
            }));
    let to_reader = clause
        .clone()
        .any(|k| sentence.is(k, &["aan"]) && sentence.is(k + 1, &["u", "je", "jou"]))
        || clause.clone().any(|k| sentence.is(k, &["wij", "we"]));
    word.concepts.contains(Concept::Reclaim) && back && to_reader
}

/// Whether word `i` stands in a clause that gives something back to the
/// reader: "krijgt u het ingehouden geld terug", "u ontvangt de boete terug".
fn given_back(sentence: &ToneSentence, i: usize) -> bool {
    let clause = sentence.clause_of(i).words.clone();
    !sentence.clause_of(i).negated
        && clause.clone().any(|k| sentence.words[k].lower() == "terug")
        && clause.clone().any(|k| {
            sentence.words[k].reads_as("krijgen") || sentence.words[k].reads_as("ontvangen")
        })
        // "eerst terugbetalen, daarna krijgt u ook nog een boete": paying back is no gift.
        && !clause.clone().any(|k| {
            sentence.words[k].reads_as("betalen") || sentence.words[k].reads_as("moeten")
        })
        && clause
            .clone()
            .any(|k| matches!(sentence.words[k].lower(), "u" | "je" | "jij"))
}

/// The "met" of "stopt met …" after the stop verb `i`, at most four plain
/// words on ("stopt uw inwonende kind met", "stopt of begint met"); none when
/// a word between carries a concept or pays, or a clause starts other than
/// with "of" or "en".
fn activity_with(sentence: &ToneSentence, i: usize) -> Option<usize> {
    (i + 1..sentence.words.len().min(i + 6))
        .take_while(|&k| {
            let w = &sentence.words[k];
            (w.clause == sentence.words[k - 1].clause || matches!(w.lower(), "of" | "en"))
                && (w.lower() == "met" || (w.concepts.is_empty() && !paying(w)))
        })
        .find(|&k| sentence.words[k].lower() == "met")
}

/// Whether word `i` is a stop or cut the reader may choose: "Je kunt
/// tussendoor stoppen", "U mag de regeling opzeggen"; or money the reader may
/// ask back, as a verb: "kunt u dat geld terugvragen" (not "kunt u een
/// terugvordering verwachten").
fn reader_chooses(sentence: &ToneSentence, i: usize) -> bool {
    let word = &sentence.words[i];
    let reclaim_verb = word.concepts.contains(Concept::Reclaim)
        && word.morph.kind != crate::morphology::FormKind::Noun
        && word.morph.verb.as_deref() == Some(word.morph.lemma.as_str());
    (plain_stop_or_cut(word) || reclaim_verb)
        && reader_may(sentence, sentence.clause_of(i).words.clone())
        // "kunt u worden uitgezet": done to the reader, not by the reader.
        && !sentence
            .clause_of(i)
            .words
            .clone()
            .any(|k| sentence.words[k].reads_as("worden"))
}

/// Whether word `i` puts something of the reader at stake: "u zet uw woning op
/// het spel", "uw huis staat op het spel".
fn at_stake(sentence: &ToneSentence, i: usize) -> bool {
    let clause = sentence.clause_of(i);
    sentence.words[i].lower() == "spel"
        && i >= 2
        && sentence.is(i - 1, &["het"])
        && sentence.is(i - 2, &["op"])
        // "Zet uw huis niet op het spel": a warning, also as a negative command.
        && (!clause.negated || super::is_command(sentence))
        && clause
            .words
            .clone()
            .any(|k| sentence.words[k].concepts.contains(Concept::Benefit))
}

/// Whether word `i` says a request is not handled: "buiten behandeling", "niet
/// in behandeling nemen".
fn out_of_treatment(sentence: &ToneSentence, i: usize) -> bool {
    sentence.words[i].lemma() == "behandeling"
        && i >= 1
        && (sentence.is(i - 1, &["buiten"])
            || (sentence.clause_of(i).negated && sentence.is(i - 1, &["in"])))
}

/// Homes a reader can be put out of.
const HOMES: &[&str] = &[
    "woning",
    "huis",
    "flat",
    "appartement",
    "woonruimte",
    "kamer",
    "huurwoning",
];

/// Whether word `i` puts the reader out of their home: "uit uw woning zetten",
/// "op straat zetten", "op straat staan", "u moet uw woning uit", "wij laten u
/// uw huis verlaten", "dwingen uw flat te verlaten"; or says something of the
/// reader's is lost: "raakt uw uitkering kwijt".
fn put_out(sentence: &ToneSentence, i: usize) -> bool {
    let word = &sentence.words[i];
    let clause = sentence.clause_of(i);
    if clause.negated {
        return false;
    }
    let in_clause =
        |test: &dyn Fn(&ToneWord) -> bool| clause.words.clone().any(|k| test(&sentence.words[k]));
    // "op straat staan, komen, belanden": homeless.
    if word.lower() == "straat" && i >= 1 && sentence.is(i - 1, &["op"]) {
        return in_clause(&|w| {
            [
                "staan",
                "komen",
                "belanden",
                "zetten",
                "terechtkomen",
                "zitten",
            ]
            .iter()
            .any(|v| w.reads_as(v))
        });
    }
    // "raakt … kwijt": a benefit or home lost.
    if word.lower() == "kwijt" {
        return in_clause(&|w| w.reads_as("raken") || w.reads_as("zijn"))
            && in_clause(&|w| w.concepts.contains(Concept::Benefit));
    }
    // Forced to leave a home: "verlaten" or "uit" with a home, and a force.
    // "moeten wij uw woning verlaten": the one who leaves is not the reader.
    let we_leave = in_clause(&|w| matches!(w.lower(), "wij" | "we"))
        && !in_clause(&|w| matches!(w.lower(), "u" | "je" | "jij"));
    let leave = (word.reads_as("verlaten") || word.lower() == "uit")
        && !we_leave
        && in_clause(&|w| HOMES.contains(&w.lemma()))
        && in_clause(&|w| {
            ["moeten", "laten", "dwingen", "zetten"]
                .iter()
                .any(|v| w.reads_as(v))
        });
    if leave {
        return true;
    }
    word.morph.form.contains("zet")
        && word.reads_as("zetten")
        && !clause.negated
        && clause.words.clone().any(|k| {
            sentence.words[k].lower() == "straat"
                || (sentence.words[k].lower() == "uit"
                    && sentence.words[k + 1..]
                        .iter()
                        .take(2)
                        .any(|w| matches!(w.lemma(), "woning" | "huis")))
        })
}

/// Whether a heavy word stands just before word `i`: "vervelende gevolgen",
/// "een groot risico", "hele vervelende en dure gevolgen".
pub(crate) fn heavy(sentence: &ToneSentence, i: usize) -> bool {
    sentence.words[i].concepts.intersects(WEAK_CONSEQUENCE)
        && (i.saturating_sub(3)..i).any(|k| HEAVY.contains(&sentence.words[k].lower()))
}

/// Whether a clause is the reader's own wish: "U wilt worden afgesloten", "als
/// je wilt dat wij stoppen", "als u zelf wilt worden afgesloten".
pub(crate) fn reader_wishes(sentence: &ToneSentence, clause: &Clause) -> bool {
    reader_does(sentence, clause.words.clone(), &["wilt", "wil"]) && !clause.negated
}
