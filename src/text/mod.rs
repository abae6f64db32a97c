//! Lintable prose: the text a reader reads, with byte offsets into the source the author edits.
//!
//! Markdown is parsed with the one parser setup ([`crate::markdown::parser`]).
//! Headings, paragraphs, list items and block quotes become separate
//! [`ProseBlock`]s; code blocks and raw HTML are skipped. A template is first
//! masked: `{{ … }}` becomes a run of zeros of the same length (a value counts
//! as one word but is never judged), `{% … %}` and `{# … #}` become spaces.

pub(crate) mod fixed_pattern;
pub mod segment;
pub mod special;
pub mod word_bounds;

use crate::markdown::parser;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// What kind of block a piece of prose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// One list item.
    ListItem,
    /// One table cell.
    TableCell,
}

/// A stretch of block text that comes from one stretch of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text_start: usize,
    source_start: usize,
    len: usize,
    /// Whether text and source are the same bytes (no escapes or entities in between).
    exact: bool,
    source_len: usize,
}

/// One block of prose.
#[derive(Debug, Clone)]
pub struct ProseBlock {
    /// Heading, paragraph or list item.
    pub kind: BlockKind,
    /// The text as a reader sees it.
    pub text: String,
    /// Whether the block is inside a block quote (a letter's "Waarom mag de gemeente dit?" box).
    pub in_quote: bool,
    pieces: Vec<Piece>,
}

impl ProseBlock {
    /// Maps a byte range in [`ProseBlock::text`] to a byte range in the source.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start, false);
        let end = self.source_offset(range.end, true).max(start);
        start..end
    }

    fn source_offset(&self, offset: usize, is_end: bool) -> usize {
        // A start belongs to the piece it lies in; an end may sit at a piece's end.
        let index = if is_end {
            self.pieces
                .partition_point(|p| p.text_start + p.len < offset)
        } else {
            self.pieces
                .partition_point(|p| p.text_start + p.len <= offset)
        };
        let piece = self.pieces.get(index).or_else(|| self.pieces.last());
        match piece {
            Some(p) if p.exact => p.source_start + offset.saturating_sub(p.text_start).min(p.len),
            Some(p) if is_end => p.source_start + p.source_len,
            Some(p) => p.source_start,
            None => 0,
        }
    }
}

/// The prose of one source text.
#[derive(Debug, Clone)]
pub struct Prose {
    /// The blocks, in order.
    pub blocks: Vec<ProseBlock>,
}

/// Extracts prose from Markdown.
pub fn from_markdown(source: &str) -> Prose {
    let mut blocks = Vec::new();
    let mut current: Option<ProseBlock> = None;
    let mut item_depth = 0usize;
    let mut skip_depth = 0usize;
    let mut quote_depth = 0usize;
    let start_block = |kind: BlockKind, quote_depth: usize| ProseBlock {
        kind,
        text: String::new(),
        in_quote: quote_depth > 0,
        pieces: Vec::new(),
    };

    for (event, range) in parser(source).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                current = Some(start_block(BlockKind::Heading, quote_depth))
            }
            Event::Start(Tag::Paragraph) if current.is_none() => {
                let kind = if item_depth > 0 {
                    BlockKind::ListItem
                } else {
                    BlockKind::Paragraph
                };
                current = Some(start_block(kind, quote_depth));
            }
            Event::Start(Tag::TableCell) => {
                flush(&mut current, &mut blocks);
                current = Some(start_block(BlockKind::TableCell, quote_depth));
            }
            Event::End(TagEnd::TableCell) => flush(&mut current, &mut blocks),
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut current, &mut blocks);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut current, &mut blocks);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut blocks);
                item_depth += 1;
                current = Some(start_block(BlockKind::ListItem, quote_depth));
            }
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => flush(&mut current, &mut blocks),
            Event::Start(Tag::List(_)) => flush(&mut current, &mut blocks),
            Event::End(TagEnd::Item) => {
                flush(&mut current, &mut blocks);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::Text(text) if skip_depth == 0 => {
                let block = current.get_or_insert_with(|| {
                    start_block(
                        if item_depth > 0 {
                            BlockKind::ListItem
                        } else {
                            BlockKind::Paragraph
                        },
                        quote_depth,
                    )
                });
                push(block, &text, source, range);
            }
            Event::Code(text) => {
                // A code span is one token: keep its length, but as zeros so it is never judged.
                let block =
                    current.get_or_insert_with(|| start_block(BlockKind::Paragraph, quote_depth));
                let masked = "0".repeat(text.len().max(1));
                push(block, &masked, source, range);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = current.as_mut() {
                    push(block, " ", source, range);
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    Prose { blocks }
}

/// Extracts prose from a Tera + Markdown template, with the tags masked.
///
/// The Markdown is read as [`template_markdown`] gives it, so a line that starts
/// with a tag ("{% if x %}Tekst") is a line of text, never an indented code block;
/// every offset points into the template.
pub fn from_template(source: &str) -> Prose {
    let (markdown, map) = template_markdown(source);
    let mut prose = from_markdown(&markdown);
    for block in &mut prose.blocks {
        for piece in &mut block.pieces {
            let start = map.source_offset(piece.source_start);
            let end = map.source_offset(piece.source_start + piece.source_len);
            piece.source_start = start;
            piece.source_len = end - start;
        }
    }
    prose
}

/// Turns offsets in the text of [`template_markdown`] back into offsets in the template.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Where bytes were taken out: (offset in the text, bytes taken out up to there).
    removed: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The template offset of an offset in the text.
    pub fn source_offset(&self, offset: usize) -> usize {
        let index = self.removed.partition_point(|(at, _)| *at <= offset);
        offset + index.checked_sub(1).map_or(0, |i| self.removed[i].1)
    }
}

/// A template as the Markdown parser must see it: the tags masked as in
/// [`mask_template`], and the blanks of `{% … %}` and `{# … #}` at the start of a
/// line taken out, as rendering takes the tags out. Otherwise "{% if x %}Tekst"
/// at the start of a line is indented by ten blanks, Markdown reads it as a code
/// block, and its text is never checked. Line breaks stay where they are.
pub fn template_markdown(source: &str) -> (String, OffsetMap) {
    let (masked, from_tag) = mask_with_tags(source);
    let mut out = String::with_capacity(masked.len());
    let mut map = OffsetMap::default();
    let mut removed = 0;
    let mut offset = 0;
    for line in masked.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let mut keep_from = 0;
        let mut i = 0;
        // The line's leading blanks: the author's stay, the tags' go.
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            if from_tag[offset + i] {
                out.push_str(&line[keep_from..i]);
                removed += 1;
                keep_from = i + 1;
                match map.removed.last_mut() {
                    Some(last) if last.0 == out.len() => last.1 = removed,
                    _ => map.removed.push((out.len(), removed)),
                }
            }
            i += 1;
        }
        out.push_str(&line[keep_from..]);
        offset += line.len();
    }
    (out, map)
}

/// The length of a list mark at the start of a plain-text line, with the
/// spaces around it: "- ", "* ", "• ", "– ", or a number of up to three digits
/// with "." or ")" ("2. ", "10) ").
fn list_marker_len(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let mark = ["- ", "* ", "• ", "– ", "· "]
        .iter()
        .find(|m| rest.starts_with(**m))
        .map(|m| m.len())
        .or_else(|| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            ((1..=3).contains(&digits)
                && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") ")))
            .then_some(digits + 2)
        })?;
    let after = &rest[mark..];
    // A mark with nothing after it is no list item.
    (!after.trim().is_empty()).then(|| indent + mark + (after.len() - after.trim_start().len()))
}

/// Extracts prose from plain text: paragraphs are separated by blank lines,
/// and a line with a list mark starts a list item of its own.
pub fn from_plain_text(source: &str) -> Prose {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for chunk in source.split_inclusive('\n') {
        let line = chunk.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            if blocks
                .last()
                .is_some_and(|b: &ProseBlock| !b.text.is_empty())
            {
                blocks.push(ProseBlock {
                    kind: BlockKind::Paragraph,
                    text: String::new(),
                    in_quote: false,
                    pieces: Vec::new(),
                });
            }
        } else {
            // A line that starts with a list mark ("- ", "• ", "2. ") is an item of
            // its own, without its mark; the lines after it, up to a blank line or
            // the next mark, continue it.
            let marker = list_marker_len(line);
            if blocks.is_empty() || marker.is_some() {
                if blocks
                    .last()
                    .is_some_and(|b: &ProseBlock| b.text.is_empty())
                {
                    blocks.pop();
                }
                blocks.push(ProseBlock {
                    kind: if marker.is_some() {
                        BlockKind::ListItem
                    } else {
                        BlockKind::Paragraph
                    },
                    text: String::new(),
                    in_quote: false,
                    pieces: Vec::new(),
                });
            }
            let skip = marker.unwrap_or(0);
            let line = &line[skip..];
            let block = blocks.last_mut().expect("a block exists");
            if !block.text.is_empty() {
                block.text.push(' ');
            }
            let text_start = block.text.len();
            block.text.push_str(line);
            block.pieces.push(Piece {
                text_start,
                source_start: offset + skip,
                len: line.len(),
                exact: true,
                source_len: line.len(),
            });
        }
        offset += chunk.len();
    }
    blocks.retain(|b| !b.text.trim().is_empty());
    Prose { blocks }
}

fn flush(current: &mut Option<ProseBlock>, blocks: &mut Vec<ProseBlock>) {
    if let Some(block) = current.take()
        && !block.text.trim().is_empty()
    {
        blocks.push(block);
    }
}

fn push(block: &mut ProseBlock, text: &str, source: &str, range: Range<usize>) {
    // pulldown-cmark lends a slice of the source when nothing was unescaped: then the
    // pointers match and no byte comparison is needed.
    let exact = source.get(range.clone()).is_some_and(|slice| {
        (slice.as_ptr() == text.as_ptr() && slice.len() == text.len()) || slice == text
    });
    let text_start = block.text.len();
    block.text.push_str(text);
    block.pieces.push(Piece {
        text_start,
        source_start: range.start,
        len: text.len(),
        exact,
        source_len: range.len(),
    });
}

/// Masks Tera tags, keeping every byte offset and line break: `{{ … }}` becomes
/// zeros (a value: one word, never judged), `{% … %}` and `{# … #}` become spaces.
pub fn mask_template(source: &str) -> String {
    mask_with_tags(source).0
}

/// [`mask_template`], and for each byte whether it is a blank that was a `{% … %}` or `{# … #}` tag.
fn mask_with_tags(source: &str) -> (String, Vec<bool>) {
    let mut from_tag = vec![false; source.len()];
    let mut masked = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let (close, fill) = if after.starts_with("{{") {
            ("}}", '0')
        } else if after.starts_with("{%") {
            ("%}", ' ')
        } else if after.starts_with("{#") {
            ("#}", ' ')
        } else {
            masked.push_str(&rest[..=start]);
            rest = &rest[start + 1..];
            continue;
        };
        match after.find(close) {
            Some(end) => {
                let end = end + close.len();
                masked.push_str(&rest[..start]);
                for c in after[..end].chars() {
                    if c == '\n' {
                        masked.push('\n');
                    } else {
                        if fill == ' ' {
                            let at = masked.len();
                            from_tag[at..at + c.len_utf8()].fill(true);
                        }
                        masked.extend(std::iter::repeat_n(fill, c.len_utf8()));
                    }
                }
                rest = &after[end..];
            }
            None => {
                masked.push_str(rest);
                rest = "";
            }
        }
    }
    masked.push_str(rest);
    (masked, from_tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_kept_apart() {
        let prose = from_markdown(
            "## Kop\n\nEen zin. Nog een\nzin.\n\n- eerste\n- tweede punt\n\n```\ncode\n```\n\n| Wat | Bedrag |\n|---|---|\n| Huur | € 612,00 |\n",
        );
        let kinds: Vec<_> = prose
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, "Kop"),
                (BlockKind::Paragraph, "Een zin. Nog een zin."),
                (BlockKind::ListItem, "eerste"),
                (BlockKind::ListItem, "tweede punt"),
                (BlockKind::TableCell, "Wat"),
                (BlockKind::TableCell, "Bedrag"),
                (BlockKind::TableCell, "Huur"),
                (BlockKind::TableCell, "€ 612,00"),
            ]
        );
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let source = "Tekst met **vet** woord.\n\nTweede *alinea* hier.";
        let prose = from_markdown(source);
        let block = &prose.blocks[0];
        let start = block.text.find("woord").unwrap();
        let range = block.source_range(start..start + 5);
        assert_eq!(&source[range], "woord");
        let second = &prose.blocks[1];
        let start = second.text.find("alinea").unwrap();
        assert_eq!(&source[second.source_range(start..start + 6)], "alinea");
    }

    #[test]
    fn templates_are_masked_with_offsets_kept() {
        let source = "Beste {{ recipient | full_name }},\n{% if x %}Hallo{% endif %} daar.";
        let masked = mask_template(source);
        assert_eq!(masked.len(), source.len());
        let value = "{{ recipient | full_name }}";
        assert!(masked.starts_with(&format!("Beste {},\n", "0".repeat(value.len()))));
        assert!(masked.contains("          Hallo            daar."));
        let prose = from_template(source);
        let block = &prose.blocks[0];
        let start = block.text.find("Hallo").unwrap();
        assert_eq!(&source[block.source_range(start..start + 5)], "Hallo");
    }

    #[test]
    fn a_line_that_starts_with_a_tag_is_text_not_code() {
        let source = "Eerste alinea.\n\n{% if x %}Hier staat tekst.{% endif %}\n\n  {# uitleg #} {% if y %}Nog een zin.{% endif %}\n";
        let prose = from_template(source);
        let texts: Vec<_> = prose.blocks.iter().map(|b| b.text.trim_end()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        for (block, word) in prose.blocks.iter().zip(["Eerste", "Hier", "Nog"]) {
            let start = block.text.find(word).unwrap();
            assert_eq!(&source[block.source_range(start..start + word.len())], word);
        }
        let last = &prose.blocks[2];
        let start = last.text.find("zin").unwrap();
        assert_eq!(&source[last.source_range(start..start + 3)], "zin");
        // A real code block (four blanks of the author's own) stays one.
        let code = from_template("Tekst.\n\n    code hier\n");
        assert_eq!(code.blocks.len(), 1);
    }

    #[test]
    fn plain_text_splits_on_blank_lines() {
        let prose = from_plain_text("Eerste regel\ntweede regel.\n\n\nNieuwe alinea.\n");
        let texts: Vec<_> = prose.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["Eerste regel tweede regel.", "Nieuwe alinea."]);
        let block = &prose.blocks[1];
        assert_eq!(block.source_range(0..6), 29..35);
    }

    #[test]
    fn plain_text_list_items_are_blocks_of_their_own_without_their_mark() {
        let source = "Geef door:
- een nieuw adres
- een baan of
  ander werk
2. uw inkomen

-
Slot.
";
        let prose = from_plain_text(source);
        let texts: Vec<_> = prose.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Geef door:",
                "een nieuw adres",
                "een baan of   ander werk",
                "uw inkomen",
                "- Slot."
            ]
        );
        assert_eq!(prose.blocks[1].kind, BlockKind::ListItem);
        assert_eq!(prose.blocks[0].kind, BlockKind::Paragraph);
        // Offsets still point into the source.
        let item = &prose.blocks[2];
        let range = item.source_range(0..item.text.len());
        assert_eq!(&source[range.start..range.start + 7], "een baa");
        assert_eq!(list_marker_len("2024. Dat jaar"), None);
        assert_eq!(list_marker_len("  • punt"), Some(2 + "• ".len()));
    }
}
