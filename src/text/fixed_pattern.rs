//! Small fixed patterns over text, matched by hand: a few words with spaces,
//! digits and word boundaries between them ("binnen 14 dagen", "4 januari").
//!
//! They answer as the `regex` crate answers for the same pattern written with
//! `(?i)`, Unicode `\s` and the ASCII word boundary `(?-u:\b)`, leftmost-first,
//! but need no compiling: a `Regex` of such a pattern takes 0.3-1.2 ms to build,
//! which a `helder lint` of one letter pays at every start. Case is folded as
//! the regex crate folds it for these letters: ASCII case, the Kelvin sign as
//! "k", the long s as "s" and "É" as "é". The tests hold every pattern against
//! its regex on the fixture texts and on generated texts.

use std::ops::Range;

/// One step of a pattern.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step {
    /// An ASCII word boundary, as `(?-u:\b)`: a word byte ([0-9A-Za-z_]) on one side only.
    Boundary,
    /// One or more whitespace characters (Unicode `\s`, the no-break space included).
    Space,
    /// `min` to `max` ASCII digits, as many as possible first.
    Digits {
        /// The fewest digits.
        min: usize,
        /// The most digits.
        max: usize,
    },
    /// One letter a-z, ignoring case (as `(?i)[a-z]`: the Kelvin sign and the long s too).
    Letter,
    /// This text, ignoring case (lower case in the pattern).
    Text(&'static str),
    /// One of these texts, ignoring case, tried in order.
    OneOf(&'static [&'static str]),
    /// One of these step sequences, tried in order.
    Either(&'static [&'static [Step]]),
}

/// A pattern: alternatives tried in order at each place, as `a|b|c`, with
/// the bytes each alternative can start with (worked out when the pattern is
/// made, so the search skips every other byte with one table lookup and tries
/// only the alternatives that can start there).
pub(crate) struct Pattern {
    /// The alternatives, at most 64.
    alternatives: &'static [&'static [Step]],
    /// For each byte, the alternatives that can start with it: bit `i` for alternative `i`.
    starts: [u64; 256],
    /// Every alternative starts with a word boundary: a place without one is skipped at once.
    at_boundary: bool,
}

impl Pattern {
    /// A pattern of these alternatives.
    pub(crate) const fn new(alternatives: &'static [&'static [Step]]) -> Pattern {
        assert!(alternatives.len() <= 64, "at most 64 alternatives");
        let mut starts = [0; 256];
        let mut at_boundary = true;
        let mut i = 0;
        while i < alternatives.len() {
            mark_starts(alternatives[i], &mut starts, 1 << i);
            at_boundary &= matches!(alternatives[i].first(), Some(Step::Boundary));
            i += 1;
        }
        Pattern {
            alternatives,
            starts,
            at_boundary,
        }
    }
}

/// Sets `bit` in `starts` for every byte a match of `steps` can start with;
/// for every byte when the steps can match nothing at all (never in the patterns here).
const fn mark_starts(steps: &[Step], starts: &mut [u64; 256], bit: u64) {
    let mut i = 0;
    // A boundary takes no character: the next step starts the match.
    while i < steps.len() && matches!(steps[i], Step::Boundary) {
        i += 1;
    }
    if i == steps.len() {
        let mut b = 0;
        while b < 256 {
            starts[b] |= bit;
            b += 1;
        }
        return;
    }
    match steps[i] {
        Step::Boundary => {}
        Step::Space => {
            // ASCII spaces, and the lead bytes of U+0085, U+00A0 (C2), U+1680 (E1),
            // U+2000-U+205F (E2) and U+3000 (E3).
            let mut b = 0;
            while b < 256 {
                if (b as u8).is_ascii_whitespace() || b == 0x0B {
                    starts[b] |= bit;
                }
                b += 1;
            }
            starts[0xC2] |= bit;
            starts[0xE1] |= bit;
            starts[0xE2] |= bit;
            starts[0xE3] |= bit;
        }
        Step::Digits { .. } => {
            let mut b = b'0';
            while b <= b'9' {
                starts[b as usize] |= bit;
                b += 1;
            }
        }
        Step::Letter => {
            let mut b = b'a';
            while b <= b'z' {
                mark_letter(b, starts, bit);
                b += 1;
            }
        }
        Step::Text(text) => mark_letter(text.as_bytes()[0], starts, bit),
        Step::OneOf(texts) => {
            let mut t = 0;
            while t < texts.len() {
                mark_letter(texts[t].as_bytes()[0], starts, bit);
                t += 1;
            }
        }
        Step::Either(choices) => {
            let mut c = 0;
            while c < choices.len() {
                mark_starts(choices[c], starts, bit);
                c += 1;
            }
        }
    }
}

/// Marks the bytes a character that starts with `byte` can start with in the
/// text, ignoring case: both ASCII cases, the Kelvin sign for "k", the long s
/// for "s", and the lead byte of "é" and "É" (C3) for itself.
const fn mark_letter(byte: u8, starts: &mut [u64; 256], bit: u64) {
    starts[byte as usize] |= bit;
    starts[byte.to_ascii_uppercase() as usize] |= bit;
    match byte {
        b'k' => starts[0xE2] |= bit,
        b's' => starts[0xC5] |= bit,
        _ => {}
    }
}

/// The steps still to match: these, then the rest.
struct Continuation<'a> {
    steps: &'a [Step],
    then: Option<&'a Continuation<'a>>,
}

/// Whether a byte is a word byte for the ASCII word boundary.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Whether byte offset `at` of `text` is an ASCII word boundary.
fn boundary(text: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word_byte(text[at - 1]);
    let after = at < text.len() && is_word_byte(text[at]);
    before != after
}

/// A character as the patterns compare it: lower case for the letters they hold.
fn fold(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        'É' => 'é',
        _ => c.to_ascii_lowercase(),
    }
}

/// The end of `literal` (lower case) when `text` holds it at `at`, ignoring case.
fn text_at(text: &str, at: usize, literal: &str) -> Option<usize> {
    // ASCII against ASCII compares bytes: an ASCII character folds to its
    // lower case only. Where either side is not ASCII (a Kelvin sign, a long s,
    // an "É"), the characters are compared one by one below.
    let bytes = text.as_bytes();
    for (i, &wanted) in literal.as_bytes().iter().enumerate() {
        match bytes.get(at + i) {
            Some(&byte) if byte.is_ascii() && wanted.is_ascii() => {
                if byte.to_ascii_lowercase() != wanted {
                    return None;
                }
            }
            Some(_) => return text_at_by_character(text, at, literal),
            // No folded character is shorter than its text: too few bytes left.
            None => return None,
        }
    }
    Some(at + literal.len())
}

/// [`text_at`] one character at a time, folding each.
fn text_at_by_character(text: &str, at: usize, literal: &str) -> Option<usize> {
    let mut rest = text[at..].char_indices();
    for wanted in literal.chars() {
        let (_, c) = rest.next()?;
        if fold(c) != wanted {
            return None;
        }
    }
    Some(rest.next().map_or(text.len(), |(offset, _)| at + offset))
}

/// The end of a match of `then` from `at`, trying the choices in order.
fn run(text: &str, at: usize, then: &Continuation<'_>) -> Option<usize> {
    let Some((step, steps)) = then.steps.split_first() else {
        return match then.then {
            Some(next) => run(text, at, next),
            None => Some(at),
        };
    };
    let rest = Continuation {
        steps,
        then: then.then,
    };
    match *step {
        Step::Boundary => boundary(text.as_bytes(), at)
            .then(|| run(text, at, &rest))
            .flatten(),
        Step::Space => {
            // The longest run of whitespace first, then one character shorter each time.
            let run_end = text[at..]
                .char_indices()
                .find(|(_, c)| !c.is_whitespace())
                .map_or(text.len(), |(offset, _)| at + offset);
            text[at..run_end]
                .char_indices()
                .rev()
                .find_map(|(offset, c)| run(text, at + offset + c.len_utf8(), &rest))
        }
        Step::Digits { min, max } => {
            let run_length = text.as_bytes()[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            (min..=max.min(run_length))
                .rev()
                .find_map(|length| run(text, at + length, &rest))
        }
        Step::Letter => text[at..]
            .chars()
            .next()
            .filter(|&c| fold(c).is_ascii_lowercase())
            .and_then(|c| run(text, at + c.len_utf8(), &rest)),
        Step::Text(literal) => text_at(text, at, literal).and_then(|end| run(text, end, &rest)),
        Step::OneOf(literals) => literals
            .iter()
            .find_map(|literal| text_at(text, at, literal).and_then(|end| run(text, end, &rest))),
        Step::Either(choices) => choices.iter().find_map(|steps| {
            run(
                text,
                at,
                &Continuation {
                    steps,
                    then: Some(&rest),
                },
            )
        }),
    }
}

/// The match that starts at `at`, if any: the first of `alternatives` (bit
/// `i` for alternative `i` of `pattern`) that matches.
fn match_at(text: &str, at: usize, pattern: &Pattern, mut alternatives: u64) -> Option<usize> {
    while alternatives != 0 {
        let i = alternatives.trailing_zeros() as usize;
        alternatives &= alternatives - 1;
        let steps = pattern.alternatives[i];
        if let Some(end) = run(text, at, &Continuation { steps, then: None }) {
            return Some(end);
        }
    }
    None
}

/// The matches of `pattern` in `text`, leftmost first and not overlapping.
pub(crate) fn find_iter<'a>(
    text: &'a str,
    pattern: &'a Pattern,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < bytes.len() {
            let at = from;
            from += 1;
            // A start byte is ASCII or the lead byte of a character, so `at` is
            // where a character starts.
            let alternatives = pattern.starts[usize::from(bytes[at])];
            if alternatives == 0 || (pattern.at_boundary && !boundary(bytes, at)) {
                continue;
            }
            if let Some(end) = match_at(text, at, pattern, alternatives) {
                // Every pattern here matches at least one character.
                from = end.max(from);
                return Some(at..end);
            }
        }
        None
    })
}

/// Whether `pattern` matches anywhere in `text`.
pub(crate) fn is_match(text: &str, pattern: &Pattern) -> bool {
    find_iter(text, pattern).next().is_some()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Holding a hand-matched pattern against the regex it replaces.

    use super::{Pattern, find_iter};
    use regex::Regex;

    /// Pieces the generated texts are made of: the patterns' words in several
    /// cases, near misses, digits, the characters that fold and other spaces.
    const PIECES: &[&str] = &[
        "binnen",
        "Binnen",
        "BINNEN",
        "binnenkort",
        "14",
        "3",
        "123",
        "1",
        "een",
        "één",
        "ÉÉN",
        "Eén",
        "twee",
        "veertien",
        "tien",
        "dag",
        "dagen",
        "dagelijks",
        "werkdagen",
        "wer\u{212A}dag",
        "week",
        "weken",
        "maand",
        "maanden",
        "zo",
        "Zo",
        "spoedig",
        "snel",
        "\u{17F}nel",
        "mogelijk",
        "mogelijkheid",
        "z.s.m.",
        "Z.S.M.",
        "z.s.m",
        "per",
        "omgaande",
        "na",
        "dagtekening",
        "op",
        "korte",
        "termijn",
        "januari",
        "Maart",
        "o\u{212A}tober",
        "decembers",
        "4",
        "04",
        "2027",
        "12345",
        "-",
        "_",
        ".",
        ",",
        "a",
        "é",
        "x1",
        "artikel",
        "Art.",
        "art",
        "lid",
        "LID",
        "awb",
        "Participatiewet",
        "algemene wet bestuursrecht",
        "Algemene",
        "wet",
        ":",
        "4:6",
        "18a",
        "ab",
        "\u{212A}",
        "september",
        "augustus",
        "oktober",
    ];

    /// What stands between pieces.
    const GAPS: &[&str] = &[
        "", " ", "  ", "\u{a0}", "\u{202f}", "\n", "\t", " - ", "é", "_",
    ];

    /// Asserts that `pattern` finds what `regex` finds, in the same places, in
    /// `texts` and in `generated` texts made of the patterns' pieces.
    #[track_caller]
    pub(crate) fn assert_same_as_regex(
        pattern: &Pattern,
        regex: &str,
        texts: &[&str],
        generated: usize,
    ) {
        let regex = Regex::new(regex).unwrap();
        let check = |text: &str| {
            let expected: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
            let found: Vec<_> = find_iter(text, pattern).collect();
            assert_eq!(found, expected, "{text:?}");
        };
        for text in texts {
            check(text);
        }
        // A small generator with a fixed seed: the same texts every run.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).expect("a small number")
        };
        let mut text = String::new();
        for _ in 0..generated {
            text.clear();
            for _ in 0..1 + next(8) {
                text.push_str(GAPS[next(GAPS.len())]);
                text.push_str(PIECES[next(PIECES.len())]);
            }
            check(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::assert_same_as_regex;
    use super::*;

    const WORDS: &Pattern = &Pattern::new(&[
        &[
            Step::Boundary,
            Step::Text("zo"),
            Step::Space,
            Step::OneOf(&["snel", "spoedig"]),
            Step::Boundary,
        ],
        &[
            Step::Boundary,
            Step::Digits { min: 1, max: 2 },
            Step::Text("-"),
            Step::Digits { min: 4, max: 4 },
            Step::Boundary,
        ],
        &[
            Step::Boundary,
            Step::Either(&[
                &[Step::Digits { min: 1, max: 9 }],
                &[Step::OneOf(&["een", "één"])],
            ]),
            Step::Space,
            Step::OneOf(&["dag", "dagen"]),
            Step::Boundary,
        ],
    ]);

    #[test]
    fn the_steps_match_as_their_regex_does() {
        assert_same_as_regex(
            WORDS,
            r"(?i)(?-u:\b)zo\s+(snel|spoedig)(?-u:\b)|(?-u:\b)[0-9]{1,2}-[0-9]{4}(?-u:\b)|(?-u:\b)([0-9]{1,9}|een|één)\s+(dag|dagen)(?-u:\b)",
            &[
                "Zo snel",
                "zo  spoedig!",
                "12-2027 en 3 dagen",
                "één\u{a0}dag",
                "ÉÉN DAGEN",
                "zo\u{17F}nel",
            ],
            20_000,
        );
    }

    #[test]
    fn case_folds_as_the_regex_folds_it() {
        assert!(is_match(
            "WER\u{212A}",
            &Pattern::new(&[&[Step::Text("werk")]])
        ));
        assert!(is_match(
            "\u{17F}nel",
            &Pattern::new(&[&[Step::Text("snel")]])
        ));
        assert!(!is_match("ı", &Pattern::new(&[&[Step::Text("i")]])));
    }
}
