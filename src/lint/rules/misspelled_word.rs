//! ## What it flags
//! A word that is not in the Dutch word list of OpenTaal (`readability/nl.dic`),
//! with the nearest correct word as the suggestion. Compounds of known parts
//! are correct. Names (a capital letter inside a sentence), acronyms, numbers,
//! amounts, dates, codes, e-mail addresses and URLs are never checked, and in a
//! template only the template's own text is, never the values from an event.
//!
//! ## Why it matters to the reader
//! A spelling mistake in a letter from the municipality looks careless, and it
//! makes readers doubt the rest. A reader who reads slowly can stumble over it.
//!
//! ## Example
//! "Wij hebben uw aanvraag voor bijzondere bijstand goed ontvangen en wij reageerd binnen twee weken."
//!
//! ## Use instead
//! "Wij hebben uw aanvraag voor bijzondere bijstand goed ontvangen en wij reageren binnen twee weken."
//!
//! ## Options
//! The municipality's own words: `extra-words` and `extra-words-file` in
//! `[lint.spelling]` of helder.toml.

use crate::lexicon::{AUXILIARY, NOT_IN_OPENTAAL, lexicon};
use crate::lexicon::{lowercase_into, split_compound};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::{Document, Verdict, WordFacts};
use crate::spelling::{
    Nearest, has_frequent_neighbour, is_correct, is_frequent_and_correct, nearest,
};
use crate::text::segment::TokenKind;
use rustc_hash::FxHashMap;

const BAD: &str =
    "Wij hebben uw aanvraag goed ontvangen. Wij bellen u binnen twee weken over de uitkeering.";
const GOOD: &str =
    "Wij hebben uw aanvraag goed ontvangen. Wij bellen u binnen twee weken over de uitkering.";

/// Forms of "hebben" that, like "zijn" and "worden", go with a participle.
const HEBBEN: &[&str] = &["heb", "hebt", "heeft", "hebben", "had", "hadden"];

/// A word that is not in the Dutch word list.
pub(crate) struct MisspelledWord;

impl Rule for MisspelledWord {
    fn id(&self) -> &'static str {
        "misspelled-word"
    }
    fn category(&self) -> Category {
        Category::Spelling
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een woord dat niet in de Nederlandse woordenlijst van OpenTaal staat. helder noemt het woord dat er het meest op lijkt. Namen, nummers, bedragen, datums, codes, e-mailadressen en websites controleert helder niet. Eigen woorden van de gemeente zet u bij [lint.spelling] in helder.toml.",
            why: "Een spelfout in een brief van de gemeente lijkt slordig, en dan twijfelt de lezer ook aan de rest. Wie langzaam leest, blijft erover struikelen.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // One answer per word form and text: most words come back many times.
        // `None`: correct (or a name); `Some(nearest)`: misspelled.
        let mut answers: FxHashMap<&str, Option<Option<Nearest>>> = FxHashMap::default();
        for word in doc.notable_words() {
            let checked = match word.verdict {
                Verdict::Name | Verdict::Abbreviation => false,
                Verdict::Rare(None) | Verdict::Compound => true,
                // In the frequency list: correct, unless OpenTaal rejects it ("fotos").
                _ => word.class & NOT_IN_OPENTAAL != 0,
            };
            if !checked {
                continue;
            }
            let text = doc.text(word.block(), word.range());
            // Numbers, codes and abbreviations with a full stop inside ("tel.nr") are not words.
            if text.chars().count() <= 2 || text.chars().any(|c| c.is_numeric() || c == '.') {
                continue;
            }
            // A capital means the word starts a sentence: inside one it is a name and
            // never checked. A frequent word that OpenTaal knows only with a capital
            // is a name there too ("Nederland", "Jan").
            let starts_sentence = text.starts_with(char::is_uppercase);
            if starts_sentence
                && matches!(
                    word.verdict,
                    Verdict::Common | Verdict::Formal | Verdict::Rare(Some(_))
                )
            {
                continue;
            }
            // The d/t hint depends on the sentence, so such words are not remembered.
            let answer = match answers.get(text) {
                Some(answer) if !text.ends_with("dt") => answer.clone(),
                _ => {
                    let answer = judge(doc, word, text, starts_sentence);
                    answers.insert(text, answer.clone());
                    answer
                }
            };
            let Some(suggestion) = answer else {
                continue;
            };
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Warning,
                span: doc.source_range(word.block(), word.range()).into(),
                message: format!("\"{text}\" staat niet in de Nederlandse woordenlijst."),
                fix: None,
                suggestion: Some(match suggestion {
                    Some(Nearest { word, close: true }) => format!("Bedoelt u \"{word}\"?"),
                    Some(Nearest { word, close: false }) => {
                        format!("Bedoelt u misschien \"{word}\"? Controleer de spelling.")
                    }
                    None => "Controleer de spelling. Is het een woord van uw gemeente? Zet het dan bij [lint.spelling] in helder.toml.".to_string(),
                }),
            });
        }
    }
}

/// Whether a word is misspelled, and the nearest correct word if so.
fn judge(
    doc: &Document<'_>,
    word: &WordFacts,
    text: &str,
    starts_sentence: bool,
) -> Option<Option<Nearest>> {
    // Soft hyphens, ligatures and the like are not what the reader sees.
    let repaired = crate::morphology::repair_form(text);
    let text = repaired.as_ref();
    // An unknown word at the start of a sentence is a name too ("Marieke"), unless
    // it is clearly a common word misspelled. That is asked first, without the
    // dictionary: nearly every letter starts a line with a name.
    // The cheap tests first: a compound of correct parts is correct wherever it
    // stands, and the neighbours of a word at the start of a sentence are some
    // thousand lookups. Each test only reads, so the order changes no answer.
    if word.verdict == Verdict::Compound && of_correct_parts(text, doc) {
        return None;
    }
    if starts_sentence && !has_frequent_neighbour(&text.to_lowercase()) {
        return None;
    }
    let correct = is_correct(text, &doc.config.extra_words) || emphasised(text);
    if correct {
        return None;
    }
    let found = nearest(text, dt_hint(doc, word, text));
    if starts_sentence && !found.as_ref().is_some_and(|n| n.close) {
        return None;
    }
    Some(found)
}

/// Whether a word is a frequent word with an accent for emphasis ("níet", "één").
fn emphasised(text: &str) -> bool {
    let lower = text.to_lowercase();
    let plain = crate::dutch::without_stress_accents(&lower);
    plain != lower && is_frequent_and_correct(&plain)
}

/// Whether a compound of common parts ([`split_compound`]) has only parts
/// that OpenTaal accepts: the frequency list also holds English words and
/// misspellings, so "uit" + "keer" + "ing" must not make "uitkeering" correct.
fn of_correct_parts(text: &str, doc: &Document<'_>) -> bool {
    split_compound(&text.to_lowercase(), lexicon(), doc.config.rare_zipf)
        .is_some_and(|parts| parts.iter().all(|part| is_frequent_and_correct(part)))
}

/// For a word ending in "dt": whether a form of "hebben", "zijn" or "worden"
/// comes before it in its sentence, which makes a participle likelier ("is gebeurd").
fn dt_hint(doc: &Document<'_>, word: &WordFacts, text: &str) -> Option<bool> {
    if !text.ends_with("dt") {
        return None;
    }
    let range = word.range();
    let sentence = doc.sentence_holding(word.block(), range.clone())?;
    let block = &doc.prose.blocks[word.block()].text;
    let mut lower = String::new();
    let auxiliary_before = doc.segments[word.block()].tokens[sentence.tokens.clone()]
        .iter()
        .take_while(|t| t.range().start < range.start)
        .filter(|t| t.kind == TokenKind::Word)
        .any(|t| {
            lowercase_into(&mut lower, &block[t.range()]);
            lexicon().entry(&lower).flags & AUXILIARY != 0 || HEBBEN.contains(&lower.as_str())
        });
    Some(auxiliary_before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{findings_of, flagged};

    /// The flagged word and the suggestion of each finding.
    #[track_caller]
    fn corrections(text: &str) -> Vec<(String, String)> {
        findings_of(&MisspelledWord, text)
            .into_iter()
            .map(|f| {
                (
                    text[f.span.start..f.span.end].to_string(),
                    f.suggestion.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[track_caller]
    fn corrects(text: &str, wrong: &str, right: &str) {
        assert_eq!(
            corrections(text),
            vec![(wrong.to_string(), format!("Bedoelt u \"{right}\"?"))],
            "{text}"
        );
    }

    #[test]
    fn a_doubled_or_missing_letter_is_found_with_the_right_word() {
        corrects(
            "Wij hebben uw aanvraaag ontvangen.",
            "aanvraaag",
            "aanvraag",
        );
        corrects(
            "Vul het formulir in en stuur het terug.",
            "formulir",
            "formulier",
        );
        corrects(
            "U krijgt de uitkeering op 1 december.",
            "uitkeering",
            "uitkering",
        );
        corrects("Wij hebben uw brief onvangen.", "onvangen", "ontvangen");
        corrects(
            "Wij sturen u een nieuwe afsprraak.",
            "afsprraak",
            "afspraak",
        );
    }

    #[test]
    fn c_and_k_mixed_up_are_found() {
        corrects(
            "Wij doen een kontrole van uw gegevens.",
            "kontrole",
            "controle",
        );
        corrects(
            "Dat is een practische oplossing.",
            "practische",
            "praktische",
        );
        corrects(
            "Bent u het er mee eens? Dan is het akoord.",
            "akoord",
            "akkoord",
        );
    }

    #[test]
    fn ei_and_ij_mixed_up_are_found() {
        corrects("Wij nemen de teid voor uw vragen.", "teid", "tijd");
        corrects("U krijgt beistand van de gemeente.", "beistand", "bijstand");
        corrects("Wij zijn klijn begonnen.", "klijn", "klein");
        corrects("Kom op vreidag langs.", "vreidag", "vrijdag");
        corrects("Hoe is het met uw gezondhijd?", "gezondhijd", "gezondheid");
    }

    #[test]
    fn d_and_t_are_found_where_the_form_does_not_exist() {
        corrects("Wij reageerd binnen twee weken.", "reageerd", "reageert");
        corrects("Dit gebeurdt elk jaar in mei.", "gebeurdt", "gebeurt");
        corrects("Dit is in mei gebeurdt.", "gebeurdt", "gebeurd");
        corrects("Wij hebben uw antwoort gelezen.", "antwoort", "antwoord");
        corrects("Wij hebben uw adres veranderdt.", "veranderdt", "veranderd");
        // "vind" and "vindt" both exist: which one is right is grammar, not spelling.
        assert!(
            flagged(
                &MisspelledWord,
                "Hij vind het fijn. Zij vindt het ook fijn."
            )
            .is_empty()
        );
    }

    #[test]
    fn frequent_misspellings_in_the_frequency_list_are_found() {
        corrects("Stuur ons de fotos van de schade.", "fotos", "foto's");
        corrects(
            "Dat zijn de financiele gevolgen.",
            "financiele",
            "financiële",
        );
    }

    #[test]
    fn correct_text_names_numbers_and_codes_are_never_flagged() {
        assert!(
            flagged(
                &MisspelledWord,
                "Dat is níet de bedoeling. Bel tel.nr 14 0488."
            )
            .is_empty()
        );
        let text = "Beste mevrouw Pietersma-Oudeboom,\n\nWij hebben uw aanvraag voor bijzondere bijstand ontvangen. U krijgt € 1.250,00 op NL91ABNA0417164300 op 23-11-2026. Uw zaaknummer is ZK-2026-004711. Mail naar werkeninkomen@waalmonde.nl of kijk op www.waalmonde.nl. Bel S.J. de Vries op 06-12345678. Uw bijstandsuitkering en de kostendelersnorm blijven gelijk. Dat is o.a. de huurtoeslag. Kijk ook bij DigiD en de AOW.";
        assert_eq!(flagged(&MisspelledWord, text), Vec::<&str>::new());
    }

    #[test]
    fn soft_hyphens_and_ligatures_from_copied_text_are_no_misspellings() {
        for text in [
            "Wij betalen uw uit\u{AD}ke\u{AD}ring op tijd.",
            "Wij betalen uw bij\u{AD}stands\u{AD}uit\u{AD}ke\u{AD}ring op tijd.",
            "Uw ﬁnanciën zijn op orde en uw proﬁel ook.",
            "Wij be\u{200B}talen uw huur.",
        ] {
            assert_eq!(flagged(&MisspelledWord, text), Vec::<&str>::new(), "{text}");
        }
        // A misspelling stays one with a soft hyphen in it.
        assert_eq!(
            flagged(
                &MisspelledWord,
                "Wij betalen uw uit\u{AD}kee\u{AD}ring op tijd."
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_unknown_name_at_the_start_of_a_sentence_is_left_alone() {
        for name in ["Pietersma", "Marieke", "Nederland", "Amsterdam", "Jan"] {
            let text = format!("{name} belde ons op maandag.");
            assert!(flagged(&MisspelledWord, &text).is_empty(), "{text}");
        }
        corrects("Uitkeering krijgt u op maandag.", "Uitkeering", "Uitkering");
    }

    #[test]
    fn words_of_the_municipality_are_accepted() {
        use crate::lint::{SourceKind, prose};
        use crate::readability::ReadabilityConfig;
        let text = "Ga naar het wmoloket of bel de wmoconsulent.";
        assert_eq!(flagged(&MisspelledWord, text).len(), 2);
        let config = ReadabilityConfig {
            extra_words: crate::lexicon::ExtraWords::new(["Wmo".to_string()]),
            ..ReadabilityConfig::default()
        };
        let doc = Document::new(text, prose(text, SourceKind::Markdown), &config);
        let mut out = Vec::new();
        MisspelledWord.check(&doc, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn template_values_are_never_checked() {
        use crate::lint::{SourceKind, lint};
        use crate::readability::ReadabilityConfig;
        let template = "+++\nevent_type = \"x\"\n+++\nBeste {{ recipient.surname }},\n\nWij hebben {{ heard | default(value=\"xqzvlorp\") }} ontvangen. Wij sturen een formulir.\n";
        let result = lint(
            template,
            SourceKind::Template,
            &ReadabilityConfig::default(),
        );
        let spelling: Vec<&str> = result
            .findings
            .iter()
            .filter(|f| f.rule == "misspelled-word")
            .map(|f| &template[f.span.start..f.span.end])
            .collect();
        assert_eq!(spelling, vec!["formulir"]);
    }
}
