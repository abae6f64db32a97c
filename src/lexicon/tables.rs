//! The big word tables, compiled into the binary by `build.rs` from the data
//! files in `readability/`: perfect-hash tables over one text of words, with
//! nothing to parse, hash or relocate when `helder` starts. The files stay the
//! source; the tests below read them again, as plainly as possible, and compare
//! every entry with the tables.

/// The words of one compiled table: a perfect hash (`phf_shared`'s hash and
/// displacements from `phf_generator`) onto slots, each slot a range of [`TEXT`].
#[derive(Debug)]
pub(crate) struct Keys {
    key: u64,
    disps: &'static [(u32, u32)],
    /// Where the word of each slot starts; one more for the end of the last.
    starts: &'static [u32],
}

impl Keys {
    /// How many words the table holds.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The slot of a word, if the table holds it.
    pub(crate) fn slot(&self, word: &str) -> Option<usize> {
        let hashes = phf_shared::hash(word, &self.key);
        let slot = phf_shared::get_index(&hashes, self.disps, self.len()) as usize;
        (self.word(slot) == word).then_some(slot)
    }

    /// Whether the table holds a word.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.slot(word).is_some()
    }

    /// The table's own copy of a word it holds.
    pub(crate) fn get(&self, word: &str) -> Option<&'static str> {
        self.slot(word).map(|slot| self.word(slot))
    }

    /// The word in a slot.
    pub(crate) fn word(&self, slot: usize) -> &'static str {
        &TEXT[self.starts[slot] as usize..self.starts[slot + 1] as usize]
    }

    /// Every word, in slot order.
    pub(crate) fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len()).map(|slot| self.word(slot))
    }
}

/// A range of [`TEXT`]: start and end offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Range(u32, u32);

impl Range {
    /// The text of the range.
    pub(crate) fn text(self) -> &'static str {
        &TEXT[self.0 as usize..self.1 as usize]
    }
}

/// A word of the frequency list: Zipf frequency in hundredths, rank (its line
/// among the data lines), and whether OpenTaal rejects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FrequencyRow(pub(crate) u16, pub(crate) u32, pub(crate) bool);

/// A row of the lemma table: the lemma, the kind letter (V N A S P), the other lemmas.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LemmaCells(u32, u32, char, u32, u32);

impl LemmaCells {
    /// The lemma.
    pub(crate) fn lemma(self) -> &'static str {
        Range(self.0, self.1).text()
    }

    /// The kind letter of `lemmas.tsv` (V N A S P).
    pub(crate) fn kind(self) -> char {
        self.2
    }

    /// The other lemmas, comma-separated ("" when none).
    pub(crate) fn others(self) -> &'static str {
        Range(self.3, self.4).text()
    }
}

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// The frequency list's row of a lower-case word.
pub(crate) fn frequency(word: &str) -> Option<FrequencyRow> {
    FREQUENCY_WORDS.slot(word).map(|slot| FREQUENCY_ROWS[slot])
}

/// The lemma table's row of a lower-case form.
pub(crate) fn lemma_cells(form: &str) -> Option<LemmaCells> {
    LEMMA_FORMS.slot(form).map(|slot| LEMMA_CELLS[slot])
}

/// The verb a noun is made from, as `derivations.tsv` says.
pub(crate) fn derived_verb(noun: &str) -> Option<&'static str> {
    DERIVED_NOUNS
        .slot(noun)
        .map(|slot| DERIVED_VERBS[slot].text())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    const FREQUENCY_FILE: &str = include_str!("../../readability/nl-frequency.tsv");
    const NOT_IN_OPENTAAL_FILE: &str =
        include_str!("../../readability/frequent-not-in-opentaal.txt");
    const LEMMAS_FILE: &str = include_str!("../../readability/lemmas.tsv");
    const DERIVATIONS_FILE: &str = include_str!("../../readability/derivations.tsv");

    fn data_lines(text: &str) -> impl Iterator<Item = &str> {
        text.lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// A Zipf frequency in hundredths, read as a float and rounded.
    fn hundredths(text: &str) -> u16 {
        let value: f64 = text.parse().expect("a number");
        (value * 100.0).round() as u16
    }

    #[test]
    fn the_frequency_table_equals_the_frequency_list() {
        let not_in_opentaal: BTreeSet<&str> =
            data_lines(NOT_IN_OPENTAAL_FILE).map(str::trim).collect();
        let mut expected: BTreeMap<&str, FrequencyRow> = BTreeMap::new();
        for (index, line) in data_lines(FREQUENCY_FILE).enumerate() {
            let (word, zipf) = line.split_once('\t').expect("word<TAB>zipf");
            expected.entry(word).or_insert(FrequencyRow(
                hundredths(zipf),
                index as u32 + 1,
                not_in_opentaal.contains(word),
            ));
        }
        assert!(expected.len() > 40_000, "the list has its words");
        assert_eq!(FREQUENCY_WORDS.len(), expected.len());
        for (word, row) in &expected {
            assert_eq!(frequency(word), Some(*row), "{word}");
        }
        // Every word OpenTaal rejects is a word of the list, marked once.
        assert!(not_in_opentaal.iter().all(|w| expected.contains_key(w)));
        assert_eq!(
            FREQUENCY_ROWS.iter().filter(|row| row.2).count(),
            not_in_opentaal.len()
        );
        // A word that is not in the list is not found, also when it shares a slot.
        for word in ["", "xyzzyq", "bijstandd", "Bijstand"] {
            assert_eq!(frequency(word), None, "{word}");
        }
    }

    #[test]
    fn the_lemma_tables_equal_the_lemma_files() {
        let mut rows: BTreeMap<&str, (&str, char, &str)> = BTreeMap::new();
        let mut verbs: BTreeSet<&str> = BTreeSet::new();
        for line in data_lines(LEMMAS_FILE) {
            let cells: Vec<&str> = line.split('\t').collect();
            let kind = cells[2].chars().next().unwrap();
            if kind == 'I' {
                verbs.insert(cells[0]);
            } else {
                rows.insert(
                    cells[0],
                    (cells[1], kind, cells.get(3).copied().unwrap_or("")),
                );
            }
        }
        let mut derivations: BTreeMap<&str, &str> = BTreeMap::new();
        for line in data_lines(DERIVATIONS_FILE) {
            let (noun, verb) = line.split_once('\t').unwrap();
            derivations.insert(noun, verb);
            verbs.insert(verb);
        }
        assert!(rows.len() > 10_000 && verbs.len() > 1_000 && !derivations.is_empty());
        assert_eq!(LEMMA_FORMS.len(), rows.len());
        for (form, row) in &rows {
            let cells = lemma_cells(form).unwrap_or_else(|| panic!("{form} is missing"));
            assert_eq!(
                (cells.lemma(), cells.kind(), cells.others()),
                *row,
                "{form}"
            );
        }
        assert_eq!(VERBS.len(), verbs.len());
        assert!(verbs.iter().all(|v| VERBS.get(v) == Some(*v)));
        assert_eq!(DERIVED_NOUNS.len(), derivations.len());
        for (noun, verb) in &derivations {
            assert_eq!(derived_verb(noun), Some(*verb), "{noun}");
        }
        assert_eq!(lemma_cells("xyzzyq").map(LemmaCells::lemma), None);
        assert!(!VERBS.contains("xyzzyqen"));
    }
}
