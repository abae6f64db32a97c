//! ## What it flags
//! Threatening or distrustful words and phrases from `readability/tone.toml`,
//! each under its own rule id: `fraud-framing` (a mistake or late report called
//! fraud), `punishment-vocabulary` (police and court words), `suspicion-surveillance`
//! (unannounced checks, anonymous tips, watching the reader), `coercive-command`
//! ("u dient", "u bent verplicht") and `cost-threat` (bailiff, seizure, extra costs).
//!
//! ## Why it matters to the reader
//! People on bijstand often read a letter from the municipality as a threat.
//! These words make them feel suspected before anyone asked what happened,
//! and make many of them afraid to call.
//!
//! ## Example
//! "Het niet melden van inkomsten is fraude."
//!
//! ## Use instead
//! "Wij zien inkomsten die wij nog niet kenden. Wilt u ons uitleggen hoe dat zit?"
//!
//! ## Options
//! Add phrases to `readability/tone.toml`, each with a bad and a good example.
//! A phrase in a negated clause or in a sentence that offers help is not
//! flagged, nor a consequence word that the tone view reads as no consequence
//! for the reader ("Wie de boete al betaalde", "zonder wettelijke rente"), nor
//! a heading of bare words that names a subject ("Loonbeslag", "Sociale recherche").

use crate::event::LetterKind;
use crate::lexicon::{TonePhrase as Entry, lexicon};
use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::{Document, phrase};

/// The rule ids whose phrases live in `tone.toml`, with what each is about.
pub(crate) const IDS: &[(&str, &str)] = &[
    (
        "coercive-command",
        "Een bevel, zoals \"u dient\" of \"u bent verplicht\".",
    ),
    (
        "cost-threat",
        "Dreigen met kosten, een deurwaarder of beslag.",
    ),
    (
        "fraud-framing",
        "Een vergissing of late melding fraude noemen, of de lezer als fraudeur aanspreken.",
    ),
    (
        "punishment-vocabulary",
        "Woorden van politie en rechter, zoals strafbaar, aangifte en sociale recherche.",
    ),
    (
        "suspicion-surveillance",
        "Wantrouwen en controle: onaangekondigd langskomen, anonieme tips, \"wij controleren of\".",
    ),
];

/// One tone rule whose phrases are data.
pub(crate) struct TonePhrase {
    id: &'static str,
    what: &'static str,
}

impl TonePhrase {
    /// The rule with this id from [`IDS`].
    pub(crate) fn new(id: &'static str) -> TonePhrase {
        let what = IDS
            .iter()
            .find(|(known, _)| *known == id)
            .map_or("", |(_, what)| what);
        TonePhrase { id, what }
    }

    fn entries(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        lexicon()
            .tone
            .iter()
            .filter(move |entry| entry.rule == self.id)
    }
}

impl Rule for TonePhrase {
    fn id(&self) -> &'static str {
        self.id
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        let first = self.entries().next();
        RuleDocs {
            what: self.what,
            why: "Mensen in de bijstand lezen een brief van de gemeente vaak als een dreigement. Deze woorden maken hen verdacht voordat iemand heeft gevraagd wat er is gebeurd.",
            bad: first.map_or("", |e| e.bad.as_str()),
            good: first.map_or("", |e| e.good.as_str()),
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let lexicon = lexicon();
        let mut fines_named = 0;
        let tone_sentences = crate::readability::tone::sentences(doc);
        // One search a text, shared by the five tone-phrase rules.
        for (index, found) in phrase::tone_matches(doc) {
            let sentence = &doc.sentences[*index];
            let entry = &lexicon.tone[found.entry];
            if entry.rule != self.id {
                continue;
            }
            // A negated clause ("U bent niet verplicht de controleur in uw huis te laten")
            // or a sentence that offers help reassures; it does not threaten.
            let view = &tone_sentences[*index];
            let word = view
                .words
                .iter()
                .position(|w| w.range().start == found.range.start);
            // A consequence word that the tone view does not read as one for the
            // reader: a fine that is paid, "zonder rente", a seizure lifted, the
            // court of an objection.
            let consequence = crate::readability::tone::STRONG_CONSEQUENCE
                .union(crate::readability::tone::WEAK_CONSEQUENCE);
            let loaded: Vec<usize> = (0..view.words.len())
                .filter(|&k| {
                    let range = view.words[k].range();
                    range.start >= found.range.start
                        && range.end <= found.range.end
                        && view.words[k].concepts.intersects(consequence)
                })
                .collect();
            let found_consequences = crate::readability::tone::consequences(view);
            let no_consequence = !loaded.is_empty()
                && !loaded
                    .iter()
                    .any(|w| found_consequences.iter().any(|&(k, _)| k == *w));
            // Help in the sentence, or next to it in the same block.
            let helped = crate::readability::tone::helped(tone_sentences, *index);
            // News, figures or a definition about others aim at no reader.
            // A heading of bare words ("Loonbeslag") names the subject of the text under it.
            let reassures = helped
                || view.names_a_subject()
                || no_consequence
                || view.informs(doc)
                || word.is_some_and(|w| view.clause_of(w).negated);
            if reassures {
                continue;
            }
            let mut severity = if entry.severity == "error" {
                Severity::Error
            } else {
                Severity::Warning
            };
            // The fine: a letter about a fine (or the warning given instead
            // of one, Pw 18a lid 4) names it once, factually; any other letter not at all.
            if entry.forms.iter().any(|f| f == "boete") {
                match doc.event_type {
                    Some(t) if t.letter_kind() == LetterKind::Fine => {
                        fines_named += 1;
                        if fines_named == 1 {
                            continue;
                        }
                    }
                    Some(_) => severity = Severity::Error,
                    None => {}
                }
            }
            // "Vermoedt u dat iemand fraude pleegt?" does not call the reader a fraudster.
            let (message, suggestion) = if self.id == "fraud-framing"
                && crate::lint::tone::not_aimed_at_reader(doc, view)
            {
                (
                    crate::lint::tone::SUSPECTING_OTHERS.to_string(),
                    crate::lint::tone::SUSPECTING_OTHERS_SUGGESTION.to_string(),
                )
            } else {
                (entry.message.clone(), entry.suggestion.clone())
            };
            out.push(Finding {
                rule: self.id,
                category: Category::Tone,
                severity,
                span: doc.source_range(sentence.block, found.range.clone()).into(),
                message,
                fix: None,
                suggestion: Some(suggestion),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::findings_of;

    #[test]
    fn fraud_by_someone_else_gets_its_own_message() {
        let rule = TonePhrase::new("fraud-framing");
        let found = findings_of(
            &rule,
            "Weet u van iemand die fraude pleegt? Geef het door aan de gemeente.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, crate::lint::tone::SUSPECTING_OTHERS);
        // Outside a letter, a sentence that does not speak to the reader is about fraud in general.
        let found = findings_of(&rule, "Het niet melden van inkomsten is fraude.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].message, crate::lint::tone::SUSPECTING_OTHERS);
        let found = findings_of(&rule, "Het niet melden van uw inkomsten is fraude.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("noemt de lezer"), "{found:?}");
        // In a letter, every sentence speaks to its reader.
        let found = findings_of(
            &rule,
            "Beste mevrouw Jansen,\n\nHet niet melden van inkomsten is fraude.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("noemt de lezer"), "{found:?}");
    }

    #[test]
    fn every_entry_flags_its_bad_example_and_passes_its_good_one() {
        for entry in &lexicon().tone {
            assert!(
                IDS.iter().any(|(id, _)| *id == entry.rule),
                "unknown rule id {} in tone.toml",
                entry.rule
            );
            let rule = TonePhrase::new(
                IDS.iter()
                    .find(|(id, _)| *id == entry.rule)
                    .map(|(id, _)| *id)
                    .unwrap_or(""),
            );
            assert!(
                !findings_of(&rule, &entry.bad).is_empty(),
                "not flagged: {}",
                entry.bad
            );
            assert!(
                findings_of(&rule, &entry.good).is_empty(),
                "flagged: {}",
                entry.good
            );
        }
    }

    #[test]
    fn a_duty_stressed_with_wel_or_ook_is_still_a_command() {
        let rule = TonePhrase::new("coercive-command");
        for text in [
            "U bent wel verplicht om mee te werken aan een huisbezoek.",
            "Bent u ook verplicht om de brief te tekenen?",
        ] {
            assert!(!findings_of(&rule, text).is_empty(), "not flagged: {text}");
        }
    }

    #[test]
    fn the_cjib_notice_that_it_takes_money_is_a_cost_threat() {
        let rule = TonePhrase::new("cost-threat");
        let text = "Betaalt u niet? Dan stuurt het CJIB u een kennisgeving van verhaal.";
        assert_eq!(findings_of(&rule, text).len(), 1, "{text}");
        // Explained next to help, it is no threat.
        let text =
            "Wilt u weten wat een kennisgeving van verhaal is? Bel ons, dan leggen we het uit.";
        assert!(findings_of(&rule, text).is_empty(), "{text}");
    }

    #[test]
    fn a_heading_of_bare_words_names_a_subject() {
        let cost = TonePhrase::new("cost-threat");
        let police = TonePhrase::new("punishment-vocabulary");
        let fraud = TonePhrase::new("fraud-framing");
        for (rule, text) in [
            (&cost, "# Loonbeslag\n\nHier leest u hoe dit werkt."),
            (
                &cost,
                "## Beslag en deurwaarder\n\nHier leest u hoe dit werkt.",
            ),
            (
                &police,
                "## Sociale recherche\n\nHier leest u wat dit team doet.",
            ),
            (
                &fraud,
                "# Fraude met uitkeringen\n\nHier leest u wat dit is.",
            ),
            (&fraud, "## Wat is fraude\n\nHier leest u wat dit is."),
            // A label without a verb that leads into a list.
            (
                &fraud,
                "Voorbeelden van fraude met een toeslag:\n\n- zwart werken\n",
            ),
        ] {
            assert!(findings_of(rule, text).is_empty(), "flagged: {text}");
        }
        // A heading that tells the reader what happens, and the same words in the text, are flagged.
        for text in [
            "# Wij leggen beslag op uw loon\n\nLees deze brief goed.",
            "Loonbeslag.",
        ] {
            assert!(!findings_of(&cost, text).is_empty(), "not flagged: {text}");
        }
        assert!(!findings_of(&fraud, "Fraude met uitkeringen.").is_empty());
        // Only the sentence that ends the block with the colon is a label.
        assert!(
            !findings_of(
                &fraud,
                "Fraude met uitkeringen. Voorbeelden:\n\n- zwart werken\n"
            )
            .is_empty()
        );
        // A lead-in with a verb says something itself.
        assert!(!findings_of(&fraud, "Wij zien dit als fraude:\n\n- zwart werken\n").is_empty());
    }

    #[test]
    fn a_loaded_word_that_is_no_consequence_for_the_reader_is_not_flagged() {
        let fine = TonePhrase::new("punishment-vocabulary");
        let cost = TonePhrase::new("cost-threat");
        for (rule, text) in [
            (
                &fine,
                "Wie de boete al betaalde, krijgt dat bedrag van ons terug.",
            ),
            (
                &fine,
                "Betaal de boete gerust in kleine stukjes; spreek dat met ons af.",
            ),
            (
                &cost,
                "Wij vragen de deurwaarder om het beslag op te heffen.",
            ),
            (&cost, "U betaalt dan in delen, zonder wettelijke rente."),
            // The reader informs the bailiff.
            (&cost, "Geef wijzigingen altijd door aan de deurwaarder."),
            (
                &cost,
                "Hebt u meer inkomen? Dan moet u dit opgeven aan de deurwaarder.",
            ),
            // The reader writes to or asks the bailiff.
            (
                &cost,
                "Stuur het bewijs van uw betaling naar de deurwaarder.",
            ),
            (
                &cost,
                "Uw vragen over de rekening stelt u aan de deurwaarder.",
            ),
            // Help in the next sentence of the same paragraph.
            (
                &fine,
                "Hebt u te weinig geld door een boete? Dan kunt u bijzondere bijstand aanvragen.",
            ),
        ] {
            assert!(findings_of(rule, text).is_empty(), "{text}");
        }
        for (rule, text) in [
            (&fine, "U moet eerst de boete betalen."),
            (&fine, "Daarna krijgt u een boete."),
            (&cost, "Daarna legt de deurwaarder beslag op uw loon."),
            // The organisation hands the case to the bailiff.
            (&cost, "Daarna geven wij uw zaak door aan de deurwaarder."),
            (
                &cost,
                "Daarna wordt uw zaak doorgegeven aan de deurwaarder.",
            ),
            (&cost, "Daarna sturen wij uw dossier naar de deurwaarder."),
        ] {
            assert!(!findings_of(rule, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_fine_letter_may_name_the_fine_once() {
        use crate::event::EventType;
        let config = crate::readability::ReadabilityConfig::default();
        let text = "Wij geven u een boete van € 150. De boete is voor het te laat doorgeven.";
        let severities = |event_type| -> Vec<Severity> {
            crate::lint::lint_letter(
                text,
                &crate::lint::EventFacts::of_type(event_type, false),
                &config,
            )
            .findings
            .into_iter()
            .filter(|f| f.rule == "punishment-vocabulary")
            .map(|f| f.severity)
            .collect()
        };
        assert_eq!(
            severities(EventType::AdministrativeFine),
            vec![Severity::Warning],
            "only the second mention"
        );
        assert_eq!(
            severities(EventType::Warning),
            vec![Severity::Warning],
            "the warning given instead of a fine, too"
        );
        assert_eq!(
            severities(EventType::Recovery),
            vec![Severity::Error, Severity::Error]
        );
    }

    #[test]
    fn every_rule_id_has_phrases() {
        for (id, _) in IDS {
            assert!(
                TonePhrase::new(id).entries().next().is_some(),
                "{id} has no phrases in tone.toml"
            );
        }
    }
}
