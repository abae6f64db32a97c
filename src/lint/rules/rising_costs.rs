//! ## What it flags
//! Costs that are added, rise or fall on the reader: "extra kosten", "de
//! kosten worden hoger", "de kosten zijn voor uw rekening", "kosten in
//! rekening brengen", "de boete wordt verhoogd".
//!
//! Not flagged: "zonder extra kosten", "dit kost niets", a negated sentence
//! and a sentence that offers help ("Voorkom extra kosten met een betalingsregeling").
//!
//! ## Why it matters to the reader
//! People with debts panic at rising costs, and many stop calling at all.
//!
//! ## Example
//! "De kosten van de deurwaarder zijn voor uw rekening."
//!
//! ## Use instead
//! "Lukt het niet om te betalen? Bel ons voor 1 juni, dan zoeken we samen een regeling en komen er geen kosten bij."

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::Concept;
use crate::readability::Document;
use crate::readability::tone::{self, marks, marks::COSTS};

const BAD: &str = "De kosten van de deurwaarder zijn voor uw rekening.";
const GOOD: &str = "Lukt het niet om te betalen? Bel ons voor 1 juni, dan zoeken we samen een regeling en komen er geen kosten bij.";

/// Rising costs laid on the reader.
pub(crate) struct RisingCosts;

impl Rule for RisingCosts {
    fn id(&self) -> &'static str {
        "rising-costs"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Kosten die erbij komen, oplopen of voor rekening van de lezer zijn: \"De kosten zijn voor uw rekening.\"",
            why: "Mensen met schulden raken in paniek van oplopende kosten. Veel mensen durven dan niet meer te bellen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let sentences = tone::sentences(doc);
        for (index, sentence) in sentences.iter().enumerate() {
            // The cheap test first: a form that can name costs (or an amount).
            if sentence.marks & marks::COSTS_FORM == 0
                || tone::helped(sentences, index)
                || sentence.names_a_subject()
            {
                continue;
            }
            let n = sentence.words.len();
            // "het bedrag dat u moet betalen": an amount the reader owes.
            let owed = || {
                (sentence.words.iter().any(|w| w.reads_as("moeten")) || sentence.has_condition())
                    && sentence.words.iter().any(|w| w.reads_as("betalen"))
            };
            let cost = |k: usize| {
                let w = &sentence.words[k];
                COSTS.contains(&w.lemma())
                    || w.lower().ends_with("kosten")
                    || w.morph.head.as_deref().is_some_and(|h| COSTS.contains(&h))
                    || (w.lemma() == "bedrag" && owed())
            };
            // "lager of hoger": a change both ways is information, not a threat.
            let both_ways = sentence
                .words
                .iter()
                .any(|w| matches!(w.lower(), "lager" | "lagere"));
            let mut words = Vec::new();
            for k in 0..n {
                if !cost(k)
                    || both_ways
                    || sentence.clause_of(k).negated
                    || (k >= 1 && sentence.is(k - 1, &["zonder"]))
                    || (k >= 2 && sentence.is(k - 2, &["zonder"]))
                {
                    continue;
                }
                let clause = sentence.clause_of(k).words.clone();
                // "oplopen", "extra", "fors", "met 50 procent": the amount grows.
                let rising = clause.clone().find(|&j| {
                    let w = &sentence.words[j];
                    w.lower() != sentence.words[k].lower()
                        && (w.concepts.contains(Concept::Rise)
                            || (matches!(w.lower(), "procent" | "%")
                                && clause.clone().any(|m| sentence.words[m].lower() == "met")))
                });
                // "voor uw (eigen) rekening", "in rekening brengen", "verschuldigd",
                // "op u verhaald": the costs are laid on the reader.
                let account = clause
                    .clone()
                    .find(|&j| {
                        let w = &sentence.words[j];
                        (w.lower() == "rekening"
                            && (sentence.is(j.wrapping_sub(1), &["uw", "jouw", "je"])
                                || (sentence.is(j.wrapping_sub(1), &["eigen"])
                                    && sentence.is(j.wrapping_sub(2), &["uw", "jouw", "je"]))
                                || sentence.is(j + 1, &["gebracht", "brengen", "brengt"])
                                // "brengen wij kosten in rekening": the verb first.
                                || (sentence.is(j.wrapping_sub(1), &["in"])
                                    && clause.clone().any(|m| sentence.words[m].reads_as("brengen")))))
                            || w.lower() == "verschuldigd"
                            || (w.reads_as("verhalen")
                                && clause.clone().any(|m| sentence.is(m, &["u", "je", "jou"])))
                    })
                    // "De kosten zijn hoog en worden op u verhaald": the next clause.
                    .or_else(|| {
                        (k + 1..n).find(|&j| {
                            sentence.words[j].reads_as("verhalen")
                                && (k + 1..n).any(|m| sentence.is(m, &["u", "je", "jou"]))
                        })
                    });
                if let Some(j) = rising.or(account).or_else(|| {
                    on_reader(
                        sentence,
                        COLLECTION.contains(&sentence.words[k].lemma())
                            || sentence.words[k]
                                .morph
                                .modifiers
                                .iter()
                                .any(|m| COLLECTION.contains(&m.as_str())),
                    )
                }) {
                    words.push(k);
                    words.push(j);
                }
            }
            // News, figures or a definition about others aim at no reader (asked last).
            if words.is_empty() || sentence.informs(doc) {
                continue;
            }
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Dit dreigt met kosten die erbij komen. Mensen met schulden raken hierdoor in paniek en durven vaak niet meer te bellen.",
                "Bied eerst hulp aan: \"Lukt het niet om te betalen? Bel ons, dan zoeken we samen een betalingsregeling.\"",
            ));
        }
    }
}

/// Steps of collecting a debt: their costs come from not paying.
const COLLECTION: &[&str] = &[
    "aanmaning",
    "herinnering",
    "sommatie",
    "dwangbevel",
    "incasso",
    "deurwaarder",
    "betalingsherinnering",
];

/// Words anywhere in the sentence that lay costs on the reader: "betaalt u
/// zelf" (for a step of collection: ordinary costs the reader pays are no
/// threat), "op uw kosten", "komen bij uw schuld", "wordt (steeds) groter".
fn on_reader(sentence: &tone::ToneSentence, collection: bool) -> Option<usize> {
    let n = sentence.words.len();
    let reader = |k: usize| sentence.is(k, &["u", "je", "jij", "uw", "jouw"]);
    (0..n).find(|&k| {
        let w = &sentence.words[k];
        // "betaalt u zelf", "moet u zelf betalen".
        (collection && w.lower() == "zelf"
            && (k.saturating_sub(2)..(k + 3).min(n)).any(|j| sentence.words[j].reads_as("betalen"))
            && (k.saturating_sub(3)..k).any(reader))
            // "op uw kosten", "bij uw schuld": added to what the reader owes.
            || (matches!(w.lemma(), "kost" | "kosten" | "schuld" | "rekening")
                && k >= 2
                && reader(k - 1)
                && sentence.is(k - 2, &["op", "bij"])
                && !sentence.clause_of(k).negated)
            // "wordt groter", "groeit": what is owed grows.
            || (matches!(w.lower(), "groter" | "groeit" | "groeien")
                && sentence.words[..k].iter().any(|p| p.reads_as("worden") || p.lemma() == "bedrag")
                && sentence.words.iter().any(|p| p.reads_as("betalen")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn rising_costs_are_flagged() {
        for text in [
            "De kosten van de deurwaarder zijn voor uw rekening.",
            "Daarna komen er extra kosten bij.",
            "Bovenop de schuld worden dan ook incassokosten gerekend.",
            "De kosten lopen daarna fors op.",
            "De schuld wordt flink hoger.",
            "Uw schuld kan met 15 procent stijgen.",
            "De kosten van elke herinnering komen voor uw eigen rekening.",
            "Over het bedrag bent u rente verschuldigd.",
            "De kosten van de procedure worden op u verhaald.",
            "De kosten zijn hoog en worden daarna op u verhaald.",
            // Costs laid on the reader in other words.
            "Iedere sommatie die nodig is, betaalt u zelf.",
            "Alle incassokosten komen bovendien bij uw schuld.",
            "Het bedrag dat u moet betalen wordt met elke brief groter.",
            "Voor iedere extra brief brengen wij u kosten in rekening.",
            "Als u te laat betaalt, wordt het bedrag steeds hoger.",
        ] {
            assert_eq!(findings_of(&RisingCosts, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn costs_without_threat_are_not_flagged() {
        for text in [
            "Betaal de open rekening deze week, dan komen er geen kosten bij.",
            "Een betalingsregeling brengt geen extra kosten met zich mee.",
            "Voorkom extra kosten met een betalingsregeling.",
            "Als uw inkomen verandert, kan het bedrag lager of hoger worden.",
            "U krijgt een toeslag. Dit bedrag komt bovenop uw uitkering.",
            "De kosten van de schuldhulp betaalt u niet zelf.",
            "Het bedrag wordt groter als u meer kinderen krijgt.",
            // The reader's own question as a heading; the text under it answers.
            "## Welke extra kosten krijg ik met een dwangbevel?\n\nDat leest u hier.",
        ] {
            assert!(findings_of(&RisingCosts, text).is_empty(), "{text}");
        }
    }
}
