//! Judging one word: common, a compound of common parts, rare, formal.

use super::ReadabilityConfig;
use crate::lexicon::{FORMAL_ANCHOR, Frequency, Lexicon, WordEntry, split_compound};
use rustc_hash::FxHashMap;

/// What helder thinks of one word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// A word readers know.
    Common,
    /// A rare compound whose parts are common ([`split_compound`] gives the parts).
    Compound,
    /// A rare word; its frequency when it is in the list.
    Rare(Option<Frequency>),
    /// A formal word with a plain alternative (the wording rule names it).
    Formal,
    /// A name or an acronym: not judged.
    Name,
    /// An abbreviation with a full stop ("o.a."): not judged as a word.
    Abbreviation,
}

/// [`judge`], remembering the verdicts of words that are not simply common.
pub(super) fn judge_cached(
    lower: &str,
    entry: WordEntry,
    lexicon: &Lexicon,
    config: &ReadabilityConfig,
    cache: &mut FxHashMap<String, Verdict>,
) -> Verdict {
    if let Some(frequency) = entry.frequency
        && frequency.zipf >= config.rare_zipf
        && entry.flags & FORMAL_ANCHOR == 0
    {
        return Verdict::Common;
    }
    if let Some(verdict) = cache.get(lower) {
        return *verdict;
    }
    let verdict = judge(lower, lexicon, config);
    cache.insert(lower.to_string(), verdict);
    verdict
}

/// Judges one lower-case word.
pub fn judge(lower: &str, lexicon: &Lexicon, config: &ReadabilityConfig) -> Verdict {
    if lexicon.formal_by_anchor.get(lower).is_some_and(|forms| {
        forms
            .iter()
            .any(|form| form.words.len() == 1 && lexicon.formal[form.entry].needs_later.is_none())
    }) {
        return Verdict::Formal;
    }
    if let Some(frequency) = lexicon.frequency(lower) {
        if frequency.zipf >= config.rare_zipf {
            return Verdict::Common;
        }
    }
    if lower.chars().count() <= 2 {
        return Verdict::Common;
    }
    // A word with an accent for stress ("mág", "nú") is as easy as the word
    // without it; the stressed forms the frequency list holds ("níet") are
    // common above already.
    if lower.contains(['á', 'é', 'í', 'ó', 'ú'])
        && lexicon
            .frequency(&crate::dutch::without_stress_accents(lower))
            .is_some_and(|f| f.zipf >= config.rare_zipf)
    {
        return Verdict::Common;
    }
    if lower.contains('-') {
        let parts: Vec<&str> = lower.split('-').filter(|p| !p.is_empty()).collect();
        if parts.iter().all(|p| {
            p.chars().count() <= 2
                || lexicon
                    .frequency(p)
                    .is_some_and(|f| f.zipf >= config.rare_zipf)
                || split_compound(p, lexicon, config.rare_zipf).is_some()
        }) {
            return Verdict::Common;
        }
    }
    if split_compound(lower, lexicon, config.rare_zipf).is_some() {
        return Verdict::Compound;
    }
    // A form the lemma table lists for a common word ("inlevert": inleveren,
    // "makkelijkst": makkelijk) is as easy as the word. Only listed forms: the
    // table's guesses for unlisted words would pass misspellings too.
    if crate::morphology::morphology()
        .lemmas
        .row(lower)
        .is_some_and(|row| {
            row.lemma != lower
                && lexicon
                    .frequency(row.lemma)
                    .is_some_and(|f| f.zipf >= config.rare_zipf)
        })
    {
        return Verdict::Common;
    }
    Verdict::Rare(lexicon.frequency(lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{lexicon, split_compound};

    #[test]
    fn compounds_of_common_parts_are_not_rare() {
        let lexicon = lexicon();
        let config = ReadabilityConfig::default();
        assert_eq!(
            judge("bijstandsuitkering", lexicon, &config),
            Verdict::Compound
        );
        assert_eq!(
            split_compound("bijstandsuitkering", lexicon, config.rare_zipf),
            Some(vec!["bijstand".to_string(), "uitkering".to_string()])
        );
        assert!(matches!(
            judge("schuldhulpverlening", lexicon, &config),
            Verdict::Compound | Verdict::Common
        ));
        assert_eq!(judge("huis", lexicon, &config), Verdict::Common);
        assert_eq!(judge("indien", lexicon, &config), Verdict::Formal);
        assert!(matches!(
            judge("kostendelersnorm", lexicon, &config),
            Verdict::Compound
        ));
        assert!(matches!(
            judge("xqzvlorp", lexicon, &config),
            Verdict::Rare(None)
        ));
    }

    #[test]
    fn a_listed_form_of_a_common_word_is_as_easy_as_the_word() {
        let (lexicon, config) = (lexicon(), ReadabilityConfig::default());
        for form in ["inlevert", "intrekt", "nakomt", "makkelijkst"] {
            assert_eq!(judge(form, lexicon, &config), Verdict::Common, "{form}");
        }
        // A word the table does not list stays as rare as it is: its guesses
        // would make an English "clause" a form of "claus".
        for word in ["clause", "vigerende"] {
            assert!(
                matches!(judge(word, lexicon, &config), Verdict::Rare(_)),
                "{word}"
            );
        }
    }

    #[test]
    fn a_word_stressed_with_an_accent_is_as_easy_as_the_word() {
        let (lexicon, config) = (lexicon(), ReadabilityConfig::default());
        for stressed in ["mág", "kán", "móet", "zíj"] {
            assert_eq!(
                judge(stressed, lexicon, &config),
                Verdict::Common,
                "{stressed}"
            );
        }
        // An accent on a word that is rare without it changes nothing.
        assert!(matches!(
            judge("xqzvlórp", lexicon, &config),
            Verdict::Rare(None)
        ));
    }
}
