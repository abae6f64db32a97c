//! ## What it flags
//! A "tangconstructie": words that belong together, pulled far apart.
//!
//! - a separable verb and its particle with more than eight words between them
//!   ("Wij vorderen het geld dat u in de maanden mei en juni te veel kreeg terug"),
//!   found through the morphology layer;
//! - an article and its noun with a phrase with "door" between them
//!   ("de door u op 3 mei bij ons ingediende aanvraag").
//!
//! ## Why it matters to the reader
//! The reader must hold the first half in mind until the second half comes.
//! With many words between, the meaning arrives late, or not at all.
//!
//! ## Example
//! "Wij betalen het bedrag dat u in de maanden mei en juni te weinig kreeg op 1 december terug."
//!
//! ## Use instead
//! "U kreeg in mei en juni te weinig. Wij betalen dat bedrag op 1 december terug."

use crate::lint::clauses::{Word, sentence_words_into, span_of};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::morphology::WordMorph;
use crate::readability::Document;

const BAD: &str =
    "Wij betalen het bedrag dat u in de maanden mei en juni te weinig kreeg op 1 december terug.";
const GOOD: &str = "U kreeg in mei en juni te weinig. Wij betalen dat bedrag op 1 december terug.";

/// More words than this between a verb and its particle is a tang
/// ("Wij houden elke maand een klein deel van uw uitkering in" has eight: still fine).
const MAX_GAP: usize = 8;

/// Whether sentence `index` can hold a finding, from its morphology alone: a
/// separable verb whose first and last word stand more than [`MAX_GAP`] tokens
/// apart (the gap counts only tokens between them), or "de", "het", "een" or
/// "uw" right before "door" ([`Cue::DOOR`] marks that form). Most sentences have
/// neither, and no word view is built for them.
fn may_have_tang(doc: &Document<'_>, index: usize, cues: Cues<'_>) -> bool {
    if !cues.sentence_has(index, Cue::SEPARABLE | Cue::DOOR) {
        return false;
    }
    let morphology = doc.morphology();
    let words = morphology.sentence(index);
    let block = doc.sentences[index].block;
    words.iter().enumerate().any(|(k, word)| {
        let far_particle = word.separable.is_some_and(|verb| {
            words[k + 1..]
                .iter()
                .rev()
                .find(|later| later.separable == Some(verb))
                .is_some_and(|last| last.token() - word.token() > MAX_GAP + 1)
        });
        let door_after_article = cues.form_is(word.word(), Cue::DOOR)
            && k > 0
            && words[k - 1].token() + 1 == word.token()
            && matches!(
                doc.lower(block, words[k - 1].token()),
                "de" | "het" | "een" | "uw"
            );
        far_particle || door_after_article
    })
}

/// Whether a word form is "door": the cue [`Cue::DOOR`].
pub(crate) fn is_door(word: &WordMorph) -> bool {
    word.form == "door"
}

/// Words that belong together, far apart.
pub(crate) struct TangConstruction;

impl Rule for TangConstruction {
    fn id(&self) -> &'static str {
        "tang-construction"
    }
    fn category(&self) -> Category {
        Category::Readability
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een tangconstructie: woorden die bij elkaar horen staan ver uit elkaar, zoals \"betalen … terug\" met veel woorden ertussen, of \"de door u ingediende aanvraag\".",
            why: "De lezer moet het eerste deel onthouden tot het tweede deel komt. Met veel woorden ertussen komt de betekenis te laat, of niet.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let cues = Cues::of(doc);
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            if !may_have_tang(doc, index, cues) {
                continue;
            }
            sentence_words_into(doc, index, &mut words);
            let count = |range: std::ops::Range<usize>| {
                words[range]
                    .iter()
                    .filter(|w| w.is_word || w.text.chars().any(char::is_alphanumeric))
                    .count()
            };
            // A verb and its particle: the first particle of that verb after it.
            // Two clauses with the same verb ("Geeft u … door of geeft u … door?")
            // or two verbs with the same particle ("Vul … in en lever … in") each
            // keep their own.
            // The particle is the word the verb starts with ("terug" of terugbetalen).
            let is_particle = |word: &Word<'_>, verb: &str| {
                verb.len() > word.lower.len() && verb.starts_with(word.lower)
            };
            for (at, word) in words.iter().enumerate() {
                let Some(verb) = word.separable() else {
                    continue;
                };
                // A particle before its verb ("aan te geven") is no tang.
                if is_particle(word, verb)
                    || (at.saturating_sub(2)..at)
                        .any(|i| words[i].separable() == Some(verb) && is_particle(&words[i], verb))
                {
                    continue;
                }
                let Some(last) = (at + 1..words.len())
                    .find(|&i| words[i].separable() == Some(verb) && is_particle(&words[i], verb))
                else {
                    continue;
                };
                let gap = count(at + 1..last);
                if gap > MAX_GAP {
                    out.push(Finding {
                        rule: self.id(),
                        category: self.category(),
                        severity: Severity::Warning,
                        span: span_of(doc, index, &words, at..last + 1),
                        message: format!(
                            "\"{} … {}\" hoort bij elkaar, maar er staan {gap} woorden tussen.",
                            word.text, words[last].text
                        ),
                        fix: None,
                        suggestion: Some("Zet de woorden die bij elkaar horen dichter bij elkaar, of maak er twee zinnen van.".to_string()),
                    });
                }
            }
            // "de door u … ingediende aanvraag"
            for (at, word) in words.iter().enumerate() {
                if !matches!(word.lower, "de" | "het" | "een" | "uw")
                    || words.get(at + 1).is_none_or(|w| w.lower != "door")
                {
                    continue;
                }
                // Up to the inflected participle ("ingediende", "verstrekte") and its noun.
                let Some(adjective) = (at + 2..words.len().min(at + 12)).find(|&i| {
                    words[i].is_word
                        && (words[i].lower.ends_with("de")
                            || words[i].lower.ends_with("te")
                            || words[i].lower.ends_with("en"))
                        && words[i].is_verb_form()
                }) else {
                    continue;
                };
                let first = (adjective + 1..words.len())
                    .find(|&i| words[i].is_word)
                    .unwrap_or(adjective);
                let (noun, end) = noun_after(&words, first);
                let block = doc.prose.blocks[doc.sentences[index].block].text.as_str();
                let noun_text = &block[words[noun].range.start..words[end].range.end];
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: span_of(doc, index, &words, at..end + 1),
                    message: format!(
                        "Tussen \"{}\" en \"{noun_text}\" staat een heel zinsdeel.",
                        word.text
                    ),
                    fix: None,
                    suggestion: Some(format!(
                        "Zet \"{} {noun_text}\" voorop en schrijf de rest erachter, zoals \"de aanvraag die u op 3 mei stuurde\" in plaats van \"de door u op 3 mei gestuurde aanvraag\".",
                        word.text.to_lowercase(),
                    )),
                });
            }
        }
    }
}

/// The noun an article waits for, from word `first` after the participle:
/// its first and last word. Past a second participle joined with "en" or "of"
/// ("ingevulde en ondertekende aanvraag": "aanvraag"), and whole when it ends a
/// pair of compounds that share their last part ("woon- en leefsituatie").
fn noun_after(words: &[Word<'_>], first: usize) -> (usize, usize) {
    let next_word = |from: usize| (from + 1..words.len()).find(|&i| words[i].is_word);
    let joins = |i: usize| matches!(words[i].lower, "en" | "of");
    let (mut start, mut end) = (first, first);
    loop {
        // "… ingevulde en ondertekende aanvraag": the word after the second participle.
        if joins(end) {
            match next_word(end).and_then(next_word) {
                Some(noun) => (start, end) = (noun, noun),
                None => break,
            }
            continue;
        }
        // "woon- en leefsituatie", also written "woon-en": the first half of a pair.
        let hyphen_after = words
            .get(end + 1)
            .is_some_and(|w| w.text == "-" && w.range.start == words[end].range.end);
        let glued = words[end].lower.contains('-')
            && (words[end].lower.ends_with("-en") || words[end].lower.ends_with("-of"));
        let second = if glued {
            next_word(end)
        } else if hyphen_after {
            next_word(end).filter(|&i| joins(i)).and_then(next_word)
        } else {
            None
        };
        match second {
            Some(last) => end = last,
            None => break,
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::flagged;

    #[test]
    fn a_verb_far_from_its_particle_is_found() {
        assert_eq!(
            flagged(&TangConstruction, BAD),
            vec![
                "betalen het bedrag dat u in de maanden mei en juni te weinig kreeg op 1 december terug"
            ]
        );
        assert_eq!(
            flagged(
                &TangConstruction,
                "Wij houden vanaf de eerste maand van het nieuwe jaar elke maand een klein deel van uw uitkering in."
            )
            .len(),
            1
        );
    }

    #[test]
    fn each_verb_keeps_its_own_particle() {
        for text in [
            "Geeft u een wijziging niet door of geeft u haar te laat door?",
            "Vul het formulier in en lever het daarna bij de balie van het gemeentehuis in.",
            "U hoeft alleen de datum aan te geven; de naam en het adres van de instantie geeft u later aan.",
        ] {
            assert!(flagged(&TangConstruction, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_article_far_from_its_noun_is_found() {
        assert_eq!(
            flagged(
                &TangConstruction,
                "Wij hebben de door u op 3 mei ingediende aanvraag bekeken."
            ),
            vec!["de door u op 3 mei ingediende aanvraag"]
        );
    }

    #[test]
    fn the_noun_is_found_past_a_second_participle_and_a_shared_part() {
        let messages = |text: &str| -> Vec<String> {
            crate::lint::rules::testing::findings_of(&TangConstruction, text)
                .into_iter()
                .map(|f| f.message)
                .collect()
        };
        assert_eq!(
            messages("Wij lezen de door u in maart ingevulde en ondertekende brief."),
            vec!["Tussen \"de\" en \"brief\" staat een heel zinsdeel."]
        );
        assert_eq!(
            messages("Wij bekijken de door de klant opgegeven huur- en zorgkosten."),
            vec!["Tussen \"de\" en \"huur- en zorgkosten\" staat een heel zinsdeel."]
        );
        assert_eq!(
            messages("Wij bekijken de door de klant opgegeven huur-en zorgkosten."),
            vec!["Tussen \"de\" en \"huur-en zorgkosten\" staat een heel zinsdeel."]
        );
    }

    #[test]
    fn words_close_together_are_fine() {
        for text in [
            GOOD,
            "Wij houden elke maand € 50,00 in.",
            "Wij houden elke maand een klein deel van uw uitkering in.",
            "Wij hebben de aanvraag bekeken die u op 3 mei hebt gestuurd.",
            "Dat komt door de regels.",
        ] {
            assert!(flagged(&TangConstruction, text).is_empty(), "{text}");
        }
    }
}
