//! Byte spans and line/column lookup.
//!
//! A [`Span`] is a byte range in the source the author edits: `start` is the
//! first byte, `end` is one past the last (end-exclusive), and both lie on
//! UTF-8 character boundaries. Lines and columns are computed only when a
//! finding is shown, by a [`LineIndex`]; both are 1-based, columns count characters.

use serde::Serialize;

/// A byte range in the source, end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span {
            start: range.start,
            end: range.end.max(range.start),
        }
    }
}

/// Line starts of a text, for turning byte offsets into line and column.
///
/// Columns count characters. To find one without counting from the start of
/// a long line every time (a paragraph of thousands of sentences is one
/// line, and each of its findings needs a column), the index also keeps how
/// many characters come before every [`CHECKPOINT_BYTES`]th byte: a lookup
/// counts at most that many bytes, so positions for all findings of a text
/// take time linear in the text.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// (byte offset on a character boundary, characters before it), every
    /// [`CHECKPOINT_BYTES`] bytes or so, starting with (0, 0).
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
pub const CHECKPOINT_BYTES: usize = 512;

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        if text.len() > CHECKPOINT_BYTES {
            let mut next = CHECKPOINT_BYTES;
            for (count, (at, _)) in text.char_indices().enumerate() {
                if at >= next {
                    checkpoints.push((at, count));
                    next = at + CHECKPOINT_BYTES;
                }
            }
        }
        LineIndex {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|start| *start <= offset)
    }

    /// The byte offset where a 1-based line starts; past the last line, the end of the text.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset) - 1;
        let start = self.line_starts[line];
        let column = self.chars_before(offset) - self.chars_before(start) + 1;
        (line + 1, column)
    }

    /// How many characters come before a byte offset (a byte of a character
    /// cut in two counts as one).
    fn chars_before(&self, offset: usize) -> usize {
        let at = self
            .checkpoints
            .partition_point(|(byte, _)| *byte <= offset)
            - 1;
        let (byte, count) = self.checkpoints[at];
        count
            + self
                .text
                .get(byte..offset)
                .map_or(offset - byte, |s| s.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let index = LineIndex::new("één\ntwee drie\n");
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(5), (1, 4));
        assert_eq!(index.line_col(6), (2, 1));
        assert_eq!(index.line_col(11), (2, 6));
        assert_eq!(index.line_col(100), (3, 1));
        assert_eq!(index.line(5), 1);
        assert_eq!(index.line(6), 2);
        assert_eq!(index.line_start(2), 6);
        assert_eq!(index.line_start(1), 0);
        assert_eq!(index.line_start(9), "één\ntwee drie\n".len());
    }

    #[test]
    fn columns_on_a_long_line_match_counting_from_its_start() {
        let text = format!("kop\n{}", "één twee drie. ".repeat(400));
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(37) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[start..offset].chars().count() + 1;
            assert_eq!(index.line_col(offset).1, expected, "{offset}");
        }
    }
}
