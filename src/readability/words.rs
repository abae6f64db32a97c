//! Judging one word: common, a compound of common parts, rare, formal.

use super::ReadabilityConfig;
use super::wordlists::{FORMAL_ANCHOR, Frequency, Lexicon, WordEntry};
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
    if lower.contains('-') {
        let parts: Vec<&str> = lower.split('-').filter(|p| !p.is_empty()).collect();
        if parts.iter().all(|p| {
            p.chars().count() <= 2
                || lexicon
                    .frequency(p)
                    .is_some_and(|f| f.zipf >= config.rare_zipf)
                || split_compound(p, lexicon, config).is_some()
        }) {
            return Verdict::Common;
        }
    }
    if split_compound(lower, lexicon, config).is_some() {
        return Verdict::Compound;
    }
    Verdict::Rare(lexicon.frequency(lower))
}

/// Splits a compound into common parts ("bijstandsuitkering" → bijstand, uitkering), if it can.
///
/// Every part has at least three letters and is a common word; a part before
/// the last may end in a linking "s", "e" or "en". Of all splits, the one with
/// the fewest parts wins, and on a tie the one with the longer parts, so
/// "huurtoeslagaanvraagformulier" is huur + toeslag + aanvraag + formulier.
pub fn split_compound(
    word: &str,
    lexicon: &Lexicon,
    config: &ReadabilityConfig,
) -> Option<Vec<String>> {
    if word.len() < 6 || word.len() > 80 {
        return None;
    }
    let common = |part: &str| {
        part.chars().count() >= 3
            && lexicon
                .frequency(part)
                .is_some_and(|f| f.zipf >= config.rare_zipf)
    };
    let first_part = |part: &str| -> Option<String> {
        if common(part) {
            return Some(part.to_string());
        }
        ["en", "s", "e"].iter().find_map(|link| {
            part.strip_suffix(link)
                .filter(|p| common(p))
                .map(str::to_string)
        })
    };
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let last = bounds.len() - 1;
    // best[k]: the fewest parts for word[bounds[k]..], and where the first of them ends.
    let mut best: Vec<Option<(usize, usize, String)>> = vec![None; bounds.len()];
    for k in (0..last).rev() {
        for j in (k + 1..=last).rev() {
            let piece = &word[bounds[k]..bounds[j]];
            let candidate = if j == last {
                common(piece).then(|| (1, j, piece.to_string()))
            } else {
                match (&best[j], first_part(piece)) {
                    (Some((count, _, _)), Some(part)) => Some((count + 1, j, part)),
                    _ => None,
                }
            };
            if let Some(candidate) = candidate
                && best[k]
                    .as_ref()
                    .is_none_or(|current| candidate.0 < current.0)
            {
                best[k] = Some(candidate);
            }
        }
    }
    let (count, _, _) = best[0].as_ref()?;
    if *count < 2 {
        return None;
    }
    let mut parts = Vec::with_capacity(*count);
    let mut k = 0;
    while k < last {
        let (_, next, part) = best[k].as_ref()?;
        parts.push(part.clone());
        k = *next;
    }
    Some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::wordlists::lexicon;

    #[test]
    fn compounds_of_common_parts_are_not_rare() {
        let lexicon = lexicon();
        let config = ReadabilityConfig::default();
        assert_eq!(
            judge("bijstandsuitkering", lexicon, &config),
            Verdict::Compound
        );
        assert_eq!(
            split_compound("bijstandsuitkering", lexicon, &config),
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
}
