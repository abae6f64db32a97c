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
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
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
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line + 1, column)
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
}
