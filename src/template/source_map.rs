//! Where each byte of a rendered letter came from in the templates.
//!
//! Template CI lints the letter a template makes with an example event, but
//! the author edits the template: a finding must point at the template's own
//! file, line and column. Tera does not keep that link, so helder keeps it
//! itself. [`instrument`] puts invisible marker characters (Unicode private
//! use planes 15 and 16, which no letter uses) into a copy of each template
//! source: one at the start of every stretch of literal text, and one around
//! every `{{ … }}`. Tera renders the marked copy as usual, and [`strip`]
//! takes the markers out again, giving the exact letter text plus a
//! [`SourceMap`] from every byte of it to a place in a template file.
//!
//! Markers sit on the non-blank side of a `{%-`/`-%}` so Tera's whitespace
//! control trims exactly what it trims without them.

use std::ops::Range;

/// First code point of literal-text markers (plane 15, private use).
const LITERAL_BASE: u32 = 0xF_0000;
/// First code point of expression-start markers (plane 16, private use).
const EXPRESSION_BASE: u32 = 0x10_0000;
/// Ends the output of an expression.
const EXPRESSION_END: char = '\u{10FFFD}';
/// How many pieces one set of templates may have (the size of one private-use plane, less the end marker).
pub const MAX_PIECES: usize = 0xFFFD;

/// What one marker stands for: a place in a template source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Which file (an index the caller chose, passed to [`instrument`]).
    pub file: usize,
    /// For literal text, where it starts; for an expression, the whole `{{ … }}`.
    pub range: Range<usize>,
    /// Whether this is the output of a `{{ … }}`.
    pub is_expression: bool,
}

/// The marked copy of a template source.
#[derive(Debug, Clone)]
pub struct Instrumented {
    /// The source with markers, for Tera.
    pub source: String,
}

/// Adds markers to `source` (file `file`), appending their pieces to `pieces`.
///
/// Returns `None` when the set has more pieces than markers can number.
pub fn instrument(source: &str, file: usize, pieces: &mut Vec<Piece>) -> Option<Instrumented> {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    let mut pending_end = false;
    let mut trailing_blank = 0usize;
    let mut pos = 0;
    for tag in tags(source) {
        emit_literal(
            source,
            pos..tag.range.start,
            file,
            pieces,
            &mut out,
            &mut pending_end,
            &mut trailing_blank,
        )?;
        let text = &source[tag.range.clone()];
        if tag.kind == TagKind::Raw {
            // `{% raw %}…{% endraw %}`: the tags give nothing, the inside is literal.
            out.push_str(text);
            trailing_blank = 0;
            pos = tag.range.end;
            continue;
        }
        if tag.kind == TagKind::Expression {
            let marker = marker(EXPRESSION_BASE, pieces.len())?;
            pieces.push(Piece {
                file,
                range: tag.range.clone(),
                is_expression: true,
            });
            if text.starts_with("{{-") {
                // Before the blanks this tag trims, so they are still trimmed.
                out.insert(out.len() - trailing_blank, marker);
            } else {
                out.push(marker);
            }
            out.push_str(text);
            if text.ends_with("-}}") {
                pending_end = true;
            } else {
                out.push(EXPRESSION_END);
            }
        } else {
            if pending_end && !text.starts_with("{%-") && !text.starts_with("{#-") {
                out.push(EXPRESSION_END);
                pending_end = false;
            }
            out.push_str(text);
        }
        trailing_blank = 0;
        pos = tag.range.end;
    }
    emit_literal(
        source,
        pos..source.len(),
        file,
        pieces,
        &mut out,
        &mut pending_end,
        &mut trailing_blank,
    )?;
    if pending_end {
        out.push(EXPRESSION_END);
    }
    Some(Instrumented { source: out })
}

fn emit_literal(
    source: &str,
    range: Range<usize>,
    file: usize,
    pieces: &mut Vec<Piece>,
    out: &mut String,
    pending_end: &mut bool,
    trailing_blank: &mut usize,
) -> Option<()> {
    let text = &source[range.clone()];
    let leading = text.len() - text.trim_start().len();
    let core = text.trim();
    if core.is_empty() {
        out.push_str(text);
        *trailing_blank = text.len();
        return Some(());
    }
    out.push_str(&text[..leading]);
    if *pending_end {
        out.push(EXPRESSION_END);
        *pending_end = false;
    }
    let start = range.start + leading;
    out.push(marker(LITERAL_BASE, pieces.len())?);
    pieces.push(Piece {
        file,
        range: start..start,
        is_expression: false,
    });
    out.push_str(&text[leading..]);
    *trailing_blank = text.len() - text.trim_end().len();
    Some(())
}

fn marker(base: u32, index: usize) -> Option<char> {
    if index >= MAX_PIECES {
        return None;
    }
    char::from_u32(base + u32::try_from(index).ok()?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Expression,
    Statement,
    Comment,
    Raw,
}

#[derive(Debug)]
struct Tag {
    range: Range<usize>,
    kind: TagKind,
}

/// The Tera tags of a source, in order; an unclosed tag ends the scan (Tera reports it).
fn tags(source: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(offset) = source[pos..].find('{') {
        let start = pos + offset;
        let after = &source[start..];
        let (close, kind) = if after.starts_with("{{") {
            ("}}", TagKind::Expression)
        } else if after.starts_with("{%") {
            ("%}", TagKind::Statement)
        } else if after.starts_with("{#") {
            ("#}", TagKind::Comment)
        } else {
            pos = start + 1;
            continue;
        };
        let Some(end) = after[2..].find(close).map(|i| start + 2 + i + close.len()) else {
            break;
        };
        let inner =
            source[start + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if kind == TagKind::Statement && inner == "raw" {
            // Everything up to `{% endraw %}` is one literal tag.
            let end_raw = find_endraw(source, end).unwrap_or(source.len());
            found.push(Tag {
                range: start..end_raw,
                kind: TagKind::Raw,
            });
            pos = end_raw;
            continue;
        }
        found.push(Tag {
            range: start..end,
            kind,
        });
        pos = end;
    }
    found
}

fn find_endraw(source: &str, from: usize) -> Option<usize> {
    let mut pos = from;
    while let Some(offset) = source[pos..].find("{%") {
        let start = pos + offset;
        let end = source[start..].find("%}").map(|i| start + i + 2)?;
        let inner =
            source[start + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == "endraw" {
            return Some(end);
        }
        pos = end;
    }
    None
}

/// Where a stretch of the rendered text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    /// First byte in the stripped text.
    out_start: usize,
    /// The piece (index into the pieces), or none for text between pieces.
    piece: Option<usize>,
}

/// From bytes of a stripped rendering to places in the template sources.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

/// Where a byte of the letter came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Literal template text: this file and byte offset.
    Literal {
        /// The file index.
        file: usize,
        /// The byte offset in that file's source.
        offset: usize,
    },
    /// The output of a `{{ … }}`: this file and the tag's range.
    Expression {
        /// The file index.
        file: usize,
        /// The `{{ … }}` in that file's source.
        range: Range<usize>,
    },
}

/// Takes the markers out of a rendering, giving the letter text and its map.
pub fn strip(rendered: &str, pieces: &[Piece]) -> (String, SourceMap) {
    let mut text = String::with_capacity(rendered.len());
    let mut segments: Vec<Segment> = Vec::new();
    let open = |segments: &mut Vec<Segment>, at: usize, piece: Option<usize>| {
        if segments.last().is_some_and(|s| s.out_start == at) {
            segments.pop();
        }
        segments.push(Segment {
            out_start: at,
            piece,
        });
    };
    for c in rendered.chars() {
        let code = c as u32;
        if c == EXPRESSION_END {
            open(&mut segments, text.len(), None);
        } else if (EXPRESSION_BASE..EXPRESSION_BASE + MAX_PIECES as u32).contains(&code) {
            let index = (code - EXPRESSION_BASE) as usize;
            open(
                &mut segments,
                text.len(),
                (index < pieces.len()).then_some(index),
            );
        } else if (LITERAL_BASE..LITERAL_BASE + MAX_PIECES as u32).contains(&code) {
            let index = (code - LITERAL_BASE) as usize;
            open(
                &mut segments,
                text.len(),
                (index < pieces.len()).then_some(index),
            );
        } else {
            text.push(c);
        }
    }
    (text, SourceMap { segments })
}

impl SourceMap {
    /// Where the byte at `offset` of the stripped text came from. Text
    /// between pieces (blank lines Tera kept) belongs to the piece before it.
    pub fn origin(&self, offset: usize, pieces: &[Piece]) -> Option<Origin> {
        let index = self.segments.partition_point(|s| s.out_start <= offset);
        let mut candidates = self.segments[..index].iter().rev();
        let first = candidates.next()?;
        let (segment, exact) = match first.piece {
            Some(_) => (first, true),
            None => (candidates.find(|s| s.piece.is_some())?, false),
        };
        let piece = &pieces[segment.piece?];
        Some(if piece.is_expression {
            Origin::Expression {
                file: piece.file,
                range: piece.range.clone(),
            }
        } else {
            let distance = if exact {
                offset - segment.out_start
            } else {
                // The end of the piece before: its own text ended where the gap starts.
                self.segments[index - 1].out_start - segment.out_start
            };
            Origin::Literal {
                file: piece.file,
                offset: piece.range.start + distance,
            }
        })
    }

    /// Whether any byte of `range` came from a `{{ … }}`.
    pub fn touches_expression(&self, range: Range<usize>, pieces: &[Piece]) -> Option<usize> {
        let first = self
            .segments
            .partition_point(|s| s.out_start <= range.start);
        let from = first.saturating_sub(1);
        self.segments[from..]
            .iter()
            .take_while(|s| s.out_start < range.end.max(range.start + 1))
            .filter_map(|s| s.piece)
            .find(|&p| pieces[p].is_expression)
    }

    /// The literal pieces this rendering showed, as (file, range in the source) pairs.
    pub fn literal_ranges(&self, text_len: usize, pieces: &[Piece]) -> Vec<(usize, Range<usize>)> {
        let mut ranges = Vec::new();
        for (i, segment) in self.segments.iter().enumerate() {
            let Some(index) = segment.piece else { continue };
            let piece = &pieces[index];
            if piece.is_expression {
                continue;
            }
            let end = self.segments.get(i + 1).map_or(text_len, |s| s.out_start);
            let start = piece.range.start;
            ranges.push((piece.file, start..start + (end - segment.out_start)));
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a marked source by hand for the cases Tera is not needed for.
    fn map_of(source: &str) -> (Vec<Piece>, String) {
        let mut pieces = Vec::new();
        let instrumented = instrument(source, 0, &mut pieces).expect("few pieces");
        (pieces, instrumented.source)
    }

    #[test]
    fn literal_text_maps_back_to_its_own_offset() {
        let (pieces, marked) = map_of("Hallo {{ naam }}, welkom.\n");
        let rendered = marked.replace("{{ naam }}", "Jan");
        let (text, map) = strip(&rendered, &pieces);
        assert_eq!(text, "Hallo Jan, welkom.\n");
        let welkom = text.find("welkom").unwrap();
        assert_eq!(
            map.origin(welkom, &pieces),
            Some(Origin::Literal {
                file: 0,
                offset: "Hallo {{ naam }}, ".len()
            })
        );
        assert_eq!(
            map.origin(text.find("Jan").unwrap(), &pieces),
            Some(Origin::Expression {
                file: 0,
                range: 6..16
            })
        );
        assert_eq!(
            map.origin(0, &pieces),
            Some(Origin::Literal { file: 0, offset: 0 })
        );
    }

    #[test]
    fn markers_sit_outside_the_blanks_that_whitespace_control_trims() {
        let (_, marked) = map_of("Een\n\n{%- if x -%}\n\n  Twee {{- y -}}  drie");
        let visible: String = marked
            .chars()
            .map(|c| if (c as u32) >= LITERAL_BASE { '@' } else { c })
            .collect();
        assert_eq!(
            visible,
            "@Een\n\n{%- if x -%}\n\n  @Twee@ {{- y -}}  @@drie"
        );
    }

    #[test]
    fn raw_blocks_and_comments_get_no_markers_inside() {
        let (pieces, marked) = map_of("{# opmerking #}{% raw %}{{ letterlijk }}{% endraw %}");
        assert!(pieces.is_empty());
        assert_eq!(
            marked,
            "{# opmerking #}{% raw %}{{ letterlijk }}{% endraw %}"
        );
    }

    #[test]
    fn an_expression_inside_the_range_is_found() {
        let (pieces, marked) = map_of("Beste {{ naam }}, hoe gaat het?");
        let rendered = marked.replace("{{ naam }}", "Jan");
        let (text, map) = strip(&rendered, &pieces);
        assert_eq!(map.touches_expression(0..text.len(), &pieces), Some(1));
        assert_eq!(map.touches_expression(0..5, &pieces), None);
        let ranges = map.literal_ranges(text.len(), &pieces);
        assert_eq!(ranges, vec![(0, 0..6), (0, 16..31)]);
    }
}
