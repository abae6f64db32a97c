//! Dutch words and sentences (`unicode-segmentation` plus Dutch rules).
//!
//! Words follow Unicode word boundaries (UAX #29), so "o.a", "auto's" and
//! "1.250,00" are one token each; hyphenated words ("e-mail", "Jansen-de")
//! are joined. URLs, e-mail addresses, phone numbers, postcodes, amounts and
//! numeric dates are tokens of their own, never judged as words.
//!
//! A sentence ends at `?`, `!` and `.`, but not at the full stop of an
//! abbreviation (`bijv.`, from `readability/abbreviations.txt`), of initials
//! (`S.J.`), or inside a number (`€ 1.250,00`, `9.00 uur`); and a full stop
//! followed by a lower-case word does not end one either. Every block
//! (heading, paragraph, list item) ends a sentence.

use super::word_bounds::{ascii_piece_end, word_bounds};
use rustc_hash::FxHashSet;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word to read and judge.
    Word,
    /// A number (also a masked template value or code span).
    Number,
    /// A URL, e-mail address, phone number, postcode, amount or date.
    Special,
    /// A punctuation mark.
    Punct,
}

/// One token in a block's text: 12 bytes, so the tokens of a long text (the
/// largest list the lint makes) take half the memory of a `Range<usize>` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it starts in the block text (a byte offset).
    start: u32,
    /// Where it ends in the block text.
    end: u32,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// A token of `kind` at the byte range `range` of a block's text.
    pub fn new(kind: TokenKind, range: Range<usize>) -> Token {
        let offset = |at: usize| u32::try_from(at).expect("a block of text shorter than 4 GiB");
        Token {
            start: offset(range.start),
            end: offset(range.end),
            kind,
        }
    }

    /// Its byte range in the block text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Where it starts in the block text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where it ends in the block text.
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// One sentence: a byte range in the block text and a range of token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the block text.
    pub range: Range<usize>,
    /// Indices into the token list.
    pub tokens: Range<usize>,
}

/// A block's tokens and sentences.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// All sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// Splits a block's text into tokens and sentences.
pub fn segment(text: &str, abbreviations: &FxHashSet<&str>) -> Segmented {
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens, abbreviations);
    Segmented { tokens, sentences }
}

/// Tokens of a text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut specials: Vec<Range<usize>> = Vec::new();
    super::special::special_tokens(text, &mut specials);
    let mut tokens = Tokens {
        text,
        tokens: Vec::with_capacity(text.len() / 5),
        specials: &specials,
        next_special: 0,
    };
    if text.is_ascii() {
        // The pieces of `AsciiWordBounds` without the iterator: whitespace is
        // never a token, and no special token starts with it, so a run of it is
        // skipped without making a piece of it.
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if matches!(bytes[at], b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                at += 1;
                continue;
            }
            let end = ascii_piece_end(bytes, at);
            tokens.add(at, end);
            at = end;
        }
    } else {
        for (start, piece) in word_bounds(text) {
            tokens.add(start, start + piece.len());
        }
    }
    tokens.tokens
}

/// The tokens of a text as its word-bound pieces come in.
struct Tokens<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// The special tokens of the text, in order.
    specials: &'a [Range<usize>],
    /// The first special token that does not end before the current piece.
    next_special: usize,
}

impl Tokens<'_> {
    /// Adds the piece `start..end` (one piece of `word_bounds`): a piece of a
    /// special token adds that token once, whitespace adds nothing, and "e" "-"
    /// "mail" without spaces around the hyphen is one word.
    fn add(&mut self, start: usize, end: usize) {
        let (text, tokens) = (self.text, &mut self.tokens);
        while self.next_special < self.specials.len()
            && self.specials[self.next_special].end <= start
        {
            self.next_special += 1;
        }
        if let Some(special) = self.specials.get(self.next_special)
            && special.start < end
        {
            if tokens.last().is_none_or(|t| t.range() != *special) {
                tokens.push(Token::new(TokenKind::Special, special.clone()));
            }
            return;
        }
        let first = text.as_bytes()[start];
        let kind = if first.is_ascii() {
            if first.is_ascii_alphabetic() {
                TokenKind::Word
            } else if first.is_ascii_digit() {
                TokenKind::Number
            } else if matches!(first, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                return;
            } else {
                TokenKind::Punct
            }
        } else {
            let Some(first) = text[start..end].chars().next() else {
                return;
            };
            if first.is_alphabetic() {
                TokenKind::Word
            } else if first.is_numeric() {
                TokenKind::Number
            } else if first.is_whitespace() {
                return;
            } else {
                TokenKind::Punct
            }
        };
        // Join "e" "-" "mail" into one word when there is no space around the hyphen.
        if kind == TokenKind::Word
            && tokens.len() >= 2
            && tokens[tokens.len() - 1].kind == TokenKind::Punct
            && &text[tokens[tokens.len() - 1].range()] == "-"
            && tokens[tokens.len() - 1].range().start == tokens[tokens.len() - 2].range().end
            && tokens[tokens.len() - 1].range().end == start
            && tokens[tokens.len() - 2].kind == TokenKind::Word
        {
            tokens.pop();
            if let Some(previous) = tokens.last_mut() {
                *previous = Token::new(previous.kind, previous.start()..end);
            }
            return;
        }
        tokens.push(Token::new(kind, start..end));
    }
}

fn sentences(text: &str, tokens: &[Token], abbreviations: &FxHashSet<&str>) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let ends = token.kind == TokenKind::Punct && {
            let mark = &text[token.range()];
            match mark {
                "?" | "!" | "…" => true,
                "." => full_stop_ends_sentence(text, tokens, i, abbreviations),
                _ => false,
            }
        };
        if ends {
            // Closing quotes and brackets belong to the sentence they close.
            let mut last = i;
            while last + 1 < tokens.len()
                && tokens[last + 1].kind == TokenKind::Punct
                && matches!(
                    &text[tokens[last + 1].range()],
                    ")" | "\"" | "'" | "”" | "’" | "!" | "?" | "."
                )
            {
                last += 1;
            }
            push_sentence(&mut sentences, tokens, first..last + 1);
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if first < tokens.len() {
        push_sentence(&mut sentences, tokens, first..tokens.len());
    }
    sentences
}

fn push_sentence(sentences: &mut Vec<Sentence>, tokens: &[Token], range: Range<usize>) {
    let has_content = tokens[range.clone()]
        .iter()
        .any(|t| t.kind != TokenKind::Punct);
    if !has_content {
        // Stray punctuation joins the sentence before it.
        if let Some(previous) = sentences.last_mut() {
            previous.tokens.end = range.end;
            previous.range.end = tokens[range.end - 1].range().end;
        }
        return;
    }
    let start = tokens[range.start].range().start;
    let end = tokens[range.end - 1].range().end;
    sentences.push(Sentence {
        range: start..end,
        tokens: range,
    });
}

fn full_stop_ends_sentence(
    text: &str,
    tokens: &[Token],
    i: usize,
    abbreviations: &FxHashSet<&str>,
) -> bool {
    let dot = &tokens[i];
    if let Some(previous) = i.checked_sub(1).map(|p| &tokens[p])
        && previous.range().end == dot.range().start
        && previous.kind == TokenKind::Word
    {
        let word = &text[previous.range()];
        if is_initials(word) && !ends_a_code(text, tokens, i - 1) {
            return false;
        }
        // Abbreviations are short: look them up without allocating.
        let mut buffer = [0u8; 24];
        if word.len() < buffer.len() && word.is_ascii() {
            let with_dot = &mut buffer[..word.len() + 1];
            with_dot[..word.len()].copy_from_slice(word.as_bytes());
            with_dot[..word.len()].make_ascii_lowercase();
            with_dot[word.len()] = b'.';
            if std::str::from_utf8(with_dot).is_ok_and(|w| abbreviations.contains(w)) {
                return false;
            }
        }
    }
    // "…, zie blz. 3" or an unknown abbreviation: a lower-case word after the full stop continues the sentence.
    match tokens[i + 1..].iter().find(|t| t.kind != TokenKind::Punct) {
        Some(next) => !text[next.range()].starts_with(|c: char| c.is_lowercase()),
        None => true,
    }
}

/// Whether the word at `w` is the last part of a code such as "1234-X": glued by a
/// hyphen or slash to a number or word before it. Such a letter is not an initial,
/// so a full stop after it ends the sentence ("J.-P." stays initials: a full stop
/// comes before its hyphen).
fn ends_a_code(text: &str, tokens: &[Token], w: usize) -> bool {
    let (Some(joiner), Some(before)) = (
        w.checked_sub(1).map(|j| &tokens[j]),
        w.checked_sub(2).map(|b| &tokens[b]),
    ) else {
        return false;
    };
    joiner.range().end == tokens[w].range().start
        && matches!(&text[joiner.range()], "-" | "/")
        && before.range().end == joiner.range().start
        && matches!(before.kind, TokenKind::Number | TokenKind::Word)
}

/// "S", "S.J", "A.B.C": one or more single letters joined by full stops, the first a capital.
fn is_initials(word: &str) -> bool {
    let mut parts = word.split('.');
    let first_ok = parts
        .next()
        .is_some_and(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    first_ok && parts.all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn a_token_takes_12_bytes() {
        // The tokens are the largest list a lint makes: with two `usize`
        // offsets they took twice the memory, written once and read by every rule.
        assert_eq!(std::mem::size_of::<Token>(), 12);
    }

    fn abbreviations() -> FxHashSet<&'static str> {
        crate::lexicon::lexicon().abbreviations.clone()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let segmented = segment(text, &abbreviations());
        segmented
            .sentences
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect()
    }

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| (&text[t.range()], t.kind))
            .collect()
    }

    #[test]
    fn sentences_end_at_full_stops_questions_and_exclamations() {
        assert_eq!(
            sentence_texts("Wij helpen u. Hebt u vragen? Bel ons!"),
            vec!["Wij helpen u.", "Hebt u vragen?", "Bel ons!"]
        );
    }

    #[test]
    fn abbreviations_do_not_end_a_sentence() {
        for text in [
            "Stuur o.a. uw loonstrook. Dan weten we meer.",
            "Denk bijv. aan huur. Dan weten we meer.",
            "Dat is d.w.z. per maand. Dan weten we meer.",
            "Lees art. 18 van de wet. Dan weten we meer.",
            "Het gaat om nr. 12 op de lijst. Dan weten we meer.",
            "Dat geldt van 1 t/m 5 december. Dan weten we meer.",
            "U spreekt met mr. De Boer. Dan weten we meer.",
            "Bel dhr. Jansen of mevr. Pietersen. Dan weten we meer.",
            "Stuur het z.s.m. terug. Dan weten we meer.",
            "Dit is i.v.m. de verhuizing. Dan weten we meer.",
        ] {
            assert_eq!(
                sentence_texts(text).len(),
                2,
                "{text}: {:?}",
                sentence_texts(text)
            );
        }
    }

    #[test]
    fn numbers_times_and_dates_do_not_end_a_sentence() {
        for text in [
            "U krijgt € 1.250,00 per maand. Dan weten we meer.",
            "Het is 3,5 procent. Dan weten we meer.",
            "Kom om 9.00 uur naar de balie. Dan weten we meer.",
            "Dat was op 1 jan. 2027 al zo. Dan weten we meer.",
            "Bel S.J. van der Berg op dinsdag. Dan weten we meer.",
            "Bel J.-P. de Wit op dinsdag. Dan weten we meer.",
        ] {
            assert_eq!(
                sentence_texts(text).len(),
                2,
                "{text}: {:?}",
                sentence_texts(text)
            );
        }
    }

    #[test]
    fn a_letter_at_the_end_of_a_code_is_not_an_initial() {
        for text in [
            "Uw dossier heeft nummer 1234-X. Dan weten we meer.",
            "Het gaat om kamer 12/B. Dan weten we meer.",
            "Noem de code AB-C. Dan weten we meer.",
        ] {
            assert_eq!(
                sentence_texts(text).len(),
                2,
                "{text}: {:?}",
                sentence_texts(text)
            );
        }
    }

    #[test]
    fn special_tokens_are_not_words() {
        let found = words(
            "Mail naar info@waalmonde.nl of kijk op www.waalmonde.nl/hulp en bel 0488 44 21 07 of 14 0488. Postcode 6512 KT, € 73,62 op 23-11-2026 naar NL91 BNGH 0285 1234 56.",
        );
        let specials: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == TokenKind::Special)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(
            specials,
            vec![
                "info@waalmonde.nl",
                "www.waalmonde.nl/hulp",
                "0488 44 21 07",
                "14 0488",
                "6512 KT",
                "€ 73,62",
                "23-11-2026",
                "NL91 BNGH 0285 1234 56"
            ]
        );
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        let found: Vec<&str> = words("auto's en e-mail van Jansen-de Vries")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            found,
            vec!["auto's", "en", "e-mail", "van", "Jansen-de", "Vries"]
        );
    }

    /// The tokens as `tokenize` made them from every piece of
    /// `split_word_bound_indices`, whitespace included, before the ASCII loop.
    fn tokenize_from_every_piece(text: &str) -> Vec<Token> {
        let mut specials = Vec::new();
        crate::text::special::special_tokens(text, &mut specials);
        let mut tokens: Vec<Token> = Vec::new();
        let mut next_special = 0;
        for (start, piece) in text.split_word_bound_indices() {
            let end = start + piece.len();
            while next_special < specials.len() && specials[next_special].end <= start {
                next_special += 1;
            }
            if let Some(special) = specials.get(next_special)
                && special.start < end
            {
                if tokens.last().is_none_or(|t| t.range() != *special) {
                    tokens.push(Token::new(TokenKind::Special, special.clone()));
                }
                continue;
            }
            let Some(first) = piece.chars().next() else {
                continue;
            };
            let kind = if first.is_alphabetic() {
                TokenKind::Word
            } else if first.is_numeric() {
                TokenKind::Number
            } else if first.is_whitespace() {
                continue;
            } else {
                TokenKind::Punct
            };
            let n = tokens.len();
            if kind == TokenKind::Word
                && n >= 2
                && tokens[n - 1].kind == TokenKind::Punct
                && &text[tokens[n - 1].range()] == "-"
                && tokens[n - 1].range().start == tokens[n - 2].range().end
                && tokens[n - 1].range().end == start
                && tokens[n - 2].kind == TokenKind::Word
            {
                tokens.pop();
                if let Some(previous) = tokens.last_mut() {
                    *previous = Token::new(previous.kind, previous.start()..end);
                }
                continue;
            }
            tokens.push(Token::new(kind, start..end));
        }
        tokens
    }

    #[test]
    fn tokens_are_those_made_from_every_piece_of_the_word_bounds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines().chain([text.as_str()]) {
                assert_eq!(tokenize(line), tokenize_from_every_piece(line), "{line}");
            }
        }
        const PIECES: &[&str] = &[
            "de", "Uw", "e", "-", "mail", " ", "  ", "\t", "\r\n", "\r", "\n", "\u{b}", "\u{c}",
            "\u{1f}", ".", ",", "'", ":", ";", "_", "12", "0488", "€", "www.", "x@y.nl", "é", "Ć",
            "1.250,00", "NL91 ", "ABCD", "6512 KT", "o.a.", "(", ")", "?", "!", "\u{a0}",
        ];
        let mut state: u64 = 0x5DEE_CE66_D1CE_4E5B;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut text = String::new();
        for _ in 0..50_000 {
            text.clear();
            for _ in 0..1 + next(14) {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            assert_eq!(
                tokenize(&text),
                tokenize_from_every_piece(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_colon_before_a_list_ends_the_sentence() {
        let prose = crate::text::from_markdown(
            "Stuur ons deze papieren:\n\n- uw loonstrook\n- uw huurcontract\n",
        );
        let texts: Vec<&str> = prose.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Stuur ons deze papieren:",
                "uw loonstrook",
                "uw huurcontract"
            ]
        );
        assert_eq!(
            sentence_texts("Stuur ons deze papieren:"),
            vec!["Stuur ons deze papieren:"]
        );
    }

    #[test]
    fn a_sentence_without_an_end_mark_still_counts() {
        assert_eq!(sentence_texts("Wat moet u doen"), vec!["Wat moet u doen"]);
        assert_eq!(
            sentence_texts("Eerst dit. Dan dat"),
            vec!["Eerst dit.", "Dan dat"]
        );
    }
}
