//! ## What it flags
//! A demand that the reader proves something, or a burden of proof put on the
//! reader: "U moet aantonen dat …", "De bewijslast ligt bij u", "U bent
//! verplicht bankafschriften te overleggen" (the concept proof with a duty).
//!
//! Not flagged: proof as the reader's own safeguard ("zodat u bewijs hebt"),
//! a request with "kunt" or "wilt", and proof the other side must give ("Wij
//! moeten aantonen dat …").
//!
//! ## Why it matters to the reader
//! Being told to prove yourself says that your word is not believed.
//!
//! ## Example
//! "U moet met bankafschriften aantonen dat u geen inkomsten had."
//!
//! ## Use instead
//! "Wilt u ons uw bankafschriften van mei sturen? Dan kunnen wij uw uitkering goed vaststellen."

use crate::lint::tone::finding;
use crate::lint::{Category, Finding, Rule, RuleDocs};
use crate::morphology::Concept;
use crate::readability::Document;
use crate::readability::tone::{self, marks};

const BAD: &str = "U moet met bankafschriften aantonen dat u geen inkomsten had.";
const GOOD: &str =
    "Wilt u ons uw bankafschriften van mei sturen? Dan kunnen wij uw uitkering goed vaststellen.";

/// Demands for proof.
pub(crate) struct ProofDemand;

impl Rule for ProofDemand {
    fn id(&self) -> &'static str {
        "proof-demand"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "De lezer moet iets bewijzen, of de bewijslast ligt bij de lezer: \"U moet aantonen dat …\"",
            why: "Wie iets moet bewijzen, hoort dat hij niet geloofd wordt.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        for sentence in tone::sentences(doc) {
            // The cheapest test first: a word of proof, or one an account or a reason starts from.
            if !sentence.concepts.contains(Concept::Proof) && sentence.marks & marks::ACCOUNT == 0 {
                continue;
            }
            // The proof first (the cheap test): "bewijs", "aantonen", or "U moet wel
            // een goede reden hebben", a justification demanded.
            let proof: Vec<usize> = sentence
                .unnegated(crate::morphology::ConceptSet::of(&[Concept::Proof]))
                // "laten zien waar …", "verklaren waarom …": accounting for oneself.
                .chain((1..sentence.words.len()).filter(|&k| accounts(sentence, k)))
                .chain((1..sentence.words.len()).filter(|&k| {
                    sentence.words[k].lemma() == "reden"
                        && sentence.is(k - 1, &["goede", "geldige", "dringende", "gegronde"])
                        && !(k >= 2 && sentence.is(k - 2, &["geen"]))
                }))
                .collect();
            if proof.is_empty() {
                continue;
            }
            let duty: Vec<usize> = (0..sentence.words.len())
                .filter(|&k| {
                    let w = &sentence.words[k];
                    w.concepts.contains(Concept::Oblige)
                        || w.lemma() == "moeten"
                        || (w.lower() == "ligt" && sentence.is(k + 1, &["bij"]))
                        // "Het CJIB kan verlangen dat …"
                        || (w.lower().starts_with("verl") && w.reads_as("verlangen"))
                        // "Wij vragen u om aan te tonen dat …": asked to prove, not to send a paper.
                        || (w.reads_as("vragen")
                            && sentence.words[k + 1..].iter().take(4).any(|p| p.lower() == "om")
                            && sentence.words[k + 1..]
                                .iter()
                                .take(8)
                                .any(|p| matches!(p.lower(), "aantonen" | "tonen" | "bewijzen")))
                        // "Het is aan u om aan te tonen …", "aan belanghebbende om …".
                        || (w.lower() == "aan"
                            && k >= 1
                            && sentence.is(k - 1, &["is", "ligt", "het"])
                            && (1..=3).any(|d| sentence.is(k + d, &["om"])))
                })
                .collect();
            // "Wilt u … sturen?", "U kunt … laten zien": a request, unless "moet kunnen".
            let asks = sentence.words.iter().enumerate().any(|(k, w)| {
                matches!(w.lemma(), "kunnen" | "willen")
                    && !(k >= 1
                        && sentence.words[..k]
                            .iter()
                            .rev()
                            .take(3)
                            .any(|p| p.lemma() == "moeten"))
            }) && duty.iter().all(|&k| {
                let w = &sentence.words[k];
                // "Het CJIB kan verlangen dat …": a demand, not a request.
                w.lemma() != "moeten" && !w.reads_as("verlangen") && !w.reads_as("eisen")
            });
            // "Bewaar de tickets als bewijs": a command to keep proof, not for the reader's own sake.
            let keep_proof = tone::is_command(sentence)
                && !sentence.offers_help()
                && !(0..sentence.words.len()).any(|k| {
                    sentence.is(k, &["zodat", "dan"]) && sentence.is(k + 1, &["u", "je", "jij"])
                });
            if (duty.is_empty() && !keep_proof) || asks || other_side_proves(sentence, &proof) {
                continue;
            }
            let mut words = proof;
            words.extend(duty);
            out.push(finding(
                doc,
                sentence,
                &words,
                self.id(),
                "Hier moet de lezer zichzelf bewijzen. Dat klinkt alsof de gemeente hem niet gelooft.",
                "Vraag wat u nodig hebt en zeg waarom: \"Wilt u ons … sturen? Dan kunnen wij …\"",
            ));
        }
    }
}

/// The other side, who can carry the burden of proof instead of the reader.
const OTHER_SIDE: &[&str] = &[
    "wij",
    "we",
    "gemeente",
    "college",
    "instantie",
    "organisatie",
    "dienst",
    "deurwaarder",
    "schuldeiser",
    "verhuurder",
    "cjib",
    "uwv",
    "svb",
    "duo",
    "belastingdienst",
];

/// Whether someone other than the reader must prove: "De dienst die een
/// boete oplegt, moet laten zien dat de regel is overtreden", "Wij moeten aantonen dat …".
/// The proof stands in a clause without the reader ("u", "je"), and the
/// sentence opens with the other side.
fn other_side_proves(sentence: &tone::ToneSentence, proof: &[usize]) -> bool {
    let reader = |k: usize| sentence.is(k, &["u", "je", "jij", "uw", "jouw"]);
    let opens_with_other = sentence.clauses.first().is_some_and(|c| {
        c.words
            .clone()
            .any(|k| OTHER_SIDE.contains(&sentence.words[k].lemma()) || sentence.is(k, OTHER_SIDE))
            && !c.words.clone().any(reader)
    });
    opens_with_other
        && proof
            .iter()
            .all(|&p| !sentence.clause_of(p).words.clone().any(reader))
}

/// Whether word `k` asks the reader to account for something: "laten zien
/// waar het geld is gebleven", "verklaren waar een storting vandaan komt",
/// "verantwoorden waaraan u het uitgaf" (a verb of showing before a question word).
fn accounts(sentence: &tone::ToneSentence, k: usize) -> bool {
    let w = &sentence.words[k];
    // The cheap test first: the forms these verbs can take.
    let form = w.lower();
    if !(form.starts_with("verkla")
        || form.starts_with("verant")
        || form.starts_with("uitleg")
        || form == "zien")
    {
        return false;
    }
    let shows = w.reads_as("verklaren")
        || w.reads_as("uitleggen")
        || w.reads_as("verantwoorden")
        || (w.lower() == "zien" && sentence.is(k - 1, &["laten"]));
    shows
        && sentence.is(
            k + 1,
            &[
                "waar", "waarom", "wat", "hoe", "waarvan", "waaraan", "wanneer", "hoeveel", "welke",
            ],
        )
        && !sentence.clause_of(k).negated
        // "Wij moeten u laten zien hoe …": the organisation shows, not the reader.
        && !sentence.words[sentence.clause_of(k).words.start..k]
            .iter()
            .any(|p| matches!(p.lower(), "wij" | "we" | "ik"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn demands_for_proof_are_flagged() {
        for text in [
            "U moet met bankafschriften aantonen dat u geen inkomsten had.",
            "De bewijslast ligt bij u.",
            "Het is aan u om aan te tonen dat u alleen woont.",
            "Bewaar uw tickets, want u moet kunnen bewijzen wanneer u terug was.",
            "Bewaar alle bonnen als bewijs.",
            "U moet wel een geldige reden hebben als u niet komt.",
            "U moet dan een goede reden hebben waarom u niet kon komen.",
            "Dan is het aan de aanvrager om aan te tonen dat hij alleen woont.",
            "De gemeente kan verlangen dat u een bewijs van uw inkomen geeft.",
            // Accounting for oneself, without a word of proof.
            "U moet ons laten zien waaraan u de lening hebt besteed.",
            "Bent u verplicht te verklaren hoe u aan dat geld komt?",
            // Asked to prove, not to send a paper.
            "De gemeente vraagt u dan om aan te tonen dat u alleen woont.",
        ] {
            assert_eq!(findings_of(&ProofDemand, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn proof_for_the_reader_and_requests_are_not_flagged() {
        for text in [
            "Verstuur uw bezwaar aangetekend, zodat u bewijs hebt dat het op tijd was.",
            "Wilt u ons uw bankafschriften sturen?",
            "Wij vragen u om een bewijs van inschrijving mee te nemen.",
            "Bewaar het bewijs van verzending, zodat u weet dat het goed is aangekomen.",
            "Wilt u ons laten zien hoe u het formulier hebt ingevuld?",
            "Wij moeten u laten zien hoe de berekening werkt.",
            // The other side carries the burden of proof.
            "Wij moeten aantonen dat de berekening klopt.",
            "De dienst die de fout meent te zien, moet die fout ook bewijzen.",
        ] {
            assert!(findings_of(&ProofDemand, text).is_empty(), "{text}");
        }
    }
}
