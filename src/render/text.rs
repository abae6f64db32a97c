//! The plain-text renderer: for e-mail bodies and for reading a letter in a terminal.
//!
//! Lines are wrapped at 72 characters on ordinary spaces only, after
//! [`keep_together`] joined amounts, times, dates, postcodes and phone numbers
//! with no-break spaces, so "€ 12,50" or "0488 44 22 60" never breaks.

use super::keep_together::keep_together;
use super::{Block, Inline, Letter, RenderError, Renderer, plain_text};

const WIDTH: usize = 72;

/// Renders a letter as plain text.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRenderer;

impl Renderer for TextRenderer {
    fn name(&self) -> &'static str {
        "txt"
    }
    fn extension(&self) -> &'static str {
        "txt"
    }
    fn render(&self, letter: &Letter) -> Result<Vec<u8>, RenderError> {
        Ok(text(letter).into_bytes())
    }
}

/// The whole letter as text.
pub fn text(letter: &Letter) -> String {
    let mut out = String::new();
    if letter.draft {
        out.push_str(&format!("*** {} ***\n\n", super::html::DRAFT_MARK));
    }
    out.push_str(&letter.sender.logo_text);
    out.push('\n');
    if let Some(department) = &letter.sender.department {
        out.push_str(department);
        out.push('\n');
    }
    out.push('\n');
    for line in &letter.recipient_address {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    for (label, value) in letter.reference_rows() {
        out.push_str(&format!("{:<16}{value}\n", format!("{label}:")));
    }
    out.push('\n');
    out.push_str(&wrap(&format!("Onderwerp: {}", letter.subject), "", ""));
    out.push('\n');
    for block in &letter.body {
        write_block(&mut out, block, "");
    }
    out.push_str(&format!(
        "--\n{}\n{}\nTelefoon {} · {}\n",
        letter.sender.name,
        letter.sender.return_address,
        letter.sender.phone,
        letter.sender.website
    ));
    out
}

fn write_block(out: &mut String, block: &Block, indent: &str) {
    match block {
        Block::Heading { content, .. } => {
            out.push_str(&wrap(&inline_text(content), indent, indent));
            out.push('\n');
        }
        Block::Paragraph(content) => {
            // Hard line breaks keep their lines.
            for line in inline_text(content).split('\n') {
                out.push_str(&wrap(line, indent, indent));
            }
            out.push('\n');
        }
        Block::List {
            ordered,
            start,
            items,
        } => {
            for (i, item) in items.iter().enumerate() {
                let marker = if *ordered {
                    format!("{}. ", *start as usize + i)
                } else {
                    "- ".to_string()
                };
                let hanging = format!("{indent}{}", " ".repeat(marker.chars().count()));
                let mut first = true;
                for inner in item {
                    match inner {
                        Block::Paragraph(content) => {
                            let lead = if first {
                                format!("{indent}{marker}")
                            } else {
                                hanging.clone()
                            };
                            out.push_str(&wrap(&inline_text(content), &lead, &hanging));
                        }
                        other => {
                            let mut nested = String::new();
                            write_block(&mut nested, other, &hanging);
                            out.push_str(nested.trim_end_matches('\n'));
                            out.push('\n');
                        }
                    }
                    first = false;
                }
            }
            out.push('\n');
        }
        Block::Aside(blocks) => {
            let inner_indent = format!("{indent}| ");
            let mut inner = String::new();
            for block in blocks {
                write_block(&mut inner, block, &inner_indent);
            }
            for line in inner.trim_end_matches('\n').lines() {
                out.push_str(if line.is_empty() {
                    inner_indent.trim_end()
                } else {
                    line
                });
                out.push('\n');
            }
            out.push('\n');
        }
        Block::Rule => out.push_str(&format!("{indent}{}\n\n", "-".repeat(20))),
        Block::Table { head, rows } => {
            let cells: Vec<Vec<String>> = std::iter::once(head)
                .chain(rows.iter())
                .map(|row| {
                    row.iter()
                        .map(|cell| inline_text(cell).replace('\n', " "))
                        .collect()
                })
                .collect();
            let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
            let widths: Vec<usize> = (0..columns)
                .map(|c| {
                    cells
                        .iter()
                        .filter_map(|row| row.get(c))
                        .map(|s| s.chars().count())
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            for (i, row) in cells.iter().enumerate() {
                let line: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(c, cell)| format!("{cell:<width$}", width = widths[c]))
                    .collect();
                out.push_str(&format!("{indent}{}\n", line.join("  ").trim_end()));
                if i == 0 {
                    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                    out.push_str(&format!("{indent}{}\n", rule.join("  ")));
                }
            }
            out.push('\n');
        }
    }
}

/// Inline text with links written out and hard breaks as newlines.
fn inline_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Link { url, content } => {
                let label = plain_text(content);
                let target = url.trim_start_matches("mailto:").trim_start_matches("tel:");
                if label == target || label == url.as_str() {
                    out.push_str(&label);
                } else {
                    out.push_str(&format!("{label} ({target})"));
                }
            }
            Inline::LineBreak => out.push('\n'),
            Inline::Strong(c) | Inline::Emphasis(c) => out.push_str(&inline_text(c)),
            Inline::Text(t) => out.push_str(t),
        }
    }
    out
}

/// Wraps one line of text at [`WIDTH`] characters, breaking only at ordinary
/// spaces, never inside what [`keep_together`] joins.
fn wrap(text: &str, first_indent: &str, rest_indent: &str) -> String {
    let text = keep_together(text);
    let mut out = String::new();
    let mut line = first_indent.to_string();
    let mut line_len = first_indent.chars().count();
    let mut empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_len = word.chars().count();
        if !empty && line_len + 1 + word_len > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest_indent.to_string();
            line_len = rest_indent.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += word_len;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_not_at_no_break_spaces() {
        let long = "Wij betalen u €\u{a0}1.234,56 ".repeat(6);
        let wrapped = wrap(long.trim(), "", "");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= WIDTH),
            "{wrapped}"
        );
        assert!(!wrapped.contains("€\n"));
    }
}
