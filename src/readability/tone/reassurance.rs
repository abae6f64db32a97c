//! Help, reassurance and restriction in a sentence: what makes a loaded word
//! no threat ("Bel ons", "U wordt niet afgesloten", "De deurwaarder mag niet …").

use super::{ClauseKind, ToneSentence, consequences, is_negation, last_chance_words, marks};
use crate::morphology::{Concept, ConceptSet};

/// Help or reassurance in the sentence: a help word ("bel", "hulp",
/// "betalingsregeling") or "voorkomen", "bezwaar", "rekening houden met",
/// "recht hebben op" in a clause that is not negated and holds no consequence,
/// and not in a condition about failing ("Komen we niet tot een oplossing?");
/// or a restriction on the other side ("De deurwaarder mag niet …", "U hoeft niet …").
pub(super) fn help(sentence: &ToneSentence) -> Help {
    // The cheap test first: only a sentence with a word of help, reassurance or
    // criticism (or a restriction) can help.
    if !sentence.concepts.contains(Concept::Help)
        && sentence.marks & (marks::HELP_FORM | marks::CRITIQUE_FORM) == 0
    {
        return if sentence.restricted {
            Help::Whole
        } else {
            Help::None
        };
    }
    let consequence_clauses: Vec<u32> = consequences(sentence)
        .iter()
        .map(|(w, _)| sentence.words[*w].clause)
        .collect();
    // Whether the sentence sets a failure (asked once, and only when needed).
    let failing = std::cell::OnceCell::new();
    let offered = sentence.words.iter().enumerate().position(|(i, w)| {
        // Reassurance: preventing, objecting, being protected or taken into account.
        let reassurance = w.marks & marks::REASSURING != 0
            || (w.marks & marks::REKENING != 0
                // "rekening … houden" and "houdt (wel) rekening met".
                && (sentence.words[i + 1..]
                    .iter()
                    .take(3)
                    .any(|n| n.lemma() == "houden")
                    || sentence.words[i.saturating_sub(2)..i]
                        .iter()
                        .any(|n| n.reads_as("houden")))
                // "rekening houden met ontruiming": expecting a consequence is no help.
                && !sentence.words[i + 1..].iter().take(6).any(|n| {
                    n.concepts
                        .intersects(super::STRONG_CONSEQUENCE.union(super::WEAK_CONSEQUENCE))
                }));
        // The cheap test first: only these words can offer help.
        let candidate =
            reassurance || w.concepts.contains(Concept::Help) || w.marks & marks::RIGHT != 0;
        if !candidate {
            return false;
        }
        let clause = sentence.clause_of(i);
        // Help named in a condition is no offer when the sentence sets a
        // failure ("Als u niet betaalt en niet reageert als wij contact met u
        // zoeken, …"); taking help is ("Gaat de klant in op het advies, …").
        let failing_condition = clause.kind == ClauseKind::Condition
            && *failing.get_or_init(|| sentence.failing_condition().is_some());
        // "geen betalingsregeling", "niet tot een oplossing": help that is denied.
        // "geen betalingsregeling", "niet meer te voorkomen": help that is denied;
        // "die niet verschijnen op een oproep voor een gesprek": help refused.
        let window = match w.lemma() {
            "voorkomen" => i.saturating_sub(4),
            _ if reassurance => i.saturating_sub(2),
            _ => clause.words.start,
        };
        let denied = (window..i).any(|k| is_negation(sentence.words[k].lower()))
            // "Helpt niets meer, dan …", "Uw uitleg nemen wij niet aan": help
            // that fails or is refused.
            || (!reassurance && clause.negated);
        if failing_condition || denied {
            return false;
        }
        if reassurance {
            // "U voorkomt de cel door te betalen": prison stays a threat.
            return !(w.lemma() == "voorkomen" && sentence.concepts.contains(Concept::PoliceCourt));
        }
        // A right or an offer, unless it is what gets lost ("Dan vervalt de
        // betalingsregeling", "vervalt uw recht op kwijtschelding"). A right counts
        // only for the reader ("dan kunt u recht hebben op bijstand").
        // "controleert of u recht heeft op …": a right checked is not offered
        // ("Uw contactpersoon kijkt of u recht hebt op bijstand" still helps).
        let reader_right = w.lemma() == "recht"
            && sentence.words[i + 1..]
                .iter()
                .take(3)
                .any(|n| n.lower() == "op")
            && clause
                .words
                .clone()
                .any(|k| matches!(sentence.words[k].lower(), "u" | "je" | "jij"))
            && !((clause.words.start..i).any(|k| sentence.is(k, &["of"]))
                && sentence
                    .unnegated(ConceptSet::of(&[Concept::Check, Concept::Investigate]))
                    .next()
                    .is_some());
        // "wat uw rechten zijn": the reader is told their rights.
        let rights =
            w.lower() == "rechten" && i >= 1 && sentence.is(i - 1, &["uw", "je", "jouw", "u"]);
        // "Wij bieden u de mogelijkheid om …", "U krijgt de gelegenheid …": a way offered.
        let chance = matches!(w.lemma(), "mogelijkheid" | "gelegenheid")
            && clause.words.clone().any(|k| {
                ["bieden", "geven", "krijgen", "hebben"]
                    .iter()
                    .any(|verb| sentence.words[k].reads_as(verb))
            })
            && clause
                .words
                .clone()
                .any(|k| matches!(sentence.words[k].lower(), "u" | "je" | "jij"));
        // "Dan kunt u bijstand aanvragen": a way open to the reader.
        let may_apply =
            w.reads_as("aanvragen") && super::qualify::reader_may(sentence, clause.words.clone());
        // "ondersteunt de gemeenten bij …": help for an institution, not for the reader.
        let for_institution = sentence.words[i + 1..].iter().take(2).any(|n| {
            matches!(
                n.lemma(),
                "gemeente"
                    | "gemeenten"
                    | "instantie"
                    | "instanties"
                    | "organisatie"
                    | "organisaties"
            )
        });
        // "samen met de politie": together with the reader, or it is no help.
        let together_with_others =
            w.lower() == "samen"
                && (!clause.words.clone().any(|k| {
                    matches!(sentence.words[k].lower(), "u" | "je" | "jij" | "we" | "wij")
                }) || clause.words.clone().any(|k| {
                    sentence.words[k]
                        .concepts
                        .intersects(ConceptSet::of(&[Concept::PoliceCourt, Concept::Seize]))
                }));
        // "een regeling treffen" is help; "op basis van de regeling" names a rule.
        let rule_named = w.lemma() == "regeling"
            && !(i >= 1 && sentence.is(i - 1, &["een"]))
            && !clause.words.clone().any(|k| {
                ["treffen", "afspreken", "maken", "aanbieden"]
                    .iter()
                    .any(|verb| sentence.words[k].reads_as(verb))
            });
        let offer = (w.concepts.contains(Concept::Help)
            && !for_institution
            && !together_with_others
            && !rule_named)
            || reader_right
            || rights
            || may_apply
            || chance
            || w.lemma() == "kwijtschelding";
        let lost = consequence_clauses.contains(&w.clause)
            && (w.concepts.contains(Concept::Benefit)
                || w.lemma() == "recht"
                || clause_loses(sentence, w.clause as usize));
        offer && !lost
    });
    match offered {
        Some(word) => Help::Clause(sentence.words[word].clause),
        None if sentence.restricted || critique(sentence) => Help::Whole,
        None => Help::None,
    }
}

/// Whether and where a sentence helps ([`help`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Help {
    /// It offers no help.
    None,
    /// A word offers help or reassurance in this clause.
    Clause(u32),
    /// The sentence as a whole reassures: a restriction on the other side, or criticism.
    Whole,
}

/// Whether a clause says something stops or is lost ("vervalt", "stopt").
fn clause_loses(sentence: &ToneSentence, clause: usize) -> bool {
    sentence.clauses[clause].words.clone().any(|k| {
        sentence.words[k]
            .concepts
            .intersects(ConceptSet::of(&[Concept::Lose, Concept::Stop]))
    })
}

/// Which words a restriction can start from are in a sentence: "mag", "hoeft",
/// "eerst", "nodig", "maximaal", "kan … zomaar" (noted in the pass that makes
/// the clauses, so the restriction test needs no pass of its own).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LimitWords {
    /// "mag", "mogen", "hoeft", "hoeven" …
    pub(crate) may: bool,
    /// "kan", "kunnen".
    pub(crate) can: bool,
    /// "zomaar".
    pub(crate) zomaar: bool,
    /// "eerst", "wachten", "voordat".
    pub(crate) first: bool,
    /// "nodig".
    pub(crate) needed: bool,
    /// "hooguit", "maximaal", "hoogstens".
    pub(crate) cap: bool,
}

impl LimitWords {
    /// The words noted in a sentence whose words' marks ([`marks`]) are or-ed in `or_ed`.
    pub(super) fn of_marks(or_ed: u64) -> LimitWords {
        LimitWords {
            may: or_ed & marks::MAY != 0,
            can: or_ed & marks::CAN != 0,
            zomaar: or_ed & marks::ZOMAAR != 0,
            first: or_ed & marks::FIRST != 0,
            needed: or_ed & marks::NEEDED != 0,
            cap: or_ed & marks::CAP != 0,
        }
    }
}

/// A restriction on the other side: "De deurwaarder mag niet …", "U hoeft niet …",
/// "Beslag mag alleen met toestemming van de rechter" (a limit that protects).
pub(super) fn restricted(sentence: &ToneSentence) -> bool {
    // The cheap test first: the words the checks below start from (noted when
    // the clauses were made).
    let LimitWords {
        may,
        can,
        zomaar,
        first,
        needed,
        cap,
    } = sentence.limit_words;
    let mut may_word = may;
    // "kan … niet zomaar" limits as much as "mag niet".
    may_word |= can && zomaar;
    if !(may_word || first || needed || cap) {
        return false;
    }
    (may_word && (limited(sentence) || limit_over_list(sentence) || readers_right(sentence)))
        || ((first || needed) && safeguard(sentence))
        || (cap && capped(sentence))
}

/// "De deurwaarder mag niet …", "U hoeft niet …", "mag alleen …": a limit in a clause.
fn limited(sentence: &ToneSentence) -> bool {
    sentence.clauses.iter().any(|clause| {
        let words = clause.words.clone();
        // "Mocht u niet …": a condition, no permission.
        if clause.kind == ClauseKind::Condition {
            return false;
        }
        // "kan … niet zomaar": a limit as much as "mag niet".
        // "is niet bevoegd tot …" says "mag niet".
        let may = |k: usize| {
            matches!(
                sentence.words[k].lower(),
                "mag" | "mogen" | "moogt" | "mocht" | "mochten" | "bevoegd" | "gerechtigd"
            ) || (matches!(sentence.words[k].lower(), "kan" | "kunnen")
                && words.clone().any(|j| sentence.is(j, &["zomaar"])))
        };
        // "U mag dit werk niet weigeren" forbids the reader; "De deurwaarder mag
        // niet …" and "U hoeft niet …" limit the other side.
        // "Daarvoor hoeft hij u niet eerst te bellen" (the bailiff): the other side
        // that need not do something is free to act, which protects nobody.
        let other_side_free = |k: usize| {
            sentence.is(k + 1, OTHER_SIDE)
                || (k >= 1 && sentence.is(k - 1, OTHER_SIDE))
                || sentence.words[words.start..k]
                    .iter()
                    .any(|w| ACTORS.contains(&w.lemma()))
        };
        // "is niet altijd bevoegd", "mag niet zomaar": a limit too, though
        // "niet altijd" does not negate the clause.
        let partly_negated = || {
            words
                .clone()
                .any(|k| sentence.is(k, &["niet"]) && sentence.is(k + 1, &["altijd", "zomaar"]))
        };
        let negated_limit = (clause.negated || partly_negated())
            && words.clone().any(|k| {
                (may(k) && !next_to_reader(sentence, k))
                    || (sentence.words[k].reads_as("hoeven") && !other_side_free(k))
            });
        // "mag alleen / pas / slechts …", not about the reader ("U mag alleen …").
        let only =
            |w: &super::ToneWord| matches!(w.lower(), "alleen" | "pas" | "slechts" | "uitsluitend");
        let only_if = words.clone().any(|k| {
            may(k)
                && (sentence.words[k + 1..].iter().take(3).any(only)
                    // "Pas na een uitspraak van de rechter mag …".
                    || sentence.words[words.start..k].first().is_some_and(only))
        }) && !words
            .clone()
            .any(|k| matches!(sentence.words[k].lower(), "u" | "je" | "jij"));
        negated_limit || only_if
    })
}

/// "Een maatregel duurt hooguit drie maanden", "geldt maximaal een maand": a
/// limit on how long or how far a measure goes.
fn capped(sentence: &ToneSentence) -> bool {
    let n = sentence.words.len();
    (0..n).any(|k| {
        matches!(
            sentence.words[k].lower(),
            "hooguit" | "maximaal" | "hoogstens" | "ten hoogste"
        ) && sentence.words[..k]
            .iter()
            .rev()
            .take(3)
            .any(|w| w.reads_as("gelden") || w.reads_as("duren"))
            && !sentence.has_condition()
    })
}

/// "Bij een huisbezoek mag u altijd iemand bij u hebben": a right of the reader.
fn readers_right(sentence: &ToneSentence) -> bool {
    let n = sentence.words.len();
    (0..n).any(|k| {
        matches!(sentence.words[k].lower(), "mag" | "mogen")
            && next_to_reader(sentence, k)
            && sentence.words[k + 1..]
                .iter()
                .take(3)
                .any(|w| w.lower() == "altijd")
            && !sentence.clause_of(k).negated
            && sentence.clause_of(k).kind != ClauseKind::Condition
    })
}

/// Pronouns of the side that acts against the reader ("hij" for the bailiff, "wij").
const OTHER_SIDE: &[&str] = &["hij", "zij", "ze", "wij", "we"];

/// Those who can act against the reader's money or home.
const ACTORS: &[&str] = &[
    "deurwaarder",
    "gerechtsdeurwaarder",
    "gemeente",
    "incassobureau",
    "verhuurder",
    "schuldeiser",
    "beslaglegger",
];

/// Whether word `k` stands next to the reader as its subject ("mag u", "u mag").
fn next_to_reader(sentence: &ToneSentence, k: usize) -> bool {
    sentence.is(k + 1, &["u", "je", "jij"]) || (k >= 1 && sentence.is(k - 1, &["u", "je", "jij"]))
}

/// "De deurwaarder mag uw bed, uw tafel en uw kleren niet meenemen": a limit
/// whose negation stands after a list (the commas of a list end no clause).
fn limit_over_list(sentence: &ToneSentence) -> bool {
    let n = sentence.words.len();
    (0..n).any(|k| {
        matches!(sentence.words[k].lower(), "mag" | "mogen")
            && !next_to_reader(sentence, k)
            && sentence.clause_of(k).kind != ClauseKind::Condition
            && sentence.words[k + 1..]
                .iter()
                .take_while(|w| {
                    !matches!(
                        w.lower(),
                        "als" | "omdat" | "dat" | "die" | "maar" | "want" | "wanneer" | "tenzij"
                    )
                })
                .any(|w| is_negation(w.lower()))
    })
}

/// "Wij waarschuwen u eerst, voordat wij …", "De gemeente moet u eerst horen
/// voordat zij …": the other side must first warn, hear or call the reader;
/// "daar is altijd een uitspraak van de rechter voor nodig": a court must agree first.
fn safeguard(sentence: &ToneSentence) -> bool {
    let n = sentence.words.len();
    let court_first = sentence.clauses.iter().any(|c| {
        let has = |test: &dyn Fn(&super::ToneWord) -> bool| {
            c.words.clone().any(|k| test(&sentence.words[k]))
        };
        has(&|w| w.lower() == "nodig")
            && has(&|w| matches!(w.lower(), "altijd" | "eerst" | "pas"))
            && has(&|w| w.concepts.contains(Concept::PoliceCourt))
    });
    if court_first {
        return true;
    }
    // "Dan moet de deurwaarder met beslag wachten": the other side must wait.
    let others_wait = (0..n).any(|k| {
        sentence.is(k, &["wachten"]) && {
            let clause = sentence.clause_of(k).words.clone();
            clause
                .clone()
                .any(|j| sentence.words[j].reads_as("moeten") && !next_to_reader(sentence, j))
                && clause.clone().any(|j| {
                    ACTORS.contains(&sentence.words[j].lemma()) || sentence.is(j, OTHER_SIDE)
                })
        }
    });
    if others_wait {
        return true;
    }
    // "Voordat wij uw gas mogen afsluiten, krijgt u eerst een waarschuwing": a step
    // that must come before the measure may.
    // Without a comma the step follows the "mag" in the same clause.
    let step_before = sentence.is(0, &["voordat"])
        && sentence
            .clause_of(0)
            .words
            .clone()
            .find(|&k| sentence.is(k, &["mag", "mogen", "kan", "kunnen"]))
            .is_some_and(|may| {
                sentence.words[may + 1..].iter().any(|w| {
                    matches!(w.lower(), "vooraf" | "eerst")
                        || matches!(w.lemma(), "procedure" | "waarschuwing" | "gesprek")
                })
            });
    if step_before {
        return true;
    }
    let first = (0..n).find(|&k| sentence.is(k, &["eerst"]));
    first.is_some_and(|f| {
        let clause = sentence.clause_of(f).words.clone();
        clause.clone().any(|k| {
            let w = &sentence.words[k];
            let verb = w.morph.verb.as_deref().unwrap_or(w.lemma());
            matches!(
                verb,
                "waarschuwen"
                    | "horen"
                    | "spreken"
                    | "bellen"
                    | "uitnodigen"
                    | "informeren"
                    | "vragen"
            )
                || matches!(w.lemma(), "gesprek" | "contact" | "kans" | "waarschuwing")
                // "De gemeente moet eerst onderzoeken waarom …": the other side's duty first.
                || (verb == "moeten" && !next_to_reader(sentence, k))
        }) && sentence.words[f + 1..]
            .iter()
            .any(|w| matches!(w.lower(), "voordat" | "voor" | "pas"))
    })
}

/// Whether a lemma is a word of criticism or complaint: a text that reports
/// them sides with the reader.
pub(super) fn is_critique(lemma: &str) -> bool {
    matches!(
        lemma,
        "klacht"
            | "klagen"
            | "kritiek"
            | "criticus"
            | "bekritiseren"
            | "ombudsman"
            | "nationale ombudsman"
            | "misstand"
            | "doorgeschoten"
            | "versoepelen"
            | "versoepeling"
            | "afschaffen"
            | "verzachten"
            | "terugdraaien"
    )
}

/// Criticism of the system, or a report of complaints: "Critici vinden dat de
/// gemeente te snel een boete oplegt", "Er kwamen klachten over de controles".
pub(super) fn critique(sentence: &ToneSentence) -> bool {
    sentence.words.iter().enumerate().any(|(k, w)| {
        is_critique(w.lemma())
            || w.morph.head.as_deref().is_some_and(is_critique)
            // "te snel", "te streng", "te hard": the author judges the measure.
            || (w.lower() == "te"
                && (sentence.is(k + 1, &["snel", "streng", "hard", "makkelijk", "gemakkelijk"])
                    // "(veel) te hoog", "te vaak": a judgement, not the reader's failure
                    // ("als uw achterstand te hoog wordt").
                    || (sentence.is(k + 1, &["hoog", "zwaar", "vaak"])
                        && !sentence.has_condition()
                        && !sentence.words[..k].iter().any(|w| {
                            w.concepts.contains(Concept::Fail)
                                || matches!(w.lemma(), "schuld" | "achterstand" | "rekening")
                        })))
                && !sentence.is(k.wrapping_sub(1), &["u", "je", "jij"]))
    })
}

/// Whether help stands next to sentence `i`: in it, or in the sentence before
/// or after it in the same block ("Voorkom extra kosten. Dat kan met …"), or
/// after a question that leads to it ("… stoppen. Lukt het niet? Bel ons.").
/// Help in a sentence next to it counts when that sentence threatens no
/// strong consequence itself ([`helps_others`]).
pub(crate) fn helped(sentences: &[ToneSentence], i: usize) -> bool {
    let block = sentences[i].block;
    let helps = |k: usize| {
        sentences
            .get(k)
            .is_some_and(|s| s.block == block && helps_others(s))
    };
    sentences[i].offers_help()
        || i.checked_sub(1).is_some_and(helps)
        || helps(i + 1)
        || (sentences
            .get(i + 1)
            .is_some_and(|n| n.block == block && n.question)
            && helps(i + 2))
}

/// Whether a sentence's help softens the sentences around it: it helps, it
/// states no last chance ("… om u een laatste kans te geven de boete te
/// betalen"), and it threatens no strong consequence in another clause than
/// its help ("Hij kan besluiten tot een betalingsregeling, | maar ook tot
/// ontbinding van het huurcontract."). Help aimed at the consequence itself
/// still counts ("kunt u bezwaar maken tegen de tenuitvoerlegging van een dwangbevel").
pub(crate) fn helps_others(sentence: &ToneSentence) -> bool {
    let aimed = match sentence.help {
        Help::None => return false,
        Help::Whole => true,
        Help::Clause(clause) => !consequences(sentence)
            .iter()
            .any(|&(word, strong)| strong && sentence.words[word].clause != clause),
    };
    aimed && last_chance_words(sentence).is_empty()
}
