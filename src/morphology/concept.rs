//! Concept classes (`readability/concepts.toml`): what a word means to a reader.
//!
//! A rule asks whether a word is about reducing money or about a court, not
//! whether it is one of a list of spellings. [`Concept`] is a closed set, so a
//! rule cannot ask for a concept that has no data; the data file maps lemmas
//! to concepts, and says per concept whether the first parts of a compound
//! count ("fraudesignaal" is about fraud, "beslagvrije voet" is not about seizing).

use rustc_hash::FxHashMap;
use serde::Deserialize;

const CONCEPTS: &str = include_str!("../../readability/concepts.toml");

/// One concept class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Concept {
    /// Punishing: straf, sanctie, maatregel.
    Punish,
    /// Reducing money: verlagen, korten, inhouden.
    Reduce,
    /// Stopping a benefit or a service: stopzetten, intrekken, afsluiten.
    Stop,
    /// Claiming money back: terugvorderen, vordering.
    Reclaim,
    /// A fine: boete.
    Fine,
    /// Seizing and collection costs: beslag, deurwaarder, incasso.
    Seize,
    /// Police and court: politie, rechter, aangifte.
    PoliceCourt,
    /// Fraud and misuse.
    Fraud,
    /// Investigating: onderzoek, opsporing, observatie.
    Investigate,
    /// Checking: controle, toezicht, handhaving.
    Check,
    /// Coming to the reader's home: huisbezoek, langskomen.
    Visit,
    /// Without warning: onaangekondigd.
    Unannounced,
    /// Reporting someone: melden, tip.
    Report,
    /// Anonymous.
    Anonymous,
    /// Suspicion and distrust: vermoeden, verdenking, twijfel.
    Suspect,
    /// Obligation: verplicht, plicht, dienen.
    Oblige,
    /// Failing or refusing: weigeren, nalaten, achterstand.
    Fail,
    /// Losing something: verliezen, vervallen, gevolgen.
    Lose,
    /// The reader's money, home or rights: uitkering, woning, recht.
    Benefit,
    /// Help: hulp, contact, betalingsregeling.
    Help,
    /// Rising amounts: oplopen, stijgen, extra, fors.
    Rise,
    /// Proof: bewijs, aantonen, bankafschrift.
    Proof,
    /// Who reports on others: onderzoeker, journalist, ombudsman, rapport.
    Source,
}

impl Concept {
    /// Every concept, in declaration order.
    pub const ALL: [Concept; 23] = [
        Concept::Punish,
        Concept::Reduce,
        Concept::Stop,
        Concept::Reclaim,
        Concept::Fine,
        Concept::Seize,
        Concept::PoliceCourt,
        Concept::Fraud,
        Concept::Investigate,
        Concept::Check,
        Concept::Visit,
        Concept::Unannounced,
        Concept::Report,
        Concept::Anonymous,
        Concept::Suspect,
        Concept::Oblige,
        Concept::Fail,
        Concept::Lose,
        Concept::Benefit,
        Concept::Help,
        Concept::Rise,
        Concept::Proof,
        Concept::Source,
    ];

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of concepts (a bit set).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct ConceptSet(u32);

impl ConceptSet {
    /// The empty set.
    pub const EMPTY: ConceptSet = ConceptSet(0);

    /// The set of these concepts (usable in a `const`).
    pub const fn of(concepts: &[Concept]) -> ConceptSet {
        let mut bits = 0;
        let mut i = 0;
        while i < concepts.len() {
            bits |= 1 << (concepts[i] as u32);
            i += 1;
        }
        ConceptSet(bits)
    }

    /// Adds a concept.
    pub fn insert(&mut self, concept: Concept) {
        self.0 |= concept.bit();
    }

    /// Whether the set holds the concept.
    pub fn contains(self, concept: Concept) -> bool {
        self.0 & concept.bit() != 0
    }

    /// Whether the set holds any concept of `other`.
    pub fn intersects(self, other: ConceptSet) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The union.
    pub const fn union(self, other: ConceptSet) -> ConceptSet {
        ConceptSet(self.0 | other.0)
    }

    /// The concepts of this set that are not in `other`.
    pub const fn difference(self, other: ConceptSet) -> ConceptSet {
        ConceptSet(self.0 & !other.0)
    }

    /// The concepts in both sets.
    pub const fn intersection(self, other: ConceptSet) -> ConceptSet {
        ConceptSet(self.0 & other.0)
    }

    /// The concepts in the set.
    pub fn iter(self) -> impl Iterator<Item = Concept> {
        Concept::ALL.into_iter().filter(move |c| self.contains(*c))
    }
}

/// One concept of the data file, with its examples.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptEntry {
    /// The concept.
    pub name: Concept,
    /// Whether the first parts of a compound carry the concept too.
    pub modifier: bool,
    /// Its lemmas, lower case.
    pub lemmas: Vec<String>,
    /// A sentence in which the concept must be found.
    pub bad: String,
    /// A sentence in which it must not be found.
    pub good: String,
    /// Compounds whose first part is a lemma of this concept but which mean
    /// something else as a whole ("dwangakkoord" helps a debtor): the first
    /// part does not carry the concept into them.
    #[serde(default)]
    pub neutral_compounds: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConceptFile {
    concept: Vec<ConceptEntry>,
}

/// The concepts of every lemma in the data file.
#[derive(Debug)]
pub struct ConceptTable {
    /// The entries, in file order.
    pub entries: Vec<ConceptEntry>,
    by_lemma: FxHashMap<String, ConceptSet>,
    modifiers: ConceptSet,
    /// The concepts each listed compound does not take from its first parts.
    neutral_compounds: FxHashMap<String, ConceptSet>,
}

impl ConceptTable {
    /// Parses the embedded data file; an error names the problem.
    pub fn load() -> Result<ConceptTable, String> {
        let file: ConceptFile =
            toml::from_str(CONCEPTS).map_err(|e| format!("concepts.toml: {e}"))?;
        let mut by_lemma: FxHashMap<String, ConceptSet> = FxHashMap::default();
        let mut modifiers = ConceptSet::EMPTY;
        let mut neutral_compounds: FxHashMap<String, ConceptSet> = FxHashMap::default();
        for entry in &file.concept {
            if entry.modifier {
                modifiers.insert(entry.name);
            }
            if !entry.modifier && !entry.neutral_compounds.is_empty() {
                return Err(format!(
                    "concepts.toml: {:?} lists neutral_compounds but its first parts carry nothing (modifier = false)",
                    entry.name
                ));
            }
            for compound in &entry.neutral_compounds {
                lower_case_word(compound, "compound", entry.name)?;
                neutral_compounds
                    .entry(compound.clone())
                    .or_default()
                    .insert(entry.name);
            }
            for lemma in &entry.lemmas {
                lower_case_word(lemma, "lemma", entry.name)?;
                by_lemma
                    .entry(lemma.clone())
                    .or_default()
                    .insert(entry.name);
            }
        }
        for concept in Concept::ALL {
            if !file.concept.iter().any(|e| e.name == concept) {
                return Err(format!("concepts.toml: no entry for {concept:?}"));
            }
        }
        Ok(ConceptTable {
            entries: file.concept,
            by_lemma,
            modifiers,
            neutral_compounds,
        })
    }

    /// The concepts of a lemma.
    pub fn of(&self, lemma: &str) -> ConceptSet {
        self.by_lemma.get(lemma).copied().unwrap_or_default()
    }

    /// The concepts of a lemma that count when it is the first part of a compound.
    pub fn of_modifier(&self, lemma: &str) -> ConceptSet {
        ConceptSet(self.of(lemma).0 & self.modifiers.0)
    }

    /// The concepts of a compound's first part that do not pass to the whole
    /// compound `lemma` ("dwangakkoord" is no punishment).
    pub fn neutral_in(&self, lemma: &str) -> ConceptSet {
        self.neutral_compounds
            .get(lemma)
            .copied()
            .unwrap_or_default()
    }
}

/// An error naming a word of the data file that is not lower case without spaces.
fn lower_case_word(word: &str, what: &str, concept: Concept) -> Result<(), String> {
    if word.chars().any(char::is_uppercase) || word.trim() != word {
        return Err(format!(
            "concepts.toml: {what} \"{word}\" of {concept:?} must be lower case without spaces"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Concept;
    use crate::morphology::morphology;

    #[test]
    fn a_neutral_compound_does_not_take_the_concept_of_its_first_part() {
        let morphology = morphology();
        for entry in &morphology.concepts.entries {
            for compound in &entry.neutral_compounds {
                let word = morphology.word(compound);
                assert!(
                    !word.modifiers.is_empty(),
                    "{compound} must split as a compound, or the entry does nothing"
                );
                assert!(
                    !word.concepts.contains(entry.name),
                    "{:?} found in {compound}",
                    entry.name
                );
            }
        }
        // Other compounds with the same first part keep it.
        let word = morphology.word("dwangmaatregel");
        assert!(word.concepts.contains(Concept::Punish), "{word:?}");
        let word = morphology.word("dwangakkoorden");
        assert!(!word.concepts.contains(Concept::Punish), "{word:?}");
    }
}
