//! ## What it flags
//! A condition on what the reader does or fails to do, with a consequence for
//! their money, home or rights, in any word order and also in the passive or
//! impersonal: "Als u niet reageert, stoppen wij uw uitkering", "Doet u dit
//! niet, dan wordt uw uitkering verlaagd", "Reageert u niet op tijd? Dan …",
//! "Zo niet, dan …", "Bij een achterstand van drie maanden volgt ontruiming",
//! "Wie zich niet aan de regels houdt, wordt gekort". Consequences are found
//! through their concepts (reduce, stop, reclaim, fine, punish, seize, police
//! and court; `readability/concepts.toml`), in every form and compound.
//!
//! Not flagged: a negated consequence ("dan wordt u niet afgesloten"), a
//! consequence next to an offer of help or a reassurance (in the same sentence
//! outside the condition, or in the next two), and a factual rule without a
//! failure ("Als u werk vindt, wordt uw uitkering lager").
//!
//! ## Why it matters to the reader
//! A threat about money makes people afraid before anyone has asked what is
//! going on. Many then stop opening letters at all.
//!
//! ## Example
//! "Als u niet op tijd reageert, stoppen wij uw uitkering."
//!
//! ## Use instead
//! "Wilt u voor 7 december reageren? Lukt dat niet, bel dan Ilse Verhoef. Samen zoeken we een oplossing."

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::readability::Document;
use crate::readability::tone::{self, ClauseKind};

const BAD: &str = "Als u niet op tijd reageert, stoppen wij uw uitkering.";
const GOOD: &str = "Wilt u voor 7 december reageren? Lukt dat niet, bel dan Ilse Verhoef. Samen zoeken we een oplossing.";

/// A threat: "if you don't, we cut your money".
pub(crate) struct ConditionalSanction;

impl Rule for ConditionalSanction {
    fn id(&self) -> &'static str {
        "conditional-sanction"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een voorwaarde over wat de lezer (niet) doet, met een gevolg voor zijn geld, huis of rechten: \"Als u niet reageert, stoppen wij uw uitkering.\"",
            why: "Een dreigement over geld maakt mensen bang, voordat iemand heeft gevraagd wat er aan de hand is. Veel mensen openen dan hun post niet meer.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let sentences = tone::sentences(doc);
        for (i, sentence) in sentences.iter().enumerate() {
            // A heading that asks the reader's own question ("Mag mijn
            // energiebedrijf mij afsluiten als het vriest?") announces nothing.
            if sentence.heading && sentence.names_a_subject() {
                continue;
            }
            let consequences = tone::consequences(sentence);
            // The consequence stands outside the condition, and outside a reason
            // ("… omdat de rechtbank u failliet heeft verklaard" explains, it announces nothing).
            let outside: Vec<(usize, bool)> = consequences
                .iter()
                .copied()
                .filter(|(w, _)| {
                    let clause = sentence.clause_of(*w);
                    clause.kind != ClauseKind::Condition
                        && !sentence.is(clause.words.start, &["omdat", "doordat", "aangezien"])
                })
                .collect();
            if outside.is_empty() {
                // "Dit gebeurt als u …", "Of als u …": the condition of the sentence before.
                if let Some(words) = continued_condition(sentences, i)
                    && !tone::helped(sentences, i - 1)
                    && !tone::helped(sentences, i)
                    && !sentence.informs(doc)
                {
                    out.push(finding(
                        doc,
                        sentence,
                        &words,
                        self.id(),
                        MESSAGE,
                        SUGGESTION,
                    ));
                }
                continue;
            }
            let strong = outside.iter().any(|(_, strong)| *strong);
            // The condition: in this sentence, "zo niet"/"anders", or a question before "Dan …".
            let previous = i
                .checked_sub(1)
                .map(|p| &sentences[p])
                .filter(|p| p.block == sentence.block);
            let condition_words: Vec<usize> = if let Some(clause) = sentence.failing_condition() {
                vec![sentence.clauses[clause].words.start]
            } else if strong
                && let Some(clause) = sentence.clauses.iter().find(|c| {
                    // "Bij besluit van …" is no condition; "bij een achterstand" fails.
                    // "als u zelf wilt worden afgesloten": the reader wishes the
                    // consequence itself ("als u wilt samenwonen" wishes something else).
                    c.kind == ClauseKind::Condition
                        && !sentence.is(c.words.start, &["bij", "na"])
                        && !wishes_the_consequence(sentence, c)
                })
            {
                vec![clause.words.start]
            } else if let Some(k) = (0..sentence.words.len()).find(|&k| {
                sentence.is(k, &["anders"])
                    || (sentence.is(k, &["zo"]) && sentence.is(k + 1, &["niet"]))
            }) {
                vec![k]
            } else if sentence.starts_with_dan
                && previous
                    .is_some_and(|p| p.verb_first_question && (strong || p.fails(0..p.words.len())))
            {
                vec![0]
            } else {
                continue;
            };
            // Help next to it makes it a factual consequence, not a threat.
            // News, figures or a definition about others aim at no reader.
            let helped = sentence.offers_help()
                || sentence.informs(doc)
                || sentences[i + 1..]
                    .iter()
                    .take(2)
                    // Help under the next heading belongs to another section.
                    .take_while(|next| !next.heading)
                    .any(|next| {
                        next.block.abs_diff(sentence.block) <= 1 && tone::helps_others(next)
                    });
            if helped {
                continue;
            }
            let mut words = condition_words;
            words.extend(outside.iter().map(|(w, _)| *w));
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                MESSAGE,
                SUGGESTION,
            ));
        }
    }
}

/// Whether a condition is the reader's wish for the consequence itself: "als u
/// zelf wilt worden afgesloten", "als u wilt dat wij stoppen" (a consequence
/// word in the condition, at most three words after "wil"); "als u wilt samenwonen" wishes
/// something else.
fn wishes_the_consequence(sentence: &tone::ToneSentence, condition: &tone::Clause) -> bool {
    // "… wilt | worden afgesloten": the passive of the wish is read as a clause of its own.
    let end = if sentence.is(condition.words.end, &["worden"]) {
        (condition.words.end + 2).min(sentence.words.len())
    } else {
        condition.words.end
    };
    tone::reader_wishes(sentence, condition)
        && condition.words.clone().any(|k| {
            sentence.is(k, &["wil", "wilt"])
                && sentence.words[k + 1..end]
                    .iter()
                    .take(3)
                    .any(|w| w.concepts.intersects(tone::STRONG_CONSEQUENCE))
        })
}

const MESSAGE: &str = "Dit klinkt als een dreigement: als u iets niet doet, raakt u geld of rechten kwijt. Mensen worden hier bang van, nog voordat iemand heeft gevraagd wat er is.";
const SUGGESTION: &str = "Vraag wat u nodig hebt, met een datum, en bied hulp: \"Wilt u … voor [datum] sturen? Lukt dat niet, bel dan [naam]. Samen zoeken we een oplossing.\"";

/// The words of a failing condition that continues the sentence before, when
/// that sentence states a consequence: "Wij sluiten de stroom af. Dit gebeurt
/// als u niet betaalt." or "… Of als u de regeling weigert."
fn continued_condition(sentences: &[tone::ToneSentence], i: usize) -> Option<Vec<usize>> {
    let sentence = &sentences[i];
    let previous = sentences.get(i.checked_sub(1)?)?;
    // "Dat kan al als …", "Dat doen wij ook wanneer …": the condition word, past "al" or "ook".
    let condition_at = |k: usize| {
        let k = k + usize::from(sentence.is(k, &["al", "ook", "zelfs"]));
        sentence.is(k, &["als", "wanneer", "indien"])
    };
    let continues = (sentence.is(0, &["dit", "dat"])
        && (sentence.is(1, &["gebeurt", "gebeurde"])
            || sentence.is(1, &["kan"]) && (sentence.is(2, &["gebeuren"]) || condition_at(2))
            || sentence.is(1, &["doen"]) && sentence.is(2, &["wij", "we"]) && condition_at(3)))
        || (sentence.is(0, &["of", "en"]) && sentence.is(1, &["als", "wanneer", "indien"]));
    if !continues || previous.block != sentence.block {
        return None;
    }
    // A strong consequence before, any consequence after a failing condition,
    // or a condition that itself continued one ("Dit gebeurt als … Of als …").
    let failing_before = previous.failing_condition().is_some();
    let consequence_before = tone::consequences(previous).iter().any(|&(w, strong)| {
        (strong || failing_before) && previous.clause_of(w).kind != ClauseKind::Condition
    });
    if !consequence_before && continued_condition(sentences, i - 1).is_none() {
        return None;
    }
    let condition = sentence.failing_condition()?;
    Some(vec![0, sentence.clauses[condition].words.start])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn threats_are_flagged_in_every_word_order() {
        for text in [
            "Als u niet op tijd reageert, stoppen wij uw uitkering.",
            // A wish the reader does not have is no wish of theirs.
            "Als u niet wilt meewerken, stoppen wij uw uitkering.",
            "Als u wilt gaan samenwonen, stopt de gemeente uw uitkering.",
            // A heading that states a threat is one.
            "## Als u niet betaalt, schakelen wij de deurwaarder in",
            "Doet u dit niet, dan stopt uw uitkering.",
            "Reageert u niet op tijd? Dan verlagen wij uw bijstand.",
            "Indien u de gevraagde stukken niet aanlevert, zal uw uitkering worden verlaagd.",
            "Wanneer u te laat reageert, krijgt u een maatregel.",
            "Mocht u weigeren mee te werken, dan wordt uw uitkering beëindigd.",
            // Expecting a consequence ("rekening houden met") is no help.
            "Wie zijn huur niet betaalt, moet rekening houden met een ontruiming.",
            "Komt u niet, dan volgt het stilzetten van uw bijstand.",
            // A second verb-first condition joined with "en".
            "Gaat u verhuizen en geeft u dat niet door, dan vorderen wij de toeslag terug.",
            "Wie zich niet aan de afspraken houdt, wordt gekort op de bijstand.",
            "Stuur de papieren voor 1 mei. Zo niet, dan zetten wij de betaling stop.",
            "Bij een achterstand van twee maanden schakelen wij de deurwaarder in.",
            "Als u niet meewerkt kan dit nare gevolgen hebben.",
            "Op het moment dat u niet op tijd betaalt, schakelen wij een incassobureau in.",
            "Wanneer wij geen betaling hebben ontvangen zijn wij genoodzaakt de deurwaarder in te schakelen.",
            "Als u de formulieren te laat inlevert, krijgt u een lagere uitkering.",
            "Mocht dat niet lukken, dan kan uw auto in beslag worden genomen.",
            "Bij drie maanden achterstand kunt u uit uw huis worden gezet.",
            // The condition's verb, then what it is about, then the main clause.
            "Als u de gevraagde afschriften niet levert kan dat gevolgen hebben voor uw uitkering.",
            "Als u het gesprek mist, loopt uw uitkering gevaar.",
            "Als u ten onrechte bijstand hebt gekregen, vorderen wij dat geld terug.",
            // Asking money back is reclaiming it, split or in one word.
            "Als u te veel bijstand kreeg, vragen wij dat bedrag terug.",
            "Betaalt u niet op tijd, dan zullen wij het hele bedrag terugvragen.",
            // Claimed in full, also as a participle with a diaeresis.
            "Betaalt u niet, dan eisen wij het hele bedrag op.",
            "Als u niet betaalt, wordt het bedrag opgeëist.",
            // "niet eens" without "het" is "not even".
            "Als u niet eens belt, stoppen wij uw uitkering.",
            // The organisation that goes to court is no reader's right.
            "Als u niet betaalt, kunnen wij naar de rechter stappen.",
            // The organisation's wish about the reader.
            "Als u niet meewerkt, willen wij u een boete geven.",
        ] {
            assert_eq!(findings_of(&ConditionalSanction, text).len(), 1, "{text}");
        }
        // The condition in a sentence of its own, after the consequence.
        for text in [
            "Wij sluiten het water af. Dit gebeurt als u drie maanden niet betaalt.",
            "Wij stoppen de toeslag. Of als u de afspraak weigert, verlagen wij hem.",
            "Wij stoppen de toeslag. Of als u de afspraak weigert.",
            "De deurwaarder legt beslag. Dit kan gebeuren wanneer u een achterstand hebt.",
        ] {
            assert_eq!(findings_of(&ConditionalSanction, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn help_under_the_next_heading_does_not_soften_a_threat() {
        let threat = "Betaalt u dan nog niet, dan dragen wij de schuld over aan een incassobureau.";
        let under_heading =
            format!("{threat}\n\n## Hoe kunt u een betalingsregeling treffen?\n\nBel ons.\n");
        assert_eq!(findings_of(&ConditionalSanction, &under_heading).len(), 1);
        let next_to_it = format!(
            "{threat}\n\nLukt betalen niet? Bel ons, dan zoeken we samen een betalingsregeling.\n"
        );
        assert!(findings_of(&ConditionalSanction, &next_to_it).is_empty());
    }

    #[test]
    fn help_next_to_a_threat_of_its_own_or_a_last_chance_does_not_soften() {
        // The next sentence offers help, but threatens in another clause or
        // gives a last chance: the threat before it stands.
        for text in [
            "Als u de huur niet betaalt, stappen wij naar de rechter. Die kan een betalingsregeling toestaan, maar ook beslag laten leggen.",
            "Betaalt u niet op tijd, dan schakelen wij een deurwaarder in. De deurwaarder kan met u een regeling maken, of beslag leggen op uw loon.",
            "Als u niet betaalt, gaat de zaak naar de deurwaarder. Wij nemen contact met u op om u een laatste kans te geven.",
        ] {
            assert_eq!(findings_of(&ConditionalSanction, text).len(), 1, "{text}");
        }
        // Help alone, or help aimed at the consequence itself, still softens.
        for text in [
            "Als u de huur niet betaalt, stappen wij naar de rechter. Die kan een betalingsregeling toestaan.",
            "Als u niet betaalt, sturen wij een dwangbevel. U kunt bezwaar maken tegen dat dwangbevel.",
            "Als u niet betaalt, gaat de zaak naar de deurwaarder. Wij nemen contact met u op om samen een regeling te zoeken.",
        ] {
            assert!(findings_of(&ConditionalSanction, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_condition_continued_twice_is_flagged_twice() {
        let text =
            "Wij sluiten het gas af. Dit gebeurt als u niet betaalt. Of als u de regeling weigert.";
        assert_eq!(findings_of(&ConditionalSanction, text).len(), 2);
        // Both sentences hold a failing condition ("te veel", "te hoge").
        let text = "Wij nemen maatregelen als iemand te veel geld krijgt. Of als iemand een te hoge uitkering krijgt.";
        assert_eq!(findings_of(&ConditionalSanction, text).len(), 2);
    }

    #[test]
    fn a_consequence_carried_by_dat_into_a_condition_is_flagged() {
        for text in [
            "De verhuurder kan uw huurcontract laten ontbinden. Dat kan al als u twee maanden de huur niet betaalt.",
            "Wij schakelen dan de deurwaarder in. Dat doen wij ook wanneer u niet meewerkt aan een regeling.",
        ] {
            let found = findings_of(&ConditionalSanction, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
        }
    }

    #[test]
    fn help_facts_and_negations_are_not_threats() {
        for text in [
            "Stuurt u de papieren niet op tijd? Dan kunnen wij uw uitkering niet betalen. Lukt het niet? Bel dan Ilse.",
            "Als u werk vindt, wordt uw uitkering lager.",
            "Kunt u niet komen? Bel ons dan.",
            "Lukt het niet om op tijd te betalen? Bel dan Ilse Verhoef.",
            "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken.",
            "Opschorten betekent dat wij uw uitkering een tijd niet betalen.",
            "Als het vriest, wordt u niet afgesloten.",
            "Lukt terugbetalen niet in één keer? Dan spreken we samen kleinere bedragen per maand af.",
            // The reader who asks money back, or is asked to give something back.
            "Als u te veel belasting betaalde, kunt u dat geld terugvragen.",
            "Als u te veel belasting betaalde, kunt u dat geld terugvorderen.",
            "Als u verhuist, vragen wij u om de sleutel terug te geven.",
            // A title with a colon: no verb-first condition ("Besluit u …").
            "Besluit: u krijgt geen bijstand.",
            "Besluit: wij betalen uw uitkering even niet uit.",
            "Gaat u in op het aanbod van schuldhulp, dan vervalt het recht van het bedrijf om u af te sluiten.",
            // The reader withdraws consent; the staff leave the reader's home.
            "Als u wilt dat wij weggaan, moeten wij direct uw huis uit.",
            // A court named as the reason of a question, not as a consequence.
            "Kunt u uw rekeningen niet meer betalen omdat de rechter uw schuldsanering heeft uitgesproken? Dan stuurt u ons de uitspraak.",
            // A clause with "dat" inside the condition is part of it.
            "Als u laat zien dat u zich na de maatregel aan de afspraken houdt, dan kijken wij opnieuw naar uw situatie.",
            // Disagreeing fails nothing: going to court is the reader's right.
            "U kunt naar de rechter gaan als u het niet eens bent met ons besluit.",
            "Als u het er niet mee eens bent, mag u naar de rechter.",
            // A continued condition next to help, or after a sentence without a consequence.
            "Wij sluiten het water af. Dit gebeurt als u drie maanden niet betaalt. Bel ons, dan zoeken we samen een oplossing.",
            "U krijgt een brief. Dit gebeurt als u niet reageert.",
            // "Dat kan als …" after a right or help, not after a consequence.
            "U kunt een betalingsregeling krijgen. Dat kan als u niet alles tegelijk kunt betalen.",
            "Wij kunnen de huur verlagen. Dat kan als u weinig inkomen hebt.",
            // The reader's own question as a heading, and the reader's own wish.
            "## Mag de verhuurder mij uit huis zetten als ik de huur niet betaal?\n\nDat mag alleen met een vonnis van de rechter.",
            "Wij sluiten de stroom af als u zelf wilt worden afgesloten.",
            // The reader who may report something to the police does something;
            // nothing is done to them ("dat" is the object of "melden").
            "Als u ziet dat iemand steelt, kunt u dat melden bij de politie.",
            // A milder measure for reporting early.
            "Als u het te laat doorgeeft, maar voordat wij het zien, geven wij een lagere boete.",
        ] {
            assert!(findings_of(&ConditionalSanction, text).is_empty(), "{text}");
        }
        // The organisation that reports the reader does something to them; a
        // higher fine is no milder one.
        for text in [
            "Als u niet meewerkt, kunnen wij dat melden bij de politie.",
            "Als u niet meewerkt, melden wij dit bij de politie.",
            "Als u het te laat doorgeeft, geven wij een hogere boete.",
        ] {
            assert!(
                !findings_of(&ConditionalSanction, text).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn als_that_compares_or_names_a_role_opens_no_condition() {
        // Not conditions: a comparison, "zowel … als", and a role without a verb after it.
        for text in [
            "Het bedrag wordt net als vorig jaar verlaagd met de kosten van de cursus.",
            "Wij stoppen zowel de toeslag als de bijzondere bijstand op 1 mei.",
            "U betaalt als eigen bijdrage een vast bedrag per maand.",
        ] {
            assert!(
                findings_of(&ConditionalSanction, text).is_empty(),
                "flagged: {text}"
            );
        }
        // A condition with its own verb still is one, also after "zo" further back.
        for text in [
            "Wij verlagen uw uitkering als u niet naar de afspraak komt.",
            "Betaal zo snel mogelijk, want als u niet betaalt, stoppen wij uw uitkering.",
        ] {
            assert!(
                !findings_of(&ConditionalSanction, text).is_empty(),
                "{text}"
            );
        }
    }

    #[test]
    fn the_span_covers_condition_and_consequence() {
        let text = "Als u niet op tijd reageert, stoppen wij uw uitkering.";
        let found = findings_of(&ConditionalSanction, text);
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "Als u niet op tijd reageert, stoppen"
        );
    }
}
