//! The words of each sentence with what the wording and sentence rules ask of
//! them: the text, the lower case, the lemma and separable verb from the
//! morphology layer, and where clauses end. Built from the analysed
//! [`Document`]; nothing is tokenised again.

use crate::morphology::{FormKind, TokenMorph, WordMorph};
use crate::readability::Document;
use crate::text::segment::TokenKind;
use std::ops::Range;

/// One token of a sentence: a word or a punctuation mark.
#[derive(Debug, Clone)]
pub(crate) struct Word<'d> {
    /// The text as written.
    pub(crate) text: &'d str,
    /// Lower case.
    pub(crate) lower: &'d str,
    /// Byte range in the block text.
    pub(crate) range: Range<usize>,
    /// A word (not a number, code or punctuation mark).
    pub(crate) is_word: bool,
    /// What the morphology layer knows of a word.
    pub(crate) morph: Option<&'d WordMorph>,
    /// The word as the morphology layer lists it in its sentence.
    token: Option<&'d TokenMorph>,
}

impl Word<'_> {
    /// The index of the word's form in the morphology layer (for
    /// [`crate::lint::rules::cues::Cues::form_is`]).
    pub(crate) fn form(&self) -> Option<usize> {
        self.token.map(TokenMorph::word)
    }

    /// The separable verb the word is part of ("zet" in "zet … stop").
    pub(crate) fn separable(&self) -> Option<&'static str> {
        self.token.and_then(|t| t.separable)
    }

    /// Whether the word is a form of some verb (its lemma, or its main reading, is a verb).
    pub(crate) fn is_verb_form(&self) -> bool {
        self.morph.is_some_and(|m| {
            m.kind == FormKind::Verb
                || (m.kind == FormKind::Participle && m.verb.is_some())
                || (m.kind == FormKind::Own && m.verb.as_deref() == Some(m.lemma.as_str()))
        })
    }

    /// Whether the token closes a clause: a comma, semicolon, colon, bracket or dash.
    pub(crate) fn ends_clause(&self) -> bool {
        !self.is_word && is_clause_mark(self.text)
    }
}

/// Whether a token is a punctuation mark that closes a clause: a comma,
/// semicolon, colon, bracket or dash.
pub(crate) fn is_clause_mark(text: &str) -> bool {
    matches!(text, "," | ";" | ":" | "(" | ")" | "–" | "—")
}

/// The tokens of sentence `index` of the document, with their morphology,
/// written into `words` (cleared first): a rule that looks at many sentences
/// keeps one buffer for all of them instead of allocating one a sentence.
pub(crate) fn sentence_words_into<'d>(
    doc: &'d Document<'_>,
    index: usize,
    words: &mut Vec<Word<'d>>,
) {
    words.clear();
    let sentence = &doc.sentences[index];
    let block = doc.prose.blocks[sentence.block].text.as_str();
    let tokens = &doc.segments[sentence.block].tokens[sentence.tokens.clone()];
    let morphology = doc.morphology();
    // The sentence's words in token order: each token takes the next one when it is its token.
    let morphs = morphology.sentence(index);
    let mut next_morph = 0;
    words.reserve(tokens.len());
    for ((offset, token), lower) in tokens
        .iter()
        .enumerate()
        .zip(doc.lowers(sentence.block, sentence.tokens.clone()))
    {
        let position = sentence.tokens.start + offset;
        let morph = match morphs.get(next_morph) {
            Some(m) if m.token() == position => {
                next_morph += 1;
                Some(m)
            }
            _ => None,
        };
        words.push(Word {
            text: &block[token.range()],
            lower,
            range: token.range(),
            is_word: token.kind == TokenKind::Word,
            morph: morph.map(|m| morphology.word(m)),
            token: morph,
        });
    }
}

/// The index range of the clause around token `at`: from after the previous
/// clause mark or clause word to before the next one.
pub(crate) fn clause_around(words: &[Word<'_>], at: usize) -> Range<usize> {
    let start = (0..at)
        .rev()
        .find(|&i| words[i].ends_clause() || starts_clause(words[i].lower))
        .map_or(0, |i| i + 1);
    let end = (at + 1..words.len())
        .find(|&i| words[i].ends_clause() || starts_clause(words[i].lower))
        .unwrap_or(words.len());
    start..end
}

/// Words that start a new clause.
pub(crate) fn starts_clause(lower: &str) -> bool {
    matches!(
        lower,
        "en" | "maar"
            | "want"
            | "omdat"
            | "doordat"
            | "als"
            | "wanneer"
            | "indien"
            | "dat"
            | "die"
            | "zodat"
            | "terwijl"
            | "nadat"
            | "voordat"
            | "totdat"
            | "tenzij"
            | "hoewel"
            | "of"
            | "dan"
            | "waardoor"
            | "waarin"
            | "waarmee"
            | "waarvoor"
            | "waarop"
    )
}

/// The source span of words `range` of sentence `index` (first to last, inclusive).
pub(crate) fn span_of(
    doc: &Document<'_>,
    index: usize,
    words: &[Word<'_>],
    range: Range<usize>,
) -> crate::lint::Span {
    let block = doc.sentences[index].block;
    let bytes = words[range.start].range.start..words[range.end - 1].range.end;
    doc.source_range(block, bytes).into()
}
