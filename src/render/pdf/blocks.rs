//! The body of a PDF letter: letter blocks (headings, paragraphs, lists,
//! tables, the boxed legal basis) become chunks of measured lines and
//! structure nodes, which [`super::layout::paginate`] puts on pages.

use super::fonts::Weight;
use super::layout::{Chunk, LineBox, Mark, NodeId, StyledText, TextLine, break_lines};
use super::page::{missing, one_line};
use super::tags::{Role, Structure};
use super::*;
use crate::render::{Block, Inline, RenderError, plain_text};

/// Turns blocks into chunks of lines and structure nodes.
pub(super) struct Builder<'a> {
    structure: &'a mut Structure,
    /// The chunks made so far, in reading order.
    pub(super) chunks: Vec<Chunk>,
    /// Room kept free on the right (inside a box).
    right_inset: f32,
}

/// The text of inlines, with bold kept; links show where they go when that is not the text.
fn styled(inlines: &[Inline], weight: Weight, out: &mut StyledText) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push(weight, text),
            Inline::Strong(content) => styled(content, Weight::Bold, out),
            // Italics are hard to read for many readers: emphasis stays upright.
            Inline::Emphasis(content) => styled(content, weight, out),
            Inline::Link { url, content } => {
                styled(content, weight, out);
                let text = plain_text(content);
                let shown = url
                    .trim_start_matches("mailto:")
                    .trim_start_matches("tel:")
                    .trim_start_matches("https://");
                if !text.contains(shown) {
                    out.push(weight, &format!(" ({shown})"));
                }
            }
            Inline::LineBreak => out.line_break(),
        }
    }
}

impl<'a> Builder<'a> {
    /// A builder that adds its nodes to `structure`.
    pub(super) fn new(structure: &'a mut Structure) -> Builder<'a> {
        Builder {
            structure,
            chunks: Vec::new(),
            right_inset: 0.0,
        }
    }

    fn text_chunk(
        &mut self,
        text: &StyledText,
        node: NodeId,
        indent: f32,
        size: f32,
        leading: f32,
        color: (u8, u8, u8),
    ) -> Result<Chunk, RenderError> {
        let width = CONTENT_WIDTH - indent - self.right_inset;
        let lines = break_lines(text, size, width).map_err(missing)?;
        let baseline = (leading - size) / 2.0 + size * 0.78;
        Ok(Chunk {
            space_before: PARAGRAPH_GAP,
            lines: lines
                .into_iter()
                .map(|line| LineBox {
                    height: leading,
                    marks: vec![Mark::Text {
                        line,
                        x: indent,
                        baseline,
                        size,
                        color,
                        node,
                    }],
                })
                .collect(),
            keep_together: false,
            keep_with_next: false,
            boxed: false,
            outline: None,
        })
    }

    pub(super) fn heading(
        &mut self,
        level: u8,
        content: &[Inline],
        parent: Option<NodeId>,
        indent: f32,
    ) -> Result<(), RenderError> {
        let title = plain_text(content);
        let node = self.structure.add(Role::Heading(level), parent);
        self.structure.set_title(node, title.clone());
        let mut text = StyledText::default();
        styled(content, Weight::Bold, &mut text);
        let (size, color) = match level {
            1 => (13.5, INK),
            2 => (12.5, BLUE),
            _ => (11.5, BLUE),
        };
        let mut chunk = self.text_chunk(&text, node, indent, size, size * 1.35, color)?;
        chunk.space_before = if level == 1 { 0.0 } else { 12.0 };
        chunk.keep_with_next = true;
        chunk.outline = Some((title, level));
        self.chunks.push(chunk);
        Ok(())
    }

    pub(super) fn block(
        &mut self,
        block: &Block,
        parent: Option<NodeId>,
        indent: f32,
    ) -> Result<(), RenderError> {
        match block {
            Block::Heading { level, content } => {
                // The subject is the H1; the letter's own headings start at H2.
                self.heading(level.saturating_add(1).clamp(2, 6), content, parent, indent)?;
            }
            Block::Paragraph(content) => {
                let mut text = StyledText::default();
                styled(content, Weight::Regular, &mut text);
                if text.is_empty() {
                    return Ok(());
                }
                let node = self.structure.add(Role::P, parent);
                let chunk = self.text_chunk(&text, node, indent, BODY_SIZE, BODY_LEADING, INK)?;
                self.chunks.push(chunk);
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                let list = self.structure.add(Role::List(*ordered), parent);
                let label_width = if *ordered { 7.0 * MM } else { 5.0 * MM };
                for (i, item) in items.iter().enumerate() {
                    let li = self.structure.add(Role::Item, Some(list));
                    let label_node = self.structure.add(Role::Label, Some(li));
                    let body = self.structure.add(Role::ItemBody, Some(li));
                    let first_chunk = self.chunks.len();
                    for inner in item {
                        self.block(inner, Some(body), indent + label_width)?;
                    }
                    let label = if *ordered {
                        format!("{}.", start + i as u64)
                    } else {
                        "•".to_string()
                    };
                    let label_line = one_line(Weight::Regular, &label, BODY_SIZE)?;
                    if let Some(chunk) = self.chunks.get_mut(first_chunk) {
                        chunk.space_before = if i == 0 { PARAGRAPH_GAP } else { 3.0 };
                        if let Some(first_line) = chunk.lines.first_mut() {
                            let baseline = match first_line.marks.first() {
                                Some(Mark::Text { baseline, .. }) => *baseline,
                                _ => (BODY_LEADING - BODY_SIZE) / 2.0 + BODY_SIZE * 0.78,
                            };
                            first_line.marks.insert(
                                0,
                                Mark::Text {
                                    line: label_line,
                                    x: indent + 1.0 * MM,
                                    baseline,
                                    size: BODY_SIZE,
                                    color: INK,
                                    node: label_node,
                                },
                            );
                        }
                    }
                }
            }
            Block::Aside(blocks) => {
                let div = self.structure.add(Role::Div, parent);
                let first = self.chunks.len();
                let padding = 4.0 * MM;
                self.right_inset += padding;
                for inner in blocks {
                    self.block(inner, Some(div), indent + padding)?;
                }
                self.right_inset -= padding;
                let inner: Vec<Chunk> = self.chunks.drain(first..).collect();
                let mut merged = Chunk {
                    space_before: 10.0,
                    lines: Vec::new(),
                    keep_together: true,
                    keep_with_next: false,
                    boxed: true,
                    outline: None,
                };
                for (i, chunk) in inner.into_iter().enumerate() {
                    if i > 0 && chunk.space_before > 0.0 {
                        merged.lines.push(LineBox {
                            height: chunk.space_before,
                            marks: Vec::new(),
                        });
                    }
                    merged.lines.extend(chunk.lines);
                }
                self.chunks.push(merged);
            }
            Block::Table { head, rows } => self.table(head, rows, parent, indent)?,
            Block::Rule => self.chunks.push(Chunk {
                space_before: PARAGRAPH_GAP,
                lines: vec![LineBox {
                    height: 10.0,
                    marks: vec![Mark::Rule { y: 5.0 }],
                }],
                keep_together: true,
                keep_with_next: false,
                boxed: false,
                outline: None,
            }),
        }
        Ok(())
    }

    fn table(
        &mut self,
        head: &[Vec<Inline>],
        rows: &[Vec<Vec<Inline>>],
        parent: Option<NodeId>,
        indent: f32,
    ) -> Result<(), RenderError> {
        let table = self.structure.add(Role::Table, parent);
        let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return Ok(());
        }
        let gap = 6.0 * MM;
        let available = CONTENT_WIDTH - indent - self.right_inset - gap * (columns - 1) as f32;
        // Natural widths, then shrunk in proportion when the table is too wide.
        let mut natural = vec![0.0f32; columns];
        for (c, cell) in head.iter().enumerate() {
            let mut text = StyledText::default();
            styled(cell, Weight::Bold, &mut text);
            natural[c] = natural[c].max(width_of(&text)?);
        }
        for row in rows {
            for (c, cell) in row.iter().enumerate().take(columns) {
                let mut text = StyledText::default();
                styled(cell, Weight::Regular, &mut text);
                natural[c] = natural[c].max(width_of(&text)?);
            }
        }
        let total: f32 = natural.iter().sum();
        let widths: Vec<f32> = if total <= available {
            natural
        } else {
            natural.iter().map(|w| w / total * available).collect()
        };
        let mut all_rows: Vec<(bool, &[Vec<Inline>])> = Vec::new();
        if !head.is_empty() {
            all_rows.push((true, head));
        }
        for row in rows {
            all_rows.push((false, row));
        }
        for (is_head, cells) in all_rows {
            let row = self.structure.add(Role::Row, Some(table));
            let mut cell_lines: Vec<(NodeId, f32, Vec<TextLine>)> = Vec::new();
            let mut x = indent;
            for (c, cell) in cells.iter().enumerate().take(columns) {
                let node = self
                    .structure
                    .add(if is_head { Role::Header } else { Role::Cell }, Some(row));
                let mut text = StyledText::default();
                styled(
                    cell,
                    if is_head {
                        Weight::Bold
                    } else {
                        Weight::Regular
                    },
                    &mut text,
                );
                let lines = break_lines(&text, BODY_SIZE, widths[c].max(10.0)).map_err(missing)?;
                cell_lines.push((node, x, lines));
                x += widths[c] + gap;
            }
            let height = cell_lines
                .iter()
                .map(|(_, _, l)| l.len())
                .max()
                .unwrap_or(1)
                .max(1);
            let baseline = (BODY_LEADING - BODY_SIZE) / 2.0 + BODY_SIZE * 0.78;
            let lines = (0..height)
                .map(|k| LineBox {
                    height: BODY_LEADING,
                    marks: cell_lines
                        .iter()
                        .filter_map(|(node, x, lines)| {
                            lines.get(k).map(|line| Mark::Text {
                                line: line.clone(),
                                x: *x,
                                baseline,
                                size: BODY_SIZE,
                                color: INK,
                                node: *node,
                            })
                        })
                        .collect(),
                })
                .collect();
            self.chunks.push(Chunk {
                space_before: if is_head { PARAGRAPH_GAP } else { 2.0 },
                lines,
                keep_together: true,
                keep_with_next: is_head,
                boxed: false,
                outline: None,
            });
        }
        Ok(())
    }
}

fn width_of(text: &StyledText) -> Result<f32, RenderError> {
    Ok(break_lines(text, BODY_SIZE, f32::MAX)
        .map_err(missing)?
        .iter()
        .map(|l| l.width)
        .fold(0.0, f32::max))
}
