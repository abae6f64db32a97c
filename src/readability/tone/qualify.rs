//! What qualifies a consequence word: who claims the money ("Wij vorderen het
//! van u terug"), why it comes ("omdat u niet kwam"), whether it is spread
//! ("in termijnen"), asked about ("wij bespreken met u of …") or softened ("in
//! plaats van een boete", "alleen een waarschuwing"), and whether the reader
//! is the one who acts ("dat u uw huur hebt opgezegd", "Geef dit door aan de
//! deurwaarder").

use super::ToneSentence;
use crate::morphology::{Concept, ConceptSet};

/// Verbs of passing something on to someone ("melden", "doorgeven"): a reader
/// who does that to the police, a court or a bailiff acts; nothing is done to them.
pub(super) const PASSING_ON: &[&str] = &["melden", "doorgeven", "opgeven"];

/// Institutions that claim money back from the reader ("Wij vorderen …", "De gemeente vordert …").
const CLAIMANTS: &[&str] = &[
    "wij",
    "we",
    "gemeente",
    "college",
    "dienst",
    "uwv",
    "svb",
    "duo",
    "belastingdienst",
];

/// Whether word `i` claims money back from the reader, as a fact: a verb of
/// reclaiming with an institution that does it ("Wij vorderen dit van u
/// terug", "kunnen wij deze terugvorderen"), with "van u" ("De gemeente vordert
/// het van uw partner terug") or in the passive ("Het bedrag wordt
/// teruggevorderd"). Not the reader who pays back ("U betaalt het in termijnen
/// terug"), nor money paid back to the reader.
pub(super) fn claimed_from_reader(sentence: &ToneSentence, i: usize) -> bool {
    let word = &sentence.words[i];
    let verb_form = matches!(
        word.morph.kind,
        crate::morphology::FormKind::Verb | crate::morphology::FormKind::Participle
    ) || word.morph.verb.as_deref() == Some(word.lemma());
    if !word.concepts.contains(Concept::Reclaim) || !verb_form {
        return false;
    }
    let clause = sentence.clause_of(i).words.clone();
    let from_reader = clause
        .clone()
        .any(|k| sentence.is(k, &["van"]) && sentence.is(k + 1, &["u", "uw", "je", "jou", "jouw"]));
    let by_institution = clause.clone().any(|k| {
        CLAIMANTS.contains(&sentence.words[k].lower())
            || CLAIMANTS.contains(&sentence.words[k].lemma())
    });
    let passive = clause.clone().any(|k| sentence.words[k].reads_as("worden"));
    (from_reader || by_institution || passive) && !reader_may(sentence, clause.clone())
}

/// Whether word `i` names consequences for the reader's money or rights:
/// "Dat heeft gevolgen voor uw bijstand", "met gevolgen voor uw recht op
/// een uitkering".
pub(super) fn for_benefit(sentence: &ToneSentence, i: usize) -> bool {
    matches!(sentence.words[i].lemma(), "gevolg" | "consequentie")
        && sentence.is(i + 1, &["voor"])
        && sentence.words[i + 2..]
            .iter()
            .take(3)
            .any(|w| w.concepts.contains(Concept::Benefit))
}

/// Whether word `i` is a measure softened or replaced: "in plaats van een
/// boete", "alleen een waarschuwing", "een lagere boete".
pub(super) fn softened(sentence: &ToneSentence, i: usize) -> bool {
    let instead = (i.saturating_sub(4)..i.saturating_sub(1)).any(|k| {
        sentence.is(k, &["in"]) && sentence.is(k + 1, &["plaats"]) && sentence.is(k + 2, &["van"])
    });
    let only_warning = sentence.words[i].lemma() == "waarschuwing"
        && (i.saturating_sub(3)..i)
            .any(|k| sentence.is(k, &["alleen", "slechts", "enkel", "eerst"]));
    // "een lagere boete", "een kleinere korting": a measure made milder.
    let milder =
        (i.saturating_sub(2)..i).any(|k| sentence.is(k, &["lagere", "kleinere", "mildere"]));
    instead || only_warning || milder
}

/// Whether the sentence gives a failure as the reason: "omdat u niet bent
/// verschenen", "doordat u te laat was".
pub(super) fn failing_reason(sentence: &ToneSentence) -> bool {
    sentence.clauses.iter().any(|c| {
        sentence.is(c.words.start, &["omdat", "doordat", "wegens"])
            && sentence.fails(c.words.clone())
    })
}

/// Whether these words spread a payment: "in termijnen", "in delen", "gespreid".
pub(super) fn in_parts(sentence: &ToneSentence, words: std::ops::Range<usize>) -> bool {
    words.clone().any(|k| {
        (sentence.is(k, &["in"])
            && sentence.is(
                k + 1,
                &[
                    "termijnen",
                    "delen",
                    "gedeelten",
                    "maandtermijnen",
                    "stappen",
                ],
            ))
            || sentence.is(k, &["gespreid", "maandelijks"])
    })
}

/// Verbs of judging or talking over whether something holds.
const WEIGHING: &[&str] = &[
    "beoordelen",
    "bespreken",
    "bekijken",
    "nagaan",
    "overleggen",
    "afwegen",
    "toetsen",
    "uitzoeken",
];

/// Whether word `i` stands in a question asked with "of" after a verb of judging
/// or discussing: "Wij zoeken met u uit of dit gevolgen heeft", "laten
/// toetsen of die maatregel klopt".
pub(super) fn weighed(sentence: &ToneSentence, i: usize) -> bool {
    (1..i).rev().take(8).any(|k| {
        sentence.is(k, &["of"])
            && (k.saturating_sub(4)..k)
                .any(|j| WEIGHING.iter().any(|v| sentence.words[j].reads_as(v)))
    })
}

/// Whether these words offer the reader a way: "U kunt dan in delen terugbetalen".
pub(super) fn reader_may(sentence: &ToneSentence, words: std::ops::Range<usize>) -> bool {
    reader_does(sentence, words, &["kunt", "mag", "kan"])
}

/// Whether the reader is the subject of one of `verbs` in these words: "u",
/// "je" or "jij" with the verb right before or after it ("u kunt", "wilt u").
/// "willen wij u …" is someone else's wish about the reader.
pub(super) fn reader_does(
    sentence: &ToneSentence,
    words: std::ops::Range<usize>,
    verbs: &[&str],
) -> bool {
    words.into_iter().any(|k| {
        // "u wilt", "wilt u", "u zelf wilt".
        sentence.is(k, &["u", "je", "jij"])
            && (sentence.is(k + 1, verbs)
                || (k >= 1 && sentence.is(k - 1, verbs))
                || (sentence.is(k + 1, &["zelf"]) && sentence.is(k + 2, verbs)))
    })
}

/// Whether a word stops or cuts something and is no punishment, fine,
/// seizure or court ("opzeggen", "stoppen"; not "beslag"): such a word can be
/// the reader's own doing.
pub(super) fn plain_stop_or_cut(word: &super::ToneWord) -> bool {
    word.concepts
        .intersects(ConceptSet::of(&[Concept::Stop, Concept::Reduce]))
        && !word.concepts.intersects(ConceptSet::of(&[
            Concept::Punish,
            Concept::Fine,
            Concept::Seize,
            Concept::PoliceCourt,
        ]))
}

/// Whether word `i` is something the reader did: a stop or cut in a clause with
/// "u hebt" or "u heeft", and no "wij" ("dat u uw huur hebt opgezegd").
pub(super) fn reader_did(sentence: &ToneSentence, i: usize) -> bool {
    let stop_or_cut = plain_stop_or_cut(&sentence.words[i]);
    let clause = sentence.clause_of(i).words.clone();
    // "hebt" goes with "u" or "je" only; "heeft" and "had" next to "u".
    stop_or_cut
        && clause.clone().any(|k| {
            sentence.is(k, &["hebt"])
                || (sentence.is(k, &["u", "je", "jij"])
                    && (sentence.is(k + 1, &["heeft", "had"])
                        || (k >= 1 && sentence.is(k - 1, &["heeft", "had"]))))
        })
        && !clause
            .clone()
            .any(|k| sentence.is(k, &["wij", "we", "gemeente"]))
}

/// Verbs of sending something to someone: a reader who sends the bailiff a
/// copy or a letter acts; nothing is done to them.
const SENDING: &[&str] = &["sturen", "opsturen", "toesturen", "mailen"];

/// Whether word `i` is the bailiff the reader informs, writes or asks: "Geef
/// wijzigingen door aan de deurwaarder", "dan moet u dit opgeven aan de
/// gerechtsdeurwaarder", "Stuur het bewijs naar de deurwaarder", "Uw vragen
/// stelt u aan de deurwaarder". Not the organisation that hands a case to the
/// bailiff ("Wij melden uw schuld bij de deurwaarder", "Uw zaak wordt
/// doorgegeven aan de deurwaarder", "Wij sturen uw dossier naar de deurwaarder").
pub(super) fn informs_the_bailiff(sentence: &ToneSentence, i: usize) -> bool {
    let clause = sentence.clause_of(i).words.clone();
    let in_clause =
        |test: &dyn Fn(&super::ToneWord) -> bool| clause.clone().any(|k| test(&sentence.words[k]));
    matches!(
        sentence.words[i].lemma(),
        "deurwaarder" | "gerechtsdeurwaarder"
    ) && i >= 2
        && sentence.is(i - 2, &["aan", "bij", "naar"])
        && sentence.is(i - 1, &["de", "uw", "je"])
        && in_clause(&|w| {
            PASSING_ON.iter().chain(SENDING).any(|v| w.reads_as(v))
                || w.lower() == "door"
                // "Vragen stelt u aan de deurwaarder": asking, not being taken.
                || (w.reads_as("stellen") && in_clause(&|n| matches!(n.lemma(), "vraag" | "vragen")))
        })
        && (in_clause(&|w| matches!(w.lower(), "u" | "je" | "jij")) || super::is_command(sentence))
}

/// What a risk or danger can be about that is no measure against the reader:
/// "gezondheidsrisico's", "brandgevaar", "veiligheidsrisico".
const OTHER_RISKS: &[&str] = &[
    "gezondheid",
    "veiligheid",
    "brand",
    "besmetting",
    "infectie",
    "val",
    "leven",
    "milieu",
];

/// Whether word `i` is a risk to health or safety, not a consequence for the
/// reader's money or rights: "ernstige gezondheidsrisico's", "brandgevaar".
pub(super) fn other_risk(sentence: &ToneSentence, i: usize) -> bool {
    let word = &sentence.words[i];
    word.morph
        .head
        .as_deref()
        .is_some_and(|head| matches!(head, "risico" | "gevaar"))
        && word.morph.modifiers.iter().any(|modifier| {
            let modifier = modifier.strip_suffix('s').unwrap_or(modifier);
            OTHER_RISKS.contains(&modifier)
        })
}
