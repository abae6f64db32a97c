//! Where a finding of a made letter belongs in the template files: literal
//! text at its own file, line and column; a value at the `{{ … }}` that
//! produced it; and the spans of whole lines and front matter keys.

use super::{FileFindings, LETTER_WIDE, entry, push};
use crate::lint::{Category, Finding, LineIndex, Span};
use crate::markdown::{Fences, fences};
use crate::template::MappedSet;
use crate::template::source_map::Origin;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Puts a finding of the letter at its place in a template file.
pub(super) fn place(
    files: &mut BTreeMap<PathBuf, FileFindings>,
    mut finding: Finding,
    map: &crate::template::source_map::SourceMap,
    mapped: &MappedSet,
    text: &str,
    example: &str,
    event_id: &str,
) {
    let pieces = mapped.pieces();
    let letter_wide = LETTER_WIDE.contains(&finding.rule);
    let touches = map.touches_expression(finding.span.start..finding.span.end, pieces);
    match map.origin(finding.span.start, pieces) {
        // A value from the event is the case system's text, not the template's:
        // its spelling and word choice are not the template author's to fix.
        Some(Origin::Expression { .. })
            if matches!(finding.category, Category::Spelling | Category::Wording) => {}
        Some(Origin::Expression { file, range }) if letter_wide => {
            // About the whole letter: it points where the letter starts, whatever that is.
            let (path, body) = mapped.file(file);
            let slot = entry(files, path);
            let span = Span {
                start: body_to_file(body, &slot.source, range.start),
                end: body_to_file(body, &slot.source, range.end),
            };
            push(files, path, span, finding, Some(event_id));
        }
        Some(Origin::Expression { file, range }) => {
            let (path, body) = mapped.file(file);
            let expression = body[range.clone()].to_string();
            let slot = entry(files, path);
            let span = Span {
                start: body_to_file(body, &slot.source, range.start),
                end: body_to_file(body, &slot.source, range.end),
            };
            let flagged = &text[finding.span.start..finding.span.end];
            let shown = if flagged.chars().count() > 40 {
                format!("{}…", flagged.chars().take(40).collect::<String>())
            } else {
                flagged.to_string()
            };
            finding.message = format!(
                "{} Dit komt uit {expression} met voorbeeld {example} (\"{shown}\").",
                finding.message
            );
            finding.span = span;
            push(files, path, span, finding, Some(event_id));
        }
        Some(Origin::Literal { file, offset }) => {
            let (path, body) = mapped.file(file);
            let length = finding.span.end - finding.span.start;
            let slot = entry(files, path);
            let start = body_to_file(body, &slot.source, offset);
            // The finding keeps its length when the text is one stretch of the file.
            let end = match map.origin(
                finding.span.end.saturating_sub(1).max(finding.span.start),
                pieces,
            ) {
                Some(Origin::Literal {
                    file: f,
                    offset: last,
                }) if f == file && last >= offset && last - offset + 1 == length => {
                    ceil_char(&slot.source, body_to_file(body, &slot.source, last) + 1)
                }
                // It ends in a value: up to the end of that `{{ … }}`.
                Some(Origin::Expression { file: f, range })
                    if f == file && range.start >= offset =>
                {
                    body_to_file(body, &slot.source, range.end)
                }
                _ => line_end(&slot.source, start),
            };
            let span = Span {
                start,
                end: end.max(start),
            };
            let example = (letter_wide || touches.is_some()).then_some(event_id);
            push(files, path, span, finding, example);
        }
        None => {}
    }
}

/// The 1-based line of a front matter key (`examples = …`).
pub(super) fn front_matter_line(source: &str, key: &str) -> Option<usize> {
    let Fences::Closed(block) = fences(source) else {
        return None;
    };
    let lines = LineIndex::new(source);
    let first = lines.line(block.toml.start);
    source[block.toml]
        .lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| first + i)
}

/// The span of a line from a column (1-based, characters) to its end, without trailing blanks.
pub(super) fn line_span(source: &str, line: usize, column: Option<usize>) -> Span {
    let start_of_line = LineIndex::new(source).line_start(line);
    let text = source[start_of_line..].lines().next().unwrap_or_default();
    let indent = text.len() - text.trim_start().len();
    let start = match column {
        Some(column) => text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i),
        None => indent,
    };
    Span {
        start: start_of_line + start,
        end: start_of_line + text.trim_end().len().max(start),
    }
}

/// The span of `needle` on a line, or the whole line.
pub(super) fn mention_span(source: &str, line: usize, needle: &str) -> Span {
    let whole = line_span(source, line, None);
    match source[whole.start..whole.end].find(needle) {
        Some(i) => Span {
            start: whole.start + i,
            end: whole.start + i + needle.len(),
        },
        None => whole,
    }
}

fn line_end(source: &str, from: usize) -> usize {
    source[from..].find('\n').map_or(source.len(), |i| from + i)
}

fn ceil_char(source: &str, mut offset: usize) -> usize {
    offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// An offset in a template body (front matter blanked) as an offset in the
/// file: the lines are the same, and so are the columns on them.
pub(super) fn body_to_file(body: &str, file: &str, offset: usize) -> usize {
    if body.len() == file.len() {
        return offset.min(file.len());
    }
    let body_lines = LineIndex::new(body);
    let line = body_lines.line(offset);
    let body_line_start = body_lines.line_start(line);
    let file_line_start = LineIndex::new(file).line_start(line);
    ceil_char(file, file_line_start + (offset - body_line_start))
}
