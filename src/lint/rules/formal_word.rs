//! ## What it flags
//! A formal word or phrase that has a plain alternative ("indien" → "als",
//! "met betrekking tot" → "over"). The list is data: `readability/formal-words.toml`.
//!
//! ## Why it matters to the reader
//! Formal words make a letter distant and harder to read, and they add
//! nothing: the plain word says the same.
//!
//! ## Example
//! "Indien u vragen hebt, kunt u ons bellen."
//!
//! ## Use instead
//! "Als u vragen hebt, kunt u ons bellen."
//!
//! Formal verbs (`readability/formal-verbs.toml`) are found in every form and
//! in their split forms ("vangt … aan", "dient … te"), through the morphology
//! layer, and the suggestion puts the plain verb in the same form ("verzocht"
//! → "vroeg", or "gevraagd" after "hebben"). Where one replacement does it, the
//! finding carries it as a fix for `helder lint --fix`: a verb in the same form,
//! or a word with one plain alternative ("indien" → "als"). A verb form that is
//! also a participle ("ontvangen", "verstrekt") gets a fix only when its own
//! clause shows which it is, a participle used as an adjective ("het teveel
//! ontvangen geld") gets none, and neither does a verb next to its plain word
//! ("stopzetten of beëindigen"): they keep the hint. An inflected form
//! of a single formal word ("dusdanige", "woonachtige") is found through its
//! lemma, with the plain alternative as a suggestion and no fix.
//!
//! ## Options
//! Add words to `readability/formal-words.toml` and verbs with their six forms
//! to `readability/formal-verbs.toml`, each with examples.

use crate::lexicon::{FORMAL_ANCHOR, lexicon};
use crate::lint::clauses::sentence_words_into;
use crate::lint::formal_verbs::{self, formal_verbs};
use crate::lint::rules::cues::{Cue, Cues};
use crate::lint::{Category, Finding, Fix, Rule, RuleDocs, Severity};
use crate::morphology::WordMorph;
use crate::readability::{Document, phrase};
use rustc_hash::FxHashMap;
use span_index::SpanIndex;
use std::sync::OnceLock;

mod span_index;

const BAD: &str = "Indien u vragen hebt, kunt u ons bellen.";
const GOOD: &str = "Als u vragen hebt, kunt u ons bellen.";

/// Whether a word form can be the first word of a form of a formal verb: the cue [`Cue::FORMAL_VERB`].
pub(crate) fn starts_formal_verb(word: &WordMorph) -> bool {
    formal_verbs().may_start(&word.form)
}

/// Whether a word form is an inflected form of a single formal word, not
/// listed itself ("dusdanige" → dusdanig): the cue [`Cue::FORMAL_INFLECTED`].
pub(crate) fn is_inflected_formal_word(word: &WordMorph) -> bool {
    word.lemma != word.form
        && formal_by_lemma().contains_key(word.lemma.as_str())
        && !lexicon().formal_by_anchor.contains_key(word.form.as_str())
}

/// A formal word with a plain alternative.
pub(crate) struct FormalWord;

impl Rule for FormalWord {
    fn id(&self) -> &'static str {
        "formal-word"
    }
    fn category(&self) -> Category {
        Category::Wording
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een formeel woord of een formele uitdrukking met een gewoon alternatief, zoals \"indien\" (als) of \"met betrekking tot\" (over).",
            why: "Formele woorden maken een brief afstandelijk en moeilijker. Het gewone woord zegt hetzelfde.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // Formal verbs, in every form: each with the plain verb in the same form.
        let verbs = formal_verbs();
        let morphology = doc.morphology();
        let cues = Cues::of(doc);
        let mut verb_spans: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        // One word view for all sentences, rebuilt for each that needs it.
        let mut words = Vec::new();
        for index in 0..doc.sentences.len() {
            if !cues.sentence_has(index, Cue::FORMAL_VERB) {
                continue;
            }
            let sentence = &doc.sentences[index];
            let block = doc.prose.blocks[sentence.block].text.as_str();
            sentence_words_into(doc, index, &mut words);
            let mut next_free = 0;
            for at in 0..words.len() {
                // Only a word whose form can start a formal verb is looked up
                // (the cue tests the repaired form; the verbs' forms need no repair).
                if at < next_free
                    || !words[at]
                        .form()
                        .is_some_and(|form| cues.form_is(form, Cue::FORMAL_VERB))
                {
                    continue;
                }
                let Some(found) = formal_verbs::find(&words, at, block) else {
                    continue;
                };
                next_free = found.words.end;
                let bytes =
                    words[found.words.start].range.start..words[found.words.end - 1].range.end;
                let text = &block[bytes.clone()];
                verb_spans.push((sentence.block, bytes.clone()));
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(sentence.block, bytes).into(),
                    // A separable verb before its "te" is named whole: "mede te delen".
                    message: format!(
                        "\"{}\" is formele taal.",
                        if found.words.start < at && words[found.words.start].lower != "te" {
                            &block[words[found.words.start].range.start..words[at].range.end]
                        } else {
                            words[at].text
                        }
                    ),
                    suggestion: Some(match &found.replacement {
                        Some(replacement) => format!("Schrijf: \"{replacement}\"."),
                        None if found.passive_only => format!(
                            "Zeg wie het doet, bijvoorbeeld: \"Wij hebben … {}.\"",
                            found.plain
                        ),
                        None => format!("Schrijf liever \"{}\".", found.plain),
                    }),
                    fix: found.replacement.map(|replacement| Fix {
                        replacement,
                        original: text.to_string(),
                    }),
                });
            }
        }
        // Inflected forms of the single formal words, through their lemma
        // ("dusdanige" → dusdanig): the phrases below find the forms as listed.
        let by_lemma = formal_by_lemma();
        // Asked once a word form of the text, not once a token.
        for (index, words) in morphology.sentences().enumerate() {
            if !cues.sentence_has(index, Cue::FORMAL_INFLECTED) {
                continue;
            }
            let sentence = &doc.sentences[index];
            for token in words {
                if !cues.form_is(token.word(), Cue::FORMAL_INFLECTED) {
                    continue;
                }
                let word = morphology.word(token);
                let Some(&entry) = by_lemma.get(word.lemma.as_str()) else {
                    continue;
                };
                let range = doc.segments[sentence.block].tokens[token.token()].range();
                let text = doc.text(sentence.block, range.clone());
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(sentence.block, range).into(),
                    message: format!("\"{text}\" is formele taal."),
                    suggestion: Some(sentence_end(format!(
                        "Schrijf liever: {}",
                        lexicon().formal[entry].alternative
                    ))),
                    fix: None,
                });
            }
        }
        // Formal words and phrases of formal-words.toml.
        let lexicon = lexicon();
        let verb_spans = SpanIndex::new(verb_spans);
        let mut scratch = phrase::Scratch::default();
        let mut matches = Vec::new();
        for sentence in doc.sentences.iter().filter(|s| s.tone & FORMAL_ANCHOR != 0) {
            let needs_later = |entry: usize| lexicon.formal[entry].needs_later.as_deref();
            phrase::find_into(
                doc,
                sentence,
                &lexicon.formal_by_anchor,
                FORMAL_ANCHOR,
                needs_later,
                &mut scratch,
                &mut matches,
            );
            for found in matches.drain(..) {
                // A form of a formal verb is the verbs' to judge: in its form and its clause.
                let entry = &lexicon.formal[found.entry];
                let text = doc.text(sentence.block, found.range.clone());
                if verbs.may_start(&text.to_lowercase()) {
                    continue;
                }
                // A verb found above, with its form, wins.
                if verb_spans.overlaps(sentence.block, &found.range) {
                    continue;
                }
                out.push(Finding {
                    rule: self.id(),
                    category: self.category(),
                    severity: Severity::Warning,
                    span: doc.source_range(sentence.block, found.range.clone()).into(),
                    message: format!("\"{text}\" is formele taal."),
                    suggestion: Some(sentence_end(format!(
                        "Schrijf liever: {}",
                        entry.alternative
                    ))),
                    fix: plain_replacement(entry)
                        .filter(|_| {
                            !entry.fix_needs_subject
                                || subject_follows(
                                    doc.prose.blocks[sentence.block].text.as_str(),
                                    found.range.end..sentence.range.end,
                                )
                        })
                        .map(|plain| Fix {
                            replacement: same_capital(text, plain),
                            original: text.to_string(),
                        }),
                });
            }
        }
    }
}

/// The single formal words that are not verbs (the verbs have their own forms),
/// each with its entry: an inflected form finds its entry through its lemma.
fn formal_by_lemma() -> &'static FxHashMap<&'static str, usize> {
    static BY_LEMMA: OnceLock<FxHashMap<&'static str, usize>> = OnceLock::new();
    BY_LEMMA.get_or_init(|| {
        let verbs = formal_verbs();
        let mut by_lemma = FxHashMap::default();
        for (index, entry) in lexicon().formal.iter().enumerate() {
            for form in &entry.forms {
                if !form.contains(' ') && !verbs.may_start(form) {
                    by_lemma.insert(form.as_str(), index);
                }
            }
        }
        by_lemma
    })
}

/// The alternative as a fix, when it is one plain replacement: words only, no
/// choice ("voor, bij of door"), no explanation in brackets, no later word to change.
fn plain_replacement(entry: &crate::lexicon::FormalWord) -> Option<&str> {
    let alternative = entry.alternative.as_str();
    (entry.needs_later.is_none()
        && !alternative.is_empty()
        && alternative.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !alternative
            .split_whitespace()
            .any(|w| w == "of" || w == "beter"))
    .then_some(alternative)
}

/// Words that start the subject of a clause right after "als" or "voordat".
const SUBJECT_STARTS: &[&str] = &[
    "u", "ik", "je", "jij", "hij", "zij", "ze", "wij", "we", "jullie", "men", "er", "het", "de",
    "een", "uw", "mijn", "jouw", "zijn", "haar", "hun", "ons", "onze", "dit", "dat", "deze", "die",
    "iemand", "niemand", "iets", "niets", "alles", "iedereen", "geen", "elke", "ieder", "iedere",
    "alle", "beide", "wie", "wat",
];

/// Whether the clause in `rest` (block text after a conjunction, to the end of its
/// sentence) has a subject of its own: it starts with a subject word, a name or a
/// number, and has no "te" before its first comma ("indien u wilt", not "indien
/// nodig" or "alvorens een besluit te nemen").
fn subject_follows(block: &str, rest: std::ops::Range<usize>) -> bool {
    let clause = block[rest]
        .split([',', ';', ':'])
        .next()
        .unwrap_or_default();
    let mut words = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    let subject = SUBJECT_STARTS.contains(&first.to_lowercase().as_str())
        || first.starts_with(char::is_uppercase)
        || first.starts_with(|c: char| c.is_ascii_digit());
    subject && !words.any(|w| w.eq_ignore_ascii_case("te"))
}

/// `plain` with a capital when `original` starts with one.
fn same_capital(original: &str, plain: &str) -> String {
    if original.starts_with(char::is_uppercase) {
        let mut chars = plain.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        plain.to_string()
    }
}

/// Ends a sentence with a full stop, unless it already ends with a mark.
fn sentence_end(mut text: String) -> String {
    if !text.ends_with(['.', '?', '!', '…']) {
        text.push('.');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::lint::rules::testing::{findings_of, flagged};

    /// The text with every fix of the rule applied.
    fn fixed(text: &str) -> String {
        let mut findings = findings_of(&FormalWord, text);
        findings.sort_by_key(|f| std::cmp::Reverse(f.span.start));
        let mut out = text.to_string();
        for finding in findings {
            if let Some(fix) = finding.fix {
                assert_eq!(&out[finding.span.start..finding.span.end], fix.original);
                out.replace_range(finding.span.start..finding.span.end, &fix.replacement);
            }
        }
        out
    }

    #[test]
    fn every_formal_verb_is_replaced_in_the_same_form() {
        for verb in &formal_verbs().verbs {
            for [bad, good] in &verb.examples {
                assert!(!flagged(&FormalWord, bad).is_empty(), "not flagged: {bad}");
                assert_eq!(&fixed(bad), good, "the fix of: {bad}");
                assert!(
                    flagged(&FormalWord, good).is_empty(),
                    "the fixed text is flagged: {good} → {:?}",
                    flagged(&FormalWord, good)
                );
            }
            assert!(
                flagged(&FormalWord, &verb.good).is_empty(),
                "flagged: {} → {:?}",
                verb.good,
                flagged(&FormalWord, &verb.good)
            );
        }
    }

    #[test]
    fn a_plain_verb_that_must_split_gets_a_suggestion_and_no_fix() {
        let findings = findings_of(&FormalWord, "U retourneert het formulier voor vrijdag.");
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].fix, None);
        assert_eq!(
            findings[0].suggestion.as_deref(),
            Some("Schrijf liever \"stuurt … terug\".")
        );
    }

    #[test]
    fn a_noun_is_no_verb_and_an_adjective_gets_no_fix() {
        assert!(flagged(&FormalWord, "Wij hebben uw verzoek gelezen.").is_empty());
        let adjective = findings_of(&FormalWord, "Wij bekijken de verstrekte gegevens.");
        assert_eq!(adjective.len(), 1, "{adjective:?}");
        assert_eq!(adjective[0].fix, None);
    }

    #[test]
    fn an_inflected_participle_before_a_noun_is_an_adjective_without_a_fix() {
        let text = "De aan u ten onrechte verstrekte bijstand betaalt u terug.";
        let findings = findings_of(&FormalWord, text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].fix, None);
        assert_eq!(
            findings[0].suggestion.as_deref(),
            Some("Schrijf liever \"gegeven\".")
        );
        // A finite verb before a pronoun stays a verb, with its fix.
        assert_eq!(
            fixed("De gemeente verstrekte u een pas."),
            "De gemeente gaf u een pas."
        );
    }

    #[test]
    fn a_participle_in_en_before_a_noun_is_an_adjective_without_a_fix() {
        for (text, hint) in [
            ("U betaalt het te veel ontvangen bedrag terug.", "gekregen"),
            ("Wij zoeken het ten onrechte ontvangen geld op.", "gekregen"),
            ("Wij lezen de door u verzonden brief.", "gestuurde"),
            ("Wij bekijken de ontvangen papieren.", "gekregen"),
        ] {
            let findings = findings_of(&FormalWord, text);
            assert_eq!(findings.len(), 1, "{text}: {findings:?}");
            assert_eq!(findings[0].fix, None, "{text}");
            assert_eq!(
                findings[0].suggestion.as_deref(),
                Some(format!("Schrijf liever \"{hint}\".").as_str()),
                "{text}"
            );
        }
        // After its subject the same form is a verb, with its fix.
        assert_eq!(
            fixed("Wij ontvangen geld van de gemeente."),
            "Wij krijgen geld van de gemeente."
        );
        assert_eq!(
            fixed("Zij verkregen toen een uitkering."),
            "Zij kregen toen een uitkering."
        );
    }

    #[test]
    fn voldoen_is_betalen_only_without_aan_in_its_clause() {
        for text in [
            "Als u aan de voorwaarden voldoet, krijgt u bijstand.",
            "Dit zijn de regels waaraan u moet voldoen.",
            "U voldoet niet aan de regels, maar wij helpen u.",
        ] {
            assert!(flagged(&FormalWord, text).is_empty(), "{text}");
        }
        // An "aan" in the next clause changes nothing.
        assert_eq!(
            flagged(
                &FormalWord,
                "Het bedrag moet binnen twee weken zijn voldaan, aan de deurwaarder."
            ),
            vec!["voldaan"]
        );
    }

    #[test]
    fn a_fix_only_where_the_form_is_sure() {
        // "dient … in" is "indienen", not "dienen … te".
        assert!(
            flagged(
                &FormalWord,
                "Hij dient een klacht in om zijn geld terug te krijgen."
            )
            .is_empty()
        );
        // The modal nearest before the form makes it the infinitive.
        assert_eq!(
            fixed("Als u de brief heeft gestuurd zult u snel een antwoord ontvangen."),
            "Als u de brief heeft gestuurd zult u snel een antwoord krijgen."
        );
        // A participle whose "heeft" stands in the clause before: no sign in its
        // own clause, so no fix, only the hint.
        let text =
            "Heeft u iets verzwegen en daardoor te veel geld ontvangen, dan betaalt u het terug.";
        let findings = findings_of(&FormalWord, text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].fix, None);
        // A sentence that already holds the plain verb keeps its words.
        let text = "Wij kunnen uw uitkering stopzetten of beëindigen.";
        let findings = findings_of(&FormalWord, text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].fix, None);
        // With a subject the finite form is sure.
        assert_eq!(
            fixed("Als wij geen antwoord ontvangen, bellen wij u."),
            "Als wij geen antwoord krijgen, bellen wij u."
        );
    }

    #[test]
    fn a_plain_verb_without_a_passive_gets_no_fix_in_a_passive() {
        for text in [
            "Uw papieren zijn door ons ontvangen.",
            "Als de papieren niet op tijd worden ontvangen, bellen wij u.",
        ] {
            let findings = findings_of(&FormalWord, text);
            assert_eq!(findings.len(), 1, "{text}: {findings:?}");
            assert_eq!(findings[0].fix, None, "{text}");
            assert!(
                findings[0]
                    .suggestion
                    .as_deref()
                    .is_some_and(|s| s.contains("gekregen")),
                "{findings:?}"
            );
        }
        // With "hebben" the plain verb fits.
        assert_eq!(
            fixed("Wij hebben uw papieren ontvangen."),
            "Wij hebben uw papieren gekregen."
        );
    }

    #[test]
    fn dienen_needs_te_in_its_own_clause_and_met_dien_verstande_is_no_verb() {
        assert!(
            flagged(
                &FormalWord,
                "Wij betalen, met dien verstande dat de periode een jaar duurt, wat u nodig hebt te betalen."
            )
            .is_empty()
        );
        assert!(
            flagged(
                &FormalWord,
                "Dit dient een doel, en wij vragen u te bellen."
            )
            .is_empty()
        );
        assert_eq!(
            fixed("Het bedrag dient binnen vier weken te worden betaald."),
            "Het bedrag moet binnen vier weken worden betaald."
        );
    }

    #[test]
    fn simple_words_get_a_fix_and_choices_do_not() {
        assert_eq!(fixed("Indien u wilt, bel ons."), "Als u wilt, bel ons.");
        assert_eq!(
            fixed("Wij bellen u met betrekking tot uw aanvraag."),
            "Wij bellen u over uw aanvraag."
        );
        let choice = findings_of(&FormalWord, "Wij bellen u in het kader van uw aanvraag.");
        assert_eq!(choice.len(), 1);
        assert_eq!(choice[0].fix, None, "\"voor, bij of door\" is a choice");
        // Fixed once, the text has nothing left to fix.
        let once = fixed("Indien u het formulier retourneert, verstrekken wij de pas.");
        assert_eq!(fixed(&once), once);
    }

    #[test]
    fn a_conjunction_without_a_subject_after_it_gets_no_fix() {
        // "als nodig" and "voordat te beslissen" are not Dutch: only a suggestion.
        for text in [
            "Indien nodig bellen wij u.",
            "Indien mogelijk komen wij bij u langs.",
            "Indien van toepassing stuurt u de loonstrook.",
            "Alvorens te beslissen, bellen wij u.",
            "Wij bellen u alvorens een besluit te nemen.",
        ] {
            let findings = findings_of(&FormalWord, text);
            assert_eq!(findings.len(), 1, "{text}: {findings:?}");
            assert_eq!(findings[0].fix, None, "{text}");
        }
        assert_eq!(
            fixed("Indien de gemeente belt, neemt u op."),
            "Als de gemeente belt, neemt u op."
        );
        assert_eq!(
            fixed("Alvorens wij besluiten, bellen wij u."),
            "Voordat wij besluiten, bellen wij u."
        );
    }

    #[test]
    fn every_entry_flags_its_bad_example_and_passes_its_good_one() {
        for entry in &lexicon().formal {
            assert!(
                !flagged(&FormalWord, &entry.bad).is_empty(),
                "not flagged: {}",
                entry.bad
            );
            assert!(
                flagged(&FormalWord, &entry.good).is_empty(),
                "flagged: {} → {:?}",
                entry.good,
                flagged(&FormalWord, &entry.good)
            );
        }
    }

    #[test]
    fn an_inflected_formal_word_is_found_through_its_lemma() {
        for (text, word) in [
            (
                "Het is een dusdanige situatie dat wij u bellen.",
                "dusdanige",
            ),
            ("Wij zoeken een woonachtige huurder.", "woonachtige"),
        ] {
            let findings = findings_of(&FormalWord, text);
            assert_eq!(flagged(&FormalWord, text), vec![word], "{findings:?}");
            assert_eq!(findings[0].fix, None, "an inflected word has no plain twin");
        }
    }

    #[test]
    fn every_verb_of_the_word_list_is_found_in_every_form() {
        // A verb in formal-words.toml is found only as listed; formal-verbs.toml has
        // its six forms, its split forms and the plain verb in the same form.
        let lemmas = &crate::morphology::morphology().lemmas;
        let mut verbs = 0;
        for entry in &lexicon().formal {
            let single: Vec<&String> = entry.forms.iter().filter(|f| !f.contains(' ')).collect();
            if !single.iter().any(|f| lemmas.is_verb(f)) {
                continue;
            }
            verbs += 1;
            for form in single {
                assert!(
                    formal_verbs().may_start(form),
                    "{form} is a form of a verb: give the verb its forms in formal-verbs.toml"
                );
            }
        }
        assert!(verbs >= 6, "the verbs of the word list: {verbs}");
    }

    #[test]
    fn every_form_of_the_verb_list_is_a_dutch_word() {
        let dictionary = crate::spelling::dictionary();
        // OpenTaal writes "zorg dragen" apart; joined, it is the key of "draagt … zorg".
        let joined = ["zorgdragen", "zorggedragen"];
        for verb in &formal_verbs().verbs {
            for form in verb.formal.iter().chain(&verb.plain) {
                for word in form.split_whitespace() {
                    assert!(
                        dictionary.check(word) || joined.contains(&word),
                        "{word} ({})",
                        verb.formal[0]
                    );
                }
            }
        }
    }

    #[test]
    fn a_repeated_formal_word_is_found_every_time() {
        // The document remembers word forms; the second "Indien" must still count.
        let text = "Indien u wilt, bel ons. Wij helpen u graag. Indien u geen tijd hebt, mail ons.";
        assert_eq!(flagged(&FormalWord, text), vec!["Indien", "Indien"]);
    }

    #[test]
    fn phrases_are_found_whole() {
        assert_eq!(
            flagged(&FormalWord, "Wij bellen u met betrekking tot uw aanvraag."),
            vec!["met betrekking tot"]
        );
        // "dienen te" with everything the fix changes: the verb, and "te" before the infinitive.
        assert_eq!(
            flagged(&FormalWord, "U dient het formulier te sturen."),
            vec!["dient het formulier te sturen"]
        );
        assert!(
            flagged(&FormalWord, "Dit dient als bewijs.").is_empty(),
            "\"dienen als\" is not \"dienen te\""
        );
    }
}
