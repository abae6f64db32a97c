//! ## What it flags
//! A sanction stated as what happens, without a condition: impersonal, passive
//! or generic ("Uw uitkering wordt verlaagd", "Er volgt beslag op uw loon",
//! "Wie fraudeert, krijgt een boete", "De deurwaarder gaat over tot
//! ontruiming"). The words are found through their concepts (punish, reduce,
//! stop, fine, seize, police and court) in every form and compound.
//!
//! In a letter that offers help, the first sentence with each kind of
//! consequence is the decision the letter is about, stated once ("Uw
//! bijstandsuitkering stopt op 1 mei"): it is not flagged; saying it again is. Not flagged either: the legal basis (a
//! sentence that names a law article), a negated or reassuring sentence ("Op dit deel mag geen beslag
//! gelegd worden"), a sentence that offers help or a way out ("Voorkom extra
//! kosten met een betalingsregeling"), the objection clause, and a stop or
//! reduction named as a noun when nothing in the sentence is the reader's
//! money ("bij eerdere beëindiging").
//!
//! Not flagged either: a letter's title ("# Besluit: uw bijstand stopt"), a
//! signpost ("Op deze pagina leest u meer over boetes"), a list item that
//! names what a letter says ("- Hoeveel u moet terugbetalen"), a heading that
//! asks what the text under it answers ("## Zijn er andere
//! redenen om afgesloten te worden?"), someone who ends an activity ("Start of
//! stopt uw kind met een studie?"), a
//! dated event told in the past tense ("Uw WW-uitkering stopte op 18
//! oktober"), a word in the name of a law ("de Verordening maatregelen …"),
//! money paid back to the reader ("Dan betalen wij het aan u terug") and a stop
//! the reader made ("dat u uw huur hebt opgezegd").
//!
//! A sentence with a condition is left to `conditional-sanction`, except a
//! condition with "bij" or "na" that names a moment or the sanction itself ("Bij
//! gijzeling wordt u door de politie aangehouden"); a sentence
//! that explains a word ("Opschorten betekent dat …") or gives a reason that is
//! no failure ("…, omdat u dan AOW krijgt") announces nothing.
//!
//! ## Why it matters to the reader
//! A sentence that announces punishment, seizure or a cut frightens people,
//! even when it is not addressed to them: they read it as what will happen to them.
//!
//! ## Example
//! "Daarna legt de deurwaarder beslag op uw loon."
//!
//! ## Use instead
//! "Lukt het niet om te betalen? Bel ons, dan zoeken we samen een betalingsregeling."

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::{Concept, FormKind};
use crate::readability::Document;
use crate::readability::tone;
use crate::text::BlockKind;

const BAD: &str = "Daarna legt de deurwaarder beslag op uw loon.";
const GOOD: &str =
    "Lukt het niet om te betalen? Bel ons, dan zoeken we samen een betalingsregeling.";

/// A sanction announced as a fact.
pub(crate) struct SanctionStatement;

impl Rule for SanctionStatement {
    fn id(&self) -> &'static str {
        "sanction-statement"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een straf, korting, stopzetting, boete of beslag als vaststaand feit, ook in de lijdende vorm of over mensen in het algemeen: \"Uw uitkering wordt verlaagd.\"",
            why: "Wie leest dat er gestraft, gekort of beslag gelegd wordt, denkt dat het hem gaat overkomen. Dat maakt bang, ook als de zin niet over de lezer gaat.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let morphology = doc.morphology();
        let sentences = tone::sentences(doc);
        // A letter states its own decision once ("Uw uitkering stopt op 1 mei"):
        // with help elsewhere in it, that first statement is the factual consequence.
        let letter_with_help = tone::is_letter(doc) && sentences.iter().any(|s| s.offers_help());
        let mut stated = crate::morphology::ConceptSet::EMPTY;
        for (index, sentence) in sentences.iter().enumerate() {
            // The cheap test first: only a strong consequence is flagged here.
            if !tone::consequences(sentence)
                .iter()
                .any(|&(_, strong)| strong)
            {
                continue;
            }
            // A condition is the conditional-sanction rule's; "X betekent dat …" explains a word.
            // "Opschorten betekent dat …": the consequence word is the term explained.
            let first_consequence = sentence
                .words
                .iter()
                .position(|w| w.concepts.intersects(tone::STRONG_CONSEQUENCE))
                .unwrap_or(usize::MAX);
            let explains = sentence.words.iter().enumerate().any(|(k, w)| {
                w.reads_as("betekenen") && k > first_consequence && k <= first_consequence + 2
            });
            // "Bij ontruiming …", "Bij gijzeling wordt …": a condition that is itself
            // a sanction, or names a moment, leaves the sentence to this rule; a
            // condition on what the reader does is the conditional-sanction rule's.
            let conditioned = sentence.clauses.iter().any(|c| {
                c.kind == tone::ClauseKind::Condition
                    && (!sentence.is(c.words.start, &["bij", "na"])
                        || sentence.fails(c.words.clone()))
            });
            // A reason that is no failure ("omdat u dan AOW krijgt") makes it a fact.
            let plain_reason = (0..sentence.words.len()).any(|k| {
                sentence.is(k, &["omdat", "doordat", "want"]) && {
                    let clause = sentence.clause_of(k).words.clone();
                    !sentence.fails(clause.clone())
                        && !clause.clone().any(|j| {
                            !sentence.words[j].concepts.is_empty()
                                && !sentence.words[j]
                                    .concepts
                                    .contains(crate::morphology::Concept::Benefit)
                        })
                }
            });
            // A letter's title names what the letter is about; the text states it.
            // A heading of bare words, without an article, a pronoun or a finite
            // verb ("Weigeren huisbezoek", "Sociale recherche"), names a subject of
            // any text; the subject marks cover "de", "het", "een", "u", "uw", "je".
            // A heading that asks ("Zijn er andere redenen om afgesloten te
            // worden?") is answered below it, where the text is checked.
            let title = (sentence.heading && (letter_with_help || sentence.question))
                || sentence.names_a_subject();
            // A heavy, vague consequence ("vervelende gevolgen") frightens even next to help.
            let heavy = tone::consequences(sentence)
                .iter()
                .any(|&(w, _)| tone::heavy(sentence, w));
            if (tone::helped(sentences, index) && !heavy)
                || title
                || sentence.dated_past
                || plain_reason
                || sentence.legal_basis
                || conditioned
                || explains
            {
                continue;
            }
            // A line of amounts ("Ingehouden: € 50,00") names an amount; it announces nothing.
            let block = &doc.prose.blocks[sentence.block];
            if matches!(block.kind, BlockKind::ListItem | BlockKind::TableCell)
                && block.text.contains('€')
            {
                continue;
            }
            let benefit = sentence.concepts.contains(Concept::Benefit);
            let words: Vec<usize> = tone::consequences(sentence)
                .iter()
                .copied()
                .filter(|(_, strong)| *strong)
                .map(|(w, _)| w)
                .filter(|&w| {
                    // A stop or cut named as a noun needs the reader's money in the sentence.
                    let word = &sentence.words[w];
                    let only_stop_or_reduce =
                        word.concepts
                            .intersects(crate::morphology::ConceptSet::of(&[
                                Concept::Stop,
                                Concept::Reduce,
                            ]))
                            && !word
                                .concepts
                                .intersects(crate::morphology::ConceptSet::of(&[
                                    Concept::Punish,
                                    Concept::Fine,
                                    Concept::Seize,
                                    Concept::PoliceCourt,
                                    Concept::Reclaim,
                                    Concept::Lose,
                                ]));
                    let noun = morphology
                        .sentence(index)
                        .iter()
                        .find(|t| morphology.word(t).form == word.lower())
                        .is_some_and(|t| {
                            t.separable.is_none()
                                && matches!(
                                    morphology.word(t).kind,
                                    FormKind::Noun | FormKind::Unlisted
                                )
                                && morphology.word(t).verb.as_deref() != Some(word.lower())
                        });
                    !(only_stop_or_reduce && noun && !benefit)
                })
                .collect();
            // News, figures or a definition about others aim at no reader (asked last).
            if words.is_empty() || sentence.informs(doc) {
                continue;
            }
            // Money not paid out ("wij betalen uw uitkering niet uit") is a stop.
            let concepts = words
                .iter()
                .fold(crate::morphology::ConceptSet::EMPTY, |set, &w| {
                    let own = sentence.words[w].concepts;
                    set.union(if own.is_empty() {
                        crate::morphology::ConceptSet::of(&[Concept::Stop])
                    } else {
                        own
                    })
                });
            let new = concepts.union(stated) != stated;
            stated = stated.union(concepts);
            if letter_with_help && new {
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit kondigt een straf, korting of beslag aan. Wie dit leest, denkt dat het hem gaat overkomen, nog voordat iemand heeft gevraagd wat er aan de hand is.",
                "Zeg wat de lezer kan doen en bied hulp: \"Lukt het niet? Bel ons, dan zoeken we samen een oplossing.\" Noem een gevolg alleen als het echt nodig is, één keer en zakelijk.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn a_heading_that_names_a_subject_and_less_to_pay_are_no_sanction() {
        for text in [
            "# Weigeren huisbezoek\n\nU mag een huisbezoek weigeren.",
            "# Sociale recherche\n\nHier leest u wat dit team doet.",
            "U vermindert uw uitgaven zoveel mogelijk.",
            "Wij verlagen uw schuld met het bedrag dat u al betaalde.",
        ] {
            assert!(
                findings_of(&SanctionStatement, text).is_empty(),
                "flagged: {text}"
            );
        }
        // Costs taken from the reader's money are a sanction.
        assert!(
            !findings_of(&SanctionStatement, "Wij korten de kosten op uw uitkering.").is_empty()
        );
        // A heading that tells the reader a sanction still is one.
        assert!(
            !findings_of(
                &SanctionStatement,
                "# Uw uitkering stopt\n\nBel ons gerust."
            )
            .is_empty()
        );
    }

    #[test]
    fn sanctions_as_facts_are_flagged() {
        for text in [
            "Daarna legt de deurwaarder beslag op uw loon.",
            "Uw uitkering wordt twee maanden verlaagd.",
            "Fraudeurs krijgen een hoge boete.",
            "Een maand na de uitspraak ontruimt de deurwaarder uw flat.",
            "Wij zetten de uitkering stop.",
            "Bel ons, want niet betalen kan vervelende gevolgen hebben.",
            "U zet zo uw woning op het spel.",
            "Uw huur van mei staat nog open. Daarom sturen wij u nu een aanmaning.",
            "Zet uw uitkering niet op het spel.",
            "Door op tijd te betalen voorkomt u dat de politie u ophaalt.",
            "Wij stoppen de uitkering van mensen die niet op een uitnodiging voor een gesprek reageren.",
            "Bij gijzeling wordt u door de politie opgehaald.",
            "De man moet nu € 5000,- terugbetalen.",
            "Uw salaris gaat dan niet meer naar uw eigen rekening, maar naar de deurwaarder.",
            "In het ergste geval dwingen wij u om uit uw flat te vertrekken.",
            "U moet dan uw kamer uit.",
            "Daarna staat u op straat.",
            "Een ontruiming is dan vaak niet meer te voorkomen.",
            "Dit kan in het ergste geval leiden tot uitzetting.",
            "Zwart werken wordt streng bestraft.",
            // The negation of the second part does not reach the first.
            "Uw werkgever moet dan een deel van uw loon inhouden en niet aan u uitbetalen.",
            "U krijgt dan een half jaar geen of minder bijstand.",
            "U krijgt dan een tijd geen of een lagere uitkering.",
        ] {
            assert_eq!(findings_of(&SanctionStatement, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn the_other_side_that_must_wait_protects_the_reader() {
        let waits =
            "Hebt u bezwaar gemaakt? Dan moet de deurwaarder met beslag wachten tot de uitspraak.";
        assert!(findings_of(&SanctionStatement, waits).is_empty());
        // A step that must come before the measure may.
        let step = "Voordat wij uw gas mogen afsluiten, krijgt u eerst een waarschuwing.";
        assert!(findings_of(&SanctionStatement, step).is_empty());
        let no_comma = "Voordat wij uw water mogen afsluiten komt er eerst een gesprek.";
        assert!(findings_of(&SanctionStatement, no_comma).is_empty());
        let reader_waits =
            "Daarna legt de deurwaarder beslag op uw loon. U moet twee weken wachten.";
        assert_eq!(findings_of(&SanctionStatement, reader_waits).len(), 1);
    }

    #[test]
    fn the_other_side_that_need_not_do_something_protects_nobody() {
        // The bailiff who need not go to court first is free to act.
        let free = "De deurwaarder mag beslag leggen op uw loon. Daarvoor hoeft hij u niet eerst te bellen.";
        assert_eq!(findings_of(&SanctionStatement, free).len(), 1);
        // The reader who need not do something is protected.
        let protected = "De deurwaarder mag beslag leggen op uw loon. U hoeft niet alles in één keer te betalen.";
        assert!(findings_of(&SanctionStatement, protected).is_empty());
    }

    #[test]
    fn a_letter_states_its_decision_once() {
        let letter = "Beste mevrouw Jansen,\n\nUw bijstandsuitkering stopt op 1 mei.\n\nHebt u vragen? Bel Ilse Verhoef.\n";
        assert!(findings_of(&SanctionStatement, letter).is_empty());
        let twice = "Beste mevrouw Jansen,\n\nUw bijstandsuitkering stopt op 1 mei. Wij zetten de betaling stop.\n\nHebt u vragen? Bel Ilse Verhoef.\n";
        assert_eq!(findings_of(&SanctionStatement, twice).len(), 1);
    }

    #[test]
    fn negations_help_and_plain_nouns_are_not_flagged() {
        for text in [
            "Op dat deel van uw inkomen mag geen beslag gelegd worden.",
            "Zolang het vriest, sluiten wij uw gas niet af.",
            "Voorkom extra kosten: vraag een betalingsregeling aan.",
            "Het vakantiegeld wordt bij eerdere beëindiging uitbetaald.",
            "Bent u het niet eens met de boete? Dan kunt u bezwaar maken.",
            "U kunt de cursus altijd stoppen en later weer beginnen.",
            "Wie de boete al betaalde, krijgt dat bedrag van ons terug.",
            "U betaalt dan in delen, zonder rente.",
            "De monteurs doen hun best om mensen níet af te sluiten.",
            "Wij vragen de deurwaarder om het beslag op te heffen.",
            // A collection stopped, an agreement made, a risk made smaller.
            "De verhuurder zet de incasso’s van de huur een maand stop.",
            "Sluit een betalingsregeling af met de woningcorporatie.",
            "Dan is de kans op een terugbetaling of bijbetaling kleiner.",
            "Het incassobureau geeft u de gelegenheid om eerst zelf te betalen.",
            "Voordat wij een boete geven, nodigen wij u uit voor een gesprek.",
            "Bezwaar maken tegen de boete kost u niets.",
            // Help after a question that leads to it.
            "Dan kan de gemeente de bijstand stopzetten. Lukt het niet? Bel Ilse Verhoef.",
        ] {
            assert!(findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn news_figures_rights_and_definitions_are_not_flagged() {
        for text in [
            // Rights and limits, also after a list.
            "De deurwaarder mag uw bank, uw wasmachine en uw kleren niet meenemen.",
            "Wij moeten u eerst horen, voordat wij uw uitkering verlagen.",
            "Blijkt het besluit fout, dan krijgt u het ingehouden geld terug.",
            // News, criticism and figures about others.
            "Volgens de ombudsman stoppen gemeenten de bijstand te snel.",
            "Kamerleden vinden de boetes voor een kleine fout veel te hoog.",
            "De regering wil de strenge straffen versoepelen.",
            "Vorig jaar kregen 4.200 huishoudens een boete van de dienst.",
            // A term explained.
            "Een stopzetting is een besluit dat uw uitkering eindigt.",
            "Een boete of een verlaging is een besluit van de gemeente.",
            "Hieronder leest u welke stappen een deurwaarder moet zetten.",
            "Pas na een vonnis mag de verhuurder een huis laten ontruimen.",
            "Hoe lang een verlaging duurt, staat in de regels van de gemeente.",
            "De Kamer wil dat gemeenten bij een eerste fout geen boete geven.",
            "De verslaggever sprak met ouders over hun angst voor een korting.",
            // A court decision told in the past; "mocht" here is no condition.
            "De kantonrechter besliste dat het gezin de flat mocht houden.",
            "De rechtbank oordeelde dat de dienst de korting moest terugdraaien.",
            // A duty of the other side first, and a limit on a measure.
            "De dienst moet eerst uitzoeken wat er aan de hand is, voordat zij u kort.",
            "Een verlaging duurt maximaal een maand.",
            // A risk to health, not to money or rights.
            "Een vochtige woning geeft ernstige gezondheidsrisico's voor uw kinderen.",
        ] {
            assert!(findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
        // A risk to the reader's money stays heavy.
        let risk = "U loopt dan een groot risico.";
        assert_eq!(findings_of(&SanctionStatement, risk).len(), 1, "{risk}");
    }

    #[test]
    fn past_events_names_refunds_and_the_readers_own_acts_are_not_flagged() {
        for text in [
            // A dated event in the past: a report, no announcement.
            "Uw WW-uitkering stopte op 3 maart 2026.",
            "Het ging om ons besluit van 2 mei 2026 over de verlaging van uw bijstand.",
            // The name of a regulation.
            "Dit staat in de Verordening maatregelen Participatiewet Noordveld 2024.",
            // Money back to the reader.
            "Krijgt u gelijk? Dan betalen wij de kosten aan u terug.",
            // The reader stopped something.
            "Stuur een bewijs dat u uw oude huur hebt opgezegd.",
        ] {
            assert!(findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
        // Past tense without a date, or now and later, still announce.
        for text in [
            "Uw uitkering stopt op 3 maart 2026.",
            "Vorige maand stopte de gemeente de uitkering van mensen zonder werk.",
        ] {
            assert_eq!(findings_of(&SanctionStatement, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn money_claimed_back_from_the_reader_is_flagged() {
        for text in [
            "Wij halen het te veel betaalde bedrag bij u terug: wij vorderen het van u terug.",
            "De gemeente vordert de bijstand over drie maanden terug.",
            "Het bedrag van de maand mei wordt teruggevorderd.",
            // A failure as the reason, also with a short aside in brackets.
            "Uw bijstand wordt verlaagd omdat u (opnieuw) niet naar het gesprek kwam.",
            "U krijgt een lagere uitkering, omdat u de papieren te laat stuurde.",
        ] {
            assert_eq!(findings_of(&SanctionStatement, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn paying_back_in_parts_a_question_and_a_softened_measure_are_not_flagged() {
        for text in [
            // The reader pays back, spread over months.
            "Het te veel betaalde bedrag lost u in termijnen af.",
            // A consequence asked about together with the reader.
            "Daarna zoeken wij samen uit of de nieuwe baan iets verandert aan uw bijstand.",
            "In het gesprek kijken we met u of uw huur gevolgen heeft voor de toeslag.",
            // The municipality weighs the reader's situation.
            "De gemeente houdt rekening met uw situatie en geeft soms alleen een waarschuwing.",
            "Uw situatie wordt meegewogen voordat er een maatregel komt.",
            // A measure reviewed or given up.
            "Daarna kan de gemeente de maatregel herzien.",
            "Wij zien af van een boete.",
            // Something put in, nothing stopped.
            "Wij stoppen de brief in uw brievenbus.",
        ] {
            assert!(findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_letters_title_names_its_decision() {
        let letter = "# Besluit: uw bijstand stopt\n\nBeste meneer Bakker,\n\nUw bijstand stopt op 1 mei.\n\nHebt u vragen? Bel Ilse Verhoef.\n";
        assert!(findings_of(&SanctionStatement, letter).is_empty());
    }

    #[test]
    fn a_short_line_without_a_closing_mark_stands_as_a_heading() {
        // A web page's heading, written as a line of its own.
        let page = "Boetes en maatregelen\n\nHier leest u wanneer de gemeente een boete geeft.\n";
        assert!(findings_of(&SanctionStatement, page).is_empty());
        // With a closing mark, a pronoun or more words, it is a sentence again.
        for text in [
            "Wij leggen beslag op uw loon\n\nBel ons.\n",
            "Beslag op het loon volgt.\n",
            "Daarna legt de deurwaarder beslag op het loon van iedereen die niet betaalt\n",
        ] {
            assert!(!findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_signpost_and_a_list_of_what_a_letter_says_announce_nothing() {
        for text in [
            "Op deze pagina leest u meer over boetes.",
            "In de brief staat:\n\n- Waarom wij uw uitkering stoppen.\n- Hoeveel u moet terugbetalen.\n",
        ] {
            assert!(findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
        for text in [
            "Op deze pagina leest u dat wij uw uitkering stoppen.",
            "In de brief staat:\n\n- Wij stoppen uw uitkering.\n",
        ] {
            assert!(!findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ending_an_activity_and_the_readers_own_question_are_no_sanction() {
        for text in [
            "U of uw partner stopt met werken.",
            // The reader's right, and the reader's own wish.
            "Dan kunt u de rechter vragen om een regeling voor al uw schulden.",
            "U wilt worden afgesloten van het gas.",
            "Uw kind stopt met een opleiding of studie\n\nGeef dit aan ons door.\n",
            "Begint of stopt uw oudste kind met een opleiding? Geef het aan ons door.",
            "Geef ons door dat u stopt of begint met werk.",
            "## In welke gevallen moet ik geld terugbetalen?\n\nDat leest u hier.\n",
            // A heading that asks what the text under it answers.
            "## Zijn er nog meer redenen om afgesloten te worden?\n\nDat leest u hier.\n",
        ] {
            assert!(findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
        for text in [
            "Wij stoppen met het betalen van uw uitkering.",
            "Wij stoppen per 1 mei met uw uitkering.",
            "Daarom stopt de gemeente vanaf 1 mei met de betaling.",
            "## Wij vorderen het geld terug\n\nDat leest u hier.\n",
            // The organisation asks the court; a wish denied.
            "Wij vragen de rechter om beslag op uw loon.",
            "U wilt toch niet dat wij uw uitkering stoppen?",
            // The same words as a heading that states it.
            "## Zo kan het energiebedrijf de stroom afsluiten\n\nDat leest u hier.\n",
            // The reader is no subject of the wish or of the asking.
            "Daarna kunnen wij de rechter vragen om een vonnis tegen u.",
        ] {
            assert!(!findings_of(&SanctionStatement, text).is_empty(), "{text}");
        }
    }
}
