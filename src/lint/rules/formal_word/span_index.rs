//! Which formal verbs a formal-word phrase overlaps: the spans the rule found,
//! searched by block and start.

/// The spans of the formal verbs found, for the question whether a phrase
/// overlaps one: a binary search, not a walk over all of them for every phrase
/// (that was quadratic in the length of a text).
pub(super) struct SpanIndex {
    /// The spans by block and start.
    spans: Vec<(usize, std::ops::Range<usize>)>,
    /// For each span, the furthest end of it and the spans before it in its block.
    furthest: Vec<usize>,
}

impl SpanIndex {
    pub(super) fn new(mut spans: Vec<(usize, std::ops::Range<usize>)>) -> SpanIndex {
        spans.sort_by_key(|(block, range)| (*block, range.start));
        let mut furthest = Vec::with_capacity(spans.len());
        for (i, (block, range)) in spans.iter().enumerate() {
            let before = (i > 0 && spans[i - 1].0 == *block).then(|| furthest[i - 1]);
            furthest.push(before.map_or(range.end, |end: usize| end.max(range.end)));
        }
        SpanIndex { spans, furthest }
    }

    /// Whether a span in `block` shares a byte with `range`.
    pub(super) fn overlaps(&self, block: usize, range: &std::ops::Range<usize>) -> bool {
        // The spans of the block that start before `range` ends: the last of them
        // knows the furthest end among them.
        let before = self
            .spans
            .partition_point(|(b, r)| (*b, r.start) < (block, range.end));
        before > 0 && self.spans[before - 1].0 == block && self.furthest[before - 1] > range.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_index_finds_an_overlap_where_a_walk_over_all_spans_does() {
        // Spans in a few blocks, some nested or overlapping, in no order.
        let spans: Vec<(usize, std::ops::Range<usize>)> = vec![
            (0, 10..20),
            (0, 2..4),
            (1, 0..3),
            (0, 12..14),
            (2, 5..50),
            (2, 6..8),
            (1, 7..9),
            (0, 30..31),
        ];
        let index = SpanIndex::new(spans.clone());
        for block in 0..4 {
            for start in 0..60 {
                for end in start + 1..start + 12 {
                    let range = start..end;
                    let walk = spans
                        .iter()
                        .any(|(b, r)| *b == block && r.start < range.end && range.start < r.end);
                    assert_eq!(index.overlaps(block, &range), walk, "{block} {range:?}");
                }
            }
        }
    }
}
