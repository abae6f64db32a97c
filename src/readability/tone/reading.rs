//! How a word or a sentence reads in its place: "als" meaning "as" ("als fraudeur
//! bestempeld"), a comparative before "dan" ("meer dan"), a command, a short
//! line that stands as a heading, a section that explains an objection.

use super::consequence::find_consequences;
use super::reassurance::help;
use super::{ToneSentence, ToneWord, is_finite_verb, marks};
use crate::morphology::Concept;
use crate::readability::Document;

/// Whether "als" at word `k` means "as", not "if": "als fraudeur bestempeld",
/// "beschouwen wij uw aanvraag als ingetrokken": a noun or a participle that
/// ends the sentence, with no verb of its own.
pub(super) fn as_role(words: &[ToneWord], k: usize) -> bool {
    use crate::morphology::FormKind;
    let participle = |w: &ToneWord| {
        w.morph.kind == FormKind::Participle
            || (w.lower() != w.lemma()
                && (w.lower().ends_with('d')
                    || w.lower().ends_with('t')
                    || w.lower().ends_with("en"))
                && crate::morphology::morphology().lemmas.is_verb(w.lemma())
                && (w.lower().starts_with("ge")
                    || w.lower().starts_with("be")
                    || w.lower().starts_with("ver")
                    || w.lower().contains("ge")))
    };
    let Some(next) = words.get(k + 1) else {
        return false;
    };
    if next.marks & super::marks::SUBJECT != 0 {
        return false;
    }
    let rest = &words[k + 1..];
    (rest.len() == 1 && participle(next))
        || (rest.len() == 2
            && (next.morph.kind == FormKind::Noun || !is_finite_verb(next))
            && participle(&rest[1]))
}

/// Whether "als" at word `k` compares ("even hoog als", "net zo hoog is als",
/// "zowel … als", "net als vorig jaar"), or names a role with no verb after it
/// ("u betaalt als boete hetzelfde bedrag"): no condition starts there.
pub(super) fn as_comparison(words: &[ToneWord], k: usize) -> bool {
    let before =
        |back: usize, forms: &[&str]| k >= back && forms.contains(&words[k - back].lower());
    // "net als", "evenveel als"; "zo hoog als", "even vaak als", "dezelfde regels
    // als"; "net zo hoog is als"; "zowel de toeslag als …".
    let compares = before(1, &["net", "evenveel", "evenzeer", "hetzelfde", "dezelfde"])
        || before(2, &["zo", "even", "dezelfde", "hetzelfde"])
        || (before(3, &["zo", "even"]) && before(1, &["is", "zijn", "was", "waren"]))
        || words[k.saturating_sub(6)..k]
            .iter()
            .any(|w| w.lower() == "zowel");
    let verbless_role = k >= 1
        && words
            .get(k + 1)
            .is_some_and(|next| next.marks & super::marks::SUBJECT == 0)
        && !words[k + 1..].iter().any(is_finite_verb);
    compares || verbless_role
}

/// Whether a word is a comparative before "dan" ("meer dan", "langer dan").
pub(super) fn comparative(word: &ToneWord) -> bool {
    matches!(
        word.lower(),
        "meer" | "minder" | "eerder" | "later" | "anders"
    ) || (word.lower().ends_with("er") && word.lemma() != word.lower())
}

/// Whether the sentence is a command: it opens with a verb stem that is not
/// followed by a subject ("Stuur de papieren op", "Reageer direct").
pub(crate) fn is_command(sentence: &ToneSentence) -> bool {
    let Some(first) = sentence.words.first() else {
        return false;
    };
    let lemmas = &crate::morphology::morphology().lemmas;
    let stem = (first.lemma() != first.lower() && lemmas.is_verb(first.lemma())
        || first.morph.others.split(',').any(|o| lemmas.is_verb(o)))
        // "Zet …", "Wacht …": a stem that ends in t ("zetten"), not "Betaalt u".
        && (!first.lower().ends_with('t')
            || first.lower() != "let" && first.lemma().strip_suffix("ten") == Some(first.lower())
            || first.morph.others.split(',').any(|o| o.strip_suffix("ten") == Some(first.lower())))
        && !first.lower().ends_with("en");
    // "Stuur je …?" asks; "Meld u …" (with the stem, not "Meldt u") still commands.
    stem && !sentence.is(1, &["ik", "je", "jij", "we", "wij", "ze", "zij", "hij"])
        && !sentence.question
}

/// Whether a block reads as a heading: a Markdown heading, or a paragraph of
/// at most eight words without a closing mark (".", "?", "!", ":", ";", ","),
/// as web pages and plain text write their headings ("Boetes en maatregelen").
pub(super) fn stands_as_heading(block: &crate::text::ProseBlock) -> bool {
    use crate::text::BlockKind;
    match block.kind {
        BlockKind::Heading => true,
        BlockKind::Paragraph => {
            // Asked for every sentence of the block: the end first, then at most nine words.
            let text = block.text.trim_end();
            !text.is_empty()
                && !text.ends_with(['.', '?', '!', ':', ';', ','])
                && text.split_whitespace().nth(8).is_none()
        }
        BlockKind::ListItem | BlockKind::TableCell => false,
    }
}

/// Whether a block is a label that leads into a list: at most eight words,
/// ending with ":", without a finite verb ("Voorbeelden van fraude:").
pub(super) fn is_label(block: &crate::text::ProseBlock, words: &[ToneWord]) -> bool {
    let text = block.text.trim_end();
    block.kind == crate::text::BlockKind::Paragraph
        && text.ends_with(':')
        && words.len() <= 8
        // The sentence that ends the block, with the colon.
        && words.last().is_some_and(|w| w.range().end + 1 == text.len())
        && !words.iter().any(is_finite_verb)
}

/// Marks the sentences of a block, or a section (from one heading to the
/// next), that explains an objection or an appeal: "Stuur een brief naar
/// Rechtbank Gelderland" there is the way to the court, no threat.
pub(super) fn objection_sections(doc: &Document<'_>, sentences: &mut [ToneSentence]) {
    let mut section = 0;
    let sections: Vec<usize> = doc
        .prose
        .blocks
        .iter()
        .enumerate()
        .map(|(b, block)| {
            if b > 0 && block.kind == crate::text::BlockKind::Heading {
                section += 1;
            }
            section
        })
        .collect();
    // Whether each section explains an objection: one flag a section, so each
    // sentence asks in constant time (a list of such sentences searched for every
    // sentence grew with the square of the text).
    let mut objection_sections = vec![false; section + 1];
    for sentence in sentences.iter() {
        if sentence.marks & marks::OBJECTION != 0 {
            objection_sections[sections[sentence.block]] = true;
        }
    }
    for sentence in sentences.iter_mut() {
        sentence.objection_block = objection_sections[sections[sentence.block]];
        // Only the court of an objection clause changes; the rest stays as built.
        if sentence.objection_block && sentence.concepts.contains(Concept::PoliceCourt) {
            sentence.consequence_words = find_consequences(sentence);
            sentence.help = help(sentence);
        }
    }
}
