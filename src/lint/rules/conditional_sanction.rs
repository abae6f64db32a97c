//! ## What it flags
//! A condition on what the reader does or fails to do, followed by a
//! consequence for their money or rights: "Als u niet reageert, stoppen wij uw
//! uitkering", "Doet u dit niet, dan …", "Indien … zal … worden verlaagd", and
//! across a question and the next sentence: "Reageert u niet op tijd? Dan …".
//! The word lists are `[classes]` in `readability/tone.toml`.
//!
//! Not flagged: a consequence stated once next to an offer of help or a
//! contact person (in the same sentence or the next two), a factual rule
//! without a failure ("Als u werk vindt, wordt uw uitkering lager"), and
//! "Kunt u niet komen? Bel ons dan."
//!
//! ## Why it matters to the reader
//! A threat about money makes people afraid before anyone has asked what is
//! going on. Many then stop opening letters at all.
//!
//! ## Example
//! "Als u niet op tijd reageert, stoppen wij uw uitkering."
//!
//! ## Use instead
//! "Wilt u voor 7 december reageren? Lukt dat niet, bel dan Ilse Verhoef. Samen zoeken we een oplossing."

use crate::lint::{Category, Finding, Rule, RuleDocs, Severity};
use crate::readability::wordlists::{CONDITION, FAILURE, HELP, SANCTION, lexicon};
use crate::readability::{Document, SentenceFacts, lowercase_into};
use crate::text::segment::TokenKind;

const BAD: &str = "Als u niet op tijd reageert, stoppen wij uw uitkering.";
const GOOD: &str = "Wilt u voor 7 december reageren? Lukt dat niet, bel dan Ilse Verhoef. Samen zoeken we een oplossing.";

/// Question words that start a question, not a condition ("Wat doet u …?").
const QUESTION_WORDS: &[&str] = &[
    "wat", "wie", "waar", "wanneer", "hoe", "waarom", "welke", "welk", "hoeveel", "waarmee",
    "waarover",
];

/// A threat: "if you don't, we cut your money".
pub(crate) struct ConditionalSanction;

impl Rule for ConditionalSanction {
    fn id(&self) -> &'static str {
        "conditional-sanction"
    }
    fn category(&self) -> Category {
        Category::Tone
    }
    fn docs(&self) -> RuleDocs {
        RuleDocs {
            what: "Een voorwaarde over wat de lezer (niet) doet, met een gevolg voor zijn geld of rechten: \"Als u niet reageert, stoppen wij uw uitkering.\"",
            why: "Een dreigement over geld maakt mensen bang, voordat iemand heeft gevraagd wat er aan de hand is. Veel mensen openen dan hun post niet meer.",
            bad: BAD,
            good: GOOD,
        }
    }
    fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        let sentences = &doc.sentences;
        for (i, sentence) in sentences.iter().enumerate() {
            // The consequence: in the same sentence, or in the next one after a question ("…? Dan …").
            let same_block_next = sentences
                .get(i + 1)
                .filter(|next| next.block == sentence.block);
            let consequence = if sentence.tone & SANCTION != 0 {
                Some(i)
            } else {
                same_block_next
                    .filter(|next| next.tone & SANCTION != 0 && starts_with_dan(doc, next))
                    .filter(|_| {
                        doc.text(sentence.block, sentence.range.clone())
                            .trim_end()
                            .ends_with('?')
                    })
                    .map(|_| i + 1)
            };
            let Some(last) = consequence else { continue };
            if !is_condition(doc, sentence) || !has_failure(doc, sentence) {
                continue;
            }
            // Help next to it makes it a factual consequence, not a threat.
            let helped = (i..=(last + 2).min(sentences.len() - 1)).any(|k| {
                sentences[k].block.abs_diff(sentence.block) <= 1 && sentences[k].tone & HELP != 0
            });
            if helped {
                continue;
            }
            let start = doc
                .source_range(sentence.block, sentence.range.clone())
                .start;
            let end = doc
                .source_range(sentences[last].block, sentences[last].range.clone())
                .end;
            out.push(Finding {
                rule: self.id(),
                category: self.category(),
                severity: Severity::Error,
                span: (start..end).into(),
                message: "Dit klinkt als een dreigement: als u iets niet doet, raakt u geld of rechten kwijt. Mensen worden hier bang van, nog voordat iemand heeft gevraagd wat er is.".to_string(),
                suggestion: Some("Vraag wat u nodig hebt, met een datum, en bied hulp: \"Wilt u … voor [datum] sturen? Lukt dat niet, bel dan [naam]. Samen zoeken we een oplossing.\"".to_string()),
            });
        }
    }
}

/// A condition word ("als", "indien"), or a sentence that starts with verb + "u" ("Reageert u …").
fn is_condition(doc: &Document<'_>, sentence: &SentenceFacts) -> bool {
    if sentence.tone & CONDITION != 0 {
        return true;
    }
    let text = &doc.prose.blocks[sentence.block].text;
    let mut words = doc.segments[sentence.block].tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word);
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first = text[first.range.clone()].to_lowercase();
    text[second.range.clone()].eq_ignore_ascii_case("u")
        && !QUESTION_WORDS.contains(&first.as_str())
}

/// A failure word that is not part of "niet alleen" and the like; "te laat" counts too.
fn has_failure(doc: &Document<'_>, sentence: &SentenceFacts) -> bool {
    let lexicon = lexicon();
    let text = &doc.prose.blocks[sentence.block].text;
    let mut lower = String::new();
    let mut previous = String::new();
    for token in doc.segments[sentence.block].tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
    {
        lowercase_into(&mut lower, &text[token.range.clone()]);
        let is_failure =
            lexicon.entry(&lower).flags & FAILURE != 0 || (lower == "laat" && previous == "te");
        if is_failure {
            return true;
        }
        std::mem::swap(&mut previous, &mut lower);
    }
    false
}

fn starts_with_dan(doc: &Document<'_>, sentence: &SentenceFacts) -> bool {
    let text = &doc.prose.blocks[sentence.block].text;
    doc.segments[sentence.block].tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(2)
        .any(|t| text[t.range.clone()].eq_ignore_ascii_case("dan"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::testing::{findings_of, flagged};

    #[test]
    fn threats_are_flagged_in_every_word_order() {
        for text in [
            "Als u niet op tijd reageert, stoppen wij uw uitkering.",
            "Doet u dit niet, dan stopt uw uitkering.",
            "Reageert u niet op tijd? Dan verlagen wij uw bijstand.",
            "Indien u de gevraagde stukken niet aanlevert, zal uw uitkering worden verlaagd.",
            "Wanneer u te laat reageert, krijgt u een maatregel.",
            "Mocht u weigeren mee te werken, dan wordt uw uitkering beëindigd.",
        ] {
            assert_eq!(findings_of(&ConditionalSanction, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn help_and_facts_are_not_threats() {
        for text in [
            "Stuurt u de papieren niet op tijd? Dan kunnen wij uw uitkering niet betalen. Lukt het niet? Bel dan Ilse.",
            "Als u werk vindt, wordt uw uitkering lager.",
            "Kunt u niet komen? Bel ons dan.",
            "Lukt het niet om op tijd te betalen? Bel dan Ilse Verhoef.",
            "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken.",
            "Opschorten betekent dat wij uw uitkering een tijd niet betalen.",
        ] {
            assert!(findings_of(&ConditionalSanction, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_span_covers_question_and_answer() {
        let text = "Reageert u niet op tijd? Dan verlagen wij uw bijstand.";
        assert_eq!(flagged(&ConditionalSanction, text), vec![text]);
    }
}
