//! How a word reads in its place: "als" meaning "as" ("als fraudeur
//! bestempeld"), and a comparative before "dan" ("meer dan").

use super::{ToneWord, is_finite_verb};

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

/// Whether a word is a comparative before "dan" ("meer dan", "langer dan").
pub(super) fn comparative(word: &ToneWord) -> bool {
    matches!(
        word.lower(),
        "meer" | "minder" | "eerder" | "later" | "anders"
    ) || (word.lower().ends_with("er") && word.lemma() != word.lower())
}
