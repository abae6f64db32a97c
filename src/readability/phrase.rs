//! Finding words and phrases from a data file (formal words, tone phrases) in a sentence.
//!
//! Every form is indexed by its anchor, its longest word; the document records
//! which sentences hold an anchor, so only those are searched. Words are
//! compared in place, without copies for ASCII text.

use super::{Document, SentenceFacts};
use crate::lexicon::PhraseForm;
use crate::lexicon::lowercase_into;
use crate::text::segment::TokenKind;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// One found form: where it is in the block text, and which entry it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    /// Byte range in the block's text.
    pub(crate) range: Range<usize>,
    /// The entry in the data list.
    pub(crate) entry: usize,
}

/// The buffers [`find_into`] works in, kept by a caller that searches many
/// sentences so that a sentence costs no allocation.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The sentence's words and commas.
    words: Vec<Range<usize>>,
    /// Whether each of them can be an anchor.
    may_anchor: Vec<bool>,
    /// A word in lower case.
    lower: String,
}

/// The forms of `by_anchor` in `sentence`, left to right, not overlapping.
/// `anchor` is the lexicon class every anchor of `by_anchor` has
/// ([`crate::lexicon::FORMAL_ANCHOR`], [`crate::lexicon::TONE_ANCHOR`]): a word
/// the document judged without it is no anchor and is not looked up.
/// `needs_later(entry)` names a word that must follow in the sentence ("dient … te").
/// The matches are written into `found` (cleared first); the work is done in
/// `scratch`, so a caller that searches many sentences allocates nothing a sentence.
pub(crate) fn find_into<'l>(
    doc: &Document<'_>,
    sentence: &SentenceFacts,
    by_anchor: &FxHashMap<String, Vec<PhraseForm>>,
    anchor: u16,
    needs_later: impl Fn(usize) -> Option<&'l str>,
    scratch: &mut Scratch,
    found: &mut Vec<PhraseMatch>,
) {
    found.clear();
    let text = doc.prose.blocks[sentence.block].text.as_str();
    // Words, and commas, so that "needs-later" can ask for a comma; with each,
    // whether it can be an anchor (numbers and other tokens are asked as before).
    let mut next_word = sentence.words_start;
    let Scratch {
        words,
        may_anchor,
        lower,
    } = scratch;
    words.clear();
    may_anchor.clear();
    for t in &doc.segments[sentence.block].tokens[sentence.tokens.clone()] {
        if t.kind == TokenKind::Punct && &text[t.range()] != "," {
            continue;
        }
        let anchors = if t.kind == TokenKind::Word {
            next_word += 1;
            doc.words[next_word - 1].class & anchor != 0
        } else {
            true
        };
        words.push(t.range());
        may_anchor.push(anchors);
    }
    let same = |range: &Range<usize>, word: &str| {
        let found = &text[range.clone()];
        if found.is_ascii() {
            found.eq_ignore_ascii_case(word)
        } else {
            found.to_lowercase() == word
        }
    };
    // Words before this index belong to a match already found.
    let mut next_free = 0;
    for i in 0..words.len() {
        if !may_anchor[i] {
            continue;
        }
        lowercase_into(lower, &text[words[i].clone()]);
        let Some(forms) = by_anchor.get(lower.as_str()) else {
            continue;
        };
        let matched = forms.iter().find_map(|form| {
            let start = i
                .checked_sub(form.anchor)
                .filter(|start| *start >= next_free)?;
            let fits = form
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| words.get(start + k).is_some_and(|r| same(r, w)));
            let later_ok = match needs_later(form.entry) {
                Some(later) => words
                    .get(start + form.words.len()..)
                    .is_some_and(|rest| rest.iter().any(|r| same(r, later))),
                None => true,
            };
            (fits && later_ok).then_some((start, form))
        });
        if let Some((start, form)) = matched {
            let end = start + form.words.len();
            found.push(PhraseMatch {
                range: words[start].start..words[end - 1].end,
                entry: form.entry,
            });
            next_free = end;
        }
    }
}

/// The tone phrases of the whole text, by sentence index (searched once a text).
pub(crate) fn tone_matches<'a>(doc: &'a Document<'_>) -> &'a [(usize, PhraseMatch)] {
    doc.tone_matches.get_or_init(|| {
        let lexicon = crate::lexicon::lexicon();
        let mut found = Vec::new();
        let mut scratch = Scratch::default();
        let mut matches = Vec::new();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            if sentence.tone & crate::lexicon::TONE_ANCHOR != 0 {
                find_into(
                    doc,
                    sentence,
                    &lexicon.tone_by_anchor,
                    crate::lexicon::TONE_ANCHOR,
                    |_| None,
                    &mut scratch,
                    &mut matches,
                );
                found.extend(matches.drain(..).map(|m| (index, m)));
            }
        }
        found
    })
}
