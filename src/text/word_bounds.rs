//! Word boundaries as UAX #29 gives them (`split_word_bound_indices`), with a
//! fast path for ASCII text: the tokenizer in [`super::segment`] cuts every block
//! of text along these boundaries.

use unicode_segmentation::UnicodeSegmentation;

/// Word boundaries of `text`, exactly as `split_word_bound_indices` gives them.
///
/// ASCII text takes a fast path. Other text is cut at ASCII spaces, where UAX #29
/// always breaks (WB3d), and each ASCII piece takes the fast path while the rest
/// goes through `unicode-segmentation`. The only thing that joins across a space
/// is a combining mark or joiner right after it (WB4), so a text that has one
/// goes through `unicode-segmentation` whole.
pub fn word_bounds(text: &str) -> Box<dyn Iterator<Item = (usize, &str)> + '_> {
    if text.is_ascii() {
        return Box::new(AsciiWordBounds { text, at: 0 });
    }
    let has_marks = text.chars().any(|c| {
        matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{200B}'..='\u{200F}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}')
            || (c as u32) >= 0xE0000
    });
    if has_marks {
        return Box::new(text.split_word_bound_indices());
    }
    Box::new(
        SpaceChunks { text, at: 0 }.flat_map(|(offset, chunk, is_space)| {
            let pieces = if is_space {
                ChunkBounds::Whole(Some(chunk))
            } else if chunk.is_ascii() {
                ChunkBounds::Ascii(AsciiWordBounds { text: chunk, at: 0 })
            } else {
                ChunkBounds::Unicode(chunk.split_word_bound_indices())
            };
            pieces.map(move |(start, piece)| (offset + start, piece))
        }),
    )
}

/// The word bounds of one chunk, without boxing each chunk's iterator.
enum ChunkBounds<'a> {
    Whole(Option<&'a str>),
    Ascii(AsciiWordBounds<'a>),
    Unicode(unicode_segmentation::UWordBoundIndices<'a>),
}

impl<'a> Iterator for ChunkBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            ChunkBounds::Whole(chunk) => chunk.take().map(|c| (0, c)),
            ChunkBounds::Ascii(bounds) => bounds.next(),
            ChunkBounds::Unicode(bounds) => bounds.next(),
        }
    }
}

/// Runs of ASCII spaces and runs of everything else.
struct SpaceChunks<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for SpaceChunks<'a> {
    type Item = (usize, &'a str, bool);

    fn next(&mut self) -> Option<(usize, &'a str, bool)> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let is_space = *bytes.get(start)? == b' ';
        let end = bytes[start..]
            .iter()
            .position(|b| (*b == b' ') != is_space)
            .map_or(bytes.len(), |n| start + n);
        self.at = end;
        Some((start, &self.text[start..end], is_space))
    }
}

/// Word boundaries of ASCII text, the same as UAX #29 gives (`split_word_bound_indices`),
/// without the Unicode tables: letters and digits join, also across one inner
/// `.` or `'` between letters (and `:` between letters), or one `.`, `,`, `;`
/// or `'` between digits; `_` joins everything; a run of spaces is one piece;
/// `\r\n` is one piece; every other character is a piece of its own.
pub(crate) struct AsciiWordBounds<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for AsciiWordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = self.at;
        if start >= self.text.len() {
            return None;
        }
        let end = ascii_piece_end(self.text.as_bytes(), start);
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// The bytes that join into one piece: ASCII letters, digits and `_`, one
/// table lookup a byte (this runs for every byte of a text).
const JOINS: [bool; 256] = {
    let mut joins = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        joins[b] = byte.is_ascii_alphanumeric() || byte == b'_';
        b += 1;
    }
    joins
};

/// Where the piece of ASCII text that starts at `start` ends (see [`AsciiWordBounds`]).
pub(crate) fn ascii_piece_end(bytes: &[u8], start: usize) -> usize {
    let first = bytes[start];
    let is_alnum = |b: u8| JOINS[usize::from(b)];
    let mut end = start + 1;
    if is_alnum(first) {
        while end < bytes.len() {
            let b = bytes[end];
            if is_alnum(b) {
                end += 1;
                continue;
            }
            // One joining mark between two letters or two digits (UAX #29 WB6/7, WB11/12).
            let (Some(&before), Some(&after)) = (bytes.get(end - 1), bytes.get(end + 1)) else {
                break;
            };
            let letters = before.is_ascii_alphabetic()
                && after.is_ascii_alphabetic()
                && matches!(b, b'.' | b'\'' | b':');
            let digits = before.is_ascii_digit()
                && after.is_ascii_digit()
                && matches!(b, b'.' | b',' | b';' | b'\'');
            if letters || digits {
                end += 2;
            } else {
                break;
            }
        }
    } else if first == b' ' {
        while end < bytes.len() && bytes[end] == b' ' {
            end += 1;
        }
    } else if first == b'\r' && bytes.get(end) == Some(&b'\n') {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_path_splits_exactly_like_unicode_segmentation() {
        let samples = [
            "Stuur o.a. uw loonstrook, bijv. die van sept. 2026: EUR 1.250,00 of 3,5% (9.00 uur).",
            "auto's, e-mail, Jansen-de Vries, a:b, 4:5, 1.2.3, a.b.c., _x_y 12ab 3a.b 1'000 it's",
            "  twee  spaties\r\nen regels\n\ttab!? \"quote\" [x](y) {{ z }} a..b 1,,2 1..2 .5 5.",
            "www.waalmonde.nl/hulp info@waalmonde.nl +31 6 12345678 0488-442107 'quoted' d'r",
        ];
        for sample in samples {
            let fast: Vec<(usize, &str)> = AsciiWordBounds {
                text: sample,
                at: 0,
            }
            .collect();
            let reference: Vec<(usize, &str)> = sample.split_word_bound_indices().collect();
            assert_eq!(fast, reference, "{sample}");
        }
        // Mixed text: ASCII chunks on the fast path, the rest through the crate.
        for sample in [
            "Bel Jeroen Ćosić over € 1.250,00 of 3,5%.",
            "ideeën, coördinator, geüpload: café's €12",
            "é  é\u{0301} a\u{0308}b",
            "😀 x",
        ] {
            let ours: Vec<(usize, &str)> = word_bounds(sample).collect();
            let reference: Vec<(usize, &str)> = sample.split_word_bound_indices().collect();
            assert_eq!(ours, reference, "{sample}");
        }
        // And on every fixture text, line by line.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/texts");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                let fast: Vec<(usize, &str)> = word_bounds(line).collect();
                let reference: Vec<(usize, &str)> = line.split_word_bound_indices().collect();
                assert_eq!(fast, reference, "{line}");
            }
        }
    }
}
